# The trial model's words (src/trial.c): a trial's registry ids, its
# design, and its arms with their randomized sizes.  All three types are
# internal (their names start with _): they are not written out as
# records, the trial model reads them and the study table shows what it
# made of them (columns registry_id, design, treatment_label,
# control_label, n_randomized_*).
#
# A new registry, a new word for a design or a new way of naming an arm
# and its size belongs here, not in C.

# ------------------------------------------------------------------
# Registry ids: _registry, group = the id (normalised by the maps
# below), scope = the registry.  The trial model takes the id of the
# title, abstract or a registration section first, else the one named
# most often, so a cited trial's id does not become the document's.
# ------------------------------------------------------------------

map group (?i) NCT \W* (\d{8})  => NCT$1
map group (?i) ISRCTN \W* (\d{8})  => ISRCTN$1
map group (?i) ACTRN \W* (\d{14})  => ACTRN$1
map group (?i) (?: UMIN (?: -CTR )? ) [\s:#-]* (?: ID \s* )? (C?\d{9})  => UMIN$1
map group (?i) DRKS \W* (\d{8})  => DRKS$1
# An arm named by its allocation ("Simvastatin-allocated (10,269)") is
# named by what it receives.
map group (?i) ([\p{L}\p{N}].*?) \s* - \s* allocated  => $1

define trial_idstart (?<! [\p{L}\p{N}/-] )

pattern nct
    type _registry
    prefilter NCT
    regex (?&trial_idstart) (?<group> NCT [\ :\#-]? \d{8} ) (?! \d )
    set scope ClinicalTrials.gov
    example ClinicalTrials.gov NCT00322530 => group=NCT00322530
    example registered as NCT 00322530. => group=NCT00322530
    example CRATUS (#NCT02065245). => group=NCT02065245
    negative NCT0032253

pattern isrctn
    type _registry
    prefilter ISRCTN
    regex (?&trial_idstart) (?<group> ISRCTN [\ :\#-]? \d{8} ) (?! \d )
    set scope ISRCTN
    example a randomised placebo-controlled trial [ISRCTN48489393] => group=ISRCTN48489393
    example Controlled-Trials.com ISRCTN 88335123 => group=ISRCTN88335123

pattern actrn
    type _registry
    prefilter ACTRN
    regex (?&trial_idstart) (?<group> ACTRN [\ :]? \d{14} ) (?! \d )
    set scope ANZCTR
    example Trial Registration ACTRN12607000545460. => group=ACTRN12607000545460

pattern chictr
    type _registry
    prefilter ChiCTR
    regex (?&trial_idstart) (?<group> ChiCTR (?: - [A-Z]{2,5} ){0,2} -? \d{8,10} ) (?! \d )
    set scope ChiCTR
    example Chinese Clinical Trial Registry (ChiCTR-TRC-12002345) => group=ChiCTR-TRC-12002345
    example registered ChiCTR2000029308 => group=ChiCTR2000029308

pattern eudract
    type _registry
    prefilter EudraCT
    regex (?i: EudraCT ) (?: \s+ (?i: number | no \.? | ID ) )? [\s:#]* \K (?<group> (?:19|20) \d{2} - \d{6} - \d{2} ) (?! \d )
    set scope EudraCT
    example EudraCT number: 2004-000123-45 => group=2004-000123-45
    negative call 2004-000123-45

pattern ctri
    type _registry
    prefilter CTRI
    regex (?&trial_idstart) (?<group> CTRI / \d{4} / \d{2,3} / \d{6} ) (?! \d )
    set scope CTRI
    example registered at CTRI/2013/05/003652 => group=CTRI/2013/05/003652

pattern drks
    type _registry
    prefilter DRKS
    regex (?&trial_idstart) (?<group> DRKS [\ :]? \d{8} ) (?! \d )
    set scope DRKS
    example German Clinical Trials Register DRKS00004654 => group=DRKS00004654

pattern umin
    type _registry
    prefilter UMIN
    regex (?&trial_idstart) (?<group> UMIN (?: -CTR )? [\s:#-]{0,3} (?: ID \s* )? C? \d{9} ) (?! \d )
    set scope UMIN-CTR
    example Information Network in Japan (UMIN: 000007525). => group=UMIN000007525
    example registered as UMIN000012345 => group=UMIN000012345

pattern jprn
    type _registry
    prefilter JPRN
    regex (?&trial_idstart) (?<group> JPRN - [A-Za-z]+ -? \d{6,12} ) (?! \d )
    set scope JPRN
    example registered JPRN-UMIN000012345 => group=JPRN-UMIN000012345
    example JPRN-jRCTs031180124 => group=JPRN-jRCTs031180124

pattern irct
    type _registry
    prefilter IRCT
    regex (?&trial_idstart) (?<group> IRCT \d{10,14} N \d{1,3} ) (?! \d )
    set scope IRCT
    example Iranian Registry of Clinical Trials (IRCT201106146781N1) => group=IRCT201106146781N1

pattern ntr
    type _registry
    prefilter NTR
    regex (?&trial_idstart) (?<group> NTR \ ? \d{3,5} ) (?! \d )
    require sentence (?i: trial \s+ regist | register | NTR \ ? \d )
    set scope NTR
    example Netherlands Trial Register, NTR2139 => group=NTR2139

pattern pactr
    type _registry
    prefilter PACTR TCTR KCT SLCTR RBR-
    regex (?&trial_idstart) (?<group> PACTR \d{15} | TCTR \d{11} | KCT \d{7} | SLCTR / \d{4} / \d{3} | RBR- [0-9a-z]{6} ) (?! [\p{L}\p{N}] )
    example registered PACTR201509001260299 => group=PACTR201509001260299
    example Thai Clinical Trials Registry TCTR20150101001 => group=TCTR20150101001

# ------------------------------------------------------------------
# Design words: _design, scope = the design they name.  The trial model
# ranks designs (src/trial.c, `designs`): a review or meta-analysis is
# read only from the title and the publication types (a trial report's
# introduction cites meta-analyses), a randomized design from the title,
# abstract and methods, and factorial / crossover / cluster refine a
# randomized design.
# ------------------------------------------------------------------

pattern randomized
    type _design
    prefilter randomi randomly
    regex (?<! [\p{L}-] ) (?i: randomi[sz]ed | randomly \s+ (?: assigned | allocated | divided ) | randomi[sz]ation ) (?! [\p{L}] )
    set scope randomized-parallel
    example a randomised placebo-controlled trial => scope=randomized-parallel
    example patients were randomly assigned 2:1 => scope=randomized-parallel

pattern non-randomized
    type _design
    priority 5
    prefilter randomi
    regex (?i: non \s* -? \s* randomi[sz]ed | not \s+ randomi[sz]ed | quasi \s* -? \s* randomi[sz]ed )
    set scope non-randomized
    example a non-randomized comparison => scope=non-randomized
    example a nonrandomised study => scope=non-randomized

pattern factorial
    type _design
    prefilter factorial
    regex (?<! [\p{L}-] ) (?i: (?: \d \s* [x×] \s* \d \s+ )? factorial ) (?! [\p{L}] )
    set scope randomized-factorial
    example using a 2 × 2 factorial design => scope=randomized-factorial
    negative TBI is a multifactorial process

pattern crossover
    type _design
    prefilter cross
    regex (?i: cross \s* -? \s* over ) (?= \s+ (?i: design | trial | study ) )
    set scope randomized-crossover
    example a randomized, double-blind, cross-over trial => scope=randomized-crossover
    negative eight patients crossed over to the other arm

pattern cluster
    type _design
    prefilter cluster
    regex (?i: cluster \s* -? \s* (?: randomi[sz]ed | randomi[sz]ation | trial ) )
    set scope randomized-cluster
    example a cluster-randomised trial of 40 villages => scope=randomized-cluster

pattern single-arm
    type _design
    prefilter single uncontrolled open
    regex (?i: single \s* -? \s* (?: arm | group | cohort ) | uncontrolled \s+ (?: trial | study ) | open \s* -? \s* label \s* , \s* single ) (?! [\p{L}] )
    set scope single-arm
    example a phase II single-arm study => scope=single-arm
    example an uncontrolled trial => scope=single-arm

pattern case-series
    type _design
    prefilter case
    regex (?i: case \s+ (?: series | reports? ) ) (?! [\p{L}] )
    set scope case-series
    example a retrospective case series => scope=case-series

# A secondary analysis of a trial names itself so in its title or
# abstract: "post hoc analysis of a randomized, controlled trial", "This
# post hoc analysis of TIOSPIR", "an ancillary study of", "a substudy of".
# Its people are a trial's, reported again: a study table flags it, so
# that a trial is not pooled twice.  (The trial model believes it from the
# title and abstract only: a report's results name its own sub-analyses.)
pattern secondary-analysis
    type _design
    prefilter hoc secondary ancillary exploratory substud sub-stud
    regex (?i: (?: post [\s-]* hoc | secondary | ancillary | exploratory ) \s+ (?: analys[ie]s | stud(?: y | ies ) ) \s+ (?: of | from | within | in ) \s+ (?: (?: data | participants | patients ) \s+ (?: from | of | in ) \s+ )? (?: (?: the | a | an ) \s+ )? (?: [\w,-]+ \s+ ){0,8}? (?: trials? | RCTs? | study ) \b
    regex | \b (?: this | the \s+ present | our ) \s+ (?: (?: prespecified | pre-specified | planned | unplanned ) \s+ )? (?: post [\s-]* hoc | secondary | ancillary | exploratory ) \s+ (?: analys[ie]s | stud(?: y | ies ) ) \b
    regex | \b sub [\s-]? stud(?: y | ies ) \s+ (?: of | from | within | in ) \s+ (?: the \s+ )? [\w-]+ )
    set scope secondary-analysis
    example post hoc analysis of a randomized, controlled trial comparing micafungin and liposomal amphotericin B => scope=secondary-analysis
    example This post hoc analysis of TIOSPIR evaluated safety => scope=secondary-analysis
    example a secondary analysis of data from the PREDIMED trial => scope=secondary-analysis
    negative In a post hoc analysis of patients with sepsis, mortality was lower
    negative secondary analyses were adjusted for baseline values

pattern review
    type _design
    prefilter review
    regex (?i: (?: systematic | narrative | literature | scoping | umbrella ) \s+ review | \b review \b )
    set scope review
    example a systematic review of randomized trials => scope=review
    example Stem cells for ARDS: a review => scope=review

pattern meta-analysis
    type _design
    priority 5
    prefilter meta pooled
    regex (?i: meta \s* - ? \s* analys[ie]s | network \s+ meta | pooled \s+ analys[ie]s ) (?! [\p{L}] )
    set scope meta-analysis
    example a systematic review and meta-analysis => scope=meta-analysis
    example a meta analysis of 12 trials => scope=meta-analysis

# ------------------------------------------------------------------
# Arms and their sizes: _armsize, group = the arm as written, value =
# its size.  The label is what stands before the size, word by word,
# back to a word that is not part of a name (`trial_armstop`): "were
# randomized to receive either progesterone (n = 82)" gives progesterone.
# A table's column header gives one arm per cell: "Placebo (N = 10)",
# "Simvastatin-allocated (10,269)".  Totals ("All (n = 232)") are not
# arms.  The record's text starts at the size (\K), so the role below
# reads the label in the window before it.
#
# role: an arm is the control when its label names what a control arm
# receives (placebo, sham, usual or standard care, no treatment,
# control); every other arm is a treatment arm.  Never by order.
# ------------------------------------------------------------------

define trial_armstop (?i: a | an | the | to | either | or | and | vs | versus | v
                        | receive[ds]? | receiving | randomi[sz]ed | randomly | allocated
                        | assigned | enrolled | included | were | was | is | are | of | in
                        | into | with | for | who | patients? | participants? | subjects?
                        | children | adults? | women | men | groups? | arms? | cohorts?
                        | n | total | all | overall | between | each | both | than | while
                        | whereas | at | on | by | as | per | had | has | have | mean | age
                        | aged | years? | respectively | those | these | two | three
                        | treatment \s+ groups | study | trial | only | mITT | ITT | PP | then | subsequently
                        | thereafter )
                   (?! [\p{L}\p{N}+/%-] )

define trial_armtok  (?! (?&trial_armstop) ) [\p{L}\p{N}] (?: [\p{L}\p{N}+/%-] | \. (?= \d ) )*

# What a control arm receives: placebo, nothing, or the usual practice
# ("standard formula", "conventional ICSI", "treatment as usual"), or the
# comparator an add-on arm is added to ("diclofenac K alone", "lightwand
# only").
define trial_control (?i: placebo (?! \s* -? \s* controlled ) | control (?! led | ling | s? \s+ (?: for | of ) \b )
                        | sham | vehicle | saline | untreated | no \s+ (?: treatment | intervention | supplement\w* | therapy )
                        | wait (?: ing )? \s* -? \s* list | treatment \s+ as \s+ usual | TAU (?! \p{L} )
                        | best \s+ supportive \s+ care
                        | (?: usual | standard | routine | conventional | traditional ) (?! \s+ (?: deviations? | errors? ) \b ) \s+ [\p{L}\p{N}]
                        | (?<! \p{L} ) [\p{L}\p{N}][\p{L}\p{N}+/-]* (?: \s+ [\p{L}\p{N}][\p{L}\p{N}+/-]* ){0,3} \s+ (?: alone | only ) (?! \p{L} ) )

define trial_notarm  (?i: all | total | overall | whole | entire | combined | both | patients | p \s* -? \s* values? )
                     (?! [\p{L}\p{N}] )

pattern arm-size
    type _armsize
    prefilter =
    prefilter n N
    # The n = the regex ends with, looked for once: the name before it is
    # tried at every word of the sentence.
    require sentence (?<! [\p{L}\p{N}] ) [nN] \s* [=:]
    regex (?<! [\p{L}\p{N}+/.-] ) (?! (?&trial_notarm) )
    # A name has a word in it: not "9.74 (n = 12)", "88% (n = 8224)".
    regex (?= [^()|;=:]*? \p{L}{2} )
    regex (?<group> (?i: group | arm ) \s+ (?: [IVX]{1,4} | [A-Z] | \d ) (?! [\p{L}\p{N}] ) | (?&trial_armtok) (?: \s (?&trial_armtok) ){0,5} )
    regex \K (?: \s+ (?i: group | arm | cohort ) )?
    regex \s* (?: [(:,] \s* )? (?<! [\p{L}\p{N}] ) [nN] \s* [=:] \s* (?<value> (?&integer) ) (?! [\d.] )
    example randomized to receive either progesterone (n = 82) or placebo (n = 77) => group=progesterone value=82
    example randomized to treatment (formoterol 4.5 μg bid n = 206; 9 μg bid n = 199) => group="formoterol 4.5 μg bid" value=206
    example two treatment cohorts, SLED-BD: n = 115 vs. CVVH: n = 117 => group=SLED-BD value=115
    example Patients were randomized to the BTH1677 arm (N = 61; => group=BTH1677 value=61
    example EOC group (n=275) => group=EOC value=275
    example randomized to placebo (n = 77) => group=placebo value=77 scope=control
    example the Control arm (N = 31; => group=Control value=31 scope=control
    example were randomized either to a control group (group C, n = 16) or to an intervention group (group I, n = 17) => group="group C" value=16 scope=control
    negative All (n = 232)
    negative a mean of 9.74 (n = 12)
    negative patients (n = 30, mean age 75.5 ± 7.3)

# One size for every arm: "randomized to MSCs or placebo (n = 10 per
# group)", "(n = 45/group)", "30 patients in each group".  The trial
# model gives it to each arm of the allocation that has no size of its
# own.
pattern arm-size-each
    type _eachsize
    prefilter each per /
    prefilter group arm each
    regex (?: (?<! [\p{L}\p{N}] ) [nN] \s* = \s* (?<value> (?&integer) ) \s*
    regex     (?: (?i: per | in \s+ each | each ) \s+ (?i: group | arm ) | / \s* (?i: group | arm ) | (?i: each ) (?! \s+ \p{L} ) )
    regex   | (?<! [\p{L}\p{N}.,] ) (?<value> (?&integer) ) \s+ (?&people) \s+ (?: (?i: per | in \s+ each ) \s+ (?i: group | arm ) | (?i: each ) (?! \s+ \p{L} ) ) )
    example randomized to MSCs or placebo (n = 10 per group) => value=10
    example two arms of equal size (n = 45/group) => value=45
    example group I and group II comprising 30 patients each. => value=30
    example with 20 patients in each group => value=20
    negative n = 10 per dose level and time point
    negative 30 patients each received two doses

pattern arm-header
    type _armsize
    priority 5
    prefilter |
    regex (?m: ^ | (?<= \| ) ) \s* (?! (?&trial_notarm) )
    regex (?<group> \p{L} [^|()=\n]{0,60}? ) \K \s* \( \s* (?: [nN] \s* [=:] \s* )? (?<value> (?&integer) ) \s* \)
    regex (?= \s* (?: \| | = | $ | [nN]? \s* \( \s* % \s* \) ) )
    example Cause of death | Simvastatin-allocated (10,269) | Placebo- allocated (10,267) | P-value => group=Simvastatin value=10269
    example Cause of death | Placebo- allocated (10,267) | P-value => group=Placebo value=10267 scope=control
    example Characteristics | Allo-100M (N = 10) N (%) | Placebo (N = 10) N (%) => group=Allo-100M value=10
    example Characteristics | Placebo (N = 10) N (%) => group=Placebo value=10 scope=control
    negative Total (N = 30) | Death | 1328 (12.9%)

# "Of these patients, 24 were randomly assigned to the EMS group and 25
# to the control group": counts allocated to named groups, the count
# first.  The group word ends the name, so a regimen's words ("to receive
# 20 mg of ...") are not taken for one.
define trial_allocverb (?i: randomi[sz]ed | randomly \s+ (?: assigned | allocated ) | assigned | allocated )
define trial_togroup   \s+ (?i: to | into ) \s+ (?: (?i: the ) \s+ )?
                       (?&trial_armtok) (?: \s (?&trial_armtok) ){0,3} \s+ (?i: group | arm ) \b
pattern arm-count-allocated
    type _armsize
    prefilter group arm
    prefilter random assign allocat
    regex (?&cstart) (?<value> (?&integer) ) (?! [\d.,·%] )
    regex (?: \s+ (?&people) )? (?: \s+ (?i: were | was ) )? \s+ (?&trial_allocverb) \s+ (?i: to | into ) \s+ (?: (?i: the ) \s+ )?
    regex (?<group> (?&trial_armtok) (?: \s (?&trial_armtok) ){0,3} ) \s+ (?i: group | arm ) \b
    example Of these patients, 24 were randomly assigned to the EMS group and 25 to the control group. => value=24 group=EMS
    example 40 patients were allocated to the early group and 38 to the usual care group => value=40 group=early
    negative 20 were randomly assigned to receive 40 mg of drug X

# "310 and 313 subjects were randomized to treatment with FF/VI and TIO,
# respectively": counts and arms in two parallel lists.  Each record's
# text is its arm's name (\K), so the control role reads that name only.
define trial_resplead  (?&cstart) (?: \d[\d,]* ) \s+ (?i: and ) \s+ (?: \d[\d,]* ) (?: \s+ (?&people) )? (?: \s+ (?i: were | was ) )? \s+ (?&trial_allocverb) \s+ (?i: to | into )
                       \s+ (?: (?i: receive | treatment \s+ with | the ) \s+ )?
define trial_respname  (?&trial_armtok) (?: \s (?&trial_armtok) ){0,3}
pattern arm-counts-respectively
    type _armsize
    prefilter respectively
    prefilter random assign allocat
    regex (?= (?&trial_resplead) ) (?<value> \d[\d,]* ) \s+ (?i: and ) \s+ \d[\d,]* [^.;]*? \s (?i: to | into ) \s+ (?: (?i: receive | treatment \s+ with | the ) \s+ )?
    regex \K (?<group> (?&trial_respname) ) (?= \s+ (?i: and | or ) \s+ (?&trial_respname) ,? \s+ (?i: respectively ) \b )
    example Following run-in, 310 and 313 subjects were randomized to treatment with FF/VI and TIO, respectively. => value=310 group=FF/VI
    example 52 and 51 patients were randomly assigned to budesonide or placebo, respectively => value=52 group=budesonide

pattern arm-counts-respectively-second
    type _armsize
    prefilter respectively
    prefilter random assign allocat
    regex (?= (?&trial_resplead) ) \d[\d,]* \s+ (?i: and ) \s+ (?<value> \d[\d,]* ) [^.;]*? \s (?i: to | into ) \s+ (?: (?i: receive | treatment \s+ with | the ) \s+ )?
    regex (?&trial_respname) \s+ (?i: and | or ) \s+ \K (?<group> (?&trial_respname) ) (?= ,? \s+ (?i: respectively ) \b )
    example Following run-in, 310 and 313 subjects were randomized to treatment with FF/VI and TIO, respectively. => value=313 group=TIO
    example 52 and 51 patients were randomly assigned to budesonide or placebo, respectively => value=51 group=placebo scope=control

pattern arm-count-allocated-next
    type _armsize
    prefilter group arm
    prefilter random assign allocat
    regex (?: , \s* (?: (?i: and ) \s+ )? | \s (?i: and ) \s+ ) \K (?<value> (?&integer) ) (?! [\d.,·%] )
    regex (?: \s+ (?&people) )? (?: \s+ (?i: were | was ) )? (?: \s+ (?&trial_allocverb) )? \s+ (?i: to | into ) \s+ (?: (?i: the ) \s+ )?
    regex (?<group> (?&trial_armtok) (?: \s (?&trial_armtok) ){0,3} ) \s+ (?i: group | arm ) \b
    require before 160 (?&trial_allocverb) (?&trial_togroup) [^.;]{0,40}? $
    example Of these patients, 24 were randomly assigned to the EMS group and 25 to the control group. => value=25 group=control scope=control
    example 40 patients were allocated to the early group, 38 to the late group and 41 to the usual care group => value=41 group="usual care" scope=control
    negative Deaths occurred in the EMS group and 25 to the control group in the year after.

role _armsize scope=control before 80 (?&trial_control) (?: (?! \b (?i: or | and | vs | versus | to | with | than ) \b ) [^()|;=:,] ){0,40} $
# "randomized either to a control group (group C, n = 16)": the bracket
# names the control arm it follows.
role _armsize scope=control before 80 (?&trial_control) (?: \s+ (?i: groups? | arms? ) )? \s* \( [^()]{0,30} $

# ------------------------------------------------------------------
# Arms named where the trial allocates, without sizes: _armname, group =
# the arm as written.  "were randomly assigned to receive either Bacillus
# coagulans or placebo", "We randomized 16,608 women with intact uterus
# to conjugated estrogens 0.625 mg or placebo", "assigned to one of three
# feedings: apple juice (AJ), white grape juice (WGJ) or water (WA)".
# Each arm of the list is one match; the rule before it says that it
# stands in a slot of the list that follows the allocation verb (the
# verb, then arms joined by `trial_armsep`).  The trial model takes these
# arms when no sentence names arms with their sizes (_armsize above), and
# the same role decides which is the control.
# ------------------------------------------------------------------

# The allocation verb up to the first arm: "randomly assigned (1:1) to
# receive either the", "randomized 90 infants with diarrhoea to",
# "allocated into two groups:".
define trial_allocto (?i: randomi[sz]ed | randomi[sz]ation | randomly \s+ (?: assigned | allocated | divided | distributed )
                        | (?<! not \s ) (?: assigned | allocated ) )
                     (?: [^.;:()]{0,80}? \s | \s* \( [^()]{0,30} \) \s* )?
                     (?i: to | into ) \s+
                     (?: (?i: receive | either | the | a | an
                          | (?: one \s+ of \s+ (?: the \s+ )? )? (?: two | three | four | five | 2 | 3 | 4 | 5 )
                            (?: \s+ [\w-]+ ){1,3} (?: \s* [:,] | \s+ of ) ) \s* )*

# One arm as written: "group I", or up to six name words, a group word
# and a bracket after it ("the cilostazol group (50 mg for 2 weeks)").
define trial_armitem (?: (?i: group | arm ) \s+ (?: [IVX]{1,4} | [A-D] | \d ) (?! [\p{L}\p{N}] )
                       | (?&trial_armtok) (?: \s (?&trial_armtok) ){0,5} )
                     (?: \s+ (?i: groups? | arms? ) (?! [\p{L}] ) )?
                     (?: \s* \( [^()]{0,80} \) )?
                     (?: \s+ (?i: with | plus | for | once | twice | daily | at | every | on | in | during | until )
                         (?! [\p{L}] ) [^,;()]{0,60}? (?: \( [^()]{0,40} \) [^,;()]{0,20}? )? (?= (?&trial_armsep) ) )?

define trial_armsep  (?: \s* , \s* (?: (?i: or | and ) \s+ )? | \s+ (?i: or | and | versus | vs \.? ) \s+ )
                     (?: (?i: the | a | an | to | receive | either ) \s+ )*

pattern arm-allocated
    type _armname
    prefilter randomi allocated assigned
    regex (?<= [\s(:] )
    regex (?= [^,;()]*? \p{L}{2} )
    # Not a number alone ("Bacillus coagulans GBI-30, 6086 or placebo").
    regex (?! [\d.,]+ (?: (?&trial_armsep) | \s* [.,;] | \s* $ ) )
    regex (?<group> (?: (?i: group | arm ) \s+ (?: [IVX]{1,4} | [A-D] | \d ) (?! [\p{L}\p{N}] )
    regex             | (?&trial_armtok) (?: \s (?&trial_armtok) ){0,5} ) )
    # What follows an arm: the next arm, or the end of the list (a
    # bracket, punctuation, a dosing or timing word).
    regex (?= (?: \s+ (?i: groups? | arms? ) (?! [\p{L}] ) )? (?: \s* \( [^()]{0,80} \) )?
    regex     (?: (?&trial_armsep) | \s* (?: [,;] | \. (?! \s? \p{Ll} ) | $ )
    regex       | \s+ (?i: once | twice | daily | for | at | on | in | during | every | as | plus | alone | each | until
    regex                | orally | intravenously | or | and | versus | vs | who | which | that | comprising
    regex                | consisting | receiving | received | given | treated | by | from | according | to | with )
    regex         (?! [\p{L}] ) | \s+ \d ) )
    require before 300 (?&trial_allocto) (?: (?&trial_armitem) (?&trial_armsep) ){0,5} $
    example Forty-five adults were randomly assigned to receive Bacillus coagulans GBI-30 or placebo once a day => group="Bacillus coagulans GBI-30"
    example Forty-five adults were randomly assigned to receive Bacillus coagulans GBI-30 or placebo once a day => group=placebo scope=control
    example We randomized 16,608 women with intact uterus to conjugated estrogens 0.625 mg or placebo. => group="conjugated estrogens 0.625 mg"
    example randomized to conjugated estrogens 0.625 mg with medroxyprogesterone acetate 2.5 mg daily or placebo => group=placebo
    negative were randomly assigned to receive B. coagulans
    example were randomized to one of three treatments: metformin, metformin plus rosiglitazone (M + R), or metformin plus lifestyle => group="metformin plus rosiglitazone"
    example randomly allocated to two treatment groups of dexamethasone (8 mg) and diclofenac K (50 mg), and diclofenac K alone. => group="diclofenac K alone" scope=control
    example were randomized to NF or a standard formula (SF) in period 1 => group="standard formula" scope=control
    example randomized into one of two intervention groups, BioCleanse-sterilized or aseptic BTB allografts. => group="aseptic BTB allografts"
    example were randomly assigned to one of three juice feedings: apple juice (AJ), white grape juice (WGJ) or water (WA). => group="white grape juice"
    example were randomly assigned to either the cilostazol group (50 mg for 2 weeks, 100 mg for 6 weeks) or placebo group for 8 weeks => group=cilostazol
    example were randomly assigned to either the cilostazol group (50 mg for 2 weeks, 100 mg for 6 weeks) or placebo group for 8 weeks => group=placebo scope=control
    example The patients were randomly allocated to group I and group II comprising 30 patients each. => group="group II"
    example were randomly assigned to one of two treatments: 6 grams/day concentrated oat beta-glucan or 6 grams/day dextrose (control). => group="6 grams/day dextrose" scope=control
    negative were randomly assigned in a blinded fashion.
    negative Patients who had not been randomized to the trial were followed in a registry.
    negative were randomized between January 2005 and December 2009.

role _armname scope=control match (?&trial_control)
role _armsize scope=control match (?&trial_control)
role _armname scope=control after 40 ^ (?: \s+ (?i: groups? | arms? ) )? (?: \s* \( \s* | \s+ (?i: as ) \s+ (?: (?i: a | the ) \s+ )? ) (?&trial_control)
