/* gp.c: gnuplot script writer and escaping. Document text only ever
 * reaches a script as a single-quoted string with control characters
 * removed, so a script can be edited and re-run by hand without risk. */
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "figtrack/gp.h"
#include "figtrack/period.h"
#include "figtrack/text.h"

const char gp_install_hint[] =
    "install it with 'sudo apt-get install gnuplot-nox' (Debian, Ubuntu), "
    "'sudo dnf install gnuplot' (Fedora) or 'brew install gnuplot' (macOS), "
    "or run 'make deps'";

/* --- periods ----------------------------------------------------------- */

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int d[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

/* Days from 1 January to the first of month m (1..13). */
static int
days_before(int y, int m)
{
	int n = 0;

	for (int i = 1; i < m; i++)
		n += month_days(y, i);
	return n;
}

int
gp_period_x(const char *p, double *x)
{
	int y, m, d, start, len, ndays;
	const char *r;

	if (p == NULL || (y = period_digits(p, 4)) < 1)
		return -1;
	ndays = is_leap(y) ? 366 : 365;
	r = p + 4;
	if (*r == '\0') {
		start = 0;
		len = ndays;
	} else if (*r++ != '-')
		return -1;
	else if (r[0] == 'H' && (r[1] == '1' || r[1] == '2') && !r[2]) {
		int half = days_before(y, 7);
		start = r[1] == '1' ? 0 : half;
		len = r[1] == '1' ? half : ndays - half;
	} else if (r[0] == 'Q' && r[1] >= '1' && r[1] <= '4' && !r[2]) {
		int q = r[1] - '0';
		start = days_before(y, 3 * q - 2);
		len = days_before(y, 3 * q + 1) - start;
	} else if ((m = period_digits(r, 2)) >= 1 && m <= 12) {
		if (r[2] == '\0') {
			start = days_before(y, m);
			len = month_days(y, m);
		} else if (r[2] == '-' && (d = period_digits(r + 3, 2)) >= 1 &&
		    d <= month_days(y, m) && r[5] == '\0') {
			start = days_before(y, m) + d - 1;
			len = 1;
		} else
			return -1;
	} else
		return -1;
	*x = y + (start + len / 2.0) / ndays;
	return 0;
}

/* --- escaping and names ------------------------------------------------ */

/* A character that moves or hides text: C0/C1 controls, DEL, the Unicode
 * line and paragraph separators. */
static int
is_control(unsigned long cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 ||
	    cp == 0x2029;
}

void
gp_quote(struct fig_buf *b, const char *str)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	unsigned long cp;
	size_t n;

	buf_addc(b, '\'');
	while (*s) {
		if ((n = text_utf8_decode(s, &cp)) == 0) {
			buf_adds(b, "\xEF\xBF\xBD");
			s++;
			continue;
		}
		if (is_control(cp))
			buf_addc(b, ' ');
		else if (cp == '\'')
			buf_adds(b, "''");
		else
			buf_add(b, s, n);
		s += n;
	}
	buf_addc(b, '\'');
}

/* Characters a file name should not carry even when printable: zero-width
 * and bidirectional controls, the BOM, the replacement character. */
static int
is_hidden(unsigned long cp)
{
	return (cp >= 0x200B && cp <= 0x200F) ||
	    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) ||
	    cp == 0xFEFF || cp == 0xFFFD;
}

