/* extract.c: the extraction stage from end to end. Lines are checked
 * (UTF-8, NUL bytes, CRLF, BOM), the metadata block and the References
 * section are taken apart, and every prose block is split into sentences
 * whose quantities become claims with a period, a topic and a footnote. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figtrack/extract.h"
#include "figtrack/pdf.h"
#include "figtrack/number.h"
#include "figtrack/period.h"
#include "figtrack/quantity.h"
#include "figtrack/segment.h"
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
	enum fig_pkind kind;
};

/* A quantity that may become claims. */
/* What a topic rule said a figure is. */
struct label {
	int topic;		/* index in rules->topics */
	char metric[FIG_METRIC_MAX];	/* the topic's, its subject filled */
	char entity[FIG_ENTITY_MAX];
	char partner[FIG_ENTITY_MAX];
};

#define MAX_LABELS 8

#define RECENT_ACTORS 8

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
	/* the first entity the title names, looked up when first needed:
	 * NULL until then, no_entity when it names none */
	const char *title_entity;
	struct fig_buf ctx;	/* a sentence with the figure marked */
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
	struct fig_buf tmp;
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
static const char *title_entity(struct xstate *x);
static const char *first_entity(struct xstate *x, size_t from, size_t to);

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
	if (strlen(period) == 4 || !x->pub_month)
		snprintf(now, sizeof now, "%04d", x->pub_year % 10000);
	else
		snprintf(now, sizeof now, "%04d-%02d", x->pub_year % 10000,
		    x->pub_month);
	if ((strlen(period) == 4) == (strlen(now) == 4) &&
	    period_cmp(period, now) < 0 &&
	    period_interval(period, now, out) == 0)
		memcpy(period, out, FIG_PERIOD_LEN);
}

