/* rules.h: rule files (docs/rules.md) compiled once per run into PCRE2
 * patterns: units, scales, number words, qualifiers, directions, periods,
 * exclusions, entities and topics. */
#ifndef FIGTRACK_RULES_H
#define FIGTRACK_RULES_H

#include "figtrack/err.h"

struct fig_rules;

/* The rules directory to use: dir when not NULL, else $FIGTRACK_RULES,
 * else the built-in default (data/rules next to the binary's source tree
 * or the installed copy). Borrowed string. */
const char *rules_default_dir(const char *dir);

/* Loads and compiles every *.rules file of dir in name order. Returns 0
 * and a set the caller frees with rules_free, or -1 with err naming
 * file:line:col. */
int rules_load(struct fig_rules **out, const char *dir, struct fig_err *err);

/* Same for one rule text in memory (name is used in errors). */
int rules_load_mem(struct fig_rules **out, const char *name,
    const char *text, size_t len, struct fig_err *err);

void rules_free(struct fig_rules *r);

#endif
