/* cmd-eval.c: `figtrack eval`: scores the extraction of one document
 * against a gold file and a negatives file, or of a whole corpus of such
 * documents, for people tuning rules. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "figtrack/buf.h"
#include "figtrack/batch.h"
#include "figtrack/cmd.h"
#include "figtrack/eval.h"
#include "figtrack/extract.h"
#include "figtrack/reader.h"

static const char usage[] =
    "usage: figtrack eval --gold GOLD.csv [--negatives NEG.csv] [OPTIONS] FILE\n"
    "       figtrack eval --corpus DIR [OPTIONS]\n"
    "\n"
    "Extracts FILE and scores it against GOLD.csv (formats.md section 2):\n"
    "precision, recall and F1 of value+unit, the accuracy of period,\n"
    "period_kind, metric and footnote over the matched gold rows, of\n"
    "entity, partner and the whole series key (metric, entity, partner)\n"
    "over the rows with a gold metric, of page over the rows with a gold\n"
    "page (PDF documents), and the negatives hit. Rows with\n"
    "optional=1 are neither required nor penalised. A PDF FILE is scored\n"
    "on the text figtrack reads from it (docs/formats.md, PDF input).\n"
    "\n"
    "--corpus DIR scores every document of DIR that has a gold file beside\n"
    "it (NAME.gold.csv with NAME.md, .txt, .html or .htm; NAME.negatives.csv\n"
    "when present), one line per document, then the counts of all of them\n"
    "together (micro averages).\n"
    "\n"
    "  --min-f1 X, --min-period X, --min-metric X, --min-series X,\n"
    "  --min-footnote X, --max-negatives N\n"
    "                     exit 1 when a threshold is not met\n"
    "  --gold-source SRC  the gold file's lines refer to SRC, another\n"
    "                     rendering of FILE (the text a PDF was made from):\n"
    "                     each row moves to the line of FILE with the same\n"
    "                     occurrence of its quote\n"
    "  --rules DIR        the rule files\n"
    "  --published DATE   the publication date of FILE\n"
    "  --input-format F   read FILE (or the corpus' documents) as F: auto\n"
    "                     (default), text, markdown, html or pdf\n"
    "  -v                 list every miss, wrong field and unwanted claim\n"
    "  -j, --jobs N       extract on N threads (default: one per CPU): N\n"
    "                     documents of a corpus at a time, or a large text\n"
    "                     FILE in parts; the output does not change\n";

/* What --corpus pairs with a gold file, in this order of preference. */
static const char *const doc_exts[] = { ".md", ".txt", ".html", ".htm" };

static int
on_claim(void *ctx, const struct fig_claim *c)
{
	eval_add_claim(ctx, c);
	return 0;
}

/* period: the claim's, or a gold row's readings */
static void
show_claim(const char *tag, const struct fig_claim *c, const char *period)
{
	char v[64];

	claim_fmt_number(c->value, v, sizeof v);
	printf("  %s line %ld \"%s\": %s %s period=%s kind=%s metric=%s "
	    "entity=%s partner=%s footnote=%s", tag, c->line, c->quote, v,
	    c->unit, period, claim_kind_name(c->kind), c->metric,
	    c->entity, c->partner, c->footnote);
	if (c->page > 0)
		printf(" page=%d", c->page);
	putchar('\n');
}

static void
details(const struct fig_eval *e)
{
	for (int i = 0; i < e->ngold; i++) {
		const struct fig_gold *g = &e->gold[i];
		const struct fig_claim *c;
		if (g->match < 0) {
			if (!g->optional)
				show_claim("MISSED  ", &g->c, g->periods);
			continue;
		}
		c = &e->claims[g->match];
		if (g->optional)
			continue;
		if (!(g->has_value && eval_same_value(g->c.value, c->value) &&
		    strcmp(g->c.unit, c->unit) == 0) ||
		    !eval_period_ok(g->periods, c->period) ||
		    g->c.kind != c->kind ||
		    strcmp(g->c.footnote, c->footnote) != 0 ||
		    (g->c.page > 0 && g->c.page != c->page) ||
		    (g->has_metric && (strcmp(g->c.metric, c->metric) != 0 ||
		    strcmp(g->c.entity, c->entity) != 0 ||
		    strcmp(g->c.partner, c->partner) != 0))) {
			show_claim("WANTED  ", &g->c, g->periods);
			show_claim("GOT     ", c, c->period);
		}
	}
	for (int j = 0; j < e->nclaims; j++)
		if (e->claim_gold[j] < 0)
			show_claim(e->claim_neg[j] >= 0 ? "NEGATIVE" : "EXTRA   ",
			    &e->claims[j], e->claims[j].period);
}

