/* pattern.c: reads a PCRE2 pattern's structure without compiling it
 * (pattern.h): its items and groups, and the literal words every match
 * of it needs. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/buf.h"
#include "figtrack/pattern.h"

/* Most clauses kept for a pattern, most words in a clause: past them a
 * clause costs more to test than it can save. */
#define MAX_CLAUSES 16
#define MAX_WORDS 64

void
pat_init(struct fig_pat *P, const char *p)
{
	size_t *stack, *last, depth = 0;

	P->a = p;
	P->n = strlen(p);
	P->close = xmalloc((P->n + 1) * sizeof *P->close);
	P->bar = xmalloc((P->n + 1) * sizeof *P->bar);
	stack = xmalloc((P->n + 1) * sizeof *stack);
	/* last[d]: the '(' or '|' of depth d whose next '|' is not yet
	 * known; P->n + 1 for the top level's start */
	last = xmalloc((P->n + 2) * sizeof *last);
	last[0] = P->n + 1;
	/* every group's end and alternatives, in one pass (classes and
	 * escapes skipped) */
	for (size_t i = 0; i < P->n; i++) {
		if (p[i] == '\\' || p[i] == '[') {
			i = pat_item_end(P, i) - 1;
		} else if (p[i] == '(' && i + 2 < P->n && p[i + 1] == '?' &&
		    p[i + 2] == '#') {
			/* a comment ends at the first ')', whatever it holds */
			const char *c = memchr(p + i, ')', P->n - i);
			size_t e = c ? (size_t)(c - p) + 1 : P->n;
			P->close[i] = e;
			P->bar[i] = e - 1;
			i = e - 1;
		} else if (p[i] == '(') {
			P->close[i] = P->bar[i] = P->n;
			stack[depth++] = i;
			last[depth] = i;
		} else if (p[i] == '|' || (p[i] == ')' && depth > 0)) {
			P->bar[i] = P->n;
			if (last[depth] == P->n + 1)
				P->top = i;
			else
				P->bar[last[depth]] = i;
			last[depth] = i;
			if (p[i] == ')')
				P->close[stack[--depth]] = i + 1;
		}
	}
	if (last[0] == P->n + 1)
		P->top = P->n;
	free(last);
	free(stack);
}

void
pat_release(struct fig_pat *P)
{
	free(P->close);
	free(P->bar);
	P->close = P->bar = NULL;
}

/* The end of the atom of a character class that starts at a[i]: an
 * escape, a POSIX class ("[:alpha:]", whose ']' does not end the
 * class; also "[.x.]" and "[=x=]"), or one character. */
static size_t
class_atom_end(const char *a, size_t n, size_t i)
{
	if (a[i] == '\\')
		return i + 2;
	if (a[i] == '[' && i + 1 < n && (a[i + 1] == ':' || a[i + 1] == '.' ||
	    a[i + 1] == '=')) {
		size_t k = i + 2;
		if (k < n && a[k] == '^')
			k++;
		while (k < n && ((a[k] >= 'a' && a[k] <= 'z') ||
		    (a[k] >= 'A' && a[k] <= 'Z')))
			k++;
		if (k + 1 < n && a[k] == a[i + 1] && a[k + 1] == ']')
			return k + 2;
	}
	return i + 1;
}

size_t
pat_item_end(const struct fig_pat *P, size_t i)
{
	const char *a = P->a;
	size_t n = P->n;

	if (a[i] == '\\') {
		if (i + 1 < n && a[i + 1] == 'Q') {	/* \Q...\E: literal */
			const char *c = strstr(a + i + 2, "\\E");
			return c ? (size_t)(c - a) + 2 : n;
		}
		if (i + 2 < n && (a[i + 1] == 'x' || a[i + 1] == 'p' ||
		    a[i + 1] == 'P' || a[i + 1] == 'g' || a[i + 1] == 'k') &&
		    a[i + 2] == '{') {
			const char *c = memchr(a + i, '}', n - i);
			return c ? (size_t)(c - a) + 1 : n;
		}
		return i + 2 < n ? i + 2 : n;
	}
	if (a[i] == '[') {
		i += i + 1 < n && a[i + 1] == '^' ? 2 : 1;
		if (i < n && a[i] == ']')
			i++;
		while (i < n && a[i] != ']')
			i = class_atom_end(a, n, i);
		return i < n ? i + 1 : n;
	}
	if (a[i] == '(')
		return P->close[i];
	return i + 1;
}

