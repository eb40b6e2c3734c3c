#!/bin/sh
# t0034-periods.sh: periods a document's head decides, which the rule
# files' one-sentence examples cannot show: the date a title names,
# the day of publication.
. "$(dirname "$0")/lib.sh"

# period DOC QUOTE: the period of the claim whose quote is QUOTE
period() { "$FIGTRACK" extract "$1" | awk -F, -v q="$2" '$3 == q { print $9 }'; }

# a present tense takes the date the title gives the news of, not the
# year of publication
cat > "$tmp/irena.md" <<'DOC'
---
title: IRENA counts 345.5 GW of new solar capacity in 2023
date: 2024-03-28
---

Asia as a whole has 237.7 GW of installed capacity.
DOC
eq "periods: a present tense takes the title's date" "$(period "$tmp/irena.md" "237.7 GW")" 2023
# a fiscal year of the title's country
cat > "$tmp/fy.md" <<'DOC'
---
title: India's fiscal deficit for 2020-21 at 9.3% of GDP
date: 2021-05-31
---

In absolute terms, the fiscal deficit works out to be 18 lakh crore rupees.
DOC
eq "periods: a title's fiscal year" "$(period "$tmp/fy.md" "18 lakh crore rupees")" 2020-04/2021-03
# a title's date long before publication, or a goal, is no news of now
sed 's/in 2023/in 2015/' "$tmp/irena.md" > "$tmp/old.md"
eq "periods: an old title date is not the present" "$(period "$tmp/old.md" "237.7 GW")" 2024
sed 's/in 2023/by 2030/' "$tmp/irena.md" > "$tmp/goal.md"
eq "periods: a title's deadline is not the present" "$(period "$tmp/goal.md" "237.7 GW")" 2024
# with no date in the title, the year of publication
sed 's/ in 2023//' "$tmp/irena.md" > "$tmp/none.md"
eq "periods: no title date" "$(period "$tmp/none.md" "237.7 GW")" 2024

# a change on "the same period last year" is of the period the text named
# last, a paragraph back too
cat > "$tmp/same.md" <<'DOC'
---
title: Italy's electricity consumption
date: 2023-11-28
---

In January-October 2023 consumption fell by 3.2%.

The industrial index shows a fall of 3.3% on the same period of last year.
DOC
eq "periods: a change on the same period" "$(period "$tmp/same.md" "a fall of 3.3%")" 2023-01/2023-10

# a time before the one reported, alone in its paragraph, dates nothing
# of the next paragraph: the news comes back from it
cat > "$tmp/back.md" <<'DOC'
---
title: India's fiscal deficit stays in check
date: 2025-11-01
---

In the first half of the previous fiscal year, the deficit was 29.4% of the target.

Along with the jump in capex came a modest 2.8% rise in gross tax collections.
DOC
eq "periods: a time looked back to is no next paragraph's" "$(period "$tmp/back.md" "2.8% rise")" ""
eq "periods: ... but its own" "$(period "$tmp/back.md" "29.4%")" 2024-04/2024-09

# a list item opening with its year ("- 2016: ...") is of that year, not
# of its lead line's date
cat > "$tmp/items.md" <<'DOC'
---
title: Russia-China trade in the first quarter
date: 2020-04-14
---

In March alone, trade reached $ 8.091 billion.

Bilateral turnover in the preceding years, against the year before:
- 2016: increased by 2.2% year-on-year and reached $ 69.52 billion;
- 2017: increased by 20.8%, to $ 84.07 billion.
DOC
eq "periods: a list item's own year" "$(period "$tmp/items.md" "increased by 2.2%")" 2016
eq "periods: ... each item's" "$(period "$tmp/items.md" "\$ 84.07 billion")" 2017

# a weekly index: "this week" is the day of publication, which a present
# tense takes from the title too, and a list under a lead line dated so
cat > "$tmp/week.md" <<'DOC'
---
title: Drewry's World Container Index up 15 percent this week
date: 2024-01-11
---

