#!/bin/sh
# t3000-plot.sh: figtrack plot on a small database (a report added, later
# claim records and observations imported): one script per series, every
# script rendered to SVG holding its title and labels, the index, the
# chart's marks, options, byte-identical reruns, re-running by hand, and
# gnuplot missing or failing.
. "$(dirname "$0")/lib.sh"
cases=$top/tests/cases/plot
# line NAME FILE LINE: FILE holds LINE as a whole line
line() { if grep -qxF -- "$3" "$2"; then pass "$1"; else fail "$1: no line '$3' in $2"; fi; }
db=$tmp/t.db
o=$tmp/charts

"$FIGTRACK" add --db "$db" --kind report "$cases/report.md" >/dev/null 2>&1 &&
"$FIGTRACK" import --db "$db" "$cases/later-claims.csv" >/dev/null 2>&1 &&
"$FIGTRACK" import --db "$db" --title 'Statistics office' \
    "$cases/stats.csv" >/dev/null 2>&1 ||
	fail "t3000 setup: cannot build the database"

# --- the scripts and the index -----------------------------------------------
ok "plot exits 0" "$FIGTRACK" plot --db "$db" --out "$o"
cp "$tmp/out" "$tmp/plot.out"
cp "$tmp/err" "$tmp/plot.err"
has "plot lists a script" "$tmp/plot.out" "$o/neon.production.world_share--RUS.gp -> neon.production.world_share--RUS.svg (3 figures, 3 sources)"
has "plot sums up" "$tmp/plot.out" "5 scripts, 5 svg charts in $o; index $o/index.csv"
has "plot names the unit left out" "$tmp/plot.err" "trade.turnover.value--CHN+RUS.gp: 1 figure in another unit than 'usd' left out"
ls "$o" | grep '\.gp$' > "$tmp/scripts"
cat > "$tmp/scripts.want" <<'EOF'
chips.process_node--RUS.gp
electronics.market.domestic_share--RUS.gp
machine_tools.consumption.import_share--RUS.gp
neon.production.world_share--RUS.gp
trade.turnover.value--CHN+RUS.gp
EOF
same "one script per series with a metric" "$tmp/scripts" "$tmp/scripts.want"
cat > "$tmp/index.want" <<'EOF'
metric,entity,partner,unit,figures,sources,script,chart
chips.process_node,RUS,,nm,1,1,chips.process_node--RUS.gp,chips.process_node--RUS.svg
electronics.market.domestic_share,RUS,,percent,1,1,electronics.market.domestic_share--RUS.gp,electronics.market.domestic_share--RUS.svg
machine_tools.consumption.import_share,RUS,,percent,1,1,machine_tools.consumption.import_share--RUS.gp,machine_tools.consumption.import_share--RUS.svg
neon.production.world_share,RUS,,percent,3,3,neon.production.world_share--RUS.gp,neon.production.world_share--RUS.svg
trade.turnover.value,CHN+RUS,,usd,3,2,trade.turnover.value--CHN+RUS.gp,trade.turnover.value--CHN+RUS.svg
EOF
same "index.csv lists every script and chart" "$o/index.csv" "$tmp/index.want"

# --- every script rendered, with its title -----------------------------------
tail -n +2 "$o/index.csv" | while IFS=, read -r metric entity partner unit figures sources script chart; do
	svg=$o/$chart
	if [ -s "$svg" ] && grep -q '<svg' "$svg" &&
	    grep -qF "<text>$metric ($entity)</text>" "$svg"; then
		pass "rendered $script with its title"
	else
		fail "rendered $script with its title: $(head -c 200 "$svg" 2>&1)"
	fi
