/* period.c: the period strings of the claim record: validation, building
 * from date-phrase matches, and placing them in time for diff and plot. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "figtrack/period.h"

static const char *const months[12] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

int
period_month(const char *s, size_t n)
{
	char w[16];

	if (n < 3 || n >= sizeof w)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		w[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	w[n] = '\0';
	if (w[n - 1] == '.')
		w[--n] = '\0';
	if (strcmp(w, "sept") == 0)
		return 9;
	for (int m = 0; m < 12; m++) {
		if (strcmp(w, months[m]) == 0)
			return m + 1;
		if (n == 3 && strncmp(w, months[m], 3) == 0)
			return m + 1;
	}
	return 0;
}

static int
digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int
days_in(int y, int m)
{
	static const int d[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : d[m - 1];
}

static int
parse(const char *s, char out[FIG_PERIOD_LEN], int dates_only)
{
	size_t n = strlen(s);
	int y, m, d;
	char t[40];

	if (n < 4 || !digits(s, 4))
		return -1;
	y = atoi(s);
	if (y < 1000 || y > 2999)
		return -1;
	if (n == 4) {
		snprintf(t, sizeof t, "%04d", y);
		goto done;
	}
	if (s[4] != '-')
		return -1;
	if (!dates_only && n == 7 && (s[5] == 'H' || s[5] == 'h') &&
	    (s[6] == '1' || s[6] == '2')) {
		snprintf(t, sizeof t, "%04d-H%c", y, s[6]);
		goto done;
	}
	if (!dates_only && n == 7 && (s[5] == 'Q' || s[5] == 'q') &&
	    s[6] >= '1' && s[6] <= '4') {
		snprintf(t, sizeof t, "%04d-Q%c", y, s[6]);
		goto done;
	}
	if ((n != 7 && n != 10) || !digits(s + 5, 2))
		return -1;
	m = atoi(s + 5);
	if (m < 1 || m > 12)
		return -1;
	if (n == 7) {
		snprintf(t, sizeof t, "%04d-%02d", y, m);
		goto done;
	}
	if (s[7] != '-' || !digits(s + 8, 2))
		return -1;
	d = atoi(s + 8);
	if (d < 1 || d > days_in(y, m))
		return -1;
	snprintf(t, sizeof t, "%04d-%02d-%02d", y, m, d);
done:
	memcpy(out, t, FIG_PERIOD_LEN - 1);
	out[FIG_PERIOD_LEN - 1] = '\0';
	return 0;
}

int
period_parse(const char *s, char out[FIG_PERIOD_LEN])
{
	return parse(s, out, 0);
}

int
period_parse_date(const char *s, char out[FIG_PERIOD_LEN])
{
	return parse(s, out, 1);
}

int
period_year(const char *p)
{
	char tmp[FIG_PERIOD_LEN], a[FIG_PERIOD_LEN];
	const char *slash = p ? strchr(p, '/') : NULL;

	if (slash) {
		/* an interval: both ends periods, the start first */
		size_t n = (size_t)(slash - p);
		if (n >= sizeof a)
			return 0;
		memcpy(a, p, n);
		a[n] = '\0';
		if (period_parse(a, tmp) != 0 || period_parse(slash + 1, a) !=
		    0 || period_cmp(tmp, a) > 0)
			return 0;
		p = a;
	}
	if (p == NULL || period_parse(p, tmp) != 0)
		return 0;
	return atoi(tmp);
}

int
period_first_year(const char *p)
{
	return p && strchr(p, '/') ? period_digits(p, 4) : period_year(p);
}

int
period_interval(const char *a, const char *b, char out[FIG_PERIOD_LEN])
{
	char ta[FIG_PERIOD_LEN], tb[FIG_PERIOD_LEN];

	if (period_parse(a, ta) != 0 || period_parse(b, tb) != 0)
		return -1;
	if (strcmp(ta, tb) == 0) {
		memcpy(out, ta, FIG_PERIOD_LEN);
		return 0;
	}
	if (period_cmp(ta, tb) > 0 ||
	    strlen(ta) + strlen(tb) + 1 >= FIG_PERIOD_LEN)
		return -1;
	memcpy(out, ta, strlen(ta));
	out[strlen(ta)] = '/';
	memcpy(out + strlen(ta) + 1, tb, strlen(tb) + 1);
	return 0;
}

