/* extract-split.c: one large text document extracted in parts on
 * several threads, with the claims of extract_path (extract.h).
 *
 * The file is cut at blank lines into parts. Each part is extracted on
 * its own thread from a fresh state: it reads the document's first lines
 * for the metadata and the news's date, then WARM_PARAS paragraphs
 * before its own start for the context a paragraph inherits (the last
 * date, the actors named, a paragraph held open, the firms and fiscal
 * year named in the last DOC_STATE_BLOCKS blocks), then its own lines.
 * The claims are handed on in order by batch_run, and a part's claims are used only when the carry it
 * started from equals the carry the part before it ended with; otherwise
 * the part is extracted again, on the calling thread, from the right
 * carry. News and reports settle their context within a few paragraphs,
 * and state of the whole document lasts DOC_STATE_BLOCKS blocks unnamed,
 * so that seldom happens; when it does the cost is time, never a
 * different claim. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "figtrack/batch.h"
#include "figtrack/buf.h"
#include "figtrack/extract.h"
#include "extract-int.h"

#define PART_MIN (1LL << 20)	/* a part is at least this long, */
/* and reads this many paragraphs before it for context, at most a
 * quarter of its length: more than the blocks state of the whole
 * document lasts unnamed (DOC_STATE_BLOCKS), with room for headings
 * and tables, which are no blocks of that count; then its start
 * carries what the serial pass's does, and a part that did not is
 * redone */
#define WARM_PARAS (DOC_STATE_BLOCKS * 3 / 2)
#define SCAN_CHUNK (1 << 20)

struct split {
	const struct fig_rules *r;
	const char *path;
	const struct fig_extract_opts *opts;
	const struct fig_extract_cbs *cbs;	/* the caller's */
	struct fig_part *parts;
	int n;
	struct fig_carry **starts, **ends;	/* per part, by its job */
	struct fig_docmeta *metas;		/* per part, by its job */
	/* the sink's side */
	struct fig_carry *truth;	/* what the last part handed on ended
					   with (owned when redone) */
	struct fig_carry *redone;	/* the carry a redone part ended with */
	struct fig_docmeta remeta;	/* ... and its metadata */
	int last_redone;
	int failed;
	int debug;
	struct fig_err *err;
};

/* The starts of the last WARM_PARAS paragraphs seen by plan(). */
struct paras {
	long long pos[WARM_PARAS];
	long lines[WARM_PARAS];	/* lines before each */
	long n;			/* paragraphs seen in all */
};

/* Where part n's context starts, for a part from byte at: WARM_PARAS
 * paragraphs back, or as many as lie within `warm` bytes and after the
 * part before's start; -1 when none does. */
static int
warm_start(const struct paras *pa, struct fig_part *parts, int n,
    long long at, long long warm)
{
	long i = pa->n > WARM_PARAS ? pa->n - WARM_PARAS : 0;

	for (; i < pa->n; i++) {
		int k = (int)(i % WARM_PARAS);
		if (pa->pos[k] >= at - warm && pa->pos[k] > parts[n - 1].start &&
		    pa->pos[k] < at) {
			parts[n].warm = pa->pos[k];
			parts[n].lines_before = pa->lines[k];
			return 0;
		}
	}
	return -1;
}

/* What plan() needs to cut inside a long line. */
struct liner {
	const struct fig_rules *r;
	pcre2_match_data *md;
	int fd;
	char win[CUT_BACK + LINE_GRID / 2 + CUT_AHEAD];
};

/* The document offset of the cut near byte g of the line whose text
 * starts at byte at (past a BOM), read from the file, or -1. */
static long long
grid_cut_at(struct liner *li, long long at, long long g)
{
	ssize_t got = pread(li->fd, li->win, sizeof li->win,
	    (off_t)(at + g - CUT_BACK));
	long long c;

	if (got != (ssize_t)sizeof li->win || memchr(li->win, '\n',
	    sizeof li->win) != NULL)
		return -1;	/* the line ends near: no cut there */
	c = extract_grid_cut(li->r, li->md, li->win, sizeof li->win,
	    (size_t)(g - CUT_BACK), (size_t)g, 0);
	return c > 0 ? at + c : -1;
}

/* Part n inside the line that starts at byte ls, lines lines into the
 * file, of which the bytes before seen are read and hold no line break:
 * from the first cut at or past byte from, its context from the cut
 * warm bytes before, after part n - 1's start. The line is longer than
 * a piece (extract.c), so that it is cut as it is read. Returns 0, or -1
 * when there is no room. */
static int
line_part(struct liner *li, long long ls, long lines, long long from,
    long long seen, long long warm, struct fig_part *parts, int n)
{
	char bom[3];
	long long at = ls, g, back = warm / LINE_GRID * LINE_GRID;

	if (ls == 0 && pread(li->fd, bom, 3, 0) == 3 && memcmp(bom,
	    "\xEF\xBB\xBF", 3) == 0)
		at = 3;
	if (seen - ls <= PIECE || back < LINE_GRID)
		return -1;
	g = (from > at ? from - at : 0) / LINE_GRID * LINE_GRID + LINE_GRID;
	if (g < back + LINE_GRID)
		g = back + LINE_GRID;
	for (; at + g + 2 * LINE_GRID < seen; g += LINE_GRID) {
		long long w = grid_cut_at(li, at, g - back);
		long long c = grid_cut_at(li, at, g);
		if (w < 0 || c < 0 || w <= parts[n - 1].start)
			continue;
		parts[n].warm = w;
		parts[n].start = c;
		parts[n].line = ls;
		parts[n].lines_before = lines;
		return 0;
	}
	return -1;
}

