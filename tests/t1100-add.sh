#!/bin/sh
# t1100-add.sh: `figtrack add` stores every claim extract finds, with the
# document's title and date and its references; the same content twice
# is a no-op; changed content is a new document; the date comes from
# --published or the document, else it is an error.
. "$(dirname "$0")/lib.sh"
db=$tmp/t.db
samples=$top/data/samples

cat > "$tmp/fn.md" <<'DOC'
title: Footnote test
date: 2023-05-01
---
# Footnote test

In 2021, Russia supplied about 30 percent of the world's neon.¹² Ukraine supplied 70 percent of it in 2021.

## References

12. Reuters, "Russia limits exports of noble gases", 4 June 2022, https://example.org/neon
DOC

ok add "$FIGTRACK" add --db "$db" "$tmp/fn.md"
n=$("$FIGTRACK" extract "$tmp/fn.md" | tail -n +2 | wc -l)
has add-says "$tmp/out" "fn.md: added as document 1 'Footnote test' (2023-05-01): $n claims, 1 references"
eq add-claims "$(sqlite3 "$db" 'SELECT count(*) FROM claims')" "$n"
eq add-doc "$(sqlite3 "$db" "SELECT title || '|' || published || '|' || kind || '|' || path FROM documents")" "Footnote test|2023-05-01|report|$tmp/fn.md"
eq add-sha "$(sqlite3 "$db" 'SELECT sha256 FROM documents')" "$(sha256sum "$tmp/fn.md" | cut -c1-64)"
eq add-ref "$(sqlite3 "$db" "SELECT number || '|' || date || '|' || url FROM refs")" "12|2022-06-04|https://example.org/neon"
# provenance: sentence, byte offsets that point at the quote, the rule
eq add-offsets "$(sqlite3 "$db" "SELECT count(*) FROM claims WHERE byte_end - byte_start = length(CAST(quote AS BLOB)) AND sentence LIKE '%' || quote || '%'")" "$n"
quote=$(sqlite3 "$db" "SELECT byte_start || ' ' || (byte_end - byte_start) || ' ' || quote FROM claims WHERE footnote = '12'")
set -- $quote
eq add-offset-bytes "$(tail -c +$(($1 + 1)) "$tmp/fn.md" | head -c "$2")" "about 30 percent"
# the reference behind footnote 12 reaches series and export
"$FIGTRACK" export --db "$db" > "$tmp/exp.csv"
has export-source "$tmp/exp.csv" "Footnote test,6,about 30 percent,30,,,approx,percent,2021,observed,neon.production.world_share,RUS,12,,,Footnote test,2023-05-01,2022-06-04,https://example.org/neon"
"$FIGTRACK" series --db "$db" --format csv neon.production.world_share > "$tmp/s.csv"
has series-source "$tmp/s.csv" ",2022-06-04,https://example.org/neon"
"$FIGTRACK" series --db "$db" neon.production.world_share > "$tmp/s.txt"
has series-table-source "$tmp/s.txt" "2022-06-04   https://example.org/neon"

# every claim column stored as extract wrote it
"$FIGTRACK" extract "$tmp/fn.md" | tail -n +2 | cut -d, -f2- | sort > "$tmp/x"
tail -n +2 "$tmp/exp.csv" | cut -d, -f2-15 | sort > "$tmp/y"
same add-equals-extract "$tmp/y" "$tmp/x"

# the same content again: a no-op that says so, under any name
cp "$tmp/fn.md" "$tmp/copy.md"
ok again "$FIGTRACK" add --db "$db" "$tmp/copy.md"
has again-says "$tmp/out" "copy.md: already stored as document 1 'Footnote test' (2023-05-01); nothing added"
eq again-docs "$(sqlite3 "$db" 'SELECT count(*) FROM documents')" 1
# changed content at the same path: a new document
printf '\nExports fell 12 percent in 2022.\n' >> "$tmp/fn.md"
ok changed "$FIGTRACK" add --db "$db" "$tmp/fn.md"
has changed-says "$tmp/out" "added as document 2"
eq changed-docs "$(sqlite3 "$db" "SELECT count(*) FROM documents WHERE path = '$tmp/fn.md'")" 2

# the date: --published wins; without any date, an error and nothing stored
printf '# No date here\n\nRussia supplied 30 percent of the neon in 2021.\n' > "$tmp/nodate.md"
status nodate 2 "$FIGTRACK" add --db "$db" "$tmp/nodate.md"
has nodate-msg "$tmp/err" "nodate.md: no publication date found in the document; give --published YYYY[-MM[-DD]]"
eq nodate-nothing "$(sqlite3 "$db" 'SELECT count(*) FROM documents')" 2
ok published "$FIGTRACK" add --db "$db" --published 2021-07 --title "Dated by hand" --kind article "$tmp/nodate.md"
eq published-doc "$(sqlite3 "$db" "SELECT published || '|' || kind FROM documents WHERE title = 'Dated by hand'")" "2021-07|article"
printf 'date: 2020-01-02\n\nRussia supplied 30 percent of the neon in 2019.\n' > "$tmp/dated.md"
ok override "$FIGTRACK" add --db "$db" --published 2024 "$tmp/dated.md"
eq override-date "$(sqlite3 "$db" "SELECT published FROM documents WHERE path = '$tmp/dated.md'")" 2024
status bad-published 2 "$FIGTRACK" add --db "$db" --published "Nov 2022" "$tmp/dated.md"
status bad-kind 2 "$FIGTRACK" add --db "$db" --kind dataset "$tmp/dated.md"
status title-two 2 "$FIGTRACK" add --db "$db" --title T "$tmp/dated.md" "$tmp/fn.md"
# an injection attempt in a title is stored as text
evil="'); DROP TABLE claims;--"
printf 'date: 2020\n\nExports rose 5 percent in 2019.\n' | "$FIGTRACK" add --db "$db" --title "$evil" - > "$tmp/out" 2>"$tmp/err"
eq stdin-rc $? 0
eq stdin-title "$(sqlite3 "$db" "SELECT path FROM documents WHERE title = '''); DROP TABLE claims;--'")" "-"
eq claims-table "$(sqlite3 "$db" "SELECT count(*) FROM sqlite_schema WHERE name = 'claims'")" 1

# several files: a bad one is reported, the others still added
printf 'not \377 utf-8\n' > "$tmp/bad.md"
"$FIGTRACK" add --db "$tmp/m.db" "$samples/acri-2022-summary.md" "$tmp/bad.md" "$samples/china-russia-trade-2024.md" > "$tmp/out" 2> "$tmp/err"
eq multi-rc $? 2
has multi-bad "$tmp/err" "bad.md"
eq multi-docs "$(sqlite3 "$tmp/m.db" 'SELECT count(*) FROM documents')" 2
ok lossy "$FIGTRACK" add --db "$tmp/m.db" --lossy --published 2020 "$tmp/bad.md"
status missing 2 "$FIGTRACK" add --db "$tmp/m.db" "$tmp/absent.md"
has missing-msg "$tmp/err" "absent.md: cannot open"
status add-notadb 2 "$FIGTRACK" add --db "$tmp/bad.md" "$tmp/dated.md"
has add-notadb-msg "$tmp/err" "not a database"
eq integrity "$(sqlite3 "$db" 'PRAGMA integrity_check')" ok
