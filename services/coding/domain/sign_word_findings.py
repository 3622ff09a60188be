"""Signs, complaints and abnormal results written in words no index term holds, read as the ICD-10-CM alphabetic
index files them, for `documented_findings` (which makes them only for a current mention, drops a sign stated
with a definitive diagnosis in its sentence, and holds one beside a diagnosis elsewhere for a coder).

Notes state a sign as the patient or the clinician says it ("trouble concentrating", "memory problems", "a
shuffling gait", "blurry vision", "blacked out", "coughing up blood") or a test by its impression ("old Q waves",
"obstructive ventilatory defect"). The index's entries: "Deficit, attention and concentration" R41.840;
"Amnesia" / memory loss NOS R41.3; "Gait, abnormality, specified NEC" (shuffling) and "Limping" R26.89;
"Loss of consciousness, transient", "Blackout" and "Fainting" R55; "Blurred, blurring, vision" H53.8;
"Abnormal, electrocardiogram" R94.31 (nonspecific ST or T wave changes among them); "Abnormal, function studies, pulmonary" R94.2 (a reduced diffusing capacity
among them); "Stiff, joint" M25.6- by
joint and side; "Pain, chronic, due to trauma" G89.21 for a chronic pain written as post-traumatic; "Hemoptysis"
R04.2; "Elevated, transaminase" R74.01 where the liver enzymes named are ALT or AST.
A result is the explanation's part, not a finding of its own, where the note names that explanation: Q waves
read as an old infarct, an abnormal PFT beside an affirmed chronic lung disease, a stiff joint with its
arthritis, blurred vision with an eye disease or a migraine's aura, a blackout with a head injury, a memory
complaint with the cognitive disorder the note names.
"""
import re

from services.coding.domain.finding_resolvers import Resolve, fixed
from services.coding.domain.injury_sequela import names_a_late_effect
from services.coding.domain.laterality import stated_side
from services.coding.domain.note_text import before, current, negated_before, sentence, sentence_start, uncertain
from services.coding.domain.note_text import word_pattern as _word


def _unless_in_sentence(explained_by: re.Pattern, code: str, why: str) -> Resolve:
    """The sign's code, unless its sentence names what explains it (and codes it)."""
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        return None if explained_by.search(sentence(note, match.start(), match.end())) else (code, why)
    return resolve


_HEAD_INJURY = _word(r"concussion|head (injury|trauma)|tbi|traumatic brain injury|head strike|hit (his|her) head")
_NEVER = re.compile(r"\bnever\b", re.IGNORECASE)


def _blackout(match: re.Match, note: str) -> tuple[str, str] | None:
    """R55, unless the note names a head injury (its code says whether consciousness was lost) or the sentence says
    it never happened ("has never passed out")."""
    if _HEAD_INJURY.search(note) or _NEVER.search(before(note, match.start())):
        return None
    return "R55", "a transient loss of consciousness is syncope and collapse"


_EYE_OR_AURA = _word(r"cataracts?|retinopathy|glaucoma|macular|maculopathy|uveitis|keratitis|optic neuritis|"
                     r"aura|migraines?|retinal|diplopia|papilledema")
_INFARCT = _word(r"infarcts?|infarction|mi|nstemi|stemi|heart attack")

# a chronic lung disease the note affirms explains an abnormal pulmonary function study
_LUNG_DISEASE = _word(r"copd|chronic obstructive pulmonary disease|emphysema|asthma|interstitial lung disease|ild|"
                      r"pulmonary fibrosis|ipf|sarcoidosis|bronchiectasis|cystic fibrosis|pneumoconiosis")


def _pulmonary_function(match: re.Match, note: str) -> tuple[str, str] | None:
    """R94.2 where no lung disease is affirmed in the note: "consistent with COPD" leaves the result to be coded,
    "COPD, FEV1 48%" makes it the disease's measure."""
    if any(not uncertain(note, m.start(), m.end()) for m in _LUNG_DISEASE.finditer(note)):
        return None
    return "R94.2", "abnormal results of pulmonary function studies"


# a cognitive disorder the note affirms is what a memory complaint is part of ("Impression: mild cognitive
# impairment; r/o Alzheimer disease"); one only supposed ("MCI vs early Alzheimer") leaves the complaint coded
_COGNITIVE_DISORDER = _word(r"(mild )?cognitive impairment|mci|dementia|alzheimer'?s?( disease)?|"
                            r"(major |mild )?neurocognitive disorder")


def _memory_complaint(match: re.Match, note: str) -> tuple[str, str] | None:
    """R41.3, unless the note affirms the cognitive disorder the complaint belongs to."""
    if any(not (negated_before(note, m.start()) or uncertain(note, m.start(), m.end()))
           for m in _COGNITIVE_DISORDER.finditer(note)):
        return None
    return "R41.3", "a memory complaint is memory loss NOS (other amnesia)"


_TRANSAMINASE = _word(r"alt|ast|sgpt|sgot|transaminases?")


def _liver_enzymes(match: re.Match, note: str) -> tuple[str, str] | None:
    """The liver enzymes are the transaminases where the sentence names ALT or AST; otherwise the coder chooses
    among the liver function codes."""
    if not _TRANSAMINASE.search(sentence(note, match.start(), match.end())):
        return None
    return "R74.01", "elevation of liver transaminase levels"


_JOINT_CODES = {"shoulder": "M25.61", "elbow": "M25.62", "wrist": "M25.63", "hand": "M25.64", "hip": "M25.65",
                "knee": "M25.66", "ankle": "M25.67"}
