"""Social determinants of health (Z55-Z65): the circumstances of the patient's life a note documents, in the
words clinics use for the tabular's titles and inclusion terms ("lives alone" for "Problems related to living
alone", "sleeping in his car" for "Unsheltered homelessness: residing in place not meant for human habitation such
as cars", "uninsured" for "Insufficient health insurance coverage", "cockroach infestation" for "Other inadequate
housing: pest infestation"), and the same way the occupational exposures (Z57) and the lifestyle and
life-management problems a note records beside them (lack of exercise Z72.3, poor diet Z72.4, burn-out Z73.0,
stress Z73.3), and a relative's alcoholism or drug addiction named as the family's problem (Z63.72).
Guideline I.B.14 lets these codes rest on any clinician's documentation, and I.C.21.c.17 asks for them wherever
the note records them, since they tell the payer what shapes the care.

Read only as the patient's present circumstance: not denied ("not homeless", "food insecurity screen negative"),
not a relative's ("her son is unemployed"), not past ("formerly homeless", "was homeless until 2022"), and not a
circumstance named only as when or why another condition began or worsens ("adjustment disorder after a recent
divorce", "anxiety, worse with work stress"), which places it in the story of that diagnosis rather than
documenting it as a problem of its own. A code that is itself a history (Z62.810, abuse in childhood) is read
under its history words.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import (
    negated_before,
    sentence,
    sentence_end,
    sentence_start,
)
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.pattern_literals import NOTE_WORDS, Prefilter
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "social-determinant"

_SHELTER = _rx(r"(homeless |emergency |family |women'?s )?shelters?|transitional housing")
_UNSHELTERED = (r"(living|lives|sleeping|sleeps|staying|stays|lived) (in (his|her|their|a|the) (car|truck|van|tent)|"
                r"on the streets?|outside|outdoors|in (a|the) park|in an? (homeless )?(encampment|camp)|"
                r"in an abandoned building)")
_HOMELESS = _rx(r"homeless(ness)?|unhoused|undomiciled|no (fixed|permanent|stable) (address|abode|residence)|"
                r"without (a )?(home|housing)")


def _occupational(agents: str) -> re.Pattern:
    """The three ways a note words an exposure at work: "occupational dust exposure", "occupational exposure to
    dust", "dust exposure at work"."""
    return _rx(rf"occupational ({agents}) exposure|occupational exposure to ({agents})|({agents}) exposure at work")

