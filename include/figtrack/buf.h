/* buf.h: the one growable byte buffer used everywhere. It doubles its
 * capacity as it grows and always keeps a terminating NUL after len. */
#ifndef FIGTRACK_BUF_H
#define FIGTRACK_BUF_H

#include <stddef.h>
#include <stdio.h>

struct fig_buf {
	char *data;	/* NUL-terminated once anything was added; may be NULL */
	size_t len;	/* bytes used, not counting the NUL */
	size_t cap;	/* bytes allocated */
};

#define FIG_BUF_INIT { NULL, 0, 0 }

void buf_init(struct fig_buf *b);
/* Frees what b holds and leaves it empty and reusable. */
void buf_release(struct fig_buf *b);
/* Empties b without freeing its memory. */
void buf_reset(struct fig_buf *b);
/* Makes room for n more bytes. Exits on out of memory (the only exit a
 * module may take). */
void buf_grow(struct fig_buf *b, size_t n);
void buf_add(struct fig_buf *b, const void *p, size_t n);
void buf_adds(struct fig_buf *b, const char *s);
void buf_addc(struct fig_buf *b, int c);
void buf_addf(struct fig_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Returns b's string, never NULL (an empty buffer gives ""). Borrowed. */
const char *buf_str(const struct fig_buf *b);
/* Hands over b's memory: returns a malloc'd string the caller frees, and
 * leaves b empty. */
char *buf_detach(struct fig_buf *b);

/* Reads one line from f into b (replacing its contents), without the
 * '\n'. Returns 1 when a line was read, 0 at end of file, -1 on a read
 * error. Lines of any length are read in one piece. */
int buf_getline(struct fig_buf *b, FILE *f);

/* xmalloc-style helpers: exit with a message on out of memory. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* xrealloc for arrays that grow large (the diff's million figures):
 * from 8 MB up the array is placed on 2 MB boundaries and the kernel
 * is asked to back it with huge pages (madvise; a hint). A first touch
 * of each 4 KB page is a page fault, about 5 us on the VMs this runs
 * on: 14,000 of them for a 56 MB array. The first used bytes of p are
 * kept (a copy, where realloc might have moved pages); free with free. */
void *xrealloc_big(void *p, size_t used, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
