#!/bin/sh
# demo.sh: the pipeline on the bundled samples (`make demo`): store the
# 2022 report and the later articles, import the newer observations, and
# show which of the report's figures still hold. Usage: demo.sh [FIGTRACK]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-./figtrack}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
cd "$top"
samples=data/samples
out=demo-out
db=$out/demo.db
export FIGTRACK_RULES="${FIGTRACK_RULES:-$top/data/rules}"
unset FIGTRACK_DB

rm -rf "$out"
mkdir -p "$out"
echo "== figtrack add: the report, then the later articles"
"$bin" add --db "$db" "$samples/acri-2022-summary.md"
"$bin" add --db "$db" --kind article "$samples/china-russia-trade-2023.md" \
    "$samples/china-russia-trade-2024.md" \
    "$samples/russia-neon-electronics-2023.md"
echo
echo "== figtrack import: the official figures published since"
"$bin" import --db "$db" "$samples/later-figures.csv"
echo
echo "== figtrack diff: which of the report's figures still hold"
"$bin" diff --db "$db"
"$bin" diff --db "$db" --format csv > "$out/diff.csv"
echo "(every row, older sources included: demo-out/diff.csv)"
