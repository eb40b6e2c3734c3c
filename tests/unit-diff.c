/* unit-diff.c: the diff module: every class, intervals and tolerance,
 * unit scaling and conversion (UDUNITS-2), percentage points, like
 * with like (kinds of span, runs of months, a change's base), two newer
 * sources for one period, date limits, new series, a baseline without
 * metrics, and a randomised cross-check against a brute-force reading
 * of the rules in docs/formats.md. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/diff.h"
#include "harness.h"

static const struct fig_diff_src REPORT = { 1, "report.txt", "2022-11" };
static const struct fig_diff_src ART23 = { 2, "article-2023.txt", "2023-05" };
static const struct fig_diff_src ART24 = { 3, "article-2024.txt", "2024-03" };
static const struct fig_diff_src DATA = { 4, "stats.csv", "2024-06-30" };

/* A claim: observed, exact, no bounds, unless the caller changes it. */
static struct fig_claim
mk(long line, const char *quote, double value, const char *unit,
    const char *period, const char *metric, const char *entity)
{
	struct fig_claim c;

	claim_init(&c);
	c.line = line;
	c.quote = (char *)quote;	/* borrowed: the diff copies it */
	c.value = value;
	claim_setfield(c.unit, sizeof c.unit, unit);
	claim_setfield(c.period, sizeof c.period, period);
	claim_setfield(c.metric, sizeof c.metric, metric);
	claim_setfield(c.entity, sizeof c.entity, entity);
	return c;
}

static struct fig_claim
bounded(struct fig_claim c, enum fig_qual q, int has_low, double low,
    int has_high, double high)
{
	c.qual = q;
	c.has_low = has_low;
	c.low = low;
	c.has_high = has_high;
	c.high = high;
	return c;
}

static struct fig_claim
target(struct fig_claim c)
{
	c.kind = FIG_PK_TARGET;
	return c;
}

/* Diffs one baseline figure against the given newer ones (NULL-ended
 * pairs of claim and source) and returns the deciding row's class. */
struct pair {
	struct fig_claim c;
	const struct fig_diff_src *src;
};

/* Every row of d, in a malloc'd array that done() frees. */
static struct fig_diff_row *
all_rows(struct fig_diff *d, size_t *nr)
{
	struct fig_diff_row *r;

	*nr = diff_run(d);
	r = calloc(*nr ? *nr : 1, sizeof *r);
	for (size_t i = 0; i < *nr; i++)
		diff_row(d, i, &r[i]);
	return r;
}

static void
done(struct fig_diff *d, struct fig_diff_row *r)
{
	free(r);
	diff_free(d);
}

static struct fig_diff *
run(const struct fig_diff_opts *o, const struct fig_claim *base,
    const struct pair *newer, int nnewer, struct fig_diff_row **rows,
    size_t *nrows)
{
	struct fig_diff *d = diff_new(o);

	if (base)
		diff_add_baseline(d, base, &REPORT);
	for (int i = 0; i < nnewer; i++)
		diff_add_newer(d, &newer[i].c, newer[i].src);
	*rows = all_rows(d, nrows);
	return d;
}

#define SHARE "semiconductor_imports.share_from_china"

static void
test_confirmed(void)
{
	struct fig_claim b = mk(278, "around 57 percent", 57, "percent",
	    "2020", SHARE, "Russia");
	struct pair n[] = { { mk(9, "57.2%", 57.2, "percent", "2020", SHARE,
	    "Russia"), &ART23 } };
	struct fig_diff_row *r = NULL;
	size_t nr;
	struct fig_diff *d = run(NULL, &b, n, 1, &r, &nr);

	CHECK(nr == 1);
	CHECK_STR(diff_class_name(r[0].cls), "confirmed");
	CHECK(r[0].latest == 1);
	CHECK_STR(r[0].base.quote, "around 57 percent");
	CHECK_STR(r[0].base.src->doc, "report.txt");
	CHECK(r[0].base.line == 278);
	CHECK_STR(r[0].newer.quote, "57.2%");
	CHECK_STR(r[0].newer.src->doc, "article-2023.txt");
	CHECK_STR(r[0].newer.src->published, "2023-05");
	CHECK(r[0].newer.line == 9);
	/* between two percentages: points, and no relative change */
	CHECK(r[0].has_change && !r[0].has_rel);
	CHECK_NUM(r[0].change_abs, 0.2);
	CHECK(diff_stats(d)->decided[FIG_D_CONFIRMED] == 1);
	done(d, r);
}

static void
test_revised(void)
{
	struct fig_claim b = mk(278, "57 percent", 57, "percent", "2020",
	    SHARE, "Russia");
	struct pair n[] = { { mk(4, "60 percent", 60, "percent", "2020",
	    SHARE, "Russia"), &ART23 } };
	struct fig_diff_row *r = NULL;
	size_t nr;
	struct fig_diff *d = run(NULL, &b, n, 1, &r, &nr);

	CHECK(nr == 1);
	CHECK(r[0].cls == FIG_D_REVISED);
	CHECK_NUM(r[0].base.value, 57);
	CHECK_NUM(r[0].newer.value, 60);
	CHECK_NUM(r[0].change_abs, 3);
	CHECK(!r[0].has_rel);
	done(d, r);
}

/* Money and counts change relatively; percentage points do not. */
static void
test_change_rel(void)
{
	struct fig_claim b = mk(6, "US$146.9 billion", 146.9e9, "usd", "2021",
	    "trade.turnover.value", "CHN+RUS");
	struct pair n[] = { { mk(2, "$190.3 billion", 190.3e9, "usd", "2022",
	    "trade.turnover.value", "CHN+RUS"), &ART23 } };
	struct fig_claim pb = mk(1, "4 points", 4, "percentage_point", "2021",
	    "trade.imports.share", "RUS");
	struct pair pn[] = { { mk(2, "5 points", 5, "percentage_point",
	    "2022", "trade.imports.share", "RUS"), &ART23 } };
	struct fig_diff_row *r = NULL;
	size_t nr;
	struct fig_diff *d = run(NULL, &b, n, 1, &r, &nr);

	CHECK(nr == 1 && r[0].cls == FIG_D_UPDATED);
	CHECK(r[0].has_rel);
	CHECK_NUM(r[0].change_rel, 43.4 / 146.9);
	done(d, r);
	d = run(NULL, &pb, pn, 1, &r, &nr);
	CHECK(nr == 1 && r[0].cls == FIG_D_UPDATED);
	CHECK(r[0].has_change && !r[0].has_rel);
	CHECK_NUM(r[0].change_abs, 1);
	done(d, r);
}

/* 0.5 % of 57 is 0.285: 57.28 agrees, 57.3 does not, unless the
 * tolerance is raised. */
static void
test_tolerance(void)
{
	struct fig_claim b = mk(1, "57 percent", 57, "percent", "2020", SHARE,
	    "Russia");
	struct pair in[] = { { mk(1, "57.28", 57.28, "percent", "2020", SHARE,
	    "Russia"), &ART23 } };
	struct pair out[] = { { mk(1, "57.3", 57.3, "percent", "2020", SHARE,
	    "Russia"), &ART23 } };
	struct pair below[] = { { mk(1, "56.7", 56.7, "percent", "2020",
	    SHARE, "Russia"), &ART23 } };
	struct fig_diff_opts wide = { 0.01, NULL, 0, 0, 0, NULL };
	struct fig_diff_opts none = { 0, NULL, 0, 0, 0, NULL };
	struct fig_diff_row *r = NULL;
	size_t nr;
	struct fig_diff *d;

	d = run(NULL, &b, in, 1, &r, &nr);
	CHECK(r[0].cls == FIG_D_CONFIRMED);
	done(d, r);
	d = run(NULL, &b, out, 1, &r, &nr);
	CHECK(r[0].cls == FIG_D_REVISED);
	done(d, r);
	d = run(NULL, &b, below, 1, &r, &nr);
	CHECK(r[0].cls == FIG_D_REVISED);
	done(d, r);
	d = run(&wide, &b, out, 1, &r, &nr);
	CHECK(r[0].cls == FIG_D_CONFIRMED);
	done(d, r);
	d = run(&none, &b, in, 1, &r, &nr);
	CHECK(r[0].cls == FIG_D_REVISED);
	done(d, r);
}

