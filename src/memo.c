/* memo.c: a bounded map from strings to borrowed pointers (memo.h),
 * open addressing on text_hash; emptied, not grown, when full, so its
 * memory stays a few tens of KB whatever the input. */
#include <stdlib.h>
#include <string.h>

#include "figtrack/buf.h"
#include "figtrack/memo.h"
#include "figtrack/text.h"

void
memo_init(struct fig_memo *m)
{
	m->nslot = 2 * FIG_MEMO_MAX;
	m->slot = xcalloc(m->nslot, sizeof *m->slot);
	m->used = 0;
}

static void
memo_clear(struct fig_memo *m)
{
	for (size_t i = 0; i < m->nslot; i++)
		free(m->slot[i].s);
	memset(m->slot, 0, m->nslot * sizeof *m->slot);
	m->used = 0;
}

void
memo_release(struct fig_memo *m)
{
	if (m->slot)
		memo_clear(m);
	free(m->slot);
	m->slot = NULL;
	m->nslot = 0;
}

/* The slot that holds s[0, n), else the free one it would take. */
static struct fig_memo_slot *
find(const struct fig_memo *m, const char *s, size_t n)
{
	size_t i = (size_t)text_hash(s, n) & (m->nslot - 1);

	while (m->slot[i].s != NULL && (m->slot[i].n != n ||
	    memcmp(m->slot[i].s, s, n) != 0))
		i = (i + 1) & (m->nslot - 1);
	return &m->slot[i];
}

int
memo_get(const struct fig_memo *m, const char *s, size_t n,
    const void **value)
{
	const struct fig_memo_slot *e;

	if (m->nslot == 0)
		return 0;
	e = find(m, s, n);
	if (e->s == NULL)
		return 0;
	*value = e->value;
	return 1;
}

void
memo_put(struct fig_memo *m, const char *s, size_t n, const void *value)
{
	struct fig_memo_slot *e;

	if (m->nslot == 0)
		memo_init(m);
	if (m->used == FIG_MEMO_MAX)
		memo_clear(m);
	e = find(m, s, n);
	if (e->s == NULL) {
		e->s = xstrndup(s, n);
		e->n = n;
		m->used++;
	}
	e->value = value;
}
