/* SPDX-License-Identifier: MIT */
/*
 * forest: a forest plot as inline SVG, drawn by trialmine itself so the
 * review page needs neither R nor a plotting library.  Rows are ratio
 * estimates with their CI, on a log scale, with a DerSimonian-Laird
 * random-effects pooled estimate as a diamond: a screen of the table, not
 * the review's analysis (examples/meta-analysis.R pools with metafor).
 * Labels are escaped; a row links to its estimate's element in the page.
 */
#include "config.h"
#include "forest.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "html.h"
#include "utf8.h"

struct row {
    char *label, *measure;
    char *anchor; /* the estimate's element id, or NULL */
    double v, lo, hi;
};

struct tm_forest {
    struct row *rows;
    size_t n, cap, max;
    unsigned long dropped; /* rows past max */
};

struct tm_forest *
tm_forest_new(size_t max)
{
    struct tm_forest *f = tm_xcalloc(1, sizeof *f);

    f->max = max;
    return f;
}

void
tm_forest_free(struct tm_forest *f)
{
    size_t i;

    if (f == NULL)
        return;
    for (i = 0; i < f->n; i++) {
        free(f->rows[i].label);
        free(f->rows[i].measure);
        free(f->rows[i].anchor);
    }
    free(f->rows);
    free(f);
}

void
tm_forest_add(struct tm_forest *f, const char *label, const char *measure,
              double v, double lo, double hi, const char *anchor)
{
    struct row *r;

    if (!(v > 0 && lo > 0 && hi > lo) || !isfinite(hi))
        return;
    if (f->n >= f->max) {
        f->dropped++;
        return;
    }
    if (f->n == f->cap) {
        f->cap = f->cap ? 2 * f->cap : 16;
        f->rows = tm_xreallocarray(f->rows, f->cap, sizeof *f->rows);
    }
    r = &f->rows[f->n++];
    r->label = tm_xstrdup(label);
    r->measure = tm_xstrdup(measure);
    r->anchor = anchor != NULL ? tm_xstrdup(anchor) : NULL;
    r->v = v;
    r->lo = lo;
    r->hi = hi;
}

#define F_W 960
#define F_LABEL 330 /* the labels' column */
#define F_PLOT 420  /* the plot's width */
#define F_ROW 22

static double
fx(double v, double lmin, double lmax)
{
    return F_LABEL + 10 + (log(v) - lmin) / (lmax - lmin) * F_PLOT;
}