/* Bounds and ranges compare as intervals. */
static void
test_bounds(void)
{
	static const struct {
		double bv; enum fig_qual bq; int bl; double blo; int bh;
		double bhi;
		double nv; enum fig_qual nq; int nl; double nlo; int nh;
		double nhi;
		enum fig_dclass want;
	} t[] = {
		/* more than 80 is confirmed by 85, not by 75 */
		{ 80, FIG_Q_MORE_THAN, 1, 80, 0, 0,
		  85, FIG_Q_EXACT, 0, 0, 0, 0, FIG_D_CONFIRMED },
		{ 80, FIG_Q_MORE_THAN, 1, 80, 0, 0,
		  75, FIG_Q_EXACT, 0, 0, 0, 0, FIG_D_REVISED },
		/* a bound without low/high set still opens its half-line */
		{ 80, FIG_Q_AT_LEAST, 0, 0, 0, 0,
		  99, FIG_Q_EXACT, 0, 0, 0, 0, FIG_D_CONFIRMED },
		/* almost 80: up to 80 */
		{ 80, FIG_Q_ALMOST, 0, 0, 1, 80,
		  79.5, FIG_Q_EXACT, 0, 0, 0, 0, FIG_D_CONFIRMED },
		{ 80, FIG_Q_ALMOST, 0, 0, 1, 80,
		  81, FIG_Q_EXACT, 0, 0, 0, 0, FIG_D_REVISED },
		{ 80, FIG_Q_LESS_THAN, 0, 0, 1, 80,
		  12, FIG_Q_EXACT, 0, 0, 0, 0, FIG_D_CONFIRMED },
		/* a range 30-40 holds 35, not 45; tolerance widens its ends */
		{ 35, FIG_Q_RANGE, 1, 30, 1, 40,
		  35, FIG_Q_EXACT, 0, 0, 0, 0, FIG_D_CONFIRMED },
		{ 35, FIG_Q_RANGE, 1, 30, 1, 40,
		  40.1, FIG_Q_EXACT, 0, 0, 0, 0, FIG_D_CONFIRMED },
		{ 35, FIG_Q_RANGE, 1, 30, 1, 40,
		  45, FIG_Q_EXACT, 0, 0, 0, 0, FIG_D_REVISED },
		/* newer interval against a baseline point: overlap agrees */
		{ 80, FIG_Q_EXACT, 0, 0, 0, 0,
		  80, FIG_Q_RANGE, 1, 75, 1, 85, FIG_D_CONFIRMED },
		{ 80, FIG_Q_EXACT, 0, 0, 0, 0,
		  85, FIG_Q_MORE_THAN, 1, 85, 0, 0, FIG_D_REVISED },
		/* two half-lines the same way always meet */
		{ 80, FIG_Q_MORE_THAN, 1, 80, 0, 0,
		  70, FIG_Q_MORE_THAN, 1, 70, 0, 0, FIG_D_CONFIRMED },
		/* opposite half-lines that do not meet */
		{ 80, FIG_Q_MORE_THAN, 1, 80, 0, 0,
		  70, FIG_Q_LESS_THAN, 0, 0, 1, 70, FIG_D_REVISED },
		/* two ranges: overlap or not */
		{ 35, FIG_Q_RANGE, 1, 30, 1, 40,
		  42, FIG_Q_RANGE, 1, 39, 1, 45, FIG_D_CONFIRMED },
		{ 35, FIG_Q_RANGE, 1, 30, 1, 40,
		  47, FIG_Q_RANGE, 1, 44, 1, 50, FIG_D_REVISED },
	};

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct fig_claim b = bounded(mk(237, "b", t[i].bv, "percent",
		    "2015", "machine_tools.import_share", "Russia"), t[i].bq,
		    t[i].bl, t[i].blo, t[i].bh, t[i].bhi);
		struct pair n[] = { { bounded(mk(3, "n", t[i].nv, "percent",
		    "2015", "machine_tools.import_share", "Russia"), t[i].nq,
		    t[i].nl, t[i].nlo, t[i].nh, t[i].nhi), &DATA } };
		struct fig_diff_row *r = NULL;
		size_t nr;
		struct fig_diff *d = run(NULL, &b, n, 1, &r, &nr);

		if (nr != 1 || r[0].cls != t[i].want) {
			printf("FAIL bounds case %zu: got %s\n", i,
			    nr ? diff_class_name(r[0].cls) : "no row");
			harness_failed_++;
		}
		done(d, r);
	}
}

/* Values are canonical: US$4.1 billion and 4100 million dollars are
 * both usd 4100000000, though 4.1 * 1e9 rounds to 4099999999.9999995
 * in binary. Currencies never meet, nor do percent and percentage
 * points. */
static void
test_units(void)
{
	volatile double billions = 4.1, millions = 4100;
	struct fig_claim b = mk(259, "US$4.1 billion", billions * 1e9, "usd",
	    "2021", "trade.bilateral.value", "PRC+Russia");
	struct pair same[] = { { mk(7, "4100 million dollars", millions * 1e6,
	    "usd", "2021", "trade.bilateral.value", "PRC+Russia"), &ART23 } };
	struct pair eur[] = { { mk(7, "EUR 4.1 billion", 4.1e9, "eur", "2021",
	    "trade.bilateral.value", "PRC+Russia"), &ART23 } };
	struct fig_claim pct = mk(12, "rose 5 percent", 5, "percent", "2021",
	    "trade.bilateral.change", "PRC+Russia");
	struct pair pp[] = { { mk(8, "5 percentage points", 5,
	    "percentage_point", "2021", "trade.bilateral.change",
	    "PRC+Russia"), &ART23 } };
	struct fig_diff_opts exact = { 0, NULL, 0, 0, 0, NULL };
	struct fig_diff_row *r = NULL;
	size_t nr;
	struct fig_diff *d;

	CHECK(b.value != same[0].c.value);	/* the rounding is real */
	d = run(&exact, &b, same, 1, &r, &nr);
	CHECK(nr == 1);
	CHECK(r[0].cls == FIG_D_CONFIRMED);
	CHECK_STR(r[0].unit, "usd");
	done(d, r);

	/* a billion more is a revision, not a unit mix-up */
	same[0].c.value = 5.1e9;
	d = run(NULL, &b, same, 1, &r, &nr);
	CHECK(r[0].cls == FIG_D_REVISED);
	CHECK_NUM(r[0].change_abs, 1e9);
	done(d, r);

	/* eur is another series: the usd figure is stale, eur is new */
	d = run(NULL, &b, eur, 1, &r, &nr);
	CHECK(nr == 2);
	CHECK(r[0].cls == FIG_D_STALE && !r[0].has_newer);
	CHECK(r[1].cls == FIG_D_NEW);
	CHECK_STR(r[1].unit, "eur");
	done(d, r);

	d = run(NULL, &pct, pp, 1, &r, &nr);
	CHECK(nr == 2);
	CHECK(r[0].cls == FIG_D_STALE);
	CHECK(r[1].cls == FIG_D_NEW);
	CHECK_STR(r[1].unit, "percentage_point");
	done(d, r);
}

/* Later periods of the same granularity update a figure; the latest
 * period wins, and within it the latest publication. */
