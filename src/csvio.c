/* csvio.c: strict CSV reading on top of libcsv. libcsv hands fields to
 * callbacks; we gather them into a record and hand whole records on. */
#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/buf.h"
#include "figtrack/csvio.h"
#include "figtrack/text.h"

struct reader {
	const char *name;
	csvio_row_fn fn;
	void *ctx;
	struct fig_err *err;
	char **fields;		/* owned copies of this record's fields */
	int nfields;
	int cap;
	long row;		/* records completed so far */
	long line;		/* physical line we are on */
	long rec_line;		/* line where the current record began */
	int failed;
};

static void
on_field(void *data, size_t len, void *p)
{
	struct reader *r = p;

	if (r->failed)
		return;
	if (r->nfields == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->fields = xrealloc(r->fields, (size_t)r->cap * sizeof *r->fields);
	}
	r->fields[r->nfields++] = xstrndup(data ? data : "", len);
}

static void
free_fields(struct reader *r)
{
	for (int i = 0; i < r->nfields; i++)
		free(r->fields[i]);
	r->nfields = 0;
}

static void
on_record(int term, void *p)
{
	struct reader *r = p;
	long row;

	(void)term;
	if (r->failed) {
		free_fields(r);
		return;
	}
	row = ++r->row;
	for (int i = 0; i < r->nfields; i++) {
		size_t bad;
		if (text_utf8_check(r->fields[i], strlen(r->fields[i]),
		    &bad) != 0) {
			err_set(r->err, FIG_EINPUT, r->name, row, i + 1,
			    "row %ld, column %d: invalid UTF-8 at byte %zu of "
			    "the field", row, i + 1, bad + 1);
			r->failed = 1;
			free_fields(r);
			return;
		}
	}
	/* a blank line gives one empty field: skip it */
	if (!(r->nfields == 1 && r->fields[0][0] == '\0')) {
		if (r->fn(r->ctx, row, r->rec_line, r->nfields, r->fields,
		    r->err) != 0)
			r->failed = 1;
	} else
		r->row--;
	free_fields(r);
}

int
csvio_read(FILE *in, const char *name, csvio_row_fn fn, void *ctx,
    struct fig_err *err)
{
	struct csv_parser p;
	struct reader r;
	char chunk[65536];
	size_t n;
	int first = 1, rc = 0;

	memset(&r, 0, sizeof r);
	r.name = name;
	r.fn = fn;
	r.ctx = ctx;
	r.err = err;
	r.line = 1;
	r.rec_line = 1;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return err_set(err, FIG_EIO, name, 0, 0, "cannot set up the "
		    "CSV parser");
	while ((n = fread(chunk, 1, sizeof chunk, in)) > 0) {
		char *s = chunk;
		size_t len = n;

		if (first) {
			first = 0;
			if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
				s += 3;
				len -= 3;
			}
		}
		if (memchr(s, '\0', len) != NULL) {
			rc = err_set(err, FIG_EINPUT, name, r.row + 1, 0,
			    "row %ld: NUL byte: this is binary data, not CSV",
			    r.row + 1);
			goto out;
		}
		/* Feed line by line so errors and records know their line. */
		while (len > 0) {
			char *nl = memchr(s, '\n', len);
			size_t part = nl ? (size_t)(nl - s) + 1 : len;

			if (csv_parse(&p, s, part, on_field, on_record, &r)
			    != part) {
				rc = err_set(err, FIG_EINPUT, name, r.row + 1, 0,
				    "row %ld: %s", r.row + 1,
				    csv_strerror(csv_error(&p)));
				goto out;
			}
			if (r.failed) {
				rc = -1;
				goto out;
			}
			if (nl) {
				r.line++;
				/* state 0 is libcsv's ROW_NOT_BEGUN: the newline
				 * ended a record rather than sitting in a field */
				if (p.pstate == 0)
					r.rec_line = r.line;
			}
			s += part;
			len -= part;
		}
	}
	if (ferror(in)) {
		rc = err_set(err, FIG_EIO, name, 0, 0, "read error");
		goto out;
	}
	if (csv_fini(&p, on_field, on_record, &r) != 0) {
		rc = err_set(err, FIG_EINPUT, name, r.row + 1, 0,
		    "row %ld: %s (unbalanced quote?)", r.row + 1,
		    csv_strerror(csv_error(&p)));
		goto out;
	}
	if (r.failed)
		rc = -1;
out:
	free_fields(&r);
	free(r.fields);
	csv_free(&p);
	return rc;
}

int
csvio_column(char *const *fields, int nfields, const char *name)
{
	for (int i = 0; i < nfields; i++)
		if (strcmp(fields[i], name) == 0)
			return i;
	return -1;
}
