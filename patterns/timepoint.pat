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
    regex (?i: mortality | survival | died | deaths? | dead | alive ) \s+ (?: (?i: rate | rates ) \s+ )?
    regex (?i: at | by | within | through | after | on ) \s+ \K (?<timepoint> (?&timeword) ) \b
    example Mortality at day 28 was 15% => timepoint=28-day
    example survival at 31 days was 91% => timepoint=31-day
    example two patients died by day 60 => timepoint=60-day
    negative mortality at the end of the trial
