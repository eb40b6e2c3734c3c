/* import.h: CSV into the store. Two kinds of file are read: the
 * observations CSV of formats.md section 3 (figures from a dataset) and
 * claim records as `figtrack export` writes them, told apart by header. */
#ifndef FIGTRACK_IMPORT_H
#define FIGTRACK_IMPORT_H

#include <stdio.h>

#include "figtrack/err.h"
#include "figtrack/store.h"

struct import_opts {
	const char *title;	/* observations: the dataset's title, else
				 * the file's base name */
	const char *published;	/* claim records without a published
				 * column: their date */
};

struct import_result {
	int claim_records;	/* 1: the file held claim records */
	long rows;		/* records stored */
	int ndocs;		/* documents created */
	long long first_id;	/* the first of them */
	long long already;	/* the file was imported before as this
				 * document: nothing was done */
};

/* Reads the CSV in (named name; sha256 is the hex hash of its bytes) and
 * stores it in one transaction of its own: everything or, on any error,
 * nothing. Errors name the row and column. An observations file becomes
 * one dataset document; claim records become one dataset document per
 * title and publication date. Returns 0 or -1 with err set. */
int import_csv(struct fig_store *s, FILE *in, const char *name,
    const char *sha256, const struct import_opts *opts,
    struct import_result *res, struct fig_err *err);

/* Returns 0 when s is a period as claim records write it: YYYY, YYYY-MM,
 * YYYY-MM-DD, YYYY-H1/H2 or YYYY-Q1..Q4, or an interval START/END of
 * two of those ("2022-01/2022-05"). */
int import_period_valid(const char *s);

#endif
