/* pdf.c: the PDF reader. Poppler (glib API) gives every glyph of a page
 * with its box and font size; from those this module rebuilds lines,
 * reads two-column pages column by column, drops running headers,
 * footers and page numbers, turns small raised digits into superscript
 * footnote markers, rejoins words hyphenated at line ends, and writes the
 * Markdown-like text the extraction reads, with the page of every part. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <poppler.h>

#include "figtrack/pdf.h"
#include "figtrack/period.h"
#include "figtrack/text.h"

/* A line set this much larger than the body text is a heading. */
#define HEAD_RATIO 1.2
/* A digit this much smaller than its line's text, and raised by this
 * share of the line's font size, is a footnote marker. */
#define SUP_SIZE 0.85
#define SUP_RISE 0.15
/* A gap between glyphs this many font sizes wide parts table cells;
 * in a line that has one, a space of SOFT_GAP sizes does too. GAP marks
 * such a space in a line's text until the line's kind is known. */
#define CELL_GAP 1.8
#define SOFT_GAP 0.9
#define GAP '\x1f'
/* Running heads and page numbers are looked for in the top and bottom
 * tenth of the page. */
#define MARGIN_ZONE 0.10
/* Lines of the text that may state the date (extract.c reads as many). */
#define DATE_LINES 40

struct glyph {
	char u[8];		/* the character, UTF-8, NUL-terminated */
	double x1, y1, x2, y2;	/* box, points, y down from the top */
	double size;		/* font size */
};

struct pline {
	int page;		/* 1-based */
	double x1, y1, x2, y2;	/* box of the line's visible glyphs */
	double size;		/* the size most of its glyphs have */
	double pw, ph;		/* page size */
	char *text;		/* owned: superscripts as U+00B9 ... */
	int cells;		/* wide gaps in it, written " | ": a table
				   row when not 0 */
	int col;		/* 0 left, 1 right, 2 across the page */
	int drop;		/* running head, footer or page number */
};

/* The lines of a whole document, as they are read. */
struct reader {
	struct pline *l;	/* every line of every page, page order */
	int nl, capl;
	struct glyph *g;	/* the current line's glyphs */
	int ng, capg;
	int npages;		/* pages in the document */
};

/* ---- the word list, for hyphens --------------------------------- */

/* A set of the words of the document (lower case; letters and
 * hyphens), to tell "self-sustaining" from "semi-conductor". */
struct wset {
	char **v;
	size_t cap, n;
};

static int
word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
	    c >= 0x80;
}

static int
wset_has(const struct wset *w, const char *s, size_t n)
{
	if (w->cap == 0)
		return 0;
	for (size_t i = (size_t)text_hash(s, n) & (w->cap - 1); w->v[i];
	    i = (i + 1) & (w->cap - 1))
		if (strlen(w->v[i]) == n && memcmp(w->v[i], s, n) == 0)
			return 1;
	return 0;
}

static void
wset_add(struct wset *w, const char *s, size_t n)
{
	if (wset_has(w, s, n))
		return;
	if (2 * (w->n + 1) > w->cap) {
		struct wset nw = { NULL, w->cap ? w->cap * 2 : 1024, 0 };
		nw.v = xcalloc(nw.cap, sizeof *nw.v);
		for (size_t i = 0; i < w->cap; i++)
			if (w->v[i]) {
				size_t k = (size_t)text_hash(w->v[i],
				    strlen(w->v[i])) & (nw.cap - 1);
				while (nw.v[k])
					k = (k + 1) & (nw.cap - 1);
				nw.v[k] = w->v[i];
				nw.n++;
			}
		free(w->v);
		*w = nw;
	}
	{
		size_t k = (size_t)text_hash(s, n) & (w->cap - 1);
		while (w->v[k])
			k = (k + 1) & (w->cap - 1);
		w->v[k] = xstrndup(s, n);
		w->n++;
	}
}

static void
wset_release(struct wset *w)
{
	for (size_t i = 0; i < w->cap; i++)
		free(w->v[i]);
	free(w->v);
}

/* Adds the words of s, lower-cased; a word ending a line with a hyphen
 * is left out (it is the thing in question). */
static void
wset_add_text(struct wset *w, const char *s)
{
	size_t i = 0, n = strlen(s);
	char tmp[128];

	while (i < n) {
		size_t j = i, k = 0;
		while (j < n && word_byte((unsigned char)s[j]))
			j++;
		if (j > i && j - i < sizeof tmp && !(s[j - 1] == '-' && j == n)) {
			for (k = 0; k < j - i; k++) {
				char c = s[i + k];
				tmp[k] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
			}
			wset_add(w, tmp, k);
			/* "self-" of "self-reliant": a prefix the document
			 * joins with a hyphen */
			for (size_t h = 1; h + 1 < k; h++)
				if (tmp[h] == '-') {
					wset_add(w, tmp, h + 1);
					break;
				}
		}
		i = j > i ? j : i + 1;
	}
}

/* ---- pages -------------------------------------------------------- */

void
pdf_pages_init(struct fig_pdfpages *p)
{
	memset(p, 0, sizeof *p);
}

