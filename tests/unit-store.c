/* unit-store.c: the store API against ":memory:" and temporary files:
 * schema, inserts, lookups, the claim order, references behind
 * footnotes, series, removal, transactions, locks and damaged files. */
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "figtrack/store.h"
#include "harness.h"

static char tmpdir[256];

static const char *
tmppath(const char *name)
{
	static char p[2][512];
	static int k;

	k ^= 1;
	snprintf(p[k], sizeof p[k], "%s/%s", tmpdir, name);
	return p[k];
}

/* Rows of PRAGMA foreign_key_check on the file at path: the foreign keys
 * the store keeps itself must hold. */
static int
fk_violations(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int n = 0;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &st, NULL)
	    != SQLITE_OK)
		n = -1;
	else {
		while (sqlite3_step(st) == SQLITE_ROW)
			n++;
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return n;
}

static void
mkdoc(struct fig_doc *d, const char *title, const char *published,
    const char *seed)
{
	memset(d, 0, sizeof *d);
	d->path = (char *)"report.txt";
	d->title = (char *)title;
	snprintf(d->kind, sizeof d->kind, "report");
	snprintf(d->published, sizeof d->published, "%s", published);
	for (int i = 0; i < 64; i++)
		d->sha256[i] = "0123456789abcdef"[(seed[i % strlen(seed)] + i)
		    & 15];
	d->sha256[64] = '\0';
}

static void
mkclaim(struct fig_claim *c, const char *metric, const char *entity,
    const char *period, double value, long line, const char *quote)
{
	claim_init(c);
	c->line = line;
	c->quote = (char *)quote;
	c->value = value;
	snprintf(c->unit, sizeof c->unit, "percent");
	snprintf(c->period, sizeof c->period, "%s", period);
	snprintf(c->metric, sizeof c->metric, "%s", metric);
	snprintf(c->entity, sizeof c->entity, "%s", entity);
	c->byte_start = line * 10;
	c->byte_end = line * 10 + (long)strlen(quote);
	snprintf(c->rule, sizeof c->rule, "topics.rules:%ld", line);
}

/* What a walk saw, flattened to one line per claim. */
struct seen {
	struct fig_buf out;
	int n;
	int stop_after;
};

static int
see_claim(void *ctx, const struct fig_row *r)
{
	struct seen *s = ctx;
	char v[64];

	claim_fmt_number(r->claim.value, v, sizeof v);
	buf_addf(&s->out, "%s|%s|%s|%s|%s|%s|%ld|%s|%s|%s\n", r->claim.metric,
	    r->claim.entity, r->claim.period, v, r->doc->published,
	    r->claim.doc, r->claim.line, r->claim.quote, r->source_date,
	    r->source_url);
	s->n++;
	return s->stop_after && s->n >= s->stop_after ? -1 : 0;
}

static int
see_doc(void *ctx, const struct fig_doc *d)
{
	struct seen *s = ctx;

	buf_addf(&s->out, "%s|%s|%s|%ld\n", d->title, d->published, d->kind,
	    d->nclaims);
	s->n++;
	return 0;
}

static int
see_series(void *ctx, const struct fig_series *r)
{
	struct seen *s = ctx;

	buf_addf(&s->out, "%s|%s|%s|%ld|%s|%s\n", r->metric, r->entity,
	    r->unit, r->figures, r->first_period, r->last_period);
	s->n++;
	return 0;
}

/* A store with two reports and a dataset-like third, used by several
 * tests. Ids: 1 (2022-11), 2 (2021), 3 (2023-02-01). */
static struct fig_store *
sample(const char *path)
{
	struct fig_store *s;
	struct fig_err err;
	struct fig_doc d;
	struct fig_claim c;
	struct fig_ref r;

	if (store_open(&s, path, 0, &err) != 0) {
		printf("FAIL open %s: %s\n", path, err.msg);
		return NULL;
	}
	CHECK(store_begin(s, &err) == 0);
	mkdoc(&d, "ACRI report", "2022-11", "a");
	CHECK(store_doc_insert(s, &d, &err) == 0);
	CHECK(d.id == 1);
	mkclaim(&c, "neon.world_supply_share", "Russia", "2021", 30, 12,
	    "30 percent");
	snprintf(c.footnote, sizeof c.footnote, "7;8");
	CHECK(store_claim_insert(s, d.id, &c, &err) == 0);
	mkclaim(&c, "neon.world_supply_share", "Ukraine", "2021", 70, 13,
	    "70 percent");
	snprintf(c.footnote, sizeof c.footnote, "9");
	CHECK(store_claim_insert(s, d.id, &c, &err) == 0);
	mkclaim(&c, "", "", "", 5, 20, "five things");
	CHECK(store_claim_insert(s, d.id, &c, &err) == 0);
	memset(&r, 0, sizeof r);
	r.number = 8;
	r.line = 400;
	r.text = "Customs data, 3 May 2021, https://example.org/neon";
	snprintf(r.date, sizeof r.date, "2021-05-03");
	r.url = "https://example.org/neon";
	CHECK(store_ref_insert(s, d.id, &r, &err) == 0);
	r.number = 10;
	snprintf(r.date, sizeof r.date, "2020");
	r.url = "https://example.org/other";
	CHECK(store_ref_insert(s, d.id, &r, &err) == 0);

	mkdoc(&d, "Older note", "2021", "b");
	snprintf(d.kind, sizeof d.kind, "article");
	CHECK(store_doc_insert(s, &d, &err) == 0);
	mkclaim(&c, "neon.world_supply_share", "Russia", "2021", 25, 3,
	    "a quarter");
	CHECK(store_claim_insert(s, d.id, &c, &err) == 0);
	mkclaim(&c, "neon.world_supply_share", "Russia", "2019", 20, 9,
	    "one fifth");
	CHECK(store_claim_insert(s, d.id, &c, &err) == 0);

	mkdoc(&d, "Customs 2023", "2023-02-01", "c");
	snprintf(d.kind, sizeof d.kind, "dataset");
	CHECK(store_doc_insert(s, &d, &err) == 0);
	mkclaim(&c, "neon.world_supply_share", "Russia", "2021", 28, 2,
	    "FCS");
	CHECK(store_claim_insert_src(s, d.id, &c, "2023-01-15",
	    "https://customs.example/2023", &err) == 0);
	CHECK(store_commit(s, &err) == 0);
	return s;
}

