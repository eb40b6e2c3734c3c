/* unit-extract.c: the extraction stage on small texts with the shipped
 * rules, one case a row: input, publication date, and the claims expected
 * as "quote|value|unit|qualifier|low|high|period|kind|metric|entity|
 * footnote" lines (every claim, in order). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "figtrack/extract.h"
#include "../src/extract-int.h"

struct xcase {
	const char *name;
	const char *text;
	const char *published;
	const char *want;
};

static const struct xcase cases[] = {
	/* numbers */
	{ "digits_commas", "They hired 2,000 engineers in 2021.", NULL,
	  "2,000 engineers|2000|count|exact|||2021|observed|||\n" },
	{ "decimal_percent", "In 2020 the share was 59.1 percent.", NULL,
	  "59.1 percent|59.1|percent|exact|||2020|observed|||\n" },
	{ "glued_scale", "In 2023 sales were $1.5bn.", NULL,
	  "$1.5bn|1500000000|usd|exact|||2023|observed|||\n" },
	{ "scale_words", "In 2021 it spent 3 million euros and RMB 2.5 billion.",
	  NULL,
	  "3 million euros|3000000|eur|exact|||2021|observed|||\n"
	  "RMB 2.5 billion|2500000000|cny|exact|||2021|observed|||\n" },
	{ "number_words", "In 2021 twenty-five firms and a dozen labs opened.",
	  NULL,
	  "twenty-five firms|25|count|exact|||2021|observed|||\n"
	  "a dozen labs|12|count|exact|||2021|observed|||\n" },
	{ "fraction_share", "In 2021 Ukraine supplied half of the world's neon.",
	  NULL, "half|50|percent|exact|||2021|observed|"
	  "neon.production.world_share|UKR|\n" },
	/* units */
	{ "percent_forms", "In 2020 it was 10 per cent, 11% and 12 pct.", NULL,
	  "10 per cent|10|percent|exact|||2020|observed|||\n"
	  "11%|11|percent|exact|||2020|observed|||\n"
	  "12 pct|12|percent|exact|||2020|observed|||\n" },
	{ "percentage_points", "In 2020 it rose 3 percentage points and 2pp.",
	  NULL,
	  "rose 3 percentage points|3|percentage_point|exact|||2020|"
	  "observed|||\n"
	  "2pp|2|percentage_point|exact|||2020|observed|||\n" },
	{ "nanometres", "In 2022 SMIC made 7nm chips, not 5-nanometer ones.", NULL,
	  "7nm|7|nm|exact|||2022|observed|chips.process_node|"
	  "SMIC|\n"
	  "5-nanometer|5|nm|exact|||2022|observed||SMIC|\n" },
	{ "markdown_dollar", "In 2015 it signed a US\\$200 million deal.", NULL,
	  "US\\$200 million|200000000|usd|exact|||2015|observed|||\n" },
	{ "currency_after", "In 2022 they paid 40 billion roubles and 3 yuan.",
	  NULL,
	  "40 billion roubles|40000000000|rub|exact|||2022|observed|||\n"
	  "3 yuan|3|cny|exact|||2022|observed|||\n" },
	{ "km_tonnes", "In 2017 a 7000-kilometre line moved 300 tonnes.", NULL,
	  "7000-kilometre|7000|km|exact|||2017|observed|||\n"
	  "300 tonnes|300|tonne|exact|||2017|observed|||\n" },
	/* qualifiers and bounds */
	{ "bounds", "In 2019 exports were over 5%, under 9%, at least 6%, "
	  "up to 8% and nearly 7%.", NULL,
	  "over 5%|5|percent|more_than|5||2019|observed|||\n"
	  "under 9%|9|percent|less_than||9|2019|observed|||\n"
	  "at least 6%|6|percent|at_least|6||2019|observed|||\n"
	  "up to 8%|8|percent|at_most||8|2019|observed|||\n"
	  "nearly 7%|7|percent|almost||7|2019|observed|||\n" },
	{ "ranges", "In 2018 it held 30-40% and between 5 and 7 percent.", NULL,
	  "30-40%|35|percent|range|30|40|2018|observed|||\n"
	  "between 5 and 7 percent|6|percent|range|5|7|2018|observed|||\n" },
	{ "direction", "In 2022 imports fell 12% and exports grew by 4 percent.",
	  NULL,
	  "fell 12%|-12|percent|exact|||2022|observed|trade.imports.change||\n"
	  "grew by 4 percent|4|percent|exact|||2022|observed|"
	  "trade.exports.change||\n" },
	/* periods */
	{ "wire_paragraphs", "Trade in 2024 grew 1.9%.\n\n"
	  "Exports rose 4.1%.\n", "2025-01-14",
	  "grew 1.9%|1.9|percent|exact|||2024|observed|trade.turnover.change||\n"
	  "rose 4.1%|4.1|percent|exact|||2024|observed|trade.exports.change||\n" },
	{ "wire_chain", "Trade in 2024 grew 1.9%.\n\n"
	  "Exports rose 4.1%.\n\nImports fell 2%.\n", "2025-01-14",
	  "grew 1.9%|1.9|percent|exact|||2024|observed|trade.turnover.change||\n"
	  "rose 4.1%|4.1|percent|exact|||2024|observed|trade.exports.change||\n"
	  "fell 2%|-2|percent|exact|||2024|observed|trade.imports.change||\n" },
	{ "report_paragraphs", "Trade in 2024 grew 1.9%. It was a record.\n\n"
	  "Exports rose 4.1%.\n", "2025-01-14",
	  "grew 1.9%|1.9|percent|exact|||2024|observed|trade.turnover.change||\n"
	  "rose 4.1%|4.1|percent|exact||||observed|trade.exports.change||\n" },
	/* a paragraph with no figure still dates the next when it is one
	 * sentence, and a lead line the list items under it */
	{ "wire_no_figure", "Trade fell in the first quarter of 2024.\n\n"
	  "Exports rose 4.1%.\n", "2024-05-17",
	  "rose 4.1%|4.1|percent|exact|||2024-Q1|observed|trade.exports.change||\n" },
	{ "lead_line", "Trade grew. Results for the first quarter of 2023:\n"
	  "- exports rose 5%\n- imports fell 2%\n", "2024-05-17",
	  "rose 5%|5|percent|exact|||2023-Q1|observed|trade.exports.change||\n"
	  "fell 2%|-2|percent|exact|||2023-Q1|observed|trade.imports.change||\n" },
	/* a list item's topic and importer come from its lead line */
	{ "lead_line_topic", "The shares of countries in imports to Russia "
	  "in 2023:\n- China \xE2\x80\x93 42%;\n- Belarus \xE2\x80\x93 12%.\n",
	  "2024-02-01",
	  "42%|42|percent|exact|||2023|observed|trade.imports.share|RUS||CHN\n"
	  "12%|12|percent|exact|||2023|observed|trade.imports.share|RUS||BLR\n" },
	/* the items under a lead line on two-way trade are the trade of
	 * the two actors the text named last */
	{ "lead_line_trade", "China's exports to Russia rose 5% in 2020.\n\n"
	  "Bilateral turnover in earlier years:\n- in 2016 it increased "
	  "by 2.2%;\n- in 2017 it reached $84.07 billion.\n", "2020-04-14",
	  "rose 5%|5|percent|exact|||2020|observed|trade.exports.change|CHN||RUS\n"
	  "increased by 2.2%|2.2|percent|exact|||2016|observed|"
	  "trade.turnover.change|CHN+RUS|\n"
	  "$84.07 billion|84070000000|usd|exact|||2017|observed|"
	  "trade.turnover.value|CHN+RUS|\n" },
	/* "over the cited period" recalls the document's last run */
	{ "recall_cited", "Trade rose 5% in January-June 2023. A record."
	  "\n\nChips made up 34.7 percent of exports over the cited "
	  "period.\n", "2023-07-20",
	  "rose 5%|5|percent|exact|||2023-01/2023-06|observed|trade.turnover.change||\n"
	  "34.7 percent|34.7|percent|exact|||2023-01/2023-06|observed|||\n" },
	{ "lead_line_half", "Shares in the first half of 2023:\n"
	  "- exports: 42%\n", "2023-07-14",
	  "42%|42|percent|exact|||2023-H1|observed|||\n" },
	{ "anaphor_recall", "Trade fell 10% in the first quarter of 2023. "
	  "It was a record.\n\nA year earlier the share had been 98.1 "
	  "percent.\n", "2023-05-01",
	  "fell 10%|-10|percent|exact|||2023-Q1|observed|"
	  "trade.turnover.change||\n"
	  "98.1 percent|98.1|percent|exact|||2022-Q1|observed|||\n" },
	/* a month named after a run across years is the run's */
	{ "month_in_run", "Australia's wheat exports will fall 20% in "
	  "2023-24. It is a forecast.\n\nOutput rose 5% on the estimate "
	  "made in December.\n", "2023-03-07",
	  "fall 20%|-20|percent|exact|||2023-07/2024-06|forecast|"
	  "wheat.exports.change|AUS|\n"
	  "rose 5%|5|percent|exact|||2023-12|observed||AUS|\n" },
	{ "month_year", "As of June 2022, prices had fallen 8 percent.", NULL,
	  "had fallen 8 percent|-8|percent|exact|||2022-06|observed|||\n" },
	{ "day_month_year", "On 31 December 2021 it held 12 percent.", NULL,
	  "12 percent|12|percent|exact|||2021-12-31|observed|||\n" },
	{ "half_quarter", "In the first half of 2022 output was 9 percent "
	  "higher. In Q3 2021 it was 4 percent.", NULL,
	  "9 percent higher|9|percent|exact|||2022-H1|observed|||\n"
	  "4 percent|4|percent|exact|||2021-Q3|observed|||\n" },
	{ "early_year", "In early 2022 some 40 percent came from Ukraine.", NULL,
	  "some 40 percent|40|percent|approx|||2022|observed||UKR|\n" },
	{ "target_by", "Russia aims for 28 nanometres by 2030.", "2022-11",
	  "28 nanometres|28|nm|exact|||2030|target|chips.process_node|"
	  "RUS|\n" },
	{ "by_looking_back", "The centre by 2020 was employing 2000 personnel.",
	  "2022-11",
	  "2000 personnel|2000|count|exact|||2020|observed|||\n" },
	{ "that_year", "In 2020 a plan appeared. That year, imports rose 5 "
	  "percent.", NULL,
	  "rose 5 percent|5|percent|exact|||2020|observed|trade.imports.change||\n" },
	{ "later_in", "Later in 2020, output fell 3 percent.", NULL,
	  "fell 3 percent|-3|percent|exact|||2020|observed|||\n" },
	{ "prior_to", "Prior to 2022 Ukraine supplied some 50 percent of "
	  "global neon consumption.", NULL,
	  "some 50 percent|50|percent|approx|||2022|observed|"
	  "neon.world_consumption_share|UKR|\n" },
	{ "present_tense", "Russia supplies 30 percent of the world's neon.",
	  "2022-11-03", "30 percent|30|percent|exact|||2022|observed|"
	  "neon.production.world_share|RUS|\n" },
	{ "past_undated", "It was 30 percent.", "2022-11",
	  "30 percent|30|percent|exact||||observed|||\n" },
	{ "no_date_at_all", "It is 30 percent.", NULL,
	  "30 percent|30|percent|exact||||observed|||\n" },
	{ "baseline", "In 2022 the share was 30 percent, up from 20 percent "
	  "in 2021.", NULL,
	  "30 percent|30|percent|exact|||2022|observed|||\n"
	  "20 percent|20|percent|exact|||2021|baseline|||\n" },
	/* footnotes */
	{ "footnote_superscript", "Russia supplies 30 percent of the world's "
	  "neon,\xC2\xB9\xE2\x81\xB0\xE2\x81\xB8 xenon and krypton.", "2022",
	  "30 percent|30|percent|exact|||2022|observed|neon.production.world_share"
	  "|RUS|108\n"
	  "30 percent|30|percent|exact|||2022|observed|xenon.production.world_share"
	  "|RUS|108\n"
	  "30 percent|30|percent|exact|||2022|observed|"
	  "krypton.production.world_share|RUS|108\n" },
	{ "footnote_year", "Output rose 5 percent in 2020.\xC2\xB9\xE2\x81\xB6",
	  NULL, "rose 5 percent|5|percent|exact|||2020|observed|||16\n" },
	{ "footnote_bracket", "In 2019 it held 12 percent.[7] It grew.", NULL,
	  "12 percent|12|percent|exact|||2019|observed|||7\n" },
	{ "footnote_next_sentence", "In 2019 it held 12 percent. Others "
	  "agree.\xC2\xB3", NULL,
	  "12 percent|12|percent|exact|||2019|observed|||3\n" },
	{ "footnote_not_past_figure", "In 2019 it held 12 percent. It held "
	  "9 percent in 2020.\xC2\xB3", NULL,
	  "12 percent|12|percent|exact|||2019|observed|||\n"
	  "9 percent|9|percent|exact|||2020|observed|||3\n" },
	/* a list's items share its dates; a paragraph after it does not */
	{ "list_items_share_dates", "- Output: 5 percent more in 2020\n"
	  "- Imports: 7 percent\n\nIt fell 3 percent.\n", "2022-11",
	  "5 percent more|5|percent|exact|||2020|observed|||\n"
	  "7 percent|7|percent|exact|||2020|observed|||\n"
	  "fell 3 percent|-3|percent|exact||||observed|||\n" },
	/* an article saved one paragraph per line: each line is a
	 * paragraph, and the first one's date stays in it; hard-wrapped
	 * lines (short) still join */
	{ "paragraph_per_line", "In 2020 the market grew strongly. The "
	  "trade body said local firms won a larger share than at any "
	  "time before.\nExports rose 4 percent.\nIn 2021 output\nfell "
	  "2 percent.\n", "2022-11",
	  "rose 4 percent|4|percent|exact||||observed|trade.exports.change||\n"
	  "fell 2 percent|-2|percent|exact|||2021|observed|||\n" },
	/* labels that carry across paragraphs (the labels issue) */
	/* a run of suppliers after a share: follow = yes */
	{ "follow_suppliers", "China's share of US imports fell to 13.9 "
	  "percent in 2023.\n\nCanada was second at 13.7 percent, and "
	  "Germany followed with 5.2 percent.\n", "2024-02-08",
	  "13.9 percent|13.9|percent|exact|||2023|observed|"
	  "trade.imports.share|USA||CHN\n"
	  "13.7 percent|13.7|percent|exact|||2023|observed|"
	  "trade.imports.share|USA||CAN\n"
	  "5.2 percent|5.2|percent|exact|||2023|observed|"
	  "trade.imports.share|USA||DEU\n" },
	/* no share before: the run is no share */
	{ "follow_needs_share", "Germany's exports rose 4 percent in 2023."
	  "\n\nCanada was second with 13.7 percent.\n", "2024-02-08",
	  "rose 4 percent|4|percent|exact|||2023|observed|"
	  "trade.exports.change|DEU|\n"
	  "13.7 percent|13.7|percent|exact|||2023|observed||CAN|\n" },
	/* "Of that sum": a share of a total named a paragraph back, and the
	 * money it stands for (swap) */
	{ "follow_nearby_swap", "The EU's LNG imports in 2023 stood at more "
	  "than EUR 170 billion.\n\nOf that sum, nearly 15% came from "
	  "Russia, amounting to EUR 24 billion.\n", "2024-02-21",
	  "more than EUR 170 billion|170000000000|eur|more_than|"
	  "170000000000||2023|observed|lng.imports.value|EU|\n"
	  "nearly 15%|15|percent|almost||15|2023|observed|"
	  "lng.imports.share|EU||RUS\n"
	  "EUR 24 billion|24000000000|eur|exact|||2023|observed|"
	  "lng.exports.value|RUS||EU\n" },
	/* a flow naming only its partner: the holder of the last flow of
	 * its direction */
	{ "flow_holder", "German exports to China fell by 12 percent in "
	  "2023.\n\nExports of motor vehicles to China fell 23.9 percent."
	  "\n", "2024-02-08",
	  "fell by 12 percent|-12|percent|exact|||2023|observed|"
	  "trade.exports.change|DEU||CHN\n"
	  "fell 23.9 percent|-23.9|percent|exact|||2023|observed|"
	  "cars.exports.change|DEU||CHN\n" },
	/* a base's own date and a goal pass to no later paragraph */
	{ "base_date_no_carry", "Japan's output fell 16.2 per cent in 2020, "
	  "as against 99.3 MT in 2019.\n\nUS output fell 17.2 per cent."
	  "\n", "2021-01-31",
	  "fell 16.2 per cent|-16.2|percent|exact|||2020|observed||JPN|\n"
	  "99.3 MT|99300000|tonne|exact|||2019|baseline||JPN|\n"
	  "fell 17.2 per cent|-17.2|percent|exact|||2020|observed||USA|\n" },
	{ "deadline_no_carry", "India will cut the deficit to 4.5% by FY26."
	  "\n\nTill August, India's revenue receipts added up to Rs 10.13 "
	  "lakh crore.\n", "2023-10-23",
	  "4.5%|4.5|percent|exact|||2025-04/2026-03|target||IND|\n"
	  "Rs 10.13 lakh crore|10130000000000|inr|exact|||"
	  "2023-04/2023-08|observed||IND|\n" },
	/* a "now" in an aside dates nothing */
	{ "now_aside", "In 2022, the third place, now held by Hong Kong, was "
	  "taken by the Netherlands with 3 percent.", "2023-07-14",
	  "3 percent|3|percent|exact|||2022|observed||HKG|\n" },
	/* never claims */
	{ "models_and_years", "The S-400, RD-180, Mi-26, CR-929, 5G, 6G, "
	  "RISC-V, COVID-19 and Industrie 4.0 date from 2014 and 2019.", NULL,
	  "" },
	{ "referential", "The two countries and both sides met one analyst.",
	  NULL, "" },
	{ "section_refs", "See section 3.2 and 2.1 Telecommunications.", NULL,
	  "" },
	{ "decades", "Since the 1990s and the late 2000s little changed.", NULL,
	  "" },
	{ NULL, NULL, NULL, NULL }
};

