"""Z codes for the reason of the encounter and the patient's status, where the note documents them: a screening
(Z11.-, Z12.-, Z13.-), a routine exam (Z00.00/Z00.01 adult, Z00.121/Z00.129 child), counselling as the service
given (Z71.-), and long-term drug therapy (Z79.-) (ICD-10-CM guidelines I.C.21).

Counselling is coded only when the note says it was given ("counseled on diet", "15 minutes counseling"); the
word alone ("tobacco use counseling" as a heading, "counseling declined") is not the service, and the index's
Z71.9 for it is dropped. A routine exam with a new abnormal finding the note does not call abnormal or normal is
left to a coder (below any auto-accept threshold); a condition it presents as known and managed is not such a
finding (`known_conditions`). A screening a routine exam orders is coded beside it.
"""
import re

from services.coding.domain.convention_gates import any_of, needs
from services.coding.domain.drug_level_reported import level_reported, may_report_a_level
from services.coding.domain.drug_therapy import (ANTIMETABOLITE_CHEMOTHERAPY, MAINTENANCE_DRUGS, for_this_class,
                                                 medication_item)
from services.coding.domain.known_conditions import presented_as_known
from services.coding.domain.note_terms import UNDER_SPECIFIED_CONFIDENCE
from services.coding.domain.note_text import (after, before, current, negated_before, sentence, sentence_end,
                                              sentence_start)
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.past_drug_use import named_as_past_use
from services.coding.domain.pattern_literals import may_match, required_literals
from services.coding.domain.social_determinants import records
from services.coding.domain.suggestions import Suggestion, from_rule
from services.coding.domain.transplant_steroid import kept_with_the_graft, may_name_a_transplant

NAME = "encounter-z-code"
_NOT_DONE = re.compile(r"\b(declined|refused|deferred|due for|overdue|not done|scheduled|will schedule|"
                       # "plan as discussed" closes an item the visit dealt with; "discussed" alone only talks of it
                       r"(?<!as )discussed|recommended|ordered for next|up to date|utd|last done|"
                       # a later date: "Lung cancer screening program - LDCT in 3 mo", "next year"
                       r"in \d+ (days?|wks?|weeks?|mos?|months?|yrs?|years?)|next (week|month|year)|"
                       # its schedule: "LDCT yearly per screening" says how often, not that it was done today
                       r"(yearly|annually)(?= per\b))\b", re.IGNORECASE)
# A screening the sentence dates before this visit ("annual LDCT last month negative", "colonoscopy 3 yrs ago",
# "mammogram in 2024", "colonoscopy 2024 negative") is a past test's result: the encounter it belonged to was coded
# then.
DONE_BEFORE = re.compile(r"\b(last (week|month|year|spring|summer|fall|autumn|winter)|"
                         r"\d+ (days?|wks?|weeks?|mos?|months?|yrs?|years?) ago|in (19|20)\d\d|"
                         # a year and its result: "colonoscopy 2024 negative"
                         r"(19|20)\d\d\W+(negative|neg|normal|nl|unremarkable|benign|clear|wnl)|"
                         # the result then its year ("Hep C screen negative 2022"), or a month and year with no
                         # day ("LDCT 10/2024: no nodules"), the way a past result is dated; a full date may be today's
                         r"(negative|neg|normal|unremarkable|benign|clear|wnl)\W+((in|on) )?(19|20)\d\d|"
                         r"(?<![/\d])(0?[1-9]|1[0-2])/(19|20)\d\d)\b", re.IGNORECASE)
# Ordered or referred at this visit, the screening happens at another encounter, unless the note says it was done.
_ORDERED_ONLY = re.compile(r"\b(ordered|referred)\b", re.IGNORECASE)
# a questionnaire handed to the patient is done at the visit ("PHQ-9 given as routine screen: 12"), whatever the
# sentence refers for after its score
_PERFORMED = re.compile(r"\b(done|performed|completed|obtained|collected|resulted)\b|"
                        r"\b(phq-?[29]|audit(-c)?|gad-?7|questionnaire)\W+((was|were) )?(given|administered)\b",
                        re.IGNORECASE)
# the visit named as where the sentence's orders were made ("Preventive labs ordered at annual visit", "orders placed
# at today's physical") is this visit, not an order for it
_ORDERED_AT = re.compile(r"\b(ordered|placed)\s+at\s+((today'?s|this|the)\s+)?$", re.IGNORECASE)
# A note that opens with an order ("Lab req:", "Labs ordered:", "Screening mammogram ordered, 50 F") is the order
# itself, and the screening it orders is the reason the order carries: coded, though done at another encounter.
_ORDER_HEADING = _rx(r"orders?|ordered|requisition|req")
ORDERED_SCREENING = "screening-ordered-as-reason"
# A screening the sentence gives as the reason of what it orders ("LDCT ordered for lung cancer screening", "TSH to
# screen for thyroid disease", "hepatitis C screening ordered") is the order's diagnosis, at any visit; a test only
# named by its kind ("screening mammogram ordered") links no reason to the order.
# and a referral's: "referred for lung cancer screening low-dose CT" sends the patient for that screening; and a
# screening test's own target after it: "screening MRA head for intracranial aneurysm ordered"
_SCREENING_AS_PURPOSE = re.compile(r"\bto screen\b|\bscreen(s|ed|ing)? ([\w-]+ ){0,2}for\b|"
                                   r"\bscreening\b(?=\s*(ordered|referral|[.;:,)]|$))|"
                                   r"\b(referred|referral) for (an? )?([\w-]+ ){0,3}screening\b", re.IGNORECASE)
SCREENING_ORDERED_FOR = "screening-ordered-as-purpose"
# a topic's screening with its test named before the order ("AAA screening US ordered", "osteoporosis screening DEXA
# ordered") says the purpose as "AAA screening ordered" does; the kind alone ("screening mammogram ordered") does not
_TEST_THEN_ORDERED = re.compile(r"\s+[\w/()-]+( [\w/()-]+)?\s+(ordered|referral)\b", re.IGNORECASE)
SCREENING_ORDERED_AT_EXAM = "screening-ordered-at-exam"


