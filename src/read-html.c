/* read-html.c: an HTML page -> the Markdown-like text extraction reads.
 * libxml2's HTML parser builds the tree (never a network access); this
 * file picks the article body out of it, drops the page furniture
 * (navigation, scripts, cookie banners, "related stories"), keeps the
 * block structure, and reads the title and publication date from the
 * page's metadata. docs/formats.md, "Input formats", says what is kept. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "figtrack/period.h"
#include "figtrack/reader.h"
#include "figtrack/text.h"

/* Deeper than this the tree is read as plain text (no recursion). */
#define MAX_DEPTH 200
/* A cell spans at most this many columns and rows; a table has at most
 * this many columns. */
#define MAX_SPAN 64
#define MAX_COLS 256
/* The largest page read, in bytes. */
#define HTML_MAX (64 << 20)

struct hx {
	struct fig_doctext *out;
	struct fig_buf cur;	/* the line being built */
	const char *prefix;	/* "- ", "# ", ... of the block's first line */
	char numprefix[16];	/* "12. " of an ordered list item */
	long origin;		/* original line of the line being built */
	int emitted;		/* lines emitted since the last blank one */
	int brs;		/* <br> in a row, for "<br><br>" */
	long last_origin;
	xmlNodePtr root;	/* the article body */
	char time[FIG_PERIOD_LEN];	/* first <time datetime> in it */
};

static const char *
nm(xmlNodePtr n)
{
	return n && n->name ? (const char *)n->name : "";
}

static int
is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE &&
	    strcasecmp(nm(n), name) == 0;
}

static long
line_of(xmlNodePtr n)
{
	long l = xmlGetLineNo(n);

	return l > 0 ? l : 0;
}

/* An attribute's value as a malloc'd string, or NULL. */
static char *
attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

static int
attr_is(xmlNodePtr n, const char *name, const char *value)
{
	char *v = attr(n, name);
	int r = v && strcasecmp(v, value) == 0;

	free(v);
	return r;
}

/* ---- what is page furniture --------------------------------------- */

/* Elements never read. */
static int
skipped_element(xmlNodePtr n)
{
	static const char *const names[] = { "script", "style", "noscript",
	    "template", "nav", "header", "footer", "aside", "form", "button",
	    "select", "input", "textarea", "iframe", "svg", "canvas", "object",
	    "embed", "video", "audio", "map", "dialog", "menu", "head",
	    "img", "picture", "math", NULL };

	for (int i = 0; names[i]; i++)
		if (strcasecmp(nm(n), names[i]) == 0)
			return 1;
	return 0;
}

/* Words of class and id names that mark furniture: matched against the
 * parts of a name split at '-', '_' and spaces ("cookie-banner",
 * "related_stories", "readMore" is not split). */
static const char *const furniture[] = { "cookie", "cookies", "consent",
    "gdpr", "related", "recommended", "recommendations", "newsletter",
    "subscribe", "subscription", "share", "sharing", "social", "comments",
    "comment", "advert", "advertisement", "ad", "ads", "promo", "sidebar",
    "breadcrumb", "breadcrumbs", "nav", "navbar", "navigation", "menu",
    "footer", "popup", "modal", "banner", "readmore", "more", "outbrain",
    "taboola", "trending", "popular", "masthead", "toolbar", "paywall",
    NULL };

static int
furniture_name(const char *s)
{
	char part[64];
	size_t k;

	while (*s) {
		while (*s == ' ' || *s == '-' || *s == '_' || *s == '\t')
			s++;
		for (k = 0; *s && *s != ' ' && *s != '-' && *s != '_' &&
		    *s != '\t'; s++)
			if (k < sizeof part - 1)
				part[k++] = (char)(*s >= 'A' && *s <= 'Z' ?
				    *s - 'A' + 'a' : *s);
		part[k] = '\0';
		for (int i = 0; k && furniture[i]; i++)
			if (strcmp(part, furniture[i]) == 0)
				return 1;
	}
	return 0;
}

static int
furniture_attrs(xmlNodePtr n)
{
	static const char *const roles[] = { "navigation", "banner",
	    "contentinfo", "complementary", "search", "dialog", "alertdialog",
	    "menu", "menubar", NULL };
	char *v;
	int r = 0;

	if ((v = attr(n, "class")) != NULL) {
		r = furniture_name(v);
		free(v);
	}
	if (!r && (v = attr(n, "id")) != NULL) {
		r = furniture_name(v);
		free(v);
	}
	if (!r && (v = attr(n, "role")) != NULL) {
		for (int i = 0; roles[i] && !r; i++)
			r = strcasecmp(v, roles[i]) == 0;
		free(v);
	}
	if (!r && attr_is(n, "aria-hidden", "true"))
		r = 1;
	if (!r && xmlHasProp(n, (const xmlChar *)"hidden"))
		r = 1;
	if (!r && (v = attr(n, "style")) != NULL) {
		r = strstr(v, "display:none") != NULL ||
		    strstr(v, "display: none") != NULL;
		free(v);
	}
	return r;
}

