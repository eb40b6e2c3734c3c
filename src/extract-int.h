/* extract-int.h: the state the extraction stage's files share (extract.c,
 * extract-period.c, extract-topic.c, extract-actors.c, extract-quantity.c)
 * and the functions they call in one another. Not a public header: the
 * stage's interface is include/figtrack/extract.h. */
#ifndef FIGTRACK_EXTRACT_INT_H
#define FIGTRACK_EXTRACT_INT_H

#include <stddef.h>

#include "figtrack/buf.h"
#include "figtrack/extract.h"
#include "figtrack/memo.h"
#include "figtrack/period.h"
#include "figtrack/quantity.h"
#include "figtrack/rules.h"
#include "figtrack/segment.h"
#include "figtrack/tablecells.h"
#include "figtrack/text.h"

/* How far after a figure a deadline ("by 2030") still belongs to it, and
 * how close a plain date must follow ("57 percent in 2020"), in words. */
#define DEADLINE_WORDS 15
#define ANCHOR_WORDS 3
/* How far a date later in the figure's own clause still dates it. */
#define CLAUSE_WORDS 10
/* Lines at the top searched for a stand-alone publication date. */
#define DATE_LINES 40
/* How far before a number its qualifier and direction words may start
 * ("the better part of", "had fallen by"), in bytes. */
#define QUAL_REACH 48
/* How much of a figure's sentence, either side of it, topic rules see;
 * see build_context(). */
#define CTX_SIDE 1024
/* Longest block handed to the sentence stage; see long_line(). */
#define LONG_LINE 65536
/* A long line's cuts: one near each multiple of LINE_GRID, found from
 * the CUT_BACK bytes before it to the CUT_AHEAD bytes after its window
 * (extract_grid_cut). */
#define LINE_GRID (LONG_LINE / 2)
#define CUT_BACK 16
#define CUT_AHEAD 16
/* A line longer than PIECE is read PIECE bytes at a time and cut into
 * blocks as it comes (long_cut), so that memory does not grow with it:
 * a document of one 50 MB line is read in 1 MB. */
#define PIECE (1 << 20)

/* The quantity markers of topic contexts (see rules.c). */
#define QOPEN "\xE2\x9F\xA6"
#define QCLOSE "\xE2\x9F\xA7"

enum mode { MODE_BODY, MODE_CONTENTS, MODE_REFS };
enum meta { META_START, META_YAML, META_KV, META_DONE };

/* A date phrase found in a sentence. */
struct mention {
	int sent;
	int rule;		/* index of the [period] rule */
	size_t start;		/* in the cleaned block */
	size_t end;
	enum fig_prole role;
	char period[FIG_PERIOD_LEN];
	/* a phrase that dates figures with no period formats.md can write
	 * ("January-August 2023"): period is "", year its year */
	int blank;
	int year;
	int part;		/* an anaphor's part of a year ("in June"):
				   'M', 'Q', 'H', 'F' (the months partfrom
				   to partn), or 0 */
	int partn;		/* its month, quarter, half or last month */
	int partfrom;		/* a run's first month or day */
	int partmonth;		/* a run of days' month ('D'), 0 for the
				   month of publication */
	int thisyear;		/* "of this year": the part is of the
				   publication year */
	int latest;		/* the part's year is the latest such
				   part's by publication: no year named
				   before it */
	int ahead;		/* ... moved a year on: the next such part,
				   as an outlook foresees it */
	int from_to;		/* the phrase starts with "from": "from
				   December 2020 to January 2021" */
	int since;		/* a run to publication ("since 2022"): not
				   the period "the same period" recalls */
	int offset;		/* an anaphor's years from the last date */
	int same;		/* "the same period of 2021": the period
				   named last, moved to its year */
	int step;		/* months a step of offset is ("the previous
				   month": 1, a quarter 3); 0 for years */
	int budget;		/* a relative year a budget's text made a
				   fiscal one (budget_year): a plan, not
				   a forecast, while it runs */
	int looks_back;		/* "the previous fiscal year": a time
				   before the one reported, which "during
				   the period" does not recall */
	int event_day;		/* "on Wednesday": the day of what its
				   clause tells, no date of other clauses */
	enum fig_pkind kind;
};

