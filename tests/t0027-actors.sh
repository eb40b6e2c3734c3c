#!/bin/sh
# t0027-actors.sh: whose figure it is when the figure's own words do not
# say, across paragraphs (the rule files' examples are one paragraph
# each): the holder of the flow before, the main clause after an opening
# "While ...,", a country named only as the place of a war.
. "$(dirname "$0")/lib.sh"

# label QUOTE: the metric, entity and partner of the claim quoting QUOTE
label() {
	grep -F ",$1," "$tmp/out" | head -1 |
	    awk -F, '{ print $(NF-4) "," $(NF-3) "," $(NF-1) }'
}

cat > "$tmp/korea.md" <<'DOC'
South Korea's exports rose for a fifth month in January.

By destination, exports to China, South Korea's top trading partner, surged 30.8 percent on-year to $8.7 billion.

In January, exports grew 33.9 percent from a year earlier to $65.85 billion.
DOC
ok "actors: extract" "$FIGTRACK" extract "$tmp/korea.md"
eq "actors: a flow naming no one is the last flow's holder's" \
    "$(label 'grew 33.9 percent')" "trade.exports.change,KOR,"
eq "actors: and its level too" "$(label '$65.85 billion')" \
    "trade.exports.value,KOR,"
eq "actors: the flow before keeps its partner" \
    "$(label 'surged 30.8 percent')" "trade.exports.change,KOR,CHN"

# a list under a lead line on one country's trade with others, each item
# naming the partner after "with": the lead's actor and the item's
cat > "$tmp/tradewith.md" <<'DOC'
Brazil's trade with its neighbours went both ways in 2023:
- with Argentina it grew by 4.2% to $28.9 billion;
- with Chile it fell by 1.5% to $11.4 billion;
- with Paraguay, by 2.5%.
DOC
ok "actors: extract tradewith" "$FIGTRACK" extract "$tmp/tradewith.md"
eq "actors: an item's trade with the partner it names" \
    "$(label 'grew by 4.2%')" "trade.turnover.change,ARG+BRA,"
eq "actors: and its level, the lead's actor the other side" \
    "$(label '$11.4 billion')" "trade.turnover.value,BRA+CHL,"
eq "actors: an item's bare \"by\" is its change" \
    "$(label '2.5%')" "trade.turnover.change,BRA+PRY,"

# items that open with the other side's name alone, under a lead line
# on one country's export markets or suppliers
cat > "$tmp/markets.md" <<'DOC'
Chile's exports rose in 2023.

Chile's top three export markets were:

- China, accounting for 39.1 percent or $38.2 billion;
- the US, 16.3 percent, down 2.5 percent.

Korea's main suppliers of LNG in 2023:

- Qatar, 21 percent;
- Australia, with 18 percent.
DOC
ok "actors: extract markets" "$FIGTRACK" extract "$tmp/markets.md"
eq "actors: a market's share of the lead actor's exports" \
    "$(label '39.1 percent')" "trade.exports.share,CHL,CHN"
eq "actors: and the value of the flow to it" \
    "$(label '$38.2 billion')" "trade.exports.value,CHL,CHN"
eq "actors: and a change of it" \
    "$(label 'down 2.5 percent')" "trade.exports.change,CHL,USA"
eq "actors: a supplier's share of the lead actor's imports of the lead's goods" \
    "$(label '18 percent')" "lng.imports.share,KOR,AUS"

# items that open with the buyer under a lead line on the buyers of
# goods: the buyer is the partner of the item's flows, the seller the
# lead line's actor, else the holder of the export flow before the list
cat > "$tmp/buyers.md" <<'DOC'
Brazil's beef exports came to 108,630 tons in October.

Among the 20 biggest buyers so far this year:

- China, together with Hong Kong, is first, with 916,938 tons imported.
- Chile, third, expanded its purchases by 23.1%, to 88,062 tonnes.

The top buyers of U.S. soybeans in fiscal 2009 after China:

- Mexico, 3,223,844 tonnes, accounting for 9.2% of the U.S. soybean outgo
- the European Union-27, 2,037,699 tonnes
DOC
ok "actors: extract buyers" "$FIGTRACK" extract "$tmp/buyers.md"
eq "actors: a buyer item's flow is the exporter's before the list" \
    "$(label '"88,062 tonnes"' | cut -d, -f2-)" "BRA,CHL"
eq "actors: two buyers joined" \
    "$(label '"916,938 tons"' | cut -d, -f2-)" "BRA,CHN+HKG"
eq "actors: the seller the lead line names" \
    "$(label '9.2%' | cut -d, -f2-)" "USA,MEX"
eq "actors: a buyer after \"the\"" \
    "$(grep -F '2,037,699' "$tmp/out" | awk -F, '{ print $(NF-3) "," $(NF-1) }')" "USA,EU"
# and what the item's figures measure, of the goods of the lead line or
# of the flow before the list (buyer_metric)
eq "actors: a buyer item's amount is the goods' exports" \
    "$(label '"916,938 tons"' | cut -d, -f1)" "beef.exports.volume"
