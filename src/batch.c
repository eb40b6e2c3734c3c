/* batch.c: many documents extracted on several threads, handed to one
 * sink in input order (batch.h). Each job records its claims and
 * references; the calling thread replays them. One mutex guards the
 * jobs' queues: a record costs one lock on each side, which is nothing
 * beside the extraction of the figure it holds. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "figtrack/batch.h"
#include "figtrack/buf.h"
#include "figtrack/claim.h"

enum { JOB_WAITING, JOB_RUNNING, JOB_DONE };

struct rec {
	int is_ref;
	struct fig_claim c;	/* deep copy (doc stays borrowed) */
	struct fig_ref r;	/* text and url owned */
	size_t bytes;
};

struct job {
	int state;
	int skip;		/* the sink dropped it: stop early */
	struct rec *recs;
	size_t head, nrecs, cap;
	size_t pending;		/* bytes recorded, not yet replayed */
	int rc;
	struct fig_err err;
};

struct batch {
	pthread_mutex_t mu;
	pthread_cond_t more;	/* a job recorded something or ended */
	pthread_cond_t room;	/* the sink took records, or moved on */
	struct job *jobs;
	int n, next;		/* next job to hand out */
	int at;			/* the job the sink is replaying */
	int window;		/* jobs handed out at most this far ahead */
	int stop;
	fig_batch_work work;
	void *wctx;
};

/* What a worker's callbacks see. */
struct slot {
	struct batch *b;
	struct job *j;
};

static void
rec_release(struct rec *r)
{
	if (r->is_ref) {
		free((char *)r->r.text);
		free((char *)r->r.url);
	} else
		claim_release(&r->c);
}

/* Appends r to j's queue and waits while j is too far ahead of the
 * sink. Returns -1 when the job is to stop (dropped, batch stopped). */
static int
record(struct slot *s, struct rec *r)
{
	struct batch *b = s->b;
	struct job *j = s->j;
	int rc = 0;

	pthread_mutex_lock(&b->mu);
	if (j->skip || b->stop) {
		pthread_mutex_unlock(&b->mu);
		rec_release(r);
		return err_set(&j->err, FIG_EINTR, NULL, 0, 0, "stopped");
	}
	if (j->nrecs == j->cap) {
		j->cap = j->cap ? 2 * j->cap : 64;
		j->recs = xrealloc(j->recs, j->cap * sizeof *j->recs);
	}
	j->recs[j->nrecs++] = *r;
	j->pending += r->bytes;
	pthread_cond_signal(&b->more);
	while (j->pending > FIG_BATCH_AHEAD && !j->skip && !b->stop)
		pthread_cond_wait(&b->room, &b->mu);
	pthread_mutex_unlock(&b->mu);
	return rc;
}

static int
record_claim(void *ctx, const struct fig_claim *c)
{
	struct rec r;

	memset(&r, 0, sizeof r);
	claim_copy(&r.c, c);
	r.bytes = sizeof r + strlen(c->quote ? c->quote : "") +
	    strlen(c->sentence ? c->sentence : "");
	return record(ctx, &r);
}

static int
record_ref(void *ctx, const struct fig_ref *ref)
{
	struct rec r;

	memset(&r, 0, sizeof r);
	r.is_ref = 1;
	r.r = *ref;
	r.r.text = xstrdup(ref->text ? ref->text : "");
	r.r.url = xstrdup(ref->url ? ref->url : "");
	r.bytes = sizeof r + strlen(r.r.text) + strlen(r.r.url);
	return record(ctx, &r);
}

static void *
worker(void *arg)
{
	struct batch *b = arg;

	pthread_mutex_lock(&b->mu);
	for (;;) {
		struct slot s;
		struct fig_extract_cbs cbs;
		struct job *j;
		int i, rc;

		while (!b->stop && b->next < b->n && b->next >= b->at +
		    b->window)
			pthread_cond_wait(&b->room, &b->mu);
		if (b->stop || b->next >= b->n)
			break;
		i = b->next++;
		j = &b->jobs[i];
		j->state = JOB_RUNNING;
		pthread_mutex_unlock(&b->mu);

		s.b = b;
		s.j = j;
		cbs.on_claim = record_claim;
		cbs.on_ref = record_ref;
		cbs.ctx = &s;
		err_clear(&j->err);
		rc = b->work(b->wctx, i, &cbs, &j->err);

		pthread_mutex_lock(&b->mu);
		j->rc = rc;
		j->state = JOB_DONE;
		pthread_cond_broadcast(&b->more);
	}
	pthread_mutex_unlock(&b->mu);
	return NULL;
}

/* The sink's side of one document in direct mode (-j 1): begin() is
 * called on the first record, as the threaded replay does. */
struct direct {
	const struct fig_batch_sink *sink;
	void *sctx;
	int i;
	int begun, skip, stop;
};

static int
direct_begin(struct direct *d)
{
	int rc;

	if (d->begun)
		return 0;
	d->begun = 1;
	rc = d->sink->begin ? d->sink->begin(d->sctx, d->i) : 0;
	if (rc == 1)
		d->skip = 1;
	else if (rc != 0)
		d->stop = 1;
	return rc == 0 ? 0 : -1;
}

static int
direct_claim(void *ctx, const struct fig_claim *c)
{
	struct direct *d = ctx;

	if (direct_begin(d) != 0)
		return -1;
	if (d->sink->cbs.on_claim && d->sink->cbs.on_claim(d->sctx, c) != 0) {
		d->stop = 1;
		return -1;
	}
	return 0;
}

