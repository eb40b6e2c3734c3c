#!/bin/sh
# t0032-corpus.sh: figtrack eval over the development corpus
# (tests/corpus/news: real articles retold, every numeric phrase kept, a
# hand-checked gold file each). Prints the per-document and summed scores
# and holds them at the floors below: each floor is what the rules reached
# when it was last raised, less a small margin, so that a rule change that
# loses ground fails here. The labels and quantities issues set the aims
# (value+unit F1 0.95, period 0.90, metric 0.85, series key 0.80).
. "$(dirname "$0")/lib.sh"
corpus=$top/tests/corpus/news
ok "corpus: eval runs" "$FIGTRACK" eval --corpus "$corpus"
sed 's/^/# /' "$tmp/out"
score() { sed -n "s/^$1 *\([0-9.]*\).*/\1/p" "$tmp/out" | head -1; }
at_least() {
	if awk -v a="$2" -v b="$3" 'BEGIN { exit !(a + 0 >= b + 0) }'; then
		pass "corpus: $1 $2 >= $3"
	else
		fail "corpus: $1 $2 fell below $3"
	fi
}
f1=$(sed -n 's/^value+unit .* F1 \([0-9.]*\).*/\1/p' "$tmp/out")
# The floors are over the 77 documents: the 65 tuned on, and 12 fresh
# held-out articles (issues 12 and 16) whose gold was written before
# figtrack ran on them. The 12 alone, first run: F1 0.907, period 0.547,
# metric 0.495, entity 0.819, partner 0.867, series key 0.457; after the
# quantities and labels their misses showed: F1 0.994, metric 0.952,
# entity 0.981, partner 0.971, series key 0.952, period 0.520 (they date
# figures by "last month", list items headed by a year, a run of
# quarters, a weekly index's day).
# On the 65 alone, when the periods work (decisions of the publication
# month, a title's date for the present, months given in brackets,
# comparison bases' own dates, lists of dated figures, agreed goals and
# outlooks) and the actors work (shares and their suppliers, flows by
# pronoun, the holder of a flow before, world output) met: period 0.900,
# period_kind 0.904, metric 0.916, entity 0.967, partner 0.937, series
# key 0.904.
# All 77 when raised, after the rest of the actors work (parts "of the"
# total, "While ..., " clauses, figures in brackets after a name): F1
# 0.994, period 0.819, period_kind 0.912, metric 0.938, entity 0.973,
# partner 0.948, series key 0.929.
# Then 10 more fresh ones (issues 12 and 16, second measurement; gold
# written before figtrack ran on them). The 10 alone, first run: F1
# 0.863, period 0.632, period_kind 0.966, metric 0.619, entity 0.929,
# partner 0.548, series key 0.476. All 87 then: F1 0.977, period 0.795,
# period_kind 0.919, metric 0.878, entity 0.964, partner 0.881, series
# key 0.847.
# After the fixes their misses showed (a percent sign before the number,
# 'up to' after a change, list items with flows of their own, arrivals,
# goods counted in tonnes, a flow's receiver and holder, sold ... for,
# '$79,000 to $3.2 million'), the 10: F1 0.908, period 0.633,
# period_kind 0.967, metric 0.747, entity 0.954, partner 0.632, series
# key 0.609; all 87: F1 0.983, period 0.795, period_kind 0.919, metric
# 0.897, entity 0.968, partner 0.894, series key 0.867.
# Then the fresh 12's period misses, by general grammar (a year opening a
# list item, "this week", a month before its noun, "in the first two
# months", a comparison base's own date no year for a later month, a
# list passing its date on, a table's one period column): the 12 alone
# period 0.520 -> 0.971, period_kind 0.942 -> 0.954; all 77 period 0.820
# -> 0.918, period_kind 0.912 -> 0.917, the rest unchanged.
# On the 10 of the second fresh set, which those period rules never saw:
# period 0.633 -> 0.725.
# Then 8 more held-out articles on subjects no rule was written for
# (gasoline prices, nuclear construction, kharif sowing in lakh hectares,
# a railway's cost in rupiah, housing starts, a transfer fee, infant
# mortality, rainfall), gold written first. The 8 alone, first run: F1
# 0.730 (P 0.761, R 0.701), period 0.446, negatives 4 of 18; after the
# units, rates and exclusions of issue 16: F1 0.947, negatives 0;
# period 0.467 (dated by "on Monday", "so far this season", a financial
# year, "two years ago").
# All 95 merged: F1 0.981, period 0.861, period_kind 0.919, metric
# 0.907, entity 0.970, partner 0.895, series key 0.876.
# Then the periods of those two sets (fiscal quarters "Q1 2022-23", "the
# April-June quarter of 2020", bases "on January of the previous year",
# "over June", "in contrast to ... in January", "more than expected in
# February", "on Monday", present-tense facts after "As of February
# 2025", "the first week of the month", "the 2023/2024 financial
# year"): the 10 period 0.725 -> 0.783, the 8 0.467 -> 0.667; all 95
# period 0.861 -> 0.883, the rest unchanged.
# Then the session's final held-out set: 8 articles (EU imports of
# Russian LNG twice, China-Russia trade in two first quarters, Russia's
# oil revenue, China's vehicle exports, Russia's wheat forecast, India's
# inflation), gold written first, no rule tuned on them (kept as a check
# for the next session). The 8 alone: F1 0.921 (P 0.953, R 0.891),
# period 0.869, period_kind 0.869, metric 0.491, entity 0.745, partner
# 0.836, series key 0.473, negatives 2 of 9. All 103, the floors below
# (lowered by the 8's misses, not by any rule change): F1 0.976, period
# 0.862, period_kind 0.915, metric 0.867, entity 0.948, partner 0.890,
# series key 0.838.
# With those period rules merged (which never saw the final 8: their
# period 0.869 -> 0.893), all 103: F1 0.976, period 0.884, period_kind
# 0.915, metric 0.867, entity 0.948, partner 0.890, series key 0.838.
# Then the corpus grew by 8 articles on other subjects (power output,
# LNG, a wheat harvest, car registrations, a key rate, port throughput,
# mining output, a federal budget), gold written first; the 8 alone,
# first run: F1 0.872, period 0.600, period_kind 0.835, metric 0.519,
# entity 0.444, partner 0.926, series key 0.259, negatives 0 of 16. All
# 111 (the floors below lowered by the 8's misses, not by any rule
# change), with a table caption's plural scale "(billions of dollars)"
# read: F1 0.979, period 0.863, period_kind 0.909, metric 0.852, entity
# 0.926, partner 0.891, series key 0.812.
# Then the fixes the 8 showed (US fiscal years, a caption's plural scale,
# quarters named by their last month, the day a rate takes effect,
# hedged outlooks, a firm introduced by what it is, gold in ounces, the
# world's flows, siblings in a list, the quarter before): the 8 alone F1
# 0.988, period 0.965, period_kind 0.965, metric 0.815, entity 0.926,
# partner 1.000, series key 0.815; all 111: F1 0.980, period 0.890,
# period_kind 0.924, metric 0.865, entity 0.947, partner 0.895, series
# key 0.837.
# Then the corpus grew by the 10 trade articles of the fifth fresh set
# (China-Russia trade, cars and crude; Korea-China, Turkey's Russian gas,
# US-China, EU pipeline gas, India's Russian oil), gold written first.
# The 10 alone, first run: F1 0.981, period 0.758, period_kind 0.984,
# metric 0.512, entity 0.802, partner 0.579, series key 0.455, negatives
# 0 of 8. All 113, the floors below (lowered by the 10's misses, not by
# any rule change; the quantities work since raised F1 to 0.984): F1
# 0.984, period 0.871, period_kind 0.923, metric 0.806, entity 0.923,
# partner 0.836, series key 0.772.
# Then the metric, entity and partner causes of the fifth fresh set
# (suppliers named once and carried to lists and later sentences, shares
# naming the supplier first, two-way trade in other words, a paragraph's
# own actor, flows said by their sender into one receiver, goods counted
# in units, imports named by where they go): the 10 alone metric 0.512 ->
# 0.975, entity 0.802 -> 0.975, partner 0.579 -> 0.983, series key 0.455
# -> 0.967; all 113: F1 0.985, period 0.871, period_kind 0.923, metric
# 0.889, entity 0.953, partner 0.906, series key 0.863.
# Its period misses by general grammar (an equal comparison's base "as a
# year earlier", "this past quarter", a look back "had met" dating no
# later paragraph, a lead line passing its paragraph's date to its list,
# "against a low base in early 2020", a record "since the second quarter
# of 2015", a past figure of the title's "in January", "Over 2023", the
# base of "half the $18.27 billion"): the 10 alone period 0.760 -> 1.000.
# All merged, 121 articles: F1 0.997, period 0.934, period_kind 0.950,
# metric 0.936, entity 0.974, partner 0.951, series key 0.925, negatives
# 0 of 232 (period 0.937 once only a lead line passes on the date of
# the paragraph before); the floors are those less 0.005.
# Then the final 8's last metric, entity and partner misses (a count
# ending in a scale word, a forecast's output): the 8 alone metric
# 0.903 -> 0.968, series key 0.855 -> 0.952.
# All 121 with every branch of the session merged: F1 0.997, period
# 0.939, period_kind 0.950, metric 0.946, entity 0.978, partner 0.953,
# series key 0.935, negatives 0 of 232; the floors are those less 0.005.
# Then the corpus grew by the two sets held out to the end of session
# 20, scored there before they joined (gold written first, no rule tuned
# on them but one, said in SOURCES.md): the seventh (8 articles, other
# subjects: F1 0.864 -> 0.905, period 0.688 -> 0.796 over the session)
# and the eighth (10 trade articles: F1 0.953 -> 0.983, metric 0.636 ->
# 0.710, series key 0.505 -> 0.607). All 139: F1 0.990, period 0.927,
# period_kind 0.948, metric 0.908, entity 0.954, partner 0.930, series
# key 0.886, negatives 2 of 273; the floors, lowered by the 18's misses
# and not by any rule change, are those less 0.005.
# Then the quantities and periods of other subjects (session 21: bare
# large counts carried over changes and years, rates carried along a
# series, rank moves, the months so far of "the eleven months period of
# this year", budgets and contract prices for a coming year, a time's
# possessive base, the level a run of years ends at, a figure set
# "after" another): the seventh set alone F1 0.905 -> 1.000, period
# 0.796 -> 0.981, period_kind 0.892 -> 1.000; all 139: F1 0.996, period
# 0.943, period_kind 0.962, negatives 0 of 273, the rest unchanged.
# Then the ninth fresh set joined (session 21: 10 articles on Russia's
# trade, gold first, scored untuned before any rule saw them: F1 0.871,
# period 0.809, metric 0.622, entity 0.766, partner 0.577, series key
# 0.495). All 149: F1 0.981, period 0.918, period_kind 0.947, metric
# 0.875, entity 0.933, partner 0.889, series key 0.841, negatives 2 of
# 291; the floors, lowered by the 10's misses and not by any rule
# change, are those less 0.005.
# With the first rule merges of session 21 (tradeq, otherq, ninthl), the
# tenth (8 other subjects) and eleventh (10 trade, no Russia) fresh sets
# joined after their untuned first runs (in SOURCES.md). All 167: F1
# 0.982, period 0.914, period_kind 0.955, metric 0.920, entity 0.964,
# partner 0.931, series key 0.901, negatives 2 of 328; floors those less
# 0.005.
# Then the ninth set's quantity and period causes (a slash opening an
# aside, figures in two scales, a verb far from its "by", "compares
# with", "well below", an outlook's "high of", "in late April", a
# "-by-2025 target", "the past two years", a run of days in brackets):
# the 10 alone F1 0.883 -> 1.000, period 0.965 -> 0.983, period_kind
# 0.983 -> 1.000; all 167: F1 0.982 -> 0.989, period 0.924 -> 0.925,
# period_kind 0.959 -> 0.960; floors those less 0.005.
# Then ninthl's last fixes (a flow by weight after an amount by weight,
# 'totaled' is no 'total', the kinds of mineral fertilizer): all 167
# metric 0.922, entity 0.965, partner 0.935, series key 0.906, the rest
# unchanged; floors those less 0.005.
# Then the trade metric, entity and partner causes of the eighth set and
# the corpus (goods named by a verb of trade, a list's lead line or the
# sentence's flow before; car parts, tyres, iron and steel; a country's
# "trade with" its partners in a list; suppliers ranked with their share;
# "arrived in"; the reporter of the flows the other way; the total of a
# flow said after it): the 10 alone metric 0.710 -> 1.000, entity 0.785
# -> 0.991, partner 0.766 -> 1.000, series key 0.607 -> 0.991; all 139:
# metric 0.951, entity 0.981, partner 0.967, series key 0.941, the rest
# unchanged; the floors are those less 0.005.
# With tradeq merged as well, all 167: F1 0.989, period 0.932, period_kind
# 0.963, metric 0.922, entity 0.965, partner 0.938, series key 0.909;
# floors those less 0.005.
# elevl (the eleventh set's subject words, earned/spent flows, shares of
# a buyer and "the share", twins, changes after an unlabelled amount):
# the ten alone metric 0.596 -> 0.820, entity 0.764 -> 0.921, partner
# 0.551 -> 0.742, series key 0.506 -> 0.719; all 167 metric 0.938, entity
# 0.978, partner 0.947, series key 0.919, the rest unchanged.
# The tenth and eleventh sets' quantities and periods (tenthq): the tenth
# F1 0.923 -> 0.976, period 0.790 -> 0.951; the eleventh F1 0.942 ->
# 1.000, period 0.847 -> 0.928. All 167 (with main at f9ee8c9): F1 0.988,
# period 0.934, period_kind 0.959, negatives 0 of 328, the rest
# unchanged. Merged with main at f84cf3a (elevl): F1 0.995, period
# 0.945, period_kind 0.963, metric 0.940, entity 0.978, partner 0.953,
# series key 0.926; floors those less 0.005.
# With every branch of session 21 merged, all 167: F1 0.995, period 0.945,
# period_kind 0.963, metric 0.940, entity 0.978, partner 0.953, series key
# 0.926, negatives 0 of 328. Then the twelfth (10 trade) and thirteenth (8
# other subjects) fresh sets joined, held out to the end and scored there
# (SOURCES.md: metric 0.536 -> 0.560 and series key 0.429 -> 0.429 on the
# twelfth over the session; F1 0.877 -> 0.892, period 0.706 -> 0.729 on
# the thirteenth). All 185: F1 0.991, period 0.932, period_kind 0.961,
# metric 0.913, entity 0.958, partner 0.933, series key 0.890, negatives
# 10 of 369; the floors, lowered by the 18's misses and not by any rule
# change, are those less 0.005.
# actorl (session 22: a country named only as where goods go or come
# from is no reporter nor carried; a holder named only as a source hands
# none on; regions; "those to X"; asides after a flow; decimal points in
# a sentence; states and provinces from ISO 3166-2): the twelfth alone
# entity 0.702 -> 0.869, partner 0.667 -> 0.786, series key 0.429 ->
# 0.560, metric 0.560 -> 0.571; all 185: metric 0.914, entity 0.973,
# partner 0.944, series key 0.902, the rest unchanged; floors those less
# 0.005.
# Then quantl (session 22: the quantities and non-claims the thirteenth
# set's writers listed, fixed as classes: a bare range names a group,
# bounds and ranges that name a class, ages, the base after "per",
# thresholds in a relative clause, durations that only date, counts at
# an annual rate, a direction down a list of groups, a bracketed count
# after its noun): the thirteenth alone F1 0.892 -> 1.000 (P 0.846 ->
# 1.000), negatives 8 -> 0 of 22; the twelfth F1 0.977 -> 0.995,
# negatives 2 -> 0 of 19. All 185: F1 0.991 -> 0.997, negatives 10 -> 0
# of 369, the rest unchanged; F1 floor that less 0.005, and no negative
# may come back.
# goodsl (goods lexicon from the Harmonized System, goods in flows: "and
# exports of X", "X exports and Y exports ... respectively", "X came
# first with", goods as the subject of the change): metric 0.913 ->
# 0.925, series key 0.890 -> 0.899, the rest unchanged (the twelfth
# alone: metric 0.560 -> 0.679, series key 0.429 -> 0.500, partner 0.667
# -> 0.655: an IC row takes the holder's partner, its entity wrong).
# periodl (session 22): a country's fiscal year from its money ("Rs",
# "crore": India's), a pair of whole years ("2021-2022") as India names its
# fiscal years, a run of months of a fiscal year ("the April-February
# period of this fiscal", "April-February 2016"), the fiscal year so far
# ("(up to February 2023)"), budget estimates observed: all 185 period
# 0.932 -> 0.945, period_kind 0.961 -> 0.964; the twelfth period 0.843 ->
# 0.944, the thirteenth period 0.729 -> 0.943, period_kind 0.857 -> 0.929.
# Then a base named by its year and noun ("below 2023's increase of 1.9
# percent", "down 2% from the total in 2017"): all 185 period 0.947,
# period_kind 0.965; the thirteenth period 1.000, period_kind 0.971.
# Then outlooks told late ("forecasts did expect a rise to 8,6 percent",
# "would rise", "is projected to peak in February" in December: the next
# February): period_kind 0.967; the thirteenth period_kind 1.000.
# Then a change "from December 2020 to January 2021" or "between November
# and December" is of the later month: period 0.950. Then "compared to
# the previous year" and "Year on year, ... rose from 2.6% to 3.9% in
# July" as bases: period 0.951; the twelfth 0.944 -> 0.963.
# All four and the lead's (currencies, lists of markets, a buyer's share
# of its goods, tables of exports by destination, output named before
# its goods) merged: F1 0.997, period 0.951, period_kind 0.967, metric
# 0.928, entity 0.973, partner 0.946, series key 0.914; floors those
# less 0.005.
# Then the three sets held out this session (fourteenth: 10 trade
# articles; fifteenth: 8 on other subjects; sixteenth: 8 mixed; scored
# on the session's first and last trees, see SOURCES.md) joined: all
# 211 F1 0.993, period 0.929, period_kind 0.960, metric 0.896, entity
# 0.955, partner 0.918, series key 0.875, negatives 4 of 443 (the
# fourteenth's durations and a plan's name); floors those less 0.005,
# and no more negatives hit than that.
# Session 23's two held-out sets (seventeenth: 10 trade articles;
# eighteenth: 9 mixed) joined after their first run on the session's
# first tree: all 230 F1 0.986, period 0.910, period_kind 0.957, metric
# 0.861, entity 0.942, partner 0.903, series key 0.836, negatives 7 of
# 491; floors those less 0.005 (raised as the session fixes them).
# The session's label fixes (a record's event, "until May", buyers'
# shares, lists of goods under a lead line naming both sides, "the
# volume" and "the annual total" naming a flow again, "X-bound exports",
# stretches "over 8.5 months") and the nineteenth set (10 articles, held
# out, first run on edc0da4) joined: all 240 F1 0.984, period 0.917,
# period_kind 0.958, metric 0.867, entity 0.953, partner 0.911, series
# key 0.842, negatives 5 of 501; floors those less 0.005.
# Session 24: the 20th (10 trade), 21st (10 other subjects) and 22nd (10
# mixed) fresh sets, written gold first on 64cbc34 and scored there
# untuned (first runs in the closing note of issue 12), joined after
# the session's first label and quantity fixes (84acf32): all 270 F1
# 0.985, period 0.903, period_kind 0.949, metric 0.862, entity 0.943,
# partner 0.889, series key 0.822, negatives 10 of 584; floors those
# less 0.005, and no more negatives than that.
# Then the 23rd (10 trade) and 24th (10 other subjects), written gold
# first on 84acf32 and scored there untuned (closing note of issue 12),
# joined with the session's fixes since: all 290 F1 0.982, period 0.890,
# period_kind 0.945, metric 0.852, entity 0.935, partner 0.881, series
# key 0.806, negatives 14 of 632; floors those less 0.005. Then budget
# years, told seasons, a change's month after "after": period 0.901
# (floor 0.896), the rest unchanged.
# Session 25: the 25th (10 trade), 26th (10 other subjects) and 27th (10
# mixed) fresh sets, written gold first on 2f99aa2 and scored there
# untuned (closing note of issue 12), joined as they were: all 320 F1
# 0.980, period 0.879, period_kind 0.942, metric 0.826, entity 0.918,
# partner 0.866, series key 0.776, negatives 19 of 706; floors those
# less 0.005, and no more negatives than that.
# Then the session's label, period and quantity fixes (each class as
# general grammar with examples): all 320 F1 0.981, period 0.891,
# period_kind 0.945, metric 0.848, entity 0.934, partner 0.884, series
# key 0.805, negatives 19 of 706; floors those less 0.005.
at_least "value+unit F1" "$f1" 0.976
neg=$(sed -n 's/^negatives hit *\([0-9]*\) of.*/\1/p' "$tmp/out")
if [ "${neg:-99}" -le 19 ]; then
	pass "corpus: negatives hit $neg <= 19"
else
	fail "corpus: negatives hit ${neg:-none}, above 19"
fi
at_least "period" "$(score period)" 0.886
at_least "period_kind" "$(score period_kind)" 0.940
at_least "metric" "$(score metric)" 0.843
at_least "entity" "$(score entity)" 0.929
at_least "partner" "$(score partner)" 0.879
at_least "series key" "$(score 'series key')" 0.800
eq "corpus: 320 documents" "$(grep -c '^320 documents$' "$tmp/out")" 1
# a document without its gold file, or a corpus of none, is an error
status "corpus: empty folder is exit 2" 2 "$FIGTRACK" eval --corpus "$tmp"
has "corpus: says why" "$tmp/err" "no NAME.gold.csv files"
printf 'line,quote\n' > "$tmp/lone.gold.csv"
status "corpus: gold without a document is exit 2" 2 "$FIGTRACK" eval --corpus "$tmp"
has "corpus: names the gold file" "$tmp/err" "lone.gold.csv: no document beside it"
status "corpus: --corpus with a FILE is a usage error" 2 "$FIGTRACK" eval --corpus "$corpus" x.txt