struct sink {
	struct fig_buf out;
};

static int
on_claim(void *ctx, const struct fig_claim *c)
{
	struct sink *k = ctx;
	const char *v[CLAIM_NCOLUMNS];
	char num[5][64];

	claim_fields(c, v, num);
	/* quote value unit qualifier low high period kind metric entity fn,
	 * then |partner when there is one */
	buf_addf(&k->out, "%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s%s%s\n", v[2],
	    v[3], v[7], v[6], v[4], v[5], v[8], v[9], v[10], v[11], v[12],
	    v[13][0] ? "|" : "", v[13]);
	return 0;
}

static struct fig_rules *rules;

static void
run_cases(void)
{
	for (int i = 0; cases[i].name; i++) {
		struct sink k = { FIG_BUF_INIT };
		struct fig_extract_opts o = { cases[i].published, 0, NULL };
		struct fig_extract_cbs cbs = { on_claim, NULL, &k };
		struct fig_err err;

		if (extract_mem(rules, cases[i].text, strlen(cases[i].text),
		    "t", &o, &cbs, NULL, &err) != 0) {
			printf("FAIL %s: error %s\n", cases[i].name, err.msg);
			harness_failed_++;
		} else if (strcmp(buf_str(&k.out), cases[i].want) != 0) {
			printf("FAIL %s:\n--- got\n%s--- want\n%s", cases[i].name,
			    buf_str(&k.out), cases[i].want);
			harness_failed_++;
		}
		buf_release(&k.out);
	}
}

