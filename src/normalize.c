/* SPDX-License-Identifier: MIT */
/*
 * normalize: the offset-mapped rewriting engine and the Unicode and
 * layout passes.
 *
 * The map is a list of segments, one per run of normalized bytes that
 * came from one run of raw bytes.  Text that a pass leaves alone stays in
 * identity segments, which merge with their neighbours, so a clean
 * document costs one segment and a copy per pass that changes anything.
 */
#include "config.h"
#include "normalize.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "err.h"
#include "utf8.h"

void
tm_norm_init(struct tm_norm *n)
{
    memset(n, 0, sizeof *n);
}

static void
clear_repairs(struct tm_norm *n)
{
    size_t i;

    for (i = 0; i < n->nrepairs; i++)
        free(n->repairs[i].replacement);
    n->nrepairs = 0;
}

void
tm_norm_clear(struct tm_norm *n)
{
    clear_repairs(n);
    free(n->repairs);
    free(n->text);
    free(n->segs);
    free(n->tmp);
    free(n->tmp_segs);
    tm_norm_init(n);
}

static void
ensure_text(char **p, size_t *cap, size_t need)
{
    if (need <= *cap)
        return;
    *cap = need < 64 ? 64 : need + need / 2;
    *p = tm_xrealloc(*p, *cap);
}

void
tm_norm_reset(struct tm_norm *n, const char *raw, size_t len)
{
    size_t cap = 0;

    clear_repairs(n);
    n->raw = raw;
    n->raw_len = len;
    /* Reuse the old allocation when it is big enough. */
    cap = n->text ? n->len + 1 : 0;
    if (len + 1 > cap) {
        free(n->text);
        n->text = tm_xmalloc(len + 1);
    }
    memcpy(n->text, raw, len);
    n->text[len] = '\0';
    n->len = len;
    n->nsegs = 0;
    if (len > 0) {
        if (n->segs_cap == 0) {
            n->segs_cap = 16;
            n->segs = tm_xreallocarray(NULL, n->segs_cap, sizeof *n->segs);
        }
        n->segs[0].norm = 0;
        n->segs[0].norm_len = len;
        n->segs[0].raw = 0;
        n->segs[0].raw_len = len;
        n->segs[0].identity = true;
        n->nsegs = 1;
    }
}

/* The segment containing normalized offset off (off < n->len). */
static const struct tm_norm_seg *
seg_at(const struct tm_norm *n, size_t off)
{
    size_t lo = 0, hi = n->nsegs;

    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;

        if (n->segs[mid].norm <= off)
            lo = mid;
        else
            hi = mid;
    }
    return &n->segs[lo];
}

size_t
tm_norm_raw_start(const struct tm_norm *n, size_t off)
{
    const struct tm_norm_seg *s;

    if (n->nsegs == 0)
        return 0;
    if (off >= n->len) {
        s = &n->segs[n->nsegs - 1];
        return s->raw + s->raw_len;
    }
    s = seg_at(n, off);
    return s->identity ? s->raw + (off - s->norm) : s->raw;
}

size_t
tm_norm_raw_end(const struct tm_norm *n, size_t end)
{
    const struct tm_norm_seg *s;

    if (n->nsegs == 0)
        return 0;
    if (end == 0)
        return n->segs[0].raw;
    if (end > n->len)
        end = n->len;
    s = seg_at(n, end - 1);
    return s->identity ? s->raw + (end - s->norm) : s->raw + s->raw_len;
}

size_t
tm_norm_from_raw(const struct tm_norm *n, size_t raw)
{
    size_t lo = 0, hi = n->nsegs;
    const struct tm_norm_seg *s;

    if (n->nsegs == 0 || raw < n->segs[0].raw)
        return 0;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;

        if (n->segs[mid].raw <= raw)
            lo = mid;
        else
            hi = mid;
    }
    s = &n->segs[lo];
    if (raw >= s->raw + s->raw_len)
        return s->norm + s->norm_len;
    return s->identity ? s->norm + (raw - s->raw) : s->norm;
}

