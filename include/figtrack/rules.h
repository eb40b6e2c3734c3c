/* rules.h: rule files (docs/rules.md) compiled once per run into PCRE2
 * patterns: units, scales, number words, qualifiers, directions, periods,
 * exclusions, entities and topics. */
#ifndef FIGTRACK_RULES_H
#define FIGTRACK_RULES_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "figtrack/err.h"
#include "figtrack/litscan.h"

struct fig_rules;
struct fig_re;
struct fig_code;

/* The rules directory to use: dir (--rules) when given, else
 * $FIGTRACK_RULES, else ./data/rules when it exists, else NULL, which
 * rules_load resolves to data/rules next to the program or the installed
 * copy (PREFIX/share/figtrack/rules). Borrowed string. */
const char *rules_default_dir(const char *dir);

/* Loads and compiles every *.rules file of dir (NULL: see above) in name
 * order. Returns 0 and a set the caller frees with rules_free, or -1 with
 * err naming file:line:col. */
int rules_load(struct fig_rules **out, const char *dir, struct fig_err *err);

/* Same for one rule text in memory (name is used in errors). */
int rules_load_mem(struct fig_rules **out, const char *name,
    const char *text, size_t len, struct fig_err *err);

void rules_free(struct fig_rules *r);

/* The patterns run in PCRE2's interpreter until rules_jit() has them
 * compiled to machine code, each when first matched. Compiling them all
 * would cost about 670M instructions (0.1 s here); the patterns news
 * uses are 85 % of the machine code, those of the report 40 %. It makes
 * matching 7 times faster on news (30K instructions a byte interpreted,
 * 4K with JIT), 9 on a report with fewer figures (4.9K, 0.56K): it pays
 * for itself past some 20 KB of news, 110 KB of report. At 32 KB neither
 * loses more than about 0.35G instructions, so one news article is read
 * without it and 30 of them with it. */
#define FIG_JIT_MIN_BYTES (32 * 1024)
/* Locks the lazy JIT stripes its patterns over (by slot). */
#define FIG_JIT_LOCKS 64

/* From now on each pattern is JIT-compiled when it is first matched, by
 * whichever thread matches it first (a report uses a third of the
 * patterns' machine code, news most of it); a no-op when FIGTRACK_NO_JIT
 * is set (valgrind cannot follow JIT code). */
void rules_jit(struct fig_rules *r);

/* rules_jit() when the n files at paths hold FIG_JIT_MIN_BYTES or more,
 * or when one of them has no size to ask ("-", a pipe): the commands'
 * way to choose before they read. */
void rules_jit_for(struct fig_rules *r, char *const *paths, int n);

/* JIT-compiles every pattern of r and calls fn with each one's sizes
 * in bytes: its pattern with macros expanded (src), its compiled form
 * (code) and its machine code (jit: 0 when there is no JIT), for
 * `figtrack rules sizes`. */
void rules_sizes(struct fig_rules *r, void (*fn)(void *ctx,
    const struct fig_code *c, size_t code, size_t jit), void *ctx);

/* JIT-compiles re's pattern now when rules_jit has run and it is not
 * yet (each pattern once, whichever thread comes first). */
void rules_jit_once(const struct fig_rules *r, const struct fig_re *re);

/* ---- The compiled rule set, read by the extraction modules. ---- */

/* Where a rule came from, for errors and for the claim's rule column. */
struct fig_origin {
	char file[128];		/* base name of the rule file */
	long line;		/* line of the [section] header */
};

/* Number words are looked up by their first two letters: a-z each, 26
 * for anything else (a space, a hyphen, the end). */
#define FIG_WORDKEYS (27 * 27)

static inline int
rules_word_key(unsigned char a, unsigned char b)
{
	a |= 32;
	b |= 32;
	return ((a >= 'a' && a <= 'z') ? a - 'a' : 26) * 27 +
	    ((b >= 'a' && b <= 'z') ? b - 'a' : 26);
}

/* The class of a number word's third character for rules.word3: a
 * letter of either case 0..25, anything else 26. */
static inline unsigned
rules_word_third(unsigned char c)
{
	c |= 32;
	return (c >= 'a' && c <= 'z') ? (unsigned)(c - 'a') : 26;
}

/* May a number start at s[0] (the next byte s[1] being b, 0 at the
 * end)? One bit test: most bytes of a text can be passed over with it. */
