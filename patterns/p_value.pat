# p-values: P=0.09, p < .001, P = 0·03, P ≤ 0.05, p-value of 0.03,
# P < 10^-4, P = 1.2 × 10^-5, P for trend = 0.01, Pinteraction = 0.04.
# `NS` is not a value.  A threshold stated in the methods ("P < 0.05 was
# considered significant") is a definition, not a result.

# A p_value is never outside this range ("P = 5.2 kPa" is a pressure).
range p_value 0 1

# "P = 0.09", "P-value < 0.001", "p for trend = 0.01", "Pinteraction=0.04".
pattern comparator
    type p_value
    prefilter = < > ≤ ≥ ⩽ ⩾ ≦ ≧
    priority 10
    regex (?<! [\p{L}\p{N}] )                  # P starts a word
    regex [Pp] (?: (?&sp) -? (?&sp) values? )?
    regex (?: (?&sp) (?: for (?&sp) (?:linear\ )? trend | trend
    regex              | for (?&sp) interaction | interaction
    regex              | for (?&sp) heterogeneity | het(?:erogeneity)? | subgroup ) )?
    regex (?: (?&sp) at (?&sp) (?i: day | week | month ) s? (?&sp) \d{1,3} )?
    # "p versus oral VE = 0·04": what the p compares with, in words.
    regex (?: \s+ (?i: versus | vs\.? ) (?: \s+ [\p{L}][\w-]* ){1,4}? (?= (?&sp) = ) )?
    regex (?&sp) (?<comparator> (?&cmp) ) (?&sp)
    regex (?<value> (?&scinum) ) (?! [\d.,]*\d )
    # "P < 0.0001–0.0107" over several comparisons: a range of p-values
    # ("P = 0.0002–0.0133 at visit 7"), not a value and a unit.
    regex (?: (?&sp) [–-] (?&sp) (?<value_high> 0? [.·] \d+ ) (?! [\d.,]*\d | (?&sp) (?: % | (?! (?i: at | for | in | and | or | respectively | across | over | between | with | on | by ) \b ) \p{L} ) ) )?
    forbid after 60 ^ [\s,)]* (?i: was | were | is | are ) \s+ (?i: considered | regarded | defined | set | taken | accepted )
    forbid before 60 (?i: significan\w* | alpha | threshold ) [\w\s]{0,30} (?i: at | as | of | was | to\ be ) \s* \(? \s* $
    example P=0.09 => value=0.09 comparator==
    example P = .03 => value=0.03 comparator==
    example smaller increases than spironolactone (P = 0.0002–0.0133) => value=0.0002 value_high=0.0133 comparator==
    example p < .001 => value=0.001 comparator=<
    example P = 0·03 => value=0.03 comparator==
    example P ≤ 0.05 => value=0.05 comparator=<=
    example P>0.05 => value=0.05 comparator=>
    example P < 10^-4 => value=0.0001 comparator=<
    example P = 1.2 × 10^-5 => value=0.000012 comparator==
    example P for trend = 0.01 => value=0.01 comparator==
    example Pinteraction = 0.04 => value=0.04 comparator==
    example P at day 28 = 0.047 => value=0.047 comparator==
    example mortality (35% vs. 46%, P=0.09) => value=0.09 text=P=0.09
    negative P = NS
    negative Pump pressure < 100 mmHg
    negative SpO2 = 92
    negative A P < 0.05 was considered statistically significant.
    negative Significance was set at P < 0.05.
    example greater than in all groups (P = 0.0002–0.0133 at visit 7) => value=0.0002 value_high=0.0133

# "P = 0.74 and 0.30", "P = .21, .06 and .40, respectively": the values
# after the first of a list that one P introduces.
pattern list-after-p
    type p_value
    priority 8
    prefilter = < > ≤ ≥ values
    prefilter and , or
    regex (?: , | \b and | \b or ) \s+ \K (?<value> 0? [.·] \d+ | 1 (?: \.0+ )? | 0 ) (?! [\d.,]*\d | \s* % | \s* (?: mg | g | kg | mL | cm | mm ) \b )
    require before 80 (?<! [\p{L}\p{N}] ) [Pp] (?: (?&sp) -? (?&sp) values? )? (?: (?&sp) (?&cmp) | (?<= values ) \s+ (?: of | were ) ) (?&sp) (?&scinum) (?: \s* (?: , | , \s* and | and | or ) \s+ (?: 0? [.·] \d+ | 1 (?: \.0+ )? ) )* \s* (?: , | and | or ) \s* $
    set comparator =
    example fertility P = 0.74 and 0.30, respectively => value=0.3 comparator==
    example (P = .21, .06 and .40, respectively) => value=0.06
    example (P≤0.001 and 0.026) => value=0.026
    example no effect (p-values of 0.18 and 0.32, respectively) => value=0.32

# "P less than 0.05", "P values more than 0.05", "a p value of less
# than 0.001": the comparison in words.
pattern words-comparator
    type p_value
    priority 10
    prefilter than below above exceeding
    regex (?<! [\p{L}\p{N}] ) [Pp] (?: (?&sp) -? (?&sp) values? )? (?: \s+ (?: (?i: of | was | were | is | all ) \s+ ){0,2} )? \s*
    regex (?<comparator> (?i: (?: less | lower | smaller ) \s+ than (?: \s+ or \s+ equal \s+ to )? | (?: more | greater | higher ) \s+ than | below | above | exceeding ) ) \s+
    regex (?<value> (?&scinum) ) (?! [\d.,]*\d )
    forbid after 60 ^ [\s,)]* (?i: was | were | is | are ) \s+ (?i: considered | regarded | defined | set | taken | accepted )
    forbid before 60 (?i: significan\w* | alpha | threshold ) [\w\s]{0,30} (?i: at | as | of | was | to\ be ) \s* \(? \s* $
    # Words are how methods state a threshold ("considered significant
    # when the P value was less than 0.05", "the nominal level was a p
    # value less than 0.05", "groups with a p-value less than 0.01 are
    # shown"): none in a sentence that defines or selects by one.
    forbid sentence (?i: consider\w* | regard\w* | assum\w* | defin\w* | deem\w* | accept\w* | nominal | threshold | alpha | \b when \b | \b if \b | \b significance \b | indicat\w* | two-sided | two-tailed | one-sided )
    forbid before 12 (?i: \b with \s+ (?: an? \s+ )? ) $
    negative Results were considered significant when the P value was less than 0.05.
    negative Genus-like groups with a p-value less than 0.01 are presented in the table.
    negative A two-sided P value below 0.05 indicated significance in the trial.
    example no difference between groups (P values more than 0.05) => value=0.05 comparator=>
    example the reduction was significant (p less than 0.001) => value=0.001 comparator=<
    example mortality fell in the treated group, p value of less than 0.01 => value=0.01 comparator=<
    negative A p value less than 0.05 was considered significant.

# "p-value of 0.03", "P value was 0.20".
pattern value-of
    type p_value
    priority 10
    prefilter value
    regex (?<! [\p{L}\p{N}] )
    regex [Pp] (?&sp) -? (?&sp) values? \s+ (?: (?: of | was | were | is ) \s+ )?
    regex (?<value> (?&scinum) ) (?! [\d.,]*\d )
    set comparator =
    example a p-value of 0.03 => value=0.03 comparator==
    example the P value was 0.20 => value=0.2 comparator==
    example Fisher exact, two-sided; P value 0.14 => value=0.14 comparator==
    negative a p-value of less than half

# The last cell of a table row, when it is a probability: "Mortality at
# day 28, n (%) | 3 (30) | 8 (80) | 0.02", or columns set apart by spaces.
# Results tables put P last; a row needs two other cells with numbers.
pattern table-last-cell
    type p_value
    priority 6
    prefilter 0 1 2 3 4 5 6 7 8 9
    regex (?: \| | \h{3,} ) \s* \K (?<comparator> [<>≤≥] )? \s* (?<value> 0? \. \d{1,4} | 1 (?: \.0+ )? ) \W{0,2} \s* $
    require sentence (?: [\d)] \s* (?: \| | \h{3,} ) .* ){2}
    set comparator =
    example Mortality at day 28, n (%) | 3 (30) | 8 (80) | 0.02 => value=0.02 comparator==
    example Age, years, mean (SD) | 58 (11) | 61 (9) | <0.001 => value=0.001 comparator=<
    example 28-day mortality, n (%)      4 (20.0)        9 (47.4)           0.09 => value=0.09
    negative Outcome | MSC | Placebo | 0.5 mg

