/* unit-rules.c: the rules module's analysis of patterns: which patterns
 * every match of holds the figure's marker (so that a search can stop
 * at the marker), conservatively. */
#include "figtrack/rules.h"
#include "harness.h"

#define Q FIG_QOPEN

static void
test_marks(void)
{
	static const char *const yes[] = {
		"a" Q "b",
		"\\x{27E6}[^\\x{27E7}]*+",
		"\\x{27e6}x",
		"(?:x" Q "|y\\x{27E6})z",
		"(?<name>a" Q ")",
		"(?-i:" Q ")",
		"(?=.{0,9}" Q ")",
		"(?:(?:a|b)" Q "|c(?:" Q "))",
		"a" Q "{1,2}",
		"a" Q "+",
		"(?:a" Q ")+",
		"x(*MARK:1)" Q,
	};
	static const char *const no[] = {
		"",
		"abc",
		"a|" Q,
		Q "|a",
		"a(?:" Q ")?b",
		"a(?:" Q ")*b",
		"a(?:" Q "){0,2}b",
		"a" Q "?",
		"a" Q "*",
		"a" Q "{0,3}",
		"(?!" Q ")",
		"(?<=" Q ")a",
		"(?<!" Q ")a",
		"[" Q "]",
		"[^\\x{27E6}]+",
		"\\\\x{27E6}",	/* a backslash, then "x{27E6}" */
		"\\X{27e6}",		/* a grapheme cluster, then "{27e6}" */
		"(?:a|b" Q ")",
	};

	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		if (!rules_marks_figure(yes[i])) {
			printf("FAIL: '%s' marks\n", yes[i]);
			CHECK(0);
		}
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		if (rules_marks_figure(no[i])) {
			printf("FAIL: '%s' does not mark\n", no[i]);
			CHECK(0);
		}
}

/* The shipped topic patterns all name the figure, and a search limited
 * to the marker finds what an unlimited one does. */
static void
test_shipped(void)
{
	struct fig_rules *r;
	struct fig_err err;
	int marks = 0, n = 0;

	if (rules_load(&r, "data/rules", &err) != 0) {
		printf("FAIL: %s\n", err.msg);
		CHECK(0);
		return;
	}
	for (int i = 0; i < r->ntopics; i++)
		for (int k = 0; k < r->topics[i].npattern; k++) {
			n++;
			marks += r->topics[i].pattern[k].marks;
		}
	CHECK(n > 50);
	CHECK(marks * 10 >= n * 9);
	{
		pcre2_match_context *mc = rules_match_context(r);
		pcre2_match_data *md = rules_match_data(r);
		static const char *const ctx[] = {
			"China's exports to Russia rose " Q "12.8%"
			    FIG_QCLOSE " in 2022, and its imports rose 3%.",
			"Trade turnover reached " Q "$190 billion" FIG_QCLOSE
			    ", with China's exports to Russia at $76 billion.",
		};
		for (size_t c = 0; c < sizeof ctx / sizeof *ctx; c++) {
			const char *s = ctx[c];
			size_t len = strlen(s), at = (size_t)(strstr(s, Q) - s);
			for (int i = 0; i < r->ntopics; i++)
				for (int k = 0; k < r->topics[i].npattern;
				    k++) {
					const struct fig_re *re =
					    &r->topics[i].pattern[k];
					int a = rules_match(r, re, s, len, 0, 0,
					    md, NULL) > 0;
					int b = rules_match_upto(r, re, s, len,
					    0, at, mc, md, NULL) > 0;
					if (a != b) {
						printf("FAIL: %s: %d vs %d\n",
						    re->where, a, b);
						CHECK(0);
					}
				}
		}
		pcre2_match_data_free(md);
		pcre2_match_context_free(mc);
	}
	rules_free(r);
}

int
main(int argc, char **argv)
{
	static const struct harness_test tests[] = {
		{ "marks", test_marks },
		{ "shipped topics mark the figure", test_shipped },
		{ NULL, NULL }
	};
	return harness_main(tests, argc, argv);
}
