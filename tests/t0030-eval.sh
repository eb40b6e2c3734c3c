#!/bin/sh
# t0030-eval.sh: eval on a small gold file here, and the acceptance
# figures on the real report in ../shared (SKIP when it is absent).
. "$(dirname "$0")/lib.sh"

cat > "$tmp/doc.txt" <<'DOC'
In 2020 the PRC supplied around 57 percent of Russia's semiconductor imports.
Exports had fallen 38 percent by June 2022.
The S-400 is a model name.
DOC
cat > "$tmp/gold.csv" <<'GOLD'
line,quote,value,low,high,qualifier,unit,period,period_kind,metric,entity,footnote,optional,note,partner
1,around 57 percent,57,,,approx,percent,2020|2019,observed,semiconductors.imports.share,RUS,,,,CHN
2,fallen 38 percent,-38,,,exact,percent,2022-06,observed,,,,,,
3,no such claim,1,,,exact,count,,,,,,1,optional rows cost nothing,
GOLD
printf 'line,quote,why\n3,S-400,model name\n' > "$tmp/neg.csv"
ok "eval: small gold file" "$FIGTRACK" eval --gold "$tmp/gold.csv" --negatives "$tmp/neg.csv" "$tmp/doc.txt"
has "eval: F1 of a perfect extraction" "$tmp/out" "F1 1.000"
has "eval: negatives counted" "$tmp/out" "negatives hit  0 of 1"
has "eval: optional rows reported" "$tmp/out" "2 required (1 optional)"
has "eval: a period of two readings, either right" "$tmp/out" "period         1.000"
has "eval: series key" "$tmp/out" "series key     1.000  (1/1)"
# a wrong partner is a wrong series key, not a wrong metric
sed 's/,,CHN$/,,USA/' "$tmp/gold.csv" > "$tmp/gold2.csv"
status "eval: --min-series" 1 "$FIGTRACK" eval --gold "$tmp/gold2.csv" --min-series 0.9 "$tmp/doc.txt"
has "eval: partner counted" "$tmp/out" "partner        0.000  (0/1)"
has "eval: metric still right" "$tmp/out" "metric         1.000  (1/1"
# a gold row the rules cannot find lowers recall and fails --min-f1
printf '2,no figure here,5,,,exact,percent,2022,observed,,,,,,\n' >> "$tmp/gold.csv"
status "eval: below --min-f1 is exit 1" 1 "$FIGTRACK" eval --gold "$tmp/gold.csv" --min-f1 0.95 -v "$tmp/doc.txt"
has "eval: -v lists the miss" "$tmp/out" "MISSED"
printf 'line,quote\n1,"broken\n' > "$tmp/bad.csv"
status "eval: malformed gold is exit 2" 2 "$FIGTRACK" eval --gold "$tmp/bad.csv" "$tmp/doc.txt"
has "eval: malformed gold names the row" "$tmp/err" "bad.csv:2"
# a value in another unit of the same kind is right when it converts
# to the gold value (formats.md); money and kinds never convert
printf 'In 2017 the firm won 1,400 MW of capacity.\nIn 2017 it sold 1,400 MW.\n' > "$tmp/mw.txt"
cat > "$tmp/mw.csv" <<'GOLD'
line,quote,value,low,high,qualifier,unit,period,period_kind,metric,entity,footnote,optional,note,partner
1,"1,400 MW",1.4,,,exact,gw,2017,observed,,,,,,
2,"1,400 MW",1400,,,exact,mwh,2017,observed,,,,,,
GOLD
ok "eval: units of one kind convert" "$FIGTRACK" eval --gold "$tmp/mw.csv" "$tmp/mw.txt"
has "eval: 1,400 MW is 1.4 GW, not 1400 MWh" "$tmp/out" "(1 found, 2 counted extracted)"

C=$SHARED/corpus
if [ -f "$C/acri-2022-china-russia-tech.txt" ] && [ -f "$C/acri-2022.gold.csv" ]; then
	ok "eval: report meets the acceptance figures" "$FIGTRACK" eval \
	    --gold "$C/acri-2022.gold.csv" --negatives "$C/acri-2022.negatives.csv" \
	    --min-f1 0.97 --min-period 0.97 --min-metric 0.97 --min-series 0.97 \
	    --min-footnote 0.85 \
	    --max-negatives 0 "$C/acri-2022-china-russia-tech.txt"
	cat "$tmp/out" | sed 's/^/# /'
else
	echo "SKIP eval: report acceptance: ../shared/corpus is absent"
fi
