#!/bin/sh
# t1200-jobs.sh: -j N extracts on N threads and changes nothing else:
# extract, eval --corpus and add give byte-identical output, the same
# errors and the same store with -j 4 as with -j 1, on many files and on
# a failing one among them; a repeated corpus cut in parts redoes none;
# and a 20 MB document of one line finishes, split on 2 and 4 threads.
. "$(dirname "$0")/lib.sh"
news=$top/tests/corpus/news
mkdir "$tmp/many"
n=0
for k in 1 2 3 4; do
	for f in "$news"/*.md; do
		case $f in */README.md|*/SOURCES.md) continue ;; esac
		cp "$f" "$tmp/many/$k-$(basename "$f")"
		n=$((n + 1))
	done
done
eq many-files "$(ls "$tmp/many" | wc -l | tr -d ' ')" "$n"

# extract: the same bytes whatever the threads
"$FIGTRACK" extract -j 1 "$tmp"/many/*.md > "$tmp/x1" 2> "$tmp/e1"
eq extract-j1-rc $? 0
"$FIGTRACK" extract -j 4 "$tmp"/many/*.md > "$tmp/x4" 2> "$tmp/e4"
eq extract-j4-rc $? 0
same extract-j4-same "$tmp/x4" "$tmp/x1"
"$FIGTRACK" extract --jobs 3 "$tmp"/many/*.md > "$tmp/x3"
same extract-j3-same "$tmp/x3" "$tmp/x1"
# two threads hold at most 32 files at once (batch.c's ring): 260 files
# go round it eight times
"$FIGTRACK" extract -j 2 "$tmp"/many/*.md > "$tmp/x2"
same extract-j2-same "$tmp/x2" "$tmp/x1"
eq extract-claims "$(($(wc -l < "$tmp/x1") > 1000))" 1

# a bad file in the middle stops the run at the same place, with the
# claims before it written and the same message
printf 'date: 2023-01-01\n\nabc\0def 12 percent\n' > "$tmp/many/2-zzbad.md"
"$FIGTRACK" extract -j 1 "$tmp"/many/*.md > "$tmp/b1" 2> "$tmp/be1"
r1=$?
"$FIGTRACK" extract -j 4 "$tmp"/many/*.md > "$tmp/b4" 2> "$tmp/be4"
r4=$?
eq bad-rc "$r4" "$r1"
eq bad-rc-2 "$r1" 2
same bad-stdout "$tmp/b4" "$tmp/b1"
same bad-stderr "$tmp/be4" "$tmp/be1"
has bad-names-file "$tmp/be1" "2-zzbad.md"
rm "$tmp/many/2-zzbad.md"

# eval --corpus: the same lines in the same order
"$FIGTRACK" eval -j 1 --corpus "$news" > "$tmp/v1"
"$FIGTRACK" eval -j 4 --corpus "$news" > "$tmp/v4"
same eval-j4-same "$tmp/v4" "$tmp/v1"

# add: the same messages and the same store
"$FIGTRACK" add -j 1 --kind article --db "$tmp/a1.db" "$tmp"/many/1-*.md \
    "$tmp"/many/2-*.md > "$tmp/a1" 2>&1
eq add-j1-rc $? 0
"$FIGTRACK" add -j 4 --kind article --db "$tmp/a4.db" "$tmp"/many/1-*.md \
    "$tmp"/many/2-*.md > "$tmp/a4" 2>&1
eq add-j4-rc $? 0
same add-j4-messages "$tmp/a4" "$tmp/a1"
"$FIGTRACK" export --db "$tmp/a1.db" > "$tmp/ex1"
"$FIGTRACK" export --db "$tmp/a4.db" > "$tmp/ex4"
same add-j4-store "$tmp/ex4" "$tmp/ex1"
# the same contents twice: skipped by -j 4 as by -j 1
"$FIGTRACK" add -j 4 --kind article --db "$tmp/a4.db" "$tmp"/many/1-*.md \
    > "$tmp/again" 2>&1
eq add-again-rc $? 0
has add-again-skips "$tmp/again" "already stored as document"
hasnt add-again-adds "$tmp/again" "added as document"

# one file cut into parts: the same claims as read whole. Small parts
# (FIGTRACK_PART_MIN) give many boundaries, and so parts whose context
# differs from the one the part before ended with, which are redone
cat "$tmp"/many/1-*.md "$tmp"/many/2-*.md > "$tmp/one.md"
"$FIGTRACK" extract -j 1 "$tmp/one.md" > "$tmp/o1"
for pm in 4096 30000; do
	FIGTRACK_PART_MIN=$pm FIGTRACK_SPLIT_DEBUG=1 "$FIGTRACK" extract -j 4 \
	    "$tmp/one.md" > "$tmp/o4" 2> "$tmp/oe"
	eq split-$pm-rc $? 0
	same split-$pm-same "$tmp/o4" "$tmp/o1"
	has split-$pm-parts "$tmp/oe" "part 4 of"
done
# tiny parts: some surely start from the wrong context, and are redone
FIGTRACK_PART_MIN=4096 FIGTRACK_SPLIT_DEBUG=1 "$FIGTRACK" extract -j 3 \
    "$tmp/one.md" 2>&1 > /dev/null | grep -q "extracted again" &&
    pass split-redo-path || fail split-redo-path
# a corpus repeated, in parts that each read enough paragraphs before
# them (WARM_PARAS, within a quarter of a 256 KB part): the news's own
# date comes from the head read, and what lasts the whole document (a
# firm introduced, an Indian fiscal year, a decimal comma, labels a
# figure may recall) is forgotten DOC_STATE_BLOCKS blocks after it was
# last named, so each part starts from the serial pass's context and
# none is redone; the claims are those of -j 1
for k in 1 2 3 4 5 6 7 8; do cat "$tmp"/many/1-*.md; done > "$tmp/news8.md"
"$FIGTRACK" extract -j 1 "$tmp/news8.md" > "$tmp/n1"
rep=${SHARED:-$top/../shared}/corpus/acri-2022-china-russia-tech.txt
if [ -f "$rep" ]; then	# the body, without its References (as the bench)
	sed -n '73,440p' "$rep" > "$tmp/body"
	for k in 1 2 3 4 5 6 7 8 9 10 11 12; do cat "$tmp/body"; done > "$tmp/body12.txt"
	"$FIGTRACK" extract -j 1 "$tmp/body12.txt" > "$tmp/b1"
fi
for j in 2 4; do
	FIGTRACK_PART_MIN=131072 FIGTRACK_SPLIT_DEBUG=1 "$FIGTRACK" extract \
	    -j $j "$tmp/news8.md" > "$tmp/nj" 2> "$tmp/ne"
	same split-news8-j$j-same "$tmp/nj" "$tmp/n1"
	has split-news8-j$j-parts "$tmp/ne" "part 8 of"
	hasnt split-news8-j$j-none-redone "$tmp/ne" "extracted again"
	[ -f "$rep" ] || continue
	FIGTRACK_PART_MIN=262144 FIGTRACK_SPLIT_DEBUG=1 "$FIGTRACK" extract \
	    -j $j "$tmp/body12.txt" > "$tmp/bj" 2> "$tmp/be"
	same split-report12-j$j-same "$tmp/bj" "$tmp/b1"
	has split-report12-j$j-parts "$tmp/be" "part 2 of"
	hasnt split-report12-j$j-none-redone "$tmp/be" "extracted again"
done
# a references section that a part starts inside of: its context says
# so only from the part before
rep=${SHARED:-$top/../shared}/corpus/acri-2022-china-russia-tech.txt
if [ -f "$rep" ]; then
	cat "$rep" "$rep" "$rep" > "$tmp/rep3.txt"
	"$FIGTRACK" extract -j 1 "$tmp/rep3.txt" > "$tmp/r1"
	FIGTRACK_PART_MIN=40000 "$FIGTRACK" extract -j 4 "$tmp/rep3.txt" > "$tmp/r4"
	same split-refs-same "$tmp/r4" "$tmp/r1"
fi
# add and eval of one file in parts
FIGTRACK_PART_MIN=30000 "$FIGTRACK" add -j 4 --kind article --db "$tmp/s4.db" \
    "$tmp/one.md" > "$tmp/sa4" 2>&1
"$FIGTRACK" add -j 1 --kind article --db "$tmp/s1.db" "$tmp/one.md" > "$tmp/sa1" 2>&1
same split-add-messages "$tmp/sa4" "$tmp/sa1"
"$FIGTRACK" export --db "$tmp/s1.db" > "$tmp/se1"
"$FIGTRACK" export --db "$tmp/s4.db" > "$tmp/se4"
same split-add-store "$tmp/se4" "$tmp/se1"
# an error in a later part: the claims before it, then the same message
{ cat "$tmp/one.md"; printf 'In 2023 exports rose \377 12 percent.\n'; cat "$tmp/one.md"; } > "$tmp/bad.md"
"$FIGTRACK" extract -j 1 "$tmp/bad.md" > "$tmp/bo1" 2> "$tmp/bx1"
eq split-bad-rc $? 2
FIGTRACK_PART_MIN=30000 "$FIGTRACK" extract -j 4 "$tmp/bad.md" > "$tmp/bo4" 2> "$tmp/bx4"
eq split-bad-rc4 $? 2
same split-bad-stdout "$tmp/bo4" "$tmp/bo1"
same split-bad-stderr "$tmp/bx4" "$tmp/bx1"

# bad -j
status jobs-zero 2 "$FIGTRACK" extract -j 0 "$tmp/x1"
has jobs-zero-says "$tmp/err" "-j takes a number of threads"
status jobs-word 2 "$FIGTRACK" add -j many "$tmp/x1"
status jobs-huge 2 "$FIGTRACK" eval -j 100000 --corpus "$news"

# one line of 20 MB finishes (no time is asserted), with the figures of
# its text found as in the text with line breaks
rep=${SHARED:-$top/../shared}/corpus/acri-2022-china-russia-tech.txt
if [ -f "$rep" ]; then
	tr '\n' ' ' < "$rep" > "$tmp/flat"
	cat "$tmp/flat" "$tmp/flat" "$tmp/flat" "$tmp/flat" > "$tmp/flat4"
	{ echo "date: 2022-11-01"; echo; } > "$tmp/line.txt"
	while [ "$(wc -c < "$tmp/line.txt")" -lt 20000000 ]; do
		cat "$tmp/flat4" >> "$tmp/line.txt"
	done
	"$FIGTRACK" extract -j 1 "$tmp/line.txt" > "$tmp/lx" 2> "$tmp/le"
	eq long-line-rc $? 0
	eq long-line-claims "$(($(wc -l < "$tmp/lx") > 1000))" 1
	# ... and is cut into parts inside the line, at cuts its warm-up
	# reproduces, with the same claims on 2 and 4 threads
	for j in 2 4; do
		FIGTRACK_SPLIT_DEBUG=1 "$FIGTRACK" extract -j $j "$tmp/line.txt" \
		    > "$tmp/lx$j" 2> "$tmp/le$j"
		eq long-line-j$j-rc $? 0
		cmp -s "$tmp/lx" "$tmp/lx$j"
		eq long-line-j$j-same $? 0
		eq long-line-j$j-split "$(($(grep -c 'part [0-9]* of' \
		    "$tmp/le$j") > 1))" 1
	done
else
	echo "SKIP long-line: no $rep"
fi
