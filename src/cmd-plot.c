/* cmd-plot.c: `figtrack plot`: one self-contained gnuplot script per series
 * (metric, entity) comparing the baseline report's figures with later
 * ones, an index of what was written, and optionally the rendered charts. */
#include <sys/stat.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "figtrack/buf.h"
#include "figtrack/claim.h"
#include "figtrack/cmd.h"
#include "figtrack/gp.h"
#include "figtrack/store.h"

#define SHORT_NAME_MAX 28	/* characters of a source's name on a chart */

static const char usage[] =
    "usage: figtrack plot [--db FILE] [--metric M] [--entity E]\n"
    "                     [--baseline DOC] [--out DIR] [--render FORMAT]\n"
    "                     [--style FILE]\n\n"
    "Writes one self-contained gnuplot script per series (metric and\n"
    "entity), DIR/METRIC--ENTITY.gp with its data inline, comparing the\n"
    "baseline report's figures with what came after, plus DIR/index.csv\n"
    "listing what was written; then renders each script with gnuplot.\n"
    "Only series with at least one figure that has a metric are drawn.\n\n"
    "Options:\n"
    "  -d, --db FILE        database (default $FIGTRACK_DB, else figtrack.db)\n"
    "  -m, --metric M       only series of metric M\n"
    "  -e, --entity E       only series about entity E\n"
    "  -b, --baseline DOC   the report to compare (id, exact title or path;\n"
    "                       default: the oldest report)\n"
    "  -o, --out DIR        where to write (default plots/out)\n"
    "  -r, --render FORMAT  svg (default), png, pdf, or none to only write\n"
    "                       the scripts\n"
    "  -s, --style FILE     the shared style file every script loads (default\n"
    "                       $FIGTRACK_STYLE, else plots/style.gp here or in\n"
    "                       figtrack's source tree or install)\n"
    "  -h, --help           this text\n\n"
    "Re-run a script by hand from DIR: gnuplot NAME.gp (see docs/plot.md).\n"
    "Exit status: 0 written (and rendered), 2 trouble: bad options, no\n"
    "series, gnuplot missing or failing (the scripts are written anyway).\n";

static int cmd_plot(int argc, char **argv);

const struct fig_cmd cmd_plot_entry = {
	"plot",
	"write gnuplot charts comparing a report's figures with later ones",
	usage,
	cmd_plot
};

/* One figure kept for the series being collected. */
struct item {
	struct fig_claim claim;	/* owned copy; claim.doc is NULL */
	long long doc_id;
	char *source;		/* owned: short name */
	char *label;		/* owned: text by the point, or NULL */
	char published[16];
	int baseline;
};

/* One line of the index. */
struct entry {
	char *metric, *entity, *partner, *name;	/* owned */
	char unit[FIG_UNIT_MAX];
	long figures;
	int sources;
	int rendered;
};

struct plot {
	const char *dir;		/* output directory as given */
	const char *format;		/* svg png pdf */
	const char *style;		/* style file base name */
	const char *style_dirs[3];	/* loadpath entries, NULL-ended */
	long long baseline_id;		/* 0: none */
	/* the series being collected */
	char metric[FIG_METRIC_MAX];
	char entity[FIG_ENTITY_MAX];
	char partner[FIG_ENTITY_MAX];
	struct item *items;
	size_t nitems, capitems;
	/* what was written */
	struct entry *entries;
	size_t nentries, capentries;
	long skipped_series;
	struct fig_err err;
	int failed;
};

static void
items_clear(struct plot *p)
{
	for (size_t i = 0; i < p->nitems; i++) {
		claim_release(&p->items[i].claim);
		free(p->items[i].source);
		free(p->items[i].label);
	}
	p->nitems = 0;
}

/* A name not used yet in this run, compared without case so that the
 * files stay apart on case-insensitive file systems too. */
static void
unique_name(struct plot *p, struct fig_buf *name)
{
	size_t base = name->len;

	for (int n = 2;; n++) {
		size_t i;
		for (i = 0; i < p->nentries; i++)
			if (strcasecmp(p->entries[i].name, name->data) == 0)
				break;
		if (i == p->nentries)
			return;
		name->len = base;
		name->data[base] = '\0';
		buf_addf(name, "-%d", n);
	}
}

