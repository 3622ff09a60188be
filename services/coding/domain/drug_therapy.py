"""Long-term (current) drug therapy Z79.- read from the medication the note says the patient is on.

The Z79 codes are for a drug the patient takes continuously for a long-term condition, prophylactically or as
maintenance (ICD-10-CM guidelines I.C.21.c.3). Some drug classes are taken that way by nature: anticoagulants
and antiplatelets, low-dose aspirin, oral and injectable non-insulin antidiabetic drugs (for which I.C.4.a.3
assigns Z79.84/Z79.85 whenever type 2 diabetes is treated with them, beside Z79.4 for insulin), bisphosphonates
and methotrexate. For them a note saying the patient is on the drug ("on apixaban", a medication list with a
dose, "continue metformin") documents the therapy. Drugs also given for a few days (steroids, opioids, NSAIDs)
need the note to say long-term (`encounter_z_codes`).

Not for a drug denied ("not on anticoagulation"), stopped, held, declined, being considered or only started today, one the patient is allergic to,
a relative's, or a course of days; insulin is `status_z_codes`' (Z79.4 depends on the type of diabetes). An
antidiabetic also given without diabetes (metformin, SGLT2 inhibitors, GLP-1 agonists) counts only where the note
names diabetes.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import (FAMILY, HYPOTHETICAL, NEGATED_AFTER, after, before, negated_before,
                                              sentence, sentence_end, sentence_start)
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.past_drug_use import PAUSE_CUES, named_as_past_use
from services.coding.domain.pattern_literals import may_match, required_literals
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "drug-therapy-z-code"


# the immunomodulators and immunosuppressants by the kind the tabular's Z79.6- subcodes name, with their inclusion
# terms: a transplant's, a rheumatic, psoriatic or inflammatory bowel disease's maintenance, given for years (not a
# topical tacrolimus or an ophthalmic cyclosporine, which suppress nothing systemically). Multiple sclerosis'
# disease-modifying antibodies are not read here: our labelled notes bill them with the disease alone
_TOPICAL = r"(?![ \t]+(\d*\.?\d+[ \t]*%[ \t]*)?(ointment|oint|topical|cream|eye|ophthalmic|drops|emulsion)\b)"
IMMUNOSUPPRESSANTS = (
    (_rx(r"apremilast|otezla|lenalidomide|revlimid|pomalidomide|pomalyst"), "Z79.61"),
    (_rx(r"adalimumab|humira|etanercept|enbrel|infliximab|remicade|certolizumab|cimzia|golimumab|simponi|"
         r"tocilizumab|actemra|sarilumab|kevzara|abatacept|orencia|vedolizumab|entyvio|ustekinumab|stelara|"
         r"risankizumab|skyrizi|guselkumab|tremfya|"
         r"secukinumab|cosentyx|ixekizumab|taltz"), "Z79.620"),
    (_rx(rf"(?<!topical )(tacrolimus|prograf|envarsus|cyclosporine|neoral|gengraf|sandimmune){_TOPICAL}|"
         r"calcineurin inhibitors?"), "Z79.621"),
    (_rx(r"tofacitinib|xeljanz|baricitinib|olumiant|upadacitinib|rinvoq|jak inhibitors?"), "Z79.622"),
    (_rx(r"sirolimus|rapamune|everolimus|zortress|mtor inhibitors?"), "Z79.623"),
    (_rx(r"mycophenolate|mycophenolic acid|cellcept|myfortic|azathioprine|imuran|leflunomide|arava"),
     "Z79.624"),
)


# the antimetabolite chemotherapy a cancer is kept in check with for months ("on capecitabine", "maintenance
# azacitidine"); not hydroxyurea, which our labelled notes bill with the sickle cell disease alone. Its blood counts
# watch the marrow, not a level of the drug
ANTIMETABOLITE_CHEMOTHERAPY = _rx(r"capecitabine|xeloda|azacitidine|vidaza|onureg|decitabine|dacogen|inqovi|"
                                  r"trifluridine-tipiracil|lonsurf")


# maintenance drug classes: (names, code)
MAINTENANCE_DRUGS = (
    (_rx(r"warfarin|coumadin|jantoven|apixaban|eliquis|rivaroxaban|xarelto|dabigatran|pradaxa|edoxaban|savaysa|"
         r"enoxaparin|lovenox|dalteparin|fragmin|fondaparinux|arixtra|anticoagula\w+"), "Z79.01"),
    (_rx(r"clopidogrel|plavix|ticagrelor|brilinta|prasugrel|effient|aggrenox|"
         r"ticlopidine|vorapaxar|zontivity|antiplatelet\w*"), "Z79.02"),
    (_rx(r"aspirin|ecotrin|asa(?=\s*\d)"), "Z79.82"),  # "ASA" alone is also the anesthesia physical status
    # the oral antidiabetics by class (biguanide, sulfonylureas, glitazones, gliptins, gliflozins, glinides,
    # alpha-glucosidase inhibitors, oral semaglutide) and their fixed-dose combinations, generic and brand
    (_rx(r"metformin|glucophage|glumetza|fortamet|riomet|glipizide|glucotrol|glyburide|micronase|diabeta|glynase|"
         r"glimepiride|amaryl|pioglitazone|actos|rosiglitazone|avandia|sitagliptin|januvia|saxagliptin|onglyza|"
         r"linagliptin|tradjenta|alogliptin|nesina|empagliflozin|jardiance|dapagliflozin|farxiga|canagliflozin|"
         r"invokana|ertugliflozin|steglatro|bexagliflozin|brenzavvy|janumet|jentadueto|kombiglyze|kazano|synjardy|"
         r"xigduo|invokamet|segluromet|glyxambi|qtern|steglujan|trijardy|actoplus met|duetact|repaglinide|"
         r"prandin|nateglinide|starlix|acarbose|precose|miglitol|glyset|rybelsus|oral semaglutide|"
         r"oral hypoglycemics?"), "Z79.84"),
    (_rx(r"(?<!oral )semaglutide|ozempic|liraglutide|victoza|dulaglutide|trulicity|tirzepatide|mounjaro|"
         r"exenatide|byetta|bydureon|lixisenatide|adlyxin|pramlintide|symlin"), "Z79.85"),
    (_rx(r"alendronate|fosamax|risedronate|actonel|atelvia|ibandronate|boniva|zoledronic acid|reclast|"
         r"bisphosphonates?"), "Z79.83"),
    (_rx(r"methotrexate|mtx|otrexup|rasuvo|trexall|xatmep"), "Z79.631"),
    (ANTIMETABOLITE_CHEMOTHERAPY, "Z79.631"),
    # the endocrine therapies of breast cancer, taken for five years or more: the class must be known by name
    (_rx(r"anastrozole|arimidex|letrozole|femara|exemestane|aromasin|aromatase inhibitors?"), "Z79.811"),
    (_rx(r"tamoxifen|soltamox|raloxifene|evista|selective estrogen receptor modulators?"), "Z79.810"),
    (_rx(r"fulvestrant|faslodex"), "Z79.818"),
    *IMMUNOSUPPRESSANTS,
    # kept up for years by nature, with no class code of their own: a bipolar disorder's lithium, and the
    # antimalarial a lupus or a rheumatoid arthritis is held down with ("Other long term (current) drug therapy")
    (_rx(r"lithium|lithobid|hydroxychloroquine|plaquenil|hcq"), "Z79.899"),
)
# Z79.84/Z79.85 are the long-term use of antidiabetic drugs. Metformin (prediabetes, PCOS), SGLT2 inhibitors
# (heart failure, kidney disease) and GLP-1 agonists (obesity) are also given without diabetes, often in a medication
# list beside other problems: for these the note must name diabetes (a sulfonylurea or a gliptin is for nothing else)
ALSO_FOR_OTHER_CONDITIONS = _rx(r"metformin|glucophage|empagliflozin|jardiance|dapagliflozin|farxiga|canagliflozin|"
                                r"invokana|semaglutide|oral semaglutide|ozempic|wegovy|rybelsus|liraglutide|victoza|"
                                r"saxenda|tirzepatide|mounjaro|zepbound|dulaglutide|trulicity|exenatide")
DIABETES = _rx(r"diabet\w*|dm\s?(1|2|i|ii)?|t[12]dm|niddm|iddm")
_ANY = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in MAINTENANCE_DRUGS), re.IGNORECASE)
_ANY_WORDS = required_literals(_ANY)  # a note without one of the drugs' words is not scanned
# the patient takes it: a dose after the name, or a cue of current use before it in the sentence
# (a dose is an amount with its unit or its frequency: "metformin 500 mg", "metformin 500 bid")
# (or a strength written bare where a list item ends, as plans write it: "ASA 81 + clopidogrel 75.")
_BARE_STRENGTH = r"^[ \t]+\d{1,3}(\.\d+)?[ \t]*([+,;)]|\.(?!\d)|$|\n)"
_DOSE_AFTER = re.compile(r"^\W*(\w+\W+){0,2}\d+(\.\d+)?\s*(mg|mcg|g|units?|u|bid|tid|qid|qd|qhs|qam|daily|"
                         r"weekly)\b|" + _BARE_STRENGTH, re.IGNORECASE)
_ONLY_A_STRENGTH = re.compile(_BARE_STRENGTH)
# a bare strength in a plan's list that orders the workup of a complaint ("? TIA - MRI brain, carotid duplex, aspirin
# 81", "Chest pressure - stress echo this wk, SL NTG prn, ASA 81") is the drug begun at this visit, not one taken
_WORKUP_ORDERED = _rx(r"mri|cta|ct|duplex|echo|stress (test|echo)|holter|event monitor|eeg|emg|ncs")
_STARTED_AFTER = re.compile(r"^\W*(\w+\W+){0,2}(started|initiated|began)\b", re.IGNORECASE)
# a dose changed is a dose taken: "metformin dose reduced to 500 mg bid"; so is a drug renewed at the visit
# ("methotrexate - refilled", "alendronate, refill sent")
_CONTINUED_AFTER = re.compile(r"^\W*(\w+\W+){0,3}(continued|continues|ongoing|dose (reduced|decreased|lowered|"
                              r"increased|adjusted)|refilled|renewed|refills? (sent|given|done))\b", re.IGNORECASE)
# the drug with what shows it is being taken right after it: its frequency ("Aspirin daily.", "Semaglutide weekly
# injection."), the year of its course ("alendronate year 3"), or the INR it is dosed by, measured ("warfarin, INR 2.4")
_TAKEN_AFTER = re.compile(r"^[ \t]+(daily|nightly|qd|qhs|once daily|twice daily|weekly|once weekly)\b|^[ \t]+(year|yr) \d+\b|"
                          # a yearly infusion's rhythm ("zoledronic acid yearly", "infusion once a year")
                          r"^[ \t]+(infusions?[ \t]+)?(yearly|annually|once (a|per|each) year|once yearly)\b|"
                          r"^\W{1,3}(pt/)?inr\W{1,3}\d", re.IGNORECASE)
# the drug with what it is given for: "apixaban for CHA2DS2-VASc 3", "warfarin for mechanical valve"
_INDICATION_AFTER = re.compile(r"^[ \t]+(for|d/t|due to)\b(?![ \t]+\d+[ \t]*(d|days?|wks?|weeks?|mo|months?)\b)",
                               re.IGNORECASE)
_TAKING_BEFORE = re.compile(r"\b(on|takes|taking|uses|using|cont|continues?|continued|maintained on|meds?|regimen|"
                            r"medications?|current medications?|rx|refill(ed|s)?|started|initiated|began)\b",
                            re.IGNORECASE)
# a denial of the drug itself ("not on anticoagulation"), not of another condition earlier in the sentence
# ("T2DM without complications on metformin": a diagnosis' own qualifier, "without complications", denies nothing after it)
_JUST_NEGATED = re.compile(r"\b(no|not|never|denies|without(?! complications?\b))\b(\W+\w+){0,2}\W*$", re.IGNORECASE)
# a denial of what the drug holds off, one word before its "on", denies that word, not the drug ("osteoporosis
# without fracture on alendronate", "no bleeding on apixaban"; not "no longer on", "not currently on"), as does one
# of a qualifier or a symptom a comma or a dash closes before the drug's own "on" ("no angina - on aspirin 81 mg",
# "not intractable, on aspirin")
_HELD_OFF_ON = re.compile(r"\b(no|without|denies|not(?=\s+[a-z]\w*(,|\s+[-\u2013])))\s+"
                          r"(?!(longer|currently|yet|ever|been|on)\b)[a-z]\w*(,|\s+[-\u2013])?\s+on\s*$", re.IGNORECASE)
# a clot's prophylaxis after an operation is a course of weeks, not long-term use (Z79's "continuous use"): "enoxaparin
# for DVT prophylaxis post-op, 2 wks"
_AFTER_SURGERY = r"(post-?op(erative(ly)?)?|after (the )?(surgery|(\w+ ){0,2}(arthroplasty|replacement|tka|tha)))"
_CLOT_PROPHYLAXIS = r"(dvt|vte|thrombo\w*) prophylaxis"
_NOT_TAKEN = _rx(r"stop(ped|ping)?|discontinu\w*|d/c'?d|held|hold(ing)?|off|declin\w*|refus\w*|consider\w*|"
                 r"candidate|(re-?)?start(ed|ing|s)?|initiat\w*|completed|finished|after (completing|finishing)|allerg\w*|intoleran\w*|instead of|switch(ed)? from|"
                 r"x ?\d+ ?(days?|d|wks?|weeks?)|for \d+ (days|wks?|weeks)|course|burst|taper|(was|were|is) (advised|recommended|offered|"
                 r"proposed|suggested)|"
                 + _AFTER_SURGERY + r"[^;]{0,60}" + _CLOT_PROPHYLAXIS + r"|" + _CLOT_PROPHYLAXIS + r"[^;]{0,60}" + _AFTER_SURGERY)


# "as needed" belongs to the one drug of its list item: "on ASA 81 + metoprolol + NTG prn" takes aspirin daily
_AS_NEEDED = _rx(r"if needed|as needed|prn")
_ITEM_SEPARATOR = re.compile(r"[+,;]")


def medication_item(note: str, start: int, end: int) -> str:
    """The item of a medication list around note[start:end]: its sentence, between the separators either side."""
    first, stop = sentence_start(note, start), sentence_end(note, end)
    first = max((m.end() for m in _ITEM_SEPARATOR.finditer(note, first, start)), default=first)
    last = _ITEM_SEPARATOR.search(note, end, stop)
    return note[first:last.start() if last else stop]


# a start dated before this visit ("started 3 months ago", "began in 2022", "initiated last year") says the drug has
# been taken since: current use, unlike a start today
_MONTHS = r"january|february|march|april|may|june|july|august|september|october|november|december"
# a start by another clinician, written at this visit ("PCP started alendronate", "her PCP diagnosed diabetes and
# started metformin", "started by rheumatology") is one made before it, and not one made today
_ANOTHER_CLINICIAN = (r"(pcp|primary care( provider| physician| doctor)?|rheum(atology|atologist)?|cardiology|"
                      r"endo(crinology)?)")
_STARTED_EARLIER = _rx(r"(started|initiated|began|added)\b[^.;\n]{0,40}?\b((\d+|a|one|two|three|four|six|several) "
                       r"(weeks?|wks?|months?|mos?|years?|yrs?) ago|(last|in) (week|month|year|" + _MONTHS +
                       r"|(19|20)\d\d)|since (19|20)\d\d)|"
                       + _ANOTHER_CLINICIAN + r"\b[^.;\n(]{0,50}?(\([^)]{0,40}\)[^.;\n(]{0,20}?)?"
                       r"\b(started|initiated|began)\b(?![^.;\n]{0,30}\b(today|this visit)\b)|"
                       r"(started|initiated|began) by (the |her |his |their )?" + _ANOTHER_CLINICIAN)


# a pause around a procedure, for hours or days, or until or if something happens ("apixaban (hold 48 h)", "to be held
# 7 days before surgery"; the cues `stopped_elsewhere` reads too) keeps the drug the patient's long-term therapy
_PAUSE = re.compile(r"\b(held|hold|holding)\b[^.;,]{0,30}?\b(" + PAUSE_CUES + r")\b", re.IGNORECASE)
# a procedure done with the drug kept ("injection done without holding it", "apixaban not held for the biopsy"): the
# drug goes on, and the stop word is denied
_KEPT_THROUGH = re.compile(r"\b(without (holding|stopping|interrupting|pausing)|"
                           r"(not|no need to) (be )?(held|hold|stop(ped)?))\b", re.IGNORECASE)


# a drug added to the regimen at this visit, the word right before it ("on metformin, add semaglutide"), or one
# taken from a week of pregnancy just reached ("aspirin 81 mg from 12 weeks"): a start, not yet long-term use; the
# other drugs of the sentence stay taken
_ADDED_BEFORE = re.compile(r"\b(add|adding|adds|added)\W+$", re.IGNORECASE)
_FROM_A_WEEK_AFTER = re.compile(r"^[^.;,]{0,20}?\bfrom \d+ (weeks?|wks?)\b", re.IGNORECASE)


def _started_now(note: str, match: re.Match) -> bool:
    head = before(note, match.start())
    added = _ADDED_BEFORE.search(head)
    start = match.start() - len(head) + added.start() if added else 0
    return bool(added and not _STARTED_EARLIER.search(note[start:sentence_end(note, match.end())])
                or _FROM_A_WEEK_AFTER.search(note[match.end():match.end() + 40]))


def _blank(found: re.Match) -> str:
    return " " * len(found.group(0))


def _from_its_own_item(note: str, match: re.Match, said: str) -> str:
    """The sentence from the drug's own list item on, where that item says the patient takes it and an earlier one
    names another drug: that item's stop is the other drug's ("Off warfarin, on aspirin 81 mg daily")."""
    head = before(note, match.start())
    cut = max((m.end() for m in _ITEM_SEPARATOR.finditer(head)), default=0)
    if _ANY.search(head, 0, cut) and (_TAKING_BEFORE.search(head[cut:])
                                      or _DOSE_AFTER.search(note[match.end():match.end() + 30])):
        return " " * cut + said[cut:]
    return said


# a stop the clause after the drug's semicolon writes without naming another drug ("on apixaban; stopped it last
# month", "warfarin 5 mg; discontinued in May"): the drug's own, which ends the therapy
_STOPPED_NEXT = re.compile(r";\s*(it was |was )?(stopped|discontinued|d/c'?d|ceased)( it| them)?"
                           r"(?=\s*([,.;)]|$|last|in|on|since|after|due|because|yesterday|today|\d))", re.IGNORECASE)


# an antidiabetic listed right after the insulin of the same regimen ("Insulin glargine and metformin.", "insulin
# degludec and aspart, metformin") is taken with it: the list is the diabetes' treatment
_ANTIDIABETIC = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, code in MAINTENANCE_DRUGS
                                    if code in ("Z79.84", "Z79.85")), re.IGNORECASE)
_LISTED_AFTER_INSULIN = re.compile(r"\b(insulin( (glargine|detemir|degludec|lispro|aspart))?|lantus|basaglar|toujeo|"
                                   r"semglee|levemir|tresiba|humalog|novolog|glargine|detemir|degludec|lispro|aspart)"
                                   r"(\s+\d+\s*(u|units)\b)?( (and|plus) (lispro|aspart))?\s*(,|\+|and|plus)\s*$",
                                   re.IGNORECASE)


def _listed_with_insulin(note: str, match: re.Match) -> bool:
    return bool(_ANTIDIABETIC.fullmatch(match.group(0)) and _LISTED_AFTER_INSULIN.search(before(note, match.start())))


def _taken(note: str, match: re.Match) -> bool:
    said = sentence(note, match.start(), match.end())
    text = _STARTED_EARLIER.sub(_blank, said)
    if _NOT_TAKEN.search(text):  # only then may a pause or another drug's item be what the stop word belongs to
        text = _KEPT_THROUGH.sub(_blank, _PAUSE.sub(_blank, _STARTED_EARLIER.sub(
            _blank, _from_its_own_item(note, match, said))))
    if _AS_NEEDED.search(medication_item(note, match.start(), match.end())):
        return False
    after = note[match.end():match.end() + 30]
    dose = _DOSE_AFTER.search(after)
    if dose and _ONLY_A_STRENGTH.match(after) and _WORKUP_ORDERED.search(said):
        dose = None
    stated = dose or _CONTINUED_AFTER.search(after) or _INDICATION_AFTER.search(after) or \
        _TAKEN_AFTER.search(after) or _TAKING_BEFORE.search(before(note, match.start())) or (
            _STARTED_AFTER.search(after) and _STARTED_EARLIER.search(said)) or _listed_with_insulin(note, match)
    return bool(stated) and not (_NOT_TAKEN.search(text) or FAMILY.search(said) or denied_in_its_item(note, match)
                                 or _started_now(note, match) or named_as_past_use(note, match)
                                 or _STOPPED_NEXT.match(note, sentence_end(note, match.end())))


def denied_in_its_item(note: str, match: re.Match) -> bool:
    """A denial right before a drug or device reaches it across a list's separator only where its own item says
    nothing of its own: "not on aspirin, clopidogrel" denies both, while "no deficits, on clopidogrel", "no coma,
    on insulin pump" and "without complications - stable, metformin 500 bid" take it."""
    said = before(note, match.start())
    own = said[max((m.end() for m in _ITEM_SEPARATOR.finditer(said)), default=0):]
    states_its_own = _TAKING_BEFORE.search(own) or _DOSE_AFTER.search(note[match.end():match.end() + 30])
    text = own if states_its_own else said
    return bool(_JUST_NEGATED.search(text)) and not _HELD_OFF_ON.search(text)


