/* cmd-rules.c: `figtrack rules check|test`: compile a rule set, and run
 * the example sentences the rules carry against their expected claims. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/cmd.h"
#include "figtrack/eval.h"
#include "figtrack/extract.h"

static const char usage[] =
    "usage: figtrack rules check [--rules DIR]\n"
    "       figtrack rules test [--rules DIR] [-v]\n"
    "       figtrack rules sizes [--rules DIR] [-v]\n"
    "\n"
    "check compiles every rule file and prints what it holds; a bad\n"
    "pattern fails with FILE:LINE:COL and PCRE2's message.\n"
    "sizes JIT-compiles every pattern and prints the bytes of the\n"
    "patterns (macros expanded), of their compiled form and of their\n"
    "machine code, by rule file and in all (-v: each pattern, its rule's\n"
    "FILE:LINE, 'stub' when the subject lexicon is called, not held).\n"
    "test runs every 'example = TEXT => EXPECT' line: EXPECT is 'none' or\n"
    "'VALUE UNIT' followed by key=value pairs (qualifier, low, high,\n"
    "period, period_kind, metric, entity, partner, footnote; published= sets the\n"
    "publication date). An example passes when one extracted claim has\n"
    "every field given. Exit 1 when an example fails.\n";

struct collect {
	struct fig_claim *c;
	int n;
};

static int
on_claim(void *ctx, const struct fig_claim *c)
{
	struct collect *k = ctx;

	k->c = xrealloc(k->c, (size_t)(k->n + 1) * sizeof *k->c);
	claim_copy(&k->c[k->n++], c);
	return 0;
}

/* Does claim c have every field of the expectation words w[1..n)? */
static int
fits(const struct fig_claim *c, char **w, int n)
{
	double v;
	char *end;

	v = strtod(w[0], &end);
	if (*end || !eval_same_value(v, c->value))
		return 0;
	if (n > 1 && strchr(w[1], '=') == NULL && strcmp(w[1], c->unit) != 0)
		return 0;
	for (int i = 1; i < n; i++) {
		char *eq = strchr(w[i], '=');
		const char *k = w[i], *val;
		char num[64];
		if (eq == NULL)
			continue;
		val = eq + 1;
		*eq = '\0';
		if (strcmp(k, "qualifier") == 0 &&
		    strcmp(val, claim_qual_name(c->qual)) != 0)
			goto no;
		if (strcmp(k, "period") == 0 && strcmp(val, c->period) != 0)
			goto no;
		if (strcmp(k, "period_kind") == 0 &&
		    strcmp(val, claim_kind_name(c->kind)) != 0)
			goto no;
		if (strcmp(k, "metric") == 0 && strcmp(val, c->metric) != 0)
			goto no;
		if (strcmp(k, "entity") == 0 && strcmp(val, c->entity) != 0)
			goto no;
		if (strcmp(k, "partner") == 0 && strcmp(val, c->partner) != 0)
			goto no;
		if (strcmp(k, "footnote") == 0 && strcmp(val, c->footnote) != 0)
			goto no;
		if (strcmp(k, "low") == 0) {
			claim_fmt_number(c->low, num, sizeof num);
			if (!c->has_low || strcmp(val, num) != 0)
				goto no;
		}
		if (strcmp(k, "high") == 0) {
			claim_fmt_number(c->high, num, sizeof num);
			if (!c->has_high || strcmp(val, num) != 0)
				goto no;
		}
		*eq = '=';
		continue;
no:
		*eq = '=';
		return 0;
	}
	return 1;
}

/* Splits s in place on spaces; entity names may hold spaces, so a word
 * without '=' after a key=value pair joins the previous word. */
static int
split(char *s, char **w, int max)
{
	int n = 0;
	char *p = strtok(s, " ");

	while (p && n < max) {
		if (n >= 2 && strchr(p, '=') == NULL) {
			p[-1] = ' ';	/* glue back onto the previous pair */
		} else
			w[n++] = p;
		p = strtok(NULL, " ");
	}
	return n;
}

static int
run_example(const struct fig_rules *r, const struct fig_example *ex,
    int verbose, int *failed)
{
	struct fig_extract_opts opts = { NULL, 0, NULL };
	struct collect k = { NULL, 0 };
	struct fig_extract_cbs cbs = { on_claim, NULL, &k };
	struct fig_err err;
	char *expect = xstrdup(ex->expect), *w[24], *pub;
	int n, ok = 0;

	err_clear(&err);
	if ((pub = strstr(expect, "published=")) != NULL) {
		char *sp = strchr(pub, ' ');
		opts.published = pub + 10;
		if (sp)
			*sp = '\0';
		opts.published = xstrdup(opts.published);
		if (sp)
			memmove(pub, sp + 1, strlen(sp + 1) + 1);
		else
			*pub = '\0';
	}
	if (extract_mem(r, ex->text, strlen(ex->text), "example", &opts, &cbs,
	    NULL, &err) != 0) {
		char line[1024];
		err_format(&err, line, sizeof line);
		printf("FAIL %s:%ld: %s\n", ex->at.file, ex->line, line);
		(*failed)++;
		goto out;
	}
	n = split(expect, w, 24);
	if (n == 0 || strcmp(w[0], "none") == 0)
		ok = k.n == 0;
	else
		for (int i = 0; i < k.n && !ok; i++) {
			char *copy = xstrdup(ex->expect), *w2[24];
			int n2;
			if ((pub = strstr(copy, "published=")) != NULL)
				*pub = '\0';
			n2 = split(copy, w2, 24);
			ok = fits(&k.c[i], w2, n2);
			free(copy);
		}
	if (!ok) {
		(*failed)++;
		printf("FAIL %s:%ld: \"%s\" => %s\n", ex->at.file, ex->line,
		    ex->text, ex->expect);
		for (int i = 0; i < k.n; i++) {
			char v[64];
			claim_fmt_number(k.c[i].value, v, sizeof v);
			printf("  got %s %s qualifier=%s period=%s "
			    "period_kind=%s metric=%s entity=%s partner=%s\n", v,
			    k.c[i].unit, claim_qual_name(k.c[i].qual),
			    k.c[i].period, claim_kind_name(k.c[i].kind),
			    k.c[i].metric, k.c[i].entity, k.c[i].partner);
		}
		if (k.n == 0)
			printf("  got no claim\n");
	} else if (verbose)
		printf("PASS %s:%ld\n", ex->at.file, ex->line);
out:
	for (int i = 0; i < k.n; i++)
		claim_release(&k.c[i]);
	free(k.c);
	free(expect);
	free((char *)opts.published);
	return 0;
}

