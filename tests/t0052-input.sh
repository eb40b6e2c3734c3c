#!/bin/sh
# t0052-input.sh: which format a document is read as (its first bytes,
# then its extension; --input-format to force one) and HTML that is not
# what it should be: truncated, binary, invalid UTF-8 in a page that
# declares UTF-8, another charset declared, deep nesting, a huge page.
. "$(dirname "$0")/lib.sh"

page='<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Chip notes</title>
<meta property="article:published_time" content="2023-05-10T09:00:00Z"></head>
<body><nav>Menu: 40 percent off</nav>
<article>
<p>China supplied about 80 percent of Russia&rsquo;s chip imports in 2022.</p>
<p>Exports rose 12.8 percent in 2022.</p>
</article></body></html>'
printf '%s\n' "$page" > "$tmp/page.html"
printf '%s\n' "$page" > "$tmp/page.txt"	# HTML by its content
printf '%s\n' "$page" > "$tmp/page"

# detection
for f in page.html page.txt page; do
	ok "input: $f is read as HTML" "$FIGTRACK" extract "$tmp/$f"
	has "input: $f gives the article's figure" "$tmp/out" "about 80 percent,80,,,approx,percent,2022"
	hasnt "input: $f leaves out the menu" "$tmp/out" "40 percent"
done
ok "input: standard input is detected too" sh -c "cat '$tmp/page.html' | '$FIGTRACK' extract -"
has "input: standard input as HTML" "$tmp/out" "-,6,about 80 percent,80"
hasnt "input: standard input leaves out the menu" "$tmp/out" "40 percent"
printf 'Exports rose 12.8 percent in 2022.\n' > "$tmp/plain"
ok "input: plain text from a pipe" sh -c "cat '$tmp/plain' | '$FIGTRACK' extract -"
has "input: plain text from a pipe is read" "$tmp/out" "-,1,rose 12.8 percent,12.8"
# <header> is not <head>: a text starting with a header tag is no page
printf '<header-notes> rose 5 percent in 2022.\n' > "$tmp/notes.txt"
ok "input: text that starts with a tag-like word" "$FIGTRACK" extract --text "$tmp/notes.txt"
has "input: it is read as text" "$tmp/out" "<header-notes>"

# --input-format forces a format
ok "input: --input-format text reads the markup" "$FIGTRACK" extract --input-format text "$tmp/page.html"
has "input: as text the menu's figure is there" "$tmp/out" "40 percent"
printf '<p>Exports rose 12.8 percent in 2022.</p>\n' > "$tmp/frag.md"
ok "input: --input-format html on a .md file" "$FIGTRACK" extract --input-format html --text "$tmp/frag.md"
has "input: the fragment is converted" "$tmp/out" "Exports rose 12.8 percent in 2022."
hasnt "input: no markup left" "$tmp/out" "<p>"
status "input: an unknown format is a usage error" 2 "$FIGTRACK" extract --input-format docx "$tmp/page.html"
has "input: it names the format" "$tmp/err" "unknown input format 'docx'"
status "input: add checks the format" 2 "$FIGTRACK" add --db "$tmp/db" --input-format rtf "$tmp/page.html"
status "input: eval checks the format" 2 "$FIGTRACK" eval --gold /dev/null --input-format rtf "$tmp/page.html"
ok "input: add reads a page" "$FIGTRACK" add --db "$tmp/db" --input-format html "$tmp/page.txt"
has "input: add takes the page's date and title" "$tmp/out" "'Chip notes' (2023-05-10): 2 claims"

# PDF: detected by its magic bytes, whatever the name, and read by pdf.c
printf '%%PDF-1.4\n%%\342\343\317\323\n1 0 obj\n' > "$tmp/report.txt"
status "input: a PDF is detected by content" 2 "$FIGTRACK" extract "$tmp/report.txt"
has "input: a truncated PDF says so" "$tmp/err" "report.txt: truncated PDF"
printf 'Exports rose 5 percent in 2022.\n' > "$tmp/notpdf.pdf"
status "input: --input-format pdf" 2 "$FIGTRACK" extract --input-format pdf "$tmp/notpdf.pdf"
ok "input: --input-format text overrides a .pdf name" "$FIGTRACK" extract --input-format text "$tmp/notpdf.pdf"
has "input: read as text" "$tmp/out" "rose 5 percent"