/* Writes the script of the series collected so far. */
static int
flush_series(struct plot *p)
{
	struct fig_buf name = FIG_BUF_INIT, script = FIG_BUF_INIT;
	struct fig_buf path = FIG_BUF_INIT;
	struct gp_point *pts;
	struct gp_chart chart;
	struct gp_result res;
	struct fig_err err;
	struct entry *e;
	int rc = 0;

	if (p->nitems == 0)
		return 0;
	gp_file_name(&name, p->metric);
	if (p->entity[0]) {
		buf_adds(&name, "--");
		gp_file_name(&name, p->entity);
	}
	if (p->partner[0]) {
		buf_adds(&name, "--");
		gp_file_name(&name, p->partner);
	}
	unique_name(p, &name);

	pts = xcalloc(p->nitems, sizeof *pts);
	for (size_t i = 0; i < p->nitems; i++) {
		pts[i].claim = &p->items[i].claim;
		pts[i].source_id = p->items[i].doc_id;
		pts[i].source = p->items[i].source;
		pts[i].published = p->items[i].published;
		pts[i].label = p->items[i].label;
		pts[i].baseline = p->items[i].baseline;
	}
	memset(&chart, 0, sizeof chart);
	chart.metric = p->metric;
	chart.entity = p->entity;
	chart.partner = p->partner;
	chart.name = name.data;
	chart.format = p->format;
	chart.style = p->style;
	chart.style_dirs = p->style_dirs;
	chart.points = pts;
	chart.npoints = p->nitems;
	err_clear(&err);
	if (gp_write_script(&script, &chart, &res, &err) < 0) {
		/* nothing to draw in this series: say so, go on */
		fprintf(stderr, "figtrack: plot: %s; skipped\n", err.msg);
		p->skipped_series++;
		goto out;
	}
	buf_addf(&path, "%s/%s.gp", p->dir, name.data);
	if (gp_write_file(path.data, script.data, script.len, &p->err) < 0) {
		rc = -1;
		goto out;
	}
	if (res.skipped_unit)
		fprintf(stderr, "figtrack: plot: %s: %ld figure%s in another "
		    "unit than '%s' left out\n", path.data, res.skipped_unit,
		    res.skipped_unit == 1 ? "" : "s", res.unit);
	if (res.skipped_time)
		fprintf(stderr, "figtrack: plot: %s: %ld figure%s with no "
		    "period and no dated source left out\n", path.data,
		    res.skipped_time, res.skipped_time == 1 ? "" : "s");
	if (p->nentries == p->capentries) {
		p->capentries = p->capentries ? 2 * p->capentries : 16;
		p->entries = xrealloc(p->entries,
		    p->capentries * sizeof *p->entries);
	}
	e = &p->entries[p->nentries++];
	memset(e, 0, sizeof *e);
	e->metric = xstrdup(p->metric);
	e->entity = xstrdup(p->entity);
	e->partner = xstrdup(p->partner);
	e->name = buf_detach(&name);
	snprintf(e->unit, sizeof e->unit, "%s", res.unit);
	e->figures = res.plotted;
	e->sources = res.sources;
out:
	free(pts);
	buf_release(&name);
	buf_release(&script);
	buf_release(&path);
	items_clear(p);
	return rc;
}

/* store_each_claim callback: rows come ordered by metric, entity and
 * partner, so a series ends where one of them changes. */
