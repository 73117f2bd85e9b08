# Sample sizes: how many people a study enrolled, randomized, treated or
# analysed, in total (scope total), per arm (arm) or in a subgroup
# (subgroup).  Not ages, doses, days, years, percentages, reference numbers,
# screened-but-not-enrolled counts, or the denominators of event fractions
# ("3 of 10 patients died": that 10 belongs to the mortality record).
#
# Patterns that read a count without a verb that enrols or analyses its
# people carry `min-arm-share 0.2`: in a trial whose arms' sizes are
# known, a count under a fifth of the smallest arm ("n = 5 vs 2" in arms
# of 900, "one patient on CVVH") counts people with an event or a trait,
# not a population.  Patterns whose clause enrols (count-enrolled,
# verb-count-people, consort-label ...) or that state a group's size
# ("3 per dose level", "30 patients each") do not.

# What follows the count behind a share of people ("39.0% (n = 231) with
# wheeze", "(n = 293) reported using", "(n = 487) of the population").
define sharetail ^ \s* [)\]] ,? \s+ (?i: with | who | of | were | was | had | have | reported | stating | as | after | positive | negative | classed | classified ) \b

# Stretches of time a count may be of ("three consecutive winter
# seasons").
define timespan  (?i: seasons? | winters? | summers? | years? | months? | weeks? | days? | visits? | cycles? | times )

# Words after a count that make it something other than people.
define notunit   (?! (?i: days? | weeks? | months? | years? | hours? | h | min | minutes? | mins | seconds? | secs?
                         | mm | mg | mL | kg | records? | trials? | studies
                         | centres? | centers? | sites? | hospitals? | ICUs?
                         | events? | infusions? | doses? | cohorts? | third
                         | series | reports? | RCTs? | of | in | per | million | billion
                         | thousand | mL | cells? | wks? | mos? | yrs? | eyes? | teeth | tooth | molars? | knees? | hips?
                         | isolates? | strains? | clusters? | villages? | schools? | practices? | infections?
                         | lesions? | ulcers? | samples? | specimens? | biopsies | wounds? | implants? ) \b )

# Passive verbs of enrolment ("were randomized").
define enrolled  (?i: recruited | enrolled | randomi[sz]ed | randomly \s+ (?:assigned|allocated)
                     | included | assigned | allocated | treated | studied | analy[sz]ed
                     | assessable | evaluable )

# Verbs of enrolment.
define enrol     (?i: recruited | enrolled | enroll | enrol | randomi[sz]ed
                     | randomly \s+ (?:assigned|allocated) | included
                     | assigned | allocated | treated | studied | analy[sz]ed
                     | reported \s+ on | reported | described | report
                     | compared | gave | given | infused | followed
                     | evaluated | examined | involved | received | compris\w* | consist\w* \s+ of
                     | numbered | totall?ed )

# Roles.  A count of people is a sample size when its clause (see
# common.pat's clausebreak) makes them the trial's population or one of its
# groups: enrolled, randomized, allocated, included, analysed, in an arm.
# The same count is something else when its clause gives them another role:
# they died, had an event, were screened, excluded, lost or withdrew.  Add a
# verb or a noun here, not a new pattern.
define enrolrole (?i: \b (?: enrol\w* | enroll\w* | recruit\w* | randomi[sz]\w* | randomly | allocat\w*
                     | assigned | assignment | includ\w* | analy[sz]\w* | participat\w* | completed
                     | compris\w* | consist\w* | studied | involv\w* | trial | study | cohort | sample
                     | total | treated | underwent | received | receiving | given | divided | groups? | arms?
                     | population | intention | per-protocol | ITT | infused | nebuli[sz]ed | delivered
                     | administered | gave | injected | transplanted | therapy | case \s+ series | reported
                     | described | followed | evaluated | examined | underwent | subgroup | among
                     | took \s+ part | leaving | served \s+ as | controls? ) \b )
# People "with" a condition are studied (not merely counted as having it)
# when their clause puts them in the trial or reports an outcome for them
# ("mortality in the 48 patients with PaO2/FiO2 below 100").
define studiedrole (?&enrolrole) | (?i: mortality | survival | deaths? | outcomes? | response ) \s+ (?: rates? \s+ )?
                   (?: in | among ) \s+ (?: the \s+ | these \s+ )? (?&count)
# The passive verb a count of people governs, right after them and what
# describes them ("One participant [in the X arm] was found to be
# pregnant", "2 patients were hospitalized"), and the verbs that keep them
# a group: enrolment, taking part, receiving an arm's treatment,
# completing, being analysed or followed.  (An active verb in -ed is as
# often a participle: "89 patients scheduled for surgery".)
define peopleverb (?&countedpeople) (?: \s* \( [^()]* \) )? (?: ,? \s+ (?i: all | both | each | additional ) )?
                  (?: ,? \s+ (?i: in | from | of | on | at | with | receiving | randomi[sz]ed \s+ to ) \s+ [^.;,()]{0,50}? )?
                  (?&beverb)
define beverb     ,? \s+ (?i: were | was | had \s+ been | have \s+ been ) \s+ (?: (?i: then | also | not | all | later ) \s+ )?
define pastpart   (?: [a-z]{3,}ed | found | lost | withdrawn | taken | kept | sent | left | shown | held )
define groupverb  (?i: (?&enrolled) | participated | consented | completed | received | underwent | entered | remained
                     | took \s+ part | continued | followed | evaluated | assessed | examined | included | studied
                     | observed | monitored | treated | allocated | assigned | used | available | eligible | selected
                     | stratified | divided | matched | involved | distributed | comprised | recruited
                     | subjected | exposed | given | administered | infused | vaccinated | immuni[sz]ed | transplanted
                     | operated | prescribed | trained | instructed | asked | supplemented | interviewed
                     | tested | measured | genotyped | scanned | imaged | seen | visited )
# The narrow sense: the verbs of putting people into a trial or an analysis.
define enrolact  (?i: \b (?: enrol\w* | enroll\w* | recruit\w* | randomi[sz]\w* | randomly | allocat\w*
                     | assigned | includ\w* | analy[sz]\w* | completed | compris\w* ) \b )
define otherrole (?i: \b (?: died | dead | passed \s+ away | succumbed | causes? \s+ of \s+ death | failed \s+ to
                     | indications? | (?: protocol \s+ )? violations? | deviations? | reasons? \s+ for
                     | had (?! \s+ (?: been | (?! (?: no | not ) \b ) (?: [\w-]+ \s+ ){0,2} data ) ) | has (?! \s+ been )
                     | have (?! \s+ been ) | experienced | developed | suffered | felt | complained | occurred
                     | occurrences? | events? | adverse | side \s+ effects? | complications? | required
                     | requiring | needed | discontinu(?! ous) \w* | withdrew | withdrawn | withdrawing | withdrawals? | terminated | dropped \s+ out | lost
                     | excluded | exclusions? | screened (?! \s+ (?: by | with | using ) \b ) | assessed \s+ for
                     | (?: evaluated | examined | considered | checked ) \s+ for \s+ (?: eligibility | inclusion | enrol\w* ) | approached | invited | sampled
                     | surveyed | declined | refused | ineligible | relapsed | readmitted | pregnancies
                     | requested | cases? \s+ of | anomal\w* | malformations? | (?: SAEs | AEs ) | occurring
                     | targeted | (?: most | the | all | these ) \s+ losses | received \s+ (?: all | none ) \s+ of | received \s+ (?: a \s+ )? (?: different | wrong | incorrect ) \s+ | loss \s+ to \s+ follow | because \s+ of | due \s+ to | presented \s+ with
                     | (?: did | could | were | was ) \s+ not \s+ (?: be \s+ | been \s+ )?
                       (?: attend | complet | respond | participat | randomi[sz] | enrol | includ | take \s+ part | accept
                         | return | finish | continu | start | meet | met | fulfil | undergo | consent | eligible | receiv | requir | need ) \w*
                     | assessed \s+ at \s+ (?: the \s+ )? screening
                     | harbou?red | demonstrated | generated | changed | reactogenicity | exhibited
                     | successfully \s+ (?: [\w-]+ \s+ )? treated | manifested
                     | failed \s+ (?: (?: the | their | initial | first-line | study ) \s+ )? (?: therapy | treatment ) ) \b (?! - ) )

# The verb of people who reported something of their own ("Six subjects
# reported constipation"), not of a study reporting ("reported in [12]").
define selfreport (?i: reported \s+ (?! (?: in | by | as | at | on | for | to | from | with | that | here | previously | elsewhere | earlier | above | below | separately ) \b ) \p{L} )

# People counted in the trial's groups, whom count-people keeps though
# "in" follows them: "There were 65, 48, and 102 participants in groups
# 1, 2, and 3", "122 (98.4%) patients in the LAmB group completed the
# study".
define ingroups (?i: \b there \s+ (?: were | are ) \b ) [^;]*? \s (?i: in ) \s+ (?: (?i: the | each | both ) \s+ )? (?: [\w-]+ \s+ ){0,2}? (?i: groups? | arms? ) \b
              | (?&people) \s+ (?i: in ) \s+ (?: (?i: the ) \s+ )? [^,;()]{1,40}? (?i: group | arm ) \s+ (?: (?i: were | was ) \s+ )?
                (?i: completed | enrol\w* | randomi[sz]ed | included | analy[sz]ed | allocated | assigned ) \b

