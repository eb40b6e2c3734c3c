/* import.c: CSV files into the store, row by row inside one transaction.
 * The header decides the kind: the claim columns (partner and page may
 * be left out, as in exports made before they existed) mean claim records (what `figtrack export` writes, so an export can be imported
 * into another database and exported again byte for byte); otherwise the
 * file must be the observations CSV of formats.md section 3. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/buf.h"
#include "figtrack/claim.h"
#include "figtrack/csvio.h"
#include "figtrack/import.h"
#include "figtrack/sha256.h"
#include "figtrack/text.h"

/* Columns of an observations file: the first seven are required. */
enum { O_METRIC, O_ENTITY, O_PERIOD, O_VALUE, O_UNIT, O_SOURCE,
	O_PUBLISHED, O_LOW, O_HIGH, O_QUALIFIER, O_NOTE, O_PARTNER, O_KIND,
	O_COUNT_ };
static const char *const obs_columns[O_COUNT_] = {
	"metric", "entity", "period", "value", "unit", "source", "published",
	"low", "high", "qualifier", "note", "partner", "period_kind"
};
/* The claim columns an older export may lack. */
#define C_PARTNER 13
#define C_PAGE 14
#define O_REQUIRED 7

/* Columns export appends to the claim columns. */
enum { X_TITLE, X_PUBLISHED, X_SOURCE_DATE, X_SOURCE_URL, X_COUNT_ };
static const char *const extra_columns[X_COUNT_] = {
	"title", "published", "source_date", "source_url"
};

/* A document being filled by a claim-record import: one per title and
 * publication date, found again through a small open hash table. */
struct group {
	char *key;		/* title NUL published */
	size_t keylen;
	long long id;
};

struct importer {
	struct fig_store *s;
	const char *name;
	const char *sha256;
	const struct import_opts *opts;
	struct import_result *res;
	int ncols;		/* fields in the header */
	int col[CLAIM_NCOLUMNS > O_COUNT_ ? CLAIM_NCOLUMNS : O_COUNT_];
	int xcol[X_COUNT_];	/* claim records: extra columns or -1 */
	/* observations: the one dataset document */
	struct fig_doc doc;
	char latest[16];	/* latest published date seen */
	/* claim records: the documents by title and date */
	struct group *groups;
	size_t ngroups, cap;
	struct fig_buf key;
};

/* One point of time: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1, YYYY-Q1. */
static int
instant_valid(const char *s)
{
	size_t n = strlen(s);

	if (n == 7 && s[4] == '-' && (s[5] == 'H' || s[5] == 'Q')) {
		char y[5];
		memcpy(y, s, 4);
		y[4] = '\0';
		if (store_date_valid(y) != 0)
			return -1;
		if (s[5] == 'H')
			return s[6] == '1' || s[6] == '2' ? 0 : -1;
		return s[6] >= '1' && s[6] <= '4' ? 0 : -1;
	}
	return store_date_valid(s);
}

int
import_period_valid(const char *s)
{
	const char *slash = strchr(s, '/');
	char a[FIG_PERIOD_MAX];

	if (slash == NULL)
		return instant_valid(s);
	/* an interval START/END of two instants, START first */
	if ((size_t)(slash - s) >= sizeof a)
		return -1;
	memcpy(a, s, (size_t)(slash - s));
	a[slash - s] = '\0';
	if (instant_valid(a) != 0 || instant_valid(slash + 1) != 0)
		return -1;
	/* of one form, the start must come first */
	if (strlen(a) == strlen(slash + 1) && strcmp(a, slash + 1) >= 0)
		return -1;
	return 0;
}

/* "row 3, column 4 (value): ..." with the row and column in err too. */
static int
field_fail(struct importer *im, long row, int col, const char *colname,
    struct fig_err *err, const char *what, const char *val)
{
	return err_set(err, FIG_EINPUT, im->name, row, col + 1, "row %ld, "
	    "column %d (%s): %s '%.80s'", row, col + 1, colname, what, val);
}

/* A plain decimal: sign, digits, point, exponent; no spaces, no
 * thousands separators, no inf or nan. */