static int
on_row(void *ctx, const struct fig_row *r)
{
	struct plot *p = ctx;
	const struct fig_claim *c = &r->claim;
	struct fig_buf shortname = FIG_BUF_INIT;
	struct item *it;

	if (c->metric[0] == '\0')
		return 0;
	if (strcmp(c->metric, p->metric) != 0 ||
	    strcmp(c->entity, p->entity) != 0 ||
	    strcmp(c->partner, p->partner) != 0) {
		if (flush_series(p) < 0) {
			p->failed = 1;
			return -1;
		}
		snprintf(p->metric, sizeof p->metric, "%s", c->metric);
		snprintf(p->entity, sizeof p->entity, "%s", c->entity);
		snprintf(p->partner, sizeof p->partner, "%s", c->partner);
	}
	if (p->nitems == p->capitems) {
		p->capitems = p->capitems ? 2 * p->capitems : 64;
		p->items = xrealloc(p->items, p->capitems * sizeof *p->items);
	}
	it = &p->items[p->nitems++];
	claim_copy(&it->claim, c);
	it->claim.doc = NULL;
	it->doc_id = r->doc ? r->doc->id : 0;
	gp_short_name(&shortname, r->doc ? r->doc->title : NULL,
	    r->doc ? r->doc->path : NULL, SHORT_NAME_MAX);
	it->source = buf_detach(&shortname);
	snprintf(it->published, sizeof it->published, "%s",
	    r->doc ? r->doc->published : "");
	/* a dataset holds figures of many vintages: each point shows the
	 * date its row gives, the key the dataset's latest */
	it->label = NULL;
	if (r->doc && strcmp(r->doc->kind, "dataset") == 0 &&
	    r->source_date && r->source_date[0] &&
	    strcmp(r->source_date, r->doc->published) != 0) {
		buf_addf(&shortname, "%s %s", it->source, r->source_date);
		it->label = buf_detach(&shortname);
	}
	it->baseline = r->doc && p->baseline_id && r->doc->id == p->baseline_id;
	return 0;
}

/* store_each_doc callback: the first report, oldest first. */
static int
on_doc(void *ctx, const struct fig_doc *d)
{
	struct fig_doc *first = ctx;

	if (first->id == 0 && strcmp(d->kind, "report") == 0) {
		first->id = d->id;
		first->title = xstrdup(d->title ? d->title : "");
		snprintf(first->published, sizeof first->published, "%s",
		    d->published);
	}
	return 0;
}

/* mkdir -p */
static int
make_dirs(const char *dir, struct fig_err *err)
{
	char *p = xstrdup(dir), *s;
	struct stat st;
	int rc = 0;

	for (s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0777) < 0 && errno != EEXIST) {
			rc = err_set(err, FIG_EIO, p, 0, 0,
			    "cannot create directory: %s", strerror(errno));
			break;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	if (rc == 0 && (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)))
		rc = err_set(err, FIG_EIO, dir, 0, 0, "not a directory");
	free(p);
	return rc;
}

static int
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Finds the shared style file: --style, $FIGTRACK_STYLE, plots/style.gp
 * here, then next to the figtrack binary (the source tree, build/san, or
 * an install under PREFIX/share/figtrack). Sets out to its real path. */
static int
find_style(const char *opt, char *out, struct fig_err *err)
{
	static const char *const near_exe[] = { "plots/style.gp",
	    "../../plots/style.gp", "../share/figtrack/plots/style.gp", NULL };
	const char *env = getenv("FIGTRACK_STYLE");
	char exe[PATH_MAX], cand[PATH_MAX + 64];
	ssize_t n;

	if (opt || (env && *env)) {
		const char *f = opt ? opt : env;
		if (!is_file(f) || realpath(f, out) == NULL)
			return err_set(err, FIG_EUSAGE, f, 0, 0,
			    "cannot read the style file");
		return 0;
	}
	if (is_file("plots/style.gp") && realpath("plots/style.gp", out))
		return 0;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		char *slash;
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		for (int i = 0; near_exe[i]; i++) {
			snprintf(cand, sizeof cand, "%s/%s", exe, near_exe[i]);
			if (is_file(cand) && realpath(cand, out))
				return 0;
		}
	}
	return err_set(err, FIG_EUSAGE, "plots/style.gp", 0, 0,
	    "cannot find the shared style file; run from figtrack's source "
	    "tree or pass --style FILE");
}

/* Renders every script; returns the number of failures. */
static int
render_all(struct plot *p)
{
	struct fig_buf script = FIG_BUF_INIT, log = FIG_BUF_INIT;
	int failures = 0;

	for (size_t i = 0; i < p->nentries; i++) {
		struct fig_err err;
		/* no stale chart survives a failed render, and gnuplot never
		 * writes through a link left in DIR */
		buf_reset(&script);
		buf_addf(&script, "%s/%s.%s", p->dir, p->entries[i].name,
		    p->format);
		if (unlink(script.data) < 0 && errno != ENOENT) {
			err_set(&err, FIG_EIO, script.data, 0, 0,
			    "cannot replace: %s", strerror(errno));
			cmd_fail(&err);
			failures++;
			continue;
		}
		buf_reset(&script);
		buf_addf(&script, "%s.gp", p->entries[i].name);
		err_clear(&err);
		if (gp_run("gnuplot", p->dir, script.data, &log, &err) < 0) {
			cmd_fail(&err);
			failures++;
		} else
			p->entries[i].rendered = 1;
	}
	buf_release(&script);
	buf_release(&log);
	return failures;
}

