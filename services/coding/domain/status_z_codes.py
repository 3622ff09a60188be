"""Status Z codes: a device, graft or dependence the patient lives with is coded for what it tells the payer
about the care (ICD-10-CM guidelines I.C.21.c.3), as the alphabetic index sends the words: "Status, insulin
pump" Z96.41, "Dependence on supplemental oxygen" Z99.81, "Presence of coronary angioplasty implant" Z95.5,
"Presence of prosthetic heart valve" Z95.2, "Presence of cardiac pacemaker" Z95.0 (a "PPM" the note places or
checks), "Presence of aortocoronary bypass graft" Z95.1 (CABG), "Presence of automatic (implantable) cardiac
defibrillator" Z95.810 (AICD), "Dependence on renal dialysis" Z99.2, "Status, bariatric surgery" Z98.84 (gastric
bypass, sleeve), "Status, arthrodesis" Z98.1 (a spinal fusion by region or level, ACDF), "Absence, lung (part of)
(acquired)" Z90.2 (lobectomy), "Absence, breast (acquired)" Z90.1- by the
side the sentence states (mastectomy; Z90.13 both), "Absence, kidney (acquired)" Z90.5 (nephrectomy), "Absence,
spleen (acquired)" Z90.81 (splenectomy), "Absence, leg, below knee / above knee" Z89.51- / Z89.61- by side (a
below- or above-knee amputation, BKA, AKA). A status is "s/p" by nature, so past-tense
cues do not exclude it; a denied (in its own list item), removed, declined, planned or relative's device does.

Related Z codes read from the same kind of words: an INR, drug level or drug toxicity check for a drug taken long
term is Z51.81 (therapeutic drug level monitoring, with its Z79.- code); insulin for type 2 (or other) diabetes is
Z79.4 however the note words it ("on insulin"), since the guideline assigns it whenever the patient is treated
with insulin (I.C.4.a.3; not for type 1, where insulin is the treatment itself), and an immunization the patient
declined is Z28.21 (immunization not carried out because of patient refusal).
"""
import re

from services.coding.domain.convention_gates import any_of, needs
from services.coding.domain.diabetic_complications import stated_diabetes
from services.coding.domain.drug_therapy import denied_in_its_item
from services.coding.domain.encounter_z_codes import LEVEL_CHECKED_DRUG, LIPID_LOWERING, is_order_note, level_drawn
from services.coding.domain.laterality import stated_side
from services.coding.domain.pattern_literals import NOTE_WORDS, Prefilter, may_match, required_literals
from services.coding.domain.note_text import FAMILY, after, sentence, sentence_end, sentence_start
from services.coding.domain.past_drug_use import named_as_past_use
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.suggestions import Suggestion, from_rule
from services.coding.domain.transplant_status import TRANSPLANTS, transplant_status

NAME = "status-z-code"
# a coronary artery by the names notes give it
_CORONARY_VESSEL = (r"(lad|lcx|rca|om\d?|circumflex|left anterior descending|right coronary( artery)?|left main|"
                    r"diagonal|d\d|ramus)")
_VESSEL_PART = r"((proximal|prox|mid|distal) )?"