int
period_shift(const char *p, int years, char out[FIG_PERIOD_LEN])
{
	const char *slash = strchr(p, '/');
	char t[FIG_PERIOD_LEN], a[FIG_PERIOD_LEN], b[FIG_PERIOD_LEN];
	size_t n = slash ? (size_t)(slash - p) : strlen(p);
	int y;

	if (n >= sizeof t)
		return -1;
	memcpy(t, p, n);
	t[n] = '\0';
	if (period_parse(t, a) != 0 || (y = atoi(a) + years) < 1000 ||
	    y > 2999)
		return -1;
	snprintf(b, sizeof b, "%04d%s", y, a + 4);
	if (slash == NULL) {
		memcpy(out, b, FIG_PERIOD_LEN);
		return 0;
	}
	if (period_shift(slash + 1, years, a) != 0 || strchr(a, '/'))
		return -1;
	return period_interval(b, a, out);
}

double
period_mid(const char *p)
{
	char t[FIG_PERIOD_LEN];
	int y, m;
	size_t n;

	if (p == NULL || period_parse(p, t) != 0)
		return 0;
	y = atoi(t);
	n = strlen(t);
	if (n == 4)
		return y + 0.5;
	if (t[5] == 'H')
		return y + (t[6] == '1' ? 0.25 : 0.75);
	if (t[5] == 'Q')
		return y + (t[6] - '1') * 0.25 + 0.125;
	m = atoi(t + 5);
	if (n == 7)
		return y + (m - 1) / 12.0 + 1 / 24.0;
	return y + (m - 1) / 12.0 + (atoi(t + 8) - 0.5) /
	    (12.0 * days_in(y, m));
}

/* Start of a period as a decimal year, and its length. */
static void
span(const char *p, double *start, double *len)
{
	char t[FIG_PERIOD_LEN];
	int y, m;
	size_t n;

	*start = *len = 0;
	if (p == NULL || period_parse(p, t) != 0)
		return;
	y = atoi(t);
	n = strlen(t);
	if (n == 4) {
		*start = y;
		*len = 1;
	} else if (t[5] == 'H') {
		*start = y + (t[6] - '1') * 0.5;
		*len = 0.5;
	} else if (t[5] == 'Q') {
		*start = y + (t[6] - '1') * 0.25;
		*len = 0.25;
	} else {
		m = atoi(t + 5);
		*start = y + (m - 1) / 12.0;
		*len = 1 / 12.0;
		if (n == 10) {
			*start += (atoi(t + 8) - 1) / (12.0 * days_in(y, m));
			*len = 1 / 365.0;
		}
	}
}

int
period_cmp(const char *a, const char *b)
{
	double sa, la, sb, lb;

	span(a, &sa, &la);
	span(b, &sb, &lb);
	if (sa != sb)
		return sa < sb ? -1 : 1;
	if (la != lb)
		return la > lb ? -1 : 1;
	return 0;
}

/* Copies the named substring (first set one among duplicates) into buf;
 * returns its length or -1 when unset. */
static int
group(pcre2_match_data *md, const char *name, char *buf, size_t size)
{
	PCRE2_SIZE len = size;

	if (pcre2_substring_copy_byname(md, (PCRE2_SPTR)name,
	    (PCRE2_UCHAR *)buf, &len) != 0)
		return -1;
	return (int)len;
}

static int
ordinal(const char *s, int n)
{
	static const char *const words[] = { "first", "second", "third",
	    "fourth" };
	int m;

	/* "Q3", "H1", "3rd" */
	for (int i = 0; i < n && i < 2; i++)
		if (s[i] >= '1' && s[i] <= '4')
			return s[i] - '0';
	for (int i = 0; i < 4; i++)
		if (n == (int)strlen(words[i]) && strncasecmp(s, words[i],
		    (size_t)n) == 0)
			return i + 1;
	/* a quarter named by its last month: "the March quarter" */
	m = period_month(s, (size_t)n);
	return m % 3 == 0 ? m / 3 : 0;
}