int
pat_optional_after(const struct fig_pat *P, size_t e)
{
	const char *a = P->a;
	size_t n = P->n;

	return e < n && (a[e] == '?' || a[e] == '*' || (a[e] == '{' &&
	    e + 1 < n && (a[e + 1] == '0' || a[e + 1] == ',')));
}

size_t
pat_skip_quantifier(const struct fig_pat *P, size_t i, size_t to)
{
	const char *a = P->a;

	while (i < to && (a[i] == '?' || a[i] == '*' || a[i] == '+'))
		i++;
	if (i < to && a[i] == '{') {
		size_t k = i + 1;
		while (k < to && ((a[k] >= '0' && a[k] <= '9') || a[k] == ','))
			k++;
		if (k < to && a[k] == '}' && k > i + 1) {
			i = k + 1;
			while (i < to && (a[i] == '?' || a[i] == '+'))
				i++;
		}
	}
	return i;
}

size_t
pat_group_body(const struct fig_pat *P, size_t i, size_t e, int behind)
{
	const char *a = P->a;
	size_t in = i + 1;

	if (in < e && a[in] == '*')
		return e;		/* (*MARK:...) and such */
	if (in >= e || a[in] != '?')
		return in;		/* a capturing group */
	if (in + 1 < e && (a[in + 1] == ':' || a[in + 1] == '=' ||
	    a[in + 1] == '|' || a[in + 1] == '>'))
		return in + 2;
	if (in + 2 < e && a[in + 1] == '<' && a[in + 2] != '=' &&
	    a[in + 2] != '!') {
		const char *c = memchr(a + in, '>', e - in);
		return c ? (size_t)(c - a) + 1 : e;	/* (?<name>...) */
	}
	if (behind && in + 2 < e && a[in + 1] == '<' && a[in + 2] == '=')
		return in + 3;
	if (in + 1 < e && (a[in + 1] == '-' || a[in + 1] == 'i')) {
		const char *c = memchr(a + in, ':', e - in);
		return c ? (size_t)(c - a) + 1 : e;	/* (?-i:...) */
	}
	return e;	/* negative, lookbehind, conditional, comment, ... */
}

/* ---- The words a pattern needs. ---- */

struct walk {
	struct fig_pat P;
	int behind;		/* lookbehinds count (pat_needs) */
	int bail;		/* a construct whose text is no literal */
};

static void
clause_add(struct fig_needs *nd, char *const *w, int n)
{
	int base = nd->nclause ? nd->end[nd->nclause - 1] : 0;

	if (n == 0 || n > MAX_WORDS || nd->nclause == MAX_CLAUSES)
		return;
	nd->word = xrealloc(nd->word, (size_t)(base + n) * sizeof *nd->word);
	for (int i = 0; i < n; i++)
		nd->word[base + i] = xstrdup(w[i]);
	nd->end = xrealloc(nd->end, (size_t)(nd->nclause + 1) *
	    sizeof *nd->end);
	nd->end[nd->nclause++] = base + n;
}

void
pat_needs_release(struct fig_needs *nd)
{
	for (int i = 0; i < (nd->nclause ? nd->end[nd->nclause - 1] : 0); i++)
		free(nd->word[i]);
	free(nd->word);
	free(nd->end);
	memset(nd, 0, sizeof *nd);
}

