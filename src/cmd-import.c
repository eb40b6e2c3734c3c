/* cmd-import.c: `figtrack import`, CSV files into the store, each file
 * in one transaction. The import module reads both the observations CSV
 * and exported claim records (it tells them apart by the header). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "figtrack/cmd.h"
#include "figtrack/import.h"
#include "figtrack/sha256.h"
#include "figtrack/store.h"

static const char usage[] =
    "usage: figtrack import [--db PATH] [--title T] [--published DATE]\n"
    "                       FILE.csv...\n"
    "\n"
    "Stores the figures of each CSV file, all of a file or, on any error,\n"
    "none of it; errors name the row and column. Two kinds of file:\n"
    "\n"
    "  observations   metric,entity,period,value,unit,source,published\n"
    "                 (+ optional low,high,qualifier,note): figures from a\n"
    "                 dataset; the file becomes one dataset document dated\n"
    "                 by its latest published value, each figure keeping\n"
    "                 its own date as source_date\n"
    "  claim records  the columns of `figtrack export` (or `figtrack\n"
    "                 extract` with --published): one dataset document per\n"
    "                 title and publication date\n"
    "\n"
    "The same file imported twice is a no-op that says so.\n"
    "\n"
    "  --db PATH         the database (default $FIGTRACK_DB, else\n"
    "                    figtrack.db)\n"
    "  --title T         title of an observations dataset (default: the\n"
    "                    file's name)\n"
    "  --published DATE  date of claim records that have no published\n"
    "                    column\n"
    "  -h, --help        this text\n";

static int
import_one(struct fig_store *s, const char *path,
    const struct import_opts *o, struct fig_err *err)
{
	struct import_result res;
	char hex[65];
	FILE *f;
	int rc;

	if ((f = sha256_fopen(path, hex, err)) == NULL)
		return -1;
	rc = import_csv(s, f, path, hex, o, &res, err);
	fclose(f);
	if (rc != 0)
		return -1;
	if (res.already)
		printf("%s: already imported as document %lld; nothing "
		    "done\n", path, res.already);
	else if (res.claim_records)
		printf("%s: imported %ld claim records into %d document%s "
		    "(first id %lld)\n", path, res.rows, res.ndocs,
		    res.ndocs == 1 ? "" : "s", res.first_id);
	else
		printf("%s: imported %ld observations as document %lld\n",
		    path, res.rows, res.first_id);
	return 0;
}

static int
import_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "title", required_argument, NULL, 't' },
		{ "published", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *db = NULL;
	struct import_opts o = { NULL, NULL };
	struct fig_store *s;
	struct fig_err err;
	int c;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 't':
			o.title = optarg;
			break;
		case 'p':
			if (store_date_valid(optarg) != 0)
				return cmd_usage_error(&cmd_import_entry,
				    "--published '%s' is not YYYY[-MM[-DD]]",
				    optarg);
			o.published = optarg;
			break;
		case 'h':
			return cmd_help(&cmd_import_entry);
		default:
			return cmd_usage_error(&cmd_import_entry, "bad option");
		}
	}
	if (optind == argc)
		return cmd_usage_error(&cmd_import_entry, "name a CSV file "
		    "('-' for standard input)");
	if (o.title && argc - optind > 1)
		return cmd_usage_error(&cmd_import_entry, "--title names one "
		    "dataset: give one file");
	if (store_open(&s, store_default_path(db), 0, &err) != 0)
		return cmd_fail(&err);
	for (int i = optind; i < argc; i++)
		if (import_one(s, argv[i], &o, &err) != 0) {
			store_close(s);
			return cmd_fail(&err);
		}
	store_close(s);
	return FIG_EXIT_OK;
}

const struct fig_cmd cmd_import_entry = {
	"import", "store figures from an observations or claims CSV", usage,
	import_exec
};