static int
skip(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && (skipped_element(n) ||
	    furniture_attrs(n));
}

/* The text of n, white space collapsed, at most max bytes, into b. A
 * bounded look (max not (size_t)-1) also visits a bounded number of
 * nodes: deep nests of empty elements would make it quadratic. */
static void
plain_text(xmlNodePtr n, struct fig_buf *b, size_t max)
{
	xmlNodePtr cur = n;
	size_t visits = max == (size_t)-1 ? (size_t)-1 : max * 4 + 256;

	/* iterative: pages can nest deeply */
	while (cur && b->len < max && visits-- > 0) {
		if (cur->type == XML_TEXT_NODE || cur->type ==
		    XML_CDATA_SECTION_NODE) {
			const char *s = (const char *)cur->content;
			for (; s && *s && b->len < max; s++) {
				int sp = *s == ' ' || *s == '\n' || *s == '\t' ||
				    *s == '\r' || *s == '\f';
				if (sp && (b->len == 0 ||
				    b->data[b->len - 1] == ' '))
					continue;
				buf_addc(b, sp ? ' ' : *s);
			}
		}
		if (cur->type == XML_ELEMENT_NODE && !skip(cur) && cur->children) {
			cur = cur->children;
			continue;
		}
		while (cur && cur != n && cur->next == NULL)
			cur = cur->parent;
		if (cur == NULL || cur == n)
			break;
		cur = cur->next;
	}
	/* a text cut at max bytes ends where a character does */
	b->len = text_utf8_whole(b->data, b->len);
	if (b->data)
		b->data[b->len] = '\0';
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
}

/* Headings and lead-ins of lists that are not the article: "Related
 * stories", "Read more", "More from ...", "You may also like". */
static int
furniture_words(const char *s)
{
	static const char *const starts[] = { "related", "read more",
	    "read also", "also read", "see also", "more from", "more on",
	    "more stories", "most read", "most popular", "you may also",
	    "you might also", "recommended", "trending", "popular",
	    "latest news", "top stories", "more news", "further reading",
	    "share this", "follow us", "sign up", "subscribe", NULL };

	while (*s == ' ')
		s++;
	for (int i = 0; starts[i]; i++)
		if (strncasecmp(s, starts[i], strlen(starts[i])) == 0)
			return 1;
	return 0;
}

static int
heading_level(xmlNodePtr n)
{
	const char *s = nm(n);

	if (n->type == XML_ELEMENT_NODE && (s[0] == 'h' || s[0] == 'H') &&
	    s[1] >= '1' && s[1] <= '6' && s[2] == '\0')
		return s[1] - '0';
	return 0;
}

static int
furniture_text(xmlNodePtr n)
{
	struct fig_buf b = FIG_BUF_INIT;
	int r;

	plain_text(n, &b, 200);
	r = b.len > 0 && b.len < 120 && furniture_words(b.data);
	buf_release(&b);
	return r;
}

/* ---- output ------------------------------------------------------- */

/* Ends the line being built. */
static void
end_line(struct hx *h)
{
	struct fig_buf line = FIG_BUF_INIT;
	size_t n = h->cur.len;
	const char *s = text_trim(buf_str(&h->cur), &n);

	if (n > 0) {
		if (h->numprefix[0])
			buf_adds(&line, h->numprefix);
		else if (h->prefix)
			buf_adds(&line, h->prefix);
		buf_add(&line, s, n);
		doctext_line(h->out, line.data, line.len, h->origin);
		h->last_origin = h->origin;
		h->emitted++;
		/* a line after the first of an item goes on with it */
		h->prefix = NULL;
		h->numprefix[0] = '\0';
	}
	buf_release(&line);
	buf_reset(&h->cur);
}

/* Ends the block: the line, then a blank line. */
static void
end_block(struct hx *h)
{
	end_line(h);
	if (h->emitted) {
		doctext_line(h->out, "", 0, h->last_origin);
		h->emitted = 0;
	}
	h->prefix = NULL;
	h->numprefix[0] = '\0';
	h->brs = 0;
}