/* The most telling clause of nd: the one whose shortest word is the
 * longest, then the one of fewest words; -1 when nd has none. */
static int
clause_best(const struct fig_needs *nd)
{
	int best = -1;
	size_t bmin = 0;
	int bn = 0;

	for (int k = 0; k < nd->nclause; k++) {
		int from = k ? nd->end[k - 1] : 0, n = nd->end[k] - from;
		size_t min = (size_t)-1;
		for (int i = from; i < nd->end[k]; i++)
			if (strlen(nd->word[i]) < min)
				min = strlen(nd->word[i]);
		if (best < 0 || min > bmin || (min == bmin && n < bn)) {
			best = k;
			bmin = min;
			bn = n;
		}
	}
	return best;
}

static int
is_word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

/* Can the escape at s (s[0] is '\\') be passed over as an item that
 * matches no literal word? No for those whose text pat_item_end cannot
 * tell apart from the literal after them (octal, back references, \Q,
 * \x41, \pL, \N{U+41}, \cA). */
static int
escape_ok(const char *s, size_t n)
{
	unsigned char c = n > 1 ? (unsigned char)s[1] : 0;

	if (c == 0)
		return 0;
	if (!is_word_char(c))
		return 1;		/* an escaped sign: "\.", "\-" */
	if (c == 'x' || c == 'p' || c == 'P')
		return n > 2 && s[2] == '{';
	if (c == 'N')
		return !(n > 2 && s[2] == '{');
	return strchr("bBdDsSwWhHvVnrtfeaAzZGRXK", c) != NULL;
}

static void alts_needs(struct walk *W, size_t open, size_t from,
    size_t to, struct fig_needs *out);

static void
flush_run(char *run, size_t *rn, struct fig_needs *out)
{
	char *w = run;

	run[*rn] = '\0';
	if (*rn >= PAT_NEED_MIN)
		clause_add(out, &w, 1);
	*rn = 0;
}

/* The clauses of the sequence a[from, to): a run of literal letters is
 * a word it needs; so is each clause of a group that no quantifier
 * makes optional. */
static void
seq_needs(struct walk *W, size_t from, size_t to, struct fig_needs *out)
{
	const struct fig_pat *P = &W->P;
	const char *a = P->a;
	char run[64];
	size_t rn = 0;

	for (size_t i = from; i < to && !W->bail; ) {
		unsigned char c = (unsigned char)a[i];
		size_t e, q;

		if (is_word_char(c)) {
			q = pat_skip_quantifier(P, i + 1, to);
			if (q != i + 1) {	/* "exports?": "export" */
				flush_run(run, &rn, out);
				i = q;
				continue;
			}
			if (rn < sizeof run - 1)
				run[rn++] = (char)(c | (c >= 'A' ? 0x20 : 0));
			i++;
			continue;
		}
		flush_run(run, &rn, out);
		if (c == '\\' && !escape_ok(a + i, to - i)) {
			W->bail = 1;
			break;
		}
		e = pat_item_end(P, i);
		if (e > to)
			e = to;
		if (c == '(') {
			size_t in = pat_group_body(P, i, e, W->behind);
			if (in < e && !pat_optional_after(P, e)) {
				struct fig_needs g = { 0 };
				alts_needs(W, i, in, e - 1, &g);
				for (int k = 0; k < g.nclause; k++) {
					int s = k ? g.end[k - 1] : 0;
					clause_add(out, g.word + s, g.end[k] - s);
				}
				pat_needs_release(&g);
			}
		}
		i = pat_skip_quantifier(P, e, to);
	}
	flush_run(run, &rn, out);
}

/* The clauses of the alternation a[from, to), the body of the group
 * opened at a[open] (-1: the whole pattern): one alternative's own; of
 * several, one clause of each one's most telling clause's words. */
