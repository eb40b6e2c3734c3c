#!/bin/sh
# t0010-extract.sh: extract on the fixtures in tests/cases/extract,
# compared byte for byte in CSV and JSONL, plus stdin, TSV and the
# publication date options.
. "$(dirname "$0")/lib.sh"
cases=$top/tests/cases/extract

for f in "$cases"/*.md "$cases"/*.txt; do
	[ -f "$f" ] || continue
	b=$(basename "$f"); want=${f%.*}
	(cd "$cases" && "$FIGTRACK" extract "$b") > "$tmp/got.csv" 2>"$tmp/err"
	same "extract: $b csv" "$tmp/got.csv" "$want.csv"
	(cd "$cases" && "$FIGTRACK" extract --format jsonl "$b") > "$tmp/got.jsonl"
	same "extract: $b jsonl" "$tmp/got.jsonl" "$want.jsonl"
done

printf 'Exports rose 5 percent in 2021.\n' > "$tmp/in.txt"
"$FIGTRACK" extract - < "$tmp/in.txt" > "$tmp/out"
has "extract: stdin is named -" "$tmp/out" "-,1,rose 5 percent,5,,,exact,percent,2021,observed"
"$FIGTRACK" extract --format tsv "$tmp/in.txt" > "$tmp/out"
has "extract: tsv header" "$tmp/out" "$(printf 'doc\tline\tquote')"
# a money change takes the rate of the price the paragraph before set
printf 'Milk sold at $4.10 a gallon.\n\nThat is more than a week ago, but 12 cents cheaper than in May.\n' > "$tmp/rate.txt"
"$FIGTRACK" extract "$tmp/rate.txt" > "$tmp/out"
has "extract: a change over the rate of the paragraph before" "$tmp/out" ",12 cents cheaper,-0.12,,,exact,usd/gallon,"
# a large bare number takes the unit of the paragraph before, over a
# change and a year; a small one does not
printf 'Narita handled 41.2 million passengers, up 3%%.\n\nCompared with 2019, Haneda grew 5%% to 87.3 million and ranked at 5.\n' > "$tmp/carry.txt"
"$FIGTRACK" extract "$tmp/carry.txt" > "$tmp/out"
has "extract: a large bare number carries the unit before" "$tmp/out" ",87.3 million,87300000,,,exact,count,"
# the digits of a name between ("EU27", "G7") are no figure between
printf 'EU27 exports to China came to 136 billion euro in 2011.\n\nThe EU27 deficit with China grew to 156 bn in 2011.\n' > "$tmp/name.txt"
"$FIGTRACK" extract "$tmp/name.txt" > "$tmp/out"
has "extract: a name's digits do not stop a unit carried" "$tmp/out" ",156 bn,156000000000,,,exact,eur,"
hasnt "extract: a small bare number carries none" "$tmp/out" ",5,5,"
# a bare dollar of a document from a country of its own dollar is that
# country's, until the document marks a dollar as whose it is
printf -- '---\ntitle: Canada posts a trade deficit in May\n---\n\nThe deficit was $1.2 billion, after a surplus of 300 million dollars.\n\nExports to the U.S. were 40 billion U.S. dollars.\n\nImports came to $41 billion.\n' > "$tmp/cad.md"
"$FIGTRACK" extract "$tmp/cad.md" > "$tmp/out"
has "extract: a bare \$ of Canada's document is cad" "$tmp/out" ',$1.2 billion,1200000000,,,exact,cad,'
has "extract: bare dollars of Canada's document are cad" "$tmp/out" ',300 million dollars,300000000,,,exact,cad,'
has "extract: U.S. dollars stay usd" "$tmp/out" ',40 billion U.S. dollars,40000000000,,,exact,usd,'
has "extract: after a marked dollar a bare \$ is usd" "$tmp/out" ',$41 billion,41000000000,,,exact,usd,'
printf -- '---\ntitle: New Zealand dairy exports rise\n---\n\nDairy exports reached NZ$2 billion ($1.2 billion) in June.\n' > "$tmp/nzd.md"
"$FIGTRACK" extract "$tmp/nzd.md" > "$tmp/out"
has "extract: a marked dollar stays its own" "$tmp/out" ',NZ$2 billion,2000000000,,,exact,nzd,'
has "extract: the bare \$ after it is usd" "$tmp/out" ',$1.2 billion,1200000000,,,exact,usd,'
printf -- '---\ntitle: Argentina cuts its deficit\n---\n\nThe deficit fell to 2 billion pesos, and Pakistan lent 5 million rupees.\n' > "$tmp/ars.md"
"$FIGTRACK" extract "$tmp/ars.md" > "$tmp/out"
has "extract: bare pesos of Argentina's document are ars" "$tmp/out" ',2 billion pesos,2000000000,,,exact,ars,'
has "extract: bare rupees there stay inr" "$tmp/out" ',5 million rupees,5000000,,,exact,inr,'
printf -- '---\ntitle: Chile copper exports rise\n---\n\nCopper exports reached $4 billion in June.\n' > "$tmp/usd.md"
"$FIGTRACK" extract "$tmp/usd.md" > "$tmp/out"
has "extract: a bare \$ elsewhere is usd" "$tmp/out" ',$4 billion,4000000000,,,exact,usd,'
printf 'Output is 30 percent higher.\n' > "$tmp/now.txt"
"$FIGTRACK" extract --published 2024-05 "$tmp/now.txt" > "$tmp/out"
has "extract: --published dates present-tense figures" "$tmp/out" ",2024,observed"
status "extract: bad --published is exit 2" 2 "$FIGTRACK" extract --published 2024-13 "$tmp/now.txt"
has "extract: bad --published says why" "$tmp/err" "is not a date"
# several files: one header, claims of each in order
"$FIGTRACK" extract "$tmp/in.txt" "$tmp/now.txt" > "$tmp/out"
eq "extract: two files, one header" "$(grep -c '^doc,' "$tmp/out")" 1
eq "extract: two files, both claims" "$(wc -l < "$tmp/out" | tr -d ' ')" 3
# FIGTRACK_RULES and --rules pick the rule set
mkdir -p "$tmp/rules"
printf '[numbers]\ntwo = 2\n[unit widget]\nafter = widgets?\n' > "$tmp/rules/w.rules"
printf 'We sold 7 widgets and 5 percent.\n' > "$tmp/w.txt"
"$FIGTRACK" extract --rules "$tmp/rules" "$tmp/w.txt" > "$tmp/out"
has "extract: --rules uses that set" "$tmp/out" ",7 widgets,7,,,exact,widget,"
hasnt "extract: --rules only that set" "$tmp/out" "percent"
FIGTRACK_RULES="$tmp/rules" "$FIGTRACK" extract "$tmp/w.txt" > "$tmp/out"
has "extract: FIGTRACK_RULES" "$tmp/out" ",widget,"
# the installed layout: rules found next to the program, from any cwd
(cd "$tmp" && env -u FIGTRACK_RULES "$FIGTRACK" extract in.txt) > "$tmp/out" 2>&1
has "extract: default rules from another directory" "$tmp/out" "rose 5 percent"
# a year before the level a change ends at is no figure of that level's
# unit ("from 2020 to 472 billion euros"), nor the unit of a conversion
# note ("($1 = 0.9042 euros)")
printf 'Imports from Chile jumped by a fifth from 2020 to 472 billion euros.\n\n($1 = 0.9042 euros)\n' > "$tmp/yr.txt"
"$FIGTRACK" extract "$tmp/yr.txt" > "$tmp/out"
has "extract: the level after a base year" "$tmp/out" ",472 billion euros,"
hasnt "extract: ... the base year is no level" "$tmp/out" ",2020,"
hasnt "extract: ... nor a conversion's unit" "$tmp/out" ',$1,'
# a bare range names a group ("women aged 35 to 39", "ages 20-24"):
# neither of its numbers is a figure alone, though the sentence names a
# rate whose unit a bare number after "to" would take
printf 'The birth rate rose 2%% among women aged 30 to 34 and 3%% among women 35 to 39.\n\nFor women ages 20-24, the birth rate declined by 6%% to 92.1 births per 1,000.\n' > "$tmp/band.txt"
"$FIGTRACK" extract "$tmp/band.txt" > "$tmp/out"
has "extract: a figure beside a bare range" "$tmp/out" ",3%,3,,,exact,percent,"
hasnt "extract: ... the range's end is no figure" "$tmp/out" ",34,"
hasnt "extract: ... nor after a group noun" "$tmp/out" ",39,"
has "extract: ... the rate after a hyphened range" "$tmp/out" ",\"92.1 births per 1,000\",92.1,"
# a threshold after a count of things names their class ("17 states
# generated between 40% and 69% of their electricity"): the count stays
printf 'Twelve states sourced less than 20%% of their power from coal in 2010.\n' > "$tmp/class.txt"
"$FIGTRACK" extract "$tmp/class.txt" > "$tmp/out"
has "extract: a count of things with a threshold" "$tmp/out" ",Twelve states,12,,,exact,count,"
hasnt "extract: ... the threshold names their class" "$tmp/out" "less than 20%"
# a bracket holding only a number after the words that name it gives
# their figure ("the number of births (67,283)"), but not after a figure
# it restates ("two plants (2)")
printf 'The number of divorces (12,460) fell in 2019, and the firm kept two plants (2) there.\n' > "$tmp/brk.txt"
"$FIGTRACK" extract "$tmp/brk.txt" > "$tmp/out"
has "extract: a bracketed number after its noun" "$tmp/out" ',"12,460",12460,,,exact,count,'
hasnt "extract: ... not one that restates a figure" "$tmp/out" ",2,2,"
# a bound in words restated by its figure after "of" is no claim
printf 'The decline in exports slowed to a single-digit of 9.1 percent in June 2016.\n' > "$tmp/restated.txt"
"$FIGTRACK" extract "$tmp/restated.txt" > "$tmp/out"
has "extract: the restated figure" "$tmp/out" ",9.1 percent,9.1,"
hasnt "extract: no bound beside it" "$tmp/out" ",single-digit,"
# a price said without its rate takes the rate of the price before it
printf 'Power cost EUR 60 per megawatt-hour less in January.\n\nLast month, the average price was EUR 141.74, against EUR 202.65 in December.\n' > "$tmp/price.txt"
"$FIGTRACK" extract "$tmp/price.txt" > "$tmp/out"
has "extract: a price takes the rate before it" "$tmp/out" ",EUR 141.74,141.74,,,exact,eur/mwh,"
has "extract: ... and so does its base" "$tmp/out" ",EUR 202.65,202.65,,,exact,eur/mwh,"