eq "actors: a buyer item's change" \
    "$(label '23.1%' | cut -d, -f1)" "beef.exports.change"
eq "actors: a buyer item's part of the total" \
    "$(label '9.2%' | cut -d, -f1)" "soybeans.exports.share"

# a figure's own words outrank the label a follow rule carries from the
# paragraph before: another buyer's goods, named by their source's
# demonym; and goods imported "by pipeline" from their source
cat > "$tmp/follow.md" <<'DOC'
In 2022 Germany imported about 50 billion cubic meters of gas by pipeline from Norway.

Egypt bought 12% more Russian wheat in the same year.
DOC
ok "actors: extract follow" "$FIGTRACK" extract "$tmp/follow.md"
eq "actors: goods imported by pipeline from their source" \
    "$(label 'about 50 billion cubic meters')" "natural_gas.exports.volume,NOR,DEU"
eq "actors: own words, not the flow before" \
    "$(label '12% more')" "wheat.exports.change,RUS,EGY"
eq "actors: and one claim" "$(grep -c '12% more' "$tmp/out")" 1

# a table of one country's exports by destination, a column a
# destination: each cell is the flow to the column's country
cat > "$tmp/exptable.md" <<'DOC'
Peru gold exports by destination (kg):

| | To Canada | To India |
|---|---|---|
| May 2021 | 945 | 882 |
DOC
ok "actors: extract exptable" "$FIGTRACK" extract "$tmp/exptable.md"
eq "actors: a cell under a destination's column" \
    "$(label '882')" "gold.exports.volume,PER,IND"

# a paragraph with no figure that opens with a subject's name sets what
# the supplier ranked after it supplies; with none named, all goods
cat > "$tmp/opening.md" <<'DOC'
Japan's imports from outside Asia shifted in 2023.

Thermal coal followed the same pattern, as utilities turned to other sources.

In 2023, Australia was Japan's largest supplier with a share of 62.1 per cent, followed by Indonesia (14.3 per cent).
DOC
ok "actors: extract opening" "$FIGTRACK" extract "$tmp/opening.md"
eq "actors: a figureless paragraph's opening subject" \
    "$(label '62.1 per cent')" "coal.imports.share,JPN,AUS"
eq "actors: and the supplier after it" \
    "$(label '14.3 per cent')" "coal.imports.share,JPN,IDN"
sed -i 2,3d "$tmp/opening.md"
ok "actors: extract opening, no subject" "$FIGTRACK" extract "$tmp/opening.md"
eq "actors: a supplier of no subject named supplies all goods" \
    "$(label '62.1 per cent')" "trade.imports.share,JPN,AUS"

# the partner named last is no holder of the flows after it: a flow of
# the other way whose paragraph names no one is the reporter's
cat > "$tmp/there.md" <<'DOC'
Korea's exports rose 4.1% in May.

Exports to Vietnam fell 3.1%; chip shipments there dropped 12.5%, after a 9.2% fall in April.

Imports rose 2.2% in May, after a 1.4% decline in April.
DOC
ok "actors: extract there" "$FIGTRACK" extract "$tmp/there.md"
eq "actors: a flow \"there\" is to the place of the flow before" \
    "$(label 'dropped 12.5%')" "semiconductors.exports.change,KOR,VNM"
eq "actors: and the change before it, said after it" \
    "$(label '9.2% fall')" "semiconductors.exports.change,KOR,VNM"
eq "actors: imports after exports are the exporter's" \
    "$(label 'rose 2.2%')" "trade.imports.change,KOR,"

# a list under a lead line naming the goods and the importer: each item
# the sender's flow of those goods, its amount and its change
cat > "$tmp/leadgoods.md" <<'DOC'
Korea's LNG imports by supplier in September:
- from Australia, 2.1 million tonnes, up 4.2%;
- from Qatar, 0.4 million tonnes, down 12%.

Pakistan's exports of rice to its main markets rose in September:
- to Kenya, $120 million, up 8%;
- to China, $45 million.
DOC
ok "actors: extract leadgoods" "$FIGTRACK" extract "$tmp/leadgoods.md"
eq "actors: a supplier's item, the lead's goods and importer" \
    "$(label '0.4 million tonnes')" "lng.exports.volume,QAT,KOR"
eq "actors: and its change" "$(label 'down 12%')" \
    "lng.exports.change,QAT,KOR"
eq "actors: a market's item, the lead's goods and exporter" \
    "$(label 'up 8%')" "rice.exports.change,PAK,KEN"
eq "actors: and its value" "$(label '$45 million')" \
    "rice.exports.value,PAK,CHN"

cat > "$tmp/war.md" <<'DOC'
China's two-way trade with Russia climbed in June to its highest level since the start of the war in Ukraine.

Bilateral trade rose to $20.83 billion in June, the highest since February 2022.
DOC
ok "actors: extract war" "$FIGTRACK" extract "$tmp/war.md"
eq "actors: the place of a war is no side of the trade" \
    "$(label '$20.83 billion')" "trade.turnover.value,CHN+RUS,"

