"""Where an ending written after a list of conditions belongs: "PMH: GAD, HTN, breast ca s/p lumpectomy 2016, no
recurrence" ends the breast cancer, not the anxiety or the hypertension named before it.

A condition that closes its own list item with a comma, followed by an item that opens with another name ("HTN",
"hep C cured 2019", "breast ca s/p lumpectomy"), has had its item closed: the ending words further on ("no
recurrence", "cured", "resolved") are that later item's. An item that opens with a word of the course
("hospitalized", "treated", "s/p", a date), a side or the ending itself continues the first condition's own account
("pneumonia, hospitalized, resolved", "DVT, left leg, treated 2019"). The last item must name its condition before
its ending ("hep C cured"): an item that is only the ending ("repleted") is the condition's own. Read only in a
history list, its heading in the same sentence ("PMH:", "Past medical history:", "Hx:", "Problem list:"), where the
items are conditions; elsewhere the words between are the condition's account ("triple therapy completed").
"""
import re

# one to four words, then the item's end or its course: "s/p", "status post", a date, a parenthesis, an ending
_NAME_OPENS = re.compile(r"^\s*(?P<name>[a-z][a-z'/-]*(?: [a-z][a-z'/-]*){0,3}?)\s*(?:$|(?=(?:s/p|status post|"
                         r"excised|resected|treated|cured|resolved|healed|recovered|cleared|no recurrence|"
                         r"completed|dx|diagnosed|in remission)\b|\(|\d))", re.IGNORECASE)
_COURSE_WORDS = frozenset({
    "treated", "tx", "hospitalized", "admitted", "s/p", "status", "post", "on", "off", "dx", "diagnosed", "with",
    "after", "since", "in", "now", "then", "course", "ago", "abx", "antibiotics", "steroids", "surgery", "iv", "oral",
    "completed", "finished", "stopped", "tapered", "drained", "excised", "repaired", "recurrent", "again", "and",
    "was", "is", "were", "had", "has", "got", "given", "started", "last", "first", "second", "episode", "episodes",
    "x", "times", "twice", "once", "mild", "moderate", "severe", "resolved", "cured", "healed", "recovered",
    "cleared", "no", "none", "recurrence", "gone", "over", "left", "right", "bilateral", "l", "r", "both", "onset",
    "began", "lasting", "for", "fully", "completely", "full", "complete", "therapy", "treatment", "regimen"})
_HISTORY_LIST = re.compile(r"\b(past medical history|medical history|pmh|history|hx|problem list|past history)\s*:[^.:\n]*$",
                           re.IGNORECASE)


def ended_in_a_later_item(before: str, between: str) -> bool:
    """`before`: the text before the condition; `between`: the text from its end to the end of an ending cue found
    after it. True in a history list where the condition (or the rest of its name) closes its item and a later item
    before the ending opens with another condition's name."""
    items = between.split(",")
    return (len(items) >= 2 and bool(_HISTORY_LIST.search(before[-300:])) and _rest_of_its_name(items[0])
            and (any(_names_another(item) for item in items[1:-1]) or _names_another(items[-1], last=True)))


def _rest_of_its_name(text: str) -> bool:
    """Nothing, or the rest of the condition's own name after the word read ("anxiety" of "anxiety disorder")."""
    words = text.lower().split()
    return len(words) <= 3 and all(re.fullmatch(r"[a-z'/-]+", word) for word in words) and not _COURSE_WORDS.intersection(words)


def _names_another(item: str, last: bool = False) -> bool:
    opens = _NAME_OPENS.match(item)
    if last and opens is not None and not item[opens.end():].strip():
        return False
    return opens is not None and not _COURSE_WORDS.intersection(opens.group("name").lower().split())
