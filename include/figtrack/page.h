/* page.h: the self-contained HTML page of `figtrack report`: the
 * baseline's figures with their diff class, the figures that decide it,
 * their quotes and sources, and each series' chart as inline SVG. Text
 * from documents is always HTML-escaped; the page loads nothing from
 * elsewhere and allows only its own inline script (a Content Security
 * Policy with the script's hash). Pure: builds text, no I/O. */
#ifndef FIGTRACK_PAGE_H
#define FIGTRACK_PAGE_H

#include <stddef.h>

#include "figtrack/buf.h"
#include "figtrack/err.h"

/* Appends s to b HTML-escaped for text and for quoted attribute values
 * alike: & < > " ' as character references, control characters (C0
 * but tab and newline, DEL, C1, U+2028/9) as a space, invalid UTF-8 as
 * U+FFFD. NULL is "". */
void page_escape(struct fig_buf *b, const char *s);

/* 1 when url may be a link: http:// or https:// followed by at least
 * one character, with no white space or control character; everything
 * else (javascript:, data:, relative paths) is shown as text only. */
int page_url_ok(const char *url);

/* Appends the SVG document svg[0..len) (gnuplot's svg terminal output)
 * for inline use in HTML: the XML prolog and doctype before <svg are
 * dropped, every id and every reference to one (href="#x", url(#x))
 * gets prefix so that several charts on one page do not clash, and
 * role="img" with aria-label (label, escaped) is added to <svg>. Only
 * the elements gnuplot writes are accepted: any other element (script,
 * foreignObject, ...), an attribute named on..., or "javascript:" in
 * a tag is refused. Returns 0, or -1 with err set and nothing appended. */
int page_svg_inline(struct fig_buf *b, const char *svg, size_t len,
    const char *prefix, const char *label, struct fig_err *err);

/* Where a figure was read. Every string may be NULL or "". */
struct page_source {
	const char *doc;	/* title, else path */
	long line;		/* 0 when unknown */
	const char *published;	/* YYYY[-MM[-DD]] */
	const char *url;	/* linked when page_url_ok */
	const char *quote;
};

/* One row of the table: a baseline figure and the newer figure that
 * decides its class, or a new series. */
struct page_row {
	const char *cls;	/* the class name; one the page does not
				 * know is shown as it is, unstyled */
	const char *metric, *entity, *partner, *unit;
	const char *base_value;	/* formatted, "" when none */
	const char *newer_value;
	const char *change;	/* formatted, "" when none */
	int has_base, has_newer;
	struct page_source base, newer;
	int chart;		/* index into the page's charts, -1: none */
};

/* One chart: a series, and its inline SVG or why there is none. */
struct page_chart {
	const char *metric, *entity, *partner;
	const char *svg;	/* page_svg_inline output, or NULL */
	const char *note;	/* shown instead when svg is NULL */
};

/* A count of rows per class, for the summary. */
struct page_count {
	const char *cls;
	size_t n;
};

struct page {
	const char *baseline;		/* the baseline document's name */
	const char *baseline_published;
	const char *baseline_url;
	const char *since;		/* newer means published after this */
	const char *notice;		/* a warning shown at the top, or NULL */
	const struct page_row *rows;
	size_t nrows;
	const struct page_chart *charts;
	size_t ncharts;
	const struct page_count *counts;
	size_t ncounts;
};

/* Appends the whole page: a table of rows (cards on a narrow screen),
 * then the charts; print CSS; the render check (an inline script that
 * marks every chart whose SVG has a non-zero size with
 * data-rendered="yes" and writes the counts into #render-check). */
void page_write(struct fig_buf *out, const struct page *p);

#endif
