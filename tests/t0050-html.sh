#!/bin/sh
# t0050-html.sh: news pages. Every article of the development corpus is
# wrapped into a page with a site's furniture around it (tests/html-wrap.sh:
# navigation, cookie banner, share tools, related stories, sidebar,
# footer, scripts, all with figures of their own); the page must give the
# same claims as the article's Markdown (quote, value, bounds, unit,
# period, kind, metric, entity, footnote, partner), none from the
# furniture, and the publication date the page states in its metadata,
# its JSON-LD or only in a <time> of the byline.
. "$(dirname "$0")/lib.sh"
corpus=$top/tests/corpus/news
wrap() { sh "$top/tests/html-wrap.sh" "$@"; }

# the fields compared: everything but doc and line
fields() { cut -d, -f3- "$1"; }

docs=$(ls "$corpus"/*.md | grep -v -e README.md -e SOURCES.md | sample)
if [ "${VALGRIND:-0}" = 1 ]; then
	docs=$(echo "$docs" | head -3)
fi
# the claims of document $2 in extract output $1 (its doc column)
of_doc() { awk -v d="$2" 'index($0, d ",") == 1' "$1"; }

# all of them with the date in a <meta>; the other two ways on a few.
# One extract over all the articles and one over all the pages (rules
# loaded twice, not twice a document), then compared document by
# document
mkdir "$tmp/pages"
for mode in meta jsonld time; do
	total=0 same=0 ndocs=0 differ="" pages=""
	[ $mode = meta ] && some=$docs || some=$(echo "$docs" | awk 'NR % 6 == 1')
	for md in $some; do
		name=$(basename "$md" .md)
		wrap "$md" "$mode" > "$tmp/pages/$name.html" ||
		    { fail "html: wrap $name"; continue; }
		pages="$pages $tmp/pages/$name.html"
	done
	# shellcheck disable=SC2086
	"$FIGTRACK" extract $some > "$tmp/md.csv" 2>&1
	# shellcheck disable=SC2086
	"$FIGTRACK" extract $pages > "$tmp/html.csv" 2>"$tmp/err" ||
	    fail "html: extract the pages ($mode): $(head -c 200 "$tmp/err")"
	for md in $some; do
		name=$(basename "$md" .md)
		of_doc "$tmp/md.csv" "$md" > "$tmp/md1.csv"
		of_doc "$tmp/html.csv" "$tmp/pages/$name.html" > "$tmp/html1.csv"
		fields "$tmp/md1.csv" | sort > "$tmp/a"
		fields "$tmp/html1.csv" | sort > "$tmp/b"
		n=$(wc -l < "$tmp/a")
		k=$(comm -12 "$tmp/a" "$tmp/b" | wc -l)
		total=$((total + n)) same=$((same + k)) ndocs=$((ndocs + 1))
		cmp -s "$tmp/a" "$tmp/b" || differ="$differ $name"
	done
	echo "# html ($mode date): $same of $total claims of $ndocs pages the same as the Markdown"
	eq "html ($mode): every page gives its article's claims, no others" "$differ" ""
	[ "$total" -gt $((ndocs * 5)) ] && pass "html ($mode): the pages hold $total claims" ||
	    fail "html ($mode): only $total claims"
done

# the furniture's own figures never appear (by value: the quotes may run
# on, "842 partners")
d=$corpus/cnru-reuters-june-2023
wrap "$d.md" > "$tmp/page.html"
ok "html: extract a page" "$FIGTRACK" extract --format tsv "$tmp/page.html"
cut -f4 "$tmp/out" > "$tmp/values"
junk="842 95 34500 2.4 3400 120 64 111000000000 240000000000 26.3 4500000000 \
    30 250000 1200 40 38 12.5 82500000000 1250000"
for v in $junk; do
	if grep -qx -- "$v" "$tmp/values"; then fail "html: a claim from the furniture: $v"; \
	    else pass "html: no claim from the furniture: $v"; fi
done
# ... which the page read as plain text is full of
"$FIGTRACK" extract --format tsv --input-format text "$tmp/page.html" | cut -f4 > "$tmp/raw"
n=0
for v in $junk; do grep -qx -- "$v" "$tmp/raw" && n=$((n + 1)); done
[ $n -ge 10 ] && pass "html: read as text, the furniture gives $n of those figures" ||
    fail "html: read as text, the furniture gives only $n of those figures"
ok "html: extract a page (csv)" "$FIGTRACK" extract "$tmp/page.html"
has "html: the article's figures are there" "$tmp/out" ',$20.83 billion,20830000000,'
# --text shows what extraction reads: the article alone
ok "html: --text" "$FIGTRACK" extract --text "$tmp/page.html"
cp "$tmp/out" "$tmp/text"
has "html: --text has the title of og:title" "$tmp/text" "title: China-Russia trade in June reaches its highest level since the war began"
has "html: --text has the date" "$tmp/text" "date: 2023-07-13"
for junk in cookies 'Related stories' 'Most read' 'Read more' 'The Daily Ledger' 'Share' \
    'newsletter' 'About us' 'dataLayer' 'site.css' 'Markets'; do
	hasnt "html: --text leaves out '$junk'" "$tmp/text" "$junk"
done

# every claim's line is the page's line that holds its quote
"$FIGTRACK" extract --format tsv "$tmp/page.html" | tail -n +2 | cut -f2,3 > "$tmp/lines"
bad=0
while IFS="$(printf '\t')" read -r line quote; do
	sed -n "${line}p" "$tmp/page.html" | grep -qF -- "$quote" || bad=$((bad + 1))
done < "$tmp/lines"
eq "html: each claim's line holds its quote" "$bad" 0
[ -s "$tmp/lines" ] && pass "html: lines checked" || fail "html: no lines to check"

# the publication date from the page, for add (which needs one)
for mode in meta jsonld time; do
	wrap "$d.md" "$mode" > "$tmp/p-$mode.html"
	ok "html: add a page dated by $mode" "$FIGTRACK" add --db "$tmp/db" --kind article "$tmp/p-$mode.html"
	has "html: add takes the $mode date" "$tmp/out" "(2023-07-13)"
	has "html: add takes the og:title" "$tmp/out" "'China-Russia trade in June reaches its highest level since the war began'"
done
printf '<html><head><title>Undated</title></head><body><p>Exports rose 5%% in 2022.</p></body></html>\n' > "$tmp/undated.html"
status "html: a page without a date is not added" 2 "$FIGTRACK" add --db "$tmp/db" "$tmp/undated.html"
has "html: and says why" "$tmp/err" "no publication date"

# eval reads a page: gold quotes are found in the text read, at the
# page's lines
cat > "$tmp/g.html" <<'EOF'
<!DOCTYPE html>
<html><head><meta property="article:published_time" content="2023-05-10">
<title>Chip notes</title></head>
<body><nav>Home: 40% off</nav>
<article>
<p>China supplied about 80 percent of Russia&rsquo;s chip imports in 2022.<sup>1</sup></p>
<p>That year, bilateral trade reached US&#36;190&nbsp;billion.</p>
</article></body></html>
EOF
cat > "$tmp/g.gold.csv" <<'EOF'
line,quote,value,unit,period,metric,entity,footnote,partner
6,about 80 percent,80,percent,2022,semiconductors.imports.share,RUS,1,CHN
7,US$190 billion,190000000000,usd,2022,trade.turnover.value,CHN+RUS,,
EOF
ok "html: eval of a page" "$FIGTRACK" eval --gold "$tmp/g.gold.csv" "$tmp/g.html"
has "html: eval finds both" "$tmp/out" "F1 1.000"
has "html: eval series keys" "$tmp/out" "series key     1.000  (2/2)"
has "html: eval footnote from <sup>" "$tmp/out" "footnote       1.000  (2/2)"

# an og:title and og:url longer than the 511 bytes kept are cut where a
# character ends, not inside one
e=$(printf '\303\251')
long=$(awk -v e="$e" 'BEGIN { for (i = 0; i < 300; i++) printf "%s", e }')
printf '<html><head><meta property="og:title" content="%s"><meta property="og:url" content="https://x.org/%s"></head><body><article><p>In 2021 exports rose 5 percent.</p></article></body></html>\n' \
    "$long" "$long" > "$tmp/longmeta.html"
ok "html: long metadata" "$FIGTRACK" extract --text "$tmp/longmeta.html"
cp "$tmp/out" "$tmp/longmeta.txt"
ok "html: long metadata cut on a whole character" iconv -f UTF-8 -t UTF-8 "$tmp/longmeta.txt"
