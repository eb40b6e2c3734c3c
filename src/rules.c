/* rules.c: reads rule files (the language is described in docs/rules.md),
 * expands {MACROS}, compiles and JIT-compiles every pattern once, and
 * assembles the one quantity pattern from the number, scale, unit,
 * qualifier and direction rules. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "figtrack/buf.h"
#include "figtrack/claim.h"
#include "figtrack/lexicon.h"
#include "figtrack/pattern.h"
#include "figtrack/rules.h"
#include "figtrack/text.h"

/* Limits that stop a pathological pattern with an error, not a hang. */
#define MATCH_LIMIT 5000000
#define DEPTH_LIMIT 20000
#define MACRO_DEPTH 16

/* The quantity markers of topic and exclusion contexts: U+27E6, U+27E7. */
#define QOPEN "\xE2\x9F\xA6"
#define QCLOSE "\xE2\x9F\xA7"

/* Makes room for one more element in array a of n: the capacity is the
 * next power of two, so n additions copy O(n) elements (growing by one
 * made a large rule file quadratic: 64 KB took 80 s under ASan). */
#define GROW1(a, n) do { if ((n) == 0 || ((n) & ((n) - 1)) == 0) \
	(a) = xrealloc((a), (size_t)((n) ? 2 * (n) : 1) * sizeof *(a)); \
	} while (0)

/* One "key = value" line, kept until everything is read. */
struct kv {
	char *key;
	char *val;
	long line;
	long col;		/* column where val starts */
};

/* One [kind name] section with its lines. */
struct section {
	char *kind;
	char *name;
	struct origin_ {
		char file[128];
		long line;
	} at;
	char path[512];		/* full path of the file, for errors */
	struct kv *kv;
	int nkv;
};

struct loader {
	struct section *sec;
	int nsec;
	struct fig_rules *r;
	struct fig_err *err;
	int topic_patterns;	/* compiling a topic's patterns */
};

static const char *
basename_of(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

const char *
rules_default_dir(const char *dir)
{
	const char *env;

	if (dir && *dir)
		return dir;
	if ((env = getenv("FIGTRACK_RULES")) != NULL && *env)
		return env;
	if (access("data/rules", R_OK) == 0)
		return "data/rules";
	return NULL;	/* rules_load looks next to the program */
}

/* The rules directory next to the running program: the source tree's
 * data/rules when run from a build, else PREFIX/share/figtrack/rules.
 * Fills buf and returns 0, or -1 when neither exists. */
static int
find_installed(char *buf, size_t n)
{
	char exe[PATH_MAX / 2];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;

	if (len > 0) {
		exe[len] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		snprintf(buf, n, "%s/../share/figtrack/rules", exe);
		if (access(buf, R_OK) == 0)
			return 0;
		/* a build tree: data/rules beside the program or a few
		 * directories up (build/san/figtrack) */
		for (int up = 0; up < 4; up++) {
			snprintf(buf, n, "%s/data/rules", exe);
			if (access(buf, R_OK) == 0)
				return 0;
			if ((slash = strrchr(exe, '/')) == NULL || slash == exe)
				break;
			*slash = '\0';
		}
	}
	snprintf(buf, n, "%s", "/usr/local/share/figtrack/rules");
	return access(buf, R_OK) == 0 ? 0 : -1;
}

/* ---- parsing ------------------------------------------------------ */

static char *
dup_trim(const char *s, size_t len)
{
	s = text_trim(s, &len);
	return xstrndup(s, len);
}

static int
parse_text(struct loader *L, const char *path, const char *text, size_t len)
{
	struct section *cur = NULL;
	const char *p = text, *end = text + len;
	long line = 0;
	size_t bad;

	if (text_utf8_check(text, len, &bad) != 0) {
		long ln = 1;
		for (size_t i = 0; i < bad; i++)
			ln += text[i] == '\n';
		return err_set(L->err, FIG_EINPUT, path, ln, 0,
		    "invalid UTF-8 at byte %zu", bad + 1);
	}
	if (memchr(text, '\0', len) != NULL)
		return err_set(L->err, FIG_EINPUT, path, 0, 0,
		    "NUL byte: not a rule file");
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		size_t n = (size_t)(le - p);
		const char *s;

		line++;
		if (n > 0 && p[n - 1] == '\r')
			n--;
		s = text_trim(p, &n);
		if (n == 0 || *s == '#') {
			p = nl ? nl + 1 : end;
			continue;
		}
		if (*s == '[') {
			const char *close = memchr(s, ']', n);
			const char *sp;
			char *inner;

			if (close == NULL || close != s + n - 1)
				return err_set(L->err, FIG_EINPUT, path, line,
				    (long)(s - p) + 1, "section header "
				    "needs a closing ']'");
			inner = dup_trim(s + 1, (size_t)(close - s - 1));
			GROW1(L->sec, L->nsec);
			cur = &L->sec[L->nsec++];
			memset(cur, 0, sizeof *cur);
			sp = strpbrk(inner, " \t");
			if (sp) {
				cur->kind = xstrndup(inner, (size_t)(sp - inner));
				cur->name = dup_trim(sp, strlen(sp));
			} else {
				cur->kind = xstrdup(inner);
				cur->name = xstrdup("");
			}
			free(inner);
			snprintf(cur->at.file, sizeof cur->at.file, "%s",
			    basename_of(path));
			snprintf(cur->path, sizeof cur->path, "%s", path);
			cur->at.line = line;
		} else {
			const char *eq = memchr(s, '=', n);
			struct kv *kv;
			const char *v;
			size_t vn;

			if (cur == NULL)
				return err_set(L->err, FIG_EINPUT, path, line,
				    1, "'key = value' line before any "
				    "[section]");
			if (eq == NULL)
				return err_set(L->err, FIG_EINPUT, path, line,
				    (long)(s - p) + 1, "expected 'key = value'");
			GROW1(cur->kv, cur->nkv);
			kv = &cur->kv[cur->nkv++];
			kv->key = dup_trim(s, (size_t)(eq - s));
			v = eq + 1;
			vn = (size_t)(s + n - v);
			v = text_trim(v, &vn);
			kv->val = xstrndup(v, vn);
			kv->line = line;
			kv->col = (long)(v - p) + 1;
			if (kv->key[0] == '\0')
				return err_set(L->err, FIG_EINPUT, path, line,
				    (long)(s - p) + 1, "empty key");
		}
		p = nl ? nl + 1 : end;
	}
	return 0;
}

