/* csvio.h: reading CSV with libcsv in strict mode, one callback per
 * record. Writing goes through claim.h's record writers. */
#ifndef FIGTRACK_CSVIO_H
#define FIGTRACK_CSVIO_H

#include <stdio.h>

#include "figtrack/err.h"

/* One record: fields are borrowed NUL-terminated strings, valid only
 * during the call. row is the 1-based record number (the header is row
 * 1) and line the physical line where the record starts. Return 0 to go
 * on, -1 with err set to stop. */
typedef int (*csvio_row_fn)(void *ctx, long row, long line, int nfields,
    char *const *fields, struct fig_err *err);

/* Parses in (named name in errors) strictly: an unbalanced quote, a
 * quote inside an unquoted field, a NUL byte or invalid UTF-8 is an error
 * naming the row. A UTF-8 BOM is skipped; CRLF and LF both end records.
 * Returns 0, or -1 with err set. */
int csvio_read(FILE *in, const char *name, csvio_row_fn fn, void *ctx,
    struct fig_err *err);

/* Index of column name in header fields, or -1. */
int csvio_column(char *const *fields, int nfields, const char *name);

#endif
