# Shared building blocks for every pattern file.
#
# Each `define NAME REGEX` becomes a named subpattern that any regex, in
# any pattern file, can call as (?&NAME).  A new way of writing a number is
# added here once and every pattern understands it.  Definitions may call
# each other.  Like all regexes in pattern files they are PCRE2 in
# extended mode: white space is ignored and # starts a comment.

# Horizontal and vertical white space, bounded so a pattern never scans
# far for it.  (OCR text keeps line breaks inside sentences.)
define sp        \s{0,3}

# An unsigned integer: 1200, 1,200, 1 200 (thin and no-break spaces too).
define integer   \d{1,3} (?: [,\x{00A0}\x{2009}\x{202F}\ ] \d{3} )+ (?!\d)
                 | \d+

# A decimal: 0.03, .03, and the Lancet middle dot 0·03.
define decimal   (?&integer) (?: [.\x{00B7}] \d+ )?
                 | [.\x{00B7}] \d+

# A minus sign in any of its disguises: hyphen-minus, U+2212, en dash.
define minus     [-\x{2212}\x{2013}]

# A power of ten: 10^6, 10^-5, 10 ^ 6, 10(6), 10(-4).
define power10   10 (?&sp) (?: \^ (?&sp) (?&minus)?+ (?&sp) \d{1,3}
                              | \( (?&sp) (?&minus)?+ \d{1,3} (?&sp) \) )

# A multiplication sign between a mantissa and a power of ten.
define times     (?&sp) [x\x{00D7}X*\x{00B7}\x{22C5}] (?&sp)

# A number in scientific notation or not: 1.5x10^7, 1 × 10^-5, 1e6,
# 10^6, 0.03.
define scinum    (?&power10)
                 | (?&decimal) (?: (?&times) (?&power10) | [eE] [-+]? \d{1,3} )?

# A comparison sign as p-values use it.
define cmp       <= | >= | =< | => | \x{2264} | \x{2265} | \x{2A7D} | \x{2A7E}
                 | \x{2266} | \x{2267} | < | > | =

# Canonical comparators (the record's `comparator` field).
# A scope captured as the words that say it ("per arm", "in each group").
map scope (?i) (?: per | each | in \s+ each ) .*  => arm

map comparator \x{2264} | \x{2A7D} | \x{2266} | =<  => <=
map comparator \x{2265} | \x{2A7E} | \x{2267} | =>  => >=
# A comparison in words ("P less than 0.05", "P values more than 0.05").
map comparator (?i) (?: less | lower | smaller ) \s+ than | below | under  => <
map comparator (?i) (?: more | greater | higher ) \s+ than | above | over | exceeding  => >
map comparator (?i) (?: less | lower | smaller ) \s+ than \s+ or \s+ equal \s+ to  => <=

# Counts written as words: "twelve", "Twenty-four", "forty five",
# "One hundred nine", "Two hundred and thirty", "Four-hundred forty-three",
# "two thousand three hundred".  The number reader reads the same grammar.
define num1to9   (?i: one | two | three | four | five | six | seven | eight | nine )
define num99     (?i) (?: twenty | thirty | forty | fifty | sixty | seventy | eighty
                     | ninety ) (?: [-\ ] (?&num1to9) (?! \p{L} ) )?
                 | eleven | twelve | thirteen | fourteen | fifteen | sixteen
                 | seventeen | eighteen | nineteen | ten | (?&num1to9)
define num999    (?i) (?&num1to9) [-\ ] hundred (?: [-\ ] (?: and \  )? (?&num99) (?! \p{L} ) )?
                 | (?&num99)
define numword   (?<! \p{L} ) (?i: (?&num999) (?: [-\ ] thousand
                         (?: ,? \  (?: and \  )? (?&num999) (?! \p{L} ) )? )? )
                 (?! [\p{L}-] )

# A count: digits (not a decimal, not a percentage: "Sixty percent of
# the patients" counts no one) or words.
define count     (?&integer) (?! [.,·]\d | (?&pct) | \d )
                 | (?&numword) (?! (?&pct) )