static int
read_file(struct loader *L, const char *path)
{
	struct fig_buf b = FIG_BUF_INIT;
	char chunk[65536];
	size_t n;
	FILE *f;
	int rc;

	if ((f = fopen(path, "rb")) == NULL)
		return err_set(L->err, FIG_EIO, path, 0, 0, "cannot open: %s",
		    strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(f)) {
		fclose(f);
		buf_release(&b);
		return err_set(L->err, FIG_EIO, path, 0, 0, "read error");
	}
	fclose(f);
	rc = parse_text(L, path, buf_str(&b), b.len);
	buf_release(&b);
	return rc;
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- macros and compiling ---------------------------------------- */

static const struct kv *
section_get(const struct section *s, const char *key)
{
	for (int i = 0; i < s->nkv; i++)
		if (strcmp(s->kv[i].key, key) == 0)
			return &s->kv[i];
	return NULL;
}

static const struct section *
find_define(const struct loader *L, const char *name, size_t n)
{
	for (int i = 0; i < L->nsec; i++)
		if (strcmp(L->sec[i].kind, "define") == 0 &&
		    strlen(L->sec[i].name) == n &&
		    memcmp(L->sec[i].name, name, n) == 0)
			return &L->sec[i];
	return NULL;
}

/* The end of the top-level alternative of pattern p that starts at p:
 * the '|', the ')' of an enclosing group or the NUL that ends it,
 * parentheses, classes and escapes skipped. */
static const char *
alt_end(const char *p)
{
	int depth = 0;

	for (; *p; p++) {
		if (*p == '\\' && p[1]) {
			p++;
		} else if (*p == '[') {
			/* a class: "]" first in it is a member */
			p += p[1] == '^' ? 2 : 1;
			if (*p == ']')
				p++;
			while (*p && *p != ']') {
				if (*p == '\\' && p[1])
					p++;
				p++;
			}
			if (*p == '\0')
				break;
		} else if (*p == '(') {
			depth++;
		} else if (*p == ')') {
			if (depth-- == 0)
				break;	/* the end of an enclosing group */
		} else if (*p == '|' && depth == 0)
			break;
	}
	return p;
}

/* The letters, a bit each ('a' bit 0 ... 'z' bit 25), that a match of
 * alternative a[0, n) can start with; bit 26 for a byte that is no
 * ASCII letter (a non-ASCII letter), and all bits when it cannot tell
 * (a class, an optional group). A group at the start counts as the
 * union of its alternatives'. */
static uint32_t
alt_letters(const char *a, size_t n)
{
	const uint32_t all = (1u << 27) - 1;

	if (n == 0)
		return all;
	if ((*a >= 'a' && *a <= 'z') || (*a >= 'A' && *a <= 'Z'))
		return 1u << ((*a | 0x20) - 'a');
	if ((unsigned char)*a >= 0x80)
		return 1u << 26;
	if (*a == '(' && a[1] == '?' && (a[2] == ':' || (a[2] == '-' &&
	    a[3] == 'i' && a[4] == ':'))) {
		const char *p = a + (a[2] == ':' ? 3 : 5), *e, *end = a + n;
		uint32_t set = 0;
		for (;;) {
			e = alt_end(p);
			set |= alt_letters(p, (size_t)(e - p));
			if (*e != '|')
				break;
			p = e + 1;
		}
		/* e is at the group's ')': an optional group lets what
		 * follows start the match */
		if (*e != ')' || (e + 1 < end && (e[1] == '?' || e[1] == '*' ||
		    e[1] == '{')))
			return all;
		return set ? set : all;
	}
	return all;
}

/* The union of alt_letters over the top-level alternatives of p. */
static uint32_t
pattern_letters(const char *p)
{
	uint32_t set = 0;

	for (;;) {
		const char *e = alt_end(p);
		set |= alt_letters(p, (size_t)(e - p));
		if (*e != '|')
			return set;
		p = e + 1;
	}
}

/* Appends the patterns of every section of kind (every entity alias,
 * every subject's words) as one alternation. The eight hundred names of
 * the actors are put in groups by the letter they can start with, each
 * behind a lookahead for that letter ("(?=[Cc])(?:China|Chinese|...)"):
 * at each place PCRE2 then tries the names of one letter, not all. A
 * name that can start with a few letters ("(?:natural|piped) gas") is
 * in each of their groups, in its place, so the first name to match is
 * the one it always was; one whose first letter cannot be told (an
 * optional group first) goes in a group of its own, tried first.
 * Without bucket, the plain alternation: the words of the subjects, in
 * a pattern that holds them several times, would grow past PCRE2's
 * limit with names copied into several groups. */
static void
add_alternatives(const struct loader *L, const char *kind, int bucket,
    struct fig_buf *out)
{
	const uint32_t all = (1u << 27) - 1;
	struct fig_buf group[28];	/* 26 letters, non-ASCII, unknown */
	int any = 0;

	for (int g = 0; g < 28; g++)
		buf_init(&group[g]);
	for (int i = 0; i < L->nsec; i++) {
		const struct section *s = &L->sec[i];
		if (strcmp(s->kind, kind) != 0)
			continue;
		for (int k = 0; k < s->nkv; k++) {
			const char *p = s->kv[k].val;
			if (strcmp(s->kv[k].key, "pattern") != 0)
				continue;
			for (;;) {
				const char *e = alt_end(p);
				uint32_t set = bucket ? alt_letters(p,
				    (size_t)(e - p)) : all;
				if (set == all)
					set = 1u << 27;
				for (int g = 0; g < 28 && e > p; g++) {
					if (!(set & (1u << g)))
						continue;
					buf_adds(&group[g], group[g].len ? "|" :
					    "");
					buf_adds(&group[g], "(?:");
					buf_add(&group[g], p, (size_t)(e - p));
					buf_addc(&group[g], ')');
					any = 1;
				}
				if (*e != '|')
					break;
				p = e + 1;
			}
		}
	}
	buf_adds(out, "(?:");
	if (!any)
		buf_adds(out, "(?!)");
	for (int n = 0, first = 1; n < 28; n++) {
		int g = n == 0 ? 27 : n - 1;	/* the unknown first */
		if (group[g].len == 0)
			continue;
		if (!first)
			buf_addc(out, '|');
		first = 0;
		if (g < 26)
			buf_addf(out, "(?=[%c%c])", 'a' + g, 'A' + g);
		else if (g == 26)
			buf_adds(out, "(?=[^A-Za-z])");
		buf_addf(out, "(?:%s)", buf_str(&group[g]));
	}
	buf_addc(out, ')');
	for (int g = 0; g < 28; g++)
		buf_release(&group[g]);
}

/* {SUBJECT}: the subject words (every [subject] pattern), written out
 * once in a pattern as the group fig_subject and called again by name
 * after that: a topic pattern names subjects three times and more, and
 * each copy of the whole lexicon would count towards PCRE2's limit on a
 * compiled pattern's size (the called group matches as the copy did;
 * a pattern joined from several that each define it calls the first:
 * names may repeat, PCRE2_DUPNAMES). */
static void
add_subjects(const struct loader *L, struct fig_buf *out)
{
	if (out->len > 0 && strstr(buf_str(out), "(?<fig_subject>") != NULL) {
		buf_adds(out, "(?&fig_subject)");
		return;
	}
	buf_adds(out, "(?<fig_subject>");
	add_alternatives(L, "subject", 0, out);
	buf_addc(out, ')');
}

static int expand(const struct loader *, const char *, struct fig_buf *,
    int, const struct section *, const struct kv *);

/* A [define]'s pattern as a non-capturing group; one with `call = yes`
 * is written out once in a pattern as the group fig_NAME and called by
 * name after that, as {SUBJECT} is (a define a pattern repeats, such as
 * an actor, would otherwise count each copy towards PCRE2's limit on a
 * compiled pattern's size). Its pattern must hold no capturing group. */
static int
add_define(const struct loader *L, const struct section *d,
    const struct kv *dv, struct fig_buf *out, int depth,
    const struct section *sec, const struct kv *kv)
{
	const struct kv *call = section_get(d, "call");
	char name[64];

	if (call == NULL || strcmp(call->val, "yes") != 0) {
		buf_adds(out, "(?:");
		if (expand(L, dv->val, out, depth + 1, sec, kv))
			return -1;
		buf_addc(out, ')');
		return 0;
	}
	snprintf(name, sizeof name, "(?<fig_%s>", d->name);
	for (char *c = name + 7; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	if (out->len > 0 && strstr(buf_str(out), name) != NULL) {
		buf_addf(out, "(?&%.*s)", (int)strlen(name) - 4, name + 3);
		return 0;
	}
	buf_adds(out, name);
	if (expand(L, dv->val, out, depth + 1, sec, kv))
		return -1;
	buf_addc(out, ')');
	return 0;
}

static int
expand(const struct loader *L, const char *src, struct fig_buf *out,
    int depth, const struct section *sec, const struct kv *kv)
{
	const char *p = src;

	if (depth > MACRO_DEPTH)
		return err_set(L->err, FIG_EINPUT, sec->path, kv->line, kv->col,
		    "macros nest too deeply (a macro uses itself?)");
	while (*p) {
		if (p[0] == '\\' && p[1]) {
			buf_add(out, p, 2);
			p += 2;
			continue;
		}
		if (p[0] == '{' && ((p[1] >= 'A' && p[1] <= 'Z') || p[1] == '_')) {
			const char *q = p + 1;
			const struct section *d;
			const struct kv *dv;

			while ((*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9')
			    || *q == '_' || *q == '<' || *q == '>')
				q++;
			if (*q != '}') {
				buf_addc(out, *p++);
				continue;
			}
			if (q - p - 1 == 1 && p[1] == 'Q')
				buf_adds(out, QOPEN "[^" QCLOSE "]*+" QCLOSE);
			else if (q - p - 1 == 2 && memcmp(p + 1, "Q<", 2) == 0)
				buf_adds(out, QOPEN);
			else if (q - p - 1 == 2 && memcmp(p + 1, "Q>", 2) == 0)
				buf_adds(out, QCLOSE);
			else if (q - p - 1 == 6 && memcmp(p + 1, "ENTITY", 6) == 0)
				add_alternatives(L, "entity", 1, out);
			else if (q - p - 1 == 7 && memcmp(p + 1, "SUBJECT", 7)
			    == 0)
				add_subjects(L, out);
			else if ((d = find_define(L, p + 1, (size_t)(q - p - 1)))
			    != NULL && (dv = section_get(d, "pattern")) != NULL) {
				if (add_define(L, d, dv, out, depth, sec, kv))
					return -1;
			} else
				return err_set(L->err, FIG_EINPUT, sec->path,
				    kv->line, kv->col + (long)(p - src),
				    "unknown macro '%.*s'", (int)(q - p + 1), p);
			p = q + 1;
			continue;
		}
		buf_addc(out, *p++);
	}
	return 0;
}

/* Frees a pattern compiled during loading and no longer wanted, and
 * takes it off the list rules_jit() walks. */
static void
drop_code(struct fig_rules *r, pcre2_code *code)
{
	for (int i = r->ncodes - 1; i >= 0; i--)
		if (r->codes[i].code == code) {
			r->codes[i] = r->codes[--r->ncodes];
			break;
		}
	pcre2_code_free(code);
}

static char *lex_substitute(struct fig_rules *r, const char *pattern,
    uint32_t extra);

static pcre2_code *
compile_pat(const char *p, uint32_t extra, int *ec, PCRE2_SIZE *eo)
{
	return pcre2_compile((PCRE2_SPTR)p, PCRE2_ZERO_TERMINATED, PCRE2_UTF |
	    PCRE2_CASELESS | PCRE2_DUPNAMES | extra, ec, eo, NULL);
}

static int
compile_raw(struct fig_rules *r, struct fig_re *re, const char *pattern,
    uint32_t extra, const char *path, long line, long col, int expanded,
    struct fig_err *err)
{
	int ec;
	PCRE2_SIZE eo;
	uint32_t groups;
	char *hoisted, *stubbed = lex_substitute(r, pattern, extra);

	re->code = NULL;
	re->limited = (extra & PCRE2_USE_OFFSET_LIMIT) != 0;
	re->src = xstrdup(pattern);
	snprintf(re->where, sizeof re->where, "%.140s:%ld", basename_of(path),
	    line);
	/* the same matches, sooner (pattern.h: lookbehinds hoisted, a
	 * leading star guarded): compiled when it compiles,
	 * else the pattern as written, for its error; first with the
	 * subject lexicon's stub in its place (lexicon.h), when it can be */
	for (int k = stubbed ? 0 : 1; k < 2 && re->code == NULL; k++) {
		const char *p = k ? pattern : stubbed;
		char *guarded;
		hoisted = pat_hoist(p);
		guarded = pat_star_guard(hoisted ? hoisted : p);
		if (guarded != NULL)
			re->code = compile_pat(guarded, extra, &ec, &eo);
		if (re->code == NULL && hoisted != NULL)
			re->code = compile_pat(hoisted, extra, &ec, &eo);
		if (re->code == NULL)
			re->code = compile_pat(p, extra, &ec, &eo);
		free(guarded);
		free(hoisted);
		re->lexical = re->code != NULL && k == 0;
	}
	free(stubbed);
	if (re->code == NULL) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(ec, msg, sizeof msg);
		if (expanded)
			return err_set(err, FIG_EINPUT, path, line, col,
			    "%s (at offset %zu of the expanded pattern)",
			    (char *)msg, (size_t)eo);
		return err_set(err, FIG_EINPUT, path, line, col + (long)eo,
		    "%s", (char *)msg);
	}
	if (r->ncodes == r->capcodes) {
		r->capcodes = r->capcodes ? 2 * r->capcodes : 64;
		r->codes = xrealloc(r->codes, (size_t)r->capcodes
		    * sizeof *r->codes);
	}
	r->codes[r->ncodes].code = re->code;
	snprintf(r->codes[r->ncodes].where, sizeof r->codes->where, "%.*s",
	    (int)sizeof r->codes->where - 1, re->where);
	r->codes[r->ncodes].src = strlen(pattern);
	r->codes[r->ncodes++].lexical = re->lexical;
	re->slot = r->nslots++;
	if (pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &groups) == 0
	    && groups + 1 > r->max_groups)
		r->max_groups = groups + 1;
	return 0;
}

/* Does an option setting ("(?-i:", "(?x)") hold at offset pos of the
 * pattern read in P: a group of options around it, or options set
 * before it in a group around it (or at the top)? */
static int
options_at(const struct fig_pat *P, size_t pos)
{
	const char *a = P->a;
	size_t *open = xmalloc((P->n + 1) * sizeof *open), depth = 0;
	int set = 0;

	for (size_t i = 0; i < pos && !set; ) {
		if (a[i] == '\\' || a[i] == '[') {
			i = pat_item_end(P, i);
			continue;
		}
		while (depth > 0 && P->close[open[depth - 1]] <= i)
			depth--;	/* the groups closed before i */
		if (a[i] == '(' && a[i + 1] == '?') {
			size_t k = i + 2;
			while ((a[k] >= 'a' && a[k] <= 'z') || (a[k] >= 'A' &&
			    a[k] <= 'Z') || a[k] == '-' || a[k] == '^')
				k++;
			/* (?i:...) around pos, or (?i) in a group that is */
			if (k > i + 2 && a[k] == ':' && P->close[i] > pos)
				set = 1;
			if (k > i + 2 && a[k] == ')' && (depth == 0 ||
			    P->close[open[depth - 1]] > pos))
				set = 1;
		}
		if (a[i] == '(')
			open[depth++] = i;
		i++;
	}
	free(open);
	return set;
}

/* Compiles the subject lexicon's own search (rules.subject_lex) and its
 * stub, once: the lexicon, a callout and (*FAIL), anchored, so that
 * each of its matches from a place is reported in the order the
 * alternation tries them; no auto-possessive repeats, which would pass
 * over some of them. None when the lexicon holds a capturing group or a
 * verb, which a stub could not stand for. */
static void
prepare_lexicon(struct fig_rules *r)
{
	struct fig_buf b = FIG_BUF_INIT;
	struct fig_err err;
	pcre2_code *plain;
	uint32_t groups = 1, type = 0;
	int ec;
	PCRE2_SIZE eo;

	buf_addf(&b, "%s(?C1)(*FAIL)", r->subject_lex_src);
	err_clear(&err);
	if (strstr(r->subject_lex_src, "(*") != NULL ||
	    compile_raw(r, &r->subject_lex, buf_str(&b), PCRE2_ANCHORED |
	    PCRE2_NO_AUTO_POSSESS, "{SUBJECT}", 0, 0, 1, &err) != 0 ||
	    pcre2_pattern_info(r->subject_lex.code, PCRE2_INFO_CAPTURECOUNT,
	    &groups) != 0 || groups != 0) {
		if (r->subject_lex.code != NULL)
			drop_code(r, r->subject_lex.code);
		free(r->subject_lex.src);
		memset(&r->subject_lex, 0, sizeof r->subject_lex);
		buf_release(&b);
		return;
	}
	/* the bytes its matches start with, from PCRE2's study of it
	 * unanchored; caseless, so every case of them is in. PCRE2 keeps
	 * that map when no single first code unit (FIRSTCODETYPE 1) nor a
	 * line start (2) is known: type 0 (the test was type 2 until
	 * session 24, so the map was never taken) */
	plain = pcre2_compile((PCRE2_SPTR)r->subject_lex_src,
	    PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_CASELESS, &ec, &eo, NULL);
	if (plain != NULL && pcre2_pattern_info(plain, PCRE2_INFO_FIRSTCODETYPE,
	    &type) == 0 && type == 0) {
		const uint8_t *bits = NULL;
		pcre2_pattern_info(plain, PCRE2_INFO_FIRSTBITMAP, &bits);
		if (bits != NULL) {
			memcpy(r->subject_first, bits, sizeof r->subject_first);
			r->subject_first_known = 1;
		}
	}
	pcre2_code_free(plain);
	buf_reset(&b);
	lexicon_stub(&b, r->subject_first_known ? r->subject_first : NULL);
	r->subject_stub = buf_detach(&b);
}

/* The pattern with each "(?<fig_subject>LEXICON)" that {SUBJECT} wrote
 * made "(?<fig_subject>STUB)" (lexicon.h): the same matches, the
 * lexicon compiled once for all patterns. A malloc'd pattern, or NULL
 * when it holds no lexicon, or one under an option setting (the
 * lexicon's own search runs caseless, without options), or the pattern
 * is compiled with options of its own. */
static char *
lex_substitute(struct fig_rules *r, const char *pattern, uint32_t extra)
{
	static const char open[] = "(?<fig_subject>";
	struct fig_buf out = FIG_BUF_INIT;
	struct fig_pat P;
	const char *p = pattern, *hit;
	size_t n;

	if (r->subject_lex_src == NULL || strstr(pattern, open) == NULL ||
	    (extra & ~(uint32_t)PCRE2_USE_OFFSET_LIMIT) != 0)
		return NULL;
	if (!r->subject_lex_tried) {
		r->subject_lex_tried = 1;
		prepare_lexicon(r);
	}
	if (r->subject_stub == NULL)
		return NULL;
	n = strlen(r->subject_lex_src);
	pat_init(&P, pattern);
	while ((hit = strstr(p, open)) != NULL) {
		const char *lex = hit + sizeof open - 1;
		if (strncmp(lex, r->subject_lex_src, n) != 0 || lex[n] != ')' ||
		    options_at(&P, (size_t)(hit - pattern))) {
			buf_release(&out);
			break;
		}
		buf_add(&out, p, (size_t)(lex - p));
		buf_adds(&out, r->subject_stub);
		p = lex + n;
	}
	pat_release(&P);
	if (out.len == 0)
		return NULL;
	buf_adds(&out, p);
	return buf_detach(&out);
}

static int alts_mark(const struct fig_pat *P, size_t from, size_t to);

/* Does every match of the sequence a[from, to) hold the figure marker at
 * or after where it starts? Yes when the marker (written as itself or as
 * \x{27E6}) is an item of it that no quantifier makes optional, or a
 * group (or a lookahead) whose every alternative holds one is. */
static int
seq_marks(const struct fig_pat *P, size_t from, size_t to)
{
	const size_t k = sizeof FIG_QOPEN - 1;
	const char *a = P->a;

	for (size_t i = from; i < to; ) {
		size_t e = pat_item_end(P, i);
		int mark = 0;

		if (e > to)
			e = to;
		if (a[i] == '\\')
			mark = e - i == 8 && a[i + 1] == 'x' &&
			    strncasecmp(a + i + 2, "{27e6}", 6) == 0;
		else if (a[i] == '(') {
			/* the group's kind: what can hold the marker */
			size_t in = pat_group_body(P, i, e, 0);
			mark = in + 1 < e && alts_mark(P, in, e - 1);
		} else if (i + k <= to && memcmp(a + i, FIG_QOPEN, k) == 0) {
			e = i + k;
			mark = 1;
		}
		if (mark && !pat_optional_after(P, e))
			return 1;
		/* a quantifier after an item belongs to it */
		i = pat_skip_quantifier(P, e, to);
	}
	return 0;
}

/* Does every top-level alternative of a[from, to) hold the marker? */
static int
alts_mark(const struct fig_pat *P, size_t from, size_t to)
{
	size_t start = from;

	for (size_t i = from; i <= to; ) {
		if (i == to || P->a[i] == '|') {
			if (!seq_marks(P, start, i))
				return 0;
			start = ++i;
			continue;
		}
		i = pat_item_end(P, i);
	}
	return 1;
}

int
rules_marks_figure(const char *p)
{
	struct fig_pat P;
	int yes;

	pat_init(&P, p);
	yes = alts_mark(&P, 0, P.n);
	pat_release(&P);
	return yes;
}

/* Is a[i, e) an option setting such as "(?i)" or "(?-i)", which holds
 * for the items after it? */
static int
sets_options(const char *a, size_t i, size_t e)
{
	if (e - i < 3 || a[i] != '(' || a[i + 1] != '?' || a[e - 1] != ')')
		return 0;
	for (size_t k = i + 2; k + 1 < e; k++)
		if (a[k] != '-' && a[k] != '^' && (a[k] < 'a' || a[k] > 'z') &&
		    (a[k] < 'A' || a[k] > 'Z'))
			return 0;
	return 1;
}

size_t
rules_marked_tail(const char *p)
{
	struct fig_pat P;
	size_t *item, n = 0, at = 0;
	int opts = 0;

	pat_init(&P, p);
	item = xmalloc((P.n + 1) * sizeof *item);
	for (size_t i = 0; P.top == P.n && i < P.n; n++) {
		item[n] = i;
		i = pat_skip_quantifier(&P, pat_item_end(&P, i), P.n);
		opts |= sets_options(p, item[n], i);	/* for the tail too */
	}
	for (size_t k = n; k-- > 1 && at == 0 && !opts; )
		if (seq_marks(&P, item[k], P.n))
			at = item[k];
	if (at > 0 && !pat_self_contained(p, at, P.n))
		at = 0;
	free(item);
	pat_release(&P);
	return at;
}

/* Gives each topic pattern that marks the figure its tail (fig_re.tail),
 * compiling each distinct tail once, with an offset limit: a tail's
 * match too starts no later than the marker. A tail that does not
 * compile alone is none. */
static void
number_tails(struct fig_rules *r)
{
	for (int i = 0; i < r->ntopics; i++)
		for (int k = 0; k < r->topics[i].npattern; k++) {
			struct fig_re *re = &r->topics[i].pattern[k];
			size_t at = re->marks ? rules_marked_tail(re->src) : 0;
			struct fig_err err;
			int id = 0;

			for (int j = 0; at > 0 && j < r->ntails && !id; j++)
				if (strcmp(r->tails[j].src, re->src + at) == 0)
					id = j + 1;
			if (at > 0 && !id) {
				GROW1(r->tails, r->ntails);
				memset(&r->tails[r->ntails], 0, sizeof *r->tails);
				err_clear(&err);
				if (compile_raw(r, &r->tails[r->ntails],
				    re->src + at, PCRE2_USE_OFFSET_LIMIT,
				    re->where, 0, 0, 1, &err) == 0)
					id = ++r->ntails;
				else
					free(r->tails[r->ntails].src);
			}
			re->tail = id;
		}
}

static int
compile_kv(struct loader *L, struct fig_re *re, const struct section *s,
    const struct kv *kv)
{
	struct fig_buf b = FIG_BUF_INIT;
	int rc;

	if (kv->val[0] == '\0') {
		return err_set(L->err, FIG_EINPUT, s->path, kv->line, kv->col,
		    "empty pattern");
	}
	if (expand(L, kv->val, &b, 0, s, kv) != 0) {
		buf_release(&b);
		return -1;
	}
	re->marks = L->topic_patterns && rules_marks_figure(buf_str(&b));
	rc = compile_raw(L->r, re, buf_str(&b), re->marks ?
	    PCRE2_USE_OFFSET_LIMIT : 0, s->path, kv->line, kv->col,
	    strcmp(buf_str(&b), kv->val) != 0, L->err);
	buf_release(&b);
	return rc;
}

/* Joins every value of key in s as one alternation, macros expanded. */
static int
join_key(struct loader *L, const struct section *s, const char *key,
    struct fig_buf *out)
{
	int n = 0;

	for (int i = 0; i < s->nkv; i++) {
		struct fig_buf one = FIG_BUF_INIT;
		struct fig_re test;
		int rc;

		if (strcmp(s->kv[i].key, key) != 0)
			continue;
		/* compile each piece alone first, so an error points at its
		 * own line and column rather than at the assembled pattern */
		memset(&test, 0, sizeof test);
		rc = compile_kv(L, &test, s, &s->kv[i]);
		drop_code(L->r, test.code);
		free(test.src);
		if (rc)
			return -1;
		if (expand(L, s->kv[i].val, &one, 0, s, &s->kv[i]) != 0) {
			buf_release(&one);
			return -1;
		}
		buf_adds(out, n ? "|" : "");
		buf_addf(out, "(?:%s)", buf_str(&one));
		buf_release(&one);
		n++;
	}
	return n;
}

static int
parse_double(const char *s, double *v)
{
	char *end;

	errno = 0;
	*v = strtod(s, &end);
	/* no inf or nan, and nothing a claim could not hold */
	return (end == s || errno != 0 || !(fabs(*v) < FIG_VALUE_MAX)) ? -1 :
	    (int)(end - s);
}

static int
bad_key(struct loader *L, const struct section *s, const struct kv *kv)
{
	return err_set(L->err, FIG_EINPUT, s->path, kv->line, 1,
	    "unknown key '%s' in [%s]", kv->key, s->kind);
}

static void
add_example(struct loader *L, const struct section *s, const struct kv *kv)
{
	struct fig_rules *r = L->r;
	struct fig_example *e;
	const char *arrow = strstr(kv->val, "=>");

	GROW1(r->examples, r->nexamples);
	e = &r->examples[r->nexamples++];
	if (arrow) {
		e->text = dup_trim(kv->val, (size_t)(arrow - kv->val));
		e->expect = dup_trim(arrow + 2, strlen(arrow + 2));
	} else {
		e->text = xstrdup(kv->val);
		e->expect = xstrdup("");
	}
	snprintf(e->at.file, sizeof e->at.file, "%s", s->at.file);
	e->at.line = s->at.line;
	e->line = kv->line;
}

/* Reads the words after "fiscal = IND 4 end" into f: "parts", "pairs"
 * and a currency code in lower case ("inr"), each at most once. 0, or
 * -1 for any other word. */
static int
fiscal_options(struct fig_fiscal *f, const char *v)
{
	char w[16];
	int n;

	f->parts = f->pairs = 0;
	f->money[0] = '\0';
	while (sscanf(v, " %15s%n", w, &n) == 1) {
		size_t len = strlen(w);
		if (strcmp(w, "parts") == 0 && !f->parts)
			f->parts = 1;
		else if (strcmp(w, "pairs") == 0 && !f->pairs)
			f->pairs = 1;
		else if (len == 3 && !f->money[0] && islower((unsigned char)w[0])
		    && islower((unsigned char)w[1]) &&
		    islower((unsigned char)w[2]))
			memcpy(f->money, w, len + 1);
		else
			return -1;
		v += n;
	}
	return 0;
}

/* The keys each section kind takes besides "example", for the kinds that
 * do not check their own ([numbers] keys are words, [unit] and [topic]
 * check theirs while reading them). */
static const struct {
	const char *kind;
	const char *keys[5];
} section_keys[] = {
	{ "scale", { "pattern" } },
	{ "per", { "pattern", "context", "amount" } },
	{ "qualifier", { "pattern" } },
	{ "direction", { "pattern", "after", "list" } },
	{ "period", { "pattern", "role", "offset", "step", "fiscal" } },
	{ "exclude", { "pattern" } },
	{ "entity", { "pattern" } },
	{ "subject", { "pattern" } },
	{ "define", { "pattern", "call" } },
	{ "section", { "pattern" } },
	{ "cue", { "pattern" } },
	{ "sentence", { "pattern" } },
};

/* Collects the examples of section s and refuses a key its kind does not
 * take ("unknown key 'patern' in [period]"); a [define] has none. */
static int
take_examples(struct loader *L, const struct section *s)
{
	const char *const *keys = NULL;

	for (size_t i = 0; i < sizeof section_keys / sizeof *section_keys; i++)
		if (strcmp(s->kind, section_keys[i].kind) == 0)
			keys = section_keys[i].keys;
	for (int j = 0; j < s->nkv; j++) {
		const struct kv *kv = &s->kv[j];
		int ok = keys == NULL;

		if (strcmp(kv->key, "example") == 0 &&
		    strcmp(s->kind, "define") != 0) {
			add_example(L, s, kv);
			continue;
		}
		for (int k = 0; !ok && k < 5 && keys[k]; k++)
			ok = strcmp(kv->key, keys[k]) == 0;
		if (!ok)
			return bad_key(L, s, kv);
		if (strcmp(kv->key, "call") == 0 && strcmp(kv->val, "yes") != 0
		    && strcmp(kv->val, "no") != 0)
			return err_set(L->err, FIG_EINPUT, s->path, kv->line,
			    kv->col, "call must be yes or no, not '%s'",
			    kv->val);
	}
	return 0;
}

static void
set_origin(struct fig_origin *o, const struct section *s)
{
	snprintf(o->file, sizeof o->file, "%s", s->at.file);
	o->line = s->at.line;
}

/* Normalises a number word: lower case, runs of space/hyphen as one
 * space. Returns a malloc'd string. */
static char *
norm_word(const char *s)
{
	struct fig_buf b = FIG_BUF_INIT;
	int sp = 0;

	for (; *s; s++) {
		if (*s == ' ' || *s == '-' || *s == '\t') {
			sp = 1;
			continue;
		}
		if (sp && b.len)
			buf_addc(&b, ' ');
		sp = 0;
		buf_addc(&b, (*s >= 'A' && *s <= 'Z') ? *s - 'A' + 'a' : *s);
	}
	return buf_detach(&b);
}

/* Appends s as a regex literal where spaces/hyphens match [\s-]+. */
static void
add_literal_word(struct fig_buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == ' ')
			buf_adds(b, "[\\s-]+");
		else if (strchr("\\^$.|?*+()[]{}", *s))
			buf_addf(b, "\\%c", *s);
		else
			buf_addc(b, *s);
	}
}

