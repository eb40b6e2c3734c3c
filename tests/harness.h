/* harness.h: the unit-test harness. Each unit-*.c lists its tests in a
 * table and calls harness_main; every test prints "PASS name" or
 * "FAIL name: file:line: what", and tests/run.sh counts those lines. */
#ifndef FIGTRACK_HARNESS_H
#define FIGTRACK_HARNESS_H

#include <math.h>
#include <stdio.h>
#include <string.h>

struct harness_test {
	const char *name;
	void (*fn)(void);
};

static int harness_failed_;	/* failures in the running test */

#define CHECK(cond) do { if (!(cond)) { \
	printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); \
	harness_failed_++; } } while (0)

#define CHECK_STR(got, want) do { const char *g_ = (got), *w_ = (want); \
	if (g_ == NULL || strcmp(g_, w_) != 0) { \
	printf("FAIL %s:%d: %s is \"%s\", want \"%s\"\n", __FILE__, \
	    __LINE__, #got, g_ ? g_ : "(null)", w_); harness_failed_++; } \
	} while (0)

#define CHECK_NUM(got, want) do { double g_ = (got), w_ = (want); \
	if (!(fabs(g_ - w_) <= 1e-9 * (fabs(w_) + 1))) { \
	printf("FAIL %s:%d: %s is %.10g, want %.10g\n", __FILE__, __LINE__, \
	    #got, g_, w_); harness_failed_++; } } while (0)

static int
harness_main(const struct harness_test *tests, int argc, char **argv)
{
	int failed = 0;

	for (int i = 0; tests[i].name; i++) {
		if (argc > 1 && strstr(tests[i].name, argv[1]) == NULL)
			continue;
		harness_failed_ = 0;
		tests[i].fn();
		if (harness_failed_) {
			printf("FAIL %s\n", tests[i].name);
			failed++;
		} else
			printf("PASS %s\n", tests[i].name);
	}
	return failed ? 1 : 0;
}

#endif
