/* batch.c: many documents extracted on several threads, handed to one
 * sink in input order (batch.h). Each job records its claims and
 * references, packed in bytes, first in a buffer of its own, handed to
 * the calling thread, which replays them, FIG_BATCH_FLUSH bytes at a
 * time or when the job ends: one mutex guards what is handed over, taken
 * once per flush, and the sink takes all that is there at once. A small
 * document costs one lock and one wake-up of the calling thread, not one
 * per claim. */
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "figtrack/batch.h"
#include "figtrack/buf.h"
#include "figtrack/claim.h"

enum { JOB_WAITING, JOB_RUNNING, JOB_DONE };

/* A job's records are packed one after another in bytes: a header
 * (struct packed: its length, claim or reference, the numbers), then
 * the strings, each ending in a NUL. A claim takes its strings' length
 * plus about a hundred bytes, so a budget of bytes holds many of them. */
struct packed {
	size_t len;		/* the whole record, header included */
	int is_ref;
	const char *doc;	/* borrowed: the document's name */
	long line, byte_start, byte_end;
	double value, low, high;
	int has_low, has_high, qual, kind, page, has_sentence, number;
};

struct job {
	int state;
	int skip;		/* the sink dropped it: stop early */
	struct fig_buf data;	/* packed records the sink has not taken */
	int rc;
	struct fig_err err;
};

struct batch {
	pthread_mutex_t mu;
	pthread_cond_t more;	/* the job the sink waits for recorded
				   something or ended */
	pthread_cond_t room;	/* the sink took records, or moved on */
	struct job *jobs;	/* job i in slot i % ring: no more are in
				   hand at once */
	int ring;
	int n, next;		/* next job to hand out */
	int at;			/* the job the sink is replaying */
	int threads;
	size_t held;		/* bytes of records waiting for the sink */
	int stop;
	fig_batch_work work;
	void *wctx;
};

/* What a worker's callbacks see. */
struct slot {
	struct batch *b;
	struct job *j;
	struct fig_buf pend;	/* records not yet handed to the job */
	size_t at;		/* where the record being packed starts */
};

static void
add_str(struct fig_buf *b, const char *s)
{
	buf_adds(b, s ? s : "");
	buf_addc(b, '\0');
}

/* Reads the next NUL-ended string of a packed record. */
static const char *
next_str(const char **p)
{
	const char *s = *p;

	*p += strlen(s) + 1;
	return s;
}

/* Wakes the sink when it waits for job j (called with b->mu held). */
static void
wake_sink(struct batch *b, const struct job *j)
{
	if (j == &b->jobs[b->at % b->ring])
		pthread_cond_signal(&b->more);
}

/* Appends the records in pend to what job j holds for the sink (called
 * with b->mu held). Records stay 8-aligned: pend's length is a multiple
 * of 8, and so is the end of j's data. */
static void
take_in(struct batch *b, struct job *j, struct fig_buf *pend)
{
	buf_add(&j->data, pend->data, pend->len);
	b->held += pend->len;
	buf_reset(pend);
}

/* Hands the records in s->pend to the job and waits while the job is
 * too far ahead of the sink. Called with b->mu held. Returns -1 when
 * the job is to stop (dropped, batch stopped). */
static int
hand_over(struct slot *s)
{
	struct batch *b = s->b;
	struct job *j = s->j;

	if (j->skip || b->stop)
		return err_set(&j->err, FIG_EINTR, NULL, 0, 0, "stopped");
	take_in(b, j, &s->pend);
	wake_sink(b, j);
	while (j->data.len > FIG_BATCH_AHEAD && !j->skip && !b->stop)
		pthread_cond_wait(&b->room, &b->mu);
	return 0;
}

/* Starts packing a record with header h in s->pend (where the last one
 * ended, aligned for the header). */
static void
record_start(struct slot *s, const struct packed *h)
{
	s->at = s->pend.len;
	buf_add(&s->pend, (const char *)h, sizeof *h);
}

