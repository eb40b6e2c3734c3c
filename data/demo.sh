#!/bin/sh
# demo.sh: what `make demo` runs. Stores the bundled report, the later
# articles and the later official figures (data/samples) in
# demo-out/demo.db, writes a gnuplot script and an SVG chart per series into
# plots/out, and refreshes the README's example chart,
# docs/img/plot-example.svg. Usage: sh data/demo.sh ./figtrack
set -eu
fig=${1:-./figtrack}
case $fig in
/*) ;;
*) fig=$(pwd)/$fig ;;
esac
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
FIGTRACK_RULES=$top/data/rules
export FIGTRACK_RULES
db=demo-out/demo.db

rm -rf demo-out plots/out
mkdir -p demo-out docs/img
"$fig" add --db "$db" --kind report data/samples/acri-2022-summary.md
"$fig" add --db "$db" --kind article data/samples/china-russia-trade-2023.md \
    data/samples/china-russia-trade-2024.md \
    data/samples/russia-neon-electronics-2023.md
"$fig" import --db "$db" data/samples/later-figures.csv

# one chart per series, the ACRI report as the baseline (the oldest report)
"$fig" plot --db "$db" --out plots/out
cp plots/out/trade.china_exports_to_russia.change--PRC.svg \
    docs/img/plot-example.svg
echo "demo: charts in plots/out (index plots/out/index.csv);" \
    "README chart docs/img/plot-example.svg"
