#!/bin/sh
# t0020-rules.sh: rule files: the shipped examples pass, and every kind
# of broken rule file fails with FILE:LINE:COL and a clear message.
. "$(dirname "$0")/lib.sh"

ok "rules: shipped examples pass" "$FIGTRACK" rules test
has "rules: test prints a count" "$tmp/out" " passed, 0 failed"
ok "rules: check" "$FIGTRACK" rules check
has "rules: check counts topics" "$tmp/out" "topics"

bad() { # bad NAME TEXT EXPECTED-ERROR
	rm -rf "$tmp/r"; mkdir -p "$tmp/r"
	printf '%b' "$2" > "$tmp/r/x.rules"
	status "rules: $1 is exit 2" 2 "$FIGTRACK" rules check --rules "$tmp/r"
	has "rules: $1 message" "$tmp/err" "$3"
}
bad "bad regex" '[numbers]\ntwo = 2\n\n[unit percent]\nafter = per(cent\n' \
    "x.rules:5:17: missing closing parenthesis"
bad "bad regex in topic" '[unit percent]\nafter = percent\n[topic a.b]\npattern = {Q} of [neon\n' \
    "x.rules:4:"
bad "unknown macro" '[unit percent]\nafter = {NOPE}cent\n' \
    "x.rules:2:9: unknown macro '{NOPE}'"
bad "bad call value" '[unit percent]\nafter = percent\n[define X]\ncall = maybe\npattern = a\n' \
    "x.rules:4:8: call must be yes or no, not 'maybe'"
bad "bad home value" '[unit cad]\nbefore = C\\$\nhome = Canada\n' \
    "x.rules:3:8: home is a country code, a unit and optionally a sign ('home = CAN usd', 'home = JPN cny ¥'), not 'Canada'"
bad "unknown section" '[frob x]\npattern = a\n' "x.rules:1:2: unknown section kind 'frob'"
bad "unknown key" '[unit percent]\nafter = percent\nflavour = mint\n' \
    "x.rules:3:1: unknown key 'flavour' in [unit]"
bad "unknown key in period" '[unit percent]\nafter = percent\n[period p]\nrole = anchor\npatern = in {YEAR}\n' \
    "x.rules:5:1: unknown key 'patern' in [period]"
bad "bad period step" '[unit percent]\nafter = percent\n[period p]\nrole = relative\nstep = week\npattern = this week\n' \
    "x.rules:5:8: 'step =' is year, quarter or month"
bad "bad fiscal year" '[unit percent]\nafter = percent\n[period p]\nrole = anchor\nfiscal = IND 13 end\npattern = FY(?<fy>[0-9]{2})\n' \
    "x.rules:5:10: 'fiscal =' is ENTITY MONTH end|start [parts] [pairs] [currency] (at most 16)"
bad "bad fiscal option" '[unit percent]\nafter = percent\n[period p]\nrole = anchor\nfiscal = IND 4 end parts INR\npattern = FY(?<fy>[0-9]{2})\n' \
    "x.rules:5:10: 'fiscal =' is ENTITY MONTH end|start [parts] [pairs] [currency] (at most 16)"
bad "bad topic fill" '[unit percent]\nafter = percent\n[topic *.x]\nsubject = trade\nfill = both\npattern = {Q}\n' \
    "x.rules:5:8: fill is 'partner' or 'pair', not 'both'"
bad "bad topic window" '[unit percent]\nafter = percent\n[topic a.b]\nwindow = wide\npattern = {Q}\n' \
    "x.rules:4:10: window is a count of bytes from 1 to 65536, not 'wide'"
bad "bad topic nearest" '[unit percent]\nafter = percent\n[topic a.b]\nnearest = entity\npattern = {Q}\n' \
    "x.rules:4:11: nearest is 'partner', not 'entity'"
bad "template without subject" '[unit percent]\nafter = percent\n[topic *.x]\npattern = {Q}\n' \
    "x.rules:3:1: [topic *.x] needs 'subject =' or a (?<subject>...) group"
bad "subject without pattern" '[unit percent]\nafter = percent\n[subject oil]\n' \
    "x.rules:3:1: [subject NAME] needs a name and 'pattern ='"
bad "bad period role" '[unit percent]\nafter = percent\n[period p]\nrole = someday\npattern = this week\n' \
    "x.rules:4:1: [period] needs 'role =' anchor, deadline, baseline, anaphor, present, relative, recall, undated or event"
bad "unknown key in entity" '[unit percent]\nafter = percent\n[entity Acme]\npattern = Acme\nlabel = x\n' \
    "x.rules:5:1: unknown key 'label' in [entity]"
bad "example in define" '[define A]\npattern = x\nexample = x => 1 percent\n[unit percent]\nafter = percent\n' \
    "x.rules:3:1: unknown key 'example' in [define]"