/* Ends the record being packed; hands what is pending over once it
 * holds FIG_BATCH_FLUSH bytes. Returns -1 when the job is to stop. */
static int
record_end(struct slot *s)
{
	struct batch *b = s->b;
	size_t len = s->pend.len - s->at;
	int rc;

	memcpy(s->pend.data + s->at + offsetof(struct packed, len), &len,
	    sizeof len);
	/* the next record starts aligned */
	while (s->pend.len % sizeof(double) != 0)
		buf_addc(&s->pend, '\0');
	if (s->pend.len < FIG_BATCH_FLUSH)
		return 0;
	pthread_mutex_lock(&b->mu);
	rc = hand_over(s);
	pthread_mutex_unlock(&b->mu);
	return rc;
}

static int
record_claim(void *ctx, const struct fig_claim *c)
{
	struct slot *s = ctx;
	struct packed h;

	memset(&h, 0, sizeof h);
	h.doc = c->doc;
	h.line = c->line;
	h.byte_start = c->byte_start;
	h.byte_end = c->byte_end;
	h.value = c->value;
	h.low = c->low;
	h.high = c->high;
	h.has_low = c->has_low;
	h.has_high = c->has_high;
	h.qual = (int)c->qual;
	h.kind = (int)c->kind;
	h.page = c->page;
	h.has_sentence = c->sentence != NULL;
	record_start(s, &h);
	add_str(&s->pend, c->quote);
	add_str(&s->pend, c->sentence);
	add_str(&s->pend, c->unit);
	add_str(&s->pend, c->period);
	add_str(&s->pend, c->metric);
	add_str(&s->pend, c->entity);
	add_str(&s->pend, c->footnote);
	add_str(&s->pend, c->partner);
	add_str(&s->pend, c->rule);
	add_str(&s->pend, c->base);
	return record_end(s);
}

static int
record_ref(void *ctx, const struct fig_ref *ref)
{
	struct slot *s = ctx;
	struct packed h;

	memset(&h, 0, sizeof h);
	h.is_ref = 1;
	h.number = ref->number;
	h.line = ref->line;
	record_start(s, &h);
	add_str(&s->pend, ref->text);
	add_str(&s->pend, ref->date);
	add_str(&s->pend, ref->url);
	return record_end(s);
}

/* Hands the packed record p to the sink. */
static int
replay_one(const struct fig_batch_sink *sink, void *sctx, const char *p)
{
	const struct packed *h = (const struct packed *)(const void *)p;
	const char *q = p + sizeof *h;

	if (h->is_ref) {
		struct fig_ref r;
		memset(&r, 0, sizeof r);
		r.number = h->number;
		r.line = h->line;
		r.text = next_str(&q);
		snprintf(r.date, sizeof r.date, "%s", next_str(&q));
		r.url = next_str(&q);
		return sink->cbs.on_ref ? sink->cbs.on_ref(sctx, &r) : 0;
	} else {
		struct fig_claim c;
		const char *sentence;
		claim_init(&c);
		c.doc = h->doc;
		c.line = h->line;
		c.byte_start = h->byte_start;
		c.byte_end = h->byte_end;
		c.value = h->value;
		c.low = h->low;
		c.high = h->high;
		c.has_low = h->has_low;
		c.has_high = h->has_high;
		c.qual = (enum fig_qual)h->qual;
		c.kind = (enum fig_pkind)h->kind;
		c.page = h->page;
		c.quote = (char *)next_str(&q);
		sentence = next_str(&q);
		c.sentence = h->has_sentence ? (char *)sentence : NULL;
		claim_setfield(c.unit, sizeof c.unit, next_str(&q));
		claim_setfield(c.period, sizeof c.period, next_str(&q));
		claim_setfield(c.metric, sizeof c.metric, next_str(&q));
		claim_setfield(c.entity, sizeof c.entity, next_str(&q));
		claim_setfield(c.footnote, sizeof c.footnote, next_str(&q));
		claim_setfield(c.partner, sizeof c.partner, next_str(&q));
		claim_setfield(c.rule, sizeof c.rule, next_str(&q));
		claim_setfield(c.base, sizeof c.base, next_str(&q));
		/* quote and sentence are the record's: nothing to release */
		return sink->cbs.on_claim ? sink->cbs.on_claim(sctx, &c) : 0;
	}
}

