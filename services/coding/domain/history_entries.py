"""Episodes over once treated, named in the past: the alphabetic index's History, personal entry for each, where
the condition's own words meet no term the suggester reads as past ("Hx of TBI 2010", "h/o TB treated 2005",
"Hx of pyelonephritis 2019", "preeclampsia in her last pregnancy" under a history heading). Each is a kind of
condition that does not persist once over, so "history of" it is a personal history code, never the condition
(guideline I.C.21.c.4); a chronic condition under a history heading is left to the chronic-condition reading.

The past is also read from a problem list's past heading ("Past:", "Resolved:"), "remote", or a year with the
recovery in the same sentence ("concussion in 2019, no residual effects"); some episodes end by their own kind (a
pregnancy's diabetes once dated or delivered, a diabetic foot ulcer once healed, rheumatic fever in childhood).

A relative's, a denied or a current one ("h/o TB, on RIPE now") is not read here. A healed fracture under a problem
list's "Hx" is its personal history too (traumatic Z87.81, fragility Z87.310, stress Z87.312), in place of the
injury code found on its words, unless its sentence says it is under care now.
"""
import re

from services.coding.domain.clot_course import anticoagulation_over
from services.coding.domain.ended_history import DEFICIENCY_MADE_UP
from services.coding.domain.injury_as_cause import INJURY_HISTORY
from services.coding.domain.injury_sequela import dated_from_by_a_late_effect
from services.coding.domain.injury_specificity import healed_fracture_history
from services.coding.domain.nerve_release import released_and_over
from services.coding.domain.note_context import (RESOLVED, TREATED_IN_A_YEAR_CUE, UNCHECKED_BOX, mention_scope,
                                                  past_by_name)
from services.coding.domain.note_text import (
    FAMILY,
    HISTORY,
    NEGATION,
    before,
    sentence,
    sentence_end,
    word_pattern,
)
from services.coding.domain.outgrown import BACK_AGAIN, OUTGROWN_AFTER
from services.coding.domain.pattern_literals import NOTE_WORDS, Prefilter, possible_indexes
from services.coding.domain.suggestions import Suggestion, from_rule, overlapping, replacing
from services.coding.domain.treatment_ended import NOT_OVER_YET, outcome_said_after

