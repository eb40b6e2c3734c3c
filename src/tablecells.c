/* tablecells.c: tables -> one sentence per numeric cell. A table's rows
 * are collected until it ends; then each cell with a number gets the
 * sentence "CAPTION; ROW LABEL in PERIOD: VALUE UNIT." (or "ROW, COLUMN:"
 * when neither header is a period), with the unit the cell, its column,
 * its row or the caption states, found by asking the quantity rules which
 * way round it reads ("US$1 m", "1 thousand tonnes", "1 % of total").
 * Extraction reads the sentence as prose. */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <strings.h>

#include "figtrack/period.h"
#include "figtrack/quantity.h"
#include "figtrack/tablecells.h"
#include "figtrack/text.h"

/* Cells read of a row; columns beyond are ignored. */
#define MAX_CELLS 128
/* Longest caption or label used in a sentence, in bytes. */
#define MAX_LABEL 300

struct span {
	size_t off, len;	/* in the row text, trimmed */
};

/* How a unit is written around a number: pre NUMBER post. */
struct uform {
	int ok;
	size_t at;		/* where in its label the unit text starts:
				   the "(" or the "," before it; 0 for all */
	char pre[64];
	char post[128];
};

void
tables_init(struct fig_tables *t)
{
	memset(t, 0, sizeof *t);
}

void
tables_release(struct fig_tables *t)
{
	buf_release(&t->caption);
	for (int i = 0; i < t->cap; i++)
		buf_release(&t->rows[i].text);
	free(t->rows);
	if (t->md)
		pcre2_match_data_free(t->md);
	memset(t, 0, sizeof *t);
}

void
tables_note(struct fig_tables *t, const char *s, size_t n)
{
	buf_reset(&t->caption);
	s = text_trim(s, &n);
	if (n == 0 || n > MAX_LABEL || memchr(s, '\n', n))
		return;
	buf_add(&t->caption, s, n);
}

void
tables_row(struct fig_tables *t, const char *s, size_t n, long line,
    long long doc)
{
	if (t->nrows == t->cap) {
		int old = t->cap;
		t->cap = t->cap ? t->cap * 2 : 16;
		t->rows = xrealloc(t->rows, (size_t)t->cap * sizeof *t->rows);
		memset(t->rows + old, 0, (size_t)(t->cap - old) *
		    sizeof *t->rows);
	}
	buf_reset(&t->rows[t->nrows].text);
	buf_add(&t->rows[t->nrows].text, s, n);
	t->rows[t->nrows].line = line;
	t->rows[t->nrows].doc = doc;
	t->nrows++;
}

/* The cells of a row "| a | b |" ("\|" inside a cell is a bar). */
static int
split_row(const char *s, size_t n, struct span *cells, int max)
{
	size_t i = 0, start;
	int k = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < n && s[i] == '|')
		i++;
	start = i;
	for (;;) {
		if (i < n && s[i] == '\\' && i + 1 < n) {
			i += 2;
			continue;
		}
		if (i >= n || s[i] == '|') {
			size_t len = i - start;
			const char *c = text_trim(s + start, &len);
			/* the text after the closing bar is no cell */
			if (i < n || len > 0) {
				if (k < max) {
					cells[k].off = (size_t)(c - s);
					cells[k].len = len;
				}
				k++;
			}
			if (i >= n)
				break;
			start = i + 1;
		}
		i++;
	}
	return k < max ? k : max;
}

static int
separator_row(const char *s, const struct span *c, int n)
{
	for (int i = 0; i < n; i++) {
		int dash = 0;
		for (size_t k = 0; k < c[i].len; k++) {
			char ch = s[c[i].off + k];
			if (ch == '-')
				dash = 1;
			else if (ch != ':' && ch != ' ')
				return 0;
		}
		if (!dash)
			return 0;
	}
	return n > 0;
}

/* A label as a sentence shows it: "\|" a bar, emphasis marks and
 * "Table 2:" dropped, ". " as "; " so that it stays one sentence. */
