#!/bin/sh
# run.sh: builds the libFuzzer harnesses (clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, the library compiled with the same flags
# into build/fuzz/) and runs each, one after the other, for FUZZ_SECONDS
# (default 60) seconds, or for FUZZ_RUNS executions.
# Any crash, leak, timeout (over 1 s for one input of up to 64 KB) or
# out-of-memory fails the run; the input is left in build/fuzz/artifacts/.
# Environment: FUZZ_SECONDS, FUZZ_TARGETS (default: all six), CLANG,
# FUZZ_TIMEOUT (seconds for one input, default 1; the rule harness takes
# about 0.15 s on the shipped rules, so only a loaded machine needs more),
# FUZZ_RUNS (libFuzzer's -runs: each harness stops after exactly this
# many executions, counting the corpus it replays first; FUZZ_SECONDS
# then only caps the time, unlimited unless given). For a long run:
#     FUZZ_RUNS=1000000 FUZZ_TARGETS=import nice sh tests/fuzz/run.sh
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
CLANG=${CLANG:-clang}
RUNS=${FUZZ_RUNS:-}
case $RUNS in
''|*[!0-9]*|0) RUNS="" SECONDS_EACH=${FUZZ_SECONDS:-60} ;;
*) SECONDS_EACH=${FUZZ_SECONDS:-0} ;;	# 0: no time limit
esac
TIMEOUT=${FUZZ_TIMEOUT:-1}
TARGETS=${FUZZ_TARGETS:-extract numper rules import html pdf}
out=build/fuzz
PKGS="libpcre2-8 sqlite3 libxml-2.0 poppler-glib"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
CFLAGS="-std=c11 -g -O1 -fno-omit-frame-pointer -Wall -Wextra -Wno-unused-parameter -Wno-string-plus-int -Wno-string-concatenation $SAN"
CPPFLAGS="-Iinclude -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(pkg-config --cflags $PKGS 2>/dev/null)"
LIBS="$(pkg-config --libs $PKGS 2>/dev/null || echo -lpcre2-8 -lsqlite3 -lxml2) -lcsv -ludunits2 -lm -pthread"

if ! command -v "$CLANG" >/dev/null 2>&1; then
	echo "fuzz: $CLANG not found (make deps installs clang and libclang-rt-14-dev)" >&2
	exit 2
fi
mkdir -p "$out/obj" "$out/artifacts" || exit 2

# the library, every module but main.c and the commands, rebuilt when it
# or a header changed
newest_h=$(ls -t include/figtrack/*.h | head -1)
objs=""
for src in src/*.c; do
	case $src in src/main.c|src/cmd*.c) continue ;; esac
	o=$out/obj/$(basename "$src" .c).o
	if [ ! -f "$o" ] || [ "$src" -nt "$o" ] || [ "$newest_h" -nt "$o" ]; then
		echo "fuzz: cc $src"
		# shellcheck disable=SC2086
		$CLANG $CPPFLAGS $CFLAGS -fsanitize=fuzzer-no-link -c -o "$o.$$" "$src" &&
		    mv "$o.$$" "$o" || exit 2
	fi
	objs="$objs $o"
done
for t in $TARGETS; do
	src=tests/fuzz/fuzz-$t.c bin=$out/fuzz-$t
	[ -f "$src" ] || { echo "fuzz: no harness $src" >&2; exit 2; }
	stale=0
	[ -f "$bin" ] && [ ! "$src" -nt "$bin" ] &&
	    [ ! tests/fuzz/fuzz-common.h -nt "$bin" ] || stale=1
	for o in $objs; do [ "$o" -nt "$bin" ] && stale=1; done
	if [ $stale = 1 ]; then
		echo "fuzz: link $bin"
		# shellcheck disable=SC2086
		$CLANG $CPPFLAGS $CFLAGS -fsanitize=fuzzer -o "$bin.$$" "$src" $objs $LIBS &&
		    mv "$bin.$$" "$bin" || exit 2
	fi
done

failed=0 total=0
for t in $TARGETS; do
	bin=$out/fuzz-$t work=$out/corpus/$t log=$out/fuzz-$t.log
	mkdir -p "$work"
	dict="" leaks=""
	[ -f "tests/fuzz/$t.dict" ] && dict="-dict=tests/fuzz/$t.dict"
	# Poppler is not built with the sanitizers and keeps caches (fonts,
	# the global parameters) for the life of the process: its
	# allocations are not ours to account for
	[ "$t" = pdf ] && leaks="-detect_leaks=0"
	before=$(ls "$out/artifacts" | wc -l)
	runs="" limit="${SECONDS_EACH}s"
	if [ -n "$RUNS" ]; then
		runs="-runs=$RUNS" limit="$RUNS executions"
		[ "$SECONDS_EACH" != 0 ] && limit="$limit or ${SECONDS_EACH}s"
	fi
	echo "fuzz: $t for $limit ($(date -u '+%Y-%m-%d %H:%M:%S UTC'), log $log)"
	start=$(date +%s)
	# the first corpus directory receives new inputs; the seeds stay
	# untouched
	# shellcheck disable=SC2086
	"$bin" -max_total_time="$SECONDS_EACH" $runs -max_len=65536 \
	    -timeout="$TIMEOUT" -rss_limit_mb=2048 -print_final_stats=1 $dict $leaks \
	    -artifact_prefix="$out/artifacts/$t-" "$work" "tests/fuzz/corpus/$t" \
	    > "$log" 2>&1
	rc=$?
	secs=$(($(date +%s) - start))
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
	ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1)
	after=$(ls "$out/artifacts" | wc -l)
	total=$((total + ${execs:-0}))
	if [ $rc -ne 0 ] || [ "$after" -ne "$before" ]; then
		echo "FAIL fuzz-$t: exit $rc after ${execs:-?} executions; see $log"
		grep -E '^(==[0-9]+==|SUMMARY|.*runtime error|artifact_prefix|Test unit written)' "$log" | head -20
		failed=$((failed + 1))
	else
		short=""
		[ -n "$RUNS" ] && [ "${execs:-0}" -lt "$RUNS" ] &&
		    short=" (time limit: short of $RUNS)"
		echo "PASS fuzz-$t: ${execs:-0} executions in ${secs}s ($((${execs:-0} / (secs > 0 ? secs : 1))) exec/s)$short, $cov, $ft, corpus $(ls "$work" | wc -l) files"
	fi
done
echo "fuzz: $total executions in total"
# not "N passed, N failed": the test suite's count stays the last one
n=$(echo $TARGETS | wc -w)
if [ $failed -eq 0 ]; then
	echo "fuzz: all $n harnesses ran clean"
else
	echo "fuzz: $failed of $n harnesses found a fault"
fi
[ $failed -eq 0 ]
