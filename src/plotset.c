/* plotset.c: one gnuplot script per series of the store, rendered, and
 * the index of what was written: the work behind `figtrack plot`, which
 * `figtrack report` shares to draw the charts it embeds. */
#include <sys/stat.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "figtrack/buf.h"
#include "figtrack/claim.h"
#include "figtrack/gp.h"
#include "figtrack/plotset.h"
#include "figtrack/store.h"

#define SHORT_NAME_MAX 28	/* characters of a source's name on a chart */

/* One figure kept for the series being collected. */
struct item {
	struct fig_claim claim;	/* owned copy; claim.doc is NULL */
	long long doc_id;
	char *source;		/* owned: short name */
	char *label;		/* owned: text by the point, or NULL */
	char published[16];
	int baseline;
};

/* A walk over the store's claims, a series at a time. */
struct walk {
	const struct plotset_opts *o;
	const char *style;		/* style file base name */
	const char *style_dirs[3];	/* loadpath entries, NULL-ended */
	struct plotset *ps;
	/* the series being collected */
	char metric[FIG_METRIC_MAX];
	char entity[FIG_ENTITY_MAX];
	char partner[FIG_ENTITY_MAX];
	int wanted;
	struct item *items;
	size_t nitems, capitems;
	struct fig_err *err;
	int failed;
};

static void
items_clear(struct walk *w)
{
	for (size_t i = 0; i < w->nitems; i++) {
		claim_release(&w->items[i].claim);
		free(w->items[i].source);
		free(w->items[i].label);
	}
	w->nitems = 0;
}

/* A name not used yet in this run, compared without case so that the
 * files stay apart on case-insensitive file systems too. */
static void
unique_name(const struct plotset *ps, struct fig_buf *name)
{
	size_t base = name->len;

	for (int n = 2;; n++) {
		size_t i;
		for (i = 0; i < ps->n; i++)
			if (strcasecmp(ps->entries[i].name, name->data) == 0)
				break;
		if (i == ps->n)
			return;
		name->len = base;
		name->data[base] = '\0';
		buf_addf(name, "-%d", n);
	}
}

/* Writes the script of the series collected so far. */
static int
flush_series(struct walk *w)
{
	struct fig_buf name = FIG_BUF_INIT, script = FIG_BUF_INIT;
	struct fig_buf path = FIG_BUF_INIT;
	struct plotset *ps = w->ps;
	struct gp_point *pts;
	struct gp_chart chart;
	struct gp_result res;
	struct fig_err err;
	struct plotset_entry *e;
	int rc = 0;

	if (w->nitems == 0)
		return 0;
	gp_file_name(&name, w->metric);
	if (w->entity[0]) {
		buf_adds(&name, "--");
		gp_file_name(&name, w->entity);
	}
	if (w->partner[0]) {
		buf_adds(&name, "--");
		gp_file_name(&name, w->partner);
	}
	unique_name(ps, &name);

	pts = xcalloc(w->nitems, sizeof *pts);
	for (size_t i = 0; i < w->nitems; i++) {
		pts[i].claim = &w->items[i].claim;
		pts[i].source_id = w->items[i].doc_id;
		pts[i].source = w->items[i].source;
		pts[i].published = w->items[i].published;
		pts[i].label = w->items[i].label;
		pts[i].baseline = w->items[i].baseline;
	}
	memset(&chart, 0, sizeof chart);
	chart.metric = w->metric;
	chart.entity = w->entity;
	chart.partner = w->partner;
	chart.name = name.data;
	chart.format = w->o->format;
	chart.style = w->style;
	chart.style_dirs = w->style_dirs;
	chart.points = pts;
	chart.npoints = w->nitems;
	err_clear(&err);
	if (gp_write_script(&script, &chart, &res, &err) < 0) {
		/* nothing to draw in this series: noted, the walk goes on */
		ps->skipped = xrealloc(ps->skipped, (ps->nskipped + 1) *
		    sizeof *ps->skipped);
		ps->skipped[ps->nskipped++] = xstrdup(err.msg);
		goto out;
	}
	buf_addf(&path, "%s/%s.gp", w->o->dir, name.data);
	if (gp_write_file(path.data, script.data, script.len, w->err) < 0) {
		rc = -1;
		goto out;
	}
	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? 2 * ps->cap : 16;
		ps->entries = xrealloc(ps->entries, ps->cap *
		    sizeof *ps->entries);
	}
	e = &ps->entries[ps->n++];
	memset(e, 0, sizeof *e);
	e->metric = xstrdup(w->metric);
	e->entity = xstrdup(w->entity);
	e->partner = xstrdup(w->partner);
	e->name = buf_detach(&name);
	snprintf(e->unit, sizeof e->unit, "%s", res.unit);
	e->figures = res.plotted;
	e->sources = res.sources;
	e->skipped_unit = res.skipped_unit;
	e->skipped_time = res.skipped_time;
out:
	free(pts);
	buf_release(&name);
	buf_release(&script);
	buf_release(&path);
	items_clear(w);
	return rc;
}

/* store_each_claim callback: rows come ordered by metric, entity and
 * partner, so a series ends where one of them changes. */