/* Where the parts start: each at the first line after a blank line at
 * or past its share of the file, or inside a long line at a cut
 * (line_part), its context from warm_start. Returns the number of parts
 * (1: do not split). */
static int
plan(FILE *f, struct liner *li, long long size, int want, long long warm,
    struct fig_part *parts)
{
	char *buf = xmalloc(SCAN_CHUNK);
	struct paras *pa = xmalloc(sizeof *pa);
	long long pos = 0, ls = 0, lines = 0;
	int k = 1, n = 1, was_empty = 1;
	size_t got;

	pa->n = 0;
	parts[0].warm = parts[0].start = 0;
	parts[0].lines_before = 0;
	for (int i = 0; i < want; i++)
		parts[i].line = -1;
	if (fseeko(f, 0, SEEK_SET) != 0)
		goto done;
	while (k < want && (got = fread(buf, 1, SCAN_CHUNK, f)) > 0) {
		for (size_t i = 0; i < got && k < want; i++) {
			long long q = pos + (long long)i;
			int empty;
			if (buf[i] != '\n')
				continue;
			/* the line [ls, q) ended: empty, or a lone CR */
			empty = q == ls || (q == ls + 1 && (i > 0 ?
			    buf[i - 1] == '\r' : 0));
			lines++;
			ls = q + 1;
			if (!empty) {
				was_empty = 0;
				continue;
			}
			if (ls >= size / want * k) {
				if (warm_start(pa, parts, n, ls, warm) == 0) {
					parts[n].start = ls;
					parts[n - 1].end = ls;
					n++;
				}
				k++;	/* else no place for context: go on */
			}
			if (!was_empty) {	/* a paragraph ended */
				pa->pos[pa->n % WARM_PARAS] = ls;
				pa->lines[pa->n % WARM_PARAS] = lines;
				pa->n++;
			}
			was_empty = 1;
		}
		pos += (long long)got;
		/* a line too long to wait for its end: cut inside it */
		for (; k < want && pos - ls > PIECE && size / want * k < pos -
		    3 * LINE_GRID; k++)
			if (line_part(li, ls, lines, size / want * k, pos, warm,
			    parts, n) == 0) {
				parts[n - 1].end = parts[n].start;
				n++;
			}
	}
done:
	parts[n - 1].end = -1;
	free(pa);
	free(buf);
	return n;
}

static int
part_work(void *ctx, int i, const struct fig_extract_cbs *cbs,
    struct fig_err *err)
{
	struct split *sp = ctx;
	FILE *f = fopen(sp->path, "rb");
	int rc;

	if (f == NULL)
		return err_set(err, FIG_EIO, sp->path, 0, 0, "cannot open: %s",
		    strerror(errno));
	rc = extract_part(sp->r, f, sp->path, sp->opts, cbs, &sp->parts[i],
	    NULL, &sp->starts[i], &sp->ends[i], &sp->metas[i], err);
	fclose(f);
	return rc;
}

/* Before part i's claims: they stand when its carry is the truth;
 * else the part is extracted again from the truth, straight to the
 * caller (returns 1: drop the first try's claims). */
static int
part_begin(void *ctx, int i)
{
	struct split *sp = ctx;
	struct fig_carry *start = NULL, *end = NULL;
	const char *diff = NULL;
	FILE *f;
	int rc;

	if (i == 0 || (sp->starts[i] && sp->truth &&
	    (diff = extract_carry_diff(sp->starts[i], sp->truth)) == NULL))
		return 0;
	if (sp->truth == NULL) {	/* cannot happen: the part before
					   ended the file or failed */
		err_set(sp->err, FIG_EIO, sp->path, 0, 0, "lost the context "
		    "of part %d", i + 1);
		sp->failed = 1;
		return -1;
	}
	if ((f = fopen(sp->path, "rb")) == NULL) {
		err_set(sp->err, FIG_EIO, sp->path, 0, 0, "cannot open: %s",
		    strerror(errno));
		sp->failed = 1;
		return -1;
	}
	if (sp->debug)
		fprintf(stderr, "figtrack: %s: part %d extracted again: its "
		    "context was not the one the part before ended with "
		    "(%s)\n", sp->path, i + 1, diff ? diff : "none");
	memset(&sp->remeta, 0, sizeof sp->remeta);
	rc = extract_part(sp->r, f, sp->path, sp->opts, sp->cbs,
	    &sp->parts[i], sp->truth, &start, &end, &sp->remeta, sp->err);
	fclose(f);
	extract_carry_free(start);
	extract_carry_free(sp->redone);
	sp->redone = end;
	sp->truth = end;
	sp->last_redone = i == sp->n - 1;
	if (rc != 0) {
		/* the caller's callback may have failed: then it set err */
		sp->failed = 1;
		return -1;
	}
	return 1;
}