static int
cmp_wordlen(const void *a, const void *b)
{
	const struct fig_numword *x = a, *y = b;
	size_t lx = strlen(x->word), ly = strlen(y->word);

	return lx < ly ? 1 : lx > ly ? -1 : strcmp(x->word, y->word);
}

/* Builds the number sub-pattern: digits, then number words (longest
 * first), with compounds such as "twenty-five" from tens and units. */
static void
number_pattern(const struct fig_rules *r, struct fig_buf *b)
{
	/* numbers spelled out as broadcasters say them: "seven-point-
	 * seven", "33-point-six", "352-thousand-700" (number_parse) */
	{
		const char *dig = "(?:zero|one|two|three|four|five|six|seven|"
		    "eight|nine)";
		buf_addf(b, "(?:(?:[0-9]+|%s)[\\s-]point[\\s-](?:[0-9]+|%s"
		    "(?:[\\s-]%s)*)(?![\\w])|[0-9]{1,3}-thousand-[0-9]{1,3}"
		    "(?![0-9])|", dig, dig, dig);
	}
	/* number words written with digits ("1 in 4") before the digits
	 * alone take the "1" */
	{
		int n = 0;
		for (int i = 0; i < r->nwords; i++)
			if (r->words[i].word[0] >= '0' &&
			    r->words[i].word[0] <= '9') {
				buf_adds(b, n++ ? "|" : "(?:");
				add_literal_word(b, r->words[i].word);
			}
		if (n)
			buf_adds(b, ")(?![\\w])|");
	}
	/* thousands commas (Indian twos too: "2,77,000"), thousands dots
	 * ("780.000", "1.234,5"), thousands spaces of translated text ("3
	 * 348", "12 500 000": groups of three, nothing digit-like either
	 * side, no capital after: "24 737 MAX" is 24 aircraft), or plain
	 * digits with a decimal point or comma ("27,7"); number_parse
	 * tells which */
	buf_adds(b, "(?:(?<![0-9][.,]|[0-9][ \\x{A0}\\x{202F}]|[0-9])"
	    "[0-9]{1,3}(?:[ \\x{A0}\\x{202F}][0-9]{3})+(?:,[0-9]+)?"
	    "(?![0-9]|[ \\x{A0}\\x{202F}][0-9]|[.,][0-9]|(?-i:[ -]?[A-Z]))|"
	    "[0-9]{1,3}(?:(?:,[0-9]{2})*,[0-9]{3})+"
	    "(?:\\.[0-9]+)?|[0-9]{1,3}(?:\\.[0-9]{3})+(?:,[0-9]+)?|"
	    "[0-9]+(?:[.,][0-9]+)?)(?![0-9]|[.,][0-9])");
	if (r->nwords > 0) {
		int tens = 0;
		buf_adds(b, "|(?:");
		/* tens-units compounds first */
		for (int i = 0; i < r->nwords; i++) {
			double v = r->words[i].value;
			if (v >= 20 && v <= 90 && (int)v % 10 == 0 &&
			    !strchr(r->words[i].word, ' ')) {
				buf_adds(b, tens++ ? "|" : "(?:");
				add_literal_word(b, r->words[i].word);
			}
		}
		if (tens) {
			int units = 0;
			buf_adds(b, ")-(?:");
			for (int i = 0; i < r->nwords; i++) {
				double v = r->words[i].value;
				if (v >= 1 && v <= 9 && v == (int)v &&
				    !r->words[i].fraction &&
				    !strchr(r->words[i].word, ' ')) {
					buf_adds(b, units++ ? "|" : "");
					add_literal_word(b, r->words[i].word);
				}
			}
			buf_adds(b, ")|");
		}
		/* grouped by first letter, "t(?:wenty|hirty|...)", so the
		 * JIT tries one group at a position, not every word; within
		 * a group the longest still comes first */
		for (int i = 0, groups = 0; i < r->nwords; i++) {
			char first = r->words[i].word[0];
			int seen = 0, n = 0;
			for (int k = 0; k < i && !seen; k++)
				seen = r->words[k].word[0] == first;
			if (seen)
				continue;
			buf_adds(b, groups++ ? "|" : "");
			add_literal_word(b, (char[]){ first, '\0' });
			buf_adds(b, "(?:");
			for (int k = i; k < r->nwords; k++)
				if (r->words[k].word[0] == first) {
					buf_adds(b, n++ ? "|" : "");
					add_literal_word(b, r->words[k].word + 1);
				}
			buf_addc(b, ')');
		}
		buf_adds(b, ")(?![\\w])");
	}
	buf_addc(b, ')');
}

/* The regexes a [direction] section's 'pattern' (alt) gives besides its
 * part of the quantity pattern, into slot k (0 negative, 1 positive) if
 * no earlier section of that sign set them: its words ending a lead
 * clause ("shipments have fallen: in April by 7%"), the last of them in
 * a text, wherever (the match ends after it: "shrank in January by 36,4
 * pct"), and its "list =", a subject whose figures follow it as a list
 * ("the cuts include Iraq (223,000 bpd), Kuwait (135,000 bpd)"). */
static int
direction_res(struct loader *L, const struct section *s, const char *alt,
    int k)
{
	struct fig_rules *r = L->r;
	struct fig_buf lb = FIG_BUF_INIT;
	int rc = 0;

	buf_addf(&lb, "(?:%s)\\s*\\z", alt);
	if (r->dir_lead[k].code == NULL)
		rc = compile_raw(r, &r->dir_lead[k], buf_str(&lb), 0, s->path,
		    s->at.line, 1, 1, L->err);
	buf_release(&lb);
	buf_addf(&lb, "\\A(?s:.*)(?<![\\w])(?:%s)(?![\\w])", alt);
	if (rc == 0 && r->dir_last[k].code == NULL)
		rc = compile_raw(r, &r->dir_last[k], buf_str(&lb), 0, s->path,
		    s->at.line, 1, 1, L->err);
	buf_release(&lb);
	if (rc == 0 && (rc = join_key(L, s, "list", &lb)) > 0)
		rc = r->dir_list[k].code != NULL ? 0 : compile_raw(r,
		    &r->dir_list[k], buf_str(&lb), 0, s->path, s->at.line, 1,
		    1, L->err);
	buf_release(&lb);
	return rc < 0 ? -1 : 0;
}

/* Adds the scale words as "(?:\s*|-)(?:(w1)|(w2)...)", one group each,
 * counted on from *g into each scale's group (group_tail with tail
 * set). */
static int
add_scales(struct loader *L, const int *ssec, struct fig_buf *b, int *g,
    int tail)
{
	struct fig_rules *r = L->r;

	buf_adds(b, "(?:\\s*|-)(?:");
	for (int i = 0; i < r->nscales; i++) {
		struct fig_buf alt = FIG_BUF_INIT;

		if (join_key(L, &L->sec[ssec[i]], "pattern", &alt) < 0) {
			buf_release(&alt);
			return -1;
		}
		buf_addf(b, "%s(%s)", i ? "|" : "", buf_str(&alt));
		*(tail ? &r->scales[i].group_tail : &r->scales[i].group) =
		    ++*g;
		buf_release(&alt);
	}
	buf_adds(b, ")");
	return 0;
}

/* Appends to b a lookahead of the characters a match of alternation alt
 * can start with (pat_lead_lookahead), when PCRE2's study of alt
 * compiled alone knows them and none of its matches is empty; nothing
 * when it does not. Put before a part of the quantity pattern made of
 * alt, it fails at once at a digit or a word no alternative starts
 * with, where each alternative (and its lookbehinds) was tried before:
 * the quantity pattern is searched at every number and from up to 48
 * bytes before it. */
static void
lead_guard(struct fig_buf *b, const char *alt)
{
	pcre2_code *c;
	uint32_t type = 0, minlen = 0;
	const uint8_t *bits = NULL;
	int ec;
	PCRE2_SIZE eo;

	if ((c = compile_pat(alt, 0, &ec, &eo)) == NULL)
		return;
	if (pcre2_pattern_info(c, PCRE2_INFO_MINLENGTH, &minlen) == 0 &&
	    minlen > 0 && pcre2_pattern_info(c, PCRE2_INFO_FIRSTCODETYPE,
	    &type) == 0 && type == 0 && pcre2_pattern_info(c,
	    PCRE2_INFO_FIRSTBITMAP, &bits) == 0 && bits != NULL)
		pat_lead_lookahead(b, bits);
	pcre2_code_free(c);
}

/* The quantity pattern, in order: direction, qualifier, currency-style
 * prefix unit, number, range end, scale, unit. Group numbers are counted
 * as we go so the extractor can tell which rule matched. */