NAME = "history-entry"
# (words, personal history code, the index's entry)
ENTRIES = (
    (r"latent (tb|tuberculosis)( infection)?|ltbi|positive (ppd|quantiferon|tb skin test)", "Z86.15",
     "History, personal, latent tuberculosis infection"),
    (r"(?<!latent )(tuberculosis|tb)(?! (skin )?test| screen| exposure)", "Z86.11", "History, personal, tuberculosis"),
    (r"((bacterial|viral|aseptic|meningococcal) )?(meningitis|encephalitis)", "Z86.61",
     "History, personal, infection, central nervous system"),
    (r"(peptic|gastric|duodenal|stomach|bleeding) ulcers?|pud", "Z87.11", "History, personal, peptic ulcer disease"),
    (r"pre-?eclampsia|eclampsia|gestational hypertension|pregnancy[- ]induced hypertension|hellp( syndrome)?",
     "Z87.59", "History, personal, complications of pregnancy"),
    (r"concussions?(?! syndrome)|tbi|traumatic brain injury", "Z87.820",
     "History, personal, traumatic brain injury"),
    # a bleed on the brain is an injury to it where its sentence names the trauma ("subdural hematoma after a fall")
    (r"traumatic (subdural|epidural|intracranial) (hematoma|hemorrhage|bleed)|(subdural|epidural) (hematoma|hemorrhage)"
     r"(?=[^.;]{0,40}\b(falls?|trauma|injury|mvc|mva|crash|accident|assault)\b)", "Z87.820",
     "History, personal, traumatic brain injury"),
    # a bleed under the dura with no trauma named, drained and gone ("L chronic subdural hematoma, burr hole
    # evacuation 2023, resolved on CT"): a circulatory disease's history, the index's stroke entry (Z86.73) naming
    # only the infarction and the TIA; its drainage and its end both in its sentence
    (r"(chronic |nontraumatic |non-traumatic |spontaneous )?(subdural|epidural) (hematoma|hemorrhage|bleed)"
     r"(?![^.;]{0,40}\b(falls?|trauma|injury|mvc|mva|crash|accident|assault)\b)"
     r"(?=(?![^.;]*\b(planned|scheduled|pending|recommended|to be)\b)"
     r"[^.;]{0,40}\b(burr holes?|craniotomy|evacuat\w+|drain\w*|embolization)\b[^.;]{0,40}(?<!\bnot )\bresolved\b)",
     "Z86.79", "History, personal, disease, circulatory system NEC"),
    # a cerebral infarct named by its territory or kind, which the term index leaves unread as a bare "infarct"
    # ("lacunar infarct in 2020, full recovery", "Remote right PCA infarct (2019) ...; she recovered fully"): its
    # history without residual deficits only where the note says the recovery, and no residual deficit between
    (r"(mca|aca|pca|lacunar|thalamic|pontine|cerebellar|cerebral|watershed|basal ganglia) (territory )?infarcts?"
     r"(?=(?![^.]{0,80}\b(with|w/) residual)[^.]{0,80}\b(full recovery|fully recovered|recovered fully|"
     r"no residual (deficits?|weakness|symptoms))\b)",
     "Z86.73", "History, personal, cerebral infarction without residual deficits"),
    (r"gestational diabetes( mellitus)?|gdm", "Z86.32", "History, personal, gestational diabetes"),
    # a clot treated and gone: "PE" as the embolism only where a year dates it (alone it is often the exam)
    (r"pulmonary embol(ism|us|i)|pe(?= (in )?(19|20)\d\d\b)", "Z86.711", "History, personal, embolism, pulmonary"),
    (r"(deep vein|deep venous) thrombos[ie]s|dvts?", "Z86.718", "History, personal, thrombosis (venous)"),
    (r"rheumatic fever", "Z86.79", "History, personal, disease, circulatory system"),
    (r"diabetic (foot |heel |toe |plantar )?ulcers?|(foot|heel|toe) diabetic ulcers?", "Z86.31",
     "History, personal, diabetic foot ulcer"),
    (r"pyelonephritis|kidney infections?", "Z87.440", "History, personal, infection, urinary (tract)"),
    # infections over once treated: "History, personal, pneumonia (recurrent)", "Methicillin resistant
    # Staphylococcus aureus (MRSA)" and "infectious disease NEC"; a carrier state or a vaccine is neither
    (r"((community|hospital)[- ]acquired |aspiration |bacterial |viral |lobar |multilobar )?pneumonias?"
     r"(?! (vaccines?|vaccination|shots?))", "Z87.01", "History, personal, pneumonia (recurrent)"),
    (r"(mrsa|methicillin[- ]resistant staph(ylococcus)?( aureus)?)( (skin |soft tissue |wound )?(infections?|cellulitis|"
     r"abscess(es)?|bacteremia|sepsis|osteomyelitis))?(?! (colonization|colonized|carrier|screen\w*|swab|nares))",
     "Z86.14", "History, personal, Methicillin resistant Staphylococcus aureus (MRSA)"),
    (r"chlamydia( infection)?|gonorrh(o)?ea|trichomoniasis|shingles|herpes zoster|lyme (disease|arthritis|carditis)|"
     r"(hep(atitis)? c( virus| infection)?|hcv( infection)?)(?! (screen\w*|test\w*|antibod\w*|ab|exposure))|"
     r"c\.? ?diff(icile)?( colitis| infection)?|clostridi(um|oides) difficile( colitis| infection)?|"
     r"(infectious )?mononucleosis|malaria", "Z86.19", "History, personal, infectious disease NEC"),
    # a musculoskeletal condition that runs its course and ends ("lateral epicondylitis 2023, resolved after PT"),
    # not a chronic one (an osteoarthritis, a gout) that quiet years leave open
    (r"(lateral |medial )?epicondylitis|tennis elbow|golfer'?s elbow|(de quervain'?s? )?tenosynovitis|"
     r"tendinitis|tendonitis|bursitis|adhesive capsulitis|frozen shoulder|plantar fasciitis|sciatica|"
     r"(cervical |lumbar )?radiculopathy|transient synovitis|trigger finger|septic arthritis|costochondritis|"
     r"osgood[- ]schlatter( disease)?", "Z87.39", "History, personal, disease, musculoskeletal NEC"),
    # an endocrine disorder a treatment ended ("Graves disease, in remission off methimazole", "Cushing disease cured
    # by surgery"), not one kept in check by a drug taken now
    (r"graves'?( disease)?|hyperthyroidism|thyrotoxicosis|cushing'?s?( disease| syndrome)|"
     r"(primary )?hyperparathyroidism|subacute thyroiditis", "Z86.39", "History, personal, disease, endocrine"),
    # a vitamin deficiency made up and no longer supplemented ("vit D deficiency, repleted, off D3", "B12 deficiency,
    # treated, level normal"): the index's History, personal, nutritional deficiency
    (r"(vitamin|vit\.?) ?(d|b12|b-12)( deficiency| insufficiency)|b-?12 deficiency|folate deficiency", "Z86.39",
     "History, personal, nutritional deficiency"),
    # a nerve entrapment its operation released, gone since (`nerve_release`), or said over as any other ended; the
    # syndrome named, not the release alone ("L carpal tunnel release 2022, asymptomatic since"), which the labels
    # code both ways
    (r"(carpal|cubital|tarsal) tunnel syndrome|ulnar (nerve )?(neuropathy|entrapment)", "Z86.69",
     "History, personal, disease, nervous system NEC"),
    # a polyneuropathy that runs its course once ("Guillain-Barre 2019, full recovery"), which the index reads G61.0
    (r"guillain[- ]barr[eé]( syndrome)?", "Z86.69", "History, personal, disease, nervous system NEC"),
    # seizures the patient grew out of ("seizures as a toddler, outgrown"), written as the symptom (R56.9) or the
    # disorder (G40.909): the nervous system's history once over; a febrile seizure is a fever's sign, not a disorder,
    # and "seizure-free" says only that the episodes stopped
    (r"(?<!febrile )(seizures?|convulsions?)( disorder)?(?![- ]free)", "Z86.69",
     "History, personal, disease, nervous system NEC"),
    # a sarcoidosis that remitted and is not treated now ("sarcoidosis 2015, remitted without treatment"): D86 is a
    # disorder of the immune mechanism, whose history the index gives with the blood's
    (r"(pulmonary )?sarcoid(osis)?( of (the )?lungs?)?", "Z86.2", "History, personal, disease, immune mechanism"),
    # a bleed whose sentence names an ulcer is the peptic ulcer's history above
    (r"(upper |lower )?(gi|gastrointestinal) (bleeds?|bleeding|hemorrhage)(?![^.;]*\bulcers?\b)", "Z87.19",
     "History, personal, disease, digestive system"),
)
_PATTERNS = tuple((word_pattern(words), code, entry) for words, code, entry in ENTRIES)
# the words without which an entry cannot match: one scan of the note leaves the few entries it may hold
_PREFILTER = Prefilter([pattern for pattern, _, _ in _PATTERNS], scan=NOTE_WORDS)
_ENTRIES_OF = _PREFILTER.indexes_by_place([pattern for pattern, _, _ in _PATTERNS])
_TREATED_IN_A_YEAR = re.compile(TREATED_IN_A_YEAR_CUE, re.IGNORECASE)
# a problem list writes the history cue without "of" right before the condition ("Hx concussion 2019", "hx GI bleed",
# read with the shorthand written out); a heading's colon ("History: concussion yesterday") opens today's account
_BARE_HISTORY_CUE = re.compile(r"(?<!family )(?<!social )\bhistory\s+$", re.IGNORECASE)
_ACTIVE_NOW = re.compile(r"\b(currently (on|being treated|treated)|active|undergoing|now on|on treatment|"
                         r"recurrent|recurrence|again)\b", re.IGNORECASE)
