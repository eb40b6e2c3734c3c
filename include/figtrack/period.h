/* period.h: periods ("2020", "2022-06", "2022-H1", "2021-Q3",
 * "2022-06-30", and runs of time as ISO 8601 intervals "2023-01/2023-10"):
 * parsing user-given ones, building them from the named groups of a
 * date-phrase match, and placing them on a time line. */
#ifndef FIGTRACK_PERIOD_H
#define FIGTRACK_PERIOD_H

#include <stddef.h>

#include "figtrack/rules.h"

/* room for the longest interval, "2022-01-15/2023-12-31" */
#define FIG_PERIOD_LEN 32

/* Value of the n ASCII digits at s, or -1 when one is not a digit. */
int period_digits(const char *s, int n);

/* The day n days after date d ("YYYY-MM-DD"; n may be negative) into
 * out; -1 when d is no such date. */
int period_add_days(const char *d, int n, char out[FIG_PERIOD_LEN]);

/* Validates and normalises s into out ("2022-6" is refused: two-digit
 * months and days). Accepts YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1/H2,
 * YYYY-Q1..Q4. Returns 0, or -1 when s is not a period. */
int period_parse(const char *s, char out[FIG_PERIOD_LEN]);

/* Same, but only plain dates: YYYY, YYYY-MM or YYYY-MM-DD. */
int period_parse_date(const char *s, char out[FIG_PERIOD_LEN]);

/* Month number 1..12 of an English month name or its abbreviation in
 * s[0..n) ("June", "Sept", "dec"), or 0. */
int period_month(const char *s, size_t n);

/* The year of a period (of an interval, its end's), or 0 when empty or
 * malformed. */
int period_year(const char *p);

/* The first year of a period (of an interval, its start's), or 0. */
int period_first_year(const char *p);

/* Writes into out the interval from period a to period b ("2022-02" and
 * "2023-07" make "2022-02/2023-07"); a equal to b is a itself. Returns
 * 0, or -1 when either is not a period (intervals are not joined) or b
 * starts before a. */
int period_interval(const char *a, const char *b, char out[FIG_PERIOD_LEN]);

/* Writes into out period p moved by years ("2023-01/2023-10" and -1 make
 * "2022-01/2022-10"). Returns 0, or -1 when p is malformed. */
int period_shift(const char *p, int years, char out[FIG_PERIOD_LEN]);

/* Where a period sits on a time line, as a decimal year at its middle:
 * "2022" -> 2022.5, "2022-H1" -> 2022.25, "2022-06" -> 2022.458. Returns
 * 0 when empty or malformed. */
double period_mid(const char *p);

/* Orders two periods by their start, then by length (longer first);
 * empty periods sort first. */
int period_cmp(const char *a, const char *b);

/* Builds a period from a date-phrase match of rule pr (groups year,
 * month, day, half, quarter, span, list, months, until) in md. Returns 0
 * and fills out, or -1 when the groups do not make a valid period. A
 * span (the first month of a run ending at month) makes the interval of
 * its months ("January-October 2023" is "2023-01/2023-10", "January-June
 * 2023" "2023-01/2023-06"), or the year when it runs through all twelve;
 * the first n months (months) a quarter or a half when they make one;
 * a list of two months
 * ("July and August 2021": the group list holds the first) is dated by
 * its year; a run of years (year to until) is the interval of years. */
int period_from_match(const struct fig_periodrule *pr,
    pcre2_match_data *md, char out[FIG_PERIOD_LEN]);
/* Did a date-phrase match of rule pr set its group since ("since
 * February 2022": a run from the date to publication)? */
int period_is_since(const struct fig_periodrule *pr, pcre2_match_data *md);

/* Did it set its group this ("the first quarter of this year": of the
 * publication year)? */
int period_is_this(const struct fig_periodrule *pr, pcre2_match_data *md);
/* Did the match in md of rule pr set its group "same" ("the same period
 * of 2021": the period named last, in that year)? */
int period_is_same(const struct fig_periodrule *pr, pcre2_match_data *md);

/* How many months back a relative date phrase's group months counts
 * ("over the last three months": 3), or 0 when it has none. */
int period_last_months(const struct fig_periodrule *pr,
    pcre2_match_data *md);

/* The same in years, when the group unit names them ("over the past two
 * years": 2); -1 for a count of years that is none of 2 to 24, 0 when
 * the unit is not years. */
int period_last_years(const struct fig_periodrule *pr,
    pcre2_match_data *md);

/* The offset and step (months: 12, 3 or 1; 0 for a week) of a relative
 * date phrase ("last month", "this quarter", "this week"): the rule's
 * own, or what its groups this, next and unit name. */
void period_relative(const struct fig_periodrule *pr, pcre2_match_data *md,
    int *offset, int *step);

/* The day a relative date phrase's group unit names when it is a day of
 * the week ("on Monday"): the latest such day on or before date d, into
 * out. 0; 1 when the group names no weekday; -1 when d has no day. */
int period_weekday(const struct fig_periodrule *pr, pcre2_match_data *md,
    const char *d, char out[FIG_PERIOD_LEN]);

/* The years an anaphor counts from the last date named: the rule's
 * offset, or what its group back ("two years earlier": -2) or ahead ("a
 * year later": 1) counts; a word that is no number ("the previous
 * year") counts one. */
int period_anaphor_offset(const struct fig_periodrule *pr,
    pcre2_match_data *md);

/* The part of a year a date phrase without a year names ("in June",
 * "in the first quarter", "from January to October", "the first ten
 * months"): returns 'M', 'Q' or 'H' and sets *n to the month (1..12),
 * quarter or half (the first three or six months are a quarter or a
 * half); for a run of months 'F', *from its first month and *n its last;
 * or returns 0. */
int period_match_part(const struct fig_periodrule *pr, pcre2_match_data *md,
    int *n, int *from);

/* A run of days a date phrase without a year names: "the first 20 days
 * of this month" (group days, the count) or "February 1-20" (groups day
 * and dayto). Sets *month (0 when the phrase names none: the month of
 * publication), *from and *to; returns 1, or 0 when it is no run. */
int period_match_days(const struct fig_periodrule *pr, pcre2_match_data *md,
    int *month, int *from, int *to);

/* The period of a fiscal-year phrase of rule pr (groups fy and fyend:
 * "FY24", "FY 2023-24", "2022-23"; or this, back, next: "the current
 * fiscal", "last fiscal year", from publication; months or half: "the
 * first six months of FY26"), for a document about entity (or NULL):
 * the interval of its months where the rule's fiscal key knows the
 * entity's fiscal year (India's FY 2023-24 is "2023-04/2024-03"), else
 * the calendar year it ends in; told_start, when not 0, is the first
 * month the text gave such years before ("the current season (October
 * 2022-September 2023)" then "last season"), which decides over the
 * entity's. Returns 0, or -1. */
int period_fiscal(const struct fig_periodrule *pr, pcre2_match_data *md,
    const char *entity, int pub_year, int pub_month, int told_start,
    char out[FIG_PERIOD_LEN]);

/* The first month of the year the phrase of rule pr in md gives in
 * brackets ("the current season (October 2022-September 2023)": 10),
 * or 0. */
int period_told_start(const struct fig_periodrule *pr, pcre2_match_data *md);

/* The period of months from..to of year: their interval (even a half
 * or a quarter: months named stay months), one month itself, all twelve
 * the year; a run across the new year ("April-February") ends in year.
 * Returns 0, or -1. */
int period_months(int year, int from, int to, char out[FIG_PERIOD_LEN]);

#endif
