# Survival: a percentage of patients alive at a time point.  Not
# disease-free, progression-free or ventilator-free survival, not alive and
# free of something, and not a ratio ("survival ... 2.5 times that of the
# control group").

# A survival is never outside this range ("P = 5.2 kPa" is a pressure).
range survival 0 100
# "survival rates are 32% higher for those who ...": a relative change,
# not a share of people alive.
reject survival after 40 ^ \s* (?: [(\[] [^()\[\]]{0,20} [)\]] \s* )? (?i: (?: relative \s+ | absolute \s+ )? (?: differences? | reductions? | lower | higher | decreases? | increases? | greater | more | less ) ) \b
# A bound of a confidence interval is no survival: "74% (95% confidence
# interval 69–77%)".
reject survival before 40 (?i: \b CI | confidence \s+ interval | credible \s+ interval ) [^()\[\]]* $

define survword  (?i: survival | survived | \b alive \b | survivors )

# Phrases that are not survival although they contain its words.
define notsurv   (?i: (?: disease | progression | event | relapse | recurrence
                         | ventilator | ECMO | ICU | organ-support | metastasis
                         | failure | complication | intubation | adverse \s+ event
                         | SAE )-free \s+ survival
                     | survival \s+ free \s+ of | alive \s+ (?: and \s+ free | without | and \s+ off )
                     | among \s+ survivors | in \s+ survivors
                     | restricted \s+ mean \s+ survival )

pattern pct-after-survival
    type survival
    from _pct
    prefilter surviv alive
    priority 10
    require before 200 (?&survword)
    forbid before 200 (?&notsurv) (?: (?! (?&survword) ) . )*? $
    forbid before 200 (?i: mortality | \b died | \b deaths? (?! \s+ (?&deathsource) ) | extubat\w* | discharged \s+ home | \bHR\b | hazard ) (?! [^(]*? \) ) (?: (?! (?&survword) ) . )*? $
    forbid after 50 ^ [\s)]* (?: of \s+ (?: all \s+ )? (?: the \s+ )? (?i: cases | predicted | normal | patients \s+ (?! survived ) ) )
    forbid after 50 ^ [\s)]* (?: [\w-]+ \s+ ){0,3}? (?i: had | were \s+ (?! alive ) | received | required | used | developed | experienced | underwent | needed ) \b
    set unit %
    example survival rate of 91% vs 42% => value=91 unit=%
    example 1-month survival of 91% with UC-MSCs versus 42% with control => value=42
    example survival at one month was 91 vs 42% (P = 0.015) => value=91
    example Survival at day 90 was 75% (95% CI 62–84) in the MSC group and 61% (47–72) => value=61
    example Two-year survival, checked against the national death registry, was 71.2% with the drug and 64.0% with placebo => value=71.2
    negative in the survival analysis, survival rates were 32% higher for those with a positive attitude
    negative disease-free survival was 74% with chemotherapy and 59% with observation
    negative alive and free of mechanical ventilation at day 28 was 55% versus 60%
    negative Among survivors, dependence on RRT was 10.2% vs 6.0%
    negative overall survival (95% confidence interval 69–77%) was reported

pattern pct-before-survival
    type survival
    from _pct
    prefilter surviv alive
    priority 10
    require after 60 ^ \s+ (?: [\w-]+ \s+ ){0,2}? (?i: survival | survived | were \s+ alive ) \b
    forbid after 30 ^ [\w\s-]{0,30}? (?i: -free )
    set unit %
    example 85% survival at day 28 => value=85

# "Ten of the 20 MSC recipients survived", "compared with 4 of the 20
# controls", "found 10 of 20 versus 4 of 20 survivors"
pattern events-of-total
    type survival
    prefilter surviv alive
    priority 12
    regex (?<! [\p{L}\p{N}.,] ) (?<events> (?&count) ) \s+ (?i: of | out \s+ of | in ) \s+ (?: the \s+ )? (?<total> (?&count) ) \b
    regex (?= \s+ (?: [\w()-]+ \s+ ){0,6}? (?i: survived | were \s+ alive | survivors ) \b
    regex   | (?: \s+ [\w-]+ ){0,4}? \s* (?: , | \s versus | \s vs\.? ) \s+ (?: [\w-]+ \s+ ){0,4}? (?&count) \s+ (?i: of | in ) \s+ (?&count) \s+ (?i: survivors ) )
    forbid after 60 ^ (?&inclause)*? (?i: \b died | deaths? )
    set unit %
    example Ten of the 20 UC-MSC recipients survived => value=50 events=10 total=20
    example found 10 of 20 versus 4 of 20 survivors => value=50

