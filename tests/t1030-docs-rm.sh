#!/bin/sh
# t1030-docs-rm.sh: `figtrack docs` lists documents oldest first with
# their claim counts; `figtrack rm` removes one (by id, title or path)
# with its claims, refuses ambiguous names, and is all or nothing.
. "$(dirname "$0")/lib.sh"
db=$tmp/t.db
hdr='metric,entity,period,value,unit,source,published'
printf '%s\nm,e,2020,1,percent,s,2023\nm,e,2021,2,percent,s,2023\n' "$hdr" > "$tmp/new.csv"
printf '%s\nm,e,2019,3,percent,s,2021-06\n' "$hdr" > "$tmp/old.csv"
mkdir "$tmp/sub"
printf '%s\nm,f,2019,4,percent,s,2022\n' "$hdr" > "$tmp/sub/old.csv"
"$FIGTRACK" import --db "$db" --title "New data" "$tmp/new.csv" > /dev/null
"$FIGTRACK" import --db "$db" --title "Same" "$tmp/old.csv" > /dev/null
"$FIGTRACK" import --db "$db" --title "Same" "$tmp/sub/old.csv" > /dev/null

ok docs "$FIGTRACK" docs --db "$db"
sed 's/^ *//; s/  */ /g' "$tmp/out" > "$tmp/docs"
eq docs-table "$(cat "$tmp/docs")" "id published kind claims title path
2 2021-06 dataset 1 Same $tmp/old.csv
3 2022 dataset 1 Same $tmp/sub/old.csv
1 2023 dataset 2 New data $tmp/new.csv"
# the table is aligned: every row starts its title in the same column
eq docs-aligned "$(awk '{ print index($0, "/") }' "$tmp/out" | sort -u | tr '\n' ' ')" "0 $(($(head -1 "$tmp/out" | sed 's/path$//' | wc -c))) "
ok docs-jsonl "$FIGTRACK" docs --db "$db" --format jsonl
has docs-jsonl-numbers "$tmp/out" '"id":1,"published":'
hasnt docs-jsonl-claims "$tmp/out" '"claims":"'
has docs-jsonl-hash "$tmp/out" "\"sha256\":\"$(sha256sum "$tmp/new.csv" | cut -c1-64)\""
status docs-bad-format 2 "$FIGTRACK" docs --db "$db" --format xml

status rm-ambiguous 2 "$FIGTRACK" rm --db "$db" Same
has rm-ambiguous-msg "$tmp/err" "'Same' matches 2 documents: 2 (Same, 2021-06); 3 (Same, 2022); give the id"
status rm-unknown 2 "$FIGTRACK" rm --db "$db" "No such"
has rm-unknown-msg "$tmp/err" "no document 'No such'"
# all or nothing: the first name is fine, the second is not
status rm-partial 2 "$FIGTRACK" rm --db "$db" 1 "No such"
eq rm-partial-kept "$(sqlite3 "$db" 'SELECT count(*) FROM documents')" 3

ok rm-by-path "$FIGTRACK" rm --db "$db" "$tmp/sub/old.csv"
has rm-by-path-says "$tmp/out" "removed document 3 'Same' (2022, 1 claims)"
ok rm-by-title "$FIGTRACK" rm --db "$db" "New data"
ok rm-by-id "$FIGTRACK" rm --db "$db" 2
eq rm-all-docs "$(sqlite3 "$db" 'SELECT count(*) FROM documents')" 0
eq rm-all-claims "$(sqlite3 "$db" 'SELECT count(*) FROM claims')" 0
status rm-nothing 2 "$FIGTRACK" rm --db "$db"
status rm-no-db 2 "$FIGTRACK" rm --db "$tmp/absent.db" 1
has rm-no-db-msg "$tmp/err" "absent.db: no database here"
eq rm-no-db-created "$(ls "$tmp" | grep -c absent)" 0
# a removed file can be imported again
ok reimport "$FIGTRACK" import --db "$db" "$tmp/new.csv"
has reimport-says "$tmp/out" "imported 2 observations"
