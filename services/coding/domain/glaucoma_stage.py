"""Glaucoma by type, eye and stage, read from the tabular's H40 axes for `documented_findings`.

The tabular's titles put the eye and the stage after the type ("Primary open-angle glaucoma, bilateral, moderate
stage"), and clinics write the type's abbreviation and the eye's ("POAG OU, moderate stage", "NTG left eye, mild"),
so the words met the unspecified open-angle code or none. Each row names its entry:

- "Glaucoma, open angle, primary" H40.11-, "low tension" (normal tension) H40.12-, "pigmentary" H40.13-,
  "capsular with pseudoexfoliation of lens" H40.14-, "angle-closure, chronic" H40.22-: the sixth character is the
  eye (right 1, left 2, both 3) and the seventh the stage (unspecified 0, mild 1, moderate 2, severe 3,
  indeterminate 4); "Glaucoma, angle-closure, primary" unqualified H40.20X- has the stage only.
- "Suspect, glaucoma" (preglaucoma) H40.00-, "open angle with borderline findings" low risk H40.01- and high risk
  H40.02-: the eye only (a suspect whose sentence names its kind is that kind's code).

The eye and stage are read in the mention's own clause (its semicolon item): an eye the clause does not state, two
stages, or two eyes of different stages go to a coder, who codes each eye.
"""
import re

from services.coding.domain.chronic_conditions import list_item
from services.coding.domain.note_text import sentence, sentence_end, sentence_start
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.site_and_kind_entries import EYE_DIGITS, side_written

_STAGES = (("1", _rx(r"mild")), ("2", _rx(r"moderate")), ("3", _rx(r"severe")), ("4", _rx(r"indeterminate")))


def _clause(match: re.Match, note: str) -> str:
    first, last = sentence_start(note, match.start()), sentence_end(note, match.end())
    return list_item(note, first, last, match.start(), match.end())


def _eye(match: re.Match, clause: str) -> str | None:
    side = side_written(match.group(0), clause)
    return EYE_DIGITS[side] if side is not None else None


def _stage(clause: str) -> str | None:
    """The seventh character: the one stage the clause states, 0 for none; two are a coder's."""
    stated = {digit for digit, words in _STAGES if words.search(clause)}
    return stated.pop() if len(stated) == 1 else "0" if not stated else None


def _by_eye_and_stage(category: str, what: str):
    """H40.11- to H40.14-, H40.22-: the eye's sixth character and the stage's seventh."""
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        clause = _clause(match, note)
        eye, stage = _eye(match, clause), _stage(clause)
        if eye is None or stage is None:
            return None
        return f"{category}{eye}{stage}", f"{what}, by the eye and stage stated"
    return resolve


def _by_stage(category: str, what: str):
    """H40.20X-: the stage only."""
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        stage = _stage(_clause(match, note))
        return (f"{category}X{stage}", f"{what}, by the stage stated") if stage is not None else None
    return resolve


# a suspect its sentence names the kind of ("glaucoma suspect: open angle with borderline findings, low risk",
# "... due to ocular hypertension") is that kind's code, not the unspecified preglaucoma beside it
_KIND_OF_SUSPECT = _rx(r"borderline findings|ocular hypertension|narrow angles?|steroid responder")


def _by_eye(category: str, what: str):
    """H40.00-, H40.01-, H40.02-: the eye only."""
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        if category == "H40.00" and _KIND_OF_SUSPECT.search(sentence(note, match.start(), match.end())):
            return None
        eye = _eye(match, _clause(match, note))
        return (f"{category}{eye}", f"{what}, by the eye stated") if eye is not None else None
    return resolve


_GLAUCOMA = r"(glaucoma|gl)"
# every word the table's patterns need, searched once before them
GLAUCOMA_WORDS = re.compile(r"glaucoma|poag|ntg|ltg|pxg|pxf|cacg|pacg|borderline", re.IGNORECASE)
# (words, codes the index may have found on them, resolve)
GLAUCOMA_ENTRIES = (
    (_rx(rf"poag|primary open[- ]angle {_GLAUCOMA}"), ("H40",),
     _by_eye_and_stage("H40.11", "primary open-angle glaucoma")),
    (_rx(rf"ntg|ltg|(normal|low)[- ](tension|pressure) {_GLAUCOMA}"), ("H40",),
     _by_eye_and_stage("H40.12", "low-tension glaucoma")),
    (_rx(rf"pigmentary {_GLAUCOMA}"), ("H40", "H21"), _by_eye_and_stage("H40.13", "pigmentary glaucoma")),
    (_rx(rf"pxg|(pseudo-?exfoliati(on|ve)|pxf|exfoliati(on|ve)) {_GLAUCOMA}|capsular glaucoma"), ("H40", "H27"),
     _by_eye_and_stage("H40.14", "capsular glaucoma with pseudoexfoliation of lens")),
    (_rx(rf"cacg|chronic (primary )?angle[- ]closure {_GLAUCOMA}"), ("H40",),
     _by_eye_and_stage("H40.22", "chronic angle-closure glaucoma")),
    (_rx(rf"pacg|primary angle[- ]closure {_GLAUCOMA}"), ("H40",),
     _by_stage("H40.20", "unspecified primary angle-closure glaucoma")),
    (_rx(rf"{_GLAUCOMA} suspect|suspected glaucoma|preglaucoma"), ("H40",),
     _by_eye("H40.00", "preglaucoma (glaucoma suspect)")),
    (_rx(r"open angle with borderline findings,? low risk"), ("H40",),
     _by_eye("H40.01", "open angle with borderline findings, low risk")),
    (_rx(r"open angle with borderline findings,? high risk"), ("H40",),
     _by_eye("H40.02", "open angle with borderline findings, high risk")),
)
