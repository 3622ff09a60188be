"""A drug's adverse effect or poisoning (T36-T50), read by the drug's class as the Table of Drugs and Chemicals
files it, with the sixth character the note states: 5 for an adverse effect of a drug correctly prescribed and
taken ("hyponatremia due to sertraline", "ACE inhibitor cough", "lithium toxicity (adverse effect)",
"steroid-induced hyperglycemia"), 1 for an accidental poisoning ("took a double dose by mistake", "accidental
ingestion"), 2 for an intentional one ("overdose in a suicide attempt"). Guideline I.C.19.e.5: a drug taken as
prescribed that harms is an adverse effect, coded after its manifestation; an overdose, a wrong drug or a wrong
dose is a poisoning, coded first. An overdose whose intent the note does not state is held for a coder.

The 7th character: where the note names no encounter in words ("initial encounter", "subsequent"), a harm the
visit acts on (the drug to hold, stop, switch or taper; an antidote; sent to the ED) is in active treatment, the
initial encounter (A, guideline I.C.19.a), whatever the visit's own heading ("Follow-up." of the depression whose
drug caused it); otherwise `seventh_character` reads the encounter from the note's cues or leaves it to a coder."""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.drug_vocabulary import ANY_DRUG, drug_class
from services.coding.domain.note_text import (FAMILY, HISTORY, HYPOTHETICAL, NEGATED_AFTER, after, negated_before,
                                              sentence, sentence_start)
from services.coding.domain.seventh_character_sent import stated_encounter
from services.coding.domain.suggestions import RULE_CONFIDENCE, Suggestion, from_rule

NAME = "drug-effect"
HELD_CONFIDENCE = 0.8  # an overdose with no intent stated: the sixth character is a coder's question

_DETERMINER = r"(?:(?:the|his|her|their|a|an)\s+)?"
# the drug named as the cause: "due to lisinopril", "sertraline-induced", "adverse effect of amiodarone"; a hemolysis
# "after" a drug is the drug's (a hemolytic anemia is named by its trigger)
# and "from" after the harm's own word ("weight gain from olanzapine", "constipation from oxycodone"), not after a
# change of drug or a benefit ("switched from lisinopril", "weaned from prednisone", "relief from oxycodone")
_FROM_THE_DRUG = (r"(?<!switched )(?<!switch )(?<!switching )(?<!changed )(?<!change )(?<!changing )(?<!converted )"
                  r"(?<!converting )(?<!transitioned )(?<!transitioning )(?<!weaning )(?<!tapering )"
                  r"(?<!weaned )(?<!tapered )(?<!off )(?<!away )(?<!relief )(?<!benefit )(?<!benefits )"
                  r"(?<!benefited )(?<!recovering )(?<!recovered )(?<!response )(?<!withdrawal )(?<!came )(?<!refill )(?<!refills )(?<!hx )"
                  r"(?<![\d.:;,(-] )(?<![\d.:;,(-])\bfrom")
# the harms a clinic writes with its drug before them ("lisinopril cough", "statin myalgias", "HCTZ hyponatremia"):
# the drug's name used as the harm's adjective, as "-induced" is
HARMS_NAMED_AFTER_THE_DRUG = (r"(dry |chronic )?cough|myalgias?|muscle (aches|pain)|tremors?|(gi|stomach) upset|nausea|"
                              r"diarrh(o)?ea|loose stools|constipation|weight gain|hyponatremia|hyperkalemia|"
                              r"hypokalemia|hyperglycemia|paresthesias?|((both |bilat(eral)? )?(ankles?|legs?|pedal) )?"
                              r"(edema|swelling)|dyspepsia|akathisia|angioedema|sexual dysfunction")
# a harm "on" its drug is the drug's only where no drug of the list treats that harm: "tremor on propranolol",
# "edema on furosemide", "hyperglycemia on insulin" are a condition under its treatment
_HARMS_ON_THE_DRUG = (r"myalgias?|muscle aches|weight gain|hyponatremia|hyperkalemia|constipation|diarrh(o)?ea|"
                      r"loose stools|(gi|stomach) upset|dyspepsia|akathisia|(dry )?cough|sexual dysfunction")