static int
parse_number(const char *s, double *v)
{
	char *end;

	if (*s == '\0' || strspn(s, "0123456789.eE+-") != strlen(s) ||
	    !(isdigit((unsigned char)*s) || *s == '-' || *s == '+' ||
	    *s == '.'))
		return -1;
	errno = 0;
	*v = strtod(s, &end);
	if (*end != '\0' || errno == ERANGE || !isfinite(*v))
		return -1;
	return 0;
}

/* A number field of row; FIG_VALUE_MAX and more could not be exported
 * as a plain decimal. */
static int
number_field(struct importer *im, long row, int col, const char *colname,
    const char *val, double *v, struct fig_err *err)
{
	if (parse_number(val, v) != 0)
		return field_fail(im, row, col, colname, err, "not a number:",
		    val);
	if (!(fabs(*v) < FIG_VALUE_MAX))
		return field_fail(im, row, col, colname, err, "too large "
		    "(1e40 or more):", val);
	return 0;
}

static int
copy_field(struct importer *im, long row, int col, const char *colname,
    char *dst, size_t n, const char *val, struct fig_err *err)
{
	if (strlen(val) >= n) {
		char what[64];
		snprintf(what, sizeof what, "longer than %zu bytes:", n - 1);
		return field_fail(im, row, col, colname, err, what, val);
	}
	memcpy(dst, val, strlen(val) + 1);
	return 0;
}

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash && slash[1] ? slash + 1 : path;
}

/* The header row: decides the kind and maps columns. */
static int
read_header(struct importer *im, int nf, char *const *f,
    struct fig_err *err)
{
	int have_claims = 1;

	im->ncols = nf;
	for (int i = 0; i < nf; i++)
		for (int j = 0; j < i; j++)
			if (strcmp(f[i], f[j]) == 0)
				return err_set(err, FIG_EINPUT, im->name, 1, i + 1,
				    "row 1, column %d: column '%s' appears "
				    "twice", i + 1, f[i]);
	for (int i = 0; i < CLAIM_NCOLUMNS; i++)
		if (i != C_PARTNER && i != C_PAGE &&
		    csvio_column(f, nf, claim_columns[i]) < 0)
			have_claims = 0;
	im->res->claim_records = have_claims;
	if (have_claims) {
		for (int i = 0; i < CLAIM_NCOLUMNS; i++)
			im->col[i] = csvio_column(f, nf, claim_columns[i]);
		for (int i = 0; i < X_COUNT_; i++)
			im->xcol[i] = csvio_column(f, nf, extra_columns[i]);
		for (int i = 0; i < nf; i++) {
			int known = 0;
			for (int k = 0; k < CLAIM_NCOLUMNS; k++)
				known |= im->col[k] == i;
			for (int k = 0; k < X_COUNT_; k++)
				known |= im->xcol[k] == i;
			if (!known)
				return err_set(err, FIG_EINPUT, im->name, 1,
				    i + 1, "row 1, column %d: unknown column "
				    "'%s' in claim records", i + 1, f[i]);
		}
		if (im->xcol[X_PUBLISHED] < 0 && (im->opts->published == NULL
		    || *im->opts->published == '\0'))
			return err_set(err, FIG_EINPUT, im->name, 1, 0, "row 1: "
			    "claim records without a published column: give "
			    "--published");
		return 0;
	}
	for (int i = 0; i < O_COUNT_; i++) {
		im->col[i] = csvio_column(f, nf, obs_columns[i]);
		if (i < O_REQUIRED && im->col[i] < 0)
			return err_set(err, FIG_EINPUT, im->name, 1, 0, "row 1: "
			    "no '%s' column: an observations file needs "
			    "metric,entity,period,value,unit,source,published "
			    "(or the claim-record columns of an export)",
			    obs_columns[i]);
	}
	for (int i = 0; i < nf; i++) {
		int known = 0;
		for (int k = 0; k < O_COUNT_; k++)
			known |= im->col[k] == i;
		if (!known)
			return err_set(err, FIG_EINPUT, im->name, 1, i + 1,
			    "row 1, column %d: unknown column '%s' in "
			    "observations", i + 1, f[i]);
	}
	return 0;
}