static int
assemble_quantity(struct loader *L, const int *qsec, int nq,
    const int *usec, const int *ssec, const int *psec)
{
	struct fig_rules *r = L->r;
	struct fig_buf b = FIG_BUF_INIT, num = FIG_BUF_INIT, pre = FIG_BUF_INIT;
	int g = 0, rc, first;
	uint32_t n;

	number_pattern(r, &num);
	/* lookbehind: not glued to a word, a model name (S-400), a
	 * decimal point, a bracketed footnote marker or a slash after a
	 * word ("24/7", "2023/24"); a slash after a space opens an aside
	 * as a bracket does ("33,2 bln yuan /5,3 bln dollars/") */
	buf_adds(&b, "(?<![\\w.\\-\\[\\x{2013}])(?<!\\S/)");
	/* pass 0: directions ("had fallen 38 percent"), pass 1: qualifiers;
	 * each an alternation in grp, put in b after a lookahead of the
	 * characters its words start with (lead_guard) */
	/* a direction rule may take two groups (before and after) */
	r->quals = xcalloc(2 * (size_t)nq + 1, sizeof *r->quals);
	for (int pass = 0; pass < 2; pass++) {
		struct fig_buf grp = FIG_BUF_INIT;
		first = 1;
		for (int i = 0; i < nq; i++) {
			const struct section *s = &L->sec[qsec[i]];
			int isdir = strcmp(s->kind, "direction") == 0;
			struct fig_qualrule *q;
			struct fig_buf alt = FIG_BUF_INIT;
			enum fig_qual qv = FIG_Q_EXACT;

			if (isdir != (pass == 0))
				continue;
			if ((rc = join_key(L, s, "pattern", &alt)) <= 0) {
				buf_release(&alt);
				if (rc < 0) {
					buf_release(&grp);
					goto fail;
				}
				continue;	/* a direction with 'after' only */
			}
			q = &r->quals[r->nquals++];
			if (isdir) {
				q->dir = strcmp(s->name, "negative") == 0 ? -1 : 1;
				if (direction_res(L, s, buf_str(&alt),
				    q->dir < 0 ? 0 : 1) != 0) {
					buf_release(&alt);
					buf_release(&grp);
					goto fail;
				}
			} else {
				claim_qual_parse(s->name, &qv);
				q->qual = (int)qv;
			}
			buf_adds(&grp, first ? "" : "|");
			first = 0;
			if (!isdir && qv == FIG_Q_RANGE)
				buf_addf(&grp, "(?<btw>%s)", buf_str(&alt));
			else
				buf_addf(&grp, "(%s)", buf_str(&alt));
			q->group = ++g;
			buf_release(&alt);
		}
		if (!first) {
			buf_adds(&b, "(?:");
			lead_guard(&b, buf_str(&grp));
			buf_addf(&b, "(?:%s", buf_str(&grp));
		}
		buf_release(&grp);
		if (!first)
			/* "rose by 5%", "grew a further 26.3%", "by only",
			 * "decreased a significant 34.3 per cent", "fell by
			 * a combined 6%",
			 * "shrank at an annualised 2.0%", "down
			 * year-on-year, by 2.8%" ("yearon-year" when a PDF
			 * line broke after its hyphen) */
			buf_adds(&b, pass == 0 ? ")\\s+(?:(?:(?:year|month|"
			    "quarter)[\\s-]?on[\\s-](?:year|month|quarter)|on"
			    "\\s+the\\s+(?:year|month|quarter)|y/y),?\\s+)?"
			    "(?:by\\s+|at\\s+)?(?:(?:a\\s+"
			    "further|another|an\\s+additional|only|just|a\\s+"
			    "mere|a\\s+(?:significant|sharp|steep|hefty|"
			    "whopping|massive|modest|slight|marginal|robust|"
			    "solid|strong|healthy|staggering|substantial|"
			    "combined|total|cumulative|record)|"
			    "(?:an\\s+)?annuali[sz]ed|a\\s+seasonally\\s+"
			    "adjusted|a\\s+revised)\\s+)?)?" : ")\\s+)?");
	}
	/* prefix units: "US$", "EUR", "RMB" (their alternation in grp, put
	 * in b after a lookahead of its first characters) */
	first = 1;
	{
		struct fig_buf grp = FIG_BUF_INIT;
		for (int i = 0; i < r->nunits; i++) {
			const struct section *s = &L->sec[usec[i]];
			struct fig_buf alt = FIG_BUF_INIT;
			if ((rc = join_key(L, s, "before", &alt)) < 0) {
				buf_release(&alt);
				buf_release(&grp);
				goto fail;
			}
			if (rc > 0) {
				buf_adds(&grp, first ? "" : "|");
				buf_addf(&grp, "(%s)", buf_str(&alt));
				buf_adds(&pre, pre.len ? "|" : "");
				buf_addf(&pre, "(?:%s)", buf_str(&alt));
				r->units[i].group_before = ++g;
				first = 0;
			}
			buf_release(&alt);
		}
		if (!first) {
			buf_adds(&b, "(?:");
			lead_guard(&b, buf_str(&grp));
			buf_addf(&b, "(?:%s)\\s?)?", buf_str(&grp));
		}
		buf_release(&grp);
	}
	/* a sign stated before the digits: "(-1%)", "+14.2", "-12 p.p.";
	 * an en dash typeset for a minus after a bracket or a space,
	 * "(\u20134.1% and \u20133.5%)" (after a digit it joins a range) */
	buf_adds(&b, "(?:([-+\\x{2212}]|(?<=[(\\s])\\x{2013})(?=[0-9]))?");
	r->g_sign = ++g;
	buf_addf(&b, "(?<n1>%s)", buf_str(&num));
	g++;
	r->g_n1 = g;
	/* range end: "30-40%", "5.25%-5.5%", "between 30 and 40 percent",
	 * "between 40% and 69%",
	 * "2 to 3" */
	buf_adds(&b, "(?:(?:%?\\s*[-\\x{2013}\\x{2014}]\\s*|\\s+to\\s+");
	if (strstr(b.data, "(?<btw>") != NULL)
		buf_adds(&b, "|(?(<btw>)%?\\s+and\\s+|(?!))");
	/* "3% to 4% growth", "three percent to four percent": a range of
	 * percentages, each with its unit, but not after a direction
	 * ("rose 3% to 4%" is a change, then a level) */
	buf_adds(&b, "|");
	for (int i = 0; i < r->nquals; i++)
		if (r->quals[i].dir != 0)
			buf_addf(&b, "(?(%d)(?!))", r->quals[i].group);
	buf_adds(&b, "(?:%|\\s*(?:percent|per\\s+cent))\\s+to\\s+"
	    "(?=[\\w.,-]+\\s*(?:%|percent\\b|per\\s+cent\\b))");
	buf_addc(&b, ')');
	if (pre.len)
		buf_addf(&b, "(?:(?:%s)\\s?)?", buf_str(&pre));
	buf_addf(&b, "(?<n2>%s))?", buf_str(&num));
	r->g_n2 = ++g;
	/* scales: "5 million", "5m", "230-thousand", and a smaller one
	 * after it with its own number, as Russian and Turkish copy writes
	 * a figure out ("252 million 380 thousand", "1 billion 70
	 * million"; quantity.c checks it is smaller) */
	if (r->nscales > 0) {
		buf_adds(&b, "(?:");
		if (add_scales(L, ssec, &b, &g, 0) < 0)
			goto fail;
		buf_adds(&b, "(?:\\s+(?<n3>[0-9]{1,3})");
		r->g_n3 = ++g;
		if (add_scales(L, ssec, &b, &g, 1) < 0)
			goto fail;
		buf_adds(&b, ")?)?");
	}
	/* units after the number: spaced, hyphenated or glued */
	first = 1;
	for (int i = 0; i < r->nunits; i++) {
		const struct section *s = &L->sec[usec[i]];
		struct fig_buf alt = FIG_BUF_INIT;
		if ((rc = join_key(L, s, "after", &alt)) < 0) {
			buf_release(&alt);
			goto fail;
		}
		if (rc > 0) {
			buf_adds(&b, first ? "(?:(?:\\s+|-|(?<=[0-9%]))(?:" : "|");
			buf_addf(&b, "(%s)", buf_str(&alt));
			r->units[i].group_after = ++g;
			first = 0;
		}
		buf_release(&alt);
	}
	if (!first)
		buf_adds(&b, "))?");
	/* what a rate is over: "$71 per barrel", "GBP 57.50/MWh" */
	first = 1;
	for (int i = 0; i < r->npers; i++) {
		const struct section *s = &L->sec[psec[i]];
		struct fig_buf alt = FIG_BUF_INIT;

		if (join_key(L, s, "pattern", &alt) < 0) {
			buf_release(&alt);
			goto fail;
		}
		/* "/MWh", "per barrel", "a year" (not "a year earlier"),
		 * after what is measured: "barrels of oil a day" */
		buf_adds(&b, first ? "(?:(?:\\s*/\\s*|(\\s+of\\s+(?:"
		    "[^\\W\\d][\\w-]*\\s+){0,2}?[^\\W\\d][\\w-]*)?"
		    "\\s+(?:per|an?(?!\\s+"
		    "\\w+\\s+(?:earlier|ago|before|later|after|previously|"
		    "prior)\\b))\\s+)(?:" : "|");
		if (first)
			r->g_of = ++g;
		buf_addf(&b, "(%s)", buf_str(&alt));
		r->pers[i].group = ++g;
		first = 0;
		buf_release(&alt);
	}
	if (!first)
		buf_adds(&b, ")(?![\\w]))?");
	/* directions stated after the figure: "26.3 percent higher" */
	first = 1;
	for (int i = 0; i < nq; i++) {
		const struct section *s = &L->sec[qsec[i]];
		struct fig_buf alt = FIG_BUF_INIT;
		struct fig_qualrule *q;

		if (strcmp(s->kind, "direction") != 0)
			continue;
		if ((rc = join_key(L, s, "after", &alt)) < 0) {
			buf_release(&alt);
			goto fail;
		}
		if (rc > 0) {
			q = &r->quals[r->nquals++];
			q->dir = strcmp(s->name, "negative") == 0 ? -1 : 1;
			/* (a comma only before an alternative that
			 * starts with one: "or 28.8 per cent, decline") */
			buf_adds(&b, first ? "(?:(?:\\s+|(?=,))(?:" : "|");
			buf_addf(&b, "(%s)", buf_str(&alt));
			q->group = ++g;
			first = 0;
		}
		buf_release(&alt);
	}
	if (!first)
		buf_adds(&b, ")(?![\\w]))?");
	buf_adds(&b, "(?![\\w])");
	/* with an offset limit: extract-quantity.c looks for a match that
	 * starts before the one found at a number */
	rc = compile_raw(r, &r->quantity, buf_str(&b), PCRE2_USE_OFFSET_LIMIT,
	    L->sec[0].path, 0, 0, 1, L->err);
	if (rc == 0) {
		struct fig_buf at = FIG_BUF_INIT;
		buf_addf(&at, "\\G(?:%s)", buf_str(&b));
		rc = compile_raw(r, &r->quantity_at, buf_str(&at), 0,
		    L->sec[0].path, 0, 0, 1, L->err);
		buf_release(&at);
	}
	if (rc == 0 && pcre2_pattern_info(r->quantity.code,
	    PCRE2_INFO_CAPTURECOUNT, &n) == 0 && (int)n != g)
		rc = err_set(L->err, FIG_EINPUT, r->dir, 0, 0, "a unit, scale "
		    "or qualifier pattern has its own capturing group: use "
		    "(?:...) there");
	buf_release(&b);
	buf_release(&num);
	buf_release(&pre);
	return rc;
fail:
	buf_release(&b);
	buf_release(&num);
	buf_release(&pre);
	return -1;
}

/* 1 when the pattern has a group of that name (names may repeat across
 * alternatives), else -1. */
static int
group_of(const pcre2_code *code, const char *name)
{
	PCRE2_SPTR first, last;

	return pcre2_substring_nametable_scan(code, (PCRE2_SPTR)name, &first,
	    &last) > 0 ? 1 : -1;
}

static int
parse_role(const char *s, enum fig_prole *role)
{
	static const char *const names[] = { "anchor", "deadline", "baseline",
	    "anaphor", "present", "relative", "recall", "undated", "event" };

	for (int i = 0; i < (int)(sizeof names / sizeof *names); i++)
		if (strcmp(s, names[i]) == 0) {
			*role = (enum fig_prole)i;
			return 0;
		}
	return -1;
}

/* Gives each topic's requires their memo slots: one per distinct
 * pattern (many topics share "\bimports\b" or {TARGETCUE}), none for
 * one that looks at the figure's markers. A sentence of five figures
 * then runs each require once, not five times per topic. */
static void
number_requires(struct fig_rules *r)
{
	r->nreq_ids = 0;
	for (int i = 0; i < r->ntopics; i++) {
		struct fig_topic *t = &r->topics[i];
		t->req_id = xmalloc((size_t)(t->nrequire ? t->nrequire : 1) *
		    sizeof *t->req_id);
		for (int k = 0; k < t->nrequire; k++) {
			const char *src = t->require[k].src;
			int id = -1;
			if (strstr(src, QOPEN) || strstr(src, QCLOSE) ||
			    strstr(src, "27E6") || strstr(src, "27e6") ||
			    strstr(src, "27E7") || strstr(src, "27e7")) {
				t->req_id[k] = -1;
				continue;
			}
			for (int j = 0; j <= i && id < 0; j++)
				for (int m = 0; m < (j < i ? r->topics[j].nrequire :
				    k) && id < 0; m++)
					if (r->topics[j].req_id[m] >= 0 &&
					    strcmp(r->topics[j].require[m].src,
					    src) == 0)
						id = r->topics[j].req_id[m];
			t->req_id[k] = id >= 0 ? id : r->nreq_ids++;
		}
	}
}

/* Gives each topic's unit list its memo slot, one per distinct list
 * (most flow topics say "@money", "@physical" or "percent"): a figure's
 * unit is then checked against each list once, not once per topic. */
static void
number_units(struct fig_rules *r)
{
	r->nunit_ids = 0;
	for (int i = 0; i < r->ntopics; i++) {
		struct fig_topic *t = &r->topics[i];
		t->unit_id = -1;
		for (int j = 0; j < i && t->unit[0] && t->unit_id < 0; j++)
			if (strcmp(r->topics[j].unit, t->unit) == 0)
				t->unit_id = r->topics[j].unit_id;
		if (t->unit[0] && t->unit_id < 0)
			t->unit_id = r->nunit_ids++;
	}
}

/* The ids of r->lits by their words, while the needs are read: open
 * addressing, at most half full. */
struct lit_index {
	int *slot;		/* an id, -1 free */
	size_t mask;		/* slots - 1, a power of two less one */
};

static size_t
lit_hash(const char *w)
{
	size_t h = 2166136261u;	/* FNV-1a */

	for (; *w; w++)
		h = (h ^ (unsigned char)*w) * 16777619u;
	return h;
}

/* Puts id (its word r->lits[id]) in the first free slot of its chain. */
static void
lit_index_put(struct lit_index *ix, const struct fig_rules *r, int id)
{
	size_t h = lit_hash(r->lits[id]) & ix->mask;

	while (ix->slot[h] >= 0)
		h = (h + 1) & ix->mask;
	ix->slot[h] = id;
}

/* The id of word w among r->lits, added when new. */
static int
lit_id(struct fig_rules *r, struct lit_index *ix, const char *w)
{
	size_t h = lit_hash(w) & ix->mask;

	for (; ix->slot[h] >= 0; h = (h + 1) & ix->mask)
		if (strcmp(r->lits[ix->slot[h]], w) == 0)
			return ix->slot[h];
	GROW1(r->lits, r->nlits);
	r->lits[r->nlits] = xstrdup(w);
	if ((size_t)(r->nlits + 1) * 2 > ix->mask + 1) {
		/* twice the slots, every id put again */
		ix->mask = 2 * ix->mask + 1;
		ix->slot = xrealloc(ix->slot, (ix->mask + 1) * sizeof *ix->slot);
		memset(ix->slot, -1, (ix->mask + 1) * sizeof *ix->slot);
		for (int i = 0; i < r->nlits; i++)
			lit_index_put(ix, r, i);
	}
	lit_index_put(ix, r, r->nlits);
	return r->nlits++;
}

/* Sets re->need: the words every match of re holds, which let a
 * sentence without them pass re by (extract.c may_match). */
static void
index_need(struct fig_rules *r, struct lit_index *ix, struct fig_re *re,
    int behind)
{
	struct fig_needs nd;

	if (re->src == NULL)
		return;
	pat_needs(re->src, behind, &nd);
	for (int k = 0; k < nd.nclause; k++) {
		int from = k ? nd.end[k - 1] : 0;
		re->need = xrealloc(re->need, (size_t)(re->nneed + 1 +
		    nd.end[k] - from) * sizeof *re->need);
		re->need[re->nneed++] = nd.end[k] - from;
		for (int i = from; i < nd.end[k]; i++)
			re->need[re->nneed++] = lit_id(r, ix, nd.word[i]);
	}
	pat_needs_release(&nd);
}

/* The needs of the patterns matched on a figure's context (its sentence
 * or a part of it): the topics' patterns, requires and vetoes, the
 * baseline cue, the exclusions; and of the date phrases without a year
 * and the decisions (role event), which are searched from a sentence's
 * start, so their lookbehinds (which may read the sentence before) add
 * no words. */
