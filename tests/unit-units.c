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
	CHECK(units_convert(U, 1, "usd/barrel", "usd/m3", &v) == -1);
	CHECK(units_convert(U, 1, "other:wafer", "m", &v) == -1);
	CHECK(units_convert(U, 1, "other:wafer/month", "other:wafer/year",
	    &v) == -1);	/* no unit of UDUNITS: never guessed */
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
