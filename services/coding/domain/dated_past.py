"""A condition dated to a time long past, and the words that turn a denial's list to what the patient has.

Dated past: a note places a condition in the past by the time it writes right after it, as often as by "history
of": "Kidney stones 10 years ago", "Asthma as a child", "Pneumonia last winter", "Gout in the past". Such a condition is a past one (its
History entry where the index has one: Z87.442 for the stones), unless the clause says it is here again ("still",
"recurred", "flare") or the time dates when it began ("diagnosed 10 years ago", "since childhood", "x 10 yrs"), which
says it is current. Only spans of a season or more: "last month" or "3 weeks ago" may still be an acute condition's
own episode (a myocardial infarction is acute for four weeks; an injury's follow-up is current care).

Affirmed after a denial: a denial reaches across a list ("Denies fever, chills; night sweats"), but an item that
opens with a verb of its own ("No fever; has a productive cough", "Denies chest pain, reports palpitations",
"Negative for fever; positive for cough") is what the patient has: the denial ends there. Only the denial: "Mother
with diabetes, has hypertension" is still read as the mother's.
"""
import re

DATED_PAST = "dated-past"
# the time, as written right after the condition
_LONG_AGO = (r"((\d+|a few|few|several|many|two|three|four|five|six|seven|eight|nine|ten|twenty) "
             r"(years?|yrs?|y|decades?) ago|"
             # the span left uncounted: "Diverticulitis years ago", "shingles yrs ago"
             r"(years|yrs|decades) ago|"
             r"as an? (child|kid|teen|teenager|infant|toddler|adolescent|young adult)|"
             r"in (his |her |their )?(childhood|infancy|adolescence|youth|teens)|"
             r"last (winter|spring|summer|fall|autumn|year|yr)|"
             # "Gout in the past, no flares": the past itself, closed there (not "in the past 6 months", a span
             # up to today)
             r"in the (distant |remote )?past(?=\s*([,.:)]|-|$)))")
# a drug stopped long ago for what it caused, written before the harm: "dc'd atomoxetine last yr for nausea",
# "stopped metformin 2 years ago due to diarrhea" (the harm went with the drug; a drug stopped at this visit, or
# with no time, may be stopped for a condition still here: "dc'd metformin for CKD stage 4")
STOPPED_LONG_AGO_FOR = (r"\b(stopped|discontinued|dc'?d|d/c'?d|came off)\b[^.;]{0,40}?\b" + _LONG_AGO +
                        r"\W+(for|due to|because of|after)\W+((an?|the|his|her) )?(\w+ )?$")
# up to two words between (a verb of care: "treated", "repaired"), none of which dates an onset
_ONSET = r"(diagnosed|diagnosis|dx|dx'd|since|started|starting|began|begun|onset|first|noted|found|x|for|over)"
# episodes counted over a span long past ("Pneumonia x 2 last year", "UTIs three times as a child"): a count,
# not the "x 10 yrs" of a duration, so the time dates the episodes, not an onset
_COUNTED = r"(x ?\d+|\d+ ?x|twice|(\d+|two|three|four|five|several|multiple) (times|episodes|bouts))"
# the rest of the condition's own name, when its word is read alone ("Bell's palsy of the left face as a child",
# "asthma with acute exacerbation in the past"): a qualifier opened by "with", "without" or "of", no comma within
_NAME_QUALIFIER = r"((with|without|w/o|of|affecting)\s+((?!" + _ONSET + r"\b)[\w'/-]+[^\w.;,]+){1,4}?)?"
DATED_PAST_AFTER = re.compile(r"^[^\w.;]{0,3}(" + _COUNTED + r"[^\w.;]+((in|during|over)\s+)?|" + _NAME_QUALIFIER +
                              r"((?!" + _ONSET + r"\b)[\w/]+[^\w.;]+){0,2}?)" + _LONG_AGO + r"\b", re.IGNORECASE)