static void
index_needs(struct fig_rules *r)
{
	struct lit_index ix;

	ix.mask = 1023;
	ix.slot = xmalloc((ix.mask + 1) * sizeof *ix.slot);
	memset(ix.slot, -1, (ix.mask + 1) * sizeof *ix.slot);
	for (int i = 0; i < r->ntopics; i++) {
		struct fig_topic *t = &r->topics[i];
		for (int k = 0; k < t->npattern; k++)
			index_need(r, &ix, &t->pattern[k], 1);
		for (int k = 0; k < t->nrequire; k++)
			index_need(r, &ix, &t->require[k], 1);
		for (int k = 0; k < t->nunless; k++)
			index_need(r, &ix, &t->unless[k], 1);
	}
	index_need(r, &ix, &r->baseline, 1);
	index_need(r, &ix, &r->estimate, 1);
	index_need(r, &ix, &r->goal, 1);
	index_need(r, &ix, &r->reached, 1);
	for (int i = 0; i < r->baseline.nalt; i++)
		index_need(r, &ix, &r->baseline.alt[i], 1);
	for (int i = 0; i < r->estimate.nalt; i++)
		index_need(r, &ix, &r->estimate.alt[i], 1);
	for (int i = 0; i < r->goal.nalt; i++)
		index_need(r, &ix, &r->goal.alt[i], 1);
	for (int i = 0; i < r->reached.nalt; i++)
		index_need(r, &ix, &r->reached.alt[i], 1);
	for (int i = 0; i < r->nexcludes; i++)
		index_need(r, &ix, &r->excludes[i].re, 1);
	for (int i = 0; i < r->nperiods_word; i++)
		index_need(r, &ix, &r->periods_word[i], 0);
	for (int i = 0; i < r->nperiods; i++) {
		if (r->periods[i].role == FIG_PR_EVENT)
			index_need(r, &ix, &r->periods[i].re, 0);
	}
	free(ix.slot);
}

/* Compiles the single pattern of a [section NAME]-like rule into *re. */
static int
compile_single(struct loader *L, const struct section *s, struct fig_re *re)
{
	struct fig_buf alt = FIG_BUF_INIT;
	int rc, n;

	if ((n = join_key(L, s, "pattern", &alt)) < 0) {
		buf_release(&alt);
		return -1;
	}
	if (n == 0) {
		buf_release(&alt);
		return err_set(L->err, FIG_EINPUT, s->path, s->at.line, 1,
		    "[%s%s%s] needs a 'pattern ='", s->kind,
		    s->name[0] ? " " : "", s->name);
	}
	if (re->code) {	/* a second section of the same kind: join */
		struct fig_buf both = FIG_BUF_INIT;
		buf_addf(&both, "%s|%s", re->src, buf_str(&alt));
		drop_code(L->r, re->code);
		free(re->src);
		buf_release(&alt);
		alt = both;
	}
	/* a cue read on a figure's context ([cue baseline]) whose every
	 * match holds the figure's marker need not be searched past it */
	re->marks = rules_marks_figure(buf_str(&alt));
	rc = compile_raw(L->r, re, buf_str(&alt), PCRE2_MULTILINE |
	    (re->marks ? PCRE2_USE_OFFSET_LIMIT : 0), s->path, s->at.line, 1,
	    1, L->err);
	buf_release(&alt);
	return rc;
}

/* Splits cue re, read for a yes or no (extract-topic.c cue_on), into its
 * top-level alternatives, each compiled alone into re->alt and indexed
 * with the words it needs (index_needs): a figure's sentence then runs
 * only the alternatives whose words it holds, not the whole alternation
 * wherever any of them may start ([cue baseline] was a tenth of the
 * extraction of news). A text has a match of the alternation that
 * starts from a start offset at or before a limit if and only if one of
 * its alternatives has; an alternative whose every match holds the
 * figure's marker is limited as the whole is when it marks. Not split:
 * a pattern whose alternatives may refer to each other or to group
 * numbers (back references, recursion, conditions, verbs, branch
 * resets) or that sets an option for the rest of its group ("(?i)"),
 * nor one without top-level alternatives. A part that does not compile
 * alone leaves the cue whole. */
static void
split_cue(struct fig_rules *r, struct fig_re *re)
{
	static const char *const refs[] = { "(*", "(?(", "(?&", "(?R",
	    "(?P", "(?|", "\\g", "\\k", "(?+", NULL };
	const char *a = re->src;
	struct fig_pat P;
	struct fig_err err;

	if (a == NULL || re->code == NULL)
		return;
	for (int i = 0; refs[i]; i++)
		if (strstr(a, refs[i]) != NULL)
			return;
	for (const char *p = a; *p; p++) {
		if (*p == '\\' && p[1] >= '1' && p[1] <= '9')
			return;		/* a numbered back reference */
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		if (p[0] == '(' && p[1] == '?') {
			const char *k = p + 2;
			while ((*k >= 'a' && *k <= 'z') || (*k >= 'A' &&
			    *k <= 'Z') || *k == '-' || *k == '^')
				k++;
			if (k > p + 2 && *k == ')')
				return;	/* "(?i)": options to the group's end */
			if ((p[2] >= '0' && p[2] <= '9') || (p[2] == '-' &&
			    p[3] >= '0' && p[3] <= '9'))
				return;	/* "(?1)", "(?-1)": a call by number */
		}
	}
	pat_init(&P, a);
	if (P.top < P.n) {
		err_clear(&err);
		for (size_t from = 0, to = P.top; ; from = to + 1,
		    to = P.bar[to]) {
			char *part = xmalloc(to - from + 1);
			struct fig_re *alt;
			int marks;

			memcpy(part, a + from, to - from);
			part[to - from] = '\0';
			GROW1(re->alt, re->capalt);
			alt = &re->alt[re->capalt++];
			memset(alt, 0, sizeof *alt);
			marks = rules_marks_figure(part);
			if (compile_raw(r, alt, part, PCRE2_MULTILINE | (marks ?
			    PCRE2_USE_OFFSET_LIMIT : 0), re->where, 0, 0, 1,
			    &err) != 0) {
				free(part);
				re->nalt = 0;
				break;
			}
			alt->marks = marks;
			free(part);
			re->nalt++;
			if (to >= P.n)
				break;
		}
	}
	pat_release(&P);
}

static int
compile_list(struct loader *L, const struct section *s, const char *key,
    struct fig_re **arr, int *n)
{
	for (int i = 0; i < s->nkv; i++) {
		if (strcmp(s->kv[i].key, key) != 0)
			continue;
		GROW1(*arr, *n);
		memset(&(*arr)[*n], 0, sizeof **arr);
		if (compile_kv(L, &(*arr)[(*n)++], s, &s->kv[i]) != 0)
			return -1;
	}
	return 0;
}

/* "follow = yes", "follow = exports.value", "follow = imports.share
 * swap", "follow = imports.value nearby", "follow = exports.change
 * nearby last", "yes sender": sets t->follow and
 * t->follow_measure; -1 when the value is none of those. */
static int
parse_follow(struct fig_topic *t, const char *v)
{
	size_t n = strcspn(v, " \t");
	const char *w = v + n;

	if (!t->templ || n == 0 || n >= sizeof t->follow_measure)
		return -1;
	t->follow = FIG_FOLLOW;
	if (n == 3 && strncmp(v, "yes", 3) == 0)
		t->follow_measure[0] = '\0';
	else if (strspn(v, "abcdefghijklmnopqrstuvwxyz0123456789_.") != n ||
	    v[0] == '.')
		return -1;
	else
		snprintf(t->follow_measure, sizeof t->follow_measure, "%.*s",
		    (int)n, v);
	for (;;) {
		w += strspn(w, " \t");
		n = strcspn(w, " \t");
		if (n == 0)
			return 0;
		if (n == 6 && strncmp(w, "nearby", 6) == 0)
			t->follow |= FIG_FOLLOW_NEARBY;
		else if (n == 4 && strncmp(w, "swap", 4) == 0)
			t->follow |= FIG_FOLLOW_SWAP;
		else if (n == 4 && strncmp(w, "last", 4) == 0)
			t->follow |= FIG_FOLLOW_LAST;
		else if (n == 6 && strncmp(w, "sender", 6) == 0)
			t->follow |= FIG_FOLLOW_SENDER;
		else if (n == 8 && strncmp(w, "receiver", 8) == 0)
			t->follow |= FIG_FOLLOW_RECEIVER;
		else
			return -1;
		w += n;
	}
}

static int
build_topic(struct loader *L, const struct section *s)
{
	struct fig_rules *r = L->r;
	struct fig_topic *t;

	GROW1(r->topics, r->ntopics);
	t = &r->topics[r->ntopics++];
	memset(t, 0, sizeof *t);
	t->kind = -1;
	set_origin(&t->at, s);
	if (s->name[0] == '\0')
		return err_set(L->err, FIG_EINPUT, s->path, s->at.line, 1,
		    "[topic] needs a metric name: [topic METRIC]");
	claim_setfield(t->metric, sizeof t->metric, s->name);
	t->templ = strncmp(s->name, "*.", 2) == 0;
	for (int i = 0; i < s->nkv; i++) {
		const struct kv *kv = &s->kv[i];
		if (strcmp(kv->key, "entity") == 0)
			claim_setfield(t->entity, sizeof t->entity, kv->val);
		else if (strcmp(kv->key, "subject") == 0 &&
		    strncmp(kv->val, "@context", 8) == 0 &&
		    (kv->val[8] == '\0' || kv->val[8] == ' ')) {
			/* "@context trade": the context's, else trade */
			t->subject_ctx = 1;
			claim_setfield(t->subject, sizeof t->subject,
			    kv->val + 8 + strspn(kv->val + 8, " "));
		}
		else if (strcmp(kv->key, "subject") == 0)
			claim_setfield(t->subject, sizeof t->subject, kv->val);
		else if (strcmp(kv->key, "nearest") == 0) {
			if (strcmp(kv->val, "partner") != 0)
				return err_set(L->err, FIG_EINPUT, s->path,
				    kv->line, kv->col, "nearest is 'partner', "
				    "not '%s'", kv->val);
			t->fill |= FIG_NEAREST_PARTNER;
		} else if (strcmp(kv->key, "window") == 0) {
			double w;
			if (parse_double(kv->val, &w) < 0 || w < 1 || w > 65536
			    || w != (double)(size_t)w)
				return err_set(L->err, FIG_EINPUT, s->path,
				    kv->line, kv->col, "window is a count of "
				    "bytes from 1 to 65536, not '%s'", kv->val);
			t->window = (size_t)w;
		}
		else if (strcmp(kv->key, "fill") == 0) {
			if (strcmp(kv->val, "partner") == 0)
				t->fill |= FIG_FILL_PARTNER;
			else if (strcmp(kv->val, "pair") == 0)
				t->fill |= FIG_FILL_PAIR;
			else
				return err_set(L->err, FIG_EINPUT, s->path,
				    kv->line, kv->col, "fill is 'partner' or "
				    "'pair', not '%s'", kv->val);
		}
		else if (strcmp(kv->key, "follow") == 0) {
			if (parse_follow(t, kv->val) != 0)
				return err_set(L->err, FIG_EINPUT, s->path,
				    kv->line, kv->col, "follow is 'yes' or a "
				    "measure ('exports.value') and then "
				    "'nearby', 'swap', 'last', 'sender' or "
				    "'receiver', in a [topic "
				    "*.MEASURE], not '%s'", kv->val);
		}
		else if (strcmp(kv->key, "partner") == 0)
			claim_setfield(t->partner, sizeof t->partner, kv->val);
		else if (strcmp(kv->key, "unit") == 0)
			claim_setfield(t->unit, sizeof t->unit, kv->val);
		else if (strcmp(kv->key, "kind") == 0) {
			enum fig_pkind k;
			if (claim_kind_parse(kv->val, &k) != 0)
				return err_set(L->err, FIG_EINPUT, s->path,
				    kv->line, kv->col, "unknown period kind "
				    "'%s'", kv->val);
			t->kind = (int)k;
		} else if (strcmp(kv->key, "example") != 0 &&
		    strcmp(kv->key, "pattern") != 0 &&
		    strcmp(kv->key, "require") != 0 &&
		    strcmp(kv->key, "unless") != 0 &&
		    strcmp(kv->key, "about") != 0 &&
		    strcmp(kv->key, "lead") != 0)
			return bad_key(L, s, kv);
	}
	L->topic_patterns = 1;
	if (compile_list(L, s, "pattern", &t->pattern, &t->npattern) != 0) {
		L->topic_patterns = 0;
		return -1;
	}
	L->topic_patterns = 0;
	if (
	    compile_list(L, s, "require", &t->require, &t->nrequire) ||
	    compile_list(L, s, "unless", &t->unless, &t->nunless) ||
	    compile_list(L, s, "about", &t->about, &t->nabout) ||
	    compile_list(L, s, "lead", &t->lead, &t->nlead))
		return -1;
	if (t->npattern == 0)
		return err_set(L->err, FIG_EINPUT, s->path, s->at.line, 1,
		    "[topic %s] needs at least one 'pattern ='", s->name);
	if (t->templ && t->subject[0] == '\0' && !t->subject_ctx &&
	    !t->follow) {
		int named = 0;
		/* several groups of the name (alternatives) are no error */
		for (int i = 0; i < t->npattern; i++) {
			int g = pcre2_substring_number_from_name(
			    t->pattern[i].code, (PCRE2_SPTR)"subject");
			named |= g > 0 || g == PCRE2_ERROR_NOUNIQUESUBSTRING;
		}
		if (!named)
			return err_set(L->err, FIG_EINPUT, s->path,
			    s->at.line, 1, "[topic %s] needs 'subject =' or "
			    "a (?<subject>...) group", s->name);
	}
	return 0;
}

/* "home = CAN usd": an entity code in capitals, then the unit whose
 * bare forms the home country's documents mean as this one, then
 * optionally the sign in front that alone counts ("home = JPN cny ¥"). */
static int
build_home(struct loader *L, const struct section *s, const struct kv *kv,
    struct fig_unit *u)
{
	char code[16], of[16], sign[8], rest[2];
	int n = sscanf(kv->val, "%15s %15s %7s %1s", code, of, sign, rest);