struct refsink {
	int n;
	char last[512];
};

static int
on_ref(void *ctx, const struct fig_ref *r)
{
	struct refsink *k = ctx;

	k->n++;
	snprintf(k->last, sizeof k->last, "%d|%ld|%s|%s", r->number, r->line,
	    r->date, r->url);
	return 0;
}

static int
count_claim(void *ctx, const struct fig_claim *c)
{
	(void)c;
	(*(int *)ctx)++;
	return 0;
}

static void
test_metadata_and_references(void)
{
	const char *doc =
	    "---\n"
	    "title: Chips in 2023\n"
	    "date: 2023-08-23\n"
	    "source: Example Wire, 45 percent sure\n"
	    "---\n"
	    "# Chips\n"
	    "\n"
	    "Russia now makes 40 percent of its chips.\xC2\xB9\n"
	    "\n"
	    "## References\n"
	    "\n"
	    "- 1 A. Writer, 'On chips', Wire, August 6 2020; updated 12 May "
	    "2021 <https://example.org/chips>.\n"
	    "- 2 Someone, 'More', (2019), 30 percent of pages.\n";
	struct fig_docmeta meta;
	struct refsink rk = { 0, "" };
	int nclaims = 0;
	struct fig_extract_cbs cbs = { count_claim, NULL, &nclaims };
	struct fig_err err;

	/* claims and refs go to different contexts: count claims first */
	CHECK(extract_mem(rules, doc, strlen(doc), "d", NULL, &cbs, &meta,
	    &err) == 0);
	CHECK(nclaims == 1);	/* not the metadata, not the references */
	CHECK_STR(meta.title, "Chips in 2023");
	CHECK_STR(meta.published, "2023-08-23");
	cbs.on_claim = NULL;
	cbs.on_ref = on_ref;
	cbs.ctx = &rk;
	CHECK(extract_mem(rules, doc, strlen(doc), "d", NULL, &cbs, &meta,
	    &err) == 0);
	CHECK(rk.n == 2);
	CHECK_STR(rk.last, "2|13|2019|");
	{
		/* first entry: the latest date and the URL */
		struct refsink one = { 0, "" };
		const char *d1 = "Body.\n\nReferences\n- 1 A. Writer, 'On chips', "
		    "August 6 2020; updated 12 May 2021 <https://example.org/c>.\n";
		cbs.ctx = &one;
		CHECK(extract_mem(rules, d1, strlen(d1), "d", NULL, &cbs, NULL,
		    &err) == 0);
		CHECK_STR(one.last, "1|4|2021-05-12|https://example.org/c");
	}
}