# Where a count may start: not inside a word, a number, a ratio (2:1), a
# name (COVID-19) or at a range's far end (days 39–41).
define cstart    (?<! [\p{L}\p{N}.,:/^\x{00B7}\x{2013}-] )

# People counted in trials.
define people    (?i: patients? | participants? | subjects? | adults? | children | infants? | neonates?
                     | volunteers? | individuals? | cases? | recipients? | persons? | men | women | pa-
                     | students? | (?: non- ? )? smokers? | mothers? | girls? | boys? | respondents?
                     | survivors? | athletes? | workers? | nurses? | outpatients? | inpatients?
                     | couples? | families | households? | residents? | pregnant \s+ women | newborns?
                     | pairs? | dyads? | enrollees? | vaccinees? )

# The percent sign, allowing a space before it, or the word.
define pct       \s* % | \s+ (?i: percent | per \s+ cent ) \b

# Not a confidence level: "95% CI", "95% confidence interval".
define notci     (?! \s* (?: CI | CrI | UI | confidence | credible | uncertainty ) \b )

# Time points: "28-day", "day 28", "60 days", "in-hospital", "ICU"; a
# captured (?<timepoint> ...) is made canonical by these maps.
# A time point's number in words ("Thirty-day mortality", "six-month
# survival"); each has its map line below.
define tpword    (?i: one | two | three | four | five | six | seven | eight | nine | ten
                     | twelve | fourteen | eighteen | twenty [-\s]? (?: one | four | eight )
                     | twenty | thirty | sixty | ninety )
define timeword  (?i: \d{1,3} [-\s] (?:day|week|month|year) s?
                     | (?:day|week|month) [\s-]* \d{1,3}
                     | (?&tpword) [-\s] (?:day|week|month|year) s?
                     | (?: hospital | ICU ) \s+ D/C
                     | (?: hospital \s+ )? discharge
                     | in-hospital | hospital | ICU | overall (?! \s+ survival ) )

map timepoint (?i) (\d+) [-\s] days?  => $1-day
map timepoint (?i) day [\s-]* (\d+)  => $1-day
map timepoint (?i) (\d+) [-\s] weeks?  => $1-week
map timepoint (?i) week [\s-]* (\d+)  => $1-week
map timepoint (?i) (\d+) [-\s] months?  => $1-month
map timepoint (?i) month [\s-]* (\d+)  => $1-month
map timepoint (?i) (\d+) [-\s] years?  => $1-year
map timepoint (?i) hospital \s+ D/C  => in-hospital
map timepoint (?i) ICU \s+ D/C  => ICU
map timepoint (?i) hospital  => in-hospital
map timepoint (?i) (?: hospital \s+ )? discharge  => in-hospital
map timepoint (?i) one [-\s] (day|week|month|year) s?  => 1-$1
map timepoint (?i) two [-\s] (day|week|month|year) s?  => 2-$1
map timepoint (?i) three [-\s] (day|week|month|year) s?  => 3-$1
map timepoint (?i) four [-\s] (day|week|month|year) s?  => 4-$1
map timepoint (?i) five [-\s] (day|week|month|year) s?  => 5-$1
map timepoint (?i) six [-\s] (day|week|month|year) s?  => 6-$1
map timepoint (?i) ten [-\s] (day|week|month|year) s?  => 10-$1
map timepoint (?i) seven [-\s] (day|week|month|year) s?  => 7-$1
map timepoint (?i) eight [-\s] (day|week|month|year) s?  => 8-$1
map timepoint (?i) nine [-\s] (day|week|month|year) s?  => 9-$1
map timepoint (?i) twelve [-\s] (day|week|month|year) s?  => 12-$1
map timepoint (?i) fourteen [-\s] (day|week|month|year) s?  => 14-$1
map timepoint (?i) eighteen [-\s] (day|week|month|year) s?  => 18-$1
map timepoint (?i) twenty [-\s]? one [-\s] (day|week|month|year) s?  => 21-$1
map timepoint (?i) twenty [-\s]? four [-\s] (day|week|month|year) s?  => 24-$1
map timepoint (?i) twenty [-\s]? eight [-\s] (day|week|month|year) s?  => 28-$1
map timepoint (?i) twenty [-\s] (day|week|month|year) s?  => 20-$1
map timepoint (?i) thirty [-\s] (day|week|month|year) s?  => 30-$1
map timepoint (?i) sixty [-\s] (day|week|month|year) s?  => 60-$1
map timepoint (?i) ninety [-\s] (day|week|month|year) s?  => 90-$1
map timepoint (?i) in-hospital  => in-hospital
map timepoint (?i) icu  => ICU
map timepoint (?i) overall  => overall