static void
test_open_memory(void)
{
	struct fig_store *s;
	struct fig_err err;
	struct seen seen = { FIG_BUF_INIT, 0, 0 };

	CHECK(store_open(&s, ":memory:", 0, &err) == 0);
	CHECK_STR(store_path(s), ":memory:");
	CHECK(store_each_doc(s, see_doc, &seen, &err) == 0);
	CHECK(seen.n == 0);
	store_close(s);
	store_close(NULL);
	buf_release(&seen.out);
}

/* The file carries the schema version, our application id, WAL, and
 * STRICT tables with the indexes and views the issue asks for. */
static void
test_schema(void)
{
	const char *path = tmppath("schema.db");
	struct fig_store *s;
	struct fig_err err;
	sqlite3 *db;
	sqlite3_stmt *st;
	int strict = 0, views = 0, idx = 0;

	CHECK(store_open(&s, path, 0, &err) == 0);
	store_close(s);
	/* opening again does not migrate twice */
	CHECK(store_open(&s, path, 0, &err) == 0);
	store_close(s);
	CHECK(sqlite3_open(path, &db) == SQLITE_OK);
	CHECK(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) ==
	    SQLITE_OK);
	CHECK(sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 4);
	sqlite3_finalize(st);
	CHECK(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL) ==
	    SQLITE_OK);
	CHECK(sqlite3_step(st) == SQLITE_ROW);
	CHECK_STR((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	CHECK(sqlite3_prepare_v2(db, "SELECT name, strict FROM pragma_table_list"
	    " WHERE schema = 'main'", -1, &st, NULL) == SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *n = (const char *)sqlite3_column_text(st, 0);
		if (strcmp(n, "documents") == 0 || strcmp(n, "claims") == 0 ||
		    strcmp(n, "refs") == 0 || strcmp(n, "timeseries") == 0)
			strict += sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	CHECK(strict == 4);
	/* claims point at their series; the strings live in timeseries */
	CHECK(sqlite3_prepare_v2(db, "SELECT group_concat(name) FROM"
	    " pragma_table_info('claims') WHERE name IN ('series_id',"
	    " 'metric', 'entity', 'unit')", -1, &st, NULL) == SQLITE_OK);
	CHECK(sqlite3_step(st) == SQLITE_ROW);
	CHECK_STR((const char *)sqlite3_column_text(st, 0), "series_id");
	sqlite3_finalize(st);
	CHECK(sqlite3_prepare_v2(db, "SELECT type, name FROM sqlite_schema",
	    -1, &st, NULL) == SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		const char *n = (const char *)sqlite3_column_text(st, 1);
		if (strcmp(t, "view") == 0 && (strcmp(n, "series") == 0 ||
		    strcmp(n, "claim_rows") == 0))
			views++;
		if (strcmp(t, "index") == 0 && strcmp(n, "claims_series") == 0)
			idx++;
	}
	sqlite3_finalize(st);
	CHECK(views == 2);
	CHECK(idx == 1);
	sqlite3_close(db);
}

static void
test_docs(void)
{
	struct fig_store *s = sample(":memory:");
	struct fig_err err;
	struct fig_doc d, dup;
	struct seen seen = { FIG_BUF_INIT, 0, 0 };
	long long id;

	if (s == NULL)
		return;
	mkdoc(&d, "x", "2022", "b");
	CHECK(store_doc_by_sha(s, d.sha256, &id, &err) == 0);
	CHECK(id == 2);
	mkdoc(&d, "x", "2022", "zz");
	CHECK(store_doc_by_sha(s, d.sha256, &id, &err) == 0);
	CHECK(id == 0);

	CHECK(store_each_doc(s, see_doc, &seen, &err) == 0);
	CHECK_STR(buf_str(&seen.out), "Older note|2021|article|2\n"
	    "ACRI report|2022-11|report|3\n"
	    "Customs 2023|2023-02-01|dataset|1\n");

	CHECK(store_doc_find(s, "1", &d, &err) == 0);
	CHECK_STR(d.title, "ACRI report");
	CHECK(d.nclaims == 3);
	CHECK(strlen(d.added) == 20 && d.added[10] == 'T');
	store_doc_release(&d);
	CHECK(store_doc_find(s, "Older note", &d, &err) == 0);
	CHECK(d.id == 2);
	store_doc_release(&d);
	/* every sample document has path report.txt: ambiguous */
	CHECK(store_doc_find(s, "report.txt", &d, &err) == -1);
	CHECK(strstr(err.msg, "matches 3 documents") != NULL);
	CHECK(strstr(err.msg, "2 (Older note, 2021)") != NULL);
	CHECK(store_doc_find(s, "nothing", &d, &err) == -1);
	CHECK(strstr(err.msg, "no document 'nothing'") != NULL);
	CHECK(store_doc_find(s, "99", &d, &err) == -1);

	/* the same content twice is refused by the database itself */
	mkdoc(&dup, "again", "2022", "a");
	CHECK(store_doc_insert(s, &dup, &err) == -1);
	CHECK(err.code == FIG_EDB);
	/* bad kind and date are refused before SQL */
	mkdoc(&dup, "k", "2022", "q");
	snprintf(dup.kind, sizeof dup.kind, "novel");
	CHECK(store_doc_insert(s, &dup, &err) == -1);
	CHECK(strstr(err.msg, "kind 'novel'") != NULL);
	mkdoc(&dup, "k", "2022-13", "q");
	CHECK(store_doc_insert(s, &dup, &err) == -1);

	/* update rewrites what add learns late */
	mkdoc(&d, "New title", "2020-02-29", "zz");
	d.id = 2;
	snprintf(d.kind, sizeof d.kind, "article");
	d.source = (char *)"Somebody";
	CHECK(store_doc_update(s, &d, &err) == 0);
	CHECK(store_doc_find(s, "2", &d, &err) == 0);
	CHECK_STR(d.title, "New title");
	CHECK_STR(d.published, "2020-02-29");
	CHECK_STR(d.source, "Somebody");
	store_doc_release(&d);
	store_close(s);
	buf_release(&seen.out);
}

static void
test_claim_order(void)
{
	struct fig_store *s = sample(":memory:");
	struct fig_err err;
	struct seen seen = { FIG_BUF_INIT, 0, 0 };

	if (s == NULL)
		return;
	CHECK(store_each_claim(s, NULL, see_claim, &seen, &err) == 0);
	/* metric, entity, period, publication date; references resolved
	 * through the first footnote that has one (7 has none, 8 has) */
	CHECK_STR(buf_str(&seen.out),
	    "|||5|2022-11|ACRI report|20|five things||\n"
	    "neon.world_supply_share|Russia|2019|20|2021|Older note|9|one fifth||\n"
	    "neon.world_supply_share|Russia|2021|25|2021|Older note|3|a quarter||\n"
	    "neon.world_supply_share|Russia|2021|30|2022-11|ACRI report|12|30 percent|2021-05-03|https://example.org/neon\n"
	    "neon.world_supply_share|Russia|2021|28|2023-02-01|Customs 2023|2|FCS|2023-01-15|https://customs.example/2023\n"
	    "neon.world_supply_share|Ukraine|2021|70|2022-11|ACRI report|13|70 percent||\n");
	store_close(s);
	buf_release(&seen.out);
}

static void
test_claim_query(void)
{
	struct fig_store *s = sample(":memory:");
	struct fig_err err;
	struct seen seen = { FIG_BUF_INIT, 0, 0 };
	struct fig_query q;

	if (s == NULL)
		return;
	memset(&q, 0, sizeof q);
	q.with_metric = 1;
	CHECK(store_each_claim(s, &q, see_claim, &seen, &err) == 0);
	CHECK(seen.n == 5);
	seen.n = 0;
	q.entity = "Ukraine";
	CHECK(store_each_claim(s, &q, see_claim, &seen, &err) == 0);
	CHECK(seen.n == 1);
	seen.n = 0;
	memset(&q, 0, sizeof q);
	q.metric = "neon.world_supply_share";
	q.entity = "Russia";
	q.since = "2022";
	CHECK(store_each_claim(s, &q, see_claim, &seen, &err) == 0);
	CHECK(seen.n == 2);
	seen.n = 0;
	/* 2022-11 counts as 2022-11-01: before 2022-11-02 */
	q.since = "2022-11-02";
	CHECK(store_each_claim(s, &q, see_claim, &seen, &err) == 0);
	CHECK(seen.n == 1);
	seen.n = 0;
	q.since = "2022-11-01";
	CHECK(store_each_claim(s, &q, see_claim, &seen, &err) == 0);
	CHECK(seen.n == 2);
	seen.n = 0;
	q.since = "last week";
	CHECK(store_each_claim(s, &q, see_claim, &seen, &err) == -1);
	CHECK(err.code == FIG_EUSAGE);
	memset(&q, 0, sizeof q);
	q.doc_id = 2;
	CHECK(store_each_claim(s, &q, see_claim, &seen, &err) == 0);
	CHECK(seen.n == 2);
	seen.n = 0;
	q.metric = "no.such.metric";
	CHECK(store_each_claim(s, &q, see_claim, &seen, &err) == 0);
	CHECK(seen.n == 0);
	/* a callback can stop the walk */
	seen.stop_after = 2;
	CHECK(store_each_claim(s, NULL, see_claim, &seen, &err) == -1);
	CHECK(seen.n == 2);
	store_close(s);
	buf_release(&seen.out);
}

/* The first footnote number of a claim that has a reference wins, in
 * the order the claim lists them, not the order references were read;
 * references of other documents never match. */
static int
see_figure(void *ctx, const struct fig_figure *f)
{
	struct seen *s = ctx;
	char v[64];

	claim_fmt_number(f->value, v, sizeof v);
	buf_addf(&s->out, "%lld|%s|%s|%s|%d|%s|%s|%s|%s|%ld|%s\n",
	    f->doc_id, f->metric, f->entity, f->unit, f->series, f->period, v,
	    f->doc, f->published, f->line, f->quote);
	s->n++;
	return 0;
}

/* The figures diff reads: store_each_claim's order when ordered, else
 * as stored; a dataset row dated by its source date, other figures by
 * their document; one number per series. */
static void
test_figures(void)
{
	struct fig_store *s = sample(":memory:");
	struct fig_err err;
	struct seen seen = { FIG_BUF_INIT, 0, 0 };
	struct fig_claim c;

	if (s == NULL)
		return;
	/* two more claims on line 12 of document 1 (30 percent is at byte
	 * 120): the byte offset orders them */
	mkclaim(&c, "neon.world_supply_share", "Russia", "2021", 31, 12,
	    "31 percent");
	c.byte_start = 100;
	CHECK(store_claim_insert(s, 1, &c, &err) == 0);
	mkclaim(&c, "neon.world_supply_share", "Russia", "2021", 32, 12,
	    "32 percent");
	c.byte_start = 50;
	CHECK(store_claim_insert(s, 1, &c, &err) == 0);
	CHECK(store_each_figure(s, 1, 1, see_figure, &seen, &err) == 0);
	CHECK_STR(buf_str(&seen.out),
	    "1|||percent|2||5|ACRI report|2022-11|20|five things\n"
	    "1|neon.world_supply_share|Russia|percent|0|2021|32|ACRI report|2022-11|12|32 percent\n"
	    "1|neon.world_supply_share|Russia|percent|0|2021|31|ACRI report|2022-11|12|31 percent\n"
	    "1|neon.world_supply_share|Russia|percent|0|2021|30|ACRI report|2022-11|12|30 percent\n"
	    "1|neon.world_supply_share|Ukraine|percent|1|2021|70|ACRI report|2022-11|13|70 percent\n");
	buf_reset(&seen.out);
	CHECK(store_each_figure(s, 0, 0, see_figure, &seen, &err) == 0);
	CHECK_STR(buf_str(&seen.out),
	    "1|neon.world_supply_share|Russia|percent|0|2021|30|ACRI report|2022-11|12|30 percent\n"
	    "1|neon.world_supply_share|Ukraine|percent|1|2021|70|ACRI report|2022-11|13|70 percent\n"
	    "1|||percent|2||5|ACRI report|2022-11|20|five things\n"
	    "2|neon.world_supply_share|Russia|percent|0|2021|25|Older note|2021|3|a quarter\n"
	    "2|neon.world_supply_share|Russia|percent|0|2019|20|Older note|2021|9|one fifth\n"
	    "3|neon.world_supply_share|Russia|percent|0|2021|28|Customs 2023|2023-01-15|2|FCS\n"
	    "1|neon.world_supply_share|Russia|percent|0|2021|31|ACRI report|2022-11|12|31 percent\n"
	    "1|neon.world_supply_share|Russia|percent|0|2021|32|ACRI report|2022-11|12|32 percent\n");
	store_close(s);
	buf_release(&seen.out);
}

static void
test_refs(void)
{
	struct fig_store *s = sample(":memory:");
	struct fig_err err;
	struct seen seen = { FIG_BUF_INIT, 0, 0 };
	struct fig_claim c;
	struct fig_query q;

	if (s == NULL)
		return;
	mkclaim(&c, "r", "a", "2020", 1, 50, "ten then eight");
	snprintf(c.footnote, sizeof c.footnote, "10;8");
	CHECK(store_claim_insert(s, 1, &c, &err) == 0);
	mkclaim(&c, "r", "b", "2020", 2, 51, "eighty");
	snprintf(c.footnote, sizeof c.footnote, "80");
	CHECK(store_claim_insert(s, 1, &c, &err) == 0);
	mkclaim(&c, "r", "c", "2020", 3, 52, "other document");
	snprintf(c.footnote, sizeof c.footnote, "8");
	CHECK(store_claim_insert(s, 2, &c, &err) == 0);
	memset(&q, 0, sizeof q);
	q.metric = "r";
	CHECK(store_each_claim(s, &q, see_claim, &seen, &err) == 0);
	CHECK_STR(buf_str(&seen.out),
	    "r|a|2020|1|2022-11|ACRI report|50|ten then eight|2020|https://example.org/other\n"
	    "r|b|2020|2|2022-11|ACRI report|51|eighty||\n"
	    "r|c|2020|3|2021|Older note|52|other document||\n");
	store_close(s);
	buf_release(&seen.out);
}

static void
test_series(void)
{
	struct fig_store *s = sample(":memory:");
	struct fig_err err;
	struct seen seen = { FIG_BUF_INIT, 0, 0 };

	if (s == NULL)
		return;
	CHECK(store_each_series(s, see_series, &seen, &err) == 0);
	CHECK_STR(buf_str(&seen.out),
	    "neon.world_supply_share|Russia|percent|4|2019|2021\n"
	    "neon.world_supply_share|Ukraine|percent|1|2021|2021\n");
	store_close(s);
	buf_release(&seen.out);
}

static void
test_remove(void)
{
	const char *path = tmppath("rm.db");
	struct fig_store *s;
	struct fig_err err;
	struct seen seen = { FIG_BUF_INIT, 0, 0 };
	sqlite3 *db;
	sqlite3_stmt *st;

	unlink(path);
	if ((s = sample(path)) == NULL)
		return;
	CHECK(store_begin(s, &err) == 0);
	CHECK(store_doc_remove(s, 1, &err) == 0);
	CHECK(store_commit(s, &err) == 0);
	CHECK(store_each_claim(s, NULL, see_claim, &seen, &err) == 0);
	CHECK(seen.n == 3);
	store_close(s);
	CHECK(sqlite3_open(path, &db) == SQLITE_OK);
	CHECK(sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM refs),"
	    " (SELECT count(*) FROM claims WHERE doc_id = 1),"
	    " (SELECT count(*) FROM documents)", -1, &st, NULL) == SQLITE_OK);
	CHECK(sqlite3_step(st) == SQLITE_ROW);
	CHECK(sqlite3_column_int(st, 0) == 0);
	CHECK(sqlite3_column_int(st, 1) == 0);
	CHECK(sqlite3_column_int(st, 2) == 2);
	sqlite3_finalize(st);
	/* the series only document 1 spoke of (Ukraine, and the one with no
	 * metric) went with it; Russia's stays */
	CHECK(sqlite3_prepare_v2(db, "SELECT group_concat(entity, '|') FROM"
	    " (SELECT entity FROM timeseries ORDER BY id)", -1, &st, NULL)
	    == SQLITE_OK);
	CHECK(sqlite3_step(st) == SQLITE_ROW);
	CHECK_STR((const char *)sqlite3_column_text(st, 0), "Russia");
	sqlite3_finalize(st);
	sqlite3_close(db);
	CHECK(fk_violations(path) == 0);
	buf_release(&seen.out);
}

