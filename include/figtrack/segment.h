/* segment.h: lines -> blocks (paragraphs, headings, list items, table
 * rows) and blocks -> sentences. A paragraph split by a page break or an
 * image credit is joined again when it plainly continues. */
#ifndef FIGTRACK_SEGMENT_H
#define FIGTRACK_SEGMENT_H

#include <stddef.h>

#include "figtrack/buf.h"
#include "figtrack/err.h"
#include "figtrack/rules.h"

enum fig_blockkind {
	FIG_BLK_PROSE,
	FIG_BLK_HEADING,	/* "# Title" */
	FIG_BLK_ITEM,		/* "- item", "1. item" */
	FIG_BLK_TABLE		/* "| a | b |" */
};

/* Where each line of a block starts. */
struct fig_lineref {
	size_t off;		/* offset in the block text */
	long line;		/* 1-based line in the document */
	long long doc;		/* byte offset of that line in the document */
};

struct fig_block {
	struct fig_buf text;	/* lines joined with '\n' */
	struct fig_lineref *lines;
	int nlines;
	int cap;
	enum fig_blockkind kind;
};

/* Called with each finished block (borrowed). Return 0 or -1 to stop. */
typedef int (*fig_block_fn)(void *ctx, const struct fig_block *b);

struct fig_segmenter {
	struct fig_block cur;	/* the block being read */
	struct fig_block held;	/* ended without a full stop: may go on */
	int have_cur;
	int have_held;
	fig_block_fn emit;
	void *ctx;
};

void seg_init(struct fig_segmenter *sg, fig_block_fn emit, void *ctx);
void seg_release(struct fig_segmenter *sg);
/* Feeds one line (no newline). Blank lines end blocks. */
int seg_line(struct fig_segmenter *sg, const char *s, size_t n, long line,
    long long doc_off);
/* Ends the current block and hands over everything still held. */
int seg_flush(struct fig_segmenter *sg);

/* Line and document offset of block offset off. */
long seg_line_at(const struct fig_block *b, size_t off);
long long seg_doc_at(const struct fig_block *b, size_t off);

struct fig_span {
	size_t start;
	size_t end;
};

/* Splits text[0..len) into sentences at ". ! ?" (plus closing quotes and
 * footnote markers) followed by space and a capital, a digit or a quote,
 * except after the abbreviations of r. Sentences go into *out (grown as
 * needed, *cap its capacity); returns how many. */
int seg_sentences(const struct fig_rules *r, pcre2_match_data *md,
    const char *text, size_t len, struct fig_span **out, int *cap);

/* Does the '.', '!' or '?' at text[i] end a sentence, as seg_sentences
 * reads it? Returns where the next sentence starts, or 0. */
size_t seg_sentence_end(const struct fig_rules *r, pcre2_match_data *md,
    const char *text, size_t len, size_t i);

#endif