SCREENINGS = (
    (_rx(r"screening colonoscopy|colon cancer screening|colorectal (cancer )?screening|screening for colo(n|rectal) "
         r"cancer|cologuard|fit test"), "Z12.11"),
    (_rx(r"screening mammogram|screening mammography|mammogram screening|breast cancer screening"), "Z12.31"),
    (_rx(r"screening pap( smear)?|cervical cancer screening|pap smear"), "Z12.4"),
    (_rx(r"screening psa|psa screening|prostate cancer screening"), "Z12.5"),
    (_rx(r"lung cancer screening|low[- ]dose ct|ldct"), "Z12.2"),
    (_rx(r"diabetes screening|screening for diabetes"), "Z13.1"),
    (_rx(r"lipid screening|cholesterol screening|screening lipid panel|screening for (hyperlipidemia|lipid "
         r"disorders)"), "Z13.220"),
    (_rx(r"depression screening|screening for depression"), "Z13.31"),
    (_rx(r"alcohol (misuse |use )?screening|screening for (alcohol|unhealthy alcohol use)|audit-c"), "Z13.39"),
    (_rx(r"hiv screening|screening for hiv"), "Z11.4"),
    (_rx(r"hepatitis c screening|hcv screening|screening for hepatitis c"), "Z11.59"),
    (_rx(r"sti screening|std screening|screening for (sti|std|chlamydia|gonorrhea|sexually transmitted "
         r"(infections?|diseases?))"), "Z11.3"),
)
# what a sentence saying "screen"/"screening" screens for, by the words next to it ("depression screen", "screening
# for AAA", "aortic US for screening"): the subject of Z11-Z13 as the index words it (Screening, for, ...)
SCREENED_FOR = (
    (r"colon|colorectal|colonoscopy", "Z12.11"), (r"breast|mammogra\w*", "Z12.31"), (r"cervical|cervix|pap", "Z12.4"),
    (r"prostate|psa", "Z12.5"), (r"lung|ldct|low[- ]dose ct", "Z12.2"),
    (r"diabetes|diabetic|a1c|hba1c|glucose", "Z13.1"),
    (r"lipids?|lip(id|oid) disorders?|cholesterol|hyperlipidemia", "Z13.220"), (r"depression|phq-?[29]", "Z13.31"),
    # HIV by its tests' names too, where its name alone is too far from the screening: "HIV-1/2 Ag/Ab"
    (r"alcohol|audit-c|anxiety|gad-?7", "Z13.39"),
    (r"hiv|hiv(-1/2)?( ag/ab| antigen/antibody| antibody| ab)", "Z11.4"),
    (r"hepatitis c|hep c|hcv|viral hepatitis|hepatitis b|hep b|hbv", "Z11.59"),
    (r"stis?|stds?|sexually transmitted (infections?|diseases?)|chlamydia|gonorrhea", "Z11.3"), (r"hpv|human papillomavirus", "Z11.51"),
    (r"aaa|abdominal aortic( aneurysm)?|aortic aneurysm|(intracranial|cerebral|brain) aneurysms?", "Z13.6"),
    (r"osteoporosis|dexa|bone density", "Z13.820"), (r"anemia", "Z13.0"),
    (r"tuberculosis|tb|ppd|quantiferon", "Z11.1"),
    # the index's other subjects: a thyroid disorder is an endocrine one (Z13.29), a cardiomyopathy or heart disease
    # a cardiovascular one, sleep apnea a respiratory one
    (r"thyroid( disease| disorders?| dysfunction)?", "Z13.29"),
    (r"cardiovascular (disease|disorders?)|heart disease|cardiomyopathy|cardiac disease", "Z13.6"),
    (r"(obstructive )?sleep apnea|osa|stop-bang", "Z13.83"),
    (r"b12|vitamin (b12|d)|nutritional (disorders?|deficienc(y|ies))", "Z13.21"),
    # a child's: autism Z13.41, the milestones of global development Z13.42, lead as a contaminant Z13.88
    (r"autism|m-?chat(-r)?(/f)?", "Z13.41"),
    (r"developmental(?! dysplasia)( delays?)?|milestones|asq(-3)?", "Z13.42"),
    (r"lead(?! to\b)( exposure| poisoning| levels?)?|(exposure to )?contaminants", "Z13.88"),
)
# guideline I.C.21.c.5: a screening inherent to a routine exam is not coded beside it; a well-child visit's
# schedule holds the autism and developmental screenings
_INHERENT_TO_A_WELL_CHILD_VISIT = ("Z13.41", "Z13.42")
_SCREEN = r"screen(s|ed|ing)?"
_GAP = r"[^\w.;\n]+"  # between words of one sentence
# the tests a sentence lists, then gives a bare screening as their purpose ("Lipid panel and A1c drawn today as
# screening"): each test's topic, unless another reason is given to it ("for") on the way
_LISTED_THEN_PURPOSE = rf"(?:(?!\bfor\b)[^.;\n]){{0,60}}?\b(as|for) {_SCREEN}\b(?!{_GAP}(for|of)\b)"
# up to four words between: "screening for viral hepatitis and HIV"; how often the screening is done is not one of
# them ("Hep C Ab drawn today, one-time screening")
_HOW_OFTEN = rf"((one[- ]time|routine|annual){_GAP}){{0,2}}"
_SCREENED_FOR = tuple((re.compile(rf"\b{_SCREEN}{_GAP}(\w+{_GAP}){{0,4}}?({topic})\b|"
                                  rf"\b({topic}){_GAP}(\w+{_GAP}){{0,3}}?{_HOW_OFTEN}{_SCREEN}\b|"
                                  rf"\b(?P<listed>{topic})\b{_LISTED_THEN_PURPOSE}", re.IGNORECASE), code)
                      for topic, code in SCREENED_FOR)
_SCREENED_TOPICS = tuple((re.compile(rf"\b({topic})\b", re.IGNORECASE), code) for topic, code in SCREENED_FOR)
_ANY_SCREENING = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in SCREENINGS) + rf"|\b{_SCREEN}\b",
                            re.IGNORECASE)
_ANY_SCREENING_WORDS = required_literals(_ANY_SCREENING)  # a note without one is not scanned
_POSITIVE = re.compile(r"\b(positive|abnormal)\b", re.IGNORECASE)
_ROUTINE_ADULT = _rx(r"annual (physical|exam|wellness (visit|exam))|routine (physical|exam|check-?up|health exam)|"
                     r"general medical exam(ination)?|wellness (visit|exam)|preventive (visit|exam)|complete physical|"
                     r"awv|"  # the Medicare annual wellness visit
                     # and as clinics head it: a yearly physical, a health maintenance exam, a wellness check
                     r"yearly (physical|exam|check-?up)|health maintenance (exam|visit)|wellness check(-?up)?|"
                     # the same exam by its other names: a well adult visit, an annual visit or check-up, and
                     # Medicare's initial preventive physical examination ("Welcome to Medicare")
                     r"well[- ]adult (visit|exam|check)|annual (visit|check-?up)|"
                     r"initial preventive physical exam(ination)?|ippe|welcome to medicare|"
                     # "routine adult exam", and a bare "well visit" where an adult's age follows it ("Well visit,
                     # 52F"): a child's well visit is the child's routine exam
                     r"routine adult (physical|exam|visit|check-?up)|"
                     r"well (visit|exam|check-?up)(?=[,:]?\s*(1[89]|[2-9]\d|1[01]\d) ?(f|m|yo|y/o|y\.o\.|years? old)\b)")
_ROUTINE_CHILD = _rx(r"well[- ]child (check|visit|exam)|well[- ]child|well baby|routine child health (exam|check)")
_ROUTINE_ADULT_WORDS, _ROUTINE_CHILD_WORDS = required_literals(_ROUTINE_ADULT), required_literals(_ROUTINE_CHILD)
_ABNORMAL = _rx(r"with abnormal findings?|abnormal findings? (noted|found)|new (abnormal )?finding|"
                r"new(ly)? (dx|diagnos\w*)|newly diagnosed|"
                # the exam said to find something: "exam notable for a thyroid nodule", "an incidental finding"
                r"(exam|examination) (is |was )?(notable|significant|remarkable) for(?! (nothing|none|no)\b)|"
                r"incidental(ly)? (finding|found|noted)")
