/* cmd-diff.c: `figtrack diff`: which of a report's figures still hold.
 * Reads the baseline and the newer figures from the store, or extracts
 * them from files on the fly, and prints diff.c's rows. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "figtrack/buf.h"
#include "figtrack/cmd.h"
#include "figtrack/diff.h"
#include "figtrack/extract.h"
#include "figtrack/reader.h"
#include "figtrack/import.h"
#include "figtrack/rules.h"
#include "figtrack/sha256.h"
#include "figtrack/store.h"
#include "figtrack/table.h"

static const char usage[] =
    "usage: figtrack diff [--db PATH] [--baseline DOC] [OPTIONS]\n"
    "       figtrack diff [OPTIONS] OLD NEW...\n\n"
    "Shows which figures of a baseline document still hold: each of its\n"
    "claims with a metric is matched to newer figures of the same metric,\n"
    "entity, partner and unit (units of one kind converted) over a like\n"
    "span and classed confirmed, revised, updated, target-moved, related\n"
    "(newer figures of the series, none of a like span) or stale; series\n"
    "only newer sources report are listed as new.\n\n"
    "With a database, the baseline is one stored document (default: the\n"
    "oldest report) and the newer figures are those of every document\n"
    "published after it, imported datasets included. With files, OLD is\n"
    "the baseline and the NEW files are newer where published after it\n"
    "(undated ones always); documents are extracted on the fly, *.csv\n"
    "files read as `figtrack import` reads them, and nothing is stored.\n\n"
    "Options:\n"
    "  --db PATH          database (default $FIGTRACK_DB or figtrack.db)\n"
    "  --baseline DOC     baseline document: id, title or path\n"
    "  --since DATE       newer means published on or after DATE\n"
    "                     (YYYY[-MM[-DD]]) instead of after the baseline\n"
    "  --tolerance REL    relative difference that still confirms: 0.005\n"
    "                     or 0.5% (default 0.5%)\n"
    "  --format FMT       table (default), csv, tsv or jsonl\n"
    "  --fail-on WHAT     exit 1 when a figure is classed so: revised, any\n"
    "                     (anything but confirmed), or classes joined by ,\n"
    "  --rules DIR        rule files for extracting files\n"
    "  -h, --help         this text\n\n"
    "Record fields are described in docs/formats.md. Exit status: 0, or 1\n"
    "with --fail-on when such figures exist; 2 on trouble.\n";

static int cmd_diff(int argc, char **argv);

const struct fig_cmd cmd_diff_entry = {
	"diff", "which of a report's figures newer sources confirm or revise",
	usage, cmd_diff
};

struct opts {
	const char *db;
	const char *baseline;
	const char *since;
	const char *rules;
	double tolerance;
	enum fig_format fmt;
	unsigned fail_mask;	/* bit per class; 0: never fail */
	const struct fig_units *units;	/* NULL: units must agree */
};

/* ---- reading from the store ---- */

/* How rows name a document: its title, else its path. Returns a
 * malloc'd string the caller frees. */
static char *
doc_name(const struct fig_doc *d)
{
	return xstrdup(d->title && d->title[0] ? d->title : d->path ?
	    d->path : "");
}

/* Where stored figures go: the baseline or the newer side of a diff. */
struct sink {
	struct fig_diff *d;
	int baseline;
	long long doc_id;	/* files: the argument's number; 0: the figure's */
	/* the diff's series id of each series of the walk, by the store's
	 * dense number (NO_SERIES until met): a figure costs no lookup of
	 * its metric, entity, partner and unit */
	int *series;
	size_t nseries;
};
#define NO_SERIES (-2)

