/* extract-quantity.c: the figures of a sentence. Quantities found by
 * quantity.c are joined into runs and lists ("3, 5 and 7 percent"), lent
 * a unit the sentence implies, priced by a rate it names before them, and
 * dropped where an exclusion rule says they are no claim. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "figtrack/number.h"

#include "extract-int.h"

/* "30 and 40 percent" is a range only after "between", which the match
 * at the number could not see. */
static int
followed_by_and(const char *s, size_t len, size_t i)
{
	while (i < len && s[i] == ' ')
		i++;
	return i + 4 <= len && strncasecmp(s + i, "and ", 4) == 0;
}

/* Could the text just before a number hold a prefix unit ("US$",
 * "RMB", "\u20ac", "Rs.") or a sign? A symbol, or a short word with a
 * capital, right before it. */
static int
maybe_prefix(const char *s, size_t from, size_t anchor)
{
	size_t i = anchor;

	if (i > from && s[i - 1] == ' ')
		i--;
	if (i == from)
		return 0;
	if ((unsigned char)s[i - 1] >= 0x80 || strchr("$#+-.%", s[i - 1]))
		return 1;	/* "\u20ac5", "(-1%)", "Rs.2.56", "%9,75" */
	/* a capitalised word of up to four letters: "RMB 5", "Rs 10" */
	for (size_t k = 0; k < 4 && i > from && ((s[i - 1] | 32) >= 'a' &&
	    (s[i - 1] | 32) <= 'z'); k++, i--)
		if (s[i - 1] >= 'A' && s[i - 1] <= 'Z')
			return 1;
	return 0;
}

/* The length of the comparison base said at s[i] ("year on year", "on
 * the month", "y/y"; "yearon-year" from a PDF line broken after its
 * hyphen; "from April", "on May last year"), or 0. */
static size_t
base_words(const char *s, size_t i, size_t to)
{
	static const char *const bases[] = { "year on year", "year-on-year",
	    "yearon-year", "month on month", "month-on-month",
	    "monthon-month", "quarter on quarter", "quarter-on-quarter",
	    "quarteron-quarter", "on the year", "on the month",
	    "on the quarter", "on year", "on month", "y/y", "yoy", "m/m",
	    "q/q", "from a year earlier", "from a year ago" };

	static const char *const preps[] = { "from ", "on ", "over ",
	    "against ", "versus ", "compared with ", "compared to " };
	static const char *const years[] = { " last year", " of last year",
	    " a year earlier", " a year ago" };

	for (size_t k = 0; k < sizeof bases / sizeof *bases; k++) {
		size_t n = strlen(bases[k]);
		if (i + n <= to && strncasecmp(s + i, bases[k], n) == 0 &&
		    (i + n == to || !isalnum((unsigned char)s[i + n])))
			return n;
	}
	/* a month ("down by 2.2 million tons from April and by 11.7
	 * million tons from May last year") */
	for (size_t k = 0; k < sizeof preps / sizeof *preps; k++) {
		size_t n = strlen(preps[k]), j = i + n, e;
		if (j > to || strncasecmp(s + i, preps[k], n) != 0)
			continue;
		for (e = j; e < to && isalpha((unsigned char)s[e]); e++)
			;
		if (e == j || period_month(s + j, e - j) == 0)
			return 0;
		for (size_t y = 0; y < sizeof years / sizeof *years; y++) {
			size_t m = strlen(years[y]);
			if (e + m <= to && strncasecmp(s + e, years[y], m) == 0 &&
			    (e + m == to || !isalnum((unsigned char)s[e + m]))) {
				e += m;
				break;
			}
		}
		return e - i;
	}
	return 0;
}

/* The end of the words after a figure that say of or in what it is
 * ("of crude oil", "in volume": up to three, never word w), from s[i];
 * i when there are none. */
static size_t
part_words(const char *s, size_t i, size_t to, const char *w)
{
	size_t j = i + 3, n = strlen(w);

	if (i + 3 > to || (strncasecmp(s + i, "of ", 3) != 0 &&
	    strncasecmp(s + i, "in ", 3) != 0))
		return i;
	for (int k = 0; k < 3 && j < to; k++) {
		size_t st = j;
		while (j < to && (((s[j] | 32) >= 'a' && (s[j] | 32) <= 'z') ||
		    ((isdigit((unsigned char)s[j]) || s[j] == '-') && j > st)))
			j++;
		if (j == st || (j - st == n && strncasecmp(s + st, w, n) == 0))
			return st;
		while (j < to && s[j] == ' ')
			j++;
	}
	return j;
}

/* Is s[i..to) only a comma or a semicolon (*sep set), the word w and
 * "by" after it, in that order, each optional? 1 when w is there, 0
 * when not, -1 when anything else is. */
static int
join_tail(const char *s, size_t i, size_t to, const char *w, int *sep)
{
	size_t n = strlen(w);
	int word = 0;

	*sep = 0;
	if (i < to && (s[i] == ',' || s[i] == ';')) {
		i++;
		*sep = 1;
	}
	while (i < to && s[i] == ' ')
		i++;
	if (i + n <= to && strncasecmp(s + i, w, n) == 0) {
		i += n;
		word = 1;
		while (i < to && s[i] == ' ')
			i++;
		if (i + 3 <= to && strncasecmp(s + i, "by ", 3) == 0)
			i += 3;
	}
	while (i < to && s[i] == ' ')
		i++;
	return i == to ? word : -1;
}

/* Does s[i..to) say of whom or where the figure before is, then join
 * the next with a comma, a semicolon or word w ("dropped 7% among
 * women aged 15 to 19; 4% among women 20 to 24", "fell 51 percent for
 * white and black teenagers and 40 percent", "rose 3% at Ford, 2%")?
 * "among", "for", "at" or "across" and up to eight words or numbers.
 * 1 + whether w is there, else 0. */
static int
joined_after_group(const char *s, size_t i, size_t to, const char *w)
{
	static const char *const leads[] = { "among ", "for ", "at ",
	    "across " };
	size_t j = 0;
	int k, sep, rc;

	for (k = 0; k < 4; k++) {
		j = strlen(leads[k]);
		if (i + j <= to && strncasecmp(s + i, leads[k], j) == 0)
			break;
	}
	if (k == 4)
		return 0;
	for (j += i, k = 0; k < 8 && j < to; k++) {
		size_t st = j;
		while (j < to && (isalnum((unsigned char)s[j]) ||
		    (s[j] == '-' && j > st)))
			j++;
		if (j == st)
			return 0;
		if ((rc = join_tail(s, j, to, w, &sep)) >= 0 && (sep || rc))
			return 1 + rc;
		while (j < to && s[j] == ' ')
			j++;
	}
	return 0;
}

