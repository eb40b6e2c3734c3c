/* export.c: claim records out of the store. The doc column holds the
 * document's title, as formats.md says for stored claims. */
#include <errno.h>
#include <string.h>

#include "figtrack/export.h"

const char *const export_extra_columns[EXPORT_NEXTRA] = {
	"title", "published", "source_date", "source_url"
};

struct exporter {
	FILE *out;
	enum fig_format fmt;
	long n;
	struct fig_err *err;
};

static int
on_row(void *ctx, const struct fig_row *r)
{
	struct exporter *ex = ctx;
	const char *extra[EXPORT_NEXTRA];

	extra[0] = r->doc->title;
	extra[1] = r->doc->published;
	extra[2] = r->source_date;
	extra[3] = r->source_url;
	if (claim_write(ex->out, ex->fmt, &r->claim, export_extra_columns,
	    extra, EXPORT_NEXTRA) != 0)
		return err_set(ex->err, FIG_EIO, NULL, 0, 0, "write error: %s",
		    strerror(errno));
	ex->n++;
	return 0;
}

int
export_claims(struct fig_store *s, const struct fig_query *q, FILE *out,
    enum fig_format fmt, long *n, struct fig_err *err)
{
	struct exporter ex = { out, fmt, 0, err };
	int rc;

	if (claim_write_header(out, fmt, export_extra_columns, EXPORT_NEXTRA)
	    != 0)
		return err_set(err, FIG_EIO, NULL, 0, 0, "write error: %s",
		    strerror(errno));
	rc = store_each_claim(s, q, on_row, &ex, err);
	if (n)
		*n = ex.n;
	return rc;
}
