/* plotset.h: the charts of a database's series, as `figtrack plot` and
 * `figtrack report` both make them: each series' figures collected from
 * the store, one gnuplot script per series written into a directory
 * (gp.h draws it), the scripts rendered, and an index of what was
 * written. Prints nothing: the commands say what happened. */
#ifndef FIGTRACK_PLOTSET_H
#define FIGTRACK_PLOTSET_H

#include <stddef.h>

#include "figtrack/claim.h"
#include "figtrack/err.h"
#include "figtrack/store.h"

/* What to draw and where. */
struct plotset_opts {
	const char *dir;	/* output directory; must exist */
	const char *format;	/* the scripts' default output: svg png pdf */
	const char *style_path;	/* real path of the style file
				 * (plotset_find_style) */
	const char *metric;	/* only this metric, or NULL */
	const char *entity;	/* only this entity, or NULL */
	long long baseline_id;	/* the baseline report, 0 for none */
	/* when not NULL, only the series for which want returns 1 */
	int (*want)(void *ctx, const char *metric, const char *entity,
	    const char *partner);
	void *want_ctx;
};

/* One script written. */
struct plotset_entry {
	char *metric, *entity, *partner;	/* owned */
	char *name;		/* owned: file stem, NAME.gp draws NAME.fmt */
	char unit[FIG_UNIT_MAX];	/* the unit on the y axis */
	long figures;		/* figures drawn */
	long skipped_unit;	/* figures in another unit, left out */
	long skipped_time;	/* figures with no place in time, left out */
	int sources;		/* documents drawn */
	int rendered;		/* 1 once plotset_render drew it */
	int failed;		/* 1 when rendering failed: see err */
	struct fig_err err;	/* why rendering failed */
};

/* What was written. */
struct plotset {
	struct plotset_entry *entries;
	size_t n, cap;
	char **skipped;		/* owned: why a series had nothing to draw */
	size_t nskipped;
};

/* Writes DIR/NAME.gp for every series (metric, entity, partner) of the
 * store with a metric that o selects, each naming the style by a path
 * relative to DIR and to the current directory (docs/plot.md). Fills
 * ps (initialised to zero by the caller; release with
 * plotset_release). Returns 0, or -1 with err set when the store or a
 * file write fails. */
int plotset_write(struct fig_store *s, const struct plotset_opts *o,
    struct plotset *ps, struct fig_err *err);

/* Runs gnuplot (fork/exec, gp_run) on every script of ps in dir, after
 * removing the chart of an earlier run; sets each entry's rendered or
 * failed and err. Returns the number of failures. */
int plotset_render(struct plotset *ps, const char *dir, const char *format);

/* Writes DIR/index.csv, one row per entry:
 * metric,entity,partner,unit,figures,sources,script,chart. */
int plotset_write_index(const struct plotset *ps, const char *dir,
    const char *format, struct fig_err *err);

void plotset_release(struct plotset *ps);

/* Finds the shared style file: opt (--style), $FIGTRACK_STYLE,
 * plots/style.gp here, then next to the figtrack binary (the source
 * tree, build/san, or PREFIX/share/figtrack). Sets out (PATH_MAX bytes)
 * to its real path. */
int plotset_find_style(const char *opt, char *out, struct fig_err *err);

/* mkdir -p dir; an error names the part that could not be made. */
int plotset_make_dirs(const char *dir, struct fig_err *err);

#endif
