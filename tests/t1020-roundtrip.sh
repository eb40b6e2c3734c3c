#!/bin/sh
# t1020-roundtrip.sh: export -> import into a new database -> export is
# byte-identical, for observations and for claim records with titles and
# sources that CSV must quote; export filters and -o.
. "$(dirname "$0")/lib.sh"
a=$tmp/a.db b=$tmp/b.db c=$tmp/c.db

cat > "$tmp/claims.csv" <<'CSV'
doc,line,quote,value,low,high,qualifier,unit,period,period_kind,metric,entity,footnote,title,published,source_date,source_url
x,12,"about 30 percent, ""roughly""",30,25,,approx,percent,2021,observed,neon.production.world_share,RUS,7;8,"Zeta, a report",2022-11,2021-05-03,"https://example.org/a?b=1,2"
x,3,US$1.2 billion,1200000000,,,exact,usd,2022-H1,observed,trade.turnover.value,CHN+RUS,,Alpha note,2022-11,,
x,9,almost 80%,80,,80,almost,percent,2030,target,electronics.market.domestic_share,RUS,,"澳中 brief
on two lines",2023-01-02,,
x,1,a,-38.25,,,exact,percent,,observed,,,,Alpha note,2022-11,,
CSV
# claim records of an export made before the partner and page columns:
# they are optional; a later one has partner, the next page
ok import-claims "$FIGTRACK" import --db "$a" "$tmp/claims.csv"
has import-claims-says "$tmp/out" "imported 4 claim records into 3 documents"
cat > "$tmp/partner.csv" <<'CSV'
doc,line,quote,value,low,high,qualifier,unit,period,period_kind,metric,entity,footnote,partner,title,published,source_date,source_url
x,4,57 percent,57,,,exact,percent,2020,observed,semiconductors.imports.share,RUS,,CHN,Alpha note,2022-11,,
CSV
ok import-partner "$FIGTRACK" import --db "$a" "$tmp/partner.csv"
ok import-obs "$FIGTRACK" import --db "$a" "$top/data/samples/later-figures.csv"
ok export-a "$FIGTRACK" export --db "$a" -o "$tmp/one.csv"
has export-a-says "$tmp/err" "wrote 41 claim records"
ok import-b "$FIGTRACK" import --db "$b" "$tmp/one.csv"
"$FIGTRACK" export --db "$b" > "$tmp/two.csv"
same roundtrip-b "$tmp/two.csv" "$tmp/one.csv"
ok import-c "$FIGTRACK" import --db "$c" - < "$tmp/two.csv"
"$FIGTRACK" export --db "$c" > "$tmp/three.csv"
same roundtrip-c "$tmp/three.csv" "$tmp/one.csv"

# what the export holds
head -1 "$tmp/one.csv" > "$tmp/h"
eq export-header "$(cat "$tmp/h")" "doc,line,quote,value,low,high,qualifier,unit,period,period_kind,metric,entity,footnote,partner,page,title,published,source_date,source_url"
has export-quoted "$tmp/one.csv" '"Zeta, a report",12,"about 30 percent, ""roughly""",30,25,,approx,percent,2021,observed,neon.production.world_share,RUS,7;8,,,"Zeta, a report",2022-11,2021-05-03,"https://example.org/a?b=1,2"'
has export-obs "$tmp/one.csv" "later-figures.csv,2,GACC (General Administration of Customs of China) annual trade data 2020,107760000000,,,exact,usd,2020,observed,trade.turnover.value,CHN+RUS,,,,later-figures.csv,2025-01-13,2021-01-14,"
has export-partner "$tmp/one.csv" "Alpha note,4,57 percent,57,,,exact,percent,2020,observed,semiconductors.imports.share,RUS,,CHN,,Alpha note,2022-11,,"
has export-obs-partner "$tmp/one.csv" ",trade.exports.value,CHN,,RUS,,later-figures.csv,"

# filters
"$FIGTRACK" export --db "$a" --metric trade.turnover.value --entity CHN+RUS > "$tmp/f.csv"
eq filter-rows "$(wc -l < "$tmp/f.csv")" 10
eq filter-metric "$(tail -n +2 "$tmp/f.csv" | cut -d, -f11 | sort -u)" "trade.turnover.value"
"$FIGTRACK" export --db "$a" --metric trade.exports.value --partner CHN > "$tmp/f.csv"
eq filter-partner "$(tail -n +2 "$tmp/f.csv" | cut -d, -f12,14 | sort -u)" "RUS,CHN"
"$FIGTRACK" export --db "$a" --metric trade.exports.value --partner '' > "$tmp/f.csv"
eq filter-no-partner "$(wc -l < "$tmp/f.csv")" 1
"$FIGTRACK" export --db "$a" --since 2023 > "$tmp/f.csv"
eq since-rows "$(grep -c '^later-figures.csv,' "$tmp/f.csv")" 36
has since-keeps "$tmp/f.csv" ",2023-01-02,,"
hasnt since-drops "$tmp/f.csv" "Zeta"
"$FIGTRACK" export --db "$a" --since 2022-11-02 > "$tmp/f.csv"
hasnt since-excludes "$tmp/f.csv" "Alpha note"
status since-bad 2 "$FIGTRACK" export --db "$a" --since yesterday
"$FIGTRACK" export --db "$a" --format jsonl --metric neon.production.world_share > "$tmp/f.jsonl"
has jsonl "$tmp/f.jsonl" '"value":30,"low":25,"high":null'
status table-not-export 2 "$FIGTRACK" export --db "$a" --format table

# -o leaves no partial file when the export fails
status export-bad-db 2 "$FIGTRACK" export --db "$tmp/none.db" -o "$tmp/x.csv"
eq export-no-file "$(ls "$tmp" | grep -c '^x.csv')" 0

# extracted documents too: references behind footnotes become the
# imported claims' own source dates, and the bytes still agree
d=$tmp/d.db e=$tmp/e.db
corpus=$SHARED/corpus/acri-2022-china-russia-tech.txt
if [ -f "$corpus" ]; then set -- "$corpus"; else set --; fi
ok add-docs "$FIGTRACK" add --db "$d" "$top"/data/samples/*-20*.md "$@"
"$FIGTRACK" import --db "$d" "$top/data/samples/later-figures.csv" > /dev/null
"$FIGTRACK" export --db "$d" > "$tmp/four.csv"
if [ $# -eq 0 ]; then
	echo "SKIP extracted-sources: no $corpus"
elif [ "$(grep -c ',https\?://[^,]*$' "$tmp/four.csv")" -gt 0 ]; then
	pass extracted-sources
else
	fail "extracted-sources: no claim of the corpus has a source_url"
fi
ok import-e "$FIGTRACK" import --db "$e" "$tmp/four.csv"
"$FIGTRACK" export --db "$e" > "$tmp/five.csv"
same roundtrip-extracted "$tmp/five.csv" "$tmp/four.csv"
"$FIGTRACK" export --db "$d" --format jsonl > "$tmp/four.jsonl"
"$FIGTRACK" export --db "$e" --format jsonl > "$tmp/five.jsonl"
same roundtrip-jsonl "$tmp/five.jsonl" "$tmp/four.jsonl"
