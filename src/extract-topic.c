/* extract-topic.c: what a figure measures. A figure's sentence, marked
 * around it, goes through the topic rules whose words it holds; a match
 * gives the metric, its subject filled from the lexicon, and the entity
 * and partner from the actors (extract-actors.c). Lists after a figure
 * follow its labels, flows take their sides from the words around. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "figtrack/number.h"
#include "extract-int.h"

/* Sets x->lsent to sentence si of the cleaned block in lower case
 * (ASCII letters) and x->litmemo to the words of rules.lits it holds,
 * for may_match. A letter that PCRE2 matches to an ASCII one without
 * case, U+017F (long s) or U+212A (Kelvin sign), sets x->lit_all: its
 * words cannot be told by their ASCII spelling. */
void
lit_sentence(struct xstate *x, int si)
{
	const unsigned char *s = (const unsigned char *)x->clean.data +
	    x->csent[si].start;
	size_t n = x->csent[si].end - x->csent[si].start;

	x->lit_sent = si;
	x->lit_all = 0;
	buf_reset(&x->lsent);
	buf_add(&x->lsent, s, n);
	for (char *p = x->lsent.data, *e = p + n; p < e; p++) {
		unsigned char c = (unsigned char)*p;
		if (c >= 'A' && c <= 'Z')
			*p = (char)(c | 0x20);
		else if ((c == 0xC5 && e - p > 1 && (unsigned char)p[1] == 0xBF)
		    || (c == 0xE2 && e - p > 2 && (unsigned char)p[1] == 0x84 &&
		    (unsigned char)p[2] == 0xAA))
			x->lit_all = 1;
	}
	if (x->r->nlits > 0) {
		memset(x->litmemo, 0, (size_t)x->r->nlits);
		litscan_run(&x->r->litscan, x->lsent.data, n, NULL, 0,
		    x->litmemo);
	}
}

/* May re match in the figure's context (x->ctx)? No when its sentence
 * lacks every word of a clause of the words re needs (re->need): the
 * context is a part of that sentence with the figure's markers, which
 * hold no such word. */