# A character of the same clause or sentence, for windows that must not
# run past one.  Windows never leave the sentence (the splitter decides
# where it ends), so a full stop inside one is a decimal point ("(8.0%)")
# or an abbreviation ("vs."), never an end: only a semicolon parts clauses.
define inclause  [^;]
define insentence (?s: . )

# Where a clause ends inside a sentence, for the `clause`, `clause-before`
# and `clause-after` context rules.  A decimal point never ends one (it is
# not in this list), nor does anything inside brackets: trialmine blanks a
# bracketed group out of a clause unless the value is inside it.  A
# relative clause is a clause of its own: in "the 22 patients who needed
# vasopressors", needing them is not what the count counts (unless the
# clause's own verb follows: see clauseaside).  "respectively" ends one,
# except before the verb its list shares ("48, 48 and 47 patients in the
# three groups, respectively, were included").  A branch that starts with
# white space writes it [\h\v], exactly the characters of \s (with UCP, in
# PCRE2 10.42): for \s PCRE2 finds no first characters, and the regex of
# clausebreak, clauseaside and listbreak was tried at every character of
# every sentence (four times the instructions).
define clausebreak  ; | (?<! \d ) : (?! \d )
                    | [\h\v] (?i: vs\.? | versus | whereas | while | but
                          | respectively (?! \s* ,? \s* (?: were | was | had | have ) \s )
                          | compared \s+ (?: with | to ) | as \s+ compared \s+ (?: with | to ) ) \b
                    | , \s+ (?i: and | or | while | whereas | but | which | who | of \s+ whom
                                | of \s+ which | among \s+ whom | including ) \b
                    | [\h\v] (?= (?i: who | whom | which ) \s )
                    | , \s+ (?i: so | thus | therefore | hence | leaving | resulting \s+ in ) \b
                    | , \s+ (?= (?i: there | we | they | he | she | it | this | these | those ) \s )
                    | [\h\v] (?i: and ) \s+ (?= (?i: found | showed | reported | observed | noted | saw | had | was | were
                                              | did | concluded | suggested ) \b )

# An aside: a relative clause set off by commas inside a clause, which the
# clause's verb follows ("323 subjects, 169 of whom received the drug,
# reported a side effect"; "the 40 patients, who were randomized,
# completed the trial"; "three who were randomized withdrew").  It is set apart like a bracketed group: the
# count before it is judged with the verb after it, and a value inside it
# sees the clause around it.
define clauseaside  , \s+ (?: (?&count) \s+ (?: \( [^()]{1,20} \) \s+ )? )? (?i: of \s+ whom | of \s+ which | who | which )
                    \s [^,;:()\[\]]{1,100}? , (?= \s+ (?: (?i: then | also | subsequently | later | all ) \s+ )?
                    (?i: were | was | had | have | did | [a-z]{3,}ed ) \b )
                  | [\h\v] (?i: who | that ) \s+ (?: (?i: were | was | had | have ) \s+ (?: been \s+ )? )? [a-z]{3,}
                    (?: \s+ [\w-]+ ){0,5}? (?= \s+ (?i: were | was | had | did | withdrew | died | [a-z]{3,}ed ) \b )

# What stands between two members of one list of mentions ("39%, 45%,
# and 34%"; "in six and three patients"), and before its last member (a
# list ends with "and" or "or": "February 2020, seven patients" is none).
# The members share their context, so a role's rules look before the
# list's first member and after its last one.  Only mentions
# (patterns/mentions.pat) form lists.
define listsep      (?&listnote)? (?: \s* , \s* (?: (?i: and | or ) \s+ )? | \s+ (?i: and | or ) \s+ )
define listlast     (?&listnote)? \s* ,? \s+ (?i: and | or ) \s+
# A member's short note in brackets before the separator: "45 (37%) and
# 47 (39%)", "12 (n = 3), 14 (n = 4) and 9".
define listnote     \s* \( [^()]{1,24} \)

