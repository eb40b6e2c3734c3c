/* cmd.c: the command table and the helpers every command uses to report
 * errors the same way. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "figtrack/cmd.h"

const struct fig_cmd *const cmd_table[] = {
	&cmd_extract_entry,
	&cmd_eval_entry,
	&cmd_rules_entry,
	&cmd_add_entry,
	&cmd_import_entry,
	&cmd_series_entry,
	&cmd_export_entry,
	&cmd_docs_entry,
	&cmd_rm_entry,
	&cmd_diff_entry,
	&cmd_plot_entry,
	&cmd_report_entry,
	NULL
};

const struct fig_cmd *
cmd_find(const char *name)
{
	for (int i = 0; cmd_table[i]; i++)
		if (strcmp(cmd_table[i]->name, name) == 0)
			return cmd_table[i];
	return NULL;
}

int
cmd_fail(const struct fig_err *err)
{
	char line[1024];

	err_format(err, line, sizeof line);
	fprintf(stderr, "figtrack: %s\n", line);
	return FIG_EXIT_TROUBLE;
}

int
cmd_usage_error(const struct fig_cmd *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "figtrack: %s: ", cmd->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'figtrack help %s'.\n", cmd->name);
	return FIG_EXIT_TROUBLE;
}

int
cmd_help(const struct fig_cmd *cmd)
{
	fputs(cmd->usage, stdout);
	return FIG_EXIT_OK;
}
