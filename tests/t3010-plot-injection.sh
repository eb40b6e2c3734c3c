#!/bin/sh
# t3010-plot-injection.sh: document text that tries to make gnuplot run a
# command (a closed double quote and system(), backquotes, a newline then
# a command) and metric or entity names that try to leave the output
# directory. Nothing may run, every file stays in DIR, and the charts show
# the text as it was written.
. "$(dirname "$0")/lib.sh"
db=$tmp/t.db
o=$tmp/charts
pw=$tmp/pwned

# CSV: every " inside a field doubled
cat > "$tmp/evil.csv" <<EOF
doc,line,quote,value,low,high,qualifier,unit,period,period_kind,metric,entity,footnote,title,published
x,3,"quote \`touch $pw-bq\` and '; system('touch $pw-sq'); '",40,,,exact,percent,2023,observed,neon.world_supply_share,Russia,,"Evil""; system(""touch $pw-title""); "" \`touch $pw-title-bq\`",2023-05-01
x,4,"two lines
system(""touch $pw-nl"")
",41,,,exact,percent,2024,target,neon.world_supply_share,Russia,,"Evil""; system(""touch $pw-title""); "" \`touch $pw-title-bq\`",2023-05-01
x,5,q,42,,,exact,percent,2024,observed,"m""; system(""touch $pw-metric""); """,Russia,,"Evil""; system(""touch $pw-title""); "" \`touch $pw-title-bq\`",2023-05-01
x,6,q,43,,,exact,percent,2024,observed,../../escape/x,"a/../../b",,"Evil""; system(""touch $pw-title""); "" \`touch $pw-title-bq\`",2023-05-01
x,7,q,44,,,exact,percent,2024,observed,neon.world_supply_share,"R';system('touch $pw-e');'
system(""touch $pw-enl"")",,"Evil""; system(""touch $pw-title""); "" \`touch $pw-title-bq\`",2023-05-01
x,8,q,45,,,exact,percent,2024,observed,neon.world_supply_share,\`touch $pw-ebq\`,,"Evil""; system(""touch $pw-title""); "" \`touch $pw-title-bq\`",2023-05-01
EOF
"$FIGTRACK" import --db "$db" "$tmp/evil.csv" >/dev/null 2>"$tmp/setup" ||
	fail "t3010 setup: cannot import the evil CSV: $(cat "$tmp/setup")"

ok "plot renders the hostile series" "$FIGTRACK" plot --db "$db" --out "$o" --baseline 1
for p in bq sq title title-bq nl metric e enl ebq; do
	if [ -e "$pw-$p" ]; then
		fail "payload '$p' ran: $pw-$p exists"
	else
		pass "payload '$p' did not run"
	fi
done

svg=$o/neon.world_supply_share--Russia.svg
# the key shows the title's short form: the (aside) dropped, cut at a
# word after 28 characters
ell=$(printf '\342\200\246')
has "the title is shown as written" "$svg" "<text>baseline report: Evil\"; system; \" \`touch$ell (2023-05-01)</text>"
gp=$o/neon.world_supply_share--Russia.gp
has "titles only in single quotes" "$gp" "title 'baseline report: Evil\"; system; \" \`touch$ell (2023-05-01)' noenhanced"
has "quotes only in single quotes, ' doubled" "$gp" ": 'quote \`touch $pw-bq\` and ''; system(''touch $pw-sq''); '''"
has "the newline in a quote became a space" "$gp" "'two lines system(\"touch $pw-nl\") '"
# the entity is the title's second half, shown whole
svg=$(grep -l "pwned-enl" "$o"/*.svg | head -1)
has "the entity is shown as written, its newline a space" "${svg:-/dev/null}" "<text>neon.world_supply_share (R';system('touch $pw-e');' system(\"touch $pw-enl\"))</text>"
eq "five series, five scripts" "$(ls "$o" | grep -c '\.gp$')" 5

# names that try to leave DIR stay inside it
find "$tmp" -name '*.gp' ! -path "$o/*" > "$tmp/outside"
eq "no script outside DIR" "$(cat "$tmp/outside")" ""
[ -e "$tmp/escape" ] && fail "a directory escape was created" || pass "no directory escape"
has "the escaping metric is sanitized" "$o/index.csv" ",_._.__escape_x--a_.__.__b.gp,_._.__escape_x--a_.__.__b.svg"
has "the hostile metric is sanitized" "$o/index.csv" ",m___system__touch_"
for f in "$o"/*.gp; do
	case $(basename "$f") in
	*/*|.*|-*|*..*) fail "unsafe file name $f" ;;
	*) pass "safe file name $(basename "$f")" ;;
	esac
done

# re-running every script by hand is just as safe
for f in "$o"/*.gp; do
	(cd "$o" && gnuplot "$(basename "$f")" </dev/null >/dev/null 2>&1)
done
ls "$tmp" | grep -q '^pwned' && fail "re-running by hand ran a payload" ||
	pass "re-running by hand ran no payload"