/* Value, bounds and qualifier, the same in both kinds of file. */
static int
read_numbers(struct importer *im, long row, char *const *f, int cvalue,
    int clow, int chigh, int cqual, struct fig_claim *c,
    struct fig_err *err)
{
	if (number_field(im, row, cvalue, "value", f[cvalue], &c->value, err)
	    != 0)
		return -1;
	if (clow >= 0 && f[clow][0]) {
		if (number_field(im, row, clow, "low", f[clow], &c->low, err)
		    != 0)
			return -1;
		c->has_low = 1;
	}
	if (chigh >= 0 && f[chigh][0]) {
		if (number_field(im, row, chigh, "high", f[chigh], &c->high,
		    err) != 0)
			return -1;
		c->has_high = 1;
	}
	c->qual = FIG_Q_EXACT;
	if (cqual >= 0 && f[cqual][0] && claim_qual_parse(f[cqual], &c->qual)
	    != 0)
		return field_fail(im, row, cqual, "qualifier", err,
		    "unknown qualifier", f[cqual]);
	return 0;
}

static int
check_date(struct importer *im, long row, int col, const char *colname,
    const char *val, struct fig_err *err)
{
	if (store_date_valid(val) != 0)
		return field_fail(im, row, col, colname, err,
		    "not a date YYYY[-MM[-DD]]:", val);
	return 0;
}

static int
observation_row(struct importer *im, long row, long line, char *const *f,
    struct fig_err *err)
{
	struct fig_claim c;
	const int *col = im->col;

	claim_init(&c);
	if (f[col[O_METRIC]][0] == '\0')
		return field_fail(im, row, col[O_METRIC], "metric", err,
		    "empty", "");
	if (copy_field(im, row, col[O_METRIC], "metric", c.metric,
	    sizeof c.metric, f[col[O_METRIC]], err) != 0 ||
	    copy_field(im, row, col[O_ENTITY], "entity", c.entity,
	    sizeof c.entity, f[col[O_ENTITY]], err) != 0 ||
	    copy_field(im, row, col[O_UNIT], "unit", c.unit, sizeof c.unit,
	    f[col[O_UNIT]], err) != 0 ||
	    copy_field(im, row, col[O_PERIOD], "period", c.period,
	    sizeof c.period, f[col[O_PERIOD]], err) != 0 ||
	    (col[O_PARTNER] >= 0 && copy_field(im, row, col[O_PARTNER],
	    "partner", c.partner, sizeof c.partner, f[col[O_PARTNER]], err)
	    != 0))
		return -1;
	if (import_period_valid(c.period) != 0)
		return field_fail(im, row, col[O_PERIOD], "period", err,
		    "not a period (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1, "
		    "YYYY-Q1, or START/END of those):", c.period);
	if (c.unit[0] == '\0')
		return field_fail(im, row, col[O_UNIT], "unit", err, "empty",
		    "");
	if (read_numbers(im, row, f, col[O_VALUE], col[O_LOW], col[O_HIGH],
	    col[O_QUALIFIER], &c, err) != 0)
		return -1;
	if (check_date(im, row, col[O_PUBLISHED], "published",
	    f[col[O_PUBLISHED]], err) != 0)
		return -1;
	if (im->doc.id == 0) {
		long long have;
		if (store_doc_by_sha(im->s, im->sha256, &have, err) != 0)
			return -1;
		if (have) {
			im->res->already = have;
			return -1;
		}
		snprintf(im->doc.published, sizeof im->doc.published, "%s",
		    f[col[O_PUBLISHED]]);
		if (store_doc_insert(im->s, &im->doc, err) != 0)
			return -1;
		im->res->ndocs = 1;
		im->res->first_id = im->doc.id;
	}
	/* The latest vintage dates the dataset. Dates of different
	 * precision compare as text, which orders them well enough. */
	if (strcmp(f[col[O_PUBLISHED]], im->latest) > 0)
		snprintf(im->latest, sizeof im->latest, "%s",
		    f[col[O_PUBLISHED]]);
	c.line = line;
	c.quote = f[col[O_SOURCE]];
	c.sentence = col[O_NOTE] >= 0 && f[col[O_NOTE]][0] ? f[col[O_NOTE]] :
	    NULL;
	c.kind = FIG_PK_OBSERVED;
	if (col[O_KIND] >= 0 && f[col[O_KIND]][0] &&
	    claim_kind_parse(f[col[O_KIND]], &c.kind) != 0)
		return field_fail(im, row, col[O_KIND], "period_kind", err,
		    "unknown period kind", f[col[O_KIND]]);
	snprintf(c.rule, sizeof c.rule, "import");
	return store_claim_insert_src(im->s, im->doc.id, &c,
	    f[col[O_PUBLISHED]], NULL, err);
}

