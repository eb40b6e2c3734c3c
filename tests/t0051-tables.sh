#!/bin/sh
# t0051-tables.sh: the figures of tables. Every numeric cell of a
# Markdown table or an HTML <table> is a claim whose quote is the cell,
# its period from the column or row header, its unit and scale from the
# headers or the caption, and its actor and measure from the row header
# and caption through the topic rules prose uses (tablecells.c).
. "$(dirname "$0")/lib.sh"

meta() { printf -- '---\ntitle: %s\ndate: %s\n---\n' "$1" "$2"; }

# years as columns: 5 rows by 4 years, the unit and scale in the caption
{ meta "Russia and China trade figures" 2024-02-10
cat <<'EOF'
Table 1: Russia's trade with China, 2019-2022 (US$ billion)

| | 2019 | 2020 | 2021 | 2022 |
|---|---|---|---|---|
| Russia's exports to China | 61.1 | 57.2 | 79.3 | 114.1 |
| China's exports to Russia | 49.5 | 50.6 | 67.6 | 76.1 |
| Turnover | 110.8 | 107.8 | 146.9 | 190.3 |
| Russia's trade surplus | 11.6 | 6.6 | 11.7 | 38.0 |
| Change in turnover, % | 3.4 | (2.7) | 35.9 | 29.3 |

After the table, trade rose 5 percent in 2023.
EOF
} > "$tmp/cols.md"
ok "tables: years as columns" "$FIGTRACK" extract "$tmp/cols.md"
cut -d, -f2- "$tmp/out" > "$tmp/cols.csv"
cat > "$tmp/want" <<'EOF'
line,quote,value,low,high,qualifier,unit,period,period_kind,metric,entity,footnote,partner,page
9,61.1,61100000000,,,exact,usd,2019,observed,trade.exports.value,RUS,,CHN,
9,57.2,57200000000,,,exact,usd,2020,observed,trade.exports.value,RUS,,CHN,
9,79.3,79300000000,,,exact,usd,2021,observed,trade.exports.value,RUS,,CHN,
9,114.1,114100000000,,,exact,usd,2022,observed,trade.exports.value,RUS,,CHN,
10,49.5,49500000000,,,exact,usd,2019,observed,trade.exports.value,CHN,,RUS,
10,50.6,50600000000,,,exact,usd,2020,observed,trade.exports.value,CHN,,RUS,
10,67.6,67600000000,,,exact,usd,2021,observed,trade.exports.value,CHN,,RUS,
10,76.1,76100000000,,,exact,usd,2022,observed,trade.exports.value,CHN,,RUS,
11,110.8,110800000000,,,exact,usd,2019,observed,trade.turnover.value,CHN+RUS,,,
11,107.8,107800000000,,,exact,usd,2020,observed,trade.turnover.value,CHN+RUS,,,
11,146.9,146900000000,,,exact,usd,2021,observed,trade.turnover.value,CHN+RUS,,,
11,190.3,190300000000,,,exact,usd,2022,observed,trade.turnover.value,CHN+RUS,,,
EOF
head -13 "$tmp/cols.csv" > "$tmp/got"
same "tables: years as columns, flows and turnover" "$tmp/got" "$tmp/want"
n=$(sed -n '2,$p' "$tmp/cols.csv" | grep -v '^15,' | cut -d, -f1,2 | sort -u | wc -l | tr -d ' ')
eq "tables: one claim per numeric cell (20)" "$n" 20
has "tables: the row of percentages keeps its own unit" "$tmp/cols.csv" "13,3.4,3.4,,,exact,percent,2019,"
has "tables: (2.7) is negative" "$tmp/cols.csv" "13,(2.7),-2.7,,,exact,percent,2020,"
has "tables: a scale from the caption" "$tmp/cols.csv" "12,38.0,38000000000,,,exact,usd,2022,"
has "tables: prose after the table is read as before" "$tmp/cols.csv" "15,rose 5 percent,5,,,exact,percent,2023,"
hasnt "tables: the years of the header are no claims" "$tmp/cols.csv" ",2019,2019,"

