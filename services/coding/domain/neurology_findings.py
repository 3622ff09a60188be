"""Neurology codes whose characters the sentence's words settle, where the term index stops at the category's
default ("migraine" G43.909, "epilepsy" G40.909, "Parkinson's disease" G20.A1).

The tabular builds these codes from axes the note states in plain words:
- migraine (G43): the type (with aura .1, without aura .0, chronic without aura .7, menstrual .82/.83,
  unspecified .9), intractable or not (the tabular's inclusion terms for "intractable": pharmacoresistant,
  pharmacologically resistant, refractory, poorly controlled, treatment resistant) and with or without status
  migrainosus;
- epilepsy (G40): the type (localization-related idiopathic .0, with simple partial seizures .1, with complex
  partial seizures .2, generalized idiopathic .3, absence .A, juvenile myoclonic .B, unspecified .9), intractable
  and status epilepticus the same way;
- Parkinson's disease (G20.A-/G20.B-): with dyskinesia or not, with fluctuations (the tabular's "wearing-off",
  "on-off") or not;
- multiple sclerosis (G35, FY2026): relapsing-remitting G35.A, else the unspecified G35.D;
- tension-type (G44.2-) and cluster (G44.0-) headache: episodic or chronic, intractable or not;
- concussion without loss of consciousness S06.0X0, with one the sentence times at 30 minutes or less S06.0X1
  (the 7th character is the encounter's, read later).
- the index's "Syndrome, postconcussional" F07.81 for a post-concussion syndrome (its symptoms are part of it; not
  the concussion's S06 code), and "Neuropathy, idiopathic" and "Neuropathy, hereditary" G60.9, which the index
  sends "idiopathic peripheral neuropathy" to, not the polyneuropathy G62.9 the word "neuropathy" meets.
A denied axis ("not intractable", "no status migrainosus") is not stated; an axis the sentence does not name
takes the tabular's "not"/"without" character, as the index does.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.laterality import stated_side
from services.coding.domain.note_text import sentence, word_pattern as _rx

# A denial reaches the next two words, not across a comma or a sentence's end ("No hallucinations. Wearing off
# before next dose"): in "migraine without aura, intractable" the comma
# closes one axis and opens the next. It carries over "or" to the next item ("without dyskinesia or motor
# fluctuations").
_NOT_BEFORE = re.compile(r"\b(no|not|without|denies|negative for|non)\b(([^\w,;.]+\w+){0,2}|[^.,;]*\b(or|nor)"
                         r"([^\w,;.]+\w+)?)[^\w,;.]*$", re.IGNORECASE)


def denied_just_before(text: str) -> bool:
    """The last few words of the text deny what follows them ("no", "not", "without", "denies")."""
    return bool(_NOT_BEFORE.search(text))


def stated(words: re.Pattern, text: str) -> bool:
    """The words occur in the text and the few words before them do not deny them."""
    return any(not denied_just_before(text[:m.start()]) for m in words.finditer(text))


INTRACTABLE = _rx(r"intractable|refractory|pharmaco-?resistant|pharmacologically resistant|treatment[- ]resistant|"
                  r"drug[- ]resistant|poorly controlled")
_STATUS_MIGRAINOSUS = _rx(r"status migrainosus")
_WITH_AURA = _rx(r"with (visual |typical |prolonged )?aura|classic(al)? migraine")
# "migraine, no aura" is the index's "without aura"
_WITHOUT_AURA = _rx(r"without (an |any )?aura|no aura|common migraine")
_CHRONIC = re.compile(r"\bchronic (daily )?$|^,? chronic\b", re.IGNORECASE)  # right before or after "migraine"
_MENSTRUAL = _rx(r"menstrual(ly related)?|catamenial")


def _flags(text: str, status: re.Pattern) -> tuple[str, str]:
    return ("1" if stated(INTRACTABLE, text) else "0"), ("1" if stated(status, text) else "9")


def migraine(match: re.Match, note: str) -> tuple[str, str]:
    text = sentence(note, match.start(), match.end())
    intractable, status = _flags(text, _STATUS_MIGRAINOSUS)
    if _MENSTRUAL.search(text):
        code, kind = f"G43.8{'3' if intractable == '1' else '2'}{status}", "menstrual migraine"
    elif _WITH_AURA.search(text):
        code, kind = f"G43.1{intractable}{status}", "migraine with aura"
    elif _CHRONIC.search(note[max(0, match.start() - 16):match.start()]) or _CHRONIC.search(
            note[match.end():match.end() + 10]):
        code, kind = f"G43.7{intractable}{status}", "chronic migraine without aura"
    elif _WITHOUT_AURA.search(text):
        code, kind = f"G43.0{intractable}{status}", "migraine without aura"
    else:
        code, kind = f"G43.9{intractable}{status}", "migraine"
    return code, _axes(kind, intractable, status, "status migrainosus")


_STATUS_EPILEPTICUS = _rx(r"status epilepticus")
_EPILEPSY_TYPES = (("B", _rx(r"juvenile myoclonic|jme")), ("A", _rx(r"absence (epilepsy|seizures?)|petit mal")),
                   # the seizure's awareness may follow the epilepsy's name: "focal epilepsy with impaired
                   # awareness seizures"
                   ("2", re.compile(r"\b(complex partial|focal unaware|focal\b.{0,30}\bimpaired[- ]awareness)\b",
                                    re.IGNORECASE)),
                   ("1", re.compile(r"\b(simple partial|focal aware|focal\b.{0,30}\b(preserved|retained|intact)[- ]"
                                    r"awareness)\b", re.IGNORECASE)),
                   ("0", re.compile(r"\bidiopathic\b.{0,40}\b(focal|localization-related|partial)\b|"
                                    r"\b(focal|localization-related|partial)\b.{0,40}\bidiopathic\b", re.IGNORECASE)),
                   ("3", re.compile(r"\bidiopathic\b.{0,30}\bgeneralized\b|\bgeneralized\b.{0,30}\bidiopathic\b",
                                    re.IGNORECASE)))
_TYPE_NAMES = {"B": "juvenile myoclonic epilepsy", "A": "absence epilepsy", "2": "focal epilepsy with complex "
               "partial seizures", "1": "focal epilepsy with simple partial seizures", "0": "idiopathic focal "
               "epilepsy", "3": "generalized idiopathic epilepsy", "9": "epilepsy"}
_OTHER_TYPE = _rx(r"focal|localization-related|partial|generalized|lennox|dravet|spasms|myoclonic|reflex")


def epilepsy(match: re.Match, note: str) -> tuple[str, str] | None:
    """A type named but not one of the axes above ("focal epilepsy" alone) is for a coder, not the unspecified
    code."""
    text = sentence(note, match.start(), match.end())
    kind = next((char for char, words in _EPILEPSY_TYPES if words.search(text)), None)
    if kind is None and _OTHER_TYPE.search(text):
        return None
    kind = kind or "9"
    intractable, status = _flags(text, _STATUS_EPILEPTICUS)
    return f"G40.{kind}{intractable}{status}", _axes(_TYPE_NAMES[kind], intractable, status, "status epilepticus")


def _axes(kind: str, intractable: str, status: str, status_name: str) -> str:
    return (f"{kind}, {'intractable' if intractable == '1' else 'not intractable'}, "
            f"{'with' if status == '1' else 'without'} {status_name} as the sentence states")


_DYSKINESIA = _rx(r"dyskinesias?|dyskinetic")
_FLUCTUATIONS = _rx(r"fluctuations?|fluctuating|wearing[- ]off|wears off|on-off|off (periods|episodes|time)")


_TARDIVE = _rx(r"tardive")


def parkinsons(match: re.Match, note: str) -> tuple[str, str]:
    """Dyskinesia and fluctuations are read in the whole note: a follow-up names the disease, then its course
    ("Parkinson disease f/u. Now w/ wearing-off and peak-dose dyskinesias"); they are the levodopa-treated
    disease's own (G20.B-, G20.x2) unless a tardive dyskinesia, another disease's, is named."""
    text = sentence(note, match.start(), match.end()) if _TARDIVE.search(note) else note
    dyskinesia, fluctuations = stated(_DYSKINESIA, text), stated(_FLUCTUATIONS, text)
    code = f"G20.{'B' if dyskinesia else 'A'}{'2' if fluctuations else '1'}"
    return code, (f"Parkinson's disease {'with' if dyskinesia else 'without'} dyskinesia, "
                  f"{'with' if fluctuations else 'without mention of'} fluctuations")


_RELAPSING_REMITTING = _rx(r"relapsing[- ]remitting|rrms")


def multiple_sclerosis(match: re.Match, note: str) -> tuple[str, str] | None:
    text = sentence(note, match.start(), match.end())
    if _RELAPSING_REMITTING.search(text):
        return "G35.A", "relapsing-remitting multiple sclerosis"
    if _rx(r"progressive").search(text):
        return None  # primary or secondary progressive, active or not: for a coder
    return "G35.D", "multiple sclerosis of no stated course"


_EPISODIC, _CHRONIC_TTH = _rx(r"episodic|infrequent|frequent"), _rx(r"chronic")


def _headache(category: str, name: str):
    """G44.0- cluster, G44.2- tension-type: episodic x1-, chronic x2-, else unspecified x0-; intractable 1, else 9."""
    def resolve(match: re.Match, note: str) -> tuple[str, str]:
        text = sentence(note, match.start(), match.end())
        kind = "2" if _CHRONIC_TTH.search(text) else "1" if _EPISODIC.search(text) else "0"
        intractable = "1" if stated(INTRACTABLE, text) else "9"
        return f"{category}{kind}{intractable}", f"{name} as the sentence states"
    return resolve


_PERONEAL_BY_SIDE = {"right": "G57.31", "left": "G57.32", "bilateral": "G57.33", None: "G57.30"}


def peroneal_mononeuropathy(match: re.Match, note: str) -> tuple[str, str]:
    """"Neuropathy, peroneal" is the index's lesion of the lateral popliteal nerve G57.3-, by the side its sentence
    names; not the mononeuropathy G58.9 nor the polyneuropathy G62.9 the words alone meet."""
    side = stated_side(sentence(note, match.start(), match.end()))
    return _PERONEAL_BY_SIDE[side], "a peroneal (lateral popliteal) nerve lesion" + (f" ({side})" if side else "")


_NO_LOC = _rx(r"no loc|without loc|without loss of consciousness|no loss of consciousness|did not lose consciousness|"
              r"denies loc")


# a loss of consciousness the sentence times ("LOC <1 min", "lost consciousness for about 10 minutes", the time in
# brackets after it: "brief LOC (about 1 min)"); "brief" is no duration the tabular names
_TIMED_LOC = _rx(r"(loc|loss of consciousness|lost consciousness),? \(?(for |of |x |lasting )?(about |approx\.? |~ ?|"
                 r"< ?|less than |under )?(?P<count>\d+|a few|several) ?(?P<unit>s|secs?|seconds?|mins?|minutes?)")


def _loc_of_30_minutes_or_less(text: str) -> bool:
    """A loss of consciousness timed in seconds or in up to 30 minutes."""
    for m in _TIMED_LOC.finditer(text):
        count = m.group("count")
        if m.group("unit").lower().startswith("s") or not count.isdigit() or int(count) <= 30:
            return True
    return False


def concussion(match: re.Match, note: str) -> tuple[str, str] | None:
    """"Without loss of consciousness" (S06.0X0) and a loss of consciousness the sentence times at 30 minutes or
    less (S06.0X1) settle the 5th-6th characters from the words; a longer, untimed or only "brief" one is for a
    coder."""
    text = sentence(note, match.start(), match.end())
    if _NO_LOC.search(text):
        return "S06.0X0", "concussion without loss of consciousness"
    if _loc_of_30_minutes_or_less(text):
        return "S06.0X1", "concussion with loss of consciousness of 30 minutes or less"
    return None


# every word the table's patterns need, searched once before them
NEUROLOGY_WORDS = re.compile(r"migraine|epilepsy|seizure disorder|\bjme\b|parkinson|sclerosis|\brrms\b|concussi|"
                             r"headache|syncope|neuropathy|peroneal|fibular", re.IGNORECASE)
# (words, codes the index may have found on them, resolve)
NEUROLOGY_FINDINGS = (
    (_rx(r"migraines?"), ("G43", "R51"), migraine),
    (_rx(r"epilepsy|seizure disorder|jme"), ("G40",), epilepsy),
    (_rx(r"parkinson'?s disease|parkinson disease|parkinson'?s"), ("G20",), parkinsons),
    (_rx(r"multiple sclerosis|rrms"), ("G35",), multiple_sclerosis),
    (_rx(r"(?<!post-)(?<!post )concussion"), ("S06",), concussion),
    (_rx(r"post-?concussion(al)? syndrome|post-?concussive syndrome"), ("S06", "F07"),
     lambda match, note: ("F07.81", "postconcussional syndrome")),
    (_rx(r"(idiopathic|hereditary) (peripheral )?(poly)?neuropathy"), ("G62", "G60", "G64"),
     lambda match, note: ("G60.9", "hereditary and idiopathic neuropathy")),
    (_rx(r"tension[- ]type headaches?|tension headaches?"), ("G44", "R51"), _headache("G44.2", "tension-type headache")),
    (_rx(r"cluster headaches?"), ("G44", "R51"), _headache("G44.0", "cluster headache")),
    # "Syncope (near) (pre-)" and "Syncope, vasovagal" are R55; the index's other kinds (orthostatic I95.1, heat
    # T67.1, carotid sinus G90.01, tussive R05.4, psychogenic F48.8) are not read here
    (_rx(r"(?<!orthostatic )(?<!heat )(?<!sinus )(?<!tussive )(?<!psychogenic )"
         r"((vasovagal|neurocardiogenic) )?syncope|presyncope|near[- ]syncope"), ("R55",),
     lambda match, note: ("R55", "syncope")),
    (_rx(r"((common|deep|superficial) )?(peroneal|fibular) (nerve )?(mono)?neuropathy|(peroneal|fibular) (nerve )?"
         r"(palsy|lesion|compression|entrapment)"), ("G57", "G58", "G62"), peroneal_mononeuropathy),
)

_SINGLE_NERVE = re.compile(r"\b(median|ulnar|radial|peroneal|fibular|tibial|sciatic|femoral|facial|trigeminal|"
                           r"lateral femoral cutaneous|axillary|suprascapular)\s+(nerve\s+)?(mono)?neuropathy",
                           re.IGNORECASE)


@needs(codes=("G62.9",))  # it drops nothing else
def single_nerve_neuropathy(suggestions: list, note: str, tabular) -> tuple[list, list[str]]:
    """"Median neuropathy" is a lesion of one nerve (G56-G58 by nerve and side), not the index's polyneuropathy
    G62.9 for "neuropathy": G62.9 on such words is dropped; the nerve's code is for a coder or the finding
    that names the syndrome (carpal tunnel syndrome)."""
    spans = [m.span() for m in _SINGLE_NERVE.finditer(note)]
    if not spans:
        return suggestions, []
    dropped = [s for s in suggestions if s.code == "G62.9" and any(a <= s.start < b for a, b in spans)]
    return [s for s in suggestions if s not in dropped], [f"{s.evidence}: a single nerve, not polyneuropathy G62.9"
                                                          for s in dropped]
