/* diff.c: matching baseline figures to newer ones and classing them.
 * Newer figures are sorted once by series group (the series whose
 * units convert into each other), target flag, kind of span, period and
 * publication, so each baseline figure costs a few binary searches.
 * A million newer figures are the usual load: figures and rows are
 * kept small (ids and offsets, not pointers and copies). Moving the
 * figures into the keys' order, so that the rows of one baseline
 * figure would read neighbouring memory, cost as much as it saved. */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/buf.h"
#include "figtrack/diff.h"
#include "figtrack/period.h"
#include "figtrack/text.h"

/* Kinds of span. Like is compared only with like: a newer figure
 * confirms, revises or updates a baseline one only over the same kind
 * of span. A run of months that makes a calendar year, half, quarter
 * or month is one (2022-01/2022-06 is 2022-H1); any other run of months
 * is a kind of its own length and first month of the year, numbered
 * from SPAN0 in struct fig_diff's spans (January-May, an April-March
 * fiscal year, 2021/2023). OTHER (runs of days, forms period.c does
 * not produce) compares by equality only. */
enum gran { G_NONE, G_YEAR, G_HALF, G_QUARTER, G_MONTH, G_DAY, G_OTHER,
	G_SPAN0 };
#define G_MAX UINT16_MAX

/* Strings live in an arena of fixed blocks so that pointers handed out
 * stay valid while the diff grows. */
struct blk {
	struct blk *next;
	size_t len;
	size_t cap;
	char data[];
};

/* An interned string (a key of bytes) with the id it was given. */
struct slot {
	uint64_t hash;
	const char *key;	/* arena copy, NUL-terminated */
	size_t len;
	int id;			/* -1: empty slot */
};

struct strtab {
	struct slot *slots;
	size_t cap;		/* a power of two */
	size_t n;
};

struct series {
	const char *metric;
	const char *entity;
	const char *partner;
	const char *unit;
	int32_t group;		/* the series it meets, units converted */
	int change;		/* a change: its base matters */
	/* value in the group's first unit = value * scale + offset */
	double scale;
	double offset;
};

/* Series that meet: one metric, entity and partner, in units that
 * convert into each other (or in one unit). Figures are keyed by group. */
struct group {
	int in_baseline;
	size_t first;		/* its keys are [first, end) once sorted */
	size_t end;
	/* key indexes, or -1: the latest publication's target for a date
	 * no baseline target of the series states; the non-target figure
	 * with the latest period; the figure a "new" row shows */
	long best_target;
	long latest;
	long newest;
};

/* A physical unit met, with the first unit of its kind it converts to:
 * UDUNITS-2 is asked once per unit, not per figure. */
struct unitconv {
	const char *name;	/* arena */
	const char *rep;	/* the first unit of its kind met */
	double scale;		/* rep value = value * scale + offset */
	double offset;
};

/* A run of months of one length beginning in one month of the year,
 * and for a change against a base the text names, where that base
 * lies. */
struct span {
	int32_t len;		/* months */
	int32_t align;		/* first month, 0 = January; for a calendar
				   year, half, quarter or month with a base,
				   -1 - its gran: any */
	int32_t blen;		/* the base's months, 0: the convention */
	int32_t boff;		/* its first month less the period's */
};

struct period {
	const char *s;
	const char *base;	/* "" unless a change names its base */
	uint16_t gran;		/* enum gran, or SPAN0 + a spans index */
	int32_t ord;		/* order within the kind */
	int32_t start;		/* first day YYYYMMDD, 0 undated/unknown */
};

struct source {
	struct fig_diff_src pub;	/* strings in the arena */
	int rank;		/* 0 = oldest publication */
	int newer;		/* has newer figures */
};

/* A figure as the diff keeps it: diff_row expands it into a
 * struct fig_diff_fig. */
struct fig {
	double value;
	double low;		/* meaningful with F_LOW */
	double high;		/* meaningful with F_HIGH */
	size_t quote;		/* offset in quotes */
	long line;
	int32_t series;
	int32_t period;
	int32_t source;
	uint8_t qual;		/* enum fig_qual */
	uint8_t kind;		/* enum fig_pkind */
	uint8_t flags;
};
#define F_LOW 1
#define F_HIGH 2
#define F_TARGET 4		/* a goal: period_kind or metric says so */

/* A row as the diff keeps it: indexes into series, base and newer. */
struct row {
	uint32_t series;
	uint32_t base;		/* NONE for new rows */
	uint32_t newer;		/* NONE for stale rows */
	uint8_t cls;		/* enum fig_dclass */
	uint8_t latest;
};
#define NONE UINT32_MAX

/* The sort key of a newer figure, kept small: 1 million of them are
 * sorted in the benchmark. */
struct key {
	uint32_t series;	/* the group */
	uint8_t target;
	uint16_t gran;
	int32_t ord;
	int32_t rank;		/* sorted descending: latest publication first */
	int32_t line;
	uint32_t fig;
};

struct fig_diff {
	struct fig_diff_opts opts;
	char *after;		/* owned copy of opts.after */
	struct blk *arena;
	struct strtab series_tab, period_tab, source_tab, group_tab,
	    span_tab;
	struct series *series;
	struct group *groups;
	size_t ngroups, capgroups;
	struct span *spans;
	size_t nspans, capspans;
	struct unitconv *convs;
	size_t nconvs, capconvs;
	/* per series: its metric's name marks goals; apart from series,
	 * where adding a million figures would miss the cache on each */
	unsigned char *series_target;
	size_t nseries, capseries;
	struct period *periods;
	size_t nperiods, capperiods;
	struct source **sources;	/* each allocated alone: stable */
	size_t nsources, capsources;
	int last_source;	/* one-entry caches for add: figures */
	int last_series;	/* often come grouped */
	int last_period;
	struct fig *base, *newer;
	size_t nbase, capbase, nnewer, capnewer;
	char *quotes;		/* every figure's quote, NUL-terminated */
	size_t nquotes, capquotes;	/* bytes */
	struct key *keys;
	struct row *rows;
	size_t nrows, caprows;
	struct fig_diff_stats stats;
	struct fig_buf scratch;
	struct fig_buf last_key;	/* key of last_series */
	int ran;
};

static const char *const class_names[FIG_D_COUNT_] = {
	"confirmed", "revised", "updated", "target-moved", "related",
	"stale", "new"
};

const char *const diff_columns[DIFF_NCOLUMNS] = {
	"class", "metric", "entity", "unit",
	"baseline_period", "baseline_value", "baseline_low", "baseline_high",
	"baseline_quote", "baseline_doc", "baseline_line",
	"newer_period", "newer_value", "newer_low", "newer_high",
	"newer_quote", "newer_doc", "newer_line", "newer_published",
	"change_abs", "change_rel",
	"latest", "baseline_published", "baseline_qualifier",
	"baseline_period_kind", "newer_qualifier", "newer_period_kind",
	"partner"
};

