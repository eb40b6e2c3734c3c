#!/bin/sh
# t4000-fuzz-regress.sh: faults the fuzzers found, each as the command a
# user would run (the inputs themselves replay in unit-fuzz).
. "$(dirname "$0")/lib.sh"

# an empty rule file, or one of comments only, is refused, not a crash
mkdir "$tmp/r"
: > "$tmp/r/x.rules"
status "empty rule file is exit 2" 2 "$FIGTRACK" rules check --rules "$tmp/r"
has "empty rule file says so" "$tmp/err" "no [sections]"
printf '# nothing yet\n\n' > "$tmp/r/x.rules"
printf 'In 2020 it was 5 percent.\n' > "$tmp/doc.txt"
status "comment-only rule file is exit 2" 2 "$FIGTRACK" extract --rules "$tmp/r" "$tmp/doc.txt"
has "comment-only rule file says so" "$tmp/err" "no [sections]"

# a first line longer than a title is cut between characters, not inside
# one: what add stores, export writes and import reads back
awk 'BEGIN { s = ""; for (i = 0; i < 200; i++) s = s "\303\251"; print s; print ""; print "In 2020 it was 5 percent." }' > "$tmp/long-title.md"
ok "long title: add" "$FIGTRACK" add --db "$tmp/t.db" --published 2021 "$tmp/long-title.md"
ok "long title: export" "$FIGTRACK" export --db "$tmp/t.db" -o "$tmp/e.csv"
ok "long title: export imports again" "$FIGTRACK" import --db "$tmp/u.db" "$tmp/e.csv"
n=$(sqlite3 "$tmp/t.db" "SELECT length(CAST(title AS BLOB)) FROM documents")
eq "long title: cut to whole characters" "$n" 254
