# The words of tables (src/table.c).  parse.c writes each JATS table as
# its caption, its header rows "H1 | H2 | H3", sub-header rows of one
# cell ("3 months", "Coronary") and one paragraph per body row,
#     Row label | Column name = cell | Column name = cell
# table.c reads that grid back and types it with the internal records
# below: which rows are deaths or survival and when, which columns are
# not arms, and what a count cell holds.  Effects ("HR (95% CI) = 0.87
# (0.81-0.94)") and p-values ("P = 0.434") are the effect and p_value
# records of effect.pat and p_value.pat, read where they stand in a row.
#
# All types are internal (their names start with _): they are not
# written out; the study table shows what table.c made of them.  A new
# way of heading a death row or a total column belongs here, not in C.

# ------------------------------------------------------------------
# Cells: _tcell, a count cell of an arm column, right after the " = "
# that joins it to its column name.  events and total as printed; value
# the printed percentage (else computed from events/total).
# ------------------------------------------------------------------

# Where a cell ends: a footnote mark or two, then the next cell or the
# end of the row.
define tcellend (?= [\s*†‡§¶#a-z^]{0,4} (?: \| | $ ) )

pattern count-pct
    type _tcell
    prefilter =
    regex (?<= \ =\ ) (?<events> (?&integer) ) (?: (?&sp) / (?&sp) (?<total> (?&integer) ) )?
    regex \s* [(\[] (?&sp) (?<value> (?&decimal) ) (?&sp) %? (?&sp) [)\]] (?&tcellend)
    example Progesterone = 15 (18) | Placebo = 25 (32) => events=15 value=18
    example ALL DEATHS | Simvastatin-allocated (10,269) = 1328 (12.9%) => events=1328 value=12.9
    example Death | MSC = 18/120 (15.0) | Placebo = 30/118 (25.4) => events=18 total=120 value=15
    example Died | A = 57 (49.6 %) | B = 65 (55.6 %) | P = 0.434** => events=57 value=49.6
    negative Age | MSC = 65.2 (12.1)
    negative Death | HR (95% CI) = 0.87 (0.81–0.94)
    # "n (rate/100 patient-years)": the bracket is a rate, not a share.
    forbid sentence (?&ratelabel)

# "Deaths, n (rate/100 patient-years) | A = 77 (3.6)": the count of a
# cell whose bracket is a rate; the match is the count alone, so the
# study table takes its events and leaves the percentage empty.
define ratelabel ^ [^|]*? (?i: \( \s* rates? \b | per \s+ 1,?00 | / \s* 1,?00 \b | person-years? | patient-years? ) [^|]* \|
pattern count-rate
    type _tcell
    prefilter =
    prefilter rate year 100
    regex (?<= \ =\ ) (?<events> (?&integer) ) (?= (?&sp) [(\[] (?&sp) (?&decimal) (?&sp) [)\]] (?&tcellend) )
    require sentence (?&ratelabel)
    example Deaths, n (rate/100 patient-years) | A = 77 (3.6) | B = 92 (4.1) => events=77 text=77
    example Death rates | A = 6 (5.5) | B = 8 (7.1) => events=6 value=5.5

# "3.5% (9/255)": the percentage first, then the count of its total.
pattern pct-count
    type _tcell
    prefilter =
    prefilter %
    regex (?<= \ =\ ) (?<value> (?&decimal) ) (?&sp) % (?&sp) [(\[] (?&sp) (?<events> (?&integer) ) (?&sp) (?: / | (?i: of ) ) (?&sp) (?<total> (?&integer) ) (?&sp) [)\]] (?&tcellend)
    example Deaths | Arm A = 3.5% (9/255) | Arm D = 2.5% (10/397) => value=3.5 events=9 total=255

# "Death | A = 0 | B = 0": no deaths, written without a percentage.
pattern zero
    type _tcell
    prefilter =
    regex (?<= \ =\ ) (?<events> 0 ) (?&tcellend)
    set value 0
    example Death | Drug 30 mg = 0 | Placebo = 0 => events=0 value=0
    negative Death | Drug 30 mg = 0.5 | Placebo = 0.7

# "TIO = 2 (<1)": a count whose percentage is printed only as a bound.
# The match is the count alone, so the study table takes its events and
# leaves the percentage empty.
pattern count-pct-bound
    type _tcell
    prefilter =
    prefilter <
    regex (?<= \ =\ ) (?<events> (?&integer) ) (?= (?&sp) [(\[] (?&sp) < (?&sp) (?&decimal) (?&sp) %? (?&sp) [)\]] (?&tcellend) )
    example Fatal AEs | Drug = 0 | Comparator = 2 (<1) => events=2 text=2
    negative Time to death | Drug = 2 (<1 month)

pattern count-of
    type _tcell
    prefilter =
    regex (?<= \ =\ ) (?<events> (?&integer) ) (?&sp) (?: / | (?i: (?: out \s+ )? of ) ) (?&sp) (?<total> (?&integer) ) (?&tcellend)
    example Death | MSC = 2/20 | Placebo = 5/20 => events=2 total=20 value=10
    example Mortality | Supplemented group, = 2 out of 21 | Placebo group, = 1 out of 20 => events=2 total=21
    example Died | A = 3 of 30 | B = 6 of 30 => events=3 total=30

# ------------------------------------------------------------------
# Columns: _tcol over a column name (the text before " = "), scope
# "total" for a column of all patients, which is no arm.
# ------------------------------------------------------------------

pattern total-column
    type _tcol
    prefilter =
    regex (?: ^ | \|\  ) \K (?i: all | total | overall | all \s+ patients | both \s+ groups | whole \s+ cohort ) (?: \s* \( [^()|]* \) )? (?= \ =\ )
    set scope total
    example Death | All = 122 (52.6 %) | SLED = 57 (49.6 %) => scope=total text=All
    example Died | Total (n = 232) = 122 (52.6) => scope=total
    negative Death | SLED = 57 (49.6 %)

# A column named as a control ("Placebo (n = 30)", "Subjects, n (%) /
# PBO"): the control of the row when the trial model has none.
pattern control-column
    type _tcol
    prefilter =
    prefilter placebo pbo control saline vehicle sham standard usual conventional routine supportive non- alone only
    # The control word stands in one " / " part of the column name that
    # is not a comparison's title ("Overall effect comparing EDGE and
    # usual care / EDGE intervention" is the EDGE column).
    regex (?: ^ | \|\  ) \K (?: [^|=\n]*? \s / \s )??
    regex (?! [^|=\n/]*? (?i: compar\w* | versus | \b vs \b | \b between \b | effect ) )
    regex [^|=\n/]*? (?<! [\p{L}\p{N}-] ) (?&control_arm) (?! [\p{L}\p{N}-] ) [^|=\n]*? (?= \ =\ )
    set scope control
    negative Death rates | Overall effect comparing EDGE and usual care / EDGE intervention = 6 (5.5)
    example Death | Subjects, n (%) / PBO = 1 (1.1) | Drug = 0 => scope=control
    example Died | Placebo (n = 40) = 3 (7.5) => scope=control
    example Deaths | Treatment only sites (T) / Arm A = 3.5% (9/255) | Treatment and prophylaxis sites / Arm D = 2.5% (10/397) => scope=control text="Treatment only sites (T) / Arm A"
    negative Died | Drug 100 mg = 3 (7.5)

# ------------------------------------------------------------------
# Rows: _trow over a row label (the text before the first " | "), a
# sub-header row (a paragraph of one cell) or a caption.
#   scope allcause   death from any cause ("ALL DEATHS", "Death from any
#                    cause by day 90", "Mortality", "In-hospital mortality")
#   scope death      a cause of death ("Cardiovascular death") or a death
#                    reported as an adverse event
#   scope survival   overall survival, alive ("Survival at 1 year")
#   scope causes     a caption or first header cell that makes every row a
#                    cause of death ("causes of death")
#   scope time       a timepoint sub-header ("3 months", "Day 28")
# (_tlabel, below: a row label that is only a timepoint, under an outcome
# sub-header: "Survival", then "90 days, n (%)".)
#   scope itt / pp   an analysis sub-header ("Intention-to-treat")
# timepoint is the row's timepoint when its label gives one.
# ------------------------------------------------------------------

# A row label, not a composite of death and something else ("Patients
# with PD or died"): the study table pools deaths only.  (The lookahead
# for the letters the words start with spares the UCP \b at every other
# character of the label.)
define trowlabel (?: ^ \s* (?! [^|=\n]*? (?= [oOdD] ) (?i: \b or \s+ (?: died | deaths? | dead ) \b | \b (?: died | deaths? ) \s+ or \b ) ) )
define trowend   [^|=\n]{0,80}? (?= \s* (?: \| | $ ) )
# A timepoint in a row label: "by day 90", "at 1 year", "in ICU".
define twhen     (?i: \s+ (?: at | by | in | within | after | to | up \s+ to | during ) \s+ (?: the \s+ )? )

pattern all-cause
    type _trow
    # words the regex cannot match without (none with s or k, which
    # (?i) also matches as U+017F and U+212A)
    prefilter death mortality
    priority 2
    regex (?&trowlabel) \K (?i: all \s+ deaths? | deaths? \s+ (?: from | of | due \s+ to ) \s+ (?: any | all ) \s+ causes?
    regex     | all [-\s] cause \s+ (?: mortality | deaths? ) | (?: overall | total | crude ) \s+ mortality )
    regex (?: [^|=\n]*? (?<timepoint> (?&timeword) ) )? (?&trowend)
    set scope allcause
    example ALL DEATHS | Simvastatin = 1328 (12.9%) => scope=allcause
    example Death from any cause by day 90 | All = 122 (52.6 %) => scope=allcause timepoint=90-day
    example Death from any cause up to 30 August 2009 | All = 155 (66.8 %) => scope=allcause

# A bare death word is all-cause when nothing but a timepoint follows it.
pattern death-alone
    type _trow
    # words the regex cannot match without (none with s or k, which
    # (?i) also matches as U+017F and U+212A)
    prefilter mortality death died dead
    priority 2
    regex (?&trowlabel) \K (?: (?<timepoint> (?&timeword) ) [\s-]+ )? (?i: (?: [\w-]+ \s+ )?? mortality | deaths? | died | dead )
    regex (?: (?&twhen) (?<timepoint> (?&timeword) ) )? (?: \s* [,(] [^|=\n]{0,40} )? (?= \s* (?: \| | $ ) )
    set scope allcause
    example In-hospital mortality | SLED = 57 (49.6 %) => scope=allcause
    example Mortality in ICU | SLED = 49 (42.6 %) => scope=allcause timepoint=ICU
    example  Death | Progesterone = 15 (18) | Placebo = 25 (32) => scope=allcause
    example 28-day mortality | A = 3 (10) => scope=allcause timepoint=28-day
    example Died, n (%) | A = 3 (10) => scope=allcause
    negative Heart rate | A = 72 (10)

pattern cause-specific
    type _trow
    # words the regex cannot match without (none with s or k, which
    # (?i) also matches as U+017F and U+212A)
    prefilter death mortality died fatal
    priority 1
    regex (?&trowlabel) \K [^|=\n]*? (?i: deaths? | mortality | died | fatal ) (?&trowend)
    set scope death
    example Cardiovascular death | A = 12 (3.0) => scope=death
    example Deaths from cancer | A = 3 (1.0) => scope=death
    negative Patients with PD or died, n (%) | A = 17 (34.0) | B = 6 (26.1)
    negative Death or disability | A = 17 (34.0) | B = 6 (26.1)

pattern survival
    type _trow
    # words the regex cannot match without (none with s or k, which
    # (?i) also matches as U+017F and U+212A)
    prefilter urviv alive
    regex (?&trowlabel) \K (?! [^|=\n]*? (?i: free | vegetative | progression | without ) ) [^|=\n]*? (?i: surviv\w* | alive )
    regex (?: [^|=\n]*? (?<timepoint> (?&timeword) ) )? (?&trowend)
    set scope survival
    example Overall survival at 1 year | A = 40 (33) => scope=survival timepoint=1-year
    example Alive at day 28 | A = 40 (80.0) => scope=survival timepoint=28-day
    negative Vegetative survival | Progesterone = 13 (15)
    negative Progression-free survival | A = 40 (33)

pattern causes-of-death
    type _trow
    # words the regex cannot match without (none with s or k, which
    # (?i) also matches as U+017F and U+212A)
    prefilter death
    priority 3
    regex (?i: causes? \s+ of \s+ deaths? )
    set scope causes
    example Effect of simvastatin allocation on vascular and non-vascular causes of death => scope=causes
    example Cause of death | Simvastatin-allocated (10,269) | Placebo- allocated (10,267) => scope=causes

pattern time-subheader
    type _trow
    # the words of timeword (common.pat), none with s or k
    prefilter day wee month year charge pital icu overall
    regex ^ \s* (?: (?i: at | after | by ) \s+ )? (?<timepoint> (?&timeword) ) (?: \s+ (?i: follow-?up | post-?randomi[sz]ation ) )? \s* $
    set scope time
    example 3 months => scope=time timepoint=3-month
    example Day 28 => scope=time timepoint=28-day
    negative 3 months | A = 2 (4)

# A row label that is only a timepoint ("90 days, n (%)", "Hospital D/C"):
# the row's outcome is the sub-header's above it ("Survival").
pattern time-label
    type _tlabel
    prefilter =
    prefilter day week month year hospital icu discharge
    regex ^ \s* (?: (?i: at | after | by ) \s+ )? (?<timepoint> (?&timeword) ) (?: \s* , [^|=\n]{0,30} | \s* \( [^|=\n]{0,20} \) )? (?= \s* \| )
    example  90 days, n (%) | A = 35 (73) | B = 32 (63) => timepoint=90-day
    example  Hospital D/C, n (%) | A = 37 (77) => timepoint=in-hospital
    negative Heart rate | A = 72 (10)

define tsubend (?: \s+ (?i: population | analysis | set | cohort ) )? \s* $

pattern itt-subheader
    type _trow
    # words the regex cannot match without (none with s or k, which
    # (?i) also matches as U+017F and U+212A)
    prefilter intention itt full
    regex ^ \s* (?i: intention[-\s]to[-\s]treat | ITT | full \s+ analysis ) (?&tsubend)
    set scope itt
    example Intention-to-treat population => scope=itt
    example ITT => scope=itt

pattern pp-subheader
    type _trow
    # words the regex cannot match without (none with s or k, which
    # (?i) also matches as U+017F and U+212A)
    prefilter per pp
    regex ^ \s* (?i: per[-\s]protocol | PP ) (?&tsubend)
    set scope pp
    example Per-protocol => scope=pp
