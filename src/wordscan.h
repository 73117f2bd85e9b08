/* SPDX-License-Identifier: MIT */
/*
 * wordscan: which of a fixed list of words occur in a text, found in one
 * pass over it.  The extractor asks this of every sentence for the
 * patterns' prefilter words (a few hundred), so the cost has to be per
 * byte of text, not per word: the words are compiled into one automaton
 * (Aho-Corasick, over the classes of bytes the words use), and a byte
 * costs a table step whatever the number of words.
 */
#ifndef TM_WORDSCAN_H
#define TM_WORDSCAN_H

#include <stddef.h>
#include <stdint.h>

struct tm_wordscan;

/* An automaton for words[0..n) (borrowed while building, not kept).
 * Words are compared with the text lower-cased (ASCII A-Z only), so a
 * word with an upper-case ASCII letter is never found; an empty word is
 * never found either.  Returns a new scanner for tm_wordscan_free. */
struct tm_wordscan *tm_wordscan_new(const char *const *words, size_t n);

void tm_wordscan_free(struct tm_wordscan *ws);

/* Set bit w % 64 of present[w / 64] for each word w that occurs in
 * text[0..len) lower-cased: a word of two or more bytes only before the
 * first NUL byte (as strstr would find it), a one-byte word anywhere (as
 * the text's set of bytes says).  present needs n / 64 + 1 words; bits are
 * only ever set. */
void tm_wordscan_run(const struct tm_wordscan *ws, const char *text, size_t len,
                     uint64_t *present);

#endif
