/* units.h: converting a value between two canonical units of one kind
 * (formats.md: MW and GW, m3 and the value of "bcm", kt and t, nm and
 * um; a price per tonne and per kg), through UDUNITS-2. Never across
 * kinds, never between currencies or shares: those have no fixed rate. */
#ifndef FIGTRACK_UNITS_H
#define FIGTRACK_UNITS_H

#include "figtrack/err.h"

struct fig_units;

/* Loads the UDUNITS-2 unit database. Returns NULL and fills err when it
 * cannot be read. Free with units_free. */
struct fig_units *units_open(struct fig_err *err);

void units_free(struct fig_units *u);

/* Converts v from canonical unit from to canonical unit to (claim
 * record names: "mw", "gw", "m3", "tonne", "barrel/day"). Returns 0
 * and sets *out, or -1 when the units are of different kinds or not
 * physical ("usd", "percent", "count", "other:wafer"). A rate of the
 * same money or count over two physical units of one kind converts
 * ("usd/tonne" to "usd/kg", "count/month" to "count/year"); one of
 * two currencies never ("usd/tonne" to "eur/tonne"). Equal names
 * convert to themselves. */
int units_convert(const struct fig_units *u, double v, const char *from,
    const char *to, double *out);

/* Whether name is a physical unit the table knows ("mw", "barrel/day"):
 * 1, or 0 for currencies, shares, counts and "other:*". u may be NULL
 * (then 0). */
int units_physical(const struct fig_units *u, const char *name);

/* Whether name converts to any other name: a physical unit, or a rate
 * of a money, a count or another unit over a physical one ("usd/tonne",
 * "count/year"). 0 when u is NULL. */
int units_convertible(const struct fig_units *u, const char *name);

#endif
