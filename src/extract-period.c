/* extract-period.c: the period of a figure. The date phrases of a
 * sentence ([period] rules) become mentions; a figure takes the one its
 * clause, its list's lead line, its paragraph or the publication date
 * gives it, and a comparison base ("up from X in 2023") dates only X. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "extract-int.h"

/* ---- sentences and claims ----------------------------------------- */

/* Offset in the cleaned block of the first byte at or after raw. */
size_t
clean_at(const struct xstate *x, size_t raw)
{
	return text_clean_at(&x->runs, raw);
}

size_t
raw_at(const struct xstate *x, size_t clean, size_t rawlen)
{
	return clean < x->clean.len ? text_raw_at(&x->runs, clean) : rawlen;
}

/* Does "of" follow offset end (after spaces)? */
int
followed_by_of(const char *s, size_t len, size_t end)
{
	size_t i = end;

	while (i < len && s[i] == ' ')
		i++;
	return i + 3 <= len && strncasecmp(s + i, "of ", 3) == 0;
}

/* Words between clean offsets a and b. */
static int
words_between(const char *s, size_t a, size_t b)
{
	int n = 0, in = 0;

	for (size_t i = a; i < b; i++) {
		int w = s[i] != ' ';
		if (w && !in)
			n++;
		in = w;
	}
	return n;
}

/* Is sentence si in the past tense? Looked up once, when first asked. */
static int
is_past(struct xstate *x, int si)
{
	if (x->past[si] < 0)
		x->past[si] = rules_match(x->r, &x->r->past, x->clean.data,
		    x->csent[si].end, x->csent[si].start, 0, x->md, NULL) > 0;
	return x->past[si];
}

static enum fig_pkind
kind_of(struct xstate *x, enum fig_prole role, int year, int sent)
{
	switch (role) {
	case FIG_PR_DEADLINE:
		if (x->pub_year ? year < x->pub_year : is_past(x, sent))
			return FIG_PK_OBSERVED;	/* "by 2020 was employing" */
		return FIG_PK_TARGET;
	case FIG_PR_BASELINE:
		return FIG_PK_BASELINE;
	case FIG_PR_ANCHOR:
		if (x->pub_year && year > x->pub_year)
			return FIG_PK_FORECAST;
		return FIG_PK_OBSERVED;
	default:
		return FIG_PK_OBSERVED;
	}
}

/* The publication date as a period: its year, or with month set its
 * month where the date has one. */
static void
publication(const struct xstate *x, int month, char period[FIG_PERIOD_LEN])
{
	if (month && x->pub_month)
		snprintf(period, FIG_PERIOD_LEN, "%04d-%02d",
		    x->pub_year % 10000, x->pub_month);
	else
		snprintf(period, FIG_PERIOD_LEN, "%04d", x->pub_year % 10000);
}

/* Makes period p ("since February 2022") the run from it to the
 * publication date, in p's own unit: a year runs to the publication year,
 * anything shorter to its month. Without a publication date, or when p
 * does not start before it, p stays as it is. */
static void
since_publication(const struct xstate *x, char period[FIG_PERIOD_LEN])
{
	char now[FIG_PERIOD_LEN], out[FIG_PERIOD_LEN];

	if (!x->pub_year || strchr(period, '/'))
		return;
	publication(x, strlen(period) > 4, now);
	if ((strlen(period) == 4) == (strlen(now) == 4) &&
	    period_cmp(period, now) < 0 &&
	    period_interval(period, now, out) == 0)
		memcpy(period, out, FIG_PERIOD_LEN);
}

/* Adds the date phrase just matched in md (rule index in its mark) as a
 * mention of sentence si, the longer phrase winning an overlap. Returns
 * the end of the match. */
/* Does period rule pr know entity e's fiscal year? */
static int
has_fiscal(const struct fig_periodrule *pr, const char *e)
{
	for (int i = 0; i < pr->nfiscal; i++)
		if (strcmp(pr->fiscal[i].entity, e) == 0)
			return 1;
	return 0;
}

/* The country whose currency the figures of the block are in, when
 * rule pr knows its fiscal year ("Rs 1,11,824 crore in its Budget
 * estimates for 2014-15": India's), else dflt. */
static const char *
money_country(const struct xstate *x, const struct fig_periodrule *pr,
    const char *dflt)
{
	for (int i = 0; i < x->nq; i++)
		for (int j = 0; j < pr->nfiscal; j++)
			if (pr->fiscal[j].money[0] && strcmp(x->qs[i].q.unit_name,
			    pr->fiscal[j].money) == 0)
				return pr->fiscal[j].entity;
	return dflt;
}

/* Whose fiscal year a phrase of rule pr names when the title's first
 * actor has none the rule knows ("Russia cements lead among India's oil
 * suppliers": India's): the first actor of sentence si, then of the
 * title, that has one, then the actor an earlier paragraph named last,
 * when it has one (a table's "FY 2014" column under a paragraph on the
 * US budget); else the first actor of the sentence, unless it has no
 * fiscal year the rule knows and the block's money is a country's that
 * has (money_country). Uses x->md (the caller sets it aside). */
static const char *
fiscal_entity(struct xstate *x, const struct fig_periodrule *pr, int si)
{
	const char *t = x->meta->title, *e;
	size_t at = 0, n = strlen(t);

	for (int i = actors_from(x, x->csent[si].start); i < x->nments &&
	    x->ments[i].start <= x->csent[si].end; i++)
		if (x->ments[i].end <= x->csent[si].end &&
		    has_fiscal(pr, x->ments[i].name))
			return x->ments[i].name;
	while ((x->title_from_meta || x->title_headline) && at < n &&
	    rules_match(x->r, &x->r->anyentity, t, n, at, 0, x->md, NULL) > 0) {
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
		e = rules_entity(x->r, t + ov[0], ov[1] - ov[0]);
		if (e && has_fiscal(pr, e))
			return e;
		at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	}
	if (x->nrecent > 0 && has_fiscal(pr, x->recent[x->nrecent - 1]) &&
	    first_entity(x, x->csent[si].start, x->csent[si].end) == NULL)
		return x->recent[x->nrecent - 1];
	e = first_entity(x, x->csent[si].start, x->csent[si].end);
	return e == NULL || !has_fiscal(pr, e) ? money_country(x, pr, e) : e;
}

/* Does the date phrase at c[at] follow "than" ("2.1 times more than in
 * August last year", "27% more than the previous month")? It is then
 * the time of a comparison's base, which dates only the base. */
static int
after_than(const char *c, size_t from, size_t at)
{
	while (at > from && c[at - 1] == ' ')
		at--;
	return at >= from + 4 && strncasecmp(c + at - 4, "than", 4) == 0 &&
	    (at == from + 4 || c[at - 5] == ' ');
}

/* The period of relative date phrase pr, which x->md holds ("last
 * year", "last month", "this quarter", "this week", "over the last three
 * months": the three months before the month of publication): steps from the
 * publication date, which then needs its month (a week its day, else
 * "this week" is the month). 0, or -1 when there is none. */
int
relative_period(const struct xstate *x, const struct fig_periodrule *pr,
    char period[FIG_PERIOD_LEN])
{
	int at = x->pub_year * 12 + (x->pub_month ? x->pub_month - 1 : 0);
	int off, step, rc, n;

	/* "over the past two years": the years before publication's */
	if ((n = period_last_years(pr, x->md)) != 0) {
		if (!x->pub_year || n < 0)
			return -1;
		snprintf(period, FIG_PERIOD_LEN, "%04d/%04d",
		    (x->pub_year - n) % 10000, (x->pub_year - 1) % 10000);
		return 0;
	}
	/* "over the last three months": the months before publication's */
	if ((n = period_last_months(pr, x->md)) > 0) {
		if (!x->pub_year || !x->pub_month)
			return -1;
		snprintf(period, FIG_PERIOD_LEN, "%04d-%02d/%04d-%02d",
		    (at - n) / 12 % 10000, (at - n) % 12 + 1,
		    (at - 1) / 12 % 10000, (at - 1) % 12 + 1);
		return 0;
	}

	/* "on Monday": the month of that day of the week of publication
	 * (news of a decision is of its month), else the month of
	 * publication */
	if ((rc = period_weekday(pr, x->md, x->meta->published, period)) == 0)
		period[7] = '\0';
	else if (rc < 0 && x->pub_year && x->pub_month)
		publication(x, 1, period);
	if (rc <= 0)
		return rc < 0 && !x->pub_month ? -1 : 0;
	period_relative(pr, x->md, &off, &step);
	if (!x->pub_year || (step < 12 && !x->pub_month))
		return -1;
	at += off * step;
	if (at < 0)
		return -1;
	if (step == 0)
		return period_add_days(x->meta->published, 7 * off, period) ==
		    0 || (off == 0 && period_parse(x->meta->published,
		    period) == 0) ? 0 : -1;
	if (step == 1)
		snprintf(period, FIG_PERIOD_LEN, "%04d-%02d", at / 12 % 10000,
		    at % 12 + 1);
	else if (step == 3)
		snprintf(period, FIG_PERIOD_LEN, "%04d-Q%d", at / 12 % 10000,
		    at % 12 / 3 + 1);
	else
		snprintf(period, FIG_PERIOD_LEN, "%04d", at / 12 % 10000);
	return 0;
}

