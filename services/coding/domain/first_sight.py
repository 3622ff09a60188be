"""Confidences as measured on notes no rule had been written for, where they fell short of the auto-accept bar.

An unspecified code reached through an index inclusion term or through a term with its qualifiers left out
("chronic PTSD" -> F43.10, "anemia secondary to chronic blood loss" -> D50.9), and left as matched by every
convention, was right 6 times in 10 on such notes: the note often says more than the entry that matched it,
so the specific code a coder would choose is missed. What tells the two apart is the tabular itself: a wrong
one stands beside a word that another code of its category uses ("chronic" is F43.12's, "secondary" and
"blood loss" D50.0's, "recurrent" J01.01's), a right one is written bare ("Hyperlipidemia on atorvastatin",
"Obesity, BMI 31"). On the development notes the bare ones were right 91 times in 92 (10 in 11 on the two
sets labelled last, m1-m48 and n1-n60), the others 3 times in 7.
So the confidence is set below the threshold, for a coder to confirm, where the mention's sentence holds such a
word within a few words of it; a bare mention keeps its index confidence. A code matched by its own
description, or one a convention made, is not touched. Only ever lowered, but where those
words are every word (two or more) that one other code of the category adds ("due to chronic blood loss": D50.0),
they name that code.

An inclusion term is read under its code's description: "Polyneuropathy" is listed under A69.22 "Other
neurologic disorders in Lyme disease", and means that only in Lyme disease. Matched alone in a note that does
not name the disease (a B12 deficiency's or a diabetic's polyneuropathy), it was wrong on first sight in two
rounds out of two; such a code goes to a coder, as does a manifestation "in diseases classified elsewhere".

A sign or symptom (R00-R69) beside a diagnosis the note confirms is either a separate problem (nocturia with BPH,
a headache with constipation) or part of that diagnosis in words no rule knows yet (cough and dyspnea with
interstitial lung disease, snoring with sleep apnea, chest wall pain with costochondritis). It was right 1 time
in 7 on the first sight of n1-n60 and p1-p60, all four wrong symptom codes of o1-o60's first sight were of it,
and even on the development notes, after the rules written on them, it is right 5 times in 9. So it goes to a
coder just below the threshold with the diagnosis named; a symptom alone in its note (right 44 times in 45 on the
development notes) keeps its confidence, as does one that none of the diagnoses beside it routinely explains
(`unexplained_symptom`'s table, read by `unexplained_beside`). A follow-up after completed treatment (Z09/Z08) counts
as such a diagnosis: a symptom at it is the treated condition's residue or a new problem.
"""
import re
from functools import lru_cache

from services.coding.domain.chronic_conditions import CHRONIC, NAMED_BARE, cared_for_now
from services.coding.domain.conventions import SEVENTH_CHARACTER
from services.coding.domain.cough_duration import NAME as COUGH_BY_DURATION
from services.coding.domain.default_entry_present import stated_present
from services.coding.domain.default_entry_treated import treated_in_its_sentence
from services.coding.domain.denied_qualifiers import denied_words
from services.coding.domain.diet_words import DIET_PHRASE
from services.coding.domain.documented_findings import SYMPTOM_NAMED_DISORDERS
from services.coding.domain.injury_sequela import sequela_code
from services.coding.domain.lasting_osteoporosis import ends_its_care_not_it
from services.coding.domain.measured_words import TEST_PHRASE
from services.coding.domain.note_context import NOT_ESTABLISHED, RESOLVED, mention_scope
from services.coding.domain.note_terms import CONFIDENCE, for_a_coder, words
from services.coding.domain.laterality import SIDE_WORDS, stated_side, written_side
from services.coding.domain.note_text import sentence, sentence_end, sentence_start
from services.coding.domain.own_entry import heads_its_own_entry
from services.coding.domain.pattern_literals import may_match, required_literals
from services.coding.domain.site_side import SITES
from services.coding.domain.stated_reason import remission_said_apart, stated_reason
from services.coding.domain.suggestions import Suggestion
from services.coding.domain.sure_injury_code import stated_in_full
from services.coding.domain.symptom_set_apart import set_apart
from services.coding.domain.unexplained_beside import unexplained_beside
from services.coding.domain.unexplained_symptom import unexplained_entry
from services.coding.domain.use_additional_symptoms import asked_for

NAME = "unspecified-from-index-entry"
LOWERED_KINDS = ("inclusion", "default")  # the index entry kinds whose unspecified codes fell short
NEAR_WORDS = 6  # how far from the mention a qualifier is read as its own
REASON = ("an unspecified code found through an index inclusion term or a term without its qualifiers, beside "
          "{words}, which other {category} codes name: a coder checks whether the note documents a more "
          "specific code")


# Where those words are every word one other code of the category adds to the unspecified one ("due to chronic
# blood loss" beside "iron deficiency anemia": D50.0, "secondary to blood loss (chronic)"), they name that code.
QUALIFIED_NAME = "qualifier-names-code"
QUALIFIED_CONFIDENCE = 0.9
QUALIFIED_REASON = ("{sibling} rather than {code}: the words beside the mention ({words}) are those {sibling}'s "
                    "description adds to {code}'s")


