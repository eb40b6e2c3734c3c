/* segment.c: blocks from lines, sentences from blocks. Only structure is
 * decided here; what counts as a claim is decided later. */
#include <stdlib.h>
#include <string.h>

#include "figtrack/segment.h"
#include "figtrack/text.h"

static void
block_reset(struct fig_block *b)
{
	buf_reset(&b->text);
	b->nlines = 0;
	b->kind = FIG_BLK_PROSE;
}

static void
block_addline(struct fig_block *b, const char *s, size_t n, long line,
    long long doc)
{
	if (b->nlines == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 8;
		b->lines = xrealloc(b->lines, (size_t)b->cap * sizeof *b->lines);
	}
	if (b->nlines > 0)
		buf_addc(&b->text, '\n');
	b->lines[b->nlines].off = b->text.len;
	b->lines[b->nlines].line = line;
	b->lines[b->nlines].doc = doc;
	b->nlines++;
	buf_add(&b->text, s, n);
}

static void
block_swap(struct fig_block *a, struct fig_block *b)
{
	struct fig_block t = *a;

	*a = *b;
	*b = t;
}

void
seg_init(struct fig_segmenter *sg, fig_block_fn emit, void *ctx)
{
	memset(sg, 0, sizeof *sg);
	sg->emit = emit;
	sg->ctx = ctx;
}

void
seg_release(struct fig_segmenter *sg)
{
	buf_release(&sg->cur.text);
	free(sg->cur.lines);
	buf_release(&sg->held.text);
	free(sg->held.lines);
	memset(sg, 0, sizeof *sg);
}

/* A paragraph that ends without closing punctuation may go on after a
 * page break: "... of Russia's machine" / "tool consumption." */
static int
ends_open(const struct fig_block *b)
{
	size_t n = b->text.len;
	const unsigned char *s = (const unsigned char *)b->text.data;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0 || b->kind != FIG_BLK_PROSE)
		return 0;
	return (s[n - 1] >= 'a' && s[n - 1] <= 'z') || s[n - 1] == ',' ||
	    (s[n - 1] >= '0' && s[n - 1] <= '9') || s[n - 1] == '-';
}

static int
emit_held(struct fig_segmenter *sg)
{
	int rc = 0;

	if (sg->have_held) {
		sg->have_held = 0;
		rc = sg->emit(sg->ctx, &sg->held);
		block_reset(&sg->held);
	}
	return rc;
}

/* Ends the current block: hold it when it may continue, else emit. */
static int
end_block(struct fig_segmenter *sg)
{
	int rc;

	if (!sg->have_cur)
		return 0;
	sg->have_cur = 0;
	if (ends_open(&sg->cur)) {
		if ((rc = emit_held(sg)) != 0)
			return rc;
		block_swap(&sg->cur, &sg->held);
		block_reset(&sg->cur);
		sg->have_held = 1;
		return 0;
	}
	if ((rc = emit_held(sg)) != 0)
		return rc;
	rc = sg->emit(sg->ctx, &sg->cur);
	block_reset(&sg->cur);
	return rc;
}

/* Lines this long are not hard-wrapped text (which wraps near 80). */
#define PARA_LINE 100

/* Does the prose block end with a whole paragraph on one line: a long
 * line that closes a sentence? Articles saved one paragraph per line,
 * with no blank line between, are read as paragraphs, not as one: a
 * date one paragraph sets is not another's. */
static int
ends_para_line(const struct fig_block *b)
{
	const unsigned char *s = (const unsigned char *)b->text.data;
	size_t start, n = b->text.len;

	if (b->kind != FIG_BLK_PROSE || b->nlines == 0)
		return 0;
	start = b->lines[b->nlines - 1].off;
	while (n > start && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n - start < PARA_LINE)
		return 0;
	/* closing quotes and brackets after the stop: ." .) .' and the
	 * curly ones (UTF-8 E2 80 9D and E2 80 99) */
	for (;;) {
		if (n > start + 1 && (s[n - 1] == '"' || s[n - 1] == '\'' ||
		    s[n - 1] == ')'))
			n--;
		else if (n > start + 3 && s[n - 3] == 0xE2 &&
		    s[n - 2] == 0x80 && (s[n - 1] == 0x9D || s[n - 1] == 0x99))
			n -= 3;
		else
			break;
	}
	return s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?';
}