/* The period of the months from..to of year y: the interval of the
 * months ("January-October 2023" is "2023-01/2023-10"), one month
 * itself, all twelve the year. With parts, a run that makes a half or a
 * quarter is that ("the first six months of 2023" is 2023-H1); without,
 * months named stay an interval ("January-June 2024" is
 * "2024-01/2024-06"), as the writer chose months over "the first half";
 * a run across the new year ends in y ("April-February 2016" is
 * "2015-04/2016-02"). */
static int
span_period(const char *y, int from, int to, int parts,
    char out[FIG_PERIOD_LEN])
{
	char tmp[48];

	/* "April-February 2016": across the new year, ending in y */
	if (from <= 12 && to >= 1 && to < from && period_digits(y, 4) > 1000) {
		int ye = period_digits(y, 4) % 10000;
		snprintf(tmp, sizeof tmp, "%04d-%02d/%04d-%02d", ye - 1,
		    from % 100, ye, to % 100);
		snprintf(out, FIG_PERIOD_LEN, "%.15s", tmp);
		return 0;
	}
	if (from < 1 || to > 12 || to < from)
		return -1;
	if (from == 1 && to == 12)
		snprintf(tmp, sizeof tmp, "%.4s", y);
	else if (parts && (from == 1 || from == 7) && to == from + 5)
		snprintf(tmp, sizeof tmp, "%.4s-H%d", y, from == 1 ? 1 : 2);
	else if (parts && from % 3 == 1 && to == from + 2)
		snprintf(tmp, sizeof tmp, "%.4s-Q%d", y, from / 3 + 1);
	else if (from == to)
		snprintf(tmp, sizeof tmp, "%.4s-%02d", y, from);
	else
		snprintf(tmp, sizeof tmp, "%.4s-%02d/%.4s-%02d", y, from, y,
		    to);
	if (strchr(tmp, '/') == NULL)
		return period_parse(tmp, out);
	snprintf(out, FIG_PERIOD_LEN, "%.15s", tmp);
	return 0;
}

/* The days from month m1's day d1 to month m2's day d2 of year y
 * ("2021-03-21/2021-12-21") into out, the first in the year before when
 * it comes later in a year ("October 1-March 31, 2024" is
 * 2023-10-01/2024-03-31); -1 when one names no day. */
static int
day_run(const char *y, int m1, int d1, int m2, int d2,
    char out[FIG_PERIOD_LEN])
{
	char a[16], b[16];
	int y1 = period_digits(y, 4);

	if (!m1 || !m2 || d1 < 1 || d1 > 31 || d2 < 1 || d2 > 31 ||
	    m1 * 100 + d1 == m2 * 100 + d2 || y1 < 1)
		return -1;
	if (m1 * 100 + d1 > m2 * 100 + d2)
		y1--;
	snprintf(a, sizeof a, "%04d-%02d-%02d", y1 % 10000, m1, d1);
	snprintf(b, sizeof b, "%.4s-%02d-%02d", y, m2, d2);
	if (period_parse(a, out) != 0 || period_parse(b, out) != 0)
		return -1;	/* no such day: "February 30" */
	snprintf(out, FIG_PERIOD_LEN, "%s/%s", a, b);
	return 0;
}

/* The month (1..12) a "month" group's n bytes name, in digits or
 * words, or 0. */
static int
month_of(const char *s, int n)
{
	int m = s[0] >= '0' && s[0] <= '9' ? period_digits(s, n) :
	    period_month(s, (size_t)n);

	return m >= 1 && m <= 12 ? m : 0;
}

/* A count of months in digits or words ("nine"), or 0. */
static int
count_word(const char *s, int n)
{
	static const char *const words[] = { "one", "two", "three", "four",
	    "five", "six", "seven", "eight", "nine", "ten", "eleven",
	    "twelve" };

	if (n >= 1 && s[0] >= '0' && s[0] <= '9')
		return period_digits(s, n);
	for (int i = 0; i < 12; i++)
		if (n == (int)strlen(words[i]) && strncasecmp(s, words[i],
		    (size_t)n) == 0)
			return i + 1;
	return 0;
}

