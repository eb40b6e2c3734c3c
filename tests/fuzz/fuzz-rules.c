/* fuzz-rules.c: libFuzzer harness for the rule compiler: any bytes as a
 * rule file through rules_load_mem; a rule set that compiles is then run
 * on its own examples and a fixed text, as `figtrack rules test` would. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/extract.h"
#include "figtrack/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char fr_text[] =
    "date: 2022-11-30\n\n"
    "In 2021 exports rose 12 percent to US$1.5 billion, about 3,000 tonnes.\n"
    "By 2030 it aims for twenty-five fabs. That year half of the neon "
    "came from Ukraine.[1]\n\n## References\n\n"
    "1. Some source, 12 May 2022, https://example.org/x\n";

static int
fr_claim(void *ctx, const struct fig_claim *c)
{
	(void)ctx;
	if (c->quote == NULL || memchr(c->unit, '\0', sizeof c->unit) == NULL)
		abort();
	return 0;
}

/* The fuzzed patterns run interpreted, as rules_load leaves them (no
 * rules_jit). The JIT is not what this harness tests: it is PCRE2
 * turning a compiled pattern into machine code, a speed-up whose failure
 * rules.c ignores. Here it took 70% of the instructions of an input, and
 * an mmap per pattern, for matching a few sentences. The shipped rules
 * are JIT-compiled and run in fuzz-extract and fuzz-numper. */

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fig_rules *r = NULL;
	struct fig_extract_cbs cbs = { fr_claim, NULL, NULL };
	struct fig_err err;
	char *copy = calloc(1, size ? size : 1);

	if (size)
		memcpy(copy, data, size);
	err_clear(&err);
	if (rules_load_mem(&r, "fuzz.rules", copy, size, &err) != 0) {
		if (r != NULL || err.code == FIG_OK || err.msg[0] == '\0')
			abort();	/* a refusal must say why */
		free(copy);
		return 0;
	}
	if (r == NULL)
		abort();
	/* a few examples are enough to run every compiled pattern */
	for (int i = 0; i < r->nexamples && i < 4; i++) {
		const char *t = r->examples[i].text;
		err_clear(&err);
		extract_mem(r, t, strlen(t), "example", NULL, &cbs, NULL, &err);
	}
	err_clear(&err);
	extract_mem(r, fr_text, sizeof fr_text - 1, "text", NULL, &cbs, NULL,
	    &err);
	rules_free(r);
	free(copy);
	return 0;
}
