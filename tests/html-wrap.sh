#!/bin/sh
# html-wrap.sh: wraps a Markdown article (a corpus document: a metadata
# block, paragraphs, "- " lists, "#" headings, "| |" tables) into the HTML
# page a news site would serve: navigation, a cookie banner, a byline,
# share tools, "Related stories" and "Most read" lists, a footer and
# scripts, many of them full of figures that are not the article's.
# Deterministic: the same article gives the same page, byte for byte.
#
#     sh tests/html-wrap.sh ARTICLE.md [meta|jsonld|time] > ARTICLE.html
#
# The second argument says where the page states its publication date:
# <meta property="article:published_time"> (default), JSON-LD
# datePublished, or only a <time datetime> in the article's byline.
# Each paragraph is one line of the page, so that a claim's line can be
# checked against the quote it holds.
[ $# -ge 1 ] || { echo "usage: html-wrap.sh ARTICLE.md [meta|jsonld|time]" >&2; exit 2; }
awk -v mode="${2:-meta}" '
function esc(s) {
	gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s)
	gsub(/"/, "\\&quot;", s); gsub(/\047/, "\\&#39;", s)
	gsub(/\\\$/, "\\&#36;", s)
	return s
}
# superscript footnote digits as <sup> markers
function sup(s,   out, i, c, d) {
	out = ""
	while (match(s, /(¹|²|³|⁰|⁴|⁵|⁶|⁷|⁸|⁹)+/)) {
		d = substr(s, RSTART, RLENGTH)
		gsub(/⁰/, "0", d); gsub(/¹/, "1", d); gsub(/²/, "2", d)
		gsub(/³/, "3", d); gsub(/⁴/, "4", d); gsub(/⁵/, "5", d)
		gsub(/⁶/, "6", d); gsub(/⁷/, "7", d); gsub(/⁸/, "8", d)
		gsub(/⁹/, "9", d)
		out = out substr(s, 1, RSTART - 1) "<sup><a href=\"#fn" d "\">" d "</a></sup>"
		s = substr(s, RSTART + RLENGTH)
	}
	return out s
}
function inline(s) { return sup(esc(s)) }
function flush_para() {
	if (para != "") body = body "<p>" inline(para) "</p>\n"
	para = ""
}
function close_list() { if (inlist) { body = body "</ul>\n"; inlist = 0 } }
function close_table() { if (intable) { body = body "</tbody></table>\n"; intable = 0 } }
function cells(line, tag,   n, a, i, out) {
	sub(/^[ \t]*\|/, "", line); sub(/\|[ \t]*$/, "", line)
	n = split(line, a, /\|/)
	out = "<tr>"
	for (i = 1; i <= n; i++) {
		gsub(/^[ \t]+|[ \t]+$/, "", a[i])
		out = out "<" tag ">" inline(a[i]) "</" tag ">"
	}
	return out "</tr>"
}
BEGIN { state = "start" }
state == "start" && /^---[ \t]*$/ { state = "meta"; next }
state == "meta" && /^---[ \t]*$/ { state = "body"; next }
state == "meta" {
	k = $0; sub(/:.*/, "", k); v = $0; sub(/^[^:]*:[ \t]*/, "", v)
	meta[k] = v; next
}
{
	line = $0
	if (line ~ /^[ \t]*$/) { flush_para(); close_list(); close_table(); next }
	if (line ~ /^[ \t]*\|/) {
		flush_para(); close_list()
		if (line ~ /^[ \t]*\|[ \t:|-]*$/) next	# the separator
		if (!intable) {
			body = body "<table class=\"data\">\n<thead>" cells(line, "th") "</thead>\n<tbody>\n"
			intable = 1
		} else body = body cells(line, "td") "\n"
		next
	}
	if (line ~ /^#+ /) {
		flush_para(); close_list(); close_table()
		n = match(line, /^#+/); lv = RLENGTH; sub(/^#+ /, "", line)
		body = body "<h" lv + 1 ">" inline(line) "</h" lv + 1 ">\n"
		next
	}
	if (line ~ /^[-*] /) {
		flush_para(); close_table()
		if (!inlist) { body = body "<ul>\n"; inlist = 1 }
		sub(/^[-*] /, "", line)
		body = body "<li>" inline(line) "</li>\n"
		next
	}
	if (inlist && line ~ /^[ \t]+/) {	# an item going on
		sub(/^[ \t]+/, "", line)
		body = substr(body, 1, length(body) - 6) " " inline(line) "</li>\n"
		next
	}
	para = para == "" ? line : para " " line
}
END {
	flush_para(); close_list(); close_table()
	t = esc(meta["title"]); d = meta["date"]
	print "<!DOCTYPE html>"
	print "<html lang=\"en\">"
	print "<head>"
	print "<meta charset=\"utf-8\">"
	print "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
	print "<title>" t " | The Daily Ledger</title>"
	print "<meta property=\"og:title\" content=\"" t "\">"
	print "<meta property=\"og:site_name\" content=\"The Daily Ledger\">"
	if (mode == "meta")
		print "<meta property=\"article:published_time\" content=\"" d "T08:30:00+00:00\">"
	if (mode == "jsonld") {
		print "<script type=\"application/ld+json\">"
		print "{\"@context\": \"https://schema.org\", \"@type\": \"NewsArticle\","
		print " \"headline\": \"" t "\", \"dateModified\": \"2031-01-01T00:00:00Z\","
		print " \"datePublished\": \"" d "T08:30:00Z\", \"wordCount\": 512}"
		print "</script>"
	}
	print "<link rel=\"stylesheet\" href=\"/static/site.css\">"
	print "<style>.story { max-width: 40em; } .ad { width: 300px; height: 250px; }</style>"
	print "<script>window.dataLayer = [{\"pageViews\": 1250000, \"growth\": \"rose 38 percent in 2021\"}];"
	print "var prices = { oil: \"$82.5 billion\", share: \"12.5%\" };</script>"
	print "</head>"
	print "<body>"
	print "<div id=\"cookie-consent\" class=\"cookie-banner\">"
	print "  <p>We and our 842 partners use cookies on 95% of our pages. <button>Accept all</button></p>"
	print "</div>"
	print "<header class=\"site-header\">"
	print "  <a class=\"logo\" href=\"/\">The Daily Ledger</a>"
	print "  <nav class=\"main-nav\"><ul>"
	print "    <li><a href=\"/markets\">Markets: Dow up 2.4% to 34,500 points</a></li>"
	print "    <li><a href=\"/world\">World</a></li><li><a href=\"/trade\">Trade</a></li>"
	print "  </ul></nav>"
	print "</header>"
	print "<div class=\"breadcrumb\"><a href=\"/\">Home</a> &rsaquo; <a href=\"/trade\">Trade</a></div>"
	print "<main id=\"content\">"
	print "<article class=\"story\">"
	print "<header class=\"story-header\">"
	print "  <h1>" t "</h1>"
	if (mode == "time")
		print "  <p class=\"byline\">By a staff reporter, <time datetime=\"" d "\">" d "</time></p>"
	else
		print "  <p class=\"byline\">By a staff reporter</p>"
	print "</header>"
	print "<div class=\"share-tools\"><a href=\"#\">Share</a> 3,400 shares, 120 comments</div>"
	printf "%s", body
	print "<p class=\"read-more\">Read more: Russia&#39;s imports from China grew 20% in 2022</p>"
	print "<h2>Related stories</h2>"
	print "<ul>"
	print "  <li><a href=\"/a\">China&#39;s exports to Russia rose 64% to $111 billion in 2023</a></li>"
	print "  <li><a href=\"/b\">Bilateral trade hit $240 billion, up 26.3%</a></li>"
	print "</ul>"
	print "</article>"
	print "<aside class=\"sidebar\">"
	print "  <h3>Most read</h3>"
	print "  <ol><li><a href=\"/c\">Oil exports fell 15% in 2020</a></li>"
	print "  <li><a href=\"/d\">Chip imports reached $4.5 billion</a></li></ol>"
	print "  <div class=\"ad\">Advertisement: save 30% today</div>"
	print "</aside>"
	print "<section class=\"newsletter\"><p>Join 250,000 readers: sign up for our newsletter.</p></section>"
	print "</main>"
	print "<footer class=\"site-footer\">"
	print "  <p>&copy; 2024 The Daily Ledger. 1,200 journalists in 40 countries.</p>"
	print "  <ul><li><a href=\"/about\">About us</a></li><li><a href=\"/privacy\">Privacy</a></li></ul>"
	print "</footer>"
	print "<script>var adSlots = 5; trackPageView(2023, 100, \"up 12% on year\");</script>"
	print "</body>"
	print "</html>"
}' "$1"