done
svg=$o/neon.production.world_share--RUS.svg
has "svg: y label is the unit" "$svg" ">percent</text>"
has "svg: key names the baseline report" "$svg" "<text>baseline report: Neon briefing (2022-11-01)</text>"
has "svg: key names a later source" "$svg" "<text>Later article (2023-08-23)</text>"
has "svg: key names the dataset, dated by its latest row" "$svg" "<text>Statistics office (2025-01-13)</text>"
has "svg: the latest figure carries its value and its row's own date" "$svg" "<text>latest: 25%, Statistics office 2024-02-01</text>"
has "svg: the baseline figure carries its value" "$svg" "<text>~30%</text>"
has "svg: the yearly panel is named" "$svg" "<text>years</text>"
hasnt "svg: no point is labelled with its source any more (the key names them)" "$svg" "<text>Later article 2023-08-23</text>"
has "svg: x tics are years" "$svg" ">2022</tspan>"
has "svg: money scaled" "$o/trade.turnover.value--CHN+RUS.svg" ">USD, billions</text>"
has "svg: nanometres" "$o/chips.process_node--RUS.svg" ">nanometres (nm)</text>"
has "svg: the target key" "$o/electronics.market.domestic_share--RUS.svg" "hollow, dashed: a target, at its target date"

# --- the marks in the scripts ------------------------------------------------
gp=$o/neon.production.world_share--RUS.gp
has "baseline: line type 1, circles" "$gp" "\$s1_p1_fig using 1:2 with points lt 1 pt fig_pt_base ps fig_ps_base notitle"
has "range as error bars" "$gp" "\$s2_p1_figr using 1:2:3:4 with yerrorbars lt 2"
has "range row: x low high" "$gp" "2022.5 35 30 40"
has "a year at mid-year" "$gp" "2021.5 30"
has "title escaped and noenhanced" "$gp" "set multiplot layout 1,1 title 'neon.production.world_share (RUS)' font fig_title_font noenhanced"
has "loads the shared style" "$gp" "load 'style.gp'"
has "more than: an arrow up from the bound" "$o/machine_tools.consumption.import_share--RUS.gp" "from first 2015.5, first 80 rto graph 0, graph 0.07 as 2 front"
has "almost: an arrow down" "$o/chips.process_node--RUS.gp" "first 65 rto graph 0, graph -0.07"
has "target: hollow at its date" "$o/electronics.market.domestic_share--RUS.gp" "\$s1_p1_tgt << EOD"
has "target: at 2030" "$o/electronics.market.domestic_share--RUS.gp" "2030.5 70"

