"""Contraception by its method, as the tabular's Z30 axes divide it: a method started at the visit is its initial
prescription (Z30.01-: pills, emergency, injectable, intrauterine (prescribed for a later insertion), ring,
patch, implant, the implant's insertion included); the intrauterine device inserted, checked, removed, or removed
and replaced is Z30.43-; the injection repeated is its surveillance (Z30.42). A device in place at a visit for
something else is a status (Z97.5), and a hormonal method taken at such a visit is long-term use (Z79.3).

A pill may be given for acne or a polycystic ovary, so a pill counts only where the note says it prevents
pregnancy; a method discussed, declined or put off is not prescribed.
"""
import re

from services.coding.domain.convention_gates import any_word, needs
from services.coding.domain.note_text import negated_before, sentence
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.pattern_literals import lowered_note
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "contraceptive-method"
GENERAL_COUNSELLING = "Z30.09"
_GATE_WORDS = ("contracep", "birth control", "iud", "iucd", "intrauterine", "depo", "dmpa", "nexplanon", "implanon",
               "mirena", "kyleena", "liletta", "skyla", "paragard", "nuvaring", "annovera", "xulane", "twirla",
               "plan b", "ulipristal")

# the contraceptive pill's names, the one vocabulary of both contraception readings
PILL_NAMES = (r"(combined |progestin-only )?(oral contraceptive( pill)?s?|contraceptive pills?|OCPs?|birth control "
              r"pills?|mini-?pill|COCs?|POPs?)|(drospirenone|levonorgestrel|norgestimate|norethindrone( acetate)?|"
              r"desogestrel|norgestrel)[ /-]+(and )?(ethinyl estradiol|EE)|Yaz|Yasmin|Loestrin|Sprintec|Seasonique|"
              r"Slynd|Camila|Micronor")
PILL = _rx(PILL_NAMES)
EMERGENCY = _rx(r"emergency contracepti(on|ve)|Plan B|levonorgestrel 1\.5 ?mg|ulipristal")
INJECTABLE = _rx(r"Depo-?Provera|Depo-SubQ|DMPA|depot medroxyprogesterone|medroxyprogesterone (acetate )?"
                 r"(injection|150)|contraceptive (injection|shot)")
RING = _rx(r"NuvaRing|Annovera|(contraceptive |vaginal |hormonal )ring")
PATCH = _rx(r"Xulane|Twirla|(contraceptive|birth control|hormonal) patch")
IMPLANT = _rx(r"Nexplanon|Implanon|etonogestrel implant|(contraceptive|subdermal) implant")
IUD = _rx(r"(LNG-|levonorgestrel |copper |hormonal )?(IUD|IUCD|intrauterine (contraceptive )?device|"
          r"intrauterine system)|Mirena|Kyleena|Liletta|Skyla|Paragard")
PREVENTS_PREGNANCY = _rx(r"contracepti(on|ves?)|birth control|prevent(ing)? pregnancy")

STARTED = _rx(r"start(ed|ing|s)?|initiat(e|ed|ing)|new start|first( (pack|injection|dose|shot))?|prescribed|"
              r"chooses|chose|inserted|placed")
INSERTED = _rx(r"insert(ed|ion)|placed|placement")
REMOVED = _rx(r"remov(ed|al|e)|taken out|pulled")
REPLACED = _rx(r"reinsert(ed|ion)|replac(ed|ement)|new (one|device)|exchange[d]?")
CHECKED = _rx(r"string(s)? check|check(ed)? (the )?strings?|IUD check|routine check(ing)?")
IN_PLACE = _rx(r"in place|in situ|has an?|with an?|present")
REPEATED = _rx(r"repeat|due|next (injection|shot|dose)|every (12|13) weeks|q ?(12|13) ?w(ee)?ks?|given today|"
               r"administered")
CURRENT_USE = _rx(r"takes|taking|on|current(ly)?|continuous(ly)?|daily|uses|using")
_UNDECIDED = r"declined|refused|deferred|consider(ing)?|discuss(ed|ing)?|options?|vs\.?|or|if|wants to|would like|" \
             r"previously|history of|stopped|discontinued|used to|in the past"
NOT_GIVEN = _rx(_UNDECIDED + r"|next visit|scheduled|planned|to be (inserted|placed)")  # or done at a later visit
UNDECIDED = _rx(_UNDECIDED)
PRESCRIBED = _rx(r"prescribed|ordered|rx'?d|sent to (the )?pharmacy")

