/* page.c: the HTML page of `figtrack report`: escaping for text and
 * attributes, gnuplot's SVG made safe to inline, and the page itself
 * with its responsive and print CSS and its render check. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "figtrack/page.h"
#include "figtrack/sha256.h"
#include "figtrack/text.h"

/* --- escaping ------------------------------------------------------------ */

void
page_escape(struct fig_buf *b, const char *str)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	unsigned long cp;
	size_t n;

	buf_grow(b, strlen((const char *)s) + 1);
	while (*s) {
		if ((n = text_utf8_decode(s, &cp)) == 0) {
			buf_adds(b, "\xEF\xBF\xBD");
			s++;
			continue;
		}
		switch (cp) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		case '\'': buf_adds(b, "&#39;"); break;
		case '\t': case '\n': buf_addc(b, (int)cp); break;
		default:
			if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
			    cp == 0x2028 || cp == 0x2029)
				buf_addc(b, ' ');
			else
				buf_add(b, s, n);
		}
		s += n;
	}
}

int
page_url_ok(const char *url)
{
	size_t skip;

	if (url == NULL)
		return 0;
	if (strncasecmp(url, "https://", 8) == 0)
		skip = 8;
	else if (strncasecmp(url, "http://", 7) == 0)
		skip = 7;
	else
		return 0;
	if (url[skip] == '\0')
		return 0;
	for (const unsigned char *s = (const unsigned char *)url; *s; s++)
		if (*s <= 0x20 || *s == 0x7F)
			return 0;
	return 1;
}

/* --- inline SVG ---------------------------------------------------------- */

/* The elements gnuplot's svg terminal writes; nothing else is inlined. */
static const char *const svg_elements[] = { "svg", "g", "path", "use",
    "circle", "rect", "text", "tspan", "title", "desc", "defs", "filter",
    "feFlood", "feComposite", "clipPath", "polygon", "polyline", "line",
    "ellipse", "linearGradient", "stop", NULL };

static int
svg_element_ok(const char *name, size_t n)
{
	for (int i = 0; svg_elements[i]; i++)
		if (strlen(svg_elements[i]) == n &&
		    memcmp(svg_elements[i], name, n) == 0)
			return 1;
	return 0;
}

static int
name_char(int c, int first)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
	    c == ':' || (!first && ((c >= '0' && c <= '9') || c == '-' ||
	    c == '.'));
}

/* Appends an attribute value v[0..n), quoted with q, its id
 * references given prefix. */
static void
add_value(struct fig_buf *b, const char *v, size_t n, const char *prefix,
    int is_id, int is_href)
{
	size_t plen = strlen(prefix);

	if (is_id) {
		buf_adds(b, prefix);
		buf_add(b, v, n);
		return;
	}
	if (is_href) {
		buf_addc(b, '#');
		buf_adds(b, prefix);
		buf_add(b, v + 1, n - 1);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		buf_addc(b, v[i]);
		if (i + 5 <= n && memcmp(v + i, "url(#", 5) == 0) {
			buf_add(b, v + i + 1, 4);
			buf_add(b, prefix, plen);
			i += 4;
		}
	}
}

static int
has_nocase(const char *s, size_t n, const char *what)
{
	size_t k = strlen(what);

	for (size_t i = 0; i + k <= n; i++)
		if (strncasecmp(s + i, what, k) == 0)
			return 1;
	return 0;
}

