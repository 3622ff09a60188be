"""Psychiatric codes whose characters the sentence's words settle, where the term index stops at the
unspecified code or finds several ("ADHD" F90.9, "Alcohol dependence with withdrawal" F10.230/.231/.232/.239).

- ADHD (F90): predominantly inattentive .0, hyperactive(-impulsive) .1, combined .2, else unspecified .9.
- Social phobia (F40.1): generalized .11 when the words say so, else .10.
- Bipolar disorder (F31): type II F31.81; the current episode (hypomanic, manic, depressed, mixed) with the
  severity and psychotic features stated; in partial or full remission with the most recent episode's kind
  stated, F31.7- (else for a coder).
- Dependence with withdrawal (F1x.23-): the index's "with withdrawal, unspecified" (9) unless the sentence
  names the complication (uncomplicated 0, delirium 1, perceptual disturbance 2).
- Opioid use disorder on maintenance therapy (buprenorphine, methadone): DSM-5's "on maintenance therapy" is
  dependence, F11.20 (F11.21 where the sentence says in remission); a mild one is for a coder.
- Insomnia due to a condition: a mental disorder F51.05, another condition G47.01, a substance for a coder;
  the index's "Insomnia, psychophysiological" (conditioned arousal at bedtime) F51.04, not G47.00.
- Major depressive disorder (F32/F33, `depression_episode`): single episode or recurrent, by severity
  (mild 0, moderate 1, severe without 2 or with 3 psychotic features) or remission (F32.4/F32.5,
  F33.41/F33.42/F33.40), from the words of the sentence that names it; "depression" alone (F32.A) is left
  as it is (`same_condition` drops it beside a major depressive disorder the note codes).
"""
import re

from services.coding.domain.disorder_due_to_condition import DUE_TO_CONDITION_FINDINGS
from services.coding.domain.substance_class_disorders import SUBSTANCE_CLASS_FINDINGS
from services.coding.domain.neurology_findings import stated
from services.coding.domain.note_text import FAMILY, sentence, sentence_end, word_pattern as _rx
from services.coding.domain.suggestions import Suggestion

NAME = "psychiatry-specificity"


_ADHD_TYPES = (("2", _rx(r"combined")), ("0", _rx(r"inattentive")),
               ("1", _rx(r"predominantly hyperactive|hyperactive[- /]impulsive|hyperactive type|impulsive type")))


def adhd(match: re.Match, note: str) -> tuple[str, str]:
    text = sentence(note, match.start(), match.end())
    kind = next((char for char, words in _ADHD_TYPES if words.search(text)), "9")
    return f"F90.{kind}", "ADHD of the type the sentence states" if kind != "9" else "ADHD of no stated type"


def social_phobia(match: re.Match, note: str) -> tuple[str, str]:
    near = note[max(0, match.start() - 20):match.end() + 20]
    if re.search(r"\bgeneralized social|(social (anxiety disorder|phobia))\W{1,3}generalized\b", near, re.IGNORECASE):
        return "F40.11", "social phobia, generalized"
    return "F40.10", "social phobia of no stated type"


# "MDD, recurrent, mod": the severity as clinics abbreviate it
_MILD, _MODERATE, _SEVERE = _rx(r"mild"), _rx(r"moderate|mod"), _rx(r"severe")
_PSYCHOTIC = _rx(r"psychotic (features|symptoms)|psychosis")
_REMISSION = _rx(r"remission|remitted")


def _severity(text: str) -> str | None:
    if stated(_SEVERE, text):
        return "psychotic" if stated(_PSYCHOTIC, text) else "severe"
    return "moderate" if stated(_MODERATE, text) else "mild" if stated(_MILD, text) else None