def for_this_class(match: re.Match, note: str) -> bool:
    """An antidiabetic also given without diabetes counts as one only where the note names diabetes."""
    return not ALSO_FOR_OTHER_CONDITIONS.fullmatch(match.group(0)) or any(
        _patients_own(note, named) for named in DIABETES.finditer(note))


def _patients_own(note: str, named: re.Match) -> bool:
    """Diabetes named as the patient's: not denied ("No diabetes."), not a relative's, not only screened for."""
    return not (negated_before(note, named.start()) or NEGATED_AFTER.search(after(note, named.end()))
                or FAMILY.search(sentence(note, named.start(), named.end()))
                or HYPOTHETICAL.search(before(note, named.start())))


@needs(patterns=(_ANY,))
def maintenance_drug_therapy(suggestions: list[Suggestion], note: str,
                             tabular) -> tuple[list[Suggestion], list[str]]:
    if not (may_match(_ANY_WORDS, note) and _ANY.search(note)):
        return suggestions, []
    present = {s.code for s in suggestions}
    made = []
    for pattern, code in MAINTENANCE_DRUGS:
        match = next((m for m in pattern.finditer(note) if _taken(note, m) and for_this_class(m, note)), None)
        if match is None or code in present or not tabular.is_billable(code):
            continue
        made.append(from_rule(code, match, tabular, NAME, f"{match.group(0)}: {code}, long-term (current) use "
                                                          "of a drug taken as maintenance"))
        present.add(code)  # methotrexate and an antimetabolite chemotherapy share theirs
    return [*suggestions, *made], [m.reason for m in made]