const char *
diff_class_name(enum fig_dclass c)
{
	return (unsigned)c < FIG_D_COUNT_ ? class_names[c] : "stale";
}

int
diff_class_parse(const char *s, enum fig_dclass *c)
{
	for (int i = 0; i < FIG_D_COUNT_; i++)
		if (strcmp(s, class_names[i]) == 0) {
			*c = (enum fig_dclass)i;
			return 0;
		}
	return -1;
}

int
diff_date_cmp(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	int c = strncmp(a, b, la < lb ? la : lb);

	return c < 0 ? -1 : c > 0 ? 1 : 0;
}

/* ---- arena and string tables ---- */

#define BLK_SIZE 65536

static char *
arena_alloc(struct fig_diff *d, size_t n)
{
	struct blk *b = d->arena;

	if (b == NULL || b->cap - b->len < n) {
		size_t cap = n > BLK_SIZE ? n : BLK_SIZE;
		b = xmalloc(sizeof *b + cap);
		b->len = 0;
		b->cap = cap;
		/* a big one-off string goes behind the current block so the
		 * current block's free space is not wasted */
		if (n > BLK_SIZE && d->arena) {
			b->next = d->arena->next;
			d->arena->next = b;
		} else {
			b->next = d->arena;
			d->arena = b;
		}
	}
	b->len += n;
	return b->data + b->len - n;
}

