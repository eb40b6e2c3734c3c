/* diff.h: which of a baseline document's figures still hold. Each
 * baseline claim with a metric is matched to newer figures of the same
 * series (metric, entity, partner, unit; physical units of one kind
 * convert) over a like span, and classed; pure: no I/O, no SQL. */
#ifndef FIGTRACK_DIFF_H
#define FIGTRACK_DIFF_H

#include <stddef.h>

#include "figtrack/claim.h"
#include "figtrack/units.h"

/* The classes, in the order reports list them. */
enum fig_dclass {
	FIG_D_CONFIRMED,	/* same period, value agrees */
	FIG_D_REVISED,		/* same period, value differs */
	FIG_D_UPDATED,		/* a later period of the same kind of span */
	FIG_D_TARGET_MOVED,	/* a target restated with another value or date */
	FIG_D_RELATED,		/* newer figures of the series, none of a
				   like span (a year for a month, January-
				   October for June) */
	FIG_D_STALE,		/* no newer figure */
	FIG_D_NEW,		/* a series the baseline lacks */
	FIG_D_COUNT_
};

/* Where a figure comes from. */
struct fig_diff_src {
	long long doc_id;	/* tells documents with one name apart */
	const char *doc;	/* title or path shown in rows */
	const char *published;	/* YYYY[-MM[-DD]], or "" when unknown */
};

/* A figure of a row. Strings belong to the diff. */
struct fig_diff_fig {
	const char *quote;
	long line;
	double value;
	double low;		/* meaningful when has_low */
	double high;		/* meaningful when has_high */
	int has_low;
	int has_high;
	enum fig_qual qual;
	enum fig_pkind kind;
	const char *period;	/* "" when undated */
	const struct fig_diff_src *src;
};

/* One output row, as diff_row fills it. A baseline figure gives one
 * row per newer source of the deciding period (latest publication
 * first); stale and new rows are single. */
struct fig_diff_row {
	enum fig_dclass cls;	/* this row's own judgement */
	const char *metric;
	const char *entity;
	const char *partner;	/* "" when the measure has none */
	const char *unit;
	int has_base;		/* 0 for new */
	int has_newer;		/* 0 for stale */
	struct fig_diff_fig base;
	/* newer's value, low and high are in the row's unit: a figure in
	 * another unit of its kind is converted (its quote as written) */
	struct fig_diff_fig newer;
	int latest;		/* 1: this row decides the baseline figure's class */
	int has_change;		/* change_abs is meaningful: both figures,
				   of a like span (not related) */
	double change_abs;	/* newer - baseline value (percentage
				   points for a figure in percent) */
	int has_rel;		/* change_rel is meaningful: baseline not 0
				   and not a percentage */
	double change_rel;	/* change_abs / |baseline value|, a fraction */
};

struct fig_diff_opts {
	double tolerance;	/* relative: 0.005 for 0.5 % */
	/* Newer figures must be published after this date (YYYY[-MM[-DD]]);
	 * NULL accepts every date. */
	const char *after;
	int inclusive;		/* "after" means on or after (--since) */
	int undated;		/* undated figures count as newer */
	long long baseline_doc;	/* never counts as newer; 0 for none */
	/* Borrowed, may be NULL: converts figures of one physical kind in
	 * different units (MW and GW); without it units must agree. */
	const struct fig_units *units;
};

#define FIG_DIFF_TOLERANCE 0.005

/* Parses a --tolerance: a relative difference ("0.005") or a percentage
 * ("0.5%"), not negative. Returns 0 and sets *out, or -1. */
int diff_parse_tolerance(const char *s, double *out);

/* Counts of what went in and what came out. */
struct fig_diff_stats {
	size_t baseline;	/* baseline figures with a metric */
	size_t baseline_nometric;	/* baseline claims without one (skipped) */
	size_t newer;		/* newer figures kept */
	size_t newer_skipped;	/* too old, undated, no metric, or the baseline */
	size_t sources;		/* distinct newer sources kept */
	size_t decided[FIG_D_COUNT_];	/* rows with latest = 1, per class */
};

