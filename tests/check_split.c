/* SPDX-License-Identifier: MIT */
/* Tests for split: which prologs can be split, where cuts fall and what
 * they count, and that pieces parsed apart give the documents of the
 * whole file, numbered as in it, while a false cut is caught. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "parse.h"
#include "split.h"
#include "testutil.h"

START_TEST(test_split_prolog)
{
    struct tm_split sp;
    const char *ok =
        "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- a > b -->\n"
        "<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD > 2019//EN\" "
        "\"https://dtd.nlm.nih.gov/x.dtd\">\n"
        "<PubmedArticleSet a='>'>\n<PubmedArticle>";

    ck_assert(tm_split_prolog(ok, strlen(ok), &sp));
    ck_assert_uint_eq(sp.prolog_len, strlen(ok) - strlen("\n<PubmedArticle>"));
    ck_assert_str_eq(sp.close, "</PubmedArticleSet>");
    ck_assert(
        tm_split_prolog("<pmc-articleset xmlns:x=\"u\"><article>", 36, &sp));
    ck_assert_str_eq(sp.close, "</pmc-articleset>");
    ck_assert_str_eq(sp.ends[0], "</article>");
    /* Read serially: an internal subset, an empty root, a root whose
     * records are not known, a root with a prefix, a prolog cut short,
     * text before the root. */
    ck_assert(!tm_split_prolog("<!DOCTYPE x [<!ENTITY e \"v\">]>"
                               "<PubmedArticleSet>",
                               48, &sp));
    ck_assert(!tm_split_prolog("<PubmedArticleSet/>", 19, &sp));
    ck_assert(!tm_split_prolog("<article><front>", 16, &sp));
    ck_assert(!tm_split_prolog("<p:PubmedArticleSet>", 20, &sp));
    ck_assert(!tm_split_prolog("<PubmedArticleSet a=\"x", 22, &sp));
    ck_assert(!tm_split_prolog("<?xml version=\"1.0\"", 19, &sp));
    ck_assert(!tm_split_prolog("x<PubmedArticleSet>", 19, &sp));
}
END_TEST

START_TEST(test_split_cut_and_count)
{
    struct tm_split sp;
    const char *s = "<PubmedArticleSet><PubmedArticle>a</PubmedArticle>"
                    "<PubmedBookArticle>b</PubmedBookArticle>"
                    "<PubmedArticle>c</PubmedArticle></PubmedArticleSet>";
    size_t len = strlen(s), a, b;

    ck_assert(tm_split_prolog(s, len, &sp));
    a = tm_split_cut(&sp, s, len, 0);
    ck_assert_uint_eq(a, strlen("<PubmedArticleSet><PubmedArticle>a"
                                "</PubmedArticle>"));
    /* The book article's end comes first after a. */
    b = tm_split_cut(&sp, s, len, a);
    ck_assert_uint_eq(b, a + strlen("<PubmedBookArticle>b"
                                    "</PubmedBookArticle>"));
    ck_assert_uint_eq(tm_split_cut(&sp, s, len, len - 20), 0);
    ck_assert_uint_eq(tm_split_count(&sp, s, len), 3);
    ck_assert_uint_eq(tm_split_count(&sp, s, a - 1), 0);
}
END_TEST

/* Documents as "id|source|text" lines. */
static enum tm_status
collect(void *ctx, struct tm_doc *doc, struct tm_err *err)
{
    struct tm_buf *b = ctx;

    (void)err;
    tm_buf_printf(b, "%s|%s|", doc->id, doc->source);
    tm_buf_append(b, doc->text, doc->len);
    tm_buf_putc(b, '\n');
    return TM_OK;
}

struct mem {
    const char *s;
    size_t left;
};

static long
mem_read(void *ctx, char *buf, size_t len)
{
    struct mem *m = ctx;

    if (len > m->left)
        len = m->left;
    memcpy(buf, m->s, len);
    m->s += len;
    m->left -= len;
    return (long)len;
}

/* Three records (one without a PMID, so numbered by its place), blank
 * lines and a DeleteCitation between them. */
static const char pubmed[] =
    "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n"
    "<PubmedArticle><MedlineCitation><PMID>11</PMID><Article>"
    "<ArticleTitle>One</ArticleTitle><Abstract><AbstractText>Ten "
    "<i>patients</i> died.</AbstractText></Abstract></Article>"
    "</MedlineCitation></PubmedArticle>\n\n"
    "<DeleteCitation><PMID>5</PMID></DeleteCitation>\n"
    "<PubmedArticle><MedlineCitation><Article><ArticleTitle>Two"
    "</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n"
    "<PubmedArticle><MedlineCitation><PMID>33</PMID><Article>"
    "<ArticleTitle>Three<sup>6</sup></ArticleTitle></Article>"
    "</MedlineCitation></PubmedArticle>\n</PubmedArticleSet>\n";

