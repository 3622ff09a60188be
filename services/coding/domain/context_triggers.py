"""Context triggers from the field's own vocabulary that the scope rules and ConText lacked, one list per family.

Each is a cue a coder reads without thinking: anticipatory guidance names conditions the patient may develop
("call 911 for facial droop", "counselled on the signs of hypoglycemia"), a report's finding can be denied after
it ("fatty liver not seen"), and some "no"s deny nothing ("no change in hypertension", "insomnia no better"). The
lists are regex alternatives, read as whole words in any case.
"""
from services.coding.domain.drug_vocabulary import DRUG_NAME_ENDINGS, UNFILED_DRUGS, drug_name_alternatives

# Anticipatory guidance: what to do should a condition appear, so the condition is supposed, not present
# (guideline IV.H reads only what the visit establishes).
ANTICIPATORY_BEFORE = (
    r"call (911 |9-1-1 |the (office|clinic) |us |back )?(for|about|with)",
    r"seek (urgent |immediate |medical |emergency )*(care|attention|help|evaluation) (for|if|with)",
    r"(counsell?ed|educated|instructed|taught|reviewed|discussed|explained|advised)( \w+){0,3} (the )?"
    r"(warning |red[- ]flag )?(signs|symptoms)( (and|or|&) symptoms)? of",
    # the teaching's pair named first, its verb after: "signs and symptoms of DVT reviewed" (not what the patient
    # shows: "has signs and symptoms of a UTI")
    r"(?<!has )(?<!with )(?<!shows )(?<!showing )(?<!had )(signs|s) (and|&|/) ?(symptoms|sx) of",
)

# A warning that names what may come, not what is: return or ED precautions ("ED precautions for stroke reviewed"),
# what to watch or monitor for ("monitor closely for hypoglycemia") and a drug's side effects ("side effects incl.
# GI bleed reviewed"). A monitor's own word is not an adverb: "Holter monitor for palpitations" names the reason.
WARNING_BEFORE = (
    r"precautions? (\w+ )?(for|about|re|regarding)",
    r"(watch|monitor)(ing)? (closely |carefully |regularly |periodically |out )?for",
    r"(side|adverse) effects? (\w+ )?(incl|including|includes?|such as|like|e\.?g)",
)

# What may come, named as a chance of it or a warning about it: "potential for withdrawal seizures", "discussed the
# possibility of tardive dyskinesia", "warned about drowsiness", "red flags for cauda equina reviewed", "RTC prn new
# weakness", "anticipatory guidance: signs of infection - fever, redness" (a condition the patient has is stated
# on its own elsewhere in the note)
CHANCE_BEFORE = (
    r"potential (for|of)",
    r"(discuss|review|explain|mention)(ed|ing)?( \w+){0,2} (the )?(possibility|chance|likelihood) (of|for)",
    r"warned( \w+)? (about|of|re|regarding|against)",
    r"red[- ]flags? (\w+ )?(for|of)",
    r"(rtc|return|come back|call)( to (the )?(clinic|office|ed|er))? (prn|as needed|if needed)",
    r"anticipatory guidance",
)

# Teaching material names its topic, not a condition of the patient: "handout on diabetic neuropathy given",
# "education sheet about panic disorder" (a condition the patient has is stated elsewhere in the note).
TOPIC_BEFORE = (r"(handouts?|leaflets?|pamphlets?|brochures?|(education(al)?|teaching|info(rmation)?) "
                r"(materials?|sheets?|packets?)|(written |printed )?info(rmation)?) (\w+ )?(on|about|re|regarding)")

# An exposure names what the patient may have caught, not what they have: "exposure to strep at daycare", "exposed to
# influenza at home" (its own Z20.- code says the contact; a condition found is stated on its own)
EXPOSURE_BEFORE = r"((known|possible|suspected|recent|sick) )?(exposures?|exposed) to"

# What the patient was counselled about names the topic, not a condition of the patient: "counseled on sleep
# deprivation and alcohol" after a seizure (a habit the patient has is stated as such elsewhere in the note).
COUNSELLING_TOPIC_BEFORE = r"counsel(l)?(ed|ing) (\w+ )?(on|about|re|regarding)( (the )?(risks?|dangers?) of)?( avoiding)?"