static enum fig_blockkind
classify(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < n && s[i] == '#') {
		size_t k = i;
		while (k < n && s[k] == '#')
			k++;
		if (k - i <= 6 && (k == n || s[k] == ' '))
			return FIG_BLK_HEADING;
	}
	if (i < n && s[i] == '|')
		return FIG_BLK_TABLE;
	if (i + 1 < n && strchr("-*+", s[i]) && s[i + 1] == ' ')
		return FIG_BLK_ITEM;
	if (i + 2 < n && memcmp(s + i, "\xE2\x80\xA2", 3) == 0)
		return FIG_BLK_ITEM;	/* bullet */
	if (i < n && s[i] >= '0' && s[i] <= '9') {
		size_t k = i;
		while (k < n && k - i < 3 && s[k] >= '0' && s[k] <= '9')
			k++;
		if (k + 1 < n && (s[k] == '.' || s[k] == ')') && s[k + 1] == ' ')
			return FIG_BLK_ITEM;
	}
	return FIG_BLK_PROSE;
}

int
seg_line(struct fig_segmenter *sg, const char *s, size_t n, long line,
    long long doc_off)
{
	size_t tn = n;
	enum fig_blockkind kind;
	int rc;

	text_trim(s, &tn);
	if (tn == 0)
		return end_block(sg);
	kind = classify(s, n);
	if (kind != FIG_BLK_PROSE || (sg->have_cur &&
	    sg->cur.kind != FIG_BLK_PROSE && sg->cur.kind != FIG_BLK_ITEM) ||
	    (sg->have_cur && ends_para_line(&sg->cur))) {
		if ((rc = end_block(sg)) != 0)
			return rc;
	}
	if (!sg->have_cur) {
		/* a held paragraph goes on when this line starts in lower
		 * case: the sentence was cut by a page break */
		if (sg->have_held && kind == FIG_BLK_PROSE) {
			const char *t = s;
			while (*t == ' ' || *t == '\t')
				t++;
			if (*t >= 'a' && *t <= 'z') {
				block_swap(&sg->cur, &sg->held);
				sg->have_held = 0;
				sg->have_cur = 1;
				block_addline(&sg->cur, s, n, line, doc_off);
				return 0;
			}
		}
		if (kind != FIG_BLK_PROSE || sg->have_held)
			if ((rc = emit_held(sg)) != 0)
				return rc;
		block_reset(&sg->cur);
		sg->cur.kind = kind;
		sg->have_cur = 1;
	}
	block_addline(&sg->cur, s, n, line, doc_off);
	if (kind == FIG_BLK_HEADING || kind == FIG_BLK_TABLE)
		return end_block(sg);
	return 0;
}

int
seg_flush(struct fig_segmenter *sg)
{
	int rc = end_block(sg);

	if (rc == 0)
		rc = emit_held(sg);
	return rc;
}

