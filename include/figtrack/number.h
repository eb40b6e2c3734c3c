/* number.h: reading one number as written in prose: digits with thousands
 * separators and decimals, number words and their compounds, fractions. */
#ifndef FIGTRACK_NUMBER_H
#define FIGTRACK_NUMBER_H

#include <stddef.h>

#include "figtrack/rules.h"

enum {
	FIG_NUM_WORD = 1,	/* written as a word ("two", "a dozen") */
	FIG_NUM_WEAK = 2,	/* a word that needs a real unit ("one") */
	FIG_NUM_FRACTION = 4,	/* "half", "a third": a share of a whole */
	FIG_NUM_YEARLIKE = 8,	/* four plain digits 1000..2999: maybe a year */
	FIG_NUM_INTEGER = 16	/* no decimals */
};

/* Parses s[0..n) (digits as "2,000", "59.1", or the number words of r,
 * which may be NULL for digits only). Returns 0 and sets *v and *flags,
 * or -1 when s is not a number. */
int number_parse(const struct fig_rules *r, const char *s, size_t n,
    double *v, int *flags);

#endif