static int
add_figure(void *ctx, const struct fig_figure *f)
{
	struct sink *k = ctx;
	struct fig_diff_src src;
	struct fig_diff_in in;
	size_t i = (size_t)f->series;

	if (i >= k->nseries) {
		size_t n = k->nseries ? k->nseries : 256;
		while (n <= i)
			n *= 2;
		k->series = xrealloc(k->series, n * sizeof *k->series);
		while (k->nseries < n)
			k->series[k->nseries++] = NO_SERIES;
	}
	if (k->series[i] == NO_SERIES)
		k->series[i] = f->metric[0] ? diff_series(k->d, f->metric,
		    f->entity, f->partner, f->unit) : -1;
	in.series = k->series[i];
	in.period = f->period;
	in.quote = f->quote;
	in.line = f->line;
	in.value = f->value;
	in.low = f->low;
	in.high = f->high;
	in.has_low = f->has_low;
	in.has_high = f->has_high;
	in.qual = f->qual;
	in.kind = f->kind;
	in.base = f->base;
	src.doc_id = k->doc_id ? k->doc_id : f->doc_id;
	src.doc = f->doc;
	src.published = f->published;
	diff_add(k->d, k->baseline, &in, &src);
	return 0;
}

/* Reads the figures of document doc_id (0: all, in the order they were
 * stored) into the diff's baseline or newer side. The series numbers
 * of one walk mean nothing in the next. */
static int
read_figures(struct fig_store *s, long long doc_id, int ordered,
    struct sink *k, struct fig_err *err)
{
	k->nseries = 0;
	return store_each_figure(s, doc_id, ordered, add_figure, k, err);
}

/* Fills the diff from the database. *base_name receives the baseline's
 * name (malloc'd, the caller frees). */
static int
from_store(const struct opts *o, struct fig_diff **out, char **base_name,
    struct fig_err *err)
{
	struct fig_store *s;
	struct fig_diff_opts dopt = { o->tolerance, NULL, 0, 0, 0, o->units };
	struct fig_doc base;
	struct sink sink = { NULL, 0, 0, NULL, 0 };
	struct fig_diff *d = NULL;
	int rc = -1;

	memset(&base, 0, sizeof base);
	if (store_open(&s, store_default_path(o->db), FIG_STORE_RDONLY,
	    err) != 0)
		return -1;
	if (store_doc_baseline(s, o->baseline, &base, err) != 0)
		goto out;
	if (o->since) {
		dopt.after = o->since;
		dopt.inclusive = 1;
	} else if (base.published[0]) {
		dopt.after = base.published;
	} else {
		char *name = doc_name(&base);
		err_set(err, FIG_EUSAGE, store_path(s), 0, 0, "baseline '%s' "
		    "has no publication date: give --since DATE", name);
		free(name);
		goto out;
	}
	dopt.baseline_doc = base.id;
	d = diff_new(&dopt);

	sink.d = d;
	sink.baseline = 1;
	/* the baseline in store_each_claim's order, which decides the
	 * order of figures on one line; the newer figures as stored:
	 * diff_run sorts them itself */
	if (read_figures(s, base.id, 1, &sink, err) != 0)
		goto out;
	sink.baseline = 0;
	if (read_figures(s, 0, 0, &sink, err) != 0)
		goto out;
	*out = d;
	d = NULL;
	*base_name = doc_name(&base);
	rc = 0;
out:
	diff_free(d);
	free(sink.series);
	store_doc_release(&base);
	store_close(s);
	return rc;
}

/* ---- extracting files ---- */

/* The claims of one file, kept until its metadata is complete. */
struct held {
	struct fig_claim *c;
	size_t n, cap;
};

static int
hold_claim(void *ctx, const struct fig_claim *c)
{
	struct held *h = ctx;

	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 64;
		h->c = xrealloc(h->c, h->cap * sizeof *h->c);
	}
	claim_copy(&h->c[h->n++], c);
	return 0;
}

static int
is_csv(const char *path)
{
	size_t n = strlen(path);

	return n > 4 && strcasecmp(path + n - 4, ".csv") == 0;
}

/* Reads a CSV file through import into the scratch store *mem (opened
 * on first use) and hands its rows to k. */
static int
csv_into(struct fig_store **mem, const char *path, struct sink *k,
    struct fig_err *err)
{
	struct import_result res;
	char hex[65];
	FILE *f;
	int rc;

	if (*mem == NULL && store_open(mem, ":memory:", 0, err) != 0)
		return -1;
	if ((f = sha256_fopen(path, hex, err)) == NULL)
		return -1;
	rc = import_csv(*mem, f, path, hex, NULL, &res, err);
	fclose(f);
	for (int i = 0; rc == 0 && i < res.ndocs; i++)
		rc = read_figures(*mem, res.first_id + i, 1, k, err);
	return rc;
}

