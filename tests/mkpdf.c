/* mkpdf.c: a test helper that lays a Markdown-like text out as a PDF with
 * cairo, the way reports are printed: one or two columns, headings in a
 * larger font, footnote markers (Unicode superscript digits) as smaller
 * raised digits, a running header and a footer with the page number on
 * every page, long words hyphenated at line ends, and "| a | b |" table
 * rows set in aligned columns. The PDF fixtures of the tests are made
 * with it at test time; none is committed.
 *
 * usage: mkpdf [-c COLUMNS] [-H HEADER] [-F FOOTER] [-t TITLE]
 *              [-d CREATED] [-s FIRST] [-n] IN.txt OUT.pdf
 * CREATED is an ISO 8601 date ("2022-11-30T00:00:00") put in the PDF's
 * metadata (a leading front-matter block's title: and date: lines go there
 * too, not on the page); -s starts the page numbers at FIRST; -n draws every glyph as
 * an outline, leaving the PDF without a text layer. It says on standard
 * output how many pages it made and how many words it broke at line
 * ends, so that a test knows what its fixture holds. */
#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PAGE_W 595.0
#define PAGE_H 842.0
#define MARGIN 56.0
#define GUTTER 22.0
#define BODY 9.5
#define LEAD 12.5
#define SUP_SCALE 0.62
#define SUP_RISE 0.38

struct lay {
	cairo_t *cr;
	cairo_surface_t *surf;
	int ncol, col, page, first;
	double y;		/* baseline of the next line */
	double colw;
	const char *header, *footer;
	int paths;		/* -n: glyphs as outlines, no text layer */
	int hyphenated;		/* words cut and hyphenated at a line end */
	int compounds;		/* words broken after their own hyphen */
	int lost;		/* row labels with no room left in the column */
};

/* Shows s at the current point: as text, or with -n as filled outlines
 * (what a scanned or outlined PDF holds: no text to read). */
static void
show(struct lay *l, const char *s)
{
	if (!l->paths) {
		cairo_show_text(l->cr, s);
		return;
	}
	cairo_text_path(l->cr, s);
	cairo_fill(l->cr);
}

static double
col_x(const struct lay *l)
{
	return MARGIN + l->col * (l->colw + GUTTER);
}