static int
write_index(struct plot *p, struct fig_err *err)
{
	static const char *const names[] = { "metric", "entity", "partner",
	    "unit", "figures", "sources", "script", "chart" };
	struct fig_buf path = FIG_BUF_INIT, script = FIG_BUF_INIT;
	struct fig_buf chart = FIG_BUF_INIT;
	char *data = NULL;
	size_t len = 0;
	FILE *f;
	int rc;

	if ((f = open_memstream(&data, &len)) == NULL)
		return err_set(err, FIG_EIO, NULL, 0, 0, "out of memory");
	rec_write_header(f, FIG_FMT_CSV, names, 8);
	for (size_t i = 0; i < p->nentries; i++) {
		const struct entry *e = &p->entries[i];
		char figures[32], sources[32];
		const char *vals[8];
		snprintf(figures, sizeof figures, "%ld", e->figures);
		snprintf(sources, sizeof sources, "%d", e->sources);
		buf_reset(&script);
		buf_addf(&script, "%s.gp", e->name);
		buf_reset(&chart);
		if (e->rendered)
			buf_addf(&chart, "%s.%s", e->name, p->format);
		vals[0] = e->metric;
		vals[1] = e->entity;
		vals[2] = e->partner;
		vals[3] = e->unit;
		vals[4] = figures;
		vals[5] = sources;
		vals[6] = script.data;
		vals[7] = buf_str(&chart);
		rec_write_row(f, FIG_FMT_CSV, names, vals, 8);
	}
	fclose(f);
	buf_addf(&path, "%s/index.csv", p->dir);
	rc = gp_write_file(path.data, data, len, err);
	free(data);
	buf_release(&path);
	buf_release(&script);
	buf_release(&chart);
	return rc;
}