static void
test_kv_metadata_and_date_line(void)
{
	const char *kv = "title: A note\ndate: March 2024\n\nIt is 5 percent.\n";
	const char *top = "A REPORT\n\nNovember 2022\n\nIt is 5 percent.\n";
	struct fig_docmeta meta;
	int n = 0;
	struct fig_extract_cbs cbs = { count_claim, NULL, &n };
	struct fig_err err;

	CHECK(extract_mem(rules, kv, strlen(kv), "d", NULL, &cbs, &meta,
	    &err) == 0);
	CHECK_STR(meta.published, "2024-03");
	CHECK_STR(meta.title, "A note");
	CHECK(n == 1);
	n = 0;
	CHECK(extract_mem(rules, top, strlen(top), "d", NULL, &cbs, &meta,
	    &err) == 0);
	CHECK_STR(meta.published, "2022-11");
	CHECK_STR(meta.title, "A REPORT");
	CHECK(n == 1);
}

static void
test_bad_input(void)
{
	struct fig_err err;
	int n = 0;
	struct fig_extract_cbs cbs = { count_claim, NULL, &n };
	struct fig_extract_opts lossy = { NULL, 1, NULL };
	const char bin[] = "ok line\nbad\0line\n";
	const char crlf[] = "\xEF\xBB\xBFIn 2020 it was 5 percent.\r\n";

	CHECK(extract_mem(rules, "fine\nab\xFFz\n", 10, "f", NULL, &cbs, NULL,
	    &err) == -1);
	CHECK(err.line == 2 && strstr(err.msg, "invalid UTF-8") != NULL);
	CHECK(strstr(err.msg, "offset 7") != NULL);
	CHECK(extract_mem(rules, "fine\nab\xFFz 5 percent\n", 20, "f", &lossy,
	    &cbs, NULL, &err) == 0);
	CHECK(extract_mem(rules, bin, sizeof bin - 1, "b", NULL, &cbs, NULL,
	    &err) == -1);
	CHECK(err.line == 2 && strstr(err.msg, "NUL") != NULL);
	n = 0;
	CHECK(extract_mem(rules, crlf, sizeof crlf - 1, "c", NULL, &cbs, NULL,
	    &err) == 0 && n == 1);
}