/* In a text about a budget (x->budget_text), "this year", "last year",
 * "next year" are fiscal years of the country whose fiscal year the
 * rules know ("For this year, Jaitley has put the Centre's tax receipts
 * at Rs 9,77,250 crore": India's 2014-15, published July 2014; "5.4
 * trillion yen this year" in a Japanese budget of December 2022:
 * 2022-04/2023-03), as budgets are written. period holds the calendar
 * year relative_period gave; rewritten (1), or left (0). Uses
 * x->md_aside. */
static int
budget_year(struct xstate *x, int si, char period[FIG_PERIOD_LEN])
{
	const struct fig_rules *r = x->r;
	const struct fig_periodrule *fr = NULL;
	const struct fig_fiscal *f = NULL;
	pcre2_match_data *keep = x->md;
	const char *e;
	int y, y0;

	if (!x->budget_text || strlen(period) != 4 || !x->pub_year ||
	    !x->pub_month)
		return 0;
	/* the fiscal years a country's money is counted in (its
	 * government's), not a crop's seasons */
	for (int i = 0; i < r->nperiods && fr == NULL; i++)
		for (int j = 0; j < r->periods[i].nfiscal && fr == NULL; j++)
			if (r->periods[i].fiscal[j].money[0])
				fr = &r->periods[i];
	if (fr == NULL)
		return 0;
	e = x->title_entity == no_entity ? NULL : x->title_entity;
	if (e == NULL || !has_fiscal(fr, e)) {
		x->md = x->md_aside;
		e = fiscal_entity(x, fr, si);
		x->md = keep;
	}
	for (int i = 0; e && i < fr->nfiscal; i++)
		if (strcmp(fr->fiscal[i].entity, e) == 0)
			f = &fr->fiscal[i];
	if (f == NULL || f->start <= 1 || (y = period_digits(period, 4)) <= 0)
		return 0;
	y0 = (x->pub_month < f->start ? x->pub_year - 1 : x->pub_year) +
	    (y - x->pub_year);
	snprintf(period, FIG_PERIOD_LEN, "%04d-%02d/%04d-%02d", y0 % 10000,
	    f->start, (y0 + 1) % 10000, f->start - 1);
	return 1;
}

static size_t
add_mention(struct xstate *x, int si, int first)
{
	const struct fig_rules *r = x->r;
	const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
	PCRE2_SPTR mark = pcre2_get_mark(x->md);
	int k = mark ? atoi((const char *)mark) : -1;
	const struct fig_periodrule *pr;
	struct mention mm;
	size_t end = ov[1] > ov[0] ? ov[1] : ov[0] + 1;

	if (k < 0 || k >= r->nperiods)
		return end;
	pr = &r->periods[k];
	memset(&mm, 0, sizeof mm);
	mm.sent = si;
	mm.rule = k;
	mm.start = ov[0];
	mm.end = ov[1];
	mm.role = pr->role;
	mm.from_to = strncasecmp(x->clean.data + mm.start, "from ", 5) == 0 ||
	    strncasecmp(x->clean.data + mm.start, "between ", 8) == 0;
	if (after_than(x->clean.data, x->csent[si].start, mm.start) &&
	    (mm.role == FIG_PR_ANCHOR || mm.role == FIG_PR_ANAPHOR ||
	    mm.role == FIG_PR_RELATIVE))
		mm.role = FIG_PR_BASELINE;
	if (pr->g_fy > 0 || pr->nfiscal > 0) {
		/* a fiscal year: its months need the document's country,
		 * the title's (looked up before the date phrases), else the
		 * first the sentence names (looked up aside: md holds this
		 * phrase's groups) */
		const char *ent = x->title_entity == no_entity ? NULL :
		    x->title_entity;
		if (ent == NULL || !has_fiscal(pr, ent)) {
			pcre2_match_data *keep = x->md;
			const char *e;
			x->md = x->md_aside;
			e = fiscal_entity(x, pr, si);
			x->md = keep;
			if (e || ent == NULL)
				ent = e;
		}
		int told = period_told_start(pr, x->md);
		if (told > 0) {
			x->season_rule = pr;	/* "(October 2022-September
						   2023)": the text's own */
			x->season_start = told;
			x->season_block = x->nblock;
		}
		if (period_fiscal(pr, x->md, ent, x->pub_year, x->pub_month,
		    x->season_rule == pr ? x->season_start : 0,
		    mm.period) != 0)
			return end;
		for (int i = 0; ent && i < pr->nfiscal; i++)
			if (pr->fiscal[i].parts &&
			    strcmp(pr->fiscal[i].entity, ent) == 0) {
				x->fparts = pr->fiscal[i].start;
				x->fparts_block = x->nblock;
			}
		mm.looks_back = period_anaphor_offset(pr, x->md) < 0;
	} else if (pr->g_year > 0) {
		if (period_from_match(pr, x->md, mm.period) < 0)
			return end;
		mm.same = period_is_same(pr, x->md);
		if ((mm.since = period_is_since(pr, x->md)) != 0)
			since_publication(x, mm.period);
	} else if (pr->g_days > 0 || pr->g_dayto > 0) {
		/* "the first 20 days of this month", "February 1-20" */
		if (!period_match_days(pr, x->md, &mm.partmonth, &mm.partfrom,
		    &mm.partn))
			return end;
		mm.part = 'D';
		mm.thisyear = mm.partmonth == 0;
	} else if (pr->role != FIG_PR_RELATIVE && (pr->g_month > 0 ||
	    pr->g_quarter > 0 || pr->g_half > 0 || pr->g_months > 0 ||
	    pr->g_qend > 0 || pr->g_ytd > 0)) {
		if ((mm.part = period_match_part(pr, x->md, &mm.partn,
		    &mm.partfrom)) == 0)
			return end;
		/* "of this year", "August last year": of the publication
		 * year, or offset years from it */
		if (pr->g_back > 0)
			mm.offset = period_anaphor_offset(pr, x->md);
		mm.thisyear = period_is_this(pr, x->md) || mm.offset < 0;
	} else if (pr->role == FIG_PR_ANAPHOR || (pr->role ==
	    FIG_PR_BASELINE && pr->g_back > 0)) {
		/* "a year earlier"; a base "the same period last year";
		 * "than the previous month" steps a month, and "the
		 * previous quarter" (step = quarter) a quarter */
		int off, step;
		mm.offset = period_anaphor_offset(pr, x->md);
		period_relative(pr, x->md, &off, &step);
		if (step == 1 || step == 3)
			mm.step = step;
	} else if (pr->role == FIG_PR_UNDATED) {
		mm.blank = 1;	/* dates the figure with no period */
	} else if (pr->role == FIG_PR_RELATIVE) {
		if (relative_period(x, pr, mm.period) != 0)
			return end;
		mm.budget = budget_year(x, si, mm.period);
		/* "in the same months last year": the months named
		 * last, in the year before publication (same_period) */
		mm.same = period_is_same(pr, x->md);
		mm.event_day = period_weekday(pr, x->md, NULL, NULL) != 1;
	}
	for (int j = first; j < x->nm; j++) {
		struct mention *o = &x->m[j];
		if (mm.start < o->end && o->start < mm.end) {
			if (mm.end - mm.start > o->end - o->start)
				*o = mm;
			return end;
		}
	}
	GROW(x->m, x->nm, x->mcap);
	x->m[x->nm++] = mm;
	return end;
}

/* Next four-digit number 1000..2999 in s[from..to) standing alone, or
 * to. Date phrases are only looked for around these. */
static size_t
next_year(const char *s, size_t from, size_t to)
{
	for (size_t i = from; i + 4 <= to; i++) {
		if (s[i] < '1' || s[i] > '2' || (i > 0 && s[i - 1] >= '0' &&
		    s[i - 1] <= '9'))
			continue;
		if (s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] >= '0' &&
		    s[i + 2] <= '9' && s[i + 3] >= '0' && s[i + 3] <= '9' &&
		    (i + 4 == to || s[i + 4] < '0' || s[i + 4] > '9'))
			return i;
	}
	return to;
}

/* How far before and after a year a date phrase may reach, in bytes. */
#define YEAR_BEFORE 80
#define YEAR_AFTER 40

/* The year a dating mention names, its period's or a blank one's. */
static int
mention_year(const struct mention *m)
{
	return m->blank ? m->year : period_year(m->period);
}

/* The year of a part of a year named without one ("in June", "in the
 * first quarter"; month: its first month): the paragraph's last year,
 * else the year of the document's last date phrase, else the latest
 * such part begun by publication (*latest set); 0 when none is known.
 * After "last year" ("rose 20% last year. In the first quarter ...") or
 * a part that was the latest one ("to $51.1 billion in January from
 * $59.9 billion in December" in March) the part is the latest one too. */
static int
month_year(const struct xstate *x, const struct lastdate *ld, int month,
    int *latest)
{
	*latest = 0;
	if (ld->year && !ld->relative)
		return ld->year;
	if (!ld->year && x->has_recall &&
	    x->recall.role != FIG_PR_RELATIVE && !x->recall.thisyear &&
	    !x->recall.latest && strlen(x->recall.period) != 4) {
		/* of a run across years ("2023-07/2024-06"), the year
		 * in which the run holds that month */
		const char *p = x->recall.period, *slash = strchr(p, '/');
		if (slash && slash - p >= 7 && p[4] == '-' &&
		    period_digits(p + 5, 2) > month)
			return period_year(slash + 1);
		return slash ? period_first_year(p) :
		    mention_year(&x->recall);
	}
	if (!x->pub_year)
		return 0;
	*latest = 1;
	return x->pub_month && month > x->pub_month ? x->pub_year - 1 :
	    x->pub_year;
}