STATUSES = (
    (_rx(r"insulin pump"), "Z96.41", "an insulin pump in use"),
    # oxygen the patient lives on, not oxygen started during the visit
    (_rx(r"(home|supplemental|chronic|continuous|nocturnal|long[- ]term) (oxygen|o2)|(oxygen|o2) at (home|night)|"
         r"(oxygen|o2)[- ]dependent|(uses|using|wears|requires) \d+(\.\d+)? ?(l|lpm|l/min) (of )?(o2|oxygen|nc|nasal cannula)|"
         # oxygen by its flow for the times the patient needs it: "oxygen 3 L with exertion", "2 L nasal cannula with
         # sleep and exertion"
         r"((oxygen|o2) (at )?\d+(\.\d+)? ?(l|lpm|l/min)|\d+(\.\d+)? ?(l|lpm|l/min) (by |of )?(nasal cannula|nc|o2|oxygen)) "
         r"(with|on|during|for) (sleep|exertion|activity|ambulation|walking)|"
         # or for all the day: "on 1 L O2 continuous", "oxygen 2 lpm around the clock"
         r"((oxygen|o2) (at )?\d+(\.\d+)? ?(l|lpm|l/min)|\d+(\.\d+)? ?(l|lpm|l/min) (of )?(o2|oxygen|nc|nasal cannula)) "
         r"(continuous(ly)?|around the clock|24/7|day and night|at all times)"),
     "Z99.81",
     "dependence on supplemental oxygen"),
    # a drug-eluting or bare-metal stent is a coronary one by its kind, whether written before its vessel ("DES to
    # the RCA", "BMS in LAD"), after it ("mid LAD DES 2023") or after the procedure that placed it ("atherectomy and
    # DES"); a PCI to a named coronary vessel is how a stenting is written ("s/p PCI to LAD 2021")
    (_rx(r"(coronary|cardiac) stents?|stents? (to|in) (the )?(lad|lcx|rca|om\d?|circumflex|left anterior descending|"
         r"right coronary|coronary|diagonal)|(pci|angioplasty|atherectomy) (with|and) (an? )?(stent(ing)?|des)|"
         r"des (to|in|placed|deployed)|(drug[- ]eluting|bare[- ]metal) (coronary )?stents?|"
         # ("BMs" alone are bowel movements: a bare-metal stent only beside its vessel)
         r"(pci|bms) (to|of|in) (the )?" + _VESSEL_PART + _CORONARY_VESSEL + "|" + _CORONARY_VESSEL + r" (des|bms)"),
     "Z95.5",
     "a coronary angioplasty implant in place"),
    # a stent written beside the coronary disease it treats ("CAD with a stent 2020", "CAD, stented 2019", "CAD s/p
    # PCI with 2 stents"), not one its sentence places in another vessel
    (_rx(r"(cad|coronary artery disease|coronary disease|ischemic heart disease)\b(?:(?![.;:\n]|\b(carotid|renal|iliac|"
         r"femoral|sfa|popliteal|ureteral|ureteric|biliary|peripheral|esophageal|airway|tracheal)\b).){0,40}?"
         r"\b(stents?|stented|stenting)\b(?![^.;\n]{0,20}\b(carotid|renal|iliac|femoral|sfa|popliteal|ureteral|biliary|"
         r"peripheral)\b)|"
         # or its stents counted in the clause after it ("Coronary artery disease, native vessels; two stents in 2021")
         r"(cad|coronary artery disease|coronary disease)\b[^.;:\n]{0,30}; (one|two|three|four|\d) (coronary )?stents?\b"),
     "Z95.5", "a coronary angioplasty implant in place"),
    (_rx(r"(mechanical|prosthetic|bioprosthetic|tissue) (mitral |aortic |tricuspid |pulmonic |heart )?valve|"
         r"(mitral|aortic) valve replacement|s/p (avr|mvr|tavr|tavi)|tavr|tavi"), "Z95.2",
     "a prosthetic heart valve in place"),
    # "wandering atrial pacemaker" is a rhythm, not a device
    (re.compile(r"(?<!wandering )(?<!wandering atrial )\b((cardiac )?pacemaker|ppm in place)\b", re.IGNORECASE),
     "Z95.0", "a cardiac pacemaker in place"),
    (_rx(r"(dual|single)[- ]chamber ppm|s/p ppm|status post ppm|ppm (placed|implanted|check|interrogat\w*)"),
     "Z95.0", "a cardiac pacemaker in place"),
    (_rx(r"cabg|coronary (artery )?bypass graft(ing|s)?|aortocoronary bypass( graft)?"), "Z95.1",
     "an aortocoronary bypass graft in place"),
    # "ICD" as the device only where the words place it ("s/p ICD", "has an ICD", "ICD placed 2023"), never the code set
    (_rx(r"aicd|icd in place|implantable cardioverter[- ]defibrillator|implantable defibrillator|"
         r"(s/p|status post|has an?|with an?) icd(?![-\d])( (placement|implant))?|icd (placed|implanted)"), "Z95.810",
     "an implantable cardiac defibrillator in place"),
    # "Presence, cardiac, implant NEC": a left atrial appendage occluder stays in the heart
    (_rx(r"watchman( device| implant)?|(left atrial appendage|laa) (occlusion|occluder|closure)( device)?"), "Z95.818",
     "a left atrial appendage occlusion device in place"),
    (_rx(r"on (hemo|peritoneal )?dialysis|dialysis[- ]dependent|(hemo)?dialysis (three|3) times"), "Z99.2",
     "dependence on renal dialysis"),
    # "Status, bariatric surgery" and "Absence, lung (part of) (acquired)": an operation the patient lives after
    (_rx(r"(roux-en-y )?gastric bypass|rygb|(vertical )?sleeve gastrectomy|bariatric surgery|(lap(aroscopic)? )?"
         r"gastric band(ing)?|lap[- ]band"), "Z98.84", "bariatric surgery status"),
    (_rx(r"(\w+ )?lobectomy|pneumonectomy"), "Z90.2", "acquired absence of (part of) a lung"),
    # "Status, arthrodesis": a fused spine by its region or level ("lumbar fusion 2015", "L4-5 laminectomy and
    # fusion"), an ACDF or an arthrodesis; a bare "fusion" may be a plan or a finding and is not read
    (_rx(r"(lumbar|cervical|thoracic|lumbosacral|spinal|spine|interbody|[lct]\d{1,2}(-[lcts]?\d{1,2})?) "
         r"(laminectomy (and|with) )?fusion|acdf|arthrodesis"), "Z98.1", "arthrodesis status"),
    (_rx(r"(radical |partial |simple )?nephrectomy"), "Z90.5", "acquired absence of a kidney"),
    (_rx(r"splenectomy"), "Z90.81", "acquired absence of the spleen"),
    # "Presence, neurostimulator (brain) (spinal cord) (vagus nerve)": an implanted stimulator the patient lives with
    (_rx(r"deep brain stimulat(or|ion)( device| system)?|dbs (device|system|leads?|in place|implanted)|"
         r"spinal cord stimulator|vagus nerve stimulator|vns (device|implant)|(implanted )?neurostimulator"), "Z96.82",
     "an implanted neurostimulator in place"),
    # "Dependence on respirator [ventilator] status" and "Dependence on wheelchair": the machine the patient lives on
    (_rx(r"ventilator[- ]dependent|dependent on (a |the )?ventilator|(home|nocturnal|chronic) (mechanical )?ventilat(or|ion)|"
         r"on (a |the )?(home )?ventilator (at night|nightly|every night|at home|continuously)"), "Z99.11",
     "dependence on a ventilator"),
    (_rx(r"wheelchair[- ](bound|dependent|user)|confined to (a )?wheelchair|dependent on (a )?wheelchair"), "Z99.3",
     "dependence on a wheelchair"),
)
# an organ or limb of a pair whose absence code says the side: (words, codes by the side stated, what); a limb
# has no code for both sides, which are its right and left codes
SIDED_ABSENCES = (
    (_rx(r"mastectom(y|ies)"), {"right": ("Z90.11",), "left": ("Z90.12",), "bilateral": ("Z90.13",),
                                        None: ("Z90.10",)}, "acquired absence of a breast"),
    # "AKA"/"BKA" only after a side or "s/p": alone, "AKA" is "also known as"
    (_rx(r"below[- ](the[- ])?knee amputations?|(right|left|bilateral|s/p|post) bka|transtibial amputations?"),
     {"right": ("Z89.511",), "left": ("Z89.512",), "bilateral": ("Z89.511", "Z89.512"), None: ("Z89.519",)},
     "acquired absence of a leg below the knee"),
    (_rx(r"above[- ](the[- ])?knee amputations?|(right|left|bilateral|s/p|post) aka|transfemoral amputations?"),
     {"right": ("Z89.611",), "left": ("Z89.612",), "bilateral": ("Z89.611", "Z89.612"), None: ("Z89.619",)},
     "acquired absence of a leg above the knee"),
    (_rx(r"(great|big|first|1st) toe amputations?|amputations? of (the )?((right|left|r|l) )?(great|big|first|1st) toe|"
         r"(great|big) toe (was |is )?amputated"),
     {"right": ("Z89.411",), "left": ("Z89.412",), "bilateral": ("Z89.411", "Z89.412"), None: ("Z89.419",)},
     "acquired absence of a great toe"),
    (_rx(r"(?<!great )(?<!big )(?<!first )(?<!1st )toe amputations?|amputations? of (the )?((right|left|r|l) )?"
         r"(\w+ )?(?<!great )(?<!big )(?<!first )(?<!1st )toes?"),
     {"right": ("Z89.421",), "left": ("Z89.422",), "bilateral": ("Z89.421", "Z89.422"), None: ("Z89.429",)},
     "acquired absence of other toe(s)"),
)
# the words without which a status cannot match: most notes hold none, and a substring test skips the scans
_PREFILTER = Prefilter({pattern for pattern, _, _ in (*STATUSES, *SIDED_ABSENCES)}, scan=NOTE_WORDS)
_GONE = _rx(r"removed|explanted|discontinued|stopped|no longer|weaned off|candidate for|consider\w*|discuss\w*|evaluat\w*|"
            r"declin\w*|refus\w*|deferred|"
            r"planned|scheduled|referr\w*|ref|eval|if needed|recommended|awaiting|will undergo|"
            r"needs (an? )?(cabg|aicd|pacemaker|ppm|stent\w*|pci|valve replacement|tavr)")  # oxygen "needed" is used

