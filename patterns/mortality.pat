# Mortality: a percentage (or a fraction) of patients who died, with its
# arm and time point where the text states them.  Percentages of other
# things in the same sentence are not mortality: a percentage counts when
# a death word stands before it in its sentence and no other outcome comes
# between (words in parentheses, such as an odds ratio, do not count).

# A mortality is never outside this range ("P = 5.2 kPa" is a pressure).
range mortality 0 100
# A percentage that names a change is no share of people who died ("this
# 5% difference", "9% lower with albendazole", "a 30% relative
# reduction"): a relative change, whatever pattern read it.
# "Seventy percent of deaths occurred within a week": a share of the
# deaths, not of the people.
reject mortality after 24 ^ \s* (?i: of \s+ (?: the \s+ | all \s+ | these \s+ )? deaths ) \b
reject mortality after 40 ^ \s* (?: [(\[] [^()\[\]]{0,20} [)\]] \s* )? (?i: (?: relative \s+ | absolute \s+ | proportional \s+ )? (?: differences? | reductions? | lower | higher | decreases? | increases? | excess | risk \s+ reductions? ) ) \b

define deathword (?i: mortality | death \s+ rates? | fatality | case-fatality
                     | \b died | \b deaths? \b (?! \s+ (?&deathsource) ) | \b dead \b | (?&deathverb) )

# Where deaths are looked up, not an outcome: "ascertained through the
# national death registry", "death certificates".
define deathsource (?i: regist\w* | certificat\w* | records? | index | notifications? ) \b

# Ways of saying that people died.
define deathverb (?i: \b (?: died | had \s+ died | were \s+ dead | passed \s+ away | succumbed | deceased ) \b )

# Outcomes that are not death, for forbid rules.
define otherout  (?i: surviv\w* | alive | extubat\w* | weaned | ventilator-free
                     | recover\w* | adverse | infection | admissions?
                     | crossed | cross-over | crossover | dyspn\w* | fibrosis
                     | response | dependence | resolution | \bor \s+ death
                     | \b or \s+ (?: [\w-]+ \s+ ){0,3}? (?: deaths? | died ) \b
                     | \b (?: or | and/or ) \s+ (?: were \s+ | was \s+ )? (?: admitted | hospitali[sz]ed | readmitted ) \b
                     | \b death \s* (?: , \s* [\w-]+ (?: \s+ [\w-]+ )? ,? \s* )? (?: or | and/or ) \s+ (?! death )
                     | censored | [\w-]+ \s* / \s* (?: [\w-]+ \s+ ){0,2}? death
                     | improv\w* | hospitali[sz]ation | readmission
                     | infarction | stroke | composite | combined \s+ (?: end \s* -? \s* points? | outcomes? )
                     | viabilit\w* | \bBPD\b
                     | follow-up | followed \s+ up | complete | completed | drop-?out | attrition | adherence
                     | compliance | \b events? \b | expression | positive | I \^? 2 \b | I \(2\) | heterogeneity )

# After a number: its percent sign, or a partner that carries it
# ("91 vs 42%").
define pctafter  (?&pct) (?&notci)
                 | (?= \s* (?: vs\.? | versus ) \s* (?&decimal) \s* % )
                 | (?= \s+ and \s+ (?&decimal) \s* % [^;]{0,150}? \b (?i: respectively ) \b )