/* Fills the diff from files: argv[0] is the baseline, the rest newer.
 * Newer means published after the baseline document, when it gives its
 * date, or on or after --since; undated files count, as the user named
 * them newer. */
static int
from_files(const struct opts *o, int argc, char **argv,
    struct fig_diff **out, struct fig_err *err)
{
	struct fig_diff_opts dopt = { o->tolerance, o->since, o->since != NULL,
	    1, 0, o->units };
	struct fig_extract_opts xo = { NULL, 0, NULL };
	struct fig_rules *rules = NULL;
	struct fig_store *mem = NULL;
	struct fig_diff *d = NULL;
	struct held h = { NULL, 0, 0 };
	int rc = 0;

	for (int i = 0; i < argc && rc == 0; i++) {
		struct fig_extract_cbs cbs = { hold_claim, NULL, &h };
		struct fig_docmeta meta;
		struct fig_diff_src src;

		if (is_csv(argv[i])) {
			struct sink k = { NULL, i == 0, i + 1, NULL, 0 };
			if (d == NULL)
				d = diff_new(&dopt);
			k.d = d;
			rc = csv_into(&mem, argv[i], &k, err);
			free(k.series);
			continue;
		}
		if (rules == NULL) {
			if ((rc = rules_load(&rules,
			    rules_default_dir(o->rules), err)) != 0)
				break;
			rules_jit_for(rules, argv + i, argc - i);
		}
		memset(&meta, 0, sizeof meta);
		rc = reader_extract_path(rules, argv[i], FIG_IN_AUTO, &xo, &cbs,
		    &meta, NULL, NULL, err);
		if (d == NULL) {
			if (o->since == NULL && meta.published[0])
				dopt.after = meta.published;
			d = diff_new(&dopt);
		}
		/* the command-line order breaks ties between equal dates */
		src.doc_id = i + 1;
		src.doc = argv[i];
		src.published = meta.published;
		for (size_t j = 0; j < h.n; j++) {
			if (rc == 0 && i == 0)
				diff_add_baseline(d, &h.c[j], &src);
			else if (rc == 0)
				diff_add_newer(d, &h.c[j], &src);
			claim_release(&h.c[j]);
		}
		h.n = 0;
	}
	free(h.c);
	rules_free(rules);
	if (mem)
		store_close(mem);
	if (rc != 0) {
		diff_free(d);
		return -1;
	}
	*out = d;
	return 0;
}

/* ---- output ---- */

/* Appends s with tabs and line breaks as spaces, so that a quote
 * spanning lines stays on its line of the table, then pads it with
 * blanks to w display columns. */
static void
add_cell(struct fig_buf *b, const char *s, int w)
{
	size_t plain = strcspn(s, "\n\r\t");

	buf_add(b, s, plain);	/* nearly always the whole cell */
	for (const char *p = s + plain; *p; p++)
		buf_addc(b, *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p);
	for (int n = table_width(s); n < w; n++)
		buf_addc(b, ' ');
}

/* Joins the strings after n (NULL ends them) into out[0..n), cut short
 * if need be: the cells of a table row, without printf's cost for each
 * of a hundred thousand rows. */
static void
cat(char *out, size_t n, ...)
{
	va_list ap;
	const char *s;
	size_t len = 0;

	va_start(ap, n);
	while ((s = va_arg(ap, const char *)) != NULL) {
		size_t k = strlen(s);
		if (k > n - 1 - len)
			k = n - 1 - len;
		memcpy(out + len, s, k);
		len += k;
	}
	va_end(ap);
	out[len] = '\0';
}

/* Appends the name of a document, cut to NAME_MAX_W display columns
 * with an ellipsis: titles can run long. */
#define NAME_MAX_W 40
static void
add_name(struct fig_buf *b, const char *s)
{
	char ch[8];
	int w = 0;

	if (table_width(s) <= NAME_MAX_W) {
		add_cell(b, s, 0);
		return;
	}
	while (*s) {
		size_t n = 1;
		while (s[n] && ((unsigned char)s[n] & 0xC0) == 0x80 && n < 4)
			n++;
		memcpy(ch, s, n);
		ch[n] = '\0';
		if (w + table_width(ch) > NAME_MAX_W - 1)
			break;
		w += table_width(ch);
		add_cell(b, ch, 0);
		s += n;
	}
	buf_adds(b, "\xE2\x80\xA6");
}