#define rules_may_start(r, a, b) \
	(((r)->numpair[((unsigned)(a) << 8 | (b)) >> 6] >> \
	    (((unsigned)(a) << 8 | (b)) & 63)) & 1)

/* A pattern compiled once, JIT-compiled when the platform allows. */
struct fig_re {
	pcre2_code *code;
	char *src;		/* the pattern after macro expansion */
	char where[160];	/* "file:line" of the rule, for errors */
	/* every match holds the figure's opening marker (a topic pattern
	 * whose every alternative names {Q}): compiled with
	 * PCRE2_USE_OFFSET_LIMIT, so a search need not start past it */
	int marks;
	/* compiled with PCRE2_USE_OFFSET_LIMIT (every pattern that marks,
	 * the quantity pattern and the subjects' alternation):
	 * rules_match_upto may bound where a match starts */
	int limited;
	/* words every match holds (pattern.h), as ids into rules.lits:
	 * clause after clause, its number of words then their ids; NULL
	 * when none is known or the pattern is not matched on a figure's
	 * sentence (index_needs in rules.c) */
	int *need;
	int nneed;		/* ints in need */
	int slot;		/* its flag in rules.jit_done */
	/* a topic pattern: 1 + the index in rules.tails of its tail, the
	 * last of its items from which on every match holds the marker;
	 * where the tail does not match, neither does the pattern (one
	 * search a figure for all patterns that end so); 0 none */
	int tail;
	/* compiled with the subject lexicon's stub in its place
	 * (lexicon.h): matched with a thread's fig_mctx bound to the text */
	int lexical;
	/* a cue read for a yes or no ([cue baseline], estimate, goal,
	 * reached): its top-level alternatives compiled each alone, each
	 * with the words it needs (rules.c split_cue); nalt 0 when not
	 * split. alt[0, nalt) match a text from a start under an offset
	 * limit exactly where the whole does */
	struct fig_re *alt;
	int nalt;
	int capalt;		/* entries of alt, compiled or not */
};

/* [numbers]: a number word. */
struct fig_numword {
	char *word;		/* lower case, may contain spaces/hyphens */
	double value;
	int weak;		/* needs a real unit: "one", "a" */
	int fraction;		/* "half", "a third": a share of a whole */
	char unitname[40];	/* a unit the word carries ("a decade") */
	const struct fig_unit *unit;	/* resolved from unitname, or NULL */
	int qual;		/* "qual=NAME": the bound the word states
				   ("single-digit" is less than 10), an
				   enum fig_qual; 0 (exact) when none */
};

/* [unit NAME]: a unit before or after the number. */
struct fig_unit {
	char canon[40];		/* canonical unit written in claims */
	double factor;		/* multiplies the value ("decades" -> 10) */
	int weak;		/* a guessed count: integers only, no years */
	int count_ok_years;	/* a listed count noun: "2000 personnel" */
	int duration;		/* a length of time: dated only by its own
				   sentence, else it runs to publication */
	char uclass[24];	/* "class = money": what topics name it by
				   ("unit = @money"), or "" */
	int code;		/* the unit is the matched text in lower case
				   (ISO 4217 codes: "USD" is usd) */
	int no_rate;		/* "rate = no": never over a [per] unit
				   ("5% per year" is a percent) */
	int group_after;	/* capture group in the quantity pattern, or 0 */
	int group_before;	/* same, for a prefix such as "US$" */
	/* "home = CAN usd": in a document whose title names CAN, a figure
	 * in usd written with a bare "$" or "dollars" is in this unit
	 * (cad); "" when none. "home = JPN cny ¥": only a figure written
	 * with that sign in front (the sign two currencies share, not the
	 * other's own name: "1.3 trillion yuan" stays yuan) */
	char home[16];
	char home_of[16];
	char home_sign[8];
	double max;		/* "max =": the largest value its context
				   gives it (a rate per woman is no
				   230,000); 0 when none */
	struct fig_re context;	/* "context =": a bare number whose sentence
				   matches this before it takes the unit
				   ("fertility rate ... 1.26"); code NULL
				   when the unit has none */
	struct fig_origin at;
};

/* [per NAME]: the unit a rate is over ("$71 per barrel", "/MWh"). */
struct fig_per {
	char name[24];		/* appended to the unit: usd/barrel */
	int group;
	struct fig_re context;	/* "context =": a money figure whose
				   sentence before it matches is over this
				   ("the price of a gallon stood at $3.30") */
	struct fig_re amount;	/* "amount =": the same for a count or a
				   physical amount ("the annual rate (SAAR)
				   was 15.7 million units"); code NULL when
				   none */
};

