/* gp.h: gnuplot script writing for `figtrack plot`: where a period sits on
 * the time axis, the escaping that keeps document text inert, safe file
 * names, the chart writer itself, and running gnuplot without a shell. */
#ifndef FIGTRACK_GP_H
#define FIGTRACK_GP_H

#include <stddef.h>

#include "figtrack/buf.h"
#include "figtrack/claim.h"
#include "figtrack/err.h"

/* The x axis is the decimal year. A period is placed at its middle, to the
 * day: start + length / 2, in days, over the days of its year. So 2022 is
 * 2022.5, 2022-H1 is 2022.2479 (1 April, noon), 2022-Q4 is 2022.8740
 * (16 November), 2022-03 is 2022.2041 (16 March) and 2022-03-01 is
 * 2022.1630 (noon that day). Accepts YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1/H2
 * and YYYY-Q1..Q4 (the claim record's period forms and the publication
 * dates). Returns 0 and sets *x, or -1 when p is none of them. */
int gp_period_x(const char *p, double *x);

/* Appends s to b as a gnuplot single-quoted string literal, quotes
 * included. Inside single quotes gnuplot expands neither backquotes nor
 * @macros nor backslash escapes; a ' is written as ''. Newlines, tabs and
 * every other control character (C0, DEL, C1, U+2028/9) become a space,
 * since a line break would end the string and start a new command;
 * invalid UTF-8 becomes U+FFFD. Use it for every string that comes from a
 * document or the user, and mark the label noenhanced. */
void gp_quote(struct fig_buf *b, const char *s);

/* Appends s to b as a file-name component: ASCII letters, digits and
 * ". _ + -" are kept, and so are printable non-ASCII UTF-8 characters;
 * every other byte (/, \, spaces, quotes, control characters, invalid
 * UTF-8, bidirectional controls) becomes '_'. The result never holds
 * "..", never starts with '.' or '-', is never empty and is at most
 * GP_NAME_MAX bytes (cut at a character boundary). */
#define GP_NAME_MAX 100
void gp_file_name(struct fig_buf *b, const char *s);

/* Appends to b the short name a chart uses for a source, from its title:
 * runs of white space made one space, parenthesised asides dropped
 * ("GACC (General Administration of Customs) data 2021" -> "GACC data
 * 2021"), only the part before a ": " kept ("TASS: Ministry on ..." ->
 * "TASS"), then cut at a word boundary to at most max characters with an
 * ellipsis. When the title is empty, the base name of path without its
 * extension. */
void gp_short_name(struct fig_buf *b, const char *title, const char *path,
    size_t max);

/* One figure of a chart and where it came from. */
struct gp_point {
	const struct fig_claim *claim;	/* borrowed */
	long long source_id;	/* the document; equal ids share a key entry */
	const char *source;	/* borrowed: short name, in labels and key */
	const char *published;	/* borrowed: YYYY[-MM[-DD]] or "" */
	const char *label;	/* borrowed: where the figure comes from when
				 * it is the latest one labelled (a dataset
				 * row's own date), or NULL for "source
				 * published" */
	int baseline;		/* 1 when from the baseline report */
};

/* One chart: a series (metric, entity, partner) and its figures. */
struct gp_chart {
	const char *metric;
	const char *entity;	/* "" when the series has none */
	const char *name;	/* file stem (gp_file_name output): the script
				 * NAME.gp draws NAME.<format> */
	const char *format;	/* default output: "svg", "png" or "pdf" */
	const char *style;	/* base name of the style file the script loads */
	const char *const *style_dirs;	/* NULL-terminated gnuplot loadpath
				 * where the style file is looked for */
	const struct gp_point *points;
	size_t npoints;
	const char *partner;	/* "" or NULL when the series has none */
};

/* What gp_write_script drew and left out. */
struct gp_result {
	char unit[FIG_UNIT_MAX];	/* the unit on the y axis */
	long plotted;		/* figures drawn */
	long skipped_unit;	/* figures in another unit than the one drawn */
	long skipped_time;	/* figures with no period and no publication date */
	int sources;		/* key entries (documents) */
	int panels;		/* panels drawn: one per kind of span */
};

/* Appends the whole gnuplot script for chart c to out: a header saying how
 * to re-run it, the loadpath and style load, the shared x axis, the
 * figures as inline datablocks (one per source, panel and marker kind,
 * each row preceded by a comment naming the claim, plus the lines through
 * a source's observations and through its targets), then one multiplot
 * panel per kind of span (years, half-years, quarters, months, days and
 * undated figures; a panel only when it has figures), each with its own y
 * range, bounds as arrows, value labels and its key. The baseline
 * report's figures use line type 1 and circles, later sources line types
 * 2..8 and squares; a source's observations are joined by a solid line,
 * its targets (period_kind target, or every figure of a metric whose
 * slug ends in .target or _target) are hollow and joined by a dashed
 * one; ranges are error bars; one-sided bounds (more than, less than,
 * ...) an arrow from the bound away from it. Every baseline figure and
 * the latest later figure of a panel carry their value, each label placed
 * where it covers no other label and no marker. A series with several
 * units draws the one most of its figures use. The output depends only on
 * c: equal input gives byte-identical scripts. Returns 0, or -1 with err
 * set when no figure can be drawn. */
int gp_write_script(struct fig_buf *out, const struct gp_chart *c,
    struct gp_result *res, struct fig_err *err);

/* The path of directory `to` as seen from directory `from`, both absolute
 * and canonical (realpath): "..", "../style", "." when equal, or `to`
 * itself when the two share nothing but the root. Returns a malloc'd
 * string the caller frees. */
char *gp_relative_path(const char *from, const char *to);

/* Writes data[0..len) to path atomically: a temporary file in the same
 * directory, then rename(2). Returns 0, or -1 with err naming path. */
int gp_write_file(const char *path, const char *data, size_t len,
    struct fig_err *err);

/* Returns 1 when program (a name looked up in $PATH, or a path with a
 * '/') can be executed, else 0. */
int gp_have_program(const char *program);

/* Runs `program script` with fork/execvp, no shell, in directory dir (NULL
 * for the current one), stdin from /dev/null, stdout and stderr captured
 * into log (may be NULL; at most 64 KiB are kept). Returns 0 when gnuplot
 * exits 0, else -1 with err naming the script: "gnuplot not found ..."
 * when it cannot be executed, or its exit status and first line of
 * output. */
int gp_run(const char *program, const char *dir, const char *script,
    struct fig_buf *log, struct fig_err *err);

/* The hint printed when gnuplot is missing. Borrowed. */
extern const char gp_install_hint[];

#endif
