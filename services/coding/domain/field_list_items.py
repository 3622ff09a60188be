"""Whether mentions are items of their own in a labelled field's list ("Dx: fatigue; HTN.", "Reason: palpitations;
COPD; HLD").

An order's or an assessment's diagnosis field lists the visit's problems one after another, each closed by a
semicolon: the items share a sentence only because the field is written on one line. A sign in its own item is a
problem the provider lists (guideline IV.D), not a symptom stated with the diagnosis of the next item, and an item
of such a list is as much an entry as a numbered one. Whether a diagnosis beside it explains it is still read, by
the tables that know which do.
"""
import re

from services.coding.domain.note_text import sentence_start

_FIELD_LABEL = re.compile(r"\b(?:dx|diagnos[ie]s|reasons?(?: for (?:visit|order|testing|referral))?|indications?|"
                          r"a/p|assessment|impression|problems?)\s*:", re.IGNORECASE)


def separate_items(note: str, first: int, second: int) -> bool:
    """The mentions starting at `first` and `second` stand in different semicolon items of one labelled field."""
    low, high = sorted((first, second))
    return ";" in note[low:high] and in_labelled_field(note, low)


def in_labelled_field(note: str, position: int) -> bool:
    """A field label ("Dx:", "Reason:", "A/P:") opens the sentence the position is in, before it."""
    return _FIELD_LABEL.search(note, sentence_start(note, position, across_semicolons=True), position) is not None


def item_after_a_semicolon(note: str, position: int) -> bool:
    """The position opens an item a semicolon starts in a labelled field's list ("Dx: palpitations; syncope")."""
    before = note[:position].rstrip()
    return before.endswith(";") and in_labelled_field(note, position)
