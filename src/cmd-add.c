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

#include "figtrack/batch.h"
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
    "                    [-j N] FILE...\n"
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
    "  -j, --jobs N      extract on N threads (default: one per CPU): N\n"
    "                    documents at a time, or one large text document in\n"
    "                    parts; documents are still stored one at a time,\n"
    "                    in order, and the result is the same for every N\n"
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

/* One document of the run: what its job found out before and while
 * extracting (written by the worker, read by the sink after it). */
struct pending_doc {
	const char *path;
	char sha256[65];
	int opened;		/* hashed and open: extraction ran */
	int in_txn;		/* the sink began its transaction */
	int done;		/* added, or already there */
	struct fig_docmeta meta;
	struct fig_doc d;
};

/* The whole run, shared by the jobs (read-only) and the sink. */
struct add_run {
	struct fig_store *s;
	const struct fig_rules *rules;
	const struct add_opts *o;
	struct pending_doc *docs;
	struct adder a;
	struct fig_err err;	/* the sink's own errors */
	int failed;		/* some document was not added */
	int split_jobs;		/* threads for one document alone */
};

/* Job i, on a worker thread: hash the document, then extract it. */
static int
add_work(void *ctx, int i, const struct fig_extract_cbs *cbs,
    struct fig_err *err)
{
	struct add_run *run = ctx;
	struct pending_doc *p = &run->docs[i];
	struct fig_extract_opts xo;
	FILE *f;
	int rc;

	if ((f = sha256_fopen(p->path, p->sha256, err)) == NULL)
		return -1;
	p->opened = 1;
	if (interrupted) {
		fclose(f);
		return err_set(err, FIG_EINTR, p->path, 0, 0, "interrupted; "
		    "not added");
	}
	memset(&p->meta, 0, sizeof p->meta);
	memset(&xo, 0, sizeof xo);
	xo.published = run->o->published;
	xo.lossy = run->o->lossy;
	xo.stop = &interrupted;
	if (run->split_jobs > 1 && strcmp(p->path, "-") != 0) {
		/* one large document: cut into parts on every thread */
		fclose(f);
		return reader_extract_path_jobs(run->rules, p->path,
		    run->o->fmt, &xo, cbs, &p->meta, NULL, NULL,
		    run->split_jobs, err);
	}
	rc = reader_extract_stream(run->rules, f, p->path, run->o->fmt, &xo,
	    cbs, &p->meta, NULL, NULL, err);
	fclose(f);
	return rc;
}

/* Before the first claim of document i: skip it when the same content
 * is stored, else open its transaction and its document row. */
static int
add_begin(void *ctx, int i)
{
	struct add_run *run = ctx;
	struct pending_doc *p = &run->docs[i];
	struct fig_doc *d = &p->d;
	const struct add_opts *o = run->o;
	long long have;

	if (!p->opened || interrupted)
		return 0;	/* the job failed: end() says why */
	if (store_doc_by_sha(run->s, p->sha256, &have, &run->err) != 0)
		return -1;
	if (have) {
		struct fig_doc old;
		char id[32];
		snprintf(id, sizeof id, "%lld", have);
		if (store_doc_find(run->s, id, &old, &run->err) != 0)
			return -1;
		printf("%s: already stored as document %lld '%s' (%s); nothing "
		    "added\n", p->path, have, old.title, old.published);
		store_doc_release(&old);
		fflush(stdout);
		p->done = 1;
		return 1;
	}
	memcpy(d->sha256, p->sha256, sizeof d->sha256);
	d->id = 0;
	d->path = (char *)p->path;
	d->title = (char *)(o->title ? o->title : base_name(p->path));
	snprintf(d->kind, sizeof d->kind, "%s", o->kind);
	snprintf(d->published, sizeof d->published, "%s",
	    o->published ? o->published : "");
	d->added[0] = '\0';
	d->nclaims = 0;
	d->source = d->url = NULL;
	if (store_begin(run->s, &run->err) != 0)
		return -1;
	p->in_txn = 1;
	if (store_doc_insert(run->s, d, &run->err) != 0)
		return -1;
	run->a.s = run->s;
	run->a.doc_id = d->id;
	run->a.nclaims = run->a.nrefs = 0;
	run->a.err = &run->err;
	run->a.path = p->path;
	run->a.index = i + 1;
	run->a.shown = 0;
	clock_gettime(CLOCK_MONOTONIC, &run->a.start);
	return 0;
}

static int
add_claim(void *ctx, const struct fig_claim *c)
{
	struct add_run *run = ctx;

	return on_claim(&run->a, c);
}

static int
add_ref(void *ctx, const struct fig_ref *r)
{
	struct add_run *run = ctx;

	return on_ref(&run->a, r);
}

/* Reports a document that was not added; a database error or an
 * interrupt ends the run (returns 1). */
static int
add_failed(struct add_run *run, struct pending_doc *p,
    const struct fig_err *err)
{
	if (p->in_txn)
		store_rollback(run->s);
	p->in_txn = 0;
	fflush(stdout);
	cmd_fail(err);
	run->failed = 1;
	return err->code == FIG_EDB || err->code == FIG_EINTR;
}