static double
ratio(int a, int b)
{
	return b ? (double)a / b : 1;
}

/* The thresholds of the command line; -1 where none was given. */
struct limits {
	double f1, period, metric, series, footnote;
	long negatives;
};

static void
print_score(const struct fig_eval_score *s, int with_neg)
{
	printf("gold rows      %d required (%d optional), %d claims "
	    "extracted\n", s->required, s->ngold - s->required, s->nclaims);
	printf("value+unit     precision %.3f  recall %.3f  F1 %.3f  "
	    "(%d found, %d counted extracted)\n", s->precision, s->recall,
	    s->f1, s->found, s->extracted);
	printf("period         %.3f  (%d/%d matched)\n",
	    ratio(s->period_ok, s->matched), s->period_ok, s->matched);
	printf("period_kind    %.3f  (%d/%d)\n", ratio(s->kind_ok, s->matched),
	    s->kind_ok, s->matched);
	printf("metric         %.3f  (%d/%d with a gold metric)\n",
	    ratio(s->metric_ok, s->metric_n), s->metric_ok, s->metric_n);
	printf("entity         %.3f  (%d/%d)\n",
	    ratio(s->entity_ok, s->metric_n), s->entity_ok, s->metric_n);
	printf("partner        %.3f  (%d/%d)\n",
	    ratio(s->partner_ok, s->metric_n), s->partner_ok, s->metric_n);
	printf("series key     %.3f  (%d/%d)\n",
	    ratio(s->series_ok, s->metric_n), s->series_ok, s->metric_n);
	printf("footnote       %.3f  (%d/%d)\n",
	    ratio(s->footnote_ok, s->matched), s->footnote_ok, s->matched);
	if (s->page_n > 0)
		printf("page           %.3f  (%d/%d with a gold page)\n",
		    ratio(s->page_ok, s->page_n), s->page_ok, s->page_n);
	if (with_neg)
		printf("negatives hit  %d of %d\n", s->neg_hits, s->nneg);
}

static int
below(const struct fig_eval_score *s, const struct limits *l)
{
	return (l->f1 >= 0 && s->f1 < l->f1) ||
	    (l->period >= 0 && ratio(s->period_ok, s->matched) < l->period) ||
	    (l->metric >= 0 && ratio(s->metric_ok, s->metric_n) < l->metric) ||
	    (l->series >= 0 && ratio(s->series_ok, s->metric_n) < l->series) ||
	    (l->footnote >= 0 && ratio(s->footnote_ok, s->matched) <
	    l->footnote) ||
	    (l->negatives >= 0 && s->neg_hits > l->negatives);
}