static void
clean_label(struct fig_buf *out, const char *s, size_t n)
{
	size_t start = out->len;

	s = text_trim(s, &n);
	while (n > 0 && (*s == '*' || *s == '_' || *s == '#' || *s == ' ')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == '*' || s[n - 1] == '_' ||
	    s[n - 1] == ' ' || s[n - 1] == ':'))
		n--;
	/* "Table 2:", "Table 2.", "Figure 3 -" */
	if ((n > 6 && strncasecmp(s, "table ", 6) == 0) ||
	    (n > 7 && strncasecmp(s, "figure ", 7) == 0)) {
		size_t k = s[0] == 't' || s[0] == 'T' ? 6 : 7;
		while (k < n && ((s[k] >= '0' && s[k] <= '9') || s[k] == '.' ||
		    (s[k] >= 'A' && s[k] <= 'Z' && k + 1 < n && s[k + 1] == ':')))
			k++;
		if (k < n && (s[k] == ':' || s[k] == ' ' || s[k] == '-')) {
			while (k < n && (s[k] == ':' || s[k] == ' ' ||
			    s[k] == '-' || s[k] == '.'))
				k++;
			s += k;
			n -= k;
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n && s[i + 1] == '|')
			continue;
		if (s[i] == '.' && i + 1 < n && s[i + 1] == ' ') {
			buf_addc(out, ';');
			continue;
		}
		buf_addc(out, s[i]);
	}
	if (out->len - start > MAX_LABEL) {
		size_t cut = start + MAX_LABEL;
		while (cut > start && ((unsigned char)out->data[cut] & 0xC0) ==
		    0x80)
			cut--;
		out->len = cut;
		out->data[cut] = '\0';
	}
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Is the label only a period: "2022", "Q3 2024", "Jan-May", "H1 2023",
 * "2022/23", "FY2023", "2024e", "January-May 2017"? */
static int
period_label(const char *s, size_t n)
{
	size_t i = 0;
	int anchor = 0, words = 0;

	while (i < n) {
		size_t k = 0;
		const char *w;
		char lw[16];

		while (i < n && strchr(" -/,.()*", s[i]))
			i++;
		/* en and em dashes */
		if (i + 2 < n && (unsigned char)s[i] == 0xE2 &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x93 ||
		    (unsigned char)s[i + 2] == 0x94)) {
			i += 3;
			continue;
		}
		w = s + i;
		while (i + k < n && !strchr(" -/,.()*", s[i + k]) &&
		    (unsigned char)s[i + k] != 0xE2)
			k++;
		if (k == 0) {
			if (i < n)
				i++;
			continue;
		}
		i += k;
		words++;
		if (k >= sizeof lw)
			return 0;
		memcpy(lw, w, k);
		lw[k] = '\0';
		text_lower(lw);
		if (k >= 4 && is_digit(lw[0]) && is_digit(lw[1]) &&
		    is_digit(lw[2]) && is_digit(lw[3]) && (k == 4 ||
		    (k == 5 && strchr("efp", lw[4])))) {
			int y = atoi(lw);
			if (y < 1900 || y > 2100)
				return 0;
			anchor = 1;
		} else if (k == 2 && is_digit(lw[0]) && is_digit(lw[1]) &&
		    anchor)
			;	/* "2022/23" */
		else if (k == 2 && ((lw[0] == 'q' && lw[1] >= '1' &&
		    lw[1] <= '4') || (lw[0] == 'h' && (lw[1] == '1' ||
		    lw[1] == '2')) || (lw[1] == 'q' && lw[0] >= '1' &&
		    lw[0] <= '4') || (lw[1] == 'h' && (lw[0] == '1' ||
		    lw[0] == '2'))))
			anchor = 1;
		else if (k >= 4 && lw[0] == 'f' && lw[1] == 'y' &&
		    is_digit(lw[2]) && is_digit(lw[3]))
			anchor = 1;
		else if (period_month(lw, k))
			anchor = 1;
		else if (strcmp(lw, "fy") != 0 && strcmp(lw, "ytd") != 0 &&
		    strcmp(lw, "first") != 0 && strcmp(lw, "second") != 0 &&
		    strcmp(lw, "third") != 0 && strcmp(lw, "fourth") != 0 &&
		    strcmp(lw, "half") != 0 && strcmp(lw, "quarter") != 0 &&
		    strcmp(lw, "to") != 0 && strcmp(lw, "est") != 0 &&
		    strcmp(lw, "forecast") != 0 && strcmp(lw, "of") != 0 &&
		    strcmp(lw, "year") != 0)
			return 0;
	}
	return anchor && words > 0;
}

