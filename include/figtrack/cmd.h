/* cmd.h: the command table and what every cmd-*.c shares: one struct per
 * subcommand with its name, summary, usage text and exec function. */
#ifndef FIGTRACK_CMD_H
#define FIGTRACK_CMD_H

#include "figtrack/err.h"

#define FIG_VERSION "0.1.0"

/* Exit codes, as diff(1): fine, a check found something, trouble. */
#define FIG_EXIT_OK 0
#define FIG_EXIT_FOUND 1
#define FIG_EXIT_TROUBLE 2

struct fig_cmd {
	const char *name;	/* exact name, no prefixes */
	const char *summary;	/* one line for `figtrack --help` */
	const char *usage;	/* full text for `figtrack help NAME` */
	/* argv[0] is the command name; getopt state is reset before. */
	int (*exec)(int argc, char **argv);
};

extern const struct fig_cmd cmd_extract_entry;
extern const struct fig_cmd cmd_eval_entry;
extern const struct fig_cmd cmd_rules_entry;
extern const struct fig_cmd cmd_add_entry;
extern const struct fig_cmd cmd_import_entry;
extern const struct fig_cmd cmd_series_entry;
extern const struct fig_cmd cmd_export_entry;
extern const struct fig_cmd cmd_docs_entry;
extern const struct fig_cmd cmd_rm_entry;
extern const struct fig_cmd cmd_diff_entry;
extern const struct fig_cmd cmd_plot_entry;
extern const struct fig_cmd cmd_report_entry;

/* NULL-terminated table, in the order --help lists it. */
extern const struct fig_cmd *const cmd_table[];

const struct fig_cmd *cmd_find(const char *name);

/* Prints "figtrack: <formatted err>" on stderr; returns FIG_EXIT_TROUBLE. */
int cmd_fail(const struct fig_err *err);
/* Prints "figtrack: NAME: message" and the usage hint; returns 2. */
int cmd_usage_error(const struct fig_cmd *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Prints the usage text of cmd on stdout; returns 0. */
int cmd_help(const struct fig_cmd *cmd);

#endif
