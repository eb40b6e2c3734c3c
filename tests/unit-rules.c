/* unit-rules.c: the rules module's analysis of patterns: which patterns
 * every match of holds the figure's marker (so that a search can stop
 * at the marker), and the words every match needs (so that a sentence
 * without them passes a pattern by), conservatively. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/buf.h"
#include "figtrack/pattern.h"
#include "figtrack/rules.h"
#include "harness.h"

#define Q FIG_QOPEN
#define QCLOSE "\xE2\x9F\xA7"

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
		"\\Q(\\E" Q,		/* a quoted '(', then the marker */
		"[[:alpha:](]" Q,	/* a POSIX class in a class */
		"(?#a(b)" Q,		/* a comment ends at its first ')' */
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

/* A topic pattern's tail: from its last item after which every match
 * holds the marker, self-contained, never the whole pattern. */
static void
test_tail(void)
{
	static const struct {
		const char *p;
		size_t at;
	} cases[] = {
		{ "(?:a)(?:b)?(?:" Q "x)", 11 },
		{ "a\\s+" Q "[^\\x{27E7}]*+" QCLOSE "(?:ago)", 4 },
		{ "a(?:b|c" Q ")(?:" Q ")", 11 },	/* the last that marks */
		{ "(?<e>a)" Q ".{0,4}?(?:yoy)", 7 },
		{ "ab" Q "c", 2 },
		{ Q "x", 0 },			/* the whole pattern */
		{ "a" Q "|b" Q, 0 },		/* two alternatives */
		{ "(?i)a" Q, 0 },		/* an option for the tail too */
		{ "(?<e>a)" Q "\\k<e>", 0 },	/* a back reference */
		{ "(a)" Q "(b)", 0 },		/* a group of its own */
		{ "a" Q "(*COMMIT)b", 0 },	/* a verb */
		{ "abc", 0 },			/* no marker */
		{ "a(?=" Q ")", 1 },		/* a lookahead: it holds */
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t at = rules_marked_tail(cases[i].p);
		if (at != cases[i].at) {
			printf("FAIL: tail of '%s' at %zu, not %zu\n",
			    cases[i].p, at, cases[i].at);
			CHECK(0);
		}
	}
}

/* Where p's first match in s starts (caseless, as rules are
 * compiled), or -1. */
static long
first_match(const char *p, const char *s)
{
	int ec;
	PCRE2_SIZE eo;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)p, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_CASELESS, &ec, &eo, NULL);
	pcre2_match_data *md;
	long at = -1;

	CHECK(re != NULL);
	if (re == NULL)
		return -2;
	md = pcre2_match_data_create_from_pattern(re, NULL);
	if (pcre2_match(re, (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL) >= 0)
		at = (long)pcre2_get_ovector_pointer(md)[0];
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	return at;
}

/* pat_needs as text: "(a|b) (c)", clause after clause. */
static void
needs_text(const char *p, char *out, size_t n)
{
	struct fig_needs nd;
	size_t len = 0;

	out[0] = '\0';
	pat_needs(p, 1, &nd);
	for (int k = 0; k < nd.nclause && len + 1 < n; k++) {
		len += (size_t)snprintf(out + len, n - len, "%s(", k ? " " : "");
		for (int i = k ? nd.end[k - 1] : 0; i < nd.end[k] && len < n;
		    i++)
			len += (size_t)snprintf(out + len, n - len, "%s%s",
			    i > (k ? nd.end[k - 1] : 0) ? "|" : "", nd.word[i]);
		if (len + 1 < n)
			len += (size_t)snprintf(out + len, n - len, ")");
	}
	pat_needs_release(&nd);
}

