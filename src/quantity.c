/* quantity.c: turns one match of the quantity pattern into a value in a
 * canonical unit with its bounds. Which unit, scale or qualifier matched
 * is read from the capture groups recorded when the pattern was built. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "figtrack/number.h"
#include "figtrack/quantity.h"

static int
is_set(const PCRE2_SIZE *ov, int g)
{
	return g > 0 && ov[2 * g] != PCRE2_UNSET;
}

/* "half of", "a third of": a fraction with no unit is a share. */
static int
followed_by_of(const char *s, size_t len, size_t end)
{
	size_t i = end;

	while (i < len && s[i] == ' ')
		i++;
	return i + 2 <= len && (s[i] == 'o' || s[i] == 'O') &&
	    (s[i + 1] == 'f' || s[i + 1] == 'F') &&
	    (i + 2 == len || !((s[i + 2] | 32) >= 'a' && (s[i + 2] | 32) <= 'z'));
}

/* "China's share stood at about a third", "a share of half", "the share
 * of Russian oil in India's total imports rose to about two fifths": a
 * fraction with the word share (or proportion) at most ten words before
 * it, in its clause, is one too. */
static int
after_share(const char *s, size_t start)
{
	size_t i = start;

	for (int words = 0; words <= 10 && i > 0; words++) {
		size_t end;
		while (i > 0 && s[i - 1] == ' ')
			i--;
		end = i;
		while (i > 0 && (((s[i - 1] | 32) >= 'a' &&
		    (s[i - 1] | 32) <= 'z') || s[i - 1] == '\''))
			i--;
		if (end == i)
			return 0;	/* a comma, a digit: another clause */
		if ((end - i == 5 && strncasecmp(s + i, "share", 5) == 0) ||
		    (end - i == 6 && strncasecmp(s + i, "shares", 6) == 0) ||
		    (end - i == 10 && strncasecmp(s + i, "proportion", 10) == 0))
			return 1;
	}
	return 0;
}

/* "rose from 5 to 7 percent", "from $60 to $71 a barrel", "fell by
 * 5,000 to 229,000": is the range s[start..n2) a run, its first number
 * after "from" or "by" and its second after "to"? Then it is two
 * figures, not a range; "ranged from 30 to 40 percent" and "varied
 * from" are ranges. */
static int
run_from(const char *s, size_t start, size_t nend, size_t n2)
{
	static const char *const spans[] = { "range", "ranged", "ranges",
	    "ranging", "vary", "varied", "varies", "varying" };
	size_t i = start, e;
	int to = 0;

	for (size_t k = nend; k + 4 <= n2 && !to; k++)
		to = strncasecmp(s + k, " to ", 4) == 0;
	while (i > 0 && s[i - 1] == ' ')
		i--;
	e = i;
	while (i > 0 && ((s[i - 1] | 32) >= 'a' && (s[i - 1] | 32) <= 'z'))
		i--;
	if (!to || !((e - i == 4 && strncasecmp(s + i, "from", 4) == 0) ||
	    (e - i == 2 && strncasecmp(s + i, "by", 2) == 0)))
		return 0;
	while (i > 0 && s[i - 1] == ' ')
		i--;
	e = i;
	while (i > 0 && ((s[i - 1] | 32) >= 'a' && (s[i - 1] | 32) <= 'z'))
		i--;
	for (size_t k = 0; k < sizeof spans / sizeof *spans; k++)
		if (strlen(spans[k]) == e - i &&
		    strncasecmp(s + i, spans[k], e - i) == 0)
			return 0;
	return 1;
}

/* Where the first number of a run that ends at n2 ends with its own
 * percent ("from 3% to 4%", "from three percent to four percent"): after
 * the sign or word, else at nend. */
static size_t
percent_after(const char *s, size_t nend, size_t n2)
{
	static const char *const words[] = { "%", " percent", " per cent" };

	for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
		size_t n = strlen(words[k]);
		if (nend + n <= n2 && strncasecmp(s + nend, words[k], n) == 0)
			return nend + n;
	}
	return nend;
}

/* "$100 billion a year" is the year's amount, as "$100 billion in 2023"
 * is, not a rate: money over a span of time said with "a" or "an" takes
 * no [per] ("$176m per year", "$71 a barrel" and "5 million tonnes a
 * year" are rates). at is where the per unit starts. */
static int
money_a_time(const struct fig_unit *u, const char *s, size_t at,
    const char *per)
{
	size_t i = at;

	if (strcmp(u->uclass, "money") != 0 || !(strcmp(per, "year") == 0 ||
	    strcmp(per, "month") == 0 || strcmp(per, "day") == 0 ||
	    strcmp(per, "week") == 0))
		return 0;
	while (i > 0 && s[i - 1] == ' ')
		i--;
	if (i >= 2 && (s[i - 1] | 32) == 'a' && s[i - 2] == ' ')
		return 1;
	return i >= 3 && (s[i - 1] | 32) == 'n' && (s[i - 2] | 32) == 'a' &&
	    s[i - 3] == ' ';
}