/* Appends text, white space collapsed (a no-break space is a space). */
static void
add_text(struct hx *h, struct fig_buf *b, const char *s, long origin)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		int sp = c == ' ' || c == '\n' || c == '\t' || c == '\r' ||
		    c == '\f';
		if (c == 0xC2 && (unsigned char)s[1] == 0xA0) {
			sp = 1;
			s++;
		}
		if (sp) {
			if (b->len > 0 && b->data[b->len - 1] != ' ')
				buf_addc(b, ' ');
			continue;
		}
		if (h && b == &h->cur && b->len == 0 && origin > 0)
			h->origin = origin;
		buf_addc(b, (char)c);
		if (h)
			h->brs = 0;
	}
}

/* Superscript forms of the digits 0-9. */
static const char *const sup_digit[] = { "\xE2\x81\xB0", "\xC2\xB9",
    "\xC2\xB2", "\xC2\xB3", "\xE2\x81\xB4", "\xE2\x81\xB5", "\xE2\x81\xB6",
    "\xE2\x81\xB7", "\xE2\x81\xB8", "\xE2\x81\xB9" };

/* <sup>: a footnote marker ("12", "[12]", a link to a note) becomes
 * superscript digits, which extraction reads as a footnote; the power of
 * a unit ("km<sup>2</sup>") stays a plain digit. Returns 1 when handled. */
static int
add_sup(struct hx *h, struct fig_buf *b, xmlNodePtr n)
{
	struct fig_buf t = FIG_BUF_INIT;
	const char *s;
	size_t k, len;
	int digits = 0, link = 0;

	plain_text(n, &t, 64);
	s = t.data ? t.data : "";
	len = t.len;
	if (len >= 2 && s[0] == '[' && s[len - 1] == ']') {
		s++;
		len -= 2;
	}
	for (k = 0; k < len; k++)
		if (s[k] >= '0' && s[k] <= '9')
			digits++;
		else
			break;
	if (digits == 0 || k != len || len > 6) {
		buf_release(&t);
		return 0;
	}
	for (xmlNodePtr c = n->children; c; c = c->next)
		if (is(c, "a"))
			link = 1;
	if (!link && len == 1 && (s[0] == '2' || s[0] == '3') && b->len > 0 &&
	    ((b->data[b->len - 1] >= 'a' && b->data[b->len - 1] <= 'z') ||
	    (b->data[b->len - 1] >= 'A' && b->data[b->len - 1] <= 'Z')) &&
	    b->data[b->len - 1] != ' ') {
		buf_addc(b, s[0]);	/* km2, m3 */
		buf_release(&t);
		return 1;
	}
	/* a marker follows its word without a space */
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
	for (k = 0; k < len; k++)
		buf_adds(b, sup_digit[s[k] - '0']);
	if (h)
		h->brs = 0;
	buf_release(&t);
	return 1;
}

/* The text of a table cell, nested tables and blocks flattened. */
static void
cell_text(xmlNodePtr n, struct fig_buf *b, int depth)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type ==
		    XML_CDATA_SECTION_NODE) {
			if (c->content)
				add_text(NULL, b, (const char *)c->content, 0);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || skip(c))
			continue;
		if (is(c, "sup") && add_sup(NULL, b, c))
			continue;
		if (depth >= MAX_DEPTH) {
			buf_addc(b, ' ');
			plain_text(c, b, (size_t)-1);
			continue;
		}
		if (is(c, "br") || is(c, "td") || is(c, "th") || is(c, "tr") ||
		    is(c, "p") || is(c, "div") || is(c, "li"))
			add_text(NULL, b, " ", 0);
		cell_text(c, b, depth + 1);
		if (is(c, "td") || is(c, "th") || is(c, "p") || is(c, "div") ||
		    is(c, "li"))
			add_text(NULL, b, " ", 0);
	}
}

/* Appends a table cell to row, "|" escaped. */
static void
add_cell(struct fig_buf *row, const char *s, size_t n)
{
	s = text_trim(s, &n);
	buf_adds(row, " ");
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '|')
			buf_addc(row, '\\');
		buf_addc(row, s[i]);
	}
	buf_adds(row, " |");
}

/* The rows of table t: its own tr elements, not those of tables inside
 * it. */
static int
table_rows(xmlNodePtr t, xmlNodePtr *rows, int max, int *header)
{
	int n = 0;

	*header = 0;
	for (xmlNodePtr c = t->children; c && n < max; c = c->next) {
		if (is(c, "tr"))
			rows[n++] = c;
		else if (is(c, "thead") || is(c, "tbody") || is(c, "tfoot")) {
			for (xmlNodePtr r = c->children; r && n < max;
			    r = r->next)
				if (is(r, "tr")) {
					rows[n++] = r;
					if (is(c, "thead"))
						*header = n;
				}
		}
	}
	return n;
}

