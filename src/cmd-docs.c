/* cmd-docs.c: `figtrack docs`, the documents in the store, oldest
 * publication first, with their claim counts. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "figtrack/cmd.h"
#include "figtrack/store.h"
#include "figtrack/table.h"

static const char usage[] =
    "usage: figtrack docs [--db PATH] [--format table|csv|tsv|jsonl]\n"
    "\n"
    "Lists the stored documents, oldest publication first: id, publication\n"
    "date, kind, number of claims, title, path, when it was added and the\n"
    "SHA-256 of its content.\n"
    "\n"
    "  --db PATH      the database (default $FIGTRACK_DB, else figtrack.db)\n"
    "  --format FMT   table (default), csv, tsv or jsonl\n"
    "  -h, --help     this text\n";

static const char *const columns[] = {
	"id", "published", "kind", "claims", "title", "path", "added", "sha256"
};
#define NCOLS 8
/* The table leaves out the hash and the time added. */
#define NTABLE 6

struct lister {
	enum fig_format fmt;
	struct fig_table table;
};

static int
on_doc(void *ctx, const struct fig_doc *d)
{
	struct lister *l = ctx;
	char id[32], n[32];
	const char *v[NCOLS];

	snprintf(id, sizeof id, "%lld", d->id);
	snprintf(n, sizeof n, "%ld", d->nclaims);
	v[0] = id;
	v[1] = d->published;
	v[2] = d->kind;
	v[3] = n;
	v[4] = d->title;
	v[5] = d->path;
	v[6] = d->added;
	v[7] = d->sha256;
	if (l->fmt == FIG_FMT_TABLE)
		table_add(&l->table, v);
	else
		rec_write_row(stdout, l->fmt, columns, v, NCOLS);
	return 0;
}

static int
docs_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *db = NULL;
	struct lister l;
	struct fig_store *s;
	struct fig_err err;
	int c, rc;

	memset(&l, 0, sizeof l);
	l.fmt = FIG_FMT_TABLE;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'f':
			if (claim_format_parse(optarg, &l.fmt) != 0)
				return cmd_usage_error(&cmd_docs_entry,
				    "unknown format '%s'", optarg);
			break;
		case 'h':
			return cmd_help(&cmd_docs_entry);
		default:
			return cmd_usage_error(&cmd_docs_entry, "bad option");
		}
	}
	if (optind != argc)
		return cmd_usage_error(&cmd_docs_entry, "unexpected argument "
		    "'%s'", argv[optind]);
	if (store_open(&s, store_default_path(db), FIG_STORE_RDONLY, &err)
	    != 0)
		return cmd_fail(&err);
	table_init(&l.table, columns, NTABLE);
	table_set_right(&l.table, 0);
	table_set_right(&l.table, 3);
	table_set_max(&l.table, 4, 60);
	if (l.fmt != FIG_FMT_TABLE)
		rec_write_header(stdout, l.fmt, columns, NCOLS);
	rc = store_each_doc(s, on_doc, &l, &err);
	if (rc == 0 && l.fmt == FIG_FMT_TABLE)
		table_print(&l.table, stdout);
	table_release(&l.table);
	store_close(s);
	if (rc != 0)
		return cmd_fail(&err);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		err_set(&err, FIG_EIO, "stdout", 0, 0, "write error");
		return cmd_fail(&err);
	}
	return FIG_EXIT_OK;
}

const struct fig_cmd cmd_docs_entry = {
	"docs", "list the stored documents", usage, docs_exec
};
