/* text.c: UTF-8 checks and repair, superscript footnote digits, and the
 * cleaned sentence text that topic, period and exclusion rules read. */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "figtrack/text.h"

uint64_t
text_hash(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037ULL;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

int
text_utf8_check(const char *str, size_t len, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned char c;
		size_t n;
		unsigned long cp;

		/* ASCII eight bytes at a time: nearly all English text */
		while (i + 8 <= len) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= len)
			break;
		c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3;
			cp = c & 0x07;
		} else
			goto fail;
		if (len - i <= n)	/* sequence cut off by the end */
			goto fail;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				goto fail;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			goto fail;
		i += n + 1;
	}
	return 0;
fail:
	if (bad)
		*bad = i;
	return -1;
}

size_t
text_utf8_whole(const char *s, size_t len)
{
	size_t start = len, need;
	unsigned char lead;

	/* back over at most three continuation bytes to a lead byte */
	while (start > 0 && len - start < 3 &&
	    ((unsigned char)s[start - 1] & 0xC0) == 0x80)
		start--;
	if (start == 0)
		return len;
	lead = (unsigned char)s[start - 1];
	need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	return len - (start - 1) < need ? start - 1 : len;
}

void
text_utf8_lossy(struct fig_buf *out, const char *s, size_t len)
{
	size_t i = 0, bad;

	while (i < len) {
		if (text_utf8_check(s + i, len - i, &bad) == 0) {
			buf_add(out, s + i, len - i);
			return;
		}
		buf_add(out, s + i, bad);
		buf_adds(out, "\xEF\xBF\xBD");
		i += bad + 1;
		/* skip the continuation bytes of the broken sequence */
		while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
	}
}

int
text_superscript(const char *str, size_t len, int *digit)
{
	const unsigned char *s = (const unsigned char *)str;

	if (len >= 2 && s[0] == 0xC2) {
		switch (s[1]) {
		case 0xB9: *digit = 1; return 2;
		case 0xB2: *digit = 2; return 2;
		case 0xB3: *digit = 3; return 2;
		}
		return 0;
	}
	if (len >= 3 && s[0] == 0xE2 && s[1] == 0x81) {
		if (s[2] == 0xB0) {
			*digit = 0;
			return 3;
		}
		if (s[2] >= 0xB4 && s[2] <= 0xB9) {
			*digit = s[2] - 0xB0;
			return 3;
		}
	}
	return 0;
}

size_t
text_superscript_run(const char *s, size_t len, long *number)
{
	size_t i = 0;
	int d, n;

	*number = 0;
	while (i < len && (n = text_superscript(s + i, len - i, &d)) > 0) {
		if (*number < 100000000)
			*number = *number * 10 + d;
		i += (size_t)n;
	}
	return i;
}

int
text_unit_power(const char *str, size_t len, size_t at)
{
	static const char *const units[] = { "m", "km", "cm", "mm", "dm",
	    "ft", "mi", "yd" };
	const unsigned char *s = (const unsigned char *)str;
	size_t end = at, k;
	int d;

	if (at + 2 > len || s[at] != 0xC2 || (s[at + 1] != 0xB2 &&
	    s[at + 1] != 0xB3))
		return 0;
	if (text_superscript(str + at + 2, len - at - 2, &d) > 0)
		return 0;	/* "m²³": a power and a note, or a note */
	if (end > 1 && s[end - 1] == ' ' && (s[end - 2] | 0x20) >= 'a' &&
	    (s[end - 2] | 0x20) <= 'z')
		end--;	/* "m ³": a PDF may set the raised glyph apart */
	k = end;
	while (k > 0 && end - k < 3 && ((s[k - 1] | 0x20) >= 'a' &&
	    (s[k - 1] | 0x20) <= 'z'))
		k--;
	if (k == end || end - k > 2)
		return 0;
	for (size_t u = 0; u < sizeof units / sizeof *units; u++)
		if (strlen(units[u]) == end - k &&
		    memcmp(units[u], str + k, end - k) == 0)
			return 1;
	return 0;
}

