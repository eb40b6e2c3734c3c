/* unit-fuzz.c: replays the fuzzing harnesses of tests/fuzz/ without
 * libFuzzer, so that every input that once crashed one
 * (tests/fuzz/regress/HARNESS/) and every seed (tests/fuzz/corpus/HARNESS/)
 * runs in make check, under the sanitizers and under valgrind. A harness
 * aborts on a broken invariant; a sanitizer stops the test on memory
 * errors. One PASS line per harness and directory. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

/* Each harness defines the same two libFuzzer entry points: rename them
 * per harness. */
#define LLVMFuzzerInitialize fuzz_extract_init
#define LLVMFuzzerTestOneInput fuzz_extract_one
#include "fuzz/fuzz-extract.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerInitialize fuzz_numper_init
#define LLVMFuzzerTestOneInput fuzz_numper_one
#include "fuzz/fuzz-numper.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerInitialize fuzz_rules_init
#define LLVMFuzzerTestOneInput fuzz_rules_one
#include "fuzz/fuzz-rules.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerInitialize fuzz_import_init
#define LLVMFuzzerTestOneInput fuzz_import_one
#include "fuzz/fuzz-import.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerInitialize fuzz_html_init
#define LLVMFuzzerTestOneInput fuzz_html_one
#include "fuzz/fuzz-html.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerInitialize fuzz_pdf_init
#define LLVMFuzzerTestOneInput fuzz_pdf_one
#include "fuzz/fuzz-pdf.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput

/* Runs fn on every file of dir; returns how many, or -1 when dir cannot
 * be read. A harness that finds a fault aborts the whole test binary,
 * which run.sh reports with the name of the last file printed. */
static int
replay_dir(const char *dir, int (*fn)(const uint8_t *, size_t))
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		char path[1024];
		FILE *f;
		char *data = NULL;
		size_t len = 0, cap = 0, got;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		if ((f = fopen(path, "rb")) == NULL)
			continue;
		do {
			if (len == cap) {
				cap = cap ? cap * 2 : 4096;
				data = realloc(data, cap);
			}
			got = fread(data + len, 1, cap - len, f);
			len += got;
		} while (got > 0);
		fclose(f);
		/* named first, so a crash shows which input it was */
		fprintf(stderr, "replay %s\n", path);
		fn((const uint8_t *)data, len);
		free(data);
		n++;
	}
	closedir(d);
	return n;
}

static void
replay(const char *name, int (*fn)(const uint8_t *, size_t), int need_regress)
{
	char dir[256];
	int n;

	snprintf(dir, sizeof dir, "tests/fuzz/corpus/%s", name);
	n = replay_dir(dir, fn);
	CHECK(n > 0);
	snprintf(dir, sizeof dir, "tests/fuzz/regress/%s", name);
	n = replay_dir(dir, fn);
	if (n < 0 && !need_regress)
		n = 0;	/* git keeps no empty directory */
	CHECK(n >= (need_regress ? 1 : 0));
}

static void
test_extract(void)
{
	fuzz_extract_init(NULL, NULL);
	replay("extract", fuzz_extract_one, 1);
	rules_free(fx_rules);
	fclose(fx_sink);
}

static void
test_numper(void)
{
	fuzz_numper_init(NULL, NULL);
	replay("numper", fuzz_numper_one, 0);
	pcre2_match_data_free(fn_md);
	rules_free(fn_rules);
}

static void
test_rules(void)
{
	replay("rules", fuzz_rules_one, 1);
}

static void
test_import(void)
{
	fuzz_import_init(NULL, NULL);
	replay("import", fuzz_import_one, 0);
	store_close(fi_store[0]);
	store_close(fi_store[1]);
}

static void
test_html(void)
{
	fuzz_html_init(NULL, NULL);
	replay("html", fuzz_html_one, 0);
	rules_free(fh_rules);
}

static void
test_pdf(void)
{
	fuzz_pdf_init(NULL, NULL);
	replay("pdf", fuzz_pdf_one, 0);
	rules_free(fp_rules);
}

int
main(int argc, char **argv)
{
	static const struct harness_test tests[] = {
		{ "fuzz_replay_extract", test_extract },
		{ "fuzz_replay_numper", test_numper },
		{ "fuzz_replay_rules", test_rules },
		{ "fuzz_replay_import", test_import },
		{ "fuzz_replay_html", test_html },
		{ "fuzz_replay_pdf", test_pdf },
		{ NULL, NULL }
	};
	return harness_main(tests, argc, argv);
}
