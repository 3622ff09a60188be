"""A pregnant patient's conditions in chapter 15 (Official Guidelines I.C.15.a.1): a condition in pregnancy is
coded as complicating it, the chapter 15 code first with the condition's own code, unless the provider writes
that the pregnancy is incidental to the visit (Z33.1). The weeks of gestation the note gives are the Z3A code and
set the trimester's character (first: less than 14 weeks, second: 14 to less than 28, third: 28 weeks on).

Only a pregnancy stated as current with its weeks or trimester is read, never in a newborn's note (its mother's
conditions, a preeclampsia its delivery was for, are hers): a trimester cannot be supposed, and a
note that names pregnancy only in the past, in a test or in a plan leaves every condition in its own chapter.
Gestational diabetes is read by its control (O24.41-), a routine postpartum visit is Z39.2, the lactating
mother's own visit for care and examination Z39.1.

In the puerperium (six weeks after delivery, stated as "3 weeks postpartum" or "10 days after delivery") a
condition of those chapters complicates it: the O99 or O9A code's puerperium character, O10.03 for hypertension.
A chapter 15 code found with an unspecified trimester takes the one the weeks give, or its puerperium sibling.
"""
import re
from dataclasses import dataclass

from services.coding.domain.childhood_entries import NEWBORN_PATIENT
from services.coding.domain.note_text import before, negated_before, sentence_end
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.pattern_literals import lowered_note
from services.coding.domain.suggestions import RULE_CONFIDENCE, Suggestion, as_sibling, from_rule

NAME = "pregnancy-chapter"
_GATE_WORDS = ("pregnan", "gestation", "trimester", "postpartum", "post-partum", "postnatal", "gdm", "prenatal",
               "antenatal", "iup", "deliver", "svd", "cesarean", "c-section", "puerper", "eclampsia", "hyperemesis",
               "miscarri", "abortion", "pih", "lactat", "breastfeed", "breast feed")
_GRAVIDA = re.compile(r"\bg\d+\s*p\d")

_WEEKS = r"(?P<{name}>\d{{1,2}})(?:\s*\+\s*\d)?\s*(?:-\s*)?(?:weeks?|wks?|w)(?:\s*(?:\d\s*d(?:ays?)?|and \d days?))?"
_GESTATION_WORDS = r"(?:of\s+)?(?:gestation(?:al age)?|pregnant|(?:of\s+)?pregnancy|GA|IUP|by\s+(?:LMP|dates|" \
                   r"(?:early\s+|dating\s+)?(?:US|ultrasound)))"
GESTATION = re.compile(rf"\b(?:(?:at|GA|EGA|gestational age(?: of)?|IUP at)\s+{_WEEKS.format(name='at')}\b|"
                       rf"{_WEEKS.format(name='weeks')}\s+{_GESTATION_WORDS}\b|"
                       rf"(?P<short>\d{{1,2}})w\d d\b)", re.IGNORECASE)
TRIMESTER = _rx(r"(first|1st|second|2nd|third|3rd)[- ]trimester")
_TRIMESTER_NUMBER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
# a statement of weeks about a pregnancy that ended, or about when something happened in it: the words just before
# the weeks ("delivered at 34 weeks", "diagnosed at 26 weeks") or just after ("at 30 weeks in 2019")
_NOT_THE_CURRENT = re.compile(r"\b(delivered|delivery|born|postpartum|(?<!threatened )miscarri\w*|loss|prior|"
                              r"previous|history|hx|h/o|diagnosed|since|from|until|planning|planned|started|began)\b"
                              r"[^.;]*$", re.IGNORECASE)
_ENDED_AFTER = re.compile(r"^\W*(\w+\W+){0,2}?(in (19|20)\d\d|ago|postpartum)\b", re.IGNORECASE)
_WINDOW = 40
PREGNANT = _rx(r"pregnant|pregnancy|gestation|G\d+\s*P\d+|IUP|prenatal|antenatal|EDD|gestational (hypertension|HTN|"
               r"diabetes)|GDM|PIH|pre-?eclampsia|hyperemesis gravidarum|threatened (miscarriage|abortion)")