_NORMAL = _rx(r"no abnormal findings?|without abnormal findings?|no new (problems|issues|concerns|findings)|"
              r"normal exam|exam:? (is |was )?normal|unremarkable")
_OTHERWISE = _rx(r"otherwise|(the )?(rest|remainder) of( the)?")
# its time written as a bound: "counseling more than 3 minutes", "counselling > 10 min"
_AT_LEAST = r"(more than |over |at least |greater than |> ?)?"
# the topic may stand between the time and the word: "6 minutes of cessation counselling", "smoking cessation
# counseling, 5 minutes"
# and the cessation counselling an item's plan or a sentence consists of is the service given: "Nicotine
# dependence, vaping - cessation counseling.", "Smokes a pack a day. Cessation counseling." (a heading it opens,
# "Tobacco cessation counseling: declined", is not, nor a fact listed after a semicolon)
# so may the diet or the exercise it counsels on ("15 min dietary counseling today"), and a parenthesis of what it
# advised may stand before the time ("Dietary counseling (DASH, low sodium) 10 min")
_COUNSELLED = _rx(r"counsel+ed|counsel+ing (was )?(provided|given|done)|provided counsel+ing|"
                  rf"{_AT_LEAST}\d+ ?(minutes|mins?) (of |spent )?((tobacco|smoking|dietary|diet|nutrition(al)?|"
                  r"exercise) )?(cessation )?counsel+ing|"
                  rf"counsel+ing,?( \([^()\n]{{1,40}}\))? (for )?{_AT_LEAST}\d+ ?(minutes|mins?)|"
                  r"(?<=[.-] )((tobacco|smoking) )?cessation counsel+ing(?=\s*([.;]|$))")
# what is declined or discussed beside the counselling is not the counselling: "counseled on cessation, declined
# NRT", "counseled to quit - plan as discussed"
_BESIDE_THE_COUNSELLING = _rx(r"(declined|refused) (nrt|nicotine (patch|patches|replacement|gum|lozenges?)|"
                              r"varenicline|chantix|bupropion|medications?|pharmacotherapy)|(plan )?as discussed")
COUNSELLING_TOPICS = ((_rx(r"diet|dietary|nutrition\w*"), "Z71.3"),
                      (_rx(r"tobacco|nicotine|smok\w*|cigarettes?|cessation|vaping|quit(ting)?(?! (drinking|alcohol|etoh))"),
                       "Z71.6"),
                      (_rx(r"alcohol"), "Z71.41"),
                      (_rx(r"drug|substance|cannabis|marijuana|opioids?|cocaine|methamphetamine|stimulants?"),
                       "Z71.51"),
                      (_rx(r"exercise|physical activity"), "Z71.82"))
# counselling on another's smoke breathed in (a household's, a workplace's) is about the exposure (Z77.22), not about
# the patient's own tobacco use, which is what Z71.6 counsels
_OTHERS_SMOKE = _rx(r"second-?hand smoke|passive smok\w*|smoke exposure|exposure to (tobacco |cigarette )?smoke")
# what is smoked may be cannabis: "cannabis use disorder: smokes most evenings; counseled on cutting down" counsels
# on the cannabis (Z71.51), not on tobacco, unless the text names tobacco too
_CANNABIS = _rx(r"cannabis|marijuana|thc")
_TOBACCO = _rx(r"tobacco|cigarettes?|cigars?|nicotine|vap\w*|pack|ppd")
# the counselling codes of a substance's abuse, which the tabular pairs with the disorder ("Use additional code for
# alcohol abuse or dependence"): advice on alcohol to a patient with no alcohol use disorder is not "counseling and
# surveillance of alcoholic"
SUBSTANCE_COUNSELLING = {"Z71.41": ("F10",), "Z71.51": ("F11", "F12", "F13", "F14", "F15", "F16", "F18", "F19")}
# counselling code -> the diagnoses whose standard treatment it is part of, and the routine exam (Z00.0-), whose
# preventive counselling on diet and exercise is part of the exam (tobacco cessation is a service of its own)
# (prediabetes and impaired fasting glucose, R73.0-, are treated by diet and exercise alone)
# Counselling the note times ("dietary counseling 20 min") is recorded as a service of its own, beside the
# condition's care: coded even where that condition is coded.
INTEGRAL_COUNSELLING = {"Z71.3": ("E66", "E11", "E10", "E78", "I10", "R63.5", "K21", "R73.0", "Z00.0"),
                        "Z71.82": ("E66", "E11", "E10", "E78", "I10", "R63.5", "R73.0", "Z00.0")}
# counselling code -> the lifestyle problem it treats: where the note records that problem as its own (poor diet
# Z72.4, lack of exercise Z72.3), the counselling is that problem's service, not the routine content of the exam or
# of the condition's care
LIFESTYLE_COUNSELLED = {"Z71.3": "Z72.4", "Z71.82": "Z72.3"}
# a course of three months or more stated as its duration is long-term: "prednisone for more than 6 months",
# "x 2 yrs", "since 2021", "for years" (a burst "x 5 days" or a "2 wk taper" is not)
_LONG_COURSE = (r"(for|x|over|since)\s*(more than |over |at least |>\s*)?((the )?(past|last) )?((\d{2,}|[3-9])\s*(months?|mos?)|(\d+|several|many|a)"
                r"\s*(years?|yrs?)|(19|20)\d\d)|(for|x) ?(years|yrs)")
# a drug's own course of days or its start at this visit ("prednisone 40 mg x 5 days", "a 10-day course", "burst",
# "started today"): not long-term use, whatever else its sentence calls chronic (guideline I.C.21.c.3), unless its
# own item says long-term too
_SHORT_COURSE = _rx(r"x ?\d+ ?(days?|d)|for \d+ days|\d+[- ]days?( course| burst| taper)|burst|"
                    r"(started|starting|start|initiated|begun|given) (today|at this visit|this visit)")


def _short_course(note: str, match: re.Match) -> bool:
    item = medication_item(note, match.start(), match.end())
    return bool(_SHORT_COURSE.search(item)) and not _STATED_LONG_TERM.search(item)


# a drug the sentence says is monitored ("on methimazole, drug monitoring") is one taken for the long run: a
# course of days is not monitored by its levels. "Chronic" that names a lung disease or a respiratory failure
# ("chronic obstructive pulmonary disease with exacerbation - prednisone, azithromycin") is the condition's
# course, not the drug's: an exacerbation's antibiotic is a course of days
_LONG_TERM = _rx(r"long[- ]term|chronic(?! care\b)(?! (obstructive|hypox\w*|hypercap\w*|resp\w*)\b)|maintenance|"
                 r"maintained on|"
                 r"(therapeutic )?drug (level )?monitoring|lifelong|"
                 r"life-long|indefinitely|"
                 + _LONG_COURSE)
