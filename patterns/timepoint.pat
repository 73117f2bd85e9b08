# Timepoints of an outcome: "28-day mortality", "mortality at day 28",
# "survival at 31 days", "in-hospital mortality".  Records of type
# _timepoint are internal (not written out): a mortality or survival value
# whose own pattern captured no timepoint takes the nearest timepoint of
# its sentence, the closest before it, else the first after it.  The
# maps in common.pat make them canonical (28-day, in-hospital, ICU).

pattern timepoint-before-outcome
    type _timepoint
    priority 10
    prefilter mortal surviv death
    regex (?<! [\p{L}\p{N}] ) (?<timepoint> (?&timeword) )
    regex (?= \s+ (?: all-cause \s+ | overall \s+ )? (?i: mortality | survival | death ) )
    example 28-day mortality was 15% => timepoint=28-day
    example the 60-day survival => timepoint=60-day
    example in-hospital mortality => timepoint=in-hospital

pattern timepoint-after-outcome
    type _timepoint
    priority 10
    prefilter mortal surviv death died dead alive
    regex (?i: mortality | survival | survived | died | deaths? | dead | alive ) \s+ (?: (?i: rate | rates ) \s+ )?
    regex (?i: at | by | within | through | after | on | to | before | in ) \s+ \K (?<timepoint> (?&timeword) ) \b
    example Mortality at day 28 was 15% => timepoint=28-day
    example all seven patients survived to discharge => timepoint=in-hospital
    example Survival rate in 3 month was 79.2 % for the MSC group => timepoint=3-month
    example survival at 31 days was 91% => timepoint=31-day
    example two patients died by day 60 => timepoint=60-day
    negative mortality at the end of the trial

# "At 60 days, it was 38% versus 25%", "61.5% at day 28", "By day 90, ...":
# a time point said on its own in a sentence about deaths or survival.
pattern timepoint-on-its-own
    type _timepoint
    priority 9
    prefilter mortal surviv death died dead alive fatal
    prefilter day week month year discharge
    regex (?i: \b at | \b by | \b on | \b within | \b through | \b until | \b before | \b during | \b over | \b followed (?: \s+ up )? \s+ (?: to | for ) ) \s+ (?: (?i: the ) \s+ )?
    regex \K (?<timepoint> (?i: (?: day | week | month ) [\s-]* \d{1,3} | \d{1,3} \s+ (?: days | weeks | months | years ) | (?: hospital \s+ )? discharge ) ) \b
    require sentence (?i: mortal | surviv | death | died | dead | alive | fatal )
    example At 60 days, mortality was 38% => timepoint=60-day
    example During 28 days of follow-up none of the 12 patients died => timepoint=28-day
    example the case fatality of the early cohorts was 58.3% at day 28 => timepoint=28-day
    example mortality was 61.5% at day 28 => timepoint=28-day
    example death rates were 9.9% and 11.5%, respectively, at month 36 => timepoint=36-month
    example All subjects were followed to 60 days, by which point 56% had died => timepoint=60-day
    negative at 60 days the score fell

# "Day-28 mortality", "One-year mortality", "mortality at 1 year".
pattern timepoint-words
    type _timepoint
    priority 10
    prefilter mortal surviv death
    regex (?<! [\p{L}\p{N}] ) (?<timepoint> (?i: (?&tpword) [-\ ] (?: day | week | month | year ) s? | day - \d{1,3} ) )
    regex (?= \s+ (?: all-cause \s+ )? (?i: mortality | survival | death ) )
    example One-year mortality was 35% => timepoint=1-year
    example Day-28 mortality was 25% => timepoint=28-day
    example Thirty-day mortality was 37.5% with the drug => timepoint=30-day
    example Ninety-day survival was 61% => timepoint=90-day

# "Kaplan-Meier estimates 10 years after randomization showed ...": a
# time counted from the start of the trial.
pattern timepoint-after-start
    type _timepoint
    priority 9
    prefilter after
    prefilter mortal surviv death died dead alive
    regex (?<! [\p{L}\p{N}] ) (?<timepoint> (?: \d{1,3} | (?&tpword) ) [\s-] (?i: days? | weeks? | months? | years? ) )
    regex (?= \s+ (?i: after | from | following | post ) \s+ (?: (?i: the | their ) \s+ )? (?i: randomi[sz]ation | enrol?ment | inclusion | surgery | transplant\w* | treatment | admission | diagnosis ) )
    require sentence (?i: mortal | surviv | death | died | dead | alive )
    example Kaplan-Meier estimates 10 years after randomization showed an overall survival of 74% => timepoint=10-year
    example One month after treatment, 87% of the treated patients were alive => timepoint=1-month