int
may_match(struct xstate *x, const struct fig_re *re)
{
	if (x->lit_all)
		return 1;
	for (int i = 0; i < re->nneed; ) {
		int n = re->need[i++], found = 0;
		for (int k = 0; k < n && !found; k++)
			found = x->litmemo[re->need[i + k]];
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
void
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
	if (x->r->ntails > 0)
		memset(x->tailmemo, -1, (size_t)x->r->ntails);
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

/* May topic pattern re match in x->ctx[from, to)? No when its tail
 * (fig_re.tail) has no match there, starting no later than the marker
 * (x->mark_last): searched once a context and window for all the
 * patterns that end with it. 1 may, 0 no, -1 an error. */
static int
tail_may(struct xstate *x, const struct fig_re *re, size_t from, size_t to)
{
	int id = re->tail - 1, rc;

	if (id < 0)
		return 1;
	if (x->tailmemo[id] >= 0 && x->tailwin[2 * id] == from &&
	    x->tailwin[2 * id + 1] == to)
		return x->tailmemo[id];
	if ((rc = rules_match_upto(x->r, &x->r->tails[id], x->ctx.data, to,
	    from, x->mark_last, x->mctx, x->md, x->err)) < 0)
		return -1;
	x->tailmemo[id] = rc > 0;
	x->tailwin[2 * id] = from;
	x->tailwin[2 * id + 1] = to;
	return rc > 0;
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

/* Does a ranking after figure f ("Spain came second with 2.5 bcm") rank
 * the side that f's sentence named first, its subject: with follow word
 * sender the flow's sender ("Mexico exported $40.1 billion to the
 * United States. Canada came second"), with receiver its receiver
 * ("Italy imported 3.1 bcm of Algerian gas. Spain came second")?
 * Always, for a topic with neither word. */
static int
ranks_side(const struct followed *f, int follow)
{
	const char *side;

	if (follow & FIG_FOLLOW_SENDER)
		side = f->l.entity;
	else if (follow & FIG_FOLLOW_RECEIVER)
		side = f->l.partner;
	else
		return 1;
	return f->first != NULL && f->first[0] && strcmp(f->first, side) == 0;
}

/* Is there an amount in the unit of followed figure f that no topic
 * labelled, no twin in brackets, between f and the current figure, when
 * that one is in another unit (a change): what the change is of ("a trade
 * surplus of $4.3 billion with the US, an increase of 21 per cent": the
 * surplus's, not the flow's before it)? */
static int
unlabelled_between(const struct xstate *x, const struct followed *f)
{
	const struct qrec *cur = &x->qs[x->cur_q];

	if (strcmp(cur->q.unit_name, f->unit) == 0)
		return 0;
	for (int j = 0; j < x->cur_q; j++) {
		const struct qrec *q = &x->qs[j];
		if (q->q.start >= f->end && q->q.end <= cur->q.start &&
		    q->nlabel == 0 && !q->twin &&
		    strcmp(q->q.unit_name, f->unit) == 0)
			return 1;
	}
	return 0;
}

/* Is the current figure a rank's, right after "at" or "with" ("followed
 * by Canada at 10.9%")? */
static int
ranked_at(const struct xstate *x)
{
	static const char *const words[] = { "at", "with" };

	return word_before_in(x->clean.data, 0, x->qs[x->cur_q].q.start,
	    words, sizeof words / sizeof *words);
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
	/* with follow = yes, a list item counts from its lead line: the
	 * items are blocks of their own, and a list is of the figure
	 * before its lead */
	long here = x->in_item && x->lead.len && !t->follow_measure[0] ?
	    x->lead_block : x->nblock;

	if (t->follow_measure[0])
		measure = t->follow_measure;
	mn = strlen(measure);
	for (int i = x->nfollow - 1; i >= 0; i--) {
		const char *m = x->follow[i].l.metric;
		size_t n = strlen(m);
		if (here - x->follow[i].block > 2)
			break;
		/* a pronoun's: only while the figures labelled since are of
		 * the same flow ("Trade ... increased by 2.2% in 2016 to
		 * $69.5 billion. In 2017 it increased by 20.8%": not the
		 * exports of the paragraph before) */
		if ((t->follow & FIG_FOLLOW_LAST) && !same_flow(m,
		    t->follow_measure))
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
		    x->qs[x->cur_q].q.start) ||
		    unlabelled_between(x, &x->follow[i])))
			break;
		/* a run after a share in the same sentence is of shares
		 * ("took 80% of June's exports, followed by Canada at
		 * 10.9%"), not the change of a paragraph before */
		if (!t->follow_measure[0] && x->follow[i].block == x->nblock &&
		    x->follow[i].sent == sent && strcmp(measure,
		    ".exports.change") == 0 && n > 6 &&
		    strcmp(m + n - 6, ".share") == 0 && ranked_at(x))
			break;
		if (n > mn && strcmp(m + n - mn, measure) == 0 &&
		    (measure[0] == '.' || m[n - mn - 1] == '.')) {
			if (ranks_side(&x->follow[i], t->follow))
				return &x->follow[i].l;
			/* a figure whose sentence names no actor ("The
			 * volume is 20% higher") says which side a rank
			 * is of no more than its own: the one before does */
			if (!(t->follow & (FIG_FOLLOW_SENDER |
			    FIG_FOLLOW_RECEIVER)) || x->follow[i].first)
				return NULL;
		}
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

/* Does figure q's sentence say its flow is a total ("total",
 * "overall", "as a whole", "with all partners", "to all destinations", or both flows named
 * together: "imports and exports were up 17.8 percent and 4.0
 * percent")? Whole words only: "exports totaled $9.1 bln" says no
 * total. */
static int
says_whole(const struct xstate *x, const struct qrec *q)
{
	static const char *const whole[] = { "total", "overall", "global",
	    "foreign", "worldwide", "all partners", "the world", "as a whole",
	    "all destinations", "all markets", "all countries",
	    "exports and imports", "imports and exports", NULL };
	const struct fig_span *cs = &x->csent[q->sent];
	const char *c = x->clean.data;

	for (int k = 0; whole[k]; k++) {
		size_t n = strlen(whole[k]);
		for (size_t i = cs->start; (i = text_find_nocase(c, i,
		    cs->end, whole[k], n)) < cs->end; i++)
			if ((i == cs->start ||
			    !isalpha((unsigned char)c[i - 1])) &&
			    (i + n == cs->end ||
			    !isalpha((unsigned char)c[i + n])))
				return 1;
	}
	return 0;
}

/* "Chinese exports of tires to Russia rose 15%." then "Exports of car
 * parts grew 11%": a flow of goods it names (not all goods: "exports to
 * China surged." then "exports grew 33.9 percent" is the total), whose
 * sentence names no actor, goes where the holder's last flow of its
 * direction (this block or the one before) went, unless its sentence
 * says it is the total. Fills partner, or leaves it empty. */
static void
goods_partner(const struct xstate *x, const struct qrec *q,
    const char *metric, const char *entity, char *partner, size_t n)
{
	const char *m = strchr(metric, '.');

	if (m == NULL || (strncmp(m, ".exports.", 9) != 0 &&
	    strncmp(m, ".imports.", 9) != 0) || strstr(m, ".share") ||
	    says_whole(x, q))
		return;
	for (int i = x->nfollow - 1; i >= 0; i--) {
		const struct label *l = &x->follow[i].l;
		const char *lm = strchr(l->metric, '.');
		if (x->nblock - x->follow[i].block > 1)
			return;
		if (lm == NULL || strncmp(lm, m, 9) != 0 ||
		    strstr(lm, ".share"))
			continue;
		if (strcmp(l->entity, entity) == 0 && l->partner[0] &&
		    !strchr(l->partner, '+'))
			claim_setfield(partner, n, l->partner);
		return;
	}
}

/* How many blocks before this one the block of remembered figure i is,
 * counting only blocks with a labelled figure: a paragraph that labels
 * nothing ("Sales of carpets to Ukraine stopped altogether.") does not
 * part a flow from the flows after it. Blocks further back than
 * FLOW_GAP_MAX unlabelled ones are counted all the same. */
#define FLOW_GAP_MAX 2
static long
flow_blocks_back(const struct xstate *x, int i)
{
	long b = x->follow[i].block, n = b != x->nblock;

	for (int j = i + 1; j < x->nfollow; j++)
		if (x->follow[j].block != b) {
			b = x->follow[j].block;
			n += b != x->nblock;
		}
	if (x->nblock - x->follow[i].block - n > FLOW_GAP_MAX)
		return x->nblock - x->follow[i].block;
	return n;
}

/* The index in x->follow of the last flow of metric's direction
 * labelled in this block or the reach before (blocks with a labelled
 * figure) whose holder (side 0) or receiver (side 1) is one actor and
 * not other; shares are skipped where skip_shares (a share's partner is
 * its supplier), and with holders, flows whose holder the text named
 * only as a source ("Imports from the U.S. declined 12%": the US's
 * exports, but not the country the text reports on). -1 when none. */
static int
last_flow(const struct xstate *x, const char *metric, int side,
    const char *other, int reach, int skip_shares, int holders)
{
	const char *m = strchr(metric, '.'), *end;
	size_t k;

	if (m == NULL || (end = strchr(m + 1, '.')) == NULL)
		return -1;
	k = (size_t)(end - m);		/* ".exports" */
	for (int i = x->nfollow - 1; i >= 0; i--) {
		const struct label *l = &x->follow[i].l;
		const char *lm = strchr(l->metric, '.');
		const char *e = side ? l->partner : l->entity;
		if (flow_blocks_back(x, i) > reach)
			return -1;
		if (holders && x->follow[i].sided)
			continue;
		if (lm && strncmp(lm, m, k) == 0 && lm[k] == '.' &&
		    !(skip_shares && strstr(lm, ".share")) && e[0] &&
		    !strchr(e, '+') && strcmp(e, other) != 0)
			return i;
	}
	return -1;
}

/* One side of the last flow of metric's direction (last_flow): its
 * holder (side 0), one the text named as a holder first, or its
 * receiver (side 1). Fills out, or leaves it empty. */
static void
last_flow_side(const struct xstate *x, const char *metric, int side,
    const char *other, int reach, int skip_shares, char *out, size_t n)
{
	int i = side ? -1 : last_flow(x, metric, 0, other, reach,
	    skip_shares, 1);

	if (i < 0)
		i = last_flow(x, metric, side, other, reach, skip_shares, 0);
	if (i >= 0)
		claim_setfield(out, n, side ? x->follow[i].l.partner :
		    x->follow[i].l.entity);
}

/* "German exports to China fell 12 percent." then "Exports of motor
 * vehicles to China fell 23.9 percent": a flow that names only its
 * partner is of the holder of the last flow of its direction labelled
 * in this block or the one before, when that holder is one actor and not
 * the partner; so is a flow whose sentence names no actor at all
 * ("exports to China surged 30.8 percent." then "In January, exports
 * grew 33.9 percent"). A block whose sentences before the figure's name
 * an actor speaks of that one: only its own flows count ("China's
 * foreign trade as a whole was $251 billion. Exports went down by
 * 18.1 percent" after a paragraph on Russia's exports to China is
 * China's). Fills out, or leaves it empty. */
static void
flow_holder(struct xstate *x, const struct qrec *q, const char *metric,
    const char *partner, char *out, size_t n)
{
	int reach = first_entity(x, x->csent[0].start,
	    x->csent[q->sent].start) ? 0 : 1;
	const char *dot = strchr(metric, '.');
	int out_way = dot && strncmp(dot, ".exports.", 9) == 0;
	int in_way = dot && strncmp(dot, ".imports.", 9) == 0;

	last_flow_side(x, metric, 0, partner, reach, 0, out, n);
	/* "Exports to the U.S. fell 13.3%." then "Imports rose 3.3%", its
	 * paragraph naming no one: the reporter of the flows the other way
	 * (the exporter of exports, the importer of imports), not the
	 * partner named last */
	if (!out[0] && !partner[0] && (out_way || in_way) &&
	    !strstr(metric, ".share"))
		last_flow_side(x, out_way ? "x.imports.x" : "x.exports.x", 0,
		    partner, reach, 1, out, n);
}

/* "Pipeline gas imports from Russia into the EU rose 5%." then "Russia
 * remains Europe's main supplier: its pipeline gas made up 42% of the
 * bloc's gas imports": a supplier's share of imports whose importer is
 * not named by a name is of the receiver of the last flow labelled in
 * this block or the two before. Fills out, or leaves it empty. */
static void
share_importer(const struct xstate *x, const char *metric,
    const char *partner, char *out, size_t n)
{
	if (strstr(metric, ".imports.share"))
		last_flow_side(x, ".exports.", 1, partner, 2, 1, out, n);
}

/* Does s[0, n) open an appositive: "a key target of", "the largest
 * buyer", "its main supplier"? */
static int
appositive_at(const char *s, size_t n)
{
	static const char *const open[] = { "a ", "an ", "the ", "its ",
	    "their ", "one of ", NULL };

	for (int k = 0; open[k]; k++)
		if (strlen(open[k]) <= n &&
		    strncasecmp(s, open[k], strlen(open[k])) == 0)
			return 1;
	return 0;
}

/* Are the actors figure q's sentence names before it all inside asides
 * (appositives) set off by commas before the figure, and is there one
 * ("The value of
 * soybean exports, a key target of Beijing's retaliation, plunged
 * 74.4%")? Such a flow names no holder of its own. */
static int
aside_actors(struct xstate *x, const struct qrec *q)
{
	const char *c = x->clean.data;
	size_t cs = x->csent[q->sent].start, qs = q->q.start;
	int n = 0;

	if (!first_entity(x, cs, qs))
		return 0;
	for (int i = 0; i < x->nments; i++) {
		const struct actor_at *m = &x->ments[i];
		size_t k = m->start;
		if (m->start < cs || m->end > qs)
			continue;
		while (k > cs && c[k - 1] != ',')
			k--;
		while (k < m->start && c[k] == ' ')
			k++;
		if (k == cs || !appositive_at(c + k, m->start - k) ||
		    memchr(c + m->end, ',', qs - m->end) == NULL)
			return 0;
		n++;
	}
	return n > 0;
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

/* Is actor e, found for figure q's partner outside its sentence, the
 * subject of the list item before q's, under the same lead line
 * ("Exporters, January to August 2024:" over "- US LNG exports surged
 * ..." and "- exports from Algeria decreased ..."): a sibling of q's
 * actor, not its partner? Not when the lead line names it. */
static int
sibling_actor(struct xstate *x, const struct qrec *q, const char *e)
{
	const struct fig_span *cs = &x->csent[q->sent];

	return e[0] && x->in_item && x->lead.len > 0 && x->para_actor &&
	    strcmp(x->para_actor, e) == 0 && !names_actor(x, x->clean.data,
	    cs->start, cs->end, e) && !names_actor(x, x->lead.data, 0,
	    x->lead.len, e);
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
	size_t first = 0;
	char copy[FIG_ENTITY_MAX];

	if (strchr(e, '+') == NULL || !says_respectively(x, q->sent))
		return;
	for (const char *p = e; (p = strchr(p, '+')) != NULL; p++)
		nparts++;
	if (nparts > 8)
		return;
	/* the parts in the order the sentence names them, each once */
	for (int i = actors_from(x, cs->start); i < x->nments &&
	    x->ments[i].start <= cs->end && np < nparts; i++) {
		const struct actor_at *m = &x->ments[i];
		const char *s = e, *plus;
		int dup = 0, in = 0;
		if (m->end > cs->end)
			continue;
		for (int j = 0; j < np; j++)
			dup |= strcmp(part[j], m->name) == 0;
		for (; s && !in; s = plus ? plus + 1 : NULL) {
			size_t n;
			plus = strchr(s, '+');
			n = plus ? (size_t)(plus - s) : strlen(s);
			in = strlen(m->name) == n && strncmp(s, m->name, n) == 0;
		}
		if (in && !dup) {
			if (np == 0)
				first = m->start;
			part[np++] = m->name;
		}
	}
	if (np != nparts)
		return;
	/* the figures after the list's first name: "Exports to China
	 * diminished 20 per cent, while those to the United States and the
	 * EU plunged 17.4 per cent and 36.6 per cent respectively" */
	for (int after = 1; after >= 0; after--) {
		if (after && q->q.start < first)
			continue;
		k = nq = 0;
		for (int i = 0; i < x->nq; i++)
			if (x->qs[i].sent == q->sent && strcmp(
			    x->qs[i].q.unit_name, q->q.unit_name) == 0 &&
			    (!after || x->qs[i].q.start > first)) {
				if (i < qi)
					k++;
				nq++;
			}
		if (nq == nparts)
			break;
	}
	if (nq != nparts)
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

/* The places that cannot be the holder of a flow of metric: where goods
 * go ("exports to China" are not China's, nor are the imports a
 * sentence on them names); where they come from can ("From Australia,
 * arrivals rose": Australia's exports, metrics.md). For other measures
 * both. */
static int
flow_sides(const char *metric)
{
	return flow_way(metric) ? SIDE_TO : SIDE_ANY;
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

int
one_of(const char *c, size_t a, size_t b, const char *const *words)
{
	for (int k = 0; words[k]; k++)
		if (strlen(words[k]) == b - a &&
		    strncasecmp(c + a, words[k], b - a) == 0)
			return 1;
	return 0;
}

/* Is c[a, b) a verb of change ("rose", "jumped")? */
static int
change_verb(const char *c, size_t a, size_t b)
{
	static const char *const verbs[] = { "rose", "grew", "increased",
	    "climbed", "jumped", "surged", "soared", "expanded", "gained",
	    "rebounded", "fell", "dropped", "declined", "decreased", "shrank",
	    "slumped", "plunged", "plummeted", "sank", "tumbled", "slipped",
	    "dipped", "eased", "contracted", NULL };

	return one_of(c, a, b, verbs);
}

/* Does c[from, at) end in "such as", "including" or "like": are the
 * goods at at an example of goods named before them ("telecommunication
 * devices such as smartphones")? */
static int
example_of(const char *c, size_t from, size_t at)
{
	static const char *const cues[] = { "such as", "including", "like",
	    NULL };

	while (at > from && c[at - 1] == ' ')
		at--;
	for (int k = 0; cues[k]; k++) {
		size_t n = strlen(cues[k]);
		if (at - from >= n && strncasecmp(c + at - n, cues[k], n) == 0 &&
		    (at - from == n || !isalpha((unsigned char)c[at - n - 1])))
			return 1;
	}
	return 0;
}

/* "Exports of semiconductors rose 1.9% and petroleum products jumped
 * 88.3%": goods named right before the verb of a flow's change are what
 * it counts, not goods its flow phrase named further back. Rewrites l's
 * subject; the verb is the first word of the figure's quote or the word
 * before it. */
static void
verb_subject(struct xstate *x, int qi, struct label *l)
{
	const struct fig_rules *r = x->r;
	const struct qrec *q = &x->qs[qi];
	const char *c = x->clean.data, *way = flow_way(l->metric), *sj = NULL;
	size_t from = x->csent[q->sent].start, vs = q->q.start, ve = vs, at;
	char m[FIG_METRIC_MAX];

	if (way == NULL || strcmp(way + 8, ".change") != 0)
		return;
	while (ve < q->q.end && isalpha((unsigned char)c[ve]))
		ve++;
	if (!change_verb(c, vs, ve)) {
		while (vs > from && c[vs - 1] == ' ')
			vs--;
		ve = vs;
		while (vs > from && isalpha((unsigned char)c[vs - 1]))
			vs--;
		if (!change_verb(c, vs, ve))
			return;
	}
	while (vs > from && c[vs - 1] == ' ')
		vs--;
	/* the subject whose words end right before the verb */
	at = vs > from + 80 ? vs - 80 : from;
	while (at < vs && rules_match_upto(r, &r->anysubject, c, vs, at, vs - 1,
	    x->mctx, x->md, NULL) > 0) {
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
		if (ov[1] == vs && !example_of(c, from, ov[0]))
			sj = subject_of(x, c + ov[0], ov[1] - ov[0]);
		at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	}
	if (sj == NULL || strncmp(l->metric, sj, (size_t)(way - l->metric))
	    == 0)
		return;
	snprintf(m, sizeof m, "%s%s", sj, way);
	claim_setfield(l->metric, sizeof l->metric, m);
	l->fallback = 0;
}

/* Are figures a and b (a right before b) of one run: one sentence, one
 * unit, only commas, "and" or "or" between ("16.7 percent and 51.2
 * percent", "23.5%, 14.7% and 23.5%")? */
static int
joined(const struct xstate *x, int a, int b)
{
	const struct qrec *p = &x->qs[a], *q = &x->qs[b];
	const char *c = x->clean.data;
	size_t i = p->q.end;

	if (p->sent != q->sent || strcmp(p->q.unit_name, q->q.unit_name) != 0)
		return 0;
	while (i < q->q.start) {
		if (c[i] == ' ' || c[i] == ',')
			i++;
		else if (q->q.start - i > 3 && strncasecmp(c + i, "and ", 4)
		    == 0)
			i += 4;
		else if (q->q.start - i > 2 && strncasecmp(c + i, "or ", 3)
		    == 0)
			i += 3;
		else
			return 0;
	}
	return 1;
}

/* Does the cleaned text c[from, to) of sentence si name goods? */
static int
goods_between(struct xstate *x, size_t from, size_t to, int si)
{
	return from < to && rules_match_upto(x->r, &x->r->anysubject,
	    x->clean.data, x->csent[si].end, from, to - 1, x->mctx, x->md,
	    NULL) > 0;
}

/* "Chip exports and ship exports tumbled 16.7 percent and 51.2 percent
 * respectively", "shipments of semiconductors and ships rose 11.6
 * percent and 80 percent, respectively": in a sentence that says
 * "respectively", the k-th of a run of figures in one unit is of the
 * k-th of the goods named between the figure before the run (or the
 * sentence's start) and the run, when there are as many goods as
 * figures, all different. Rewrites the subject of figure qi's flow
 * labels. */
static void
respective_subject(struct xstate *x, int qi)
{
	const struct fig_rules *r = x->r;
	struct qrec *q = &x->qs[qi];
	const char *c = x->clean.data, *sj[8];
	int first = qi, last = qi, n = 0;
	size_t at, to;

	if (q->nlabel == 0 || !says_respectively(x, q->sent))
		return;
	while (first > 0 && joined(x, first - 1, first))
		first--;
	while (last + 1 < x->nq && joined(x, last, last + 1))
		last++;
	if (first == last || last - first >= 8)
		return;
	/* a run right after a run of as many figures in another unit
	 * ("jumped 35% and 12.8% to US$470.8 million and US$416.8
	 * million, respectively") pairs with the goods of that run */
	if (first > 0 && x->qs[first - 1].sent == q->sent &&
	    !goods_between(x, x->qs[first - 1].q.end, x->qs[first].q.start,
	    q->sent)) {
		int pl = first - 1, pf = pl;
		while (pf > 0 && joined(x, pf - 1, pf))
			pf--;
		if (pl - pf == last - first) {
			qi = pf + (qi - first);	/* its place in the run */
			first = pf;
			last = pl;
		}
	}
	at = first > 0 && x->qs[first - 1].sent == q->sent ?
	    x->qs[first - 1].q.end : x->csent[q->sent].start;
	/* goods that start before the run, their words seen whole ("ships
	 * rose": the verb tells the noun) */
	to = x->qs[first].q.start;
	while (at < to && rules_match_upto(r, &r->anysubject, c,
	    x->csent[q->sent].end, at, to - 1, x->mctx, x->md, NULL) > 0) {
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
		const char *s = subject_of(x, c + ov[0], ov[1] - ov[0]);
		at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
		if (s == NULL)
			continue;
		for (int i = 0; i < n; i++)
			if (strcmp(sj[i], s) == 0)
				return;		/* one goods twice: no list */
		if (n == last - first + 1)
			return;			/* more goods than figures */
		sj[n++] = s;
	}
	if (n != last - first + 1)
		return;
	for (int i = 0; i < q->nlabel; i++) {
		struct label *l = &q->label[i];
		const char *way = flow_way(l->metric);
		char m[FIG_METRIC_MAX];
		if (way == NULL)
			continue;
		snprintf(m, sizeof m, "%s%s", sj[qi - first], way);
		claim_setfield(l->metric, sizeof l->metric, m);
		l->fallback = 0;
	}
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
	int phys = 0, i = qi, change;

	if (way == NULL)
		return;
	/* the figures of its sentence, which are next to it in x->qs:
	 * reading the whole block's made a block of news figures (a
	 * document of one line) cost the square of their number */
	change = strcmp(way + 8, ".change") == 0;
	while (i > 0 && x->qs[i - 1].sent == q->sent)
		i--;
	for (; i < x->nq && x->qs[i].sent == q->sent && !phys; i++) {
		const char *cls;
		if (i != qi && !change)
			continue;
		cls = rules_unit_class(x->r, x->qs[i].q.unit_name);
		phys = cls && strcmp(cls, "physical") == 0;
	}
	if (!phys || (sj = subject_before(x, q)) == NULL)
		return;
	snprintf(m, sizeof m, "%s%s", sj, way);
	claim_setfield(l->metric, sizeof l->metric, m);
	l->fallback = 0;
}

/* "Exports fell to $5 billion, down $1 billion from April": a figure
 * that states its own direction in money or goods is the change of a
 * level, and no measure of metrics.md is that (a *.change is a signed
 * percent): its level labels go. When none is left, the first stays
 * without a metric or partner: it still says whose figure it is
 * ("trade with Kazakhstan grew by 2 billion dollars"). */
static void
drop_directed_levels(struct qrec *q)
{
	int k = 0;
	struct label first;

	if (q->q.dir == 0 || q->nlabel == 0)
		return;
	first = q->label[0];
	for (int i = 0; i < q->nlabel; i++) {
		const char *m = q->label[i].metric;
		size_t n = strlen(m);
		int level = (n > 6 && strcmp(m + n - 6, ".value") == 0) ||
		    (n > 7 && strcmp(m + n - 7, ".volume") == 0);
		if (!level)
			q->label[k++] = q->label[i];
	}
	if (k == 0) {
		first.metric[0] = first.partner[0] = '\0';
		first.fallback = 0;
		q->label[k++] = first;
	}
	q->nlabel = k;
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

/* A figure labelled as E's exports to a partner is no total of E's
 * imports as well: "Russia overtook Saudi Arabia as China's largest
 * supplier of crude oil, with imports rising 18%" is Russia's exports to
 * China, and the imports without a partner that the fallback gave
 * Russia go; nor of the partner's ("... and imports rose 9.1 percent to
 * ¥8.18 trillion" labelled the US's exports to Japan is no total of
 * Japan's imports). */
static int
exporters_imports(const struct qrec *q, int i)
{
	const struct label *l = &q->label[i];
	const char *m = strstr(l->metric, ".imports.");

	if (m == NULL || l->partner[0])
		return 0;
	for (int j = 0; j < q->nlabel; j++) {
		const struct label *o = &q->label[j];
		const char *om = strstr(o->metric, ".exports.");
		if (om && o->partner[0] && (strcmp(o->entity, l->entity) ==
		    0 || strcmp(o->partner, l->entity) == 0) &&
		    strcmp(om + 9, m + 9) == 0)
			return 1;
	}
	return 0;
}

/* The subject of the last amount of goods (a .volume) labelled in this
 * block or the one before, for a flow in a physical unit whose text
 * names no goods: "put the two countries' trade at 3.558 million tons."
 * then "Iran exported 838,602 tons worth $432.877 million to Russia" is
 * of all goods too. Returns buf filled, or NULL when there is none. */
static const char *
volume_subject(const struct xstate *x, char *buf, size_t n)
{
	for (int i = x->nfollow - 1; i >= 0; i--) {
		const char *m = x->follow[i].l.metric, *dot = strchr(m, '.');
		size_t k = strlen(m);
		if (x->nblock - x->follow[i].block > 1)
			break;
		if (dot && k > 7 && strcmp(m + k - 7, ".volume") == 0 &&
		    (size_t)(dot - m) < n) {
			memcpy(buf, m, (size_t)(dot - m));
			buf[dot - m] = '\0';
			return buf;
		}
	}
	return NULL;
}

/* Does figure q's sentence name actor e before the figure? */
static int
named_before(struct xstate *x, const struct qrec *q, const char *e)
{
	const struct fig_span *cs = &x->csent[q->sent];

	for (int i = actors_from(x, cs->start); i < x->nments &&
	    x->ments[i].start <= q->q.start; i++)
		if (x->ments[i].end <= q->q.start &&
		    strcmp(x->ments[i].name, e) == 0)
			return 1;
	return 0;
}

/* Where in s[from, to) a sender is named by a pronoun ("bought crude
 * oil worth $2.54 billion from it"): the offset of "from", or to. */
static size_t
from_pronoun(const char *s, size_t from, size_t to)
{
	static const char *const say[] = { "from it", "from them", NULL };

	for (size_t i = from; i < to; i++) {
		if (i > from && isalnum((unsigned char)s[i - 1]))
			continue;
		for (int k = 0; say[k]; k++) {
			size_t n = strlen(say[k]);
			if (i + n <= to && strncasecmp(s + i, say[k], n) == 0 &&
			    (i + n == to || !isalnum((unsigned char)s[i + n])))
				return i;
		}
	}
	return to;
}

/* "Government data show Iraq in second place: India bought crude oil
 * worth $2.54 billion from it": a flow from "it" or "them" is of the
 * actor its sentence names before that, other than the receiver. Fills
 * out, or leaves it empty. */
static void
pronoun_sender(struct xstate *x, const struct qrec *q, const char *partner,
    char *out, size_t n)
{
	size_t cs = x->csent[q->sent].start, ce = x->csent[q->sent].end;
	size_t at = from_pronoun(x->clean.data, cs, ce);
	const char *e;

	if (at < ce && (e = entity_in(x, x->clean.data, cs, at, partner)))
		claim_setfield(out, n, e);
}

/* Is the flow remembered at follow[i] one of a run of senders into its
 * receiver: another sender's flow into the same receiver just before it
 * ("imports from Russia into the EU rose 5%, while those from Norway
 * fell 11%")? The text then speaks from the receiver's side. */
static int
receiver_run(const struct xstate *x, int i)
{
	const struct label *f = &x->follow[i].l;

	for (int j = i - 1; j >= 0; j--) {
		const struct label *g = &x->follow[j].l;
		const char *gd = strchr(g->metric, '.');
		if (x->nblock - x->follow[j].block > 2)
			return 0;
		if (gd && strncmp(gd, ".exports.", 9) == 0 &&
		    strcmp(g->partner, f->partner) == 0 &&
		    strcmp(g->entity, f->entity) != 0)
			return 1;
	}
	return 0;
}

/* Is one of the two sides of joint actor pair ("CHN+RUS") e? Fills
 * out with the other side then. */
static int
pair_side(const char *pair, const char *e, char *out, size_t n)
{
	const char *plus = strchr(pair, '+');
	size_t k = plus ? (size_t)(plus - pair) : 0, en = strlen(e);

	if (plus == NULL || strchr(plus + 1, '+'))
		return 0;
	if (k == en && strncmp(pair, e, k) == 0)
		claim_setfield(out, n, plus + 1);
	else if (strcmp(plus + 1, e) == 0 && k < n) {
		memcpy(out, pair, k);
		out[k] = '\0';
	} else
		return 0;
	return 1;
}

/* "Russia's exports to China fell by 13.2 per cent." then "Russian
 * imports, by contrast, rose by 6.3 per cent": a country's total flow
 * named (by its sentence, before the figure) right after a flow between
 * it and one partner, or their two-way trade (this block or the two
 * before) is its flow with
 * that partner, unless its sentence says it is the total ("total",
 * "overall", "global", "foreign", "as a whole", "with all"). Imports
 * become the partner's exports (metrics.md), unless the
 * flows before were a run of senders into one receiver: "Norwegian
 * imports were down by 11%" after "those from Norway decreased by 11%"
 * are the receiver's imports from Norway. An exporter's flow looks past
 * other senders' flows of earlier paragraphs for its own ("Russian
 * pipeline supplies grew by 5%" after flows from Russia and Norway into
 * the EU); after another sender's flow in its own paragraph it goes to
 * that flow's receiver ("Shipments from Iraq fell 5%, and Brazil's
 * deliveries climbed 12%": into China). */
static void
pair_flow(struct xstate *x, const struct qrec *q, struct label *l)
{
	const char *dot = strchr(l->metric, '.');
	int imports, only_last;

	if (dot == NULL || l->partner[0] || !l->entity[0] ||
	    strchr(l->entity, '+'))
		return;
	imports = strncmp(dot, ".imports.", 9) == 0;
	if (!imports && strncmp(dot, ".exports.", 9) != 0)
		return;
	if (strstr(dot, ".share") || says_whole(x, q))
		return;
	/* its holder named before it, or the holder of the flow just
	 * before in its sentence ("U.S.-bound exports gained 7.5 percent
	 * and imports rose 9.1 percent": Japan's, from the US) */
	only_last = !named_before(x, q, l->entity);
	if (only_last && (x->nfollow == 0 ||
	    x->follow[x->nfollow - 1].block != x->nblock ||
	    x->follow[x->nfollow - 1].sent != q->sent ||
	    strcmp(x->follow[x->nfollow - 1].l.entity, l->entity) != 0))
		return;
	for (int i = x->nfollow - 1; i >= 0; i--) {
		const struct label *f = &x->follow[i].l;
		const char *fd = strchr(f->metric, '.');
		const char *other;
		char m[FIG_METRIC_MAX], two[FIG_ENTITY_MAX];
		if (x->nblock - x->follow[i].block > 2 ||
		    (only_last && i < x->nfollow - 1))
			return;
		if (fd && strncmp(fd, ".turnover.", 10) == 0 &&
		    pair_side(f->entity, l->entity, two, sizeof two))
			other = two;	/* "Trade between Russia and China
					   grew." then "Russia's exports
					   rose" */
		else if (fd == NULL || !f->partner[0] || (strncmp(fd,
		    ".exports.", 9) != 0 && strncmp(fd, ".imports.", 9) != 0))
			continue;
		else if (strcmp(f->entity, l->entity) == 0)
			other = f->partner;
		else if (strcmp(f->partner, l->entity) == 0)
			other = f->entity;
		else if (!imports && x->follow[i].block != x->nblock)
			continue;	/* another sender's, before */
		else if (!imports && strncmp(fd, ".exports.", 9) == 0 &&
		    !strstr(fd, ".share"))
			other = f->partner;	/* its paragraph's receiver */
		else if (imports && receiver_run(x, i))
			continue;	/* another sender into the receiver */
		else
			return;		/* the last flow was another pair's */
		if (strchr(other, '+'))
			return;
		if (imports && other == f->partner && receiver_run(x, i)) {
			snprintf(m, sizeof m, "%.*s.exports.%s",
			    (int)(dot - l->metric), l->metric, dot + 9);
			claim_setfield(l->partner, sizeof l->partner, other);
			claim_setfield(l->metric, sizeof l->metric, m);
		} else if (imports) {	/* X's imports: the partner's exports */
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

/* "Vietnam's exports to the US rose 25%, while imports from China
 * climbed 18%": a sender named with no receiver, in a sentence whose
 * first actor holds a flow labelled before it in the sentence, sends to
 * that actor (the country the sentence reports on), not to the
 * receiver of that flow. Fills partner, or leaves it empty. */
static void
sentence_receiver(struct xstate *x, const struct qrec *q,
    const char *entity, char *partner, size_t n)
{
	const char *first = first_holder(x, x->csent[q->sent].start,
	    q->q.start);

	if (first == NULL || strcmp(first, entity) == 0)
		return;
	for (int i = x->nfollow - 1; i >= 0; i--) {
		const struct followed *f = &x->follow[i];
		if (f->block != x->nblock || f->sent != q->sent)
			return;
		if (strcmp(f->l.entity, first) == 0 && f->l.partner[0] &&
		    flow_way(f->l.metric) != NULL) {
			claim_setfield(partner, n, first);
			return;
		}
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

/* "Arrivals from Russia surged 36.3 percent" under the title "China's
 * coal imports from Russia and Mongolia jump": the buyer of a flow the
 * text names only by its sender is the first actor of the title that is
 * not the sender nor named as one ("from Russia"), or NULL. */
static const char *
title_buyer(struct xstate *x, const char *sender)
{
	const struct fig_rules *r = x->r;
	const char *t = x->meta->title;
	size_t n = strlen(t), at = 0;

	if (!x->title_from_meta && !x->title_headline)
		return NULL;
	while (at < n && rules_match(r, &r->anyentity, t, n, at, 0, x->md,
	    NULL) > 0) {
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
		const char *e = rules_entity(r, t + ov[0], ov[1] - ov[0]);
		if (e && strcmp(e, sender) != 0 && !after_from(t, ov[0]))
			return e;
		at = ov[1] > at ? ov[1] : at + 1;
	}
	return NULL;
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

/* Makes label l's metric the subject of metric (the part before its
 * first dot, or all of it: a subject's name) with measure (".exports.
 * value"), a subject the text names. measure may point into l. */
static void
take_subject(struct label *l, const char *metric, const char *measure)
{
	const char *dot = strchr(metric, '.');
	char m[FIG_METRIC_MAX];

	snprintf(m, sizeof m, "%.*s%s", (int)(dot ? (size_t)(dot - metric) :
	    strlen(metric)), metric, measure);
	claim_setfield(l->metric, sizeof l->metric, m);
	l->fallback = 0;
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
		take_subject(l, f->metric, dot);
		return;
	}
}

/* "China bought far more Russian coal in September: its imports from
 * Russia soared 83 percent, while arrivals from Australia rose 33.6
 * percent": a flow whose subject is the topic's default takes the goods
 * its sentence names before it as what a verb of trade moves. */
static void
traded_subject(struct xstate *x, int qi, struct label *l)
{
	const struct qrec *q = &x->qs[qi];
	const char *way = flow_way(l->metric), *sj;

	if (way == NULL || strstr(way, ".share") || (sj = traded_subject_in(x,
	    x->csent[q->sent].start, q->q.start)) == NULL)
		return;
	take_subject(l, sj, way);
}

/* "Coal exports from Indonesia to China soared 83 percent, while
 * shipments to India rose 12 percent": a flow whose subject is the
 * topic's default takes the subject of a flow its sentence labelled
 * before it from the same holder, the same way. */
static void
sibling_subject(const struct xstate *x, int qi, struct label *l)
{
	const struct qrec *q = &x->qs[qi];
	const char *way = flow_way(l->metric);

	if (way == NULL || strstr(way, ".share"))
		return;
	for (int i = x->nfollow - 1; i >= 0; i--) {
		const struct followed *f = &x->follow[i];
		const char *fw = flow_way(f->l.metric);
		if (f->block != x->nblock || f->sent != q->sent)
			return;
		if (f->l.fallback || fw == NULL || strncmp(fw, way, 9) != 0 ||
		    strstr(fw, ".share") || strcmp(f->l.entity, l->entity) != 0)
			continue;
		take_subject(l, f->l.metric, way);
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
		take_subject(l, f->l.metric, dot);
		return;
	}
}

/* Does sentence si of the block name actor e, and only as where goods
 * go or come from (side_named: "Imports from the U.S. declined 12%")? */
static int
named_as_side(struct xstate *x, int si, const char *e)
{
	const struct fig_span *cs = &x->csent[si];
	int side = 0;

	for (int i = actors_from(x, cs->start); i < x->nments &&
	    x->ments[i].start < cs->end; i++)
		if (strcmp(x->ments[i].name, e) == 0) {
			if (!x->ments[i].side)
				return 0;
			side = 1;
		}
	return side;
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
		x->follow[x->nfollow].first = first_entity(x,
		    x->csent[q->sent].start, x->csent[q->sent].end);
		x->follow[x->nfollow].sided = named_as_side(x, q->sent,
		    q->label[i].entity);
		memcpy(x->follow[x->nfollow].unit, q->q.unit_name,
		    sizeof x->follow[x->nfollow].unit);
		x->follow[x->nfollow++].block = x->nblock;
	}
}


/* The subject capitalised words s[0, n) name that name no actor as a
 * whole: all of them ("Automobile"), or the last ones after an actor
 * ("Chinese EV", "South Korean Chip": entity filled); NULL when none. */
static const char *
actor_subject(struct xstate *x, const char *s, size_t n, char *entity,
    size_t en)
{
	for (size_t k = n; k-- > 0;) {
		const char *sj;
		if (s[k] != ' ' || (sj = subject_of(x, s + k + 1, n - k - 1))
		    == NULL)
			continue;
		actor_name(x, s, k, entity, en);
		if (entity[0])
			return sj;
	}
	return subject_of(x, s, n);
}

/* "Airbus delivered 63 jets", "Samsung sold 60 million smartphones": a
 * count of goods its seller sold, delivered or shipped, with no buyer
 * named, is a maker's sales, not a flow across a border; goods
 * "exported", or sold "abroad" or "overseas", are one. Looks at the
 * three words before the figure in x->ctx and the few after it. */
static int
sold_at_home(const struct xstate *x)
{
	static const char *const sold[] = { "sold", "delivered", "shipped",
	    "supplied", "selling", "delivering", "shipping", "supplying",
	    "sells", "delivers", "ships", "supplies", NULL };
	const char *c = x->ctx.data;
	size_t i = x->ctx_qs, to = x->ctx_qe + 60;
	int verb = 0;

	for (int w = 0; w < 3 && i > 0 && !verb; w++) {
		size_t end;
		while (i > 0 && c[i - 1] == ' ')
			i--;
		end = i;
		while (i > 0 && isalpha((unsigned char)c[i - 1]))
			i--;
		if (end == i)
			break;		/* a comma, a figure: another phrase */
		verb = one_of(c, i, end, sold);
	}
	if (to > x->ctx.len)
		to = x->ctx.len;
	return verb && !has_word(c, x->ctx_qe, to, "abroad") &&
	    !has_word(c, x->ctx_qe, to, "overseas");
}

/* Goods counted in pieces are a flow (of topic t, an export or an
 * import) only where the text names them:
 * the subject of the figure's own words ("409,800 vehicles"), else the
 * one its pattern named ("NEV exports ... 124,000 units"), never the
 * topic's default nor the context's; and a count of anything else
 * ("exports reached 40 countries") is none. Returns the subject, or
 * NULL. */
static const char *
counted_subject(struct xstate *x, const struct fig_topic *t,
    const char *subject)
{
	/* words that end a count's quote and count nothing of their own:
	 * pieces, and the scale words of a bare number ("2.34 million") */
	static const char *const pieces[] = { "unit", "units", "piece",
	    "pieces", "item", "items", "set", "sets", "head", "thousand",
	    "million", "billion", "mn", "mln", "bn", "bln", "m", "k", "lakh",
	    "crore", NULL };
	const char *c = x->ctx.data, *sj;
	size_t qs = x->ctx_qs + strlen(QOPEN), e = x->ctx_qe - strlen(QCLOSE);
	size_t w = e;
	const struct qrec *q = &x->qs[x->cur_q];

	/* "three key chemicals": kinds of goods, not a shipment */
	if ((q->q.numflags & FIG_NUM_WORD) && q->q.value < 1000)
		return NULL;
	if ((sj = subject_in(x, c, qs, e)) != NULL)
		return sj;
	while (w > qs && isalpha((unsigned char)c[w - 1]))
		w--;
	if (w < e) {
		int known = 0;
		for (int k = 0; pieces[k] && !known; k++)
			known = strlen(pieces[k]) == e - w &&
			    strncasecmp(c + w, pieces[k], e - w) == 0;
		if (!known)
			return NULL;
	}
	return subject == t->subject ? NULL : subject;
}

/* Reads group g of the match of topic t's pattern in x->ctx, an
 * {ACTOR}, into out. A capitalised word that names no actor may name
 * the subject ("Automobile exports dipped 26.6%", "LNG imports from
 * Qatar rose"): *subject is then that subject. */
static void
group_actor(struct xstate *x, const struct fig_topic *t,
    const PCRE2_SIZE *ov, int g, char *out, size_t n, const char **subject)
{
	const char *s = x->ctx.data + ov[2 * g];
	size_t len = ov[2 * g + 1] - ov[2 * g];
	const char *sj;

	actor_name(x, s, len, out, n);
	if (!out[0] && t->templ && (sj = subject_of(x, s, len)) != NULL)
		*subject = sj;
}

/* The sides a lead line's own groups name, as its pattern (just
 * matched, in x->md) has them: "(?<partner>{ACTOR}) ... imports from
 * (?<entity>{ACTOR})" over a list of goods ("The top U.S. imports from
 * Mexico were:"); "" where it has none. */
static void
lead_sides(struct xstate *x, const struct fig_re *lead,
    char side[2][FIG_ENTITY_MAX])
{
	static const char *const names[2] = { "entity", "partner" };
	const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);

	for (int k = 0; k < 2; k++) {
		int g = named_group(lead->code, names[k], ov);
		if (g > 0)
			actor_name(x, x->lead.data + ov[2 * g],
			    ov[2 * g + 1] - ov[2 * g], side[k],
			    FIG_ENTITY_MAX);
	}
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
	char lead_side[2][FIG_ENTITY_MAX];
	size_t from = 0, to = x->ctx.len;
	int hit = 0, rc;

	entity[0] = partner[0] = '\0';
	lead_side[0][0] = lead_side[1][0] = '\0';
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
		else
			lead_sides(x, &t->lead[i], lead_side);
	if (t->follow && (fl = followed_label(x, t)) == NULL)
		return 0;
	for (int i = 0; i < t->nrequire; i++) {
		int id = x->ctx_cut ? -1 : t->req_id[i];
		if (id >= 0 && x->reqmemo[id] >= 0)
			rc = x->reqmemo[id];
		else if (!may_match(x, &t->require[i]))
			rc = 0;
		else if ((rc = rules_match_upto(r, &t->require[i],
		    x->ctx.data, x->ctx.len, 0, (size_t)-1, x->mctx, x->md,
		    x->err)) < 0)
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
		if ((rc = tail_may(x, &t->pattern[i], from, to)) <= 0) {
			if (rc < 0)
				return -1;
			continue;
		}
		if ((rc = rules_match_upto(r, &t->pattern[i], x->ctx.data, to,
		    from, x->mark_last, x->mctx, x->md, x->err)) < 0)
			return -1;
		if (rc == 0)
			continue;
		hit = 1;
		ov = pcre2_get_ovector_pointer(x->md);
		g = named_group(t->pattern[i].code, "entity", ov);
		if (g > 0) {
			group_actor(x, t, ov, g, entity, en, &subject);
			x->from_sender = after_from(x->ctx.data, ov[2 * g]);
			/* capitalised words that name no actor may name the
			 * subject, or end in it: "Automobile exports dipped
			 * 26.6%", "Chinese EV exports totalled" */
			if (!entity[0] && t->templ) {
				const char *sj = actor_subject(x, x->ctx.data +
				    ov[2 * g], ov[2 * g + 1] - ov[2 * g], entity,
				    en);
				if (sj)
					subject = sj;
			}
		}
		g = named_group(t->pattern[i].code, "entity2", ov);
		if (g > 0 && entity[0]) {
			/* "China's trade with Russia": both are the actor */
			char two[FIG_ENTITY_MAX];
			actor_name(x, x->ctx.data + ov[2 * g],
			    ov[2 * g + 1] - ov[2 * g], two, sizeof two);
			if (two[0] && strlen(entity) + strlen(two) + 2 <= en) {
				strcat(entity, "+");
				strcat(entity, two);
				sort_joint(entity, en);
			}
		}
		g = named_group(t->pattern[i].code, "partner", ov);
		if (g > 0)
			group_actor(x, t, ov, g, partner, en, &subject);
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
	if (!entity[0] && lead_side[0][0])
		claim_setfield(entity, en, lead_side[0]);
	if (!partner[0] && lead_side[1][0])
		claim_setfield(partner, en, lead_side[1]);
	for (int i = 0; i < t->nunless; i++) {
		if (!may_match(x, &t->unless[i]))
			continue;
		/* with the thread's state: a veto may name the subject
		 * lexicon, whose ends the patterns found in this context */
		if ((rc = rules_match_upto(r, &t->unless[i], x->ctx.data, to,
		    from, (size_t)-1, x->mctx, x->md, x->err)) < 0)
			return -1;
		if (rc > 0)
			return 0;
	}
	/* an item of a list that names no goods: its lead line may
	 * ("Japan's LNG imports by supplier:" over "- from Qatar, down
	 * 12%") */
	if (t->templ && subject == t->subject && t->nlead > 0) {
		const char *sj = subject_in(x, x->lead.data, 0, x->lead.len);
		if (sj)
			subject = sj;
	}
	if (t->templ && !t->follow && flow_way(t->metric) != NULL &&
	    strcmp(x->qs[x->cur_q].q.unit_name, "count") == 0 &&
	    ((!partner[0] && sold_at_home(x)) ||
	    (subject = counted_subject(x, t, subject)) == NULL))
		return 0;
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
		if (subject == t->subject && t->subject_ctx) {
			/* the context's subject, else the default after
			 * "@context", else none */
			const char *sc = subject_before(x, &x->qs[x->cur_q]);
			if (sc == NULL && t->subject[0] == '\0')
				sc = volume_subject(x, sjbuf, sizeof sjbuf);
			if (sc == NULL && t->subject[0] == '\0')
				return 0;
			if (sc)
				subject = sc;
		}
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

/* Keeps the labels of q that drop(q, i) does not drop, in their order;
 * drop sees every label as it was. */
static void
filter_labels(struct qrec *q, int (*drop)(const struct qrec *, int))
{
	struct label kept[MAX_LABELS];
	int k = 0;

	for (int i = 0; i < q->nlabel; i++)
		if (!drop(q, i))
			kept[k++] = q->label[i];
	memcpy(q->label, kept, (size_t)k * sizeof *kept);
	q->nlabel = k;
}

/* A label carried from a figure before (a follow topic's) where the
 * figure's own words name the same measure of other goods: "China bought
 * 51.4% more Brazilian soybeans" after a paragraph on Russia's gas is
 * soybeans, not the gas the paragraph before was of. */
static int
followed_other(const struct qrec *q, int i)
{
	const struct label *l = &q->label[i];
	const char *m = strchr(l->metric, '.');

	if (!l->followed || m == NULL)
		return 0;
	for (int j = 0; j < q->nlabel; j++) {
		const char *om = strchr(q->label[j].metric, '.');
		if (!q->label[j].followed && om && strcmp(om, m) == 0)
			return 1;
	}
	return 0;
}

/* Of two labels of one measure, one whose subject the text names
 * ("oil.exports.change", from the flow in barrels before it) and one
 * with the topic's default ("trade.exports.change"), the default goes:
 * it is the same figure read with less. */
static int
unnamed_subject(const struct qrec *q, int i)
{
	const char *mi = strchr(q->label[i].metric, '.');

	if (!q->label[i].fallback || mi == NULL)
		return 0;
	for (int j = 0; j < q->nlabel; j++) {
		const char *mj = strchr(q->label[j].metric, '.');
		if (j != i && !q->label[j].fallback && mj &&
		    strcmp(mi, mj) == 0)
			return 1;
	}
	return 0;
}

/* Fills the sides a label of topic t for figure q leaves out: whose
 * figure (a topic's own, else the nearest actor that is not the
 * partner) and, where the topic says so, the partner (the other side
 * the context names: "imports from Russia" in a report on China), or
 * the pair. named: the topic's pattern named the entity. entity and
 * partner hold n bytes each. */
static void
fill_sides(struct xstate *x, const struct qrec *q, const struct fig_topic *t,
    const char *metric, char *entity, char *partner, size_t n, int named)
{
	const char *te;

	/* a list item's actor is the lead line's ("imports to Russia:"),
	 * not the item's before */
	if (!entity[0] && t->nlead > 0) {
		const char *e = entity_in(x, x->lead.data, 0, x->lead.len,
		    partner[0] ? partner : NULL);
		if (e)
			claim_setfield(entity, n, e);
	}
	if (!entity[0] && !partner[0] && (t->fill & FIG_NEAREST_PARTNER))
		nearest_partner(x, q, partner, n);
	if (!entity[0] && partner[0])
		pronoun_holder(x, q, partner, entity, n);
	if (!entity[0] && partner[0])
		pronoun_sender(x, q, partner, entity, n);
	/* a flow naming only its partner, or no one at all in its
	 * sentence (an appositive's actor aside), is the holder's of the
	 * flow before */
	if (!entity[0] && (partner[0] || !first_entity(x,
	    x->csent[q->sent].start, x->csent[q->sent].end) ||
	    aside_actors(x, q))) {
		flow_holder(x, q, metric, partner, entity, n);
		if (!partner[0] && entity[0] && !label_fallback(x, t, metric))
			goods_partner(x, q, metric, entity, partner, n);
	}
	if (!entity[0] && partner[0])
		share_importer(x, metric, partner, entity, n);
	if (!entity[0] && partner[0])
		other_holder(x, q, partner, flow_sides(metric), entity, n);
	else if (!entity[0])
		nearest_holder(x, q, flow_sides(metric), entity, n);
	/* a sender the pattern names with no receiver ("Malaysia supplied
	 * 7.09 million tons" after a flow into China) sends to the
	 * receiver of the flow before */
	if (!partner[0] && entity[0] && x->from_sender &&
	    (t->fill & FIG_FILL_PARTNER))
		sentence_receiver(x, q, entity, partner, n);
	if (!partner[0] && entity[0] && (x->from_sender || named) &&
	    (t->fill & FIG_FILL_PARTNER))
		flow_receiver(x, metric, entity, partner, n);
	if (!partner[0] && entity[0] && x->from_sender &&
	    (t->fill & FIG_FILL_PARTNER) &&
	    (te = title_buyer(x, entity)) != NULL)
		claim_setfield(partner, n, te);
	if (!partner[0] && entity[0] && (t->fill & FIG_FILL_PARTNER)) {
		other_actor(x, q, entity, partner, n);
		if (sibling_actor(x, q, partner))
			partner[0] = '\0';
	}
	if ((t->fill & FIG_FILL_PAIR) && entity[0] && !strchr(entity, '+')) {
		char two[FIG_ENTITY_MAX];
		/* an item naming one side ("- with ASEAN it rose by 7.6%")
		 * under a lead line naming the other ("China's trade with
		 * its partners:") */
		const char *le = t->nlead > 0 && x->in_item && x->lead.len >
		    0 ? entity_in(x, x->lead.data, 0, x->lead.len, entity) :
		    NULL;
		if (le)
			claim_setfield(two, sizeof two, le);
		else
			other_actor_at(x, q, entity, 1, two, sizeof two);
		if (two[0] && strlen(entity) + strlen(two) + 2 <= n) {
			strcat(entity, "+");
			strcat(entity, two);
			sort_joint(entity, n);
		}
	}
}

/* May a pattern of topic ti match in the current figure's sentence
 * (may_match)? A topic none of whose patterns may is no label, whatever
 * its subject, lead line, list or requires say: those are not asked.
 * Answered once a sentence for all its figures (x->topicmemo). */
static int
topic_may(struct xstate *x, int ti)
{
	const struct fig_topic *t = &x->r->topics[ti];
	int may = 0;

	if (x->topicmemo[ti] >= 0)
		return x->topicmemo[ti];
	for (int i = 0; i < t->npattern && !may; i++)
		may = may_match(x, &t->pattern[i]);
	x->topicmemo[ti] = (signed char)may;
	return may;
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
	if (r->nunit_ids > 0)
		memset(x->unitmemo, -1, (size_t)r->nunit_ids);
	if (x->memo_sent != q->sent) {
		if (r->nreq_ids > 0)
			memset(x->reqmemo, -1, (size_t)r->nreq_ids);
		if (r->ntopics > 0)
			memset(x->topicmemo, -1, (size_t)r->ntopics);
		x->memo_sent = q->sent;
	}
	for (int i = 0; i < r->ntopics; i++) {
		const struct fig_topic *t = &r->topics[i];
		char entity[FIG_ENTITY_MAX], partner[FIG_ENTITY_MAX];
		char metric[FIG_METRIC_MAX];
		int dup = 0, m, named;

		if (t->unit_id >= 0 && x->unitmemo[t->unit_id] < 0)
			x->unitmemo[t->unit_id] = (signed char)unit_in(t->unit,
			    unit, cls);
		if (t->unit_id >= 0 && !x->unitmemo[t->unit_id])
			continue;
		/* a pronoun's flow ("In 2017 it increased by 20.8%") is
		 * for a figure no topic before labelled from its own words
		 * or its lead line ("Bilateral turnover in earlier years:"
		 * then "- in 2016 it increased by 2.2%") */
		if ((t->follow & FIG_FOLLOW_LAST) && q->nlabel > 0)
			continue;
		if (!topic_may(x, i))
			continue;
		if ((m = topic_matches(x, t, metric, entity, partner,
		    sizeof entity, x->csent[q->sent].end)) < 0)
			return -1;
		if (m == 0)
			continue;
		named = entity[0] != '\0';
		for (int k = 0; k < q->nlabel; k++)
			if (strcmp(q->label[k].metric, metric) == 0)
				dup = 1;
		if (dup || q->nlabel == MAX_LABELS)
			continue;
		fill_sides(x, q, t, metric, entity, partner, sizeof entity,
		    named);
		if (entity[0] && strcmp(entity, partner) == 0)
			continue;
		q->label[q->nlabel].topic = i;
		q->label[q->nlabel].fallback = label_fallback(x, t, metric);
		q->label[q->nlabel].followed = t->follow != 0;
		claim_setfield(q->label[q->nlabel].metric, FIG_METRIC_MAX,
		    metric);
		claim_setfield(q->label[q->nlabel].partner, FIG_ENTITY_MAX,
		    partner);
		claim_setfield(q->label[q->nlabel++].entity, FIG_ENTITY_MAX,
		    entity);
	}
	filter_labels(q, unnamed_subject);
	for (int i = 0; i < q->nlabel; i++) {
		pair_flow(x, q, &q->label[i]);
		verb_subject(x, qi, &q->label[i]);
		part_subject(x, qi, &q->label[i]);
		if (q->label[i].fallback)
			traded_subject(x, qi, &q->label[i]);
		if (q->label[i].fallback)
			sibling_subject(x, qi, &q->label[i]);
		if (q->label[i].fallback)
			flow_subject(x, &q->label[i]);
		if (q->label[i].fallback)
			physical_subject(x, qi, &q->label[i]);
	}
	drop_same_metric(q);
	filter_labels(q, followed_other);
	filter_labels(q, exporters_imports);
	drop_directed_levels(q);
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

/* A twin in brackets no topic labelled, money after money or goods
 * after goods, is the same amount as the figure before it in other
 * terms: its labels ("shipped 329.3 billion yen (US$3 billion) worth of
 * goods to South Korea"); not a percent after an amount ("up by 7.2
 * billion kWh (7%)"), which is another figure. */
static void
twin_labels(struct xstate *x, int qi)
{
	struct qrec *q = &x->qs[qi];
	const struct qrec *p = &x->qs[qi - 1];
	const char *cq, *cp;

	if (!q->twin || p->nlabel == 0)
		return;
	cq = rules_unit_class(x->r, q->q.unit_name);
	cp = rules_unit_class(x->r, p->q.unit_name);
	if (cq == NULL || cp == NULL || strcmp(cq, cp) != 0 ||
	    (strcmp(cq, "money") != 0 && strcmp(cq, "physical") != 0))
		return;
	memcpy(q->label, p->label, sizeof q->label);
	q->nlabel = p->nlabel;
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

/* Does cue re match the context of the figure x->ctx holds? A cue split
 * into its alternatives (fig_re.alt) runs each alone where the sentence
 * holds its words: it matches where one of them does. x->md is scratch
 * after it. */
int
cue_on(struct xstate *x, const struct fig_re *re)
{
	if (re->code == NULL || !may_match(x, re))
		return 0;
	if (re->nalt == 0)
		return rules_match_upto(x->r, re, x->ctx.data, x->ctx.len, 0,
		    x->mark_last, x->mctx, x->md, NULL) > 0;
	for (int i = 0; i < re->nalt; i++)
		if (may_match(x, &re->alt[i]) && rules_match_upto(x->r,
		    &re->alt[i], x->ctx.data, x->ctx.len, 0, x->mark_last,
		    x->mctx, x->md, NULL) > 0)
			return 1;
	return 0;
}

/* Does figure i stand in brackets right after figure i - 1 of its
 * sentence, the same amount in other terms ("62.5 billion euros ($67.8
 * billion)")? Not one in the same unit ("11.6 million tonnes (13.4
 * million tonnes)"), which is another amount. */
static int
bracket_twin(const struct xstate *x, int i)
{
	const char *c = x->clean.data;
	const struct qrec *q = &x->qs[i], *p = &x->qs[i - 1];
	size_t a, e = q->q.end;
	int open = 0;

	if (i == 0 || p->sent != q->sent ||
	    strcmp(p->q.unit_name, q->q.unit_name) == 0)
		return 0;
	for (a = p->q.end; a < q->q.start; a++)
		if (c[a] == '(' && !open)
			open = 1;
		else if (c[a] != ' ')
			return 0;
	if (!open && c[q->q.start] != '(')
		return 0;
	if (c[e - 1] == ')')
		return 1;
	while (e < x->clean.len && c[e] == ' ')
		e++;
	return e < x->clean.len && c[e] == ')';
}

/* Where the first figure after figure qi in its sentence starts (its
 * bracketed twin passed over), else the sentence's end. */
size_t
next_figure(const struct xstate *x, int qi)
{
	int sent = x->qs[qi].sent;

	for (int i = qi + 1; i < x->nq && x->qs[i].sent == sent; i++)
		if (!(i == qi + 1 && x->qs[i].twin))
			return x->qs[i].q.start;
	return x->csent[sent].end;
}

/* A run of years p ("2021/2025") as its last year: the level a run
 * ends at ("slip 1% to 21% from 2021 to 2025", "a CAGR of 10% from 2022
 * to 2025, reaching 9.2 million wpm") is of that year. Any other period
 * stays as it is. */
static void
run_end_year(char p[FIG_PERIOD_LEN])
{
	if (strlen(p) == 9 && p[4] == '/' && strspn(p, "0123456789") == 4 &&
	    strspn(p + 5, "0123456789") == 4)
		memmove(p, p + 5, 5);
}

/* Is figure qi the one before it said again after ", or" ("53.7 million
 * tonnes, or 12.7 million bpd"), in its sentence? */
static int
restated(const struct xstate *x, int qi)
{
	const char *c = x->clean.data;
	const struct qrec *p = &x->qs[qi - 1], *q = &x->qs[qi];
	size_t i = p->q.end;

	if (p->sent != q->sent || i >= q->q.start || c[i] != ',')
		return 0;
	for (i++; i < q->q.start && c[i] == ' '; i++)
		;
	if (i + 3 > q->q.start || strncasecmp(c + i, "or ", 3) != 0)
		return 0;
	for (i += 3; i < q->q.start && c[i] == ' '; i++)
		;
	return i == q->q.start;
}

/* Marks each figure of the block that is a comparison's base ("up from
 * 20 percent"), before the dates are read: a base's own date ("up from
 * 441,926 tonnes in March 2020") is no year a month named after it
 * without one ("in February") is of. Marks an outlook's figure too
 * ("raised its forecast for the harvest to 89.2 million tonnes") and the
 * level a run of time ends at ([cue reached]); a figure's twin in
 * brackets is what the figure is. */
void
mark_bases(struct xstate *x)
{
	const struct fig_rules *r = x->r;

	for (int i = 0; i < x->nq; i++) {
		struct qrec *q = &x->qs[i];
		if ((q->twin = bracket_twin(x, i)) != 0) {
			q->base = x->qs[i - 1].base;
			q->estimate = x->qs[i - 1].estimate;
			q->goal = x->qs[i - 1].goal;
			q->reached = x->qs[i - 1].reached;
			continue;
		}
		build_context(x, q);
		q->base = cue_on(x, &r->baseline);
		q->goal = !q->base && cue_on(x, &r->goal);
		q->estimate = !q->base && !q->goal && cue_on(x, &r->estimate);
		q->reached = !q->base && cue_on(x, &r->reached);
		/* an outlook's figure said again in another unit is one */
		if (!q->base && !q->goal && i > 0 && x->qs[i - 1].estimate &&
		    restated(x, i))
			q->estimate = 1;
	}
}

/* Does c[from, to) join two names of one buyer ("China, together with
 * Hong Kong", "Japan and Korea")? */
static int
buyers_joined(const char *c, size_t from, size_t to)
{
	static const char *const join[] = { ", together with ",
	    " together with ", ", along with ", " along with ", " and ",
	    " plus ", NULL };

	return joined_by_word(c, from, to, join);
}

/* The latest export flow labelled at or before x->follow[from] in the
 * three blocks before a list's lead line (buyer_item, buyer_metric):
 * its index, or -1. */
static int
export_before_lead(const struct xstate *x, int from)
{
	for (int k = from; k >= 0; k--) {
		const char *m = strchr(x->follow[k].l.metric, '.');
		if (x->follow[k].block >= x->lead_block)
			continue;
		if (x->lead_block - x->follow[k].block > 3)
			break;
		if (m && strncmp(m, ".exports.", 9) == 0)
			return k;
	}
	return -1;
}

/* "Among the 20 biggest buyers so far this year:" over "- Chile, third,
 * expanded its purchases by 23.1%": a list item under a lead line on the
 * buyers of goods ([cue buyers]) that opens with an actor, before any
 * comma or figure, names the buyer: the partner of the item's flows
 * (two joined: "China, together with Hong Kong," is "CHN+HKG"). The
 * seller is the lead line's actor ("The top buyers of U.S. soybeans"),
 * else the holder of the last export flow labelled in the three blocks
 * before the lead line. Fills entity and partner (n bytes each) and
 * returns 1, or returns 0. */
static int
buyer_item(struct xstate *x, char *entity, char *partner, size_t n)
{
	const struct fig_rules *r = x->r;
	const char *c = x->clean.data, *e;
	size_t lim = x->nq > 0 ? x->qs[0].q.start : x->clean.len;
	int i;

	if (!x->in_item || x->lead.len == 0 || r->buyers.code == NULL ||
	    rules_match(r, &r->buyers, x->lead.data, x->lead.len, 0, 0, x->md,
	    NULL) <= 0)
		return 0;
	i = actors_from(x, 0);
	if (i >= x->nments || x->ments[i].start >= lim ||
	    x->ments[i].start > 40)
		return 0;
	for (size_t k = 0; k < x->ments[i].start; k++)
		if (c[k] == ',' || c[k] == ';' || c[k] == ':' ||
		    isdigit((unsigned char)c[k]))
			return 0;
	claim_setfield(partner, n, x->ments[i].name);
	if (i + 1 < x->nments && x->ments[i + 1].start < lim &&
	    buyers_joined(c, x->ments[i].end, x->ments[i + 1].start) &&
	    strlen(partner) + strlen(x->ments[i + 1].name) + 2 <= n) {
		strcat(partner, "+");
		strcat(partner, x->ments[i + 1].name);
		sort_joint(partner, n);
	}
	entity[0] = '\0';
	if ((e = entity_in(x, x->lead.data, 0, x->lead.len, NULL)) != NULL &&
	    strstr(partner, e) == NULL)
		claim_setfield(entity, n, e);
	for (int k = export_before_lead(x, x->nfollow - 1); !entity[0] &&
	    k >= 0; k = export_before_lead(x, k - 1)) {
		const struct label *l = &x->follow[k].l;
		if (l->entity[0] && !strchr(l->entity, '+') &&
		    !strstr(partner, l->entity))
			claim_setfield(entity, n, l->entity);
	}
	return entity[0] != '\0';
}

/* The metric of an amount of a buyers' list item no topic labelled
 * ("- Mexico, 3,223,844 tonnes, accounting for 9.2%" under "The top
 * buyers of U.S. soybeans in fiscal 2009:"): the goods of the lead line,
 * else of the export flow before it whose holder buyer_item took; an
 * amount of goods is their exports' volume, money their value, a change
 * ("increase of 96.3%", "reduced its purchases by 54.9%") their change, a
 * part of the total ("56.9% of the total", "accounting for 9.2%") their
 * share. Fills metric (n bytes) or leaves it empty. */
static void
buyer_metric(struct xstate *x, const struct qrec *q, char *metric,
    size_t n)
{
	static const char *const shares[] = { "of the total", "accounting for",
	    "share", NULL };
	static const char *const changes[] = { "increase", "decrease", "rise",
	    "fall", "drop", "decline", "expanded", "reduced", "cut", "grew",
	    NULL };
	const char *c = x->clean.data, *cls, *measure = NULL;
	const char *sj = subject_in(x, x->lead.data, 0, x->lead.len);
	size_t ss = x->csent[q->sent].start, se = x->csent[q->sent].end;
	int fk;

	metric[0] = '\0';
	fk = sj == NULL ? export_before_lead(x, x->nfollow - 1) : -1;
	if (fk >= 0) {
		const char *m = x->follow[fk].l.metric;
		snprintf(metric, n, "%.*s", (int)(strchr(m, '.') - m), m);
		sj = metric;
	}
	if (sj == NULL || strcmp(sj, "trade") == 0)
		goto none;
	cls = rules_unit_class(x->r, q->q.unit_name);
	if (cls && strcmp(cls, "money") == 0)
		measure = "value";
	else if (cls && strcmp(cls, "physical") == 0)
		measure = "volume";
	else if (strcmp(q->q.unit_name, "percent") == 0) {
		for (int k = 0; changes[k] && !measure; k++)
			if (text_find_nocase(c, ss, q->q.start, changes[k],
			    strlen(changes[k])) < q->q.start ||
			    text_find_nocase(c, q->q.end, se, changes[k],
			    strlen(changes[k])) < se)
				measure = "change";
		for (int k = 0; shares[k] && !measure; k++)
			if (text_find_nocase(c, ss, se, shares[k],
			    strlen(shares[k])) < se)
				measure = "share";
	}
	if (measure == NULL)
		goto none;
	{
		/* sj may be metric itself: the followed label's subject */
		char subject[64];
		size_t sl = strlen(sj);
		if (sl >= sizeof subject)
			goto none;
		memcpy(subject, sj, sl + 1);
		snprintf(metric, n, "%s.exports.%s", subject, measure);
	}
	return;
none:
	metric[0] = '\0';
}

int
claims_of(struct xstate *x, const struct fig_block *b, int qi,
    const struct mention *carry)
{
	const struct fig_rules *r = x->r;
	struct qrec *q = &x->qs[qi];
	const struct fig_span *rs = &x->sent[q->sent];
	struct fig_claim c;
	char bent[FIG_ENTITY_MAX], bpart[FIG_ENTITY_MAX];
	int rc = 0, buyer;
	size_t sn;
	const char *st;

	q->nlabel = 0;
	q->foreseen = 0;
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
	if (q->reached)
		run_end_year(c.period);
	step_change_end(x, qi, c.period);
	if (q->base) {
		c.kind = FIG_PK_BASELINE;
		base_period(x, qi, c.period);
	} else {
		/* what a goal or an outlook gives, whatever the time it is
		 * of */
		if (q->goal && c.kind == FIG_PK_OBSERVED)
			c.kind = FIG_PK_TARGET;
		else if (q->estimate && c.kind == FIG_PK_OBSERVED)
			c.kind = FIG_PK_FORECAST;
		/* the base a change is measured against, where named */
		base_period(x, qi, c.base);
	}
	q->foreseen = c.kind == FIG_PK_FORECAST;
	choose_footnote(x, qi, c.footnote, sizeof c.footnote);
	if (x->tcell)
		tables_claim(x->tcell, &c);
	if (label_figure(x, qi, c.unit) < 0) {
		claim_release(&c);
		return -1;
	}
	if (q->nlabel == 0)
		twin_labels(x, qi);
	if (q->nlabel == 0)
		inherit_labels(x, qi);
	respective_flow(x, qi);
	respective_subject(x, qi);
	if ((buyer = buyer_item(x, bent, bpart, sizeof bent)) != 0)
		for (int i = 0; i < q->nlabel; i++) {
			const char *m = strchr(q->label[i].metric, '.');
			if (m && strncmp(m, ".exports.", 9) == 0) {
				claim_setfield(q->label[i].entity,
				    FIG_ENTITY_MAX, bent);
				claim_setfield(q->label[i].partner,
				    FIG_ENTITY_MAX, bpart);
			}
		}
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
		if (says_respectively(x, q->sent)) {
			/* "Turkey and Poland adding 72 tonnes and 69
			 * tonnes, respectively": the k-th of the list */
			char list[FIG_ENTITY_MAX];
			snprintf(list, sizeof list, "%s", c.entity);
			actor_list(x, q->sent, list, sizeof list);
			respective(x, qi, list);
			if (strchr(list, '+') == NULL)
				claim_setfield(c.entity, sizeof c.entity, list);
		}
		if (buyer) {
			claim_setfield(c.entity, sizeof c.entity, bent);
			claim_setfield(c.partner, sizeof c.partner, bpart);
			buyer_metric(x, q, c.metric, sizeof c.metric);
		}
		rc = emit(x, &c);
	}
	claim_release(&c);
	return rc;
}

