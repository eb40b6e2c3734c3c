/* export.h: stored claims out as claim records (formats.md section 1)
 * with the document's title and date and the source behind each figure
 * appended: what `figtrack export` writes and `figtrack import` reads. */
#ifndef FIGTRACK_EXPORT_H
#define FIGTRACK_EXPORT_H

#include <stdio.h>

#include "figtrack/claim.h"
#include "figtrack/store.h"

/* The columns appended after the claim columns, in order. */
extern const char *const export_extra_columns[];
#define EXPORT_NEXTRA 4

/* Writes the header and one record per claim q selects (NULL: all), in
 * store_each_claim's order, to out in format fmt (CSV through libcsv's
 * quoting). *n receives the count when n is not NULL. Returns 0, or -1
 * with err set (a database or write error). */
int export_claims(struct fig_store *s, const struct fig_query *q, FILE *out,
    enum fig_format fmt, long *n, struct fig_err *err);

#endif
