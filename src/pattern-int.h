/* SPDX-License-Identifier: MIT */
/*
 * pattern-int.h: the compiled pattern set, for extract.c (the only other
 * module that sees PCRE2) and the unit tests.
 */
#ifndef TM_PATTERN_INT_H
#define TM_PATTERN_INT_H

#include <pcre2.h>
#include <stdbool.h>

#include "doc.h"
#include "pattern.h"

/* pcre2_match(re, subject, len, off, PCRE2_NO_UTF_CHECK, md, mctx), going
 * straight to the JIT code when re has it: pcre2_match's own checks (about
 * 120 instructions a call, and the matchers call it half a million times
 * on 20 MB) are for arguments that ours always pass, and it would call
 * pcre2_jit_match with the same arguments.  Without JIT code (JIT off or
 * failed), pcre2_jit_match says so at once and the interpreter runs. */
static inline int
tm_match(const pcre2_code *re, const char *subject, size_t len, size_t off,
         pcre2_match_data *md, pcre2_match_context *mctx)
{
    int rc = pcre2_jit_match(re, (PCRE2_SPTR)subject, len, off,
                             PCRE2_NO_UTF_CHECK, md, mctx);

    if (rc == PCRE2_ERROR_JIT_BADOPTION)
        rc = pcre2_match(re, (PCRE2_SPTR)subject, len, off, PCRE2_NO_UTF_CHECK,
                         md, mctx);
    return rc;
}

/* Record fields a pattern can fill, by named group, `set` or `map`. */
enum tm_field {
    TM_F_VALUE,
    TM_F_VALUE_HIGH,
    TM_F_SPREAD,
    TM_F_EXPONENT, /* power of ten applied to value, value_high, spread */
    TM_F_SCALE,    /* "million", "x10^6": a multiplier likewise */
    TM_F_UNIT,
    TM_F_COMPARATOR,
    TM_F_SCOPE,
    TM_F_GROUP,
    TM_F_TIMEPOINT,
    TM_F_EVENTS,
    TM_F_TOTAL,
    TM_F_STUDY,
    TM_F_STUDY_REF, /* a citation as written ("[30]"), resolved later */
    TM_F_MEASURE,   /* an effect's measure: HR, OR, RR, ... */
    TM_F_CI_LOW,
    TM_F_CI_HIGH,
    TM_F_CI_LEVEL,
    TM_F_COUNT
};

/* The field's name, or -1 / NULL. */
int tm_field_lookup(const char *name, size_t len);
const char *tm_field_name(int field);
/* Is the field numeric (parsed with tm_number_parse)? */
bool tm_field_is_numeric(int field);

/* How far back a paragraph-before rule looks: a bound on purpose, so
 * that a document of one endless paragraph costs no more per match than
 * a long paragraph does. */
#define TM_PARAGRAPH_BEFORE_MAX 4000

enum tm_rule_where {
    TM_WHERE_SENTENCE,
    TM_WHERE_BEFORE,
    TM_WHERE_AFTER,
    TM_WHERE_NEAR,
    TM_WHERE_MATCH, /* the match itself (a mention: its list) */
    /* its paragraph, from the paragraph's start (a blank line) to it, at
     * most TM_PARAGRAPH_BEFORE_MAX bytes */
    TM_WHERE_PARAGRAPH_BEFORE,
    TM_WHERE_CLAUSE,        /* the clause of the match */
    TM_WHERE_CLAUSE_BEFORE, /* its clause, from the clause start to it */
    TM_WHERE_CLAUSE_AFTER   /* its clause, from it to the clause end */
};

/* A context rule: the regex must (require) or must not (forbid) match in
 * the sentence, within `chars` bytes before/after/around the match, or in
 * the match's clause (see tm_pattern_set.clause_break). */
struct tm_rule {
    bool forbid;
    enum tm_rule_where where;
    unsigned chars;
    pcre2_code *re;
    unsigned jit; /* re's index for tm_pattern_set_jit */
    bool shared;  /* re belongs to an earlier rule with the same src */
    char *src;
    unsigned line, column;
    /* A forbid rule's exception (`unless WHERE REGEX` on the next line):
     * the rule forbids only when this one does not hold.  Owned by the
     * rule; its regex may be shared as any rule's (see `shared`). */
    struct tm_rule *unless;
};

