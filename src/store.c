/* store.c: the SQLite store: opening and checking the file, the schema and
 * its forward migrations, inserts through reused prepared statements and
 * the queries behind series, export, docs and rm. SQL only with bound
 * parameters. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "figtrack/buf.h"
#include "figtrack/store.h"
#include "figtrack/text.h"

/* 'FgTk': marks the file as figtrack's in its header. */
#define STORE_APP_ID 0x4667546b
#define STORE_BUSY_MS 5000
/* New databases get 8 KB pages. Against SQLite's 4 KB, filling a million
 * claims in 1,000-claim documents (tests/bench/store.sh) makes half the
 * write calls and costs about 13% less CPU, and adding the 1,000 small
 * generated documents is no slower for 1.5 times the bytes written;
 * 16 KB filled as fast but wrote 2.4 times the bytes for small
 * documents, and added them more slowly. Series read as fast. Older
 * files keep the page size they have. */
#define STORE_PAGE_SIZE "8192"
/* Checkpoint when the WAL holds this much: fewer, larger checkpoints
 * copy an index page rewritten by many commits once. */
#define STORE_CHECKPOINT_BYTES 41943040LL

/* The id of the reference behind claim c: the first of its footnote
 * numbers ("12;13") that its document's References list has, the lowest
 * id on a tie. (SQLite 3.40 refuses an ORDER BY naming an outer column
 * in a correlated subquery, hence min() over position * 2^32 + id.) */
#define REF_POS "instr(';' || c.footnote || ';', ';' || r.number || ';')"
#define REF_ID "(SELECT min(" REF_POS " * 4294967296 + r.id) FROM refs r" \
	" WHERE c.footnote <> '' AND r.doc_id = c.doc_id AND r.number > 0" \
	" AND " REF_POS " > 0) % 4294967296"

/* migrations[i] brings a database from user_version i to i + 1. Never
 * edit a shipped step: add a new one at the end. */
