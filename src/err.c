/* err.c: filling and formatting struct fig_err. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "figtrack/err.h"

void
err_clear(struct fig_err *err)
{
	memset(err, 0, sizeof *err);
}

int
err_set(struct fig_err *err, enum fig_errcode code, const char *file,
    long line, long col, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return -1;
	err->code = code;
	snprintf(err->file, sizeof err->file, "%s", file ? file : "");
	err->line = line;
	err->col = col;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return -1;
}

void
err_format(const struct fig_err *err, char *out, size_t n)
{
	if (err->file[0] && err->line > 0 && err->col > 0)
		snprintf(out, n, "%s:%ld:%ld: %s", err->file, err->line,
		    err->col, err->msg);
	else if (err->file[0] && err->line > 0)
		snprintf(out, n, "%s:%ld: %s", err->file, err->line, err->msg);
	else if (err->file[0])
		snprintf(out, n, "%s: %s", err->file, err->msg);
	else
		snprintf(out, n, "%s", err->msg);
}