cat > "$tmp/while.md" <<'DOC'
While TSMC plans to reach 2nm by 2026, for example, Russia hopes to achieve 28nm domestic chip manufacturing by 2030.
DOC
ok "actors: extract while" "$FIGTRACK" extract "$tmp/while.md"
has "actors: the main clause after 'While ...,' names the actor" \
    "$tmp/out" ",28nm,28,,,exact,nm,2030,target,chips.process_node,RUS,"

cat > "$tmp/part.md" <<'DOC'
Russia imported $439.84mn worth of diodes, transistors and other semiconductor devices in 2020.

Sanctions may bite.

Russia's industry depends on imports.

Russia imported $248.57mn of the $439.84mn in components from China in 2020.
DOC
ok "actors: extract part" "$FIGTRACK" extract "$tmp/part.md"
eq "actors: a part of an earlier total is of its subject" \
    "$(label '$248.57mn')" "semiconductors.exports.value,CHN,RUS"

cat > "$tmp/list.md" <<'DOC'
The largest share of the cuts comes from Saudi Arabia (1 million bpd), followed by Iraq (223,000 bpd) and Kuwait (135,000 bpd).
DOC
ok "actors: extract list" "$FIGTRACK" extract "$tmp/list.md"
has "actors: a figure in brackets after a name is its actor's" \
    "$tmp/out" ",-223000,,,exact,barrel/day,,observed,,IRQ,"
has "actors: each of the list" "$tmp/out" ",KWT,"

# a list item that names a flow of its own is that flow, not also the
# two-way trade of its lead line
cat > "$tmp/leadflow.md" <<'DOC'
Trade between Kazakhstan and Russia stayed strong in January-October 2022:

- the trade turnover grew by 7 per cent up to 21.1 billion dollars;
- imports of Russian goods to Kazakhstan amounted to 14.2 billion dollars.
DOC
ok "actors: extract leadflow" "$FIGTRACK" extract "$tmp/leadflow.md"
eq "actors: a list item's own flow" "$(grep -c '14.2 billion dollars' "$tmp/out")" 1
eq "actors: ... labelled as that flow" "$(label '14.2 billion dollars')" \
    "trade.exports.value,RUS,KAZ"
eq "actors: an item of two-way trade keeps the lead's pair" \
    "$(label '21.1 billion dollars')" "trade.turnover.value,KAZ+RUS,"

# a flow counted in tonnes is of the goods the text named, not of all
# goods; so is a change whose sentence gives it so
cat > "$tmp/coal.md" <<'DOC'
---
title: China's coal imports from Russia jump
date: 2018-01-25
---

China bought much more coal from Russia in 2017.

Arrivals from Russia surged 36.3 percent from 2016 to 25.3 million tonnes.
DOC
ok "actors: extract coal" "$FIGTRACK" extract "$tmp/coal.md"
has "actors: a flow in tonnes takes the subject named before" "$tmp/out" \
    ",25.3 million tonnes,25300000,,,exact,tonne,2017,observed,coal.exports.volume,RUS,"
has "actors: ... and so does its change" "$tmp/out" \
    "coal.exports.change,RUS,"

# a flow that names only its sender goes to the receiver of the flow
# before it
cat > "$tmp/recv.md" <<'DOC'
China's imports from Russia rose 12 percent to $10 billion in 2023.

Imports from Mongolia rose 27.6 percent in 2023.
DOC
ok "actors: extract recv" "$FIGTRACK" extract "$tmp/recv.md"
eq "actors: a flow from a sender goes to the receiver before" \
    "$(label 'rose 27.6 percent')" "trade.exports.change,MNG,CHN"

# a seller's list of goods, and the amount after "for"
cat > "$tmp/sold.md" <<'DOC'
Kazakhstan sold electronics, household appliances and mobile phones to Russia for 575.1 million dollars in 2022.
DOC
ok "actors: extract sold" "$FIGTRACK" extract "$tmp/sold.md"
eq "actors: goods sold to a partner for an amount" \
    "$(label '575.1 million dollars')" "electronics.exports.value,KAZ,RUS"

# a flow held by "its" is of its sentence's actor, not of the holder of
# the flow before
cat > "$tmp/its.md" <<'DOC'
Shipments of integrated circuits from China to Russia rose to $179 million in 2022.

Turkey also raised its electronics exports to Russia to $559 million in 2022.
DOC
ok "actors: extract its" "$FIGTRACK" extract "$tmp/its.md"
eq "actors: 'its exports' are of the sentence's actor" \
    "$(label '$559 million')" "electronics.exports.value,TUR,RUS"

# "respectively" as a whole word only: "irrespectively of" pairs nothing
cat > "$tmp/resp.md" <<'DOC'
India's imports of oil from Iraq and Saudi Arabia fell 12% and about 23% to 928,000 bpd and 607,500 bpd, irrespectively of prices.
DOC
ok "actors: extract irrespectively" "$FIGTRACK" extract "$tmp/resp.md"
eq "actors: 'irrespectively' is no 'respectively'" \
    "$(grep -F '607,500 bpd' "$tmp/out" | cut -d, -f13)" "IRQ+SAU"