_LATE_EFFECT_OF = r"\b(sequelae?|late effects?) of (the |an? |his |her |their )?"
# a problem list's past heading or "remote" before it ("Past: concussion 2015", "Past medical: ...", "Remote TBI")
_PAST_HEADING = re.compile(r"\b(remote|past( medical| surgical)?( history| hx)?\s*:|resolved\s*:|inactive\s*:)",
                           re.IGNORECASE)
# dated to a year and said recovered in the same sentence ("Concussion in 2019, no residual effects")
_DATED = re.compile(r"\b(19|20)\d\d\b")
_RECOVERED = word_pattern(r"no (residual|lasting|persistent)( \w+)?|no sequelae|fully recovered|full recovery|"
                          r"recovered|resolved|healed|cleared|settled|regained full (range|motion|strength)|cured|"
                          r"in remission|euthyroid|no relapse|no (evidence of )?recurrence|"
                          r"(has|have) not recurred|not recurred|"
                          # "remitted without treatment", "went into remission on its own": the disease over
                          r"(?<!not )remitted|(went|gone) into (a )?(spontaneous |complete |full )?remission|"
                          # seizures over in a child's years: stopped with the drugs that held them
                          r"seizure[- ]free (and|&) off (all )?(meds|medications?|aeds?|anti-?seizure medications?|"
                          r"anti-?convulsants?)")