IN_DISEASE_NAME = "inclusion-term-without-its-disease"
_IN_DISEASE = re.compile(r"\bin ([\w' -]*\bdiseases?)\b", re.IGNORECASE)
IN_DISEASE_REASON = ("{evidence!r} is an inclusion term of {code} ({description}): the note does not name "
                     "{disease}; a coder checks the cause")


def calibrated(suggestions: list[Suggestion], note: str, tabular, *,
               denied_starts: frozenset[int] = frozenset()) -> list[Suggestion]:
    """`denied_starts`: where the mentions the note negates begin (`own_entry.entry_qualified`)."""
    out, note_words = [], None
    for s in suggestions:
        own = _without_other_conditions(s, note, suggestions) if _unspecified_from_entry(s) else note
        qualifiers = _qualifiers_near(s, own, tabular) if _unspecified_from_entry(s) else []
        disease = _disease_of_term(s) if _from_inclusion_term(s) else None
        if disease is not None:
            note_words = set(words(note)) if note_words is None else note_words
        sibling, qualifiers = _sibling_named(s, own, qualifiers, tabular) if qualifiers else (None, qualifiers)
        if sibling is not None:
            s = s.model_copy(update={
                "code": sibling, "description": tabular.description(sibling), "convention": QUALIFIED_NAME,
                "confidence": min(s.confidence, QUALIFIED_CONFIDENCE),
                "reason": QUALIFIED_REASON.format(code=s.code, sibling=sibling, words=", ".join(
                    f'"{w}"' for w in qualifiers))})
        elif qualifiers:
            s = for_a_coder(s, NAME, REASON.format(words=", ".join(f'"{w}"' for w in qualifiers), category=s.code[:3]))
        elif disease is not None and not set(words(disease)) - _GENERIC <= note_words:
            s = for_a_coder(s, IN_DISEASE_NAME, IN_DISEASE_REASON.format(
                evidence=s.evidence, code=s.code, description=s.description, disease=disease))
        out.append(s)
    return _named_set_apart(_injury_code_completed(_default_entry_outside_chronic(
        _symptoms_beside_diagnoses(_every_mention(_stated_what_the_code_leaves_open(out, note)), note), note,
        denied_starts), note), note)


# Where a kind of reading was right less than 95 times in 100 on notes no rule had yet seen, it is held just below
# the auto-accept threshold: still suggested, for a coder to confirm, with the measured reason.
FIRST_SIGHT_CONFIDENCE = 0.88


def _held_at_first_sight(s: Suggestion, name: str, reason: str) -> Suggestion:
    return s.model_copy(update={"confidence": FIRST_SIGHT_CONFIDENCE, "convention": name, "reason": reason})


DEFAULT_ENTRY_NAME = "default-entry"
DEFAULT_ENTRY_CONFIDENCE = FIRST_SIGHT_CONFIDENCE
DEFAULT_ENTRY_REASON = ("{code} ({evidence}) was matched only by its category's default entry, the condition's words "
                        "without the qualifiers its codes differ by: outside the conditions that persist once "
                        "diagnosed, such a reading was right about half the time on notes no rule had seen; a coder "
                        "confirms the code")


# A default entry that heads an entry of its own ("#Constipation - miralax daily", "A: Acute bronchitis.") is the
# problem the provider addressed, in the condition's own words: right 40 times in 40 on the development notes
# (22 in 22 on notes read before any rule was tuned on them), where the held ones were right 90 in 136.
OWN_ENTRY_NAME = "default-entry-heads-its-entry"
OWN_ENTRY_REASON = ("{code} ({evidence}) was matched by its category's default entry, as the whole head of a problem "
                    "list or assessment entry of its own")


# A default entry written as the service's stated reason (an order's or report's diagnosis or indication field, a
# referral's or visit's "for", a disorder's criteria met: `stated_reason`) is the condition the provider documents
# for the encounter (guidelines IV.A, IV.K, IV.L).
STATED_REASON_NAME = "default-entry-is-the-stated-reason"
STATED_REASON_REASON = ("{code} ({evidence}) was matched by its category's default entry, written as the stated reason "
                        "for the order, report, referral or visit")


# A default entry of a condition treated for years whose sentence states its care now ("PMH: gout, on allopurinol",
# "GAD - stable on escitalopram, continue") is a condition the visit manages (guideline IV.J), as the chronic ones are.
IN_CARE_NAME = "default-entry-in-care"
IN_CARE_REASON = ("{code} ({evidence}) was matched by its category's default entry, a condition treated for years "
                  "whose sentence states its care now")


# A default entry the note states as present now (`default_entry_present`): with its duration, as the cause of
# another condition, or a thyroid nodule, which stays once found.
PRESENT_NAME = "default-entry-stated-present"
PRESENT_REASON = "{code} ({evidence}) was matched by its category's default entry, stated {how}"


# A default entry whose sentence goes on to a treatment of that condition ("constipation, uses Miralax",
# "Peripheral neuropathy of feet - gabapentin"): the problem under care at the visit (`default_entry_treated`).
UNDER_TREATMENT_NAME = "default-entry-treated"
UNDER_TREATMENT_REASON = ("{code} ({evidence}) was matched by its category's default entry, and its sentence goes on "
                          "to a treatment of that condition")

# a word the index writes as the default entry's own ("Neuropathy, peripheral (nerve)" is G62.9 itself): standing
# before the matched term, it is part of the condition's name, not a word of the entry's head
_OWN_WORD_BEFORE = {"G62.9": re.compile(r"\bperipheral[ \t]+$", re.IGNORECASE)}