# a flow named only by its sender, with no flow before it, goes to the
# buyer the title names (not a sender there, "from Mongolia"); a country
# named as the target of sanctions is no side of it
cat > "$tmp/buyer.md" <<'DOC'
---
title: Japan's LNG imports from Qatar and Oman rise
date: 2019-02-10
---

Japan bought more LNG from Qatar and Oman last year, as buyers filled a gap left by sanctions on Iran.

Arrivals from Qatar rose 12.5 percent from 2017 to 10.2 million tonnes.
DOC
ok "actors: extract buyer" "$FIGTRACK" extract "$tmp/buyer.md"
eq "actors: the title's buyer, not the target of sanctions" \
    "$(label 'rose 12.5 percent')" "lng.exports.change,QAT,JPN"

# "US dollars" names no actor
cat > "$tmp/usd.md" <<'DOC'
The average price of a car exported from Korea was 25,000 US dollars in 2023.

Shipments from Korea rose 8 percent to 3.1 billion US dollars.
DOC
ok "actors: extract usd" "$FIGTRACK" extract "$tmp/usd.md"
eq "actors: 'US dollars' is no partner" \
    "$(label '3.1 billion US dollars')" "trade.exports.value,KOR,"

# the items of a list under a lead line on one country's suppliers: the
# sender each item names, the lead's importer
cat > "$tmp/suppliers.md" <<'DOC'
Imports from Brazil's other main suppliers fell in 2023:

- from China, to USD 50.4 billion against USD 52.4 billion a year earlier;
- from the US, to USD 21.3 billion from USD 25.7 billion.
DOC
ok "actors: extract suppliers" "$FIGTRACK" extract "$tmp/suppliers.md"
eq "actors: a supplier's item is its flow to the lead's importer" \
    "$(label 'USD 21.3 billion')" "trade.exports.value,USA,BRA"
eq "actors: ... and so is its base" \
    "$(label 'USD 52.4 billion')" "trade.exports.value,CHN,BRA"

cat > "$tmp/markets.md" <<'DOC'
Chile's exports to its main markets in 2023:

- to China, USD 39.2 billion;
- to the US, USD 16.1 billion.
DOC
ok "actors: extract markets" "$FIGTRACK" extract "$tmp/markets.md"
eq "actors: a market's item is the lead's exports to it" \
    "$(label 'USD 16.1 billion')" "trade.exports.value,CHL,USA"

# a country's imports of another's goods are that flow only, not also
# its total imports
cat > "$tmp/grain.md" <<'DOC'
Poland's imports of Ukrainian grain surged 30% in 2023.
DOC
ok "actors: extract grain" "$FIGTRACK" extract "$tmp/grain.md"
eq "actors: imports of a country's goods are one flow" \
    "$(grep -c 'surged 30%' "$tmp/out")" 1

# a firm introduced by what it is ([cue firm]) is an actor of the rest of
# the document, by its short name, before the country of the apposition;
# a person so introduced is none
cat > "$tmp/firm.md" <<'DOC'
---
title: Miner's quarterly report
date: 2024-01-29
---

Evolution Mining, Australia's second-biggest gold producer, said on Monday its output rose.

Gold production rose to 180,000 ounces in the quarter ended in December.

Evolution kept its guidance. Its shares closed Monday 2.4% higher.

Li Wei, China's top trade negotiator, said exports rose 5%.
DOC
ok "actors: extract a firm" "$FIGTRACK" extract "$tmp/firm.md"
firm_of() {
	grep -F "$1" "$tmp/out" | awk -F, '{ print $(NF-4) "," $(NF-3) }'
}
eq "actors: a firm's output" "$(firm_of '180,000 ounces')" \
    "gold.production.volume,Evolution"
eq "actors: the firm by its pronoun" "$(firm_of '2.4% higher')" ",Evolution"
eq "actors: a person is no firm" "$(firm_of 'rose 5%')" "trade.exports.change,CHN"

# a second firm introduced is an actor too, the first staying one; a
# firm the text has not named for DOC_STATE_BLOCKS (64) paragraphs is
# forgotten, as a decimal comma is ("27,7%" far back: "614,715" is
# thousands again), so that a part of a large file (extract-split.c)
# can start from the serial pass's state
cat > "$tmp/firms.md" <<'DOC'
---
title: Miners' quarterly reports
date: 2024-01-29
---

Evolution Mining, Australia's second-biggest gold producer, said on Monday its output rose.

Northern Star Resources, the country's biggest gold miner, said its output fell.

Northern Star produced 400,000 ounces in the quarter.

Evolution kept its guidance. Its shares closed Monday 2.4% higher.
DOC
ok "actors: extract two firms" "$FIGTRACK" extract "$tmp/firms.md"
eq "actors: the second firm" "$(firm_of '400,000 ounces')" ",Northern Star"
eq "actors: the first firm still" "$(firm_of '2.4% higher')" ",Evolution"
filler() {
	for i in $(seq "$1"); do printf 'The ministry gave no other details.\n\n'; done
}
{ printf 'Evolution Mining, Australia'"'"'s second-biggest gold producer, said on Monday exports rose 27,7%%.\n\n'
  filler 10
  printf 'Evolution produced 614,715 ounces in the quarter.\n\n'
  filler 70
  printf 'Evolution produced 614,715 ounces in the year.\n'; } > "$tmp/far.md"
