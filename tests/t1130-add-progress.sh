#!/bin/sh
# t1130-add-progress.sh: a long add shows a progress line on stderr when
# stderr is a terminal (script(1) gives it one), and none otherwise.
. "$(dirname "$0")/lib.sh"
awk -v n="$(long_n 20000)" 'BEGIN { print "date: 2023-05-01"; print ""
	for (i = 0; i < n; i++)
		printf "In %d, Russia supplied about %d percent of the world'"'"'s neon.\n\n", 2000 + i % 24, i % 97 + 1
}' > "$tmp/big.md"
export FIGTRACK_PROGRESS_DELAY=0
"$FIGTRACK" add --db "$tmp/a.db" "$tmp/big.md" > "$tmp/out" 2> "$tmp/err"
eq no-tty-rc $? 0
hasnt no-tty-quiet "$tmp/err" "adding"
if command -v script > /dev/null 2>&1; then
	script -qec "'$FIGTRACK' add --db '$tmp/b.db' '$tmp/big.md'" /dev/null > "$tmp/tty" 2>&1
	has tty-progress "$tmp/tty" "figtrack: adding [1/1] $tmp/big.md: "
	has tty-done "$tmp/tty" "added as document 1"
else
	echo "SKIP tty-progress: no script(1)"
fi
