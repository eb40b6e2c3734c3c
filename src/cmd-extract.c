/* cmd-extract.c: `figtrack extract`: claim records from documents. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/cmd.h"
#include "figtrack/extract.h"
#include "figtrack/pdf.h"

static const char usage[] =
    "usage: figtrack extract [--rules DIR] [--format csv|tsv|jsonl]\n"
    "                        [--published DATE] [--lossy] FILE...\n"
    "       figtrack extract --text FILE...\n"
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
    "  --text             write the text extraction reads instead of claims:\n"
    "                     a PDF's text in reading order (docs/formats.md,\n"
    "                     PDF input); other files as they are\n";

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

/* --text: the text of path as extraction reads it, on stdout. */
static int
write_text(const char *path, struct fig_err *err)
{
	struct fig_buf doc = FIG_BUF_INIT, text = FIG_BUF_INIT;
	char chunk[65536];
	size_t n;
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	int rc = 0;

	if (f == NULL)
		return err_set(err, FIG_EIO, path, 0, 0, "cannot open: %s",
		    strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&doc, chunk, n);
	if (ferror(f))
		rc = err_set(err, FIG_EIO, path, 0, 0, "read error");
	if (f != stdin)
		fclose(f);
	if (rc == 0 && pdf_is(buf_str(&doc), doc.len)) {
		struct fig_pdfpages pages;
		rc = pdf_read(doc.data, doc.len, path, &text, &pages, err);
		pdf_pages_release(&pages);
	} else if (rc == 0)
		buf_add(&text, buf_str(&doc), doc.len);
	if (rc == 0 && fwrite(buf_str(&text), 1, text.len, stdout) != text.len)
		rc = err_set(err, FIG_EIO, "<stdout>", 0, 0, "write error");
	buf_release(&doc);
	buf_release(&text);
	return rc;
}

static int
exec_extract(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "rules", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ "published", required_argument, NULL, 'p' },
		{ "lossy", no_argument, NULL, 'l' },
		{ "text", no_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct fig_extract_opts opts = { NULL, 0, NULL };
	struct fig_rules *rules;
	struct fig_err err;
	const char *dir = NULL;
	struct out o;
	int c, rc = FIG_EXIT_OK, text = 0;

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
		case 't': text = 1; break;
		case 'h': return cmd_help(&cmd_extract_entry);
		default: return cmd_usage_error(&cmd_extract_entry,
		    "bad option");
		}
	}
	if (optind >= argc)
		return cmd_usage_error(&cmd_extract_entry, "no FILE given");
	if (text) {
		for (int i = optind; i < argc && rc == FIG_EXIT_OK; i++)
			if (write_text(argv[i], &err) != 0)
				rc = cmd_fail(&err);
		if (fflush(stdout) != 0 && rc == FIG_EXIT_OK) {
			err_set(&err, FIG_EIO, "<stdout>", 0, 0, "write error");
			rc = cmd_fail(&err);
		}
		return rc;
	}
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
