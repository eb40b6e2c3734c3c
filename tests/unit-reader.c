/* unit-reader.c: the readers and the table cells: format detection, the
 * converted text of a web page and the original lines of its lines, and
 * the sentence made for each numeric cell of a table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "figtrack/reader.h"
#include "figtrack/tablecells.h"

static struct fig_rules *rules;

static void
test_formats(void)
{
	enum fig_input f;

	CHECK(reader_format_parse("html", &f) == 0 && f == FIG_IN_HTML);
	CHECK(reader_format_parse("md", &f) == 0 && f == FIG_IN_MARKDOWN);
	CHECK(reader_format_parse("pdf", &f) == 0 && f == FIG_IN_PDF);
	CHECK(reader_format_parse("auto", &f) == 0 && f == FIG_IN_AUTO);
	CHECK(reader_format_parse("HTML", &f) == -1);
	CHECK(reader_format_parse("docx", &f) == -1);
	CHECK_STR(reader_format_name(FIG_IN_TEXT), "text");
}

static void
test_detect(void)
{
	static const struct {
		const char *head, *path;
		enum fig_input want;
	} cases[] = {
		{ "%PDF-1.7\n", "report.txt", FIG_IN_PDF },
		{ "%PDF", "report.pdf", FIG_IN_PDF },	/* by the name */
		{ "<!DOCTYPE html>\n<html>", "page", FIG_IN_HTML },
		{ "  <!-- saved -->\n<!doctype HTML>", "x.txt", FIG_IN_HTML },
		{ "\xEF\xBB\xBF<html lang=en>", "-", FIG_IN_HTML },
		{ "<?xml version=\"1.0\"?><html>", NULL, FIG_IN_HTML },
		{ "<head><title>x</title>", "a.md", FIG_IN_HTML },
		{ "<header-notes> rose 5%", "notes.txt", FIG_IN_TEXT },
		{ "<!-- never closed", "notes", FIG_IN_TEXT },
		{ "Exports rose 5%.", "page.HTML", FIG_IN_HTML },
		{ "Exports rose 5%.", "page.htm", FIG_IN_HTML },
		{ "Exports rose 5%.", "notes.md", FIG_IN_MARKDOWN },
		{ "Exports rose 5%.", "notes.markdown", FIG_IN_MARKDOWN },
		{ "Exports rose 5%.", "-", FIG_IN_TEXT },
		{ "Exports rose 5%.", NULL, FIG_IN_TEXT },
		{ "", "empty.txt", FIG_IN_TEXT },
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		enum fig_input got = reader_detect(cases[i].head,
		    strlen(cases[i].head), cases[i].path);
		if (got != cases[i].want) {
			printf("FAIL detect %zu \"%s\" %s: %s, want %s\n", i,
			    cases[i].head, cases[i].path ? cases[i].path : "-",
			    reader_format_name(got),
			    reader_format_name(cases[i].want));
			harness_failed_++;
		}
	}
}

static void
test_doctext(void)
{
	struct fig_doctext d;

	doctext_init(&d);
	doctext_line(&d, "a", 1, 5);
	doctext_line(&d, "", 0, 0);	/* no line known: the one before */
	doctext_line(&d, "b", 1, 9);
	CHECK_STR(d.text.data, "a\n\nb\n");
	CHECK(d.nlines == 3);
	CHECK(doctext_origin(&d, 1) == 5);
	CHECK(doctext_origin(&d, 2) == 5);
	CHECK(doctext_origin(&d, 3) == 9);
	CHECK(doctext_origin(&d, 4) == 4);	/* beyond the map: itself */
	doctext_release(&d);
}

static void
test_html(void)
{
	static const char page[] =
	    "<!DOCTYPE html>\n"					/* 1 */
	    "<html><head><meta charset=\"utf-8\">\n"		/* 2 */
	    "<title>Site | x</title>\n"				/* 3 */
	    "<meta property=\"og:title\" content=\"Chips &amp; trade\">\n"
	    "<script type=\"application/ld+json\">{\"dateModified\": "
	    "\"2030-01-01\", \"datePublished\": \"2023-05-10T08:00Z\"}"
	    "</script>\n"					/* 5 */
	    "</head><body><nav>Menu 5%</nav>\n"			/* 6 */
	    "<article><h2>Lead</h2>\n"				/* 7 */
	    "<p>Imports fell\n3&nbsp;percent.<sup>12</sup></p>\n"	/* 8-9 */
	    "<ul><li>One</li><li>Two<br>more</li></ul>\n"	/* 10 */
	    "<div class=\"related-links\"><p>Other 9%</p></div>\n"
	    "<table><caption>T (US$ bn)</caption>\n"		/* 12 */
	    "<tr><th></th><th>2022</th></tr>\n"			/* 13 */
	    "<tr><td>A|B</td><td>1.5</td></tr></table>\n"	/* 14 */
	    "</article></body></html>\n";
	static const char want[] =
	    "---\n"
	    "title: Chips & trade\n"
	    "date: 2023-05-10\n"
	    "---\n"
	    "\n"
	    "## Lead\n"
	    "\n"
	    "Imports fell 3 percent.\xC2\xB9\xC2\xB2\n"
	    "\n"
	    "- One\n"
	    "- Two\n"
	    "more\n"
	    "\n"
	    "T (US$ bn)\n"
	    "\n"
	    "|  | 2022 |\n"
	    "|---|---|\n"
	    "| A\\|B | 1.5 |\n"
	    "\n";
	static const long origins[] = { 1, 4, 5, 1, 1, 7, 7, 8, 8, 10, 10, 10,
	    10, 12, 12, 13, 13, 14, 14 };
	struct fig_read_opts ro = { 0 };
	struct fig_doctext d;
	struct fig_err err;

	doctext_init(&d);
	err_clear(&err);
	CHECK(reader_html(page, sizeof page - 1, "p.html", &ro, &d, &err) == 0);
	CHECK_STR(d.text.data, want);
	CHECK(d.nlines == (long)(sizeof origins / sizeof *origins));
	for (long i = 0; i < d.nlines && i < (long)(sizeof origins /
	    sizeof *origins); i++)
		if (d.origin[i] != origins[i]) {
			printf("FAIL html origin of line %ld: %ld, want %ld\n",
			    i + 1, d.origin[i], origins[i]);
			harness_failed_++;
		}
	doctext_release(&d);
}

