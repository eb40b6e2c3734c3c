#!/bin/sh
# t1000-import.sh: `figtrack import` of an observations CSV, the no-op on
# a second import, titles, standard input, and what docs and series show.
. "$(dirname "$0")/lib.sh"
db=$tmp/t.db
obs=$top/data/samples/later-figures.csv
rows=$(($(wc -l < "$obs") - 1))

ok import "$FIGTRACK" import --db "$db" "$obs"
has import-says "$tmp/out" "imported $rows observations as document 1"
ok import-again "$FIGTRACK" import --db "$db" "$obs"
has import-again-noop "$tmp/out" "already imported as document 1; nothing done"
eq import-again-count "$(sqlite3 "$db" 'SELECT count(*) FROM claims')" "$rows"
eq import-one-doc "$(sqlite3 "$db" 'SELECT count(*) FROM documents')" 1

# the dataset is dated by its latest vintage, each figure by its own
latest=$(cut -d, -f7 "$obs" | grep -v published | sort | tail -1)
eq import-doc-date "$(sqlite3 "$db" 'SELECT published || kind FROM documents')" "${latest}dataset"
ok docs "$FIGTRACK" docs --db "$db" --format csv
has docs-title "$tmp/out" ",later-figures.csv,"
eq docs-rows "$(wc -l < "$tmp/out")" 2

# FIGTRACK_DB is used when --db is not given
FIGTRACK_DB=$db ok env-db "$FIGTRACK" series --format csv
FIGTRACK_DB=$db "$FIGTRACK" series --format csv > "$tmp/list.csv"
has series-list-header "$tmp/list.csv" "metric,entity,partner,unit,figures,first_period,last_period"
has series-list-usd "$tmp/list.csv" "trade.turnover.value,CHN+RUS,,usd,6,2020,2024"
has series-list-cny "$tmp/list.csv" "trade.turnover.value,CHN+RUS,,cny,2,2022,2024"
has series-list-partner "$tmp/list.csv" "trade.exports.value,CHN,RUS,usd,4,2022,2024"

# one metric: ordered by period, each with document, line, quote, source date
"$FIGTRACK" series --db "$db" --format csv trade.turnover.value CHN+RUS > "$tmp/s.csv"
eq series-metric-rows "$(wc -l < "$tmp/s.csv")" 9
eq series-metric-order "$(cut -d, -f4 "$tmp/s.csv" | tr '\n' ' ')" "period 2020 2021 2022 2022 2022-H1 2023 2024 2024 "
has series-metric-row "$tmp/s.csv" "trade.turnover.value,CHN+RUS,,2022-H1,80675000000,,,exact,usd,observed,2025-01-13,later-figures.csv,6,GACC (General Administration of Customs of China) trade data January-June 2022,2022-07-13,"
"$FIGTRACK" series --db "$db" --format jsonl trade.turnover.value > "$tmp/s.jsonl"
has series-jsonl-number "$tmp/s.jsonl" '"value":80675000000,"low":null'
"$FIGTRACK" series --db "$db" --format tsv trade.turnover.value > "$tmp/s.tsv"
has series-tsv "$tmp/s.tsv" "$(printf 'CHN+RUS\t\t2022-H1\t80675000000')"

# standard input, with a title
printf 'metric,entity,period,value,unit,source,published\nx.y,Z,2021,1.5,percent,me,2022-03\n' > "$tmp/small.csv"
"$FIGTRACK" import --db "$db" --title "Stdin data" - < "$tmp/small.csv" > "$tmp/out" 2>"$tmp/err"
eq import-stdin-rc $? 0
eq import-stdin-title "$(sqlite3 "$db" "SELECT path || '|' || published FROM documents WHERE title = 'Stdin data'")" "-|2022-03"
status import-title-two-files 2 "$FIGTRACK" import --db "$db" --title T "$obs" "$tmp/small.csv"
status import-no-file 2 "$FIGTRACK" import --db "$db"
status import-missing-file 2 "$FIGTRACK" import --db "$db" "$tmp/nope.csv"
has import-missing-msg "$tmp/err" "nope.csv: cannot open"
ok import-help "$FIGTRACK" import --help
has import-help-text "$tmp/out" "usage: figtrack import"