static void
test_updated(void)
{
	struct fig_claim b = mk(278, "57 percent", 57, "percent", "2020",
	    SHARE, "Russia");
	struct pair n[] = {
		{ mk(5, "60 percent in 2021", 60, "percent", "2021", SHARE,
		    "Russia"), &ART24 },
		{ mk(6, "63 percent in 2022", 63, "percent", "2022", SHARE,
		    "Russia"), &ART23 },
		{ mk(2, "65 percent", 65, "percent", "2022", SHARE, "Russia"),
		    &DATA },
		/* a finer granularity does not update a yearly figure */
		{ mk(7, "70 percent in Q1", 70, "percent", "2023-Q1", SHARE,
		    "Russia"), &ART24 },
		/* nor does another entity or a target */
		{ mk(8, "80 percent", 80, "percent", "2024", SHARE,
		    "Belarus"), &ART24 },
		{ target(mk(9, "90 percent by 2030", 90, "percent", "2030",
		    SHARE, "Russia")), &ART24 },
	};
	struct fig_diff_row *r = NULL;
	size_t nr;
	struct fig_diff *d = run(NULL, &b, n, 6, &r, &nr);

	CHECK(nr == 3);	/* stats.csv, article-2023, then Belarus as new */
	CHECK(r[0].cls == FIG_D_UPDATED && r[0].latest);
	CHECK_STR(r[0].newer.period, "2022");
	CHECK_NUM(r[0].newer.value, 65);
	CHECK_STR(r[0].newer.src->doc, "stats.csv");
	CHECK_NUM(r[0].change_abs, 8);
	CHECK(r[1].cls == FIG_D_UPDATED && !r[1].latest);
	CHECK_STR(r[1].newer.src->doc, "article-2023.txt");
	CHECK_NUM(r[1].newer.value, 63);
	CHECK(r[2].cls == FIG_D_NEW);
	CHECK_STR(r[2].entity, "Belarus");
	CHECK(diff_stats(d)->decided[FIG_D_UPDATED] == 1);
	CHECK(diff_stats(d)->decided[FIG_D_NEW] == 1);
	done(d, r);

	/* with no later month, other kinds of span are only related: the
	 * period that ends latest is shown */
	b = mk(1, "x", -38, "percent", "2022-06", SHARE, "Russia");
	{
		struct pair h[] = {
			{ mk(1, "y", 2.1, "percent", "2022-H1", SHARE,
			    "Russia"), &ART24 },
			{ mk(2, "z", 12.8, "percent", "2022", SHARE,
			    "Russia"), &ART23 },
			{ mk(3, "w", 4.1, "percent", "2024", SHARE,
			    "Russia"), &DATA },
			{ mk(4, "v", 5, "percent", "2024-Q3", SHARE,
			    "Russia"), &ART24 },
		};
		d = run(NULL, &b, h, 4, &r, &nr);
		CHECK(nr == 1);
		CHECK(r[0].cls == FIG_D_RELATED);
		CHECK_STR(r[0].newer.period, "2024");
		/* no change between unlike spans */
		CHECK(!r[0].has_change && !r[0].has_rel);
		done(d, r);
		/* a period that holds the baseline's is related too */
		d = run(NULL, &b, h, 1, &r, &nr);
		CHECK(nr == 1);
		CHECK(r[0].cls == FIG_D_RELATED);
		CHECK_STR(r[0].newer.period, "2022-H1");
		done(d, r);
	}
	/* one that ends before it begins is not */
	b = mk(1, "x", -38, "percent", "2022-07", SHARE, "Russia");
	{
		struct pair h[] = {
			{ mk(1, "y", 2.1, "percent", "2022-H1", SHARE,
			    "Russia"), &ART24 },
		};
		d = run(NULL, &b, h, 1, &r, &nr);
		CHECK(nr == 1);
		CHECK(r[0].cls == FIG_D_STALE);
		done(d, r);
	}

	/* the same figure with a half-year period: halves come first */
	b = mk(1, "x", 57, "percent", "2021-H1", SHARE, "Russia");
	{
		struct pair h[] = {
			{ mk(1, "y", 58, "percent", "2022", SHARE, "Russia"),
			    &ART24 },
			{ mk(2, "z", 59, "percent", "2021-H2", SHARE,
			    "Russia"), &ART23 },
		};
		d = run(NULL, &b, h, 2, &r, &nr);
		CHECK(nr == 1);
		CHECK(r[0].cls == FIG_D_UPDATED);
		CHECK_STR(r[0].newer.period, "2021-H2");
		done(d, r);
	}
}

static void
test_stale(void)
{
	struct fig_claim b = mk(176, "10 Russian universities", 10, "count",
	    "2020", "huawei.russia_university_labs", "Huawei");
	struct pair n[] = {
		/* an earlier period only: not newer knowledge of 2020 */
		{ mk(3, "8 universities", 8, "count", "2019",
		    "huawei.russia_university_labs", "Huawei"), &ART23 },
	};
	struct fig_diff_row *r = NULL;
	size_t nr;
	struct fig_diff *d = run(NULL, &b, NULL, 0, &r, &nr);

	CHECK(nr == 1);
	CHECK(r[0].cls == FIG_D_STALE && r[0].latest);
	CHECK(!r[0].has_newer && !r[0].has_change);
	CHECK(diff_stats(d)->decided[FIG_D_STALE] == 1);
	done(d, r);
	d = run(NULL, &b, n, 1, &r, &nr);
	CHECK(nr == 1);
	CHECK(r[0].cls == FIG_D_STALE);
	done(d, r);
}

/* Targets compare with targets: the same date and value confirms,
 * another value or another date moves it. */
static void
test_target_moved(void)
{
	struct fig_claim b = target(mk(278, "59.1 percent by 2030", 59.1,
	    "percent", "2030", "electronics.domestic_share_target", "Russia"));
	struct pair value[] = { { target(mk(4, "55 percent by 2030", 55,
	    "percent", "2030", "electronics.domestic_share_target",
	    "Russia")), &ART23 } };
	struct pair date[] = {
		{ target(mk(4, "59.1 percent by 2035", 59.1, "percent", "2035",
		    "electronics.domestic_share_target", "Russia")), &ART23 },
		{ target(mk(6, "65 percent by 2040", 65, "percent", "2040",
		    "electronics.domestic_share_target", "Russia")), &ART23 },
		{ target(mk(9, "50 percent by 2028", 50, "percent", "2028",
		    "electronics.domestic_share_target", "Russia")), &ART24 },
	};
	struct pair kept[] = { { target(mk(4, "59.1 percent by 2030", 59.1,
	    "percent", "2030", "electronics.domestic_share_target",
	    "Russia")), &ART24 } };
	/* a target slug makes a goal whatever the period kind says */
	struct pair slug[] = { { mk(4, "59.1 percent in 2030", 59.1,
	    "percent", "2030", "electronics.domestic_share_target",
	    "Russia"), &ART24 } };
	struct fig_claim plain = target(mk(30, "50 percent by 2030", 50,
	    "percent", "2030", "electronics.domestic_share", "Russia"));
	struct pair observed[] = { { mk(4, "40 percent in 2030", 40,
	    "percent", "2030", "electronics.domestic_share", "Russia"),
	    &ART24 } };
	struct fig_diff_row *r = NULL;
	size_t nr;
	struct fig_diff *d;

	d = run(NULL, &b, value, 1, &r, &nr);
	CHECK(nr == 1);
	CHECK(r[0].cls == FIG_D_TARGET_MOVED);
	CHECK_NUM(r[0].change_abs, 55 - 59.1);
	done(d, r);

	/* moved date: the latest publication's target (2028, article-2024)
	 * shows, not the later date of an older article */
	d = run(NULL, &b, date, 3, &r, &nr);
	CHECK(nr == 1);
	CHECK(r[0].cls == FIG_D_TARGET_MOVED);
	CHECK_STR(r[0].newer.period, "2028");
	CHECK_STR(r[0].newer.src->doc, "article-2024.txt");
	done(d, r);

	d = run(NULL, &b, kept, 1, &r, &nr);
	CHECK(r[0].cls == FIG_D_CONFIRMED);
	done(d, r);

	d = run(NULL, &b, slug, 1, &r, &nr);
	CHECK(nr == 1);
	CHECK(r[0].cls == FIG_D_CONFIRMED);
	done(d, r);

	/* an observed figure of a plain metric is not a restated target,
	 * only related: how far the series has come */
	d = run(NULL, &plain, observed, 1, &r, &nr);
	CHECK(nr == 1);
	CHECK(r[0].cls == FIG_D_RELATED && r[0].has_newer);
	CHECK(!r[0].has_change);
	done(d, r);
}