bad "unit with no pattern" '[unit percent]\nafter = percent\n[unit other:x]\nrate = no\n' \
    "x.rules:3:1: [unit other:x] needs 'after =', 'before =' or 'context ='"
bad "line without section" 'pattern = a\n' "x.rules:1:1:"
bad "missing equals" '[unit percent]\nafter percent\n' "x.rules:2:1: expected 'key = value'"
bad "unclosed header" '[unit percent\n' "x.rules:1:1: section header needs a closing ']'"
bad "capturing group in unit" '[unit percent]\nafter = (percent)\n' "capturing group"
bad "self-referencing macro" '[define A]\npattern = x{A}\n[unit percent]\nafter = {A}\n' "nest too deeply"
bad "invalid UTF-8" '[unit percent]\nafter = per\377cent\n' "x.rules:2: invalid UTF-8"
rm -rf "$tmp/r"; mkdir -p "$tmp/r"
status "rules: empty directory is exit 2" 2 "$FIGTRACK" rules check --rules "$tmp/r"
has "rules: empty directory says so" "$tmp/err" "no *.rules files"
status "rules: missing directory is exit 2" 2 "$FIGTRACK" rules check --rules "$tmp/gone"

# a pattern that backtracks catastrophically stops with a clear error
rm -rf "$tmp/r"; mkdir -p "$tmp/r"
printf '[unit percent]\nafter = percent\n[topic slow.one]\npattern = (?:a+)+[^a\\s]{Q}\n' > "$tmp/r/x.rules"
awk 'BEGIN { s = ""; for (i = 0; i < 40; i++) s = s "a"; print s " 5 percent" }' > "$tmp/slow.txt"
status "rules: runaway pattern is exit 2, not a hang" 2 "$FIGTRACK" extract --rules "$tmp/r" "$tmp/slow.txt"
has "rules: runaway pattern names text and rule" "$tmp/err" "slow.txt:1: the pattern of rule x.rules:4 hit the match limit"

# an example that fails makes rules test exit 1 and says which
rm -rf "$tmp/r"; mkdir -p "$tmp/r"
printf '[unit percent]\nafter = percent\nexample = It is 5 percent. => 6 percent\n' > "$tmp/r/x.rules"
status "rules: failing example is exit 1" 1 "$FIGTRACK" rules test --rules "$tmp/r"
has "rules: failing example is named" "$tmp/out" "FAIL x.rules:3:"

# date phrases whose every branch starts at a word boundary are tried
# behind one shared \b; a rule with a branch that does not must still
# match inside a word, and a hoisted rule after it must still match
rm -rf "$tmp/r"; cp -r "$top/data/rules" "$tmp/r"
cat > "$tmp/r/zz-boundary.rules" <<'RULES'
[period test-glued]
role = anaphor
offset = -1
pattern = \bthat\s+twelvemonth\b|xmidyear
example = In 2021 sales grew. Inxmidyear, sales rose 5 percent. => 5 percent period=2020

[period test-after]
role = anaphor
offset = -1
pattern = (?:\bthe|\bone)\s+twelvemonth\s+before\b
example = In 2021 sales grew. The twelvemonth before, sales rose 5 percent. => 5 percent period=2020
RULES
ok "rules: date phrases inside and at the start of words" "$FIGTRACK" rules test --rules "$tmp/r"
has "rules: both boundary examples ran" "$tmp/out" " passed, 0 failed"

# the subject lexicon ({SUBJECT}) is compiled once and called through a
# stub (src/lexicon.c): `rules sizes` counts the patterns with the stub,
# none under FIGTRACK_LEXICON=inline, and the claims of the development
# articles are the same either way
if [ -z "${FIGTRACK_NO_JIT:-}" ]; then
	ok "rules: sizes" "$FIGTRACK" rules sizes
	grep '^topics-flows.rules ' "$tmp/out" > "$tmp/flows"
	has "rules: sizes by rule file" "$tmp/flows" " with the stub)"
	hasnt "rules: flow patterns call the subject lexicon" "$tmp/flows" \
	    "(0 with the stub)"
	FIGTRACK_LEXICON=inline "$FIGTRACK" rules sizes > "$tmp/inline"
	has "rules: inline: no stub" "$tmp/inline" "(0 with the stub)"
	set -- "$top"/tests/corpus/news/*.md
	"$FIGTRACK" extract -j 1 "$@" > "$tmp/called" 2>&1
	FIGTRACK_LEXICON=inline "$FIGTRACK" extract -j 1 "$@" > "$tmp/held" 2>&1
	same "rules: the lexicon called or held, the same claims" \
	    "$tmp/called" "$tmp/held"
fi
