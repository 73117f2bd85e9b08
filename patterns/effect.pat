# Effect estimates: a ratio or a difference with its confidence interval,
# as a meta-analysis pools them.  A record of type `effect` has `measure`
# (HR, OR, RR, IRR, RD, MD, SMD, RRR), `value`, `ci_low`, `ci_high` and,
# when the text gives it, `ci_level` (95).  Its p-value, if any, is a
# p_value record of its own.

# How an effect measure is named.  The regex is tried at nearly every
# letter of a sentence, so each branch first looks ahead at the letters
# it must start with (two, or the whole word before the lookbehind), and
# most letters are turned away before the word lists, the lookbehind and
# the UCP \b run: under a third of the instructions, the same matches.
define effmeasure (?i: (?= [acdhilmoprsu] [abdeinorst] )
                      (?: adjusted \s+ | unadjusted \s+ | crude \s+ | pooled \s+ )?
                      (?: hazard \s+ ratios? | odds \s+ ratios? | (?: relative | absolute ) \s+ risks? (?: \s+ reductions? | \s+ differences? )?
                        | risk \s+ ratios? | risk \s+ differences? | (?: incidence \s+ )? rate \s+ ratios? | (?: death | mortality ) \s+ (?: rate \s+ )? ratios?
                        | (?: standardi[sz]ed \s+ | LS \s+ | least [-\s] squares? \s+ )? mean (?: \s+ change )? \s+ differences?
                        | difference \s+ in \s+ means
                        | (?= difference ) (?<= \b a \s | \b the \s | \b estimated \s | \b adjusted \s | \( | [,;] \s ) difference (?= \s+ (?: of | was | in | between | \( | [−–-]? \d ) ) )
                    | (?-i: (?= [aAHORISM] [HORDM] ) \b (?: [aA]?HR | [aA]?OR | RR | IRR | RD | ARD | RRR | SMD | MD ) s? \b ) )
# A word that every effmeasure contains, with its case ("OR" in upper
# case, not the "or" of a prefilter): `require sentence (?&effword)` skips
# the sentences where no measure can be, for a fraction of the cost of
# looking for effmeasure itself.
define effword (?i: ratio | risk | difference ) | (?-i: HR | OR | RR | RD | MD )
# The words a CI is announced with: "95% CI", "95% confidence interval [CI]".
define cilabel    (?i: CI | CrI | confidence \s+ intervals? | credible \s+ intervals? ) (?: \s* [\[(] \s* (?: \d{2} \s* % \s* )? (?i: CI ) \s* [\])] )?
# A unit after an estimate ("a difference of 0.022 L (95% CI ...)",
# "−0.37 inhalations (95% CI ...)"): a word, not the CI's.
define effunit    \s+ (?! (?i: CI | CrI | confidence | credible | and | or | vs | versus | in | for | with ) \b ) [\p{L}][\p{L}/.²³-]{0,14}
# What the estimate is per: "HR 1.05 per one-year increase; 95% CI".
define perunit    \s+ (?i: per ) \s+ [\w-]+ (?: \s+ [\w-]+ ){0,3}? (?= \s* [;,(\[] )
# A bound: a signed decimal ("- 0.5" too).  An upper bound followed by a
# dash and a digit was a decimal comma's half ("-1,6 – 0,6"): no match.
define bound      (?: (?&minus) \ ? )? (?&decimal)
# What may stand between a measure and its value: words, a bracket
# without numbers ("difference in the score (A−B) was"), a time ("at 12
# months").
define effgap     [^\d;()\[\]=<>]{1,60}? (?: (?: \( [^\d()\[\]=<>]{1,40} \) | \d{1,3} \s+ (?i: days? | weeks? | months? | years? | hours? ) \b ) [^\d;()\[\]=<>]{0,40}? ){0,2}
# What parts the two bounds: a dash, "to", a comma.
define cisep      \s* (?: – | - | − | (?i: to ) | , ) \s*

map measure (?i) (?: adjusted \s+ | unadjusted \s+ | crude \s+ | pooled \s+ )? hazard \s+ ratios? | a?HRs?  => HR
map measure (?i) (?: adjusted \s+ | unadjusted \s+ | crude \s+ | pooled \s+ )? odds \s+ ratios? | a?ORs?  => OR
map measure (?i) (?: adjusted \s+ | unadjusted \s+ | crude \s+ | pooled \s+ )? incidence \s+ rate \s+ ratios? | IRRs?  => IRR
map measure (?i) (?: adjusted \s+ | unadjusted \s+ | crude \s+ | pooled \s+ )? (?: relative \s+ risks? | risk \s+ ratios? | (?: death | mortality ) \s+ (?: rate \s+ )? ratios? | rate \s+ ratios? ) | RRs?  => RR
map measure (?i) (?: adjusted \s+ | unadjusted \s+ | crude \s+ | pooled \s+ )? (?: relative \s+ risk \s+ reductions? ) | RRR  => RRR
map measure (?i) (?: adjusted \s+ | unadjusted \s+ | crude \s+ | pooled \s+ )? (?: absolute \s+ risk \s+ (?: reductions? | differences? ) | risk \s+ differences? ) | RD | ARD  => RD
map measure (?i) (?: adjusted \s+ | unadjusted \s+ | crude \s+ | pooled \s+ )? standardi[sz]ed \s+ mean \s+ differences? | SMD  => SMD
map measure (?i) (?: adjusted \s+ | unadjusted \s+ | crude \s+ | pooled \s+ )? (?: (?: LS \s+ | least [-\s] squares? \s+ )? mean (?: \s+ change )? \s+ differences? | difference \s+ in \s+ means | difference ) | MD  => MD

# "HR 0.51; 95% CI 0.36–0.74", "odds ratio, 0.62 [95% CI, 0.41 to 0.93]",
# "hazard ratio for death, 0.87; 95% confidence interval [CI], 0.81 to
# 0.94", "RR 0.66, 95% CI 0.50-0.87", "MD −1.2 (95% CI −2.0 to −0.4)".
pattern labelled-ci
    type effect
    prefilter %
    prefilter ci confidence credible
    prefilter ratio difference reduction relative hr or rr rd md smd irr
    priority 10
    require sentence (?&effword)
    regex (?<measure> (?&effmeasure) ) (?: \s* [\[(] \s* [A-Za-z]{2,4} \s* [\])] )?
    regex (?: \s+ (?: (?! (?i: was | were | is ) \b | (?i: of ) \s+ [^\p{L}] ) (?&effgap) ) )? (?: \s* [,:=] \s* | \s+ (?i: was | were | is | of ) \s+ | \s+ )
    regex (?<value> (?&bound) ) (?<_pc> \s* % )? (?&effunit)? (?&perunit)?
    # "−12 in favour of the intervention group (95% CI ...)", "−1.7 with
    # a 95% CI of −6.6 to 3.2".
    regex (?: \s+ (?i: in \s+ favou?r \s+ of ) [^\d;()\[\]=<>]{1,50}? (?= \s* [;,(\[] ) )?
    regex \s* [;,(\[]? \s* (?: (?i: with \s+ (?: a \s+ )? ) )?
    regex (?<ci_level> \d{2} (?: \. \d )? ) \s* % \s* (?&cilabel) \s* (?: [,:=] | (?i: of \b ) )? \s*
    regex (?<ci_low> (?&bound) ) (?(<_pc>) \s* %? ) (?&cisep) (?<ci_high> (?&bound) ) (?! [\d.] | \s* (?&minus) \s* \d )
    example HR 0.51; 95% CI 0.36–0.74 => measure=HR value=0.51 ci_low=0.36 ci_high=0.74 ci_level=95
    example (AOR 0.55, 95% CI 0.14–2.18, p = 0.40) => measure=OR value=0.55 ci_low=0.14 ci_high=2.18
    example age was a risk factor (HR 1.05 per one-year increase; 95% CI 1.02 to 1.07, p<0.001) => measure=HR value=1.05 ci_low=1.02
    example the odds ratio, 0.62 [95% CI, 0.41 to 0.93] => measure=OR value=0.62 ci_low=0.41 ci_high=0.93
    example hazard ratio for death, 0.87; 95% confidence interval [CI], 0.81 to 0.94 => measure=HR value=0.87 ci_low=0.81 ci_high=0.94
    example (RR 0.66, 95% CI 0.50-0.87; P=0.003) => measure=RR value=0.66 ci_low=0.5 ci_high=0.87
    example a mean difference of −1.2 (95% CI −2.0 to −0.4) => measure=MD value=-1.2 ci_low=-2 ci_high=-0.4
    example the adjusted mean difference was −1.37 (95% CI −2.71 to −0.04) => measure=MD value=-1.37
    example adjusted odds ratio (aOR) = 1.52 (95% CI: 1.10–2.09) => measure=OR value=1.52 ci_low=1.1 ci_high=2.09
    example the stratified risk difference was 12% (95% CI -6.1%, 30.2%; p = 0.2) => measure=RD value=12 ci_low=-6.1 ci_high=30.2
    example with a difference of 0.031 L (95% confidence interval [CI] −0.010 to 0.072) => measure=MD value=0.031 ci_low=-0.01 ci_high=0.072
    example The difference in cure rates was 41.2% (95% CI 25.0-55.9%) => measure=MD value=41.2 ci_low=25 ci_high=55.9
    example an LS mean change difference of −0.42 puffs (95% CI −0.61 to −0.23) => measure=MD value=-0.42
    example the difference in length of stay was 2.5 days in favour of the early group (95% CI 0.4 to 4.6, P = 0.02) => measure=MD value=2.5 ci_low=0.4 ci_high=4.6
    example the estimated difference in the pain score was −1.7 with a 95% CI of −6.6 to 3.2 => measure=MD value=-1.7 ci_low=-6.6 ci_high=3.2
    example the estimated difference in the walk test at 6 months (new clinic−old clinic) was 12.5 m with a 95% CI of 3.0 to 22.0 => measure=MD value=12.5 ci_low=3 ci_high=22
    example the mortality ratio was 0.91 (95% CI 0.80 to 1.04) => measure=RR value=0.91
    example mean weight was similar (difference 0·05 kg, 95% CI −0·12 to 0·22 kg, p=0·6) => measure=MD value=0.05 ci_low=-0.12
    example (difference of means, - 0.4; 95% CI, -1.5 to 0.7) => value=-0.4 ci_low=-1.5
    negative (difference of means, - 0,4; 95% CI, -1,5 – 0,7; p = 0.4)
    negative the hazard ratio was not estimated (95% CI not reported)
    negative mortality was 30% (95% CI 20 to 40)

# The same with a CI that names no level ("risk ratio [RR] 0·97, CI
# 0·90–1·05", "HR 1.25; CI 1.12 to 1.40").  Its own pattern so that the
# sentences it runs on are only those with such a CI (the sentence rule),
# not every sentence with "or" in a word.
pattern labelled-ci-no-level
    type effect
    prefilter ci confidence credible
    prefilter ratio difference reduction relative hr or rr rd md smd irr
    priority 10
    require sentence (?<! % \s | % ) (?: (?-i: \b Cr?I \b ) | (?i: confidence | credible ) )
    require sentence (?&effword)
    regex (?<measure> (?&effmeasure) ) (?: \s* [\[(] \s* [A-Za-z]{2,4} \s* [\])] )?
    regex (?: \s+ (?: (?! (?i: was | were | is ) \b | (?i: of ) \s+ [^\p{L}] ) (?&effgap) ) )? (?: \s* [,:=] \s* | \s+ (?i: was | were | is | of ) \s+ | \s+ )
    regex (?<value> (?&bound) ) (?<_pc> \s* % )? (?&effunit)? (?&perunit)?
    regex (?: \s+ (?i: in \s+ favou?r \s+ of ) [^\d;()\[\]=<>]{1,50}? (?= \s* [;,(\[] ) )?
    regex \s* [;,(\[]? \s* (?: (?i: with \s+ (?: a \s+ )? ) )?
    regex (?<! % \s | % ) (?&cilabel) \s* (?: [,:=] | (?i: of \b ) )? \s*
    regex (?<ci_low> (?&bound) ) (?(<_pc>) \s* %? ) (?&cisep) (?<ci_high> (?&bound) ) (?! [\d.] | \s* (?&minus) \s* \d )
    example deaths were alike (risk ratio [RR] 0·97, CI 0·90–1·05, p=0·4) => measure=RR value=0.97 ci_low=0.9 ci_high=1.05


# A table cell under a column that names the measure, below any spanning
# header: "12 months / OR (95% CI) = 1.0 (0.7–1.5)", "RD (95% CI) = 4.1
# (−2.0 to 10.2)".  (parse.c writes a cell as "column = value".)
pattern table-cell-ci
    type effect
    prefilter =
    prefilter ci confidence
    priority 9
    require sentence (?&effword)
    regex (?<measure> (?&effmeasure) ) \s* [(\[] \s* (?: \d{2} \s* % \s* )? (?&cilabel) \s* [)\]] [^|=\n]{0,80}? \ =
    regex \  \K (?<value> (?&bound) ) \s* [(\[] \s* (?<ci_low> (?&bound) ) (?&cisep) (?<ci_high> (?&bound) ) \s* [)\]]
    example Quit rate | 6 months / A1 N (%) = 78 (27.5) | 6 months / OR (95% CI) = 1.0 (0.7–1.4) => measure=OR value=1 ci_low=0.7 ci_high=1.4
    example Death | RD (95% CI) = 4.1 (−2.0 to 10.2) => measure=RD value=4.1 ci_low=-2 ci_high=10.2
    example Deaths | Rate ratio (95% CI) / Inhaler A high dose vs Inhaler B = 0.70 (0.45 to 1.07) => measure=RR value=0.7 ci_low=0.45
    example Trough FEV1 | LS mean change difference (95% CI) = −0.061 (−0.117 to −0.004) => measure=MD value=-0.061
    negative Death | Mean (95% CI) = 4.1 (2.0 to 10.2)

# An estimate in one column and its interval in the next: "Death | HR =
# 0.87 | 95% CI = 0.81–0.94 | P = 0.0003", "... / RR = 1·03 | ... / 95% CI
# = 0·89, 1·19".
pattern table-cell-then-ci
    type effect
    prefilter =
    prefilter ci confidence
    priority 9
    require sentence (?&effword)
    regex (?<measure> (?&effmeasure) ) [^|=\n]{0,20}? \ = \  (?<value> (?&bound) ) \ \|
    regex \  [^|\n]{0,200}? (?: \d{2} \s* % \s* )? [(\[]? (?&cilabel) [)\]]? \ = \  [(\[]? (?<ci_low> (?&bound) ) (?&cisep) (?<ci_high> (?&bound) ) (?! [\d.·] )
    example Death | HR = 0.87 | 95% CI = 0.81–0.94 | P = 0.0003 => measure=HR value=0.87 ci_low=0.81 ci_high=0.94
    example Deaths | Rate ratio (A/C) / RR = 1·03 | Rate ratio (A/C) / 95% CI = 0·89, 1·19 => measure=RR value=1.03 ci_low=0.89 ci_high=1.19
    example All patients | Unadjusted / HR = 1.35 | Unadjusted / (95% CI) = (1.12–1.63) | Unadjusted / P = 0.002 => measure=HR value=1.35 ci_low=1.12 ci_high=1.63
    negative Death | Placebo = 12 | 95% CI = 8–16

# An estimate in one column and its bounds in two more: "Hazard ratio
# = 0.34 (P=.02) | Lower 95% CI = 0.14 | Upper 95% CI = 0.86".
pattern table-cell-then-bounds
    type effect
    prefilter =
    prefilter lower
    prefilter upper
    priority 9
    require sentence (?&effword)
    regex (?<measure> (?&effmeasure) ) [^|=\n]{0,20}? \ = \  (?<value> (?&bound) ) [^|\n]{0,20}? \ \|
    regex \  [^|=\n]{0,40}? (?i: lower ) [^|=\n]{0,30}? \ = \  (?<ci_low> (?&bound) ) \ \|
    regex \  [^|=\n]{0,40}? (?i: upper ) [^|=\n]{0,30}? \ = \  (?<ci_high> (?&bound) ) (?! [\d.·] )
    example Team | Hazard ratio = 0.34 (P=.02) | Lower 95% CI = 0.14 | Upper 95% CI = 0.86 => measure=HR value=0.34 ci_low=0.14 ci_high=0.86
    example Age | OR = 1.20 | Lower limit = 1.01 | Upper limit = 1.43 | P = .04 => measure=OR value=1.2 ci_low=1.01 ci_high=1.43
    negative Age | Mean = 54.0 | Lower quartile = 45 | Upper quartile = 61

# A table cell under a column of estimates whose header does not name
# the measure: "Adjusted treatment effect (95% CI) = 1.7 (−11.0 to 4.9)",
# "Difference (95% CI) = −0.6 (−2.3 to 1.0)", "Effect estimate (95% CI)".
# No measure: a footnote or the row's type says which, and a reviewer
# reads it there (the study table leaves effect_measure empty).
pattern table-cell-effect-ci
    type effect
    prefilter =
    prefilter ci confidence
    priority 8
    regex (?i: effect | estimate | difference (?: \s+ (?: in | of ) \s+ [\p{L}][\p{L}\ -]{0,30}? )? ) (?: \^ [a-z\d]{1,2} )? \s* [(\[] \s* (?: \d{2} \s* % \s* )? (?&cilabel) \s* [)\]] [^|=\n]{0,20}? \ =
    regex \  [€$£]? \K (?<value> (?&bound) ) (?: \^ [a-z\d]{1,2} )? \s* [(\[] \s* (?<ci_low> (?&bound) ) (?&cisep) (?<ci_high> (?&bound) ) \s* [)\]]
    example Death | Adjusted treatment effect^b(95% CI) = 1.7^c(−11.0 to 4.9) => value=1.7 ci_low=-11 ci_high=4.9
    example Walking distance, m | Difference (95% CI) = −12 (−30 to 6) => value=-12 ci_low=-30 ci_high=6
    example Drug costs | Difference in costs (95% CI) ^1 = €-9.10 (−15, −4) => value=-9.1 ci_low=-15 ci_high=-4
    negative Death | Mean (95% CI) = 4.1 (2.0 to 10.2)
    negative Death | Events (95% CI) = 4 (2 to 10)

# A table whose caption names its measure ("Hazard ratios of total
# mortality according to ...") and cells that give an estimate with its
# interval and no measure ("1 to 3 servings/week = 0.68 (0.52 to 0.88)").
# _tcap: a measure named anywhere; table.c keeps those in the first
# paragraph of a table section (its caption).  _tci: a bare estimate
# cell; table.c makes it an effect of the caption's measure when the
# caption names one measure only and the interval holds the estimate.
pattern caption-measure
    type _tcap
    # Spelled-out measures only: "or" and "hr" are in every other
    # sentence, and this pattern runs on all of them (a caption is found
    # by position later, in table.c).
    prefilter ratio difference
    require sentence (?&effword)
    regex (?<measure> (?&effmeasure) )
    example Hazard ratios of total mortality according to the frequency of nut consumption => measure=HR
    example Adjusted odds ratios (95% CI) for death by day 90 => measure=OR

pattern table-cell-bare-ci
    type _tci
    prefilter =
    prefilter ( [
    regex (?<= \ =\  ) (?<value> (?&bound) ) \s* [(\[] \s* (?<ci_low> (?&bound) ) (?&cisep) (?<ci_high> (?&bound) ) \s* [)\]] (?= [\s*†‡§¶#a-z^]{0,4} (?: \| | $ ) )
    # Not a median (IQR), a mean (SD or range), an age or a count (%).
    forbid sentence ^ [^|]*? (?i: median | mean | IQR | interquartile | range | \b age \b | \b SD \b | years | n \s* \( \s* % | % ) [^|]* \|
    forbid before 80 (?i: median | mean | IQR | interquartile | range | \b SD \b | % ) [^|=]* \ = \  $
    example Total mortality | Never = 1 (Reference) | 1 to 3 servings/week = 0.68 (0.52 to 0.88) => value=0.68 ci_low=0.52 ci_high=0.88
    negative Age, years | Never = 67 (60–72) | Weekly = 66 (59–71)
    negative Length of stay, median (IQR) | A = 12 (8–20) | B = 14 (9–21)

# A signed difference with its interval, the measure unnamed: "(+0.8
# mmol/L, 95% CI: 0.2–1.5 mmol/L; p = 0.01)".  The sign says a change.
pattern signed-difference-ci
    type effect
    prefilter + − -
    prefilter ci confidence
    priority 8
    regex (?<! [\p{L}\p{N}.,·] ) (?<value> \+ (?&decimal) | [−-] (?&decimal) ) (?: \s* [^\s\d,;()]{1,12} )? \s* [,;(] \s*
    regex (?<ci_level> \d{2} ) \s* % \s* (?&cilabel) \s* [,:=]? \s*
    regex (?<ci_low> (?&bound) ) (?&cisep) (?<ci_high> (?&bound) ) (?! [\d.] | \s* (?&minus) \s* \d )
    set measure MD
    keep measure
    example the diet raised peak glucose (+0.8 mmol/L, 95%CI: 0.2–1.5 mmol/L; p = 0.01) => measure=MD value=0.8 ci_low=0.2 ci_high=1.5
    example the estimated difference of the means (EDM): −14.1 m, 95% confidence interval (95% CI): −30.2–2.0 m, p = 0.1 => measure=MD value=-14.1 ci_low=-30.2 ci_high=2
    negative mortality was 30% (95% CI 20 to 40)

# "health status differed between the groups (0.076, 95% CI 0.008-0.14,
# P=.03)": a difference the clause names by its verb, the estimate first
# in the bracket.
pattern between-groups-ci
    type effect
    prefilter ci confidence
    prefilter differ between
    priority 8
    regex [(\[] \s* (?<value> (?&bound) ) (?&effunit)? \s* [,;] \s* (?<ci_level> \d{2} ) \s* % \s* (?&cilabel) \s* [,:=]? \s*
    regex (?<ci_low> (?&bound) ) (?&cisep) (?<ci_high> (?&bound) ) (?! [\d.] | \s* (?&minus) \s* \d )
    require clause-before (?i: \b differ\w* | \b between \s+ (?: the \s+ )? (?: two \s+ )? (?: groups | arms ) \b )
    set measure MD
    keep measure
    example Quality of life differed between the two groups, favouring group A (0.08, 95% CI 0.01-0.15, P=.03) => measure=MD value=0.08 ci_low=0.01 ci_high=0.15
    example Pain scores differed at 12 weeks (-1.2 points; 95% CI -2.0 to -0.4) => value=-1.2 ci_high=-0.4
    negative Mortality differed between the groups (30%, 95% CI 20-40)
    negative The groups did not differ in age (mean 54, 95% CI 50-58)
    negative Quality of life was better in group A (0.08, 95% CI 0.01-0.15)

# "a difference in health status between groups 0.076 (0.009-0.14,
# P=.03)": the estimate right after the groups it is between, its
# bounds in the bracket.
pattern between-groups-value-ci
    type effect
    prefilter differ
    prefilter between
    prefilter ( [
    priority 8
    regex (?i: \b between \s+ (?: the \s+ )? (?: two \s+ )? (?: groups | arms ) ) \s* (?: [,:] \s* | \s+ (?i: was | were | of ) \s+ )?
    regex \K (?<value> (?&bound) ) (?&effunit)? \s* [(\[] \s* (?: (?: (?<ci_level> \d{2} ) \s* % \s* )? (?&cilabel) \s* [,:=]? \s* )?
    regex (?<ci_low> (?&bound) ) (?&cisep) (?<ci_high> (?&bound) ) \s* (?: [,;]? \s* [^)\]\d]{0,6} [<>=≤≥] [^)\]]{0,20} )? [)\]]
    require clause-before (?i: \b differ\w* )
    set measure MD
    keep measure
    example There was a significant difference in quality of life between groups 0.08 (0.01-0.15, P=.03) => measure=MD value=0.08 ci_low=0.01 ci_high=0.15
    negative The mean age between groups was 54 (50-58) in both trials

# "HR 0.87 (0.81–0.94)", "Death rate ratio (& 95% CI) = 0.73 (0.59 – 0.91)":
# a ratio or difference with the bounds in brackets right after it.  (An
# "OR" alone is not among the prefilter words: "or" is in every other
# sentence; "OR 1.2, 95% CI ..." is the labelled form's.)
pattern bracketed-ci
    type effect
    prefilter 0 1 2 3 4 5 6 7 8 9
    prefilter ratio difference reduction relative hr rr rd md smd irr
    prefilter ( [
    priority 9
    require sentence (?&effword)
    regex (?<measure> (?&effmeasure) ) (?: \s* [\[(] [^\])=]{0,24} [\])] )?
    regex (?: \s+ (?: (?! (?i: was | were | is ) \b | (?i: of ) \s+ [^\p{L}] ) [^\d;()\[\]=<>]{1,40}? ) )? (?: \s* [,:=] \s* | \s+ (?i: was | were | is | of ) \s+ | \s+ )
    regex (?<value> (?&bound) ) (?! \s* % ) \s* [(\[] \s* (?: (?&cilabel) \s* [,:=]? \s* )?
    regex (?<ci_low> (?&bound) ) (?&cisep) (?<ci_high> (?&bound) ) \s* (?: [,;]? \s* [^)\]\d]{0,6} [<>=≤≥] [^)\]]{0,20} )? [)\]]
    example HR 0.87 (0.81–0.94) => measure=HR value=0.87 ci_low=0.81 ci_high=0.94
    example The HR was 1.52 (1–2.31, p = 0.14) => measure=HR value=1.52 ci_low=1 ci_high=2.31
    example Death rate ratio (& 95% CI) = 0.73 (0.59 – 0.91) => measure=RR value=0.73 ci_low=0.59 ci_high=0.91
    example The relative risk of hospital admission for EDGE was 0.83 (0.56-1.24, P=.37) => measure=RR value=0.83 ci_low=0.56 ci_high=1.24
    example the hazard ratio was 1.21 (0.98 to 1.49) => measure=HR value=1.21 ci_low=0.98 ci_high=1.49
    negative the median age was 60 (45-70) years, and the HR was not estimated

# The same for an odds ratio named "OR" alone ("Binary OR 0.73 (0.53 to
# 0.99)" in a table cell): its own pattern, because "or" is a substring
# of nearly every sentence and cannot be bracketed-ci's prefilter word; a
# sentence rule looks for the capitals first.
pattern bracketed-ci-or
    type effect
    prefilter or
    prefilter ( [
    prefilter 0 1 2 3 4 5 6 7 8 9
    priority 9
    require sentence (?-i: (?<! [B-Zb-z0-9] ) ORs? \b )
    regex (?-i: (?<! [B-Zb-z0-9] ) (?<measure> a? OR ) s? \b ) (?: \s* [\[(] [^\])=]{0,24} [\])] )?
    regex (?: \s* [,:=] \s* | \s+ (?i: was | were | is | of ) \s+ | \s+ )
    regex (?<value> (?&bound) ) (?! \s* % ) \s* [(\[] \s* (?: (?&cilabel) \s* [,:=]? \s* )?
    regex (?<ci_low> (?&bound) ) (?&cisep) (?<ci_high> (?&bound) ) \s* (?: [,;]? \s* [^)\]\d]{0,6} [<>=≤≥] [^)\]]{0,20} )? [)\]]
    example Death by day 7 | Drug = 101 (9%) | Placebo = 123 (11%) | Adjusted / Effect estimate (95% CI) = Binary OR 0·73 (0·53 to 0·99) => measure=OR value=0.73 ci_low=0.53 ci_high=0.99
    example The ORs were similar (OR 1.20 (0.90–1.60), p = 0.2) => measure=OR value=1.2 ci_low=0.9 ci_high=1.6
    negative Drug A or B was given for 3 (2 to 4) days
    negative MORTALITY OR READMISSION 12 (10-14)

# "The HR during the first 9 months was 1.52 (1–2.31, p = 0.14), followed
# by 0.84 (0.47–1.49, p = 0.59)": estimates after the measure is named;
# the `role` lines below give each the measure named last before it.
pattern listed-ci
    type effect
    prefilter 0 1 2 3 4 5 6 7 8 9
    prefilter ratio difference reduction relative hr rr rd md smd irr
    prefilter ( [
    priority 8
    require sentence (?&effword)
    regex (?<! [\p{L}\p{N}.,·^] ) (?<value> (?&bound) )
    regex (?: (?! \s* % ) \s* [(\[] \s* (?: (?: \d{2} \s* % \s* )? (?&cilabel) \s* [,:=]? \s* )?
    regex   | (?: \s* % | (?&effunit) )? \s* [(\[] \s* \d{2} \s* % \s* (?&cilabel) \s* [,:=]? \s* )
    regex (?<ci_low> (?&bound) ) (?&cisep) (?<ci_high> (?&bound) ) \s* (?: [,;]? \s* [^)\]\d]{0,6} [<>=≤≥] [^)\]]{0,20} )? [)\]]
    # The measure stands in the value's own table cell, in the row's first
    # cell, or as a cell's value that names the row's measure ("Treatment
    # = Odds ratio (95% CI) | 24 h / Drug = 1.57 (0.24-10.30)"); not heading
    # another column ("HR (95% CI) = 0.93 (0.71-1.21) | Arm B = 9.1
    # (6.3-11.1)": a median with its CI).  In prose there is no '|'.
    require before 250 (?&effmeasure) [^|]* $ | ^ [^|]*? (?&effmeasure) [^|]* \| | \ = \  [^|=\n]*? (?&effmeasure) [^|=\n]* \|
    forbid before 40 (?i: median | mean | age | IQR | range | SD | aged ) [^;,.]{0,20} $
    negative Median, months | Arm A / HR (95% CI) = 0.93 | Arm B / Drug X + Drug Y = 9.1 (6.3-11.1)
    example Day 1 | Time / Treatment = Odds ratio (95% CI) | 24 h / Drug = 1.57 (0.24 – 10.30) => measure=OR value=1.57 ci_high=10.3
    example The HRs were 1.52 (1–2.31, p = 0.14), followed by 0.84 (0.47–1.49) => value=0.84 measure=HR ci_low=0.47
    example Incidence rate ratios were 1.06 (CI 0.76-1.48, p = 0.75) overall => value=1.06 measure=IRR ci_high=1.48
    example The RRs were 1.52 (1–2.31) in men or 0.84 (0.47–1.49) in women => value=0.84 measure=RR
    example the LS mean change difference was (A) −2.10 (95% CI −3.90 to −0.30) and (B) 8.2% (95% CI 3.1–13.3) => value=8.2 measure=MD ci_low=3.1
    example median overall survival was lower in the A group than in the B group (8.8 months vs 11.3; HR 1.37, 95% CI 1.07–1.76; p=0.013) => value=1.37 scope=survival
    example fewer heart failure deaths (70 [0.7%] vs 86 [0.8%]; RR 0.81 [0.59–1.10]; p = 0.2) => value=0.81 scope=mortality
    negative mortality was 30 (20-40) in the first year

# "Adjusted hazard ratios of total mortality by nut consumption. The
# models were adjusted for age, sex ... Values for the two upper
# categories are 0.38 (95% CI: 0.23 to 0.63) and 0.37 (95% CI: 0.22 to
# 0.66)": an estimate with a labelled interval whose measure was named
# earlier in its paragraph (a legend's title, a sentence announcing the
# estimates, or the same sentence further back than listed-ci looks).
# Not in a table cell other than the measure's, not a mean, a median or
# a rate with its interval.
define otherstat (?i: \b (?: area \s+ under | AUC | AUROC | c-statistic | C \s+ statistic | sensitivity | specificity | accuracy | predictive \s+ value
                    | correlation | coefficient | kappa | slope | intercept | beta | likelihood \s+ ratio | ICC | reliability | agreement ) \b )
pattern paragraph-ci
    type effect
    prefilter ci confidence
    prefilter %
    prefilter 0 1 2 3 4 5 6 7 8 9
    priority 7
    regex (?<! [\p{L}\p{N}.,·^%] ) (?<value> (?&bound) ) (?! \s* % ) \s* [(\[] \s* (?<ci_level> \d{2} ) \s* % \s* (?&cilabel) \s* [,:=]? \s*
    regex (?<ci_low> (?&bound) ) (?&cisep) (?<ci_high> (?&bound) ) (?! [\d.%] | \s* % ) \s* [)\];,]
    require paragraph-before (?&effmeasure) [^|]* $
    forbid before 60 (?i: \b (?: median | mean | means | age | aged | IQR | range | SD | rates? | prevalence | incidence | proportions? | percentages? | levels? | concentrations? | scores? | mortality | survival | deaths? ) \b ) [^;.]{0,40} $
    unless before 60 (?&effmeasure) [^;.]{0,40} $
    # Another statistic with its interval: "the area under the curve
    # for X was 0.63 (95% CI ...)", "sensitivity was 0.71 (95% CI ...)".
    forbid clause-before (?&otherstat)
    example Adjusted hazard ratios of death by nut intake. The models were adjusted for age and sex. Values for the two upper groups are 0.38 (95% CI: 0.23 to 0.63) and 0.37 (95% CI: 0.22 to 0.66). => value=0.38 measure=HR ci_low=0.23 ci_high=0.63 ci_level=95
    example Hazard ratios for drug A versus drug B were as follows: for disease-free survival, marker low 0.85 (95% confidence interval 0.61–1.18) and marker high 1.08 (95% confidence interval 0.76–1.54), and for overall survival, marker low 0.91 (95% confidence interval 0.60–1.37) => value=0.91 measure=HR ci_low=0.6 ci_high=1.37
    negative Odds ratios are given in Table 2. The mean age was 61 (95% CI 58 to 64) years.
    negative Hazard ratios are shown in Figure 2. Mortality was 12.1 (95% CI 10.2 to 14.0) per 100 patient-years.
    negative No measure is named here: the values were 0.38 (95% CI: 0.23 to 0.63) and 0.37 (95% CI: 0.22 to 0.66).
    negative Hazard ratios for decline are in Table 2. The area under the curve of marker X for decline was 0.73 (95% CI 0.60-0.86).

# The measure an estimate takes from the text before it in its sentence:
# the last one named (one line per measure; the first that holds wins,
# and none holds with another measure's words after its own).  A pattern
# that names its measure itself keeps it (`keep measure`).
# Each measure's words, as a role names it: spelled out in any case, an
# abbreviation in capitals ("or" is a conjunction, "OR" a measure).
define hrword  (?i: hazard \s+ ratios? ) | (?-i: \b [aA]?HRs? \b )
define orword  (?i: odds \s+ ratios? ) | (?-i: \b [aA]?ORs? \b )
define irrword (?i: incidence \s+ rate \s+ ratios? ) | (?-i: \b IRRs? \b )
define rrword  (?i: relative \s+ risks? | risk \s+ ratios? | rate \s+ ratios? ) | (?-i: \b RRs? \b )
define rdword  (?i: risk \s+ differences? ) | (?-i: \b A?RDs? \b )
define smdword (?i: standardi[sz]ed \s+ mean \s+ differences? ) | (?-i: \b SMDs? \b )
define mdword  (?i: mean (?: \s+ change )? \s+ differences? | \b difference \s+ (?: of | was ) ) | (?-i: \b MDs? \b )
define measureword (?&hrword) | (?&orword) | (?&irrword) | (?&rrword) | (?&rdword) | (?&smdword) | (?&mdword)
define lastmeasure (?: (?! (?&effmeasure) | (?&measureword) ) . )* $
role effect measure=HR before 250 (?&hrword) (?&lastmeasure)
role effect measure=OR before 250 (?&orword) (?&lastmeasure)
role effect measure=IRR before 250 (?&irrword) (?&lastmeasure)
role effect measure=RR before 250 (?&rrword) (?&lastmeasure)
role effect measure=RD before 250 (?&rdword) (?&lastmeasure)
role effect measure=SMD before 250 (?&smdword) (?&lastmeasure)
role effect measure=MD before 250 (?&mdword) (?&lastmeasure)
# Else the last named earlier in the paragraph (a measure within 250
# bytes, the common case, is found by the cheaper lines above).
role effect measure=HR paragraph-before (?&hrword) (?&lastmeasure)
role effect measure=OR paragraph-before (?&orword) (?&lastmeasure)
role effect measure=IRR paragraph-before (?&irrword) (?&lastmeasure)
role effect measure=RR paragraph-before (?&rrword) (?&lastmeasure)
role effect measure=RD paragraph-before (?&rdword) (?&lastmeasure)
role effect measure=SMD paragraph-before (?&smdword) (?&lastmeasure)
role effect measure=MD paragraph-before (?&mdword) (?&lastmeasure)

# The outcome an estimate is of, from the words before it in its sentence:
# overall survival, or death, with no other outcome named in between (a
# study table row of that outcome takes the estimate; "progression-free
# survival", "death or hospital admission" are other outcomes).
define otheroutcome (?i: progression | PFS | recurrence | relapse | disease-free | event-free | response
                       | admi | hospitali | composite | or \s+ (?: major | serious ) | events? \b )
role effect scope=survival before 250 (?i: \b overall \s+ survival \b | \b OS \b ) (?: (?! (?&otheroutcome) ) . )* $
role effect scope=mortality before 250 (?i: \b deaths? \b | \b mortality \b | \b died \b ) (?: (?! (?&otheroutcome) | (?i: survival ) ) . )* $

# "a 17% (95% CI 9–25) proportional reduction in vascular deaths".
pattern relative-reduction
    type effect
    prefilter reduction
    prefilter ci confidence
    priority 10
    regex (?<! [\d.,·] ) (?<value> (?&decimal) ) \s* % \s* [(\[] \s* (?<ci_level> \d{2} ) \s* % \s* (?&cilabel) \s* [,:=]? \s*
    regex (?<ci_low> (?&bound) ) \s* %? (?&cisep) (?<ci_high> (?&bound) ) \s* %? \s* (?: [,;] [^)\]]{0,30} )? [)\]]
    regex (?= \s+ (?i: proportional | relative ) \s+ (?: risk \s+ )? reduction )
    set measure RRR
    keep measure
    example a 17% (95% CI 9–25) proportional reduction in vascular deaths => measure=RRR value=17 ci_low=9 ci_high=25