int
page_svg_inline(struct fig_buf *b, const char *svg, size_t len,
    const char *prefix, const char *label, struct fig_err *err)
{
	struct fig_buf o = FIG_BUF_INIT;
	const char *s = svg, *end = svg + len, *start = NULL;
	int depth = 0, done = 0;

	/* the root: the first "<svg" tag */
	for (const char *p = svg; p + 4 < end; p++)
		if (memcmp(p, "<svg", 4) == 0 && (p[4] == ' ' || p[4] == '\n' ||
		    p[4] == '\t' || p[4] == '\r' || p[4] == '>')) {
			start = p;
			break;
		}
	if (start == NULL)
		return err_set(err, FIG_EINPUT, NULL, 0, 0, "no <svg> element");
	for (s = start; s < end && !done;) {
		const char *t = memchr(s, '<', (size_t)(end - s));
		const char *name;
		size_t nlen;
		int root;

		if (t == NULL)
			t = end;
		buf_add(&o, s, (size_t)(t - s));	/* text, escaped by gnuplot */
		if (t == end)
			break;
		s = t + 1;
		if (end - s >= 3 && memcmp(s, "!--", 3) == 0) {
			const char *c = s;
			while (c + 3 <= end && memcmp(c, "-->", 3) != 0)
				c++;
			if (c + 3 > end)
				goto bad;
			s = c + 3;
			continue;
		}
		if (s < end && *s == '/') {
			name = ++s;
			while (s < end && name_char((unsigned char)*s, s == name))
				s++;
			nlen = (size_t)(s - name);
			while (s < end && (*s == ' ' || *s == '\n' || *s == '\t'))
				s++;
			if (!svg_element_ok(name, nlen) || s >= end || *s != '>')
				goto bad;
			s++;
			buf_adds(&o, "</");
			buf_add(&o, name, nlen);
			buf_addc(&o, '>');
			if (--depth == 0)
				done = 1;
			continue;
		}
		name = s;
		while (s < end && name_char((unsigned char)*s, s == name))
			s++;
		nlen = (size_t)(s - name);
		if (!svg_element_ok(name, nlen))
			goto bad;
		root = depth == 0;
		buf_addc(&o, '<');
		buf_add(&o, name, nlen);
		if (root) {
			buf_addf(&o, " class=\"chart-svg\" role=\"img\" "
			    "aria-label=\"");
			page_escape(&o, label);
			buf_addc(&o, '"');
		}
		for (;;) {
			const char *an, *v;
			size_t alen;
			char q;
			int is_id, is_href;

			while (s < end && (*s == ' ' || *s == '\n' || *s == '\t' ||
			    *s == '\r'))
				s++;
			if (s >= end)
				goto bad;
			if (*s == '>') {
				buf_addc(&o, '>');
				s++;
				depth++;
				break;
			}
			if (*s == '/' && s + 1 < end && s[1] == '>') {
				buf_adds(&o, "/>");
				s += 2;
				if (root)
					goto bad;
				break;
			}
			an = s;
			while (s < end && name_char((unsigned char)*s, s == an))
				s++;
			alen = (size_t)(s - an);
			while (s < end && (*s == ' ' || *s == '\t'))
				s++;
			if (alen == 0 || s >= end || *s++ != '=')
				goto bad;
			while (s < end && (*s == ' ' || *s == '\t'))
				s++;
			if (s + 1 >= end || (*s != '\'' && *s != '"'))
				goto bad;
			if (alen >= 2 && strncasecmp(an, "on", 2) == 0)
				goto bad;
			q = *s;
			v = s + 1;
			s = memchr(v, q, (size_t)(end - v));
			if (s == NULL || memchr(v, '<', (size_t)(s - v)) ||
			    has_nocase(v, (size_t)(s - v), "javascript:"))
				goto bad;
			is_id = alen == 2 && memcmp(an, "id", 2) == 0;
			is_href = alen >= 4 && memcmp(an + alen - 4, "href", 4) == 0;
			if (is_href && (s == v || *v != '#'))
				goto bad;	/* nothing from elsewhere */
			buf_addc(&o, ' ');
			buf_add(&o, an, alen);
			buf_addc(&o, '=');
			buf_addc(&o, q);
			add_value(&o, v, (size_t)(s - v), prefix, is_id, is_href);
			buf_addc(&o, q);
			s++;
		}
	}
	if (!done)
		goto bad;
	buf_add(b, o.data, o.len);
	buf_release(&o);
	return 0;
bad:
	buf_release(&o);
	return err_set(err, FIG_EINPUT, NULL, 0, 0, "the SVG holds something "
	    "other than gnuplot's drawing (near byte %ld)",
	    (long)(s - svg));
}

/* --- the page ------------------------------------------------------------ */