	if (n < 2 || n > 3 ||
	    strspn(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != strlen(code) ||
	    strlen(code) < 2 || strspn(of, "abcdefghijklmnopqrstuvwxyz") !=
	    strlen(of))
		return err_set(L->err, FIG_EINPUT, s->path, kv->line, kv->col,
		    "home is a country code, a unit and optionally a sign "
		    "('home = CAN usd', 'home = JPN cny \xc2\xa5'), not '%s'",
		    kv->val);
	memcpy(u->home, code, sizeof u->home);
	memcpy(u->home_of, of, sizeof u->home_of);
	if (n == 3)
		memcpy(u->home_sign, sign, sizeof u->home_sign);
	return 0;
}

static int
build_unit(struct loader *L, const struct section *s, struct fig_unit *u)
{
	memset(u, 0, sizeof *u);
	u->factor = 1;
	set_origin(&u->at, s);
	if (s->name[0] == '\0')
		return err_set(L->err, FIG_EINPUT, s->path, s->at.line, 1,
		    "[unit] needs a canonical name: [unit percent]");
	claim_setfield(u->canon, sizeof u->canon, s->name);
	for (int i = 0; i < s->nkv; i++) {
		const struct kv *kv = &s->kv[i];
		if (strcmp(kv->key, "factor") == 0) {
			if (parse_double(kv->val, &u->factor) < 0)
				return err_set(L->err, FIG_EINPUT, s->path,
				    kv->line, kv->col, "factor is not a "
				    "number below 1e40: '%s'", kv->val);
		} else if (strcmp(kv->key, "weak") == 0)
			u->weak = strcmp(kv->val, "yes") == 0;
		else if (strcmp(kv->key, "years") == 0)
			u->count_ok_years = strcmp(kv->val, "yes") == 0;
		else if (strcmp(kv->key, "duration") == 0)
			u->duration = strcmp(kv->val, "yes") == 0;
		else if (strcmp(kv->key, "class") == 0)
			claim_setfield(u->uclass, sizeof u->uclass, kv->val);
		else if (strcmp(kv->key, "code") == 0)
			u->code = strcmp(kv->val, "yes") == 0;
		else if (strcmp(kv->key, "rate") == 0)
			u->no_rate = strcmp(kv->val, "no") == 0;
		else if (strcmp(kv->key, "max") == 0) {
			if (parse_double(kv->val, &u->max) < 0 || u->max <= 0)
				return err_set(L->err, FIG_EINPUT, s->path,
				    kv->line, kv->col, "max is a number above "
				    "0, not '%s'", kv->val);
		}
		else if (strcmp(kv->key, "home") == 0) {
			if (build_home(L, s, kv, u) != 0)
				return -1;
		} else if (strcmp(kv->key, "context") == 0) {
			if (u->context.code != NULL)
				return err_set(L->err, FIG_EINPUT, s->path,
				    kv->line, kv->col, "[unit %s] takes one "
				    "'context ='", s->name);
			if (compile_kv(L, &u->context, s, kv) != 0)
				return -1;
		} else if (strcmp(kv->key, "example") != 0 &&
		    strcmp(kv->key, "after") != 0 &&
		    strcmp(kv->key, "before") != 0)
			return bad_key(L, s, kv);
	}
	if (!section_get(s, "after") && !section_get(s, "before") &&
	    !section_get(s, "context"))
		return err_set(L->err, FIG_EINPUT, s->path, s->at.line, 1,
		    "[unit %s] needs 'after =', 'before =' or 'context ='",
		    s->name);
	return 0;
}

static int
build_numbers(struct loader *L, const struct section *s)
{
	struct fig_rules *r = L->r;

	for (int i = 0; i < s->nkv; i++) {
		const struct kv *kv = &s->kv[i];
		struct fig_numword *w;
		double v;
		int used;
		const char *rest;

		if (strcmp(kv->key, "example") == 0)
			continue;	/* take_examples() */
		if ((used = parse_double(kv->val, &v)) < 0)
			return err_set(L->err, FIG_EINPUT, s->path, kv->line,
			    kv->col, "number word '%s' needs a value below "
			    "1e40", kv->key);
		GROW1(r->words, r->nwords);
		w = &r->words[r->nwords++];
		memset(w, 0, sizeof *w);
		w->word = norm_word(kv->key);
		w->value = v;
		rest = kv->val + used;
		for (;;) {
			char tok[40];
			int tn = 0;
			while (*rest == ' ' || *rest == '\t')
				rest++;
			if (*rest == '\0')
				break;
			while (*rest && *rest != ' ' && *rest != '\t' &&
			    tn < (int)sizeof tok - 1)
				tok[tn++] = *rest++;
			tok[tn] = '\0';
			if (strcmp(tok, "weak") == 0)
				w->weak = 1;
			else if (strcmp(tok, "fraction") == 0)
				w->fraction = 1;
			else if (strncmp(tok, "unit=", 5) == 0)
				claim_setfield(w->unitname, sizeof w->unitname,
				    tok + 5);
			else if (strncmp(tok, "qual=", 5) == 0) {
				enum fig_qual qv;
				if (claim_qual_parse(tok + 5, &qv) != 0)
					return err_set(L->err, FIG_EINPUT,
					    s->path, kv->line, kv->col,
					    "unknown qualifier '%s'", tok + 5);
				w->qual = (int)qv;
			} else
				return err_set(L->err, FIG_EINPUT, s->path,
				    kv->line, kv->col, "unknown flag '%s' (weak, "
				    "fraction, unit=NAME or qual=NAME)", tok);
		}
	}
	return 0;
}

/* ---- word-boundary hoisting ----------------------------------------
 * The date phrases are tried as two big alternations. When every branch
 * of a run of rules begins with \b, the run is wrapped as \b(?:...): the
 * same matches, but PCRE2's JIT then tests the boundary once per
 * position instead of entering every branch, which made the word-only
 * date scan about twice as fast (docs/rules.md, [period]). The check below
 * is syntactic and conservative: anything it does not understand
 * (\Q, comments, option settings, an optional group) says "no". */

static const char *group_end(const char *p);

/* p at "(": the first character of the group's body, or NULL when the
 * group is an assertion, an option setting, a verb or anything else that
 * is not a plain capturing, named or (?:) group. */
static const char *
group_body(const char *p)
{
	if (p[1] != '?')
		return p[1] == '*' ? NULL : p + 1;
	if (p[2] == ':')
		return p + 3;
	if ((p[2] == '<' && p[3] != '=' && p[3] != '!') ||
	    (p[2] == 'P' && p[3] == '<')) {
		const char *q = strchr(p, '>');
		return q ? q + 1 : NULL;
	}
	return NULL;
}

/* p at "[": its closing "]", or NULL. */
static const char *
class_end(const char *p)
{
	p++;
	if (*p == '^')
		p++;
	if (*p == ']')
		p++;
	for (; *p && *p != ']'; p++) {
		if (*p == '\\' && p[1])
			p++;
		else if (*p == '[' && p[1] == ':') {
			const char *e = strstr(p, ":]");
			if (e == NULL)
				return NULL;
			p = e + 1;
		}
	}
	return *p ? p : NULL;
}

/* The first top-level "|" of p..end, or end; NULL on \Q or anything
 * malformed. With end NULL: the ")" or NUL ending the group p is in. */
static const char *
scan_group(const char *p, const char *end, int stop_at_bar)
{
	for (; end ? p < end : (*p && *p != ')'); p++) {
		if (*p == '|' && stop_at_bar)
			return p;
		if (*p == '\\') {
			if (p[1] == 'Q' || p[1] == '\0')
				return NULL;
			p++;
		} else if (*p == '[') {
			if ((p = class_end(p)) == NULL)
				return NULL;
		} else if (*p == '(') {
			if ((p = group_end(p + 1)) == NULL || *p != ')')
				return NULL;
		}
	}
	return end && p > end ? NULL : p;
}

/* p just after "(" (or a pattern's start): its ")" (or NUL). */
static const char *
group_end(const char *p)
{
	return scan_group(p, NULL, 0);
}

static int alts_at_boundary(const char *p, const char *end);

/* Does the branch p..end begin with \b? */
static int
branch_at_boundary(const char *p, const char *end)
{
	const char *body, *close;

	if (end - p >= 2 && p[0] == '\\' && p[1] == 'b')
		return 1;
	if (p >= end || *p != '(' || (body = group_body(p)) == NULL ||
	    (close = group_end(body)) == NULL || *close != ')' || close >= end)
		return 0;
	/* an optional group may be skipped: then it proves nothing */
	if (close[1] == '?' || close[1] == '*' ||
	    (close[1] == '{' && close[2] == '0'))
		return 0;
	return alts_at_boundary(body, close);
}

/* Does every alternative of p..end begin with \b? */
static int
alts_at_boundary(const char *p, const char *end)
{
	for (;;) {
		const char *bar = scan_group(p, end, 1);
		if (bar == NULL || !branch_at_boundary(p, bar))
			return 0;
		if (bar == end)
			return 1;
		p = bar + 1;
	}
}

/* Does pattern src only ever match where a word boundary is? */
static int
starts_at_boundary(const char *src)
{
	const char *end = group_end(src);

	return end != NULL && *end == '\0' && alts_at_boundary(src, end);
}


static void
set_pair(struct fig_rules *r, unsigned a, unsigned b)
{
	unsigned k = a << 8 | b;

	r->numpair[k >> 6] |= (uint64_t)1 << (k & 63);
}

/* Compiles each 'pattern =' line of [period] rule i (section s), which
 * has no year, alone into r->periods_word, with the rule's (*MARK). In
 * the order of the rules and of their lines they are the alternation of
 * them all: the first by start, then by that order (extract-period.c
 * next_word_period). A line alone needs its own words, so a sentence
 * without them skips it: "fiscal year" and "till August" no longer run
 * on every sentence because a year pair ("2022-23") may. */
static int
compile_period_lines(struct loader *L, const struct section *s, int i)
{
	struct fig_rules *r = L->r;
	int rc = 0;

	for (int j = 0; j < s->nkv && rc == 0; j++) {
		struct fig_buf one = FIG_BUF_INIT;
		struct fig_re *re;
		if (strcmp(s->kv[j].key, "pattern") != 0)
			continue;
		buf_adds(&one, "(?:(?:");
		rc = expand(L, s->kv[j].val, &one, 0, s, &s->kv[j]);
		buf_addf(&one, "))(*MARK:%d)", i);
		GROW1(r->periods_word, r->nperiods_word);
		re = &r->periods_word[r->nperiods_word++];
		memset(re, 0, sizeof *re);
		if (rc == 0)
			rc = compile_raw(r, re, buf_str(&one),
			    PCRE2_MULTILINE, r->dir, 0, 0, 1, L->err);
		buf_release(&one);
	}
	return rc;
}

/* Compiles the [period] rules as they are searched: those without a
 * year line by line (compile_period_lines), over whole sentences
 * (extract-period.c find_mentions); those with one as one alternation
 * (r->periods_year), tried only near years. Each keeps its index as its
 * (*MARK). An event is in neither: extract.c looks for it only where it
 * may date a figure. */
static int
compile_periods(struct loader *L)
{
	struct fig_rules *r = L->r;
	struct fig_buf all = FIG_BUF_INIT;
	int hoisted = 0;	/* inside a \b(?: run */
	int rc = 0;

	/* the [period] sections are the rules, in order */
	for (int n = 0, i = 0; n < L->nsec && rc == 0; n++) {
		if (strcmp(L->sec[n].kind, "period") != 0)
			continue;
		if (r->periods[i].g_year <= 0 &&
		    r->periods[i].role != FIG_PR_EVENT)
			rc = compile_period_lines(L, &L->sec[n], i);
		i++;
	}
	if (rc != 0)
		return -1;
	for (int i = 0; i < r->nperiods; i++) {
		const char *src = r->periods[i].re.src;
		int b;
		if (r->periods[i].g_year <= 0 ||
		    r->periods[i].role == FIG_PR_EVENT)
			continue;
		b = starts_at_boundary(src);
		if (hoisted && !b)
			buf_addc(&all, ')');
		if (all.len)
			buf_addc(&all, '|');
		if (b && !hoisted)
			buf_adds(&all, "\\b(?:");
		hoisted = b;
		buf_addf(&all, "(?:%s)(*MARK:%d)", src, i);
	}
	if (hoisted)
		buf_addc(&all, ')');
	if (all.len)
		rc = compile_raw(r, &r->periods_year, buf_str(&all),
		    PCRE2_MULTILINE, r->dir, 0, 0, 1, L->err);
	buf_release(&all);
	return rc == 0 ? 0 : -1;
}

static int
build(struct loader *L)
{
	struct fig_rules *r = L->r;
	int *qsec = xcalloc((size_t)L->nsec + 1, sizeof *qsec);
	int *usec = xcalloc((size_t)L->nsec + 1, sizeof *usec);
	int *ssec = xcalloc((size_t)L->nsec + 1, sizeof *ssec);
	int *psec = xcalloc((size_t)L->nsec + 1, sizeof *psec);
	int nq = 0, rc = -1;

	/* the subject lexicon as {SUBJECT} writes it: a pattern that holds
	 * it is compiled with a stub that calls it instead (lexicon.h),
	 * unless FIGTRACK_LEXICON=inline asks for the lexicon written out */
	{
		const char *how = getenv("FIGTRACK_LEXICON");
		int any = 0;
		for (int i = 0; i < L->nsec && !any; i++)
			any = strcmp(L->sec[i].kind, "subject") == 0;
		if (any && (how == NULL || strcmp(how, "inline") != 0)) {
			struct fig_buf lx = FIG_BUF_INIT;
			add_alternatives(L, "subject", 0, &lx);
			r->subject_lex_src = buf_detach(&lx);
		}
	}
	/* number words first: the quantity pattern needs them */
	for (int i = 0; i < L->nsec; i++)
		if (strcmp(L->sec[i].kind, "numbers") == 0 &&
		    build_numbers(L, &L->sec[i]) != 0)
			goto out;
	if (r->nwords > 1)
		qsort(r->words, (size_t)r->nwords, sizeof *r->words,
		    cmp_wordlen);
	for (int i = 0; i < L->nsec; i++) {
		const struct section *s = &L->sec[i];
		const char *k = s->kind;

		if (take_examples(L, s) != 0)
			goto out;
		if (strcmp(k, "numbers") == 0 || strcmp(k, "define") == 0)
			continue;
		if (strcmp(k, "unit") == 0) {
			GROW1(r->units, r->nunits);
			usec[r->nunits] = i;
			if (build_unit(L, s, &r->units[r->nunits++]) != 0)
				goto out;
		} else if (strcmp(k, "per") == 0) {
			struct fig_per *pe;
			GROW1(r->pers, r->npers);
			psec[r->npers] = i;
			pe = &r->pers[r->npers++];
			memset(pe, 0, sizeof *pe);
			if (!*s->name || strlen(s->name) >= sizeof pe->name ||
			    !section_get(s, "pattern")) {
				err_set(L->err, FIG_EINPUT, s->path, s->at.line,
				    1, "[per NAME] needs a short name and "
				    "'pattern ='");
				goto out;
			}
			memcpy(pe->name, s->name, strlen(s->name) + 1);
			if ((section_get(s, "context") && compile_kv(L,
			    &pe->context, s, section_get(s, "context")) != 0) ||
			    (section_get(s, "amount") && compile_kv(L,
			    &pe->amount, s, section_get(s, "amount")) != 0))
				goto out;
		} else if (strcmp(k, "scale") == 0) {
			struct fig_scale *sc;
			GROW1(r->scales, r->nscales);
			ssec[r->nscales] = i;
			sc = &r->scales[r->nscales++];
			memset(sc, 0, sizeof *sc);
			if (parse_double(s->name, &sc->factor) < 0) {
				err_set(L->err, FIG_EINPUT, s->path, s->at.line,
				    1, "[scale N] needs a number below 1e40: '%s'",
				    s->name);
				goto out;
			}
		} else if (strcmp(k, "qualifier") == 0 ||
		    strcmp(k, "direction") == 0) {
			enum fig_qual q;

			if (strcmp(k, "direction") == 0) {
				if (strcmp(s->name, "negative") != 0 &&
				    strcmp(s->name, "positive") != 0) {
					err_set(L->err, FIG_EINPUT, s->path,
					    s->at.line, 1, "[direction] is "
					    "'negative' or 'positive', not "
					    "'%s'", s->name);
					goto out;
				}
			} else if (claim_qual_parse(s->name, &q) != 0) {
				err_set(L->err, FIG_EINPUT, s->path, s->at.line,
				    1, "unknown qualifier '%s'", s->name);
				goto out;
			}
			qsec[nq++] = i;
		} else if (strcmp(k, "period") == 0) {
			struct fig_periodrule *p;
			const struct kv *kv;
			GROW1(r->periods, r->nperiods);
			p = &r->periods[r->nperiods++];
			memset(p, 0, sizeof *p);
			set_origin(&p->at, s);
			kv = section_get(s, "role");
			if (kv == NULL || parse_role(kv->val, &p->role) != 0) {
				err_set(L->err, FIG_EINPUT, s->path,
				    kv ? kv->line : s->at.line, 1, "[period] "
				    "needs 'role =' anchor, deadline, baseline, "
				    "anaphor, present, relative, recall, "
				    "undated or event");
				goto out;
			}
			if ((kv = section_get(s, "offset")) != NULL)
				p->offset = atoi(kv->val);
			p->step = 12;
			if ((kv = section_get(s, "step")) != NULL) {
				if (strcmp(kv->val, "month") == 0)
					p->step = 1;
				else if (strcmp(kv->val, "quarter") == 0)
					p->step = 3;
				else if (strcmp(kv->val, "year") != 0) {
					err_set(L->err, FIG_EINPUT, s->path,
					    kv->line, kv->col, "'step =' is "
					    "year, quarter or month");
					goto out;
				}
			}
			if (compile_single(L, s, &p->re) != 0)
				goto out;
			p->g_year = group_of(p->re.code, "year");
			p->g_month = group_of(p->re.code, "month");
			p->g_day = group_of(p->re.code, "day");
			p->g_half = group_of(p->re.code, "half");
			p->g_quarter = group_of(p->re.code, "quarter");
			p->g_span = group_of(p->re.code, "span");
			p->g_months = group_of(p->re.code, "months");
			p->g_qend = group_of(p->re.code, "qend");
			p->g_until = group_of(p->re.code, "until");
			p->g_list = group_of(p->re.code, "list");
			p->g_since = group_of(p->re.code, "since");
			p->g_days = group_of(p->re.code, "days");
			p->g_dayto = group_of(p->re.code, "dayto");
			p->g_spanday = group_of(p->re.code, "spanday");
			p->g_fy = group_of(p->re.code, "fy");
			p->g_fyend = group_of(p->re.code, "fyend");
			p->g_upto = group_of(p->re.code, "upto");
			p->g_runfrom = group_of(p->re.code, "runfrom");
			p->g_runto = group_of(p->re.code, "runto");
			p->g_pair = group_of(p->re.code, "pair");
			p->g_uptoyear = group_of(p->re.code, "uptoyear");
			p->g_sofar = group_of(p->re.code, "sofar");
			p->g_ytd = group_of(p->re.code, "ytd");
			for (int j = 0; j < s->nkv; j++) {
				struct fig_fiscal *f;
				const char *v = s->kv[j].val;
				char ent[16], by[16];
				int n = 0;
				if (strcmp(s->kv[j].key, "fiscal") != 0)
					continue;
				f = &p->fiscal[p->nfiscal];
				/* "IND 4 end parts pairs inr": see struct
				 * fig_fiscal */
				if (p->nfiscal == FIG_FISCAL_MAX ||
				    sscanf(v, "%15s %d %15s%n", ent, &f->start,
				    by, &n) != 3 || fiscal_options(f, v + n) != 0 ||
				    strlen(ent) >= sizeof f->entity ||
				    f->start < 1 || f->start > 12 ||
				    (strcmp(by, "end") != 0 &&
				    strcmp(by, "start") != 0)) {
					err_set(L->err, FIG_EINPUT, s->path,
					    s->kv[j].line, s->kv[j].col,
					    "'fiscal =' is ENTITY MONTH end|start "
					    "[parts] [pairs] [currency] (at most "
					    "%d)", FIG_FISCAL_MAX);
					goto out;
				}
				memcpy(f->entity, ent, strlen(ent) + 1);
				f->by_end = strcmp(by, "end") == 0;
				p->nfiscal++;
			}
			p->g_this = group_of(p->re.code, "this");
			p->g_next = group_of(p->re.code, "next");
			p->g_unit = group_of(p->re.code, "unit");
			p->g_back = group_of(p->re.code, "back");
			p->g_ahead = group_of(p->re.code, "ahead");
			p->g_same = group_of(p->re.code, "same");
			if (p->g_year <= 0 && p->g_fy <= 0 &&
			    (p->role == FIG_PR_ANCHOR ||
			    p->role == FIG_PR_DEADLINE)) {
				err_set(L->err, FIG_EINPUT, s->path, s->at.line,
				    1, "[period %s] pattern needs a "
				    "(?<year>...) group", s->name);
				goto out;
			}
		} else if (strcmp(k, "exclude") == 0) {
			struct fig_exclude *x;
			GROW1(r->excludes, r->nexcludes);
			x = &r->excludes[r->nexcludes++];
			memset(x, 0, sizeof *x);
			set_origin(&x->at, s);
			if (compile_single(L, s, &x->re) != 0)
				goto out;
		} else if (strcmp(k, "entity") == 0) {
			struct fig_entity *e;
			const struct kv *kv = section_get(s, "pattern");
			struct fig_buf b = FIG_BUF_INIT;
			GROW1(r->entities, r->nentities);
			e = &r->entities[r->nentities++];
			memset(e, 0, sizeof *e);
			claim_setfield(e->name, sizeof e->name, s->name);
			if (kv == NULL) {
				err_set(L->err, FIG_EINPUT, s->path, s->at.line,
				    1, "[entity %s] needs 'pattern ='",
				    s->name);
				goto out;
			}
			if (join_key(L, s, "pattern", &b) < 0) {
				buf_release(&b);
				goto out;
			}
			if (compile_raw(r, &e->re, buf_str(&b), PCRE2_ANCHORED
			    | PCRE2_ENDANCHORED, s->path, s->at.line, 1, 1,
			    L->err) != 0) {
				buf_release(&b);
				goto out;
			}
			e->letters = pattern_letters(buf_str(&b));
			buf_release(&b);
		} else if (strcmp(k, "subject") == 0) {
			struct fig_entity *sj;
			struct fig_buf b = FIG_BUF_INIT;
			GROW1(r->subjects, r->nsubjects);
			sj = &r->subjects[r->nsubjects++];
			memset(sj, 0, sizeof *sj);
			claim_setfield(sj->name, sizeof sj->name, s->name);
			if (s->name[0] == '\0' || section_get(s, "pattern") ==
			    NULL) {
				err_set(L->err, FIG_EINPUT, s->path, s->at.line,
				    1, "[subject NAME] needs a name and "
				    "'pattern ='");
				goto out;
			}
			if (join_key(L, s, "pattern", &b) < 0 ||
			    compile_raw(r, &sj->re, buf_str(&b), PCRE2_ANCHORED
			    | PCRE2_ENDANCHORED, s->path, s->at.line, 1, 1,
			    L->err) != 0) {
				buf_release(&b);
				goto out;
			}
			sj->letters = pattern_letters(buf_str(&b));
			buf_release(&b);
		} else if (strcmp(k, "topic") == 0) {
			if (build_topic(L, s) != 0)
				goto out;
		} else if (strcmp(k, "section") == 0 || strcmp(k, "cue") == 0
		    || strcmp(k, "sentence") == 0) {
			struct fig_re *re = NULL;
			if (strcmp(k, "sentence") == 0) {
				/* matched against one whole word */
				struct fig_buf alt = FIG_BUF_INIT, w = FIG_BUF_INIT;
				int bad = join_key(L, s, "pattern", &alt) < 0;
				buf_addf(&w, "\\A(?:%s)\\z", buf_str(&alt));
				bad = bad || r->abbrev.code != NULL ||
				    compile_raw(r, &r->abbrev, buf_str(&w), 0,
				    s->path, s->at.line, 1, 1, L->err) != 0;
				if (bad && r->abbrev.code != NULL && !L->err->msg[0])
					err_set(L->err, FIG_EINPUT, s->path,
					    s->at.line, 1, "a second [sentence]: "
					    "put every abbreviation in one");
				buf_release(&alt);
				buf_release(&w);
				if (bad)
					goto out;
				continue;
			}
			else if (strcmp(s->name, "references") == 0)
				re = &r->references;
			else if (strcmp(s->name, "contents") == 0)
				re = &r->contents;
			else if (strcmp(s->name, "skip") == 0)
				re = &r->skip;
			else if (strcmp(s->name, "past") == 0)
				re = &r->past;
			else if (strcmp(s->name, "target") == 0)
				re = &r->target;
			else if (strcmp(s->name, "forecast") == 0)
				re = &r->forecast;
			else if (strcmp(s->name, "plan") == 0)
				re = &r->plan;
			else if (strcmp(s->name, "ability") == 0)
				re = &r->ability;
			else if (strcmp(s->name, "lookback") == 0)
				re = &r->lookback;
			else if (strcmp(s->name, "baseline") == 0)
				re = &r->baseline;
			else if (strcmp(s->name, "estimate") == 0)
				re = &r->estimate;
			else if (strcmp(s->name, "goal") == 0)
				re = &r->goal;
			else if (strcmp(s->name, "reached") == 0)
				re = &r->reached;
			else if (strcmp(s->name, "pair") == 0)
				re = &r->pair;
			else if (strcmp(s->name, "ellipsis") == 0)
				re = &r->ellipsis;
			else if (strcmp(s->name, "firm") == 0)
				re = &r->firm;
			else if (strcmp(s->name, "buyers") == 0)
				re = &r->buyers;
			if (re == NULL) {
				err_set(L->err, FIG_EINPUT, s->path, s->at.line,
				    1, "unknown [%s %s]", k, s->name);
				goto out;
			}
			if (compile_single(L, s, re) != 0)
				goto out;
		} else {
			err_set(L->err, FIG_EINPUT, s->path, s->at.line, 2,
			    "unknown section kind '%s'", k);
			goto out;
		}
	}
	if (assemble_quantity(L, qsec, nq, usec, ssec, psec) != 0)
		goto out;
	number_requires(r);
	number_units(r);
	number_tails(r);
	for (int i = 0; i < r->nwords; i++) {
		struct fig_numword *w = &r->words[i];
		if (!w->unitname[0])
			continue;
		for (int k = 0; k < r->nunits && !w->unit; k++)
			if (strcmp(r->units[k].canon, w->unitname) == 0)
				w->unit = &r->units[k];
		if (w->unit == NULL) {
			err_set(L->err, FIG_EINPUT, r->dir, 0, 0, "number word "
			    "'%s' names unit '%s', which no [unit] defines",
			    w->word, w->unitname);
			goto out;
		}
	}
	/* number words by their first two letters, for number_scan(): a
	 * counting sort that keeps the longest-first order within a key */
	r->wordorder = xcalloc((size_t)r->nwords + 1, sizeof *r->wordorder);
	for (int i = 0; i < r->nwords; i++) {
		const unsigned char *w = (const unsigned char *)r->words[i].word;
		int k = rules_word_key(w[0], w[0] ? w[1] : 0);
		r->wordkey[k + 1]++;
		if (w[0] && w[1] && w[2])
			r->word3[k] |= 1u << rules_word_third(w[2]);
		else
			r->word3[k] = 0x7FFFFFF;	/* no third: any */
	}
	for (int k = 0; k < FIG_WORDKEYS; k++)
		r->wordkey[k + 1] += r->wordkey[k];
	/* the byte pairs a number may start with */
	for (unsigned d = '0'; d <= '9'; d++)
		for (unsigned b = 0; b < 256; b++)
			set_pair(r, d, b);
	/* and the three capitals of a currency code glued to the number
	 * ("USD196.48"), or a capital and a small letter ("Rs4.4
	 * trillion"): number_scan tests the rest */
	for (unsigned a = 'A'; a <= 'Z'; a++)
		for (unsigned b = 'A'; b <= 'Z'; b++) {
			set_pair(r, a, b);
			set_pair(r, a, b | 32);
		}
	for (int i = 0; i < r->nwords; i++) {
		const unsigned char *w = (const unsigned char *)r->words[i].word;
		for (int up = 0; up < 2; up++) {
			unsigned a = up ? (unsigned)toupper(w[0]) : w[0];
			if (w[1] >= 'a' && w[1] <= 'z') {
				set_pair(r, a, w[1]);
				set_pair(r, a, (unsigned)toupper(w[1]));
			} else	/* "a dozen": a space or a hyphen next */
				for (unsigned b = 0; b < 256; b++)
					if (!isalnum(b) && b != '_')
						set_pair(r, a, b);
		}
	}
	{
		int fill[FIG_WORDKEYS];
		memcpy(fill, r->wordkey, sizeof fill);
		for (int i = 0; i < r->nwords; i++) {
			const char *w = r->words[i].word;
			r->wordorder[fill[rules_word_key(w[0], w[0] ? w[1] :
			    0)]++] = i;
		}
	}
	if (compile_periods(L) != 0)
		goto out;
	split_cue(r, &r->baseline);
	split_cue(r, &r->estimate);
	split_cue(r, &r->goal);
	split_cue(r, &r->reached);
	index_needs(r);
	litscan_build(&r->litscan, r->lits, r->nlits);
	if (r->nentities > 0) {
		struct fig_buf b = FIG_BUF_INIT;
		/* actors are capitalised ("China", "US", "Russian"), but for
		 * a few words that stand for one ("mainland China"): the
		 * lookahead rejects every other word before the names are
		 * tried */
		buf_adds(&b, "(?<![\\w])(?-i:(?=[A-Z\\x{C0}-\\x{DE}]|mainland\\b|the\\s+mainland\\b))");
		add_alternatives(L, "entity", 1, &b);
		buf_adds(&b, "(?![\\w$])");	/* "US$" is a currency */
		if (compile_raw(r, &r->anyentity, buf_str(&b), 0, r->dir, 0, 0,
		    1, L->err) != 0) {
			buf_release(&b);
			goto out;
		}
		buf_release(&b);
	}
	if (r->nsubjects > 0) {
		struct fig_buf b = FIG_BUF_INIT;
		buf_adds(&b, "(?<![\\w])");
		add_alternatives(L, "subject", 1, &b);
		/* goods that only qualify a word after them ("the
		 * steel-making raw material" is iron ore) are not named */
		buf_adds(&b, "(?![\\w]|-(?:making|maker|makers|producing|"
		    "producer|producers|consuming|consumer|consumers|"
		    "intensive|related)\\b)");
		/* with an offset limit: a paragraph's subjects are looked
		 * for sentence by sentence (extract-actors.c last_subject) */
		if (compile_raw(r, &r->anysubject, buf_str(&b),
		    PCRE2_USE_OFFSET_LIMIT, r->dir, 0, 0, 1, L->err) != 0) {
			buf_release(&b);
			goto out;
		}
		buf_release(&b);
	}
	rc = 0;
out:
	free(qsec);
	free(usec);
	free(ssec);
	free(psec);
	return rc;
}

static void
free_sections(struct loader *L)
{
	for (int i = 0; i < L->nsec; i++) {
		for (int k = 0; k < L->sec[i].nkv; k++) {
			free(L->sec[i].kv[k].key);
			free(L->sec[i].kv[k].val);
		}
		free(L->sec[i].kv);
		free(L->sec[i].kind);
		free(L->sec[i].name);
	}
	free(L->sec);
}

static struct fig_rules *
rules_new(const char *dir)
{
	struct fig_rules *r = xcalloc(1, sizeof *r);

	snprintf(r->dir, sizeof r->dir, "%s", dir);
	r->mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(r->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(r->mctx, DEPTH_LIMIT);
	return r;
}

static int
finish(struct loader *L, struct fig_rules **out)
{
	int rc;

	/* the quantity pattern is built from the sections: none, nothing
	 * to build it from */
	if (L->nsec == 0) {
		err_set(L->err, FIG_EINPUT, L->r->dir, 0, 0, "no [sections] "
		    "in the rules: the rule files are empty");
		rules_free(L->r);
		return -1;
	}
	rc = build(L);

	free_sections(L);
	if (rc != 0) {
		rules_free(L->r);
		return -1;
	}
	*out = L->r;
	return 0;
}

int
rules_load(struct fig_rules **out, const char *dir, struct fig_err *err)
{
	struct loader L;
	DIR *d;
	struct dirent *de;
	char **names = NULL;
	int n = 0, rc = 0;

	char found[PATH_MAX];

	*out = NULL;
	memset(&L, 0, sizeof L);
	L.err = err;
	if (dir == NULL) {
		if (find_installed(found, sizeof found) != 0)
			return err_set(err, FIG_EIO, NULL, 0, 0, "no rules "
			    "found: not in ./data/rules, next to the program or "
			    "in %s; use --rules DIR or FIGTRACK_RULES", found);
		dir = found;
	}
	if ((d = opendir(dir)) == NULL)
		return err_set(err, FIG_EIO, dir, 0, 0, "cannot read rules "
		    "directory: %s", strerror(errno));
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);
		if (len > 6 && strcmp(de->d_name + len - 6, ".rules") == 0 &&
		    de->d_name[0] != '.') {
			GROW1(names, n);
			names[n++] = xstrdup(de->d_name);
		}
	}
	closedir(d);
	if (n == 0) {
		free(names);
		return err_set(err, FIG_EINPUT, dir, 0, 0, "no *.rules files "
		    "in the rules directory");
	}
	qsort(names, (size_t)n, sizeof *names, cmpstr);
	L.r = rules_new(dir);
	for (int i = 0; i < n && rc == 0; i++) {
		char path[2 * PATH_MAX];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		rc = read_file(&L, path);
	}
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (rc != 0) {
		free_sections(&L);
		rules_free(L.r);
		return -1;
	}
	return finish(&L, out);
}

