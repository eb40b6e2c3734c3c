#!/bin/sh
# t4000-fuzz-regress.sh: faults the fuzzers found, each as the command a
# user would run (the inputs themselves replay in unit-fuzz).
. "$(dirname "$0")/lib.sh"

# an empty rule file, or one of comments only, is refused, not a crash
mkdir "$tmp/r"
: > "$tmp/r/x.rules"
status "empty rule file is exit 2" 2 "$FIGTRACK" rules check --rules "$tmp/r"
has "empty rule file says so" "$tmp/err" "no [sections]"
printf '# nothing yet\n\n' > "$tmp/r/x.rules"
printf 'In 2020 it was 5 percent.\n' > "$tmp/doc.txt"
status "comment-only rule file is exit 2" 2 "$FIGTRACK" extract --rules "$tmp/r" "$tmp/doc.txt"
has "comment-only rule file says so" "$tmp/err" "no [sections]"

# a first line longer than a title is cut between characters, not inside
# one: what add stores, export writes and import reads back
awk 'BEGIN { s = ""; for (i = 0; i < 200; i++) s = s "\303\251"; print s; print ""; print "In 2020 it was 5 percent." }' > "$tmp/long-title.md"
ok "long title: add" "$FIGTRACK" add --db "$tmp/t.db" --published 2021 "$tmp/long-title.md"
ok "long title: export" "$FIGTRACK" export --db "$tmp/t.db" -o "$tmp/e.csv"
ok "long title: export imports again" "$FIGTRACK" import --db "$tmp/u.db" "$tmp/e.csv"
n=$(sqlite3 "$tmp/t.db" "SELECT length(CAST(title AS BLOB)) FROM documents")
eq "long title: cut to whole characters" "$n" 254

# so is a url: longer than the 511 bytes kept of a metadata value (it was
# cut at the byte, in the middle of a character)
awk 'BEGIN { s = "url: https://example.org/"; for (i = 0; i < 250; i++) s = s "\303\251"; print s; print ""; print "In 2020 it was 5 percent." }' > "$tmp/long-url.md"
ok "long url: add" "$FIGTRACK" add --db "$tmp/url.db" --published 2021 "$tmp/long-url.md"
n=$(sqlite3 "$tmp/url.db" "SELECT length(CAST(url AS BLOB)) FROM documents")
eq "long url: cut to whole characters" "$n" 510

# claim offsets point at the quote: past a BOM, and under --lossy in the
# repaired text even when the quote runs onto the next line
printf '\357\273\277In 2020 it was 5 percent.\r\nIn 2021 it was 6 percent.\r\n' > "$tmp/bom.txt"
ok "bom: add" "$FIGTRACK" add --db "$tmp/o.db" --published 2022 "$tmp/bom.txt"
eq "bom: offsets past the BOM" "$(sqlite3 "$tmp/o.db" "SELECT group_concat(byte_start || '-' || byte_end) FROM claims")" "18-27,45-54"
printf 'In 2020 \377\377\377\377\377\377 it had been more than a\ndecade.\n' > "$tmp/lossy.txt"
ok "lossy: add" "$FIGTRACK" add --db "$tmp/l.db" --published 2022 --lossy "$tmp/lossy.txt"
eq "lossy: offsets in the repaired text" "$(sqlite3 "$tmp/l.db" "SELECT byte_start || '-' || byte_end || ':' || replace(quote, char(10), ' ') FROM claims")" "39-57:more than a decade"

# a value too large to write as a plain decimal in 64 bytes was cut to
# other digits on output: extraction drops it, import refuses it
printf 'date: 2021\n\nIn 2020 it earned 99999999999999999999999999999999999999999999999999999999999 trillion dollars and 5 percent more.\n' > "$tmp/huge.md"
ok "huge value: extract" "$FIGTRACK" extract "$tmp/huge.md"
hasnt "huge value: not a claim" "$tmp/out" "trillion dollars"
has "huge value: the rest still is" "$tmp/out" "huge.md,3,5 percent"
printf 'metric,entity,period,value,unit,source,published\nx.y,Z,2021,1%060d,usd,me,2022\n' 0 > "$tmp/huge.csv"
status "huge value: import refuses" 2 "$FIGTRACK" import --db "$tmp/h.db" "$tmp/huge.csv"
has "huge value: import names the field" "$tmp/err" "huge.csv:2:4: row 2, column 4 (value): too large (1e40 or more)"