static void
test_rollback(void)
{
	struct fig_store *s = sample(":memory:");
	struct fig_err err;
	struct fig_doc d;
	struct fig_claim c;
	struct seen seen = { FIG_BUF_INIT, 0, 0 };

	if (s == NULL)
		return;
	CHECK(store_begin(s, &err) == 0);
	mkdoc(&d, "half", "2024", "h");
	CHECK(store_doc_insert(s, &d, &err) == 0);
	mkclaim(&c, "m", "e", "2024", 1, 1, "one");
	CHECK(store_claim_insert(s, d.id, &c, &err) == 0);
	store_rollback(s);
	store_rollback(s);	/* harmless without a transaction */
	CHECK(store_each_doc(s, see_doc, &seen, &err) == 0);
	CHECK(seen.n == 3);
	/* a claim for a document that does not exist: foreign keys are on */
	CHECK(store_claim_insert(s, 4242, &c, &err) == -1);
	CHECK(err.code == FIG_EDB);
	store_close(s);
	buf_release(&seen.out);
}

/* Claims wait in batches inside a transaction: every read still sees
 * them all, in the order they were given, and ids follow that order. */
static void
test_batches(void)
{
	const char *path = tmppath("batch.db");
	struct fig_store *s;
	struct fig_err err;
	struct fig_doc a, b, d;
	struct fig_claim c;
	struct fig_query q;
	struct seen seen = { FIG_BUF_INIT, 0, 0 };
	char quote[32], metric[32];
	sqlite3 *db;
	sqlite3_stmt *st;
	int inorder = 1, n = 0;

	unlink(path);
	CHECK(store_open(&s, path, 0, &err) == 0);
	CHECK(store_begin(s, &err) == 0);
	mkdoc(&a, "A", "2022", "a");
	CHECK(store_doc_insert(s, &a, &err) == 0);
	mkdoc(&b, "B", "2023", "b");
	CHECK(store_doc_insert(s, &b, &err) == 0);
	/* 3 full batches and a few over, two documents, 7 series and
	 * claims with no metric */
	for (int i = 0; i < 101; i++) {
		snprintf(quote, sizeof quote, "q%03d", i);
		snprintf(metric, sizeof metric, i % 8 == 7 ? "" : "m.%d",
		    i % 8);
		mkclaim(&c, metric, i % 2 ? "odd" : "even", "2020", i, i + 1,
		    quote);
		/* values and NULLs take turns in the same parameters */
		if ((c.has_low = i % 3 == 0))
			c.low = i - 0.5;
		if ((c.has_high = i % 5 == 0))
			c.high = i + 0.5;
		c.qual = i % 7 ? FIG_Q_EXACT : FIG_Q_RANGE;
		c.sentence = i % 6 == 1 ? quote : NULL;
		CHECK(store_claim_insert(s, i % 3 ? a.id : b.id, &c, &err)
		    == 0);
	}
	/* read inside the transaction: all 101 */
	CHECK(store_each_claim(s, NULL, see_claim, &seen, &err) == 0);
	CHECK(seen.n == 101);
	CHECK(store_doc_find(s, "A", &d, &err) == 0);
	CHECK(d.nclaims == 67);
	store_doc_release(&d);
	memset(&q, 0, sizeof q);
	q.metric = "m.3";
	seen.n = 0;
	CHECK(store_each_claim(s, &q, see_claim, &seen, &err) == 0);
	CHECK(seen.n == 13);
	/* and more after the read, then the commit flushes the rest */
	mkclaim(&c, "m.3", "late", "2021", 1, 200, "late");
	CHECK(store_claim_insert(s, a.id, &c, &err) == 0);
	/* a document removed with claims still waiting: they go too */
	mkdoc(&d, "C", "2024", "c");
	CHECK(store_doc_insert(s, &d, &err) == 0);
	mkclaim(&c, "m.c", "only", "2021", 1, 1, "c");
	CHECK(store_claim_insert(s, d.id, &c, &err) == 0);
	CHECK(store_doc_remove(s, d.id, &err) == 0);
	CHECK(store_commit(s, &err) == 0);
	store_close(s);
	/* closed for real: the last connection checkpointed and removed
	 * the WAL (an unfinalized statement would have kept it open) */
	CHECK(access(tmppath("batch.db-wal"), F_OK) != 0);
	CHECK(sqlite3_open(path, &db) == SQLITE_OK);
	CHECK(sqlite3_prepare_v2(db, "SELECT quote FROM claims ORDER BY id",
	    -1, &st, NULL) == SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(quote, sizeof quote, "q%03d", n++);
		if (n <= 101 && strcmp((const char *)sqlite3_column_text(st, 0),
		    quote) != 0)
			inorder = 0;
	}
	sqlite3_finalize(st);
	CHECK(n == 102);
	CHECK(inorder);
	CHECK(sqlite3_prepare_v2(db, "SELECT count(*) FROM claims WHERE"
	    " line <= 101 AND (low IS NOT NULL) = ((line - 1) % 3 = 0)"
	    " AND coalesce(low, value - 0.5) = value - 0.5"
	    " AND (high IS NOT NULL) = ((line - 1) % 5 = 0)"
	    " AND coalesce(high, value + 0.5) = value + 0.5"
	    " AND (qualifier = 'range') = ((line - 1) % 7 = 0)"
	    " AND (sentence IS NULL) = ((line - 1) % 6 <> 1)"
	    " AND coalesce(sentence, quote) = quote", -1, &st, NULL)
	    == SQLITE_OK);
	CHECK(sqlite3_step(st) == SQLITE_ROW);
	CHECK(sqlite3_column_int(st, 0) == 101);
	sqlite3_finalize(st);
	CHECK(sqlite3_prepare_v2(db, "SELECT count(*) FROM series WHERE"
	    " metric = 'm.3'", -1, &st, NULL) == SQLITE_OK);
	CHECK(sqlite3_step(st) == SQLITE_ROW);
	CHECK(sqlite3_column_int(st, 0) == 14);
	sqlite3_finalize(st);
	CHECK(sqlite3_prepare_v2(db, "SELECT count(*) FROM timeseries",
	    -1, &st, NULL) == SQLITE_OK);
	CHECK(sqlite3_step(st) == SQLITE_ROW);
	CHECK(sqlite3_column_int(st, 0) == 9);	/* 8 x odd/even + late */
	sqlite3_finalize(st);
	sqlite3_close(db);
	CHECK(fk_violations(path) == 0);
	buf_release(&seen.out);
}