static int
direct_ref(void *ctx, const struct fig_ref *r)
{
	struct direct *d = ctx;

	if (direct_begin(d) != 0)
		return -1;
	if (d->sink->cbs.on_ref && d->sink->cbs.on_ref(d->sctx, r) != 0) {
		d->stop = 1;
		return -1;
	}
	return 0;
}

static int
run_direct(int n, fig_batch_work work, void *wctx,
    const struct fig_batch_sink *sink, void *sctx)
{
	for (int i = 0; i < n; i++) {
		struct direct d = { sink, sctx, i, 0, 0, 0 };
		struct fig_extract_cbs cbs = { direct_claim, direct_ref, &d };
		struct fig_err err;
		int rc;

		err_clear(&err);
		rc = work(wctx, i, &cbs, &err);
		if (d.stop)
			return 1;
		if (!d.skip && direct_begin(&d) != 0 && d.stop)
			return 1;
		if (d.skip)
			continue;
		if (sink->end && sink->end(sctx, i, rc, &err) != 0)
			return 1;
	}
	return 0;
}

/* Replays job i into the sink. Returns 0, or 1 when the sink stopped. */
static int
replay(struct batch *b, int i, const struct fig_batch_sink *sink, void *sctx)
{
	struct job *j = &b->jobs[i];
	int begun = 0, skip = 0, stop = 0;

	pthread_mutex_lock(&b->mu);
	for (;;) {
		struct rec r;

		while (j->head == j->nrecs && j->state != JOB_DONE)
			pthread_cond_wait(&b->more, &b->mu);
		if (!begun) {
			int rc;
			begun = 1;
			pthread_mutex_unlock(&b->mu);
			rc = sink->begin ? sink->begin(sctx, i) : 0;
			pthread_mutex_lock(&b->mu);
			if (rc != 0) {
				skip = 1;
				stop = rc != 1;
				j->skip = 1;
				if (stop)
					b->stop = 1;
				pthread_cond_broadcast(&b->room);
			}
		}
		if (j->head == j->nrecs) {
			if (j->state == JOB_DONE)
				break;
			continue;
		}
		r = j->recs[j->head++];
		j->pending -= r.bytes;
		if (j->head == j->nrecs)
			j->head = j->nrecs = 0;
		pthread_cond_broadcast(&b->room);
		pthread_mutex_unlock(&b->mu);
		if (!skip) {
			int rc = 0;
			if (r.is_ref && sink->cbs.on_ref)
				rc = sink->cbs.on_ref(sctx, &r.r);
			else if (!r.is_ref && sink->cbs.on_claim)
				rc = sink->cbs.on_claim(sctx, &r.c);
			if (rc != 0) {
				skip = stop = 1;
				pthread_mutex_lock(&b->mu);
				j->skip = 1;
				b->stop = 1;
				pthread_cond_broadcast(&b->room);
				pthread_mutex_unlock(&b->mu);
			}
		}
		rec_release(&r);
		pthread_mutex_lock(&b->mu);
	}
	pthread_mutex_unlock(&b->mu);
	if (stop)
		return 1;
	if (!skip && sink->end && sink->end(sctx, i, j->rc, &j->err) != 0)
		return 1;
	return 0;
}

int
batch_run(int n, int jobs, fig_batch_work work, void *wctx,
    const struct fig_batch_sink *sink, void *sctx)
{
	struct batch b;
	pthread_t *tids;
	int nt, rc = 0;

	if (jobs > n)
		jobs = n;
	if (jobs <= 1)
		return run_direct(n, work, wctx, sink, sctx);
	memset(&b, 0, sizeof b);
	pthread_mutex_init(&b.mu, NULL);
	pthread_cond_init(&b.more, NULL);
	pthread_cond_init(&b.room, NULL);
	b.jobs = xmalloc((size_t)n * sizeof *b.jobs);
	memset(b.jobs, 0, (size_t)n * sizeof *b.jobs);
	b.n = n;
	b.window = 2 * jobs;
	b.work = work;
	b.wctx = wctx;
	tids = xmalloc((size_t)jobs * sizeof *tids);
	for (nt = 0; nt < jobs; nt++)
		if (pthread_create(&tids[nt], NULL, worker, &b) != 0)
			break;
	if (nt == 0) {
		/* no thread at all: do the work here */
		free(tids);
		free(b.jobs);
		return run_direct(n, work, wctx, sink, sctx);
	}
	for (int i = 0; i < n && rc == 0; i++) {
		pthread_mutex_lock(&b.mu);
		b.at = i;
		pthread_cond_broadcast(&b.room);
		pthread_mutex_unlock(&b.mu);
		rc = replay(&b, i, sink, sctx);
	}
	pthread_mutex_lock(&b.mu);
	b.stop = 1;
	pthread_cond_broadcast(&b.room);
	pthread_mutex_unlock(&b.mu);
	for (int t = 0; t < nt; t++)
		pthread_join(tids[t], NULL);
	for (int i = 0; i < n; i++) {
		for (size_t k = b.jobs[i].head; k < b.jobs[i].nrecs; k++)
			rec_release(&b.jobs[i].recs[k]);
		free(b.jobs[i].recs);
	}
	free(b.jobs);
	free(tids);
	pthread_cond_destroy(&b.more);
	pthread_cond_destroy(&b.room);
	pthread_mutex_destroy(&b.mu);
	return rc;
}

int
batch_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

int
batch_parse_jobs(const char *s, int *jobs)
{
	char *end;
	long v;

	if (s == NULL || *s == '\0')
		return -1;
	v = strtol(s, &end, 10);
	if (*end != '\0' || v < 1 || v > 256)
		return -1;
	*jobs = (int)v;
	return 0;
}
