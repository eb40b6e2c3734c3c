/* claim.h: the claim record (formats.md section 1) and its writers.
 * Every stage after extraction speaks in struct fig_claim. */
#ifndef FIGTRACK_CLAIM_H
#define FIGTRACK_CLAIM_H

#include <stdio.h>

#include "figtrack/buf.h"
#include "figtrack/err.h"

/* The qualifier says how the value bounds the truth. */
enum fig_qual {
	FIG_Q_EXACT,
	FIG_Q_APPROX,
	FIG_Q_MORE_THAN,	/* low = value */
	FIG_Q_LESS_THAN,	/* high = value */
	FIG_Q_AT_LEAST,		/* low = value */
	FIG_Q_AT_MOST,		/* high = value */
	FIG_Q_ALMOST,		/* high = value */
	FIG_Q_RANGE,		/* low..high, value the midpoint */
	FIG_Q_COUNT_
};

enum fig_pkind {
	FIG_PK_OBSERVED,
	FIG_PK_TARGET,
	FIG_PK_FORECAST,
	FIG_PK_BASELINE,
	FIG_PK_COUNT_
};

/* Sizes of the fixed fields; longer values are cut at a UTF-8 boundary. */
#define FIG_UNIT_MAX 40
/* "2022-01-15/2023-12-31" and its NUL fit */
#define FIG_PERIOD_MAX 32
#define FIG_METRIC_MAX 128
#define FIG_ENTITY_MAX 96
#define FIG_FOOTNOTE_MAX 64
#define FIG_RULE_MAX 128

struct fig_claim {
	const char *doc;	/* borrowed: document name as given */
	long line;		/* 1-based line where quote starts */
	char *quote;		/* owned: exact text of the mention */
	double value;		/* canonical unit, scale applied, signed */
	int has_low;		/* low is meaningful */
	double low;
	int has_high;		/* high is meaningful */
	double high;
	enum fig_qual qual;
	char unit[FIG_UNIT_MAX];	/* "percent", "usd", "other:word" ... */
	char period[FIG_PERIOD_MAX];	/* "2020", "2022-H1", or "" */
	enum fig_pkind kind;
	char metric[FIG_METRIC_MAX];	/* "semiconductors.imports.share";
					   "" when no topic rule named it */
	char entity[FIG_ENTITY_MAX];	/* "RUS", "CHN+RUS", "Huawei" */
	char footnote[FIG_FOOTNOTE_MAX];/* "108" or "12;13" or "" */
	char partner[FIG_ENTITY_MAX];	/* the other side: trade partner,
					   supplier, host country; or "" */
	int page;		/* 1-based PDF page the quote starts on, or
				   0 for documents without pages */
	/* Provenance kept by the store, not part of the CSV record. */
	char *sentence;		/* owned: the sentence, or NULL */
	long byte_start;	/* offset of quote in the document */
	long byte_end;
	char rule[FIG_RULE_MAX];	/* rule file:line of the topic, or "" */
	/* The comparison base the text names right after the figure
	 * ("fallen 38 percent compared to the second half of 2021":
	 * "2021-H2"), or "". The diff reads it for changes; the store
	 * keeps it. */
	char base[FIG_PERIOD_MAX];
};

/* Sets every field to empty; pointers NULL. */
void claim_init(struct fig_claim *c);
/* Frees quote and sentence; leaves c initialised. */
void claim_release(struct fig_claim *c);
/* Deep copy of src into dst (dst is overwritten, not released). */
void claim_copy(struct fig_claim *dst, const struct fig_claim *src);

const char *claim_qual_name(enum fig_qual q);
/* Returns 0 and sets *q, or -1 for an unknown name. */
int claim_qual_parse(const char *s, enum fig_qual *q);
const char *claim_kind_name(enum fig_pkind k);
int claim_kind_parse(const char *s, enum fig_pkind *k);

/* The magnitude no value or bound reaches: its plain decimal would not
 * fit the 64 bytes claim_fmt_number writes. Extraction drops such
 * quantities and import refuses them. */
#define FIG_VALUE_MAX 1e40

/* Writes v as a plain decimal: no exponent, no trailing zeros, at most
 * 6 decimals ("200000000", "59.1", "-38"). out holds at least 64 bytes.
 * A value that does not fit (FIG_VALUE_MAX and beyond) is written with an
 * exponent rather than cut. */
void claim_fmt_number(double v, char *out, size_t n);

/* Copies s into a fixed field of size n, cutting at a UTF-8 boundary. */
void claim_setfield(char *dst, size_t n, const char *s);

/* Output formats of the record writers. */
enum fig_format { FIG_FMT_CSV, FIG_FMT_TSV, FIG_FMT_JSONL, FIG_FMT_TABLE };
/* Returns 0 and sets *f, or -1 for an unknown name. */
int claim_format_parse(const char *s, enum fig_format *f);

/* The record columns, in contract order. */
extern const char *const claim_columns[];
#define CLAIM_NCOLUMNS 15

/* Fills vals (CLAIM_NCOLUMNS strings, pointing into c or into the
 * caller's scratch buffer numbuf of 5 x 64 bytes). */
void claim_fields(const struct fig_claim *c, const char **vals,
    char numbuf[][64]);

/* Writes one record or a header in format fmt. extra/nextra append more
 * named columns (export adds title, published, ...). CSV is RFC 4180 with
 * quotes only where needed; TSV escapes \t \n \\; JSONL is one object a
 * line. Returns 0, or -1 with err set when the stream fails. */
int claim_write_header(FILE *out, enum fig_format fmt,
    const char *const *extra_names, int nextra);
int claim_write(FILE *out, enum fig_format fmt, const struct fig_claim *c,
    const char *const *extra_names, const char *const *extra, int nextra);

/* Low-level writers shared with other record types (diff rows). */
void rec_write_row(FILE *out, enum fig_format fmt, const char *const *names,
    const char *const *vals, int n);
void rec_write_header(FILE *out, enum fig_format fmt,
    const char *const *names, int n);
/* Appends s as a JSON string literal (quotes included) to b. */
void json_quote(struct fig_buf *b, const char *s);

#endif