/* A quantity that may become claims. */
/* What a topic rule said a figure is. */
struct label {
	int topic;		/* index in rules->topics */
	char metric[FIG_METRIC_MAX];	/* the topic's, its subject filled */
	char entity[FIG_ENTITY_MAX];
	char partner[FIG_ENTITY_MAX];
	int fallback;		/* the subject is the topic's default, no
				   word of the text's */
	int followed;		/* from a topic that continues a figure
				   before (follow =) */
};

#define MAX_LABELS 8

#define RECENT_ACTORS 8
/* Labels of recent figures a list after them may continue (follow). */
#define FOLLOW_MAX 16
/* How many blocks state the whole document may hold (a firm introduced,
 * a fiscal year's quarters, a decimal comma, a figure's labels) lasts
 * once the text stops naming it: a long text moves on to other firms
 * and other countries' years, and a part of a large file
 * (extract-split.c) starts from the state the serial pass holds once
 * it has read this many blocks before it. */
#define DOC_STATE_BLOCKS 64

/* Firms a document introduced by what it is that it still names, at
 * most: one more goes in place of the one named longest ago. */
#define FIRMS_MAX 4

/* A firm the document introduced ("Newcrest Mining, Australia's biggest
 * gold producer"): an actor of its own while the text names it, by this
 * string (recent[] may point to it). */
struct firm {
	char name[FIG_ENTITY_MAX];	/* "" for a free place */
	long block;			/* the block that named it last */
};

/* How a text names a country a flow goes to or comes from. */
#define SIDE_TO		1	/* "to China", "into the EU" */
#define SIDE_FROM	2	/* "from the UAE" */
#define SIDE_ANY	(SIDE_TO | SIDE_FROM)

/* An actor named in the cleaned block. */
struct actor_at {
	size_t start, end;
	const char *name;	/* the rules' canonical name */
	int side;		/* SIDE_TO or SIDE_FROM when named as
				   where goods go or come from ("exports
				   to China", "imports from the UAE"), else
				   0 (side_named) */
};

struct qrec {
	int sent;
	struct fig_qty q;	/* offsets in the cleaned block */
	size_t raw_start;	/* offsets in the raw block */
	size_t raw_end;
	struct label label[MAX_LABELS];	/* set by claims_of */
	int nlabel;
	int base;		/* a comparison's base (set by claims_of) */
	int estimate;		/* an outlook's figure ([cue estimate]) */
	int goal;		/* a goal's figure ([cue goal]) */
	int foreseen;		/* its claim's kind is forecast */
	int reached;		/* the level a run ends at ([cue reached]) */
	int twin;		/* the figure before in brackets: the same
				   amount in other terms ("62.5 billion
				   euros ($67.8 billion)") */
};

/* A footnote marker in the raw block. */
struct fnote {
	int sent;
	size_t off;
	long num;
};