/* The document for title and published, created on first sight. Its
 * content hash is that of the file plus the title and date, so each
 * document of one file is distinct and importing the file again is
 * recognised. */
static int
group_doc(struct importer *im, const char *title, const char *published,
    long row, long long *id, struct fig_err *err)
{
	struct group *g;
	size_t h, mask;

	buf_reset(&im->key);
	buf_adds(&im->key, title);
	buf_addc(&im->key, '\0');
	buf_adds(&im->key, published);
	if (im->cap == 0 || (im->ngroups + 1) * 2 > im->cap) {
		size_t ncap = im->cap ? im->cap * 2 : 64;
		struct group *ng = xcalloc(ncap, sizeof *ng);
		for (size_t i = 0; i < im->cap; i++) {
			if (im->groups[i].key == NULL)
				continue;
			h = (size_t)text_hash(im->groups[i].key,
			    im->groups[i].keylen);
			while (ng[h & (ncap - 1)].key)
				h++;
			ng[h & (ncap - 1)] = im->groups[i];
		}
		free(im->groups);
		im->groups = ng;
		im->cap = ncap;
	}
	mask = im->cap - 1;
	for (h = (size_t)text_hash(im->key.data, im->key.len);; h++) {
		g = &im->groups[h & mask];
		if (g->key == NULL)
			break;
		if (g->keylen == im->key.len &&
		    memcmp(g->key, im->key.data, g->keylen) == 0) {
			*id = g->id;
			return 0;
		}
	}
	{
		struct fig_doc d;
		struct fig_buf hk = FIG_BUF_INIT;
		long long have;

		memset(&d, 0, sizeof d);
		buf_adds(&hk, im->sha256);
		buf_addc(&hk, '\n');
		buf_add(&hk, im->key.data, im->key.len);
		sha256_hex(hk.data, hk.len, d.sha256);
		buf_release(&hk);
		if (store_doc_by_sha(im->s, d.sha256, &have, err) != 0)
			return -1;
		if (have) {
			if (im->ngroups == 0) {
				im->res->already = have;
				return -1;
			}
			return err_set(err, FIG_EINPUT, im->name, row, 0,
			    "row %ld: document '%s' (%s) from this file is "
			    "already stored as document %lld", row, title,
			    published, have);
		}
		d.path = (char *)im->name;
		d.title = (char *)title;
		snprintf(d.kind, sizeof d.kind, "dataset");
		snprintf(d.published, sizeof d.published, "%s", published);
		if (store_doc_insert(im->s, &d, err) != 0)
			return -1;
		if (im->res->ndocs++ == 0)
			im->res->first_id = d.id;
		g->key = xmalloc(im->key.len + 1);
		memcpy(g->key, im->key.data, im->key.len + 1);
		g->keylen = im->key.len;
		g->id = d.id;
		im->ngroups++;
		*id = d.id;
	}
	return 0;
}

static int
claim_record_row(struct importer *im, long row, char *const *f,
    struct fig_err *err)
{
	struct fig_claim c;
	const int *col = im->col;
	const char *title, *published, *sdate = "", *surl = "";
	long long id = 0;
	char *end;
	long line;