/* A rollback takes the series it created with it: a later transaction
 * does not reuse their ids for other series. */
static void
test_series_rollback(void)
{
	struct fig_store *s = sample(":memory:");
	struct fig_err err;
	struct fig_claim c;
	struct fig_query q;
	struct seen seen = { FIG_BUF_INIT, 0, 0 };

	if (s == NULL)
		return;
	CHECK(store_begin(s, &err) == 0);
	mkclaim(&c, "gone.metric", "X", "2020", 1, 1, "gone");
	CHECK(store_claim_insert(s, 1, &c, &err) == 0);
	store_rollback(s);
	CHECK(store_begin(s, &err) == 0);
	/* takes the id gone.metric had */
	mkclaim(&c, "other.metric", "Y", "2020", 2, 2, "other");
	CHECK(store_claim_insert(s, 1, &c, &err) == 0);
	mkclaim(&c, "gone.metric", "X", "2020", 3, 3, "back");
	CHECK(store_claim_insert(s, 1, &c, &err) == 0);
	CHECK(store_commit(s, &err) == 0);
	memset(&q, 0, sizeof q);
	q.metric = "gone.metric";
	CHECK(store_each_claim(s, &q, see_claim, &seen, &err) == 0);
	CHECK(seen.n == 1);
	CHECK(strstr(buf_str(&seen.out), "gone.metric|X|2020|3|") != NULL);
	q.metric = "other.metric";
	CHECK(store_each_claim(s, &q, see_claim, &seen, &err) == 0);
	CHECK(seen.n == 2);
	CHECK(strstr(buf_str(&seen.out), "other.metric|Y|2020|2|") != NULL);
	store_close(s);
	buf_release(&seen.out);
}