/* Is s[from..to) only a comma or the word w between two figures ("fell
 * 12% and about 23%", "rose 5%, 7% and 9%"; "a fall of 140 Mt, or
 * 2.9%"), after words that say of or in what the first is (part_words:
 * "fell 32.1% in volume and 15.7%") or its comparison base ("down 2.6%
 * year on year and 16.5% on the month"), or of whom or where
 * (joined_after_group), "by" after the word ("by 9.75% on year and by
 * 9.27%")? A semicolon joins as a comma does. 2 when the word is
 * there, 1 for a comma alone, else 0. */
static int
joined_by(const char *s, size_t from, size_t to, const char *w)
{
	size_t i = from;
	int sep, rc;

	while (i < to && s[i] == ' ')
		i++;
	if ((rc = joined_after_group(s, i, to, w)) != 0)
		return rc;
	i = part_words(s, i, to, w);
	i += base_words(s, i, to);
	while (i < to && s[i] == ' ')
		i++;
	i = part_words(s, i, to, w);	/* "down 5% year on year in May" */
	rc = join_tail(s, i, to, w, &sep);
	return rc >= 0 && to > from ? 1 + rc : 0;
}

/* The figure of sentence si before a new one, whose direction the new
 * one may share, and in *end where the words joining them start: the
 * last figure, or the one before it when the last is its twin in
 * brackets ("falls of 3.1% (6.3m teu) and 4%": the 4% joins the 3.1%).
 * NULL when the sentence has none yet. */
static const struct qrec *
join_before(const struct xstate *x, int si, size_t *end)
{
	const char *c = x->clean.data;
	const struct qrec *p;
	size_t i;

	if (x->nq == 0 || x->qs[x->nq - 1].sent != si)
		return NULL;
	p = &x->qs[x->nq - 1];
	*end = p->q.end;
	if (x->nq < 2 || x->qs[x->nq - 2].sent != si ||
	    p->q.end >= x->csent[si].end || c[p->q.end] != ')')
		return p;
	for (i = p->q.start; i > 0 && c[i - 1] == ' '; i--)
		;
	if (i == 0 || c[i - 1] != '(')
		return p;
	for (i--; i > 0 && c[i - 1] == ' '; i--)
		;
	if (i != x->qs[x->nq - 2].q.end)
		return p;
	*end = p->q.end + 1;
	return &x->qs[x->nq - 2];
}

/* Is s[from..to) only words that list the parts of the figure before
 * ("a reduction of 500,000 bpd, made up of 300,000 bpd", "including",
 * "of which")? Its parts share its direction. */
static int
joined_by_parts(const char *s, size_t from, size_t to)
{
	static const char *const lead[] = { "which includes", "which include",
	    "made up of", "including", "includes", "comprising", "of which",
	    "consisting of" };
	size_t i = from;

	while (i < to && (s[i] == ' ' || s[i] == ','))
		i++;
	for (size_t k = 0; k < sizeof lead / sizeof *lead; k++) {
		size_t n = strlen(lead[k]), j = i + n;
		if (j > to || strncasecmp(s + i, lead[k], n) != 0)
			continue;
		while (j < to && s[j] == ' ')
			j++;
		if (j == to)
			return 1;
	}
	return 0;
}

/* Is unit name u a change or a share ("percent", "times"), which a bare
 * number never takes from the figure before it ("rose 5% to 1,234")? */
static int
change_unit(const char *u)
{
	return strcmp(u, "percent") == 0 || strcmp(u, "percentage_point") ==
	    0 || strcmp(u, "basis_point") == 0 || strcmp(u, "times") == 0;
}

/* Is the word of s[from..at) just before at (spaces skipped) one of
 * words[0..n)? */
int
word_before_in(const char *s, size_t from, size_t at,
    const char *const *words, size_t n)
{
	size_t i = at, end;

	while (i > from && s[i - 1] == ' ')
		i--;
	end = i;
	while (i > from && (s[i - 1] | 32) >= 'a' && (s[i - 1] | 32) <= 'z')
		i--;
	for (size_t k = 0; k < n; k++)
		if (end - i == strlen(words[k]) &&
		    strncasecmp(s + i, words[k], end - i) == 0)
			return 1;
	return 0;
}

/* Does a time's possessive stand right before at ("down 26.8% from
 * September's 4.29 million", "above 2019's 12.5 million", "last year's
 * 3.1 million")? A number after it is the figure of that time. */
static int
time_possessive(const char *s, size_t from, size_t at)
{
	static const char *const times[] = { "january", "february", "march",
	    "april", "may", "june", "july", "august", "september", "october",
	    "november", "december", "year", "month", "quarter", "week",
	    NULL };
	size_t e = at, b;

	while (e > from && s[e - 1] == ' ')
		e--;
	if (e < from + 3 || s[e - 1] != 's' || s[e - 2] != '\'')
		return 0;
	e -= 2;
	b = e;
	while (b > from && isalnum((unsigned char)s[b - 1]))
		b--;
	if (e - b == 4 && isdigit((unsigned char)s[b]))
		return 1;	/* "2019's" */
	return one_of(s, b, e, times);
}

/* The words after which a bare number can be a figure whose unit the
 * sentence implies: a level ("at 770,747", "to 11,360", "of 1.26"), a
 * base ("from 1.30"), a change ("down 40,875"), one of a pair, a part
 * ("Asia-Pacific with 2.46 billion", "of whom 18.394 million"), one
 * before ("after 173,000 in November"), the object of a verb that
 * counts ("BYD sold 3.02 million", "Gatwick handled 40.9 million"), a
 * share ("Germany accounted for 2.8 million"), a change told by its verb
 * alone ("payrolls rose 250,000"). */