# the newer antiepileptics, taken for years: the durations written beside them are most often a seizure-free time
# or a driving restriction ("seizure-free x 2 yrs on levetiracetam", "no driving x 6 mo"), so only the words
# long-term or maintenance say the drug's own course
ANTIEPILEPTICS = _rx(r"lamotrigine|lamictal|levetiracetam|keppra|lacosamide|vimpat|oxcarbazepine|trileptal|zonisamide|"
                     r"antiepileptics?|anticonvulsants?")
# drugs with no Z79 code of their own that are also tried, stopped or started within weeks (ADHD stimulants, a gout's
# urate-lowering drug, topiramate for migraine): "Other long term (current) drug therapy" only where the note says
# long-term or maintenance of them, not for a chronic condition named beside them
STATED_LONG_TERM_ONLY = _rx(r"methylphenidate|ritalin|concerta|dexmethylphenidate|focalin|amphetamine salts|adderall|"
                            r"lisdexamfetamine|vyvanse|dextroamphetamine|atomoxetine|strattera|allopurinol|zyloprim|"
                            r"febuxostat|uloric|topiramate|topamax|"
                            # the rhythm drugs and the migraine's CGRP antibodies, also tried and stopped
                            r"flecainide|tambocor|sotalol|betapace|propafenone|rythmol|dronedarone|multaq|dofetilide|"
                            r"tikosyn|mexiletine|erenumab|aimovig|fremanezumab|ajovy|galcanezumab|emgality|"
                            r"eptinezumab|vyepti")
# drugs taken for years that have no Z79 code of their own and are most often named without a word on their course
# (antihypertensives, gabapentinoids, vitamin B12 injections, antiretroviral and antifibrotic therapy): "Other long
# term (current) drug therapy" only where the drug's own list item says long-term or maintenance of it
# ("Meds: carvedilol, apixaban (long-term anticoagulation)" is the apixaban's)
NAMED_LONG_TERM_ONLY = _rx(r"hctz|hydrochlorothiazide|chlorthalidone|lisinopril|losartan|"
                           r"valsartan|sacubitril-valsartan|entresto|amlodipine|carvedilol|metoprolol( succinate| tartrate)?|"
                           r"gabapentin|neurontin|pregabalin|lyrica|cyanocobalamin|b12 injections?|"
                           r"antiretroviral( therapy)?|haart|bictegravir|biktarvy|nintedanib|ofev|"
                           r"pirfenidone|esbriet")
_STATED_LONG_TERM = _rx(r"long[- ]term|maintenance|maintained on")
_YEARS_COURSE = (r"(for|x|over|since)\s*(more than |over |at least |>\s*)?((the )?(past|last) )?"
                 r"((\d+|several|many|a)\s*(years?|yrs?)|(19|20)\d\d)|(for|x) ?(years|yrs)")
_YEARS_COURSE_ONLY = re.compile(_YEARS_COURSE, re.IGNORECASE)
# a course of years written right after such a drug, in its own item, is the drug's: "lamotrigine 200 mg
# daily since 2021", "methylphenidate ER 36 mg every morning for 2 years"; not a time a word of what it holds off
# closes ("levetiracetam, seizure-free x 3 yrs", "allopurinol 300 mg, no flares for 2 years")
_OWN_COURSE_AFTER = re.compile(r"(?:(?![,;(]|\.(?!\d)|\b(?:and|plus|free|no|not|without|flares?|seizures?|attacks?|"
                               r"episodes?|stopped|held|off)\b).){0,40}?\b(?P<course>" + _YEARS_COURSE + r")",
                               re.IGNORECASE)
# an inhaled corticosteroid, alone or in its combination inhaler (not a nasal spray, not oral budesonide): the
# asthma or COPD beside it is chronic by its name, so only the words long-term or maintenance say the drug's course
INHALED_STEROIDS = _rx(r"(fluticasone|mometasone)(?! (nasal|propionate nasal))|budesonide(?! (ec|er|oral|capsules?))|"
                       r"beclomethasone|ciclesonide|ics|inhaled (cortico)?steroids?|advair|symbicort|breo|dulera|"
                       r"trelegy|qvar|pulmicort|flovent|arnuity|asmanex|alvesco|wixela|airduo")
# an antibiotic taken for months is prophylaxis or suppression ("Long term (current) use of antibiotics"); most
# courses last days and sit beside the chronic condition they treat a flare of ("COPD exacerbation - azithromycin"),
# so only the words long-term, maintenance or suppressive, or a course of months, say the drug's course
_ANTIBIOTIC_NAMES = (r"nitrofurantoin|macrobid|trimethoprim|tmp-smx|bactrim|doxycycline|minocycline|azithromycin|"
                     r"cephalexin|keflex|amoxicillin|penicillin vk?|dapsone|rifaximin|xifaxan|antibiotics?")
ANTIBIOTICS = _rx(_ANTIBIOTIC_NAMES)
# "chronic" said of the drug itself ("on chronic azithromycin") is its course; said of the condition, it is not
# (as is a rhythm of three doses a week, a prophylaxis kept up: "azithromycin 250 mg MWF", "Bactrim DS three times
# weekly"; no course of days is dosed so)
_THRICE_WEEKLY = r"mwf|m/w/f|(three|3) times (a |per |each )?week(ly)?|thrice weekly"
_STATED_COURSE = _rx(r"long[- ]term|maintenance|maintained on|suppressive|lifelong|life-long|indefinitely|"
                     + _THRICE_WEEKLY + "|"
                     rf"chronic (?=({_ANTIBIOTIC_NAMES})\b)|" + _LONG_COURSE)
_DOSED_THRICE_WEEKLY = _rx(_THRICE_WEEKLY)
# the lipid-lowering drugs, watched by the lipid panel and liver tests of the condition they treat, not by a level
LIPID_LOWERING_NAMES = r"statins?|atorvastatin|rosuvastatin|simvastatin|pravastatin|ezetimibe|zetia|fenofibrate"
LIPID_LOWERING = _rx(LIPID_LOWERING_NAMES)
# the maintenance classes, and the drugs also given for a few days, which need the note to say long-term
DRUGS = (*MAINTENANCE_DRUGS, (_rx(r"insulin"), "Z79.4"),
         (_rx(r"prednisone|prednisolone|methylprednisolone|medrol|dexamethasone|hydrocortisone|cortef|"
              r"fludrocortisone|systemic steroids?|oral steroids?"), "Z79.52"),
         (INHALED_STEROIDS, "Z79.51"),
         # hormone replacement therapy
         (_rx(r"hormone replacement( therapy)?|hrt|estradiol|estrace|climara|vivelle(-dot)?|activella|"
              r"conjugated estrogens?|premarin|prempro"), "Z79.890"),
         # the opioid analgesics by name (not buprenorphine or methadone, most often an opioid use disorder's)
         (_rx(r"opioids?|oxycodone|oxycontin|percocet|hydrocodone|norco|vicodin|morphine|ms contin|tramadol|ultram|"
              r"hydromorphone|dilaudid|fentanyl|duragesic|tapentadol|nucynta|oxymorphone|codeine"), "Z79.891"),
         (_rx(r"nsaids?|ibuprofen|motrin|advil|naproxen|naprosyn|aleve|meloxicam|mobic|celecoxib|celebrex|"
              r"diclofenac|etodolac|nabumetone|indomethacin|piroxicam|sulindac"), "Z79.1"),
         (_rx(r"alendronate|risedronate|ibandronate|zoledronic acid|bisphosphonates?"), "Z79.83"),
         (ANTIBIOTICS, "Z79.2"),
         # no class of their own: "Other long term (current) drug therapy"; psychotropics by their names as well
         (_rx(LIPID_LOWERING_NAMES + r"|hydroxychloroquine|plaquenil|amiodarone|"
              r"lithium|levothyroxine|antipsychotics?|antidepressants?|mood stabili[sz]ers?|"
              r"paliperidone|invega|risperidone|risperdal|aripiprazole|abilify|olanzapine|zyprexa|quetiapine|"
              r"seroquel|haloperidol|fluphenazine|clozapine|lurasidone|"
              # the antithyroid drugs, a statin's non-statin partners and an alcohol use disorder's maintenance drug
              r"methimazole|tapazole|propylthiouracil|naltrexone|acamprosate|disulfiram|"
              # the drugs whose serum level is monitored, taken for years, by their generic names, brands and the
              # valproate level's abbreviation ("VPA level drawn today")
              r"digoxin|lanoxin|phenytoin|dilantin|valproate|valproic acid|divalproex|depakote|vpa|carbamazepine|"
              r"tegretol"), "Z79.899"),
         (ANTIEPILEPTICS, "Z79.899"), (STATED_LONG_TERM_ONLY, "Z79.899"), (NAMED_LONG_TERM_ONLY, "Z79.899"))