ok "actors: extract far" "$FIGTRACK" extract "$tmp/far.md"
# at_line N: the value and entity of the claim at line N
at_line() { awk -F, -v n="$1" '$2 == n { print $(NF-11) "," $(NF-3) }' "$tmp/out"; }
eq "actors: a firm and a decimal comma 11 paragraphs on" "$(at_line 23)" \
    "614.715,Evolution"
eq "actors: a firm and a decimal comma 81 paragraphs on" "$(at_line 165)" \
    "614715,"

# in a list under a lead line, the item before's subject is a sibling of
# the next item's, not its partner
cat > "$tmp/sib.md" <<'DOC'
Wheat exporters, July 2023 to June 2024:

- Russian wheat exports rose by 10% to 48 million tonnes;
- exports from Canada fell by 4% to 22 million tonnes.
DOC
ok "actors: extract siblings" "$FIGTRACK" extract "$tmp/sib.md"
eq "actors: a sibling item's subject is no partner" \
    "$(grep -F '22 million tonnes' "$tmp/out" | awk -F, '{ print $(NF-3) "," $(NF-1) }')" "CAN,"

# a currency named by its country ("US dollars") names no actor: the
# price of a car exported from Japan is no flow to the United States
cat > "$tmp/usd.md" <<'DOC'
Car exports from Japan rose 5 percent in May.

The average price of a car exported from Japan in May was 21,000 US dollars, up 4 percent from a year earlier.

In May, Japan exported 91,300 vehicles, up 6 percent year-on-year.
DOC
ok "actors: extract usd" "$FIGTRACK" extract "$tmp/usd.md"
eq "actors: 'US dollars' is no partner" \
    "$(label 'up 6 percent')" "cars.exports.change,JPN,"

# a paragraph that names its actor first speaks of it: the flow of the
# paragraph before is no holder of its unnamed exports
cat > "$tmp/whole.md" <<'DOC'
In March, exports to Brazil grew by 4 percent, and imports from Brazil into Japan grew by 6 percent to 2.1 billion dollars.

Japan's foreign trade as a whole was 150 billion dollars in March. Exports went down by 3.5 percent to 72 billion dollars.
DOC
ok "actors: extract whole" "$FIGTRACK" extract "$tmp/whole.md"
eq "actors: a paragraph's own actor holds its unnamed flow" \
    "$(label 'down by 3.5 percent')" "trade.exports.change,JPN,"

# a run of senders into one receiver: "those from X", an adjective's
# supplies, and "X-ian imports" are flows into that receiver
cat > "$tmp/run.md" <<'DOC'
Pipeline gas imports from Algeria into Italy increased by 4% in May, while those from Azerbaijan decreased by 7%.

The report says Algerian pipeline supplies grew by 3.8% year on year, while Azerbaijani imports were down by 6.9% in May.
DOC
ok "actors: extract run" "$FIGTRACK" extract "$tmp/run.md"
eq "actors: 'those from' another sender" \
    "$(label 'decreased by 7%')" "natural_gas.exports.change,AZE,ITA"
eq "actors: a sender's supplies after another's flow" \
    "$(label 'grew by 3.8%')" "natural_gas.exports.change,DZA,ITA"
eq "actors: 'Azerbaijani imports' in a run into Italy" \
    "$(label 'down by 6.9%')" "natural_gas.exports.change,AZE,ITA"

# a flow from a sender is no total of the receiver's too, however the
# words of its subject split ("imports of crude oil from", "of
# agricultural products from")
cat > "$tmp/from.md" <<'DOC'
India's imports of crude oil from Iraq fell 3% in May from a year earlier.

Japan's imports of agricultural products from Brazil rose by 8,1 per cent in 2023.
DOC
ok "actors: extract from" "$FIGTRACK" extract "$tmp/from.md"
eq "actors: one label for a flow of crude oil from a sender" \
    "$(grep -c ',fell 3%,' "$tmp/out")" 1
eq "actors: one label for a flow of farm goods from a sender" \
    "$(grep -c 'rose by 8,1 per cent' "$tmp/out")" 1

# a supplier's share of imports whose importer is named by its kind
# ("the bloc's", "the country's") is of the receiver of the flow before
cat > "$tmp/bloc.md" <<'DOC'
Pipeline gas imports from Algeria into Italy rose by 4% in May.

Algeria remains Europe's main gas supplier to Italy: its pipeline gas made up 38% of the country's gas imports in May.
DOC
ok "actors: extract bloc" "$FIGTRACK" extract "$tmp/bloc.md"
eq "actors: a share of 'the country's' imports is the receiver's" \
    "$(label '38%')" "natural_gas.imports.share,ITA,DZA"