# an overactive thyroid's outcome is its function back to normal ("Graves disease, RAI 2015, thyroid fine since"),
# as "euthyroid" says; not where its sentence names a thyroid drug still taken ("TFTs normal, continue methimazole")
_OVERACTIVE_THYROID = word_pattern(r"graves'?( disease)?|hyperthyroidism|thyrotoxicosis|subacute thyroiditis")
_THYROID_BACK_TO_NORMAL = word_pattern(r"(thyroid|tfts?|thyroid (function|labs|tests)) (has been |have been |is |are |"
                                       r"was |were |now )?(fine|normal|nl|normali[sz]ed)")
_THYROID_DRUG_TAKEN = re.compile(r"(?<!\boff )(?<!\bno )(?<!\bstopped )\b(methimazole|mmi|ptu|propylthiouracil|"
                                 r"carbimazole|levothyroxine|synthroid|levo)\b", re.IGNORECASE)
# an infection ends with its treatment ("pulmonary TB 1998, completed treatment", "treated latent TB", "Hep C, SVR
# after treatment"): a course not still under way, nor one only planned ("to be treated")
_TREATMENT_OVER = word_pattern(r"(?<!to be )(?<!being )(?<!will be )treated|completed|finished|svr\d*|"
                               r"sustained virologic response|cured|eradicated")
# "LTBI on rifampin, month 2", "treated with doxycycline, day 10": the course is still being taken
_COURSE_UNDER_WAY = word_pattern(r"(day|wk|week|month|mo) \d+( of \d+)?|(now |currently |still )?on (rifampin|"
                                 r"rifapentine|isoniazid|inh|ripe|sofosbuvir|ledipasvir|glecaprevir|doxycycline|"
                                 r"vancomycin|fidaxomicin)\S*")
