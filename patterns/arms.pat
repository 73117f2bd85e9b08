# Arm mentions: which arm of a trial a count or a percentage belongs to.
# Records of type _arm are internal (not written out).  The study table
# (`trialmine studies`, DIR/studies.csv) reads them: a value whose own
# text holds an arm mention ("Placebo = 8 (80)") is in that arm; otherwise
# the mentions of its sentence are paired with its values in reading
# order, mention first ("MSC group (n = 12) ... placebo (n = 13)") or
# value first ("10% in the MSC group and 40% in the placebo group"),
# whichever way the sentence starts.  scope says which side of the
# comparison the arm is on: treatment or control.
#
# A new name for a control arm belongs here, not in C.

define control_arm (?i: placebo | PBO | controls? | saline | vehicle | sham
                      | (?: standard | usual | conventional | routine
                            | best \s+ supportive ) \s+
                        (?: of \s+ )? (?: care | therapy | treatment | management )
                      | non- [\w-]+ (?= \s+ (?&armunit) )
                      | [\w-]+ (?: -only | \s+ only ) (?= \s+ (?&armunit) )
                      | (?: ECMO | ventilation | [\w-]+ ) \s+ alone )

# What an arm is made of: "the ECMO-only group", "treatment only
# facilities" (a cluster trial's arms are places).
define armunit (?i: group | arm | patients | participants | facilities | sites | clusters | centres | centers
                  | practices | wards | schools | homes | villages | communities ) \b

# How the trial model reads the labels of two active arms, neither a
# placebo nor usual care (trial.c): the arm whose label adds a treatment
# to a regimen is the treatment ("mEOC+P" against "EOC", "metformin plus
# rosiglitazone", "UAE combined with MTX"; not "with" or "and" alone:
# "patients with sepsis", "early and goal-directed therapy").  When one
# label is the other's with words added, the added words decide: words
# that only negate make it the control ("not offered incentive"), and a
# word that says how much or when rather than what gives no side at all
# ("standard-dose heparin", "delayed surgery": the reviewer's call).
# adds-on is searched in a whole label; negation and how-much are matched
# against one word of it (letters and digits), so they are anchored.
label adds-on   \+ | (?<! [\p{L}\p{N}] ) (?i: plus | combined ) (?! [\p{L}\p{N}] )
label negation  ^ (?i: no | not | non | without ) $
label how-much  ^ (?i: standard | usual | conventional | routine | alone | only | delayed | early | late
                     | dose | high | low | withdrawal | reduced | intensive ) $

pattern control-arm
    type _arm
    priority 10
    prefilter placebo pbo control saline vehicle sham standard usual conventional routine supportive non- alone only
    regex (?<! [\p{L}\p{N}-] )
    regex (?= (?i: placebo | PBO | control | saline | vehicle | sham | standard | usual | conventional | routine | best | non- )
    # (one scan of the word for both: "ECMO-only", "VV-ECMO alone")
    regex   | [\w-]*+ (?: (?<= (?i: -only ) ) | \s+ (?i: alone | only ) \b ) )
    regex (?<group> (?&control_arm) ) (?! [\w-] ) (?: \s+ (?i: group | arm | cohort ) \b )?
    set scope control
    example the placebo group (n = 30) => group=placebo scope=control
    example 24 received standard of care => group="standard of care" scope=control
    example the control group receiving VV-ECMO alone => group=control scope=control
    example in the non-ECMO group => group=non-ECMO scope=control
    example 48.4% in the ECMO-only group => group=ECMO-only scope=control
    example deaths were 3.1% in treatment only facilities and 2.2% in the others => group="treatment only" scope=control
    negative the diet was given once only during the trial
    example treated with VV-ECMO alone => group="VV-ECMO alone"
    negative placebo-controlled trial

