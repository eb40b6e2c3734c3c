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

/* Appends s[0..len) to out as rule patterns see it: superscript digits
 * dropped, the Markdown escape "\$" turned into "$", "\*"/"\_" likewise,
 * newlines and tabs as spaces. When map is not NULL, map[i] receives the
 * offset in s of output byte i (map must hold len entries). */
void text_clean(struct fig_buf *out, const char *s, size_t len,
    size_t *map);

/* Lower-cases ASCII letters of s in place. */
void text_lower(char *s);

/* Trims ASCII white space at both ends of s[0..*len) and returns the new
 * start; *len is updated. */
const char *text_trim(const char *s, size_t *len);

#endif