_BIPOLAR_DEPRESSED = {"mild": "F31.31", "moderate": "F31.32", "severe": "F31.4", "psychotic": "F31.5", None: "F31.30"}
_BIPOLAR_MANIC = {"mild": "F31.11", "moderate": "F31.12", "severe": "F31.13", "psychotic": "F31.2", None: "F31.10"}
_BIPOLAR_MIXED = {"mild": "F31.61", "moderate": "F31.62", "severe": "F31.63", "psychotic": "F31.64", None: "F31.60"}
_EPISODES = ((_rx(r"hypomanic|hypomania"), None), (_rx(r"depressed|depressive|depression"), _BIPOLAR_DEPRESSED),
             (_rx(r"mixed"), _BIPOLAR_MIXED), (_rx(r"manic|mania"), _BIPOLAR_MANIC))


# the episode written as the next sentence's opening: "Bipolar I disorder, on lithium for 3 years. Current episode
# manic, moderate, without psychotic features: ..." (the episode of that disorder, not of another)
_EPISODE_OPENING = re.compile(r"\s*(current|present|most recent) episode\b", re.IGNORECASE)


def _with_episode_sentence(note: str, match: re.Match, text: str) -> str:
    """The disorder's sentence, and the next one where the sentence names no episode and the next opens with it."""
    if any(words.search(text) for words, _ in _EPISODES) or _REMISSION.search(text):
        return text
    end = sentence_end(note, match.end())
    if end >= len(note) or not _EPISODE_OPENING.match(note, end + 1):
        return text
    return f"{text} {sentence(note, end + 1, end + 1)}"


def bipolar(match: re.Match, note: str) -> tuple[str, str] | None:
    text = _with_episode_sentence(note, match, sentence(note, match.start(), match.end()))
    if re.search(r"\bbipolar (ii|2|type (ii|2))\b", text, re.IGNORECASE):
        return "F31.81", "bipolar II disorder"
    if _REMISSION.search(text):
        return bipolar_in_remission(text)
    episode = next((table for words, table in _EPISODES if words.search(text)), "none")
    if episode == "none":
        return "F31.9", "bipolar disorder with no current episode stated"
    if episode is None:
        return "F31.0", "bipolar disorder, current episode hypomanic"
    code = episode[_severity(text)]
    return code, "bipolar disorder, current episode and severity as the sentence states"


# F31.7-: the tabular's "Bipolar disorder, in partial/full remission, most recent episode <kind>"
_BIPOLAR_REMISSION = {("partial", "hypomanic"): "F31.71", ("full", "hypomanic"): "F31.72",
                      ("partial", "manic"): "F31.73", ("full", "manic"): "F31.74",
                      ("partial", "depressed"): "F31.75", ("full", "depressed"): "F31.76",
                      ("partial", "mixed"): "F31.77", ("full", "mixed"): "F31.78"}
_LAST_EPISODE = _rx(r"(most recent|last|latest|recent) episode,? ?(?P<kind>hypomanic|manic|depressed|depressive|mixed)")


def bipolar_in_remission(text: str) -> tuple[str, str] | None:
    """In remission as the note documents it (I.C.5: remission only as the provider states it): partial or full,
    and the most recent episode's kind, both stated; else for a coder."""
    extent = "partial" if _PARTIAL.search(text) else "full" if _FULL.search(text) else None
    last = _LAST_EPISODE.search(text)
    if extent is None or last is None or not stated(_REMISSION, text):
        return None
    kind = {"depressive": "depressed"}.get(last.group("kind").lower(), last.group("kind").lower())
    return _BIPOLAR_REMISSION[(extent, kind)], f"bipolar disorder in {extent} remission, most recent episode {kind}"


SUBSTANCES = (("F10", r"alcohol|etoh"), ("F11", r"opioid|opiate|heroin"), ("F12", r"cannabis|marijuana"),
              ("F13", r"sedative|hypnotic|anxiolytic|benzodiazepine"), ("F14", r"cocaine"),
              ("F15", r"amphetamine|methamphetamine|stimulant"))
_WITHDRAWAL_KINDS = (("1", _rx(r"delirium|delirium tremens|dts")),
                     ("2", _rx(r"perceptual disturbances?|hallucinations|hallucinosis")), ("0", _rx(r"uncomplicated")))