static int
count_rows(xmlNodePtr t)
{
	int n = 0;

	for (xmlNodePtr c = t->children; c; c = c->next) {
		if (is(c, "tr"))
			n++;
		else if (is(c, "thead") || is(c, "tbody") || is(c, "tfoot"))
			for (xmlNodePtr r = c->children; r; r = r->next)
				n += is(r, "tr");
	}
	return n;
}

static int
span_of(xmlNodePtr c, const char *name)
{
	char *v = attr(c, name);
	int k = v ? atoi(v) : 1;

	free(v);
	return k < 1 ? 1 : k > MAX_SPAN ? MAX_SPAN : k;
}

/* A table as "| a | b |" rows: its caption a line before it, the rows
 * of a header (thead, or leading rows of th cells only) followed by a
 * "|---|" line, cells spanning columns or rows repeated in each. */
static void
emit_table(struct hx *h, xmlNodePtr t)
{
	int nrows = count_rows(t), header, nh;
	xmlNodePtr *rows;
	/* the cells spanning down into later rows: text and rows left */
	char **down = xcalloc(MAX_COLS, sizeof *down);
	int *left = xcalloc(MAX_COLS, sizeof *left);
	struct fig_buf cell = FIG_BUF_INIT, row = FIG_BUF_INIT;

	end_block(h);
	for (xmlNodePtr c = t->children; c; c = c->next)
		if (is(c, "caption") && !skip(c)) {
			cell_text(c, &h->cur, 0);
			h->origin = line_of(c);
			end_block(h);
		}
	rows = xcalloc((size_t)nrows + 1, sizeof *rows);
	nrows = table_rows(t, rows, nrows, &header);
	nh = header;
	if (nh == 0) {
		/* leading rows of th cells only */
		for (int r = 0; r < nrows; r++) {
			int th = 0, td = 0;
			for (xmlNodePtr c = rows[r]->children; c; c = c->next) {
				th += is(c, "th");
				td += is(c, "td");
			}
			if (th == 0 || td > 0)
				break;
			nh = r + 1;
		}
	}
	for (int r = 0; r < nrows; r++) {
		xmlNodePtr c = rows[r]->children;
		int col = 0, any = 0;

		buf_reset(&row);
		buf_adds(&row, "|");
		while (col < MAX_COLS) {
			int span, rspan;
			if (left[col] > 0) {
				add_cell(&row, down[col], strlen(down[col]));
				if (--left[col] == 0) {
					free(down[col]);
					down[col] = NULL;
				}
				col++;
				any = 1;
				continue;
			}
			while (c && !(is(c, "td") || is(c, "th")))
				c = c->next;
			if (c == NULL)
				break;
			buf_reset(&cell);
			if (!skip(c))
				cell_text(c, &cell, 1);
			span = span_of(c, "colspan");
			rspan = span_of(c, "rowspan");
			for (int k = 0; k < span && col < MAX_COLS; k++, col++) {
				add_cell(&row, buf_str(&cell), cell.len);
				if (rspan > 1 && left[col] == 0) {
					free(down[col]);
					down[col] = xstrdup(buf_str(&cell));
					left[col] = rspan - 1;
				}
			}
			any = 1;
			c = c->next;
		}
		if (!any)
			continue;
		doctext_line(h->out, row.data, row.len, line_of(rows[r]));
		h->last_origin = line_of(rows[r]);
		h->emitted++;
		if (r + 1 == nh) {
			buf_reset(&row);
			buf_adds(&row, "|");
			for (int k = 0; k < col; k++)
				buf_adds(&row, "---|");
			doctext_line(h->out, row.data, row.len,
			    line_of(rows[r]));
		}
	}
	end_block(h);
	for (int k = 0; k < MAX_COLS; k++)
		free(down[k]);
	free(down);
	free(left);
	free(rows);
	buf_release(&cell);
	buf_release(&row);
}

static int
block_element(xmlNodePtr n)
{
	static const char *const names[] = { "p", "div", "section", "article",
	    "main", "blockquote", "pre", "dl", "dt", "dd", "figure",
	    "figcaption", "address", "center", "details", "summary", "hr",
	    "ul", "ol", "li", "table", "body", "html", "fieldset", "legend",
	    NULL };

	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if (heading_level(n))
		return 1;
	for (int i = 0; names[i]; i++)
		if (strcasecmp(nm(n), names[i]) == 0)
			return 1;
	return 0;
}

static void walk(struct hx *h, xmlNodePtr n, int depth);

/* The children of n, leaving out a "Related stories" heading and what
 * follows it up to the next heading of its level or above, and
 * paragraphs that are only a "Read more: ..." link. */
