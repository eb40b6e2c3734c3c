/* unit-import.c: CSV import (observations and claim records) and export:
 * what lands in the store, malformed files that must import nothing and
 * name row and column, and export -> import -> export byte for byte. */
#include <stdlib.h>

#include "figtrack/export.h"
#include "figtrack/import.h"
#include "figtrack/sha256.h"
#include "harness.h"

static struct fig_store *
open_mem(void)
{
	struct fig_store *s = NULL;
	struct fig_err err;

	if (store_open(&s, ":memory:", 0, &err) != 0)
		printf("FAIL open: %s\n", err.msg);
	return s;
}

/* Imports text as if it were the file name. */
static int
import_text(struct fig_store *s, const char *text, const char *name,
    const struct import_opts *o, struct import_result *res,
    struct fig_err *err)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	char hex[65];
	int rc;

	if (f == NULL)
		return -1;
	sha256_hex(text, strlen(text), hex);
	rc = import_csv(s, f, name, hex, o, res, err);
	fclose(f);
	return rc;
}

/* Exports everything into a malloc'd string. */
static char *
export_text(struct fig_store *s, enum fig_format fmt)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	struct fig_err err;

	if (f == NULL)
		return NULL;
	if (export_claims(s, NULL, f, fmt, NULL, &err) != 0)
		printf("FAIL export: %s\n", err.msg);
	fclose(f);
	return text;
}

static int
count_docs(void *ctx, const struct fig_doc *d)
{
	(void)d;
	(*(int *)ctx)++;
	return 0;
}

static int
ndocs(struct fig_store *s)
{
	struct fig_err err;
	int n = 0;

	store_each_doc(s, count_docs, &n, &err);
	return n;
}

static const char obs[] =
    "metric,entity,period,value,unit,source,published,low,note,partner\n"
    "neon.production.world_share,RUS,2021,28.5,percent,Customs,2023-01-15,,,"
    "\n"
    "neon.production.world_share,RUS,2022,19,percent,Customs,2023-05,17,"
    "\"revised, see note\",\n"
    "trade.exports.value,CHN,2022-01/2022-05,-1e9,usd,MOFCOM,2022,,,RUS\n";

static void
test_observations(void)
{
	struct fig_store *s = open_mem();
	struct fig_err err;
	struct import_result res;
	struct import_opts o = { NULL, NULL };
	struct fig_doc d;
	char *out;

	if (s == NULL)
		return;
	CHECK(import_text(s, obs, "data/customs.csv", &o, &res, &err) == 0);
	CHECK(res.rows == 3);
	CHECK(res.ndocs == 1);
	CHECK(res.claim_records == 0);
	CHECK(res.already == 0);
	CHECK(store_doc_find(s, "customs.csv", &d, &err) == 0);
	CHECK_STR(d.kind, "dataset");
	CHECK_STR(d.path, "data/customs.csv");
	CHECK_STR(d.published, "2023-05");	/* the latest vintage */
	CHECK(d.nclaims == 3);
	store_doc_release(&d);
	out = export_text(s, FIG_FMT_CSV);
	CHECK_STR(out,
	    "doc,line,quote,value,low,high,qualifier,unit,period,period_kind,"
	    "metric,entity,footnote,partner,page,title,published,source_date,"
	    "source_url\n"
	    "customs.csv,2,Customs,28.5,,,exact,percent,2021,observed,"
	    "neon.production.world_share,RUS,,,,customs.csv,2023-05,2023-01-15,"
	    "\n"
	    "customs.csv,3,Customs,19,17,,exact,percent,2022,observed,"
	    "neon.production.world_share,RUS,,,,customs.csv,2023-05,2023-05,\n"
	    "customs.csv,4,MOFCOM,-1000000000,,,exact,usd,2022-01/2022-05,"
	    "observed,trade.exports.value,CHN,,RUS,,customs.csv,2023-05,2022,\n");
	free(out);

	/* the same bytes again: a no-op that says which document */
	CHECK(import_text(s, obs, "elsewhere.csv", &o, &res, &err) == 0);
	CHECK(res.already == 1);
	CHECK(res.rows == 0);
	CHECK(ndocs(s) == 1);

	/* --title names the dataset */
	o.title = "FCS 2023";
	CHECK(import_text(s, "metric,entity,period,value,unit,source,published"
	    "\nm,e,2020,1,count,s,2021\n", "x.csv", &o, &res, &err) == 0);
	CHECK(store_doc_find(s, "FCS 2023", &d, &err) == 0);
	store_doc_release(&d);
	store_close(s);
}

