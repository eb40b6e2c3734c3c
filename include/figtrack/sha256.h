/* sha256.h: SHA-256 (FIPS 180-4), used to recognise a document by its
 * content. Incremental, so a file is hashed while it streams by. */
#ifndef FIGTRACK_SHA256_H
#define FIGTRACK_SHA256_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "figtrack/err.h"

struct sha256_ctx {
	uint32_t h[8];		/* the chaining state */
	uint64_t nbytes;	/* message length so far */
	unsigned char block[64];/* bytes waiting for a full block */
	size_t nblock;		/* how many of block are used */
};

void sha256_init(struct sha256_ctx *c);
void sha256_update(struct sha256_ctx *c, const void *data, size_t n);
/* Finishes the hash: writes 32 bytes to digest and 64 hex digits plus a
 * NUL to hex (either may be NULL). c must be initialised again before
 * reuse. */
void sha256_final(struct sha256_ctx *c, unsigned char digest[32],
    char hex[65]);

/* Hashes s[0..n) in one go into hex. */
void sha256_hex(const void *s, size_t n, char hex[65]);

/* Reads f to its end, hashing it into hex; when copy is not NULL every
 * byte read is also written to it (spooling stdin). name is used in
 * errors. Returns 0, or -1 with err set on a read or write error. */
int sha256_stream(FILE *f, const char *name, FILE *copy, char hex[65],
    struct fig_err *err);

/* Opens path for reading ("-" is stdin, spooled to a temporary file so
 * it can be read twice), hashes it into hex and returns it rewound to
 * the start. The caller fcloses it. Returns NULL with err set. */
FILE *sha256_fopen(const char *path, char hex[65], struct fig_err *err);

#endif
