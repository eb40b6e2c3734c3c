#!/bin/sh
# t4030-rules-dir.sh: the rules directory missing, not a directory, or
# taken away while a long add runs: a clear error and exit 2 before any
# work, or (rules being compiled once at the start) no effect at all.
. "$(dirname "$0")/lib.sh"

printf 'date: 2020\n\nExports rose 5 percent in 2019.\n' > "$tmp/first.md"
for cmd in "extract $tmp/first.md" "add --db $tmp/m.db $tmp/first.md" "rules check" "rules test"; do
	what=$(echo "$cmd" | cut -d' ' -f1-2 | sed 's/ -.*//')
	# shellcheck disable=SC2086
	status "missing rules: $what is exit 2" 2 "$FIGTRACK" $cmd --rules "$tmp/gone"
	has "missing rules: $what says so" "$tmp/err" "figtrack: $tmp/gone: cannot read rules directory: No such file or directory"
done
eq "missing rules: no database made" "$(ls "$tmp" | grep -c m.db)" 0
FIGTRACK_RULES=$tmp/gone status "missing rules from the environment is exit 2" 2 "$FIGTRACK" extract "$tmp/first.md"
has "missing rules from the environment says so" "$tmp/err" "$tmp/gone: cannot read rules directory"
status "rules path is a file: exit 2" 2 "$FIGTRACK" extract --rules "$tmp/first.md" "$tmp/first.md"
has "rules path is a file: says so" "$tmp/err" "first.md: cannot read rules directory: Not a directory"

# taken away mid-run: the add goes on with the rules it compiled
cp -r "$RULES" "$tmp/rules"
awk -v n="$(long_n 8000)" 'BEGIN { print "date: 2023-05-01"; print ""
	for (i = 0; i < n; i++)
		printf "In %d, Russia supplied about %d percent of the world'"'"'s neon.\n\n", 2000 + i % 24, i % 97 + 1
}' > "$tmp/big.md"
printf 'date: 2021\n\nExports rose 6 percent in 2020.\n' > "$tmp/last.md"
"$FIGTRACK" add --db "$tmp/t.db" --rules "$tmp/rules" "$tmp/first.md" "$tmp/big.md" "$tmp/last.md" > "$tmp/out" 2> "$tmp/err" &
pid=$!
i=0
while [ "$(sqlite3 "$tmp/t.db" 'SELECT count(*) FROM documents' 2>/dev/null)" != 1 ] && [ $i -lt 400 ]; do
	sleep 0.05; i=$((i + 1))
done
rm -rf "$tmp/rules"
if kill -0 "$pid" 2>/dev/null; then pass "rules removed while add ran"; else fail "rules removed while add ran: add had finished"; fi
wait "$pid"
eq "rules removed mid-run: exit 0" $? 0
eq "rules removed mid-run: every document" "$(sqlite3 "$tmp/t.db" 'SELECT count(*) FROM documents')" 3
eq "rules removed mid-run: every claim" "$(sqlite3 "$tmp/t.db" 'SELECT count(*) FROM claims')" $(($(long_n 8000) + 2))