# a sender named by "from it" is the actor named before it in its
# sentence, not the sender of the flow before
cat > "$tmp/fromit.md" <<'DOC'
Poland's crude oil imports from Norway surged 14% in May.

Customs data show Kazakhstan in second place: Poland bought crude oil worth $1.2 billion from it, 5% higher year-on-year.
DOC
ok "actors: extract fromit" "$FIGTRACK" extract "$tmp/fromit.md"
eq "actors: 'from it' names the actor before" \
    "$(label '$1.2 billion')" "oil.exports.value,KAZ,POL"
eq "actors: and so does the change after it" \
    "$(label '5% higher')" "oil.exports.change,KAZ,POL"

# an actor named only in an appositive between a flow and its figure is
# not its holder: the flow is the holder's of the flow before
cat > "$tmp/aside.md" <<'DOC'
In 2023 Canadian exports of farm goods to Japan sank to $3.1 billion. The value of canola exports, a key target of Tokyo's new tariffs, plunged 41.2% after Japan raised its duties.
DOC
ok "actors: extract aside" "$FIGTRACK" extract "$tmp/aside.md"
eq "actors: an appositive's actor holds no flow" \
    "$(label 'plunged 41.2%' | cut -d, -f2)" "CAN"

# suppliers listed under a lead line, and a sender's flow after another
# sender's in its paragraph, go to the receiver of the flow before
cat > "$tmp/sup.md" <<'DOC'
Japan's imports of coal from Australia rose 9% in April from a year earlier, to 7.2 million tons.

Shipments from Indonesia, meanwhile, fell 5% to 2.6 million tons, and Canada's deliveries climbed 12% to 1.1 million tons.

The top suppliers in April were:
- Australia: 7.2 million tons;
- Indonesia - 2.6 million tons.
DOC
ok "actors: extract sup" "$FIGTRACK" extract "$tmp/sup.md"
eq "actors: a sender after another's flow in its paragraph" \
    "$(label 'climbed 12%')" "coal.exports.change,CAN,JPN"
eq "actors: a supplier listed under a lead line" \
    "$(grep -F '2.6 million tons' "$tmp/out" | tail -1 |
    awk -F, '{ print $(NF-4) "," $(NF-3) "," $(NF-1) }')" \
    "coal.exports.volume,IDN,JPN"

# "imports of Russian oil" are Russia's exports only, not also the
# importer's total imports
cat > "$tmp/adjflow.md" <<'DOC'
Japan's imports of Australian coal fell 6% in March from February, to 6.1 million tonnes.
DOC
ok "actors: extract adjflow" "$FIGTRACK" extract "$tmp/adjflow.md"
eq "actors: one label for imports of a country's goods" \
    "$(grep -c ',fell 6%,' "$tmp/out")" 1

# a paragraph that labels no figure does not part a flow from the flows
# after it: the exporter named in the lead holds the flow that names
# only its partner two paragraphs on
cat > "$tmp/gapblock.md" <<'DOC'
Brazil's exports to Argentina fell by 12 percent in April, to 1.1 billion dollars.

Sales of shoes, furniture and coffee to Argentina stopped altogether in April.

In March, exports to Argentina had decreased by 9 percent and exports to Chile by 4 percent.

Over the first four months, exports to Chile were down 2.5 percent, at 1.9 billion dollars.
DOC
ok "actors: extract gapblock" "$FIGTRACK" extract "$tmp/gapblock.md"
eq "actors: the holder across a paragraph that labels nothing" \
    "$(label 'decreased by 9 percent')" "trade.exports.change,BRA,ARG"
eq "actors: and the second flow of its sentence, its verb left out" \
    "$(label '4 percent')" "trade.exports.change,BRA,CHL"
eq "actors: and the paragraph after it" \
    "$(label '1.9 billion dollars')" "trade.exports.value,BRA,CHL"

# the name of a body is no two-way trade: one label, the exports
cat > "$tmp/ministry.md" <<'DOC'
Trade between Chile and Peru grew in 2023.

According to Chile's Ministry of Commerce and Industry, Chile exported $2.1 billion worth of goods to Peru in 2023, and the Ministry of Industry and Trade of Peru put its own sales to Chile at $1.4 billion.
DOC
ok "actors: extract ministry" "$FIGTRACK" extract "$tmp/ministry.md"
eq "actors: a ministry of commerce is no trade" \
    "$(grep -c 'turnover' "$tmp/out")" 0
eq "actors: the exports keep their label" \
    "$(label '$2.1 billion')" "trade.exports.value,CHL,PER"

# a supplier's rank at a buyer, then its flow in a "with" clause: the
# supplier's exports to that buyer only, not also the supplier's imports;
# the next sender-only flows go to the same buyer, not to the rival
cat > "$tmp/overtook.md" <<'DOC'
Russia overtook Saudi Arabia as India's largest supplier of crude oil in May, customs data showed, with imports rising 12% from a year earlier.

Shipments from Russia reached 4.1 million tonnes last month.

