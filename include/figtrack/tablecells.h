/* tablecells.h: the figures of tables ("| a | b |" rows, as Markdown
 * writes them and the HTML reader converts <table> to). Each numeric cell
 * becomes a short sentence built from the table's caption, the cell's row
 * and column headers and the cell itself with the unit the headers or the
 * caption state ("China's exports to Russia in 2022: US$76.1 bn."), and
 * extraction reads that sentence with the same quantity, period and topic
 * rules as prose; the claim keeps the cell as its quote. docs/rules.md,
 * "Tables", gives the reasons. */
#ifndef FIGTRACK_TABLECELLS_H
#define FIGTRACK_TABLECELLS_H

#include <stddef.h>

#include "figtrack/buf.h"
#include "figtrack/claim.h"
#include "figtrack/err.h"
#include "figtrack/rules.h"

/* One numeric cell and the sentence made for it. */
struct fig_tcell {
	const char *phrase;	/* borrowed: the sentence */
	size_t vstart, vend;	/* the cell's number in phrase */
	const char *quote;	/* borrowed: the cell as written */
	long line;		/* line of its row */
	long long doc;		/* byte offset of the cell in the document */
	int negate;		/* "(116)": an accountant's negative */
};

/* Called once per numeric cell; return 0 to go on, -1 to stop. */
typedef int (*fig_tcell_fn)(void *ctx, const struct fig_tcell *c);

struct fig_trow {
	struct fig_buf text;	/* the row line as written */
	long line;
	long long doc;		/* byte offset of the line */
};

/* The table being read and the block before it (its caption). */
struct fig_tables {
	struct fig_buf caption;	/* the short block just before the table,
				   or empty */
	struct fig_trow *rows;
	int nrows, cap;
	pcre2_match_data *md;	/* for the unit look-ups; made when first
				   needed */
	int count;		/* the last look-up found a count of 1 */
};

void tables_init(struct fig_tables *t);
void tables_release(struct fig_tables *t);

/* A block that is not a table row: kept as the caption of a table that
 * may follow when it is a heading or one short line ("Table 2: China's
 * trade with Russia (US$ bn)"), else forgotten. */
void tables_note(struct fig_tables *t, const char *s, size_t n);

/* One row line of the table being read (separator lines included). */
void tables_row(struct fig_tables *t, const char *s, size_t n, long line,
    long long doc);

/* Ends the table being read, if any: calls fn for every numeric cell,
 * in row order, then forgets the rows. Returns 0, or -1 when fn did. */
int tables_flush(struct fig_tables *t, const struct fig_rules *r,
    fig_tcell_fn fn, void *ctx);

/* Makes claim c, read from cell tc's sentence, the cell's: its quote,
 * place in the document and, for "(116)", its sign. */
void tables_claim(const struct fig_tcell *tc, struct fig_claim *c);

#endif