/* Writes b as one line without trailing blanks, and empties it. */
static void
put_line(FILE *out, struct fig_buf *b)
{
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->len--;
	fwrite(buf_str(b), 1, b->len, out);
	putc('\n', out);
	buf_reset(b);
}

/* A value for people: large money and counts scaled to words, with the
 * qualifier as a sign ("~57", ">80", "30-40", "240.11 bn"). */
static void
human_num(char *out, size_t n, double v)
{
	static const struct { double f; const char *w; } sc[] = {
		{ 1e12, " tn" }, { 1e9, " bn" }, { 1e6, " m" }, { 0, "" }
	};
	char num[64];
	int i = 0;

	while (sc[i].f != 0 && fabs(v) < sc[i].f)
		i++;
	if (sc[i].f != 0)
		v = round(v / sc[i].f * 1000) / 1000;
	claim_fmt_number(v, num, sizeof num);
	cat(out, n, num, sc[i].w, (char *)NULL);
}

static void
human_fig(char *out, size_t n, const struct fig_diff_fig *f)
{
	char a[64], b[64];
	const char *sign = "";

	if (f == NULL) {
		cat(out, n, "-", (char *)NULL);
		return;
	}
	switch (f->qual) {
	case FIG_Q_RANGE:
		human_num(a, sizeof a, f->has_low ? f->low : f->value);
		human_num(b, sizeof b, f->has_high ? f->high : f->value);
		cat(out, n, f->period, f->period[0] ? " " : "", a, "-", b,
		    (char *)NULL);
		return;
	case FIG_Q_APPROX: sign = "~"; break;
	case FIG_Q_MORE_THAN: sign = ">"; break;
	case FIG_Q_AT_LEAST: sign = ">="; break;
	case FIG_Q_LESS_THAN: sign = "<"; break;
	case FIG_Q_AT_MOST: sign = "<="; break;
	case FIG_Q_ALMOST: sign = "<~"; break;
	default: break;
	}
	human_num(a, sizeof a, f->value);
	cat(out, n, f->period, f->period[0] ? " " : "", sign, a, (char *)NULL);
}

static void
human_change(char *out, size_t n, const struct fig_diff_row *r)
{
	char a[64];

	if (!r->has_change) {
		out[0] = '\0';
		return;
	}
	human_num(a, sizeof a, r->change_abs);
	if (r->has_rel)
		snprintf(out, n, "%s%s (%+.1f%%)", r->change_abs > 0 ? "+" : "",
		    a, r->change_rel * 100);
	else
		snprintf(out, n, "%s%s%s", r->change_abs > 0 ? "+" : "", a,
		    strcmp(r->unit, "percent") == 0 ? " pp" : "");
}

static const char *const class_colour[FIG_D_COUNT_] = {
	"\033[32m", "\033[31m", "\033[33m", "\033[35m", "\033[34m",
	"\033[2m", "\033[36m"
};

enum { T_CLASS, T_METRIC, T_ENTITY, T_UNIT, T_BASE, T_NEWER, T_CHANGE,
	T_NCOLS };

/* The cells of a row's first table line. */
static void
table_cells(const struct fig_diff_row *r, char cell[][160])
{
	cat(cell[T_CLASS], 160, diff_class_name(r->cls), (char *)NULL);
	cat(cell[T_METRIC], 160, r->metric, (char *)NULL);
	cat(cell[T_ENTITY], 160, r->entity, r->partner[0] ? " / " : "",
	    r->partner, (char *)NULL);
	cat(cell[T_UNIT], 160, r->unit, (char *)NULL);
	human_fig(cell[T_BASE], 160, r->has_base ? &r->base : NULL);
	human_fig(cell[T_NEWER], 160, r->has_newer ? &r->newer : NULL);
	human_change(cell[T_CHANGE], 160, r);
}

/* One deciding row per baseline figure, then the new series, aligned;
 * under each, where the two figures were read. */