# the same table as HTML: the same claims
cat > "$tmp/cols.html" <<'EOF'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Russia and China trade figures</title>
<meta property="article:published_time" content="2024-02-10"></head>
<body><nav><a href="/">Home</a> 2,500 readers</nav><main>
<table>
<caption>Table 1: Russia's trade with China, 2019-2022 (US$ billion)</caption>
<thead><tr><th></th><th>2019</th><th>2020</th><th>2021</th><th>2022</th></tr></thead>
<tbody>
<tr><td>Russia's exports to China</td><td>61.1</td><td>57.2</td><td>79.3</td><td>114.1</td></tr>
<tr><td>China's exports to Russia</td><td>49.5</td><td>50.6</td><td>67.6</td><td>76.1</td></tr>
<tr><td>Turnover</td><td>110.8</td><td>107.8</td><td>146.9</td><td>190.3</td></tr>
<tr><td>Russia's trade surplus</td><td>11.6</td><td>6.6</td><td>11.7</td><td>38.0</td></tr>
<tr><td>Change in turnover, %</td><td>3.4</td><td>(2.7)</td><td>35.9</td><td>29.3</td></tr>
</tbody></table>
<p>After the table, trade rose 5 percent in 2023.</p>
</main></body></html>
EOF
ok "tables: the HTML table" "$FIGTRACK" extract "$tmp/cols.html"
cut -d, -f3- "$tmp/out" > "$tmp/h"
cut -d, -f2- "$tmp/cols.csv" > "$tmp/m"
same "tables: HTML gives the Markdown's claims" "$tmp/h" "$tmp/m"
has "tables: an HTML cell's line is its row's" "$tmp/out" "cols.html,9,61.1,"

# years as rows, countries as columns, the unit in a heading
{ meta "Neon supply" 2023-05-01
cat <<'EOF'
## Neon production by country (thousand tonnes)

| Year | Russia | Ukraine | China |
|---|---|---|---|
| 2019 | 12.1 | 10.4 | 3.2 |
| 2020 | 11.8 | 10.9 | 3.9 |
| 2021 | 12.6 | 11.2 | 4.4 |
| 2022 | 13.0 | 2.1 | 6.8 |
| 2023 | 13.4 | 0.9 | 8.1 |
EOF
} > "$tmp/rows.md"
ok "tables: years as rows" "$FIGTRACK" extract "$tmp/rows.md"
eq "tables: years as rows, 15 cells" "$(($(wc -l < "$tmp/out") - 1))" 15
has "tables: years as rows, period and scale" "$tmp/out" "rows.md,10,10.9,10900,,,exact,tonne,2020,observed,,UKR,,"
has "tables: years as rows, a column's country" "$tmp/out" "rows.md,13,8.1,8100,,,exact,tonne,2023,observed,,CHN,,"

# units and periods in headers: "Q1 2024", "Jan-May ($bn)" with the year
# in the caption, "% of total", "(thousand tonnes)", a cell's own unit
{ meta "Units in headers" 2024-07-01
cat <<'EOF'
China's exports of chips to Russia (US$ million)

| Quarter | Q1 2024 | Q2 2024 |
|---|---|---|
| Integrated circuits | 412.5 | 398.0 |

Russia's imports, 2023

| Partner | Jan-May ($bn) | Share of imports, % of total |
|---|---|---|
| China | 45.3 | 38.2 |
| Germany | 4.1 | 3.5 |

| Product | Exports (thousand tonnes) | Price |
|---|---|---|
| Wheat | 1,250 | $230/t |
| Barley | n/a | — |
EOF
} > "$tmp/units.md"
ok "tables: units in headers" "$FIGTRACK" extract "$tmp/units.md"
cut -d, -f2- "$tmp/out" > "$tmp/u"
has "tables: US\$ million from the caption, Q1 2024" "$tmp/u" "9,412.5,412500000,,,exact,usd,2024-Q1,observed,semiconductors.exports.value,CHN,,RUS"
has "tables: Q2 2024" "$tmp/u" "9,398.0,398000000,,,exact,usd,2024-Q2,"
has "tables: \$bn and Jan-May of the caption's year" "$tmp/u" "15,45.3,45300000000,,,exact,usd,2023-01/2023-05,"
has "tables: % of total" "$tmp/u" "16,3.5,3.5,,,exact,percent,2023,"
has "tables: thousand tonnes" "$tmp/u" '20,"1,250",1250000,,,exact,tonne,'
has "tables: a cell's own unit" "$tmp/u" '20,$230/t,230,,,exact,usd/tonne,'
hasnt "tables: n/a is no figure" "$tmp/u" "21,"
# a table ends at a blank line: the third table takes no unit of the second
hasnt "tables: no unit from the table before" "$tmp/u" '20,"1,250",1250000000000'

# a caption's scale said in the plural, as budget offices and
# statistics tables write it: "(billions of dollars)", "(thousands of
# tonnes)", "(millions of euros)"
{ meta "Scales in the plural" 2016-02-01
cat <<'EOF'
Spending by year (millions of euros):

| | 2014 | 2015 |
|---|---|---|
| Defence | 1,204 | 1,310 |

Harvest (thousands of tonnes)

| Crop | 2015 |
|---|---|
| Maize | 812 |
EOF
} > "$tmp/plural.md"
ok "tables: plural scales" "$FIGTRACK" extract "$tmp/plural.md"
cut -d, -f2- "$tmp/out" > "$tmp/u"
has "tables: (millions of euros)" "$tmp/u" '9,"1,310",1310000000,,,exact,eur,2015,'
has "tables: (thousands of tonnes)" "$tmp/u" '15,812,812000,,,exact,tonne,2015,'

