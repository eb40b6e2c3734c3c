/* fuzz-import.c: libFuzzer harness for CSV import: any bytes as an
 * observations CSV (or claim records, told apart by the header) imported
 * into an in-memory database. What imports is exported, imported into a
 * second database and exported again: the two exports must be equal. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/export.h"
#include "figtrack/import.h"
#include "figtrack/sha256.h"
#include "figtrack/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Imports text[0..n) into a new in-memory store and exports it as CSV
 * into *out (malloc'd, *outlen bytes). Returns the import's result: 0
 * imported, -1 refused (then *out is NULL). */
static int
fi_roundtrip(const char *text, size_t n, char **out, size_t *outlen)
{
	struct fig_store *s;
	struct import_result res;
	struct fig_err err;
	char sha[65];
	FILE *in, *mem;
	long count = 0;
	int rc;

	*out = NULL;
	*outlen = 0;
	err_clear(&err);
	if (store_open(&s, ":memory:", 0, &err) != 0)
		abort();
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
		store_close(s);
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
	store_close(s);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = calloc(1, size ? size : 1), *e1, *e2;
	size_t n1, n2;

	if (size)
		memcpy(copy, data, size);
	if (fi_roundtrip(copy, size, &e1, &n1) == 0) {
		/* an export imports again and exports the same bytes */
		if (fi_roundtrip(e1, n1, &e2, &n2) != 0)
			abort();
		if (n1 != n2 || memcmp(e1, e2, n1) != 0)
			abort();
		free(e1);
		free(e2);
	}
	free(copy);
	return 0;
}