/* The next date phrase without a year in c[at, ce): each such rule's
 * lines' leftmost match is looked for once and kept while at has not
 * passed its start (x->pw_at, set up by the caller), and the first by
 * start, then by rule and line order, is the one their alternation
 * would find. Returns that line's rule's index (its mark) with its match
 * in x->md, -1 for none, or -2 on a match error (in err, when not
 * NULL). */
int
next_word_period(struct xstate *x, const char *c, size_t at, size_t ce,
    struct fig_err *err)
{
	const struct fig_rules *r = x->r;
	PCRE2_SPTR mark;
	int best = -1, rc;

	for (int k = 0; k < r->nperiods_word; k++) {
		if (x->pw_at[k] == PW_NONE)
			continue;
		if (x->pw_at[k] == PW_UNSEEN || x->pw_at[k] < at) {
			rc = rules_match(r, &r->periods_word[k], c, ce, at, 0,
			    x->md, err);
			if (rc < 0)
				return -2;
			x->pw_at[k] = rc > 0 ?
			    pcre2_get_ovector_pointer(x->md)[0] : PW_NONE;
			if (rc == 0)
				continue;
		}
		if (best < 0 || x->pw_at[k] < x->pw_at[best])
			best = k;
	}
	/* its match again, from where it starts, for its groups */
	if (best < 0)
		return -1;
	if (rules_match(r, &r->periods_word[best], c, ce, x->pw_at[best], 0,
	    x->md, err) < 0)
		return -2;
	mark = pcre2_get_mark(x->md);
	return mark ? atoi((const char *)mark) : -1;
}

/* Is p the year of publication, before its last month? */
static int
year_not_over(const struct xstate *x, const char *p)
{
	return x->pub_year && x->pub_month && x->pub_month < 12 &&
	    strlen(p) == 4 && period_year(p) == x->pub_year;
}

/* Does sentence si go on with the budget for a coming year that the
 * paragraph before dated ("The defense budget for 2020 ..." then "Of
 * that, 16.68 trillion won will go to arms purchases"): a [cue plan]
 * word in it, the paragraph's date after the year of publication? */
static int
plan_goes_on(struct xstate *x, int si)
{
	return x->r->plan.code && x->pub_year &&
	    mention_year(&x->para_carry) > x->pub_year &&
	    rules_match(x->r, &x->r->plan, x->clean.data, x->csent[si].end,
	    x->csent[si].start, 0, x->md, NULL) > 0;
}

/* Does cue re match in mention mm's sentence, outside mm (the goal word
 * is not the phrase itself: "by 2030" is one)? */
static int
cue_around(struct xstate *x, const struct fig_re *re, const struct mention *mm)
{
	const char *c = x->clean.data;

	return re->code && (rules_match(x->r, re, c, mm->start,
	    x->csent[mm->sent].start, 0, x->md, NULL) > 0 ||
	    rules_match(x->r, re, c, x->csent[mm->sent].end, mm->end, 0, x->md,
	    NULL) > 0);
}

/* Period from ("2022-08", "2023-Q1") moved off steps of step months (1
 * or 3, its own unit); out stays "" when from is of another unit. */
static void
step_part(const char *from, int off, int step, char out[FIG_PERIOD_LEN])
{
	int y = period_digits(from, 4), n, at;

	if (y < 0 || strlen(from) != 7 || from[4] != '-')
		return;
	if (step == 1 && (n = period_digits(from + 5, 2)) >= 1 && n <= 12)
		at = y * 12 + n - 1 + off;
	else if (step == 3 && from[5] == 'Q' && (n = from[6] - '0') >= 1 &&
	    n <= 4)
		at = y * 4 + n - 1 + off;
	else
		return;
	if (at < 0)
		return;
	if (step == 1)
		snprintf(out, FIG_PERIOD_LEN, "%04d-%02d", at / 12 % 10000,
		    at % 12 + 1);
	else
		snprintf(out, FIG_PERIOD_LEN, "%04d-Q%d", at / 4 % 10000,
		    at % 4 + 1);
}

/* The year so far ("since the start of the year", "for the year to
 * date"): January to the month the text last named ("In November ..."
 * then "Since the start of the year, purchases rose 29%" is January to
 * November), of that month's year; with no month named, to the month
 * of publication. */
static void
ytd_period(const struct xstate *x, const struct lastdate *ld,
    struct mention *mm)
{
	const char *p, *from = ld->period;
	int y = 0, m = 0;

	/* opening a paragraph: the date the document last named */
	if (!strchr(from, '-') && x->has_recall && !x->recall.blank)
		from = x->recall.period;
	p = strrchr(from, '/');
	p = p ? p + 1 : from;
	if (strlen(p) >= 7 && p[4] == '-' && (y = period_digits(p, 4)) > 0) {
		if (p[5] == 'Q' || p[5] == 'H')
			m = (p[6] - '0') * (p[5] == 'Q' ? 3 : 6);
		else
			m = period_digits(p + 5, 2);
	}
	if (m < 1 || m > 12) {
		y = x->pub_year;
		m = x->pub_month;
	}
	mm->period[0] = '\0';
	if (y <= 0 || m < 1 || m > 12)
		return;
	if (m == 3 || m == 6)	/* a quarter, a half, as "the first six
				   months of 2019" is */
		snprintf(mm->period, sizeof mm->period, "%04d-%c1", y % 10000,
		    m == 3 ? 'Q' : 'H');
	else if (m == 12)
		snprintf(mm->period, sizeof mm->period, "%04d", y % 10000);
	else if (period_months(y, 1, m, mm->period) != 0)
		mm->period[0] = '\0';
}

/* The period of part mm of a year named without one ("in June", "the
 * first quarter", "the first 20 days of this month"). */
static void
part_period(const struct xstate *x, const struct lastdate *ld,
    struct mention *mm)
{
	if (mm->part == 'Y') {
		ytd_period(x, ld, mm);
		return;
	}
	/* the month that must have begun by publication for the part to
	 * be of the publication year */
	int first_month = mm->part == 'Q' ? mm->partn * 3 - 2 :
	    mm->part == 'H' ? mm->partn * 6 - 5 :
	    mm->part == 'D' ? (mm->partmonth ? mm->partmonth :
	    x->pub_month) : mm->partn;
	int my = !mm->thisyear ? month_year(x, ld, first_month,
	    &mm->latest) :
	    x->pub_year ? x->pub_year + mm->offset : 0;

	if (mm->part == 'D') {		/* a run of days */
		char a[FIG_PERIOD_LEN], b[FIG_PERIOD_LEN];
		snprintf(a, sizeof a, "%04d-%02d-%02d", my % 10000,
		    first_month % 100, mm->partfrom % 100);
		snprintf(b, sizeof b, "%04d-%02d-%02d", my % 10000,
		    first_month % 100, mm->partn % 100);
		if (!my || !first_month ||
		    period_interval(a, b, mm->period) != 0)
			mm->period[0] = '\0';
	} else if (my && mm->part == 'F') {	/* months */
		if (period_months(my, mm->partfrom, mm->partn,
		    mm->period) != 0)
			mm->period[0] = '\0';
	} else if (my && mm->part == 'M')
		snprintf(mm->period, sizeof mm->period, "%04d-%02d",
		    my % 10000, mm->partn);
	else if (my)
		snprintf(mm->period, sizeof mm->period, "%04d-%c%d",
		    my % 10000, mm->part, mm->partn);
}

/* The period of a part of a year named without one in a title, which
 * x->md holds ("Share of Russian gas in Turkish imports tops 50 percent
 * in October", "... up by 5% in second quarter"): the latest such part
 * begun by publication, or with "of this year" or "last year" of that
 * year. 0 with p set, else -1 (no part of a year, a run of days). */
int
title_part(struct xstate *x, const struct fig_periodrule *pr,
    char p[FIG_PERIOD_LEN])
{
	/* a relative date last: the part counts from publication */
	struct lastdate ld = { 1, "", 1 };
	struct mention mm;

	memset(&mm, 0, sizeof mm);
	if (pr->g_days > 0 || pr->g_dayto > 0 || (mm.part =
	    period_match_part(pr, x->md, &mm.partn, &mm.partfrom)) == 0)
		return -1;
	if (pr->g_back > 0)
		mm.offset = period_anaphor_offset(pr, x->md);
	mm.thisyear = period_is_this(pr, x->md) || mm.offset < 0;
	part_period(x, &ld, &mm);
	memcpy(p, mm.period, FIG_PERIOD_LEN);
	return p[0] ? 0 : -1;
}

/* A quarter or half without a year in a text that has named a fiscal
 * year of a country whose parts are its fiscal year's (x->fparts, the
 * first month; "the first quarter" in an Indian fiscal-year release is
 * April-June): of the fiscal year the paragraph or the text named last,
 * when that date is one, else the latest such part begun by
 * publication. 0 with mm->period set, else -1 (a calendar part). */
static int
fiscal_part(const struct xstate *x, const struct lastdate *ld,
    struct mention *mm)
{
	const char *from = NULL;
	int len = mm->part == 'Q' ? 3 : 6, y0, a;

