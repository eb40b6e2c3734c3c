/* number.c: one number as written in prose, digits or words, to a double.
 * The number words themselves come from the [numbers] rules. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "figtrack/number.h"
#include "figtrack/text.h"

/* Looks up a normalised word (lower case, single spaces). */
static const struct fig_numword *
find_word(const struct fig_rules *r, const char *w)
{
	for (int i = 0; r && i < r->nwords; i++)
		if (strcmp(r->words[i].word, w) == 0)
			return &r->words[i];
	return NULL;
}

/* Are s[0..3) digits? */
static int
isdigit3(const char *s)
{
	for (int k = 0; k < 3; k++)
		if (s[k] < '0' || s[k] > '9')
			return 0;
	return 1;
}

/* The length of the thousands space at s[0..n) ("3 348"): a space,
 * U+00A0 or U+202F; 0 for none. */
static size_t
group_space(const char *s, size_t n)
{
	if (n >= 1 && s[0] == ' ')
		return 1;
	if (n >= 2 && memcmp(s, "\xc2\xa0", 2) == 0)
		return 2;		/* U+00A0 no-break space */
	if (n >= 3 && memcmp(s, "\xe2\x80\xaf", 3) == 0)
		return 3;		/* U+202F narrow no-break space */
	return 0;
}

/* Digits as prose writes them. A comma before one or two digits is a
 * decimal comma ("27,7%", "1,54 million"); commas before groups of
 * three are thousands ("11,360"), as are Indian groups of two ending in
 * three ("2,77,000"), and so are two or more dots, or spaces, before
 * groups of three ("1.234.567", "3 348"). One ",ddd" or ".ddd" alone
 * reads either way: it is read the English way and flagged
 * FIG_NUM_COMMA3 or FIG_NUM_DOT3, for quantity_from_match to read again
 * in a document that writes decimal commas. */
static int
parse_digits(const char *s, size_t n, double *v, int *flags)
{
	char tmp[64];
	size_t k = 0, digits = 0, group = 0, last = 0, sp;
	int commas = 0, dots = 0, two = 0, bad = 0;
	char *end;

	if (n == 0 || n >= sizeof tmp)
		return -1;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9') {
			tmp[k++] = c;
			digits++;
			group++;
			continue;
		}
		if ((sp = group_space(s + i, n - i)) > 0) {
			/* "3 348": the pattern put a space (or a no-break
			 * one) only between groups of three */
			size_t j = i + sp;
			if (group == 0 || group > 3 || j + 3 > n ||
			    !isdigit3(s + j) || (j + 3 < n && s[j + 3] >= '0' &&
			    s[j + 3] <= '9'))
				return -1;
			group = 0;
			i += sp - 1;
			continue;
		}
		if (c != ',' && c != '.')
			return -1;
		if (i == 0 || i + 1 == n || !(s[i - 1] >= '0' &&
		    s[i - 1] <= '9'))
			return -1;
		/* the group before this separator, the first excepted */
		if (commas + dots > 0) {
			if (group == 2)
				two++;
			else if (group != 3)
				bad = 1;
		}
		if (c == ',')
			commas++;
		else
			dots++;
		last = k;
		group = 0;
		tmp[k++] = c;
	}
	tmp[k] = '\0';
	if (digits == 0)
		return -1;
	*flags = 0;
	if (commas + dots == 0) {
		*flags = FIG_NUM_INTEGER;
	} else if (commas + dots == 1) {
		if (group == 3 && tmp[last] == ',')
			*flags = FIG_NUM_INTEGER | FIG_NUM_COMMA3;
		else if (group == 3)
			*flags = FIG_NUM_DOT3;
		else if (tmp[last] == ',')
			*flags = FIG_NUM_DECIMAL_COMMA;
		tmp[last] = (*flags & FIG_NUM_INTEGER) ? '_' : '.';
	} else {
		/* several separators: thousands in groups of three
		 * ("1,234,567", "1.234.567") or Indian twos ending in three
		 * ("1,00,00,000"), then maybe a decimal mark of the other
		 * kind, once ("1,234.5", "1.234,5") */
		char dec = commas && dots ? tmp[last] : 0;
		if ((dec && (dec == ',' ? commas : dots) != 1) || bad ||
		    (two && dec == ',') || (!dec && group != 3))
			return -1;
		*flags = dec == ',' ? FIG_NUM_DECIMAL_COMMA : dec ? 0 :
		    FIG_NUM_INTEGER;
		for (size_t i = 0; i < k; i++)
			if (tmp[i] == ',' || tmp[i] == '.')
				tmp[i] = dec && i == last ? '.' : '_';
	}
	/* drop the thousands marks */
	for (size_t i = 0, j = 0; i <= k; i++)
		if (tmp[i] != '_')
			tmp[j++] = tmp[i];
	*v = strtod(tmp, &end);
	if (*end != '\0')
		return -1;
	if (commas + dots == 0 && n == 4 && *v >= 1000 && *v <= 2999)
		*flags |= FIG_NUM_YEARLIKE;
	return 0;
}