/* The whole file at path into b. */
static int
slurp(const char *path, struct fig_buf *b, struct fig_err *err)
{
	char chunk[65536];
	size_t n;
	FILE *f = fopen(path, "rb");
	int bad;

	if (f == NULL)
		return err_set(err, FIG_EIO, path, 0, 0, "cannot open: %s",
		    strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(b, chunk, n);
	bad = ferror(f);
	fclose(f);
	return bad ? err_set(err, FIG_EIO, path, 0, 0, "read error") : 0;
}

/* Extracts path and scores it against gold (and neg, or NULL) into e.
 * A PDF is scored on the text read from it; with src (may be NULL) the
 * gold rows refer to that file and are moved to the document's lines. */
static int
score_one(struct fig_eval *e, const struct fig_rules *rules,
    const struct fig_extract_opts *opts, enum fig_input fmt,
    const char *path, const char *gold, const char *neg, const char *src,
    int jobs, struct fig_err *err)
{
	struct fig_extract_cbs cbs = { on_claim, NULL, e };
	struct fig_doctext d;
	enum fig_input got = FIG_IN_TEXT;
	int rc = -1;

	doctext_init(&d);
	if (eval_read(e, gold, 0, err) != 0 ||
	    (neg && eval_read(e, neg, 1, err) != 0) ||
	    reader_extract_path_jobs(rules, path, fmt, opts, &cbs, NULL,
	    &d, &got, jobs, err) != 0)
		goto done;
	if (src) {
		/* the gold's lines are those of src: move them to the text
		 * extraction read (a PDF's, or the file's own) */
		struct fig_buf orig = FIG_BUF_INIT, self = FIG_BUF_INIT;
		int conv = got == FIG_IN_HTML || got == FIG_IN_PDF;
		if (slurp(src, &orig, err) != 0 || (!conv && slurp(path, &self,
		    err) != 0)) {
			buf_release(&orig);
			buf_release(&self);
			goto done;
		}
		eval_rebase(e, buf_str(&orig), orig.len, conv ?
		    buf_str(&d.text) : buf_str(&self), conv ? d.text.len :
		    self.len);
		buf_release(&orig);
		buf_release(&self);
	}
	/* a converted document's quotes are found in the text extraction
	 * read, at the lines they came from */
	if (got == FIG_IN_HTML || got == FIG_IN_PDF)
		rc = eval_score_text(e, buf_str(&d.text), d.text.len, d.origin,
		    err);
	else
		rc = eval_score(e, path, err);
done:
	doctext_release(&d);
	return rc;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The gold files of dir, sorted, each a malloc'd path; *n their count.
 * Returns NULL with err set when dir cannot be read. */
static char **
corpus_golds(const char *dir, size_t *n, struct fig_err *err)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **v = NULL;
	size_t cap = 0;

	*n = 0;
	if (d == NULL) {
		err_set(err, FIG_EIO, dir, 0, 0, "cannot read the corpus: %s",
		    strerror(errno));
		return NULL;
	}
	while ((de = readdir(d)) != NULL) {
		size_t k = strlen(de->d_name);
		struct fig_buf b = FIG_BUF_INIT;
		if (k <= 9 || strcmp(de->d_name + k - 9, ".gold.csv") != 0)
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			v = xrealloc(v, cap * sizeof *v);
		}
		buf_addf(&b, "%s/%s", dir, de->d_name);
		v[(*n)++] = buf_detach(&b);
	}
	closedir(d);
	if (*n == 0) {
		err_set(err, FIG_EINPUT, dir, 0, 0, "no NAME.gold.csv files: "
		    "not a corpus");
		free(v);
		return NULL;
	}
	qsort(v, *n, sizeof *v, cmp_str);
	return v;
}

/* One document of a corpus: its files and its score. */
struct corpus_doc {
	const char *gold;	/* borrowed from the sorted list */
	struct fig_buf doc, neg;
	int have_neg;
	struct fig_doctext text;	/* a page's converted text */
	enum fig_input got;		/* the format it was read in */
	struct fig_eval e;
};

struct corpus_run {
	const struct fig_rules *rules;
	const struct fig_extract_opts *opts;
	enum fig_input fmt;
	struct corpus_doc *docs;
	int cur;		/* the document the sink is reading */
	int verbose;
	int have_neg;
	int failed;
	struct fig_eval_score sum;
};

/* Job i, on a worker thread: find the document beside its gold file,
 * read the gold and negatives, extract. */
static int
corpus_work(void *ctx, int i, const struct fig_extract_cbs *cbs,
    struct fig_err *err)
{
	struct corpus_run *run = ctx;
	struct corpus_doc *d = &run->docs[i];
	size_t stem = strlen(d->gold) - 9;
	const char *base = strrchr(d->gold, '/') + 1;
	struct stat sb;