# a change column is of the period column before it; a fiscal-year
# column takes the months of the country the paragraphs before named
{ meta "Change columns" 2024-06-01
cat <<'EOF'
India's government spent more on roads in its last budget.

Road spending (billions of rupees):

| | FY 2023 | FY 2024 | Change |
|---|---|---|---|
| National highways | 1,200 | 1,500 | 300 |

| Crop, million tonnes | 2022 | 2023 | % change |
|---|---|---|---|
| Barley | 10 | 11 | 10.0 |
EOF
} > "$tmp/change.md"
ok "tables: change columns" "$FIGTRACK" extract "$tmp/change.md"
cut -d, -f2- "$tmp/out" > "$tmp/u"
has "tables: FY 2023 of India" "$tmp/u" '11,"1,200",1200000000000,,,exact,inr,2022-04/2023-03,'
has "tables: a change of FY 2024" "$tmp/u" '11,300,300000000000,,,exact,inr,2023-04/2024-03,'
has "tables: a % change of 2023" "$tmp/u" '15,10.0,10,,,exact,percent,2023,'

# HTML: a header over two rows (colspan, rowspan), a nested table, a
# table without a header row
cat > "$tmp/span.html" <<'EOF'
<html><head><meta name="date" content="2024-03-01"><title>Spans</title></head>
<body><article>
<table>
<caption>China's trade with partners (US$ bn)</caption>
<thead>
<tr><th rowspan="2">Partner</th><th colspan="2">2022</th><th colspan="2">2023</th></tr>
<tr><th>Exports</th><th>Imports</th><th>Exports</th><th>Imports</th></tr>
</thead>
<tbody>
<tr><td>Russia</td><td>76.1</td><td>114.1</td><td>111.0</td><td>129.1</td></tr>
<tr><td>Notes <table><tr><td>inner 7 <table><tr><td>8</td></tr></table></td></tr></table></td><td>1.5</td><td></td><td>2.5</td><td>-</td></tr>
</tbody></table>
<table><tr><td>Exports to Russia, $bn</td><td>9.55</td></tr></table>
</article></body></html>
EOF
ok "tables: spans and nesting" "$FIGTRACK" extract "$tmp/span.html"
cut -d, -f3- "$tmp/out" > "$tmp/s"
has "tables: colspan header gives the year" "$tmp/s" "76.1,76100000000,,,exact,usd,2022,"
has "tables: second spanned year" "$tmp/s" "129.1,129100000000,,,exact,usd,2023,"
has "tables: a row with a nested table keeps its cells" "$tmp/s" "2.5,2500000000,,,exact,usd,2023,"
hasnt "tables: the nested table's number is no cell of its own" "$tmp/s" ",8,8"
ok "tables: --text of spans" "$FIGTRACK" extract --text "$tmp/span.html"
has "tables: the header rows joined under a separator" "$tmp/out" "| Partner | 2022 | 2022 | 2023 | 2023 |"
has "tables: the rowspan repeated" "$tmp/out" "| Partner | Exports | Imports | Exports | Imports |"
has "tables: nested table flattened into its cell" "$tmp/out" "| Notes inner 7 8 | 1.5 |"

# the corpus table (MOF's export markets) scores as its gold file says
d=$top/tests/corpus/news/pairs-taiwan-export-markets-may-2017
ok "tables: the corpus table" "$FIGTRACK" eval --gold "$d.gold.csv" "$d.md"
has "tables: corpus table values" "$tmp/out" "F1 1.000"
has "tables: corpus table periods" "$tmp/out" "period         1.000  (43/43 matched)"

# a table whose one period column dates the columns beside it: the
# change in "| Metal | Jan-Feb 2020 | y/y pct chg |" is of Jan-Feb 2020
cat > "$tmp/chg.md" <<'EOF2'
China's imports of refined metals, in tonnes:

| Metal | Jan-Feb 2020 | y/y pct chg |
|---|---|---|
| Zinc | 54,538 | -39.1 |
EOF2
ok "tables: one period column" "$FIGTRACK" extract --published 2020-03-18 "$tmp/chg.md"
cut -d, -f3- "$tmp/out" > "$tmp/s"
has "tables: the period column's figure" "$tmp/s" "54538,,,exact,tonne,2020-01/2020-02,"
has "tables: the change beside it of that period" "$tmp/s" "-39.1,,,exact,percent,2020-01/2020-02,"
