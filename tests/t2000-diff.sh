#!/bin/sh
# t2000-diff.sh: `figtrack diff` against a database: every class from
# fixed claim records and observations (compared byte for byte), the
# formats, --since, --tolerance, --fail-on, choosing the baseline, and a
# baseline without metrics.
. "$(dirname "$0")/lib.sh"
db=$tmp/t.db
cases=$top/tests/cases/diff
for f in report articles stats; do
	ok "import-$f" "$FIGTRACK" import --db "$db" "$cases/$f.csv"
done

# every class; two newer sources for one period are both listed
status csv 0 "$FIGTRACK" diff --db "$db" --baseline "Outlook 2022" --format csv
same csv-every-class "$tmp/out" "$cases/every-class.exp"
# (a row of each: grep -F with a line break in the pattern would also
# match the empty pattern after it, so anchor with grep's own ^)
for c in confirmed revised updated target-moved related stale new; do
	eq "csv-has-$c" "$(grep -c "^$c," "$tmp/out" | awk '{ print ($1 > 0) }')" 1
done
# the dataset's vintage from before the report is not newer
hasnt csv-old-vintage "$tmp/out" "2022-01-14"

# by id, the same
status by-id 0 "$FIGTRACK" diff --db "$db" --baseline 1 --format csv
same by-id-same "$tmp/out" "$cases/every-class.exp"
FIGTRACK_DB=$db status env-db 0 "$FIGTRACK" diff --baseline "Outlook 2022" --format csv
same env-db-same "$tmp/out" "$cases/every-class.exp"

# JSONL: same fields, numbers as numbers, empty numbers as null
status jsonl 0 "$FIGTRACK" diff --db "$db" --baseline "Outlook 2022" --format jsonl
eq jsonl-rows "$(wc -l < "$tmp/out")" "$(($(wc -l < "$cases/every-class.exp") - 1))"
has jsonl-first "$tmp/out" '{"class":"confirmed","metric":"semiconductors.imports.share","entity":"RUS","unit":"percent","baseline_period":"2020","baseline_value":57,"baseline_low":null,'
# between two percentages: points, no relative change
has jsonl-change "$tmp/out" '"change_abs":0.2,"change_rel":null,"latest":1,'
has jsonl-rel "$tmp/out" '"change_abs":93223000000,"change_rel":0.634658,"latest":1,'
status tsv 0 "$FIGTRACK" diff --db "$db" --baseline "Outlook 2022" --format tsv
eq tsv-header "$(head -1 "$tmp/out" | cut -f1-3)" "$(printf 'class\tmetric\tentity')"

# the table: deciding rows only, each with where both figures stand
status table 0 "$FIGTRACK" diff --db "$db" --baseline "Outlook 2022"
has table-head "$tmp/out" "CLASS         METRIC"
has table-revised "$tmp/out" "revised       trade.exports.change                    CHN / RUS"
has table-where "$tmp/out" 'Outlook 2022:12 "fell 38 percent" -> Article 2024:4 "up 12.8 percent" (2024-03-01)'
has table-stale "$tmp/out" 'Outlook 2022:22 "2,000 personnel" -> no newer figure'
has table-scaled "$tmp/out" "2021 146.887 bn  2023 240.11 bn      +93.223 bn (+63.5%)"
has table-counts "$tmp/out" "5 confirmed, 1 revised, 1 updated, 1 target-moved, 1 related, 1 stale, 2 new"
has table-points "$tmp/out" "2021 -38         2021 12.8           +50.8 pp"
# like with like: a yearly change is not updated by January-October's
has table-related "$tmp/out" "related       trade.turnover.change                   CHN+RUS           percent           2021 5           2023-01/2023-10 20"
# and no change between the two
hasnt table-related-no-change "$tmp/out" "2023-01/2023-10 20  +"
# units of one kind convert: 0.09 micron is 90 nm
has table-converted "$tmp/out" 'Outlook 2022:20 "90 nm" -> Article 2024:12 "0.09 micron" (2024-03-01)'
has table-hidden "$tmp/out" "1 more row gives older sources for the same periods"
hasnt table-older "$tmp/out" 'down 38%'
hasnt table-no-escapes "$tmp/out" "$(printf '\033')"

