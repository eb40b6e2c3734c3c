/* reader.c: which format a document is in, and the hand-over of a
 * converted document to extraction with its lines mapped back to the
 * original. The HTML converter is read-html.c. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>

#include "figtrack/pdf.h"
#include "figtrack/reader.h"

/* Bytes detection looks at. */
#define HEAD_BYTES 4096

int
reader_format_parse(const char *s, enum fig_input *f)
{
	if (strcmp(s, "auto") == 0)
		*f = FIG_IN_AUTO;
	else if (strcmp(s, "text") == 0 || strcmp(s, "txt") == 0)
		*f = FIG_IN_TEXT;
	else if (strcmp(s, "markdown") == 0 || strcmp(s, "md") == 0)
		*f = FIG_IN_MARKDOWN;
	else if (strcmp(s, "html") == 0)
		*f = FIG_IN_HTML;
	else if (strcmp(s, "pdf") == 0)
		*f = FIG_IN_PDF;
	else
		return -1;
	return 0;
}

const char *
reader_format_name(enum fig_input f)
{
	switch (f) {
	case FIG_IN_AUTO: return "auto";
	case FIG_IN_TEXT: return "text";
	case FIG_IN_MARKDOWN: return "markdown";
	case FIG_IN_HTML: return "html";
	case FIG_IN_PDF: return "pdf";
	}
	return "?";
}

static int
starts_ci(const char *s, size_t n, const char *word)
{
	size_t k = strlen(word);

	return n >= k && strncasecmp(s, word, k) == 0;
}

/* Is the first markup of head (after white space and comments) an HTML
 * document's? */
static int
looks_html(const char *s, size_t n)
{
	static const char *const tags[] = { "<!doctype html", "<html", "<head",
	    "<body", "<meta", "<title", NULL };
	size_t i = 0;

	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (;;) {
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
		    s[i] == '\n'))
			i++;
		if (i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
			const char *e = NULL;
			for (size_t k = i + 4; k + 3 <= n; k++)
				if (memcmp(s + k, "-->", 3) == 0) {
					e = s + k;
					break;
				}
			if (e == NULL)
				return 0;
			i = (size_t)(e - s) + 3;
			continue;
		}
		if (i + 5 <= n && memcmp(s + i, "<?xml", 5) == 0) {
			const char *e = memchr(s + i, '>', n - i);
			if (e == NULL)
				return 0;
			i = (size_t)(e - s) + 1;
			continue;
		}
		break;
	}
	for (int k = 0; tags[k]; k++)
		if (starts_ci(s + i, n - i, tags[k])) {
			size_t t = strlen(tags[k]);
			/* a whole tag name: "<header" is not "<head" */
			return i + t >= n || s[i + t] == '>' || s[i + t] == ' ' ||
			    s[i + t] == '\t' || s[i + t] == '\r' ||
			    s[i + t] == '\n' || s[i + t] == '/';
		}
	return 0;
}

static int
has_ext(const char *path, const char *ext)
{
	size_t n = strlen(path), k = strlen(ext);

	return n > k && strcasecmp(path + n - k, ext) == 0;
}

enum fig_input
reader_detect(const char *head, size_t n, const char *path)
{
	if (n >= 5 && memcmp(head, "%PDF-", 5) == 0)
		return FIG_IN_PDF;
	if (looks_html(head, n))
		return FIG_IN_HTML;
	if (path && strcmp(path, "-") != 0) {
		if (has_ext(path, ".pdf"))
			return FIG_IN_PDF;
		if (has_ext(path, ".html") || has_ext(path, ".htm") ||
		    has_ext(path, ".xhtml"))
			return FIG_IN_HTML;
		if (has_ext(path, ".md") || has_ext(path, ".markdown"))
			return FIG_IN_MARKDOWN;
	}
	return FIG_IN_TEXT;
}

/* ---- the converted text ------------------------------------------- */

void
doctext_init(struct fig_doctext *d)
{
	memset(d, 0, sizeof *d);
}

void
doctext_release(struct fig_doctext *d)
{
	buf_release(&d->text);
	free(d->origin);
	memset(d, 0, sizeof *d);
}

void
doctext_line(struct fig_doctext *d, const char *s, size_t n, long origin)
{
	if (origin < 1)		/* a node the parser gave no line */
		origin = d->nlines ? d->origin[d->nlines - 1] : 1;
	if (d->nlines == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 256;
		d->origin = xrealloc(d->origin, (size_t)d->cap *
		    sizeof *d->origin);
	}
	d->origin[d->nlines++] = origin;
	buf_add(&d->text, s, n);
	buf_addc(&d->text, '\n');
}