static void
test_long_line(void)
{
	/* a document without line breaks is cut into bounded blocks and
	 * every figure is still found */
	struct fig_buf b = FIG_BUF_INIT;
	int n = 0;
	struct fig_extract_cbs cbs = { count_claim, NULL, &n };
	struct fig_err err;

	/* 800 KB in one block: minutes under valgrind, as t0040's 50 MB */
	if (getenv("VALGRIND") && strcmp(getenv("VALGRIND"), "1") == 0)
		return;
	for (int i = 0; i < 20000; i++)
		buf_adds(&b, "In 2020 the share was 12 percent of all. ");
	CHECK(extract_mem(rules, b.data, b.len, "long", NULL, &cbs, NULL,
	    &err) == 0);
	CHECK(n >= 19990 && n <= 20000);
	buf_release(&b);
}

/* A long line's cut near a grid point is found from the bytes around
 * it, whatever the line held before: at the first sentence end past it
 * that seg_sentences reads as one ("U.S." is none), else after a space,
 * and the same from the line's start as from a window of it. */
static void
test_grid_cut(void)
{
	size_t n = 3 * LINE_GRID, g = LINE_GRID, w = g - CUT_BACK;
	char *s = xmalloc(n);
	pcre2_match_data *md = rules_match_data(rules);
	const char *mid = "the U.S. Trade fell. Then";
	long long cut;

	for (size_t i = 0; i < n; i++)
		s[i] = i % 5 == 4 ? ' ' : 'a';
	memcpy(s + g + 100, mid, strlen(mid));
	cut = extract_grid_cut(rules, md, s, n, 0, g, 0);
	CHECK(cut == (long long)(g + 100 + strlen(mid) - 4));
	CHECK(extract_grid_cut(rules, md, s + w, CUT_BACK + LINE_GRID / 2 +
	    CUT_AHEAD, w, g, 0) == cut);
	/* too few bytes after g yet: wait, unless the line ends there */
	CHECK(extract_grid_cut(rules, md, s, g + 200, 0, g, 0) == -1);
	CHECK(extract_grid_cut(rules, md, s, g + 200, 0, g, 1) == cut);
	/* no sentence end near g: after the first space from g */
	CHECK(extract_grid_cut(rules, md, s, n, 0, 2 * g, 0) ==
	    (long long)(2 * g + (4 + 5 - 2 * g % 5) % 5 + 1));
	pcre2_match_data_free(md);
	free(s);
}