static void
test_needs(void)
{
	static const char *const cases[][2] = {
		{ "exports? to (?:Russia|China)", "(export) (russia|china)" },
		{ "\\b(?:imports|purchases)\\s+from", "(imports|purchases) (from)" },
		{ "(?<entity>Japan)\\s+sold", "(japan) (sold)" },
		{ "(?=xyz)", "(xyz)" },
		{ "(?<=xyz)a", "(xyz)" },
		{ "(?-i:ABC)d", "(abc)" },
		{ "ab\\d+cde", "(cde)" },
		{ "abcd{2}", "(abc)" },
		{ "(?:abc)+", "(abc)" },
		{ "a|bcd", "" },	/* "a" needs no word of 3 */
		{ "(?:abc)?", "" },
		{ "(?:abc)*x", "" },
		{ "(?:abc){0,2}", "" },
		{ "(?!xyz)", "" },
		{ "(?<!xyz)", "" },
		{ "[abc]+", "" },
		{ "\\Qabc\\E", "" },	/* escapes it cannot follow */
		{ "(?x)a b c", "" },
		{ "\\x41bcd", "" },
		{ "\\1abc", "" },
		{ "(?(1)abc|def)", "" },
		/* a POSIX class's ']' does not end the class */
		{ "[[:alpha:]xyz]+def", "(def)" },
		{ "[[:^digit:](|]abc", "(abc)" },
		/* a comment ends at its first ')', and is no literal */
		{ "abc(?#no (group)|def", "(abc|def)" },
	};
	char got[256];

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		needs_text(cases[i][0], got, sizeof got);
		if (strcmp(got, cases[i][1]) != 0) {
			printf("FAIL: needs of '%s': '%s', not '%s'\n",
			    cases[i][0], got, cases[i][1]);
			CHECK(0);
		}
	}
}

/* Does the match of re in s hold, for each clause of re->need, one of
 * its words? */
static int
holds_needs(const struct fig_rules *r, const struct fig_re *re,
    const char *s)
{
	char low[512];
	size_t n = strlen(s);

	if (n >= sizeof low)
		n = sizeof low - 1;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	low[n] = '\0';
	for (int i = 0; i < re->nneed; ) {
		int k = re->need[i++], found = 0;
		for (int w = 0; w < k; w++)
			found |= strstr(low, r->lits[re->need[i + w]]) != NULL;
		if (!found)
			return 0;
		i += k;
	}
	return 1;
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
	CHECK(r->ntails > 0);
	{
		struct fig_mctx *mc = rules_match_context(r);
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
					/* and a match of its tail */
					if (a && re->tail && rules_match(r,
					    &r->tails[re->tail - 1], s, len, 0,
					    0, md, NULL) <= 0) {
						printf("FAIL: %s matches without "
						    "its tail\n", re->where);
						CHECK(0);
					}
					/* a match holds the words it needs */
					if (a && !holds_needs(r, re, s)) {
						printf("FAIL: %s matches without "
						    "its words\n", re->where);
						CHECK(0);
					}
				}
		}
		pcre2_match_data_free(md);
		rules_match_context_free(mc);
	}
	rules_free(r);
}

/* pat_hoist: a lookahead of the item read first, before lookbehinds of
 * 16 bytes or more, where a copy of it matches as it does; and the
 * matches of the pattern stay what they were. */
static void
test_hoist(void)
{
	static const char *const cases[][2] = {
		{ "(?<=\\bup\\sfrom\\s|\\bdown\\s)" Q "x",
		    "(?=" Q ")(?<=\\bup\\sfrom\\s|\\bdown\\s)" Q "x" },
		{ "\\b(?<!\\bfell\\smore\\sthan\\s)(?:forecast|expected)\\s+in",
		    "(?=(?:forecast|expected))\\b(?<!\\bfell\\smore\\sthan\\s)"
		    "(?:forecast|expected)\\s+in" },
		/* into the group the alternative opens with */
		{ "(?:a|(?<=abcdefghijklmnop)[xy]z)(*MARK:3)",
		    "(?:a|(?=[xy])(?<=abcdefghijklmnop)[xy]z)(*MARK:3)" },
		/* short lookbehinds, optional items, captures: as they are */
		{ "(?<=ab)cd", NULL },
		{ "(?<=abcdefghijklmnop)c?d", NULL },
		{ "(?<=abcdefghijklmnop)(?:cd)*e", NULL },
		{ "(?<=abcdefghijklmnop)(cd)e", NULL },
		{ "(?<=abcdefghijklmnop)(?:(?<n>c)d)e", NULL },
		{ "(?<=abcdefghijklmnop)(?i)cd", NULL },
		{ "(?<=abcdefghijklmnop)\\1", NULL },
		{ "(?<=abcdefghijklmnop)\\bcd",
		    "(?=c)(?<=abcdefghijklmnop)\\bcd" },
		{ "x(?<=abcdefghijklmnopx)cd", NULL },
		{ "(?x)(?<=abcdefghijklmnop) c", NULL },
		{ "abc", NULL },
	};
	static const char *const texts[] = {
		"prices up from " Q "5%" QCLOSE "x", "down " Q "x",
		"it fell more than forecast in May", "as expected in May",
		"abcdefghijklmnopyz", "a",
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *h = pat_hoist(cases[i][0]);
		if (cases[i][1] == NULL ? h != NULL : h == NULL ||
		    strcmp(h, cases[i][1]) != 0) {
			printf("FAIL: pat_hoist('%s') = '%s'\n", cases[i][0],
			    h ? h : "(none)");
			CHECK(0);
		}
		for (size_t t = 0; h && t < sizeof texts / sizeof *texts; t++)
			CHECK(first_match(cases[i][0], texts[t]) ==
			    first_match(h, texts[t]));
		free(h);
	}
}