/* [scale N]: a scale word. */
struct fig_scale {
	double factor;
	int group;
	int group_tail;		/* the smaller second scale of "252 million
				   380 thousand" */
};

/* [qualifier NAME] and [direction NAME]. */
struct fig_qualrule {
	int qual;		/* enum fig_qual (qualifiers only) */
	int dir;		/* -1 or +1 for directions, 0 for qualifiers */
	int group;		/* capture group in the quantity pattern */
};

/* What a date phrase is doing in its sentence. */
enum fig_prole {
	FIG_PR_ANCHOR,		/* "in 2020", "as of June 2022" */
	FIG_PR_DEADLINE,	/* "by 2030", "scheduled for 2025" */
	FIG_PR_BASELINE,	/* "compared to the second half of 2021" */
	FIG_PR_ANAPHOR,		/* "that year", "the same year"; with a month
				   group, "in June": that month of it */
	FIG_PR_PRESENT,		/* "now", "currently" */
	FIG_PR_RELATIVE,	/* "last year": publication year + offset */
	FIG_PR_RECALL,		/* "in the reporting period": the period the
				   last date phrase of the document named */
	FIG_PR_UNDATED,		/* "before the war": a time with no date,
				   which no earlier date may stand for */
	FIG_PR_EVENT		/* "raised its key rate": a decision a news
				   lead reports, of the publication month */
};

/* A country's fiscal year: "IND 4 end" in a [period] rule's fiscal key
 * (India's runs from April and is named by the year it ends in). */
struct fig_fiscal {
	char entity[8];		/* the ISO 3166 alpha-3 code */
	int start;		/* its first month, 1..12 */
	int by_end;		/* named by the year it ends in (FY24 is
				   2023-24), else by the year it starts */
	int parts;		/* "parts": once a text names one, its
				   quarters and halves without a year are
				   of the fiscal year */
	int pairs;		/* "pairs": a pair of whole years
				   ("2021-2022") names a fiscal year */
	char money[8];		/* its currency's code in lower case
				   ("inr"), or "": a text with figures in
				   it that names no country with a fiscal
				   year is of this one */
};

#define FIG_FISCAL_MAX 16

/* [period NAME]. */
struct fig_periodrule {
	struct fig_re re;	/* named groups: year, month, day, half,
				   quarter, span */
	int g_year, g_month, g_day, g_half, g_quarter, g_span, g_months;
	int g_until;		/* the last year of a run of years */
	int g_list;		/* the first of two months listed ("July
				   and August 2021"): dated by the year */
	int g_since;		/* "since": a run from the date named to
				   publication */
	int g_days, g_dayto;	/* a run of days: "the first 20 days" (a
				   count), "February 1-20" (day to dayto) */
	int g_spanday;		/* the first day of a run of days across
				   months: "March 21-December 21, 2021"
				   (spanday of span to day of month) */
	int g_fy, g_fyend;	/* a fiscal year: "FY24" (fy), "FY 2023-24"
				   (fy to fyend) */
	int g_qend;		/* the last month of a quarter: "the
				   quarter ended in December", "the
				   September quarter" */
	int g_runfrom, g_runto;	/* a run of months of a fiscal year:
				   "the April-February period of 2021-22" */
	int g_pair;		/* a pair of whole years ("2021-2022"):
				   a fiscal year only where the country's
				   has "pairs", else a run of years */
	int g_uptoyear;		/* and its year: "up to February 2023" */
	int g_upto;		/* "till August": the (fiscal) year so far,
				   to the latest such month by publication */
	int g_sofar;		/* "since the start of the season": the
				   (fiscal) year so far, to publication */
	int g_ytd;		/* "since the start of the year", "the
				   year to date": January to the month the
				   text last named, else to publication */
	struct fig_fiscal fiscal[FIG_FISCAL_MAX];	/* the countries'
				   fiscal years the rule knows */
	int nfiscal;
	int g_this, g_next, g_unit;	/* relative: "this" (offset 0),
					   "next" (+1), and the unit stepped
					   ("year", "quarter", "month") */
	int g_back, g_ahead;	/* anaphor: years back ("two years
				   earlier") or ahead ("a year later") */
	int g_same;		/* "the same period of 2021": the period
				   named last, in that year */
	enum fig_prole role;
	int offset;		/* for relative: steps from publication */
	int step;		/* months a step of offset is: 12, 3 or 1 */
	struct fig_origin at;
};

