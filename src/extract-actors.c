/* extract-actors.c: who a figure is about. Countries, firms and blocs
 * named in a block (the rules' gazetteer), the title's and the earlier
 * paragraphs' actors, the pairs a sentence names ("trade between X and
 * Y"), and the subjects of the lexicon a sentence names. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract-int.h"

const char no_entity[] = "";

/* look(x->r, s, n) as memo m remembers it: the name the rules give a
 * run of words depends on its words alone, and each look-up tries the
 * names' patterns one after another. */
static const char *
remembered(struct xstate *x, struct fig_memo *m, const char *(*look)(
    const struct fig_rules *, const char *, size_t), const char *s,
    size_t n)
{
	const void *v;

	if (memo_get(m, s, n, &v))
		return v;
	v = look(x->r, s, n);
	memo_put(m, s, n, v);
	return v;
}

/* rules_entity(), remembered for the extraction. */
const char *
entity_of(struct xstate *x, const char *s, size_t n)
{
	return remembered(x, &x->entity_memo, rules_entity, s, n);
}

/* rules_subject(), remembered for the extraction. */
const char *
subject_of(struct xstate *x, const char *s, size_t n)
{
	return remembered(x, &x->subject_memo, rules_subject, s, n);
}

/* The index of the first actor of x->ments that starts at or after
 * offset from, or x->nments. The actors are in the order named and do
 * not overlap (add_actor), so a figure's lookups start at the first of
 * its sentence rather than the block's: reading all of a 64 KB block's
 * actors for each actor added or each figure looked up made a document
 * of one line cost more a figure than one of paragraphs. */