def _default_entry_outside_chronic(suggestions: list[Suggestion], note: str,
                                   denied_starts: frozenset[int] = frozenset()) -> list[Suggestion]:
    """A plain index term matched by its default entry ("anemia" D64.9, "bronchitis" J40, "insomnia" G47.00) goes
    to a coder unless its code is one of the chronic conditions a provider names bare (hyperlipidemia, obesity,
    hypothyroidism, type 2 diabetes, atrial fibrillation, osteoporosis: `chronic_conditions.CHRONIC`) or one that stays
    until a procedure ends it (a cataract, a supraventricular tachycardia: `NAMED_BARE`), or the term heads an entry
    of its own (`own_entry`). On the first sight of four rounds of notes (t, u, v, w), such readings
    were right 10 times in 22, the chronic ones 30 in 31."""
    spans = [(s.start, s.end) for s in suggestions]
    return [_default_entry(s, note, spans, denied_starts) if s.convention is None and s.context == "affirmed"
            and s.confidence == CONFIDENCE["default"] and not s.code.startswith(CHRONIC + NAMED_BARE) else s
            for s in suggestions]


def _default_entry(s: Suggestion, note: str, spans: list[tuple[int, int]],
                   denied_starts: frozenset[int] = frozenset()) -> Suggestion:
    own_word = _OWN_WORD_BEFORE.get(s.code)
    name_start = (own_word.search(note, max(0, s.start - 20), s.start) if own_word else None)
    if heads_its_own_entry(note, name_start.start() if name_start else s.start, s.end, denied_starts=denied_starts):
        return s.model_copy(update={"convention": OWN_ENTRY_NAME,
                                    "reason": OWN_ENTRY_REASON.format(code=s.code, evidence=s.evidence)})
    if stated_reason(note, s.start, s.end) and not remission_said_apart(s.code, note):
        return s.model_copy(update={"convention": STATED_REASON_NAME,
                                    "reason": STATED_REASON_REASON.format(code=s.code, evidence=s.evidence)})
    if cared_for_now(s.code, note[sentence_start(note, s.start):sentence_end(note, s.end)], note=note):
        return s.model_copy(update={"convention": IN_CARE_NAME,
                                    "reason": IN_CARE_REASON.format(code=s.code, evidence=s.evidence)})
    if (how := stated_present(s.code, note, s.start, s.end)) is not None:
        return s.model_copy(update={"convention": PRESENT_NAME,
                                    "reason": PRESENT_REASON.format(code=s.code, evidence=s.evidence, how=how)})
    if treated_in_its_sentence(s.code, note, s.start, s.end, [span for span in spans if span != (s.start, s.end)]):
        return s.model_copy(update={"convention": UNDER_TREATMENT_NAME,
                                    "reason": UNDER_TREATMENT_REASON.format(code=s.code, evidence=s.evidence)})
    return _held_at_first_sight(s, DEFAULT_ENTRY_NAME, DEFAULT_ENTRY_REASON.format(code=s.code, evidence=s.evidence))


INJURY_CODE_NAME = "injury-code-completed"
INJURY_CODE_REASON = ("{code} ({evidence}): the 7th character is the encounter the note states, but the injury code "
                      "it completes leaves {open!r} open; on notes no rule had seen such codes were right 7 times in "
                      "14 (the note named a site, side, ligament or kind another code holds): a coder confirms the "
                      "injury code")
# "Unspecified fracture of the lower end of right radius", "Sprain of other ligament of left ankle"
_LEFT_OPEN_INJURY = re.compile(r"\b(unspecified|other)\b", re.IGNORECASE)


SURE_INJURY_NAME = "injury-stated-in-full"
SURE_INJURY_REASON = ("{code} ({evidence}): the note states the injury, its site, its side and its encounter and "
                      "names nothing the code leaves {open!r}: the code a coder bills without a query")


# the calibrations that hold a kind of reading at FIRST_SIGHT_CONFIDENCE (still suggested, for a coder to confirm)
HELD_AT_FIRST_SIGHT = (DEFAULT_ENTRY_NAME, INJURY_CODE_NAME)


def _injury_code_completed(suggestions: list[Suggestion], note: str) -> list[Suggestion]:
    """An injury code completed with the 7th character the note states (`seventh-character`) whose text leaves
    something "unspecified" or "other" goes to a coder. On the first sight of twelve rounds of notes (m-x, aa) such
    codes were right 7 times in 14, each wrong one another code of the same injury in words no rule knew yet (a
    subcapital fracture's part of the femoral neck, the side in a template field, the ligament named after a
    comma, an unspecified ankle injury beside its sprain, a fracture that was osteoporotic); a code that names its
    site and kind was right 11 times in 12 (the twelfth a strain another sentence calls over, which
    `stated_over_elsewhere` now sends to a coder) and keeps its confidence, as does one the note states in full
    (`sure_injury_code`): the "unspecified" or "other" is then the note's own silence."""
    out = []
    for s in suggestions:
        left_open = _LEFT_OPEN_INJURY.search(s.description) if s.convention == SEVENTH_CHARACTER else None
        if left_open is not None and s.confidence > FIRST_SIGHT_CONFIDENCE:
            s = _sure_or_held(s, note, left_open.group(0).lower())
        out.append(s)
    return out


