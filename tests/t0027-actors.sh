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
