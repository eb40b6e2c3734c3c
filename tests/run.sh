#!/bin/sh
# run.sh: runs every unit test binary and every tNNNN-*.sh command-line
# test, counts their PASS/FAIL/SKIP lines and prints "N passed, N failed"
# last. Environment: FIGTRACK (the binary), BUILD (the build directory),
# VALGRIND=1 to run everything under valgrind memcheck, TEST_JOBS=N to
# run N command-line tests at once.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
# run.sh --one DIR TEST: runs one command-line test into DIR/TEST.log
if [ "${1:-}" = --one ]; then
	t=$3
	{
		echo "# $t"
		t0=$(date +%s)
		out=$(sh "$t" 2>&1)
		rc=$?
		printf '%s\n' "$out"
		echo "# $t: $(($(date +%s) - t0)) s"
		if [ $rc -ne 0 ] && ! printf '%s\n' "$out" | grep -q '^FAIL'; then
			echo "FAIL $t: exited $rc"
		fi
	} > "$2/$(basename "$t").log"
	exit 0
fi
BUILD=${BUILD:-build}
FIGTRACK=${FIGTRACK:-$top/figtrack}
if [ "${VALGRIND:-0}" = 1 ]; then
	WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect"
	# PCRE2's JIT code reads past the subject by design (vector loads
	# that stay within a page); valgrind cannot tell, so the interpreter
	# runs instead
	FIGTRACK_NO_JIT=1
	export FIGTRACK_NO_JIT
	# the shell tests call "$FIGTRACK": wrap it in a script
	vg=$(mktemp -d)/figtrack
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$WRAP" "$FIGTRACK" > "$vg"
	chmod +x "$vg"
	FIGTRACK=$vg
else
	WRAP=""
fi
export FIGTRACK BUILD
SHARED=${FIGTRACK_SHARED:-$top/../shared}
export SHARED
log=$(mktemp)
trap 'rm -f "$log"' EXIT

for t in "$BUILD"/tests/unit-*; do
	[ -x "$t" ] || continue
	echo "# $(basename "$t")"
	$WRAP "$t" > "$log" 2>&1
	rc=$?
	cat "$log"
	if [ $rc -ne 0 ] && ! grep -q '^FAIL' "$log"; then
		echo "FAIL $(basename "$t"): exited $rc"
	fi
done > "$log.all"
# the command-line tests run TEST_JOBS at a time (default: the online
# CPUs; each test has its own temporary directory), each into its own
# log, and the logs are printed in name order, so the output reads the
# same whatever ran first
jobs=${TEST_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}
logs=$(mktemp -d)
trap 'rm -rf "$log" "$logs"' EXIT
ls tests/t[0-9]*.sh 2>/dev/null |
	xargs -P "$jobs" -n 1 sh tests/run.sh --one "$logs"
for t in tests/t[0-9]*.sh; do
	if [ -f "$logs/$(basename "$t").log" ]; then
		cat "$logs/$(basename "$t").log"
	else
		echo "FAIL $t: did not run"
	fi
done >> "$log.all"
cat "$log.all"
passed=$(grep -c '^PASS' "$log.all")
failed=$(grep -c '^FAIL' "$log.all")
skipped=$(grep -c '^SKIP' "$log.all")
rm -f "$log.all"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