long
doctext_origin(const struct fig_doctext *d, long line)
{
	if (line >= 1 && line <= d->nlines)
		return d->origin[line - 1];
	return line;
}

/* PDF: Poppler's reading of the glyphs (pdf.c), the text in reading
 * order; its lines are the document's own (a PDF has no source lines). */
int
reader_pdf(const char *buf, size_t len, const char *name,
    const struct fig_read_opts *o, struct fig_doctext *out,
    struct fig_err *err)
{
	struct fig_pdfpages pages;
	int rc;

	(void)o;
	rc = pdf_read(buf, len, name, &out->text, &pages, err);
	pdf_pages_release(&pages);
	return rc;
}

/* ---- extraction with lines mapped back ---------------------------- */

struct remap {
	const struct fig_doctext *d;
	const struct fig_extract_cbs *cbs;
};

static int
remap_claim(void *ctx, const struct fig_claim *c)
{
	struct remap *m = ctx;
	struct fig_claim copy = *c;	/* shallow: pointers stay borrowed */

	copy.line = doctext_origin(m->d, c->line);
	return m->cbs->on_claim(m->cbs->ctx, &copy);
}

static int
remap_ref(void *ctx, const struct fig_ref *r)
{
	struct remap *m = ctx;
	struct fig_ref copy = *r;

	copy.line = doctext_origin(m->d, r->line);
	return m->cbs->on_ref(m->cbs->ctx, &copy);
}

int
reader_extract_text(const struct fig_rules *rules,
    const struct fig_doctext *d, const char *name,
    const struct fig_extract_opts *opts, const struct fig_extract_cbs *cbs,
    struct fig_docmeta *meta, struct fig_err *err)
{
	struct remap m = { d, cbs };
	struct fig_extract_cbs mine = { NULL, NULL, &m };
	int rc;

	if (cbs && cbs->on_claim)
		mine.on_claim = remap_claim;
	if (cbs && cbs->on_ref)
		mine.on_ref = remap_ref;
	rc = extract_mem(rules, d->text.data ? d->text.data : "", d->text.len,
	    name, opts, &mine, meta, err);
	if (rc != 0 && err && err->line > 0 && err->code == FIG_EINPUT)
		err->line = doctext_origin(d, err->line);
	return rc;
}

/* Reads the rest of f after the n bytes already in b. */
static int
slurp(FILE *f, const char *name, struct fig_buf *b, struct fig_err *err)
{
	char chunk[65536];
	size_t k;

	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(b, chunk, k);
	if (ferror(f))
		return err_set(err, FIG_EIO, name, 0, 0, "read error: %s",
		    strerror(errno));
	return 0;
}

int
reader_extract_stream(const struct fig_rules *rules, FILE *f,
    const char *name, enum fig_input fmt, const struct fig_extract_opts *opts,
    const struct fig_extract_cbs *cbs, struct fig_docmeta *meta,
    struct fig_doctext *doc, enum fig_input *got, struct fig_err *err)
{
	struct fig_buf b = FIG_BUF_INIT;
	struct fig_doctext local;
	struct fig_read_opts ro;
	long start = ftell(f);
	size_t n;
	int rc;

	/* text needs no look: stream it */
	if (fmt == FIG_IN_TEXT || fmt == FIG_IN_MARKDOWN) {
		if (got)
			*got = fmt;
		return extract_stream(rules, f, name, opts, cbs, meta, err);
	}
	buf_grow(&b, HEAD_BYTES);
	n = fread(b.data, 1, HEAD_BYTES, f);
	b.len = n;
	b.data[n] = '\0';
	if (ferror(f)) {
		buf_release(&b);
		return err_set(err, FIG_EIO, name, 0, 0, "read error: %s",
		    strerror(errno));
	}
	if (fmt == FIG_IN_AUTO)
		fmt = reader_detect(b.data, n, name);
	if (got)
		*got = fmt;
	if (fmt == FIG_IN_TEXT || fmt == FIG_IN_MARKDOWN) {
		if (start >= 0 && fseek(f, start, SEEK_SET) == 0) {
			buf_release(&b);
			return extract_stream(rules, f, name, opts, cbs, meta,
			    err);
		}
		/* a pipe: what was looked at cannot be put back */
		clearerr(f);
		if (slurp(f, name, &b, err) != 0) {
			buf_release(&b);
			return -1;
		}
		rc = extract_mem(rules, b.data, b.len, name, opts, cbs, meta,
		    err);
		buf_release(&b);
		return rc;
	}
	if (slurp(f, name, &b, err) != 0) {
		buf_release(&b);
		return -1;
	}
	memset(&ro, 0, sizeof ro);
	ro.lossy = opts && opts->lossy;
	if (doc == NULL) {
		doctext_init(&local);
		doc = &local;
	}
	if (fmt == FIG_IN_PDF) {
		/* pdf.c extracts itself, to give each claim its page */
		rc = pdf_extract(rules, b.data, b.len, name, opts, cbs, meta,
		    &doc->text, err);
		buf_release(&b);
		if (doc == &local)
			doctext_release(&local);
		return rc;
	}
	rc = reader_html(b.data, b.len, name, &ro, doc, err);
	buf_release(&b);
	if (rc == 0)
		rc = reader_extract_text(rules, doc, name, opts, cbs, meta, err);
	if (doc == &local)
		doctext_release(&local);
	return rc;
}

