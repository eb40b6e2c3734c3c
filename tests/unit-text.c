/* unit-text.c: UTF-8 checks, superscript footnote digits, cleaning and
 * its offset runs, periods and number parsing without rules. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "figtrack/claim.h"
#include "figtrack/number.h"
#include "figtrack/period.h"
#include "figtrack/text.h"

static void
test_utf8(void)
{
	size_t bad = 99;

	CHECK(text_utf8_check("plain ascii", 11, &bad) == 0);
	CHECK(text_utf8_check("neon,\xC2\xB9\xE2\x81\xB0\xE2\x81\xB8", 13,
	    &bad) == 0);
	CHECK(text_utf8_check("ab\xFF" "cd", 5, &bad) == -1 && bad == 2);
	/* overlong "/" and a UTF-16 surrogate are refused */
	CHECK(text_utf8_check("x\xC0\xAF", 3, &bad) == -1 && bad == 1);
	CHECK(text_utf8_check("\xED\xA0\x80", 3, &bad) == -1 && bad == 0);
	/* a sequence cut off by the end */
	CHECK(text_utf8_check("12345678\xE2\x82", 10, &bad) == -1 && bad == 8);
	/* long ASCII runs take the eight-byte path, then a bad byte */
	{
		char s[40];
		memset(s, 'a', sizeof s);
		s[33] = (char)0x80;
		CHECK(text_utf8_check(s, sizeof s, &bad) == -1 && bad == 33);
	}
}

/* text_word_bytes against a byte-at-a-time test, for every byte value
 * in every lane among neighbours of every kind. */
static void
test_word_bytes(void)
{
	static const unsigned char fill[] = { 'a', ' ', '_', '9', 0xE2, 'Z' };
	int bad = 0;

	for (unsigned f = 0; f < sizeof fill; f++)
		for (int lane = 0; lane < 8; lane++)
			for (int c = 0; c < 256; c++) {
				unsigned char b[8];
				uint64_t m;
				memset(b, fill[f], sizeof b);
				b[lane] = (unsigned char)c;
				m = text_word_bytes(text_load8((const char *)b));
				for (int k = 0; k < 8; k++) {
					int want = (b[k] >= 'a' && b[k] <= 'z') ||
					    (b[k] >= 'A' && b[k] <= 'Z') ||
					    (b[k] >= '0' && b[k] <= '9') ||
					    b[k] == '_';
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
					int got = (int)(m >> (8 * (7 - k) + 7) & 1);
#else
					int got = (int)(m >> (8 * k + 7) & 1);
#endif
					if (got != want)
						bad++;
				}
			}
	CHECK(bad == 0);
}

static void
test_lossy(void)
{
	struct fig_buf b = FIG_BUF_INIT;

	text_utf8_lossy(&b, "a\xFF" "b\xE2\x82", 5);
	CHECK_STR(buf_str(&b), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
	buf_release(&b);
}

/* A buffer filled to a byte limit ends on a whole character. */
static void
test_utf8_whole(void)
{
	CHECK(text_utf8_whole("abc", 3) == 3);
	CHECK(text_utf8_whole("", 0) == 0);
	CHECK(text_utf8_whole("ab\xc3\xa9", 4) == 4);	/* é whole */
	CHECK(text_utf8_whole("ab\xc3", 3) == 2);		/* é cut */
	CHECK(text_utf8_whole("a\xef\xbf\xbd", 4) == 4);	/* U+FFFD */
	CHECK(text_utf8_whole("a\xef\xbf", 3) == 1);
	CHECK(text_utf8_whole("a\xef", 2) == 1);
	CHECK(text_utf8_whole("a\xf0\x9f\x98", 4) == 1);	/* 4 bytes, 3 */
	CHECK(text_utf8_whole("a\xf0\x9f\x98\x80", 5) == 5);
}

static void
test_superscript(void)
{
	long n;

	/* "¹⁰⁸" */
	CHECK(text_superscript_run("\xC2\xB9\xE2\x81\xB0\xE2\x81\xB8 x", 10,
	    &n) == 8 && n == 108);
	CHECK(text_superscript_run("108", 3, &n) == 0 && n == 0);
}

/* A unit's power ("m³", "km²") is no footnote; after a word, a number
 * or a run of superscripts it is one. */
static void
test_unit_power(void)
{
	static const struct {
		const char *s;
		int power;
	} cases[] = {
		{ "5 bn m\xC2\xB3 of gas", 1 }, { "12.7bn m\xC2\xB3", 1 },
		{ "40 km\xC2\xB2", 1 }, { "9 ft\xC2\xB2.", 1 },
		{ "Russia\xC2\xB3 said", 0 }, { "system\xC2\xB3", 0 },
		{ "5%\xC2\xB3", 0 }, { "ram\xC2\xB3", 0 },
		{ "m\xC2\xB9", 0 }, { "m\xC2\xB2\xC2\xB3", 0 },
		{ "km\xC2\xB3\xE2\x81\xB4", 0 }, { "3.82 bn m \xC2\xB3.", 1 },
		{ "Russia \xC2\xB3", 0 },
	};
	struct fig_buf b = FIG_BUF_INIT;

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *s = cases[i].s;
		size_t at = strcspn(s, "\xC2\xE2");

		CHECK(text_unit_power(s, strlen(s), at) == cases[i].power);
	}
	/* cleaning keeps the power and drops the note */
	text_clean(&b, "40 km\xC2\xB2 in 2023\xC2\xB9", 17, NULL);
	CHECK_STR(buf_str(&b), "40 km\xC2\xB2 in 2023");
	buf_release(&b);
}