# "P interaction 0.61", "p for trend 0.01": a qualified P without a sign.
pattern qualified-no-sign
    type p_value
    priority 9
    prefilter interaction trend heterogeneity subgroup
    regex (?<! [\p{L}\p{N}] ) [Pp] (?&sp) (?: for (?&sp) )? (?i: interaction | trend | heterogeneity | subgroup ) (?&sp) :? (?&sp)
    regex (?<value> (?&scinum) ) (?! [\d.,]*\d )
    set comparator =
    example P interaction 0.61 => value=0.61 comparator==
    example (P for trend 0.01) => value=0.01

# "significantly higher in the PP group compared to the SP (0.027), PS
# (0.026), and SS (0.004) groups", "different between the four groups
# (0.021)": a bare p in brackets, in a sentence that tests a difference.
# Only a lone small decimal after a word (not after a number, so a mean's
# SD "0.45 (0.12)" stays out), never after CI, SD, SE, range or ±.
pattern bare-in-brackets
    type p_value
    prefilter significan differ
    priority 4
    regex (?<= [\p{L}] \) | [\p{L}] ) \s+ \( \s* \K (?<comparator> [<>≤≥] )? \s* (?<value> 0? \. \d{2,4} ) (?= \s* \) )
    require sentence (?i: significan\w* | differ\w* ) [^;]* (?i: between | compared | versus | vs\.? | groups? )
    forbid before 30 (?i: \b (?: CI | SD | SE | SEM | IQR | range | ratio | OR | HR | RR | mean | median | r | rho | kappa | coefficient | correlation ) \b | ± ) [^()]* \(? \s* $
    set comparator =
    example a significantly higher increase occurred in the PP group compared to the SP (0.027), PS (0.026), and SS (0.004) groups => value=0.027
    example the infection rate was significantly different between the four groups (0.021): => value=0.021
    example levels increased in the four groups (< 0.001), significantly more in the PP group compared to the SP => value=0.001 comparator=<
    negative mean glucose was 0.45 (0.12) in the PP group, significantly different between groups
    negative the correlation coefficient (0.45) differed between groups
