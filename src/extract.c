/* extract.c: the extraction stage from end to end. Lines are checked
 * (UTF-8, NUL bytes, CRLF, BOM), the metadata block and the References
 * section are taken apart, and every prose block is split into sentences
 * whose quantities (extract-quantity.c) become claims with a period
 * (extract-period.c), a topic and its actors (extract-topic.c,
 * extract-actors.c) and a footnote. This file holds the line loop, the
 * blocks, the footnotes and the parts of one document. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract-int.h"

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

/* The footnote of quantity qi: the first marker after it in its
 * sentence, else the marker of a following sentence of the paragraph
 * when no other figure comes first. */
void
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
		    !text_unit_power(s, len, i) &&
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
	 * the deficit was 29.4%"), which the news comes back from: the
	 * date before it goes on. A list under a lead line is one wire
	 * paragraph: its last item passes the date on */
	if ((b->kind == FIG_BLK_PROSE || (b->kind == FIG_BLK_ITEM &&
	    x->lead.len > 0)) && nsent == 1 &&
	    carry->role != FIG_PR_DEADLINE) {
		if (carry->looks_back && x->has_para_carry)
			carry = &x->para_carry;
		x->next_carry = *carry;
		x->has_next_carry = !carry->looks_back;
	}
}

/* Notes the date the document's first paragraph names first, when the
 * block is that paragraph: what the news is of ("Germany's industrial
 * production fell more than expected in February"), for the figures of
 * later paragraphs that nothing else dates. */
static void
note_lead(struct xstate *x, const struct fig_block *b, int nsent)
{
	if (x->lead_done || b->kind != FIG_BLK_PROSE)
		return;
	/* a news lead is one sentence; a report's paragraphs run longer,
	 * and their dates stay in them */
	if (nsent > 1) {
		x->lead_done = 1;
		return;
	}
	/* a first paragraph with no date ("Under heavy sanctions Russia is
	 * reshaping its trade"): the second's */
	x->lead_done = x->nblock >= 2;
	for (int i = 0; i < x->nm; i++)
		if (carries(&x->m[i]) && x->m[i].period[0] &&
		    x->m[i].kind == FIG_PK_OBSERVED &&
		    x->m[i].role != FIG_PR_DEADLINE && !x->m[i].looks_back &&
		    !base_own_date(x, &x->m[i], x->nq)) {
			x->lead_date = x->m[i];
			x->has_lead_date = 1;
			x->lead_done = 1;
			return;
		}
	if (lead_event(x, nsent, &x->lead_date))
		x->has_lead_date = x->lead_done = 1;
}

/* The date a block that named none passes on: a wire paragraph dated
 * by the one before passes its date on ("Trade in 2024 grew 1.9%."
 * "Exports rose 4.1%." "Imports fell."), and so does a lead line's
 * paragraph to its list ("Azerbaijan was second, with 27.3 percent.
 * Next came:" then "- Algeria (12.8 percent)"); else NULL. */
static const struct mention *
undated_carry(struct xstate *x, const struct fig_block *b, int nsent)
{
	return b->kind == FIG_BLK_PROSE && x->has_para_carry &&
	    (nsent == 1 || lead_line(x)) ? &x->para_carry : NULL;
}

/* Does s[0, n) name a budget ("in his Budget speech", "the budget for
 * the year beginning in April")? A text that does reckons "this year"
 * in the fiscal years of its country (budget_year, extract-period.c). */
static int
names_budget(const char *s, size_t n)
{
	for (size_t i = 0; (i = text_find_nocase(s, i, n, "budget", 6)) < n;
	    i++)
		if (i == 0 || !isalpha((unsigned char)s[i - 1]))
			return 1;
	return 0;
}

/* The dates of a block with no figures, which still date what follows
 * when it is one sentence ("Trade in the first quarter of 2024 fell."
 * then a paragraph of figures) or a list's lead line. One with no date
 * passes none on ("The ministry put the increases down to demand."):
 * the figures after it take the news's own date (note_lead). */
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
	/* only a lead line passes on the date of the paragraph before */
	if (carry == NULL && lead_line(x))
		carry = undated_carry(x, b, nsent);
	note_lead(x, b, nsent);
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
	x->nsent = 0;
	x->ments_ok = 0;
	x->namemo = 0;
	text_clean(&x->clean, b->text.data, b->text.len, &x->runs);
	if (x->clean.len == 0)
		return 0;
	if (names_budget(x->clean.data, x->clean.len)) {
		x->budget_text = 1;
		x->budget_block = x->nblock;
	}
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
	x->nsent = nsent;
	/* the requires' and topics' answers were another block's */
	x->memo_sent = -1;
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
		int outlook = 0, nfig = 0;
		for (; qi < x->nq && x->qs[qi].sent == si; qi++) {
			if (claims_of(x, b, qi, carry) != 0)
				return -1;
			nfig++;
			outlook += x->qs[qi].foreseen;
		}
		/* the date of a sentence whose figures are all an outlook's
		 * ("in line with its forecast of 3% growth for the full year
		 * 2019") is theirs: what was done, told next, is of the time
		 * the news is of (a goal's goes on to the goals listed after
		 * it) */
		if (nfig > 0 && outlook == nfig)
			continue;
		for (int i = 0; i < x->nm; i++)
			if (x->m[i].sent == si && carries(&x->m[i]) &&
			    !base_own_date(x, &x->m[i], qi) &&
			    !figure_possessive(x, &x->m[i]))
				carry = &x->m[i];
	}
	if (b->kind == FIG_BLK_ITEM && carry) {
		x->item_carry = *carry;
		x->has_item_carry = 1;
	}
	note_lead(x, b, nsent);
	set_carries(x, b, nsent, carry ? carry : undated_carry(x, b, nsent));
	return 0;
}

