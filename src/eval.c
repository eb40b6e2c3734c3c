/* eval.c: gold-file scoring. A gold row matches an extracted claim on
 * the same line whose quote overlaps its own; rows sharing a quote (one
 * figure, several metrics) take the claims that agree with them best. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/csvio.h"
#include "figtrack/eval.h"
#include "figtrack/units.h"

void
eval_init(struct fig_eval *e)
{
	memset(e, 0, sizeof *e);
}

static void
free_gold(struct fig_gold *g, int n)
{
	for (int i = 0; i < n; i++)
		claim_release(&g[i].c);
	free(g);
}

void
eval_release(struct fig_eval *e)
{
	for (int i = 0; i < e->nclaims; i++)
		claim_release(&e->claims[i]);
	free(e->claims);
	free(e->claim_gold);
	free(e->claim_neg);
	free_gold(e->gold, e->ngold);
	free_gold(e->neg, e->nneg);
	units_free(e->units);
	eval_init(e);
}

void
eval_add_claim(struct fig_eval *e, const struct fig_claim *c)
{
	e->claims = xrealloc(e->claims,
	    (size_t)(e->nclaims + 1) * sizeof *e->claims);
	claim_copy(&e->claims[e->nclaims++], c);
}

int
eval_same_value(double a, double b)
{
	return fabs(a - b) <= 1e-6 * (fabs(a) + fabs(b)) + 1e-9;
}

struct reader {
	struct fig_eval *e;
	const char *path;
	int negatives;
	int col[16];
};

enum { C_LINE, C_QUOTE, C_VALUE, C_LOW, C_HIGH, C_QUAL, C_UNIT, C_PERIOD,
    C_KIND, C_METRIC, C_ENTITY, C_FOOTNOTE, C_OPTIONAL, C_PARTNER, C_PAGE,
    C_N };

static const char *const colnames[C_N] = { "line", "quote", "value", "low",
    "high", "qualifier", "unit", "period", "period_kind", "metric", "entity",
    "footnote", "optional", "partner", "page" };

static int
num(const char *s, double *v)
{
	char *end;

	errno = 0;
	*v = strtod(s, &end);
	return *s && *end == '\0' && errno == 0 ? 0 : -1;
}

static int
on_row(void *ctx, long row, long line, int n, char *const *f,
    struct fig_err *err)
{
	struct reader *r = ctx;
	struct fig_gold *g;
	const char *v;
	double d;

	(void)line;
	if (row == 1) {
		for (int i = 0; i < C_N; i++)
			r->col[i] = csvio_column(f, n, colnames[i]);
		if (r->col[C_QUOTE] < 0)
			return err_set(err, FIG_EINPUT, r->path, 1, 0,
			    "header has no 'quote' column");
		return 0;
	}
#define FIELD(k) (r->col[k] >= 0 && r->col[k] < n ? f[r->col[k]] : "")
	if (r->negatives) {
		r->e->neg = xrealloc(r->e->neg,
		    (size_t)(r->e->nneg + 1) * sizeof *r->e->neg);
		g = &r->e->neg[r->e->nneg++];
	} else {
		r->e->gold = xrealloc(r->e->gold,
		    (size_t)(r->e->ngold + 1) * sizeof *r->e->gold);
		g = &r->e->gold[r->e->ngold++];
	}
	memset(g, 0, sizeof *g);
	claim_init(&g->c);
	g->match = -1;
	g->start = g->end = -1;
	g->c.quote = xstrdup(FIELD(C_QUOTE));
	if (!g->c.quote[0])
		return err_set(err, FIG_EINPUT, r->path, row, r->col[C_QUOTE] + 1,
		    "row %ld: empty quote", row);
	v = FIELD(C_LINE);
	if (*v) {
		if (num(v, &d) != 0 || d < 1)
			return err_set(err, FIG_EINPUT, r->path, row,
			    r->col[C_LINE] + 1, "row %ld, column 'line': not "
			    "a line number: '%s'", row, v);
		g->c.line = (long)d;
	}
	if (r->negatives)
		return 0;
	if (*(v = FIELD(C_VALUE))) {
		if (num(v, &g->c.value) != 0)
			return err_set(err, FIG_EINPUT, r->path, row,
			    r->col[C_VALUE] + 1, "row %ld, column 'value': not "
			    "a number: '%s'", row, v);
		g->has_value = 1;
	}
	claim_setfield(g->c.unit, sizeof g->c.unit, FIELD(C_UNIT));
	claim_setfield(g->c.period, sizeof g->c.period, FIELD(C_PERIOD));
	claim_setfield(g->periods, sizeof g->periods, FIELD(C_PERIOD));
	claim_setfield(g->c.metric, sizeof g->c.metric, FIELD(C_METRIC));
	claim_setfield(g->c.entity, sizeof g->c.entity, FIELD(C_ENTITY));
	claim_setfield(g->c.partner, sizeof g->c.partner, FIELD(C_PARTNER));
	claim_setfield(g->c.footnote, sizeof g->c.footnote, FIELD(C_FOOTNOTE));
	g->has_metric = g->c.metric[0] != '\0';
	if (*(v = FIELD(C_KIND)) && claim_kind_parse(v, &g->c.kind) != 0)
		return err_set(err, FIG_EINPUT, r->path, row, r->col[C_KIND] + 1,
		    "row %ld: unknown period_kind '%s'", row, v);
	g->optional = strcmp(FIELD(C_OPTIONAL), "1") == 0;
	if (*(v = FIELD(C_PAGE))) {
		if (num(v, &d) != 0 || d < 1 || d > 1e9 || d != floor(d))
			return err_set(err, FIG_EINPUT, r->path, row,
			    r->col[C_PAGE] + 1, "row %ld, column 'page': not "
			    "a page number: '%s'", row, v);
		g->c.page = (int)d;
	}
#undef FIELD
	return 0;
}

int
eval_read(struct fig_eval *e, const char *path, int negatives,
    struct fig_err *err)
{
	struct reader r;
	FILE *f;
	int rc;

	memset(&r, 0, sizeof r);
	r.e = e;
	r.path = path;
	r.negatives = negatives;
	if ((f = fopen(path, "rb")) == NULL)
		return err_set(err, FIG_EIO, path, 0, 0, "cannot open: %s",
		    strerror(errno));
	rc = csvio_read(f, path, on_row, &r, err);
	fclose(f);
	return rc;
}

/* Finds g's quote on its line (or on any line when none is given) and
 * sets its byte span. */
