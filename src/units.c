/* units.c: conversion between canonical units of one kind, through
 * UDUNITS-2. The claim record's unit names map to UDUNITS symbols by a
 * table: only physical units are in it, so a currency, a share or a
 * count never converts, but a price or a count over a physical unit
 * converts that unit ("usd/tonne" to "usd/kg", never to "eur/kg"). */
#include <stdlib.h>
#include <string.h>
#include <udunits2.h>

#include "figtrack/buf.h"
#include "figtrack/units.h"

struct fig_units {
	ut_system *sys;		/* the unit database */
};

/* Canonical names (formats.md) and their UDUNITS-2 spelling. */
static const struct {
	const char *canon;
	const char *ud;
} names[] = {
	{ "nm", "nm" }, { "um", "um" }, { "mm", "mm" }, { "cm", "cm" },
	{ "m", "m" }, { "km", "km" }, { "inch", "in" }, { "foot", "ft" },
	{ "yard", "yd" }, { "mile", "mi" },
	{ "m2", "m2" }, { "km2", "km2" }, { "ha", "hectare" },
	{ "acre", "acre" }, { "l", "L" }, { "m3", "m3" },
	{ "barrel", "bbl" }, { "gallon", "gallon" },
	{ "g", "g" }, { "kg", "kg" }, { "tonne", "t" }, { "kt", "kilotonne" },
	{ "lb", "lb" },
	/* the ounce of gold and silver news: "oz" in UDUNITS is the US
	 * fluid ounce, a volume */
	{ "ounce", "troy_ounce" },
	{ "byte", "byte" }, { "gb", "Gbyte" }, { "tb", "Tbyte" },
	{ "wh", "W.h" }, { "kwh", "kW.h" }, { "mwh", "MW.h" },
	{ "gwh", "GW.h" }, { "twh", "TW.h" }, { "j", "J" }, { "w", "W" },
	{ "tw", "TW" },
	{ "kw", "kW" }, { "mw", "MW" }, { "gw", "GW" }, { "hp", "hp" },
	{ "celsius", "degC" }, { "fahrenheit", "degF" },
	{ "km/h", "km/h" }, { "mph", "mi/h" }, { "hz", "Hz" },
	{ "ghz", "GHz" },
	{ "year", "year" }, { "month", "month" }, { "week", "week" },
	{ "day", "day" }, { "hour", "h" },
};

struct fig_units *
units_open(struct fig_err *err)
{
	struct fig_units *u;
	ut_system *sys;

	/* UDUNITS prints its warnings (redefined units) to stderr */
	ut_set_error_message_handler(ut_ignore);
	if ((sys = ut_read_xml(NULL)) == NULL) {
		err_set(err, FIG_EIO, NULL, 0, 0, "cannot read the UDUNITS-2 "
		    "unit database (libudunits2-dev)");
		return NULL;
	}
	u = xcalloc(1, sizeof *u);
	u->sys = sys;
	return u;
}

void
units_free(struct fig_units *u)
{
	if (u == NULL)
		return;
	ut_free_system(u->sys);
	free(u);
}

/* The UDUNITS spelling of one canonical name, or NULL. */
static const char *
ud_name(const char *canon, size_t n)
{
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strlen(names[i].canon) == n &&
		    strncmp(names[i].canon, canon, n) == 0)
			return names[i].ud;
	return NULL;
}

/* Parses canonical unit s ("mw", "barrel/day") into a unit the caller
 * frees, or NULL when it is no physical unit. */
static ut_unit *
parse(const struct fig_units *u, const char *s)
{
	const char *slash = strchr(s, '/');
	const char *a, *b = NULL;
	char expr[64];

	if ((a = ud_name(s, strlen(s))) != NULL)
		slash = NULL;	/* a name of its own: "km/h" */
	else if ((a = ud_name(s, slash ? (size_t)(slash - s) : strlen(s))) ==
	    NULL)
		return NULL;
	if (slash && (b = ud_name(slash + 1, strlen(slash + 1))) == NULL)
		return NULL;	/* "usd/barrel" has no fixed rate */
	snprintf(expr, sizeof expr, b ? "(%s)/(%s)" : "%s", a, b);
	return ut_parse(u->sys, expr, UT_ASCII);
}

int
units_physical(const struct fig_units *u, const char *name)
{
	ut_unit *a;

	if (u == NULL || (a = parse(u, name)) == NULL)
		return 0;
	ut_free(a);
	return 1;
}

/* Converts v from physical unit from to physical unit to, or returns
 * -1 when either is none or they are of different kinds. */
static int
convert_physical(const struct fig_units *u, double v, const char *from,
    const char *to, double *out)
{
	ut_unit *a, *b;
	cv_converter *cv = NULL;

	a = parse(u, from);
	b = a ? parse(u, to) : NULL;
	if (b && ut_are_convertible(a, b))
		cv = ut_get_converter(a, b);
	if (cv)
		*out = cv_convert_double(cv, v);
	if (cv)
		cv_free(cv);
	if (a)
		ut_free(a);
	if (b)
		ut_free(b);
	return cv ? 0 : -1;
}

/* The slash of a rate whose numerator is no physical unit and whose
 * denominator is one ("usd/tonne", "count/year", "other:wafer/month"),
 * or NULL. */
static const char *
rate_slash(const struct fig_units *u, const char *name)
{
	const char *slash = strrchr(name, '/');
	ut_unit *d;

	if (slash == NULL || units_physical(u, name) ||
	    (d = parse(u, slash + 1)) == NULL)
		return NULL;
	ut_free(d);
	return slash;
}

int
units_convertible(const struct fig_units *u, const char *name)
{
	return u != NULL && (units_physical(u, name) ||
	    rate_slash(u, name) != NULL);
}

int
units_convert(const struct fig_units *u, double v, const char *from,
    const char *to, double *out)
{
	const char *fs, *ts;
	double per;

	if (strcmp(from, to) == 0) {
		*out = v;
		return 0;
	}
	if (u == NULL)
		return -1;
	if (convert_physical(u, v, from, to, out) == 0)
		return 0;
	/* a rate of one money or count over two units of one kind: so
	 * much per tonne is a thousandth of it per kilogram */
	if ((fs = rate_slash(u, from)) == NULL ||
	    (ts = rate_slash(u, to)) == NULL || fs - from != ts - to ||
	    strncmp(from, to, (size_t)(fs - from)) != 0 ||
	    convert_physical(u, 1, ts + 1, fs + 1, &per) != 0)
		return -1;
	*out = v * per;
	return 0;
}