	claim_init(&c);
	errno = 0;
	line = strtol(f[col[1]], &end, 10);
	if (f[col[1]][0] == '\0' || *end || errno || line < 0 ||
	    !isdigit((unsigned char)f[col[1]][0]))
		return field_fail(im, row, col[1], "line", err,
		    "not a line number:", f[col[1]]);
	c.line = line;
	c.quote = f[col[2]];
	if (read_numbers(im, row, f, col[3], col[4], col[5], col[6], &c, err)
	    != 0)
		return -1;
	if (copy_field(im, row, col[7], "unit", c.unit, sizeof c.unit,
	    f[col[7]], err) != 0 ||
	    copy_field(im, row, col[8], "period", c.period, sizeof c.period,
	    f[col[8]], err) != 0 ||
	    copy_field(im, row, col[10], "metric", c.metric, sizeof c.metric,
	    f[col[10]], err) != 0 ||
	    copy_field(im, row, col[11], "entity", c.entity, sizeof c.entity,
	    f[col[11]], err) != 0 ||
	    copy_field(im, row, col[12], "footnote", c.footnote,
	    sizeof c.footnote, f[col[12]], err) != 0 ||
	    (col[C_PARTNER] >= 0 && copy_field(im, row, col[C_PARTNER],
	    "partner", c.partner, sizeof c.partner, f[col[C_PARTNER]], err)
	    != 0))
		return -1;
	if (c.period[0] && import_period_valid(c.period) != 0)
		return field_fail(im, row, col[8], "period", err,
		    "not a period (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1, "
		    "YYYY-Q1, or START/END of those):", c.period);
	if (col[C_PAGE] >= 0 && f[col[C_PAGE]][0]) {
		const char *pg = f[col[C_PAGE]];
		long v;
		errno = 0;
		v = strtol(pg, &end, 10);
		if (*end || errno || v < 1 || v > 1000000000 ||
		    !isdigit((unsigned char)pg[0]))
			return field_fail(im, row, col[C_PAGE], "page", err,
			    "not a page number:", pg);
		c.page = (int)v;
	}
	if (claim_kind_parse(f[col[9]], &c.kind) != 0)
		return field_fail(im, row, col[9], "period_kind", err,
		    "unknown period kind", f[col[9]]);
	title = im->xcol[X_TITLE] >= 0 ? f[im->xcol[X_TITLE]] : f[col[0]];
	if (im->xcol[X_PUBLISHED] >= 0) {
		published = f[im->xcol[X_PUBLISHED]];
		if (check_date(im, row, im->xcol[X_PUBLISHED], "published",
		    published, err) != 0)
			return -1;
	} else
		published = im->opts->published;
	if (im->xcol[X_SOURCE_DATE] >= 0) {
		sdate = f[im->xcol[X_SOURCE_DATE]];
		if (sdate[0] && check_date(im, row, im->xcol[X_SOURCE_DATE],
		    "source_date", sdate, err) != 0)
			return -1;
	}
	if (im->xcol[X_SOURCE_URL] >= 0)
		surl = f[im->xcol[X_SOURCE_URL]];
	if (group_doc(im, title, published, row, &id, err) != 0)
		return -1;
	snprintf(c.rule, sizeof c.rule, "import");
	return store_claim_insert_src(im->s, id, &c, sdate, surl, err);
}

static int
on_row(void *ctx, long row, long line, int nf, char *const *f,
    struct fig_err *err)
{
	struct importer *im = ctx;
	int rc;

	if (row == 1)
		return read_header(im, nf, f, err);
	if (nf != im->ncols)
		return err_set(err, FIG_EINPUT, im->name, row, nf > im->ncols ?
		    im->ncols + 1 : nf + 1, "row %ld, column %d: %d fields, the "
		    "header has %d", row, nf > im->ncols ? im->ncols + 1 :
		    nf + 1, nf, im->ncols);
	if (im->res->claim_records)
		rc = claim_record_row(im, row, f, err);
	else
		rc = observation_row(im, row, line, f, err);
	if (rc == 0)
		im->res->rows++;
	return rc;
}

/* libcsv names no column when quoting goes wrong, so walk the file
 * again with the same rules (strict RFC 4180, blank lines skipped) and
 * find the first quoting fault: a quote inside an unquoted field, text
 * after a closing quote, or a quoted field still open at the end (whose
 * opening quote is then the place). Sets *row and *col, or returns -1. */
