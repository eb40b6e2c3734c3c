/* litscan.c: the words of a fixed set found in a text in one pass
 * (litscan.h): an Aho-Corasick automaton whose alphabet is the ASCII
 * letters and digits and one class for every other byte. */
#include <stdlib.h>
#include <string.h>

#include "figtrack/buf.h"
#include "figtrack/litscan.h"
#include "figtrack/pattern.h"

/* 26 letters, 10 digits, and every other byte */
#define NCLASS 37
#define OTHER 36

static int
class_of(unsigned char c)
{
	if (c >= 'a' && c <= 'z')
		return c - 'a';
	if (c >= '0' && c <= '9')
		return 26 + (c - '0');
	return OTHER;
}

/* A new state, its moves unset (-1), at the end of L's arrays. */
static int
add_state(struct fig_litscan *L, int *cap, int depth)
{
	int s = L->nstate++;

	if (s == *cap) {
		*cap = *cap ? 2 * *cap : 256;
		L->go = xrealloc(L->go, (size_t)*cap * NCLASS * sizeof *L->go);
		L->word = xrealloc(L->word, (size_t)*cap * sizeof *L->word);
		L->word_start = xrealloc(L->word_start, (size_t)*cap *
		    sizeof *L->word_start);
		L->dict = xrealloc(L->dict, (size_t)*cap * sizeof *L->dict);
		L->depth = xrealloc(L->depth, (size_t)*cap * sizeof *L->depth);
	}
	for (int c = 0; c < NCLASS; c++)
		L->go[s * NCLASS + c] = -1;
	L->word[s] = L->word_start[s] = -1;
	L->dict[s] = 0;
	L->depth[s] = depth;
	return s;
}

/* The trie of the words: each word's last state names its id. */
static void
add_words(struct fig_litscan *L, int *cap, char *const *words, int n)
{
	for (int i = 0; i < n; i++) {
		const char *w = words[i];
		int s = 0, start = w[0] == PAT_WORD_START;

		for (w += start; *w; w++) {
			int *to = &L->go[s * NCLASS + class_of((unsigned char)*w)];
			if (*to < 0) {
				int d = L->depth[s] + 1;
				int t = add_state(L, cap, d);
				/* add_state may have moved L->go */
				to = &L->go[s * NCLASS +
				    class_of((unsigned char)*w)];
				*to = t;
			}
			s = *to;
		}
		if (start)
			L->word_start[s] = i;
		else
			L->word[s] = i;
	}
}

void
litscan_build(struct fig_litscan *L, char *const *words, int n)
{
	int cap = 0, *fail, *queue, head = 0, tail = 0;

	memset(L, 0, sizeof *L);
	add_state(L, &cap, 0);
	add_words(L, &cap, words, n);
	/* breadth first: a state's failure (its longest proper suffix in
	 * the trie) is known before its children's; missing moves become
	 * those of the failure, so a scan takes one move a byte */
	fail = xcalloc((size_t)L->nstate, sizeof *fail);
	queue = xmalloc((size_t)L->nstate * sizeof *queue);
	for (int c = 0; c < NCLASS; c++) {
		int t = L->go[c];
		if (t < 0)
			L->go[c] = 0;
		else
			queue[tail++] = t;
	}
	while (head < tail) {
		int s = queue[head++];
		int f = fail[s];
		L->dict[s] = L->word[f] >= 0 || L->word_start[f] >= 0 ? f :
		    L->dict[f];
		for (int c = 0; c < NCLASS; c++) {
			int *to = &L->go[s * NCLASS + c];
			if (*to < 0) {
				*to = L->go[f * NCLASS + c];
			} else {
				fail[*to] = L->go[f * NCLASS + c];
				queue[tail++] = *to;
			}
		}
	}
	free(queue);
	free(fail);
}

void
litscan_release(struct fig_litscan *L)
{
	free(L->go);
	free(L->word);
	free(L->word_start);
	free(L->dict);
	free(L->depth);
	memset(L, 0, sizeof *L);
}

/* Does a word that starts at s[at] start a word, as litscan_run says? */
static int
starts_word(const char *s, size_t at, const size_t *edge, int nedge)
{
	unsigned char c;

	if (at == 0)
		return 1;
	c = (unsigned char)s[at - 1];
	if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_'))
		return 1;
	for (int i = 0; i < nedge; i++)
		if (edge[i] == at)
			return 1;
	return 0;
}

void
litscan_run(const struct fig_litscan *L, const char *s, size_t n,
    const size_t *edge, int nedge, unsigned char *seen)
{
	int st = 0;

	if (L->nstate == 0)
		return;
	for (size_t i = 0; i < n; i++) {
		st = L->go[st * NCLASS + class_of((unsigned char)s[i])];
		for (int o = L->word[st] >= 0 || L->word_start[st] >= 0 ? st :
		    L->dict[st]; o != 0; o = L->dict[o]) {
			if (L->word[o] >= 0)
				seen[L->word[o]] = 1;
			if (L->word_start[o] >= 0 && starts_word(s,
			    i + 1 - (size_t)L->depth[o], edge, nedge))
				seen[L->word_start[o]] = 1;
		}
	}
}
