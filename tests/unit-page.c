/* unit-page.c: the report page's escaping (text, attributes, URLs), the
 * inlining of gnuplot's SVG (ids prefixed, anything but gnuplot's
 * drawing refused) and the page's parts. */
#include <stdlib.h>

#include "figtrack/buf.h"
#include "figtrack/page.h"
#include "harness.h"

static void
test_escape(void)
{
	struct fig_buf b = FIG_BUF_INIT;

	page_escape(&b, "<script>alert(\"x\")</script> & 'y'");
	CHECK_STR(buf_str(&b), "&lt;script&gt;alert(&quot;x&quot;)&lt;/script"
	    "&gt; &amp; &#39;y&#39;");
	buf_reset(&b);
	/* controls become spaces, tabs and newlines stay, bad UTF-8 is
	 * U+FFFD, good UTF-8 passes */
	page_escape(&b, "a\x01" "b\tc\nd\x7f" "e\xC2\x85" "f\xFF" "g \xD0\xA0");
	CHECK_STR(buf_str(&b), "a b\tc\nd e f\xEF\xBF\xBDg \xD0\xA0");
	buf_reset(&b);
	page_escape(&b, NULL);
	CHECK_STR(buf_str(&b), "");
	buf_release(&b);
}

static void
test_url(void)
{
	CHECK(page_url_ok("https://example.org/a?b=1&c=2"));
	CHECK(page_url_ok("HTTP://example.org"));
	CHECK(!page_url_ok("javascript:alert(1)"));
	CHECK(!page_url_ok(" https://example.org"));
	CHECK(!page_url_ok("https://exa mple.org"));
	CHECK(!page_url_ok("https://"));
	CHECK(!page_url_ok("data:text/html,<script>"));
	CHECK(!page_url_ok("/etc/passwd"));
	CHECK(!page_url_ok("https://a\nb"));
	CHECK(!page_url_ok(NULL));
}