	for (size_t k = 0; k < sizeof doc_exts / sizeof *doc_exts; k++) {
		buf_reset(&d->doc);
		buf_add(&d->doc, d->gold, stem);
		buf_adds(&d->doc, doc_exts[k]);
		if (stat(d->doc.data, &sb) == 0)
			break;
		buf_reset(&d->doc);
	}
	if (d->doc.len == 0)
		return err_set(err, FIG_EINPUT, d->gold, 0, 0, "no document "
		    "beside it (%.*s.md, .txt, .html or .htm)",
		    (int)(stem - (size_t)(base - d->gold)), base);
	buf_add(&d->neg, d->gold, stem);
	buf_adds(&d->neg, ".negatives.csv");
	d->have_neg = stat(d->neg.data, &sb) == 0;
	if (eval_read(&d->e, d->gold, 0, err) != 0 ||
	    (d->have_neg && eval_read(&d->e, d->neg.data, 1, err) != 0))
		return -1;
	return reader_extract_path(run->rules, d->doc.data, run->fmt,
	    run->opts, cbs, NULL, &d->text, &d->got, err);
}

static int
corpus_begin(void *ctx, int i)
{
	struct corpus_run *run = ctx;

	run->cur = i;
	return 0;
}

static int
corpus_claim(void *ctx, const struct fig_claim *c)
{
	struct corpus_run *run = ctx;

	return on_claim(&run->docs[run->cur].e, c);
}

/* Scores document i and prints its line; an error ends the run. */
static int
corpus_end(void *ctx, int i, int rc, const struct fig_err *jerr)
{
	struct corpus_run *run = ctx;
	struct corpus_doc *d = &run->docs[i];
	const char *base = strrchr(d->gold, '/') + 1;
	const struct fig_eval_score *s = &d->e.score;
	struct fig_err err;

	err_clear(&err);
	/* a converted document's quotes are found in the text extraction
	 * read, at the lines they came from */
	if (rc == 0)
		rc = d->got == FIG_IN_HTML || d->got == FIG_IN_PDF ?
		    eval_score_text(&d->e, buf_str(&d->text.text),
		    d->text.text.len, d->text.origin, &err) :
		    eval_score(&d->e, d->doc.data, &err);
	else
		err = *jerr;
	if (rc != 0) {
		cmd_fail(&err);
		run->failed = 1;
		return 1;
	}
	run->have_neg |= d->e.nneg > 0;
	printf("%-44.44s %5d %5.3f %6.3f %6.3f %6.3f\n",
	    d->doc.data + (base - d->gold), s->required, s->f1,
	    ratio(s->period_ok, s->matched), ratio(s->metric_ok, s->metric_n),
	    ratio(s->series_ok, s->metric_n));
	if (run->verbose)
		details(&d->e);
	eval_sum(&run->sum, s);
	return 0;
}

/* Scores every document of the corpus dir on `jobs` threads; returns
 * the exit status. The lines come in the corpus's order whatever jobs
 * is. */
static int
eval_corpus(const char *dir, const struct fig_rules *rules,
    const struct fig_extract_opts *opts, enum fig_input fmt,
    const struct limits *lim, int verbose, int jobs)
{
	static const struct fig_batch_sink sink = {
		corpus_begin, { corpus_claim, NULL, NULL }, corpus_end
	};
	struct corpus_run run;
	struct fig_err err;
	size_t n;
	char **golds;
	int rc = FIG_EXIT_OK;

	err_clear(&err);
	if ((golds = corpus_golds(dir, &n, &err)) == NULL)
		return cmd_fail(&err);
	memset(&run, 0, sizeof run);
	run.rules = rules;
	run.opts = opts;
	run.fmt = fmt;
	run.verbose = verbose;
	run.docs = xmalloc(n * sizeof *run.docs);
	for (size_t i = 0; i < n; i++) {
		run.docs[i].gold = golds[i];
		buf_init(&run.docs[i].doc);
		buf_init(&run.docs[i].neg);
		doctext_init(&run.docs[i].text);
		run.docs[i].got = FIG_IN_TEXT;
		eval_init(&run.docs[i].e);
	}
	printf("%-44s %5s %5s %6s %6s %6s\n", "document", "rows", "F1",
	    "period", "metric", "series");
	batch_run((int)n, jobs, corpus_work, &run, &sink, &run);
	if (run.failed)
		rc = FIG_EXIT_TROUBLE;
	for (size_t i = 0; i < n; i++) {
		buf_release(&run.docs[i].doc);
		buf_release(&run.docs[i].neg);
		doctext_release(&run.docs[i].text);
		eval_release(&run.docs[i].e);
		free(golds[i]);
	}
	free(run.docs);
	free(golds);
	if (rc != FIG_EXIT_OK)
		return rc;
	printf("\n%zu documents\n", n);
	print_score(&run.sum, run.have_neg);
	if (below(&run.sum, lim)) {
		fprintf(stderr, "figtrack: eval: below the thresholds given\n");
		rc = FIG_EXIT_FOUND;
	}
	return rc;
}