static int
implied_after(const char *s, size_t from, size_t at)
{
	static const char *const words[] = { "to", "at", "of", "from",
	    "and", "or", "versus", "vs", "against", "down", "up", "by",
	    "was", "were", "is", "are", "reached", "hit", "totalled",
	    "totaled", "numbered", "about", "around", "nearly", "almost",
	    "some", "roughly", "approximately", "record", "with", "whom",
	    "which", "after", "following", "than", "sold", "delivered",
	    "handled", "had", "recorded", "registered", "welcomed",
	    "received", "produced", "shipped", "exported", "imported",
	    "added", "carried", "attracted", "employed", "hired", "for",
	    "rose", "fell", "climbed", "jumped", "dropped", "declined",
	    "increased", "decreased", "grew", "surged", "soared", "slipped",
	    "plunged", "tumbled", "gained", "lost", "shed" };

	return word_before_in(s, from, at, words, sizeof words /
	    sizeof *words) || time_possessive(s, from, at);
}

/* Where a label's colon before a number at `at` stands ("Passenger
 * numbers: 40.6 million", "- Fertility rate: 1.26"): the offset of the
 * colon, or 0 when the number follows none. */
static size_t
label_colon(const char *s, size_t from, size_t at)
{
	size_t i = at;

	while (i > from && s[i - 1] == ' ')
		i--;
	return i > from + 1 && s[i - 1] == ':' && s[i - 2] != ' ' &&
	    !(s[i - 2] >= '0' && s[i - 2] <= '9') ? i - 1 : 0;
}

/* Does bare number q of sentence si fill a bracket alone right after a
 * word ("the number of births (67,283)", "the fertility rate (1.49)")?
 * The bracket then gives the figure of the words before it, as "at"
 * would; not when a figure ends at that word ("two plants (2)"
 * restates it). */
static int
bracketed_after_word(const struct xstate *x, int si, const struct fig_qty *q)
{
	const char *s = x->clean.data;
	size_t from = x->csent[si].start, to = x->csent[si].end;
	size_t i = q->nstart, e = q->end;

	while (i > from && s[i - 1] == ' ')
		i--;
	if (i < from + 3 || s[i - 1] != '(' || s[i - 2] != ' ' ||
	    !isalpha((unsigned char)s[i - 3]))
		return 0;
	if (x->nq > 0 && x->qs[x->nq - 1].sent == si &&
	    x->qs[x->nq - 1].q.end >= i - 2)
		return 0;
	while (e < to && s[e] == ' ')
		e++;
	return e < to && s[e] == ')';
}

/* Can a bare number take unit u of a figure of value v near it: not a
 * span of time (but at the end of a run that starts from one: "from
 * 26.7 years in 1978 to 30.6 in 2018", run = 1), a unit with a scale of
 * its own ("Mt"), a change or a share, and v of the number's order
 * ("11,360" after "3,200 cars", not "ranked at 3")? */
static int
unit_lendable(const struct fig_qty *from, const struct fig_qty *q, int run)
{
	return from->unit != NULL && (run || !from->unit->duration) &&
	    from->unit->factor == 1 && !change_unit(from->unit_name) &&
	    fabs(q->value) * 100 >= fabs(from->value) && fabs(q->value) <=
	    fabs(from->value) * 100;
}

/* The figure a run goes to, for a bare number it starts from: "fell from
 * 111 to just 66 units" is 111 units. Writes it into to; 1 when there
 * is one right after "to" (and "just", "only", "about", ...), 0 when
 * not, -1 on a match error. */
static int
run_end(struct xstate *x, size_t ce, const struct fig_qty *q,
    struct fig_qty *to)
{
	static const char *const skip[] = { "just", "only", "about",
	    "around", "some", "nearly", "almost", "a", "mere" };
	const char *c = x->clean.data;
	size_t i = q->end, w;
	int rc;

	while (i < ce && c[i] == ' ')
		i++;
	if (i + 3 > ce || strncasecmp(c + i, "to ", 3) != 0)
		return 0;
	for (i += 3;; i = w) {
		size_t k;
		while (i < ce && c[i] == ' ')
			i++;
		for (w = i; w < ce && (c[w] | 32) >= 'a' && (c[w] | 32) <= 'z';
		    w++)
			;
		for (k = 0; k < sizeof skip / sizeof *skip; k++)
			if (w - i == strlen(skip[k]) &&
			    strncasecmp(c + i, skip[k], w - i) == 0)
				break;
		if (w == i || k == sizeof skip / sizeof *skip)
			break;
	}
	rc = rules_match(x->r, &x->r->quantity_at, c, ce, i, 0, x->md_aside,
	    x->err);
	if (rc <= 0)
		return rc;
	return quantity_from_match(x->r, x->md_aside, c, ce, x->decimal_comma,
	    to);
}

/* May a bare number pass over figure f to take the unit of one before
 * it: a span of time or a change ("a 4.4 percent increase to 89.9
 * million" is of the passengers counted before)? */
int
passable_figure(const struct fig_qty *f)
{
	return f->unit != NULL && (f->unit->duration ||
	    change_unit(f->unit_name));
}

/* Does c[from..to) name no other figure-like token: no digit but those
 * of the figures passable_figure passes over, of years and of names ("Compared with
 * November 2013, unemployment fell by 1.487 million": a figure carried
 * to the next sentence must be the next amount there)? */
static int
implied_between(const struct xstate *x, size_t from, size_t to)
{
	const char *c = x->clean.data;

	for (size_t i = from; i < to; i++) {
		size_t e = i;
		int k;

		if (c[i] < '0' || c[i] > '9')
			continue;
		for (k = 0; k < x->nq; k++)
			if (x->qs[k].q.start <= i && i < x->qs[k].q.end &&
			    passable_figure(&x->qs[k].q))
				break;
		if (k < x->nq) {
			i = x->qs[k].q.end - 1;
			continue;
		}
		while (e < to && c[e] >= '0' && c[e] <= '9')
			e++;
		/* digits of a name ("EU27", "G7", "A320") are no figure */
		if (i > 0 && isalpha((unsigned char)c[i - 1])) {
			i = e - 1;
			continue;
		}
		if (e - i != 4 || (c[i] != '1' && c[i] != '2') ||
		    (i > 0 && (c[i - 1] == '.' || c[i - 1] == ',')) ||
		    (e < to && (c[e] == '.' || c[e] == ',') && e + 1 < to &&
		    c[e + 1] >= '0' && c[e + 1] <= '9'))
			return 0;
		i = e - 1;	/* a year */
	}
	return 1;
}