static const char gnuplot_svg[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"  standalone=\"no\"?>\n"
    "<svg \n viewBox=\"0 0 600 400\"\n xmlns=\"http://www.w3.org/2000/svg\"\n"
    " xmlns:xlink=\"http://www.w3.org/1999/xlink\"\n>\n\n"
    "<title>Gnuplot</title>\n<desc>Produced by GNUPLOT 5.4</desc>\n\n"
    "<g id=\"gnuplot_canvas\">\n<defs>\n"
    "\t<circle id='gpPt5' stroke-width='0.242' cx='0' cy='0' r='1'/>\n"
    "\t<use xlink:href='#gpPt5' id='gpPt6' fill='currentColor'/>\n"
    "\t<filter id='textbox' filterUnits='objectBoundingBox' x='0' y='0'>\n"
    "\t  <feFlood flood-color='white' flood-opacity='1' result='bgnd'/>\n"
    "\t  <feComposite in='SourceGraphic' in2='bgnd' operator='atop'/>\n"
    "\t</filter>\n</defs>\n"
    "<g fill=\"none\" color=\"black\" stroke=\"currentColor\">\n"
    "\t\t<polygon fill = 'rgb(192,  57,  43)' points = '1,2 3,4 '/>\n"
    "\t<g transform=\"translate(10,20)\" style=\"stroke:none; "
    "fill:black;\" filter='url(#textbox)'>\n"
    "\t\t<text>Later &lt;i>article&lt;/i> &amp; \"co\" 'x'</text>\n"
    "\t</g>\n</g>\n</g>\n</svg>\n\n";

static void
test_svg_inline(void)
{
	struct fig_buf b = FIG_BUF_INIT;
	struct fig_err err;
	const char *s;

	err_clear(&err);
	CHECK(page_svg_inline(&b, gnuplot_svg, sizeof gnuplot_svg - 1, "c3-",
	    "chart of <m> & \"n\"", &err) == 0);
	s = buf_str(&b);
	CHECK(strncmp(s, "<svg class=\"chart-svg\" role=\"img\" aria-label=\""
	    "chart of &lt;m&gt; &amp; &quot;n&quot;\"", 80) == 0);
	CHECK(strstr(s, "<?xml") == NULL);
	CHECK(strstr(s, " id=\"c3-gnuplot_canvas\"") != NULL);
	CHECK(strstr(s, "<circle id='c3-gpPt5'") != NULL);
	CHECK(strstr(s, "xlink:href='#c3-gpPt5' id='c3-gpPt6'") != NULL);
	CHECK(strstr(s, "filter='url(#c3-textbox)'") != NULL);
	CHECK(strstr(s, "id='gp") == NULL);
	/* gnuplot's escaping of text is kept as it is */
	CHECK(strstr(s, "<text>Later &lt;i>article&lt;/i> &amp; \"co\" 'x'"
	    "</text>") != NULL);
	CHECK(strstr(s, "fill='rgb(192,  57,  43)' points='1,2 3,4 '") != NULL);
	/* it ends with the root */
	CHECK(b.len >= 6 && strcmp(s + b.len - 6, "</svg>") == 0);
	buf_release(&b);
}

/* Each string is gnuplot's SVG with one change that must be refused. */
static void
test_svg_refused(void)
{
	static const char *const bad[] = {
		"<svg viewBox='0 0 1 1'><script>alert(1)</script></svg>",
		"<svg viewBox='0 0 1 1' onload='alert(1)'><g/></svg>",
		"<svg viewBox='0 0 1 1'><g OnClick=\"x()\"></g></svg>",
		"<svg viewBox='0 0 1 1'><foreignObject><p>x</p></foreignObject>"
		    "</svg>",
		"<svg viewBox='0 0 1 1'><use xlink:href='http://evil/x.svg#a'/>"
		    "</svg>",
		"<svg viewBox='0 0 1 1'><g style='x:javascript:alert(1)'></g>"
		    "</svg>",
		"<svg viewBox='0 0 1 1'><g fill=unquoted></g></svg>",
		"<svg viewBox='0 0 1 1'><g>",		/* never closed */
		"<svg viewBox='0 0 1 1'><text>a < b</text></svg>",
		"<svg viewBox='0 0 1 1'><image href='#x'/></svg>",
		"no svg at all",
		NULL
	};
	struct fig_buf b = FIG_BUF_INIT;
	struct fig_err err;

	for (int i = 0; bad[i]; i++) {
		err_clear(&err);
		if (page_svg_inline(&b, bad[i], strlen(bad[i]), "c1-", "x",
		    &err) == 0)
			printf("  accepted: %s\n", bad[i]);
		CHECK(err.code == FIG_EINPUT);
		CHECK(b.len == 0);
	}
	buf_release(&b);
}

static void
test_page(void)
{
	struct page_row r[2];
	struct page_chart c = { "m.x", "RUS", "", NULL, "no chart: why" };
	struct page_count n[2] = { { "updated", 1 }, { "some-new-class", 1 } };
	struct page p;
	struct fig_buf b = FIG_BUF_INIT;
	const char *s;

	memset(r, 0, sizeof r);
	memset(&p, 0, sizeof p);
	r[0].cls = "updated";
	r[0].metric = "m.x";
	r[0].entity = "RUS";
	r[0].unit = "percent";
	r[0].base_value = "~30 % (2021)";
	r[0].newer_value = "34 % (2022)";
	r[0].change = "+4 pp";
	r[0].has_base = r[0].has_newer = 1;
	r[0].base.doc = "Report <b>";
	r[0].base.line = 8;
	r[0].base.published = "2022-11-01";
	r[0].base.url = "https://example.org/?a=1&b=\"2\"";
	r[0].base.quote = "30 percent";
	r[0].newer.doc = "Later";
	r[0].newer.quote = "<script>alert(1)</script>";
	r[0].newer.url = "javascript:alert(1)";
	r[0].chart = 0;
	/* a class this page does not know: shown as it is, unstyled */
	r[1].cls = "some-new-class\" onmouseover=\"x";
	r[1].metric = "m.y";
	r[1].unit = "usd";
	r[1].has_base = 1;
	r[1].chart = -1;
	p.baseline = "Report <b>";
	p.baseline_published = "2022-11-01";
	p.notice = "gnuplot <missing>";
	p.rows = r;
	p.nrows = 2;
	p.charts = &c;
	p.ncharts = 1;
	p.counts = n;
	p.ncounts = 2;
	page_write(&b, &p);
	s = buf_str(&b);
	CHECK(strncmp(s, "<!DOCTYPE html>\n", 16) == 0);
	CHECK(strstr(s, "<title>Which figures still hold: Report &lt;b&gt;"
	    "</title>") != NULL);
	CHECK(strstr(s, "script-src 'sha256-") != NULL);
	CHECK(strstr(s, "<tr class=\"row\" id=\"row-1\" data-class=\"updated\"")
	    != NULL);
	CHECK(strstr(s, "<span class=\"cls cls-updated\">updated</span>") != NULL);
	CHECK(strstr(s, "data-class=\"some-new-class&quot; onmouseover=&quot;x\"")
	    != NULL);
	CHECK(strstr(s, "class=\"cls cls-some-new-class__onmouseover__x\"")
	    != NULL);
	CHECK(strstr(s, "href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\"")
	    != NULL);
	CHECK(strstr(s, "javascript:") == NULL);
	CHECK(strstr(s, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL);
	CHECK(strstr(s, ", line 8, published 2022-11-01") != NULL);
	CHECK(strstr(s, "Later, undated") != NULL);
	CHECK(strstr(s, "<a class=\"tochart\" href=\"#chart-1\">") != NULL);
	CHECK(strstr(s, "<figure class=\"chart\" id=\"chart-1\">") != NULL);
	CHECK(strstr(s, "<p class=\"nochart\">no chart: why</p>") != NULL);
	CHECK(strstr(s, "id=\"notice\">gnuplot &lt;missing&gt;</p>") != NULL);
	CHECK(strstr(s, "data-rows=\"2\" data-charts=\"1\"") != NULL);
	/* one script, the page's own */
	CHECK(strstr(s, "<script") != NULL &&
	    strstr(strstr(s, "<script") + 1, "<script") == NULL);
	buf_release(&b);
}

int
main(int argc, char **argv)
{
	static const struct harness_test tests[] = {
		{ "page_escape", test_escape },
		{ "page_url", test_url },
		{ "page_svg_inline", test_svg_inline },
		{ "page_svg_refused", test_svg_refused },
		{ "page_write", test_page },
		{ NULL, NULL }
	};
	return harness_main(tests, argc, argv);
}
