/* table.c: collecting cells and printing them aligned. Widths are in
 * terminal columns so a title in Chinese lines up with one in English. */
#include <stdlib.h>
#include <string.h>

#include "figtrack/table.h"

void
table_init(struct fig_table *t, const char *const *names, int ncols)
{
	memset(t, 0, sizeof *t);
	t->ncols = ncols;
	t->names = names;
	buf_init(&t->cells);
	t->maxw = xcalloc((size_t)ncols, sizeof *t->maxw);
	t->right = xcalloc((size_t)ncols, sizeof *t->right);
}

void
table_release(struct fig_table *t)
{
	buf_release(&t->cells);
	free(t->offs);
	free(t->widths);
	free(t->maxw);
	free(t->right);
	memset(t, 0, sizeof *t);
}

void
table_set_max(struct fig_table *t, int col, int maxw)
{
	t->maxw[col] = maxw;
}

void
table_set_right(struct fig_table *t, int col)
{
	t->right[col] = 1;
}

/* Decodes one UTF-8 character at s; returns its length (1 for a stray
 * byte) and sets *cp. */
static int
decode(const unsigned char *s, unsigned long *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xE0) == 0xC0 && (s[1] & 0xC0) == 0x80) {
		*cp = (s[0] & 0x1Ful) << 6 | (s[1] & 0x3F);
		return 2;
	}
	if ((s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80) {
		*cp = (s[0] & 0x0Ful) << 12 | (s[1] & 0x3Ful) << 6 |
		    (s[2] & 0x3F);
		return 3;
	}
	if ((s[0] & 0xF8) == 0xF0 && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80) {
		*cp = (s[0] & 0x07ul) << 18 | (s[1] & 0x3Ful) << 12 |
		    (s[2] & 0x3Ful) << 6 | (s[3] & 0x3F);
		return 4;
	}
	*cp = 0xFFFD;
	return 1;
}

static int
cp_width(unsigned long c)
{
	if ((c >= 0x0300 && c <= 0x036F) || c == 0x200B || c == 0x200D ||
	    (c >= 0xFE00 && c <= 0xFE0F))
		return 0;
	if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
	    (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
	    (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) ||
	    (c >= 0x20000 && c <= 0x3FFFD))
		return 2;
	return 1;
}

int
table_width(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned long cp;
	int w = 0;

	while (*s) {
		if (*s < 0x80) {	/* ASCII: one column */
			s++;
			w++;
			continue;
		}
		s += decode(s, &cp);
		w += cp_width(cp);
	}
	return w;
}

void
table_add(struct fig_table *t, const char *const *vals)
{
	for (int i = 0; i < t->ncols; i++) {
		const char *v = vals[i] ? vals[i] : "";
		const unsigned char *s = (const unsigned char *)v;
		int w = 0, max = t->maxw[i];

		if (t->ncells == t->cap) {
			t->cap = t->cap ? t->cap * 2 : 256;
			t->offs = xrealloc(t->offs, t->cap * sizeof *t->offs);
			t->widths = xrealloc(t->widths, t->cap *
			    sizeof *t->widths);
		}
		t->offs[t->ncells] = t->cells.len;
		/* plain printable ASCII is copied in one go */
		while (s[w] >= 0x20 && s[w] < 0x7F && (!max || w < max - 1))
			w++;
		if (s[w] == '\0') {
			buf_add(&t->cells, s, (size_t)w);
			s += w;
		} else
			w = 0;
		while (*s) {
			unsigned long cp;
			int n = decode(s, &cp), cw = cp_width(cp);
			if (max && w + cw > max - 1 && table_width((const char *)s)
			    > max - w) {
				buf_adds(&t->cells, "\xE2\x80\xA6");
				w++;	/* the ellipsis */
				break;
			}
			if (*s == '\t' || *s == '\n' || *s == '\r')
				buf_addc(&t->cells, ' ');
			else
				buf_add(&t->cells, s, (size_t)n);
			w += cw;
			s += n;
		}
		buf_addc(&t->cells, '\0');
		t->widths[t->ncells++] = w;
	}
}

static const char *
cell(const struct fig_table *t, size_t i)
{
	return t->cells.data + t->offs[i];
}

static void
pad(struct fig_buf *b, int n)
{
	while (n-- > 0)
		buf_addc(b, ' ');
}

void
table_print(const struct fig_table *t, FILE *out)
{
	int *w = xcalloc((size_t)t->ncols, sizeof *w);
	size_t nrows = t->ncells / (size_t)t->ncols;
	struct fig_buf line = FIG_BUF_INIT;

	for (int c = 0; c < t->ncols; c++)
		w[c] = table_width(t->names[c]);
	for (size_t i = 0; i < t->ncells; i++)
		if (t->widths[i] > w[i % (size_t)t->ncols])
			w[i % (size_t)t->ncols] = t->widths[i];
	for (size_t r = 0; r <= nrows; r++) {
		buf_reset(&line);
		for (int c = 0; c < t->ncols; c++) {
			size_t i = (r - 1) * (size_t)t->ncols + (size_t)c;
			const char *v = r == 0 ? t->names[c] : cell(t, i);
			int gap = w[c] - (r == 0 ? table_width(v) :
			    t->widths[i]);

			if (c)
				buf_adds(&line, "  ");
			if (t->right[c])
				pad(&line, gap);
			buf_adds(&line, v);
			if (!t->right[c])
				pad(&line, gap);
		}
		while (line.len > 0 && line.data[line.len - 1] == ' ')
			line.len--;
		buf_addc(&line, '\n');
		fwrite(line.data, 1, line.len, out);
	}
	buf_release(&line);
	free(w);
}
