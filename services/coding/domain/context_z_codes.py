"""The family or personal history code for a condition the term index found, where the Z code's own text does
not hold the note's words: "FH of type 1 diabetes" is "History, family, diabetes" Z83.3, "brother with
schizophrenia" or "mother - dementia" is "History, family, mental disorder NEC" Z81.8, "h/o kidney stones" is
"History, personal, calculi, renal" Z87.442, "h/o anorexia nervosa" is "History, personal, mental disorder NEC" Z86.59
(ICD-10-CM alphabetic index, History entries); a past myocardial infarction is not a Z code but "Infarct,
myocardial, old (healed)" I25.2 (guideline I.C.9.e.4).

Keyed by the condition's code prefix, longest first: a small table of the index's History entries, so a
condition it lacks suggests nothing (and the relative's or past condition is never coded as the patient's own).
"""
import re
from dataclasses import dataclass
from typing import Iterable

from services.coding.domain.note_terms import words

# code prefix -> (family history code, personal history code); None where the index has no such entry
HISTORY_CODES: dict[str, tuple[str | None, str | None]] = {
    "E08": ("Z83.3", None), "E09": ("Z83.3", None), "E10": ("Z83.3", None), "E11": ("Z83.3", None),
    "E13": ("Z83.3", None), "O24.4": (None, "Z86.32"),  # History, personal, gestational diabetes
    "F10": ("Z81.1", None), "F17": ("Z81.2", "Z87.891"),
    "F11": ("Z81.3", None), "F12": ("Z81.3", None), "F13": ("Z81.3", None), "F14": ("Z81.3", None),
    "F15": ("Z81.3", None), "F16": ("Z81.3", None), "F18": ("Z81.3", None), "F19": ("Z81.3", None),
    # History, family / personal, mental disorder NEC (a substance use disorder in the past is its remission code);
    # Z81.8 holds every condition of F01-F99 the other Z81 codes do not: a relative's dementia (F01-F03) and autism
    # (F84) too, which the patient does not outgrow, so no personal history entry for them
    "F01": ("Z81.8", None), "F02": ("Z81.8", None), "F03": ("Z81.8", None), "F84": ("Z81.8", None),
    "F2": ("Z81.8", "Z86.59"), "F3": ("Z81.8", "Z86.59"), "F4": ("Z81.8", "Z86.59"), "F5": ("Z81.8", "Z86.59"),
    "F6": ("Z81.8", "Z86.59"),
    "F70": ("Z81.0", None), "F71": ("Z81.0", None), "F72": ("Z81.0", None), "F73": ("Z81.0", None),
    "F79": ("Z81.0", None), "F9": ("Z81.8", "Z86.59"),
    "G40": ("Z82.0", None), "G30": ("Z82.0", None), "G20": ("Z82.0", None),
    "G43": ("Z82.0", None), "G25": ("Z82.0", None), "G35": ("Z82.0", None),  # History, family, nervous system
    # History, personal, infectious disease NEC: a treated hepatitis or sexually transmitted infection
    "B15": (None, "Z86.19"), "B16": (None, "Z86.19"), "B17": (None, "Z86.19"), "B18": (None, "Z86.19"),
    "B19": (None, "Z86.19"), "A5": (None, "Z86.19"), "A60": (None, "Z86.19"),
    "I20": ("Z82.49", None), "I21": ("Z82.49", "I25.2"), "I22": ("Z82.49", "I25.2"), "I25": ("Z82.49", None),
    "I42": ("Z82.49", None), "I48": ("Z82.49", None),
    "I50": ("Z82.49", None), "I71": ("Z82.49", None),  # History, family, disease, circulatory system NEC
    # History, family, disease, kidney NEC (FY2026 splits Z84.1: APOL1-mediated Z84.11, every other Z84.19)
    "N18": ("Z84.19", None),
    # a relative's "seizures" is their seizure disorder (History, family, epilepsy); the eye's and the ear's
    # entries by the loss they name: blindness and visual loss Z82.1, deafness and hearing loss Z82.2, a macular
    # degeneration among the other specified eye disorders Z83.518 (the eye chapter's title has no Z code whole)
    "R56": ("Z82.0", None), "H54": ("Z82.1", None), "H90": ("Z82.2", None), "H91": ("Z82.2", None),
    "H35.3": ("Z83.518", None),
    "I63": ("Z82.3", "Z86.73"), "G45.9": ("Z82.3", "Z86.73"),
    "I26": (None, "Z86.711"), "I82": (None, "Z86.718"),  # History, personal, thrombosis (venous) NEC
    # History, family, asthma and other chronic lower respiratory disease: emphysema, chronic bronchitis and
    # bronchiectasis as well as asthma and COPD (the chapter's Z83.6 excludes them)
    **{lower: ("Z82.5", None) for lower in ("J41", "J42", "J43", "J44", "J45", "J47")},
    "N20": ("Z84.19", "Z87.442"), "N39.0": (None, "Z87.440"), "J18": (None, "Z87.01"),
    # episodes over once treated, each with its own History, personal entry: tuberculosis; meningitis and
    # encephalitis (infections of the central nervous system); peptic ulcer disease; sudden cardiac arrest;
    # thrombophlebitis; pneumothorax (respiratory system NEC); traumatic brain injury and concussion; suicide
    # attempt (suicidal behavior)
    **{tb: (None, "Z86.11") for tb in ("A15", "A16", "A17", "A18", "A19")},
    **{cns: (None, "Z86.61") for cns in ("A39.0", "A87", "G00", "G01", "G02", "G03", "G04", "G05")},
    **{ulcer: (None, "Z87.11") for ulcer in ("K25", "K26", "K27", "K28")},
    "U07.1": (None, "Z86.16"),  # History, personal, COVID-19
    "Z22.7": (None, "Z86.15"),  # History, personal, latent tuberculosis infection (its course completed)
    "I46": (None, "Z86.74"), "I80": (None, "Z86.72"), "J93": (None, "Z87.09"),
    # a pleural effusion or an empyema drained and gone (respiratory system NEC); an acute kidney injury recovered:
    # History, personal, disease, kidney NEC (other diseases of the urinary system)
    "J86": (None, "Z87.09"), "J90": (None, "Z87.09"), "N17": (None, "Z87.448"),
    "K85": (None, "Z87.19"),  # an acute pancreatitis over: History, personal, disease, digestive system NEC
    # an adhesive capsulitis back to full motion: History, personal, disease, musculoskeletal system NEC; a stress
    # fracture healed: History, personal, fracture, stress
    "M75.0": (None, "Z87.39"), "M84.3": (None, "Z87.312"),
    "S06": (None, "Z87.820"), "T14.91": (None, "Z91.51"),
    # History, personal, infection, urinary (tract): a kidney or bladder infection as well as a UTI
    **{uti: (None, "Z87.440") for uti in ("N10", "N11", "N12", "N30")},
    # episodes that end with their treatment, under the index's "History, personal, disease (of), <system> NEC":
    # pericarditis, endocarditis and myocarditis (circulatory), Bell's palsy (nervous), an anemia of deficiency
    # (blood), septic arthritis and osteomyelitis (musculoskeletal); a diabetic foot ulcer healed is its own entry
    **{heart: (None, "Z86.79") for heart in ("I30", "I31.9", "I33", "I38", "I40")},
    "G51.0": (None, "Z86.69"), "D50": (None, "Z86.2"), "D51": (None, "Z86.2"), "D52": (None, "Z86.2"),
    "M00": (None, "Z87.39"), "M86": (None, "Z87.39"), "E21.0": (None, "Z86.39"),  # a parathyroid adenoma removed
    "E10.621": ("Z83.3", "Z86.31"), "E11.621": ("Z83.3", "Z86.31"),
    # a relative's Graves disease, read by its documented finding (the term index finds it only as the patient's):
    # History, family, disease, endocrine NEC
    "E05.0": ("Z83.49", None),
    # History, family, arthritis: a relative's rheumatoid, juvenile or osteoarthritis (a relative's gout is the
    # musculoskeletal system's NEC entry, Z82.69)
    **{arthritis: ("Z82.61", None) for arthritis in ("M05", "M06", "M08", "M13", "M15", "M16", "M17", "M18", "M19")},
}
_PREFIXES = sorted(HISTORY_CODES, key=len, reverse=True)