# "mortality rate of 46.1%", "28-day mortality was 30%",
# "a mortality rate ranging from 36.4 to 87%", "mortality (35% vs. 46%)"
pattern pct-after-death-word
    type mortality
    from _pct
    prefilter mortal death died dead fatal passed succumbed deceased
    priority 10
    require before 200 (?&deathword)
    forbid before 200 (?&otherout) (?! [^(]*? \) ) (?: \( [^()]* \) | (?! (?&deathword) ) . )*? $
    forbid before 30 (?: I \^? 2 | I² | I \s* \( \s* 2 \s* \) | (?i: reduction | difference | increase | decrease | fell | rose | dropped | declined | increased | decreased | reduced | lowered ) (?: \s+ (?: of | was | by ) )? ) \s* [=:]? \s* $
    # a threshold: "PD-L1 ≥ 50%"
    forbid before 4 [≥≤<>] \s* $
    # a bound of a confidence interval, a relative change of a risk
    forbid before 40 (?i: \b CI | confidence \s+ interval | credible \s+ interval ) [^()\[\]]* $
    forbid before 60 (?i: reductions? | hazards? | odds ) (?: \s+ [\w-]+ ){0,4} \s+ of \s* $ | (?i: (?<! absolute \s ) risks? ) \s+ (?: reduction \s+ )? of \s* $
    forbid after 30 ^ \s* (?i: (?: relative \s+ | absolute \s+ )? (?: reduction | lower | higher | decrease | increase | fewer | less | more | risk \s+ reduction ) ) \b
    # The second of a list of changes: "reductions of 34% (95% CI -64% to
    # 10%) and 16% (95% CI -52% to 44%), respectively".
    forbid before 160 (?i: reductions? | increases? | differences? | decreases? | changes? ) \s+ (?: of \s+ | by \s+ )? [−–-]? (?&decimal) \s* % (?: \s* [(\[] [^()\[\]]* [)\]] )? \s* ,? \s* (?i: and | or )? \s* $
    forbid after 50 ^ [\s)]* (?: of \s+ (?: all \s+ )? (?: the \s+ )? (?i: admissions | cases | ICU | intensive | hospital | population | screened ) )
    forbid after 50 ^ [\s)]* of \s+ (?: [\w-]+ \s+ ){0,3}? (?i: recovered | were \s+ discharged | met | received | required )
    forbid after 50 ^ [\s)]* (?: [\w-]+ \s+ ){0,3}? (?i: had \s+ (?! died ) | were \s+ (?! dead ) | received | required | used | developed | experienced | underwent | needed | crossed | progressed ) \b
    set unit %
    negative the yearly rate of stroke/cardiac death was 0.8% in the control arm
    negative Deaths were fewer with the drug, but this 4% difference was not significant
    negative Cardiac mortality was 12% lower in the statin arm
    negative the 11% (SE 3) reduction in all-cause mortality seen in the trial
    negative the two diets gave non-significant mortality reductions of 30% (95% CI -60% to 12%) and 14% (95% CI -50% to 40%), respectively
    negative Of the patients who died, sixty percent of deaths occurred within a week
    example a mortality rate of 46.1% => value=46.1 unit=%
    negative rates for the combined end point (death, graft loss or eGFR below 20) were 23.9% and 30.0%
    negative fewer admissions for worsening heart failure or heart failure death (354 [3.4%] vs 405 [3.9%])
    negative fewer patients developed renal failure or died from renal causes (71 [0.7%] vs 63 [0.6%])
    negative fewer patients who died from, or were admitted to hospital for, any respiratory illness (811 [7.9%] vs 820 [8.0%])
    example with a mortality rate ranging from 36.4 to 87% => value=36.4 value_high=87
    example reduction in 60-day mortality with ECMO (35% vs. 46%, P=0.09) => value=35
    example Mortality at day 28 was 30% in the MSC group and 15% in the placebo group => value=15
    example Mortality was 30% (odds ratio 2.4, 95% CI 0.5–15.1); at 60 days it was 38% versus 25%. => value=25
    example Mortality of ARDS remains between 35% and 45% => value=35 value_high=45
    example an in-hospital mortality of eighteen percent => value=18
    negative mortality was lower, although 23% of all cases were severe
    negative the risk ratio for mortality was 0.63 (95% CI 0.46–0.85)
    negative BPD or death occurred in 52% vs 55%
    negative death or graft loss at month 36 was 19.0% with belatacept
    negative reduced odds of death (OR 0.54) and a 54% reduction in the composite
    negative three servings a week had a 39% lower mortality risk
    negative a reduction in total mortality risk of 63% (95% CI −34% to −78%)
    example with an absolute risk of death of 18.9% in the treated arms => value=18.9
    negative freedom from death, graft loss or eGFR below 20 was 23.9% and 18.3%
    negative Mortality was low, and follow-up was complete for 99.7% of participants.
    negative Mortality did not differ; the dropout rate was 29.1% in both arms.
    negative Deaths were rare, and serious adverse events occurred in 50% of recipients.
    negative Mortality fell by 40% after the change in protocol.
    negative heterogeneity of the mortality estimates was low (I2 = 0%; I(2) = 12%)
    negative Mortality was higher among those with PD-L1 ≥ 50% expression.
    negative the risk ratio for death was 0.68 without heterogeneity (I^2 = 0%)
    example mortality was 9% with 15 mL and 34.8% with placebo, a relative reduction of 61% => value=34.8