void
pdf_pages_release(struct fig_pdfpages *p)
{
	free(p->off);
	free(p->page);
	free(p->line_page);
	pdf_pages_init(p);
}

int
pdf_page_at(const struct fig_pdfpages *p, long long off)
{
	int lo = 0, hi = p->n;

	/* the last stretch starting at or before off */
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (p->off[mid] <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 ? p->page[lo - 1] : 0;
}

static void
pages_mark(struct fig_pdfpages *p, long long off, int page)
{
	if (p->n > 0 && p->page[p->n - 1] == page)
		return;
	if (p->n > 0 && p->off[p->n - 1] == off) {
		p->page[p->n - 1] = page;
		return;
	}
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->off = xrealloc(p->off, (size_t)p->cap * sizeof *p->off);
		p->page = xrealloc(p->page, (size_t)p->cap * sizeof *p->page);
	}
	p->off[p->n] = off;
	p->page[p->n++] = page;
}

/* Does the file end as a whole PDF does, with "%%EOF" in its last
 * 1024 bytes (where readers look for it)? */
static int
ends_pdf(const char *data, size_t len)
{
	size_t from = len > 1024 ? len - 1024 : 0;

	for (size_t i = from; i + 5 <= len; i++)
		if (memcmp(data + i, "%%EOF", 5) == 0)
			return 1;
	return 0;
}

int
pdf_is(const char *data, size_t len)
{
	return len >= 5 && memcmp(data, "%PDF-", 5) == 0;
}

/* ---- lines from glyphs -------------------------------------------- */

static const char *const sup_digit[10] = {
	"\xE2\x81\xB0", "\xC2\xB9", "\xC2\xB2", "\xC2\xB3", "\xE2\x81\xB4",
	"\xE2\x81\xB5", "\xE2\x81\xB6", "\xE2\x81\xB7", "\xE2\x81\xB8",
	"\xE2\x81\xB9"
};

static int
is_space(const struct glyph *g)
{
	return g->u[0] == ' ' || g->u[0] == '\t' || g->u[0] == '\0' ||
	    (unsigned char)g->u[0] < 0x20 ||
	    strcmp(g->u, "\xC2\xA0") == 0;
}

