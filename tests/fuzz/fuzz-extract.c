/* fuzz-extract.c: libFuzzer harness for the whole extraction path: any
 * bytes as a document (metadata block, body, References section) through
 * extract_mem with the shipped rules, every claim and reference checked
 * and written out as the commands would write it. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/buf.h"
#include "figtrack/claim.h"
#include "figtrack/extract.h"
#include "figtrack/import.h"
#include "figtrack/period.h"
#include "figtrack/rules.h"
#include "figtrack/text.h"

#include "fuzz-common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct fig_rules *fx_rules;
static FILE *fx_sink;

/* What the claim callback knows about the input. */
struct fx_doc {
	const char *text;	/* as read, or repaired under lossy */
	size_t size;
};

/* A fixed field must hold a NUL within its size and valid UTF-8. */
static void
fx_field(const char *s, size_t size)
{
	const char *nul = memchr(s, '\0', size);
	size_t bad;

	if (nul == NULL || text_utf8_check(s, (size_t)(nul - s), &bad) != 0)
		abort();
}

/* claim_fmt_number writes v so that it reads back, to 6 decimals, or
 * from a billion up to whole units. */
static void
fx_number(double v)
{
	char num[64];
	double back;

	if (!(fabs(v) < FIG_VALUE_MAX))
		abort();
	claim_fmt_number(v, num, sizeof num);
	back = strtod(num, NULL);
	if (!(fabs(back - v) <= (fabs(v) >= 1e9 ? 0.5 : 5e-7) +
	    1e-15 * fabs(v)))
		abort();
}

static int
fx_claim(void *ctx, const struct fig_claim *c)
{
	const struct fx_doc *d = ctx;
	char p[FIG_PERIOD_LEN];

	if (c->line < 1)
		abort();
	/* the quote's first line is where its offsets say, in the document
	 * or, under lossy, in the repaired one */
	fz_check_quote(c, d->text, d->size);
	fx_field(c->unit, sizeof c->unit);
	fx_field(c->period, sizeof c->period);
	fx_field(c->metric, sizeof c->metric);
	fx_field(c->entity, sizeof c->entity);
	fx_field(c->footnote, sizeof c->footnote);
	fx_field(c->rule, sizeof c->rule);
	if (c->unit[0] == '\0' || (unsigned)c->qual >= FIG_Q_COUNT_ ||
	    (unsigned)c->kind >= FIG_PK_COUNT_)
		abort();
	/* values are written as plain decimals that read back */
	fx_number(c->value);
	if (c->has_low)
		fx_number(c->low);
	if (c->has_high)
		fx_number(c->high);
	/* what extract writes, import must read back: a period, or a run
	 * of time START/END of two */
	if (c->period[0] && (strchr(c->period, '/') ? import_period_valid(
	    c->period) : period_parse(c->period, p)) != 0)
		abort();
	claim_write(fx_sink, FIG_FMT_CSV, c, NULL, NULL, 0);
	claim_write(fx_sink, FIG_FMT_JSONL, c, NULL, NULL, 0);
	return 0;
}

static int
fx_ref(void *ctx, const struct fig_ref *r)
{
	size_t bad;

	(void)ctx;
	if (r->text == NULL || r->url == NULL || r->line < 1)
		abort();
	if (text_utf8_check(r->text, strlen(r->text), &bad) != 0)
		abort();
	fx_field(r->date, sizeof r->date);
	fputs(r->text, fx_sink);
	fputs(r->url, fx_sink);
	return 0;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fx_rules = fz_rules_load("fuzz-extract");
	rules_jit(fx_rules);	/* the bulk path: small inputs alone would
				   run interpreted, as every unit test does */
	if ((fx_sink = fopen("/dev/null", "w")) == NULL)
		exit(2);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fig_extract_opts opts;
	struct fig_extract_cbs cbs;
	struct fig_docmeta meta;
	struct fig_err err;
	struct fx_doc d;
	struct fig_buf fixed = FIG_BUF_INIT;
	char *copy;

	/* an exact-size copy, so a read past the end is caught */
	copy = calloc(1, size ? size : 1);
	if (size)
		memcpy(copy, data, size);
	memset(&opts, 0, sizeof opts);
	d.text = copy;
	d.size = size;
	cbs.on_claim = fx_claim;
	cbs.on_ref = fx_ref;
	cbs.ctx = &d;
	/* strict first: invalid UTF-8 is refused; then repaired */
	err_clear(&err);
	if (extract_mem(fx_rules, copy, size, "fuzz.md", &opts, &cbs, &meta,
	    &err) != 0) {
		if (err.code == FIG_OK)
			abort();	/* a failure must say why */
		if (err.code == FIG_EINPUT && strstr(err.msg, "UTF-8")) {
			opts.lossy = 1;
			text_utf8_lossy(&fixed, copy, size);
			d.text = buf_str(&fixed);
			d.size = fixed.len;
			err_clear(&err);
			if (extract_mem(fx_rules, copy, size, "fuzz.md", &opts,
			    &cbs, &meta, &err) != 0 && err.code == FIG_OK)
				abort();
		}
	}
	fx_field(meta.title, sizeof meta.title);
	fx_field(meta.published, sizeof meta.published);
	fx_field(meta.source, sizeof meta.source);
	fx_field(meta.url, sizeof meta.url);
	buf_release(&fixed);
	free(copy);
	return 0;
}