/* Each malformed file: the import fails, stores nothing, and the message
 * names the row and the column. */
static void
test_malformed(void)
{
	static const struct {
		const char *csv;
		long row;
		long col;
		const char *msg;
	} bad[] = {
		{ "metric,entity,period,value,unit,source,published\n"
		  "m,e,2020,12,percent,\"unclosed,2021\n", 2, 6,
		  "row 2, column 6: unbalanced quote" },
		{ "metric,entity,period,value,unit,source,published\n"
		  "m,e,2020,12,percent,s,2021\n"
		  "m,e,2020,12,percent,s\n", 3, 7, "6 fields, the header has 7" },
		{ "metric,entity,period,value,unit,source,published\n"
		  "m,e,2020,12,percent,s,2021,extra\n", 2, 8, "8 fields" },
		{ "metric,entity,period,value,unit,source,published\n"
		  "m,e,2020,twelve,percent,s,2021\n", 2, 4,
		  "column 4 (value): not a number: 'twelve'" },
		{ "metric,entity,period,value,unit,source,published\n"
		  "m,e,2020,\"1,200\",percent,s,2021\n", 2, 4, "not a number" },
		{ "metric,entity,period,value,unit,source,published\n"
		  "m,e,2020,nan,percent,s,2021\n", 2, 4, "not a number" },
		{ "metric,entity,period,value,unit,source,published\n"
		  "m,e,2020,1,percent,s,2021\n"
		  "m,e,2020,1,percent,s,2021-02-30\n", 3, 7,
		  "column 7 (published): not a date" },
		{ "metric,entity,period,value,unit,source,published\n"
		  "m,e,2020,1,percent,s,November 2022\n", 2, 7, "not a date" },
		{ "metric,entity,period,value,unit,source,published\n"
		  "m,e,20201,1,percent,s,2022\n", 2, 3,
		  "column 3 (period): not a period" },
		{ "metric,entity,period,value,unit,source,published,low\n"
		  "m,e,2020,1,percent,s,2022,low\n", 2, 8,
		  "column 8 (low): not a number" },
		{ "metric,entity,period,value,unit,source,published,qualifier\n"
		  "m,e,2020,1,percent,s,2022,roughly\n", 2, 8,
		  "unknown qualifier 'roughly'" },
		{ "metric,entity,period,value,unit,source,published\n"
		  ",e,2020,1,percent,s,2022\n", 2, 1, "column 1 (metric): empty" },
		{ "metric,entity,period,value,unit,source\n"
		  "m,e,2020,1,percent,s\n", 1, 0, "no 'published' column" },
		{ "metric,entity,period,value,unit,source,published,colour\n"
		  "m,e,2020,1,percent,s,2022,red\n", 1, 8,
		  "unknown column 'colour'" },
		{ "metric,entity,period,value,unit,source,published,unit\n", 1, 8,
		  "appears twice" },
		{ "metric,entity,period,value,unit,source,published\n", 0, 0,
		  "no records" },
		{ "metric,entity,period,value,unit,source,published\n"
		  "m,e,2020,1,percent,s,2022\n"
		  "m,e,2020,1,per\"cent,s,2022\n", 3, 5,
		  "row 3, column 5: a quote inside an unquoted field" },
		{ "metric,entity,period,value,unit,source,published\n"
		  "m,e,2020,1,percent,s,2022\n\n"
		  "m,e,2020,\"1\"0,percent,s,2022\n", 3, 4,
		  "row 3, column 4: text after a closing quote" },
		{ NULL, 0, 0, NULL }
	};

	for (int i = 0; bad[i].csv; i++) {
		struct fig_store *s = open_mem();
		struct fig_err err;
		struct import_result res;

		if (s == NULL)
			return;
		memset(&err, 0, sizeof err);
		CHECK(import_text(s, bad[i].csv, "bad.csv", NULL, &res, &err)
		    == -1);
		CHECK(err.code == FIG_EINPUT);
		CHECK(err.line == bad[i].row);
		CHECK(err.col == bad[i].col);
		if (strstr(err.msg, bad[i].msg) == NULL)
			printf("FAIL case %d: message '%s' lacks '%s'\n", i,
			    err.msg, bad[i].msg), harness_failed_++;
		CHECK(ndocs(s) == 0);
		CHECK(res.rows == 0);
		store_close(s);
	}
}

