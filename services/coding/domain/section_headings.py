"""A list's heading sets the context of every item under it: "Family History: Colon cancer. Type 2 diabetes.",
"Resolved Problems: Acute sinusitis. Plantar fasciitis, right foot.", "Surgical History: Appendectomy (2005).
Carpal tunnel release, left wrist (2018)."

EHR templates print a section's heading once and its items after it, one to a sentence or a line; the context
rules read cues within the mention's own clause, so only the first item met its heading. An item under a family
history heading is a relative's (guideline I.C.21.c.4: Z80-Z84); one under a resolved, inactive, historical or past
problems heading is over, and so is a condition under a surgical history heading, which lists operations done and
what they were done for. An admission's diagnosis, where the note goes on to state the discharge's or final one,
was the working diagnosis that one replaced (guideline IV.H: the outpatient codes what was established). The
section runs over short list items to the next label ("Social History:", "Today:",
"Assessment:"; a relative's label, "Mother:", is an item of a family history) or to the first sentence of prose,
which a list does not hold. A past medical history heading is not read so: it lists current chronic conditions
too.
"""
import re
from dataclasses import dataclass
from functools import lru_cache

# the names of the context rules (`note_context`) an item under each heading is read by
FAMILY_SECTION = "family"
PAST_SECTION = "resolved"
REPLACED_SECTION = "not-established"

# (the context rule, the heading's words, whether the heading's own item is read here: the context rules already
# read "Family history:", "Resolved:" or "Inactive:" in the item's own clause, and know its exceptions)
_HEADINGS = (
    (FAMILY_SECTION, r"family (medical )?(history|hx)|fhx|fh", False),
    # "Inactive problems: Gout." (the context rules read a bare "Inactive:" or "Resolved:" only)
    (PAST_SECTION, r"(resolved|inactive|historical|past|previous|prior) (problems?|diagnos[ie]s|conditions|"
                   r"problem list)", True),
    (PAST_SECTION, r"resolved|inactive|past", False),
    (PAST_SECTION, r"(past )?surgical (history|hx)|psh|(prior|past) surger(y|ies)", True),
    # "Hx of: latent TB, treated; lung nodule, stable": a list of what the patient had, each item past as its first
    # (not "PMH:" or "Hx:", which list current chronic conditions too)
    (PAST_SECTION, r"(hx|history) of|h/o", False),
    (REPLACED_SECTION, r"(admission|admitting|admit) (diagnos[ie]s|dx)", True),
)
# an admission's diagnosis is replaced where the note goes on to give the discharge's (or final) one
_FINAL_DIAGNOSIS = re.compile(r"\b(discharge|final) (diagnos[ie]s|dx)\b", re.IGNORECASE)
_HEADING = re.compile(r"(?:^|(?<=[.;\n]))[ \t]*(?:[-*•#]+[ \t]*)?(?:" + "|".join(
    rf"(?P<h{i}>{words})" for i, (_, words, _) in enumerate(_HEADINGS)) + r")[ \t]*:", re.IGNORECASE)
# an item opening with a label of its own ends the list, unless the label is a relative's
_LABEL = re.compile(r"^[ \t]*(?:[-*•#]+[ \t]*)?[A-Za-z][\w /&()'-]{0,40}?[ \t]*(?::|[ \t]-[ \t])")
_RELATIVE_LABEL = re.compile(r"^[ \t]*(?:[-*•#]+[ \t]*)?((maternal|paternal) )?(mother|father|mom|dad|brothers?|"
                             r"sisters?|siblings?|parents?|grandmother|grandfather|grandparents?|aunt|uncle|cousin|"
                             r"sons?|daughters?|children)\b", re.IGNORECASE)
_ITEM_END = re.compile(r"[;\n]|\.(?!\d)")  # not a decimal's point ("BMI 32.1")
_WORD = re.compile(r"[A-Za-z0-9]+")
LIST_ITEM_WORDS = 10  # more words than a list item holds: prose, which ends the list


@dataclass(frozen=True)
class Section:
    start: int
    end: int
    name: str
    heading: str


def section_of(text: str, start: int) -> Section | None:
    """The heading's section that holds the mention starting at text[start], if any."""
    sections = _sections(text)
    return next((s for s in sections if s.start <= start < s.end), None) if sections else None


@lru_cache(maxsize=64)
def _sections(text: str) -> tuple[Section, ...]:
    if ":" not in text:
        return ()
    found = []
    for heading in _HEADING.finditer(text):
        name, own_item = next((name, own) for i, (name, _, own) in enumerate(_HEADINGS) if heading.group(f"h{i}"))
        if name == REPLACED_SECTION and not _FINAL_DIAGNOSIS.search(text, heading.end()):
            continue
        own_end = _item_end(text, heading.end())
        if _too_long(text[heading.end():own_end]):
            continue
        # a family history told of a relative ("FH: mom and maternal GM w/ DM2.") is a sentence, not a list's heading
        inline = name == FAMILY_SECTION and _RELATIVE_LABEL.match(text[heading.end():own_end])
        end = own_end if inline else _list_end(text, own_end, name)
        start = heading.end() if own_item else own_end
        if end > start:
            found.append(Section(start, end, name, heading.group(0).strip(" \t.;:-*•#\n")))
    return tuple(found)


def _list_end(text: str, end: int, name: str) -> int:
    """The end of the items after the heading's own: a list closed by another label, a blank line or the note's
    end; not one that runs into prose."""
    first = end
    while end < len(text):
        following = _item_end(text, end + 1)
        item = text[end + 1:following]
        if not item.strip():
            if text[end] == "\n" and following < len(text) and text[following] == "\n":
                return end
            end = following
            continue
        if _LABEL.match(item) and not (name == FAMILY_SECTION and _RELATIVE_LABEL.match(item)):
            return end
        if _too_long(item):
            return first
        end = following
    return end


def _item_end(text: str, start: int) -> int:
    found = _ITEM_END.search(text, start)
    return found.start() if found else len(text)


def _too_long(item: str) -> bool:
    return len(_WORD.findall(item)) > LIST_ITEM_WORDS
