/* store-fill.c: benchmark helper for tests/bench/store.sh. Fills a
 * database through the store API with generated documents and claims,
 * one transaction per document as `figtrack add` does, and prints the
 * insert rate. Usage: store-fill DB NDOCS CLAIMS-PER-DOC SERIES-PER-DOC
 *
 * There are 200 metrics x 10 entities = 2,000 series. Like a report that
 * follows a few indicators over the years, each document speaks of
 * SERIES-PER-DOC of them (a different selection per document), with its
 * claims spread over those series and 35 periods. The strings are made
 * once before the clock starts and only copied per claim, so what is
 * timed is the store, not snprintf.
 *
 * Prints NDOCS CLAIMS SECONDS CPU-SECONDS: the CPU time (user and system,
 * of the whole process) tells the store's cost on a machine busy with
 * other work, where the elapsed time also counts the waits for a CPU. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
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

/* Appends s to p and returns the new end. */
static char *
put(char *p, const char *s)
{
	size_t n = strlen(s);

	memcpy(p, s, n);
	return p + n;
}

int
main(int argc, char **argv)
{
	static const char *const ents[] = { "Russia", "PRC", "Ukraine",
	    "PRC+Russia", "Japan", "Korea", "Taiwan", "USA", "EU", "India" };
	static char quotes[1000][32], years[35][8], metrics[200][24];
	struct fig_store *s;
	struct fig_err err;
	struct fig_claim c;
	struct rusage ru;
	long ndocs, per, nseries, n = 0;
	double t0, t;
	char sentence[160], title[64], seed[32], *p;

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
	for (int k = 0; k < 1000; k++)
		snprintf(quotes[k], sizeof quotes[k], "about %.1f percent",
		    (double)k / 10);
	for (int k = 0; k < 35; k++)
		snprintf(years[k], sizeof years[k], "%d", 1990 + k);
	for (int k = 0; k < 200; k++)
		snprintf(metrics[k], sizeof metrics[k], "bench.metric_%d", k);
	if (store_open(&s, argv[1], 0, &err) != 0) {
		fprintf(stderr, "store-fill: %s\n", err.msg);
		return 2;
	}
	claim_init(&c);
	c.qual = FIG_Q_APPROX;
	snprintf(c.unit, sizeof c.unit, "percent");
	snprintf(c.rule, sizeof c.rule, "bench.rules:1");
	c.sentence = sentence;
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
			long series = (d * 7 + (i % nseries) * 101) % 2000;

			c.line = i + 1;
			c.value = (double)(n % 1000) / 10;
			c.quote = quotes[n % 1000];
			p = put(sentence, "In ");
			p = put(p, years[n % 35]);
			p = put(p, ", the share was ");
			p = put(p, c.quote);
			p = put(p, " of the total.");
			*p = '\0';
			strcpy(c.period, years[(i / nseries + d) % 35]);
			strcpy(c.metric, metrics[series / 10]);
			strcpy(c.entity, ents[series % 10]);
			strcpy(c.footnote, i % 5 == 0 ? "1" : "");
			c.byte_start = i * 80;
			c.byte_end = i * 80 + 20;
			if (store_claim_insert(s, doc.id, &c, &err) != 0)
				goto fail;
		}
		if (store_commit(s, &err) != 0)
			goto fail;
	}
	store_close(s);	/* the last checkpoint belongs to the work */
	t = now() - t0;
	getrusage(RUSAGE_SELF, &ru);
	printf("%ld %ld %.3f %.3f\n", ndocs, n, t, (double)ru.ru_utime.tv_sec +
	    (double)ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
	    (double)ru.ru_stime.tv_usec / 1e6);
	return 0;
fail:
	fprintf(stderr, "store-fill: %s\n", err.msg);
	store_close(s);
	return 2;
}