/* The store keeps the foreign keys itself: a claim or reference of a
 * document that does not exist, or no longer does, is refused at once,
 * and so is a value SQLite would store as NULL. */
static void
test_references_kept(void)
{
	struct fig_store *s = sample(":memory:");
	struct fig_err err;
	struct fig_claim c;
	struct fig_doc d;
	struct fig_ref r;
	struct seen seen = { FIG_BUF_INIT, 0, 0 };

	if (s == NULL)
		return;
	CHECK(store_begin(s, &err) == 0);
	mkclaim(&c, "m", "e", "2024", 1, 1, "one");
	CHECK(store_claim_insert(s, 1, &c, &err) == 0);
	CHECK(store_claim_insert(s, 4242, &c, &err) == -1);
	CHECK(err.code == FIG_EDB);
	CHECK(strstr(err.msg, "no document 4242") != NULL);
	memset(&r, 0, sizeof r);
	r.number = 1;
	CHECK(store_ref_insert(s, 4242, &r, &err) == -1);
	CHECK(err.code == FIG_EDB);
	/* known in this transaction, then removed: refused */
	mkdoc(&d, "brief", "2024", "z");
	CHECK(store_doc_insert(s, &d, &err) == 0);
	CHECK(store_claim_insert(s, d.id, &c, &err) == 0);
	CHECK(store_doc_remove(s, d.id, &err) == 0);
	CHECK(store_claim_insert(s, d.id, &c, &err) == -1);
	CHECK(store_ref_insert(s, d.id, &r, &err) == -1);
	c.value = NAN;
	CHECK(store_claim_insert(s, 1, &c, &err) == -1);
	CHECK(err.code == FIG_EUSAGE);
	CHECK(strstr(err.msg, "not a finite number") != NULL);
	c.value = 1;
	c.has_high = 1;
	c.high = INFINITY;
	CHECK(store_claim_insert(s, 1, &c, &err) == -1);
	store_rollback(s);
	CHECK(store_each_claim(s, NULL, see_claim, &seen, &err) == 0);
	CHECK(seen.n == 6);
	store_close(s);
	buf_release(&seen.out);
}