	if (!x->fparts || mm->thisyear || (mm->part != 'Q' &&
	    mm->part != 'H'))
		return -1;
	if (ld->year && !ld->relative)
		from = ld->period;
	else if (x->has_recall && x->recall.role != FIG_PR_RELATIVE &&
	    !x->recall.thisyear && !x->recall.blank)
		from = x->recall.period;
	if (from && strlen(from) == 15 && from[7] == '/' &&
	    period_digits(from + 5, 2) == x->fparts &&
	    period_digits(from + 8, 4) * 12 + period_digits(from + 13, 2) ==
	    period_digits(from, 4) * 12 + x->fparts + 11)
		y0 = period_digits(from, 4);	/* "2022-04/2023-03" */
	else if (!x->pub_year || !x->pub_month)
		return -1;
	else {
		y0 = x->pub_month < x->fparts ? x->pub_year - 1 : x->pub_year;
		if (y0 * 12 + x->fparts - 1 + (mm->partn - 1) * len >
		    x->pub_year * 12 + x->pub_month - 1)
			y0--;		/* not begun yet: last year's */
	}
	a = y0 * 12 + x->fparts - 1 + (mm->partn - 1) * len;
	if (mm->partn < 1 || mm->partn * len > 12 || a < 1000 * 12 ||
	    a + len > 3000 * 12)
		return -1;
	snprintf(mm->period, sizeof mm->period, "%04d-%02d/%04d-%02d",
	    a / 12, a % 12 + 1, (a + len - 1) / 12, (a + len - 1) % 12 + 1);
	return 0;
}

/* Are a and b runs of months that start in the same month, b the
 * longer ("2021-04/2022-02" of the news a year back, and the fiscal year
 * "2021-04/2022-03" that holds it)? */
static int
same_start_run(const char *a, const char *b)
{
	return strlen(a) == 15 && strlen(b) == 15 && a[7] == '/' &&
	    b[7] == '/' && strncmp(a, b, 7) == 0 && strcmp(a + 8, b + 8) < 0;
}

/* Is mention m the news's own time a year back ("The imports were USD
 * 18.24 billion during April-September 2022" in news of April-September
 * 2023; "In 2021-22" in news of April-February 2022-23)? A comparison's
 * time, which the text comes back from: it dates no later paragraph,
 * nor what "during the period" recalls. */
static int
year_before_news(const struct xstate *x, const struct mention *m)
{
	char p[FIG_PERIOD_LEN];

	return x->has_lead_date && m->role == FIG_PR_ANCHOR && m->period[0] &&
	    period_shift(x->lead_date.period, -1, p) == 0 &&
	    (strcmp(p, m->period) == 0 || (strlen(m->period) == 4 &&
	    strlen(p) > 4 && period_digits(p, 4) == atoi(m->period)) ||
	    same_start_run(p, m->period));
}

/* "the same period of 2021" (mm->period "2021"): the period the
 * paragraph, else the text, named last, when that is a part of one year
 * ("2022-01/2022-10"), moved to 2021; else the year stays. */
static void
same_period(const struct xstate *x, const struct lastdate *ld,
    struct mention *mm)
{
	const char *from = ld->year ? ld->period : x->has_recall ?
	    x->recall.period : "";
	char p[FIG_PERIOD_LEN];
	int y = period_digits(from, 4);

	if (y > 0 && strlen(from) > 4 && (strlen(from) < 15 ||
	    period_digits(from + 8, 4) == y) &&
	    period_shift(from, period_digits(mm->period, 4) - y, p) == 0)
		memcpy(mm->period, p, FIG_PERIOD_LEN);
}

/* Does period a start before period b: an earlier year, or an earlier
 * month of one year ("2019-10" before "2020-10", "2021-04/2022-03"
 * before "2024-01")? */
static int
period_before(const char *a, const char *b)
{
	int ya = period_year(a), yb = period_year(b);

	if (ya != yb)
		return ya > 0 && yb > 0 && ya < yb;
	return a[4] == '-' && b[4] == '-' && isdigit((unsigned char)a[5]) &&
	    isdigit((unsigned char)b[5]) && period_digits(a + 5, 2) <
	    period_digits(b + 5, 2);
}

/* Is mention mm the date of a look back: a time before the one the
 * text named last, in a sentence that tells an earlier time ([cue
 * lookback]: "In October 2019, Russia had met only 18.8 percent",
 * "Before the Ukraine conflict, in fiscal year 2021-22, ...")? Such a
 * date is a comparison's, which the news comes back from: no later
 * paragraph takes it, nor a month named later without a year. */
static int
looks_back_from(struct xstate *x, const struct mention *mm)
{
	return x->has_recall && !mm->blank && !x->recall.blank &&
	    x->r->lookback.code && period_before(mm->period,
	    x->recall.period) && rules_match(x->r, &x->r->lookback,
	    x->clean.data, x->csent[mm->sent].end, x->csent[mm->sent].start,
	    0, x->md, NULL) > 0;
}

/* Does mention b stand alone in brackets right after mention a ("the
 * first half of the current fiscal year (October 1-March 31, 2024)")?
 * The dates it names then restate a's phrase, more exactly. */
static int
restates(const char *c, const struct mention *a, const struct mention *b)
{
	size_t i = a->end, j = b->end;

	while (i < b->start && c[i] == ' ')
		i++;
	if (i >= b->start || c[i] != '(')
		return 0;
	for (i++; i < b->start && c[i] == ' '; i++)
		;
	while (j < b->end + 2 && c[j] == ' ')
		j++;
	return i == b->start && c[j] == ')' && b->role == FIG_PR_ANCHOR &&
	    b->period[0] && (a->role == FIG_PR_ANCHOR || a->role ==
	    FIG_PR_ANAPHOR || a->role == FIG_PR_RELATIVE);
}

/* Is mention a a part of the phrase mention b ("in the first half" of
 * "the current fiscal year"): only "of" between them? */
static int
part_of(const char *c, const struct mention *a, const struct mention *b)
{
	size_t i = a->end;

	while (i < b->start && c[i] == ' ')
		i++;
	if (i + 2 > b->start || strncasecmp(c + i, "of", 2) != 0)
		return 0;
	for (i += 2; i < b->start && c[i] == ' '; i++)
		;
	return i == b->start;
}

/* A phrase restated in brackets takes the dates they name, and so do
 * the parts of it named before it ("in the first half of the current
 * fiscal year (October 1-March 31, 2024)"): mentions first to nm. */
static void
restated_dates(struct xstate *x, int first)
{
	const char *c = x->clean.data;

	for (int j = first + 1; j < x->nm; j++)
		for (int i = j - 1; i >= first; i--) {
			struct mention t = x->m[j];
			if (!restates(c, &x->m[i], &x->m[j]))
				continue;
			for (int k = i; k >= first; k--)
				if (k == i || (x->m[k].role == FIG_PR_ANAPHOR &&
				    part_of(c, &x->m[k], &x->m[k + 1]))) {
					t.start = x->m[k].start;
					t.end = x->m[k].end;
					x->m[k] = t;
				} else
					break;
			break;
		}
}

/* The first month of period p ("2021-02", "2021-Q1", "2021-H2",
 * "2021-02/2021-04") as months since year 0, or -1. */
static int
period_first_month(const char *p)
{
	int y = period_digits(p, 4), n;

	if (y < 0 || p[4] != '-')
		return -1;
	if ((n = period_digits(p + 5, 2)) >= 1 && n <= 12)
		return y * 12 + n - 1;
	if (p[5] == 'Q' && p[6] >= '1' && p[6] <= '4')
		return y * 12 + (p[6] - '1') * 3;
	if (p[5] == 'H' && (p[6] == '1' || p[6] == '2'))
		return y * 12 + (p[6] - '1') * 6;
	return -1;
}

/* A part of a year named without one, taken as the latest begun by
 * publication, after a word of an outlook ([cue forecast]: "Inflation
 * is projected to peak in February at 8.6 percent" in December 2021):
 * the next such part, 2022-02, a forecast. */
static void
foreseen_part(struct xstate *x, struct mention *mm)
{
	char p[FIG_PERIOD_LEN];
	int at = period_first_month(mm->period);

	if (!mm->latest || !x->pub_month || at < 0 ||
	    at >= x->pub_year * 12 + x->pub_month - 1 ||
	    x->r->forecast.code == NULL || rules_match(x->r,
	    &x->r->forecast, x->clean.data, mm->start,
	    x->csent[mm->sent].start, 0, x->md, NULL) <= 0 ||
	    period_shift(mm->period, 1, p) != 0)
		return;
	memcpy(mm->period, p, FIG_PERIOD_LEN);
	mm->ahead = 1;
}

/* Finds the date phrases of sentence si in the cleaned block. */
int
find_mentions(struct xstate *x, int si, size_t cs, size_t ce,
    struct lastdate *ld)
{
	const struct fig_rules *r = x->r;
	const char *c = x->clean.data;
	int first = x->nm, rc = 0, upto = 0;
	size_t at, done = cs, y;

