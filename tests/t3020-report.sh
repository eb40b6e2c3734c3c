#!/bin/sh
# t3020-report.sh: figtrack report --out DIR on a small database: the page
# lists every deciding row with its class, values, quotes and sources
# (linked where a URL is known), embeds each series' chart as SVG, escapes
# document text (a quote holding <script> and "&" shows as text, in text
# and in attributes), loads nothing from elsewhere, is written atomically,
# and a bad DIR or a missing gnuplot is said clearly.
. "$(dirname "$0")/lib.sh"
db=$tmp/t.db
o=$tmp/report
page=$o/index.html
# count NAME FILE TEXT N: TEXT occurs N times in FILE (fixed string)
count() { c=$(grep -oF -- "$3" "$2" | wc -l); if [ "$c" -eq "$4" ]; then pass "$1"; else fail "$1: '$3' $c times in $2, want $4"; fi; }

cat > "$tmp/report.md" <<'MD'
---
title: Neon <b>briefing</b> & co
date: 2022-11-01
url: https://example.org/brief?a=1&b="2"
---
# Neon briefing

Russia supplied an estimated 30 percent of the world's neon in 2021.
MD
# later figures: a quote holding a script and "&", a javascript: URL that
# must never become a link, and one with a real URL
cat > "$tmp/later.csv" <<'CSV'
doc,line,quote,value,low,high,qualifier,unit,period,period_kind,metric,entity,footnote,title,published,source_date,source_url
l.md,5,"<script>alert(""x"")</script> & about 34 percent",34,,,exact,percent,2022,observed,neon.production.world_share,RUS,,Later <i>article</i> `touch pwned-report`,2023-08-23,,javascript:alert(1)
l.md,9,at least 70 percent by 2030,70,70,,at_least,percent,2030,target,electronics.market.domestic_share,RUS,,Later <i>article</i> `touch pwned-report`,2023-08-23,,https://example.com/a?x=1&y=2
CSV
"$FIGTRACK" add --db "$db" --kind report "$tmp/report.md" >/dev/null 2>&1 &&
"$FIGTRACK" import --db "$db" "$tmp/later.csv" >/dev/null 2>&1 ||
	fail "t3020 setup: cannot build the database"
"$FIGTRACK" diff --db "$db" --format tsv > "$tmp/diff.tsv" 2>/dev/null
# the deciding rows of the diff (latest=1): class, metric, entity, partner
awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next }
    $h["latest"] == 1 { print $h["class"] "\t" $h["metric"] "\t" $h["entity"] "\t" $h["partner"] }' \
    "$tmp/diff.tsv" > "$tmp/deciding"

ok "report exits 0" "$FIGTRACK" report --db "$db" --out "$o"
has "report says what it wrote" "$tmp/out" "$page: "
[ -s "$page" ] && pass "index.html written" || fail "index.html written"

# --- every deciding row, as diff decides it ------------------------------------
rows=$(wc -l < "$tmp/deciding")
[ "$rows" -gt 1 ] && pass "the diff has deciding rows ($rows)" || fail "the diff has deciding rows"
count "one table row per deciding diff row" "$page" '<tr class="row"' "$rows"
has "the page records its row count" "$page" "data-rows=\"$rows\""
cut -f1 "$tmp/deciding" > "$tmp/classes.want"
grep -o '<tr class="row" id="row-[0-9]*" data-class="[^"]*"' "$page" |
    sed 's/.*data-class="//; s/"$//' > "$tmp/classes.got"
same "the rows' classes, in the diff's order" "$tmp/classes.got" "$tmp/classes.want"
has "the baseline value" "$page" "~30 % (2021)"
has "the newer value" "$page" "34 % (2022)"
has "a change between percentages in points" "$page" "+4 pp"
has "the source's line and date" "$page" ", line 5, published 2023-08-23"

# --- escaping -------------------------------------------------------------------
hasnt "no script from a quote" "$page" "<script>alert"
has "the quote shows as text" "$page" "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; about 34 percent"
hasnt "no markup from a title" "$page" "<b>briefing</b>"
has "the title shows as text" "$page" "Neon &lt;b&gt;briefing&lt;/b&gt; &amp; co"
has "a document URL linked, escaped in its attribute" "$page" "href=\"https://example.org/brief?a=1&amp;b=&quot;2&quot;\""
has "a claim's own source URL linked" "$page" "href=\"https://example.com/a?x=1&amp;y=2\""
hasnt "a javascript: URL is never a link" "$page" "javascript:"
count "the page's one script is its own" "$page" "<script" 1
hasnt "nothing fetched: no src attribute" "$page" " src="
hasnt "nothing fetched: no stylesheet link" "$page" "<link"
hasnt "nothing fetched: no @import or url(http" "$page" "url(http"
has "a content security policy allows no other script" "$page" "default-src 'none'"
has "readable on a phone" "$page" "<meta name=\"viewport\" content=\"width=device-width"
has "responsive CSS" "$page" "@media (max-width:720px)"
has "print CSS" "$page" "@media print"

