/* cmd-report.c: `figtrack report --out DIR`: the diff of a report's
 * figures against newer sources as one self-contained page,
 * DIR/index.html, with each series' chart inline (gnuplot's SVG; the
 * scripts and charts stay in DIR/charts). */
#include <sys/stat.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "figtrack/buf.h"
#include "figtrack/cmd.h"
#include "figtrack/diff.h"
#include "figtrack/gp.h"
#include "figtrack/page.h"
#include "figtrack/plotset.h"
#include "figtrack/store.h"
#include "figtrack/units.h"

static const char usage[] =
    "usage: figtrack report --out DIR [--db PATH] [--baseline DOC]\n"
    "                       [--since DATE] [--tolerance REL] [--style FILE]\n\n"
    "Writes DIR/index.html, one self-contained page (no file, script or\n"
    "font fetched from elsewhere; readable on a phone; printable): the\n"
    "baseline report's figures with their diff class (as `figtrack diff`\n"
    "decides it), the baseline and newer values, the quotes and their\n"
    "sources (document, line, publication date, linked where a URL is\n"
    "known), and the chart of each series as inline SVG. DIR is created\n"
    "when missing; the gnuplot scripts and SVG charts the page embeds are\n"
    "kept in DIR/charts. Without gnuplot the page is written without\n"
    "charts and says so.\n\n"
    "Options:\n"
    "  -o, --out DIR        where to write (required)\n"
    "  -d, --db PATH        database (default $FIGTRACK_DB or figtrack.db)\n"
    "  -b, --baseline DOC   baseline document: id, title or path (default:\n"
    "                       the oldest report)\n"
    "  -S, --since DATE     newer means published on or after DATE\n"
    "  -t, --tolerance REL  relative difference that still confirms: 0.005\n"
    "                       or 0.5% (default 0.5%)\n"
    "  -s, --style FILE     the charts' shared gnuplot style\n"
    "  -h, --help           this text\n\n"
    "See docs/report.md. Exit status: 0 the page was written (with or\n"
    "without charts), 2 trouble.\n";

static int cmd_report(int argc, char **argv);

const struct fig_cmd cmd_report_entry = {
	"report", "write a self-contained HTML page of the diff with charts",
	usage, cmd_report
};

/* A document as the page links it. */
struct rdoc {
	long long id;
	char *name;		/* title, else path */
	char *url;
	char published[16];
	char kind[16];
};

/* A claim's own source URL (from its reference or import row). */
struct curl {
	long long doc_id;
	long line;
	char *quote;
	char *url;
};

/* A series the page charts. */
struct rseries {
	const char *metric, *entity, *partner;	/* borrowed from the diff */
	int chart;		/* index of its chart on the page */
};

struct report {
	struct fig_diff *d;
	struct rdoc *docs;
	size_t ndocs, capdocs;
	struct curl *urls;
	size_t nurls, capurls;
	struct rseries *series;
	size_t nseries;
	long long baseline_id;
};

static int
on_doc(void *ctx, const struct fig_doc *d)
{
	struct report *r = ctx;
	struct rdoc *x;

	if (r->ndocs == r->capdocs) {
		r->capdocs = r->capdocs ? 2 * r->capdocs : 16;
		r->docs = xrealloc(r->docs, r->capdocs * sizeof *r->docs);
	}
	x = &r->docs[r->ndocs++];
	memset(x, 0, sizeof *x);
	x->id = d->id;
	x->name = xstrdup(d->title && d->title[0] ? d->title : d->path ?
	    d->path : "");
	x->url = xstrdup(d->url ? d->url : "");
	snprintf(x->published, sizeof x->published, "%s", d->published);
	snprintf(x->kind, sizeof x->kind, "%s", d->kind);
	return 0;
}

static const struct rdoc *
find_doc(const struct report *r, long long id)
{
	for (size_t i = 0; i < r->ndocs; i++)
		if (r->docs[i].id == id)
			return &r->docs[i];
	return NULL;
}