	/* the figures up to this sentence's last, for bases' own dates */
	while (upto < x->nq && x->qs[upto].sent <= si)
		upto++;
	(void)title_entity(x);	/* for fiscal years; see add_mention */
	/* phrases with a year: only in a window around each year */
	for (at = cs; (y = next_year(c, at, ce)) < ce; at = y + 4) {
		size_t from = y > done + YEAR_BEFORE ? y - YEAR_BEFORE : done;
		size_t to = y + 4 + YEAR_AFTER < ce ? y + 4 + YEAR_AFTER : ce;

		while (from <= y && (rc = rules_match(r, &r->periods_year, c, to,
		    from, 0, x->md, x->err)) > 0)
			from = done = add_mention(x, si, first);
		if (rc < 0)
			return -1;
		if (done < y)
			done = y;
	}
	/* the others over the whole sentence */
	if (x->lit_sent != si)
		lit_sentence(x, si);
	for (int k = 0; k < r->nperiods_word; k++)
		x->pw_at[k] = may_match(x, &r->periods_word[k]) ? PW_UNSEEN :
		    PW_NONE;
	for (at = cs; at < ce && (rc = next_word_period(x, c, at, ce,
	    x->err)) >= 0; )
		at = add_mention(x, si, first);
	if (rc == -2)
		return -1;
	/* order by position, then resolve "that year" and kinds */
	for (int i = first + 1; i < x->nm; i++)
		for (int j = i; j > first && x->m[j].start < x->m[j - 1].start;
		    j--) {
			struct mention t = x->m[j];
			x->m[j] = x->m[j - 1];
			x->m[j - 1] = t;
		}
	restated_dates(x, first);
	for (int i = first; i < x->nm; i++) {
		struct mention *mm = &x->m[i];
		/* a part of a year: "in June"; a base's, "from
		 * September's 4.29 million" */
		if ((mm->role == FIG_PR_ANAPHOR || mm->role ==
		    FIG_PR_BASELINE) && mm->part) {
			if (fiscal_part(x, ld, mm) != 0)
				part_period(x, ld, mm);
			foreseen_part(x, mm);
		} else if (mm->same) {
			same_period(x, ld, mm);
		} else if (mm->role == FIG_PR_RECALL) {
			if (x->has_recall) {
				memcpy(mm->period, x->recall.period,
				    sizeof mm->period);
				mm->blank = x->recall.blank;
				mm->year = x->recall.year;
			}
		} else if (mm->role == FIG_PR_ANAPHOR || (mm->role ==
		    FIG_PR_BASELINE && mm->offset)) {
			/* "a year earlier" than the first quarter of 2023 is
			 * the first quarter of 2022; so is the base "the same
			 * period last year", which dates only a figure that
			 * is that base (base_period) */
			int off = mm->offset, by = ld->year;
			const char *from = ld->period;
			/* "A year earlier the figure had been 98.1 percent"
			 * opening a paragraph: a year before the date the
			 * document last named */
			if (!by && off && x->has_recall && !x->recall.blank &&
			    x->recall.role != FIG_PR_RELATIVE &&
			    !x->recall.thisyear) {
				by = mention_year(&x->recall);
				from = x->recall.period;
			}
			mm->period[0] = '\0';
			if (mm->step)
				step_part(from, off, mm->step, mm->period);
			else if (by && (!off || !from[0] ||
			    period_shift(from, off, mm->period) != 0))
				snprintf(mm->period, sizeof mm->period,
				    "%04d", (by + off) % 10000);
		}
		if ((mm->period[0] || mm->blank) && mm->role != FIG_PR_BASELINE &&
		    !base_own_date(x, mm, upto)) {
			ld->year = mention_year(mm);
			memcpy(ld->period, mm->period, sizeof ld->period);
			/* a day without a year ("On 23 February") is dated
			 * from publication, as "last month" is */
			ld->relative = mm->role == FIG_PR_RELATIVE ||
			    mm->thisyear || mm->part == 'D' || mm->latest;
		}
		mm->kind = mm->ahead ? FIG_PK_FORECAST :
		    kind_of(x, mm->role, mention_year(mm), si);
		if (year_before_news(x, mm))
			mm->looks_back = 1;
		if (mm->kind == FIG_PK_OBSERVED && mm->role != FIG_PR_BASELINE
		    && mm->role != FIG_PR_DEADLINE && !mm->since &&
		    !mm->budget && run_ends_later(x, mm->period))
			mm->kind = FIG_PK_FORECAST;
		/* a future date with a goal word is a goal; so is a past
		 * deadline ("a plan ... aimed for 90 nm by the end of
		 * 2022"), which without one is the time reached ("by 2020
		 * was employing") */
		if (((mm->role == FIG_PR_ANCHOR && mm->kind ==
		    FIG_PK_FORECAST) || (mm->role == FIG_PR_DEADLINE &&
		    mm->kind == FIG_PK_OBSERVED)) &&
		    cue_around(x, &x->r->target, mm))
			mm->kind = FIG_PK_TARGET;
		/* a goal date an outlook foresees ("China is expected to
		 * rank second in capacity growth by 2026") is a forecast,
		 * unless a goal word says it is a goal */
		else if (mm->role == FIG_PR_DEADLINE && mm->kind ==
		    FIG_PK_TARGET && cue_around(x, &x->r->forecast, mm) &&
		    !cue_around(x, &x->r->target, mm))
			mm->kind = FIG_PK_FORECAST;
		/* so is a year not yet over that an outlook or a hedge
		 * speaks of ("India is likely to harvest 106.41 million
		 * tonnes of wheat in 2022" in May 2022, "exports may
		 * decrease by 50 bcm this year") */
		else if ((mm->role == FIG_PR_ANCHOR || mm->role ==
		    FIG_PR_RELATIVE) && mm->kind ==
		    FIG_PK_OBSERVED && !mm->since && year_not_over(x,
		    mm->period) && cue_around(x, &x->r->forecast, mm) &&
		    !cue_around(x, &x->r->target, mm))
			mm->kind = FIG_PK_FORECAST;
		/* a budget decided for a coming year is what was decided,
		 * not foreseen ("South Korea's defense budget for 2020
		 * jumped 7.4 percent" in December 2019) */
		else if (mm->role == FIG_PR_ANCHOR && mm->kind ==
		    FIG_PK_FORECAST && cue_around(x, &x->r->plan, mm) &&
		    !cue_around(x, &x->r->forecast, mm))
			mm->kind = FIG_PK_OBSERVED;
		if ((mm->role == FIG_PR_ANCHOR || mm->role == FIG_PR_ANAPHOR ||
		    mm->role == FIG_PR_RELATIVE) && (mm->period[0] ||
		    mm->blank) && !mm->since && !mm->looks_back &&
		    carries(mm) && !base_own_date(x, mm, upto) &&
		    !figure_possessive(x, mm)) {
			if (looks_back_from(x, mm))
				mm->looks_back = 1;
			else {
				x->recall = *mm;
				x->has_recall = 1;
			}
		}
	}
	return 0;
}

/* Does the run of time p ("2018-07/2019-06") end after the month of
 * publication? A season or fiscal year not yet over ("in the July
 * 2018-June 2019 farming year" in August 2018) is forecast, as a
 * future year is. A run to publication ("since February 2022") is
 * not. */
int
run_ends_later(const struct xstate *x, const char *p)
{
	const char *slash = strchr(p, '/');
	int y, m = 12;

	if (slash == NULL || !x->pub_year || !x->pub_month)
		return 0;
	y = period_digits(slash + 1, 4);
	if (y < 0)
		return 0;
	if (slash[5] == '-' && slash[6] >= '0' && slash[6] <= '9' &&
	    (m = period_digits(slash + 6, 2)) < 0)
		return 0;
	return y * 12 + m > x->pub_year * 12 + x->pub_month;
}

/* A mention that can date a figure. */
int
dating(const struct mention *m)
{
	return (m->period[0] || m->blank) && m->role != FIG_PR_BASELINE &&
	    m->role != FIG_PR_PRESENT;
}

/* A mention that dates figures beyond its sentence: not one that looks
 * back from the date last named ("a year earlier", "the previous year"),
 * which is a comparison's base and no new time the text moves to. */
int
carries(const struct mention *m)
{
	return dating(m) && !(m->role == FIG_PR_ANAPHOR && !m->part &&
	    m->offset < 0);
}

/* Does a clause break (";", ", and", ", but", ", while", ...) start at
 * clean offset i, within s[..b)? */
static int
break_at(const char *s, size_t i, size_t b)
{
	static const char *const joins[] = { "and ", "but ", "while ",
	    "whereas ", "although ", "though ", "yet ", "so ", NULL };
	/* "and" before a verb starts a predicate of its own, comma or not:
	 * "produces chips at 90 nm and hopes to master 65 nm by 2026" */
	static const char *const verbs[] = { "plans ", "planned ", "hopes ",
	    "aims ", "wants ", "intends ", "expects ", "seeks ", "will ",
	    "would ", "is ", "are ", "was ", "were ", "has ", "have ",
	    "had ", "can ", "could ", "may ", "might ", NULL };

	if (s[i] == ';')
		return 1;
	if (s[i] == ' ' && i + 5 <= b && (s[i + 1] | 32) == 'a' &&
	    (s[i + 2] | 32) == 'n' && (s[i + 3] | 32) == 'd' && s[i + 4] == ' ') {
		for (int k = 0; verbs[k]; k++) {
			size_t n = strlen(verbs[k]);
			if (i + 5 + n <= b &&
			    strncasecmp(s + i + 5, verbs[k], n) == 0)
				return 1;
		}
		return 0;
	}
	if (s[i] != ',')
		return 0;
	for (int k = 0; joins[k]; k++) {
		size_t n = strlen(joins[k]);
		if (i + 1 + n <= b && s[i + 1] == ' ' &&
		    strncasecmp(s + i + 2, joins[k], n) == 0)
			return 1;
	}
	return 0;
}