/* Is q a large amount, one a bare number says without its unit only
 * when the text named that unit before: a scale word ("89.9 million")
 * or a whole number of thousands that is no year ("by 522 000")? */
static int
large_bare(const struct fig_qty *q)
{
	return q->scaled || ((q->numflags & FIG_NUM_INTEGER) &&
	    !(q->numflags & FIG_NUM_YEARLIKE) && fabs(q->value) >= 1000);
}

/* The figure whose unit bare number q of sentence si may take: the last
 * before it in its sentence, spans of time and changes passed over;
 * for a large amount (large_bare) the last of the sentence or the
 * paragraph before, when only such figures and years stand between
 * ("... to 101.5 million passengers." "Beijing Capital held on to
 * second place with a 4.4 percent increase to 89.9 million"). NULL
 * when none. */
static const struct fig_qty *
unit_lender(const struct xstate *x, int si, const struct fig_qty *q)
{
	int pi = x->nq - 1;

	while (pi >= 0 && x->qs[pi].sent >= si - 1 && passable_figure(&x->qs[pi].q))
		pi--;
	if (pi >= 0 && x->qs[pi].sent == si)
		return &x->qs[pi].q;
	if (!large_bare(q))
		return NULL;
	if (pi >= 0)
		return x->qs[pi].sent == si - 1 && implied_between(x,
		    x->qs[pi].q.end, q->nstart) ? &x->qs[pi].q : NULL;
	return x->has_last_q && implied_between(x, 0, q->nstart) ?
	    &x->last_q : NULL;
}

/* The figure a run starts from, for bare number q that ends it ("fell
 * from 93 deaths per 1,000 live births to 41", "from 93 ... in 1990 to
 * 39 in 2018"): the last figure of sentence si, said after "from", with
 * "to" right before q and only years between. Its unit decides before
 * any the sentence's words imply ("children" counts nothing here).
 * NULL when there is none. */
static const struct fig_qty *
run_start(const struct xstate *x, int si, const struct fig_qty *q)
{
	static const char *const to[] = { "to" }, *const from[] = { "from" };
	const char *c = x->clean.data;
	size_t cs = x->csent[si].start;
	const struct fig_qty *p;

	if (x->nq == 0 || x->qs[x->nq - 1].sent != si)
		return NULL;
	p = &x->qs[x->nq - 1].q;
	if (!word_before_in(c, cs, q->nstart, to, 1) ||
	    !word_before_in(c, cs, p->start, from, 1) ||
	    !implied_between(x, p->end, q->nstart))
		return NULL;
	return p;
}

/* Which of the two [direction] patterns re (negative, positive)
 * matches c[from, to): 1 a fall, 2 a rise, 0 none, -1 a match error. */
static int
direction_in(struct xstate *x, const struct fig_re re[2], size_t from,
    size_t to)
{
	for (int k = 0; k < 2; k++) {
		int rc;
		if (re[k].code == NULL)
			continue;
		rc = rules_match(x->r, &re[k], x->clean.data + from, to - from,
		    0, 0, x->md_aside, x->err);
		if (rc != 0)
			return rc < 0 ? -1 : k + 1;
	}
	return 0;
}

/* The direction a lead clause states for the changes after its colon,
 * in sentence si: "Since then shipments have fallen: in April by 7%, in
 * May by 11%". The clause is the sentence up to its last colon before
 * the figure at start, holding no figure of its own, and ending with a
 * [direction] word. 1 a fall, 2 a rise, 0 none, -1 a match error. */
static int
lead_direction(struct xstate *x, int si, size_t start)
{
	const char *c = x->clean.data;
	size_t cs = x->csent[si].start, colon = start;

	while (colon > cs && c[colon - 1] != ':')
		colon--;
	if (colon == cs)
		return 0;
	colon--;
	if (x->nq > 0 && x->qs[x->nq - 1].sent == si &&
	    x->qs[x->nq - 1].q.start < colon)
		return 0;	/* "Exports rose 5%: ..." states its own */
	return direction_in(x, x->r->dir_lead, cs, colon);
}

/* The direction a subject states for the figures listed after it in
 * sentence si ("the cuts include contributions from Saudi Arabia (1
 * million bpd), Iraq (223,000 bpd)"): a [direction] "list =" pattern
 * matching the sentence before its first figure. 1 a fall, 2 a rise, 0
 * none, -1 a match error. */
static int
list_direction(struct xstate *x, int si, size_t start)
{
	size_t cs = x->csent[si].start, first = start;

	for (int i = x->nq - 1; i >= 0 && x->qs[i].sent == si; i--)
		first = x->qs[i].q.start;
	return direction_in(x, x->r->dir_list, cs, first);
}

/* The direction of a change said with "by" far from its verb, in
 * sentence si: the last [direction] word between the figure before (or
 * the sentence's start) and this one ("shrank in January 2015 by 36,4
 * pct", "also shrank in January, by 10,8 pct"); with none there, the
 * direction of the last change in that unit before it, whose verb the
 * clause leaves out ("exports fell by 42,1 pct to ..., and imports by
 * 28,7 pct"). 1 a fall, 2 a rise, 0 none, -1 a match error. */
static int
far_direction(struct xstate *x, int si, const struct fig_qty *q)
{
	static const char *const by[] = { "by" };
	const char *c = x->clean.data;
	size_t from = x->csent[si].start, end[2] = { 0, 0 };
	int i;

	if (strcmp(q->unit_name, "percent") != 0 &&
	    strcmp(q->unit_name, "percentage_point") != 0)
		return 0;
	if (!word_before_in(c, from, q->start, by, 1))
		return 0;
	if (x->nq > 0 && x->qs[x->nq - 1].sent == si)
		from = x->qs[x->nq - 1].q.end;
	for (int k = 0; k < 2; k++) {
		int rc = rules_match(x->r, &x->r->dir_last[k], c + from,
		    q->start - from, 0, 0, x->md_aside, x->err);
		if (rc < 0)
			return -1;
		if (rc > 0)
			end[k] = pcre2_get_ovector_pointer(x->md_aside)[1] + 1;
	}
	if (end[0] || end[1])
		return end[0] > end[1] ? 1 : 2;
	for (i = x->nq - 1; i >= 0 && x->qs[i].sent == si; i--)
		if (strcmp(x->qs[i].q.unit_name, q->unit_name) == 0)
			return x->qs[i].q.dir < 0 ? 1 : x->qs[i].q.dir > 0 ?
			    2 : 0;
	return 0;
}

