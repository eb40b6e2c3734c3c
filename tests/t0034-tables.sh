#!/bin/sh
# t0034-tables.sh: the rows of a table whose caption names its unit are
# read cell by cell ("(US$m)": a bare cell is millions of dollars, a
# bracketed one negative), dated by their column's header; a table no
# caption gives a unit (a contents table) has no figures. The claims'
# lines, quotes and byte offsets are the cells' own.
. "$(dirname "$0")/lib.sh"
cat > "$tmp/t.md" <<'DOC'
---
date: 2017-06-08
---

Main export markets, May 2017 (US$m)

| Market | May 2017 export value | May 2017 share | January-May 2017 balance |
|---|---|---|---|
| US | 3,198 | 12.5% | 1,648 |
| Japan | 1,609 | 6.3% | (9,064) |

Contents

| | |
|---|---|
| 2.1 Telecommunications | 08 |
| 3 Machine tools | 14 |
DOC
ok "tables: extract runs" "$FIGTRACK" extract "$tmp/t.md"
cut -d, -f2-10 "$tmp/out" > "$tmp/c"
has "tables: a bare cell takes the caption's unit and scale" "$tmp/c" '9,"3,198",3198000000,,,exact,usd,2017-05'
has "tables: a cell with its own unit keeps it" "$tmp/c" '9,12.5%,12.5,,,exact,percent,2017-05'
has "tables: the column header dates the cell" "$tmp/c" '9,"1,648",1648000000,,,exact,usd,2017-01/2017-05'
has "tables: a bracketed cell is negative" "$tmp/c" '10,"9,064",-9064000000,,,exact,usd,2017-01/2017-05'
eq "tables: the header row and a table without a unit give none" "$(wc -l < "$tmp/c" | tr -d ' ')" 7
# the claims stand where the cells do: eval matches them by place
mkdir "$tmp/c1"
cp "$tmp/t.md" "$tmp/c1/t.md"
cat > "$tmp/c1/t.gold.csv" <<'GOLD'
line,quote,value,unit,period
9,"3,198",3198000000,usd,2017-05
9,12.5%,12.5,percent,2017-05
9,"1,648",1648000000,usd,2017-01/2017-05
10,"1,609",1609000000,usd,2017-05
10,6.3%,6.3,percent,2017-05
10,"(9,064)",-9064000000,usd,2017-01/2017-05
GOLD
ok "tables: eval runs" "$FIGTRACK" eval --corpus "$tmp/c1"
has "tables: every cell found where it stands" "$tmp/out" "F1 1.000"
has "tables: every cell dated by its column" "$tmp/out" "period         1.000"