# a condition its own kind ends: a pregnancy's diabetes once the pregnancy is dated or over, an ulcer once healed
_ENDED_BY_ITS_KIND = {
    "Z86.32": word_pattern(r"(19|20)\d\d|delivery|delivered|postpartum|(previous|prior|last|both|each|earlier|"
                           r"second|first) pregnanc(y|ies)|cleared|resolved"),
    "Z86.31": word_pattern(r"healed|closed"),
    "Z86.79": word_pattern(r"as an? (child|boy|girl|teen\w*)|in (childhood|his youth|her youth)|childhood|remote|"
                           r"(19|20)\d\d"),
    **dict.fromkeys(("Z86.11", "Z86.15", "Z86.19"), _TREATMENT_OVER),
}
# "no recurrence" says it is over, not active again
_NO_RECURRENCE = word_pattern(r"no (evidence of )?recurrence|(has |have )?not recurred")
# "not healed", "never closed", "yet to heal": the end denied
_NOT_YET = re.compile(r"\b(not|never|yet to|has not|hasn't|isn't)( yet)?\s*$", re.IGNORECASE)
# a pregnancy under way: its diabetes is the pregnancy's complication now, not history
_PREGNANT_NOW = word_pattern(r"currently pregnant|is pregnant|\d+ ?(weeks|wks) (pregnant|gestation)|weeks' gestation|"
                             r"trimester|prenatal|antepartum|edd")


# a healed fracture under a history heading ("Hx L distal radius fx 2022 - no issues"): "History, personal, fracture,
# traumatic" Z87.81, or "fragility"/"osteoporosis" Z87.310 where its sentence says so; a problem list's "Hx" is
# written without "of". Not one its sentence says is under care now (a fracture's subsequent encounter).
_FRACTURE = word_pattern(r"fractures?")
_BARE_HISTORY = re.compile(r"\b(history|hx)\b(?! of present)", re.IGNORECASE)
_FRAGILITY = word_pattern(r"fragility|osteoporo\w*|low[- ]trauma|fall from standing")
_UNDER_CARE = word_pattern(r"cast|splint|boot|brace|orif|fixation|healing|weeks? ago|wks? ago|days? ago|"
                           r"follow-?up|f/u|post-?op|nonunion|malunion|delayed union")