# the clause says the condition is here now after all, or that the time is when it began ("Dx with breast cancer
# last year, on tamoxifen")
# ("Gout in the past, no flares in 8 yrs": a flare or a recurrence denied says the opposite; "moderate persistent
# asthma as a child": a kind named before a condition's word is not its course, "persistent into adulthood" is)
_NOT_A_KIND = r"(?!\s+(?!into\b|in\b|through\b|since\b|to\b|until\b)[a-z])"
# "recurrent" in a depression's own name ("MDD, recurrent, moderate"; the tabular's F33 "Major depressive
# disorder, recurrent") says what kind it is, not that it came back
_RECURRENT_NOT_IN_NAME = r"(?<!\bmdd, )(?<!\bmdd )(?<!disorder, )(?<!depression, )"
STILL_PRESENT = re.compile(r"(?<!\bno )(?<!\bno further )(?<!\bno new )(?<!\bwithout )(?<!\bnor )(?<!\bdenies )"
                           r"\b(still|persists?|persistent" + _NOT_A_KIND + r"|persisting|ongoing|continues|continuing|"
                           r"again|recurred|" + _RECURRENT_NOT_IN_NAME + r"recurrent" + _NOT_A_KIND + r"|recurrence|relapsed?|flares?|flaring|returned|"
                           r"since then|ever since|"
                           r"diagnosed|diagnosis|dx|dx'd|developed|onset|began|started)\b", re.IGNORECASE)

# a list item that opens with one of these states what the patient has: a denial before it does not reach it ("no
# injury, feels lightheaded when she stands", "no fall, noticed numbness of the foot")
AFFIRMING_WORDS = ("has", "reports", "reported", "endorses", "endorsed", "complains", "c/o", "admits",
                   "notes", "positive", "describes", "presents", "feels", "felt", "notices", "noticed")
# such an item after a comma or a dash, its verb perhaps after "now" ("no fall or injury, now notices numbness", "ROS
# negative for chest pain - reports palpitations")
# or an item after a dash that opens with the condition's degree, the assessment of what the line measured ("TG 540,
# on no lipid med - severe hypertriglyceridemia"): the denial before the dash was of the drug, not of the condition
DEGREE_WORDS = ("mild", "moderate", "severe")
AFFIRMED_ITEM = (r"(?:(?:,|\s[-–]+)\s*(now\s+)?(" + "|".join(re.escape(word) for word in AFFIRMING_WORDS) + r")\b|"
                 r"\s[-–]+\s*(" + "|".join(DEGREE_WORDS) + r")\b)")
ITEM_SEPARATORS = (",", ";", "-", "–")  # as tokens: what may open such an item
DASHES = ("-", "–")

# Over since a time: the condition, a time it happened (a year, a school or a decade of life, or a time long past),
# then that there has been none since ("Tension headaches in college, none now", "Hypertensive urgency in 2023, none
# since", "Febrile seizures at 2, none after"). The time alone may date an onset ("Asthma in 2015"); with the none
# after it, it dates an episode that ended. Not "none since 2 weeks": a time after "none since" is a recent span.
NONE_SINCE = "none-since"
_PAST_TIME = (r"((in |during |around )?(19|20)\d\d|in (his |her |their )?((grad|graduate|high|grade|middle|medical|nursing|law) )?"
              r"(college|school|"
              r"the (army|military|service)|(early |late )?(teens|twenties|thirties|forties|fifties|20s|30s|40s|50s))|"
              r"at (age )?\d{1,2}|" + _LONG_AGO + ")")
_NONE = r"(none|no (further |more |other |new )?(episodes?|attacks?|events?|recurrences?|symptoms))"
# over a span of years since ("Panic disorder in her 20s, no attacks in 10 years")
_YEARS_SINCE = (r" (in|for) (the )?((last|past) )?(\d+|a few|few|several|many|two|three|four|five|six|seven|eight|"
                r"nine|ten|twenty) (years?|yrs?|decades?)\b")
NONE_SINCE_AFTER = re.compile(r"^[^\w.;]{0,3}(((?!" + _ONSET + r"\b)[\w/]+[^\w.;]+){0,2}?" + _PAST_TIME +
                              r"[^\w.;]{1,4}" + _NONE + r"( (since|now|after|afterwards?|thereafter)\b|\s*[.;,]|$|" +
                              _YEARS_SINCE + r")|"
                              # episodes counted, then none for years ("kidney stones x2, none in the past 4 years";
                              # not "syncope x2, none since", which may be this visit's episodes)
                              + _COUNTED + r"[^\w.;]{1,4}" + _NONE + _YEARS_SINCE + r")"
                              r"(?!\s*(\d|x\b|for\b))", re.IGNORECASE)