static int
ments_from(const struct xstate *x, size_t from)
{
	int lo = 0, hi = x->nments;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (x->ments[mid].start < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
actors_from(struct xstate *x, size_t from)
{
	if (!x->ments_ok)
		find_actors(x);
	return ments_from(x, from);
}

/* Does actor k of x->ments overlap [start, end)? */
static int
overlaps(const struct xstate *x, int k, size_t start, size_t end)
{
	return k >= 0 && k < x->nments && start < x->ments[k].end &&
	    x->ments[k].start < end;
}

/* Is c[from, to) one of the NULL-ended words join, in any case, with a
 * "the " after it passed over ("and the PRC")? */
int
joined_by_word(const char *c, size_t from, size_t to,
    const char *const *join)
{
	if (to >= from + 4 && strncasecmp(c + to - 4, "the ", 4) == 0)
		to -= 4;
	for (int k = 0; join[k]; k++)
		if (to - from == strlen(join[k]) &&
		    strncasecmp(c + from, join[k], to - from) == 0)
			return 1;
	return 0;
}

/* Does c[from, to) join two names of one list: ", ", " and ", " or ",
 * ", and " ("to Russia and the PRC")? */
static int
conjunct(const char *c, size_t from, size_t to)
{
	static const char *const join[] = { ", ", " and ", " or ", ", and ",
	    NULL };

	return joined_by_word(c, from, to, join);
}

/* How the actor at [start, end) of the cleaned block is named: SIDE_TO
 * as the object of "to" or "into" ("exports to China", "those to
 * Japan") or before "-bound" ("U.S.-bound exports"), SIDE_FROM of "from" ("imports from the UAE"), else 0, as it
 * is when a possessive follows ("according to China's customs", "data
 * from Korea's ministry"). A country named as where a flow goes or
 * comes from is that flow's other side, never the reporter a later
 * figure of the text is carried to. prev is the actor named before it,
 * or NULL: a list shares its preposition ("to Russia and the PRC"). */
static int
side_named(const char *c, size_t len, size_t start, size_t end,
    const struct actor_at *prev)
{
	static const char *const before[] = { "to ", "into ", "from ", NULL };
	size_t at = start;

	if (end < len && (c[end] == '\'' || strncmp(c + end, "\xE2\x80\x99",
	    3) == 0))
		return 0;	/* a possessive: "to China's" */
	if (end + 6 <= len && strncasecmp(c + end, "-bound", 6) == 0 &&
	    (end + 6 == len || !isalpha((unsigned char)c[end + 6])))
		return SIDE_TO;	/* "U.S.-bound exports": where they go */
	if (at >= 4 && strncasecmp(c + at - 4, "the ", 4) == 0)
		at -= 4;
	for (int k = 0; before[k]; k++) {
		size_t n = strlen(before[k]);
		if (at >= n && strncasecmp(c + at - n, before[k], n) == 0 &&
		    (at == n || !isalnum((unsigned char)c[at - n - 1])))
			return before[k][0] == 'f' ? SIDE_FROM : SIDE_TO;
	}
	/* "to Russia and the PRC": the list shares the preposition */
	if (prev && prev->side && conjunct(c, prev->end, start))
		return prev->side;
	return 0;
}

/* Adds actor e at [start, end) of the cleaned block to x->ments, in
 * order of start; one overlapping an actor found already is dropped.
 * Actors are never empty, so only the two it would stand between may
 * overlap it. */
static void
add_actor(struct xstate *x, size_t start, size_t end, const char *e)
{
	int i = ments_from(x, start + 1);

	if (overlaps(x, i - 1, start, end) || overlaps(x, i, start, end))
		return;
	if (x->nments == x->capments) {
		x->capments = x->capments ? 2 * x->capments : 32;
		x->ments = xrealloc(x->ments,
		    (size_t)x->capments * sizeof *x->ments);
	}
	memmove(&x->ments[i + 1], &x->ments[i], (size_t)(x->nments - i) *
	    sizeof *x->ments);
	x->ments[i].start = start;
	x->ments[i].end = end;
	x->ments[i].name = e;
	x->ments[i].side = side_named(x->clean.data, x->clean.len, start, end,
	    i > 0 ? &x->ments[i - 1] : NULL);
	x->nments++;
}

int
firm_order(const struct xstate *x, int order[FIRMS_MAX])
{
	int n = 0;

	for (int i = 0; i < FIRMS_MAX; i++) {
		const struct firm *f = &x->firms[i];
		int k;

		if (!f->name[0])
			continue;
		for (k = n++; k > 0; k--) {	/* insertion: a handful */
			const struct firm *g = &x->firms[order[k - 1]];
			if (g->block > f->block || (g->block == f->block &&
			    strcmp(g->name, f->name) < 0))
				break;
			order[k] = order[k - 1];
		}
		order[k] = i;
	}
	return n;
}

void
firm_drop(struct xstate *x, int i)
{
	const char *name = x->firms[i].name;
	int k = 0;

	for (int j = 0; j < x->nrecent; j++)
		if (x->recent[j] != name) {
			x->recent_block[k] = x->recent_block[j];
			x->recent[k++] = x->recent[j];
		}
	x->nrecent = k;
	if (x->para_actor == name)
		x->para_actor = NULL;
	for (int j = 0; j < x->nfollow; j++)
		if (x->follow[j].first == name)
			x->follow[j].first = NULL;
	x->firms[i].name[0] = '\0';
}

/* Drops the actors of x->ments that lie within [start, end) of the
 * cleaned block. */
static void
drop_actors(struct xstate *x, size_t start, size_t end)
{
	int k = 0;

	for (int i = 0; i < x->nments; i++)
		if (x->ments[i].start < start || x->ments[i].end > end)
			x->ments[k++] = x->ments[i];
	x->nments = k;
}

/* The firm the block introduces by what it is ([cue firm]: "Newcrest
 * Mining, Australia's biggest gold producer", "German carmaker
 * Volkswagen") when the rules do not know the name: one of x->firms from
 * then on, in place of a free one or of the one named longest ago. The
 * words that say what it is name no actor of the block's figures: the
 * firm's country there is an attribute of the firm, and so is one its
 * name holds ("Coal India"). */
static void
find_firm(struct xstate *x)
{
	const struct fig_rules *r = x->r;
	const PCRE2_SIZE *ov;
	const char *s;
	int g, order[FIRMS_MAX], n, at = -1;
	size_t len, cue0, cue1;

	if (r->firm.code == NULL || rules_match(r, &r->firm, x->clean.data,
	    x->clean.len, 0, 0, x->md, NULL) <= 0)
		return;
	g = pcre2_substring_number_from_name(r->firm.code,
	    (PCRE2_SPTR)"firm");
	ov = pcre2_get_ovector_pointer(x->md);
	cue0 = ov[0];
	cue1 = ov[1];
	if (g <= 0 || ov[2 * g] == PCRE2_UNSET ||
	    (len = ov[2 * g + 1] - ov[2 * g]) >= FIG_ENTITY_MAX ||
	    rules_entity(r, (s = x->clean.data + ov[2 * g]), len) != NULL)
		return;
	drop_actors(x, cue0, cue1);
	for (int i = 0; i < FIRMS_MAX; i++) {
		if (strncmp(x->firms[i].name, s, len) == 0 &&
		    x->firms[i].name[len] == '\0')
			return;		/* known: named below */
		if (at < 0 && !x->firms[i].name[0])
			at = i;
	}
	if (at < 0) {
		n = firm_order(x, order);
		firm_drop(x, (at = order[n - 1]));
	}
	memcpy(x->firms[at].name, s, len);
	x->firms[at].name[len] = '\0';
	x->firms[at].block = x->nblock;
}

/* Adds the places the block names firm f as actors, and notes that it
 * named it. */
static void
name_firm(struct xstate *x, struct firm *f)
{
	const char *c = x->clean.data, *p;
	size_t len = x->clean.len, fn = strlen(f->name);

	for (p = c; (p = strstr(p, f->name)) != NULL; p += fn) {
		size_t s = (size_t)(p - c);
		if ((s == 0 || !isalnum((unsigned char)c[s - 1])) && (s + fn == len ||
		    !isalnum((unsigned char)c[s + fn]))) {
			/* the firm, not the country its name holds */
			drop_actors(x, s, s + fn);
			add_actor(x, s, s + fn, f->name);
			f->block = x->nblock;
		}
	}
}

/* Does [start, end) of s lie in a chain of three or more capitalised
 * names joined by hyphens ("the Baku-Tbilisi-Erzurum pipeline")? Such a
 * chain names a route through places, no actor of the figures; two
 * joined ("Russia-China trade") are a pair. */
static int
in_route(const char *s, size_t len, size_t start, size_t end)
{
	size_t a = start, b = end;
	int names = 1;

	for (;;) {	/* back over "Name-" */
		size_t i = a;
		if (i < 2 || s[i - 1] != '-' || !isalpha((unsigned char)s[i - 2]))
			break;
		for (i -= 1; i > 0 && isalpha((unsigned char)s[i - 1]); i--)
			;
		if (!isupper((unsigned char)s[i]))
			break;
		a = i;
		names++;
	}
	for (;;) {	/* on over "-Name" */
		size_t i = b;
		if (i + 1 >= len || s[i] != '-' || !isupper((unsigned char)s[i + 1]))
			break;
		for (i += 1; i < len && isalpha((unsigned char)s[i]); i++)
			;
		b = i;
		names++;
	}
	return names >= 3;
}

/* Finds every actor of the cleaned block once (x->ments): the rules'
 * names, then the document's firms wherever the block names them. */
void
find_actors(struct xstate *x)
{
	const struct fig_rules *r = x->r;
	const char *c = x->clean.data;
	size_t at = 0, len = x->clean.len;
	int order[FIRMS_MAX], n;

	x->nments = 0;
	x->ments_ok = 1;
	while (at < len && rules_match(r, &r->anyentity, c, len, at, 0, x->md,
	    NULL) > 0) {
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
		const char *e = entity_of(x, c + ov[0], ov[1] - ov[0]);

		at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
		if (e && !in_route(c, len, ov[0], ov[1]))
			add_actor(x, ov[0], ov[1], e);
	}
	find_firm(x);
	if (len == 0)
		return;
	n = firm_order(x, order);
	for (int i = 0; i < n; i++)
		name_firm(x, &x->firms[order[i]]);
}

/* Does actor name e answer the search: `want` itself when not NULL,
 * else any but `except` (NULL: any one)? */
static int
wanted(const char *e, const char *except, const char *want)
{
	if (want)
		return strcmp(e, want) == 0;
	return except == NULL || strcmp(e, except) != 0;
}

/* The first actor named in the cleaned block's [from, to) that wanted()
 * takes, and that is named as none of sides (SIDE_TO, SIDE_FROM:
 * side_named), or NULL. */
static const char *
find_block(struct xstate *x, size_t from, size_t to, const char *except,
    const char *want, int sides)
{
	for (int i = actors_from(x, from); i < x->nments &&
	    x->ments[i].start <= to; i++) {
		const struct actor_at *m = &x->ments[i];
		if (m->end <= to && wanted(m->name, except, want) &&
		    !(m->side & sides))
			return m->name;
	}
	return NULL;
}

/* The first actor named in text[from, to) that wanted() takes, or NULL.
 * text is the cleaned block or another string (the title, a lead line). */
static const char *
find_in(struct xstate *x, const char *text, size_t from, size_t to,
    const char *except, const char *want)
{
	const struct fig_rules *r = x->r;
	size_t at = from;

	if (text == x->clean.data)
		return find_block(x, from, to, except, want, 0);
	while (at < to && rules_match(r, &r->anyentity, text, to, at, 0, x->md,
	    NULL) > 0) {
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
		const char *e = entity_of(x, text + ov[0], ov[1] - ov[0]);
		if (e && wanted(e, except, want))
			return e;
		at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	}
	return NULL;
}

/* First entity named in text[from, to) that is not `except` (NULL: any
 * one), or NULL. text is the cleaned block or another string (the
 * title). */
const char *
entity_in(struct xstate *x, const char *text, size_t from, size_t to,
    const char *except)
{
	return find_in(x, text, from, to, except, NULL);
}

/* Does text[from, to) (the cleaned block or another string) name actor
 * e? */
int
names_actor(struct xstate *x, const char *text, size_t from, size_t to,
    const char *e)
{
	return find_in(x, text, from, to, NULL, e) != NULL;
}

/* First entity named in the cleaned block from offset `from` up to
 * `to`, or NULL. */
const char *
first_entity(struct xstate *x, size_t from, size_t to)
{
	return entity_in(x, x->clean.data, from, to, NULL);
}

/* First actor named in the cleaned block from offset `from` up to `to`
 * that is named as none of sides ("exports to China" names China as
 * SIDE_TO: not the exporter), or NULL: who a figure may be of. */
const char *
first_holder_but(struct xstate *x, size_t from, size_t to, int sides)
{
	return find_block(x, from, to, NULL, NULL, sides);
}

/* First actor named in the cleaned block from offset `from` up to `to`
 * as no destination nor origin, or NULL: the reporter a text is
 * about. */
const char *
first_holder(struct xstate *x, size_t from, size_t to)
{
	return find_block(x, from, to, NULL, NULL, SIDE_ANY);
}

/* The holder (first_holder) of the nearest sentence at or before s (of
 * the block) that names one, or NULL: a country named only as where
 * goods went ("Exports to China rose 5%.") is not what the sentences
 * after it are about. Remembered per sentence: searching back from every
 * figure made a long block without entities quadratic (a 64 KB paragraph
 * took 6 s under ASan, a 50 MB line minutes). */
static const char *
entity_before(struct xstate *x, int s)
{
	int k = s;

	while (k >= 0 && x->entback[k] == NULL)
		k--;
	for (k++; k <= s; k++) {
		const char *e = first_holder(x, x->csent[k].start,
		    x->csent[k].end);
		x->entback[k] = e ? e : k > 0 ? x->entback[k - 1] : no_entity;
	}
	return x->entback[s] == no_entity ? NULL : x->entback[s];
}

/* What the document is about when a paragraph names no one: the first
 * entity of its title ("Russia wants 28nm chips by 2030"), when it has
 * one (metadata, a heading, a first line that is no sentence). */
const char *
title_entity(struct xstate *x)
{
	const struct fig_rules *r = x->r;
	const char *t = x->meta->title;

	if (x->title_entity == NULL) {
		const char *e = NULL;
		/* a first line that is a sentence is the paragraph's own text,
		 * not what the document is about */
		if (!x->title_from_meta && !x->title_headline)
			t = "";
		if (rules_match(r, &r->anyentity, t, strlen(t), 0, 0, x->md,
		    NULL) > 0) {
			const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
			e = entity_of(x, t + ov[0], ov[1] - ov[0]);
		}
		x->title_entity = e ? e : no_entity;
	}
	return x->title_entity == no_entity ? NULL : x->title_entity;
}

/* The period of date phrase pr of the title, which x->md holds, into p:
 * 0, or -1 when it is none a text's figures could be of. */
static int
title_phrase(struct xstate *x, const struct fig_periodrule *pr,
    const char *ent, char p[FIG_PERIOD_LEN])
{
	if (pr->role == FIG_PR_RELATIVE)	/* "this week" */
		return relative_period(x, pr, p);
	if (pr->role != FIG_PR_ANCHOR || period_is_since(pr, x->md))
		return -1;
	if (pr->g_fy > 0 || pr->nfiscal > 0)
		return period_fiscal(pr, x->md, ent, x->pub_year,
		    x->pub_month, 0, p);
	return period_from_match(pr, x->md, p);
}

/* The date phrase matched in x->md of the title, when it reaches further
 * than *best: the title's date (x->title_period, x->title_dated). */
static void
title_phrase_at(struct xstate *x, const char *ent, size_t *best)
{
	const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
	PCRE2_SPTR mark = pcre2_get_mark(x->md);
	int k = mark ? atoi((const char *)mark) : -1, y;
	char p[FIG_PERIOD_LEN];

	if (k < 0 || k >= x->r->nperiods || ov[1] <= *best ||
	    title_phrase(x, &x->r->periods[k], ent, p) != 0)
		return;
	*best = ov[1];
	y = period_year(p);
	x->title_dated = y >= x->pub_year - 1 && y <= x->pub_year &&
	    !run_ends_later(x, p) ? 1 : -1;
	memcpy(x->title_period, p, FIG_PERIOD_LEN);
}

/* The date the title names ("IRENA counts 345.5 GW of new solar capacity
 * in 2023", "India's fiscal deficit for 2020-21 ..."): the news of a
 * year, the year of publication or the one before, not a run to
 * publication; NULL when it names none, or the text has no date. */
const char *
title_date(struct xstate *x)
{
	const struct fig_rules *r = x->r;
	const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
	const char *t = x->title_from_meta || x->title_headline ?
	    x->meta->title : "", *ent;
	size_t n = strlen(t), best = 0;

	if (x->title_dated != 0)
		return x->title_dated > 0 ? x->title_period : NULL;
	x->title_dated = -1;
	if (!x->pub_year)
		return NULL;
	ent = title_entity(x);
	/* the phrase reaching furthest, as in a sentence ("for 2020-21",
	 * not "for 2020"): of those with a year, then of the others */
	for (size_t at = 0; rules_match(r, &r->periods_year, t, n, at, 0,
	    x->md, NULL) > 0; at = ov[0] + 1)
		title_phrase_at(x, ent, &best);
	for (int k = 0; k < r->nperiods_word; k++)
		x->pw_at[k] = PW_UNSEEN;
	for (size_t at = 0; next_word_period(x, t, at, n, NULL) >= 0;
	    at = ov[0] + 1)
		title_phrase_at(x, ent, &best);
	return x->title_dated > 0 ? x->title_period : NULL;
}

/* The date the title gives the news of, a part of a year without its
 * year too ("Share of Russian gas in Turkish imports tops 50 percent in
 * October", "India's crude oil imports from Russia rise 14% in
 * January"): the latest such part begun by publication. For a past
 * figure nothing else dates ("India bought crude oil worth $2.54
 * billion from it"); a present-tense one is of the news's year
 * (title_date), as a general fact may be. NULL when it names none. */
const char *
title_news_date(struct xstate *x)
{
	const struct fig_rules *r = x->r;
	const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
	const char *t = x->title_from_meta || x->title_headline ?
	    x->meta->title : "", *d = title_date(x);
	size_t n = strlen(t);
	int k;

	if (d || x->title_part_dated != 0)
		return d ? d : x->title_part_dated > 0 ? x->title_part_period :
		    NULL;
	x->title_part_dated = -1;
	for (k = 0; k < r->nperiods_word; k++)
		x->pw_at[k] = PW_UNSEEN;
	for (size_t at = 0; x->title_part_dated < 0 && (k = next_word_period(x,
	    t, at, n, NULL)) >= 0; at = ov[0] + 1)
		if (r->periods[k].role == FIG_PR_ANAPHOR &&
		    r->periods[k].g_fy <= 0 && r->periods[k].nfiscal == 0 &&
		    title_part(x, &r->periods[k], x->title_part_period) == 0)
			x->title_part_dated = 1;
	return x->title_part_dated > 0 ? x->title_part_period : NULL;
}

/* The end of the stretch of s[from..to) before its first comma,
 * semicolon or dash. */
static size_t
stretch_end(const char *s, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (s[i] == ',' || s[i] == ';' || (s[i] == '-' && i > from &&
		    s[i - 1] == ' '))
			return i;
	return to;
}

static int
cmp_part(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Puts the parts of a joint actor "B+A" in byte order, "A+B", as
 * metrics.md writes them: whichever way a text names the two, they are
 * one series. */
void
sort_joint(char *e, size_t n)
{
	char copy[FIG_ENTITY_MAX], *part[16];
	int np = 0;

	if (strchr(e, '+') == NULL || strlen(e) >= sizeof copy)
		return;
	memcpy(copy, e, strlen(e) + 1);
	for (char *p = copy; p && np < 16; ) {
		char *plus = strchr(p, '+');
		part[np++] = p;
		if (plus)
			*plus++ = '\0';
		p = plus;
	}
	qsort(part, (size_t)np, sizeof *part, cmp_part);
	e[0] = '\0';
	for (int i = 0; i < np; i++) {
		/* a part named twice ("China and Beijing") is one actor */
		if (i > 0 && strcmp(part[i], part[i - 1]) == 0)
			continue;
		if (e[0])
			strncat(e, "+", n - strlen(e) - 1);
		strncat(e, part[i], n - strlen(e) - 1);
	}
}

/* "in early 2022 the two countries together supplied 40 percent": a
 * [cue pair] in the figure's clause before it, with no actor between it
 * and the figure, stands for the last two actors the paragraph named
 * before it, joined in byte order ("RUS+UKR"), or for a joint actor
 * named last ("Sino-Russian trade ... both sides").
 * Returns 1 with out set, or 0. */
static int
pair_entity(struct xstate *x, const struct qrec *q, size_t clause, char *out,
    size_t n)
{
	const struct fig_rules *r = x->r;
	const char *c = x->clean.data;
	const char *last = NULL, *prev = NULL;	/* two most recent actors */
	size_t first_last = 0, first_prev = 0;	/* where each was named when
						   it joined the two: the
						   order they are written */
	size_t at, cue;

	if (r->pair.code == NULL || rules_match(r, &r->pair, c, q->q.start,
	    clause, 0, x->md, NULL) <= 0)
		return 0;
	cue = pcre2_get_ovector_pointer(x->md)[0];
	if (first_entity(x, pcre2_get_ovector_pointer(x->md)[1], q->q.start))
		return 0;
	for (at = x->csent[0].start; at < cue && rules_match(r, &r->anyentity,
	    c, cue, at, 0, x->md, NULL) > 0; ) {
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
		const char *e = entity_of(x, c + ov[0], ov[1] - ov[0]);

		at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
		if (e == NULL || (last && strcmp(e, last) == 0))
			continue;
		if (prev && strcmp(e, prev) == 0) {	/* back again: the older */
			const char *t = prev;
			size_t tf = first_prev;
			prev = last, first_prev = first_last;
			last = t, first_last = tf;
			continue;
		}
		prev = last, first_prev = first_last;
		last = e, first_last = ov[0];
	}
	if (last && strchr(last, '+'))
		snprintf(out, n, "%s", last);
	else if (prev)
		snprintf(out, n, "%s+%s", prev, last);
	else
		return 0;
	sort_joint(out, n);
	return 1;
}

/* The actor of a figure no topic names: the first entity of its own
 * clause before it ("..., while Russian fabs remain at 90 nm"), else of
 * its sentence before it (the subject, as a rule), else the first after
 * it up to a comma, each not named as one of sides (a destination or an
 * origin: side_named); else the first holder of the nearest earlier
 * sentence of the paragraph naming one, else of the last paragraph that
 * named one, else the title's, else the first actor of its sentence
 * however named. */

/* "While TSMC plans to reach 2nm by 2026, for example, Russia hopes to
 * achieve 28nm": a sentence that opens with a subordinate clause
 * ("While", "Whereas", "Although", "Though", "Unlike") has its main
 * clause after that clause's comma. Returns where the figure's clause
 * starts: clause, or just after that comma when the figure follows it. */
static size_t
main_clause(const char *s, size_t start, size_t clause, size_t fig)
{
	static const char *const subord[] = { "while ", "whereas ",
	    "although ", "though ", "unlike ", NULL };

	for (int k = 0; subord[k]; k++) {
		size_t n = strlen(subord[k]);
		if (start + n <= fig &&
		    strncasecmp(s + start, subord[k], n) == 0) {
			for (size_t i = start + n; i < fig; i++)
				if (s[i] == ',')
					return i + 1 > clause ? i + 1 : clause;
			break;
		}
	}
	return clause;
}

/* "Output in South America totaled 3.3 million mt, with Brazil's output
 * totaling 2.7 million mt": a clause ", with X's ..." is X's own.
 * Returns where the figure's clause starts: just after the last such
 * "with" before the figure, else clause. */
static size_t
with_clause(struct xstate *x, size_t clause, size_t fig)
{
	const char *c = x->clean.data;
	size_t at = clause;

	for (int i = actors_from(x, clause); i < x->nments &&
	    x->ments[i].end <= fig; i++) {
		const struct actor_at *m = &x->ments[i];
		if (m->start >= clause + 7 && strncmp(c + m->start - 7,
		    ", with ", 7) == 0 && m->end < x->clean.len &&
		    (c[m->end] == '\'' || strncmp(c + m->end, "\xE2\x80\x99",
		    3) == 0))
			at = m->start;
	}
	return at;
}

/* "comes from Saudi Arabia (1 million bpd), followed by Iraq (223,000
 * bpd)": a figure in brackets right after an actor's name is that
 * actor's. Returns the actor, or NULL. */
static const char *
bracket_actor(struct xstate *x, const struct qrec *q)
{
	const char *c = x->clean.data;
	size_t at = q->q.start;

	if (at >= x->clean.len)
		return NULL;
	if (c[at] != '(') {
		if (at == 0 || c[at - 1] != '(')
			return NULL;
		at--;
	}
	while (at > 0 && c[at - 1] == ' ')
		at--;
	if (!x->ments_ok)
		find_actors(x);
	for (int i = 0; i < x->nments; i++)
		if (x->ments[i].end == at)
			return x->ments[i].name;
	return NULL;
}

/* The actor of figure q as the comment above says, passing over in its
 * own sentence the actors named as one of sides (SIDE_TO for a flow's
 * holder). Fills out, or leaves it empty. */
void
nearest_holder(struct xstate *x, const struct qrec *q, int sides, char *out,
    size_t n)
{
	const struct fig_span *cs = &x->csent[q->sent];
	size_t clause = main_clause(x->clean.data, cs->start,
	    clause_start(x->clean.data, cs->start, q->q.start), q->q.start);
	const char *e = NULL;

	out[0] = '\0';
	clause = with_clause(x, clause, q->q.start);
	if (pair_entity(x, q, clause, out, n))
		return;
	e = bracket_actor(x, q);
	if (e == NULL && clause > cs->start)
		e = first_holder_but(x, clause, q->q.end, sides);
	if (e == NULL)
		e = first_holder_but(x, cs->start, q->q.end, sides);
	/* after the figure: in its own stretch up to a comma first ("rose
	 * 5 percent in Russia"), then what earlier sentences were about,
	 * then the rest ("28nm by 2030, something TSMC did in 2011" is
	 * not about TSMC) */
	if (e == NULL)
		e = first_holder_but(x, q->q.end, stretch_end(
		    x->clean.data, q->q.end, cs->end), sides);
	if (e == NULL && q->sent > 0)
		e = entity_before(x, q->sent - 1);
	/* what the paragraph before was about: news writes a sentence a
	 * paragraph ("China's exports rose 0.4 percent." then "Imports,
	 * however, fell 0.5 percent.") */
	if (e == NULL)
		e = x->para_actor;
	if (e == NULL)
		e = title_entity(x);
	/* a sentence that names only where goods went or came from, in a
	 * text that names no one else */
	if (e == NULL)
		e = first_entity(x, cs->start, q->q.end);
	if (e == NULL)
		e = first_entity(x, q->q.end, cs->end);
	if (e)
		claim_setfield(out, n, e);
}

/* The actor of a figure no topic names: nearest_holder, no destination
 * nor origin in its sentence before the rest. */
void
nearest_entity(struct xstate *x, const struct qrec *q, char *out, size_t n)
{
	nearest_holder(x, q, SIDE_ANY, out, n);
}

/* "Turkey and Poland adding 72 tonnes and 69 tonnes, respectively":
 * the list of actors the one in out heads in sentence si ("TUR+POL",
 * in the order named), or out unchanged when it heads none. */
void
actor_list(struct xstate *x, int si, char *out, size_t n)
{
	const struct fig_span *cs = &x->csent[si];
	struct fig_buf b = FIG_BUF_INIT;
	int i = actors_from(x, cs->start), parts = 0;

	for (; i < x->nments && x->ments[i].end <= cs->end; i++)
		if (strcmp(x->ments[i].name, out) == 0)
			break;
	for (; i < x->nments && x->ments[i].end <= cs->end; i++) {
		if (parts > 0 && !conjunct(x->clean.data, x->ments[i - 1].end,
		    x->ments[i].start))
			break;
		buf_adds(&b, parts++ ? "+" : "");
		buf_adds(&b, x->ments[i].name);
	}
	if (parts > 1)
		claim_setfield(out, n, buf_str(&b));
	buf_release(&b);
}

/* The supplier a share names no one for ("..., accounting for 13.9
 * percent of total imports" after "goods exported from China"): as
 * nearest_entity, but its own sentence's places of origin and
 * destination count. */
void
nearest_partner(struct xstate *x, const struct qrec *q, char *out, size_t n)
{
	nearest_holder(x, q, 0, out, n);
}

/* The other side of a flow the text names one side of ("exports to
 * Russia": the exporter): the nearest actor that is not `known`, in the
 * order nearest_entity looks, then the actors of earlier paragraphs,
 * the latest first, then anywhere in the title (a report on
 * "China-Russia trade" names both). Fills out, or leaves it empty. */
void
other_actor(struct xstate *x, const struct qrec *q, const char *known,
    char *out, size_t n)
{
	other_actor_at(x, q, known, 0, out, n);
}

/* Is the mention at offset at of the cleaned block the object of
 * "with" ("trade with the EU")? */
static int
after_with(const struct xstate *x, size_t at)
{
	static const char *const with[] = { "with ", "with the ", NULL };
	const char *c = x->clean.data;

	for (int k = 0; with[k]; k++) {
		size_t n = strlen(with[k]);
		if (at >= n && strncasecmp(c + at - n, with[k], n) == 0 &&
		    (at == n || !isalnum((unsigned char)c[at - n - 1])))
			return 1;
	}
	return 0;
}

/* The first actor named in the cleaned block's [from, to) that is not
 * `known` nor the object of "with": the holder of a trade, never the
 * partner another "trade with" names ("Trade with the EU grew 5.5%, and
 * trade with the US fell 13.1%": the US's partner is the holder named
 * before, not the EU). */
static const char *
holder_in(struct xstate *x, size_t from, size_t to, const char *known)
{
	for (int i = actors_from(x, from); i < x->nments &&
	    x->ments[i].start <= to; i++) {
		const struct actor_at *m = &x->ments[i];
		if (m->end <= to && wanted(m->name, known, NULL) &&
		    !after_with(x, m->start))
			return m->name;
	}
	return NULL;
}

/* The other side named in the cleaned block's [from, to), as
 * other_side looks: the first actor that is not known nor named as one
 * of sides, and with after_last no object of "with" (holder_in). */
static const char *
other_in(struct xstate *x, size_t from, size_t to, const char *known,
    int after_last, int sides)
{
	if (after_last)
		return holder_in(x, from, to, known);
	return find_block(x, from, to, known, NULL, sides);
}

/* other_actor, looking after the figure in its sentence first, or
 * (after_last) only once the sentences and paragraphs before and the
 * title name no one: the second side of "bilateral trade" is the one
 * the text set up, not the other trade a comparison names after it
 * ("trade with China, which amounted to 60.0 billion euros, was lower
 * than that with the United States"), and in the block it is no object
 * of "with" (holder_in). In the block, an actor named as one of sides
 * (side_named) is passed over. */
static void
other_side(struct xstate *x, const struct qrec *q, const char *known,
    int after_last, int sides, char *out, size_t n)
{
	const struct fig_span *cs = &x->csent[q->sent];
	const char *c = x->clean.data, *t = x->meta->title;
	const char *e = other_in(x, cs->start, q->q.start, known, after_last,
	    sides);

	if (e == NULL && !after_last)
		e = other_in(x, q->q.end, cs->end, known, 0, sides);
	for (int k = q->sent - 1; e == NULL && k >= 0; k--)
		e = other_in(x, x->csent[k].start, x->csent[k].end, known,
		    after_last, sides);
	for (int k = x->nrecent - 1; e == NULL && k >= 0; k--)
		if (known == NULL || strcmp(x->recent[k], known) != 0)
			e = x->recent[k];
	if (e == NULL && (x->title_from_meta || x->title_headline))
		e = entity_in(x, t, 0, strlen(t), known);
	if (e == NULL && after_last)
		e = entity_in(x, c, q->q.end, cs->end, known);
	out[0] = '\0';
	if (e)
		claim_setfield(out, n, e);
}

void
other_actor_at(struct xstate *x, const struct qrec *q, const char *known,
    int after_last, char *out, size_t n)
{
	other_side(x, q, known, after_last, 0, out, n);
}

/* The holder of a flow whose other side is known: other_actor, passing
 * over the block's actors named as one of sides ("Exports to China rose
 * 5.3 percent, while shipments to the Middle East surged": the Middle
 * East is no exporter), unless no other actor is named. */
void
other_holder(struct xstate *x, const struct qrec *q, const char *known,
    int sides, char *out, size_t n)
{
	other_side(x, q, known, 0, sides, out, n);
	/* none else: "Japan's exports to the EU rose, while the flow of
	 * European goods to Japan fell" is the EU's */
	if (!out[0] && sides)
		other_side(x, q, known, 0, 0, out, n);
}

/* Canonical name of an entity mention; joint actors ("Russia and
 * Ukraine", "SMIC, Hua Hong", "Sino-Russian") become "RUS+UKR",
 * "Hua Hong+SMIC", "CHN+RUS"; "" when a part names no actor. */
static void
entity_name(struct xstate *x, const char *s, size_t n, char *out, size_t on)
{
	const char *e = entity_of(x, s, n);
	struct fig_buf b = FIG_BUF_INIT;
	size_t i = 0;

	out[0] = '\0';
	if (e) {
		claim_setfield(out, on, e);
		return;
	}
	while (i < n) {
		size_t j = i, k, pn;
		const char *part;
		while (j < n && s[j] != ',' && s[j] != '&' && s[j] != '/' &&
		    s[j] != '-' && !(j + 5 <= n && memcmp(s + j, " and ", 5)
		    == 0) && !(j + 6 <= n && memcmp(s + j, " plus ", 6) == 0))
			j++;
		k = j - i;
		part = text_trim(s + i, &k);
		if (k > 4 && strncasecmp(part, "the ", 4) == 0) {
			part += 4;	/* "the United States and the EU" */
			k -= 4;
		}
		pn = k;
		if (pn > 0) {
			if ((e = entity_of(x, part, pn)) == NULL) {
				buf_release(&b);
				return;
			}
			if (b.len)
				buf_addc(&b, '+');
			buf_adds(&b, e);
		}
		i = j + (j + 5 <= n && memcmp(s + j, " and ", 5) == 0 ? 5 :
		    j + 6 <= n && memcmp(s + j, " plus ", 6) == 0 ? 6 : 1);
	}
	claim_setfield(out, on, buf_str(&b));
	buf_release(&b);
	sort_joint(out, on);
}

/* The last subject named in text[from, to), or NULL. */
const char *
subject_in(struct xstate *x, const char *text, size_t from, size_t to)
{
	const struct fig_rules *r = x->r;
	const char *last = NULL;
	size_t at = from;

	while (at < to && rules_match(r, &r->anysubject, text, to, at, 0, x->md,
	    NULL) > 0) {
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
		const char *sj = subject_of(x, text + ov[0], ov[1] - ov[0]);
		if (sj)
			last = sj;
		at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	}
	return last;
}

static const char *const trade_verbs[] = { "bought", "imported",
    "purchased", "sold", "exported", "shipped", "supplied", "delivered",
    "buying", "importing", "selling", "exporting", "shipping", "supplying",
    NULL };

/* Is text[i, end) one of trade_verbs? */
static int
trade_verb(const char *text, size_t i, size_t end)
{
	return one_of(text, i, end, trade_verbs);
}

/* Does text[from, to) hold a verb of trade as a word? (a scan of its
 * words, cheaper than looking for subjects in a sentence with none) */
static int
has_trade_verb(const char *text, size_t from, size_t to)
{
	size_t i = from;

	while (i < to) {
		size_t j;
		while (i < to && !isalpha((unsigned char)text[i]))
			i++;
		for (j = i; j < to && isalpha((unsigned char)text[j]); j++)
			;
		if (j > i && trade_verb(text, i, j))
			return 1;
		i = j;
	}
	return 0;
}

/* Does text[from, at) end in a verb of trade and at most three words
 * more ("bought far more Russian ", "imported ")? */
static int
traded_before(const char *text, size_t from, size_t at)
{
	size_t i = at;

	for (int w = 0; w < 4 && i > from; w++) {
		size_t end;
		while (i > from && text[i - 1] == ' ')
			i--;
		end = i;
		while (i > from && isalpha((unsigned char)text[i - 1]))
			i--;
		if (end == i)
			return 0;	/* a comma, a figure: another phrase */
		if (trade_verb(text, i, end))
			return 1;
	}
	return 0;
}

/* The last subject the cleaned block's [from, to) names as what a verb
 * of trade moves ("China bought far more Russian coal"), or NULL. */
const char *
traded_subject_in(struct xstate *x, size_t from, size_t to)
{
	const struct fig_rules *r = x->r;
	const char *c = x->clean.data, *last = NULL;
	size_t at = from;

	if (!has_trade_verb(c, from, to))
		return NULL;
	while (at < to && rules_match(r, &r->anysubject, c, to, at, 0, x->md,
	    NULL) > 0) {
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
		size_t s0 = ov[0], s1 = ov[1];
		const char *sj = subject_of(x, c + s0, s1 - s0);
		int k = actors_from(x, from);	/* (may match: ov is gone) */
		/* past an actor's adjective: "Russian coal" */
		for (; k < x->nments && x->ments[k].start < s0; k++)
			if (x->ments[k].end + 1 == s0 ||
			    x->ments[k].end == s0)
				s0 = x->ments[k].start;
		if (sj && traded_before(c, from, s0))
			last = sj;
		at = s1 > at ? s1 : at + 1;
	}
	return last;
}

/* The last subject the cleaned block names, as subject_in() over the
 * whole block finds it, looked for sentence by sentence from the block's
 * end: a subject's words hold no '.', '!' or '?', so no match runs from
 * one sentence into the next and a sentence's matches are found alike
 * from its start; each search is held to its sentence (an offset limit).
 * A block of megabytes (a flattened page) is so read from its end only
 * as far as its last subject, not whole. */
const char *
last_subject(struct xstate *x)
{
	const struct fig_rules *r = x->r;
	const char *c = x->clean.data;
	size_t len = x->clean.len;

	for (int k = x->nsent - 1; k >= 0; k--) {
		size_t at = k > 0 ? x->csent[k].start : 0;
		size_t to = k + 1 < x->nsent ? x->csent[k + 1].start : len;
		const char *last = NULL;

		while (at < to && rules_match_upto(r, &r->anysubject, c, len, at,
		    to - 1, x->mctx, x->md, NULL) > 0) {
			const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
			const char *sj = subject_of(x, c + ov[0],
			    ov[1] - ov[0]);
			if (sj)
				last = sj;
			at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
		}
		if (last)
			return last;
	}
	return NULL;
}

/* The subject a block with no figure opens with ("Natural gas in
 * gaseous state followed the same pattern."): what the paragraphs after
 * it are about, as a heading would say. Only a match at the block's
 * start is tried (an offset limit), so a block costs one search. NULL
 * when it opens with no subject. */
const char *
opening_subject(struct xstate *x)
{
	const struct fig_rules *r = x->r;
	const char *c = x->clean.data;
	const PCRE2_SIZE *ov;

	if (x->clean.len == 0 || rules_match_upto(r, &r->anysubject, c,
	    x->clean.len, 0, 0, x->mctx, x->md, NULL) <= 0)
		return NULL;
	ov = pcre2_get_ovector_pointer(x->md);
	if (ov[0] != 0 || (ov[1] < x->clean.len &&
	    isalnum((unsigned char)c[ov[1]])))
		return NULL;
	return subject_of(x, c, ov[1]);
}

/* What the text was about when a figure's phrase names no subject
 * ("Exports will fall to 22.5 million tons" after a sentence on wheat):
 * the subject its own words count ("153.2 thousand passenger cars"),
 * else the last subject named before it in its sentence, else in the
 * sentences before, else in the lead line of its list, else in earlier
 * paragraphs, else in the title. */
const char *
subject_before(struct xstate *x, const struct qrec *q)
{
	const char *c = x->clean.data, *t = x->meta->title;
	const char *sj = subject_in(x, c, q->q.start, q->q.end);

	if (sj == NULL)
		sj = subject_in(x, c, x->csent[q->sent].start, q->q.start);

	for (int k = q->sent - 1; sj == NULL && k >= 0; k--)
		sj = subject_in(x, c, x->csent[k].start, x->csent[k].end);
	/* a list item's lead line: "Japan's LNG imports by supplier:" */
	if (sj == NULL && x->in_item && x->lead.len > 0)
		sj = subject_in(x, x->lead.data, 0, x->lead.len);
	if (sj == NULL)
		sj = x->recent_subject;
	if (sj == NULL && (x->title_from_meta || x->title_headline))
		sj = subject_in(x, t, 0, strlen(t));
	return sj;
}

/* The actor a group of capitalised words names ({ACTOR} in the topic
 * rules): the whole, else what is left once leading words go ("In June
 * China" is China). out is empty when no tail names one: the group is
 * then taken as unset. */
void
actor_name(struct xstate *x, const char *s, size_t n, char *out, size_t on)
{
	for (;;) {
		const char *sp;
		entity_name(x, s, n, out, on);
		if (out[0] || (sp = memchr(s, ' ', n)) == NULL)
			return;
		n -= (size_t)(sp + 1 - s);
		s = sp + 1;
	}
}

/* Is unit one of the "|"-separated units of list, or of class cls, a
 * class the list names ("@money")? */
int
unit_in(const char *list, const char *unit, const char *cls)
{
	size_t n = strlen(unit), nc = strlen(cls);

	while (*list) {
		const char *bar = strchr(list, '|');
		size_t k = bar ? (size_t)(bar - list) : strlen(list);
		if (k == n && memcmp(list, unit, n) == 0)
			return 1;
		if (*list == '@' && k - 1 == nc && memcmp(list + 1, cls, nc)
		    == 0)
			return 1;
		list += k + (bar != NULL);
	}
	return 0;
}

/* Does about pattern re match the paragraph so far, x->clean[0, end)?
 * Remembered for the block: the figures of a sentence share their end. */
int
about_match(struct xstate *x, const struct fig_re *re, size_t end)
{
	struct about_memo *m = NULL;
	int rc;

	for (int i = 0; i < x->namemo; i++)
		if (x->amemo[i].re == re) {
			/* the paragraph so far only grows: a match found up to
			 * an earlier end is still there */
			if (x->amemo[i].end == end || (x->amemo[i].rc > 0 &&
			    x->amemo[i].end <= end))
				return x->amemo[i].rc;
			m = &x->amemo[i];
		}
	rc = rules_match(x->r, re, x->clean.data, end, 0, 0, x->md, x->err);
	if (rc < 0)
		return rc;
	if (m == NULL && x->namemo < (int)(sizeof x->amemo /
	    sizeof *x->amemo))
		m = &x->amemo[x->namemo++];
	if (m) {
		m->re = re;
		m->end = end;
		m->rc = rc;
	}
	return rc;
}

/* The number of the set group named name of code (several groups may
 * share a name under (?J) or in alternatives: the first one set), or 0
 * when none is set. */
int
named_group(const pcre2_code *code, const char *name, const PCRE2_SIZE *ov)
{
	PCRE2_SPTR first, last;
	int size = pcre2_substring_nametable_scan(code, (PCRE2_SPTR)name,
	    &first, &last);

	if (size <= 0)
		return 0;
	for (PCRE2_SPTR e = first; e <= last; e += size) {
		int g = (e[0] << 8) | e[1];
		if (ov[2 * g] != PCRE2_UNSET)
			return g;
	}
	return 0;
}

/* The subject a head noun stands for ("Japanese equipment exports"
 * after "semiconductor manufacturing equipment"): the subject the text
 * named last before the figure, when the last word of its name is the
 * head ("semiconductor_equipment", "equipment"; "machine_tools",
 * "tool" or "tools"), or a generic noun's ("exports of the product":
 * generic_head), else NULL. Costs a look back only where a topic
 * pattern set the group head. */
static int
heads(const char *sj, const char *h, size_t n)
{
	const char *last = strrchr(sj, '_');
	size_t k;

	last = last ? last + 1 : sj;
	k = strlen(last);
	return (k == n && strncasecmp(last, h, n) == 0) ||
	    (k == n + 1 && last[n] == 's' && strncasecmp(last, h, n) == 0) ||
	    (k + 1 == n && h[k] == 's' && strncasecmp(last, h, k) == 0);
}

/* The nouns that stand for whatever goods the text named last: "exports
 * of the product", "output of the metal", "shipments of the commodity". */
static int
generic_head(const char *h, size_t n)
{
	static const char *const words[] = { "product", "commodity",
	    "metal", "fuel", "crop", "staple" };

	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strlen(words[i]) == n && strncasecmp(words[i], h, n) == 0)
			return 1;
	return 0;
}

const char *
head_subject(struct xstate *x, const char *h, size_t n)
{
	const struct fig_rules *r = x->r;
	const char *sj;
	int any = 0;

	if (n < 3)
		return NULL;
	if (generic_head(h, n))
		return subject_before(x, &x->qs[x->cur_q]);
	/* a word that ends no subject's name costs no look back */
	for (int i = 0; i < r->nsubjects && !any; i++)
		any = heads(r->subjects[i].name, h, n);
	if (!any || (sj = subject_before(x, &x->qs[x->cur_q])) == NULL)
		return NULL;
	return heads(sj, h, n) ? sj : NULL;
}