int
period_from_match(const struct fig_periodrule *pr, pcre2_match_data *md,
    char out[FIG_PERIOD_LEN])
{
	char y[16], m[32], d[16], h[16], q[16], sp[64];
	int ny, nm, nd, nh, nq, month = 0, day = 0, k;
	char tmp[48];

	ny = group(md, "year", y, sizeof y);
	if (ny != 4)
		return -1;
	nm = pr->g_month > 0 ? group(md, "month", m, sizeof m) : -1;
	nd = pr->g_day > 0 ? group(md, "day", d, sizeof d) : -1;
	nh = pr->g_half > 0 ? group(md, "half", h, sizeof h) : -1;
	nq = pr->g_quarter > 0 ? group(md, "quarter", q, sizeof q) : -1;
	/* a run of months across years: "July 2018-June 2019" */
	if (pr->g_span > 0 && pr->g_until > 0 && nm > 0 &&
	    (k = group(md, "span", sp, sizeof sp)) > 0) {
		char u[16];
		int from = month_of(sp, k), to = month_of(m, nm);
		if (group(md, "until", u, sizeof u) != 4 || !from || !to ||
		    strncmp(u, y, 4) <= 0)
			return -1;
		snprintf(out, FIG_PERIOD_LEN, "%.4s-%02d/%.4s-%02d", y, from,
		    u, to);
		return 0;
	}
	/* a run of days across months: "March 21-December 21, 2021" */
	if (pr->g_spanday > 0 && nm > 0 && nd > 0 &&
	    (k = group(md, "span", sp, sizeof sp)) > 0 &&
	    group(md, "spanday", h, sizeof h) > 0)
		return day_run(y, month_of(sp, k), atoi(h), month_of(m, nm),
		    atoi(d), out);
	/* a run of months from span to month */
	if (pr->g_span > 0 && (k = group(md, "span", sp, sizeof sp)) > 0 &&
	    nm > 0)
		return span_period(y, month_of(sp, k), month_of(m, nm), 0, out);
	/* two months listed ("July and August 2021"): figures of either, or
	 * of both, are of the year */
	if (pr->g_list > 0 && group(md, "list", sp, sizeof sp) > 0 && nm > 0)
		return month_of(m, nm) ? period_parse(y, out) : -1;
	/* the first n months of the year */
	if (pr->g_months > 0 && (k = group(md, "months", sp, sizeof sp)) > 0)
		return span_period(y, 1, count_word(sp, k), 1, out);
	/* the three months that end with a month: "the quarter ended
	 * December 31, 2016" */
	if (pr->g_qend > 0 && (k = group(md, "qend", sp, sizeof sp)) > 0)
		return (month = month_of(sp, k)) >= 3 ?
		    span_period(y, month - 2, month, 1, out) : -1;
	/* a run of years ("2021-2023") */
	if (pr->g_until > 0 && group(md, "until", sp, sizeof sp) == 4 &&
	    strncmp(sp, y, 4) != 0) {
		if (strncmp(sp, y, 4) < 0)
			return -1;
		snprintf(out, FIG_PERIOD_LEN, "%.4s/%.4s", y, sp);
		return 0;
	}
	if (nm > 0 && (month = month_of(m, nm)) == 0)
		return -1;
	if (nd > 0)
		day = atoi(d);
	if (nh > 0 && (k = ordinal(h, nh)) >= 1 && k <= 2)
		snprintf(tmp, sizeof tmp, "%.4s-H%d", y, k);
	else if (nq > 0 && (k = ordinal(q, nq)) >= 1)
		snprintf(tmp, sizeof tmp, "%.4s-Q%d", y, k);
	else if (month && day)
		snprintf(tmp, sizeof tmp, "%.4s-%02d-%02d", y, month, day);
	else if (month)
		snprintf(tmp, sizeof tmp, "%.4s-%02d", y, month);
	else
		snprintf(tmp, sizeof tmp, "%.4s", y);
	return period_parse(tmp, out);
}

int
period_is_since(const struct fig_periodrule *pr, pcre2_match_data *md)
{
	char t[16];

	return pr->g_since > 0 && group(md, "since", t, sizeof t) > 0;
}

int
period_is_this(const struct fig_periodrule *pr, pcre2_match_data *md)
{
	char t[16];

	return pr->g_this > 0 && group(md, "this", t, sizeof t) > 0;
}