# bad HTML
head -c 330 "$tmp/page.html" > "$tmp/cut.html"
ok "input: a truncated page is read" "$FIGTRACK" extract "$tmp/cut.html"
has "input: a truncated page keeps what it has" "$tmp/out" "about 80 percent"
head -c 4096 /bin/sh > "$tmp/binary.html"
status "input: a binary file named .html is exit 2" 2 "$FIGTRACK" extract "$tmp/binary.html"
has "input: a binary .html is called binary" "$tmp/err" "binary.html:1:"
has "input: ... with the reason" "$tmp/err" "NUL byte: this looks like binary data, not HTML"
eq "input: one line of error" "$(wc -l < "$tmp/err" | tr -d ' ')" 1
printf '<html><head><meta charset="utf-8"><meta name="date" content="2023-01-01"></head><body>\n<p>Exports rose 5%% in 2022.</p>\n<p>Caf\351 imports fell 3%% in 2022.</p></body></html>\n' > "$tmp/bad8.html"
status "input: invalid UTF-8 in a UTF-8 page is exit 2" 2 "$FIGTRACK" extract "$tmp/bad8.html"
has "input: it names line and column" "$tmp/err" "bad8.html:3:7: invalid UTF-8 at byte offset 125 in a page that declares UTF-8 (use --lossy to replace it)"
ok "input: --lossy reads it" "$FIGTRACK" extract --lossy "$tmp/bad8.html"
has "input: --lossy keeps the figures" "$tmp/out" "bad8.html,3,fell 3%,-3"
printf '<html><head><meta charset="windows-1251"><meta name="date" content="2023-01-01"></head><body>\n<p>\310\354\357\356\360\362 rose 5%% in 2022.</p></body></html>\n' > "$tmp/cp.html"
ok "input: a windows-1251 page" "$FIGTRACK" extract --text "$tmp/cp.html"
has "input: decoded from its declared charset" "$tmp/out" "Импорт rose 5% in 2022."
printf '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><meta name="date" content="2023-01-01"></head><body>\n<p>Caf\351 exports rose 5%% in 2022.</p></body></html>\n' > "$tmp/latin.html"
ok "input: a Latin-1 page" "$FIGTRACK" extract "$tmp/latin.html"
has "input: Latin-1 figures" "$tmp/out" "latin.html,2,rose 5%,5"
# deep nesting: read, in linear time (a look for "Related stories" text
# visits a bounded part of each element)
awk 'BEGIN { printf "<html><body><article>"; for (i = 0; i < 100000; i++) printf "<div class=\"c%d\">", i; \
    printf "<p>Exports rose 7 percent in 2021.</p>"; for (i = 0; i < 100000; i++) printf "</div>"; print "</article></body></html>" }' > "$tmp/deep.html"
ok "input: 100,000 nested elements" "$FIGTRACK" extract --published 2022 "$tmp/deep.html"
has "input: the deep figure is found" "$tmp/out" "rose 7 percent"
# sup markers, br, lists, headings, entities
cat > "$tmp/blocks.html" <<'EOF'
<html><head><meta name="date" content="2023-01-01"></head><body><main>
<h2>Trade &amp; chips</h2>
<p>Imports fell 3&nbsp;percent in 2022.<sup><a href="#n1">1</a></sup> The area is 12 km<sup>2</sup>.</p>
<p>Exports: $5&#46;5 billion<br>Imports: $3.1 billion</p>
<ol><li>First item rose 2%</li><li>Second item rose 4%</li></ol>
<h2>Notes</h2>
<ol><li id="n1">Customs, <a href="https://example.org/c">report</a>, 12 March 2023.</li></ol>
</main></body></html>
EOF
ok "input: blocks" "$FIGTRACK" extract --text "$tmp/blocks.html"
has "input: a heading" "$tmp/out" "## Trade & chips"
has "input: a footnote marker" "$tmp/out" "Imports fell 3 percent in 2022.¹ The area is 12 km2."
has "input: <br> breaks the line" "$tmp/out" "Exports: \$5.5 billion
Imports: \$3.1 billion"
has "input: ordered items" "$tmp/out" "1. First item rose 2%
2. Second item rose 4%"
ok "input: blocks extracted" "$FIGTRACK" extract "$tmp/blocks.html"
has "input: the footnote of the claim" "$tmp/out" "blocks.html,3,fell 3 percent,-3,,,exact,percent,2022,observed,trade.imports.change,,1,"
hasnt "input: the unit's power is no footnote" "$tmp/out" ",1;2,"
if [ "${VALGRIND:-0}" != 1 ]; then
	# a page over the size figtrack reads: one clear line, at once
	awk 'BEGIN { s = "<p>In 2020 the share was 12 percent of the total.</p>\n"; \
	    printf "<html><body>"; for (i = 0; i < 1300000; i++) printf "%s", s }' > "$tmp/huge.html"
	status "input: a 66 MB page is refused" 2 "$FIGTRACK" extract "$tmp/huge.html"
	has "input: it says why" "$tmp/err" "huge.html: HTML page of 66 MB: pages over 64 MB are not read"
	rm -f "$tmp/huge.html"
fi

# the body: a small <article> beside the story (a teaser) is not it; the
# <title>'s site name is cut
printf '<html><head><title>Trade rises again in June | The Daily Ledger</title><meta name=date content=2023-06-01></head><body><div class="story"><p>Exports rose 5%% in May. Exports rose 5%% in May. Exports rose 5%% in May.</p><p>Imports fell 3%% in May.</p></div><article><p>Teaser: 9%% off.</p></article></body></html>\n' > "$tmp/teaser.html"
ok "input: a page with a teaser article" "$FIGTRACK" extract --text "$tmp/teaser.html"
has "input: the story is read" "$tmp/out" "Imports fell 3% in May."
hasnt "input: the teaser is not" "$tmp/out" "Teaser"
has "input: the title without the site" "$tmp/out" "title: Trade rises again in June
date: 2023-06-01"
