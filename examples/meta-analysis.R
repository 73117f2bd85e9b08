# SPDX-License-Identifier: MIT
# A random-effects meta-analysis of mortality from trialmine's study table.
#
#   trialmine studies papers/*.xml -o studies.csv      (or trialmine run)
#   Rscript examples/meta-analysis.R studies.csv forest.png
#
# Reads the table as it is, leaves out the rows of reviews and
# meta-analyses (design column), keeps one comparison per study (its
# first: the table's primary comparison) with both arms' events and sizes
# (pooled as risk ratios) or else a reported ratio with its CI (pooled on
# the log scale by inverse variance), lists every row left out and why,
# and pools with metafor.  Check every row against its source offsets before
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
    # A secondary analysis of a trial (a post hoc or ancillary analysis)
    # reports a trial's people again: pooled, but named, so that a reviewer
    # who also has the trial's own report leaves one of them out.
    reanalysis <- !is.na(mort$design) & mort$design == "secondary-analysis"
    if (any(reanalysis)) {
        cat("secondary analyses of a trial (pooled; leave one out if the trial's own report is pooled too):\n")
        print(unique(mort[reanalysis, intersect(c("study_label", "doc"), names(mort))]),
              row.names = FALSE)
    }
}
# Label studies by first author and year where the table knows them.
if ("study_label" %in% names(mort)) {
    mort$study <- ifelse(is.na(mort$study_label), mort$study, mort$study_label)
}
# One comparison per study: the table puts a study's primary comparison
# first (all-cause before cause-specific, overall before subgroups, ITT
# before per-protocol), so its first usable row is the one pooled; the
# others would count the same patients again.
key <- paste(mort$doc, mort$study)
has2x2 <- with(mort, !is.na(events_treatment) & !is.na(n_treatment) &
                     !is.na(events_control) & !is.na(n_control))
# Where the events are missing, a ratio estimate with its CI pools on the
# log scale (generic inverse variance).
hasratio <- rep(FALSE, nrow(mort))
if (all(c("effect_measure", "effect_value", "ci_low", "ci_high") %in%
        names(mort))) {
    hasratio <- with(mort, !is.na(effect_measure) &
                           effect_measure %in% c("RR", "HR", "OR", "IRR") &
                           !is.na(effect_value) & !is.na(ci_low) &
                           !is.na(ci_high) & effect_value > 0 &
                           ci_low > 0 & ci_high > ci_low)
}
usable <- has2x2 | hasratio
first <- usable & !duplicated(ifelse(usable, key, paste("x", seq_along(key))))
if (any(!usable)) {
    cat("rows without a 2x2 table or a ratio with its CI (not pooled):\n")
    print(mort[!usable, c("study", "doc", "pct_treatment", "pct_control",
                          "p_value")], row.names = FALSE)
}
if (any(usable & !first)) {
    cat("further comparisons of a study already pooled (not pooled):\n")
    cols <- intersect(c("study", "doc", "timepoint", "outcome_detail",
                        "subgroup", "analysis"), names(mort))
    print(mort[usable & !first, cols], row.names = FALSE)
}
m <- mort[first, ]
if (nrow(m) < 2) {
    cat("fewer than two studies with a usable comparison: nothing to pool\n")
    quit(status = 0)
}
m2 <- m[has2x2[first], ]
es <- if (nrow(m2) > 0) {
    escalc(measure = "RR", ai = events_treatment, n1i = n_treatment,
           ci = events_control, n2i = n_control, data = m2)
} else {
    NULL
}
mr <- m[!has2x2[first], ]
yi <- c(if (!is.null(es)) as.numeric(es$yi),
        log(mr$effect_value))
vi <- c(if (!is.null(es)) as.numeric(es$vi),
        ((log(mr$ci_high) - log(mr$ci_low)) / (2 * qnorm(0.975)))^2)
lab <- c(if (nrow(m2) > 0)
             paste(m2$study, ifelse(is.na(m2$timepoint), "", m2$timepoint)),
         if (nrow(mr) > 0)
             paste(mr$study, ifelse(is.na(mr$timepoint), "", mr$timepoint),
                   paste0("(", mr$effect_measure, ")")))
fit <- rma(yi = yi, vi = vi, slab = trimws(lab), method = "REML")
print(fit)
pooled <- predict(fit, transf = exp)
cat(sprintf("pooled ratio %.3f (95%% CI %.3f to %.3f), k = %d studies (%d from 2x2 tables as RR, %d from reported ratios)\n",
            pooled$pred, pooled$ci.lb, pooled$ci.ub, fit$k, nrow(m2),
            nrow(mr)))

if (!is.na(png_path)) {
    png(png_path, width = 900, height = 120 + 40 * fit$k)
    forest(fit, atransf = exp, xlab = "Risk ratio (mortality)")
    invisible(dev.off())
    cat(sprintf("forest plot: %s\n", png_path))
}