_ON_INSULIN = _rx(r"on insulin|insulin[- ](requiring|dependent|treated)|(long[- ]term )?insulin use|"
                  r"long[- ]term insulin|(uses|takes|using|taking|started on|continues?) (\w+ )?insulin|"
                  r"on (\w+ )?insulin|insulin (glargine|lispro|aspart|detemir|degludec)|"
                  r"lantus|basaglar|toujeo|semglee|levemir|tresiba|humalog|novolog|admelog|fiasp|lyumjev|apidra|"
                  r"humulin|novolin|glargine|detemir|degludec|lispro|aspart")  # the products are insulin
_INSULIN_DIABETES = ("E11", "E13", "E08", "E09")
# insulin given once or for days (a dose in the office, a steroid's cover, a sliding scale during an illness), or one
# the patient is allergic to, is no treatment in use
_NOT_IN_USE = _rx(r"(one|single|a|stat|1) dose|x ?\d+ ?(days?|d)|for \d+ days|allerg\w*")
# a lab order that is the INR itself ("PT/INR. Reason: ...", "Requisition - PT/INR.") or names its goal is the drug's
# monitoring, as is a visit to the clinic that does it ("Anticoag clinic."; an INR value stated at another visit is not)
# (the clinic this visit is at, not "your anticoagulation clinic" that manages the drug elsewhere), or an INR listed with
# warfarin as its test ("on warfarin - PT/INR.")
_MONITORING = _rx(r"(inr|pt/inr|protime) (check|monitoring|draw|goal|target)|"
                  r"(?<!your )(?<!his )(?<!her )(?<!their )anticoag(ulation)? clinic|"
                  r"(check|monitor\w*) (of )?(the )?(inr|pt/inr)|"
                  r"(warfarin|coumadin|jantoven) ?[-:] ?(pt/)?inr(?=[ \t]*([.;\n]|$|today))|"
                  r"^(pt/)?inr(?=\s*[.:])|\b(order|requisition|req|labs?|tests?)\s*[:-]\s*(pt/)?inr(?=\s*([.:]|every|q\s?\d|monthly|weekly|today))|"
                  # labs drawn to watch the drug ("CBC and LFTs every 3 months for monitoring", "trough level drawn
                  # today", "ANC per monitoring protocol"), not ones put off ("in 5 days for monitoring")
                  r"(levels?|labs?|cbc|lfts|anc|drawn|checked)\b((?!\bin \d|\bnext\b)[^.;\n]){0,40}\b(for|per) (\w+ )?monitoring|"
                  r"trough( level)?|"
                  r"(drug|therapeutic|toxicity|drug toxicity) (level )?monitoring|monitor\w* for (drug |thyroid |renal |liver |"
                  r"hepatic |pulmonary |ocular |retinal |[a-z]+ )?(and [a-z]+ )?toxicity|"
                  r"vancomycin level|"
                  # "Reason: monitoring of long-term opiate therapy" (a urine drug screen for it is its monitoring)
                  r"monitoring of (the |her |his )?(long[- ]term |chronic |maintenance )(\w+ ){0,2}(therapy|treatment|use)")
