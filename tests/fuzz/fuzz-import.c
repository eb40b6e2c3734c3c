/* fuzz-import.c: libFuzzer harness for CSV import: any bytes as an
 * observations CSV (or claim records, told apart by the header) imported
 * into an in-memory database. What imports is exported, imported into a
 * second database and exported again: the two exports must be equal.
 *
 * The two in-memory databases are opened once (LLVMFuzzerInitialize):
 * creating the schema cost more than everything else an input does.
 * After each input that imported something, every document is removed
 * again through store_doc_remove, as `figtrack rm` does, and the
 * database must then hold no document and no claim: each input starts
 * from an empty database, as it did with a new one, and rm is fuzzed on
 * the way. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/export.h"
#include "figtrack/import.h"
#include "figtrack/sha256.h"
#include "figtrack/store.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* [0] takes the input, [1] its export */
static struct fig_store *fi_store[2];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct fig_err err;

	(void)argc;
	(void)argv;
	for (int i = 0; i < 2; i++) {
		err_clear(&err);
		if (store_open(&fi_store[i], ":memory:", 0, &err) != 0) {
			char msg[1024];
			err_format(&err, msg, sizeof msg);
			fprintf(stderr, "fuzz-import: %s\n", msg);
			exit(2);
		}
	}
	return 0;
}

/* The ids of the documents in a store. */
struct fi_ids {
	long long *id;
	size_t n, cap;
};

static int
fi_doc(void *ctx, const struct fig_doc *d)
{
	struct fi_ids *ids = ctx;

	if (ids->n == ids->cap) {
		ids->cap = ids->cap ? ids->cap * 2 : 16;
		if ((ids->id = realloc(ids->id, ids->cap * sizeof *ids->id))
		    == NULL)
			abort();
	}
	ids->id[ids->n++] = d->id;
	return 0;
}

/* s holds no document (claims are only ever read through theirs). */
static void
fi_none(struct fig_store *s)
{
	struct fi_ids ids = { NULL, 0, 0 };
	struct fig_err err;

	err_clear(&err);
	if (store_each_doc(s, fi_doc, &ids, &err) != 0 || ids.n != 0)
		abort();
}

/* Removes every document of s, the ndocs an import just created, with
 * their claims and references. */
static void
fi_empty(struct fig_store *s, int ndocs)
{
	struct fi_ids ids = { NULL, 0, 0 };
	struct fig_err err;

	err_clear(&err);
	if (store_each_doc(s, fi_doc, &ids, &err) != 0 ||
	    ids.n != (size_t)ndocs || store_begin(s, &err) != 0)
		abort();
	for (size_t i = 0; i < ids.n; i++)
		if (store_doc_remove(s, ids.id[i], &err) != 0)
			abort();
	if (store_commit(s, &err) != 0)
		abort();
	free(ids.id);
	fi_none(s);
}

/* Imports text[0..n) into the empty store s and exports it as CSV into
 * *out (malloc'd, *outlen bytes), leaving s empty again. Returns the
 * import's result: 0 imported, -1 refused (then *out is NULL). */
static int
fi_roundtrip(struct fig_store *s, const char *text, size_t n, char **out,
    size_t *outlen)
{
	struct import_result res;
	struct fig_err err;
	char sha[65];
	FILE *in, *mem;
	long count = 0;
	int rc;

	*out = NULL;
	*outlen = 0;
	err_clear(&err);
	/* fmemopen refuses a zero-size buffer: read an empty file */
	in = n ? fmemopen((void *)text, n, "r") : fopen("/dev/null", "r");
	if (in == NULL)
		abort();
	sha256_hex(text, n, sha);
	rc = import_csv(s, in, "fuzz.csv", sha, NULL, &res, &err);
	fclose(in);
	if (rc != 0) {
		if (err.code == FIG_OK || err.msg[0] == '\0')
			abort();	/* a refusal must say why */
		if (err.code == FIG_EDB)
			abort();	/* input may not break the database */
		fi_none(s);	/* all or nothing */
		return -1;
	}
	if (res.rows <= 0 || res.ndocs <= 0)
		abort();
	if ((mem = open_memstream(out, outlen)) == NULL)
		abort();
	if (export_claims(s, NULL, mem, FIG_FMT_CSV, &count, &err) != 0 ||
	    count != res.rows)
		abort();
	fclose(mem);
	fi_empty(s, res.ndocs);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = calloc(1, size ? size : 1), *e1, *e2;
	size_t n1, n2;

	if (size)
		memcpy(copy, data, size);
	if (fi_roundtrip(fi_store[0], copy, size, &e1, &n1) == 0) {
		/* an export imports again and exports the same bytes */
		if (fi_roundtrip(fi_store[1], e1, n1, &e2, &n2) != 0)
			abort();
		if (n1 != n2 || memcmp(e1, e2, n1) != 0)
			abort();
		free(e1);
		free(e2);
	}
	free(copy);
	return 0;
}
