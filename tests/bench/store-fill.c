/* store-fill.c: benchmark helper for tests/bench/store.sh. Fills a
 * database through the store API with generated documents and claims,
 * one transaction per document as `figtrack add` does, and prints the
 * insert rate. Usage: store-fill DB NDOCS CLAIMS-PER-DOC SERIES-PER-DOC
 *
 * There are 200 metrics x 10 entities = 2,000 series. Like a report that
 * follows a few indicators over the years, each document speaks of
 * SERIES-PER-DOC of them (a different selection per document), with its
 * claims spread over those series and 35 periods. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "figtrack/sha256.h"
#include "figtrack/store.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	static const char *const ents[] = { "Russia", "PRC", "Ukraine",
	    "PRC+Russia", "Japan", "Korea", "Taiwan", "USA", "EU", "India" };
	struct fig_store *s;
	struct fig_err err;
	long ndocs, per, nseries, n = 0;
	double t0, t;
	char quote[64], sentence[160], title[64], seed[32];

	if (argc != 5) {
		fprintf(stderr, "usage: store-fill DB NDOCS PER-DOC "
		    "SERIES-PER-DOC\n");
		return 2;
	}
	ndocs = atol(argv[2]);
	per = atol(argv[3]);
	nseries = atol(argv[4]);
	if (ndocs < 1 || per < 1 || nseries < 1) {
		fprintf(stderr, "store-fill: counts must be positive\n");
		return 2;
	}
	if (store_open(&s, argv[1], 0, &err) != 0) {
		fprintf(stderr, "store-fill: %s\n", err.msg);
		return 2;
	}
	t0 = now();
	for (long d = 0; d < ndocs; d++) {
		struct fig_doc doc = { 0 };
		struct fig_ref ref = { 0 };

		snprintf(title, sizeof title, "Generated report %ld", d);
		snprintf(seed, sizeof seed, "doc %ld", d);
		doc.path = title;
		doc.title = title;
		snprintf(doc.kind, sizeof doc.kind, "report");
		snprintf(doc.published, sizeof doc.published, "%ld-%02ld-01",
		    2000 + d % 25, 1 + d % 12);
		sha256_hex(seed, strlen(seed), doc.sha256);
		if (store_begin(s, &err) != 0 ||
		    store_doc_insert(s, &doc, &err) != 0)
			goto fail;
		ref.number = 1;
		ref.text = "A source, 1 May 2020, https://example.org/";
		snprintf(ref.date, sizeof ref.date, "2020-05-01");
		ref.url = "https://example.org/";
		if (store_ref_insert(s, doc.id, &ref, &err) != 0)
			goto fail;
		for (long i = 0; i < per; i++, n++) {
			struct fig_claim c;
			long series = (d * 7 + (i % nseries) * 101) % 2000;
			claim_init(&c);
			c.line = i + 1;
			c.value = (double)(n % 1000) / 10;
			snprintf(quote, sizeof quote, "about %.1f percent",
			    c.value);
			snprintf(sentence, sizeof sentence, "In %ld, the share "
			    "was %s of the total.", 1990 + n % 35, quote);
			c.quote = quote;
			c.sentence = sentence;
			c.qual = FIG_Q_APPROX;
			snprintf(c.unit, sizeof c.unit, "percent");
			snprintf(c.period, sizeof c.period, "%ld",
			    1990 + (i / nseries + d) % 35);
			snprintf(c.metric, sizeof c.metric, "bench.metric_%ld",
			    series / 10);
			snprintf(c.entity, sizeof c.entity, "%s",
			    ents[series % 10]);
			if (i % 5 == 0)
				snprintf(c.footnote, sizeof c.footnote, "1");
			c.byte_start = i * 80;
			c.byte_end = i * 80 + 20;
			snprintf(c.rule, sizeof c.rule, "bench.rules:1");
			if (store_claim_insert(s, doc.id, &c, &err) != 0)
				goto fail;
		}
		if (store_commit(s, &err) != 0)
			goto fail;
	}
	store_close(s);	/* the last checkpoint belongs to the work */
	t = now() - t0;
	printf("%ld %ld %.3f\n", ndocs, n, t);
	return 0;
fail:
	fprintf(stderr, "store-fill: %s\n", err.msg);
	store_close(s);
	return 2;
}