# --- charts ---------------------------------------------------------------------
nseries=$(cut -f2- "$tmp/deciding" | sort -u | wc -l)
count "one chart per series of the table" "$page" '<figure class="chart"' "$nseries"
count "every chart is inline SVG" "$page" '<svg class="chart-svg"' "$nseries"
hasnt "no XML prolog inside the page" "$page" "<?xml"
# ids of the charts made unique: gnuplot writes the same ones in each
dups=$(grep -o " id='[^']*'" "$page" | sort | uniq -d | head -3)
eq "no id twice on the page" "$dups" ""
has "chart ids prefixed" "$page" "id='c1-gpPt0'"
has "chart references follow the prefix" "$page" "href='#c1-gpPt"
# the chart's own text from documents, escaped by gnuplot, stays escaped
has "a chart's key escapes a title" "$page" "Later &lt;i>article&lt;/i>"
find "$tmp" -name 'pwned*' > "$tmp/found"
eq "a backquoted command in a title did not run when charting" "$(cat "$tmp/found")" ""
has "the backquotes show as text in the chart's key" "$page" "<text>Later &lt;i>article&lt;/i> \`touch$(printf '\342\200\246') (2023-08-23)</text>"
[ -s "$o/charts/index.csv" ] && pass "the charts' scripts kept in DIR/charts" || fail "the charts' scripts kept in DIR/charts"

# --- atomic write ------------------------------------------------------------------
ls -a "$o" | grep -q 'tmp' && fail "no temporary file left in DIR" || pass "no temporary file left in DIR"
# a reader holding the old page keeps it whole: the new one is a new file
exec 3< "$page"
before=$(ls -i "$page" | cut -d' ' -f1)
ok "report again" "$FIGTRACK" report --db "$db" --out "$o"
after=$(ls -i "$page" | cut -d' ' -f1)
[ "$before" != "$after" ] && pass "the page is replaced by rename, not rewritten in place" ||
	fail "the page is replaced by rename, not rewritten in place (inode $before)"
grep -q '</html>' <&3 && pass "the old page stays whole for a reader" || fail "the old page stays whole for a reader"
exec 3<&-
# a DIR the user may not write: a clear error, the old page intact (as
# root the command runs as nobody, since root writes anywhere)
if [ "$(id -u)" = 0 ]; then
	as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
	chmod 755 "$tmp"
	chmod 644 "$db"
else
	as_user() { "$@"; }
fi
chmod 0555 "$o"
if ! as_user "$FIGTRACK" --version >/dev/null 2>&1; then
	echo "SKIP read-only DIR: $FIGTRACK cannot run as another user"
else
	status "read-only DIR: exit 2" 2 as_user "$FIGTRACK" report --db "$db" --out "$o"
	has "read-only DIR: says so, naming it" "$tmp/err" "figtrack: $o: cannot write into the directory: Permission denied"
	grep -q '</html>' "$page" && pass "read-only DIR: the old page is intact" || fail "read-only DIR: the old page is intact"
fi
chmod 0755 "$o"

# --- bad DIR and options --------------------------------------------------------
: > "$tmp/afile"
status "DIR is a file: exit 2" 2 "$FIGTRACK" report --db "$db" --out "$tmp/afile"
has "DIR is a file: says so" "$tmp/err" "$tmp/afile: not a directory"
status "DIR under a file: exit 2" 2 "$FIGTRACK" report --db "$db" --out "$tmp/afile/sub"
has "DIR under a file: names it" "$tmp/err" "$tmp/afile/sub: cannot create directory"
ok "DIR created when missing, parents too" "$FIGTRACK" report --db "$db" --out "$tmp/new/deep/dir"
[ -s "$tmp/new/deep/dir/index.html" ] && pass "DIR created: page written" || fail "DIR created: page written"
status "no --out: exit 2" 2 "$FIGTRACK" report --db "$db"
has "no --out: says so" "$tmp/err" "--out DIR"
status "missing database: exit 2" 2 "$FIGTRACK" report --db "$tmp/none.db" --out "$tmp/x"
status "unknown baseline: exit 2" 2 "$FIGTRACK" report --db "$db" --out "$tmp/x" --baseline 'No such'
ok "--help" "$FIGTRACK" report --help
has "--help: usage" "$tmp/out" "usage: figtrack report --out DIR"

# --- gnuplot missing: said on the page and on stderr, the table still there ---
mkdir -p "$tmp/bin"
v=$(command -v valgrind) && ln -s "$v" "$tmp/bin/valgrind"
[ -n "$v" ] && [ -x "$v.bin" ] && ln -s "$v.bin" "$tmp/bin/valgrind.bin"
ok "no gnuplot: the page is still written" env PATH="$tmp/bin" "$FIGTRACK" report --db "$db" --out "$tmp/nognu"
has "no gnuplot: says so on stderr" "$tmp/err" "gnuplot not found"
has "no gnuplot: says so on the page" "$tmp/nognu/index.html" "gnuplot was not found, so this page has no charts"
count "no gnuplot: every row still there" "$tmp/nognu/index.html" '<tr class="row"' "$rows"
count "no gnuplot: no chart" "$tmp/nognu/index.html" '<svg' 0
