# OCR and PDF-extraction repairs.  Each `repair` rewrites the normalized
# text that patterns see; the raw text and every offset stay as they were,
# and each repair is listed (with `trialmine normalize --repairs`, and in
# the `repairs` field of a record whose surface it touches).  A repair
# that changes a number's value carries a `check`: the number it would
# produce must be plausible for its unit, or the text is left alone and
# the refusal counted.  Examples run the whole normalization.
#
#   repair NAME
#       stage raw|text        raw: before lines are joined (page furniture)
#       class layout|repair   layout repairs are not listed on records
#       regex REGEX           what to replace (\K and lookarounds for context)
#       replace TEMPLATE      PCRE2 replacement: $1, ${name}; empty deletes;
#                             "double quotes" keep spaces at the ends
#       check MIN MAX TEMPLATE
#       prefilter WORD...     look only near these words (64 bytes around
#                             each; case-sensitive): fast on long texts
#       example RAW => NORMALIZED      (\n is a line break)
#       negative RAW

# Words that name cells after a dose: "cells", "MSCs", "UCB-MSCs", ...
define cellword  (?: cells? | (?: [A-Za-z]{1,5} - )? MSCs? | stem\ cells
                   | (?: [A-Za-z]{1,5} - )? derived | MAPCs?
                   | (?: [\w-]+ \s+ )? (?: particles | nanovesicles | vesicles | exosomes ) )

# ---------------------------------------------------------------- raw --

repair page-number-line
    stage raw
    class layout
    prefilter Page PAGE page
    regex (?mi) ^ \h* page \h+ \d{1,4} (?: \h+ of \h+ \d{1,4} )? \h* (?: \n | \z )
    replace
    example of mor-\nPage 7 of 10\nbidity => of morbidity
    negative page 7 of the protocol

# --------------------------------------------------------------- text --