/* A cell's number: returns 1 when the cell holds one, with [*ns, *ne) the
 * digits in the cell, *bare when the cell is only the number (no unit
 * of its own), *negate for "(116)" and "-3.2". */
static int
cell_number(const char *s, size_t n, size_t *ns, size_t *ne, int *bare,
    int *negate)
{
	size_t i = 0, end = n, d;
	long fn;

	*bare = 0;
	*negate = 0;
	for (d = 0; d < n && !is_digit(s[d]); d++)
		;
	if (d == n || d > 12)
		return 0;
	/* strip footnote marks at the end: "9,943*", "76.1¹" */
	for (;;) {
		size_t k;
		if (end > 0 && s[end - 1] == '*') {
			end--;
			continue;
		}
		for (k = end; k > 0 && k + 4 > end; k--)
			if (text_superscript_run(s + k - 1, end - k + 1, &fn) ==
			    end - k + 1)
				break;
		if (k > 0 && k + 4 > end && k - 1 < end && fn > 0) {
			end = k - 1;
			continue;
		}
		break;
	}
	if (i < end && s[i] == '(' && end > 1 && s[end - 1] == ')') {
		*negate = 1;
		i++;
		end--;
	}
	if (i < end && (s[i] == '-' || s[i] == '+')) {
		*negate = *negate || s[i] == '-';
		i++;
	} else if (i + 3 <= end && (unsigned char)s[i] == 0xE2 &&
	    (unsigned char)s[i + 1] == 0x88 && (unsigned char)s[i + 2] ==
	    0x92) {
		*negate = 1;	/* U+2212 minus */
		i += 3;
	} else if (i + 3 <= end && (unsigned char)s[i] == 0xE2 &&
	    (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] ==
	    0x93 && i + 3 < end && is_digit(s[i + 3])) {
		*negate = 1;	/* an en dash for a minus */
		i += 3;
	}
	*ns = i;
	while (i < end && (is_digit(s[i]) || ((s[i] == ',' || s[i] == '.' ||
	    s[i] == ' ') && i + 1 < end && is_digit(s[i + 1]))))
		i++;
	*ne = i;
	if (*ne > *ns && is_digit(s[*ns]) && i == end) {
		*bare = 1;
		return 1;
	}
	*negate = 0;
	*ns = d;
	for (*ne = d; *ne < n && (is_digit(s[*ne]) || ((s[*ne] == ',' ||
	    s[*ne] == '.') && *ne + 1 < n && is_digit(s[*ne + 1]))); (*ne)++)
		;
	return 1;
}

/* Does "pre 1 post" read as one quantity with a unit or a scale, the
 * "1" its number, and (when whole) all of it? */
