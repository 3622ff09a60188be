"""How the guideline rules read a note around a mention: its sentence, and whether the mention is stated as a
current condition or only negated, uncertain, historical or about a relative.

The suggester's ConText reading covers the terms the ICD-10-CM index finds; the rules that find conditions the
index does not reach ("pneumonia", "h/o colon cancer") read these plainer cues. Every cue errs towards not
coding: a condition missed goes to a coder, a condition coded that the note does not state is a wrong claim.
"""
import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache

from services.coding.domain.context_triggers import (ANTICIPATORY_BEFORE, DENIAL_AFTER, DENIAL_BEFORE,
                                                     NOT_A_DENIAL_AFTER_NO, PREVENTION_TREATS,
                                                     PROPHYLAXIS_BEFORE, VERDICT_BEFORE)
from services.coding.domain.dated_past import AFFIRMED_ITEM
from services.coding.domain.denial_reach import closed_by_a_dash
from services.coding.domain.form_answers import ANSWERED_NO_AFTER
from services.coding.domain.section_headings import section_of
from services.coding.domain.workup_aim import AIM_BEFORE, aim_of_a_workup
from services.coding.domain.note_context import (
    COMPLETED_AFTER_CUE, COMPLETED_COURSE_CUE, HYPOTHETICAL as HYPOTHETICAL_SCOPE, LIST_STATUS_PAST, MEASURED_ZERO,
    NOT_ESTABLISHED_CUE, SUPERSEDED_CUE,
    NOT_STATED_RULES, PAST_RULES, TEMPLATE_NEGATIVE, TEST_SUBJECT, UNCHECKED_BOX, WordGated, mention_scope,
    screened,
)

_MARKS = ".;\n"
_FULL_STOPS = ".\n"


NEGATION = re.compile(r"\b(no" + NOT_A_DENIAL_AFTER_NO + "|not|denies|denied|without|negative for|free of|resolved|" +
                      "|".join(DENIAL_BEFORE) + r")\b", re.IGNORECASE)
_NEGATION_CUES = WordGated(NEGATION)
NEGATED_AFTER = re.compile(r"^[\s,:(-]*((is |are |was |has |now |since |fully |completely )*(none|absent|negative|resolved|"
                           r"healed(?! (in|with) )|cleared|repleted|ruled out|excluded(?! from)|denied|gone|" + DENIAL_AFTER + ")|"
                           + NOT_ESTABLISHED_CUE + r")\b|" + MEASURED_ZERO + "|" + ANSWERED_NO_AFTER, re.IGNORECASE)
SUPERSEDED = re.compile(SUPERSEDED_CUE, re.IGNORECASE)
# up to five words after the condition, the course that treated it ("admitted for CAP, completed levofloxacin") or
# a problem list's status ("Concussion 2021 - historical", "Graves no longer active")
_PAST_AFTER = re.compile(r"^\W{0,3}(\w+\W+){0,5}(" + COMPLETED_AFTER_CUE + "|" + LIST_STATUS_PAST +
                         r"|no longer active)\b", re.IGNORECASE)
_PAST_AFTER_CUES = WordGated(_PAST_AFTER)
# the patient's fear or reading names no diagnosis nor a complaint: "worried she may have MS", "read online about
# lupus; reassured"; nor does a fear that he has it already ("wife worried he has dementia")
FEARED_OR_READ_ABOUT = (r"(concerned|worried|worries|afraid|fears?) (that )?(s?he|they|pt|patient|i) ((may|might|could) "
                        r"(have|be developing)|has|have|had|is developing)|"
                        r"(read|reading|researched|looked) (\w+ )?(online|up)( about| on)?|"
                        r"(read|reading|researched) about")