static void
decorate(struct lay *l)
{
	char num[32];
	cairo_text_extents_t te;

	cairo_save(l->cr);
	cairo_select_font_face(l->cr, "DejaVu Sans", CAIRO_FONT_SLANT_ITALIC,
	    CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(l->cr, 8);
	if (l->header) {
		cairo_move_to(l->cr, MARGIN, 34);
		show(l, l->header);
	}
	if (l->footer) {
		cairo_move_to(l->cr, MARGIN, PAGE_H - 28);
		show(l, l->footer);
	}
	snprintf(num, sizeof num, "%d", l->page + l->first - 1);
	cairo_text_extents(l->cr, num, &te);
	cairo_move_to(l->cr, PAGE_W - MARGIN - te.x_advance, PAGE_H - 28);
	show(l, num);
	cairo_restore(l->cr);
}

static void
next_line(struct lay *l, double lead)
{
	l->y += lead;
	if (l->y <= PAGE_H - MARGIN)
		return;
	if (++l->col >= l->ncol) {
		cairo_show_page(l->cr);
		l->page++;
		l->col = 0;
		decorate(l);
	}
	l->y = MARGIN + lead;
}

/* A superscript digit's value, or -1; *n gets its length. */
static int
sup_digit(const unsigned char *s, size_t *n)
{
	if (s[0] == 0xC2 && (s[1] == 0xB9 || s[1] == 0xB2 || s[1] == 0xB3)) {
		*n = 2;
		return s[1] == 0xB9 ? 1 : s[1] == 0xB2 ? 2 : 3;
	}
	if (s[0] == 0xE2 && s[1] == 0x81 && (s[2] == 0xB0 ||
	    (s[2] >= 0xB4 && s[2] <= 0xB9))) {
		*n = 3;
		return s[2] - 0xB0;
	}
	return -1;
}

/* Draws (draw = 1) or measures a word at x with superscripts set small
 * and raised; returns its width. */
static double
word(struct lay *l, const char *w, size_t len, double x, double size,
    int draw)
{
	double adv = 0;
	size_t i = 0;

	while (i < len) {
		size_t j = i, n = 1;
		int sup = sup_digit((const unsigned char *)w + i, &n) >= 0;
		char run[512];
		size_t k = 0;
		cairo_text_extents_t te;

		while (j < len && k + 4 < sizeof run) {
			int d = sup_digit((const unsigned char *)w + j, &n);
			if ((d >= 0) != sup)
				break;
			if (sup) {
				run[k++] = (char)('0' + d);
				j += n;
			} else
				run[k++] = w[j++];
		}
		run[k] = '\0';
		cairo_set_font_size(l->cr, sup ? size * SUP_SCALE : size);
		cairo_text_extents(l->cr, run, &te);
		if (draw) {
			cairo_move_to(l->cr, x + adv, l->y -
			    (sup ? size * SUP_RISE : 0));
			show(l, run);
		}
		adv += te.x_advance;
		i = j;
	}
	cairo_set_font_size(l->cr, size);
	return adv;
}

static int
lower_word(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return 0;
	return 1;
}

/* Sets one source line as a paragraph of wrapped lines in the column. */
static void
paragraph(struct lay *l, const char *s, double size, double lead, int bold)
{
	double x = 0, space;
	cairo_text_extents_t te;
	const char *p = s;

	cairo_select_font_face(l->cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
	    bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(l->cr, size);
	cairo_text_extents(l->cr, " ", &te);
	space = te.x_advance;
	next_line(l, lead);
	while (*p) {
		const char *e;
		double w;

		while (*p == ' ')
			p++;
		if (!*p)
			break;
		for (e = p; *e && *e != ' '; e++)
			;
		w = word(l, p, (size_t)(e - p), 0, size, 0);
		if (x == 0 && w > l->colw) {
			/* wider than the column (a URL): cut where it fits */
			size_t k = (size_t)(e - p);
			while (k > 1 && word(l, p, k, 0, size, 0) > l->colw) {
				k--;
				while (k > 1 && ((unsigned char)p[k] & 0xC0) == 0x80)
					k--;
			}
			word(l, p, k, col_x(l), size, 1);
			p += k;
			next_line(l, lead);
			continue;
		}
		if (x > 0 && x + space + w > l->colw) {
			double room = l->colw - x - space;
			const char *h = NULL;
			/* a long lower-case word is hyphenated when four
			 * letters or more fit and four or more are left; a
			 * word holding a hyphen breaks after it */
			if (lower_word(p, (size_t)(e - p)) && e - p >= 9) {
				char part[128];
				for (size_t k = (size_t)(e - p) - 4; k >= 4 &&
				    k < sizeof part - 2; k--) {
					memcpy(part, p, k);
					part[k] = '-';
					part[k + 1] = '\0';
					cairo_text_extents(l->cr, part, &te);
					if (te.x_advance <= room) {
						h = p + k;
						break;
					}
				}
				if (h) {
					word(l, p, (size_t)(h - p), col_x(l) + x +
					    space, size, 1);
					cairo_move_to(l->cr, col_x(l) + x + space +
					    word(l, p, (size_t)(h - p), 0, size,
					    0), l->y);
					show(l, "-");
					p = h;
					l->hyphenated++;
				}
			} else {
				for (const char *q = e - 1; q > p; q--)
					if (*q == '-' && q + 1 < e &&
					    word(l, p, (size_t)(q + 1 - p), 0,
					    size, 0) <= room) {
						h = q + 1;
						break;
					}
				if (h) {
					word(l, p, (size_t)(h - p), col_x(l) + x +
					    space, size, 1);
					p = h;
					l->compounds++;
				}
			}
			next_line(l, lead);
			x = 0;
			continue;
		}
		if (x > 0)
			x += space;
		word(l, p, (size_t)(e - p), col_x(l) + x, size, 1);
		x += w;
		p = e;
	}
}

#define MAXCELLS 16

/* The cells of a "| a | b |" row into cell[]; returns their number, 0
 * for a separator row ("|---|"). */
static int
cells(const char *s, char cell[][256])
{
	int n = 0;
	const char *p = s + 1;

	if (strspn(s, "|-: ") == strlen(s))
		return 0;
	while (*p && n < MAXCELLS) {
		const char *e = strchr(p, '|');
		size_t k;
		if (e == NULL)
			break;
		while (p < e && *p == ' ')
			p++;
		k = (size_t)(e - p);
		while (k > 0 && p[k - 1] == ' ')
			k--;
		if (k >= 256)
			k = 255;
		memcpy(cell[n], p, k);
		cell[n++][k] = '\0';
		p = e + 1;
	}
	return n;
}

/* Sets a table (its rows, "| a | b |" each): the other columns as wide
 * as their widest cell and right-aligned, the first one taking the rest
 * of the text column, its cells cut to fit (a label left with no room at
 * all is counted: such a table does not fit the page). */
static void
table(struct lay *l, char **rows, int nrows)
{
	char cell[MAXCELLS][256];
	double w[MAXCELLS] = { 0 }, rest = 0, first;
	int ncol = 0;

	cairo_select_font_face(l->cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
	    CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(l->cr, BODY);
	for (int r = 0; r < nrows; r++) {
		int n = cells(rows[r], cell);
		for (int i = 1; i < n; i++)
			w[i] = fmax(w[i], word(l, cell[i], strlen(cell[i]), 0,
			    BODY, 0) + 1.5 * BODY);
		if (n > ncol)
			ncol = n;
	}
	for (int i = 1; i < ncol; i++)
		rest += w[i];
	first = l->colw - rest;
	for (int r = 0; r < nrows; r++) {
		int n = cells(rows[r], cell);
		double x = col_x(l) + first;
		size_t k;
		if (n == 0)
			continue;
		next_line(l, LEAD);
		k = strlen(cell[0]);
		while (k > 0 && word(l, cell[0], k, 0, BODY, 0) > first -
		    0.8 * BODY) {
			k--;
			while (k > 0 && ((unsigned char)cell[0][k] & 0xC0) == 0x80)
				k--;
		}
		l->lost += k == 0 && cell[0][0] != '\0';
		word(l, cell[0], k, col_x(l), BODY, 1);
		for (int i = 1; i < n; i++) {
			double cw = word(l, cell[i], strlen(cell[i]), 0, BODY, 0);
			x += w[i];
			word(l, cell[i], strlen(cell[i]), x - cw, BODY, 1);
		}
	}
}

/* One "key: value" line of a front-matter block: title and date become
 * the PDF's title and creation date, unless -t or -d gave them. */
static void
metadata(struct lay *l, const char *s, int have_title, int have_date)
{
	char d[32];
	size_t n;

	if (strncmp(s, "title: ", 7) == 0 && !have_title)
		cairo_pdf_surface_set_metadata(l->surf,
		    CAIRO_PDF_METADATA_TITLE, s + 7);
	if (strncmp(s, "date: ", 6) != 0 || have_date)
		return;
	s += 6;
	n = strlen(s);
	if (n == 10)
		snprintf(d, sizeof d, "%sT00:00:00", s);
	else if (n == 7)
		snprintf(d, sizeof d, "%s-01T00:00:00", s);
	else if (n == 4)
		snprintf(d, sizeof d, "%s-01-01T00:00:00", s);
	else
		return;
	cairo_pdf_surface_set_metadata(l->surf,
	    CAIRO_PDF_METADATA_CREATE_DATE, d);
}

int
main(int argc, char **argv)
{
	struct lay l;
	const char *title = NULL, *date = NULL;
	FILE *in;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int c, blank = 0, nrows = 0, nlines = 0, front = 0;
	char **rows = NULL;

	memset(&l, 0, sizeof l);
	l.ncol = 1;
	l.first = 1;
	while ((c = getopt(argc, argv, "c:H:F:t:d:s:n")) != -1)
		switch (c) {
		case 'c': l.ncol = atoi(optarg) == 2 ? 2 : 1; break;
		case 'H': l.header = optarg; break;
		case 'F': l.footer = optarg; break;
		case 't': title = optarg; break;
		case 'd': date = optarg; break;
		case 's': l.first = atoi(optarg); break;
		case 'n': l.paths = 1; break;
		default: goto usage;
		}
	if (argc - optind != 2)
		goto usage;
	if ((in = fopen(argv[optind], "r")) == NULL) {
		perror(argv[optind]);
		return 2;
	}
	l.surf = cairo_pdf_surface_create(argv[optind + 1], PAGE_W, PAGE_H);
	if (cairo_surface_status(l.surf) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "mkpdf: %s: cannot create\n", argv[optind + 1]);
		return 2;
	}
	if (title)
		cairo_pdf_surface_set_metadata(l.surf,
		    CAIRO_PDF_METADATA_TITLE, title);
	if (date)
		cairo_pdf_surface_set_metadata(l.surf,
		    CAIRO_PDF_METADATA_CREATE_DATE, date);
	l.cr = cairo_create(l.surf);
	cairo_set_source_rgb(l.cr, 0, 0, 0);
	l.colw = (PAGE_W - 2 * MARGIN - (l.ncol - 1) * GUTTER) / l.ncol;
	l.page = 1;
	l.y = MARGIN;
	decorate(&l);
	while ((n = getline(&line, &cap, in)) > 0) {
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		/* a front-matter block ("---", "key: value" lines, "---")
		 * goes into the PDF's metadata, as a publisher's would */
		if (nlines++ == 0 && strcmp(line, "---") == 0) {
			front = 1;
			continue;
		}
		if (front) {
			if (strcmp(line, "---") == 0)
				front = 0;
			else
				metadata(&l, line, title != NULL, date != NULL);
			continue;
		}
		if (nrows > 0 && line[0] != '|') {
			table(&l, rows, nrows);
			while (nrows > 0)
				free(rows[--nrows]);
		}
		if (n == 0) {
			/* a blank line: a paragraph gap, once */
			if (!blank && l.y > MARGIN)
				next_line(&l, LEAD * 0.8);
			blank = 1;
			continue;
		}
		blank = 0;
		if (line[0] == '#') {
			char *t = line;
			while (*t == '#')
				t++;
			while (*t == ' ')
				t++;
			paragraph(&l, t, BODY * 1.5, LEAD * 1.6, 1);
		} else if (line[0] == '|') {
			rows = realloc(rows, (size_t)(nrows + 1) * sizeof *rows);
			if (rows == NULL || (rows[nrows] = strdup(line)) == NULL) {
				fprintf(stderr, "mkpdf: out of memory\n");
				return 2;
			}
			nrows++;
			continue;
		} else
			paragraph(&l, line, BODY, LEAD, 0);
	}
	if (nrows > 0)
		table(&l, rows, nrows);
	while (nrows > 0)
		free(rows[--nrows]);
	free(rows);
	free(line);
	fclose(in);
	cairo_show_page(l.cr);
	cairo_destroy(l.cr);
	cairo_surface_finish(l.surf);
	if (cairo_surface_status(l.surf) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "mkpdf: %s: %s\n", argv[optind + 1],
		    cairo_status_to_string(cairo_surface_status(l.surf)));
		return 2;
	}
	cairo_surface_destroy(l.surf);
	/* cairo's and fontconfig's caches, so that a sanitizer build sees
	 * no leak */
	cairo_debug_reset_static_data();
	FcFini();
	printf("%s: %d pages, %d words hyphenated, %d broken after a "
	    "hyphen, %d row labels lost\n", argv[optind + 1], l.page,
	    l.hyphenated, l.compounds, l.lost);
	return 0;
usage:
	fprintf(stderr, "usage: mkpdf [-c COLUMNS] [-H HEADER] [-F FOOTER] "
	    "[-t TITLE] [-d CREATED] [-s FIRST] [-n] IN.txt OUT.pdf\n");
	return 2;
}