# a drug the note names with its level or its monitoring: "digoxin level", "methotrexate monitoring"; a serum
# level is checked for a drug kept at a steady dose, so the drug is also taken long term
LEVEL_CHECKED_DRUG = re.compile(r"\b(" + "|".join(f"(?:{pattern.pattern})" for pattern, _ in DRUGS
                                                if pattern is not ANTIMETABOLITE_CHEMOTHERAPY) +
                                r")\W{1,3}(levels?|monitoring)\b", re.IGNORECASE)
# the level drawn or ordered at this encounter ("lithium level, TSH and creatinine drawn this morning", a
# requisition's "digoxin level"), not a result read from another day's draw ("valproate level ok")
_DRAWN = _rx(r"drawn|checked|ordered|sent|obtained|today|this morning")


def level_drawn(note: str, match: re.Match) -> bool:
    return bool(_DRAWN.search(after(note, match.end()))) or is_order_note(note)


# the drug's name ends at most a few characters before the word "level" or "monitoring": only the note around each
# such word is searched for the long alternation of drug names
_LEVEL_WORD = re.compile(r"\b(levels?|monitoring)\b", re.IGNORECASE)
_LONGEST_NAME = 40


def _levelled_drugs(note: str) -> dict[str, re.Match]:
    """The drugs whose level the note draws or orders at this encounter, by name."""
    found = {}
    for word in _LEVEL_WORD.finditer(note):
        start = max(0, word.start() - _LONGEST_NAME)
        for match in LEVEL_CHECKED_DRUG.finditer(note, start, word.end()):
            if match.end() == word.end() and level_drawn(note, match):
                found[match.group(1).lower()] = match
    return found


# clozapine is given only under a neutrophil count's monitoring: a note that reports or orders the count beside the
# drug the patient is on documents a drug kept for the long run ("stable on clozapine 300 mg; ANC within range"; not
# a neutropenia "due to clozapine", which is the adverse effect's code)
_CLOZAPINE = _rx(r"clozapine|clozaril")
_NEUTROPHIL_COUNT = _rx(r"anc|absolute neutrophil count")
_ON_BEFORE = re.compile(r"\b(on|takes|taking|continue|cont)\s+$", re.IGNORECASE)


def _count_monitored(note: str, match: re.Match) -> re.Match | None:
    """The neutrophil count the note names, where `match` is clozapine the patient is on: the drug's long-term cue."""
    if _CLOZAPINE.fullmatch(match.group(0)) and _ON_BEFORE.search(before(note, match.start())):
        return _NEUTROPHIL_COUNT.search(note)
    return None


# a corticosteroid that replaces what the adrenal or pituitary gland no longer makes is taken for life: in the sentence
# of the insufficiency it replaces ("adrenal insufficiency on hydrocortisone replacement", "hypopituitarism -
# hydrocortisone 15 mg/day"); not a stress dose given for an illness or an operation, nor a replacement ended
# ("hydrocortisone replacement tapered off in May")
_STEROID = _rx(r"hydrocortisone|cortef|fludrocortisone|prednisone|prednisolone|dexamethasone")
_REPLACED = _rx(r"(steroid |glucocorticoid |hormone )?replacement|adrenal insufficiency|addison'?s?( disease)?|"
                r"hypoadrenalism|(pan)?hypopituitarism|adrenal hyperplasia")
_STRESS_DOSE_GIVEN = _rx(r"stress[- ]dose[sd]?( of)?( iv| im)? (hydrocortisone|steroids?)|"
                         r"(hydrocortisone|steroids?) stress[- ]dos\w*|"
                         r"(for|before|around) (the |his |her )?(surgery|procedure|colonoscopy|operation)")
_REPLACEMENT_ENDED = _rx(r"tapered( off)?|weaned( off)?|stopped|discontinued|d/c'?d|off|no longer|held")


# the words `_REPLACED` cannot match without, read as plain text first: the pattern's scan is the slower one
_REPLACEMENT_WORDS = ("replacement", "insufficiency", "addison", "hypoadrenalism", "pituitarism", "adrenal hyperplasia")


def _may_replace_a_gland(note: str) -> bool:
    lowered = note.lower()
    return any(word in lowered for word in _REPLACEMENT_WORDS) and _REPLACED.search(note) is not None


def _replacing_a_gland(note: str, match: re.Match) -> re.Match | None:
    """The insufficiency the steroid at `match` replaces, named in its sentence: the drug's long-term cue."""
    if not _STEROID.fullmatch(match.group(0)):
        return None
    said = sentence(note, match.start(), match.end())
    return None if _STRESS_DOSE_GIVEN.search(said) or _REPLACEMENT_ENDED.search(said) else _REPLACED.search(said)


# opioid treatment of opioid dependence (buprenorphine, methadone maintenance) is not an opiate analgesic taken long
# term: the dependence code says it
_OPIOID_DEPENDENCE = _rx(r"opioid (use disorder|dependence)|(buprenorphine|suboxone|methadone) maintenance")


# nothing is made without a screening, a routine exam, counselling given or a drug named, and nothing dropped but an
# unlabelled Z71
@needs(codes=("Z71",), patterns=(any_of((_ANY_SCREENING, _ROUTINE_CHILD, _ROUTINE_ADULT, _COUNSELLED,
                                         *(pattern for pattern, _ in DRUGS))),))
