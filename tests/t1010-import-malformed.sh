#!/bin/sh
# t1010-import-malformed.sh: a malformed CSV imports nothing, exits 2 and
# says which row and column: unbalanced quote, wrong column count, a
# non-numeric value, a bad date (and a few more).
. "$(dirname "$0")/lib.sh"
db=$tmp/t.db
hdr='metric,entity,period,value,unit,source,published'
good='neon.world_supply_share,Russia,2021,30,percent,Customs,2022-05-01'

# case NAME WANT-IN-MESSAGE ROW-AND-COLUMN-LINES...
bad() {
	name=$1; want=$2; shift 2
	printf '%s\n' "$hdr" "$good" "$@" > "$tmp/$name.csv"
	status "$name-exit" 2 "$FIGTRACK" import --db "$db" "$tmp/$name.csv"
	has "$name-message" "$tmp/err" "$want"
	eq "$name-nothing" "$(sqlite3 "$db" 'SELECT count(*) FROM claims')" 0
	eq "$name-no-doc" "$(sqlite3 "$db" 'SELECT count(*) FROM documents')" 0
}

bad quote "quote.csv:4:4: row 4, column 4: unbalanced quote" "$good" 'x,Russia,2021,"30,percent,Customs,2022-05-01' "$good"
bad quote-inside "row 5, column 2: a quote inside an unquoted field" "$good" "$good" 'x,Rus"sia,2021,30,percent,Customs,2022-05-01'
bad short-row "row 3, column 7: 6 fields, the header has 7" 'x,Russia,2021,30,percent,Customs'
bad long-row "row 3, column 8: 8 fields, the header has 7" "$good,extra"
bad value "row 4, column 4 (value): not a number: 'thirty'" "$good" 'x,Russia,2021,thirty,percent,Customs,2022-05-01'
bad value-comma "row 3, column 4 (value): not a number: '1,200'" 'x,Russia,2021,"1,200",percent,Customs,2022-05-01'
bad date "row 3, column 7 (published): not a date YYYY[-MM[-DD]]: '2022-02-30'" 'x,Russia,2021,30,percent,Customs,2022-02-30'
bad date-words "row 3, column 7 (published): not a date" 'x,Russia,2021,30,percent,Customs,May 2022'
bad period "row 3, column 3 (period): not a period" 'x,Russia,21,30,percent,Customs,2022-05-01'

# the column is also in the FILE:ROW:COL prefix
has value-prefix "$tmp/err" "period.csv:3:3: row 3"

printf 'metric,entity,period,value\nx,y,2020,1\n' > "$tmp/nocols.csv"
status missing-columns 2 "$FIGTRACK" import --db "$db" "$tmp/nocols.csv"
has missing-columns-msg "$tmp/err" "row 1: no 'unit' column"
printf '%s\n' "$hdr" > "$tmp/empty.csv"
status header-only 2 "$FIGTRACK" import --db "$db" "$tmp/empty.csv"
has header-only-msg "$tmp/err" "nothing to import"
printf '%s\n%s\n' "$hdr" "$good" | head -c 60 > "$tmp/cut.csv"
status cut-short 2 "$FIGTRACK" import --db "$db" "$tmp/cut.csv"
printf '%s\n' "$hdr" "$good" | sed 's/Russia/Rus\xffsia/' > "$tmp/utf8.csv"
status bad-utf8 2 "$FIGTRACK" import --db "$db" "$tmp/utf8.csv"
has bad-utf8-msg "$tmp/err" "row 2, column 2: invalid UTF-8"
eq all-nothing "$(sqlite3 "$db" 'SELECT count(*) FROM claims')" 0

# and the good file imports
printf '%s\n%s\n' "$hdr" "$good" > "$tmp/good.csv"
ok good "$FIGTRACK" import --db "$db" "$tmp/good.csv"
eq good-count "$(sqlite3 "$db" 'SELECT count(*) FROM claims')" 1
