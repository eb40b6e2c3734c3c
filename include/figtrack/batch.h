/* batch.h: extraction of many documents on several threads, consumed in
 * input order. Workers run the caller's job function, whose claims and
 * references are recorded; the calling thread replays them, document by
 * document in input order, through the caller's sink, so what the sink
 * sees (and so what a command writes) is the same whatever the number
 * of threads. Compiled rules are shared read-only; each job has its own
 * extraction state and match data. */
#ifndef FIGTRACK_BATCH_H
#define FIGTRACK_BATCH_H
#include "figtrack/err.h"
#include "figtrack/extract.h"

/* Runs on a worker thread: extracts document i, calling cbs for each
 * claim and reference. Returns 0, or -1 with err set. ctx is the
 * caller's and is shared by every worker: write only the parts of it
 * that belong to document i. */
typedef int (*fig_batch_work)(void *ctx, int i,
    const struct fig_extract_cbs *cbs, struct fig_err *err);

/* Runs on the calling thread, in input order. begin(i) comes before the
 * first claim of document i, once its job has started (so what the job
 * sets up before extracting is there); returning 1 skips the document
 * (its claims are dropped and its job is stopped), -1 stops the batch.
 * end(i, rc, err) comes after the last: rc and err are the job's.
 * Returning non-zero from end or from a callback stops the batch. */
struct fig_batch_sink {
	int (*begin)(void *ctx, int i);			/* may be NULL */
	struct fig_extract_cbs cbs;
	int (*end)(void *ctx, int i, int rc, const struct fig_err *err);
};

/* A job's claims wait in memory, packed (about 100 bytes and their
 * strings each), until the sink takes them; a job more than this far
 * ahead of the sink pauses, and no more than jobs + 1 documents are in
 * hand at once (more only while little waits: FIG_BATCH_WINDOW), so
 * memory stays bounded whatever the documents' size. */
#define FIG_BATCH_AHEAD (8u << 20)

/* A job packs its records in a buffer of its own and hands them over
 * (one lock, one wake-up of the sink) when they hold this many bytes,
 * and when it ends: a small document's are handed over at once. */
#define FIG_BATCH_FLUSH (64u << 10)

/* Workers take documents up to this many per thread ahead of the sink
 * while what waits for it is under FIG_BATCH_FLUSH a thread: many small
 * documents of uneven length keep every thread busy. */
#define FIG_BATCH_WINDOW 16

/* Runs documents 0..n-1 with `jobs` threads (1: no threads, each
 * document extracted straight into the sink). Returns 0 when every
 * document went through (whatever end() was told), 1 when the sink
 * stopped the batch. */
int batch_run(int n, int jobs, fig_batch_work work, void *wctx,
    const struct fig_batch_sink *sink, void *sctx);

/* The -j default: the number of online CPUs (at least 1). */
int batch_default_jobs(void);

/* Parses the argument of -j: a number from 1 to 256. Returns 0 and sets
 * *jobs, or -1. */
int batch_parse_jobs(const char *s, int *jobs);

#endif