# a condition another person (or the patient) only raises, named right after the words that raise it: "Mother asked
# about ADHD", "daughter read about lupus", "father requests evaluation for epilepsy", "pt fears RA"; not the
# patient's own one asked about ("pt asks about his gout")
RAISED_BY_ANOTHER_BEFORE = (r"(?:\b(?:mother|mom|father|dad|parents?|daughter|son|sister|brother|wife|husband|spouse|"
                            r"partner|family|teachers?|school|daycare|pcp|pediatrician|pt|patient|s?he) "
                            r"(?:has |have |had |is |was )?(?:asked|asks|asking|inquired|inquires|inquiring|read|reads|"
                            r"reading|researched|worried|worries|concerned|wonders|wondering)(?: online| up)? "
                            r"(?:about|re|regarding)\s+|\b(?:requests?|requested|requesting) (?:an? )?eval(?:uation)? "
                            r"for\s+|\bfears?\s+|\bafraid of\s+)(?:(?!(?:his|her|their|my)\b)[\w-]+\s+)?$")
_RAISED_BY_ANOTHER = WordGated(re.compile(RAISED_BY_ANOTHER_BEFORE, re.IGNORECASE))
# Outpatient uncertain diagnoses are not coded as if established (ICD-10-CM guidelines IV.H): the cue before
# the condition, or right after it ("pneumonia is likely", "pneumonia versus bronchitis").
# the words that may stand between "consider" and the diagnosis it proposes: any but an article, a preposition or
# a conjunction, which make what is considered something else ("a statin for hyperlipidemia", "PT and knee OA")
PROPOSED_DIAGNOSIS_QUALIFIER = (r"(?!(a|an|the|for|of|to|with|w/|and|or|if|in|on|at|by|from|due|given|since|before|after|"
                                r"when|while|because|as|re|regarding)\b)[\w'/.-]+")
UNCERTAIN_BEFORE = re.compile(r"(\br/o\b|\brule out\b|\bruling out\b|\bpossible\b|\bpossibly\b|\bprobable\b|"
                              r"\bprobably\b|\bsuspected\b|\bsuspect\b|\blikely\b|\bversus\b|\bvs\b\.?|"
                              r"\bcannot exclude\b|\bcannot rule out\b|\bquestionable\b|\bconcern for\b|"
                              # the patient's worry names no diagnosis: "pt concerned re pneumonia"
                              r"\b(concerned|worried|worries|anxious) (about|re|regarding|over)\b|"
                              r"\b(" + FEARED_OR_READ_ABOUT + r")\b|"
                              r"\bworrisome for\b|\bsuspicious for\b|\bevaluate for\b|"
                              # not a pre-operative visit's: "pre-op evaluation for L TKA (primary OA)"
                              r"(?<!pre-op )(?<!preop )(?<!pre-operative )(?<!preoperative )\beval(uation)? for\b|"
                              r"\bconsistent with\b|\bcompatible with\b|"
                              r"\bworking diagnosis\b|\bpresumed\b|\bpresumptive\b|"
                              # a question the writer leaves open: "question of iron deficiency anemia"
                              r"\b(a |the )?question of\b|"
                              # the writer's own musing: "I wonder about reflux", "wondering whether asthma"
                              r"\b(i )?wonder(ing)? (about|whether|if)\b|"
                              # a question another raised, not the writer's diagnosis: "teacher raised ADHD",
                              # "daycare questions autism"
                              r"\b(teachers?|school|parents?|mom|mother|father|dad|daycare|pcp|pediatrician) (has |have )?"
                              r"(raised|raises|brought up|asked about|asks about|questions?|questioned|queried|wonders? about|suspects?)\b|"
                              # a work-up's aim: "ultrasound to exclude gallstones", "does not exclude epilepsy"
                              r"\b(to|will|not) exclude\b|"
                              # not the blood count's: "CBC with differential", "differential count"
                              r"(?<!with )(?<!w/ )\bdifferential\b(?! count)|\bdifferential (diagnos\w*|dx)\b|\bddx\b|\?|"
                              # a doubt is uncertain too: "unlikely pneumonia", "doubt appendicitis", "low
                              # suspicion for PE" (guideline IV.H's "or other similar terms")
                              r"\bunlikely\b|\b(less|not) likely\b|\bdoubt(ful)?\b|\blow (clinical )?suspicion (for|of)\b|"
                              # findings weighed against it: "exam argues against PE"
                              r"\bargues? against\b|"
                              # a diagnosis only proposed, right before it: "consider early RA", "may represent
                              # early gout", its qualifiers between ("consider mild gastritis", "consider chronic
                              # hepatitis C"); not "consider a statin for hyperlipidemia": what is considered is the drug
                              r"\bconsider(ing)?\s+(" + PROPOSED_DIAGNOSIS_QUALIFIER + r"\s+){0,2}$|\b(may represent|might represent|could represent|may reflect|may be|could be)\s+(early\s+)?$|"
                              + RAISED_BY_ANOTHER_BEFORE + "|"
                              # what a work-up is to establish: "workup for gout", "query MS", "concerning for RA"
                              + AIM_BEFORE + ")",
                              re.IGNORECASE)