The index is 44 percent higher than in the same week last year.

Rates on the main routes this week:
- Shanghai to Genoa increased by 25 percent to $5,213 per FEU.
DOC
eq "periods: a present tense takes the title's week" "$(period "$tmp/week.md" "44 percent higher")" 2024-01-11
eq "periods: items under a lead line of this week" "$(period "$tmp/week.md" "increased by 25 percent")" 2024-01-11

# a lead line and its list are one wire paragraph: the date they set
# dates the next paragraph's figures, which name none
cat > "$tmp/list.md" <<'DOC'
---
title: South Korea's trade with Russia
date: 2023-02-22
---

Korea's exports to Russia plunged 36.6 percent to $6.33 billion in 2022 from $9.98 billion in 2021, a smaller fall than that of others:
- U.S. exports to Russia tumbled 73.2 percent;
- Britain's fell 63.7 percent.

Turkey's exports to Russia, however, surged 55.1 percent.
DOC
eq "periods: a list passes its lead line's date on" "$(period "$tmp/list.md" "surged 55.1 percent")" 2022

# a month or run without a year in a paragraph of its own is of the
# latest one by publication when the document last named a whole year
# (news steps back to a past year and returns to the news), but of the
# year of the part it last named
cat > "$tmp/part.md" <<'DOC'
---
title: Russia-China trade up 1.7 pc in January-February
date: 2019-03-08
---

Trade rose by 1.7 percent to $16.04 billion in January-February 2019.

In 2018 bilateral trade came to $108.3 billion.

Trade between China and the United States dropped by 19.9 percent in January-February.
DOC
eq "periods: a run after a past year is the latest" "$(period "$tmp/part.md" "dropped by 19.9 percent")" 2019-01/2019-02
sed 's/^In 2018 bilateral/In October 2018 bilateral/' "$tmp/part.md" > "$tmp/part2.md"
eq "periods: ... after a part of a year, of its year" "$(period "$tmp/part2.md" "dropped by 19.9 percent")" 2018-01/2018-02

# a day of the week is the month of the latest such day by the date in
# the head (a Wednesday's "on Monday" two days into April is of March)
cat > "$tmp/day.md" <<'DOC'
---
title: Urals falls to a two-decade low
date: 2020-04-01
---

On Monday, the price of Urals fell to $13 per barrel.
DOC
eq "periods: a weekday is its day's month" "$(period "$tmp/day.md" '$13 per barrel')" 2020-03
sed 's/^date: 2020-04-01/date: 2020-04/' "$tmp/day.md" > "$tmp/day2.md"
eq "periods: ... the month of publication without a day" "$(period "$tmp/day2.md" '$13 per barrel')" 2020-04

# a present tense after a wire paragraph dated by a month of the
# publication year takes that month
cat > "$tmp/asof.md" <<'DOC'
---
title: China and Russia lead nuclear reactor construction
date: 2025-02-28
---

As of February 2025, a total of 62 nuclear reactors were under construction.

China is responsible for nearly half of this capacity, contributing over 33 GW.
DOC
eq "periods: a present tense after 'As of February 2025'" "$(period "$tmp/asof.md" 'over 33 GW')" 2025-02

# a paragraph nothing dates, after one of two sentences: the date the
# first paragraph gave the news (a month, a quarter), not none; not for
# a goal's figure
cat > "$tmp/lead.md" <<'DOC'
---
title: Brazil's steel output falls
date: 2024-05-02
---

Brazil's steel output fell 3 percent in March, figures showed on Monday.

Output fell 2.1 percent on the month. Analysts had forecast a smaller fall.

The decline was led by a 4.5 percent drop in flat steel.

The producers said the new target was 40 million tonnes a year.
DOC
eq "periods: the lead's month dates an undated paragraph" \
    "$(period "$tmp/lead.md" "4.5 percent drop")" 2024-03
eq "periods: not a goal's figure" \
    "$(period "$tmp/lead.md" "40 million tonnes a year")" ""