/* Append a segment to the scratch list, merging identity neighbours. */
static void
push_seg(struct tm_norm *n, size_t *count, size_t norm, size_t norm_len,
         size_t raw, size_t raw_len, bool identity)
{
    struct tm_norm_seg *last;

    if (norm_len == 0)
        return; /* deletions live on in the repairs list, not the map */
    last = *count > 0 ? &n->tmp_segs[*count - 1] : NULL;
    if (identity && last != NULL && last->identity &&
        last->norm + last->norm_len == norm &&
        last->raw + last->raw_len == raw) {
        last->norm_len += norm_len;
        last->raw_len += raw_len;
        return;
    }
    if (*count == n->tmp_segs_cap) {
        n->tmp_segs_cap = n->tmp_segs_cap ? n->tmp_segs_cap * 2 : 16;
        n->tmp_segs =
            tm_xreallocarray(n->tmp_segs, n->tmp_segs_cap, sizeof *n->tmp_segs);
    }
    last = &n->tmp_segs[(*count)++];
    last->norm = norm;
    last->norm_len = norm_len;
    last->raw = raw;
    last->raw_len = raw_len;
    last->identity = identity;
}

/* Carry the unchanged bytes [from, to) of the current text over to the
 * new text at offset out, splitting the current segments as needed. */
static void
carry(struct tm_norm *n, size_t from, size_t to, size_t out, size_t *count)
{
    size_t off = from;

    while (off < to) {
        const struct tm_norm_seg *s = seg_at(n, off);
        size_t seg_end = s->norm + s->norm_len;
        size_t piece = (seg_end < to ? seg_end : to) - off;

        if (s->identity)
            push_seg(n, count, out + (off - from), piece,
                     s->raw + (off - s->norm), piece, true);
        else
            push_seg(n, count, out + (off - from), piece, s->raw, s->raw_len,
                     false);
        off += piece;
    }
}

static void
add_repair(struct tm_norm *n, size_t raw_start, size_t raw_end,
           const char *repl, size_t repl_len, const char *rule, bool layout)
{
    struct tm_norm_repair *r;

    if (n->nrepairs == n->repairs_cap) {
        n->repairs_cap = n->repairs_cap ? n->repairs_cap * 2 : 16;
        n->repairs =
            tm_xreallocarray(n->repairs, n->repairs_cap, sizeof *n->repairs);
    }
    r = &n->repairs[n->nrepairs++];
    r->raw_start = raw_start;
    r->raw_end = raw_end;
    r->replacement = tm_xstrndup(repl, repl_len);
    r->rule = rule;
    r->layout = layout;
    r->seq = n->nrepairs - 1;
}

void
tm_norm_apply(struct tm_norm *n, const struct tm_norm_edit *edits,
              size_t nedits)
{
    size_t i, pos = 0, out = 0, count = 0, need = n->len + 1;
    char *swap_text;
    size_t swap_cap;
    struct tm_norm_seg *swap_segs;

    if (nedits == 0)
        return;
    for (i = 0; i < nedits; i++)
        need += edits[i].repl_len;
    ensure_text(&n->tmp, &n->tmp_cap, need);
    for (i = 0; i < nedits; i++) {
        const struct tm_norm_edit *e = &edits[i];
        size_t raw_s, raw_e;

        /* Unchanged bytes before the edit. */
        memcpy(n->tmp + out, n->text + pos, e->start - pos);
        carry(n, pos, e->start, out, &count);
        out += e->start - pos;
        raw_s = tm_norm_raw_start(n, e->start);
        raw_e = e->end > e->start ? tm_norm_raw_end(n, e->end) : raw_s;
        memcpy(n->tmp + out, e->repl, e->repl_len);
        if (e->repl_len == e->end - e->start && raw_e - raw_s == e->repl_len)
            /* Same length here and in raw: offsets still map one to one,
             * so the segment stays an identity one and merges. */
            push_seg(n, &count, out, e->repl_len, raw_s, raw_e - raw_s, true);
        else
            push_seg(n, &count, out, e->repl_len, raw_s, raw_e - raw_s, false);
        out += e->repl_len;
        if (!e->layout || n->keep_layout)
            add_repair(n, raw_s, raw_e, e->repl, e->repl_len, e->rule,
                       e->layout);
        pos = e->end;
    }
    memcpy(n->tmp + out, n->text + pos, n->len - pos);
    carry(n, pos, n->len, out, &count);
    out += n->len - pos;
    n->tmp[out] = '\0';

    /* The scratch buffers become current and vice versa. */
    swap_text = n->text;
    swap_cap = n->len + 1;
    n->text = n->tmp;
    n->len = out;
    n->tmp = swap_text;
    n->tmp_cap = swap_cap;
    swap_segs = n->segs;
    n->segs = n->tmp_segs;
    n->nsegs = count;
    swap_cap = n->segs_cap;
    n->segs_cap = n->tmp_segs_cap;
    n->tmp_segs = swap_segs;
    n->tmp_segs_cap = swap_cap;
}