static int
cmd_plot(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "metric", required_argument, NULL, 'm' },
		{ "entity", required_argument, NULL, 'e' },
		{ "baseline", required_argument, NULL, 'b' },
		{ "out", required_argument, NULL, 'o' },
		{ "render", required_argument, NULL, 'r' },
		{ "style", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *db = NULL, *metric = NULL, *entity = NULL;
	const char *baseline = NULL, *style_opt = NULL;
	char *dir = NULL, *rel_out = NULL, *rel_here = NULL;
	char style_path[PATH_MAX], dir_real[PATH_MAX], here[PATH_MAX];
	const char *render = "svg";
	struct fig_store *store = NULL;
	struct fig_doc base;
	struct fig_query q;
	struct plot p;
	int opt, rc = FIG_EXIT_TROUBLE, failures = 0, gnuplot_missing = 0;
	char *slash;

	memset(&p, 0, sizeof p);
	memset(&base, 0, sizeof base);
	while ((opt = getopt_long(argc, argv, "d:m:e:b:o:r:s:h", longopts,
	    NULL)) != -1) {
		switch (opt) {
		case 'd': db = optarg; break;
		case 'm': metric = optarg; break;
		case 'e': entity = optarg; break;
		case 'b': baseline = optarg; break;
		case 'o': dir = optarg; break;
		case 'r': render = optarg; break;
		case 's': style_opt = optarg; break;
		case 'h': return cmd_help(&cmd_plot_entry);
		default: return cmd_usage_error(&cmd_plot_entry,
		    "unknown option");
		}
	}
	if (optind < argc)
		return cmd_usage_error(&cmd_plot_entry, "unexpected argument "
		    "'%s'", argv[optind]);
	if (strcmp(render, "svg") && strcmp(render, "png") &&
	    strcmp(render, "pdf") && strcmp(render, "none"))
		return cmd_usage_error(&cmd_plot_entry, "--render must be svg, "
		    "png, pdf or none, not '%s'", render);
	if (dir && *dir == '\0')
		return cmd_usage_error(&cmd_plot_entry, "--out is empty");
	dir = xstrdup(dir ? dir : "plots/out");
	/* "plots/out/" -> "plots/out", so that paths print cleanly */
	while (strlen(dir) > 1 && (slash = strrchr(dir, '/')) &&
	    slash[1] == '\0')
		*slash = '\0';
	p.dir = dir;
	p.format = strcmp(render, "none") == 0 ? "svg" : render;

	if (find_style(style_opt, style_path, &p.err) < 0 ||
	    make_dirs(dir, &p.err) < 0)
		goto fail;
	if (realpath(dir, dir_real) == NULL || getcwd(here, sizeof here) ==
	    NULL) {
		err_set(&p.err, FIG_EIO, dir, 0, 0, "cannot resolve: %s",
		    strerror(errno));
		goto fail;
	}
	/* the script finds the style relative to itself first, then relative
	 * to where this command ran (see docs/plot.md) */
	slash = strrchr(style_path, '/');
	*slash = '\0';
	p.style = slash + 1;
	rel_out = gp_relative_path(dir_real, slash == style_path ? "/" :
	    style_path);
	rel_here = gp_relative_path(here, slash == style_path ? "/" :
	    style_path);
	p.style_dirs[0] = rel_out;
	p.style_dirs[1] = strcmp(rel_out, rel_here) ? rel_here : NULL;

	if (store_open(&store, store_default_path(db), FIG_STORE_RDONLY,
	    &p.err) < 0)
		goto fail;
	if (baseline) {
		if (store_doc_find(store, baseline, &base, &p.err) < 0)
			goto fail;
	} else {
		if (store_each_doc(store, on_doc, &base, &p.err) < 0)
			goto fail;
		if (base.id == 0)
			fprintf(stderr, "figtrack: plot: the database holds no "
			    "report; no figure is drawn as the baseline\n");
	}
	p.baseline_id = base.id;

	memset(&q, 0, sizeof q);
	q.metric = metric;
	q.entity = entity;
	q.with_metric = 1;
	if (store_each_claim(store, &q, on_row, &p, &p.err) < 0 || p.failed ||
	    flush_series(&p) < 0)
		goto fail;
	store_close(store);
	store = NULL;

	if (p.nentries == 0) {
		fprintf(stderr, "figtrack: plot: no series to plot");
		if (metric)
			fprintf(stderr, " for metric '%s'", metric);
		if (entity)
			fprintf(stderr, " %s entity '%s'", metric ? "and" :
			    "for", entity);
		fputc('\n', stderr);
		goto fail_quiet;
	}

	if (strcmp(render, "none") != 0) {
		if (!gp_have_program("gnuplot")) {
			gnuplot_missing = 1;
			fprintf(stderr, "figtrack: plot: gnuplot not found, so "
			    "no chart was rendered (the scripts are in %s); "
			    "%s\n", dir, gp_install_hint);
		} else
			failures = render_all(&p);
	}
	if (write_index(&p, &p.err) < 0)
		goto fail;

	for (size_t i = 0; i < p.nentries; i++) {
		printf("%s/%s.gp", dir, p.entries[i].name);
		if (p.entries[i].rendered)
			printf(" -> %s.%s", p.entries[i].name, p.format);
		printf(" (%ld figure%s, %d source%s)\n", p.entries[i].figures,
		    p.entries[i].figures == 1 ? "" : "s", p.entries[i].sources,
		    p.entries[i].sources == 1 ? "" : "s");
	}
	printf("%zu script%s", p.nentries, p.nentries == 1 ? "" : "s");
	if (strcmp(render, "none") != 0 && !gnuplot_missing)
		printf(", %zu %s chart%s", p.nentries - (size_t)failures,
		    p.format, p.nentries - (size_t)failures == 1 ? "" : "s");
	printf(" in %s; index %s/index.csv\n", dir, dir);
	rc = failures || gnuplot_missing ? FIG_EXIT_TROUBLE : FIG_EXIT_OK;
	goto out;
fail:
	cmd_fail(&p.err);
fail_quiet:
	rc = FIG_EXIT_TROUBLE;
out:
	if (store)
		store_close(store);
	items_clear(&p);
	free(p.items);
	for (size_t i = 0; i < p.nentries; i++) {
		free(p.entries[i].metric);
		free(p.entries[i].entity);
		free(p.entries[i].partner);
		free(p.entries[i].name);
	}
	free(p.entries);
	if (baseline)
		store_doc_release(&base);
	else
		free(base.title);
	free(rel_out);
	free(rel_here);
	free(dir);
	return rc;
}
