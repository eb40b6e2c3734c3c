#!/bin/sh
# t0025-lexicon.sh: the committed country gazetteer is what
# data/lexicon/countries.sh makes of iso-codes' ISO 3166 list and the
# aliases file (`make lexicon` refreshes it), and it names countries by
# their alpha-3 codes whatever the text calls them.
. "$(dirname "$0")/lib.sh"
# current NAME ISO-JSON: data/rules/NAME.rules is what
# data/lexicon/NAME.sh makes of the iso-codes list and NAME.tsv
current() {
	if [ -f "$2" ] && command -v jq > /dev/null; then
		sh "$top/data/lexicon/$1.sh" "$2" "$top/data/lexicon/$1.tsv" \
		    > "$tmp/$1.rules"
		same "lexicon: $1.rules is up to date (make lexicon)" \
		    "$tmp/$1.rules" "$top/data/rules/$1.rules"
	else
		echo "SKIP lexicon: no iso-codes or jq here"
	fi
}
current countries /usr/share/iso-codes/json/iso_3166-1.json
current currencies /usr/share/iso-codes/json/iso_4217.json
current subdivisions /usr/share/iso-codes/json/iso_3166-2.json
# 249 ISO countries less the two with only an inverted name ("Bonaire,
# Sint Eustatius and Saba", "Saint Helena, Ascension and Tristan da Cunha")
eq "lexicon: one [entity] per named country" \
    "$(grep -c '^\[entity [A-Z][A-Z][A-Z]\]$' "$top/data/rules/countries.rules")" 247
cat > "$tmp/c.txt" <<'DOC'
In 2023 the Russian Federation supplied 12 percent of it.
In 2023 Moscow supplied 13 percent of it.
In 2023 Viet Nam supplied 14 percent of it.
In 2023 Vietnamese firms supplied 15 percent of it.
In 2023 South Korea supplied 16 percent of it.
In 2023 North Korea supplied 17 percent of it.
In 2023 Côte d'Ivoire supplied 18 percent of it.
In 2023 the US supplied 19 percent of it.
In 2023 Türkiye supplied 20 percent of it.
DOC
"$FIGTRACK" extract "$tmp/c.txt" | cut -d, -f4,12 | tail -n +2 > "$tmp/got"
printf '12,RUS\n13,RUS\n14,VNM\n15,VNM\n16,KOR\n17,PRK\n18,CIV\n19,USA\n20,TUR\n' > "$tmp/want"
same "lexicon: names, capitals, demonyms and acronyms" "$tmp/got" "$tmp/want"
# every ISO 4217 code is a unit, its name the code in lower case, glued
# to the number or not; the codes that are English words are not
cat > "$tmp/m.txt" <<'DOC'
In 2023 it paid USD196.48 billion for it.
In 2023 it paid SEK 12 million for it.
In 2023 it paid 7 million ZAR for it.
In 2023 it paid Rs.2.56 lakh crore for it.
In 2023 it paid NT$1.29 trillion for it.
In 2023 ALL 3 closed.
DOC
"$FIGTRACK" extract "$tmp/m.txt" | cut -d, -f4,8 | tail -n +2 > "$tmp/got"
printf '196480000000,usd\n12000000,sek\n7000000,zar\n2560000000000,inr\n1290000000000,twd\n' > "$tmp/want"
same "lexicon: currency codes, symbols and Indian scales" "$tmp/got" "$tmp/want"
