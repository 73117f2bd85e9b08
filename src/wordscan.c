/* SPDX-License-Identifier: MIT */
/*
 * wordscan: the prefilter words of all patterns as one Aho-Corasick
 * automaton.  The extractor used to look up each two bytes of a sentence
 * among the words' first two bytes and compare the rest of every word
 * starting so, about 85 instructions per byte of text; a table step per
 * byte is about 7.  Bytes that no word uses share one class, so the table
 * has a row per trie node and a column per byte class (a few dozen).
 */
#include "config.h"
#include "wordscan.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

/* A transition's value is the next state's row offset (state * ncls),
 * with this bit set when that state ends a word. */
#define HAS_WORDS 0x80000000u

struct tm_wordscan {
    unsigned char cls[256]; /* byte -> class; 0: in no word */
    size_t ncls;
    size_t nstates;
    uint32_t *next;      /* nstates * ncls transitions */
    uint32_t *out_start; /* per state, where its words start in out */
    uint32_t *out_n;     /* per state, how many words end there */
    uint32_t *out;       /* word indices */
};

static bool
is_findable(const char *w)
{
    const char *p;

    if (*w == '\0')
        return false;
    for (p = w; *p != '\0'; p++) {
        if (*p >= 'A' && *p <= 'Z')
            return false; /* the text is lower-cased: never there */
    }
    return true;
}

struct tm_wordscan *
tm_wordscan_new(const char *const *words, size_t n)
{
    struct tm_wordscan *ws = tm_xcalloc(1, sizeof *ws);
    size_t i, c, s, cap = 1, nclass = 1, head = 0, tail = 0, nout = 0;
    uint32_t *fail, *queue, *own_first, *own_next;

    /* Byte classes: one per byte some word uses; an upper-case letter
     * reads as its lower case. */
    for (i = 0; i < n; i++) {
        const unsigned char *w = (const unsigned char *)words[i];

        if (!is_findable(words[i]))
            continue;
        for (; *w != '\0'; w++) {
            if (ws->cls[*w] == 0)
                ws->cls[*w] = (unsigned char)nclass++;
            cap++;
        }
    }
    for (c = 'A'; c <= 'Z'; c++)
        ws->cls[c] = ws->cls[c + 32];
    ws->ncls = nclass;
    if (cap > HAS_WORDS / nclass)
        tm_oom(); /* rows would not fit a transition */

    /* The trie: row 0 is the root; 0 in a row means no child yet. */
    ws->next = tm_xcalloc(cap * nclass, sizeof *ws->next);
    own_first = tm_xcalloc(cap, sizeof *own_first); /* word + 1, or 0 */
    own_next = tm_xcalloc(n + 1, sizeof *own_next);
    ws->nstates = 1;
    for (i = 0; i < n; i++) {
        const unsigned char *w = (const unsigned char *)words[i];

        if (!is_findable(words[i]))
            continue;
        for (s = 0; *w != '\0'; w++) {
            uint32_t *t = &ws->next[s * nclass + ws->cls[*w]];

            if (*t == 0)
                *t = (uint32_t)ws->nstates++;
            s = *t;
        }
        own_next[i] = own_first[s];
        own_first[s] = (uint32_t)(i + 1);
    }

    /* Breadth first: a state's fallback (the longest proper suffix that
     * is in the trie) is shallower, so its row is complete when the
     * state's missing transitions are copied from it. */
    fail = tm_xcalloc(ws->nstates, sizeof *fail);
    queue = tm_xcalloc(ws->nstates, sizeof *queue);
    for (c = 0; c < nclass; c++) {
        if (ws->next[c] != 0)
            queue[tail++] = ws->next[c];
    }
    while (head < tail) {
        uint32_t st = queue[head++];

        for (c = 0; c < nclass; c++) {
            uint32_t *t = &ws->next[st * nclass + c];
            uint32_t via = ws->next[fail[st] * nclass + c];

            if (*t != 0) {
                fail[*t] = via;
                queue[tail++] = *t;
            } else {
                *t = via;
            }
        }
    }

    /* A state's words: its own, then its fallback's (already listed, in
     * breadth-first order). */
    ws->out_start = tm_xcalloc(ws->nstates, sizeof *ws->out_start);
    ws->out_n = tm_xcalloc(ws->nstates, sizeof *ws->out_n);
    for (i = 0; i < tail; i++) {
        uint32_t st = queue[i], f = fail[st], k;
        size_t count = ws->out_n[f];

        for (k = own_first[st]; k != 0; k = own_next[k - 1])
            count++;
        ws->out = tm_xreallocarray(ws->out, nout + count + 1, sizeof *ws->out);
        ws->out_start[st] = (uint32_t)nout;
        for (k = own_first[st]; k != 0; k = own_next[k - 1])
            ws->out[nout++] = k - 1;
        memcpy(ws->out + nout, ws->out + ws->out_start[f],
               ws->out_n[f] * sizeof *ws->out);
        nout += ws->out_n[f];
        ws->out_n[st] = (uint32_t)count;
    }

    /* Transitions as row offsets, marked when a word ends there. */
    for (i = 0; i < ws->nstates * nclass; i++) {
        uint32_t t = ws->next[i];

        ws->next[i] = (uint32_t)(t * nclass) | (ws->out_n[t] ? HAS_WORDS : 0);
    }
    free(fail);
    free(queue);
    free(own_first);
    free(own_next);
    return ws;
}

void
tm_wordscan_free(struct tm_wordscan *ws)
{
    if (ws == NULL)
        return;
    free(ws->next);
    free(ws->out_start);
    free(ws->out_n);
    free(ws->out);
    free(ws);
}

static void
mark(const struct tm_wordscan *ws, uint32_t row, uint64_t *present)
{
    size_t st = row / ws->ncls, k;

    for (k = 0; k < ws->out_n[st]; k++) {
        uint32_t w = ws->out[ws->out_start[st] + k];

        present[w / 64] |= (uint64_t)1 << (w % 64);
    }
}

void
tm_wordscan_run(const struct tm_wordscan *ws, const char *text, size_t len,
                uint64_t *present)
{
    const unsigned char *p = (const unsigned char *)text;
    uint32_t row = 0;
    size_t i;

    for (i = 0; i < len && p[i] != 0; i++) {
        uint32_t t = ws->next[row + ws->cls[p[i]]];

        row = t & ~HAS_WORDS;
        if (t & HAS_WORDS)
            mark(ws, row, present);
    }
    /* After a NUL, only one-byte words: from the root, one step reaches a
     * state whose only words are that byte. */
    for (; i < len; i++) {
        uint32_t t = ws->next[ws->cls[p[i]]];

        if (t & HAS_WORDS)
            mark(ws, t & ~HAS_WORDS, present);
    }
}
