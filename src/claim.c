/* claim.c: the claim record, its field names and its CSV/TSV/JSONL
 * writers. CSV quoting is libcsv's; fields are quoted only when needed. */
#include <csv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/claim.h"

const char *const claim_columns[CLAIM_NCOLUMNS] = {
	"doc", "line", "quote", "value", "low", "high", "qualifier", "unit",
	"period", "period_kind", "metric", "entity", "footnote", "partner",
	"page"
};

static const char *const qual_names[FIG_Q_COUNT_] = {
	"exact", "approx", "more_than", "less_than", "at_least", "at_most",
	"almost", "range"
};

static const char *const kind_names[FIG_PK_COUNT_] = {
	"observed", "target", "forecast", "baseline"
};

void
claim_init(struct fig_claim *c)
{
	memset(c, 0, sizeof *c);
}

void
claim_release(struct fig_claim *c)
{
	free(c->quote);
	free(c->sentence);
	claim_init(c);
}

void
claim_copy(struct fig_claim *dst, const struct fig_claim *src)
{
	*dst = *src;
	dst->quote = src->quote ? xstrdup(src->quote) : NULL;
	dst->sentence = src->sentence ? xstrdup(src->sentence) : NULL;
}

const char *
claim_qual_name(enum fig_qual q)
{
	return (unsigned)q < FIG_Q_COUNT_ ? qual_names[q] : "exact";
}

int
claim_qual_parse(const char *s, enum fig_qual *q)
{
	for (int i = 0; i < FIG_Q_COUNT_; i++)
		if (strcmp(s, qual_names[i]) == 0) {
			*q = (enum fig_qual)i;
			return 0;
		}
	return -1;
}

const char *
claim_kind_name(enum fig_pkind k)
{
	return (unsigned)k < FIG_PK_COUNT_ ? kind_names[k] : "observed";
}

int
claim_kind_parse(const char *s, enum fig_pkind *k)
{
	for (int i = 0; i < FIG_PK_COUNT_; i++)
		if (strcmp(s, kind_names[i]) == 0) {
			*k = (enum fig_pkind)i;
			return 0;
		}
	return -1;
}

int
claim_format_parse(const char *s, enum fig_format *f)
{
	if (strcmp(s, "csv") == 0)
		*f = FIG_FMT_CSV;
	else if (strcmp(s, "tsv") == 0)
		*f = FIG_FMT_TSV;
	else if (strcmp(s, "jsonl") == 0 || strcmp(s, "json") == 0)
		*f = FIG_FMT_JSONL;
	else if (strcmp(s, "table") == 0)
		*f = FIG_FMT_TABLE;
	else
		return -1;
	return 0;
}

/* "%.6f" without trailing zeros, by integer arithmetic: whole numbers
 * below 2^53 digit by digit, and for |v| below a million: v * 10^6 is
 * then within 1.2e-4 of the exact product, so its nearest integer is
 * the one printf rounds to unless the product lies near a half, which
 * is left to printf. Returns 0 when it did not format (a tenth of the
 * time snprintf takes: diff writes millions). */
static int
fmt_fast(double v, char *out, size_t n)
{
	double m = fabs(v) * 1e6, r;
	unsigned long long u, ip, fp;
	char tmp[32], *p = tmp + sizeof tmp;
	int digits = 6;

	if (n < 24 || isnan(v))
		return 0;
	if (!(fabs(v) < 1e6)) {
		/* a whole number below 2^53 (from a billion up, every value
		 * is rounded to one): its digits, as printf writes them */
		double w = fabs(v) >= 1e9 ? round(v) : v;
		if (!(fabs(w) < 9007199254740992.0) || w != floor(w))
			return 0;
		u = (unsigned long long)fabs(w);
		*--p = '\0';
		do {
			*--p = (char)('0' + u % 10);
			u /= 10;
		} while (u);
		if (w < 0)
			*--p = '-';
		memcpy(out, p, (size_t)(tmp + sizeof tmp - p));
		return 1;
	}
	r = floor(m + 0.5);
	if (fabs(fabs(m - r) - 0.5) < 1e-3)
		return 0;
	u = (unsigned long long)r;
	ip = u / 1000000;
	fp = u % 1000000;
	*--p = '\0';
	if (fp) {
		while (fp % 10 == 0) {
			fp /= 10;
			digits--;
		}
		while (digits-- > 0) {
			*--p = (char)('0' + fp % 10);
			fp /= 10;
		}
		*--p = '.';
	}
	do {
		*--p = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip);
	if (v < 0 && u != 0)	/* no "-0" */
		*--p = '-';
	memcpy(out, p, (size_t)(tmp + sizeof tmp - p));
	return 1;
}