/* A baseline target is not "moved" to a date the baseline also has a
 * target for: that is the other target's restatement. */
static void
test_target_other_dates(void)
{
	struct fig_claim b[] = {
		target(mk(21, "90 nm by 2022", 90, "nm", "2022",
		    "process_node.target", "Russia")),
		target(mk(22, "28 nm by 2030", 28, "nm", "2030",
		    "process_node.target", "Russia")),
	};
	struct pair n[] = {
		{ target(mk(17, "28 nm by 2030", 28, "nm", "2030",
		    "process_node.target", "Russia")), &ART24 },
	};
	struct pair moved[] = {
		{ target(mk(17, "28 nm by 2030", 28, "nm", "2030",
		    "process_node.target", "Russia")), &ART24 },
		{ target(mk(18, "65 nm by 2024", 65, "nm", "2024",
		    "process_node.target", "Russia")), &ART23 },
	};
	struct fig_diff_row *r = NULL;
	size_t nr;
	struct fig_diff *d = diff_new(NULL);

	diff_add_baseline(d, &b[0], &REPORT);
	diff_add_baseline(d, &b[1], &REPORT);
	diff_add_newer(d, &n[0].c, n[0].src);
	r = all_rows(d, &nr);
	CHECK(nr == 2);
	CHECK(r[0].cls == FIG_D_STALE);
	CHECK(r[1].cls == FIG_D_CONFIRMED);
	done(d, r);

	/* a date the baseline lacks: the 2022 target moved to 2024, even
	 * though a later publication restates the 2030 one */
	d = diff_new(NULL);
	diff_add_baseline(d, &b[0], &REPORT);
	diff_add_baseline(d, &b[1], &REPORT);
	diff_add_newer(d, &moved[0].c, moved[0].src);
	diff_add_newer(d, &moved[1].c, moved[1].src);
	r = all_rows(d, &nr);
	CHECK(nr == 2);
	CHECK(r[0].cls == FIG_D_TARGET_MOVED);
	CHECK_STR(r[0].newer.period, "2024");
	CHECK_NUM(r[0].change_abs, -25);
	CHECK(r[1].cls == FIG_D_CONFIRMED);
	done(d, r);
}

/* Two newer sources for one period: the latest publication decides,
 * both are listed, each judged on its own; one source is listed once. */
static void
test_two_sources(void)
{
	struct fig_claim b = mk(278, "57 percent", 57, "percent", "2020",
	    SHARE, "Russia");
	struct pair n[] = {
		{ mk(12, "57 percent", 57, "percent", "2020", SHARE, "Russia"),
		    &ART24 },
		{ mk(3, "60 percent", 60, "percent", "2020", SHARE, "Russia"),
		    &ART23 },
		{ mk(20, "57 percent again", 57, "percent", "2020", SHARE,
		    "Russia"), &ART24 },
	};
	struct pair rev[3];
	struct fig_diff_row *r = NULL;
	size_t nr;
	struct fig_diff *d = run(NULL, &b, n, 3, &r, &nr);

	CHECK(nr == 2);
	CHECK(r[0].cls == FIG_D_CONFIRMED && r[0].latest == 1);
	CHECK_STR(r[0].newer.src->doc, "article-2024.txt");
	CHECK(r[0].newer.line == 12);
	CHECK(r[1].cls == FIG_D_REVISED && r[1].latest == 0);
	CHECK_STR(r[1].newer.src->doc, "article-2023.txt");
	CHECK(diff_stats(d)->decided[FIG_D_CONFIRMED] == 1);
	CHECK(diff_stats(d)->decided[FIG_D_REVISED] == 0);
	done(d, r);

	/* the order figures arrive in does not matter */
	rev[0] = n[2];
	rev[1] = n[1];
	rev[2] = n[0];
	d = run(NULL, &b, rev, 3, &r, &nr);
	CHECK(nr == 2);
	CHECK(r[0].cls == FIG_D_CONFIRMED && r[0].newer.line == 12);
	CHECK(r[1].cls == FIG_D_REVISED);
	done(d, r);

	/* swap the dates: now the 60 is latest and the figure revised */
	n[1].src = &DATA;
	d = run(NULL, &b, n, 3, &r, &nr);
	CHECK(r[0].cls == FIG_D_REVISED && r[0].latest);
	CHECK_STR(r[0].newer.src->doc, "stats.csv");
	CHECK(r[1].cls == FIG_D_CONFIRMED && !r[1].latest);
	done(d, r);
}

/* Equal publication dates: the higher document id counts as later. */
static void
test_same_date(void)
{
	static const struct fig_diff_src a = { 7, "a.txt", "2024" };
	static const struct fig_diff_src z = { 5, "z.txt", "2024" };
	struct fig_claim b = mk(1, "57", 57, "percent", "2020", SHARE,
	    "Russia");
	struct pair n[] = {
		{ mk(1, "58", 58, "percent", "2020", SHARE, "Russia"), &a },
		{ mk(1, "57", 57, "percent", "2020", SHARE, "Russia"), &z },
	};
	struct fig_diff_row *r = NULL;
	size_t nr;
	struct fig_diff *d = run(NULL, &b, n, 2, &r, &nr);

	CHECK(nr == 2);
	CHECK_STR(r[0].newer.src->doc, "a.txt");
	CHECK(r[0].cls == FIG_D_REVISED);
	done(d, r);
}

/* A baseline without metrics: nothing to class, every newer series is
 * new; the skipped claims are counted. */
static void
test_no_metrics(void)
{
	struct fig_claim b1 = mk(77, "four broad fields", 4, "count", "2022",
	    "", "PRC+Russia");
	struct fig_claim b2 = mk(205, "15 fields", 15, "count", "2015", "",
	    "PRC+Russia");
	struct pair n[] = {
		{ mk(3, "60 percent", 60, "percent", "2020", SHARE, "Russia"),
		    &ART23 },
		{ mk(4, "no metric", 1, "count", "2020", "", "Russia"),
		    &ART23 },
	};
	struct fig_diff *d = diff_new(NULL);
	struct fig_diff_row *r = NULL;
	size_t nr;

	diff_add_baseline(d, &b1, &REPORT);
	diff_add_baseline(d, &b2, &REPORT);
	for (int i = 0; i < 2; i++)
		diff_add_newer(d, &n[i].c, n[i].src);
	r = all_rows(d, &nr);
	CHECK(diff_stats(d)->baseline == 0);
	CHECK(diff_stats(d)->baseline_nometric == 2);
	CHECK(diff_stats(d)->newer == 1);
	CHECK(diff_stats(d)->newer_skipped == 1);
	CHECK(nr == 1);
	CHECK(r[0].cls == FIG_D_NEW && !r[0].has_base);
	CHECK_STR(r[0].metric, SHARE);
	done(d, r);

	/* and with nothing at all */
	d = diff_new(NULL);
	r = all_rows(d, &nr);
	CHECK(nr == 0);
	done(d, r);
}

/* New series are listed once each, in name order, with their latest
 * period's figure from the latest publication. */