static void
walk_children(struct hx *h, xmlNodePtr n, int depth)
{
	int skip_level = 0;

	for (xmlNodePtr c = n->children; c; c = c->next) {
		int lv = heading_level(c);

		if (skip_level) {
			if (lv && lv <= skip_level)
				skip_level = 0;
			else
				continue;
		}
		if (lv && furniture_text(c)) {
			skip_level = lv;
			continue;
		}
		if ((is(c, "p") || is(c, "div") || is(c, "section")) &&
		    furniture_text(c)) {
			struct fig_buf b = FIG_BUF_INIT;
			/* "Related stories" as a paragraph heading a list */
			plain_text(c, &b, 200);
			if (b.len < 40 && c->next) {
				xmlNodePtr d = c->next;
				while (d && d->type != XML_ELEMENT_NODE)
					d = d->next;
				if (d && (is(d, "ul") || is(d, "ol")))
					c = d;
			}
			buf_release(&b);
			continue;
		}
		walk(h, c, depth + 1);
	}
}

static void
walk(struct hx *h, xmlNodePtr n, int depth)
{
	int lv;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			add_text(h, &h->cur, (const char *)n->content,
			    line_of(n->parent));
		return;
	}
	if (n->type != XML_ELEMENT_NODE || skip(n))
		return;
	if (depth >= MAX_DEPTH) {
		if (h->cur.len == 0)
			h->origin = line_of(n);
		add_text(h, &h->cur, " ", 0);
		plain_text(n, &h->cur, (size_t)-1);
		return;
	}
	if (is(n, "br")) {
		if (++h->brs >= 2)
			end_block(h);
		else
			end_line(h);
		h->brs = 1;
		return;
	}
	if (is(n, "sup") && add_sup(h, &h->cur, n))
		return;
	if (is(n, "table")) {
		emit_table(h, n);
		return;
	}
	if (!block_element(n)) {
		/* inline: a, span, em, strong, time, ... */
		walk_children(h, n, depth);
		return;
	}
	end_block(h);
	h->origin = line_of(n);
	if ((lv = heading_level(n)) > 0) {
		static const char *const hashes[] = { "# ", "## ", "### ",
		    "#### ", "##### ", "###### " };
		h->prefix = hashes[lv - 1];
		walk_children(h, n, depth);
		end_block(h);
		return;
	}
	if (is(n, "ol") || is(n, "ul")) {
		char *st = attr(n, "start");
		int num = st ? atoi(st) : 1;
		free(st);
		for (xmlNodePtr c = n->children; c; c = c->next) {
			if (!is(c, "li")) {
				walk(h, c, depth + 1);
				continue;
			}
			if (skip(c))
				continue;
			/* items follow one another without a blank line */
			end_line(h);
			h->prefix = NULL;
			h->numprefix[0] = '\0';
			h->origin = line_of(c);
			if (is(n, "ol")) {
				char *v = attr(c, "value");
				if (v)
					num = atoi(v);
				free(v);
				snprintf(h->numprefix, sizeof h->numprefix,
				    "%d. ", num++);
			} else
				h->prefix = "- ";
			walk_children(h, c, depth + 1);
			end_line(h);
		}
		end_block(h);
		return;
	}
	if (is(n, "li")) {
		h->prefix = "- ";
		walk_children(h, n, depth);
		end_block(h);
		return;
	}
	walk_children(h, n, depth);
	end_block(h);
}

/* ---- choosing the article body ------------------------------------ */

/* Bytes of paragraph text under n (only direct <p> children when
 * direct), not counting furniture. */
static size_t
p_text(xmlNodePtr n, int direct, int depth)
{
	size_t t = 0;

	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || skip(c))
			continue;
		if (is(c, "p")) {
			struct fig_buf b = FIG_BUF_INIT;
			plain_text(c, &b, (size_t)-1);
			t += b.len;
			buf_release(&b);
		} else if (!direct && depth < MAX_DEPTH)
			t += p_text(c, 0, depth + 1);
	}
	return t;
}

struct pick {
	xmlNodePtr article, main, dense;
	size_t article_n, dense_n;
};

static void
pick_body(xmlNodePtr n, struct pick *p, int depth)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		size_t t;
		if (c->type != XML_ELEMENT_NODE || skip(c))
			continue;
		if (is(c, "article")) {
			t = p_text(c, 0, depth);
			if (t > p->article_n || p->article == NULL) {
				p->article = c;
				p->article_n = t;
			}
		} else if (p->main == NULL && (is(c, "main") ||
		    attr_is(c, "role", "main")))
			p->main = c;
		if (is(c, "div") || is(c, "section") || is(c, "td") ||
		    is(c, "body") || is(c, "main") || is(c, "article")) {
			t = p_text(c, 1, depth);
			if (t > p->dense_n) {
				p->dense = c;
				p->dense_n = t;
			}
		}
		if (depth < MAX_DEPTH)
			pick_body(c, p, depth + 1);
	}
}