static void
keep_url(struct report *r, const struct fig_row *row)
{
	struct curl *u;

	if (!row->source_url || !row->source_url[0] || !row->doc)
		return;
	if (r->nurls == r->capurls) {
		r->capurls = r->capurls ? 2 * r->capurls : 64;
		r->urls = xrealloc(r->urls, r->capurls * sizeof *r->urls);
	}
	u = &r->urls[r->nurls++];
	u->doc_id = row->doc->id;
	u->line = row->claim.line;
	u->quote = xstrdup(row->claim.quote);
	u->url = xstrdup(row->source_url);
}

/* The claim's own source URL, else its document's. */
static const char *
find_url(const struct report *r, long long doc_id, long line,
    const char *quote)
{
	const struct rdoc *d;

	for (size_t i = 0; i < r->nurls; i++)
		if (r->urls[i].doc_id == doc_id && r->urls[i].line == line &&
		    strcmp(r->urls[i].quote, quote) == 0)
			return r->urls[i].url;
	d = find_doc(r, doc_id);
	return d ? d->url : NULL;
}

/* When a figure was published: an imported dataset's row gives its own
 * date (the store's figure walk does the same for diff). */
static const char *
row_published(const struct fig_row *row)
{
	if (row->doc && strcmp(row->doc->kind, "dataset") == 0 &&
	    row->source_date && row->source_date[0])
		return row->source_date;
	return row->doc ? row->doc->published : "";
}

/* The name rows give a document: its title, else its path. */
static const char *
row_doc_name(const struct fig_row *row)
{
	if (row->doc == NULL)
		return "";
	if (row->doc->title && row->doc->title[0])
		return row->doc->title;
	return row->doc->path ? row->doc->path : "";
}

static int
on_base(void *ctx, const struct fig_row *row)
{
	struct report *r = ctx;
	struct fig_diff_src src = { row->doc ? row->doc->id : 0,
	    row_doc_name(row), row_published(row) };

	keep_url(r, row);
	diff_add_baseline(r->d, &row->claim, &src);
	return 0;
}

static int
on_newer(void *ctx, const struct fig_row *row)
{
	struct report *r = ctx;
	struct fig_diff_src src = { row->doc ? row->doc->id : 0,
	    row_doc_name(row), row_published(row) };

	if (row->doc && row->doc->id == r->baseline_id)
		return 0;
	keep_url(r, row);
	diff_add_newer(r->d, &row->claim, &src);
	return 0;
}

static int
find_series(const struct report *r, const char *metric, const char *entity,
    const char *partner)
{
	for (size_t i = 0; i < r->nseries; i++)
		if (strcmp(r->series[i].metric, metric) == 0 &&
		    strcmp(r->series[i].entity, entity) == 0 &&
		    strcmp(r->series[i].partner, partner) == 0)
			return (int)i;
	return -1;
}

/* plotset filter: only the series the page lists. */
static int
want_series(void *ctx, const char *metric, const char *entity,
    const char *partner)
{
	return find_series(ctx, metric, entity, partner) >= 0;
}

/* --- figures as text ------------------------------------------------------ */

static void
add_number(struct fig_buf *b, double v, const char *unit)
{
	static const struct { double f; const char *w; } sc[] = {
		{ 1e12, " tn" }, { 1e9, " bn" }, { 1e6, " m" }, { 0, "" }
	};
	char num[64];
	int i = 0, money = strlen(unit) == 3 && unit[0] >= 'a' &&
	    unit[0] <= 'z' && unit[1] >= 'a' && unit[1] <= 'z' &&
	    unit[2] >= 'a' && unit[2] <= 'z';

	while (sc[i].f != 0 && fabs(v) < sc[i].f)
		i++;
	if (sc[i].f != 0)
		v = round(v / sc[i].f * 1000) / 1000;
	claim_fmt_number(v, num, sizeof num);
	if (money) {
		for (int k = 0; k < 3; k++)
			buf_addc(b, unit[k] - 'a' + 'A');
		buf_addc(b, ' ');
	}
	buf_adds(b, num);
	buf_adds(b, sc[i].w);
	if (money)
		return;
	if (strcmp(unit, "percent") == 0)
		buf_adds(b, " %");
	else if (strcmp(unit, "percentage_point") == 0)
		buf_adds(b, " pp");
	else if (unit[0] && strcmp(unit, "count") != 0)
		buf_addf(b, " %s", strncmp(unit, "other:", 6) == 0 ? unit + 6 :
		    unit);
}