/* The match of p in s from each start offset, its bounds and group 1's
 * written into out as "start-end:g1start-g1end;" one after the other. */
static void
matches_from_each(const char *p, const char *s, struct fig_buf *out)
{
	int ec;
	PCRE2_SIZE eo;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)p, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_CASELESS, &ec, &eo, NULL);
	pcre2_match_data *md;

	CHECK(re != NULL);
	if (re == NULL)
		return;
	md = pcre2_match_data_create_from_pattern(re, NULL);
	for (size_t at = 0; at <= strlen(s); at++) {
		int rc = pcre2_match(re, (PCRE2_SPTR)s, strlen(s), at, 0, md,
		    NULL);
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		if (rc < 0)
			buf_adds(out, "none;");
		else
			buf_addf(out, "%ld-%ld:%ld-%ld;", (long)ov[0],
			    (long)ov[1], rc > 1 ? (long)ov[2] : -1L,
			    rc > 1 ? (long)ov[3] : -1L);
	}
	pcre2_match_data_free(md);
	pcre2_code_free(re);
}

/* pat_star_guard: a star of a one-character item that opens the
 * pattern (or the first alternative of the groups it opens with) tried
 * only where that item did not match just before, or at the search's
 * start; and from every start offset the match is the one before. */
static void
test_star_guard(void)
{
	static const char *const cases[][2] = {
		{ "[^.;]*\\b(a\\w+)\\s+x",
		    "(?:\\G|(?<![^.;]))[^.;]*\\b(a\\w+)\\s+x" },
		{ "(?:(?:[^.;]|(?<=[0-9])\\.(?=[0-9]))*\\b([a-z])|^)\\s*x",
		    "(?:(?:\\G|(?<!(?:[^.;]|(?<=[0-9])\\.(?=[0-9]))))"
		    "(?:[^.;]|(?<=[0-9])\\.(?=[0-9]))*\\b([a-z])|^)\\s*x" },
		{ "\\w*?(b)c|d", "(?:\\G|(?<!\\w))\\w*?(b)c|d" },
		/* as they are: a repeated group, a bounded or possessive
		 * star, an item of two characters or a capture, a verb,
		 * \G, the star not first */
		{ "(?:[a-z]*b)+c", NULL },
		{ "[a-z]{0,9}b", NULL },
		{ "[a-z]*+b", NULL },
		{ "(?:ab)*c", NULL },
		{ "(?:a|bc)*d", NULL },
		{ "([a-z])*b", NULL },
		{ "[a-z]*(*SKIP)b", NULL },
		{ "\\G[a-z]*b", NULL },
		{ "x[a-z]*b", NULL },
		{ "(?x)[a-z]* b", NULL },
	};
	static const char *const texts[] = {
		"one abc x; two 1.5 and x. ab x",
		"abc bc dbc", "x y z x", "",
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *g = pat_star_guard(cases[i][0]);
		if (cases[i][1] == NULL ? g != NULL : g == NULL ||
		    strcmp(g, cases[i][1]) != 0) {
			printf("FAIL: pat_star_guard('%s') = '%s'\n",
			    cases[i][0], g ? g : "(none)");
			CHECK(0);
		}
		for (size_t t = 0; g && t < sizeof texts / sizeof *texts; t++) {
			struct fig_buf a = FIG_BUF_INIT, b = FIG_BUF_INIT;
			matches_from_each(cases[i][0], texts[t], &a);
			matches_from_each(g, texts[t], &b);
			if (strcmp(buf_str(&a), buf_str(&b)) != 0) {
				printf("FAIL: '%s' on '%s': %s against %s\n",
				    g, texts[t], buf_str(&b), buf_str(&a));
				CHECK(0);
			}
			buf_release(&a);
			buf_release(&b);
		}
		free(g);
	}
}

