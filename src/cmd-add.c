/* cmd-add.c: `figtrack add`, documents into the store: each one hashed,
 * extracted while it streams and stored with its claims and references
 * in one transaction, so it is wholly there or wholly absent. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "figtrack/cmd.h"
#include "figtrack/extract.h"
#include "figtrack/reader.h"
#include "figtrack/rules.h"
#include "figtrack/sha256.h"
#include "figtrack/store.h"

static const char usage[] =
    "usage: figtrack add [--db PATH] [--rules DIR] [--title T]\n"
    "                    [--published YYYY[-MM[-DD]]] [--kind report|article]\n"
    "                    [--lossy] [--input-format auto|text|markdown|html|pdf]\n"
    "                    FILE...\n"
    "\n"
    "Extracts the claims of each FILE ('-' for standard input) and stores\n"
    "them with the document and its References list, one transaction per\n"
    "document. The same content added twice is a no-op that says so;\n"
    "changed content at the same path is a new document. A document that\n"
    "cannot be read or has no date is reported and the others are still\n"
    "added (exit status 2); a database error stops the run.\n"
    "\n"
    "The publication date comes from --published, else from the document\n"
    "(a date: line of its metadata block, or a date such as November 2022\n"
    "in its first lines); without one the document is not added.\n"
    "Ctrl-C stops after rolling back the document being added.\n"
    "\n"
    "  --db PATH         the database (default $FIGTRACK_DB, else\n"
    "                    figtrack.db)\n"
    "  --rules DIR       rule directory (default $FIGTRACK_RULES, else the\n"
    "                    shipped rules)\n"
    "  --title T         the title (default: the document's own, else the\n"
    "                    file name); one FILE only\n"
    "  --published DATE  the publication date, overriding the document's\n"
    "  --kind KIND       report (default) or article\n"
    "  --lossy           replace invalid UTF-8 instead of refusing the file\n"
    "  --input-format F  read every FILE as F (default auto: by content,\n"
    "                    then extension; an HTML page's date and title come\n"
    "                    from its metadata)\n"
    "  -h, --help        this text\n";

/* Set by SIGINT; extraction checks it between paragraphs. */
static volatile sig_atomic_t interrupted;

static void
on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* One document being added. */
struct adder {
	struct fig_store *s;
	long long doc_id;
	long nclaims, nrefs;
	struct fig_err *err;
	/* progress on a terminal */
	int tty;
	double delay;		/* seconds before the first progress line */
	int shown;		/* a progress line is on the screen */
	struct timespec start, last;
	const char *path;
	int index, total;
};

static double
since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	    (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/* A progress line on stderr once a document has taken a->delay seconds
 * (one, or $FIGTRACK_PROGRESS_DELAY milliseconds), then four times a
 * second. */
static void
progress(struct adder *a)
{
	struct timespec now;

	if (!a->tty || (a->nclaims & 255) != 0)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (since(&a->start, &now) < a->delay || (a->shown &&
	    since(&a->last, &now) < 0.25))
		return;
	a->last = now;
	a->shown = 1;
	fprintf(stderr, "\r\033[Kfigtrack: adding [%d/%d] %s: %ld claims",
	    a->index, a->total, a->path, a->nclaims);
}

static int
on_claim(void *ctx, const struct fig_claim *c)
{
	struct adder *a = ctx;

	if (store_claim_insert(a->s, a->doc_id, c, a->err) != 0)
		return -1;
	a->nclaims++;
	progress(a);
	return 0;
}

static int
on_ref(void *ctx, const struct fig_ref *r)
{
	struct adder *a = ctx;

	if (store_ref_insert(a->s, a->doc_id, r, a->err) != 0)
		return -1;
	a->nrefs++;
	return 0;
}

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return strcmp(path, "-") == 0 ? "stdin" :
	    slash && slash[1] ? slash + 1 : path;
}

struct add_opts {
	const char *title;
	const char *published;
	const char *kind;
	int lossy;
	enum fig_input fmt;
};

/* Adds one document. Returns 0 (added or already there) or -1 with err
 * set, the transaction rolled back. */