void
tm_forest_svg(const struct tm_forest *f, struct tm_buf *b)
{
    double lmin = 0, lmax = 0, sw = 0, swy = 0, sw2 = 0, q = 0, tau2, fe;
    double rw = 0, rwy = 0, pooled = 0, pse = 0;
    static const double ticks[] = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1,
                                   2,    5,    10,   20,  50,  100};
    size_t i, k = f->n, nrows = k + (k >= 2 ? 2 : 0);
    int h = (int)(nrows * F_ROW) + 70;

    if (k == 0) {
        tm_buf_puts(b, "<p>No study row has a ratio estimate (RR, HR, OR, "
                       "IRR) with its confidence interval.</p>\n");
        return;
    }
    for (i = 0; i < k; i++) {
        double lo = log(f->rows[i].lo), hi = log(f->rows[i].hi);
        double se = (hi - lo) / (2 * 1.959964), w = 1 / (se * se);

        lmin = i == 0 || lo < lmin ? lo : lmin;
        lmax = i == 0 || hi > lmax ? hi : lmax;
        sw += w;
        swy += w * log(f->rows[i].v);
        sw2 += w * w;
    }
    /* DerSimonian-Laird random effects on the log scale: a screen of the
     * table, not the review's analysis (examples/meta-analysis.R). */
    fe = swy / sw;
    for (i = 0; i < k; i++) {
        double lo = log(f->rows[i].lo), hi = log(f->rows[i].hi);
        double se = (hi - lo) / (2 * 1.959964), y = log(f->rows[i].v);

        q += (y - fe) * (y - fe) / (se * se);
    }
    tau2 = k > 1 && sw - sw2 / sw > 0 ? (q - (double)(k - 1)) / (sw - sw2 / sw)
                                      : 0;
    if (tau2 < 0)
        tau2 = 0;
    for (i = 0; i < k; i++) {
        double lo = log(f->rows[i].lo), hi = log(f->rows[i].hi);
        double se = (hi - lo) / (2 * 1.959964), w = 1 / (se * se + tau2);

        rw += w;
        rwy += w * log(f->rows[i].v);
    }
    pooled = rwy / rw;
    pse = sqrt(1 / rw);
    if (lmin > -0.1)
        lmin = -0.1;
    if (lmax < 0.1)
        lmax = 0.1;
    lmin -= 0.1 * (lmax - lmin);
    lmax += 0.1 * (lmax - lmin);
    tm_buf_printf(b,
                  "<svg id=\"forest-svg\" role=\"img\" viewBox=\"0 0 %d %d\" "
                  "width=\"%d\" height=\"%d\" "
                  "xmlns=\"http://www.w3.org/2000/svg\" "
                  "aria-labelledby=\"forest-title\">"
                  "<title id=\"forest-title\">Forest plot: %zu ratio "
                  "estimates, log scale</title>\n",
                  F_W, h, F_W, h, k);
    tm_buf_printf(b,
                  "<line class=\"null\" x1=\"%.1f\" x2=\"%.1f\" y1=\"10\" "
                  "y2=\"%d\"/>\n",
                  fx(1, lmin, lmax), fx(1, lmin, lmax), h - 40);
    for (i = 0; i < k; i++) {
        const struct row *r = &f->rows[i];
        double y = 20 + (double)i * F_ROW;
        size_t ll = strlen(r->label);

        if (r->anchor != NULL)
            tm_buf_printf(b, "<a href=\"#%s\">", r->anchor);
        tm_buf_printf(b, "<text x=\"4\" y=\"%.1f\">", y + 4);
        tm_html_text(b, r->label, tm_utf8_floor(r->label, ll < 48 ? ll : 48));
        tm_buf_puts(b, "</text>");
        if (r->anchor != NULL)
            tm_buf_puts(b, "</a>");
        tm_buf_printf(b,
                      "<line class=\"ci\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" "
                      "y2=\"%.1f\"/><rect class=\"est\" x=\"%.1f\" "
                      "y=\"%.1f\" width=\"8\" height=\"8\"/>",
                      fx(r->lo, lmin, lmax), fx(r->hi, lmin, lmax), y, y,
                      fx(r->v, lmin, lmax) - 4, y - 4);
        tm_buf_printf(b, "<text x=\"%d\" y=\"%.1f\">", F_LABEL + F_PLOT + 30,
                      y + 4);
        tm_html_text(b, r->measure, strlen(r->measure));
        tm_buf_printf(b, " %.2f [%.2f, %.2f]</text>\n", r->v, r->lo, r->hi);
    }
    if (k >= 2) {
        double y = 20 + (double)(k + 1) * F_ROW;
        double lo = pooled - 1.959964 * pse, hi = pooled + 1.959964 * pse;
        double xc = fx(exp(pooled), lmin, lmax);

        tm_buf_printf(b,
                      "<text x=\"4\" y=\"%.1f\" class=\"pool\">Pooled "
                      "(random effects, DerSimonian-Laird)</text>"
                      "<polygon class=\"pool\" points=\"%.1f,%.1f %.1f,%.1f "
                      "%.1f,%.1f %.1f,%.1f\"/>"
                      "<text x=\"%d\" y=\"%.1f\" class=\"pool\">%.2f [%.2f, "
                      "%.2f]</text>\n",
                      y + 4, fx(exp(lo), lmin, lmax), y, xc, y - 6,
                      fx(exp(hi), lmin, lmax), y, xc, y + 6,
                      F_LABEL + F_PLOT + 30, y + 4, exp(pooled), exp(lo),
                      exp(hi));
    }
    for (i = 0; i < sizeof ticks / sizeof *ticks; i++) {
        double x;

        if (log(ticks[i]) < lmin || log(ticks[i]) > lmax)
            continue;
        x = fx(ticks[i], lmin, lmax);
        tm_buf_printf(b,
                      "<line class=\"tick\" x1=\"%.1f\" x2=\"%.1f\" "
                      "y1=\"%d\" y2=\"%d\"/><text class=\"tick\" "
                      "x=\"%.1f\" y=\"%d\">%g</text>",
                      x, x, h - 40, h - 35, x, h - 22, ticks[i]);
    }
    tm_buf_printf(b,
                  "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" "
                  "y2=\"%d\"/><text class=\"tick\" x=\"%.1f\" y=\"%d\">"
                  "ratio (log scale)</text></svg>\n",
                  F_LABEL + 10, F_LABEL + 10 + F_PLOT, h - 40, h - 40,
                  fx(1, lmin, lmax), h - 6);
    if (k >= 2)
        tm_buf_printf(b,
                      "<p class=\"note\">%zu studies: the first ratio "
                      "estimate with a CI of each primary study (reviews "
                      "left out).  Measures are mixed as the table gives "
                      "them; pool with examples/meta-analysis.R for the "
                      "review.</p>\n",
                      k);
    if (f->dropped > 0)
        tm_buf_printf(b, "<p class=\"note\">%lu more not drawn.</p>\n",
                      f->dropped);
}
