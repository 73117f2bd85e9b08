# Study mentions: who reported a value.  Records of type _study are not
# written out (a leading underscore marks an internal type); they feed
# attribution: every value gets the study named or cited nearest to it in
# its sentence (the closest one before it, else the first after it), or
# else in the sentences before it in its paragraph.  A name without a
# citation takes the first bare citation that follows it in the sentence
# ("Zheng et al. recruited ... [30]" is "Zheng et al. [30]").  In PMC
# articles a citation resolves through the reference list to a pmid or doi
# (study_ref); in a trial's own PubMed abstract the record itself is the
# study.

# A citation as written: [30], [2—4], [32, 33], [12,14-16]
define citation  \[ \s* \d{1,4} (?: \s* [,–—-] \s* \d{1,4} ){0,8} \s* \]

# A surname: capitalised, with particles and hyphens (de Souza, Al-Amri).
define surname   (?: (?: van | von | de | da | del | di | le | la | al ) \s+ )?
                 [\p{Lu}][\p{L}'’-]+

pattern et-al
    type _study
    priority 20
    # "et" and "al" both stand in the regex as written (no (?i))
    prefilter al
    prefilter et
    regex (?= [A-Zvdla\x{80}-\x{10FFFF}] )
    regex (?<study> (?&surname) (?: \s+ (?: and | & ) \s+ (?&surname) )? \s+ et \s+ al \.? )
    regex (?: \s* (?<study_ref> (?&citation) ) )?
    example Zheng et al. recruited 12 patients => study="Zheng et al."
    example Kaushal et al. [45] reported on 12 patients => study="Kaushal et al." text="Kaushal et al. [45]"

# Acronyms of diseases, settings and cell types are not trial names:
# "an ARDS study", "a COVID-19 trial", "the MSC cohort".
define disease   (?: ARDS | ALI | COVID (?:-19)? | SARS (?:-CoV-2)? | MSCs? | ICU | ECMO | BPD | COPD | IPF )

# "the EOLIA trial", "the LUNG SAFE study", "the START investigators",
# "The REALIST trial [80]"
pattern named-trial
    type _study
    priority 18
    prefilter trial study investigators cohort registry
    regex (?= [A-Zt\x{80}-\x{10FFFF}] )
    regex (?<study> (?i: the \s+ )? (?<! [\p{L}\d-] ) (?! (?&disease) \b ) (?: [\p{Lu}][\p{Lu}\d-]{2,} \s+ ){1,3} (?i: trial | study | investigators | cohort | registry ) )
    regex (?: \s* (?<study_ref> (?&citation) ) )?
    example The EOLIA trial, a large study => study="The EOLIA trial"
    example According to the LUNG SAFE study, ARDS => study="the LUNG SAFE study"
    negative In another ARDS study for COVID-19, no deaths occurred
    negative a COVID-19 trial of MSCs

# A bare citation.
pattern citation
    type _study
    priority 10
    prefilter [
    regex (?<study_ref> (?&citation) )
    # "8 [5-18]", "0 [0-110]": a median and its interquartile range, not a
    # citation (a year before one is: "in 2019 [12]").
    forbid before 12 (?: ^ | [^\d.,] ) (?! (?: 19 | 20 ) \d\d \s* $ ) \d{1,6} (?: [.,·] \d+ )? \s* $
    example and no events were observed [31]. => study_ref=[31]
    example as first described in 2019 [12] => study_ref=[12]
    negative ICU stay, days, median [IQR] | Usual care = 11 [6-17] | Intervention = 11 [5-17]