def encounter_z_codes(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    routine = _routine_exam(note, suggestions, tabular)
    screenings = _screenings(note, tabular)
    if any(r.code.startswith("Z00.12") for r in routine):  # the well-child visit's own developmental screenings
        screenings = [m for m in screenings if m.code not in _INHERENT_TO_A_WELL_CHILD_VISIT]
    made = [*screenings, *routine, *_counselling(note, [*suggestions, *routine], tabular),
            *_long_term_drugs(note, suggestions, tabular)]
    made = list({m.code: m for m in reversed(made) if tabular.is_billable(m.code)}.values())[::-1]
    found = {m.code for m in made}
    kept = [s for s in suggestions if s.code not in found and not (s.code.startswith("Z71") and s.convention is None)]
    return [*kept, *made], [m.reason for m in made]


def _given(note: str, match: re.Match, order_note: bool = False) -> bool:
    said = sentence(note, match.start(), match.end())
    only_ordered = _ORDERED_ONLY.search(said) and not _PERFORMED.search(said) and not order_note
    return not (_negated_in_its_clause(note, match) or _NOT_DONE.search(said) or only_ordered
                or DONE_BEFORE.search(said))


# the dash that closes a list item or a problem before what the visit did about it: "never had a bone density test -
# DEXA ordered to screen for osteoporosis", "Sedentary, no regular exercise - exercise counseling 10 min"
_CLAUSE_BREAK = re.compile(r"\s[-\u2013]\s")


def _clause_start(note: str, match: re.Match) -> int:
    start = sentence_start(note, match.start())
    return max((m.end() for m in _CLAUSE_BREAK.finditer(note, start, match.start())), default=start)


def _negated_in_its_clause(note: str, match: re.Match) -> bool:
    """A denial before the mention in its own clause; one before the dash that opens the clause denies the item
    before it, not what the visit does after it."""
    start = _clause_start(note, match)
    return negated_before(note[start:], match.start() - start)


def _opening(note: str) -> str:
    return note[:sentence_end(note, 0)]


def is_order_note(note: str) -> bool:
    """The note's first sentence is an order heading or the screening it orders."""
    opening = _opening(note)
    return bool(_ORDER_HEADING.search(opening) or _ANY_SCREENING.search(opening))


def _screenings(note: str, tabular) -> list[Suggestion]:
    """A screening whose result the note states as positive is coded as the condition it found instead."""
    if not (may_match(_ANY_SCREENING_WORDS, note) and _ANY_SCREENING.search(note)):
        return []
    order_note = is_order_note(note)
    at_exam = not order_note and _preventive_visit(note)
    made = []
    for pattern, code in (*SCREENINGS, *_SCREENED_FOR):
        for match in pattern.finditer(note):
            said = sentence(note, match.start(), match.end())
            purpose = bool(_SCREENING_AS_PURPOSE.search(said) or _topic_screening_test_ordered(note, match))
            if match.groupdict().get("listed") and re.search(r"\bfor\b", before(note, match.start()), re.I):
                continue  # a listed test's topic after a reason given before it: "panel for hyperlipidemia"
            if _POSITIVE.search(said) or not (_given(note, match, order_note or at_exam or purpose)
                                              or at_exam and _due_and_ordered(note, match)):
                continue
            ordered = (order_note or at_exam or purpose) and not _given(note, match)
            rule = (SCREENING_ORDERED_AT_EXAM if at_exam else ORDERED_SCREENING if order_note
                    else SCREENING_ORDERED_FOR) if ordered else NAME
            made.append(from_rule(code, match, tabular, rule,
                                  f"{match.group(0)}: {code}, encounter for screening" + (
                                      ", ordered by the preventive visit it is part of" if ordered and at_exam else
                                      ", the reason of the order the note opens with" if ordered and order_note else
                                      ", the reason the sentence gives its order" if ordered else "")))
    return made + (_screened_tests(note, tabular) + _sti_panel_tests(note, made, tabular) if order_note else [])


def _topic_screening_test_ordered(note: str, match: re.Match) -> bool:
    return match.group(0).lower().endswith("screening") and bool(_TEST_THEN_ORDERED.match(note, match.end()))


# "due for" or "overdue" said of a screening the same sentence then orders or refers for
_DUE = _rx(r"(over)?due( for)?")
_ORDERED_AFTER_DUE = _rx(r"ordered|referred|referral (placed|sent|made)|order placed")


def _due_and_ordered(note: str, match: re.Match) -> bool:
    """A screening found due at the visit and ordered by it there ("Due for colon cancer screening: referred for
    colonoscopy") is ordered at that visit; due with nothing done, or due at a later date, is not."""
    said = sentence(note, match.start(), match.end())
    due = _DUE.search(said)
    if due is None or not _ORDERED_AFTER_DUE.search(said, due.end()) or negated_before(note, match.start()):
        return False
    rest = _DUE.sub(" ", said)
    return not (_NOT_DONE.search(rest) or DONE_BEFORE.search(rest))


def _preventive_visit(note: str) -> bool:
    """A routine adult exam or wellness visit, whose screenings ordered are among the preventive services it is
    for (guideline I.C.21.c.5: a screening is coded beside the visit it is ordered at)."""
    match = _ROUTINE_ADULT.search(note)
    return match is not None and _exam_given(note, match)


def _exam_given(note: str, match: re.Match) -> bool:
    """The exam is this visit's; an order made at it does not make it an order for a later one."""
    return _given(note, match, order_note=bool(_ORDERED_AT.search(note, sentence_start(note, match.start()),
                                                                     match.start())))


def _screened_tests(note: str, tabular) -> list[Suggestion]:
    """A bare "screening" in an order note names no topic of its own ("Lab order: HIV-1/2 Ag/Ab and hep C
    antibody. Routine one-time screening."): it is the reason of the tests its opening orders."""
    opening = _opening(note)
    bare = next((m for m in re.finditer(rf"\b{_SCREEN}\b", note, re.IGNORECASE) if m.start() >= len(opening)
                 and not any(pattern.search(sentence(note, m.start(), m.end())) for pattern, _ in _SCREENED_TOPICS)
                 and not _NAMES_ITS_TOPIC.match(note, m.end()) and not _TOPIC_BEFORE.search(before(note, m.start()))
                 and _given(note, m, True) and not _POSITIVE.search(sentence(note, m.start(), m.end()))), None)
    if bare is None:
        return []
    return [from_rule(code, test, tabular, ORDERED_SCREENING,
                      f"{test.group(0)}: {code}, encounter for screening, the order's tests with "
                      f"\"{bare.group(0)}\" as their reason")
            for pattern, code in _SCREENED_TOPICS for part in _order_lists(note, opening, bare.start())
            for test in [pattern.search(note, *part)] if test is not None]


# the screenings an STI screening's order is made of, each coded from its own test: Z11.3 excludes the HIV
# screening, and hepatitis C is not of a predominantly sexual mode of transmission
_STI_PANEL_PARTS = ("Z11.4", "Z11.59")


def _sti_panel_tests(note: str, made: list[Suggestion], tabular) -> list[Suggestion]:
    """An order whose reason is an STI screening ("Lab req: HIV-1/2 Ag/Ab, RPR, GC/CT NAAT, hep C Ab. Reason:
    routine STI screening") screens for HIV and hepatitis C by the tests its lists name."""
    sti = next((m for m in made if m.code == "Z11.3"), None)
    if sti is None:
        return []
    opening, coded = _opening(note), {m.code for m in made}
    return [from_rule(code, test, tabular, ORDERED_SCREENING,
                      f"{test.group(0)}: {code}, encounter for screening, a test of the order's STI screening")
            for pattern, code in _SCREENED_TOPICS if code in _STI_PANEL_PARTS and code not in coded
            for part in _order_lists(note, opening, sti.start) for test in [pattern.search(note, *part)]
            if test is not None]


# a screening that names its own subject, one the topics do not know ("screening for thyroid disorder", "celiac
# screen"), is not the reason of the other tests
_NAMES_ITS_TOPIC = re.compile(r"\s+(for|of)\b", re.IGNORECASE)
_NOT_A_SUBJECT = (r"routine|one-time|annual|general|preventive|age-appropriate|universal|adult|for|as|a|an|the|and|"
                  r"reason|indication|purpose|dx|diagnosis")
_TOPIC_BEFORE = re.compile(rf"(?<![\w-])(?!(?:{_NOT_A_SUBJECT})(?![\w-]))[a-z][\w-]*[ \t]+$", re.IGNORECASE)


# a line of the order that lists what it orders: "Tests: HIV-1/2 Ag/Ab; hep C antibody"
_LIST_END = re.compile(r"\.(\s|$)|\n")
_TEST_LIST = re.compile(r"(^|[.;\n]\s*)(tests?|labs?|panels?|orders?|ordered)\s*:", re.IGNORECASE)


def _order_lists(note: str, opening: str, until: int) -> list[tuple[int, int]]:
    """The spans naming the order's tests: its opening, and each list line after it ("Tests: ...", to its full
    stop or line break; its items may be parted by semicolons) before the screening that is their reason."""
    spans = [(0, len(opening))]
    for line in _TEST_LIST.finditer(note, len(opening), until):
        stop = _LIST_END.search(note, line.end(), until)
        spans.append((line.end(), stop.start() if stop else until))
    return spans


def _routine_exam(note: str, suggestions: list[Suggestion], tabular) -> list[Suggestion]:
    child = _ROUTINE_CHILD.search(note) if may_match(_ROUTINE_CHILD_WORDS, note) else None
    match = child or (_ROUTINE_ADULT.search(note) if may_match(_ROUTINE_ADULT_WORDS, note) else None)
    if match is None or not _exam_given(note, match):
        return []
    abnormal = _ABNORMAL.search(note)
    normal = stated_normal(note)
    code = ("Z00.121" if child else "Z00.01") if abnormal and not normal else ("Z00.129" if child else "Z00.00")
    stated = bool(abnormal) != bool(normal)
    findings = any(s.context == "affirmed" and s.code[0] not in "Z" and not presented_as_known(note, s)
                   for s in suggestions)
    confidence = UNDER_SPECIFIED_CONFIDENCE if not stated and findings else 0.94
    why = "with abnormal findings" if code in ("Z00.01", "Z00.121") else "without abnormal findings"
    if not stated and findings:
        why += "; the note names conditions without saying whether they are new abnormal findings: a coder decides"
    return [from_rule(code, match, tabular, NAME, f"{match.group(0)}: {code}, routine exam {why}",
                      confidence=confidence)]


def stated_normal(note: str) -> re.Match | None:
    """The note's statement that the exam is normal; "otherwise exam normal" or "rest of exam unremarkable" says the
    rest is normal beside a finding: not a normal exam."""
    return next((m for m in _NORMAL.finditer(note) if not _OTHERWISE.search(before(note, m.start()))), None)


def _counselling(note: str, suggestions: list[Suggestion], tabular) -> list[Suggestion]:
    """Counselling that is part of treating a condition the note codes (diet and exercise for obesity or
    diabetes) is not coded on its own (guidelines I.C.21.c.10), unless it treats a lifestyle problem the note
    records."""
    treated = {code for code, prefixes in INTEGRAL_COUNSELLING.items()
               if any(s.context == "affirmed" and s.code.startswith(prefixes) for s in suggestions)
               and not records(note, LIFESTYLE_COUNSELLED[code])}
    made = []
    said = _BESIDE_THE_COUNSELLING.sub(lambda beside: " " * len(beside.group(0)), note)
    for match in _COUNSELLED.finditer(note):
        if not _counselling_given(said, match):
            continue
        timed = _TIMED.search(match.group(0)) is not None
        # a list item's counselling is on the topic its item names before the semicolon ("alcohol use disorder -
        # 4 beers a night; counselled on cutting down")
        text = note[sentence_start(note, match.start(), across_semicolons=True):sentence_end(note, match.end())]
        codes = [code for topic, code in COUNSELLING_TOPICS if topic.search(text) and (timed or code not in treated)
                 and _for_a_coded_disorder(code, suggestions)
                 and not (code == "Z71.6" and (_OTHERS_SMOKE.search(text) or _cannabis_only(text)))]
        reason = f"{match.group(0)}: counselling documented as the service given"
        made += [from_rule(code, match, tabular, NAME, f"{reason}, {code}") for code in codes]
    return made


_TIMED = re.compile(r"\d+ ?(minutes|mins?)\b", re.IGNORECASE)


def _counselling_given(note: str, match: re.Match) -> bool:
    """Counselling given at this visit, read in its own clause: a denial before the dash that opens it ("no regular
    exercise - exercise counseling 10 min") is the problem's, and a referral after it ("counseled on exercise,
    referred to a balance class") the next step's, not the counselling's."""
    start = _clause_start(note, match)
    clause = note[start:sentence_end(note, match.end())]
    only_referred = _ORDERED_ONLY.search(note, start, match.end()) and not _PERFORMED.search(clause)
    return not (_negated_in_its_clause(note, match) or _NOT_DONE.search(clause) or only_referred
                or DONE_BEFORE.search(clause))


def _cannabis_only(text: str) -> bool:
    return _CANNABIS.search(text) is not None and _TOBACCO.search(text) is None


def _for_a_coded_disorder(code: str, suggestions: list[Suggestion]) -> bool:
    disorders = SUBSTANCE_COUNSELLING.get(code)
    return disorders is None or any(s.code.startswith(disorders) for s in suggestions)


# "no seizures in 3 years on lamotrigine", "no flare in a year on long-term allopurinol", "no current flare - continue
# allopurinol long-term": the denial is of what the drug holds off; the drug is read from its own "on" or "continue"
# (not "not on", "no longer on", "no need to continue"), or from the "on" of the list it closes ("without
# exacerbation on pyridostigmine and prednisone"); a "not" denies the qualifier a comma or a dash closes ("epilepsy,
# not intractable, on long-term levetiracetam"), not "not currently on"
_HELD_OFF_ON = re.compile(r"\b(no|without|not(?=\s+(?!(on|currently|yet|ever|been|taking|longer)\b)[a-z][\w-]*"
                          r"(,|\s+[-\u2013])))\b[^.;]*?(?<!\bnot )(?<!\blonger )(?<!\bnever )(?<!\bto )"
                          r"\b(?P<on>on|cont|continued?|continues)\s+"
                          r"((long[- ]term|maintenance|daily)\s+|[^.;]*?\b(and|plus)\s+)?$", re.IGNORECASE)


def _taken_now(note: str, match: re.Match) -> bool:
    if current(note, match.start(), match.end()):
        return True
    held = _HELD_OFF_ON.search(before(note, match.start()))
    cut = match.start() - len(before(note, match.start())) + held.start("on") if held else None
    return cut is not None and current(note[cut:], match.start() - cut, match.end() - cut)


# the words each drug class's names cannot match without: a note lacking them is not scanned for the class (by the
# pattern's id: hashing a compiled pattern reads its whole program)
_DRUG_WORDS = {id(pattern): required_literals(pattern) for pattern, _ in DRUGS}


_COURSE_ONLY = re.compile(_LONG_COURSE, re.IGNORECASE)
_ANOTHER_ITEM = re.compile(r"[,;+]|\b(plus|and|with)\b", re.IGNORECASE)
_ANY_DRUG = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in DRUGS), re.IGNORECASE)
# "chronic" right before the drug ("on chronic prednisone") is the drug's course; said of a condition ("chronic
# HTN in pregnancy - aspirin", "Schizophrenia, chronic, on clozapine") or a heading ("Chronic Conditions:"), it is
# the condition's, and a drug given for a chronic condition is long-term only where the note says so of the drug
_CHRONIC_OF_THE_DRUG = re.compile(r"chronic\W{1,3}$", re.IGNORECASE)
_LIST_ITEM_END = re.compile(r"[,;+]")