static void
test_new_series(void)
{
	struct fig_claim b = mk(278, "57 percent", 57, "percent", "2020",
	    SHARE, "Russia");
	struct pair n[] = {
		{ mk(1, "neon 2021", 50, "percent", "2021",
		    "neon.world_supply_share", "Ukraine"), &ART24 },
		{ mk(2, "neon 2022 early", 40, "percent", "2022",
		    "neon.world_supply_share", "Ukraine"), &ART23 },
		{ mk(3, "neon 2022 later", 45, "percent", "2022",
		    "neon.world_supply_share", "Ukraine"), &DATA },
		{ mk(4, "neon 2020", 70, "percent", "2020",
		    "neon.world_supply_share", "Ukraine"), &DATA },
		{ target(mk(5, "by 2030", 0.5, "percent", "2030",
		    "a.target", "PRC")), &ART23 },
	};
	struct fig_diff_row *r = NULL;
	size_t nr;
	struct fig_diff *d = run(NULL, &b, n, 5, &r, &nr);

	CHECK(nr == 3);
	CHECK(r[0].cls == FIG_D_STALE);
	CHECK(r[1].cls == FIG_D_NEW);
	CHECK_STR(r[1].metric, "a.target");
	CHECK_STR(r[1].newer.period, "2030");
	CHECK(r[2].cls == FIG_D_NEW && r[2].latest);
	CHECK_STR(r[2].metric, "neon.world_supply_share");
	CHECK_STR(r[2].newer.quote, "neon 2022 later");
	CHECK(!r[2].has_change);
	done(d, r);
}

/* Undated figures only meet undated ones. */
static void
test_undated(void)
{
	struct fig_claim b = mk(1, "57", 57, "percent", "", SHARE, "Russia");
	struct pair dated[] = { { mk(1, "58", 58, "percent", "2023", SHARE,
	    "Russia"), &ART23 } };
	struct pair undated[] = { { mk(1, "57.1", 57.1, "percent", "", SHARE,
	    "Russia"), &ART23 } };
	struct fig_diff_row *r = NULL;
	size_t nr;
	struct fig_diff *d;

	/* a dated figure of the series is only related */
	d = run(NULL, &b, dated, 1, &r, &nr);
	CHECK(r[0].cls == FIG_D_RELATED);
	CHECK_STR(r[0].newer.period, "2023");
	done(d, r);
	d = run(NULL, &b, undated, 1, &r, &nr);
	CHECK(r[0].cls == FIG_D_CONFIRMED);
	done(d, r);
}

static void
test_date_cmp(void)
{
	CHECK(diff_date_cmp("2023", "2022-11") > 0);
	CHECK(diff_date_cmp("2022-12", "2022-11-30") > 0);
	CHECK(diff_date_cmp("2022-11-30", "2022-11") == 0);
	CHECK(diff_date_cmp("2022", "2022-11") == 0);
	CHECK(diff_date_cmp("2021-12-31", "2022") < 0);
	CHECK(diff_date_cmp("2022-11-01", "2022-11-01") == 0);
}

/* "Newer" means published after the baseline (strictly; overlapping
 * partial dates are not after), or on or after --since; the baseline
 * document itself never counts. */
static void
test_newer_limit(void)
{
	static const struct fig_diff_src same_month = { 5, "s", "2022-11-30" };
	static const struct fig_diff_src next = { 6, "n", "2022-12" };
	static const struct fig_diff_src undated = { 7, "u", "" };
	static const struct fig_diff_src self = { 1, "report.txt", "2024" };
	static const struct fig_diff_src y2023 = { 8, "y", "2023" };
	const struct fig_diff_src *srcs[] = { &same_month, &next, &undated,
	    &self, &y2023 };
	struct fig_claim c = mk(1, "60", 60, "percent", "2020", SHARE,
	    "Russia");
	struct fig_diff_opts after = { FIG_DIFF_TOLERANCE, "2022-11", 0, 0,
	    1, NULL };
	struct fig_diff_opts since = { FIG_DIFF_TOLERANCE, "2023", 1, 0, 1, NULL };
	struct fig_diff_opts files = { FIG_DIFF_TOLERANCE, "2022-11", 0, 1,
	    1, NULL };
	struct fig_diff_opts all = { FIG_DIFF_TOLERANCE, NULL, 0, 0, 0, NULL };
	struct fig_diff *d;
	char cut[16] = "2022-11";

	/* the cut-off is copied */
	after.after = cut;
	d = diff_new(&after);
	cut[0] = '9';
	for (int i = 0; i < 5; i++)
		diff_add_newer(d, &c, srcs[i]);
	(void)diff_run(d);
	CHECK(diff_stats(d)->newer == 2);	/* 2022-12 and 2023 */
	CHECK(diff_stats(d)->newer_skipped == 3);
	CHECK(diff_stats(d)->sources == 2);
	diff_free(d);

	d = diff_new(&since);
	for (int i = 0; i < 5; i++)
		diff_add_newer(d, &c, srcs[i]);
	(void)diff_run(d);
	CHECK(diff_stats(d)->newer == 1);	/* 2023 only; 2024 is self */
	diff_free(d);

	/* files: undated ones count, the dates still apply to the rest */
	d = diff_new(&files);
	for (int i = 0; i < 5; i++)
		diff_add_newer(d, &c, srcs[i]);
	(void)diff_run(d);
	CHECK(diff_stats(d)->newer == 3);
	diff_free(d);

	d = diff_new(&all);
	for (int i = 0; i < 5; i++)
		diff_add_newer(d, &c, srcs[i]);
	(void)diff_run(d);
	CHECK(diff_stats(d)->newer == 5);
	diff_free(d);
}

static void
test_fields(void)
{
	struct fig_claim b = bounded(mk(237, "more than 80 percent", 80,
	    "percent", "2015", "machine_tools.import_share", "Russia"),
	    FIG_Q_MORE_THAN, 1, 80, 0, 0);
	struct pair n[] = { { mk(3, "85", 85, "percent", "2015",
	    "machine_tools.import_share", "Russia"), &DATA } };
	const char *v[DIFF_NCOLUMNS];
	char nb[DIFF_NUMBUFS][64];
	struct fig_diff_row *r = NULL;
	size_t nr;
	struct fig_diff *d = run(NULL, &b, n, 1, &r, &nr);

	CHECK_STR(diff_columns[0], "class");
	CHECK_STR(diff_columns[20], "change_rel");
	CHECK_STR(diff_columns[DIFF_NCOLUMNS - 2], "newer_period_kind");
	CHECK_STR(diff_columns[DIFF_NCOLUMNS - 1], "partner");
	diff_row_fields(&r[0], v, nb);
	CHECK_STR(v[0], "confirmed");
	CHECK_STR(v[1], "machine_tools.import_share");
	CHECK_STR(v[2], "Russia");
	CHECK_STR(v[3], "percent");
	CHECK_STR(v[4], "2015");
	CHECK_STR(v[5], "80");
	CHECK_STR(v[6], "80");
	CHECK_STR(v[7], "");
	CHECK_STR(v[8], "more than 80 percent");
	CHECK_STR(v[9], "report.txt");
	CHECK_STR(v[10], "237");
	CHECK_STR(v[11], "2015");
	CHECK_STR(v[12], "85");
	CHECK_STR(v[13], "");
	CHECK_STR(v[15], "85");
	CHECK_STR(v[16], "stats.csv");
	CHECK_STR(v[17], "3");
	CHECK_STR(v[18], "2024-06-30");
	CHECK_STR(v[19], "5");
	CHECK_STR(v[20], "");	/* percent: points only */
	CHECK_STR(v[21], "1");
	CHECK_STR(v[22], "2022-11");
	CHECK_STR(v[23], "more_than");
	CHECK_STR(v[24], "observed");
	CHECK_STR(v[25], "exact");
	done(d, r);

	/* a stale row leaves every newer field empty */
	d = run(NULL, &b, NULL, 0, &r, &nr);
	diff_row_fields(&r[0], v, nb);
	CHECK_STR(v[0], "stale");
	for (int i = 11; i <= 20; i++)
		CHECK_STR(v[i], "");
	CHECK_STR(v[25], "");
	done(d, r);
}

/* Figures of one physical kind in different units meet after
 * conversion through UDUNITS-2; the row is in the baseline's unit. */