pattern events-of-total-after
    type survival
    prefilter surviv alive
    priority 11
    regex (?<! [\p{L}\p{N}.,] ) (?<events> (?&count) ) \s+ (?i: of | out \s+ of | in ) \s+ (?: the \s+ )? (?<total> (?&count) ) \b
    regex (?: \s* \( \s* (?<value> (?&decimal) ) (?&pct) \s* \) )?
    require before 100 (?i: survived | were \s+ alive | survival ) (?: (?! (?i: died | deaths? | mortality ) ) (?&insentence) )*? $
    forbid after 60 ^ (?&inclause)*? (?i: \b died | deaths? )
    set unit %
    example Ten of the 20 recipients survived, compared with four of 20 controls => value=20
    example survival to hospital discharge UC-MSC: 16 of 24 (66.7%) => value=66.7

# "Survival was 7/7", "2/2 (100%) survived"
pattern fraction
    type survival
    prefilter surviv alive
    priority 12
    regex (?<! [\p{L}\p{N}.,/] ) (?<events> \d+ ) / (?<total> \d+ ) (?! [\d/] )
    regex (?: \s* \( \s* (?<value> (?&decimal) ) (?&pct) \s* \) )?
    require near 40 (?&survword)
    forbid before 40 (?i: mortality | died | deaths? ) [^/]* $
    set unit %
    example Survival was 7/7 in the MSC group => value=100
    example 2/2 (100%) survived to hospital discharge => value=100

# Table rows: "Alive, n (%) | UC-MSC / Day 7 = 17 (85)"
pattern table-events-pct
    type survival
    prefilter surviv alive
    priority 14
    regex (?: (?<group> [\p{L}][\w\s/+-]{0,40}? ) \s* = \s* | \| \s* | \h{3,} )
    regex (?: (?<events> \d+ ) (?: \s* / \s* (?<total> \d+ ) )? \s* \( \s* (?<value> (?&decimal) ) (?&pct)? \s* \)
    regex   | (?<value> (?&decimal) ) (?&pct) \s* \( \s* (?<events> \d+ ) \s* / \s* (?<total> \d+ ) \s* \) )
    require sentence ^ \W* (?: [\w-]+ \s+ ){0,2}? (?i: alive | survival | survived | survivors )
    forbid sentence (?&notsurv)
    set unit %
    example Alive, n (%) | UC-MSC / Day 7 = 17 (85) => value=85 events=17

# "83% (20/24)": the printed percentage and its fraction, one record.
pattern pct-with-fraction
    type survival
    prefilter surviv alive
    priority 16
    regex (?<! [\d.,·] ) (?<value> (?&decimal) ) (?&pct) \s* \( \s* (?<events> (?&count) ) \s* (?: / | (?i: of ) ) \s* (?<total> (?&count) ) \s* \)
    require before 200 (?&survword)
    forbid before 200 (?&notsurv) (?: (?! (?&survword) ) . )*? $
    forbid before 200 (?i: mortality | \b died | \b deaths? ) (?: (?! (?&survword) ) . )*? $
    set unit %
    example Overall survival was 83% (20/24) => value=83 events=20 total=24

# "all seven patients survived to discharge"
pattern all-survived
    type survival
    prefilter surviv alive
    priority 12
    regex (?i: all ) \s+ (?: the \s+ )? (?<total> (?&count) ) \s+ (?: [\w-]+ \s+ ){0,2}? (?i: survived | were \s+ alive )
    set value 100
    set unit %
    example and all seven patients survived to discharge => value=100 total=7

# "65% of MAPC recipients and 50% of placebo recipients were alive"
pattern pct-of-were-alive
    type survival
    prefilter surviv alive
    priority 12
    regex (?<! [\d.,·] ) (?<value> (?&decimal) ) (?&pct) \s+ of \s+ (?: [\w-]+ \s+ ){1,6}?
    regex (?= (?: and \s+ (?&decimal) (?&pct) \s+ of \s+ (?: [\w-]+ \s+ ){1,6}? )? (?i: were \s+ alive | survived ) )
    set unit %
    example 65% of MAPC recipients and 50% of placebo recipients were alive => value=65
    example 87% of those who got the cells were alive => value=87

# "gave MSCs to 20 critically ill patients, 10 of whom survived".
pattern of-whom-survived
    type survival
    prefilter whom
    prefilter surviv alive
    priority 12
    regex (?<! [\p{L}\p{N}.,] ) (?<total> (?&count) ) \s+ (?: [\w()-]+ \s+ ){0,5}? (?&people) \s* , \s*
    regex \K (?<events> (?&count) ) \s+ (?i: of \s+ whom ) \s+ (?: \w+ \s+ )? (?i: survived | were \s+ alive | are \s+ alive )
    set unit %
    example gave 1 × 10^6 cells/kg to 20 critically ill COVID-19 patients, 10 of whom survived, compared with => value=50 events=10 total=20
    negative 20 patients, 10 of whom were women
