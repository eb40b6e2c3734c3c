/* text.h: byte-level text handling: UTF-8 validation and repair, the
 * Unicode superscript digits used as footnote markers, and the cleaned
 * copy of a sentence that rule patterns are matched against. */
#ifndef FIGTRACK_TEXT_H
#define FIGTRACK_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "figtrack/buf.h"

/* Eight bytes at a time ("SWAR"): the scans that look for a few rare
 * bytes in long runs of ordinary text test a 64-bit word at once. Each
 * test is exact as a yes/no answer for the whole word. */
#define TEXT_ONES 0x0101010101010101ULL
#define TEXT_HIGHS 0x8080808080808080ULL

/* The 8 bytes at s, in any alignment. */
static inline uint64_t
text_load8(const char *s)
{
	uint64_t w;

	memcpy(&w, s, sizeof w);
	return w;
}

/* Nonzero when some byte of w is c. */
static inline uint64_t
text_has_byte(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (TEXT_ONES * c);

	return (x - TEXT_ONES) & ~x & TEXT_HIGHS;
}

/* Nonzero when some byte of w is below n (n <= 128) or is 0x80 or more. */
static inline uint64_t
text_has_below_or_high(uint64_t w, unsigned char n)
{
	return ((w - TEXT_ONES * n) & ~w & TEXT_HIGHS) | (w & TEXT_HIGHS);
}

/* The high bit of each byte of w that is an ASCII word character
 * ([A-Za-z0-9_]), the others' high bits clear: exact lane by lane (each
 * range test borrows within its own byte only). A byte's lane is its
 * place in memory on a little-endian machine. */
static inline uint64_t
text_word_bytes(uint64_t w)
{
	const uint64_t H = TEXT_HIGHS, L7 = ~TEXT_HIGHS;
	uint64_t x = w & L7;			/* the low 7 bits of each */
	uint64_t l = x | (TEXT_ONES * 0x20);	/* letters to lower case */
	/* x >= lo: (x | H) - lo keeps the high bit; x <= hi: (hi | H) - x */
	uint64_t letter = (((l | H) - TEXT_ONES * 'a') &
	    ((TEXT_ONES * 'z' | H) - l)) & H;
	uint64_t digit = (((x | H) - TEXT_ONES * '0') &
	    ((TEXT_ONES * '9' | H) - x)) & H;
	uint64_t u = x ^ (TEXT_ONES * '_');
	uint64_t under = ~(((u & L7) + L7) | u | L7);	/* u's zero bytes */

	return (letter | digit | under) & ~w & H;
}

/* The FNV-1a hash (64 bits) of s[0..n): for the hash tables of the
 * modules. */
uint64_t text_hash(const char *s, size_t n);

/* Returns 0 when s[0..len) is valid UTF-8 (no overlongs, no surrogates),
 * else -1 with *bad set to the offset of the first bad byte. */
int text_utf8_check(const char *s, size_t len, size_t *bad);

/* Decodes the UTF-8 character at s (NUL-terminated). Returns its length
 * and sets *cp, or 0 when the bytes are not well-formed UTF-8 (overlong,
 * surrogate, above U+10FFFF, truncated). */
size_t text_utf8_decode(const unsigned char *s, unsigned long *cp);

/* The length of s[0..len) without a character cut short at its end:
 * len, or where the last character's bytes start when fewer than its
 * lead byte announces follow (a buffer filled up to a byte limit). */
size_t text_utf8_whole(const char *s, size_t len);

/* Appends s[0..len) to out with every invalid sequence replaced by
 * U+FFFD. */
void text_utf8_lossy(struct fig_buf *out, const char *s, size_t len);

/* If s starts with a superscript digit (U+2070, U+00B9, U+00B2, U+00B3,
 * U+2074..U+2079), sets *digit and returns its length in bytes, else 0. */
int text_superscript(const char *s, size_t len, int *digit);

/* Reads a run of superscript digits at s; returns the bytes consumed and
 * sets *number (0 when none). */
size_t text_superscript_run(const char *s, size_t len, long *number);

/* Is the superscript at s[at] the power of a unit symbol ("m³",
 * "km²", "ft²": a ² or ³ alone, right after one of m, km, cm, mm, dm,
 * ft, mi or yd standing as a word, or one space after it as a PDF may
 * set it)? Such a mark is kept as text, never read as a footnote. */
int text_unit_power(const char *s, size_t len, size_t at);

/* A run of cleaned text copied from the original: clean[c..c+len) is
 * raw[r..r+len). Bytes between runs were dropped. */
struct fig_run {
	size_t clean;
	size_t raw;
	size_t len;
};

struct fig_runs {
	struct fig_run *v;
	int n;
	int cap;
};

/* Appends s[0..len) to out (which must start empty) as rule patterns see
 * it: superscript digits dropped, the Markdown escapes "\$", "\*", "\_",
 * "\[", "\]" without their backslash, newlines and tabs as spaces. When
 * runs is not NULL it is reset and receives where each run came from. */
void text_clean(struct fig_buf *out, const char *s, size_t len,
    struct fig_runs *runs);

/* Offset in the original of cleaned offset c. */
size_t text_raw_at(const struct fig_runs *runs, size_t c);
/* Offset in the cleaned text of original offset r (the next kept byte
 * when r was dropped). */
size_t text_clean_at(const struct fig_runs *runs, size_t r);

/* Where w (lower-case ASCII, n bytes) first stands in s[a, b) in any
 * case of its ASCII letters, as strncasecmp at each place would find
 * it; b when nowhere. Each place is told by its first byte before the
 * rest is compared: the scans for a word in a sentence run for every
 * figure. */
size_t text_find_nocase(const char *s, size_t a, size_t b, const char *w,
    size_t n);

/* Lower-cases ASCII letters of s in place. */
void text_lower(char *s);

/* Trims ASCII white space at both ends of s[0..*len) and returns the new
 * start; *len is updated. */
const char *text_trim(const char *s, size_t *len);

#endif