static const char *
arena_strndup(struct fig_diff *d, const char *s, size_t n)
{
	char *p = arena_alloc(d, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static void
strtab_grow(struct strtab *t)
{
	size_t cap = t->cap ? t->cap * 2 : 64;
	struct slot *s = xmalloc(cap * sizeof *s);

	for (size_t i = 0; i < cap; i++)
		s[i].id = -1;
	for (size_t i = 0; i < t->cap; i++) {
		size_t j;
		if (t->slots[i].id < 0)
			continue;
		j = (size_t)t->slots[i].hash & (cap - 1);
		while (s[j].id >= 0)
			j = (j + 1) & (cap - 1);
		s[j] = t->slots[i];
	}
	free(t->slots);
	t->slots = s;
	t->cap = cap;
}

/* Returns the slot holding key (id >= 0), or the empty slot where it
 * belongs (id < 0, hash filled in). */
static struct slot *
strtab_find(struct strtab *t, const char *key, size_t len)
{
	uint64_t h = text_hash(key, len);
	size_t j;

	if ((t->n + 1) * 4 > t->cap * 3)
		strtab_grow(t);
	j = (size_t)h & (t->cap - 1);
	while (t->slots[j].id >= 0) {
		struct slot *s = &t->slots[j];
		if (s->hash == h && s->len == len &&
		    memcmp(s->key, key, len) == 0)
			return s;
		j = (j + 1) & (t->cap - 1);
	}
	t->slots[j].hash = h;
	return &t->slots[j];
}

static void
strtab_fill(struct fig_diff *d, struct strtab *t, struct slot *s,
    const char *key, size_t len, int id)
{
	s->key = arena_strndup(d, key, len);
	s->len = len;
	s->id = id;
	t->n++;
}

/* ---- periods ---- */

/* The months one form of period covers, as month numbers y * 12 + m
 * (m from 0): YYYY, YYYY-H1, YYYY-Q3, YYYY-MM. Returns 0, or -1 for
 * any other form (a day, a run). */
static int
months_of(const char *s, size_t n, int32_t *first, int32_t *last)
{
	int y = n >= 4 ? period_digits(s, 4) : -1, m;

	if (y < 0 || (n > 4 && s[4] != '-'))
		return -1;
	if (n == 4) {
		*first = y * 12;
		*last = *first + 11;
	} else if (n == 7 && s[5] == 'H' && (s[6] == '1' || s[6] == '2')) {
		*first = y * 12 + (s[6] - '1') * 6;
		*last = *first + 5;
	} else if (n == 7 && s[5] == 'Q' && s[6] >= '1' && s[6] <= '4') {
		*first = y * 12 + (s[6] - '1') * 3;
		*last = *first + 2;
	} else if (n == 7 && (m = period_digits(s + 5, 2)) >= 1 && m <= 12) {
		*first = *last = y * 12 + m - 1;
	} else
		return -1;
	return 0;
}

/* The slot of span kind sp, added when new; NULL when there are too
 * many kinds. */
static struct slot *
span_find(struct fig_diff *d, const struct span *sp0)
{
	struct slot *sl = strtab_find(&d->span_tab, (const char *)sp0,
	    sizeof *sp0);

	if (sl->id < 0) {
		if (d->nspans >= G_MAX - G_SPAN0)
			return NULL;
		if (d->nspans == d->capspans) {
			d->capspans = d->capspans ? d->capspans * 2 : 16;
			d->spans = xrealloc(d->spans,
			    d->capspans * sizeof *d->spans);
		}
		d->spans[d->nspans] = *sp0;
		strtab_fill(d, &d->span_tab, sl, (const char *)sp0,
		    sizeof *sp0, (int)d->nspans++);
	}
	return sl;
}

/* The first month and the length in months of a kind of span and its
 * ord; -1 for days, undated and OTHER. */
static int
span_months(const struct fig_diff *d, int gran, int32_t ord, int32_t *first,
    int32_t *len)
{
	switch (gran) {
	case G_YEAR: *first = ord * 12; *len = 12; return 0;
	case G_HALF: *first = ord * 6; *len = 6; return 0;
	case G_QUARTER: *first = ord * 3; *len = 3; return 0;
	case G_MONTH: *first = ord; *len = 1; return 0;
	}
	if (gran >= G_SPAN0) {
		*first = ord;
		*len = d->spans[gran - G_SPAN0].len;
		return 0;
	}
	return -1;
}

/* The kind of span of a run of months len long beginning in month
 * first%12: a calendar year, half, quarter or month where it is one,
 * else a run kind of its own (G_OTHER when there are too many). */
static void
span_kind(struct fig_diff *d, struct period *p, int32_t first, int32_t len)
{
	struct span sp = { len, first % 12, 0, 0 };
	struct slot *sl;

	p->ord = first;
	if (len == 1) {
		p->gran = G_MONTH;
	} else if (len == 3 && first % 3 == 0) {
		p->gran = G_QUARTER;
		p->ord = first / 3;
	} else if (len == 6 && first % 6 == 0) {
		p->gran = G_HALF;
		p->ord = first / 6;
	} else if (len == 12 && first % 12 == 0) {
		p->gran = G_YEAR;
		p->ord = first / 12;
	} else {
		sl = span_find(d, &sp);
		if (sl == NULL) {
			p->gran = G_OTHER;
			return;
		}
		p->gran = (uint16_t)(G_SPAN0 + sl->id);
	}
}

/* The kind a change of period p has when measured against base
 * [bfirst, bfirst + blen): p's own kind when the base is the
 * convention, the same span a year earlier ("the same period of 2022"
 * names a whole year: January-October 2023 against 2022 is that too);
 * else a kind of its own, so that a June against the second half of
 * the year before meets only another such June. */
static void
based_kind(struct fig_diff *d, struct period *p, int32_t bfirst,
    int32_t blen)
{
	int32_t first, len;
	struct span sp;
	struct slot *sl;

	if (span_months(d, p->gran, p->ord, &first, &len) != 0)
		return;
	if (blen == len && bfirst == first - 12)
		return;
	if (blen == 12 && bfirst % 12 == 0 && first / 12 == bfirst / 12 + 1 &&
	    (first + len - 1) / 12 == first / 12)
		return;
	sp.len = len;
	sp.align = p->gran >= G_SPAN0 ? d->spans[p->gran - G_SPAN0].align :
	    -1 - (int32_t)p->gran;
	sp.blen = blen;
	sp.boff = bfirst - first;
	if ((sl = span_find(d, &sp)) == NULL) {
		p->gran = G_OTHER;
		return;
	}
	p->gran = (uint16_t)(G_SPAN0 + sl->id);
	p->ord = first;
}

/* The first month and the number of months of period s, a form of
 * months_of or a run START/END of them. Returns 0, or -1 for days and
 * other forms. */
static int
run_months(const char *s, int32_t *first, int32_t *len)
{
	size_t n = strlen(s);
	const char *slash = memchr(s, '/', n);
	int32_t a, b, c, e;

	if (slash == NULL) {
		if (months_of(s, n, &a, &b) != 0)
			return -1;
		*first = a;
		*len = b - a + 1;
		return 0;
	}
	/* a run: its first month to its last */
	if (months_of(s, (size_t)(slash - s), &a, &b) != 0 ||
	    months_of(slash + 1, n - (size_t)(slash - s) - 1, &c, &e) != 0 ||
	    e < a || e - a >= 12 * 1000)
		return -1;
	*first = a;
	*len = e - a + 1;
	return 0;
}

/* Fills p's kind, order and first day from period s and, for a change,
 * the base its text names (else ""). */
static void
period_split(struct fig_diff *d, struct period *p, const char *s,
    const char *base)
{
	size_t n = strlen(s);
	int32_t a, b, c, bl;
	int y, m, dd;

	p->gran = G_OTHER;
	p->ord = 0;
	p->start = 0;
	if (n == 0) {
		p->gran = G_NONE;
		return;
	}
	if (run_months(s, &a, &b) == 0) {
		span_kind(d, p, a, b);
		if (base[0] && p->gran != G_OTHER &&
		    run_months(base, &c, &bl) == 0)
			based_kind(d, p, c, bl);
	} else if (n == 10 && s[4] == '-' && s[7] == '-' &&
	    (y = period_digits(s, 4)) >= 0 &&
	    (m = period_digits(s + 5, 2)) >= 1 && m <= 12 &&
	    (dd = period_digits(s + 8, 2)) >= 1 && dd <= 31) {
		p->gran = G_DAY;
		p->ord = p->start = y * 10000 + m * 100 + dd;
	}
	if (span_months(d, p->gran, p->ord, &a, &b) == 0)
		p->start = a / 12 * 10000 + (a % 12 + 1) * 100 + 1;
}

/* The last day of a period as YYYYMMDD (months end on the 31st: only
 * the order matters), so periods of different kinds can be compared;
 * 0 for undated and unknown forms. */
static int32_t
period_end(const struct fig_diff *d, int gran, int32_t ord)
{
	int32_t first, len, last;

	if (gran == G_DAY)
		return ord;
	if (span_months(d, gran, ord, &first, &len) != 0)
		return 0;
	last = first + len - 1;
	return last / 12 * 10000 + (last % 12 + 1) * 100 + 31;
}

/* The id of period s as a change against base ("" for none) has it:
 * one entry per pair, keyed by both joined by a unit separator, which
 * no period holds. */
static int
period_id(struct fig_diff *d, const char *s, const char *base)
{
	size_t len = strlen(s);
	struct fig_buf *k = &d->scratch;
	const char *key = s;
	struct slot *sl;
	struct period *p;

	if (d->last_period >= 0 && strcmp(d->periods[d->last_period].s, s)
	    == 0 && strcmp(d->periods[d->last_period].base, base) == 0)
		return d->last_period;
	if (base[0]) {
		buf_reset(k);
		buf_add(k, s, len);
		buf_addc(k, '\x1f');
		buf_adds(k, base);
		key = k->data;
		len = k->len;
	}
	sl = strtab_find(&d->period_tab, key, len);
	if (sl->id >= 0)
		return d->last_period = sl->id;
	if (d->nperiods == d->capperiods) {
		d->capperiods = d->capperiods ? d->capperiods * 2 : 32;
		d->periods = xrealloc(d->periods,
		    d->capperiods * sizeof *d->periods);
	}
	strtab_fill(d, &d->period_tab, sl, key, len, (int)d->nperiods);
	p = &d->periods[d->nperiods];
	/* the key is the period, then the base after the separator */
	p->s = base[0] ? arena_strndup(d, sl->key, strlen(s)) : sl->key;
	p->base = base[0] ? sl->key + strlen(s) + 1 : "";
	period_split(d, p, p->s, p->base);
	if (p->gran == G_OTHER)
		p->ord = (int32_t)d->nperiods;	/* equality only */
	return d->last_period = (int)d->nperiods++;
}

/* ---- series and sources ---- */

/* A target by its metric's name: slugs of the first vocabulary
 * ("*_target", "*.target", still in old exports) carried goals whatever
 * kind a sentence was given; the second names them by period kind. */
static int
target_name(const char *metric)
{
	size_t n = strlen(metric);

	return n > 7 && (strcmp(metric + n - 7, ".target") == 0 ||
	    strcmp(metric + n - 7, "_target") == 0);
}

/* A change by its metric's name: its measure is "change" ("*.change",
 * or "*_change" of the first vocabulary). */
static int
change_name(const char *metric)
{
	size_t n = strlen(metric);

	return n > 7 && (strcmp(metric + n - 7, ".change") == 0 ||
	    strcmp(metric + n - 7, "_change") == 0);
}

/* The first unit of unit's kind met and how to convert to it; a unit
 * that is not physical (a currency, a share, a count) nor a rate over
 * one ("usd/tonne"), or that no converter is given for, stands alone:
 * never converted. */
static void
unit_conv(struct fig_diff *d, const char *unit, const char **rep,
    double *scale, double *offset)
{
	const struct fig_units *u = d->opts.units;
	double o0, o1;
	size_t i;

	*rep = unit;
	*scale = 1;
	*offset = 0;
	for (i = 0; i < d->nconvs; i++)
		if (strcmp(d->convs[i].name, unit) == 0) {
			*rep = d->convs[i].rep;
			*scale = d->convs[i].scale;
			*offset = d->convs[i].offset;
			return;
		}
	if (!units_convertible(u, unit))
		return;
	/* the units met so far that are their kind's first */
	for (i = 0; i < d->nconvs; i++) {
		const struct unitconv *c = &d->convs[i];
		if (c->rep != c->name)
			continue;
		if (units_convert(u, 0, unit, c->name, &o0) == 0 &&
		    units_convert(u, 1, unit, c->name, &o1) == 0 &&
		    isfinite(o0) && isfinite(o1) && o1 != o0) {
			*rep = c->name;
			*scale = o1 - o0;
			*offset = o0;
			break;
		}
	}
	if (d->nconvs == d->capconvs) {
		d->capconvs = d->capconvs ? d->capconvs * 2 : 8;
		d->convs = xrealloc(d->convs, d->capconvs * sizeof *d->convs);
	}
	d->convs[d->nconvs].name = arena_strndup(d, unit, strlen(unit));
	d->convs[d->nconvs].rep = i < d->nconvs ? *rep :
	    d->convs[d->nconvs].name;
	*rep = d->convs[d->nconvs].rep;
	d->convs[d->nconvs].scale = *scale;
	d->convs[d->nconvs].offset = *offset;
	d->nconvs++;
}

/* The group of metric, entity, partner and the first unit of a kind. */
static int32_t
group_id(struct fig_diff *d, const char *metric, const char *entity,
    const char *partner, const char *rep)
{
	struct fig_buf *k = &d->scratch;
	struct slot *sl;
	struct group *g;

	buf_reset(k);
	buf_add(k, metric, strlen(metric) + 1);
	buf_add(k, entity, strlen(entity) + 1);
	buf_add(k, partner, strlen(partner) + 1);
	buf_adds(k, rep);
	sl = strtab_find(&d->group_tab, k->data, k->len);
	if (sl->id >= 0)
		return sl->id;
	if (d->ngroups == d->capgroups) {
		d->capgroups = d->capgroups ? d->capgroups * 2 : 64;
		d->groups = xrealloc(d->groups,
		    d->capgroups * sizeof *d->groups);
	}
	strtab_fill(d, &d->group_tab, sl, k->data, k->len, (int)d->ngroups);
	g = &d->groups[d->ngroups];
	memset(g, 0, sizeof *g);
	g->best_target = g->latest = g->newest = -1;
	return (int32_t)d->ngroups++;
}

int
diff_series(struct fig_diff *d, const char *metric, const char *entity,
    const char *partner, const char *unit)
{
	struct fig_buf *k = &d->scratch;
	size_t lm = strlen(metric), le = strlen(entity), lp = strlen(partner);
	struct slot *sl;
	struct series *s;
	const char *rep;

	/* metric, entity, partner and unit joined by NULs: no name can
	 * contain one */
	buf_reset(k);
	buf_add(k, metric, lm + 1);
	buf_add(k, entity, le + 1);
	buf_add(k, partner, lp + 1);
	buf_adds(k, unit);
	/* the previous key is kept apart, where it stays in cache */
	if (d->last_series >= 0 && d->last_key.len == k->len &&
	    memcmp(d->last_key.data, k->data, k->len) == 0)
		return d->last_series;
	buf_reset(&d->last_key);
	buf_add(&d->last_key, k->data, k->len);
	sl = strtab_find(&d->series_tab, k->data, k->len);
	if (sl->id >= 0)
		return d->last_series = sl->id;
	if (d->nseries == d->capseries) {
		d->capseries = d->capseries ? d->capseries * 2 : 64;
		d->series = xrealloc(d->series,
		    d->capseries * sizeof *d->series);
		d->series_target = xrealloc(d->series_target,
		    d->capseries);
	}
	strtab_fill(d, &d->series_tab, sl, k->data, k->len, (int)d->nseries);
	s = &d->series[d->nseries];
	memset(s, 0, sizeof *s);
	s->metric = sl->key;
	s->entity = sl->key + lm + 1;
	s->partner = sl->key + lm + 1 + le + 1;
	s->unit = sl->key + lm + 1 + le + 1 + lp + 1;
	d->series_target[d->nseries] = (unsigned char)target_name(metric);
	s->change = change_name(metric);
	unit_conv(d, s->unit, &rep, &s->scale, &s->offset);
	/* group_id reuses the scratch buffer: the key is in the arena */
	s->group = group_id(d, s->metric, s->entity, s->partner, rep);
	return d->last_series = (int)d->nseries++;
}

static int
source_same(const struct source *s, const struct fig_diff_src *src)
{
	return s->pub.doc_id == src->doc_id &&
	    strcmp(s->pub.doc, src->doc ? src->doc : "") == 0 &&
	    strcmp(s->pub.published, src->published ? src->published : "")
	    == 0;
}

static int
source_id(struct fig_diff *d, const struct fig_diff_src *src)
{
	const char *doc = src->doc ? src->doc : "";
	const char *pub = src->published ? src->published : "";
	struct fig_buf *k = &d->scratch;
	struct slot *sl;
	struct source *s;

	if (d->last_source >= 0 &&
	    source_same(d->sources[d->last_source], src))
		return d->last_source;
	buf_reset(k);
	buf_add(k, &src->doc_id, sizeof src->doc_id);
	buf_add(k, doc, strlen(doc) + 1);
	buf_adds(k, pub);
	sl = strtab_find(&d->source_tab, k->data, k->len);
	if (sl->id >= 0)
		return d->last_source = sl->id;
	if (d->nsources == d->capsources) {
		d->capsources = d->capsources ? d->capsources * 2 : 16;
		d->sources = xrealloc(d->sources,
		    d->capsources * sizeof *d->sources);
	}
	strtab_fill(d, &d->source_tab, sl, k->data, k->len,
	    (int)d->nsources);
	s = xmalloc(sizeof *s);
	s->pub.doc_id = src->doc_id;
	s->pub.doc = arena_strndup(d, doc, strlen(doc));
	s->pub.published = arena_strndup(d, pub, strlen(pub));
	s->rank = 0;
	s->newer = 0;
	d->sources[d->nsources] = s;
	return d->last_source = (int)d->nsources++;
}

/* ---- adding figures ---- */

struct fig_diff *
diff_new(const struct fig_diff_opts *o)
{
	struct fig_diff *d = xcalloc(1, sizeof *d);

	if (o)
		d->opts = *o;
	else
		d->opts.tolerance = FIG_DIFF_TOLERANCE;
	if (!(d->opts.tolerance >= 0))	/* NaN too */
		d->opts.tolerance = 0;
	if (d->opts.after) {
		d->after = xstrdup(d->opts.after);
		d->opts.after = d->after;
	}
	d->last_source = d->last_series = d->last_period = -1;
	return d;
}

void
diff_free(struct fig_diff *d)
{
	struct blk *b, *next;

	if (d == NULL)
		return;
	for (b = d->arena; b; b = next) {
		next = b->next;
		free(b);
	}
	for (size_t i = 0; i < d->nsources; i++)
		free(d->sources[i]);
	free(d->series_tab.slots);
	free(d->period_tab.slots);
	free(d->source_tab.slots);
	free(d->group_tab.slots);
	free(d->span_tab.slots);
	free(d->groups);
	free(d->spans);
	free(d->convs);
	free(d->series);
	free(d->series_target);
	free(d->periods);
	free(d->sources);
	free(d->base);
	free(d->newer);
	free(d->keys);
	free(d->rows);
	free(d->after);
	free(d->quotes);
	buf_release(&d->scratch);
	buf_release(&d->last_key);
	free(d);
}

/* Appends q to the quotes; returns its offset. */
static size_t
quote_add(struct fig_diff *d, const char *q)
{
	size_t n = strlen(q) + 1, at = d->nquotes;

	if (d->capquotes - d->nquotes < n) {
		size_t cap = d->capquotes ? d->capquotes : 4096;
		while (cap - d->nquotes < n)
			cap *= 2;
		d->quotes = xrealloc_big(d->quotes, d->nquotes, cap);
		d->capquotes = cap;
	}
	memcpy(d->quotes + at, q, n);
	d->nquotes += n;
	return at;
}

static void
fig_fill(struct fig_diff *d, struct fig *f, const struct fig_diff_in *in,
    const struct fig_diff_src *src)
{
	const char *q = in->quote ? in->quote : "";
	const char *base;

	f->series = in->series;
	/* a change's named base makes its kind of span; others' do not
	 * matter (a share compared with last year's is still a share) */
	base = in->base && in->base[0] && d->series[in->series].change ?
	    in->base : "";
	f->period = period_id(d, in->period, base);
	f->source = source_id(d, src);
	f->quote = quote_add(d, q);
	f->line = in->line;
	f->value = in->value;
	f->low = in->has_low ? in->low : 0;
	f->high = in->has_high ? in->high : 0;
	f->qual = (uint8_t)in->qual;
	f->kind = (uint8_t)in->kind;
	f->flags = (in->has_low ? F_LOW : 0) | (in->has_high ? F_HIGH : 0);
	/* a goal: its period kind or its metric says so */
	if (in->kind == FIG_PK_TARGET || d->series_target[in->series])
		f->flags |= F_TARGET;
}

/* Whether a figure published on pub counts as newer. */
static int
is_newer(const struct fig_diff *d, const struct fig_diff_src *src)
{
	const char *pub = src->published ? src->published : "";
	int c;

	if (d->opts.baseline_doc != 0 && src->doc_id == d->opts.baseline_doc)
		return 0;
	if (pub[0] == '\0')
		return d->opts.undated || d->opts.after == NULL;
	if (d->opts.after == NULL)
		return 1;
	c = diff_date_cmp(pub, d->opts.after);
	return d->opts.inclusive ? c >= 0 : c > 0;
}

void
diff_add(struct fig_diff *d, int baseline, const struct fig_diff_in *f,
    const struct fig_diff_src *src)
{
	if (baseline) {
		if (f->series < 0) {
			d->stats.baseline_nometric++;
			return;
		}
		if (d->nbase == d->capbase) {
			d->capbase = d->capbase ? d->capbase * 2 : 64;
			d->base = xrealloc(d->base,
			    d->capbase * sizeof *d->base);
		}
		fig_fill(d, &d->base[d->nbase++], f, src);
		d->stats.baseline++;
		return;
	}
	if (f->series < 0 || !is_newer(d, src)) {
		d->stats.newer_skipped++;
		return;
	}
	if (d->nnewer == d->capnewer) {
		d->capnewer = d->capnewer ? d->capnewer * 2 : 256;
		d->newer = xrealloc_big(d->newer, d->nnewer * sizeof *d->newer,
		    d->capnewer * sizeof *d->newer);
	}
	fig_fill(d, &d->newer[d->nnewer], f, src);
	if (!d->sources[d->newer[d->nnewer].source]->newer) {
		d->sources[d->newer[d->nnewer].source]->newer = 1;
		d->stats.sources++;
	}
	d->nnewer++;
	d->stats.newer++;
}

/* The claim as diff_add takes it. */
static void
claim_in(struct fig_diff *d, const struct fig_claim *c, struct fig_diff_in *f)
{
	f->series = c->metric[0] ? diff_series(d, c->metric, c->entity,
	    c->partner, c->unit) : -1;
	f->period = c->period;
	f->quote = c->quote;
	f->line = c->line;
	f->value = c->value;
	f->low = c->low;
	f->high = c->high;
	f->has_low = c->has_low;
	f->has_high = c->has_high;
	f->qual = c->qual;
	f->kind = c->kind;
	f->base = c->base;
}

void
diff_add_baseline(struct fig_diff *d, const struct fig_claim *c,
    const struct fig_diff_src *src)
{
	struct fig_diff_in f;

	claim_in(d, c, &f);
	diff_add(d, 1, &f, src);
}

void
diff_add_newer(struct fig_diff *d, const struct fig_claim *c,
    const struct fig_diff_src *src)
{
	struct fig_diff_in f;

	/* the date first: a skipped claim makes no series */
	if (c->metric[0] == '\0' || !is_newer(d, src)) {
		d->stats.newer_skipped++;
		return;
	}
	claim_in(d, c, &f);
	diff_add(d, 0, &f, src);
}

/* ---- classing ---- */

static int
cmp_source(const void *a, const void *b)
{
	const struct source *x = *(struct source *const *)a;
	const struct source *y = *(struct source *const *)b;
	int c = strcmp(x->pub.published, y->pub.published);

	if (c)
		return c;
	return (x->pub.doc_id > y->pub.doc_id) - (x->pub.doc_id < y->pub.doc_id);
}

static int
cmp_key(const void *a, const void *b)
{
	const struct key *x = a, *y = b;

	if (x->series != y->series)
		return x->series < y->series ? -1 : 1;
	if (x->target != y->target)
		return x->target < y->target ? -1 : 1;
	if (x->gran != y->gran)
		return x->gran < y->gran ? -1 : 1;
	if (x->ord != y->ord)
		return x->ord < y->ord ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank > y->rank ? -1 : 1;	/* latest first */
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (x->fig > y->fig) - (x->fig < y->fig);
}

/* First key in [lo, hi) not before (target, gran, ord) of one series. */
static size_t
lower(const struct key *k, size_t lo, size_t hi, int target, int gran,
    int32_t ord)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct key *m = &k[mid];
		int before = m->target != target ? m->target < target :
		    m->gran != gran ? m->gran < gran : m->ord < ord;
		if (before)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The keys [*first, *end) of one (group, target, gran, ord) run. */
static void
group(const struct fig_diff *d, const struct group *g, int target,
    int gran, int32_t ord, size_t *first, size_t *end)
{
	*first = lower(d->keys, g->first, g->end, target, gran, ord);
	*end = *first;
	while (*end < g->end && d->keys[*end].target == target &&
	    d->keys[*end].gran == gran && d->keys[*end].ord == ord)
		(*end)++;
}

/* v, in series from's unit, in series to's unit (the same group). */
static double
convert(const struct fig_diff *d, int32_t from, int32_t to, double v)
{
	const struct series *a = &d->series[from], *b = &d->series[to];

	double r, m;

	if (from == to || v == 0 || !isfinite(v))
		return v;
	r = (v * a->scale + a->offset - b->offset) / b->scale;
	/* 12 significant digits: 0.09 um is 90 nm, not 89.99999999 */
	if (r == 0 || !isfinite(r))
		return r;
	m = pow(10, 11 - floor(log10(fabs(r))));
	return isfinite(m) && isfinite(r * m) ? nearbyint(r * m) / m : r;
}

/* The interval a figure asserts, in series to's unit: its bounds, or
 * the half-line a one-sided qualifier opens, or the point value. */
static void
interval(const struct fig_diff *d, const struct fig *f, int32_t to,
    double *lo, double *hi)
{
	int up = f->qual == FIG_Q_MORE_THAN || f->qual == FIG_Q_AT_LEAST;
	int down = f->qual == FIG_Q_LESS_THAN || f->qual == FIG_Q_AT_MOST ||
	    f->qual == FIG_Q_ALMOST;

	*lo = f->flags & F_LOW ? f->low : down ? -INFINITY : f->value;
	*hi = f->flags & F_HIGH ? f->high : up ? INFINITY : f->value;
	if (isfinite(*lo))
		*lo = convert(d, f->series, to, *lo);
	if (isfinite(*hi))
		*hi = convert(d, f->series, to, *hi);
	if (*lo > *hi) {
		double t = *lo;
		*lo = *hi;
		*hi = t;
	}
}

/* Whether newer figure n is consistent with baseline figure b: the
 * baseline's interval, widened by the tolerance, meets the newer one
 * (in the baseline's unit). A hair of slack absorbs binary rounding
 * (1.2 billion vs 1200 million, 1.4 GW vs 1400 MW). */
static int
agrees(const struct fig_diff *d, const struct fig *b, const struct fig *n)
{
	double tol = d->opts.tolerance + 1e-9;
	double blo, bhi, nlo, nhi;

	interval(d, b, b->series, &blo, &bhi);
	interval(d, n, b->series, &nlo, &nhi);
	if (isfinite(blo))
		blo -= fabs(blo) * tol;
	if (isfinite(bhi))
		bhi += fabs(bhi) * tol;
	return nlo <= bhi && nhi >= blo;
}

/* Adds a row of series s; b and n index base and newer, or are NONE. */
static void
row_add(struct fig_diff *d, enum fig_dclass cls, int32_t s, uint32_t b,
    uint32_t n, int latest)
{
	struct row *r;

	if (d->nrows == d->caprows) {
		d->caprows = d->caprows ? d->caprows * 2 : 64;
		d->rows = xrealloc_big(d->rows, d->nrows * sizeof *d->rows,
		    d->caprows * sizeof *d->rows);
	}
	r = &d->rows[d->nrows++];
	r->series = (uint32_t)s;
	r->base = b;
	r->newer = n;
	r->cls = (uint8_t)cls;
	r->latest = latest != 0;
	if (latest)
		d->stats.decided[cls]++;
}

/* One row per newer source in the run [first, end), latest publication
 * first. Same-period runs (cls < 0) judge each row on its own; other
 * runs are all of class cls. Returns the deciding class. */
static enum fig_dclass
rows_for_group(struct fig_diff *d, uint32_t bi, size_t first, size_t end,
    int cls_all)
{
	const struct fig *b = &d->base[bi];
	enum fig_dclass decided = FIG_D_STALE;
	int32_t last_rank = -1;

	for (size_t i = first; i < end; i++) {
		const struct key *k = &d->keys[i];
		enum fig_dclass cls;

		if (k->rank == last_rank)
			continue;	/* one row per source: its first line */
		last_rank = k->rank;
		if (cls_all >= 0)
			cls = (enum fig_dclass)cls_all;
		else if (agrees(d, b, &d->newer[k->fig]))
			cls = FIG_D_CONFIRMED;
		else
			cls = b->flags & F_TARGET ? FIG_D_TARGET_MOVED :
			    FIG_D_REVISED;
		if (i == first)
			decided = cls;
		row_add(d, cls, b->series, bi, k->fig, i == first);
	}
	return decided;
}

static void
classify(struct fig_diff *d, uint32_t bi)
{
	const struct fig *b = &d->base[bi];
	const struct group *g = &d->groups[d->series[b->series].group];
	const struct period *p = &d->periods[b->period];
	int target = (b->flags & F_TARGET) != 0;
	size_t first, end;

	group(d, g, target, p->gran, p->ord, &first, &end);
	if (first < end) {
		rows_for_group(d, bi, first, end, -1);
		return;
	}
	if (target) {
		/* no restatement for the same date: the latest publication's
		 * target for a date the baseline does not state has moved
		 * it */
		if (g->best_target >= 0) {
			row_add(d, FIG_D_TARGET_MOVED, b->series, bi,
			    d->keys[g->best_target].fig, 1);
			return;
		}
		/* no newer goal: the latest observation of the series says
		 * how far it has come */
		if (g->latest >= 0) {
			const struct key *k = &d->keys[g->latest];
			group(d, g, 0, k->gran, k->ord, &first, &end);
			rows_for_group(d, bi, first, end, FIG_D_RELATED);
			return;
		}
	} else {
		const struct key *k = NULL;
		if (p->gran != G_NONE && p->gran != G_OTHER) {
			/* the last period of this kind of span, if later */
			size_t last = lower(d->keys, g->first, g->end, 0,
			    p->gran + 1, INT32_MIN);
			k = last > g->first ? &d->keys[last - 1] : NULL;
			if (k && (k->target || k->gran != p->gran ||
			    k->ord <= p->ord))
				k = NULL;
		}
		if (k) {
			group(d, g, 0, k->gran, k->ord, &first, &end);
			rows_for_group(d, bi, first, end, FIG_D_UPDATED);
			return;
		}
		/* no like span: the figure whose period ends latest, when it
		 * does not end before the baseline's period begins (an
		 * undated or unknown baseline period: any) */
		k = g->latest >= 0 ? &d->keys[g->latest] : NULL;
		if (k && p->start && period_end(d, k->gran, k->ord) < p->start)
			k = NULL;
		if (k) {
			group(d, g, 0, k->gran, k->ord, &first, &end);
			rows_for_group(d, bi, first, end, FIG_D_RELATED);
			return;
		}
	}
	row_add(d, FIG_D_STALE, b->series, bi, NONE, 1);
}

/* Orders keys by group, target flag and period only. */
static int
cmp_period_key(const void *a, const void *b)
{
	const struct key *x = a, *y = b;

	if (x->series != y->series)
		return x->series < y->series ? -1 : 1;
	if (x->target != y->target)
		return x->target < y->target ? -1 : 1;
	if (x->gran != y->gran)
		return x->gran < y->gran ? -1 : 1;
	return (x->ord > y->ord) - (x->ord < y->ord);
}

/* Precomputes per group its key range, the target a moved baseline
 * target shows, its latest non-target period and the figure a "new"
 * row shows. base_targets (sorted by cmp_period_key) are the dates the
 * baseline's own targets state. */
static void
index_groups(struct fig_diff *d, const struct key *base_targets,
    size_t nbase_targets)
{
	for (size_t i = 0; i < d->ngroups; i++)
		d->groups[i].first = d->groups[i].end = 0;
	for (size_t i = 0; i < d->nnewer; i++) {
		const struct key *k = &d->keys[i];
		struct group *g = &d->groups[k->series];
		int32_t end = period_end(d, k->gran, k->ord);

		if (i == 0 || d->keys[i - 1].series != k->series)
			g->first = i;
		g->end = i + 1;
		if (k->target) {
			/* latest publication, then latest period, then
			 * earliest line (keys come line-ascending) */
			const struct key *o = g->best_target >= 0 ?
			    &d->keys[g->best_target] : NULL;
			if (nbase_targets && bsearch(k, base_targets,
			    nbase_targets, sizeof *k, cmp_period_key))
				continue;
			if (o == NULL || k->rank > o->rank ||
			    (k->rank == o->rank &&
			    end > period_end(d, o->gran, o->ord)))
				g->best_target = (long)i;
		} else {
			/* latest period end, then latest publication */
			const struct key *o = g->latest >= 0 ?
			    &d->keys[g->latest] : NULL;
			int32_t oend = o ? period_end(d, o->gran, o->ord) : 0;
			if (o == NULL || end > oend ||
			    (end == oend && k->rank > o->rank))
				g->latest = (long)i;
		}
	}
	/* a new series shows its latest figure, or its latest target */
	for (size_t i = 0; i < d->ngroups; i++)
		d->groups[i].newest = d->groups[i].latest >= 0 ?
		    d->groups[i].latest : d->groups[i].best_target;
}

/* A baseline figure's place in the rows: source, then line. */
struct border {
	int rank;
	long line;
	uint32_t fig;
};

static int
cmp_border(const void *a, const void *b)
{
	const struct border *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (x->fig > y->fig) - (x->fig < y->fig);
}

static int
cmp_series_name(const void *a, const void *b)
{
	const struct series *x = *(struct series *const *)a;
	const struct series *y = *(struct series *const *)b;
	int c = strcmp(x->metric, y->metric);

	if (c == 0)
		c = strcmp(x->entity, y->entity);
	if (c == 0)
		c = strcmp(x->partner, y->partner);
	if (c == 0)
		c = strcmp(x->unit, y->unit);
	return c;
}

size_t
diff_run(struct fig_diff *d)
{
	struct source **order;
	struct series **fresh;
	struct border *bo;
	struct key *bt;
	size_t *at, nbt = 0;
	size_t nfresh = 0;

	if (d->ran)
		return d->nrows;
	d->ran = 1;

	/* publication ranks, oldest first */
	order = xmalloc((d->nsources ? d->nsources : 1) * sizeof *order);
	if (d->nsources)
		memcpy(order, d->sources, d->nsources * sizeof *order);
	qsort(order, d->nsources, sizeof *order, cmp_source);
	for (size_t i = 0; i < d->nsources; i++)
		order[i]->rank = (int)i;
	free(order);

	/* sort the newer figures' keys: bucket them by group (ids are
	 * dense), then sort each bucket, which fits in cache */
	d->keys = xrealloc_big(NULL, 0, (d->nnewer ? d->nnewer : 1) *
	    sizeof *d->keys);
	at = xcalloc(d->ngroups + 1, sizeof *at);
	for (size_t i = 0; i < d->nnewer; i++)
		at[d->series[d->newer[i].series].group + 1]++;
	for (size_t i = 0; i < d->ngroups; i++)
		at[i + 1] += at[i];
	for (size_t i = 0; i < d->nnewer; i++) {
		const struct fig *f = &d->newer[i];
		const struct period *p = &d->periods[f->period];
		int32_t gi = d->series[f->series].group;
		struct key *k = &d->keys[at[gi]++];

		k->series = (uint32_t)gi;
		k->target = (f->flags & F_TARGET) != 0;
		k->gran = p->gran;
		k->ord = p->ord;
		k->rank = d->sources[f->source]->rank;
		k->line = f->line > INT32_MAX ? INT32_MAX : (int32_t)f->line;
		k->fig = (uint32_t)i;
	}
	/* at[g] now ends bucket g, which starts where bucket g - 1 ends */
	for (size_t i = 0; i < d->ngroups; i++) {
		size_t from = i ? at[i - 1] : 0;
		qsort(d->keys + from, at[i] - from, sizeof *d->keys, cmp_key);
	}
	free(at);

	/* the dates the baseline's targets state, per group */
	bt = xmalloc((d->nbase ? d->nbase : 1) * sizeof *bt);
	for (size_t i = 0; i < d->nbase; i++) {
		const struct period *p = &d->periods[d->base[i].period];
		if (!(d->base[i].flags & F_TARGET))
			continue;
		memset(&bt[nbt], 0, sizeof bt[nbt]);
		bt[nbt].series = (uint32_t)d->series[d->base[i].series].group;
		bt[nbt].target = 1;
		bt[nbt].gran = p->gran;
		bt[nbt].ord = p->ord;
		nbt++;
	}
	qsort(bt, nbt, sizeof *bt, cmp_period_key);
	index_groups(d, bt, nbt);
	free(bt);

	/* the baseline in source, then line order */
	bo = xmalloc((d->nbase ? d->nbase : 1) * sizeof *bo);
	for (size_t i = 0; i < d->nbase; i++) {
		bo[i].rank = d->sources[d->base[i].source]->rank;
		bo[i].line = d->base[i].line;
		bo[i].fig = (uint32_t)i;
	}
	qsort(bo, d->nbase, sizeof *bo, cmp_border);
	for (size_t i = 0; i < d->nbase; i++) {
		d->groups[d->series[d->base[bo[i].fig].series].group]
		    .in_baseline = 1;
		classify(d, bo[i].fig);
	}
	free(bo);

	/* groups only newer sources report, by the series of the figure
	 * each shows */
	fresh = xmalloc((d->ngroups ? d->ngroups : 1) * sizeof *fresh);
	for (size_t i = 0; i < d->ngroups; i++)
		if (!d->groups[i].in_baseline && d->groups[i].newest >= 0)
			fresh[nfresh++] = &d->series[d->newer[
			    d->keys[d->groups[i].newest].fig].series];
	qsort(fresh, nfresh, sizeof *fresh, cmp_series_name);
	for (size_t i = 0; i < nfresh; i++) {
		const struct group *g = &d->groups[fresh[i]->group];
		row_add(d, FIG_D_NEW, (int32_t)(fresh[i] - d->series), NONE,
		    d->keys[g->newest].fig, 1);
	}
	free(fresh);
	return d->nrows;
}

static void
fig_expand(const struct fig_diff *d, const struct fig *f,
    struct fig_diff_fig *out)
{
	out->quote = d->quotes + f->quote;
	out->line = f->line;
	out->value = f->value;
	out->low = f->low;
	out->high = f->high;
	out->has_low = (f->flags & F_LOW) != 0;
	out->has_high = (f->flags & F_HIGH) != 0;
	out->qual = (enum fig_qual)f->qual;
	out->kind = (enum fig_pkind)f->kind;
	out->period = d->periods[f->period].s;
	out->src = &d->sources[f->source]->pub;
}

/* Whether a unit is a share or a rate in points, whose relative
 * change would mislead. */
static int
percentage(const char *unit)
{
	return strcmp(unit, "percent") == 0 ||
	    strcmp(unit, "percentage_point") == 0 ||
	    strcmp(unit, "basis_point") == 0;
}

int
diff_row_latest(const struct fig_diff *d, size_t i)
{
	return d->rows[i].latest;
}

void
diff_row(const struct fig_diff *d, size_t i, struct fig_diff_row *r)
{
	const struct row *w = &d->rows[i];
	const struct series *s = &d->series[w->series];

	/* Callers walk the rows in order, and a row's figures and quotes
	 * lie anywhere in a hundred megabytes: a cache miss each, most of
	 * the time of writing a row. Ask for the figures of the row 16
	 * ahead and the quotes of the row 8 ahead. (Written out here: GCC
	 * 12 drops a call to a function that only prefetches.) */
	if (i + 16 < d->nrows) {
		const struct row *a = &d->rows[i + 16];
		if (a->newer != NONE)
			__builtin_prefetch(&d->newer[a->newer]);
		if (a->base != NONE)
			__builtin_prefetch(&d->base[a->base]);
	}
	if (i + 8 < d->nrows) {
		const struct row *a = &d->rows[i + 8];
		if (a->newer != NONE)
			__builtin_prefetch(d->quotes +
			    d->newer[a->newer].quote);
		if (a->base != NONE)
			__builtin_prefetch(d->quotes +
			    d->base[a->base].quote);
	}

	memset(r, 0, sizeof *r);
	r->cls = (enum fig_dclass)w->cls;
	r->latest = w->latest;
	r->metric = s->metric;
	r->entity = s->entity;
	r->partner = s->partner;
	r->unit = s->unit;
	if ((r->has_base = w->base != NONE))
		fig_expand(d, &d->base[w->base], &r->base);
	if ((r->has_newer = w->newer != NONE)) {
		const struct fig *n = &d->newer[w->newer];
		fig_expand(d, n, &r->newer);
		/* in the row's unit */
		r->newer.value = convert(d, n->series, (int32_t)w->series,
		    n->value);
		r->newer.low = convert(d, n->series, (int32_t)w->series, n->low);
		r->newer.high = convert(d, n->series, (int32_t)w->series,
		    n->high);
	}
	/* a related figure is over another kind of span: the difference
	 * of the two would compare unlike with unlike */
	if (r->has_base && r->has_newer && r->cls != FIG_D_RELATED) {
		r->has_change = 1;
		r->change_abs = r->newer.value - r->base.value;
		/* a change between two percentages is in points: 40 % to
		 * 42 % is 2 points, not 5 % */
		if (r->base.value != 0 && !percentage(s->unit)) {
			r->has_rel = 1;
			r->change_rel = r->change_abs / fabs(r->base.value);
		}
	}
}

const struct fig_diff_stats *
diff_stats(const struct fig_diff *d)
{
	return &d->stats;
}

/* ---- the record ---- */

static const char *
num(char *buf, double v)
{
	claim_fmt_number(v, buf, 64);
	return buf;
}

void
diff_row_fields(const struct fig_diff_row *r, const char **v,
    char nb[][64])
{
	const struct fig_diff_fig *b = r->has_base ? &r->base : NULL;
	const struct fig_diff_fig *n = r->has_newer ? &r->newer : NULL;

	for (int i = 0; i < DIFF_NCOLUMNS; i++)
		v[i] = "";
	v[0] = diff_class_name(r->cls);
	v[1] = r->metric;
	v[2] = r->entity;
	v[3] = r->unit;
	if (b) {
		v[4] = b->period;
		v[5] = num(nb[0], b->value);
		if (b->has_low)
			v[6] = num(nb[1], b->low);
		if (b->has_high)
			v[7] = num(nb[2], b->high);
		v[8] = b->quote;
		v[9] = b->src ? b->src->doc : "";
		v[10] = num(nb[3], (double)b->line);
		v[22] = b->src ? b->src->published : "";
		v[23] = claim_qual_name(b->qual);
		v[24] = claim_kind_name(b->kind);
	}
	if (n) {
		v[11] = n->period;
		v[12] = num(nb[4], n->value);
		if (n->has_low)
			v[13] = num(nb[5], n->low);
		if (n->has_high)
			v[14] = num(nb[6], n->high);
		v[15] = n->quote;
		v[16] = n->src ? n->src->doc : "";
		v[17] = num(nb[7], (double)n->line);
		v[18] = n->src ? n->src->published : "";
		v[25] = claim_qual_name(n->qual);
		v[26] = claim_kind_name(n->kind);
	}
	if (r->has_change)
		v[19] = num(nb[8], r->change_abs);
	if (r->has_rel)
		v[20] = num(nb[9], r->change_rel);
	v[21] = r->latest ? "1" : "0";
	v[27] = r->partner;
}

int
diff_parse_tolerance(const char *s, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (end == s || errno != 0)
		return -1;
	if (*end == '%') {
		v /= 100;
		end++;
	}
	if (*end != '\0' || !isfinite(v) || v < 0)
		return -1;
	*out = v;
	return 0;
}
