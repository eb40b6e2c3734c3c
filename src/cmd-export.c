/* cmd-export.c: `figtrack export`, stored claims as claim records with
 * the document's title and date and the source behind each figure. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "figtrack/buf.h"
#include "figtrack/cmd.h"
#include "figtrack/export.h"
#include "figtrack/store.h"

static const char usage[] =
    "usage: figtrack export [--db PATH] [--metric M] [--entity E]\n"
    "                       [--partner P] [--since DATE] [--format csv|tsv|jsonl]\n"
    "                       [-o FILE]\n"
    "\n"
    "Writes stored claims as claim records (the columns of `figtrack\n"
    "extract`, doc being the document's title) followed by title,\n"
    "published, source_date and source_url. `figtrack import` reads the\n"
    "CSV back; exporting the imported database gives the same bytes.\n"
    "\n"
    "  --db PATH      the database (default $FIGTRACK_DB, else figtrack.db)\n"
    "  --metric M     only this metric\n"
    "  --entity E     only this entity\n"
    "  --partner P    only this partner ('' for figures with none)\n"
    "  --since DATE   only documents published on or after DATE\n"
    "                 (YYYY[-MM[-DD]]; a partial date is its first day)\n"
    "  --format FMT   csv (default), tsv or jsonl\n"
    "  -o FILE        write to FILE (replaced only when all went well)\n"
    "  -h, --help     this text\n";

static int
export_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "metric", required_argument, NULL, 'm' },
		{ "entity", required_argument, NULL, 'e' },
		{ "partner", required_argument, NULL, 'p' },
		{ "since", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *db = NULL, *outpath = NULL;
	enum fig_format fmt = FIG_FMT_CSV;
	struct fig_query q;
	struct fig_store *s;
	struct fig_err err;
	struct fig_buf tmp = FIG_BUF_INIT;
	FILE *out = stdout;
	long n = 0;
	int c, rc;

	memset(&q, 0, sizeof q);
	while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'm':
			q.metric = optarg;
			break;
		case 'e':
			q.entity = optarg;
			break;
		case 'p':
			q.partner = optarg;
			break;
		case 's':
			if (store_date_valid(optarg) != 0)
				return cmd_usage_error(&cmd_export_entry,
				    "--since '%s' is not YYYY[-MM[-DD]]", optarg);
			q.since = optarg;
			break;
		case 'f':
			if (claim_format_parse(optarg, &fmt) != 0 ||
			    fmt == FIG_FMT_TABLE)
				return cmd_usage_error(&cmd_export_entry,
				    "unknown format '%s'", optarg);
			break;
		case 'o':
			outpath = optarg;
			break;
		case 'h':
			return cmd_help(&cmd_export_entry);
		default:
			return cmd_usage_error(&cmd_export_entry, "bad option");
		}
	}
	if (optind != argc)
		return cmd_usage_error(&cmd_export_entry, "unexpected argument "
		    "'%s'", argv[optind]);
	if (store_open(&s, store_default_path(db), FIG_STORE_RDONLY, &err)
	    != 0)
		return cmd_fail(&err);
	if (outpath && strcmp(outpath, "-") != 0) {
		/* a temporary beside the target, renamed at the end, so a
		 * failed export never leaves half a file */
		buf_addf(&tmp, "%s.tmp", outpath);
		if ((out = fopen(tmp.data, "w")) == NULL) {
			err_set(&err, FIG_EIO, outpath, 0, 0, "cannot write: %s",
			    strerror(errno));
			store_close(s);
			buf_release(&tmp);
			return cmd_fail(&err);
		}
	}
	rc = export_claims(s, &q, out, fmt, &n, &err);
	store_close(s);
	if (rc != 0 && err.code == FIG_EIO && err.file[0] == '\0')
		snprintf(err.file, sizeof err.file, "%s", outpath &&
		    strcmp(outpath, "-") != 0 ? outpath : "stdout");
	if (rc == 0 && (fflush(out) != 0 || ferror(out)))
		rc = err_set(&err, FIG_EIO, outpath ? outpath : "stdout", 0, 0,
		    "write error: %s", strerror(errno));
	if (out != stdout) {
		if (fclose(out) != 0 && rc == 0)
			rc = err_set(&err, FIG_EIO, outpath, 0, 0, "write "
			    "error: %s", strerror(errno));
		if (rc == 0 && rename(tmp.data, outpath) != 0)
			rc = err_set(&err, FIG_EIO, outpath, 0, 0, "cannot "
			    "rename %s: %s", tmp.data, strerror(errno));
		if (rc != 0)
			remove(tmp.data);
		else
			fprintf(stderr, "figtrack: wrote %ld claim records to "
			    "%s\n", n, outpath);
	}
	buf_release(&tmp);
	return rc == 0 ? FIG_EXIT_OK : cmd_fail(&err);
}

const struct fig_cmd cmd_export_entry = {
	"export", "write stored claims as CSV, TSV or JSONL", usage,
	export_exec
};