cat > "$tmp/leadq.md" <<'DOC'
---
title: Japan's chip exports rise
date: 2024-05-02
---

Japan's chip exports rose 8% in the first quarter, the ministry said.

Shipments to China rose 3%. Those to Korea fell.

That was only slightly more than exports to the United States, which totalled 1.2 trillion yen.
DOC
eq "periods: the lead's quarter dates an undated paragraph" \
    "$(period "$tmp/leadq.md" "1.2 trillion yen")" 2024-Q1
# a present tense several paragraphs after a lead of news of the day
# ("on Monday") takes the lead's month, as the paragraph after it does
cat > "$tmp/leadday.md" <<'DOC'
---
title: Diesel prices climb
date: 2024-03-11
---

The average price of diesel in France stood at 1.85 euros a litre on Monday, the ministry said.

That is two cents more than a week ago. Prices fell in January.

Drivers in three regions currently pay more than 1.90 euros a litre.
DOC
eq "periods: the lead's day of news dates a later present tense" \
    "$(period "$tmp/leadday.md" "more than 1.90 euros a litre")" 2024-03
# a table no header or caption dates, in news of a month: that month
cat > "$tmp/leadtable.md" <<'DOC'
---
title: Spain's retail sales slow
date: 2024-05-02
---

Spain's retail sales rose less than expected in March, the statistics office said.

Sales rose 0.3 percent on the month. Economists had looked for more.

By sector, month on month:

| Sector | Change, % |
|---|---|
| Food | +0.4 |
| Fuel | -1.2 |
DOC
eq "periods: a table in news of a month" \
    "$(period "$tmp/leadtable.md" "-1.2")" 2024-03
# a paragraph with neither figure nor date passes no date on: after it,
# the news's own month, not the run the paragraph before named
cat > "$tmp/leadskip.md" <<'DOC'
---
title: Korea's exports beat forecasts
date: 2024-07-02
---

Korea's exports rose by 8.5% in June from the same month last year, the ministry said on Monday.

Exports for January-June rose 9.1% to US$334.8 billion.

The ministry put the increases down to demand for chips.

Exports of cars rose 3.2% and those of ships 15.4%.
DOC
eq "periods: no date passed through a paragraph without figures" \
    "$(period "$tmp/leadskip.md" "15.4%")" 2024-06
# a first paragraph with no date: the second's is the lead's
cat > "$tmp/leadsecond.md" <<'DOC'
---
title: Trade with Kazakhstan grows
date: 2023-03-01
---

Under sanctions Russia is reshaping its trade.

Trade between Russia and Kazakhstan reached 1.97 billion dollars in January of this year.

Russia's imports of machinery rose the most.

Russia's exports to Kazakhstan, by contrast, fell by 0.5 percent year on year, to 1.1 billion dollars.
DOC
eq "periods: the second paragraph's date when the first has none" \
    "$(period "$tmp/leadsecond.md" "1.1 billion dollars")" 2023-01
# news of a decision (no date in the lead): the month of publication
# for the present tense of later paragraphs
cat > "$tmp/leadevent.md" <<'DOC'
---
title: Spain awards solar contracts
date: 2024-06-20
---

The Spanish government has awarded contracts to four solar projects in its third auction.

The winners are the 400MW Alpha farm and the 300MW Beta farm, according to the ministry.

The projects are set to generate over 1GW of electricity.
DOC
eq "periods: news of a decision dates a later present tense" \
    "$(period "$tmp/leadevent.md" "over 1GW")" 2024-06
# a report's first paragraph of several sentences is no news lead
cat > "$tmp/leadreport.md" <<'DOC'
---
title: Trade review
date: 2025-01-14
---

Trade in 2024 grew 1.9%. It was a record.

Analysts were surprised. Some had expected a fall.

Exports rose 4.1%.
DOC
eq "periods: no lead date in a report" \
    "$(period "$tmp/leadreport.md" "rose 4.1%")" ""
