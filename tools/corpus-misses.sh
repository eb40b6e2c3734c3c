#!/bin/sh
# corpus-misses.sh: every wrong label of the development corpus, one line
# per gold row: the document, the line, the fields that differ (value,
# period, kind, metric, entity, partner) as GOT->WANTED, and the quote; then the
# count of wrong rows per field. Misses and extra claims are listed too.
# usage: tools/corpus-misses.sh [FIGTRACK] [CORPUS] [FIELD]
#   FIELD (value|period|kind|metric|entity|partner) keeps only rows wrong
#   there (value: the value or unit differs, units converted or not)
fig=${1:-./figtrack}
dir=${2:-tests/corpus/news}
only=${3:-}
for g in "$dir"/*.gold.csv; do
	d=${g%.gold.csv}
	doc=
	for e in md txt html htm; do [ -f "$d.$e" ] && doc=$d.$e && break; done
	[ -n "$doc" ] || continue
	set -- --gold "$g"
	[ -f "$d.negatives.csv" ] && set -- "$@" --negatives "$d.negatives.csv"
	"$fig" eval -v "$@" "$doc" 2>&1 | sed -n 's/^  \([A-Z]*\) *\(.*\)$/\1 \2/p' |
	    sed "s|^|$(basename "$d") |"
done | awk -v only="$only" '
function field(s, k,   m) {
	if (match(s, " " k "=[^ ]*")) return substr(s, RSTART + length(k) + 2, RLENGTH - length(k) - 2)
	return ""
}
function quote(s) { match(s, /"[^"]*"/); return substr(s, RSTART, RLENGTH) }
# the value and unit of a GOT or WANTED line: "2000000 times"
function qty(s,   t) {
	t = substr(s, index(s, "\": ") + 3)
	return substr(t, 1, index(t, " period=") - 1)
}
function same_qty(a, b,   x, y) {
	split(a, x, " "); split(b, y, " ")
	if (x[2] != y[2]) return 0
	return x[1] == y[1] || (x[1] - y[1]) ^ 2 <= 1e-18 * y[1] ^ 2
}
$2 == "WANTED" { want = $0; next }
$2 == "GOT" {
	got = $0; out = ""
	if (!same_qty(qty(got), qty(want))) {
		out = " value:" qty(got) "->" qty(want); n["value"]++
		if (only == "value") keep = 1
	}
	split("period kind metric entity partner", ks, " ")
	for (i = 1; i <= 5; i++) {
		a = field(got, ks[i]); b = field(want, ks[i])
		if (a != b && !(ks[i] == "period" && index("|" b "|", "|" a "|"))) {
			out = out " " ks[i] ":" a "->" b; n[ks[i]]++
			if (ks[i] == only) keep = 1
		}
	}
	if (out != "" && (only == "" || keep))
		printf "%s:%s%s  %s\n", $1, $4, out, quote(want)
	keep = 0; next
}
$2 == "MISSED" || $2 == "EXTRA" || $2 == "NEGATIVE" {
	n[$2]++
	if (only == "") printf "%s:%s %s %s\n", $1, $4, $2, substr($0, index($0, "\"")) }
END {
	for (k in n) printf "# %-8s %d\n", k, n[k] | "sort"
}'