/* The sizes of a rule file's patterns, or of all (rules sizes). */
struct size_sum {
	char file[64];
	int n, stubs;
	size_t src, code, jit;
};

struct sizes {
	struct size_sum *by;	/* by rule file, in the order first met */
	int nby;
	struct size_sum all;
	int verbose;
};

static void
size_add(struct size_sum *s, const struct fig_code *c, size_t code,
    size_t jit)
{
	s->n++;
	s->stubs += c->lexical;
	s->src += c->src;
	s->code += code;
	s->jit += jit;
}

static void
on_size(void *ctx, const struct fig_code *c, size_t code, size_t jit)
{
	struct sizes *z = ctx;
	size_t n = strcspn(c->where, ":");
	int i = 0;

	if (z->verbose)
		printf("%-36s %8zu %8zu %9zu%s\n", c->where, c->src, code, jit,
		    c->lexical ? " stub" : "");
	while (i < z->nby && (strlen(z->by[i].file) != n ||
	    strncmp(z->by[i].file, c->where, n) != 0))
		i++;
	if (i == z->nby) {
		z->by = xrealloc(z->by, (size_t)(z->nby + 1) * sizeof *z->by);
		memset(&z->by[i], 0, sizeof *z->by);
		snprintf(z->by[i].file, sizeof z->by[i].file, "%.*s", (int)n,
		    c->where);
		z->nby++;
	}
	size_add(&z->by[i], c, code, jit);
	size_add(&z->all, c, code, jit);
}

static void
print_sum(const struct size_sum *s, const char *name)
{
	printf("%-28s %5d patterns (%d with the stub) %9zu %9zu %10zu\n",
	    name, s->n, s->stubs, s->src, s->code, s->jit);
}

/* `rules sizes`: what the compiled rules take, by rule file. */
static void
print_sizes(struct fig_rules *r, int verbose)
{
	struct sizes z;

	memset(&z, 0, sizeof z);
	z.verbose = verbose;
	if (verbose)
		printf("%-36s %8s %8s %9s\n", "rule", "pattern", "compiled",
		    "jit");
	rules_sizes(r, on_size, &z);
	printf("%-28s %-37s %9s %9s %10s\n", "file", "", "pattern",
	    "compiled", "jit");
	for (int i = 0; i < z.nby; i++)
		print_sum(&z.by[i], z.by[i].file);
	print_sum(&z.all, "all");
	free(z.by);
}

static int
exec_rules(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "rules", required_argument, NULL, 'r' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *dir = NULL, *sub;
	struct fig_rules *r;
	struct fig_err err;
	int c, verbose = 0, failed = 0;

	err_clear(&err);
	while ((c = getopt_long(argc, argv, "r:vh", longopts, NULL)) != -1) {
		switch (c) {
		case 'r': dir = optarg; break;
		case 'v': verbose = 1; break;
		case 'h': return cmd_help(&cmd_rules_entry);
		default: return cmd_usage_error(&cmd_rules_entry, "bad option");
		}
	}
	if (optind + 1 != argc)
		return cmd_usage_error(&cmd_rules_entry, "give 'check', "
		    "'test' or 'sizes'");
	sub = argv[optind];
	if (strcmp(sub, "check") != 0 && strcmp(sub, "test") != 0 &&
	    strcmp(sub, "sizes") != 0)
		return cmd_usage_error(&cmd_rules_entry, "unknown subcommand "
		    "'%s'", sub);
	if (rules_load(&r, rules_default_dir(dir), &err) != 0)
		return cmd_fail(&err);
	if (strcmp(sub, "check") == 0) {
		printf("%s: %d number words, %d units, %d scales, %d "
		    "qualifiers, %d period rules, %d exclusions, %d entities, "
		    "%d topics, %d examples\n", r->dir, r->nwords, r->nunits,
		    r->nscales, r->nquals, r->nperiods, r->nexcludes,
		    r->nentities, r->ntopics, r->nexamples);
		rules_free(r);
		return FIG_EXIT_OK;
	}
	if (strcmp(sub, "sizes") == 0) {
		print_sizes(r, verbose);
		rules_free(r);
		return FIG_EXIT_OK;
	}
	for (int i = 0; i < r->nexamples; i++)
		run_example(r, &r->examples[i], verbose, &failed);
	printf("%d passed, %d failed\n", r->nexamples - failed, failed);
	rules_free(r);
	return failed ? FIG_EXIT_FOUND : FIG_EXIT_OK;
}

const struct fig_cmd cmd_rules_entry = {
	"rules", "check rule files and run their examples", usage, exec_rules
};