static void
alts_needs(struct walk *W, size_t open, size_t from, size_t to,
    struct fig_needs *out)
{
	const struct fig_pat *P = &W->P;
	const size_t first = open == (size_t)-1 ? P->top : P->bar[open];
	char *words[MAX_WORDS] = { 0 };
	int nw = 0, nalt = 1, known = 1;
	size_t start = from;

	for (size_t b = first; b < to; b = P->bar[b])
		nalt++;
	if (nalt == 1) {	/* a sequence */
		seq_needs(W, from, to, out);
		return;
	}
	/* more alternatives than a clause may hold words: none known,
	 * and the (long) list need not be read */
	if (nalt > MAX_WORDS)
		return;
	for (size_t b = first; known && !W->bail; b = P->bar[b]) {
		struct fig_needs g = { 0 };
		size_t end = b < to ? b : to;
		int best;

		seq_needs(W, start, end, &g);
		/* an alternative that needs nothing known: nor does the
		 * alternation */
		if ((best = clause_best(&g)) < 0)
			known = 0;
		for (int w = best > 0 ? g.end[best - 1] : 0; known &&
		    w < g.end[best]; w++) {
			int dup = 0;
			for (int k = 0; k < nw && !dup; k++)
				dup = strcmp(words[k], g.word[w]) == 0;
			if (dup)
				continue;
			if (nw == MAX_WORDS)
				known = 0;
			else
				words[nw++] = xstrdup(g.word[w]);
		}
		pat_needs_release(&g);
		if (end == to)
			break;
		start = b + 1;
	}
	if (known && !W->bail)
		clause_add(out, words, nw);
	for (int k = 0; k < nw; k++)
		free(words[k]);
}

/* Does p set the extended option anywhere ("(?x)", "(?ix:")? Then its
 * spaces and '#' are no literals. */
static int
sets_extended(const char *p)
{
	for (const char *s = p; (s = strstr(s, "(?")) != NULL; s += 2) {
		size_t k = 0;
		while (is_word_char((unsigned char)s[2 + k]) || s[2 + k] == '^'
		    || s[2 + k] == '-')
			k++;
		if ((s[2 + k] == ':' || s[2 + k] == ')') &&
		    memchr(s + 2, 'x', k) != NULL)
			return 1;
	}
	return 0;
}

void
pat_needs(const char *p, int behind, struct fig_needs *out)
{
	struct walk W;

	memset(out, 0, sizeof *out);
	if (sets_extended(p))
		return;
	pat_init(&W.P, p);
	W.behind = behind;
	W.bail = 0;
	alts_needs(&W, (size_t)-1, 0, W.P.n, out);
	if (W.bail)
		pat_needs_release(out);
	pat_release(&W.P);
}

/* ---- A lookahead before costly lookbehinds. ---- */

/* Most bytes of an item copied into a lookahead, least bytes of the
 * assertions it is put before: a long item costs twice what it saves,
 * and a short assertion is as cheap as the lookahead. */
#define HOIST_ITEM_MAX 256
#define HOIST_PREFIX_MIN 16

/* Is a[i, e), a group, one whose copy matches as it does: no capturing
 * or named group, back reference, recursion, verb or option setting
 * that outlives it? */
static int
copy_ok(const char *a, size_t i, size_t e)
{
	for (size_t k = i; k < e; k++) {
		if (a[k] == '\\') {
			unsigned char c = k + 1 < e ? (unsigned char)a[k + 1] : 0;
			if ((c >= '0' && c <= '9') || c == 'g' || c == 'k' ||
			    c == 'Q')
				return 0;
			k++;
		} else if (a[k] == '(') {
			size_t n = 1;
			if (k + 1 >= e || a[k + 1] != '?')
				return 0;		/* capturing, or a verb */
			if (k + 2 < e && (a[k + 2] == ':' || a[k + 2] == '=' ||
			    a[k + 2] == '!' || a[k + 2] == '>'))
				continue;
			if (k + 3 < e && a[k + 2] == '<' && (a[k + 3] == '=' ||
			    a[k + 3] == '!'))
				continue;
			while (k + 1 + n < e && (a[k + 1 + n] == '-' ||
			    (a[k + 1 + n] >= 'a' && a[k + 1 + n] <= 'z')))
				n++;
			if (n == 1 || k + 1 + n >= e || a[k + 1 + n] != ':')
				return 0;	/* "(?i)", "(?<name>", "(?|" */
		}
	}
	return 1;
}