# a visit the note opens as the anticoagulant's monitoring ("Anticoagulation follow-up, cardiology.", "Coumadin
# clinic.") that states the INR it measured today
_MONITORING_VISIT = re.compile(r"^\W*(anticoag(ulation)?|coumadin|warfarin|inr) (visit|follow-?up|f/u|clinic|check)\b",
                               re.IGNORECASE)
_INR_TODAY = _rx(r"(pt/)?inr (today|this morning)\W{0,3}(is |was |of |= ?|: ?)?\d")
# an INR the note finds too high for the drug: the visit is for that adverse effect (its T45.51- code comes later)
_INR_TOO_HIGH = _rx(r"supratherapeutic|(elevated|high) inr|(warfarin|coumadin) (toxicity|overdose)")
# the words each pattern cannot match without: a note lacking them is not scanned for it
_MONITORING_WORDS, _LEVEL_CHECKED_WORDS = required_literals(_MONITORING), required_literals(LEVEL_CHECKED_DRUG)
# a level the visit plans for a later draw ("lithium level and BMP in 5 days", "INR next week"): that encounter
# is the monitoring, not this one, unless the note is itself the order
_LATER = _rx(r"in \d+ (days?|d|wks?|weeks?|mos?|months?)|next (visit|week|month|time)|at (the )?(next|follow-?up) visit|"
             r"before (the )?next visit|at that visit")