# the news's own time a year back is a comparison's: it dates no later
# paragraph, nor what "during the period" recalls
cat > "$tmp/yearback.md" <<'DOC'
---
title: Brazil's imports from China rise
date: 2024-08-10
---

Brazil's imports from China rose 20 per cent to USD 30 billion in January-June this year, the ministry said.

The imports were USD 25 billion in January-June 2023.

Imports from other suppliers fell:

- from the US, to USD 21 billion during the period against USD 23 billion a year ago;
DOC
eq "periods: a year before the news dates no later paragraph" \
    "$(period "$tmp/yearback.md" "USD 21 billion")" 2024-01/2024-06
# so is the whole year before the news's
cat > "$tmp/yearback2.md" <<'DOC'
---
title: Chile's imports from China
date: 2024-07-14
---

China's share of Chile's imports rose to 31% in the first half of 2024, the bank said.

In 2023, the second place was held by the United States (19%).

Clients imported machinery (a 7.5-fold increase) and textiles (a 20% increase).
DOC
eq "periods: the year before the news's dates no later paragraph" \
    "$(period "$tmp/yearback2.md" "20% increase")" 2024-H1

# a quarter named by the month it ends with (group qend): a calendar
# quarter, else a run of three months; without a year, the latest such
# quarter by publication, and "a year earlier" the same quarter before
cat > "$tmp/qend.md" <<'DOC'
---
title: Miners report quarterly output
date: 2024-01-25
---

Fortescue shipped 49 million tonnes of iron ore in the quarter ended in December, up from 47.7 million tonnes a year earlier.

Fonterra collected 1.2 billion litres of milk in the three months to November, against 1.1 billion litres in the August quarter.

Wesfarmers' sales rose 3% in the quarter ended 30 November 2022.
DOC
eq "periods: 'the quarter ended in December'" "$(period "$tmp/qend.md" '49 million tonnes')" 2023-Q4
eq "periods: ... 'a year earlier' is its quarter a year back" "$(period "$tmp/qend.md" '47.7 million tonnes')" 2022-Q4
eq "periods: 'the three months to November'" "$(period "$tmp/qend.md" '1.2 billion litres')" 2023-09/2023-11
eq "periods: 'the August quarter'" "$(period "$tmp/qend.md" '1.1 billion litres')" 2023-06/2023-08
eq "periods: 'the quarter ended 30 November 2022'" "$(period "$tmp/qend.md" 'rose 3%')" 2022-09/2022-11

# "over the last three months" (a relative phrase with a group months):
# the months before the month of publication, across a new year too
cat > "$tmp/lastn.md" <<'DOC'
---
title: Prices in Chile
date: 2024-02-09
---

Over the last three months, Chile's consumer prices rose 1.1% on average.

Copper exports grew 6% in the past six months.
DOC
eq "periods: 'over the last three months'" "$(period "$tmp/lastn.md" 'rose 1.1%')" 2023-11/2024-01
eq "periods: 'in the past six months'" "$(period "$tmp/lastn.md" 'grew 6%')" 2023-08/2024-01

# "the previous quarter" (an anaphor with step = quarter): the quarter
# before the one named last
cat > "$tmp/prevq.md" <<'DOC'
---
title: Gold miners
date: 2024-02-15
---

Barrick produced 1.05 million ounces in the fourth quarter of 2023, against 1.01 million ounces in the three months immediately prior.
DOC
eq "periods: 'the three months immediately prior'" "$(period "$tmp/prevq.md" '1.01 million ounces')" 2023-Q3

# a look back ([cue lookback]: "had supplied", "before the pandemic") to a
# time before the one the text named last dates no later paragraph, nor
# gives its year to a month named later: the date before it goes on
cat > "$tmp/lookback.md" <<'DOC'
---
title: Japan's LNG imports from Australia rise in May
date: 2023-06-20
---

Japan's LNG imports from Australia rose 8% in May.

In May 2022, Australia had supplied only 35% of Japan's LNG.

