# Mentions: every quantity of a sentence, found once.
#
# A pattern whose type starts with `_` and that another pattern reads with
# `from` makes *mentions*: they are found first in each sentence, before
# any value pattern, and are never written out.  A value type then decides
# which mentions it takes by their role in the clause (`from _count` plus
# `require` / `forbid` context rules), instead of re-reading the digits
# with a regex of its own.  So a new way of writing a number is taught
# here, once, and every role that reads the mention knows it; a new role
# (a verb of enrolment, a head noun) is a word in a role's list.
#
# `patterns test` checks a mention's examples like any other pattern's.

# A word that labels or dates the number after it: "group 1", "arm 2",
# "day 28", "week 12", "Table 3", "phase 2" (that number is no count).
define labelword (?i: \b (?: groups? | arms? | cohort | phase | stage | grade | type | days? | weeks? | month | visit | step | level | class | period | table | figure | fig \. ) )

# A count: a whole number, in digits (1,200; 1 200) or words ("Two hundred
# and thirty", "Forty-four"), not a decimal, not a percentage, not inside
# a word, a ratio (2:1) or a name (COVID-19), not a range's first end.
pattern count
    type _count
    prefilter 0 1 2 3 4 5 6 7 8 9
    regex (?&cstart) (?<value> (?&integer) (?! [.,·]\d | (?&pct) | \d ) ) (?! [\p{L}\p{N}] | [-:/] \d )
    # A number right after a word that labels it is no count.
    forbid before 8 (?&labelword) \s $
    # A citation: "[9]", "[9, 10]", "[9–11]" (a count in square brackets
    # is written "[n = 9]").
    forbid before 16 \[ [\d\s,–-]* $
    unless after 16 ^ [\d\s,–-]* (?! [\d\s,–\]-] | $ )
    example 120 patients were randomized => value=120
    example of 1,250 women => value=1250
    negative COVID-19 patients
    negative as reported [12] and [13, 14] and [15–17]
    example deaths [8 patients] => value=8
    negative in group 1
    negative on day 28
    negative a ratio of 2:1
    negative 12.5 mg
    negative 45% of participants

# The same in words; its own pattern, so that the sentences without a
# digit that it must scan are only those with a number word.
pattern count-words
    type _count
    prefilter one two three four five six seven eight nine ten eleven twelve thirteen fifteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
    regex (?&cstart) (?<value> (?&numword) (?! (?&pct) ) ) (?! [\p{L}\p{N}] | [-:/] \d )
    # "group one": a label, as for digits.
    forbid before 8 (?&labelword) \s $
    example Two hundred and thirty adults => value=230
    example Four-hundred forty-three participants => value=443
    example Forty‐four patients => value=44
    negative Sixty percent of the patients

# A percentage: "46.1%", "35 per cent", "Sixty percent", a range "36.4 to
# 87%" or "between 20% and 30%", and the first of a pair that shares one
# sign ("91 vs 42%", "71.5 and 52.0 %, respectively"); not a confidence
# level ("95% CI") nor a year.
pattern percent
    type _pct
    prefilter % percent cent
    prefilter 0 1 2 3 4 5 6 7 8 9
    regex (?<! [\d.,·−-] ) (?! (?: 19 | 20 ) \d\d \b )
    regex (?: (?<value> (?&decimal) ) \s* (?: – | - | to ) \s* (?<value_high> (?&decimal) ) (?&pct) (?&notci)
    regex   | (?<value> (?&decimal) ) (?&pctafter) )
    example a mortality rate of 46.1% => value=46.1
    example ranging from 36.4 to 87% => value=36.4 value_high=87
    example 91 vs 42% => value=91
    example rates of 71.5 and 52.0 %, respectively => value=71.5
    example died: 10 and 40% in the MSC and placebo groups, respectively => value=10
    example scored 10 and 40% of them were women => value=40
    negative the 95% CI was wide
    negative a fall of −5%

# The same between words: "between 20% and 30%", "Sixty percent" (their
# own patterns, so the letters they start with are scanned only where
# their words stand).
pattern percent-between
    type _pct
    prefilter between
    prefilter %
    regex (?i: \b between ) \s+ (?<value> (?&decimal) ) (?&pct) \s+ and \s+ (?<value_high> (?&decimal) ) (?&pct)
    example between 20% and 30% of them => value=20 value_high=30

pattern percent-words
    type _pct
    prefilter percent cent
    regex (?<value> (?&numword) ) \s+ (?i: percent | per \s+ cent ) \b
    example Sixty percent of the patients => value=60

# A size written with n: "n = 12", "N=20", "(n = 10 per group)", "(n 24)".
pattern n
    type _n
    prefilter n
    # and what both forms need: a digit, and "=" or "("
    prefilter 0 1 2 3 4 5 6 7 8 9
    prefilter = (
    regex (?<! [\p{L}\p{N}] ) [nN] \s* = \s* (?<value> (?&integer) ) (?! [.,·]?\d | \s* % )
    regex | (?<= \( ) [\h\v]* [nN] \s* :? \s* (?<value> (?&integer) ) (?= \s* [,;)] )
    example (n = 12) => value=12
    example the MSC group (n 24) was => value=24
    example n = 2,927 => value=2927
    negative n = 0.5
    negative PaO2 n=3.4
    negative n = 40%