static int
on_row(void *ctx, const struct fig_row *r)
{
	struct walk *w = ctx;
	const struct fig_claim *c = &r->claim;
	struct fig_buf shortname = FIG_BUF_INIT;
	struct item *it;

	if (c->metric[0] == '\0')
		return 0;
	if (strcmp(c->metric, w->metric) != 0 ||
	    strcmp(c->entity, w->entity) != 0 ||
	    strcmp(c->partner, w->partner) != 0) {
		if (flush_series(w) < 0) {
			w->failed = 1;
			return -1;
		}
		snprintf(w->metric, sizeof w->metric, "%s", c->metric);
		snprintf(w->entity, sizeof w->entity, "%s", c->entity);
		snprintf(w->partner, sizeof w->partner, "%s", c->partner);
		w->wanted = w->o->want == NULL || w->o->want(w->o->want_ctx,
		    c->metric, c->entity, c->partner);
	}
	if (!w->wanted)
		return 0;
	if (w->nitems == w->capitems) {
		w->capitems = w->capitems ? 2 * w->capitems : 64;
		w->items = xrealloc(w->items, w->capitems * sizeof *w->items);
	}
	it = &w->items[w->nitems++];
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
	it->baseline = r->doc && w->o->baseline_id &&
	    r->doc->id == w->o->baseline_id;
	return 0;
}

int
plotset_write(struct fig_store *s, const struct plotset_opts *o,
    struct plotset *ps, struct fig_err *err)
{
	char dir_real[PATH_MAX], here[PATH_MAX], style[PATH_MAX];
	char *rel_out = NULL, *rel_here = NULL, *slash;
	struct fig_query q;
	struct walk w;
	int rc = -1;

	memset(&w, 0, sizeof w);
	w.o = o;
	w.ps = ps;
	w.err = err;
	if (realpath(o->dir, dir_real) == NULL || getcwd(here, sizeof here) ==
	    NULL)
		return err_set(err, FIG_EIO, o->dir, 0, 0, "cannot resolve: %s",
		    strerror(errno));
	/* the script finds the style relative to itself first, then relative
	 * to where the command ran (see docs/plot.md) */
	snprintf(style, sizeof style, "%s", o->style_path);
	slash = strrchr(style, '/');
	if (slash == NULL)
		return err_set(err, FIG_EUSAGE, o->style_path, 0, 0,
		    "the style file's path is not absolute");
	*slash = '\0';
	w.style = slash + 1;
	rel_out = gp_relative_path(dir_real, slash == style ? "/" : style);
	rel_here = gp_relative_path(here, slash == style ? "/" : style);
	w.style_dirs[0] = rel_out;
	w.style_dirs[1] = strcmp(rel_out, rel_here) ? rel_here : NULL;

	memset(&q, 0, sizeof q);
	q.metric = o->metric;
	q.entity = o->entity;
	q.with_metric = 1;
	if (store_each_claim(s, &q, on_row, &w, err) < 0 || w.failed ||
	    flush_series(&w) < 0)
		goto out;
	rc = 0;
out:
	items_clear(&w);
	free(w.items);
	free(rel_out);
	free(rel_here);
	return rc;
}

int
plotset_render(struct plotset *ps, const char *dir, const char *format)
{
	struct fig_buf file = FIG_BUF_INIT, log = FIG_BUF_INIT;
	int failures = 0;

	for (size_t i = 0; i < ps->n; i++) {
		struct plotset_entry *e = &ps->entries[i];
		/* no stale chart survives a failed render, and gnuplot never
		 * writes through a link left in DIR */
		buf_reset(&file);
		buf_addf(&file, "%s/%s.%s", dir, e->name, format);
		err_clear(&e->err);
		if (unlink(file.data) < 0 && errno != ENOENT) {
			err_set(&e->err, FIG_EIO, file.data, 0, 0,
			    "cannot replace: %s", strerror(errno));
			e->failed = 1;
			failures++;
			continue;
		}
		buf_reset(&file);
		buf_addf(&file, "%s.gp", e->name);
		if (gp_run("gnuplot", dir, file.data, &log, &e->err) < 0) {
			e->failed = 1;
			failures++;
		} else
			e->rendered = 1;
	}
	buf_release(&file);
	buf_release(&log);
	return failures;
}

int
plotset_write_index(const struct plotset *ps, const char *dir,
    const char *format, struct fig_err *err)
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
	for (size_t i = 0; i < ps->n; i++) {
		const struct plotset_entry *e = &ps->entries[i];
		char figures[32], sources[32];
		const char *vals[8];
		snprintf(figures, sizeof figures, "%ld", e->figures);
		snprintf(sources, sizeof sources, "%d", e->sources);
		buf_reset(&script);
		buf_addf(&script, "%s.gp", e->name);
		buf_reset(&chart);
		if (e->rendered)
			buf_addf(&chart, "%s.%s", e->name, format);
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
	buf_addf(&path, "%s/index.csv", dir);
	rc = gp_write_file(path.data, data, len, err);
	free(data);
	buf_release(&path);
	buf_release(&script);
	buf_release(&chart);
	return rc;
}

void
plotset_release(struct plotset *ps)
{
	for (size_t i = 0; i < ps->n; i++) {
		free(ps->entries[i].metric);
		free(ps->entries[i].entity);
		free(ps->entries[i].partner);
		free(ps->entries[i].name);
	}
	free(ps->entries);
	for (size_t i = 0; i < ps->nskipped; i++)
		free(ps->skipped[i]);
	free(ps->skipped);
	memset(ps, 0, sizeof *ps);
}

int
plotset_make_dirs(const char *dir, struct fig_err *err)
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

int
plotset_find_style(const char *opt, char *out, struct fig_err *err)
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