/* A bare number (quantity_bare) in sentence si: the unit its context
 * implies, written into q, or 0 when none does. First, at the end of a
 * run, the unit of its start (run_start: "from 93 deaths per 1,000 live
 * births to 41"); then a [unit] whose "context =" pattern matches the
 * sentence before the number ("the total fertility rate fell to 1.26";
 * a count only for a whole number, "2.34 million" too),
 * then after "from" the unit of the figure the run goes to ("from 111
 * to just 66 units"), then the unit of the figure before it in the
 * sentence, spans of time passed over, unless that is a change, a share
 * or was scaled by its unit ("Mt"): "770,747, down 40,875 from 2021";
 * a number with a scale word may take
 * it from the last figure of the sentence or paragraph before, with no
 * number between ("64,1 billion" after "EUR 66 billion"); never a
 * number a hundred times smaller or larger than that figure. Either way
 * only after a word that makes a number a figure (implied_after), alone
 * in a bracket after a word (bracketed_after_word) or before a
 * comparative and "than", and never before a letter, a slash or a
 * hyphen ("24/7", "3-0"); after a label's colon ("- Passenger numbers:
 * 40.6 million") only a [unit] context the label's words match. */
static int
implied_unit(struct xstate *x, int si, struct fig_qty *q)
{
	const struct fig_rules *r = x->r;
	const char *c = x->clean.data;
	size_t cs = x->csent[si].start, ce = x->csent[si].end;
	size_t e = q->end, colon;
	const struct fig_qty *prev;
	int implied;

	if (e < ce && (c[e] == '/' || c[e] == '-' || ((c[e] | 32) >= 'a' &&
	    (c[e] | 32) <= 'z')))
		return 0;
	/* "83 aircraft, 47 less than a year before": a comparative after
	 * the number makes it a change whatever stands before it */
	implied = implied_after(c, cs, q->nstart) || bracketed_after_word(x,
	    si, q) || (q->dir != 0 && q->end + 5 <= ce &&
	    strncasecmp(c + q->end, " than", 5) == 0);
	/* after a label's colon only the label's words may name the unit */
	colon = implied ? 0 : label_colon(c, cs, q->start);
	if (!implied && colon == 0)
		return 0;
	if (!colon && (prev = run_start(x, si, q)) != NULL &&
	    unit_lendable(prev, q, 1)) {
		q->unit = prev->unit;
		memcpy(q->unit_name, prev->unit_name, sizeof q->unit_name);
		return 1;
	}
	for (int i = 0; i < r->nunits; i++) {
		const struct fig_unit *u = &r->units[i];
		int rc;

		if (u->context.code == NULL || (strcmp(u->canon, "count") == 0
		    && !(q->numflags & FIG_NUM_INTEGER) && !(q->scaled &&
		    fabs(q->value - round(q->value)) < 1e-6)) ||
		    (u->max > 0 && fabs(q->value) > u->max))
			continue;
		/* a label's words name the figure after its colon */
		rc = rules_match(r, &u->context, c + cs, (colon ? colon :
		    q->start) - cs, 0, 0, x->md_aside, x->err);
		if (rc < 0)
			return -1;
		if (rc > 0) {
			q->unit = u;
			claim_setfield(q->unit_name, sizeof q->unit_name,
			    u->canon);
			return 1;
		}
	}
	if (colon)
		return 0;
	if (word_before_in(c, cs, q->nstart, (const char *const[]){ "from" },
	    1)) {
		struct fig_qty to;
		int rc = run_end(x, ce, q, &to);
		if (rc < 0)
			return -1;
		if (rc > 0 && unit_lendable(&to, q, 0)) {
			q->unit = to.unit;
			memcpy(q->unit_name, to.unit_name, sizeof q->unit_name);
			return 1;
		}
	}
	/* a span of time of the sentence dates the figure before it and
	 * lends nothing ("45.4 mm of rain on one day, a total of 144.9"),
	 * nor does a change; the figure before may end the sentence or the
	 * paragraph before: "trade with the US totalled 64,1 billion" */
	prev = unit_lender(x, si, q);
	if (prev == NULL || !unit_lendable(prev, q, 0))
		return 0;
	q->unit = prev->unit;
	memcpy(q->unit_name, prev->unit_name, sizeof q->unit_name);
	return 1;
}

/* The rate a money change (or a price, names_price) with none of its own is over (k the length
 * of its money's name): that of the figure right before it in the same
 * money, in its sentence ("$93.19 per barrel, up 10 cents"), the
 * sentence before, or the block before when its block has none
 * ("stood at $3.30 a gallon." "That is six cents cheaper than a month
 * ago."), and never for a change ten times that figure ("$5 billion").
 * Borrowed, or NULL. */
static const char *
change_rate(const struct xstate *x, int si, const struct fig_qty *q,
    size_t k)
{
	const struct fig_qty *prev = NULL;

	/* figures of other units between are passed over ("more than one
	 * week ago, but six cents cheaper") */
	for (int i = x->nq - 1; i >= 0 && x->qs[i].sent >= si - 1 &&
	    prev == NULL; i--)
		if (strncmp(x->qs[i].q.unit_name, q->unit_name, k) == 0 &&
		    (x->qs[i].q.unit_name[k] == '\0' ||
		    x->qs[i].q.unit_name[k] == '/'))
			prev = &x->qs[i].q;
	if (prev == NULL && si == 0 && x->has_last_q)
		prev = &x->last_q;
	if (prev == NULL || strncmp(prev->unit_name, q->unit_name, k) != 0 ||
	    prev->unit_name[k] != '/' || fabs(q->value) > 10 *
	    fabs(prev->value))
		return NULL;
	return prev->unit_name + k + 1;
}

/* Does c[from, to) name a price ("the average price was EUR 141.74")?
 * A money amount after it with no rate of its own is over the rate of
 * the price named before, as a change is (change_rate). */