int
period_is_same(const struct fig_periodrule *pr, pcre2_match_data *md)
{
	char t[16];

	return pr->g_same > 0 && group(md, "same", t, sizeof t) > 0;
}

int
period_anaphor_offset(const struct fig_periodrule *pr, pcre2_match_data *md)
{
	char t[16];
	int k, n;

	if (pr->g_back > 0 && (k = group(md, "back", t, sizeof t)) > 0)
		return (n = count_word(t, k)) > 0 ? -n : -1;
	if (pr->g_ahead > 0 && (k = group(md, "ahead", t, sizeof t)) > 0)
		return (n = count_word(t, k)) > 0 ? n : 1;
	return pr->offset;
}

int
period_last_months(const struct fig_periodrule *pr, pcre2_match_data *md)
{
	char t[16];
	int k, n;

	if (pr->g_months <= 0 || (k = group(md, "months", t, sizeof t)) <= 0)
		return 0;
	n = count_word(t, k);
	return n >= 1 && n <= 24 ? n : 0;
}

int
period_last_years(const struct fig_periodrule *pr, pcre2_match_data *md)
{
	char t[16];

	int n;

	if (pr->g_months <= 0 || pr->g_unit <= 0 || group(md, "months", t,
	    sizeof t) <= 0 || group(md, "unit", t, sizeof t) <= 0 ||
	    (t[0] | 32) != 'y')
		return 0;
	n = period_last_months(pr, md);
	return n >= 2 ? n : -1;
}

void
period_relative(const struct fig_periodrule *pr, pcre2_match_data *md,
    int *offset, int *step)
{
	char t[16];
	int k;

	*offset = pr->offset;
	*step = pr->step;
	if (pr->g_this > 0 && group(md, "this", t, sizeof t) > 0)
		*offset = 0;
	else if (pr->g_next > 0 && group(md, "next", t, sizeof t) > 0)
		*offset = 1;
	if (pr->g_unit > 0 && (k = group(md, "unit", t, sizeof t)) > 0)
		*step = (t[0] | 32) == 'm' ? 1 : (t[0] | 32) == 'q' ? 3 :
		    (t[0] | 32) == 'w' ? 0 : 12;
}

int
period_weekday(const struct fig_periodrule *pr, pcre2_match_data *md,
    const char *d, char out[FIG_PERIOD_LEN])
{
	static const char *const names[] = { "sunday", "monday", "tuesday",
	    "wednesday", "thursday", "friday", "saturday" };
	static const int shift[12] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
	char t[16], day[FIG_PERIOD_LEN];
	int k, wd = -1, y, m, dow;

	if (pr->g_unit <= 0 || (k = group(md, "unit", t, sizeof t)) <= 0)
		return 1;
	for (int i = 0; i < 7; i++)
		if ((size_t)k == strlen(names[i]) &&
		    strncasecmp(t, names[i], (size_t)k) == 0)
			wd = i;
	if (wd < 0)
		return 1;
	if (d == NULL || period_parse_date(d, day) != 0 || strlen(day) != 10)
		return -1;
	/* the day of the week of the date (Sakamoto's method) */
	y = atoi(day);
	m = atoi(day + 5);
	if (m < 3)
		y--;
	dow = (y + y / 4 - y / 100 + y / 400 + shift[m - 1] +
	    atoi(day + 8)) % 7;
	return period_add_days(day, -((dow - wd + 7) % 7), out);
}

