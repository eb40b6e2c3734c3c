/* table.h: aligned plain-text tables for people (the `table` format of
 * series and docs). Rows are collected, then printed with every column
 * as wide as its widest cell, counted in display columns, not bytes. */
#ifndef FIGTRACK_TABLE_H
#define FIGTRACK_TABLE_H

#include <stdio.h>

#include "figtrack/buf.h"

struct fig_table {
	int ncols;
	const char *const *names;	/* borrowed column headings */
	struct fig_buf cells;	/* every cell, NUL-terminated, in order */
	size_t *offs;		/* offset of each cell in cells */
	int *widths;		/* display width of each cell */
	size_t ncells, cap;
	int *maxw;		/* per column: cut cells wider than this (0:
				 * no limit) */
	int *right;		/* per column: align right (numbers) */
};

/* Sets t up for ncols columns named names (borrowed: keep them alive). */
void table_init(struct fig_table *t, const char *const *names, int ncols);
void table_release(struct fig_table *t);
/* Cuts cells of column col to maxw display columns, ending in "…". */
void table_set_max(struct fig_table *t, int col, int maxw);
void table_set_right(struct fig_table *t, int col);
/* Copies one row of ncols strings (NULL is ""). Tabs and line breaks in
 * cells are shown as spaces. */
void table_add(struct fig_table *t, const char *const *vals);
/* Prints the heading and the rows, two spaces between columns and no
 * trailing blanks. */
void table_print(const struct fig_table *t, FILE *out);

/* Display width of the UTF-8 string s: East Asian wide characters count
 * two, combining marks zero, everything else one. */
int table_width(const char *s);

#endif