# "35% mortality", "a 28-day mortality of 40%": percentage first.
pattern pct-before-death-word
    type mortality
    from _pct
    prefilter mortal death died dead fatal passed succumbed deceased
    priority 10
    require after 60 ^ \s+ (?: [\w-]+ \s+ ){0,2}? (?&deathword)
    forbid after 30 ^ (?&inclause)*? (?i: reduction | decrease | increase | risk )
    forbid after 20 ^ \s* (?i: lower | higher | fewer | less | more | relative | absolute ) \b
    set unit %
    example had a 35% 28-day mortality => value=35

# "By day 28, 35% of patients in the placebo group had died": the death
# verb after the people the percentage is of.
pattern pct-of-people-died
    type mortality
    from _pct
    prefilter died dead passed succumbed deceased
    priority 11
    # (also the first of two shares that one verb governs: "40% of
    # placebo patients and 30% of vasopressin patients had died")
    require after 200 ^ \s+ of \s+ (?: the \s+ | all \s+ | these \s+ )? (?: [\w()-]+ \s+ ){0,8}? (?: (?i: and ) \s+ \d[\d.]* \s* % \s+ of \s+ (?: the \s+ )? (?: [\w()-]+ \s+ ){0,8}? )? (?&deathverb)
    forbid clause-after ^ [^;]*? (?&otherout) [^;]*? (?&deathverb)
    forbid after 100 ^ [^;.]*? (?i: \b who | \b that | \b whom ) \s+ (?: (?i: had | have ) \s+ )? (?&deathverb)
    set unit %
    example By day 28, 35% of patients in the placebo group had died. => value=35
    example At day 28, 40% of placebo patients and 30% of vasopressin patients had died. => value=40
    negative 40% of placebo patients and 30% of vasopressin patients were discharged home
    example 12.5% of the recipients passed away within a month => value=12.5
    negative 35% of patients who had died were men

# "3 of 10 patients died", "4 of 21 UC-MSC recipients ... had died",
# "Three of the 17 patients died (17.6%)"
pattern events-of-total
    type mortality
    prefilter mortal death died dead fatal passed succumbed deceased
    priority 12
    regex (?<! [\p{L}\p{N}.,] ) (?<events> (?&count) ) \s+ (?i: of | out \s+ of | in ) \s+ (?: the \s+ )? (?<total> (?&count) ) \b
    regex (?: (?= \s+ (?: [\w()-]+ \s+ ){0,10}? (?: (?&deathverb) | (?i: deaths? ) \b )
    regex         \s* \( \s* (?<value> (?&decimal) ) (?&pct) \s* \) ) )?
    # The death is the count's clause's ("34 of 115 patients in one group
    # and 46 of 221 in the other had died": the list shares its verb).
    require clause-after (?&deathverb) | (?i: \b deaths? \b )
    # "Six of the 7 deaths were due to progression": a share of the deaths.
    forbid after 30 ^ \s+ (?: [\w-]+ \s+ )? (?i: deaths? | fatalities | fatal \s+ (?: cases | events ) ) \b
    set unit %
    example 3 of 10 patients died => value=30 events=3 total=10
    negative Five of the 8 deaths in the treatment arm were due to progression
    example By day 28, 34 of 115 patients in the MSC group and 46 of 221 patients in the placebo group had died => events=34 total=115
    example 4 of 21 UC-MSC recipients and 4 of 24 placebo recipients had died => value=19.047619047619
    example Three of the 17 patients in the MSC group died (17.6%) => value=17.6 events=3
    negative 9 of 10 patients were discharged
    example Two of the 12 recipients passed away before discharge => value=16.666666666667 events=2 total=12

