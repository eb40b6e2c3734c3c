#!/bin/sh
# t2030-diff-colour.sh: the diff table is coloured on a terminal only,
# never when NO_COLOR is set or the output is a pipe or a file.
. "$(dirname "$0")/lib.sh"
cases=$top/tests/cases/diff
db=$tmp/t.db
for f in report articles stats; do
	"$FIGTRACK" import --db "$db" "$cases/$f.csv" > /dev/null
done
esc=$(printf '\033')

"$FIGTRACK" diff --db "$db" --baseline 1 > "$tmp/pipe"
hasnt pipe-plain "$tmp/pipe" "$esc"
if ! command -v script > /dev/null 2>&1; then
	echo "SKIP tty: no script(1) to give a terminal"
	exit 0
fi
# script(1) runs the command on a pseudo-terminal
unset NO_COLOR
script -qec "'$FIGTRACK' diff --db '$db' --baseline 1" /dev/null > "$tmp/tty" 2>&1
has tty-coloured "$tmp/tty" "${esc}[31mrevised${esc}[0m"
has tty-aligned "$tmp/tty" "${esc}[32mconfirmed${esc}[0m     semiconductors.imports"
NO_COLOR=1 script -qec "'$FIGTRACK' diff --db '$db' --baseline 1" /dev/null > "$tmp/nocolor" 2>&1
hasnt no-color-plain "$tmp/nocolor" "$esc"
has no-color-table "$tmp/nocolor" "revised       trade.exports.change"
# an empty NO_COLOR does not count (no-color.org)
NO_COLOR= script -qec "'$FIGTRACK' diff --db '$db' --baseline 1" /dev/null > "$tmp/empty" 2>&1
has empty-no-color "$tmp/empty" "${esc}[31mrevised"
