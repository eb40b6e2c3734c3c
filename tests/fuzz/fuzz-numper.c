/* fuzz-numper.c: libFuzzer harness for the small parsers: numbers (digits
 * and the number words of the shipped rules), the number scanner, periods
 * (parse, year, middle, order) and, on valid UTF-8, the quantity and
 * date-phrase patterns read back by quantity_from_match and
 * period_from_match. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/claim.h"
#include "figtrack/number.h"
#include "figtrack/period.h"
#include "figtrack/quantity.h"
#include "figtrack/rules.h"
#include "figtrack/text.h"

#include "fuzz-common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct fig_rules *fn_rules;
static pcre2_match_data *fn_md;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fn_rules = fz_rules_load("fuzz-numper");
	rules_jit(fn_rules);	/* as fuzz-extract */
	fn_md = rules_match_data(fn_rules);
	return 0;
}

/* A valid period: parsing is idempotent and it sits in its year. */
static void
fn_period(const char *s)
{
	char p[FIG_PERIOD_LEN], again[FIG_PERIOD_LEN];
	double mid;
	int y;

	y = period_year(s);
	mid = period_mid(s);
	if (strchr(s, '/') != NULL) {
		/* an interval is no single period; its year is its end's */
		if (period_parse(s, p) == 0 || mid != 0 ||
		    (y != 0 && (y < 1000 || y > 2999)))
			abort();
		return;
	}
	if (period_parse(s, p) != 0) {
		if (y != 0 || mid != 0)
			abort();
		if (period_parse_date(s, p) == 0)
			abort();	/* a date is a period */
		return;
	}
	if (period_parse(p, again) != 0 || strcmp(p, again) != 0)
		abort();
	if (y < 1000 || y > 2999 || !(mid > y && mid < y + 1))
		abort();
	if (period_cmp(s, p) != 0 || period_cmp(p, p) != 0)
		abort();
	if (period_parse_date(s, again) == 0 && strcmp(p, again) != 0)
		abort();
}

static void
fn_number(const struct fig_rules *r, const char *s, size_t n)
{
	const struct fig_numword *w = NULL;
	char out[64];
	double v;
	int flags;

	if (number_parse(r, s, n, &v, &flags, &w) != 0)
		return;
	if (isnan(v) || (w && r == NULL))
		abort();
	claim_fmt_number(v, out, sizeof out);
	if (memchr(out, '\0', sizeof out) == NULL)
		abort();
}

/* The quantity pattern at every place a number may start, as the
 * extraction tries it, and every date phrase. */
static void
fn_patterns(const char *s, size_t n)
{
	const struct fig_rules *r = fn_rules;
	struct fig_err err;
	struct fig_qty q;
	char p[FIG_PERIOD_LEN];
	size_t at = 0;

	while (at < n) {
		size_t anchor = number_scan(r, s, at, n);
		if (anchor >= n)
			break;
		if (anchor < at)
			abort();
		if (rules_match(r, &r->quantity_at, s, n, anchor, 0, fn_md,
		    &err) > 0 && quantity_from_match(r, fn_md, s, n, 0, &q)) {
			if (q.start > q.end || q.end > n || q.nstart < q.start ||
			    q.nend > q.end || q.unit_name[0] == '\0' ||
			    memchr(q.unit_name, '\0', sizeof q.unit_name) ==
			    NULL || (unsigned)q.qual >= FIG_Q_COUNT_)
				abort();
		}
		at = anchor + 1;
	}
	for (int i = 0; i < r->nperiods; i++) {
		const struct fig_periodrule *pr = &r->periods[i];
		size_t from = 0;
		while (from <= n && rules_match(r, &pr->re, s, n, from, 0, fn_md,
		    &err) > 0) {
			const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(fn_md);
			if (period_from_match(pr, fn_md, p) == 0)
				fn_period(p);
			from = ov[1] > from ? ov[1] : from + 1;
			/* stay on a character boundary */
			while (from < n && ((unsigned char)s[from] & 0xC0) == 0x80)
				from++;
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *exact = calloc(1, size ? size : 1), *copy = calloc(1, size + 1);
	char *bar;
	size_t bad;

	/* an exact-size copy for the (pointer, length) parsers, so a read
	 * past the end is caught; a NUL-terminated one for the others */
	if (size) {
		memcpy(exact, data, size);
		memcpy(copy, data, size);
	}
	fn_number(NULL, exact, size);
	fn_number(fn_rules, exact, size);
	(void)period_month(exact, size);
	free(exact);
	fn_period(copy);
	/* "A|B": the order of two periods is antisymmetric */
	if ((bar = memchr(copy, '|', size)) != NULL) {
		*bar = '\0';
		fn_period(copy);
		fn_period(bar + 1);
		if (period_cmp(copy, bar + 1) != -period_cmp(bar + 1, copy))
			abort();
		*bar = '|';
	}
	/* every number in the text, by itself */
	for (size_t at = 0; at < size; ) {
		size_t a = number_scan(fn_rules, copy, at, size), e = a;
		if (a >= size)
			break;
		while (e < size && e - a < 100 && copy[e] != ' ')
			e++;
		fn_number(fn_rules, copy + a, e - a);
		at = a + 1;
	}
	if (memchr(copy, '\0', size) == NULL &&
	    text_utf8_check(copy, size, &bad) == 0)
		fn_patterns(copy, size);
	free(copy);
	return 0;
}