static void
locate(struct fig_gold *g, char **lines, long long *offs, const long *lnos,
    long nlines)
{
	for (long i = 0; i < nlines; i++) {
		const char *p = lines[i];
		long lno = lnos ? lnos[i] : i + 1;
		if (g->c.line && lno != g->c.line)
			continue;
		if ((p = strstr(p, g->c.quote)) != NULL) {
			g->start = offs[i] + (p - lines[i]);
			g->end = g->start + (long long)strlen(g->c.quote);
			if (!g->c.line)
				g->c.line = lno;
			return;
		}
	}
}

static int
overlaps(const struct fig_gold *g, const struct fig_claim *c)
{
	return g->start >= 0 && c->line == g->c.line &&
	    g->start < c->byte_end && c->byte_start < g->end;
}

int
eval_period_ok(const char *gold, const char *got)
{
	size_t n = strlen(got);

	for (;;) {
		const char *bar = strchr(gold, '|');
		size_t k = bar ? (size_t)(bar - gold) : strlen(gold);
		if (k == n && memcmp(gold, got, n) == 0)
			return 1;
		if (bar == NULL)
			return 0;
		gold = bar + 1;
	}
}

/* Are the series keys of gold row g and claim c the same? */
static int
same_key(const struct fig_gold *g, const struct fig_claim *c)
{
	return strcmp(g->c.metric, c->metric) == 0 &&
	    strcmp(g->c.entity, c->entity) == 0 &&
	    strcmp(g->c.partner, c->partner) == 0;
}

/* Has claim c the value and unit of gold row g? A value in another
 * unit of the same kind counts when it converts to the gold value
 * (formats.md: "1,400 MW" for "1.4 GW"); the unit database is read the
 * first time two units differ. */
static int
same_quantity(struct fig_eval *e, const struct fig_gold *g,
    const struct fig_claim *c)
{
	double v;

	if (!g->has_value)
		return 0;
	if (strcmp(g->c.unit, c->unit) == 0)
		return eval_same_value(g->c.value, c->value);
	if (!e->units_tried) {
		e->units_tried = 1;
		e->units = units_open(NULL);	/* none: exact units only */
	}
	return units_convert(e->units, c->value, c->unit, g->c.unit,
	    &v) == 0 && eval_same_value(g->c.value, v);
}