void
claim_fmt_number(double v, char *out, size_t n)
{
	char *p;

	if (fmt_fast(v, out, n))
		return;
	if (!isfinite(v)) {
		snprintf(out, n, "0");
		return;
	}
	if (v == 0)
		v = 0;	/* no "-0" */
	/* six decimals at most; from a billion up, whole units: what is left
	 * below is binary noise ("129.14 billion" is 129139999999.99998) */
	if (fabs(v) >= 1e9)
		v = round(v);
	if ((size_t)snprintf(out, n, "%.6f", v) >= n) {
		/* cut digits would be another number */
		snprintf(out, n, "%.17g", v);
		return;
	}
	p = strchr(out, '.');
	if (p) {
		char *e = out + strlen(out) - 1;
		while (e > p && *e == '0')
			*e-- = '\0';
		if (e == p)
			*e = '\0';
	}
	if (strcmp(out, "-0") == 0)
		snprintf(out, n, "0");
}

void
claim_setfield(char *dst, size_t n, const char *s)
{
	size_t len = strlen(s);

	if (len >= n) {
		len = n - 1;
		/* back off continuation bytes so no character is split */
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(dst, s, len);
	dst[len] = '\0';
}

void
claim_fields(const struct fig_claim *c, const char **v, char numbuf[][64])
{
	snprintf(numbuf[0], 64, "%ld", c->line);
	claim_fmt_number(c->value, numbuf[1], 64);
	v[0] = c->doc ? c->doc : "";
	v[1] = numbuf[0];
	v[2] = c->quote ? c->quote : "";
	v[3] = numbuf[1];
	if (c->has_low) {
		claim_fmt_number(c->low, numbuf[2], 64);
		v[4] = numbuf[2];
	} else
		v[4] = "";
	if (c->has_high) {
		claim_fmt_number(c->high, numbuf[3], 64);
		v[5] = numbuf[3];
	} else
		v[5] = "";
	v[6] = claim_qual_name(c->qual);
	v[7] = c->unit;
	v[8] = c->period;
	v[9] = claim_kind_name(c->kind);
	v[10] = c->metric;
	v[11] = c->entity;
	v[12] = c->footnote;
	v[13] = c->partner;
	if (c->page > 0) {
		snprintf(numbuf[4], 64, "%d", c->page);
		v[14] = numbuf[4];
	} else
		v[14] = "";
}

void
json_quote(struct fig_buf *b, const char *s)
{
	buf_addc(b, '"');
	for (;;) {
		const char *p = s;
		unsigned char ch;

		/* a run that needs no escape, in one piece */
		while ((ch = (unsigned char)*p) >= 0x20 && ch != '"' &&
		    ch != '\\')
			p++;
		buf_add(b, s, (size_t)(p - s));
		if (ch == '\0')
			break;
		switch (ch) {
		case '"': buf_adds(b, "\\\""); break;
		case '\\': buf_adds(b, "\\\\"); break;
		case '\n': buf_adds(b, "\\n"); break;
		case '\r': buf_adds(b, "\\r"); break;
		case '\t': buf_adds(b, "\\t"); break;
		default: buf_addf(b, "\\u%04x", ch);
		}
		s = p + 1;
	}
	buf_addc(b, '"');
}

/* Does field s (n bytes) start or end with a space or tab? A CSV
 * reader such as libcsv (import) trims those around a field that is not
 * quoted, and a title " X" came back as "X" (fuzz-import). */
static int
csv_blank_ends(const char *s, size_t n)
{
	return n > 0 && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' ||
	    s[n - 1] == '\t');
}

/* Does field s (n bytes) need quotes? When it holds a comma, quote or
 * line break, or has blank ends. */
static int
csv_needs_quotes(const char *s, size_t n)
{
	return n > 0 && (s[strcspn(s, ",\"\r\n")] != '\0' ||
	    csv_blank_ends(s, n));
}

static void
csv_field(FILE *out, const char *s)
{
	size_t n = strlen(s);

	if (csv_needs_quotes(s, n))
		csv_fwrite(out, s, n);
	else
		fwrite(s, 1, n, out);
}

/* Appends s to b as csv_field writes it, libcsv doing the quoting.
 * Plain fields, nearly all of them, are copied as they are scanned:
 * strlen, strcspn and memcpy on each of a diff's fifteen million fields
 * cost a call each. */
