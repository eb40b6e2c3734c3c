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
#include "figtrack/plotset.h"
#include "figtrack/store.h"

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
	char *dir = NULL;
	char style_path[PATH_MAX];
	const char *render = "svg";
	struct fig_store *store = NULL;
	struct fig_doc base;
	struct plotset_opts po;
	struct plotset ps;
	struct fig_err err;
	int opt, rc = FIG_EXIT_TROUBLE, failures = 0, gnuplot_missing = 0;
	char *slash;

	memset(&ps, 0, sizeof ps);
	memset(&po, 0, sizeof po);
	memset(&base, 0, sizeof base);
	err_clear(&err);
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
	po.dir = dir;
	po.format = strcmp(render, "none") == 0 ? "svg" : render;
	po.style_path = style_path;
	po.metric = metric;
	po.entity = entity;

	if (plotset_find_style(style_opt, style_path, &err) < 0 ||
	    plotset_make_dirs(dir, &err) < 0)
		goto fail;
	if (store_open(&store, store_default_path(db), FIG_STORE_RDONLY,
	    &err) < 0)
		goto fail;
	if (baseline) {
		if (store_doc_find(store, baseline, &base, &err) < 0)
			goto fail;
	} else {
		if (store_each_doc(store, on_doc, &base, &err) < 0)
			goto fail;
		if (base.id == 0)
			fprintf(stderr, "figtrack: plot: the database holds no "
			    "report; no figure is drawn as the baseline\n");
	}
	po.baseline_id = base.id;

	if (plotset_write(store, &po, &ps, &err) < 0)
		goto fail;
	store_close(store);
	store = NULL;
	for (size_t i = 0; i < ps.nskipped; i++)
		fprintf(stderr, "figtrack: plot: %s; skipped\n", ps.skipped[i]);
	for (size_t i = 0; i < ps.n; i++) {
		const struct plotset_entry *e = &ps.entries[i];
		if (e->skipped_unit)
			fprintf(stderr, "figtrack: plot: %s/%s.gp: %ld figure%s "
			    "in another unit than '%s' left out\n", dir, e->name,
			    e->skipped_unit, e->skipped_unit == 1 ? "" : "s",
			    e->unit);
		if (e->skipped_time)
			fprintf(stderr, "figtrack: plot: %s/%s.gp: %ld figure%s "
			    "with no period and no dated source left out\n",
			    dir, e->name, e->skipped_time,
			    e->skipped_time == 1 ? "" : "s");
	}

	if (ps.n == 0) {
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
		} else {
			failures = plotset_render(&ps, dir, po.format);
			for (size_t i = 0; i < ps.n; i++)
				if (ps.entries[i].failed)
					cmd_fail(&ps.entries[i].err);
		}
	}
	if (plotset_write_index(&ps, dir, po.format, &err) < 0)
		goto fail;

	for (size_t i = 0; i < ps.n; i++) {
		printf("%s/%s.gp", dir, ps.entries[i].name);
		if (ps.entries[i].rendered)
			printf(" -> %s.%s", ps.entries[i].name, po.format);
		printf(" (%ld figure%s, %d source%s)\n", ps.entries[i].figures,
		    ps.entries[i].figures == 1 ? "" : "s",
		    ps.entries[i].sources,
		    ps.entries[i].sources == 1 ? "" : "s");
	}
	printf("%zu script%s", ps.n, ps.n == 1 ? "" : "s");
	if (strcmp(render, "none") != 0 && !gnuplot_missing)
		printf(", %zu %s chart%s", ps.n - (size_t)failures,
		    po.format, ps.n - (size_t)failures == 1 ? "" : "s");
	printf(" in %s; index %s/index.csv\n", dir, dir);
	rc = failures || gnuplot_missing ? FIG_EXIT_TROUBLE : FIG_EXIT_OK;
	goto out;
fail:
	cmd_fail(&err);
fail_quiet:
	rc = FIG_EXIT_TROUBLE;
out:
	if (store)
		store_close(store);
	plotset_release(&ps);
	if (baseline)
		store_doc_release(&base);
	else
		free(base.title);
	free(dir);
	return rc;
}
