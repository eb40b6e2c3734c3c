/* unit-litscan.c: the one-pass word finder: every word of the set found
 * where strstr finds it (overlapping, nested, one a suffix of another),
 * and the words that must start a word only there. */
#include <stdlib.h>
#include <string.h>

#include "figtrack/litscan.h"
#include "figtrack/pattern.h"
#include "harness.h"

/* seen as a string of '0' and '1', one per word */
static void
scan(const struct fig_litscan *L, int n, const char *s, const size_t *edge,
    int nedge, char *out)
{
	unsigned char seen[16] = { 0 };

	litscan_run(L, s, strlen(s), edge, nedge, seen);
	for (int i = 0; i < n; i++)
		out[i] = seen[i] ? '1' : '0';
	out[n] = '\0';
}

static void
test_anywhere(void)
{
	char *const words[] = { "export", "exports", "port", "ports", "he",
	    "she", "hers", "2023" };
	const int n = (int)(sizeof words / sizeof *words);
	struct fig_litscan L;
	char got[16];

	litscan_build(&L, words, n);
	scan(&L, n, "", NULL, 0, got);
	CHECK(strcmp(got, "00000000") == 0);
	scan(&L, n, "exports rose", NULL, 0, got);
	CHECK(strcmp(got, "11110000") == 0);
	scan(&L, n, "she said (ushers) in fy2023.", NULL, 0, got);
	CHECK(strcmp(got, "00001111") == 0);
	scan(&L, n, "reexport", NULL, 0, got);
	CHECK(strcmp(got, "10100000") == 0);
	/* every word found as strstr finds it */
	{
		const char *s = "the exporters' ports: she, hers, 2023";
		unsigned char seen[16] = { 0 };
		litscan_run(&L, s, strlen(s), NULL, 0, seen);
		for (int i = 0; i < n; i++)
			CHECK(seen[i] == (strstr(s, words[i]) != NULL));
	}
	litscan_release(&L);
}

static void
test_word_start(void)
{
	char *const words[] = { " mar", "mar", " port", " 2023" };
	const int n = (int)(sizeof words / sizeof *words);
	struct fig_litscan L;
	size_t edge[] = { 3 };
	char got[16];

	CHECK(PAT_WORD_START == ' ');
	litscan_build(&L, words, n);
	scan(&L, n, "market", NULL, 0, got);
	CHECK(strcmp(got, "1100") == 0);	/* at the text's start */
	scan(&L, n, "the market", NULL, 0, got);
	CHECK(strcmp(got, "1100") == 0);
	scan(&L, n, "supermarket report", NULL, 0, got);
	CHECK(strcmp(got, "0100") == 0);
	scan(&L, n, "(mar.) -port fy2023", NULL, 0, got);
	CHECK(strcmp(got, "1110") == 0);
	scan(&L, n, "x_mar \xc3\xa9mar", NULL, 0, got);	/* é: maybe */
	CHECK(strcmp(got, "1100") == 0);
	/* an edge: the caller marks a figure's end there */
	scan(&L, n, "5bnmar", NULL, 0, got);
	CHECK(strcmp(got, "0100") == 0);
	scan(&L, n, "5bnmar", edge, 1, got);
	CHECK(strcmp(got, "1100") == 0);
	litscan_release(&L);
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