/* Is the actor named at clean offset at only the place of a war ("the
 * war in Ukraine", "the invasion of Ukraine", "since the start of the
 * war in Ukraine") or the target of sanctions ("a supply gap left by
 * trade sanctions on North Korea")? Trade news names it in passing; it
 * is no side of the trade the next paragraphs count. */
static int
war_place(const char *s, size_t at)
{
	static const char *const before[] = { "war in ", "war on ",
	    "invasion of ", "conflict in ", "fighting in ", "sanctions on ",
	    "sanctions against ", "embargo on ", "embargo against ", NULL };

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
	/* the first actor named as no destination or origin: a paragraph
	 * on "Exports to the United States" is still about the exporter */
	for (int i = 0; i < x->nments; i++)
		if (!x->ments[i].side) {
			x->para_actor = x->ments[i].name;
			break;
		}
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
		memmove(&x->recent_block[k], &x->recent_block[k + 1],
		    (size_t)(x->nrecent - 1 - k) * sizeof *x->recent_block);
		x->recent[x->nrecent - 1] = e;
		x->recent_block[x->nrecent - 1] = x->nblock;
	}
	/* the subject only of paragraphs with figures: a paragraph
	 * without one seldom sets what the next figure counts, and the
	 * subjects' words cost as much to find as the figures; but one
	 * that opens with a subject's name does, as a heading would */
	if (r->anysubject.code) {
		const char *sj = x->nq > 0 ? last_subject(x) :
		    opening_subject(x);
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
	long comma_block = x->comma_block;
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
	x->comma_block = comma_block;
	return rc;
}

/* Ends the table being read, if any. */
static int
end_table(struct xstate *x)
{
	return tables_flush(&x->tables, x->r, table_cell, x);
}

/* Forgets the document-wide state the text stopped naming
 * DOC_STATE_BLOCKS blocks ago: the labels of figures that far back (the
 * oldest first), the fiscal year's quarters, the decimal comma, the
 * marked dollar, the actors named, and the firms. */
