"""A serum level the note reports, with its value, for a drug the patient is on whose dose that level guides
(lithium, digoxin, the older antiepileptics): the drug is kept at a steady dose for the long run, so its use is
long-term (current) drug therapy even where the note does not say "long-term" ("on lithium 900 mg daily. Lithium
level last week 0.8", "on lithium (level 0.7)"). A level drawn at this visit is `encounter_z_codes`' own cue, with its monitoring code; a level
named without a value ("valproate level ok") or a visit for the drug's toxicity (the adverse effect's code) is not
read here."""
import re

from services.coding.domain.note_text import word_pattern as _rx

# the drugs dosed by their serum level; "Li" and "dig" only where "level" follows them
_LEVEL_GUIDED = (r"lithium|digoxin|lanoxin|phenytoin|dilantin|valproate|valproic acid|divalproex|depakote|"
                 r"carbamazepine|tegretol")
# a level's value: a concentration ("0.8", "14"), not a time to the next draw ("in 5d", "every 3 months")
_VALUE = (r"(?=[^.;\n\d]{0,25}(?<!\bin )(?<!\bevery )(?<!\bq)(\d*\.\d+|\d+)\b"
          r"(?!\s*(d|days?|wks?|weeks?|mos?|months?|h|hrs?|hours?|yrs?|years?)\b))")
# "lithium level 0.8", "Li level last week 0.7", "digoxin (12-h trough) level today 0.9": the drug, its level, a value
_NAMED_LEVEL = _rx(rf"(?P<drug>{_LEVEL_GUIDED}|li|dig|vpa)( \(?\d+[- ]?h(ou)?r?s? trough\)?)? levels?{_VALUE}")
# "on lithium (level 0.7)": the level in a parenthesis right after the drug
_LEVEL_IN_PARENTHESIS = re.compile(r"\s*\(levels?\b" + _VALUE, re.IGNORECASE)
_LEVEL_GUIDED_DRUG = _rx(_LEVEL_GUIDED)
_ABBREVIATED = {"li": "lithium", "dig": "digoxin", "vpa": "valproate"}
_SAME_DRUG = {"lanoxin": "digoxin", "dilantin": "phenytoin", "valproic acid": "valproate", "divalproex": "valproate",
              "depakote": "valproate", "tegretol": "carbamazepine"}
_TOXICITY = _rx(r"toxicity|toxic|overdose|supratherapeutic")


def _drug(name: str) -> str:
    name = name.lower()
    return _SAME_DRUG.get(name, _ABBREVIATED.get(name, name))


_DRUGS = frozenset(_drug(name) for name in _LEVEL_GUIDED.split("|"))


def may_report_a_level(note: str) -> bool:
    """Cheap first look: the note names a level and a drug dosed by it."""
    return "level" in note.lower() and bool(_LEVEL_GUIDED_DRUG.search(note))


def level_reported(note: str, match: re.Match) -> re.Match | None:
    """The level with a value the note reports for the drug named at `match`, or None."""
    drug = _drug(match.group(0))
    if drug not in _DRUGS or _TOXICITY.search(note):
        return None
    named = next((level for level in _NAMED_LEVEL.finditer(note) if _drug(level.group("drug")) == drug), None)
    return named or _LEVEL_IN_PARENTHESIS.match(note, match.end())