# (code, the note's words for it, the tabular's title); the first row whose words match gives the code
ROWS: tuple[tuple[str, re.Pattern, str], ...] = (
    ("Z59.811", _rx(r"(facing|pending|threatened with|notice of|at risk of|risk of) (an )?eviction|eviction notice|"
                    r"being evicted|(behind|late) (on|with) (the |his |her |their )?rent|"
                    r"at risk of (becoming )?homeless(ness)?"),
     "housing instability, housed, with risk of homelessness"),
    ("Z59.02", _rx(_UNSHELTERED), "unsheltered homelessness"),
    ("Z59.00", _HOMELESS, "homelessness"),
    ("Z59.19", _rx(r"(pest|cockroach|roach|rodent|mouse|mice|rat|bed ?bug) infestation|"
                   r"infested with (cockroaches|roaches|mice|rats|bed ?bugs)"), "other inadequate housing"),
    ("Z59.10", _rx(r"inadequate housing|substandard housing|unsafe housing|poor housing conditions"),
     "inadequate housing"),
    ("Z59.12", _rx(r"(utilities|electricity|power|water|gas|heat) (was |were |has been |have been )?"
                   r"(shut|turned|cut) off|"
                   r"no (running water|electricity) (at home|in the (home|house|apartment))"),
     "inadequate housing utilities"),
    ("Z59.41", _rx(r"(runs?|running|ran) out of food|not enough (food|to eat)|"
                   r"(cannot|can't|can not|unable to) afford (food|groceries|to eat)|goes? hungry|"
                   r"skips? meals (because|due to|for lack of) (of )?(money|cost|funds)"),
     "food insecurity"),
    ("Z59.861", _rx(r"(difficulty|trouble) paying (for )?(the |his |her |their )?"
                    r"(utilities|utility bills?|electric bills?)|"
                    r"(cannot|can't|unable to) pay (the |his |her |their )?(utility|electric|gas|heating) bills?"),
     "financial insecurity, difficulty paying for utilities"),
    ("Z59.868", _rx(r"bankruptcy|bankrupt"), "other specified financial insecurity"),
    ("Z59.869", _rx(r"financial (insecurity|strain|hardship|stress)|"
                    r"(cannot|can't|unable to) pay (his|her|their) bills|(difficulty|trouble) paying (the )?bills"),
     "financial insecurity"),
    ("Z59.87", _rx(r"material hardship"), "material hardship due to limited financial resources"),
    ("Z59.6", _rx(r"low[- ]income"), "low income"),
    ("Z59.71", _rx(r"uninsured|underinsured|insufficient (health |medical )?insurance|"
                   r"no (health |medical )?insurance( coverage)?(?! (auth\w*|approval))|"
                   r"without (health |medical )?insurance|lost (his|her|their) (health )?insurance"),
     "insufficient health insurance coverage"),
    ("Z59.82", _rx(r"transportation insecurity|no (reliable )?transportation|lacks? (reliable )?transportation|"
                   r"lack of (reliable )?transportation|(cannot|can't|unable to) (get|find) (a )?(ride|transportation)|"
                   r"transportation (barriers?|problems|difficult(y|ies))|no (car|ride) to (get to )?(appointments|"
                   r"the clinic|visits)"),
     "transportation insecurity"),
    ("Z60.2", _rx(r"lives alone|living alone|lives by (himself|herself|themself)|lives on (his|her|their) own"),
     "problems related to living alone"),
    ("Z56.0", _rx(r"unemployed|unemployment|out of work|jobless|laid off"), "unemployment"),
    ("Z56.2", _rx(r"(at risk of|threatened with|fears?|afraid of) losing (his|her|their) job|job insecurity"),
     "threat of job loss"),
    ("Z56.6", _rx(r"(job|work|workplace|occupational)[- ]related stress|(job|work|workplace) stress|stress at work"),
     "other physical and mental strain related to work"),
    ("Z55.6", _rx(r"(low|limited|poor|inadequate) health literacy"), "problems related to health literacy"),
    ("Z55.0", _rx(r"illiterate|illiteracy|(cannot|can't|unable to) read (or|and) write"),
     "illiteracy and low-level literacy"),
    ("Z63.5", _rx(r"recent(ly)? (divorced|separated)|recent (divorce|separation)|divorce (was |is )?finali[sz]ed|"
                  r"going through (a |his |her )?divorce|(in the )?(middle|process) of (a |his |her )?divorce"),
     "disruption of family by separation and divorce"),
    ("Z63.6", _rx(r"(sole |primary |main |full[- ]time )?caregiver (for|to|of) (his|her|their) "
                  r"(\w+ )?(wife|husband|spouse|partner|mother|father|parents?|son|daughter|child|sister|brother)|"
                  r"cares for (his|her|their) (\w+ )?(wife|husband|spouse|partner|mother|father|parents?|son|"
                  r"daughter|child|sister|brother) at home"),
     "dependent relative needing care at home"),
    ("Z63.0", _rx(r"marital (conflict|discord|problems|stress|difficulties)"),
     "problems in relationship with spouse or partner"),
    ("Z65.2", _rx(r"released from (prison|jail|incarceration|custody)|release from (prison|jail)"),
     "problems related to release from prison"),
    ("Z65.1", _rx(r"currently (incarcerated|in (jail|prison))"), "imprisonment and other incarceration"),
    ("Z62.21", _rx(r"in foster care|foster child|lives in a foster home"), "child in welfare custody"),
    ("Z62.810", _rx(r"(childhood|child) (sexual|physical) abuse|(sexual|physical) abuse (in|during) childhood|"
                    r"(sexually|physically) abused as a child"),
     "personal history of physical and sexual abuse in childhood"),
    ("Z63.4", _rx(r"bereavement|bereaved|grieving|recently widowed|(husband|wife|spouse|partner|son|daughter|child|"
                  r"mother|father|brother|sister) (died|passed away) (\d+|a|one|two|three|a few|several) "
                  r"(days?|weeks?|months?) ago"),
     "disappearance and death of family member"),
    ("Z65.4", _rx(r"victim of (a |an )?(violent )?(crime|assault|robbery|mugging|home invasion|carjacking|terrorism|"
                  r"torture)|crime victim"), "victim of crime and terrorism"),
    ("Z55.3", _rx(r"(failing|failed) (\w+ )?(classes|courses|subjects)|poor (school|academic) performance|"
                  r"(academic )?underachievement( in school)?"), "underachievement in school"),
    ("Z57.0", _occupational(r"(loud )?noise"), "occupational exposure to noise"),
    ("Z57.2", _occupational(r"((silica|coal|wood|grain|cement) )?dust|asbestos"), "occupational exposure to dust"),
    ("Z57.5", _occupational(r"solvents?|chemicals?|lead"), "occupational exposure to toxic agents in other industries"),
    ("Z57.7", _occupational(r"((whole-body|hand-arm) )?vibration"), "occupational exposure to vibration"),
    ("Z72.3", _rx(r"lack of (physical )?exercise|physical(ly)? inactiv(e|ity)|sedentary (lifestyle|most of the day)|"
                  r"no regular (exercise|physical activity)|(does not|doesn't) exercise"), "lack of physical exercise"),
    ("Z72.4", _rx(r"(inappropriate|poor|unhealthy) (diet|eating habits|dietary habits)"),
     "inappropriate diet and eating habits"),
    ("Z73.0", _rx(r"burn-?out|burned out|burnt out"), "burn-out"),
    # a relative's addiction as the household's present problem, in the tabular's words; "father's alcoholism" alone
    # is as often his history (Z81.1)
    ("Z63.72", _rx(r"(alcoholism|alcohol dependence|(drug|opioid|substance) addiction)"
                   r"( and (drug|opioid|substance) addiction)? in "
                   r"(the )?family"), "alcoholism and drug addiction in family"),
    # stress the patient reports or the list heads on its own; not a stress test, fracture or incontinence, and not
    # the strain of work (Z56.6, above) or a stress disorder
    ("Z73.3", _rx(r"(feels?|feeling|reports?|under) (a lot of |much |significant )?stress(ed)?|"
                  r"stressed (lately|out)|(?<=\d\. )stress(?=\s*[-:])"), "stress, not elsewhere classified"),
)
# the words without which a row cannot match: most notes hold none, and one scan of the note skips the rows
_PREFILTER_PATTERNS = tuple(dict.fromkeys(pattern for _, pattern, _ in ROWS))
_PREFILTER = Prefilter(_PREFILTER_PATTERNS, scan=NOTE_WORDS)
_RELATIVE = re.compile(r"\b(mother|father|mom|dad|sister|brother|sibling|grand(mother|father|parents?)|aunt|uncle|"
                       r"parents?|daughter|son|child(ren)?|wife|husband|spouse|partner|boyfriend|girlfriend|"
                       r"roommate|friend|neighbou?r)\b", re.IGNORECASE)