_CAUSE_BEFORE = re.compile(r"\b(due to|(" + _HARMS_ON_THE_DRUG + r") on|" + _FROM_THE_DRUG + r"|caused by|secondary to|attributed to|induced by|(hemolytic an(a)?emia|aiha|"
                           r"hemolysis)( \([^)]*\))? after|adverse (effects?|reactions?|"
                           r"drug reactions?) (of|to|from)|side effects? (of|from)|reaction to|intolerance to)\s+"
                           + _DETERMINER + r"$", re.IGNORECASE)
# an organ's toxicity is the drug's harm at its therapeutic dose ("amiodarone pulmonary toxicity"), unless only
# weighed ("... lung toxicity should be considered")
_CAUSE_AFTER = re.compile(r"^[- ](induced|associated|related|(" + HARMS_NAMED_AFTER_THE_DRUG + r"))\b|^\s+(pulmonary|lung|hepatic|liver|thyroid|ocular) "
                          r"toxicity\b(?![^.;]{0,25}(\b(should|consider\w*|suspect\w*|possible|likely|unlikely|vs|"
                          r"versus|r/o)\b|\?))", re.IGNORECASE)
# the drug's own noun of harm: "lithium toxicity", "statin intolerance", "acetaminophen overdose"
_HARM_AFTER = re.compile(r"^\s+(toxicity|intolerance|overdose|poisoning|ingestion)\b", re.IGNORECASE)
_HARM_BEFORE = re.compile(r"\b(overdose|poisoning|ingestion|toxicity) (of|with|by|on)\s+" + _DETERMINER + r"$|"
                          r"\btook (about |around |approximately )?(\d+|two|three|a handful of|several|many|"
                          r"an? (extra|double|second)) (\w+ )?(tablets?|pills?|doses?|units?|capsules?)"
                          r"( of)?\s+" + _DETERMINER + r"$",
                          re.IGNORECASE)
_ADVERSE = re.compile(r"\b(adverse (effect|reaction|drug reaction)|side effect|as prescribed|at the prescribed dose|"
                      r"(correct|therapeutic|prescribed) dos(e|ing)|taken correctly)\b", re.IGNORECASE)
_POISONING = re.compile(r"\b(overdose|poisoning|ingestion|took (about |around )?\d+|double dose|extra dose|"
                        r"twice)\b", re.IGNORECASE)
_ACCIDENTAL = re.compile(r"\b(accidental(ly)?|by mistake|mistakenly|unintentional(ly)?|inadvertent(ly)?|"
                         r"by accident)\b", re.IGNORECASE)
_INTENTIONAL = re.compile(r"\b(intentional(ly)?|deliberate(ly)?|on purpose|suicide attempt|suicidal attempt|"
                          r"attempted suicide|(intentional )?self[- ]harm|"
                          r"to (kill|hurt) (himself|herself|themselves))\b",
                          re.IGNORECASE)
# the drug's harm only talked about, or not taken as the causal statement needs
_NOT_STATED = re.compile(r"\b(discuss\w*|review\w*|counsel\w*|educat\w*|explain\w*|warn\w*|possible|potential|"
                         r"common|rare|risks?|monitor\w*|watch for|no|denies|without|unlikely|doubt\w*|"
                         r"ran out|not taking|stopped taking|missed|skipp\w*|non-?complian\w*|noncomplian\w*|"
                         r"underdos\w*|unable to afford|cost|evaluat\w* for|look for|rule out|r/o|concern for|"
                         r"suspect\w*|work[- ]?up for)\b", re.IGNORECASE)

# the harm only thought likely, anywhere in its sentence before the drug (an expanded abbreviation may stand between:
# "likely SIADH from sertraline"): an outpatient uncertain diagnosis, not coded (guideline IV.H)
_THOUGHT_LIKELY = re.compile(r"\b(likely|probabl[ey]|presum\w*)\b", re.IGNORECASE)

# a harm dated weeks or more before the visit is over, or another visit's: "overdose two years ago", "in 2019"
_LONG_AGO = re.compile(r"\b((weeks?|wks?|months?|mos?|years?|yrs?) ago|last (year|month)|in (19|20)\d\d)\b",
                       re.IGNORECASE)
# the harm named, then said to be over: "steroid-induced diabetes resolved after the taper"
_OVER_AFTER = re.compile(r"\b(resolved|cleared|subsided|no longer|has gone|went away|normali[sz]ed)\b", re.IGNORECASE)


