/* unit-memo.c: the bounded string map: answers kept (NULL ones too),
 * strings told apart by their bytes, emptied when full. */
#include <stdlib.h>

#include "figtrack/memo.h"
#include "harness.h"

static void
test_get_put(void)
{
	struct fig_memo m;
	const void *v = &m;
	static const char a[] = "China", b[] = "Chinese";

	memo_init(&m);
	CHECK(!memo_get(&m, a, 5, &v));
	memo_put(&m, a, 5, b);
	memo_put(&m, b, 7, NULL);
	CHECK(memo_get(&m, "China", 5, &v) && v == b);
	CHECK(memo_get(&m, "Chinese", 7, &v) && v == NULL);
	CHECK(!memo_get(&m, "Chin", 4, &v));
	CHECK(!memo_get(&m, "china", 5, &v));	/* bytes, not words */
	memo_put(&m, a, 5, a);
	CHECK(memo_get(&m, a, 5, &v) && v == a);
	CHECK(m.used == 2);
	memo_release(&m);
}

static void
test_bounded(void)
{
	struct fig_memo m = { 0 };	/* set up by the first put */
	const void *v;
	char key[32];

	for (int i = 0; i <= FIG_MEMO_MAX; i++) {
		int n = snprintf(key, sizeof key, "k%d", i);
		memo_put(&m, key, (size_t)n, &m);
		CHECK(m.used <= FIG_MEMO_MAX);
	}
	/* full at FIG_MEMO_MAX: emptied, then the last one kept */
	CHECK(m.used == 1);
	CHECK(!memo_get(&m, "k0", 2, &v));
	CHECK(memo_get(&m, key, strlen(key), &v) && v == &m);
	memo_release(&m);
}

int
main(int argc, char **argv)
{
	static const struct harness_test tests[] = {
		{ "get and put", test_get_put },
		{ "bounded", test_bounded },
		{ NULL, NULL }
	};
	return harness_main(tests, argc, argv);
}
