#!/bin/sh
# t4020-readonly-dir.sh: a database in a directory the user may not
# write (as root the commands run as nobody, since root writes anywhere):
# the reading commands still work, writing ones fail with a clear message
# and exit 2, and the database is left as it was.
. "$(dirname "$0")/lib.sh"
obs=$top/data/samples/later-figures.csv

if [ "$(id -u)" = 0 ]; then
	as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
	chmod 755 "$tmp"
else
	as_user() { "$@"; }
fi
if ! as_user "$FIGTRACK" --version >/dev/null 2>&1; then
	# the valgrind wrapper lives in a private directory
	echo "SKIP read-only directory: $FIGTRACK cannot run as another user"
	exit 0
fi

mkdir "$tmp/ro"
printf 'date: 2020\n\nExports rose 5 percent in 2019.\n' > "$tmp/first.md"
chmod 644 "$tmp/first.md"
ok "set up" "$FIGTRACK" import --db "$tmp/ro/t.db" "$obs"
ok "set up add" "$FIGTRACK" add --db "$tmp/ro/t.db" "$tmp/first.md"
chmod 644 "$tmp/ro/t.db"
chmod 555 "$tmp/ro"
cp "$tmp/ro/t.db" "$tmp/before.db"

for cmd in docs series "series trade.turnover.value" export; do
	# shellcheck disable=SC2086
	ok "read-only dir: $cmd works" as_user "$FIGTRACK" $cmd --db "$tmp/ro/t.db"
done
has "read-only dir: export has the claims" "$tmp/out" "trade.turnover.value,CHN+RUS"

status "read-only dir: add is exit 2" 2 as_user "$FIGTRACK" add --db "$tmp/ro/t.db" --published 2022 "$tmp/first.md"
has "read-only dir: add says read-only" "$tmp/err" "t.db: database is read-only"
hasnt "read-only dir: no SQLite grammar" "$tmp/err" "cannot reading"
status "read-only dir: import is exit 2" 2 as_user "$FIGTRACK" import --db "$tmp/ro/t.db" "$obs"
has "read-only dir: import says read-only" "$tmp/err" "database is read-only"
status "read-only dir: rm is exit 2" 2 as_user "$FIGTRACK" rm --db "$tmp/ro/t.db" 1
has "read-only dir: rm says read-only" "$tmp/err" "database is read-only"
status "read-only dir: new database is exit 2" 2 as_user "$FIGTRACK" add --db "$tmp/ro/new.db" "$tmp/first.md"
has "read-only dir: new database says why" "$tmp/err" "new.db: cannot open or create the database: check that its directory exists and that you may write in it"
same "read-only dir: database untouched" "$tmp/ro/t.db" "$tmp/before.db"
eq "read-only dir: no files left" "$(ls "$tmp/ro")" "t.db"

# a writable database file in a read-only directory: no -wal can be made
chmod 755 "$tmp/ro" && chmod 666 "$tmp/ro/t.db" && chmod 555 "$tmp/ro"
status "writable file, read-only dir: add is exit 2" 2 as_user "$FIGTRACK" add --db "$tmp/ro/t.db" --published 2022 "$tmp/first.md"
has "writable file, read-only dir: says why" "$tmp/err" "check the permissions of the file and of its directory"
ok "writable file, read-only dir: docs works" as_user "$FIGTRACK" docs --db "$tmp/ro/t.db"
same "writable file, read-only dir: database untouched" "$tmp/ro/t.db" "$tmp/before.db"
chmod 755 "$tmp/ro"