int
rules_load_mem(struct fig_rules **out, const char *name, const char *text,
    size_t len, struct fig_err *err)
{
	struct loader L;

	*out = NULL;
	memset(&L, 0, sizeof L);
	L.err = err;
	L.r = rules_new(name);
	if (parse_text(&L, name, text, len) != 0) {
		free_sections(&L);
		rules_free(L.r);
		return -1;
	}
	return finish(&L, out);
}

static void
re_free(struct fig_re *re)
{
	pcre2_code_free(re->code);
	free(re->src);
	free(re->need);
	for (int i = 0; i < re->capalt; i++)
		re_free(&re->alt[i]);
	free(re->alt);
}

static void
re_free_arr(struct fig_re *a, int n)
{
	for (int i = 0; i < n; i++)
		re_free(&a[i]);
	free(a);
}

void
rules_free(struct fig_rules *r)
{
	if (r == NULL)
		return;
	for (int i = 0; i < r->nwords; i++)
		free(r->words[i].word);
	free(r->words);
	free(r->wordorder);
	for (int i = 0; i < r->nunits; i++)
		re_free(&r->units[i].context);
	free(r->units);
	free(r->scales);
	for (int i = 0; i < r->npers; i++) {
		re_free(&r->pers[i].context);
		re_free(&r->pers[i].amount);
	}
	free(r->pers);
	free(r->quals);
	for (int i = 0; i < r->nperiods; i++)
		re_free(&r->periods[i].re);
	free(r->periods);
	for (int i = 0; i < r->nexcludes; i++)
		re_free(&r->excludes[i].re);
	free(r->excludes);
	re_free(&r->dir_lead[0]);
	re_free(&r->dir_lead[1]);
	re_free(&r->dir_list[0]);
	re_free(&r->dir_list[1]);
	re_free(&r->dir_last[0]);
	re_free(&r->dir_last[1]);
	for (int i = 0; i < r->nentities; i++)
		re_free(&r->entities[i].re);
	free(r->entities);
	for (int i = 0; i < r->nsubjects; i++)
		re_free(&r->subjects[i].re);
	free(r->subjects);
	for (int i = 0; i < r->ntopics; i++) {
		re_free_arr(r->topics[i].pattern, r->topics[i].npattern);
		re_free_arr(r->topics[i].require, r->topics[i].nrequire);
		free(r->topics[i].req_id);
		re_free_arr(r->topics[i].unless, r->topics[i].nunless);
		re_free_arr(r->topics[i].about, r->topics[i].nabout);
		re_free_arr(r->topics[i].lead, r->topics[i].nlead);
	}
	free(r->topics);
	for (int i = 0; i < r->nexamples; i++) {
		free(r->examples[i].text);
		free(r->examples[i].expect);
	}
	free(r->examples);
	re_free_arr(r->tails, r->ntails);
	re_free(&r->quantity);
	re_free(&r->quantity_at);
	re_free(&r->periods_year);
	for (int i = 0; i < r->nperiods_word; i++)
		re_free(&r->periods_word[i]);
	free(r->periods_word);
	re_free(&r->references);
	re_free(&r->contents);
	re_free(&r->skip);
	re_free(&r->abbrev);
	re_free(&r->past);
	re_free(&r->target);
	re_free(&r->forecast);
	re_free(&r->plan);
	re_free(&r->reached);
	re_free(&r->ability);
	re_free(&r->lookback);
	re_free(&r->baseline);
	re_free(&r->estimate);
	re_free(&r->goal);
	re_free(&r->pair);
	re_free(&r->firm);
	re_free(&r->buyers);
	re_free(&r->ellipsis);
	re_free(&r->anyentity);
	re_free(&r->anysubject);
	re_free(&r->subject_lex);
	free(r->subject_lex_src);
	free(r->subject_stub);
	pcre2_match_context_free(r->mctx);
	for (int i = 0; i < r->nlits; i++)
		free(r->lits[i]);
	free(r->lits);
	litscan_release(&r->litscan);
	free(r->codes);
	if (r->jit_lock != NULL) {
		for (int i = 0; i < FIG_JIT_LOCKS; i++)
			pthread_mutex_destroy(&r->jit_lock[i]);
		free(r->jit_lock);
	}
	free(r->jit_done);
	free(r);
}