/* A store with what export must carry: several documents (two on the
 * same date), references behind footnotes, text that CSV must quote,
 * bounds, negative and fractional values, claims without a metric. */
static struct fig_store *
rich_store(void)
{
	struct fig_store *s = open_mem();
	struct fig_err err;
	struct fig_ref r;
	const char *titles[] = { "Zeta, \"quoted\" report", "Alpha report",
	    "Beta note\nwith a newline", "澳中 report" };
	const char *dates[] = { "2022-11", "2022-11", "2021", "2023-01-02" };

	if (s == NULL)
		return NULL;
	CHECK(store_begin(s, &err) == 0);
	for (int d = 0; d < 4; d++) {
		struct fig_doc doc;
		memset(&doc, 0, sizeof doc);
		doc.path = (char *)"r.txt";
		doc.title = (char *)titles[d];
		snprintf(doc.kind, sizeof doc.kind, "report");
		snprintf(doc.published, sizeof doc.published, "%s", dates[d]);
		for (int i = 0; i < 64; i++)
			doc.sha256[i] = "0123456789abcdef"[(d * 7 + i) & 15];
		CHECK(store_doc_insert(s, &doc, &err) == 0);
		memset(&r, 0, sizeof r);
		r.number = 3;
		r.text = "A source, 2020";
		snprintf(r.date, sizeof r.date, "2020-0%d", d + 1);
		r.url = d % 2 ? "https://example.org/a?b=1,2" : "";
		CHECK(store_ref_insert(s, doc.id, &r, &err) == 0);
		for (int i = 0; i < 12; i++) {
			struct fig_claim c;
			char quote[128];
			claim_init(&c);
			c.line = 100 - i * 3 + d;
			snprintf(quote, sizeof quote, i % 3 ? "about %d%%, "
			    "\"roughly\"" : "%d percent", i * 5);
			c.quote = quote;
			c.value = (i - 4) * 12.345678 + d;
			if (i % 4 == 1) {
				c.has_low = 1;
				c.low = c.value - 1.5;
			}
			if (i % 4 == 2) {
				c.has_high = 1;
				c.high = 1e12 + i;
				c.qual = FIG_Q_ALMOST;
			}
			snprintf(c.unit, sizeof c.unit, i % 2 ? "percent" :
			    "usd");
			snprintf(c.period, sizeof c.period, i % 5 ? "202%d" :
			    "", i % 3);
			c.kind = (enum fig_pkind)(i % 4);
			if (i % 6)
				snprintf(c.metric, sizeof c.metric,
				    "m.%d", i % 2);
			snprintf(c.entity, sizeof c.entity, i % 3 ? "Russia" :
			    "PRC+Russia");
			if (i % 3 == 1)
				snprintf(c.footnote, sizeof c.footnote, "2;3");
			c.byte_start = i;
			CHECK(store_claim_insert(s, doc.id, &c, &err) == 0);
		}
		if (d == 1) {
			/* first in export order, so the second database
			 * creates this document first: ids swap, and only a
			 * tie-break on the title keeps the order */
			struct fig_claim c;
			claim_init(&c);
			c.quote = (char *)"first";
			snprintf(c.entity, sizeof c.entity, "AAA");
			CHECK(store_claim_insert(s, doc.id, &c, &err) == 0);
		}
	}
	CHECK(store_commit(s, &err) == 0);
	return s;
}

