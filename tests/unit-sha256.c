/* unit-sha256.c: SHA-256 against the FIPS 180-4 / NIST example vectors,
 * fed whole and in awkward pieces. */
#include <stdlib.h>

#include "figtrack/sha256.h"
#include "harness.h"

static const struct {
	const char *msg;
	const char *hex;
} vectors[] = {
	{ "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
	{ "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
	{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	{ "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
	  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
	{ "The quick brown fox jumps over the lazy dog",
	  "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592" },
	{ NULL, NULL }
};

static void
test_vectors(void)
{
	char hex[65];

	for (int i = 0; vectors[i].msg; i++) {
		sha256_hex(vectors[i].msg, strlen(vectors[i].msg), hex);
		CHECK_STR(hex, vectors[i].hex);
	}
}

/* Every split point must give the same digest as one update. */
static void
test_pieces(void)
{
	char hex[65];

	for (int i = 0; vectors[i].msg; i++) {
		size_t n = strlen(vectors[i].msg);
		for (size_t cut = 0; cut <= n; cut++) {
			struct sha256_ctx c;
			sha256_init(&c);
			sha256_update(&c, vectors[i].msg, cut);
			sha256_update(&c, vectors[i].msg + cut, n - cut);
			sha256_final(&c, NULL, hex);
			CHECK_STR(hex, vectors[i].hex);
		}
	}
}

static void
test_million_a(void)
{
	struct sha256_ctx c;
	char a[1000], hex[65];
	unsigned char d[32];

	memset(a, 'a', sizeof a);
	sha256_init(&c);
	for (int i = 0; i < 1000; i++)
		sha256_update(&c, a, sizeof a);
	sha256_final(&c, d, hex);
	CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	CHECK(d[0] == 0xcd && d[31] == 0xd0);
}

/* Lengths around the padding boundary (55, 56, 63, 64 bytes). */
static void
test_boundaries(void)
{
	static const struct { size_t n; const char *hex; } b[] = {
		{ 55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318" },
		{ 56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a" },
		{ 63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34" },
		{ 64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb" },
	};
	char a[64], hex[65];

	memset(a, 'a', sizeof a);
	for (size_t i = 0; i < sizeof b / sizeof b[0]; i++) {
		sha256_hex(a, b[i].n, hex);
		CHECK_STR(hex, b[i].hex);
	}
}

static void
test_stream(void)
{
	FILE *f = tmpfile(), *copy = tmpfile();
	struct fig_err err;
	char hex[65], back[8] = "";

	CHECK(f && copy);
	if (!f || !copy)
		return;
	fputs("abc", f);
	rewind(f);
	CHECK(sha256_stream(f, "t", copy, hex, &err) == 0);
	CHECK_STR(hex, vectors[1].hex);
	rewind(copy);
	CHECK(fread(back, 1, sizeof back - 1, copy) == 3);
	CHECK_STR(back, "abc");
	fclose(f);
	fclose(copy);
}

int
main(int argc, char **argv)
{
	static const struct harness_test tests[] = {
		{ "sha256_vectors", test_vectors },
		{ "sha256_pieces", test_pieces },
		{ "sha256_million_a", test_million_a },
		{ "sha256_boundaries", test_boundaries },
		{ "sha256_stream", test_stream },
		{ NULL, NULL }
	};
	return harness_main(tests, argc, argv);
}
