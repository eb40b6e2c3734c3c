/* cmd-extract.c: `figtrack extract`: claim records from documents. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/batch.h"
#include "figtrack/cmd.h"
#include "figtrack/extract.h"
#include "figtrack/reader.h"

static const char usage[] =
    "usage: figtrack extract [--rules DIR] [--format csv|tsv|jsonl]\n"
    "                        [--published DATE] [--lossy] [-j N]\n"
    "                        [--input-format auto|text|markdown|html|pdf]\n"
    "                        [--text] FILE...\n"
    "\n"
    "Writes every dated numeric claim of each FILE ('-' reads standard\n"
    "input) as claim records (docs/formats.md) on standard output.\n"
    "\n"
    "  --rules DIR        rule files to use (default $FIGTRACK_RULES, then\n"
    "                     data/rules, then the installed copy)\n"
    "  --format FMT       csv (default), tsv or jsonl\n"
    "  --published DATE   publication date (YYYY[-MM[-DD]]) when the\n"
    "                     document does not say; present-tense figures take\n"
    "                     its year\n"
    "  --lossy            replace invalid UTF-8 instead of failing\n"
    "  --input-format F   read every FILE as F (default auto: by its\n"
    "                     content, then its extension; docs/formats.md)\n"
    "  --text             write the text extraction reads instead of the\n"
    "                     claims: an HTML page's article, a PDF's text in\n"
    "                     reading order (docs/formats.md); text as it is\n"
    "  -j, --jobs N       extract on N threads (default: one per CPU): N\n"
    "                     files at a time, or one large text file cut into\n"
    "                     parts at blank lines; the output is the same for\n"
    "                     every N\n";

struct out {
	FILE *f;
	enum fig_format fmt;
	struct fig_err *err;
	int failed;
};

/* What every job reads. */
struct work {
	const struct fig_rules *rules;
	char **paths;
	const struct fig_extract_opts *opts;
	enum fig_input fmt;	/* --input-format */
	int split_jobs;		/* threads for one file cut into parts */
};

static int
on_claim(void *ctx, const struct fig_claim *c)
{
	struct out *o = ctx;

	if (claim_write(o->f, o->fmt, c, NULL, NULL, 0) != 0)
		return err_set(o->err, FIG_EIO, "<stdout>", 0, 0,
		    "write error");
	return 0;
}

/* --text: each document as extraction reads it. */
static int
dump_text(int n, char **paths, enum fig_input fmt, int lossy)
{
	struct fig_read_opts ro = { lossy };
	struct fig_err err;

	err_clear(&err);
	for (int i = 0; i < n; i++) {
		struct fig_doctext d;
		doctext_init(&d);
		if (reader_load(paths[i], fmt, &ro, &d, NULL, &err) != 0) {
			doctext_release(&d);
			fflush(stdout);
			return cmd_fail(&err);
		}
		fwrite(buf_str(&d.text), 1, d.text.len, stdout);
		doctext_release(&d);
	}
	if (fflush(stdout) != 0) {
		err_set(&err, FIG_EIO, "<stdout>", 0, 0, "write error");
		return cmd_fail(&err);
	}
	return FIG_EXIT_OK;
}

static int
work_one(void *ctx, int i, const struct fig_extract_cbs *cbs,
    struct fig_err *err)
{
	const struct work *w = ctx;

	return reader_extract_path_jobs(w->rules, w->paths[i], w->fmt, w->opts,
	    cbs, NULL, NULL, NULL, w->split_jobs, err);
}

/* A file that fails ends the run, as it would without threads: its
 * claims so far are written, then the error. */
static int
end_one(void *ctx, int i, int rc, const struct fig_err *err)
{
	struct out *o = ctx;

	(void)i;
	if (rc == 0)
		return 0;
	fflush(o->f);
	cmd_fail(err);
	o->failed = 1;
	return 1;
}

static int
exec_extract(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "rules", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ "published", required_argument, NULL, 'p' },
		{ "lossy", no_argument, NULL, 'l' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "input-format", required_argument, NULL, 'i' },
		{ "text", no_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct fig_extract_opts opts = { NULL, 0, NULL };
	struct fig_rules *rules;
	struct fig_err err;
	const char *dir = NULL;
	struct out o;
	struct work w;
	struct fig_batch_sink sink = { NULL, { on_claim, NULL, NULL },
	    end_one };
	enum fig_input fmt = FIG_IN_AUTO;
	int c, rc = FIG_EXIT_OK, jobs = batch_default_jobs(), text = 0;

	err_clear(&err);
	o.f = stdout;
	o.fmt = FIG_FMT_CSV;
	o.err = &err;
	o.failed = 0;
	while ((c = getopt_long(argc, argv, "r:f:p:lj:i:th", longopts, NULL))
	    != -1) {
		switch (c) {
		case 'j':
			if (batch_parse_jobs(optarg, &jobs) != 0)
				return cmd_usage_error(&cmd_extract_entry, "-j "
				    "takes a number of threads from 1 to 256, "
				    "not '%s'", optarg);
			break;
		case 'r': dir = optarg; break;
		case 'f':
			if (claim_format_parse(optarg, &o.fmt) != 0 ||
			    o.fmt == FIG_FMT_TABLE)
				return cmd_usage_error(&cmd_extract_entry,
				    "unknown format '%s'", optarg);
			break;
		case 'p': opts.published = optarg; break;
		case 'l': opts.lossy = 1; break;
		case 'i':
			if (reader_format_parse(optarg, &fmt) != 0)
				return cmd_usage_error(&cmd_extract_entry,
				    "unknown input format '%s' (auto, text, "
				    "markdown, html or pdf)", optarg);
			break;
		case 't': text = 1; break;
		case 'h': return cmd_help(&cmd_extract_entry);
		default: return cmd_usage_error(&cmd_extract_entry,
		    "bad option");
		}
	}
	if (optind >= argc)
		return cmd_usage_error(&cmd_extract_entry, "no FILE given");
	if (text)
		return dump_text(argc - optind, argv + optind, fmt, opts.lossy);
	if (rules_load(&rules, rules_default_dir(dir), &err) != 0)
		return cmd_fail(&err);
	rules_jit_for(rules, argv + optind, argc - optind);
	claim_write_header(o.f, o.fmt, NULL, 0);
	w.rules = rules;
	w.paths = argv + optind;
	w.opts = &opts;
	w.fmt = fmt;
	/* threads go to files; one file alone is cut into parts */
	w.split_jobs = argc - optind == 1 ? jobs : 1;
	if (batch_run(argc - optind, jobs, work_one, &w, &sink, &o) != 0 &&
	    !o.failed)
		rc = cmd_fail(&err);	/* writing stdout failed */
	if (o.failed)
		rc = FIG_EXIT_TROUBLE;
	if (fflush(o.f) != 0 && rc == FIG_EXIT_OK) {
		err_set(&err, FIG_EIO, "<stdout>", 0, 0, "write error");
		rc = cmd_fail(&err);
	}
	rules_free(rules);
	return rc;
}

const struct fig_cmd cmd_extract_entry = {
	"extract", "write the dated numeric claims of documents", usage,
	exec_extract
};