def history_code(context: str, condition: str) -> str | None:
    """The Z80-Z84 (context "family") or Z85-Z87 ("history") code for the condition's code, if the table has it."""
    prefix = next((p for p in _PREFIXES if condition.startswith(p)), None)
    if prefix is None:
        return None
    family, personal = HISTORY_CODES[prefix]
    return family if context == "family" else personal if context == "history" else None


# Chapters whose conditions the index does not send to a "History, family, disease, <system> NEC" entry: a
# relative's cancer takes a site code (history_z_codes); a symptom, an injury or a status is no disease history.
_NO_CHAPTER_ENTRY = ("C", "D0", "D1", "D2", "D3", "D4", "R", "S", "T", "V", "W", "X", "Y", "Z", "U")
_CHAPTER_FILLER = frozenset({"other", "certain", "disease", "disorder", "system", "organ", "sense", "history",
                             "family"})


@dataclass(frozen=True)
class ChapterHistory:
    """The family or personal history code for "other diseases of <the chapter>" of one tabular chapter."""
    first: str
    last: str
    code: str


def chapter_family_history_codes(chapters: Iterable[tuple[str, str, str]],
                                 history_codes: Iterable[tuple[str, str]]) -> tuple[ChapterHistory, ...]:
    """chapters: (first code, last code, title); history_codes: billable Z80-Z84 (code, description). A chapter
    takes the family history code whose text holds every word of its title and the fewest others ("Family
    history of ischemic heart disease and other diseases of the circulatory system" Z82.49 for I00-I99): the
    index's entry for a relative's disease of that system it names no further. A congenital malformation is a
    chapter of its own, never another system's.

    Only a relative's condition here: a past one ("PMH: HTN, HLD") is most often a chronic condition still
    treated, which a personal history code would wrongly replace (chapter_personal_history_codes is for a
    condition the note says is over)."""
    return _chapter_history_codes(chapters, history_codes, "family history of", _NO_CHAPTER_ENTRY)