/* Does s[from, to), the words between a count's number and its noun,
 * hold "fewer" ("572 thousand fewer people"): a fall in the count? */
static int
fewer_between(const char *s, size_t from, size_t to)
{
	for (size_t i = from; i + 5 <= to; i++)
		if (strncasecmp(s + i, "fewer", 5) == 0 && (i == 0 ||
		    !isalpha((unsigned char)s[i - 1])) && (i + 5 == to ||
		    !isalpha((unsigned char)s[i + 5])))
			return 1;
	return 0;
}

/* In a text that writes decimal commas, "28,946" is 28.946 and
 * "780.000" is 780000: read again the number read the English way. */
static void
read_decimal_comma(double *v, int *flags)
{
	if (*flags & FIG_NUM_COMMA3) {
		*v /= 1000;
		*flags &= ~FIG_NUM_INTEGER;
	} else if (*flags & FIG_NUM_DOT3) {
		*v = round(*v * 1000);
		*flags |= FIG_NUM_INTEGER;
	}
}

/* A unit named by its code ("USD196.48"): the matched code in lower
 * case. */
static void
unit_code(struct fig_qty *q, const PCRE2_SIZE *ov, const char *s,
    const struct fig_unit *u)
{
	int g = is_set(ov, u->group_before) ? u->group_before :
	    u->group_after;
	size_t k = 0;

	for (size_t i = ov[2 * g]; i < ov[2 * g + 1] &&
	    k + 1 < sizeof q->unit_name; i++)
		q->unit_name[k++] = (char)((s[i] >= 'A' && s[i] <= 'Z') ?
		    s[i] - 'A' + 'a' : s[i]);
	q->unit_name[k] = '\0';
}

/* Does the second number of a range, at s[n2], have a unit of its own
 * before it ("$79,000 to $3.2 million"): more between the two numbers
 * (from the first's end at s[n1]) than a dash or "to"? */
static int
own_prefix(const char *s, size_t n1, size_t n2)
{
	size_t i = n2;

	while (i > n1 && s[i - 1] == ' ')
		i--;
	if (i == n1 || s[i - 1] == '-')
		return 0;
	if (i >= n1 + 3 && memcmp(s + i - 3, "\xe2\x80", 2) == 0)
		return 0;		/* an en or em dash */
	return !(i >= n1 + 2 && strncasecmp(s + i - 2, "to", 2) == 0);
}

/* A figure whose unit stands before its number ("%9,75", "$5") ends
 * before any unit word the match took after it: "%9,75 year on year" is
 * a percentage, and "year" no part of it. */
static void
after_unit_off(const struct fig_rules *r, const PCRE2_SIZE *ov,
    const char *s, struct fig_qty *q)
{
	for (int i = 0; i < r->nunits; i++) {
		int g = r->units[i].group_after;
		if (!is_set(ov, g))
			continue;
		q->end = ov[2 * g];
		while (q->end > q->nend && (s[q->end - 1] == ' ' ||
		    s[q->end - 1] == '-'))
			q->end--;
		return;
	}
}

/* A figure written out in two scales, "252 million 380 thousand": adds
 * the second part to *v1, in the first's scale. -1 when the second
 * scale is no smaller, its part fills it ("1 million 2000 thousand"),
 * or the first number is a range or a word's own. */
static int
scale_tail(const struct fig_rules *r, const PCRE2_SIZE *ov, const char *s,
    int range, double scale, double *v1)
{
	size_t at = ov[2 * r->g_n3];
	double v3 = 0, tail = 0;

	for (int i = 0; i < r->nscales; i++)
		if (is_set(ov, r->scales[i].group_tail)) {
			tail = r->scales[i].factor;
			break;
		}
	for (size_t i = at; i < ov[2 * r->g_n3 + 1]; i++)
		v3 = v3 * 10 + (s[i] - '0');
	if (range || (*v1 != floor(*v1) && v3 > 0) || tail <= 0 ||
	    v3 * tail >= scale)
		return -1;
	*v1 += v3 * tail / scale;
	return 0;
}

/* quantity_from_match(), and with bare set quantity_bare(): a number
 * with no unit is read too, with unit NULL and an empty unit name. */
