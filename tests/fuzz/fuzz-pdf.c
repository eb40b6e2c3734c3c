/* fuzz-pdf.c: libFuzzer harness for the PDF reader: any bytes as a PDF
 * through pdf_read, then pdf_extract with the shipped rules. A refusal
 * must say why; a document read must give UTF-8 text without NUL, its
 * page stretches ascending and within the document's pages, a page for
 * every line of the text; every claim's quote must be at its offsets in
 * the text pdf_extract made and its page within the document.
 *
 * Poppler is not built with the sanitizers, so a fault inside it shows
 * only as a crash; run.sh turns off leak detection for this harness
 * (Poppler keeps caches for the life of the process). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/buf.h"
#include "figtrack/extract.h"
#include "figtrack/pdf.h"
#include "figtrack/rules.h"
#include "figtrack/text.h"

#include "fuzz-common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct fig_rules *fp_rules;

/* What the claim callback checks against. */
struct fp_doc {
	const struct fig_buf *text;
	int npages;
};

static int
fp_claim(void *ctx, const struct fig_claim *c)
{
	const struct fp_doc *h = ctx;

	if (c->line < 1 || c->page < 0 || c->page > h->npages)
		abort();
	fz_check_quote(c, h->text->data, h->text->len);
	return 0;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fp_rules = fz_rules_load("fuzz-pdf");
	return 0;
}

/* Checks the text t and the pages p pdf_read made. */
static void
fp_check_text(const struct fig_buf *t, const struct fig_pdfpages *p)
{
	long nl = 0;
	size_t bad;

	if (t->len && text_utf8_check(t->data, t->len, &bad))
		abort();
	if (t->len && memchr(t->data, '\0', t->len))
		abort();
	for (size_t i = 0; i < t->len; i++)
		nl += t->data[i] == '\n';
	if (p->nlines > nl + 1)
		abort();
	for (int i = 0; i < p->n; i++)
		if (p->page[i] < 1 || p->page[i] > p->npages ||
		    p->off[i] < 0 || (size_t)p->off[i] > t->len ||
		    (i > 0 && p->off[i] < p->off[i - 1]))
			abort();
	for (long i = 0; i < p->nlines; i++)
		if (p->line_page[i] < 0 || p->line_page[i] > p->npages)
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fig_extract_opts xo;
	struct fig_extract_cbs cbs;
	struct fig_pdfpages pages;
	struct fig_buf text, text2;
	struct fig_err err;
	struct fp_doc h;
	char *copy;
	int rc;

	/* an exact-size copy, so a read past the end is caught */
	copy = calloc(1, size ? size : 1);
	if (size)
		memcpy(copy, data, size);
	buf_init(&text);
	buf_init(&text2);
	pdf_pages_init(&pages);
	err_clear(&err);
	rc = pdf_read(copy, size, "fuzz.pdf", &text, &pages, &err);
	if (rc != 0 && err.code == FIG_OK)
		abort();	/* a refusal says why */
	if (rc == 0) {
		fp_check_text(&text, &pages);
		memset(&xo, 0, sizeof xo);
		h.text = &text2;
		h.npages = pages.npages;
		cbs.on_claim = fp_claim;
		cbs.on_ref = NULL;
		cbs.ctx = &h;
		err_clear(&err);
		if (pdf_extract(fp_rules, copy, size, "fuzz.pdf", &xo, &cbs,
		    NULL, &text2, &err) != 0 && err.code == FIG_OK)
			abort();
		/* the same bytes make the same text */
		if (text2.len != text.len ||
		    memcmp(text2.data, text.data, text.len) != 0)
			abort();
	}
	pdf_pages_release(&pages);
	buf_release(&text);
	buf_release(&text2);
	free(copy);
	return 0;
}
