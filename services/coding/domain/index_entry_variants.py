"""Conditions the ICD-10-CM index reaches under words the tabular's terms do not hold in that order, for
`documented_findings` (which makes them only for a current mention, and sends a past or a relative's one to its
History entry).

Each row is an index entry or a tabular inclusion term read as notes write it:
- "Impairment, cognitive, mild, so stated" G31.84: the tabular adds "of uncertain or unknown etiology", which a
  note never writes; a cause stated beside it ("due to Parkinson disease") that F06.7's "code first" list names
  is the mild neurocognitive disorder of a known condition (F06.70/F06.71), another cause a coder's.
- "Major neurocognitive disorder NOS" F03.90 (F03's inclusion term) with its severity after it: F03.A0-F03.C0.
- "Bleeding, rectal" and "Hemorrhage, rectum" K62.5 (the tabular: "Hemorrhage of anus and rectum"), and bright red
  blood per rectum (BRBPR).
- "Nodule, thyroid" E04.1 with the site written after the nodule and a lobe or side between ("a nodule in the
  left thyroid lobe", "nodule of the right lobe of the thyroid"); nodules, plural, are a multinodular goiter.
- "Hypertension, intracranial (benign)" and "Pseudotumor, cerebri" G93.2, and "Hypertension, ocular" H40.05- (the
  side from the laterality rule): a hypertension named by its organ is not essential hypertension (I10), which the
  index finds on the last word alone.
- Pulmonary hypertension by its WHO group written after it ("PH, WHO group 3"), the tabular's inclusion terms
  "Group 2 ... Group 5 pulmonary hypertension" (I27.22, I27.23, I27.24, I27.29); group 1 is primary or associated
  pulmonary arterial hypertension, two codes a coder chooses between.
- "Apnea, apneic (spells)" R06.81 in the words a bed partner reports ("stops breathing in his sleep", "witnessed
  pauses in breathing"; "apnea" itself the index meets), and "Snoring" R06.83 in its verb ("snores loudly"): the
  signs a suspected sleep apnea is coded by, which a confirmed one holds (a symptom beside its diagnosis is dropped).
- "Loss (of), consciousness, transient" R55 (syncope) for an episode of loss of consciousness, not the loss of
  consciousness of a head injury (which "with loss of consciousness" writes and the injury's code holds).
- "Headache, tension (-type)" G44.209 with the type written after the headache ("headaches x 2 months,
  tension-type"), where no chronic or episodic course is named (their own codes, for a coder).
- "Tachycardia, sinus, inappropriate, so stated" I47.11: the index's own entry, which the term index, reading the
  last words, takes for a sinus tachycardia (R00.0), a finding.
- "Osteopenia" M85.8- with its site written right after it ("osteopenia of the left hip", "of the lumbar spine"):
  the hip and the femoral neck are the thigh's code (M85.85-), the spine and its vertebrae "other site" (M85.88),
  the wrist and the distal radius the forearm's (M85.83-), by the side written with the site; both sides are two
  codes, left to a coder.
A mention whose own sentence says its treatment has ended ("treated for a year, off treatment since") is a
condition of the past: its personal history code (Z86.69 for the nervous system), not the condition.
"""
import re

from services.coding.domain.finding_resolvers import fixed
from services.coding.domain.note_text import sentence, sentence_end, sentence_start
from services.coding.domain.note_text import word_pattern as _word

_TREATMENT_ENDED = _word(r"off (all )?(treatment|therapy|medications?|meds)( since| for|$)|no longer (on )?treat\w*|"
                         r"treatment (was |has been )?(stopped|completed|ended|discontinued)")


def _while_treated(resolve, history: str):
    """The row's reading, unless the mention's sentence (across its semicolons: one account) says its
    treatment is over: then the condition is past, and its chapter's personal history code is the one."""
    def current(match: re.Match, note: str) -> tuple[str, str] | None:
        account = note[sentence_start(note, match.start(), across_semicolons=True):
                       sentence_end(note, match.end(), across_semicolons=True)]
        if _TREATMENT_ENDED.search(account):
            return history, "a condition whose treatment has ended: personal history"
        return resolve(match, note)
    return current

_CAUSE_STATED = re.compile(r"^\W*(\w+\W+){0,2}(due to|d/t|2/2|secondary to|from|caused by|related to|"
                           r"associated with)\b", re.IGNORECASE)


