/* unit-litscan.c: the one-pass word finder: every word of the set found
 * where strstr finds it (overlapping, nested, one a suffix of another),
 * and the words that must start a word only there. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/litscan.h"
#include "figtrack/pattern.h"
#include "harness.h"

struct scase {
	const char *text;
	const char *seen;	/* '0' or '1' per word */
	int edge;		/* an edge at edge - 1, 0: none */
};

/* Does each case find the words it should? */
static void
run_cases(char *const *words, int n, const struct scase *c, size_t nc)
{
	struct fig_litscan L;

	litscan_build(&L, words, n);
	for (size_t k = 0; k < nc; k++) {
		unsigned char seen[16] = { 0 };
		size_t edge = (size_t)(c[k].edge - 1);
		char got[17];

		litscan_run(&L, c[k].text, strlen(c[k].text), &edge,
		    c[k].edge > 0, seen);
		for (int i = 0; i < n; i++)
			got[i] = seen[i] ? '1' : '0';
		got[n] = '\0';
		if (strcmp(got, c[k].seen) != 0) {
			printf("FAIL: '%s': %s, not %s\n", c[k].text, got,
			    c[k].seen);
			CHECK(0);
		}
		/* a plain word: where strstr finds it */
		for (int i = 0; i < n; i++)
			if (words[i][0] != PAT_WORD_START)
				CHECK(seen[i] == (strstr(c[k].text, words[i])
				    != NULL));
	}
	litscan_release(&L);
}

static void
test_anywhere(void)
{
	char *const words[] = { "export", "exports", "port", "ports", "he",
	    "she", "hers", "2023" };
	static const struct scase c[] = {
		{ "", "00000000", 0 },
		{ "exports rose", "11110000", 0 },
		{ "she said (ushers) in fy2023.", "00001111", 0 },
		{ "reexport", "10100000", 0 },
		{ "the exporters' ports: she, hers, 2023", "10111111", 0 },
	};

	run_cases(words, (int)(sizeof words / sizeof *words), c,
	    sizeof c / sizeof *c);
}

static void
test_word_start(void)
{
	char *const words[] = { " mar", "mar", " port", " 2023" };
	static const struct scase c[] = {
		{ "market", "1100", 0 },	/* at the text's start */
		{ "the market", "1100", 0 },
		{ "supermarket report", "0100", 0 },
		{ "(mar.) -port fy2023", "1110", 0 },
		{ "x_mar \xc3\xa9mar", "1100", 0 },	/* é: maybe */
		/* an edge: the caller marks a figure's end there */
		{ "5bnmar", "0100", 0 },
		{ "5bnmar", "1100", 4 },
	};

	CHECK(PAT_WORD_START == ' ');
	run_cases(words, (int)(sizeof words / sizeof *words), c,
	    sizeof c / sizeof *c);
}

int
main(int argc, char **argv)
{
	static const struct harness_test tests[] = {
		{ "anywhere", test_anywhere },
		{ "at a word's start", test_word_start },
		{ NULL, NULL }
	};
	return harness_main(tests, argc, argv);
}