/* Where the separate word sep ("point", "thousand") stands in s[0..n),
 * between spaces or hyphens, or NULL. */
static const char *
spoken_at(const char *s, size_t n, const char *sep)
{
	size_t m = strlen(sep);

	for (size_t i = 1; i + m + 1 < n; i++)
		if ((s[i - 1] == '-' || s[i - 1] == ' ') &&
		    strncasecmp(s + i, sep, m) == 0 &&
		    (s[i + m] == '-' || s[i + m] == ' '))
			return s + i;
	return NULL;
}

/* Numbers as broadcasters spell them out: "seven-point-seven",
 * "zero-point-65", "33-point-six", "352-thousand-700". The digits after
 * "point" are read one word a digit. Returns -1 when s is none. */
static int
spoken(const struct fig_rules *r, const char *s, size_t n, double *v,
    int *flags)
{
	const char *p = spoken_at(s, n, "point");
	double a, b, scale = 0.1;
	int fa, fb;
	size_t i;

	if (p != NULL) {
		if (number_parse(r, s, (size_t)(p - 1 - s), &a, &fa, NULL) != 0
		    || !(fa & FIG_NUM_INTEGER) || a < 0)
			return -1;
		*v = a;
		for (i = (size_t)(p - s) + 6; i < n; ) {
			size_t e = i;
			if (s[i] >= '0' && s[i] <= '9') {
				for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
					*v += (s[i] - '0') * scale;
					scale /= 10;
				}
			} else {
				while (e < n && s[e] != '-' && s[e] != ' ')
					e++;
				if (number_parse(r, s + i, e - i, &b, &fb,
				    NULL) != 0 || b > 9 || b != floor(b))
					return -1;
				*v += b * scale;
				scale /= 10;
				i = e;
			}
			while (i < n && (s[i] == '-' || s[i] == ' '))
				i++;
		}
		*flags = FIG_NUM_WORD;
		return 0;
	}
	if ((p = spoken_at(s, n, "thousand")) != NULL && s[0] >= '0' &&
	    s[0] <= '9') {
		if (parse_digits(s, (size_t)(p - 1 - s), &a, &fa) != 0 ||
		    parse_digits(p + 9, n - (size_t)(p + 9 - s), &b, &fb) != 0
		    || !(fa & fb & FIG_NUM_INTEGER) || b >= 1000)
			return -1;
		*v = a * 1000 + b;
		*flags = FIG_NUM_INTEGER;
		return 0;
	}
	return -1;
}

int
number_parse(const struct fig_rules *r, const char *s, size_t n, double *v,
    int *flags, const struct fig_numword **word)
{
	char w[128];
	size_t k = 0;
	int sp = 0;
	const struct fig_numword *nw;
	char *dash;

	if (word)
		*word = NULL;
	if (spoken(r, s, n, v, flags) == 0)
		return 0;
	if (n > 0 && s[0] >= '0' && s[0] <= '9' && parse_digits(s, n, v,
	    flags) == 0)
		return 0;	/* else a word written with digits: "1 in 4" */
	if (n == 0 || n >= sizeof w)
		return -1;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '-') {
			sp = 1;
			continue;
		}
		if (sp && k) {
			/* keep the separator: "a third", "twenty five" */
			w[k++] = ' ';
		}
		sp = 0;
		w[k++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	w[k] = '\0';
	if ((nw = find_word(r, w)) != NULL) {
		*v = nw->value;
		*flags = FIG_NUM_WORD | (nw->weak ? FIG_NUM_WEAK : 0) |
		    (nw->fraction ? FIG_NUM_FRACTION : 0) |
		    (nw->value == floor(nw->value) ? FIG_NUM_INTEGER : 0);
		if (word)
			*word = nw;
		return 0;
	}
	/* compounds: "twenty five" from "twenty-five" */
	if ((dash = strchr(w, ' ')) != NULL) {
		const struct fig_numword *a, *b;
		*dash = '\0';
		a = find_word(r, w);
		b = find_word(r, dash + 1);
		if (a && b && a->value >= 20 && a->value <= 90 &&
		    b->value >= 1 && b->value <= 9 && !b->fraction) {
			*v = a->value + b->value;
			*flags = FIG_NUM_WORD | FIG_NUM_INTEGER;
			return 0;
		}
	}
	return -1;
}

