/* sha256.c: SHA-256 as FIPS 180-4 describes it, one 64-byte block at a
 * time. Own code, so the build needs no crypto library. */
#include <errno.h>
#include <string.h>

#include "figtrack/sha256.h"

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void
compress(uint32_t h[8], const unsigned char *p)
{
	uint32_t w[64], a, b, c, d, e, f, g, k, t1, t2;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		    (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
	for (; i < 64; i++) {
		uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^
		    (w[i - 15] >> 3);
		uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^
		    (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	a = h[0]; b = h[1]; c = h[2]; d = h[3];
	e = h[4]; f = h[5]; g = h[6]; k = h[7];
	for (i = 0; i < 64; i++) {
		t1 = k + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) +
		    ((e & f) ^ (~e & g)) + K[i] + w[i];
		t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) +
		    ((a & b) ^ (a & c) ^ (b & c));
		k = g; g = f; f = e; e = d + t1;
		d = c; c = b; b = a; a = t1 + t2;
	}
	h[0] += a; h[1] += b; h[2] += c; h[3] += d;
	h[4] += e; h[5] += f; h[6] += g; h[7] += k;
}

void
sha256_init(struct sha256_ctx *c)
{
	static const uint32_t h0[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
	};

	memcpy(c->h, h0, sizeof h0);
	c->nbytes = 0;
	c->nblock = 0;
}

void
sha256_update(struct sha256_ctx *c, const void *data, size_t n)
{
	const unsigned char *p = data;

	c->nbytes += n;
	if (c->nblock > 0) {
		size_t take = 64 - c->nblock;
		if (take > n)
			take = n;
		memcpy(c->block + c->nblock, p, take);
		c->nblock += take;
		p += take;
		n -= take;
		if (c->nblock < 64)
			return;
		compress(c->h, c->block);
		c->nblock = 0;
	}
	for (; n >= 64; p += 64, n -= 64)
		compress(c->h, p);
	memcpy(c->block, p, n);
	c->nblock = n;
}

void
sha256_final(struct sha256_ctx *c, unsigned char digest[32], char hex[65])
{
	static const char xd[] = "0123456789abcdef";
	uint64_t bits = c->nbytes * 8;
	unsigned char out[32];

	c->block[c->nblock++] = 0x80;
	if (c->nblock > 56) {
		memset(c->block + c->nblock, 0, 64 - c->nblock);
		compress(c->h, c->block);
		c->nblock = 0;
	}
	memset(c->block + c->nblock, 0, 56 - c->nblock);
	for (int i = 0; i < 8; i++)
		c->block[56 + i] = (unsigned char)(bits >> (56 - 8 * i));
	compress(c->h, c->block);
	for (int i = 0; i < 8; i++) {
		out[4 * i] = (unsigned char)(c->h[i] >> 24);
		out[4 * i + 1] = (unsigned char)(c->h[i] >> 16);
		out[4 * i + 2] = (unsigned char)(c->h[i] >> 8);
		out[4 * i + 3] = (unsigned char)c->h[i];
	}
	if (digest)
		memcpy(digest, out, 32);
	if (hex) {
		for (int i = 0; i < 32; i++) {
			hex[2 * i] = xd[out[i] >> 4];
			hex[2 * i + 1] = xd[out[i] & 15];
		}
		hex[64] = '\0';
	}
	c->nblock = 0;
}

void
sha256_hex(const void *s, size_t n, char hex[65])
{
	struct sha256_ctx c;

	sha256_init(&c);
	sha256_update(&c, s, n);
	sha256_final(&c, NULL, hex);
}

int
sha256_stream(FILE *f, const char *name, FILE *copy, char hex[65],
    struct fig_err *err)
{
	struct sha256_ctx c;
	unsigned char chunk[65536];
	size_t n;

	sha256_init(&c);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		sha256_update(&c, chunk, n);
		if (copy && fwrite(chunk, 1, n, copy) != n)
			return err_set(err, FIG_EIO, name, 0, 0,
			    "cannot write a temporary copy");
	}
	if (ferror(f))
		return err_set(err, FIG_EIO, name, 0, 0, "read error: %s",
		    strerror(errno));
	sha256_final(&c, NULL, hex);
	return 0;
}

FILE *
sha256_fopen(const char *path, char hex[65], struct fig_err *err)
{
	FILE *f;

	if (strcmp(path, "-") == 0) {
		if ((f = tmpfile()) == NULL) {
			err_set(err, FIG_EIO, "-", 0, 0, "cannot make a temporary "
			    "file for standard input: %s", strerror(errno));
			return NULL;
		}
		if (sha256_stream(stdin, "-", f, hex, err) != 0) {
			fclose(f);
			return NULL;
		}
	} else {
		if ((f = fopen(path, "rb")) == NULL) {
			err_set(err, FIG_EIO, path, 0, 0, "cannot open: %s",
			    strerror(errno));
			return NULL;
		}
		if (sha256_stream(f, path, NULL, hex, err) != 0) {
			fclose(f);
			return NULL;
		}
	}
	if (fflush(f) != 0 || fseek(f, 0, SEEK_SET) != 0) {
		err_set(err, FIG_EIO, path, 0, 0, "cannot rewind: %s",
		    strerror(errno));
		fclose(f);
		return NULL;
	}
	return f;
}
