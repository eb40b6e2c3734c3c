#!/bin/sh
# diff.sh: times `figtrack diff` of a 100,000-claim baseline report against
# 1,000,000 newer claims in 1,000 articles (target: under 2 s). The
# database is built through the store API by gen-diff.c and kept in
# build/bench/; gen-diff links the library, so a change to it builds the
# database again (about 40 s). On a machine busy with other work, compare
# against a baseline binary run in the same session: docs/store.md.
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

# seconds of wall time of one run, output thrown away
run() {
	s=$(date +%s.%N)
	"$bin" diff --db "$db" "$@" > /dev/null
	e=$(date +%s.%N)
	echo "$s $e" | awk '{ printf "%.2f", $2 - $1 }'
}

"$bin" diff --db "$db" --format csv > "$BUILD/bench/diff.csv"
rows=$(($(wc -l < "$BUILD/bench/diff.csv") - 1))
best_t=""
best_c=""
for i in 1 2 3; do
	t=$(run)
	c=$(run --format csv)
	best_t=$(echo "${best_t:-$t} $t" | awk '{ print ($2 < $1) ? $2 : $1 }')
	best_c=$(echo "${best_c:-$c} $c" | awk '{ print ($2 < $1) ? $2 : $1 }')
done
echo "diff: 100000 baseline claims vs 1000000 newer, $rows csv rows:" \
    "table ${best_t} s, csv ${best_c} s (best of 3; target 2 s)"
