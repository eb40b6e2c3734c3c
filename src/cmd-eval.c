/* cmd-eval.c: `figtrack eval`: scores the extraction of one document
 * against a gold file and a negatives file, for people tuning rules. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/cmd.h"
#include "figtrack/eval.h"
#include "figtrack/extract.h"

static const char usage[] =
    "usage: figtrack eval --gold GOLD.csv [--negatives NEG.csv] [--min-f1 X]\n"
    "                     [--min-period X] [--min-metric X]\n"
    "                     [--min-footnote X] [--max-negatives N]\n"
    "                     [--rules DIR] [--published DATE] [-v] FILE\n"
    "\n"
    "Extracts FILE and scores it against GOLD.csv (formats.md section 2):\n"
    "precision, recall and F1 of value+unit, the accuracy of period,\n"
    "period_kind, metric and footnote over the matched gold rows, and the\n"
    "negatives hit. Rows with optional=1 are neither required nor\n"
    "penalised. -v lists every miss, wrong field and unwanted claim.\n"
    "Exit 1 when a --min/--max threshold is not met.\n";

static int
on_claim(void *ctx, const struct fig_claim *c)
{
	eval_add_claim(ctx, c);
	return 0;
}

static void
show_claim(const char *tag, const struct fig_claim *c)
{
	char v[64];

	claim_fmt_number(c->value, v, sizeof v);
	printf("  %s line %ld \"%s\": %s %s period=%s kind=%s metric=%s "
	    "entity=%s footnote=%s\n", tag, c->line, c->quote, v, c->unit,
	    c->period, claim_kind_name(c->kind), c->metric, c->entity,
	    c->footnote);
}

static void
details(const struct fig_eval *e)
{
	for (int i = 0; i < e->ngold; i++) {
		const struct fig_gold *g = &e->gold[i];
		const struct fig_claim *c;
		if (g->match < 0) {
			if (!g->optional)
				show_claim("MISSED  ", &g->c);
			continue;
		}
		c = &e->claims[g->match];
		if (g->optional)
			continue;
		if (!(g->has_value && eval_same_value(g->c.value, c->value) &&
		    strcmp(g->c.unit, c->unit) == 0) ||
		    strcmp(g->c.period, c->period) != 0 ||
		    g->c.kind != c->kind ||
		    strcmp(g->c.footnote, c->footnote) != 0 ||
		    (g->has_metric && strcmp(g->c.metric, c->metric) != 0)) {
			show_claim("WANTED  ", &g->c);
			show_claim("GOT     ", c);
		}
	}
	for (int j = 0; j < e->nclaims; j++)
		if (e->claim_gold[j] < 0)
			show_claim(e->claim_neg[j] >= 0 ? "NEGATIVE" : "EXTRA   ",
			    &e->claims[j]);
}

static double
ratio(int a, int b)
{
	return b ? (double)a / b : 1;
}

static int
exec_eval(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "gold", required_argument, NULL, 'g' },
		{ "negatives", required_argument, NULL, 'n' },
		{ "min-f1", required_argument, NULL, 'F' },
		{ "min-period", required_argument, NULL, 'P' },
		{ "min-metric", required_argument, NULL, 'M' },
		{ "min-footnote", required_argument, NULL, 'N' },
		{ "max-negatives", required_argument, NULL, 'X' },
		{ "rules", required_argument, NULL, 'r' },
		{ "published", required_argument, NULL, 'p' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct fig_extract_opts opts = { NULL, 0, NULL };
	double min_f1 = -1, min_period = -1, min_metric = -1, min_fn = -1;
	long max_neg = -1;
	const char *gold = NULL, *neg = NULL, *dir = NULL;
	struct fig_rules *rules = NULL;
	struct fig_eval e;
	struct fig_err err;
	int c, verbose = 0, rc = FIG_EXIT_OK;
	char *end;

	err_clear(&err);
	while ((c = getopt_long(argc, argv, "g:n:r:p:vh", longopts, NULL))
	    != -1) {
		double *dst = NULL;
		switch (c) {
		case 'g': gold = optarg; break;
		case 'n': neg = optarg; break;
		case 'r': dir = optarg; break;
		case 'p': opts.published = optarg; break;
		case 'v': verbose = 1; break;
		case 'F': dst = &min_f1; break;
		case 'P': dst = &min_period; break;
		case 'M': dst = &min_metric; break;
		case 'N': dst = &min_fn; break;
		case 'X':
			max_neg = strtol(optarg, &end, 10);
			if (*end || max_neg < 0)
				return cmd_usage_error(&cmd_eval_entry,
				    "--max-negatives needs a count");
			break;
		case 'h': return cmd_help(&cmd_eval_entry);
		default: return cmd_usage_error(&cmd_eval_entry, "bad option");
		}
		if (dst) {
			*dst = strtod(optarg, &end);
			if (*end || *dst < 0 || *dst > 1)
				return cmd_usage_error(&cmd_eval_entry,
				    "threshold '%s' is not between 0 and 1",
				    optarg);
		}
	}
	if (gold == NULL)
		return cmd_usage_error(&cmd_eval_entry, "--gold is required");
	if (optind + 1 != argc)
		return cmd_usage_error(&cmd_eval_entry, "give one FILE");
	eval_init(&e);
	if (eval_read(&e, gold, 0, &err) != 0 ||
	    (neg && eval_read(&e, neg, 1, &err) != 0) ||
	    rules_load(&rules, rules_default_dir(dir), &err) != 0) {
		rc = cmd_fail(&err);
		goto out;
	}
	rules_jit_for(rules, argv + optind, 1);
	{
		struct fig_extract_cbs cbs = { on_claim, NULL, &e };
		if (extract_path(rules, argv[optind], &opts, &cbs, NULL,
		    &err) != 0 || eval_score(&e, argv[optind], &err) != 0) {
			rc = cmd_fail(&err);
			goto out;
		}
	}
	printf("gold rows      %d required (%d optional), %d claims "
	    "extracted\n", e.required, e.ngold - e.required, e.nclaims);
	printf("value+unit     precision %.3f  recall %.3f  F1 %.3f  "
	    "(%d found, %d counted extracted)\n", e.precision, e.recall, e.f1,
	    e.found, e.extracted);
	printf("period         %.3f  (%d/%d matched)\n",
	    ratio(e.period_ok, e.matched), e.period_ok, e.matched);
	printf("period_kind    %.3f  (%d/%d)\n", ratio(e.kind_ok, e.matched),
	    e.kind_ok, e.matched);
	printf("metric         %.3f  (%d/%d with a gold metric)\n",
	    ratio(e.metric_ok, e.metric_n), e.metric_ok, e.metric_n);
	printf("footnote       %.3f  (%d/%d)\n",
	    ratio(e.footnote_ok, e.matched), e.footnote_ok, e.matched);
	if (neg)
		printf("negatives hit  %d of %d\n", e.neg_hits, e.nneg);
	if (verbose)
		details(&e);
	if ((min_f1 >= 0 && e.f1 < min_f1) ||
	    (min_period >= 0 && ratio(e.period_ok, e.matched) < min_period) ||
	    (min_metric >= 0 && ratio(e.metric_ok, e.metric_n) < min_metric) ||
	    (min_fn >= 0 && ratio(e.footnote_ok, e.matched) < min_fn) ||
	    (max_neg >= 0 && e.neg_hits > max_neg)) {
		fprintf(stderr, "figtrack: eval: below the thresholds given\n");
		rc = FIG_EXIT_FOUND;
	}
out:
	rules_free(rules);
	eval_release(&e);
	return rc;
}

const struct fig_cmd cmd_eval_entry = {
	"eval", "score extraction against a gold file", usage, exec_eval
};