def _sure_or_held(s: Suggestion, note: str, left_open: str) -> Suggestion:
    if stated_in_full(s.description, note, s.start, s.end):
        return s.model_copy(update={"convention": SURE_INJURY_NAME, "reason": SURE_INJURY_REASON.format(
            code=s.code, evidence=s.evidence, open=left_open)})
    return _held_at_first_sight(s, INJURY_CODE_NAME, INJURY_CODE_REASON.format(
        code=s.code, evidence=s.evidence, open=left_open))


STATED_OPEN_NAME = "stated-what-code-leaves-open"
STATED_OPEN_REASON = ("{code} is \"{open}\", and the note says {word!r}: a code for the stated kind exists "
                      "elsewhere in the classification; a coder chooses it")
# "Bronchitis, not specified as acute or chronic" (J40), "Gastric ulcer, unspecified as acute or chronic": a code whose
# text leaves open what the note states ("acute RSV bronchitis") is the wrong code, not an unspecified one
_LEFT_OPEN = re.compile(r"\b(?:not specified|unspecified) as (\w+) or (\w+)", re.IGNORECASE)


def _stated_what_the_code_leaves_open(suggestions: list[Suggestion], note: str) -> list[Suggestion]:
    out = []
    for s in suggestions:
        left_open = _LEFT_OPEN.search(s.description) if s.context == "affirmed" and s.convention is None else None
        if left_open is not None:
            said = set(words(s.evidence)) | _near_words(s, note)
            word = next((w for w in left_open.groups() if w.lower() in said), None)
            if word is not None:
                s = for_a_coder(s, STATED_OPEN_NAME,
                                STATED_OPEN_REASON.format(code=s.code, open=left_open.group(0), word=word))
        out.append(s)
    return out


SYMPTOM_NAME = "symptom-beside-diagnosis"
SYMPTOM_CONFIDENCE = 0.85
SYMPTOM_REASON = ("{code} ({evidence}) is a symptom beside {diagnoses}, which the note confirms: a coder checks "
                  "whether it is part of it")


# A follow-up after completed treatment (Z09, Z08 for a malignancy) names the treated condition as history; a
# symptom there ("cough resolving") is its residue or a new problem, and was coded by no coder on the development
# notes' follow-ups: it is read as a symptom beside a diagnosis.
FOLLOW_UP_AFTER_TREATMENT = ("Z08", "Z09")


def is_adverse_effect(code: str) -> bool:
    """A T36-T50 adverse effect (5th or 6th character 5): the cause of its manifestation, never a diagnosis that
    explains a symptom away (guideline I.C.19.e.5.a codes the manifestation first)."""
    return code[:1] == "T" and "36" <= code[1:3] <= "50" and code[6:7] == "5"


def _confirmed_diagnoses(suggestions: list[Suggestion]) -> list[str]:
    return sorted({s.code for s in suggestions if s.context == "affirmed"
                   and (s.code[0] not in "RZ" or s.code in FOLLOW_UP_AFTER_TREATMENT) and not is_adverse_effect(s.code)
                   and not s.code.startswith(SYMPTOM_NAMED_DISORDERS)
                   and s.confidence >= SYMPTOM_CONFIDENCE + 0.05})


def _symptoms_beside_diagnoses(suggestions: list[Suggestion], note: str) -> list[Suggestion]:
    diagnoses = _confirmed_diagnoses(suggestions)
    if not diagnoses:
        return suggestions
    harmed_by = [s for s in suggestions if is_adverse_effect(s.code)]
    return [(_manifestation(s) if manifests_a_drug(s, harmed_by, note) else _beside(s, diagnoses, note))
            if _symptom(s) else s for s in suggestions]


# named where it is read, as an unexplained symptom is, so that no later hold takes it back
MANIFESTATION_NAME = "adverse-effect-manifestation"
MANIFESTATION_REASON = ("{code} ({evidence}) is written beside the drug whose adverse effect the note states: the "
                        "effect's manifestation, coded first (guideline I.C.19.e.5.a)")


def _manifestation(s: Suggestion) -> Suggestion:
    return s.model_copy(update={"convention": MANIFESTATION_NAME,
                                "reason": MANIFESTATION_REASON.format(code=s.code, evidence=s.evidence)})


# the drug's name and its harm's words side by side: "lisinopril cough", "diarrhea on metformin", "cough due to
# the lisinopril"
_DRUG_BESIDE_HARM = re.compile(r"^[\s-]{0,2}$|^\s*(on|from|due to|caused by|secondary to|induced by|with)"
                               r"\s+((the|his|her)\s+)?$", re.IGNORECASE)


def manifests_a_drug(symptom: Suggestion, adverse_effects: list[Suggestion], note: str) -> bool:
    """A symptom written beside the drug an adverse-effect code was read on is that effect's manifestation, coded
    first (guideline I.C.19.e.5.a), not a sign of another diagnosis of the note."""
    return any(_DRUG_BESIDE_HARM.match(note[t.end:symptom.start] if t.end <= symptom.start
                                       else note[symptom.end:t.start]) for t in adverse_effects)