int
period_match_part(const struct fig_periodrule *pr, pcre2_match_data *md,
    int *n, int *from)
{
	char t[32], u[32];
	int k, j;

	*n = *from = 0;
	/* the year so far: 'Y', to the month the text is at; not after a
	 * superlative ("its smallest monthly intake so far this year"
	 * dates nothing: the rule's group "record" holds the superlative) */
	if (pr->g_ytd > 0 && group(md, "ytd", t, sizeof t) > 0) {
		if (group(md, "record", u, sizeof u) > 0)
			return 0;
		*from = 1;
		/* "from the beginning of the year to August": a run of
		 * months from January */
		if (pr->g_month > 0 && (k = group(md, "month", u,
		    sizeof u)) > 0) {
			*n = month_of(u, k);
			return *n > 1 ? 'F' : 0;
		}
		return 'Y';
	}
	/* a run of months, "from January to October": 'F' */
	if (pr->g_span > 0 && pr->g_month > 0 &&
	    (k = group(md, "span", t, sizeof t)) > 0 &&
	    (j = group(md, "month", u, sizeof u)) > 0) {
		*from = month_of(t, k);
		*n = month_of(u, j);
		return *from && *n && *from != *n ? 'F' : 0;
	}
	if (pr->g_month > 0 && (k = group(md, "month", t, sizeof t)) > 0) {
		*n = month_of(t, k);
		return *n ? 'M' : 0;
	}
	if (pr->g_quarter > 0 && (k = group(md, "quarter", t, sizeof t)) > 0) {
		*n = ordinal(t, k);
		return *n >= 1 && *n <= 4 ? 'Q' : 0;
	}
	if (pr->g_half > 0 && (k = group(md, "half", t, sizeof t)) > 0) {
		*n = ordinal(t, k);
		return *n >= 1 && *n <= 2 ? 'H' : 0;
	}
	/* the three months that end with a month: a quarter, else a run
	 * ("the quarter ended in December", "the three months to
	 * November") */
	if (pr->g_qend > 0 && (k = group(md, "qend", t, sizeof t)) > 0) {
		int m = month_of(t, k);
		if (m < 3)
			return 0;
		*n = m % 3 == 0 ? m / 3 : m;
		*from = m - 2;
		return m % 3 == 0 ? 'Q' : 'F';
	}
	/* the first n months of the year: a quarter, a half, else a run
	 * from January */
	if (pr->g_months > 0 && (k = group(md, "months", t, sizeof t)) > 0) {
		*n = count_word(t, k);
		*from = 1;
		if (*n == 3 || *n == 6) {
			int part = *n == 3 ? 'Q' : 'H';
			*n = 1;
			return part;
		}
		return *n >= 1 && *n <= 12 ? 'F' : 0;
	}
	return 0;
}

int
period_match_days(const struct fig_periodrule *pr, pcre2_match_data *md,
    int *month, int *from, int *to)
{
	char t[32];
	int k;

	*month = *from = *to = 0;
	if (pr->g_month > 0 && (k = group(md, "month", t, sizeof t)) > 0 &&
	    (*month = month_of(t, k)) == 0)
		return 0;
	if (pr->g_days > 0 && (k = group(md, "days", t, sizeof t)) > 0) {
		*from = 1;	/* "first 20 days", "first week" */
		*to = k == 4 && strncasecmp(t, "week", 4) == 0 ? 7 :
		    count_word(t, k);
	} else if (pr->g_dayto > 0 && (k = group(md, "dayto", t, sizeof t)) >
	    0) {
		*to = atoi(t);
		if ((k = group(md, "day", t, sizeof t)) <= 0)
			return 0;
		*from = atoi(t);
	} else if (pr->g_day > 0 && (k = group(md, "day", t, sizeof t)) > 0)
		*from = *to = atoi(t);	/* one day: "on 23 February" */
	else
		return 0;
	return *from >= 1 && *to >= *from && *to <= 31;
}

/* A year of two or four digits ("24", "2024"), or -1. */
static int
fy_year(const char *s, int n)
{
	int v = period_digits(s, n);

	if (n == 2 && v >= 0)
		return v > 50 ? 1900 + v : 2000 + v;
	return n == 4 ? v : -1;
}

/* "Till August" in a text of October 2023: the year so far up to the
 * latest August by publication, from the first month of the fiscal
 * year f (India's: 2023-04/2023-08), or of the calendar year when f is
 * NULL (2023-01/2023-08). */
static int
fiscal_upto(const struct fig_fiscal *f, int month, int pub_year,
    int pub_month, char out[FIG_PERIOD_LEN])
{
	int y, start = f ? f->start : 1, a, b;

	if (month < 1 || month > 12 || !pub_year || !pub_month)
		return -1;
	y = month <= pub_month ? pub_year : pub_year - 1;
	b = y * 12 + month - 1;
	a = (month >= start ? y : y - 1) * 12 + start - 1;
	if (a < 1000 * 12 || b >= 3000 * 12)
		return -1;
	if (a == b)
		snprintf(out, FIG_PERIOD_LEN, "%04d-%02d", a / 12, a % 12 + 1);
	else
		snprintf(out, FIG_PERIOD_LEN, "%04d-%02d/%04d-%02d", a / 12,
		    a % 12 + 1, b / 12, b % 12 + 1);
	return 0;
}