static int
probe(struct fig_tables *t, const struct fig_rules *r, const char *pre,
    const char *post, int whole)
{
	struct fig_buf b = FIG_BUF_INIT;
	struct fig_qty q;
	size_t at = strlen(pre);
	int ok = 0;

	buf_adds(&b, pre);
	buf_addc(&b, '1');
	buf_adds(&b, post);
	if (t->md == NULL)
		t->md = rules_match_data(r);
	if (text_utf8_check(b.data, b.len, NULL) == 0 &&
	    rules_match(r, &r->quantity, b.data, b.len, 0, 0, t->md, NULL) > 0 &&
	    quantity_from_match(r, t->md, b.data, b.len, 0, &q) == 1)
		ok = q.nstart == at && q.nend == at + 1 && (q.unit_name[0] ||
		    q.value != 1) && (!whole || q.end == b.len);
	t->count = ok && strcmp(q.unit_name, "count") == 0 && q.value == 1;
	buf_release(&b);
	return ok;
}

/* Length of a currency sign at s ("$", "US$", "€", "£", "¥", "₽",
 * "NT$"), or 0. */
static size_t
currency_sign(const char *s, size_t n)
{
	size_t k = 0;

	while (k < n && k < 3 && s[k] >= 'A' && s[k] <= 'Z')
		k++;
	if (k < n && s[k] == '$')
		return k + 1;
	if (k == 0 && n >= 2 && ((unsigned char)s[0] == 0xC2 &&
	    ((unsigned char)s[1] == 0xA3 || (unsigned char)s[1] == 0xA5)))
		return 2;	/* £ ¥ */
	if (k == 0 && n >= 3 && (unsigned char)s[0] == 0xE2 &&
	    (((unsigned char)s[1] == 0x82 && (unsigned char)s[2] == 0xAC) ||
	    ((unsigned char)s[1] == 0x82 && (unsigned char)s[2] == 0xBD)))
		return 3;	/* € ₽ */
	return 0;
}

/* Tries unit text u (a header's "(US$ million)", "% of total", "thousand
 * tonnes") every way a unit is written around a number. */
static int
try_unit(struct fig_tables *t, const struct fig_rules *r, const char *u,
    size_t n, int guess, struct uform *f)
{
	char pre[64], post[128];
	size_t c;
	int whole = 1;

	u = text_trim(u, &n);
	if (n > 2 && strncasecmp(u, "in ", 3) == 0) {
		u += 3;
		n -= 3;
	}
	if (n == 0 || n >= 100 || period_label(u, n))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (is_digit(u[i]))
			return 0;
again:
	/* "1 thousand tonnes", "1 %" */
	snprintf(post, sizeof post, " %.*s", (int)n, u);
	if (probe(t, r, "", post, whole) && !(guess && t->count))
		goto found_post;
	/* "US$1 m", "US$ 1 million", "$1 bn" */
	if ((c = currency_sign(u, n)) > 0) {
		size_t k = c;
		while (k < n && u[k] == ' ')
			k++;
		snprintf(pre, sizeof pre, "%.*s", (int)c, u);
		snprintf(post, sizeof post, "%s%.*s", k < n ? " " : "",
		    (int)(n - k), u + k);
		if (probe(t, r, pre, post, whole))
			goto found;
		if (k < n) {
			snprintf(post, sizeof post, "%.*s", (int)(n - k),
			    u + k);
			if (probe(t, r, pre, post, whole))
				goto found;
		}
	}
	/* "USD million": "USD 1 million", "1 million USD" */
	if (n > 4 && u[3] == ' ' && u[0] >= 'A' && u[0] <= 'Z' &&
	    u[1] >= 'A' && u[1] <= 'Z' && u[2] >= 'A' && u[2] <= 'Z') {
		snprintf(pre, sizeof pre, "%.3s ", u);
		snprintf(post, sizeof post, " %.*s", (int)(n - 4), u + 4);
		if (probe(t, r, pre, post, whole))
			goto found;
		pre[0] = '\0';
		snprintf(post, sizeof post, " %.*s %.3s", (int)(n - 4), u + 4,
		    u);
		if (probe(t, r, pre, post, whole))
			goto found;
	}
	/* then a unit with words after it: "1 % of total" */
	if (whole--)
		goto again;
	return 0;
found_post:
	pre[0] = '\0';
found:
	snprintf(f->pre, sizeof f->pre, "%s", pre);
	snprintf(f->post, sizeof f->post, "%s", post);
	f->ok = 1;
	return 1;
}