NOT_PREGNANT = _rx(r"not pregnant|pregnancy test (was )?negative|hcg (was )?neg(ative)?|no (current )?pregnancy")
INCIDENTAL = re.compile(r"\bpregnan\w*[^.;]{0,80}\bincidental\b|\bincidental\b[^.;]{0,40}\bpregnan", re.IGNORECASE)
SUPERVISION = _rx(r"(routine |normal |first |initial |new )?(prenatal|antenatal|OB) (visit|care|check|intake)|"
                  r"supervision of (a |her )?normal (first )?pregnancy")
FIRST_PREGNANCY = _rx(r"G1\s*P0|G1|primigravida|primigravid|first pregnancy|nulliparous")
LATER_PREGNANCY = _rx(r"G[2-9]\s*P\d+|G[2-9]|multigravida|multiparous|(second|third|fourth) pregnancy")
HIGH_RISK_VISIT = _rx(r"supervision of (a |her )?(high-risk )?pregnancy|"
                      r"high-risk (OB|prenatal|pregnancy) (visit|clinic|care|intake)")
# a prenatal visit's high-risk reasons (O09, guideline I.C.15.b.2: at the prenatal outpatient visits only)
ADVANCED_AGE = _rx(r"advanced maternal age|AMA|elderly (primigravida|multigravida)")
PRETERM_HISTORY = _rx(r"(history of|h/o|hx of|prior|previous) (spontaneous )?pre-?term (labor|delivery|birth)|"
                      r"after pre-?term labor")
INFERTILITY_HISTORY = _rx(r"(history of|h/o|hx of) infertility|IVF pregnancy|conceived (via|by|with|through) IVF")
_SYMPTOM = ("R00", "R69")  # the symptoms and signs a provider may tie to the pregnancy (O26.89-)
# O21.1's inclusion note: the metabolic disturbance (dehydration, electrolyte imbalance, carbohydrate depletion, of
# which ketonuria is the sign) is the hyperemesis's own, not coded beside it
_INCLUDED_IN = {"O21.1": ("E86", "E87", "R82.4")}
POSTPARTUM_VISIT = _rx(r"(routine )?(postpartum|post-partum|postnatal) (visit|check(-?up)?|follow-?up|exam)")
# "Encounter for care and examination of lactating mother": the mother's own visit for it (a lactation consult may
# be the baby's feeding)
LACTATION_VISIT = _rx(r"(routine )?(lactation|breast ?feeding) (visit|check(-?up)?|follow-?up)|(care|exam(ination)?)"
                      r"( and (care|exam(ination)?))? of (a |the )?(lactating|breast ?feeding) mother|"
                      r"(lactating|breast ?feeding) mother,? (routine )?(care|exam(ination)?|visit|check)")

# The condition's chapter or block, and the chapter 15 subcategory the tabular gives it (O99's inclusion notes
# and Excludes2: alcohol, drugs and tobacco, diabetes, malnutrition and obesity, hypertension, embolism and venous
# complications, liver and biliary disorders and hemorrhoids have codes of their own, not read here).
_COMPLICATING: tuple[tuple[str, str, str], ...] = (
    ("D50", "D64", "O99.01"), ("D65", "D89", "O99.11"),
    ("E00", "E07", "O99.28"), ("E20", "E35", "O99.28"), ("E70", "E88", "O99.28"),
    ("F01", "F09", "O99.34"), ("F20", "F99", "O99.34"),
    ("G00", "G99", "O99.35"),
    ("I00", "I09", "O99.41"), ("I20", "I25", "O99.41"), ("I27", "I52", "O99.41"), ("I60", "I79", "O99.41"),
    ("J00", "J99", "O99.51"),
    ("K00", "K63", "O99.61"), ("K65", "K69", "O99.61"), ("K90", "K95", "O99.61"),
    ("L00", "L99", "O99.71"),
    ("S00", "T73", "O9A.21"), ("T75", "T75", "O9A.21"), ("T77", "T88", "O9A.21"),  # not abuse (T74, T76)
)
# pre-existing hypertension is its own O10 code in pregnancy, in place of the I code (O10's inclusion note)
_HYPERTENSION = {"I10": "O10.01"}
_GESTATIONAL_DIABETES = "O24.41"
INSULIN = _rx(r"insulin|NPH|lispro|aspart|glargine|detemir")
ORAL_AGENT = _rx(r"metformin|glyburide|glibenclamide|oral (hypoglycemic|agent|antidiabetic)s?")
THREATENED_ABORTION = _rx(r"threatened (abortion|miscarriage)")
EARLY_BLEEDING = _rx(r"(vaginal |first[- ]trimester )?(bleeding|spotting|hemorrhage)"
                     r"( in (early|the first trimester of) pregnancy)?")