_INITIAL = (("Z30.012", EMERGENCY), ("Z30.013", INJECTABLE), ("Z30.015", RING), ("Z30.016", PATCH),
            ("Z30.017", IMPLANT), ("Z30.011", PILL))
_HORMONAL_IN_USE = (PILL, RING, PATCH, INJECTABLE)


@needs(patterns=(any_word(_GATE_WORDS),))
def contraceptive_methods(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    lowered = lowered_note(note)
    if lowered is not None and not any(word in lowered for word in _GATE_WORDS):
        return suggestions, []  # most notes name no contraceptive method
    made = (_device_procedure(note, tabular) or _device_prescribed(note, tabular) or _initial(note, tabular)
            or _injection_repeated(note, tabular))
    if made:  # the method prescribed or managed: its own code, not the general counselling
        suggestions = [s for s in suggestions if s.code != GENERAL_COUNSELLING]
    elif not any(s.code.startswith("Z30") for s in suggestions):
        made = _status(note, tabular)
    made = [m for m in made if tabular.is_billable(m.code) and m.code not in {s.code for s in suggestions}]
    return [*suggestions, *made], [m.reason for m in made]


def _mentions(pattern: re.Pattern, note: str):
    """The method's mentions not denied, each with its sentence."""
    for m in pattern.finditer(note):
        if not negated_before(note, m.start()):
            yield m, sentence(note, m.start(), m.end())


def _device_procedure(note: str, tabular) -> list[Suggestion]:
    for m, around in _mentions(IUD, note):
        if NOT_GIVEN.search(around):
            continue
        removed, inserted = REMOVED.search(around), INSERTED.search(around) or REPLACED.search(around)
        code = ("Z30.433" if removed and inserted else "Z30.432" if removed else "Z30.430" if inserted
                else "Z30.431" if CHECKED.search(around) else None)
        if code:
            return [from_rule(code, m, tabular, NAME, f"{m.group(0)}: {code}, the device's procedure at the visit")]
    return []


def _device_prescribed(note: str, tabular) -> list[Suggestion]:
    """The device prescribed for an insertion at a later visit: Z30.014, its initial prescription."""
    for m, around in _mentions(IUD, note):
        if PRESCRIBED.search(around) and not UNDECIDED.search(around) and not REMOVED.search(around):
            return [from_rule("Z30.014", m, tabular, NAME,
                              f"{m.group(0)} prescribed: Z30.014, its initial prescription")]
    return []


def _initial(note: str, tabular) -> list[Suggestion]:
    for code, pattern in _INITIAL:
        for m, around in _mentions(pattern, note):
            if code == "Z30.011" and not PREVENTS_PREGNANCY.search(note):
                continue
            if STARTED.search(around) and not NOT_GIVEN.search(around) and not REMOVED.search(around):
                return [from_rule(code, m, tabular, NAME, f"{m.group(0)} started: {code}, its initial prescription")]
    return []


def _injection_repeated(note: str, tabular) -> list[Suggestion]:
    for m, around in _mentions(INJECTABLE, note):
        if REPEATED.search(around) and not NOT_GIVEN.search(around):
            return [from_rule("Z30.42", m, tabular, NAME, f"{m.group(0)} repeated: Z30.42, its surveillance")]
    return []


def _status(note: str, tabular) -> list[Suggestion]:
    """At a visit for something else: the device in place, the hormonal method in use."""
    made = []
    device = next((m for m, around in _mentions(IUD, note) if IN_PLACE.search(around)
                   and not NOT_GIVEN.search(around) and not REMOVED.search(around)), None)
    if device is not None:
        made.append(from_rule("Z97.5", device, tabular, NAME, f"{device.group(0)} in place: Z97.5"))
    for pattern in _HORMONAL_IN_USE:
        used = next((m for m, around in _mentions(pattern, note) if CURRENT_USE.search(around)
                     and not NOT_GIVEN.search(around) and not STARTED.search(around)
                     and (pattern is not PILL or PREVENTS_PREGNANCY.search(around))), None)
        if used is not None:
            made.append(long_term_use(used, tabular))
            break
    return made


def long_term_use(method: re.Match, tabular) -> Suggestion:
    """A hormonal method the patient takes, which the visit does not prescribe or manage: Z79.3."""
    return from_rule("Z79.3", method, tabular, NAME,
                     f"{method.group(0)} in use: Z79.3, long-term hormonal contraceptive")