_PAST = _rx(r"formerly|previously|history of|h/o|hx of|used to be|in the past|prior|past")
_WAS = _rx(r"was|were")  # "was homeless until last year"; but "was laid off" is the unemployment itself
_DENIES = _rx(r"denies|denied|negative for|not")
_REPORTER = re.compile(r"\b(mother|father|mom|dad|sister|brother|grandmother|grandfather|parents?|daughter|son|wife|"
                       r"husband|spouse|partner|caregiver)\s+(reports?|says|states|notes|adds|describes|mentions|"
                       r"confirms)(\s+that)?\b", re.IGNORECASE)
_PAST_AFTER = re.compile(r"^[^.;\n]{0,30}?\b(until|in (19|20)\d\d|years ago|in the past|previously|"
                         r"no longer|resolved)\b", re.IGNORECASE)
# a circumstance named as when or why another condition began or worsens: "since his divorce", "worse with work stress"
_ONSET_ANCHOR = re.compile(r"\b(after|since|following|when|worse with|worsened by|worsens with|triggered by|due to|"
                           r"related to|from)\s+((his|her|their|a|an|the)\s+)?$", re.IGNORECASE)
_DENIED_AFTER = re.compile(r"^\s*(screen(ing)?\s*)?([:\-]\s*|(is|was)\s+)"
                           r"(negative|none|denied|no\b|not (present|an issue))", re.IGNORECASE)