_DOUBT_BEFORE = WordGated(UNCERTAIN_BEFORE)
# a list item's dash before its status reads as the comma does: "2. Gastritis - possible"
UNCERTAIN_AFTER = re.compile(r"^[\s,]*(-\s*)?(\S*-?(related|induced|associated) \w+ )?(is |are |was )?(likely|probable|possible|"
                             r"suspected|presumed|unlikely|(less|not) likely|not suspected|doubtful|"
                             r"versus|vs\b|"
                             r"not excluded|cannot be excluded|cannot be ruled out|ruled out|to be (excluded|ruled out)|\?|"
                             # awaiting its proof: "hypothyroidism, to be confirmed - TSH pending"
                             r"to be confirmed|not yet confirmed|unconfirmed|"
                             # "gout is on the differential"
                             r"(also )?(on|in) the differential\b|(also )?(on|in) the ddx\b)", re.IGNORECASE)
# A denial or doubt written after the condition, as a list item's status or a work-up's verdict ("GERD - unlikely",
# "asthma: negative workup", "sarcoid was considered but excluded", "AFib (-)"); not "likely" or "possible", which
# after a comma or dash name a cause ("exacerbation, likely viral")
_DOUBTS_AFTER = (r"((is|are|was) )?(ruled out|excluded(?! from)|unlikely|(less|not) likely|not suspected|doubtful|"
                 r"low suspicion\b(?! (for|of)\b)|not consistent with|not supported|not favou?red|"
                 # a doubt in other words: "gout felt unlikely", "PE improbable", "OSA is a consideration", "MS
                 # remains unproven", "lupus cannot be confirmed", "lupus (questionable)", "GERD - not the cause"
                 r"(felt|thought|deemed|judged) (to be )?(unlikely|improbable|less likely)|improbable|"
                 r"(remains? )?(a consideration|unproven|not proven)\b|"
                 # (spelt out, so that the word gate holds the whole phrase and not "confirmed" alone)
                 r"cannot be confirmed|can not be confirmed|can't be confirmed|could not be confirmed|"
                 r"couldn't be confirmed|cannot be established|"
                 r"questionable(?=\s*($|[,;.)]))|not the cause\b|"
                 # its work-up's verdict: "gout w/u negative", "lupus workup neg"
                 r"(w/u|work-?up|eval(uation)?) (was |is )?(negative|neg|unremarkable)\b|"
                 r"negative\b(?! for)|vs\b|versus|(was )?considered,? (but |and )?(excluded|ruled out|not supported)|\(-\)|"
                 # a bare "r/o" closing the condition's clause: "hypothyroidism r/o;"
                 r"(r/o|rule out)(?=\s*($|[,;)])))")
# (a status in parentheses reads as after a dash: "panic disorder (r/o)")
DOUBTED_AFTER = re.compile(r"^[\s,:]*(-\s*|\(\s*)?" + _DOUBTS_AFTER, re.IGNORECASE)
# the same after the item's own qualifier, the type or feature its code differs by: "ADHD, combined type - ruled
# out", "migraine with aura not consistent with hx"; after a comma only the words a code's siblings differ by, so
# that "chest pain, ACS ruled out" doubts the ACS and not the pain
_SIBLING_WORDS = (r"type|episode|current|most|recent|depressed|manic|hypomanic|mixed|combined|predominantly|"
                  r"inattentive|hyperactive|impulsive|mild|moderate|severe|recurrent|single|right|left|bilateral|"
                  r"dominant|non-?dominant|side|intractable|not|initial|subsequent|encounter|unspecified")
