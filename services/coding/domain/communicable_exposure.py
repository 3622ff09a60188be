"""Contact with or exposure to a communicable disease: the contact is coded, the disease is not.

The index reads "Exposure (to)" and "Contact (with)" to Z20.-, by the disease caught or feared (COVID-19 Z20.822,
other viral Z20.828, other bacterial Z20.818, tuberculosis Z20.1, viral hepatitis Z20.5, HIV Z20.6, sexually
transmitted Z20.2, rabies Z20.3, infestations Z20.7). A note says it as "exposure to strep at daycare", "COVID
exposure at work", "sick contact with influenza", "household contact with hepatitis A" or by naming who has it
("roommate diagnosed with active TB", "husband has influenza this week"). The category excludes a diagnosed current
infection (Excludes1, guideline I.C.21.c.1): where the note affirms the disease itself, that is coded and no Z20.
A denied exposure ("no known exposure to TB", "denies sick contacts") gets none.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import negated_before
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "communicable-exposure"

# (Z20 code, the diseases the index sends there, the codes of that disease diagnosed, which the Z20 code excludes)
_DISEASES = (
    ("Z20.822", r"covid(-?19)?|sars-?cov-?2|coronavirus", ("U07.1", "J12.82")),
    ("Z20.1", r"(active |pulmonary )?(tb|tuberculosis)", ("A15", "A17", "A18", "A19")),
    ("Z20.5", r"hep(atitis)? ?[abce]|hav|hbv|hcv|viral hepatitis", ("B15", "B16", "B17", "B18", "B19")),
    ("Z20.6", r"hiv", ("B20", "Z21")),
    ("Z20.2", r"gonorrh(o)?ea|chlamydia|syphilis|stis?|stds?|trichomon\w+", ("A5", "A60", "A63", "A64")),
    ("Z20.3", r"rabies|a rabid \w+", ("A82",)),
    ("Z20.7", r"(head )?lice|scabies|pediculosis", ("B85", "B86", "B87", "B88")),
    ("Z20.818", r"strep( throat)?|streptococc\w+|group a strep|mrsa|staph(ylococc\w+)?|pertussis|whooping cough|"
                r"meningococc\w+|bacterial meningitis", ("A3", "A40", "A41", "A49", "B95", "J02.0", "J03.0", "L0")),
    ("Z20.828", r"influenza|the flu|flu|rsv|respiratory syncytial virus|measles|mumps|chicken ?pox|varicella|hand,? foot,? (and|&) mouth( disease)?|"
                r"norovirus|viral (illness|infection)", ("J09", "J10", "J11", "B01", "B05", "B26", "B08.4", "J21.0",
                                                         "J12.1", "A08.1")),
)


def _disease(frame: str) -> str:
    """The diseases as one alternation, each a group named by its frame and its row, so a match tells its code."""
    return "|".join(f"(?P<{frame}{i}>{words})" for i, (_, words, _) in enumerate(_DISEASES))


_CONTACTS = (r"roommates?|teammates?|classmates?|co-?workers?|husband|wife|spouse|partner|boyfriend|girlfriend|"
             r"son|daughter|child|children|kids?|sibling|brother|sister|mother|father|mom|dad|grand(son|daughter|child)|"
             r"household members?|family members?|someone at (home|work|school|daycare)")
_EXPOSURE = re.compile(
    rf"\b((known |possible |suspected |recent |close )?(exposures? to|exposed to|(sick |household |close )contacts? "
    rf"with)( (a|an) \w+ with)? ({_disease('before')})\b"
    rf"|({_disease('named')}) (exposure|contact)\b"
    rf"|({_CONTACTS})\b[^.;\n]{{0,20}}?\b(diagnosed with|tested positive for|positive for|has|with|sick with) "
    rf"({_disease('who')})\b)", re.IGNORECASE)


@needs(patterns=(_EXPOSURE,))
def communicable_exposure(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    made, reasons = [], []
    for match in _EXPOSURE.finditer(note):
        code, diagnosed = _named(match)
        if negated_before(note, match.start()) or not tabular.is_billable(code):
            continue
        suggestions = [s for s in suggestions if not _caught_from(s, match, diagnosed)]
        if any(s.code == code for s in [*suggestions, *made]):
            continue
        if any(s.code.startswith(diagnosed) and s.context == "affirmed" for s in suggestions):
            continue
        made.append(from_rule(code, match, tabular, NAME, f"{match.group(0)}: {code}, contact with or exposure to "
                                                          f"a communicable disease"))
        reasons.append(made[-1].reason)
    return [*suggestions, *made], reasons


def _caught_from(found: Suggestion, match: re.Match, diagnosed: tuple[str, ...]) -> bool:
    """The disease read from the exposure's own words (its name may run on: "meningococcal disease") is the
    contact's, not the patient's."""
    return found.code.startswith(diagnosed) and match.start() <= found.start < match.end()


def _named(match: re.Match) -> tuple[str, tuple[str, ...]]:
    """The Z20 code of the disease the match names, and the codes of that disease diagnosed."""
    index = next(int(name.lstrip("abcdefghijklmnopqrstuvwxyz")) for name, value in match.groupdict().items() if value)
    code, _, diagnosed = _DISEASES[index]
    return code, diagnosed
