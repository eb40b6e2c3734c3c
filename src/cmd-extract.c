/* cmd-extract.c: `figtrack extract`: claim records from documents. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "figtrack/cmd.h"
#include "figtrack/extract.h"

static const char usage[] =
    "usage: figtrack extract [--rules DIR] [--format csv|tsv|jsonl]\n"
    "                        [--published DATE] [--lossy] FILE...\n"
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
    "  --lossy            replace invalid UTF-8 instead of failing\n";

struct out {
	FILE *f;
	enum fig_format fmt;
	struct fig_err *err;
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

static int
exec_extract(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "rules", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ "published", required_argument, NULL, 'p' },
		{ "lossy", no_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct fig_extract_opts opts = { NULL, 0, NULL };
	struct fig_rules *rules;
	struct fig_err err;
	const char *dir = NULL;
	struct out o;
	int c, rc = FIG_EXIT_OK;

	err_clear(&err);
	o.f = stdout;
	o.fmt = FIG_FMT_CSV;
	o.err = &err;
	while ((c = getopt_long(argc, argv, "r:f:p:lh", longopts, NULL)) != -1) {
		switch (c) {
		case 'r': dir = optarg; break;
		case 'f':
			if (claim_format_parse(optarg, &o.fmt) != 0 ||
			    o.fmt == FIG_FMT_TABLE)
				return cmd_usage_error(&cmd_extract_entry,
				    "unknown format '%s'", optarg);
			break;
		case 'p': opts.published = optarg; break;
		case 'l': opts.lossy = 1; break;
		case 'h': return cmd_help(&cmd_extract_entry);
		default: return cmd_usage_error(&cmd_extract_entry,
		    "bad option");
		}
	}
	if (optind >= argc)
		return cmd_usage_error(&cmd_extract_entry, "no FILE given");
	if (rules_load(&rules, rules_default_dir(dir), &err) != 0)
		return cmd_fail(&err);
	rules_jit_for(rules, argv + optind, argc - optind);
	claim_write_header(o.f, o.fmt, NULL, 0);
	for (int i = optind; i < argc; i++) {
		struct fig_extract_cbs cbs = { on_claim, NULL, &o };
		if (extract_path(rules, argv[i], &opts, &cbs, NULL, &err) != 0) {
			fflush(o.f);
			rc = cmd_fail(&err);
			break;
		}
	}
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