void
rules_jit(struct fig_rules *r)
{
	/* JIT is a speed-up only: without it the interpreter runs. Its
	 * vector loads read a little past the subject, which valgrind
	 * reports with no way to suppress them (the code has no object):
	 * tests under valgrind set FIGTRACK_NO_JIT. */
	if (r->jit_done != NULL || getenv("FIGTRACK_NO_JIT") != NULL)
		return;
	r->jit_lock = xcalloc(FIG_JIT_LOCKS, sizeof *r->jit_lock);
	for (int i = 0; i < FIG_JIT_LOCKS; i++)
		pthread_mutex_init(&r->jit_lock[i], NULL);
	r->jit_done = xcalloc((size_t)r->nslots + 1, sizeof *r->jit_done);
}

/* JIT-compiles re's pattern when rules_jit has run and it is not yet.
 * The first thread to match it compiles it under its slot's lock; the
 * others that want it wait there, so no thread matches a pattern while
 * it is compiled. Locks are striped by slot: threads wanting different
 * patterns compile them at once (a file's first sentences meet most
 * patterns, so with one lock every thread but one waited on the
 * others' compiles; PCRE2's JIT allocator locks for itself). */
void
rules_jit_once(const struct fig_rules *r, const struct fig_re *re)
{
	pthread_mutex_t *lock;

	if (r->jit_done == NULL || atomic_load_explicit(&r->jit_done[re->slot],
	    memory_order_acquire))
		return;
	lock = &r->jit_lock[(unsigned)re->slot % FIG_JIT_LOCKS];
	pthread_mutex_lock(lock);
	if (!atomic_load_explicit(&r->jit_done[re->slot],
	    memory_order_relaxed)) {
		(void)pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
		atomic_store_explicit(&r->jit_done[re->slot], 1,
		    memory_order_release);
	}
	pthread_mutex_unlock(lock);
}

/* Compiles every pattern now, as if each had been matched. */
static void
jit_all(struct fig_rules *r)
{
	if (r->jit_done == NULL)
		return;
	for (int i = 0; i < r->ncodes; i++)
		(void)pcre2_jit_compile(r->codes[i].code, PCRE2_JIT_COMPLETE);
	for (int i = 0; i < r->nslots; i++)
		atomic_store(&r->jit_done[i], 1);
}

void
rules_sizes(struct fig_rules *r, void (*fn)(void *ctx,
    const struct fig_code *c, size_t code, size_t jit), void *ctx)
{
	rules_jit(r);
	jit_all(r);
	for (int i = 0; i < r->ncodes; i++) {
		size_t code = 0, jit = 0;
		pcre2_pattern_info(r->codes[i].code, PCRE2_INFO_SIZE, &code);
		if (pcre2_pattern_info(r->codes[i].code, PCRE2_INFO_JITSIZE,
		    &jit) != 0)
			jit = 0;
		fn(ctx, &r->codes[i], code, jit);
	}
}

void
rules_jit_for(struct fig_rules *r, char *const *paths, int n)
{
	unsigned long long bytes = 0;
	const char *force = getenv("FIGTRACK_JIT");

	/* FIGTRACK_JIT=1: always; =all: every pattern at once, before any
	 * is matched (the benchmark's instruction counts) */
	if (force != NULL && strcmp(force, "1") == 0) {
		rules_jit(r);
		return;
	}
	if (force != NULL && strcmp(force, "all") == 0) {
		rules_jit(r);
		jit_all(r);
		return;
	}
	for (int i = 0; i < n; i++) {
		struct stat st;
		/* standard input, a pipe, anything without a size: it may
		 * be large, and the JIT costs a fixed 0.05 s at most */
		if (strcmp(paths[i], "-") == 0 || stat(paths[i], &st) != 0
		    || !S_ISREG(st.st_mode)) {
			rules_jit(r);
			return;
		}
		bytes += (unsigned long long)st.st_size;
	}
	if (bytes >= FIG_JIT_MIN_BYTES)
		rules_jit(r);
}

pcre2_match_data *
rules_match_data(const struct fig_rules *r)
{
	pcre2_match_data *md = pcre2_match_data_create(r->max_groups + 1, NULL);

	if (md == NULL) {
		fputs("figtrack: out of memory\n", stderr);
		exit(2);
	}
	return md;
}

/* A thread's matching state (rules.h). */
struct fig_mctx {
	pcre2_match_context *pc;	/* the rules' limits, an offset limit,
					   lexicon_callout */
	struct fig_lexcache lex;	/* the subject lexicon's ends in the
					   text last matched; unset (lex.r
					   NULL) when no pattern calls it */
};

static int match_in(const struct fig_rules *r, const struct fig_re *re,
    const char *s, size_t len, size_t start, uint32_t opts,
    struct fig_mctx *mc, pcre2_match_data *md, struct fig_err *err);

struct fig_mctx *
rules_match_context(const struct fig_rules *r)
{
	struct fig_mctx *mc = xcalloc(1, sizeof *mc);

	if ((mc->pc = pcre2_match_context_copy(r->mctx)) == NULL) {
		fputs("figtrack: out of memory\n", stderr);
		exit(2);
	}
	if (r->subject_lex.code != NULL) {
		lexicon_cache_init(&mc->lex, r);
		pcre2_set_callout(mc->pc, lexicon_callout, &mc->lex);
	}
	return mc;
}

void
rules_match_context_free(struct fig_mctx *mc)
{
	if (mc == NULL)
		return;
	pcre2_match_context_free(mc->pc);
	if (mc->lex.r != NULL)
		lexicon_cache_release(&mc->lex);
	free(mc);
}

int
rules_match_upto(const struct fig_rules *r, const struct fig_re *re,
    const char *s, size_t len, size_t start, size_t last,
    struct fig_mctx *mc, pcre2_match_data *md, struct fig_err *err)
{
	if (mc != NULL)
		/* a limit of its own for this search only */
		pcre2_set_offset_limit(mc->pc, !re->limited || last ==
		    (size_t)-1 ? PCRE2_UNSET : (PCRE2_SIZE)last);
	return match_in(r, re, s, len, start, 0, mc, md, err);
}

int
rules_match(const struct fig_rules *r, const struct fig_re *re,
    const char *s, size_t len, size_t start, uint32_t opts,
    pcre2_match_data *md, struct fig_err *err)
{
	return match_in(r, re, s, len, start, opts, NULL, md, err);
}

/* The error of a match that returned rc < 0 (not "no match"). */
static int
match_error(const struct fig_re *re, const struct fig_mctx *mc, int rc,
    struct fig_err *err)
{
	PCRE2_UCHAR msg[256];

	if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
	    rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT ||
	    (rc == PCRE2_ERROR_CALLOUT && re->lexical && !mc->lex.over))
		return err_set(err, FIG_ELIMIT, NULL, 0, 0, "the pattern of "
		    "rule %s hit the match limit on this text: simplify it "
		    "(nested repeats such as (a+)+ backtrack without end)",
		    re->where);
	if (rc == PCRE2_ERROR_CALLOUT && re->lexical)
		return err_set(err, FIG_ELIMIT, NULL, 0, 0, "the subject "
		    "lexicon matches in more than %d ways at one place of this "
		    "text (rule %s): split a [subject] pattern's optional "
		    "parts", FIG_LEX_WAYS, re->where);
	pcre2_get_error_message(rc, msg, sizeof msg);
	return err_set(err, FIG_EINPUT, NULL, 0, 0, "match error: %s",
	    (char *)msg);
}

static int
match_in(const struct fig_rules *r, const struct fig_re *re, const char *s,
    size_t len, size_t start, uint32_t opts, struct fig_mctx *mc,
    pcre2_match_data *md, struct fig_err *err)
{
	struct fig_mctx *own = NULL;
	int rc;

	if (re->code == NULL)
		return 0;
	/* the lexicon's stub reads its ends from a thread's state bound
	 * to the text: a caller without one gets one for this search */
	if (re->lexical && mc == NULL)
		mc = own = rules_match_context(r);
	if (re->lexical)
		lexicon_bind(&mc->lex, s, len);
	rules_jit_once(r, re);
	rc = pcre2_match(re->code, (PCRE2_SPTR)s, len, start,
	    opts | PCRE2_NO_UTF_CHECK, md, mc ? mc->pc : r->mctx);
	if (rc == 0)
		rc = (int)r->max_groups;
	else if (rc == PCRE2_ERROR_NOMATCH)
		rc = 0;
	else if (rc < 0)
		rc = match_error(re, mc, rc, err);
	rules_match_context_free(own);
	return rc;
}

/* The name of the first of v[0, n) whose matcher takes all of s[0,
 * len), or NULL. */
static const char *
whole_match(const struct fig_rules *r, const struct fig_entity *v, int n,
    const char *s, size_t len)
{
	pcre2_match_data *md;
	const char *found = NULL;

	const uint32_t all = (1u << 27) - 1;
	unsigned char c = len ? (unsigned char)s[0] : 0;
	/* only names that can start with s's first byte are tried, in
	 * their order: the first to match is the one it always was */
	uint32_t bit = (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ?
	    1u << ((c | 0x20) - 'a') : c >= 0x80 ? 1u << 26 : 0;

	if (n == 0 || (md = pcre2_match_data_create(4, NULL)) == NULL)
		return NULL;
	for (int i = 0; i < n && !found; i++) {
		if (bit ? (v[i].letters & bit) == 0 : v[i].letters != all)
			continue;
		rules_jit_once(r, &v[i].re);
		if (pcre2_match(v[i].re.code, (PCRE2_SPTR)s, len, 0,
		    PCRE2_NO_UTF_CHECK, md, r->mctx) >= 0)
			found = v[i].name;
	}
	pcre2_match_data_free(md);
	return found;
}

const char *
rules_entity(const struct fig_rules *r, const char *s, size_t len)
{
	return whole_match(r, r->entities, r->nentities, s, len);
}

const char *
rules_subject(const struct fig_rules *r, const char *s, size_t len)
{
	return whole_match(r, r->subjects, r->nsubjects, s, len);
}

/* The class of a unit's canonical name; a physical unit over a span of
 * time ("tonne/day", "m3/year", made with a [per] rule) is physical too,
 * as "barrel/day" is: a flow's amount. "" when none. */
const char *
rules_unit_class(const struct fig_rules *r, const char *canon)
{
	static const char *const spans[] = { "day", "week", "month", "year",
	    NULL };
	size_t n = strlen(canon);
	const char *slash = strchr(canon, '/');

	for (int i = 0; i < r->nunits; i++)
		if (r->units[i].uclass[0] && strcmp(r->units[i].canon, canon)
		    == 0)
			return r->units[i].uclass;
	for (int k = 0; slash && spans[k]; k++)
		if (strcmp(slash + 1, spans[k]) == 0)
			for (int i = 0; i < r->nunits; i++)
				if (strncmp(r->units[i].canon, canon,
				    (size_t)(slash - canon)) == 0 &&
				    r->units[i].canon[slash - canon] == '\0' &&
				    strcmp(r->units[i].uclass, "physical") == 0)
					return "physical";
	/* a unit named by the code matched ("chf" of [unit currency],
	 * code = yes): that unit's class */
	if (n == 3 && strspn(canon, "abcdefghijklmnopqrstuvwxyz") == 3)
		for (int i = 0; i < r->nunits; i++)
			if (r->units[i].code && r->units[i].uclass[0])
				return r->units[i].uclass;
	return "";
}