int
pat_self_contained(const char *a, size_t i, size_t e)
{
	return copy_ok(a, i, e);
}

/* Where the item that starts at a[j] ends, when it can be copied into a
 * lookahead that holds exactly when it matches at its start: one
 * character (a whole UTF-8 sequence), a class, a plain escape or a group
 * copy_ok allows, that no quantifier makes optional; else 0. */
static size_t
hoistable(const struct fig_pat *P, size_t j, size_t to)
{
	const char *a = P->a;
	unsigned char c = (unsigned char)a[j];
	size_t e;

	if (strchr(".^$|)?*+{", c) != NULL)
		return 0;
	if (c == '\\' && (j + 1 >= to || !escape_ok(a + j, to - j) ||
	    strchr("bBAzZGK", a[j + 1]) != NULL))
		return 0;	/* an assertion, or no plain escape */
	if (c == '(') {
		e = pat_item_end(P, j);
		if (!copy_ok(a, j, e) || (j + 2 < e && a[j + 1] == '?' &&
		    (a[j + 2] == '=' || a[j + 2] == '!' || a[j + 2] == '<')))
			return 0;
	} else if (c >= 0x80) {
		e = j + 1;
		while (e < to && ((unsigned char)a[e] & 0xC0) == 0x80)
			e++;
	} else
		e = pat_item_end(P, j);
	if (e > to || e - j > HOIST_ITEM_MAX || pat_optional_after(P, e))
		return 0;
	return e;
}

/* The end of the lookbehind or word boundary at a[i], or i when none
 * starts there. */
static size_t
zero_width_end(const struct fig_pat *P, size_t i, size_t to)
{
	const char *a = P->a;

	if (a[i] == '\\' && i + 1 < to && (a[i + 1] == 'b' || a[i + 1] == 'B'))
		return i + 2;
	if (a[i] == '(' && i + 3 < to && a[i + 1] == '?' && a[i + 2] == '<' &&
	    (a[i + 3] == '=' || a[i + 3] == '!'))
		return P->close[i];
	return i;
}

struct hoist {
	size_t *at;		/* where a lookahead goes, in order */
	size_t *from, *to;	/* the item it copies */
	int n, cap;
};

static void hoist_alts(const struct fig_pat *P, size_t open, size_t from,
    size_t to, struct hoist *h);

/* The alternative a[from, to): assertions that open it and the item
 * after them, or the group it opens with, whose alternatives start where
 * it starts. */
static void
hoist_seq(const struct fig_pat *P, size_t from, size_t to, struct hoist *h)
{
	const char *a = P->a;
	size_t i = from, e, behind = 0;

	while (i < to && (e = zero_width_end(P, i, to)) != i) {
		if (a[i] == '(')
			behind += e - i;
		i = e;
	}
	if (i >= to)
		return;
	if (behind >= HOIST_PREFIX_MIN) {
		if ((e = hoistable(P, i, to)) != 0) {
			if (h->n == h->cap) {
				h->cap = h->cap ? 2 * h->cap : 16;
				h->at = xrealloc(h->at, h->cap * sizeof *h->at);
				h->from = xrealloc(h->from, h->cap *
				    sizeof *h->from);
				h->to = xrealloc(h->to, h->cap * sizeof *h->to);
			}
			h->at[h->n] = from;
			h->from[h->n] = i;
			h->to[h->n++] = e;
		}
		return;
	}
	if (i == from && a[i] == '(') {
		e = pat_item_end(P, i);
		size_t in = pat_group_body(P, i, e, 0);
		if (in < e && !(a[i + 1] == '?' && (a[i + 2] == '=' ||
		    a[i + 2] == '!')))
			hoist_alts(P, i, in, e - 1, h);
	}
}