Supplies from Saudi Arabia fell to 3.2 million tonnes.
DOC
ok "actors: extract overtook" "$FIGTRACK" extract "$tmp/overtook.md"
eq "actors: one label for the flow of a ranked supplier" \
    "$(grep -c ',rising 12%,' "$tmp/out")" 1
eq "actors: the ranked supplier's exports to the buyer" \
    "$(label 'rising 12%')" "oil.exports.change,RUS,IND"
eq "actors: a sender after it goes to that buyer" \
    "$(label '4.1 million tonnes')" "oil.exports.volume,RUS,IND"
eq "actors: and so does the rival's" \
    "$(label '3.2 million tonnes')" "oil.exports.volume,SAU,IND"

# a flow by weight whose text names no goods is of the goods of the
# amount by weight labelled before it (all goods: two-way trade in tons);
# the buyer of "and imported ... from it" is no object of "to"
cat > "$tmp/tons.md" <<'DOC'
The customs office put the two countries' trade in 2022 at 9.1 million tons, worth $6.2 billion.

Of this, Egypt exported 1.2 million tons worth $950 million to Turkey, and imported 3.4 million tons worth $2.1 billion from it.
DOC
ok "actors: extract tons" "$FIGTRACK" extract "$tmp/tons.md"
eq "actors: tons of no goods named after a total in tons" \
    "$(label '1.2 million tons')" "trade.exports.volume,EGY,TUR"
eq "actors: the other way, by weight" \
    "$(label '3.4 million tons')" "trade.exports.volume,TUR,EGY"

# "totaled" is no "total": a country's flow after its two-way trade with
# one partner is its flow with that partner
cat > "$tmp/totaled.md" <<'DOC'
In May, the two countries traded goods worth $4.2 billion, Brazil and Argentina's customs said.

Brazilian exports in May totaled $2.3 billion, up by 5% compared with April.
DOC
ok "actors: extract totaled" "$FIGTRACK" extract "$tmp/totaled.md"
eq "actors: a verb 'totaled' says no total" \
    "$(label '$2.3 billion')" "trade.exports.value,BRA,ARG"
# a change after an amount no topic labels (a surplus) is that amount's,
# not the flow's before it in the sentence
cat > "$tmp/surplus.md" <<'DOC'
Chile spent $800 million on goods imported from China in May, an increase of 4 per cent, leaving it a trade deficit of $1.1 billion with China, an increase of 9 per cent.

Peru in turn spent $300 million on goods imported from Brazil, up 6 per cent, leaving it a trade surplus of $200 million, a fall of 12 per cent.
DOC
ok "actors: extract surplus" "$FIGTRACK" extract "$tmp/surplus.md"
eq "actors: the flow's own change" \
    "$(label 'an increase of 4 per cent')" "trade.exports.change,CHN,CHL"
eq "actors: no flow change after a deficit" \
    "$(label 'an increase of 9 per cent')" ",CHL,"
eq "actors: the second flow's change" \
    "$(label 'up 6 per cent')" "trade.exports.change,BRA,PER"
eq "actors: no flow change after a surplus" \
    "$(label 'a fall of 12 per cent')" ",PER,"

# an amount's twin in brackets in another currency is the same amount:
# its labels, when no topic labels it itself
cat > "$tmp/twin.md" <<'DOC'
Germany shipped 2.1 billion euros ($2.3 billion) worth of goods to Chile in May, down 8 percent from a year earlier.

India generated 98.2 billion kilowatt hours of electricity in May, up by 6.1 billion kilowatt hours (7%).
DOC
ok "actors: extract twin" "$FIGTRACK" extract "$tmp/twin.md"
eq "actors: the amount" "$(label '2.1 billion euros')" \
    "trade.exports.value,DEU,CHL"
eq "actors: its twin in another currency" "$(label '$2.3 billion')" \
    "trade.exports.value,DEU,CHL"
eq "actors: a percent in brackets is no twin" "$(label '7%')" ",IND,"

# a country named only as where goods go or come from ("exports to
# China", "imports from the UAE") is no reporter: a flow that names no
# exporter, and the paragraphs after, take the one the text reports on,
# never the destination named before
cat > "$tmp/reporter.md" <<'DOC'
Taiwan's exports in the first ten days of May fell two percent from a year earlier.

Exports to China, Taiwan's biggest trading partner, increased 5.3 percent in the period, while shipments to Southeast Asia surged 46.8 percent.

Exports to the United States, by contrast, declined 3.4 percent.

Imports over the period edged down 0.5 percent from a year earlier to 30.1 billion U.S. dollars.
DOC
ok "actors: extract reporter" "$FIGTRACK" extract "$tmp/reporter.md"
eq "actors: a flow to a place no rule knows is the reporter's" \
    "$(label 'surged 46.8 percent' | cut -d, -f1-2)" "trade.exports.change,TWN"
eq "actors: the next paragraph's flow too, not the destination's before" \
    "$(label 'declined 3.4 percent')" "trade.exports.change,TWN,USA"
eq "actors: imports with no partner are the reporter's" \
    "$(label 'edged down 0.5 percent')" "trade.imports.change,TWN,"
