/* unit-units.c: the units module: conversions within a kind (power,
 * energy, volume, mass, length, time, rates), none across kinds, none
 * for currencies, shares or counts. */
#include "figtrack/units.h"
#include "harness.h"

static struct fig_units *U;

static void
test_same_kind(void)
{
	double v;

	CHECK(units_convert(U, 1400, "mw", "gw", &v) == 0);
	CHECK_NUM(v, 1.4);
	CHECK(units_convert(U, 1.5, "twh", "gwh", &v) == 0);
	CHECK_NUM(v, 1500);
	CHECK(units_convert(U, 300, "kwh", "j", &v) == 0);
	CHECK_NUM(v, 1080000000);
	CHECK(units_convert(U, 2, "tonne", "kg", &v) == 0);
	CHECK_NUM(v, 2000);
	CHECK(units_convert(U, 7000, "nm", "um", &v) == 0);
	CHECK_NUM(v, 7);
	CHECK(units_convert(U, 24, "month", "year", &v) == 0);
	CHECK_NUM(v, 2);
	CHECK(units_convert(U, 1, "barrel/day", "m3/day", &v) == 0);
	CHECK(v > 0.158 && v < 0.159);
	CHECK(units_convert(U, 100, "celsius", "fahrenheit", &v) == 0);
	CHECK_NUM(v, 212);
	CHECK(units_convert(U, 5, "usd", "usd", &v) == 0 && v == 5);
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
	CHECK(units_convert(NULL, 1, "mw", "gw", &v) == -1);
	CHECK(v == -1);
}

int
main(int argc, char **argv)
{
	static const struct harness_test tests[] = {
		{ "units_same_kind", test_same_kind },
		{ "units_refused", test_refused },
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