/* A run of months of a fiscal year the phrase in md names ("the
 * April-February period of 2021-22"): its first and last months as
 * offsets from the year's first (f's; the run's own first where the
 * country is not known). That first month with *lo and *hi set, else 0. */
static int
fiscal_run(const struct fig_periodrule *pr, pcre2_match_data *md,
    const struct fig_fiscal *f, int *lo, int *hi)
{
	char t[32];
	int k, a, b;

	if (pr->g_runfrom <= 0 || pr->g_runto <= 0 ||
	    (k = group(md, "runfrom", t, sizeof t)) <= 0 ||
	    (a = month_of(t, k)) <= 0 ||
	    (k = group(md, "runto", t, sizeof t)) <= 0 ||
	    (b = month_of(t, k)) <= 0)
		return 0;
	k = f ? f->start : a;
	*lo = (a - k + 12) % 12;
	*hi = (b - k + 12) % 12;
	return k;
}

int
period_fiscal(const struct fig_periodrule *pr, pcre2_match_data *md,
    const char *entity, int pub_year, int pub_month, int told_start,
    char out[FIG_PERIOD_LEN])
{
	const struct fig_fiscal *f = NULL;
	struct fig_fiscal told;
	char t[32];
	int k, y0 = 0, ye = 0, lo = 0, hi = 11, a, b;

	for (int i = 0; entity && i < pr->nfiscal; i++)
		if (strcmp(pr->fiscal[i].entity, entity) == 0)
			f = &pr->fiscal[i];
	/* the months the text gives ("the 2023-24 crop year (July-June)")
	 * decide, whatever the country's */
	if (pr->g_span > 0 && pr->g_month > 0 && (k = group(md, "span", t,
	    sizeof t)) > 0 && (told.start = month_of(t, k)) > 0 &&
	    (k = group(md, "month", t, sizeof t)) > 0 && (a = month_of(t,
	    k)) > 0) {
		told.by_end = f ? f->by_end : 0;
		hi = (a - told.start + 12) % 12;
		f = &told;
	} else if (told_start > 0) {	/* as the text gave them before */
		told.start = told_start;
		told.by_end = f ? f->by_end : 0;
		f = &told;
	}
	if (pr->g_upto > 0 && (k = group(md, "upto", t, sizeof t)) > 0) {
		int m = month_of(t, k);
		/* "(up to February 2023)": the year named, not the latest */
		if (pr->g_uptoyear > 0 && (k = group(md, "uptoyear", t,
		    sizeof t)) > 0)
			return fiscal_upto(f, m, period_digits(t, 4), 12, out);
		return fiscal_upto(f, m, pub_year, pub_month, out);
	}
	if (pr->g_sofar > 0 && group(md, "sofar", t, sizeof t) > 0)
		return fiscal_upto(f, pub_month, pub_year, pub_month, out);
	if (pr->g_fy > 0 && (k = group(md, "fy", t, sizeof t)) > 0) {
		int v = fy_year(t, k), e;
		if (v < 0)
			return -1;
		if (pr->g_fyend > 0 && (k = group(md, "fyend", t,
		    sizeof t)) > 0) {
			/* "2023-24": the one that starts in 2023 */
			if ((e = fy_year(t, k)) < 0)
				return -1;
			if (k == 2)
				e = v / 100 * 100 + e % 100;
			/* "2021-2022" is a run of years where the country
			 * does not name its fiscal years so */
			if (pr->g_pair > 0 && group(md, "pair", t, sizeof t) >
			    0 && e > v && (e != v + 1 || !(f && f->pairs &&
			    f != &told))) {
				snprintf(out, FIG_PERIOD_LEN, "%04d/%04d",
				    v % 10000, e % 10000);
				return 0;
			}
			if (e != v + 1)
				return -1;
			y0 = v;
			ye = e;
		} else {
			ye = v;
			y0 = f && f->by_end && f->start > 1 ? v - 1 : v;
		}
	} else {
		/* "the current fiscal", "last fiscal year": of publication */
		int off = pr->g_back > 0 && group(md, "back", t, sizeof t) > 0 ?
		    -1 : pr->g_next > 0 && group(md, "next", t, sizeof t) > 0 ?
		    1 : 0;
		if (!pub_year || (f && !pub_month))
			return -1;
		y0 = (f && pub_month < f->start ? pub_year - 1 : pub_year) +
		    off;
		ye = f && f->start > 1 ? y0 + 1 : y0;
	}
	if (f != &told && (k = fiscal_run(pr, md, f, &lo, &hi)) > 0) {
		if (f == NULL) {	/* the run's own year */
			told.start = k;
			told.by_end = 0;
			f = &told;
		}
	} else if (f != &told && pr->g_months > 0 && (k = group(md, "months", t,
	    sizeof t)) > 0)
		hi = count_word(t, k) - 1;
	else if (f != &told && pr->g_half > 0 && (k = group(md, "half", t,
	    sizeof t)) > 0) {
		k = ordinal(t, k);
		lo = k == 2 ? 6 : 0;
		hi = lo + 5;
	} else if (f != &told && pr->g_quarter > 0 && (k = group(md,
	    "quarter", t, sizeof t)) > 0) {
		/* "Q1 2022-23": its first three months */
		k = ordinal(t, k);
		if (k < 1 || k > 4)
			return -1;
		lo = (k - 1) * 3;
		hi = lo + 2;
	}
	if (hi < lo || hi > 11)
		return -1;
	if (f == NULL) {	/* its calendar year of ending */
		if (ye < 1000 || ye > 2999)
			return -1;
		snprintf(out, FIG_PERIOD_LEN, "%04d", ye);
		return 0;
	}
	a = y0 * 12 + f->start - 1 + lo;
	b = y0 * 12 + f->start - 1 + hi;
	if (a < 1000 * 12 || b >= 3000 * 12)
		return -1;
	if (a == b)
		snprintf(out, FIG_PERIOD_LEN, "%04d-%02d", a / 12, a % 12 + 1);
	else if (a % 12 == 0 && b == a + 11)
		snprintf(out, FIG_PERIOD_LEN, "%04d", a / 12);
	else
		snprintf(out, FIG_PERIOD_LEN, "%04d-%02d/%04d-%02d", a / 12,
		    a % 12 + 1, b / 12, b % 12 + 1);
	return 0;
}