static int
read_match(const struct fig_rules *r, pcre2_match_data *md, const char *s,
    size_t len, int decimal_comma, int bare, struct fig_qty *q)
{
	const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	double v1, v2 = 0, scale = 1, factor = 1;
	int f1, f2 = 0, has2, own = 0, run = 0, comma_read;
	const struct fig_numword *w1;

	memset(q, 0, sizeof *q);
	q->start = ov[0];
	q->end = ov[1];
	if (!is_set(ov, r->g_n1))
		return 0;
	q->nstart = ov[2 * r->g_n1];
	q->nend = ov[2 * r->g_n1 + 1];
	if (number_parse(r, s + q->nstart, q->nend - q->nstart, &v1, &f1,
	    &w1) != 0)
		return 0;
	q->numflags = f1;
	has2 = is_set(ov, r->g_n2);
	if (has2 && w1 && w1->unit) {
		/* "doubled to $110 billion": a word with its own unit is
		 * no range, and what follows it (its scale and unit too)
		 * is a figure of its own */
		has2 = 0;
		own = 1;
		q->end = q->nend;
		q->unit = w1->unit;	/* and the scale is the second's */
	}
	if (has2 && (run_from(s, q->start, q->nend, ov[2 * r->g_n2]) ||
	    run_from(s, q->nstart, q->nend, ov[2 * r->g_n2]))) {
		/* a run: the first number takes the scale and the unit of
		 * the second, read on its own next, unless the second has
		 * a unit of its own before it ("from $79,000 to $3.2
		 * million") */
		has2 = 0;
		own = own_prefix(s, q->nend, ov[2 * r->g_n2]);
		q->end = percent_after(s, q->nend, ov[2 * r->g_n2]);
		run = 1;
	}
	if (has2 && number_parse(r, s + ov[2 * r->g_n2],
	    ov[2 * r->g_n2 + 1] - ov[2 * r->g_n2], &v2, &f2, NULL) != 0)
		return 0;
	if ((comma_read = decimal_comma || (f1 | f2) &
	    FIG_NUM_DECIMAL_COMMA)) {
		/* "from 1,76 to 2,100": one number tells for the other */
		read_decimal_comma(&v1, &f1);
		read_decimal_comma(&v2, &f2);
	}
	q->numflags = f1 | (f2 & FIG_NUM_DECIMAL_COMMA);
	/* a run's start of a thousand or more is no number of the second's
	 * scale: "shrank by 837,000 to 124.35 million" */
	if (run && fabs(v1) >= 1000)
		own = 1;
	for (int i = 0; i < r->nscales && !own; i++)
		if (is_set(ov, r->scales[i].group)) {
			scale = r->scales[i].factor;
			q->scaled = 1;
			break;
		}
	if (is_set(ov, r->g_n3) && scale_tail(r, ov, s, has2 || own, scale,
	    &v1) != 0)
		return 0;
	for (int i = 0; i < r->nunits && !q->unit; i++)
		if (is_set(ov, r->units[i].group_before) ||
		    is_set(ov, r->units[i].group_after))
			q->unit = &r->units[i];
	if (q->unit && is_set(ov, q->unit->group_before))
		after_unit_off(r, ov, s, q);
	if (w1 && w1->unit && (q->unit == NULL || q->unit->weak))
		q->unit = w1->unit;	/* "a decade" is ten years, "one in
					   seven cars" a share, no count */
	/* "single-digit" states its own bound; a qualifier word before it
	 * ("a low single-digit") still wins */
	q->qual = w1 && w1->qual ? (enum fig_qual)w1->qual : FIG_Q_EXACT;
	for (int i = 0; i < r->nquals; i++) {
		if (!is_set(ov, r->quals[i].group))
			continue;
		if (r->quals[i].dir)
			q->dir = r->quals[i].dir;
		else
			q->qual = (enum fig_qual)r->quals[i].qual;
	}
	if (q->unit == NULL && bare) {
		/* a bare number: no fraction ("half"), year or "one" */
		if (f1 & (FIG_NUM_FRACTION | FIG_NUM_YEARLIKE | FIG_NUM_WEAK))
			return 0;
		q->unit_name[0] = '\0';
	} else if (q->unit == NULL) {
		if (!(f1 & FIG_NUM_FRACTION) || !(q->dir ||
		    followed_by_of(s, len, q->end) || after_share(s, q->start)))
			return 0;
		/* a fraction of a whole is a share in percent */
		factor = 100;
		memcpy(q->unit_name, "percent", sizeof "percent");
		q->unit = NULL;
	} else {
		const struct fig_unit *u = q->unit;
		int is_count = strcmp(u->canon, "count") == 0;

		/* "115.827 new cars": no one counts thousandths of a car;
		 * the dot before three digits is a thousands dot, as
		 * translated text writes it before its first decimal comma */
		if (is_count && (f1 & FIG_NUM_DOT3) && !comma_read &&
		    scale < 1000 && !has2) {
			read_decimal_comma(&v1, &f1);
			q->numflags = f1;
		}
		if ((f1 & FIG_NUM_WEAK) && is_count)
			return 0;	/* "one of", "the one point" */
		if (u->weak && ((!(f1 & FIG_NUM_INTEGER) && scale < 1000) ||
		    (f1 & FIG_NUM_YEARLIKE) || has2))
			return 0;	/* "2.1 Telecommunications", "2020 imports";
					   "3.5 million units" is a count */
		if ((f1 & FIG_NUM_YEARLIKE) && is_count && !u->count_ok_years)
			return 0;
		if ((f1 & FIG_NUM_FRACTION) && (is_count || u->duration))
			return 0;	/* "that half year" names a period */
		factor = u->factor;
		if (u->code)
			unit_code(q, ov, s, u);
		else
			claim_setfield(q->unit_name, sizeof q->unit_name,
			    u->canon);
		for (int i = 0; i < r->npers && !u->no_rate; i++)
			if (is_set(ov, r->pers[i].group) && !money_a_time(u,
			    s, ov[2 * r->pers[i].group], r->pers[i].name)) {
				size_t k = strlen(q->unit_name);
				snprintf(q->unit_name + k,
				    sizeof q->unit_name - k, "/%s",
				    r->pers[i].name);
				break;
			}
	}
	if (r->g_of > 0 && is_set(ov, r->g_of))
		q->end = ov[2 * r->g_of];	/* "barrels" of "barrels of oil
						   a day": what follows names
						   the oil for the topics */
	if (is_set(ov, r->g_sign) && s[ov[2 * r->g_sign]] != '+')
		q->dir = -1;	/* "(-1%)", and U+2212 */
	if (q->dir == 0 && q->unit && strcmp(q->unit->canon, "count") == 0 &&
	    fewer_between(s, q->nend, q->end))
		q->dir = -1;	/* "572 thousand fewer people" */
	if (has2 && (f1 & FIG_NUM_YEARLIKE) && (f2 & FIG_NUM_YEARLIKE))
		return 0;	/* "2018-2022" is a span of years */
	if (has2 && v2 < v1 && q->unit && is_set(ov, q->unit->group_before) &&
	    own_prefix(s, q->nend, ov[2 * r->g_n2])) {
		/* "from $79,000 to $3.2 million": no range, a figure of
		 * its own, without the scale of the second */
		has2 = 0;
		q->end = q->nend;
		scale = 1;
		q->scaled = 0;
	}
	v1 *= scale * factor;
	v2 *= scale * factor;
	if (has2) {
		if (v2 < v1)
			return 0;	/* "10-5" is not a range */
		q->qual = FIG_Q_RANGE;
		q->has_low = q->has_high = 1;
		q->low = v1;
		q->high = v2;
		q->value = (v1 + v2) / 2;
	} else {
		q->value = v1;
		switch (q->qual) {
		case FIG_Q_MORE_THAN:
		case FIG_Q_AT_LEAST:
			q->has_low = 1;
			q->low = v1;
			break;
		case FIG_Q_LESS_THAN:
		case FIG_Q_AT_MOST:
		case FIG_Q_ALMOST:
			q->has_high = 1;
			q->high = v1;
			break;
		case FIG_Q_RANGE:	/* "between 30" with no end */
			q->qual = FIG_Q_EXACT;
			break;
		default:
			break;
		}
	}
	if (!(fabs(v1) < FIG_VALUE_MAX && fabs(v2) < FIG_VALUE_MAX))
		return 0;	/* no plain decimal holds it */
	if (q->dir < 0)
		quantity_negate(q);
	return 1;
}