static int
cmp_size(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Ends the current line: its size, box and text (superscripts marked,
 * wide gaps made table cells). */
static void
finish_line(struct reader *rd, int page, double pw, double ph)
{
	struct pline L;
	struct fig_buf b = FIG_BUF_INIT;
	double best = 0, base = 0;
	int bestn = 0, nvis = 0;
	const struct glyph *prev = NULL;

	memset(&L, 0, sizeof L);
	/* the size most glyphs have: sorted, the longest run */
	{
		double *sz = xmalloc(((size_t)rd->ng + 1) * sizeof *sz);
		for (int i = 0; i < rd->ng; i++)
			if (!is_space(&rd->g[i]))
				sz[nvis++] = rd->g[i].size;
		qsort(sz, (size_t)nvis, sizeof *sz, cmp_size);
		for (int i = 0; i < nvis; ) {
			int j = i;
			while (j < nvis && sz[j] - sz[i] < 0.05)
				j++;
			if (j - i > bestn) {
				bestn = j - i;
				best = sz[i];
			}
			i = j;
		}
		free(sz);
	}
	if (nvis == 0 || best <= 0) {
		rd->ng = 0;
		return;
	}
	L.x1 = L.y1 = 1e300;
	L.x2 = L.y2 = -1e300;
	for (int i = 0; i < rd->ng; i++) {
		const struct glyph *g = &rd->g[i];
		if (is_space(g))
			continue;
		if (fabs(g->size - best) < 0.05 && g->y2 > base)
			base = g->y2;
		L.x1 = fmin(L.x1, g->x1);
		L.y1 = fmin(L.y1, g->y1);
		L.x2 = fmax(L.x2, g->x2);
		L.y2 = fmax(L.y2, g->y2);
	}
	for (int i = 0; i < rd->ng; i++) {
		const struct glyph *g = &rd->g[i];
		int d = g->u[0] - '0';
		if (is_space(g)) {
			if (b.len > 0 && b.data[b.len - 1] != ' ' &&
			    b.data[b.len - 1] != GAP)
				buf_addc(&b, ' ');
			continue;
		}
		/* a space wider than a justified line's: a cell border
		 * if the line turns out to be a table row */
		if (prev && b.len > 0 && b.data[b.len - 1] == ' ' &&
		    g->x1 - prev->x2 > SOFT_GAP * best)
			b.data[b.len - 1] = GAP;
		if (g->u[1] == '\0' && d >= 0 && d <= 9 &&
		    g->size < SUP_SIZE * best && base - g->y2 > SUP_RISE * best) {
			/* a raised digit touching the word before ends it:
			 * "m³", not the "m ³" of Poppler's empty space */
			if (prev && g->x1 - prev->x2 < 0.1 * best && b.len > 0 &&
			    (b.data[b.len - 1] == ' ' ||
			    b.data[b.len - 1] == GAP))
				b.len--;
			buf_adds(&b, sup_digit[d]);
		} else
			buf_adds(&b, g->u);
		prev = g;
	}
	while (b.len > 0 && (b.data[b.len - 1] == ' ' ||
	    b.data[b.len - 1] == GAP))
		b.len--;
	buf_addc(&b, '\0');
	b.len--;
	L.page = page;
	L.size = best;
	L.pw = pw;
	L.ph = ph;
	L.cells = 0;
	L.text = buf_detach(&b);
	if (rd->nl == rd->capl) {
		rd->capl = rd->capl ? rd->capl * 2 : 256;
		rd->l = xrealloc(rd->l, (size_t)rd->capl * sizeof *rd->l);
	}
	rd->l[rd->nl++] = L;
	rd->ng = 0;
}

/* Reads one page's glyphs, line by line as Poppler groups them. */
static void
read_page(struct reader *rd, PopplerPage *page, int pageno)
{
	char *text = poppler_page_get_text(page);
	PopplerRectangle *r = NULL;
	guint nr = 0;
	GList *attrs = poppler_page_get_text_attributes(page), *a = attrs;
	double pw = 0, ph = 0;
	const char *s = text;
	guint i = 0;

	poppler_page_get_size(page, &pw, &ph);
	if (text == NULL || !poppler_page_get_text_layout(page, &r, &nr))
		nr = 0;
	rd->ng = 0;
	for (; s && *s && i < nr; s = g_utf8_next_char(s), i++) {
		gunichar c = g_utf8_get_char(s);
		struct glyph *g;
		double size = 0;

		if (c == '\n') {
			finish_line(rd, pageno, pw, ph);
			continue;
		}
		while (a && ((PopplerTextAttributes *)a->data)->end_index <
		    (gint)i)
			a = a->next;
		if (a && ((PopplerTextAttributes *)a->data)->start_index <=
		    (gint)i)
			size = ((PopplerTextAttributes *)a->data)->font_size;
		if (c != ' ' && c != '\t' && c != 0xA0) {
			/* Poppler's lines may run on into the next column
			 * or a table's next cell: a glyph below, above, behind
			 * or far after the last one starts a line of its own
			 * (the cells of one row are joined again, merge_rows) */
			const struct glyph *pv = NULL;
			for (int k = rd->ng - 1; k >= 0 && pv == NULL; k--)
				if (!is_space(&rd->g[k]))
					pv = &rd->g[k];
			if (pv) {
				double sz = fmax(fmax(pv->size, size), 1);
				double y2 = fmax(r[i].y1, r[i].y2);
				double x1 = fmin(r[i].x1, r[i].x2);
				if (fabs(y2 - pv->y2) > 0.8 * sz ||
				    x1 < pv->x1 - 0.5 * sz ||
				    x1 - pv->x2 > CELL_GAP * sz)
					finish_line(rd, pageno, pw, ph);
			}
		}
		if (rd->ng == rd->capg) {
			rd->capg = rd->capg ? rd->capg * 2 : 256;
			rd->g = xrealloc(rd->g, (size_t)rd->capg * sizeof *rd->g);
		}
		g = &rd->g[rd->ng++];
		memset(g, 0, sizeof *g);
		if (c == 0xFFFD || c < 0x20 || (c >= 0x7F && c < 0xA0))
			c = ' ';
		g_unichar_to_utf8(c, g->u);
		g->x1 = fmin(r[i].x1, r[i].x2);
		g->x2 = fmax(r[i].x1, r[i].x2);
		g->y1 = fmin(r[i].y1, r[i].y2);
		g->y2 = fmax(r[i].y1, r[i].y2);
		/* no attributes for it: the box's height stands in */
		g->size = size > 0 ? size : g->y2 - g->y1;
	}
	finish_line(rd, pageno, pw, ph);
	g_free(r);
	g_free(text);
	poppler_page_free_text_attributes(attrs);
}

/* ---- running heads ------------------------------------------------ */

/* Is l in the top or bottom row of its page, and in the page's top or
 * bottom tenth? top[p] is the least y2 of page p's lines, bot[p] the
 * greatest y1: a line above top (or below bot) shares the first (or
 * last) row. */
static int
in_margin(const struct pline *l, const double *top, const double *bot)
{
	return (l->y2 < MARGIN_ZONE * l->ph && l->y1 < top[l->page]) ||
	    (l->y1 > (1 - MARGIN_ZONE) * l->ph && l->y2 > bot[l->page]);
}

/* The line with its digits as '#': page numbers differ, heads do not. */
static void
head_key(const char *s, char *out, size_t n)
{
	size_t k = 0;
	for (; *s && k + 1 < n; s++)
		out[k++] = (*s >= '0' && *s <= '9') ? '#' : *s;
	out[k] = '\0';
}

/* A page number: "7", "- 7 -", "Page 7", "7 of 26", "vii". */
static int
page_number(const char *s)
{
	char k[64];
	static const char *const forms[] = { "#", "- # -", "page #", "# of #",
	    "page # of #", "#/#", NULL };

	head_key(s, k, sizeof k);
	for (char *p = k; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p + 32);
	/* runs of # are one number */
	for (char *p = k; *p; p++)
		while (p[0] == '#' && p[1] == '#')
			memmove(p, p + 1, strlen(p));
	for (int i = 0; forms[i]; i++)
		if (strcmp(k, forms[i]) == 0)
			return 1;
	return strlen(k) <= 6 && strspn(k, "ivxlc") == strlen(k);
}

/* Marks running heads and footers (the same text at the same height on
 * half the pages or more), page numbers, and text smaller than the body
 * size (body) in the top row, in the page margins. */
static void
drop_heads(struct reader *rd, double body)
{
	int need = rd->npages / 2 > 2 ? rd->npages / 2 : 2;
	char ka[256], kb[256];
	double *top = xmalloc((size_t)(rd->npages + 1) * sizeof *top);
	double *bot = xmalloc((size_t)(rd->npages + 1) * sizeof *bot);

	for (int p = 0; p <= rd->npages; p++) {
		top[p] = 1e300;
		bot[p] = -1e300;
	}
	for (int i = 0; i < rd->nl; i++) {
		const struct pline *l = &rd->l[i];
		top[l->page] = fmin(top[l->page], l->y2);
		bot[l->page] = fmax(bot[l->page], l->y1);
	}
	for (int i = 0; i < rd->nl; i++) {
		struct pline *l = &rd->l[i];
		int pages = 1, last = l->page;
		if (!in_margin(l, top, bot))
			continue;
		if (page_number(l->text)) {
			l->drop = 1;
			continue;
		}
		/* a head set smaller than the text at the top of the page,
		 * even in a short document (a footnote at the foot of one
		 * is not a footer) */
		if (l->y2 < MARGIN_ZONE * l->ph && l->size < 0.9 * body) {
			l->drop = 1;
			continue;
		}
		if (rd->npages < 3)
			continue;
		head_key(l->text, ka, sizeof ka);
		for (int j = 0; j < rd->nl; j++) {
			const struct pline *m = &rd->l[j];
			if (m->page == last || m->page == l->page ||
			    !in_margin(m, top, bot) || fabs(m->y1 - l->y1) > 3)
				continue;
			head_key(m->text, kb, sizeof kb);
			if (strcmp(ka, kb) == 0) {
				pages++;
				last = m->page;
			}
		}
		if (pages >= need)
			l->drop = 1;
	}
	free(top);
	free(bot);
}

/* ---- reading order ------------------------------------------------ */

static int
cmp_y(const void *pa, const void *pb)
{
	const struct pline *a = *(const struct pline *const *)pa;
	const struct pline *b = *(const struct pline *const *)pb;

	if (fabs(a->y1 - b->y1) > 1)
		return a->y1 < b->y1 ? -1 : 1;
	return a->x1 < b->x1 ? -1 : a->x1 > b->x1;
}

/* Joins the lines Poppler split on one baseline of one column (the
 * cells of a table row, a number set apart) into one; a wide gap is a
 * cell border. Returns the lines left in v. */
static int
merge_rows(struct pline **v, int n)
{
	int k = 0;

	for (int i = 0; i < n; i++) {
		struct pline *a = k > 0 ? v[k - 1] : NULL, *b = v[i];
		double sz = a ? fmax(a->size, b->size) : 0;
		if (a && a->col == b->col && fabs(a->y2 - b->y2) < 0.3 * sz &&
		    b->x1 >= a->x2 - 1) {
			struct fig_buf t = FIG_BUF_INIT;
			double gap = b->x1 - a->x2;
			int cell = gap > CELL_GAP * sz;
			buf_adds(&t, a->text);
			if (cell)
				buf_adds(&t, " | ");
			else if (gap > SOFT_GAP * sz)
				buf_addc(&t, GAP);
			else
				buf_addc(&t, ' ');
			buf_adds(&t, b->text);
			free(a->text);
			a->text = buf_detach(&t);
			a->cells += b->cells + cell;
			a->x2 = b->x2;
			a->y1 = fmin(a->y1, b->y1);
			a->y2 = fmax(a->y2, b->y2);
			b->drop = 1;
			continue;
		}
		v[k++] = b;
	}
	return k;
}

/* The words of s, by the spaces between them. */
static int
words(const char *s)
{
	int n = 0;

	for (const char *p = s; *p; p++)
		if (*p != ' ' && *p != GAP && (p == s || p[-1] == ' ' ||
		    p[-1] == GAP))
			n++;
	return n;
}

/* Orders one page's lines: lines across the page cut it into bands;
 * a band with lines in both halves, most of them prose (filling their
 * half or of four words or more), is two columns, left then right. */
static int
order_page(struct pline **v, int n, struct pline **out)
{
	int k = 0;
	double lo = 1e300, hi = -1e300;	/* the page's text spans lo..hi */

	qsort(v, (size_t)n, sizeof *v, cmp_y);
	for (int i = 0; i < n; i++) {
		double mid = v[i]->pw / 2, tol = v[i]->pw * 0.02;
		if (v[i]->x2 <= mid + tol)
			v[i]->col = 0;
		else if (v[i]->x1 >= mid - tol)
			v[i]->col = 1;
		else
			v[i]->col = 2;
	}
	for (int i = 0; i < n; i++) {
		lo = fmin(lo, v[i]->x1);
		hi = fmax(hi, v[i]->x2);
	}
	for (int i = 0; i < n; ) {
		int j = i, left = 0, right = 0, wl = 0, wr = 0;
		if (v[i]->col == 2) {
			out[k++] = v[i++];
			continue;
		}
		while (j < n && v[j]->col != 2) {
			double mid = v[j]->pw / 2, w = v[j]->x2 - v[j]->x1;
			left += v[j]->col == 0;
			right += v[j]->col == 1;
			/* a column's lines fill most of its width or run to
			 * a few words; a table's cells, which also sit in both
			 * halves, mostly do neither */
			int prose = words(v[j]->text) >= 4;
			wl += v[j]->col == 0 && (prose || w >= 0.6 * (mid - lo));
			wr += v[j]->col == 1 && (prose || w >= 0.6 * (hi - mid));
			j++;
		}
		if (left && right && 2 * wl >= left && 2 * wr >= right) {
			for (int c = 0; c < 2; c++)
				for (int m = i; m < j; m++)
					if (v[m]->col == c)
						out[k++] = v[m];
		} else
			for (int m = i; m < j; m++) {
				v[m]->col = 2;
				out[k++] = v[m];
			}
		i = j;
	}
	return merge_rows(out, k);
}

/* ---- paragraphs ------------------------------------------------------ */

enum kind { K_NONE, K_PARA, K_HEAD, K_TABLE, K_ITEM };

/* Does line s start a list item ("- ", "• ", "1. ", "2) ")? */
static int
item_start(const char *s)
{
	size_t k = 0;

	if ((s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ')
		return 1;
	if (strncmp(s, "\xE2\x80\xA2", 3) == 0 ||
	    strncmp(s, "\xE2\x80\x93 ", 4) == 0)
		return 1;
	while (k < 2 && s[k] >= '0' && s[k] <= '9')
		k++;
	return k > 0 && (s[k] == '.' || s[k] == ')') && s[k + 1] == ' ' &&
	    s[k + 2] >= 'A' && s[k + 2] <= 'Z';
}

/* The length of the superscript digit ending s, or 0. */
static size_t
sup_tail(const char *s, size_t n)
{
	int d;

	if (n >= 2 && text_superscript(s + n - 2, 2, &d) == 2)
		return 2;
	if (n >= 3 && text_superscript(s + n - 3, 3, &d) == 3)
		return 3;
	return 0;
}

/* Does s end a sentence (punctuation, then closing quotes, brackets or
 * footnote markers)? */
static int
ends_sentence(const char *s, size_t n)
{
	while (n > 0) {
		unsigned char c = (unsigned char)s[n - 1];
		size_t k;
		if (c == ')' || c == '"' || c == '\'' || c == ']') {
			n--;
			continue;
		}
		if (n >= 3 && (memcmp(s + n - 3, "\xE2\x80\x99", 3) == 0 ||
		    memcmp(s + n - 3, "\xE2\x80\x9D", 3) == 0)) {
			n -= 3;
			continue;
		}
		if ((k = sup_tail(s, n)) > 0) {
			n -= k;
			continue;
		}
		return c == '.' || c == '!' || c == '?' || c == ':';
	}
	return 0;
}

/* A line ending "self-" before "sustaining": is the hyphen the word's
 * own? hy is the lower-cased "self-sustaining" (the first part nf
 * bytes), closed "selfsustaining". The document's other lines decide
 * first: the hyphenated form seen there keeps the hyphen, the closed
 * form drops it. Else a first part of four letters or more that the
 * document joins to other words with a hyphen ("self-" of "self-reliant"
 * before "self-" + "sustaining"), or a compound of two words the
 * document uses on their own, the first of three letters or more
 * ("six-month", "far-reaching"), keeps it; anything else
 * ("semi-conductor", "develop-ment") was cut by the typesetter. */
static int
keep_hyphen(const struct wset *w, const char *hy, size_t nf,
    const char *closed)
{
	size_t n = strlen(hy);

	if (wset_has(w, hy, n))
		return 1;
	if (wset_has(w, closed, strlen(closed)))
		return 0;
	if (nf >= 4 && wset_has(w, hy, nf + 1))
		return 1;	/* "self-" as in "self-reliant" elsewhere */
	return nf >= 3 && wset_has(w, hy, nf) &&
	    wset_has(w, hy + nf + 1, n - nf - 1);
}

/* Does s end inside a URL: its last word starts one ("http", "<http",
 * "www.") and has not closed it ('>' or ')')? */
static int
open_url(const char *s, size_t n)
{
	size_t i = n;

	while (i > 0 && s[i - 1] != ' ')
		i--;
	while (i < n && (s[i] == '<' || s[i] == '(' || s[i] == '['))
		i++;
	if (!(n - i >= 7 && (strncmp(s + i, "http", 4) == 0 ||
	    strncmp(s + i, "www.", 4) == 0)))
		return 0;
	for (size_t k = i; k < n; k++)
		if (s[k] == '>' || s[k] == ')' || s[k] == ']')
			return 0;
	return 1;
}

/* Appends line text t to paragraph b, rejoining a word hyphenated at
 * b's end (docs/formats.md: "PDF input"). */
static void
join_line(struct fig_buf *b, const char *t, const struct wset *w)
{
	size_t n = b->len, fs;
	const char *s = b->data;
	char hy[160], closed[160];
	size_t nl = 0;

	if (n >= 2 && s[n - 1] == '-' && s[n - 2] >= 'a' && s[n - 2] <= 'z' &&
	    t[0] >= 'a' && t[0] <= 'z' && !open_url(s, n)) {
		fs = n - 1;
		while (fs > 0 && word_byte((unsigned char)s[fs - 1]))
			fs--;
		while (t[nl] >= 'a' && t[nl] <= 'z')
			nl++;
		if (memchr(s + fs, '-', n - 1 - fs) == NULL &&
		    n - fs + nl + 1 < sizeof hy) {
			size_t k = 0;
			for (size_t i = fs; i < n; i++)
				hy[k++] = (s[i] >= 'A' && s[i] <= 'Z') ?
				    (char)(s[i] + 32) : s[i];
			memcpy(hy + k, t, nl);
			hy[k + nl] = '\0';
			memcpy(closed, hy, k - 1);
			memcpy(closed + k - 1, t, nl);
			closed[k - 1 + nl] = '\0';
			/* "eight-" + "point-five": the rest goes on with a
			 * hyphen of its own, so the line broke a compound
			 * at one of its hyphens, which stays */
			if (t[nl] != '-' && !keep_hyphen(w, hy, k - 1,
			    closed)) {
				b->len--;	/* a word broken by the typesetter */
				b->data[b->len] = '\0';
			}
		}
		buf_adds(b, t);
		return;
	}
	/* "China-" + "Russia", "COVID-" + "19": the hyphen stays, no
	 * space; a URL cut at the line end goes on without one */
	if (!(n >= 2 && s[n - 1] == '-' && s[n - 2] != ' ') &&
	    !open_url(s, n) && !(n > 0 && s[n - 1] == '>' &&
	    strchr(">.,;", t[0])))
		buf_addc(b, ' ');
	buf_adds(b, t);
}

/* Adds paragraph para to out as kind k (a blank line before it, but
 * none between rows of one table) and returns where its text starts. */
static size_t
flush_para(struct fig_buf *out, struct fig_buf *para, enum kind k,
    enum kind *lastk)
{
	size_t at;

	if (out->len > 0 && !(k == *lastk && (k == K_TABLE || k == K_ITEM)))
		buf_addc(out, '\n');
	if (k == K_HEAD)
		buf_adds(out, "# ");
	if (k == K_TABLE)
		buf_adds(out, "| ");
	at = out->len;
	buf_add(out, para->data ? para->data : "", para->len);
	buf_adds(out, k == K_TABLE ? " |\n" : "\n");
	*lastk = k;
	buf_reset(para);
	return at;
}

/* Where in the paragraph being built each of its lines starts. */
struct mark {
	size_t at;
	int page;
};

static void
assemble(struct pline **ord, int n, double body, struct fig_buf *out,
    struct fig_pdfpages *pages)
{
	struct wset w = { NULL, 0, 0 };
	struct fig_buf para = FIG_BUF_INIT;
	struct mark *mk = NULL;
	int nmk = 0, capmk = 0;
	enum kind k = K_NONE, lastk = K_NONE;
	const struct pline *prev = NULL;

	/* the wide spaces: cell borders in table rows, else spaces */
	for (int i = 0; i < n; i++) {
		struct fig_buf t = FIG_BUF_INIT;
		for (const char *c = ord[i]->text; *c; c++)
			if (*c != GAP)
				buf_addc(&t, *c);
			else
				buf_adds(&t, ord[i]->cells ? " | " : " ");
		buf_addc(&t, '\0');
		free(ord[i]->text);
		ord[i]->text = buf_detach(&t);
	}
	for (int i = 0, url = 0; i < n; i++) {
		const char *t = ord[i]->text;
		size_t pn = i > 0 ? strlen(ord[i - 1]->text) : 0;
		/* "ring" after "transfer-" is no word of its own, nor the
		 * rest of a URL cut at the line end (url: one is open) */
		if (pn > 0 && (ord[i - 1]->text[pn - 1] == '-' || url))
			while (*t && *t != ' ')
				t++;
		wset_add_text(&w, t);
		if (url && strchr(ord[i]->text, ' ') == NULL &&
		    strpbrk(ord[i]->text, ">)]") == NULL)
			continue;	/* still inside it */
		url = open_url(ord[i]->text, strlen(ord[i]->text));
	}
	for (int i = 0; i <= n; i++) {
		const struct pline *l = i < n ? ord[i] : NULL;
		enum kind lk = l == NULL ? K_NONE : l->cells ? K_TABLE :
		    l->size >= HEAD_RATIO * body ? K_HEAD : K_PARA;
		int cont = 0;

		if (l && lk == K_PARA && item_start(l->text))
			lk = K_ITEM;
		else if (lk == K_PARA && k == K_ITEM)
			lk = K_ITEM;	/* an item's next line, perhaps */
		if (l && prev && lk == k && lk != K_TABLE &&
		    !(lk == K_ITEM && item_start(l->text))) {
			int same = l->page == prev->page && l->col == prev->col;
			double gap = l->y1 - prev->y2;
			if (same)
				cont = gap >= -1 && gap < 0.5 * l->size &&
				    fabs(l->size - prev->size) < 0.5;
			else
				/* on across a column or page, unless a
				 * sentence ended and a new one starts */
				cont = lk != K_HEAD && !(ends_sentence(para.data,
				    para.len) && !(l->text[0] >= 'a' &&
				    l->text[0] <= 'z'));
		}
		if (l && !cont && lk == K_ITEM && !item_start(l->text))
			lk = K_PARA;	/* not an item's: a paragraph after it */
		if (!cont && k != K_NONE) {
			size_t at = flush_para(out, &para, k, &lastk);
			for (int m = 0; m < nmk; m++)
				pages_mark(pages, (long long)(at + mk[m].at),
				    mk[m].page);
			nmk = 0;
		}
		if (l == NULL)
			break;
		k = lk;
		if (nmk == capmk) {
			capmk = capmk ? capmk * 2 : 16;
			mk = xrealloc(mk, (size_t)capmk * sizeof *mk);
		}
		mk[nmk].at = para.len;
		mk[nmk++].page = l->page;
		if (para.len == 0)
			buf_adds(&para, l->text);
		else
			join_line(&para, l->text, &w);
		prev = l;
	}
	free(mk);
	buf_release(&para);
	wset_release(&w);
}

/* ---- the document -------------------------------------------------- */

/* Poppler reports syntax errors of damaged files on stderr; the command
 * prints one line of its own instead. */
static int
quiet_begin(void)
{
	int save, null;

	fflush(stderr);
	if ((save = dup(2)) < 0)
		return -1;
	if ((null = open("/dev/null", O_WRONLY)) < 0) {
		close(save);
		return -1;
	}
	dup2(null, 2);
	close(null);
	return save;
}

static void
quiet_end(int save)
{
	if (save < 0)
		return;
	dup2(save, 2);
	close(save);
}

/* Does one of the first lines of text state a date? */
static int
states_date(const char *text)
{
	const char *p = text;
	char out[FIG_PERIOD_LEN];

	for (int i = 0; i < DATE_LINES && *p; i++) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (extract_date_line(p, n, out) == 0)
			return 1;
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	return 0;
}

/* A metadata value on one line, without quotes that would be stripped. */
static void
add_meta(struct fig_buf *b, const char *key, const char *v)
{
	buf_adds(b, key);
	buf_adds(b, ": ");
	for (; *v; v++)
		buf_addc(b, (unsigned char)*v < 0x20 ? ' ' : *v);
	buf_addc(b, '\n');
}

/* The body text's size: the size of most lines. */
static double
body_size(const struct reader *rd)
{
	double *v = xmalloc((size_t)(rd->nl + 1) * sizeof *v), best = 0;
	int n = 0, bestn = 0;

	for (int i = 0; i < rd->nl; i++)
		if (!rd->l[i].drop)
			v[n++] = rd->l[i].size;
	qsort(v, (size_t)n, sizeof *v, cmp_size);
	for (int i = 0; i < n; ) {
		int j = i;
		while (j < n && v[j] - v[i] < 0.1)
			j++;
		if (j - i > bestn) {
			bestn = j - i;
			best = v[i];
		}
		i = j;
	}
	free(v);
	return best;
}

int
pdf_read(const char *data, size_t len, const char *name,
    struct fig_buf *text, struct fig_pdfpages *pages, struct fig_err *err)
{
	struct reader rd;
	GBytes *bytes;
	GError *gerr = NULL;
	PopplerDocument *doc;
	struct pline **v, **ord;
	struct fig_buf body = FIG_BUF_INIT;
	int quiet, nvis = 0, rc = 0;
	char *title;
	size_t start = text->len;

	memset(&rd, 0, sizeof rd);
	pdf_pages_init(pages);
	if (!pdf_is(data, len))
		return err_set(err, FIG_EINPUT, name, 0, 0, "not a PDF (it "
		    "does not start with %%PDF-)");
	bytes = g_bytes_new_static(data, len);
	quiet = quiet_begin();
	doc = poppler_document_new_from_bytes(bytes, NULL, &gerr);
	if (doc == NULL) {
		quiet_end(quiet);
		g_bytes_unref(bytes);
		if (gerr && gerr->domain == POPPLER_ERROR &&
		    gerr->code == POPPLER_ERROR_ENCRYPTED)
			rc = err_set(err, FIG_EINPUT, name, 0, 0, "encrypted "
			    "PDF: it needs a password to be read");
		else if (!ends_pdf(data, len))
			rc = err_set(err, FIG_EINPUT, name, 0, 0, "truncated "
			    "PDF: it does not end with %%%%EOF (poppler: %s)",
			    gerr ? gerr->message : "cannot read it");
		else
			rc = err_set(err, FIG_EINPUT, name, 0, 0, "damaged "
			    "PDF (poppler: %s)", gerr ? gerr->message :
			    "cannot read it");
		if (gerr)
			g_error_free(gerr);
		return rc;
	}
	rd.npages = poppler_document_get_n_pages(doc);
	for (int p = 0; p < rd.npages; p++) {
		PopplerPage *page = poppler_document_get_page(doc, p);
		if (page == NULL)
			continue;
		read_page(&rd, page, p + 1);
		g_object_unref(page);
	}
	quiet_end(quiet);
	for (int i = 0; i < rd.nl; i++)
		nvis += rd.l[i].text[0] != '\0';
	if (rd.npages == 0 || nvis == 0) {
		rc = err_set(err, FIG_EINPUT, name, 0, 0, rd.npages == 0 ?
		    "damaged PDF: no pages" : "no text layer in "
		    "its %d page%s (a scanned PDF needs OCR first)", rd.npages,
		    rd.npages == 1 ? "" : "s");
		goto out;
	}
	drop_heads(&rd, body_size(&rd));
	v = xmalloc((size_t)rd.nl * sizeof *v);
	ord = xmalloc((size_t)rd.nl * sizeof *ord);
	{
		int n = 0, k = 0;
		for (int i = 0; i < rd.nl; ) {
			int j = i, m = 0;
			while (j < rd.nl && rd.l[j].page == rd.l[i].page)
				j++;
			for (int q = i; q < j; q++)
				if (!rd.l[q].drop)
					v[m++] = &rd.l[q];
			k += order_page(v, m, ord + k);
			i = j;
		}
		n = k;
		assemble(ord, n, body_size(&rd), &body, pages);
	}
	free(v);
	free(ord);
	/* the front matter: what the text does not state itself */
	{
		struct fig_buf fm = FIG_BUF_INIT;
		GDateTime *dt = NULL;
		time_t t = poppler_document_get_creation_date(doc);
		title = poppler_document_get_title(doc);
		if (title && title[0] && strncmp(buf_str(&body), "# ", 2) != 0)
			add_meta(&fm, "title", title);
		if (t > 0 && !states_date(buf_str(&body)) &&
		    (dt = g_date_time_new_from_unix_utc((gint64)t)) != NULL) {
			char d[16];
			snprintf(d, sizeof d, "%04d-%02d-%02d",
			    g_date_time_get_year(dt), g_date_time_get_month(dt),
			    g_date_time_get_day_of_month(dt));
			add_meta(&fm, "date", d);
			g_date_time_unref(dt);
		}
		g_free(title);
		if (fm.len > 0) {
			buf_adds(text, "---\n");
			buf_add(text, fm.data, fm.len);
			buf_adds(text, "---\n\n");
		}
		buf_release(&fm);
	}
	{
		long long shift = (long long)(text->len - start);
		for (int i = 0; i < pages->n; i++)
			pages->off[i] += shift + (long long)start;
	}
	buf_add(text, body.data ? body.data : "", body.len);
	pages->npages = rd.npages;
	/* the page of each line's first character */
	{
		const char *s = buf_str(text) + start, *e = buf_str(text) +
		    text->len;
		for (const char *p = s; p < e; ) {
			const char *nl = memchr(p, '\n', (size_t)(e - p));
			long pg = nl == p ? 0 : pdf_page_at(pages,
			    (long long)(p - buf_str(text)));
			pages->line_page = xrealloc(pages->line_page,
			    (size_t)(pages->nlines + 1) * sizeof(long));
			pages->line_page[pages->nlines++] = pg;
			p = nl ? nl + 1 : e;
		}
	}
out:
	buf_release(&body);
	for (int i = 0; i < rd.nl; i++)
		free(rd.l[i].text);
	free(rd.l);
	free(rd.g);
	g_object_unref(doc);
	g_bytes_unref(bytes);
	return rc;
}

/* ---- extraction ---------------------------------------------------- */

struct paged {
	const struct fig_extract_cbs *cbs;
	const struct fig_pdfpages *pages;
};

static int
on_claim_paged(void *ctx, const struct fig_claim *c)
{
	struct paged *pg = ctx;
	struct fig_claim cp = *c;	/* shallow: borrowed for the call */

	cp.page = pdf_page_at(pg->pages, c->byte_start);
	return pg->cbs->on_claim(pg->cbs->ctx, &cp);
}

static int
on_ref_paged(void *ctx, const struct fig_ref *r)
{
	struct paged *pg = ctx;
	return pg->cbs->on_ref(pg->cbs->ctx, r);
}

int
pdf_extract(const struct fig_rules *rules, const char *data, size_t len,
    const char *name, const struct fig_extract_opts *opts,
    const struct fig_extract_cbs *cbs, struct fig_docmeta *meta,
    struct fig_buf *text, struct fig_err *err)
{
	struct fig_buf own = FIG_BUF_INIT, *t = text ? text : &own;
	struct fig_pdfpages pages;
	struct paged pg = { cbs, &pages };
	struct fig_extract_cbs wrap = { NULL, NULL, &pg };
	int rc;

	buf_reset(t);
	if (pdf_read(data, len, name, t, &pages, err) != 0) {
		buf_release(&own);
		return -1;
	}
	if (cbs && cbs->on_claim)
		wrap.on_claim = on_claim_paged;
	if (cbs && cbs->on_ref)
		wrap.on_ref = on_ref_paged;
	rc = extract_mem(rules, buf_str(t), t->len, name, opts, &wrap, meta,
	    err);
	if (meta)
		meta->bytes = (long long)len;
	pdf_pages_release(&pages);
	buf_release(&own);
	return rc;
}
