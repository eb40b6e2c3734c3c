/* fuzz-common.h: what the harnesses share: the shipped rules loaded
 * once, and the checks every claim made from a text must pass. Each
 * harness includes it; tests/unit-fuzz.c includes every harness in one
 * file, hence the guard, and the static inline functions, which a
 * harness that does not call them does not warn about. */
#ifndef FIGTRACK_FUZZ_COMMON_H
#define FIGTRACK_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/claim.h"
#include "figtrack/rules.h"
#include "figtrack/text.h"

/* The rules of $FIGTRACK_RULES, else data/rules; exits with 2 and a
 * message naming the harness `who` when they do not load. */
static inline struct fig_rules *
fz_rules_load(const char *who)
{
	struct fig_rules *r;
	struct fig_err err;
	const char *dir = getenv("FIGTRACK_RULES");

	err_clear(&err);
	if (rules_load(&r, dir && *dir ? dir : "data/rules", &err) != 0) {
		char msg[1024];
		err_format(&err, msg, sizeof msg);
		fprintf(stderr, "%s: %s\n", who, msg);
		exit(2);
	}
	return r;
}

/* Aborts unless claim c's quote is valid UTF-8 whose first line is at
 * its offsets in text[0, len), and c has a unit. */
static inline void
fz_check_quote(const struct fig_claim *c, const char *text, size_t len)
{
	size_t q1, bad;

	if (c->quote == NULL || c->byte_start < 0 ||
	    c->byte_end < c->byte_start || (size_t)c->byte_end > len)
		abort();
	q1 = strcspn(c->quote, "\n");
	if ((size_t)c->byte_start + q1 > len ||
	    memcmp(text + c->byte_start, c->quote, q1) != 0)
		abort();
	if (text_utf8_check(c->quote, strlen(c->quote), &bad) != 0 ||
	    c->unit[0] == '\0')
		abort();
}

#endif