def _beside(s: Suggestion, diagnoses: list[str], note: str) -> Suggestion:
    if asked_for(s.code, diagnoses):
        return _asked_for(s, diagnoses)
    if _apart(s, diagnoses, note):
        return s
    if unexplained_beside(s.code, diagnoses, note, s.start, s.end):
        return s.model_copy(update={"convention": UNEXPLAINED_BESIDE_NAME, "reason": UNEXPLAINED_BESIDE_REASON.format(
            code=s.code, evidence=s.evidence, diagnoses=", ".join(diagnoses))})
    return s.model_copy(update={
        "confidence": SYMPTOM_CONFIDENCE, "convention": SYMPTOM_NAME,
        "reason": SYMPTOM_REASON.format(code=s.code, evidence=s.evidence, diagnoses=", ".join(diagnoses))})


# named where it is read, so that no later hold for a bare default entry ("headache", "fatigue") takes it back
UNEXPLAINED_BESIDE_NAME = "symptom-unexplained-beside-diagnoses"
UNEXPLAINED_BESIDE_REASON = ("{code} ({evidence}) is a symptom beside {diagnoses}, none of which routinely explains "
                             "it: coded (guideline IV.D)")


ASKED_FOR_NAME = "use-additional-symptom"
ASKED_FOR_REASON = "{code} ({evidence}) is a symptom the use-additional note of {diagnoses} asks for: coded beside it"


def _asked_for(s: Suggestion, diagnoses: list[str]) -> Suggestion:
    """A symptom the diagnosis's own tabular note asks to be coded is kept at its confidence, named."""
    owners = ", ".join(d for d in diagnoses if asked_for(s.code, [d]))
    return s.model_copy(update={"convention": ASKED_FOR_NAME,
                                "reason": ASKED_FOR_REASON.format(code=s.code, evidence=s.evidence, diagnoses=owners)})


SET_APART_NAME = "symptom-set-apart"
SET_APART_REASON = ("{code} ({evidence}) is a symptom beside {diagnoses} that the note calls a separate problem: "
                    "coded (guideline IV.D)")


def _named_set_apart(suggestions: list[Suggestion], note: str) -> list[Suggestion]:
    """The symptoms `_symptoms_beside_diagnoses` left at their confidence because the note sets them apart or lists
    them as an entry no diagnosis beside explains, named on the suggestion once every other first-sight hold has read
    them."""
    diagnoses = _confirmed_diagnoses(suggestions)
    if not diagnoses:
        return suggestions
    return [_named_apart(s, diagnoses, note) if _symptom(s) and _apart(s, diagnoses, note) else s
            for s in suggestions]


UNEXPLAINED_NAME = "symptom-unexplained-heads-its-entry"
UNEXPLAINED_REASON = ("{code} ({evidence}) heads an assessment entry of its own beside {diagnoses}, none of which "
                      "routinely explains it: coded (guidelines I.B.6, IV.D)")


def _apart(s: Suggestion, diagnoses: list[str], note: str) -> bool:
    return set_apart(note, s.start, s.end) or unexplained_entry(s.code, diagnoses, note, s.start, s.end)


def _named_apart(s: Suggestion, diagnoses: list[str], note: str) -> Suggestion:
    name, reason = ((SET_APART_NAME, SET_APART_REASON) if set_apart(note, s.start, s.end)
                    else (UNEXPLAINED_NAME, UNEXPLAINED_REASON))
    return s.model_copy(update={"convention": name, "reason": reason.format(
        code=s.code, evidence=s.evidence, diagnoses=", ".join(diagnoses))})


# Conditions of childhood chapter R names as diagnoses of their own, which no other diagnosis takes in: a pediatric
# feeding disorder beside autism (R63.31, R63.32, the tabular's "disorder", not its feeding difficulties), a child's
# failure to thrive beside the heart defect or the reflux that may explain it (R62.51), and a
# febrile seizure beside the otitis that brought the fever where the note gives its kind (simple R56.00, complex
# R56.01): a bare "febrile seizure" may be one long past
CHILDHOOD_DIAGNOSES = ("R63.31", "R63.32", "R62.51")
FEBRILE_SEIZURE = "R56.0"
_FEBRILE_SEIZURE_KIND = re.compile(r"\b(simple|complex|complicated|atypical)\b", re.IGNORECASE)


def _childhood_diagnosis(s: Suggestion) -> bool:
    return s.code.startswith(CHILDHOOD_DIAGNOSES) or (s.code.startswith(FEBRILE_SEIZURE)
                                                      and _FEBRILE_SEIZURE_KIND.search(s.evidence) is not None)


def _symptom(s: Suggestion) -> bool:
    """A sign or symptom code (not an abnormal result, R70-R99) billed as found, or as its course refines it (a
    cough's course is still the cough beside the diagnosis)."""
    return (s.context == "affirmed" and s.code[0] == "R" and s.code[:3] <= "R69"
            and not _childhood_diagnosis(s)
            and s.confidence > SYMPTOM_CONFIDENCE and s.convention in (None, "documented-finding", COUGH_BY_DURATION))


def _every_mention(suggestions: list[Suggestion]) -> list[Suggestion]:
    """A qualifier read beside one mention qualifies the condition, not the mention: "Chronic PTSD ... insomnia
    secondary to PTSD" leaves F43.10 to a coder at both."""
    lowered = {s.code: s for s in suggestions if s.convention == NAME}
    return [lowered[s.code].model_copy(update={"start": s.start, "end": s.end, "evidence": s.evidence})
            if s.code in lowered and s.convention is None and _unspecified_from_entry(s) else s for s in suggestions]


