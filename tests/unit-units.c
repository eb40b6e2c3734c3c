/* unit-units.c: the units module: conversions within a kind (power,
 * energy, volume, mass, length, time, rates), none across kinds, none
 * for currencies, shares or counts; which names are physical. */
#include "figtrack/units.h"
#include "harness.h"

static struct fig_units *U;

/* Conversions within a kind: from, to, value, and the bounds the
 * result must fall in. */
static const struct {
	const char *from, *to;
	double v, lo, hi;
} same_kind[] = {
	{ "mw", "gw", 1400, 1.4, 1.4 },
	{ "twh", "gwh", 1.5, 1500, 1500 },
	{ "kwh", "j", 300, 1080000000, 1080000000 },
	{ "tonne", "kg", 2, 2000, 2000 },
	{ "nm", "um", 7000, 7, 7 },
	{ "month", "year", 24, 2, 2 },
	{ "barrel/day", "m3/day", 1, 0.158, 0.159 },
	{ "barrel/day", "barrel/year", 1000, 365000, 366000 },
	{ "kt", "tonne", 45, 45000, 45000 },
	{ "m3", "l", 1.5, 1500, 1500 },
	{ "tw", "gw", 11, 11000, 11000 },
	{ "tonne/year", "tonne/day", 365, 0.99, 1.01 },
	{ "celsius", "fahrenheit", 100, 212, 212 },
	{ "usd", "usd", 5, 5, 5 },
	/* every kind of the canonical table (formats.md) */
	{ "gw", "mw", 1.4, 1400, 1400 },		/* power */
	{ "hp", "kw", 100, 74.5, 74.6 },
	{ "gwh", "twh", 250, 0.25, 0.25 },		/* energy */
	{ "m3", "l", 5240000000, 5240000000000, 5240000000000 },
	{ "barrel", "m3", 1000, 158.98, 158.99 },	/* volume */
	{ "gallon", "l", 10, 37.85, 37.86 },
	{ "tonne", "kt", 45000, 45, 45 },		/* mass */
	{ "lb", "kg", 100, 45.35, 45.36 },
	{ "ounce", "g", 1, 31.10, 31.11 },		/* troy */
	{ "um", "nm", 0.5, 500, 500 },		/* length */
	{ "mile", "km", 1, 1.609, 1.61 },
	{ "foot", "m", 1000, 304.8, 304.8 },
	{ "inch", "mm", 12, 304.8, 304.8 },
	{ "ha", "km2", 500, 5, 5 },			/* area */
	{ "acre", "ha", 100, 40.46, 40.47 },
	{ "m2", "km2", 1000000, 1, 1 },
	{ "mph", "km/h", 100, 160.9, 161 },		/* other physical */
	{ "ghz", "hz", 2.5, 2500000000, 2500000000 },
	{ "tb", "gb", 2, 2000, 2000 },
	{ "gb", "byte", 1, 1000000000, 1000000000 },
	{ "week", "day", 3, 21, 21 },			/* time */
	{ "hour", "day", 36, 1.5, 1.5 },
	{ "m3/day", "m3/year", 1, 365, 366 },		/* rates */
	/* a price or a count over a physical unit, in the same money */
	{ "usd/tonne", "usd/kg", 500, 0.5, 0.5 },
	{ "usd/barrel", "usd/m3", 1, 6.28, 6.29 },
	{ "eur/mwh", "eur/kwh", 84.3, 0.0843, 0.0843 },
	{ "count/month", "count/year", 10, 119, 121 },
	{ "other:wafer/month", "other:wafer/year", 100000, 1190000,
	    1210000 },
};

static void
test_same_kind(void)
{
	for (size_t i = 0; i < sizeof same_kind / sizeof *same_kind; i++) {
		double v;

		CHECK(units_convert(U, same_kind[i].v, same_kind[i].from,
		    same_kind[i].to, &v) == 0);
		if (same_kind[i].lo == same_kind[i].hi)
			CHECK_NUM(v, same_kind[i].lo);
		else
			CHECK(v > same_kind[i].lo && v < same_kind[i].hi);
	}
}

static void
test_refused(void)
{
	double v = -1;

	CHECK(units_convert(U, 1, "mw", "mwh", &v) == -1);	/* kinds */
	CHECK(units_convert(U, 1, "usd", "eur", &v) == -1);	/* money */
	CHECK(units_convert(U, 1, "percent", "percentage_point", &v) == -1);
	CHECK(units_convert(U, 1, "count", "tonne", &v) == -1);
	CHECK(units_convert(U, 1, "other:wafer", "m", &v) == -1);
	/* a rate converts its physical unit only, in the same money */
	CHECK(units_convert(U, 1, "usd/barrel", "eur/barrel", &v) == -1);
	CHECK(units_convert(U, 1, "usd/barrel", "usd/tonne", &v) == -1);
	CHECK(units_convert(U, 1, "usd/tonne", "tonne", &v) == -1);
	CHECK(units_convert(U, 1, "usd/tonne", "usd", &v) == -1);
	CHECK(units_convert(U, 1, "usd/person", "usd/head", &v) == -1);
	CHECK(units_convert(U, 1, "count/year", "other:wafer/year",
	    &v) == -1);
	CHECK(units_convert(U, 1, "barrel/day", "tonne/year", &v) == -1);
	CHECK(units_convert(U, 1, "gw", "gwh", &v) == -1);
	CHECK(units_convert(U, 1, "km2", "km", &v) == -1);
	CHECK(units_convert(U, 1, "celsius", "hz", &v) == -1);
	CHECK(units_convert(U, 1, "ounce", "l", &v) == -1);	/* a mass */
	CHECK(units_convert(U, 1, "basis_point", "percent", &v) == -1);
	CHECK(units_convert(NULL, 1, "mw", "gw", &v) == -1);
	CHECK(v == -1);
}

/* Which names are physical units: what the diff converts at all. */
static void
test_physical(void)
{
	CHECK(units_physical(U, "gw"));
	CHECK(units_physical(U, "barrel/day"));
	CHECK(units_physical(U, "kt"));
	CHECK(!units_physical(U, "usd"));
	CHECK(!units_physical(U, "percent"));
	CHECK(!units_physical(U, "count"));
	CHECK(!units_physical(U, "usd/tonne"));
	CHECK(!units_physical(U, "other:wafer"));
	CHECK(!units_physical(NULL, "gw"));
	/* what the diff converts: physical units and rates over them */
	CHECK(units_convertible(U, "gw"));
	CHECK(units_convertible(U, "usd/tonne"));
	CHECK(units_convertible(U, "count/year"));
	CHECK(!units_convertible(U, "usd"));
	CHECK(!units_convertible(U, "usd/person"));
	CHECK(!units_convertible(U, "percent"));
	CHECK(!units_convertible(NULL, "usd/tonne"));
}

int
main(int argc, char **argv)
{
	static const struct harness_test tests[] = {
		{ "units_same_kind", test_same_kind },
		{ "units_refused", test_refused },
		{ "units_physical", test_physical },
		{ NULL, NULL }
	};
	struct fig_err err;
	int rc;

	if ((U = units_open(&err)) == NULL)
		return 1;
	rc = harness_main(tests, argc, argv);
	units_free(U);
	return rc;
}