# F06.7's "code first the underlying physiological condition, such as" list, in the words notes use
_KNOWN_CONDITION = re.compile(r"^\W*(\w+\W+){0,2}(due to|d/t|2/2|secondary to|caused by)\W+(\w+\W+){0,2}?"
                              r"(alzheimer'?s?|ad\b|hiv|huntington'?s?|lewy|frontotemporal|parkinson'?s?|pd\b|"
                              r"lupus|sle\b|traumatic brain injury|tbi\b|vitamin b|b12)", re.IGNORECASE)
_UNKNOWN_CAUSE = re.compile(r"^\W*(\w+\W+){0,3}(unknown|uncertain|undetermined|unclear) (etiology|cause)",
                            re.IGNORECASE)
# the F06.71 inclusion terms' behaviours ("with irritability", "with agitation"), not one denied ("no behavioral sx")
_BEHAVIOURAL = re.compile(r"^[^.;]{0,60}\b(with|w/)\W+(\w+\W+){0,3}?(behavio\w*|irritab\w*|aggress\w*|agitat\w*|"
                          r"apath\w*|disinhib\w*|impulsiv\w*|combative\w*)", re.IGNORECASE)


def _mild_cognitive_impairment(match: re.Match, note: str) -> tuple[str, str] | None:
    """G31.84 is the impairment of no known cause; one its own words attribute to a condition F06.7's list names is
    the mild neurocognitive disorder due to a known physiological condition (F06.70, F06.71 with a behavioural
    disturbance), the condition coded first by its own words; any other cause is a coder's."""
    after = note[match.end():match.end() + 80]
    if _KNOWN_CONDITION.search(after):
        if _BEHAVIOURAL.search(after):
            return "F06.71", "mild neurocognitive disorder due to a known condition, with behavioral disturbance"
        return "F06.70", "mild neurocognitive disorder due to a known condition"
    if _CAUSE_STATED.search(after) and not _UNKNOWN_CAUSE.search(after):
        return None
    return "G31.84", "mild cognitive impairment, so stated (of uncertain or unknown etiology)"


# F03's inclusion term "Major neurocognitive disorder NOS" with the severity its own clause states (F03.A0, F03.B0,
# F03.C0; a disturbance is read on by `dementia-disturbance`); a cause named after it is `dementia-named-cause`'s
_SEVERITY_AFTER = re.compile(r"^\W{0,3}(?P<severity>mild|moderate|severe)\b", re.IGNORECASE)
_SEVERITY_DIGIT = {"mild": "A", "moderate": "B", "severe": "C"}


def _major_neurocognitive_disorder(match: re.Match, note: str) -> tuple[str, str] | None:
    after = note[match.end():match.end() + 80]
    severity = _SEVERITY_AFTER.search(after)
    if _CAUSE_STATED.search(after) or severity is None:
        return None
    return f"F03.{_SEVERITY_DIGIT[severity.group('severity').lower()]}0", "major neurocognitive disorder NOS is " \
        "unspecified dementia, with the severity stated"


_GROUP_CODES = {"2": ("I27.22", "group 2 pulmonary hypertension (due to left heart disease)"),
                "3": ("I27.23", "group 3 pulmonary hypertension (due to lung diseases and hypoxia)"),
                "4": ("I27.24", "group 4 pulmonary hypertension (chronic thromboembolic)"),
                "5": ("I27.29", "group 5 pulmonary hypertension (other secondary)")}
_GROUP = re.compile(r"group ([2-5]|ii|iii|iv|v)\b", re.IGNORECASE)
_ROMAN = {"ii": "2", "iii": "3", "iv": "4", "v": "5"}


def _pulmonary_hypertension_group(match: re.Match, note: str) -> tuple[str, str] | None:
    group = _GROUP.search(match.group(0))
    number = _ROMAN.get(group.group(1).lower(), group.group(1)) if group else None
    return _GROUP_CODES.get(number)


_SIDE = r"(right|left|r|l|rt|lt)"
_THYROID_SITE = (rf"(the )?({_SIDE} )?(thyroid( gland)?( lobe)?|lobe of (the )?thyroid( gland)?|"
                 r"thyroid isthmus|isthmus of (the )?thyroid( gland)?)")
_PH_GROUP = r"(who |nice )?group ([2-5]|ii|iii|iv|v)\b"

_HEAD_INJURY = _word(r"concussion|head (injury|trauma)|tbi|struck (his |her |the )?head|hit (his |her |the )?head")
_HEADACHE_COURSE = _word(r"chronic|episodic|intractable|daily persistent")
_NOT_INTRACTABLE = re.compile(r"\bnot intractable\b", re.IGNORECASE)