# (a stroke's late effect is qualified by the stroke and the side it affects: "hemiplegia following cerebral
# infarction affecting right dominant side"; a migraine by its aura: "migraine aura less likely")
_SIBLING_QUALIFIER = r",\s*((" + _SIBLING_WORDS + r")\b[\s,]*){1,6}"
_QUALIFIER = (r"(" + _SIBLING_QUALIFIER + r"|\s(with|without|w/o?|of|following|affecting)\s"
              r"(?:(?!\b(?:and|or|but|vs|versus)\b)[\w'/ ]){1,40}?|\saura)")
QUALIFIED_DOUBTED_AFTER = re.compile(r"^" + _QUALIFIER + r"\s*[-:]?\s*" + _DOUBTS_AFTER, re.IGNORECASE)
# a qualified name answered no on a form or a review of systems ("ADHD, combined type: No", "ROS: migraine without
# aura -"), closed as resolved in a problem list ("bipolar disorder, current episode depressed, moderate (resolved)")
# or named as a risk ("counseled on ADHD, combined type risk"; after "with" only words no risk is graded by, so that
# "CAD with high CV risk" keeps the CAD)
_RISK_QUALIFIER = (r"(" + _SIBLING_QUALIFIER + r"|\s(with|without|w/o?|following|affecting)\s(?:(?!\b(?:and|or|but|vs|"
                   r"versus|high|low|moderate|increased|elevated|cv|cardiovascular|ascvd|bleeding|fall|fracture|stroke|"
                   r"cardiac)\b)[\w'/ ]){1,40}?)")
QUALIFIED_NOT_CURRENT_AFTER = re.compile(
    r"^(" + _QUALIFIER + r"(\s*\((resolved|inactive|historical)\)|" + ANSWERED_NO_AFTER.removeprefix("^") + r")|"
    + _RISK_QUALIFIER + r"\s+risk\b)", re.IGNORECASE)


_DOUBTS_AFTER_CUES = WordGated(DOUBTED_AFTER)  # the qualified pattern needs one of its words too


def doubted_after(following: str) -> bool:
    """The words after a condition, to its sentence's end, deny or doubt it, directly or after its qualifier."""
    return _DOUBTS_AFTER_CUES.may_match(following) and bool(DOUBTED_AFTER.search(following)
                                                            or QUALIFIED_DOUBTED_AFTER.search(following))


# "prior to" an event, and a result "on prior labs", do not place a condition in the past
HISTORY = re.compile(r"\b(h/o|hx of|history of|past medical history|pmh|s/p|status post|previous|"
                     r"prior(?! to| labs?| results?| tests?| studies| imaging)|"
                     r"former|treated for|in remission|no recurrence|no evidence of recurrence|"
                     + COMPLETED_COURSE_CUE + r")\b", re.IGNORECASE)
_HISTORY_CUES = WordGated(HISTORY)
HYPOTHETICAL = re.compile(r"\b(if|should|return for|watch for|monitor for|signs of|risk of|at risk for|to prevent|"
                          r"prevention of|precautions|in case of|unless|risk factors? (for|of)|"
                          r"((to be|to|will|get|getting) )?tested for|(to|will|get|getting) test for|testing for|"
                          r"(to|will) check for|checked for|checking for|" + "|".join(ANTICIPATORY_BEFORE) + r")\b", re.IGNORECASE)
FAMILY = re.compile(r"\b(mother|father|mom|dad|sister|brother|sibling|grandmother|grandfather|aunt|uncle|"
                    r"family history|fh|fhx|parent|daughter|son|family members? (with|w(?=/)|has|had|who has|dx|diagnosed))\b",
                    re.IGNORECASE)
_RELATIVES = WordGated(FAMILY)


def word_pattern(text: str) -> re.Pattern:
    """The alternatives in `text` as whole words, in any case: how the rules name the words they read."""
    return re.compile(rf"\b({text})\b", re.IGNORECASE)


def _decimal_point(note: str, i: int) -> bool:
    """"A1c 9.6", "0.1 mg": a point between digits ends no sentence."""
    return note[i] == "." and 0 < i < len(note) - 1 and note[i - 1].isdigit() and note[i + 1].isdigit()