/* The subject lexicon called through its stub (lexicon.h) matches as
 * the lexicon written out: the same subject at the same place, the
 * ends tried in the alternation's order ("oil" before "oil products"
 * where the rest of the pattern takes either), and an error, not a
 * wrong match, past FIG_LEX_WAYS ends at one place. */
static void
test_lexicon(void)
{
	static const char rules[] =
	    "[subject crude_oil]\npattern = oil\n"
	    "[subject oil_products]\npattern = oil\\s+products\n"
	    "[subject zeds]\npattern = z{1,17}\n"
	    "[topic *.exports.value]\n"
	    "pattern = (?<subject>{SUBJECT})\\s+exports\\s+{Q}\n"
	    "[topic *.imports.value]\n"
	    "pattern = (?<subject>{SUBJECT})\\b.*?\\bexports\\s+{Q}\n";
	static const struct {
		const char *text;
		int topic;
		const char *subject;	/* NULL: no match; "!": an error */
	} cases[] = {
		{ "oil products exports " Q "5" QCLOSE, 0, "oil products" },
		{ "oil products exports " Q "5" QCLOSE, 1, "oil" },
		{ "crude oil exports " Q "5" QCLOSE, 0, "oil" },
		{ "Oil Products exports " Q "5" QCLOSE, 0, "Oil Products" },
		{ "gas exports " Q "5" QCLOSE, 0, NULL },
		{ "zzzzzzzzzzzzzzzzzz exports " Q "5" QCLOSE, 0, "!" },
	};
	struct fig_rules *r[2];
	struct fig_err err;

	for (int k = 0; k < 2; k++) {
		if (k == 1)
			setenv("FIGTRACK_LEXICON", "inline", 1);
		if (rules_load_mem(&r[k], "lexicon", rules, sizeof rules - 1,
		    &err) != 0) {
			printf("FAIL: %s\n", err.msg);
			CHECK(0);
			return;
		}
		unsetenv("FIGTRACK_LEXICON");
		CHECK(r[k]->topics[0].pattern[0].lexical == !k);
		CHECK(r[k]->topics[1].pattern[0].lexical == !k);
	}
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *s = cases[i].text, *want = cases[i].subject;
		pcre2_match_data *md = rules_match_data(r[0]);
		const struct fig_re *re = &r[0]->topics[cases[i].topic].pattern[0];
		int rc = rules_match(r[0], re, s, strlen(s), 0, 0, md, &err);
		int g = pcre2_substring_number_from_name(re->code,
		    (PCRE2_SPTR)"subject");
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);

		if (want != NULL && strcmp(want, "!") == 0)
			CHECK(rc < 0 && strstr(err.msg, "more than 16 ways"));
		else if (want == NULL)
			CHECK(rc == 0);
		else if (rc <= 0 || g <= 0 || ov[2 * g + 1] - ov[2 * g] !=
		    strlen(want) || memcmp(s + ov[2 * g], want,
		    strlen(want)) != 0) {
			printf("FAIL: \"%s\": not \"%s\"\n", s, want);
			CHECK(0);
		}
		/* and the lexicon written out agrees, where it can tell */
		if (want == NULL || strcmp(want, "!") != 0) {
			const struct fig_re *in =
			    &r[1]->topics[cases[i].topic].pattern[0];
			pcre2_match_data *m2 = rules_match_data(r[1]);
			int rc2 = rules_match(r[1], in, s, strlen(s), 0, 0, m2,
			    &err);
			const PCRE2_SIZE *o2 = pcre2_get_ovector_pointer(m2);
			CHECK(rc2 == rc && (rc <= 0 || (o2[2 * g] == ov[2 * g] &&
			    o2[2 * g + 1] == ov[2 * g + 1])));
			pcre2_match_data_free(m2);
		}
		pcre2_match_data_free(md);
	}
	rules_free(r[0]);
	rules_free(r[1]);
}