static const char page_css[] =
"*{box-sizing:border-box}\n"
"body{font:15px/1.45 'DejaVu Sans',system-ui,sans-serif;color:#1d1d1d;"
"background:#fff;margin:0 auto;max-width:1200px;padding:1rem}\n"
"h1{font-size:1.5rem;margin:.2rem 0 .5rem}h2{font-size:1.2rem;"
"margin:1.5rem 0 .5rem;border-bottom:1px solid #ccc}\n"
".meta{color:#444;margin:.2rem 0}\n"
".notice{background:#fff4d6;border:1px solid #d6a600;padding:.5rem .75rem}\n"
".summary{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}\n"
".cls{display:inline-block;padding:.05rem .5rem;border-radius:.8rem;"
"border:1px solid #888;background:#f2f2f2;font-size:.85rem;"
"white-space:nowrap}\n"
".cls-confirmed{background:#dff3e4;border-color:#2a9d5c}\n"
".cls-revised{background:#fbe1de;border-color:#c0392b}\n"
".cls-updated{background:#fff0cc;border-color:#d68910}\n"
".cls-target-moved{background:#efe3f6;border-color:#8e44ad}\n"
".cls-stale{background:#eeeeee;border-color:#7f8c8d}\n"
".cls-new{background:#dcf2f2;border-color:#16a0a0}\n"
".cls-related{background:#e1ebf7;border-color:#1f5fa8}\n"
"table{border-collapse:collapse;width:100%}\n"
"th,td{text-align:left;vertical-align:top;padding:.45rem .5rem;"
"border-bottom:1px solid #ddd}\n"
"th{background:#f6f6f6;font-size:.85rem}\n"
"td.num{white-space:nowrap;font-variant-numeric:tabular-nums}\n"
".metric{font-family:'DejaVu Sans Mono',monospace;font-size:.85rem;"
"word-break:break-all}\n"
".unit{color:#555;font-size:.85rem}\n"
"blockquote{margin:.1rem 0 .1rem .2rem;padding-left:.5rem;"
"border-left:3px solid #ccc;font-style:italic}\n"
".src{font-size:.85rem;color:#444}\n"
".side{font-size:.75rem;text-transform:uppercase;color:#666;"
"letter-spacing:.04em}\n"
"figure.chart{margin:1rem 0;padding:.5rem;border:1px solid #ddd;"
"break-inside:avoid}\n"
"figure.chart svg{width:100%;height:auto;display:block}\n"
"figcaption{font-weight:bold;margin-bottom:.3rem}\n"
"#render-check{color:#777;font-size:.8rem}\n"
"@media (max-width:720px){body{padding:.5rem;font-size:14px}\n"
" table,thead,tbody,tr,td{display:block;width:100%}\n"
" thead{display:none}\n"
" tr.row{border:1px solid #ccc;border-radius:.4rem;margin:.6rem 0;"
"padding:.3rem}\n"
" td{border:none;padding:.2rem .3rem}\n"
" td[data-label]::before{content:attr(data-label);display:block;"
"font-size:.75rem;color:#666;text-transform:uppercase}}\n"
"@media print{body{font-size:10pt;max-width:none;padding:0}\n"
" a{color:inherit}a.ext::after{content:' <' attr(href) '>';"
"font-size:8pt;word-break:break-all}\n"
" tr.row,figure.chart{break-inside:avoid}\n"
" #render-check,.tochart{display:none}}\n";

/* Marks each chart whose SVG has a size and holds drawing, counts the
 * rows laid out, and writes both into #render-check, with whether the
 * page fits the window's width (no sideways scrolling): what a headless
 * browser's DOM dump shows (tests/t3030-report-browser.sh). */
static const char page_js[] =
"(function(){var f=document.querySelectorAll('figure.chart'),ok=0,n=0,"
"rows=0,i;for(i=0;i<f.length;i++){var s=f[i].querySelector('svg');"
"if(!s){f[i].setAttribute('data-rendered','none');continue;}n++;"
"var r=s.getBoundingClientRect();if(r.width>0&&r.height>0&&"
"s.querySelectorAll('path,text').length>0){"
"f[i].setAttribute('data-rendered','yes');ok++;}else "
"f[i].setAttribute('data-rendered','no');}"
"var t=document.querySelectorAll('tr.row');for(i=0;i<t.length;i++){"
"var b=t[i].getBoundingClientRect();if(b.width>0&&b.height>0)rows++;}"
"var c=document.getElementById('render-check');"
"c.setAttribute('data-rows-rendered',String(rows));"
"c.setAttribute('data-charts-rendered',String(ok));"
"c.setAttribute('data-fits',document.documentElement.scrollWidth<="
"window.innerWidth+1?'yes':'no');"
"c.textContent='Page check: '+rows+' of '+t.length+' rows and '+ok+"
"' of '+n+' charts drawn.';})();";

