/* cmd-rm.c: `figtrack rm`, removing documents with their claims and
 * references, all named documents or none. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "figtrack/cmd.h"
#include "figtrack/store.h"

static const char usage[] =
    "usage: figtrack rm [--db PATH] DOC...\n"
    "\n"
    "Removes each DOC (an id, an exact title or the path it was added\n"
    "from, as 'figtrack docs' lists them) with its claims and references.\n"
    "A name that matches several documents is an error listing them;\n"
    "nothing is removed unless every DOC is found.\n"
    "\n"
    "  --db PATH      the database (default $FIGTRACK_DB, else figtrack.db)\n"
    "  -h, --help     this text\n";

static int
rm_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *db = NULL;
	struct fig_store *s;
	struct fig_err err;
	struct fig_doc *docs;
	int c, n, i;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'h':
			return cmd_help(&cmd_rm_entry);
		default:
			return cmd_usage_error(&cmd_rm_entry, "bad option");
		}
	}
	if (optind == argc)
		return cmd_usage_error(&cmd_rm_entry, "name a document to "
		    "remove");
	if (store_open(&s, store_default_path(db), FIG_STORE_NOCREATE,
	    &err) != 0)
		return cmd_fail(&err);
	n = argc - optind;
	docs = xcalloc((size_t)n, sizeof *docs);
	if (store_begin(s, &err) != 0)
		goto fail;
	for (i = 0; i < n; i++) {
		if (store_doc_find(s, argv[optind + i], &docs[i], &err) != 0)
			goto fail;
		if (store_doc_remove(s, docs[i].id, &err) != 0)
			goto fail;
	}
	if (store_commit(s, &err) != 0)
		goto fail;
	for (i = 0; i < n; i++)
		printf("removed document %lld '%s' (%s, %ld claims)\n",
		    docs[i].id, docs[i].title, docs[i].published,
		    docs[i].nclaims);
	for (i = 0; i < n; i++)
		store_doc_release(&docs[i]);
	free(docs);
	store_close(s);
	return FIG_EXIT_OK;
fail:
	store_rollback(s);
	for (i = 0; i < n; i++)
		store_doc_release(&docs[i]);
	free(docs);
	store_close(s);
	return cmd_fail(&err);
}

const struct fig_cmd cmd_rm_entry = {
	"rm", "remove a document and its claims", usage, rm_exec
};