/* ---- metadata ----------------------------------------------------- */

static int page_date(const char *s, char out[FIG_PERIOD_LEN]);

/* The first <time datetime> under n, furniture included (an article's
 * byline sits in its <header>); with marked, only one marked as the
 * publication date (itemprop="datePublished" or pubdate). */
static void
find_time(xmlNodePtr n, int marked, char out[FIG_PERIOD_LEN], int depth)
{
	for (xmlNodePtr c = n->children; c && !out[0]; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, "time") && (!marked || attr_is(c, "itemprop",
		    "datePublished") || xmlHasProp(c,
		    (const xmlChar *)"pubdate"))) {
			char *v = attr(c, "datetime");
			if (v && page_date(v, out) != 0)
				out[0] = '\0';
			free(v);
		}
		if (depth < MAX_DEPTH && !is(c, "script") && !is(c, "style"))
			find_time(c, marked, out, depth + 1);
	}
}

/* A date as a page states it ("2023-07-13T10:00:00+03:00", "2023-07-13",
 * "July 13, 2023", "13 July 2023") into out; 0, or -1. */
static int
page_date(const char *s, char out[FIG_PERIOD_LEN])
{
	char d[16];
	int y = 0, m = 0, day = 0;

	while (*s == ' ')
		s++;
	if (s[0] >= '0' && s[0] <= '9' && strlen(s) >= 4 &&
	    s[4] != ' ' && s[4] != ',') {
		size_t k = 0;
		while (k < 10 && s[k] && (s[k] == '-' || (s[k] >= '0' &&
		    s[k] <= '9')))
			k++;
		snprintf(d, sizeof d, "%.*s", (int)k, s);
		if (k == 8 && !strchr(d, '-'))	/* 20230713 */
			snprintf(d, sizeof d, "%.4s-%.2s-%.2s", s, s + 4, s + 6);
		return period_parse_date(d, out);
	}
	/* words: a month name, a day and a year in any order */
	while (*s) {
		size_t k = 0;
		while (*s == ' ' || *s == ',' || *s == '.')
			s++;
		while (s[k] && s[k] != ' ' && s[k] != ',' && s[k] != '.')
			k++;
		if (k == 0)
			break;
		if (k == 4 && s[0] >= '0' && s[0] <= '9' && !y)
			y = atoi(s);
		else if (k <= 2 && s[0] >= '0' && s[0] <= '9' && !day)
			day = atoi(s);
		else if (!m && period_month(s, k))
			m = period_month(s, k);
		s += k;
	}
	if (!y || !m)
		return -1;
	if (day)
		snprintf(d, sizeof d, "%04d-%02d-%02d", y, m, day);
	else
		snprintf(d, sizeof d, "%04d-%02d", y, m);
	return period_parse_date(d, out);
}

struct meta {
	char title[512];
	long title_line;
	char date[FIG_PERIOD_LEN];
	long date_line;
	char url[512];
	char h1[512];
};

/* "datePublished" in a JSON-LD script: the string after the key. */
static void
jsonld_date(const char *s, struct meta *m, long line)
{
	const char *p = s;

	while ((p = strstr(p, "\"datePublished\"")) != NULL) {
		char v[64];
		size_t k = 0;
		p += 15;
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (*p != ':')
			continue;
		p++;
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (*p != '"')
			continue;
		p++;
		while (p[k] && p[k] != '"' && k < sizeof v - 1) {
			v[k] = p[k];
			k++;
		}
		v[k] = '\0';
		if (page_date(v, m->date) == 0) {
			m->date_line = line;
			return;
		}
	}
}

/* Copies s into dst of size bytes, cut where a character ends when it
 * is longer (an attribute's value can be of any length). */
static void
copy_whole(char *dst, size_t size, const char *s)
{
	size_t n = strlen(s);

	if (n >= size)
		n = text_utf8_whole(s, size - 1);
	memcpy(dst, s, n);
	dst[n] = '\0';
}