_MARK_SEARCH = {marks: re.compile("[" + re.escape(marks) + "]") for marks in (_MARKS, _FULL_STOPS)}


@lru_cache(maxsize=8)
def _breaks(note: str, marks: str) -> tuple[int, ...]:
    """Every place the note's sentences break at, in order: the rules read a mention's sentence several times over,
    so a note's breaks are found once and kept for the few notes read last."""
    return tuple(found.start() for found in _MARK_SEARCH[marks].finditer(note)
                 if not _decimal_point(note, found.start()))


def sentence_start(note: str, position: int, *, across_semicolons: bool = False) -> int:
    """`across_semicolons`: "BP 152/96; no diagnosis of hypertension" is one account, read as one sentence."""
    breaks = _breaks(note, _FULL_STOPS if across_semicolons else _MARKS)
    index = bisect_left(breaks, position if position >= 0 else max(len(note) + position, 0))  # as str.rfind reads it
    return breaks[index - 1] + 1 if index else 0


def sentence_end(note: str, position: int, *, across_semicolons: bool = False) -> int:
    breaks = _breaks(note, _FULL_STOPS if across_semicolons else _MARKS)
    index = bisect_left(breaks, position if position >= 0 else max(len(note) + position, 0))
    return breaks[index] if index < len(breaks) else len(note)


def sentence(note: str, start: int, end: int) -> str:
    """The sentence around a span: between the nearest '.', ';' or line break on either side."""
    return note[sentence_start(note, start):sentence_end(note, end)]


def before(note: str, start: int) -> str:
    return note[sentence_start(note, start):start]


# a denial closed by a colon after the words it denies ("no risk factors: HIV screen") does not reach the list the
# colon opens; one right before its colon ("Denies: fever, chills") does
_CLOSED_BY_COLON = re.compile(r"^\W*\w[^:]*:")


# a comma item after the denial that states what the patient has ("no injury, feels lightheaded when she stands")
_AFFIRMED_ITEM_BETWEEN = re.compile(AFFIRMED_ITEM, re.IGNORECASE)


# a study's verdict right before the condition ("CXR ruled out pneumonia"), tried only where its words stand
_VERDICT_BEFORE = re.compile(VERDICT_BEFORE, re.IGNORECASE)
_VERDICT_WORDS = ("ruled out", "excluded")


def ruled_out_before(prefix: str) -> bool:
    """A test's or the clinician's verdict, right before the mention, rules the condition out."""
    lowered = prefix[-40:].lower()
    return any(word in lowered for word in _VERDICT_WORDS) and bool(_VERDICT_BEFORE.search(prefix[-60:]))


def negated_before(note: str, start: int, *, a_dash_closes: bool = False) -> bool:
    """A negation cue before the mention, in its sentence, whose reach neither a colon nor an affirmed comma item
    has closed (nor, `a_dash_closes`, a spaced dash after the denied words: `denial_reach`); or a verdict that
    rules it out right before it."""
    prefix = before(note, start)
    if ruled_out_before(prefix):
        return True
    cues = list(_NEGATION_CUES.finditer(prefix))
    if not cues:
        return False
    reach = prefix[cues[-1].end():]
    return not (_CLOSED_BY_COLON.match(reach) or _AFFIRMED_ITEM_BETWEEN.search(reach)
                or (a_dash_closes and closed_by_a_dash(reach)))


# a denial's list written with semicolons, each item a few words: "Denies CP; SOB; palpitations", "ROS: neg for
# fever; chills; wt loss" (not "No fever; has a cough": an item that states something)
_DENIED_LIST_BEFORE = re.compile(r"\b(denies|denied|negative for|neg for)\s*:?((\s*[\w/'&-]+){1,4}\s*;){1,8}\s*$",
                                 re.IGNORECASE)
_ITEM_CLOSED = re.compile(r"\s*([;.\n]|$)")