static int
exec_eval(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "gold", required_argument, NULL, 'g' },
		{ "negatives", required_argument, NULL, 'n' },
		{ "corpus", required_argument, NULL, 'c' },
		{ "gold-source", required_argument, NULL, 'G' },
		{ "min-f1", required_argument, NULL, 'F' },
		{ "min-period", required_argument, NULL, 'P' },
		{ "min-metric", required_argument, NULL, 'M' },
		{ "min-series", required_argument, NULL, 'S' },
		{ "min-footnote", required_argument, NULL, 'N' },
		{ "max-negatives", required_argument, NULL, 'X' },
		{ "rules", required_argument, NULL, 'r' },
		{ "published", required_argument, NULL, 'p' },
		{ "input-format", required_argument, NULL, 'i' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct fig_extract_opts opts = { NULL, 0, NULL };
	struct limits lim = { -1, -1, -1, -1, -1, -1 };
	const char *gold = NULL, *neg = NULL, *dir = NULL, *corpus = NULL;
	const char *src = NULL;
	struct fig_rules *rules = NULL;
	struct fig_eval e;
	struct fig_err err;
	int c, verbose = 0, rc = FIG_EXIT_OK, jobs = batch_default_jobs();
	enum fig_input fmt = FIG_IN_AUTO;
	char *end;

	err_clear(&err);
	while ((c = getopt_long(argc, argv, "g:n:r:p:vj:h", longopts, NULL))
	    != -1) {
		double *dst = NULL;
		switch (c) {
		case 'j':
			if (batch_parse_jobs(optarg, &jobs) != 0)
				return cmd_usage_error(&cmd_eval_entry, "-j "
				    "takes a number of threads from 1 to 256, "
				    "not '%s'", optarg);
			break;
		case 'g': gold = optarg; break;
		case 'n': neg = optarg; break;
		case 'c': corpus = optarg; break;
		case 'G': src = optarg; break;
		case 'r': dir = optarg; break;
		case 'p': opts.published = optarg; break;
		case 'i':
			if (reader_format_parse(optarg, &fmt) != 0)
				return cmd_usage_error(&cmd_eval_entry,
				    "unknown input format '%s' (auto, text, "
				    "markdown, html or pdf)", optarg);
			break;
		case 'v': verbose = 1; break;
		case 'F': dst = &lim.f1; break;
		case 'P': dst = &lim.period; break;
		case 'M': dst = &lim.metric; break;
		case 'S': dst = &lim.series; break;
		case 'N': dst = &lim.footnote; break;
		case 'X':
			lim.negatives = strtol(optarg, &end, 10);
			if (*end || lim.negatives < 0)
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
	if (corpus) {
		if (gold || neg || src || optind != argc)
			return cmd_usage_error(&cmd_eval_entry, "--corpus takes "
			    "no FILE, --gold, --gold-source or --negatives");
	} else if (gold == NULL)
		return cmd_usage_error(&cmd_eval_entry, "--gold is required");
	else if (optind + 1 != argc)
		return cmd_usage_error(&cmd_eval_entry, "give one FILE");
	if (rules_load(&rules, rules_default_dir(dir), &err) != 0)
		return cmd_fail(&err);
	if (corpus) {
		rules_jit(rules);
		rc = eval_corpus(corpus, rules, &opts, fmt, &lim, verbose,
		    jobs);
		rules_free(rules);
		return rc;
	}
	rules_jit_for(rules, argv + optind, 1);
	eval_init(&e);
	if (score_one(&e, rules, &opts, fmt, argv[optind], gold, neg, src,
	    jobs,
	    &err) != 0) {
		rc = cmd_fail(&err);
		goto out;
	}
	print_score(&e.score, neg != NULL);
	if (verbose)
		details(&e);
	if (below(&e.score, &lim)) {
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