# Prevention named right before the condition: what is prevented is not present ("prophylaxis against pneumonia",
# "prophylaxis of DVT after TKA")...
PROPHYLAXIS_BEFORE = r"prophyla(xis|ctic( \w+)?) (for|against|of)"
# ... except a recurrent attack disorder, whose prevention treats it ("prophylaxis against migraine", "against gout
# flares")
PREVENTION_TREATS = r"migraines?|headaches?|cluster|gout|flares?|attacks?"

# A denial written before the condition beyond "no" and "denies" ("never dx with asthma", its shorthand read as
# "never diagnosis with": never diagnosed).
# ("acquired absence of the leg" is a status, Z89: not a denial)
# A contrast sets the condition after it aside: "essential tremor rather than Parkinson's", "GERD instead of PUD".
DENIAL_BEFORE = (r"(?<!acquired )(?<!congenital )(?<!surgical )(in the )?absence of", r"never (had|has had|experienced|(been )?diagnos(ed|is) with)",
                 r"rather than", r"instead of")

# A study's verdict written right before the condition it rules out, the verb in its past form: "chest x-ray ruled
# out pneumonia", "troponins excluded an MI", "echo r/o'd endocarditis" (the shorthand reads "ruled out"). Not a
# doubt's or an aim's ("cannot be ruled out", "not excluded", "to be ruled out"), and only a word or two before
# the condition, so that a verdict on one condition does not deny the next one named in the sentence.
VERDICT_BEFORE = (r"(?<!\bbe )(?<!\bbeen )(?<!\bnot )(?<!\bcannot )\b(ruled out|excluded)\s+(for\s+)?"
                  r"((an?|the)\s+)?([\w-]+\s+)?$")

# A report's denial written after the finding: "fatty liver not seen", "effusion not visualized".
DENIAL_AFTER = (r"not (seen|visuali[sz]ed|identified|detected|demonstrated|appreciated|evident|found|"
                r"present(?! on admission))")

# A "no" that measures a condition's course instead of denying it: "no change in hypertension", "no improvement
# in depression", "insomnia no better" (ConText's pseudo-negations).
PSEUDO_DENIALS = ("no change in", "no changes in", "no significant change in", "no increase in",
                  "no improvement in", "no better", "not improved", "not any better", "without improvement",
                  "no worse", "not only")
# the same, as the lookahead that keeps a scope rule's "no" from reading them
NOT_A_DENIAL_AFTER_NO = r"(?! (significant |real |further )?(change|changes|increase|improvement|better|worse)\b)"

# A problem's status written after it in its own semicolon item states it is present: a denial opening the line
# does not reach it ("Free of gout flares; hypertension controlled", "No chest pain; asthma improving").
STATUS_AFTER_THE_CONDITION = frozenset({"controlled", "stable", "improving", "improved", "worse", "worsening",
                                        "active", "ongoing", "persists", "persisting", "unchanged"})

# A doubt whose words hold a denial's "not": "PE cannot be excluded", "cannot rule out TIA". Read word by word, the
# "not" denies what follows it, which after a dash is the sign the doubt is weighed for ("TIA cannot be excluded -
# slurred speech"): outpatient that sign is what is coded (guideline IV.H). The whole cue doubts the diagnosis it is
# written against, after it or before it.
DOUBT_AFTER_WITH_NOT = ("cannot be excluded", "can not be excluded", "can't be excluded", "cannot be ruled out",
                        "can not be ruled out", "can't be ruled out", "not excluded")
DOUBT_BEFORE_WITH_NOT = ("cannot rule out", "can not rule out", "can't rule out", "cannot exclude", "can not exclude",
                         "can't exclude")

# A comma then "and" before a new subject starts a clause of its own, as the comma alone does: "No fever or chills,
# and she has had a cough for a week".
CLAUSE_JOINER = "and"

