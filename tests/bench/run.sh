#!/bin/sh
# run.sh: `make bench`. Extraction throughput on four workloads, each at
# -j 1 and at -j with every core, as MB/s of wall time, as the ratio to
# `grep -c -P` with a plain number pattern on the same bytes (the
# baseline, measured in the same run) and with peak RSS:
#   (a) the ACRI report's body repeated to BENCH_MB (default 100) MB;
#   (b) figure-dense news: the development articles' bodies repeated to
#       BENCH_NEWS_MB (default 50) MB;
#   (c) BENCH_FILES (default 20,000) small files: the articles copied;
#   (d) (a)'s text as one line of BENCH_LINE_MB (default 50) MB: it must
#       run at the MB/s of the same text with its line breaks;
# then the instructions per figure (callgrind, on one article set), then
# the store, diff and PDF benchmarks when they are present, and HTML: a page
# of BENCH_HTML_MB (default 20) made of the same text with a site's
# furniture, converted alone (extract --text) and extracted. Prints
# figures; fails only when a command fails. BENCH_PARTS picks the parts
# (default "extract html store diff pdf").
set -eu
. "$(dirname "$0")/lib.sh"
MB=${BENCH_MB:-100}
NEWS_MB=${BENCH_NEWS_MB:-50}
LINE_MB=${BENCH_LINE_MB:-50}
FILES=${BENCH_FILES:-20000}
PARTS=${BENCH_PARTS:-extract html store diff pdf}	# which benchmarks run
HTML_MB=${BENCH_HTML_MB:-20}
CORES=$(nproc 2>/dev/null || echo 1)

# elapsed seconds (from the nanosecond clock: time(1) gives hundredths),
# peak RSS in KB and CPU seconds of one run of CMD...
run() {
	t0=$(date +%s%N)
	/usr/bin/time -f '%M %U %S' -o "$work/time" "$@" > /dev/null
	t1=$(date +%s%N)
	read -r rss u sy < "$work/time"
	awk -v a="$t0" -v b="$t1" -v r="$rss" -v u="$u" -v s="$sy" \
	    'BEGIN { printf "%.3f %d %.2f\n", (b - a) / 1e9, r, u + s }'
}

# repeat SRC MB OUT: SRC's text repeated to MB megabytes
repeat() {
	awk -v want=$(($2 * 1048576)) -v src="$1" 'BEGIN {
		while ((getline l < src) > 0) { body = body l "\n" }
		while (n < want) { printf "%s", body; n += length(body) }
	}' > "$3"
}

# bench NAME MB GREP_ARGS -- FIGTRACK_ARGS: one line per -j
bench() {
	name=$1 mb=$2 garg=$3
	shift 4
	read -r tg rg cg <<EOF2
$(run grep -c -P '[0-9]+' $garg)
EOF2
	for j in 1 $CORES; do
		read -r tf rf cf <<EOF2
$(run "$fig" extract -j "$j" "$@")
EOF2
		awk -v n="$name" -v j="$j" -v mb="$mb" -v tf="$tf" -v rf="$rf" \
		    -v cf="$cf" -v tg="$tg" 'BEGIN {
			printf "  %-28s -j %-3d %7.2f s %7.1f MB/s  %5.1f MB/s of CPU  %6.0fx grep  peak RSS %6.1f MiB\n",
			    n, j, tf, mb / tf, mb / cf, tf / tg, rf / 1024 }'
		[ "$j" = "$CORES" ] && break
	done
	awk -v n="$name" -v mb="$mb" -v tg="$tg" 'BEGIN {
		printf "  %-28s        %7.2f s %7.1f MB/s  (grep -c -P [0-9]+, the baseline)\n", "", tg, mb / tg }'
}

# The report's body without its References (which would make every
# copy after the first a reference list), or the bundled samples when
# ../shared is absent.
report=$top/../shared/corpus/acri-2022-china-russia-tech.txt
if [ -f "$report" ]; then
	sed -n '73,440p' "$report" > "$work/unit.txt"
	what="the ACRI report body"
else
	samples_text "$work/unit.txt"
	what="the bundled samples"
fi

case " $PARTS " in *" extract "*)
# the articles' bodies, front matter left out
for f in "$top"/tests/corpus/news/*.md; do
	case $f in */README.md|*/SOURCES.md) continue ;; esac
	awk 'NR == 1 && $0 == "---" { fm = 1; next } fm && $0 == "---" { fm = 0; next } !fm' "$f"
	echo
done > "$work/news-unit.txt"
repeat "$work/unit.txt" "$MB" "$work/a.txt"
repeat "$work/news-unit.txt" "$NEWS_MB" "$work/b.txt"
mkdir "$work/c"
awk -v want="$FILES" -v dir="$work/c" -v top="$top/tests/corpus/news" '
	BEGIN { cmd = "ls " top "/*.md"; while ((cmd | getline f) > 0)
		if (f !~ /(README|SOURCES)\.md$/) src[n++] = f
		for (i = 0; i < want; i++) {
			out = sprintf("%s/%05d.md", dir, i)
			while ((getline l < src[i % n]) > 0) print l > out
			close(src[i % n]); close(out)
		} }'
tr '\n' ' ' < "$work/unit.txt" > "$work/flat.txt"
awk -v want=$((LINE_MB * 1048576)) -v src="$work/flat.txt" 'BEGIN {
	getline body < src
	while (n < want) { printf "%s", body; n += length(body) }
	printf "\n" }' > "$work/d.txt"