static void
forget_stale(struct xstate *x)
{
	int k = 0;

	while (k < x->nfollow && x->nblock - x->follow[k].block >
	    DOC_STATE_BLOCKS)
		k++;
	if (k > 0) {
		memmove(&x->follow[0], &x->follow[k], (size_t)(x->nfollow - k) *
		    sizeof *x->follow);
		x->nfollow -= k;
	}
	if (x->fparts && x->nblock - x->fparts_block > DOC_STATE_BLOCKS)
		x->fparts = 0;
	if (x->decimal_comma && x->nblock - x->comma_block > DOC_STATE_BLOCKS)
		x->decimal_comma = 0;
	if (x->dollar_marked && x->nblock - x->dollar_block > DOC_STATE_BLOCKS)
		x->dollar_marked = 0;
	if (x->budget_text && x->nblock - x->budget_block > DOC_STATE_BLOCKS)
		x->budget_text = 0;
	if (x->season_rule && x->nblock - x->season_block > DOC_STATE_BLOCKS)
		x->season_rule = NULL;
	/* the actors named that long ago, the oldest first */
	k = 0;
	while (k < x->nrecent && x->nblock - x->recent_block[k] >
	    DOC_STATE_BLOCKS)
		k++;
	if (k > 0) {
		memmove(&x->recent[0], &x->recent[k], (size_t)(x->nrecent - k) *
		    sizeof *x->recent);
		memmove(&x->recent_block[0], &x->recent_block[k],
		    (size_t)(x->nrecent - k) * sizeof *x->recent_block);
		x->nrecent -= k;
	}
	for (int i = 0; i < FIRMS_MAX; i++)
		if (x->firms[i].name[0] && x->nblock - x->firms[i].block >
		    DOC_STATE_BLOCKS)
			firm_drop(x, i);
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
	if (b->kind != FIG_BLK_HEADING && b->kind != FIG_BLK_TABLE) {
		x->nblock++;
		forget_stale(x);
	}
	if (process_block(x, b) == 0) {
		/* its last figure that may lend a unit: "to 101.5 million
		 * passengers, up 5.5%." then "Beijing ... to 89.9 million" */
		int li = x->nq - 1;
		while (li >= 0 && passable_figure(&x->qs[li].q))
			li--;
		x->has_last_q = (b->kind == FIG_BLK_PROSE ||
		    b->kind == FIG_BLK_ITEM) && li >= 0;
		if (x->has_last_q)
			x->last_q = x->qs[li].q;
		x->para_carry = x->next_carry;
		x->has_para_carry = x->has_next_carry;
		if (b->kind != FIG_BLK_HEADING && b->kind != FIG_BLK_TABLE)
			remember_actors(x);
		/* a lead line is what its list items are about */
		if (b->kind == FIG_BLK_PROSE && x->clean.len && lead_line(x)) {
			buf_reset(&x->lead);
			buf_add(&x->lead, x->clean.data, x->clean.len);
			x->lead_block = x->nblock;
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
 * blocks at sentence ends so memory stays bounded and time linear. Its
 * cuts are anchored to a grid of LINE_GRID bytes (counted from the line's
 * first byte after a BOM), each found from the bytes around its own grid
 * point whatever came before it, so that a part of the document
 * (extract-split.c) may start at one: the first place in [g, g +
 * LINE_GRID / 2] where a sentence starts after one that ends
 * (seg_sentence_end), else after the first space there, else the first
 * character from g. Blocks are LINE_GRID / 2 to 3 * LINE_GRID / 2 long. */
long long
extract_grid_cut(const struct fig_rules *r, pcre2_match_data *md,
    const char *s, size_t n, size_t at, size_t g, int final)
{
	size_t lim = g + LINE_GRID / 2, end = at + n, i;

	if (at + CUT_BACK > g && at != 0)
		return -1;	/* too little before g to judge a word */
	if (end < lim + CUT_AHEAD && !final)
		return -1;	/* wait for the bytes the cut needs */
	s -= at;		/* s[i] is the line's byte i */
	for (i = g; i < lim && i < end; i++) {
		size_t j;
		if (s[i] != '.' && s[i] != '!' && s[i] != '?')
			continue;
		j = seg_sentence_end(r, md, s + at, n, i - at);
		if (j > 0 && at + j <= lim)
			return at + j < end ? (long long)(at + j) : 0;
	}
	for (i = g; i < lim && i < end; i++)
		if (s[i] == ' ')
			return i + 1 < end ? (long long)(i + 1) : 0;
	for (i = g; i < end && ((unsigned char)s[i] & 0xC0) == 0x80; i++)
		;
	return i < end ? (long long)i : 0;
}

/* Cuts s[0, n), the bytes of a long line from its byte at, into blocks
 * (see extract_grid_cut), off being the document offset of s. When the
 * line goes on past n (!final) it stops where a cut would need bytes it
 * does not have yet. With stop >= 0 it stops at the first cut at or
 * past that document offset and sets *stopped, as it does reading a
 * part's head once the head is read. Returns the bytes of s
 * done with, or -1. */
static long long
cut_blocks(struct xstate *x, const char *s, size_t n, size_t at, int final,
    long lineno, long long off, long long stop, int *stopped)
{
	size_t pos = 0;

	*stopped = 0;
	while (pos < n) {
		size_t g = ((at + pos) / LINE_GRID + 1) * LINE_GRID, len;
		long long cut;

		/* at stop; or a part's look at the head is done, as the
		 * rest of a long line sets none of what it looks for */
		if ((stop >= 0 && off + (long long)pos >= stop) ||
		    (x->head_only && x->lead_done && x->meta_state ==
		    META_DONE)) {
			*stopped = 1;
			break;
		}
		cut = extract_grid_cut(x->r, x->md, s, n, at, g, final);
		if (cut < 0)
			break;
		len = cut > 0 ? (size_t)cut - at - pos : n - pos;
		if (seg_line(&x->seg, s + pos, len, lineno, off +
		    (long long)pos) != 0 || seg_flush(&x->seg) != 0)
			return -1;
		pos += len;
	}
	return (long long)pos;
}

static int
long_line(struct xstate *x, const char *s, size_t n, long lineno,
    long long off)
{
	int stopped;

	return cut_blocks(x, s, n, 0, 1, lineno, off, -1, &stopped) < 0 ?
	    -1 : 0;
}

/* The document's title from the line t[0, tn) (a headline when
 * headline), past its '#'s, cut where a character starts, as
 * claim_setfield does. */
static void
set_title(struct xstate *x, const char *t, size_t tn, int headline)
{
	x->title_headline = headline;
	while (tn > 0 && (*t == '#' || *t == ' ')) {
		t++;
		tn--;
	}
	if (tn >= sizeof x->meta->title) {
		tn = sizeof x->meta->title - 1;
		while (tn > 0 && ((unsigned char)t[tn] & 0xC0) == 0x80)
			tn--;
	}
	memcpy(x->meta->title, t, tn);
	x->meta->title[tn] = '\0';
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
		set_title(x, t, tn, *t == '#' || (t[tn - 1] != '.' &&
		    t[tn - 1] != '!' && t[tn - 1] != '?'));
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
	memo_release(&x->entity_memo);
	memo_release(&x->subject_memo);
	buf_release(&x->lead);
	tables_release(&x->tables);
	free(x->reqmemo);
	free(x->topicmemo);
	free(x->unitmemo);
	free(x->tailmemo);
	free(x->tailwin);
	free(x->litmemo);
	free(x->pw_at);
	buf_release(&x->lsent);
	pcre2_match_data_free(x->md);
	pcre2_match_data_free(x->md_aside);
	rules_match_context_free(x->mctx);
}

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
	size_t raw;		/* its bytes read */
	size_t lead;		/* its BOM's bytes */
	int in_long;		/* stopped inside it (at a part's edge) */
	int skip;		/* it is page furniture */
	int more;		/* it goes on past the piece last read */
	int fresh;		/* rd->line holds a piece not yet in pend */
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
 * it are held (long_cut). Such a line is page furniture (the skip rules)
 * when its first piece starts as such, and never a metadata, date or
 * headline line; a first line of a document without a title gives its
 * first 255 bytes. In the metadata block, a References list or a
 * contents table, and under --lossy, the whole line is read into
 * rd->line and 1 returned, to be read as any line. Returns 0 when the
 * line is ready to be cut, or -1 with x->err set. */
static int
long_open(struct xstate *x, struct reader *rd)
{
	const char *t = rd->line.data;
	size_t tn = rd->line.len;

	rd->lead = rd->lineno == 1 && tn >= 3 && memcmp(t, "\xEF\xBB\xBF", 3)
	    == 0 ? 3 : 0;
	t += rd->lead;
	tn -= rd->lead;
	/* a line this long opens no metadata block unless it starts as
	 * one ("title: ..."), as meta_line decides */
	if (x->meta_state == META_START) {
		const char *k = text_trim(t, &tn);
		if (!known_key(k, tn))
			x->meta_state = META_DONE;
	}
	tn = rd->line.len - rd->lead;
	if (x->meta_state != META_DONE || x->mode != MODE_BODY ||
	    (x->opts && x->opts->lossy)) {
		struct fig_buf whole = FIG_BUF_INIT;
		int more = 1;
		buf_add(&whole, rd->line.data, rd->line.len);
		while (more) {
			if (read_piece(rd, 1, &more) < 0) {
				buf_release(&whole);
				return err_set(x->err, FIG_EIO, x->name,
				    rd->lineno, 0, "read error: %s",
				    strerror(errno));
			}
			buf_add(&whole, rd->line.data, rd->line.len);
		}
		buf_release(&rd->line);
		rd->line = whole;
		return 1;
	}
	while (tn > 0 && (*t == ' ' || *t == '\t')) {
		t++;
		tn--;
	}
	rd->skip = tn > 0 && x->r->skip.code && rules_match(x->r, &x->r->skip,
	    t, tn, 0, PCRE2_NOTEOL, x->md, NULL) > 0;
	if (!rd->skip && tn > 0 && !x->title_from_meta && !x->meta->title[0])
		set_title(x, t, tn, *t == '#');
	buf_reset(&rd->pend);
	rd->pend_at = rd->checked = rd->raw = 0;
	rd->more = rd->fresh = rd->in_long = 1;
	return 0;
}

/* The piece in rd->line into rd->pend, checked: no NUL byte, valid
 * UTF-8 up to a character the next piece ends. An invalid byte is
 * reported when its piece is read: the claims of the blocks before it
 * are out by then. */
static int
long_take(struct xstate *x, struct reader *rd)
{
	struct fig_buf *pend = &rd->pend;
	const char *p = rd->line.data, *z;
	size_t n = rd->line.len, end, bad, lead = rd->raw == 0 ? rd->lead : 0;

	if (n && (z = memchr(p, '\0', n)) != NULL)
		return err_set(x->err, FIG_EINPUT, x->name, rd->lineno,
		    (long)(rd->raw + (size_t)(z - p)) + 1, "NUL byte: this "
		    "looks like binary data, not text");
	rd->raw += n;
	buf_add(pend, p + lead, n - lead);
	rd->fresh = 0;
	if (!rd->more && pend->len > 0 && pend->data[pend->len - 1] == '\r')
		pend->len--;
	end = rd->more ? pend->len - utf8_open_tail(pend->data, pend->len) :
	    pend->len;
	if (end > rd->checked && text_utf8_check(pend->data + rd->checked,
	    end - rd->checked, &bad) != 0) {
		size_t at = rd->pend_at + rd->checked + bad;
		return err_set(x->err, FIG_EINPUT, x->name, rd->lineno,
		    (long)at + 1, "invalid UTF-8 at byte offset %lld (use "
		    "--lossy to replace it)", rd->off + (long long)rd->lead +
		    (long long)at);
	}
	if (end > rd->checked)
		rd->checked = end;
	return 0;
}

/* Reads and cuts the long line long_open opened, up to its end or to
 * the first cut at or past document offset stop (>= 0). Returns 0 at
 * its end, 2 at stop, -1 with x->err set. */
static int
long_cut(struct xstate *x, struct reader *rd, long long stop)
{
	struct fig_buf *pend = &rd->pend;
	long long line_doc = rd->doc + (long long)rd->lead;

	for (;;) {
		long long pos;
		int stopped = 0;

		if (rd->fresh && long_take(x, rd) != 0)
			return -1;
		if (rd->skip)
			pos = (long long)rd->checked;
		else if ((pos = cut_blocks(x, pend->data, rd->checked,
		    rd->pend_at, !rd->more, rd->lineno, line_doc +
		    (long long)rd->pend_at, stop, &stopped)) < 0)
			return -1;
		/* what was cut is done with (nothing held: no buffer yet) */
		if ((size_t)pos < pend->len)
			memmove(pend->data, pend->data + pos,
			    pend->len - (size_t)pos);
		pend->len -= (size_t)pos;
		rd->pend_at += (size_t)pos;
		rd->checked -= (size_t)pos;
		if (stopped)
			return 2;
		if (!rd->more)
			break;
		if (read_piece(rd, 1, &rd->more) < 0)
			return err_set(x->err, FIG_EIO, x->name, rd->lineno, 0,
			    "read error: %s", strerror(errno));
		rd->fresh = 1;
	}
	buf_reset(pend);
	rd->in_long = 0;
	rd->off += (long long)rd->raw + 1;
	rd->doc += (long long)rd->raw + 1;
	return 0;
}

/* rd goes on with the long line it is in, from its byte raw, a cut,
 * where the stream is to be put (reader_at). */
static void
long_resume(struct reader *rd, int skip, size_t lead, size_t raw)
{
	buf_reset(&rd->pend);
	rd->skip = skip;
	rd->lead = lead;
	rd->raw = raw;
	rd->pend_at = raw - lead;
	rd->checked = 0;
	rd->in_long = rd->more = 1;
	rd->fresh = 0;
}

/* Where the stream is to be read from for rd's next bytes. */
static long long
reader_at(const struct reader *rd)
{
	return rd->off + (rd->in_long ? (long long)rd->raw : 0);
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
	x->topicmemo = xmalloc(r->ntopics > 0 ? (size_t)r->ntopics : 1);
	x->unitmemo = xmalloc(r->nunit_ids > 0 ? (size_t)r->nunit_ids : 1);
	x->tailmemo = xmalloc(r->ntails > 0 ? (size_t)r->ntails : 1);
	x->tailwin = xmalloc((r->ntails > 0 ? (size_t)r->ntails : 1) * 2 *
	    sizeof *x->tailwin);
	x->memo_sent = -1;
	x->litmemo = xcalloc(1, r->nlits > 0 ? (size_t)r->nlits : 1);
	x->pw_at = xmalloc((r->nperiods_word > 0 ?
	    (size_t)r->nperiods_word : 1) *
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
		 * metadata, the lines that may date it and the lead that
		 * gives the news its date are read */
		if (x->head_only && x->meta_state == META_DONE && rd->lineno >=
		    DATE_LINES && x->lead_done)
			return 0;
		size_t n, rawlen, bad, lead = 0;
		long long grew = 0;

		int g, more;

		if (rd->in_long) {
			int rc = long_cut(x, rd, stop);
			if (rc == 2)
				return 0;
			if (rc < 0)
				return -1;
			continue;
		}
		if ((g = read_piece(rd, 0, &more)) < 0)
			return err_set(x->err, FIG_EIO, name, rd->lineno + 1, 0,
			    "read error: %s", strerror(errno));
		if (g == 0)
			return 1;
		rd->lineno++;
		if (more) {
			int rc = long_open(x, rd);
			if (rc == 0)
				continue;	/* cut as read, from the top */
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
	int fparts;
	long fparts_age;		/* blocks since it was named */
	struct mention lead_date;
	int has_lead_date, lead_done;
	struct fig_buf lead;
	int in_item, decimal_comma, title_from_meta, title_headline;
	long lead_age;			/* blocks since the lead line */
	int budget_text;		/* a block before named a budget */
	long budget_age;		/* blocks since */
	const struct fig_periodrule *season_rule;
	int season_start;		/* the months of years it gave */
	long season_age;		/* blocks since */
	long comma_age;			/* blocks since a decimal comma */
	int dollar_marked;
	long dollar_age;		/* blocks since a marked dollar */
	enum mode mode;
	enum meta meta_state;
	struct fig_buf ref;
	int ref_num, have_ref;
	long ref_line;
	const char *recent[RECENT_ACTORS];	/* doc_firm[i] for a firm */
	long recent_age[RECENT_ACTORS];		/* blocks since named */
	int nrecent;
	struct firm firms[FIRMS_MAX];	/* in firm_order; block: the blocks
					   since it was named */
	int nfirms;
	const char *recent_subject, *para_actor;
	struct fig_block cur, held;
	int have_cur, have_held;
	struct fig_tables tables;	/* a table's rows not yet flushed, and
					   the caption before it */
	struct followed follow[FOLLOW_MAX];	/* labels a list may go on
						   (doc_firm[i] for a firm) */
	int nfollow;
	long nblock;
	struct fig_qty last_q;		/* what a large bare number of the
					   next block may take its unit from */
	int has_last_q;
	long lineno;
	long long off, doc;
	/* inside a long line: its BOM, its bytes read, where it is cut */
	int in_long, skip;
	size_t bom, raw;
};

/* What a carry's actors hold for the document's firms, which each part
 * names by strings of its own (x->firms): doc_firm[i] for the carry's
 * firms[i]. */
static const char doc_firm[FIRMS_MAX][2];

/* A map of the firms' strings between an xstate and a carry. */
struct firm_map {
	const char *was[FIRMS_MAX], *is[FIRMS_MAX];
	int n;
};

static const char *
map_actor(const struct firm_map *fm, const char *a)
{
	for (int k = 0; k < fm->n; k++)
		if (a == fm->was[k])
			return fm->is[k];
	return a;
}

/* Maps the firms' strings among the actors copied to an xstate or a
 * carry: the recent ones, the paragraph's and the labels' first ones. */
static void
map_actors(const struct firm_map *fm, const char **recent, int nrecent,
    const char **para_actor, struct followed *follow, int nfollow)
{
	for (int i = 0; i < nrecent; i++)
		recent[i] = map_actor(fm, recent[i]);
	*para_actor = map_actor(fm, *para_actor);
	for (int i = 0; i < nfollow; i++)
		follow[i].first = map_actor(fm, follow[i].first);
}

/* c's firms (c->nblock set) from x's, in firm_order, their blocks as
 * ages; the actors already copied name them as doc_firm[]. */
static void
firms_save(struct fig_carry *c, const struct xstate *x)
{
	struct firm_map fm;
	int order[FIRMS_MAX];

	fm.n = c->nfirms = firm_order(x, order);
	for (int k = 0; k < fm.n; k++) {
		c->firms[k] = x->firms[order[k]];
		c->firms[k].block = x->nblock - x->firms[order[k]].block;
		fm.was[k] = x->firms[order[k]].name;
		fm.is[k] = doc_firm[k];
	}
	map_actors(&fm, c->recent, c->nrecent, &c->para_actor, c->follow,
	    c->nfollow);
}

/* x's firms from c's, the actors already copied naming them again. */
static void
firms_restore(struct xstate *x, const struct fig_carry *c)
{
	struct firm_map fm;

	fm.n = c->nfirms;
	for (int k = 0; k < FIRMS_MAX; k++) {
		x->firms[k] = c->firms[k];
		x->firms[k].block = c->nblock - c->firms[k].block;
		if (k < fm.n) {
			fm.was[k] = doc_firm[k];
			fm.is[k] = x->firms[k].name;
		}
	}
	map_actors(&fm, x->recent, x->nrecent, &x->para_actor, x->follow,
	    x->nfollow);
}

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
	    b->since && a->offset == b->offset && a->step == b->step &&
	    a->same == b->same &&
	    a->kind == b->kind;
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
	c->fparts = x->fparts;
	c->fparts_age = x->fparts ? x->nblock - x->fparts_block : 0;
	c->lead_date = x->lead_date;
	c->has_lead_date = x->has_lead_date;
	c->lead_done = x->lead_done;
	buf_add(&c->lead, x->lead.data ? x->lead.data : "", x->lead.len);
	c->in_item = x->in_item;
	c->lead_age = x->lead.len ? x->nblock - x->lead_block : 0;
	c->budget_text = x->budget_text;
	c->budget_age = x->budget_text ? x->nblock - x->budget_block : 0;
	c->season_rule = x->season_rule;
	c->season_start = x->season_rule ? x->season_start : 0;
	c->season_age = x->season_rule ? x->nblock - x->season_block : 0;
	c->decimal_comma = x->decimal_comma;
	c->comma_age = x->decimal_comma ? x->nblock - x->comma_block : 0;
	c->dollar_marked = x->dollar_marked;
	c->dollar_age = x->dollar_marked ? x->nblock - x->dollar_block : 0;
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
	for (int k = 0; k < x->nrecent; k++)
		c->recent_age[k] = x->nblock - x->recent_block[k];
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
	firms_save(c, x);
	c->last_q = x->last_q;
	c->has_last_q = x->has_last_q;
	c->lineno = rd->lineno;
	c->off = rd->off;
	c->doc = rd->doc;
	if ((c->in_long = rd->in_long) != 0) {
		c->skip = rd->skip;
		c->bom = rd->lead;
		c->raw = rd->lead + rd->pend_at;	/* pend holds no more */
	}
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
	x->fparts = c->fparts;
	x->fparts_block = c->nblock - c->fparts_age;
	x->lead_date = c->lead_date;
	x->has_lead_date = c->has_lead_date;
	x->lead_done = c->lead_done;
	buf_reset(&x->lead);
	buf_add(&x->lead, c->lead.data ? c->lead.data : "", c->lead.len);
	x->in_item = c->in_item;
	x->lead_block = c->nblock - c->lead_age;
	x->budget_text = c->budget_text;
	x->budget_block = c->nblock - c->budget_age;
	x->season_rule = c->season_rule;
	x->season_start = c->season_start;
	x->season_block = c->nblock - c->season_age;
	x->decimal_comma = c->decimal_comma;
	x->comma_block = c->nblock - c->comma_age;
	x->dollar_marked = c->dollar_marked;
	x->dollar_block = c->nblock - c->dollar_age;
	x->title_from_meta = c->title_from_meta;
	x->title_headline = c->title_headline;
	x->title_entity = NULL;
	x->title_dated = 0;
	x->title_part_dated = 0;
	x->mode = c->mode;
	x->meta_state = c->meta_state;
	buf_reset(&x->ref);
	buf_add(&x->ref, c->ref.data ? c->ref.data : "", c->ref.len);
	x->ref_num = c->ref_num;
	x->have_ref = c->have_ref;
	x->ref_line = c->ref_line;
	memcpy(x->recent, c->recent, sizeof x->recent);
	x->nrecent = c->nrecent;
	for (int k = 0; k < c->nrecent; k++)
		x->recent_block[k] = c->nblock - c->recent_age[k];
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
	firms_restore(x, c);
	x->last_q = c->last_q;
	x->has_last_q = c->has_last_q;
	rd->lineno = c->lineno;
	rd->off = c->off;
	rd->doc = c->doc;
	if (c->in_long)
		long_resume(rd, c->skip, c->bom, c->raw);
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
		    f->sent != g->sent || f->end != g->end || f->first !=
		    g->first || f->sided != g->sided || f->value != g->value ||
		    strcmp(f->unit, g->unit) != 0 ||
		    f->l.topic != g->l.topic || f->l.fallback !=
		    g->l.fallback || strcmp(f->l.metric, g->l.metric) != 0 ||
		    strcmp(f->l.entity, g->l.entity) != 0 ||
		    strcmp(f->l.partner, g->l.partner) != 0)
			return 0;
	}
	return 1;
}

/* The metadata a part read, the same in a and b? */
static int
meta_equal(const struct fig_carry *a, const struct fig_carry *b)
{
	const struct fig_docmeta *m = &a->meta, *n = &b->meta;

	return strcmp(m->title, n->title) == 0 && strcmp(m->published,
	    n->published) == 0 && strcmp(m->source, n->source) == 0 &&
	    strcmp(m->url, n->url) == 0 && a->pub_year == b->pub_year &&
	    a->pub_month == b->pub_month && a->title_from_meta ==
	    b->title_from_meta && a->title_headline == b->title_headline &&
	    a->meta_state == b->meta_state;
}

/* The dates a and b hand on, the same? */
static const char *
dates_diff(const struct fig_carry *a, const struct fig_carry *b)
{
	if (a->has_recall != b->has_recall || (a->has_recall &&
	    !mention_equal(&a->recall, &b->recall)))
		return "recall";
	if (a->has_item_carry != b->has_item_carry || (a->has_item_carry &&
	    !mention_equal(&a->item_carry, &b->item_carry)))
		return "item_carry";
	if (a->has_para_carry != b->has_para_carry || (a->has_para_carry &&
	    !mention_equal(&a->para_carry, &b->para_carry)))
		return "para_carry";
	if (a->fparts != b->fparts || a->fparts_age != b->fparts_age)
		return "fparts";
	if (a->lead_done != b->lead_done || a->has_lead_date !=
	    b->has_lead_date || (a->has_lead_date &&
	    !mention_equal(&a->lead_date, &b->lead_date)))
		return "lead_date";
	return NULL;
}

/* The references section and the actors a and b hand on, the same? */
static const char *
refs_actors_diff(const struct fig_carry *a, const struct fig_carry *b)
{
	if (a->mode != b->mode || !buf_equal(&a->ref, &b->ref) ||
	    a->ref_num != b->ref_num || a->have_ref != b->have_ref ||
	    a->ref_line != b->ref_line)
		return "references";
	if (a->nrecent != b->nrecent || memcmp(a->recent, b->recent,
	    (size_t)a->nrecent * sizeof *a->recent) != 0 ||
	    memcmp(a->recent_age, b->recent_age, (size_t)a->nrecent *
	    sizeof *a->recent_age) != 0)
		return "recent";
	if (a->nfirms != b->nfirms)
		return "firm";
	for (int k = 0; k < a->nfirms; k++)
		if (strcmp(a->firms[k].name, b->firms[k].name) != 0 ||
		    a->firms[k].block != b->firms[k].block)
			return "firm";
	if (a->recent_subject != b->recent_subject)
		return "recent_subject";
	if (a->para_actor != b->para_actor)
		return "para_actor";
	return NULL;
}

const char *
extract_carry_diff(const struct fig_carry *a, const struct fig_carry *b)
{
	const char *d;

	if (!meta_equal(a, b))
		return "metadata";
	if ((d = dates_diff(a, b)) != NULL ||
	    (d = refs_actors_diff(a, b)) != NULL)
		return d;
	if (!buf_equal(&a->lead, &b->lead) || a->in_item != b->in_item ||
	    a->lead_age != b->lead_age)
		return "lead line";
	if (a->budget_text != b->budget_text || a->budget_age != b->budget_age)
		return "budget";
	if (a->season_rule != b->season_rule ||
	    a->season_start != b->season_start ||
	    a->season_age != b->season_age)
		return "season";
	if (a->decimal_comma != b->decimal_comma || a->comma_age !=
	    b->comma_age)
		return "decimal_comma";
	if (a->dollar_marked != b->dollar_marked || a->dollar_age !=
	    b->dollar_age)
		return "dollar_marked";
	if (a->have_cur != b->have_cur || (a->have_cur &&
	    !block_equal(&a->cur, &b->cur)) || a->have_held != b->have_held ||
	    (a->have_held && !block_equal(&a->held, &b->held)))
		return "held block";
	if (!tables_equal(&a->tables, &b->tables))
		return "tables";
	if (!follow_equal(a, b))
		return "follow";
	if (a->lineno != b->lineno || a->off != b->off || a->doc != b->doc ||
	    a->in_long != b->in_long || (a->in_long && (a->skip != b->skip ||
	    a->bom != b->bom || a->raw != b->raw)))
		return "place";
	return NULL;
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

/* Puts rd at part->warm, a cut of the long line that starts at byte
 * part->line, as feed would be when it has cut the line up to there.
 * Returns 0, 1 when the line is not cut in blocks (long_open), -1 with
 * x->err set. */
static int
enter_line(struct xstate *x, struct reader *rd, FILE *in,
    const struct fig_part *part)
{
	int more, g, rc;

	if (fseeko(in, (off_t)part->line, SEEK_SET) != 0)
		return err_set(x->err, FIG_EIO, x->name, 0, 0, "cannot seek: "
		    "%s", strerror(errno));
	reader_seeked(rd);
	rd->off = rd->doc = part->line;
	if ((g = read_piece(rd, 0, &more)) < 0)
		return err_set(x->err, FIG_EIO, x->name, 0, 0, "read error: "
		    "%s", strerror(errno));
	if (g == 0 || !more)
		return err_set(x->err, FIG_EIO, x->name, 0, 0, "the file "
		    "changed while being read");
	rd->lineno++;
	if ((rc = long_open(x, rd)) != 0)
		return rc;
	long_resume(rd, rd->skip, rd->lead, (size_t)(part->warm -
	    part->line));
	return 0;
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
		/* the news's own date, which the serial pass took from
		 * the first paragraphs and keeps */
		x.lead_date = head.lead_date;
		x.has_lead_date = head.has_lead_date;
		x.lead_done = head.lead_done;
		reader_release(&hr);
		state_release(&head);
		rd.lineno = part->lines_before;
		rd.off = rd.doc = part->warm;
		if (rc == 0 && part->line >= 0 && (rc = enter_line(&x, &rd, in,
		    part)) == 1)
			goto done;	/* read whole: the part is redone */
	}
	if (rc >= 0 && fseeko(in, (off_t)reader_at(&rd), SEEK_SET) != 0)
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
done:
	x.meta->lines = rd.lineno;
	x.meta->bytes = rd.off;
	reader_release(&rd);
	state_release(&x);
	return rc < 0 ? -1 : 0;
}