static void
test_clean(void)
{
	const char *raw = "US\\$200 million, neon,\xC2\xB9\xE2\x81\xB0\xE2\x81\xB8 "
	    "xenon\nand krypton";
	struct fig_buf b = FIG_BUF_INIT;
	struct fig_runs runs = { NULL, 0, 0 };
	size_t c;

	text_clean(&b, raw, strlen(raw), &runs);
	CHECK_STR(buf_str(&b), "US$200 million, neon, xenon and krypton");
	/* offsets map back: "$" sits after the dropped backslash */
	c = (size_t)(strchr(b.data, '$') - b.data);
	CHECK(text_raw_at(&runs, c) == 3);
	/* "xenon" in the raw text follows the 8 superscript bytes */
	c = (size_t)(strstr(b.data, "xenon") - b.data);
	CHECK(text_raw_at(&runs, c) == (size_t)(strstr(raw, "xenon") - raw));
	CHECK(text_clean_at(&runs, (size_t)(strstr(raw, "xenon") - raw)) == c);
	/* a dropped byte maps to the next kept one */
	CHECK(text_clean_at(&runs, 2) == 2);
	buf_release(&b);
	free(runs.v);
}

static void
test_period(void)
{
	char p[FIG_PERIOD_LEN];

	CHECK(period_parse("2022", p) == 0 && strcmp(p, "2022") == 0);
	CHECK(period_parse("2022-h1", p) == 0 && strcmp(p, "2022-H1") == 0);
	CHECK(period_parse("2021-Q3", p) == 0 && strcmp(p, "2021-Q3") == 0);
	CHECK(period_parse("2024-02-29", p) == 0);
	CHECK(period_parse("2023-02-29", p) == -1);
	CHECK(period_parse("2022-13", p) == -1);
	CHECK(period_parse("2022-6", p) == -1);
	CHECK(period_parse("20220", p) == -1);
	CHECK(period_parse("", p) == -1);
	CHECK(period_parse_date("2022-H1", p) == -1);
	CHECK_NUM(period_mid("2022"), 2022.5);
	CHECK_NUM(period_mid("2022-H1"), 2022.25);
	CHECK_NUM(period_mid("2022-Q4"), 2022.875);
	CHECK(period_cmp("2021", "2022-H1") < 0);
	CHECK(period_cmp("2022", "2022-01") < 0);	/* longer first */
	CHECK(period_cmp("2022-06", "2022-H1") > 0);
	CHECK(period_year("2021-Q3") == 2021 && period_year("junk") == 0);
	CHECK(period_month("Sept", 4) == 9 && period_month("dec.", 4) == 12);
	CHECK(period_month("Mayor", 5) == 0);
}

