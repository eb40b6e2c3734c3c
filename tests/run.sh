#!/bin/sh
# run.sh: runs every unit test binary and every tNNNN-*.sh command-line
# test, counts their PASS/FAIL/SKIP lines and prints "N passed, N failed"
# last. Environment: FIGTRACK (the binary), BUILD (the build directory),
# VALGRIND=1 to run everything under valgrind memcheck.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
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
for t in tests/t[0-9]*.sh; do
	[ -f "$t" ] || continue
	echo "# $t"
	t0=$(date +%s)
	out=$(sh "$t" 2>&1)
	rc=$?
	printf '%s\n' "$out"
	echo "# $t: $(($(date +%s) - t0)) s"
	if [ $rc -ne 0 ] && ! printf '%s\n' "$out" | grep -q '^FAIL'; then
		echo "FAIL $t: exited $rc"
	fi
done >> "$log.all"
cat "$log.all"
passed=$(grep -c '^PASS' "$log.all")
failed=$(grep -c '^FAIL' "$log.all")
skipped=$(grep -c '^SKIP' "$log.all")
rm -f "$log.all"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