static int
part_end(void *ctx, int i, int rc, const struct fig_err *err)
{
	struct split *sp = ctx;

	if (rc != 0) {
		*sp->err = *err;
		sp->failed = 1;
		return 1;
	}
	sp->truth = sp->ends[i];
	return 0;
}

static int
part_claim(void *ctx, const struct fig_claim *c)
{
	struct split *sp = ctx;

	return sp->cbs->on_claim ? sp->cbs->on_claim(sp->cbs->ctx, c) : 0;
}

static int
part_ref(void *ctx, const struct fig_ref *r)
{
	struct split *sp = ctx;

	return sp->cbs->on_ref ? sp->cbs->on_ref(sp->cbs->ctx, r) : 0;
}

/* The size of a part: PART_MIN, or FIGTRACK_PART_MIN bytes (at least
 * 4096), which lets the tests cut small files into many parts. */
static long long
part_min(void)
{
	const char *e = getenv("FIGTRACK_PART_MIN");
	long long v = e ? atoll(e) : 0;

	return v >= 4096 ? v : PART_MIN;
}

/* Can path be cut into parts? A regular file of text, large enough,
 * read without repairs (--lossy moves offsets by what it repairs). */
static long long
split_size(const char *path, const struct fig_extract_opts *opts,
    long long min)
{
	struct stat st;

	if (strcmp(path, "-") == 0 || (opts && opts->lossy) ||
	    stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size < 2 * min)
		return -1;
	return (long long)st.st_size;
}

int
extract_path_jobs(const struct fig_rules *r, const char *path,
    const struct fig_extract_opts *opts, const struct fig_extract_cbs *cbs,
    struct fig_docmeta *meta, int jobs, struct fig_err *err)
{
	static const struct fig_batch_sink sink = {
		part_begin, { part_claim, part_ref, NULL }, part_end
	};
	long long min = part_min();
	long long size = jobs > 1 ? split_size(path, opts, min) : -1;
	struct split sp;
	struct liner li;
	FILE *f;
	int want, stopped;
	const char *debug = getenv("FIGTRACK_SPLIT_DEBUG");

	if (size < 0 || (f = fopen(path, "rb")) == NULL)
		return extract_path(r, path, opts, cbs, meta, err);
	/* parts of min to 2 * min bytes, a multiple of the threads in
	 * number so that they end together: small enough that the claims
	 * of one fit what a job may hold ahead of the sink
	 * (FIG_BATCH_AHEAD), so that every thread keeps working, and
	 * large enough that the warm-up of each costs little */
	want = jobs * (int)((size + 2 * min * jobs - 1) / (2 * min * jobs));
	if (want > size / min)
		want = (int)(size / min);
	if (want > 256)
		want = 256;
	memset(&sp, 0, sizeof sp);
	sp.parts = xmalloc((size_t)want * sizeof *sp.parts);
	li.r = r;
	li.md = rules_match_data(r);
	li.fd = fileno(f);
	sp.n = plan(f, &li, size, want, min / 4, sp.parts);
	pcre2_match_data_free(li.md);
	/* FIGTRACK_SPLIT_DEBUG: the parts and the parts redone, on
	 * stderr (for the tests) */
	sp.debug = debug != NULL && *debug != '\0';
	for (int i = 0; sp.debug && sp.n > 1 && i < sp.n; i++)
		fprintf(stderr, "figtrack: %s: part %d of %d from byte %lld "
		    "(context from %lld)\n", path, i + 1, sp.n,
		    sp.parts[i].start, sp.parts[i].warm);
	fclose(f);
	if (sp.n < 2) {
		free(sp.parts);
		return extract_path(r, path, opts, cbs, meta, err);
	}
	sp.r = r;
	sp.path = path;
	sp.opts = opts;
	sp.cbs = cbs;
	sp.err = err;
	sp.starts = xmalloc((size_t)sp.n * sizeof *sp.starts);
	sp.ends = xmalloc((size_t)sp.n * sizeof *sp.ends);
	sp.metas = xmalloc((size_t)sp.n * sizeof *sp.metas);
	memset(sp.starts, 0, (size_t)sp.n * sizeof *sp.starts);
	memset(sp.ends, 0, (size_t)sp.n * sizeof *sp.ends);
	memset(sp.metas, 0, (size_t)sp.n * sizeof *sp.metas);
	stopped = batch_run(sp.n, jobs, part_work, &sp, &sink, &sp);
	if (meta && !stopped)
		*meta = sp.last_redone ? sp.remeta : sp.metas[sp.n - 1];
	for (int i = 0; i < sp.n; i++) {
		extract_carry_free(sp.starts[i]);
		extract_carry_free(sp.ends[i]);
	}
	extract_carry_free(sp.redone);
	free(sp.starts);
	free(sp.ends);
	free(sp.metas);
	free(sp.parts);
	return stopped ? -1 : 0;
}