static void
test_convert(void)
{
	struct fig_err err;
	struct fig_units *u = units_open(&err);
	struct fig_diff_opts o = { FIG_DIFF_TOLERANCE, NULL, 0, 0, 0, NULL };
	struct fig_claim b = mk(3, "1.4 GW", 1.4, "gw", "2022",
	    "power.capacity", "RUS");
	struct pair mw[] = { { mk(5, "1,400 MW", 1400, "mw", "2022",
	    "power.capacity", "RUS"), &ART23 } };
	struct pair mw_later[] = { { mk(5, "1,600 MW", 1600, "mw", "2023",
	    "power.capacity", "RUS"), &ART23 } };
	struct fig_claim gas = mk(4, "194.4 bcm", 194.4e9, "m3", "2022",
	    "gas.exports.volume", "RUS");
	struct pair gas_l[] = { { mk(6, "190 billion litres", 190e12, "l",
	    "2022", "gas.exports.volume", "RUS"), &ART23 } };
	struct fig_claim node = mk(1, "0.028 um", 0.028, "um", "2030",
	    "chips.process_node", "RUS");
	struct pair node_nm[] = { { mk(2, "28 nm", 28, "nm", "2030",
	    "chips.process_node", "RUS"), &ART23 } };
	struct fig_claim oil = mk(1, "1.76 million bpd", 1.76e6, "barrel/day",
	    "2022", "oil.imports.volume", "IND");
	struct pair oil_y[] = { { mk(2, "642 million barrels a year",
	    642.4e6, "barrel/year", "2023", "oil.imports.volume", "IND"),
	    &ART24 } };
	struct pair wheat_kt[] = { { mk(2, "45,000 kt", 45e3, "kt", "2022",
	    "wheat.exports.volume", "RUS"), &ART23 } };
	struct fig_claim wheat = mk(1, "45 million tonnes", 45e6, "tonne",
	    "2022", "wheat.exports.volume", "RUS");
	struct pair usd_cny[] = { { mk(2, "1,000 billion yuan", 1e12, "cny",
	    "2022", "trade.turnover.value", "CHN+RUS"), &ART23 } };
	struct fig_claim usd = mk(1, "$190 billion", 190e9, "usd", "2022",
	    "trade.turnover.value", "CHN+RUS");
	struct fig_diff_row *r = NULL;
	size_t nr;
	struct fig_diff *d;

	CHECK(u != NULL);
	o.units = u;
	/* without the converter, units must agree */
	d = run(NULL, &b, mw, 1, &r, &nr);
	CHECK(nr == 2 && r[0].cls == FIG_D_STALE && r[1].cls == FIG_D_NEW);
	done(d, r);
	d = run(&o, &b, mw, 1, &r, &nr);
	CHECK(nr == 1 && r[0].cls == FIG_D_CONFIRMED);
	CHECK_STR(r[0].unit, "gw");
	CHECK_NUM(r[0].newer.value, 1.4);
	CHECK_STR(r[0].newer.quote, "1,400 MW");
	done(d, r);
	d = run(&o, &b, mw_later, 1, &r, &nr);
	CHECK(nr == 1 && r[0].cls == FIG_D_UPDATED);
	CHECK_NUM(r[0].change_abs, 0.2);
	CHECK_NUM(r[0].change_rel, 0.2 / 1.4);
	done(d, r);
	d = run(&o, &gas, gas_l, 1, &r, &nr);
	CHECK(nr == 1 && r[0].cls == FIG_D_REVISED);
	CHECK_NUM(r[0].newer.value, 190e9);
	done(d, r);
	d = run(&o, &node, node_nm, 1, &r, &nr);
	CHECK(nr == 1 && r[0].cls == FIG_D_CONFIRMED);
	done(d, r);
	/* a rate per day and one per year: 1.76 million a day is 642.4
	 * million in a 365-day year (UDUNITS' year is 365.24 days) */
	d = run(&o, &oil, oil_y, 1, &r, &nr);
	CHECK(nr == 1 && r[0].cls == FIG_D_UPDATED);
	CHECK(fabs(r[0].newer.value - 642.4e6 / 365.242198781) < 1);
	done(d, r);
	/* extraction writes "45,000 kt" as tonnes; an imported kt row
	 * still meets them */
	d = run(&o, &wheat, wheat_kt, 1, &r, &nr);
	CHECK(nr == 1 && r[0].cls == FIG_D_CONFIRMED);
	CHECK_NUM(r[0].newer.value, 45e6);
	done(d, r);
	/* currencies never convert: another currency is another series */
	d = run(&o, &usd, usd_cny, 1, &r, &nr);
	CHECK(nr == 2 && r[0].cls == FIG_D_STALE && r[1].cls == FIG_D_NEW);
	CHECK_STR(r[1].unit, "cny");
	done(d, r);
	units_free(u);
}

/* A price over a physical unit meets the same money over another unit
 * of that kind, never another money. */
static void
test_convert_rates(void)
{
	struct fig_err err;
	struct fig_units *u = units_open(&err);
	struct fig_diff_opts o = { FIG_DIFF_TOLERANCE, NULL, 0, 0, 0, NULL };
	struct fig_claim b = mk(1, "$500 a tonne", 500, "usd/tonne", "2022",
	    "wheat.exports.price", "RUS");
	struct pair kg[] = { { mk(2, "55 cents a kilogram", 0.55, "usd/kg",
	    "2023", "wheat.exports.price", "RUS"), &ART23 } };
	struct pair eur[] = { { mk(2, "EUR 480 a tonne", 480, "eur/tonne",
	    "2023", "wheat.exports.price", "RUS"), &ART23 } };
	struct fig_diff_row *r = NULL;
	size_t nr;
	struct fig_diff *d;

	CHECK(u != NULL);
	o.units = u;
	d = run(&o, &b, kg, 1, &r, &nr);
	CHECK(nr == 1 && r[0].cls == FIG_D_UPDATED);
	CHECK_STR(r[0].unit, "usd/tonne");
	CHECK_NUM(r[0].newer.value, 550);
	done(d, r);
	d = run(&o, &b, eur, 1, &r, &nr);
	CHECK(nr == 2 && r[0].cls == FIG_D_STALE && r[1].cls == FIG_D_NEW);
	done(d, r);
	units_free(u);
}

/* Like with like: a run of months meets only a run of the same length
 * and first month; one that makes a half or a quarter is one. */