/* ASCII word characters ([A-Za-z0-9_]) as '1', indexed by byte. */
static const char wordch[] =
	"0000000000000000000000000000000000000000000000001111111111000000"
	"0111111111111111111111111110000101111111111111111111111111100000"
	"0000000000000000000000000000000000000000000000000000000000000000"
	"0000000000000000000000000000000000000000000000000000000000000000";

static int
is_word(unsigned char c)
{
	return wordch[c] == '1';
}

/* Does number word w (single spaces) start at s[0..n), case-insensitive,
 * its spaces matching runs of spaces and hyphens, and end a word? */
static int
word_at(const char *w, const char *s, size_t n)
{
	size_t i = 0;

	for (; *w; w++) {
		if (*w == ' ') {
			if (i >= n || (s[i] != ' ' && s[i] != '-'))
				return 0;
			while (i < n && (s[i] == ' ' || s[i] == '-'))
				i++;
			continue;
		}
		if (i >= n || (s[i] | 32) != *w)
			return 0;
		i++;
	}
	return i == n || !is_word((unsigned char)s[i]);
}

/* Is the en dash at s[i] a minus ("(\u20134.1%", "and \u20133.5%")? After a
 * bracket, a space or nothing; after a digit it joins a range. */
static inline int
minus_dash(const char *s, size_t i)
{
	return i == 0 || s[i - 1] == '(' || s[i - 1] == ' ';
}

/* Does a number start at s[i] (i < to)? The tests of number_scan for
 * one byte. */
static inline int
starts_at(const struct fig_rules *r, const char *s, size_t i, size_t to)
{
	unsigned char c = (unsigned char)s[i], p;
	int key;

	/* nearly every byte: no number starts with it and the next */
	if (!rules_may_start(r, c, i + 1 < to ? (unsigned char)s[i + 1] : 0))
		return 0;
	/* not glued: the quantity pattern's lookbehind, in C; but a sign
	 * ("(-1%)") or a prefix unit ending in a dot ("Rs.2.56") may
	 * stand right before the digits */
	if (i > 0) {
		unsigned char pp = i > 1 ? (unsigned char)s[i - 2] : ' ';
		p = (unsigned char)s[i - 1];
		if (is_word(p) || (p == '.' && !((pp | 32) >= 'a' &&
		    (pp | 32) <= 'z')) || (p == '-' && is_word(pp)) ||
		    (p == '/' && pp != ' ' && pp != '\n') || p == '[' ||
		    (i >= 3 && p == 0x93 &&
		    (unsigned char)s[i - 2] == 0x80 &&
		    (unsigned char)s[i - 3] == 0xE2 && !minus_dash(s, i - 3)))
			return 0;	/* glued: "S-400", "4.0", "word7" */
	}
	if (c >= '0' && c <= '9')
		return 1;
	/* a currency code or symbol glued to the digits: "USD196.48
	 * billion", "RM1.4 trillion", "Rs4.4 trillion", "Rp5 billion" (the
	 * quantity pattern decides) */
	if (c >= 'A' && c <= 'Z') {
		size_t j = i + 1;
		while (j < to && j < i + 3 && s[j] >= 'A' && s[j] <= 'Z')
			j++;
		if (j == i + 1 && j < to && s[j] >= 'a' && s[j] <= 'z')
			j++;
		if (j >= i + 2 && j < to && s[j] >= '0' && s[j] <= '9')
			return 1;
	}
	/* the number words that start with these two letters */
	key = rules_word_key(c, i + 1 < to ? (unsigned char)s[i + 1] : 0);
	if (!(r->word3[key] >> rules_word_third(i + 2 < to ?
	    (unsigned char)s[i + 2] : 0) & 1))
		return 0;
	for (int k = r->wordkey[key]; k < r->wordkey[key + 1]; k++)
		if (word_at(r->words[r->wordorder[k]].word, s + i, to - i))
			return 1;
	return 0;
}

size_t
number_scan(const struct fig_rules *r, const char *s, size_t from, size_t to)
{
	size_t i = from;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* A number starts a word (starts_at tests that its byte before is
	 * no word character), so only the word starts of each 8 bytes are
	 * tested: a sixth of the bytes of English text. */
	uint64_t prev = i > 0 && is_word((unsigned char)s[i - 1]) ? 1 : 0;

	for (; i + 8 <= to; i += 8) {
		uint64_t word = text_word_bytes(text_load8(s + i));
		uint64_t starts = word & ~(word << 8 | prev << 7);

		prev = word >> 63;
		while (starts) {
			size_t j = i + ((size_t)__builtin_ctzll(starts) >> 3);
			if (starts_at(r, s, j, to))
				return j;
			starts &= starts - 1;
		}
	}
#endif
	for (; i < to; i++)
		if (starts_at(r, s, i, to))
			return i;
	return to;
}