# a level the note reports from another day ("lithium level last week 0.6"): that encounter was the monitoring
_ANOTHER_DAY = re.compile(r"^\W*(was\s+)?(last (week|month)|yesterday|(\d+|one|two|three|a few|several) "
                          r"(days?|weeks?|months?) ago|on \d+/\d+)", re.IGNORECASE)
# a level the note gives as a value with no draw of this visit beside it ("on lithium (level 0.7)", "lithium level
# 0.8 last week"): a result read from an earlier draw, not this visit's monitoring ("level today 0.9", "0.8 drawn
# today" are)
_RESULT_READ = re.compile(r"^\W*\d+(\.\d+)?\b(?![\d.]\d)"
                          r"(?!(?:(?!\.(\s|$)|[;\n]).){0,25}\b(today|this morning|drawn|checked|now)\b)", re.IGNORECASE)
_LEVEL_NAMED = re.compile(r"\blevels?$", re.IGNORECASE)
# a level drawn to find a toxicity or an overdose the note suspects ("digoxin level drawn today to r/o digoxin
# toxicity"): the visit is for the symptoms that raised it, not the drug's routine monitoring
_SUSPECTED_TOXICITY = _rx(r"(r/o|rule out|ruling out|to exclude|exclude|suspect\w*|concern for|possible|\?) "
                          r"(\w+ ){0,2}(toxicity|overdose|poisoning)|(toxicity|overdose) (is )?suspected")
# an IV antibiotic whose trough or level is drawn ("vanc trough today 16", "vancomycin trough before the 4th dose"):
# its monitoring, during a course that may be too short for a Z79.- code
_ANTIBIOTIC_LEVEL = _rx(r"(vancomycin|vanco|vanc|gentamicin|tobramycin|amikacin) (trough|peak|level)")
_ANTIBIOTIC_LEVEL_WORDS = required_literals(_ANTIBIOTIC_LEVEL)
# a vaccine named by the word or by its product ("Tdap and Shingrix #1 given", "tdap declined")
VACCINE_NAMES = (r"vaccin\w*|immuni[sz]ation|flu shot|booster|tdap|dtap|shingrix|prevnar( \d+)?|pcv ?(13|15|20|21)|"
                 r"ppsv ?23|pneumovax|gardasil|boostrix|adacel|heplisav|engerix|twinrix|menveo|menquadfi|bexsero|"
                 r"arexvy|abrysvo")
_VACCINE_REFUSED = _rx(r"(declined|declines|refused|refuses) (the |an? |her |his )?(\w+ ){0,2}(" + VACCINE_NAMES + r")|"
                       r"(" + VACCINE_NAMES + r"|shot) (was |is )?(offered and )?(declined|refused)")
_VACCINE_REFUSED_WORDS = required_literals(_VACCINE_REFUSED)