_SIDE_DIGIT = {"right": "1", "left": "2", None: "9"}
_UNSTATED_ANKLE = "3"  # the ankle's "unspecified" is its sixth character 3 (4-6 are the foot's)
_JOINT_DISEASE = _word(r"arthritis|osteoarthritis|oa|arthrosis|capsulitis|frozen shoulder|contractures?|ankylosis|"
                       r"polymyalgia|pmr|spondylitis|gout|effusion|fractures?|fx|dislocation|sequela")
_JOINTS = r"shoulder|elbow|wrist|hand|hip|knee|ankle"
_SIDE = r"(right |left |r |l )?"


def _stiff_joint(match: re.Match, note: str) -> tuple[str, str] | None:
    """"Stiffness of joint, NEC" by joint and side (both sides named: the coder codes each); a joint disease its
    sentence states as current is the stiffness's explanation ("? adhesive capsulitis" explains nothing yet, IV.H),
    unless the sentence names the stiffness as an injury's late effect (the residual, coded first: guideline
    I.B.10)."""
    text = sentence(note, match.start(), match.end())
    first = sentence_start(note, match.start())
    if not names_a_late_effect(text) and any(current(note, first + m.start(), first + m.end())
                                             for m in _JOINT_DISEASE.finditer(text)):
        return None
    joint = re.search(_JOINTS, match.group(0), re.IGNORECASE).group(0).lower()
    side = stated_side(match.group(0)) or stated_side(text)
    if side == "bilateral":
        return None
    digit = _UNSTATED_ANKLE if joint == "ankle" and side is None else _SIDE_DIGIT[side]
    return _JOINT_CODES[joint] + digit, f"stiffness of the {joint}" + (f" ({side})" if side else "")


# (words, codes the term index may have found on them, resolve(match, note) -> (code, why) or None)
SIGN_WORD_FINDINGS = (
    (_word(r"(poor|impaired|decreased|reduced|difficulty|difficulties|trouble|problems?) (with )?"
           r"(concentrating|concentration|focusing)|(can't|cannot|unable to) (concentrate|focus)"), ("R41",),
     fixed("R41.840", "difficulty concentrating is an attention and concentration deficit")),
    (_word(r"memory (complaints?|problems?|concerns?|difficult(y|ies)|issues|lapses)"), ("R41",),
     _memory_complaint),
    (_word(r"shuffling gait|gait (is )?shuffling|shuffles when (he|she) walks|limping|walks with a limp"),
     ("R26",), fixed("R26.89", "a shuffling gait or a limp is a specified abnormality of gait")),
    (_word(r"(transient|brief|momentary) loss of consciousness|blacked out|passed out|fainted|"
           r"(fainting|blackout) (spells?|episodes?)"), ("R55", "R40"),
     _blackout),
    (_word(r"blurr(ed|y|ing) vision|vision (is |goes |gets |was |has been )?blurr(ed|y)"), ("H53",),
     _unless_in_sentence(_EYE_OR_AURA, "H53.8", "blurred vision (other visual disturbances)")),
    (_word(r"(pathologic(al)? |old |inferior |anterior |lateral |septal )*q waves?|"
           r"abnormal (ecg|ekg|electrocardiogram)"), ("R94",),
     _unless_in_sentence(_INFARCT, "R94.31", "an abnormal electrocardiogram")),
    # the tracing's own verdict when it names no rhythm or infarct: "ECG: nonspecific ST-T changes"
    (_word(r"non-?specific (st-t|st|t)[- ]?(segment |wave )?(changes|abnormalit(y|ies))"), ("R94",),
     _unless_in_sentence(_INFARCT, "R94.31", "nonspecific ST or T wave changes are an abnormal electrocardiogram")),
    (_word(r"(obstructive|restrictive|mixed) (ventilatory )?(defect|impairment)|"
           r"abnormal (pfts?|spirometry|pulmonary function (tests?|studies))|"
           # a gas-transfer result: "reduced DLCO", "reduction in diffusing capacity", "DLCO decreased to 55%"
           r"(reduced|decreased|low|diminished|impaired) (diffusing capacity|dlco|gas transfer)|"
           r"(reduction|decrease|impairment) (in|of) (the )?(diffusing capacity|dlco|gas transfer)|"
           r"(dlco|diffusing capacity) (is |was )?(reduced|decreased|low|diminished)"), ("R94",), _pulmonary_function),
    # "AM stiffness R hand > 1 h", "morning stiffness, L knee": the morning's stiffness of the joint named after it
    (_word(rf"((am|morning) )?stiff(ness)?,? (of |in )?(the |her |his |my )?{_SIDE}({_JOINTS})(?!s)|{_SIDE}({_JOINTS}) "
           rf"(stiffness|is stiff)"), ("M25",), _stiff_joint),
    (_word(r"coughing up blood|cough(s|ing)? up blood|blood[- ](streaked|tinged) (sputum|phlegm|mucus)"), ("R04",),
     fixed("R04.2", "coughing up blood is hemoptysis")),
    (_word(r"(elevated|raised|high|abnormal) (liver enzymes|lfts?|liver function tests?)"), ("R74", "R94", "R79"),
     _liver_enzymes),
    # chronic pain the note calls post-traumatic ("chronic post-traumatic R chest wall pain"): the index's
    # "Pain, chronic, due to trauma", in place of the site's pain the index found on the same words (the late
    # effect is the chronic pain, its injury's code with S beside it); not a stress disorder's words
    (_word(r"chronic (post-?traumatic|posttraumatic) ((?!stress\b)[\w/]+[ -]){0,3}?pain|"
           r"chronic ([\w/]+[ -]){0,3}?pain,? (post-?traumatic|posttraumatic)(?! stress)"),
     ("G89", "R07", "R10", "R52", "M25.5", "M54", "M79.6"),
     fixed("G89.21", "chronic pain due to trauma")),
)
