"""Heart, lung and gland conditions of chronic care under the alphabetic index's words, where the tabular writes
other words, for `documented_findings` (which makes them only for a current mention).

Walked from the tabular codes a cardiology, pulmonology and endocrinology practice bills, each tried in sentences
of our own: these are the index entries no term met. "Pneumonia, lobar" J18.1 (an organism named beside it is the
organism's code); "Embolism, pulmonary, saddle" I26.92, I26.02 with acute cor pulmonale; "Asthma, with status
asthmaticus" J45.902 where no severity is stated (a stated severity is read with the asthma); "Atherosclerosis,
aorta" and "Calcification, aorta" I70.0 written adjective first; "Syndrome, polycystic ovary" E28.2;
"Neuropathy, autonomic" G90.9 (in diabetes the combination E1x.43 takes it); "Hypertension, pulmonary, due to
lung disease or hypoxia" I27.23 and "due to left heart disease" I27.22, the cause named after it; "Hypertension,
kidney" and "Hypertension, cardiorenal": hypertensive chronic kidney disease I12.9 (I12.0 at stage 5, end stage
or on dialysis) and hypertensive heart and kidney disease without heart failure I13.10 (with heart failure the
hypertension combination reads it).
"""
import re

from services.coding.domain.finding_resolvers import fixed
from services.coding.domain.index_word_findings import PNEUMONIA_ORGANISM_WORDS
from services.coding.domain.note_text import sentence
from services.coding.domain.note_text import word_pattern as _word


def _lobar_pneumonia(match: re.Match, note: str) -> tuple[str, str] | None:
    """J18.1 is lobar pneumonia of an unspecified organism: one the sentence names is the organism's code."""
    text = sentence(note, match.start(), match.end())
    if any(words.search(text) for words, _, _ in PNEUMONIA_ORGANISM_WORDS):
        return None
    return "J18.1", "lobar pneumonia, unspecified organism"


_COR_PULMONALE = _word(r"(acute )?cor pulmonale|rv strain|right heart strain")
_NO_COR_PULMONALE = _word(r"(no|without|w/o) (evidence of )?(acute )?(cor pulmonale|rv strain|right heart strain)")


def _saddle_embolism(match: re.Match, note: str) -> tuple[str, str]:
    text = sentence(note, match.start(), match.end())
    if _COR_PULMONALE.search(text) and not _NO_COR_PULMONALE.search(text):
        return "I26.02", "saddle embolus of pulmonary artery with acute cor pulmonale"
    return "I26.92", "saddle embolus of pulmonary artery without acute cor pulmonale"


_ASTHMA_SEVERITY = _word(r"intermittent|persistent|mild|moderate|severe")


def _status_asthmaticus(match: re.Match, note: str) -> tuple[str, str] | None:
    """The severity's own J45.22-J45.52 is read with the asthma's words; with none stated, J45.902."""
    if _ASTHMA_SEVERITY.search(sentence(note, match.start(), match.end())):
        return None
    return "J45.902", "asthma with status asthmaticus, severity not stated"


_LUNG_CAUSE = (r"copd|chronic obstructive pulmonary disease|emphysema|ild|interstitial lung disease|"
               r"(idiopathic )?pulmonary fibrosis|ipf|lung disease|(chronic )?hypoxia|hypoxemia|osa|"
               r"obstructive sleep apnea|obesity hypoventilation( syndrome)?|ohs|sarcoidosis")
_LEFT_HEART_CAUSE = (r"left heart disease|left-sided heart disease|(hf[rp]ef|heart failure|chf|lv dysfunction|"
                     r"diastolic dysfunction)|mitral (valve )?(disease|regurgitation|stenosis)|aortic stenosis")
_DUE_TO = r",? (due to|d/t|2/2|secondary to|from|related to|in the setting of) (his |her |the |chronic |severe )?"
_PULMONARY_HYPERTENSION = r"(pulmonary hypertension|pulm(onary)? htn|ph)"


