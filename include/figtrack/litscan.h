/* litscan.h: every word of a fixed set found in a text in one pass (an
 * Aho-Corasick automaton over ASCII letters and digits), for the words
 * the rules' patterns need (rules.lits): a sentence is read once, not
 * once a word. */
#ifndef FIGTRACK_LITSCAN_H
#define FIGTRACK_LITSCAN_H

#include <stddef.h>

/* A word of the set that starts with PAT_WORD_START (pattern.h) is
 * found only where it starts a word (see litscan_run). */
struct fig_litscan {
	int *go;		/* the next state, by state and class of
				   byte (litscan.c); state 0 is the root */
	int *word;		/* per state: the id of the word of the set
				   that ends there, -1 when none */
	int *word_start;	/* per state: the id of that word's form that
				   must start a word, -1 when none */
	int *dict;		/* per state: the nearest state on its chain of
				   suffixes where a word ends, 0 when none */
	int *depth;		/* per state: its word's length */
	int nstate;
};

/* Builds the automaton of words[0, n), each lower case, of ASCII letters
 * and digits after an optional PAT_WORD_START; id i is words[i]. */
void litscan_build(struct fig_litscan *L, char *const *words, int n);
void litscan_release(struct fig_litscan *L);

/* Sets seen[id] to 1 for each word of the set found in s[0, n) (lower
 * case: the set's words match only lower-case letters): a word of plain
 * form anywhere, a word of PAT_WORD_START's form where the byte before
 * it is no ASCII letter, digit or '_', or at s's start, or at an offset
 * of edge[0, nedge) (where a caller puts a mark before the text). Other
 * entries of seen are left as they are. */
void litscan_run(const struct fig_litscan *L, const char *s, size_t n,
    const size_t *edge, int nedge, unsigned char *seen);

#endif