/* Adds the date phrase just matched in md (rule index in its mark) as a
 * mention of sentence si, the longer phrase winning an overlap. Returns
 * the end of the match. */
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
	if (pr->g_fy > 0 || pr->nfiscal > 0) {
		/* a fiscal year: its months need the document's country,
		 * the title's (looked up before the date phrases), else the
		 * first the sentence names (looked up aside: md holds this
		 * phrase's groups) */
		const char *ent = x->title_entity == no_entity ? NULL :
		    x->title_entity;
		if (ent == NULL) {
			pcre2_match_data *keep = x->md;
			x->md = x->md_aside;
			ent = first_entity(x, x->csent[si].start,
			    x->csent[si].end);
			x->md = keep;
		}
		if (period_fiscal(pr, x->md, ent, x->pub_year, x->pub_month,
		    mm.period) != 0)
			return end;
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
		/* "last year", "last month", "this quarter": steps from the
		 * publication date, which then needs its month */
		int at = x->pub_year * 12 + (x->pub_month ? x->pub_month - 1 : 0);
		int off, step;
		period_relative(pr, x->md, &off, &step);
		if (!x->pub_year || (step < 12 && !x->pub_month))
			return end;
		at += off * step;
		if (at < 0)
			return end;
		if (step == 1)
			snprintf(mm.period, sizeof mm.period, "%04d-%02d",
			    at / 12 % 10000, at % 12 + 1);
		else if (step == 3)
			snprintf(mm.period, sizeof mm.period, "%04d-Q%d",
			    at / 12 % 10000, at % 12 / 3 + 1);
		else
			snprintf(mm.period, sizeof mm.period, "%04d",
			    at / 12 % 10000);
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
	    x->recall.role != FIG_PR_RELATIVE && !x->recall.thisyear) {
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

/* Finds the date phrases of sentence si in the cleaned block. */
static int
find_mentions(struct xstate *x, int si, size_t cs, size_t ce,
    struct lastdate *ld)
{
	const struct fig_rules *r = x->r;
	const char *c = x->clean.data;
	int first = x->nm, rc = 0;
	size_t at, done = cs, y;

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
	for (at = cs; at < ce && (rc = rules_match(r, &r->periods_word, c, ce,
	    at, 0, x->md, x->err)) > 0; )
		at = add_mention(x, si, first);
	if (rc < 0)
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
		if ((mm->period[0] || mm->blank) && mm->role != FIG_PR_BASELINE) {
			ld->year = mention_year(mm);
			memcpy(ld->period, mm->period, sizeof ld->period);
			ld->relative = mm->role == FIG_PR_RELATIVE ||
			    mm->thisyear;
		}
		mm->kind = kind_of(x, mm->role, mention_year(mm), si);
		/* a future date with a goal word is a goal; so is a past
		 * deadline ("a plan ... aimed for 90 nm by the end of
		 * 2022"), which without one is the time reached ("by 2020
		 * was employing") */
		if ((mm->role == FIG_PR_ANCHOR && mm->kind ==
		    FIG_PK_FORECAST) || (mm->role == FIG_PR_DEADLINE &&
		    mm->kind == FIG_PK_OBSERVED)) {
			/* the goal word is not the phrase itself: "by 2030"
			 * is one */
			const struct fig_re *t = &x->r->target;
			if (rules_match(x->r, t, x->clean.data, mm->start,
			    x->csent[si].start, 0, x->md, NULL) > 0 ||
			    rules_match(x->r, t, x->clean.data,
			    x->csent[si].end, mm->end, 0, x->md, NULL) > 0)
				mm->kind = FIG_PK_TARGET;
		}
		if ((mm->role == FIG_PR_ANCHOR || mm->role == FIG_PR_ANAPHOR ||
		    mm->role == FIG_PR_RELATIVE) && (mm->period[0] ||
		    mm->blank) && !mm->since && carries(mm)) {
			x->recall = *mm;
			x->has_recall = 1;
		}
	}
	return 0;
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

/* Is mention m, after figure qi and another figure of its sentence,
 * the date of a comparison base standing just before it ("rose 20% to
 * $120 billion, up from $98.7 billion in 2021"): the base's own date,
 * which dates nothing else? Leaves x->ctx as it found it (qi's). */
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
	build_context(x, &x->qs[bi]);
	rc = rules_match(x->r, &x->r->baseline, x->ctx.data, x->ctx.len, 0,
	    0, x->md, NULL) > 0;
	build_context(x, q);
	return rc;
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
 * the sentence, and for the present tense the year of publication. */
static void
choose_period(struct xstate *x, int qi, const struct mention *carry,
    char period[FIG_PERIOD_LEN], enum fig_pkind *kind)
{
	const struct qrec *q = &x->qs[qi];
	const char *c = x->clean.data;
	const struct mention *before = NULL, *after = NULL, *present = NULL;
	size_t next_q = x->csent[q->sent].end;
	int wa = 0;

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
		if (m->end <= q->q.start) {
			if (m->role == FIG_PR_PRESENT)
				present = m;
			else if (dating(m)) {
				before = m;
				present = NULL;	/* only "now" after the date */
			}
		} else if (m->start >= q->q.end && !after && dating(m))
			after = m;
	}
	if (after)
		wa = words_between(c, q->q.end, after->start);
	/* "59.1 percent by 2030", "57 percent in 2020"; not a deadline of
	 * another clause when the figure's own clause dates it ("now
	 * produces 20% of the world's neon, ..., and plans to double output
	 * by 2025") */
	if (after && after->start < next_q &&
	    ((after->role == FIG_PR_DEADLINE && wa <= DEADLINE_WORDS &&
	    !(clause_break(c, q->q.end, after->start) &&
	    (own_clause(c, present, q) || own_clause(c, before, q)))) ||
	    wa <= ANCHOR_WORDS)) {
		use_mention(after, period, kind);
		return;
	}
	/* "In 2020, ... 57 percent"; "in 2019 and now has three" */
	if (present && x->pub_year && (!before || own_clause(c, present, q))) {
		snprintf(period, FIG_PERIOD_LEN, "%04d", x->pub_year % 10000);
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
	if (before) {
		use_mention(before, period, kind);
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
	/* present tense: the year of publication */
	if (x->pub_year && !is_past(x, q->sent)) {
		snprintf(period, FIG_PERIOD_LEN, "%04d", x->pub_year % 10000);
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
	buf_reset(&x->ctx);
	buf_add(&x->ctx, c + lo, q->q.start - lo);
	x->ctx_qs = x->ctx.len;
	buf_adds(&x->ctx, QOPEN);
	buf_add(&x->ctx, c + q->q.start, q->q.end - q->q.start);
	buf_adds(&x->ctx, QCLOSE);
	x->ctx_qe = x->ctx.len;
	buf_add(&x->ctx, c + q->q.end, hi - q->q.end);
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
static void
nearest_entity(struct xstate *x, const struct qrec *q, char *out, size_t n)
{
	const struct fig_span *cs = &x->csent[q->sent];
	size_t clause = clause_start(x->clean.data, cs->start, q->q.start);
	const char *e = NULL;

	out[0] = '\0';
	if (pair_entity(x, q, clause, out, n))
		return;
	if (clause > cs->start)
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
	const struct fig_span *cs = &x->csent[q->sent];
	const char *c = x->clean.data, *t = x->meta->title;
	const char *e = entity_in(x, c, cs->start, q->q.start, known);

	if (e == NULL)
		e = entity_in(x, c, q->q.end, cs->end, known);
	for (int k = q->sent - 1; e == NULL && k >= 0; k--)
		e = entity_in(x, c, x->csent[k].start, x->csent[k].end, known);
	for (int k = x->nrecent - 1; e == NULL && k >= 0; k--)
		if (known == NULL || strcmp(x->recent[k], known) != 0)
			e = x->recent[k];
	if (e == NULL && (x->title_from_meta || x->title_headline))
		e = entity_in(x, t, 0, strlen(t), known);
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
		    == 0))
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
		i = j + (j + 5 <= n && memcmp(s + j, " and ", 5) == 0 ? 5 : 1);
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

/* Is unit one of the "|"-separated units of list, or of a class it
 * names ("@money")? */
static int
unit_in(const struct fig_rules *r, const char *list, const char *unit)
{
	size_t n = strlen(unit);
	const char *cls = NULL;

	while (*list) {
		const char *bar = strchr(list, '|');
		size_t k = bar ? (size_t)(bar - list) : strlen(list);
		if (k == n && memcmp(list, unit, n) == 0)
			return 1;
		if (*list == '@') {
			if (cls == NULL)
				cls = rules_unit_class(r, unit);
			if (k - 1 == strlen(cls) && memcmp(list + 1, cls, k - 1)
			    == 0)
				return 1;
		}
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

/* Does topic t name the figure marked in x->ctx? The cheap tests come
 * first: the paragraph's subject (about), the sentence's keywords
 * (require), then the patterns around the figure, then the vetoes. */
static int
topic_matches(struct xstate *x, const struct fig_topic *t, char *metric,
    char *entity, char *partner, size_t en, size_t para_end)
{
	const struct fig_rules *r = x->r;
	const char *subject = t->subject;
	size_t from = 0, to = x->ctx.len;
	int hit = 0, rc;

	entity[0] = partner[0] = '\0';
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
	for (int i = 0; i < t->nrequire; i++) {
		int id = x->ctx_cut ? -1 : t->req_id[i];
		if (id >= 0 && x->reqmemo[id] >= 0)
			rc = x->reqmemo[id];
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

		if ((rc = rules_match(r, &t->pattern[i], x->ctx.data, to, from,
		    0, x->md, x->err)) < 0)
			return -1;
		if (rc == 0)
			continue;
		hit = 1;
		ov = pcre2_get_ovector_pointer(x->md);
		g = named_group(t->pattern[i].code, "entity", ov);
		if (g > 0) {
			actor_name(r, x->ctx.data + ov[2 * g],
			    ov[2 * g + 1] - ov[2 * g], entity, en);
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
		}
	}
	if (!hit)
		return 0;
	for (int i = 0; i < t->nunless; i++) {
		if ((rc = rules_match(r, &t->unless[i], x->ctx.data, to, from,
		    0, x->md, x->err)) < 0)
			return -1;
		if (rc > 0)
			return 0;
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

/* Labels figure qi with every topic rule that names it (one figure may
 * be several claims: "30 percent of the world's neon, xenon and
 * krypton"). Returns the number of labels, or -1 on error. */
static int
label_figure(struct xstate *x, int qi, const char *unit)
{
	const struct fig_rules *r = x->r;
	struct qrec *q = &x->qs[qi];

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

		if (t->unit[0] && !unit_in(r, t->unit, unit))
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
			other_actor(x, q, partner, entity, sizeof entity);
		else if (!entity[0])
			nearest_entity(x, q, entity, sizeof entity);
		if (!partner[0] && entity[0] && (t->fill & FIG_FILL_PARTNER))
			other_actor(x, q, entity, partner, sizeof partner);
		if ((t->fill & FIG_FILL_PAIR) && entity[0] &&
		    !strchr(entity, '+')) {
			char two[FIG_ENTITY_MAX];
			other_actor(x, q, entity, two, sizeof two);
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
		claim_setfield(q->label[q->nlabel].metric, FIG_METRIC_MAX,
		    metric);
		claim_setfield(q->label[q->nlabel].partner, FIG_ENTITY_MAX,
		    partner);
		claim_setfield(q->label[q->nlabel++].entity, FIG_ENTITY_MAX,
		    entity);
	}
	return q->nlabel;
}

/* "at least 27 percent of the market by 2024, at least 70 percent by
 * 2030 and 75% by 2035": a figure no rule names, in the same unit as the
 * labelled figure just before it and joined to it only by a short
 * connective (the [cue ellipsis] rule), is the same kind of figure. */
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
	/* not elliptical when it names its own object: "20 percent of X" */
	if (followed_by_of(x->clean.data, x->csent[q->sent].end, q->q.end))
		return;
	memcpy(q->label, p->label, sizeof q->label);
	q->nlabel = p->nlabel;
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
	if (rules_match(r, &r->baseline, x->ctx.data, x->ctx.len, 0, 0, x->md,
	    NULL) > 0) {
		c.kind = FIG_PK_BASELINE;
		base_period(x, qi, c.period);
	}
	choose_footnote(x, qi, c.footnote, sizeof c.footnote);
	if (label_figure(x, qi, c.unit) < 0) {
		claim_release(&c);
		return -1;
	}
	if (q->nlabel == 0)
		inherit_labels(x, qi);
	for (int i = 0; i < q->nlabel && rc == 0; i++) {
		const struct fig_topic *t = &r->topics[q->label[i].topic];
		enum fig_pkind keep = c.kind;

		claim_setfield(c.metric, sizeof c.metric, q->label[i].metric);
		claim_setfield(c.entity, sizeof c.entity, q->label[i].entity);
		claim_setfield(c.partner, sizeof c.partner,
		    q->label[i].partner);
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
	if ((unsigned char)s[i - 1] >= 0x80 || strchr("$#+-.", s[i - 1]))
		return 1;	/* "\u20ac5", "(-1%)", "Rs.2.56" */
	/* a capitalised word of up to four letters: "RMB 5", "Rs 10" */
	for (size_t k = 0; k < 4 && i > from && ((s[i - 1] | 32) >= 'a' &&
	    (s[i - 1] | 32) <= 'z'); k++, i--)
		if (s[i - 1] >= 'A' && s[i - 1] <= 'Z')
			return 1;
	return 0;
}

/* Is s[from..to) only a comma or "and" between two figures ("fell 12%
 * and about 23%", "rose 5%, 7% and 9%")? */
static int
joined_by_and(const char *s, size_t from, size_t to)
{
	size_t i = from;

	while (i < to && s[i] == ' ')
		i++;
	if (i < to && s[i] == ',')
		i++;
	while (i < to && s[i] == ' ')
		i++;
	if (i + 3 <= to && strncasecmp(s + i, "and", 3) == 0)
		i += 3;
	while (i < to && s[i] == ' ')
		i++;
	return i == to && to > from;
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
		if (!ok) {
			/* not a figure: what follows its number may still
			 * hold one ("2022 saw 12 new fabs") */
			at = done = anchor + 1;
			continue;
		}
		if (q.q.numflags & FIG_NUM_DECIMAL_COMMA)
			x->decimal_comma = 1;	/* translated text */
		if (q.q.dir == 0 && x->nq > 0 && x->qs[x->nq - 1].sent == si &&
		    x->qs[x->nq - 1].q.dir != 0 && strcmp(x->qs[x->nq -
		    1].q.unit_name, q.q.unit_name) == 0 && joined_by_and(c,
		    x->qs[x->nq - 1].q.end, q.q.start)) {
			/* "fell 12% and about 23%": one verb, two falls */
			q.q.dir = x->qs[x->nq - 1].q.dir;
			if (q.q.dir < 0)
				quantity_negate(&q.q);
		}
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
		int rc;
		build_context(x, &x->qs[qi]);
		rc = rules_match(r, &r->exclude_any, x->ctx.data, x->ctx.len,
		    0, 0, x->md, x->err);
		/* an error names the one rule that fails on its own */
		for (int i = 0; rc < 0 && i < r->nexcludes; i++)
			if (rules_match(r, &r->excludes[i].re, x->ctx.data,
			    x->ctx.len, 0, 0, x->md, x->err) < 0)
				break;
		if (rc < 0)
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
	if (b->kind == FIG_BLK_PROSE && nsent == 1) {
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
			if (x->m[i].sent == si && carries(&x->m[i]))
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

/* The segmenter's callback: a block, and on failure the place in the
 * document for errors that come from a rule (which knows only itself). */
static int
on_block(void *ctx, const struct fig_block *b)
{
	struct xstate *x = ctx;

	if (b->kind != FIG_BLK_ITEM)
		x->has_item_carry = 0;	/* the list, if any, ended */
	x->has_next_carry = 0;
	x->in_item = b->kind == FIG_BLK_ITEM;
	if (process_block(x, b) == 0) {
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
		return 0;
	}
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
 * memory stays bounded and time linear. */
static int
long_line(struct xstate *x, const char *s, size_t n, long lineno,
    long long off)
{
	size_t pos = 0;

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
		}
		if ((rc = seg_line(&x->seg, s + pos, len, lineno,
		    off + (long long)pos)) != 0 || (rc = seg_flush(&x->seg)) != 0)
			return rc;
		pos += len;
	}
	return 0;
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
	free(x->reqmemo);
	pcre2_match_data_free(x->md);
	pcre2_match_data_free(x->md_aside);
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
	struct fig_buf line = FIG_BUF_INIT, fixed = FIG_BUF_INIT;
	long lineno = 0;
	long long off = 0;	/* bytes read before this line */
	/* Where this line's text starts in the document as extraction sees
	 * it: the bytes read, past a BOM, and under --lossy the repaired
	 * bytes, so that offsets within a repaired line stay in order. */
	long long doc = 0;
	size_t mempos = 0;
	int rc = 0;

	memset(&x, 0, sizeof x);
	x.r = r;
	x.name = name;
	x.opts = opts;
	x.cbs = cbs;
	x.err = err;
	x.meta = meta ? meta : &localmeta;
	memset(x.meta, 0, sizeof *x.meta);
	x.md = rules_match_data(r);
	x.md_aside = rules_match_data(r);
	x.reqmemo = xmalloc(r->nreq_ids > 0 ? (size_t)r->nreq_ids : 1);
	x.memo_sent = -1;
	seg_init(&x.seg, on_block, &x);
	if (opts && opts->published && opts->published[0]) {
		char p[FIG_PERIOD_LEN];
		if (period_parse_date(opts->published, p) != 0) {
			state_release(&x);
			return err_set(err, FIG_EUSAGE, NULL, 0, 0, "--published "
			    "'%s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
			    opts->published);
		}
		set_published(&x, p);
	}
	for (;;) {
		const char *s;
		size_t n, rawlen, bad, lead = 0;
		long long grew = 0;

		if (in) {
			int g = buf_getline(&line, in);
			if (g < 0) {
				rc = err_set(err, FIG_EIO, name, lineno + 1, 0,
				    "read error: %s", strerror(errno));
				break;
			}
			if (g == 0)
				break;
		} else {
			const char *nl;
			if (mempos >= memlen)
				break;
			nl = memchr(mem + mempos, '\n', memlen - mempos);
			n = nl ? (size_t)(nl - (mem + mempos)) : memlen - mempos;
			buf_reset(&line);
			buf_add(&line, mem + mempos, n);
			mempos += n + 1;
		}
		lineno++;
		s = line.data;
		n = rawlen = line.len;
		if (memchr(s, '\0', n) != NULL) {
			rc = err_set(err, FIG_EINPUT, name, lineno,
			    (long)((const char *)memchr(s, '\0', n) - s) + 1,
			    "NUL byte: this looks like binary data, not text");
			break;
		}
		if (lineno == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
			s += 3;
			n -= 3;
			lead = 3;
		}
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if (text_utf8_check(s, n, &bad) != 0) {
			if (!opts || !opts->lossy) {
				rc = err_set(err, FIG_EINPUT, name, lineno,
				    (long)bad + 1, "invalid UTF-8 at byte "
				    "offset %lld (use --lossy to replace it)",
				    off + (long long)(s - line.data) +
				    (long long)bad);
				break;
			}
			buf_reset(&fixed);
			text_utf8_lossy(&fixed, s, n);
			grew = (long long)fixed.len - (long long)n;
			s = fixed.data;
			n = fixed.len;
		}
		if (x.meta_state != META_DONE) {
			int mrc = meta_line(&x, s, n, lineno);
			if (mrc < 0) {
				rc = -1;
				break;
			}
			if (mrc == 1) {
				off += (long long)rawlen + 1;
				doc += (long long)rawlen + 1 + grew;
				continue;
			}
		}
		if (body_line(&x, s, n, lineno, doc + (long long)lead) != 0) {
			rc = -1;
			break;
		}
		off += (long long)rawlen + 1;
		doc += (long long)rawlen + 1 + grew;
	}
	if (rc == 0) {
		if (x.mode == MODE_REFS)
			rc = flush_ref(&x);
		if (rc == 0)
			rc = seg_flush(&x.seg);
	}
	x.meta->lines = lineno;
	x.meta->bytes = off;
	buf_release(&line);
	buf_release(&fixed);
	state_release(&x);
	return rc ? -1 : 0;
}

int
extract_stream(const struct fig_rules *r, FILE *in, const char *name,
    const struct fig_extract_opts *opts, const struct fig_extract_cbs *cbs,
    struct fig_docmeta *meta, struct fig_err *err)
{
	struct fig_buf all = FIG_BUF_INIT;
	char chunk[65536];
	size_t n;
	int c = getc(in), rc;

	/* a document opening with '%' may be a PDF (pdf.h): it is read
	 * whole, which a PDF must be */
	if (c != '%') {
		if (c != EOF)
			ungetc(c, in);
		return run(r, in, NULL, 0, name, opts, cbs, meta, err);
	}
	buf_addc(&all, c);
	while ((n = fread(chunk, 1, sizeof chunk, in)) > 0)
		buf_add(&all, chunk, n);
	if (ferror(in))
		rc = err_set(err, FIG_EIO, name, 0, 0, "read error: %s",
		    strerror(errno));
	else if (pdf_is(all.data, all.len))
		rc = pdf_extract(r, all.data, all.len, name, opts, cbs, meta,
		    NULL, err);
	else
		rc = run(r, NULL, all.data, all.len, name, opts, cbs, meta, err);
	buf_release(&all);
	return rc;
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