# "the MSC group", "hUC-MSC arm", "the treatment group", "intervention
# arm", "MSC-treated patients", "the cell therapy group".
pattern treatment-arm
    type _arm
    priority 8
    prefilter group arm treated intervention =
    # the group's words, as written (the group has no (?i))
    prefilter msc treatment intervention experimental active cell therapy combination treated
    regex (?<! [\p{L}\p{N}-] ) (?= [\w+-]*+ (?: \s+ (?i: group | arm | patients ) \b | \s* \( \s* [nN] \s* = ) )
    regex (?! (?&control_arm) \b )
    regex (?<group> (?: [\w+-]*MSCs? | [\w+-]*MSC-[\w-]+ | treatment | intervention
    regex             | experimental | active | cells? | therapy | combination | treated | [\w+-]*-treated ) )
    regex (?: \s+ (?i: group | arm | patients ) \b | (?= \s* \( \s* [nN] \s* = ) )
    set scope treatment
    example the MSC group (n = 12) => group=MSC scope=treatment
    example umbilical cord MSCs (n = 20) or placebo => group=MSCs scope=treatment
    example in the hUC-MSC arm => group=hUC-MSC scope=treatment
    example the treatment group had => group=treatment scope=treatment
    example MSC-treated patients => group=MSC-treated scope=treatment
    example 22.2% in the combination group => group=combination scope=treatment
    example one of the seventeen treated patients => group=treated scope=treatment
    negative the study group
    negative MSCs reduced lung injury

# Connectives of a comparison (scope versus or respectively, not an arm):
# two values with "vs" alone between them are treatment vs control in that
# order, and in a sentence with "respectively" the arm names are paired
# with the values in order ("the MSC and control groups: 10% and 40%,
# respectively").  The study table notes every arm it read from order.
pattern versus
    type _arm
    priority 10
    prefilter vs v. versus compared
    regex (?<! [\p{L}] ) (?i: vs \.? | v \. | versus | compared \s+ (?: with | to ) ) (?! [\p{L}] )
    set scope versus
    example 35% vs. 46% => scope=versus
    example 22.2% versus 48.4% => scope=versus
    example 15% compared with 35% => scope=versus
    negative the vsync signal

# "and" or "or" that opens the next value of a list ("34 of 115 in the
# MSC group and 46 of 221 in the placebo group"): an arm named before it
# is not the next value's.
pattern next-value
    type _arm
    priority 10
    prefilter and or
    prefilter 0 1 2 3 4 5 6 7 8 9
    regex (?<! [\p{L}] ) (?i: and | or ) (?= \s+ (?: (?i: the | a ) \s+ )? \d )
    set scope next
    example the MSC group and 46 of 221 => scope=next text=and
    # (an "and" that opens no value pairs names: "pair" below)
    example 5 and => scope=pair

# "the vasopressin and placebo groups", "lower with vasopressin than with
# placebo": a word that pairs two arm names, so that two values together
# pair with them in order (below "next-value", which wins where the word
# opens the next value: "... group and 46 of 221 ...").
pattern pair
    type _arm
    priority 4
    prefilter and or than
    # (it pairs values, so only where a number stands)
    prefilter 0 1 2 3 4 5 6 7 8 9
    regex (?<! [\p{L}] ) (?i: and | or | than ) (?! [\p{L}] )
    set scope pair
    example lower with vasopressin than with placebo (30% vs 40%) => scope=pair text=than
    example in the vasopressin and placebo groups: 30% and 40% => scope=pair text=and

# "vasopressin reduced mortality from 40% to 30%": the value after
# "from" is what the arm named right before the verb changed it from,
# the other arm's.  The record runs from the verb to "from"; the study
# table wants the arm's name just before it (the arm is the subject), so
# "In the vasopressin group, mortality fell from 40% to 30%", a change
# within one arm, pairs nothing.
pattern from
    type _arm
    priority 10
    prefilter from
    prefilter reduced lowered decreased cut increased raised
    regex (?<! [\p{L}] ) (?i: reduced | lowered | decreased | cut | increased | raised ) (?! [\p{L}] )
    regex [^,;.]{0,40}? (?<! [\p{L}] ) (?i: from ) (?= \s+ \d [\d.,·]* \s* % \s+ to \s+ \d )
    set scope from
    example reduced mortality from 40% to 30% => scope=from
    example mortality fell from 40% to 30% => scope=change
    negative reduced from 40 to 60 years

# "mortality fell from 40% to 30%" with no arm as the subject of a verb
# ("from" above): a change, over time or within one arm, not two arms'
# values; the study table gives neither value an arm from this sentence.
pattern change
    type _arm
    priority 8
    prefilter from
    prefilter 0 1 2 3 4 5 6 7 8 9
    regex (?<! [\p{L}] ) (?i: from ) (?= \s+ \d [\d.,·]* \s* % \s+ to \s+ \d )
    set scope change
    example 28-day mortality fell from 40% to 30% => scope=change
    negative from 40 to 60 years

# "(28-day mortality reduced to 30%)": a value something was changed
# to, in a bracket after an arm's name, is not that arm's own value
# ("superior to placebo (mortality reduced to 30%)").
pattern change-to
    type _arm
    priority 8
    prefilter to
    prefilter reduced lowered decreased increased fell rose dropped
    regex (?<! [\p{L}] ) (?i: reduced | lowered | decreased | increased | fell | rose | dropped ) \s+ to (?= \s+ \d [\d.,·]* \s* % )
    set scope change
    example 28-day mortality reduced to 30% => scope=change
    negative reduced to a minimum

pattern respectively
    type _arm
    priority 10
    prefilter respectively
    regex (?<! [\p{L}] ) (?i: respectively ) (?! [\p{L}] )
    set scope respectively
    example 10% and 40%, respectively => scope=respectively

