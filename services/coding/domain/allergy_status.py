"""Allergy status: a drug or substance the note lists the patient as allergic to is a status Z code, and the
reaction written beside it is that allergy's history, not a condition of this visit.

An allergy list ("Allergies: PCN (hives); sulfa"), "allergic to codeine" or "latex allergy" tells the payer what
the care must avoid (guideline I.C.21.c.3, status; index "Allergy, status, drug, ..."): the class of the drug is
the code, penicillins Z88.0, other antibiotics Z88.1, sulfonamides Z88.2, opioids Z88.5, analgesics and NSAIDs
Z88.6, vaccines Z88.7, other drugs Z88.8; foods, insects, latex and contrast dye have Z91.0- codes. "(hives)",
"- rash", "(anaphylaxis as a child)" in the entry say what happened when the drug was given: not urticaria or a
rash now. No known allergies, an allergy disproved ("de-labeled", "tolerated amoxicillin since") or a relative's
are nothing.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import FAMILY, negated_before, sentence_end, sentence_start
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "allergy-status"

ALLERGENS = (
    (_rx(r"penicillins?|pcn|amoxicillin|amoxil|ampicillin|augmentin|amoxicillin-clavulanate|dicloxacillin|"
         r"nafcillin|piperacillin"), "Z88.0", "penicillin"),
    (_rx(r"sulfa( drugs?)?|sulfonamides?|sulfamethoxazole|bactrim|tmp-smx|septra"), "Z88.2", "sulfonamides"),
    (_rx(r"cephalosporins?|cephalexin|keflex|cefazolin|ceftriaxone|cefdinir|cefuroxime|macrolides?|erythromycin|"
         r"azithromycin|z-?pak|clarithromycin|fluoroquinolones?|quinolones?|ciprofloxacin|cipro|levofloxacin|"
         r"moxifloxacin|tetracyclines?|doxycycline|minocycline|clindamycin|vancomycin|nitrofurantoin|macrobid|"
         r"metronidazole|antibiotics?"), "Z88.1", "other antibiotic agents"),
    (_rx(r"codeine|morphine|opioids?|opiates?|narcotics?|hydrocodone|oxycodone|tramadol|hydromorphone|dilaudid|"
         r"meperidine|fentanyl"), "Z88.5", "narcotic agent"),
    (_rx(r"aspirin|asa|nsaids?|ibuprofen|motrin|advil|naproxen|aleve|ketorolac|celecoxib"), "Z88.6",
     "analgesic agent"),
    (_rx(r"vaccines?|tetanus toxoid"), "Z88.7", "serum and vaccine"),
    (_rx(r"ace inhibitors?|ace-?i|lisinopril|enalapril|ramipril|statins?|atorvastatin|simvastatin|"
         r"allopurinol|carbamazepine|lamotrigine|phenytoin|heparin|metformin|gabapentin|iodinated contrast|"
         r"contrast dye|iv contrast|contrast media|contrast"), "Z88.8",
     "other drugs, medicaments and biological substances"),
    (_rx(r"peanuts?|tree nuts?"), "Z91.010", "peanuts"),
    (_rx(r"shellfish|seafood|shrimp|crab|lobster"), "Z91.013", "seafood"),
    (_rx(r"bee stings?|bees?|honeybees?|wasps?|hornets?|yellow jackets?"), "Z91.030", "bee"),
    (_rx(r"latex"), "Z91.040", "latex"),
)
# contrast for imaging is "Radiographic dye allergy status", not a drug's
_CONTRAST = _rx(r"iodinated contrast|contrast dye|iv contrast|contrast media|contrast")
_CONTRAST_CODE = "Z91.041"

# the places a note lists allergies: a heading ("Allergies:", "ALLERGY -", "Allergies/intolerances:"), "allergic
# to", "allergy to", or the substance's own "allergy" after it ("PCN allergy")
_HEADING = re.compile(r"\b(drug )?allerg(y|ies)(/intolerances?)?\s*[:\-\u2013]", re.IGNORECASE)
_ALLERGIC_TO = _rx(r"(allergic|allergy|allergies|anaphylaxis) to")
_SUBSTANCE_ALLERGY = re.compile(r"\b([\w-]+(?: [\w-]+)?)[ -]allergy\b", re.IGNORECASE)
# the entry of a heading runs over its list ("PCN (rash); sulfa, codeine") to the line's or sentence's end, or to
# the next heading ("; Rx: ...", "; Meds: ...")
_NEXT_HEADING = re.compile(r"[;,]\s*[A-Za-z][\w /&-]{0,24}:")
_LINE_HEADING = re.compile(r"\s*[A-Za-z][\w /&-]{0,24}:")
_DISPROVED = _rx(r"de-?label+ed|removed from (the )?(chart|list)|tolerated|tolerates|ruled out|not a true allergy|"
                 r"not truly allergic|intoleran\w*|side effects?")
# what joins an allergen to the reaction it caused, within its item
_REACTION_LINK = re.compile(r"[^.;\n]{0,3}?(\(|[-\u2013:]|,? ?(which |that )?(gave|gives|caused|causes|causing|"
                            r"with|leading to|led to|reaction)\b)[^.;\n]{0,40}$", re.IGNORECASE)
_NONE_KNOWN = _rx(r"nkda|nka|none known|no known|none")


@needs(patterns=(_HEADING, _ALLERGIC_TO, _SUBSTANCE_ALLERGY))
def allergy_status(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    entries = list(_entries(note))
    if not entries:
        return suggestions, []
    made: dict[str, Suggestion] = {}
    for start, end in entries:
        said = note[sentence_start(note, start):max(end, sentence_end(note, end))]
        if FAMILY.search(said) or _DISPROVED.search(said) or negated_before(note, start):
            continue
        for pattern, code, why in ALLERGENS:
            for match in pattern.finditer(note, start, end):
                if _CONTRAST.fullmatch(match.group(0)):
                    code, why = _CONTRAST_CODE, "radiographic dye"
                if code not in made and tabular.is_billable(code):
                    made[code] = from_rule(code, match, tabular, NAME,
                                           f"{match.group(0)} listed as an allergy: {code}, allergy status to {why}")
                break
    if not made:
        return suggestions, []
    reactions = [s for s in suggestions if s.code[:3] not in ("Z88", "Z91") and _reaction(note, s, entries)
                 or _the_entrys_own_word(s, entries)]
    kept = [s for s in suggestions if s not in reactions and s.code not in made]
    reasons = [m.reason for m in made.values()]
    reasons += [f"{s.evidence!r} is the reaction an allergy entry records, not a condition now" for s in reactions]
    return [*kept, *made.values()], reasons


def _the_entrys_own_word(found: Suggestion, entries: list[tuple[int, int]]) -> bool:
    """"Allergy" itself in "penicillin allergy" (index "Allergy, allergic (reaction)" T78.40): the status the entry
    gave, not an allergic reaction today."""
    return found.code.startswith("T78.4") and any(start <= found.start and found.end <= end for start, end in entries)


def _reaction(note: str, found: Suggestion, entries: list[tuple[int, int]]) -> bool:
    """Written after an allergen of its entry as what it did: "(hives)", "- rash", ", which gave her a rash"; not
    a condition the sentence goes on to name ("allergic to PCN, presents with sinusitis")."""
    for start, end in entries:
        if start <= found.start and found.end <= end:
            allergens = [m for pattern, _, _ in ALLERGENS for m in pattern.finditer(note, start, found.start)]
            if any(_REACTION_LINK.match(note[m.end():found.start]) for m in allergens):
                return True
    return False


def _entries(note: str):
    """(start, end) of each allergy entry: after a heading or "allergic to", or the words a substance's
    "allergy" follows."""
    for heading in (*_HEADING.finditer(note), *_ALLERGIC_TO.finditer(note)):
        begin = heading.end()
        if not note[begin:_line_end(note, begin)].strip():
            begin = _line_end(note, begin) + 1
            end = _list_end(note, begin)
        else:  # a heading's list runs over semicolons, "allergic to" names one
            listed = heading.re is _HEADING
            end = min(sentence_end(note, begin, across_semicolons=listed), _line_end(note, begin))
        nxt = _NEXT_HEADING.search(note, begin, end)
        end = nxt.start() if nxt else end
        if not _NONE_KNOWN.match(note[begin:end].strip()):
            yield begin, end
    for named in _SUBSTANCE_ALLERGY.finditer(note):
        start = max(named.start(), sentence_start(note, named.start()))
        yield start, named.end()


def _list_end(note: str, position: int) -> int:
    """A heading on a line of its own lists one allergy a line, to a blank line or the next heading."""
    end = position
    for line in note[position:].split("\n"):
        if not line.strip() or _LINE_HEADING.match(line):
            break
        end += len(line) + 1
    return min(end, len(note))


def _line_end(note: str, position: int) -> int:
    end = note.find("\n", position)
    return len(note) if end < 0 else end