/* After the last claim of document i: its metadata settles the title and
 * the date, then the transaction commits. */
static int
add_end(void *ctx, int i, int rc, const struct fig_err *jerr)
{
	struct add_run *run = ctx;
	struct pending_doc *p = &run->docs[i];
	struct fig_doc *d = &p->d;
	const struct add_opts *o = run->o;
	struct fig_err err;

	if (run->a.shown)
		fputs("\r\033[K", stderr);
	run->a.shown = 0;
	if (rc != 0) {
		err = *jerr;
		if (err.code == FIG_EINTR && p->in_txn)
			err_set(&err, FIG_EINTR, p->path, 0, 0, "interrupted; "
			    "this document was not added (rolled back)");
		return add_failed(run, p, &err);
	}
	if (!p->in_txn) {
		/* no claim and no reference came: begin now */
		int b = add_begin(run, i);
		if (b == 1)
			return 0;
		if (b != 0)
			return add_failed(run, p, &run->err);
		if (interrupted)
			return add_failed(run, p, (err_set(&err, FIG_EINTR,
			    p->path, 0, 0, "interrupted; not added"), &err));
	}
	if (o->title == NULL && p->meta.title[0])
		d->title = p->meta.title;
	if (o->published == NULL) {
		if (p->meta.published[0] == '\0') {
			err_set(&err, FIG_EINPUT, p->path, 0, 0, "no "
			    "publication date found in the document; give "
			    "--published YYYY[-MM[-DD]]");
			return add_failed(run, p, &err);
		}
		if (store_date_valid(p->meta.published) != 0) {
			err_set(&err, FIG_EINPUT, p->path, 0, 0, "publication "
			    "date '%s' is not YYYY[-MM[-DD]]; give --published",
			    p->meta.published);
			return add_failed(run, p, &err);
		}
		snprintf(d->published, sizeof d->published, "%s",
		    p->meta.published);
	}
	d->source = p->meta.source;
	d->url = p->meta.url;
	if (store_doc_update(run->s, d, &run->err) != 0 ||
	    store_commit(run->s, &run->err) != 0)
		return add_failed(run, p, &run->err);
	p->in_txn = 0;
	p->done = 1;
	printf("%s: added as document %lld '%s' (%s): %ld claims, %ld "
	    "references\n", p->path, d->id, d->title, d->published,
	    run->a.nclaims, run->a.nrefs);
	fflush(stdout);
	return 0;
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
		{ "jobs", required_argument, NULL, 'j' },
		{ "input-format", required_argument, NULL, 'i' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static const struct fig_batch_sink sink = {
		add_begin, { add_claim, add_ref, NULL }, add_end
	};
	const char *db = NULL, *rules_dir = NULL;
	struct add_opts o = { NULL, NULL, "report", 0, FIG_IN_AUTO };
	struct fig_rules *rules;
	struct fig_store *s;
	struct fig_err err;
	struct sigaction sa, old;
	struct add_run run;
	int c, n, jobs = batch_default_jobs(), stopped;

	while ((c = getopt_long(argc, argv, "hj:", opts, NULL)) != -1) {
		switch (c) {
		case 'j':
			if (batch_parse_jobs(optarg, &jobs) != 0)
				return cmd_usage_error(&cmd_add_entry, "-j "
				    "takes a number of threads from 1 to 256, "
				    "not '%s'", optarg);
			break;
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
	n = argc - optind;
	memset(&run, 0, sizeof run);
	run.s = s;
	run.rules = rules;
	run.o = &o;
	run.docs = xmalloc((size_t)n * sizeof *run.docs);
	memset(run.docs, 0, (size_t)n * sizeof *run.docs);
	for (int i = 0; i < n; i++)
		run.docs[i].path = argv[optind + i];
	err_clear(&run.err);
	run.a.tty = isatty(STDERR_FILENO);
	run.a.delay = getenv("FIGTRACK_PROGRESS_DELAY") ?
	    atof(getenv("FIGTRACK_PROGRESS_DELAY")) / 1000 : 1.0;
	run.a.total = n;
	run.split_jobs = n == 1 ? jobs : 1;
	/* A bad document is reported and the others still added; a
	 * database error or an interrupt ends the run. Documents are
	 * extracted on `jobs` threads and stored by this one, in order,
	 * one transaction each. */
	stopped = batch_run(n, jobs, add_work, &run, &sink, &run);
	for (int i = 0; i < n; i++)
		if (run.docs[i].in_txn) {
			/* the sink stopped inside document i */
			if (run.a.shown)
				fputs("\r\033[K", stderr);
			add_failed(&run, &run.docs[i], &run.err);
		}
	if (stopped && !run.failed && run.err.code != FIG_OK) {
		cmd_fail(&run.err);
		run.failed = 1;
	}
	fflush(stdout);
	sigaction(SIGINT, &old, NULL);
	free(run.docs);
	store_close(s);
	rules_free(rules);
	return run.failed ? FIG_EXIT_TROUBLE : FIG_EXIT_OK;
}

const struct fig_cmd cmd_add_entry = {
	"add", "extract documents and store their claims", usage, add_exec
};
