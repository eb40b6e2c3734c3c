#!/bin/sh
# demo.sh: what `make demo` runs, the whole pipeline on the bundled samples
# (data/samples, sources in data/samples/SOURCES.md): extract the 2022
# report briefing to CSV, store it with the later articles in
# demo-out/demo.db, import the later official figures, list the series and
# show one, export every figure to CSV, print the diff of the report
# against everything newer, and write a gnuplot script and an SVG chart
# per series into plots/out (refreshing the README's chart,
# docs/img/plot-example.svg), and write the report page,
# demo-out/report/index.html, with a screenshot of it taken by headless
# Chromium for the README (docs/img/report.png) when Chromium is
# installed. Usage: sh data/demo.sh [FIGTRACK]
set -eu
fig=${1:-./figtrack}
case $fig in /*) ;; *) fig=$(pwd)/$fig ;; esac
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
samples=data/samples
out=demo-out
db=$out/demo.db
FIGTRACK_RULES=$top/data/rules
export FIGTRACK_RULES
unset FIGTRACK_DB

rm -rf "$out" plots/out
mkdir -p "$out" docs/img
echo "== figtrack extract: the report briefing's claims -> $out/report-claims.csv"
"$fig" extract "$samples/acri-2022-summary.md" > "$out/report-claims.csv"
head -4 "$out/report-claims.csv"
echo "   ($(($(wc -l < "$out/report-claims.csv") - 1)) claims)"
echo
echo "== figtrack add: the report, then the later articles"
"$fig" add --db "$db" --kind report "$samples/acri-2022-summary.md"
"$fig" add --db "$db" --kind article "$samples/china-russia-trade-2023.md" \
    "$samples/china-russia-trade-2024.md" \
    "$samples/russia-neon-electronics-2023.md"
echo
echo "== figtrack import: the official figures published since"
"$fig" import --db "$db" "$samples/later-figures.csv"
echo
echo "== figtrack series: every series"
"$fig" series --db "$db"
echo
echo "== figtrack series trade.turnover.value"
"$fig" series --db "$db" trade.turnover.value
echo
echo "== figtrack export -> $out/figures.csv"
"$fig" export --db "$db" -o "$out/figures.csv"
echo "   ($(($(wc -l < "$out/figures.csv") - 1)) figures)"
echo
echo "== figtrack diff: which of the report's figures still hold"
"$fig" diff --db "$db"
"$fig" diff --db "$db" --format csv > "$out/diff.csv"
echo "(every row, older sources included: $out/diff.csv)"
echo
echo "== figtrack plot: a gnuplot script and an SVG per series"
"$fig" plot --db "$db" --out plots/out
cp plots/out/trade.exports.change--CHN--RUS.svg \
    docs/img/plot-example.svg
echo "demo: charts in plots/out (index plots/out/index.csv);" \
    "README chart docs/img/plot-example.svg"
echo
echo "== figtrack report: the diff as a page to publish"
"$fig" report --db "$db" --out "$out/report"
chromium=$(command -v chromium || true)
if [ -n "$chromium" ]; then
	prof=$(mktemp -d)
	HOME=$prof timeout 120 "$chromium" --headless --disable-gpu --no-sandbox \
	    --disable-dev-shm-usage --no-first-run --user-data-dir="$prof" \
	    --hide-scrollbars --window-size=1100,1500 \
	    --screenshot="$top/docs/img/report.png" \
	    "file://$top/$out/report/index.html" >/dev/null 2>&1 &&
	    echo "demo: page screenshot docs/img/report.png (headless Chromium)" ||
	    echo "demo: chromium could not take the page's screenshot" >&2
	rm -rf "$prof"
fi
echo "demo: open $out/report/index.html in a browser"
