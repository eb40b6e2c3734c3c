#!/bin/sh
# t0001-cli.sh: the command line itself: help, version, exit codes.
. "$(dirname "$0")/lib.sh"

ok "cli: --help" "$FIGTRACK" --help
has "cli: --help lists extract" "$tmp/out" "extract"
ok "cli: --version" "$FIGTRACK" --version
has "cli: --version prints it" "$tmp/out" "figtrack 0."
ok "cli: help extract" "$FIGTRACK" help extract
has "cli: help extract shows usage" "$tmp/out" "usage: figtrack extract"
ok "cli: extract -h" "$FIGTRACK" extract -h
status "cli: no command is exit 2" 2 "$FIGTRACK"
status "cli: unknown command is exit 2" 2 "$FIGTRACK" frobnicate
has "cli: unknown command names it" "$tmp/err" "unknown command 'frobnicate'"
status "cli: no prefixes" 2 "$FIGTRACK" extr
status "cli: bad option is exit 2" 2 "$FIGTRACK" extract --nope x
status "cli: extract without FILE is exit 2" 2 "$FIGTRACK" extract
status "cli: unknown format is exit 2" 2 "$FIGTRACK" extract --format xml x
status "cli: missing file is exit 2" 2 "$FIGTRACK" extract "$tmp/none.txt"
has "cli: missing file names it" "$tmp/err" "none.txt: cannot open"