# a word without which no harm of a drug is named: most notes that name a drug hold none
_HARM_WORD = re.compile(r"due to|from|caused by|hemoly|aiha|secondary to|attributed to|induced|associated|related|"
                        r"cough|myalg|muscle|tremor|upset|nausea|diarrh|stools|constipation|weight gain|hyponatremia|"
                        r"hyperkalemia|hypokalemia|hyperglycemia|paresthesia|edema|swelling|dyspepsia|akathisia|"
                        r"sexual dysfunction|"
                        r"adverse|side effect|"
                        r"reaction|intolerance|toxicity|overdose|poisoning|ingestion|took", re.IGNORECASE)


@needs(patterns=(_HARM_WORD,))
def drug_effects(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if not _HARM_WORD.search(note) or not ANY_DRUG.search(note):
        return suggestions, []
    have = {s.code[:5] for s in suggestions}  # a T36-T50 code already read for the class keeps its own reading
    made: dict[str, Suggestion] = {}
    for m in ANY_DRUG.finditer(note):
        read = _effect_of(note, m.start(), m.end())
        if read is None:
            continue
        intent, sure = read
        stem, title = drug_class(m.group(0))
        code = stem + intent
        allowed = tabular.seventh_characters(code)
        if stem[:5] in have or code in made or not allowed:
            continue
        kind = "adverse effect of" if intent == "5" else "poisoning by"
        reason = f"{m.group(0)}: {kind} {title} ({code}), as the note states the drug's part"
        if "A" in allowed and stated_encounter(note) is None and _ACTS_ON_IT.search(note):
            code = allowed["A"][0]
            reason += "; the visit acts on it: its active treatment, the initial encounter"
        made[code] = from_rule(code, m, tabular, NAME, reason,
                               confidence=RULE_CONFIDENCE if sure else HELD_CONFIDENCE)
    if not made:
        return suggestions, []
    if any(code[6:7] == "2" for code in made):
        # the suicide attempt is that intentional poisoning: T14.91 is for one whose injury the note does not name
        suggestions = [s for s in suggestions if not s.code.startswith("T14.91")]
    return [*suggestions, *made.values()], [s.reason for s in made.values()]


def _effect_of(note: str, begin: int, end: int) -> tuple[str, bool] | None:
    """The sixth character (intent) the drug's sentence states for its harm, and whether the note states it
    surely; None where the sentence names no harm of this drug, or only talks of one."""
    lead, rest = note[sentence_start(note, begin):begin], note[end:end + 40]
    before_cue = _CAUSE_BEFORE.search(lead) or _HARM_BEFORE.search(lead)
    caused = _CAUSE_BEFORE.search(lead) or _CAUSE_AFTER.match(rest)
    harmed = _HARM_BEFORE.search(lead) or _HARM_AFTER.match(rest)
    if not (caused or harmed):
        return None
    clause = lead[:before_cue.start()] if before_cue else lead
    whole = sentence(note, begin, end)
    if (_NOT_STATED.search(clause[-60:]) or _THOUGHT_LIKELY.search(clause) or negated_before(note, begin) or HYPOTHETICAL.search(lead)
            or NEGATED_AFTER.search(after(note, end)) or _OVER_AFTER.search(after(note, end))
            or HISTORY.search(whole) or FAMILY.search(whole) or _LONG_AGO.search(whole)):
        return None
    if _INTENTIONAL.search(whole):
        return "2", True
    if _ACCIDENTAL.search(whole):
        return "1", True
    if harmed and _POISONING.search(whole) and not _ADVERSE.search(whole):
        return "1", False  # intent not stated: accidental by the guideline's default, for a coder to confirm
    if caused or _ADVERSE.search(whole) or _ADVERSE.search(note):
        return "5", True
    return None


# what the visit does about the drug's harm: the drug to hold, stop or change (or stopped for it, the harm still
# treated: active treatment, guideline I.C.19.a), an antidote, the ED
_ACTS_ON_IT = re.compile(r"\b(hold|stop|stopped(?! taking)|discontinued?|d/c|switch to|change to|cross to|taper|"
                         r"reduce|lower the dose|held|dose reduced|reduced to|switched|cross[- ]?taper|"
                         r"decrease the dose|start|add|begin|initiate|naloxone|narcan|n-?acetylcysteine|nac|digifab|"
                         r"glucagon|vitamin k|flumazenil|activated charcoal|send to (the )?(ed|er)|sent to (the )?"
                         r"(ed|er)|admit(ted)?)\b", re.IGNORECASE)
