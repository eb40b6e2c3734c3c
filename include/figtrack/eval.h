/* eval.h: scoring an extraction against a gold file (formats.md section
 * 2) and a negatives file: which gold claims were found, with which
 * fields right, and which extracted claims should not exist. */
#ifndef FIGTRACK_EVAL_H
#define FIGTRACK_EVAL_H

#include "figtrack/claim.h"
#include "figtrack/err.h"

struct fig_units;

/* One gold row, or one negative (quote and line only). */
struct fig_gold {
	struct fig_claim c;	/* quote, line and the expected fields */
	char periods[128];	/* the period column whole: its readings,
				   '|' between, may not fit c.period */
	int has_value;
	int optional;
	int has_metric;		/* gold metric column is set */
	long long start;	/* the quote's place in the document, or -1 */
	long long end;
	int match;		/* index of the matched claim, or -1 */
};

/* The counts of a scoring, of one document or summed over many. */
struct fig_eval_score {
	int ngold;		/* gold rows, optional ones included */
	int nclaims;		/* claims extracted */
	int nneg;		/* negatives listed */
	int required;		/* non-optional gold rows */
	int found;		/* of those, matched with value and unit right */
	int extracted;		/* claims not matched to optional rows */
	int matched;		/* required rows matched at all */
	int period_ok, kind_ok, footnote_ok, metric_ok, metric_n;
	/* over the rows with a gold metric: entity, partner, and all three
	 * of the series key right */
	int entity_ok, partner_ok, series_ok;
	/* over the matched rows with a gold page (PDF documents) */
	int page_ok, page_n;
	int neg_hits;
	double precision, recall, f1;
};

struct fig_eval {
	struct fig_claim *claims;	/* the extraction, owned */
	int nclaims;
	int *claim_gold;	/* per claim: gold row matched or -1 */
	int *claim_neg;		/* per claim: negative hit or -1 */
	struct fig_gold *gold;
	int ngold;
	struct fig_gold *neg;
	int nneg;
	struct fig_eval_score score;	/* results, by eval_score */
	struct fig_units *units;	/* for values in another unit, read
					   when first needed; owned */
	int units_tried;
};

void eval_init(struct fig_eval *e);
void eval_release(struct fig_eval *e);

/* Adds a copy of claim c to the extraction. */
void eval_add_claim(struct fig_eval *e, const struct fig_claim *c);

/* Reads a gold CSV (negatives = 0) or a negatives CSV (negatives = 1). */
int eval_read(struct fig_eval *e, const char *path, int negatives,
    struct fig_err *err);

/* Locates gold and negative quotes in the document at path (its lines),
 * matches them to the claims and fills the results. */
int eval_score(struct fig_eval *e, const char *path, struct fig_err *err);

/* Same, for a document as extraction read it: text[0..len), and per line
 * its line in the original (origin; NULL: the lines themselves), as a
 * converted HTML page has them (reader.h). */
int eval_score_text(struct fig_eval *e, const char *text, size_t len,
    const long *origin, struct fig_err *err);

/* The gold and negative rows were written against src, another rendering
 * of the document doc (the text a PDF was made from): each row moves to
 * the line of doc holding the same occurrence (first, second, ...) of
 * its quote, or to no line when doc has fewer. Call before scoring. */
void eval_rebase(struct fig_eval *e, const char *src, size_t srclen,
    const char *doc, size_t doclen);

/* Same value, tolerating float noise. */
int eval_same_value(double a, double b);

/* Does a claim's period fit the gold's, one of whose "|"-separated
 * readings it must be? */
int eval_period_ok(const char *gold, const char *got);

/* Adds the counts of add (NULL: none) to sum's, a corpus scored as one
 * (micro averages), and recomputes sum's precision, recall and F1. */
void eval_sum(struct fig_eval_score *sum, const struct fig_eval_score *add);

#endif