/* [exclude NAME]: a quantity whose context matches is not a claim. */
struct fig_exclude {
	struct fig_re re;
	struct fig_origin at;
};

/* [entity NAME]: the canonical name and the pattern of its aliases;
 * also [subject NAME], what a figure counts (metrics.md's SUBJECT), and
 * the words texts use for it. */
struct fig_entity {
	char name[96];
	struct fig_re re;	/* anchored alias matcher */
	uint32_t letters;	/* the first letters a match can have: 'a'
				   bit 0 ... 'z' bit 25, bit 26 non-ASCII;
				   every bit when that cannot be told */
};

/* A topic's fill = partner: the partner comes from the context when the
 * text names only the entity ("imports from Russia": the importer is the
 * actor the paragraph is about). A missing entity always does.
 * fill = pair: the entity is two actors ("bilateral trade"), the one the
 * text names, if any, and the nearest other the context names.
 * nearest = partner: when the text names neither side, the nearest actor
 * is the partner, not the entity ("..., accounting for 13.9 percent of
 * total imports": the subject of the sentence is the supplier). */
enum { FIG_FILL_PARTNER = 2, FIG_FILL_PAIR = 4, FIG_NEAREST_PARTNER = 8 };
enum { FIG_FOLLOW = 1, FIG_FOLLOW_NEARBY = 2, FIG_FOLLOW_SWAP = 4,
    FIG_FOLLOW_LAST = 8, FIG_FOLLOW_SENDER = 16, FIG_FOLLOW_RECEIVER = 32 };

/* [topic METRIC]. A METRIC of "*.MEASURE" takes its subject from the
 * pattern's (?<subject>...) group, else from subject =. */
struct fig_topic {
	char metric[128];
	int templ;		/* metric is "*.MEASURE" */
	char subject[64];	/* default subject of a template, may be "" */
	int subject_ctx;	/* subject = @context: else the subject the
				   text named last before the figure */
	int fill;		/* FIG_FILL_* */
	int follow;		/* FIG_FOLLOW_*: follow = yes, only after a
				   figure of this measure, whose subject and
				   entity the figure takes (a list of
				   suppliers) */
	char follow_measure[64];	/* follow = MEASURE: only after a
				   figure of that measure in the clause
				   (nearby: in the paragraph or the one
				   before), whose labels the figure takes
				   (".value" then its ".change"; swap: its
				   entity and partner swapped, a share then
				   the supplier's exports; last: only while
				   the figures labelled since are of the same
				   flow, as a pronoun's), or "" */
	size_t window;		/* bytes either side of the figure the
				   patterns see; 0: its whole sentence */
	char entity[96];	/* default entity, may be "" */
	char partner[96];	/* default partner, may be "" */
	char unit[40];		/* only these units ("usd|eur"), or "" */
	int unit_id;		/* unit's slot among the distinct lists of
				   all topics (fig_rules.nunit_ids), -1 for
				   "": a figure's unit is looked up in each
				   list once, not once a topic */
	int kind;		/* forced enum fig_pkind, or -1 */
	struct fig_re *pattern;	/* any one must match; {Q} marks the figure */
	int npattern;
	struct fig_re *require;	/* all must match */
	int nrequire;
	int *req_id;		/* per require: its slot among the distinct
				   requires of all topics, or -1 when it
				   looks at the figure ({Q}): the others
				   give one answer for a whole sentence */
	struct fig_re *unless;	/* none may match */
	int nunless;
	struct fig_re *about;	/* each must match the paragraph so far */
	int nabout;
	struct fig_re *lead;	/* each must match the lead line of the
				   list the figure is an item of */
	int nlead;
	struct fig_origin at;
};

/* A compiled pattern as rules_jit and rules_sizes see it. */
struct fig_code {
	pcre2_code *code;	/* borrowed from its fig_re */
	char where[64];		/* its rule's "file:line" */
	size_t src;		/* bytes of its pattern, macros expanded */
	int lexical;		/* compiled with the subject lexicon's stub */
};

/* "example = SENTENCE => EXPECT" lines, run by `figtrack rules test`. */
struct fig_example {
	char *text;
	char *expect;		/* "VALUE UNIT [period=P] [metric=M] ..." */
	struct fig_origin at;
	long line;		/* line of the example itself */
};