# A drug's harms only talked about: each item of the list a counselling or a review of side effects names, up to the
# mention ("counseled on hypokalemia and gout", "counseling re: weight gain with olanzapine", "SE reviewed: nausea,
# HA", "counseled on genital yeast infections, UTI and euglycemic DKA"). Guideline I.C.19.e.5.a codes an adverse
# effect only when it happened; one warned of is not the patient's condition. An item is a few words with no
# preposition that makes it what the counselling is for ("counseled on diet for obesity" keeps the obesity).
_TALKED_WORD = r"(?!(?:for|with|due|to|from|because|since|but|now|today|has|had|is|was|and|or)\b)[\w'/-]+"
_TALKED_ITEM = rf"{_TALKED_WORD}(?: {_TALKED_WORD}){{0,3}}"
_TALKED_SEPARATOR = r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|\s*/\s*)"
_COUNSELLED_ON = (r"counsel(?:l)?(?:ed|ing) (?:\w+ )?(?:on|about|re:?|regarding)"
                  r"(?: (?:the )?(?:risks?|dangers?|possibility) of)?")
_SIDE_EFFECTS_REVIEWED = (r"(?:ses?|side[- ]effects?|adverse effects?)(?: \w+)? (?:were |was )?"
                          r"(?:reviewed|discussed|explained|counsell?ed|covered)\s*[:,-]?|"
                          r"(?:reviewed|discussed|explained|went over)(?: the)? (?:possible |potential |common )?"
                          r"(?:ses?|side[- ]effects?|adverse effects?)(?: of \w+)?\s*(?:[:,-]|incl\w*\.?|including|"
                          r"such as)?")
SIDE_EFFECT_TALKED_BEFORE = (rf"\b(?:{_COUNSELLED_ON}|{_SIDE_EFFECTS_REVIEWED})\s+(?:{_TALKED_ITEM}{_TALKED_SEPARATOR})"
                             rf"{{0,5}}(?:{_TALKED_WORD}\s+){{0,2}}$")
# The table's drug names (`DRUG_CLASSES`) the counselling reading below has never read as a drug, kept as it read
# them: reading them would make more counselled conditions only talked about, a change of the suggestions that wants
# labelled notes of its own. A drug added to the table after them is read.
TABLE_NAMES_NOT_READ_AS_A_DRUG = frozenset((
    "acei", "hydralazine", "clonidine", "methyldopa", "diltiazem", "verapamil", "calcium channel blockers?",
    "carvedilol", "digitalis", "flecainide", "sotalol", "propafenone", "ezetimibe", "bumetanide",
    "thiazides?", "acetazolamide", "eplerenone", "clopidogrel", "plavix", "prasugrel", "ticagrelor", "glargine",
    "lispro", "glimepiride", "sulfonylureas?", "glucocorticoids?", "synthroid", "propylthiouracil", "ptu",
    "doxepin", "tricyclics?", "benzodiazepines?", "phenytoin",
    "carbamazepine", "oxcarbazepine", "valproic acid", "divalproex", "zolpidem", "morphine", "codeine",
    "hydromorphone", "percocet", "methadone", "fentanyl", "acetaminophen", "paracetamol", "tylenol", "naproxen",
    "motrin", "advil", "aleve", "aspirin", "augmentin", "cephalexin", "keflex", "cefdinir", "ceftriaxone",
    "cefuroxime", "cefazolin", "cephalosporins?", "rifampicin", "rifabutin", "rifapentine", "rifamycins?",
    "azithromycin", "clarithromycin", "erythromycin", "macrolides?", "tetracyclines?", "fluoroquinolones?",
    "clindamycin", "vancomycin", "tmp[- /]smx", "bactrim", "sulfonamides?", "nitrofurantoin", "macrobid",
    "doxorubicin", "adriamycin", "epirubicin", "daunorubicin", "anthracyclines?", "herceptin", "febuxostat",
    "metoclopramide", "promethazine"))
# ... where its clause names a drug, a drug class, a dose or its side effects (a counselling with none names a
# topic, which the counselling topic's own rule reads: "counseled on diabetes care" in a diabetic is the diabetes's
# care); a dose's decimal point ends a clause ("HCTZ 12.5 mg: counseled on ..."), its unit stays with the counselling
DRUG_WORD = "|".join((r"side[- ]effects?|ses?|adverse effects?|meds?|medications?|drugs?|mg|mcg", DRUG_NAME_ENDINGS,
                      *(name for name in drug_name_alternatives() if name not in TABLE_NAMES_NOT_READ_AS_A_DRUG),
                      UNFILED_DRUGS))