static int
on_base(void *ctx, const struct fig_claim *c)
{
	buf_addf(&((struct sink *)ctx)->out, "%s|%s|%s\n", c->quote,
	    c->period, c->base);
	return 0;
}

/* The base a change's text names right after it is kept for the diff;
 * a figure with none keeps none, and a base figure is dated by it. */
static void
test_base(void)
{
	static const char text[] = "As of June 2022, PRC exports to Russia "
	    "had fallen 38 percent compared to the second half of 2021.\n\n"
	    "In 2023 exports rose 12 percent.\n\n"
	    "In 2022 exports rose 20% to $120 billion, up from $98.7 "
	    "billion in 2021.\n";
	struct sink k = { FIG_BUF_INIT };
	struct fig_extract_opts o = { "2023-02-01", 0, NULL };
	struct fig_extract_cbs cbs = { on_base, NULL, &k };
	struct fig_err err;

	CHECK(extract_mem(rules, text, strlen(text), "b", &o, &cbs, NULL,
	    &err) == 0);
	CHECK_STR(buf_str(&k.out),
	    "had fallen 38 percent|2022-06|2021-H2\n"
	    "rose 12 percent|2023|\n"
	    "rose 20%|2022|\n"
	    "$120 billion|2022|\n"
	    "$98.7 billion|2021|\n");
	buf_release(&k.out);
}