def _not_the_drugs_cue(note: str, match: re.Match, cue: re.Match) -> bool:
    """The cue is another thing's: "chronic" not right before the drug, or a cue closing an earlier list item that
    names another drug ("continue ASA 81 long term, rosuvastatin": the aspirin's, not the statin's; "clopidogrel and
    atorvastatin long term" gives both theirs)."""
    offset = sentence_start(note, match.start())
    start, end = offset + cue.start(), offset + cue.end()
    if cue.group(0).lower().startswith("chronic"):
        return not _CHRONIC_OF_THE_DRUG.search(note[start:match.start()])
    if end > match.start() or not _LIST_ITEM_END.search(note, end, match.start()):
        return False
    item_start = max((m.end() for m in _LIST_ITEM_END.finditer(note, offset, start)), default=offset)
    return bool(_ANY_DRUG.search(note, item_start, start))


def _another_items_course(note: str, match: re.Match, cue: re.Match) -> bool:
    """A duration written in a parenthesis is the course of the item it is attached to: "ticagrelor plus aspirin
    (DAPT for 12 months), metoprolol, atorvastatin 80" gives the antiplatelets' course, not the statin's, while
    "atorvastatin 40 mg (for 5 years)" gives the statin's."""
    if not _COURSE_ONLY.fullmatch(cue.group(0)):
        return False
    offset = sentence_start(note, match.start())
    start, end = offset + cue.start(), offset + cue.end()
    opened, closed = note.rfind("(", offset, start), note.find(")", end)
    if not (opened > note.rfind(")", offset, start) and closed != -1) or opened < match.start() < closed:
        return False
    return match.start() > closed or bool(_ANOTHER_ITEM.search(note, match.end(), opened))