static const char *const migrations[] = {
	/* 0 -> 1: the first schema */
	"CREATE TABLE documents (\n"
	"	id INTEGER PRIMARY KEY,\n"
	"	sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),\n"
	"	path TEXT NOT NULL,\n"
	"	title TEXT NOT NULL,\n"
	"	kind TEXT NOT NULL\n"
	"	    CHECK (kind IN ('report', 'article', 'dataset')),\n"
	"	published TEXT NOT NULL,\n"
	"	added TEXT NOT NULL,\n"
	"	source TEXT NOT NULL DEFAULT '',\n"
	"	url TEXT NOT NULL DEFAULT ''\n"
	") STRICT;\n"
	"CREATE INDEX documents_path ON documents(path);\n"
	"CREATE INDEX documents_title ON documents(title);\n"
	"CREATE TABLE claims (\n"
	"	id INTEGER PRIMARY KEY,\n"
	"	doc_id INTEGER NOT NULL REFERENCES documents(id)\n"
	"	    ON DELETE CASCADE,\n"
	"	line INTEGER NOT NULL,\n"
	"	quote TEXT NOT NULL,\n"
	"	value REAL NOT NULL,\n"
	"	low REAL,\n"
	"	high REAL,\n"
	"	qualifier TEXT NOT NULL,\n"
	"	unit TEXT NOT NULL,\n"
	"	period TEXT NOT NULL,\n"
	"	period_kind TEXT NOT NULL,\n"
	"	metric TEXT NOT NULL,\n"
	"	entity TEXT NOT NULL,\n"
	"	footnote TEXT NOT NULL,\n"
	"	sentence TEXT,\n"
	"	byte_start INTEGER NOT NULL,\n"
	"	byte_end INTEGER NOT NULL,\n"
	"	rule TEXT NOT NULL,\n"
	"	source_date TEXT,	-- given by an import, else NULL\n"
	"	source_url TEXT\n"
	") STRICT;\n"
	/* doc_id before period: a new document's claims land at the end
	 * of each series' range, so an add dirties a page per series, not
	 * a page per figure; period last keeps the series list covered */
	"CREATE INDEX claims_series ON claims(metric, entity, unit, doc_id,\n"
	"	period);\n"
	"CREATE INDEX claims_doc ON claims(doc_id);\n"
	"CREATE TABLE refs (\n"
	"	id INTEGER PRIMARY KEY,\n"
	"	doc_id INTEGER NOT NULL REFERENCES documents(id)\n"
	"	    ON DELETE CASCADE,\n"
	"	number INTEGER NOT NULL,\n"
	"	line INTEGER NOT NULL,\n"
	"	text TEXT NOT NULL,\n"
	"	date TEXT NOT NULL,\n"
	"	url TEXT NOT NULL\n"
	") STRICT;\n"
	"CREATE INDEX refs_doc ON refs(doc_id, number);\n"
	"CREATE VIEW claim_rows AS SELECT\n"
	"	c.id AS claim_id, c.doc_id, c.line, c.quote, c.value, c.low,\n"
	"	c.high, c.qualifier, c.unit, c.period, c.period_kind, c.metric,\n"
	"	c.entity, c.footnote, c.sentence, c.byte_start, c.byte_end,\n"
	"	c.rule, d.path, d.title, d.kind, d.published, d.sha256,\n"
	"	d.added, d.source, d.url,\n"
	"	coalesce(c.source_date, (SELECT date FROM refs WHERE id =\n"
	"	    " REF_ID "), '') AS source_date,\n"
	"	coalesce(c.source_url, (SELECT url FROM refs WHERE id =\n"
	"	    " REF_ID "), '') AS source_url\n"
	"FROM claims c JOIN documents d ON d.id = c.doc_id;\n"
	"CREATE VIEW series AS SELECT metric, entity, period, value, low,\n"
	"	high, unit, qualifier, period_kind, title AS document, doc_id,\n"
	"	published, line, quote, source_date, source_url\n"
	"FROM claim_rows WHERE metric <> '';\n",

	/* 1 -> 2: each metric, entity and unit stored once, in timeseries;
	 * claims point at it. The series index is then two integers and a
	 * period instead of three strings: a quarter of the size, and an
	 * insert compares integers on its way down. The views keep their
	 * columns. */
	"CREATE TABLE timeseries (\n"
	"	id INTEGER PRIMARY KEY,\n"
	"	metric TEXT NOT NULL,\n"
	"	entity TEXT NOT NULL,\n"
	"	unit TEXT NOT NULL,\n"
	"	UNIQUE (metric, entity, unit)\n"
	") STRICT;\n"
	"INSERT INTO timeseries (metric, entity, unit)\n"
	"	SELECT DISTINCT metric, entity, unit FROM claims\n"
	"	ORDER BY metric, entity, unit;\n"
	"CREATE TABLE claims_v2 (\n"
	"	id INTEGER PRIMARY KEY,\n"
	"	doc_id INTEGER NOT NULL REFERENCES documents(id)\n"
	"	    ON DELETE CASCADE,\n"
	"	series_id INTEGER NOT NULL REFERENCES timeseries(id),\n"
	"	line INTEGER NOT NULL,\n"
	"	quote TEXT NOT NULL,\n"
	"	value REAL NOT NULL,\n"
	"	low REAL,\n"
	"	high REAL,\n"
	"	qualifier TEXT NOT NULL,\n"
	"	period TEXT NOT NULL,\n"
	"	period_kind TEXT NOT NULL,\n"
	"	footnote TEXT NOT NULL,\n"
	"	sentence TEXT,\n"
	"	byte_start INTEGER NOT NULL,\n"
	"	byte_end INTEGER NOT NULL,\n"
	"	rule TEXT NOT NULL,\n"
	"	source_date TEXT,	-- given by an import, else NULL\n"
	"	source_url TEXT\n"
	") STRICT;\n"
	"INSERT INTO claims_v2 SELECT c.id, c.doc_id, t.id, c.line, c.quote,\n"
	"	c.value, c.low, c.high, c.qualifier, c.period, c.period_kind,\n"
	"	c.footnote, c.sentence, c.byte_start, c.byte_end, c.rule,\n"
	"	c.source_date, c.source_url\n"
	"FROM claims c JOIN timeseries t ON t.metric = c.metric\n"
	"	AND t.entity = c.entity AND t.unit = c.unit;\n"
	"DROP VIEW series;\n"
	"DROP VIEW claim_rows;\n"
	"DROP TABLE claims;\n"
	"ALTER TABLE claims_v2 RENAME TO claims;\n"
	/* doc_id before period: a new document's claims land at the end
	 * of each series' range (a page per series per document) */
	"CREATE INDEX claims_series ON claims(series_id, doc_id, period);\n"
	"CREATE INDEX claims_doc ON claims(doc_id);\n"
	"CREATE VIEW claim_rows AS SELECT\n"
	"	c.id AS claim_id, c.doc_id, c.line, c.quote, c.value, c.low,\n"
	"	c.high, c.qualifier, t.unit, c.period, c.period_kind, t.metric,\n"
	"	t.entity, c.footnote, c.sentence, c.byte_start, c.byte_end,\n"
	"	c.rule, d.path, d.title, d.kind, d.published, d.sha256,\n"
	"	d.added, d.source, d.url,\n"
	"	coalesce(c.source_date, (SELECT date FROM refs WHERE id =\n"
	"	    " REF_ID "), '') AS source_date,\n"
	"	coalesce(c.source_url, (SELECT url FROM refs WHERE id =\n"
	"	    " REF_ID "), '') AS source_url\n"
	"FROM claims c JOIN documents d ON d.id = c.doc_id\n"
	"	JOIN timeseries t ON t.id = c.series_id;\n"
	"CREATE VIEW series AS SELECT metric, entity, period, value, low,\n"
	"	high, unit, qualifier, period_kind, title AS document, doc_id,\n"
	"	published, line, quote, source_date, source_url\n"
	"FROM claim_rows WHERE metric <> '';\n",
	/* 2 -> 3: the second vocabulary (../shared/docs/metrics.md): metric
	 * SUBJECT.MEASURE with no country in it, entities as ISO 3166
	 * alpha-3 codes, and the partner beside them in the series key.
	 * Every slug the shipped rules wrote before is mapped (figtrack_v3
	 * maps entity names, C below); '=' takes the old entity (a flow
	 * once named by its importer is now named by its exporter). Two
	 * old series may become one. */
	"CREATE TABLE v3_slugs (old TEXT PRIMARY KEY, metric TEXT NOT NULL,\n"
	"	entity TEXT, partner TEXT NOT NULL);\n"
	"INSERT INTO v3_slugs VALUES\n"
	"	('neon.world_supply_share', 'neon.production.world_share',\n"
	"	    NULL, ''),\n"
	"	('neon.semiconductor_supply_share',\n"
	"	    'semiconductor_neon.production.world_share', NULL, ''),\n"
	"	('neon.consumption_share', 'neon.world_consumption_share',\n"
	"	    NULL, ''),\n"
	"	('neon.import_price', 'neon.imports.price', NULL, ''),\n"
	"	('xenon.world_supply_share', 'xenon.production.world_share',\n"
	"	    NULL, ''),\n"
	"	('krypton.world_supply_share',\n"
	"	    'krypton.production.world_share', NULL, ''),\n"
	"	('semiconductor_imports.share_from_china',\n"
	"	    'semiconductors.imports.share', NULL, 'CHN'),\n"
	"	('ic_imports.share_from_china',\n"
	"	    'integrated_circuits.imports.share', NULL, 'CHN'),\n"
	"	('ic_imports.value_from_china',\n"
	"	    'integrated_circuits.exports.value', 'CHN', '='),\n"
	"	('electronics.domestic_share',\n"
	"	    'electronics.market.domestic_share', NULL, ''),\n"
	"	('electronics.domestic_share_target',\n"
	"	    'electronics.market.domestic_share', NULL, ''),\n"
	"	('machine_tools.import_share',\n"
	"	    'machine_tools.consumption.import_share', NULL, ''),\n"
	"	('machine_tools.import_share_from_china',\n"
	"	    'machine_tools.imports.share', NULL, 'CHN'),\n"
	"	('machine_tools.imports_from_china.value',\n"
	"	    'machine_tools.exports.value', 'CHN', '='),\n"
	"	('machine_tools.imports_from_china.change',\n"
	"	    'machine_tools.exports.change', 'CHN', '='),\n"
	"	('machine_tools.imports_from_sanctioning_share_value',\n"
	"	    'machine_tools.imports.share', NULL,\n"
	"	    'sanctioning_countries'),\n"
	"	('machine_tools.imports_from_sanctioning_share_tonnage',\n"
	"	    'machine_tools.imports.share_by_weight', NULL,\n"
	"	    'sanctioning_countries'),\n"
	"	('cnc_machine_tools.domestic_share_target',\n"
	"	    'cnc_machine_tools.market.domestic_share', NULL, ''),\n"
	"	('cnc_machine_tools.import_share_from_china',\n"
	"	    'cnc_machine_tools.imports.share', NULL, 'CHN'),\n"
	"	('process_node.target', 'chips.process_node', NULL, ''),\n"
	"	('process_node.capability', 'chips.process_node', NULL, ''),\n"
	"	('process_node.foundry_capability', 'chips.process_node',\n"
	"	    NULL, ''),\n"
	"	('process_node.design', 'chips.design_node', NULL, ''),\n"
	"	('lithography.node', 'lithography.resolution', NULL, ''),\n"
	"	('lithography.node_target', 'lithography.resolution', NULL,\n"
	"	    ''),\n"
	"	('trade.china_exports_to_russia.value', 'trade.exports.value',\n"
	"	    'CHN', 'RUS'),\n"
	"	('trade.china_exports_to_russia.change',\n"
	"	    'trade.exports.change', 'CHN', 'RUS'),\n"
	"	('trade.russia_exports_to_china.value', 'trade.exports.value',\n"
	"	    'RUS', 'CHN'),\n"
	"	('trade.russia_exports_to_china.change',\n"
	"	    'trade.exports.change', 'RUS', 'CHN'),\n"
	"	('trade.bilateral.value', 'trade.turnover.value', NULL, ''),\n"
	"	('trade.bilateral.target', 'trade.turnover.value', NULL, ''),\n"
	"	('trade.bilateral.change', 'trade.turnover.change', NULL, ''),\n"
	"	('trade.russia_imports.share_from_china',\n"
	"	    'trade.imports.share', NULL, 'CHN'),\n"
	"	('huawei.russia_rnd_staff', 'rnd.staff', NULL, 'RUS'),\n"
	"	('huawei.russia_university_labs', 'rnd.university_labs', NULL,\n"
	"	    'RUS');\n"
	"CREATE TABLE v3_map AS SELECT t.id AS old_id,\n"
	"	coalesce(s.metric, t.metric) AS metric,\n"
	"	CASE WHEN s.entity IS NULL THEN figtrack_v3(t.entity)\n"
	"	    ELSE s.entity END AS entity,\n"
	"	CASE WHEN s.partner IS NULL THEN ''\n"
	"	    WHEN s.partner = '=' THEN figtrack_v3(t.entity)\n"
	"	    ELSE s.partner END AS partner,\n"
	"	t.unit AS unit\n"
	"FROM timeseries t LEFT JOIN v3_slugs s ON s.old = t.metric;\n"
	"CREATE TABLE timeseries_v3 (\n"
	"	id INTEGER PRIMARY KEY,\n"
	"	metric TEXT NOT NULL,\n"
	"	entity TEXT NOT NULL,\n"
	"	partner TEXT NOT NULL DEFAULT '',\n"
	"	unit TEXT NOT NULL,\n"
	"	UNIQUE (metric, entity, partner, unit)\n"
	") STRICT;\n"
	"INSERT INTO timeseries_v3 (metric, entity, partner, unit)\n"
	"	SELECT DISTINCT metric, entity, partner, unit FROM v3_map\n"
	"	ORDER BY metric, entity, partner, unit;\n"
	"UPDATE claims SET series_id = (SELECT n.id FROM v3_map m\n"
	"	JOIN timeseries_v3 n ON n.metric = m.metric\n"
	"	    AND n.entity = m.entity AND n.partner = m.partner\n"
	"	    AND n.unit = m.unit\n"
	"	WHERE m.old_id = claims.series_id);\n"
	"DROP VIEW series;\n"
	"DROP VIEW claim_rows;\n"
	"DROP TABLE timeseries;\n"
	"ALTER TABLE timeseries_v3 RENAME TO timeseries;\n"
	"DROP TABLE v3_map;\n"
	"DROP TABLE v3_slugs;\n"
	"CREATE VIEW claim_rows AS SELECT\n"
	"	c.id AS claim_id, c.doc_id, c.line, c.quote, c.value, c.low,\n"
	"	c.high, c.qualifier, t.unit, c.period, c.period_kind, t.metric,\n"
	"	t.entity, c.footnote, c.sentence, c.byte_start, c.byte_end,\n"
	"	c.rule, d.path, d.title, d.kind, d.published, d.sha256,\n"
	"	d.added, d.source, d.url,\n"
	"	coalesce(c.source_date, (SELECT date FROM refs WHERE id =\n"
	"	    " REF_ID "), '') AS source_date,\n"
	"	coalesce(c.source_url, (SELECT url FROM refs WHERE id =\n"
	"	    " REF_ID "), '') AS source_url,\n"
	"	t.partner\n"
	"FROM claims c JOIN documents d ON d.id = c.doc_id\n"
	"	JOIN timeseries t ON t.id = c.series_id;\n"
	"CREATE VIEW series AS SELECT metric, entity, period, value, low,\n"
	"	high, unit, qualifier, period_kind, title AS document, doc_id,\n"
	"	published, line, quote, source_date, source_url, partner\n"
	"FROM claim_rows WHERE metric <> '';\n",
	/* 3 -> 4: the comparison base a change's text names ("compared to
	 * the second half of 2021": 2021-H2), for the diff; and the page of
	 * a PDF a claim's quote starts on (NULL for documents without
	 * pages), part of where a figure came from */
	"ALTER TABLE claims ADD COLUMN base TEXT NOT NULL DEFAULT '';\n"
	"ALTER TABLE claims ADD COLUMN page INTEGER;\n"
	"DROP VIEW series;\n"
	"DROP VIEW claim_rows;\n"
	"CREATE VIEW claim_rows AS SELECT\n"
	"	c.id AS claim_id, c.doc_id, c.line, c.quote, c.value, c.low,\n"
	"	c.high, c.qualifier, t.unit, c.period, c.period_kind, t.metric,\n"
	"	t.entity, c.footnote, c.sentence, c.byte_start, c.byte_end,\n"
	"	c.rule, d.path, d.title, d.kind, d.published, d.sha256,\n"
	"	d.added, d.source, d.url,\n"
	"	coalesce(c.source_date, (SELECT date FROM refs WHERE id =\n"
	"	    " REF_ID "), '') AS source_date,\n"
	"	coalesce(c.source_url, (SELECT url FROM refs WHERE id =\n"
	"	    " REF_ID "), '') AS source_url,\n"
	"	t.partner, c.base, c.page\n"
	"FROM claims c JOIN documents d ON d.id = c.doc_id\n"
	"	JOIN timeseries t ON t.id = c.series_id;\n"
	"CREATE VIEW series AS SELECT metric, entity, period, value, low,\n"
	"	high, unit, qualifier, period_kind, title AS document, doc_id,\n"
	"	published, line, quote, source_date, source_url, partner, page\n"
	"FROM claim_rows WHERE metric <> '';\n",
};
#define STORE_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

/* Statements prepared once per connection and reused. */
enum {
	ST_DOC_BY_SHA,
	ST_DOC_INSERT,
	ST_DOC_UPDATE,
	ST_CLAIM_INSERT,
	ST_REF_INSERT,
	ST_DOC_GET,
	ST_SERIES_GET,
	ST_SERIES_ADD,
	ST_DOC_EXISTS,
	ST_COUNT_
};

static const char *const stmt_sql[ST_COUNT_] = {
	"SELECT id FROM documents WHERE sha256 = ?1",
	"INSERT INTO documents (sha256, path, title, kind, published, added,"
	" source, url) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	"UPDATE documents SET title = ?2, kind = ?3, published = ?4,"
	" source = ?5, url = ?6 WHERE id = ?1",
	"INSERT INTO claims (doc_id, series_id, line, quote, value, low, high,"
	" qualifier, period, period_kind, footnote, sentence, byte_start,"
	" byte_end, rule, source_date, source_url, base, page) VALUES (?1,"
	" ?2, ?3,"
	" ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
	" ?18, ?19)",
	"INSERT INTO refs (doc_id, number, line, text, date, url) VALUES"
	" (?1, ?2, ?3, ?4, ?5, ?6)",
	"SELECT id, path, title, kind, published, sha256, added, source, url,"
	" (SELECT count(*) FROM claims WHERE doc_id = d.id)"
	" FROM documents d WHERE id = ?1",
	"SELECT id FROM timeseries WHERE metric = ?1 AND entity = ?2"
	" AND unit = ?3 AND partner = ?4",
	"INSERT INTO timeseries (metric, entity, unit, partner) VALUES (?1,"
	" ?2, ?3, ?4)",
	"SELECT 1 FROM documents WHERE id = ?1",
};

