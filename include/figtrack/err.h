/* err.h: the error record every library function fills instead of printing.
 * A command prints it once, as "figtrack: FILE:LINE:COL: message". */
#ifndef FIGTRACK_ERR_H
#define FIGTRACK_ERR_H

#include <stddef.h>

enum fig_errcode {
	FIG_OK = 0,
	FIG_EINPUT,	/* bad input: a document, CSV or rule file is malformed */
	FIG_EIO,	/* read or write failed */
	FIG_EDB,	/* the database refused, is locked or corrupt */
	FIG_EUSAGE,	/* the caller asked for something impossible */
	FIG_ELIMIT,	/* a match or depth limit stopped a pattern */
	FIG_EINTR	/* interrupted by a signal */
};

struct fig_err {
	enum fig_errcode code;	/* FIG_OK until something fails */
	char file[256];		/* file the error is about, or "" */
	long line;		/* 1-based line, or 0 when not known */
	long col;		/* 1-based column or byte offset, or 0 */
	char msg[512];		/* lower-case, no full stop */
};

/* Clears err to FIG_OK. */
void err_clear(struct fig_err *err);

/* Fills err (when not NULL) and returns -1, so callers can write
 * "return err_set(...)". file may be NULL. */
int err_set(struct fig_err *err, enum fig_errcode code, const char *file,
    long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Formats err as "FILE:LINE:COL: msg" (parts that are unknown left out)
 * into out, a buffer of size n. */
void err_format(const struct fig_err *err, char *out, size_t n);

#endif