_CLAUSE_MARK = re.compile(r"[;:(]")
# the rows whose words name a relative themselves: caring for one, or losing one, is the patient's circumstance
_RELATIVE_IN_WORDS = {"Z63.6", "Z63.4", "Z63.72"}
_ADDICTION_HISTORY = {"Z81.1", "Z81.3"}
# the rows whose code is itself a history: "history of childhood sexual abuse" is Z62.810, not a past one
_HISTORY_IN_CODE = {"Z62.810"}


@needs(patterns=_PREFILTER_PATTERNS)
def social_determinants(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    possible = _PREFILTER.possible(note)
    if not possible:
        return suggestions, []
    found = {s.code for s in suggestions if s.confidence >= 0.9}
    made: dict[str, Suggestion] = {}
    for code, pattern, title in ROWS:
        if pattern not in possible or code in found or code in made:
            continue
        match = next((m for m in pattern.finditer(note) if _present(note, m, code)), None)
        if match is None:
            continue
        code = _homeless_kind(note, match) if code == "Z59.00" else code
        if code in found or code in made or not tabular.is_billable(code):
            continue
        made[code] = from_rule(code, match, tabular, NAME, f"{match.group(0)}: {code}, {title}")
    if "Z59.811" in made and ({"Z59.00", "Z59.01", "Z59.02"} & made.keys()):
        del made["Z59.811"]  # the risk of homelessness read beside homelessness itself is that homelessness
    if not made:
        return suggestions, []
    # a relative's addiction the note records as the family's present problem is not also a family history of it
    dropped = set(made) | (_ADDICTION_HISTORY if "Z63.72" in made else set())
    kept = [s for s in suggestions if s.code not in dropped]
    return [*kept, *made.values()], [s.reason for s in made.values()]


def records(note: str, code: str) -> bool:
    """Whether the note records the circumstance of this row as the patient's own, now."""
    return any(_present(note, match, code) for row_code, pattern, _ in ROWS if row_code == code
               for match in pattern.finditer(note))


def _clause_before(note: str, start: int) -> str:
    text = note[sentence_start(note, start):start]
    marks = list(_CLAUSE_MARK.finditer(text))
    return text[marks[-1].end():] if marks else text


def _present(note: str, match: re.Match, code: str) -> bool:
    """The patient's own circumstance now: not denied, a relative's, past, or only when a symptom began."""
    lead = _clause_before(note, match.start())
    # a lack the words name themselves ("no car and no transportation") is no denial of it
    if match.group(0).lower().startswith(("no ", "not ", "without ", "lack")):
        if _DENIES.search(lead):
            return False
    elif negated_before(note, match.start()):
        return False
    if code not in _RELATIVE_IN_WORDS and _RELATIVE.search(_REPORTER.sub(" ", lead)):
        return False
    if code in _HISTORY_IN_CODE:
        return _ONSET_ANCHOR.search(lead) is None
    if _PAST.search(lead) or _ONSET_ANCHOR.search(lead) or (code != "Z56.0" and _WAS.search(lead)):
        return False
    rest = note[match.end():sentence_end(note, match.end())]
    return _PAST_AFTER.search(rest) is None and _DENIED_AFTER.search(rest) is None


def _homeless_kind(note: str, match: re.Match) -> str:
    """Sheltered or unsheltered as the sentence says where the patient stays; unspecified otherwise."""
    around = sentence(note, match.start(), match.end())
    if re.search(_UNSHELTERED, around, re.IGNORECASE) or re.search(r"\b(car|street|tent|encampment)\b", around,
                                                                   re.IGNORECASE):
        return "Z59.02"
    if _SHELTER.search(around):
        return "Z59.01"
    return "Z59.00"