def dependence_with_withdrawal(match: re.Match, note: str) -> tuple[str, str]:
    words = match.group(0).lower()
    category = next(code for code, names in SUBSTANCES if re.search(rf"\b({names})\b", words))
    text = sentence(note, match.start(), match.end())
    kind = next((char for char, kind_words in _WITHDRAWAL_KINDS if stated(kind_words, text)), "9")
    if category in ("F11", "F12", "F14", "F15"):
        return f"{category}.23", "dependence with withdrawal"
    return f"{category}.23{kind}", "dependence with withdrawal" + (", unspecified" if kind == "9" else
                                                                   " as the sentence describes it")


# the remission may be written between the disorder and its drug ("OUD in sustained remission on Suboxone")
_ON_MAINTENANCE = _rx(r"(opioid use disorder|oud|opioid dependence),?( in (early |sustained )?remission,?)? "
                      r"on (buprenorphine|suboxone|methadone)")
_COMPLICATED = _rx(r"intoxication|withdrawal|induced")


def opioid_maintenance(match: re.Match, note: str) -> tuple[str, str] | None:
    text = sentence(note, match.start(), match.end())
    if stated(_MILD, text) or _COMPLICATED.search(text):
        return None
    if stated(_REMISSION, text):
        return "F11.21", "opioid use disorder on maintenance therapy, in remission as the sentence states"
    return "F11.20", "opioid use disorder on maintenance therapy: dependence (DSM-5's specifier)"


_MENTAL_CAUSE = _rx(r"anxiety|depression|depressive|mdd|gad|ptsd|post-traumatic stress|bipolar|mania|mental|"
                    r"psychiatric|panic|adjustment disorder|schizophrenia|grief")
_SUBSTANCE_CAUSE = _rx(r"alcohol|caffeine|stimulants?|drugs?|medications?|substance|cannabis|opioids?|withdrawal")


def insomnia_due_to(match: re.Match, note: str) -> tuple[str, str] | None:
    """"Insomnia due to" a mental disorder F51.05, to a substance or drug (F1x.-82, T codes) for a coder, to any
    other condition G47.01 (the tabular's "Insomnia due to medical condition", "code also associated condition")."""
    cause = note[match.end():match.end() + 60]
    cause = cause[:min([i for i in (cause.find(c) for c in ".;\n,") if i >= 0], default=len(cause))]
    if _SUBSTANCE_CAUSE.search(cause):
        return None
    if _MENTAL_CAUSE.search(cause):
        return "F51.05", "insomnia due to a mental disorder"
    return "G47.01", "insomnia due to a medical condition"


_SUBSTANCE_WORDS = "|".join(names for _, names in SUBSTANCES)
# every word the table's patterns need, searched once before them
PSYCHIATRY_WORDS = re.compile(r"attention|social|bipolar|withdrawal|insomnia|benzo|sedative|hypnotic|anxiolytic|"
                              r"amphetamine|stimulant|buprenorphine|suboxone|methadone|"
                              r"(anxiety|disorder) (due|secondary|caused|from)", re.IGNORECASE)
# (words, codes the index may have found on them, resolve)
PSYCHIATRY_FINDINGS = (
    (_rx(r"attention[- ]deficit[- ]hyperactivity disorder|attention deficit disorder"), ("F90",), adhd),
    (_rx(r"social anxiety disorder|social phobia"), ("F40",), social_phobia),
    (_rx(r"bipolar (i |ii |1 |2 |type (i|ii|1|2) )?(affective )?(disorder|d/o)|bipolar (i|ii|1|2)"), ("F31",),
     bipolar),
    (_rx(rf"({_SUBSTANCE_WORDS}) (dependence|use disorder,? (moderate|severe)) with withdrawal"), ("F1",),
     dependence_with_withdrawal),
    (_ON_MAINTENANCE, ("F11",), opioid_maintenance),
    (_rx(r"insomnia (due to|secondary to|related to|caused by|from)"), ("G47", "F51"), insomnia_due_to),
    (_rx(r"psychophysiologic(al)? insomnia|insomnia,? psychophysiologic(al)?"), ("G47", "F51"),
     lambda match, note: ("F51.04", "psychophysiological insomnia")),
    *DUE_TO_CONDITION_FINDINGS,
    *SUBSTANCE_CLASS_FINDINGS,
)