static void
hoist_alts(const struct fig_pat *P, size_t open, size_t from, size_t to,
    struct hoist *h)
{
	size_t start = from;

	for (size_t b = open == (size_t)-1 ? P->top : P->bar[open]; ;
	    b = P->bar[b]) {
		size_t end = b < to ? b : to;
		hoist_seq(P, start, end, h);
		if (end == to)
			break;
		start = b + 1;
	}
}

char *
pat_hoist(const char *p)
{
	struct fig_pat P;
	struct hoist h = { 0 };
	struct fig_buf out = FIG_BUF_INIT;
	size_t done = 0;

	if ((strstr(p, "(?<=") == NULL && strstr(p, "(?<!") == NULL) ||
	    sets_extended(p))
		return NULL;
	pat_init(&P, p);
	hoist_alts(&P, (size_t)-1, 0, P.n, &h);
	for (int k = 0; k < h.n; k++) {
		buf_add(&out, p + done, h.at[k] - done);
		buf_adds(&out, "(?=");
		buf_add(&out, p + h.from[k], h.to[k] - h.from[k]);
		buf_addc(&out, ')');
		done = h.at[k];
	}
	if (h.n > 0)
		buf_adds(&out, p + done);
	free(h.at);
	free(h.from);
	free(h.to);
	pat_release(&P);
	return h.n > 0 ? buf_detach(&out) : NULL;
}

/* ---- a leading star: started only where its item did not match ---- */

/* Does a[i, e), one item, always match exactly one character: a
 * class, '.', a literal or a one-character escape, or a non-capturing
 * group each of whose alternatives is zero-width assertions around one
 * such item ("(?:[^.;]|(?<=[0-9])\.(?=[0-9]))")? */
static int
one_char(const struct fig_pat *P, size_t i, size_t e)
{
	const char *a = P->a;
	unsigned char c = (unsigned char)a[i];

	if (c == '[' || c == '.')
		return pat_item_end(P, i) == e;
	if (c == '\\')
		return i + 1 < e && pat_item_end(P, i) == e &&
		    (strchr("wWsSdDhHvVNpPx", a[i + 1]) != NULL ||
		    !isalnum((unsigned char)a[i + 1]));
	if (c == '(') {
		size_t start = i + 3;
		if (e - i < 4 || a[i + 1] != '?' || a[i + 2] != ':')
			return 0;
		for (size_t b = P->bar[i]; ; b = P->bar[b]) {
			size_t end = b < e - 1 ? b : e - 1, j = start, items = 0;
			while (j < end) {
				size_t z = zero_width_end(P, j, end), k;
				if (z == j && a[j] == '(' && j + 2 < end &&
				    a[j + 1] == '?' && (a[j + 2] == '=' ||
				    a[j + 2] == '!'))
					z = P->close[j];
				if (z != j) {
					j = z;
					continue;
				}
				k = a[j] == '(' ? pat_item_end(P, j) :
				    (unsigned char)a[j] >= 0x80 ? j + 1 :
				    pat_item_end(P, j);
				while (k < end && ((unsigned char)a[k] & 0xC0)
				    == 0x80)
					k++;
				if (k > end || ++items > 1 || !one_char(P, j, k) ||
				    (k < end && strchr("?*+{", a[k]) != NULL))
					return 0;
				j = k;
			}
			if (items != 1)
				return 0;
			if (end == e - 1)
				return 1;
			start = b + 1;
		}
	}
	if (c >= 0x80) {
		size_t k = i + 1;
		while (k < e && ((unsigned char)a[k] & 0xC0) == 0x80)
			k++;
		return k == e;
	}
	return strchr("^$|()?*+{}", c) == NULL && pat_item_end(P, i) == e;
}