/* ------------------------------------------------------------------ */
/* Collecting edits                                                    */
/* ------------------------------------------------------------------ */

/* Edits whose replacement bytes live in a pool, so the pool may grow
 * while edits are collected. */
struct edit_list {
    struct tm_norm_edit *v;
    size_t *repl_off;
    size_t n, cap;
    struct tm_buf pool;
};

static void
edits_init(struct edit_list *el)
{
    memset(el, 0, sizeof *el);
    tm_buf_init(&el->pool, 0);
}

static void
edits_clear(struct edit_list *el)
{
    free(el->v);
    free(el->repl_off);
    tm_buf_clear(&el->pool);
}

static void
edits_add(struct edit_list *el, size_t start, size_t end, const char *repl,
          size_t repl_len, const char *rule, bool layout)
{
    if (el->n == el->cap) {
        el->cap = el->cap ? el->cap * 2 : 64;
        el->v = tm_xreallocarray(el->v, el->cap, sizeof *el->v);
        el->repl_off =
            tm_xreallocarray(el->repl_off, el->cap, sizeof *el->repl_off);
    }
    el->repl_off[el->n] = el->pool.len;
    tm_buf_append(&el->pool, repl, repl_len);
    el->v[el->n].start = start;
    el->v[el->n].end = end;
    el->v[el->n].repl_len = repl_len;
    el->v[el->n].rule = rule;
    el->v[el->n].layout = layout;
    el->n++;
}

static void
edits_apply(struct tm_norm *n, struct edit_list *el)
{
    size_t i;

    for (i = 0; i < el->n; i++)
        el->v[i].repl = el->pool.data ? el->pool.data + el->repl_off[i] : "";
    tm_norm_apply(n, el->v, el->n);
    el->n = 0;
    tm_buf_reset(&el->pool);
}

/* ------------------------------------------------------------------ */
/* The Unicode pass                                                    */
/* ------------------------------------------------------------------ */

/* The ASCII character a superscript code point stands for, or 0. */
static char
superscript_char(int32_t cp)
{
    if (cp == 0x2070)
        return '0';
    if (cp == 0x00B9)
        return '1';
    if (cp == 0x00B2)
        return '2';
    if (cp == 0x00B3)
        return '3';
    if (cp >= 0x2074 && cp <= 0x2079)
        return (char)('4' + (cp - 0x2074));
    if (cp == 0x207A)
        return '+';
    if (cp == 0x207B)
        return '-';
    return 0;
}

static char
subscript_char(int32_t cp)
{
    if (cp >= 0x2080 && cp <= 0x2089)
        return (char)('0' + (cp - 0x2080));
    if (cp == 0x208A)
        return '+';
    if (cp == 0x208B)
        return '-';
    return 0;
}

static bool
is_zero_width(int32_t cp)
{
    return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 ||
           cp == 0xFEFF;
}

/* Compatibility forms we fold: ligatures and full-width ASCII.  Others
 * (µ, superscripts, ½, ...) carry meaning NFKC would lose. */
static bool
is_folded_compat(int32_t cp)
{
    return (cp >= 0xFB00 && cp <= 0xFB06) || (cp >= 0xFF01 && cp <= 0xFF5E);
}

/* Length of the code point at s, or 0 if invalid. */
static size_t
cp_at(const char *text, size_t len, size_t i, int32_t *cp)
{
    return tm_utf8_decode((const unsigned char *)text + i, len - i, cp);
}

