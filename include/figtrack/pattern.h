/* pattern.h: a PCRE2 pattern's structure, read without compiling it:
 * where its items and groups end, and the literal words every match of
 * it holds, which let a sentence that lacks them pass a pattern by
 * without running it (docs/speed.md). */
#ifndef FIGTRACK_PATTERN_H
#define FIGTRACK_PATTERN_H

#include <stddef.h>
#include <stdint.h>

#include "figtrack/buf.h"

/* A pattern being read: its text and, for each '(' that opens a group,
 * the offset just past its ')'; for each '(' and '|', the offset of the
 * next '|' of the same alternation, else of the ')' that ends it (n at
 * the top level, where top is the first). */
struct fig_pat {
	const char *a;
	size_t n;
	size_t *close;
	size_t *bar;
	size_t top;
};

/* Reads p (borrowed: it must outlive P); pat_release frees what it
 * holds. */
void pat_init(struct fig_pat *P, const char *p);
void pat_release(struct fig_pat *P);

/* The end of the class, group, escape or character that starts at
 * a[i] (the offset just past it). A class ends at its own ']', not at
 * one of a POSIX class in it ("[[:alpha:]]"); a comment "(?#...)" at
 * its first ')'; "\Q...\E" is one escape. */
size_t pat_item_end(const struct fig_pat *P, size_t i);

/* Is the item ending at a[e] made optional by what follows it? */
int pat_optional_after(const struct fig_pat *P, size_t e);

/* The offset past the quantifier (if any) that starts at a[i], within
 * a[.., to). */
size_t pat_skip_quantifier(const struct fig_pat *P, size_t i, size_t to);

/* Where the alternatives of the group a[i, e) start, when every match
 * of the group holds one of them at or after where it starts: a
 * capturing, non-capturing, atomic, branch-reset or option-setting
 * group, or a positive lookahead (and, when behind is set, a positive
 * lookbehind). e for any other: what it holds tells nothing. */
size_t pat_group_body(const struct fig_pat *P, size_t i, size_t e,
    int behind);

/* The words a pattern needs: for each clause, every match of it holds
 * one of the clause's words (ASCII letters and digits, lower case,
 * compared without case) in its subject. No clause when nothing is
 * known. */
struct fig_needs {
	char **word;	/* the clauses' words, clause after clause */
	int *end;	/* clause k holds word[k ? end[k - 1] : 0, end[k]) */
	int nclause;
};

/* The words of at least PAT_NEED_MIN characters the (expanded) pattern
 * p needs, in *out (pat_needs_release frees them): in its match and
 * lookaheads, and with behind set in its lookbehinds too (which may
 * look before the search's start). Conservative: a construct it does
 * not read adds no clause, and an escape or option it cannot follow
 * (\Q, (?x), octal and back references) leaves the whole pattern with
 * none. */
#define PAT_NEED_MIN 3
/* The first character of a word that every match holds where it starts
 * a word (after \b, a space or a sign): " mar" is "mar", not the "mar"
 * of "market". */
#define PAT_WORD_START ' '
void pat_needs(const char *p, int behind, struct fig_needs *out);
void pat_needs_release(struct fig_needs *nd);

/* Is a[i, e) self-contained: no capturing or named group, back
 * reference, recursion, verb or option setting that outlives it? Such
 * a part of a pattern matches alone, at a place of the same subject, as
 * it does inside the pattern. */
int pat_self_contained(const char *a, size_t i, size_t e);

/* p, its matches unchanged, with a lookahead of the first item that
 * consumes text put at the start of each alternative that opens with
 * costly lookbehinds before it ("(?=over)(?<=%\\s|\\bpercent\\s)over"):
 * PCRE2 tries an alternative's lookbehinds at every place its start
 * bytes allow before the item it reads first, which the lookahead now
 * tests first. Only items whose copy matches as they do (no capturing
 * group, back reference or option setting) are copied. Returns a
 * malloc'd pattern the caller frees, or NULL when nothing changes. */
char *pat_hoist(const char *p);

/* p, its matches unchanged, with "(?:\G|(?<!X))" put before a star of
 * a one-character item X that opens its first alternative (or the first
 * alternative of non-capturing groups it opens with): a match that
 * starts just after a place where X matches would, one X longer, have
 * started at that place, where the search was already tried and failed;
 * so each place is tried once, not once for every place before it that
 * X* reaches ("{NOSTOP}*{ACTOR}" on a 300-byte context). Not for a
 * pattern with a verb or \G. Returns a malloc'd pattern the caller
 * frees, or NULL when nothing changes. */
char *pat_star_guard(const char *p);

/* Appends "(?=(?-i:[...]))" to out: the ASCII characters of first, PCRE2's
 * 256-bit map of the first bytes of a pattern's matches
 * (PCRE2_INFO_FIRSTBITMAP), and every character past ASCII when it
 * holds a lead byte (a superset, cheaper than each lead byte's range).
 * Put before a part of a pattern whose matches so start, it fails at
 * once where the part would fail after trying each of its alternatives:
 * the same matches. */
void pat_lead_lookahead(struct fig_buf *out, const uint8_t *first);

#endif