struct fig_diff;

/* Returns a new diff the caller frees with diff_free. o may be NULL
 * (default tolerance, no date limit). o->after is copied. */
struct fig_diff *diff_new(const struct fig_diff_opts *o);
void diff_free(struct fig_diff *d);

/* A figure as diff_add takes it: a claim reduced to what the diff
 * compares, its series named by diff_series. */
struct fig_diff_in {
	int series;		/* from diff_series; -1: no metric */
	const char *period;	/* "" when undated */
	const char *quote;
	long line;
	double value;
	double low;		/* meaningful when has_low */
	double high;		/* meaningful when has_high */
	int has_low;
	int has_high;
	enum fig_qual qual;
	enum fig_pkind kind;
	/* the comparison base the text names ("2021-H2"), or NULL or "":
	 * read for changes (a metric "*.change") only */
	const char *base;
};

/* Returns the id of the series (metric, entity, partner, unit), new or
 * known; metric is not "". The strings are copied. Series whose units
 * convert into each other (o->units) are matched with each other. */
int diff_series(struct fig_diff *d, const char *metric, const char *entity,
    const char *partner, const char *unit);

/* Adds a baseline figure (baseline != 0) or a newer one, as
 * diff_add_baseline and diff_add_newer add a claim: f and src are
 * borrowed for the call only, and a figure without a series (-1) is
 * counted and skipped. Callers that read many figures of few series
 * look each series up once instead of once per figure. */
void diff_add(struct fig_diff *d, int baseline, const struct fig_diff_in *f,
    const struct fig_diff_src *src);

/* Adds a baseline claim or a newer one; c and src are borrowed for the
 * call only (everything kept is copied). Claims without a metric are
 * counted and skipped, and so are newer claims outside the date limit
 * or from the baseline document. Call before diff_run. */
void diff_add_baseline(struct fig_diff *d, const struct fig_claim *c,
    const struct fig_diff_src *src);
void diff_add_newer(struct fig_diff *d, const struct fig_claim *c,
    const struct fig_diff_src *src);

/* Matches and classes; returns the number of rows. Baseline rows come
 * in source then line order, then new rows by metric, entity, partner
 * and unit.
 * Add nothing after it; a second call only returns the count. */
size_t diff_run(struct fig_diff *d);

/* Fills r with row i (below diff_run's count). Its strings are
 * borrowed: valid until diff_free. The diff keeps rows as a few ids
 * each and expands one when asked: half a million rows of figures
 * would be copies of what it holds already. */
void diff_row(const struct fig_diff *d, size_t i, struct fig_diff_row *r);
/* Row i's latest flag, without expanding the row. */
int diff_row_latest(const struct fig_diff *d, size_t i);

/* Borrowed; complete after diff_run. */
const struct fig_diff_stats *diff_stats(const struct fig_diff *d);

/* "confirmed", "revised", "updated", "target-moved", "related",
 * "stale", "new". */
const char *diff_class_name(enum fig_dclass c);
/* Returns 0 and sets *c, or -1 for an unknown name. */
int diff_class_parse(const char *s, enum fig_dclass *c);

/* Compares two publication dates YYYY[-MM[-DD]]: <0 when a is earlier,
 * >0 when later, 0 when equal or when one is a prefix of the other
 * ("2022" and "2022-11" overlap, so neither is after the other). */
int diff_date_cmp(const char *a, const char *b);

/* The record columns, in contract order (docs/formats.md). */
extern const char *const diff_columns[];
#define DIFF_NCOLUMNS 28

/* Fills vals (DIFF_NCOLUMNS strings, pointing into r or into the
 * caller's scratch numbuf of DIFF_NUMBUFS x 64 bytes). */
#define DIFF_NUMBUFS 12
void diff_row_fields(const struct fig_diff_row *r, const char **vals,
    char numbuf[][64]);

#endif