static void
read_meta(xmlNodePtr n, struct meta *m, int depth)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, "meta")) {
			char *prop = attr(c, "property"), *name = attr(c, "name");
			char *ip = attr(c, "itemprop"), *content = attr(c, "content");
			const char *key = prop ? prop : name ? name : ip ? ip : "";
			if (content == NULL)
				content = attr(c, "datetime");
			if (content && strcasecmp(key, "og:title") == 0) {
				copy_whole(m->title, sizeof m->title, content);
				m->title_line = line_of(c);
			} else if (content && !m->date[0] &&
			    (strcasecmp(key, "article:published_time") == 0 ||
			    strcasecmp(key, "datePublished") == 0 ||
			    strcasecmp(key, "date") == 0 ||
			    strcasecmp(key, "pubdate") == 0 ||
			    strcasecmp(key, "publishdate") == 0 ||
			    strcasecmp(key, "publish-date") == 0 ||
			    strcasecmp(key, "dc.date") == 0 ||
			    strcasecmp(key, "dc.date.issued") == 0 ||
			    strcasecmp(key, "dcterms.created") == 0 ||
			    strcasecmp(key, "sailthru.date") == 0 ||
			    strcasecmp(key, "parsely-pub-date") == 0)) {
				if (page_date(content, m->date) == 0)
					m->date_line = line_of(c);
			} else if (content && strcasecmp(key, "og:url") == 0)
				copy_whole(m->url, sizeof m->url, content);
			free(prop);
			free(name);
			free(ip);
			free(content);
		} else if (is(c, "title") && !m->title[0]) {
			struct fig_buf b = FIG_BUF_INIT;
			char *bar;
			plain_text(c, &b, sizeof m->title - 1);
			/* "Headline | Site": the headline */
			if (b.len && (bar = strstr(b.data, " | ")) != NULL &&
			    (size_t)(bar - b.data) * 2 > b.len)
				*bar = '\0';
			snprintf(m->title, sizeof m->title, "%s", buf_str(&b));
			m->title_line = line_of(c);
			buf_release(&b);
		} else if (is(c, "link") && !m->url[0] &&
		    attr_is(c, "rel", "canonical")) {
			char *href = attr(c, "href");
			if (href)
				copy_whole(m->url, sizeof m->url, href);
			free(href);
		} else if (is(c, "script") && attr_is(c, "type",
		    "application/ld+json")) {
			for (xmlNodePtr t = c->children; t; t = t->next)
				if (t->content && (t->type == XML_TEXT_NODE ||
				    t->type == XML_CDATA_SECTION_NODE) &&
				    !m->date[0])
					jsonld_date((const char *)t->content, m,
					    line_of(c));
		} else if (heading_level(c) == 1 && !m->h1[0]) {
			struct fig_buf b = FIG_BUF_INIT;
			plain_text(c, &b, sizeof m->h1 - 1);
			snprintf(m->h1, sizeof m->h1, "%s", buf_str(&b));
			buf_release(&b);
		}
		if (depth < MAX_DEPTH)
			read_meta(c, m, depth + 1);
	}
}

/* One "key: value" line of the metadata block, the value on one line. */
static void
meta_line(struct fig_doctext *out, const char *key, const char *value,
    long origin)
{
	struct fig_buf b = FIG_BUF_INIT;

	buf_adds(&b, key);
	buf_adds(&b, ": ");
	for (const char *s = value; *s; s++)
		buf_addc(&b, *s == '\n' || *s == '\r' || *s == '\t' ? ' ' : *s);
	doctext_line(out, b.data, b.len, origin);
	buf_release(&b);
}

/* ---- the reader --------------------------------------------------- */

/* Line of byte offset off in buf, and its column. */
static void
place(const char *buf, size_t off, long *line, long *col)
{
	const char *nl;
	size_t start = 0;

	*line = 1;
	while ((nl = memchr(buf + start, '\n', off - start)) != NULL) {
		(*line)++;
		start = (size_t)(nl - buf) + 1;
	}
	*col = (long)(off - start) + 1;
}

/* The charset a page declares in its first bytes, lower-cased, into cs
 * ("" when none): what the HTML parser will decode it with. */
static void
declared_charset(xmlDocPtr doc, char *cs, size_t n)
{
	const char *e = doc && doc->encoding ? (const char *)doc->encoding :
	    "";

	snprintf(cs, n, "%s", e);
	text_lower(cs);
}

int
reader_html(const char *buf, size_t len, const char *name,
    const struct fig_read_opts *o, struct fig_doctext *out,
    struct fig_err *err)
{
	struct fig_buf fixed = FIG_BUF_INIT;
	const char *nul, *src = buf;
	size_t srclen = len, bad;
	int invalid, opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NODEFDTD |
	    XML_PARSE_HUGE;
	htmlDocPtr doc;
	xmlNodePtr root;
	struct meta m;
	struct pick pk;
	struct hx h;
	char cs[64];