_GENERIC = frozenset({"disease", "diseases", "other", "and"})


def _from_inclusion_term(s: Suggestion) -> bool:
    return s.convention is None and s.context == "affirmed" and s.confidence == CONFIDENCE["inclusion"]


def _disease_of_term(s: Suggestion) -> str | None:
    """The disease a code's description places its inclusion terms in ("in Lyme disease"), unless the term
    matched names it itself."""
    found = _IN_DISEASE.search(s.description)
    if found is None or found.group(1).lower() in s.evidence.lower():
        return None
    return found.group(1)


def _unspecified_from_entry(s: Suggestion) -> bool:
    """Affirmed, no convention made or changed it, matched through an entry other than the code's description,
    and the code is the unspecified one of its kind."""
    return (s.convention is None and s.context == "affirmed"
            and s.confidence in {CONFIDENCE[kind] for kind in LOWERED_KINDS}
            and "unspecified" in s.description.lower())


# a medication list's indication, "(for cholesterol)", "(for sugar)": why a drug is taken, not a kind of the condition
_INDICATION = re.compile(r"\(for [^()]*\)", re.IGNORECASE)


def _not_qualifying(text: str) -> str:
    """The text without a drug's indication, a diet phrase ("on a low cholesterol diet") or a test's name or goal
    ("LDL at goal"): none is a kind of the condition."""
    return TEST_PHRASE.sub(" ", DIET_PHRASE.sub(" ", _INDICATION.sub(" ", text)))


# what every disease is, no kind of one: "disease" of a neighbour's name ("PMH: COPD, HLD", COPD read as "chronic
# obstructive pulmonary disease") is not a word of Tangier disease's code beside "HLD"
_NO_KIND = frozenset({"disease", "diseases", "disorder", "disorders"})


# the eye or side written with a condition named bare ("Cataract L eye", "Cataract OU"): its code has no sided form,
# and the sided siblings are kinds the note does not name (infantile, traumatic, drug-induced)
_SIDE_OF_NO_KIND = SIDE_WORDS | {"eye", "eyes", "both"}


_LIST_SEPARATOR = re.compile(r"[,;]")


def _without_other_conditions(s: Suggestion, note: str, suggestions: list[Suggestion]) -> str:
    """The note with the mentions of other categories' conditions blanked: a word of a neighbour's name qualifies
    that neighbour ("PMH: COPD, CKD 3a, AFib": the kidney disease's "chronic" is no kind of the atrial fibrillation;
    "rare PACs, one run of SVT": the premature beats' "atrial" is no kind of the tachycardia), where a comma or a
    semicolon sets the neighbour apart as another list item. A mention of the same category keeps its words."""
    spans = sorted((o.start, o.end) for o in suggestions if o.code[:3] != s.code[:3]
                   and _LIST_SEPARATOR.search(note[o.end:s.start] if o.end <= s.start else note[s.end:o.start]))
    for start, end in spans:
        note = note[:start] + " " * (end - start) + note[end:]
    return note


def _qualifiers_near(s: Suggestion, note: str, tabular) -> list[str]:
    """The words near the mention, in its sentence, that other codes of its category use and it does not; not those
    the words after it deny ("watery diarrhea, no blood": no kind of the diarrhea)."""
    specific = tabular.category_words(s.code) - _NO_KIND - (_SIDE_OF_NO_KIND if s.code in NAMED_BARE else frozenset())
    near = [w for w in _near_words(s, note) if w in specific]
    if not near:
        return []
    denied = denied_words(note[s.end:sentence_end(note, s.end)], s.description)
    return sorted(w for w in near if w not in denied)


def _sibling_named(s: Suggestion, note: str, qualifiers: list[str], tabular) -> tuple[str | None, list[str]]:
    """The sibling code the words near the mention name, and the qualifiers left, unless the note says the
    condition is not that one ("Insomnia - not sleep apnea"): the denied words then qualify nothing."""
    near = _near_words(s, note)
    sibling = tabular.sibling_named_by(s.code, near)
    if sibling is None:
        return None, qualifiers
    if not _kind_of_the_same(s.code, sibling, tabular):
        # another condition's words ("apnea" beside "insomnia") qualify nothing
        other = set(words(tabular.description(sibling)))
        return None, [w for w in qualifiers if w not in other]
    denied = denied_words(note[s.end:sentence_end(note, s.end)], tabular.description(sibling))
    if not denied & set(qualifiers):
        return sibling, qualifiers
    kept = [w for w in qualifiers if w not in denied]
    return (tabular.sibling_named_by(s.code, near - denied) if kept else None), kept


_NOT_A_KIND = frozenset(words("unspecified, NOS"))


def _kind_of_the_same(code: str, sibling: str, tabular) -> bool:
    """A sibling names a kind of the condition only where its description shares a word of the condition's: a
    category's other conditions are no kinds of it ("insomnia predating the apnea" is no sleep apnea)."""
    return bool((set(words(tabular.description(code))) - _NOT_A_KIND) & set(words(tabular.description(sibling))))