/* The ids of the series (metric, entity, partner, unit) met in the current write
 * transaction, so that a document's thousand claims over twenty series
 * look up twenty. Direct-mapped by a hash of the key; a collision only
 * costs a lookup. Emptied whenever a transaction begins or ends (a
 * rolled back one takes its new ids with it) and when rm deletes. */
#define SERIES_SLOTS 256
#define SERIES_KEY_MAX (FIG_METRIC_MAX + 2 * FIG_ENTITY_MAX + FIG_UNIT_MAX)
struct series_slot {
	long long id;		/* 0: empty */
	size_t len;
	char key[SERIES_KEY_MAX];	/* metric NUL entity NUL unit NUL
					   partner NUL */
};

/* Inside a transaction, claims are inserted CLAIM_BATCH at a time by one
 * multi-row INSERT: a statement run costs as much as a row (cursors
 * opened and closed, registers freed), and the cursors of one run stay
 * where the last row left them. A claim waits in pend[] with copies of
 * its strings until the batch is full or a call that reads or removes
 * claims comes (flush_claims), the commit at the latest. The INSERT is
 * OR ROLLBACK: a failing batch takes the whole transaction with it, as
 * every caller does anyway, and so SQLite need not keep a statement
 * journal (a copy of each page the statement touches) to undo it
 * alone. */
#define CLAIM_BATCH 32
#define CLAIM_PARAMS 19	/* parameters of one claim in the INSERT */
#define NO_TEXT ((size_t)-1)
static const char BOUND_NULL[] = "";
struct pending {
	long long doc_id, series_id;
	long line, byte_start, byte_end;
	double value, low, high;
	int has_low, has_high;
	int page;			/* 0: none, stored as NULL */
	const char *qual, *kind;	/* static names */
	/* offsets of NUL-terminated strings in arena, or NO_TEXT */
	size_t quote, period, footnote, sentence, rule, sdate, surl, base;
};

/* The foreign keys are declared but SQLite does not enforce them on our
 * connections: the store does (see check_doc). Enforcing them cost a
 * lookup in documents and one in timeseries for every claim and forced
 * a statement journal on the batched INSERT (a copy of every page it
 * touches): together a third of the CPU of an add. */
#define DOCS_OK 16

struct fig_store {
	sqlite3 *db;
	char *path;		/* owned copy of the path opened */
	int busy_ms;		/* the busy timeout in force */
	sqlite3_stmt *st[ST_COUNT_];	/* lazily prepared, reused */
	struct series_slot *series;	/* SERIES_SLOTS, owned */
	long long docs_ok[DOCS_OK];	/* documents known to exist in the
					 * current transaction, by id % DOCS_OK */
	sqlite3_stmt *batch;	/* INSERT of CLAIM_BATCH claims, reused */
	/* what each parameter of batch holds when known: BOUND_NULL or a
	 * static string; NULL when unknown */
	const char *bound[CLAIM_BATCH * CLAIM_PARAMS];
	struct pending pend[CLAIM_BATCH];	/* claims not yet inserted */
	int npend;
	struct fig_buf arena;	/* their strings */
};

/* Columns of the document queries, in this order. */
#define DOC_COLUMNS "id, path, title, kind, published, sha256, added, " \
	"source, url, (SELECT count(*) FROM claims WHERE doc_id = d.id)"

static int flush_claims(struct fig_store *s, struct fig_err *err);
static void forget_claims(struct fig_store *s);

const char *
store_default_path(const char *opt)
{
	const char *env;

	if (opt && *opt)
		return opt;
	env = getenv("FIGTRACK_DB");
	if (env && *env)
		return env;
	return "figtrack.db";
}

const char *
store_path(const struct fig_store *s)
{
	return s->path;
}

void
store_doc_release(struct fig_doc *d)
{
	free(d->path);
	free(d->title);
	free(d->source);
	free(d->url);
	d->path = d->title = d->source = d->url = NULL;
}

int
store_date_valid(const char *s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	size_t n = strlen(s);
	int y, m, d;

	if (n != 4 && n != 7 && n != 10)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return -1;
		} else if (!isdigit((unsigned char)s[i]))
			return -1;
	}
	y = atoi(s);
	if (y < 1000)
		return -1;
	if (n == 4)
		return 0;
	m = (s[5] - '0') * 10 + (s[6] - '0');
	if (m < 1 || m > 12)
		return -1;
	if (n == 7)
		return 0;
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (d < 1 || d > mdays[m - 1])
		return -1;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) ||
	    y % 400 == 0))
		return -1;
	return 0;
}

/* Turns a SQLite failure into err, with a message that says what to do
 * for the failures a user can meet (lock, corruption, not a database). */
static int
db_fail(struct fig_store *s, int rc, const char *what, struct fig_err *err)
{
	const char *path = s->path;
	const char *msg = s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(err, FIG_EDB, path, 0, 0, "database is locked "
		    "by another process; gave up %s after waiting %d ms",
		    what, s->busy_ms);
	case SQLITE_CORRUPT:
		return err_set(err, FIG_EDB, path, 0, 0, "database is corrupt "
		    "(%s) while %s; restore it from a backup or rebuild it",
		    msg, what);
	case SQLITE_NOTADB:
		return err_set(err, FIG_EDB, path, 0, 0, "not a database: "
		    "the file is not SQLite (or its header is damaged)");
	case SQLITE_FULL:
		return err_set(err, FIG_EDB, path, 0, 0, "disk full while %s",
		    what);
	case SQLITE_READONLY:
		return err_set(err, FIG_EDB, path, 0, 0, "database is "
		    "read-only (%s): check the permissions of the file and "
		    "of its directory, where SQLite keeps its -wal and -shm "
		    "files", what);
	case SQLITE_CANTOPEN:
		/* SQLite's errno here is of its last try, often ENOENT of
		 * a read-only retry: not worth showing */
		return err_set(err, FIG_EDB, path, 0, 0, "cannot open or "
		    "create the database: check that its directory exists "
		    "and that you may write in it");
	case SQLITE_IOERR: {
		/* a write past a file-size limit or a quota is a full disk
		 * too. SQLite keeps the system's reason only sometimes;
		 * errno still holds a failed write's, and these three
		 * codes come from nothing else */
		int e = s->db ? sqlite3_system_errno(s->db) : 0;
		if (e == 0 && (errno == ENOSPC || errno == EFBIG ||
		    errno == EDQUOT))
			e = errno;
		if (e == ENOSPC || e == EFBIG || e == EDQUOT)
			return err_set(err, FIG_EDB, path, 0, 0, "disk full "
			    "while %s (%s)", what, strerror(e));
		if (e != 0)
			return err_set(err, FIG_EDB, path, 0, 0, "%s: %s (%s)",
			    what, msg, strerror(e));
	}
		/* FALLTHROUGH */
	default:
		return err_set(err, FIG_EDB, path, 0, 0, "%s: %s", what, msg);
	}
}

static int
exec_sql(struct fig_store *s, const char *sql, const char *what,
    struct fig_err *err)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : db_fail(s, rc, what, err);
}

/* Runs a one-row integer query (a PRAGMA); sets *v. */
static int
query_int(struct fig_store *s, const char *sql, long long *v,
    struct fig_err *err)
{
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(s, rc, "reading the database", err);
	rc = sqlite3_step(st);
	*v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(s, rc, "reading the database", err);
	return 0;
}

static sqlite3_stmt *
stmt(struct fig_store *s, int which, struct fig_err *err)
{
	int rc;

	if (s->st[which]) {
		sqlite3_reset(s->st[which]);
		sqlite3_clear_bindings(s->st[which]);
		return s->st[which];
	}
	rc = sqlite3_prepare_v3(s->db, stmt_sql[which], -1,
	    SQLITE_PREPARE_PERSISTENT, &s->st[which], NULL);
	if (rc != SQLITE_OK) {
		db_fail(s, rc, "preparing a statement", err);
		return NULL;
	}
	return s->st[which];
}

/* figtrack_v3(NAME): an entity as the second vocabulary writes it, for
 * migration 2 -> 3. The country names the shipped rules wrote before
 * become ISO 3166 alpha-3 codes; firms and groups stay; joint actors
 * ("Russia+Ukraine", "SMIC+Hua Hong") are mapped part by part and put
 * in byte order ("RUS+UKR", "Hua Hong+SMIC"). */
static void
sql_entity_v3(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	static const char *const old[][2] = {
		{ "PRC", "CHN" }, { "Russia", "RUS" }, { "Ukraine", "UKR" },
		{ "US", "USA" }, { "Taiwan", "TWN" }, { "Japan", "JPN" },
		{ "Germany", "DEU" }, { "South Korea", "KOR" },
		{ "India", "IND" }, { "Australia", "AUS" },
		{ "Netherlands", "NLD" },
	};
	const char *in = (const char *)sqlite3_value_text(argv[0]);
	const char *part[16];
	size_t plen[16];
	int n = 0;
	struct fig_buf b = FIG_BUF_INIT;

	(void)argc;
	if (in == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	for (const char *p = in; n < 16; ) {
		const char *plus = strchr(p, '+');
		size_t k = plus ? (size_t)(plus - p) : strlen(p);

		part[n] = p;
		plen[n] = k;
		for (size_t i = 0; i < sizeof old / sizeof old[0]; i++)
			if (strlen(old[i][0]) == k &&
			    memcmp(old[i][0], p, k) == 0) {
				part[n] = old[i][1];
				plen[n] = 3;
			}
		n++;
		if (plus == NULL)
			break;
		p = plus + 1;
	}
	/* a few parts: insertion sort */
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0; j--) {
			size_t m = plen[j] < plen[j - 1] ? plen[j] : plen[j - 1];
			int c = memcmp(part[j - 1], part[j], m);
			if (c < 0 || (c == 0 && plen[j - 1] <= plen[j]))
				break;
			const char *tp = part[j];
			size_t tl = plen[j];
			part[j] = part[j - 1];
			plen[j] = plen[j - 1];
			part[j - 1] = tp;
			plen[j - 1] = tl;
		}
	for (int i = 0; i < n; i++) {
		if (i)
			buf_addc(&b, '+');
		buf_add(&b, part[i], plen[i]);
	}
	sqlite3_result_text(ctx, buf_str(&b), (int)b.len, SQLITE_TRANSIENT);
	buf_release(&b);
}

/* Brings the schema up to STORE_VERSION inside one write transaction;
 * another process may have done it while we waited for the lock. */