def _hypertensive_kidney(match: re.Match, note: str) -> tuple[str, str] | None:
    text = sentence(note, match.start(), match.end())
    if re.search(r"(?<!no )(?<!without )(?<!w/o )\b(heart failure|chf|hf[rp]ef)\b", text, re.IGNORECASE):
        return None  # with heart failure: I13, read by the hypertension combination
    if re.search(r"\b(stage\s*(5|v)|ckd\s*(5|v)|esrd|end[- ]stage|dialysis)\b", text, re.IGNORECASE):
        return "I12.0", "hypertensive chronic kidney disease with stage 5 or end stage renal disease"
    return "I12.9", "hypertensive chronic kidney disease, stage 1 through 4 or unspecified"


def _hypertensive_heart_and_kidney(match: re.Match, note: str) -> tuple[str, str] | None:
    text = sentence(note, match.start(), match.end())
    stage5 = re.search(r"\b(stage\s*(5|v)|ckd\s*(5|v)|esrd|end[- ]stage|dialysis)\b", text, re.IGNORECASE)
    if re.search(r"(?<!no )(?<!without )(?<!w/o )\b(heart failure|chf|hf|hf[rp]ef)\b", text, re.IGNORECASE):
        # the heart failure its own words name: I13.2 with stage 5, else I13.0 (the failure's type its partner)
        return ("I13.2", "hypertensive heart and chronic kidney disease with heart failure and stage 5 or ESRD") \
            if stage5 else ("I13.0", "hypertensive heart and chronic kidney disease with heart failure, stage 1-4")
    if stage5:
        return None  # I13.11: the hypertension combination reads the stage
    return "I13.10", "hypertensive heart and chronic kidney disease without heart failure, stage 1-4 or unspecified"


# (words, code families the term index may have found on them, resolve(match, note) -> (code, why) or None)
CHRONIC_CARE_ENTRIES = (
    (_word(r"((right|left|r|l|rll|rml|rul|lll|lul|bilateral|multilobar) )?lobar pneumonia"), ("J18",),
     _lobar_pneumonia),
    (_word(r"saddle (pulmonary )?(embol(us|ism|i)|pe)|saddle embolus of (the )?pulmonary arter(y|ies)"), ("I26",),
     _saddle_embolism),
    (_word(r"status asthmaticus"), ("J45",), _status_asthmaticus),
    (_word(r"aortic (atherosclerosis|atheroma|calcification)|atherosclerotic (disease of the )?aorta|"
           r"(thoracic |abdominal )?aortic atherosclerotic (disease|calcification|plaque)|"
           r"calcified (thoracic |abdominal )?aorta|calcification of the (thoracic |abdominal )?aorta"), ("I70",),
     fixed("I70.0", "atherosclerosis (calcification) of aorta")),
    (_word(r"polycystic ovary( syndrome| disease)?|polycystic ovaries"), ("E28", "N83", "Q61"),
     fixed("E28.2", "polycystic ovarian syndrome")),
    (_word(r"autonomic (poly)?neuropathy"), ("G62", "G90"), fixed("G90.9", "autonomic neuropathy")),
    (_word(rf"{_PULMONARY_HYPERTENSION}(?={_DUE_TO}({_LUNG_CAUSE})\b)"), ("I27",),
     fixed("I27.23", "pulmonary hypertension due to lung disease or hypoxia")),
    (_word(rf"{_PULMONARY_HYPERTENSION}(?={_DUE_TO}({_LEFT_HEART_CAUSE})\b)"), ("I27",),
     fixed("I27.22", "pulmonary hypertension due to left heart disease")),
    (_word(r"hypertensive (chronic kidney disease|ckd|kidney disease|nephropathy|nephrosclerosis|renal disease)"),
     ("I12",), _hypertensive_kidney),
    (_word(r"hypertensive heart and (chronic )?(kidney|renal) disease|hypertensive heart and ckd|"
           r"hypertensive cardiorenal disease"), ("I13", "N18"),
     _hypertensive_heart_and_kidney),
)