def _near_words(s: Suggestion, note: str) -> frozenset[str]:
    """The words within a few of the mention, in its sentence. A number is no qualifier, nor a word it follows:
    "BMI 31.2", "LDL 92" are measurements, not kinds of obesity or of hyperlipidemia."""
    before = words(_not_qualifying(note[sentence_start(note, s.start):s.start]))
    after = words(_not_qualifying(note[s.end:sentence_end(note, s.end)]))
    near = [w for w, following in zip(before, [*before[1:], ""]) if not following.isdigit()][-NEAR_WORDS:] + [
        w for w, following in zip(after, [*after[1:], ""]) if not following.isdigit()][:NEAR_WORDS]
    return frozenset(w for w in near if not w.isdigit())



OVER_ELSEWHERE_NAME = "stated-over-elsewhere"
OVER_ELSEWHERE_REASON = ("{code} ({evidence}): the note also says {head!r} is over ({over!r}); a coder decides "
                         "whether it is still current or a history")


def stated_over_elsewhere(suggestions: list[Suggestion], note: str) -> list[Suggestion]:
    """A condition coded from one mention that another mention calls over ("Completed levofloxacin for CAP ...
    Pneumonia resolved.") is read two ways: a treated condition is no longer coded (a follow-up after it is Z09
    with the history), yet "resolved" can be one episode of a condition still present. Neither reading is safe to
    bill unseen, so the code goes to a coder below the threshold with the words that say it is over. The other
    mention is the term's head word (its last: "pneumonia" of "community acquired pneumonia"; before a generic
    "disease", "disorder" or "syndrome" also the word naming it: "Graves") read by the same context rules, and for
    an injury also its site's pain ("neck strain ... Neck pain resolved."). An injury coded as a sequela (7th
    character S) is over by its code: its healing said elsewhere is no doubt."""
    out = []
    for s in suggestions:
        over = _over_elsewhere(s, note) if s.context == "affirmed" and s.code[0] != "Z" and not sequela_code(
            s.code) else None
        if over is not None:
            s = for_a_coder(s, OVER_ELSEWHERE_NAME, OVER_ELSEWHERE_REASON.format(
                code=s.code, evidence=s.evidence, head=over[0], over=over[1]))
        out.append(s)
    return out


_GENERIC_HEADS = frozenset({"disease", "disorder", "syndrome"})
# the organ a generic head's disease sits in ("chronic obstructive pulmonary disease", "chronic kidney disease") says
# where, not which: "Pulmonary TB 1998, completed treatment" or "kidney stone, passed" is another condition over
_ORGAN_WORDS = frozenset({"pulmonary", "lung", "lungs", "kidney", "renal", "liver", "hepatic", "heart", "cardiac",
                         "coronary", "artery", "arterial", "vascular", "valve", "valvular", "bowel", "thyroid", "bone",
                         "joint", "skin", "brain", "eye", "bladder", "prostate", "gallbladder"})
_OTHER_SIDE = {"right": "left", "left": "right"}
# the tabular's own qualifiers, printed after the condition by a problem list ("Hyperlipidemia, unspecified",
# "Gastritis without bleeding"): they name no condition, so another item's "unspecified" is not this one's head
_PRINTED_QUALIFIERS = frozenset({"unspecified", "specified", "other", "without", "with", "mention", "complication",
                                 "complications", "elsewhere", "classified"})


# the side and the joint a condition is written with ("osteoarthritis of the left hip", "OA R knee") say where it is,
# not what it is: another sentence's "left" or "knee" is not this condition over
_WHERE = SIDE_WORDS | {"both", "side", "sided"} | frozenset(SITES) | frozenset(site + "s" for site in SITES)


def _over_elsewhere(s: Suggestion, note: str) -> tuple[str, str] | None:
    found = [w for w in re.findall(r"[a-z]{4,}", s.evidence.lower()) if w not in _PRINTED_QUALIFIERS]
    if s.code[0] not in "ST":
        found = [w for w in found if w not in _WHERE]
    if not found:
        return None
    # an injury is over when the pain of its site is ("neck strain ... Neck pain resolved."): the pain is its symptom
    heads = [found[-1], *([f"{found[0]} pain"] if s.code[0] in "ST" and len(found) > 1 else [])]
    # an eponym's disease is named by the eponym alone ("Graves disease ... Graves no longer active")
    if found[-1] in _GENERIC_HEADS and len(found) > 1 and found[-2] not in _ORGAN_WORDS:
        heads.append(found[-2])
    return next((over for head in heads if (over := _head_over(s, note, head)) is not None), None)


def _head_over(s: Suggestion, note: str, head: str) -> tuple[str, str] | None:
    side = stated_side(s.description)
    for m in _head_pattern(head).finditer(note):
        if m.start() < s.end and s.start < m.end():
            continue
        if side in ("right", "left") and written_side(sentence(note, m.start(), m.end())) == _OTHER_SIDE[side]:
            continue  # the other side's condition ("L hip fracture 2020, healed" beside a right radius's)
        if _NO_LONGER.search(note, max(0, m.start() - 20), m.start()):
            return head, "no longer"
        scope = mention_scope(note, m.start(), m.end()) if m.group(0).lower() == head.lower() else None
        # a generic head says which condition is over only with the name before it ("carpal tunnel syndrome"
        # is not the "Guillain-Barre syndrome ... recovered"): that name is a head of its own
        # a head in parentheses names the cause of what it follows ("R hip fracture 2020 (osteoporosis), healed"):
        # the ending after the parenthesis is that condition's
        if scope is not None and scope.rule in (RESOLVED, NOT_ESTABLISHED) and head not in _GENERIC_HEADS \
                and not scope.cue.startswith(")") \
                and not ends_its_care_not_it(s.code, scope.cue, note[m.end():m.end() + 200]):
            return head, scope.cue
    return None