# a number word, factor or scale of 1e40 or more (or inf) is refused: a
# value past a long made the integer test undefined
mkdir "$tmp/z"
printf '[numbers]\nzillion = 1e300\n[unit percent]\nafter = percent\n' > "$tmp/z/x.rules"
status "huge number word is exit 2" 2 "$FIGTRACK" rules check --rules "$tmp/z"
has "huge number word says so" "$tmp/err" "x.rules:2:11: number word 'zillion' needs a value below 1e40"
printf '[numbers]\nzillion = 1e20\n[unit percent]\nafter = percent\n' > "$tmp/z/x.rules"
printf 'In 2020 it was zillion percent.\n' > "$tmp/z.txt"
ok "large integer number word works" "$FIGTRACK" extract --rules "$tmp/z" "$tmp/z.txt"
has "large integer number word value" "$tmp/out" ",zillion percent,100000000000000000000,"
printf '[scale inf]\npattern = lots\n[unit percent]\nafter = percent\n' > "$tmp/z/x.rules"
status "infinite scale is exit 2" 2 "$FIGTRACK" rules check --rules "$tmp/z"
has "infinite scale says so" "$tmp/err" "[scale N] needs a number below 1e40: 'inf'"

# a rule file of thousands of small sections: every array grew by one
# element a time, which under AddressSanitizer took 80 s for 64 KB
if [ "${VALGRIND:-0}" != 1 ]; then
	rm -rf "$tmp/big" && mkdir "$tmp/big"
	awk 'BEGIN { print "[unit percent]"; print "after = percent"
		for (i = 0; i < 2500; i++) printf "[entity E%d]\npattern = foo%d\n", i, i }' > "$tmp/big/x.rules"
	ok "big rule file loads in time" timeout 30 "$FIGTRACK" rules check --rules "$tmp/big"
	has "big rule file: every entity" "$tmp/out" "2500 entities"
fi


# a title with a space at either end was exported without quotes, and
# import (libcsv trims around an unquoted field) read it back without
# the space: export -> import -> export changed it
printf 'doc,line,quote,value,low,high,qualifier,unit,period,period_kind,metric,entity,footnote,title,published,source_date,source_url\n" Spaced title ",3,5 percent,5,,,exact,percent,2020,observed,x.y,Z,," Spaced title ",2021-01-01,,\n' > "$tmp/spaced.csv"
ok "spaced title: import" "$FIGTRACK" import --db "$tmp/s1.db" "$tmp/spaced.csv"
ok "spaced title: export" "$FIGTRACK" export --db "$tmp/s1.db" -o "$tmp/s1.csv"
has "spaced title: quoted on export" "$tmp/s1.csv" '" Spaced title ",3,'
ok "spaced title: export imports again" "$FIGTRACK" import --db "$tmp/s2.db" "$tmp/s1.csv"
ok "spaced title: export again" "$FIGTRACK" export --db "$tmp/s2.db" -o "$tmp/s2.csv"
same "spaced title: the same bytes" "$tmp/s2.csv" "$tmp/s1.csv"

# fuzz-html: a page whose <title> runs on past the 511 bytes kept had its
# title cut inside a character (here a U+FFFD of --lossy), so the text
# made was no longer UTF-8
reg=$top/tests/fuzz/regress/html/title-cut-in-character
ok "html title cut: lossy text" "$FIGTRACK" extract --lossy --text "$reg"
cp "$tmp/out" "$tmp/title-cut.txt"
ok "html title cut: the text is UTF-8" iconv -f UTF-8 -t UTF-8 "$tmp/title-cut.txt"