/* How well claim c agrees with gold row g (higher is better). */
static int
agreement(struct fig_eval *e, const struct fig_gold *g,
    const struct fig_claim *c)
{
	int s = 0;

	if (same_quantity(e, g, c))
		s += 16;
	if (strcmp(g->c.metric, c->metric) == 0)
		s += 8;
	if (same_key(g, c))
		s += 4;
	if (eval_period_ok(g->periods, c->period))
		s += 2;
	if (strcmp(g->c.footnote, c->footnote) == 0)
		s += 1;
	return s;
}

static void match_all(struct fig_eval *e);

int
eval_score(struct fig_eval *e, const char *path, struct fig_err *err)
{
	struct fig_buf b = FIG_BUF_INIT, doc = FIG_BUF_INIT;
	FILE *f;
	int rc;

	if ((f = fopen(path, "rb")) == NULL)
		return err_set(err, FIG_EIO, path, 0, 0, "cannot open: %s",
		    strerror(errno));
	while ((rc = buf_getline(&b, f)) > 0) {
		buf_addc(&b, '\n');
		buf_add(&doc, b.data, b.len);
	}
	fclose(f);
	buf_release(&b);
	rc = eval_score_text(e, buf_str(&doc), doc.len, NULL, err);
	buf_release(&doc);
	return rc;
}

/* The byte offset where 1-based line ln of s starts, or -1. */
static long long
line_start(const char *s, size_t len, long ln)
{
	size_t i = 0;

	for (long k = 1; k < ln; k++) {
		const char *nl = memchr(s + i, '\n', len - i);
		if (nl == NULL)
			return -1;
		i = (size_t)(nl - s) + 1;
	}
	return (long long)i;
}

/* Moves row g from a line of src to the line of doc that holds the same
 * occurrence (the first, second, ...) of its quote. */
static void
rebase_row(struct fig_gold *g, const char *src, size_t srclen,
    const char *doc, size_t doclen)
{
	long long at = g->c.line > 0 ? line_start(src, srclen, g->c.line) : 0;
	const char *p, *q = g->c.quote;
	size_t ql = strlen(q);
	long k = 0;

	if (at < 0 || ql == 0)
		return;
	/* the quote on its line in src, and how many come before it */
	{
		const char *eol = memchr(src + at, '\n', srclen - (size_t)at);
		p = strstr(src + at, q);
		if (p == NULL || (eol && p > eol))
			return;
		for (const char *r = src; (r = strstr(r, q)) != NULL && r < p;
		    r++)
			k++;
	}
	g->c.line = -1;		/* not in doc: found by no claim */
	for (const char *r = doc; (r = strstr(r, q)) != NULL; r++)
		if (k-- == 0) {
			long ln = 1;
			for (const char *t = doc; t < r; t++)
				ln += *t == '\n';
			g->c.line = ln;
			return;
		}
	(void)doclen;
}

void
eval_rebase(struct fig_eval *e, const char *src, size_t srclen,
    const char *doc, size_t doclen)
{
	for (int i = 0; i < e->ngold; i++)
		rebase_row(&e->gold[i], src, srclen, doc, doclen);
	for (int i = 0; i < e->nneg; i++)
		rebase_row(&e->neg[i], src, srclen, doc, doclen);
}

int
eval_score_text(struct fig_eval *e, const char *text, size_t len,
    const long *origin, struct fig_err *err)
{
	char **lines = NULL;
	long long *offs = NULL, off = 0;
	long nlines = 0;
	size_t at = 0;

	(void)err;
	while (at < len) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t n = nl ? (size_t)(nl - (text + at)) : len - at;
		lines = xrealloc(lines, (size_t)(nlines + 1) * sizeof *lines);
		offs = xrealloc(offs, (size_t)(nlines + 1) * sizeof *offs);
		lines[nlines] = xstrndup(text + at, n);
		offs[nlines++] = off;
		off += (long long)n + 1;
		at += n + 1;
	}
	/* rows repeating a quote on one line are the same figure named
	 * with several metrics: they share its first occurrence */
	for (int i = 0; i < e->ngold; i++)
		locate(&e->gold[i], lines, offs, origin, nlines);
	for (int i = 0; i < e->nneg; i++)
		locate(&e->neg[i], lines, offs, origin, nlines);
	for (long i = 0; i < nlines; i++)
		free(lines[i]);
	free(lines);
	free(offs);
	match_all(e);
	return 0;
}

