#!/bin/sh
# t1070-migrate.sh: a database of an older schema version is migrated
# forward when opened, once, in place, and keeps every figure: export,
# the series list and the document list read as the version that wrote
# it made them (tests/cases/store/v1.sql, schema version 1), with the
# first vocabulary's slugs and entity names mapped to the second as
# ../shared/docs/metrics.md says (tests/cases/store/v1-*.csv), and every
# claim gets an empty page (schema 4). Then adding (a PDF too, whose
# page is kept) and removing work on the result.
. "$(dirname "$0")/lib.sh"
cases=$top/tests/cases/store
db=$tmp/v1.db
sqlite3 "$db" < "$cases/v1.sql"
eq v1-loaded "$(sqlite3 "$db" 'PRAGMA user_version')" 1
nseries=$(sqlite3 "$db" 'SELECT count(*) FROM (SELECT DISTINCT metric, entity, unit FROM claims)')
# process_node.target and .capability are one series now, and so on
nseries3=29
nclaims=$(sqlite3 "$db" 'SELECT count(*) FROM claims')
ids=$(sqlite3 "$db" "SELECT group_concat(id || ':' || doc_id || ':' || line, ' ') FROM claims")

ok export "$FIGTRACK" export --db "$db" -o "$tmp/export.csv"
same export-same "$tmp/export.csv" "$cases/v1-export.csv"
eq migrated "$(sqlite3 "$db" 'PRAGMA user_version')" 4
# version 4: the comparison base of a change, empty for old claims
eq base-column "$(sqlite3 "$db" "SELECT count(*) FROM claims WHERE base <> ''")" 0
eq integrity "$(sqlite3 "$db" 'PRAGMA integrity_check')" ok
eq foreign-keys "$(sqlite3 "$db" 'PRAGMA foreign_key_check' | wc -l)" 0
eq no-metric-column "$(sqlite3 "$db" "SELECT count(*) FROM pragma_table_info('claims') WHERE name IN ('metric', 'entity', 'unit')")" 0
eq one-row-a-series "$(sqlite3 "$db" 'SELECT count(*) FROM timeseries')" "$nseries3"
eq fewer-series "$(test "$nseries3" -le "$nseries" && echo yes)" yes
eq no-scratch-tables "$(sqlite3 "$db" "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'v3_%'")" 0
# a flow named by its importer before is named by its exporter now
eq flow-by-exporter "$(sqlite3 "$db" "SELECT entity || '>' || partner FROM timeseries WHERE metric = 'trade.exports.value' ORDER BY 1")" "CHN>RUS
RUS>CHN"
eq host-country "$(sqlite3 "$db" "SELECT partner FROM timeseries WHERE metric = 'rnd.staff'")" RUS
eq claims-kept "$(sqlite3 "$db" 'SELECT count(*) FROM claims')" "$nclaims"
eq ids-kept "$(sqlite3 "$db" "SELECT group_concat(id || ':' || doc_id || ':' || line, ' ') FROM claims")" "$ids"
ok series "$FIGTRACK" series --db "$db" --format csv
same series-same "$tmp/out" "$cases/v1-series.csv"
ok docs "$FIGTRACK" docs --db "$db" --format csv
same docs-same "$tmp/out" "$cases/v1-docs.csv"

# opening again migrates nothing
ok export-again "$FIGTRACK" export --db "$db" -o "$tmp/export2.csv"
same export-again-same "$tmp/export2.csv" "$cases/v1-export.csv"
eq still-4 "$(sqlite3 "$db" 'PRAGMA user_version')" 4

# migration 3 -> 4: every claim has a page column, NULL (none came from
# a PDF); the views end with it
eq page-column "$(sqlite3 "$db" "SELECT count(*) FROM pragma_table_info('claims') WHERE name = 'page'")" 1
eq page-null "$(sqlite3 "$db" 'SELECT count(*) FROM claims WHERE page IS NOT NULL')" 0
eq page-in-views "$(sqlite3 "$db" "SELECT count(*) FROM pragma_table_info('series') WHERE name = 'page'") $(sqlite3 "$db" "SELECT count(*) FROM pragma_table_info('claim_rows') WHERE name = 'page'")" "1 1"

# a document added after the migration joins the old series
printf 'title: After\ndate: 2026-01-01\n---\n# After\n\nIn 2024, Russia supplied about 10 percent of the world'"'"'s neon.\n' > "$tmp/after.md"
ok add "$FIGTRACK" add --db "$db" "$tmp/after.md"
ok series-after "$FIGTRACK" series --db "$db" --format csv neon.production.world_share RUS
has series-after-new "$tmp/out" "RUS,,2024,10,"
has series-after-old "$tmp/out" "RUS,,2021,30,"
eq same-series "$(sqlite3 "$db" "SELECT count(*) FROM timeseries WHERE metric = 'neon.production.world_share' AND entity = 'RUS'")" 1

# a PDF added after the migration keeps its pages
mkpdf=$top/${BUILD:-build}/tests/mkpdf
if [ -x "$mkpdf" ]; then
	printf '# Later\n\nMay 2024\n\nIn 2023, Russia supplied about 12 percent of the world'"'"'s neon.\n' > "$tmp/later.txt"
	"$mkpdf" "$tmp/later.txt" "$tmp/later.pdf" > /dev/null
	ok add-pdf "$FIGTRACK" add --db "$db" "$tmp/later.pdf"
	eq pdf-page "$(sqlite3 "$db" "SELECT page FROM claims WHERE quote = 'about 12 percent'")" 1
	ok export-pdf "$FIGTRACK" export --db "$db" --metric neon.production.world_share -o "$tmp/neon.csv"
	has export-pdf-page "$tmp/neon.csv" ",about 12 percent,12,,,approx,percent,2023,observed,neon.production.world_share,RUS,,,1,Later,"
else
	fail "add-pdf: $mkpdf is not built (make check builds it)"
fi

# removing every document leaves no series behind
for id in $(sqlite3 "$db" 'SELECT id FROM documents'); do
	"$FIGTRACK" rm --db "$db" "$id" > /dev/null || fail "rm-$id"
done
eq rm-claims "$(sqlite3 "$db" 'SELECT count(*) FROM claims')" 0
eq rm-series "$(sqlite3 "$db" 'SELECT count(*) FROM timeseries')" 0

# a newer figtrack's database is refused, not migrated backwards
sqlite3 "$tmp/new.db" < "$cases/v1.sql"
sqlite3 "$tmp/new.db" 'PRAGMA user_version = 5'
status newer 2 "$FIGTRACK" export --db "$tmp/new.db"
has newer-msg "$tmp/err" "schema version 5 is newer than this figtrack knows (4)"