struct fig_rules {
	char dir[512];
	struct fig_numword *words;
	int nwords;
	struct fig_unit *units;
	int nunits;
	struct fig_scale *scales;
	int nscales;
	struct fig_per *pers;
	int npers;
	int g_sign;		/* the group of a sign before the number */
	int g_of;		/* "of oil" between a unit and its rate */
	struct fig_qualrule *quals;
	int nquals;
	struct fig_periodrule *periods;
	int nperiods;
	struct fig_exclude *excludes;
	int nexcludes;
	struct fig_re dir_lead[2];	/* [direction negative], [direction
					   positive] 'pattern' alone: a lead
					   clause's verb (extract.c) */
	struct fig_re dir_list[2];	/* their "list =": a subject that signs
					   the figures listed after it */
	struct fig_re dir_last[2];	/* 'pattern' the last word of a
					   text: a verb far from its "by"
					   ("shrank in January by 36,4 pct") */
	struct fig_entity *entities;
	int nentities;
	struct fig_entity *subjects;	/* [subject] sections */
	int nsubjects;
	struct fig_topic *topics;
	int ntopics;
	int nreq_ids;		/* distinct requires (fig_topic.req_id) */
	int nunit_ids;		/* distinct unit lists (fig_topic.unit_id) */
	struct fig_re *tails;	/* distinct tails of topic patterns
				   (fig_re.tail) */
	int ntails;
	char **lits;		/* the words patterns need (fig_re.need):
				   ASCII letters and digits, lower case */
	int nlits;
	struct fig_litscan litscan;	/* finds all of lits in one pass */
	struct fig_example *examples;
	int nexamples;
	struct fig_re quantity;		/* the assembled quantity pattern */
	struct fig_re quantity_at;	/* the same, held at the start offset
					   (\G: JIT ignores PCRE2_ANCHORED) */
	int wordkey[FIG_WORDKEYS + 1];	/* number words by their first two
					   letters (rules_word_key): those of
					   key k are wordorder[wordkey[k] ..
					   wordkey[k + 1]), for number_scan() */
	int *wordorder;			/* indexes into words, longest first
					   within a key */
	uint32_t word3[FIG_WORDKEYS];	/* per key: a bit per class
					   (rules_word_third) of its words'
					   third characters: "the" and "this"
					   are passed over before any word of
					   "th" is compared */
	uint64_t numpair[256 * 256 / 64];	/* a bit per pair of bytes
					   that may start a number: a digit
					   and anything, or the first two
					   characters of a number word in
					   either case (rules_may_start) */
	int g_n1, g_n2, g_btw;		/* its named groups */
	int g_n3;			/* the number of a second scale */
	struct fig_re periods_year;	/* every [period] with a year, as one
					   alternation, (*MARK:index) naming
					   the rule: run near years only */
	struct fig_re *periods_word;	/* the 'pattern =' lines of the
					   others ("that year", "now") each
					   alone, with its rule's
					   (*MARK:index), in the rules' order.
					   Tried in turn, as the alternation
					   of them would be, each only in a
					   sentence with its words */
	int nperiods_word;
	struct fig_re references;	/* heading that starts References */
	struct fig_re contents;		/* heading that starts a contents table */
	struct fig_re skip;		/* lines dropped as page furniture */
	struct fig_re abbrev;		/* words whose "." ends no sentence */
	struct fig_re past;		/* past-tense cue in a sentence */
	struct fig_re target;		/* words that make a date a goal */
	struct fig_re forecast;		/* an outlook: a goal date foreseen */
	struct fig_re plan;		/* a budget decided for a coming
					   period: observed, not foreseen */
	struct fig_re ability;		/* what can be done now: no goal */
	struct fig_re lookback;		/* a time before the one reported
					   ("had met", "before the war") */
	struct fig_re baseline;		/* the figure is a comparison base */
	struct fig_re estimate;		/* the figure is an outlook's */
	struct fig_re goal;		/* the figure is a goal's */
	struct fig_re reached;		/* the figure is the level a run of
					   time ends at */
	struct fig_re pair;		/* "the two countries": the last two
					   actors named */
	struct fig_re firm;		/* a firm introduced by what it is:
					   its group firm is its name */
	struct fig_re buyers;		/* a lead line over the buyers of
					   an exporter's goods */
	struct fig_re ellipsis;		/* text between two figures that makes
					   the second elliptical ("X by 2024,
					   Y by 2030") */
	struct fig_re anyentity;	/* any entity alias, as a word */
	struct fig_re anysubject;	/* any subject's words, as words */
	/* the subject lexicon ({SUBJECT}) compiled once, anchored, each
	 * way it matches reported to a callout (lexicon.h); code NULL
	 * when the patterns hold the lexicon itself */
	struct fig_re subject_lex;
	char *subject_lex_src;		/* the lexicon as {SUBJECT} writes it */
	char *subject_stub;		/* what the patterns hold instead */
	uint8_t subject_first[32];	/* the first bytes of its matches */
	int subject_first_known;
	int subject_lex_tried;		/* prepared, or found unfit, once */
	pcre2_match_context *mctx;	/* match and depth limits */
	uint32_t max_groups;		/* most capture groups of any pattern */
	struct fig_code *codes;		/* every compiled pattern */
	int ncodes, capcodes;
	int nslots;			/* fig_re slots given out */
	/* set by rules_jit: a flag per slot, set once its pattern is
	 * JIT-compiled, and the locks the compiling threads hold */
	atomic_uchar *jit_done;
	pthread_mutex_t *jit_lock;	/* FIG_JIT_LOCKS, a pattern's by its slot */
};