# "... died, compared with 7 of 12 controls"
pattern events-of-total-after
    type mortality
    prefilter mortal death died dead fatal passed succumbed deceased
    priority 11
    regex (?<! [\p{L}\p{N}.,] ) (?<events> (?&count) ) \s+ (?i: of | out \s+ of | in ) \s+ (?: the \s+ )? (?<total> (?&count) ) \b
    regex (?: (?: \s+ [\w-]+ )? \s* \( \s* (?<value> (?&decimal) ) (?&pct) \s* \) )?
    require before 100 (?i: \b died | \b deaths? | mortality ) (?: (?! (?&otherout) ) (?&insentence) )*? $
    forbid after 60 ^ (?&inclause)*? (?i: surviv | alive | discharg | extubat | recover )
    set unit %
    example 1 of 12 patients died after UC-MSCs compared with 7 of 12 controls => value=58.333333333333
    example one in five treated patients died compared with two in five controls => value=40
    example Death occurred in 12 of 150 (8.0%) on the drug and 20 of 148 (13.5%) on placebo => value=13.5 events=20 total=148

# "511 (27.9%) of 1832 patients ... had died", "12 (30%) of 40 patients",
# "44 of 124 patients (35%) ... had died"
pattern events-pct-of-total
    type mortality
    prefilter mortal death died dead fatal passed succumbed deceased
    priority 13
    regex (?<! [\p{L}\p{N}.,] ) (?: (?<events> (?&count) ) \s* )? \( \s* (?<value> (?&decimal) ) (?&pct) \s* \) \s+ (?i: of ) \s+ (?<total> (?&count) ) \b
    require clause-after (?i: \b died | \b dead | deaths? )
    forbid clause-after (?i: surviv | alive | discharg | extubat | recover | adverse | events )
    set unit %
    example 511 (27·9%) of 1832 patients in the hydrocortisone group had died => value=27.9 events=511 total=1832

pattern events-of-total-pct
    type mortality
    prefilter mortal death died dead fatal passed succumbed deceased
    priority 13
    regex (?<! [\p{L}\p{N}.,] ) (?<events> (?&count) ) \s+ (?i: of ) \s+ (?<total> (?&count) ) (?: \s+ [\w-]+ ){0,2}? \s* \( \s* (?<value> (?&decimal) ) (?&pct) \s* \)
    require clause-after (?i: \b died | \b dead | deaths? )
    forbid clause-after (?i: surviv | alive | discharg | extubat | recover | adverse | events )
    set unit %
    example 44 of 124 patients (35%) in the ECMO group had died => value=35 events=44

# "3 (30%) died", "8.3% (1/12)" next to a death word
pattern events-pct-died
    type mortality
    prefilter mortal death died dead fatal passed succumbed deceased
    priority 12
    regex (?<! [\p{L}\p{N}.,] ) (?<events> \d+ ) \s* \( (?<value> (?&decimal) ) (?&pct) \) (?= \s+ (?: [\w-]+ \s+ ){0,3}? (?i: died | deaths? ) \b )
    set unit %
    example 3 (30%) died => value=30 events=3

# "none of the 18 patients died", "the mortality in the MSC group was zero"
pattern none-died
    type mortality
    prefilter mortal death died dead fatal passed succumbed deceased
    priority 13
    regex (?i: (?<events> none ) \s+ of \s+ the \s+ ) (?<total> (?&count) ) (?= \s+ (?: [\w-]+ \s+ ){0,3}? (?i: died | had \s+ died ) \b )
    set unit %
    example none of the 18 patients died => value=0 total=18

pattern mortality-zero
    type mortality
    prefilter mortal death died dead fatal passed succumbed deceased
    priority 12
    regex (?i: mortality ) (?: \s+ [\w-]+ ){0,6}? \s+ (?i: was | of | were ) \s+ \K (?<value> (?i: zero | nil ) ) \b
    set unit %
    example the mortality in the MSC group was zero => value=0