# "P=O.04", "1O0": a capital O inside a number.
repair ocr-O-for-0
    repeat
    regex O (?: (?<! [\p{L}\p{N}] O ) (?= [.·] \d )
    regex     | (?<= \d O | \d O O | \d O O O ) (?<! [A-Z] \d O ) (?= [O\d]* (?! [\p{L}] ) )
    regex     | (?<= \d [.·] O | [.·] O ) (?= [\d]* (?! [\p{L}] ) ) (?<= \d [.·] O | [.·] O (?= \d ) )
    regex     | (?<= ^ [lI] O | [^\p{L}] [lI] O ) (?= [O\d]* (?! [\p{L}] ) )
    regex     | (?<= [<>=≤≥] O | [<>=≤≥] \h O ) (?= [.·] [O\d] )
    regex     | (?<= \d [.·] O | \d [.·] O O | \d [.·] O O O ) (?= [O\dl]* [\dl] (?! [\p{L}] ) ) 
    regex     | (?<= \( O ) (?= \h* / \h* [\dlO] ) )
    replace 0
    example (P=O.04) => (P=0.04)
    example P<O.OO1 => P<0.001
    example (P<O.OOl) => (P<0.001)
    example 1OO patients (n=2O) and 44O more => 100 patients (n=20) and 440 more
    example 4 (2O.O) and O.O9 => 4 (20.0) and 0.09
    example lO (25.O) => 10 (25.0)
    example no deaths in the MSC arm (O/65) => no deaths in the MSC arm (0/65)
    negative OECD countries
    negative maintained with 66% N2O in O2; H2O losses

# "9l%", "l2 patients", "0.6l;", "(1/l2)": a lower-case l (or capital I)
# inside a number.
repair ocr-l-for-1
    regex (?! I 2 \h* [=:<>≤≥] ) [lI] (?: (?<! [\p{L}\p{N}] . ) (?= \d ) | (?<= \d . ) (?! [\p{L}\p{N}] ) | (?<= \d [.·] . ) | (?<= \d . ) (?= \d ) | (?<= \( . ) (?= \h* / \h* \d ) )
    replace 1
    example survival was 9l% and l2 patients (1/l2) => survival was 91% and 12 patients (1/12)
    example P = 0·2l6 => P = 0.216
    example one in the placebo arm (l/35, 2.9%) => one in the placebo arm (1/35, 2.9%)
    negative heterogeneity was low (I2 = 0%)
    negative IL-6 and I was
    negative type II

repair exponent-minus
    prefilter ^−
    regex \x{2212} (?<= \^ \x{2212} )
    replace -
    example 10^−5 => 10^-5

repair range-dash
    prefilter ‒ — ―
    regex [\x{2012}\x{2014}\x{2015}] (?<= \d . ) (?= \d )
    replace –
    example 36.4—87% => 36.4–87%

# "1x10^6", "2 X 10^7", "1*10(6)", "1x10 ®cells": the multiplication sign.
repair times-sign
    regex [xX*\x{00B7}\x{22C5}] (?<= [\d)] . | [\d)] \h . )
    regex (?= \h? 10 (?: \h* [\^(®°%] | [4-9] (?!\d) | [-\x{2212}] [1-9]\d? (?! \d | [.,] \d ) ) )
    replace ×
    example 1x10^6 cells/kg => 1×10^6 cells/kg
    example 2 X 10^7 and 3*10(5) => 2 × 10^7 and 3×10(5)
    example P = 5.81 x 10-48 => P = 5.81 × 10^-48
    example (100+20)x10^6 cells => (100±20)×10^6 cells
    negative 2 x 10 mg

# "(100+20)×10^6": a ± read as +.
repair pm-as-plus
    prefilter +
    regex \( \h* (?&decimal) \h* \K \+ (?= \h* (?&decimal) \h* \) \h* × \h* 10 )
    replace ±
    example (100 +20)x 10^6 cells => (100 ±20)× 10^6 cells
    negative (100+20) patients

# "1x10%ells/kg": a superscript 6 read as %, eating the c of "cells".
repair ocr-superscript6-ate-c
    prefilter %ells
    regex (?: (?<mv> (?&decimal) ) | \( \h* (?<mv> (?&decimal) ) \h* ± \h* (?&decimal) \h* \) )
    regex \h* × \h* \K 10 \h* % ells \b
    check 1e4 1e12 ${mv}×10^6
    replace 10^6 cells
    example 1x10%ells/kg UCB-MSCs => 1×10^6 cells/kg UCB-MSCs

# "1x10 ®cells/kg", "2x10° cells/kg", "1x10° MSCs/kg": a superscript 6 read
# as ®, ° or %.  Per kilogram, plausible doses are 10^4 to 10^10.
repair ocr-superscript6-per-kg
    prefilter ® ° 10%
    regex (?: (?<mv> (?&decimal) ) | \( \h* (?<mv> (?&decimal) ) \h* ± \h* (?&decimal) \h* \) )
    regex \h* × \h* \K 10 \h* [®°%] \h*+
    regex (?= (?: (?&cellword) \h* )? (?: / | \h per \h ) \h* (?: kg | kilogram ) )
    check 1e4 1e10 ${mv}×10^6
    replace "10^6 "
    example 1x10 ®cells/kg of AT-MSCs => 1×10^6 cells/kg of AT-MSCs
    example a total dose of 2x10° cells/kg => a total dose of 2×10^6 cells/kg
    example of (100 +20)x 10°\ncells/kg each => of (100 ±20)× 10^6 cells/kg each
    negative 0.001x10° cells/kg
    negative 2x10°C/kg

# The same for total cell numbers: plausible up to 10^12 cells.
repair ocr-superscript6-total
    prefilter ® ° 10%
    regex (?: (?<mv> (?&decimal) ) | \( \h* (?<mv> (?&decimal) ) \h* ± \h* (?&decimal) \h* \) )
    regex \h* × \h* \K 10 \h* [®°%] \h*+
    regex (?= (?&cellword) \b )
    check 1e4 1e12 ${mv}×10^6
    replace "10^6 "
    example infusions of (100+20)x10° cells UCB-derived MSCs => infusions of (100±20)×10^6 cells UCB-derived MSCs
    negative 10° cells

# "1 × 106 cells/kg": a superscript lost in extraction, the exponent
# glued to the 10.
repair ocr-glued-exponent
    prefilter ×
    regex (?: (?<mv> (?&decimal) ) | \( \h* (?<mv> (?&decimal) ) \h* ± \h* (?&decimal) \h* \) )
    regex \h* × \h* \K 10 (?<e> [4-9] ) (?! [\d.,] )
    regex (?= \h* (?&cellword) )
    check 1e4 1e13 ${mv}×10^${e}
    replace 10^${e}
    example 1 × 106 cells/kg => 1 × 10^6 cells/kg
    example delivered 2 × 108 exosome particles => delivered 2 × 10^8 exosome particles
    negative 3 × 104 patients

# "1 x 10 6cells/kg": a superscript exponent set apart from its 10 and
# glued to the cell noun.
repair ocr-detached-exponent
    prefilter cell MSC
    regex (?<mv> (?&decimal) ) \h* \K [x×X] \h* 10 \h (?<e> [4-9] ) \h? (?= (?&cellword) )
    check 1e4 1e13 ${mv}×10^${e}
    replace "× 10^${e} "
    example a single dose of 1 x 10 6cells/kg => a single dose of 1 × 10^6 cells/kg
    negative 3 × 10 4 patients

# "1∼10 × 10^7": a tilde between two numbers is a range.
repair range-tilde
    prefilter ∼ ~
    regex [\x{223C}~] (?<= \d . | \d \h . ) (?= \h? \d )
    replace –
    example 1∼10 × 10^7 cells => 1–10 × 10^7 cells
    negative approximately ~10 patients

# "8.0 × 10-2": a negative exponent flattened onto the line.
repair ocr-flat-negative-exponent
    prefilter ×
    regex (?&decimal) \h* × \h* \K 10 (?<e> [-\x{2212}] [1-9]\d? ) (?! \d | [.,] \d )
    replace 10^${e}
    example P = 8.0 × 10-2 => P = 8.0 × 10^-2
    example a P value of 8.0 × 10-2. => a P value of 8.0 × 10^-2.

# "P = 0,07", "p = 0,003": a decimal comma in a p-value (a p-value is
# below 1, so "0," starts its fraction; a thousands group never does).
repair p-decimal-comma
    prefilter 0,
    regex (?<! [\p{L}\p{N}] ) [Pp] (?: \h* -? \h* values? )? \h* (?&cmp) \h* 0 \K , (?= \d{1,4} (?! \d ) )
    replace .
    example P = 0,07 => P = 0.07
    example p<0,001 => p<0.001
    negative n = 10,000

# "p,0.001" for "p<0.001": a comparator lost to a comma.
repair p-comma-for-less
    prefilter p,0 P,0 p,. P,.
    regex (?<! [\p{L}\p{N}] ) [Pp] \K , (?= 0? [.·] \d )
    replace <
    example (p,0.001) => (p<0.001)
    negative group p, 0.5 mg

# "P < 0^.001": the decimals set as a superscript (JATS <sup>.001</sup>
# after a 0), which the text writes as ^.001.
repair p-superscript-decimals
    prefilter 0^.
    regex (?<! [\p{L}\p{N}] ) [Pp] (?: \h* -? \h* values? )? \h* (?&cmp) \h* 0 \K \^ (?= [.·] \d )
    replace
    example (P < 0^.001) => (P < 0.001)
    negative x = 10^.5

# "P = 0·03": the Lancet middle dot as a decimal point (but not as a
# multiplication sign before 10^n).
repair middle-dot-decimal
    prefilter ·
    regex \x{00B7} (?<= \d . ) (?= \d ) (?! 10 \h* [\^(] )
    replace .
    example P = 0·03 => P = 0.03
    negative 1·10^6

# "Р=0.015" with a Cyrillic Р (or Greek capital Rho) before a comparator.
# Greek small rho is left alone: ρ is Spearman's correlation.
repair lookalike-P
    prefilter Р р Ρ
    regex [\x{0420}\x{0440}\x{03A1}] (?<! [\p{L}\p{N}] . ) (?= (?&sp) (?&cmp) )
    replace P
    example (Р=0.015) => (P=0.015)
    negative ρ = 0.45

# "IL-1p", "TGF-p": a β read as p.
repair beta-as-p
    prefilter IL-1p TGF-p
    regex p (?<= IL-1p | TGF-p ) (?! [\p{L}\p{N}] )
    replace β
    example IL-1p and IL-8 => IL-1β and IL-8
    negative IL-1pa
