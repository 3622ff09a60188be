"""A patient's noncompliance with a regimen the note documents (Z91.1-: ICD-10-CM guidelines I.C.21.c.3 and
I.C.19.e.5.c; index: Noncompliance, with, ...), by what is not followed and why.

Diet Z91.11-, dialysis Z91.15-, other medical treatment (CPAP, oxygen, therapy, rehab) Z91.19-: 0 or 1 for
financial hardship, 8 for another reason the note gives, 9 (where the tabular has it) for none given. A drug is
read by `underdosing` when taken below its prescription (Z91.12-/Z91.13- with the drug's T code); other
noncompliance with a drug (Z91.14-), which the words rarely tell apart from it, is read here only in the tabular's
words ("noncompliance with medication regimen"). Not for good adherence, a relative's, a denial, or one supposed.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import FAMILY, before, sentence, word_pattern
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "noncompliance"
_NONCOMPLIANT = word_pattern(r"non-?complian(t|ce)|non-?adheren(t|ce)|not (compliant|adherent|using|wearing)|"
                             r"poor(ly)? (compliance|adherence|adherent|compliant)|refuses to (use|wear)|"
                             # the patient's own refusal of a device in use: "says he does not want to wear it"
                             r"(does not|doesn't|will not|won't) want to (use|wear)|"
                             r"missed (\d+|two|three|several|multiple) (pt|physical therapy) (sessions|visits)")
# (what is not followed, subcategory, financial hardship digit, unspecified reason digit or None)
REGIMENS = ((word_pattern(r"diet\w*"), "Z91.11", "0", "9"), (word_pattern(r"dialysis"), "Z91.15", "1", None),
            (word_pattern(r"cpap|bipap|oxygen|o2|home exercise( program)?|physical therapy|pt sessions|treatment plan|"
                          r"compression stockings|brace|splint|sling|(cpap |bipap )?mask|(cardiac|pulmonary) rehab\w*|"
                          r"glucose monitoring|eeg"),
             "Z91.19", "0", "9"),
            # a drug regimen only in the tabular's own words: other wording is read by `underdosing`
            (word_pattern(r"medication regimen"), "Z91.14", "1", None))
_FINANCIAL = word_pattern(r"cost|afford\w*|financial\w*|insurance|expensive")
_REASON = word_pattern(r"due to|because|d/t|secondary to|2/2|citing|discomfort|intoleran\w*|side effects?|"
                       r"claustrophob\w*|forg[eo]t\w*|dislikes?|leak\w*|dry mouth|transportation|work schedule|"
                       # the patient's own account of why: "CPAP nonadherent - says mask uncomfortable"
                       r"says|states|reports|complains|uncomfortable|unable to tolerate|"
                       # a reason the note gives without naming it: "for other reason", "too busy", "lack of"
                       r"for (an)?other reason|too busy|lack of")


# a refusal the note supposes ("if he does not want to use CPAP, an oral appliance") is no noncompliance yet
_SUPPOSED = word_pattern(r"if|unless|in case")


@needs(patterns=(_NONCOMPLIANT,))
def noncompliance(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    match = _NONCOMPLIANT.search(note)
    if match is None or FAMILY.search(sentence(note, match.start(), match.end())) or \
            re.search(r"\b(no|denies|not)\W*$", before(note, match.start()), re.IGNORECASE) or \
            _SUPPOSED.search(before(note, match.start())):
        return suggestions, []
    text = sentence(note, match.start(), match.end())
    regimen = next(((code, financial, unspecified) for words, code, financial, unspecified in REGIMENS
                    if words.search(text)), None)
    if regimen is None:
        return suggestions, []
    category, financial, unspecified = regimen
    digit = financial if _FINANCIAL.search(text) else "8" if _REASON.search(text) else unspecified
    code = f"{category}{digit}" if digit else None
    if code is None or not tabular.is_billable(code) or any(s.code == code for s in suggestions):
        return suggestions, []
    reason = f"{match.group(0)}: {code}, {tabular.description(code)}"
    return [*suggestions, from_rule(code, match, tabular, NAME, reason)], [reason]
