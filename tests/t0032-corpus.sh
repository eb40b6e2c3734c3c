#!/bin/sh
# t0032-corpus.sh: figtrack eval over the development corpus
# (tests/corpus/news: real articles retold, every numeric phrase kept, a
# hand-checked gold file each). Prints the per-document and summed scores
# and holds them at the floors below: each floor is what the rules reached
# when it was last raised, less a small margin, so that a rule change that
# loses ground fails here. The labels and quantities issues set the aims
# (value+unit F1 0.95, period 0.90, metric 0.85, series key 0.80).
. "$(dirname "$0")/lib.sh"
corpus=$top/tests/corpus/news
ok "corpus: eval runs" "$FIGTRACK" eval --corpus "$corpus"
sed 's/^/# /' "$tmp/out"
score() { sed -n "s/^$1 *\([0-9.]*\).*/\1/p" "$tmp/out" | head -1; }
at_least() {
	if awk -v a="$2" -v b="$3" 'BEGIN { exit !(a + 0 >= b + 0) }'; then
		pass "corpus: $1 $2 >= $3"
	else
		fail "corpus: $1 $2 fell below $3"
	fi
}
f1=$(sed -n 's/^value+unit .* F1 \([0-9.]*\).*/\1/p' "$tmp/out")
# value+unit F1 (quantities issue): 0.979 over the 65 documents when raised
at_least "value+unit F1" "$f1" 0.97
# the labels (issue 12), measured on the 65 documents after the labels,
# quantities and tables work met, "A plus B" read as both, "a slight dip
# of" and "on month and N on year" read, the actors work (shares and
# their suppliers, flows by pronoun, the holder of a flow before, world
# output, parts of a total, "respectively" flows) done: period 0.828,
# metric 0.931, entity 0.970, partner 0.940, series key 0.919
at_least "period" "$(score period)" 0.82
at_least "metric" "$(score metric)" 0.925
at_least "entity" "$(score entity)" 0.965
at_least "partner" "$(score partner)" 0.935
at_least "series key" "$(score 'series key')" 0.91
eq "corpus: 65 documents" "$(grep -c '^65 documents$' "$tmp/out")" 1
# a document without its gold file, or a corpus of none, is an error
status "corpus: empty folder is exit 2" 2 "$FIGTRACK" eval --corpus "$tmp"
has "corpus: says why" "$tmp/err" "no NAME.gold.csv files"
printf 'line,quote\n' > "$tmp/lone.gold.csv"
status "corpus: gold without a document is exit 2" 2 "$FIGTRACK" eval --corpus "$tmp"
has "corpus: names the gold file" "$tmp/err" "lone.gold.csv: no document beside it"
status "corpus: --corpus with a FILE is a usage error" 2 "$FIGTRACK" eval --corpus "$corpus" x.txt