static void
add_run(struct fig_runs *runs, size_t c, size_t r, size_t n)
{
	if (runs == NULL || n == 0)
		return;
	if (runs->n > 0) {
		struct fig_run *last = &runs->v[runs->n - 1];
		if (last->clean + last->len == c && last->raw + last->len == r) {
			last->len += n;
			return;
		}
	}
	if (runs->n == runs->cap) {
		runs->cap = runs->cap ? runs->cap * 2 : 16;
		runs->v = xrealloc(runs->v, (size_t)runs->cap * sizeof *runs->v);
	}
	runs->v[runs->n].clean = c;
	runs->v[runs->n].raw = r;
	runs->v[runs->n++].len = n;
}

void
text_clean(struct fig_buf *out, const char *s, size_t len,
    struct fig_runs *runs)
{
	size_t i = 0, start;
	int d, n;

	if (runs)
		runs->n = 0;
	buf_grow(out, len);
	while (i < len) {
		unsigned char c;

		/* copy plain bytes in one go: this is nearly all text */
		start = i;
		while (i + 8 <= len) {
			uint64_t w = text_load8(s + i);
			if (text_has_below_or_high(w, 0x20) ||
			    text_has_byte(w, '\\'))
				break;
			i += 8;
		}
		while (i < len && (unsigned char)(s[i] - 0x20) < 0xC2 - 0x20 &&
		    s[i] != '\\')
			i++;	/* printable ASCII other than a backslash */
		if (i < len && ((c = (unsigned char)s[i]) == '\n' ||
		    c == '\t' || c == '\r')) {
			add_run(runs, out->len, start, i - start + 1);
			buf_add(out, s + start, i - start);
			buf_addc(out, ' ');
			i++;
			continue;
		}
		add_run(runs, out->len, start, i - start);
		buf_add(out, s + start, i - start);
		if (i >= len)
			break;
		c = (unsigned char)s[i];
		if (c >= 0xC2 && (n = text_superscript(s + i, len - i, &d)) &&
		    !text_unit_power(s, len, i)) {
			i += (size_t)n;
			continue;
		}
		if (c == '\\' && i + 1 < len && strchr("$*_[]", s[i + 1]) &&
		    s[i + 1]) {
			i++;
			continue;
		}
		/* a backslash or a multi-byte character kept as it is */
		start = i;
		i++;
		while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		add_run(runs, out->len, start, i - start);
		buf_add(out, s + start, i - start);
	}
}

/* Index of the last run whose field (clean or raw) is <= v. */
static int
find_run(const struct fig_runs *runs, size_t v, int raw)
{
	int lo = 0, hi = runs->n - 1;

	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;
		size_t at = raw ? runs->v[mid].raw : runs->v[mid].clean;
		if (at <= v)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

size_t
text_raw_at(const struct fig_runs *runs, size_t c)
{
	const struct fig_run *r;

	if (runs->n == 0)
		return c;
	r = &runs->v[find_run(runs, c, 0)];
	return c >= r->clean ? r->raw + (c - r->clean) : r->raw;
}

size_t
text_clean_at(const struct fig_runs *runs, size_t raw)
{
	const struct fig_run *r;

	if (runs->n == 0)
		return raw;
	r = &runs->v[find_run(runs, raw, 1)];
	if (raw < r->raw)
		return r->clean;
	if (raw < r->raw + r->len)
		return r->clean + (raw - r->raw);
	return r->clean + r->len;
}

size_t
text_find_nocase(const char *s, size_t a, size_t b, const char *w, size_t n)
{
	unsigned char w0 = (unsigned char)w[0];
	/* a letter's other case differs from it in bit 0x20 only */
	int letter = w0 >= 'a' && w0 <= 'z';

	if (n == 0)
		return a <= b ? a : b;
	for (size_t i = a; i + n <= b; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((letter ? (c | 0x20) != w0 : c != w0))
			continue;
		if (strncasecmp(s + i + 1, w + 1, n - 1) == 0)
			return i;
	}
	return b;
}

void
text_lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

const char *
text_trim(const char *s, size_t *len)
{
	size_t n = *len;

	while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\r' ||
	    *s == '\n')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	*len = n;
	return s;
}

size_t
text_utf8_decode(const unsigned char *s, unsigned long *cp)
{
	size_t n;
	unsigned long c, min;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 2; c = s[0] & 0x1F; min = 0x80;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 3; c = s[0] & 0x0F; min = 0x800;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 4; c = s[0] & 0x07; min = 0x10000;
	} else
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}
