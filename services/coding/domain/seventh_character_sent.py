"""The 7th character of an injury code the provider sent (chapters S and T): a code sent without it is not
billable, and one whose character says another encounter than the note states (initial, subsequent, sequela)
bills the wrong episode of care. Both hold the encounter with `ICD-7TH-CHARACTER`, naming the code and the
character, so the coder queries the provider rather than guessing.

The characters an S/T code allows are read from the code set (the billable codes that extend it); which
encounter each means follows the chapter's convention: A-C initial, D-R subsequent, S sequela.
"""
import re

from shared.contracts.common import EditResult
from services.coding.domain.codes import icd_compact
from services.coding.domain.icd10 import Icd10CodeSet
from services.coding.domain.results import error

EDIT = "ICD-7TH-CHARACTER"
_CHARACTERS = "ABCDEFGHJKMNPQRS"
ENCOUNTERS = {"initial": re.compile(r"\binitial (encounter|visit|evaluation)\b|\bfirst visit\b", re.IGNORECASE),
              "subsequent": re.compile(r"\bsubsequent (encounter|visit)\b|\b(routine|delayed) healing\b|"
                                       r"\bnonunion\b|\bmalunion\b|\bfollow[- ]up (visit )?for (the )?(healing|"
                                       r"fracture)\b", re.IGNORECASE),
              "sequela": re.compile(r"\bsequelae?\b|\blate effect\b", re.IGNORECASE)}
# a sequela denied ("born early, no sequelae") states no encounter
NO_SEQUELA = re.compile(r"\b(no|without|free of)( \w+)? (sequelae?|late effects?)\b", re.IGNORECASE)


def encounter_of(character: str) -> str:
    return "initial" if character in "ABC" else "sequela" if character == "S" else "subsequent"


def allowed_characters(compact: str, code_set: Icd10CodeSet) -> str:
    """The 7th characters the code set allows after `compact` (placeholder X filled to six characters)."""
    stem = compact.ljust(6, "X")
    return "".join(c for c in _CHARACTERS if stem + c in code_set.billable)


def stated_encounter(note: str) -> str | None:
    """The one encounter the note states; None when it states none or more than one."""
    note = NO_SEQUELA.sub("", note)
    stated = [kind for kind, words in ENCOUNTERS.items() if words.search(note)]
    return stated[0] if len(stated) == 1 else None


def seventh_character_edits(codes: list[str], code_set: Icd10CodeSet, note: str | None) -> list[EditResult]:
    """One edit per S/T code sent without its 7th character or with one the note contradicts. The note is read
    for its encounter only when such a code is sent."""
    injuries = [(code, compact) for code in codes if (compact := icd_compact(code))[:1] in ("S", "T")]
    if not injuries:
        return []
    edits, stated = [], stated_encounter(note or "")
    for code, compact in injuries:
        if compact not in code_set.billable:
            allowed = allowed_characters(compact, code_set)
            if allowed:
                edits.append(error(EDIT, f"{code} was sent without its 7th character ({', '.join(allowed)}); "
                                         f"{_ask(stated)}", code))
        elif len(compact) == 7 and stated and encounter_of(compact[6]) != stated:
            edits.append(error(EDIT, f"{code} has 7th character {compact[6]} ({encounter_of(compact[6])} "
                                     f"encounter) but the note documents a {stated} encounter; query the provider",
                               code))
    return edits


def _ask(stated: str | None) -> str:
    if stated:
        return f"the note documents a {stated} encounter: query the provider to confirm the character"
    return "the note does not state the encounter: query the provider"


def missing_seventh_character(code: str, code_set: Icd10CodeSet) -> bool:
    compact = icd_compact(code)
    return compact[:1] in ("S", "T") and compact not in code_set.billable and bool(allowed_characters(compact,
                                                                                                      code_set))
