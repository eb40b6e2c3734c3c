/* reader.h: the only code that knows a document's file format. A reader
 * turns the bytes of a document into the Markdown-like text extraction
 * reads (a metadata block, "# " headings, "- " items, paragraphs apart,
 * "| a | b |" table rows, superscript footnote digits) plus, for every
 * line of that text, the line of the original document it came from, so
 * that a claim's line points into the file the user gave. Plain text and
 * Markdown need no conversion and are streamed as they are. */
#ifndef FIGTRACK_READER_H
#define FIGTRACK_READER_H

#include <stddef.h>
#include <stdio.h>

#include "figtrack/buf.h"
#include "figtrack/err.h"
#include "figtrack/extract.h"

/* Input formats (--input-format). */
enum fig_input {
	FIG_IN_AUTO,		/* detect: magic bytes, then the extension */
	FIG_IN_TEXT,
	FIG_IN_MARKDOWN,
	FIG_IN_HTML,
	FIG_IN_PDF
};

/* Returns 0 and sets *f for "text", "markdown" (or "md"), "html", "pdf"
 * or "auto"; -1 for anything else. */
int reader_format_parse(const char *s, enum fig_input *f);
const char *reader_format_name(enum fig_input f);

/* The format of a document from its first n bytes (head) and its path
 * (may be NULL or "-"): "%PDF-" is PDF; a document whose first markup,
 * after a BOM, white space and comments, is <!DOCTYPE html>, <html>,
 * <head>, <body> or <meta> (any case) is HTML; else the extension
 * (.pdf, .html/.htm/.xhtml, .md/.markdown); else plain text. Markdown
 * and plain text are read alike; the difference is only reported. */
enum fig_input reader_detect(const char *head, size_t n, const char *path);

/* A converted document: text, and per line of text its original line. */
struct fig_doctext {
	struct fig_buf text;	/* the Markdown-like text, '\n' line ends */
	long *origin;		/* origin[i]: 1-based original line of text
				   line i + 1 */
	long nlines;		/* lines of text ended with '\n' */
	long cap;
};

void doctext_init(struct fig_doctext *d);
void doctext_release(struct fig_doctext *d);
/* Appends s[0..n) (no '\n' in it) as one line from original line
 * origin. */
void doctext_line(struct fig_doctext *d, const char *s, size_t n,
    long origin);
/* The original line of text line line (1-based); line itself when it is
 * beyond the map. */
long doctext_origin(const struct fig_doctext *d, long line);

struct fig_read_opts {
	int lossy;		/* repair invalid UTF-8 instead of failing */
};

/* HTML (libxml2's HTML parser, never a network access): the article body
 * only, block structure kept, title and publication date from the page's
 * metadata; docs/formats.md, "Input formats". name is used in errors.
 * Returns 0, or -1 with err set (not HTML at all, invalid UTF-8 in a
 * page that declares UTF-8 or nothing, binary data). */
int reader_html(const char *buf, size_t len, const char *name,
    const struct fig_read_opts *o, struct fig_doctext *out,
    struct fig_err *err);

/* PDF: the slot for the Poppler reader, which fills out the same way.
 * In this build it fails with "PDF input is not supported in this
 * build". */
int reader_pdf(const char *buf, size_t len, const char *name,
    const struct fig_read_opts *o, struct fig_doctext *out,
    struct fig_err *err);

/* Extracts the claims of the converted document d (named name) as
 * extract_mem does, with every claim's and reference's line, and the line
 * of an error, mapped to the original document. Byte offsets of claims
 * count the converted text. */
int reader_extract_text(const struct fig_rules *rules,
    const struct fig_doctext *d, const char *name,
    const struct fig_extract_opts *opts, const struct fig_extract_cbs *cbs,
    struct fig_docmeta *meta, struct fig_err *err);

/* Reads the document f (named name; any stream, seekable or not) in
 * format fmt (FIG_IN_AUTO: detected) and extracts it. Plain text and
 * Markdown are streamed when f can seek back after the bytes detection
 * looked at; other formats are read whole and converted. When doc is
 * not NULL it receives the converted text (empty for text and Markdown)
 * and *got (may be NULL) the format read. */
int reader_extract_stream(const struct fig_rules *rules, FILE *f,
    const char *name, enum fig_input fmt, const struct fig_extract_opts *opts,
    const struct fig_extract_cbs *cbs, struct fig_docmeta *meta,
    struct fig_doctext *doc, enum fig_input *got, struct fig_err *err);

/* Reads the document at path ("-": standard input) in format fmt
 * (FIG_IN_AUTO: detected) into doc, converted; plain text and Markdown
 * are copied as they are, line for line. *got (may be NULL) is the
 * format read. Returns 0, or -1 with err set. */
int reader_load(const char *path, enum fig_input fmt,
    const struct fig_read_opts *o, struct fig_doctext *doc,
    enum fig_input *got, struct fig_err *err);

/* Same, for a path ("-" is standard input). */
int reader_extract_path(const struct fig_rules *rules, const char *path,
    enum fig_input fmt, const struct fig_extract_opts *opts,
    const struct fig_extract_cbs *cbs, struct fig_docmeta *meta,
    struct fig_doctext *doc, enum fig_input *got, struct fig_err *err);

/* reader_extract_path on up to jobs threads: a large text or Markdown
 * file is cut into parts (extract_path_jobs); other formats, standard
 * input and jobs <= 1 are read as reader_extract_path reads them. */
int reader_extract_path_jobs(const struct fig_rules *rules, const char *path,
    enum fig_input fmt, const struct fig_extract_opts *opts,
    const struct fig_extract_cbs *cbs, struct fig_docmeta *meta,
    struct fig_doctext *doc, enum fig_input *got, int jobs,
    struct fig_err *err);

/* Sets the readers' libraries up; main() calls it once, before any
 * thread starts. */
void reader_init(void);

#endif
