"""Guards for the heart valves' and the spine's two-letter names, which clinics share with other words.

"AS" is aortic stenosis where the valve is graded or studied beside it ("mod AS", "AS - mean gradient 38 on
echo", "severe AS, TAVR eval") and ankylosing spondylitis where the spine disease is ("AS - HLA-B27+", "AS on
adalimumab", "AS, BASDAI 3"); written alone ("Known AS", "AS - f/u") it names neither, and nothing is coded. "MR",
"TR", "AR" and "AI" are regurgitant valves only where the valve is graded ("mild MR", "mod TR") or
an echo, a gradient, a valve area or a valve procedure is named in the same item; "AI" is otherwise as often an
adrenal insufficiency, "AR" an allergic rhinitis, and "MR" a magnetic resonance study ("cardiac MR", "MR angiography",
"MR brain"). "Trace", "trivial" and "physiologic" regurgitation on an echo is a normal
finding, not a valve disease, and a valve "s/p AVR for severe AS" is the reason of a replacement done, not a lesion
still there.
"""
import re

_BEFORE = 60
_ITEM_END = re.compile(r"[;\n]|\.(?!\d)|\s\d+\.\s")
_GRADE_BEFORE = re.compile(r"\b(mild|mildly|mod|moderate|moderately|severe|severely|significant|critical|"
                           r"(mild|mod|moderate)[- ](to[- ])?(mod|moderate|severe|sev))[ \t]*(-[ \t]*)?$|"
                           r"\b[1-4]\+[ \t]*$", re.IGNORECASE)
_NORMAL_BEFORE = re.compile(r"\b(trace|trivial|physiologic|physiological|minimal|no|without|w/o|neg(ative)? for)"
                            r"[ \t]*$", re.IGNORECASE)
_VALVE_WORDS = re.compile(r"\b(echo\w*|tte|tee|valve|valvular|gradient|ava|mva|tavr|tavi|savr|avr|mvr|mitraclip|"
                          r"teer|valvuloplasty|murmur|rvsp|lvef|ef \d+|jet|vena contracta|ero|regurgitant|"
                          r"cardiology|cardiac surgery|ct surgery)\b", re.IGNORECASE)
_SPINE_WORDS = re.compile(r"\b(hla-?b27\+?|spondyl\w*|basdai|asdas|sacroiliitis|si joints?|sacroiliac|bamboo|"
                          r"syndesmophytes?|uveitis|(back|spine|spinal) stiffness|stiffness|back pain|"
                          r"adalimumab|humira|etanercept|enbrel|infliximab|remicade|certolizumab|cimzia|golimumab|"
                          r"simponi|secukinumab|cosentyx|ixekizumab|taltz|bimekizumab|upadacitinib|rinvoq|"
                          r"tofacitinib|tnf\w*|rheum\w*)\b", re.IGNORECASE)
_STUDY_AFTER = re.compile(r"[ \t]*(angiogra\w*|enterogra\w*|arthrogra\w*|venogra\w*|imaging|scan|spectroscopy|"
                          r"brain|head|spine|c-spine|l-spine|pelvis|abdomen|knee|shoulder|hip|#|n\b|of the\b|"
                          r"(w/|with|without|w/o)[ \t]*(iv[ \t]*)?(contrast|gad\w*))", re.IGNORECASE)
_STUDY_BEFORE = re.compile(r"\b(cardiac|breast|prostate|brain|pelvic|abdominal|knee|shoulder|hip|spine|c-spine|"
                           r"l-spine|stress|perfusion)[ \t]*$", re.IGNORECASE)


_TREATED_FOR = re.compile(r"\b(avr|tavr|tavi|savr|mvr|replace\w*|repair\w*|s/p|status post|mitraclip|teer|"
                          r"valvuloplasty|commissurotomy)\b.*\b(for|d/t|due to)[ \t]+([\w+-]+[ \t]+){0,2}$", re.IGNORECASE)


def _item_before(text: str, start: int) -> str:
    return text[max((m.end() for m in _ITEM_END.finditer(text, 0, start)), default=0):start]


def _item(text: str, start: int, end: int) -> str:
    """The list item or sentence the abbreviation stands in."""
    opening = max((m.end() for m in _ITEM_END.finditer(text, 0, start)), default=0)
    closing = _ITEM_END.search(text, end)
    return text[opening:closing.start() if closing else len(text)]


def _valve_read(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - _BEFORE):start]
    if _NORMAL_BEFORE.search(before) or _TREATED_FOR.search(_item_before(text, start)):
        return False
    return bool(_GRADE_BEFORE.search(before) or _VALVE_WORDS.search(_item(text, start, end)))


def valve_lesion(text: str, start: int, end: int) -> bool:
    """"mod MR", "severe AS, TAVR eval", "TR - RVSP 42 on echo": a valve graded or studied in its item, not an MR
    study, a spine disease's "AS", nor trace regurgitation."""
    if _STUDY_AFTER.match(text, end) or _STUDY_BEFORE.search(text[max(0, start - _BEFORE):start]):
        return False
    return _valve_read(text, start, end) and not _SPINE_WORDS.search(_item(text, start, end))


def spine_disease(text: str, start: int, end: int) -> bool:
    """"AS - HLA-B27+", "AS on adalimumab": the spine disease's words in its item, and no valve's."""
    item = _item(text, start, end)
    return bool(_SPINE_WORDS.search(item)) and not _valve_read(text, start, end)


VALVE_AND_SPINE_GUARDS = {"valve_lesion": valve_lesion, "spine_disease": spine_disease}