static void
test_number_digits(void)
{
	double v;
	int f;

	CHECK(number_parse(NULL, "2,000", 5, &v, &f, NULL) == 0 && v == 2000);
	CHECK(!(f & FIG_NUM_YEARLIKE));
	CHECK(number_parse(NULL, "2000", 4, &v, &f, NULL) == 0 &&
	    (f & FIG_NUM_YEARLIKE) && (f & FIG_NUM_INTEGER));
	CHECK(number_parse(NULL, "59.1", 4, &v, &f, NULL) == 0);
	CHECK_NUM(v, 59.1);
	CHECK(!(f & FIG_NUM_INTEGER));
	CHECK(number_parse(NULL, "1.2.3", 5, &v, &f, NULL) == -1);
	/* decimal commas, Indian and European grouping */
	CHECK(number_parse(NULL, "27,7", 4, &v, &f, NULL) == 0 &&
	    (f & FIG_NUM_DECIMAL_COMMA) && !(f & FIG_NUM_INTEGER));
	CHECK_NUM(v, 27.7);
	CHECK(number_parse(NULL, "2,77,000", 8, &v, &f, NULL) == 0 &&
	    v == 277000 && (f & FIG_NUM_INTEGER));
	CHECK(number_parse(NULL, "1.234.567", 9, &v, &f, NULL) == 0 &&
	    v == 1234567);
	/* spaces between groups of three, a no-break one too */
	CHECK(number_parse(NULL, "3 348", 5, &v, &f, NULL) == 0 &&
	    v == 3348 && (f & FIG_NUM_INTEGER));
	CHECK(number_parse(NULL, "12\xc2\xa0" "500 000", 11, &v, &f, NULL) == 0 &&
	    v == 12500000);
	CHECK(number_parse(NULL, "1 234,5", 7, &v, &f, NULL) == 0);
	CHECK_NUM(v, 1234.5);
	CHECK(number_parse(NULL, "1 23", 4, &v, &f, NULL) == -1);
	CHECK(number_parse(NULL, "1 2345", 6, &v, &f, NULL) == -1);
	CHECK(number_parse(NULL, "1.234,5", 7, &v, &f, NULL) == 0 &&
	    (f & FIG_NUM_DECIMAL_COMMA));
	CHECK_NUM(v, 1234.5);
	CHECK(number_parse(NULL, "1,234.5", 7, &v, &f, NULL) == 0);
	CHECK_NUM(v, 1234.5);
	CHECK(number_parse(NULL, "28,946", 6, &v, &f, NULL) == 0 &&
	    v == 28946 && (f & FIG_NUM_COMMA3));
	CHECK(number_parse(NULL, "780.000", 7, &v, &f, NULL) == 0 &&
	    v == 780 && (f & FIG_NUM_DOT3));
	CHECK(number_parse(NULL, "1,2,3", 5, &v, &f, NULL) == -1);
	/* spelled out as broadcasters say them */
	CHECK(number_parse(NULL, "33-point-65", 11, &v, &f, NULL) == 0);
	CHECK_NUM(v, 33.65);
	CHECK(number_parse(NULL, "352-thousand-700", 16, &v, &f, NULL) == 0 &&
	    v == 352700);
	CHECK(number_parse(NULL, "352-thousand-7000", 17, &v, &f, NULL) == -1);
	CHECK(number_parse(NULL, "1.234,5,6", 9, &v, &f, NULL) == -1);
	CHECK(number_parse(NULL, "two", 3, &v, &f, NULL) == -1);
}

static void
test_claim_number(void)
{
	char out[64];

	claim_fmt_number(200000000, out, sizeof out);
	CHECK_STR(out, "200000000");
	claim_fmt_number(59.1, out, sizeof out);
	CHECK_STR(out, "59.1");
	claim_fmt_number(-38, out, sizeof out);
	CHECK_STR(out, "-38");
	claim_fmt_number(100.0 / 3, out, sizeof out);
	CHECK_STR(out, "33.333333");
	claim_fmt_number(-0.0, out, sizeof out);
	CHECK_STR(out, "0");
	claim_fmt_number(-1e-9, out, sizeof out);
	CHECK_STR(out, "0");
	claim_fmt_number(0.0000005, out, sizeof out);	/* a hair under a half */
	CHECK_STR(out, "0");
	claim_fmt_number(999999.9999996, out, sizeof out);
	CHECK_STR(out, "1000000");
	claim_fmt_number(-0.25, out, sizeof out);
	CHECK_STR(out, "-0.25");
	claim_fmt_number(1234567.125, out, sizeof out);
	CHECK_STR(out, "1234567.125");
}