Malaysia came second, with 1.1 million tonnes.

Japan's total LNG imports in May came to 5.2 million tonnes.
DOC
eq "periods: a look back is no next paragraph's date" "$(period "$tmp/lookback.md" "1.1 million tonnes")" 2023-05
eq "periods: ... but its own" "$(period "$tmp/lookback.md" "35%")" 2022-05
eq "periods: ... nor the year of a later month" "$(period "$tmp/lookback.md" "5.2 million tonnes")" 2023-05
cat > "$tmp/lookback2.md" <<'DOC'
---
title: Chile's copper exports to China rise in March
date: 2024-04-15
---

Chile's copper exports to China rose 9% in March.

Before the pandemic, in March 2019, China took 40% of Chile's copper.

Exports to Japan in March fell 3%.
DOC
eq "periods: a time before an event looked back to" "$(period "$tmp/lookback2.md" "fell 3%")" 2024-03
# so is the event a record or a first is measured against ("since the
# ... drop in"): the paragraphs after it go on in the lead's half year
cat > "$tmp/lookback4.md" <<'DOC'
---
title: Korea's exports to Japan fall in the first half
date: 2024-07-15
---

Korea's exports to Japan in the January-June first half of 2024 fell 4.1 percent to $14.2 billion.

It was the first fall on a half-year basis since the 3.3 percent drop in the second half of 2019.

Chip exports to Japan dropped 11 percent.

In June alone, exports to Japan fell 2 percent.
DOC
eq "periods: a record's event is no next paragraph's date" "$(period "$tmp/lookback4.md" "dropped 11 percent")" 2024-H1
eq "periods: ... nor gives a later month its year" "$(period "$tmp/lookback4.md" "fell 2 percent")" 2024-06
# a date after the one named last is the news moving on, not a look back
sed 's/^In May 2022, /In June 2023, /' "$tmp/lookback.md" > "$tmp/lookback3.md"
eq "periods: ... a later date is no look back" "$(period "$tmp/lookback3.md" "1.1 million tonnes")" 2023-06

# a lead line's paragraph dated by the one before passes that date to
# its list, as a one-sentence paragraph passes it to the next
cat > "$tmp/leadlist.md" <<'DOC'
---
title: Qatar's share of China's LNG imports rises in March
date: 2024-04-20
---

China bought 2.1 million tonnes of LNG from Qatar in March.

Australia was China's largest supplier, with 2.4 million tonnes or 32 percent. Next came:
- Russia (11.5 percent),
- Malaysia (9.8 percent).
DOC
eq "periods: a lead line's paragraph passes its date to the list" "$(period "$tmp/leadlist.md" "9.8 percent")" 2024-03
eq "periods: ... and it is its own" "$(period "$tmp/leadlist.md" "32 percent")" 2024-03

# a past figure nothing else dates (no date in its paragraph, a
# paragraph of several sentences before it) is of the part of a year
# the title names without its year, the latest begun by publication; a
# present-tense fact stays of the year
cat > "$tmp/titlepart.md" <<'DOC'
---
title: Vietnam's rice exports to the Philippines rise 12% in second quarter
date: 2024-07-20
---

Vietnam shipped more rice to the Philippines than to any other buyer. Indonesia came second.

Customs figures show Malaysia in third place: it bought rice worth $210 million.

The Philippines is the largest buyer of Vietnamese rice, taking about 40% of it.
DOC
eq "periods: a past figure takes the title's part of a year" "$(period "$tmp/titlepart.md" '$210 million')" 2024-Q2
eq "periods: ... a present-tense fact its year" "$(period "$tmp/titlepart.md" 'about 40%')" 2024
sed 's/ in second quarter$/ in March/' "$tmp/titlepart.md" > "$tmp/titlepart2.md"
eq "periods: ... a month of it" "$(period "$tmp/titlepart2.md" '$210 million')" 2024-03
sed 's/ in second quarter$/ in October/' "$tmp/titlepart.md" > "$tmp/titlepart3.md"
eq "periods: ... the latest such month by publication" "$(period "$tmp/titlepart3.md" '$210 million')" 2023-10

