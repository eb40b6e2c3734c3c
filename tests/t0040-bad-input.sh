#!/bin/sh
# t0040-bad-input.sh: what users feed by mistake: invalid UTF-8, binary
# files, NUL bytes, CRLF and a BOM, and a 50 MB line without breaks.
. "$(dirname "$0")/lib.sh"

printf 'line one\nsecond \377 line with 5 percent\n' > "$tmp/bad.txt"
status "input: invalid UTF-8 is exit 2" 2 "$FIGTRACK" extract "$tmp/bad.txt"
has "input: invalid UTF-8 names line and offset" "$tmp/err" "bad.txt:2:8: invalid UTF-8 at byte offset 16"
eq "input: invalid UTF-8 is one line" "$(wc -l < "$tmp/err" | tr -d ' ')" 1
ok "input: --lossy replaces it" "$FIGTRACK" extract --lossy "$tmp/bad.txt"
has "input: --lossy still extracts" "$tmp/out" "5 percent"

printf 'text\000more 5 percent\n' > "$tmp/nul.txt"
status "input: NUL byte is exit 2" 2 "$FIGTRACK" extract "$tmp/nul.txt"
has "input: NUL byte is called binary" "$tmp/err" "nul.txt:1:5: NUL byte"
head -c 4096 /bin/sh > "$tmp/binary"
status "input: a binary file is exit 2" 2 "$FIGTRACK" extract "$tmp/binary"

printf '\357\273\277In 2020 it was 5 percent.\r\nIn 2021 it was 6 percent.\r\n' > "$tmp/crlf.txt"
ok "input: CRLF and BOM" "$FIGTRACK" extract "$tmp/crlf.txt"
has "input: CRLF first line" "$tmp/out" "crlf.txt,1,5 percent,5,,,exact,percent,2020"
has "input: CRLF second line" "$tmp/out" "crlf.txt,2,6 percent,6,,,exact,percent,2021"
hasnt "input: no carriage return in output" "$tmp/out" "$(printf '\r')"

if [ "${VALGRIND:-0}" != 1 ]; then
	# 50 MB on one line: cut into bounded blocks, every figure found
	# (under the sanitizers, FIGTRACK_SAMPLE, a fifth of it: the same
	# code, each block bounded, at a fifth of the time)
	reps=1110000 mb=50
	if [ "${FIGTRACK_SAMPLE:-1}" -gt 1 ]; then reps=222000 mb=10; fi
	awk -v n="$reps" 'BEGIN { s = "In 2020 the share was 12 percent of the total. "; \
	    for (i = 0; i < n; i++) printf "%s", s }' > "$tmp/line.txt"
	ok "input: $mb MB single line" "$FIGTRACK" extract "$tmp/line.txt"
	n=$(grep -c ',12 percent,12,' "$tmp/out")
	if [ "$n" -ge $((reps - 1000)) ]; then pass "input: the long line keeps its figures"; \
	    else fail "input: the long line found only $n figures of $reps"; fi
	rm -f "$tmp/line.txt"

	# a "sentence" of 650 KB crowded with figures and trade words (a
	# table run into one line): topic rules see a window around each
	# figure, so this is neither quadratic nor a match-limit error. At
	# this size the patterns are JIT-compiled; a quarter of it runs
	# them interpreted.
	awk -v n=140000 'BEGIN { srand(1); split("the in 2021 percent of Russia exports 38 billion US$ rose to by 1,234.5 more than China - , ( ))", w, " "); \
	    for (i = 0; i < n; i++) printf "%s ", w[int(rand() * 21) + 1]; print "" }' > "$tmp/crowd.txt"
	ok "input: 650 KB sentence of figures (JIT)" "$FIGTRACK" extract "$tmp/crowd.txt"
	head -c 160000 "$tmp/crowd.txt" > "$tmp/crowd4.txt"
	ok "input: 160 KB sentence of figures (interpreted)" "$FIGTRACK" extract "$tmp/crowd4.txt"
	rm -f "$tmp/crowd.txt" "$tmp/crowd4.txt"
fi
