#!/bin/sh
# t1050-injection.sh: SQL only with bound parameters: a title, a metric
# and arguments that look like SQL are stored and matched as plain text.
. "$(dirname "$0")/lib.sh"
db=$tmp/t.db
evil="'); DROP TABLE claims;--"
printf 'metric,entity,period,value,unit,source,published\n"x'"'"' OR '"'"'1'"'"'='"'"'1",Russia,2021,1,percent,"%s",2022\n' "$evil" > "$tmp/evil.csv"

ok import "$FIGTRACK" import --db "$db" --title "$evil" "$tmp/evil.csv"
eq title-stored "$(sqlite3 "$db" 'SELECT title FROM documents')" "$evil"
eq claims-table "$(sqlite3 "$db" "SELECT count(*) FROM sqlite_schema WHERE name = 'claims'")" 1
eq quote-stored "$(sqlite3 "$db" 'SELECT quote FROM claims')" "$evil"
ok docs "$FIGTRACK" docs --db "$db" --format csv
has docs-title "$tmp/out" ",$evil,"
ok series-evil "$FIGTRACK" series --db "$db" --format csv "x' OR '1'='1"
eq series-evil-rows "$(wc -l < "$tmp/out")" 2
status series-or 2 "$FIGTRACK" series --db "$db" "' OR 1=1 --"
"$FIGTRACK" export --db "$db" --metric "' OR ''='" > "$tmp/out"
eq export-or "$(wc -l < "$tmp/out")" 1
ok rm-evil "$FIGTRACK" rm --db "$db" "$evil"
eq removed "$(sqlite3 "$db" 'SELECT count(*) FROM documents')" 0
eq claims-table-still "$(sqlite3 "$db" "SELECT count(*) FROM sqlite_schema WHERE name = 'claims'")" 1