def denied_in_list(note: str, start: int, end: int) -> bool:
    """The mention is a whole item of a denial's semicolon list, nothing said of it ("Denies fever; chills; gout."),
    which the semicolons carry the denial to; not an item that goes on ("Denies fever; gout flare today")."""
    return bool(_ITEM_CLOSED.match(note, end)) and ";" in note[max(0, start - 200):start] and bool(
        _DENIED_LIST_BEFORE.search(note[sentence_start(note, start, across_semicolons=True):start]))


def after(note: str, end: int) -> str:
    return note[end:sentence_end(note, end)]


# "orthostatic hypotension, likely volume depletion": a cue after a comma that goes on to name something is the
# uncertainty of what follows (a cause, a type), not of the condition stated before it; a question mark too, set
# before what it doubts ("RUQ pain - ?biliary colic", "cough, ? pneumonia")
CAUSE_CLAUSE = re.compile(r"^\s*[,-]\s*((likely|probably|possibly|probable|possible|suspected)\s+|\?\s*)[a-z(]",
                          re.IGNORECASE)


# a sign whose own predicate is the doubt, nothing named after it: "Postnasal drip also possible.", "reflux? ";
# "headache, likely tension type" doubts the type named after it, not the headache
_SIGN_UNCERTAIN = re.compile(r"^[\s,]*((also|still|is|are|was|may be|remains?)\s+)*(possible|possibly|likely|probable|"
                             r"suspected|questionable|\?)\s*$", re.IGNORECASE)
# a sign whose presence itself is left open, weighed against its own absence ("passive SI vs none", "HI or not");
# not a sign called unclear ("chest pain - unclear", "fatigue, unclear cause"), whose cause is what is not known
SIGN_PRESENCE_OPEN = re.compile(r"^[\s,]*(vs\.?|versus|or)\s+(none|nothing|absent|not)\b", re.IGNORECASE)


# a sign or finding the writer doubts right before it: "low suspicion for a lung nodule", "prediabetes unlikely" is
# read after it; or one the patient only fears or read about ("read online about palpitations"); not "? cough" or
# "concern for dysuria", where the complaint itself is what was reported
SIGN_DOUBTED_BEFORE = re.compile(r"\b(unlikely|(less|not) likely|doubt(ful)?|low (clinical )?suspicion (for|of)|"
                                 + FEARED_OR_READ_ABOUT + r")\s+"
                                 r"(\w+\s+){0,2}$", re.IGNORECASE)


def doubted_sign(note: str, start: int) -> bool:
    return bool(SIGN_DOUBTED_BEFORE.search(before(note, start)))


def uncertain_sign(note: str, end: int) -> bool:
    """The sign or symptom ending at `end` is itself stated as uncertain, by the rest of its sentence."""
    following = after(note, end)
    return bool(_SIGN_UNCERTAIN.match(following) or SIGN_PRESENCE_OPEN.match(following))


# the head noun an index term can stop short of ("esophageal reflux| disease vs ...", once GERD is written out)
_HEAD_NOUN = re.compile(r"^\s+(disease|disorder|syndrome)\b", re.IGNORECASE)


# the head of a hyphenated word the term starts inside: "gastro-" of "gastro-esophageal reflux disease"
_JOINED_HEAD = re.compile(r"[a-z]+-$", re.IGNORECASE)


def raised_by_another(note: str, start: int) -> bool:
    """The condition at note[start:] is only what someone asked, read or worried about: a relative who asks about
    ADHD has no family history of it told here."""
    return bool(_RAISED_BY_ANOTHER.search(before(note, start)))


def uncertain(note: str, start: int, end: int, *, workup_aim: bool = True) -> bool:
    """The condition at note[start:end] is stated as uncertain: r/o, possible, likely, versus, cannot exclude, or
    (`workup_aim`) as what a work-up is to establish, which a sign's work-up ("syncope work-up") is not: it seeks
    the sign's cause."""
    following = after(note, end)
    head = _HEAD_NOUN.match(following)
    following = following[head.end():] if head else following
    prefix = before(note, start)
    joined = _JOINED_HEAD.search(prefix[-20:]) if prefix.endswith("-") else None
    prefix = prefix[:len(prefix) - len(joined.group(0))] if joined else prefix
    return bool(_DOUBT_BEFORE.search(prefix)
                or (UNCERTAIN_AFTER.search(following) and not CAUSE_CLAUSE.search(following))
                or doubted_after(following) or (workup_aim and aim_of_a_workup(note[start:end], following)))