/* The unit a label states: its last parenthesis "(US$ bn)", what follows
 * its last comma ("Exports, % of total"), or the whole of a short label
 * ("$bn", "thousand tonnes"). */
static void
label_unit(struct fig_tables *t, const struct fig_rules *r, const char *s,
    struct uform *f)
{
	size_t n = strlen(s);
	const char *open = NULL, *close, *comma = NULL;
	int words = 1;

	memset(f, 0, sizeof *f);
	for (const char *p = s; *p; p++) {
		if (*p == '(')
			open = p;
		if (*p == ',' || *p == ';' || *p == ':')
			comma = p;
	}
	if (open && (close = strchr(open, ')')) != NULL &&
	    try_unit(t, r, open + 1, (size_t)(close - open - 1), 0, f)) {
		f->at = (size_t)(open - s);
		return;
	}
	/* "Exports, % of total", "Trade. US$ billion" (". " is "; " by
	 * now), "Exports: $bn" */
	if (comma && try_unit(t, r, comma + 1, strlen(comma + 1), 0, f)) {
		f->at = (size_t)(comma - s);
		return;
	}
	for (const char *p = s; *p; p++)
		words += *p == ' ';
	/* a whole label is a unit only when it is not just a thing
	 * counted: "Integrated circuits" is the row's subject */
	if (words <= 3)
		try_unit(t, r, s, n, 1, f);
}

/* A label that starts or ends with a period, "May 2017 export value",
 * "Exports 2022", as prose says it: "export value in May 2017" (a date
 * phrase reads best after its noun). Returns a malloc'd string. */
static char *
period_last(char *l)
{
	size_t n = strlen(l), best = 0;
	struct fig_buf b = FIG_BUF_INIT;

	if (n < 3 || period_label(l, n))
		return l;
	/* the longest run of words from the start that is a period */
	for (size_t i = 1; i < n; i++)
		if (l[i] == ' ' && period_label(l, i))
			best = i;
	if (best) {
		buf_adds(&b, l + best + 1);
		buf_adds(&b, " in ");
		buf_add(&b, l, best);
	} else {
		for (size_t i = n - 1; i > 0; i--)
			if (l[i] == ' ' && period_label(l + i + 1, n - i - 1))
				best = i;
		if (best == 0)
			return l;
		buf_add(&b, l, best);
		buf_adds(&b, " in ");
		buf_adds(&b, l + best + 1);
	}
	free(l);
	return buf_detach(&b);
}

/* Drops from label l the parenthesis or the tail after a comma that
 * named its unit ("Jan-May ($bn)" is "Jan-May" with the unit "$bn",
 * "Share, %" is "Share"), so that what is left can read as a period. A
 * parenthesis inside the label stays: "Exports ($bn) to Russia". */
static void
drop_unit(char *l, const struct uform *f)
{
	size_t n = f->at;

	if (!f->ok || n == 0 || n >= strlen(l))
		return;
	if (l[n] == '(') {
		const char *close = strchr(l + n, ')');
		if (close == NULL || close[1] != '\0')
			return;
	}
	while (n > 0 && l[n - 1] == ' ')
		n--;
	if (n > 0)
		l[n] = '\0';
}

/* Does label l end with " in PERIOD" (period_last made it so)? */
static int
ends_in_period(const char *l)
{
	const char *p = l, *last = NULL;

	while ((p = strstr(p, " in ")) != NULL)
		last = p++;
	return last && period_label(last + 4, strlen(last + 4));
}

/* The text of cell c of row text s, cleaned, as a malloc'd string. */
static char *
label_of(const char *s, const struct span *c)
{
	struct fig_buf b = FIG_BUF_INIT;

	clean_label(&b, s + c->off, c->len);
	return buf_detach(&b);
}