_MAJOR = re.compile(r"^F3(2\.[0-59]|3\.)")
_RECURRENT = _rx(r"recurrent|recurring")
_PARTIAL, _FULL = _rx(r"partial remission|partially remitted"), _rx(r"full remission|fully remitted")


# "MDD, recurrent, moderate - resolved": a recurrent disorder's episode over is the tabular's F33.40 (in remission,
# unspecified), never the current episode's severity
_RESOLVED_AFTER = re.compile(r"^[^;.]{0,30}?(?<!\bnot )(?<!\bnever )\bresolved\b", re.IGNORECASE)


def _major_depression_code(text: str, after: str = "") -> str:
    recurrent = _RECURRENT.search(text)
    if recurrent and _RESOLVED_AFTER.search(after) and not _REMISSION.search(text):
        return "F33.40"
    if _REMISSION.search(text):
        if _PARTIAL.search(text):
            return "F33.41" if recurrent else "F32.4"
        return "F33.42" if recurrent and _FULL.search(text) else "F33.40" if recurrent else "F32.5"
    severity = _severity(text)
    digit = {"mild": "0", "moderate": "1", "severe": "2", "psychotic": "3", None: "9"}[severity]
    return f"F3{'3' if recurrent else '2'}.{digit}"


# "MDD" (spelt out as "major depressive disorder" before the conventions read it), whose "depressive disorder" the
# index's "Disorder, depressive" entry reads as F32.A: the words are a major depressive disorder's, whose episode,
# severity or remission the sentence may state ("MDD in remission", "MDD, rec, mild")
_MAJOR_DEPRESSION_NAME = re.compile(r"\b(mdd|(major )?depressive disorder|(major )?depression)$", re.IGNORECASE)
_MAJOR_BEFORE = re.compile(r"\b(major|mdd)\W{0,2}$", re.IGNORECASE)
# "rec" as recurrent only right after the name and before a comma, the item's end or the episode's words ("MDD, rec,
# mild", "MDD rec in partial remission"); "MDD - rec CBT" recommends
_REC_AFTER_NAME = re.compile(r"^,? ?rec\.?(?=,|;|$| (mild|mod|moderate|severe|in (partial |full )?remission)\b)",
                             re.IGNORECASE)
# a major depressive disorder whose course the sentence states is no longer an unspecified depression: the code the
# words give is the provider's own, as the index's specific entries are
MAJOR_DEPRESSION_STATED = 0.92


def major_depression_named(s: Suggestion, note: str) -> bool:
    """The index's unspecified depression (F32.A) found on words that name a major depressive disorder."""
    words = note[s.start:s.end]
    if s.code != "F32.A" or _MAJOR_DEPRESSION_NAME.fullmatch(words) is None:
        return False
    return words.lower() == "mdd" or words.lower().startswith("major") or \
        _MAJOR_BEFORE.search(note, max(0, s.start - 8), s.start) is not None


def depression_episode(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    out, reasons = [], []
    for s in suggestions:
        named = major_depression_named(s, note)
        if (_MAJOR.match(s.code) or named) and s.context == "affirmed":
            text = sentence(note, s.start, s.end)
            if named and _REC_AFTER_NAME.search(note[s.end:s.end + 10]):
                text = f"{text} recurrent"
            code = _major_depression_code(text, note[s.end:s.end + 40])
            if named and code == "F32.9":
                code = s.code  # "MDD" with no course stated: left as the index reads it
            if code != s.code and tabular.is_billable(code) and not FAMILY.search(text):
                reason = f"major depressive disorder as the sentence states: {code} rather than {s.code}"
                update = {"code": code, "description": tabular.description(code), "convention": NAME,
                          "reason": reason}
                if named:
                    update["confidence"] = max(s.confidence, MAJOR_DEPRESSION_STATED)
                s = s.model_copy(update=update)
                reasons.append(reason)
        out.append(s)
    return out, reasons
