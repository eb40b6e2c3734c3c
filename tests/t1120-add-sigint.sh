#!/bin/sh
# t1120-add-sigint.sh: Ctrl-C during a multi-file add keeps the documents
# already added, rolls back the one being added, adds no more, and says
# so; the same add run again completes.
. "$(dirname "$0")/lib.sh"
db=$tmp/t.db
big=$tmp/big.md

awk -v n="$(long_n 80000)" 'BEGIN {
	print "title: Big report"; print "date: 2023-05-01"; print "---"; print ""
	for (i = 0; i < n; i++)
		printf "In %d, Russia supplied about %d percent of the world'"'"'s neon.\n\n", 2000 + i % 24, i % 97 + 1
}' > "$big"
printf 'date: 2020\n\nExports rose 5 percent in 2019.\n' > "$tmp/first.md"
printf 'date: 2021\n\nExports rose 6 percent in 2020.\n' > "$tmp/last.md"

"$FIGTRACK" add --db "$db" "$tmp/first.md" "$big" "$tmp/last.md" > "$tmp/out" 2> "$tmp/err" &
pid=$!
# wait for the first document to be committed, then interrupt the big one
i=0
while [ "$(sqlite3 "$db" 'SELECT count(*) FROM documents' 2>/dev/null)" != 1 ] && [ $i -lt 100 ]; do
	sleep 0.05; i=$((i + 1))
done
# and for the big one to be hashed and partly extracted (Linux /proc)
size=$(wc -c < "$big")
i=0
while [ $i -lt 200 ]; do
	r=$(awk '/^rchar/ { print $2 }' /proc/$pid/io 2>/dev/null) || r=
	[ -z "$r" ] && { sleep 0.3; break; }
	[ "$r" -gt $((size + size / 4)) ] && break
	sleep 0.05; i=$((i + 1))
done
if kill -INT "$pid" 2>/dev/null; then pass interrupted-while-running; else fail "interrupted-while-running: add had finished"; fi
wait "$pid"
eq exit-status $? 2
# while extracting it is rolled back, while hashing never begun (under
# valgrind /proc's read count includes valgrind's own reads, so the
# signal can come that early); either way it says so
has says-interrupted "$tmp/err" "big.md: interrupted; "
has says-not-added "$tmp/err" "not added"
has first-kept-msg "$tmp/out" "first.md: added as document 1"
eq first-kept "$(sqlite3 "$db" "SELECT group_concat(path) FROM documents")" "$tmp/first.md"
eq no-partial-claims "$(sqlite3 "$db" 'SELECT count(*) FROM claims WHERE doc_id <> 1')" 0
eq integrity "$(sqlite3 "$db" 'PRAGMA integrity_check')" ok

ok again "$FIGTRACK" add --db "$db" "$tmp/first.md" "$big" "$tmp/last.md"
has again-noop "$tmp/out" "first.md: already stored"
eq again-docs "$(sqlite3 "$db" 'SELECT count(*) FROM documents')" 3
