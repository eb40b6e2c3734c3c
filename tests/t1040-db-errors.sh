#!/bin/sh
# t1040-db-errors.sh: a file that is not a database, a corrupt database,
# another program's database, a newer schema, a missing one: each gives
# a clear message and exit 2, never a crash; and the schema is the one
# the issue asks for (STRICT tables, WAL, foreign keys, a version).
. "$(dirname "$0")/lib.sh"
obs=$top/data/samples/later-figures.csv

# every command that opens the database: NAME EXPECTED-TEXT DB
each() {
	what=$1 want=$2 db=$3
	for cmd in docs series export "import $obs" "rm 1" "series trade.turnover.value"; do
		# shellcheck disable=SC2086
		status "$what-${cmd%% *}" 2 "$FIGTRACK" $cmd --db "$db"
		has "$what-${cmd%% *}-msg" "$tmp/err" "$want"
	done
}

printf 'Shopping list\n\neggs, milk, bread and %0500d\n' 0 > "$tmp/notes.txt"
cp "$tmp/notes.txt" "$tmp/notes.orig"
each text "figtrack: $tmp/notes.txt: not a database" "$tmp/notes.txt"
same text-untouched "$tmp/notes.txt" "$tmp/notes.orig"

# a real database with pages 2 on overwritten
"$FIGTRACK" import --db "$tmp/c.db" "$obs" > /dev/null
sqlite3 "$tmp/c.db" "PRAGMA journal_mode" > "$tmp/jm"
has wal "$tmp/jm" "wal"
awk 'BEGIN { for (i = 0; i < 40000; i++) printf "%c", 33 + (i * 7919) % 90 }' > "$tmp/junk"
dd if="$tmp/junk" of="$tmp/c.db" bs=4096 seek=1 conv=notrunc 2>/dev/null
each corrupt "database is corrupt" "$tmp/c.db"

# a database cut short (a partial copy)
"$FIGTRACK" import --db "$tmp/full.db" "$obs" > /dev/null
head -c 12000 "$tmp/full.db" > "$tmp/cut.db"
each cut "database is corrupt" "$tmp/cut.db"

# the header itself damaged
"$FIGTRACK" import --db "$tmp/h.db" "$obs" > /dev/null
printf 'garbage garbage!' | dd of="$tmp/h.db" conv=notrunc 2>/dev/null
each header "not a database" "$tmp/h.db"

sqlite3 "$tmp/other.db" 'CREATE TABLE recipes (name TEXT)'
each other "not a figtrack database" "$tmp/other.db"

"$FIGTRACK" import --db "$tmp/future.db" "$obs" > /dev/null
sqlite3 "$tmp/future.db" 'PRAGMA user_version = 42'
each future "schema version 42 is newer" "$tmp/future.db"

mkdir "$tmp/dir.db"
each dir "is a directory" "$tmp/dir.db"

status missing-docs 2 "$FIGTRACK" docs --db "$tmp/missing.db"
has missing-docs-msg "$tmp/err" "missing.db: no database here"
eq missing-not-created "$(ls "$tmp" | grep -c missing)" 0

# the schema
db=$tmp/s.db
"$FIGTRACK" import --db "$db" "$obs" > /dev/null
eq version "$(sqlite3 "$db" 'PRAGMA user_version')" 4
eq strict "$(sqlite3 "$db" "SELECT group_concat(name) FROM (SELECT name FROM pragma_table_list WHERE strict = 1 ORDER BY name)")" "claims,documents,refs,timeseries"
eq views "$(sqlite3 "$db" "SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name)")" "claim_rows,series"
eq series-view "$(sqlite3 "$db" "SELECT count(*) FROM series WHERE metric = 'trade.turnover.value'")" 8
eq fk-declared "$(sqlite3 "$db" "SELECT group_concat(\"table\") FROM (SELECT \"table\" FROM pragma_foreign_key_list('claims') ORDER BY 1)")" "documents,timeseries"
eq integrity "$(sqlite3 "$db" 'PRAGMA integrity_check')" ok
