"""The side of a condition written in another sentence that names the same site: "R shoulder pain x 4 mo. MRI:
full-thickness supraspinatus tear" is the right shoulder's tear, as a coder reads it (no query), where every
sentence naming that site (shoulder, knee, hip...) and stating a side states the same one (the laterality rule
reads them). An injury code is not read this way:
its sentence may name another injury of the site (a summary line's "humerus fx" beside the fracture's own words),
and its part and encounter are then guesses as well."""
import re

SITES = ("shoulder", "knee", "hip", "ankle", "wrist", "elbow", "foot", "hand", "thigh", "forearm", "heel", "thumb")
_SENTENCE = re.compile(r"[^.;\n]+")
_SHORT_SIDE = {"r": "right", "rt": "right", "l": "left", "lt": "left"}
_SHORT = re.compile(r"\b(r|rt|l|lt)\b(?=\s+\w)", re.IGNORECASE)


def spelled(text: str) -> str:
    """The sentence with the short sides spelled out ("R shoulder" -> "right shoulder")."""
    return _SHORT.sub(lambda m: _SHORT_SIDE[m.group(1).lower()], text)


def sentences_naming_the_site(note: str, description: str, code: str) -> list[str]:
    """The note's sentences naming the code's one site, short sides spelled out; none for an injury code."""
    if code[:1] in "ST":
        return []
    sites = [site for site in SITES if re.search(rf"\b{site}\b", description, re.IGNORECASE)]
    if len(sites) != 1:
        return []
    return [spelled(m.group(0)) for m in _SENTENCE.finditer(note)
            if re.search(rf"\b{sites[0]}s?\b", m.group(0), re.IGNORECASE)]