# Table rows: "Mortality at day 28, n (%) | MSC = 3 (30) | Placebo = 8 (80)",
# or columns set apart by spaces.
pattern table-events-pct
    type mortality
    prefilter mortal death died dead fatal passed succumbed deceased
    priority 14
    # The column's own name: a word on, not across the " / " that joins a
    # spanning header to it ("Overall effect comparing X and usual care /
    # X = 6 (5.5)" is X's cell).
    regex (?: (?<! [\p{L}\p{N}] ) (?<group> [\p{L}] (?: [\w+-] | \s (?! / ) | / (?! \s ) ){0,40}? ) \s* = \s* | \| \s* | \h{3,} )
    regex (?: (?<events> \d+ ) (?: \s* / \s* (?<total> \d+ ) )? \s* \( \s* (?<value> (?&decimal) ) (?&pct)? \s* \)
    regex   | (?<value> (?&decimal) ) (?&pct) \s* \( \s* (?<events> \d+ ) \s* / \s* (?<total> \d+ ) \s* \) )
    require sentence ^ \W* (?: [\w-]+ \s+ ){0,3}? (?i: mortality | death | deaths | died )
    set unit %
    example Mortality at day 28, n (%) | MSC = 3 (30) | Placebo = 8 (80) | P = 0.02 => value=80 events=8 group=Placebo
    example Mortality at day 28, n (%) | 3 (30) | 8 (80) | 0.02 => value=30 events=3
    example | Death by day 28, n/N (%) | 2/12 (16.7) | 5/12 (41.7) | 0.37 | => value=41.7 events=5 total=12
    example Death rates, n (%) | Overall effect comparing X and usual care / X system = 6 (5.5) => value=5.5 events=6 group="X system"

# "15% (3 of 20)", "9.1% (3/33)": the printed percentage and its fraction,
# one record.
pattern pct-with-fraction
    type mortality
    prefilter mortal death died dead fatal passed succumbed deceased
    priority 16
    regex (?<! [\d.,·] ) (?<value> (?&decimal) ) (?&pct) \s* \( \s* (?<events> (?&count) ) \s* (?: / | (?i: of ) ) \s* (?<total> (?&count) ) \s* \)
    require before 200 (?&deathword)
    forbid before 200 (?&otherout) (?! [^(]*? \) ) (?: \( [^()]* \) | (?! (?&deathword) ) . )*? $
    set unit %
    example Mortality at day 28 was 15% (3 of 20) with MSCs => value=15 events=3 total=20 text="15% (3 of 20)"
    example Mortality before discharge was 9.1% (3/33) in the MSC arm => value=9.1 events=3 total=33

# Zero deaths: "none died in the MSC group", "No patient in either group
# died", "no deaths among 12 treated patients".
pattern no-deaths
    type mortality
    prefilter mortal death died dead fatal passed succumbed deceased
    priority 12
    regex (?i: \b none | \b no \s+ (?: patients? | one | participants? ) ) (?: \s+ [\w-]+ ){0,5}? \s+ (?i: died | had \s+ died | were \s+ dead ) \b
    regex | (?i: \b no \s+ deaths? \s+ (?: among | in ) \s+ ) (?<total> (?&count) ) (?: \s+ [\w-]+ ){0,3}
    set value 0
    set unit %
    example By day 28 none died in the hUC-MSC group => value=0
    example No patient in either group died during follow-up => value=0
    example Shu et al. reported no deaths among 12 treated patients => value=0 total=12

# "3 patients (12.5%) in the MSC group and 10 (41.7%) in the placebo
# group had died": counts with printed percentages, the verb later.
pattern events-pct-later-died
    type mortality
    priority 11
    prefilter died dead death
    regex (?<! [\p{L}\p{N}.,/] ) (?: (?<events> \d+ ) \s* / \s* (?<total> \d+ ) | (?<events> (?&count) ) )
    regex (?: \s+ (?&people) )? \s* \( \s* (?<value> (?&decimal) ) (?&pct) \s* \)
    require clause-after (?i: \b died | \b dead \b | \b deaths? )
    forbid clause-after (?i: surviv | alive | discharg | extubat | recover | adverse | events | infection )
    set unit %
    example At day 60, 3 patients (12.5%) in the MSC group and 10 (41.7%) in the placebo group had died => value=41.7 events=10
    example by which point 22/39 (56%) and 21/38 (55%) of participants assigned to CVVH and CVVHD, respectively, had died => value=55 events=21 total=38

