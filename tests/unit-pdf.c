/* unit-pdf.c: the PDF reader on pages drawn here with cairo, glyph by
 * glyph where it matters: two columns side by side, a raised footnote
 * marker, words hyphenated at line ends, page numbers, a second page;
 * the page map; damaged input. */
#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "figtrack/pdf.h"

static cairo_status_t
to_buf(void *closure, const unsigned char *data, unsigned int len)
{
	buf_add(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

static void
text_at(cairo_t *cr, double x, double y, double size, const char *s)
{
	cairo_set_font_size(cr, size);
	cairo_move_to(cr, x, y);
	cairo_show_text(cr, s);
}

/* Two A4 pages: page 1 in two columns, page 2 one paragraph. */
static void
make_pdf(struct fig_buf *out)
{
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_buf, out,
	    595, 842);
	cairo_t *cr = cairo_create(s);
	cairo_text_extents_t te;

	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
	    "Metadata title");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE,
	    "2021-06-30T00:00:00");
	cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
	    CAIRO_FONT_WEIGHT_NORMAL);
	/* left column, lines filling it as a typesetter's do */
	text_at(cr, 56, 100, 10, "In 2020 the share was 57 percent");
	cairo_text_extents(cr, "In 2020 the share was 57 percent", &te);
	text_at(cr, 56 + te.x_advance, 100 - 4, 6, "12");
	text_at(cr, 56, 113, 10, "of the total trade in chips and semi-");
	text_at(cr, 56, 126, 10, "conductor parts, which grew year-on-");
	text_at(cr, 56, 139, 10, "year along the long road of China-");
	text_at(cr, 56, 152, 10, "Russia ties, so that the trade, and");
	/* right column, level with the left one */
	text_at(cr, 320, 100, 10, "the right column starts at its top and");
	text_at(cr, 320, 113, 10, "goes on here and then it ends here.");
	/* the page number */
	text_at(cr, 290, 810, 8, "1");
	cairo_show_page(cr);
	text_at(cr, 56, 100, 10, "On the second page it was 12 percent.");
	/* a table across the page: cells in both halves, one a row */
	text_at(cr, 56, 140, 10, "Chips");
	text_at(cr, 350, 140, 10, "1.2");
	text_at(cr, 420, 140, 10, "1.4");
	text_at(cr, 56, 153, 10, "Machine tools");
	text_at(cr, 350, 153, 10, "2.1");
	text_at(cr, 420, 153, 10, "2.3");
	/* a compound broken at its hyphen; a word broken by the typesetter */
	text_at(cr, 56, 190, 10, "Some self-reliant firms grew, and the self-");
	text_at(cr, 56, 203, 10, "sustaining ones did not, nor did the inter-");
	text_at(cr, 56, 216, 10, "national ones, nor the semi-");
	text_at(cr, 56, 229, 10, "conductor makers. Spending rose eight-");
	text_at(cr, 56, 242, 10, "point-five percent.");
	text_at(cr, 290, 810, 8, "2");
	cairo_show_page(cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
}

static void
test_read(void)
{
	struct fig_buf pdf = FIG_BUF_INIT, text = FIG_BUF_INIT;
	struct fig_pdfpages pages;
	struct fig_err err;
	const char *t, *p2, *want;

	err_clear(&err);
	make_pdf(&pdf);
	CHECK(pdf_is(pdf.data, pdf.len));
	CHECK(pdf_read(pdf.data, pdf.len, "x.pdf", &text, &pages, &err) == 0);
	t = buf_str(&text);
	/* no heading: the metadata title; no date line: the creation date */
	want = "---\ntitle: Metadata title\ndate: 2021-06-30\n---\n\n";
	CHECK(strncmp(t, want, strlen(want)) == 0);
	/* the left column whole, then the right; the marker raised */
	want = "In 2020 the share was 57 percent\xC2\xB9\xC2\xB2 of the total "
	    "trade in chips and semiconductor parts, which grew year-on-year "
	    "along the long road of China-Russia ties, so that the trade, and "
	    "the right column starts at its top and goes on here and then it "
	    "ends here.\n";
	if (strstr(t, want) == NULL)
		printf("# got: %s\n", t);
	CHECK(strstr(t, want) != NULL);
	/* a paragraph ending a sentence on page 1 and one starting with a
	 * capital on page 2 are two */
	CHECK(strstr(t, "here.\n\nOn the second page") != NULL);
	/* page numbers are gone: no line of digits alone */
	CHECK(strstr(t, "\n1\n") == NULL && strstr(t, "\n2\n") == NULL);
	p2 = strstr(t, "On the second page");
	CHECK(p2 != NULL);
	if (p2) {
		long line = 0;
		CHECK(pdf_page_at(&pages, (long long)(p2 - t)) == 2);
		CHECK(pdf_page_at(&pages, (long long)(p2 - t) - 2) == 1);
		for (const char *c = t; c < p2; c++)
			line += *c == '\n';
		CHECK(line < pages.nlines && pages.line_page[line] == 2);
	}
	/* not two columns: rows, after a blank line */
	CHECK(strstr(t, "12 percent.\n\n| Chips | 1.2 | 1.4 |\n"
	    "| Machine tools | 2.1 | 2.3 |\n") != NULL);
	/* "self-" is joined to words with a hyphen elsewhere: it stays */
	CHECK(strstr(t, "and the self-sustaining ones did not, nor did the "
	    "international ones, nor the semiconductor makers.") != NULL);
	/* a compound broken at one of its hyphens keeps it */
	CHECK(strstr(t, "rose eight-point-five percent.") != NULL);
	CHECK(pdf_page_at(&pages, 0) == 0);	/* the front matter */
	CHECK(pages.line_page[0] == 0);
	CHECK(pages.npages == 2);
	pdf_pages_release(&pages);
	buf_release(&text);
	buf_release(&pdf);
}

static void
test_errors(void)
{
	struct fig_buf text = FIG_BUF_INIT;
	struct fig_pdfpages pages;
	struct fig_err err;
	static const char junk[] = "%PDF-1.7\nnot a PDF at all\n%%EOF\n";

	err_clear(&err);
	CHECK(!pdf_is("%PD", 3));
	CHECK(!pdf_is("hello", 5));
	CHECK(pdf_read("hello", 5, "h.txt", &text, &pages, &err) == -1);
	CHECK(strstr(err.msg, "not a PDF") != NULL);
	err_clear(&err);
	CHECK(pdf_read(junk, sizeof junk - 1, "j.pdf", &text, &pages, &err)
	    == -1);
	CHECK_STR(err.file, "j.pdf");
	CHECK(strncmp(err.msg, "damaged PDF (poppler: ", 22) == 0);
	err_clear(&err);
	CHECK(pdf_read(junk, 20, "t.pdf", &text, &pages, &err) == -1);
	CHECK(strncmp(err.msg, "truncated PDF: it does not end with %%EOF",
	    41) == 0);
	CHECK(text.len == 0);
	buf_release(&text);
}

int
main(int argc, char **argv)
{
	static const struct harness_test tests[] = {
		{ "pdf_read", test_read },
		{ "pdf_errors", test_errors },
		{ NULL, NULL }
	};
	int rc = harness_main(tests, argc, argv);

	/* cairo's and fontconfig's caches, so that a sanitizer build sees
	 * no leak */
	cairo_debug_reset_static_data();
	FcFini();
	return rc;
}
