/* quantity.h: a number with its unit, scale, qualifier, bounds and
 * direction, read from one match of the assembled quantity pattern. */
#ifndef FIGTRACK_QUANTITY_H
#define FIGTRACK_QUANTITY_H

#include <stddef.h>

#include "figtrack/claim.h"
#include "figtrack/rules.h"

struct fig_qty {
	size_t start;		/* match in the subject */
	size_t end;
	size_t nstart;		/* the (first) number itself */
	size_t nend;
	double value;		/* canonical unit, scale and sign applied */
	int has_low;
	double low;
	int has_high;
	double high;
	enum fig_qual qual;
	const struct fig_unit *unit;	/* never NULL for a claim */
	char unit_name[FIG_UNIT_MAX];
	int numflags;		/* FIG_NUM_* of the first number */
	int dir;		/* -1 fell, +1 rose, 0 unstated */
	int scaled;		/* a scale word followed the number */
};

/* Reads the match in md (of r->quantity over s[0..len)) into q;
 * decimal_comma says the document writes decimal commas, so a lone
 * ",ddd" is a decimal and ".ddd" thousands (number.h). Returns
 * 1 when it is a quantity that can be a claim, 0 when it is a bare number
 * or otherwise not a claim (no unit, a year with a guessed count noun,
 * "one" without a real unit, ...). */
int quantity_from_match(const struct fig_rules *r, pcre2_match_data *md,
    const char *s, size_t len, int decimal_comma, struct fig_qty *q);

/* The same for a bare number: returns 1 when the match is a number with
 * no unit that could still be a figure if its context names the unit
 * (not a year, a fraction or a weak word such as "one"), with q->unit
 * NULL and q->unit_name empty; 0 otherwise, also when the match is a
 * figure quantity_from_match() takes. extract.c decides the unit
 * ("implied units", docs/rules.md). */
int quantity_bare(const struct fig_rules *r, pcre2_match_data *md,
    const char *s, size_t len, int decimal_comma, struct fig_qty *q);

/* Is the match in md two bare numbers joined as a range ("women aged
 * 15 to 19", "ages 20-24")? Such a range names a group or a class, and
 * no unit makes it a figure, so neither of its numbers is one alone:
 * returns where the range ends, or 0 when the match is no bare range. */
size_t quantity_bare_range(const struct fig_rules *r, pcre2_match_data *md,
    const char *s, size_t len, int decimal_comma);

/* A fall: negates the value and swaps the bounds ("more than 5%" lower
 * is at most -5). */
void quantity_negate(struct fig_qty *q);

#endif