# "no deaths in the MSC arm (0/65)": a fraction beside a death word.
pattern fraction
    type mortality
    priority 12
    prefilter died dead death mortal
    regex (?<! [\p{L}\p{N}.,/] ) (?<events> \d+ ) / (?<total> \d+ ) (?! [\d/] )
    regex (?: \s* \( \s* (?<value> (?&decimal) ) (?&pct) \s* \) | \s* , \s* (?<value> (?&decimal) ) (?&pct) )?
    require before 80 (?&deathword) (?&inclause)* $
    forbid before 80 (?&otherout) (?: (?! (?&deathword) ) (?&inclause) )* $
    set unit %
    example there were no deaths in the MSC arm (0/65) => value=0 events=0 total=65
    example Mortality did not differ between groups (18/60 vs 21/59; P = 0.52) => value=35.593220338983 events=21 total=59

# "In-hospital deaths: 14 (9.3%) vs 22 (14.9%)": a count with its printed
# percentage after a death word.
pattern events-pct-after-death-word
    type mortality
    prefilter mortal death died dead fatal passed succumbed deceased
    priority 12
    regex (?<! [\p{L}\p{N}.,/] ) (?<! \b of \s ) (?<events> (?&count) ) \s* \( \s* (?<value> (?&decimal) ) (?&pct) \s* \)
    require before 120 (?&deathword) (?&inclause)* $
    forbid before 120 (?&otherout) (?: (?! (?&deathword) ) (?&inclause) )* $
    forbid after 40 ^ [\s)]* (?i: had | developed | experienced | required | needed | received | were \s+ (?! dead ) ) \b
    set unit %
    example In-hospital deaths: 14 (9.3%) vs 22 (14.9%) => value=14.9 events=22
    negative deaths were rare, and 14 (9.3%) had a stroke

# "There were 45 deaths (15.0%) in the early group".
pattern deaths-pct
    type mortality
    prefilter death
    priority 13
    regex (?<! [\p{L}\p{N}.,/] ) (?<events> (?&count) ) \s+ (?: (?! (?i: cardiac | cardiovascular | cancer | vascular | respiratory ) \b ) [\w-]+ \s+ )? (?i: deaths? ) \s* \( \s* (?<value> (?&decimal) ) (?&pct) \s* \)
    set unit %
    example There were 45 deaths (15.0%) in the early group => value=15 events=45
    example 61 total deaths (20.3%) => value=20.3 events=61

# "gave MSCs to 20 critically ill patients, 4 of whom died": the people
# are counted first, those who died after "of whom".
pattern of-whom-died
    type mortality
    prefilter whom
    prefilter died dead passed succumbed deceased
    priority 12
    regex (?<! [\p{L}\p{N}.,] ) (?<total> (?&count) ) \s+ (?: [\w()-]+ \s+ ){0,5}? (?&people) \s* , \s*
    regex \K (?<events> (?&count) ) \s+ (?i: of \s+ whom ) \s+ (?: \w+ \s+ )? (?&deathverb)
    set unit %
    example gave 1 × 10^6 cells/kg to 20 critically ill patients, 4 of whom died, and => value=20 events=4 total=20
    negative 20 patients, 4 of whom were men

# "Of the 40 patients who received placebo, 16 died within 28 days": the
# people first, then how many of them died, after a comma.
pattern of-the-total-died
    type mortality
    prefilter died dead passed succumbed deceased
    prefilter of
    priority 12
    regex (?i: \b of ) \s+ (?: (?i: the | these | all ) \s+ )? (?<total> (?&count) ) \s+ (?: [\w()-]+ \s+ ){0,3}? (?&people) \b (?: [^,;()\d]{1,60}? )? \s* , \s*
    regex \K (?<events> (?&count) ) (?: \s+ (?: [\w-]+ \s+ )? (?&people) )? \s+ (?: (?i: had ) \s+ )? (?&deathverb)
    set unit %
    example Of the 40 patients who received placebo, 16 died within 28 days, compared with 12 of the 40 who received the drug => value=40 events=16 total=40
    example Of the 120 children enrolled, three died before discharge => value=2.5 events=3 total=120
    negative Of the 40 patients, 16 were men and 5 died later
    negative Of the 40 patients who received placebo, 16 had a fever