# the mark that closes a doubted diagnosis before the signs written after it: "Possible UTI - dysuria and urinary
# frequency", "r/o pyelonephritis: fever and flank pain", "? gout; pain and swelling of the L knee"
_DIAGNOSIS_CLOSED = re.compile(r"\s[-\u2013]\s|[:;]")


def uncertain_beside_a_doubt(note: str, start: int, end: int) -> bool:
    """`uncertain` for a sign or symptom: a doubt before it that a dash, colon or semicolon closes names the
    diagnosis before that mark, and the sign after it is what prompted the doubt, coded (guideline IV.H). Not a
    bare "?", which is as often a form's question ("Q: Feet? A: numbness ...") as a doubt."""
    prefix = before(note, start)
    doubt = None
    for doubt in _DOUBT_BEFORE.finditer(prefix):
        pass
    if doubt is None or doubt.group(0) == "?" or not _DIAGNOSIS_CLOSED.search(prefix, doubt.end()):
        return uncertain(note, start, end, workup_aim=False)
    return uncertain(note[start:], 0, end - start, workup_aim=False)


# "no hx of HTN" denies another condition's past; it dates nothing else its sentence names
_DENIED_HISTORY = re.compile(r"\bno\s+$", re.IGNORECASE)


def _history_stated(text: str) -> bool:
    return any(_DENIED_HISTORY.search(text, 0, cue.start()) is None for cue in _HISTORY_CUES.finditer(text))


def current_sign(note: str, start: int, end: int) -> bool:
    """`current` for a sign or symptom, whose doubt is the diagnosis's only where it reaches the sign, and which a
    denied past of another condition in its sentence ("easy bruising, no hx of HTN") does not date."""
    return current(note, start, end, doubted=uncertain_beside_a_doubt, dated=_history_stated, a_diagnosis=False)


# a word every cue of the past rules holds: the sentences without one (most) skip reading those rules' scopes
_PAST_WORD = re.compile(r"resolv|heal|clear|longer|recurr|replet|inactive|historical|removed|complet|finish|recover|normali[sz]|"
                        r"outgr|grew out|regain|correct|\bended\b|settled|\bgone\b|relapse|"
                        # a procedure done for it or on it ("valve replacement 2019 for aortic stenosis", "carpal
                        # tunnel release 2022": `ended_episode`)
                        r"ectomy|replace|tavr|drain|decortic|evacuat|ablat|repair|release|decompress|excision|removal|transplant|"
                        r"cured|eradicat|\bfull (rom|range of motion|motion)\b|"
                        r"in the (distant |remote )?past\b|stone-free|\b(triggering|locking|palpitations) since\b|"
                        r"\bago\b|child|kid|teen|infan|toddler|adolescen|youth|\blast\b|prior|previous|former|remote|"
                        r"treated|late effect|\bnone\b|\bno (further |more |other |new )?(episodes?|attacks?|events?|"
                        r"symptoms|flares?)\b|"
                        # a diagnosis held before, a treatment over ("past dx of migraine", "GERD s/p treatment")
                        r"\bpast (dx|diagnosis) of\b|status post (treatment|tx|therapy)\b", re.IGNORECASE)
_PAST_WORDS = WordGated(_PAST_WORD)


_PREVENTED = re.compile(r"\b" + PROPHYLAXIS_BEFORE + r"\s+(\w+\s+)?$", re.IGNORECASE)
_TREATED_BY_PREVENTION = re.compile(rf"\b({PREVENTION_TREATS})\b", re.IGNORECASE)


def prevented(note: str, start: int, end: int) -> bool:
    """The mention is what a prophylaxis named at most a word before it prevents: not present (unless preventing
    its attacks is how it is treated)."""
    return bool(_PREVENTED.search(before(note, start))) and not _TREATED_BY_PREVENTION.search(note[start:end])