static int
blank(const char *s)
{
	return s == NULL || s[0] == '\0';
}

/* A contents table or an index from row first on: two cells a row, the
 * second a page (a bare whole number under 1,000) that never goes
 * down, on three rows or more ("| 4.2 Air and missile defence (AMD) |
 * 21 |", as a PDF's contents page comes out). Its numbers are pages,
 * not figures, and its labels no units. */
static int
contents_table(const struct fig_tables *t, int first)
{
	struct span cells[MAX_CELLS];
	long last = 0;
	int rows = 0;

	for (int i = first; i < t->nrows; i++) {
		const char *s = buf_str(&t->rows[i].text);
		int n = split_row(s, t->rows[i].text.len, cells, MAX_CELLS);
		long v = 0;

		if (separator_row(s, cells, n))
			continue;
		if (n != 2 || cells[1].len == 0 || cells[1].len > 3)
			return 0;
		for (size_t k = 0; k < cells[1].len; k++) {
			char c = s[cells[1].off + k];
			if (c < '0' || c > '9')
				return 0;
			v = v * 10 + (c - '0');
		}
		if (v < last)
			return 0;
		last = v;
		rows++;
	}
	return rows >= 3;
}

/* The column of the one period the headers name, with its year ("|
 * Metal | Jan-Feb 2020 | y/y pct chg |"), which the other columns'
 * figures are of too; 0 when none or several do, or it has no year
 * ("Jan-May" under a caption's year). */
static int
only_period(char *const *colv, int ncols)
{
	int only = 0;

	for (int c = 1; c < ncols; c++)
		if (colv[c] && period_label(colv[c], strlen(colv[c]))) {
			if (only)
				return 0;
			only = c;
		}
	for (const char *l = only ? colv[only] : ""; *l; ) {
		size_t k = strspn(l, "0123456789");
		if (k == 4)
			return only;
		l += k ? k : 1;
	}
	return 0;
}

/* The period a change column is of: "| | FY 2014 | FY 2015 | Change |"
 * or "| | 2022 | 2023 | % chg |" compares the column before it with an
 * earlier one, so its figures are of the latest period column before
 * column c. NULL when column c names no change or has a period of its
 * own, or no column before it ends in one. Borrowed from colv. */
static const char *
change_period(char *const *colv, int c)
{
	static const char *const words[] = { "change", "chg", "growth",
	    "difference", "increase", "decrease", NULL };
	const char *l = colv[c];
	int change = 0;

	if (l == NULL || period_label(l, strlen(l)) || ends_in_period(l))
		return NULL;
	for (const char *q = l; *q && !change; q++)
		for (int k = 0; words[k] && !change; k++)
			change = strncasecmp(q, words[k],
			    strlen(words[k])) == 0;
	for (int b = c - 1; change && b > 0; b--) {
		const char *p = colv[b], *in = NULL;
		if (p == NULL)
			continue;
		if (period_label(p, strlen(p)))
			return p;
		for (const char *q = p; (q = strstr(q, " in ")) != NULL; q++)
			in = q;
		if (in && ends_in_period(p))
			return in + 4;
	}
	return NULL;
}