/* Titles, quotes and filters are bound, never spliced into SQL. */
static void
test_injection(void)
{
	struct fig_store *s;
	struct fig_err err;
	struct fig_doc d;
	struct fig_claim c;
	struct fig_query q;
	struct seen seen = { FIG_BUF_INIT, 0, 0 };
	const char *evil = "'); DROP TABLE claims;--";

	CHECK(store_open(&s, ":memory:", 0, &err) == 0);
	mkdoc(&d, evil, "2022", "e");
	CHECK(store_doc_insert(s, &d, &err) == 0);
	mkclaim(&c, "x' OR '1'='1", evil, "2022", 1, 1, evil);
	CHECK(store_claim_insert(s, d.id, &c, &err) == 0);
	memset(&q, 0, sizeof q);
	q.metric = "x' OR '1'='1";
	CHECK(store_each_claim(s, &q, see_claim, &seen, &err) == 0);
	CHECK(seen.n == 1);
	q.metric = "' OR 1=1 --";
	CHECK(store_each_claim(s, &q, see_claim, &seen, &err) == 0);
	CHECK(seen.n == 1);
	CHECK(store_doc_find(s, evil, &d, &err) == 0);
	CHECK_STR(d.title, evil);
	store_doc_release(&d);
	store_close(s);
	buf_release(&seen.out);
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void
test_not_a_database(void)
{
	const char *path = tmppath("notes.txt");
	struct fig_store *s = NULL;
	struct fig_err err;
	sqlite3 *db;

	write_file(path, "This is a shopping list, not a database.\n"
	    "Eggs, milk, bread, and a very long line to fill the header page "
	    "so that SQLite has something to read.\n");
	CHECK(store_open(&s, path, 0, &err) == -1);
	CHECK(s == NULL);
	CHECK(err.code == FIG_EDB);
	CHECK(strstr(err.msg, "not a database") != NULL);
	CHECK(store_open(&s, path, FIG_STORE_RDONLY, &err) == -1);
	CHECK(strstr(err.msg, "not a database") != NULL);

	/* another program's SQLite file */
	path = tmppath("other.db");
	unlink(path);
	CHECK(sqlite3_open(path, &db) == SQLITE_OK);
	CHECK(sqlite3_exec(db, "CREATE TABLE t (x)", NULL, NULL, NULL) ==
	    SQLITE_OK);
	sqlite3_close(db);
	CHECK(store_open(&s, path, 0, &err) == -1);
	CHECK(strstr(err.msg, "not a figtrack database") != NULL);

	/* a schema from the future */
	path = tmppath("future.db");
	unlink(path);
	CHECK(store_open(&s, path, 0, &err) == 0);
	store_close(s);
	CHECK(sqlite3_open(path, &db) == SQLITE_OK);
	CHECK(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL)
	    == SQLITE_OK);
	sqlite3_close(db);
	CHECK(store_open(&s, path, 0, &err) == -1);
	CHECK(strstr(err.msg, "version 99 is newer") != NULL);

	/* read-only open of nothing creates nothing */
	path = tmppath("absent.db");
	CHECK(store_open(&s, path, FIG_STORE_RDONLY, &err) == -1);
	CHECK(strstr(err.msg, "no database") != NULL);
	CHECK(access(path, F_OK) != 0);
	CHECK(store_open(&s, tmpdir, 0, &err) == -1);
	CHECK(strstr(err.msg, "directory") != NULL);
}