def history_entries(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    suggestions, fracture_reasons = _healed_fractures(suggestions, note, tabular)
    entries = [_PATTERNS[index] for index in possible_indexes(_PREFILTER.possible_places(note), _ENTRIES_OF)]
    if not any(pattern.search(note) for pattern, _, _ in entries):
        return suggestions, fracture_reasons
    out, reasons = list(suggestions), fracture_reasons
    for pattern, code, entry in entries:
        for match in pattern.finditer(note):
            made_up = _made_up_deficiency(match, note)
            after_course = _over_after_its_course(match, note, code) or _clot_treated_to_its_end(match, note, code) \
                or _entrapment_released(match, note, code)
            # (the end its sentence must say is looked for first: the context scope `_named_past` reads is dearer)
            if (code in _END_SAID and not (made_up or after_course or _recovered(match, note))) \
                    or not (_named_past(match, note) or _ended_by_its_kind(match, note, code) or made_up
                            or after_course) \
                    or (code in _CUED_ONLY and not _history_cue_before(match, note)) \
                    or (code == "Z86.39" and (HELD_IN_CHECK.search(sentence(note, match.start(), match.end()))
                                              or _ablated_gland_lives_on(match, note))) \
                    or (code == "Z86.2" and _SARCOID_TREATED.search(sentence(note, match.start(), match.end()))) \
                    or (code in INJURY_HISTORY and dated_from_by_a_late_effect(note, before(note, match.start()))) \
                    or not tabular.is_billable(code):
                continue
            if any(s.code == code for s in out):
                out = _said_again(out, match, code)
                continue
            reason = f"{match.group(0)} in the past: {code} ({entry})"
            made = replacing(out, from_rule(code, match, tabular, NAME, reason, context="history"))
            if made is not None:
                out, reasons = made, [*reasons, reason]
    return out, reasons


def _said_again(suggestions: list[Suggestion], match: re.Match, code: str) -> list[Suggestion]:
    """An infection over named again ("Treated LTBI - no further tx" under the plan) is not current there either;
    a pregnancy's diabetes named again may be the pregnancy's own words, which other rules read."""
    if _ENDED_BY_ITS_KIND.get(code) is not _TREATMENT_OVER:
        return suggestions
    return [s for s in suggestions if s.code == code or s not in overlapping(suggestions, match.start(), match.end())]


# a pneumonia is the patient's history only under a history cue or heading ("h/o pneumonia", "treated for CAP",
# "Resolved: pneumonia"): an episode merely dated and cleared ("pneumonia Jan 2026 - resolved") is the latest one,
# which the index's "(recurrent)" does not reach
_CUED_ONLY = {"Z87.01"}


# a musculoskeletal condition may flare for years ("h/o sciatica", "hx of bursitis"), an endocrine one come back
# ("h/o Graves disease"), a polyneuropathy leave a weakness: its history only where the sentence also says it ended
# ("resolved", "cured", "no relapse")
_END_SAID = {"Z87.39", "Z86.39", "Z86.69", "Z86.2"}
# a hyperthyroidism ended by the gland's ablation or removal lives on as its hypothyroidism (E89.0), which a coder
# may code alone
_ABLATED_GLAND = word_pattern(r"hypothyroid\w*")
# a gland taken out ends its overactivity for good: the overactive thyroid named as the item its thyroidectomy follows
# ("Graves disease, s/p total thyroidectomy 2021; postsurgical hypothyroidism") is its history beside the
# hypothyroidism, where radioiodine, which may need repeating, is left to the hypothyroidism alone
_GLAND_REMOVED_AFTER = re.compile(r"^,? (s/p|status post) (a )?(total |near-total |completion )?thyroidectomy\b",
                                  re.IGNORECASE)


# so is a Cushing disease whose adenoma its sentence says was taken out ("Cushing disease, transsphenoidal resection
# of pituitary adenoma 2021, cortisol nl since"), not one with tumour left or come back
_CUSHING = word_pattern(r"cushing'?s?( disease| syndrome)")
_ADENOMA_REMOVED_AFTER = re.compile(
    r"^[^.;]{0,40}?\b((resection|excision|removal|\w+ectomy) of (an? |the |her |his )?(pituitary |adrenal )?"
    r"(macro|micro)?adenoma|(pituitary |adrenal )(macro|micro)?adenoma,? (s/p |status post )?(\w+ ){0,2}"
    r"(resection|excision|removal|\w+ectomy|resected|excised|removed))\b(?![^.;]*\b(residual|recurren\w*|"
    r"persist\w*|planned|scheduled)\b)", re.IGNORECASE)


# only an overactive thyroid may have left the hypothyroidism a note names; a Cushing syndrome, a hyperparathyroidism
# or a B12 or folate deficiency has nothing of a thyroid's ablation about it; a vitamin D deficiency beside one is
# left out as before (the labels code it both ways)
_HELD_BY_A_HYPOTHYROIDISM = word_pattern(r"graves'?( disease)?|hyperthyroidism|thyrotoxicosis|subacute thyroiditis|"
                                         r"(vitamin|vit\.?) ?d( deficiency| insufficiency)")


def _ablated_gland_lives_on(match: re.Match, note: str) -> bool:
    """An overactive thyroid (or a vitamin D deficiency) in a note naming a hypothyroidism, which the gland's
    ablation may have left: not one the gland's removal ended."""
    return bool(_HELD_BY_A_HYPOTHYROIDISM.fullmatch(match.group(0))) and bool(_ABLATED_GLAND.search(note)) \
        and not _gland_removed(match, note)


def _gland_removed(match: re.Match, note: str) -> bool:
    return bool(_OVERACTIVE_THYROID.fullmatch(match.group(0)) and _GLAND_REMOVED_AFTER.search(note[match.end():])
                or _CUSHING.fullmatch(match.group(0)) and _ADENOMA_REMOVED_AFTER.search(note[match.end():]))


# an endocrine disorder kept in check by its drug now ("in remission on low-dose methimazole") has not ended
HELD_IN_CHECK = word_pattern(r"on ([\w.-]+ ){0,3}(methimazole|mmi|ptu|propylthiouracil|ketoconazole|metyrapone|"
                              r"osilodrostat|cinacalcet|b-?12|cyanocobalamin|ergocalciferol|cholecalciferol|d3|"
                              r"vitamin d|supplements?|injections)")
# a sarcoidosis quiet on its drug ("in remission on methotrexate") is treated, not over
_SARCOID_TREATED = word_pattern(r"(?<!off )(?<!no )on ([\w.-]+ ){0,3}(prednisone|steroids?|methotrexate|mtx|"
                                r"azathioprine|mycophenolate|hydroxychloroquine|infliximab|adalimumab)")
_DEFICIENCY = word_pattern(r"deficiency|insufficiency")
# the deficiency's sentence says it was made up, or its level is normal with the supplement stopped
_MADE_UP = word_pattern(DEFICIENCY_MADE_UP + r"|replaced|treated|(levels?|25-oh d) (now )?(normal|nl)|"
                        r"off ([\w-]+ ){0,2}(supplements?|ergocalciferol|d3|b-?12|vitamin d)|no supplements?")


def _made_up_deficiency(match: re.Match, note: str) -> bool:
    """A deficiency its sentence says was made up, not a relative's, a denied one or one kept up by a supplement."""
    whole = sentence(note, match.start(), match.end())
    return bool(_DEFICIENCY.search(match.group(0)) and _MADE_UP.search(whole)) and not HELD_IN_CHECK.search(whole) \
        and not NEGATION.search(before(note, match.start())) and not FAMILY.search(whole)


# a course its sentence says is done ("completed 8 wks PT for lateral epicondylitis", "tenosynovitis, splint course
# finished"), not one still to finish
_COURSE_DONE = word_pattern(r"(?<!not )(?<!yet to )(completed|completing|finished|finishing)")


def _over_after_its_course(match: re.Match, note: str, code: str) -> bool:
    """An episode that may come back, ended by a course its sentence says is done, its end said in that sentence or
    the next ("completed 6 wks PT for plantar fasciitis. Heel pain resolved."): over, as "resolved" says it."""
    whole = sentence(note, match.start(), match.end())
    return code in _END_SAID and bool(_COURSE_DONE.search(whole)) and outcome_said_after(note, match.end()) \
        and not NOT_OVER_YET.search(whole) and not NEGATION.search(before(note, match.start())) \
        and not FAMILY.search(whole) and not _ACTIVE_NOW.search(whole)


_CLOTS = {"Z86.711", "Z86.718"}


def _clot_treated_to_its_end(match: re.Match, note: str, code: str) -> bool:
    """A clot whose anticoagulant course its words say is over (`clot_course`), not a relative's or a denied one."""
    return code in _CLOTS and anticoagulation_over(note, match.start(), match.end()) \
        and not NEGATION.search(before(note, match.start())) \
        and not FAMILY.search(sentence(note, match.start(), match.end()))


_ENTRAPMENT = word_pattern(r"(carpal|cubital|tarsal) tunnel syndrome|ulnar (nerve )?(neuropathy|entrapment)")


def _entrapment_released(match: re.Match, note: str, code: str) -> bool:
    """A nerve entrapment its operation released, gone since (`nerve_release`), not a relative's or a denied one."""
    return code == "Z86.69" and bool(_ENTRAPMENT.fullmatch(match.group(0))) \
        and released_and_over(note, match.start(), match.end()) \
        and not NEGATION.search(before(note, match.start())) \
        and not FAMILY.search(sentence(note, match.start(), match.end()))


def _history_cue_before(match: re.Match, note: str) -> bool:
    prefix = before(note, match.start())
    return bool(HISTORY.search(prefix) or _BARE_HISTORY_CUE.search(prefix) or _PAST_HEADING.search(prefix))


def _recovered(match: re.Match, note: str) -> bool:
    """Its sentence says the condition ended, in words of any condition, of one outgrown or of an overactive
    thyroid's, or the thyroid was taken out."""
    whole = sentence(note, match.start(), match.end())
    return bool(_RECOVERED.search(whole)) or _outgrown(match, note) or _gland_removed(match, note) or bool(
        _OVERACTIVE_THYROID.fullmatch(match.group(0)) and _THYROID_BACK_TO_NORMAL.search(whole)
        and not _THYROID_DRUG_TAKEN.search(whole))


def _outgrown(match: re.Match, note: str) -> bool:
    """"Seizures as a child, outgrew them": over, unless the sentence says they came back."""
    after = note[match.end():sentence_end(note, match.end())]
    return bool(OUTGROWN_AFTER.search(after)) and not BACK_AGAIN.search(after)


def _named_past(match: re.Match, note: str) -> bool:
    """"History of" (h/o, hx, s/p, prior) before it in its sentence or a bare "Hx" right before it, no denial
    before it ("no history of"), no relative and nothing saying it is active now."""
    prefix, whole = before(note, match.start()), sentence(note, match.start(), match.end())
    # or the words after it date its treatment or its end ("latent TB treated with rifampin 2022", "meningitis as a
    # child"), as the context rules read them; a problem list's status column alone is left to those rules
    scope = mention_scope(note, match.start(), match.end())
    named_past = bool(HISTORY.search(prefix)) or bool(_BARE_HISTORY_CUE.search(prefix)) \
        or bool(_PAST_HEADING.search(prefix)) or bool(_DATED.search(whole) and _recovered(match, note)) \
        or past_by_name(scope) and (
        scope.rule != RESOLVED or bool(_TREATED_IN_A_YEAR.search(scope.cue)))
    # a note that codes the condition's late effects ("sequela of the concussion": S06.0X0S) is not its history
    late_effects = re.search(_LATE_EFFECT_OF + re.escape(match.group(0)), note, re.IGNORECASE)
    # an empty box before it ("History of: [x] MI [ ] DVT") was offered and not marked
    return named_past and not NEGATION.search(_PAST_HEADING.sub("", prefix)) and not FAMILY.search(whole) \
        and not _ACTIVE_NOW.search(_NO_RECURRENCE.sub("", whole)) and not late_effects \
        and not UNCHECKED_BOX.search(prefix)


def _ended_by_its_kind(match: re.Match, note: str, code: str) -> bool:
    ended = _ENDED_BY_ITS_KIND.get(code)
    whole = sentence(note, match.start(), match.end())
    if ended is None or (code == "Z86.32" and _PREGNANT_NOW.search(note)) \
            or (ended is _TREATMENT_OVER and _COURSE_UNDER_WAY.search(whole)) or not any(
            not _NOT_YET.search(whole[:m.start()]) for m in ended.finditer(whole)):
        return False
    return not NEGATION.search(before(note, match.start())) and not FAMILY.search(whole) \
        and not _ACTIVE_NOW.search(whole)


def _healed_fractures(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if not _FRACTURE.search(note):
        return suggestions, []
    out, reasons = list(suggestions), []
    for match in _FRACTURE.finditer(note):
        prefix, whole = before(note, match.start()), sentence(note, match.start(), match.end())
        cue = _BARE_HISTORY.search(prefix)
        if cue is None or NEGATION.search(prefix) or FAMILY.search(whole) or _UNDER_CARE.search(whole):
            continue
        code, entry = ("Z87.310", "History, personal, fracture, fragility") if _FRAGILITY.search(whole) else \
            healed_fracture_history(whole)
        if any(s.code == code for s in out) or not tabular.is_billable(code):
            continue
        made = from_rule(code, match, tabular, NAME, f"{match.group(0)} in the past: {code} ({entry})",
                         context="history")
        replaced = [s for s in overlapping(out, cue.start(), match.end()) if s.code.startswith("S")]
        out = [*[s for s in out if s not in replaced], made]
        reasons.append(made.reason)
    return out, reasons
