#!/bin/sh
# pdf.sh: PDF reading throughput. tests/mkpdf lays the ACRI report (or
# the bundled samples) out as a two-column PDF BENCH_PDF_COPIES times
# over (default 10), and figtrack extracts it: pages per second of CPU
# time (a busy machine's waits left out), best of three, and the share of the time the reading of the PDF takes
# (extract --text) beside the extraction of its claims.
set -eu
. "$(dirname "$0")/lib.sh"
COPIES=${BENCH_PDF_COPIES:-10}
make -s -C "$top" build/tests/mkpdf >/dev/null
report=$top/../shared/corpus/acri-2022-china-russia-tech.txt
if [ -f "$report" ]; then
	src=$report what="the ACRI report"
else
	samples_text "$work/unit.txt"
	src=$work/unit.txt what="the bundled samples"
fi
i=0
while [ $i -lt "$COPIES" ]; do cat "$src"; echo; i=$((i + 1)); done > "$work/doc.txt"
pages=$("$top/build/tests/mkpdf" -c 2 -H "Running head" -F "Footer" \
    "$work/doc.txt" "$work/doc.pdf" | sed 's/.*: \([0-9]*\) pages.*/\1/')
best() { # least CPU seconds (user + system) of three runs of CMD...
	b=""
	for k in 1 2 3; do
		/usr/bin/time -f '%U %S' -o "$work/time" "$@" > /dev/null
		read -r u sy < "$work/time"
		b=$(awk -v a="$b" -v u="$u" -v s="$sy" 'BEGIN { t = u + s; print (a == "" || t < a) ? t : a }')
	done
	echo "$b"
}
t_text=$(best "$fig" extract --text "$work/doc.pdf")
t_all=$(best "$fig" extract "$work/doc.pdf")
echo "pdf: $pages pages ($COPIES copies of $what, two columns)"
awk -v p="$pages" -v a="$t_all" -v t="$t_text" 'BEGIN {
	a = a > 0 ? a : 0.01; t = t > 0 ? t : 0.01
	printf "  figtrack extract      %6.2f s of CPU  %7.1f pages/s\n", a, p / a
	printf "  extract --text        %6.2f s of CPU  %7.1f pages/s  (reading the PDF: %.0f%% of extract)\n", t, p / t, 100 * t / a
}'
