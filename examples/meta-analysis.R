# SPDX-License-Identifier: MIT
# A random-effects meta-analysis of mortality from trialmine's study table.
#
#   trialmine studies papers/*.xml -o studies.csv      (or trialmine run)
#   Rscript examples/meta-analysis.R studies.csv forest.png
#
# Reads the table as it is, leaves out the rows of reviews and
# meta-analyses (design column), keeps the rows where both arms have events
# and sizes (the others are listed, not guessed at), and pools risk
# ratios with metafor.  Check every row against its source offsets before
# a result goes into a review: the notes column says which cells were
# derived (events from a percentage) or inferred (arms from order).

args <- commandArgs(trailingOnly = TRUE)
path <- if (length(args) >= 1) args[1] else "studies.csv"
png_path <- if (length(args) >= 2) args[2] else NA

suppressPackageStartupMessages(library(metafor))

d <- read.csv(path, stringsAsFactors = FALSE, na.strings = "")
cat(sprintf("%s: %d rows, %d studies\n", path, nrow(d),
            length(unique(paste(d$doc, d$study)))))

mort <- d[!is.na(d$outcome) & d$outcome == "mortality", ]
# A review's or meta-analysis's own rows are not a study: its pooled
# numbers would count its trials twice.  Its cited trials' rows stay
# (their design cell is empty).  Tables from before the design column
# have none to skip.
if ("design" %in% names(mort)) {
    secondary <- !is.na(mort$design) &
        mort$design %in% c("review", "meta-analysis")
    if (any(secondary)) {
        cat("rows of reviews and meta-analyses (not primary studies, not pooled):\n")
        print(mort[secondary, c("study", "doc", "design")], row.names = FALSE)
    }
    mort <- mort[!secondary, ]
}
# Label studies by first author and year where the table knows them.
if ("study_label" %in% names(mort)) {
    mort$study <- ifelse(is.na(mort$study_label), mort$study, mort$study_label)
}
ok <- with(mort, !is.na(events_treatment) & !is.na(n_treatment) &
                 !is.na(events_control) & !is.na(n_control))
if (any(!ok)) {
    cat("rows without a full 2x2 table (not pooled):\n")
    print(mort[!ok, c("study", "doc", "pct_treatment", "pct_control",
                      "p_value")], row.names = FALSE)
}
m <- mort[ok, ]
if (nrow(m) < 2) {
    cat("fewer than two complete studies: nothing to pool\n")
    quit(status = 0)
}

es <- escalc(measure = "RR", ai = events_treatment, n1i = n_treatment,
             ci = events_control, n2i = n_control, data = m,
             slab = trimws(paste(study, ifelse(is.na(timepoint), "",
                                               timepoint))))
fit <- rma(yi, vi, data = es, method = "REML")
print(fit)
pooled <- predict(fit, transf = exp)
cat(sprintf("pooled risk ratio %.3f (95%% CI %.3f to %.3f), k = %d\n",
            pooled$pred, pooled$ci.lb, pooled$ci.ub, fit$k))

if (!is.na(png_path)) {
    png(png_path, width = 900, height = 120 + 40 * nrow(es))
    forest(fit, atransf = exp, xlab = "Risk ratio (mortality)")
    invisible(dev.off())
    cat(sprintf("forest plot: %s\n", png_path))
}
