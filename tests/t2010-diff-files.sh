#!/bin/sh
# t2010-diff-files.sh: `figtrack diff OLD NEW...` without a database:
# documents extracted on the fly, CSV files read as import reads them,
# the same answer as through a database, and nothing stored.
. "$(dirname "$0")/lib.sh"
cases=$top/tests/cases/diff
cd "$tmp" || exit 2
cp "$cases/old.txt" "$cases/new.txt" "$cases/stats.csv" .

# US$146.9 billion and 146,900 million US dollars are the same figure,
# even with no tolerance at all
status files 0 "$FIGTRACK" diff --format csv old.txt new.txt
has files-scaled "$tmp/out" 'confirmed,trade.turnover.value,CHN+RUS,usd,2021,146900000000,,,US$146.9 billion,old.txt,6,2021,146900000000,,,"146,900 million US dollars",new.txt,6,2024-01-12,0,0,1,'
has files-target "$tmp/out" "confirmed,chips.process_node,RUS,nm,2030,28,"
has files-stale "$tmp/out" "stale,rnd.staff,Huawei,count,2020,2000,"
status files-exact 0 "$FIGTRACK" diff --format csv --tolerance 0 old.txt new.txt
has files-exact-scaled "$tmp/out" "confirmed,trade.turnover.value,CHN+RUS,usd,2021,"
status files-fail 1 "$FIGTRACK" diff --fail-on stale old.txt new.txt
status files-fail-revised 0 "$FIGTRACK" diff --fail-on revised old.txt new.txt
eq files-nothing-stored "$(ls "$tmp" | grep -c '\.db')" 0

# a dataset: rows published before the baseline are not newer
status files-csv 0 "$FIGTRACK" diff --format csv old.txt new.txt stats.csv
hasnt files-csv-old-vintage "$tmp/out" "2022-01-14"
has files-csv-new "$tmp/out" "new,trade.turnover.value,CHN+RUS,cny,"
has files-csv-target-new "$tmp/out" "new,electronics.market.domestic_share,RUS,percent,"

# the same as through a database (documents are named by path here and
# by title there; compare everything before the quote)
ok db-add "$FIGTRACK" add --db "$tmp/t.db" old.txt new.txt
ok db-import "$FIGTRACK" import --db "$tmp/t.db" stats.csv
"$FIGTRACK" diff --db "$tmp/t.db" --format csv | cut -d, -f1-8 > db.cut
"$FIGTRACK" diff --format csv old.txt new.txt stats.csv | cut -d, -f1-8 > files.cut
same files-like-db files.cut db.cut

# a newer file without a date still counts: the user named it newer
printf 'Trade between China and Russia reached US$150 billion in 2021.\n' > undated.txt
status files-undated 0 "$FIGTRACK" diff --format csv old.txt undated.txt
has files-undated-revised "$tmp/out" "revised,trade.turnover.value,CHN+RUS,usd,2021,146900000000,"
# --since still applies to dated ones
status files-since 0 "$FIGTRACK" diff --format csv --since 2025 old.txt new.txt
has files-since-stale "$tmp/out" "stale,trade.turnover.value,"

# a CSV baseline
status files-csv-baseline 0 "$FIGTRACK" diff --format csv stats.csv new.txt
has files-csv-baseline-rows "$tmp/out" ",GACC annual data 2023,stats.csv,"

status files-missing 2 "$FIGTRACK" diff old.txt nosuch.txt
has files-missing-says "$tmp/err" "nosuch.txt"
printf 'metric,entity\nx,"y\n' > bad.csv
status files-malformed-csv 2 "$FIGTRACK" diff old.txt bad.csv
has files-malformed-csv-says "$tmp/err" "bad.csv"
