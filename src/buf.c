/* buf.c: the growable buffer and the allocation helpers. Out of memory is
 * the one failure that exits on the spot. */
#define _POSIX_C_SOURCE 200809L
#include <sys/mman.h>
#include <sys/types.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/buf.h"

static void
oom(void)
{
	fputs("figtrack: out of memory\n", stderr);
	exit(2);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

/* Arrays of this size and up go on huge pages where the kernel has
 * them. */
#define HUGE_PAGE ((size_t)2 << 20)
#define BIG_ARRAY (4 * HUGE_PAGE)

void *
xrealloc_big(void *p, size_t used, size_t n)
{
	size_t cap;
	void *q;

	if (n < BIG_ARRAY)
		return xrealloc(p, n);
	if (n > (size_t)-1 - HUGE_PAGE)
		oom();
	cap = (n + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
	q = aligned_alloc(HUGE_PAGE, cap);
	if (q == NULL)
		oom();
#ifdef MADV_HUGEPAGE
	/* a hint: where transparent huge pages are off or unknown, the
	 * array simply gets small pages */
	(void)madvise(q, cap, MADV_HUGEPAGE);
#endif
	if (p) {
		memcpy(q, p, used < n ? used : n);
		free(p);
	}
	return q;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
buf_init(struct fig_buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void
buf_release(struct fig_buf *b)
{
	free(b->data);
	buf_init(b);
}

void
buf_reset(struct fig_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void
buf_grow(struct fig_buf *b, size_t n)
{
	size_t want;

	if (n > (size_t)-1 / 2 - b->len)
		oom();
	want = b->len + n + 1;
	if (want <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < want)
		b->cap *= 2;
	b->data = xrealloc(b->data, b->cap);
}

void
buf_add(struct fig_buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_adds(struct fig_buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* Called for every byte by the text and JSON writers: room for the byte
 * and the NUL is checked here, buf_grow only called when there is none. */
void
buf_addc(struct fig_buf *b, int c)
{
	if (b->cap - b->len < 2)
		buf_grow(b, 1);
	b->data[b->len++] = (char)c;
	b->data[b->len] = '\0';
}

void
buf_addf(struct fig_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

const char *
buf_str(const struct fig_buf *b)
{
	return b->data ? b->data : "";
}

char *
buf_detach(struct fig_buf *b)
{
	char *s = b->data ? b->data : xstrdup("");

	buf_init(b);
	return s;
}

int
buf_getline(struct fig_buf *b, FILE *f)
{
	ssize_t n;

	/* getline(3) reallocates with realloc and counts embedded NUL
	 * bytes, so the caller can see and refuse them. */
	n = getline(&b->data, &b->cap, f);
	if (n < 0) {
		b->len = 0;
		if (b->data)
			b->data[0] = '\0';
		return ferror(f) ? -1 : 0;
	}
	if (n > 0 && b->data[n - 1] == '\n')
		n--;
	b->len = (size_t)n;
	b->data[n] = '\0';
	return 1;
}