void
tm_normalize_unicode(struct tm_norm *n)
{
    struct edit_list el;
    const char *t = n->text;
    size_t len = n->len, i = 0;

    edits_init(&el);
    while (i < len) {
        unsigned char c = (unsigned char)t[i];
        size_t k, j;
        int32_t cp = 0, next;
        char ch;

        if (c < 0x80) {
            if (c == '\r') {
                if (i + 1 < len && t[i + 1] == '\n')
                    edits_add(&el, i, i + 1, "", 0, "crlf", true);
                else
                    edits_add(&el, i, i + 1, "\n", 1, "crlf", true);
            } else if ((c < 0x20 && c != '\n' && c != '\t' && c != '\f') ||
                       c == 0x7F) {
                /* A form feed stays for the layout pass: it marks a page
                 * break (pdftotext ends each page with one). */
                edits_add(&el, i, i + 1, " ", 1, "control-char", false);
            }
            i++;
            /* Printable ASCII needs nothing from this pass. */
            i += tm_utf8_plain_run(t + i, len - i);
            continue;
        }
        k = cp_at(t, len, i, &cp);
        if (k == 0) {
            edits_add(&el, i, i + 1, "\xEF\xBF\xBD", 3, "utf8-invalid", false);
            i++;
            continue;
        }
        if ((ch = superscript_char(cp)) != 0) {
            /* A run of superscripts is one exponent: 10⁻⁵ -> 10^-5. */
            struct tm_buf b;

            tm_buf_init(&b, 0);
            tm_buf_putc(&b, '^');
            j = i;
            while (j < len && (k = cp_at(t, len, j, &next)) > 0 &&
                   (ch = superscript_char(next)) != 0) {
                tm_buf_putc(&b, ch);
                j += k;
            }
            edits_add(&el, i, j, b.data, b.len, "superscript", false);
            tm_buf_clear(&b);
            i = j;
            continue;
        }
        if ((ch = subscript_char(cp)) != 0) {
            edits_add(&el, i, i + k, &ch, 1, "subscript", false);
            i += k;
            continue;
        }
        if (tm_utf8_is_special_space(cp)) {
            edits_add(&el, i, i + k, " ", 1, "space", true);
            i += k;
            continue;
        }
        if (is_zero_width(cp)) {
            edits_add(&el, i, i + k, "", 0, "zero-width", true);
            i += k;
            continue;
        }
        if (cp == 0x2010 || cp == 0x2011) {
            /* Unicode hyphen and non-breaking hyphen: "Forty\u2010four" and
             * "COVID\u201119" are the ASCII hyphen's words. */
            edits_add(&el, i, i + k, "-", 1, "hyphen", true);
            i += k;
            continue;
        }
        if (cp == 0x00AD) {
            edits_add(&el, i, i + k, "", 0, "soft-hyphen", true);
            i += k;
            continue;
        }
        if (cp == 0x2028 || cp == 0x2029) {
            edits_add(&el, i, i + k, cp == 0x2028 ? "\n" : "\n\n",
                      cp == 0x2028 ? 1 : 2, "line-separator", true);
            i += k;
            continue;
        }
        if (is_folded_compat(cp)) {
            utf8proc_uint8_t *mapped = NULL;
            utf8proc_ssize_t m = utf8proc_map(
                (const utf8proc_uint8_t *)t + i, (utf8proc_ssize_t)k, &mapped,
                UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);

            if (m > 0)
                edits_add(&el, i, i + k, (const char *)mapped, (size_t)m,
                          "compat", false);
            free(mapped);
            i += k;
            continue;
        }
        i += k;
    }
    if (el.n > 0)
        edits_apply(n, &el);

    /* NFC, cluster by cluster: a base character and the combining marks
     * after it, composed only where that changes something.  Run on the
     * now valid text. */
    t = n->text;
    len = n->len;
    i = 0;
    while (i < len) {
        int32_t cp;
        size_t k, j;

        /* Combining marks are never ASCII: an ASCII character followed by
         * ASCII needs no look-up at all. */
        if ((unsigned char)t[i] < 0x80 &&
            (i + 1 >= len || (unsigned char)t[i + 1] < 0x80)) {
            /* Within a run of printable ASCII every byte but the last is
             * followed by ASCII; the last is looked at as usual. */
            size_t r = tm_utf8_plain_run(t + i, len - i);

            i += r > 1 ? r - 1 : 1;
            continue;
        }
        k = cp_at(t, len, i, &cp);
        if (k == 0) {
            i++;
            continue;
        }
        j = i + k;
        while (j < len && (unsigned char)t[j] >= 0x80) {
            int32_t next;
            size_t kk = cp_at(t, len, j, &next);

            if (kk == 0 || utf8proc_get_property(next)->combining_class == 0)
                break;
            j += kk;
        }
        if (j > i + k || (cp >= 0xAC00 && cp <= 0xD7A3)) {
            utf8proc_uint8_t *mapped = NULL;
            utf8proc_ssize_t m = utf8proc_map(
                (const utf8proc_uint8_t *)t + i, (utf8proc_ssize_t)(j - i),
                &mapped, UTF8PROC_STABLE | UTF8PROC_COMPOSE);

            if (m > 0 && ((size_t)m != j - i || memcmp(mapped, t + i, j - i)))
                edits_add(&el, i, j, (const char *)mapped, (size_t)m, "nfc",
                          false);
            free(mapped);
        }
        i = j;
    }
    if (el.n > 0)
        edits_apply(n, &el);
    edits_clear(&el);
}