void
gp_file_name(struct fig_buf *b, const char *str)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	size_t start = b->len, n;
	unsigned long cp;

	while (*s) {
		char c;

		n = text_utf8_decode(s, &cp);
		if (n > 1 && !is_control(cp) && !is_hidden(cp)) {
			if (b->len - start + n > GP_NAME_MAX)
				break;
			buf_add(b, s, n);
			s += n;
			continue;
		}
		if (b->len - start + 1 > GP_NAME_MAX)
			break;
		c = n == 1 && ((cp >= 'a' && cp <= 'z') ||
		    (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
		    cp == '.' || cp == '_' || cp == '+' || cp == '-') ?
		    (char)cp : '_';
		/* no "..", no hidden file, nothing an option parser takes */
		if (c == '.' && (b->len == start || b->data[b->len - 1] == '.'))
			c = '_';
		if (c == '-' && b->len == start)
			c = '_';
		buf_addc(b, c);
		s += n ? n : 1;
	}
	if (b->len == start)
		buf_addc(b, '_');
	/* "NAME." + ".gp" would hold ".." */
	if (b->data[b->len - 1] == '.')
		b->data[b->len - 1] = '_';
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

/* Appends s to t with runs of white space as one space, trimmed. */
static void
add_collapsed(struct fig_buf *t, const char *s)
{
	while (is_space((unsigned char)*s))
		s++;
	for (; *s; s++) {
		if (!is_space((unsigned char)*s))
			buf_addc(t, *s);
		else if (s[1] && !is_space((unsigned char)s[1]))
			buf_addc(t, ' ');
	}
}

void
gp_short_name(struct fig_buf *b, const char *title, const char *path,
    size_t max)
{
	struct fig_buf t = FIG_BUF_INIT, u = FIG_BUF_INIT;
	size_t nchar = 0, cut = 0, space = 0, i;
	const char *colon;

	add_collapsed(&t, title ? title : "");
	if (t.len == 0 && path) {
		const char *base = strrchr(path, '/'), *dot;
		base = base ? base + 1 : path;
		dot = strrchr(base, '.');
		buf_add(&t, base, dot && dot > base ? (size_t)(dot - base) :
		    strlen(base));
	} else if (t.len) {
		/* drop " (aside)" groups, outermost only, when closed */
		int depth = 0;
		for (i = 0; i < t.len; i++) {
			char c = t.data[i];
			if (c == '(' && depth++ == 0)
				continue;
			if (depth > 0) {
				if (c == ')' && --depth == 0) {
					/* "a (b) c" -> "a c" */
					while (u.len > 0 && u.data[u.len - 1] == ' ')
						u.len--;
					if (u.data)
						u.data[u.len] = '\0';
					if (u.len > 0 && i + 1 < t.len &&
					    !strchr(" ,.;:!?)", t.data[i + 1]))
						buf_addc(&u, ' ');
				}
				continue;
			}
			buf_addc(&u, c);
		}
		if (depth > 0) {
			/* an unclosed parenthesis: keep the title as it is */
			buf_reset(&u);
			buf_add(&u, t.data, t.len);
		}
		buf_reset(&t);
		add_collapsed(&t, buf_str(&u));
		if (t.len == 0) {
			buf_reset(&t);
			add_collapsed(&t, title);
		}
		colon = strstr(buf_str(&t), ": ");
		if (colon && colon - t.data >= 3) {
			t.len = (size_t)(colon - t.data);
			t.data[t.len] = '\0';
		}
	}
	if (max < 2)
		max = 2;
	/* count characters; remember where character max-1 starts and the
	 * last space at or before it */
	for (i = 0; i < t.len; i++) {
		if (((unsigned char)t.data[i] & 0xC0) == 0x80)
			continue;
		if (nchar == max - 1)
			cut = i;
		if (nchar <= max - 1 && t.data[i] == ' ')
			space = i;
		nchar++;
	}
	if (nchar <= max) {
		buf_add(b, t.data ? t.data : "", t.len);
	} else {
		if (space > 0 && space >= cut / 2)
			cut = space;
		buf_add(b, t.data, cut);
		buf_adds(b, "\xE2\x80\xA6");
	}
	buf_release(&t);
	buf_release(&u);
}

/* --- the chart --------------------------------------------------------- */

enum { K_FIG, K_FIGR, K_TGT, K_TGTR, K_COUNT_ };
static const char *const kind_block[K_COUNT_] = { "fig", "figr", "tgt",
    "tgtr" };

/* The panels, one per kind of span, top to bottom: a half-year figure
 * never sits among yearly ones as if it were comparable. */
enum { G_YEAR, G_HALF, G_QUARTER, G_MONTH, G_DAY, G_COUNT_ };
static const char *const panel_title[G_COUNT_] = { "years",
    "half-years", "quarters", "months",
    "days, and figures dated by their source" };

struct src {
	long long id;
	const char *name;
	const char *published;
	int baseline;
	int lt;			/* gnuplot line type, 1 for the baseline */
	long n[G_COUNT_][K_COUNT_];	/* figures of each panel and kind */
};

struct pt {
	const struct gp_point *p;
	size_t order;		/* place in the chart's points */
	double x, y, lo, hi;	/* where drawn; y, lo, hi scaled */
	double x0;		/* the period's place before any nudge */
	int nudge;		/* marker widths moved right (see DODGE) */
	int src;		/* index into the sorted sources */
	int kind;		/* K_* */
	int panel;		/* G_* */
	int arrow;		/* +1 up from lo, -1 down from hi, 0 none */
};

/* A panel's y range and what it holds. */
struct panel {
	int used;
	double ylo, yhi;
	double up_top, down_bottom;	/* highest up-arrow bound, lowest down */
	int any_target;
};

/* A label's or a marker's extent in fractions of the graph's width and
 * height. */
struct box {
	double x0, x1, y0, y1;
};

/* The canvas style.gp draws on: 960 px wide, 220 px plus 380 px per
 * panel tall. A panel's graph area is about 820 px wide and its share
 * of the height less 170 px (title, key, tics, x label). The label font
 * (8 pt) is at most about 6.2 px a character and 14 px a line; markers
 * about 8 px across. Label boxes are judged with these, generously. */
#define CANVAS_H0 220.0
#define CANVAS_HP 380.0
#define GRAPH_W_PX 820.0
#define PANEL_MARGIN_PX 170.0
#define LABEL_CHAR_PX 6.2
#define LABEL_LINE_PX 14.0
#define LABEL_GAP_PX 7.0
#define MARKER_PX 10.0
/* The same figure from several sources at one place: each source after
 * the first is drawn one marker width further right, as a fraction of the
 * x range, so that none hides another. */
#define DODGE 0.009

/* Characters (not bytes) of a UTF-8 string. */
static size_t
utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static int
src_cmp(const void *a, const void *b)
{
	const struct src *x = a, *y = b;
	int c;

	if (x->baseline != y->baseline)
		return y->baseline - x->baseline;
	if ((c = strcmp(x->published, y->published)) != 0)
		return c;
	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	return (x->id > y->id) - (x->id < y->id);
}

/* Panel, then time, then the chart's order: rows of a block, and the
 * points a line joins, run left to right. */
static int
pt_cmp(const void *a, const void *b)
{
	const struct pt *x = a, *y = b;

	if (x->panel != y->panel)
		return x->panel - y->panel;
	if (x->x0 != y->x0)
		return x->x0 < y->x0 ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

/* Appends v so that the same double always gives the same text. */
static void
add_num(struct fig_buf *b, double v)
{
	if (v == 0 || !isfinite(v))
		v = 0;
	buf_addf(b, "%.10g", v);
}

/* The y-axis label for a canonical unit (formats.md). */
static void
unit_label(struct fig_buf *b, const char *unit, const char *scale)
{
	static const char *const names[][2] = {
		{ "percent", "percent" },
		{ "percentage_point", "percentage points" },
		{ "nm", "nanometres (nm)" },
		{ "km", "kilometres" },
		{ "m3", "cubic metres (m\xC2\xB3)" },
		{ "tonne", "tonnes" },
		{ "times", "times (a multiple)" },
		{ "count", "count" },
		{ "year", "years" },
		{ NULL, NULL }
	};
	struct fig_buf t = FIG_BUF_INIT;
	size_t n = strlen(unit);

	for (int i = 0; names[i][0]; i++)
		if (strcmp(unit, names[i][0]) == 0) {
			buf_adds(&t, names[i][1]);
			goto done;
		}
	if (strncmp(unit, "other:", 6) == 0)
		buf_adds(&t, unit + 6);
	else if (n == 3 && unit[0] >= 'a' && unit[0] <= 'z' &&
	    unit[1] >= 'a' && unit[1] <= 'z' && unit[2] >= 'a' &&
	    unit[2] <= 'z') {
		/* an ISO currency code */
		for (int i = 0; i < 3; i++)
			buf_addc(&t, unit[i] - 'a' + 'A');
	} else
		buf_adds(&t, unit);
done:
	if (scale)
		buf_addf(&t, ", %s", scale);
	gp_quote(b, buf_str(&t));
	buf_release(&t);
}

/* A metric whose slug names a target (metrics.md: `*_target` and
 * `*.target` carry period_kind=target), whatever kind a figure has; an
 * imported observation of a target is stored as observed. */
static int
metric_is_target(const char *m)
{
	size_t n = strlen(m);

	return n >= 6 && strcmp(m + n - 6, "target") == 0 &&
	    (n == 6 || m[n - 7] == '.' || m[n - 7] == '_');
}

/* Picks the unit most figures use (ties: the first in byte order). */
static const char *
pick_unit(const struct pt *pts, size_t n)
{
	const char *best = NULL;
	long bestn = 0;

	for (size_t i = 0; i < n; i++) {
		const char *u = pts[i].p->claim->unit;
		long k = 0;
		for (size_t j = 0; j < n; j++)
			if (strcmp(pts[j].p->claim->unit, u) == 0)
				k++;
		if (k > bestn || (k == bestn && strcmp(u, best) < 0)) {
			best = u;
			bestn = k;
		}
	}
	return best;
}

/* The panel of a period gp_period_x accepted; no period is a
 * publication date, a day. */
static int
period_panel(const char *period)
{
	size_t n = strlen(period);

	if (n == 4)
		return G_YEAR;
	if (n == 7 && period[5] == 'H')
		return G_HALF;
	if (n == 7 && period[5] == 'Q')
		return G_QUARTER;
	if (n == 7)
		return G_MONTH;
	return G_DAY;
}

/* Appends s for a comment line: no control character (a newline would
 * end the comment and start a command) and no backslash (one at the end
 * of a line continues the comment onto the next). */
static void
add_comment_text(struct fig_buf *b, const char *s)
{
	for (; *s; s++)
		buf_addc(b, (unsigned char)*s < 0x20 || *s == 0x7f ||
		    *s == '\\' ? '_' : *s);
}

/* Header comment: how to re-run, what the axes mean. */
static void
write_header(struct fig_buf *b, const struct gp_chart *c)
{
	struct fig_buf name = FIG_BUF_INIT, style = FIG_BUF_INIT;

	add_comment_text(&name, c->name);
	add_comment_text(&style, c->style);
	buf_addf(b,
	    "# %s.gp: one figtrack series as a gnuplot chart, data inline.\n"
	    "# Edit freely and re-run it from this directory:\n"
	    "#   gnuplot %s.gp                          writes %s.%s\n"
	    "#   gnuplot -e \"fig_format='png'\" %s.gp    (or 'svg', 'pdf')\n"
	    "# The look (colours, fonts, terminal) is the shared %s, found\n"
	    "# through the loadpath below (relative to this directory, then to\n"
	    "# the directory `figtrack plot` ran in).\n"
	    "# One panel per kind of span (years, half-years, quarters, months,\n"
	    "# days): figures of unlike spans are never drawn together. x is\n"
	    "# the decimal year; a period sits at its middle: 2022 at 2022.5,\n"
	    "# 2022-H1 at 2022.25 (April). A figure with no period sits at its\n"
	    "# source's publication date. Each source's figures are joined by\n"
	    "# a line; baseline report: circles; later sources: squares;\n"
	    "# targets hollow, joined by a dashed line; ranges as error bars;\n"
	    "# more-than / less-than figures as arrows from the bound. The\n"
	    "# baseline's figures and the latest one carry their values.\n\n",
	    name.data, name.data, name.data, c->format, name.data, style.data);
	buf_release(&name);
	buf_release(&style);
}

/* A short number for a label: four significant digits, no exponent. */
static void
add_short_num(struct fig_buf *b, double v)
{
	char s[64];

	if (fabs(v) >= 1e4)
		snprintf(s, sizeof s, "%.0f", v);
	else
		snprintf(s, sizeof s, "%.4g", v);
	if (strcmp(s, "-0") == 0)
		snprintf(s, sizeof s, "0");
	buf_adds(b, s);
}

/* The value a label shows, in the axis' scale: "~57%", "30-40%",
 * ">80%", "147 bn", "50% target". */
static void
value_text(struct fig_buf *t, const struct pt *q, const char *unit,
    const char *scale_word)
{
	const struct fig_claim *cl = q->p->claim;
	const char *sign = "", *suffix = "";

	switch (cl->qual) {
	case FIG_Q_APPROX: sign = "~"; break;
	case FIG_Q_MORE_THAN: sign = ">"; break;
	case FIG_Q_AT_LEAST: sign = "\xE2\x89\xA5"; break;
	case FIG_Q_LESS_THAN: sign = "<"; break;
	case FIG_Q_AT_MOST: sign = "\xE2\x89\xA4"; break;
	case FIG_Q_ALMOST: sign = "almost "; break;
	default: break;
	}
	if (strcmp(unit, "percent") == 0)
		suffix = "%";
	else if (strcmp(unit, "percentage_point") == 0)
		suffix = " pp";
	else if (scale_word)
		suffix = strcmp(scale_word, "billions") == 0 ? " bn" : " m";
	if (q->kind == K_FIGR || q->kind == K_TGTR) {
		add_short_num(t, q->lo);
		buf_adds(t, "\xE2\x80\x93");
		add_short_num(t, q->hi);
	} else {
		buf_adds(t, sign);
		add_short_num(t, q->y);
	}
	buf_adds(t, suffix);
	if (q->kind == K_TGT || q->kind == K_TGTR)
		buf_adds(t, " target");
}

static int
overlaps(const struct box *a, const struct box *b)
{
	return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* Finds a place for a label of size w x h next to the marker at (fx, fy)
 * that covers no box in boxes[0..n) and stays inside the graph: to the
 * right, to the left, then a line further up or down at a time. Sets
 * *out and *left (the label reads leftwards from its right end). Returns
 * 0, or -1 when no place was free (out is then the first that fits the
 * graph). */
static int
place_label(const struct box *boxes, size_t n, double fx, double fy,
    double w, double h, double gap, double line, struct box *out,
    int *left)
{
	int found_inside = 0;

	for (int k = 0; k <= 40; k++) {
		for (int c = 0; c < 4; c++) {
			double dy = (k == 0 ? 0 : (c < 2 ? 1 : -1) * k * line);
			int l = c % 2 == 1;
			struct box b;
			size_t j;

			if (k == 0 && c >= 2)
				continue;
			/* near the right edge, leftwards first */
			if (fx > 0.7)
				l = !l;
			b.x0 = l ? fx - gap - w : fx + gap;
			b.x1 = b.x0 + w;
			b.y0 = fy + dy - h / 2;
			b.y1 = b.y0 + h;
			if (b.x0 < 0 || b.x1 > 1 || b.y0 < 0 || b.y1 > 1)
				continue;
			if (!found_inside) {
				*out = b;
				*left = l;
				found_inside = 1;
			}
			for (j = 0; j < n; j++)
				if (overlaps(&b, &boxes[j]))
					break;
			if (j == n) {
				*out = b;
				*left = l;
				return 0;
			}
		}
	}
	if (!found_inside) {
		out->x0 = fx + gap;
		out->x1 = out->x0 + w;
		out->y0 = fy - h / 2;
		out->y1 = out->y0 + h;
		*left = 0;
	}
	return -1;
}

/* The y range of one panel: padded, from zero when that is near, with
 * room for the arrows (each 7% of the graph's height, drawn by
 * style.gp). */
static void
panel_yrange(struct panel *g)
{
	double span = g->yhi - g->ylo;

	if (span <= 0) {
		/* one value: show it against zero */
		span = g->ylo != 0 ? fabs(g->ylo) : 1;
		if (g->ylo > 0)
			g->ylo = 0;
		else if (g->yhi < 0)
			g->yhi = 0;
	}
	if (g->ylo >= 0 && g->ylo <= 0.5 * g->yhi)
		g->ylo = 0;
	else
		g->ylo -= 0.08 * span;
	/* room above for the value labels */
	g->yhi += 0.14 * span;
	if (g->up_top > -HUGE_VAL)
		g->yhi = fmax(g->yhi, g->up_top + 0.12 * (g->yhi - g->ylo));
	if (g->down_bottom < HUGE_VAL)
		g->ylo = fmin(g->ylo, g->down_bottom - 0.12 * (g->yhi - g->ylo));
}

/* The datablocks of one source in one panel: a block per marker kind,
 * and the line through its observations and the one through its
 * targets, each left to right. */
static void
write_blocks(struct fig_buf *out, const struct pt *pts, size_t npts,
    const struct src *srcs, size_t s, int g)
{
	struct fig_buf t = FIG_BUF_INIT;
	size_t i;

	for (int k = 0; k < K_COUNT_; k++) {
		if (srcs[s].n[g][k] == 0)
			continue;
		buf_addf(out, "$s%zu_p%d_%s << EOD\n", s + 1, g + 1,
		    kind_block[k]);
		for (i = 0; i < npts; i++) {
			const struct fig_claim *cl;
			if (pts[i].src != (int)s || pts[i].panel != g ||
			    pts[i].kind != k)
				continue;
			cl = pts[i].p->claim;
			buf_reset(&t);
			buf_adds(&t, srcs[s].name);
			if (srcs[s].published[0])
				buf_addf(&t, " %s", srcs[s].published);
			buf_adds(out, "# ");
			gp_quote(out, buf_str(&t));
			buf_addf(out, " line %ld, %s, %s, %s", cl->line,
			    cl->period[0] ? "period" : "published",
			    claim_qual_name(cl->qual),
			    claim_kind_name(cl->kind));
			if (pts[i].nudge)
				buf_addf(out, ", x nudged %d marker%s right of "
				    "the same figure", pts[i].nudge,
				    pts[i].nudge == 1 ? "" : "s");
			buf_adds(out, ": ");
			gp_quote(out, cl->quote);
			buf_addc(out, '\n');
			add_num(out, pts[i].x);
			buf_addc(out, ' ');
			add_num(out, pts[i].y);
			if (k == K_FIGR || k == K_TGTR) {
				buf_addc(out, ' ');
				add_num(out, pts[i].lo);
				buf_addc(out, ' ');
				add_num(out, pts[i].hi);
			}
			buf_addc(out, '\n');
		}
		buf_adds(out, "EOD\n");
	}
	/* the lines: observations solid, targets dashed, never one line
	 * through both */
	for (int tg = 0; tg < 2; tg++) {
		long n = tg ? srcs[s].n[g][K_TGT] + srcs[s].n[g][K_TGTR] :
		    srcs[s].n[g][K_FIG] + srcs[s].n[g][K_FIGR];
		if (n < 2)
			continue;
		buf_addf(out, "$s%zu_p%d_%s << EOD\n", s + 1, g + 1,
		    tg ? "tline" : "line");
		for (i = 0; i < npts; i++) {
			int is_tg = pts[i].kind == K_TGT || pts[i].kind == K_TGTR;
			if (pts[i].src != (int)s || pts[i].panel != g ||
			    is_tg != tg)
				continue;
			add_num(out, pts[i].x);
			buf_addc(out, ' ');
			add_num(out, pts[i].y);
			buf_addc(out, '\n');
		}
		buf_adds(out, "EOD\n");
	}
	buf_release(&t);
}

/* The value labels of one panel: every figure of the baseline and the
 * latest later figure (observations before targets), each placed
 * where it covers no other label and no marker; a label moved off its
 * marker's height gets a dotted leader line back to it. */
static void
write_labels(struct fig_buf *out, const struct pt *pts, size_t npts,
    const struct src *srcs, int g, const double xr[2], const double yr[2],
    double panel_px, const char *unit, const char *scale_word)
{
	struct fig_buf t = FIG_BUF_INIT;
	struct box *boxes = xcalloc(2 * npts + 1, sizeof *boxes);
	size_t nboxes = 0, i, j, latest = npts;
	double mw = MARKER_PX / GRAPH_W_PX, mh = MARKER_PX / panel_px;
	long label = 0, arrow = 1000;

	/* every marker is in the way */
	for (i = 0; i < npts; i++) {
		double fx, fy;
		if (pts[i].panel != g)
			continue;
		fx = (pts[i].x - xr[0]) / (xr[1] - xr[0]);
		fy = (pts[i].y - yr[0]) / (yr[1] - yr[0]);
		boxes[nboxes].x0 = fx - mw / 2;
		boxes[nboxes].x1 = fx + mw / 2;
		boxes[nboxes].y0 = fy - mh / 2;
		boxes[nboxes].y1 = fy + mh / 2;
		nboxes++;
	}
	/* the latest later figure: the last in time, an observation when
	 * there is one, of the latest source at that time */
	for (i = 0; i < npts; i++) {
		int obs, lobs;
		if (pts[i].panel != g || srcs[pts[i].src].baseline)
			continue;
		if (latest == npts) {
			latest = i;
			continue;
		}
		obs = pts[i].kind == K_FIG || pts[i].kind == K_FIGR;
		lobs = pts[latest].kind == K_FIG || pts[latest].kind == K_FIGR;
		if (obs != lobs ? obs : pts[i].x0 > pts[latest].x0 ||
		    (pts[i].x0 == pts[latest].x0 &&
		    pts[i].src >= pts[latest].src))
			latest = i;
	}
	for (i = 0; i < npts; i++) {
		const struct src *sr = &srcs[pts[i].src];
		struct box b;
		double fx, fy, w, h, ax, ay;
		int left, dup = 0;

		if (pts[i].panel != g || (!sr->baseline && i != latest))
			continue;
		for (j = 0; j < i; j++)
			if (pts[j].panel == g && pts[j].x0 == pts[i].x0 &&
			    pts[j].y == pts[i].y && pts[j].src == pts[i].src &&
			    pts[j].kind == pts[i].kind)
				dup = 1;
		if (dup)
			continue;
		buf_reset(&t);
		if (!sr->baseline)
			buf_adds(&t, "latest: ");
		value_text(&t, &pts[i], unit, scale_word);
		if (!sr->baseline) {
			buf_adds(&t, ", ");
			if (pts[i].p->label)
				buf_adds(&t, pts[i].p->label);
			else {
				buf_adds(&t, sr->name);
				if (sr->published[0])
					buf_addf(&t, " %s", sr->published);
			}
		}
		fx = (pts[i].x - xr[0]) / (xr[1] - xr[0]);
		fy = (pts[i].y - yr[0]) / (yr[1] - yr[0]);
		w = (double)utf8_chars(buf_str(&t)) * LABEL_CHAR_PX / GRAPH_W_PX;
		h = LABEL_LINE_PX / panel_px;
		place_label(boxes, nboxes, fx, fy, w, h,
		    LABEL_GAP_PX / GRAPH_W_PX, LABEL_LINE_PX * 1.15 / panel_px,
		    &b, &left);
		boxes[nboxes++] = b;
		ax = left ? b.x1 : b.x0;
		ay = (b.y0 + b.y1) / 2;
		buf_addf(out, "set label %ld ", ++label);
		gp_quote(out, buf_str(&t));
		buf_adds(out, " at graph ");
		add_num(out, round(ax * 10000) / 10000);
		buf_adds(out, ", graph ");
		add_num(out, round(ay * 10000) / 10000);
		buf_addf(out, " %s font fig_label_font tc lt %d noenhanced "
		    "front\n", left ? "right" : "left", sr->lt);
		if (fabs(ay - fy) > h / 2) {
			buf_addf(out, "set arrow %ld from graph ", ++arrow);
			add_num(out, round(ax * 10000) / 10000);
			buf_adds(out, ", graph ");
			add_num(out, round((ay > fy ? b.y0 : b.y1) * 10000) / 10000);
			buf_adds(out, " to first ");
			add_num(out, pts[i].x);
			buf_adds(out, ", first ");
			add_num(out, pts[i].y);
			buf_addf(out, " nohead lt %d lw 0.5 dt 3 back\n", sr->lt);
		}
	}
	free(boxes);
	buf_release(&t);
}

/* The plot command of one panel: lines, then markers, then one key
 * entry per source drawn in it. */
static void
write_plot(struct fig_buf *out, const struct src *srcs, size_t nsrc, int g,
    int any_target)
{
	struct fig_buf t = FIG_BUF_INIT;
	int first = 1;

	buf_adds(out, "plot \\\n");
	for (size_t s = 0; s < nsrc; s++) {
		const char *pt = srcs[s].baseline ? "base" : "later";
		const long *n = srcs[s].n[g];
		if (n[K_FIG] + n[K_FIGR] >= 2) {
			buf_addf(out, "%s  $s%zu_p%d_line using 1:2 with lines "
			    "lt %d notitle", first ? "" : ", \\\n", s + 1, g + 1,
			    srcs[s].lt);
			first = 0;
		}
		if (n[K_TGT] + n[K_TGTR] >= 2) {
			buf_addf(out, "%s  $s%zu_p%d_tline using 1:2 with lines "
			    "lt %d dt 2 notitle", first ? "" : ", \\\n", s + 1,
			    g + 1, srcs[s].lt);
			first = 0;
		}
		for (int k = 0; k < K_COUNT_; k++) {
			int tgt = k == K_TGT || k == K_TGTR;
			if (n[k] == 0)
				continue;
			buf_addf(out, "%s  $s%zu_p%d_%s using %s with %s lt %d "
			    "pt fig_pt_%s%s ps fig_ps_%s notitle",
			    first ? "" : ", \\\n", s + 1, g + 1, kind_block[k],
			    k == K_FIGR || k == K_TGTR ? "1:2:3:4" : "1:2",
			    k == K_FIGR || k == K_TGTR ? "yerrorbars" : "points",
			    srcs[s].lt, pt, tgt ? "_target" : "", pt);
			first = 0;
		}
	}
	for (size_t s = 0; s < nsrc; s++) {
		const char *pt = srcs[s].baseline ? "base" : "later";
		long total = 0;
		for (int k = 0; k < K_COUNT_; k++)
			total += srcs[s].n[g][k];
		if (total == 0)
			continue;
		buf_reset(&t);
		if (srcs[s].baseline)
			buf_adds(&t, "baseline report: ");
		buf_adds(&t, srcs[s].name);
		if (srcs[s].published[0])
			buf_addf(&t, " (%s)", srcs[s].published);
		buf_addf(out, ", \\\n  keyentry with linespoints lt %d "
		    "pt fig_pt_%s ps fig_ps_%s title ", srcs[s].lt, pt, pt);
		gp_quote(out, buf_str(&t));
		buf_adds(out, " noenhanced");
	}
	if (any_target)
		buf_adds(out, ", \\\n  keyentry with linespoints lc rgb "
		    "'#555555' dt 2 pt fig_pt_later_target ps fig_ps_later "
		    "title 'hollow, dashed: a target, at its target date'");
	buf_addc(out, '\n');
	buf_release(&t);
}

int
gp_write_script(struct fig_buf *out, const struct gp_chart *c,
    struct gp_result *res, struct fig_err *err)
{
	struct pt *pts;
	struct src *srcs;
	struct panel panels[G_COUNT_];
	size_t npts = 0, nsrc = 0, i, j;
	const char *unit, *scale_name = NULL;
	double scale = 1, maxabs = 0, xlo = 0, xhi = 0, step, panel_px;
	long arrow = 0;
	int npanels = 0;
	struct fig_buf t = FIG_BUF_INIT;

	memset(res, 0, sizeof *res);
	memset(panels, 0, sizeof panels);
	pts = xcalloc(c->npoints ? c->npoints : 1, sizeof *pts);
	srcs = xcalloc(c->npoints ? c->npoints : 1, sizeof *srcs);

	/* place every figure in time and in its panel */
	for (i = 0; i < c->npoints; i++) {
		const struct gp_point *p = &c->points[i];
		const char *when = p->claim->period[0] ? p->claim->period :
		    p->published;
		double x;
		if (gp_period_x(when, &x) < 0) {
			res->skipped_time++;
			continue;
		}
		pts[npts].p = p;
		pts[npts].order = i;
		pts[npts].x = pts[npts].x0 = x;
		pts[npts].panel = p->claim->period[0] ?
		    period_panel(p->claim->period) : G_DAY;
		npts++;
	}
	if (npts == 0) {
		free(pts);
		free(srcs);
		return err_set(err, FIG_EINPUT, NULL, 0, 0,
		    "series '%s' '%s': no figure has a period or a dated source",
		    c->metric, c->entity);
	}

	/* keep one unit */
	unit = pick_unit(pts, npts);
	snprintf(res->unit, sizeof res->unit, "%s", unit);
	for (i = j = 0; i < npts; i++) {
		if (strcmp(pts[i].p->claim->unit, unit) != 0) {
			res->skipped_unit++;
			continue;
		}
		pts[j++] = pts[i];
	}
	npts = j;
	res->plotted = (long)npts;
	qsort(pts, npts, sizeof *pts, pt_cmp);

	/* sources: baseline first, then by publication date */
	for (i = 0; i < npts; i++) {
		const struct gp_point *p = pts[i].p;
		for (j = 0; j < nsrc; j++)
			if (srcs[j].id == p->source_id)
				break;
		if (j == nsrc) {
			srcs[nsrc].id = p->source_id;
			srcs[nsrc].name = p->source ? p->source : "";
			srcs[nsrc].published = p->published ? p->published : "";
			srcs[nsrc].baseline = p->baseline != 0;
			nsrc++;
		}
	}
	qsort(srcs, nsrc, sizeof *srcs, src_cmp);
	for (i = j = 0; i < nsrc; i++)
		srcs[i].lt = srcs[i].baseline ? 1 : 2 + (int)(j++ % 7);
	res->sources = (int)nsrc;

	/* scale money and counts so the axis reads "USD, billions" */
	for (i = 0; i < npts; i++) {
		const struct fig_claim *cl = pts[i].p->claim;
		maxabs = fmax(maxabs, fabs(cl->value));
		if (cl->has_low)
			maxabs = fmax(maxabs, fabs(cl->low));
		if (cl->has_high)
			maxabs = fmax(maxabs, fabs(cl->high));
	}
	if (maxabs >= 1e9) {
		scale = 1e9;
		scale_name = "billions";
	} else if (maxabs >= 1e6) {
		scale = 1e6;
		scale_name = "millions";
	}

	for (i = 0; i < npts; i++) {
		struct pt *q = &pts[i];
		struct panel *g = &panels[q->panel];
		const struct fig_claim *cl = q->p->claim;
		int target = cl->kind == FIG_PK_TARGET ||
		    metric_is_target(c->metric), range;

		for (j = 0; j < nsrc; j++)
			if (srcs[j].id == q->p->source_id)
				break;
		q->src = (int)j;
		q->y = cl->value / scale;
		q->lo = cl->has_low ? cl->low / scale : q->y;
		q->hi = cl->has_high ? cl->high / scale : q->y;
		range = cl->has_low && cl->has_high;
		q->arrow = range ? 0 : cl->has_low ? 1 : cl->has_high ? -1 : 0;
		q->kind = target ? (range ? K_TGTR : K_TGT) :
		    (range ? K_FIGR : K_FIG);
		g->any_target |= target;
		srcs[j].n[q->panel][q->kind]++;
		if (!g->used) {
			g->used = 1;
			npanels++;
			g->ylo = fmin(q->y, q->lo);
			g->yhi = fmax(q->y, q->hi);
			g->up_top = -HUGE_VAL;
			g->down_bottom = HUGE_VAL;
		}
		if (i == 0)
			xlo = xhi = q->x;
		g->ylo = fmin(g->ylo, fmin(q->y, q->lo));
		g->yhi = fmax(g->yhi, fmax(q->y, q->hi));
		xlo = fmin(xlo, q->x);
		xhi = fmax(xhi, q->x);
		if (q->arrow > 0)
			g->up_top = fmax(g->up_top, q->lo);
		if (q->arrow < 0)
			g->down_bottom = fmin(g->down_bottom, q->hi);
	}
	for (int g = 0; g < G_COUNT_; g++)
		if (panels[g].used)
			panel_yrange(&panels[g]);
	res->panels = npanels;

	/* x range: whole years around the figures, shared by the panels so
	 * that a year is in the same place in each */
	xlo = floor(xlo);
	xhi = ceil(xhi);
	if (xhi - xlo < 1)
		xhi = xlo + 1;
	step = xhi - xlo <= 10 ? 1 : xhi - xlo <= 20 ? 2 :
	    xhi - xlo <= 50 ? 5 : 10;

	/* the same figure from another source at the same place: nudge it
	 * right by its source's rank among the sources there */
	for (i = 0; i < npts; i++) {
		int seen[8], nseen = 0, rank = -1;
		for (j = 0; j <= i && rank < 0; j++) {
			int k;
			if (pts[j].x0 != pts[i].x0 || pts[j].y != pts[i].y ||
			    pts[j].panel != pts[i].panel)
				continue;
			for (k = 0; k < nseen; k++)
				if (seen[k] == pts[j].src)
					break;
			if (k == nseen && nseen < 8)
				seen[nseen++] = pts[j].src;
			if (pts[j].src == pts[i].src)
				rank = k;
		}
		pts[i].nudge = rank > 0 ? rank : 0;
		pts[i].x = pts[i].x0 + pts[i].nudge * DODGE * (xhi - xlo);
	}

	/* the script: set-up, shared axis */
	write_header(out, c);
	buf_addf(out, "if (!exists(\"fig_format\")) fig_format = '%s'\n",
	    strcmp(c->format, "png") == 0 ? "png" :
	    strcmp(c->format, "pdf") == 0 ? "pdf" : "svg");
	buf_addf(out, "fig_panels = %d\n", npanels);
	buf_adds(out, "set loadpath");
	for (i = 0; c->style_dirs && c->style_dirs[i]; i++) {
		buf_addc(out, ' ');
		gp_quote(out, c->style_dirs[i]);
	}
	buf_adds(out, "\nload ");
	gp_quote(out, c->style);
	buf_adds(out, "\nset output ");
	buf_adds(&t, c->name);
	buf_addc(&t, '.');
	gp_quote(out, buf_str(&t));
	buf_adds(out, " . fig_format\n\n");

	buf_adds(out, "set xlabel 'year (a period is placed at its middle)' "
	    "noenhanced\nset ylabel ");
	unit_label(out, unit, scale_name);
	buf_adds(out, " noenhanced\nset xrange [");
	add_num(out, xlo);
	buf_addc(out, ':');
	add_num(out, xhi);
	buf_adds(out, "]\nset xtics ");
	add_num(out, step);
	buf_addf(out, " format '%%.0f'\nset mxtics %d\n\n",
	    step == 1 ? 4 : step == 2 ? 2 : step == 5 ? 5 : 10);

	/* the data: per source and panel, a block per marker kind and the
	 * lines through them */
	for (size_t s = 0; s < nsrc; s++)
		for (int g = 0; g < G_COUNT_; g++)
			write_blocks(out, pts, npts, srcs, s, g);

	/* the panels, top to bottom */
	buf_reset(&t);
	buf_adds(&t, c->metric);
	if (c->entity && c->entity[0] && c->partner && c->partner[0])
		buf_addf(&t, " (%s / %s)", c->entity, c->partner);
	else if (c->entity && c->entity[0])
		buf_addf(&t, " (%s)", c->entity);
	buf_addf(out, "\nset multiplot layout %d,1 title ", npanels);
	gp_quote(out, buf_str(&t));
	buf_adds(out, " font fig_title_font noenhanced\n");
	panel_px = (CANVAS_H0 + CANVAS_HP * npanels) / npanels -
	    PANEL_MARGIN_PX;
	for (int g = 0; g < G_COUNT_; g++) {
		double xr[2] = { xlo, xhi }, yr[2];
		if (!panels[g].used)
			continue;
		yr[0] = panels[g].ylo;
		yr[1] = panels[g].yhi;
		buf_addf(out, "\n# panel: %s\nunset label\nunset arrow\n"
		    "set title '%s' noenhanced\nset yrange [", panel_title[g],
		    panel_title[g]);
		add_num(out, yr[0]);
		buf_addc(out, ':');
		add_num(out, yr[1]);
		buf_adds(out, "]\n");
		/* one-sided bounds: an arrow from the bound, away from it */
		for (i = 0; i < npts; i++) {
			if (pts[i].panel != g || pts[i].arrow == 0)
				continue;
			buf_addf(out, "set arrow %ld from first ", ++arrow);
			add_num(out, pts[i].x);
			buf_adds(out, ", first ");
			add_num(out, pts[i].arrow > 0 ? pts[i].lo : pts[i].hi);
			buf_addf(out, " rto graph 0, graph %s0.07 as %d front\n",
			    pts[i].arrow > 0 ? "" : "-", srcs[pts[i].src].lt);
		}
		write_labels(out, pts, npts, srcs, g, xr, yr, panel_px, unit,
		    scale_name);
		write_plot(out, srcs, nsrc, g, panels[g].any_target);
	}
	buf_adds(out, "unset multiplot\n");

	buf_release(&t);
	free(pts);
	free(srcs);
	return 0;
}

/* --- files and processes ----------------------------------------------- */

char *
gp_relative_path(const char *from, const char *to)
{
	struct fig_buf b = FIG_BUF_INIT;
	size_t i = 0, common = 0;

	/* the longest common prefix that ends at a component boundary */
	for (;;) {
		if ((from[i] == '/' || from[i] == '\0') &&
		    (to[i] == '/' || to[i] == '\0'))
			common = i;
		if (from[i] == '\0' || from[i] != to[i])
			break;
		i++;
	}
	if (from[i] == '\0' && to[i] == '\0')
		return xstrdup(".");
	if (common == 0)
		return xstrdup(to);
	for (const char *s = from + common; *s; s++)
		if (*s == '/')
			buf_adds(&b, b.len ? "/.." : "..");
	if (to[common] == '/')
		buf_adds(&b, b.len ? to + common : to + common + 1);
	return buf_detach(&b);
}

int
gp_write_file(const char *path, const char *data, size_t len,
    struct fig_err *err)
{
	struct fig_buf tmp = FIG_BUF_INIT;
	int fd, e;
	size_t off = 0;

	buf_addf(&tmp, "%s.tmp%ld", path, (long)getpid());
	fd = open(tmp.data, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0) {
		e = errno;
		buf_release(&tmp);
		return err_set(err, FIG_EIO, path, 0, 0, "cannot write: %s",
		    strerror(e));
	}
	while (off < len) {
		ssize_t n = write(fd, data + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			e = n < 0 ? errno : EIO;
			goto fail;
		}
		off += (size_t)n;
	}
	if (close(fd) < 0) {
		fd = -1;
		e = errno;
		goto fail;
	}
	fd = -1;
	if (rename(tmp.data, path) < 0) {
		e = errno;
		goto fail;
	}
	buf_release(&tmp);
	return 0;
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp.data);
	buf_release(&tmp);
	return err_set(err, FIG_EIO, path, 0, 0, "cannot write: %s",
	    strerror(e));
}

static int
executable(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    access(path, X_OK) == 0;
}

int
gp_have_program(const char *program)
{
	const char *path = getenv("PATH"), *p, *e;
	struct fig_buf b = FIG_BUF_INIT;
	int found = 0;

	if (strchr(program, '/'))
		return executable(program);
	if (path == NULL)
		path = "/usr/bin:/bin";
	for (p = path; !found; p = e + 1) {
		e = strchr(p, ':');
		if (e == NULL)
			e = p + strlen(p);
		buf_reset(&b);
		if (e == p)
			buf_addc(&b, '.');
		else
			buf_add(&b, p, (size_t)(e - p));
		buf_addc(&b, '/');
		buf_adds(&b, program);
		found = executable(b.data);
		if (*e == '\0')
			break;
	}
	buf_release(&b);
	return found;
}

#define GP_LOG_MAX 65536

/* The line of gnuplot's output that says what went wrong: the one naming
 * the script's line ("x.gp" line 12: ...), else the last non-empty one. */
static void
gp_reason(const char *log, char *out, size_t n)
{
	const char *s = log, *last = NULL, *last_end = NULL;

	while (*s) {
		const char *e = strchr(s, '\n'), *k = s;
		if (e == NULL)
			e = s + strlen(s);
		while (k < e && is_space((unsigned char)*k))
			k++;
		if (k < e) {
			last = k;
			last_end = e;
			for (const char *m = k; m + 7 <= e; m++)
				if (memcmp(m, "\" line ", 7) == 0)
					goto found;
		}
		s = *e ? e + 1 : e;
	}
	if (last == NULL) {
		snprintf(out, n, "no output");
		return;
	}
found:
	snprintf(out, n, "%.*s", (int)(last_end - last > 300 ? 300 :
	    last_end - last), last);
}

int
gp_run(const char *program, const char *dir, const char *script,
    struct fig_buf *log, struct fig_err *err)
{
	int out[2], st[2], status, e = 0;
	char chunk[4096], reason[400];
	struct fig_buf own = FIG_BUF_INIT, name = FIG_BUF_INIT;
	ssize_t n;
	pid_t pid;

	if (dir)
		buf_addf(&name, "%s/%s", dir, script);
	else
		buf_adds(&name, script);
	if (script[0] == '-') {
		err_set(err, FIG_EUSAGE, name.data, 0, 0,
		    "a script name must not start with '-'");
		buf_release(&name);
		return -1;
	}
	if (log == NULL)
		log = &own;
	if (pipe(out) < 0 || pipe(st) < 0) {
		e = errno;
		err_set(err, FIG_EIO, name.data, 0, 0, "cannot run gnuplot: %s",
		    strerror(e));
		buf_release(&name);
		return -1;
	}
	fcntl(st[1], F_SETFD, FD_CLOEXEC);
	fflush(NULL);
	if ((pid = fork()) < 0) {
		e = errno;
		close(out[0]); close(out[1]); close(st[0]); close(st[1]);
		err_set(err, FIG_EIO, name.data, 0, 0, "cannot run gnuplot: %s",
		    strerror(e));
		buf_release(&name);
		return -1;
	}
	if (pid == 0) {
		char *argv[3];
		int fd = open("/dev/null", O_RDONLY);
		close(out[0]);
		close(st[0]);
		if (fd < 0 || dup2(fd, 0) < 0 || dup2(out[1], 1) < 0 ||
		    dup2(out[1], 2) < 0 || (dir && chdir(dir) < 0)) {
			e = errno;
			(void)!write(st[1], &e, sizeof e);
			_exit(127);
		}
		argv[0] = (char *)program;
		argv[1] = (char *)script;
		argv[2] = NULL;
		execvp(program, argv);
		e = errno;
		(void)!write(st[1], &e, sizeof e);
		_exit(127);
	}
	close(out[1]);
	close(st[1]);
	buf_reset(log);
	for (;;) {
		n = read(out[0], chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (log->len < GP_LOG_MAX)
			buf_add(log, chunk, (size_t)n < GP_LOG_MAX - log->len ?
			    (size_t)n : GP_LOG_MAX - log->len);
	}
	close(out[0]);
	do
		n = read(st[0], &e, sizeof e);
	while (n < 0 && errno == EINTR);
	close(st[0]);
	if (n != (ssize_t)sizeof e)
		e = 0;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			status = -1;
			break;
		}
	if (e == ENOENT || e == EACCES || e == ENOTDIR) {
		err_set(err, FIG_EIO, name.data, 0, 0,
		    "cannot run '%s': %s; %s", program, strerror(e),
		    gp_install_hint);
	} else if (e) {
		err_set(err, FIG_EIO, name.data, 0, 0, "cannot run '%s': %s",
		    program, strerror(e));
	} else if (status == -1) {
		err_set(err, FIG_EIO, name.data, 0, 0, "lost gnuplot");
		e = 1;
	} else if (WIFSIGNALED(status)) {
		err_set(err, FIG_EIO, name.data, 0, 0,
		    "gnuplot killed by signal %d", WTERMSIG(status));
		e = 1;
	} else if (WEXITSTATUS(status) != 0) {
		gp_reason(buf_str(log), reason, sizeof reason);
		err_set(err, FIG_EINPUT, name.data, 0, 0,
		    "gnuplot failed (exit %d): %s", WEXITSTATUS(status),
		    reason);
		e = 1;
	}
	buf_release(&own);
	buf_release(&name);
	return e ? -1 : 0;
}