struct xstate {
	const struct fig_rules *r;
	const char *name;
	const struct fig_extract_opts *opts;
	const struct fig_extract_cbs *cbs;
	struct fig_docmeta *meta;
	struct fig_err *err;
	pcre2_match_data *md;
	struct fig_qty last_q;	/* the last figure of the block before */
	int has_last_q;		/* that may lend a unit (no change), when
				   that block was prose or an item */
	pcre2_match_data *md_aside;	/* for a look-up made while md holds
					   a date phrase's groups */
	int pub_year;
	int pub_month;		/* 0 when the date has none */
	/* the last date phrase of the document that dated figures, for
	 * "in the reporting period" and "in June" in later paragraphs */
	struct mention recall;
	int has_recall;
	struct about_memo {		/* topic "about" results of this block */
		const struct fig_re *re;
		size_t end;		/* the paragraph so far, [0, end) */
		int rc;
	} amemo[16];
	int namemo;
	struct mention item_carry;	/* the date the list items before set */
	struct fig_buf lead;		/* the lead line of the list being
					   read ("Shares of Russia's imports:"),
					   or empty */
	int in_item;			/* the block is a list item */
	long lead_block;		/* the lead line's block (nblock) */
	int budget_text;		/* a block named a budget, at most
					   DOC_STATE_BLOCKS ago: relative
					   years are fiscal ones */
	long budget_block;		/* the block that named it last */
	const struct fig_periodrule *season_rule;	/* the rule of
					   the years the text gave the months
					   of ("the current season (October
					   2022-September 2023)"), or NULL */
	int season_start;		/* their first month */
	long season_block;		/* the block that gave them */
	int has_item_carry;		/* ... while items follow one another */
	struct mention para_carry;	/* the date of the paragraph just
					   before, when it was one sentence */
	int has_para_carry;
	int fparts;		/* the first month of the fiscal year whose
				   quarters and halves the text's are, once
				   it named one (struct fig_fiscal); 0 */
	long fparts_block;	/* the block that named it last (nblock) */
	struct mention lead_date;	/* the first date the first paragraph
					   named: what the news is of */
	int has_lead_date;
	int lead_done;			/* the first paragraph was read */
	struct mention next_carry;	/* this block's, for the next */
	int has_next_carry;
	int from_to;		/* the mention choose_period used last was a
				   "from A to B" (struct mention) */
	int decimal_comma;	/* a figure so far wrote one ("27,7%"): a
				   lone ",ddd" is a decimal, ".ddd" thousands */
	long comma_block;	/* the block that wrote one last (nblock) */
	int dollar_marked;	/* a figure so far wrote a dollar with its
				   mark ("US$", "A$": see home_dollar) */
	long dollar_block;	/* the block that wrote one last (nblock) */
	enum mode mode;
	enum meta meta_state;
	int title_from_meta;
	int title_headline;	/* the title, taken from the first line, is a
				   headline rather than the first sentence */
	struct fig_segmenter seg;
	/* the reference being read */
	struct fig_buf ref;
	int ref_num;
	long ref_line;
	int have_ref;
	/* per block scratch, reused */
	struct fig_buf clean;
	struct fig_runs runs;	/* cleaned block -> raw block offsets */
	struct fig_span *sent;
	int sentcap;
	struct fig_span *csent;	/* sentence spans in the cleaned block */
	int csentcap;
	int nsent;		/* the block's sentences (csent), 0 until
				   they are known */
	struct mention *m;
	int nm, mcap;
	struct qrec *qs;
	int nq, qcap;
	struct fnote *fn;
	int nfn, fncap;
	int *past;		/* per sentence: a past-tense cue, -1 not
				   yet looked for (see is_past) */
	int pastcap;
	const char **entback;	/* per sentence: see entity_before */
	int entbackcap;
	/* the topics' requires answered for sentence memo_sent of this
	 * block: per rules->nreq_ids slot, -1 unknown, else 0 or 1 */
	signed char *reqmemo;
	/* per topic, for sentence memo_sent: -1 not yet asked, else
	 * whether a pattern of it may match there (topic_may) */
	signed char *topicmemo;
	int memo_sent;
	/* the figure being labelled: per rules->nunit_ids slot, -1 not
	 * yet looked up, else whether its unit is in that list */
	signed char *unitmemo;
	/* the tails of topic patterns (rules.tails) answered for the
	 * figure's context: -1 unknown, else 0 or 1 from the search of
	 * ctx[tailwin[2i], tailwin[2i + 1]) */
	signed char *tailmemo;
	size_t *tailwin;
	/* the words patterns need (rules.lits) found in sentence lit_sent
	 * of this block (lit_sentence): 1 found, else 0; lit_all when the
	 * sentence holds a letter that matches an ASCII one without case
	 * (U+017F long s, U+212A Kelvin sign) */
	unsigned char *litmemo;
	int lit_sent, lit_all;
	struct fig_buf lsent;	/* sentence lit_sent in lower case */
	size_t *pw_at;		/* per r->periods_word: where its
				   next match in the sentence starts (see
				   next_word_period) */
	/* the first entity the title names, looked up when first needed:
	 * NULL until then, no_entity when it names none */
	const char *title_entity;
	/* the date the title names, looked up when first needed: 0 until
	 * then, 1 when title_period holds it, -1 when it names none */
	int title_dated;
	char title_period[FIG_PERIOD_LEN];
	/* the part of a year the title names without its year ("in
	 * October"), looked up as title_dated, when that names no date */
	int title_part_dated;
	char title_part_period[FIG_PERIOD_LEN];
	struct fig_mctx *mctx;		/* for searches of our own limits */
	int head_only;		/* reading a document's head for a part */
	struct fig_buf ctx;	/* a sentence with the figure marked */
	/* where a topic pattern's match that holds the figure's marker may
	 * start at the latest: the marker, unless the text itself writes
	 * one after it ((size_t)-1) */
	size_t mark_last;
	int ctx_cut;		/* ctx is a window of a long sentence */
	size_t ctx_qs, ctx_qe;	/* the figure in ctx, its markers included */
	int cur_q;		/* the figure being labelled */
	/* the actors earlier paragraphs named, the most recent last: news
	 * writes a sentence a paragraph, and "imports from Russia" or "the
	 * two countries" lean on the paragraphs before */
	const char *recent[RECENT_ACTORS];
	long recent_block[RECENT_ACTORS];	/* the block that named
						   each last (nblock) */
	int nrecent;
	/* the firms the document introduced and named in the last
	 * DOC_STATE_BLOCKS blocks, in no order (see firm_order) */
	struct firm firms[FIRMS_MAX];
	/* every actor the block names, found in one pass when first asked
	 * for: entity_in() then reads a list instead of running the names'
	 * alternation again over every stretch of the block */
	/* the names the rules gave strings of the text (rules_entity,
	 * rules_subject: whole-string matches, so an answer holds for the
	 * extraction); see entity_of */
	struct fig_memo entity_memo, subject_memo;
	struct actor_at *ments;
	int nments, capments;
	int ments_ok;
	const char *recent_subject;	/* the last subject earlier paragraphs
					   named, or NULL */
	const char *para_actor;		/* the first actor of the last
					   paragraph that named one */
	int from_sender;		/* the topic matched last took its
					   entity after "from" ("imports
					   from Russia") */
	/* the labels of the figure labelled last, and the block it was
	 * in: what a list of suppliers after it continues (topics with
	 * follow = yes; see followed_label) */
	struct followed {
		struct label l;
		long block;	/* the block it was in (nblock) */
		int sent;	/* its sentence in the block */
		size_t end;	/* its end in the cleaned block */
		double value;	/* its value and unit: what "X of the Y"
				   names again */
		const char *first;	/* the first actor its sentence
					   names (its subject), or NULL */
		int sided;	/* its sentence names its entity only as
				   where goods go or come from ("Imports
				   from the U.S. declined": no reporter) */
		char unit[FIG_UNIT_MAX];
	} follow[FOLLOW_MAX];	/* the oldest first */
	int nfollow;
	long nblock;		/* blocks with sentences so far */
	struct fig_buf tmp;
	/* the table being read, and the cell whose sentence is being
	 * read (tablecells.c) */
	struct fig_tables tables;
	const struct fig_tcell *tcell;
};