# a budget for the coming year: observed, and the paragraphs that go on
# with it (an allocation word, present or future tense) keep its year;
# a time's possessive before a base dates the base only
cat > "$tmp/budget.md" <<'DOC'
---
title: Poland's 2025 defence budget tops 180 billion zlotys
date: 2024-12-10
---

Poland's defence budget for 2025 jumped 18 percent, to 187 billion zlotys.

The budget the Sejm passed totals 187 billion zlotys, up from this year's 159 billion zlotys.

Of that, 61 billion zlotys will go to arms purchases, up 9 percent from this year.

Some 40 billion zlotys has been set aside for pay.

The army has 95 brigades.
DOC
kind() { "$FIGTRACK" extract "$1" | awk -F, -v q="$2" '$3 == q { print $10 }'; }
eq "periods: a budget for the coming year is observed" "$(kind "$tmp/budget.md" 'jumped 18 percent')" observed
eq "periods: ... a possessive base is the base's year" "$(period "$tmp/budget.md" "159 billion zlotys")" 2024
eq "periods: ... what will go to a part keeps the budget's year" "$(period "$tmp/budget.md" '61 billion zlotys')" 2025
eq "periods: ... up from this year is no date" "$(period "$tmp/budget.md" 'up 9 percent')" 2025
eq "periods: ... what is set aside too" "$(period "$tmp/budget.md" 'Some 40 billion zlotys')" 2025
eq "periods: ... a present fact is of publication" "$(period "$tmp/budget.md" "95 brigades")" 2024

# a change and the level it goes to share the run after the level, over
# the date an earlier item set; the level is of the run's last year
cat > "$tmp/shares.md" <<'DOC'
---
title: Copper outlook
date: 2024-05-02
---

The regional outlook, in shares of world copper output:
- Peru is projected to raise its share from 10% in 2023 to 12% in 2028, overtaking China next year;
- Chile's share is expected to slip 2% to 23% from 2023 to 2028;
DOC
eq "periods: a change to a level takes the run after the level" "$(period "$tmp/shares.md" 'slip 2%')" 2023/2028
eq "periods: ... the level its last year" "$(period "$tmp/shares.md" '23%')" 2028

# the date of a figure set after another ("after a 0.5% decline in
# August") is that figure's own: the next paragraph does not take it
cat > "$tmp/after.md" <<'DOC'
---
title: Chile's copper exports rise in September
date: 2025-10-22
---

Copper exports climbed 5.8% in September, after a 0.5% decline in August.

Exports to Korea, by contrast, fell 13.3%, following a 13.7% fall in August.
DOC
eq "periods: a figure after another keeps its own date" "$(period "$tmp/after.md" '13.7% fall')" 2025-08
eq "periods: ... which the next paragraph does not take" "$(period "$tmp/after.md" 'fell 13.3%')" 2025-09

# a month without a year after one that was the latest such month by
# publication is the latest such month too, a paragraph later as well
# (December in March is last year's); a year named keeps its months
cat > "$tmp/latest.md" <<'DOC'
---
title: Chile's copper exports
date: 2019-03-06
---

Chile's copper exports rose to $3.1 billion in January from $2.9 billion in December.

In November they had been $2.7 billion.

In 2017 exports fell. In March they were $2.2 billion, and in December $2.6 billion.
DOC
eq "periods: a month after the latest month is the latest one" "$(period "$tmp/latest.md" '$2.9 billion')" 2018-12
eq "periods: ... and the first month of the text the latest one" "$(period "$tmp/latest.md" '$3.1 billion')" 2019-01
eq "periods: ... a paragraph later too" "$(period "$tmp/latest.md" '$2.7 billion')" 2018-11
eq "periods: ... but a year named keeps its months" "$(period "$tmp/latest.md" '$2.6 billion')" 2017-12
