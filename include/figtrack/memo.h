/* memo.h: a bounded map from strings to borrowed pointers, for answers
 * that depend on a string alone and cost a search each (the name the
 * rules give an actor's or a subject's words). */
#ifndef FIGTRACK_MEMO_H
#define FIGTRACK_MEMO_H

#include <stddef.h>

/* At most FIG_MEMO_MAX strings are kept; the map is emptied when full. */
#define FIG_MEMO_MAX 512

struct fig_memo {
	struct fig_memo_slot {
		char *s;		/* the string (a copy), NULL: free */
		size_t n;
		const void *value;	/* its answer, borrowed; may be NULL */
	} *slot;
	size_t nslot;		/* a power of two, twice FIG_MEMO_MAX */
	size_t used;
};

/* An empty map; memo_release frees what it holds. */
void memo_init(struct fig_memo *m);
void memo_release(struct fig_memo *m);

/* The answer kept for s[0, n) in *value: 1 when one is kept, else 0. */
int memo_get(const struct fig_memo *m, const char *s, size_t n,
    const void **value);

/* Keeps value (borrowed: it must outlive the map) as s[0, n)'s answer. */
void memo_put(struct fig_memo *m, const char *s, size_t n, const void *value);

#endif