#define GROW(arr, n, cap) do { if ((n) == (cap)) { \
	(cap) = (cap) ? (cap) * 2 : 16; \
	(arr) = xrealloc((arr), (size_t)(cap) * sizeof *(arr)); } } while (0)

/* The paragraph's last date, for "that year", "a year earlier" and "in
 * June". */
struct lastdate {
	int year;			/* 0: none yet */
	char period[FIG_PERIOD_LEN];	/* "2023-Q1"; "" for a blank run */
	int relative;			/* "last year": it counts from the
					   publication date, and so does a
					   part of a year after it */
};

/* x->pw_at: no match of the rule in the sentence; not looked for yet */
#define PW_NONE ((size_t)-1)
#define PW_UNSEEN ((size_t)-2)

/* Marks a sentence that names no entity, nor any sentence before it
 * (and a title that names none). */
extern const char no_entity[];

/* extract.c */
void choose_footnote(const struct xstate *x, int qi, char *out, size_t n);

/* extract-period.c */
int base_own_date(const struct xstate *x, const struct mention *m, int upto);
void base_period(struct xstate *x, int qi, char period[FIG_PERIOD_LEN]);
int carries(const struct mention *m);
void step_change_end(const struct xstate *x, int qi,
    char period[FIG_PERIOD_LEN]);
void choose_period(struct xstate *x, int qi, const struct mention *carry,
    char period[FIG_PERIOD_LEN], enum fig_pkind *kind);
int clause_break(const char *s, size_t a, size_t b);
size_t clause_start(const char *s, size_t a, size_t b);
size_t clean_at(const struct xstate *x, size_t raw);
int dating(const struct mention *m);
/* Where a long line is cut near its byte g, a multiple of LINE_GRID:
 * its byte offset (> g), 0 when the line ends first, -1 when s[0, n),
 * the line's bytes from byte at, do not yet reach as far as the cut
 * needs and the line goes on (!final). See extract.c. */
long long extract_grid_cut(const struct fig_rules *r, pcre2_match_data *md,
    const char *s, size_t n, size_t at, size_t g, int final);
int figure_possessive(const struct xstate *x, const struct mention *m);
int lead_event(struct xstate *x, int nsent, struct mention *m);
int find_mentions(struct xstate *x, int si, size_t cs, size_t ce,
    struct lastdate *ld);