DIET = _rx(r"diet[- ]controlled|controlled (by|with|on) diet|diet alone|diet and exercise|A1 ?GDM|MNT alone")


# "3 weeks postpartum", "10 days after a cesarean delivery", "in the puerperium": the six weeks after delivery
PUERPERIUM = _rx(r"(?P<count>\d{1,2}) (?P<unit>days?|d|weeks?|wks?) (postpartum|post-partum|after (an? |her )?"
                 r"(uncomplicated |unremarkable |normal )?(vaginal |cesarean |c-section |c/s )?(delivery|birth)|"
                 r"(after|status post|s/p) (an? )?(n?svd|c/s|c-section|cesarean section))|"
                 r"(?P<stated>in the puerperium|complicating the puerperium)")
_PUERPERIUM_DAYS = 42
_UNSPECIFIED_TRIMESTER = "unspecified trimester"
_TESTED_FOR = re.compile(r"\s+(testing|tests?|work-?up|w/u|screen\w*|panel)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Pregnancy:
    weeks: int | None
    trimester: int
    evidence: re.Match


def current_pregnancy(note: str) -> Pregnancy | None:
    """The pregnancy the note states as current, with the weeks it gives or the trimester it names; a newborn's
    note names only its mother's, ended with the birth."""
    if NOT_PREGNANT.search(note) or not PREGNANT.search(note) or NEWBORN_PATIENT.search(note):
        return None
    for m in GESTATION.finditer(note):
        weeks = int(m.group("at") or m.group("weeks") or m.group("short"))
        if 1 <= weeks <= 45 and _stated_as_current(note, m):
            return Pregnancy(weeks, trimester_of(weeks), m)
    for m in TRIMESTER.finditer(note):
        if not negated_before(note, m.start()) and _stated_as_current(note, m):
            return Pregnancy(None, _TRIMESTER_NUMBER[m.group(2).lower()], m)
    return None


def _stated_as_current(note: str, m: re.Match) -> bool:
    before_weeks = before(note, m.start())[-_WINDOW:]
    after_weeks = note[m.end():sentence_end(note, m.end())]
    return not (_NOT_THE_CURRENT.search(before_weeks) or _ENDED_AFTER.match(after_weeks))


def current_puerperium(note: str) -> re.Match | None:
    """The puerperium the note states as now: the days or weeks since delivery, six weeks at most, not the
    newborn's days since its birth."""
    if NEWBORN_PATIENT.search(note):
        return None
    for m in PUERPERIUM.finditer(note):
        if negated_before(note, m.start()):
            continue
        if m.group("stated"):
            return m
        days = int(m.group("count")) * (1 if m.group("unit").lower().startswith("d") else 7)
        if days <= _PUERPERIUM_DAYS:
            return m
    return None


def trimester_of(weeks: int) -> int:
    return 1 if weeks < 14 else 2 if weeks < 28 else 3


def weeks_code(weeks: int) -> str:
    """Z3A by completed weeks: under 8 weeks Z3A.01, 8-42 their own, over 42 Z3A.49."""
    if weeks < 8:
        return "Z3A.01"
    return "Z3A.49" if weeks > 42 else f"Z3A.{weeks:02d}"


def complicating_code(code: str, trimester: int) -> str | None:
    """The chapter 15 code for a condition of the given code in a pregnancy of the given trimester."""
    category = code[:3]
    if category in _HYPERTENSION:
        return f"{_HYPERTENSION[category]}{trimester}"
    subcategory = next((o for first, last, o in _COMPLICATING if first <= category <= last), None)
    return None if subcategory is None else f"{subcategory}{trimester}"


def puerperium_code(code: str, tabular) -> str | None:
    """The chapter 15 code for a condition of the given code in the puerperium: the pregnancy subcategory's sibling
    the tabular titles "complicating the puerperium" (O99.345, O99.53, O10.03)."""
    pregnancy = complicating_code(code, 1)
    if pregnancy is None:
        return None
    siblings = (pregnancy[:-2] + "3", pregnancy[:-1] + "5")  # O99.01- -> O99.03, O99.34- -> O99.345
    return next((c for c in siblings if tabular.is_billable(c) and "puerperium" in tabular.description(c)), None)


def stated_trimester_code(code: str, trimester: int | None, tabular) -> str | None:
    """A chapter 15 code of unspecified trimester as the trimester (1-3) or the puerperium (None) the note states:
    its sibling whose title names it (O13.9 -> O13.3, O14.90 -> O14.95)."""
    if not code.startswith("O") or not tabular.description(code).endswith(_UNSPECIFIED_TRIMESTER):
        return None
    ending = "complicating the puerperium" if trimester is None else \
        {1: "first trimester", 2: "second trimester", 3: "third trimester"}[trimester]
    sibling = code[:-1] + ("5" if trimester is None else str(trimester))
    return sibling if tabular.is_billable(sibling) and tabular.description(sibling).endswith(ending) else None


def gestational_diabetes_control(text: str) -> str | None:
    """The sixth character of O24.41- the words give: insulin over an oral agent over diet (I.C.15.g)."""
    def stated(pattern: re.Pattern) -> bool:
        return any(not negated_before(text, m.start()) for m in pattern.finditer(text))
    if stated(INSULIN):
        return "4"
    if stated(ORAL_AGENT):
        return "5"
    return "0" if DIET.search(text) else None  # "no insulin needed, diet controlled": the denial is the insulin's


def pregnancy_chapter(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    lowered = lowered_note(note)
    if lowered is not None and not any(word in lowered for word in _GATE_WORDS) and not _GRAVIDA.search(lowered):
        return suggestions, []  # most notes never name a pregnancy
    out, reasons = _gestational_diabetes(suggestions, note, tabular)
    out = _without_included(out)
    visit = POSTPARTUM_VISIT.search(note)
    if visit is not None and not negated_before(note, visit.start()) and "Z39.2" not in {s.code for s in out}:
        made = from_rule("Z39.2", visit, tabular, NAME, f"{visit.group(0)}: Z39.2, routine postpartum follow-up")
        out, reasons = [*out, made], [*reasons, made.reason]
    lactation = LACTATION_VISIT.search(note)
    if lactation is not None and not negated_before(note, lactation.start()) and not NEWBORN_PATIENT.search(note) \
            and not {"Z39.1", "Z39.2"} & {s.code for s in out}:
        made = from_rule("Z39.1", lactation, tabular, NAME,
                         f"{lactation.group(0)}: Z39.1, care and examination of the lactating mother")
        out, reasons = [*out, made], [*reasons, made.reason]
    incidental = INCIDENTAL.search(note)
    if incidental is not None and NOT_PREGNANT.search(note) is None and not negated_before(note, incidental.start()):
        out = [s for s in out if s.code != "Z33.1"]
        made = from_rule("Z33.1", incidental, tabular, NAME,
                         f"{incidental.group(0)}: Z33.1, the provider states the pregnancy incidental")
        out, reasons = [*out, made], [*reasons, made.reason]
    pregnancy = current_pregnancy(note)
    if pregnancy is None:
        puerperium = current_puerperium(note) if incidental is None else None
        if puerperium is None:
            return out, reasons
        out, made = _complicating(out, None, note, tabular)
        made = [m for m in made if tabular.is_billable(m.code) and m.code not in {s.code for s in out}]
        return [*out, *made], [*reasons, *(m.reason for m in made)]
    made: list[Suggestion] = []
    if incidental is None:
        out, made = _complicating(out, pregnancy.trimester, note, tabular)
        made.extend(_early_bleeding(note, pregnancy, tabular))
        if any(m.code == "O20.0" for m in made):  # a miscarriage threatened, not one that happened
            out = [s for s in out if not s.code.startswith("O03")]
        made.extend(_high_risk(note, pregnancy, tabular))
        out, tied = _symptoms_of_pregnancy(out, note, pregnancy, tabular)
        made.extend(tied)
        if not any(s.code.startswith("O") for s in [*out, *made]):
            made.extend(_supervision(note, pregnancy, tabular))
    if pregnancy.weeks is not None and any(_beside_the_weeks(s) for s in [*out, *made]):
        made.append(from_rule(weeks_code(pregnancy.weeks), pregnancy.evidence, tabular, NAME,
                              f"{pregnancy.evidence.group(0)}: {weeks_code(pregnancy.weeks)}, weeks of gestation"))
    if any(s.code.startswith("O") for s in [*out, *made]):
        out = [s for s in out if s.code != "Z33.1"]  # the pregnancy is coded by its chapter
    made = [m for m in made if tabular.is_billable(m.code) and m.code not in {s.code for s in out}]
    return [*out, *made], [*reasons, *(m.reason for m in made)]


def _supervision(note: str, pregnancy: Pregnancy, tabular) -> list[Suggestion]:
    """A prenatal visit for a pregnancy with no complication coded: Z34.0- for a first pregnancy, Z34.8- for a later
    one, Z34.9- where the note does not say, the trimester the fifth character."""
    m = next((m for m in SUPERVISION.finditer(note) if not negated_before(note, m.start())), None)
    if m is None:
        return []
    kind = "0" if FIRST_PREGNANCY.search(note) else "8" if LATER_PREGNANCY.search(note) else "9"
    code = f"Z34.{kind}{pregnancy.trimester}"
    return [from_rule(code, m, tabular, NAME, f"{m.group(0)}: {code}, supervision of a normal pregnancy")]


def _high_risk(note: str, pregnancy: Pregnancy, tabular) -> list[Suggestion]:
    """At a prenatal visit, supervision of a high-risk pregnancy by its stated reason and trimester: advanced
    maternal age by first (O09.51-) or later pregnancy (O09.52-), a history of preterm labor (O09.21-) or of
    infertility (O09.0-). In place of the normal pregnancy's Z34."""
    visit = SUPERVISION.search(note) or HIGH_RISK_VISIT.search(note)
    if visit is None or negated_before(note, visit.start()):
        return []
    age = "O09.51" if FIRST_PREGNANCY.search(note) else "O09.52" if LATER_PREGNANCY.search(note) else None
    reasons = ((age, ADVANCED_AGE), ("O09.21", PRETERM_HISTORY), ("O09.0", INFERTILITY_HISTORY))
    made = []
    for base, pattern in reasons:
        m = next((m for m in pattern.finditer(note) if not negated_before(note, m.start())), None)
        if base is not None and m is not None:
            code = f"{base}{pregnancy.trimester}"
            made.append(from_rule(code, m, tabular, NAME, f"{m.group(0)} at a prenatal visit: {code}"))
    return made


def _symptoms_of_pregnancy(suggestions: list[Suggestion], note: str, pregnancy: Pregnancy,
                           tabular) -> tuple[list[Suggestion], list[Suggestion]]:
    """A symptom the provider ties to the pregnancy ("palpitations in pregnancy", "dyspnea of pregnancy"): O26.89-
    by trimester first, the symptom's own code kept beside it (named, so no later rule holds it as explained)."""
    for s in suggestions:
        if s.context != "affirmed" or not _SYMPTOM[0] <= s.code[:3] <= _SYMPTOM[1]:
            continue
        head = re.escape(s.evidence.split()[0])
        tied = re.search(rf"\b{head}\b(\W+\w+){{0,2}}?\W+(in|of|during) (the |her )?pregnancy\b", note, re.IGNORECASE)
        if tied is not None and not negated_before(note, tied.start()):
            code = f"O26.89{pregnancy.trimester}"
            kept = s.model_copy(update={"convention": NAME, "reason": f"{s.evidence}: {s.code} beside {code}"})
            return ([kept if other is s else other for other in suggestions],
                    [from_rule(code, tied, tabular, NAME, f"{tied.group(0)}: {code}, with {s.code}")])
    return suggestions, []


def _beside_the_weeks(s: Suggestion) -> bool:
    """Z3A goes only with a chapter 15 code, supervision of a pregnancy (Z34) or its incidental state as stated;
    the index's bare "pregnant" (Z33.1 by default) is no statement of either."""
    return s.code.startswith(("O", "Z34")) or (s.code == "Z33.1" and s.convention == NAME)


def _early_bleeding(note: str, pregnancy: Pregnancy, tabular) -> list[Suggestion]:
    """Bleeding before 20 weeks (the index's "Hemorrhage, antepartum, before 20 weeks"): O20.9, or O20.0 for a
    threatened abortion named."""
    if pregnancy.weeks is None or pregnancy.weeks >= 20:
        return []
    for code, pattern in (("O20.0", THREATENED_ABORTION), ("O20.9", EARLY_BLEEDING)):
        m = next((m for m in pattern.finditer(note) if not negated_before(note, m.start())), None)
        if m is not None:
            return [from_rule(code, m, tabular, NAME, f"{m.group(0)} at {pregnancy.weeks} weeks: {code}")]
    return []


def _complicating(suggestions: list[Suggestion], trimester: int | None, note: str,
                  tabular) -> tuple[list[Suggestion], list[Suggestion]]:
    """Each affirmed condition's chapter 15 code in the trimester given, or in the puerperium (None)."""
    when = "the puerperium" if trimester is None else "pregnancy"
    trimester_said = "" if trimester is None else f" (trimester {trimester})"
    out, made = [], []
    for s in suggestions:
        affirmed = s.context == "affirmed" and not _TESTED_FOR.match(note, s.end)  # "thrombophilia testing"
        stated = stated_trimester_code(s.code, trimester, tabular) if affirmed else None
        code = None if not affirmed else \
            puerperium_code(s.code, tabular) if trimester is None else complicating_code(s.code, trimester)
        if stated is not None:
            out.append(as_sibling(s, stated, tabular, NAME, f"{s.code} in {when}: {stated}"))
        elif code is None or not tabular.is_billable(code):
            out.append(s)
        elif s.code[:3] in _HYPERTENSION:
            out.append(as_sibling(s, code, tabular, NAME, f"{s.code} in {when}: {code}"
                                  + ("" if trimester is None else f", trimester {trimester}")))
        else:
            out.append(s)
            made.append(s.model_copy(update={
                "code": code, "description": tabular.description(code),
                "confidence": min(s.confidence, RULE_CONFIDENCE), "convention": NAME,
                "reason": f"{s.code} in {when}: {code} first{trimester_said}, with {s.code}"}))
    return out, made


_DIABETES_UNTYPED = _rx(r"diabetes( mellitus)?|DM")
_DIABETES = ("E08", "E09", "E10", "E11", "E13")
_DIABETES_DRUGS = ("Z79.4", "Z79.84")


def _without_included(suggestions: list[Suggestion]) -> list[Suggestion]:
    included = tuple(code for s in suggestions if s.context == "affirmed" for code in _INCLUDED_IN.get(s.code, ()))
    return [s for s in suggestions if not s.code.startswith(included)] if included else suggestions


def _beside_gestational_diabetes(s: Suggestion) -> bool:
    """Not coded beside gestational diabetes (I.C.15.g): the insulin or oral agent its control states, and a
    diabetes of no stated type, which is the same diabetes."""
    return s.code in _DIABETES_DRUGS or (s.code.startswith(_DIABETES) and _DIABETES_UNTYPED.fullmatch(s.evidence)
                                          is not None)


def _gestational_diabetes(suggestions: list[Suggestion], note: str,
                          tabular) -> tuple[list[Suggestion], list[str]]:
    if any(s.code.startswith(_GESTATIONAL_DIABETES) and s.context == "affirmed" for s in suggestions):
        suggestions = [s for s in suggestions if not _beside_gestational_diabetes(s)]
    out, reasons = [], []
    for s in suggestions:
        if s.code.startswith(_GESTATIONAL_DIABETES) and s.context == "affirmed":
            control = gestational_diabetes_control(note)
            code = f"{_GESTATIONAL_DIABETES}{control}" if control else None
            if code and tabular.is_billable(code):
                reason = f"{s.evidence}: {code}, gestational diabetes by its stated control"
                s = as_sibling(s, code, tabular, NAME, reason).model_copy(
                    update={"confidence": max(s.confidence, RULE_CONFIDENCE)})
                reasons.append(reason)
        out.append(s)
    return out, reasons
