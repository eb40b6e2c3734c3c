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
	FIG_NUM_INTEGER = 16,	/* no decimals */
	FIG_NUM_DECIMAL_COMMA = 32,	/* "27,7": the text writes decimal
					   commas */
	FIG_NUM_COMMA3 = 64,	/* "28,946", read as thousands: maybe a
				   decimal comma */
	FIG_NUM_DOT3 = 128	/* "780.000", read as a decimal: maybe
				   thousands */
};

/* Parses s[0..n) (digits as "2,000", "59.1", "27,7", "2,77,000", or the number words of r,
 * which may be NULL for digits only). Returns 0 and sets *v and *flags,
 * and *word (when not NULL) to the number word read or NULL; returns -1
 * when s is not a number. */
int number_parse(const struct fig_rules *r, const char *s, size_t n,
    double *v, int *flags, const struct fig_numword **word);

/* Offset of the first place in s[from..to) where a number may start: a
 * digit or a number word of r, not glued to a word, a decimal point or a
 * model name ("S-400"). Returns to when there is none. This is the cheap
 * first pass before the quantity pattern. */
size_t number_scan(const struct fig_rules *r, const char *s, size_t from,
    size_t to);

#endif