# What a count of people never is: a year ("admitted from 2011 to 2015
# were included"), a threshold ("a Glasgow Coma Score <= 8"), the target of
# a power calculation ("would require 30 patients per group").
range sample_size 1 100000000
# "178 patients met the inclusion criteria, of whom 57 agreed": the
# people eligible, not those the trial took in, unless the clause goes
# on to enrol them ("22 met the inclusion criteria and were randomized").
# "a sensitivity analysis excluding patients on OAC at baseline (n=197)":
# a bracketed count of the people left out.
reject sample_size before 100 (?i: \b (?: exclud\w* | except ) ) [^;,()]* \( \s* (?: [nN] \s* [=:] \s* )? $
reject sample_size after 120 ^ \s+ (?: (?: [\w-]+ \s+ ){0,3}? (?&people) \s+ )? (?: \( [^()]* \) \s+ )? (?i: met | fulfill?ed | satisfied ) \s+ (?: (?i: all | the | our ) \s+ ){0,2} (?: [\w-]+ \s+ ){0,2}? (?i: criteria | criterion ) \b (?! [^.;]{0,60}? \b (?i: and | then ) \s+ (?: (?i: were | was | had \s+ been ) \s+ )? (?: (?i: subsequently | then | all ) \s+ )? (?i: enrol | randomi | includ | recruit | allocat | assign | entered | participat | treated | analy | agreed \s+ to \s+ (?: participate | take \s+ part | join ) | consented | gave \s+ (?: \w+ \s+ ){0,2} consent ) )
reject sample_size before 30 (?: \b (?: 19 | 20 ) \d\d | (?i: from | between | since | during | in ) ) \s* (?: to | and | through | until | – | - ) \s* $
reject sample_size after 12 ^ \s* (?: to | and | through | until | – | - ) \s* (?: 19 | 20 ) \d\d \b
reject sample_size before 4 (?: [<>≤≥] | (?i: score | scale | grade ) ) \s* $
# A threshold of a measurement ("CD4 counts higher than 400 were
# randomized") and a sum of money ("£19,900") are no counts of people.
reject sample_size before 24 (?i: \b (?: higher | greater | lower | less ) \s+ than | \b (?: above | below | exceeding ) ) \s* $
reject sample_size before 3 [£$€¥] \s* $
# "December 2008", "June 2010": a year (or a day) after a month's name.
reject sample_size before 12 (?i: \b (?: january | february | march | april | may | june | july | august | september | october | november | december | jan | feb | mar | apr | jun | jul | aug | sept? | oct | nov | dec ) \.? ) \s* $
# "(n = 180, Mean Rank 146 vs 215, χ2 = 41.8, df = 1)": the observations
# of a test statistic, not a group.
reject sample_size after 40 ^ \s* [,;] \s* (?: (?i: mean \s+ ranks? | median \s+ ranks? | chi | df \s* = ) | χ | (?-i: [tFUzH] ) \s* = )
# "from March 31, 2011": a year after a month's day.
reject sample_size before 24 (?i: \b (?: january | february | march | april | may | june | july | august | september | october | november | december | jan | feb | mar | apr | jun | jul | aug | sept? | oct | nov | dec ) \.? ) \s+ \d{1,2} (?: st | nd | rd | th )? , \s* $
# "Study 201", "Protocol 12": a name, not a count.
reject sample_size before 10 (?-i: \b (?: Study | Trial | Protocol ) ) \s+ $
# "over the age of 80", "aged 65": an age, not a count.
reject sample_size before 16 (?i: \b age \s+ of | \b aged | \b ages ) \s+ (?: (?i: over | under | above | below ) \s+ )? $
# A population told by sex ("491 female", "3,071 men and 4,145 women",
# "(35 males, 25 females)"): a baseline characteristic, not a size.
# ("114 women and 99 women were enrolled" are two arms of women.)
reject sample_size after 12 ^ \s+ (?i: females? | males? ) \b (?! \s+ \p{L} )
reject sample_size after 4 ^ \s? [MF] (?! [\p{L}\p{N}] )
reject sample_size after 60 ^ \s+ (?i: men | males? | boys ) \s* (?: , | ; | and ) \s* (?&count) \s+ (?i: women | females? | girls ) \b
reject sample_size after 60 ^ \s+ (?i: women | females? | girls ) \s* (?: , | ; | and ) \s* (?&count) \s+ (?i: men | males? | boys ) \b
reject sample_size before 30 (?i: \b (?: men | males? | boys ) ) \s* (?: , \s* (?: and \s+ )? | ; \s* | and \s+ ) $
# "36 participants (20 girls, 16 boys; mean age 16)": the second item of
# a breakdown by sex inside the brackets of a total (the first is the
# rule above's).
reject sample_size before 40 \( [^()]*? (?i: \b (?: women | females? | girls ) ) \s* [,;] \s* $
# A number that names something is no count: "on day 6 was treated",
# "Figure 1, 105 patients", "phase 2", "visit 3", "type 2".
reject sample_size before 12 (?i: \b (?: days? | weeks? | months? | years? | hours? | visits? | stages? | grades? | phases? | types? | versions? | figures? | fig\.? | tables? | steps? | levels? | classes? | lines? ) ) \s* $
reject sample_size before 24 (?i: \b (?: planned | target(?:ed)? | intended | anticipated | expected | projected ) ) \s+ $
# "observed in 21.4% of subjects (n = 9)", "17% (n = 4) of infants": the
# count behind a percentage of people with an event, not a group.
reject sample_size before 60 (?&decimal) \s* % \s+ of \s+ (?: the \s+ | all \s+ )? (?: [\w-]+ \s+ ){0,2}? (?&people) \s* \( \s* (?: [nN] \s* [=:] \s* )? $
reject sample_size after 40 ^ \s* [)\]] \s+ of \s+ (?: the \s+ | all \s+ )? (?: [\w-]+ \s+ ){0,2}? (?&people) \b
reject sample_size clause (?i: would \s+ (?: require | need | be \s+ (?: required | needed ) ) | to \s+ detect | \b power \b | sample \s+ size \s+ (?: of | was | calculation ) )

# The words between a count and the people it counts ("120 critically ill
# adult patients"): adjectives and nouns, never a number or a preposition
# ("102 strokes in 92 patients" counts strokes).
define headgap   (?&notunit) (?! \d | (?i: in | of | with | from | at | on | for | to | among | by ) \b ) [\w/()–-]+ (?: , (?= \s+ (?! (?&people) \b | (?i: which | who | whom | that | and | or | but ) \b ) [\p{Ll}] ) )? \s+
                 | \( [^()]{1,16} \) \s+

# A population told by sex ("35 men and 25 women"): a baseline
# characteristic, not a sample size.
define sexword   (?i: \b (?: men | women | males? | females? | boys | girls ) \b )

# The people a count counts, right after it: "523 participants",
# "120 critically ill adult patients", "nine controls".
define countedpeople (?: (?&headgap) ){0,3}? (?: (?&people) | (?i: controls ) ) \b

# A size in brackets that is one item of a breakdown of three or more
# ("dyspepsia (n = 1), nausea (n = 1), pyrexia (n = 1)"; reasons, events,
# diagnoses): two more items after it, or two before it.  Not when its
# label names an arm ("low dose (n = 20), high dose (n = 20), placebo
# (n = 19)": armlabeled).
define nbreakitem \( \s* [nN] \s* = \s* \d+ (?: \s* [,;] \s* (?&decimal) \s* % )? \s* \)
define nbreaksep  (?: \s* [,;] \s* (?: (?i: and | or ) \s+ )? | \s+ (?i: and | or ) \s+ )
define nbreakafter ^ (?: \s* [,;] \s* (?&decimal) \s* % )? \s* \) (?: (?&nbreaksep) [^(),;]{2,60}? (?&nbreakitem) ){2}
define nbreakbefore (?: (?&nbreakitem) (?&nbreaksep) [^(),;]{2,60}? ){2} \( \s* $
define armlabeled (?: (?i: \b (?: groups? | arms? | doses? | placebo | control | sham | usual | standard | mg | µg | μg | g | mL | IU ) \b ) | \d )
                  (?: (?! (?i: \b (?: were | was | included | including | and | or ) \b ) ) [^(),;:] )* \( \s* $

# Scope from the clause: which part of the trial a count is the size of.
# A pattern's `set scope` is the default; the first role below whose
# context holds decides instead (`role` lines: see patterns/README.md).
# An arm: "the MSC group", "arm B", or a group's abbreviation ending in G
# ("the SeG", "the CG").
define armgroup  (?i: group | arm ) (?: \s+ (?: [IVX]{1,3} | [A-D] | \d ) )?
define armabbr   \b [A-Z] [a-z]? G \b
define armname   (?: [\w+-]+ \s+ ){0,3}? (?&armgroup) | (?&armabbr)
# The same for a rule that starts with it: a rule asks only whether a
# match exists, and one that starts with up to three words before "group"
# also starts at "group".  Without the words, the rule is a scan for
# "group" or "arm", not a try of every word before each.
define armnamed  (?&armgroup) | (?&armabbr)
# "(N = 699)" after the trial or its population: everyone.
define wholetrial (?i: \b (?: trial | study | cohort | population | sample | participants | patients | subjects | enrolled | randomi[sz]ed | total | overall | in \s+ all ) )
# "(n = 3 per cohort)", "30 patients each", "12 per arm", "(n = 50/group)",
# "(N = 381 for each group)": one arm's size.
role sample_size scope=arm clause-after ^ \s* (?: (?&people) \s+ )? (?i: each | per \s+ (?: group | arm | cohort | dose ) | / \s* (?: group | arm ) | (?: in | for ) \s+ each \b )
# "randomly divided into three groups (n=32)": the size of each group.
role sample_size scope=arm before 30 (?i: \b (?: groups | arms ) ) \s* \( \s* (?: [nN] \s* [=:] \s* )? $
# "48, 48 and 47 patients in the three groups, respectively": one per group.
role sample_size scope=arm clause-after ^ [^;]*? \b (?i: respectively ) \b
# "(N = 699)" right after the trial or its population: everyone.
role sample_size scope=total before 40 (?&wholetrial) \s* \( \s* (?: [nN] \s* [=:] \s* )? $
# "1578 patients were randomly assigned to pravastatin or control": all arms.
role sample_size scope=total clause-after ^ [^;]*? (?i: randomi[sz]ed | randomly | assigned | allocated | divided ) \s+ (?: \w+ \s+ )? (?: to | into | between ) \b [^;]*? \b (?: or | and | versus | vs ) \b
# "824 women were randomized to two regimens", "to one of three groups":
# everyone.
role sample_size scope=total clause-after ^ \s+ (?: [\w-]+ \s+ ){0,5}? (?: (?i: were | was ) \s+ )? (?i: randomi[sz]ed | randomly \s+ (?: assigned | allocated ) | assigned | allocated ) \s+ (?i: to | into ) \s+ (?: (?i: one \s+ of | either \s+ of ) \s+ (?: the \s+ )? )? (?i: two | three | four | five | six | \d ) \b
# "855 adults were randomized to receive no message, or either a gain- or
# a loss-framed video": randomized to alternatives, everyone (the clause
# ends at ", or"; the sentence does not).
role sample_size scope=total after 200 ^ \s+ (?: [\w-]+ \s+ ){0,5}? (?: (?i: were | was ) \s+ )? (?i: randomi[sz]ed | randomly \s+ (?: assigned | allocated ) | assigned | allocated ) \s+ to \s+ [^;.]*? (?: \s | , ) (?i: or ) \s+ (?! (?: the \s+ )? (?: \d | (?&numword) ) )
# "667 women were randomized to the short regimen": randomized to one
# treatment, not to a list ("to CPFE, CKCE, and control": the clause
# ends at ", and", the list's comma stays in it) or to "two groups", is
# an arm.
role sample_size scope=arm clause-after ^ \s+ (?: [\w-]+ \s+ ){0,5}? (?: (?i: were | was ) \s+ )? (?i: randomi[sz]ed | randomly \s+ (?: assigned | allocated ) | assigned | allocated ) \s+ to \s+ (?! (?i: two | three | four | five | six | one \s+ of | either | both | each | \d ) \b | [^;.]{0,40}? \b (?i: groups | arms | treatments | regimens | conditions | sequences ) \b | [^;.(]*? , ) (?: (?i: receive | the ) \s+ )? [\p{L}]
# "22 patients in the study group", "300 women recruited into the treatment
# arm", "52 patients as the control group".
role sample_size scope=arm clause-after ^ \s* (?: (?! (?i: and | or ) \b ) [\w-]+ \s+ ){0,3}? (?i: in | into | to | of | from | as | received | receiving ) \s+ (?: the \s+ )? (?&armname) \b
# "group I included 100 patients", "the control arm comprised 40".
role sample_size scope=arm clause-before (?&armnamed) \s+ (?i: included | comprised | consisted \s+ of | enrolled | received | had | of ) \s+ (?: \w+ \s+ )? $
# "(intervention, n = 601; control, n = 603)": labelled counts in brackets.
role sample_size scope=arm before 30 (?: \( | ; ) \s* [\p{L}][\w\ +-]{0,25}? [,:;] \s* (?: [nN] \s* = \s* )? $
# "(vitamin D3 14,000 IU/day; n = 30)": an arm named by its dose.
role sample_size scope=arm before 40 (?: \( | ; ) \s* (?: [\p{L}][\w-]* \s+ ){0,3} \d[\d,.]* \s* (?&doseunit) [\w/]* \s* [,:;] \s* (?: [nN] \s* = \s* )? $

# "12 controls", "29 placebo recipients", "18 contemporaneous controls":
# people named as one arm.
role sample_size scope=arm after 60 ^ \s+ (?: [\w-]+ \s+ ){0,2}? (?i: controls | control \s+ (?: patients | subjects | participants ) | recipients ) \b

# "138 of 175 belatacept LI–treated patients": people named by their arm.
role sample_size scope=arm after 80 ^ (?: (?&ofcount) (?&count) )? \s+ (?: [\w–-]+ \s+ ){0,2}? [\w–-]+ [–-] (?i: treated | allocated | assigned ) \b

# "placebo (n = 30)", "the MSC group (n = 33)": an arm's size.
role sample_size scope=arm before 40 (?&armnamed) \s* [,(]? \s* (?: [nN] \s* [=:] \s* )? $
# "ondansetron (n = 35)", "R2.5 (n=914)": a drug, or a code of letters
# and digits, names an arm.
role sample_size scope=arm before 40 (?: (?&drugname) | \b [A-Z]{1,4} \d+ (?: [.,] \d+ )? ) \s* \( \s* [nN] \s* [=:] \s* $
# "Obese 10- to 17-year-olds (N = 699)": a capital N counts everyone.
role sample_size scope=total match ^ N \s* [=:]
# "We enrolled 120 patients with ARDS": the people the trial took in.
role sample_size scope=total clause-before (?&enrolact) \s+ (?: [\w-]+ \s+ ){0,3}? $

# "212 of the planned 400 patients had been enrolled", "1,312 of 1,350
# randomized women were analysed", "80 of the 84 participants completed
# follow-up": the first count is how many took this step.
pattern count-of-count-verb
    type sample_size
    prefilter of
    prefilter enrol random includ analy complet follow particip
    priority 9
    regex (?&cstart) (?<value> (?&count) )
    regex (?= (?: \s* \( [^)]{1,12} \) )? \s+ of \s+ (?: (?i: the | all ) \s+ )?
    regex     (?: (?i: planned | randomi[sz]ed | eligible | enrolled | included | available | recruited ) \s+ )? (?&count)
    regex     \s+ (?: (?&headgap) ){0,3}? (?: (?&people) \b )? [^;.]{0,40}? (?i: \b (?: were | had \s+ been | was ) \s+ )?
    regex     (?i: enrolled | randomi[sz]ed | included | analy[sz]ed | completed | followed | participated ) \b )
    forbid clause (?&otherrole)
    set scope total
    example after 212 of the planned 400 patients had been enrolled => value=212 scope=total
    example 80 (95%) of the 84 participants completed the 12-month follow-up => value=80
    negative 3 of the 40 patients were excluded

# "Of 60 patients randomized, 52 completed the study", "53 returned
# after 3 months, and 52 completed the 6-month study": people who took a
# step of the trial, counted bare in a sentence that puts people in it.
pattern count-completed
    type sample_size
    min-arm-share 0.2
    from _count
    prefilter complet particip return finish
    prefilter enrol random includ analy recruit assign allocat
    priority 8
    require after 60 ^ (?: \s* \( [^()]{1,16} \) )? (?: \s+ (?&people) )? (?: \s* \( [^()]{1,16} \) )? \s+ (?i: completed | participated | returned | finished ) \b
    require sentence (?&enrolact)
    forbid before 12 (?i: \b of | \b among | \b in | \d \s* / ) \s* (?: the \s+ )? $
    forbid clause (?&otherrole)
    set scope total
    example Of 60 patients randomized, 52 completed the study. => value=52 scope=total
    example 55 patients were included, 53 returned after 3 months, and 52 completed the 6-month study. => value=53
    negative In the nationwide survey, 52 completed the questionnaire.
    negative After the trial, 12 returned with a relapse

# "128 of 184 belatacept-treated patients contributed data", "available
# from 1281 (92%) of the 1396 participants": a part of a group that took a
# step of the trial, and the group.  Both are sizes; the same form with an
# event ("3 of 10 patients died", "... had nausea") is neither.
define partrole  (?i: \b (?: contributed | completed | available | assessable | evaluable | analy[sz]ed
                     | included | enrolled | randomi[sz]ed | followed | participated | remained \s+ in
                     | entered | provided | responded | returned | continued | had \s+ data ) \b )
define ofcount   \s* (?: \( [^)]{1,12} \) \s* )? (?i: of | out \s+ of ) \s+ (?: (?i: the | all | these ) \s+ )?
# After the group's count: its people ("participants", "belatacept
# MI–treated patients"); then no event, death or survival in the clause.
define ofpeople  \s+ (?: (?&headgap) ){0,3}? (?: (?&people) \b | [\w–-]+ (?i: treated | allocated | assigned ) \b )
define partevent (?: (?&otherrole) | (?i: \b (?: surviv\w* | alive ) \b ) )

pattern part-of-group
    type sample_size
    min-arm-share 0.2
    from _count
    prefilter of
    # partrole's words, a word each (none with s or k: see patterns/README)
    prefilter contributed completed able analy included enrolled randomi followed participated remained entered provided ponded returned continued data
    priority 7
    require after 120 ^ (?&ofcount) (?&count) (?&ofpeople)
    require sentence (?&partrole)
    forbid after 160 ^ [^;]*? (?&partevent)
    forbid before 20 (?&ofcount) $
    forbid clause (?&otherrole)
    set scope total
    example Overall, 128 of 184 belatacept-treated patients contributed data at 7 years => value=128
    example cores were available from 1281 (92%) of the 1396 participants => value=1281
    negative 3 of 10 patients who received MSCs died
    negative 4 of 20 patients had nausea
    negative randomized to one of three treatments
    negative were randomized and found 10 of 20 versus 4 of 20 survivors

# "day-90 data were available for 47", "usable responses from 1433",
# "outcomes were analysed in 212": the people an analysis has.
pattern available-for
    type sample_size
    from _count
    prefilter availab usable obtain analy complete
    priority 7
    require before 40 (?i: available | usable | obtained | analy[sz]ed | complete ) (?: \s+ [\w-]+ ){0,2}? \s+ (?i: for | from | in | on ) \s+ (?: (?i: the | all ) \s+ )? $
    forbid after 100 ^ [^;.]*? (?&partevent)
    forbid after 30 ^ \s* (?: % | (?i: of \s+ (?!  the \s+ ) ) | [-–] \s* \d | (?i: days? | weeks? | months? | years? | hours? | samples? | sites? | centres? | centers? | cases \s+ of ) \b )
    forbid clause (?&otherrole)
    set scope total
    example day-90 data were available for 47. => value=47
    example there were usable responses from 1433 members => value=1433
    negative data were available for 12 months
    negative blood samples were analysed in 3 of the 20 patients who died

# A share of people that an analysis or a follow-up reached, printed as
# a fraction: "data were available on 84.5% (93/110) of the patients in
# the EDGE group", "SF-6D data was available for 141/215 (65.6%) of the
# HC group", "81% (29/36) of women were followed up", "monitoring was
# complete for 96.1% (276/287)".  The numerator is how many were
# analysed; the denominator is the group it is a share of.  Not a
# fraction of people with an event ("4/20 died", "3/18 were lost to
# follow-up").
define analysedshare (?i: \b data \s+ (?: were | was ) \s+ (?: \w+ \s+ )? available
                        | \b available \s+ (?: for | on | from | in ) \b
                        | \b followed [\s-]+ up \b
                        | \b complete \s+ for \b
                        | \b (?: assessed | analy[sz]ed | evaluated ) \s+ (?: for | in | among ) \b )
# What a fraction may count instead of people: "12/40 sites".
define notpeopleshare ^ \s* (?: \( [^()]* \) \s* )? (?: (?i: of \s+ (?: the \s+ )? ) )? (?i: sites? | centres? | centers? | hospitals? | samples? | specimens? | visits? | cycles? | studies | trials? | tumou?rs? | lesions? | eyes? ) \b

pattern fraction-analysed-group
    type sample_size
    prefilter /
    prefilter availab followed follow-up complete assessed analy evaluat
    priority 8
    # The brackets too when they hold the fraction alone ("(93/110) of
    # patients": the type's reject of a count behind a percentage of
    # people reads what follows the brackets).
    regex (?<_open> \( \s* )? (?<! [\d.,/] ) (?<value> (?&integer) ) \s* / \s* (?&integer) (?! [\d.,/] )
    regex (?(<_open>) \s* \) )
    require near 120 (?&analysedshare)
    forbid after 40 (?&notpeopleshare)
    require after 80 ^ [^.;]*? \b (?i: group | arm ) \b
    forbid clause (?&otherrole)
    forbid clause (?&partevent)
    set scope arm
    example Data were available on 84.5% (93/110) of patients in the EDGE system group => value=93 scope=arm
    example SF-6D data was available for 141/215 (65.6%) of the HC group => value=141 scope=arm
    negative At day 28, 4/20 (20%) of patients in the placebo group were lost to follow-up
    negative Mortality was assessed in the MSC group: 3/20 (15%) died

# The same as "N (x%) of M": "the primary outcome was assessed in 2307
# (99%) of 2325 participants".
pattern share-of-analysed
    type sample_size
    from _count
    prefilter %
    # words the rule near the share cannot hold without
    prefilter availab followed follow-up complete assessed analy evaluat
    priority 7
    require after 60 ^ \s* [(\[] \s* (?&decimal) \s* % \s* [)\]] \s+ (?i: of ) \s+ (?: (?i: the ) \s+ )? (?&count) \b
    require near 120 (?&analysedshare)
    forbid after 40 ^ [^.;]*? (?&notpeopleshare)
    forbid clause (?&otherrole)
    forbid clause (?&partevent)
    set scope total
    example The primary outcome was assessed in 2307 (99%) of 2325 participants => value=2307 scope=total
    example outcomes were evaluated among 4120 (91%) of the 4530 women randomised => value=4120
    negative Mortality was assessed in the trial: 23 (11%) of 210 patients died

pattern fraction-analysed
    type sample_size
    prefilter /
    prefilter availab followed follow-up complete assessed analy evaluat
    priority 7
    # The brackets too when they hold the fraction alone ("(93/110) of
    # patients": the type's reject of a count behind a percentage of
    # people reads what follows the brackets).
    regex (?<_open> \( \s* )? (?<! [\d.,/] ) (?<value> (?&integer) ) \s* / \s* (?&integer) (?! [\d.,/] )
    regex (?(<_open>) \s* \) )
    require near 120 (?&analysedshare)
    forbid after 40 (?&notpeopleshare)
    forbid clause (?&otherrole)
    forbid clause (?&partevent)
    set scope total
    example Overall, 81% (29/36) of women were followed-up at 15 weeks => value=29 scope=total
    example Clinical monitoring was complete for 96.1% (276/287) until day 14 => value=276
    negative During follow-up, 4/20 patients died
    negative 3/18 participants were lost to follow-up
    negative Responses were assessed in 12/40 sites

# "Of these 20, 14 said", "From the remaining 59 patients, 775 oocytes":
# a group named again to report on it.
pattern of-these
    type sample_size
    min-arm-share 0.2
    from _count
    prefilter these remaining those
    priority 7
    require before 30 (?: ^ | [,;:] ) \s* (?i: of | among | from | in ) \s+ (?i: these | those | the \s+ remaining ) \s+ $
    require after 80 ^ (?: \s+ (?: (?&headgap) ){0,3}? (?&people) )? \s* ,
    forbid after 80 ^ [^,]*? (?&partevent)
    set scope subgroup
    example Of these 20, 14 (70%) said that they relied on it. => value=20
    example From the remaining 59 patients, 775 oocytes were retrieved. => value=59
    negative Of these 12 who died, 5 were men.

# "281 (93.7%) of them continued till delivery": a part of the group just
# named that took a step of the trial.
pattern part-of-them
    type sample_size
    min-arm-share 0.2
    from _count
    prefilter them these those whom
    priority 7
    require after 40 ^ (?: \s* \( [^()]{1,12} \) )? \s+ (?i: of ) \s+ (?i: them | these | those | whom ) \b
    require clause (?&partrole)
    forbid clause (?&otherrole)
    forbid after 100 ^ [^;]*? (?&partevent)
    set scope total
    example Out of the 300 women recruited, 281 (93.7%) of them continued till delivery => value=281
    negative 12 (20%) of them died

pattern group-of-part
    type sample_size
    min-arm-share 0.2
    from _count
    prefilter of
    # partrole's words, as in part-of-group
    prefilter contributed completed able analy included enrolled randomi followed participated remained entered provided ponded returned continued data
    priority 7
    require before 40 (?&count) (?&ofcount) $
    require after 100 ^ (?&ofpeople)
    require sentence (?&partrole)
    forbid after 160 ^ [^;]*? (?&partevent)
    forbid clause (?&otherrole)
    set scope total
    example Overall, 128 of 184 belatacept-treated patients contributed data at 7 years => value=184
    example cores were available from 1281 (92%) of the 1396 participants => value=1396
    negative 3 of 10 patients who received MSCs died
    negative 4 of 20 patients had nausea

# "leaving 330 for the intention-to-treat analysis", "resulting in 1578
# patients for analysis".
pattern leaving-for-analysis
    type sample_size
    prefilter leaving left resulting yielding giving
    prefilter analy itt intention protocol
    priority 9
    regex (?i: leaving | left | resulting \s+ in | yielding | giving ) \s+ \K (?<value> (?&count) )
    regex (?= \s+ (?: (?&headgap) ){0,3}? (?: (?&people) \s+ )? (?: \( [^)]{0,80} \) \s+ )? (?i: for | in ) \s+ (?: the \s+ | an? \s+ )? (?: [\w-]+ \s+ ){0,2}? (?i: analys[ie]s | ITT | intention | per-protocol ) )
    set scope total
    example two withdrew consent, leaving 330 for the intention-to-treat analysis => value=330
    example were excluded, resulting in 1578 patients (793 in one group) for intention-to-treat analysis => value=1578
    example resulting in 1578 patients (793 in pravastatin group, 785 in control group) for intention-to-treat analysis => value=1578

# "n = 12", "N=20", "(n = 10 per group)" (an arm: see the roles above),
# "MSC group (n = 33)", "(n 24)": the _n mentions (mentions.pat).
pattern n-equals
    type sample_size
    min-arm-share 0.2
    from _n
    priority 10
    forbid clause (?&otherrole)
    # "39.0% (n = 231) with wheeze", "49.5% (n = 293) reported": the count
    # behind a percentage of people, with what they had or did.
    forbid after 40 (?&sharetail)
    unless before 6 (?<! % ) (?<! % \s ) [(\[] \s* $
    # "dyspepsia (n = 1), nausea (n = 1), pyrexia (n = 1)": an item of a
    # breakdown (see nbreakafter).
    forbid after 160 (?&nbreakafter)
    unless before 40 (?&armlabeled)
    forbid before 160 (?&nbreakbefore)
    unless before 40 (?&armlabeled)
    set scope total
    forbid before 3 [<>≤≥]
    forbid after 6 ^ \s* / \s* \d
    example patients received vitamin D3 (10,400 IU/day; n = 19) or placebo (n = 18) => value=19 scope=arm
    example (n = 12) => value=12
    example N=20 => value=20
    example n = 2,927 => value=2927
    example (n = 3 per cohort) => value=3 scope=arm
    example n = 20 per arm => value=20 scope=arm
    example Sixty-two subjects (n = 31 per group) => value=31 scope=arm
    negative n = 0.5
    negative PaO2 n=3.4

pattern n-equals-group
    type sample_size
    min-arm-share 0.2
    from _n
    priority 12
    require before 40 (?i: group | arm | placebo | control | MSCs? | saline | standard | usual | treatment | cohort ) [\s,(]* $
    forbid clause (?&otherrole)
    # "The unengaged group (n=102) had the highest score": the size of
    # the group it follows, whatever the group then had.
    unless before 16 (?i: \b (?: groups? | arms? | cohorts? ) ) \s* \( \s* $
    set scope arm
    example The unengaged group (n=102) had the highest depressive symptoms score => value=102
    example MSC group (n = 33) => value=33 scope=arm
    example placebo (n = 30) => value=30 scope=arm

# "recruited 12 patients", "randomly assigned 60 participants",
# "enrolled 20 ARDS patients", "a total of 120 subjects"
pattern verb-count-people
    type sample_size
    from _count
    prefilter patient participant subject adult child infant neonate volunteer individual case recipient person men nurse student smoker mother pair dyad respondent famil household resident newborn worker athlete survivor girl boy couple enrollee vaccinee pa-
    prefilter recruit enrol random assign allocat includ treat studi analy analys report describ compar gave given infus follow evaluat examin involv receiv compris consist number total
    priority 8
    require before 60 (?&enrol) \s+ (?: (?i: a \s+ total \s+ of | all | the | only | another | further ) \s+ )? $
    require after 100 ^ \s+ (?: (?&headgap) ){0,4}? (?&people) \b
    forbid after 100 ^ \s+ (?&countedpeople) [\s-]* (?i: visits? | years? | months? | days? | hours? | groups? | populations? | categories ) \b
    forbid clause (?&otherrole)
    set scope total
    forbid after 140 ^ \s+ (?: (?&headgap) ){0,4}? (?&people) \b [\w\s-]{0,30}? (?i: \b died | \b deaths? \b )
    example Zheng et al. recruited 12 patients with ARDS => value=12 scope=total
    example we randomly assigned 60 participants => value=60
    example enrolled 20 ARDS patients infected with COVID-19 => value=20
    example they randomized 24 hospitalized patients => value=24
    example the per-protocol set comprised 61 adults => value=61
    negative the follow-up comprises 5120 patient-years
    negative recruited patients over 18 years

# A people named by a capitalized plural after a verb that enrols: "We
# randomized 123 African Americans", "enrolled 40 Marines".
pattern verb-count-named
    type sample_size
    from _count
    prefilter recruit enrol random
    priority 8
    require before 60 (?i: randomi[sz]ed | randomly \s+ (?: assigned | allocated ) | enrolled | recruited ) \s+ (?: (?i: a \s+ total \s+ of | all | only ) \s+ )? $
    require after 60 ^ \s+ (?: [\p{Lu}][\p{Ll}]+ \s+ ){0,2} [\p{Lu}][\p{Ll}]+ s \b
    forbid after 60 ^ \s+ (?i: mondays | tuesdays | wednesdays | thursdays | fridays | saturdays | sundays | weeks | months | years | days )
    forbid clause (?&otherrole)
    set scope total
    example We randomized 240 Mexican Americans to two diets => value=240 scope=total
    example the trial enrolled 96 Veterans with chronic pain => value=96 scope=total
    negative we randomized 2 Mondays

pattern a-total-of
    type sample_size
    min-arm-share 0.2
    from _count
    prefilter total
    priority 9
    require before 20 (?i: a \s+ total \s+ of ) \s+ $
    require after 100 ^ (?: \s+ (?: (?&headgap) ){0,4}? (?&people) \b | \s+ (?:were|was) \b )
    forbid clause (?&otherrole)
    set scope total
    example a total of 120 subjects => value=120
    example A total of 4,512 patients => value=4512
    example A total of seventy adults screened with a depression questionnaire were randomly divided into two groups => value=70
    negative A total of 95 people could not be randomised

# "Twelve patients", "Nine patients": a count of people opening a sentence.
# A structured abstract's participants, written without a verb: "351
# menopausal patients (mean age, 50 years) with inactive or stable SLE.",
# "Forty adults with chronic low back pain." (the sentence is the count
# and who they are; a sentence with a verb is for the patterns above).
pattern participants-fragment
    type sample_size
    from _count
    prefilter patient participant subject adult child infant neonate volunteer individual men women pa- student smoker mother newborn worker resident
    priority 6
    require before 50 ^ (?: [A-Z][\w\ ]{0,30} : \s* )? \W{0,3} $
    # The people, then what describes them: a bracket, or a preposition or
    # participle ("with", "from", "undergoing", "aged"), never a verb of
    # their own ("Nine patients took ...", "51 patients met ...").
    require after 80 ^ \s+ (?: [\w-]+ \s+ ){0,3}? (?&people) (?: \s* [(\[] [^()\[\]]* [)\]] )* (?: \s+ (?i: with | from | of | in | at | on | aged | undergoing | receiving | requiring | scheduled | admitted | diagnosed | referred | attending | living ) \b | \s* \. \s* $ )
    forbid sentence (?i: \b (?: were | was | is | are | had | has | have | did | died | developed | experienced | received | underwent | required | completed | showed ) \b ) | \b (?! (?i: aged | based | related | selected | matched | scheduled | admitted | diagnosed | referred ) \b ) [a-z]{3,}ed \b
    forbid clause (?&otherrole)
    # "3 patients with rash, 2 patients with nausea": a breakdown.
    forbid after 200 ^ [^.]*? (?: [,;] | \s (?i: and | or ) ) \s+ (?: \d+ | (?&numword) ) \s+ (?: [\w-]+ \s+ ){0,2}? (?&people)
    set scope total
    example 351 menopausal patients (mean age, 50 years) with inactive (81.5%) or stable-active (18.5%) lupus. => value=351
    example Forty adults aged 18 to 65 years with chronic low back pain. => value=40
    negative Twelve patients were excluded.
    negative 3 patients with rash, 2 patients with nausea and 1 patient with headache.
    negative Nine patients took nonnarcotic medication.
    negative Two types of adult scoliosis occur.
    example Seventeen infertile patients undergoing ICSI from our ovum donation program. => value=17

pattern sentence-start-people
    type sample_size
    min-arm-share 0.2
    from _count
    prefilter patient participant subject adult child infant neonate volunteer individual case recipient person men nurse student smoker mother pair dyad respondent famil household resident newborn worker athlete survivor girl boy couple enrollee vaccinee women pa-
    prefilter enrol recruit random allocat assign includ analy particip complet compris consist studi involv trial study cohort sample total treat underw receiv given divided group arm population intention protocol itt infus nebuli deliver administ gave inject transplant therapy series report describ follow evaluat examin subgroup among
    priority 7
    require before 50 ^ (?: [A-Z][\w\ ]{0,30} : \s* )? \W{0,3} $
    require after 100 ^ \s+ (?: (?&headgap) ){0,4}? (?&people) \b
    forbid after 110 ^ \s+ (?: (?&headgap) ){0,4}? (?&people) (?: \s* \( [^()]* \) )? \s+ (?: (?i: who | also | all ) \s+ )? (?&selfreport)
    forbid after 110 ^ [^.;()]*? (?i: \b died | \b dead | \b deaths? | progressed | developed | experienced | \b had \b | required | needed | discontinued | withdrew | were \s+ discharged | survived | recovered | were \s+ alive | remained | screened | lost )
    forbid clause (?&otherrole)
    # "One participant was found to be pregnant": the verb of an event.
    forbid clause-after ^ \s+ (?&peopleverb) (?&pastpart) \b
    unless clause-after ^ \s+ (?&peopleverb) (?&groupverb) \b
    require sentence (?&enrolrole)
    forbid clause-after ^ \s+ (?&countedpeople) \s+ with \b
    unless clause (?&studiedrole)
    forbid after 160 ^ \s+ (?&peopleverb) [^;,]*? \s (?i: and ) \s+ (?: (?&otherrole) | (?i: did | could ) \s+ not \b )
    # "Six patients (17.1%) in the ondansetron group": n (%) counts an event.
    forbid after 60 ^ \s+ (?: (?&headgap) ){0,4}? (?&people) \s* \( \s* (?&decimal) \s* % \s* \)
    forbid after 30 ^ \s* \( \s* (?&decimal) \s* % \s* \)
    unless clause (?&enrolact)
    set scope total
    example Twelve patients with ARDS were studied. => value=12
    example Methods: Twelve patients meeting the criteria were enrolled. => value=12
    negative Three patients died.
    negative Nine volunteers reported dizziness on the first day of the randomized trial.
    negative Four participants in arm B did not require a second infusion after randomization.
    example Forty patients reported in an earlier paper were randomized to the two arms. => value=40

# "12 received hUC-MSCs", "2,254 to ticagrelor", "29 received standard care"
pattern arm-received
    type sample_size
    min-arm-share 0.2
    prefilter receiv assign allocat given to
    priority 8
    regex (?&cstart) (?! (?i: one | a | an ) \s+ patient \b ) (?<value> (?&count) ) \s+ (?: (?&people) \s+ )?
    regex (?: \( [^)]{1,12} \) \s+ )?
    regex (?: (?i: received | were \s+ (?:assigned|allocated|randomi[sz]ed) \s+ to | (?:were \s+ )?given | (?:were \s+ )?assigned ) \b
    regex | to \s+ (?= (?: the \s+ )? (?! day | week | month | year | \d ) [\p{L}] ) )
    require sentence (?i: assign | randomi | allocat | received | compared | treated | \bto \s+ (?:the \s+)? (?:MSC|UC|placebo|control|standard|usual) )
    forbid before 12 (?i: from | day | days | between | weeks? | months? ) \s* $
    # "randomised 40 patients to MSCs or placebo": 40 is everyone.
    forbid before 16 (?i: randomi[sz]ed | assigned | allocated ) \s+ $
    # "366 (90%) received the device", "2207 participants received all of
    # their treatment": a share of a group that took its treatment
    # (adherence), not the group.
    # ("216 (97%) received at least one infusion" is the safety population.)
    forbid match \( \s* (?&decimal) \s* (?&pct)
    unless after 30 ^ \s+ (?i: at \s+ least \s+ (?: one | 1 ) ) \b
    forbid after 30 ^ \s+ (?i: (?: a \s+ )? (?: different | wrong | incorrect | another | other ) \s+ (?: treatment | drug | intervention | dose | arm ) ) \b
    forbid after 30 ^ \s+ (?i: all | none | no | only | fewer | more | less | the \s+ full | complete | partial | incomplete ) \b
    # "20 patients were assigned to receive fluvoxamine or fluoxetine":
    # everyone (count-enrolled reads it, as a total).
    forbid after 200 ^ \s+ (?: (?i: receive | the ) \s+ )? [^;.]*? (?: \s | , ) (?i: or | versus | vs\.? ) \s+ (?! (?: the \s+ )? (?: \d | (?&numword) ) )
    unless match ^ (?! [\s\S]* (?i: assigned | allocated | randomi[sz]ed ) \s+ to \s* $ )
    # "824 women were randomized to one of two regimens": everyone, not an
    # arm (count-enrolled reads it, as a total).
    forbid after 60 ^ \s+ (?: (?i: one | either ) \s+ of \s+ (?: the \s+ )? )? (?i: two | three | four | five | six | \d ) \s+ (?: [\w-]+ \s+ ){0,2}? (?i: groups | arms | regimens | treatments | conditions | sequences ) \b
    forbid clause (?&otherrole)
    set scope arm
    example 12 received hUC-MSCs => value=12 scope=arm
    example randomised 40 patients to MSCs (n = 20) or placebo => value=40 scope=total
    example randomized 1035 patients: 520 to chemotherapy and 515 to observation => value=515 scope=arm
    example In a blinded trial, 24 adults were assigned to receive sertraline 50 mg/day or citalopram 20 mg/day for 8 weeks => value=24 scope=total
    negative ranged from 36 to 87% of patients
    negative In the device arm 270 (90%) received the garment before transfer
    negative After randomization, four patients received a different treatment than planned
    negative Adherence was high, and 1904 children received all of their allocated doses

# "222 patients had PASAT-3 data available", "191 patients had MRI scans",
# "356, 342, and 336 had serum potassium data": the people a measure was
# analysed in, a subgroup of the trial.
pattern had-data
    type sample_size
    min-arm-share 0.2
    from _count
    prefilter data scan sample measurement questionnaire
    priority 7
    require after 100 ^ \s+ (?: (?: (?: [\w-]+ \s+ ){0,2}? (?&people) \s+ )? (?: \( [^()]* \) \s+ )? (?i: had ) | (?: [\w-]+ \s+ ){0,2}? (?&people) \s+ (?: \( [^()]* \) \s+ )? (?i: provided | contributed ) ) \s+ (?: (?i: complete | available | evaluable | valid | usable | full | paired ) \s+ )? (?: [\w-]+ \s+ ){0,3}? (?i: data | scans? | samples? | measurements? | questionnaires? ) \b
    forbid after 100 ^ [^.;]*? (?i: \b (?: had | provided ) \s+ (?: no | missing | incomplete | insufficient | inadequate | unusable ) \b )
    forbid clause (?&otherrole)
    unless clause (?i: \b had \s+ (?: [\w-]+ \s+ ){0,4}? (?: data | scans? | samples? | measurements? | questionnaires? ) \b )
    set scope subgroup
    example As a secondary measure, 222 patients had PASAT-3 data available at baseline. => value=222 scope=subgroup
    example One hundred ninety-one patients had MRI scans. => value=191
    negative Twelve patients had missing data at week 4.
    negative Of 22 studies, only 17 provided sufficient data to calculate effect sizes.

# "reported for the remaining 77 patients", "data of the remaining 120
# women": the people left for analysis once others were excluded.
pattern remaining-people
    type sample_size
    min-arm-share 0.2
    from _count
    prefilter remaining
    priority 7
    require before 24 (?i: \b (?: for | of | from | on ) \s+ the \s+ remaining ) \s+ $
    require after 60 ^ \s+ (?: [\w-]+ \s+ ){0,2}? (?&people) \b
    forbid clause (?&otherrole)
    set scope total
    example Outcomes are reported for the remaining 77 patients (A, 39; B, 38). => value=77
    negative the remaining 12 patients died before discharge
    negative while remaining 27 patients in group I found the experience pleasant

# "12 per arm", "three patients per dose level", "10 patients per group"
pattern per-arm
    type sample_size
    prefilter per each
    priority 11
    regex (?&cstart) (?<value> (?&count) ) \s+ (?: (?&people) \s+ )?
    regex (?<scope> per | in \s+ each | each \s+ (?:in|per)? ) \s* (?i: arm | group | cohort | dose \s+ level | dose )
    forbid before 60 (?i: score | median | mean | age | years? | days? | hours? ) [^,;]* $
    forbid clause (?&otherrole)
    example 12 per arm => value=12 scope=arm
    example three patients per dose level => value=3 scope=arm
    example Sixty-two subjects (31 per group) completed the study => value=31 scope=arm

# "two groups comprising 30 patients each": the size of every arm.
pattern people-each
    type sample_size
    from _count
    prefilter each apiece
    priority 10
    require after 60 ^ \s+ (?: (?&headgap) ){0,2}? (?&people) \s+ (?i: each | apiece ) \b (?! \s+ (?i: of | day | week | month | year | time | received | had | died ) \b )
    forbid clause (?&otherrole)
    # "pancytopenia and diarrhoea (in one patient each)": where events
    # happened.
    forbid before 6 (?i: \b in ) \s+ $
    set scope arm
    example allocated to group I and group II comprising 30 patients each. => value=30 scope=arm
    negative 3 patients each had a rash
    negative in LAmB, pancytopenia and diarrhea (in one patient each)

# "9 of whom received ECMO", "none of the 9 patients who underwent"
pattern of-whom
    type sample_size
    min-arm-share 0.2
    prefilter whom
    priority 11
    regex (?&cstart) (?<value> (?&count) ) (?: \s* \( [^()]{1,16} \) )? \s+ (?i: of \s+ whom ) \b
    forbid after 30 ^ \s+ (?: \w+ \s+ )? (?i: survived | died | had | developed | experienced | were \s+ alive | recovered )
    forbid clause (?&otherrole)
    set scope subgroup
    example 9 of whom received ECMO => value=9 scope=subgroup
    example we enrolled 900 adults, 850 (94%) of whom were included in the final analysis => value=850 scope=subgroup
    negative 30 (3%) of whom died before the first visit

pattern none-of-the
    type sample_size
    min-arm-share 0.2
    prefilter of the
    prefilter none all each both
    prefilter patient participant subject adult child infant neonate volunteer individual case recipient person men nurse student smoker mother pair dyad respondent famil household resident newborn worker athlete survivor girl boy couple enrollee vaccinee pa-
    priority 11
    regex (?i: none | all | each | both ) \s+ of \s+ the \s+ \K (?<value> (?&count) ) \s+ (?: [\w-]+ \s+ ){0,3}? (?&people) \s+ (?i: who | that | on | receiving | treated | given )
    set scope subgroup
    example none of the 9 patients who underwent VV-ECMO => value=9 scope=subgroup

# "two adult patients", "a pediatric patient" (1)
pattern small-case-series
    type sample_size
    prefilter treated report describe present
    prefilter patient participant subject adult child infant neonate volunteer individual case recipient person men nurse student smoker mother pair dyad respondent famil household resident newborn worker athlete survivor girl boy couple enrollee vaccinee women pa-
    priority 6
    regex (?i: treated | report | reported | describe | described | present | presented ) \s+
    regex \K (?<value> (?i: a | an | one | two | three | four | five | (?&integer) ) ) \s+ (?: [\w-]+ \s+ ){0,3}? (?i: patients? | adults? | children | cases? | infants? ) \b
    forbid after 30 ^ [\w\s,-]{0,30}? (?i: \b died | \b deaths? )
    set scope total
    example treated two adult patients with refractory ARDS => value=2
    example We report a pediatric patient with ARDS => value=1

# "(21 UC-MSC, 24 placebo)", "(112 MSC, 110 placebo)", "1832 in the
# hydrocortisone group and 1826 in the placebo group"
pattern arm-list
    type sample_size
    min-arm-share 0.2
    prefilter 0 1 2 3 4 5 6 7 8 9
    # words the sentence rule cannot match without (none with s or k:
    # (?i) also matches them as U+017F and U+212A)
    prefilter random igned allocated included enrolled analy compris cohort patient participant
    priority 9
    regex (?: \( | (?<! \d ) , \s* | [\h\v] and \s+ | ; \s* ) \K (?<value> (?&integer) ) (?! [.,·]?\d | \s* % )
    # "167 [57.2%] from the early-treatment arm": a share, then where
    # they came from (not "5 (14.3%) in the X group": an event's count).
    regex (?: (?: \s* \[ [^\[\]]{1,12} \] | \s* \( [^()]{1,12} \) ) \s+ from \s+ the \s+ | \s+ (?: (?: in | from ) \s+ the \s+ )? ) (?&notunit) (?! (?&people) \b | (?&sexword) | (?&doseunit) \b | [MF] \b | (?i: cm | mm | m | km | kg | lbs? | ft | h | hrs? | min | s ) \b ) (?<group> [\p{L}][\w+-]* (?: \s [\p{L}][\w+-]* )? )
    regex (?= \s* (?: group | arm )? \s* (?: [,;)] | \s and \s ) | \s+ (?: group | arm ) (?: \. (?: \s | $ ) | $ ) | (?<= \s group | \s arm ) (?: \. (?: \s | $ ) | $ ) )
    require sentence (?i: randomi[sz] | assigned | allocated | included | enrolled | analysis | analysed | analyzed | compris\w* | cohort | patients | participants )
    forbid after 80 ^ (?&inclause)*? (?i: \b died | deaths? \b )
    forbid clause (?&otherrole)
    set scope arm
    example 45 were included in the analysis (21 UC-MSC and 24 placebo). => value=24 group=placebo scope=arm
    example the full analytic cohort comprised 5 834 women (2 910 HPV; 2 924 Control). => value=2924 group=Control
    negative The randomized participants read charts at three distances (70 cm, 50 cm, 40 cm).
    example Of 222 randomized patients (112 MSC, 110 placebo), most received both => value=112 group=MSC
    example 278 enrolled (167 [57.2%] from the early-treatment arm and 111 [63.1%] from the delayed-treatment arm) => value=111 group="delayed-treatment arm" scope=arm
    example Outcomes were assessed in 40 patients, 20 in the MSC group and 18 in the placebo group. => value=18 scope=arm
    example Thirty adults were enrolled, 16 in the intervention group, and 14 in the control group. => value=14 scope=arm
    negative Three patients died, two in the MSC group and one in the placebo group.
    negative were randomly assigned to (a) zinc (25 mg), (b) vitamin D (800 IU), or placebo

# "1832 in the hydrocortisone group"
pattern in-the-group
    type sample_size
    min-arm-share 0.2
    prefilter group arm
    priority 10
    regex (?&cstart) (?<value> (?&count) ) \s+ (?&people) \s+ (?i: in | to | of | into ) \s+ (?: the \s+ )?
    regex (?! (?i: each | both | either | all | every ) \b ) (?<group> [\p{L}][\w+-]* (?: \s [\p{L}][\w+-]* )? ) \s+ (?i: group | arm ) \b
    forbid before 20 (?i: \b day | \b days | \b of | \b week | \b month | \b by | \b from | \b between ) \s* (?: \( [^)]* \) \s* )? $
    forbid before 24 (?i: \b (?: days? | weeks? | months? | hours? | visits? ) ) \s+ \d+ \s* (?: and | or | to | – | - | , ) \s* $
    forbid after 60 ^ (?&inclause)*? (?i: \b died | deaths? \b | \b had \b | withdrew | developed | experienced | required | events? )
    # "could be decreased in 6 patients of the verum group": people in whom
    # something happened.
    forbid before 40 (?i: increased | decreased | reduced | raised | lowered | adjusted | changed | stopped | observed | seen | found | occurred | reported | noted | recorded | detected ) \s+ in \s+ $
    forbid clause (?&otherrole)
    # "One volunteer in the low-dose arm was found to be pregnant"
    forbid clause-after ^ (?&beverb) (?&pastpart) \b
    unless clause-after ^ (?&beverb) (?&groupverb) \b
    # "Eight in the A group developed diarrhoea vs 6 subjects in the
    # placebo group": after "vs" the clause shares the first one's verb.
    forbid before 120 (?&otherrole) [^.;]*? \s (?i: vs\.? | versus | compared \s+ (?: with | to ) ) \s+ $
    set scope arm
    negative Eight subjects in the probiotic group developed diarrhoea vs 6 subjects in the placebo group
    example 40 patients, 22 patients in study group and 18 patients in control group, were studied => value=18 group=control scope=arm
    negative the insulin dose could be lowered in 5 patients of the metformin group
    negative between day 3 and 5 in the MSC group
    negative the median SOFA score was 7 in each arm

# "3658 were included (1832 in the hydrocortisone group and 1826 in the
# placebo group)": a bare count in a group is an arm's size only where the
# sentence enrols; "Two deaths occurred: one in each group" counts deaths.
# "270 (70.9%) participants in the intervention group and 250 (66.1%) in
# the control group completed the follow-up survey": an arm's share that
# took a step of the trial.  The clause must enrol, complete or analyse;
# "5 (14.3%) in the placebo group had nausea" is an event's count.
pattern share-in-the-group
    type sample_size
    min-arm-share 0.2
    from _count
    prefilter group arm
    prefilter %
    priority 9
    require after 90 ^ \s* [(\[] \s* (?&decimal) \s* % \s* [)\]] \s+ (?: (?: (?&headgap) ){0,3}? (?&people) \s+ )? (?i: in | from ) \s+ (?: the \s+ )? (?: [\w+-]+ \s+ ){1,3}? (?i: group | arm ) \b
    require clause (?&enrolact)
    forbid clause (?&otherrole)
    forbid clause (?&partevent)
    set scope arm
    example At 3 months, 270 (70.9%) participants in the intervention group and 250 (66.1%) in the control group completed the survey => value=250 scope=arm
    negative At 3 months, 27 (7.1%) participants in the intervention group and 25 (6.6%) in the control group had a rash

pattern in-the-group-bare
    type sample_size
    min-arm-share 0.2
    prefilter group arm
    priority 10
    regex (?<! (?i: and ) \s ) (?&cstart) (?<value> (?&count) ) \s+ (?i: in | to | into ) \s+ (?: the \s+ )?
    regex (?! (?i: each | both | either | all | every ) \b ) (?<group> [\p{L}][\w+-]* (?: \s [\p{L}][\w+-]* )? ) \s+ (?i: group | arm ) \b
    require sentence (?&enrolact)
    forbid before 20 (?i: \b day | \b days | \b of | \b week | \b month | \b by | \b from | \b between ) \s* (?: \( [^)]* \) \s* )? $
    forbid clause (?&otherrole)
    set scope arm
    example 3658 were included (1832 in the hydrocortisone group and 1826 in the placebo group) => value=1832 group=hydrocortisone scope=arm
    example 1200 patients were randomized (600 in intervention group, 600 in usual-care group) => value=600 scope=arm
    negative four people died in the treatment group and eight in the placebo group
    negative Two deaths occurred: one in the SS group and one in the PP group.
    negative elevations differed (28 in the M group, 8 in the M + R group; P = 0.005)

# A count of people anywhere: "with 523 participants", "to 17 patients",
# "compared with 44 patients who received", "nine controls".  Weaker than
# the patterns above; not a count of people to whom something happened
# ("Three patients ... died", "2 patients developed fever") and not the
# denominator of a fraction ("3 of 10 patients").
pattern count-people
    type sample_size
    min-arm-share 0.2
    from _count
    prefilter patient participant subject adult child infant neonate volunteer individual case recipient person men nurse student smoker mother pair dyad respondent famil household resident newborn worker athlete survivor girl boy couple enrollee vaccinee women pa- control
    prefilter enrol recruit random allocat assign includ analy particip complet compris consist studi involv trial study cohort sample total treat underw receiv given divided group arm population intention protocol itt infus nebuli deliver administ gave inject transplant therapy series report describ follow evaluat examin subgroup among
    priority 5
    require after 100 ^ \s+ (?: (?&headgap) ){0,3}? (?: (?&people) | (?i: controls ) ) \b
    forbid before 12 (?i: \b of | \b among | ≥ | > | < | ≤ | aged | over | under | than | per | \b for | \d \s* / ) \s* (?: the \s+ )? $
    # "In one individual who started therapy ...": where something happened.
    forbid clause-before ^ \W* (?i: in ) \s+ $
    # "One patient was randomized and did not receive the drug": a second
    # predicate of the same people.
    forbid after 160 ^ \s+ (?&peopleverb) [^;,]*? \s (?i: and ) \s+ (?: (?&otherrole) | (?i: did | could ) \s+ not \b )
    forbid before 24 (?i: screened | assessed | excluded | approached | eligible | ineligible ) \s+ (?: for \s+ \w+ \s+ )? $
    forbid before 80 (?i: events? | fall | reactions? | fever | occurred | observed | seen | reported | limited | indications? | reasons? | causes? | found | detected | noted ) [^,;]* \b in \s+ (?: (?&count) \s* (?: , \s* | (?i: and | or ) \s+ ) )* $
    # "there were 17, 16 and 10 patients in the three groups, respectively,
    # who failed to show a rise": people defined by what happened to them
    # (a relative clause with an event's verb), unless the clause enrols
    # them ("we enrolled 40 patients who developed ARDS").
    forbid after 200 ^ [^.;]*? (?: , \s* | \s ) (?i: who ) \s+ (?: (?i: also | then | later | subsequently ) \s+ )? (?: (?&otherrole) | (?i: exhibited | showed | developed | experienced | required | needed | suffered ) \b )
    unless clause (?&enrolact)
    # "Six subjects reported constipation": the people's own report.
    forbid after 110 ^ \s+ (?&countedpeople) (?: \s* \( [^()]* \) )? \s+ (?: (?i: who | also | all ) \s+ )? (?&selfreport)
    # (the lookahead for the words' first letters spares the UCP \b at
    # every other character of the window)
    forbid after 110 ^ \s+ (?&countedpeople) [^.;,]*? (?i: (?= [dpehrnwsl] ) (?: \b died | \b dead | \b deaths? | progressed | developed | experienced | \b had \b (?! \s+ (?! (?: no | not ) \b ) (?: [\w-]+ \s+ ){0,2} data \b ) | required | needed | discontinued | withdrew | were \s+ discharged | survived | recovered | were \s+ alive | remained | were \s+ screened | screened | lost ) )
    forbid after 100 ^ \s+ (?&countedpeople) \s* (?: \( | of \b | in \b | out \b )
    # "There were 65, 48, and 102 participants in groups 1, 2, and 3";
    # "122 (98.4%) patients in the LAmB group completed the study"; in the
    # sentence, not the clause: "There were 29 patients in group 1 and 31
    # patients in group 2" (the second member's clause starts at "and").
    unless sentence (?&ingroups)
    # "193 (27.3%) patients in the DDDR group": n (%) counts an event,
    # unless the clause puts them in the trial ("326 (86.7%) patients in
    # the ABLE group completed the study").
    forbid after 30 ^ \s* \( \s* (?&decimal) \s* % \s* \)
    unless clause (?&enrolact)
    # "25 subjects were female": a baseline characteristic.
    forbid after 100 ^ \s+ (?&countedpeople) \s+ (?i: were | was ) \s+ (?&sexword)
    unless after 100 ^ \s+ (?&countedpeople) \s+ (?i: were | was ) \s+ (?&sexword) \s+ (?&enrolled)
    # "in one case", "in 12 cases": where an event happened.
    forbid before 6 (?i: \b in ) \s+ $
    unless after 20 ^ \s+ (?! (?i: cases? ) \b )
    # "1 patient with pruritus, 1 patient with gastritis": people with an
    # event or a condition, unless the clause puts them in the trial or
    # reports an outcome for them ("mortality in the 48 patients with").
    forbid clause-after ^ \s+ (?&countedpeople) \s+ with \b
    unless clause (?&studiedrole)
    forbid after 100 ^ \s+ (?&countedpeople) (?&inclause)*? (?i: per \s+ 1000 | per \s+ 100 )
    forbid clause (?&otherrole)
    # "One participant was found to be pregnant": the verb of an event.
    forbid clause-after ^ \s+ (?&peopleverb) (?&pastpart) \b
    unless clause-after ^ \s+ (?&peopleverb) (?&groupverb) \b
    require sentence (?&enrolrole)
    forbid after 100 ^ \s+ (?&countedpeople) [\s-]* (?i: visits? | years? | months? | days? | hours? | groups? | populations? | categories ) \b
    forbid after 60 ^ \s+ (?&countedpeople) \s* \( \s* (?&decimal) \s* % \s* \)
    set scope total
    example after screening, Four-hundred forty-three participants were analysed => value=443
    example There were 19 children in arm A (oral) and 21 children in arm B (intravenous). => value=21
    example Twenty-two volunteers randomly received either drug first or placebo first. => value=22
    example Ten patients randomly received continuous suction for 24 h, followed by discontinuous suction. => value=10
    example Overall, 120 adults with asthma who had used at least 50% of their inhaler doses were randomised to two arms. => value=120
    example Of 90 eligible patients, 64 participated in the study. => value=64
    example 14 children needing two fillings were selected and randomly allocated to the two techniques => value=14
    negative bleeding was seen in 4 patients after the first dose
    negative Four patients in the placebo arm had nausea
    negative There were 12, 9 and 7 children in the three groups, respectively, who failed to gain weight.
    negative In total, 240 patients met the inclusion criteria for the study, of whom 96 agreed to take part.
    example In total, 96 patients met the inclusion criteria and were randomized. => value=96
    example Overall, 41 patients fulfilled the inclusion criteria and agreed to participate. => value=41
    example We enrolled 40 patients who developed ARDS after surgery => value=40
    negative Of 200 patients screened, 40 were excluded
    negative Seven participants withdrew consent
    negative The main reason for discontinuation in the walking group was knee pain (n=4)
    negative Eleven participants did not complete the trial
    negative The trial period from June 2005 to December 2007 included two winters
    negative In the randomized trial, most losses (n = 9) were in the control arm
    negative At screening, 640 adults were evaluated for eligibility in the trial
    negative Results: One volunteer in the low-dose arm was found to be pregnant after the second dose of the trial.
    negative Serious events: 2 participants from the control arm were hospitalized for pneumonia
    example In a randomized trial, 18 students were subjected to a short nap => value=18
    negative Adults with platelet counts higher than 150 were randomized to the two regimens
    negative the printing cost for the trial was £12,500 (4 patients did not accept the voucher)
    negative Outcomes were alike between the two patient groups in the trial
    negative Patients were randomized to either three fixed cycles of 2, 4, and 8 wk, or one cycle
    negative Success was higher in the combination group (79% and 90% at 90 and 180 minutes, respectively) than in patients randomized to placebo
    negative Two patients in the sham arm were excluded from the analysis, 1 patient because of a protocol deviation during surgery and 1 patient because of a new diagnosis
    negative Two were withdrawn from the placebo arm, 1 patient because of a protocol deviation and 1 patient due to relocation
    negative Redness was seen in 14.3% of treated volunteers (n = 6; P = 0.4) in the laser group
    negative soft stools were more frequent in the study group, with 21% (n = 5) of infants affected
    negative The trial cohort (52 men; 38 women) was described earlier
    negative Serious events in the treated arm: 1 participant with a rash, 1 participant with a fall and 2 participants with headache
    example Mortality in the 36 patients with septic shock was higher in the placebo group => value=36
    example Two infusions of cells were given to 14 volunteers with asthma => value=14
    negative On tolerability, 150 volunteers, 80 of whom took the active tablet, reported at least one adverse event
    example Kirkham et al. pooled 8 randomized trials with 523 participants => value=523
    example Chen et al. gave MSCs to 17 patients and compared them with 44 patients who received conventional care only => value=44
    negative Three patients in the control group progressed and died.
    negative 3 of 10 patients died
    negative Serious adverse events were reported in six and three patients.
    example A randomized trial was conducted in 60 women with uterine bleeding => value=60
    negative The cohort was 35 men and 25 women
    example 114 women and 99 women were enrolled in the study => value=99
    example 109 female nonsmokers were enrolled in the trial => value=109
    example We included 58 moderate-severe, steroid-naive asthma patients in the trial => value=58
    negative The scale consists of 51 adjectives, which subjects must rate from 0 to 4 in the trial
    negative New fever on day 6 was treated with paracetamol
    negative In the randomized trial, 12 women reported hot flushes in the week after the first dose
    negative In the trial, 7 patients failed initial therapy and were given rescue antibiotics

# What follows a count whose verb puts its people into the trial: "[20]
# patients were randomized", "[45] were included", "[48] randomized".
define enrolledafter (?: \s* \( [^()]{1,20} \) )?
                   (?: \s+ (?: (?: (?&headgap) ){0,4}? (?&people) \b
                              (?: (?! (?i: were | was | screened | excluded ) \b ) (?: \( [^()]{0,60} \) | [^.;:\d] | (?<= [\p{L}-] ) \d+ | (?<= \s ) \d+ (?: \. \d+ )? \s* % ) ){0,80}? \s )?
                     (?i: were | was | had \s+ been ) \s+ (?: (?i: subsequently | then | finally | eventually | successfully ) \s+ )?
                     (?: (?&enrolled) | (?i: selected \s+ and \s+ (?: randomly | randomi[sz]ed | allocated | assigned ) ) ) \b
                   | \s+ (?: (?&people) \s+ )? (?i: met \s+ (?: all \s+ )? (?: the \s+ )? (?: (?: eligibility | inclusion | entry | study ) | [\w-]+ (?: \s+ [\w-]+ )? ) \s+ criteria
                                                 \s+ and \s+ (?: were | was ) \s+ (?&enrolled) ) \b
                   | \s+ (?: (?&people) \s+ )? (?i: randomly \s+ (?: received | underwent | got ) ) \b
                   | \s+ (?: (?: [\w-]+ \s+ ){0,2}? (?&people) \s+ )? (?i: participated | took \s+ part ) \s+ in \s+ (?: the | this | our ) \s+ (?i: study | trial ) \b
                   | \s+ (?: (?&people) \s+ )? (?i: randomi[sz]ed | enrolled | included | analy[sz]ed | allocated | assigned | recruited ) \b
                     (?! \s+ (?: to \s+ )? (?: \d | per | in \s+ a ) )
                     (?! \s+ (?i: trials? | studies | controlled | more | fewer | over | at \s+ least ) \b ) )

# A count whose verb puts its people into the trial: "Twenty patients
# were randomized", "45 were included", "Twenty-four hospitalized patients
# with COVID-19 ARDS were randomized", "83 excluded; 48 randomized".
pattern count-enrolled
    type sample_size
    from _count
    prefilter random enrol includ analy allocat assign recruit treated studied assessable evaluable particip took
    priority 8
    require after 140 ^ (?&enrolledafter)
    forbid before 20 (?&count) \s+ (?i: of | in ) \s+ (?: the \s+ )? $
    forbid before 12 (?i: phase | stage | grade | type ) \s* $
    forbid clause (?&otherrole)
    set scope total
    example Twenty patients were randomized => value=20 scope=total
    example 47 patients were randomised => value=47
    example 45 were included => value=45
    example Forty-one patients were enrolled => value=41
    example Twenty-four hospitalized patients with COVID-19 ARDS were randomized 1:1 => value=24
    example Two hundred and thirty adults with sepsis were enrolled => value=230
    example 83 excluded; 48 randomized. => value=48
    example Of the 300 children first enrolled, 212 (70.7%) enrolled in the extension study => value=212
    example Of these, 1244 (97%) were assessable for the marker => value=1244
    example 1578 patients (491 female, age 66.2 years) were recruited and randomly assigned => value=1578
    negative 312 patients were screened and none were randomly assigned
    negative adults admitted from 2011 to 2015 were included
    negative those with a coma score ≤ 8 were enrolled
    negative we estimated that 30 patients per group would be needed to detect a 20% difference
    negative 14 days of age were randomised
    negative Two infusions were given
    negative a phase 2 randomised controlled trial
    negative Kirkham et al. pooled 8 randomized trials
    negative randomly assigned 2:1 to treatment
    example Hence 52, 50 and 49 children in the B12, C30 and D45 arms, respectively, were analysed => value=52
    example Of 90 adults screened, 64 met the inclusion criteria and were randomized => value=64
    example Then 31 and 33 patients in the two groups, respectively, were analysed => value=31 scope=arm
    example Accordingly 26 were enrolled in the VdG and 25 in the CG => value=26 scope=arm
    example In total, 412 women were randomized to the short regimen => value=412 scope=arm
    example In total, 824 women were randomized to one of two regimens => value=824 scope=total
    negative Four adults who were enrolled withdrew consent before the first visit

# "trial of 48 patients", "a cohort of 310 consecutive adults",
# "enrolment of 96 participants", "Among 48 randomized patients",
# "Of the 60 randomised"
pattern group-of-count
    type sample_size
    min-arm-share 0.2
    from _count
    priority 8
    prefilter of among
    prefilter patient participant subject adult child infant neonate volunteer individual case recipient person men nurse student smoker mother pair dyad respondent famil household resident newborn worker athlete survivor girl boy couple enrollee vaccinee pa- randomi enrolled consecutive who
    require before 40 (?i: trial | study | cohort | series | enrol?ment | enrollment | sample | analysis | population | among | \b of ) \s+ (?: (?i: the | a \s+ total \s+ of ) \s+ )? $
    # "with the presence of 15 respondents (50%)", "the stone location of
    # 35 patients": "of" after a word for a share or a trait of people.
    forbid before 40 (?i: \b (?: presence | location | percent | per \s+ cent | proportions? | majority | minority | rates? | incidence | prevalence | history | site ) ) \s+ of \s+ (?: the \s+ )? $
    require after 100 ^ \s+ (?: (?&notunit) (?! \d ) [\w/-]+ \s+ ){0,3}? (?: (?&people) \b | (?i: randomi[sz]ed | enrolled | who ) \b | (?i: consecutive ) \b (?! \s+ (?: [\w-]+ \s+ )? (?&timespan) \b ) )
    forbid before 20 (?: (?&count) | \) ) \s+ (?i: of | in ) \s+ (?: the \s+ )? $
    forbid before 30 (?i: deaths? | died | events? ) \s+ (?i: among | in ) \s+ (?: the \s+ )? $
    # (the lookahead for the words' first letters spares the UCP \b at
    # every other character of the window)
    forbid after 100 ^ [^.;,]*? (?i: (?= [dswhf] ) (?: \b died | \b dead | \b deaths? | survived | were \s+ alive | had \b | developed | screened | failed | harbou?red | demonstrated ) )
    forbid clause (?&otherrole)
    # "Out of 178 eligible patients", "Among 47 older adults assessed at
    # baseline": the pool before enrolment.
    forbid after 60 ^ \s+ (?: [\w-]+ \s+ ){0,3}? (?i: eligible | ineligible | screened | assessed | approached | invited ) \b
    # "data of 2 similar randomized studies": trials, not people.
    forbid after 60 ^ \s+ (?: (?! (?&people) \b ) [\w-]+ ,? \s+ ){0,4}? (?i: trials | studies | RCTs ) \b
    set scope total
    negative Data from the first 14 days of 2 similar randomized, double-blind studies were pooled
    example In this randomized clinical trial of 48 patients (24 per group) => value=48
    example we reviewed a cohort of 310 consecutive adults => value=310
    example the planned enrolment of 96 participants => value=96
    example Among 48 randomized patients (mean age 61) => value=48
    example Of the 60 randomised, 57 were analysed => value=60
    negative over a period of three consecutive winter seasons, adults were randomized
    negative 4 of the 20 controls survived
    negative four of 20 patients died
    negative Bleeding was more frequent with the presence of 15 respondents (50%) in the tea group
    negative Out of 178 eligible patients from one practice, 55 took part
    negative Of the 17 patients who harboured resistant parasites, 12 relapsed

# "24-patient study"
pattern count-hyphen-people
    type sample_size
    min-arm-share 0.2
    from _count
    priority 8
    prefilter patient participant subject
    require after 20 ^ - (?i: patient | participant | subject | person ) \b
    forbid clause (?&otherrole)
    set scope total
    example an earlier 24-patient study => value=24

# "(n 24)", "(n = 24)": a size in brackets after a label that names
# neither an arm nor the trial is a subgroup's (roles above decide).
pattern n-paren
    type sample_size
    min-arm-share 0.2
    from _n
    priority 11
    require before 3 \( \s* $
    require after 3 ^ \s* [,;)]
    forbid clause (?&otherrole)
    unless before 16 (?i: \b (?: groups? | arms? | cohorts? ) ) \s* \( \s* $
    # "39.0% (n = 231) with wheeze", "49.5% (n = 293) reported": the count
    # behind a percentage of people, with what they had or did.
    forbid after 40 (?&sharetail)
    unless before 6 (?<! % ) (?<! % \s ) [(\[] \s* $
    # "dyspepsia (n = 1), nausea (n = 1), pyrexia (n = 1)": an item of a
    # breakdown (see nbreakafter).
    forbid after 160 (?&nbreakafter)
    unless before 40 (?&armlabeled)
    forbid before 160 (?&nbreakbefore)
    unless before 40 (?&armlabeled)
    set scope subgroup
    example the MSC group (n 24) was received => value=24
    negative A sensitivity analysis excluding patients treated with warfarin at baseline (n = 97) gave the same result
    negative In the week before, 41.2% (n = 250) of the participants had a cough and 30.1% (n = 183) reported wheeze
    negative the commonest complaints in the treated group were nausea (n = 2), rash (n = 1), headache (n = 1) and fatigue (n = 1)
    example patients were randomized to low dose (n = 21), high dose (n = 20) or placebo (n = 22) => value=22
    example two arms of equal size (n = 45/group) were compared => value=45 scope=arm
    example the women were randomly split into four groups (n=25) => value=25 scope=arm

# "The high-dose group (40 subjects)", "the control arm (38 patients)": an
# arm's size, written with its people in brackets after the arm.
pattern group-paren-people
    type sample_size
    min-arm-share 0.2
    from _count
    prefilter group arm cohort
    priority 11
    require before 3 \( \s* $
    require before 40 (?i: \b (?: groups? | arms? | cohorts? ) ) \s* \( \s* $
    require after 40 ^ \s+ (?&people) \s* \)
    # The group's size, whatever the group had ("The hyperosmolar group (50
    # subjects) had a higher variability"); not people who left or died.
    forbid after 80 ^ [^.;]*? (?i: \b (?: died | deaths? | withdrew | withdrawn | excluded | lost | dropped ) \b )
    set scope arm
    example The high-dose group (40 subjects) and the low-dose group (38 subjects) were compared. => value=38 scope=arm
    example The hyperosmolar group (50 subjects) had a higher variability in K readings. => value=50 scope=arm
    negative in the MSC group (two patients) withdrew

# CONSORT-style labels: "Randomised: 60", "Allocated to MSC: 30",
# "Analysed: MSC 28, placebo 29"
pattern consort-label
    type sample_size
    priority 10
    prefilter random allocat analy enrol includ
    regex (?i: randomi[sz]ed | enrolled | included | analy[sz]ed | allocated \s+ to \s+ (?<group> [\p{L}][\w-]* (?: \s [\p{L}][\w-]* )? ) ) \s* : \s*
    regex (?: (?<group> [\p{L}][\w-]* ) \s+ )? \K (?<value> (?&integer) ) \b
    set scope total
    example Randomised: 60 Allocated to MSC: 30 => value=60
    example Allocated to placebo: 30 (all received placebo) => value=30 group=placebo
    example Analysed: MSC 28, placebo 29 => value=28

# "(MSC 414, control 367)", "Analysed: MSC 28, placebo 29": arm name, then
# its count.
pattern arm-list-named-first
    type sample_size
    min-arm-share 0.2
    prefilter 0 1 2 3 4 5 6 7 8 9
    # words the sentence rule cannot match without (none with s or k:
    # (?i) also matches them as U+017F and U+212A)
    prefilter random igned allocated included enrolled analy participant
    priority 9
    regex (?: \( | , \s+ | (?<! \d ) , | ; \s* )
    regex (?! (?i: figure | figs? | table | tables | appendix | supplement\w* | refs? | reference | days? | weeks? | months? | version | phase | step | ratio | model | and | or
    regex          | time | times | block | postblock | preblock | period | session | cycle | round | wave | stage | grade | level | question | item | visit ) \b )
    # "control 367", or a label and a semicolon: "(short course; 667)",
    # "(standard course; 769 women)"
    regex (?| (?! [a-z]{2,}ed \s ) (?<group> [\p{L}][\w+-]* ) \s+ \K (?<value> (?&integer) ) (?! [.,·]?\d | \s* % ) (?= \s* [,;)] | \s* $ )
    regex   | (?<group> [\p{L}][\w+-]* (?: \s [\p{L}][\w+-]* )? ) \s* ; \s+ \K (?<value> (?&integer) ) (?! [.,·]?\d | \s* % )
    regex     (?= (?: \s+ (?&people) )? \s* [,;)] | \s* $ ) )
    require sentence (?i: randomi[sz] | assigned | allocated | included | enrolled | analysis | analy[sz]ed | participants )
    forbid before 40 (?i: lost | follow-up | withdrew | died | deaths? | age | years? ) [^()]* $
    set scope arm
    negative over six months the randomized participants received 2.6 home visits (offered 3) and 4.0 group sessions (offered 6)
    negative participants held the pose as long as possible (Time 1) and were then randomized to a condition and repeated it (Time 2)
    example The 13 trials randomized 781 participants (MSC 414, control 367); => value=367 group=control
    example In all 1,210 men were randomized to a long regimen (long regimen; 604 men) or a short one (short regimen; 606) => value=606 group="short regimen"

# Arm sizes as label-count pairs in brackets after a count of people:
# "73 participants commenced the therapy (CVVH, 35; CVVHD, 38)", "233
# patients completed the SDMT (early 141, delayed 92)", "were enrolled
# (early: 167 [57.2%]; delayed: 111 [63.1%])".  Two pairs at least; the
# label is a name, not a covariate ("age 45, BMI 30").
define pairlabel (?! (?i: figure | figs? | table | tables | appendix | supplement\w* | refs? | references? | days? | weeks?
                        | months? | years? | version | phase | step | ratio | model | and | or | n | p | age | aged
                        | range | median | mean | min | max | iqr | sd | bmi | weight | height | score | visits? | time
                        | times | period | session | cycle | stage | grade | level | dose | ci | hr | or | rr
                        | males? | females? | men | women | boys | girls ) \b )
                 [\p{L}][\w+-]* (?: \s [\p{L}][\w+-]* )?
define pairshare (?: \s* [\[(] [^\[\]()]{1,30} [\])] )?
# A note in brackets after a label ("ginger [zintoma] = 24").
define pairnote  \s* [\[(] [^\[\]()=\d]{1,20} [\])]
define pairitem  (?&pairlabel) (?&pairnote)? (?: \s* [,:=] \s* | \s+ ) \d[\d,]* (?! [.·]\d | \s* % ) (?&pairshare)

pattern arm-pairs
    type sample_size
    min-arm-share 0.2
    prefilter 0 1 2 3 4 5 6 7 8 9
    priority 9
    regex (?: \( | ; \s* | , \s* ) (?<group> (?&pairlabel) ) (?&pairnote)? (?: \s* [,:=] \s* | \s+ ) \K (?<value> (?&integer) ) (?! [.,·]?\d | \s* % )
    regex (?= (?&pairshare) \s* [;,)] )
    require before 260 (?&people) \b (?: [^()] | \( [^()]{0,60} \) ){0,160}? \( (?: (?&pairitem) \s* [;,] \s* )* (?&pairlabel) (?&pairnote)? (?: \s* [,:=] \s* | \s+ ) $
    require sentence \( (?&pairitem) (?: \s* [;,] \s* (?&pairitem) )+ \s* \)
    forbid clause (?&otherrole)
    set scope arm
    example In total, 73 participants commenced the therapy to which they were randomized (CVVH, 35; CVVHD, 38); these contributed => value=35 group=CVVH
    example In total, 73 participants commenced the therapy to which they were randomized (CVVH, 35; CVVHD, 38); these contributed => value=38 group=CVVHD
    example Two hundred thirty-three patients completed the SDMT (early 141, delayed 92). => value=92 group=delayed scope=arm
    example 278 of the original 468 patients were enrolled (early: 167 [57.2%]; delayed: 111 [63.1%]). => value=111 group=delayed
    negative Characteristics of the patients (age 45, BMI 30).
    negative Ten patients died (sepsis, 6; bleeding, 4).
    example 97 women (vitamin B6 = 35, placebo = 28, ginger [zintoma] =24) were included in the study. => value=24 group=ginger
    negative the cohort of patients (male = 35, female = 25) was described

# The people a study verb was carried out in: "the safety of X was
# assessed in 65 patients with HFrEF", "X was compared with placebo in
# 392 patients".  Not an event's people ("occurred in 4 patients": an
# event verb is no study verb).
pattern studied-in
    type sample_size
    min-arm-share 0.2
    from _count
    prefilter assessed evaluated compared studied investigated tested examined explored
    priority 6
    require before 140 (?i: \b (?: assessed | evaluated | compared | studied | investigated | tested | examined | explored ) \b ) (?: [^,;:()] | \( [^()]{0,40} \) ){0,110}? \s (?i: in ) \s+ $
    require after 100 ^ \s+ (?&countedpeople)
    forbid clause (?&otherrole)
    forbid after 100 ^ \s+ (?&countedpeople) [^.;,]*? (?i: \b died | \b dead | \b deaths? )
    # "two in five controls": a ratio.
    forbid before 20 (?&count) \s+ (?i: in ) \s+ $
    set scope total
    example In part A, the safety and tolerability of oral X was assessed in 65 patients with HFrEF and mild CKD. => value=65
    example X was compared with placebo and open-label spironolactone (25 or 50 mg/day) in 392 patients with HFrEF. => value=392
    negative Nausea occurred in 4 patients.
    negative Bleeding was assessed in 4 patients who died.
