/* period.h: periods ("2020", "2022-06", "2022-H1", "2021-Q3",
 * "2022-06-30"): parsing user-given ones, building them from the named
 * groups of a date-phrase match, and placing them on a time line. */
#ifndef FIGTRACK_PERIOD_H
#define FIGTRACK_PERIOD_H

#include <stddef.h>

#include "figtrack/rules.h"

#define FIG_PERIOD_LEN 16

/* Value of the n ASCII digits at s, or -1 when one is not a digit. */
int period_digits(const char *s, int n);

/* Validates and normalises s into out ("2022-6" is refused: two-digit
 * months and days). Accepts YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1/H2,
 * YYYY-Q1..Q4. Returns 0, or -1 when s is not a period. */
int period_parse(const char *s, char out[FIG_PERIOD_LEN]);

/* Same, but only plain dates: YYYY, YYYY-MM or YYYY-MM-DD. */
int period_parse_date(const char *s, char out[FIG_PERIOD_LEN]);

/* Month number 1..12 of an English month name or its abbreviation in
 * s[0..n) ("June", "Sept", "dec"), or 0. */
int period_month(const char *s, size_t n);

/* The year of a period, or 0 when empty or malformed. */
int period_year(const char *p);

/* Where a period sits on a time line, as a decimal year at its middle:
 * "2022" -> 2022.5, "2022-H1" -> 2022.25, "2022-06" -> 2022.458. Returns
 * 0 when empty or malformed. */
double period_mid(const char *p);

/* Orders two periods by their start, then by length (longer first);
 * empty periods sort first. */
int period_cmp(const char *a, const char *b);

/* Builds a period from a date-phrase match of rule pr (groups year,
 * month, day, half, quarter, span) in md over subject s. Returns 0 and
 * fills out, or -1 when the groups do not make a valid period. A span
 * (the first month of a run ending at month) makes a half, a quarter or
 * the year when it is one; a run from January that is none of them (a
 * year-to-date total) has no period in formats.md: 1 is returned and
 * out gets its year, which dates nothing by itself; so does a run of
 * years (year to until), out getting the last. */
int period_from_match(const struct fig_periodrule *pr,
    pcre2_match_data *md, char out[FIG_PERIOD_LEN]);
/* The offset and step (months: 12, 3 or 1) of a relative date phrase
 * ("last month", "this quarter"): the rule's own, or what its groups
 * this, next and unit name. */
void period_relative(const struct fig_periodrule *pr, pcre2_match_data *md,
    int *offset, int *step);

/* The years an anaphor counts from the last date named: the rule's
 * offset, or what its group back ("two years earlier": -2) or ahead ("a
 * year later": 1) counts; a word that is no number ("the previous
 * year") counts one. */
int period_anaphor_offset(const struct fig_periodrule *pr,
    pcre2_match_data *md);

/* The part of a year a date phrase without a year names ("in June",
 * "in the first quarter"): returns 'M', 'Q' or 'H' and sets *n to the
 * month (1..12), quarter or half; for "the first n months" 'Q' or 'H'
 * with *n 1, else 'F' with *n months (a run with no period of its own);
 * or returns 0. */
int period_match_part(const struct fig_periodrule *pr, pcre2_match_data *md,
    int *n);

#endif