/* The documents of pieces cut at offsets cuts[0..n) (0 < cut < len). */
static bool
parse_pieces(const char *s, size_t len, const size_t *cuts, size_t n,
             struct tm_buf *out)
{
    struct tm_split sp;
    struct tm_parse_piece pc;
    size_t i, from;
    unsigned long first = 0;

    ck_assert(tm_split_prolog(s, len, &sp));
    from = sp.prolog_len;
    for (i = 0; i <= n; i++) {
        size_t to = i < n ? cuts[i] : len;
        unsigned long nrec, nskip;

        pc.prolog = s;
        pc.prolog_len = sp.prolog_len;
        pc.body = s + from;
        pc.len = to - from;
        pc.close = i < n ? sp.close : NULL;
        pc.first = first;
        if (!tm_parse_xml_piece("f.xml", &pc, collect, out, NULL, &nrec,
                                &nskip) ||
            nrec != tm_split_count(&sp, pc.body, pc.len))
            return false;
        first += nrec;
        from = to;
    }
    return true;
}

START_TEST(test_split_pieces_read_as_whole)
{
    size_t len = strlen(pubmed), cuts[3], k = 0, at = 0;
    struct tm_buf whole, parts;
    struct tm_split sp;
    struct mem m = {pubmed, len};

    tm_buf_init(&whole, 0);
    ck_assert_int_eq(
        tm_parse_xml("f.xml", "", 0, mem_read, &m, collect, &whole, NULL, NULL),
        TM_OK);
    ck_assert(strstr(whole.data, "f.xml#2|f.xml#2|Two") != NULL);
    ck_assert(tm_split_prolog(pubmed, len, &sp));
    while (k < 3 && (at = tm_split_cut(&sp, pubmed, len, at)) != 0)
        cuts[k++] = at;
    ck_assert_uint_eq(k, 3);
    /* Every way of cutting at record ends reads as the whole file. */
    for (unsigned mask = 0; mask < 8; mask++) {
        size_t c[3], n = 0;

        for (size_t i = 0; i < 3; i++)
            if (mask & (1u << i))
                c[n++] = cuts[i];
        tm_buf_init(&parts, 0);
        ck_assert(parse_pieces(pubmed, len, c, n, &parts));
        ck_assert_uint_eq(parts.len, whole.len);
        ck_assert(memcmp(parts.data, whole.data, whole.len) == 0);
        tm_buf_clear(&parts);
    }
    tm_buf_clear(&whole);
}
END_TEST

START_TEST(test_split_false_cuts_fail)
{
    /* A record end tag inside a comment, a CDATA section and a record:
     * a cut there does not parse as cut, or counts wrong. */
    static const char *const traps[] = {
        "<!-- </PubmedArticle> -->",
        "<![CDATA[ </PubmedArticle> ]]>",
        "<?pi </PubmedArticle> ?>",
    };
    for (size_t t = 0; t < sizeof traps / sizeof *traps; t++) {
        struct tm_buf s, out;
        struct tm_split sp;
        size_t cut;

        tm_buf_init(&s, 0);
        tm_buf_init(&out, 0);
        tm_buf_printf(&s,
                      "<PubmedArticleSet><PubmedArticle><MedlineCitation>"
                      "<PMID>1</PMID><Article><ArticleTitle>A %s B"
                      "</ArticleTitle></Article></MedlineCitation>"
                      "</PubmedArticle><PubmedArticle><MedlineCitation>"
                      "<PMID>2</PMID></MedlineCitation></PubmedArticle>"
                      "</PubmedArticleSet>",
                      traps[t]);
        ck_assert(tm_split_prolog(s.data, s.len, &sp));
        cut = tm_split_cut(&sp, s.data, s.len, 0);
        ck_assert(cut != 0);
        ck_assert(!parse_pieces(s.data, s.len, &cut, 1, &out));
        /* Uncut, the count is off by the trap: caught too. */
        tm_buf_reset(&out);
        ck_assert(!parse_pieces(s.data, s.len, NULL, 0, &out));
        tm_buf_clear(&s);
        tm_buf_clear(&out);
    }
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("split");
    TCase *tc = tcase_create("pieces");

    tcase_add_test(tc, test_split_prolog);
    tcase_add_test(tc, test_split_cut_and_count);
    tcase_add_test(tc, test_split_pieces_read_as_whole);
    tcase_add_test(tc, test_split_false_cuts_fail);
    suite_add_tcase(s, tc);
    return tm_test_main(s);
}