_OWN_ITEM_END = re.compile(r"[+,;]|\b(and|plus)\b", re.IGNORECASE)


def _in_its_own_item(note: str, match: re.Match, cue: re.Match) -> bool:
    """The cue lies in the drug's own list item, between the separators or the "and" either side of its name, or in
    an item right after it that names no drug ("HTN on chlorthalidone 25 mg, long-term")."""
    offset, stop = sentence_start(note, match.start()), sentence_end(note, match.end())
    first = max((m.end() for m in _OWN_ITEM_END.finditer(note, offset, match.start())), default=offset)
    last = _OWN_ITEM_END.search(note, match.end(), stop)
    end = last.start() if last else stop
    if last:
        following = _OWN_ITEM_END.search(note, last.end(), stop)
        if not _ANY_DRUG.search(note, last.end(), following.start() if following else stop):
            end = following.start() if following else stop
    return first <= offset + cue.start() and offset + cue.end() <= end


# the drug's clause says it was never begun: "maintenance azacitidine discussed, not started" (not "on methotrexate,
# biologic not started")
_NOT_STARTED_AFTER = re.compile(r"[^.;]{0,40}?\bnot (yet )?(started|begun|initiated)\b", re.IGNORECASE)


def _never_started(note: str, match: re.Match) -> bool:
    """The drug's own clause, naming no other drug, says it was never begun."""
    said = _NOT_STARTED_AFTER.match(note, match.end())
    return said is not None and not _ANY_DRUG.search(note, match.end(), said.end())


def _own_course_after(note: str, match: re.Match) -> re.Match | None:
    """The course of years written after the drug in its own list item: the drug's long-term cue (a few months of
    a drug begun this year are coded both ways by our labelled notes)."""
    course = _OWN_COURSE_AFTER.match(note, match.end())
    if course is None or course.start("course") >= sentence_end(note, match.end()):
        return None
    return _YEARS_COURSE_ONLY.match(note, course.start("course"))


def _long_term_drugs(note: str, suggestions: list[Suggestion], tabular) -> list[Suggestion]:
    levelled = _levelled_drugs(note)
    if not (_LONG_TERM.search(note) or levelled or _NEUTROPHIL_COUNT.search(note) or may_report_a_level(note)
            or _may_replace_a_gland(note) or may_name_a_transplant(note) or _DOSED_THRICE_WEEKLY.search(note)):
        return []
    made = []
    # insulin is type 1 diabetes's own treatment, which its code says: Z79.4 is for the other types (I.C.4.a.3)
    type_1 = any(s.code.startswith("E10") for s in suggestions)
    for pattern, code in DRUGS:
        if (code == "Z79.4" and type_1) or not may_match(_DRUG_WORDS[id(pattern)], note):
            continue
        for match in pattern.finditer(note):
            text = sentence(note, match.start(), match.end())
            stated_only = pattern in (ANTIEPILEPTICS, STATED_LONG_TERM_ONLY, NAMED_LONG_TERM_ONLY, INHALED_STEROIDS)
            cues = _STATED_LONG_TERM if stated_only else _STATED_COURSE if pattern is ANTIBIOTICS else _LONG_TERM
            cue = next((said for said in cues.finditer(text) if not (_another_items_course(note, match, said)
                                                                      or _not_the_drugs_cue(note, match, said))
                        and (pattern is not NAMED_LONG_TERM_ONLY or _in_its_own_item(note, match, said))),
                       None) or levelled.get(match.group(0).lower()) or _count_monitored(note, match) \
                or level_reported(note, match) or _replacing_a_gland(note, match) \
                or kept_with_the_graft(note, match) \
                or (stated_only and _own_course_after(note, match))
            if cue and _taken_now(note, match) and not _short_course(note, match) and not _never_started(note, match) \
                    and not named_as_past_use(note, match) and for_this_class(match, note) \
                    and not (code == "Z79.891" and _OPIOID_DEPENDENCE.search(text)):
                made.append(from_rule(code, match, tabular, NAME, f"{match.group(0)}: {code}, long-term drug "
                                                                   f"therapy the note documents (\"{cue.group(0)}\")"))
                break
    return made