#define PRICE_BACK 200	/* bytes before the amount looked at */
static int
names_price(const char *c, size_t from, size_t to)
{
	static const char *const words[] = { "price", "prices", "tariff",
	    "tariffs", "quote", "quoted", NULL };

	/* the words near the amount: a sentence of megabytes (a flattened
	 * table) is not scanned from its start for each of its amounts */
	if (to - from > PRICE_BACK)
		from = to - PRICE_BACK;
	for (size_t i = from; i < to; i++) {
		size_t e = i;
		if (!isalpha((unsigned char)c[i]) || (i > 0 &&
		    isalpha((unsigned char)c[i - 1])))
			continue;
		while (e < to && isalpha((unsigned char)c[e]))
			e++;
		if (one_of(c, i, e, words))
			return 1;
		i = e;
	}
	return 0;
}

/* A figure with no rate of its own is over the unit of a rate its
 * sentence names before it: money over a [per] whose "context ="
 * matches ("the price for a gallon stood at $3.30"), a count or a
 * physical amount over one whose "amount =" does ("the seasonally
 * adjusted annual rate for September was 15.7 million units"), or, for
 * a money change, the rate of the figure before it (change_rate).
 * Returns -1 on a match error. */
static int
context_rate(struct xstate *x, int si, struct fig_qty *q)
{
	const struct fig_rules *r = x->r;
	size_t cs = x->csent[si].start;
	size_t k = strlen(q->unit_name);
	const char *per = NULL;
	int money;

	if (q->unit == NULL || q->unit->no_rate || q->unit->duration ||
	    strchr(q->unit_name, '/') != NULL)
		return 0;
	money = strcmp(q->unit->uclass, "money") == 0;
	for (int i = 0; i < r->npers && per == NULL; i++) {
		const struct fig_re *re = money ? &r->pers[i].context :
		    &r->pers[i].amount;
		int rc;

		if (re->code == NULL)
			continue;
		rc = rules_match(r, re, x->clean.data + cs, q->start - cs, 0,
		    0, x->md_aside, x->err);
		if (rc < 0)
			return -1;
		if (rc > 0)
			per = r->pers[i].name;
	}
	if (per == NULL && money && (q->dir != 0 || names_price(x->clean.data,
	    cs, q->start)))
		per = change_rate(x, si, q, k);
	if (per != NULL)
		snprintf(q->unit_name + k, sizeof q->unit_name - k, "/%s",
		    per);
	return 0;
}

/* A figure said as the base or the other end of one with a rate, or
 * as the next of its series, the rate left out ("$54.79 a barrel in May
 * from $60.22 in April", "to 3.89 tonnes per hectare from 4 tonnes",
 * "EUR 81 in May and EUR 60 in April", "a high of EUR 364.74 per
 * megawatt hour and a low of EUR 85"): right after from, to, than,
 * versus, against, with, and or of, it takes the rate of the last figure
 * of its sentence in its unit, when of its order (a tenth to ten times
 * it). */
static void
compared_rate(const struct xstate *x, int si, struct fig_qty *q)
{
	static const char *const words[] = { "from", "to", "than",
	    "versus", "vs", "against", "with", "and", "of" };
	size_t k = strlen(q->unit_name);

	if (q->unit == NULL || q->unit->no_rate || k == 0 ||
	    strchr(q->unit_name, '/') != NULL || !word_before_in(x->clean.data,
	    x->csent[si].start, q->start, words, sizeof words / sizeof *words))
		return;
	for (int i = x->nq - 1; i >= 0 && x->qs[i].sent == si; i--) {
		const struct fig_qty *p = &x->qs[i].q;

		if (strcmp(p->unit_name, q->unit_name) == 0)
			return;	/* a nearer one without a rate */
		if (strncmp(p->unit_name, q->unit_name, k) != 0 ||
		    p->unit_name[k] != '/')
			continue;
		if (fabs(q->value) * 10 >= fabs(p->value) &&
		    fabs(q->value) <= 10 * fabs(p->value))
			snprintf(q->unit_name + k, sizeof q->unit_name - k,
			    "%s", p->unit_name + k);
		return;
	}
}

/* A change or a start said before the end of its run, without the
 * end's rate ("rose $1.20, or 1.4%, to $86.10 a barrel", "from $80 to
 * $86 a barrel"): takes the rate of the figure after "to" later in
 * its sentence (figures first..x->nq), in its unit and of its order. */
static void
run_rates(struct xstate *x, int si, int first)
{
	const char *c = x->clean.data;
	size_t cs = x->csent[si].start;

	for (int j = first + 1; j < x->nq; j++) {
		const struct fig_qty *to = &x->qs[j].q;
		const char *slash = strchr(to->unit_name, '/');
		size_t k = slash ? (size_t)(slash - to->unit_name) : 0;

		if (slash == NULL || !word_before_in(c, cs, to->start,
		    (const char *const[]){ "to" }, 1))
			continue;
		for (int i = j - 1; i >= first; i--) {
			struct fig_qty *q = &x->qs[i].q;
			if (strncmp(q->unit_name, to->unit_name, k) != 0 ||
			    (q->unit_name[k] != '\0' && q->unit_name[k] !=
			    '/'))
				continue;	/* another unit: "or 1.4%" */
			if (q->unit_name[k] == '\0' && (q->dir != 0 ||
			    word_before_in(c, cs, q->start,
			    (const char *const[]){ "from" }, 1)) &&
			    fabs(q->value) <= 10 * fabs(to->value))
				snprintf(q->unit_name + k,
				    sizeof q->unit_name - k, "%s", slash);
			break;	/* the nearest in its unit decides */
		}
	}
}

/* The first match of the quantity pattern in c[from, ce), into x->md,
 * when x->md holds its match at anchor (rc > 0): as a search from from
 * finds it, but tried only at the places before anchor (an offset
 * limit), since the match at anchor is known. Returns that match's rc,
 * or -1 on a match error. */
static int
quantity_before(struct xstate *x, size_t from, size_t anchor, size_t ce,
    int rc)
{
	pcre2_match_data *md = x->md;
	int rb;

	if (from >= anchor)
		return rc;
	rb = rules_match_upto(x->r, &x->r->quantity, x->clean.data, ce, from,
	    anchor - 1, x->mctx, x->md_aside, x->err);
	if (rb <= 0)
		return rb < 0 ? -1 : rc;
	x->md = x->md_aside;	/* the earlier match; md is scratch now */
	x->md_aside = md;
	return rb;
}

