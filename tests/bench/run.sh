#!/bin/sh
# run.sh: `make bench`: runs every benchmark script in tests/bench/ with
# the binary given. Usage: sh tests/bench/run.sh [FIGTRACK]
set -eu
dir=$(cd "$(dirname "$0")" && pwd)
bin=${1:-./figtrack}
rc=0
for b in "$dir"/*.sh; do
	[ "$(basename "$b")" = run.sh ] && continue
	sh "$b" "$bin" || rc=1
done
exit $rc
