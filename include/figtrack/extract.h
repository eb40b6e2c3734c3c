/* extract.h: the whole extraction stage, document text -> claim records,
 * plus the document's metadata block and its parsed References list.
 * Documents are streamed paragraph by paragraph. */
#ifndef FIGTRACK_EXTRACT_H
#define FIGTRACK_EXTRACT_H

#include <stdio.h>

#include "figtrack/claim.h"
#include "figtrack/err.h"
#include "figtrack/rules.h"

/* One entry of a References / Bibliography / Notes section. */
struct fig_ref {
	int number;		/* footnote number, or 0 when unnumbered */
	long line;		/* line where the entry starts */
	const char *text;	/* borrowed: citation text, markers stripped */
	char date[16];		/* latest date in the citation, ISO, or "" */
	const char *url;	/* borrowed: first URL, or "" */
};

/* What the document says about itself. */
struct fig_docmeta {
	char title[256];	/* metadata title:, else first heading line */
	char published[16];	/* YYYY[-MM[-DD]] or "" */
	char source[256];	/* metadata source:, or "" */
	char url[512];		/* metadata url:, or "" */
	long lines;		/* lines read */
	long long bytes;	/* bytes read */
};

struct fig_extract_opts {
	const char *published;	/* --published, overrides the document */
	int lossy;		/* replace invalid UTF-8 instead of failing;
				   claim offsets then count the repaired
				   text (U+FFFD is three bytes) */
	/* Checked between paragraphs; extraction stops with FIG_EINTR
	 * when it points at a non-zero value (SIGINT handling). */
	const volatile int *stop;
};

/* Called once per claim. The claim is borrowed: copy what you keep.
 * Return 0 to go on, -1 (with err set through ctx) to stop. */
typedef int (*fig_claim_fn)(void *ctx, const struct fig_claim *c);
/* Called once per reference entry; same contract. */
typedef int (*fig_ref_fn)(void *ctx, const struct fig_ref *r);

struct fig_extract_cbs {
	fig_claim_fn on_claim;	/* may be NULL */
	fig_ref_fn on_ref;	/* may be NULL */
	void *ctx;
};

/* Reads the document from in (named name in claims and errors) and calls
 * cbs for every claim and reference; a PDF (pdf.h) is read whole and its
 * claims carry their page. meta (may be NULL) is filled as the
 * metadata is read, so it is complete when the first claim arrives if the
 * document states its date in its first lines. Returns 0, or -1 with err
 * set (bad UTF-8, binary data, read error, callback failure, interrupt). */
int extract_stream(const struct fig_rules *rules, FILE *in, const char *name,
    const struct fig_extract_opts *opts, const struct fig_extract_cbs *cbs,
    struct fig_docmeta *meta, struct fig_err *err);

/* Same, for a path ("-" is stdin). */
int extract_path(const struct fig_rules *rules, const char *path,
    const struct fig_extract_opts *opts, const struct fig_extract_cbs *cbs,
    struct fig_docmeta *meta, struct fig_err *err);

/* Same, for text already in memory (tests, rule examples, fuzzing). */
int extract_mem(const struct fig_rules *rules, const char *text, size_t len,
    const char *name, const struct fig_extract_opts *opts,
    const struct fig_extract_cbs *cbs, struct fig_docmeta *meta,
    struct fig_err *err);

/* ---- one document in parts, on several threads ----------------------- */

/* Extracts path as extract_path does, on up to `jobs` threads when it is
 * a large regular file: it is cut at blank lines into parts extracted at
 * once, each after reading some text before it for its context; a part
 * whose context turns out not to be the one the part before it ended
 * with is extracted again from that one, so the claims, their order and
 * the errors are those of extract_path. */
int extract_path_jobs(const struct fig_rules *rules, const char *path,
    const struct fig_extract_opts *opts, const struct fig_extract_cbs *cbs,
    struct fig_docmeta *meta, int jobs, struct fig_err *err);

/* What one line of a document hands the next: the metadata, the last
 * dates and actors, a held paragraph, the place in the file. */
struct fig_carry;

/* A part of a document: the claims of the lines that start in
 * [start, end) (end -1: to the end of the file), after the text from
 * warm (a line start, lines_before lines into the file) is read for
 * context. With line >= 0, warm, start and end may be cuts of the long
 * line that starts at byte line (lines_before lines into the file),
 * which extract_grid_cut (extract-int.h) places whatever came before. */
struct fig_part {
	long long warm, start, end;
	long lines_before;
	long long line;
};

/* Extracts part of the document open as in (seekable). With from, the
 * part starts from that carry (the one the part before ended with) and
 * warm is not read. *start_carry and *end_carry (malloc'd; free them
 * with extract_carry_free) are the carries at start and at end; end's
 * is NULL for a part that reaches the end of the file, which flushes
 * what is held as extract_stream does. Returns 0, or -1 with err set. */
int extract_part(const struct fig_rules *rules, FILE *in, const char *name,
    const struct fig_extract_opts *opts, const struct fig_extract_cbs *cbs,
    const struct fig_part *part, const struct fig_carry *from,
    struct fig_carry **start_carry, struct fig_carry **end_carry,
    struct fig_docmeta *meta, struct fig_err *err);

/* NULL when carries a and b hand the next line the same, else the name
 * of what differs first (static). */
const char *extract_carry_diff(const struct fig_carry *a,
    const struct fig_carry *b);
void extract_carry_free(struct fig_carry *c);

/* A stand-alone date line ("November 2022", "30 November 2022",
 * "2022-11-30"), as the first lines of a document state their date:
 * 0 with out set, or -1. */
int extract_date_line(const char *s, size_t n, char out[32]);

#endif