int
reader_extract_path(const struct fig_rules *rules, const char *path,
    enum fig_input fmt, const struct fig_extract_opts *opts,
    const struct fig_extract_cbs *cbs, struct fig_docmeta *meta,
    struct fig_doctext *doc, enum fig_input *got, struct fig_err *err)
{
	FILE *f;
	int rc;

	if (strcmp(path, "-") == 0)
		return reader_extract_stream(rules, stdin, "-", fmt, opts, cbs,
		    meta, doc, got, err);
	if ((f = fopen(path, "rb")) == NULL)
		return err_set(err, FIG_EIO, path, 0, 0, "cannot open: %s",
		    strerror(errno));
	rc = reader_extract_stream(rules, f, path, fmt, opts, cbs, meta, doc,
	    got, err);
	fclose(f);
	return rc;
}

int
reader_load(const char *path, enum fig_input fmt,
    const struct fig_read_opts *o, struct fig_doctext *doc,
    enum fig_input *got, struct fig_err *err)
{
	struct fig_buf b = FIG_BUF_INIT;
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	int rc = 0;

	if (f == NULL)
		return err_set(err, FIG_EIO, path, 0, 0, "cannot open: %s",
		    strerror(errno));
	rc = slurp(f, path, &b, err);
	if (f != stdin)
		fclose(f);
	if (rc != 0) {
		buf_release(&b);
		return -1;
	}
	if (fmt == FIG_IN_AUTO)
		fmt = reader_detect(buf_str(&b), b.len < HEAD_BYTES ? b.len :
		    HEAD_BYTES, path);
	if (got)
		*got = fmt;
	if (fmt == FIG_IN_HTML)
		rc = reader_html(buf_str(&b), b.len, path, o, doc, err);
	else if (fmt == FIG_IN_PDF)
		rc = reader_pdf(buf_str(&b), b.len, path, o, doc, err);
	else {
		size_t at = 0;
		while (at < b.len) {
			const char *nl = memchr(b.data + at, '\n', b.len - at);
			size_t n = nl ? (size_t)(nl - (b.data + at)) :
			    b.len - at;
			doctext_line(doc, b.data + at, n, doc->nlines + 1);
			at += n + 1;
		}
	}
	buf_release(&b);
	return rc;
}

int
reader_extract_path_jobs(const struct fig_rules *rules, const char *path,
    enum fig_input fmt, const struct fig_extract_opts *opts,
    const struct fig_extract_cbs *cbs, struct fig_docmeta *meta,
    struct fig_doctext *doc, enum fig_input *got, int jobs,
    struct fig_err *err)
{
	if (jobs > 1 && strcmp(path, "-") != 0 && fmt == FIG_IN_AUTO) {
		/* only text is cut into parts: look at its head */
		char head[HEAD_BYTES];
		FILE *f = fopen(path, "rb");
		if (f != NULL) {
			size_t n = fread(head, 1, sizeof head, f);
			fclose(f);
			fmt = reader_detect(head, n, path);
		}
	}
	if (jobs > 1 && strcmp(path, "-") != 0 && (fmt == FIG_IN_TEXT ||
	    fmt == FIG_IN_MARKDOWN)) {
		if (got)
			*got = fmt;
		return extract_path_jobs(rules, path, opts, cbs, meta, jobs,
		    err);
	}
	return reader_extract_path(rules, path, fmt, opts, cbs, meta, doc,
	    got, err);
}

void
reader_init(void)
{
	/* libxml2 sets its globals up here, once, before any thread reads
	 * a page (its parser is then safe to run on several threads) */
	xmlInitParser();
}