static void
test_spans(void)
{
	struct fig_claim b = mk(1, "38 percent", -38, "percent",
	    "2022-01/2022-05", "trade.exports.change", "CHN");
	struct pair n[] = {
		{ mk(1, "a", 10, "percent", "2023-01/2023-05",
		    "trade.exports.change", "CHN"), &ART23 },
		{ mk(2, "b", 20, "percent", "2023-02/2023-06",
		    "trade.exports.change", "CHN"), &ART24 },
		{ mk(3, "c", 30, "percent", "2024-01/2024-06",
		    "trade.exports.change", "CHN"), &ART24 },
		{ mk(4, "d", 40, "percent", "2024-06",
		    "trade.exports.change", "CHN"), &DATA },
	};
	struct fig_claim h1 = mk(1, "x", 5, "percent", "2022-H1",
	    "trade.exports.change", "CHN");
	struct fig_claim fy = mk(1, "x", 5, "percent", "2022-04/2023-03",
	    "trade.exports.change", "CHN");
	struct pair fy_n[] = {
		{ mk(1, "a", 7, "percent", "2023", "trade.exports.change",
		    "CHN"), &DATA },
		{ mk(2, "b", 6, "percent", "2023-04/2024-03",
		    "trade.exports.change", "CHN"), &ART24 },
	};
	struct fig_diff_row *r = NULL;
	size_t nr;
	struct fig_diff *d;

	/* January-May by January-May only */
	d = run(NULL, &b, n, 4, &r, &nr);
	CHECK(nr == 1 && r[0].cls == FIG_D_UPDATED);
	CHECK_STR(r[0].newer.period, "2023-01/2023-05");
	CHECK_NUM(r[0].change_abs, 48);
	CHECK(!r[0].has_rel);
	done(d, r);
	/* February-June is as long but not aligned; a month is shorter */
	d = run(NULL, &b, n + 1, 1, &r, &nr);
	CHECK(nr == 1 && r[0].cls == FIG_D_RELATED);
	done(d, r);
	d = run(NULL, &b, n + 3, 1, &r, &nr);
	CHECK(nr == 1 && r[0].cls == FIG_D_RELATED);
	CHECK_STR(r[0].newer.period, "2024-06");
	done(d, r);
	/* January-June 2024 is the first half: it updates a half */
	d = run(NULL, &h1, n, 4, &r, &nr);
	CHECK(nr == 1 && r[0].cls == FIG_D_UPDATED);
	CHECK_STR(r[0].newer.period, "2024-01/2024-06");
	done(d, r);
	/* an April-March fiscal year by the next, not by a calendar year */
	d = run(NULL, &fy, fy_n, 2, &r, &nr);
	CHECK(nr == 1 && r[0].cls == FIG_D_UPDATED);
	CHECK_STR(r[0].newer.period, "2023-04/2024-03");
	done(d, r);
	d = run(NULL, &fy, fy_n, 1, &r, &nr);
	CHECK(nr == 1 && r[0].cls == FIG_D_RELATED);
	done(d, r);
	/* the same run confirms */
	n[0].c.period[3] = '2';		/* 2022-01/2023-05: not the same */
	d = run(NULL, &b, n, 1, &r, &nr);
	CHECK(nr == 1 && r[0].cls == FIG_D_RELATED);
	done(d, r);
	claim_setfield(n[0].c.period, sizeof n[0].c.period,
	    "2022-01/2022-05");
	n[0].c.value = -38;
	d = run(NULL, &b, n, 1, &r, &nr);
	CHECK(nr == 1 && r[0].cls == FIG_D_CONFIRMED);
	done(d, r);
}

/* A change meets only a change against the same base: the one the
 * text names, else the same span a year earlier. */
static void
test_base(void)
{
	struct fig_claim b = mk(415, "had fallen 38 percent", -38, "percent",
	    "2022-06", "trade.exports.change", "CHN");
	struct pair yoy[] = {
		{ mk(15, "soared 90.9%", 90.9, "percent", "2023-06",
		    "trade.exports.change", "CHN"), &ART23 },
	};
	struct pair like[] = {
		{ mk(3, "fell 5 percent", -5, "percent", "2023-06",
		    "trade.exports.change", "CHN"), &ART24 },
	};
	struct fig_claim jo = mk(9, "52.2% higher", 52.2, "percent",
	    "2023-01/2023-10", "trade.exports.change", "CHN");
	struct pair jo_n[] = {
		{ mk(11, "12,6 percent less", -12.6, "percent",
		    "2024-01/2024-10", "trade.exports.change", "CHN"), &ART24 },
	};
	struct fig_claim share = mk(9, "42%", 42, "percent", "2023-H1",
	    "trade.imports.share", "RUS");
	struct pair share_n[] = {
		{ mk(1, "40%", 40, "percent", "2024-H1", "trade.imports.share",
		    "RUS"), &ART24 },
	};
	struct fig_diff_row *r = NULL;
	size_t nr;
	struct fig_diff *d;

	/* against the second half of 2021: a June year on year is only
	 * related */
	snprintf(b.base, sizeof b.base, "2021-H2");
	d = run(NULL, &b, yoy, 1, &r, &nr);
	CHECK(nr == 1 && r[0].cls == FIG_D_RELATED);
	CHECK_STR(r[0].newer.quote, "soared 90.9%");
	done(d, r);
	/* a June against the second half of the year before updates it */
	snprintf(like[0].c.base, sizeof like[0].c.base, "2022-H2");
	d = run(NULL, &b, like, 1, &r, &nr);
	CHECK(nr == 1 && r[0].cls == FIG_D_UPDATED);
	done(d, r);
	/* without its base the report's June is taken as year on year */
	b.base[0] = '\0';
	d = run(NULL, &b, yoy, 1, &r, &nr);
	CHECK(nr == 1 && r[0].cls == FIG_D_UPDATED);
	done(d, r);
	/* a base a year earlier is the convention: June 2022 on June 2021 */
	snprintf(b.base, sizeof b.base, "2021-06");
	d = run(NULL, &b, yoy, 1, &r, &nr);
	CHECK(nr == 1 && r[0].cls == FIG_D_UPDATED);
	done(d, r);
	/* "the same period of 2022" names the year: the convention too */
	snprintf(jo.base, sizeof jo.base, "2022");
	snprintf(jo_n[0].c.base, sizeof jo_n[0].c.base, "2023-01/2023-10");
	d = run(NULL, &jo, jo_n, 1, &r, &nr);
	CHECK(nr == 1 && r[0].cls == FIG_D_UPDATED);
	done(d, r);
	/* a share's base does not matter */
	snprintf(share.base, sizeof share.base, "2021");
	d = run(NULL, &share, share_n, 1, &r, &nr);
	CHECK(nr == 1 && r[0].cls == FIG_D_UPDATED);
	done(d, r);
}

static void
test_class_names(void)
{
	enum fig_dclass c;

	for (int i = 0; i < FIG_D_COUNT_; i++) {
		CHECK(diff_class_parse(diff_class_name((enum fig_dclass)i),
		    &c) == 0);
		CHECK(c == (enum fig_dclass)i);
	}
	CHECK_STR(diff_class_name(FIG_D_TARGET_MOVED), "target-moved");
	CHECK(diff_class_parse("moved", &c) == -1);
}

/* ---- randomised cross-check ---- */

static unsigned long rng_state = 12345;

static unsigned
rnd(unsigned n)
{
	rng_state = rng_state * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng_state >> 33) % n);
}

static const char *const periods[] = { "2019", "2020", "2021", "2022",
	"2021-H1", "2021-H2", "2022-Q3", "", "2022-01/2022-05",
	"2023-01/2023-05", "2022-02/2022-06" };
#define NPERIODS (sizeof periods / sizeof *periods)

/* Granularity and last day of the periods above, for the oracle. */
static int
gran_of(const char *p)
{
	/* runs of months: one kind per first month (the ones used end in
	 * different months, so their order among kinds never decides) */
	if (strchr(p, '/'))
		return 4 + atoi(p + 5);
	return p[0] == '\0' ? 0 : strlen(p) == 4 ? 1 : p[5] == 'H' ? 2 : 3;
}

static long
start_of(const char *p)
{
	long y = atol(p);

	if (strchr(p, '/'))
		return y * 10000 + atol(p + 5) * 100 + 1;
	switch (gran_of(p)) {
	case 1: return y * 10000 + 101;
	case 2: return y * 10000 + (p[6] == '1' ? 101 : 701);
	case 3: return y * 10000 + 701;	/* only Q3 is used */
	}
	return 0;
}

static long
end_of(const char *p)
{
	long y = atol(p);

	if (strchr(p, '/'))
		return atol(p + 8) * 10000 + atol(p + 13) * 100 + 31;
	switch (gran_of(p)) {
	case 1: return y * 10000 + 1231;
	case 2: return y * 10000 + (p[6] == '1' ? 630 : 1231);
	case 3: return y * 10000 + 930;	/* only Q3 is used */
	}
	return 0;
}

static int
same_series(const struct fig_claim *a, const struct fig_claim *b)
{
	return strcmp(a->metric, b->metric) == 0 &&
	    strcmp(a->entity, b->entity) == 0 &&
	    strcmp(a->unit, b->unit) == 0;
}

/* The rules of docs/formats.md read as directly as possible: scan every
 * newer figure for each baseline one. Sets *winner to the deciding
 * newer figure, or -1. base holds all nb baseline figures. */
