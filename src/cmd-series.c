/* cmd-series.c: `figtrack series`, the time series in the store: with
 * no argument one line per series, with a metric its figures in order of
 * period and publication, each with where it was said. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "figtrack/cmd.h"
#include "figtrack/store.h"
#include "figtrack/table.h"

static const char usage[] =
    "usage: figtrack series [--db PATH] [--format table|csv|tsv|jsonl]\n"
    "                       [METRIC [ENTITY [PARTNER]]]\n"
    "\n"
    "Without METRIC, lists every series (metric, entity, partner and unit)\n"
    "with its number of figures and its first and last period. With METRIC\n"
    "(and ENTITY, PARTNER; '' for no partner), prints the figures by\n"
    "entity, partner, period and publication date,\n"
    "each with its document, line and quote, and the date and URL of the\n"
    "reference its footnote cites (source_date, source_url).\n"
    "\n"
    "  --db PATH      the database (default $FIGTRACK_DB, else figtrack.db)\n"
    "  --format FMT   table (default), csv, tsv or jsonl\n"
    "  -h, --help     this text\n";

static const char *const list_cols[] = {
	"metric", "entity", "partner", "unit", "figures", "first_period",
	"last_period"
};
#define NLIST 7

/* Figures of one metric, as records; the table drops the metric (it is
 * the argument) and cuts long quotes. */
static const char *const fig_cols[] = {
	"metric", "entity", "partner", "period", "value", "low", "high",
	"qualifier", "unit", "period_kind", "published", "doc", "line",
	"quote", "source_date", "source_url"
};
#define NFIG 16
static const char *const table_cols[] = {
	"entity", "partner", "period", "value", "low", "high", "qualifier",
	"unit", "kind", "published", "document", "line", "quote",
	"source_date", "source_url"
};
#define NTABLE 15
#define QUOTE_MAX 60
#define TITLE_MAX 40

struct printer {
	enum fig_format fmt;
	struct fig_table table;
	long n;
};

static int
on_series(void *ctx, const struct fig_series *r)
{
	struct printer *p = ctx;
	char n[32];
	const char *v[NLIST];

	snprintf(n, sizeof n, "%ld", r->figures);
	v[0] = r->metric;
	v[1] = r->entity;
	v[2] = r->partner;
	v[3] = r->unit;
	v[4] = n;
	v[5] = r->first_period;
	v[6] = r->last_period;
	if (p->fmt == FIG_FMT_TABLE)
		table_add(&p->table, v);
	else
		rec_write_row(stdout, p->fmt, list_cols, v, NLIST);
	p->n++;
	return 0;
}

static int
on_figure(void *ctx, const struct fig_row *r)
{
	struct printer *p = ctx;
	const struct fig_claim *c = &r->claim;
	const char *v[NFIG];
	char value[64], low[64] = "", high[64] = "", line[32];

	claim_fmt_number(c->value, value, sizeof value);
	if (c->has_low)
		claim_fmt_number(c->low, low, sizeof low);
	if (c->has_high)
		claim_fmt_number(c->high, high, sizeof high);
	snprintf(line, sizeof line, "%ld", c->line);
	v[0] = c->metric;
	v[1] = c->entity;
	v[2] = c->partner;
	v[3] = c->period;
	v[4] = value;
	v[5] = low;
	v[6] = high;
	v[7] = claim_qual_name(c->qual);
	v[8] = c->unit;
	v[9] = claim_kind_name(c->kind);
	v[10] = r->doc->published;
	v[11] = r->doc->title;
	v[12] = line;
	v[13] = c->quote;
	v[14] = r->source_date;
	v[15] = r->source_url;
	if (p->fmt == FIG_FMT_TABLE)
		table_add(&p->table, v + 1);
	else
		rec_write_row(stdout, p->fmt, fig_cols, v, NFIG);
	p->n++;
	return 0;
}

static int
series_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *db = NULL;
	struct printer p;
	struct fig_query q;
	struct fig_store *s;
	struct fig_err err;
	int c, rc;

	memset(&p, 0, sizeof p);
	memset(&q, 0, sizeof q);
	p.fmt = FIG_FMT_TABLE;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'f':
			if (claim_format_parse(optarg, &p.fmt) != 0)
				return cmd_usage_error(&cmd_series_entry,
				    "unknown format '%s'", optarg);
			break;
		case 'h':
			return cmd_help(&cmd_series_entry);
		default:
			return cmd_usage_error(&cmd_series_entry, "bad option");
		}
	}
	if (argc - optind > 3)
		return cmd_usage_error(&cmd_series_entry, "too many arguments");
	if (optind < argc)
		q.metric = argv[optind];
	if (optind + 1 < argc)
		q.entity = argv[optind + 1];
	if (optind + 2 < argc)
		q.partner = argv[optind + 2];
	q.with_metric = 1;
	if (store_open(&s, store_default_path(db), FIG_STORE_RDONLY, &err)
	    != 0)
		return cmd_fail(&err);
	if (q.metric == NULL) {
		table_init(&p.table, list_cols, NLIST);
		table_set_right(&p.table, 4);
		if (p.fmt != FIG_FMT_TABLE)
			rec_write_header(stdout, p.fmt, list_cols, NLIST);
		rc = store_each_series(s, on_series, &p, &err);
	} else {
		table_init(&p.table, table_cols, NTABLE);
		table_set_right(&p.table, 3);
		table_set_right(&p.table, 4);
		table_set_right(&p.table, 5);
		table_set_right(&p.table, 11);
		table_set_max(&p.table, 10, TITLE_MAX);
		table_set_max(&p.table, 12, QUOTE_MAX);
		if (p.fmt != FIG_FMT_TABLE)
			rec_write_header(stdout, p.fmt, fig_cols, NFIG);
		rc = store_each_claim(s, &q, on_figure, &p, &err);
	}
	store_close(s);
	if (rc == 0 && p.fmt == FIG_FMT_TABLE && p.n > 0)
		table_print(&p.table, stdout);
	table_release(&p.table);
	if (rc != 0)
		return cmd_fail(&err);
	if (q.metric && p.n == 0) {
		fprintf(stderr, "figtrack: series: no figures for metric '%s'%s"
		    "%s%s; 'figtrack series' lists the series\n", q.metric,
		    q.entity ? " and entity '" : "", q.entity ? q.entity : "",
		    q.entity ? "'" : "");
		return FIG_EXIT_TROUBLE;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		err_set(&err, FIG_EIO, "stdout", 0, 0, "write error");
		return cmd_fail(&err);
	}
	return FIG_EXIT_OK;
}

const struct fig_cmd cmd_series_entry = {
	"series", "list series, or one metric's figures over time", usage,
	series_exec
};
