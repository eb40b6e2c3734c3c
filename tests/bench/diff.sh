#!/bin/sh
# diff.sh: times `figtrack diff` of a 100,000-claim baseline report against
# 1,000,000 newer claims in 1,000 articles (target: under 2 s). The
# database is built through the store API by gen-diff.c and kept in
# build/bench/; gen-diff links the library, so a change to it builds the
# database again (about 40 s). The baseline, timed in the same run, is
# the sqlite3 shell reading the same columns of every claim: on a
# machine busy with other work (or one whose two cores differ in speed,
# as this VM's do by 1.5x), the ratio moves less than the seconds.
# Usage: sh tests/bench/diff.sh [FIGTRACK]
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-./figtrack}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
cd "$top"
BUILD=${BUILD:-build}
mkdir -p "$BUILD/bench" "$BUILD/tests/bench"
make -s "$BUILD/tests/bench/gen-diff" >/dev/null
db=$BUILD/bench/diff.db
if [ ! -f "$db" ] || [ "$BUILD/tests/bench/gen-diff" -nt "$db" ]; then
	echo "diff bench: building $db (1.1 million claims, once)..."
	rm -f "$db" "$db-wal" "$db-shm"
	"$BUILD/tests/bench/gen-diff" "$db.tmp" 100000 1000000 1000
	mv "$db.tmp" "$db"
fi

# seconds of wall time of one run of CMD..., output thrown away
run() {
	s=$(date +%s.%N)
	"$@" > /dev/null
	e=$(date +%s.%N)
	echo "$s $e" | awk '{ printf "%.2f", $2 - $1 }'
}
min() { echo "${1:-$2} $2" | awk '{ print ($2 < $1) ? $2 : $1 }'; }

"$bin" diff --db "$db" --format csv > "$BUILD/bench/diff.csv"
rows=$(($(wc -l < "$BUILD/bench/diff.csv") - 1))
# The baseline, in the same run: sqlite3 reading the columns the diff
# reads of every claim, which the diff cannot do without.
sql="SELECT doc_id, series_id, line, quote, value, low, high, qualifier,
    period, period_kind, source_date FROM claims"
best_t="" best_c="" best_s=""
for i in 1 2 3; do
	best_t=$(min "$best_t" "$(run "$bin" diff --db "$db")")
	best_c=$(min "$best_c" "$(run "$bin" diff --db "$db" --format csv)")
	best_s=$(min "$best_s" "$(run sqlite3 -readonly "$db" "$sql")")
done
echo "diff: 100000 baseline claims vs 1000000 newer, $rows csv rows" \
    "(best of 3)"
awk -v t="$best_t" -v c="$best_c" -v s="$best_s" 'BEGIN {
	printf "  figtrack diff     %6.2f s table, %.2f s csv\n", t, c
	printf "  sqlite3 SELECT    %6.2f s  (baseline: the same claims read)\n", s
	printf "  ratio             diff takes %.1fx (table), %.1fx (csv) the time of the read\n", t / s, c / s
	printf "  target            under 2 s: %s\n", (t < 2 && c < 2) ? "met" : "NOT met"
}'