/* May a worker start the next job? Always when it is at most `threads`
 * ahead of the one the sink replays; up to FIG_BATCH_WINDOW a thread
 * ahead while the records waiting for the sink are few, so that a worker
 * does not wait for a slow document when the ones after it are quick. */
static int
may_start(const struct batch *b)
{
	int ahead = b->next - b->at;

	return ahead <= b->threads || (ahead < b->ring &&
	    b->held < FIG_BATCH_FLUSH * (size_t)b->threads);
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

		while (!b->stop && b->next < b->n && !may_start(b))
			pthread_cond_wait(&b->room, &b->mu);
		if (b->stop || b->next >= b->n)
			break;
		i = b->next++;
		j = &b->jobs[i % b->ring];
		j->state = JOB_RUNNING;
		j->skip = 0;
		j->rc = 0;
		pthread_mutex_unlock(&b->mu);

		s.b = b;
		s.j = j;
		buf_init(&s.pend);
		s.at = 0;
		cbs.on_claim = record_claim;
		cbs.on_ref = record_ref;
		cbs.ctx = &s;
		err_clear(&j->err);
		rc = b->work(b->wctx, i, &cbs, &j->err);

		pthread_mutex_lock(&b->mu);
		/* what is left: the sink takes it with the end */
		if (!j->skip && !b->stop)
			take_in(b, j, &s.pend);
		buf_release(&s.pend);
		j->rc = rc;
		j->state = JOB_DONE;
		wake_sink(b, j);
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
	struct job *j = &b->jobs[i % b->ring];
	struct fig_buf got = FIG_BUF_INIT, swap;
	int begun = 0, skip = 0, stop = 0;

	pthread_mutex_lock(&b->mu);
	for (;;) {
		while (j->data.len == 0 && j->state != JOB_DONE)
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
		if (j->data.len == 0) {
			if (j->state == JOB_DONE)
				break;
			continue;
		}
		/* what the job has recorded so far, taken at once: the
		 * buffers change hands (records start 8-aligned in both) */
		buf_reset(&got);
		swap = got;
		got = j->data;
		j->data = swap;
		b->held -= got.len;
		pthread_cond_broadcast(&b->room);
		pthread_mutex_unlock(&b->mu);
		for (size_t at = 0; at < got.len && !skip; ) {
			const struct packed *h = (const void *)(got.data + at);
			if (replay_one(sink, sctx, got.data + at) != 0) {
				skip = stop = 1;
				pthread_mutex_lock(&b->mu);
				j->skip = 1;
				b->stop = 1;
				pthread_cond_broadcast(&b->room);
				pthread_mutex_unlock(&b->mu);
			}
			at += h->len;
			at = (at + sizeof(double) - 1) / sizeof(double) *
			    sizeof(double);
		}
		pthread_mutex_lock(&b->mu);
	}
	/* the slot waits for job i + ring (rc and err are read below,
	 * before the sink moves on and a worker may take it) */
	j->state = JOB_WAITING;
	pthread_mutex_unlock(&b->mu);
	buf_release(&got);
	/* the job is over: its buffer too */
	buf_release(&j->data);
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
	/* may_start keeps every job in hand within ring of the one
	 * replayed */
	b.ring = FIG_BATCH_WINDOW * jobs;
	b.jobs = xcalloc((size_t)b.ring, sizeof *b.jobs);
	b.n = n;
	b.threads = jobs;
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
	for (int i = 0; i < b.ring; i++)
		buf_release(&b.jobs[i].data);
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