static void
csv_add(struct fig_buf *b, const char *s)
{
	size_t n, need;

	for (n = 0; s[n] != '\0'; n++) {
		if (s[n] == ',' || s[n] == '"' || s[n] == '\r' || s[n] == '\n')
			goto quoted;
		if (b->cap - b->len < n + 2)
			buf_grow(b, n + 1);
		b->data[b->len + n] = s[n];
	}
	if (!csv_blank_ends(s, n)) {
		if (b->data == NULL)	/* nothing added yet: keep the NUL */
			buf_grow(b, 0);
		b->len += n;
		b->data[b->len] = '\0';
		return;
	}
quoted:
	n += strlen(s + n);
	need = csv_write(NULL, 0, s, n);
	buf_grow(b, need);
	csv_write(b->data + b->len, need, s, n);
	b->len += need;
	b->data[b->len] = '\0';
}

static void
tsv_field(FILE *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\t': fputs("\\t", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\\': fputs("\\\\", out); break;
		default: putc(*s, out);
		}
	}
}

void
rec_write_header(FILE *out, enum fig_format fmt, const char *const *names,
    int n)
{
	if (fmt == FIG_FMT_JSONL)
		return;
	for (int i = 0; i < n; i++) {
		if (i)
			putc(fmt == FIG_FMT_TSV ? '\t' : ',', out);
		if (fmt == FIG_FMT_TSV)
			tsv_field(out, names[i]);
		else
			csv_field(out, names[i]);
	}
	putc('\n', out);
}

/* Columns whose JSON value is a number when non-empty. */
static int
json_numeric(const char *name)
{
	static const char *const num[] = { "line", "value", "low", "high",
	    "baseline_value", "baseline_low", "baseline_high", "baseline_line",
	    "newer_value", "newer_low", "newer_high", "newer_line",
	    "change_abs", "change_rel", "figures", "latest", "id", "claims",
	    "page", NULL };

	for (int i = 0; num[i]; i++)
		if (strcmp(name, num[i]) == 0)
			return 1;
	return 0;
}

void
rec_write_row(FILE *out, enum fig_format fmt, const char *const *names,
    const char *const *vals, int n)
{
	if (fmt == FIG_FMT_JSONL) {
		struct fig_buf b = FIG_BUF_INIT;
		buf_addc(&b, '{');
		for (int i = 0; i < n; i++) {
			if (i)
				buf_addc(&b, ',');
			json_quote(&b, names[i]);
			buf_addc(&b, ':');
			if (vals[i][0] == '\0' && json_numeric(names[i]))
				buf_adds(&b, "null");
			else if (json_numeric(names[i]))
				buf_adds(&b, vals[i]);
			else
				json_quote(&b, vals[i]);
		}
		buf_adds(&b, "}\n");
		fwrite(b.data, 1, b.len, out);
		buf_release(&b);
		return;
	}
	if (fmt == FIG_FMT_CSV) {
		/* one write a row: a diff writes half a million */
		struct fig_buf b = FIG_BUF_INIT;
		buf_grow(&b, 1024);	/* most rows fit: one malloc */
		for (int i = 0; i < n; i++) {
			if (i)
				buf_addc(&b, ',');
			csv_add(&b, vals[i]);
		}
		buf_addc(&b, '\n');
		fwrite(b.data, 1, b.len, out);
		buf_release(&b);
		return;
	}
	for (int i = 0; i < n; i++) {
		if (i)
			putc('\t', out);
		tsv_field(out, vals[i]);
	}
	putc('\n', out);
}

#define MAXCOLS 32

int
claim_write_header(FILE *out, enum fig_format fmt,
    const char *const *extra_names, int nextra)
{
	const char *names[MAXCOLS];
	int n = 0;

	for (int i = 0; i < CLAIM_NCOLUMNS; i++)
		names[n++] = claim_columns[i];
	for (int i = 0; i < nextra && n < MAXCOLS; i++)
		names[n++] = extra_names[i];
	rec_write_header(out, fmt, names, n);
	return ferror(out) ? -1 : 0;
}

int
claim_write(FILE *out, enum fig_format fmt, const struct fig_claim *c,
    const char *const *extra_names, const char *const *extra, int nextra)
{
	const char *names[MAXCOLS], *vals[MAXCOLS];
	char numbuf[5][64];
	int n = CLAIM_NCOLUMNS;

	claim_fields(c, vals, numbuf);
	for (int i = 0; i < CLAIM_NCOLUMNS; i++)
		names[i] = claim_columns[i];
	for (int i = 0; i < nextra && n < MAXCOLS; i++, n++) {
		names[n] = extra_names[i];
		vals[n] = extra[i] ? extra[i] : "";
	}
	rec_write_row(out, fmt, names, vals, n);
	return ferror(out) ? -1 : 0;
}