static void
test_context_window(void)
{
	/* one sentence of 6 KB: topic rules see about a kilobyte either
	 * side of each figure, so the words just before a figure still
	 * name it, a requirement answered for one figure's window is asked
	 * again for the next, and a cut through two-byte characters leaves
	 * whole ones (the patterns skip UTF-8 checks) */
	struct fig_buf b = FIG_BUF_INIT;
	struct sink k = { FIG_BUF_INIT };
	struct fig_extract_cbs cbs = { on_claim, NULL, &k };
	struct fig_err err;

	buf_adds(&b, "In 2022 China's exports to Russia rose 12.8 percent ");
	for (int i = 0; i < 1500; i++)
		buf_adds(&b, i % 2 ? "\xC3\xA9t\xC3\xA9 " : "and ");
	buf_adds(&b, "and 4.1 percent ");
	for (int i = 0; i < 600; i++)
		buf_adds(&b, "\xC3\xA9 ");
	buf_adds(&b, "while China's exports to Russia rose 9.5 percent.\n");
	CHECK(extract_mem(rules, b.data, b.len, "w", NULL, &cbs, NULL,
	    &err) == 0);
	CHECK_STR(buf_str(&k.out),
	    "rose 12.8 percent|12.8|percent|exact|||2022|observed|"
	    "trade.exports.change|CHN||RUS\n"
	    "4.1 percent|4.1|percent|exact|||2022|observed||CHN|\n"
	    "rose 9.5 percent|9.5|percent|exact|||2022|observed|"
	    "trade.exports.change|CHN||RUS\n");
	buf_release(&k.out);
	buf_release(&b);
}