/* Matches the located gold rows and negatives to the claims and counts
 * the results. */
static void
match_all(struct fig_eval *e)
{

	e->claim_gold = xmalloc(((size_t)e->nclaims + 1) * sizeof(int));
	e->claim_neg = xmalloc(((size_t)e->nclaims + 1) * sizeof(int));
	for (int i = 0; i < e->nclaims; i++)
		e->claim_gold[i] = e->claim_neg[i] = -1;
	/* best agreement first, so one figure with three metrics gives
	 * each gold row the claim of its own metric */
	for (int want = 31; want >= 0; want--)
		for (int i = 0; i < e->ngold; i++) {
			struct fig_gold *g = &e->gold[i];
			if (g->match >= 0)
				continue;
			for (int j = 0; j < e->nclaims; j++)
				if (e->claim_gold[j] < 0 &&
				    overlaps(g, &e->claims[j]) &&
				    agreement(e, g, &e->claims[j]) == want) {
					g->match = j;
					e->claim_gold[j] = i;
					break;
				}
		}
	for (int j = 0; j < e->nclaims; j++)
		for (int i = 0; i < e->nneg; i++)
			if (e->claim_gold[j] < 0 &&
			    overlaps(&e->neg[i], &e->claims[j])) {
				e->claim_neg[j] = i;
				e->score.neg_hits++;
				break;
			}
	for (int j = 0; j < e->nclaims; j++)
		if (e->claim_gold[j] < 0 || !e->gold[e->claim_gold[j]].optional)
			e->score.extracted++;
	for (int i = 0; i < e->ngold; i++) {
		const struct fig_gold *g = &e->gold[i];
		const struct fig_claim *c;
		if (g->optional)
			continue;
		e->score.required++;
		if (g->match < 0)
			continue;
		c = &e->claims[g->match];
		e->score.matched++;
		if (same_quantity(e, g, c))
			e->score.found++;
		e->score.period_ok += eval_period_ok(g->periods, c->period);
		e->score.kind_ok += g->c.kind == c->kind;
		e->score.footnote_ok += strcmp(g->c.footnote, c->footnote) == 0;
		if (g->c.page > 0) {
			e->score.page_n++;
			e->score.page_ok += g->c.page == c->page;
		}
		if (g->has_metric) {
			e->score.metric_n++;
			e->score.metric_ok += strcmp(g->c.metric, c->metric) == 0;
			e->score.entity_ok += strcmp(g->c.entity, c->entity) == 0;
			e->score.partner_ok += strcmp(g->c.partner, c->partner) == 0;
			e->score.series_ok += same_key(g, c);
		}
	}
	e->score.ngold = e->ngold;
	e->score.nclaims = e->nclaims;
	e->score.nneg = e->nneg;
	eval_sum(&e->score, NULL);
}

void
eval_sum(struct fig_eval_score *sum, const struct fig_eval_score *add)
{
	if (add) {
		sum->ngold += add->ngold;
		sum->nclaims += add->nclaims;
		sum->nneg += add->nneg;
		sum->required += add->required;
		sum->found += add->found;
		sum->extracted += add->extracted;
		sum->matched += add->matched;
		sum->period_ok += add->period_ok;
		sum->kind_ok += add->kind_ok;
		sum->footnote_ok += add->footnote_ok;
		sum->metric_ok += add->metric_ok;
		sum->metric_n += add->metric_n;
		sum->entity_ok += add->entity_ok;
		sum->partner_ok += add->partner_ok;
		sum->series_ok += add->series_ok;
		sum->page_ok += add->page_ok;
		sum->page_n += add->page_n;
		sum->neg_hits += add->neg_hits;
	}
	sum->precision = sum->extracted ? (double)sum->found / sum->extracted :
	    1;
	sum->recall = sum->required ? (double)sum->found / sum->required : 1;
	sum->f1 = sum->precision + sum->recall > 0 ? 2 * sum->precision *
	    sum->recall / (sum->precision + sum->recall) : 0;
}