static int
migrate(struct fig_store *s, struct fig_err *err)
{
	long long v;
	char sql[64];

	if (exec_sql(s, "BEGIN IMMEDIATE", "creating the schema", err) != 0)
		return -1;
	if (query_int(s, "PRAGMA user_version", &v, err) != 0)
		goto fail;
	if (sqlite3_create_function(s->db, "figtrack_v3", 1, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC, NULL, sql_entity_v3, NULL, NULL)
	    != SQLITE_OK) {
		db_fail(s, sqlite3_errcode(s->db), "creating the schema", err);
		goto fail;
	}
	for (; v < STORE_VERSION; v++)
		if (exec_sql(s, migrations[v], "creating the schema", err)
		    != 0)
			goto fail;
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", STORE_VERSION);
	if (exec_sql(s, sql, "creating the schema", err) != 0)
		goto fail;
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d", STORE_APP_ID);
	if (exec_sql(s, sql, "creating the schema", err) != 0)
		goto fail;
	if (exec_sql(s, "COMMIT", "creating the schema", err) != 0)
		goto fail;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

static int
busy_timeout(void)
{
	const char *e = getenv("FIGTRACK_BUSY_TIMEOUT");
	char *end;
	long v;

	if (e == NULL || *e == '\0')
		return STORE_BUSY_MS;
	errno = 0;
	v = strtol(e, &end, 10);
	if (errno || *end || v < 0 || v > 3600000)
		return STORE_BUSY_MS;
	return (int)v;
}

/* A reader that may not write the file nor its directory cannot make
 * the -shm file a WAL database needs. When there is no -wal file either,
 * the database file holds every committed transaction, so it is opened
 * as immutable (no locks, no -shm): the case of a database on read-only
 * media or in another user's directory. Returns 0, or -1 leaving err as
 * the first failure set it. */
static int
reopen_immutable(struct fig_store *s, struct fig_err *err)
{
	struct fig_buf b = FIG_BUF_INIT;
	struct stat sb;
	int ext = sqlite3_extended_errcode(s->db), rc;

	if ((ext & 0xff) != SQLITE_READONLY && (ext & 0xff) != SQLITE_CANTOPEN)
		return -1;
	buf_addf(&b, "%s-wal", s->path);
	rc = stat(b.data, &sb);
	buf_reset(&b);
	if (rc == 0 || errno != ENOENT) {
		buf_release(&b);
		return -1;
	}
	/* a URI, every byte but the plainest escaped */
	buf_adds(&b, "file:");
	for (const char *p = s->path; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (isalnum(c) || strchr("/._-~", c))
			buf_addc(&b, c);
		else
			buf_addf(&b, "%%%02X", c);
	}
	buf_adds(&b, "?immutable=1");
	sqlite3_close(s->db);
	s->db = NULL;
	rc = sqlite3_open_v2(b.data, &s->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_URI, NULL);
	buf_release(&b);
	if (rc != SQLITE_OK)
		return db_fail(s, rc, "opening the database", err);
	sqlite3_extended_result_codes(s->db, 1);
	err_clear(err);
	return 0;
}

int
store_open(struct fig_store **out, const char *path, int flags,
    struct fig_err *err)
{
	struct fig_store *s;
	int memory = strcmp(path, ":memory:") == 0;
	int rdonly = (flags & FIG_STORE_RDONLY) != 0;
	int nocreate = rdonly || (flags & FIG_STORE_NOCREATE) != 0;
	int oflags = SQLITE_OPEN_READWRITE;
	long long appid, version, ntables, pagesize = 0;
	char sql[128];
	struct stat sb;
	int rc;

	*out = NULL;
	if (!memory) {
		if (stat(path, &sb) == 0) {
			if (S_ISDIR(sb.st_mode))
				return err_set(err, FIG_EDB, path, 0, 0,
				    "is a directory, not a database");
			if (rdonly && access(path, W_OK) != 0)
				oflags = SQLITE_OPEN_READONLY;
		} else if (nocreate)
			return err_set(err, FIG_EDB, path, 0, 0, "no database "
			    "here (add a document first, or give --db)");
	}
	if (!nocreate)
		oflags |= SQLITE_OPEN_CREATE;
	s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	s->busy_ms = busy_timeout();
	rc = sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		db_fail(s, rc, "opening the database", err);
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, s->busy_ms);
	/* The first read is where SQLite finds a file that is no database. */
	if (query_int(s, "PRAGMA application_id", &appid, err) != 0) {
		if (!rdonly || reopen_immutable(s, err) != 0 ||
		    query_int(s, "PRAGMA application_id", &appid, err) != 0)
			goto fail;
		oflags = SQLITE_OPEN_READONLY;
	}
	if (query_int(s, "PRAGMA user_version", &version, err) != 0 ||
	    query_int(s, "SELECT count(*) FROM sqlite_schema WHERE name NOT "
	    "LIKE 'sqlite_%'", &ntables, err) != 0)
		goto fail;
	if ((appid != 0 && appid != STORE_APP_ID) ||
	    (appid == 0 && (version != 0 || ntables != 0))) {
		err_set(err, FIG_EDB, path, 0, 0, "not a figtrack database: "
		    "it is another program's SQLite file");
		goto fail;
	}
	if (version > STORE_VERSION) {
		err_set(err, FIG_EDB, path, 0, 0, "database schema version "
		    "%lld is newer than this figtrack knows (%d); upgrade "
		    "figtrack", version, STORE_VERSION);
		goto fail;
	}
	if (rdonly && version == 0) {
		err_set(err, FIG_EDB, path, 0, 0, "empty database: nothing "
		    "added yet");
		goto fail;
	}
	/* These do nothing inside a transaction: set them first. The
	 * store keeps the foreign keys itself (DOCS_OK). */
	if (exec_sql(s, "PRAGMA foreign_keys = OFF", "opening the database",
	    err) != 0)
		goto fail;
	/* A reader maps the file: a series scattered over a million claims
	 * is thousands of random pages, and mmap saves a system call on
	 * each. A writer does not: in a write transaction SQLite looks each
	 * mapped page up in the WAL index first, where a page rewritten by
	 * every commit sits many times; that cost more than it saved. */
	if (rdonly && exec_sql(s, "PRAGMA mmap_size = 1073741824",
	    "opening the database", err) != 0)
		goto fail;
	/* WAL: readers go on while a document is added and see the last
	 * commit. synchronous = NORMAL, the usual setting with WAL: a
	 * commit is written to the WAL but not synced, the WAL is synced
	 * before each checkpoint copies it into the database. The file
	 * cannot be corrupted either way; a crash or kill -9 of figtrack
	 * loses only the open transaction, a power cut or OS crash can in
	 * addition lose the last commits before the latest sync. FULL would
	 * sync every document's commit for no other gain. Fewer, larger
	 * checkpoints and a 32 MB page cache keep a large add from
	 * rewriting the same index pages. */
	if (oflags != SQLITE_OPEN_READONLY && !memory && (exec_sql(s,
	    version == 0 ? "PRAGMA page_size = " STORE_PAGE_SIZE : "SELECT 1",
	    "opening the database", err) != 0 || exec_sql(s,
	    "PRAGMA journal_mode = WAL", "opening the database", err) != 0 ||
	    query_int(s, "PRAGMA page_size", &pagesize, err) != 0))
		goto fail;
	snprintf(sql, sizeof sql, "PRAGMA synchronous = NORMAL; PRAGMA "
	    "wal_autocheckpoint = %lld; PRAGMA cache_size = -32768",
	    STORE_CHECKPOINT_BYTES / (pagesize > 0 ? pagesize : 4096));
	if (oflags != SQLITE_OPEN_READONLY && !memory &&
	    exec_sql(s, sql, "opening the database", err) != 0)
		goto fail;
	if (version < STORE_VERSION && migrate(s, err) != 0)
		goto fail;
	if (rdonly && oflags != SQLITE_OPEN_READONLY)
		(void)sqlite3_exec(s->db, "PRAGMA query_only = ON", NULL, NULL,
		    NULL);
	*out = s;
	return 0;
fail:
	store_close(s);
	return -1;
}

void
store_close(struct fig_store *s)
{
	if (s == NULL)
		return;
	for (int i = 0; i < ST_COUNT_; i++)
		sqlite3_finalize(s->st[i]);
	sqlite3_finalize(s->batch);
	if (s->db) {
		store_rollback(s);
		sqlite3_close(s->db);
	}
	buf_release(&s->arena);
	free(s->series);
	free(s->path);
	free(s);
}

/* Forgets what the current transaction learnt: the series ids and the
 * documents known to exist. */
static void
txn_forget(struct fig_store *s)
{
	if (s->series)
		for (int i = 0; i < SERIES_SLOTS; i++)
			s->series[i].id = 0;
	memset(s->docs_ok, 0, sizeof s->docs_ok);
}

int
store_begin(struct fig_store *s, struct fig_err *err)
{
	txn_forget(s);
	/* IMMEDIATE takes the write lock now, so a busy database is found
	 * before any work is done and never half-way through. */
	return exec_sql(s, "BEGIN IMMEDIATE", "starting a write", err);
}

int
store_commit(struct fig_store *s, struct fig_err *err)
{
	if (flush_claims(s, err) != 0)
		return -1;
	txn_forget(s);
	return exec_sql(s, "COMMIT", "committing", err);
}

