"""An abnormal cervical smear is coded as its cytologic finding (R87.61-) and a positive high-risk HPV test as
R87.810, by the Bethesda names clinics write (ASC-US, ASC-H, LSIL, HSIL): a dysplasia code (N87.-) needs the
histology, which a smear does not give. A vaginal or anal smear has findings of its own (R87.62-, R85.61-), and a
result named only in the past or denied is not the visit's finding; a smear's result followed up is not a
screening (Z12.4).
"""
import re

from services.coding.domain.note_text import negated_before, sentence
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.pattern_literals import lowered_note
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "cervical-cytology"
CERVICAL_SCREENING = "Z12.4"
_GATE_WORDS = ("asc", "sil", "hpv", "squamous", "papilloma")

FINDINGS: tuple[tuple[str, re.Pattern], ...] = (
    ("R87.610", _rx(r"ASC-?US|atypical squamous cells of undetermined significance")),
    ("R87.611", _rx(r"ASC-?H|atypical squamous cells,? cannot exclude (a )?high[- ]grade( squamous intraepithelial "
                    r"lesion| lesion|)")),
    ("R87.612", _rx(r"LSIL|LGSIL|low[- ]grade squamous intraepithelial lesion|low[- ]grade SIL")),
    ("R87.613", _rx(r"HSIL|HGSIL|high[- ]grade squamous intraepithelial lesion|high[- ]grade SIL")),
    ("R87.810", _rx(r"(high[- ]risk |hr-?)?HPV( DNA)?( test(ing)?)?( \(?high[- ]risk\)?)?( (was|is))? "
                    r"(positive|detected)|(high[- ]risk |hr-?)?HPV\+|(HPV )?(16|18)( and 18)? positive|"
                    r"positive (for )?(high[- ]risk )?(HPV|human papillomavirus)|high[- ]risk HPV( DNA)?( test)? "
                    r"positive")),
)
CERVICAL = _rx(r"pap( smear| test)?|cervical (cytology|smear|screening)|cytology|cervix|colposcopy|co-?test(ing)?")
_OTHER_SITE = _rx(r"anal|anus|vaginal (cytology|smear|pap)|vault")
_PAST = _rx(r"history of|hx of|h/o|previous(ly)?|prior|in (19|20)\d\d|resolved|normal since|low[- ]risk HPV")
# a dysplasia the histology gave is the diagnosis itself: the smear's finding is no longer coded
HISTOLOGY = _rx(r"CIN ?(1|2|3|I{1,3})|cervical (intraepithelial neoplasia|dysplasia)|biopsy (showed|confirmed)")


def cervical_cytology(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    lowered = lowered_note(note)
    if lowered is not None and not any(word in lowered for word in _GATE_WORDS):
        return suggestions, []  # most notes hold no smear result
    if not CERVICAL.search(note) or HISTOLOGY.search(note):
        return suggestions, []
    have, made = {s.code for s in suggestions}, []
    for code, pattern in FINDINGS:
        m = next((m for m in pattern.finditer(note) if _the_visits_finding(note, m)), None)
        if m is not None and code not in have and tabular.is_billable(code):
            made.append(from_rule(code, m, tabular, NAME, f"{m.group(0)}: {code}, the cervical smear's finding"))
    if made:  # a result followed up is no screening visit
        suggestions = [s for s in suggestions if s.code != CERVICAL_SCREENING]
    return [*suggestions, *made], [m.reason for m in made]


def _the_visits_finding(note: str, m: re.Match) -> bool:
    around = sentence(note, m.start(), m.end())
    return not (negated_before(note, m.start()) or _OTHER_SITE.search(around) or _PAST.search(around))
