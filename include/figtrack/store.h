/* store.h: the SQLite store. One database holds every document, its
 * claims and its parsed references; the series view lines figures up by
 * metric and entity. Schema versioned with PRAGMA user_version. */
#ifndef FIGTRACK_STORE_H
#define FIGTRACK_STORE_H

#include "figtrack/claim.h"
#include "figtrack/err.h"
#include "figtrack/extract.h"

struct fig_store;

/* A document row. Strings are owned by whoever filled the struct; use
 * store_doc_release for ones the store filled. */
struct fig_doc {
	long long id;
	char *path;		/* as given to add/import */
	char *title;
	char kind[16];		/* report | article | dataset */
	char published[16];	/* YYYY[-MM[-DD]] */
	char sha256[65];	/* hex of the content */
	char added[32];		/* ISO-8601 UTC time it was stored */
	long nclaims;
	char *source;		/* metadata source:, or NULL/"" */
	char *url;		/* metadata url:, or NULL/"" */
};

void store_doc_release(struct fig_doc *d);

/* Returns 0 when s is a date YYYY, YYYY-MM or YYYY-MM-DD with a real
 * month and day, else -1. */
int store_date_valid(const char *s);

/* RDONLY: read only, the file must exist; NOCREATE: read-write, the
 * file must exist (rm). */
enum { FIG_STORE_RDONLY = 1, FIG_STORE_NOCREATE = 2 };

/* The database path: opt (--db) when not NULL, else $FIGTRACK_DB, else
 * "figtrack.db". Borrowed string. */
const char *store_default_path(const char *opt);

/* Opens (creating unless FIG_STORE_RDONLY) and migrates the database at
 * path (":memory:" works). A file that is not a figtrack database, or a
 * corrupt one, is an error with code FIG_EDB. Writers wait for a lock up
 * to the busy timeout: $FIGTRACK_BUSY_TIMEOUT milliseconds, default
 * 5000. */
int store_open(struct fig_store **out, const char *path, int flags,
    struct fig_err *err);
void store_close(struct fig_store *s);
/* The path the store was opened with. Borrowed. */
const char *store_path(const struct fig_store *s);

int store_begin(struct fig_store *s, struct fig_err *err);
int store_commit(struct fig_store *s, struct fig_err *err);
/* Never fails; safe to call when no transaction is open. */
void store_rollback(struct fig_store *s);

/* Sets *id to the document with this content hash, or 0. */
int store_doc_by_sha(struct fig_store *s, const char *sha256, long long *id,
    struct fig_err *err);
/* Inserts d (id ignored) and sets d->id; an empty d->added is set to
 * the current UTC time. */
int store_doc_insert(struct fig_store *s, struct fig_doc *d,
    struct fig_err *err);
/* Rewrites title, kind, published, source and url of document d->id
 * (add learns the title and date only as the document streams by). */
int store_doc_update(struct fig_store *s, const struct fig_doc *d,
    struct fig_err *err);
/* Stores claim c (copied: c may be reused at once) of document doc_id.
 * Inside a transaction claims are written in batches: the claim may
 * reach the database only at a later call, and an error it meets (a
 * doc_id that does not exist) may then be reported by that call, at the
 * latest by store_commit. Every store call that reads or removes claims
 * sees them all. Outside a transaction the claim is written at once. */
int store_claim_insert(struct fig_store *s, long long doc_id,
    const struct fig_claim *c, struct fig_err *err);
/* Same, with the source date and URL given directly instead of through
 * a reference (imported records carry them); NULL or "" for none. */
int store_claim_insert_src(struct fig_store *s, long long doc_id,
    const struct fig_claim *c, const char *source_date,
    const char *source_url, struct fig_err *err);
int store_ref_insert(struct fig_store *s, long long doc_id,
    const struct fig_ref *r, struct fig_err *err);

/* Finds a document by id, exact title or exact path; more than one match
 * is an error listing them. The caller releases *d. */