	if (len > HTML_MAX)
		return err_set(err, FIG_EINPUT, name, 0, 0, "HTML page of %zu "
		    "MB: pages over %d MB are not read (the parsed page takes "
		    "about ten times its size in memory)", len >> 20,
		    HTML_MAX >> 20);
	if ((nul = memchr(buf, '\0', len)) != NULL) {
		long line, col;
		place(buf, (size_t)(nul - buf), &line, &col);
		return err_set(err, FIG_EINPUT, name, line, col, "NUL byte: "
		    "this looks like binary data, not HTML");
	}
	invalid = text_utf8_check(buf, len, &bad) != 0;
	doc = htmlReadMemory(buf, (int)len, NULL, NULL, opts);
	if (doc == NULL)
		return err_set(err, FIG_EINPUT, name, 0, 0, "not an HTML "
		    "document: the parser found nothing to read");
	declared_charset(doc, cs, sizeof cs);
	if (invalid && (cs[0] == '\0' || strcmp(cs, "utf-8") == 0 ||
	    strcmp(cs, "utf8") == 0)) {
		/* the page says UTF-8 (or nothing, and UTF-8 is the default
		 * figtrack reads) but is not */
		long line, col;
		xmlFreeDoc(doc);
		if (!o || !o->lossy) {
			place(buf, bad, &line, &col);
			return err_set(err, FIG_EINPUT, name, line, col,
			    "invalid UTF-8 at byte offset %zu in a page that "
			    "%s (use --lossy to replace it)", bad, cs[0] ?
			    "declares UTF-8" : "declares no charset");
		}
		text_utf8_lossy(&fixed, buf, len);
		src = fixed.data;
		srclen = fixed.len;
		doc = htmlReadMemory(src, (int)srclen, NULL, "UTF-8", opts);
		if (doc == NULL) {
			buf_release(&fixed);
			return err_set(err, FIG_EINPUT, name, 0, 0, "not an "
			    "HTML document: the parser found nothing to "
			    "read");
		}
	}
	root = xmlDocGetRootElement(doc);
	memset(&m, 0, sizeof m);
	memset(&pk, 0, sizeof pk);
	memset(&h, 0, sizeof h);
	h.out = out;
	if (root) {
		xmlNode top;
		/* read_meta and pick_body look at children: give them the
		 * root as a child */
		memset(&top, 0, sizeof top);
		top.type = XML_ELEMENT_NODE;
		top.name = (const xmlChar *)"#top";
		top.children = root;
		read_meta(&top, &m, 0);
		pick_body(&top, &pk, 0);
	}
	/* an <article> unless it is a small one beside the text (a
	 * comment, a teaser card), <main>, the densest block, the page */
	h.root = pk.article && pk.article_n > 0 && pk.article_n * 2 >=
	    pk.dense_n ? pk.article : pk.main ? pk.main : pk.dense ? pk.dense :
	    root;
	if (!m.title[0] && m.h1[0])
		snprintf(m.title, sizeof m.title, "%s", m.h1);
	/* the metadata block first; the date is finished after the body
	 * (a <time> in it is the last resort) */
	if (h.root) {
		struct fig_doctext body;
		doctext_init(&body);
		h.out = &body;
		walk(&h, h.root, 0);
		end_block(&h);
		if (!m.date[0]) {
			/* a <time> of the article, else one the page marks */
			find_time(h.root, 0, h.time, 0);
			if (!h.time[0] && root) {
				xmlNode top;
				memset(&top, 0, sizeof top);
				top.type = XML_ELEMENT_NODE;
				top.children = root;
				find_time(&top, 1, h.time, 0);
			}
			snprintf(m.date, sizeof m.date, "%s", h.time);
		}
		doctext_line(out, "---", 3, 1);
		if (m.title[0])
			meta_line(out, "title", m.title, m.title_line);
		if (m.date[0])
			meta_line(out, "date", m.date, m.date_line);
		if (m.url[0])
			meta_line(out, "url", m.url, 1);
		doctext_line(out, "---", 3, 1);
		doctext_line(out, "", 0, 1);
		buf_add(&out->text, body.text.data ? body.text.data : "",
		    body.text.len);
		for (long i = 0; i < body.nlines; i++) {
			if (out->nlines == out->cap) {
				out->cap = out->cap ? out->cap * 2 : 256;
				out->origin = xrealloc(out->origin,
				    (size_t)out->cap * sizeof *out->origin);
			}
			out->origin[out->nlines++] = body.origin[i];
		}
		doctext_release(&body);
	}
	buf_release(&h.cur);
	xmlFreeDoc(doc);
	buf_release(&fixed);
	return 0;
}