def _transient_loss_of_consciousness(match: re.Match, note: str) -> tuple[str, str] | None:
    """Syncope: not where its sentence names a head injury, whose code carries the loss of consciousness."""
    if _HEAD_INJURY.search(sentence(note, match.start(), match.end())):
        return None
    return "R55", "transient loss of consciousness is syncope"


def _tension_type_headache(match: re.Match, note: str) -> tuple[str, str] | None:
    """G44.209 is the tension-type headache of no stated course, not stated intractable."""
    said = _NOT_INTRACTABLE.sub(" ", sentence(note, match.start(), match.end()))
    if _HEADACHE_COURSE.search(said):
        return None
    return "G44.209", "tension-type headache, not stated intractable"


_BONE_SITES = (("hips?|femoral necks?|femurs?|proximal femurs?", "M85.85", "thigh"),
               ("(lumbar |thoracic )?spine|l-?spine|t-?spine|lumbar vertebrae|vertebrae", "M85.88", "other site"),
               ("wrists?|forearms?|(distal )?radius|radii", "M85.83", "forearm"))
_BONE_SIDE = r"both |bilateral |right |left |r |l |rt |lt "
_SIDE_DIGIT = {"right": "1", "r": "1", "rt": "1", "left": "2", "l": "2", "lt": "2", "": "9"}


def _osteopenia_at_site(match: re.Match, note: str) -> tuple[str, str] | None:
    """The site's M85.8- code by the side written with it; a site of both sides (or a plural) is left."""
    side = (match.group("side") or "").strip().lower()
    site = next((code, name) for words, code, name in _BONE_SITES
                if re.fullmatch(words, match.group("site"), re.IGNORECASE))
    if side in ("both", "bilateral") or match.group("site").lower().endswith(("hips", "necks", "femurs", "wrists",
                                                                              "forearms", "radii")):
        return None
    code = site[0] if site[0] == "M85.88" else site[0] + _SIDE_DIGIT[side]
    return code, f"osteopenia of the {site[1]} (other specified disorder of bone density and structure)"


# (words, codes the term index may have found on them, resolve(match, note) -> (code, why) or None)
INDEX_ENTRY_VARIANTS = (
    (_word(r"mild cognitive impairment|mild neurocognitive disorder|mild ncd"), ("G31", "F06", "R41"),
     _mild_cognitive_impairment),
    (_word(r"major neurocognitive disorder|major ncd"), ("F03",), _major_neurocognitive_disorder),
    (_word(r"rectal (bleeding|bleed|hemorrhage|haemorrhage)|(bleeding|hemorrhage) (from|per) (the )?rectum|"
           r"bright red blood per rectum|brbpr"), ("K62", "K92", "R58"),
     fixed("K62.5", "rectal bleeding is hemorrhage of anus and rectum")),
    (_word(rf"nodule (in|of|within|involving) {_THYROID_SITE}|({_SIDE} )?thyroid lobe nodule"), ("E04", "R22"),
     fixed("E04.1", "a single thyroid nodule (nontoxic)")),
    (_word(r"(idiopathic |benign )?intracranial hypertension|pseudotumou?r cerebri"), ("I10", "I15", "G93"),
     _while_treated(fixed("G93.2", "intracranial hypertension (benign)"), "Z86.69")),
    (_word(r"ocular hypertension"), ("I10", "I15", "H40"), fixed("H40.059", "ocular hypertension")),
    (_word(rf"(pulmonary hypertension|ph),? \(?{_PH_GROUP}"), ("I27",), _pulmonary_hypertension_group),
    (_word(r"(stops|stopped|stopping) breathing|(witnessed )?pauses in (his |her |their )?breathing"), ("R06",),
     fixed("R06.81", "apnea (reported pauses in breathing)")),
    (_word(r"snores"), ("R06",), fixed("R06.83", "snoring")),
    (_word(r"(episodes?|spells?) of (brief |transient |unexplained |sudden )?loss of consciousness|"
           r"transient loss of consciousness"), ("R40", "R55"), _transient_loss_of_consciousness),
    (_word(r"headaches?((,? [\w/-]+){0,6},| (that are|are|is|of)) tension[- ]type"), ("G44", "R51"),
     _tension_type_headache),
    (_word(r"inappropriate sinus tachycardia"), ("R00", "I47"),
     fixed("I47.11", "inappropriate sinus tachycardia, so stated")),
    (re.compile(r"\bosteopenia (of|at|in|involving) (the )?(?P<side>" + _BONE_SIDE + r")?(?P<site>"
                + "|".join(words for words, _, _ in _BONE_SITES) + r")\b", re.IGNORECASE), ("M85",),
     _osteopenia_at_site),
)