static enum fig_dclass
brute(const struct fig_claim *b, const struct fig_claim *base, int nb,
    const struct fig_claim *n, const int *rank, int nn, int *winner)
{
	int best = -1, tgt = b->kind == FIG_PK_TARGET;

	/* same series, same period, same target-ness: latest rank, then
	 * lowest line */
	for (int i = 0; i < nn; i++) {
		if (!same_series(&n[i], b) ||
		    (n[i].kind == FIG_PK_TARGET) != tgt ||
		    strcmp(n[i].period, b->period))
			continue;
		if (best < 0 || rank[i] > rank[best] || (rank[i] ==
		    rank[best] && n[i].line < n[best].line))
			best = i;
	}
	*winner = best;
	if (best >= 0) {
		if (fabs(n[best].value - b->value) <= fabs(b->value) *
		    (FIG_DIFF_TOLERANCE + 1e-9))
			return FIG_D_CONFIRMED;
		return tgt ? FIG_D_TARGET_MOVED : FIG_D_REVISED;
	}
	if (tgt) {
		for (int i = 0; i < nn; i++) {
			long e, be;
			int g, bg, stated = 0;

			if (!same_series(&n[i], b) ||
			    n[i].kind != FIG_PK_TARGET)
				continue;
			/* dates the baseline's own targets state */
			for (int j = 0; j < nb; j++)
				if (base[j].kind == FIG_PK_TARGET &&
				    same_series(&base[j], b) &&
				    strcmp(base[j].period, n[i].period) == 0)
					stated = 1;
			if (stated)
				continue;
			/* latest publication, latest period end, coarsest,
			 * lowest line */
			e = end_of(n[i].period);
			be = best < 0 ? 0 : end_of(n[best].period);
			g = gran_of(n[i].period);
			bg = best < 0 ? 0 : gran_of(n[best].period);
			if (best < 0 || rank[i] > rank[best] ||
			    (rank[i] == rank[best] && (e > be || (e == be &&
			    (g < bg || (g == bg && n[i].line <
			    n[best].line))))))
				best = i;
		}
		if (best >= 0) {
			*winner = best;
			return FIG_D_TARGET_MOVED;
		}
		/* else related to the latest observation, below */
	}
	/* a later period of the same kind of span: the latest, then the
	 * latest publication, then the lowest line (none for undated) */
	for (int i = 0; !tgt && gran_of(b->period) && i < nn; i++) {
		int c;
		if (!same_series(&n[i], b) || n[i].kind == FIG_PK_TARGET ||
		    gran_of(n[i].period) != gran_of(b->period) ||
		    strcmp(n[i].period, b->period) <= 0)
			continue;
		c = best < 0 ? 1 : strcmp(n[i].period, n[best].period);
		if (c > 0 || (c == 0 && (rank[i] > rank[best] ||
		    (rank[i] == rank[best] && n[i].line < n[best].line))))
			best = i;
	}
	if (best >= 0) {
		*winner = best;
		return FIG_D_UPDATED;
	}
	/* else related: the figure whose period ends latest, when it does
	 * not end before the baseline's begins (for a goal: any); then the
	 * latest publication, then the coarsest, then the lowest line */
	{
		for (int i = 0; i < nn; i++) {
			long e = end_of(n[i].period), be;
			int g, bg;
			if (!same_series(&n[i], b) ||
			    n[i].kind == FIG_PK_TARGET)
				continue;
			be = best < 0 ? 0 : end_of(n[best].period);
			g = gran_of(n[i].period);
			bg = best < 0 ? 0 : gran_of(n[best].period);
			if (best < 0 || e > be || (e == be && (rank[i] >
			    rank[best] || (rank[i] == rank[best] && (g < bg ||
			    (g == bg && n[i].line < n[best].line))))))
				best = i;
		}
	}
	if (best >= 0 && !tgt && gran_of(b->period) &&
	    end_of(n[best].period) < start_of(b->period))
		best = -1;
	*winner = best;
	return best < 0 ? FIG_D_STALE : FIG_D_RELATED;
}

static void
test_random(void)
{
	enum { NB = 60, NN = 400 };
	static const char *const metrics[] = { "m.a", "m.b", "m.c" };
	static const char *const entities[] = { "X", "Y" };
	static const struct fig_diff_src srcs[] = {
		{ 10, "d10", "2023" }, { 11, "d11", "2023-06" },
		{ 12, "d12", "2024" }, { 13, "d13", "2024" },
	};
	static const int src_rank[] = { 0, 1, 2, 3 };
	struct fig_claim base[NB], newer[NN];
	int nsrc[NN], rank[NN];
	int mismatches = 0, seen[FIG_D_COUNT_] = { 0 };

	for (int round = 0; round < 40; round++) {
		struct fig_diff *d = diff_new(NULL);
		struct fig_diff_row *r = NULL;
		size_t nr, ri = 0;
		int nn = 5 + (int)rnd(NN - 5);	/* sparse to dense */

		for (int i = 0; i < NB; i++) {
			base[i] = mk(i + 1, "b", 10 + rnd(3), "percent",
			    periods[rnd(NPERIODS)], metrics[rnd(3)], entities[rnd(2)]);
			if (rnd(5) == 0)
				base[i].kind = FIG_PK_TARGET;
			diff_add_baseline(d, &base[i], &REPORT);
		}
		for (int i = 0; i < nn; i++) {
			newer[i] = mk(rnd(50) + 1, "n", 10 + rnd(3), rnd(10) ?
			    "percent" : "count", periods[rnd(NPERIODS)],
			    metrics[rnd(3)], entities[rnd(2)]);
			if (rnd(5) == 0)
				newer[i].kind = FIG_PK_TARGET;
			nsrc[i] = (int)rnd(4);
			rank[i] = src_rank[nsrc[i]];
			diff_add_newer(d, &newer[i], &srcs[nsrc[i]]);
		}
		r = all_rows(d, &nr);
		for (int i = 0; i < NB; i++) {
			int w;
			enum fig_dclass want = brute(&base[i], base, NB, newer,
			    rank, nn, &w);

			/* skip to this baseline figure's deciding row */
			while (ri < nr && r[ri].has_base &&
			    r[ri].base.line != base[i].line)
				ri++;
			if (ri == nr || !r[ri].latest) {
				mismatches++;
				continue;
			}
			seen[r[ri].cls]++;
			if (r[ri].cls != want)
				mismatches++;
			else if (w >= 0 && (!r[ri].has_newer ||
			    r[ri].newer.line != newer[w].line ||
			    strcmp(r[ri].newer.src->doc, srcs[nsrc[w]].doc)))
				mismatches++;
			else if (w < 0 && r[ri].has_newer)
				mismatches++;
			ri++;
		}
		done(d, r);
	}
	CHECK(mismatches == 0);
	/* the data exercised every baseline class */
	for (int c = 0; c < FIG_D_NEW; c++)
		if (seen[c] == 0) {
			printf("FAIL no %s row\n",
			    diff_class_name((enum fig_dclass)c));
			harness_failed_++;
		}
}

static const struct harness_test tests[] = {
	{ "confirmed", test_confirmed },
	{ "revised", test_revised },
	{ "change_rel", test_change_rel },
	{ "convert", test_convert },
	{ "convert_rates", test_convert_rates },
	{ "spans", test_spans },
	{ "base", test_base },
	{ "tolerance", test_tolerance },
	{ "bounds", test_bounds },
	{ "units", test_units },
	{ "updated", test_updated },
	{ "stale", test_stale },
	{ "target_moved", test_target_moved },
	{ "target_other_dates", test_target_other_dates },
	{ "two_sources", test_two_sources },
	{ "same_date", test_same_date },
	{ "no_metrics", test_no_metrics },
	{ "new_series", test_new_series },
	{ "undated", test_undated },
	{ "date_cmp", test_date_cmp },
	{ "newer_limit", test_newer_limit },
	{ "fields", test_fields },
	{ "class_names", test_class_names },
	{ "random", test_random },
	{ NULL, NULL }
};

int
main(int argc, char **argv)
{
	return harness_main(tests, argc, argv);
}