mb() { awk -v s="$(cat "$@" | wc -c)" 'BEGIN { printf "%.1f", s / 1048576 }'; }
mba=$(mb "$work/a.txt") mbb=$(mb "$work/b.txt") mbd=$(mb "$work/d.txt")
mbc=$(find "$work/c" -type f -exec cat {} + | wc -c | awk '{ printf "%.1f", $1 / 1048576 }')
echo "extraction on $CORES cores (MB/s of wall time; CPU MB/s is per core)"
bench "(a) $mba MB of $what" "$mba" "$work/a.txt" -- "$work/a.txt"
bench "(b) $mbb MB of news articles" "$mbb" "$work/b.txt" -- "$work/b.txt"
bench "(c) $FILES files, $mbc MB" "$mbc" "-r $work/c" -- "$work/c"/*.md
bench "(d) (a)'s text, one $mbd MB line" "$mbd" "$work/d.txt" -- "$work/d.txt"
claims=$("$fig" extract "$work/b.txt" | wc -l)
echo "  (b) holds $((claims - 1)) claims: $(awk -v c="$claims" -v mb="$mbb" 'BEGIN { printf "%.0f", (c - 1) / mb }') a MB"

# instructions per figure: callgrind on the articles once, less the
# instructions of an empty document (loading the rules), every pattern
# JIT-compiled at load (FIGTRACK_JIT=all) so that compiling is not
# counted as a figure's; then both as they run, each pattern compiled
# when first matched
if command -v valgrind > /dev/null 2>&1; then
	printf 'x\n' > "$work/empty.md"
	ir() { jit=$1; shift; FIGTRACK_JIT=$jit valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
		awk '/Collected/ { gsub(",", "", $NF); print $NF }'; }
	i0=$(ir all "$fig" extract -j 1 "$work/empty.md")
	i1=$(ir all "$fig" extract -j 1 "$work/news-unit.txt")
	l0=$(ir 1 "$fig" extract -j 1 "$work/empty.md")
	l1=$(ir 1 "$fig" extract -j 1 "$work/news-unit.txt")
	nf=$("$fig" extract -j 1 "$work/news-unit.txt" | wc -l)
	awk -v a="$i0" -v b="$i1" -v la="$l0" -v lb="$l1" -v n="$((nf - 1))" -v s="$(wc -c < "$work/news-unit.txt")" 'BEGIN {
		printf "  per figure: %.0f instructions (%d figures in %d bytes of articles; %.0f instructions a byte; %.0f M to load the rules, JIT-compiling them all)\n",
		    (b - a) / n, n, s, (b - a) / s, a / 1e6
		printf "  as run (JIT on first match): %.0f M to load the rules, %.0f M for the articles in all\n", la / 1e6, lb / 1e6 }'
	# what the compiled rules take (rules sizes: every pattern JIT-compiled)
	"$fig" rules sizes | awk '$1 == "all" { printf "  the rules: %d patterns, %.1f MB compiled, %.1f MB of machine code\n", $2, $(NF - 1) / 1e6, $NF / 1e6 }'
fi
;; esac

case " $PARTS " in *" html "*)
# the text as a page: each paragraph a <p>, furniture every 50 of them
awk -v want=$((HTML_MB * 1048576)) -v src="$work/unit.txt" 'BEGIN {
	while ((getline l < src) > 0) {
		if (l == "") { if (p != "") body = body "<p>" p "</p>\n"; p = ""; k++
			if (k % 50 == 0) body = body "<aside class=\"related\"><h3>Related</h3><ul><li><a href=\"/x\">Exports up 5% in 2021</a></li></ul></aside>\n"
			continue }
		gsub(/&/, "\\&amp;", l); gsub(/</, "\\&lt;", l)
		p = p == "" ? l : p " " l
	}
	print "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Bench</title>"
	print "<meta property=\"article:published_time\" content=\"2022-11-01\"></head><body>"
	print "<nav><a href=\"/\">Home</a></nav><main><article>"
	while (n < want) { printf "%s", body; n += length(body) }
	print "</article></main><footer>(c) 2022</footer></body></html>"
}' > "$work/page.html"
hsize=$(wc -c < "$work/page.html")
hmb=$(awk -v s="$hsize" 'BEGIN { printf "%.1f", s / 1048576 }')
echo
echo "html: a $hmb MB page of $what"
read -r t_conv rss_conv c_conv <<EOF2
$(run "$fig" extract --text "$work/page.html")
EOF2
read -r t_html rss_html c_html <<EOF2
$(run "$fig" extract "$work/page.html")
EOF2
awk -v mb="$hmb" -v tc="$t_conv" -v cc="$c_conv" -v rc="$rss_conv" \
    -v th="$t_html" -v ch="$c_html" -v rh="$rss_html" 'BEGIN {
	printf "  reading (--text)  %6.2f s  %7.1f MB/s  (%.1f MB/s of CPU)  peak RSS %d KB\n", tc, mb / tc, mb / cc, rc
	printf "  extract           %6.2f s  %7.1f MB/s  (%.1f MB/s of CPU)  peak RSS %d KB\n", th, mb / th, mb / ch, rh
}'
;; esac

for b in store diff pdf; do
	case " $PARTS " in *" $b "*) ;; *) continue ;; esac
	if [ -f "$top/tests/bench/$b.sh" ]; then
		echo
		sh "$top/tests/bench/$b.sh" "$fig"
	fi
done