int
tables_flush(struct fig_tables *t, const struct fig_rules *r,
    fig_tcell_fn fn, void *ctx)
{
	struct span cells[MAX_CELLS];
	char **colv = NULL;	/* column labels */
	struct uform *colu = NULL, capu, rowu, grpu;
	struct fig_buf caption = FIG_BUF_INIT, phrase = FIG_BUF_INIT;
	char *group = NULL;
	int ncols = 0, sep = -1, hdr = 0, first = 0, rc = 0, only;

	if (t->nrows == 0)
		return 0;
	/* the header: the rows before the "|---|" line, else a first row
	 * with no figure in it but periods */
	for (int i = 0; i < t->nrows && sep < 0; i++) {
		const char *s = buf_str(&t->rows[i].text);
		int n = split_row(s, t->rows[i].text.len, cells, MAX_CELLS);
		if (separator_row(s, cells, n))
			sep = i;
	}
	if (sep < 0) {
		const char *s = buf_str(&t->rows[0].text);
		int n = split_row(s, t->rows[0].text.len, cells, MAX_CELLS);
		hdr = 1;
		for (int c = 1; c < n; c++) {
			size_t ns, ne;
			int bare, neg;
			/* a figure: "12.5", "(3)", "39%", "$5bn"; not a
			 * label holding a year ("Jan-May 2023 value") */
			if (cell_number(s + cells[c].off, cells[c].len, &ns,
			    &ne, &bare, &neg) && (bare || ns <= 3) &&
			    !period_label(s + cells[c].off, cells[c].len))
				hdr = 0;
		}
	} else
		hdr = sep;
	first = hdr;
	if (contents_table(t, first)) {
		t->nrows = 0;
		return 0;
	}
	colv = xcalloc(MAX_CELLS, sizeof *colv);
	colu = xcalloc(MAX_CELLS, sizeof *colu);
	for (int i = 0; i < hdr; i++) {
		const char *s = buf_str(&t->rows[i].text);
		int n = split_row(s, t->rows[i].text.len, cells, MAX_CELLS);
		for (int c = 0; c < n; c++) {
			char *l = label_of(s, &cells[c]);
			if (l[0] && colv[c] && strcmp(colv[c], l) != 0) {
				struct fig_buf b = FIG_BUF_INIT;
				buf_adds(&b, colv[c]);
				buf_addc(&b, ' ');
				buf_adds(&b, l);
				free(colv[c]);
				colv[c] = buf_detach(&b);
			} else if (l[0] && colv[c] == NULL) {
				colv[c] = l;
				l = NULL;
			}
			free(l);
		}
		if (n > ncols)
			ncols = n;
	}
	for (int c = 1; c < ncols; c++)
		if (colv[c]) {
			label_unit(t, r, colv[c], &colu[c]);
			drop_unit(colv[c], &colu[c]);
			colv[c] = period_last(colv[c]);
		}
	only = only_period(colv, ncols);
	clean_label(&caption, buf_str(&t->caption), t->caption.len);
	label_unit(t, r, buf_str(&caption), &capu);
	{
		/* "Russia's imports, 2023": "Russia's imports, in 2023" */
		char *c = period_last(buf_detach(&caption));
		buf_adds(&caption, c);
		free(c);
	}
	memset(&grpu, 0, sizeof grpu);
	for (int i = first; i < t->nrows && rc == 0; i++) {
		const struct fig_trow *row = &t->rows[i];
		const char *s = buf_str(&row->text);
		int n = split_row(s, row->text.len, cells, MAX_CELLS), filled = 0;
		char *rl;

		if (separator_row(s, cells, n))
			continue;
		for (int c = 1; c < n; c++)
			filled += cells[c].len > 0;
		rl = n > 0 ? label_of(s, &cells[0]) : xstrdup("");
		if (filled == 0) {
			/* "| Exports | | |": a group heading for the rows
			 * below */
			free(group);
			group = rl;
			label_unit(t, r, group, &grpu);
			continue;
		}
		label_unit(t, r, rl, &rowu);
		drop_unit(rl, &rowu);
		rl = period_last(rl);
		for (int c = 1; c < n && rc == 0; c++) {
			const char *cs = s + cells[c].off;
			const char *cl = c < MAX_CELLS && colv[c] ? colv[c] : "";
			const struct uform *u = NULL;
			struct fig_tcell tc;
			size_t ns, ne;
			int bare, neg, cperiod, rperiod;
			char *quote;

			if (cells[c].len == 0 || !cell_number(cs, cells[c].len,
			    &ns, &ne, &bare, &neg))
				continue;
			if (bare && period_label(cs, cells[c].len))
				continue;	/* a year in a column of years */
			if (bare)
				u = colu[c].ok ? &colu[c] : rowu.ok ? &rowu :
				    grpu.ok ? &grpu : capu.ok ? &capu : NULL;
			cperiod = period_label(cl, strlen(cl));
			rperiod = period_label(rl, strlen(rl));
			/* a column that names its own period ("export value
			 * in Jan-May 2023") is read after the row's year */
			if (rperiod && ends_in_period(cl))
				rperiod = 0;
			buf_reset(&phrase);
			if (caption.len) {
				buf_adds(&phrase, caption.data);
				buf_adds(&phrase, ", ");
			}
			if (!blank(group)) {
				buf_adds(&phrase, group);
				buf_addc(&phrase, ' ');
			}
			if (cperiod && !rperiod) {
				buf_adds(&phrase, rl);
				buf_adds(&phrase, blank(rl) ? "in " : " in ");
				buf_adds(&phrase, cl);
			} else if (rperiod && !cperiod) {
				buf_adds(&phrase, cl);
				buf_adds(&phrase, blank(cl) ? "in " : " in ");
				buf_adds(&phrase, rl);
			} else {
				/* "| Jan-Feb 2020 | y/y pct chg |": the
				 * change is of the table's one period, or
				 * of the period column before it */
				const char *of = only > 0 ? colv[only] :
				    change_period(colv, c);
				buf_adds(&phrase, rl);
				if (of && !rperiod && !blank(cl) &&
				    !ends_in_period(cl)) {
					buf_adds(&phrase, blank(rl) ? "in " :
					    " in ");
					buf_adds(&phrase, of);
				}
				if (!blank(rl) && !blank(cl))
					buf_adds(&phrase, ", ");
				buf_adds(&phrase, cl);
			}
			buf_adds(&phrase, ": ");
			if (bare) {
				if (u)
					buf_adds(&phrase, u->pre);
				tc.vstart = phrase.len;
				buf_add(&phrase, cs + ns, ne - ns);
				tc.vend = phrase.len;
				if (u)
					buf_adds(&phrase, u->post);
			} else {
				tc.vstart = phrase.len + ns;
				tc.vend = phrase.len + ne;
				buf_add(&phrase, cs, cells[c].len);
			}
			buf_addc(&phrase, '.');
			quote = xstrndup(cs, cells[c].len);
			tc.phrase = phrase.data;
			tc.quote = quote;
			tc.line = row->line;
			tc.doc = row->doc + (long long)cells[c].off;
			tc.negate = bare && neg;
			rc = fn(ctx, &tc);
			free(quote);
		}
		free(rl);
	}
	for (int c = 0; c < MAX_CELLS; c++)
		free(colv[c]);
	free(colv);
	free(colu);
	free(group);
	buf_release(&caption);
	buf_release(&phrase);
	t->nrows = 0;
	buf_reset(&t->caption);
	return rc;
}

void
tables_claim(const struct fig_tcell *tc, struct fig_claim *c)
{
	free(c->quote);
	c->quote = xstrdup(tc->quote);
	c->line = tc->line;
	c->byte_start = (long)tc->doc;
	c->byte_end = (long)(tc->doc + (long long)strlen(tc->quote));
	if (tc->negate) {
		double lo = c->low, hi = c->high;
		int hl = c->has_low, hh = c->has_high;
		c->value = -c->value;
		c->has_low = hh;
		c->low = -hi;
		c->has_high = hl;
		c->high = -lo;
		switch (c->qual) {
		case FIG_Q_MORE_THAN: c->qual = FIG_Q_LESS_THAN; break;
		case FIG_Q_LESS_THAN: c->qual = FIG_Q_MORE_THAN; break;
		case FIG_Q_AT_LEAST: c->qual = FIG_Q_AT_MOST; break;
		case FIG_Q_AT_MOST: c->qual = FIG_Q_AT_LEAST; break;
		default: break;
		}
	}
}
