#!/bin/sh
# run.sh: `make bench`. Extraction throughput on a corpus of at least
# 100 MB, beside `grep -c -P` with a plain number pattern on the same file
# (the baseline, measured in the same run), peak memory at two input sizes
# (it must stay flat: documents are streamed), then the store, diff and
# PDF benchmarks when they are present. Prints figures; fails only when a
# command fails. Environment: BENCH_MB (corpus size, default 100),
# BENCH_PARTS (default "extract store diff pdf").
set -eu
fig=${1:-./figtrack}
case $fig in /*) ;; *) fig=$(pwd)/$fig ;; esac
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export FIGTRACK_RULES="${FIGTRACK_RULES:-$top/data/rules}"
MB=${BENCH_MB:-100}
PARTS=${BENCH_PARTS:-extract store diff pdf}	# which benchmarks run

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

# best of three runs: elapsed seconds, peak RSS of the last in KB, and
# CPU seconds (user + system). The target is "on one core", which is
# the CPU time: on a machine busy with other work the elapsed time also
# counts the waits for a core.
run() { # run CMD...
	best="" bestc=""
	for i in 1 2 3; do
		# elapsed time from the clock in nanoseconds: time(1) gives
		# hundredths, and grep takes a few of them
		t0=$(date +%s%N)
		/usr/bin/time -f '%M %U %S' -o "$work/time" "$@" > /dev/null
		t1=$(date +%s%N)
		read -r rss u sy < "$work/time"
		t=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
		best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
		bestc=$(awk -v a="$bestc" -v b="$u" -v c="$sy" 'BEGIN { print (a == "" || b + c < a) ? b + c : a }')
	done
	echo "$best $rss $bestc"
}

case " $PARTS " in *" extract "*)
echo "extraction: $mb MB of $what"
read -r t_fig rss_big c_fig <<EOF2
$(run "$fig" extract "$work/corpus.txt")
EOF2
read -r t_grep rss_grep c_grep <<EOF2
$(run grep -c -P '[0-9]+' "$work/corpus.txt")
EOF2
read -r t_small rss_small c_small <<EOF2
$(run "$fig" extract "$work/small.txt")
EOF2
claims=$("$fig" extract "$work/corpus.txt" | wc -l)
awk -v mb="$mb" -v tf="$t_fig" -v tg="$t_grep" -v c="$claims" -v cf="$c_fig" \
    -v rb="$rss_big" -v rs="$rss_small" 'BEGIN {
	printf "  figtrack extract  %6.2f s  %7.1f MB/s  %d claims  peak RSS %d KB\n", tf, mb / tf, c - 1, rb
	printf "    on one core     %6.2f s of CPU  %7.1f MB/s\n", cf, mb / cf
	printf "  grep -c -P number %6.2f s  %7.1f MB/s  (baseline)\n", tg, mb / tg
	printf "  ratio             extract takes %.1fx the time of grep\n", tf / tg
	printf "  memory            peak RSS %d KB at 10 MB, %d KB at %.0f MB (%.2fx for %.0fx the input)\n", rs, rb, mb, rb / rs, mb / 10
	printf "  target            50 MB/s on one core (CPU time): %s\n", (mb / cf >= 50) ? "met" : "NOT met"
}'
;; esac

for b in store diff pdf; do
	case " $PARTS " in *" $b "*) ;; *) continue ;; esac
	if [ -f "$top/tests/bench/$b.sh" ]; then
		echo
		sh "$top/tests/bench/$b.sh" "$fig"
	fi
done
