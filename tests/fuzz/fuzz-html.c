/* fuzz-html.c: libFuzzer harness for the HTML reader and the table
 * cells: any bytes as a page through reader_html (strict, then --lossy
 * when it is refused for its UTF-8), the text it makes checked (valid
 * UTF-8, one origin per line, origins within the page), then extracted
 * with the shipped rules, every claim's quote at its offsets in that text
 * and its line within the page. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/buf.h"
#include "figtrack/extract.h"
#include "figtrack/reader.h"
#include "figtrack/rules.h"
#include "figtrack/text.h"

#include "fuzz-common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct fig_rules *fh_rules;

/* What the claim callback checks against. */
struct fh_doc {
	const struct fig_doctext *d;
	long lines;		/* lines of the page */
};

static int
fh_claim(void *ctx, const struct fig_claim *c)
{
	const struct fh_doc *h = ctx;

	if (c->line < 1 || c->line > h->lines)
		abort();
	fz_check_quote(c, h->d->text.data, h->d->text.len);
	return 0;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fh_rules = fz_rules_load("fuzz-html");
	return 0;
}

/* Checks the converted text d of a page of lines lines. */
static void
fh_check_text(const struct fig_doctext *d, long lines)
{
	long nl = 0;
	size_t bad;

	if (d->text.len && text_utf8_check(d->text.data, d->text.len, &bad))
		abort();
	if (d->text.len && memchr(d->text.data, '\0', d->text.len))
		abort();
	for (size_t i = 0; i < d->text.len; i++)
		nl += d->text.data[i] == '\n';
	if (nl != d->nlines || (d->text.len && d->text.data[d->text.len - 1]
	    != '\n'))
		abort();
	for (long i = 0; i < d->nlines; i++)
		if (d->origin[i] < 0 || d->origin[i] > lines)
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fig_read_opts ro = { 0 };
	struct fig_extract_opts xo;
	struct fig_extract_cbs cbs;
	struct fig_doctext d;
	struct fig_err err;
	struct fh_doc h;
	long lines = 1;
	char *copy;
	int rc;

	/* an exact-size copy, so a read past the end is caught */
	copy = calloc(1, size ? size : 1);
	if (size)
		memcpy(copy, data, size);
	for (size_t i = 0; i < size; i++)
		lines += copy[i] == '\n';
	doctext_init(&d);
	err_clear(&err);
	rc = reader_html(copy, size, "fuzz.html", &ro, &d, &err);
	if (rc != 0 && err.code == FIG_OK)
		abort();	/* a refusal says why */
	if (rc != 0 && strstr(err.msg, "UTF-8")) {
		doctext_release(&d);
		doctext_init(&d);
		ro.lossy = 1;
		err_clear(&err);
		if ((rc = reader_html(copy, size, "fuzz.html", &ro, &d,
		    &err)) != 0)
			abort();	/* repaired, it must be read */
	}
	if (rc == 0) {
		fh_check_text(&d, lines);
		memset(&xo, 0, sizeof xo);
		h.d = &d;
		h.lines = lines;
		cbs.on_claim = fh_claim;
		cbs.on_ref = NULL;
		cbs.ctx = &h;
		err_clear(&err);
		if (reader_extract_text(fh_rules, &d, "fuzz.html", &xo, &cbs,
		    NULL, &err) != 0 && err.code == FIG_OK)
			abort();
	}
	doctext_release(&d);
	free(copy);
	return 0;
}