def chapter_personal_history_codes(chapters: Iterable[tuple[str, str, str]],
                                   history_codes: Iterable[tuple[str, str]]) -> tuple[ChapterHistory, ...]:
    """Each chapter's "History, personal, disease (of), <system> NEC" code ("Personal history of other diseases
    of the respiratory system" Z87.09 for J00-J99), matched to its title as the family one is: the code for a
    condition the note says is over (resolved, recovered, outgrown) that the index's History entries do not
    name (guideline I.C.21.c.4). A chapter whose title the Z code does not hold whole (the eye, the ear, the
    genitourinary system, split by the Z codes into narrower ones) takes none; nor does a perinatal condition."""
    return _chapter_history_codes(chapters, history_codes, "personal history of", _NO_CHAPTER_ENTRY + ("P",))


def _chapter_history_codes(chapters: Iterable[tuple[str, str, str]], history_codes: Iterable[tuple[str, str]],
                           opening: str, no_entry: tuple[str, ...]) -> tuple[ChapterHistory, ...]:
    candidates = [(code, _content_words(description)) for code, description in history_codes
                  if description.lower().startswith(opening)]
    found = []
    for first, last, title in chapters:
        title_words = _content_words(title)
        if first.startswith(no_entry) or not title_words:
            continue
        ranked = sorted((len(text - title_words), code) for code, text in candidates
                        if title_words <= text and ("congenital" in title_words or "congenital" not in text))
        if ranked:
            found.append(ChapterHistory(first, last, ranked[0][1]))
    return tuple(found)


def chapter_history_code(condition: str, chapters: Iterable[ChapterHistory]) -> str | None:
    """The chapter's family or personal history code for a condition the History entries (history_code) lack."""
    return next((c.code for c in chapters if c.first <= condition[:3] <= c.last), None)


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in words(re.sub(r"\([^()]*\)", " ", text)) if w not in _CHAPTER_FILLER)