static void
write_table(FILE *out, const struct fig_diff *d, size_t n,
    const char *base_name, int colour)
{
	static const char *const head[T_NCOLS] = { "CLASS", "METRIC",
	    "ENTITY / PARTNER", "UNIT", "BASELINE", "NEWER", "CHANGE" };
	const struct fig_diff_stats *st = diff_stats(d);
	struct fig_buf b = FIG_BUF_INIT;
	struct fig_diff_row row;
	const struct fig_diff_row *r = &row;
	char cell[T_NCOLS][160];
	size_t hidden = 0;
	int w[T_NCOLS];

	for (int c = 0; c < T_NCOLS; c++)
		w[c] = table_width(head[c]) + 2;
	for (size_t i = 0; i < n; i++) {
		if (!diff_row_latest(d, i)) {
			hidden++;
			continue;
		}
		diff_row(d, i, &row);
		table_cells(r, cell);
		for (int c = 0; c < T_NCOLS; c++)
			if (table_width(cell[c]) + 2 > w[c])
				w[c] = table_width(cell[c]) + 2;
	}
	for (int c = 0; c < T_NCOLS; c++)
		add_cell(&b, head[c], w[c]);
	put_line(out, &b);
	for (size_t i = 0; i < n; i++) {
		if (!diff_row_latest(d, i))
			continue;
		diff_row(d, i, &row);
		table_cells(r, cell);
		for (int c = 0; c < T_NCOLS; c++) {
			if (c == T_CLASS && colour) {
				buf_adds(&b, class_colour[r->cls]);
				buf_adds(&b, cell[c]);
				buf_adds(&b, "\033[0m");
				add_cell(&b, "", w[c] - table_width(cell[c]));
			} else
				add_cell(&b, cell[c], w[c]);
		}
		put_line(out, &b);
		add_cell(&b, "", w[T_CLASS]);
		if (r->has_base) {
			add_name(&b, r->base.src->doc);
			buf_addf(&b, ":%ld \"", r->base.line);
			add_cell(&b, r->base.quote, 0);
			buf_addc(&b, '"');
		}
		if (r->has_newer) {
			if (r->has_base)
				buf_adds(&b, " -> ");
			add_name(&b, r->newer.src->doc);
			buf_addf(&b, ":%ld \"", r->newer.line);
			add_cell(&b, r->newer.quote, 0);
			buf_addf(&b, "\" (%s)", r->newer.src->published[0] ?
			    r->newer.src->published : "undated");
		} else
			buf_adds(&b, " -> no newer figure");
		put_line(out, &b);
	}
	buf_release(&b);
	fprintf(out, "\nbaseline '%s': %zu figures with a metric, compared "
	    "with %zu newer figures from %zu source%s\n", base_name,
	    st->baseline, st->newer, st->sources, st->sources == 1 ? "" : "s");
	for (int c = 0; c < FIG_D_COUNT_; c++)
		fprintf(out, "%s%zu %s", c ? ", " : "", st->decided[c],
		    diff_class_name((enum fig_dclass)c));
	putc('\n', out);
	if (hidden)
		fprintf(out, "%zu more %s older sources for the same periods: "
		    "see --format csv\n", hidden, hidden == 1 ? "row gives" :
		    "rows give");
}

static void
write_records(FILE *out, enum fig_format fmt, const struct fig_diff *d,
    size_t n)
{
	struct fig_diff_row row;
	const char *v[DIFF_NCOLUMNS];
	char nb[DIFF_NUMBUFS][64];

	rec_write_header(out, fmt, diff_columns, DIFF_NCOLUMNS);
	for (size_t i = 0; i < n; i++) {
		diff_row(d, i, &row);
		diff_row_fields(&row, v, nb);
		rec_write_row(out, fmt, diff_columns, v, DIFF_NCOLUMNS);
	}
}

/* ---- options ---- */

/* "revised", "any", or class names joined by commas, into a bit per
 * class. */
