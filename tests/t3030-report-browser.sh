#!/bin/sh
# t3030-report-browser.sh: the report page in a real browser. Headless
# Chromium loads DIR/index.html from a file:// URL, on a desktop window and
# on a phone-sized one; the page's own check (its inline script marks each
# chart whose SVG has a non-zero size and counts the rows laid out) is read
# from the dumped DOM, and the browser's console must stay silent. A
# control page with a stray script and hidden charts must be caught by the
# same checks. Skipped when chromium is not installed (`make deps`
# installs it).
. "$(dirname "$0")/lib.sh"
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
	echo "SKIP t3030: chromium not installed (Debian package chromium; make deps)"
	exit 0
fi
db=$tmp/t.db
o=$tmp/report

cat > "$tmp/report.md" <<'MD'
---
title: Neon <b>briefing</b> & co
date: 2022-11-01
url: https://example.org/brief?a=1&b=2
---
# Neon briefing

Russia supplied an estimated 30 percent of the world's neon in 2021,
and about 70 percent of its chip imports came from China in 2020.
MD
cat > "$tmp/later.csv" <<'CSV'
doc,line,quote,value,low,high,qualifier,unit,period,period_kind,metric,entity,footnote,title,published,source_date,source_url
l.md,5,"<script>alert(""x"")</script> & about 34 percent",34,,,exact,percent,2022,observed,neon.production.world_share,RUS,,Later <i>article</i>,2023-08-23,,javascript:alert(1)
l.md,6,18 percent in the second half,18,,,exact,percent,2022-H2,observed,neon.production.world_share,RUS,,Later <i>article</i>,2023-08-23,,
l.md,9,at least 70 percent by 2030,70,70,,at_least,percent,2030,target,electronics.market.domestic_share,RUS,,Later <i>article</i>,2023-08-23,,https://example.com/a?x=1&y=2
CSV
"$FIGTRACK" add --db "$db" --kind report "$tmp/report.md" >/dev/null 2>&1 &&
"$FIGTRACK" import --db "$db" "$tmp/later.csv" >/dev/null 2>&1 &&
"$FIGTRACK" import --db "$db" "$top/data/samples/later-figures.csv" >/dev/null 2>&1 ||
	fail "t3030 setup: cannot build the database"
ok "report writes the page" "$FIGTRACK" report --db "$db" --out "$o"
rows=$(sed -n 's/.*<table class="rows" data-rows="\([0-9]*\)".*/\1/p' "$o/index.html")
charts=$(grep -c '<figure class="chart"' "$o/index.html")
[ "${rows:-0}" -gt 0 ] && [ "$charts" -gt 0 ] && pass "the page has rows ($rows) and charts ($charts)" ||
	fail "the page has rows and charts: rows '$rows', charts '$charts'"

# browse NAME PAGE WIDTH,HEIGHT: loads PAGE headless; DOM in $tmp/NAME.dom,
# the console messages about the page in $tmp/NAME.console
browse() {
	rm -rf "$tmp/profile"
	HOME=$tmp timeout 120 "$chromium" --headless --disable-gpu --no-sandbox \
	    --disable-dev-shm-usage --no-first-run --disable-extensions \
	    --user-data-dir="$tmp/profile" --window-size="$3" \
	    --enable-logging=stderr --v=0 --virtual-time-budget=5000 \
	    --dump-dom "file://$2" > "$tmp/$1.dom" 2> "$tmp/$1.log"
	r=$?
	grep -E ':CONSOLE|Refused to|Uncaught' "$tmp/$1.log" > "$tmp/$1.console"
	return $r
}
# rendered NAME WHAT N: the page's check says WHAT = N
rendered() { eq "$1: $2" "$(sed -n "s/.*id=\"render-check\"[^>]*$2=\"\([0-9]*\)\".*/\1/p" "$tmp/$1.dom")" "$3"; }

for view in desktop:1280,900 phone:390,844; do
	name=${view%%:*}
	if browse "$name" "$o/index.html" "${view#*:}"; then
		pass "$name: chromium loaded the page"
	else
		fail "$name: chromium loaded the page: $(grep -v dbus "$tmp/$name.log" | tail -3)"
	fi
	has "$name: the page's check ran" "$tmp/$name.dom" "Page check: $rows of $rows rows and $charts of $charts charts drawn."
	rendered "$name" data-rows-rendered "$rows"
	rendered "$name" data-charts-rendered "$charts"
	has "$name: the page fits the window's width" "$tmp/$name.dom" 'data-fits="yes"'
	eq "$name: every chart marked drawn" "$(grep -o 'data-rendered="yes"' "$tmp/$name.dom" | wc -l)" "$charts"
	eq "$name: no console message, no refused script" "$(cat "$tmp/$name.console")" ""
	has "$name: the quote with <script> shows as text" "$tmp/$name.dom" "&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; about 34 percent"
	eq "$name: one script element, the page's own" "$(grep -o '<script' "$tmp/$name.dom" | wc -l)" 1
done

# the control: a stray inline script (the page's policy refuses it) and
# hidden charts; the same checks must see both
sed -e 's|</body>|<script>window.nosuch();</script></body>|' \
    -e 's|</style>|figure.chart svg{display:none}</style>|' "$o/index.html" > "$tmp/control.html"
browse control "$tmp/control.html" 1280,900
grep -q "Content Security Policy" "$tmp/control.console" && pass "control: the stray script is refused, on the console" ||
	fail "control: the stray script is refused, on the console: $(head -c 300 "$tmp/control.console")"
rendered control data-charts-rendered 0
eq "control: no chart marked drawn" "$(grep -o 'data-rendered="yes"' "$tmp/control.dom" | wc -l)" 0