# Over, the time of life told before the name and the none after it: "Childhood asthma, none since", "Teenage
# migraines - none since age 16", "Childhood eczema, none now". The time of life alone may name a kind still present
# ("childhood absence epilepsy" on ethosuximide) and "none since" alone may count this visit's episodes ("syncope,
# none since"); together they say the condition ended then. Not a span up to today ("none since last visit", "none
# since 2 weeks", "none x 3 mo"): a chronic condition followed, whose episodes are what is counted. A word of the
# name the mention left out may stand between ("Childhood reflux disease, none since"). Unlike episodes that
# stopped at a later time ("tension headaches in college, none now"), a childhood's condition with none since is one
# the patient outgrew: over, as "outgrown" says (its chapter's history code, `over_condition_history`).
NONE_SINCE_CHILDHOOD = "none-since-childhood"
TIME_OF_LIFE_BEFORE = re.compile(r"\b(childhood|teenage|teen-age|adolescent|boyhood|girlhood)\b", re.IGNORECASE)
NONE_SINCE_NAMED_AFTER = re.compile(r"^([^\w,.;]{0,3}[\w'/-]+\b)?[^\w.;]{0,4}" + _NONE +
                                    r"( (since|now|after|afterwards?|thereafter)\b|\s*[.;,]|$|" + _YEARS_SINCE +
                                    r")(?!\s*(last|this|the last|recently|\d+\s*(days?|d|weeks?|wks?|w|months?|mos?|"
                                    r"mo)\b|x\b|for\b))", re.IGNORECASE)
# the clause says it is here after all or that the time is when it began
NONE_SINCE_UNLESS = re.compile(r"\b(still|persists?|persistent|ongoing|continues|continuing|recurred|relapsed?|"
                               r"returned|diagnosed|diagnosis|dx|dx'd|onset|began|started)\b", re.IGNORECASE)
# treatments that end a condition, unlike a drug that holds a chronic one ("osteoporosis treated with zoledronic acid
# in 2021" is still osteoporosis)
ENDING_TREATMENT = (r"radioiodine|radioactive iodine|rai|i-131|surgery|surgical \w+|(\w+ )?ablation|antibiotics?|"
                    r"rifampin|rifapentine|isoniazid|inh|antivirals?|"
                     r"eradication therapy|(triple|quadruple) therapy|"
                    # a procedure that removed, drained or replaced the diseased part ("gallstones treated by
                    # laparoscopic cholecystectomy 2024", "aortic stenosis treated with TAVR 2025")
                    r"([\w-]+ ){0,3}?(\w+ectomy|valve replacement|tavr|tavi|savr|drainage|decortication|evacuation)|"
                    # the diseased organ replaced ("lung transplant 2020 for IPF"); not a kidney's, whose disease may
                    # go on in the graft, nor a marrow's, whose cancer has codes of its own in remission
                    r"(bilateral |single |double |orthotopic )?(lung|heart|liver) transplant(ation)?")
# Treated and over: a condition written with the treatment that ended it and that treatment's time ("Graves disease
# treated with radioiodine in 2010", "H. pylori, treated 2022", "hernia repaired 5 years ago") is a past one, as a
# condition dated long ago is; its History entry where the index has one. Not where the clause keeps it going: a
# drug it is "on", "since", "now", "residual", or the onset words above ("treated since 2015" is a duration). A
# tumour "resected" or "removed" is read by `resected_neoplasm` and `history_z_codes`, which know its history codes.
TREATED_IN_THE_PAST_AFTER = re.compile(
    r"^[^\w.;]{0,3}((was|were|successfully|definitively) )?(ablated|cured|eradicated|repaired|treated(?= (in |on )?"
    r"(19|20)\d\d)|treated (successfully )?(with|by) (a course of )?(" + ENDING_TREATMENT + r"))\b"
    r"[^.;,]{0,40}?\b((19|20)\d\d|(\d+|a few|several) (years?|yrs?) ago|last (year|yr))\b",
    re.IGNORECASE)
STILL_TREATED = re.compile(r"\b(on|since|now|currently|current|active|residual|remains?|until)\b|" +
                           STILL_PRESENT.pattern, re.IGNORECASE)
