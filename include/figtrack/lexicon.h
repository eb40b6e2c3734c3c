/* lexicon.h: the subject lexicon ({SUBJECT}, every [subject]'s words)
 * compiled once, not once in every pattern that names it. A pattern
 * holds a short stub in its place; the stub's callouts ask where the
 * lexicon's matches from that place end, found once a text and place by
 * the lexicon's own pattern, and consume the text up to each end in the
 * order the lexicon's alternation would: the same matches as with the
 * lexicon written out (docs/rules.md, docs/speed.md "Session 23"). */
#ifndef FIGTRACK_LEXICON_H
#define FIGTRACK_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "figtrack/buf.h"
#include "figtrack/rules.h"

/* The most ends the lexicon's matches from one place may have (its
 * alternatives and their optional parts: "oil", "oil products"); a
 * text with more fails with an error naming the rule. */
#define FIG_LEX_WAYS 16
/* The stub's callouts: FIG_LEX_WAY + k takes the k-th end, FIG_LEX_END
 * holds where it is reached. Other callout numbers are left alone. */
#define FIG_LEX_WAY 200
#define FIG_LEX_END 250

/* Writes the stub that stands for the lexicon into out: a lookahead for
 * the first bytes a match can have (first: PCRE2's 256-bit start
 * bitmap, NULL when unknown), then FIG_LEX_WAYS ways, the k-th taking
 * the text up to the k-th end, each tried when the one before failed
 * and only while there are ends left. */
void lexicon_stub(struct fig_buf *out, const uint8_t *first);

/* What a thread knows of one text: where the lexicon's matches end,
 * by the place they start. Bound to a text (lexicon_bind) before a
 * pattern with the stub is matched on it; the callout reads it. */
struct fig_lexcache {
	const struct fig_rules *r;
	pcre2_match_context *mc;	/* the lexicon's own search: the
					   rules' limits, lexicon_found */
	pcre2_match_data *md;
	const char *s;			/* the text bound, borrowed */
	size_t len;
	struct fig_buf copy;		/* its bytes: a buffer reused for
					   another text is told by them */
	uint32_t stamp;			/* this text's: a place whose seen
					   differs is not yet searched */
	uint32_t *seen;			/* per place (len + 1 of them) */
	uint32_t *from;			/* per place: its first end in ends */
	uint8_t *count;			/* per place: its ends, at most
					   FIG_LEX_WAYS */
	size_t cap;			/* places the three arrays hold */
	size_t *ends;			/* the ends found, place after place */
	size_t nends, capends;
	size_t at;			/* the place being searched */
	size_t target;			/* the end the stub is taking */
	int over;			/* a place had more than FIG_LEX_WAYS */
};

/* Sets c up for rules r (r->subject_lex compiled). */
void lexicon_cache_init(struct fig_lexcache *c, const struct fig_rules *r);
void lexicon_cache_release(struct fig_lexcache *c);

/* Binds c to the text s[0, len): what it knows of another text is
 * forgotten, what it knows of this one kept (the same bytes at the same
 * address). */
void lexicon_bind(struct fig_lexcache *c, const char *s, size_t len);

/* The callout of the patterns with the stub (pcre2_set_callout, data
 * the fig_lexcache bound to their text): 0 go on, 1 back off, or
 * PCRE2_ERROR_CALLOUT when the lexicon's search failed or found more
 * than FIG_LEX_WAYS ends at a place (c->over). */
int lexicon_callout(pcre2_callout_block *cb, void *data);

#endif