int store_doc_find(struct fig_store *s, const char *spec, struct fig_doc *d,
    struct fig_err *err);
/* The baseline of a diff: the document spec names (as store_doc_find
 * finds it) or, spec NULL, the oldest dated document of kind "report",
 * else the first undated one; none is a usage error. The caller releases
 * *d. */
int store_doc_baseline(struct fig_store *s, const char *spec,
    struct fig_doc *d, struct fig_err *err);
/* Removes a document with its claims and references. */
int store_doc_remove(struct fig_store *s, long long id, struct fig_err *err);

typedef int (*store_doc_fn)(void *ctx, const struct fig_doc *d);
/* Every document, oldest publication first. */
int store_each_doc(struct fig_store *s, store_doc_fn fn, void *ctx,
    struct fig_err *err);

/* What store_each_claim selects; NULL/0 fields select everything. */
struct fig_query {
	const char *metric;
	const char *entity;
	const char *partner;
	const char *since;	/* documents published on or after */
	long long doc_id;	/* one document */
	int with_metric;	/* only claims whose metric is set */
};

/* A stored claim with its document and the reference behind it. */
struct fig_row {
	struct fig_claim claim;	/* claim.doc is the document's title */
	const struct fig_doc *doc;
	const char *source_date;	/* "" when no reference matched */
	const char *source_url;
};

typedef int (*store_row_fn)(void *ctx, const struct fig_row *r);
/* Calls fn for each matching claim ordered by metric, entity, period,
 * publication date, document title, document id, line, byte offset and
 * insertion order. Everything is borrowed. The title before the id makes
 * the order survive export -> import -> export, where ids change. */
int store_each_claim(struct fig_store *s, const struct fig_query *q,
    store_row_fn fn, void *ctx, struct fig_err *err);

/* A stored claim reduced to what a comparison of figures reads (diff):
 * no footnote, sentence, offsets or rule, and its document reduced to
 * a name and a date. Everything is borrowed: valid during the call. */
struct fig_figure {
	long long claim_id;
	long long doc_id;
	/* the series: metric, entity and unit, and a dense number for it
	 * (0 up, the same for the same series in one walk) that a caller
	 * can keep per-series state under in an array; the strings stay
	 * valid for the whole walk */
	const char *metric;	/* "" when no topic rule named it */
	const char *entity;
	const char *partner;	/* "" when the measure has none */
	const char *unit;
	int series;
	const char *doc;	/* the document's title, else its path */
	/* when the figure was published: an imported dataset's row gives
	 * its own date (set by the import, else its reference's) when it
	 * has one; other figures date from their document */
	const char *published;
	long line;
	const char *quote;
	const char *period;
	/* the comparison base its text names for a change ("compared to
	 * the second half of 2021": "2021-H2"), or "" */
	const char *base;
	double value;
	double low;		/* meaningful when has_low */
	double high;		/* meaningful when has_high */
	int has_low;
	int has_high;
	enum fig_qual qual;
	enum fig_pkind kind;
};

typedef int (*store_figure_fn)(void *ctx, const struct fig_figure *f);
/* Calls fn for each claim of document doc_id, or of every document
 * when doc_id is 0. With ordered, in store_each_claim's order; else in
 * the order the claims were stored, which costs SQLite no sort and no
 * lookup of a series per claim: a million claims read in a fraction of
 * the time store_each_claim takes. */
int store_each_figure(struct fig_store *s, long long doc_id, int ordered,
    store_figure_fn fn, void *ctx, struct fig_err *err);

/* One series of the series list. */
struct fig_series {
	const char *metric;
	const char *entity;
	const char *unit;
	long figures;
	const char *first_period;
	const char *last_period;
	const char *partner;
};
typedef int (*store_series_fn)(void *ctx, const struct fig_series *s);
/* One call per metric, entity, partner and unit with a metric set, in
 * that order. Everything is borrowed. */
int store_each_series(struct fig_store *s, store_series_fn fn, void *ctx,
    struct fig_err *err);

#endif