# "A1c 5.4 today, no longer prediabetic": the state itself said to be over, in its adjective form; only this cue
# reads the other forms ("diabetic foot ulcer, healed" says nothing of the diabetes)
_NO_LONGER = re.compile(r"\bno longer (an? )?$", re.IGNORECASE)
# the head's adjective or plural ("prediabetes", "prediabetic"): the stem before the noun's ending, a short ending
_NOUN_ENDING = re.compile(r"(es|is|ia|s|y)$")


@lru_cache(maxsize=4096)
def _head_pattern(head: str) -> re.Pattern:
    """Compiled once per head: the development notes name thousands, beyond what the re module keeps compiled."""
    return re.compile(_head_forms(head), re.IGNORECASE)


def _head_forms(head: str) -> str:
    if " " in head:
        return rf"\b{head}\b"
    stem = _NOUN_ENDING.sub("", head)
    return rf"\b{stem}(ic|ics|es|is|ia|s|y|al)?\b" if len(stem) >= 5 and stem != head else rf"\b{head}s?\b"


TREATED_NAME = "treated-by-procedure"
TREATED_REASON = ("{code} ({evidence}) is named with {procedure!r}: a procedure that removes or replaces what it "
                  "treats; a coder decides whether the condition is current or a history")
# "Typical atrial flutter s/p ablation 2021, in NSR since": the condition named right before a procedure that ablates,
# resects or replaces it. Not a device or stent placed for a condition that stays ("CAD s/p PCI", "SSS s/p PPM"),
# nor a fracture's fixation (its subsequent encounter), nor a code a convention made from the same words
# ("hypothyroidism s/p thyroidectomy" is postsurgical hypothyroidism E89.0).
_TREATED_AFTER = re.compile(r"^[\s,(-]*(?:[\w/-]+[\s,]+){0,2}?(?P<procedure>(?:s/p|status post)\s+(?:[\w-]+\s+){0,3}?"
                            r"(?:ablation|\w+ectomy|resection|excision|valve replacement|tavr|tavi|avr|mvr))\b",
                            re.IGNORECASE)


# The same written the other way: the condition named as what such a procedure was for ("hypothyroidism after RAI
# for Graves dz 2017", "s/p thyroidectomy for multinodular goiter"): "after", "s/p" or "post" first, then the
# procedure, then "for" right before the mention.
_PROCEDURE = r"(?:ablation|\w+ectomy|resection|excision|valve replacement|tavr|tavi|avr|mvr|radioactive iodine|radioiodine|rai)"
# A parenthesis may name the procedure alone: "Hypothyroidism, postablative (RAI 2018 for Graves disease)".
_TREATED_BEFORE = re.compile(r"(?P<procedure>(?:\b(?:s/p|status post|after|post)\s+|(?<=\())(?:[\w-]+\s+){0,3}?" + _PROCEDURE +
                             r")(?:\s+(?:ablation|therapy|treatment|tx))?(?:\s+\d{4})?\s+for\s+$", re.IGNORECASE)


QUIET_NAME = "not-present-now"
QUIET_REASON = ("{code} ({evidence}): its sentence says {cue!r}; an episodic condition between episodes is a history "
                "(\"recurrent UTI ... currently asymptomatic\" is Z87.440), a chronic one is still coded: a coder "
                "decides")
# the sentence says the patient has no episode now ("Reason: recurrent UTI, 3 in 6 mo, currently asymptomatic")
_QUIET_NOW = re.compile(r"\b(currently asymptomatic|asymptomatic (now|currently|today|at present)|no current "
                        r"(symptoms|sx|episode)|currently (symptom|sx)[- ]free|between episodes)\b", re.IGNORECASE)


_TREATED_WORDS = tuple(required_literals(pattern) for pattern in (_TREATED_AFTER, _TREATED_BEFORE, _QUIET_NOW))


def treated_by_procedure(suggestions: list[Suggestion], note: str) -> list[Suggestion]:
    """The diagnoses a procedure named after them removed, or that their sentence says are not present now, go to
    a coder (see `TREATED_NAME` and `QUIET_NAME`)."""
    # a pattern whose required words the note lacks cannot match a part of it: not tried on any mention
    after_possible, before_possible, quiet_possible = (may_match(required, note) for required in _TREATED_WORDS)
    out = []
    for s in suggestions:
        if s.context == "affirmed" and s.code[0] not in "RZ" and s.convention in (None, "documented-finding"):
            treated = (_TREATED_AFTER.match(note[s.end:sentence_end(note, s.end)])
                       if s.convention is None and after_possible else None) \
                or (_TREATED_BEFORE.search(note[sentence_start(note, s.start):s.start]) if before_possible else None)
            quiet = _QUIET_NOW.search(note[sentence_start(note, s.start):sentence_end(note, s.end)]) \
                if quiet_possible else None
            if treated is not None:
                s = for_a_coder(s, TREATED_NAME, TREATED_REASON.format(
                    code=s.code, evidence=s.evidence, procedure=treated["procedure"]))
            elif quiet is not None:
                s = for_a_coder(s, QUIET_NAME,
                                QUIET_REASON.format(code=s.code, evidence=s.evidence, cue=quiet.group(0)))
        out.append(s)
    return out

