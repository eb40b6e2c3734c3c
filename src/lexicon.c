/* lexicon.c: the subject lexicon matched once a text and place for every
 * pattern that names it (lexicon.h): the stub written in its place, and
 * the callouts that find and take the lexicon's ends. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/lexicon.h"
#include "figtrack/pattern.h"

void
lexicon_stub(struct fig_buf *out, const uint8_t *first)
{
	if (first != NULL)
		pat_lead_lookahead(out, first);
	/* way k: "(?Ck)(?:TAKE|way k + 1)", so that once a way is not
	 * there (k ends or fewer) none after it is asked for */
	for (int k = 0; k < FIG_LEX_WAYS; k++)
		buf_addf(out, "(?C%d)(?:(?>(?s:.)*?(?C%d))%s", FIG_LEX_WAY + k,
		    FIG_LEX_END, k + 1 < FIG_LEX_WAYS ? "|" : "");
	for (int k = 0; k < FIG_LEX_WAYS; k++)
		buf_addc(out, ')');
}

/* The lexicon's own search reports each end of a match from c->at (its
 * pattern is the lexicon, this callout and (*FAIL): every way it can
 * match, in the order the alternation tries them). An end met before
 * is passed over: the pattern goes on from an end as it did before. */
static int
lexicon_found(pcre2_callout_block *cb, void *data)
{
	struct fig_lexcache *c = data;
	size_t e = cb->current_position;
	uint32_t f = c->from[c->at];

	for (unsigned k = 0; k < c->count[c->at]; k++)
		if (c->ends[f + k] == e)
			return 0;
	if (c->count[c->at] == FIG_LEX_WAYS) {
		c->over = 1;
		return PCRE2_ERROR_CALLOUT;
	}
	if (c->nends == c->capends) {
		c->capends = c->capends ? 2 * c->capends : 64;
		c->ends = xrealloc(c->ends, c->capends * sizeof *c->ends);
	}
	c->ends[c->nends++] = e;
	c->count[c->at]++;
	return 0;
}

void
lexicon_cache_init(struct fig_lexcache *c, const struct fig_rules *r)
{
	memset(c, 0, sizeof *c);
	c->r = r;
	c->mc = pcre2_match_context_copy(r->mctx);
	c->md = pcre2_match_data_create(1, NULL);
	if (c->mc == NULL || c->md == NULL) {
		fputs("figtrack: out of memory\n", stderr);
		exit(2);
	}
	pcre2_set_callout(c->mc, lexicon_found, c);
}

void
lexicon_cache_release(struct fig_lexcache *c)
{
	pcre2_match_context_free(c->mc);
	pcre2_match_data_free(c->md);
	buf_release(&c->copy);
	free(c->seen);
	free(c->from);
	free(c->count);
	free(c->ends);
	memset(c, 0, sizeof *c);
}

void
lexicon_bind(struct fig_lexcache *c, const char *s, size_t len)
{
	if (s == c->s && len == c->len && c->stamp != 0 &&
	    memcmp(c->copy.data, s, len) == 0)
		return;
	if (len + 1 > c->cap) {
		size_t n = c->cap ? c->cap : 256;
		while (n < len + 1)
			n *= 2;
		c->seen = xrealloc(c->seen, n * sizeof *c->seen);
		c->from = xrealloc(c->from, n * sizeof *c->from);
		c->count = xrealloc(c->count, n * sizeof *c->count);
		memset(c->seen, 0, n * sizeof *c->seen);
		c->cap = n;
		c->stamp = 0;
	}
	if (++c->stamp == 0) {	/* wrapped: every place unseen again */
		memset(c->seen, 0, c->cap * sizeof *c->seen);
		c->stamp = 1;
	}
	c->s = s;
	c->len = len;
	buf_reset(&c->copy);
	buf_add(&c->copy, s, len);
	c->nends = 0;
	c->over = 0;
}

/* Finds the ends of the lexicon's matches from place p of the bound
 * text, once. 0, or -1 when its search failed. */
static int
ends_at(struct fig_lexcache *c, size_t p)
{
	const struct fig_rules *r = c->r;
	int rc;

	if (c->seen[p] == c->stamp)
		return 0;
	c->seen[p] = c->stamp;
	c->from[p] = (uint32_t)c->nends;
	c->count[p] = 0;
	if (p < c->len && r->subject_first_known &&
	    !(r->subject_first[(unsigned char)c->s[p] / 8] &
	    (1u << ((unsigned char)c->s[p] % 8))))
		return 0;
	c->at = p;
	rules_jit_once(r, &r->subject_lex);
	rc = pcre2_match(r->subject_lex.code, (PCRE2_SPTR)c->s, c->len, p,
	    PCRE2_NO_UTF_CHECK, c->md, c->mc);
	return rc == PCRE2_ERROR_NOMATCH ? 0 : -1;
}

int
lexicon_callout(pcre2_callout_block *cb, void *data)
{
	struct fig_lexcache *c = data;
	uint32_t n = cb->callout_number;
	size_t p = cb->current_position;

	if (n == FIG_LEX_END)
		return p == c->target ? 0 : 1;
	if (n < FIG_LEX_WAY || n >= FIG_LEX_WAY + FIG_LEX_WAYS)
		return 0;
	if ((const char *)cb->subject != c->s || cb->subject_length != c->len)
		lexicon_bind(c, (const char *)cb->subject, cb->subject_length);
	if (ends_at(c, p) != 0)
		return PCRE2_ERROR_CALLOUT;
	if (n - FIG_LEX_WAY >= c->count[p])
		return 1;
	c->target = c->ends[c->from[p] + n - FIG_LEX_WAY];
	return 0;
}