/* A bare number (no unit after it) matched again from from, before it:
 * a unit said in words before the number ("multiplied by 3.3", "by a
 * factor of four") makes it a figure as it is; else its qualifier and
 * direction are read there and its unit taken from context. 1 a
 * figure, 0 none, -1 an error. */
static int
bare_figure(struct xstate *x, int si, struct fig_qty *q)
{
	const struct fig_rules *r = x->r;
	const char *c = x->clean.data;
	size_t ce = x->csent[si].end;

	if (quantity_from_match(r, x->md, c, ce, x->decimal_comma, q))
		return 1;
	if (!quantity_bare(r, x->md, c, ce, x->decimal_comma, q))
		return 0;
	return implied_unit(x, si, q);
}

/* Is the word c[a, b) a scale word ("billion")? */
static int
is_scale(const char *c, size_t a, size_t b)
{
	static const char *const scales[] = { "thousand", "million",
	    "billion", "trillion", "mn", "mln", "bn", "bln", "tn", "trn",
	    NULL };

	return one_of(c, a, b, scales);
}

/* Does c[from..to), the words between a number and its currency's
 * name, say whose currency it is ("U.S.", "Canadian", "Swiss"), rather
 * than only scale words ("billion") or none? */
static int
currency_marked(const char *c, size_t from, size_t to)
{
	for (size_t i = from; i < to; ) {
		size_t w = i;
		while (w < to && !isalpha((unsigned char)c[w]))
			w++;
		for (i = w; i < to && (isalpha((unsigned char)c[i]) ||
		    c[i] == '.'); i++)
			;
		if (i == w || !isupper((unsigned char)c[w]))
			continue;
		if (memchr(c + w, '.', i - w) != NULL || !is_scale(c, w, i))
			return 1;
	}
	return 0;
}

/* How money figure q names its currency: 1 bare ("$5", "5 dollars",
 * "5 francs"), 2 with a mark of whose it is ("US$5", "A$5", "5 U.S.
 * dollars", "5 Swiss francs"), 0 neither (a symbol of one currency
 * only, a unit lent by the figure before). */
static int
money_form(const char *c, const struct fig_qty *q)
{
	const char *d = memchr(c + q->start, '$', q->nstart - q->start);
	size_t i, e;

	if (q->unit->code)
		return 2;	/* "USD 5 million" */
	if (d != NULL) {
		i = (size_t)(d - c);
		while (i > q->start && c[i - 1] == ' ')
			i--;
		return i > q->start && isalpha((unsigned char)c[i - 1]) ?
		    2 : 1;
	}
	/* the currency's name: the last word of what follows the number */
	for (e = q->end; e > q->nend && !isalpha((unsigned char)c[e - 1]);
	    e--)
		;
	for (i = e; i > q->nend && isalpha((unsigned char)c[i - 1]); i--)
		;
	if (i == e || is_scale(c, i, e))
		return 0;	/* "5 billion": a unit lent */
	return currency_marked(c, q->nend, i) ? 2 : 1;
}

/* A sign two currencies share: "\xc2\xa5" in front of a figure in a
 * document whose title names Japan is the yen ("home = JPN cny \xc2\xa5"),
 * elsewhere the yuan; the yuan's own name stays the yuan. */
static void
home_sign(struct xstate *x, const char *c, struct fig_qty *q)
{
	const struct fig_rules *r = x->r;
	const char *home = NULL;

	for (int i = 0; i < r->nunits; i++) {
		const struct fig_unit *u = &r->units[i];
		size_t n = strlen(u->home_sign), k = q->start;
		if (n == 0 || strcmp(u->home_of, q->unit_name) != 0)
			continue;
		while (k + n <= q->nstart && memcmp(c + k, u->home_sign, n))
			k++;
		if (k + n > q->nstart)
			continue;
		if (home == NULL && (home = title_entity(x)) == NULL)
			return;
		if (strcmp(u->home, home) == 0) {
			q->unit = u;
			snprintf(q->unit_name, sizeof q->unit_name, "%s",
			    u->canon);
			return;
		}
	}
}

/* Money of a country with a currency of its own whose name others share
 * (units with "home =", rules.h): a bare "$644 million" in a document
 * whose title names Canada is Canadian dollars, "2 billion pesos" in one
 * on Argentina Argentine pesos. For the dollar, only until the document
 * writes a dollar with its mark ("A$19 billion ($12.8 billion)": then a
 * bare "$" is the US dollar, as such texts mean), remembered
 * DOC_STATE_BLOCKS blocks as a decimal comma is. */
static void
home_money(struct xstate *x, const char *c, struct fig_qty *q)
{
	const struct fig_rules *r = x->r;
	const char *home;
	int form, dollar;

	if (q->unit == NULL || strcmp(q->unit->uclass, "money") != 0)
		return;
	if ((form = money_form(c, q)) == 0) {
		home_sign(x, c, q);
		return;
	}
	dollar = strcmp(q->unit_name, "usd") == 0 ||
	    strcmp(q->unit->home_of, "usd") == 0;
	if (form == 2 && dollar) {
		x->dollar_marked = 1;
		x->dollar_block = x->nblock;
	}
	if (form == 2 || (dollar && x->dollar_marked) ||
	    (home = title_entity(x)) == NULL)
		return;
	for (int i = 0; i < r->nunits; i++) {
		const struct fig_unit *u = &r->units[i];
		if (u->home[0] && !u->home_sign[0] &&
		    strcmp(u->home, home) == 0 &&
		    strcmp(u->home_of, q->unit_name) == 0) {
			q->unit = u;
			snprintf(q->unit_name, sizeof q->unit_name, "%s",
			    u->canon);
			return;
		}
	}
}

/* Finds the figures of sentence si. A cheap pattern finds where numbers
 * start and the quantity pattern is tried right there; only a number
 * that is a figure (or may have a prefix unit) is matched again from a
 * little before it, so that its qualifier ("in excess of") is seen,
 * without trying the whole pattern at every byte. */