int followed_by_of(const char *s, size_t len, size_t end);
int has_word(const char *s, size_t a, size_t b, const char *w);
/* Is c[a, b) one of words[] (NULL-ended), in any case? */
int one_of(const char *c, size_t a, size_t b, const char *const *words);
int next_word_period(struct xstate *x, const char *c, size_t at, size_t ce,
    struct fig_err *err);
size_t raw_at(const struct xstate *x, size_t clean, size_t rawlen);
int relative_period(const struct xstate *x, const struct fig_periodrule *pr,
    char period[FIG_PERIOD_LEN]);
int run_ends_later(const struct xstate *x, const char *p);
int title_part(struct xstate *x, const struct fig_periodrule *pr,
    char p[FIG_PERIOD_LEN]);

/* extract-topic.c */
void build_context(struct xstate *x, const struct qrec *q);
int claims_of(struct xstate *x, const struct fig_block *b, int qi,
    const struct mention *carry);
void lit_sentence(struct xstate *x, int si);
int cue_on(struct xstate *x, const struct fig_re *re);
void mark_bases(struct xstate *x);
size_t next_figure(const struct xstate *x, int qi);
int may_match(struct xstate *x, const struct fig_re *re);

/* extract-actors.c */
int about_match(struct xstate *x, const struct fig_re *re, size_t end);
void actor_name(struct xstate *x, const char *s, size_t n, char *out,
    size_t on);
const char *entity_in(struct xstate *x, const char *text, size_t from, size_t to,
    const char *except);
int names_actor(struct xstate *x, const char *text, size_t from,
    size_t to, const char *e);
void find_actors(struct xstate *x);
/* The index of the block's first actor starting at or after clean
 * offset from (x->nments when none), finding them first if need be. */
int actors_from(struct xstate *x, size_t from);
const char *first_entity(struct xstate *x, size_t from, size_t to);
const char *head_subject(struct xstate *x, const char *h, size_t n);
int joined_by_word(const char *c, size_t from, size_t to,
    const char *const *join);
int named_group(const pcre2_code *code, const char *name, const PCRE2_SIZE *ov);
void nearest_entity(struct xstate *x, const struct qrec *q, char *out, size_t n);
void actor_list(struct xstate *x, int si, char *out, size_t n);
void nearest_holder(struct xstate *x, const struct qrec *q, int sides,
    char *out, size_t n);
void nearest_partner(struct xstate *x, const struct qrec *q, char *out, size_t n);
void other_actor(struct xstate *x, const struct qrec *q, const char *known,
    char *out, size_t n);
void other_actor_at(struct xstate *x, const struct qrec *q, const char *known,
    int after_last, char *out, size_t n);
void other_holder(struct xstate *x, const struct qrec *q, const char *known,
    int sides, char *out, size_t n);
void sort_joint(char *e, size_t n);
const char *subject_before(struct xstate *x, const struct qrec *q);
const char *subject_in(struct xstate *x, const char *text, size_t from, size_t to);
const char *last_subject(struct xstate *x);
const char *opening_subject(struct xstate *x);
const char *traded_subject_in(struct xstate *x, size_t from, size_t to);
const char *entity_of(struct xstate *x, const char *s, size_t n);
const char *first_holder(struct xstate *x, size_t from, size_t to);
const char *first_holder_but(struct xstate *x, size_t from, size_t to,
    int sides);
/* Forgets firm i (x->firms) and the places that name it. */
void firm_drop(struct xstate *x, int i);
/* The indices of the firms x holds, the one named last first (then by
 * name): the order of everything done with them, whatever places they
 * hold. Returns how many. */
int firm_order(const struct xstate *x, int order[FIRMS_MAX]);
const char *subject_of(struct xstate *x, const char *s, size_t n);
const char *title_date(struct xstate *x);
const char *title_entity(struct xstate *x);
const char *title_news_date(struct xstate *x);
int unit_in(const char *list, const char *unit, const char *cls);

/* extract-quantity.c */
int drop_excluded(struct xstate *x);
int find_quantities(struct xstate *x, const struct fig_block *b, int si);
/* Is f a span of time or a change, which lends no unit to a bare
 * number after it? */
int passable_figure(const struct fig_qty *f);
/* Is the word of s[from..at) just before at one of words[0..n)? */
int word_before_in(const char *s, size_t from, size_t at,
    const char *const *words, size_t n);


#endif