/* Is there a clause break between clean offsets a and b? A date in
 * another clause of the sentence is a weaker claim on a figure than one
 * in its own. */
int
clause_break(const char *s, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (break_at(s, i, b))
			return 1;
	return 0;
}

/* Where the clause holding clean offset b starts: just after the last
 * clause break in [a, b), else a. */
size_t
clause_start(const char *s, size_t a, size_t b)
{
	size_t start = a;

	for (size_t i = a; i < b; i++)
		if (break_at(s, i, b))
			start = i + 1;
	return start;
}

/* Is mention m (before figure q) in the figure's own clause? */
static int
own_clause(const char *c, const struct mention *m, const struct qrec *q)
{
	return m && !clause_break(c, m->end, q->q.start);
}

/* Gives the figure mention m's period and kind; x->from_to says
 * whether m was a "from A to B" (see step_change_end). */
static void
use_mention(struct xstate *x, const struct mention *m,
    char period[FIG_PERIOD_LEN], enum fig_pkind *kind)
{
	memcpy(period, m->period, FIG_PERIOD_LEN);
	*kind = m->kind;
	x->from_to = m->from_to;
}


/* Does s[a..b) open a bracket it does not close? A date after it is an
 * aside's, which dates only what the brackets hold ("covering 35,6% of
 * demand (it was 27,5% in October 2022)"). */
static int
opens_bracket(const char *s, size_t a, size_t b)
{
	int depth = 0;

	for (size_t i = a; i < b; i++)
		if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && depth > 0)
			depth--;
	return depth > 0;
}

/* Is mention m a time's possessive right before a comparison's base
 * ("up from this year's 46.7 trillion won", "compared with last year's
 * 3.2%"): the base's own date too, which dates no later figure. */
static int
possessive_of_base(const struct xstate *x, const struct mention *m)
{
	const char *c = x->clean.data;
	size_t i = m->end;

	if (c[i] == '\'')
		i++;
	else if (strncmp(c + i, "\xe2\x80\x99", 3) == 0)
		i += 3;
	else
		return 0;
	if (c[i] != 's' || c[i + 1] != ' ')
		return 0;
	for (int k = 0; k < x->nq; k++)
		if (x->qs[k].q.start >= i + 1 && x->qs[k].q.start <= i + 2 &&
		    x->qs[k].sent == m->sent)
			return x->qs[k].base;
	return 0;
}

/* Is mention m the date of a comparison's base just before it ("as
 * against 99.3 MT in 2019", "from 71.4 MT in 2019")? Such a date is
 * the base's own: it is no date the next sentence or paragraph takes
 * ("Japan's output fell 16.2 per cent, as against 99.3 MT in 2019." then
 * "The US registered a 17.2 per cent fall"), nor a later figure of its
 * sentence but a base ("dropped from 4.9 in 2022 to 4.5"); so is the
 * date of a figure set after another by "than" or "after" ("climbed
 * 5.8% in September, after a 0.5% decline in August"). One opening
 * the next clause is that clause's ("against 29 from Boeing; in the
 * first quarter it led by 142 jets"). */
static int has_than(const char *s, size_t a, size_t b);

int
base_own_date(const struct xstate *x, const struct mention *m, int upto)
{
	/* the figures, in order, are looked at back from figure upto (the
	 * first that may stand after m) to the sentence's first */
	for (int i = upto - 1; i >= 0 && x->qs[i].sent >= m->sent; i--) {
		const struct qrec *q = &x->qs[i];
		if (q->sent == m->sent && q->q.end <= m->start)
			return (q->base || (i > 0 && x->qs[i - 1].sent ==
			    q->sent && has_than(x->clean.data,
			    x->qs[i - 1].q.end, q->q.start))) &&
			    words_between(x->clean.data, q->q.end, m->start) <=
			    ANCHOR_WORDS && !clause_break(x->clean.data,
			    q->q.end, m->start);
	}
	return possessive_of_base(x, m);
}

/* Does the word w (ASCII letters, any case) stand whole in s[a, b):
 * no letter or digit right before or after it? */
int
has_word(const char *s, size_t a, size_t b, const char *w)
{
	size_t n = strlen(w);

	for (size_t i = a; (i = text_find_nocase(s, i, b, w, n)) < b; i++)
		if ((i == 0 || !isalnum((unsigned char)s[i - 1])) &&
		    (i + n == b || !isalnum((unsigned char)s[i + n])))
			return 1;
	return 0;
}

/* Does a word setting two figures against each other ("than", "in
 * contrast to") or one after the other ("fell 13.3%, following a 13.7%
 * fall in August", "after a 0.5% decline in August") stand in s[a..b)? */
static int
has_than(const char *s, size_t a, size_t b)
{
	return has_word(s, a, b, "than") || has_word(s, a, b, "contrast") ||
	    has_word(s, a, b, "following") || has_word(s, a, b, "after");
}

/* Is mention m, after figure qi and another figure of its sentence,
 * the date of a comparison base standing just before it ("rose 20% to
 * $120 billion, up from $98.7 billion in 2021", "rose 15.7%, faster
 * than a 10% increase in May", "fell 13.3%, following a 13.7% fall in
 * August"): the base's own date, which dates nothing
 * else? Leaves x->ctx as it found it (qi's). */
static int
base_date(struct xstate *x, int qi, const struct mention *m)
{
	const struct qrec *q = &x->qs[qi];
	int bi = -1, rc;

	for (int i = qi + 1; i < x->nq && x->qs[i].sent == q->sent &&
	    x->qs[i].q.end <= m->start; i++)
		bi = i;
	if (bi < 0 || words_between(x->clean.data, x->qs[bi].q.end,
	    m->start) > ANCHOR_WORDS || x->r->baseline.code == NULL)
		return 0;
	if (has_than(x->clean.data, q->q.end, x->qs[bi].q.start))
		return 1;
	build_context(x, &x->qs[bi]);
	rc = cue_on(x, &x->r->baseline);
	build_context(x, q);
	return rc;
}

/* A base in brackets after the phrase that dates it: "35% more than a
 * year earlier (21 million tonnes)", "than in August last year ($451
 * million)": a date phrase ending right before the bracket dates the
 * figure in it. Returns 1 with period set, else 0. */
static int
bracket_base_period(struct xstate *x, const struct qrec *q,
    char period[FIG_PERIOD_LEN])
{
	const char *c = x->clean.data;
	size_t at = q->q.start;

	if (c[at] != '(') {	/* the bracket may be the figure's own */
		while (at > 0 && c[at - 1] == ' ')
			at--;
		if (at == 0 || c[at - 1] != '(')
			return 0;
		at--;
	}
	while (at > 0 && c[at - 1] == ' ')
		at--;
	for (int i = 0; i < x->nm; i++) {
		const struct mention *m = &x->m[i];
		if (m->sent == q->sent && m->end == at && m->period[0] &&
		    m->role != FIG_PR_DEADLINE) {
			memcpy(period, m->period, FIG_PERIOD_LEN);
			return 1;
		}
	}
	return 0;
}

/* What mention m, the nearest date on one side of a base, says of the
 * base's period: 1 when it decides (a comparison's time, copied to
 * period, or another date, which dates the base no further), else 0. */
static int
base_mention(const struct mention *m, char period[FIG_PERIOD_LEN])
{
	if (m->role == FIG_PR_BASELINE && m->period[0]) {
		memcpy(period, m->period, FIG_PERIOD_LEN);
		return 1;
	}
	return dating(m);
}

/* Does sentence si hold one of words, a whole word (or the start of
 * one when it ends in '*')? */
static int
says(const struct xstate *x, int si, const char *const *words)
{
	const char *c = x->clean.data;
	size_t a = x->csent[si].start, b = x->csent[si].end;

	for (size_t k = 0; words[k]; k++) {
		size_t n = strlen(words[k]);
		int stem = words[k][n - 1] == '*';
		n -= stem;
		for (size_t i = a; i + n <= b; i++)
			if (strncasecmp(c + i, words[k], n) == 0 &&
			    (i == a || !isalnum((unsigned char)c[i - 1])) &&
			    (stem || i + n == b ||
			    !isalnum((unsigned char)c[i + n])))
				return 1;
	}
	return 0;
}

/* Does a comparison's word stand in s[a..b) ("compared with", "from")? */
static int
compares(const char *s, size_t a, size_t b)
{
	static const char *const words[] = { "compared", "against", "from",
	    "than", "versus", "vs", "over" };

	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (has_word(s, a, b, words[k]))
			return 1;
	return 0;
}

/* A base with no date of its own or its clause's ("came to $60.18
 * billion in the first six months of the year, compared with $81.38
 * billion", "against $5.59 billion year-on-year"): period, the time
 * of the figure compared, a year back when that is a year, a half or
 * the months from January, which are measured against the year before
 * (not "going from 0.14% to 0.31%" from April to May), or when
 * the sentence says the comparison is year on year (a month or a
 * quarter may be the one before). Not the year of publication, which a
 * present tense gives ("now 30%, up from 20%": since when is unsaid),
 * nor in a sentence about an outlook. */