struct tm_kv {
    char *key;
    char *val;
};

/* An inline example: text that must (or, if negative, must not) yield a
 * record of the pattern's type, with the expected field values. */
struct tm_example {
    char *text;
    bool negative;
    struct tm_kv *expect;
    size_t nexpect;
    unsigned line;
};

/* Where part of a combined regex came from, to map PCRE2 error offsets
 * back to file:line:column. */
struct tm_segment {
    size_t off, len;
    const char *file;
    unsigned line, column;
};

struct tm_group_field {
    int field;
    uint32_t group;
};

/* When a repair rule runs: on the text before the layout pass (lines
 * intact, for page furniture) or after it (the default). */
enum tm_stage { TM_STAGE_RAW, TM_STAGE_TEXT };

/* A pattern (extraction: produces records of `type`) or a repair rule
 * (`repair NAME` blocks: rewrites the normalized text; is_repair set). */
struct tm_pattern {
    bool is_repair;
    char *replace;       /* repair: replacement template ($1, ${name}) */
    char *check;         /* repair: template whose number must lie in */
    double check_min;    /*   [check_min, check_max], or the repair is */
    double check_max;    /*   refused as implausible */
    enum tm_stage stage; /* repair: when it runs */
    bool layout;         /* repair: layout only, not listed on records */
    bool repeat;         /* repair: rerun on its own output (at most 4x) */
    char *name;
    char *id;   /* "p_value.pat:equals" */
    char *file; /* path as loaded (borrowed from the set's file list) */
    unsigned line;
    char *type;
    int priority;
    /* `min-arm-share F`: a record's value below F times the smallest
     * randomized arm of the document's trial is dropped once the trial
     * model knows its arms (trial.c); 0: no such check. */
    double min_arm_share;
    /* `from TYPE`: a role over mentions.  The pattern has no regex; every
     * mention of TYPE (an internal type, found first in each sentence)
     * whose context rules hold becomes a record of `type`, with the
     * mention's span and fields.  from_index: the patterns of TYPE. */
    char *from;
    bool mention; /* this pattern's type is some pattern's `from` */
    char *regex;  /* the user's regex lines joined with newlines */
    struct tm_segment *segs;
    size_t nsegs;
    pcre2_code *re;
    unsigned jit;                  /* re's index for tm_pattern_set_jit */
    struct tm_group_field *groups; /* named groups that fill fields */
    size_t ngroups;
    struct tm_kv *sets; /* constant fields (key is the field name) */
    size_t nsets;
    unsigned keep; /* fields (1 << tm_field) no role may change */
    struct tm_rule *rules;
    size_t nrules;
    struct tm_strv prefilter; /* lower-case literals */
    unsigned *prefilter_line; /* per word, the prefilter line it is on: a
                                 word of every line must occur */
    unsigned nprefilter_lines;
    struct tm_example *examples;
    size_t nexamples;
};

/* `map FIELD REGEX => REPLACEMENT`: canonical values for a field. */
struct tm_map {
    int field;
    char *src;
    char *replacement;
    pcre2_code *re;
    unsigned jit; /* re's index for tm_pattern_set_jit */
    const char *file;
    unsigned line, column;
};

struct tm_define {
    char *name;
    char *src; /* lines joined with newlines */
    struct tm_segment *segs;
    size_t nsegs;
    const char *file;
    unsigned line;
    size_t flat_len; /* length with every call inlined; SIZE_MAX if not */
    bool captures;   /* has a capturing group (never inlined) */
};

/* `label NAME REGEX`: a class of arm labels, or of a label's words, that
 * the trial model asks about by name (tm_pattern_set_label). */
struct tm_label {
    char *name;
    char *src; /* lines joined with newlines, as a define's */
    struct tm_segment *segs;
    size_t nsegs;
    const char *file;
    unsigned line;
    pcre2_code *re;
};