int
quantity_from_match(const struct fig_rules *r, pcre2_match_data *md,
    const char *s, size_t len, int decimal_comma, struct fig_qty *q)
{
	return read_match(r, md, s, len, decimal_comma, 0, q);
}

int
quantity_bare(const struct fig_rules *r, pcre2_match_data *md,
    const char *s, size_t len, int decimal_comma, struct fig_qty *q)
{
	struct fig_qty t;

	if (read_match(r, md, s, len, decimal_comma, 0, &t) ||
	    (t.numflags & FIG_NUM_FRACTION))
		return 0;	/* a figure as it is, or a share */
	/* no range: "from 5 to 7 March" names days */
	return read_match(r, md, s, len, decimal_comma, 1, q) &&
	    q->unit == NULL && q->qual != FIG_Q_RANGE;
}

size_t
quantity_bare_range(const struct fig_rules *r, pcre2_match_data *md,
    const char *s, size_t len, int decimal_comma)
{
	struct fig_qty t;

	if (!read_match(r, md, s, len, decimal_comma, 1, &t) ||
	    t.unit != NULL || t.qual != FIG_Q_RANGE)
		return 0;
	return t.end;
}

void
quantity_negate(struct fig_qty *q)
{
	double lo = q->low;
	int hl = q->has_low;

	q->value = -q->value;
	q->low = -q->high;
	q->has_low = q->has_high;
	q->high = -lo;
	q->has_high = hl;
}