static void
test_roundtrip(void)
{
	struct fig_store *a = rich_store(), *b = open_mem(), *c = open_mem();
	struct fig_err err;
	struct import_result res;
	char *one, *two, *three;

	if (a == NULL || b == NULL || c == NULL)
		return;
	one = export_text(a, FIG_FMT_CSV);
	CHECK(strstr(one, ",2020-02,https://example.org/a?b=1,2\n") == NULL);
	CHECK(strstr(one, ",2020-02,\"https://example.org/a?b=1,2\"\n") !=
	    NULL);
	CHECK(import_text(b, one, "one.csv", NULL, &res, &err) == 0);
	CHECK(res.claim_records == 1);
	CHECK(res.rows == 49);
	CHECK(res.ndocs == 4);
	two = export_text(b, FIG_FMT_CSV);
	CHECK(two != NULL && strcmp(one, two) == 0);
	if (two && strcmp(one, two) != 0)
		printf("# first export:\n%s# second:\n%s", one, two);
	/* and once more, from the second database */
	CHECK(import_text(c, two, "two.csv", NULL, &res, &err) == 0);
	three = export_text(c, FIG_FMT_CSV);
	CHECK(three != NULL && strcmp(one, three) == 0);
	/* importing the export again is recognised */
	CHECK(import_text(b, one, "again.csv", NULL, &res, &err) == 0);
	CHECK(res.already != 0);
	CHECK(ndocs(b) == 4);
	free(one);
	free(two);
	free(three);
	store_close(a);
	store_close(b);
	store_close(c);
}

/* Claim records as extract writes them (no title or date columns) need
 * --published; their doc column becomes the title. */
static void
test_claim_records(void)
{
	static const char csv[] =
	    "doc,line,quote,value,low,high,qualifier,unit,period,period_kind,"
	    "metric,entity,footnote\n"
	    "report.txt,292,an estimated 30 percent,30,,,approx,percent,2020,"
	    "observed,neon.world_supply_share,Russia,108\n";
	struct fig_store *s = open_mem();
	struct fig_err err;
	struct import_result res;
	struct import_opts o = { NULL, NULL };
	struct fig_doc d;

	if (s == NULL)
		return;
	CHECK(import_text(s, csv, "x.csv", &o, &res, &err) == -1);
	CHECK(strstr(err.msg, "give --published") != NULL);
	o.published = "2022-11";
	CHECK(import_text(s, csv, "x.csv", &o, &res, &err) == 0);
	CHECK(res.rows == 1);
	CHECK(store_doc_find(s, "report.txt", &d, &err) == 0);
	CHECK_STR(d.published, "2022-11");
	store_doc_release(&d);
	/* a bad field of a claim record */
	CHECK(import_text(s, "doc,line,quote,value,low,high,qualifier,unit,"
	    "period,period_kind,metric,entity,footnote,published\n"
	    "r,1,q,1,,,exact,percent,2020,someday,m,e,,2022\n", "y.csv", &o,
	    &res, &err) == -1);
	CHECK(err.line == 2 && err.col == 10);
	CHECK(strstr(err.msg, "period_kind") != NULL);
	CHECK(import_text(s, "doc,line,quote,value,low,high,qualifier,unit,"
	    "period,period_kind,metric,entity,footnote,published\n"
	    "r,-1,q,1,,,exact,percent,2020,observed,m,e,,2022\n", "y.csv", &o,
	    &res, &err) == -1);
	CHECK(err.col == 2);
	store_close(s);
}

static void
test_periods(void)
{
	CHECK(import_period_valid("2022") == 0);
	CHECK(import_period_valid("2022-H1") == 0);
	CHECK(import_period_valid("2022-H2") == 0);
	CHECK(import_period_valid("2022-H3") == -1);
	CHECK(import_period_valid("2022-Q4") == 0);
	CHECK(import_period_valid("2022-Q5") == -1);
	CHECK(import_period_valid("2022-06") == 0);
	CHECK(import_period_valid("2022-06-31") == -1);
	CHECK(import_period_valid("FY2022") == -1);
}

int
main(int argc, char **argv)
{
	static const struct harness_test tests[] = {
		{ "import_observations", test_observations },
		{ "import_malformed", test_malformed },
		{ "import_roundtrip", test_roundtrip },
		{ "import_claim_records", test_claim_records },
		{ "import_periods", test_periods },
		{ NULL, NULL }
	};
	return harness_main(tests, argc, argv);
}
