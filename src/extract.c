/* extract.c: the extraction stage from end to end. Lines are checked
 * (UTF-8, NUL bytes, CRLF, BOM), the metadata block and the References
 * section are taken apart, and every prose block is split into sentences
 * whose quantities become claims with a period, a topic and a footnote. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/extract.h"
#include "figtrack/number.h"
#include "figtrack/period.h"
#include "figtrack/quantity.h"
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
	int since;		/* a run to publication ("since 2022"): not
				   the period "the same period" recalls */
	int offset;		/* an anaphor's years from the last date */
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
};

#define MAX_LABELS 8

#define RECENT_ACTORS 8
/* Labels of recent figures a list after them may continue (follow). */
#define FOLLOW_MAX 16

/* An actor named in the cleaned block. */
struct actor_at {
	size_t start, end;
	const char *name;	/* the rules' canonical name */
};

struct qrec {
	int sent;
	struct fig_qty q;	/* offsets in the cleaned block */
	size_t raw_start;	/* offsets in the raw block */
	size_t raw_end;
	struct label label[MAX_LABELS];	/* set by claims_of */
	int nlabel;
	int base;		/* a comparison's base (set by claims_of) */
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
	struct fig_qty last_q;	/* the last figure of the block before, */
	int has_last_q;		/* when that block was prose or an item */
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
	int has_item_carry;		/* ... while items follow one another */
	struct mention para_carry;	/* the date of the paragraph just
					   before, when it was one sentence */
	int has_para_carry;
	struct mention next_carry;	/* this block's, for the next */
	int has_next_carry;
	int decimal_comma;	/* a figure so far wrote one ("27,7%"): a
				   lone ",ddd" is a decimal, ".ddd" thousands */
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
	int memo_sent;
	/* the words patterns need (rules.lits) found in sentence lit_sent
	 * of this block (build_context): -1 not yet looked for, else 0 or
	 * 1; lit_all when the sentence holds a letter that matches an
	 * ASCII one without case (U+017F long s, U+212A Kelvin sign) */
	signed char *litmemo;
	int lit_sent, lit_all;
	struct fig_buf lsent;	/* sentence lit_sent in lower case */
	size_t *pw_at;		/* per [period] without a year: where its
				   next match in the sentence starts (see
				   next_word_period) */
	/* the first entity the title names, looked up when first needed:
	 * NULL until then, no_entity when it names none */
	const char *title_entity;
	/* the date the title names, looked up when first needed: 0 until
	 * then, 1 when title_period holds it, -1 when it names none */
	int title_dated;
	char title_period[FIG_PERIOD_LEN];
	pcre2_match_context *mctx;	/* for searches of our own limits */
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
	int nrecent;
	/* every actor the block names, found in one pass when first asked
	 * for: entity_in() then reads a list instead of running the names'
	 * alternation again over every stretch of the block */
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

/* ---- metadata ----------------------------------------------------- */

/* Reads a stand-alone date line: "November 2022", "30 November 2022",
 * "November 30, 2022", "2022-11-30". */
static int
date_line(const char *s, size_t n, char out[FIG_PERIOD_LEN])
{
	char w[4][32];
	int nw = 0, m = 0, d = 0, y = 0;
	char tmp[48];
	size_t i = 0;

	s = text_trim(s, &n);
	if (n == 0 || n > 40)
		return -1;
	if (n >= 4 && n < sizeof tmp && s[0] >= '0' && s[0] <= '9' &&
	    memchr(s, '-', n)) {
		memcpy(tmp, s, n);
		tmp[n] = '\0';
		return period_parse_date(tmp, out);
	}
	while (i < n && nw < 4) {
		size_t k = 0;
		while (i < n && (s[i] == ' ' || s[i] == ','))
			i++;
		while (i < n && s[i] != ' ' && s[i] != ',' && k < 31)
			w[nw][k++] = s[i++];
		if (k == 0)
			break;
		w[nw++][k] = '\0';
	}
	if (i < n)
		return -1;
	for (int k = 0; k < nw; k++) {
		int v = atoi(w[k]);
		int mm = period_month(w[k], strlen(w[k]));
		if (mm && !m)
			m = mm;
		else if (strlen(w[k]) == 4 && v >= 1000 && v <= 2999 && !y)
			y = v;
		else if (v >= 1 && v <= 31 && strlen(w[k]) <= 2 && !d)
			d = v;
		else
			return -1;
	}
	if (!m || !y)
		return -1;
	if (d)
		snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
	else
		snprintf(tmp, sizeof tmp, "%04d-%02d", y, m);
	return period_parse_date(tmp, out);
}

static void
set_published(struct xstate *x, const char *p)
{
	if (x->meta->published[0])
		return;
	claim_setfield(x->meta->published, sizeof x->meta->published, p);
	x->pub_year = period_year(p);
	x->pub_month = strlen(p) >= 7 ? period_digits(p + 5, 2) : 0;
	if (x->pub_month < 1 || x->pub_month > 12)
		x->pub_month = 0;
}

/* "key: value" of a metadata block; returns 1 when it was one. */
static int
meta_kv(struct xstate *x, const char *s, size_t n, long lineno)
{
	const char *colon = memchr(s, ':', n);
	char key[32], val[512];
	size_t kn, vn;
	const char *v;

	if (colon == NULL || colon == s)
		return 0;
	kn = (size_t)(colon - s);
	if (kn >= sizeof key)
		return 0;
	for (size_t i = 0; i < kn; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    c == '_' || c == '-'))
			return 0;
		key[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	key[kn] = '\0';
	v = colon + 1;
	vn = n - kn - 1;
	v = text_trim(v, &vn);
	if (vn >= 2 && (v[0] == '"' || v[0] == '\'') && v[vn - 1] == v[0]) {
		v++;
		vn -= 2;
	}
	if (vn >= sizeof val) {
		/* cut where a character starts, as claim_setfield does: a
		 * url: as long as val was cut inside one */
		vn = sizeof val - 1;
		while (vn > 0 && ((unsigned char)v[vn] & 0xC0) == 0x80)
			vn--;
	}
	memcpy(val, v, vn);
	val[vn] = '\0';
	if (strcmp(key, "title") == 0) {
		claim_setfield(x->meta->title, sizeof x->meta->title, val);
		x->title_from_meta = 1;
	} else if (strcmp(key, "date") == 0 || strcmp(key, "published") == 0) {
		char p[FIG_PERIOD_LEN];
		if (period_parse_date(val, p) == 0 ||
		    date_line(val, strlen(val), p) == 0)
			set_published(x, p);
		else if (!x->meta->published[0])
			return err_set(x->err, FIG_EINPUT, x->name, lineno, 0,
			    "metadata date '%s' is not a date (YYYY, "
			    "YYYY-MM or YYYY-MM-DD)", val), -1;
	} else if (strcmp(key, "source") == 0)
		claim_setfield(x->meta->source, sizeof x->meta->source, val);
	else if (strcmp(key, "url") == 0)
		claim_setfield(x->meta->url, sizeof x->meta->url, val);
	return 1;
}

static int
known_key(const char *s, size_t n)
{
	static const char *const keys[] = { "title:", "date:", "source:",
	    "url:", "author:", "published:", "publisher:", NULL };

	for (int i = 0; keys[i]; i++) {
		size_t k = strlen(keys[i]);
		if (n >= k && strncasecmp(s, keys[i], k) == 0)
			return 1;
	}
	return 0;
}

/* Handles the metadata block at the top. Returns 1 when the line was
 * metadata, 0 when it is body text, -1 on error. */
static int
meta_line(struct xstate *x, const char *s, size_t n, long lineno)
{
	size_t tn = n;
	const char *t = text_trim(s, &tn);
	int rc;

	switch (x->meta_state) {
	case META_START:
		if (tn == 0)
			return 1;
		if (tn == 3 && memcmp(t, "---", 3) == 0) {
			x->meta_state = META_YAML;
			return 1;
		}
		if (known_key(t, tn)) {
			x->meta_state = META_KV;
			return meta_kv(x, t, tn, lineno) < 0 ? -1 : 1;
		}
		x->meta_state = META_DONE;
		return 0;
	case META_YAML:
		if ((tn == 3 && (memcmp(t, "---", 3) == 0 ||
		    memcmp(t, "...", 3) == 0))) {
			x->meta_state = META_DONE;
			return 1;
		}
		rc = tn ? meta_kv(x, t, tn, lineno) : 1;
		return rc < 0 ? -1 : 1;
	case META_KV:
		if (tn == 0 || (tn == 3 && memcmp(t, "---", 3) == 0)) {
			x->meta_state = META_DONE;
			return 1;
		}
		if ((rc = meta_kv(x, t, tn, lineno)) < 0)
			return -1;
		if (rc == 0)
			x->meta_state = META_DONE;
		return rc;
	case META_DONE:
		break;
	}
	return 0;
}

/* ---- references --------------------------------------------------- */

/* The latest date in a citation ("August 6 2020", "6 August 2020",
 * "2020-08-06", "(2019)"). */
static void
ref_date(const char *s, size_t n, char *out, size_t size)
{
	char best[FIG_PERIOD_LEN] = "";
	size_t i = 0;

	out[0] = '\0';
	while (i < n) {
		size_t ws, we;
		int m, y = 0, d = 0;
		char tmp[48], p[FIG_PERIOD_LEN];

		while (i < n && !((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z') &&
		    !(s[i] >= '0' && s[i] <= '9'))
			i++;
		ws = i;
		while (i < n && (((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9')))
			i++;
		we = i;
		if (we == ws)
			continue;
		if ((m = period_month(s + ws, we - ws)) == 0) {
			/* a bare year in brackets: "(2019)" */
			if (we - ws == 4 && ws > 0 && s[ws - 1] == '(' &&
			    we < n && s[we] == ')') {
				snprintf(tmp, sizeof tmp, "%.4s", s + ws);
				if (period_parse_date(tmp, p) == 0 &&
				    period_cmp(p, best) > 0)
					memcpy(best, p, sizeof best);
			}
			continue;
		}
		/* day before the month ("6 August 2020") */
		{
			size_t b = ws;
			while (b > 0 && s[b - 1] == ' ')
				b--;
			if (b >= 1 && s[b - 1] >= '0' && s[b - 1] <= '9') {
				size_t db = b - 1;
				if (db >= 1 && s[db - 1] >= '0' && s[db - 1] <= '9')
					db--;
				d = atoi(s + db);
			}
		}
		/* then "D[,] YYYY" or "YYYY" after it */
		{
			size_t k = we;
			int v;
			while (k < n && (s[k] == ' ' || s[k] == ','))
				k++;
			v = atoi(s + k);
			if (k < n && s[k] >= '0' && s[k] <= '9' && v >= 1 &&
			    v <= 31 && !(k + 4 <= n && v >= 1000)) {
				d = v;
				while (k < n && s[k] >= '0' && s[k] <= '9')
					k++;
				while (k < n && (s[k] == ' ' || s[k] == ','))
					k++;
			}
			if (k + 4 <= n && s[k] >= '0' && s[k] <= '9')
				y = atoi(s + k);
		}
		if (y < 1000 || y > 2999)
			continue;
		if (d)
			snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
		else
			snprintf(tmp, sizeof tmp, "%04d-%02d", y, m);
		if (period_parse_date(tmp, p) != 0) {
			snprintf(tmp, sizeof tmp, "%04d-%02d", y, m);
			if (period_parse_date(tmp, p) != 0)
				continue;
		}
		if (period_cmp(p, best) > 0 || !best[0])
			memcpy(best, p, sizeof best);
	}
	i = strlen(best) < size ? strlen(best) : size - 1;
	memcpy(out, best, i);
	out[i] = '\0';
}

static int
flush_ref(struct xstate *x)
{
	struct fig_ref ref;
	const char *t, *u;
	char *url = NULL;
	size_t n;
	int rc = 0;

	if (!x->have_ref)
		return 0;
	x->have_ref = 0;
	n = x->ref.len;
	t = text_trim(buf_str(&x->ref), &n);
	memset(&ref, 0, sizeof ref);
	ref.number = x->ref_num;
	ref.line = x->ref_line;
	((char *)t)[n] = '\0';
	ref.text = t;
	ref_date(t, n, ref.date, sizeof ref.date);
	if ((u = strstr(t, "http://")) != NULL ||
	    (u = strstr(t, "https://")) != NULL) {
		size_t k = strcspn(u, " \t<>\"|");
		while (k > 0 && strchr(".,;)", u[k - 1]))
			k--;
		url = xstrndup(u, k);
	}
	ref.url = url ? url : "";
	if (x->cbs && x->cbs->on_ref)
		rc = x->cbs->on_ref(x->cbs->ctx, &ref);
	free(url);
	buf_reset(&x->ref);
	return rc;
}

/* A line of the References section: "- 12 Author, 'Title', ..." starts an
 * entry; following lines continue it until a blank line. */
static int
ref_line(struct xstate *x, const char *s, size_t n, long lineno)
{
	size_t tn = n, i = 0;
	const char *t = text_trim(s, &tn);
	int num = 0, digits = 0, bracket = 0;

	if (tn == 0)
		return flush_ref(x);
	if (i < tn && (t[i] == '-' || t[i] == '*') && i + 1 < tn &&
	    t[i + 1] == ' ')
		i += 2;
	if (i < tn && t[i] == '[') {
		bracket = 1;
		i++;
	}
	while (i < tn && t[i] >= '0' && t[i] <= '9' && digits < 5) {
		num = num * 10 + (t[i] - '0');
		i++;
		digits++;
	}
	if (digits > 0 && (!bracket || (i < tn && t[i] == ']'))) {
		if (bracket)
			i++;
		if (i < tn && (t[i] == '.' || t[i] == ')'))
			i++;
		if (i < tn && (t[i] == ' ' || t[i] == '\t')) {
			int rc = flush_ref(x);
			if (rc)
				return rc;
			x->have_ref = 1;
			x->ref_num = num;
			x->ref_line = lineno;
			buf_add(&x->ref, t + i, tn - i);
			return 0;
		}
	}
	if (x->have_ref) {
		buf_addc(&x->ref, ' ');
		buf_add(&x->ref, t, tn);
	} else if (i >= 2 && (t[0] == '-' || t[0] == '*')) {
		/* an unnumbered entry of a bibliography */
		x->have_ref = 1;
		x->ref_num = 0;
		x->ref_line = lineno;
		buf_add(&x->ref, t + 2, tn - 2);
	}
	return 0;
}

/* ---- sentences and claims ----------------------------------------- */

/* Offset in the cleaned block of the first byte at or after raw. */
static size_t
clean_at(const struct xstate *x, size_t raw)
{
	return text_clean_at(&x->runs, raw);
}

static size_t
raw_at(const struct xstate *x, size_t clean, size_t rawlen)
{
	return clean < x->clean.len ? text_raw_at(&x->runs, clean) : rawlen;
}

/* Does "of" follow offset end (after spaces)? */
static int
followed_by_of(const char *s, size_t len, size_t end)
{
	size_t i = end;

	while (i < len && s[i] == ' ')
		i++;
	return i + 3 <= len && strncasecmp(s + i, "of ", 3) == 0;
}

/* Words between clean offsets a and b. */
static int
words_between(const char *s, size_t a, size_t b)
{
	int n = 0, in = 0;

	for (size_t i = a; i < b; i++) {
		int w = s[i] != ' ';
		if (w && !in)
			n++;
		in = w;
	}
	return n;
}

/* Is sentence si in the past tense? Looked up once, when first asked. */
static int
is_past(struct xstate *x, int si)
{
	if (x->past[si] < 0)
		x->past[si] = rules_match(x->r, &x->r->past, x->clean.data,
		    x->csent[si].end, x->csent[si].start, 0, x->md, NULL) > 0;
	return x->past[si];
}

static enum fig_pkind
kind_of(struct xstate *x, enum fig_prole role, int year, int sent)
{
	switch (role) {
	case FIG_PR_DEADLINE:
		if (x->pub_year ? year < x->pub_year : is_past(x, sent))
			return FIG_PK_OBSERVED;	/* "by 2020 was employing" */
		return FIG_PK_TARGET;
	case FIG_PR_BASELINE:
		return FIG_PK_BASELINE;
	case FIG_PR_ANCHOR:
		if (x->pub_year && year > x->pub_year)
			return FIG_PK_FORECAST;
		return FIG_PK_OBSERVED;
	default:
		return FIG_PK_OBSERVED;
	}
}

/* Marks a sentence that names no entity, nor any sentence before it
 * (and a title that names none). */
static const char no_entity[] = "";
static int run_ends_later(const struct xstate *x, const char *p);
static const char *title_entity(struct xstate *x);
static const char *title_date(struct xstate *x);
static const char *first_entity(struct xstate *x, size_t from, size_t to);
static void find_actors(struct xstate *x);

/* The publication date as a period: its year, or with month set its
 * month where the date has one. */
static void
publication(const struct xstate *x, int month, char period[FIG_PERIOD_LEN])
{
	if (month && x->pub_month)
		snprintf(period, FIG_PERIOD_LEN, "%04d-%02d",
		    x->pub_year % 10000, x->pub_month);
	else
		snprintf(period, FIG_PERIOD_LEN, "%04d", x->pub_year % 10000);
}

/* Makes period p ("since February 2022") the run from it to the
 * publication date, in p's own unit: a year runs to the publication year,
 * anything shorter to its month. Without a publication date, or when p
 * does not start before it, p stays as it is. */
static void
since_publication(const struct xstate *x, char period[FIG_PERIOD_LEN])
{
	char now[FIG_PERIOD_LEN], out[FIG_PERIOD_LEN];

	if (!x->pub_year || strchr(period, '/'))
		return;
	publication(x, strlen(period) > 4, now);
	if ((strlen(period) == 4) == (strlen(now) == 4) &&
	    period_cmp(period, now) < 0 &&
	    period_interval(period, now, out) == 0)
		memcpy(period, out, FIG_PERIOD_LEN);
}

/* Adds the date phrase just matched in md (rule index in its mark) as a
 * mention of sentence si, the longer phrase winning an overlap. Returns
 * the end of the match. */
/* Does period rule pr know entity e's fiscal year? */
static int
has_fiscal(const struct fig_periodrule *pr, const char *e)
{
	for (int i = 0; i < pr->nfiscal; i++)
		if (strcmp(pr->fiscal[i].entity, e) == 0)
			return 1;
	return 0;
}

/* Whose fiscal year a phrase of rule pr names when the title's first
 * actor has none the rule knows ("Russia cements lead among India's oil
 * suppliers": India's): the first actor of sentence si, then of the
 * title, that has one; else the first actor of the sentence. Uses x->md
 * (the caller sets it aside). */
static const char *
fiscal_entity(struct xstate *x, const struct fig_periodrule *pr, int si)
{
	const char *t = x->meta->title;
	size_t at = 0, n = strlen(t);

	if (!x->ments_ok)
		find_actors(x);
	for (int i = 0; i < x->nments; i++)
		if (x->ments[i].start >= x->csent[si].start &&
		    x->ments[i].end <= x->csent[si].end &&
		    has_fiscal(pr, x->ments[i].name))
			return x->ments[i].name;
	while ((x->title_from_meta || x->title_headline) && at < n &&
	    rules_match(x->r, &x->r->anyentity, t, n, at, 0, x->md, NULL) > 0) {
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
		const char *e = rules_entity(x->r, t + ov[0], ov[1] - ov[0]);
		if (e && has_fiscal(pr, e))
			return e;
		at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	}
	return first_entity(x, x->csent[si].start, x->csent[si].end);
}

/* Does the date phrase at c[at] follow "than" ("2.1 times more than in
 * August last year", "27% more than the previous month")? It is then
 * the time of a comparison's base, which dates only the base. */
static int
after_than(const char *c, size_t from, size_t at)
{
	while (at > from && c[at - 1] == ' ')
		at--;
	return at >= from + 4 && strncasecmp(c + at - 4, "than", 4) == 0 &&
	    (at == from + 4 || c[at - 5] == ' ');
}

/* The period of relative date phrase pr, which x->md holds ("last
 * year", "last month", "this quarter", "this week"): steps from the
 * publication date, which then needs its month (a week its day, else
 * "this week" is the month). 0, or -1 when there is none. */
static int
relative_period(const struct xstate *x, const struct fig_periodrule *pr,
    char period[FIG_PERIOD_LEN])
{
	int at = x->pub_year * 12 + (x->pub_month ? x->pub_month - 1 : 0);
	int off, step, rc;

	/* "on Monday": the month of that day of the week of publication
	 * (news of a decision is of its month), else the month of
	 * publication */
	if ((rc = period_weekday(pr, x->md, x->meta->published, period)) == 0)
		period[7] = '\0';
	else if (rc < 0 && x->pub_year && x->pub_month)
		publication(x, 1, period);
	if (rc <= 0)
		return rc < 0 && !x->pub_month ? -1 : 0;
	period_relative(pr, x->md, &off, &step);
	if (!x->pub_year || (step < 12 && !x->pub_month))
		return -1;
	at += off * step;
	if (at < 0)
		return -1;
	if (step == 0)
		return period_add_days(x->meta->published, 7 * off, period) ==
		    0 || (off == 0 && period_parse(x->meta->published,
		    period) == 0) ? 0 : -1;
	if (step == 1)
		snprintf(period, FIG_PERIOD_LEN, "%04d-%02d", at / 12 % 10000,
		    at % 12 + 1);
	else if (step == 3)
		snprintf(period, FIG_PERIOD_LEN, "%04d-Q%d", at / 12 % 10000,
		    at % 12 / 3 + 1);
	else
		snprintf(period, FIG_PERIOD_LEN, "%04d", at / 12 % 10000);
	return 0;
}

static size_t
add_mention(struct xstate *x, int si, int first)
{
	const struct fig_rules *r = x->r;
	const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
	PCRE2_SPTR mark = pcre2_get_mark(x->md);
	int k = mark ? atoi((const char *)mark) : -1;
	const struct fig_periodrule *pr;
	struct mention mm;
	size_t end = ov[1] > ov[0] ? ov[1] : ov[0] + 1;

	if (k < 0 || k >= r->nperiods)
		return end;
	pr = &r->periods[k];
	memset(&mm, 0, sizeof mm);
	mm.sent = si;
	mm.rule = k;
	mm.start = ov[0];
	mm.end = ov[1];
	mm.role = pr->role;
	if (after_than(x->clean.data, x->csent[si].start, mm.start) &&
	    (mm.role == FIG_PR_ANCHOR || mm.role == FIG_PR_ANAPHOR ||
	    mm.role == FIG_PR_RELATIVE))
		mm.role = FIG_PR_BASELINE;
	if (pr->g_fy > 0 || pr->nfiscal > 0) {
		/* a fiscal year: its months need the document's country,
		 * the title's (looked up before the date phrases), else the
		 * first the sentence names (looked up aside: md holds this
		 * phrase's groups) */
		const char *ent = x->title_entity == no_entity ? NULL :
		    x->title_entity;
		if (ent == NULL || !has_fiscal(pr, ent)) {
			pcre2_match_data *keep = x->md;
			const char *e;
			x->md = x->md_aside;
			e = fiscal_entity(x, pr, si);
			x->md = keep;
			if (e || ent == NULL)
				ent = e;
		}
		if (period_fiscal(pr, x->md, ent, x->pub_year, x->pub_month,
		    mm.period) != 0)
			return end;
		mm.looks_back = period_anaphor_offset(pr, x->md) < 0;
	} else if (pr->g_year > 0) {
		if (period_from_match(pr, x->md, mm.period) < 0)
			return end;
		if ((mm.since = period_is_since(pr, x->md)) != 0)
			since_publication(x, mm.period);
	} else if (pr->g_days > 0 || pr->g_dayto > 0) {
		/* "the first 20 days of this month", "February 1-20" */
		if (!period_match_days(pr, x->md, &mm.partmonth, &mm.partfrom,
		    &mm.partn))
			return end;
		mm.part = 'D';
		mm.thisyear = mm.partmonth == 0;
	} else if (pr->g_month > 0 || pr->g_quarter > 0 || pr->g_half > 0 ||
	    pr->g_months > 0) {
		if ((mm.part = period_match_part(pr, x->md, &mm.partn,
		    &mm.partfrom)) == 0)
			return end;
		/* "of this year", "August last year": of the publication
		 * year, or offset years from it */
		if (pr->g_back > 0)
			mm.offset = period_anaphor_offset(pr, x->md);
		mm.thisyear = period_is_this(pr, x->md) || mm.offset < 0;
	} else if (pr->role == FIG_PR_ANAPHOR || (pr->role ==
	    FIG_PR_BASELINE && pr->g_back > 0)) {
		/* "a year earlier"; a base "the same period last year" */
		mm.offset = period_anaphor_offset(pr, x->md);
	} else if (pr->role == FIG_PR_UNDATED) {
		mm.blank = 1;	/* dates the figure with no period */
	} else if (pr->role == FIG_PR_RELATIVE) {
		if (relative_period(x, pr, mm.period) != 0)
			return end;
		mm.event_day = period_weekday(pr, x->md, NULL, NULL) != 1;
	}
	for (int j = first; j < x->nm; j++) {
		struct mention *o = &x->m[j];
		if (mm.start < o->end && o->start < mm.end) {
			if (mm.end - mm.start > o->end - o->start)
				*o = mm;
			return end;
		}
	}
	GROW(x->m, x->nm, x->mcap);
	x->m[x->nm++] = mm;
	return end;
}

/* Next four-digit number 1000..2999 in s[from..to) standing alone, or
 * to. Date phrases are only looked for around these. */
static size_t
next_year(const char *s, size_t from, size_t to)
{
	for (size_t i = from; i + 4 <= to; i++) {
		if (s[i] < '1' || s[i] > '2' || (i > 0 && s[i - 1] >= '0' &&
		    s[i - 1] <= '9'))
			continue;
		if (s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] >= '0' &&
		    s[i + 2] <= '9' && s[i + 3] >= '0' && s[i + 3] <= '9' &&
		    (i + 4 == to || s[i + 4] < '0' || s[i + 4] > '9'))
			return i;
	}
	return to;
}

/* How far before and after a year a date phrase may reach, in bytes. */
#define YEAR_BEFORE 80
#define YEAR_AFTER 16

/* The year a dating mention names, its period's or a blank one's. */
static int
mention_year(const struct mention *m)
{
	return m->blank ? m->year : period_year(m->period);
}

/* The paragraph's last date, for "that year", "a year earlier" and "in
 * June". */
struct lastdate {
	int year;			/* 0: none yet */
	char period[FIG_PERIOD_LEN];	/* "2023-Q1"; "" for a blank run */
	int relative;			/* "last year": it counts from the
					   publication date, and so does a
					   part of a year after it */
};

/* The year of a part of a year named without one ("in June", "in the
 * first quarter"; month: its first month): the paragraph's last year,
 * else the year of the document's last date phrase, else the latest
 * such part begun by publication; 0 when none is known. After "last
 * year" ("rose 20% last year. In the first quarter ...") the part is
 * the latest one too. */
static int
month_year(const struct xstate *x, const struct lastdate *ld, int month)
{
	if (ld->year && !ld->relative)
		return ld->year;
	if (!ld->year && x->has_recall &&
	    x->recall.role != FIG_PR_RELATIVE && !x->recall.thisyear &&
	    strlen(x->recall.period) != 4) {
		/* of a run across years ("2023-07/2024-06"), the year
		 * in which the run holds that month */
		const char *p = x->recall.period, *slash = strchr(p, '/');
		if (slash && slash - p >= 7 && p[4] == '-' &&
		    period_digits(p + 5, 2) > month)
			return period_year(slash + 1);
		return slash ? period_first_year(p) :
		    mention_year(&x->recall);
	}
	if (!x->pub_year)
		return 0;
	return x->pub_month && month > x->pub_month ? x->pub_year - 1 :
	    x->pub_year;
}

static int carries(const struct mention *m);
static int base_own_date(const struct xstate *x, const struct mention *m,
    int upto);
static void lit_sentence(struct xstate *x, int si);
static int may_match(struct xstate *x, const struct fig_re *re);

/* x->pw_at: no match of the rule in the sentence; not looked for yet */
#define PW_NONE ((size_t)-1)
#define PW_UNSEEN ((size_t)-2)

/* The next date phrase without a year in c[at, ce): each such rule's
 * leftmost match is looked for once and kept while at has not passed
 * its start (x->pw_at, set up by the caller), and the first by start,
 * then by rule order, is the one their alternation would find. Returns
 * that rule's index with its match in x->md, -1 for none, or -2 on a
 * match error (in err, when not NULL). */
static int
next_word_period(struct xstate *x, const char *c, size_t at, size_t ce,
    struct fig_err *err)
{
	const struct fig_rules *r = x->r;
	int best = -1, rc;

	for (int k = 0; k < r->nperiods; k++) {
		if (x->pw_at[k] == PW_NONE)
			continue;
		if (x->pw_at[k] == PW_UNSEEN || x->pw_at[k] < at) {
			rc = rules_match(r, &r->periods_word[k], c, ce, at, 0,
			    x->md, err);
			if (rc < 0)
				return -2;
			x->pw_at[k] = rc > 0 ?
			    pcre2_get_ovector_pointer(x->md)[0] : PW_NONE;
			if (rc == 0)
				continue;
		}
		if (best < 0 || x->pw_at[k] < x->pw_at[best])
			best = k;
	}
	/* its match again, from where it starts, for its groups */
	if (best >= 0 && rules_match(r, &r->periods_word[best], c, ce,
	    x->pw_at[best], 0, x->md, err) < 0)
		return -2;
	return best;
}

/* Does cue re match in mention mm's sentence, outside mm (the goal word
 * is not the phrase itself: "by 2030" is one)? */
static int
cue_around(struct xstate *x, const struct fig_re *re, const struct mention *mm)
{
	const char *c = x->clean.data;

	return re->code && (rules_match(x->r, re, c, mm->start,
	    x->csent[mm->sent].start, 0, x->md, NULL) > 0 ||
	    rules_match(x->r, re, c, x->csent[mm->sent].end, mm->end, 0, x->md,
	    NULL) > 0);
}

/* Finds the date phrases of sentence si in the cleaned block. */
static int
find_mentions(struct xstate *x, int si, size_t cs, size_t ce,
    struct lastdate *ld)
{
	const struct fig_rules *r = x->r;
	const char *c = x->clean.data;
	int first = x->nm, rc = 0, upto = 0;
	size_t at, done = cs, y;

	/* the figures up to this sentence's last, for bases' own dates */
	while (upto < x->nq && x->qs[upto].sent <= si)
		upto++;
	(void)title_entity(x);	/* for fiscal years; see add_mention */
	/* phrases with a year: only in a window around each year */
	for (at = cs; (y = next_year(c, at, ce)) < ce; at = y + 4) {
		size_t from = y > done + YEAR_BEFORE ? y - YEAR_BEFORE : done;
		size_t to = y + 4 + YEAR_AFTER < ce ? y + 4 + YEAR_AFTER : ce;

		while (from <= y && (rc = rules_match(r, &r->periods_year, c, to,
		    from, 0, x->md, x->err)) > 0)
			from = done = add_mention(x, si, first);
		if (rc < 0)
			return -1;
		if (done < y)
			done = y;
	}
	/* the others over the whole sentence */
	if (x->lit_sent != si)
		lit_sentence(x, si);
	for (int k = 0; k < r->nperiods; k++)
		x->pw_at[k] = r->periods_word[k].code && may_match(x,
		    &r->periods_word[k]) ? PW_UNSEEN : PW_NONE;
	for (at = cs; at < ce && (rc = next_word_period(x, c, at, ce,
	    x->err)) >= 0; )
		at = add_mention(x, si, first);
	if (rc == -2)
		return -1;
	/* order by position, then resolve "that year" and kinds */
	for (int i = first + 1; i < x->nm; i++)
		for (int j = i; j > first && x->m[j].start < x->m[j - 1].start;
		    j--) {
			struct mention t = x->m[j];
			x->m[j] = x->m[j - 1];
			x->m[j - 1] = t;
		}
	for (int i = first; i < x->nm; i++) {
		struct mention *mm = &x->m[i];
		if (mm->role == FIG_PR_ANAPHOR && mm->part) {
			/* the month that must have begun by publication for
			 * the part to be of the publication year */
			int first_month = mm->part == 'Q' ? mm->partn * 3 - 2 :
			    mm->part == 'H' ? mm->partn * 6 - 5 :
			    mm->part == 'D' ? (mm->partmonth ? mm->partmonth :
			    x->pub_month) : mm->partn;
			int my = !mm->thisyear ? month_year(x, ld,
			    first_month) : x->pub_year ? x->pub_year +
			    mm->offset : 0;
			if (mm->part == 'D') {		/* a run of days */
				char a[FIG_PERIOD_LEN], b[FIG_PERIOD_LEN];
				snprintf(a, sizeof a, "%04d-%02d-%02d",
				    my % 10000, first_month % 100,
				    mm->partfrom % 100);
				snprintf(b, sizeof b, "%04d-%02d-%02d",
				    my % 10000, first_month % 100,
				    mm->partn % 100);
				if (!my || !first_month ||
				    period_interval(a, b, mm->period) != 0)
					mm->period[0] = '\0';
			} else if (my && mm->part == 'F') {	/* months */
				if (period_months(my, mm->partfrom, mm->partn,
				    mm->period) != 0)
					mm->period[0] = '\0';
			} else if (my && mm->part == 'M')
				snprintf(mm->period, sizeof mm->period,
				    "%04d-%02d", my % 10000, mm->partn);
			else if (my)
				snprintf(mm->period, sizeof mm->period,
				    "%04d-%c%d", my % 10000, mm->part, mm->partn);
		} else if (mm->role == FIG_PR_RECALL) {
			if (x->has_recall) {
				memcpy(mm->period, x->recall.period,
				    sizeof mm->period);
				mm->blank = x->recall.blank;
				mm->year = x->recall.year;
			}
		} else if (mm->role == FIG_PR_ANAPHOR || (mm->role ==
		    FIG_PR_BASELINE && mm->offset)) {
			/* "a year earlier" than the first quarter of 2023 is
			 * the first quarter of 2022; so is the base "the same
			 * period last year", which dates only a figure that
			 * is that base (base_period) */
			int off = mm->offset, by = ld->year;
			const char *from = ld->period;
			/* "A year earlier the figure had been 98.1 percent"
			 * opening a paragraph: a year before the date the
			 * document last named */
			if (!by && off && x->has_recall && !x->recall.blank &&
			    x->recall.role != FIG_PR_RELATIVE &&
			    !x->recall.thisyear) {
				by = mention_year(&x->recall);
				from = x->recall.period;
			}
			mm->period[0] = '\0';
			if (by && (!off || !from[0] ||
			    period_shift(from, off, mm->period) != 0))
				snprintf(mm->period, sizeof mm->period,
				    "%04d", (by + off) % 10000);
		}
		if ((mm->period[0] || mm->blank) && mm->role != FIG_PR_BASELINE &&
		    !base_own_date(x, mm, upto)) {
			ld->year = mention_year(mm);
			memcpy(ld->period, mm->period, sizeof ld->period);
			/* a day without a year ("On 23 February") is dated
			 * from publication, as "last month" is */
			ld->relative = mm->role == FIG_PR_RELATIVE ||
			    mm->thisyear || mm->part == 'D';
		}
		mm->kind = kind_of(x, mm->role, mention_year(mm), si);
		if (mm->kind == FIG_PK_OBSERVED && mm->role != FIG_PR_BASELINE
		    && mm->role != FIG_PR_DEADLINE && !mm->since &&
		    run_ends_later(x, mm->period))
			mm->kind = FIG_PK_FORECAST;
		/* a future date with a goal word is a goal; so is a past
		 * deadline ("a plan ... aimed for 90 nm by the end of
		 * 2022"), which without one is the time reached ("by 2020
		 * was employing") */
		if (((mm->role == FIG_PR_ANCHOR && mm->kind ==
		    FIG_PK_FORECAST) || (mm->role == FIG_PR_DEADLINE &&
		    mm->kind == FIG_PK_OBSERVED)) &&
		    cue_around(x, &x->r->target, mm))
			mm->kind = FIG_PK_TARGET;
		/* a goal date an outlook foresees ("China is expected to
		 * rank second in capacity growth by 2026") is a forecast,
		 * unless a goal word says it is a goal */
		else if (mm->role == FIG_PR_DEADLINE && mm->kind ==
		    FIG_PK_TARGET && cue_around(x, &x->r->forecast, mm) &&
		    !cue_around(x, &x->r->target, mm))
			mm->kind = FIG_PK_FORECAST;
		if ((mm->role == FIG_PR_ANCHOR || mm->role == FIG_PR_ANAPHOR ||
		    mm->role == FIG_PR_RELATIVE) && (mm->period[0] ||
		    mm->blank) && !mm->since && !mm->looks_back &&
		    carries(mm) && !base_own_date(x, mm, upto)) {
			x->recall = *mm;
			x->has_recall = 1;
		}
	}
	return 0;
}

/* Does the run of time p ("2018-07/2019-06") end after the month of
 * publication? A season or fiscal year not yet over ("in the July
 * 2018-June 2019 farming year" in August 2018) is forecast, as a
 * future year is. A run to publication ("since February 2022") is
 * not. */
static int
run_ends_later(const struct xstate *x, const char *p)
{
	const char *slash = strchr(p, '/');
	int y, m = 12;

	if (slash == NULL || !x->pub_year || !x->pub_month)
		return 0;
	y = period_digits(slash + 1, 4);
	if (y < 0)
		return 0;
	if (slash[5] == '-' && slash[6] >= '0' && slash[6] <= '9' &&
	    (m = period_digits(slash + 6, 2)) < 0)
		return 0;
	return y * 12 + m > x->pub_year * 12 + x->pub_month;
}

/* A mention that can date a figure. */
static int
dating(const struct mention *m)
{
	return (m->period[0] || m->blank) && m->role != FIG_PR_BASELINE &&
	    m->role != FIG_PR_PRESENT;
}

/* A mention that dates figures beyond its sentence: not one that looks
 * back from the date last named ("a year earlier", "the previous year"),
 * which is a comparison's base and no new time the text moves to. */
static int
carries(const struct mention *m)
{
	return dating(m) && !(m->role == FIG_PR_ANAPHOR && !m->part &&
	    m->offset < 0);
}

/* Does a clause break (";", ", and", ", but", ", while", ...) start at
 * clean offset i, within s[..b)? */
static int
break_at(const char *s, size_t i, size_t b)
{
	static const char *const joins[] = { "and ", "but ", "while ",
	    "whereas ", "although ", "though ", "yet ", "so ", NULL };
	/* "and" before a verb starts a predicate of its own, comma or not:
	 * "produces chips at 90 nm and hopes to master 65 nm by 2026" */
	static const char *const verbs[] = { "plans ", "planned ", "hopes ",
	    "aims ", "wants ", "intends ", "expects ", "seeks ", "will ",
	    "would ", "is ", "are ", "was ", "were ", "has ", "have ",
	    "had ", "can ", "could ", "may ", "might ", NULL };

	if (s[i] == ';')
		return 1;
	if (s[i] == ' ' && i + 5 <= b && (s[i + 1] | 32) == 'a' &&
	    (s[i + 2] | 32) == 'n' && (s[i + 3] | 32) == 'd' && s[i + 4] == ' ') {
		for (int k = 0; verbs[k]; k++) {
			size_t n = strlen(verbs[k]);
			if (i + 5 + n <= b &&
			    strncasecmp(s + i + 5, verbs[k], n) == 0)
				return 1;
		}
		return 0;
	}
	if (s[i] != ',')
		return 0;
	for (int k = 0; joins[k]; k++) {
		size_t n = strlen(joins[k]);
		if (i + 1 + n <= b && s[i + 1] == ' ' &&
		    strncasecmp(s + i + 2, joins[k], n) == 0)
			return 1;
	}
	return 0;
}

/* Is there a clause break between clean offsets a and b? A date in
 * another clause of the sentence is a weaker claim on a figure than one
 * in its own. */
static int
clause_break(const char *s, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (break_at(s, i, b))
			return 1;
	return 0;
}

/* Where the clause holding clean offset b starts: just after the last
 * clause break in [a, b), else a. */
static size_t
clause_start(const char *s, size_t a, size_t b)
{
	size_t start = a;

	for (size_t i = a; i < b; i++)
		if (break_at(s, i, b))
			start = i + 1;
	return start;
}

/* Is mention m (before figure q) in the figure's own clause? */
static int
own_clause(const char *c, const struct mention *m, const struct qrec *q)
{
	return m && !clause_break(c, m->end, q->q.start);
}

static void
use_mention(const struct mention *m, char period[FIG_PERIOD_LEN],
    enum fig_pkind *kind)
{
	memcpy(period, m->period, FIG_PERIOD_LEN);
	*kind = m->kind;
}

static void build_context(struct xstate *x, const struct qrec *q);

/* Does s[a..b) open a bracket it does not close? A date after it is an
 * aside's, which dates only what the brackets hold ("covering 35,6% of
 * demand (it was 27,5% in October 2022)"). */
static int
opens_bracket(const char *s, size_t a, size_t b)
{
	int depth = 0;

	for (size_t i = a; i < b; i++)
		if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && depth > 0)
			depth--;
	return depth > 0;
}

/* Is mention m the date of a comparison's base just before it ("as
 * against 99.3 MT in 2019", "from 71.4 MT in 2019")? Such a date is
 * the base's own: it is no date the next sentence or paragraph takes
 * ("Japan's output fell 16.2 per cent, as against 99.3 MT in 2019." then
 * "The US registered a 17.2 per cent fall"), nor a later figure of its
 * sentence but a base ("dropped from 4.9 in 2022 to 4.5"). One opening
 * the next clause is that clause's ("against 29 from Boeing; in the
 * first quarter it led by 142 jets"). */
static int
base_own_date(const struct xstate *x, const struct mention *m, int upto)
{
	/* the figures, in order, are looked at back from figure upto (the
	 * first that may stand after m) to the sentence's first */
	for (int i = upto - 1; i >= 0 && x->qs[i].sent >= m->sent; i--) {
		const struct qrec *q = &x->qs[i];
		if (q->sent == m->sent && q->q.end <= m->start)
			return q->base && words_between(x->clean.data,
			    q->q.end, m->start) <= ANCHOR_WORDS &&
			    !clause_break(x->clean.data, q->q.end, m->start);
	}
	return 0;
}

/* Does the word w (ASCII letters, any case) stand whole in s[a, b):
 * no letter or digit right before or after it? */
static int
has_word(const char *s, size_t a, size_t b, const char *w)
{
	size_t n = strlen(w);

	for (size_t i = a; i + n <= b; i++)
		if (strncasecmp(s + i, w, n) == 0 &&
		    (i == 0 || !isalnum((unsigned char)s[i - 1])) &&
		    (i + n == b || !isalnum((unsigned char)s[i + n])))
			return 1;
	return 0;
}

/* Does a word setting two figures against each other ("than", "in
 * contrast to") stand in s[a..b)? */
static int
has_than(const char *s, size_t a, size_t b)
{
	return has_word(s, a, b, "than") || has_word(s, a, b, "contrast");
}

/* Is mention m, after figure qi and another figure of its sentence,
 * the date of a comparison base standing just before it ("rose 20% to
 * $120 billion, up from $98.7 billion in 2021", "rose 15.7%, faster
 * than a 10% increase in May"): the base's own date, which dates nothing
 * else? Leaves x->ctx as it found it (qi's). */
static int
base_date(struct xstate *x, int qi, const struct mention *m)
{
	const struct qrec *q = &x->qs[qi];
	int bi = -1, rc;

	for (int i = qi + 1; i < x->nq && x->qs[i].sent == q->sent &&
	    x->qs[i].q.end <= m->start; i++)
		bi = i;
	if (bi < 0 || words_between(x->clean.data, x->qs[bi].q.end,
	    m->start) > ANCHOR_WORDS || x->r->baseline.code == NULL)
		return 0;
	if (has_than(x->clean.data, q->q.end, x->qs[bi].q.start))
		return 1;
	build_context(x, &x->qs[bi]);
	rc = may_match(x, &x->r->baseline) && rules_match_upto(x->r,
	    &x->r->baseline, x->ctx.data, x->ctx.len, 0, x->mark_last,
	    x->mctx, x->md, NULL) > 0;
	build_context(x, q);
	return rc;
}

/* A base in brackets after the phrase that dates it: "35% more than a
 * year earlier (21 million tonnes)", "than in August last year ($451
 * million)": a date phrase ending right before the bracket dates the
 * figure in it. Returns 1 with period set, else 0. */
static int
bracket_base_period(struct xstate *x, const struct qrec *q,
    char period[FIG_PERIOD_LEN])
{
	const char *c = x->clean.data;
	size_t at = q->q.start;

	if (c[at] != '(') {	/* the bracket may be the figure's own */
		while (at > 0 && c[at - 1] == ' ')
			at--;
		if (at == 0 || c[at - 1] != '(')
			return 0;
		at--;
	}
	while (at > 0 && c[at - 1] == ' ')
		at--;
	for (int i = 0; i < x->nm; i++) {
		const struct mention *m = &x->m[i];
		if (m->sent == q->sent && m->end == at && m->period[0] &&
		    m->role != FIG_PR_DEADLINE) {
			memcpy(period, m->period, FIG_PERIOD_LEN);
			return 1;
		}
	}
	return 0;
}

/* The period of figure qi when it is a comparison's base ("compared
 * with $35.2 billion over the same period last year"): a base phrase
 * after it in its clause, with no other figure between, dates it. */
static void
base_period(struct xstate *x, int qi, char period[FIG_PERIOD_LEN])
{
	const struct qrec *q = &x->qs[qi];
	const char *c = x->clean.data;
	size_t next_q = x->csent[q->sent].end;

	if (qi + 1 < x->nq && x->qs[qi + 1].sent == q->sent)
		next_q = x->qs[qi + 1].q.start;
	if (bracket_base_period(x, q, period))
		return;
	for (int i = 0; i < x->nm; i++) {
		const struct mention *m = &x->m[i];
		if (m->sent != q->sent || m->start < q->q.end)
			continue;
		if (m->start >= next_q || words_between(c, q->q.end,
		    m->start) > CLAUSE_WORDS || clause_break(c, q->q.end,
		    m->start))
			return;
		if (m->role == FIG_PR_BASELINE && m->period[0]) {
			memcpy(period, m->period, FIG_PERIOD_LEN);
			return;
		}
		if (dating(m))
			return;
	}
}

/* Chooses the period of quantity qi; docs/rules.md, "Periods", gives
 * the order: a deadline or a date right after the figure, a date before
 * it in its clause ("now" after that date meaning the present), a date
 * after it in its clause, a date in another clause of the sentence, the
 * date an earlier sentence of the paragraph set, a date anywhere later in
 * the sentence, for a decision reported the month of publication, and
 * for the present tense the year of publication. */
/* Is mention m (a "now") inside an aside between commas before figure
 * q: "In 2022, the third and fourth lines, now held by Hong Kong and
 * Kazakhstan, were taken by the Netherlands and Germany (3% each)"? It
 * then says nothing of when the figure holds. */
static int
aside(const char *c, const struct mention *m, const struct qrec *q)
{
	size_t i = m->start;

	while (i > 0 && c[i - 1] == ' ')
		i--;
	if (i == 0 || c[i - 1] != ',')
		return 0;
	for (i = m->end; i < q->q.start; i++)
		if (c[i] == ',')
			return 1;
	return 0;
}

/* Does sentence si report a decision ("raised its key rate")? The
 * [period] rules of role event are tried here only, on the sentences
 * of figures nothing else dates, not with the other date phrases. */
static int
has_event(struct xstate *x, int si)
{
	const struct fig_rules *r = x->r;

	if (x->lit_sent != si)
		lit_sentence(x, si);
	for (int i = 0; i < r->nperiods; i++)
		if (r->periods[i].role == FIG_PR_EVENT &&
		    may_match(x, &r->periods[i].re) &&
		    rules_match(r, &r->periods[i].re, x->clean.data,
		    x->csent[si].end, x->csent[si].start, 0, x->md, NULL) > 0)
			return 1;
	return 0;
}

/* Does the date after figure q open the next item of a list of dated
 * figures, q's own date before it with no comma between ("in April by 7%
 * compared to March, in May by 11%")? */
static int
next_item(const char *c, const struct mention *before, const struct qrec *q,
    const struct mention *after)
{
	return before && !memchr(c + before->end, ',', q->q.start -
	    before->end) && memchr(c + q->q.end, ',', after->start - q->q.end);
}

/* Is mention m a month of the publication year the text names ("as of
 * February 2025") or that of news of the day ("on Wednesday"), not one
 * counted from publication ("this month")? */
static int
recent_month(const struct xstate *x, const struct mention *m)
{
	return (m->role == FIG_PR_ANCHOR || m->event_day) &&
	    strlen(m->period) == 7 &&
	    m->period[4] == '-' && atoi(m->period) == x->pub_year;
}

static void
choose_period(struct xstate *x, int qi, const struct mention *carry,
    char period[FIG_PERIOD_LEN], enum fig_pkind *kind)
{
	const struct qrec *q = &x->qs[qi];
	const char *c = x->clean.data;
	const struct mention *before = NULL, *after = NULL, *present = NULL,
	    *moved = NULL, *same = NULL;
	size_t next_q = x->csent[q->sent].end;
	int wa = 0, others = 0;

	period[0] = '\0';
	*kind = FIG_PK_OBSERVED;
	for (int i = qi + 1; i < x->nq; i++)
		if (x->qs[i].sent == q->sent) {
			next_q = x->qs[i].q.start;
			break;
		}
	for (int i = 0; i < x->nm; i++) {
		const struct mention *m = &x->m[i];
		if (m->sent != q->sent)
			continue;
		if (m->role == FIG_PR_BASELINE && m->offset)
			same = m;
		if (m->end <= q->q.start) {
			if (m->role == FIG_PR_PRESENT && !aside(c, m, q))
				present = m;
			else if (dating(m) && (q->base ||
			    !base_own_date(x, m, qi))) {
				before = m;
				present = NULL;	/* only "now" after the date */
				if (carries(m))
					moved = m;
			}
		} else if (m->start >= q->q.end && !after && dating(m) &&
		    !opens_bracket(c, q->q.end, m->start))
			after = m;
	}
	if (after) {
		wa = words_between(c, q->q.end, after->start);
		others = clause_break(c, q->q.end, after->start) &&
		    (own_clause(c, present, q) || own_clause(c, before, q));
	}
	/* "59.1 percent by 2030", "57 percent in 2020"; not a date of
	 * another clause when the figure's own clause dates it ("now
	 * produces 20% of the world's neon, ..., and plans to double output
	 * by 2025", "were in 2016, at $7.24 billion; between 2014 and
	 * 2018 ...") */
	if (after && after->start < next_q && !others &&
	    ((after->role == FIG_PR_DEADLINE && wa <= DEADLINE_WORDS) ||
	    (wa <= ANCHOR_WORDS && !next_item(c, before, q, after)))) {
		use_mention(after, period, kind);
		return;
	}
	/* "In 2020, ... 57 percent"; "in 2019 and now has three" */
	if (present && x->pub_year && (!before || own_clause(c, present, q))) {
		publication(x, 0, period);
		return;
	}
	if (own_clause(c, before, q)) {
		use_mention(before, period, kind);
		return;
	}
	/* "... abroad in 2015, and imports met 70 percent of it in 2020" */
	if (after && after->start < next_q && wa <= CLAUSE_WORDS &&
	    !clause_break(c, q->q.end, after->start)) {
		use_mention(after, period, kind);
		return;
	}
	/* in another clause, a date the text moved to, not a comparison's
	 * base looking back from it ("22.5 million tons in 2023-24 from 28
	 * million tons a year earlier, while output is set to decrease to
	 * 28.2 million tons"), unless the figure is a base too ("from 39.2
	 * million tons") */
	if (before && !before->event_day) {
		use_mention(moved && !q->base ? moved : before, period, kind);
		return;
	}
	/* the date an earlier sentence of the paragraph set; a duration
	 * ("for more than a decade") runs to the time of writing instead,
	 * and what can be done now ("its best fab can make 65nm chips")
	 * is not the goal an earlier sentence set */
	if (carry && !(q->q.unit && q->q.unit->duration) &&
	    !(carry->kind == FIG_PK_TARGET && x->r->ability.code &&
	    rules_match(x->r, &x->r->ability, c, x->csent[q->sent].end,
	    x->csent[q->sent].start, 0, x->md, NULL) > 0)) {
		use_mention(carry, period, kind);
		return;
	}
	/* any later date of the sentence, unless it is another figure's:
	 * one stands between in another clause ("65 nm, and plans to reach
	 * 28 nm by 2027"), or it dates a comparison base ("up from $98.7
	 * billion in 2021"); "5 billion and 3 billion in 2020" share it */
	if (after && (after->start < next_q ||
	    (!clause_break(c, q->q.end, next_q) &&
	    !base_date(x, qi, after)))) {
		use_mention(after, period, kind);
		return;
	}
	/* a change on "the same period last year" is of the period the
	 * text named last ("shows a fall of 3,3% on the same period of last
	 * year") */
	if (same && x->has_recall && !(q->q.unit && q->q.unit->duration)) {
		use_mention(&x->recall, period, kind);
		return;
	}
	/* a decision a news lead reports, with no date of its own ("The
	 * bank raised its key rate by 25 basis points to 2.25%"): of the
	 * month of publication, which the report is news of */
	if (x->pub_year && has_event(x, q->sent)) {
		publication(x, 1, period);
		return;
	}
	/* present tense: the year of publication, or the date the title
	 * gives the news of ("IRENA counts 345.5 GW of new solar capacity
	 * in 2023" published in March 2024: "China drove most of the
	 * growth with 216.9 GW") */
	if (x->pub_year && !is_past(x, q->sent)) {
		if (x->has_para_carry && recent_month(x, &x->para_carry))
			use_mention(&x->para_carry, period, kind);
		else if (title_date(x))
			memcpy(period, x->title_period, FIG_PERIOD_LEN);
		else
			publication(x, 0, period);
		return;
	}
	/* past tense: the date of the paragraph just before when that was
	 * one sentence, as news wires write ("Trade in 2024 grew 1.9%."
	 * then "Chinese exports rose 4.1%."); the paragraphs of reports run
	 * longer, and their dates stay in them */
	if (x->has_para_carry && !(q->q.unit && q->q.unit->duration))
		use_mention(&x->para_carry, period, kind);
}

/* The footnote of quantity qi: the first marker after it in its
 * sentence, else the marker of a following sentence of the paragraph
 * when no other figure comes first. */
static void
choose_footnote(const struct xstate *x, int qi, char *out, size_t n)
{
	const struct qrec *q = &x->qs[qi];
	int nsent = 0;

	out[0] = '\0';
	for (int i = 0; i < x->nfn; i++)
		if (x->fn[i].sent == q->sent && x->fn[i].off >= q->raw_end) {
			snprintf(out, n, "%ld", x->fn[i].num);
			return;
		}
	for (int i = 0; i < x->nq; i++)
		if (x->qs[i].sent > nsent)
			nsent = x->qs[i].sent;
	for (int s = q->sent + 1; s <= x->sentcap && s < 1 << 30; s++) {
		int has_q = 0, last = -1;
		if (s > nsent + 64)
			break;
		for (int i = 0; i < x->nq; i++)
			if (x->qs[i].sent == s)
				has_q = 1;
		for (int i = 0; i < x->nfn; i++)
			if (x->fn[i].sent == s)
				last = i;
		if (last >= 0) {
			if (!has_q)
				snprintf(out, n, "%ld", x->fn[last].num);
			return;
		}
		if (has_q)
			return;
	}
}

/* Sets x->lsent to sentence si of the cleaned block in lower case
 * (ASCII letters), for may_match. A letter that PCRE2 matches to an
 * ASCII one without case, U+017F (long s) or U+212A (Kelvin sign), sets
 * x->lit_all: its words cannot be told by their ASCII spelling. */
static void
lit_sentence(struct xstate *x, int si)
{
	const unsigned char *s = (const unsigned char *)x->clean.data +
	    x->csent[si].start;
	size_t n = x->csent[si].end - x->csent[si].start;

	if (x->r->nlits > 0)
		memset(x->litmemo, -1, (size_t)x->r->nlits);
	x->lit_sent = si;
	x->lit_all = 0;
	buf_reset(&x->lsent);
	buf_add(&x->lsent, s, n);
	for (char *p = x->lsent.data, *e = p + n; p < e; p++) {
		unsigned char c = (unsigned char)*p;
		if (c >= 'A' && c <= 'Z')
			*p = (char)(c | 0x20);
		else if (c == '\0')
			*p = ' ';	/* strstr reads to the end */
		else if ((c == 0xC5 && e - p > 1 && (unsigned char)p[1] == 0xBF)
		    || (c == 0xE2 && e - p > 2 && (unsigned char)p[1] == 0x84 &&
		    (unsigned char)p[2] == 0xAA))
			x->lit_all = 1;
	}
}

/* May re match in the figure's context (x->ctx)? No when its sentence
 * lacks every word of a clause of the words re needs (re->need): the
 * context is a part of that sentence with the figure's markers, which
 * hold no such word. Each word is looked for once a sentence. */
static int
may_match(struct xstate *x, const struct fig_re *re)
{
	if (x->lit_all)
		return 1;
	for (int i = 0; i < re->nneed; ) {
		int n = re->need[i++], found = 0;
		for (int k = 0; k < n; k++) {
			int id = re->need[i + k];
			if (x->litmemo[id] < 0)
				x->litmemo[id] = strstr(buf_str(&x->lsent),
				    x->r->lits[id]) != NULL;
			if ((found = x->litmemo[id]) != 0)
				break;
		}
		if (!found)
			return 0;
		i += n;
	}
	return 1;
}

/* Builds the context of quantity q: its sentence, cleaned, with the
 * figure between the markers. At most CTX_SIDE bytes of it either side
 * of the figure, cut after a space: rules read the words around a
 * figure, and a "sentence" of megabytes (a table or a list run into one
 * line) would otherwise be copied and scanned whole for each of its
 * figures. A cut context sets x->ctx_cut: what holds for it need not
 * hold for the sentence. */
static void
build_context(struct xstate *x, const struct qrec *q)
{
	const struct fig_span *cs = &x->csent[q->sent];
	const char *c = x->clean.data;
	size_t lo = cs->start, hi = cs->end;

	if (q->q.start - lo > CTX_SIDE) {
		const char *sp;
		lo = q->q.start - CTX_SIDE;
		if ((sp = memchr(c + lo, ' ', q->q.start - lo)) != NULL)
			lo = (size_t)(sp - c) + 1;
		while ((c[lo] & 0xC0) == 0x80)	/* whole characters */
			lo++;
	}
	if (hi - q->q.end > CTX_SIDE) {
		hi = q->q.end + CTX_SIDE;
		while (hi > q->q.end && c[hi] != ' ')
			hi--;
		while (hi > q->q.end && (c[hi] & 0xC0) == 0x80)
			hi--;
	}
	x->ctx_cut = lo != cs->start || hi != cs->end;
	if (x->lit_sent != q->sent)
		lit_sentence(x, q->sent);
	buf_reset(&x->ctx);
	buf_add(&x->ctx, c + lo, q->q.start - lo);
	x->ctx_qs = x->ctx.len;
	buf_adds(&x->ctx, QOPEN);
	buf_add(&x->ctx, c + q->q.start, q->q.end - q->q.start);
	buf_adds(&x->ctx, QCLOSE);
	x->ctx_qe = x->ctx.len;
	buf_add(&x->ctx, c + q->q.end, hi - q->q.end);
	x->mark_last = x->ctx_qs;
	for (const char *p = x->ctx.data + x->ctx_qe, *e = x->ctx.data +
	    x->ctx.len; (p = memchr(p, QOPEN[0], (size_t)(e - p))) != NULL;
	    p++)
		if (e - p >= 3 && memcmp(p, QOPEN, 3) == 0) {
			x->mark_last = (size_t)-1;
			break;
		}
}

/* Finds every actor of the cleaned block once (x->ments). */
static void
find_actors(struct xstate *x)
{
	const struct fig_rules *r = x->r;
	size_t at = 0, len = x->clean.len;

	x->nments = 0;
	x->ments_ok = 1;
	while (at < len && rules_match(r, &r->anyentity, x->clean.data, len,
	    at, 0, x->md, NULL) > 0) {
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
		const char *e = rules_entity(r, x->clean.data + ov[0],
		    ov[1] - ov[0]);

		at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
		if (e == NULL)
			continue;
		if (x->nments == x->capments) {
			x->capments = x->capments ? 2 * x->capments : 32;
			x->ments = xrealloc(x->ments,
			    (size_t)x->capments * sizeof *x->ments);
		}
		x->ments[x->nments].start = ov[0];
		x->ments[x->nments].end = ov[1];
		x->ments[x->nments++].name = e;
	}
}

/* First entity named in text[from, to) that is not `except` (NULL: any
 * one), or NULL. text is the cleaned block or another string (the
 * title). */
static const char *
entity_in(struct xstate *x, const char *text, size_t from, size_t to,
    const char *except)
{
	const struct fig_rules *r = x->r;
	size_t at = from;

	if (text == x->clean.data) {
		if (!x->ments_ok)
			find_actors(x);
		for (int i = 0; i < x->nments; i++) {
			const struct actor_at *m = &x->ments[i];
			if (m->start < from || m->end > to)
				continue;
			if (except == NULL || strcmp(m->name, except) != 0)
				return m->name;
		}
		return NULL;
	}
	while (at < to && rules_match(r, &r->anyentity, text, to, at, 0, x->md,
	    NULL) > 0) {
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
		const char *e = rules_entity(r, text + ov[0], ov[1] - ov[0]);
		if (e && (except == NULL || strcmp(e, except) != 0))
			return e;
		at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	}
	return NULL;
}

/* First entity named in the cleaned block from offset `from` up to
 * `to`, or NULL. */
static const char *
first_entity(struct xstate *x, size_t from, size_t to)
{
	return entity_in(x, x->clean.data, from, to, NULL);
}

/* The entity of the nearest sentence at or before s (of the block) that
 * names one, or NULL. Remembered per sentence: searching back from every
 * figure made a long block without entities quadratic (a 64 KB paragraph
 * took 6 s under ASan, a 50 MB line minutes). */
static const char *
entity_before(struct xstate *x, int s)
{
	int k = s;

	while (k >= 0 && x->entback[k] == NULL)
		k--;
	for (k++; k <= s; k++) {
		const char *e = first_entity(x, x->csent[k].start,
		    x->csent[k].end);
		x->entback[k] = e ? e : k > 0 ? x->entback[k - 1] : no_entity;
	}
	return x->entback[s] == no_entity ? NULL : x->entback[s];
}

/* What the document is about when a paragraph names no one: the first
 * entity of its title ("Russia wants 28nm chips by 2030"), when it has
 * one (metadata, a heading, a first line that is no sentence). */
static const char *
title_entity(struct xstate *x)
{
	const struct fig_rules *r = x->r;
	const char *t = x->meta->title;

	if (x->title_entity == NULL) {
		const char *e = NULL;
		/* a first line that is a sentence is the paragraph's own text,
		 * not what the document is about */
		if (!x->title_from_meta && !x->title_headline)
			t = "";
		if (rules_match(r, &r->anyentity, t, strlen(t), 0, 0, x->md,
		    NULL) > 0) {
			const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
			e = rules_entity(r, t + ov[0], ov[1] - ov[0]);
		}
		x->title_entity = e ? e : no_entity;
	}
	return x->title_entity == no_entity ? NULL : x->title_entity;
}

/* The period of date phrase pr of the title, which x->md holds, into p:
 * 0, or -1 when it is none a text's figures could be of. */
static int
title_phrase(struct xstate *x, const struct fig_periodrule *pr,
    const char *ent, char p[FIG_PERIOD_LEN])
{
	if (pr->role == FIG_PR_RELATIVE)	/* "this week" */
		return relative_period(x, pr, p);
	if (pr->role != FIG_PR_ANCHOR || period_is_since(pr, x->md))
		return -1;
	if (pr->g_fy > 0 || pr->nfiscal > 0)
		return period_fiscal(pr, x->md, ent, x->pub_year,
		    x->pub_month, p);
	return period_from_match(pr, x->md, p);
}

/* The date phrase matched in x->md of the title, when it reaches further
 * than *best: the title's date (x->title_period, x->title_dated). */
static void
title_phrase_at(struct xstate *x, const char *ent, size_t *best)
{
	const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
	PCRE2_SPTR mark = pcre2_get_mark(x->md);
	int k = mark ? atoi((const char *)mark) : -1, y;
	char p[FIG_PERIOD_LEN];

	if (k < 0 || k >= x->r->nperiods || ov[1] <= *best ||
	    title_phrase(x, &x->r->periods[k], ent, p) != 0)
		return;
	*best = ov[1];
	y = period_year(p);
	x->title_dated = y >= x->pub_year - 1 && y <= x->pub_year &&
	    !run_ends_later(x, p) ? 1 : -1;
	memcpy(x->title_period, p, FIG_PERIOD_LEN);
}

/* The date the title names ("IRENA counts 345.5 GW of new solar capacity
 * in 2023", "India's fiscal deficit for 2020-21 ..."): the news of a
 * year, the year of publication or the one before, not a run to
 * publication; NULL when it names none, or the text has no date. */
static const char *
title_date(struct xstate *x)
{
	const struct fig_rules *r = x->r;
	const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
	const char *t = x->title_from_meta || x->title_headline ?
	    x->meta->title : "", *ent;
	size_t n = strlen(t), best = 0;

	if (x->title_dated != 0)
		return x->title_dated > 0 ? x->title_period : NULL;
	x->title_dated = -1;
	if (!x->pub_year)
		return NULL;
	ent = title_entity(x);
	/* the phrase reaching furthest, as in a sentence ("for 2020-21",
	 * not "for 2020"): of those with a year, then of the others */
	for (size_t at = 0; rules_match(r, &r->periods_year, t, n, at, 0,
	    x->md, NULL) > 0; at = ov[0] + 1)
		title_phrase_at(x, ent, &best);
	for (int k = 0; k < r->nperiods; k++)
		x->pw_at[k] = r->periods_word[k].code ? PW_UNSEEN : PW_NONE;
	for (size_t at = 0; next_word_period(x, t, at, n, NULL) >= 0;
	    at = ov[0] + 1)
		title_phrase_at(x, ent, &best);
	return x->title_dated > 0 ? x->title_period : NULL;
}

/* The end of the stretch of s[from..to) before its first comma,
 * semicolon or dash. */
static size_t
stretch_end(const char *s, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (s[i] == ',' || s[i] == ';' || (s[i] == '-' && i > from &&
		    s[i - 1] == ' '))
			return i;
	return to;
}

static int
cmp_part(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Puts the parts of a joint actor "B+A" in byte order, "A+B", as
 * metrics.md writes them: whichever way a text names the two, they are
 * one series. */
static void
sort_joint(char *e, size_t n)
{
	char copy[FIG_ENTITY_MAX], *part[16];
	int np = 0;

	if (strchr(e, '+') == NULL || strlen(e) >= sizeof copy)
		return;
	memcpy(copy, e, strlen(e) + 1);
	for (char *p = copy; p && np < 16; ) {
		char *plus = strchr(p, '+');
		part[np++] = p;
		if (plus)
			*plus++ = '\0';
		p = plus;
	}
	qsort(part, (size_t)np, sizeof *part, cmp_part);
	e[0] = '\0';
	for (int i = 0; i < np; i++) {
		/* a part named twice ("China and Beijing") is one actor */
		if (i > 0 && strcmp(part[i], part[i - 1]) == 0)
			continue;
		if (e[0])
			strncat(e, "+", n - strlen(e) - 1);
		strncat(e, part[i], n - strlen(e) - 1);
	}
}

/* "in early 2022 the two countries together supplied 40 percent": a
 * [cue pair] in the figure's clause before it, with no actor between it
 * and the figure, stands for the last two actors the paragraph named
 * before it, joined in byte order ("RUS+UKR"), or for a joint actor
 * named last ("Sino-Russian trade ... both sides").
 * Returns 1 with out set, or 0. */
static int
pair_entity(struct xstate *x, const struct qrec *q, size_t clause, char *out,
    size_t n)
{
	const struct fig_rules *r = x->r;
	const char *c = x->clean.data;
	const char *last = NULL, *prev = NULL;	/* two most recent actors */
	size_t first_last = 0, first_prev = 0;	/* where each was named when
						   it joined the two: the
						   order they are written */
	size_t at, cue;

	if (r->pair.code == NULL || rules_match(r, &r->pair, c, q->q.start,
	    clause, 0, x->md, NULL) <= 0)
		return 0;
	cue = pcre2_get_ovector_pointer(x->md)[0];
	if (first_entity(x, pcre2_get_ovector_pointer(x->md)[1], q->q.start))
		return 0;
	for (at = x->csent[0].start; at < cue && rules_match(r, &r->anyentity,
	    c, cue, at, 0, x->md, NULL) > 0; ) {
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
		const char *e = rules_entity(r, c + ov[0], ov[1] - ov[0]);

		at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
		if (e == NULL || (last && strcmp(e, last) == 0))
			continue;
		if (prev && strcmp(e, prev) == 0) {	/* back again: the older */
			const char *t = prev;
			size_t tf = first_prev;
			prev = last, first_prev = first_last;
			last = t, first_last = tf;
			continue;
		}
		prev = last, first_prev = first_last;
		last = e, first_last = ov[0];
	}
	if (last && strchr(last, '+'))
		snprintf(out, n, "%s", last);
	else if (prev)
		snprintf(out, n, "%s+%s", prev, last);
	else
		return 0;
	sort_joint(out, n);
	return 1;
}

/* The actor of a figure no topic names: the first entity of its own
 * clause before it ("..., while Russian fabs remain at 90 nm"), else of
 * its sentence before it (the subject, as a rule), else the first after
 * it up to a comma, else the first of the nearest earlier sentence of
 * the paragraph naming one, else the first of the last paragraph that
 * named one, else the title's, else the first after it in the
 * sentence. */
static void other_actor_at(struct xstate *x, const struct qrec *q,
    const char *known, int after_last, char *out, size_t n);

/* "While TSMC plans to reach 2nm by 2026, for example, Russia hopes to
 * achieve 28nm": a sentence that opens with a subordinate clause
 * ("While", "Whereas", "Although", "Though", "Unlike") has its main
 * clause after that clause's comma. Returns where the figure's clause
 * starts: clause, or just after that comma when the figure follows it. */
static size_t
main_clause(const char *s, size_t start, size_t clause, size_t fig)
{
	static const char *const subord[] = { "while ", "whereas ",
	    "although ", "though ", "unlike ", NULL };

	for (int k = 0; subord[k]; k++) {
		size_t n = strlen(subord[k]);
		if (start + n <= fig &&
		    strncasecmp(s + start, subord[k], n) == 0) {
			for (size_t i = start + n; i < fig; i++)
				if (s[i] == ',')
					return i + 1 > clause ? i + 1 : clause;
			break;
		}
	}
	return clause;
}

/* "comes from Saudi Arabia (1 million bpd), followed by Iraq (223,000
 * bpd)": a figure in brackets right after an actor's name is that
 * actor's. Returns the actor, or NULL. */
static const char *
bracket_actor(struct xstate *x, const struct qrec *q)
{
	const char *c = x->clean.data;
	size_t at = q->q.start;

	if (at >= x->clean.len)
		return NULL;
	if (c[at] != '(') {
		if (at == 0 || c[at - 1] != '(')
			return NULL;
		at--;
	}
	while (at > 0 && c[at - 1] == ' ')
		at--;
	if (!x->ments_ok)
		find_actors(x);
	for (int i = 0; i < x->nments; i++)
		if (x->ments[i].end == at)
			return x->ments[i].name;
	return NULL;
}

static void
nearest_entity(struct xstate *x, const struct qrec *q, char *out, size_t n)
{
	const struct fig_span *cs = &x->csent[q->sent];
	size_t clause = main_clause(x->clean.data, cs->start,
	    clause_start(x->clean.data, cs->start, q->q.start), q->q.start);
	const char *e = NULL;

	out[0] = '\0';
	if (pair_entity(x, q, clause, out, n))
		return;
	e = bracket_actor(x, q);
	if (e == NULL && clause > cs->start)
		e = first_entity(x, clause, q->q.end);
	if (e == NULL)
		e = first_entity(x, cs->start, q->q.end);
	/* after the figure: in its own stretch up to a comma first ("rose
	 * 5 percent in Russia"), then what earlier sentences were about,
	 * then the rest ("28nm by 2030, something TSMC did in 2011" is
	 * not about TSMC) */
	if (e == NULL)
		e = first_entity(x, q->q.end, stretch_end(x->clean.data,
		    q->q.end, cs->end));
	if (e == NULL && q->sent > 0)
		e = entity_before(x, q->sent - 1);
	/* what the paragraph before was about: news writes a sentence a
	 * paragraph ("China's exports rose 0.4 percent." then "Imports,
	 * however, fell 0.5 percent.") */
	if (e == NULL)
		e = x->para_actor;
	if (e == NULL)
		e = title_entity(x);
	if (e == NULL)
		e = first_entity(x, q->q.end, cs->end);
	if (e)
		claim_setfield(out, n, e);
}

/* The other side of a flow the text names one side of ("exports to
 * Russia": the exporter): the nearest actor that is not `known`, in the
 * order nearest_entity looks, then the actors of earlier paragraphs,
 * the latest first, then anywhere in the title (a report on
 * "China-Russia trade" names both). Fills out, or leaves it empty. */
static void
other_actor(struct xstate *x, const struct qrec *q, const char *known,
    char *out, size_t n)
{
	other_actor_at(x, q, known, 0, out, n);
}

/* other_actor, looking after the figure in its sentence first, or
 * (after_last) only once the sentences and paragraphs before and the
 * title name no one: the second side of "bilateral trade" is the one
 * the text set up, not the other trade a comparison names after it
 * ("trade with China, which amounted to 60.0 billion euros, was lower
 * than that with the United States"). */
static void
other_actor_at(struct xstate *x, const struct qrec *q, const char *known,
    int after_last, char *out, size_t n)
{
	const struct fig_span *cs = &x->csent[q->sent];
	const char *c = x->clean.data, *t = x->meta->title;
	const char *e = entity_in(x, c, cs->start, q->q.start, known);

	if (e == NULL && !after_last)
		e = entity_in(x, c, q->q.end, cs->end, known);
	for (int k = q->sent - 1; e == NULL && k >= 0; k--)
		e = entity_in(x, c, x->csent[k].start, x->csent[k].end, known);
	for (int k = x->nrecent - 1; e == NULL && k >= 0; k--)
		if (known == NULL || strcmp(x->recent[k], known) != 0)
			e = x->recent[k];
	if (e == NULL && (x->title_from_meta || x->title_headline))
		e = entity_in(x, t, 0, strlen(t), known);
	if (e == NULL && after_last)
		e = entity_in(x, c, q->q.end, cs->end, known);
	out[0] = '\0';
	if (e)
		claim_setfield(out, n, e);
}

/* Canonical name of an entity mention; joint actors ("Russia and
 * Ukraine", "SMIC, Hua Hong", "Sino-Russian") become "RUS+UKR",
 * "Hua Hong+SMIC", "CHN+RUS"; "" when a part names no actor. */
static void
entity_name(const struct fig_rules *r, const char *s, size_t n, char *out,
    size_t on)
{
	const char *e = rules_entity(r, s, n);
	struct fig_buf b = FIG_BUF_INIT;
	size_t i = 0;

	out[0] = '\0';
	if (e) {
		claim_setfield(out, on, e);
		return;
	}
	while (i < n) {
		size_t j = i, k, pn;
		const char *part;
		while (j < n && s[j] != ',' && s[j] != '&' && s[j] != '/' &&
		    s[j] != '-' && !(j + 5 <= n && memcmp(s + j, " and ", 5)
		    == 0) && !(j + 6 <= n && memcmp(s + j, " plus ", 6) == 0))
			j++;
		k = j - i;
		part = text_trim(s + i, &k);
		pn = k;
		if (pn > 0) {
			if ((e = rules_entity(r, part, pn)) == NULL) {
				buf_release(&b);
				return;
			}
			if (b.len)
				buf_addc(&b, '+');
			buf_adds(&b, e);
		}
		i = j + (j + 5 <= n && memcmp(s + j, " and ", 5) == 0 ? 5 :
		    j + 6 <= n && memcmp(s + j, " plus ", 6) == 0 ? 6 : 1);
	}
	claim_setfield(out, on, buf_str(&b));
	buf_release(&b);
	sort_joint(out, on);
}

/* The last subject named in text[from, to), or NULL. */
static const char *
subject_in(struct xstate *x, const char *text, size_t from, size_t to)
{
	const struct fig_rules *r = x->r;
	const char *last = NULL;
	size_t at = from;

	while (at < to && rules_match(r, &r->anysubject, text, to, at, 0, x->md,
	    NULL) > 0) {
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
		const char *sj = rules_subject(r, text + ov[0], ov[1] - ov[0]);
		if (sj)
			last = sj;
		at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	}
	return last;
}

/* What the text was about when a figure's phrase names no subject
 * ("Exports will fall to 22.5 million tons" after a sentence on wheat):
 * the last subject named before it in its sentence, else in the
 * sentences before, else in earlier paragraphs, else in the title. */
static const char *
subject_before(struct xstate *x, const struct qrec *q)
{
	const char *c = x->clean.data, *t = x->meta->title;
	const char *sj = subject_in(x, c, x->csent[q->sent].start, q->q.start);

	for (int k = q->sent - 1; sj == NULL && k >= 0; k--)
		sj = subject_in(x, c, x->csent[k].start, x->csent[k].end);
	if (sj == NULL)
		sj = x->recent_subject;
	if (sj == NULL && (x->title_from_meta || x->title_headline))
		sj = subject_in(x, t, 0, strlen(t));
	return sj;
}

/* The actor a group of capitalised words names ({ACTOR} in the topic
 * rules): the whole, else what is left once leading words go ("In June
 * China" is China). out is empty when no tail names one: the group is
 * then taken as unset. */
static void
actor_name(const struct fig_rules *r, const char *s, size_t n, char *out,
    size_t on)
{
	for (;;) {
		const char *sp;
		entity_name(r, s, n, out, on);
		if (out[0] || (sp = memchr(s, ' ', n)) == NULL)
			return;
		n -= (size_t)(sp + 1 - s);
		s = sp + 1;
	}
}

/* Is unit one of the "|"-separated units of list, or of class cls, a
 * class the list names ("@money")? */
static int
unit_in(const char *list, const char *unit, const char *cls)
{
	size_t n = strlen(unit), nc = strlen(cls);

	while (*list) {
		const char *bar = strchr(list, '|');
		size_t k = bar ? (size_t)(bar - list) : strlen(list);
		if (k == n && memcmp(list, unit, n) == 0)
			return 1;
		if (*list == '@' && k - 1 == nc && memcmp(list + 1, cls, nc)
		    == 0)
			return 1;
		list += k + (bar != NULL);
	}
	return 0;
}

/* Does about pattern re match the paragraph so far, x->clean[0, end)?
 * Remembered for the block: the figures of a sentence share their end. */
static int
about_match(struct xstate *x, const struct fig_re *re, size_t end)
{
	struct about_memo *m = NULL;
	int rc;

	for (int i = 0; i < x->namemo; i++)
		if (x->amemo[i].re == re) {
			/* the paragraph so far only grows: a match found up to
			 * an earlier end is still there */
			if (x->amemo[i].end == end || (x->amemo[i].rc > 0 &&
			    x->amemo[i].end <= end))
				return x->amemo[i].rc;
			m = &x->amemo[i];
		}
	rc = rules_match(x->r, re, x->clean.data, end, 0, 0, x->md, x->err);
	if (rc < 0)
		return rc;
	if (m == NULL && x->namemo < (int)(sizeof x->amemo /
	    sizeof *x->amemo))
		m = &x->amemo[x->namemo++];
	if (m) {
		m->re = re;
		m->end = end;
		m->rc = rc;
	}
	return rc;
}

/* The number of the set group named name of code (several groups may
 * share a name under (?J) or in alternatives: the first one set), or 0
 * when none is set. */
static int
named_group(const pcre2_code *code, const char *name, const PCRE2_SIZE *ov)
{
	PCRE2_SPTR first, last;
	int size = pcre2_substring_nametable_scan(code, (PCRE2_SPTR)name,
	    &first, &last);

	if (size <= 0)
		return 0;
	for (PCRE2_SPTR e = first; e <= last; e += size) {
		int g = (e[0] << 8) | e[1];
		if (ov[2 * g] != PCRE2_UNSET)
			return g;
	}
	return 0;
}

/* The subject a head noun stands for ("Japanese equipment exports"
 * after "semiconductor manufacturing equipment"): the subject the text
 * named last before the figure, when the last word of its name is the
 * head ("semiconductor_equipment", "equipment"; "machine_tools",
 * "tool" or "tools"), else NULL. Costs a look back only where a topic
 * pattern set the group head. */
static int
heads(const char *sj, const char *h, size_t n)
{
	const char *last = strrchr(sj, '_');
	size_t k;

	last = last ? last + 1 : sj;
	k = strlen(last);
	return (k == n && strncasecmp(last, h, n) == 0) ||
	    (k == n + 1 && last[n] == 's' && strncasecmp(last, h, n) == 0) ||
	    (k + 1 == n && h[k] == 's' && strncasecmp(last, h, k) == 0);
}

static const char *
head_subject(struct xstate *x, const char *h, size_t n)
{
	const struct fig_rules *r = x->r;
	const char *sj;
	int any = 0;

	if (n < 3)
		return NULL;
	/* a word that ends no subject's name costs no look back */
	for (int i = 0; i < r->nsubjects && !any; i++)
		any = heads(r->subjects[i].name, h, n);
	if (!any || (sj = subject_before(x, &x->qs[x->cur_q])) == NULL)
		return NULL;
	return heads(sj, h, n) ? sj : NULL;
}

/* ---- follow: a list of figures after a figure of the measure ----- */

/* Is metric ("trade.imports.value") of the flow of measure
 * ("imports.value"): the same word after the subject? */
static int
same_flow(const char *metric, const char *measure)
{
	const char *m = strchr(metric, '.'), *e, *f = strchr(measure, '.');
	size_t n = f ? (size_t)(f - measure) : strlen(measure);

	if (m == NULL)
		return 0;
	m++;
	e = strchr(m, '.');
	return (e ? (size_t)(e - m) : strlen(m)) == n &&
	    strncmp(m, measure, n) == 0;
}

/* The label that follow topic t continues: with follow = yes, the
 * latest of t's measure among the figures labelled in the figure's
 * block or the two before (news writes a sentence a paragraph) ("..., making up 15.4 percent of the
 * total." then "Canada at 13.7 percent, Germany at 5.2 percent"); with
 * follow = MEASURE, the latest of that measure among the figures of the
 * same flow labelled last in the figure's clause ("shipped $949 million
 * worth of goods to Russia, which is 2.1 times more than ... ($451
 * million)": the change is of the $949 million, and so is its base; in
 * "$3.07 trillion (+10.3%), including ... $1.34 trillion of imports
 * (+5.7%)" the 5.7% is of the imports). NULL when there is none. */
static const struct label *
followed_label(const struct xstate *x, const struct fig_topic *t)
{
	const char *measure = t->metric + 1;	/* ".imports.share" */
	size_t mn;
	int sent = x->qs[x->cur_q].sent;

	if (t->follow_measure[0])
		measure = t->follow_measure;
	mn = strlen(measure);
	for (int i = x->nfollow - 1; i >= 0; i--) {
		const char *m = x->follow[i].l.metric;
		size_t n = strlen(m);
		if (x->nblock - x->follow[i].block > 2)
			break;
		/* the figure labelled last, in the same sentence and
		 * clause: "rose to $5bn from $4bn, while imports fell from
		 * $3bn"; "$3.07 trillion (+10.3%), including ... $1.34
		 * trillion of imports (+5.7%)" */
		if (t->follow_measure[0] && !(t->follow & FIG_FOLLOW_NEARBY) &&
		    (x->follow[i].block != x->nblock ||
		    x->follow[i].sent != sent ||
		    !same_flow(m, t->follow_measure) ||
		    clause_break(x->clean.data, x->follow[i].end,
		    x->qs[x->cur_q].q.start)))
			break;
		if (n > mn && strcmp(m + n - mn, measure) == 0 &&
		    (measure[0] == '.' || m[n - mn - 1] == '.'))
			return &x->follow[i].l;
	}
	return NULL;
}

/* The subject of a figure that follows fl: with follow = yes, the one
 * its sentence names before it ("the leading LNG supplier to the
 * region, with a share of 50.7 percent"), else fl's ("Qatar completed
 * the top 3 with 10.8 percent"); with follow = MEASURE, fl's. Returns a
 * rules string, or buf filled. */
static const char *
follow_subject(struct xstate *x, const struct fig_topic *t,
    const struct label *fl, char *buf, size_t n)
{
	const struct qrec *q = &x->qs[x->cur_q];
	const char *dot = strchr(fl->metric, '.');
	const char *sj = NULL;

	if (!t->follow_measure[0])
		sj = subject_in(x, x->clean.data, x->csent[q->sent].start,
		    q->q.start);
	if (sj)
		return sj;
	snprintf(buf, n, "%.*s", dot ? (int)(dot - fl->metric) : 0,
	    fl->metric);
	return buf;
}

/* One side of the last flow of metric's direction labelled in this
 * block or the reach before: its holder (side 0) or its receiver (side
 * 1), when that is one actor and not other; shares are skipped where
 * skip_shares (a share's partner is its supplier). Fills out, or leaves
 * it empty. */
static void
last_flow_side(const struct xstate *x, const char *metric, int side,
    const char *other, int reach, int skip_shares, char *out, size_t n)
{
	const char *m = strchr(metric, '.'), *end;
	size_t k;

	if (m == NULL || (end = strchr(m + 1, '.')) == NULL)
		return;
	k = (size_t)(end - m);		/* ".exports" */
	for (int i = x->nfollow - 1; i >= 0; i--) {
		const struct label *l = &x->follow[i].l;
		const char *lm = strchr(l->metric, '.');
		const char *e = side ? l->partner : l->entity;
		if (x->nblock - x->follow[i].block > reach)
			return;
		if (lm && strncmp(lm, m, k) == 0 && lm[k] == '.' &&
		    !(skip_shares && strstr(lm, ".share")) && e[0] &&
		    !strchr(e, '+') && strcmp(e, other) != 0) {
			claim_setfield(out, n, e);
			return;
		}
	}
}

/* "German exports to China fell 12 percent." then "Exports of motor
 * vehicles to China fell 23.9 percent": a flow that names only its
 * partner is of the holder of the last flow of its direction labelled
 * in this block or the one before, when that holder is one actor and not
 * the partner; so is a flow whose sentence names no actor at all
 * ("exports to China surged 30.8 percent." then "In January, exports
 * grew 33.9 percent"). Fills out, or leaves it empty. */
static void
flow_holder(const struct xstate *x, const char *metric, const char *partner,
    char *out, size_t n)
{
	last_flow_side(x, metric, 0, partner, 1, 0, out, n);
}

/* "Arrivals from Russia surged 36.3 percent" (into China) then
 * "Shipments from Mongolia rose to 33.58 million tonnes": an export
 * flow that names only its sender goes to the receiver of the last
 * such flow labelled in this block or the two before (a list's lead
 * line between), when that receiver is one actor and not the sender.
 * Fills out, or leaves it empty. */
static void
flow_receiver(const struct xstate *x, const char *metric, const char *entity,
    char *out, size_t n)
{
	const char *m = strchr(metric, '.');

	if (m && strncmp(m, ".exports.", 9) == 0 && !strstr(m, ".share"))
		last_flow_side(x, metric, 1, entity, 2, 1, out, n);
}

/* Does s[from..to) hold "its" or "their" and, within four words, a flow
 * noun ("its supplies of electronics", "their exports")? */
static int
pronoun_flow(const char *s, size_t from, size_t to)
{
	static const char *const flow[] = { "exports", "imports", "supplies",
	    "shipments", "deliveries", "purchases", "sales" };

	for (size_t i = from; i < to; i++) {
		size_t n = 0, w = 0;
		if (i > from && isalnum((unsigned char)s[i - 1]))
			continue;
		if (i + 4 <= to && strncasecmp(s + i, "its ", 4) == 0)
			n = 4;
		else if (i + 6 <= to && strncasecmp(s + i, "their ", 6) == 0)
			n = 6;
		for (size_t j = i + n; n && w < 4 && j < to; w++) {
			for (size_t k = 0; k < sizeof flow / sizeof *flow; k++)
				if (j + strlen(flow[k]) <= to &&
				    strncasecmp(s + j, flow[k],
				    strlen(flow[k])) == 0)
					return 1;
			while (j < to && s[j] != ' ')
				j++;
			j++;
		}
	}
	return 0;
}

/* "Turkey has also sharply increased its supplies: its supplies of
 * electronics to Russia more than doubled": a flow held by "its" or
 * "their" is of the first actor its sentence names before it that is
 * not the partner, not of the holder of a flow before. Fills out, or
 * leaves it empty. */
static void
pronoun_holder(struct xstate *x, const struct qrec *q, const char *partner,
    char *out, size_t n)
{
	size_t cs = x->csent[q->sent].start;
	const char *e;

	if (!pronoun_flow(x->clean.data, cs, q->q.start))
		return;
	e = entity_in(x, x->clean.data, cs, q->q.start, partner);
	if (e)
		claim_setfield(out, n, e);
}

/* Is the subject of metric, a label of topic t, a default rather than a
 * word of the text: the topic's `subject =`, or for a follow topic that
 * took the followed figure's subject, that figure's default? */
static int
label_fallback(const struct xstate *x, const struct fig_topic *t,
    const char *metric)
{
	const struct label *fl;
	const char *dot = strchr(metric, '.');
	size_t n = dot ? (size_t)(dot - metric) : strlen(metric);

	if (t->templ && t->subject[0] && strlen(t->subject) == n &&
	    strncmp(metric, t->subject, n) == 0)
		return 1;
	return t->follow && (fl = followed_label(x, t)) != NULL &&
	    fl->fallback && strncmp(fl->metric, metric, n) == 0 &&
	    fl->metric[n] == '.';
}

/* Does sentence si say "respectively"? */
static int
says_respectively(const struct xstate *x, int si)
{
	const struct fig_span *cs = &x->csent[si];

	return has_word(x->clean.data, cs->start, cs->end, "respectively");
}

/* "India's imports from Iraq and Saudi Arabia fell 12% and about 23% to
 * 928.000 bpd and 607.500 bpd, respectively": in a sentence that says
 * "respectively", the k-th of the figures in one unit is of the k-th of
 * the actors a joint actor names, in the order the text names them,
 * when there are as many of each. Rewrites e ("IRQ+SAU") in place. */
static void
respective(struct xstate *x, int qi, char *e)
{
	const struct qrec *q = &x->qs[qi];
	const struct fig_span *cs = &x->csent[q->sent];
	const char *part[8];
	int nparts = 1, k = 0, nq = 0, np = 0;
	char copy[FIG_ENTITY_MAX];

	if (strchr(e, '+') == NULL || !says_respectively(x, q->sent))
		return;
	for (const char *p = e; (p = strchr(p, '+')) != NULL; p++)
		nparts++;
	for (int i = 0; i < x->nq; i++)
		if (x->qs[i].sent == q->sent && strcmp(x->qs[i].q.unit_name,
		    q->q.unit_name) == 0) {
			if (i < qi)
				k++;
			nq++;
		}
	if (nq != nparts || nparts > 8)
		return;
	if (!x->ments_ok)
		find_actors(x);
	/* the parts in the order the sentence names them, each once */
	for (int i = 0; i < x->nments && np < nparts; i++) {
		const struct actor_at *m = &x->ments[i];
		const char *s = e, *plus;
		int dup = 0, in = 0;
		if (m->start < cs->start || m->end > cs->end)
			continue;
		for (int j = 0; j < np; j++)
			dup |= strcmp(part[j], m->name) == 0;
		for (; s && !in; s = plus ? plus + 1 : NULL) {
			size_t n;
			plus = strchr(s, '+');
			n = plus ? (size_t)(plus - s) : strlen(s);
			in = strlen(m->name) == n && strncmp(s, m->name, n) == 0;
		}
		if (in && !dup)
			part[np++] = m->name;
	}
	if (np != nparts)
		return;
	snprintf(copy, sizeof copy, "%s", part[k]);
	claim_setfield(e, FIG_ENTITY_MAX, copy);
}

/* Where the direction of a flow metric starts ("oil.exports.value":
 * ".exports.value", a direction of 8 bytes), or NULL when the metric is
 * no flow. */
static const char *
flow_way(const char *metric)
{
	const char *dot = strchr(metric, '.');

	if (dot == NULL || (strncmp(dot, ".exports.", 9) != 0 &&
	    strncmp(dot, ".imports.", 9) != 0))
		return NULL;
	return dot;
}

/* "total exports of NT$121.93 billion and total imports of NT$104.90
 * billion rose 12.5% and 19.4% on year respectively": in a sentence that
 * says "respectively", the k-th of the changes in one unit is of the
 * k-th of the flows whose amounts the sentence names before them, when
 * there are as many of each. Rewrites the change's one label to that
 * flow's subject, direction, entity and partner. */
static void
respective_flow(struct xstate *x, int qi)
{
	struct qrec *q = &x->qs[qi];
	const struct label *flow[8], *f;
	const char *way;
	int nflow = 0, nq = 0, k = 0, first = -1;
	char m[FIG_METRIC_MAX];

	if (q->nlabel != 1 || (way = flow_way(q->label[0].metric)) == NULL ||
	    strcmp(way + 8, ".change") != 0 || !says_respectively(x, q->sent))
		return;
	for (int i = 0; i < x->nq; i++)
		if (x->qs[i].sent == q->sent && strcmp(x->qs[i].q.unit_name,
		    q->q.unit_name) == 0) {
			if (first < 0)
				first = i;
			k += i < qi;
			nq++;
		}
	for (int i = 0; i < first; i++) {
		const struct qrec *p = &x->qs[i];
		if (p->sent != q->sent || p->nlabel != 1 ||
		    flow_way(p->label[0].metric) == NULL)
			continue;
		if (nflow == 8)
			return;
		flow[nflow++] = &p->label[0];
	}
	if (nq < 2 || nflow != nq)
		return;
	f = flow[k];
	snprintf(m, sizeof m, "%.*s.change",	/* "trade.exports.change" */
	    (int)(flow_way(f->metric) - f->metric + 8), f->metric);
	claim_setfield(q->label[0].metric, sizeof q->label[0].metric, m);
	claim_setfield(q->label[0].entity, sizeof q->label[0].entity,
	    f->entity);
	claim_setfield(q->label[0].partner, sizeof q->label[0].partner,
	    f->partner);
}

/* "China bought much more coal from Russia" then "Arrivals from Russia
 * surged 36.3 percent to 25.3 million tonnes": a flow of all goods (the
 * topic's default) is never counted in tonnes or barrels, nor is a
 * change whose sentence gives its flow so; it is of the subject the text
 * named last before the figure. */
static void
physical_subject(struct xstate *x, int qi, struct label *l)
{
	const struct qrec *q = &x->qs[qi];
	const char *way = flow_way(l->metric), *sj;
	char m[FIG_METRIC_MAX];
	int phys = 0;

	if (way == NULL)
		return;
	for (int i = 0; i < x->nq && !phys; i++) {
		const char *cls = rules_unit_class(x->r, x->qs[i].q.unit_name);
		phys = x->qs[i].sent == q->sent && (i == qi ||
		    strcmp(way + 8, ".change") == 0) && cls &&
		    strcmp(cls, "physical") == 0;
	}
	if (!phys || (sj = subject_before(x, q)) == NULL)
		return;
	snprintf(m, sizeof m, "%s%s", sj, way);
	claim_setfield(l->metric, sizeof l->metric, m);
	l->fallback = 0;
}

/* Two labels of one figure that came to the same metric (one rewritten
 * by pair_flow or flow_subject): the first stays. */
static void
drop_same_metric(struct qrec *q)
{
	int k = 0;

	for (int i = 0; i < q->nlabel; i++) {
		int dup = 0;
		for (int j = 0; j < k && !dup; j++)
			dup = strcmp(q->label[j].metric, q->label[i].metric) == 0;
		if (!dup)
			q->label[k++] = q->label[i];
	}
	q->nlabel = k;
}

/* Does figure q's sentence name actor e before the figure? */
static int
named_before(struct xstate *x, const struct qrec *q, const char *e)
{
	const struct fig_span *cs = &x->csent[q->sent];

	if (!x->ments_ok)
		find_actors(x);
	for (int i = 0; i < x->nments; i++)
		if (x->ments[i].start >= cs->start &&
		    x->ments[i].end <= q->q.start &&
		    strcmp(x->ments[i].name, e) == 0)
			return 1;
	return 0;
}

/* "Russia's exports to China fell by 13.2 per cent." then "Russian
 * imports, by contrast, rose by 6.3 per cent": a country's total flow
 * named (by its sentence, before the figure) right after a flow between
 * it and one partner (this block or the two before) is its flow with
 * that partner, unless its sentence
 * says it is the total ("total", "overall", "global", "foreign", "with
 * all"). Imports become the partner's exports (metrics.md). */
static void
pair_flow(struct xstate *x, const struct qrec *q, struct label *l)
{
	static const char *const whole[] = { "total", "overall", "global",
	    "foreign", "worldwide", "all partners", "the world", NULL };
	const struct fig_span *cs = &x->csent[q->sent];
	const char *dot = strchr(l->metric, '.');
	int imports;

	if (dot == NULL || l->partner[0] || !l->entity[0] ||
	    strchr(l->entity, '+'))
		return;
	imports = strncmp(dot, ".imports.", 9) == 0;
	if (!imports && strncmp(dot, ".exports.", 9) != 0)
		return;
	if (strstr(dot, ".share") || !named_before(x, q, l->entity))
		return;
	for (int k = 0; whole[k]; k++) {
		size_t n = strlen(whole[k]);
		for (size_t i = cs->start; i + n <= cs->end; i++)
			if (strncasecmp(x->clean.data + i, whole[k], n) == 0)
				return;
	}
	for (int i = x->nfollow - 1; i >= 0; i--) {
		const struct label *f = &x->follow[i].l;
		const char *fd = strchr(f->metric, '.');
		const char *other;
		char m[FIG_METRIC_MAX];
		if (x->nblock - x->follow[i].block > 2)
			return;
		if (fd == NULL || !f->partner[0] || (strncmp(fd, ".exports.",
		    9) != 0 && strncmp(fd, ".imports.", 9) != 0))
			continue;
		if (strcmp(f->entity, l->entity) == 0)
			other = f->partner;
		else if (strcmp(f->partner, l->entity) == 0)
			other = f->entity;
		else
			return;		/* the last flow was another pair's */
		if (strchr(other, '+'))
			return;
		if (imports) {		/* X's imports: the partner's exports */
			snprintf(m, sizeof m, "%.*s.exports.%s",
			    (int)(dot - l->metric), l->metric, dot + 9);
			claim_setfield(l->partner, sizeof l->partner, l->entity);
			claim_setfield(l->entity, sizeof l->entity, other);
			claim_setfield(l->metric, sizeof l->metric, m);
		} else
			claim_setfield(l->partner, sizeof l->partner, other);
		return;
	}
}

/* The importer of a flow label: the partner of an export, the entity of
 * an import, or NULL. */
static const char *
importer_of(const struct label *l)
{
	const char *m = strchr(l->metric, '.');

	if (m && strncmp(m, ".exports.", 9) == 0)
		return l->partner[0] ? l->partner : NULL;
	if (m && strncmp(m, ".imports.", 9) == 0)
		return l->entity[0] ? l->entity : NULL;
	return NULL;
}

/* "71% of all imported machine tools came from China." then "Imports
 * from India jumped 27.5-fold": a flow whose subject is the topic's
 * default takes the subject the text named for the last flow into the
 * same importer, unless a figure labelled since was of all goods
 * ("bilateral trade reached $190 billion"), labelled in this block or the two before (news writes
 * a sentence a paragraph). */
static void
flow_subject(const struct xstate *x, struct label *l)
{
	const char *imp = importer_of(l), *dot = strchr(l->metric, '.');
	char m[FIG_METRIC_MAX];

	if (imp == NULL || dot == NULL)
		return;
	for (int i = x->nfollow - 1; i >= 0; i--) {
		const struct label *f = &x->follow[i].l;
		const char *fi = importer_of(f), *fd = strchr(f->metric, '.');
		if (x->nblock - x->follow[i].block > 2)
			return;
		if (f->fallback)
			return;		/* a figure since was of all goods */
		/* from an amount of goods, not from a share of them: "China
		 * supplied 80 percent of Russia's chip imports" says nothing
		 * of what "exports from China to Russia" are */
		if (fi == NULL || fd == NULL || strcmp(fi, imp) != 0 ||
		    strstr(fd, ".share") != NULL)
			continue;
		snprintf(m, sizeof m, "%.*s%s", (int)(fd - f->metric),
		    f->metric, dot);
		claim_setfield(l->metric, sizeof l->metric, m);
		l->fallback = 0;
		return;
	}
}

/* "Russia imported $248.57mn of the $439.84mn in components from
 * China, as well as $246.34mn of the $1.25bn in ICs": a figure written
 * as a part "of the" total of a figure labelled before (the same amount
 * in the same unit, whose subject the text named) is of that figure's
 * subject, whatever the topic's default or the figure it follows say. */
static void
part_subject(const struct xstate *x, int qi, struct label *l)
{
	static const char *const of[] = { " of the ", " of its ",
	    " of their ", NULL };
	const struct qrec *q = &x->qs[qi], *t;
	const char *dot = strchr(l->metric, '.');
	char m[FIG_METRIC_MAX];
	int part = 0;

	if (dot == NULL || qi + 1 >= x->nq ||
	    (t = &x->qs[qi + 1])->sent != q->sent)
		return;
	for (int k = 0; of[k] && !part; k++)
		part = t->q.start - q->q.end == strlen(of[k]) &&
		    strncasecmp(x->clean.data + q->q.end, of[k],
		    strlen(of[k])) == 0;
	for (int i = x->nfollow - 1; i >= 0 && part; i--) {
		const struct followed *f = &x->follow[i];
		const char *fd = strchr(f->l.metric, '.');
		if (f->l.fallback || fd == NULL || f->value != t->q.value ||
		    strcmp(f->unit, t->q.unit_name) != 0)
			continue;
		snprintf(m, sizeof m, "%.*s%s", (int)(fd - f->l.metric),
		    f->l.metric, dot);
		claim_setfield(l->metric, sizeof l->metric, m);
		l->fallback = 0;
		return;
	}
}

/* Remembers figure q's labels for the figures after it (follow). */
static void
remember_labels(struct xstate *x, const struct qrec *q)
{
	for (int i = 0; i < q->nlabel; i++) {
		if (x->nfollow == FOLLOW_MAX) {
			memmove(&x->follow[0], &x->follow[1],
			    (FOLLOW_MAX - 1) * sizeof *x->follow);
			x->nfollow--;
		}
		x->follow[x->nfollow].l = q->label[i];
		x->follow[x->nfollow].sent = q->sent;
		x->follow[x->nfollow].end = q->q.end;
		x->follow[x->nfollow].value = q->q.value;
		memcpy(x->follow[x->nfollow].unit, q->q.unit_name,
		    sizeof x->follow[x->nfollow].unit);
		x->follow[x->nfollow++].block = x->nblock;
	}
}

/* Does the text before s[at] end in "from " or "from the "? */
static int
after_from(const char *s, size_t at)
{
	if (at >= 4 && strncasecmp(s + at - 4, "the ", 4) == 0)
		at -= 4;
	return at >= 5 && strncasecmp(s + at - 5, "from ", 5) == 0;
}

/* Does topic t name the figure marked in x->ctx? The cheap tests come
 * first: the paragraph's subject (about), the sentence's keywords
 * (require), then the patterns around the figure, then the vetoes. */
static int
topic_matches(struct xstate *x, const struct fig_topic *t, char *metric,
    char *entity, char *partner, size_t en, size_t para_end)
{
	const struct fig_rules *r = x->r;
	const char *subject = t->subject;
	const struct label *fl = NULL;
	char sjbuf[FIG_METRIC_MAX];
	size_t from = 0, to = x->ctx.len;
	int hit = 0, rc;

	entity[0] = partner[0] = '\0';
	x->from_sender = 0;
	/* the subject: named in the paragraph so far, or in the title */
	for (int i = 0; i < t->nabout; i++) {
		if ((rc = about_match(x, &t->about[i], para_end)) < 0)
			return -1;
		if (rc == 0 && (rc = rules_match(r, &t->about[i],
		    x->meta->title, strlen(x->meta->title), 0, 0, x->md,
		    x->err)) <= 0)
			return rc;
	}
	/* a list item's topic may be in its lead line: "Shares of
	 * Russia's imports:" then "- China - 42%" */
	for (int i = 0; i < t->nlead; i++)
		if (!x->in_item || x->lead.len == 0 || (rc = rules_match(r,
		    &t->lead[i], x->lead.data, x->lead.len, 0, 0, x->md,
		    x->err)) == 0)
			return 0;
		else if (rc < 0)
			return -1;
	if (t->follow && (fl = followed_label(x, t)) == NULL)
		return 0;
	for (int i = 0; i < t->nrequire; i++) {
		int id = x->ctx_cut ? -1 : t->req_id[i];
		if (id >= 0 && x->reqmemo[id] >= 0)
			rc = x->reqmemo[id];
		else if (!may_match(x, &t->require[i]))
			rc = 0;
		else if ((rc = rules_match(r, &t->require[i], x->ctx.data,
		    x->ctx.len, 0, 0, x->md, x->err)) < 0)
			return -1;
		else if (id >= 0)
			x->reqmemo[id] = rc > 0;
		if (rc <= 0)
			return 0;
	}
	/* a topic with a window looks at so many bytes either side of the
	 * figure (up to a space after it), not its whole sentence: its
	 * patterns are local to the figure, and the rest of a long
	 * sentence only costs time */
	if (t->window > 0) {
		if (x->ctx_qs > t->window)
			from = x->ctx_qs - t->window;
		if (x->ctx.len - x->ctx_qe > t->window) {
			to = x->ctx_qe + t->window;
			while (to < x->ctx.len && x->ctx.data[to] != ' ')
				to++;
		}
	}
	for (int i = 0; i < t->npattern && !hit; i++) {
		const PCRE2_SIZE *ov;
		int g;

		if (!may_match(x, &t->pattern[i]))
			continue;
		if ((rc = rules_match_upto(r, &t->pattern[i], x->ctx.data, to,
		    from, x->mark_last, x->mctx, x->md, x->err)) < 0)
			return -1;
		if (rc == 0)
			continue;
		hit = 1;
		ov = pcre2_get_ovector_pointer(x->md);
		g = named_group(t->pattern[i].code, "entity", ov);
		if (g > 0) {
			actor_name(r, x->ctx.data + ov[2 * g],
			    ov[2 * g + 1] - ov[2 * g], entity, en);
			x->from_sender = after_from(x->ctx.data, ov[2 * g]);
			/* a capitalised word that names no actor may name
			 * the subject: "Automobile exports dipped 26.6%" */
			if (!entity[0] && t->templ) {
				const char *sj = rules_subject(r, x->ctx.data +
				    ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
				if (sj)
					subject = sj;
			}
		}
		g = named_group(t->pattern[i].code, "entity2", ov);
		if (g > 0 && entity[0]) {
			/* "China's trade with Russia": both are the actor */
			char two[FIG_ENTITY_MAX];
			actor_name(r, x->ctx.data + ov[2 * g],
			    ov[2 * g + 1] - ov[2 * g], two, sizeof two);
			if (two[0] && strlen(entity) + strlen(two) + 2 <= en) {
				strcat(entity, "+");
				strcat(entity, two);
				sort_joint(entity, en);
			}
		}
		g = named_group(t->pattern[i].code, "partner", ov);
		if (g > 0)
			actor_name(r, x->ctx.data + ov[2 * g],
			    ov[2 * g + 1] - ov[2 * g], partner, en);
		g = t->templ ? named_group(t->pattern[i].code, "subject", ov)
		    : 0;
		if (g > 0) {
			const char *sj = rules_subject(r, x->ctx.data +
			    ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
			if (sj)
				subject = sj;
		} else if (t->templ && (g = named_group(t->pattern[i].code,
		    "head", ov)) > 0) {
			const char *sj = head_subject(x, x->ctx.data +
			    ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
			if (sj)
				subject = sj;
		}
	}
	if (!hit)
		return 0;
	for (int i = 0; i < t->nunless; i++) {
		if (!may_match(x, &t->unless[i]))
			continue;
		if ((rc = rules_match(r, &t->unless[i], x->ctx.data, to, from,
		    0, x->md, x->err)) < 0)
			return -1;
		if (rc > 0)
			return 0;
	}
	if (fl) {	/* the measure, entity and subject of the list */
		const char *fe = t->follow & FIG_FOLLOW_SWAP ? fl->partner :
		    fl->entity;
		const char *fp = t->follow & FIG_FOLLOW_SWAP ? fl->entity :
		    fl->partner;
		if (!entity[0])
			claim_setfield(entity, en, fe);
		if (!partner[0] && !(t->fill & FIG_FILL_PARTNER))
			claim_setfield(partner, en, fp);
		if (subject == t->subject)
			subject = follow_subject(x, t, fl, sjbuf, sizeof sjbuf);
	}
	if (t->templ) {
		if (subject[0] == '\0' && t->subject_ctx &&
		    (subject = subject_before(x, &x->qs[x->cur_q])) == NULL)
			return 0;
		if (subject[0] == '\0')
			return 0;	/* words no [subject] knows */
		snprintf(metric, FIG_METRIC_MAX, "%s%s", subject, t->metric + 1);
	} else
		claim_setfield(metric, FIG_METRIC_MAX, t->metric);
	if (!entity[0] && t->entity[0])
		claim_setfield(entity, en, t->entity);
	if (!partner[0] && t->partner[0])
		claim_setfield(partner, en, t->partner);
	/* a flow to or from oneself is no flow: the pattern took the wrong
	 * actor for one side */
	if (entity[0] && strcmp(entity, partner) == 0)
		return 0;
	return 1;
}

static int
emit(struct xstate *x, struct fig_claim *c)
{
	if (x->cbs && x->cbs->on_claim)
		return x->cbs->on_claim(x->cbs->ctx, c);
	return 0;
}

/* Of two labels of one measure, one whose subject the text names
 * ("oil.exports.change", from the flow in barrels before it) and one
 * with the topic's default ("trade.exports.change"), the default goes:
 * it is the same figure read with less. */
static void
prefer_named_subject(struct qrec *q)
{
	int k = 0;

	for (int i = 0; i < q->nlabel; i++) {
		const struct label *l = &q->label[i];
		const char *mi = strchr(l->metric, '.');
		int drop = 0;
		for (int j = 0; j < q->nlabel && l->fallback && mi && !drop;
		    j++) {
			const char *mj = strchr(q->label[j].metric, '.');
			drop = j != i && !q->label[j].fallback && mj &&
			    strcmp(mi, mj) == 0;
		}
		if (!drop)
			q->label[k++] = *l;
	}
	q->nlabel = k;
}

/* Labels figure qi with every topic rule that names it (one figure may
 * be several claims: "30 percent of the world's neon, xenon and
 * krypton"). Returns the number of labels, or -1 on error. */
static int
label_figure(struct xstate *x, int qi, const char *unit)
{
	const struct fig_rules *r = x->r;
	struct qrec *q = &x->qs[qi];
	/* the class of the figure's unit, looked up once for all topics */
	const char *cls = rules_unit_class(r, unit);

	q->nlabel = 0;
	x->cur_q = qi;
	if (x->memo_sent != q->sent) {
		if (r->nreq_ids > 0)
			memset(x->reqmemo, -1, (size_t)r->nreq_ids);
		x->memo_sent = q->sent;
	}
	for (int i = 0; i < r->ntopics; i++) {
		const struct fig_topic *t = &r->topics[i];
		char entity[FIG_ENTITY_MAX], partner[FIG_ENTITY_MAX];
		char metric[FIG_METRIC_MAX];
		int dup = 0, m;

		if (t->unit[0] && !unit_in(t->unit, unit, cls))
			continue;
		if ((m = topic_matches(x, t, metric, entity, partner,
		    sizeof entity, x->csent[q->sent].end)) < 0)
			return -1;
		if (m == 0)
			continue;
		for (int k = 0; k < q->nlabel; k++)
			if (strcmp(q->label[k].metric, metric) == 0)
				dup = 1;
		if (dup || q->nlabel == MAX_LABELS)
			continue;
		/* whose figure: a topic's own, else the nearest actor that
		 * is not the partner; and where the topic says so, the
		 * partner is the other side the context names ("imports
		 * from Russia" in a report on China) */
		/* a list item's actor is the lead line's ("imports to
		 * Russia:"), not the item's before */
		if (!entity[0] && t->nlead > 0) {
			const char *e = entity_in(x, x->lead.data, 0,
			    x->lead.len, partner[0] ? partner : NULL);
			if (e)
				claim_setfield(entity, sizeof entity, e);
		}
		if (!entity[0] && !partner[0] &&
		    (t->fill & FIG_NEAREST_PARTNER))
			nearest_entity(x, q, partner, sizeof partner);
		if (!entity[0] && partner[0])
			pronoun_holder(x, q, partner, entity, sizeof entity);
		/* a flow naming only its partner, or no one at all in its
		 * sentence, is the holder's of the flow before */
		if (!entity[0] && (partner[0] || !first_entity(x,
		    x->csent[q->sent].start, x->csent[q->sent].end)))
			flow_holder(x, metric, partner, entity, sizeof entity);
		if (!entity[0] && partner[0])
			other_actor(x, q, partner, entity, sizeof entity);
		else if (!entity[0])
			nearest_entity(x, q, entity, sizeof entity);
		if (!partner[0] && entity[0] && x->from_sender &&
		    (t->fill & FIG_FILL_PARTNER))
			flow_receiver(x, metric, entity, partner,
			    sizeof partner);
		if (!partner[0] && entity[0] && (t->fill & FIG_FILL_PARTNER))
			other_actor(x, q, entity, partner, sizeof partner);
		if ((t->fill & FIG_FILL_PAIR) && entity[0] &&
		    !strchr(entity, '+')) {
			char two[FIG_ENTITY_MAX];
			other_actor_at(x, q, entity, 1, two, sizeof two);
			if (two[0] && strlen(entity) + strlen(two) + 2 <=
			    sizeof entity) {
				strcat(entity, "+");
				strcat(entity, two);
				sort_joint(entity, sizeof entity);
			}
		}
		if (entity[0] && strcmp(entity, partner) == 0)
			continue;
		q->label[q->nlabel].topic = i;
		q->label[q->nlabel].fallback = label_fallback(x, t, metric);
		claim_setfield(q->label[q->nlabel].metric, FIG_METRIC_MAX,
		    metric);
		claim_setfield(q->label[q->nlabel].partner, FIG_ENTITY_MAX,
		    partner);
		claim_setfield(q->label[q->nlabel++].entity, FIG_ENTITY_MAX,
		    entity);
	}
	prefer_named_subject(q);
	for (int i = 0; i < q->nlabel; i++) {
		pair_flow(x, q, &q->label[i]);
		part_subject(x, qi, &q->label[i]);
		if (q->label[i].fallback)
			flow_subject(x, &q->label[i]);
		if (q->label[i].fallback)
			physical_subject(x, qi, &q->label[i]);
	}
	drop_same_metric(q);
	return q->nlabel;
}

/* "at least 27 percent of the market by 2024, at least 70 percent by
 * 2030 and 75% by 2035": a figure no rule names, in the same unit as the
 * labelled figure just before it and joined to it only by a short
 * connective (the [cue ellipsis] rule), is the same kind of figure. */
/* Figure qi, elliptical after p but for its own "of SUBJECT", takes
 * p's labels with that subject. The subject is looked for in the few
 * words after the figure, up to the next figure or clause. */
static void
inherit_subject(struct xstate *x, int qi, const struct qrec *p)
{
	struct qrec *q = &x->qs[qi];
	const char *c = x->clean.data, *sj;
	size_t to = x->csent[q->sent].end, k = 0;

	if (qi + 1 < x->nq && x->qs[qi + 1].sent == q->sent)
		to = x->qs[qi + 1].q.start;
	if (to > q->q.end + 60)
		to = q->q.end + 60;
	for (size_t i = q->q.end; i < to; i++)
		if (c[i] == ',' || c[i] == ';') {
			to = i;
			break;
		}
	if ((sj = subject_in(x, c, q->q.end, to)) == NULL)
		return;
	for (int i = 0; i < p->nlabel; i++) {
		const char *dot = strchr(p->label[i].metric, '.');
		if (dot == NULL || !x->r->topics[p->label[i].topic].templ)
			continue;
		q->label[k] = p->label[i];
		snprintf(q->label[k].metric, sizeof q->label[k].metric,
		    "%s%s", sj, dot);
		q->label[k++].fallback = 0;
	}
	q->nlabel = (int)k;
}

static void
inherit_labels(struct xstate *x, int qi)
{
	const struct fig_rules *r = x->r;
	struct qrec *q = &x->qs[qi];
	const struct qrec *p;

	if (qi == 0 || r->ellipsis.code == NULL)
		return;
	p = &x->qs[qi - 1];
	if (p->sent != q->sent || p->nlabel == 0 ||
	    strcmp(p->q.unit_name, q->q.unit_name) != 0)
		return;
	if (rules_match(r, &r->ellipsis, x->clean.data, q->q.start, p->q.end,
	    0, x->md, NULL) <= 0)
		return;
	/* not elliptical when it names its own object: "20 percent of X",
	 * unless X is another subject of the same measure ("86 percent of
	 * the computers imported came from China, as did 67.8 percent of
	 * smartphones") */
	if (followed_by_of(x->clean.data, x->csent[q->sent].end, q->q.end)) {
		inherit_subject(x, qi, p);
		return;
	}
	memcpy(q->label, p->label, sizeof q->label);
	q->nlabel = p->nlabel;
}

/* Marks each figure of the block that is a comparison's base ("up from
 * 20 percent"), before the dates are read: a base's own date ("up from
 * 441,926 tonnes in March 2020") is no year a month named after it
 * without one ("in February") is of. */
static void
mark_bases(struct xstate *x)
{
	const struct fig_rules *r = x->r;

	for (int i = 0; i < x->nq; i++) {
		struct qrec *q = &x->qs[i];
		build_context(x, q);
		q->base = may_match(x, &r->baseline) && rules_match_upto(r,
		    &r->baseline, x->ctx.data, x->ctx.len, 0, x->mark_last,
		    x->mctx, x->md, NULL) > 0;
	}
}

static int
claims_of(struct xstate *x, const struct fig_block *b, int qi,
    const struct mention *carry)
{
	const struct fig_rules *r = x->r;
	struct qrec *q = &x->qs[qi];
	const struct fig_span *rs = &x->sent[q->sent];
	struct fig_claim c;
	int rc = 0;
	size_t sn;
	const char *st;

	q->nlabel = 0;
	if (x->tcell && (q->raw_end <= x->tcell->vstart ||
	    q->raw_start >= x->tcell->vend))
		return 0;	/* a number of a table's headers */
	build_context(x, q);
	claim_init(&c);
	c.doc = x->name;
	c.line = seg_line_at(b, q->raw_start);
	c.byte_start = (long)seg_doc_at(b, q->raw_start);
	c.byte_end = (long)seg_doc_at(b, q->raw_end);
	c.quote = xstrndup(b->text.data + q->raw_start,
	    q->raw_end - q->raw_start);
	sn = rs->end - rs->start;
	st = text_trim(b->text.data + rs->start, &sn);
	c.sentence = xstrndup(st, sn);
	c.value = q->q.value;
	c.has_low = q->q.has_low;
	c.low = q->q.low;
	c.has_high = q->q.has_high;
	c.high = q->q.high;
	c.qual = q->q.qual;
	claim_setfield(c.unit, sizeof c.unit, q->q.unit_name);
	choose_period(x, qi, carry, c.period, &c.kind);
	if (q->base) {
		c.kind = FIG_PK_BASELINE;
		base_period(x, qi, c.period);
	} else {
		/* the base a change is measured against, where named */
		base_period(x, qi, c.base);
	}
	choose_footnote(x, qi, c.footnote, sizeof c.footnote);
	if (x->tcell)
		tables_claim(x->tcell, &c);
	if (label_figure(x, qi, c.unit) < 0) {
		claim_release(&c);
		return -1;
	}
	if (q->nlabel == 0)
		inherit_labels(x, qi);
	respective_flow(x, qi);
	if (q->nlabel > 0)
		remember_labels(x, q);
	for (int i = 0; i < q->nlabel && rc == 0; i++) {
		const struct fig_topic *t = &r->topics[q->label[i].topic];
		enum fig_pkind keep = c.kind;

		claim_setfield(c.metric, sizeof c.metric, q->label[i].metric);
		claim_setfield(c.entity, sizeof c.entity, q->label[i].entity);
		claim_setfield(c.partner, sizeof c.partner,
		    q->label[i].partner);
		respective(x, qi, c.entity);
		respective(x, qi, c.partner);
		snprintf(c.rule, sizeof c.rule, "%.100s:%ld", t->at.file,
		    t->at.line);
		if (t->kind >= 0)
			c.kind = (enum fig_pkind)t->kind;
		rc = emit(x, &c);
		c.kind = keep;
	}
	if (rc == 0 && q->nlabel == 0) {
		nearest_entity(x, q, c.entity, sizeof c.entity);
		rc = emit(x, &c);
	}
	claim_release(&c);
	return rc;
}

/* Footnote markers of the raw block: superscript runs and "[12]". */
static void
find_footnotes(struct xstate *x, const struct fig_block *b, int nsent)
{
	const char *s = b->text.data;
	size_t len = b->text.len;
	int si = 0;

	x->nfn = 0;
	for (size_t i = 0; i < len; i++) {
		long num;
		size_t k;

		/* eight bytes at a time up to a '[' or a non-ASCII byte */
		while (i + 8 <= len && !(text_load8(s + i) & TEXT_HIGHS) &&
		    !text_has_byte(text_load8(s + i), '['))
			i += 8;
		if (i >= len)
			break;
		if ((unsigned char)s[i] < 0xC2 && s[i] != '[')
			continue;	/* nearly every byte */
		while (si + 1 < nsent && i >= x->sent[si].end)
			si++;
		if ((unsigned char)s[i] >= 0xC2 &&
		    (k = text_superscript_run(s + i, len - i, &num)) > 0) {
			GROW(x->fn, x->nfn, x->fncap);
			x->fn[x->nfn].sent = si;
			x->fn[x->nfn].off = i;
			x->fn[x->nfn++].num = num;
			i += k - 1;
		} else if (s[i] == '[' && i + 2 < len && s[i + 1] >= '0' &&
		    s[i + 1] <= '9') {
			k = i + 1;
			num = 0;
			while (k < len && s[k] >= '0' && s[k] <= '9' &&
			    k - i < 5)
				num = num * 10 + (s[k++] - '0');
			if (k < len && s[k] == ']') {
				GROW(x->fn, x->nfn, x->fncap);
				x->fn[x->nfn].sent = si;
				x->fn[x->nfn].off = i;
				x->fn[x->nfn++].num = num;
				i = k;
			}
		}
	}
}

/* "30 and 40 percent" is a range only after "between", which the match
 * at the number could not see. */
static int
followed_by_and(const char *s, size_t len, size_t i)
{
	while (i < len && s[i] == ' ')
		i++;
	return i + 4 <= len && strncasecmp(s + i, "and ", 4) == 0;
}

/* Could the text just before a number hold a prefix unit ("US$",
 * "RMB", "\u20ac", "Rs.") or a sign? A symbol, or a short word with a
 * capital, right before it. */
static int
maybe_prefix(const char *s, size_t from, size_t anchor)
{
	size_t i = anchor;

	if (i > from && s[i - 1] == ' ')
		i--;
	if (i == from)
		return 0;
	if ((unsigned char)s[i - 1] >= 0x80 || strchr("$#+-.%", s[i - 1]))
		return 1;	/* "\u20ac5", "(-1%)", "Rs.2.56", "%9,75" */
	/* a capitalised word of up to four letters: "RMB 5", "Rs 10" */
	for (size_t k = 0; k < 4 && i > from && ((s[i - 1] | 32) >= 'a' &&
	    (s[i - 1] | 32) <= 'z'); k++, i--)
		if (s[i - 1] >= 'A' && s[i - 1] <= 'Z')
			return 1;
	return 0;
}

/* Is s[from..to) only a comma or the word w between two figures ("fell
 * 12% and about 23%", "rose 5%, 7% and 9%"; "a fall of 140 Mt, or
 * 2.9%"), after at most three words that say of or in what the first
 * is ("fell 32.1% in volume and 15.7%")? 2 when the word is there, 1
 * for a comma alone, else 0. */
static int
joined_by(const char *s, size_t from, size_t to, const char *w)
{
	size_t i = from, n = strlen(w);
	int word = 0;

	while (i < to && s[i] == ' ')
		i++;
	if (i + 3 <= to && (strncasecmp(s + i, "of ", 3) == 0 ||
	    strncasecmp(s + i, "in ", 3) == 0)) {
		/* what the figure before counts, or in what: "300,000 bpd
		 * of crude oil and 200,000 bpd", "120 Mt of CO2, or 12%",
		 * "down 32.1% in volume and 15.7% in value" */
		size_t j = i + 3;
		for (int k = 0; k < 3 && j < to; k++) {
			size_t st = j;
			while (j < to && (((s[j] | 32) >= 'a' && (s[j] | 32) <=
			    'z') || (s[j] >= '0' && s[j] <= '9' && j > st)))
				j++;
			if (j == st || (j - st == n && strncasecmp(s + st, w,
			    n) == 0)) {
				j = st;
				break;
			}
			while (j < to && s[j] == ' ')
				j++;
		}
		i = j;
	}
	if (i < to && s[i] == ',')
		i++;
	while (i < to && s[i] == ' ')
		i++;
	if (i + n <= to && strncasecmp(s + i, w, n) == 0) {
		i += n;
		word = 1;
	}
	while (i < to && s[i] == ' ')
		i++;
	return i == to && to > from ? 1 + word : 0;
}

/* Is s[from..to) only words that list the parts of the figure before
 * ("a reduction of 500,000 bpd, made up of 300,000 bpd", "including",
 * "of which")? Its parts share its direction. */
static int
joined_by_parts(const char *s, size_t from, size_t to)
{
	static const char *const lead[] = { "which includes", "which include",
	    "made up of", "including", "includes", "comprising", "of which",
	    "consisting of" };
	size_t i = from;

	while (i < to && (s[i] == ' ' || s[i] == ','))
		i++;
	for (size_t k = 0; k < sizeof lead / sizeof *lead; k++) {
		size_t n = strlen(lead[k]), j = i + n;
		if (j > to || strncasecmp(s + i, lead[k], n) != 0)
			continue;
		while (j < to && s[j] == ' ')
			j++;
		if (j == to)
			return 1;
	}
	return 0;
}

/* Is unit name u a change or a share ("percent", "times"), which a bare
 * number never takes from the figure before it ("rose 5% to 1,234")? */
static int
change_unit(const char *u)
{
	return strcmp(u, "percent") == 0 || strcmp(u, "percentage_point") ==
	    0 || strcmp(u, "basis_point") == 0 || strcmp(u, "times") == 0;
}

/* Is the word of s[from..at) just before at (spaces skipped) one of
 * words[0..n)? */
static int
word_before_in(const char *s, size_t from, size_t at,
    const char *const *words, size_t n)
{
	size_t i = at, end;

	while (i > from && s[i - 1] == ' ')
		i--;
	end = i;
	while (i > from && (s[i - 1] | 32) >= 'a' && (s[i - 1] | 32) <= 'z')
		i--;
	for (size_t k = 0; k < n; k++)
		if (end - i == strlen(words[k]) &&
		    strncasecmp(s + i, words[k], end - i) == 0)
			return 1;
	return 0;
}

/* The words after which a bare number can be a figure whose unit the
 * sentence implies: a level ("at 770,747", "to 11,360", "of 1.26"), a
 * base ("from 1.30"), a change ("down 40,875"), one of a pair. */
static int
implied_after(const char *s, size_t from, size_t at)
{
	static const char *const words[] = { "to", "at", "of", "from",
	    "and", "or", "versus", "vs", "against", "down", "up", "by",
	    "was", "were", "is", "are", "reached", "hit", "totalled",
	    "totaled", "about", "around", "nearly", "almost", "some" };

	return word_before_in(s, from, at, words, sizeof words /
	    sizeof *words);
}

/* Can a bare number take unit u of a figure of value v near it: not a
 * span of time, a unit with a scale of its own ("Mt"), a change or a
 * share, and v of the number's order ("11,360" after "3,200 cars", not
 * "ranked at 3")? */
static int
unit_lendable(const struct fig_qty *from, const struct fig_qty *q)
{
	return from->unit != NULL && !from->unit->duration &&
	    from->unit->factor == 1 && !change_unit(from->unit_name) &&
	    fabs(q->value) * 100 >= fabs(from->value) && fabs(q->value) <=
	    fabs(from->value) * 100;
}

/* The figure a run goes to, for a bare number it starts from: "fell from
 * 111 to just 66 units" is 111 units. Writes it into to; 1 when there
 * is one right after "to" (and "just", "only", "about", ...), 0 when
 * not, -1 on a match error. */
static int
run_end(struct xstate *x, size_t ce, const struct fig_qty *q,
    struct fig_qty *to)
{
	static const char *const skip[] = { "just", "only", "about",
	    "around", "some", "nearly", "almost", "a", "mere" };
	const char *c = x->clean.data;
	size_t i = q->end, w;
	int rc;

	while (i < ce && c[i] == ' ')
		i++;
	if (i + 3 > ce || strncasecmp(c + i, "to ", 3) != 0)
		return 0;
	for (i += 3;; i = w) {
		size_t k;
		while (i < ce && c[i] == ' ')
			i++;
		for (w = i; w < ce && (c[w] | 32) >= 'a' && (c[w] | 32) <= 'z';
		    w++)
			;
		for (k = 0; k < sizeof skip / sizeof *skip; k++)
			if (w - i == strlen(skip[k]) &&
			    strncasecmp(c + i, skip[k], w - i) == 0)
				break;
		if (w == i || k == sizeof skip / sizeof *skip)
			break;
	}
	rc = rules_match(x->r, &x->r->quantity_at, c, ce, i, 0, x->md_aside,
	    x->err);
	if (rc <= 0)
		return rc;
	return quantity_from_match(x->r, x->md_aside, c, ce, x->decimal_comma,
	    to);
}

/* Does s[from..to) name no other figure-like token: no digit (a figure
 * carried to the next sentence must be the next number there)? */
static int
implied_between(const char *s, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 0;
	return 1;
}

/* The direction a lead clause states for the changes after its colon,
 * in sentence si: "Since then shipments have fallen: in April by 7%, in
 * May by 11%". The clause is the sentence up to its last colon before
 * the figure at start, holding no figure of its own, and ending with a
 * [direction] word. 1 a fall, 2 a rise, 0 none, -1 a match error. */
static int
lead_direction(struct xstate *x, int si, size_t start)
{
	const struct fig_rules *r = x->r;
	const char *c = x->clean.data;
	size_t cs = x->csent[si].start, colon = start;

	while (colon > cs && c[colon - 1] != ':')
		colon--;
	if (colon == cs)
		return 0;
	colon--;
	if (x->nq > 0 && x->qs[x->nq - 1].sent == si &&
	    x->qs[x->nq - 1].q.start < colon)
		return 0;	/* "Exports rose 5%: ..." states its own */
	for (int k = 0; k < 2; k++) {
		int rc;
		if (r->dir_lead[k].code == NULL)
			continue;
		rc = rules_match(r, &r->dir_lead[k], c + cs, colon - cs, 0, 0,
		    x->md_aside, x->err);
		if (rc != 0)
			return rc < 0 ? -1 : k + 1;
	}
	return 0;
}

/* The direction a subject states for the figures listed after it in
 * sentence si ("the cuts include contributions from Saudi Arabia (1
 * million bpd), Iraq (223,000 bpd)"): a [direction] "list =" pattern
 * matching the sentence before its first figure. 1 a fall, 2 a rise, 0
 * none, -1 a match error. */
static int
list_direction(struct xstate *x, int si, size_t start)
{
	const struct fig_rules *r = x->r;
	const char *c = x->clean.data;
	size_t cs = x->csent[si].start, first = start;

	for (int i = x->nq - 1; i >= 0 && x->qs[i].sent == si; i--)
		first = x->qs[i].q.start;
	for (int k = 0; k < 2; k++) {
		int rc;
		if (r->dir_list[k].code == NULL)
			continue;
		rc = rules_match(r, &r->dir_list[k], c + cs, first - cs, 0, 0,
		    x->md_aside, x->err);
		if (rc != 0)
			return rc < 0 ? -1 : k + 1;
	}
	return 0;
}

/* A bare number (quantity_bare) in sentence si: the unit its context
 * implies, written into q, or 0 when none does. First a [unit] whose
 * "context =" pattern matches the sentence before the number ("the
 * total fertility rate fell to 1.26"; a count only for a whole number),
 * then after "from" the unit of the figure the run goes to ("from 111
 * to just 66 units"), then the unit of the figure before it in the
 * sentence, spans of time passed over, unless that is a change, a share
 * or was scaled by its unit ("Mt"): "770,747, down 40,875 from 2021";
 * a number with a scale word may take
 * it from the last figure of the sentence or paragraph before, with no
 * number between ("64,1 billion" after "EUR 66 billion"); never a
 * number a hundred times smaller or larger than that figure. Either way
 * only after a word that makes a number a figure (implied_after), and
 * never before a letter, a slash or a hyphen ("24/7", "3-0"). */
static int
implied_unit(struct xstate *x, int si, struct fig_qty *q)
{
	const struct fig_rules *r = x->r;
	const char *c = x->clean.data;
	size_t cs = x->csent[si].start, ce = x->csent[si].end;
	size_t e = q->end;
	const struct fig_qty *prev;
	int pi;

	if (e < ce && (c[e] == '/' || c[e] == '-' || ((c[e] | 32) >= 'a' &&
	    (c[e] | 32) <= 'z')))
		return 0;
	if (!implied_after(c, cs, q->nstart))
		return 0;
	for (int i = 0; i < r->nunits; i++) {
		const struct fig_unit *u = &r->units[i];
		int rc;

		if (u->context.code == NULL || (strcmp(u->canon, "count") == 0
		    && !(q->numflags & FIG_NUM_INTEGER)) || (u->max > 0 &&
		    fabs(q->value) > u->max))
			continue;
		rc = rules_match(r, &u->context, c + cs, q->start - cs, 0, 0,
		    x->md_aside, x->err);
		if (rc < 0)
			return -1;
		if (rc > 0) {
			q->unit = u;
			claim_setfield(q->unit_name, sizeof q->unit_name,
			    u->canon);
			return 1;
		}
	}
	if (word_before_in(c, cs, q->nstart, (const char *const[]){ "from" },
	    1)) {
		struct fig_qty to;
		int rc = run_end(x, ce, q, &to);
		if (rc < 0)
			return -1;
		if (rc > 0 && unit_lendable(&to, q)) {
			q->unit = to.unit;
			memcpy(q->unit_name, to.unit_name, sizeof q->unit_name);
			return 1;
		}
	}
	/* a span of time of the sentence dates the figure before it and
	 * lends nothing: "45.4 mm of rain on one day, a total of 144.9" */
	pi = x->nq - 1;
	while (pi >= 0 && x->qs[pi].sent == si && x->qs[pi].q.unit &&
	    x->qs[pi].q.unit->duration)
		pi--;
	prev = pi >= 0 ? &x->qs[pi].q : NULL;
	/* the figure before may end the sentence or the paragraph before
	 * when this number has a scale word and no number stands between:
	 * "trade with the US totalled 64,1 billion" */
	if (prev && x->qs[pi].sent != si && !(x->qs[pi].sent == si - 1 &&
	    q->scaled && implied_between(c, prev->end, q->nstart)))
		prev = NULL;
	else if (prev == NULL && x->has_last_q && q->scaled &&
	    implied_between(c, 0, q->nstart))
		prev = &x->last_q;
	if (prev == NULL || !unit_lendable(prev, q))
		return 0;
	q->unit = prev->unit;
	memcpy(q->unit_name, prev->unit_name, sizeof q->unit_name);
	return 1;
}

/* A money figure with no rate of its own is over the unit of a rate
 * the sentence names before it: a [per] whose "context =" matches ("the
 * price for a gallon stood at $3.30"), or, for a change, the rate of
 * the figure before it in the same money ("$93.19 per barrel, up 10
 * cents"). Returns -1 on a match error. */
static int
money_rate(struct xstate *x, int si, struct fig_qty *q)
{
	const struct fig_rules *r = x->r;
	size_t cs = x->csent[si].start;
	size_t k = strlen(q->unit_name);
	const char *per = NULL;

	if (q->unit == NULL || q->unit->no_rate || strcmp(q->unit->uclass,
	    "money") != 0 || strchr(q->unit_name, '/') != NULL)
		return 0;
	for (int i = 0; i < r->npers && per == NULL; i++) {
		int rc;

		if (r->pers[i].context.code == NULL)
			continue;
		rc = rules_match(r, &r->pers[i].context, x->clean.data + cs,
		    q->start - cs, 0, 0, x->md_aside, x->err);
		if (rc < 0)
			return -1;
		if (rc > 0)
			per = r->pers[i].name;
	}
	if (per == NULL && q->dir != 0 && x->nq > 0 &&
	    x->qs[x->nq - 1].sent == si) {
		const char *prev = x->qs[x->nq - 1].q.unit_name;

		if (strncmp(prev, q->unit_name, k) == 0 && prev[k] == '/')
			per = prev + k + 1;
	}
	if (per != NULL)
		snprintf(q->unit_name + k, sizeof q->unit_name - k, "/%s",
		    per);
	return 0;
}

/* Finds the figures of sentence si. A cheap pattern finds where numbers
 * start and the quantity pattern is tried right there; only a number
 * that is a figure (or may have a prefix unit) is matched again from a
 * little before it, so that its qualifier ("in excess of") is seen,
 * without trying the whole pattern at every byte. */
static int
find_quantities(struct xstate *x, const struct fig_block *b, int si)
{
	const struct fig_rules *r = x->r;
	const char *c = x->clean.data;
	size_t cs = x->csent[si].start, ce = x->csent[si].end, done = cs;
	size_t at = cs;
	int rc = 0;

	while (at < ce) {
		size_t anchor = number_scan(r, c, at, ce);
		size_t from = anchor > done + QUAL_REACH ? anchor - QUAL_REACH :
		    done;
		struct qrec q;
		int ok;

		if (anchor >= ce)
			break;
		rc = rules_match(r, &r->quantity_at, c, ce, anchor, 0, x->md,
		    x->err);
		if (rc < 0)
			return -1;
		ok = rc > 0 && quantity_from_match(r, x->md, c, ce,
		    x->decimal_comma, &q.q);
		if (ok || (rc > 0 && (q.q.numflags & FIG_NUM_FRACTION)) ||
		    maybe_prefix(c, done, anchor) ||
		    (rc > 0 && followed_by_and(c, ce,
		    pcre2_get_ovector_pointer(x->md)[1]))) {
			/* again from before it, for qualifiers and prefixes */
			rc = rules_match(r, &r->quantity, c, ce, from, 0, x->md,
			    x->err);
			if (rc < 0)
				return -1;
			ok = rc > 0 && quantity_from_match(r, x->md, c, ce,
			    x->decimal_comma, &q.q);
		}
		if (!ok && rc > 0 && quantity_bare(r, x->md, c, ce,
		    x->decimal_comma, &q.q)) {
			/* a bare number: again from before it, for its
			 * qualifier and direction, then a unit from context */
			rc = rules_match(r, &r->quantity, c, ce, from, 0, x->md,
			    x->err);
			if (rc < 0)
				return -1;
			ok = rc > 0 && quantity_bare(r, x->md, c, ce,
			    x->decimal_comma, &q.q);
			if (ok && (ok = implied_unit(x, si, &q.q)) < 0)
				return -1;
		}
		if (!ok) {
			/* not a figure: what follows its number may still
			 * hold one ("2022 saw 12 new fabs") */
			at = done = anchor + 1;
			continue;
		}
		if (q.q.numflags & FIG_NUM_DECIMAL_COMMA)
			x->decimal_comma = 1;	/* translated text */
		if (q.q.dir == 0 && x->nq > 0 && x->qs[x->nq - 1].sent == si &&
		    x->qs[x->nq - 1].q.dir != 0 && ((strcmp(x->qs[x->nq -
		    1].q.unit_name, q.q.unit_name) == 0 && (joined_by(c,
		    x->qs[x->nq - 1].q.end, q.q.start, "and") ||
		    joined_by_parts(c, x->qs[x->nq - 1].q.end, q.q.start))) ||
		    joined_by(c,
		    x->qs[x->nq - 1].q.end, q.q.start, "or") == 2)) {
			/* "fell 12% and about 23%": one verb, two falls;
			 * "a fall of 140 Mt, or 2.9%": one fall said twice;
			 * "a cut of 5 bpd, made up of 3 bpd": its parts */
			q.q.dir = x->qs[x->nq - 1].q.dir;
			if (q.q.dir < 0)
				quantity_negate(&q.q);
		}
		if (q.q.dir == 0 && change_unit(q.q.unit_name) &&
		    (rc = lead_direction(x, si, q.q.start)) != 0) {
			if (rc < 0)
				return -1;
			/* "shipments have fallen: in April by 7%" */
			q.q.dir = rc == 1 ? -1 : 1;
			if (q.q.dir < 0)
				quantity_negate(&q.q);
		}
		if (q.q.dir == 0 && !(q.q.unit && q.q.unit->duration) &&
		    (rc = list_direction(x, si, q.q.start)) != 0) {
			if (rc < 0)
				return -1;
			/* "the cuts include Iraq (223,000 bpd)" */
			q.q.dir = rc == 1 ? -1 : 1;
			if (q.q.dir < 0)
				quantity_negate(&q.q);
		}
		if (money_rate(x, si, &q.q) < 0)
			return -1;
		at = done = q.q.end > anchor ? q.q.end : anchor + 1;
		q.sent = si;
		q.raw_start = raw_at(x, q.q.start, b->text.len);
		q.raw_end = raw_at(x, q.q.end - 1, b->text.len) + 1;
		GROW(x->qs, x->nq, x->qcap);
		x->qs[x->nq++] = q;
	}
	return rc < 0 ? -1 : 0;
}

/* Drops the figures an [exclude] rule names ("the two countries"), before
 * any date or topic work is spent on them. Returns -1 on a match error. */
static int
drop_excluded(struct xstate *x)
{
	const struct fig_rules *r = x->r;
	int k = 0;

	for (int qi = 0; qi < x->nq; qi++) {
		int rc = 0;
		build_context(x, &x->qs[qi]);
		/* each rule alone, where the sentence has its words: a rule
		 * that starts at the figure's marker is found at once */
		for (int i = 0; i < r->nexcludes && rc == 0; i++)
			if (may_match(x, &r->excludes[i].re) &&
			    (rc = rules_match(r, &r->excludes[i].re,
			    x->ctx.data, x->ctx.len, 0, 0, x->md, x->err)) < 0)
				return -1;
		if (rc == 0)
			x->qs[k++] = x->qs[qi];
	}
	x->nq = k;
	return 0;
}

/* Does the cleaned block end with a colon: a lead line ("Results for
 * the first quarter:") whose date the list items after it take? */
static int
lead_line(const struct xstate *x)
{
	size_t n = x->clean.len;

	while (n > 0 && x->clean.data[n - 1] == ' ')
		n--;
	return n > 0 && x->clean.data[n - 1] == ':';
}

/* Passes on the date the block set last (carry, or NULL): to the list
 * items after a list item or a lead line, and to the next paragraph
 * after a paragraph of one sentence. */
static void
set_carries(struct xstate *x, const struct fig_block *b, int nsent,
    const struct mention *carry)
{
	if (carry == NULL)
		return;
	if (b->kind == FIG_BLK_ITEM || (b->kind == FIG_BLK_PROSE &&
	    lead_line(x))) {
		x->item_carry = *carry;
		x->has_item_carry = 1;
	}
	/* a goal ("to below 4.5% by FY26") dates no figure of the next
	 * paragraph: news moves on to what was done ("Till August,
	 * revenue receipts added up to ..."); nor does a time before the
	 * one reported ("In the first half of the previous fiscal year,
	 * the deficit was 29.4%"), which the news comes back from. A list
	 * under a lead line is one wire paragraph: its last item passes the
	 * date on */
	if ((b->kind == FIG_BLK_PROSE || (b->kind == FIG_BLK_ITEM &&
	    x->lead.len > 0)) && nsent == 1 &&
	    carry->role != FIG_PR_DEADLINE && !carry->looks_back) {
		x->next_carry = *carry;
		x->has_next_carry = 1;
	}
}

/* The dates of a block with no figures, which still date what follows
 * when it is one sentence ("Trade in the first quarter of 2024 fell."
 * then a paragraph of figures) or a list's lead line. */
static int
carry_only(struct xstate *x, const struct fig_block *b, int nsent,
    struct lastdate *ld)
{
	const struct mention *carry = NULL;

	for (int si = 0; si < nsent; si++) {
		x->past[si] = -1;
		if (find_mentions(x, si, x->csent[si].start,
		    x->csent[si].end, ld) != 0)
			return -1;
	}
	for (int i = 0; i < x->nm; i++)
		if (dating(&x->m[i]))
			carry = &x->m[i];
	/* a wire paragraph dated by the one before passes its date on:
	 * "Trade in 2024 grew 1.9%." "Exports rose 4.1%." "Imports fell." */
	if (carry == NULL && nsent == 1 && b->kind == FIG_BLK_PROSE &&
	    x->has_para_carry)
		carry = &x->para_carry;
	set_carries(x, b, nsent, carry);
	return 0;
}

static int
process_block(struct xstate *x, const struct fig_block *b)
{
	const struct fig_rules *r = x->r;
	/* the items of a list share dates as a paragraph's sentences do:
	 * "- Total trade: $244.8bn in 2024" then "- Imports: $129.3bn" */
	const struct mention *carry = b->kind == FIG_BLK_ITEM &&
	    x->has_item_carry ? &x->item_carry : NULL;
	struct lastdate ld;
	int nsent;

	memset(&ld, 0, sizeof ld);
	if (b->kind == FIG_BLK_HEADING || b->kind == FIG_BLK_TABLE)
		return 0;	/* headings and table cells have no sentence */
	if (x->opts && x->opts->stop && *x->opts->stop)
		return err_set(x->err, FIG_EINTR, x->name, 0, 0,
		    "interrupted");
	buf_reset(&x->clean);
	x->ments_ok = 0;
	x->namemo = 0;
	text_clean(&x->clean, b->text.data, b->text.len, &x->runs);
	if (x->clean.len == 0)
		return 0;
	nsent = seg_sentences(r, x->md, b->text.data, b->text.len, &x->sent,
	    &x->sentcap);
	if (nsent > x->csentcap) {
		x->csentcap = nsent;
		x->csent = xrealloc(x->csent, (size_t)nsent * sizeof *x->csent);
	}
	if (nsent > x->pastcap) {
		x->pastcap = nsent;
		x->past = xrealloc(x->past, (size_t)nsent * sizeof *x->past);
	}
	if (nsent > x->entbackcap) {
		x->entbackcap = nsent;
		x->entback = xrealloc(x->entback, (size_t)nsent *
		    sizeof *x->entback);
	}
	for (int si = 0; si < nsent; si++)
		x->entback[si] = NULL;
	x->nm = x->nq = 0;
	x->memo_sent = -1;	/* the requires' answers were another block's */
	x->lit_sent = -1;	/* and so were the words found */
	for (int si = 0; si < nsent; si++) {
		x->csent[si].start = clean_at(x, x->sent[si].start);
		x->csent[si].end = clean_at(x, x->sent[si].end);
		if (find_quantities(x, b, si) != 0)
			return -1;
	}
	if (drop_excluded(x) != 0)
		return -1;
	if (x->nq == 0)		/* most blocks: no date work needed */
		return b->kind == FIG_BLK_PROSE && (nsent == 1 ||
		    lead_line(x)) ? carry_only(x, b, nsent, &ld) : 0;
	mark_bases(x);
	/* dates only for the sentences up to the last figure */
	for (int si = 0; si <= x->qs[x->nq - 1].sent; si++) {
		size_t cs = x->csent[si].start, ce = x->csent[si].end;
		x->past[si] = -1;
		if (find_mentions(x, si, cs, ce, &ld) != 0)
			return -1;
	}
	/* a number inside a date phrase is part of the date */
	{
		int k = 0;
		for (int i = 0; i < x->nq; i++) {
			int inside = 0;
			for (int j = 0; j < x->nm && !inside; j++)
				inside = x->m[j].sent == x->qs[i].sent &&
				    x->qs[i].q.nstart < x->m[j].end &&
				    x->m[j].start < x->qs[i].q.nend;
			if (!inside)
				x->qs[k++] = x->qs[i];
		}
		x->nq = k;
	}
	if (x->nq == 0) {	/* "half" in "the first half of 2023:" */
		const struct mention *last = carry;
		for (int i = 0; i < x->nm; i++)
			if (carries(&x->m[i]))
				last = &x->m[i];
		set_carries(x, b, nsent, last);
		return 0;
	}
	find_footnotes(x, b, nsent);
	for (int si = 0, qi = 0; si < nsent; si++) {
		for (; qi < x->nq && x->qs[qi].sent == si; qi++)
			if (claims_of(x, b, qi, carry) != 0)
				return -1;
		for (int i = 0; i < x->nm; i++)
			if (x->m[i].sent == si && carries(&x->m[i]) &&
			    !base_own_date(x, &x->m[i], qi))
				carry = &x->m[i];
	}
	if (b->kind == FIG_BLK_ITEM && carry) {
		x->item_carry = *carry;
		x->has_item_carry = 1;
	}
	/* a wire paragraph dated by the one before passes its date on:
	 * "Trade in 2024 grew 1.9%." "Exports rose 4.1%." "Imports fell." */
	if (carry == NULL && nsent == 1 && b->kind == FIG_BLK_PROSE &&
	    x->has_para_carry)
		carry = &x->para_carry;
	set_carries(x, b, nsent, carry);
	return 0;
}

/* Is the actor named at clean offset at only the place of a war ("the
 * war in Ukraine", "the invasion of Ukraine", "since the start of the
 * war in Ukraine")? Trade news names it in passing; it is no side of
 * the trade the next paragraphs count. */
static int
war_place(const char *s, size_t at)
{
	static const char *const before[] = { "war in ", "war on ",
	    "invasion of ", "conflict in ", "fighting in ", NULL };

	for (int k = 0; before[k]; k++) {
		size_t n = strlen(before[k]);
		if (at >= n && strncasecmp(s + at - n, before[k], n) == 0)
			return 1;
	}
	return 0;
}

/* Adds the actors the block just processed named to x->recent, in the
 * order named; one named again moves to the end. The names are the
 * rules' own strings, which outlive the extraction. */
static void
remember_actors(struct xstate *x)
{
	const struct fig_rules *r = x->r;

	if (!x->ments_ok)
		find_actors(x);
	if (x->nments > 0)
		x->para_actor = x->ments[0].name;
	for (int i = 0; i < x->nments; i++) {
		const char *e = x->ments[i].name;
		int k;

		if (war_place(x->clean.data, x->ments[i].start))
			continue;
		for (k = 0; k < x->nrecent && x->recent[k] != e; k++)
			;
		if (k == x->nrecent && x->nrecent == RECENT_ACTORS)
			k = 0;		/* full: the oldest goes */
		else if (k == x->nrecent)
			x->nrecent++;
		memmove(&x->recent[k], &x->recent[k + 1],
		    (size_t)(x->nrecent - 1 - k) * sizeof *x->recent);
		x->recent[x->nrecent - 1] = e;
	}
	/* the subject only of paragraphs with figures: a paragraph
	 * without one seldom sets what the next figure counts, and the
	 * subjects' words cost as much to find as the figures */
	if (r->anysubject.code && x->nq > 0) {
		const char *sj = subject_in(x, x->clean.data, 0, x->clean.len);
		if (sj)
			x->recent_subject = sj;
	}
}

/* One numeric cell of a table: its sentence read as a paragraph of its
 * own, which neither takes nor leaves dates and lists for the prose. */
static int
table_cell(void *ctx, const struct fig_tcell *tc)
{
	struct xstate *x = ctx;
	struct mention recall = x->recall, item = x->item_carry,
	    para = x->para_carry, next = x->next_carry;
	int has[5] = { x->has_recall, x->has_item_carry, x->has_para_carry,
	    x->has_next_carry, x->decimal_comma };
	struct fig_lineref lr = { 0, tc->line, tc->doc };
	struct fig_block b;
	int rc;

	memset(&b, 0, sizeof b);
	b.text.data = (char *)tc->phrase;
	b.text.len = strlen(tc->phrase);
	b.lines = &lr;
	b.nlines = 1;
	b.kind = FIG_BLK_PROSE;
	x->tcell = tc;
	rc = process_block(x, &b);
	x->tcell = NULL;
	x->recall = recall;
	x->item_carry = item;
	x->para_carry = para;
	x->next_carry = next;
	x->has_recall = has[0];
	x->has_item_carry = has[1];
	x->has_para_carry = has[2];
	x->has_next_carry = has[3];
	x->decimal_comma = has[4];
	return rc;
}

/* Ends the table being read, if any. */
static int
end_table(struct xstate *x)
{
	return tables_flush(&x->tables, x->r, table_cell, x);
}

/* The segmenter's callback: a block, and on failure the place in the
 * document for errors that come from a rule (which knows only itself). */
static int
on_block(void *ctx, const struct fig_block *b)
{
	struct xstate *x = ctx;

	/* a table ends at a blank line or another block */
	if (x->tables.nrows > 0 && (b->kind != FIG_BLK_TABLE || b->nlines == 0 ||
	    b->lines[0].line != x->tables.rows[x->tables.nrows - 1].line + 1) &&
	    end_table(x) != 0)
		goto fail;
	if (b->kind == FIG_BLK_TABLE)
		tables_row(&x->tables, b->text.data, b->text.len,
		    b->nlines ? b->lines[0].line : 0,
		    b->nlines ? b->lines[0].doc : 0);

	if (b->kind != FIG_BLK_ITEM)
		x->has_item_carry = 0;	/* the list, if any, ended */
	x->has_next_carry = 0;
	x->in_item = b->kind == FIG_BLK_ITEM;
	if (b->kind != FIG_BLK_HEADING && b->kind != FIG_BLK_TABLE)
		x->nblock++;
	if (process_block(x, b) == 0) {
		x->has_last_q = (b->kind == FIG_BLK_PROSE ||
		    b->kind == FIG_BLK_ITEM) && x->nq > 0;
		if (x->has_last_q)
			x->last_q = x->qs[x->nq - 1].q;
		x->para_carry = x->next_carry;
		x->has_para_carry = x->has_next_carry;
		if (b->kind != FIG_BLK_HEADING && b->kind != FIG_BLK_TABLE)
			remember_actors(x);
		/* a lead line is what its list items are about */
		if (b->kind == FIG_BLK_PROSE && x->clean.len && lead_line(x)) {
			buf_reset(&x->lead);
			buf_add(&x->lead, x->clean.data, x->clean.len);
		} else if (b->kind != FIG_BLK_ITEM)
			buf_reset(&x->lead);
		if (b->kind != FIG_BLK_TABLE)
			tables_note(&x->tables, b->text.data, b->text.len);
		return 0;
	}
fail:
	if (x->err && !x->err->file[0]) {
		snprintf(x->err->file, sizeof x->err->file, "%s", x->name);
		x->err->line = b->nlines ? b->lines[0].line : 0;
	}
	return -1;
}

/* ---- the line loop ------------------------------------------------- */

static int
match_line(struct xstate *x, const struct fig_re *re, const char *s,
    size_t n)
{
	return re->code && rules_match(x->r, re, s, n, 0, 0, x->md, NULL) > 0;
}

/* Contents tables end at the first line that reads as prose. */
static int
contents_line(const char *s, size_t n)
{
	size_t tn = n;
	const char *t = text_trim(s, &tn);

	if (tn == 0 || t[0] == '|')
		return 1;
	if (tn >= 2 && t[tn - 1] >= '0' && t[tn - 1] <= '9') {
		size_t k = tn;
		while (k > 0 && t[k - 1] >= '0' && t[k - 1] <= '9')
			k--;
		return k > 0 && (t[k - 1] == ' ' || t[k - 1] == '.' ||
		    t[k - 1] == '\t');
	}
	return 0;
}

/* A very long line (a whole document without line breaks) is cut into
 * blocks of at most LONG_LINE bytes at sentence ends, else at spaces, so
 * memory stays bounded and time linear. cut_blocks cuts s[pos, n), off
 * being the document offset of s; when the line goes on past n (!final)
 * it stops where a cut would need bytes it does not have yet, so that
 * a line read in pieces is cut where the whole line would be. Returns
 * the offset reached, or -1. */
static long long
cut_blocks(struct xstate *x, const char *s, size_t n, size_t pos, int final,
    long lineno, long long off)
{
	while (pos < n) {
		size_t len = n - pos, cut;
		int rc;

		if (len > LONG_LINE) {
			cut = LONG_LINE;
			while (cut > LONG_LINE / 2 && !(s[pos + cut - 1] == ' ' &&
			    strchr(".!?", s[pos + cut - 2])))
				cut--;
			if (cut == LONG_LINE / 2) {
				cut = LONG_LINE;
				while (cut > 1 && s[pos + cut - 1] != ' ')
					cut--;
			}
			if (cut <= 1) {
				cut = LONG_LINE;
				while (cut > 1 && ((unsigned char)s[pos + cut] &
				    0xC0) == 0x80)
					cut--;
			}
			len = cut;
		} else if (!final)
			break;
		if ((rc = seg_line(&x->seg, s + pos, len, lineno,
		    off + (long long)pos)) != 0 || (rc = seg_flush(&x->seg)) != 0)
			return -1;
		pos += len;
	}
	return (long long)pos;
}

static int
long_line(struct xstate *x, const char *s, size_t n, long lineno,
    long long off)
{
	return cut_blocks(x, s, n, 0, 1, lineno, off) < 0 ? -1 : 0;
}

static int
body_line(struct xstate *x, const char *s, size_t n, long lineno,
    long long off)
{
	size_t tn = n;
	const char *t = text_trim(s, &tn);

	if (x->mode == MODE_REFS)
		return ref_line(x, s, n, lineno);
	if (tn > 0 && match_line(x, &x->r->skip, t, tn))
		return 0;
	if (x->mode == MODE_CONTENTS) {
		if (contents_line(s, n))
			return 0;
		x->mode = MODE_BODY;
	}
	if (tn > 0 && tn < 80 && match_line(x, &x->r->references, t, tn)) {
		x->mode = MODE_REFS;
		return seg_flush(&x->seg);
	}
	if (tn > 0 && tn < 80 && match_line(x, &x->r->contents, t, tn)) {
		x->mode = MODE_CONTENTS;
		return seg_flush(&x->seg);
	}
	if (tn > 0 && !x->title_from_meta && !x->meta->title[0]) {
		/* a headline: a heading, or a line that ends no sentence */
		x->title_headline = *t == '#' || (t[tn - 1] != '.' &&
		    t[tn - 1] != '!' && t[tn - 1] != '?');
		while (tn > 0 && (*t == '#' || *t == ' ')) {
			t++;
			tn--;
		}
		/* cut where a character starts, as claim_setfield does */
		if (tn >= sizeof x->meta->title) {
			tn = sizeof x->meta->title - 1;
			while (tn > 0 && ((unsigned char)t[tn] & 0xC0) == 0x80)
				tn--;
		}
		memcpy(x->meta->title, t, tn);
		x->meta->title[tn] = '\0';
	}
	if (lineno <= DATE_LINES && !x->meta->published[0]) {
		char p[FIG_PERIOD_LEN];
		if (date_line(s, n, p) == 0) {
			set_published(x, p);
			return 0;	/* the date line itself is no claim */
		}
	}
	if (n > LONG_LINE)
		return long_line(x, s, n, lineno, off);
	return seg_line(&x->seg, s, n, lineno, off);
}

static void
state_release(struct xstate *x)
{
	seg_release(&x->seg);
	buf_release(&x->ref);
	buf_release(&x->clean);
	buf_release(&x->ctx);
	buf_release(&x->tmp);
	free(x->runs.v);
	free(x->sent);
	free(x->csent);
	free(x->m);
	free(x->qs);
	free(x->fn);
	free(x->past);
	free(x->entback);
	free(x->ments);
	buf_release(&x->lead);
	tables_release(&x->tables);
	free(x->reqmemo);
	free(x->litmemo);
	free(x->pw_at);
	buf_release(&x->lsent);
	pcre2_match_data_free(x->md);
	pcre2_match_data_free(x->md_aside);
	pcre2_match_context_free(x->mctx);
}

/* A line longer than PIECE is read PIECE bytes at a time and cut into
 * blocks as it comes (long_piece), so that memory does not grow with
 * it: a document of one 50 MB line is read in 1 MB. */
#define PIECE (1 << 20)
#define IOBUF (64 * 1024)

/* Where lines come from: a stream, or text in memory when in is NULL;
 * and how far the document has been read. */
struct reader {
	FILE *in;
	const char *mem;
	size_t memlen, mempos;
	char *io;		/* the stream's bytes read ahead */
	size_t iolen, iopos;
	int eof;
	struct fig_buf line, fixed;
	long lineno;		/* lines read */
	long long off;		/* bytes read before the next line */
	/* Where the next line's text starts in the document as extraction
	 * sees it: the bytes read, past a BOM, and under --lossy the
	 * repaired bytes, so that offsets within a repaired line stay in
	 * order. */
	long long doc;
	/* a long line being read in pieces */
	struct fig_buf pend;	/* its bytes not yet cut into blocks */
	size_t pend_at;		/* pend[0] is this far into the line */
	size_t checked;		/* pend[0, checked) is valid UTF-8 */
};

static void
reader_release(struct reader *rd)
{
	buf_release(&rd->line);
	buf_release(&rd->fixed);
	buf_release(&rd->pend);
	free(rd->io);
}

/* The stream was moved (fseeko): what was read ahead is gone. */
static void
reader_seeked(struct reader *rd)
{
	rd->iolen = rd->iopos = 0;
	rd->eof = 0;
}

/* Reads the next line, or the next PIECE bytes of it, into rd->line
 * (without its newline). Returns 1 with *more set when the line goes on,
 * 0 at the end of the input, -1 on a read error. */
static int
read_piece(struct reader *rd, int started, int *more)
{
	buf_reset(&rd->line);
	*more = 0;
	if (rd->in == NULL) {
		const char *p = rd->mem + rd->mempos, *nl;
		size_t left = rd->memlen - rd->mempos, n;
		if (rd->mempos >= rd->memlen)
			return started;	/* a line's last piece may be empty */
		nl = memchr(p, '\n', left < PIECE + 1 ? left : PIECE + 1);
		n = nl ? (size_t)(nl - p) : left < PIECE ? left : PIECE;
		buf_add(&rd->line, p, n);
		rd->mempos += n + (nl != NULL);
		*more = nl == NULL && rd->mempos < rd->memlen;
		return 1;
	}
	if (rd->io == NULL)
		rd->io = xmalloc(IOBUF);
	for (;;) {
		const char *p, *nl;
		size_t take;
		if (rd->iopos == rd->iolen) {
			if (!rd->eof) {
				rd->iolen = fread(rd->io, 1, IOBUF, rd->in);
				rd->iopos = 0;
				if (rd->iolen == 0 && ferror(rd->in))
					return -1;
				rd->eof = rd->iolen == 0;
			}
			if (rd->eof)	/* the last line had no newline */
				return rd->line.len > 0 || started;
		}
		p = rd->io + rd->iopos;
		nl = memchr(p, '\n', rd->iolen - rd->iopos);
		take = nl ? (size_t)(nl - p) : rd->iolen - rd->iopos;
		if (rd->line.len + take > PIECE) {
			take = PIECE - rd->line.len;
			buf_add(&rd->line, p, take);
			rd->iopos += take;
			*more = 1;
			return 1;
		}
		buf_add(&rd->line, p, take);
		rd->iopos += take;
		if (nl) {
			rd->iopos++;
			return 1;
		}
	}
}

/* How many bytes at the end of s[0, n) begin a UTF-8 sequence that
 * goes on past n. */
static size_t
utf8_open_tail(const char *s, size_t n)
{
	for (size_t k = 1; k <= 3 && k <= n; k++) {
		unsigned char c = (unsigned char)s[n - k];
		if ((c & 0xC0) == 0x80)
			continue;	/* a continuation byte: look further */
		if ((c >= 0xC0 && k < 2) || (c >= 0xE0 && k < 3) ||
		    (c >= 0xF0 && k < 4))
			return k;
		return 0;
	}
	return 0;
}

/* A line longer than PIECE, its first piece in rd->line. In a document's
 * body, read without repairs, it is cut into blocks as its pieces come,
 * where the whole line would be cut, and only LONG_LINE bytes or so of
 * it are held. Such a line is page furniture (the skip rules) when its
 * first piece starts as such, and never a metadata, date or headline
 * line; a first line of a document without a title gives its first 255
 * bytes. An invalid byte is reported when its piece is read: the claims
 * of the blocks before it are out by then. In the metadata block, a
 * References list or a contents table, and under --lossy, the whole line
 * is read into rd->line and 1 returned, to be read as any line. Returns
 * 0 when the line is read and cut, or -1 with x->err set. */
static int
long_piece_line(struct xstate *x, struct reader *rd)
{
	const struct fig_rules *r = x->r;
	const char *name = x->name;
	struct fig_buf *pend = &rd->pend;
	size_t rawlen = 0, lead = 0;
	long long line_doc = rd->doc;
	int more = 1, skip = 0, first = 1;

	if (x->meta_state == META_START) {
		/* a line this long opens no metadata block unless it starts
		 * as one ("title: ..."), as meta_line decides */
		const char *t = rd->line.data;
		size_t tn = rd->line.len;
		if (rd->lineno == 1 && tn >= 3 && memcmp(t, "\xEF\xBB\xBF", 3)
		    == 0) {
			t += 3;
			tn -= 3;
		}
		t = text_trim(t, &tn);
		if (!known_key(t, tn))
			x->meta_state = META_DONE;
	}
	if (x->meta_state != META_DONE || x->mode != MODE_BODY ||
	    (x->opts && x->opts->lossy)) {
		struct fig_buf whole = FIG_BUF_INIT;
		buf_add(&whole, rd->line.data, rd->line.len);
		while (more) {
			if (read_piece(rd, 1, &more) < 0) {
				buf_release(&whole);
				return err_set(x->err, FIG_EIO, name,
				    rd->lineno, 0, "read error: %s",
				    strerror(errno));
			}
			buf_add(&whole, rd->line.data, rd->line.len);
		}
		buf_release(&rd->line);
		rd->line = whole;
		return 1;
	}
	buf_reset(pend);
	rd->pend_at = rd->checked = 0;
	for (;;) {
		const char *p = rd->line.data;
		size_t n = rd->line.len, end, bad;
		long long pos;

		if (n && memchr(p, '\0', n) != NULL)
			return err_set(x->err, FIG_EINPUT, name, rd->lineno,
			    (long)(rawlen + (size_t)((const char *)memchr(p,
			    '\0', n) - p)) + 1, "NUL byte: this looks like "
			    "binary data, not text");
		rawlen += n;
		if (first && rd->lineno == 1 && n >= 3 && memcmp(p,
		    "\xEF\xBB\xBF", 3) == 0) {
			p += 3;
			n -= 3;
			lead = 3;
		}
		if (first) {
			size_t tn = n;
			const char *t = p;
			while (tn > 0 && (*t == ' ' || *t == '\t')) {
				t++;
				tn--;
			}
			skip = tn > 0 && r->skip.code && rules_match(r, &r->skip,
			    t, tn, 0, PCRE2_NOTEOL, x->md, NULL) > 0;
			if (!skip && tn > 0 && !x->title_from_meta &&
			    !x->meta->title[0]) {
				x->title_headline = *t == '#';
				while (tn > 0 && (*t == '#' || *t == ' ')) {
					t++;
					tn--;
				}
				if (tn >= sizeof x->meta->title) {
					tn = sizeof x->meta->title - 1;
					while (tn > 0 && ((unsigned char)t[tn] &
					    0xC0) == 0x80)
						tn--;
				}
				memcpy(x->meta->title, t, tn);
				x->meta->title[tn] = '\0';
			}
			first = 0;
		}
		buf_add(pend, p, n);
		if (!more && pend->len > 0 && pend->data[pend->len - 1] == '\r')
			pend->len--;
		end = more ? pend->len - utf8_open_tail(pend->data, pend->len) :
		    pend->len;
		if (end > rd->checked && text_utf8_check(pend->data +
		    rd->checked, end - rd->checked, &bad) != 0) {
			size_t at = rd->pend_at + rd->checked + bad;
			return err_set(x->err, FIG_EINPUT, name, rd->lineno,
			    (long)at + 1, "invalid UTF-8 at byte offset %lld "
			    "(use --lossy to replace it)", rd->off +
			    (long long)lead + (long long)at);
		}
		if (end > rd->checked)
			rd->checked = end;
		if (skip)
			pos = (long long)rd->checked;
		else if ((pos = cut_blocks(x, pend->data, rd->checked, 0, !more,
		    rd->lineno, line_doc + (long long)lead +
		    (long long)rd->pend_at)) < 0)
			return -1;
		/* what was cut is done with */
		memmove(pend->data, pend->data + pos, pend->len - (size_t)pos);
		pend->len -= (size_t)pos;
		rd->pend_at += (size_t)pos;
		rd->checked -= (size_t)pos;
		if (!more)
			break;
		if (read_piece(rd, 1, &more) < 0)
			return err_set(x->err, FIG_EIO, name, rd->lineno, 0,
			    "read error: %s", strerror(errno));
	}
	buf_reset(pend);
	rd->off += (long long)rawlen + 1;
	rd->doc += (long long)rawlen + 1;
	return 0;
}

/* Sets x up to extract the document name for cbs. */
static int
state_init(struct xstate *x, const struct fig_rules *r, const char *name,
    const struct fig_extract_opts *opts, const struct fig_extract_cbs *cbs,
    struct fig_docmeta *meta, struct fig_err *err)
{
	memset(x, 0, sizeof *x);
	x->r = r;
	x->name = name;
	x->opts = opts;
	x->cbs = cbs;
	x->err = err;
	x->meta = meta;
	memset(x->meta, 0, sizeof *x->meta);
	x->md = rules_match_data(r);
	x->md_aside = rules_match_data(r);
	x->mctx = rules_match_context(r);
	x->reqmemo = xmalloc(r->nreq_ids > 0 ? (size_t)r->nreq_ids : 1);
	x->memo_sent = -1;
	x->litmemo = xmalloc(r->nlits > 0 ? (size_t)r->nlits : 1);
	x->pw_at = xmalloc((r->nperiods > 0 ? (size_t)r->nperiods : 1) *
	    sizeof *x->pw_at);
	x->lit_sent = -1;
	seg_init(&x->seg, on_block, x);
	if (opts && opts->published && opts->published[0]) {
		char p[FIG_PERIOD_LEN];
		if (period_parse_date(opts->published, p) != 0) {
			state_release(x);
			return err_set(err, FIG_EUSAGE, NULL, 0, 0, "--published "
			    "'%s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
			    opts->published);
		}
		set_published(x, p);
	}
	return 0;
}

/* Feeds x the lines of rd up to the first that starts at byte `stop` or
 * later (-1: all of them). Returns 0 at stop, 1 at the end of the
 * input, -1 with x->err set. */
static int
feed(struct xstate *x, struct reader *rd, long long stop)
{
	const struct fig_extract_opts *opts = x->opts;
	const char *name = x->name;

	while (stop < 0 || rd->off < stop) {
		const char *s;

		/* a part's look at the document's head: done once the
		 * metadata and the lines that may date it are read */
		if (x->head_only && x->meta_state == META_DONE && rd->lineno >=
		    DATE_LINES)
			return 0;
		size_t n, rawlen, bad, lead = 0;
		long long grew = 0;

		int g, more;

		if ((g = read_piece(rd, 0, &more)) < 0)
			return err_set(x->err, FIG_EIO, name, rd->lineno + 1, 0,
			    "read error: %s", strerror(errno));
		if (g == 0)
			return 1;
		rd->lineno++;
		if (more) {
			int rc = long_piece_line(x, rd);
			if (rc == 0)
				continue;	/* read and cut: next line */
			if (rc < 0)
				return -1;
			/* else the whole line is in rd->line: as any other */
		}
		s = rd->line.data;
		n = rawlen = rd->line.len;
		if (memchr(s, '\0', n) != NULL)
			return err_set(x->err, FIG_EINPUT, name, rd->lineno,
			    (long)((const char *)memchr(s, '\0', n) - s) + 1,
			    "NUL byte: this looks like binary data, not text");
		if (rd->lineno == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3)
		    == 0) {
			s += 3;
			n -= 3;
			lead = 3;
		}
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if (text_utf8_check(s, n, &bad) != 0) {
			if (!opts || !opts->lossy)
				return err_set(x->err, FIG_EINPUT, name,
				    rd->lineno, (long)bad + 1, "invalid UTF-8 "
				    "at byte offset %lld (use --lossy to "
				    "replace it)", rd->off + (long long)(s -
				    rd->line.data) + (long long)bad);
			buf_reset(&rd->fixed);
			text_utf8_lossy(&rd->fixed, s, n);
			grew = (long long)rd->fixed.len - (long long)n;
			s = rd->fixed.data;
			n = rd->fixed.len;
		}
		if (x->meta_state != META_DONE) {
			int mrc = meta_line(x, s, n, rd->lineno);
			if (mrc < 0)
				return -1;
			if (mrc == 1) {
				rd->off += (long long)rawlen + 1;
				rd->doc += (long long)rawlen + 1 + grew;
				continue;
			}
		}
		if (body_line(x, s, n, rd->lineno, rd->doc + (long long)lead)
		    != 0)
			return -1;
		rd->off += (long long)rawlen + 1;
		rd->doc += (long long)rawlen + 1 + grew;
	}
	return 0;
}

/* The end of the input: what is still held becomes claims and
 * references. */
static int
finish(struct xstate *x, struct reader *rd)
{
	int rc = 0;

	if (x->mode == MODE_REFS)
		rc = flush_ref(x);
	if (rc == 0)
		rc = seg_flush(&x->seg);
	if (rc == 0)
		rc = end_table(x);
	return rc ? -1 : 0;
}

/* Reads lines from in, or from mem when in is NULL. */
static int
run(const struct fig_rules *r, FILE *in, const char *mem, size_t memlen,
    const char *name, const struct fig_extract_opts *opts,
    const struct fig_extract_cbs *cbs, struct fig_docmeta *meta,
    struct fig_err *err)
{
	struct xstate x;
	struct fig_docmeta localmeta;
	struct reader rd;
	int rc;

	if (state_init(&x, r, name, opts, cbs, meta ? meta : &localmeta,
	    err) != 0)
		return -1;
	memset(&rd, 0, sizeof rd);
	rd.in = in;
	rd.mem = mem;
	rd.memlen = memlen;
	rc = feed(&x, &rd, -1);
	if (rc == 1)
		rc = finish(&x, &rd);
	x.meta->lines = rd.lineno;
	x.meta->bytes = rd.off;
	reader_release(&rd);
	state_release(&x);
	return rc < 0 ? -1 : 0;
}

int
extract_stream(const struct fig_rules *r, FILE *in, const char *name,
    const struct fig_extract_opts *opts, const struct fig_extract_cbs *cbs,
    struct fig_docmeta *meta, struct fig_err *err)
{
	/* text only: the readers (reader.h) hand PDFs and pages over */
	return run(r, in, NULL, 0, name, opts, cbs, meta, err);
}

int
extract_date_line(const char *s, size_t n, char out[FIG_PERIOD_LEN])
{
	return date_line(s, n, out);
}

int
extract_mem(const struct fig_rules *r, const char *text, size_t len,
    const char *name, const struct fig_extract_opts *opts,
    const struct fig_extract_cbs *cbs, struct fig_docmeta *meta,
    struct fig_err *err)
{
	return run(r, NULL, text, len, name, opts, cbs, meta, err);
}

int
extract_path(const struct fig_rules *r, const char *path,
    const struct fig_extract_opts *opts, const struct fig_extract_cbs *cbs,
    struct fig_docmeta *meta, struct fig_err *err)
{
	FILE *f;
	int rc;

	if (strcmp(path, "-") == 0)
		return extract_stream(r, stdin, "-", opts, cbs, meta, err);
	if ((f = fopen(path, "rb")) == NULL)
		return err_set(err, FIG_EIO, path, 0, 0, "cannot open: %s",
		    strerror(errno));
	rc = extract_stream(r, f, path, opts, cbs, meta, err);
	fclose(f);
	return rc;
}

/* ---- parts of one document ------------------------------------------
 * A large document is extracted in parts on several threads
 * (extract-split.c). A part reads the document's first lines for its
 * metadata, then a stretch of text before its own to set the context
 * (the last date, the actors named, a held paragraph), and emits the
 * claims of its own lines only. What one paragraph hands the next is a
 * struct fig_carry: a part's work stands when the carry it started from
 * equals the one the part before ended with. */

struct fig_carry {
	struct fig_docmeta meta;
	int pub_year, pub_month;
	struct mention recall, item_carry, para_carry;
	int has_recall, has_item_carry, has_para_carry;
	struct fig_buf lead;
	int in_item, decimal_comma, title_from_meta, title_headline;
	enum mode mode;
	enum meta meta_state;
	struct fig_buf ref;
	int ref_num, have_ref;
	long ref_line;
	const char *recent[RECENT_ACTORS];
	int nrecent;
	const char *recent_subject, *para_actor;
	struct fig_block cur, held;
	int have_cur, have_held;
	struct fig_tables tables;	/* a table's rows not yet flushed, and
					   the caption before it */
	struct followed follow[FOLLOW_MAX];	/* labels a list may go on */
	int nfollow;
	long nblock;
	struct fig_qty last_q;		/* what a scaled bare number of the
					   next block may take its unit from */
	int has_last_q;
	long lineno;
	long long off, doc;
};

/* dst (initialised) becomes a copy of src's caption and rows. */
static void
tables_copy(struct fig_tables *dst, const struct fig_tables *src)
{
	dst->nrows = 0;
	for (int i = 0; i < src->nrows; i++)
		tables_row(dst, src->rows[i].text.data ? src->rows[i].text.data :
		    "", src->rows[i].text.len, src->rows[i].line,
		    src->rows[i].doc);
	buf_reset(&dst->caption);
	buf_add(&dst->caption, src->caption.data ? src->caption.data : "",
	    src->caption.len);
}

static int
tables_equal(const struct fig_tables *a, const struct fig_tables *b)
{
	if (a->nrows != b->nrows || a->caption.len != b->caption.len ||
	    (a->caption.len && memcmp(a->caption.data, b->caption.data,
	    a->caption.len) != 0))
		return 0;
	for (int i = 0; i < a->nrows; i++) {
		const struct fig_trow *p = &a->rows[i], *q = &b->rows[i];
		if (p->line != q->line || p->doc != q->doc || p->text.len !=
		    q->text.len || (p->text.len && memcmp(p->text.data,
		    q->text.data, p->text.len) != 0))
			return 0;
	}
	return 1;
}

static void
block_copy(struct fig_block *dst, const struct fig_block *src)
{
	buf_reset(&dst->text);
	buf_add(&dst->text, src->text.data ? src->text.data : "",
	    src->text.len);
	if (src->nlines > dst->cap) {
		dst->cap = src->nlines;
		dst->lines = xrealloc(dst->lines, (size_t)dst->cap *
		    sizeof *dst->lines);
	}
	if (src->nlines > 0)
		memcpy(dst->lines, src->lines, (size_t)src->nlines *
		    sizeof *dst->lines);
	dst->nlines = src->nlines;
	dst->kind = src->kind;
}

static int
block_equal(const struct fig_block *a, const struct fig_block *b)
{
	if (a->kind != b->kind || a->nlines != b->nlines || a->text.len !=
	    b->text.len || (a->text.len && memcmp(a->text.data, b->text.data,
	    a->text.len) != 0))
		return 0;
	for (int i = 0; i < a->nlines; i++)
		if (a->lines[i].off != b->lines[i].off || a->lines[i].line !=
		    b->lines[i].line || a->lines[i].doc != b->lines[i].doc)
			return 0;
	return 1;
}

static int
mention_equal(const struct mention *a, const struct mention *b)
{
	return a->sent == b->sent && a->rule == b->rule && a->start ==
	    b->start && a->end == b->end && a->role == b->role &&
	    strcmp(a->period, b->period) == 0 && a->blank == b->blank &&
	    a->year == b->year && a->part == b->part && a->partn ==
	    b->partn && a->partfrom == b->partfrom && a->partmonth ==
	    b->partmonth && a->thisyear == b->thisyear && a->since ==
	    b->since && a->offset == b->offset && a->kind == b->kind;
}

static int
buf_equal(const struct fig_buf *a, const struct fig_buf *b)
{
	return a->len == b->len && (a->len == 0 || memcmp(a->data, b->data,
	    a->len) == 0);
}

/* What x and rd hand the next line, as a malloc'd carry. */
static struct fig_carry *
carry_save(const struct xstate *x, const struct reader *rd)
{
	struct fig_carry *c = xmalloc(sizeof *c);

	memset(c, 0, sizeof *c);
	c->meta = *x->meta;
	c->pub_year = x->pub_year;
	c->pub_month = x->pub_month;
	c->recall = x->recall;
	c->item_carry = x->item_carry;
	c->para_carry = x->para_carry;
	c->has_recall = x->has_recall;
	c->has_item_carry = x->has_item_carry;
	c->has_para_carry = x->has_para_carry;
	buf_add(&c->lead, x->lead.data ? x->lead.data : "", x->lead.len);
	c->in_item = x->in_item;
	c->decimal_comma = x->decimal_comma;
	c->title_from_meta = x->title_from_meta;
	c->title_headline = x->title_headline;
	c->mode = x->mode;
	c->meta_state = x->meta_state;
	buf_add(&c->ref, x->ref.data ? x->ref.data : "", x->ref.len);
	c->ref_num = x->ref_num;
	c->have_ref = x->have_ref;
	c->ref_line = x->ref_line;
	memcpy(c->recent, x->recent, sizeof c->recent);
	c->nrecent = x->nrecent;
	c->recent_subject = x->recent_subject;
	c->para_actor = x->para_actor;
	if ((c->have_cur = x->seg.have_cur) != 0)
		block_copy(&c->cur, &x->seg.cur);
	if ((c->have_held = x->seg.have_held) != 0)
		block_copy(&c->held, &x->seg.held);
	tables_init(&c->tables);
	tables_copy(&c->tables, &x->tables);
	memcpy(c->follow, x->follow, sizeof c->follow);
	c->nfollow = x->nfollow;
	c->nblock = x->nblock;
	c->last_q = x->last_q;
	c->has_last_q = x->has_last_q;
	c->lineno = rd->lineno;
	c->off = rd->off;
	c->doc = rd->doc;
	return c;
}

/* Puts carry c into a freshly initialised x and rd. */
static void
carry_restore(struct xstate *x, struct reader *rd, const struct fig_carry *c)
{
	*x->meta = c->meta;
	x->pub_year = c->pub_year;
	x->pub_month = c->pub_month;
	x->recall = c->recall;
	x->item_carry = c->item_carry;
	x->para_carry = c->para_carry;
	x->has_recall = c->has_recall;
	x->has_item_carry = c->has_item_carry;
	x->has_para_carry = c->has_para_carry;
	buf_reset(&x->lead);
	buf_add(&x->lead, c->lead.data ? c->lead.data : "", c->lead.len);
	x->in_item = c->in_item;
	x->decimal_comma = c->decimal_comma;
	x->title_from_meta = c->title_from_meta;
	x->title_headline = c->title_headline;
	x->title_entity = NULL;
	x->title_dated = 0;
	x->mode = c->mode;
	x->meta_state = c->meta_state;
	buf_reset(&x->ref);
	buf_add(&x->ref, c->ref.data ? c->ref.data : "", c->ref.len);
	x->ref_num = c->ref_num;
	x->have_ref = c->have_ref;
	x->ref_line = c->ref_line;
	memcpy(x->recent, c->recent, sizeof x->recent);
	x->nrecent = c->nrecent;
	x->recent_subject = c->recent_subject;
	x->para_actor = c->para_actor;
	if ((x->seg.have_cur = c->have_cur) != 0)
		block_copy(&x->seg.cur, &c->cur);
	if ((x->seg.have_held = c->have_held) != 0)
		block_copy(&x->seg.held, &c->held);
	tables_copy(&x->tables, &c->tables);
	memcpy(x->follow, c->follow, sizeof x->follow);
	x->nfollow = c->nfollow;
	x->nblock = c->nblock;
	x->last_q = c->last_q;
	x->has_last_q = c->has_last_q;
	rd->lineno = c->lineno;
	rd->off = c->off;
	rd->doc = c->doc;
}

/* The labels a list may go on with, and the figure a scaled bare
 * number may take its unit from, the same in a and b? Blocks count from
 * where each was read, so only how far back a label stands matters. */
static int
follow_equal(const struct fig_carry *a, const struct fig_carry *b)
{
	if (a->nfollow != b->nfollow || a->has_last_q != b->has_last_q ||
	    (a->has_last_q && (a->last_q.value != b->last_q.value ||
	    a->last_q.unit != b->last_q.unit || a->last_q.scaled !=
	    b->last_q.scaled || strcmp(a->last_q.unit_name,
	    b->last_q.unit_name) != 0)))
		return 0;
	for (int i = 0; i < a->nfollow; i++) {
		const struct followed *f = &a->follow[i], *g = &b->follow[i];

		if (a->nblock - f->block != b->nblock - g->block ||
		    f->sent != g->sent || f->end != g->end || f->value !=
		    g->value || strcmp(f->unit, g->unit) != 0 ||
		    f->l.topic != g->l.topic || f->l.fallback !=
		    g->l.fallback || strcmp(f->l.metric, g->l.metric) != 0 ||
		    strcmp(f->l.entity, g->l.entity) != 0 ||
		    strcmp(f->l.partner, g->l.partner) != 0)
			return 0;
	}
	return 1;
}

int
extract_carry_equal(const struct fig_carry *a, const struct fig_carry *b)
{
	const struct fig_docmeta *m = &a->meta, *n = &b->meta;

	return strcmp(m->title, n->title) == 0 && strcmp(m->published,
	    n->published) == 0 && strcmp(m->source, n->source) == 0 &&
	    strcmp(m->url, n->url) == 0 && a->pub_year == b->pub_year &&
	    a->pub_month == b->pub_month && a->has_recall == b->has_recall &&
	    (!a->has_recall || mention_equal(&a->recall, &b->recall)) &&
	    a->has_item_carry == b->has_item_carry && (!a->has_item_carry ||
	    mention_equal(&a->item_carry, &b->item_carry)) &&
	    a->has_para_carry == b->has_para_carry && (!a->has_para_carry ||
	    mention_equal(&a->para_carry, &b->para_carry)) &&
	    buf_equal(&a->lead, &b->lead) && a->in_item == b->in_item &&
	    a->decimal_comma == b->decimal_comma && a->title_from_meta ==
	    b->title_from_meta && a->title_headline == b->title_headline &&
	    a->mode == b->mode && a->meta_state == b->meta_state &&
	    buf_equal(&a->ref, &b->ref) && a->ref_num == b->ref_num &&
	    a->have_ref == b->have_ref && a->ref_line == b->ref_line &&
	    a->nrecent == b->nrecent && memcmp(a->recent, b->recent,
	    (size_t)a->nrecent * sizeof *a->recent) == 0 &&
	    a->recent_subject == b->recent_subject && a->para_actor ==
	    b->para_actor && a->have_cur == b->have_cur && (!a->have_cur ||
	    block_equal(&a->cur, &b->cur)) && a->have_held == b->have_held &&
	    (!a->have_held || block_equal(&a->held, &b->held)) &&
	    tables_equal(&a->tables, &b->tables) && follow_equal(a, b) &&
	    a->lineno == b->lineno && a->off == b->off && a->doc == b->doc;
}

void
extract_carry_free(struct fig_carry *c)
{
	if (c == NULL)
		return;
	buf_release(&c->lead);
	buf_release(&c->ref);
	buf_release(&c->cur.text);
	free(c->cur.lines);
	buf_release(&c->held.text);
	free(c->held.lines);
	tables_release(&c->tables);
	free(c);
}

/* The lines of the document before byte `to` that set its metadata: the
 * first HEAD_BYTES at most, read without a claim. */
#define HEAD_BYTES (64 * 1024)

int
extract_part(const struct fig_rules *r, FILE *in, const char *name,
    const struct fig_extract_opts *opts, const struct fig_extract_cbs *cbs,
    const struct fig_part *part, const struct fig_carry *from,
    struct fig_carry **start_carry, struct fig_carry **end_carry,
    struct fig_docmeta *meta, struct fig_err *err)
{
	struct xstate x;
	struct fig_docmeta localmeta;
	struct reader rd;
	int rc = 0;

	*start_carry = *end_carry = NULL;
	if (state_init(&x, r, name, opts, NULL, meta ? meta : &localmeta,
	    err) != 0)
		return -1;
	memset(&rd, 0, sizeof rd);
	rd.in = in;
	if (from != NULL) {
		carry_restore(&x, &rd, from);
	} else if (part->warm > 0) {
		/* the metadata from the first lines, then nothing else */
		struct xstate head;
		struct fig_docmeta hm;
		struct reader hr;
		if (state_init(&head, r, name, opts, NULL, &hm, err) != 0) {
			state_release(&x);
			return -1;
		}
		memset(&hr, 0, sizeof hr);
		hr.in = in;
		head.head_only = 1;
		rc = feed(&head, &hr, part->warm < HEAD_BYTES ? part->warm :
		    HEAD_BYTES);
		if (rc == 1)
			rc = 0;
		*x.meta = *head.meta;
		x.pub_year = head.pub_year;
		x.pub_month = head.pub_month;
		x.title_from_meta = head.title_from_meta;
		x.title_headline = head.title_headline;
		x.meta_state = head.meta_state;
		reader_release(&hr);
		state_release(&head);
		rd.lineno = part->lines_before;
		rd.off = rd.doc = part->warm;
	}
	if (rc >= 0 && fseeko(in, (off_t)rd.off, SEEK_SET) != 0)
		rc = err_set(err, FIG_EIO, name, 0, 0, "cannot seek: %s",
		    strerror(errno));
	reader_seeked(&rd);
	/* the stretch before the part: context only */
	if (rc == 0 && (rc = feed(&x, &rd, part->start)) == 0) {
		*start_carry = carry_save(&x, &rd);
		x.cbs = cbs;
		rc = feed(&x, &rd, part->end);
		if (rc == 1)
			rc = finish(&x, &rd);
		else if (rc == 0)
			*end_carry = carry_save(&x, &rd);
	} else if (rc == 1)	/* the document ended before the part */
		rc = err_set(err, FIG_EIO, name, 0, 0, "the file shrank "
		    "while being read");
	x.meta->lines = rd.lineno;
	x.meta->bytes = rd.off;
	reader_release(&rd);
	state_release(&x);
	return rc < 0 ? -1 : 0;
}
