/* gen-diff.c: builds the diff benchmark's database through the store
 * API: one report of NBASE claims and NDOCS newer articles holding NNEW
 * claims between them, spread over a few thousand series and ten years,
 * so that every class occurs. Usage: gen-diff DB [NBASE NNEW NDOCS]. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/store.h"

static unsigned long long rng = 88172645463325252ULL;

static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static int
fail(const struct fig_err *err)
{
	char line[1024];

	err_format(err, line, sizeof line);
	fprintf(stderr, "gen-diff: %s\n", line);
	return 2;
}

/* One claim of series s: a share in percent, a target now and then. */
static void
fill(struct fig_claim *c, unsigned s, int year, long line, char *quote,
    size_t qn)
{
	double v = 10 + rnd(800) / 10.0;

	claim_init(c);
	c->line = line;
	snprintf(quote, qn, "%.1f percent in %d", v, year);
	c->quote = quote;
	c->value = v;
	snprintf(c->unit, sizeof c->unit, "percent");
	snprintf(c->period, sizeof c->period, "%d", year);
	snprintf(c->metric, sizeof c->metric, "bench.metric_%u%s", s % 500,
	    s % 17 == 0 ? "_target" : "");
	snprintf(c->entity, sizeof c->entity, "Entity%u", s / 500);
	c->kind = s % 17 == 0 ? FIG_PK_TARGET : FIG_PK_OBSERVED;
	if (s % 11 == 0) {
		c->qual = FIG_Q_MORE_THAN;
		c->has_low = 1;
		c->low = v;
	}
}

static int
add_doc(struct fig_store *st, long n, const char *path, const char *kind,
    const char *published, long long *id, struct fig_err *err)
{
	struct fig_doc d;

	memset(&d, 0, sizeof d);
	d.path = (char *)path;
	d.title = (char *)path;
	snprintf(d.kind, sizeof d.kind, "%s", kind);
	snprintf(d.published, sizeof d.published, "%s", published);
	/* a distinct stand-in for the content hash */
	snprintf(d.sha256, sizeof d.sha256, "%064lx", n);
	if (store_doc_insert(st, &d, err) != 0)
		return -1;
	*id = d.id;
	return 0;
}

int
main(int argc, char **argv)
{
	long nbase = argc > 2 ? atol(argv[2]) : 100000;
	long nnew = argc > 3 ? atol(argv[3]) : 1000000;
	long ndocs = argc > 4 ? atol(argv[4]) : 1000;
	unsigned nseries = 20000;
	struct fig_store *st;
	struct fig_err err;
	struct fig_claim c;
	long long id;
	char quote[64], path[64], date[16];

	if (argc < 2 || nbase < 1 || nnew < 1 || ndocs < 1) {
		fputs("usage: gen-diff DB [NBASE NNEW NDOCS]\n", stderr);
		return 2;
	}
	err_clear(&err);
	if (store_open(&st, argv[1], 0, &err) != 0)
		return fail(&err);
	if (store_begin(st, &err) != 0 ||
	    add_doc(st, 1, "bench-report.txt", "report", "2020-06", &id,
	    &err) != 0)
		return fail(&err);
	/* the baseline: a 2019 or 2020 figure of many series; the last
	 * series never appear again (stale) */
	for (long i = 0; i < nbase; i++) {
		fill(&c, rnd(nseries + nseries / 10), 2019 + rnd(2), i + 1,
		    quote, sizeof quote);
		if (store_claim_insert(st, id, &c, &err) != 0)
			return fail(&err);
	}
	for (long k = 0; k < ndocs; k++) {
		long per = nnew / ndocs + (k < nnew % ndocs);

		snprintf(path, sizeof path, "bench-article-%04ld.txt", k);
		snprintf(date, sizeof date, "%ld-%02ld", 2021 + k % 4,
		    1 + k % 12);
		if (add_doc(st, k + 2, path, "article", date, &id, &err) != 0)
			return fail(&err);
		for (long i = 0; i < per; i++) {
			/* newer series include some the baseline lacks */
			fill(&c, rnd(nseries) + (rnd(50) == 0 ? 30000 : 0),
			    2017 + rnd(8), i + 1, quote, sizeof quote);
			if (store_claim_insert(st, id, &c, &err) != 0)
				return fail(&err);
		}
	}
	if (store_commit(st, &err) != 0)
		return fail(&err);
	store_close(st);
	return 0;
}