static int
locate_quote_fault(FILE *in, long *row, long *col, const char **what)
{
	enum { START, BARE, QUOTED, QUOTE_SEEN } st = START;
	long r = 1, c = 1, qr = 0, qc = 0;
	int ch, blank = 1, first = 1;

	if (fseek(in, 0, SEEK_SET) != 0)
		return -1;
	while ((ch = getc(in)) != EOF) {
		if (first && ch == 0xEF) {
			/* a BOM: csvio skips it */
			if (getc(in) == 0xBB && getc(in) == 0xBF) {
				first = 0;
				continue;
			}
			return -1;
		}
		first = 0;
		if (ch == '\r' && st != QUOTED)
			continue;
		if (ch == '\n' && st != QUOTED) {
			if (!blank)
				r++;
			c = 1;
			blank = 1;
			st = START;
			continue;
		}
		blank = 0;
		switch (st) {
		case START:
			if (ch == '"') {
				st = QUOTED;
				qr = r;
				qc = c;
			} else if (ch == ',')
				c++;
			else
				st = BARE;
			break;
		case BARE:
			if (ch == ',') {
				c++;
				st = START;
			} else if (ch == '"') {
				*what = "a quote inside an unquoted field";
				goto found;
			}
			break;
		case QUOTED:
			if (ch == '"')
				st = QUOTE_SEEN;
			break;
		case QUOTE_SEEN:
			if (ch == '"')
				st = QUOTED;
			else if (ch == ',') {
				c++;
				st = START;
			} else {
				*what = "text after a closing quote";
				goto found;
			}
			break;
		}
	}
	if (st != QUOTED)
		return -1;
	*what = "unbalanced quote: this quoted field is never closed";
	*row = qr;
	*col = qc;
	return 0;
found:
	*row = r;
	*col = c;
	return 0;
}

int
import_csv(struct fig_store *s, FILE *in, const char *name,
    const char *sha256, const struct import_opts *opts,
    struct import_result *res, struct fig_err *err)
{
	static const struct import_opts no_opts;
	struct importer im;
	int rc = -1;

	memset(res, 0, sizeof *res);
	memset(&im, 0, sizeof im);
	im.s = s;
	im.name = name;
	im.sha256 = sha256;
	im.opts = opts ? opts : &no_opts;
	im.res = res;
	buf_init(&im.key);
	if (im.opts->published && *im.opts->published &&
	    store_date_valid(im.opts->published) != 0)
		return err_set(err, FIG_EUSAGE, NULL, 0, 0, "--published '%s' "
		    "is not YYYY[-MM[-DD]]", im.opts->published);
	im.doc.path = (char *)name;
	im.doc.title = (char *)(im.opts->title && *im.opts->title ?
	    im.opts->title : base_name(name));
	snprintf(im.doc.kind, sizeof im.doc.kind, "dataset");
	snprintf(im.doc.sha256, sizeof im.doc.sha256, "%s", sha256);
	err_clear(err);
	if (store_begin(s, err) != 0)
		return -1;
	if (csvio_read(in, name, on_row, &im, err) != 0) {
		long row, col;
		const char *what;
		if (res->already)
			rc = 0;	/* nothing to do, and that is fine */
		else if (err->code == FIG_EINPUT && err->col == 0 &&
		    err->line > 1 && strstr(err->msg, "strict") &&
		    locate_quote_fault(in, &row, &col, &what) == 0)
			err_set(err, FIG_EINPUT, name, row, col, "row %ld, "
			    "column %ld: %s", row, col, what);
		goto out;
	}
	if (res->rows == 0) {
		err_set(err, FIG_EINPUT, name, 0, 0, "no records after the "
		    "header: nothing to import");
		goto out;
	}
	if (!res->claim_records && im.latest[0] &&
	    strcmp(im.latest, im.doc.published) != 0) {
		snprintf(im.doc.published, sizeof im.doc.published, "%s",
		    im.latest);
		if (store_doc_update(s, &im.doc, err) != 0)
			goto out;
	}
	if (store_commit(s, err) != 0)
		goto out;
	rc = 0;
out:
	if (rc != 0 || res->already) {
		store_rollback(s);
		if (rc != 0 || res->already) {
			res->rows = 0;
			res->ndocs = 0;
			res->first_id = 0;
		}
	}
	for (size_t i = 0; i < im.cap; i++)
		free(im.groups[i].key);
	free(im.groups);
	buf_release(&im.key);
	return rc;
}