/* The type-wide lines of pattern files:
 * `role TYPE FIELD=VALUE WHERE REGEX` (TM_ROLE_SET): a record of TYPE whose
 * pattern did not capture FIELD gets VALUE when the context rule holds
 * (the first holding role of a type and field wins, in file order);
 * `reject TYPE WHERE REGEX` (TM_ROLE_REJECT): no record of TYPE where the
 * rule holds; `range TYPE MIN MAX [FIELD=VALUE]` (TM_ROLE_RANGE, no rule): none
 * whose value or value_high is outside [min, max] (with a condition:
 * among those whose text FIELD is VALUE, in `field` and `value`). */
enum tm_role_kind { TM_ROLE_SET, TM_ROLE_REJECT, TM_ROLE_RANGE };

struct tm_role {
    enum tm_role_kind kind;
    char *type;
    int field; /* TM_ROLE_SET: the field it sets */
    char *value;
    double min, max;
    struct tm_rule rule; /* forbid is false */
    const char *file;
};

struct tm_pattern_set {
    struct tm_strv files;
    struct tm_pattern *patterns;
    size_t npatterns, patterns_cap;
    struct tm_define *defines;
    size_t ndefines, defines_cap;
    struct tm_map *maps;
    size_t nmaps, maps_cap;
    struct tm_role *roles;
    size_t nroles;
    struct tm_label *labels;
    size_t nlabels, labels_cap;
    bool has_mentions; /* some pattern reads mentions (`from`) */
    struct tm_strv diags;
    /* `(?&clausebreak)` compiled, when a file defines clausebreak: what
     * ends a clause inside a sentence (clause rules need it); with a
     * `listbreak` define, `(?&clausebreak)|(?<_list>(?&listbreak))`, and
     * `clauseverb` decides which list breaks end a clause (and see
     * aside_group). */
    pcre2_code *clause_break;
    pcre2_code *clause_verb;
    /* `(?&listsep)` and `(?&listlast)` anchored at both ends, when files
     * define both: what stands between two members of one list of
     * mentions ("39%, 45%, and 34%"), and before its last member (a list
     * needs one: "February 2020, seven patients" is none). */
    pcre2_code *list_sep;
    pcre2_code *list_last; /* `(?&listlast)`: before a list's last member */
    /* Their indexes for tm_pattern_set_jit. */
    unsigned clause_break_jit, clause_verb_jit, list_sep_jit, list_last_jit;
    uint32_t list_group; /* the _list group's number, 0 without one */
    /* With a `clauseaside` define, `(?<_aside>(?&clauseaside))|` opens
     * clause_break: an aside ("323 subjects, 169 of whom received it,
     * reported ...") is set apart like a bracketed group, not a break.
     * The _aside group's number, 0 without one. */
    uint32_t aside_group;
    struct tm_pattern_limits limits;
    bool compiled;
    /* Every regex the matchers run, JIT-compiled when first used (see
     * tm_pattern_set_jit); mutable behind its lock. */
    struct tm_jit_list *jit;
    /* Files loaded (device, inode): a file named twice loads once. */
    struct {
        unsigned long long dev, ino;
    } * loaded;
    size_t nloaded;
};

/*
 * JIT code is made when a regex is first used, not when the set is
 * compiled: JIT-compiling all of them took four fifths of the start-up
 * (330 of 450 million instructions), and an input uses few of the `unless`
 * and `forbid` rules, or none of anything (an empty file).  Each regex a
 * matcher runs has an index (its `jit` field); a matcher keeps a flag per
 * index and calls this before its first match with that regex.
 *
 * Make regex `index` ready: JIT-compile it the first time any caller asks,
 * under the set's lock (a JIT failure leaves it to the interpreter, as
 * before; with limits.no_jit nothing is compiled).  Thread-safe: a worker's
 * own call orders its matches after the compile, and the regex is never
 * changed again.
 */
void tm_pattern_set_jit(const struct tm_pattern_set *set, unsigned index);

/* The number of indexes (a matcher's flags). */
size_t tm_pattern_set_njit(const struct tm_pattern_set *set);

/* The bytes of machine code the JIT has made so far (each regex is
 * compiled on first use), and in *njitted how many regexes it made them
 * for; for --profile. */
size_t tm_pattern_set_jit_bytes(const struct tm_pattern_set *set,
                                size_t *njitted);

#endif