static void
base64(struct fig_buf *b, const unsigned char *d, size_t n)
{
	static const char a[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	for (size_t i = 0; i < n; i += 3) {
		unsigned long v = (unsigned long)d[i] << 16 |
		    (i + 1 < n ? (unsigned long)d[i + 1] << 8 : 0) |
		    (i + 2 < n ? d[i + 2] : 0);
		buf_addc(b, a[v >> 18 & 63]);
		buf_addc(b, a[v >> 12 & 63]);
		buf_addc(b, i + 1 < n ? a[v >> 6 & 63] : '=');
		buf_addc(b, i + 2 < n ? a[v & 63] : '=');
	}
}

/* A class name as a CSS class: letters, digits and '-' only. */
static void
add_cls(struct fig_buf *b, const char *cls)
{
	buf_adds(b, "<span class=\"cls cls-");
	for (const char *c = cls; *c; c++)
		buf_addc(b, (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
		    *c == '-' ? *c : (*c >= 'A' && *c <= 'Z') ? *c - 'A' + 'a' :
		    '_');
	buf_adds(b, "\">");
	page_escape(b, cls);
	buf_adds(b, "</span>");
}

/* A link when the URL may be one, else the text. */
static void
add_linked(struct fig_buf *b, const char *text, const char *url)
{
	if (page_url_ok(url)) {
		buf_adds(b, "<a class=\"ext\" rel=\"noopener noreferrer\" "
		    "href=\"");
		page_escape(b, url);
		buf_adds(b, "\">");
		page_escape(b, text);
		buf_adds(b, "</a>");
	} else
		page_escape(b, text);
}

static void
add_source(struct fig_buf *b, const char *side,
    const struct page_source *s)
{
	buf_addf(b, "<div class=\"fig\"><span class=\"side\">%s</span>", side);
	if (s->quote && s->quote[0]) {
		buf_adds(b, "<blockquote>");
		page_escape(b, s->quote);
		buf_adds(b, "</blockquote>");
	}
	buf_adds(b, "<div class=\"src\">");
	add_linked(b, s->doc && s->doc[0] ? s->doc : "(untitled)", s->url);
	if (s->line > 0)
		buf_addf(b, ", line %ld", s->line);
	buf_adds(b, ", ");
	if (s->published && s->published[0]) {
		buf_adds(b, "published ");
		page_escape(b, s->published);
	} else
		buf_adds(b, "undated");
	buf_adds(b, "</div></div>");
}

static void
add_series(struct fig_buf *b, const char *metric, const char *entity,
    const char *partner)
{
	page_escape(b, metric);
	if (entity && entity[0]) {
		buf_adds(b, " (");
		page_escape(b, entity);
		if (partner && partner[0]) {
			buf_adds(b, " / ");
			page_escape(b, partner);
		}
		buf_addc(b, ')');
	}
}

void
page_write(struct fig_buf *b, const struct page *p)
{
	unsigned char digest[32];
	char hex[65];
	struct sha256_ctx h;

	sha256_init(&h);
	sha256_update(&h, page_js, strlen(page_js));
	sha256_final(&h, digest, hex);

	buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\""
	    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
	    "script-src 'sha256-");
	base64(b, digest, sizeof digest);
	buf_adds(b, "'\">\n<meta name=\"generator\" content=\"figtrack\">\n"
	    "<title>Which figures still hold: ");
	page_escape(b, p->baseline);
	buf_adds(b, "</title>\n<style>\n");
	buf_adds(b, page_css);
	buf_adds(b, "</style>\n</head>\n<body>\n<header>\n<h1>Which figures "
	    "of &#8220;");
	page_escape(b, p->baseline);
	buf_adds(b, "&#8221; still hold</h1>\n<p class=\"meta\">Baseline: ");
	add_linked(b, p->baseline, p->baseline_url);
	if (p->baseline_published && p->baseline_published[0]) {
		buf_adds(b, ", published ");
		page_escape(b, p->baseline_published);
	}
	buf_adds(b, ". Each of its figures is compared with figures published");
	if (p->since && p->since[0]) {
		buf_adds(b, " after ");
		page_escape(b, p->since);
	} else
		buf_adds(b, " later");
	buf_adds(b, "; a row shows the newer figure that decides its class."
	    "</p>\n");
	if (p->notice && p->notice[0]) {
		buf_adds(b, "<p class=\"notice\" id=\"notice\">");
		page_escape(b, p->notice);
		buf_adds(b, "</p>\n");
	}
	buf_adds(b, "<ul class=\"summary\" aria-label=\"rows per class\">\n");
	for (size_t i = 0; i < p->ncounts; i++) {
		buf_adds(b, "<li>");
		add_cls(b, p->counts[i].cls);
		buf_addf(b, " %zu</li>\n", p->counts[i].n);
	}
	buf_adds(b, "</ul>\n</header>\n<main>\n<section id=\"figures\">\n"
	    "<h2>The baseline's figures</h2>\n");
	buf_addf(b, "<table class=\"rows\" data-rows=\"%zu\">\n<thead><tr>"
	    "<th>Class</th><th>Series</th><th>Baseline</th><th>Newer</th>"
	    "<th>Change</th><th>Quotes and sources</th></tr></thead>\n<tbody>\n",
	    p->nrows);
	for (size_t i = 0; i < p->nrows; i++) {
		const struct page_row *r = &p->rows[i];
		buf_addf(b, "<tr class=\"row\" id=\"row-%zu\" data-class=\"", i + 1);
		page_escape(b, r->cls);
		buf_adds(b, "\">\n<td data-label=\"Class\">");
		add_cls(b, r->cls);
		buf_adds(b, "</td>\n<td data-label=\"Series\"><span class=\"metric\">");
		page_escape(b, r->metric);
		buf_adds(b, "</span>");
		if (r->entity && r->entity[0]) {
			buf_adds(b, "<br>");
			page_escape(b, r->entity);
			if (r->partner && r->partner[0]) {
				buf_adds(b, " / ");
				page_escape(b, r->partner);
			}
		}
		buf_adds(b, "<br><span class=\"unit\">");
		page_escape(b, r->unit);
		buf_adds(b, "</span></td>\n<td class=\"num\" data-label=\"Baseline\">");
		page_escape(b, r->has_base ? r->base_value : "\xE2\x80\x94");
		buf_adds(b, "</td>\n<td class=\"num\" data-label=\"Newer\">");
		page_escape(b, r->has_newer ? r->newer_value : "\xE2\x80\x94");
		buf_adds(b, "</td>\n<td class=\"num\" data-label=\"Change\">");
		page_escape(b, r->change && r->change[0] ? r->change :
		    "\xE2\x80\x94");
		buf_adds(b, "</td>\n<td data-label=\"Quotes and sources\">");
		if (r->has_base)
			add_source(b, "baseline", &r->base);
		if (r->has_newer)
			add_source(b, "newer", &r->newer);
		else
			buf_adds(b, "<div class=\"src\">No newer figure.</div>");
		if (r->chart >= 0)
			buf_addf(b, "<a class=\"tochart\" href=\"#chart-%d\">chart"
			    "</a>", r->chart + 1);
		buf_adds(b, "</td>\n</tr>\n");
	}
	buf_adds(b, "</tbody>\n</table>\n</section>\n<section id=\"charts\">\n"
	    "<h2>Charts</h2>\n");
	for (size_t i = 0; i < p->ncharts; i++) {
		const struct page_chart *c = &p->charts[i];
		buf_addf(b, "<figure class=\"chart\" id=\"chart-%zu\">\n"
		    "<figcaption>", i + 1);
		add_series(b, c->metric, c->entity, c->partner);
		buf_adds(b, "</figcaption>\n");
		if (c->svg)
			buf_adds(b, c->svg);
		else {
			buf_adds(b, "<p class=\"nochart\">");
			page_escape(b, c->note ? c->note : "no chart");
			buf_adds(b, "</p>");
		}
		buf_adds(b, "\n</figure>\n");
	}
	if (p->ncharts == 0)
		buf_adds(b, "<p>No chart.</p>\n");
	buf_addf(b, "</section>\n</main>\n<footer>\n<p id=\"render-check\" "
	    "data-rows=\"%zu\" data-charts=\"%zu\">Page check not run (the "
	    "page's script did not run).</p>\n<p class=\"meta\">Written by "
	    "figtrack %s. Classes: docs/formats.md; this page: "
	    "docs/report.md.</p>\n</footer>\n<script>", p->nrows, p->ncharts,
	    "report");
	buf_adds(b, page_js);
	buf_adds(b, "</script>\n</body>\n</html>\n");
}
