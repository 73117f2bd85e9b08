/* SPDX-License-Identifier: MIT */
/*
 * text: paragraphs and sentences.  Patterns run one sentence at a time and
 * context rules ("mortality needs a death word in the same sentence") are
 * judged within a sentence, so the splitter decides what "the same
 * sentence" means.  A line break inside a paragraph is white space; a
 * blank line ends a paragraph and so a sentence.
 */
#ifndef TM_TEXT_H
#define TM_TEXT_H

#include <stdbool.h>
#include <stddef.h>

struct tm_span {
    size_t start, end;
};

/* A growable list of spans. */
struct tm_spans {
    struct tm_span *v;
    size_t n, cap;
};

/* Split text[0..len) into sentences, replacing the contents of out.
 * Each span starts at a non-space byte and ends after the sentence's final
 * punctuation (or at the paragraph end); spaces between sentences belong
 * to none.  Abbreviations ("et al.", "vs.", "Fig.", "e.g.") and decimal
 * points do not end a sentence. */
void tm_text_sentences(const char *text, size_t len, struct tm_spans *out);

/* The index of the last span starting at or before off (spans sorted
 * and not overlapping; 0 when off precedes them all).  s->n must be > 0. */
size_t tm_spans_find(const struct tm_spans *s, size_t off);

/* A document's sentences, split when a stage first asks for them:
 * attribution, scopes, arm linkage, the trial model and the study table
 * all read the sentences of one document, and it is split once. */
struct tm_sentences {
    const char *text;
    size_t len;
    bool ready;
    struct tm_spans spans;
};

/* Forget the sentences of the last text; text[0..len) (borrowed) is split
 * on first use. */
void tm_sentences_reset(struct tm_sentences *s, const char *text, size_t len);
/* The sentences of the text, at least one span (a text without any
 * sentence is one). */
const struct tm_spans *tm_sentences_get(struct tm_sentences *s);
void tm_sentences_clear(struct tm_sentences *s);

/* Append a span. */
void tm_spans_push(struct tm_spans *s, size_t start, size_t end);
void tm_spans_clear(struct tm_spans *s);

/* Is c a byte of a word, as tm_text_next_word counts them: a letter, a
 * digit or any byte of a multi-byte character? */
bool tm_text_word_byte(unsigned char c);

/* The forms a name (an arm's label) takes in text: form 0 the name
 * itself; 1 its plural ("MSCs" for "MSC": a final letter other than s,
 * plus s, written into buf of cap bytes); 2 its singular ("MSC" for
 * "MSCs": at least 4 bytes, less a final s after a letter).  Sets *out to
 * the form's bytes and returns its length, or 0 when the name has no
 * such form. */
size_t tm_text_name_form(const char *name, size_t n, int form, char *buf,
                         size_t cap, const char **out);

/* The offset of the first whole-word occurrence of word[0..w) in
 * text[from..len), ASCII case ignored, or len (a word byte is a letter,
 * a digit or any byte of a multi-byte character; a number is whole with
 * its decimals: "5 mg" is not in "2.5 mg"). */
size_t tm_text_next_word(const char *text, size_t len, size_t from,
                         const char *word, size_t w);

/* Does text[a..b) open a bracket it does not close ("48 (MSC n=25":
 * what follows stands inside a bracket that opened after a)? */
bool tm_text_opens_bracket(const char *text, size_t a, size_t b);

#endif