static int
line_index(const struct fig_block *b, size_t off)
{
	int lo = 0, hi = b->nlines - 1;

	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;
		if (b->lines[mid].off <= off)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

long
seg_line_at(const struct fig_block *b, size_t off)
{
	return b->nlines ? b->lines[line_index(b, off)].line : 0;
}

long long
seg_doc_at(const struct fig_block *b, size_t off)
{
	int i;

	if (b->nlines == 0)
		return 0;
	i = line_index(b, off);
	return b->lines[i].doc + (long long)(off - b->lines[i].off);
}

/* Is the word ending just before text[dot] an abbreviation or an
 * initial ("U.S.", "e.g.", "J.")? */
static int
is_abbrev(const struct fig_rules *r, pcre2_match_data *md, const char *text,
    size_t dot)
{
	size_t s = dot;

	while (s > 0 && text[s - 1] != ' ' && text[s - 1] != '\n' &&
	    text[s - 1] != '(' && text[s - 1] != '"')
		s--;
	if (dot - s == 1 && text[s] >= 'A' && text[s] <= 'Z')
		return 1;
	/* abbreviations are short words; skip the pattern for others */
	if (dot == s || dot - s > 8 || r == NULL || r->abbrev.code == NULL)
		return 0;
	return rules_match(r, &r->abbrev, text + s, dot - s, 0, 0, md,
	    NULL) > 0;
}

/* The sentence that a '.', '!' or '?' at text[i] ends: where the next
 * one starts (past closing quotes, footnote markers and spaces), or 0
 * when it ends none (an abbreviation, no capital after, the text's
 * end). Looks back only at the word before text[i]. */
static size_t
sentence_end(const struct fig_rules *r, pcre2_match_data *md,
    const char *text, size_t len, size_t i)
{
	char c = text[i];
	size_t j = i + 1;
	long fn;
	unsigned char next;

	/* closing quotes and brackets, then footnote markers */
	for (;;) {
		if (j < len && strchr("\"')]*", text[j]) && text[j]) {
			j++;
		} else if (j + 2 < len && (unsigned char)text[j] == 0xE2
		    && (unsigned char)text[j + 1] == 0x80 &&
		    ((unsigned char)text[j + 2] == 0x9D ||
		    (unsigned char)text[j + 2] == 0x99)) {
			j += 3;	/* ” ’ */
		} else
			break;
	}
	j += text_superscript_run(text + j, len - j, &fn);
	if (j < len && text[j] == '[') {
		size_t k = j + 1;
		while (k < len && text[k] >= '0' && text[k] <= '9')
			k++;
		if (k < len && text[k] == ']' && k > j + 1)
			j = k + 1;
	}
	if (j >= len || (text[j] != ' ' && text[j] != '\n' &&
	    text[j] != '\t'))
		return 0;
	while (j < len && (text[j] == ' ' || text[j] == '\n' ||
	    text[j] == '\t'))
		j++;
	if (j >= len)
		return 0;
	next = (unsigned char)text[j];
	if (!((next >= 'A' && next <= 'Z') || (next >= '0' &&
	    next <= '9') || next == '"' || next == '\'' ||
	    next == '(' || next == '[' || next >= 0xC0))
		return 0;
	if (c == '.' && is_abbrev(r, md, text, i))
		return 0;
	return j;
}

size_t
seg_sentence_end(const struct fig_rules *r, pcre2_match_data *md,
    const char *text, size_t len, size_t i)
{
	if (i >= len || (text[i] != '.' && text[i] != '!' && text[i] != '?'))
		return 0;
	return sentence_end(r, md, text, len, i);
}

int
seg_sentences(const struct fig_rules *r, pcre2_match_data *md,
    const char *text, size_t len, struct fig_span **out, int *cap)
{
	size_t start = 0, i;
	int n = 0;

	for (i = 0; i < len; i++) {
		char c;
		size_t j;

		/* eight bytes at a time up to the next '.', '!' or '?' */
		while (i + 8 <= len) {
			uint64_t w = text_load8(text + i);
			if (text_has_byte(w, '.') || text_has_byte(w, '!') ||
			    text_has_byte(w, '?'))
				break;
			i += 8;
		}
		if (i >= len)
			break;
		c = text[i];
		if (c > '?' || (c != '.' && c != '!' && c != '?'))
			continue;	/* letters fail the first test */
		if ((j = sentence_end(r, md, text, len, i)) == 0)
			continue;
		if (n == *cap) {
			*cap = *cap ? *cap * 2 : 16;
			*out = xrealloc(*out, (size_t)*cap * sizeof **out);
		}
		(*out)[n].start = start;
		(*out)[n].end = j;
		n++;
		start = j;
		i = j - 1;
	}
	if (start < len) {
		if (n == *cap) {
			*cap = *cap ? *cap * 2 : 16;
			*out = xrealloc(*out, (size_t)*cap * sizeof **out);
		}
		(*out)[n].start = start;
		(*out)[n].end = len;
		n++;
	}
	return n;
}