/* "~57 % (2020)", "30-40 % (2021)", ">80 % (2015), target" */
static char *
fig_text(const struct fig_diff_fig *f, const char *unit)
{
	struct fig_buf b = FIG_BUF_INIT;
	const char *sign = "";

	switch (f->qual) {
	case FIG_Q_APPROX: sign = "~"; break;
	case FIG_Q_MORE_THAN: sign = ">"; break;
	case FIG_Q_AT_LEAST: sign = "\xE2\x89\xA5"; break;
	case FIG_Q_LESS_THAN: sign = "<"; break;
	case FIG_Q_AT_MOST: sign = "\xE2\x89\xA4"; break;
	case FIG_Q_ALMOST: sign = "almost "; break;
	default: break;
	}
	if (f->qual == FIG_Q_RANGE && f->has_low && f->has_high) {
		add_number(&b, f->low, "");
		buf_adds(&b, "\xE2\x80\x93");
		add_number(&b, f->high, unit);
	} else {
		buf_adds(&b, sign);
		add_number(&b, f->value, unit);
	}
	if (f->period && f->period[0])
		buf_addf(&b, " (%s)", f->period);
	if (f->kind == FIG_PK_TARGET)
		buf_adds(&b, ", target");
	else if (f->kind == FIG_PK_FORECAST)
		buf_adds(&b, ", forecast");
	return buf_detach(&b);
}

/* A change between two percentages is in percentage points, never a
 * relative change of a percentage. */
static char *
change_text(const struct fig_diff_row *r)
{
	struct fig_buf b = FIG_BUF_INIT;
	int pct = strcmp(r->unit, "percent") == 0 ||
	    strcmp(r->unit, "percentage_point") == 0;

	if (!r->has_change)
		return xstrdup("");
	if (r->change_abs > 0)
		buf_addc(&b, '+');
	add_number(&b, r->change_abs, pct ? "percentage_point" : r->unit);
	if (r->has_rel && !pct)
		buf_addf(&b, " (%+.1f %%)", r->change_rel * 100);
	return buf_detach(&b);
}

/* --- the command ---------------------------------------------------------- */

/* Reads DIR/charts/NAME.svg into the page's form of it. */
static char *
read_chart(const char *path, const char *prefix, const char *label,
    struct fig_err *err)
{
	struct fig_buf svg = FIG_BUF_INIT, out = FIG_BUF_INIT;
	char chunk[8192];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (f == NULL) {
		err_set(err, FIG_EIO, path, 0, 0, "cannot read: %s",
		    strerror(errno));
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&svg, chunk, n);
	if (ferror(f)) {
		err_set(err, FIG_EIO, path, 0, 0, "cannot read: %s",
		    strerror(errno));
		fclose(f);
		buf_release(&svg);
		return NULL;
	}
	fclose(f);
	if (page_svg_inline(&out, buf_str(&svg), svg.len, prefix, label,
	    err) < 0) {
		snprintf(err->file, sizeof err->file, "%s", path);
		buf_release(&svg);
		return NULL;
	}
	buf_release(&svg);
	return buf_detach(&out);
}