/* Where the guard goes in the alternative a[from, to), when it opens
 * with a star of a one-character item, or in the first group it opens
 * with, non-capturing and not repeated; (size_t)-1 when nowhere. *xe
 * is set to the item's end. */
static size_t
star_at(const struct fig_pat *P, size_t from, size_t to, size_t *xe)
{
	const char *a = P->a;
	size_t e;

	if (from >= to)
		return (size_t)-1;
	e = pat_item_end(P, from);
	if (e < to && a[e] == '*' && (e + 1 >= to || a[e + 1] != '+') &&
	    one_char(P, from, e) && pat_self_contained(a, from, e)) {
		*xe = e;
		return from;
	}
	if (a[from] == '(' && from + 2 < to && a[from + 1] == '?' &&
	    a[from + 2] == ':' && (e >= P->n || strchr("?*+{", a[e]) == NULL))
		return star_at(P, from + 3, P->bar[from] < e - 1 ?
		    P->bar[from] : e - 1, xe);
	return (size_t)-1;
}

char *
pat_star_guard(const char *p)
{
	struct fig_pat P;
	struct fig_buf out = FIG_BUF_INIT;
	size_t at, xe = 0;

	const char *q = p;

	/* read only a pattern that opens, after its groups, with a class,
	 * '.' or a class escape (the first of X's alternatives); a verb
	 * may move the next start past places never tried, and \G tells
	 * the start from the place before it */
	while (strncmp(q, "(?:", 3) == 0)
		q += 3;
	if (!(*q == '[' || *q == '.' || (*q == '\\' && q[1] != '\0' &&
	    strchr("wWsSdDhHvVNpPx", q[1]) != NULL)) || sets_extended(p) ||
	    strchr(p, '*') == NULL || strstr(p, "(*") || strstr(p, "\\G"))
		return NULL;
	pat_init(&P, p);
	at = star_at(&P, 0, P.top, &xe);
	if (at != (size_t)-1) {
		buf_add(&out, p, at);
		buf_adds(&out, "(?:\\G|(?<!");
		buf_add(&out, p + at, xe - at);
		buf_adds(&out, "))");
		buf_adds(&out, p + at);
	}
	pat_release(&P);
	return at != (size_t)-1 ? buf_detach(&out) : NULL;
}

/* ---- A lookahead of the characters a match starts with. ---- */

void
pat_lead_lookahead(struct fig_buf *out, const uint8_t *first)
{
	int wide = 0;

	/* without case: the map holds every case a match may start with,
	 * and a range past ASCII under PCRE2_CASELESS has PCRE2 look up
	 * the other case of each of its code points as it compiles */
	buf_adds(out, "(?=(?-i:[");
	for (unsigned b = 0; b < 128; b++) {
		unsigned e = b;
		if (!(first[b / 8] & (1u << (b % 8))))
			continue;
		while (e + 1 < 128 && (first[(e + 1) / 8] & (1u << ((e + 1) %
		    8))))
			e++;
		if (e > b)
			buf_addf(out, "\\x{%X}-\\x{%X}", b, e);
		else
			buf_addf(out, "\\x{%X}", b);
		b = e;
	}
	for (unsigned b = 0xC2; b <= 0xF4 && !wide; b++)
		wide = (first[b / 8] & (1u << (b % 8))) != 0;
	/* any lead byte: every character past ASCII, one range that
	 * compiles and tests as cheaply as one letter (the code points of
	 * each lead byte, 4,096 for an E2, cost the JIT 48 M instructions
	 * over the 149 patterns with the lexicon's stub) */
	if (wide)
		buf_adds(out, "\\x{80}-\\x{10FFFF}");
	buf_adds(out, "]))");
}