static void
test_jit_choice(void)
{
	/* rules_jit_for: the interpreter for a small file, the JIT for a
	 * stream of unknown size (none at all under FIGTRACK_NO_JIT), each
	 * pattern compiled when first matched */
	struct fig_rules *r;
	struct fig_err err;
	char path[] = "/tmp/figtrack-unit-XXXXXX";
	char *small[] = { path }, *stream[] = { "-" };
	size_t jsize = 0;
	pcre2_match_data *md;
	int fd = mkstemp(path), jit = getenv("FIGTRACK_NO_JIT") == NULL;

	CHECK(fd >= 0 && write(fd, "It is 5 percent.\n", 17) == 17);
	close(fd);
	CHECK(rules_load(&r, "data/rules", &err) == 0);
	rules_jit_for(r, small, 1);
	CHECK(pcre2_pattern_info(r->quantity.code, PCRE2_INFO_JITSIZE,
	    &jsize) == 0 && jsize == 0);
	/* each pattern is compiled when first matched, not before */
	rules_jit_for(r, stream, 1);
	CHECK(pcre2_pattern_info(r->quantity.code, PCRE2_INFO_JITSIZE,
	    &jsize) == 0 && jsize == 0);
	md = rules_match_data(r);
	CHECK(rules_match(r, &r->quantity, "It is 5 percent.", 16, 0, 0, md,
	    &err) >= 0);
	pcre2_match_data_free(md);
	CHECK(pcre2_pattern_info(r->quantity.code, PCRE2_INFO_JITSIZE,
	    &jsize) == 0 && (jsize > 0) == jit);
	CHECK(pcre2_pattern_info(r->topics[r->ntopics - 1].pattern[0].code,
	    PCRE2_INFO_JITSIZE, &jsize) == 0 && jsize == 0);
	rules_free(r);
	unlink(path);
}

int
main(int argc, char **argv)
{
	static const struct harness_test tests[] = {
		{ "extract_cases", run_cases },
		{ "extract_metadata_references", test_metadata_and_references },
		{ "extract_kv_metadata_date_line", test_kv_metadata_and_date_line },
		{ "extract_bad_input", test_bad_input },
		{ "extract_long_line", test_long_line },
		{ "extract_grid_cut", test_grid_cut },
		{ "extract_context_window", test_context_window },
		{ "extract_base", test_base },
		{ "extract_jit_choice", test_jit_choice },
		{ NULL, NULL }
	};
	struct fig_err err;
	int rc;

	if (rules_load(&rules, "data/rules", &err) != 0) {
		printf("FAIL rules: %s:%ld: %s\n", err.file, err.line, err.msg);
		return 1;
	}
	rc = harness_main(tests, argc, argv);
	rules_free(rules);
	return rc;
}