/* Session 24: the cues read for a yes or no split into their
 * alternatives, each matching where the whole does (cue_on reads "one of
 * them"); the lexicon stub's and the quantity pattern's lookaheads of
 * first characters; pat_lead_lookahead's class. */
static void
test_first_chars(void)
{
	static const char *const ctx[] = {
		"Exports rose 5%, up from " Q "3.2%" QCLOSE " a year before.",
		"That compares with " Q "$12 billion" QCLOSE " in 2021.",
		"Imports were 40% lower than the " Q "2.1 million" QCLOSE
		    " tonnes of 2019.",
		"Output was 5% above 2019's " Q "88 million" QCLOSE " tonnes.",
		"The bank raised its forecast for wheat to " Q "89.2 million"
		    QCLOSE " tonnes.",
		"It had pegged the deficit at " Q "3.4%" QCLOSE " of GDP.",
		"Exports are set to slip 1% to " Q "4.1 million" QCLOSE
		    " tonnes by 2025.",
		"China's exports to Russia rose " Q "12.8%" QCLOSE " in 2022.",
	};
	uint8_t bits[32] = { 0 };
	struct fig_buf b = FIG_BUF_INIT;
	struct fig_rules *r;
	struct fig_err err;

	bits['a' / 8] |= 1u << ('a' % 8);
	bits['b' / 8] |= 1u << ('b' % 8);
	bits['c' / 8] |= 1u << ('c' % 8);
	bits['z' / 8] |= 1u << ('z' % 8);
	bits[0xC3 / 8] |= 1u << (0xC3 % 8);
	pat_lead_lookahead(&b, bits);
	CHECK(strcmp(buf_str(&b), "(?=(?-i:[\\x{61}-\\x{63}\\x{7A}"
	    "\\x{80}-\\x{10FFFF}]))") == 0);
	buf_release(&b);

	if (rules_load(&r, "data/rules", &err) != 0) {
		printf("FAIL: %s\n", err.msg);
		CHECK(0);
		return;
	}
	/* PCRE2 knows the lexicon's first bytes (FIRSTCODETYPE 0) */
	CHECK(r->subject_first_known);
	CHECK(strstr(r->quantity.src, "(?=(?-i:[") != NULL);
	{
		const struct fig_re *cues[] = { &r->baseline, &r->estimate,
		    &r->goal, &r->reached };
		struct fig_mctx *mc = rules_match_context(r);
		pcre2_match_data *md = rules_match_data(r);
		int hits = 0;

		for (size_t k = 0; k < sizeof cues / sizeof *cues; k++)
			CHECK(cues[k]->nalt > 1);
		for (size_t c = 0; c < sizeof ctx / sizeof *ctx; c++) {
			const char *s = ctx[c];
			size_t len = strlen(s), at = (size_t)(strstr(s, Q) - s);
			for (size_t k = 0; k < sizeof cues / sizeof *cues;
			    k++) {
				const struct fig_re *re = cues[k];
				int whole = rules_match_upto(r, re, s, len, 0,
				    at, mc, md, NULL) > 0, any = 0;
				for (int i = 0; i < re->nalt && !any; i++)
					any = rules_match_upto(r, &re->alt[i],
					    s, len, 0, at, mc, md, NULL) > 0;
				if (whole != any) {
					printf("FAIL: %s on \"%s\": whole %d, "
					    "alternatives %d\n", re->where, s,
					    whole, any);
					CHECK(0);
				}
				hits += whole;
			}
		}
		CHECK(hits >= 5);
		pcre2_match_data_free(md);
		rules_match_context_free(mc);
	}
	rules_free(r);
}

int
main(int argc, char **argv)
{
	static const struct harness_test tests[] = {
		{ "marks", test_marks },
		{ "tail", test_tail },
		{ "needs", test_needs },
		{ "hoist", test_hoist },
		{ "star_guard", test_star_guard },
		{ "shipped topics mark the figure", test_shipped },
		{ "the subject lexicon called, not held", test_lexicon },
		{ "cues by alternative, first characters", test_first_chars },
		{ NULL, NULL }
	};
	return harness_main(tests, argc, argv);
}