static void
undated_base(const struct xstate *x, const struct qrec *q,
    char period[FIG_PERIOD_LEN])
{
	char out[FIG_PERIOD_LEN];
	size_t n = strlen(period);
	int run = n == 15 && period[7] == '/' &&
	    strncmp(period, period + 8, 4) == 0 &&
	    strncmp(period + 4, "-01", 3) == 0;

	static const char *const year_on[] = { "year-on-year",
	    "year on year", "y-o-y", "yoy", "y/y", "on-year", "per annum",
	    "annual basis", NULL };
	/* an outlook revised ("lowers its forecast from 70 million tons
	 * to 68 million tons in 2020") is of the same time */
	static const char *const outlook[] = { "forecast*", "estimat*",
	    "project*", "outlook*", "expect*", "predict*", NULL };

	if (n == 0 || (n == 4 && atoi(period) == x->pub_year) ||
	    says(x, q->sent, outlook))
		return;
	/* of a change from one month to the next, the first
	 * (step_change_end gives the change the second) */
	if (x->from_to && n == 15 && period[7] == '/' &&
	    period_first_month(period + 8) == period_first_month(period) + 1) {
		period[7] = '\0';
		return;
	}
	if (!(n == 4 || (n == 7 && period[5] == 'H') || run ||
	    says(x, q->sent, year_on)))
		return;
	if (period_shift(period, -1, out) == 0)
		memcpy(period, out, FIG_PERIOD_LEN);
}

/* The period of figure qi when it is a comparison's base ("compared
 * with $35.2 billion over the same period last year"): a base phrase
 * after it in its clause, with no other figure between, dates it. */
void
base_period(struct xstate *x, int qi, char period[FIG_PERIOD_LEN])
{
	const struct qrec *q = &x->qs[qi];
	const char *c = x->clean.data;
	size_t next_q = next_figure(x, qi);

	if (bracket_base_period(x, q, period))
		return;
	for (int i = 0; i < x->nm; i++) {
		const struct mention *m = &x->m[i];
		if (m->sent != q->sent || m->start < q->q.end)
			continue;
		if (m->start >= next_q || words_between(c, q->q.end,
		    m->start) > CLAUSE_WORDS || clause_break(c, q->q.end,
		    m->start))
			break;
		if (base_mention(m, period))
			return;
	}
	/* a base whose time the comparison named before it ("rose by 22
	 * per cent on the similar period of 2021, from 5.7 billion to 6.9
	 * billion"): that time, the nearest date before it in its clause */
	for (int i = x->nm - 1; q->base && i >= 0; i--) {
		const struct mention *m = &x->m[i];
		if (m->sent != q->sent || m->end > q->q.start)
			continue;
		if (clause_break(c, m->end, q->q.start))
			return;
		if (m->role == FIG_PR_BASELINE && m->period[0]) {
			memcpy(period, m->period, FIG_PERIOD_LEN);
			return;
		}
		/* the base's own date ("(in 2020, 948,224 tons)"), else
		 * the time of the figure compared ("$60.18 billion in the
		 * first half, compared with $81.38 billion") */
		if (dating(m) && !(qi > 0 && x->qs[qi - 1].sent == q->sent &&
		    x->qs[qi - 1].q.start >= m->end) && !compares(c, m->end,
		    q->q.start))
			return;
		if (dating(m))
			break;
	}
	if (q->base)
		undated_base(x, q, period);
}

/* Chooses the period of quantity qi; docs/rules.md, "Periods", gives
 * the order: a deadline or a date right after the figure, a date before
 * it in its clause ("now" after that date meaning the present), a date
 * after it in its clause, a date in another clause of the sentence, the
 * date an earlier sentence of the paragraph set, a date anywhere later in
 * the sentence, for a decision reported the month of publication, and
 * for the present tense the year of publication. */
/* Is mention m (a "now") inside an aside between commas before figure
 * q: "In 2022, the third and fourth lines, now held by Hong Kong and
 * Kazakhstan, were taken by the Netherlands and Germany (3% each)"? It
 * then says nothing of when the figure holds. */
static int
aside(const char *c, const struct mention *m, const struct qrec *q)
{
	size_t i = m->start;

	while (i > 0 && c[i - 1] == ' ')
		i--;
	if (i == 0 || c[i - 1] != ',')
		return 0;
	for (i = m->end; i < q->q.start; i++)
		if (c[i] == ',')
			return 1;
	return 0;
}

/* Does sentence si report a decision ("raised its key rate")? The
 * [period] rules of role event are tried here only, on the sentences
 * of figures nothing else dates, not with the other date phrases. */
static int
has_event(struct xstate *x, int si)
{
	const struct fig_rules *r = x->r;

	if (x->lit_sent != si)
		lit_sentence(x, si);
	for (int i = 0; i < r->nperiods; i++)
		if (r->periods[i].role == FIG_PR_EVENT &&
		    may_match(x, &r->periods[i].re) &&
		    rules_match(r, &r->periods[i].re, x->clean.data,
		    x->csent[si].end, x->csent[si].start, 0, x->md, NULL) > 0)
			return 1;
	return 0;
}

/* Does the date after figure q open the next item of a list of dated
 * figures, q's own date before it with no comma between ("in April by 7%
 * compared to March, in May by 11%")? */
static int
next_item(const char *c, const struct mention *before, const struct qrec *q,
    const struct mention *after)
{
	return before && !memchr(c + before->end, ',', q->q.start -
	    before->end) && memchr(c + q->q.end, ',', after->start - q->q.end);
}

/* The news's date when the first paragraph (the block x holds, of nsent
 * sentences) names none but reports a decision ("has awarded contracts
 * to three offshore wind projects"): the month of publication, as for
 * news of a day. 1 with *m set, else 0. */
int
lead_event(struct xstate *x, int nsent, struct mention *m)
{
	if (!x->pub_year || !x->pub_month)
		return 0;
	for (int si = 0; si < nsent; si++)
		if (has_event(x, si)) {
			memset(m, 0, sizeof *m);
			m->role = FIG_PR_RELATIVE;
			m->event_day = 1;
			m->kind = FIG_PK_OBSERVED;
			publication(x, 1, m->period);
			return 1;
		}
	return 0;
}

/* Is mention m the possessive of the figure starting at next ("following
 * January's 1.6 percent fall"), a date of that figure only? */
static int
next_figures(const char *c, const struct mention *m, size_t next)
{
	size_t n = next - m->end;

	return m->end < next && ((n == 3 && memcmp(c + m->end, "'s ", 3) ==
	    0) || (n == 5 && memcmp(c + m->end, "\xe2\x80\x99s ", 5) == 0));
}

/* Is mention m the possessive of a figure of its sentence ("January's
 * 1.6 percent fall")? It dates that figure only, and no later one. */
int
figure_possessive(const struct xstate *x, const struct mention *m)
{
	for (int i = 0; i < x->nq; i++)
		if (x->qs[i].sent == m->sent &&
		    next_figures(x->clean.data, m, x->qs[i].q.start))
			return 1;
	return 0;
}

/* Is the text from a to b " to ", or the base of a change and " to "
 * (" y-o-y to ", " year on year to ")? */
static int
to_level(const char *c, size_t a, size_t b)
{
	static const char *const bases[] = { "y-o-y", "yoy", "y/y",
	    "year-on-year", "year on year", "m/m", "month-on-month",
	    "month on month", "q/q", "quarter-on-quarter" };

	if (b < a + 4 || memcmp(c + b - 4, " to ", 4) != 0)
		return 0;
	if (b == a + 4)
		return 1;
	for (size_t k = 0; k < sizeof bases / sizeof *bases; k++) {
		size_t n = strlen(bases[k]);
		if (b == a + n + 5 && c[a] == ' ' &&
		    strncasecmp(c + a + 1, bases[k], n) == 0)
			return 1;
	}
	return 0;
}

/* Is figure qi a change with its direction whose next figure, at
 * next, is the level it goes to ("slip 1% to 21%", "down 13.5% y-o-y
 * to 41.5 MMT"), and mention m that level's own date, no figure between
 * ("to 21% from 2021 to 2025", not "to $120 billion, up from $98.7
 * billion in 2021")? */
static int
change_to_level(const struct xstate *x, int qi, size_t next,
    const struct mention *m)
{
	const struct fig_qty *q = &x->qs[qi].q;

	return q->dir != 0 && passable_figure(q) &&
	    to_level(x->clean.data, q->end, next) && qi + 1 < x->nq &&
	    x->qs[qi + 1].q.start == next && next_figure(x, qi + 1) > m->start;
}

/* Is mention m a month of the publication year the text names ("as of
 * February 2025") or that of news of the day ("on Wednesday"), not one
 * counted from publication ("this month")? */
static int
recent_month(const struct xstate *x, const struct mention *m)
{
	return (m->role == FIG_PR_ANCHOR || m->event_day) &&
	    strlen(m->period) == 7 &&
	    m->period[4] == '-' && atoi(m->period) == x->pub_year;
}

/* Is p a run of months that holds the month of publication and ends
 * after it (the fiscal year 2014-04/2015-03 of a budget presented in
 * August 2014; not a season so far)? The present of a text that is news
 * of such a run is that run. */