# ------------------------------------------------------------------
# Deaths counted in an arm, with no denominator in the sentence: "Eight
# deaths (7 in the BTH1677 arm; 1 in the control arm)", "Two deaths were
# reported in the formoterol group", "3 patients in the MSC group and 5
# in the placebo group died".  Internal (_deaths): not written out, and
# no mortality by themselves (value is the count); the study table counts
# them as an arm's events, with the arm's randomized size from the trial
# model, and says so in its check column.
# ------------------------------------------------------------------

# "7 deaths", "Two deaths were reported": a count of deaths.
pattern deaths-in-arm
    type _deaths
    from _count
    prefilter death
    require after 40 ^ \s+ (?: (?! (?i: cardiac | cardiovascular | cancer | vascular | respiratory | neonatal | perinatal | fetal ) \b ) [\w-]+ \s+ )? (?i: deaths? ) \b
    forbid after 60 ^ \s+ (?: [\w-]+ \s+ )? (?i: deaths? ) \s* [(\[] \s* (?&decimal) \s* %
    forbid before 30 (?i: \b of | \b among | \b in ) \s+ (?: the \s+ )? $
    forbid clause (?&otherout)
    forbid before 10 (?i: \b (?: day | week | month | year | hour | visit ) s? ) \s* $
    example Two deaths were reported in the formoterol group => value=2
    example Eight deaths occurred in the trial => value=8
    negative there were fewer deaths by day 7 in the tranexamic acid group
    negative There were 45 deaths (15.0%) in the early group
    negative Of the 7 deaths, five were due to cancer

# "(7 in the BTH1677 arm; 1 in the control arm)", "3 in the MSC group
# and 5 in the placebo group died": a count in a named arm whose clause
# is about deaths.
pattern count-in-arm-died
    type _deaths
    from _count
    prefilter death died dead
    require after 60 ^ \s+ (?: (?&people) \s+ )? (?i: in | on | from ) \s+ (?: the \s+ )? [^,;()]{0,40}? (?i: group | arm ) \b
    require clause (?i: \b died \b | \b deaths? \b | \b dead \b )
    forbid after 80 ^ [^;]*? (?i: surviv | alive | discharg )
    forbid clause (?&otherout)
    forbid after 12 ^ \s* (?: % | \( \s* (?&decimal) \s* % | of \b | / )
    # "5 of 60 patients in the A group had died": 60 is the arm, not
    # its deaths.
    forbid before 12 (?: (?i: \b of | \b out \s+ of ) \s+ (?: (?i: the ) \s+ )? | / \s* ) $
    forbid before 10 (?i: \b (?: day | week | month | year | hour | visit ) s? ) \s* $
    example Eight deaths (7 in the study arm; 1 in the control arm) were reported => value=7
    example 3 patients in the MSC group and 5 in the placebo group died => value=3
    negative 3 patients in the MSC group and 5 in the placebo group recovered
    negative By day 30, 5 of 60 patients in the A group and 9 of 60 patients in the placebo group had died

# "The numbers of deaths by day 28 were 8 and 6 in the MSC and placebo
# groups, respectively": counts of deaths listed, their arms named after
# them with "respectively".
pattern deaths-respectively
    type _deaths
    from _count
    prefilter respectively
    prefilter death died
    require clause-before (?i: \b (?: deaths | died ) \b )
    require after 120 ^ [^;.]*? (?i: \b respectively \b )
    # "nivolumab [9] and atezolizumab [10], respectively": citations.
    forbid before 2 \[ \s* $
    forbid after 12 ^ \s* (?: % | \( \s* (?&decimal) \s* % | of \b | / )
    forbid before 12 (?: (?i: \b of | \b out \s+ of ) \s+ (?: (?i: the ) \s+ )? | / \s* ) $
    forbid clause (?&otherout)
    forbid before 10 (?i: \b (?: day | week | month | year | hour | visit ) s? ) \s* $
    example The numbers of deaths by day 28 were 8 and 6 in the MSC and placebo groups, respectively => value=8
    negative The numbers of survivors by day 28 were 22 and 24 in the MSC and placebo groups, respectively
    negative The deaths were caused by 8 and 6 infections in the two groups, respectively, of 30 patients each
    negative the anti-programmed death ligand-1 antibodies, nivolumab [9] and atezolizumab [10], respectively

# "5 deaths with MSC and 11 with placebo", "16 deaths among placebo
# recipients and 12 among those given vasopressin": the second count of
# a pair shares the first one's "deaths".
pattern deaths-and-count
    type _deaths
    from _count
    prefilter death
    require before 100 (?i: \b deaths \b ) [^;.()\d]{1,60}? \s (?i: and | whereas | while | but ) \s+ $
    require after 40 ^ \s+ (?i: with | among | in | on | for ) \b
    forbid after 12 ^ \s* (?: % | of \b | / )
    forbid clause-after (?&otherout) | (?i: \b (?: discharged | recovered ) \b )
    example 5 deaths with MSC and 11 with placebo => value=11
    example There were 16 deaths among placebo recipients and 12 among those given vasopressin => value=12
    negative Deaths were rare and 11 in the placebo group were discharged home
    negative Deaths were few, and 11 patients in the placebo group had sepsis

# "Sixteen patients given placebo died, whereas 12 given vasopressin
# died", "Twelve vasopressin recipients (30%) died": the count is the
# subject of "died", a few words (its people, what they were given) and
# a bracketed note between; the study table finds the arm among those
# words.
pattern count-given-died
    type _deaths
    from _count
    prefilter died dead
    # (also the first of two such counts: "4 MSC recipients and 9
    # placebo recipients had died")
    require after 160 ^ \s+ (?: [\w/+-]+ \s+ ){0,4}? (?: \( [^()]{0,30} \) \s+ )? (?: (?i: and ) \s+ (?: \d[\d,]* | [A-Za-z-]+ ) \s+ (?: [\w/+-]+ \s+ ){0,4}? (?: \( [^()]{0,30} \) \s+ )? )? (?i: died | had \s+ died | were \s+ dead ) \b
    # a word of the count's own phrase that is no arm: "of the 20
    # patients, 5 died" (the 20 is not who died), a time ("day 28")
    forbid before 30 (?i: \b of | \b among | \b in | \b out \s+ of ) \s+ (?: the \s+ )? $
    forbid before 10 (?i: \b (?: day | week | month | year | hour | visit ) s? ) \s* $
    forbid after 12 ^ \s* (?: % | of \b | / )
    forbid after 80 ^ [^;]*? (?i: \b (?: who | that | whom ) \b )
    # "Twenty-eight patients died (placebo, 16; vasopressin, 12)": a
    # total that the bracket breaks down, not an arm's count.
    forbid after 100 ^ \s+ (?: [\w/+-]+ \s+ ){0,4}? (?i: died | had \s+ died | were \s+ dead ) \s* [(\[] [^()\[\]]*? \d
    # "Of the 20 patients, 5 died": events of a stated total, read as such
    # (of-the-total-died).
    forbid before 60 (?i: \b of \s+ (?: the \s+ )? ) (?: \d[\d,]* | (?&numword) ) [^,;()]{0,40} , \s* $
    example Sixteen patients given placebo died within 28 days => value=16
    example whereas 12 given vasopressin died => value=12
    example Twelve vasopressin recipients (30%) died => value=12
    example by day 60, 4 MSC recipients and 9 placebo recipients had died => value=4
    negative of the 20 patients, 5 died in the placebo group
    negative by day 28 died
    negative 40 patients who received placebo died
    negative Twenty-eight patients died (placebo, 16; vasopressin, 12)

# "five patients died (on days 7, 11, 18, 19, and 26) in group C": people
# who died, then the arm.
pattern died-in-arm
    type _deaths
    from _count
    prefilter died
    require after 140 ^ \s+ (?: [\w-]+ \s+ )? (?&people) \s+ (?i: died | had \s+ died ) (?: \s* \( [^()]{0,60} \) )? \s+ (?i: in | on ) \s+ (?: the \s+ )? [^,;()]{0,40}? (?i: group | arm ) \b
    forbid before 30 (?i: \b of | \b among | \b in ) \s+ (?: the \s+ )? $
    forbid before 10 (?i: \b (?: day | week | month | year | hour | visit ) s? ) \s* $
    example five patients died (on days 7, 11, 18, 19, and 26) in group C => value=5
    example two patients died in the placebo group => value=2
    negative of the 20 patients, 5 died in the placebo group
