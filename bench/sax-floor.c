/* SPDX-License-Identifier: MIT */
/*
 * sax-floor: the cheapest libxml2 parse of a file: a SAX2 push parse with
 * no callbacks at all (no text collected, no elements seen), the options
 * trialmine uses (NONET, no entity expansion).  bench/run times it next
 * to trialmine and the reference tools, as the floor under any pipeline
 * built on libxml2.
 *
 *   cc -O2 -o sax-floor sax-floor.c $(pkg-config --cflags --libs libxml-2.0)
 *   ./sax-floor FILE
 */
#include <libxml/parser.h>
#include <stdio.h>
#include <string.h>

int
main(int argc, char **argv)
{
    static char buf[1 << 18];
    xmlSAXHandler sax;
    xmlParserCtxtPtr ctxt;
    FILE *f;
    size_t n;
    int rc = 0;

    if (argc != 2 || (f = fopen(argv[1], "rb")) == NULL) {
        fprintf(stderr, "usage: sax-floor FILE\n");
        return 2;
    }
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    n = fread(buf, 1, 4, f);
    ctxt = xmlCreatePushParserCtxt(&sax, NULL, buf, (int)n, argv[1]);
    if (ctxt == NULL)
        return 1;
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA);
    while (rc == 0 && (n = fread(buf, 1, sizeof buf, f)) > 0)
        rc = xmlParseChunk(ctxt, buf, (int)n, 0);
    if (rc == 0)
        rc = xmlParseChunk(ctxt, NULL, 0, 1);
    if (rc != 0 || !ctxt->wellFormed)
        fprintf(stderr, "sax-floor: %s: not well-formed\n", argv[1]);
    xmlFreeParserCtxt(ctxt);
    fclose(f);
    return rc != 0;
}