# --- the same database gives byte-identical files ----------------------------
cp -r "$o" "$tmp/first"
ok "second run exits 0" "$FIGTRACK" plot --db "$db" --out "$o"
for f in "$tmp/first"/*.gp "$tmp/first/index.csv"; do
	same "deterministic $(basename "$f")" "$o/$(basename "$f")" "$f"
done

# --- options -------------------------------------------------------------------
ok "--render none" "$FIGTRACK" plot --db "$db" --out "$tmp/none" --render none
eq "--render none: scripts only" "$(ls "$tmp/none" | grep -c '\.gp$') $(ls "$tmp/none" | grep -c '\.svg$')" "5 0"
line "--render none: index without charts" "$tmp/none/index.csv" "neon.production.world_share,RUS,,percent,3,3,neon.production.world_share--RUS.gp,"
same "--render none: the same scripts" "$tmp/none/neon.production.world_share--RUS.gp" "$tmp/first/neon.production.world_share--RUS.gp"
ok "--render png" "$FIGTRACK" plot --db "$db" --out "$tmp/png" --render png --metric chips.process_node
eq "--render png: a PNG" "$(head -c 4 "$tmp/png/chips.process_node--RUS.png" | od -An -c | tr -d ' ')" "211PNG"
has "--render png: the script draws PNG" "$tmp/png/chips.process_node--RUS.gp" "fig_format = 'png'"
ok "--render pdf" "$FIGTRACK" plot --db "$db" --out "$tmp/pdf" --render pdf --metric chips.process_node
eq "--render pdf: a PDF" "$(head -c 4 "$tmp/pdf/chips.process_node--RUS.pdf")" "%PDF"
ok "--metric" "$FIGTRACK" plot --db "$db" --out "$tmp/m" --metric trade.turnover.value
eq "--metric: one script" "$(ls "$tmp/m" | grep '\.gp$')" "trade.turnover.value--CHN+RUS.gp"
ok "--entity" "$FIGTRACK" plot --db "$db" --out "$tmp/e" --entity CHN+RUS --render none
eq "--entity: one script" "$(ls "$tmp/e" | grep '\.gp$')" "trade.turnover.value--CHN+RUS.gp"
status "no such metric: exit 2" 2 "$FIGTRACK" plot --db "$db" --out "$tmp/x" --metric no.such
has "no such metric: says so" "$tmp/err" "no series to plot for metric 'no.such'"
status "bad --render: exit 2" 2 "$FIGTRACK" plot --db "$db" --render gif
has "bad --render: says so" "$tmp/err" "--render must be svg, png, pdf or none"
status "extra argument: exit 2" 2 "$FIGTRACK" plot --db "$db" stray
status "missing database: exit 2" 2 "$FIGTRACK" plot --db "$tmp/none.db" --out "$tmp/x"
ok "--help" "$FIGTRACK" plot --help
has "--help: usage" "$tmp/out" "usage: figtrack plot"
ok "--baseline by title" "$FIGTRACK" plot --db "$db" --out "$tmp/b" --baseline 'Later article: neon and tools' --metric neon.production.world_share
has "--baseline: that document is the baseline" "$tmp/b/neon.production.world_share--RUS.svg" "<text>baseline report: Later article (2023-08-23)</text>"
has "--baseline: the old report is not" "$tmp/b/neon.production.world_share--RUS.svg" "<text>Neon briefing (2022-11-01)</text>"
status "--baseline unknown: exit 2" 2 "$FIGTRACK" plot --db "$db" --out "$tmp/b" --baseline 'No such document'
status "--style missing: exit 2" 2 "$FIGTRACK" plot --db "$db" --out "$tmp/b" --style "$tmp/nostyle.gp"
has "--style missing: names it" "$tmp/err" "nostyle.gp"

# --- re-running a script by hand -----------------------------------------------
# from another directory: the style is found next to the binary, and the
# scripts find it again from their own directory and from where plot ran
mkdir -p "$tmp/run"
(cd "$tmp/run" && "$FIGTRACK" plot --db "$db" --out charts --render none >/dev/null 2>&1)
if (cd "$tmp/run/charts" && gnuplot neon.production.world_share--RUS.gp </dev/null >/dev/null 2>&1) &&
    grep -q '<svg' "$tmp/run/charts/neon.production.world_share--RUS.svg"; then
	pass "a script re-runs by hand from its directory"
else
	fail "a script re-runs by hand from its directory"
fi
if (cd "$tmp/run" && gnuplot -e "fig_format='png'" charts/neon.production.world_share--RUS.gp </dev/null >/dev/null 2>&1) &&
    [ -s "$tmp/run/neon.production.world_share--RUS.png" ]; then
	pass "a script re-runs by hand from where plot ran, as PNG"
else
	fail "a script re-runs by hand from where plot ran, as PNG"
fi

# --- gnuplot missing: a clear message, the scripts still written -------------
mkdir -p "$tmp/bin"
v=$(command -v valgrind) && ln -s "$v" "$tmp/bin/valgrind"
# Debian's valgrind is a script that runs "$0.bin"
[ -n "$v" ] && [ -x "$v.bin" ] && ln -s "$v.bin" "$tmp/bin/valgrind.bin"
status "no gnuplot: exit 2" 2 env PATH="$tmp/bin" "$FIGTRACK" plot --db "$db" --out "$tmp/nognu"
has "no gnuplot: says so" "$tmp/err" "gnuplot not found"
has "no gnuplot: how to install it" "$tmp/err" "sudo apt-get install gnuplot-nox"
eq "no gnuplot: scripts written, nothing rendered" "$(ls "$tmp/nognu" | grep -c '\.gp$') $(ls "$tmp/nognu" | grep -c '\.svg$')" "5 0"
has "no gnuplot: index written" "$tmp/nognu/index.csv" "metric,entity,partner,unit,figures,sources,script,chart"

# --- gnuplot failing: reported by file, the others still rendered -------------
mkdir -p "$tmp/badstyle"
printf 'set terminal svg\nset no_such_option\n' > "$tmp/badstyle/style.gp"
# a chart from an earlier run is not left to look current
cp -r "$tmp/first" "$tmp/fails"
status "gnuplot failing: exit 2" 2 "$FIGTRACK" plot --db "$db" --out "$tmp/fails" --style "$tmp/badstyle/style.gp"
has "gnuplot failing: names the script" "$tmp/err" "$tmp/fails/neon.production.world_share--RUS.gp: gnuplot failed (exit 1)"
has "gnuplot failing: gives gnuplot's reason" "$tmp/err" "style.gp\" line 2"
eq "gnuplot failing: one message per script" "$(grep -c 'gnuplot failed' "$tmp/err")" 5
eq "gnuplot failing: no chart left behind" "$(ls "$tmp/fails" | grep -c '\.svg$')" 0
line "gnuplot failing: no chart in the index" "$tmp/fails/index.csv" "neon.production.world_share,RUS,,percent,3,3,neon.production.world_share--RUS.gp,"

# --- unlike spans apart, a source's figures joined, targets apart -------------
cat > "$tmp/spans.csv" <<'CSV'
doc,line,quote,value,low,high,qualifier,unit,period,period_kind,metric,entity,footnote,title,published
s,1,a,10,,,exact,percent,2021,observed,x.share,RUS,,Spans,2023-01-01
s,2,b,12,,,exact,percent,2022,observed,x.share,RUS,,Spans,2023-01-01
s,3,c,38,,,exact,percent,2022-H2,observed,x.share,RUS,,Spans,2023-01-01
s,4,d,50,,,exact,percent,2030,target,x.share,RUS,,Spans,2023-01-01
s,5,e,60,,,exact,percent,2035,target,x.share,RUS,,Spans,2023-01-01
CSV
"$FIGTRACK" import --db "$tmp/spans.db" "$tmp/spans.csv" >/dev/null 2>&1 ||
	fail "t3000 setup: cannot import spans.csv"
ok "spans: plot exits 0" "$FIGTRACK" plot --db "$tmp/spans.db" --out "$tmp/spans" --baseline 1
gp=$tmp/spans/x.share--RUS.gp
line "spans: two panels" "$gp" "fig_panels = 2"
line "spans: the years' panel" "$gp" "set title 'years' noenhanced"
line "spans: the half-year's own panel" "$gp" "set title 'half-years' noenhanced"
# the yearly observations joined left to right, the half-year not among them
awk '/^\$s1_p1_line << EOD$/,/^EOD$/' "$gp" > "$tmp/line.got"
printf '%s\n' '$s1_p1_line << EOD' '2021.5 10' '2022.5 12' 'EOD' > "$tmp/line.want"
same "spans: the line joins the yearly observations only" "$tmp/line.got" "$tmp/line.want"
awk '/^\$s1_p2_fig << EOD$/,/^EOD$/' "$gp" | grep -v '^#' > "$tmp/half.got"
printf '%s\n' '$s1_p2_fig << EOD' '2022.747945 38' 'EOD' > "$tmp/half.want"
same "spans: the half-year in its own block of panel 2" "$tmp/half.got" "$tmp/half.want"
has "spans: targets on their own dashed line" "$gp" "\$s1_p1_tline using 1:2 with lines lt 1 dt 2 notitle"
has "spans: every baseline value labelled" "$tmp/spans/x.share--RUS.svg" "<text>38%</text>"
has "spans: a target's value says so" "$tmp/spans/x.share--RUS.svg" "<text>60% target</text>"
