#!/bin/sh
# t1110-add-kill.sh: kill -9 during the add of a large file: the database
# passes integrity_check, the document is wholly there or wholly absent,
# and running add again completes.
. "$(dirname "$0")/lib.sh"
db=$tmp/t.db
big=$tmp/big.md

# about 4 MB of prose with two figures a paragraph
awk -v n="$(long_n 40000)" 'BEGIN {
	print "title: Big report"; print "date: 2023-05-01"; print "---"
	print "# Big report"; print ""
	split("Russia Ukraine PRC", e, " ")
	for (i = 0; i < n; i++) {
		printf "In %d, %s supplied about %d percent of the world'"'"'s neon, and exports rose %d.5 percent in %d.\n\n", 2000 + i % 24, e[i % 3 + 1], i % 97 + 1, i % 13 + 1, 2001 + i % 20
	}
}' > "$big"
printf 'date: 2020\n\nExports rose 5 percent in 2019.\n' > "$tmp/small.md"
"$FIGTRACK" add --db "$db" "$tmp/small.md" > /dev/null
small=$(sqlite3 "$db" 'SELECT count(*) FROM claims')

"$FIGTRACK" add --db "$db" "$big" > "$tmp/out" 2> "$tmp/err" &
pid=$!
# kill once the document is hashed and half extracted: the add has read
# the file once whole and then half again (Linux /proc; else a second)
size=$(wc -c < "$big")
i=0
while [ $i -lt 200 ]; do
	r=$(awk '/^rchar/ { print $2 }' /proc/$pid/io 2>/dev/null) || r=
	[ -z "$r" ] && { sleep 1; break; }
	[ "$r" -gt $((size + size / 2)) ] && break
	sleep 0.05; i=$((i + 1))
done
if kill -9 "$pid" 2>/dev/null; then pass killed-while-running; else fail "killed-while-running: add finished within a second"; fi
wait "$pid"
eq killed-status $? 137
eq integrity "$(sqlite3 "$db" 'PRAGMA integrity_check')" ok
docs=$(sqlite3 "$db" "SELECT count(*) FROM documents WHERE title = 'Big report'")
claims=$(sqlite3 "$db" 'SELECT count(*) FROM claims')
full=$("$FIGTRACK" extract "$big" | tail -n +2 | wc -l)
if [ "$docs" = 0 ] && [ "$claims" = "$small" ]; then
	pass wholly-absent
elif [ "$docs" = 1 ] && [ "$claims" = $((small + full)) ]; then
	pass wholly-there
else
	fail "atomic: $docs documents, $claims claims (small $small, full $full)"
fi
eq refs-consistent "$(sqlite3 "$db" 'SELECT count(*) FROM claims WHERE doc_id NOT IN (SELECT id FROM documents)')" 0

ok add-again "$FIGTRACK" add --db "$db" "$big"
eq after-docs "$(sqlite3 "$db" "SELECT count(*) FROM documents WHERE title = 'Big report'")" 1
eq after-claims "$(sqlite3 "$db" 'SELECT count(*) FROM claims')" $((small + full))
eq after-integrity "$(sqlite3 "$db" 'PRAGMA integrity_check')" ok
