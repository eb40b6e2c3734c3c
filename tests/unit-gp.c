/* unit-gp.c: the gnuplot module: period placement, string escaping, file
 * names, short names, the chart writer (determinism, injection) and
 * rendering with the real gnuplot into SVG, PNG and PDF. Run from the
 * source tree's root (tests/run.sh does), where plots/style.gp is. */
#include <sys/stat.h>
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "figtrack/gp.h"
#include "figtrack/text.h"

/* --- helpers ------------------------------------------------------------ */

static char tmpdir[PATH_MAX];
static char styledir[PATH_MAX];

static const char *
tmp_path(const char *name)
{
	static char p[PATH_MAX + 512];

	snprintf(p, sizeof p, "%s/%s", tmpdir, name);
	return p;
}

static int
file_exists(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0;
}

/* Reads a whole file into b; returns 0 or -1. */
static int
slurp(const char *path, struct fig_buf *b)
{
	FILE *f = fopen(path, "rb");
	char chunk[4096];
	size_t n;

	buf_reset(b);
	if (f == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(b, chunk, n);
	fclose(f);
	return 0;
}

static char *
quoted(const char *s)
{
	struct fig_buf b = FIG_BUF_INIT;

	gp_quote(&b, s);
	return buf_detach(&b);
}

static char *
fname(const char *s)
{
	struct fig_buf b = FIG_BUF_INIT;

	gp_file_name(&b, s);
	return buf_detach(&b);
}

/* A single-quoted gnuplot literal spanning all of q: opens with ', every
 * inner ' is doubled, closes with ' at the very end, one line. */
static int
is_one_literal(const char *q)
{
	size_t n = strlen(q), i;

	if (n < 2 || q[0] != '\'' || q[n - 1] != '\'')
		return 0;
	for (i = 1; i < n - 1; i++) {
		if (q[i] == '\n' || q[i] == '\r')
			return 0;
		if (q[i] == '\'') {
			if (q[i + 1] != '\'' || i + 1 == n - 1)
				return 0;
			i++;
		}
	}
	return 1;
}

/* Lexes a script the way gnuplot reads it, line by line, and checks that
 * nothing outside single-quoted strings could run a command or expand
 * text: no backquote and no "system" outside them or comments, no
 * double-quoted string holding either, every single-quoted string closed
 * on its line, and no line continued with a backslash. Datablock lines are
 * raw data to gnuplot: they must be comments or numbers. */
static int
script_is_inert(const char *script, char *why, size_t nwhy)
{
	const char *line = script;
	long lineno = 0;
	int in_block = 0;

	while (*line) {
		const char *e = strchr(line, '\n'), *p;
		size_t len;
		lineno++;
		if (e == NULL)
			e = line + strlen(line);
		len = (size_t)(e - line);
		if (in_block) {
			if (len == 3 && memcmp(line, "EOD", 3) == 0)
				in_block = 0;
			else if (line[0] != '#') {
				for (p = line; p < e; p++)
					if (!strchr("0123456789.-+e ", *p)) {
						snprintf(why, nwhy, "line %ld: "
						    "data row holds '%c'",
						    lineno, *p);
						return 0;
					}
			}
			goto next;
		}
		if (len > 0 && line[len - 1] == '\\' &&
		    !(len == 6 && memcmp(line, "plot \\", 6) == 0) &&
		    !(len >= 3 && memcmp(e - 3, ", \\", 3) == 0)) {
			snprintf(why, nwhy, "line %ld: continued", lineno);
			return 0;
		}
		for (p = line; p < e; p++) {
			if (*p == '#')
				break;
			if (*p == '\'') {
				for (p++; p < e; p++)
					if (*p == '\'') {
						if (p + 1 < e && p[1] == '\'')
							p++;
						else
							break;
					}
				if (p == e) {
					snprintf(why, nwhy, "line %ld: open "
					    "single quote", lineno);
					return 0;
				}
				continue;
			}
			if (*p == '"') {
				const char *s = ++p;
				while (p < e && *p != '"')
					p += *p == '\\' ? 2 : 1;
				if (p >= e || memchr(s, '`', (size_t)(p - s)) ||
				    memchr(s, '@', (size_t)(p - s))) {
					snprintf(why, nwhy, "line %ld: double-"
					    "quoted text", lineno);
					return 0;
				}
				continue;
			}
			if (*p == '`' || *p == '@' ||
			    (e - p >= 6 && memcmp(p, "system", 6) == 0)) {
				snprintf(why, nwhy, "line %ld: '%.20s' outside "
				    "a string", lineno, p);
				return 0;
			}
		}
		if (len > 6 && memcmp(e - 6, "<< EOD", 6) == 0)
			in_block = 1;
next:
		line = *e ? e + 1 : e;
	}
	if (in_block) {
		snprintf(why, nwhy, "datablock not closed");
		return 0;
	}
	return 1;
}

/* A hand-built series with every kind of figure. */
struct fixture {
	struct fig_claim c[9];
	struct gp_point p[9];
	const char *dirs[2];
	struct gp_chart chart;
};

static void
set_claim(struct fig_claim *c, long line, const char *quote, double v,
    const char *unit, const char *period, enum fig_qual q)
{
	claim_init(c);
	c->doc = "doc";
	c->line = line;
	c->quote = xstrdup(quote);
	c->value = v;
	c->qual = q;
	snprintf(c->unit, sizeof c->unit, "%s", unit);
	snprintf(c->period, sizeof c->period, "%s", period);
	snprintf(c->metric, sizeof c->metric, "neon.world_supply_share");
	snprintf(c->entity, sizeof c->entity, "Russia");
}

static void
fixture_init(struct fixture *f, const char *entity, const char *base_src,
    const char *later_src, const char *quote)
{
	memset(f, 0, sizeof *f);
	/* baseline report, 2022-11 */
	set_claim(&f->c[0], 10, quote, 30, "percent", "2020", FIG_Q_APPROX);
	set_claim(&f->c[1], 12, "between 30 and 40 percent", 35, "percent",
	    "2021", FIG_Q_RANGE);
	f->c[1].has_low = f->c[1].has_high = 1;
	f->c[1].low = 30;
	f->c[1].high = 40;
	set_claim(&f->c[2], 14, "50 percent by 2025", 50, "percent", "2025",
	    FIG_Q_EXACT);
	f->c[2].kind = FIG_PK_TARGET;
	set_claim(&f->c[3], 15, "a quarter of supply", 25, "percent", "",
	    FIG_Q_EXACT);	/* no period: at the publication date */
	/* a later source, 2023-03 */
	set_claim(&f->c[4], 3, "more than 80 percent", 80, "percent",
	    "2022-H1", FIG_Q_MORE_THAN);
	f->c[4].has_low = 1;
	f->c[4].low = 80;
	set_claim(&f->c[5], 4, "almost 20 percent", 20, "percent", "2022-Q4",
	    FIG_Q_ALMOST);
	f->c[5].has_high = 1;
	f->c[5].high = 20;
	set_claim(&f->c[6], 5, "US$2 billion", 2e9, "usd", "2022",
	    FIG_Q_EXACT);	/* another unit: left out */
	set_claim(&f->c[7], 6, "in the spring", 40, "percent", "spring",
	    FIG_Q_EXACT);	/* no usable period: left out */
	set_claim(&f->c[8], 7, "the same 30 percent", 30, "percent", "2020",
	    FIG_Q_EXACT);	/* same place as c[0], other source */
	for (int i = 0; i < 9; i++) {
		int base = i < 4;
		if (entity)
			snprintf(f->c[i].entity, sizeof f->c[i].entity, "%s",
			    entity);
		f->p[i].claim = &f->c[i];
		f->p[i].source_id = base ? 1 : 2;
		f->p[i].source = base ? base_src : later_src;
		f->p[i].published = base ? "2022-11" : "2023-03-15";
		f->p[i].baseline = base;
	}
	f->dirs[0] = styledir;
	f->dirs[1] = NULL;
	f->chart.metric = "neon.world_supply_share";
	f->chart.entity = entity ? entity : "Russia";
	f->chart.name = "chart";
	f->chart.format = "svg";
	f->chart.style = "style.gp";
	f->chart.style_dirs = f->dirs;
	f->chart.points = f->p;
	f->chart.npoints = 9;
}

static void
fixture_release(struct fixture *f)
{
	for (int i = 0; i < 9; i++)
		claim_release(&f->c[i]);
}

/* Writes the chart's script into tmpdir as NAME.gp and renders it; returns
 * gp_run's result. */
static int
render(const struct gp_chart *chart, struct fig_buf *log, struct fig_err *err)
{
	struct fig_buf s = FIG_BUF_INIT, path = FIG_BUF_INIT;
	struct gp_result res;
	int rc;

	if (gp_write_script(&s, chart, &res, err) < 0) {
		buf_release(&s);
		return -1;
	}
	buf_addf(&path, "%s/%s.gp", tmpdir, chart->name);
	rc = gp_write_file(path.data, s.data, s.len, err);
	buf_reset(&path);
	buf_addf(&path, "%s.gp", chart->name);
	if (rc == 0)
		rc = gp_run("gnuplot", tmpdir, path.data, log, err);
	buf_release(&s);
	buf_release(&path);
	return rc;
}

/* --- periods -------------------------------------------------------------- */

static void
test_period_forms(void)
{
	double x = 0;

	CHECK(gp_period_x("2022", &x) == 0);
	CHECK_NUM(x, 2022.5);
	CHECK(gp_period_x("2024", &x) == 0);	/* leap year: still the middle */
	CHECK_NUM(x, 2024.5);
	CHECK(gp_period_x("2022-H1", &x) == 0);	/* 1 April, noon */
	CHECK_NUM(x, 2022 + 90.5 / 365);
	CHECK(x > 2022 + 89.0 / 365 && x < 2022 + 91.0 / 365);
	CHECK(gp_period_x("2022-H2", &x) == 0);
	CHECK_NUM(x, 2022 + (181 + 92) / 365.0);
	CHECK(gp_period_x("2022-Q1", &x) == 0);
	CHECK_NUM(x, 2022 + 45 / 365.0);
	CHECK(gp_period_x("2022-Q4", &x) == 0);
	CHECK_NUM(x, 2022 + (273 + 46) / 365.0);
	CHECK(gp_period_x("2022-03", &x) == 0);
	CHECK_NUM(x, 2022 + (59 + 15.5) / 365);
	CHECK(gp_period_x("2022-03-01", &x) == 0);
	CHECK_NUM(x, 2022 + 59.5 / 365);
	CHECK(gp_period_x("2024-03-01", &x) == 0);	/* after 29 Feb */
	CHECK_NUM(x, 2024 + 60.5 / 366);
	CHECK(gp_period_x("2024-02-29", &x) == 0);
	CHECK(gp_period_x("2022-12-31", &x) == 0);
	CHECK(x < 2023 && x > 2022.99);
	CHECK(gp_period_x("2022-01-01", &x) == 0);
	CHECK(x > 2022 && x < 2022.01);
	/* every form lies inside its own year, in order */
	{
		double a, b, c, d;
		CHECK(gp_period_x("2021-Q2", &a) == 0);
		CHECK(gp_period_x("2021-H1", &b) == 0);
		CHECK(gp_period_x("2021-06", &c) == 0);
		CHECK(gp_period_x("2021-Q3", &d) == 0);
		CHECK(a > 2021 && a < b + 0.25 && b < c && c < d && d < 2022);
	}
}

static void
test_period_rejects(void)
{
	const char *bad[] = { "", "22", "202", "20222", "2022-", "2022-1",
	    "2022-13", "2022-00", "2022-01-1", "2022-01-32", "2022-02-29",
	    "2023-02-29", "2022-H3", "2022-H", "2022-Q0", "2022-Q5",
	    "2022-Q1x", "2022-03-01x", "abcd", "2022/03", "0000", "spring",
	    " 2022", "2022 ", NULL };
	double x = -1;

	for (int i = 0; bad[i]; i++) {
		if (gp_period_x(bad[i], &x) == 0)
			printf("  accepted '%s'\n", bad[i]);
		CHECK(gp_period_x(bad[i], &x) < 0);
	}
	CHECK(gp_period_x(NULL, &x) < 0);
	CHECK_NUM(x, -1);	/* untouched on failure */
}

/* --- escaping ------------------------------------------------------------- */

static void
test_quote_basic(void)
{
	char *q;

	q = quoted("Russia");
	CHECK_STR(q, "'Russia'");
	free(q);
	q = quoted("");
	CHECK_STR(q, "''");
	free(q);
	q = quoted(NULL);
	CHECK_STR(q, "''");
	free(q);
	q = quoted("China's share");
	CHECK_STR(q, "'China''s share'");
	free(q);
	q = quoted("'");
	CHECK_STR(q, "''''");
	CHECK(is_one_literal(q));
	free(q);
	q = quoted("''x''");
	CHECK_STR(q, "'''''x'''''");
	CHECK(is_one_literal(q));
	free(q);
	/* enhanced-text markup and backslashes are literal in '...' */
	q = quoted("a^2_b @x {y} \\n \\");
	CHECK_STR(q, "'a^2_b @x {y} \\n \\'");
	free(q);
	/* UTF-8 passes through */
	q = quoted("\xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD1\x8F \xE2\x80\x93 "
	    "\xE4\xB8\xAD\xE5\x9B\xBD \xF0\x9F\x98\x80");
	CHECK_STR(q, "'\xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD1\x8F "
	    "\xE2\x80\x93 \xE4\xB8\xAD\xE5\x9B\xBD \xF0\x9F\x98\x80'");
	free(q);
}

static void
test_quote_controls(void)
{
	char *q;
	size_t bad;

	q = quoted("a\nb\rc\td\x01" "e\x7f" "f");
	CHECK_STR(q, "'a b c d e f'");
	free(q);
	/* C1 control (U+0085 NEL) and U+2028 line separator */
	q = quoted("a\xC2\x85" "b\xE2\x80\xA8" "c\xE2\x80\xA9" "d");
	CHECK_STR(q, "'a b c d'");
	free(q);
	/* invalid UTF-8: stray byte, overlong '/', surrogate, truncated */
	q = quoted("a\xFF" "b\xC0\xAF" "c\xED\xA0\x80" "d\xE2\x82");
	CHECK(text_utf8_check(q, strlen(q), &bad) == 0);
	CHECK(strncmp(q, "'a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD" "c", 10)
	    == 0);
	CHECK(strchr(q, '/') == NULL);
	CHECK(is_one_literal(q));
	free(q);
}

static void
test_quote_payloads(void)
{
	const char *payloads[] = {
		"\"; system(\"touch /tmp/pwned\"); \"",
		"'; system('touch /tmp/pwned'); '",
		"`touch /tmp/pwned`",
		"x'\nsystem('touch /tmp/pwned')\n'",
		"x\r\n!touch /tmp/pwned",
		"@macro `id` $(id) ${HOME}",
		"'' `a` '''",
		"end\\",
		"\xE2\x80\xA8system('id')\xE2\x80\xA9",
		NULL
	};

	for (int i = 0; payloads[i]; i++) {
		char *q = quoted(payloads[i]);
		if (!is_one_literal(q))
			printf("  not one literal: %s\n", q);
		CHECK(is_one_literal(q));
		free(q);
	}
}

/* --- file names ----------------------------------------------------------- */

static int
name_is_safe(const char *n)
{
	size_t bad;

	return n[0] && n[0] != '.' && n[0] != '-' && !strchr(n, '/') &&
	    !strchr(n, '\\') && !strstr(n, "..") && strlen(n) <= GP_NAME_MAX &&
	    n[strlen(n) - 1] != '.' &&
	    text_utf8_check(n, strlen(n), &bad) == 0 &&
	    strcspn(n, "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d"
	    "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d"
	    "\x1e\x1f\x7f \"'`$*?<>|:;&") == strlen(n);
}

static void
test_file_name(void)
{
	static const char *const cases[][2] = {
		{ "neon.world_supply_share", "neon.world_supply_share" },
		{ "Russia+Ukraine", "Russia+Ukraine" },
		{ "PRC", "PRC" },
		{ "a b", "a_b" },
		{ "a/b", "a_b" },
		{ "..", "__" },
		{ ".", "_" },
		{ "../../etc/passwd", "_._.__etc_passwd" },
		{ "a..b", "a._b" },
		{ "a...b", "a._.b" },
		{ ".hidden", "_hidden" },
		{ "-rf", "_rf" },
		{ "x-y", "x-y" },
		{ "name.", "name_" },
		{ "", "_" },
		{ "a\nb\tc\x01" "d\x7f", "a_b_c_d_" },
		{ "C:\\x", "C__x" },
		{ "a'b\"c`d$e;f", "a_b_c_d_e_f" },
		{ "\xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD1\x8F",
		    "\xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD1\x8F" },
		{ "\xE4\xB8\xAD\xE5\x9B\xBD", "\xE4\xB8\xAD\xE5\x9B\xBD" },
		{ "a\xFF" "b", "a_b" },
		{ "a\xC0\xAF" "b", "a__b" },	/* overlong '/' */
		{ "a\xE2\x80\xAE" "b", "a_b" },	/* right-to-left override */
		{ "a\xC2\x85" "b", "a_b" },	/* C1 control */
		{ "a\xE2\x80\x8B" "b", "a_b" },	/* zero-width space */
		{ NULL, NULL }
	};
	char long_in[400], *n;

	for (int i = 0; cases[i][0]; i++) {
		n = fname(cases[i][0]);
		CHECK_STR(n, cases[i][1]);
		CHECK(name_is_safe(n));
		free(n);
	}
	/* long names are cut at a character boundary */
	memset(long_in, 'a', 99);
	strcpy(long_in + 99, "\xD0\xA0\xD0\xA0\xD0\xA0");
	n = fname(long_in);
	CHECK(strlen(n) == 99);
	CHECK(name_is_safe(n));
	free(n);
	for (int i = 0; i < 300; i++)
		long_in[i] = "./\\.\n"[i % 5];
	long_in[300] = '\0';
	n = fname(long_in);
	CHECK(name_is_safe(n));
	free(n);
	/* appending keeps what was there */
	{
		struct fig_buf b = FIG_BUF_INIT;
		buf_adds(&b, "m--");
		gp_file_name(&b, "..");
		CHECK_STR(buf_str(&b), "m--__");
		buf_release(&b);
	}
}

static void
test_file_name_bytes(void)
{
	/* every single byte and every pair of a few dangerous bytes */
	char in[3];
	const char hot[] = { '.', '/', '\\', '\n', '-', 'a', (char)0xC3,
	    (char)0xA9, 0 };

	for (int c = 1; c < 256; c++) {
		char *n;
		in[0] = (char)c;
		in[1] = '\0';
		n = fname(in);
		CHECK(name_is_safe(n));
		free(n);
	}
	for (int i = 0; hot[i]; i++)
		for (int j = 0; hot[j]; j++) {
			char *n;
			in[0] = hot[i];
			in[1] = hot[j];
			in[2] = '\0';
			n = fname(in);
			CHECK(name_is_safe(n));
			free(n);
		}
}

static void
test_short_name(void)
{
	struct fig_buf b = FIG_BUF_INIT;

	gp_short_name(&b, "ACRI report", "x.txt", 24);
	CHECK_STR(buf_str(&b), "ACRI report");
	buf_reset(&b);
	gp_short_name(&b, "  China and\n Russia:   tech  ", "x.txt", 24);
	CHECK_STR(buf_str(&b), "China and Russia");
	buf_reset(&b);
	gp_short_name(&b, "Russia's Tech Dependence on China Deepens after "
	    "the Invasion", "x.txt", 25);
	CHECK_STR(buf_str(&b), "Russia's Tech Dependence\xE2\x80\xA6");
	buf_reset(&b);
	gp_short_name(&b, "Supercalifragilisticexpialidocious-report", NULL,
	    12);
	CHECK_STR(buf_str(&b), "Supercalifr\xE2\x80\xA6");
	buf_reset(&b);
	gp_short_name(&b, "", "data/samples/acri-2022.txt", 24);
	CHECK_STR(buf_str(&b), "acri-2022");
	buf_reset(&b);
	gp_short_name(&b, NULL, "customs.csv", 24);
	CHECK_STR(buf_str(&b), "customs");
	buf_reset(&b);
	gp_short_name(&b, " ", ".hidden", 24);
	CHECK_STR(buf_str(&b), ".hidden");
	buf_reset(&b);
	gp_short_name(&b, "GACC (General Administration of Customs of China) "
	    "annual trade data 2020", "x.csv", 28);
	CHECK_STR(buf_str(&b), "GACC annual trade data 2020");
	buf_reset(&b);
	gp_short_name(&b, "TASS: Russian Ministry of Industry and Trade on the "
	    "strategy", NULL, 28);
	CHECK_STR(buf_str(&b), "TASS");
	buf_reset(&b);
	gp_short_name(&b, "China-Russia cooperation (UTS:ACRI, November 2022): "
	    "briefing", NULL, 28);
	CHECK_STR(buf_str(&b), "China-Russia cooperation");
	buf_reset(&b);
	gp_short_name(&b, "A (b (c) d), e (f", NULL, 28);
	CHECK_STR(buf_str(&b), "A (b (c) d), e (f");	/* unclosed: as is */
	buf_reset(&b);
	gp_short_name(&b, "A (b (c) d), e", NULL, 28);
	CHECK_STR(buf_str(&b), "A, e");
	buf_reset(&b);
	gp_short_name(&b, "(only an aside)", NULL, 28);
	CHECK_STR(buf_str(&b), "(only an aside)");
	buf_reset(&b);
	gp_short_name(&b, "Ab: c", NULL, 28);	/* too short a head */
	CHECK_STR(buf_str(&b), "Ab: c");
	buf_reset(&b);
	/* UTF-8 counted in characters, never cut inside one */
	gp_short_name(&b, "\xD0\xA0\xD0\xA0\xD0\xA0\xD0\xA0\xD0\xA0", NULL, 3);
	CHECK_STR(buf_str(&b), "\xD0\xA0\xD0\xA0\xE2\x80\xA6");
	buf_release(&b);
}

/* --- the writer ----------------------------------------------------------- */

static void
test_script_content(void)
{
	struct fixture f;
	struct fig_buf s = FIG_BUF_INIT;
	struct gp_result res;
	struct fig_err err;
	char why[200];

	fixture_init(&f, NULL, "ACRI", "Later Source", "about 30 percent");
	f.p[5].label = "GACC data 2021-01-14";	/* a dataset row's own */
	CHECK(gp_write_script(&s, &f.chart, &res, &err) == 0);
	/* the dataset row's own label names the latest figure of its panel */
	CHECK(strstr(s.data, "'latest: almost 20%, GACC data 2021-01-14' at "
	    "graph ") != NULL);
	CHECK(res.plotted == 7);
	CHECK(res.skipped_unit == 1);
	CHECK(res.skipped_time == 1);
	CHECK(res.sources == 2);
	CHECK_STR(res.unit, "percent");
	/* one panel per kind of span: years, the half-year, the quarter and
	 * the figure dated by its source never share one */
	CHECK(res.panels == 4);
	CHECK(strstr(s.data, "fig_panels = 4\n") != NULL);
	CHECK(strstr(s.data, "set multiplot layout 4,1 title "
	    "'neon.world_supply_share (Russia)' font fig_title_font "
	    "noenhanced\n") != NULL);
	CHECK(strstr(s.data, "set title 'years' noenhanced\n") != NULL);
	CHECK(strstr(s.data, "set title 'half-years' noenhanced\n") != NULL);
	CHECK(strstr(s.data, "set title 'quarters' noenhanced\n") != NULL);
	CHECK(strstr(s.data, "set title 'months'") == NULL);
	CHECK(strstr(s.data, "unset multiplot\n") != NULL);
	CHECK(strstr(s.data, "set ylabel 'percent' noenhanced\n") != NULL);
	CHECK(strstr(s.data, "load 'style.gp'\n") != NULL);
	CHECK(strstr(s.data, "set output 'chart.' . fig_format\n") != NULL);
	CHECK(strstr(s.data, "fig_format = 'svg'") != NULL);
	CHECK(strstr(s.data, "set xrange [2020:2026]\n") != NULL);
	/* the yearly panel: its own y range; the half-year panel's from 0 */
	CHECK(strstr(s.data, "set yrange [28.4:52.8]\n") != NULL);
	CHECK(strstr(s.data, "set yrange [0:91.2]\n") != NULL);
	/* the baseline report's figures are line type 1, circles, joined
	 * by a line left to right; the target is not on it */
	CHECK(strstr(s.data, "$s1_p1_line << EOD\n2020.5 30\n2021.5 35\nEOD\n")
	    != NULL);
	CHECK(strstr(s.data, "$s1_p1_line using 1:2 with lines lt 1 notitle")
	    != NULL);
	CHECK(strstr(s.data, "$s1_p1_fig using 1:2 with points lt 1 "
	    "pt fig_pt_base ps fig_ps_base notitle") != NULL);
	CHECK(strstr(s.data, "$s1_p1_figr using 1:2:3:4 with yerrorbars lt 1")
	    != NULL);
	CHECK(strstr(s.data, "$s1_p1_tgt using 1:2 with points lt 1 "
	    "pt fig_pt_base_target") != NULL);
	CHECK(strstr(s.data, "$s1_p1_tline") == NULL);	/* one target only */
	CHECK(strstr(s.data, "$s2_p1_fig using 1:2 with points lt 2 "
	    "pt fig_pt_later ps fig_ps_later") != NULL);
	CHECK(strstr(s.data, "$s2_p1_line") == NULL);	/* one figure only */
	CHECK(strstr(s.data, "keyentry with linespoints lt 1 pt fig_pt_base ps "
	    "fig_ps_base title 'baseline report: ACRI (2022-11)' noenhanced")
	    != NULL);
	CHECK(strstr(s.data, "title 'Later Source (2023-03-15)' noenhanced")
	    != NULL);
	CHECK(strstr(s.data, "dt 2 pt fig_pt_later_target ps fig_ps_later "
	    "title 'hollow, dashed: a target") != NULL);
	/* the range row: x y low high */
	CHECK(strstr(s.data, "\n2021.5 35 30 40\n") != NULL);
	/* the target at its target date */
	CHECK(strstr(s.data, "$s1_p1_tgt << EOD\n# 'ACRI 2022-11' line 14, "
	    "period, exact, target: '50 percent by 2025'\n2025.5 50\nEOD\n")
	    != NULL);
	/* no period: at the publication date, 2022-11, in the last panel */
	CHECK(strstr(s.data, "$s1_p5_fig << EOD\n# 'ACRI 2022-11' line 15, "
	    "published, exact, observed: 'a quarter of supply'\n2022.873")
	    != NULL);
	/* more than 80 in 2022-H1: arrow up from 80; almost 20: down */
	CHECK(strstr(s.data, "set arrow 1 from first 2022.247945, first 80 "
	    "rto graph 0, graph 0.07 as 2 front\n") != NULL);
	CHECK(strstr(s.data, "first 20 rto graph 0, graph -0.07 as 2 front")
	    != NULL);
	/* values: every baseline figure, and the latest later one; the
	 * same 30 from the later source sits right of the baseline's, so
	 * the baseline's label reads leftwards */
	CHECK(strstr(s.data, "set label 1 '~30%' at graph 0.0748, graph 0.0656 "
	    "right font fig_label_font tc lt 1 noenhanced front\n") != NULL);
	CHECK(strstr(s.data, "'latest: 30%, Later Source 2023-03-15' at graph "
	    "0.1009, graph 0.0656 left") != NULL);
	CHECK(strstr(s.data, "'30\xE2\x80\x93" "40%' at graph ") != NULL);
	CHECK(strstr(s.data, "'50% target' at graph ") != NULL);
	CHECK(strstr(s.data, "'25%' at graph ") != NULL);
	CHECK(strstr(s.data, "'latest: >80%, Later Source 2023-03-15'") != NULL);
	/* ... and its marker nudged right so that both show */
	CHECK(strstr(s.data, "observed, x nudged 1 marker right of the same "
	    "figure: 'the same 30 percent'\n2020.554 30\n") != NULL);
	CHECK(strstr(s.data, "observed: 'about 30 percent'\n2020.5 30\n")
	    != NULL);
	CHECK(strstr(s.data, "US$2 billion") == NULL);
	CHECK(strstr(s.data, "spring") == NULL);
	if (!script_is_inert(s.data, why, sizeof why))
		printf("  %s\n", why);
	CHECK(script_is_inert(s.data, why, sizeof why));
	buf_release(&s);
	fixture_release(&f);
}

static void
test_script_units_and_scale(void)
{
	struct fig_claim c[3];
	struct gp_point p[3];
	struct gp_chart ch = { "trade.bilateral.value", "PRC+Russia", "t",
	    "png", "style.gp", NULL, p, 3, "" };
	struct fig_buf s = FIG_BUF_INIT;
	struct gp_result res;
	struct fig_err err;

	memset(p, 0, sizeof p);
	set_claim(&c[0], 1, "US$147 billion", 147e9, "usd", "2021",
	    FIG_Q_EXACT);
	set_claim(&c[1], 2, "US$190 billion", 190e9, "usd", "2022",
	    FIG_Q_EXACT);
	set_claim(&c[2], 3, "1.3 trillion yuan", 1.3e12, "cny", "2022",
	    FIG_Q_EXACT);
	for (int i = 0; i < 3; i++) {
		p[i].claim = &c[i];
		p[i].source_id = i + 1;
		p[i].source = "S";
		p[i].published = "2023";
	}
	CHECK(gp_write_script(&s, &ch, &res, &err) == 0);
	CHECK_STR(res.unit, "usd");
	CHECK(res.skipped_unit == 1);
	CHECK(res.sources == 2);
	CHECK(strstr(s.data, "set ylabel 'USD, billions' noenhanced") != NULL);
	CHECK(strstr(s.data, "\n2021.5 147\n") != NULL);
	CHECK(strstr(s.data, "fig_format = 'png'") != NULL);
	CHECK(strstr(s.data, "set multiplot layout 1,1 title "
	    "'trade.bilateral.value (PRC+Russia)'")
	    != NULL);
	/* no baseline: later sources only, line types from 2 */
	CHECK(strstr(s.data, "lt 1 ") == NULL);
	CHECK(strstr(s.data, "set loadpath\n") != NULL);
	/* every figure of a target metric is a target, whatever its kind */
	ch.metric = "process_node.target";
	buf_reset(&s);
	CHECK(gp_write_script(&s, &ch, &res, &err) == 0);
	CHECK(strstr(s.data, "_tgt using 1:2 with points") != NULL);
	CHECK(strstr(s.data, "_fig using") == NULL);
	ch.metric = "electronics.domestic_share_target";
	buf_reset(&s);
	CHECK(gp_write_script(&s, &ch, &res, &err) == 0);
	CHECK(strstr(s.data, "_fig using") == NULL);
	ch.metric = "trade.retarget";	/* not a target slug */
	buf_reset(&s);
	CHECK(gp_write_script(&s, &ch, &res, &err) == 0);
	CHECK(strstr(s.data, "_tgt using") == NULL);
	/* one value is shown against zero */
	ch.metric = "m";
	ch.npoints = 1;
	buf_reset(&s);
	CHECK(gp_write_script(&s, &ch, &res, &err) == 0);
	CHECK(strstr(s.data, "set yrange [0:167.58]") != NULL);
	c[0].value = -38;
	snprintf(c[0].unit, sizeof c[0].unit, "percent");
	buf_reset(&s);
	CHECK(gp_write_script(&s, &ch, &res, &err) == 0);
	CHECK(strstr(s.data, "set yrange [-41.04:5.32]") != NULL);
	for (int i = 0; i < 3; i++)
		claim_release(&c[i]);
	buf_release(&s);
}

/* A crowded panel: a baseline figure every month of one year at nearly
 * the same height, and later sources' figures among them. */
enum { CROWD_N = 16 };
static void
crowd_init(struct fig_claim *c, struct gp_point *p)
{
	memset(p, 0, CROWD_N * sizeof *p);
	for (int i = 0; i < CROWD_N; i++) {
		char period[16];
		int base = i < 12;
		snprintf(period, sizeof period, "2021-%02d", (base ? i + 1 :
		    3 * (i - 12) + 2) % 100);
		set_claim(&c[i], i + 1, "q", 40 + (i % 3), "percent", period,
		    base ? FIG_Q_APPROX : FIG_Q_EXACT);
		p[i].claim = &c[i];
		p[i].source_id = base ? 1 : i;
		p[i].source = base ? "Base" : "Later source";
		p[i].published = base ? "2022" : "2023";
		p[i].baseline = base;
	}
}

/* The value labels of a crowded panel: a baseline figure every month
 * of one year at nearly the same height, and later sources' figures
 * among them. No label may cover another or any marker, and every one
 * stays inside the graph, judged with the writer's own metrics of the
 * label font (6.2 px a character of 820, 14 px a line of a 430 px
 * panel). */
static void
test_script_labels_apart(void)
{
	enum { N = CROWD_N };
	struct fig_claim c[N];
	struct gp_point p[N];
	struct gp_chart ch = { "m", "E", "m", "svg", "style.gp", NULL, p, N, "" };
	struct fig_buf s = FIG_BUF_INIT;
	struct gp_result res;
	struct fig_err err;
	double bx0[N + 1], bx1[N + 1], by0[N + 1], by1[N + 1];
	double w1 = 6.2 / 820, h = 14.0 / 430, mw = 10.0 / 820, mh = 10.0 / 430;
	int nb = 0, bad = 0;
	const char *line;

	crowd_init(c, p);
	CHECK(gp_write_script(&s, &ch, &res, &err) == 0);
	CHECK(res.panels == 1);
	for (line = s.data; (line = strstr(line, "\nset label ")) != NULL;
	    line++) {
		const char *q1 = strchr(line, '\''), *q2;
		double x, y;
		char just[8];
		size_t nch = 0;
		q2 = q1 ? strchr(q1 + 1, '\'') : NULL;
		if (!q2 || sscanf(q2 + 1, " at graph %lf, graph %lf %7s", &x, &y,
		    just) != 3) {
			bad++;
			continue;
		}
		for (const char *k = q1 + 1; k < q2; k++)
			nch += ((unsigned char)*k & 0xC0) != 0x80;
		if (nb == N + 1)
			break;
		bx0[nb] = strcmp(just, "right") == 0 ? x - nch * w1 : x;
		bx1[nb] = bx0[nb] + nch * w1;
		by0[nb] = y - h / 2;
		by1[nb] = y + h / 2;
		nb++;
	}
	CHECK(bad == 0);
	/* twelve baseline values and the latest later one */
	CHECK(nb == 13);
	for (int i = 0; i < nb; i++) {
		CHECK(bx0[i] >= -1e-3 && bx1[i] <= 1 + 1e-3 && by0[i] >= -1e-3 &&
		    by1[i] <= 1 + 1e-3);
		for (int j = 0; j < i; j++)
			CHECK(!(bx0[i] < bx1[j] - 1e-3 && bx0[j] < bx1[i] - 1e-3 &&
			    by0[i] < by1[j] - 1e-3 && by0[j] < by1[i] - 1e-3));
	}
	/* no label covers a marker */
	{
		double xlo = 2021, xhi = 2022, ylo, yhi;
		const char *yr = strstr(s.data, "set yrange [");
		CHECK(yr && sscanf(yr, "set yrange [%lf:%lf]", &ylo, &yhi) == 2);
		for (int i = 0; yr && i < N; i++) {
			double px, py, fx, fy;
			CHECK(gp_period_x(c[i].period, &px) == 0);
			py = c[i].value;
			fx = (px - xlo) / (xhi - xlo);
			fy = (py - ylo) / (yhi - ylo);
			for (int j = 0; j < nb; j++)
				CHECK(!(bx0[j] < fx + mw / 2 - 1e-3 &&
				    fx - mw / 2 < bx1[j] - 1e-3 &&
				    by0[j] < fy + mh / 2 - 1e-3 &&
				    fy - mh / 2 < by1[j] - 1e-3));
		}
	}
	for (int i = 0; i < N; i++)
		claim_release(&c[i]);
	buf_release(&s);
}

/* The crowded panel drawn by gnuplot: the value labels in the SVG (the
 * only 8 pt text) may not cover one another, measured on the drawing
 * itself with DejaVu Sans' widest digits (0.64 em) and its ascent and
 * descent: the check that the writer's model of the canvas holds. */
static void
test_render_labels_apart(void)
{
	struct fig_claim c[CROWD_N];
	struct gp_point p[CROWD_N];
	const char *dirs[2] = { styledir, NULL };
	struct gp_chart ch = { "m", "E", "crowd", "svg", "style.gp", dirs, p,
	    CROWD_N, "" };
	struct fig_buf log = FIG_BUF_INIT, svg = FIG_BUF_INIT;
	struct fig_err err;
	double x0[32], x1[32], y0[32], y1[32], fs = 8;
	int n = 0;
	const char *s;

	crowd_init(c, p);
	err_clear(&err);
	if (render(&ch, &log, &err) < 0)
		printf("  %s: %s\n%s\n", err.file, err.msg, buf_str(&log));
	CHECK(err.code == FIG_OK);
	CHECK(slurp(tmp_path("crowd.svg"), &svg) == 0);
	for (s = buf_str(&svg); (s = strstr(s, "font-size=\"8.00\"")) != NULL &&
	    n < 32; s++) {
		const char *g = s, *t, *e;
		double x, y;
		size_t nch = 0;
		int end;
		while (g > svg.data && strncmp(g, "translate(", 10) != 0)
			g--;
		t = strstr(s, "<text>");
		e = t ? strstr(t, "</text>") : NULL;
		if (e == NULL || sscanf(g, "translate(%lf,%lf)", &x, &y) != 2) {
			CHECK(!"a label's position in the SVG");
			break;
		}
		for (const char *k = t + 6; k < e; k++)
			nch += ((unsigned char)*k & 0xC0) != 0x80;
		end = strstr(s, "text-anchor=\"end\"") != NULL &&
		    strstr(s, "text-anchor=\"end\"") < t;
		x0[n] = end ? x - nch * 0.64 * fs : x;
		x1[n] = end ? x : x + nch * 0.64 * fs;
		y0[n] = y - 0.93 * fs;
		y1[n] = y + 0.24 * fs;
		n++;
	}
	CHECK(n == 13);
	for (int i = 0; i < n; i++)
		for (int j = 0; j < i; j++)
			CHECK(!(x0[i] < x1[j] && x0[j] < x1[i] && y0[i] < y1[j] &&
			    y0[j] < y1[i]));
	for (int i = 0; i < CROWD_N; i++)
		claim_release(&c[i]);
	buf_release(&log);
	buf_release(&svg);
}

static void
test_script_nothing_to_draw(void)
{
	struct fig_claim c;
	struct gp_point p = { &c, 1, "S", "", NULL, 0 };
	struct gp_chart ch = { "m", "", "m", "svg", "style.gp", NULL, &p, 1, "" };
	struct fig_buf s = FIG_BUF_INIT;
	struct gp_result res;
	struct fig_err err;

	set_claim(&c, 1, "q", 1, "percent", "", FIG_Q_EXACT);
	err_clear(&err);
	CHECK(gp_write_script(&s, &ch, &res, &err) < 0);
	CHECK(err.code == FIG_EINPUT);
	CHECK(strstr(err.msg, "no figure has a period") != NULL);
	CHECK(res.skipped_time == 1);
	ch.npoints = 0;
	CHECK(gp_write_script(&s, &ch, &res, &err) < 0);
	claim_release(&c);
	buf_release(&s);
}

static void
test_script_deterministic(void)
{
	struct fixture f, g;
	struct fig_buf a = FIG_BUF_INIT, b = FIG_BUF_INIT;
	struct gp_result res;
	struct fig_err err;

	fixture_init(&f, NULL, "ACRI", "Later", "about 30 percent");
	fixture_init(&g, NULL, "ACRI", "Later", "about 30 percent");
	CHECK(gp_write_script(&a, &f.chart, &res, &err) == 0);
	CHECK(gp_write_script(&b, &g.chart, &res, &err) == 0);
	CHECK(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
	/* the source order does not depend on which source came first */
	{
		struct gp_point tmp[9];
		memcpy(tmp, g.p, sizeof tmp);
		for (int i = 0; i < 5; i++)
			g.p[i] = tmp[4 + i];
		for (int i = 0; i < 4; i++)
			g.p[5 + i] = tmp[i];
		buf_reset(&b);
		CHECK(gp_write_script(&b, &g.chart, &res, &err) == 0);
		CHECK(strstr(b.data, "keyentry with linespoints lt 1 pt fig_pt_base "
		    "ps fig_ps_base title 'baseline report: ACRI") != NULL);
		CHECK(strstr(b.data, "$s1_p1_fig << EOD\n# 'ACRI") != NULL);
	}
	buf_release(&a);
	buf_release(&b);
	fixture_release(&f);
	fixture_release(&g);
}

static void
test_script_injection_text(void)
{
	struct fixture f;
	struct fig_buf s = FIG_BUF_INIT;
	struct gp_result res;
	struct fig_err err;
	char why[200];

	fixture_init(&f, "R\"; system(\"id\"); \"`id`\nset output '/x'",
	    "Src'; system('id'); '", "`id` @m\\",
	    "q\"; system(\"touch x\"); \"`touch y`\nsystem('z')\n\\");
	f.chart.metric = "m'\n`id`";
	CHECK(gp_write_script(&s, &f.chart, &res, &err) == 0);
	if (!script_is_inert(s.data, why, sizeof why))
		printf("  %s\n", why);
	CHECK(script_is_inert(s.data, why, sizeof why));
	CHECK(strstr(s.data, "'Src''; system(''id''); '' 2022-11'") != NULL);
	/* names and the style file's name reach the header comment too */
	buf_reset(&s);
	f.chart.name = "x\nsystem('id')\\";
	f.chart.style = "st\nyle\\";
	CHECK(gp_write_script(&s, &f.chart, &res, &err) == 0);
	if (!script_is_inert(s.data, why, sizeof why))
		printf("  %s\n", why);
	CHECK(script_is_inert(s.data, why, sizeof why));
	CHECK(strstr(s.data, "# x_system('id')_.gp: one figtrack") != NULL);
	CHECK(strstr(s.data, "shared st_yle_, found") != NULL);
	/* the lexer itself catches a raw payload */
	CHECK(!script_is_inert("set title \"`id`\"\n", why, sizeof why));
	CHECK(!script_is_inert("set title 'a\nsystem('id')'\n", why,
	    sizeof why));
	CHECK(!script_is_inert("set title 'a''\n", why, sizeof why));
	CHECK(!script_is_inert("$d << EOD\n1 2 `id`\nEOD\n", why, sizeof why));
	buf_release(&s);
	fixture_release(&f);
}

static void
test_relative_path(void)
{
	static const char *const cases[][3] = {
		{ "/a/b", "/a/c", "../c" },
		{ "/a/b", "/a/b", "." },
		{ "/a/b", "/a", ".." },
		{ "/a", "/a/b", "b" },
		{ "/r/plots/out", "/r/plots", ".." },
		{ "/r", "/r/plots", "plots" },
		{ "/r/x/y/z", "/r/plots", "../../../plots" },
		{ "/ab", "/a", "/a" },
		{ "/a", "/ab", "/ab" },
		{ "/tmp/x", "/work/plots", "/work/plots" },
		{ "/", "/a", "/a" },
		{ "/a/b c", "/a/it's", "../it's" },
		{ NULL, NULL, NULL }
	};

	for (int i = 0; cases[i][0]; i++) {
		char *r = gp_relative_path(cases[i][0], cases[i][1]);
		CHECK_STR(r, cases[i][2]);
		free(r);
	}
}

/* --- files and gnuplot ---------------------------------------------------- */

static void
test_write_file(void)
{
	struct fig_err err;
	struct fig_buf b = FIG_BUF_INIT;
	DIR *d;
	struct dirent *de;
	int others = 0;

	CHECK(gp_write_file(tmp_path("w.txt"), "one\n", 4, &err) == 0);
	CHECK(gp_write_file(tmp_path("w.txt"), "two\n", 4, &err) == 0);
	CHECK(slurp(tmp_path("w.txt"), &b) == 0);
	CHECK_STR(buf_str(&b), "two\n");
	/* no temporary file is left behind */
	d = opendir(tmpdir);
	CHECK(d != NULL);
	while (d && (de = readdir(d)) != NULL)
		if (strstr(de->d_name, "w.txt") && strcmp(de->d_name, "w.txt"))
			others++;
	if (d)
		closedir(d);
	CHECK(others == 0);
	err_clear(&err);
	CHECK(gp_write_file(tmp_path("no/such/dir/x.gp"), "x", 1, &err) < 0);
	CHECK(err.code == FIG_EIO);
	CHECK(strstr(err.file, "no/such/dir/x.gp") != NULL);
	buf_release(&b);
}

static void
test_have_program(void)
{
	CHECK(gp_have_program("gnuplot"));
	CHECK(gp_have_program("/bin/sh"));
	CHECK(!gp_have_program("figtrack-no-such-program"));
	CHECK(!gp_have_program("/nonexistent/gnuplot"));
	CHECK(!gp_have_program("/etc/passwd"));	/* not executable */
}

static void
test_run_errors(void)
{
	struct fig_err err;
	struct fig_buf log = FIG_BUF_INIT;
	const char *bad = "set terminal dumb\nset output '/dev/null'\n"
	    "plot no_such_function(x)\n";

	CHECK(gp_write_file(tmp_path("bad.gp"), bad, strlen(bad), &err) == 0);
	err_clear(&err);
	CHECK(gp_run("gnuplot", tmpdir, "bad.gp", &log, &err) < 0);
	CHECK(strstr(err.file, "bad.gp") != NULL);
	CHECK(strstr(err.msg, "gnuplot failed (exit") != NULL);
	CHECK(strstr(err.msg, "line 3") != NULL);
	CHECK(strstr(buf_str(&log), "no_such_function") != NULL);
	err_clear(&err);
	CHECK(gp_run("figtrack-no-such-gnuplot", tmpdir, "bad.gp", &log, &err)
	    < 0);
	CHECK(strstr(err.msg, "cannot run 'figtrack-no-such-gnuplot'") != NULL);
	CHECK(strstr(err.msg, "apt-get install gnuplot") != NULL);
	CHECK(strstr(err.file, "bad.gp") != NULL);
	err_clear(&err);
	CHECK(gp_run("gnuplot", tmpdir, "missing.gp", &log, &err) < 0);
	CHECK(strstr(err.file, "missing.gp") != NULL);
	err_clear(&err);
	CHECK(gp_run("gnuplot", tmp_path("nodir"), "bad.gp", &log, &err) < 0);
	CHECK(gp_run("gnuplot", tmpdir, "-V", &log, &err) < 0);
	/* stdin is /dev/null: a script that waits for input ends at once */
	CHECK(gp_write_file(tmp_path("pause.gp"), "pause -1\n", 9, &err) == 0);
	CHECK(gp_run("gnuplot", tmpdir, "pause.gp", &log, &err) == 0);
	buf_release(&log);
}

static void
test_render_svg(void)
{
	struct fixture f;
	struct fig_buf log = FIG_BUF_INIT, svg = FIG_BUF_INIT;
	struct fig_err err;

	fixture_init(&f, NULL, "ACRI", "Later Source", "about 30 percent");
	err_clear(&err);
	if (render(&f.chart, &log, &err) < 0)
		printf("  %s: %s\n%s\n", err.file, err.msg, buf_str(&log));
	CHECK(err.code == FIG_OK);
	CHECK(slurp(tmp_path("chart.svg"), &svg) == 0);
	CHECK(strstr(buf_str(&svg), "<svg") != NULL);
	CHECK(strstr(buf_str(&svg), "<text>neon.world_supply_share (Russia)"
	    "</text>") != NULL);
	CHECK(strstr(buf_str(&svg), ">percent</text>") != NULL);
	CHECK(strstr(buf_str(&svg), ">~30%</text>") != NULL);
	CHECK(strstr(buf_str(&svg), ">latest: 30%, Later Source 2023-03-15"
	    "</text>") != NULL);
	CHECK(strstr(buf_str(&svg), ">half-years</text>") != NULL);
	CHECK(strstr(buf_str(&svg), ">baseline report: ACRI (2022-11)</text>")
	    != NULL);
	CHECK(strstr(buf_str(&svg), ">Later Source (2023-03-15)</text>")
	    != NULL);
	CHECK(strstr(buf_str(&svg), ">2022</tspan>") != NULL);	/* x tics */
	/* gnuplot said nothing: no warning about ranges or styles */
	if (log.len)
		printf("  gnuplot said: %s\n", buf_str(&log));
	CHECK(log.len == 0);
	buf_release(&log);
	buf_release(&svg);
	fixture_release(&f);
}

static void
test_render_formats(void)
{
	struct fixture f;
	struct fig_buf log = FIG_BUF_INIT, out = FIG_BUF_INIT;
	struct fig_err err;

	fixture_init(&f, NULL, "ACRI", "Later", "about 30 percent");
	f.chart.name = "fmt";
	f.chart.format = "png";
	err_clear(&err);
	CHECK(render(&f.chart, &log, &err) == 0);
	CHECK(slurp(tmp_path("fmt.png"), &out) == 0);
	CHECK(out.len > 8 && memcmp(out.data, "\x89PNG", 4) == 0);
	f.chart.format = "pdf";
	CHECK(render(&f.chart, &log, &err) == 0);
	CHECK(slurp(tmp_path("fmt.pdf"), &out) == 0);
	CHECK(out.len > 8 && memcmp(out.data, "%PDF", 4) == 0);
	buf_release(&log);
	buf_release(&out);
	fixture_release(&f);
}

static void
test_render_injection(void)
{
	struct fixture f;
	struct fig_buf log = FIG_BUF_INIT, svg = FIG_BUF_INIT;
	struct fig_buf p1 = FIG_BUF_INIT, p2 = FIG_BUF_INIT, p3 = FIG_BUF_INIT;
	struct fig_buf p4 = FIG_BUF_INIT, p5 = FIG_BUF_INIT;
	struct fig_err err;
	char *pw[5];

	for (int i = 0; i < 5; i++)
		pw[i] = xstrdup(tmp_path((const char *[]){ "pwned1", "pwned2",
		    "pwned3", "pwned4", "pwned5" }[i]));
	buf_addf(&p1, "Russia\"; system(\"touch %s\"); \"", pw[0]);
	buf_addf(&p2, "Src `touch %s` '; system('touch %s'); '", pw[1],
	    pw[2]);
	/* gnuplot takes a string left open at the end of a line, so only
	 * removing the newline stops the next line from running */
	buf_addf(&p3, "x\nsystem(\"touch %s\")\n", pw[3]);
	buf_addf(&p4, "quote \"; system(\"touch %s\"); \" `touch %s`", pw[4],
	    pw[4]);
	buf_adds(&p5, "Later @m\\");
	fixture_init(&f, p1.data, p2.data, p5.data, p4.data);
	f.chart.metric = p3.data;
	f.chart.name = "inject";
	err_clear(&err);
	if (render(&f.chart, &log, &err) < 0)
		printf("  %s: %s\n%s\n", err.file, err.msg, buf_str(&log));
	CHECK(err.code == FIG_OK);
	for (int i = 0; i < 5; i++) {
		if (file_exists(pw[i]))
			printf("  %s was created\n", pw[i]);
		CHECK(!file_exists(pw[i]));
		free(pw[i]);
	}
	/* the text is shown as it was written */
	CHECK(slurp(tmp_path("inject.svg"), &svg) == 0);
	CHECK(strstr(buf_str(&svg), "Russia\"; system(\"touch ") != NULL);
	CHECK(strstr(buf_str(&svg), "Src `touch ") != NULL);
	CHECK(strstr(buf_str(&svg), "Later @m\\ 2023-03-15") != NULL);
	buf_release(&log);
	buf_release(&svg);
	buf_release(&p1);
	buf_release(&p2);
	buf_release(&p3);
	buf_release(&p4);
	buf_release(&p5);
	fixture_release(&f);
}

static void
test_style_loadpath(void)
{
	/* the style is found through the loadpath from another directory */
	struct fixture f;
	struct fig_buf log = FIG_BUF_INIT;
	struct fig_err err;

	fixture_init(&f, NULL, "A", "B", "q");
	f.dirs[0] = "/nonexistent";
	f.chart.name = "nostyle";
	err_clear(&err);
	CHECK(render(&f.chart, &log, &err) < 0);
	CHECK(strstr(err.msg, "style.gp") != NULL);
	fixture_release(&f);
	buf_release(&log);
}

static const struct harness_test tests[] = {
	{ "period_forms", test_period_forms },
	{ "period_rejects", test_period_rejects },
	{ "quote_basic", test_quote_basic },
	{ "quote_controls", test_quote_controls },
	{ "quote_payloads", test_quote_payloads },
	{ "file_name", test_file_name },
	{ "file_name_bytes", test_file_name_bytes },
	{ "short_name", test_short_name },
	{ "script_content", test_script_content },
	{ "script_units_and_scale", test_script_units_and_scale },
	{ "script_labels_apart", test_script_labels_apart },
	{ "script_nothing_to_draw", test_script_nothing_to_draw },
	{ "script_deterministic", test_script_deterministic },
	{ "script_injection_text", test_script_injection_text },
	{ "relative_path", test_relative_path },
	{ "write_file", test_write_file },
	{ "have_program", test_have_program },
	{ "run_errors", test_run_errors },
	{ "render_svg", test_render_svg },
	{ "render_labels_apart", test_render_labels_apart },
	{ "render_formats", test_render_formats },
	{ "render_injection", test_render_injection },
	{ "style_loadpath", test_style_loadpath },
	{ NULL, NULL }
};

static void
cleanup(void)
{
	DIR *d = opendir(tmpdir);
	struct dirent *de;

	while (d && (de = readdir(d)) != NULL)
		if (de->d_name[0] != '.')
			unlink(tmp_path(de->d_name));
	if (d)
		closedir(d);
	rmdir(tmpdir);
}

int
main(int argc, char **argv)
{
	const char *t = getenv("TMPDIR");
	int rc;

	snprintf(tmpdir, sizeof tmpdir, "%s/unit-gp.XXXXXX", t && *t ? t :
	    "/tmp");
	if (mkdtemp(tmpdir) == NULL || realpath("plots", styledir) == NULL ||
	    !file_exists("plots/style.gp")) {
		printf("FAIL unit-gp: run from the source tree's root "
		    "(plots/style.gp) with a writable $TMPDIR\n");
		return 1;
	}
	rc = harness_main(tests, argc, argv);
	if (getenv("UNIT_GP_KEEP"))	/* to look at the scripts and charts */
		printf("# kept %s\n", tmpdir);
	else
		cleanup();
	return rc;
}