void
store_rollback(struct fig_store *s)
{
	if (s == NULL)
		return;
	txn_forget(s);
	forget_claims(s);
	if (s->db && !sqlite3_get_autocommit(s->db))
		(void)sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

int
store_doc_by_sha(struct fig_store *s, const char *sha256, long long *id,
    struct fig_err *err)
{
	sqlite3_stmt *st = stmt(s, ST_DOC_BY_SHA, err);
	int rc;

	*id = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, sha256, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(s, rc, "looking up a document", err);
	return 0;
}

static const char *
nz(const char *p)
{
	return p ? p : "";
}

/* The foreign key of claims and refs on documents: fails unless
 * document id exists. A transaction remembers the documents it saw. */
static int
check_doc(struct fig_store *s, long long id, struct fig_err *err)
{
	long long *ok = &s->docs_ok[(unsigned long long)id % DOCS_OK];
	int intxn = !sqlite3_get_autocommit(s->db), rc;
	sqlite3_stmt *st;

	if (intxn && id > 0 && *ok == id)
		return 0;
	if ((st = stmt(s, ST_DOC_EXISTS, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return err_set(err, FIG_EDB, s->path, 0, 0, "no document %lld "
		    "to store this under", id);
	if (rc != SQLITE_ROW)
		return db_fail(s, rc, "looking up a document", err);
	if (intxn)
		*ok = id;
	return 0;
}

static int
doc_check(struct fig_store *s, const struct fig_doc *d, struct fig_err *err)
{
	if (strcmp(d->kind, "report") != 0 && strcmp(d->kind, "article") != 0 &&
	    strcmp(d->kind, "dataset") != 0)
		return err_set(err, FIG_EUSAGE, s->path, 0, 0, "document kind "
		    "'%s' is not report, article or dataset", d->kind);
	if (d->published[0] && store_date_valid(d->published) != 0)
		return err_set(err, FIG_EUSAGE, s->path, 0, 0, "publication "
		    "date '%s' is not YYYY[-MM[-DD]]", d->published);
	return 0;
}

int
store_doc_insert(struct fig_store *s, struct fig_doc *d, struct fig_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (doc_check(s, d, err) != 0)
		return -1;
	if (strlen(d->sha256) != 64)
		return err_set(err, FIG_EUSAGE, s->path, 0, 0, "document has "
		    "no content hash");
	if (d->added[0] == '\0') {
		time_t now = time(NULL);
		struct tm tm;
		gmtime_r(&now, &tm);
		strftime(d->added, sizeof d->added, "%Y-%m-%dT%H:%M:%SZ", &tm);
	}
	if ((st = stmt(s, ST_DOC_INSERT, err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, d->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, nz(d->path), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, nz(d->title), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, d->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, d->published, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, d->added, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, nz(d->source), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, nz(d->url), -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(s, rc, "storing a document", err);
	d->id = sqlite3_last_insert_rowid(s->db);
	if (!sqlite3_get_autocommit(s->db))
		s->docs_ok[(unsigned long long)d->id % DOCS_OK] = d->id;
	return 0;
}

int
store_doc_update(struct fig_store *s, const struct fig_doc *d,
    struct fig_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (doc_check(s, d, err) != 0)
		return -1;
	if ((st = stmt(s, ST_DOC_UPDATE, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, d->id);
	sqlite3_bind_text(st, 2, nz(d->title), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, d->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, d->published, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, nz(d->source), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, nz(d->url), -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(s, rc, "updating a document", err);
	return 0;
}

int
store_claim_insert(struct fig_store *s, long long doc_id,
    const struct fig_claim *c, struct fig_err *err)
{
	return store_claim_insert_src(s, doc_id, c, NULL, NULL, err);
}

/* Sets *id to the timeseries row of c's metric, entity, partner and
 * unit, adding it when new. */
static int
series_id(struct fig_store *s, const struct fig_claim *c, long long *id,
    struct fig_err *err)
{
	const char *part[4] = { c->metric, c->entity, c->unit, c->partner };
	size_t len = 0, pl[4];
	struct series_slot *slot = NULL;
	sqlite3_stmt *st;
	int rc;

	for (int i = 0; i < 4; i++)
		len += (pl[i] = strlen(part[i])) + 1;
	/* Outside a transaction another connection may change the table
	 * between two calls: no cache then. */
	if (!sqlite3_get_autocommit(s->db) && len <= SERIES_KEY_MAX) {
		char key[SERIES_KEY_MAX];
		size_t at = 0;

		for (int i = 0; i < 4; i++) {
			memcpy(key + at, part[i], pl[i] + 1);
			at += pl[i] + 1;
		}
		if (s->series == NULL)
			s->series = xcalloc(SERIES_SLOTS, sizeof *s->series);
		slot = &s->series[text_hash(key, len) % SERIES_SLOTS];
		if (slot->id && slot->len == len &&
		    memcmp(slot->key, key, len) == 0) {
			*id = slot->id;
			return 0;
		}
		slot->id = 0;
		slot->len = len;
		memcpy(slot->key, key, len);
	}
	if ((st = stmt(s, ST_SERIES_GET, err)) == NULL)
		return -1;
	for (int i = 0; i < 4; i++)
		sqlite3_bind_text(st, i + 1, part[i], (int)pl[i],
		    SQLITE_STATIC);
	rc = sqlite3_step(st);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(s, rc, "looking up a series", err);
	if (*id == 0) {
		if ((st = stmt(s, ST_SERIES_ADD, err)) == NULL)
			return -1;
		for (int i = 0; i < 4; i++)
			sqlite3_bind_text(st, i + 1, part[i], (int)pl[i],
			    SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return db_fail(s, rc, "storing a series", err);
		*id = sqlite3_last_insert_rowid(s->db);
	}
	if (slot)
		slot->id = *id;
	return 0;
}

/* Copies str into the arena, after its length; returns its offset, or
 * NO_TEXT for NULL. */
static size_t
arena_add(struct fig_store *s, const char *str)
{
	size_t off = s->arena.len;
	int n;

	if (str == NULL)
		return NO_TEXT;
	n = (int)strlen(str);
	buf_grow(&s->arena, sizeof n + (size_t)n);
	memcpy(s->arena.data + off, &n, sizeof n);
	memcpy(s->arena.data + off + sizeof n, str, (size_t)n);
	s->arena.len += sizeof n + (size_t)n;
	return off;
}

/* Binds NULL to parameter i of the batch statement unless it holds
 * NULL already (bindings outlive sqlite3_reset). */
static void
bind_null(struct fig_store *s, sqlite3_stmt *st, int i)
{
	if (st != s->batch || s->bound[i - 1] != BOUND_NULL) {
		sqlite3_bind_null(st, i);
		if (st == s->batch)
			s->bound[i - 1] = BOUND_NULL;
	}
}

static void
bind_double(struct fig_store *s, sqlite3_stmt *st, int i, double v)
{
	sqlite3_bind_double(st, i, v);
	if (st == s->batch)
		s->bound[i - 1] = NULL;
}

/* Binds static string v to parameter i, unless the batch statement has
 * it there already. */
static void
bind_static(struct fig_store *s, sqlite3_stmt *st, int i, const char *v)
{
	if (st != s->batch || s->bound[i - 1] != v) {
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
		if (st == s->batch)
			s->bound[i - 1] = v;
	}
}

static void
bind_arena(struct fig_store *s, sqlite3_stmt *st, int i, size_t off)
{
	int n;

	if (off == NO_TEXT) {
		bind_null(s, st, i);
		return;
	}
	memcpy(&n, s->arena.data + off, sizeof n);
	sqlite3_bind_text(st, i, s->arena.data + off + sizeof n, n,
	    SQLITE_STATIC);
	if (st == s->batch)
		s->bound[i - 1] = NULL;
}

/* Binds pending claim p as the claim whose first parameter is base + 1. */
static void
bind_pending(struct fig_store *s, sqlite3_stmt *st, int base,
    const struct pending *p)
{
	sqlite3_bind_int64(st, base + 1, p->doc_id);
	sqlite3_bind_int64(st, base + 2, p->series_id);
	sqlite3_bind_int64(st, base + 3, p->line);
	bind_arena(s, st, base + 4, p->quote);
	sqlite3_bind_double(st, base + 5, p->value);
	if (p->has_low)
		bind_double(s, st, base + 6, p->low);
	else
		bind_null(s, st, base + 6);
	if (p->has_high)
		bind_double(s, st, base + 7, p->high);
	else
		bind_null(s, st, base + 7);
	bind_static(s, st, base + 8, p->qual);
	bind_arena(s, st, base + 9, p->period);
	bind_static(s, st, base + 10, p->kind);
	bind_arena(s, st, base + 11, p->footnote);
	bind_arena(s, st, base + 12, p->sentence);
	sqlite3_bind_int64(st, base + 13, p->byte_start);
	sqlite3_bind_int64(st, base + 14, p->byte_end);
	bind_arena(s, st, base + 15, p->rule);
	bind_arena(s, st, base + 16, p->sdate);
	bind_arena(s, st, base + 17, p->surl);
	bind_arena(s, st, base + 18, p->base);
	if (p->page > 0) {
		sqlite3_bind_int(st, base + 19, p->page);
		if (st == s->batch)
			s->bound[base + 18] = NULL;
	} else
		bind_null(s, st, base + 19);
}

/* Drops the claims not yet inserted (the transaction is going away). */
static void
forget_claims(struct fig_store *s)
{
	s->npend = 0;
	buf_reset(&s->arena);
}

/* Inserts the pending claims: a full batch in one statement, fewer one
 * by one. */
static int
flush_claims(struct fig_store *s, struct fig_err *err)
{
	sqlite3_stmt *st;
	int rc = SQLITE_DONE;

	if (s->npend == 0)
		return 0;
	if (s->npend == CLAIM_BATCH) {
		if (s->batch == NULL) {
			struct fig_buf sql = FIG_BUF_INIT;

			buf_adds(&sql, "INSERT OR ROLLBACK");
			buf_adds(&sql, stmt_sql[ST_CLAIM_INSERT] + 6);
			sql.len = strstr(sql.data, " VALUES") - sql.data;
			buf_adds(&sql, " VALUES ");
			for (int i = 0; i < CLAIM_BATCH; i++) {
				buf_adds(&sql, i ? ", (" : "(");
				for (int j = 0; j < CLAIM_PARAMS; j++)
					buf_adds(&sql, j ? ", ?" : "?");
				buf_addc(&sql, ')');
			}
			rc = sqlite3_prepare_v3(s->db, buf_str(&sql), -1,
			    SQLITE_PREPARE_PERSISTENT, &s->batch, NULL);
			buf_release(&sql);
			if (rc != SQLITE_OK) {
				forget_claims(s);
				return db_fail(s, rc, "preparing a statement",
				    err);
			}
		}
		for (int i = 0; i < CLAIM_BATCH; i++)
			bind_pending(s, s->batch, i * CLAIM_PARAMS,
			    &s->pend[i]);
		rc = sqlite3_step(s->batch);
		sqlite3_reset(s->batch);
	} else {
		for (int i = 0; i < s->npend && rc == SQLITE_DONE; i++) {
			if ((st = stmt(s, ST_CLAIM_INSERT, err)) == NULL) {
				forget_claims(s);
				return -1;
			}
			bind_pending(s, st, 0, &s->pend[i]);
			rc = sqlite3_step(st);
			sqlite3_reset(st);
		}
	}
	forget_claims(s);
	if (rc != SQLITE_DONE)
		return db_fail(s, rc, "storing a claim", err);
	return 0;
}

int
store_claim_insert_src(struct fig_store *s, long long doc_id,
    const struct fig_claim *c, const char *source_date,
    const char *source_url, struct fig_err *err)
{
	struct pending *p;
	long long sid;

	if (!isfinite(c->value) || (c->has_low && !isfinite(c->low)) ||
	    (c->has_high && !isfinite(c->high)))
		return err_set(err, FIG_EUSAGE, s->path, 0, 0, "claim '%s' "
		    "(line %ld) has a value that is not a finite number",
		    nz(c->quote), c->line);
	if (check_doc(s, doc_id, err) != 0 || series_id(s, c, &sid, err) != 0)
		return -1;
	p = &s->pend[s->npend++];
	p->doc_id = doc_id;
	p->series_id = sid;
	p->line = c->line;
	p->quote = arena_add(s, nz(c->quote));
	p->value = c->value;
	p->has_low = c->has_low;
	p->low = c->low;
	p->has_high = c->has_high;
	p->high = c->high;
	p->qual = claim_qual_name(c->qual);
	p->period = arena_add(s, c->period);
	p->kind = claim_kind_name(c->kind);
	p->footnote = arena_add(s, c->footnote);
	p->sentence = arena_add(s, c->sentence);
	p->byte_start = c->byte_start;
	p->byte_end = c->byte_end;
	p->rule = arena_add(s, c->rule);
	p->sdate = arena_add(s, source_date && *source_date ? source_date :
	    NULL);
	p->surl = arena_add(s, source_url && *source_url ? source_url : NULL);
	p->base = arena_add(s, c->base);
	p->page = c->page;
	/* Outside a transaction each claim is its own: no waiting. */
	if (s->npend == CLAIM_BATCH || sqlite3_get_autocommit(s->db))
		return flush_claims(s, err);
	return 0;
}

int
store_ref_insert(struct fig_store *s, long long doc_id,
    const struct fig_ref *r, struct fig_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (check_doc(s, doc_id, err) != 0 ||
	    (st = stmt(s, ST_REF_INSERT, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, doc_id);
	sqlite3_bind_int64(st, 2, r->number);
	sqlite3_bind_int64(st, 3, r->line);
	sqlite3_bind_text(st, 4, nz(r->text), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, r->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, nz(r->url), -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(s, rc, "storing a reference", err);
	return 0;
}

static const char *
col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : "";
}

/* Fills d from a row of DOC_COLUMNS starting at column base. With own,
 * the strings are copies the caller releases; else they are borrowed
 * from the statement (the const is cast away for the struct's sake and
 * the callback must not write through them). */
static void
doc_from_row(struct fig_doc *d, sqlite3_stmt *st, int base, int own)
{
	memset(d, 0, sizeof *d);
	d->id = sqlite3_column_int64(st, base);
	if (own) {
		d->path = xstrdup(col_text(st, base + 1));
		d->title = xstrdup(col_text(st, base + 2));
		d->source = xstrdup(col_text(st, base + 7));
		d->url = xstrdup(col_text(st, base + 8));
	} else {
		d->path = (char *)col_text(st, base + 1);
		d->title = (char *)col_text(st, base + 2);
		d->source = (char *)col_text(st, base + 7);
		d->url = (char *)col_text(st, base + 8);
	}
	claim_setfield(d->kind, sizeof d->kind, col_text(st, base + 3));
	claim_setfield(d->published, sizeof d->published,
	    col_text(st, base + 4));
	claim_setfield(d->sha256, sizeof d->sha256, col_text(st, base + 5));
	claim_setfield(d->added, sizeof d->added, col_text(st, base + 6));
	d->nclaims = (long)sqlite3_column_int64(st, base + 9);
}

static int
doc_get(struct fig_store *s, long long id, struct fig_doc *d, int *found,
    struct fig_err *err)
{
	sqlite3_stmt *st = stmt(s, ST_DOC_GET, err);
	int rc;

	*found = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		doc_from_row(d, st, 0, 1);
		*found = 1;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(s, rc, "reading a document", err);
	return 0;
}

int
store_doc_find(struct fig_store *s, const char *spec, struct fig_doc *d,
    struct fig_err *err)
{
	sqlite3_stmt *st;
	struct fig_buf list = FIG_BUF_INIT;
	long long first = 0;
	int n = 0, rc, found;
	size_t i;

	memset(d, 0, sizeof *d);
	if (flush_claims(s, err) != 0)
		return -1;
	for (i = 0; spec[i] && isdigit((unsigned char)spec[i]); i++)
		;
	if (spec[0] && spec[i] == '\0' && i < 19) {
		if (doc_get(s, atoll(spec), d, &found, err) != 0)
			return -1;
		if (found)
			return 0;
	}
	rc = sqlite3_prepare_v2(s->db, "SELECT id, title, published FROM "
	    "documents WHERE title = ?1 OR path = ?1 ORDER BY id", -1, &st,
	    NULL);
	if (rc != SQLITE_OK)
		return db_fail(s, rc, "finding a document", err);
	sqlite3_bind_text(st, 1, spec, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n++ == 0)
			first = sqlite3_column_int64(st, 0);
		if (n <= 10)
			buf_addf(&list, "%s%lld (%s, %s)", n > 1 ? "; " : "",
			    (long long)sqlite3_column_int64(st, 0),
			    col_text(st, 1), col_text(st, 2));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		buf_release(&list);
		return db_fail(s, rc, "finding a document", err);
	}
	if (n == 0) {
		buf_release(&list);
		return err_set(err, FIG_EUSAGE, s->path, 0, 0, "no document "
		    "'%s': give an id, title or path as 'figtrack docs' lists",
		    spec);
	}
	if (n > 1) {
		err_set(err, FIG_EUSAGE, s->path, 0, 0, "'%s' matches %d "
		    "documents: %s; give the id", spec, n, buf_str(&list));
		buf_release(&list);
		return -1;
	}
	buf_release(&list);
	if (doc_get(s, first, d, &found, err) != 0)
		return -1;
	return 0;
}

int
store_doc_baseline(struct fig_store *s, const char *spec, struct fig_doc *d,
    struct fig_err *err)
{
	sqlite3_stmt *st;
	long long id = 0;
	int rc, found = 0;

	if (spec)
		return store_doc_find(s, spec, d, err);
	memset(d, 0, sizeof *d);
	if (flush_claims(s, err) != 0)
		return -1;
	/* the order of store_each_doc, dated documents first */
	rc = sqlite3_prepare_v2(s->db, "SELECT id FROM documents WHERE kind = "
	    "'report' ORDER BY published = '', published, id LIMIT 1", -1, &st,
	    NULL);
	if (rc != SQLITE_OK)
		return db_fail(s, rc, "finding the baseline", err);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(s, rc, "finding the baseline", err);
	if (id != 0 && doc_get(s, id, d, &found, err) != 0)
		return -1;
	if (!found)
		return err_set(err, FIG_EUSAGE, s->path, 0, 0, "no report in "
		    "the database: add one, or name the baseline with "
		    "--baseline");
	return 0;
}

int
store_doc_remove(struct fig_store *s, long long id, struct fig_err *err)
{
	static const char *const sql[] = {
		"DELETE FROM claims WHERE doc_id = ?1",
		"DELETE FROM refs WHERE doc_id = ?1",
		"DELETE FROM documents WHERE id = ?1",
		/* series no claim speaks of any more */
		"DELETE FROM timeseries WHERE NOT EXISTS (SELECT 1 FROM claims"
		" WHERE series_id = timeseries.id)",
	};

	if (flush_claims(s, err) != 0)
		return -1;
	txn_forget(s);
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *st;
		int rc = sqlite3_prepare_v2(s->db, sql[i], -1, &st, NULL);
		if (rc != SQLITE_OK)
			return db_fail(s, rc, "removing a document", err);
		if (sqlite3_bind_parameter_count(st) > 0)
			sqlite3_bind_int64(st, 1, id);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return db_fail(s, rc, "removing a document", err);
	}
	return 0;
}

/* The series of a figure walk, by timeseries id: read once, so that a
 * claim's series costs a binary search instead of a B-tree lookup. */
struct skey {
	long long id;
	size_t metric, entity, partner, unit;	/* offsets in the walk's
						   text */
};
struct skeys {
	struct skey *a;		/* ascending id */
	size_t n, cap;
	struct fig_buf text;	/* the names, NUL-terminated */
	int *rank;		/* ordered walks: see skeys_rank */
};
struct fwalk;

/* The callback of a walk and which kind it is. */
struct walker {
	store_doc_fn doc;
	store_row_fn row;
	store_series_fn series;
	store_figure_fn figure;
	struct fwalk *fw;	/* figure walks */
	void *ctx;
};

static int doc_row(const struct walker *w, sqlite3_stmt *st);
static int claim_row(const struct walker *w, sqlite3_stmt *st);
static int series_row(const struct walker *w, sqlite3_stmt *st);
static int figure_row(const struct walker *w, sqlite3_stmt *st);

/* Steps st to the end, finalizes it and calls w's callback on each row.
 * A non-zero return from it stops the walk with err as the callback left
 * it (or a generic message). */
static int
walk(struct fig_store *s, sqlite3_stmt *st, const struct walker *w,
    struct fig_err *err)
{
	int rc, stop = 0;

	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (w->doc)
			stop = doc_row(w, st);
		else if (w->row)
			stop = claim_row(w, st);
		else if (w->figure)
			stop = figure_row(w, st);
		else
			stop = series_row(w, st);
	}
	sqlite3_finalize(st);
	if (stop) {
		if (err && err->code == FIG_OK)
			err_set(err, FIG_EIO, NULL, 0, 0, "stopped");
		return -1;
	}
	if (rc != SQLITE_DONE)
		return db_fail(s, rc, "reading the database", err);
	return 0;
}

static int
doc_row(const struct walker *w, sqlite3_stmt *st)
{
	struct fig_doc d;

	doc_from_row(&d, st, 0, 0);
	return w->doc(w->ctx, &d);
}

int
store_each_doc(struct fig_store *s, store_doc_fn fn, void *ctx,
    struct fig_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (err)
		err_clear(err);
	if (flush_claims(s, err) != 0)
		return -1;
	rc = sqlite3_prepare_v2(s->db, "SELECT " DOC_COLUMNS " FROM documents "
	    "d ORDER BY published, id", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(s, rc, "listing documents", err);
	struct walker w = { fn, NULL, NULL, NULL, NULL, ctx };

	return walk(s, st, &w, err);
}

/* Columns of claim_rows that store_each_claim reads, in this order; the
 * document's columns from 16 on are DOC_COLUMNS' (a 0 for the count). */
#define CLAIM_COLUMNS "line, quote, value, low, high, qualifier, unit, " \
	"period, period_kind, metric, entity, footnote, sentence, " \
	"byte_start, byte_end, rule, doc_id, path, title, kind, published, " \
	"sha256, added, source, url, 0, source_date, source_url, partner, " \
	"base, page"

static int
claim_row(const struct walker *w, sqlite3_stmt *st)
{
	struct fig_row r;
	struct fig_doc d;
	struct fig_claim *c = &r.claim;

	claim_init(c);
	c->line = (long)sqlite3_column_int64(st, 0);
	c->quote = (char *)col_text(st, 1);
	c->value = sqlite3_column_double(st, 2);
	if ((c->has_low = sqlite3_column_type(st, 3) != SQLITE_NULL))
		c->low = sqlite3_column_double(st, 3);
	if ((c->has_high = sqlite3_column_type(st, 4) != SQLITE_NULL))
		c->high = sqlite3_column_double(st, 4);
	if (claim_qual_parse(col_text(st, 5), &c->qual) != 0)
		c->qual = FIG_Q_EXACT;
	claim_setfield(c->unit, sizeof c->unit, col_text(st, 6));
	claim_setfield(c->period, sizeof c->period, col_text(st, 7));
	if (claim_kind_parse(col_text(st, 8), &c->kind) != 0)
		c->kind = FIG_PK_OBSERVED;
	claim_setfield(c->metric, sizeof c->metric, col_text(st, 9));
	claim_setfield(c->entity, sizeof c->entity, col_text(st, 10));
	claim_setfield(c->footnote, sizeof c->footnote, col_text(st, 11));
	c->sentence = sqlite3_column_type(st, 12) == SQLITE_NULL ? NULL :
	    (char *)col_text(st, 12);
	c->byte_start = (long)sqlite3_column_int64(st, 13);
	c->byte_end = (long)sqlite3_column_int64(st, 14);
	claim_setfield(c->rule, sizeof c->rule, col_text(st, 15));
	doc_from_row(&d, st, 16, 0);
	c->doc = d.title;
	r.doc = &d;
	r.source_date = col_text(st, 26);
	r.source_url = col_text(st, 27);
	claim_setfield(c->partner, sizeof c->partner, col_text(st, 28));
	claim_setfield(c->base, sizeof c->base, col_text(st, 29));
	c->page = sqlite3_column_int(st, 30);	/* NULL reads as 0 */
	return w->row(w->ctx, &r);
}

int
store_each_claim(struct fig_store *s, const struct fig_query *q,
    store_row_fn fn, void *ctx, struct fig_err *err)
{
	struct fig_buf sql = FIG_BUF_INIT;
	char since[16] = "";
	sqlite3_stmt *st;
	int rc;

	if (err)
		err_clear(err);
	if (flush_claims(s, err) != 0)
		return -1;
	buf_adds(&sql, "SELECT " CLAIM_COLUMNS " FROM claim_rows WHERE 1");
	if (q && q->metric)
		buf_adds(&sql, " AND metric = ?1");
	if (q && q->entity)
		buf_adds(&sql, " AND entity = ?2");
	if (q && q->partner)
		buf_adds(&sql, " AND partner = ?5");
	if (q && q->since) {
		if (store_date_valid(q->since) != 0) {
			buf_release(&sql);
			return err_set(err, FIG_EUSAGE, NULL, 0, 0, "date '%s' "
			    "is not YYYY[-MM[-DD]]", q->since);
		}
		/* Partial dates compare as their first day: 2022 is
		 * 2022-01-01, 2022-11 is 2022-11-01. */
		snprintf(since, sizeof since, "%s%s", q->since,
		    "-01-01" + (strlen(q->since) - 4));
		buf_adds(&sql, " AND published || substr('-01-01', "
		    "length(published) - 3) >= ?3");
	}
	if (q && q->doc_id)
		buf_adds(&sql, " AND doc_id = ?4");
	if (q && q->with_metric)
		buf_adds(&sql, " AND metric <> ''");
	buf_adds(&sql, " ORDER BY metric, entity, partner, period, published, "
	    "title, "
	    "doc_id, line, byte_start, claim_id");
	rc = sqlite3_prepare_v2(s->db, buf_str(&sql), -1, &st, NULL);
	buf_release(&sql);
	if (rc != SQLITE_OK)
		return db_fail(s, rc, "reading claims", err);
	if (q && q->metric)
		sqlite3_bind_text(st, 1, q->metric, -1, SQLITE_STATIC);
	if (q && q->entity)
		sqlite3_bind_text(st, 2, q->entity, -1, SQLITE_STATIC);
	if (q && q->since)
		sqlite3_bind_text(st, 3, since, -1, SQLITE_STATIC);
	if (q && q->doc_id)
		sqlite3_bind_int64(st, 4, q->doc_id);
	if (q && q->partner)
		sqlite3_bind_text(st, 5, q->partner, -1, SQLITE_STATIC);
	struct walker w = { NULL, fn, NULL, NULL, NULL, ctx };

	return walk(s, st, &w, err);
}

/* Columns of store_each_figure's query, in this order: the claims
 * table alone (a join to documents cost a fifth of the walk); the
 * documents are read once into the walk's table. The last one is a
 * sort key of an ordered walk. */
#define FIGURE_COLUMNS "c.id, c.doc_id, c.series_id, c.line, c.quote, " \
	"c.value, c.low, c.high, c.qualifier, c.period, c.period_kind, " \
	"c.source_date, c.footnote, c.base"
#define FIGURE_SORT_COLUMNS ", c.byte_start"

/* The date of the reference behind footnote ?1 of document ?2, as
 * claim_rows finds it (REF_ID). */
#define REF_DATE_SQL "SELECT date FROM refs WHERE id = (SELECT min(" \
	"instr(';' || ?1 || ';', ';' || r.number || ';') * 4294967296 + r.id)" \
	" FROM refs r WHERE ?1 <> '' AND r.doc_id = ?2 AND r.number > 0 AND" \
	" instr(';' || ?1 || ';', ';' || r.number || ';') > 0) % 4294967296"

/* A document of a figure walk. */
struct sdoc {
	long long id;
	const char *name;	/* the title, else the path */
	const char *title;
	const char *published;
	size_t at[3];		/* the three in the walk's text while it grows */
	int dataset;		/* its rows carry their own dates */
};

/* A figure of an ordered walk, held until all are read. */
struct hfig {
	struct fig_figure f;	/* strings set once all are read */
	size_t quote, period, published, base;	/* in the held text */
	const struct sdoc *doc;
	long long byte_start;
	int rank;		/* the series' place by metric and entity */
};

/* What a figure walk reads besides the claims. */
struct fwalk {
	struct fig_store *s;
	struct fig_err *err;
	struct skeys keys;
	struct sdoc *docs;	/* ascending id */
	size_t ndocs, capdocs;
	struct fig_buf dtext;	/* the documents' names, titles, dates */
	const struct sdoc *last;	/* the document of the previous row */
	sqlite3_stmt *ref_date;	/* REF_DATE_SQL, prepared when needed */
	int ordered;
	struct hfig *held;	/* ordered walks: the rows, to sort */
	size_t nheld, capheld;
	struct fig_buf htext;	/* their strings */
};

static int
cmp_skey(const void *a, const void *b)
{
	const long long *x = a;
	const struct skey *y = b;

	return (*x > y->id) - (*x < y->id);
}

static int
cmp_sdoc(const void *a, const void *b)
{
	const long long *x = a;
	const struct sdoc *y = b;

	return (*x > y->id) - (*x < y->id);
}

static size_t
text_add(struct fig_buf *b, const char *str)
{
	size_t at = b->len;

	buf_add(b, str, strlen(str) + 1);
	return at;
}

/* The date of a dataset's row: its own (set by the import), else its
 * reference's, when not empty; else NULL. Borrowed until the next
 * call. */
static const char *
row_date(struct fwalk *fw, sqlite3_stmt *st, long long doc_id, int *failed)
{
	const char *t;
	int rc;

	if (sqlite3_column_type(st, 11) != SQLITE_NULL) {
		t = col_text(st, 11);
		return t[0] ? t : NULL;
	}
	if (fw->ref_date == NULL && (rc = sqlite3_prepare_v2(fw->s->db,
	    REF_DATE_SQL, -1, &fw->ref_date, NULL)) != SQLITE_OK) {
		db_fail(fw->s, rc, "reading references", fw->err);
		*failed = 1;
		return NULL;
	}
	sqlite3_reset(fw->ref_date);
	sqlite3_bind_text(fw->ref_date, 1, col_text(st, 12), -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_int64(fw->ref_date, 2, doc_id);
	rc = sqlite3_step(fw->ref_date);
	if (rc == SQLITE_ROW) {
		t = col_text(fw->ref_date, 0);
		return t[0] ? t : NULL;
	}
	if (rc != SQLITE_DONE) {
		db_fail(fw->s, rc, "reading references", fw->err);
		*failed = 1;
	}
	return NULL;
}

static int
figure_row(const struct walker *w, sqlite3_stmt *st)
{
	struct fwalk *fw = w->fw;
	const struct skeys *k = &fw->keys;
	long long sid = sqlite3_column_int64(st, 2);
	long long did = sqlite3_column_int64(st, 1);
	const struct skey *sk;
	const struct sdoc *sd = fw->last;
	const char *date = NULL;
	struct fig_figure f;
	struct hfig *h;
	int failed = 0;

	/* ids are dense unless series were removed: try sid's place */
	if (sid >= 1 && (unsigned long long)sid <= k->n &&
	    k->a[sid - 1].id == sid)
		sk = &k->a[sid - 1];
	else if (k->n == 0 || (sk = bsearch(&sid, k->a, k->n, sizeof *k->a,
	    cmp_skey)) == NULL)
		return 0;	/* its series is gone: claim_rows omits it */
	if (sd == NULL || sd->id != did) {
		if (fw->ndocs == 0 || (sd = bsearch(&did, fw->docs, fw->ndocs,
		    sizeof *fw->docs, cmp_sdoc)) == NULL)
			return 0;	/* no such document: claim_rows omits it */
		fw->last = sd;
	}
	/* an imported dataset's row is dated by its source when it
	 * gives one; other figures by their document */
	if (sd->dataset && (date = row_date(fw, st, did, &failed)) == NULL &&
	    failed)
		return -1;
	f.claim_id = sqlite3_column_int64(st, 0);
	f.doc_id = did;
	f.metric = k->text.data + sk->metric;
	f.entity = k->text.data + sk->entity;
	f.partner = k->text.data + sk->partner;
	f.unit = k->text.data + sk->unit;
	f.series = (int)(sk - k->a);
	f.line = (long)sqlite3_column_int64(st, 3);
	f.quote = col_text(st, 4);
	f.value = sqlite3_column_double(st, 5);
	f.low = f.high = 0;
	if ((f.has_low = sqlite3_column_type(st, 6) != SQLITE_NULL))
		f.low = sqlite3_column_double(st, 6);
	if ((f.has_high = sqlite3_column_type(st, 7) != SQLITE_NULL))
		f.high = sqlite3_column_double(st, 7);
	if (claim_qual_parse(col_text(st, 8), &f.qual) != 0)
		f.qual = FIG_Q_EXACT;
	f.period = col_text(st, 9);
	if (claim_kind_parse(col_text(st, 10), &f.kind) != 0)
		f.kind = FIG_PK_OBSERVED;
	f.base = col_text(st, 13);
	f.doc = sd->name;
	f.published = date ? date : sd->published;
	if (!fw->ordered)
		return w->figure(w->ctx, &f);
	if (fw->nheld == fw->capheld) {
		fw->capheld = fw->capheld ? fw->capheld * 2 : 256;
		fw->held = xrealloc(fw->held, fw->capheld * sizeof *fw->held);
	}
	h = &fw->held[fw->nheld++];
	h->f = f;
	h->quote = text_add(&fw->htext, f.quote);
	h->period = text_add(&fw->htext, f.period);
	h->published = text_add(&fw->htext, f.published);
	h->base = text_add(&fw->htext, f.base);
	h->doc = sd;
	h->byte_start = sqlite3_column_int64(st, 14);
	h->rank = k->rank[f.series];
	return 0;
}

/* Reads every document into fw, by ascending id. */
static int
sdocs_load(struct fwalk *fw)
{
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(fw->s->db, "SELECT id, CASE WHEN title <> ''"
	    " THEN title ELSE path END, title, published, kind = 'dataset'"
	    " FROM documents ORDER BY id", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(fw->s, rc, "reading documents", fw->err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct sdoc *e;
		if (fw->ndocs == fw->capdocs) {
			fw->capdocs = fw->capdocs ? fw->capdocs * 2 : 64;
			fw->docs = xrealloc(fw->docs,
			    fw->capdocs * sizeof *fw->docs);
		}
		e = &fw->docs[fw->ndocs++];
		e->id = sqlite3_column_int64(st, 0);
		e->at[0] = text_add(&fw->dtext, col_text(st, 1));
		e->at[1] = text_add(&fw->dtext, col_text(st, 2));
		e->at[2] = text_add(&fw->dtext, col_text(st, 3));
		e->dataset = sqlite3_column_int(st, 4) != 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(fw->s, rc, "reading documents", fw->err);
	for (size_t i = 0; i < fw->ndocs; i++) {
		struct sdoc *e = &fw->docs[i];
		e->name = fw->dtext.data + e->at[0];
		e->title = fw->dtext.data + e->at[1];
		e->published = fw->dtext.data + e->at[2];
	}
	return 0;
}

/* Reads every series into k, by ascending id. */
static int
skeys_load(struct fig_store *s, struct skeys *k, struct fig_err *err)
{
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(s->db, "SELECT id, metric, entity, unit, "
	    "partner FROM timeseries ORDER BY id", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(s, rc, "reading series", err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct skey *e;
		if (k->n == k->cap) {
			k->cap = k->cap ? k->cap * 2 : 256;
			k->a = xrealloc(k->a, k->cap * sizeof *k->a);
		}
		e = &k->a[k->n++];
		e->id = sqlite3_column_int64(st, 0);
		e->metric = k->text.len;
		buf_add(&k->text, col_text(st, 1), strlen(col_text(st, 1)) + 1);
		e->entity = k->text.len;
		buf_add(&k->text, col_text(st, 2), strlen(col_text(st, 2)) + 1);
		e->unit = k->text.len;
		buf_add(&k->text, col_text(st, 3), strlen(col_text(st, 3)) + 1);
		e->partner = k->text.len;
		buf_add(&k->text, col_text(st, 4), strlen(col_text(st, 4)) + 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(s, rc, "reading series", err);
	return 0;
}

/* A series' names, to rank the series. */
struct sname {
	const char *metric, *entity, *partner;
	int ix;
};

static int
cmp_sname(const void *a, const void *b)
{
	const struct sname *x = a, *y = b;
	int c = strcmp(x->metric, y->metric);

	if (c == 0)
		c = strcmp(x->entity, y->entity);
	return c ? c : strcmp(x->partner, y->partner);
}

/* Fills k->rank: the place of each series in the order of metric,
 * entity and partner, one place for the units of one such key (as
 * ORDER BY metric, entity, partner ranks them). */
static void
skeys_rank(struct skeys *k)
{
	struct sname *o = xmalloc((k->n ? k->n : 1) * sizeof *o);
	int r = 0;

	for (size_t i = 0; i < k->n; i++) {
		o[i].metric = k->text.data + k->a[i].metric;
		o[i].entity = k->text.data + k->a[i].entity;
		o[i].partner = k->text.data + k->a[i].partner;
		o[i].ix = (int)i;
	}
	qsort(o, k->n, sizeof *o, cmp_sname);
	k->rank = xmalloc((k->n ? k->n : 1) * sizeof *k->rank);
	for (size_t i = 0; i < k->n; i++) {
		if (i > 0 && cmp_sname(&o[i - 1], &o[i]) != 0)
			r++;
		k->rank[o[i].ix] = r;
	}
	free(o);
}

/* store_each_claim's order: metric, entity, partner, period, the document's
 * date and title, document, line, byte offset, claim id. Text compares
 * as SQLite's BINARY collation does. */
static int
cmp_hfig(const void *a, const void *b)
{
	const struct hfig *x = a, *y = b;
	int c;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if ((c = strcmp(x->f.period, y->f.period)) != 0)
		return c;
	if (x->doc != y->doc) {
		if ((c = strcmp(x->doc->published, y->doc->published)) != 0 ||
		    (c = strcmp(x->doc->title, y->doc->title)) != 0)
			return c;
		return x->f.doc_id < y->f.doc_id ? -1 : 1;
	}
	if (x->f.line != y->f.line)
		return x->f.line < y->f.line ? -1 : 1;
	if (x->byte_start != y->byte_start)
		return x->byte_start < y->byte_start ? -1 : 1;
	return (x->f.claim_id > y->f.claim_id) - (x->f.claim_id < y->f.claim_id);
}

/* Sorts the held figures and hands them to fn. */
static int
held_run(struct fwalk *fw, store_figure_fn fn, void *ctx)
{
	for (size_t i = 0; i < fw->nheld; i++) {
		struct hfig *x = &fw->held[i];
		x->f.quote = fw->htext.data + x->quote;
		x->f.period = fw->htext.data + x->period;
		x->f.published = fw->htext.data + x->published;
		x->f.base = fw->htext.data + x->base;
	}
	if (fw->nheld > 1)
		qsort(fw->held, fw->nheld, sizeof *fw->held, cmp_hfig);
	for (size_t i = 0; i < fw->nheld; i++)
		if (fn(ctx, &fw->held[i].f) != 0) {
			if (fw->err && fw->err->code == FIG_OK)
				err_set(fw->err, FIG_EIO, NULL, 0, 0,
				    "stopped");
			return -1;
		}
	return 0;
}

int
store_each_figure(struct fig_store *s, long long doc_id, int ordered,
    store_figure_fn fn, void *ctx, struct fig_err *err)
{
	/* in insertion order, which needs no sort; ordered walks sort in
	 * held_run: SQLite's sorter, carrying every column and comparing
	 * the series' names, took four times as long as the read */
	static const char *const sql[2][2] = {
		{ "SELECT " FIGURE_COLUMNS " FROM claims c ORDER BY c.id",
		  "SELECT " FIGURE_COLUMNS " FROM claims c WHERE c.doc_id = ?1"
		  " ORDER BY c.id" },
		{ "SELECT " FIGURE_COLUMNS FIGURE_SORT_COLUMNS " FROM claims c"
		  " ORDER BY c.id",
		  "SELECT " FIGURE_COLUMNS FIGURE_SORT_COLUMNS " FROM claims c"
		  " WHERE c.doc_id = ?1 ORDER BY c.id" },
	};
	struct fwalk fw;
	sqlite3_stmt *st;
	int rc;

	if (err)
		err_clear(err);
	if (flush_claims(s, err) != 0)
		return -1;
	memset(&fw, 0, sizeof fw);
	fw.s = s;
	fw.err = err;
	fw.ordered = ordered != 0;
	if (skeys_load(s, &fw.keys, err) != 0 || sdocs_load(&fw) != 0) {
		rc = -1;
		goto out;
	}
	if (ordered)
		skeys_rank(&fw.keys);
	rc = sqlite3_prepare_v2(s->db, sql[ordered != 0][doc_id != 0], -1,
	    &st, NULL);
	if (rc != SQLITE_OK) {
		rc = db_fail(s, rc, "reading claims", err);
		goto out;
	}
	if (doc_id != 0)
		sqlite3_bind_int64(st, 1, doc_id);
	struct walker w = { NULL, NULL, NULL, fn, &fw, ctx };

	rc = walk(s, st, &w, err);
	if (rc == 0 && ordered)
		rc = held_run(&fw, fn, ctx);
out:
	sqlite3_finalize(fw.ref_date);
	free(fw.keys.a);
	free(fw.keys.rank);
	buf_release(&fw.keys.text);
	free(fw.docs);
	buf_release(&fw.dtext);
	free(fw.held);
	buf_release(&fw.htext);
	return rc;
}

static int
series_row(const struct walker *w, sqlite3_stmt *st)
{
	struct fig_series r;

	r.metric = col_text(st, 0);
	r.entity = col_text(st, 1);
	r.unit = col_text(st, 2);
	r.figures = (long)sqlite3_column_int64(st, 3);
	r.first_period = col_text(st, 4);
	r.last_period = col_text(st, 5);
	r.partner = col_text(st, 6);
	return w->series(w->ctx, &r);
}

int
store_each_series(struct fig_store *s, store_series_fn fn, void *ctx,
    struct fig_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (err)
		err_clear(err);
	if (flush_claims(s, err) != 0)
		return -1;
	rc = sqlite3_prepare_v2(s->db, "SELECT t.metric, t.entity, t.unit,"
	    " count(*), min(nullif(c.period, '')), max(nullif(c.period, '')),"
	    " t.partner FROM timeseries t JOIN claims c ON c.series_id = t.id"
	    " WHERE t.metric <> '' GROUP BY t.id"
	    " ORDER BY t.metric, t.entity, t.partner, t.unit", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(s, rc, "listing series", err);
	struct walker w = { NULL, NULL, fn, NULL, NULL, ctx };

	return walk(s, st, &w, err);
}