static int
cmd_report(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "baseline", required_argument, NULL, 'b' },
		{ "since", required_argument, NULL, 'S' },
		{ "tolerance", required_argument, NULL, 't' },
		{ "out", required_argument, NULL, 'o' },
		{ "style", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct fig_cmd *cmd = &cmd_report_entry;
	const char *db = NULL, *baseline = NULL, *since = NULL;
	const char *style_opt = NULL;
	char *dir = NULL, *slash, style_path[PATH_MAX];
	double tolerance = FIG_DIFF_TOLERANCE;
	struct fig_store *store = NULL;
	struct fig_doc base;
	struct fig_diff_opts dopt;
	struct fig_units *units = NULL;
	struct fig_query q;
	struct fig_err err;
	struct report r;
	struct plotset ps;
	struct plotset_opts po;
	struct fig_buf charts_dir = FIG_BUF_INIT, path = FIG_BUF_INIT;
	struct fig_buf html = FIG_BUF_INIT, notice = FIG_BUF_INIT;
	struct page_row *rows = NULL;
	struct page_chart *charts = NULL;
	struct page_count counts[FIG_D_COUNT_];
	struct page pg;
	char **texts = NULL;
	size_t nrows = 0, ntexts = 0, n, ncounts = 0, ndrawn = 0;
	int opt, rc = FIG_EXIT_TROUBLE, gnuplot = 1;
	const struct rdoc *bdoc;

	memset(&base, 0, sizeof base);
	memset(&r, 0, sizeof r);
	memset(&ps, 0, sizeof ps);
	memset(&po, 0, sizeof po);
	memset(&pg, 0, sizeof pg);
	err_clear(&err);
	while ((opt = getopt_long(argc, argv, "d:b:S:t:o:s:h", longopts,
	    NULL)) != -1) {
		switch (opt) {
		case 'd': db = optarg; break;
		case 'b': baseline = optarg; break;
		case 'S':
			if (store_date_valid(optarg) != 0)
				return cmd_usage_error(cmd, "--since '%s' is not "
				    "a date YYYY[-MM[-DD]]", optarg);
			since = optarg;
			break;
		case 't':
			if (diff_parse_tolerance(optarg, &tolerance) != 0)
				return cmd_usage_error(cmd, "--tolerance '%s' is "
				    "not a relative difference such as 0.005 or "
				    "0.5%%", optarg);
			break;
		case 'o': dir = optarg; break;
		case 's': style_opt = optarg; break;
		case 'h': return cmd_help(cmd);
		default: return cmd_usage_error(cmd, "unknown option");
		}
	}
	if (optind < argc)
		return cmd_usage_error(cmd, "unexpected argument '%s'",
		    argv[optind]);
	if (dir == NULL || *dir == '\0')
		return cmd_usage_error(cmd, "give the output directory with "
		    "--out DIR");
	dir = xstrdup(dir);
	while (strlen(dir) > 1 && (slash = strrchr(dir, '/')) &&
	    slash[1] == '\0')
		*slash = '\0';

	/* the output directory first: a bad one fails before any work */
	if (plotset_make_dirs(dir, &err) < 0)
		goto fail;
	if (access(dir, W_OK | X_OK) < 0) {
		err_set(&err, FIG_EIO, dir, 0, 0, "cannot write into the "
		    "directory: %s", strerror(errno));
		goto fail;
	}

	/* the baseline and the documents */
	if (store_open(&store, store_default_path(db), FIG_STORE_RDONLY,
	    &err) < 0)
		goto fail;
	if (store_doc_baseline(store, baseline, &base, &err) < 0)
		goto fail;
	if (!since && !base.published[0]) {
		err_set(&err, FIG_EUSAGE, store_path(store), 0, 0, "the "
		    "baseline has no publication date: give --since DATE");
		goto fail;
	}
	if (store_each_doc(store, on_doc, &r, &err) < 0)
		goto fail;
	r.baseline_id = base.id;

	/* the diff, as `figtrack diff` makes it */
	memset(&dopt, 0, sizeof dopt);
	dopt.tolerance = tolerance;
	dopt.after = since ? since : base.published;
	dopt.inclusive = since != NULL;
	dopt.baseline_doc = base.id;
	/* units of one kind compare converted, as in `figtrack diff` */
	units = units_open(NULL);
	dopt.units = units;
	r.d = diff_new(&dopt);
	memset(&q, 0, sizeof q);
	q.doc_id = base.id;
	if (store_each_claim(store, &q, on_base, &r, &err) < 0)
		goto fail;
	memset(&q, 0, sizeof q);
	q.with_metric = 1;
	if (store_each_claim(store, &q, on_newer, &r, &err) < 0)
		goto fail;
	n = diff_run(r.d);

	/* the rows that decide, and their series */
	rows = xcalloc(n ? n : 1, sizeof *rows);
	texts = xcalloc(3 * (n ? n : 1), sizeof *texts);
	r.series = xcalloc(n ? n : 1, sizeof *r.series);
	for (size_t i = 0; i < n; i++) {
		struct fig_diff_row dr;
		struct page_row *pr;
		const char *name;
		int si;

		if (!diff_row_latest(r.d, i))
			continue;
		diff_row(r.d, i, &dr);
		pr = &rows[nrows++];
		name = diff_class_name(dr.cls);
		pr->cls = name && name[0] ? name : "unknown";
		pr->metric = dr.metric;
		pr->entity = dr.entity;
		pr->partner = dr.partner;
		pr->unit = dr.unit;
		pr->has_base = dr.has_base;
		pr->has_newer = dr.has_newer;
		pr->base_value = pr->newer_value = "";
		if (dr.has_base) {
			pr->base_value = texts[ntexts++] = fig_text(&dr.base,
			    dr.unit);
			pr->base.doc = dr.base.src->doc;
			pr->base.line = dr.base.line;
			pr->base.published = dr.base.src->published;
			pr->base.quote = dr.base.quote;
			pr->base.url = find_url(&r, dr.base.src->doc_id,
			    dr.base.line, dr.base.quote);
		}
		if (dr.has_newer) {
			pr->newer_value = texts[ntexts++] = fig_text(&dr.newer,
			    dr.unit);
			pr->newer.doc = dr.newer.src->doc;
			pr->newer.line = dr.newer.line;
			pr->newer.published = dr.newer.src->published;
			pr->newer.quote = dr.newer.quote;
			pr->newer.url = find_url(&r, dr.newer.src->doc_id,
			    dr.newer.line, dr.newer.quote);
		}
		pr->change = texts[ntexts++] = change_text(&dr);
		si = find_series(&r, dr.metric, dr.entity, dr.partner);
		if (si < 0) {
			si = (int)r.nseries++;
			r.series[si].metric = dr.metric;
			r.series[si].entity = dr.entity;
			r.series[si].partner = dr.partner;
		}
		pr->chart = si;
	}
	for (int c = 0; c < FIG_D_COUNT_; c++) {
		const char *name = diff_class_name((enum fig_dclass)c);
		counts[ncounts].cls = name && name[0] ? name : "unknown";
		counts[ncounts++].n = diff_stats(r.d)->decided[c];
	}

	/* the charts: scripts in DIR/charts, rendered, read back */
	charts = xcalloc(r.nseries ? r.nseries : 1, sizeof *charts);
	for (size_t i = 0; i < r.nseries; i++) {
		charts[i].metric = r.series[i].metric;
		charts[i].entity = r.series[i].entity;
		charts[i].partner = r.series[i].partner;
		charts[i].note = "no figure of this series can be placed in time";
	}
	buf_addf(&charts_dir, "%s/charts", dir);
	if (r.nseries > 0) {
		if (plotset_find_style(style_opt, style_path, &err) < 0 ||
		    plotset_make_dirs(charts_dir.data, &err) < 0)
			goto fail;
		po.dir = charts_dir.data;
		po.format = "svg";
		po.style_path = style_path;
		po.baseline_id = base.id;
		po.want = want_series;
		po.want_ctx = &r;
		if (plotset_write(store, &po, &ps, &err) < 0)
			goto fail;
		if (!gp_have_program("gnuplot")) {
			gnuplot = 0;
			buf_addf(&notice, "gnuplot was not found, so this page "
			    "has no charts; %s, then run figtrack report again.",
			    gp_install_hint);
			fprintf(stderr, "figtrack: report: gnuplot not found, so "
			    "the page has no charts; %s\n", gp_install_hint);
		} else
			plotset_render(&ps, charts_dir.data, "svg");
		if (plotset_write_index(&ps, charts_dir.data, "svg", &err) < 0)
			goto fail;
	}
	store_close(store);
	store = NULL;
	for (size_t i = 0; i < ps.n; i++) {
		const struct plotset_entry *e = &ps.entries[i];
		int si = find_series(&r, e->metric, e->entity, e->partner);
		struct fig_buf label = FIG_BUF_INIT, prefix = FIG_BUF_INIT;
		struct fig_err cerr;

		if (si < 0)
			continue;
		if (!gnuplot) {
			charts[si].note = "no chart: gnuplot is not installed";
			continue;
		}
		if (e->failed) {
			cmd_fail(&e->err);
			charts[si].note = "no chart: gnuplot failed on it (see "
			    "the command's messages)";
			continue;
		}
		buf_reset(&path);
		buf_addf(&path, "%s/%s.svg", charts_dir.data, e->name);
		buf_addf(&label, "chart of %s", e->metric);
		if (e->entity[0])
			buf_addf(&label, " (%s)", e->entity);
		buf_addf(&prefix, "c%d-", si + 1);
		err_clear(&cerr);
		charts[si].svg = read_chart(path.data, prefix.data, label.data,
		    &cerr);
		if (charts[si].svg == NULL) {
			cmd_fail(&cerr);
			charts[si].note = "no chart: its SVG could not be used "
			    "(see the command's messages)";
		} else
			ndrawn++;
		buf_release(&label);
		buf_release(&prefix);
	}

	/* the page */
	bdoc = find_doc(&r, base.id);
	pg.baseline = bdoc ? bdoc->name : "";
	pg.baseline_published = base.published;
	pg.baseline_url = bdoc ? bdoc->url : NULL;
	pg.since = since ? since : base.published;
	pg.notice = notice.len ? notice.data : NULL;
	pg.rows = rows;
	pg.nrows = nrows;
	pg.charts = charts;
	pg.ncharts = r.nseries;
	pg.counts = counts;
	pg.ncounts = ncounts;
	page_write(&html, &pg);
	buf_reset(&path);
	buf_addf(&path, "%s/index.html", dir);
	if (gp_write_file(path.data, html.data, html.len, &err) < 0)
		goto fail;
	printf("%s: %zu row%s, %zu of %zu chart%s\n", path.data, nrows,
	    nrows == 1 ? "" : "s", ndrawn, r.nseries,
	    r.nseries == 1 ? "" : "s");
	rc = FIG_EXIT_OK;
	goto out;
fail:
	cmd_fail(&err);
	rc = FIG_EXIT_TROUBLE;
out:
	units_free(units);
	if (store)
		store_close(store);
	store_doc_release(&base);
	for (size_t i = 0; i < ntexts; i++)
		free(texts[i]);
	free(texts);
	if (charts)
		for (size_t i = 0; i < r.nseries; i++)
			free((char *)charts[i].svg);
	free(charts);
	free(rows);
	free(r.series);
	for (size_t i = 0; i < r.ndocs; i++) {
		free(r.docs[i].name);
		free(r.docs[i].url);
	}
	free(r.docs);
	for (size_t i = 0; i < r.nurls; i++) {
		free(r.urls[i].quote);
		free(r.urls[i].url);
	}
	free(r.urls);
	diff_free(r.d);
	plotset_release(&ps);
	buf_release(&charts_dir);
	buf_release(&path);
	buf_release(&html);
	buf_release(&notice);
	free(dir);
	return rc;
}