# Where a list of counts parts: "20 were excluded, 40 were lost and 100
# were randomized".  A member without a verb of its own shares the next
# member's ("Four patients of one group and one of the other felt dizzy":
# both felt dizzy), so such a break is dropped: a list break ends a clause
# only when the text since the last break has a `clauseverb`.
define listbreak    , \s+ (?= \d | (?&numword) )
                    | [\h\v] (?i: and | or ) \s+ (?= (?: (?i: the | a ) \s+ )? (?: \d | (?&numword) ) )
# (An opening phrase, "In a cohort of thirty, ...", "After exclusions, ...",
# ends at its comma like a clause.)
define clauseverb   (?i: \b (?: were | was | is | are | had | has | have | did | died | felt | received | underwent
                                | occurred | developed | experienced | required | needed | withdrew | survived
                                | completed | comprised | included
                                | [a-z]{3,}ed (?! \s+ (?: (?&people) | controls? | groups? | arms? ) \b ) ) \b
                        | ^ \s* (?: in | of | among | after | at | by | from | during | within | across | for
                                  | with | over | before | until | since | between ) \b )

# Units a dose is given in, and what they may be per (kg, m², day, hour).
# A concentration (mg/dL, IU/mL, mmol/L) is not among them.
define doseunit  (?: (?: I?U | mg | m[lL] | [µμ]g | g | mcg | CFU | (?i: grams? | milligrams? | micrograms? | units? ) )
                     (?: \s* / \s* (?: kg (?: \s* / \s* (?: h | hr | hour | min | d | day ) )? | m (?: \^? 2 | \( 2 \) | ² ) | d(?:ay)? | h )
                       | \s+ per \s+ (?: day | kg | kilogram ) )?
                 # a radiation dose; an amount of an electrolyte, never per
                 # something (mmol/L, mmol/kg are concentrations)
                   | Gy | (?: mmol | mEq ) (?! \s* / ) )

# Words of giving a treatment, of a trial's arms, and a drug's name (by the
# endings of generic names); words of measuring something in patients.
define dosing    (?i: dose | doses | dosed | dosing | given | administ | receiv | infus | bolus | inject | loading
                     | mainten | daily | once | twice | every | orally | oral | intraven | subcutan | heparin
                     | anticoag | treated \s+ with | regimen | maximum | supplement | capsules? | tablets?
                     | inhal | premedicat | induction | per \s+ day | /day )
define armword   (?i: \b groups? \b | \b arms? \b | allocat | assign | randomi[sz] | placebo | \bversus\b | \bvs\b
                     | switched | compared )
define drugname  (?i: \b [a-z]{3,}+ (?<= ine | ol | one | ide | ate | in | an | il | am | mab | nib | pril | sartan
                     | statin | cillin | mycin | micin | oxacin | azole | tron | pam | lam | done | fen | xib
                     | parin | mat | ler | zole ) (?! [\w-] ) )
define measured  (?i: \b (?: intake | consumption | content | excretion | serum | plasma | levels? | concentrations?
                     | rose | fell | increased \s+ by | decreased \s+ by | reduced \s+ by | changes? | loss | lost
                     | output | air | drawn | centrifug\w* ) \b )
# The same, only right before the value ("less overt bleeding (317 mL
# vs. 615 mL)", "infants gained 29.7 grams/day", "a volume of 150 mL"):
# anywhere in the clause they would also take the doses of results
# sentences ("Differences ... were -0.30% for canagliflozin 100 mg").
define measuredjust (?i: \b (?: bleeding | blood \s+ loss | gain\w* | consumed | FEV1 | FVC | volumes? | differences? | improvement ) \b )
                    [^.;,\d]{0,25}? (?: \s (?i: of | was | were | by | in ) )? \s* [(=:]? \s*
                    (?: (?&decimal) \s* [^\s\d]{1,8} \s* (?i: vs\.? | versus | and | or ) \s+ )? $