# a prevention's cue as the hypothetical scope rule reads it: `prevented` and HYPOTHETICAL read those here, with the
# attack disorders a prevention treats ("prophylaxis against migraine") and the reach a condition further on is
# out of ("prophylaxis of stroke in persistent AF")
_PREVENTION_CUE = re.compile(PROPHYLAXIS_BEFORE + r"|(to )?prevent(s|ing)?|prevention of", re.IGNORECASE)


def not_stated(note: str, start: int, end: int) -> bool:
    """A scope rule says the mention is not the patient's own stated condition: another's, told only, only weighed,
    or supposed ("counselled on COPD risk", "may cause gout")."""
    scope = mention_scope(note, start, end, NOT_STATED_RULES)
    return scope is not None and not (scope.rule == HYPOTHETICAL_SCOPE and _PREVENTION_CUE.fullmatch(scope.cue))


def current(note: str, start: int, end: int, *, doubted: Callable[[str, int, int], bool] = uncertain,
            dated: Callable[[str], object] = _HISTORY_CUES.search, a_diagnosis: bool = True) -> bool:
    """The mention states a current condition of the patient: not negated, uncertain (as `doubted` reads it),
    hypothetical, past or a relative's, nor what a screening looks for. A diagnosis is read past the dash that
    closes a denial before it; a sign there may be one more denied item."""
    prefix, whole = before(note, start), sentence(note, start, end)
    following = after(note, end)
    # a past rule's cue may stand in the clause after a ";" ("pneumonia in 2022; fully resolved": `dated_course`)
    through_semicolons = note[sentence_start(note, start):sentence_end(note, end, across_semicolons=True)]
    return not (negated_before(note, start, a_dash_closes=a_diagnosis) or denied_in_list(note, start, end) or TEMPLATE_NEGATIVE.search(prefix) or UNCHECKED_BOX.search(prefix)
                or HYPOTHETICAL.search(prefix) or prevented(note, start, end)
                or NEGATED_AFTER.search(following) or QUALIFIED_NOT_CURRENT_AFTER.match(following)
                or TEST_SUBJECT.search(following) or _PAST_AFTER_CUES.search(following)
                or SUPERSEDED.search(prefix) or doubted(note, start, end)
                # "pneumonia treated last month, now resolved", "kidney stones 10 years ago": as the scope rules read
                or (_PAST_WORDS.search(through_semicolons) is not None and mention_scope(note, start, end, PAST_RULES) is not None)
                or dated(whole) or _RELATIVES.search(whole) or screened(note, start, end)
                or not_stated(note, start, end)
                # a list item under a family history, resolved problems or surgical history heading
                or section_of(note, start) is not None)



def current_without(note: str, start: int, end: int, first: int, last: int) -> bool:
    """`current` with note[first:last] read as blank: a clause the caller has shown dates something else (a
    flare, a treatment) or states what the code itself holds (a remission)."""
    return current(note[:first] + " " * (last - first) + note[last:], start, end)


# a past medical history's heading ("PMH:", "Past Medical History -", "Hx:"), which lists current chronic conditions
# beside past ones: not "history of" or "h/o", which place the condition in the past
_HISTORY_HEADING = re.compile(r"\b(past medical history|medical history|pmh|hx)\s*(:|\s-\s)", re.IGNORECASE)


def current_under_history_heading(note: str, start: int, end: int) -> bool:
    """The mention is a past medical history's list item that would be current without the heading ("PMH: gout, on
    allopurinol"): whether the item is still cared for is for its own words to say (`chronic_conditions`)."""
    first = sentence_start(note, start)
    heading = _HISTORY_HEADING.search(note, first, start)
    if heading is None:
        return False
    return current(note[:heading.start()] + " " * (heading.end() - heading.start()) + note[heading.end():], start, end)


_NEVER = re.compile(r"\bnever\b", re.IGNORECASE)


def affirmed_now(note: str, start: int, end: int) -> bool:
    """The mention is current (`current`), in no context rule's scope, and not after a "never", which denies as
    "no" does ("never in status migrainosus", "never had withdrawal")."""
    return current(note, start, end) and mention_scope(note, start, end) is None \
        and not _NEVER.search(before(note, start))