static int
parse_fail_on(const char *s, unsigned *mask)
{
	char name[32];

	*mask = 0;
	for (;;) {
		size_t n = strcspn(s, ",");
		enum fig_dclass c;

		if (n == 0 || n >= sizeof name)
			return -1;
		memcpy(name, s, n);
		name[n] = '\0';
		if (strcmp(name, "any") == 0)
			*mask |= ((1u << FIG_D_COUNT_) - 1) &
			    ~(1u << FIG_D_CONFIRMED);
		else if (diff_class_parse(name, &c) == 0)
			*mask |= 1u << c;
		else
			return -1;
		if (s[n] == '\0')
			return 0;
		s += n + 1;
	}
}

/* A date as the store takes it: YYYY, YYYY-MM or YYYY-MM-DD. */
static int
valid_date(const char *s)
{
	return store_date_valid(s) == 0;
}

static int
cmd_diff(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "baseline", required_argument, NULL, 'b' },
		{ "since", required_argument, NULL, 's' },
		{ "tolerance", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' },
		{ "fail-on", required_argument, NULL, 'F' },
		{ "rules", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct fig_cmd *cmd = &cmd_diff_entry;
	struct opts o;
	struct fig_err err;
	struct fig_diff *d = NULL;
	char *base_name = NULL;
	struct fig_units *units;
	const char *no_colour;
	size_t n;
	int ch, rc;

	memset(&o, 0, sizeof o);
	o.tolerance = FIG_DIFF_TOLERANCE;
	o.fmt = FIG_FMT_TABLE;
	err_clear(&err);
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': o.db = optarg; break;
		case 'b': o.baseline = optarg; break;
		case 'r': o.rules = optarg; break;
		case 's':
			if (!valid_date(optarg))
				return cmd_usage_error(cmd, "--since '%s' is not "
				    "a date YYYY[-MM[-DD]]", optarg);
			o.since = optarg;
			break;
		case 't':
			if (diff_parse_tolerance(optarg, &o.tolerance) != 0)
				return cmd_usage_error(cmd, "--tolerance '%s' is "
				    "not a relative difference such as 0.005 or "
				    "0.5%%", optarg);
			break;
		case 'f':
			if (claim_format_parse(optarg, &o.fmt) != 0)
				return cmd_usage_error(cmd, "unknown format '%s'",
				    optarg);
			break;
		case 'F':
			if (parse_fail_on(optarg, &o.fail_mask) != 0)
				return cmd_usage_error(cmd, "--fail-on '%s': give "
				    "revised, any, or class names joined by ','",
				    optarg);
			break;
		case 'h':
			return cmd_help(cmd);
		default:
			return cmd_usage_error(cmd, "unknown option");
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 1)
		return cmd_usage_error(cmd, "give newer files after '%s'",
		    argv[0]);
	if (argc >= 2 && (o.baseline || o.db))
		return cmd_usage_error(cmd, "files and --baseline/--db exclude "
		    "each other: the first file is the baseline");

	/* without the unit database, units must agree (as in eval) */
	units = units_open(NULL);
	o.units = units;
	if (argc >= 2) {
		rc = from_files(&o, argc, argv, &d, &err);
		base_name = xstrdup(argv[0]);
	} else
		rc = from_store(&o, &d, &base_name, &err);
	if (rc != 0) {
		free(base_name);
		units_free(units);
		return cmd_fail(&err);
	}
	n = diff_run(d);
	if (diff_stats(d)->baseline == 0)
		fprintf(stderr, "figtrack: diff: '%s' has no figures with a "
		    "metric: nothing to class\n", base_name);

	no_colour = getenv("NO_COLOR");
	if (o.fmt == FIG_FMT_TABLE)
		write_table(stdout, d, n, base_name,
		    isatty(STDOUT_FILENO) && !(no_colour && no_colour[0]));
	else
		write_records(stdout, o.fmt, d, n);

	rc = FIG_EXIT_OK;
	for (int c = 0; c < FIG_D_COUNT_; c++)
		if (diff_stats(d)->decided[c] && (o.fail_mask & (1u << c)))
			rc = FIG_EXIT_FOUND;
	diff_free(d);
	units_free(units);
	free(base_name);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		err_set(&err, FIG_EIO, NULL, 0, 0, "cannot write the output: "
		    "%s", strerror(errno));
		return cmd_fail(&err);
	}
	return rc;
}