static int
add_one(struct fig_store *s, const struct fig_rules *rules, const char *path,
    const struct add_opts *o, struct adder *a, struct fig_err *err)
{
	struct fig_extract_opts xo;
	struct fig_extract_cbs cbs;
	struct fig_docmeta meta;
	struct fig_doc d;
	long long have;
	FILE *f;
	int rc;

	if ((f = sha256_fopen(path, d.sha256, err)) == NULL)
		return -1;
	if (interrupted) {
		fclose(f);
		return err_set(err, FIG_EINTR, path, 0, 0, "interrupted; not "
		    "added");
	}
	if (store_doc_by_sha(s, d.sha256, &have, err) != 0)
		goto fail_closed;
	if (have) {
		struct fig_doc old;
		char id[32];
		fclose(f);
		snprintf(id, sizeof id, "%lld", have);
		if (store_doc_find(s, id, &old, err) != 0)
			return -1;
		printf("%s: already stored as document %lld '%s' (%s); nothing "
		    "added\n", path, have, old.title, old.published);
		store_doc_release(&old);
		return 0;
	}
	memset(&meta, 0, sizeof meta);
	d.id = 0;
	d.path = (char *)path;
	d.title = (char *)(o->title ? o->title : base_name(path));
	snprintf(d.kind, sizeof d.kind, "%s", o->kind);
	snprintf(d.published, sizeof d.published, "%s",
	    o->published ? o->published : "");
	d.added[0] = '\0';
	d.nclaims = 0;
	d.source = d.url = NULL;
	if (store_begin(s, err) != 0)
		goto fail_closed;
	if (store_doc_insert(s, &d, err) != 0)
		goto fail;
	a->s = s;
	a->doc_id = d.id;
	a->nclaims = a->nrefs = 0;
	a->err = err;
	a->path = path;
	a->shown = 0;
	clock_gettime(CLOCK_MONOTONIC, &a->start);
	memset(&xo, 0, sizeof xo);
	xo.published = o->published;
	xo.lossy = o->lossy;
	xo.stop = &interrupted;
	cbs.on_claim = on_claim;
	cbs.on_ref = on_ref;
	cbs.ctx = a;
	err_clear(err);
	rc = reader_extract_stream(rules, f, path, o->fmt, &xo, &cbs, &meta,
	    NULL, NULL, err);
	if (a->shown)
		fputs("\r\033[K", stderr);
	if (rc != 0) {
		if (err->code == FIG_EINTR)
			err_set(err, FIG_EINTR, path, 0, 0, "interrupted; this "
			    "document was not added (rolled back)");
		goto fail;
	}
	/* What the document says about itself is known only now. */
	if (o->title == NULL && meta.title[0])
		d.title = meta.title;
	if (o->published == NULL) {
		if (meta.published[0] == '\0') {
			err_set(err, FIG_EINPUT, path, 0, 0, "no publication "
			    "date found in the document; give --published "
			    "YYYY[-MM[-DD]]");
			goto fail;
		}
		if (store_date_valid(meta.published) != 0) {
			err_set(err, FIG_EINPUT, path, 0, 0, "publication date "
			    "'%s' is not YYYY[-MM[-DD]]; give --published",
			    meta.published);
			goto fail;
		}
		snprintf(d.published, sizeof d.published, "%s",
		    meta.published);
	}
	d.source = meta.source;
	d.url = meta.url;
	if (store_doc_update(s, &d, err) != 0 || store_commit(s, err) != 0)
		goto fail;
	fclose(f);
	printf("%s: added as document %lld '%s' (%s): %ld claims, %ld "
	    "references\n", path, d.id, d.title, d.published, a->nclaims,
	    a->nrefs);
	return 0;
fail:
	store_rollback(s);
fail_closed:
	fclose(f);
	return -1;
}

static int
add_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "rules", required_argument, NULL, 'r' },
		{ "title", required_argument, NULL, 't' },
		{ "published", required_argument, NULL, 'p' },
		{ "kind", required_argument, NULL, 'k' },
		{ "lossy", no_argument, NULL, 'l' },
		{ "input-format", required_argument, NULL, 'i' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *db = NULL, *rules_dir = NULL;
	struct add_opts o = { NULL, NULL, "report", 0, FIG_IN_AUTO };
	struct fig_rules *rules;
	struct fig_store *s;
	struct fig_err err;
	struct sigaction sa, old;
	struct adder a;
	int c, rc = 0;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'r':
			rules_dir = optarg;
			break;
		case 't':
			o.title = optarg;
			break;
		case 'p':
			if (store_date_valid(optarg) != 0)
				return cmd_usage_error(&cmd_add_entry,
				    "--published '%s' is not YYYY[-MM[-DD]]",
				    optarg);
			o.published = optarg;
			break;
		case 'k':
			if (strcmp(optarg, "report") != 0 &&
			    strcmp(optarg, "article") != 0)
				return cmd_usage_error(&cmd_add_entry, "--kind "
				    "is report or article, not '%s'", optarg);
			o.kind = optarg;
			break;
		case 'l':
			o.lossy = 1;
			break;
		case 'i':
			if (reader_format_parse(optarg, &o.fmt) != 0)
				return cmd_usage_error(&cmd_add_entry, "unknown "
				    "input format '%s' (auto, text, markdown, "
				    "html or pdf)", optarg);
			break;
		case 'h':
			return cmd_help(&cmd_add_entry);
		default:
			return cmd_usage_error(&cmd_add_entry, "bad option");
		}
	}
	if (optind == argc)
		return cmd_usage_error(&cmd_add_entry, "name a document to add "
		    "('-' for standard input)");
	if (o.title && argc - optind > 1)
		return cmd_usage_error(&cmd_add_entry, "--title names one "
		    "document: give one file");
	if (rules_load(&rules, rules_default_dir(rules_dir), &err) != 0)
		return cmd_fail(&err);
	rules_jit_for(rules, argv + optind, argc - optind);
	if (store_open(&s, store_default_path(db), 0, &err) != 0) {
		rules_free(rules);
		return cmd_fail(&err);
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old);
	memset(&a, 0, sizeof a);
	a.tty = isatty(STDERR_FILENO);
	a.delay = getenv("FIGTRACK_PROGRESS_DELAY") ?
	    atof(getenv("FIGTRACK_PROGRESS_DELAY")) / 1000 : 1.0;
	a.total = argc - optind;
	/* A bad document is reported and the others still added; a
	 * database error or an interrupt ends the run. */
	for (int i = optind; i < argc; i++) {
		a.index = i - optind + 1;
		if (add_one(s, rules, argv[i], &o, &a, &err) != 0) {
			fflush(stdout);
			cmd_fail(&err);
			rc = -1;
			if (err.code == FIG_EDB || err.code == FIG_EINTR)
				break;
		}
		fflush(stdout);
	}
	sigaction(SIGINT, &old, NULL);
	store_close(s);
	rules_free(rules);
	return rc == 0 ? FIG_EXIT_OK : FIG_EXIT_TROUBLE;
}

const struct fig_cmd cmd_add_entry = {
	"add", "extract documents and store their claims", usage, add_exec
};
