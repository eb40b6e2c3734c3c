/* unit-table.c: aligned tables: widths in display columns, right-aligned
 * numbers, cut cells, no trailing blanks. */
#include <stdlib.h>

#include "figtrack/table.h"
#include "harness.h"

static char *
print(const struct fig_table *t)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	table_print(t, f);
	fclose(f);
	return text;
}

static void
test_align(void)
{
	static const char *const names[] = { "id", "title", "claims", "note" };
	const char *r1[] = { "1", "澳中 report", "12", "" };
	const char *r2[] = { "10", "A\tlonger title", "3", "x" };
	struct fig_table t;
	char *out;

	table_init(&t, names, 4);
	table_set_right(&t, 0);
	table_set_right(&t, 2);
	table_add(&t, r1);
	table_add(&t, r2);
	out = print(&t);
	CHECK_STR(out,
	    "id  title           claims  note\n"
	    " 1  澳中 report         12\n"
	    "10  A longer title       3  x\n");
	free(out);
	table_release(&t);
}

static void
test_cut(void)
{
	static const char *const names[] = { "quote", "n" };
	const char *r1[] = { "exactly ten", "1" };
	const char *r2[] = { "a quote that is too long", "2" };
	const char *r3[] = { "十个字符的引文很长很长", "3" };
	struct fig_table t;
	char *out;

	table_init(&t, names, 2);
	table_set_max(&t, 0, 11);
	table_add(&t, r1);
	table_add(&t, r2);
	table_add(&t, r3);
	out = print(&t);
	CHECK_STR(out,
	    "quote        n\n"
	    "exactly ten  1\n"
	    "a quote th…  2\n"
	    "十个字符的…  3\n");
	free(out);
	table_release(&t);
	/* a cut cell alone sets its column's width, the "…" included */
	{
		static const char *const n2[] = { "q", "n" };
		const char *c1[] = { "abcdefgh", "1" };
		table_init(&t, n2, 2);
		table_set_max(&t, 0, 5);
		table_add(&t, c1);
		out = print(&t);
		CHECK_STR(out,
		    "q      n\n"
		    "abcd…  1\n");
		free(out);
		table_release(&t);
	}
	CHECK(table_width("abc") == 3);
	CHECK(table_width("澳中") == 4);
	CHECK(table_width("e\xCC\x81") == 1);
	CHECK(table_width("") == 0);
}

int
main(int argc, char **argv)
{
	static const struct harness_test tests[] = {
		{ "table_align", test_align },
		{ "table_cut", test_cut },
		{ NULL, NULL }
	};
	return harness_main(tests, argc, argv);
}
