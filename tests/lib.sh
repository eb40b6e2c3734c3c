# lib.sh: helpers for the tNNNN-*.sh command-line tests. Each check prints
# one PASS or FAIL line; tests/run.sh counts them.
: "${FIGTRACK:?}"
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
RULES=$top/data/rules
export FIGTRACK_RULES="$RULES"
unset FIGTRACK_DB

# the corpus-wide loops (every article as a page, as a PDF) under the
# sanitizers: FIGTRACK_SAMPLE=N (make check SANITIZE=1 sets it) keeps
# every Nth article, the first always. ASan and UBSan find faults in the
# code a document takes, and a sample of the articles takes the same
# code as all of them at a sixth of the time; the plain make check
# compares every article. Reads names on standard input.
sample() { awk -v n="${FIGTRACK_SAMPLE:-1}" '(NR - 1) % n == 0'; }

# how many paragraphs make a generated document "long": under valgrind
# (make check-valgrind) figtrack runs about a hundred times slower, so a
# twentieth of them still keeps it busy long enough to interrupt
# (not fewer under the sanitizers: the interrupt tests time their signal
# by the bytes read, and a quarter of the paragraphs let t1120's add end
# its extraction before the signal came)
long_n() { if [ "${VALGRIND:-0}" = 1 ]; then echo $(($1 / 20)); else echo "$1"; fi; }

pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; }

# ok NAME CMD...: the command exits 0
ok() { n=$1; shift; if "$@" >"$tmp/out" 2>"$tmp/err"; then pass "$n"; else fail "$n: exit $? $(head -c 300 "$tmp/err")"; fi; }
# status NAME CODE CMD...: the command exits with CODE
status() { n=$1; c=$2; shift 2; "$@" >"$tmp/out" 2>"$tmp/err"; r=$?; if [ $r -eq "$c" ]; then pass "$n"; else fail "$n: exit $r, want $c $(head -c 300 "$tmp/err")"; fi; }
# has NAME FILE TEXT: FILE contains TEXT (fixed string)
has() { if grep -qF -- "$3" "$2"; then pass "$1"; else fail "$1: '$3' not in $2: $(head -c 300 "$2")"; fi; }
# hasnt NAME FILE TEXT: FILE does not contain TEXT
hasnt() { if grep -qF -- "$3" "$2"; then fail "$1: '$3' found in $2"; else pass "$1"; fi; }
# same NAME GOT WANT: files are byte-identical
same() { if cmp -s "$2" "$3"; then pass "$1"; else fail "$1: $2 differs from $3: $(diff "$3" "$2" | head -20)"; fi; }
# eq NAME GOT WANT: strings equal
eq() { if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: got '$2', want '$3'"; fi; }
