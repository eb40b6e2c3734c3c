/* main.c: global options, then hand-off to the command table. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "figtrack/cmd.h"
#include "figtrack/reader.h"

static void
usage(FILE *out)
{
	fputs("usage: figtrack COMMAND [OPTIONS] [ARGS]\n"
	    "       figtrack help COMMAND | --help | --version\n\n"
	    "Keeps the dated figures in reports honest over time.\n\n"
	    "Commands:\n", out);
	for (int i = 0; cmd_table[i]; i++)
		fprintf(out, "  %-9s %s\n", cmd_table[i]->name,
		    cmd_table[i]->summary);
	fputs("\nExit status: 0 fine, 1 a check found something, 2 trouble.\n",
	    out);
}

int
main(int argc, char **argv)
{
	const struct fig_cmd *cmd;

	/* Past a file-size limit (ulimit -f) a write fails with EFBIG and
	 * is reported like a full disk, instead of killing the program
	 * with a half-written output behind it. */
	signal(SIGXFSZ, SIG_IGN);
	reader_init();	/* before any command starts threads */
	if (argc < 2) {
		usage(stderr);
		return FIG_EXIT_TROUBLE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return FIG_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("figtrack %s\n", FIG_VERSION);
		return FIG_EXIT_OK;
	}
	if (strcmp(argv[1], "help") == 0) {
		if (argc < 3) {
			usage(stdout);
			return FIG_EXIT_OK;
		}
		if ((cmd = cmd_find(argv[2])) == NULL) {
			fprintf(stderr, "figtrack: unknown command '%s'\n",
			    argv[2]);
			return FIG_EXIT_TROUBLE;
		}
		return cmd_help(cmd);
	}
	if ((cmd = cmd_find(argv[1])) == NULL) {
		fprintf(stderr, "figtrack: unknown command '%s'; see "
		    "'figtrack --help'\n", argv[1]);
		return FIG_EXIT_TROUBLE;
	}
	optind = 1;
	return cmd->exec(argc - 1, argv + 1);
}