int
period_months(int year, int from, int to, char out[FIG_PERIOD_LEN])
{
	char y[8];

	if (from > to && from <= 12 && to >= 1 && year > 1000 && year < 3000) {
		snprintf(out, FIG_PERIOD_LEN, "%04d-%02d/%04d-%02d",
		    (year - 1) % 10000, from % 100, year % 10000, to % 100);
		return 0;
	}

	snprintf(y, sizeof y, "%04d", year % 10000);
	return span_period(y, from, to, 0, out);
}

int
period_digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
period_add_days(const char *d, int n, char out[FIG_PERIOD_LEN])
{
	char t[FIG_PERIOD_LEN];
	int y, m, day;

	if (period_parse_date(d, t) != 0 || strlen(t) != 10)
		return -1;
	y = atoi(t);
	m = atoi(t + 5);
	day = atoi(t + 8) + n;
	while (day < 1) {
		if (--m < 1) {
			m = 12;
			y--;
		}
		day += days_in(y, m);
	}
	while (day > days_in(y, m)) {
		day -= days_in(y, m);
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	if (y < 1000 || y > 2999)
		return -1;
	snprintf(out, FIG_PERIOD_LEN, "%04d-%02d-%02d", y, m, day);
	return 0;
}

int
period_told_start(const struct fig_periodrule *pr, pcre2_match_data *md)
{
	char t[32];
	int k;

	if (pr->g_span <= 0 || pr->g_month <= 0 || pr->nfiscal == 0 ||
	    group(md, "month", t, sizeof t) <= 0 ||
	    (k = group(md, "span", t, sizeof t)) <= 0)
		return 0;
	return month_of(t, k);
}
