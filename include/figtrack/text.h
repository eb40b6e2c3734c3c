/* text.h: byte-level text handling: UTF-8 validation and repair, the
 * Unicode superscript digits used as footnote markers, and the cleaned
 * copy of a sentence that rule patterns are matched against. */
#ifndef FIGTRACK_TEXT_H
#define FIGTRACK_TEXT_H

#include <stddef.h>

#include "figtrack/buf.h"

/* Returns 0 when s[0..len) is valid UTF-8 (no overlongs, no surrogates),
 * else -1 with *bad set to the offset of the first bad byte. */
int text_utf8_check(const char *s, size_t len, size_t *bad);

/* Appends s[0..len) to out with every invalid sequence replaced by
 * U+FFFD. */
void text_utf8_lossy(struct fig_buf *out, const char *s, size_t len);

/* If s starts with a superscript digit (U+2070, U+00B9, U+00B2, U+00B3,
 * U+2074..U+2079), sets *digit and returns its length in bytes, else 0. */
int text_superscript(const char *s, size_t len, int *digit);

/* Reads a run of superscript digits at s; returns the bytes consumed and
 * sets *number (0 when none). */
size_t text_superscript_run(const char *s, size_t len, long *number);

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

/* Lower-cases ASCII letters of s in place. */
void text_lower(char *s);

/* Trims ASCII white space at both ends of s[0..*len) and returns the new
 * start; *len is updated. */
const char *text_trim(const char *s, size_t *len);

#endif
