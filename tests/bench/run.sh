#!/bin/sh
# run.sh: `make bench`. Extraction throughput on a corpus of at least
# 100 MB, beside `grep -c -P` with a plain number pattern on the same file
# (the baseline, measured in the same run), peak memory at two input sizes
# (it must stay flat: documents are streamed), then the store and diff
# benchmarks when they are present. Prints figures; fails only when a
# command fails.
set -eu
fig=${1:-./figtrack}
case $fig in /*) ;; *) fig=$(pwd)/$fig ;; esac
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export FIGTRACK_RULES="${FIGTRACK_RULES:-$top/data/rules}"
MB=${BENCH_MB:-100}

# The corpus: the body of the real report (without its References, which
# would make everything after the first copy a reference list) repeated,
# or the bundled samples when ../shared is absent.
report=$top/../shared/corpus/acri-2022-china-russia-tech.txt
if [ -f "$report" ]; then
	sed -n '73,440p' "$report" > "$work/unit.txt"
	what="the ACRI report body"
else
	for f in "$top"/data/samples/*.md; do sed '1,/^---$/d' "$f"; done > "$work/unit.txt"
	what="the bundled samples"
fi
awk -v want=$((MB * 1048576)) -v src="$work/unit.txt" 'BEGIN {
	while ((getline l < src) > 0) { body = body l "\n" }
	while (n < want) { printf "%s", body; n += length(body) }
}' > "$work/corpus.txt"
head -c $((10 * 1048576)) "$work/corpus.txt" > "$work/small.txt"
size=$(wc -c < "$work/corpus.txt")
mb=$(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1048576 }')

# best of three runs, in seconds; peak RSS of the last, in KB
run() { # run OUTVAR-PREFIX CMD...
	best=""
	for i in 1 2 3; do
		/usr/bin/time -f '%e %M' -o "$work/time" "$@" > /dev/null
		read -r t rss < "$work/time"
		best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
	done
	echo "$best $rss"
}

echo "extraction: $mb MB of $what"
read -r t_fig rss_big <<EOF2
$(run "$fig" extract "$work/corpus.txt")
EOF2
read -r t_grep rss_grep <<EOF2
$(run grep -c -P '[0-9]+' "$work/corpus.txt")
EOF2
read -r t_small rss_small <<EOF2
$(run "$fig" extract "$work/small.txt")
EOF2
claims=$("$fig" extract "$work/corpus.txt" | wc -l)
awk -v mb="$mb" -v tf="$t_fig" -v tg="$t_grep" -v c="$claims" \
    -v rb="$rss_big" -v rs="$rss_small" 'BEGIN {
	printf "  figtrack extract  %6.2f s  %7.1f MB/s  %d claims  peak RSS %d KB\n", tf, mb / tf, c - 1, rb
	printf "  grep -c -P number %6.2f s  %7.1f MB/s  (baseline)\n", tg, mb / tg
	printf "  ratio             extract takes %.1fx the time of grep\n", tf / tg
	printf "  memory            peak RSS %d KB at 10 MB, %d KB at %.0f MB (%.2fx for %.0fx the input)\n", rs, rb, mb, rb / rs, mb / 10
	printf "  target            50 MB/s on one core: %s\n", (mb / tf >= 50) ? "met" : "NOT met"
}'

for b in store diff; do
	if [ -f "$top/tests/bench/$b.sh" ]; then
		echo
		sh "$top/tests/bench/$b.sh" "$fig"
	fi
done