static int
holds_publication(const struct xstate *x, const char *p)
{
	int now = x->pub_year * 12 + x->pub_month;

	return x->pub_month && strlen(p) == 15 && p[7] == '/' &&
	    period_digits(p, 4) * 12 + period_digits(p + 5, 2) <= now &&
	    period_digits(p + 8, 4) * 12 + period_digits(p + 13, 2) > now;
}

void
choose_period(struct xstate *x, int qi, const struct mention *carry,
    char period[FIG_PERIOD_LEN], enum fig_pkind *kind)
{
	const struct qrec *q = &x->qs[qi];
	const char *c = x->clean.data;
	const struct mention *before = NULL, *after = NULL, *present = NULL,
	    *moved = NULL, *same = NULL;
	size_t next_q = next_figure(x, qi);
	int wa = 0, others = 0, own_after;

	period[0] = '\0';
	*kind = FIG_PK_OBSERVED;
	x->from_to = 0;
	for (int i = 0; i < x->nm; i++) {
		const struct mention *m = &x->m[i];
		if (m->sent != q->sent)
			continue;
		if (m->role == FIG_PR_BASELINE && m->offset)
			same = m;
		if (m->end <= q->q.start) {
			if (m->role == FIG_PR_PRESENT && !aside(c, m, q))
				present = m;
			else if (dating(m) && (q->base ||
			    !base_own_date(x, m, qi))) {
				before = m;
				present = NULL;	/* only "now" after the date */
				if (carries(m))
					moved = m;
			}
		} else if (m->start >= q->q.end && !after && dating(m) &&
		    !opens_bracket(c, q->q.end, m->start) &&
		    !next_figures(c, m, next_q))
			after = m;
	}
	if (after) {
		wa = words_between(c, q->q.end, after->start);
		others = clause_break(c, q->q.end, after->start) &&
		    (own_clause(c, present, q) || own_clause(c, before, q));
	}
	/* "59.1 percent by 2030", "57 percent in 2020"; not a date of
	 * another clause when the figure's own clause dates it ("now
	 * produces 20% of the world's neon, ..., and plans to double output
	 * by 2025", "were in 2016, at $7.24 billion; between 2014 and
	 * 2018 ...") */
	if (after && after->start < next_q && !others &&
	    ((after->role == FIG_PR_DEADLINE && wa <= DEADLINE_WORDS) ||
	    (wa <= ANCHOR_WORDS && !next_item(c, before, q, after)))) {
		use_mention(x, after, period, kind);
		return;
	}
	/* "... abroad in 2015, and imports met 70 percent of it in 2020";
	 * a change and the level it goes to share the date after the level
	 * ("slip 1% to 21% from 2021 to 2025") */
	own_after = after && (after->start < next_q || change_to_level(x,
	    qi, next_q, after)) && wa <= CLAUSE_WORDS &&
	    !clause_break(c, q->q.end, after->start);
	/* "In 2020, ... 57 percent"; "in 2019 and now has three"; in news
	 * of a day ("stood at $3.30 on Monday"), its month; but the period
	 * reported, named in the figure's own clause after it, says over
	 * what time ("Russia is now the largest buyer, taking about 14% of
	 * the sales over the period"), and so does the date of what was
	 * done "today", the day of the news ("The government today
	 * proposed Rs 1,11,824 crore in its budget for 2014-15") */
	if (present && own_after && (after->role == FIG_PR_RECALL ||
	    strncasecmp(c + present->start, "today", 5) == 0)) {
		use_mention(x, after, period, kind);
		return;
	}
	if (present && x->pub_year && (!before || own_clause(c, present, q))) {
		if (x->has_lead_date && x->lead_date.event_day &&
		    recent_month(x, &x->lead_date))
			use_mention(x, &x->lead_date, period, kind);
		else
			publication(x, 0, period);
		return;
	}
	if (own_clause(c, before, q)) {
		use_mention(x, before, period, kind);
		return;
	}
	if (own_after) {
		use_mention(x, after, period, kind);
		return;
	}
	/* in another clause, a date the text moved to, not a comparison's
	 * base looking back from it ("22.5 million tons in 2023-24 from 28
	 * million tons a year earlier, while output is set to decrease to
	 * 28.2 million tons"), unless the figure is a base too ("from 39.2
	 * million tons") */
	if (before && !before->event_day) {
		use_mention(x, moved && !q->base ? moved : before, period, kind);
		return;
	}
	/* the date an earlier sentence of the paragraph set; a duration
	 * ("for more than a decade") runs to the time of writing instead,
	 * and what can be done now ("its best fab can make 65nm chips")
	 * is not the goal an earlier sentence set */
	if (carry && !(q->q.unit && q->q.unit->duration) &&
	    !(carry->kind == FIG_PK_TARGET && x->r->ability.code &&
	    rules_match(x->r, &x->r->ability, c, x->csent[q->sent].end,
	    x->csent[q->sent].start, 0, x->md, NULL) > 0)) {
		use_mention(x, carry, period, kind);
		return;
	}
	/* any later date of the sentence, unless it is another figure's:
	 * one stands between in another clause ("65 nm, and plans to reach
	 * 28 nm by 2027"), or it dates a comparison base ("up from $98.7
	 * billion in 2021"); "5 billion and 3 billion in 2020" share it */
	if (after && (after->start < next_q ||
	    (!clause_break(c, q->q.end, next_q) &&
	    !base_date(x, qi, after)))) {
		use_mention(x, after, period, kind);
		return;
	}
	/* a change on "the same period last year" is of the period the
	 * text named last ("shows a fall of 3,3% on the same period of last
	 * year") */
	if (same && x->has_recall && !(q->q.unit && q->q.unit->duration)) {
		use_mention(x, &x->recall, period, kind);
		return;
	}
	/* a decision a news lead reports, with no date of its own ("The
	 * bank raised its key rate by 25 basis points to 2.25%"): of the
	 * month of publication, which the report is news of */
	if (x->pub_year && has_event(x, q->sent)) {
		publication(x, 1, period);
		return;
	}
	/* present tense: the year of publication, or the date the title
	 * gives the news of ("IRENA counts 345.5 GW of new solar capacity
	 * in 2023" published in March 2024: "China drove most of the
	 * growth with 216.9 GW") */
	if (x->pub_year && !is_past(x, q->sent)) {
		if (x->has_para_carry && (recent_month(x, &x->para_carry) ||
		    plan_goes_on(x, q->sent)))
			use_mention(x, &x->para_carry, period, kind);
		else if (x->has_lead_date && (recent_month(x, &x->lead_date) ||
		    holds_publication(x, x->lead_date.period) ||
		    (x->tcell && x->lead_date.part == 'M' &&
		    atoi(x->lead_date.period) == x->pub_year)))
			use_mention(x, &x->lead_date, period, kind);
		else if (title_date(x))
			memcpy(period, x->title_period, FIG_PERIOD_LEN);
		else
			publication(x, 0, period);
		return;
	}
	/* past tense: the date of the paragraph just before when that was
	 * one sentence, as news wires write ("Trade in 2024 grew 1.9%."
	 * then "Chinese exports rose 4.1%."); the paragraphs of reports run
	 * longer, and their dates stay in them */
	if (q->q.unit && q->q.unit->duration)
		return;
	if (x->has_para_carry)
		use_mention(x, &x->para_carry, period, kind);
	else if (x->has_lead_date && !(x->r->target.code &&
	    rules_match(x->r, &x->r->target, c, x->csent[q->sent].end,
	    x->csent[q->sent].start, 0, x->md, NULL) > 0))
		use_mention(x, &x->lead_date, period, kind);  /* the news's */
	else if (title_news_date(x))	/* else the title's news */
		memcpy(period, title_news_date(x), FIG_PERIOD_LEN);
}

/* Is figure qi a change: it has a direction ("fell by 5.3bn", "a 40.7 per
 * cent drop"), or says again after "or" the change before it ("fell by
 * 5.3bn, or 19.3 per cent")? */
static int
is_change(const struct xstate *x, int qi)
{
	const struct qrec *q = &x->qs[qi], *p = qi > 0 ? &x->qs[qi - 1] : NULL;
	const char *c = x->clean.data;
	size_t i;

	if (q->q.dir != 0)
		return 1;
	if (p == NULL || p->sent != q->sent || p->q.dir == 0)
		return 0;
	for (i = p->q.end; i < q->q.start && (c[i] == ' ' || c[i] == ','); i++)
		;
	return i + 3 <= q->q.start && strncmp(c + i, "or ", 3) == 0 &&
	    words_between(c, i, q->q.start) == 1;
}

/* A change from one month to the next ("Exports fell by 5.3bn, or 19.3
 * per cent, from December 2020 to January 2021"): of the later month, as
 * a month-on-month change is; period, a run of two months choose_period
 * took from a "from A to B" (x->from_to), becomes it. Any other period
 * ("rose by 16.3% in January-February"), or a figure that is no change,
 * stays. */
void
step_change_end(const struct xstate *x, int qi, char period[FIG_PERIOD_LEN])
{
	int a = period_first_month(period), b;

	if (!x->from_to || strlen(period) != 15 || period[7] != '/' || a < 0 ||
	    (b = period_first_month(period + 8)) != a + 1 ||
	    x->qs[qi].base || !is_change(x, qi))
		return;
	memmove(period, period + 8, 8);
}