# --fail-on: exit 1 when a deciding row is of such a class
status fail-revised 1 "$FIGTRACK" diff --db "$db" --baseline "Outlook 2022" --fail-on revised
status fail-any 1 "$FIGTRACK" diff --db "$db" --baseline "Outlook 2022" --fail-on any
status fail-list 1 "$FIGTRACK" diff --db "$db" --baseline "Outlook 2022" --fail-on target-moved,new
status fail-related 1 "$FIGTRACK" diff --db "$db" --baseline "Outlook 2022" --fail-on related
status fail-not-stale 0 "$FIGTRACK" diff --db "$db" --baseline "Outlook 2022" --since 2024-06 --fail-on related
# only the deciding row counts: the older confirming source does not
status fail-confirmed-older 1 "$FIGTRACK" diff --db "$db" --baseline "Outlook 2022" --fail-on confirmed

# --since replaces the baseline's date: on or after it
status since 0 "$FIGTRACK" diff --db "$db" --baseline "Outlook 2022" --since 2024 --format csv
hasnt since-no-2023 "$tmp/out" "Article 2023"
has since-stale-share "$tmp/out" "stale,semiconductors.imports.share,"
has since-revised "$tmp/out" "revised,trade.exports.change,"
status since-late-revised 0 "$FIGTRACK" diff --db "$db" --baseline "Outlook 2022" --since 2024-06 --fail-on revised
status since-late-any 1 "$FIGTRACK" diff --db "$db" --baseline "Outlook 2022" --since 2024-06 --fail-on any
has since-late-stale "$tmp/out" "0 confirmed, 0 revised, 0 updated, 0 target-moved, 0 related, 10 stale, 0 new"
# an earlier date lets older vintages in
status since-early 0 "$FIGTRACK" diff --db "$db" --baseline "Outlook 2022" --since 2022 --format csv
has since-early-vintage "$tmp/out" "2022-01-14"

# --tolerance: 57 -> 57.2 is 0.35 %
status tol-tight 0 "$FIGTRACK" diff --db "$db" --baseline "Outlook 2022" --tolerance 0.001 --format csv
has tol-tight-revised "$tmp/out" "revised,semiconductors.imports.share,"
status tol-percent 0 "$FIGTRACK" diff --db "$db" --baseline "Outlook 2022" --tolerance 0.4% --format csv
has tol-percent-confirmed "$tmp/out" "confirmed,semiconductors.imports.share,"
status tol-percent-tight 0 "$FIGTRACK" diff --db "$db" --baseline "Outlook 2022" --tolerance 0.3% --format csv
has tol-percent-tight-revised "$tmp/out" "revised,semiconductors.imports.share,"

# a baseline without metrics: nothing to class, every series is new
ok import-nometric "$FIGTRACK" import --db "$db" "$cases/nometric.csv"
status nometric 0 "$FIGTRACK" diff --db "$db" --baseline "Notes 2022" --format csv
has nometric-warns "$tmp/err" "'Notes 2022' has no figures with a metric: nothing to class"
eq nometric-only-new "$(sed 1d "$tmp/out" | cut -d, -f1 | sort -u)" new
# the Outlook's own series are new here too, as it is newer than Notes
has nometric-outlook "$tmp/out" "Outlook 2022,"

# the default baseline is the oldest report
status no-report 2 "$FIGTRACK" diff --db "$db"
has no-report-says "$tmp/err" "no report in the database"
ok add-old "$FIGTRACK" add --db "$db" "$cases/old.txt"
ok add-new "$FIGTRACK" add --db "$db" --kind article "$cases/new.txt"
status default 0 "$FIGTRACK" diff --db "$db" --format csv
has default-old "$tmp/out" ",Old outlook,"
has default-scaled "$tmp/out" 'confirmed,trade.turnover.value,CHN+RUS,usd,2021,146900000000,,,US$146.9 billion,Old outlook,6,2021,146900000000,,,"146,900 million US dollars",New figures,6,2024-01-12,0,0,1,'

# a stored baseline without a date needs --since
sqlite3 "$db" "UPDATE documents SET published = '' WHERE title = 'Outlook 2022'"
status undated 2 "$FIGTRACK" diff --db "$db" --baseline "Outlook 2022"
has undated-says "$tmp/err" "baseline 'Outlook 2022' has no publication date: give --since DATE"
status undated-since 0 "$FIGTRACK" diff --db "$db" --baseline "Outlook 2022" --since 2023 --format csv
has undated-since-rows "$tmp/out" "revised,trade.exports.change,"

# the default baseline: an undated report when there is no dated one
sqlite3 "$db" "UPDATE documents SET published = '' WHERE title = 'Old outlook'"
status default-undated 2 "$FIGTRACK" diff --db "$db"
has default-undated-says "$tmp/err" "baseline 'Old outlook' has no publication date"