/* The integer paths of claim_fmt_number against printf's "%.6f" with
 * trailing zeros cut, over values of every size up to 1e17, whole ones
 * among them, and values a hair either side of a half in the seventh
 * decimal. */
static void
test_claim_number_printf(void)
{
	unsigned long long x = 88172645463325252ULL;
	char got[64], want[64];
	int bad = 0;

	for (int i = 0; i < 200000 && bad < 5; i++) {
		double v;
		char *p, *e;
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		if (i % 3 == 0)
			v = (double)(x % 2000000001) / 1000 - 1e6;
		else if (i % 3 == 1)
			v = ((double)(x % 20000000) + 0.5) / 1e7;
		else
			v = (double)(x >> 11) / 9007199254740992.0 *
			    pow(10, (int)(x % 24) - 6) * (x & 1 ? -1 : 1);
		if (i % 7 == 0)	/* whole numbers of every size */
			v = floor(v);
		claim_fmt_number(v, got, sizeof got);
		/* from a billion up the value is rounded to a whole number */
		snprintf(want, sizeof want, "%.6f", fabs(v) >= 1e9 ? round(v) :
		    v);
		p = strchr(want, '.');
		for (e = want + strlen(want) - 1; e > p && *e == '0'; e--)
			*e = '\0';
		if (e == p)
			*e = '\0';
		if (strcmp(want, "-0") == 0)
			strcpy(want, "0");
		if (strcmp(got, want) != 0) {
			CHECK_STR(got, want);
			bad++;
		}
	}
}

/* The eight-bytes-at-a-time tests, with the byte sought in every lane
 * and its neighbours (one below, one above) everywhere else. */
static void
test_swar(void)
{
	char b[8];

	for (int lane = 0; lane < 8; lane++) {
		memset(b, 'a', sizeof b);
		CHECK(!text_has_byte(text_load8(b), '.'));
		CHECK(!text_has_below_or_high(text_load8(b), 0x20));
		b[lane] = '.';
		CHECK(text_has_byte(text_load8(b), '.'));
		CHECK(!text_has_byte(text_load8(b), '/'));
		CHECK(!text_has_byte(text_load8(b), '-'));
		b[lane] = 0x1F;
		CHECK(text_has_below_or_high(text_load8(b), 0x20));
		b[lane] = 0x20;
		CHECK(!text_has_below_or_high(text_load8(b), 0x20));
		b[lane] = 0x7F;
		CHECK(!text_has_below_or_high(text_load8(b), 0x20));
		b[lane] = (char)0x80;
		CHECK(text_has_below_or_high(text_load8(b), 0x20));
		CHECK(!text_has_byte(text_load8(b), 0x00));
		b[lane] = (char)0xFF;
		CHECK(text_has_below_or_high(text_load8(b), 0x20));
		CHECK(text_has_byte(text_load8(b), 0xFF));
	}
}

int
main(int argc, char **argv)
{
	static const struct harness_test tests[] = {
		{ "text_utf8", test_utf8 },
		{ "text_swar", test_swar },
		{ "text_word_bytes", test_word_bytes },
		{ "text_lossy", test_lossy },
		{ "text_utf8_whole", test_utf8_whole },
		{ "text_superscript", test_superscript },
		{ "text_unit_power", test_unit_power },
		{ "text_clean_runs", test_clean },
		{ "period_parse_mid_cmp", test_period },
		{ "number_digits", test_number_digits },
		{ "claim_fmt_number", test_claim_number },
		{ "claim_fmt_number_printf", test_claim_number_printf },
		{ NULL, NULL }
	};
	return harness_main(tests, argc, argv);
}