static void
test_html_errors(void)
{
	static const char bin[] = "<html>\n<p>a\0b</p>";
	static const char bad[] = "<meta charset=utf-8>\n<p>caf\xE9</p>";
	struct fig_read_opts ro = { 0 };
	struct fig_doctext d;
	struct fig_err err;

	doctext_init(&d);
	err_clear(&err);
	CHECK(reader_html(bin, sizeof bin - 1, "b.html", &ro, &d, &err) == -1);
	CHECK(err.code == FIG_EINPUT && err.line == 2 && err.col == 5);
	CHECK(strstr(err.msg, "NUL byte") != NULL);
	err_clear(&err);
	CHECK(reader_html(bad, sizeof bad - 1, "u.html", &ro, &d, &err) == -1);
	CHECK(err.line == 2 && err.col == 7 && strstr(err.msg, "UTF-8"));
	ro.lossy = 1;
	CHECK(reader_html(bad, sizeof bad - 1, "u.html", &ro, &d, &err) == 0);
	CHECK(strstr(d.text.data, "caf\xEF\xBF\xBD") != NULL);
	doctext_release(&d);
	doctext_init(&d);
	CHECK(reader_pdf("%PDF-1.4", 8, "r.pdf", &ro, &d, &err) == -1);
	CHECK(strstr(err.msg, "truncated PDF") != NULL);
	doctext_release(&d);
}

/* The cells a table gives, as "line|doc|quote|negate|phrase[vstart,vend)"
 * lines. */
static int
on_cell(void *ctx, const struct fig_tcell *c)
{
	struct fig_buf *b = ctx;

	buf_addf(b, "%ld|%lld|%s|%d|%s|%.*s\n", c->line, c->doc, c->quote,
	    c->negate, c->phrase, (int)(c->vend - c->vstart),
	    c->phrase + c->vstart);
	return 0;
}

static void
table(struct fig_tables *t, const char *caption, const char *const *rows,
    struct fig_buf *out)
{
	long long doc = 100;

	if (caption)
		tables_note(t, caption, strlen(caption));
	for (int i = 0; rows[i]; i++) {
		tables_row(t, rows[i], strlen(rows[i]), 10 + i, doc);
		doc += (long long)strlen(rows[i]) + 1;
	}
	buf_reset(out);
	CHECK(tables_flush(t, rules, on_cell, out) == 0);
}

static void
test_tables(void)
{
	static const char *const cols[] = {
		"| | 2021 | Q1 2022 |",
		"|---|:---:|---|",
		"| China's exports to Russia | 67.6 | (2.1)\xC2\xB9 |",
		"| Share, % | 3.4 | n/a |",
		NULL };
	static const char *const rows[] = {
		"| Year | Exports ($bn) | Jan-May 2023 export value |",
		"| 2020 | -5 | 1,250 |",
		NULL };
	static const char *const nohead[] = {
		"| Neon | 12 |",
		NULL };
	struct fig_tables t;
	struct fig_buf out = FIG_BUF_INIT;

	tables_init(&t);
	table(&t, "**Table 2: Trade. US$ billion**", cols, &out);
	CHECK_STR(buf_str(&out),
	    "12|167|67.6|0|Trade; US$ billion, China's exports to Russia in "
	    "2021: US$67.6 billion.|67.6\n"
	    "12|174|(2.1)\xC2\xB9|1|Trade; US$ billion, China's exports to "
	    "Russia in Q1 2022: US$2.1 billion.|2.1\n"
	    "13|197|3.4|0|Trade; US$ billion, Share in 2021: 3.4 %.|3.4\n");
	table(&t, NULL, rows, &out);
	CHECK_STR(buf_str(&out),
	    "11|162|-5|1|Exports in 2020: $5 bn.|5\n"
	    "11|167|1,250|0|2020, export value in Jan-May 2023: 1,250.|1,250\n");
	/* no header line, no unit anywhere: the bare number stays bare */
	table(&t, "", nohead, &out);
	CHECK_STR(buf_str(&out), "10|109|12|0|Neon: 12.|12\n");
	/* a table of no rows gives nothing */
	buf_reset(&out);
	CHECK(tables_flush(&t, rules, on_cell, &out) == 0 && out.len == 0);
	buf_release(&out);
	tables_release(&t);
}

int
main(int argc, char **argv)
{
	static const struct harness_test tests[] = {
		{ "reader_formats", test_formats },
		{ "reader_detect", test_detect },
		{ "reader_doctext", test_doctext },
		{ "reader_html", test_html },
		{ "reader_html_errors", test_html_errors },
		{ "tables_cells", test_tables },
		{ NULL, NULL }
	};
	struct fig_err err;
	int rc;

	err_clear(&err);
	if (rules_load(&rules, "data/rules", &err) != 0) {
		printf("FAIL rules: %s\n", err.msg);
		return 1;
	}
	rc = harness_main(tests, argc, argv);
	rules_free(rules);
	return rc;
}