# a paragraph naming only a destination leaves the reporter the
# paragraph after is about
cat > "$tmp/reporter2.md" <<'DOC'
Japan's trade data for May came out on Monday.

Shipments to the United States fell nearly 10% in May.

The trade surplus stood at 1.2 trillion yen.
DOC
ok "actors: extract reporter2" "$FIGTRACK" extract "$tmp/reporter2.md"
eq "actors: a figure after a destination's paragraph is the reporter's" \
    "$(label '1.2 trillion yen')" ",JPN,"
# a sender named in a sentence whose first actor is itself a sender
# ("imports from the UAE"): the receiver is the flow's before, not that
# sender
cat > "$tmp/senders.md" <<'DOC'
Brazil's imports from Argentina rose 12 percent in the first half.

Imports from Chile went up 21.5 percent to USD 8.8 billion, and imports from the US grew by about 19.5 percent to USD 46 billion.
DOC
ok "actors: extract senders" "$FIGTRACK" extract "$tmp/senders.md"
eq "actors: a second sender sends to the receiver, not the first sender" \
    "$(label 'grew by about 19.5 percent')" "trade.exports.change,USA,BRA"

# states and provinces (subdivisions.rules, from ISO 3166-2) are
# reporters by their English ISO names; a name that is also a country's
# stays the country's, and a crude benchmark is no state
cat > "$tmp/states.md" <<'DOC'
Last year, Ohio farmers raised almost 264 million bushels of soybeans.

Among the states, Tamil Nadu led in wind, commissioning about 900 MW of new projects in 2023.

Saskatchewan's potash output rose 4 percent to 13.2 million tonnes.

Georgia's exports to Armenia rose 5 percent to $610 million.

West Texas Intermediate crude settled at $78.20 per barrel.
DOC
ok "actors: extract states" "$FIGTRACK" extract "$tmp/states.md"
eq "actors: a US state's farmers" \
    "$(label 'almost 264 million bushels' | cut -d, -f2)" "Ohio"
eq "actors: an Indian state, its ISO name without accents" \
    "$(label 'about 900 MW' | cut -d, -f2)" "Tamil Nadu"
eq "actors: a Canadian province" \
    "$(label '13.2 million tonnes' | cut -d, -f2)" "Saskatchewan"
eq "actors: Georgia is the country" \
    "$(label '$610 million')" "trade.exports.value,GEO,ARM"
eq "actors: West Texas Intermediate is no state" \
    "$(label '$78.20 per barrel' | cut -d, -f2 | grep -c Texas)" "0"

# a flow whose exporter the text named only as a source ("Imports from
# Japan declined") hands no reporter on: the flow after is the
# reporter's
cat > "$tmp/source.md" <<'DOC'
Korea's exports to Japan dropped nearly 8% from a year earlier; its exports of ships sank 16%. Imports from Japan declined 12%.

Chip exports rose 4% from a year earlier, and exports of integrated circuits jumped 9.1%.
DOC
ok "actors: extract source" "$FIGTRACK" extract "$tmp/source.md"
eq "actors: the exporter of imports from Japan" \
    "$(label 'declined 12%')" "trade.exports.change,JPN,KOR"
eq "actors: a flow after it is the reporter's" \
    "$(label 'jumped 9.1%' | cut -d, -f2)" "KOR"

# a list of goods under a lead line that names the sender and the
# receiver: each item is the sender's exports of its goods to the
# receiver
cat > "$tmp/goodslist.md" <<'DOC'
Peru's exports rose 5% in May.

Over the same month, Peruvian firms shipped to Japan:

- $3.2 billion of copper ore,
- coffee: $120 million
DOC
ok "actors: extract goods list" "$FIGTRACK" extract "$tmp/goodslist.md"
eq "actors: an item of goods under a lead line with both sides" \
    "$(label '$3.2 billion')" "copper_concentrate.exports.value,PER,JPN"
eq "actors: ... the goods before the amount" \
    "$(label '$120 million')" "coffee.exports.value,PER,JPN"
# ... and told by the buyer: the lead line's own groups are the sides
cat > "$tmp/buyslist.md" <<'DOC'
Canada's trade deficit narrowed in May.

The top U.S. imports from Canada in May were:

- crude oil ($9.1 billion)
- cars ($4.2 billion)
DOC
ok "actors: extract buyer's goods list" "$FIGTRACK" extract "$tmp/buyslist.md"
eq "actors: an item under a buyer's lead line is the seller's exports" \
    "$(label '$9.1 billion')" "oil.exports.value,CAN,USA"
# a rank after a share in its sentence is a share, not the change of
# the paragraph before
cat > "$tmp/rankshare.md" <<'DOC'
Korean auto plants exported 210,000 passenger cars in May, up 4%.

The United States took 45% of May's car exports, followed by Canada at 9.5%.
DOC
ok "actors: extract rank after share" "$FIGTRACK" extract "$tmp/rankshare.md"
eq "actors: a rank after a share is one claim, a share" \
    "$(grep -c ',9.5%,' "$tmp/out")" "1"