/* Overwrite the pages after the first with garbage: opening may still
 * work, but every read must fail with FIG_EDB, never crash. */
static void
test_corrupt(void)
{
	const char *path = tmppath("corrupt.db");
	struct fig_store *s;
	struct fig_err err;
	struct seen seen = { FIG_BUF_INIT, 0, 0 };
	FILE *f;
	int rc;

	unlink(path);
	if ((s = sample(path)) == NULL)
		return;
	store_close(s);
	f = fopen(path, "r+b");
	CHECK(f != NULL);
	if (f == NULL)
		return;
	fseek(f, 4096, SEEK_SET);
	for (int i = 0; i < 4096 * 6; i++)
		putc((i * 7919) & 0xff, f);
	fclose(f);
	rc = store_open(&s, path, 0, &err);
	if (rc == 0) {
		rc = store_each_claim(s, NULL, see_claim, &seen, &err);
		store_close(s);
	}
	CHECK(rc == -1);
	CHECK(err.code == FIG_EDB);
	CHECK(strstr(err.msg, "corrupt") != NULL ||
	    strstr(err.msg, "not a database") != NULL);
	buf_release(&seen.out);
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* One writer holds the lock: a second writer waits for the busy
 * timeout and fails clearly; a reader meanwhile sees the last commit,
 * not the writer's half-done work. */
static void
test_lock(void)
{
	const char *path = tmppath("lock.db");
	struct fig_store *w, *r, *r2;
	struct fig_err err;
	struct fig_doc d;
	struct seen seen = { FIG_BUF_INIT, 0, 0 };
	double t0, took;

	unlink(path);
	if ((w = sample(path)) == NULL)
		return;
	setenv("FIGTRACK_BUSY_TIMEOUT", "200", 1);
	CHECK(store_open(&r, path, 0, &err) == 0);
	CHECK(store_open(&r2, path, FIG_STORE_RDONLY, &err) == 0);
	unsetenv("FIGTRACK_BUSY_TIMEOUT");
	CHECK(store_begin(w, &err) == 0);
	mkdoc(&d, "in flight", "2024", "f");
	CHECK(store_doc_insert(w, &d, &err) == 0);

	t0 = now_ms();
	CHECK(store_begin(r, &err) == -1);
	took = now_ms() - t0;
	CHECK(err.code == FIG_EDB);
	CHECK(strstr(err.msg, "locked") != NULL);
	CHECK(strstr(err.msg, "200 ms") != NULL);
	CHECK(took >= 150);
	CHECK(store_each_doc(r2, see_doc, &seen, &err) == 0);
	CHECK(seen.n == 3);
	CHECK(store_commit(w, &err) == 0);
	seen.n = 0;
	CHECK(store_each_doc(r2, see_doc, &seen, &err) == 0);
	CHECK(seen.n == 4);
	/* the read-only handle refuses writes */
	mkdoc(&d, "nope", "2024", "g");
	CHECK(store_doc_insert(r2, &d, &err) == -1);
	store_close(w);
	store_close(r);
	store_close(r2);
	buf_release(&seen.out);
}

static void
test_dates_and_paths(void)
{
	CHECK(store_date_valid("2022") == 0);
	CHECK(store_date_valid("2022-11") == 0);
	CHECK(store_date_valid("2022-11-30") == 0);
	CHECK(store_date_valid("2024-02-29") == 0);
	CHECK(store_date_valid("2023-02-29") == -1);
	CHECK(store_date_valid("2000-02-29") == 0);
	CHECK(store_date_valid("1900-02-29") == -1);
	CHECK(store_date_valid("2022-13") == -1);
	CHECK(store_date_valid("2022-00") == -1);
	CHECK(store_date_valid("2022-04-31") == -1);
	CHECK(store_date_valid("22") == -1);
	CHECK(store_date_valid("2022/11") == -1);
	CHECK(store_date_valid("November 2022") == -1);
	CHECK(store_date_valid("") == -1);

	unsetenv("FIGTRACK_DB");
	CHECK_STR(store_default_path(NULL), "figtrack.db");
	setenv("FIGTRACK_DB", "/tmp/x.db", 1);
	CHECK_STR(store_default_path(NULL), "/tmp/x.db");
	CHECK_STR(store_default_path("y.db"), "y.db");
	unsetenv("FIGTRACK_DB");
}

/* Long UTF-8 text round-trips; the sentence and offsets are kept. */
static void
test_text(void)
{
	struct fig_store *s;
	struct fig_err err;
	struct fig_doc d;
	struct fig_claim c;
	struct seen seen = { FIG_BUF_INIT, 0, 0 };
	struct fig_buf big = FIG_BUF_INIT;

	for (int i = 0; i < 5000; i++)
		buf_adds(&big, "澳中 ");
	CHECK(store_open(&s, ":memory:", 0, &err) == 0);
	mkdoc(&d, buf_str(&big), "2022", "t");
	CHECK(store_doc_insert(s, &d, &err) == 0);
	mkclaim(&c, "m", "PRC+Russia", "2022-H1", -38.5, 7, "fell 38.5%");
	c.sentence = (char *)buf_str(&big);
	c.has_low = 1;
	c.low = -40;
	CHECK(store_claim_insert(s, d.id, &c, &err) == 0);
	CHECK(store_each_claim(s, NULL, see_claim, &seen, &err) == 0);
	CHECK(strstr(buf_str(&seen.out), "m|PRC+Russia|2022-H1|-38.5|2022|"
	    "澳中 澳中") != NULL);
	store_close(s);
	buf_release(&seen.out);
	buf_release(&big);
}

int
main(int argc, char **argv)
{
	static const struct harness_test tests[] = {
		{ "store_open_memory", test_open_memory },
		{ "store_schema", test_schema },
		{ "store_docs", test_docs },
		{ "store_claim_order", test_claim_order },
		{ "store_figures", test_figures },
		{ "store_claim_query", test_claim_query },
		{ "store_refs", test_refs },
		{ "store_series", test_series },
		{ "store_remove", test_remove },
		{ "store_rollback", test_rollback },
		{ "store_batches", test_batches },
		{ "store_series_rollback", test_series_rollback },
		{ "store_references_kept", test_references_kept },
		{ "store_injection", test_injection },
		{ "store_not_a_database", test_not_a_database },
		{ "store_corrupt", test_corrupt },
		{ "store_lock", test_lock },
		{ "store_dates_and_paths", test_dates_and_paths },
		{ "store_text", test_text },
		{ NULL, NULL }
	};
	char cmd[300];
	int rc;

	snprintf(tmpdir, sizeof tmpdir, "/tmp/unit-store.XXXXXX");
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 2;
	}
	rc = harness_main(tests, argc, argv);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		rc = 1;
	return rc;
}