int
find_quantities(struct xstate *x, const struct fig_block *b, int si)
{
	const struct fig_rules *r = x->r;
	const char *c = x->clean.data;
	size_t cs = x->csent[si].start, ce = x->csent[si].end, done = cs;
	size_t at = cs;
	int rc = 0, first = x->nq;

	while (at < ce) {
		size_t anchor = number_scan(r, c, at, ce);
		size_t from = anchor > done + QUAL_REACH ? anchor - QUAL_REACH :
		    done;
		const struct qrec *pq;
		struct qrec q;
		size_t pend;
		int ok, again = 0;

		if (anchor >= ce)
			break;
		rc = rules_match(r, &r->quantity_at, c, ce, anchor, 0, x->md,
		    x->err);
		if (rc < 0)
			return -1;
		ok = rc > 0 && quantity_from_match(r, x->md, c, ce,
		    x->decimal_comma, &q.q);
		if (ok || (rc > 0 && (q.q.numflags & FIG_NUM_FRACTION)) ||
		    maybe_prefix(c, done, anchor) ||
		    (rc > 0 && followed_by_and(c, ce,
		    pcre2_get_ovector_pointer(x->md)[1]))) {
			/* again from before it, for qualifiers and prefixes */
			rc = rc > 0 ? quantity_before(x, from, anchor, ce, rc) :
			    rules_match(r, &r->quantity, c, ce, from, 0, x->md,
			    x->err);
			again = 1;
			if (rc < 0)
				return -1;
			ok = rc > 0 && quantity_from_match(r, x->md, c, ce,
			    x->decimal_comma, &q.q);
		}
		if (!ok && rc > 0 && quantity_bare(r, x->md, c, ce,
		    x->decimal_comma, &q.q)) {
			/* a bare number: again from before it, for a unit
			 * said before it, its qualifier and direction
			 * (unless just done), then a unit from context */
			if (!again)
				rc = quantity_before(x, from, anchor, ce, rc);
			if (rc < 0 || (rc > 0 && (ok = bare_figure(x, si,
			    &q.q)) < 0))
				return -1;
		}
		if (!ok) {
			/* not a figure: what follows its number may still
			 * hold one ("2022 saw 12 new fabs"), but not the
			 * end of a bare range ("aged 15 to 19") */
			size_t re = rc > 0 ? quantity_bare_range(r, x->md, c,
			    ce, x->decimal_comma) : 0;
			at = done = re > anchor ? re : anchor + 1;
			continue;
		}
		if (q.q.numflags & FIG_NUM_DECIMAL_COMMA) {
			x->decimal_comma = 1;	/* translated text */
			x->comma_block = x->nblock;
		}
		if (q.q.dir == 0 && (pq = join_before(x, si, &pend)) != NULL &&
		    pq->q.dir != 0 && ((strcmp(pq->q.unit_name,
		    q.q.unit_name) == 0 && (joined_by(c, pend, q.q.start,
		    "and") || joined_by_parts(c, pend, q.q.start))) ||
		    joined_by(c, pend, q.q.start, "or") == 2)) {
			/* "fell 12% and about 23%": one verb, two falls;
			 * "a fall of 140 Mt, or 2.9%": one fall said twice;
			 * "a cut of 5 bpd, made up of 3 bpd": its parts */
			q.q.dir = pq->q.dir;
			if (q.q.dir < 0)
				quantity_negate(&q.q);
		}
		if (q.q.dir != 0 && q.q.start == q.q.nstart &&
		    memchr(c + q.q.nend, ',', q.q.end - q.q.nend) &&
		    x->nq > 0 && x->qs[x->nq - 1].sent == si &&
		    x->qs[x->nq - 1].q.dir == 0 && joined_by(c,
		    x->qs[x->nq - 1].q.end, q.q.start, "or") == 2) {
			/* "a GBP 6.6bn, or 28.8 per cent, decline": the
			 * figure restated takes the direction after both */
			x->qs[x->nq - 1].q.dir = q.q.dir;
			if (q.q.dir < 0)
				quantity_negate(&x->qs[x->nq - 1].q);
		}
		if (q.q.dir == 0 && change_unit(q.q.unit_name) &&
		    (rc = lead_direction(x, si, q.q.start)) != 0) {
			if (rc < 0)
				return -1;
			/* "shipments have fallen: in April by 7%" */
			q.q.dir = rc == 1 ? -1 : 1;
			if (q.q.dir < 0)
				quantity_negate(&q.q);
		}
		if (q.q.dir == 0 && !(q.q.unit && q.q.unit->duration) &&
		    (rc = list_direction(x, si, q.q.start)) != 0) {
			if (rc < 0)
				return -1;
			/* "the cuts include Iraq (223,000 bpd)" */
			q.q.dir = rc == 1 ? -1 : 1;
			if (q.q.dir < 0)
				quantity_negate(&q.q);
		}
		if (q.q.dir == 0 && (rc = far_direction(x, si, &q.q)) != 0) {
			if (rc < 0)
				return -1;
			q.q.dir = rc == 1 ? -1 : 1;
			if (q.q.dir < 0)
				quantity_negate(&q.q);
		}
		if (context_rate(x, si, &q.q) < 0)
			return -1;
		compared_rate(x, si, &q.q);
		home_money(x, c, &q.q);
		at = done = q.q.end > anchor ? q.q.end : anchor + 1;
		q.sent = si;
		q.raw_start = raw_at(x, q.q.start, b->text.len);
		q.raw_end = raw_at(x, q.q.end - 1, b->text.len) + 1;
		GROW(x->qs, x->nq, x->qcap);
		x->qs[x->nq++] = q;
	}
	if (rc >= 0)
		run_rates(x, si, first);
	return rc < 0 ? -1 : 0;
}

/* Drops the figures an [exclude] rule names ("the two countries"), before
 * any date or topic work is spent on them. Returns -1 on a match error. */
int
drop_excluded(struct xstate *x)
{
	const struct fig_rules *r = x->r;
	int k = 0;

	for (int qi = 0; qi < x->nq; qi++) {
		int rc = 0;
		build_context(x, &x->qs[qi]);
		/* each rule alone, where the sentence has its words: a rule
		 * that starts at the figure's marker is found at once */
		for (int i = 0; i < r->nexcludes && rc == 0; i++)
			if (may_match(x, &r->excludes[i].re) &&
			    (rc = rules_match(r, &r->excludes[i].re,
			    x->ctx.data, x->ctx.len, 0, 0, x->md, x->err)) < 0)
				return -1;
		if (rc == 0)
			x->qs[k++] = x->qs[qi];
	}
	x->nq = k;
	return 0;
}