# nothing is made without a status's or transplant's words, insulin named, a vaccine refused, or a Z79 code whose
# drug's monitoring this visit may be
@needs(codes=("Z79",), patterns=(any_of((*(pattern for pattern, _, _ in (*STATUSES, *SIDED_ABSENCES, *TRANSPLANTS)),
                                         _ON_INSULIN, _VACCINE_REFUSED, _ANTIBIOTIC_LEVEL)),))
def status_z_codes(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    made = [*_statuses(note, tabular), *_insulin(suggestions, note, tabular), *_refused_vaccine(note, tabular),
            *_drug_monitoring(suggestions, note, tabular), *transplant_status(note, tabular)]
    made = [m for m in {m.code: m for m in reversed(made)}.values()
            if tabular.is_billable(m.code) and all(s.code != m.code for s in suggestions)]
    return [*suggestions, *made], [m.reason for m in made]


def _present(note: str, match: re.Match) -> bool:
    """Not denied right before ("no pacemaker"; a denial of another item of the list, "no coma, on insulin pump",
    does not reach it), removed, planned or a relative's."""
    text = sentence(note, match.start(), match.end())
    return not (denied_in_its_item(note, match) or _GONE.search(text) or FAMILY.search(text))


def _statuses(note: str, tabular) -> list[Suggestion]:
    possible = _PREFILTER.possible(note)
    found = [(code, why, match) for pattern, code, why in STATUSES if pattern in possible
             for match in pattern.finditer(note)]
    found += [(code, why, match) for pattern, codes, why in SIDED_ABSENCES if pattern in possible
              for match in pattern.finditer(note) for code in codes[_side_beside(note, match)]]
    return [from_rule(code, match, tabular, NAME, f"{match.group(0)}: {code}, {why}")
            for code, why, match in found if _present(note, match) and not _yet_to_come(note, match)
            and not (code == SUPPLEMENTAL_OXYGEN and (_oxygen_started_now(note, match) or _saturation_on(note, match)))]


SUPPLEMENTAL_OXYGEN = "Z99.81"
# oxygen the visit starts or orders ("start O2 2 L with exertion", "home O2 ordered today") is not yet a dependence
# the patient lives with; one the sentence dates to before the visit is ("started home O2 in 2023", "since 2022")
_STARTING = re.compile(r"\b(start|starting|begin|initiate|order|prescribe|arrange|set up)\b[^.;\n,]{0,25}$",
                       re.IGNORECASE)
_STARTED_AFTER = re.compile(r"^[^.;\n,]{0,40}\b(ordered|prescribed|arranged|started today|initiated today)\b",
                            re.IGNORECASE)
_BEFORE_THE_VISIT = re.compile(r"\b((19|20)\d\d|ago|since|last (year|month|week)|previously)\b", re.IGNORECASE)


# a saturation measured on the flow ("92% on 2 L O2 with walking", "sats 90s on 3 L NC continuous") is a reading
# taken at the visit, which says nothing of the oxygen the patient lives on
_SATURATION_BEFORE = re.compile(r"(\d\s*%|\d0s|\bsats?|\bspo2|\bsao2)\s*(on|with)?\s*$", re.IGNORECASE)


def _saturation_on(note: str, match: re.Match) -> bool:
    return bool(_SATURATION_BEFORE.search(note[max(0, match.start() - 15):match.start()]))


def _oxygen_started_now(note: str, match: re.Match) -> bool:
    first, last = sentence_start(note, match.start()), sentence_end(note, match.end())
    return bool((_STARTING.search(note[first:match.start()]) or _STARTED_AFTER.search(note[match.end():last]))
                and not _BEFORE_THE_VISIT.search(note[first:last]))


# an operation the visit comes before ("preoperative evaluation before lobectomy", "prior to a right nephrectomy"):
# the absence or device it will leave is not yet the patient's status
_BEFORE_IT = re.compile(r"\b(before|prior to|ahead of|upcoming)\s+([\w-]+[ \t]+){0,3}[\w-]+$", re.IGNORECASE)


def _yet_to_come(note: str, match: re.Match) -> bool:
    return bool(_BEFORE_IT.search(note[sentence_start(note, match.start()):match.end()]))


def _side_beside(note: str, match: re.Match) -> str | None:
    """The side written beside the operation ("L mastectomy", "mastectomy of the right breast"), not elsewhere
    in its sentence, which may name another side for another condition."""
    start = max(sentence_start(note, match.start()), match.start() - 12)
    # a side right before the operation is its own ("L great toe amputation 2024 and R second toe amputation")
    return stated_side(note[start:match.end()]) or stated_side(
        note[start:min(sentence_end(note, match.end()), match.end() + 25)])


def _insulin(suggestions: list[Suggestion], note: str, tabular) -> list[Suggestion]:
    dm = stated_diabetes(suggestions)
    if dm is None or not dm.code.startswith(_INSULIN_DIABETES):
        return []
    match = next((m for m in _ON_INSULIN.finditer(note) if _present(note, m) and not _NOT_IN_USE.search(
        sentence(note, m.start(), m.end())) and not named_as_past_use(note, m)), None)
    if match is None:
        return []
    return [from_rule("Z79.4", match, tabular, NAME, f"{match.group(0)}: Z79.4, diabetes treated with insulin")]


def _drug_monitoring(suggestions: list[Suggestion], note: str, tabular) -> list[Suggestion]:
    """A visit to check the level or effect of a drug taken long term is Z51.81, with the Z79.- code beside it;
    an IV antibiotic's trough is that monitoring too."""
    if not any(s.code.startswith("Z79") for s in suggestions):
        match = _ANTIBIOTIC_LEVEL.search(note) if may_match(_ANTIBIOTIC_LEVEL_WORDS, note) else None
        if match is None or _drawn_another_time(note, match):
            return []
        return _monitoring(match, note, tabular)
    match = (may_match(_MONITORING_WORDS, note) and _MONITORING.search(note)) or (
        may_match(_LEVEL_CHECKED_WORDS, note) and _level_of_this_visit(note)) or None
    following = after(note, match.end()) if match else ""
    a_level = match is not None and _LEVEL_NAMED.search(match.group(0)) is not None
    if match is None or ((_LATER.search(following) or _ANOTHER_DAY.search(following)
                          or (a_level and _RESULT_READ.search(following))) and not is_order_note(note)):
        match = _monitoring_visit(note)
    if match is None:
        return []
    return _monitoring(match, note, tabular)


def _drawn_another_time(note: str, match: re.Match) -> bool:
    following = after(note, match.end())
    return bool(_LATER.search(following) or _ANOTHER_DAY.search(following))


def _monitoring(match: re.Match, note: str, tabular) -> list[Suggestion]:
    if _SUSPECTED_TOXICITY.search(sentence(note, match.start(), match.end())):
        return []
    return [from_rule("Z51.81", match, tabular, NAME,
                      f"{match.group(0)}: Z51.81, therapeutic drug level monitoring of a long-term drug")]


def _monitoring_visit(note: str) -> re.Match | None:
    """An anticoagulation visit with today's INR; not one that finds the INR too high (a supratherapeutic INR due to
    warfarin), whose adverse effect is that visit's reason."""
    if _MONITORING_VISIT.match(note) is None or _INR_TOO_HIGH.search(note):
        return None
    return _INR_TODAY.search(note)


def _level_of_this_visit(note: str) -> re.Match | None:
    """A drug's level ("lithium level", "digoxin level drawn") or its monitoring: not its levels said of the drug in
    general ("smoking lowers clozapine levels"), unless drawn now; a lipid-lowering drug's "monitoring" is its
    condition's lipid panel, no drug level."""
    return next((m for m in LEVEL_CHECKED_DRUG.finditer(note)
                 if (not m.group(0).lower().endswith("levels") or level_drawn(note, m))
                 and not (m.group(0).lower().endswith("monitoring") and LIPID_LOWERING.fullmatch(m.group(1)))), None)


def _refused_vaccine(note: str, tabular) -> list[Suggestion]:
    match = _VACCINE_REFUSED.search(note) if may_match(_VACCINE_REFUSED_WORDS, note) else None
    if match is None or FAMILY.search(sentence(note, match.start(), match.end())):
        return []
    return [from_rule("Z28.21", match, tabular, NAME,
                      f"{match.group(0)}: Z28.21, immunization not carried out because of patient refusal")]
