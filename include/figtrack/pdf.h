/* pdf.h: the PDF reader. Poppler's glyph layout in, the Markdown-like
 * text the extraction reads out (a front-matter block with the title and
 * date, "# " headings, paragraphs one a line between blank lines,
 * footnote markers as Unicode superscript digits), with the page every
 * part of that text came from. docs/formats.md, "PDF input", has the
 * rules (reading order, running heads, hyphens, superscripts). */
#ifndef FIGTRACK_PDF_H
#define FIGTRACK_PDF_H

#include <stddef.h>

#include "figtrack/buf.h"
#include "figtrack/err.h"
#include "figtrack/extract.h"

/* Where each page's text starts in the text made from a PDF. */
struct fig_pdfpages {
	long long *off;		/* off[i]: first byte of a stretch of page
				   page[i]; ascending */
	int *page;		/* 1-based page numbers */
	int n, cap;
	long *line_page;	/* per text line (0-based): the page its
				   first character came from; 0 for the
				   front matter and blank lines */
	long nlines;
	int npages;		/* pages in the document */
};

void pdf_pages_init(struct fig_pdfpages *p);
void pdf_pages_release(struct fig_pdfpages *p);
/* The page of the byte at off of the text, or 0 (front matter). */
int pdf_page_at(const struct fig_pdfpages *p, long long off);

/* Does the document in data start as a PDF does ("%PDF-")? */
int pdf_is(const char *data, size_t len);

/* Reads the PDF in data (len bytes; name for errors) into text (appended
 * to) and pages (filled; release it). The front matter carries the
 * metadata title when the text opens with no heading, and the creation
 * date when none of the first lines states a date. Returns 0, or -1 with
 * err set: "encrypted PDF", "truncated PDF" (Poppler cannot read it and
 * it does not end with %%EOF), "damaged PDF", "no text layer". */
int pdf_read(const char *data, size_t len, const char *name,
    struct fig_buf *text, struct fig_pdfpages *pages, struct fig_err *err);

/* Reads the PDF in data and extracts its claims as extract_mem does,
 * each claim's page set from where its quote starts. text (may be NULL)
 * receives the text the claims' lines and offsets refer to. */
int pdf_extract(const struct fig_rules *rules, const char *data,
    size_t len, const char *name, const struct fig_extract_opts *opts,
    const struct fig_extract_cbs *cbs, struct fig_docmeta *meta,
    struct fig_buf *text, struct fig_err *err);

#endif
