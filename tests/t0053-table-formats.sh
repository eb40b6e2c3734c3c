#!/bin/sh
# t0053-table-formats.sh: one table of five rows by four year-columns,
# in Markdown, as an HTML page and laid out in a PDF (tests/mkpdf), gives
# one claim per numeric cell, each with the same value, unit, period,
# metric, entity and partner in all three formats.
. "$(dirname "$0")/lib.sh"
MKPDF=$top/${BUILD:-build}/tests/mkpdf
cat > "$tmp/t.md" <<'MD'
---
title: Trade table test
date: 2023-05-01
---

# China-Russia trade

China-Russia trade by year (US$ billion)

| Flow | 2019 | 2020 | 2021 | 2022 |
|---|---|---|---|---|
| Russian exports to China | 61.1 | 57.2 | 79.3 | 114.1 |
| Chinese exports to Russia | 49.5 | 50.6 | 67.6 | 76.1 |
| Total trade | 110.8 | 107.8 | 146.9 | 190.3 |
| Russian trade surplus | 11.6 | 6.6 | 11.7 | 38.0 |
| Chinese imports from Russia | 61.1 | 57.2 | 79.3 | 114.1 |

The table above is built from customs figures.
MD
cat > "$tmp/t.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>Trade table test</title>
<meta property="article:published_time" content="2023-05-01"></head>
<body><nav><a href="/">Home</a> <a href="/x">Exports up 5% in 2021</a></nav>
<main><article><h1>China-Russia trade</h1>
<table><caption>China-Russia trade by year (US$ billion)</caption>
<tr><th>Flow</th><th>2019</th><th>2020</th><th>2021</th><th>2022</th></tr>
<tr><td>Russian exports to China</td><td>61.1</td><td>57.2</td><td>79.3</td><td>114.1</td></tr>
<tr><td>Chinese exports to Russia</td><td>49.5</td><td>50.6</td><td>67.6</td><td>76.1</td></tr>
<tr><td>Total trade</td><td>110.8</td><td>107.8</td><td>146.9</td><td>190.3</td></tr>
<tr><td>Russian trade surplus</td><td>11.6</td><td>6.6</td><td>11.7</td><td>38.0</td></tr>
<tr><td>Chinese imports from Russia</td><td>61.1</td><td>57.2</td><td>79.3</td><td>114.1</td></tr>
</table><p>The table above is built from customs figures.</p></article></main>
<footer>(c) 2023</footer></body></html>
HTML
# value, unit, period, kind, metric, entity, partner: the claim less
# where it was found
fields() { cut -d, -f4,8,9,10,11,12,14 "$1" | tail -n +2 | sort; }
ok table-md "$FIGTRACK" extract "$tmp/t.md"
cp "$tmp/out" "$tmp/md.csv"
eq table-md-cells "$(tail -n +2 "$tmp/md.csv" | wc -l | tr -d ' ')" 20
eq table-md-periods "$(cut -d, -f9 "$tmp/md.csv" | tail -n +2 | sort -u | tr '\n' ' ')" "2019 2020 2021 2022 "
has table-md-scale "$tmp/md.csv" "190300000000,,,exact,usd,2022"
ok table-html "$FIGTRACK" extract "$tmp/t.html"
cp "$tmp/out" "$tmp/html.csv"
fields "$tmp/md.csv" > "$tmp/md.f"
fields "$tmp/html.csv" > "$tmp/html.f"
same table-html-same "$tmp/html.f" "$tmp/md.f"
if [ -x "$MKPDF" ]; then
	ok table-pdf-laid-out "$MKPDF" -c 1 -H "Head" -F "Foot" "$tmp/t.md" "$tmp/t.pdf"
	ok table-pdf "$FIGTRACK" extract "$tmp/t.pdf"
	cp "$tmp/out" "$tmp/pdf.csv"
	fields "$tmp/pdf.csv" > "$tmp/pdf.f"
	same table-pdf-same "$tmp/pdf.f" "$tmp/md.f"
	eq table-pdf-page "$(cut -d, -f15 "$tmp/pdf.csv" | tail -n +2 | sort -u)" 1
else
	echo "SKIP table-pdf: no $MKPDF"
fi

# a contents table (a page on each row, never going down) gives no
# claims: its numbers are pages, and "(AMD)" in a title is no unit
cat > "$tmp/c.md" <<'MD'
date: 2023-05-01

| Executive summary | 2 |
| 4.1 Aviation | 21 |
| 4.2 Air and missile defence (AMD) | 21 |
| 4.3 Hypersonic vehicles (HVs) | 22 |

Exports rose 5 percent in 2022.
MD
ok contents-table "$FIGTRACK" extract "$tmp/c.md"
eq contents-table-no-claims "$(tail -n +2 "$tmp/out" | wc -l | tr -d ' ')" 1
has contents-table-prose "$tmp/out" "rose 5 percent"