/* Match data big enough for every pattern of r; the caller frees it with
 * pcre2_match_data_free. One per thread of extraction. */
pcre2_match_data *rules_match_data(const struct fig_rules *r);

/* Matches re against s[0..len) from start with PCRE2_NO_UTF_CHECK (the
 * text was validated once). Returns the number of pairs in *ov (>0), 0
 * for no match, or -1 with err set when a limit stopped the pattern.
 * ov is borrowed from md. */
int rules_match(const struct fig_rules *r, const struct fig_re *re,
    const char *s, size_t len, size_t start, uint32_t opts,
    pcre2_match_data *md, struct fig_err *err);

/* Canonical entity for the text s[0..len), or NULL when none matches. */
const char *rules_entity(const struct fig_rules *r, const char *s,
    size_t len);

/* The subject whose words are the text s[0..len), or NULL. */
const char *rules_subject(const struct fig_rules *r, const char *s,
    size_t len);

/* The class of canonical unit canon ("money"), or "" when none says. */
const char *rules_unit_class(const struct fig_rules *r, const char *canon);

/* The figure marker topic patterns match ("⟦" and "⟧" around the quote
 * in a figure's context). */
#define FIG_QOPEN "\xE2\x9F\xA6"
#define FIG_QCLOSE "\xE2\x9F\xA7"

/* Does every match of the (expanded) pattern p hold FIG_QOPEN at or
 * after where it starts? Conservative: 0 when it cannot tell. A topic
 * pattern that does is searched only from where a match can start
 * (rules_match_upto): no further than the figure's marker. */
int rules_marks_figure(const char *p);

/* Where the tail of the (expanded) topic pattern p starts: p is one
 * sequence of items, no one of them an option setting ("(?i)"), and its
 * tail is the rest of it from its last item at which every match of the
 * rest holds FIG_QOPEN, when that rest is self-contained
 * (pat_self_contained) and is not the whole of p. 0 when there is none.
 * Every match of p ends with a match of its tail at a place of the same
 * subject, so where the tail has no match p has none (fig_re.tail). */
size_t rules_marked_tail(const char *p);

/* A thread's own matching state: PCRE2's match context (the rules'
 * limits, the offset limit of one search) and what is known of the
 * subject lexicon's matches in the text last matched (lexicon.h). */
struct fig_mctx;

/* rules_match with a matching state of the caller's (mc; NULL: a
 * pattern with the lexicon's stub gets one for this search alone) and,
 * for a pattern compiled with an offset limit (re->limited: every one
 * that marks, the quantity pattern, the subjects' alternation), the
 * last offset a match may start at (last; (size_t)-1: anywhere). mc is
 * written: one per thread. */
int rules_match_upto(const struct fig_rules *r, const struct fig_re *re,
    const char *s, size_t len, size_t start, size_t last,
    struct fig_mctx *mc, pcre2_match_data *md, struct fig_err *err);

/* A matching state of one's own, for rules_match_upto; the caller frees
 * it with rules_match_context_free. */
struct fig_mctx *rules_match_context(const struct fig_rules *r);
void rules_match_context_free(struct fig_mctx *mc);

#endif