/* ------------------------------------------------------------------ */
/* The layout pass                                                     */
/* ------------------------------------------------------------------ */

struct line {
    size_t start, end;           /* trimmed content */
    size_t full_start, full_end; /* with its newline */
    uint64_t hash;
    size_t page;     /* pages are separated by form feeds */
    size_t at;       /* index among the page's non-blank lines */
    size_t from_end; /* the same, counted from the page's last line */
    size_t global;   /* index among all non-blank lines */
};

static uint64_t
fnv1a(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    size_t i;

    for (i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static int
cmp_lines(const void *a, const void *b)
{
    const struct line *x = a, *y = b;

    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return x->full_start < y->full_start ? -1 : 1;
}

static int
cmp_edits(const void *a, const void *b)
{
    const struct tm_norm_edit *x = a, *y = b;

    return x->start < y->start ? -1 : x->start > y->start;
}

/* Running heads sit on one of the first or last EDGE lines of a page. */
#define EDGE 2
/* Without form feeds, a page is at least MIN_PAGE non-blank lines. */
#define MIN_PAGE 20

/* Marks in drop[] the lines of v[0..k) at position pos of their page
 * (the pos-th line from the top, or from the bottom when from_end), if
 * they are on three or more pages. */
static void
heads_at(const struct line *v, size_t k, size_t pos, bool from_end, bool *drop)
{
    size_t i, pages = 0, last_page = (size_t)-1;

    for (i = 0; i < k; i++) {
        if ((from_end ? v[i].from_end : v[i].at) == pos &&
            v[i].page != last_page) {
            pages++;
            last_page = v[i].page;
        }
    }
    if (pages < 3)
        return;
    for (i = 0; i < k; i++) {
        if ((from_end ? v[i].from_end : v[i].at) == pos)
            drop[i] = true;
    }
}

/*
 * Which of the equal lines v[0..k) (in text order) are running heads?
 * Marks them in drop[] and returns how many.  A line repeated three
 * times is not enough (table rows, "P < 0.001", repeated sentences): it
 * must behave like a running head.  With form feeds, that is sitting at
 * the same place (one of the first or last EDGE lines) on three or more
 * pages; occurrences elsewhere stay.  Without them the pages are
 * unknown, so every occurrence must be a page's length (MIN_PAGE lines or
 * more) from the next, and about equally so (the longest gap at most
 * twice the shortest), as a head at the same place on every page is.
 */
static size_t
pick_heads(const struct line *v, size_t k, bool paged, bool *drop)
{
    size_t i, pos, n = 0;

    for (i = 0; i < k; i++)
        drop[i] = false;
    if (paged) {
        for (pos = 0; pos < EDGE; pos++) {
            heads_at(v, k, pos, false, drop);
            heads_at(v, k, pos, true, drop);
        }
    } else {
        size_t min_gap = (size_t)-1, max_gap = 0;

        for (i = 1; i < k; i++) {
            size_t g = v[i].global - v[i - 1].global;

            min_gap = g < min_gap ? g : min_gap;
            max_gap = g > max_gap ? g : max_gap;
        }
        if (min_gap < MIN_PAGE || max_gap > 2 * min_gap)
            return 0;
        for (i = 0; i < k; i++)
            drop[i] = true;
    }
    for (i = 0; i < k; i++)
        n += drop[i];
    return n;
}

/*
 * Drop running heads and footers ("STEM CELLS TRANSLATIONAL MEDICINE"):
 * short lines (4-100 bytes with a letter) repeated three or more times
 * that pick_heads accepts.  Every drop is counted in n->running_heads;
 * repeated lines kept, in n->repeats_kept.  Form feeds become line
 * breaks here, once the pages have been seen.
 */
static void
drop_running_heads(struct tm_norm *n, struct edit_list *el)
{
    struct line *lines = NULL, *eq = NULL;
    bool *drop = NULL;
    size_t nlines = 0, cap = 0, i = 0, j, page = 0, at = 0, global = 0;
    size_t page_first = 0; /* first candidate of the current page */
    bool paged = false;
    const char *t = n->text;

    while (i <= n->len) {
        size_t e = i, s, te;
        bool letter = false;

        if (i < n->len) {
            /* The line ends at the first newline or form feed (rare). */
            const char *nl = memchr(t + i, '\n', n->len - i);
            size_t stop = nl != NULL ? (size_t)(nl - t) : n->len;
            const char *ff = memchr(t + i, '\f', stop - i);

            e = ff != NULL ? (size_t)(ff - t) : stop;
        }
        s = i;
        te = e;
        while (s < te && (t[s] == ' ' || t[s] == '\t'))
            s++;
        while (te > s && (t[te - 1] == ' ' || t[te - 1] == '\t'))
            te--;
        for (j = s; j < te && !letter; j++)
            letter = (t[j] | 0x20) >= 'a' && (t[j] | 0x20) <= 'z';
        if (te - s >= 4 && te - s <= 100 && letter) {
            if (nlines == cap) {
                cap = cap ? cap * 2 : 64;
                lines = tm_xreallocarray(lines, cap, sizeof *lines);
            }
            lines[nlines].start = s;
            lines[nlines].end = te;
            lines[nlines].full_start = i;
            lines[nlines].full_end = e < n->len && t[e] == '\n' ? e + 1 : e;
            lines[nlines].hash = fnv1a(t + s, te - s);
            lines[nlines].page = page;
            lines[nlines].at = at;
            lines[nlines].global = global;
            nlines++;
        }
        if (te > s) {
            at++;
            global++;
        }
        if (e >= n->len || t[e] == '\f') {
            /* The page ends: now each of its lines knows its distance
             * from the page's last line. */
            for (j = page_first; j < nlines; j++)
                lines[j].from_end = at - 1 - lines[j].at;
            page_first = nlines;
            if (e < n->len) {
                edits_add(el, e, e + 1, "\n", 1, "page-break", true);
                paged = true;
                page++;
                at = 0;
            }
        }
        i = e + 1;
    }
    if (nlines > 1)
        qsort(lines, nlines, sizeof *lines, cmp_lines);
    for (i = 0; i < nlines; i = j) {
        size_t len = lines[i].end - lines[i].start, k = 0, m;

        for (j = i; j < nlines && lines[j].hash == lines[i].hash; j++)
            ;
        if (j - i < 3)
            continue;
        /* The lines equal to lines[i], in text order (a hash collision
         * leaves the others for their own turn: rare, and harmless). */
        eq = tm_xreallocarray(eq, j - i, sizeof *eq);
        drop = tm_xreallocarray(drop, j - i, sizeof *drop);
        for (m = i; m < j; m++) {
            if (lines[m].end - lines[m].start == len &&
                memcmp(t + lines[m].start, t + lines[i].start, len) == 0)
                eq[k++] = lines[m];
        }
        if (k < 3)
            continue;
        m = pick_heads(eq, k, paged, drop);
        n->running_heads += m;
        n->repeats_kept += k - m;
        for (m = 0; m < k; m++) {
            if (drop[m])
                edits_add(el, eq[m].full_start, eq[m].full_end, "", 0,
                          "running-head", true);
        }
    }
    free(lines);
    free(eq);
    free(drop);
    if (el->n > 1)
        qsort(el->v, el->n, sizeof *el->v, cmp_edits);
    /* qsort moved the edits but not their pool offsets.  The pool holds
     * only the page breaks' "\n"s (running heads replace with nothing),
     * so offset 0 is right for every edit. */
    for (i = 0; i < el->n; i++)
        el->repl_off[i] = 0;
}

static bool
is_lower_before(const char *t, size_t at)
{
    size_t i;
    int32_t cp;

    /* The code point that ends at `at`. */
    if (at == 0)
        return false;
    i = tm_utf8_floor(t, at - 1);
    if (cp_at(t, at, i, &cp) == 0)
        return false;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static bool
is_lower_at(const char *t, size_t len, size_t at)
{
    int32_t cp;

    if (at >= len || cp_at(t, len, at, &cp) == 0)
        return false;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

/* Does the line [s, e) look like a table row: two or more '|' cells, or
 * columns set apart by runs of three or more spaces? */
static bool
is_table_line(const char *t, size_t s, size_t e)
{
    size_t i, bars = 0, gaps = 0, run = 0;

    while (s < e && (t[s] == ' ' || t[s] == '\t'))
        s++;
    while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t'))
        e--;
    for (i = s; i < e; i++) {
        if (t[i] == '|')
            bars++;
        if (t[i] == ' ' || t[i] == '\t') {
            run += t[i] == '\t' ? 3 : 1;
        } else {
            if (run >= 3)
                gaps++;
            run = 0;
        }
    }
    return bars >= 2 || gaps >= 2;
}

/* The line containing offset at: [*ls, *le) without its newline. */
static void
line_around(const char *t, size_t len, size_t at, size_t *ls, size_t *le)
{
    size_t s = at, e = at;

    while (s > 0 && t[s - 1] != '\n')
        s--;
    while (e < len && t[e] != '\n')
        e++;
    *ls = s;
    *le = e;
}

void
tm_normalize_layout(struct tm_norm *n)
{
    struct edit_list el;
    const char *t;
    size_t i, len;

    edits_init(&el);
    drop_running_heads(n, &el);
    if (el.n > 0)
        edits_apply(n, &el);

    t = n->text;
    len = n->len;
    i = 0;
    while (i < len) {
        size_t a, b, newlines = 0;

        if (t[i] != '\n') {
            i++;
            continue;
        }
        /* The white-space run around this line break: [a, b). */
        a = i;
        while (a > 0 && (t[a - 1] == ' ' || t[a - 1] == '\t'))
            a--;
        b = i;
        while (b < len && (t[b] == ' ' || t[b] == '\t' || t[b] == '\n')) {
            if (t[b] == '\n')
                newlines++;
            b++;
        }
        if (b == len || a == 0) {
            i = b; /* leading or trailing white space: leave it */
            continue;
        }
        if (newlines == 1) {
            size_t ls, le, ns, ne;

            /* A table row keeps its line: each row is its own sentence. */
            line_around(t, len, a > 0 ? a - 1 : 0, &ls, &le);
            line_around(t, len, b, &ns, &ne);
            if (is_table_line(t, ls, le) || is_table_line(t, ns, ne))
                newlines = 2;
        }
        if (newlines >= 2) {
            if (b - a != 2 || t[a] != '\n' || t[a + 1] != '\n')
                edits_add(&el, a, b, "\n\n", 2, "paragraph", true);
        } else if (t[a - 1] == '-' && a >= 2 && is_lower_before(t, a - 1) &&
                   is_lower_at(t, len, b)) {
            /* "devas-\ntating": a word broken at the line end. */
            edits_add(&el, a - 1, b, "", 0, "hyphen-join", false);
        } else if (t[a - 1] == '-') {
            /* "UCB-\nMSCs", "IL-\n6": the hyphen is part of the term. */
            edits_add(&el, a, b, "", 0, "line-join", true);
        } else {
            edits_add(&el, a, b, " ", 1, "line-join", true);
        }
        i = b;
    }
    if (el.n > 0)
        edits_apply(n, &el);
    edits_clear(&el);
}

void
tm_normalize(struct tm_norm *n, const char *raw, size_t len)
{
    tm_norm_reset(n, raw, len);
    tm_normalize_unicode(n);
    tm_normalize_layout(n);
}
