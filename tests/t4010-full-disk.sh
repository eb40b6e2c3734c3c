#!/bin/sh
# t4010-full-disk.sh: a file-size limit (ulimit -f, as a full disk would)
# during add, import and export: a clear error and exit 2, never a kill
# by SIGXFSZ; the database keeps what was committed and passes its
# integrity check; an export's output file is the old one or the new one,
# whole, and no temporary is left behind.
. "$(dirname "$0")/lib.sh"
db=$tmp/t.db

printf 'date: 2020\n\nExports rose 5 percent in 2019.\n' > "$tmp/first.md"
printf 'date: 2021\n\nExports rose 6 percent in 2020.\n' > "$tmp/last.md"
awk 'BEGIN { print "date: 2023-05-01"; print ""
	for (i = 0; i < 3000; i++)
		printf "In %d, Russia supplied about %d percent of the world'"'"'s neon.\n\n", 2000 + i % 24, i % 97 + 1
}' > "$tmp/big.md"
ok "add before the limit" "$FIGTRACK" add --db "$db" "$tmp/first.md"
size=$(wc -c < "$db")

# sh counts ulimit -f in 512-byte blocks: 160 is 80 KB, room for the
# small database but not for the big document's claims
limited() { (ulimit -f 160 && exec "$@"); }
status "add past the limit is exit 2" 2 limited "$FIGTRACK" add --db "$db" "$tmp/big.md" "$tmp/last.md"
has "add past the limit says disk full" "$tmp/err" "t.db: disk full while"
hasnt "add past the limit: not killed" "$tmp/err" "File size limit"
eq "add past the limit: first kept" "$(sqlite3 "$db" 'SELECT group_concat(path) FROM documents')" "$tmp/first.md"
eq "add past the limit: no partial claims" "$(sqlite3 "$db" 'SELECT count(*) FROM claims')" 1
eq "add past the limit: integrity" "$(sqlite3 "$db" 'PRAGMA integrity_check')" ok
ok "add again without the limit" "$FIGTRACK" add --db "$db" "$tmp/big.md" "$tmp/last.md"
eq "add again: all there" "$(sqlite3 "$db" 'SELECT count(*) FROM documents')" 3

# import: one transaction, so all or nothing
awk 'BEGIN { print "metric,entity,period,value,unit,source,published"
	for (i = 0; i < 3000; i++) printf "x.m%d,Z,2021,%d,percent,a source with some words,2022\n", i, i }' > "$tmp/obs.csv"
before=$(sqlite3 "$db" 'SELECT count(*) FROM claims')
status "import past the limit is exit 2" 2 limited "$FIGTRACK" import --db "$db" "$tmp/obs.csv"
has "import past the limit says disk full" "$tmp/err" "disk full while"
eq "import past the limit: nothing stored" "$(sqlite3 "$db" 'SELECT count(*) FROM claims')" "$before"
eq "import past the limit: integrity" "$(sqlite3 "$db" 'PRAGMA integrity_check')" ok

# export: the old output stays whole until the new one is complete
"$FIGTRACK" export --db "$db" --entity nobody -o "$tmp/out.csv" 2>/dev/null
cp "$tmp/out.csv" "$tmp/out.orig"
status "export past the limit is exit 2" 2 limited "$FIGTRACK" export --db "$db" -o "$tmp/out.csv"
has "export past the limit names the file" "$tmp/err" "out.csv: write error: File too large"
same "export past the limit: old output whole" "$tmp/out.csv" "$tmp/out.orig"
eq "export past the limit: no temporary left" "$(ls "$tmp" | grep -c 'out\.csv\.')" 0
status "export to stdout past the limit is exit 2" 2 limited sh -c '"$0" export --db "$1" > "$2"' "$FIGTRACK" "$db" "$tmp/stdout.csv"
has "export to stdout past the limit says so" "$tmp/err" "stdout: write error"
ok "export without the limit" "$FIGTRACK" export --db "$db" -o "$tmp/out.csv"
eq "export without the limit: every claim" "$(($(wc -l < "$tmp/out.csv") - 1))" "$(sqlite3 "$db" 'SELECT count(*) FROM claims')"
