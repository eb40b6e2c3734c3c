#!/bin/sh
# t2020-diff-usage.sh: `figtrack diff` options and arguments that make
# no sense are refused with exit 2 and a message naming them.
. "$(dirname "$0")/lib.sh"
cases=$top/tests/cases/diff
db=$tmp/t.db
ok setup "$FIGTRACK" import --db "$db" "$cases/report.csv"

status help 0 "$FIGTRACK" diff --help
has help-usage "$tmp/out" "usage: figtrack diff"
has help-fail-on "$tmp/out" "--fail-on"
status help-cmd 0 "$FIGTRACK" help diff
has help-cmd-usage "$tmp/out" "figtrack diff [OPTIONS] OLD NEW..."

status no-db 2 "$FIGTRACK" diff --db "$tmp/nosuch.db"
eq no-db-not-created "$(ls "$tmp" | grep -c nosuch)" 0
status unknown-baseline 2 "$FIGTRACK" diff --db "$db" --baseline "No such report"
has unknown-baseline-says "$tmp/err" "No such report"
status bad-since 2 "$FIGTRACK" diff --db "$db" --baseline 1 --since 2023-13
has bad-since-says "$tmp/err" "--since '2023-13' is not a date"
status bad-tolerance 2 "$FIGTRACK" diff --db "$db" --baseline 1 --tolerance abc
has bad-tolerance-says "$tmp/err" "--tolerance 'abc'"
status negative-tolerance 2 "$FIGTRACK" diff --db "$db" --baseline 1 --tolerance -0.1
status bad-fail-on 2 "$FIGTRACK" diff --db "$db" --baseline 1 --fail-on sometimes
has bad-fail-on-says "$tmp/err" "--fail-on 'sometimes'"
status bad-fail-on-list 2 "$FIGTRACK" diff --db "$db" --baseline 1 --fail-on revised,
status bad-format 2 "$FIGTRACK" diff --db "$db" --baseline 1 --format xml
has bad-format-says "$tmp/err" "unknown format 'xml'"
status bad-option 2 "$FIGTRACK" diff --frobnicate
status one-file 2 "$FIGTRACK" diff "$cases/old.txt"
has one-file-says "$tmp/err" "give newer files after"
status files-and-db 2 "$FIGTRACK" diff --db "$db" "$cases/old.txt" "$cases/new.txt"
has files-and-db-says "$tmp/err" "exclude each other"
status files-and-baseline 2 "$FIGTRACK" diff --baseline 1 "$cases/old.txt" "$cases/new.txt"
status full-disk 2 sh -c "'$FIGTRACK' diff --db '$db' --baseline 1 > /dev/full"
has full-disk-says "$tmp/err" "cannot write the output"
