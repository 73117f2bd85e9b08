# Doses: cell doses per kilogram and in total, per infusion and per course,
# and drug doses (U/kg, U/kg/h, mg/kg, mg, ...).  Values in plain units:
# 1 × 10^6 cells/kg -> 1000000; (100 ± 20) × 10^6 cells -> 1e8, spread 2e7;
# 1–2 × 10^6 cells/kg -> 1e6 to 2e6.

# What a dose in each unit can be (a unit table: a value outside its
# unit's range is a misread, an OCR-damaged exponent or not a dose at all;
# "1x10 6 cells/kg" read as 10 cells/kg is no dose).  Generous bounds:
# they reject the impossible, not the unusual.
# A dose is never negative ("a mean difference of –54 mL") and never a
# bound ("≤10 mg prednisolone", "an increase of ≥100 mL"): a difference
# or a threshold, not an amount given.
reject dose before 3 (?: ^ | [\s(\[] ) [−–-] \s* $
reject dose before 3 [<>≤≥] \s* $
# "(Δ = 0.7 units, p = 0.02)", "the score was 2 units lower": a
# difference between groups, not an amount given.
reject dose before 12 (?: Δ | (?i: \b delta ) ) \s* [=:]? \s* $
reject dose after 14 ^ \s* (?i: lower | higher | greater | less | more | fewer | better | worse ) \b
# "(mean=0.4, 95% CI=0.1, 0.7 grams/day)": a confidence interval's ends
# are an estimate's bounds, not an amount given.
reject dose before 24 (?i: \b CI | confidence \s+ interval ) \s* [=:,]? \s* (?: (?&decimal) \s* (?: , | to | – | - ) \s* )? $
range dose 1000 1e10 unit=cells/kg
range dose 10000 1e13 unit=cells
range dose 1e6 1e13 unit=particles
range dose 0.0001 1000 unit=mg/kg
range dose 0.0001 200 unit=mg/kg/day
range dose 0.001 100000 unit=mg
range dose 0.001 100000 unit=mg/day
range dose 0.0001 200 unit=g
range dose 0.0001 200 unit=g/day
range dose 0.001 100000 unit=µg
range dose 0.001 1000000 unit=U/kg
range dose 0.0001 10000 unit=U/kg/h
range dose 0.01 5000 unit=mL
range dose 0.01 10000 unit=mg/m^2
range dose 0.1 100 unit=%

# What cells are called after a dose: "cells", "MSCs", "UC-MSCs".
define cells     (?: (?: [A-Za-z]{1,6} - )? (?i: MSCs? | cells? | MSC | MAPCs? ) )

# Vesicle products are dosed in particles.
define particles (?i: (?: [\w-]+ \s+ )? (?: particles | nanovesicles | vesicles | exosomes | EVs ) )

# Per kilogram: "/kg", "per kg", "per kilogram", "kg^-1", "/kg body weight".
define perkg     (?: \s* / \s* kg | \s+ per \s+ (?i: kg | kilogram ) | \s* kg \s* \^? -1 )
                 (?: \s+ (?:of \s+)? (?i: predicted \s+ | ideal \s+ )? (?i: body \s* weight | bw ) )?

# A power of ten with its exponent captured, 10^6 or 10(6), is written out
# in each pattern: a group captured inside a define is reset when the call
# returns, so fields must be captured in the pattern itself.

map unit (?i) (?: [a-z]{1,6} - )? (?: msc | mscs | cells? ) \s* / \s* kg .*  => cells/kg
map unit (?i) / \s* kg .*  => cells/kg
map unit (?i) per \s+ (?: kg | kilogram ) .*  => cells/kg
map unit (?i) (?: [a-z]{1,6} - )? (?: msc | mscs | cells? ) \s+ per \s+ (?: kg | kilogram ) .*  => cells/kg
map unit (?i) (?: [a-z]{1,6} - )? (?: msc | mscs | cells? ) \s* kg \s* \^? -1 .*  => cells/kg
map unit (?i) (?: [a-z]{1,6} - )? (?: msc | mscs | cells? | mapcs? )  => cells
map unit (?i) (?: [\w-]+ \s+ )? (?: particles | nanovesicles | vesicles | exosomes | evs )  => particles
map unit (?i) I?U \s* / \s* kg \s* / \s* h(?:our|r)?  => U/kg/h
map unit (?i) I?U \s* / \s* kg  => U/kg
map unit (?i) units? \s* / \s* kg  => U/kg
map unit (?i) units?  => U
# A dose printed as an amount per day is a dose per day: "10 mg daily",
# "0.625 mg of conjugated estrogen daily", "20 mg a day" are mg/day, as
# the real-text annotators write them; an amount with its frequency,
# "30 mg once daily", "5 mg q.d.", "40 mg twice daily", stays mg (the
# dose given each time).  The tail after the unit, for `drugunit` and
# the unit maps below; never after a unit that already has its time
# ("mg/day", "U/kg/h").
define dailyword (?i: daily | every \s+ day | each \s+ day | a \s+ day ) (?! [\p{L}] )
define dailytail (?<! day | /d | /h | hr | hour | min ) \s+ (?: (?i: of ) \s+ (?: (?! (?i: once | twice | thrice | three | four | times ) \b ) [\p{L}][\w-]* \s+ ){0,2} )? (?&dailyword)
map unit (?i) (?: mg | milligrams? ) (?&dailytail)  => mg/day
map unit (?i) (?: g | grams? ) (?&dailytail)  => g/day
map unit (?i) (?: [µμ]g | mcg | micrograms? ) (?&dailytail)  => µg/day
map unit (?i) IU (?&dailytail)  => IU/day
map unit (?i) (?: U | units? ) (?&dailytail)  => U/day
map unit (?i) mL (?&dailytail)  => mL/day
map unit (?i) CFU (?&dailytail)  => CFU/day
map unit (?i) mg \s* / \s* kg (?&dailytail)  => mg/kg/day
map unit (?i) (?: [µμ]g | mcg ) \s* / \s* kg (?&dailytail)  => µg/kg/day
map unit (?i) mg \s* / \s* m (?: \^? 2 | \( 2 \) | ² ) (?&dailytail)  => mg/m^2/day
map unit (?i) (?: I?U | units? ) \s* / \s* kg (?&dailytail)  => U/kg/day
map unit (?i) mL \s* / \s* kg (?&dailytail)  => mL/kg/day
# "10 mg of pravastatin/day", "Six grams concentrated oat β-glucan per
# day": a daily dose with the drug named between amount and day.
map unit (?i) (?: mg | milligrams? ) \s .+ (?: / \s* d(?:ay)? | \s per \s+ day )  => mg/day
map unit (?i) (?: g | grams? ) \s .+ (?: / \s* d(?:ay)? | \s per \s+ day )  => g/day
map unit (?i) (?: µg | μg | mcg | micrograms? ) \s .+ (?: / \s* d(?:ay)? | \s per \s+ day )  => µg/day
map unit (?i) (?: grams? ) \s* (?: / \s* d(?:ay)? | per \s+ day )  => g/day
map unit (?i) (?: grams? )  => g
map unit (?i) milligrams? \s* (?: / \s* d(?:ay)? | per \s+ day )  => mg/day
map unit (?i) milligrams?  => mg
map unit (?i) (?: micrograms? | mcg ) \s* (?: / \s* d(?:ay)? | per \s+ day )  => µg/day
map unit (?i) (?: micrograms? | mcg ) \s* / \s* kg  => µg/kg
map unit (?i) (?: micrograms? | mcg )  => µg
map unit (?i) mg \s* / \s* kg \s* / \s* d(?:ay)?  => mg/kg/day
map unit (?i) mg \s* / \s* kg  => mg/kg
map unit (?i) mg \s* / \s* m (?: \^? 2 | \( 2 \) | ² ) \s* (?: / \s* d(?:ay)? | per \s+ day )  => mg/m^2/day
map unit (?i) mg \s* / \s* m (?: \^? 2 | \( 2 \) | ² )  => mg/m^2
map unit (?i) mg \s* (?: / \s* d(?:ay)? | per \s+ day )  => mg/day
map unit (?i) mg  => mg
map unit (?i) g \s* (?: / \s* d(?:ay)? | per \s+ day )  => g/day
map unit (?i) g \s* / \s* kg  => g/kg
map unit (?i) g  => g
map unit (?i) mL \s* / \s* kg \s* / \s* h(?:our|r)?  => mL/kg/h
map unit (?i) mL \s* / \s* kg  => mL/kg
map unit (?i) mL  => mL
map unit (?i) IU \s* (?: / \s* d(?:ay)? | per \s+ day )  => IU/day
map unit (?i) CFU (?: \s* (?: / \s* d(?:ay)? | per \s+ day ) )  => CFU/day
map unit (?i) [µμ]g \s* / \s* kg \s* / \s* min  => µg/kg/min
map unit (?i) (?: [µμ]g | mcg | micrograms? ) \s* / \s* kg \s* / \s* d(?:ay)?  => µg/kg/day
map unit (?i) [µμ]g \s* / \s* kg \s* / \s* h(?:our|r)?  => µg/kg/h
map unit (?i) [µμ]g \s* / \s* kg  => µg/kg
map unit (?i) [µμ]g \s* (?: / \s* d(?:ay)? | per \s+ day )  => µg/day
map unit (?i) [µμ]g  => µg
map unit Gy  => Gy
map unit mmol  => mmol
map unit mEq  => mEq

# "1 × 10^6 cells/kg", "1–2 × 10^6 cells/kg", "10^7 MSCs/kg",
# "1 × 10^6 adipose-derived MSCs per kilogram"
pattern cells-sci
    type dose
    prefilter cell msc mapc particle vesicle exosome evs
    priority 20
    regex (?<! [\d.,·^×] ) (?<! × \s ) (?<! ± \s )
    regex (?: (?<value> (?&decimal) ) (?: \s* (?: – | - | to ) \s* (?<value_high> (?&decimal) ) )? \s* × \s* )?
    regex 10 \s* (?: \^ \s* (?<exponent> -? \d{1,2} ) | \( (?<exponent> -? \d{1,2} ) \) )
    regex (?: (?: \s+ [\w-]+ ){0,3}? \s* (?<unit> (?&cells) (?&perkg)? | (?&particles) ) \b
    regex   | \s* (?<unit> / \s* kg | \s per \s+ (?i: kg | kilogram ) ) \b )
    forbid before 8 (?i: per ) \s* $
    example 1 × 10^6 cells/kg => value=1000000 unit=cells/kg
    example 1–2 × 10^6 cells/kg => value=1000000 value_high=2000000 unit=cells/kg
    example 1 × 10^6 adipose-derived MSCs per kilogram => value=1000000 unit=cells/kg
    example MSCs were given at 1x10(6) per Kg of body weight => value=1000000 unit=cells/kg
    example 10^7 MSCs/kg body weight => value=10000000 unit=cells/kg
    example 1.5 × 10^7 cells kg^-1 => value=15000000 unit=cells/kg
    example 900 × 10^6 cells => value=900000000 unit=cells
    example 1x10 ®cells/kg => value=1000000 unit=cells/kg
    example each inhaling 2.0 × 10^8 nanovesicles daily => value=200000000 unit=particles
    example allogeneic UC-MSC 1.0×10^6/kg IV over 30 minutes => value=1000000 unit=cells/kg
    negative slope −0.02 per 10^6 cells/kg
    negative 10^6 copies/mL

# "1e6 MSCs per kg"
pattern cells-e
    type dose
    prefilter cell msc mapc particle vesicle exosome evs
    priority 20
    regex (?<! [\d.,·] ) (?<value> (?&decimal) [eE] [+]? \d{1,2} ) (?: \s+ [\w-]+ ){0,3}? \s* (?<unit> (?&cells) (?&perkg)? ) \b
    example one trial reported its dose as 1e6 MSCs per kg => value=1000000 unit=cells/kg
    example Low 1E+06 cells per kg => value=1000000 unit=cells/kg
    example a capped dose of 1.0E+09 cells per infusion => value=1000000000 unit=cells

# Ranges whose ends both carry a power of ten: "from 1 × 10^6 to
# 1 × 10^7 cells/kg", "between 1 × 10^6 and 10 × 10^6 cells/kg",
# "ranges from 1x10° cells/kg to 400x10° cells/kg"
pattern cells-sci-range
    type dose
    prefilter cell msc mapc particle vesicle exosome evs
    priority 24
    regex (?: (?i: from | between | range | ranged | ranging ) \s+ \K )?
    regex (?<! [\d.,·^] ) (?<value> (?&decimal) \s* × \s* 10 \s* \^ \s* -? \d{1,2} )
    regex (?: \s* (?&cells) (?&perkg)? )?
    regex \s* (?: to | – | - | and ) \s*
    regex (?<value_high> (?&decimal) \s* × \s* 10 \s* \^ \s* -? \d{1,2} )
    regex (?: \s+ [\w-]+ ){0,3}? \s* (?<unit> (?&cells) (?&perkg)? | (?&particles) ) \b
    forbid before 12 (?i: through | , | or | and ) \s* $
    example doses ranged from 1 × 10^6 to 1 × 10^7 cells/kg => value=1000000 value_high=10000000 unit=cells/kg
    example ranges from 1x10° cells/kg to 400x10° cells/kg => value=1000000 value_high=400000000 unit=cells/kg
    example between 1 × 10^6 and 10 × 10^6 cells/kg => value=1000000 value_high=10000000
    example ranged from 2 × 10^8 to 16 × 10^8 particles => value=200000000 value_high=1600000000 unit=particles
    example fixed doses of 100 × 10^6 to 400 × 10^6 cells => value=100000000 value_high=400000000 unit=cells

# "100 ± 20 × 10^6 UC-MSCs" without parentheses: the ± applies to the
# mantissa, as in (100 ± 20) × 10^6.
pattern cells-pm-bare
    type dose
    prefilter cell msc mapc particle vesicle exosome evs
    priority 22
    regex (?<! [\d.,·] ) (?<value> (?&decimal) ) \s* ± \s* (?<spread> (?&decimal) ) \s* × \s*
    regex 10 \s* (?: \^ \s* (?<exponent> -? \d{1,2} ) | \( (?<exponent> -? \d{1,2} ) \) )
    regex (?: \s+ [\w-]+ ){0,3}? \s* (?<unit> (?&cells) (?&perkg)? ) \b
    example two infusions of 100 ± 20 × 10^6 UC-MSCs => value=100000000 spread=20000000 unit=cells

# "(100 ± 20) × 10^6 cells"
pattern cells-pm
    type dose
    prefilter cell msc mapc particle vesicle exosome evs
    priority 22
    regex \( \s* (?<value> (?&decimal) ) \s* ± \s* (?<spread> (?&decimal) ) \s* \) \s* × \s* 10 \s* (?: \^ \s* (?<exponent> -? \d{1,2} ) | \( (?<exponent> -? \d{1,2} ) \) )
    regex (?: \s+ [\w-]+ ){0,3}? \s* (?<unit> (?&cells) (?&perkg)? ) \b
    example two infusions of (100 ± 20) × 10^6 cells => value=100000000 spread=20000000 unit=cells
    example (100+20)x10° cells UCB-derived MSCs => value=100000000 spread=20000000 unit=cells

# "2 million cells per kilogram", "900 million cells", "1.5 billion MSCs"
pattern cells-words
    type dose
    prefilter cell msc mapc particle vesicle exosome evs
    priority 20
    regex (?<! [\d.,·:] ) (?: (?i: between ) \s+ \K (?<value> (?&decimal) ) \s+ and \s+ (?<value_high> (?&decimal) )
    regex   | (?<value> (?&decimal) | (?&numword) (?: \s+ (?i: hundred ) )? ) (?: \s* (?: – | - | to ) \s* (?<value_high> (?&decimal) ) )? ) (?: \s+ | - )
    regex (?<scale> (?i: thousand | million | billion ) )
    regex (?: (?: \s+ [\w-]+ ){0,2}? \s+ (?<unit> (?&cells) (?&perkg)? ) \b
    regex   | (?= (?: \s* (?: and | or | , | , \s* and | , \s* or ) \s* (?&decimal) \s+ (?i: million | billion ) ){1,4} (?: \s+ [\w-]+ ){0,2}? \s+ (?<unit> (?&cells) (?&perkg)? ) \b ) )
    example 2 million cells per kilogram => value=2000000 unit=cells/kg
    example 900 million cells => value=900000000 unit=cells
    example received one million cells per kilogram => value=1000000 unit=cells/kg
    example five hundred thousand cells per kilogram => value=500000 unit=cells/kg
    example received 300 million and 900 million cells intravenously => value=300000000 unit=cells
    example received 100 million, 200 million and 400 million cells in turn => value=100000000 unit=cells
    example 900 million MAPCs (n = 20) => value=900000000 unit=cells
    example allocated 2:1 to 900 million MAPCs => value=900000000 unit=cells
    example used between 1 and 10 million cells per kilogram => value=1000000 value_high=10000000 unit=cells/kg
    example 200-million cells => value=200000000 unit=cells

# "300 or 900 million cells": a number sharing the next one's scale and unit.
pattern cells-words-shared
    type dose
    prefilter million billion
    prefilter cell msc mapc
    priority 19
    regex (?<! [\d.,·:] ) (?<value> (?&decimal) ) (?= \s* (?: or | and | , | , \s* and | , \s* or ) \s* (?&decimal) (?: \s+ | - )
    regex   (?<scale> (?i: million | billion ) ) (?: \s+ [\w-]+ ){0,2}? \s+ (?<unit> (?&cells) (?&perkg)? ) \b )
    example patients were given 300 or 900 million cells => value=300000000 unit=cells
    example 1, 2 and 4 million MSCs per kg => value=2000000 unit=cells/kg

# "100M cells": M for million before a cell noun.
pattern cells-M
    type dose
    prefilter m
    prefilter cell msc
    priority 19
    regex (?<! [\d.,·:] ) (?<value> (?&decimal) ) \s? (?<scale> M ) (?: \s+ (?: [\w-]+ \s+ ){0,2}? | - ) (?<unit> (?&cells) (?&perkg)? ) \b
    example each patient received 100M cells => value=100000000 unit=cells
    example Allo-200M MSCs => value=200000000 unit=cells

# A list that names the unit once: "1 × 10^6, 5 × 10^6 or 10 × 10^6
# cells/kg" (each member is a dose).
pattern cells-sci-list
    type dose
    prefilter cell msc mapc particle vesicle exosome evs
    priority 18
    regex (?<! [\d.,·^] ) (?<value> (?&decimal) \s* × \s* 10 \s* \^ \s* -? \d{1,2} | (?&decimal) [eE] [+]? \d{1,2} )
    regex (?= (?: \s* (?: , | or | and | to | through | , \s* or | , \s* and ) \s* (?: (?&decimal) \s* × \s* 10 \s* \^ \s* \d{1,2} | (?&decimal) [eE] [+]? \d{1,2} ) ){1,4}
    regex (?: \s+ [\w-]+ ){0,3}? \s* (?<unit> (?&cells) (?&perkg)? ) \b )
    example doses of 1 × 10^6, 5 × 10^6 or 10 × 10^6 cells/kg => value=5000000 unit=cells/kg
    example the total dose per course was 2E+06, 6E+06 and 2E+07 cells/kg => value=6000000 unit=cells/kg

# "1, 5 or 10 × 10^6 cells/kg": mantissas sharing one power of ten and unit.
pattern cells-mantissa-list
    type dose
    prefilter cell msc
    priority 18
    regex (?<! [\d.,·^×] ) (?<value> (?&decimal) )
    regex (?= (?: \s* (?: , | or | and | , \s* or | , \s* and ) \s* (?&decimal) ){1,4} \s* × \s* 10 \s* \^ \s* (?<exponent> \d{1,2} )
    regex (?: \s+ [\w-]+ ){0,3}? \s* (?<unit> (?&cells) (?&perkg)? ) \b )
    example nine patients received 1, 5 or 10 × 10^6 cells/kg => value=5000000 unit=cells/kg

# "0.5, 2, and 32 mg/kg": each number of a list that one unit follows.
pattern drug-list
    type dose
    prefilter 0 1 2 3 4 5 6 7 8 9
    prefilter mg ml u/ iu µg μg ug mcg unit gram
    prefilter , and or
    priority 14
    # (not a thousands separator: "1,230 ml" is one amount)
    regex (?<! [\p{L}\p{N}.,/±] ) (?<value> (?&decimal) ) (?! , \d{3} (?! \d ) )
    regex (?= (?: \s* (?: , | , \s* and | and | or | , \s* or ) \s* (?&decimal) ){1,5} \s* (?<unit> (?&doseunit) (?! [\p{L}/] ) (?&dailytail)? ) (?! [\p{L}/] ) )
    require near 80 (?&dosing) | (?&armword) | (?&drugname)
    forbid clause-before (?&measured) [^,;]* $
    example doses of 0.5, 2, and 32 mg/kg were compared => value=0.5 unit=mg/kg
    example doses of 0.5, 2, and 32 mg/kg were compared => value=2 unit=mg/kg
    example tiotropium 2.5 or 5 µg once daily => value=2.5 unit=µg
    negative serum levels of 2, 4 and 8 mg/L
    example the restrictive group received 1,230 ml of fluid in all => value=1230 unit=mL

# A drug dose's unit, and a daily dose with the drug named between amount
# and day ("10 mg of pravastatin/day").
define drugunit  (?&doseunit) (?! [\p{L}/] ) (?: \s+ (?: of \s+ )? (?: [\p{L}][\w-]* \s+ ){0,2} [\p{L}][\w-]* \s* (?: / \s* d(?:ay)? | \s per \s+ day ) \b | (?&dailytail) )?

# Drug doses: "50-100 U/kg", "18 U/kg/h", "10 mg/kg", "500 mg", "6 grams/day",
# "Respimat 2.5 µg", "4 mg ondansetron".  An amount in a dose unit (see
# `doseunit` in common.pat) is a dose when its clause speaks of giving
# something (`dosing`) or of the trial's arms (`armword`), or a drug's name
# stands next to it; never when its clause measures something in the
# patients (`measured`) or its unit is a concentration.
pattern drug
    type dose
    prefilter 0 1 2 3 4 5 6 7 8 9
    prefilter mg ml u/ iu µg μg ug g mcg unit
    priority 15
    regex (?<! [\p{L}\p{N}.,/±] ) (?<! ±\ ) (?<value> (?&power10) | (?&decimal) ) (?: \s* (?: – | - | to ) \s* (?<value_high> (?&decimal) ) )? (?: \s* | - (?= [a-zµμ] ) )
    regex (?<unit> (?&drugunit) )
    require near 80 (?&dosing) | (?&armword) | (?&drugname)
    forbid clause-before (?&measured) [^,;]* $
    forbid before 30 (?i: tidal | PEEP | serum | plasma | level | concentration | creatinine | CRP | C-reactive | lactate | urine ) [^,;]* $
    forbid before 60 (?&measuredjust)
    forbid after 4 ^ \s* / \s* (?: L | dL | mL | min )
    # "a lower total propofol dose (378 mg vs 466 mg, p<0.012)": amounts
    # compared with a p-value are an outcome, not the dose given.
    forbid after 40 ^ \s* (?i: vs\.? | versus ) \s* (?&decimal) \s* (?&doseunit) \s* [,;(] \s* (?i: p ) \s* [<=>≤]
    forbid after 12 ^ \s* [,;(] \s* (?i: p ) \s* [<=>≤]
    # A volume is a dose only where something is given: "received 400 ml
    # of yogurt", not "haematoma growth was 3.72 mL in the TXA group".
    forbid match (?i: m l ) $
    unless near 80 (?&dosing) | (?i: assign | allocat | randomi[sz] )
    example heparin was given at 50-100 U/kg => value=50 value_high=100 unit=U/kg
    example an infusion of 18 U/kg/h => value=18 unit=U/kg/h
    example a loading dose of 10 mg/kg => value=10 unit=mg/kg
    example dexamethasone 6 mg once daily => value=6 unit=mg
    example 0.625 mg of conjugated estrogen daily, plus 5 mg of medroxyprogesterone for 12 days per month => value=0.625 unit=mg/day
    example aspirin 75 mg daily was continued => value=75 unit=mg/day
    example to spironolactone 25 mg q.d. or placebo => value=25 unit=mg
    example pantoprazole 40 mg of the drug twice daily => value=40 unit=mg
    example tamsulosin 400 µg a day => value=400 unit=µg/day
    example hydrocortisone 200 mg per day as a continuous infusion => value=200 unit=mg/day
    example an infusion of 18 U/kg/h, titrated to an anti-Xa level of 0.3 IU/mL => value=18 unit=U/kg/h
    example alteplase 0.9 mg/kg (maximum 90 mg) => value=90 unit=mg
    example He received methylprednisolone 1 g/day for 3 days => value=1 unit=g/day
    example were randomised to 6 grams/day concentrated oat β-glucan or 6 grams/day dextrose => value=6 unit=g/day
    example 4 mg ondansetron (n = 35), 0.3 mg ramosetron (n = 38) => value=4 unit=mg
    example switched to tiotropium Respimat 2.5 µg or 5 µg => value=2.5 unit=µg
    example allocated to telmisartan 80 mg/day => value=80 unit=mg/day
    example patients were randomized to receive chemotherapy with or without 40 Gy radiotherapy => value=40 unit=Gy
    example patients were given 20 mmol of potassium chloride intravenously => value=20 unit=mmol
    negative serum potassium was 4.1 mmol/L in the treated group
    negative faecal butyrate in the diet group ranged from 1.3 to 27.6 mmol/kg
    negative the patients were given 3000 mg/kg of the drug
    example the pravastatin group received 10 mg of pravastatin/day => value=10 unit=mg/day
    example docetaxel was given at 75 mg/m(2) every three weeks => value=75 unit=mg/m^2
    example 6 grams per day => value=6 unit=g/day
    example Furosemide 40 mg was given twice daily => value=40 unit=mg
    example norepinephrine was titrated up to 0.5 µg/kg/min => value=0.5 unit=µg/kg/min
    example a single 2-g dose of ceftriaxone was given => value=2 unit=g
    example the probiotic group received 10^9 CFU per day => value=1000000000 unit=CFU/day
    negative a tidal volume of 6 mL/kg
    negative CRP fell by 86 mg/L
    negative estimated sodium intake fell (mean=1.1, 95% CI=0.4, 1.8 grams/day) in the diet group
    negative mean daily fibre intake rose by 12 g in the oat group
    negative 150 mL of air was drawn into the syringe
    negative the median target volume was 1302 ml in the study group
    negative the combination group needed less rescue propofol (210 mg vs 305 mg, p = 0.01)
    example patients in the study group received 400 ml probiotic yogurt => value=400 unit=mL
    negative morphine use was 4.43±2.78mg in the study group
    negative the splint group had less overt bleeding (310 mL vs. 590 mL)
    negative infants in the formula group gained 29.7 grams/day
    negative the mean difference between the groups was –48 mL
    negative patients on ≤10 mg prednisolone equivalent were included in the active group
    negative clarity was rated higher with lens A than lens B (Δ = 0.7 units, p = 0.02) in the active group
    negative at week 8 the depression score was 2 units lower in the treated group

# The same with the amount in words: "Six grams concentrated oat β-glucan
# per day" (its own pattern: the number words are scanned only where they
# stand).
pattern drug-words
    type dose
    prefilter one two three four five six seven eight nine ten twelve twenty fifty hundred
    prefilter mg ml u/ iu µg μg ug g mcg unit
    priority 15
    regex (?<! [\p{L}\p{N}.,/±] ) (?<value> (?&numword) ) \s+ (?<unit> (?&drugunit) )
    require near 80 (?&dosing) | (?&armword) | (?&drugname)
    forbid clause-before (?&measured) [^,;]* $
    forbid before 30 (?i: tidal | PEEP | serum | plasma | level | concentration | creatinine | CRP | C-reactive | lactate | urine ) [^,;]* $
    forbid after 4 ^ \s* / \s* (?: L | dL | mL | min )
    example Six grams concentrated oat β-glucan per day for six weeks reduced cholesterol => value=6 unit=g/day
    negative serum levels were two mg per litre

# An inhaled agent at a concentration: "maintained with 66% N2O, 33% O2
# and 1% isoflurane", "sevoflurane 2%", "60% N2O in O2".  The agent names
# the dose, so a percentage here is no share of people.
define gasagent (?: N2O | N₂O | O2 | O₂ | (?i: oxygen | nitrous \s+ oxide | isoflurane | sevoflurane | desflurane
                     | halothane | enflurane | xenon | heliox ) ) \b
pattern gas-percent
    type dose
    prefilter %
    prefilter n2o n₂o o2 o₂ oxygen nitrous flurane halothane xenon heliox
    priority 12
    regex (?<! [\p{L}\p{N}.,] ) (?<value> (?&decimal) ) \s* (?<unit> % ) \s+ (?: (?i: inspired | end-tidal | inhaled ) \s+ )? (?&gasagent)
    regex | \b (?i: isoflurane | sevoflurane | desflurane | halothane | enflurane ) \s+ (?: (?i: at | of ) \s+ )? \K (?<value> (?&decimal) ) \s* (?<unit> % )
    require sentence (?i: an(?:a|ae)sthe\w* | maintain\w* | inhal\w* | ventilat\w* | induc\w* | breath\w* | mixture | gas )
    example Anesthesia was maintained with 66% N2O, 33% O2 and 1% isoflurane. => value=66 unit=%
    example Anaesthesia was maintained with sevoflurane 2% in air. => value=2 unit=%
    negative Oxygen saturation was 94% in both groups.

