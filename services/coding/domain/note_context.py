"""Whether a condition the note names is a current one: the scope rules that keep a mention from being coded.

A note names many conditions the patient does not have today: ones screened for ("lung cancer screening",
"depression screen negative", "PHQ-9 0"), only supposed ("risk of stroke", "call if headache develops", "to
prevent"), gone ("cellulitis, resolved", "s/p treatment, no recurrence"), a relative's ("mother has breast
cancer", "FHx"), or denied ("denies chest pain, shortness of breath, nausea"). Coding any of them as current is
a false claim, so each is a named rule here, and a mention in its scope is skipped with the rule's name.

A scope is the clause around the mention: the sentence cut at ';', a line break and at words that turn
it ("but", "however"). A cue before the mention reaches it across a list ("denies CP, SOB, N/V" after the
shorthand is written out); a cue after it must follow it closely ("stroke risk", "panic attacks may occur").
The rules read the note with its shorthand already written out (`shorthand.py`), so one cue list serves both.
A family mention is not dropped but read as family history (the suggester looks up the Z80-Z84 code).
"""
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from services.coding.domain.dated_past import (AFFIRMED_ITEM, DATED_PAST, DATED_PAST_AFTER, NONE_SINCE,
                                              NONE_SINCE_AFTER, NONE_SINCE_CHILDHOOD, NONE_SINCE_NAMED_AFTER,
                                              NONE_SINCE_UNLESS,
                                              STILL_PRESENT, STILL_TREATED, STOPPED_LONG_AGO_FOR, TIME_OF_LIFE_BEFORE,
                                              TREATED_IN_THE_PAST_AFTER, ENDING_TREATMENT)
from services.coding.domain.dated_course import DATED_THEN_ENDED_AFTER, DATED_THEN_ENDED_NEXT_CLAUSE_AFTER, STILL_GOING
from services.coding.domain.denial_reach import DENIED_WORDS_THEN_DASH
from services.coding.domain.form_answers import ANSWERED_NO, ANSWERED_NO_AFTER
from services.coding.domain.pattern_literals import NOTE_WORDS, Prefilter, any_may_match, lowered_note, required_literals
from services.coding.domain.section_headings import section_of
from services.coding.domain.context_triggers import (ANTICIPATORY_BEFORE, CHANCE_BEFORE, CLAUSE_JOINER, COUNSELLING_TOPIC_BEFORE, DRUG_WORD, EXPOSURE_BEFORE, SIDE_EFFECT_TALKED_BEFORE, PROPHYLAXIS_BEFORE, DENIAL_AFTER, DENIAL_BEFORE,
                                                    NOT_A_DENIAL_AFTER_NO, TOPIC_BEFORE, VERDICT_BEFORE, WARNING_BEFORE)
from services.coding.domain.ended_episode import (ENDED_UNLESS, EPISODE_ENDED_AFTER, PROCEDURE_AFTER,
                                                  PROCEDURE_AFTER_UNLESS, PROCEDURE_DONE_FOR_BEFORE)
from services.coding.domain.outgrown import BACK_AGAIN, OUTGROWN_AFTER
from services.coding.domain.list_item_ending import ended_in_a_later_item
from services.coding.domain.tapered_course import BACK_OR_STILL_TREATED, TAPERED_THEN_OVER_AFTER
from services.coding.domain.treatment_outcome import (HELD_OTHERWISE, OUTCOME_ENDED, STILL_UNDER_TREATMENT,
                                                      TREATED_THEN_OFF_AFTER, TREATED_THEN_OVER_AFTER)

FAMILY = "family"
ANOTHER_PERSON = "another-persons"
TOLD_ONLY = "told-only"
HYPOTHETICAL = "hypothetical"
RESOLVED = "resolved"
LAB_TEST = "lab-test-analyte"
NOT_ESTABLISHED = "not-established"
SINCE_EVENT = "since-event"
COURSE_COMPLETED = "course-completed"
# who alone holds the diagnosis, before the cue: "bipolar disorder - per pt, not confirmed", "(self-reported, unconfirmed)"
_HELD_ONLY_BY = (r"((suspected |reported |dx'?d |diagnosed )?(per|by) (the )?(pt|patient|family|outside (records?|chart))|"
                 r"(pt|patient|self)[- ]reported)\W{1,3}")
NOT_ESTABLISHED_CUE = (r"(" + _HELD_ONLY_BY + r")?(((is|was|were|are) )?(not|never) (met|established|confirmed|supported|made|substantiated|diagnosed)|"
                       # a problem list's item the chart itself withdraws: "GERD - entered in error", "unconfirmed"
                       r"unconfirmed|(entered|listed|recorded|added) in error)|"
                       # weighed and set aside: "bipolar disorder was considered and ruled out"
                       r"((is|was|were|are) )?(considered|entertained|evaluated|raised) (and|but) (was |were )?"
                       r"(ruled out|excluded|rejected)")
CONSIDERED_ONLY = "considered-only"
COUNSELLING_TOPIC = "counselling-topic"
# "considered" or "entertained" closing what is said of the mention, or followed only by when or by whom
# ("considered in 2023", "considered by neurology"); not an adjective after it ("considered stable", "considered
# controlled"), nor a diagnosis then made ("considered and confirmed")
CONSIDERED_ONLY_CUE = (r"^\W{0,3}((is|was|were|has been|had been) )?((also|initially|briefly|first) )?"
                       r"((considered|entertained)\b"
                       r"(?=\W*$|\s*[,;:.)-]|\W*(and|but|in|by|at|on|earlier|previously|before|as a cause)\b)"
                       r"|raised (by|as)\b)"
                       r"(?!\W*(and |but )?(was |is )?(then |later )?(confirmed|diagnosed|established|made)\b)")
# the condition a course the note calls complete was for: "finished 10 days of amoxicillin for sinusitis", "after
# completed tx for lung adenocarcinoma", "after completing 5 d nitrofurantoin for cystitis" (not "completed 3 of 6
# cycles", "not yet completed", nor "completing" without "after": a course still being taken)
COMPLETED_COURSE_CUE = (r"(?<!not )(?<!yet to )(completed|finished|after (completing|finishing))(?! \d+ of)"
                        r"[^.;:]{0,60}\bfor")
# the same course written after the condition it treated: "admitted for CAP, completed levofloxacin", "PE 2022,
# completed 6 mo of apixaban" (a test or a visit completed is not a course: "pneumonia, CXR completed", "completed
# the referral form", "completed diabetes education class")
_NOT_A_COURSE = ("ct", "cxr", "x-ray", "xray", "mri", "us", "ultrasound", "echo", "eval", "evaluation", "workup",
                 "work-up", "testing", "test", "tests", "lab", "labs", "imaging", "study", "scan", "referral", "form",
                 "forms", "questionnaire", "screening", "visit", "education", "class", "classes", "teaching",
                 "training", "program", "session", "vaccine", "vaccines", "vaccination", "series", "paperwork")
COMPLETED_AFTER_CUE = ("".join(rf"(?<!{word} )" for word in ("not", "yet", *_NOT_A_COURSE)) +
                       r"(completed|finished)(?! \d+ of)(?!\W+(an? |the )?(\w+ ){0,2}(" + "|".join(_NOT_A_COURSE) +
                       r")\b)")
# a condition treated at a date written after it by a treatment that ends one: "Graves disease treated with RAI 2015",
# "latent TB treated with rifampin in 2022" (not "osteoporosis treated with ibandronate in 2020": a drug that holds a
# chronic condition; not "treated with RAI since 2015", nor "for 3 years": when a treatment began or its span; nor
# "treated with rifampin 2010, now on ...": still treated)
TREATED_IN_A_YEAR_CUE = (r"treated (with|by|using) (a course of )?(" + ENDING_TREATMENT + r")\b"
                         r"((?!\b(since|for|from)\b)[^.;]){0,40}?\b(in )?(19|20)\d\d"
                         r"(?![^.;]*\b(now on|still|currently|continues|continuing|remains on|ongoing)\b)")
# a problem list's status written after the item, in its status column: "Gout - inactive", "Concussion 2021 -
# historical", "(inactive)", "Fatty liver (resolved on imaging - removed from list)" (not "physically inactive")
# "Asthma | inactive | 2015"; and the shorthand statuses "GERD, remote", "PE - remote, 2018", "TIA (hx)", "(past)",
# "hx of, quiescent" (or "history", as the shorthand writes it out), each closing its item or followed by what
# ended ("Epilepsy - hx, seizure-free since 2010", "peptic ulcer - hx (2017, treated)") (not "hx of migraine",
# "past 2 weeks", "remote from")
LIST_STATUS_PAST = (r"((?<=[-:(|] )|(?<=[-:(|]))(inactive|historical)|removed from (the )?(problem )?list|"
                    r"((?<=[-:(|,] )|(?<=[(]))(remote|hx|hx of|history|history of|past)(?=\s*([).;|]|,\s*((19|20)\d\d|quiescent|resolved|"
                    r"none|no |[a-z]+-free\b)|\((19|20)\d\d\b|$))|"
                    # "MI - old", "eczema (old)", "gout - not active": the status alone closing its item (not "3 days
                    # old", "not active in sports")
                    r"((?<=[-(] )|(?<=[(]))(old|not active)(?=\s*([).;|,]|$))")
# the treatment named over after the condition, its close: "hepatitis C s/p treatment, SVR", "GERD s/p tx" (the
# shorthand writes "s/p" out); not a treatment still named ("s/p treatment with zoledronic acid", "s/p treatment for
# the other one", "s/p treatment, on maintenance")
TREATMENT_OVER_AFTER = (r"(status post|s/p) (treatment|tx|therapy)(?!\s+(for|of|with|to|on|by)\b)"
                        r"(?![^.;]*\b(now on|still|currently|continues|continuing|remains on|maintenance|ongoing)\b)")
# a diagnosis held before and replaced: "previously thought to be panic disorder, now ...", "initially diagnosed as
# cellulitis" (not "initially diagnosed with diabetes in 2015": when it began); it reaches the mention unless the
# clause turns to what it is now ("..., now clearly dermatitis")
SUPERSEDED_CUE = (r"\b((previously|initially|originally|at first|first) (thought|felt|believed) to be|"
                  r"(previously|initially|originally|at first) (diagnosed|labell?ed|called|read|treated) as|"
                  r"(was|were) (thought|felt|believed) to be|misdiagnosed (as|with)|"
                  # a test that weighs a diagnosis and sets it aside: "today's testing does not support ADHD"
                  r"(testing|tests?|evaluation|workup|work-up|findings|results|studies|study)( \w+){0,2} "
                  r"(does|do|did) not (support|confirm))\b(?![^.;]*\bnow\b)")

# a comma before a new subject or a diagnosis stated starts a clause of its own in run-on dictation
NEW_CLAUSE_WORDS = ("he", "she", "they", "also", "diagnosed", "diagnosis")
# (a form's question mark before its answer ends no clause: "Hx of stroke? No" is one item, answered; nor one that
# doubts the word it is written against: "palpitations - ?SVT")
# a stop ends a clause wherever it stands, so the last clause end before a mention is looked for from the last stop
_STOPS = ".;!\n"
_CLAUSE_END = re.compile("[" + _STOPS + "]" + r"|\?(?![ \t]*(no|none|denies|never)\b)(?!\w)|\b(but|however|although|though|except|whereas)\b|,(?=\s*(" + CLAUSE_JOINER + r"\s+)?(" +
                         "|".join(NEW_CLAUSE_WORDS) + r")\b)", re.IGNORECASE)
# a denial's cue does not reach past a comma item that states what the patient has ("Denies chest pain, reports
# palpitations"); the other rules' clauses go on ("Mother with diabetes, has hypertension" stays the mother's)
_NOT_AFFIRMED_AFTER = r"(?![^.;]*" + AFFIRMED_ITEM + ")"
# nor past the spaced dash after the words it denies ("no claudication - diabetic angiopathy"): ConText keeps a sign
# written there denied (`denial_reach`)
_NOT_CLOSED_BY_A_DASH = r"(?!" + DENIED_WORDS_THEN_DASH + ")"


_RULED_OUT_NOT_DOUBTED = r"(?<!cannot be )(?<!can not be )(?<!can't be )(?<!not be )(?<!not been )(?<!not )"


def _words(*cues: str) -> re.Pattern:
    return re.compile(r"\b(" + "|".join(cues) + r")\b", re.IGNORECASE)


# A review-of-systems line: "Resp: neg SOB, cough", "GU: negative dysuria" denies what follows the label, up to a
# "+" that affirms the next item ("neg fever, + cough"). Not "HER2-negative", "Rh negative": only a bare
# "negative" opening the clause or right after its label's colon.
TEMPLATE_NEGATIVE = re.compile(r"(^|:)\s*(negative|neg)\b(?!-)[^+]*$", re.IGNORECASE)
# An encounter form's or a template's empty box: "[ ] Hyperlipidemia", "[x] fever [ ] chills". The item after it
# was offered and not marked, so it is not documented; the nearest box before the mention is the one that speaks.
UNCHECKED_BOX = re.compile(r"\[\s?\][^\[\]]*$")


# A device's or a diary's measure of the condition, at zero: "AT/AF burden 0%", "seizures - 0 episodes" (a decimal
# ends the clause, so the percent sign must follow the zero itself: "burden 0.5%" is not read)
MEASURED_ZERO = r"^\W{0,3}(burden\W{0,3}(0|zero) ?%|(0|zero) (episodes?|events?))"
# A condition named as a test's analyte or an imaging study's target: "hepatitis B surface antibody titer", "Lyme
# IgM", "AAA ultrasound | n/a | not indicated" (the test, not a diagnosis; its result, if the note states one, is
# read by the rules for results)
TEST_SUBJECT = re.compile(r"^[\s-]{0,2}((surface|core|e) )?(antibod(y|ies)|antigens?|ag|ab|ag/ab|titers?|titres?|"
                          r"serology|igg|igm|ultrasound|sonogram|duplex|doppler|cta|mra)\b", re.IGNORECASE)


class WordGated:
    """A pattern searched only where the text holds a string each of its matches needs (`required_literals`): most
    mentions' sentences hold no word of the past, of a doubt or of a relative, and a few dozen substring tests of
    the sentence cost a fraction of a search that tries a long alternation at every position. A text beyond ASCII
    is always searched, as `any_may_match` answers for it."""

    __slots__ = ("_pattern", "_required")

    def __init__(self, pattern: re.Pattern):
        self._pattern, self._required = pattern, (required_literals(pattern),)

    def may_match(self, text: str) -> bool:
        """Lowered here, not by `pattern_literals.lowered_note`, whose few places are for whole notes."""
        return any_may_match(self._required, text.lower() if text.isascii() else None)

    def search(self, text: str) -> re.Match | None:
        return self._pattern.search(text) if self.may_match(text) else None

    def finditer(self, text: str) -> "Iterator[re.Match]":
        return self._pattern.finditer(text) if self.may_match(text) else iter(())

    def search_span(self, text: str, first: int, last: int, lowered: str | None) -> re.Match | None:
        """`search` of text[first:last], the whole text already lowered (`lowered_note`): a note's scope rules read
        several spans of it for each of its mentions."""
        if any_may_match(self._required, None if lowered is None else lowered[first:last]):
            return self._pattern.search(text[first:last])
        return None


@dataclass(frozen=True)
class ScopeRule:
    name: str
    before: re.Pattern | None  # a cue preceding the mention in its clause
    after: re.Pattern | None  # a cue following the mention closely in its clause
    anywhere: re.Pattern | None = None  # a cue anywhere in the clause
    unless: re.Pattern | None = None  # the clause says the mention is current after all
    unless_in_item: re.Pattern | None = None  # ... or the words between the commas around the mention do
    reach: int = 40  # characters a cue written after the mention may stand from it
    next_clause: bool = False  # the cue after the mention may go on past a ";" into the next clause
    # the cue holds only where the mention's own comma item, up to the mention's end, holds this too (a time told
    # before the name, "Childhood asthma", read with the ending told after it)
    named_with: re.Pattern | None = None


RULES = (
    ScopeRule(FAMILY,
              _words("family history", "family hx", "mother", "father", "mom", "dad", "brother", "sister", "sibling",
                     "parents?", "grandmother", "grandfather", "aunt", "uncle", "cousin", "daughter", "son",
                     "relatives?", "family members?"),
              # ("FH gout in both parents")
              re.compile(r"^[^.;]{0,25}\b(in|of) (his|her|their|the patient's|pt's|both)? ?(mother|father|brother|"
                         r"sister|sibling|parents?|grandmother|grandfather|aunt|uncle|cousin|daughter|son)\b|"
                         r"^[^.;]{0,10}\bruns in the family\b", re.IGNORECASE),
              unless=_words(r"lives with", r"accompanied by", r"with (his|her) (mother|father|daughter|son)",
                            r"reports", r"states", r"says", r"brought")),
    # a spouse's or partner's condition: neither the patient's nor a family history, which is a blood relative's
    # ("lives with his wife, who has MS"); not where they only tell of the patient ("wife reports he snores")
    ScopeRule(ANOTHER_PERSON,
              _words("wife", "husband", "spouse", "partner"),
              re.compile(r"^[^.;]{0,25}\b(in|of) (his|her|their|the patient's|pt's) (wife|husband|spouse|partner)\b",
                         re.IGNORECASE),
              unless=_words("here with", "accompanied by", "comes with", "presents with", "reports", "reported",
                            "states", "says", "notes", "noticed", "per", "brought", "concerned", "worried")),
    # a diagnosis the patient says another clinician once gave ("was told she had bipolar disorder"), which this
    # note neither confirms nor treats: not established (guideline IV.H); a mention the provider affirms stands apart
    ScopeRule(TOLD_ONLY,
              re.compile(r"\b(was|were|had been|has been|have been) told (that )?(s?he|they|I) (had|has|have)\b",
                         re.IGNORECASE),
              None,
              unless=_words("on", "takes", "taking", "treated", "treating", "started", "continues", "continue",
                            "confirmed", "agree", "agrees", "controlled", "stable", "now", "still")),
    ScopeRule("screening",
              _words(r"screen(ing|ed)? (test |exam )?for", r"screening"),
              re.compile(r"^[^\w,]{0,3}(\w+[^\w,]+){0,1}(screen|screening|screened)\b", re.IGNORECASE),
              re.compile(r"\b(phq-?[29]|gad-?7|audit-?c|epds|mmse|moca)\b\W+(score\W+|of\W+|was\W+|is\W+|=\W*)*"
                         r"(0|negative|neg)\b", re.IGNORECASE)),
    ScopeRule(HYPOTHETICAL,
              _words(r"if", r"risks? (factors? )?(of|for)", r"at risk", r"((to be|to|will|get|getting) )?tested for", r"(to|will|get|getting) test for", r"testing for",
                     r"(to|will) check for", r"checked for", r"checking for", r"to prevent", r"prevent(s|ing)?", r"prevention of",
                     r"in case of", r"warning signs of", PROPHYLAXIS_BEFORE, *WARNING_BEFORE, TOPIC_BEFORE,
                     r"to avoid", r"would suggest", r"could (develop|cause)", r"may (develop|cause|lead to)",
                     r"can (cause|lead to)", r"progression to", r"(re-?)?assess(ed)? for", r"re-?evaluate for",
                     *ANTICIPATORY_BEFORE, *CHANCE_BEFORE, EXPOSURE_BEFORE),
              # ("educated on hypoglycemia warning signs": the signs it would show, taught); not a talk about
              # another thing's risk after the condition's dash ("schizophrenia - discussed risk of weight gain")
              re.compile(r"^[^\w,]{0,3}((?!(discussed|reviewed|counsell?ed|explained)\b)\w+[^\w,]+){0,1}(risk|prevention|prophylaxis|precautions|warning signs|red flags?|may (occur|develop|recur)|"
                         r"could (occur|develop|recur)|can (occur|develop|recur)|would be|if)\b", re.IGNORECASE)),
    # a drug's harm only counselled on or reviewed, each item of the list up to the mention ("HCTZ: counseled on
    # hypokalemia and gout", "SE reviewed: nausea, HA"): supposed, as a warning is; not where the clause names no drug
    ScopeRule(HYPOTHETICAL, re.compile(SIDE_EFFECT_TALKED_BEFORE, re.IGNORECASE), None,
              unless=re.compile(r"^(?![\s\S]*\b(" + DRUG_WORD + r")\b)", re.IGNORECASE)),
    # a form's answer after the condition's label: "Retinopathy: No", "Suicidal ideation: Denies" (`form_answers`);
    # read before the past's cues, as the answer is what the form says of them ("Prior stroke? None")
    ScopeRule(ANSWERED_NO, None, re.compile(ANSWERED_NO_AFTER, re.IGNORECASE)),
    ScopeRule(RESOLVED,
              _words(r"resolved", r"late effects? of", r"prior(?! to)", r"previous", r"remote", r"healed",
                     # "former smoker, chronic cough": a past habit names only itself
                     r"former(?! (smokers?|drinkers?|vapers?|(tobacco |drug |alcohol |cannabis )?users?)\b)",
                     # "Graves disease treated with RAI 2015, now hypothyroid": how the first condition ended,
                     # not the state it left, which ", now" names as current
                     r"treated(?![^.;]*,\s*now\b)", r"past(?=:)",
                     # "past dx of asthma": the diagnosis named as one held before
                     r"past (dx|diagnosis) of",
                     r"status post treatment (for|of)", r"s/p treatment (for|of)",
                     COMPLETED_COURSE_CUE),
              # ("osteoporosis and a healed radius fx": a cue after an article is the next condition's adjective)
              re.compile(r"^\W{0,3}(\w+\W+){0,5}(?<!\ba )(?<!\ban )(?<!\bthe )"
                         # "pneumonia not resolved", "not yet healed": still here
                         r"(?<!\bnot )(?<!\bnot yet )(?<!\bnever )(?<!\bnot fully )"
                         r"(resolved|has resolved|now resolved|healed(?! (in|with) )|cleared|no longer|"
                         r"no recurrence|(?<!being )(?<!be )repleted|(?<!not )cured|" + LIST_STATUS_PAST + "|" +
                         TREATMENT_OVER_AFTER + "|" +
                         # "vitamin D deficiency corrected" (not a corrected lab value, nor sight with lenses)
                         r"corrected(?! (calcium|ca|qt|qtc|sodium|na|for|with (glasses|lenses|contacts)))|" +
                         COMPLETED_AFTER_CUE + "|" + TREATED_IN_A_YEAR_CUE + "|" + OUTCOME_ENDED + "|"
                         # "Bell's palsy 2 yrs ago, fully recovered": over, unless only in part or not yet
                         r"(?<!not )(?<!not yet )(?<!not fully )(?<!partially )(?<!partly )recovered|"
                         # "made a full recovery" (a condition outgrown is read by its own rule, which knows "back")
                         r"(made|with) an? (full|complete) recovery|"
                         # "Bell's palsy (R) 2020, full recovery": the outcome as its own list entry, not a hope
                         # ("full recovery expected") nor the aim of a plan ("for full recovery")
                         r"(?:(?<=, )|(?<=; )|(?<=- )|(?<=\())(full|complete) recovery"
                         r"(?! (is |was )?(expected|anticipated|likely|unlikely|hoped|possible|doubtful)))\b",
              re.IGNORECASE),
              unless=_words("recurrent", "recurred", "again"),
              # a time of today speaks of its own item: "Lungs clear today, cough resolved" is resolved
              unless_in_item=_words("this morning", "today", "tonight", "overnight")),
    # "s/p CVA", "status post TIA": a cerebrovascular event the patient came through, past as "h/o" says it; a
    # clause that names no such event keeps "s/p" for what it is mostly written before, a procedure
    ScopeRule(RESOLVED, re.compile(r"\b(status post|s/p)\s+((an?|remote|prior|old)\s+)?$", re.IGNORECASE), None,
              unless=re.compile(r"^(?![^.;]*\b(cva|stroke|tia|cerebrovascular accident|cerebral infarction|"
                                r"transient (cerebral )?ischemic attack)s?\b)", re.IGNORECASE)),
    # "pneumonia treated with doxycycline last month, resolved" (`treatment_outcome`)
    ScopeRule(RESOLVED, None, TREATED_THEN_OVER_AFTER, unless=STILL_UNDER_TREATMENT, reach=120),
    # "B12 deficiency, treated, level normal now off supplements" (`treatment_outcome`)
    ScopeRule(RESOLVED, None, TREATED_THEN_OFF_AFTER, unless=HELD_OTHERWISE, reach=100),
    # "PMR dx 2024, prednisone tapered off 3/2026, no recurrence" (`tapered_course`)
    ScopeRule(RESOLVED, None, TAPERED_THEN_OVER_AFTER, unless=BACK_OR_STILL_TREATED, reach=110),
    # "absence epilepsy, outgrown", "febrile seizures as a toddler, grew out of them" (`outgrown`)
    ScopeRule(DATED_PAST, None, OUTGROWN_AFTER, unless=BACK_AGAIN, reach=60),
    # "Kidney stones 10 years ago", "Asthma as a child", "Pneumonia last winter" (`dated_past`)
    ScopeRule(DATED_PAST, None, DATED_PAST_AFTER, unless=STILL_PRESENT),
    # "dc'd atomoxetine last yr for nausea" (`dated_past`)
    ScopeRule(DATED_PAST, re.compile(STOPPED_LONG_AGO_FOR, re.IGNORECASE), None),
    # "Tension headaches in college, none now", "Hypertensive urgency in 2023, none since" (`dated_past`)
    ScopeRule(NONE_SINCE, None, NONE_SINCE_AFTER, unless=NONE_SINCE_UNLESS, reach=80),
    # "Childhood asthma, none since", "Teenage migraines - none since age 16" (`dated_past`)
    ScopeRule(NONE_SINCE_CHILDHOOD, None, NONE_SINCE_NAMED_AFTER, unless=NONE_SINCE_UNLESS, reach=60,
              named_with=TIME_OF_LIFE_BEFORE),
    # "Graves disease treated with radioiodine in 2010" (`dated_past`)
    ScopeRule(DATED_PAST, None, TREATED_IN_THE_PAST_AFTER, unless=STILL_TREATED, reach=70),
    # "DVT of the left leg in 2019, treated", "pericarditis (2022), no recurrence" (`dated_course`)
    ScopeRule(DATED_PAST, None, DATED_THEN_ENDED_AFTER, unless=STILL_GOING, reach=80),
    # "subacute thyroiditis in 2023; TFTs normalised" (`dated_course`)
    ScopeRule(DATED_PAST, None, DATED_THEN_ENDED_NEXT_CLAUSE_AFTER, unless=STILL_GOING, reach=110, next_clause=True),
    # the course that treated it, however long the list of drugs before it: "admitted for cellulitis of the R lower
    # leg, treated with IV cefazolin then cephalexin, course completed 10/14"
    ScopeRule(COURSE_COMPLETED, None, re.compile(r"^[^.;]*?\bcourse,? (was |is |now )*(completed|finished)\b",
                                                 re.IGNORECASE), unless=STILL_PRESENT, reach=120),
    # read after the dated and completed readings, which know the History entries (`ended_episode`): "pericarditis in
    # March 2025, treated with colchicine, now resolved", "aortic valve replacement 2019 for aortic stenosis" (not
    # planned or awaited)
    ScopeRule(RESOLVED, PROCEDURE_DONE_FOR_BEFORE, EPISODE_ENDED_AFTER, unless=ENDED_UNLESS, reach=160),
    # "typical atrial flutter, CTI ablation 3 months ago", "left carpal tunnel release 2022": dated past, a time and
    # no word that it resolved, so the other side's syndrome is not read as said to be over (`ended_episode`)
    ScopeRule(DATED_PAST, None, PROCEDURE_AFTER, unless=PROCEDURE_AFTER_UNLESS, reach=100),
    ScopeRule("negated",
              re.compile("(" + _words("no" + NOT_A_DENIAL_AFTER_NO, *DENIAL_BEFORE, "denies", "denied", "deny", "negative for", "free of", "without",
                                      # not a doubt's ("PE cannot be ruled out - tachycardia": the sign after
                                      # the dash is its reason)
                                      _RULED_OUT_NOT_DOUBTED + r"ruled? out", r"rules out",
                                      # the diagnosis denied as never given: "has never been told he has ..."
                                      r"never (been )?(told|diagnosed)").pattern + ")" + _NOT_AFFIRMED_AFTER + _NOT_CLOSED_BY_A_DASH + "|" +
                         TEMPLATE_NEGATIVE.pattern + "|" + UNCHECKED_BOX.pattern, re.IGNORECASE),
              re.compile(r"^[^\w,]{0,3}(\w+[^\w,]+){0,2}(ruled out|negative|neg|absent|not present|denied|excluded|"
                         # a list item's answer: "Kidney stones - none", "Diabetic retinopathy: none on last
                         # exam" (not "none since 2019": no recurrence of a past one)
                         r"not seen|not found|" + DENIAL_AFTER + r")\b|^\s*[:-]\s*none\b(?!\s+(since|in|for|x)\b)|" + MEASURED_ZERO,
                         re.IGNORECASE)),
    # a study's verdict right before the condition: "serial troponins excluded an MI"
    ScopeRule("negated", re.compile(VERDICT_BEFORE, re.IGNORECASE), None),
    # The event something is dated from: "DMT: none since pregnancy 2023", "no relapse since her MI", "off
    # anticoagulation since the DVT resolved" (right before the mention; not a diagnosis "since dx of diabetes",
    # nor "since diabetes was diagnosed": the date a condition began)
    ScopeRule(SINCE_EVENT, re.compile(r"\bsince(?: (?:his|her|their|the|last|a|an))?\s*$", re.IGNORECASE), None,
              unless=_words("diagnosed", "diagnosis", "dx", "onset")),
    ScopeRule(LAB_TEST, None, TEST_SUBJECT),
    # A diagnosis weighed and set aside after it is named: "criteria for epilepsy not met", "asthma not confirmed
    # on spirometry". Outpatient, a diagnosis not established is not coded (guideline IV.H); its symptoms are.
    # A list item's status after its dash closes the whole item, however many words name the condition ("gout of
    # the R great toe - suspected per outside records, not confirmed").
    ScopeRule(NOT_ESTABLISHED, re.compile(SUPERSEDED_CUE, re.IGNORECASE),
              re.compile(r"^([^\w,]{0,3}(\w+[^\w,]+){0,2}|[^,.;:\n]{0,40}?\s[-\u2013]\s+)(" + NOT_ESTABLISHED_CUE +
                         r")\b", re.IGNORECASE), reach=100),
    # what the patient was counselled about, named right after the cue, a Z code's habit included ("counseled on
    # sleep deprivation"; not "counseled on diet for obesity")
    ScopeRule(COUNSELLING_TOPIC, re.compile(r"\b(" + COUNSELLING_TOPIC_BEFORE + r")\s*$", re.IGNORECASE), None),
    # A diagnosis only weighed: "MS was considered; MRI without demyelination", "asthma considered, methacholine
    # negative", "panic disorder was raised by her PCP". A differential, not a diagnosis made (guideline IV.H).
    ScopeRule(CONSIDERED_ONLY, None, re.compile(CONSIDERED_ONLY_CUE, re.IGNORECASE)),
)


SCREENING = next(rule for rule in RULES if rule.name == "screening")
# the rules that place a mention in the past by what follows it, for the rule findings' reading (`note_text.current`)
PAST_RULES = tuple(rule for rule in RULES if rule.name in (RESOLVED, DATED_PAST, NONE_SINCE, NONE_SINCE_CHILDHOOD,
                                                            COURSE_COMPLETED))
# the rules that say a mention is not the patient's own stated condition (or only a weighed or a supposed one), for
# the rule findings' reading too: "counselled on COPD risk", "may cause gout" keep a finding out as they keep a term
NOT_STATED_RULES = tuple(rule for rule in RULES if rule.name in (ANOTHER_PERSON, TOLD_ONLY, HYPOTHETICAL,
                                                                 CONSIDERED_ONLY, NOT_ESTABLISHED))
# the rules a Z code's mention is read by: its text carries its own context ("family history of", "screening for"),
# but not the date of the event it names ("since pregnancy 2023" is no pregnant state today), nor a form's answer
# after it ("Tobacco use: Never")
Z_CODE_RULES = tuple(rule for rule in RULES if rule.name in (SINCE_EVENT, ANSWERED_NO, COUNSELLING_TOPIC))


@dataclass(frozen=True)
class Scope:
    rule: str
    cue: str


@dataclass(frozen=True)
class SkippedMention:
    """A condition named in the note and not coded, with the rule that kept it out."""

    code: str
    start: int
    end: int
    evidence: str
    rule: str


@lru_cache(maxsize=32)
def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding text[start:end]: from the last clause end before it to the first after it. Remembered
    for the last few mentions: `screened`, the scope rules `current` reads and the suggester's ask it again for the
    same mention, most often right after one another."""
    # a scan of text[:start] from its start would match each stop, so it is in step there: read on from the last
    first = max(text.rfind(stop, 0, start) for stop in _STOPS) + 1
    for found in _CLAUSE_END.finditer(text, first, start):
        first = found.end()
    after = _CLAUSE_END.search(text, end)
    return first, (after.start() if after else len(text))


def screened(text: str, start: int, end: int) -> bool:
    """The mention names what a screening looks for ("lung ca screening", "screening for colon cancer"), not
    what it found ("LDCT for lung ca screening: 6 mm nodule")."""
    first, last = clause(text, start, end)
    first = max(first, text.rfind(":", first, start) + 1)
    before, after, _ = _cue_gates(SCREENING)
    lowered = lowered_note(text)
    return bool(before.search_span(text, first, start, lowered)
                or after.search_span(text, end, min(last, end + SCREENING.reach), lowered))


# the `resolved` cues that only date the condition ("prior MI", "previous DVT", "remote stroke"), beside those that
# say how it ended ("resolved", "healed", "treated"): the first are a past condition, as "history of" is
# So is the condition a completed course was for ("completed 7d levofloxacin for CAP": Z87.01).
# A "Past:" heading lists what the patient had, as "history of" does ("PMH:" lists current conditions too).
# (or a "Hx of:" heading's items, each as "h/o" names it: `section_headings`)
_PAST_BY_NAME = re.compile(r"prior|previous|former|remote|past|past (dx|diagnosis) of|(hx|history)( of)?|h/o|"
                           r"status post|s/p|"
                           + COMPLETED_COURSE_CUE, re.IGNORECASE)
# and, written after it, a problem list's "historical" or "old" ("MI - old": I25.2) or the course it completed
# ("PE 2022, completed 6 mo of apixaban": Z86.711), or says it was outgrown or fully recovered from; "inactive" or
# "resolved" say it ended, not that the History entry is meant. A status closing a list item is read without its
# dash or bracket ("Kidney stones - hx": Z87.442; "TIA (remote, 2018)": Z86.73)
_PAST_AFTER = re.compile(r"\b(historical|old|completed|finished|cured|outgrown|outgrew|full recovery|complete recovery|"
                         + OUTCOME_ENDED + r")\b|" + TREATED_IN_A_YEAR_CUE + "|" + TREATMENT_OVER_AFTER, re.IGNORECASE)


def past_by_name(scope: "Scope | None") -> bool:
    """The mention is kept out by a `resolved` cue that names it past ("Prior MI 2020"): where the index has a
    History entry for it, that is the code (I25.2 old myocardial infarction), as for "h/o MI"."""
    if scope is not None and scope.rule in (SINCE_EVENT, DATED_PAST, NONE_SINCE, NONE_SINCE_CHILDHOOD, COURSE_COMPLETED):  # "no chest pain since MI 2020": an old MI
        return True
    return scope is not None and scope.rule == RESOLVED and bool(_PAST_BY_NAME.fullmatch(scope.cue.lstrip("-–:(|, "))
                                                                 or _PAST_AFTER.search(scope.cue))


def _comma_segment(text: str, first: int, last: int, start: int, end: int) -> str:
    """The part of the clause between the commas around the mention: a time that says it is current after all
    ("today") speaks of its own item, not of the next one ("Lungs clear today, cough resolved")."""
    right = text.find(",", end, last)
    return text[_item_start(text, first, start):(right if right >= 0 else last)]


def _item_start(text: str, first: int, start: int) -> int:
    """Where the comma item holding the mention at text[start] opens, in the clause opening at text[first]."""
    left = text.rfind(",", first, start)
    return left + 1 if left >= 0 else first


def mention_scope(text: str, start: int, end: int, rules: tuple[ScopeRule, ...] = RULES) -> Scope | None:
    """The first rule whose cue reaches the mention text[start:end], or None: the mention is current."""
    first, last = clause(text, start, end)
    whole, lowered = text[first:last], lowered_note(text)
    own = _comma_segment(text, first, last, start, end)
    uncued = _uncued_rules(text)
    for rule in rules:
        if id(rule) in uncued:
            continue
        reach_end = _next_clause_end(text, last) if rule.next_clause else last
        found, at = _cue(rule, text, lowered, ((first, start), (end, min(reach_end, end + rule.reach)), (first, last)))
        if found and closed_on_the_name_before(text, at + found.start(), at + found.end(), start):
            # the cue is another item's: only one written after that item's end may reach the mention
            opens = _ITEM_END.search(text, text.find(")", at + found.end()), start).end()
            found, _ = _cue(rule, text, lowered, ((opens, start), (end, min(reach_end, end + rule.reach)),
                                                  (opens, last)))
        if found and at == end and rule.name in (RESOLVED, COURSE_COMPLETED) and ended_in_a_later_item(
                text[:start], text[end:at + found.end()]):
            continue  # "GAD, HTN, breast ca s/p lumpectomy, no recurrence": the ending is the last item's
        if found and rule.named_with is not None and not rule.named_with.search(text, _item_start(text, first, start),
                                                                                end):
            continue
        # the `unless` words are read only where a cue is found: most mentions meet none, and both reads are pure
        if found and not ((rule.unless is not None and rule.unless.search(whole)) or (
                rule.unless_in_item is not None and rule.unless_in_item.search(own))):
            return Scope(rule.name, found.group(0).strip())
    return _under_heading(text, start, whole, rules)


_ITEM_END = re.compile(r"[,;]")


def closed_on_the_name_before(text: str, cue_start: int, cue_end: int, start: int) -> bool:
    """A cue inside a parenthesis closed, with its item, before the mention speaks of the name the parenthesis
    follows: in "LBBB (remote), MI (new)" the "remote" is the LBBB's, not the MI's ("(remote) MI" is the MI's)."""
    opening, between = text.rfind("(", 0, cue_start + 1), text[cue_end:start]
    closing = between.find(")")
    return cue_end <= start and opening >= 0 and ")" not in text[opening:cue_start] and closing >= 0 and bool(
        _ITEM_END.search(between, closing))


def _next_clause_end(text: str, last: int) -> int:
    """Where the clause after a ";" at text[last] ends (last itself where the clause ends otherwise)."""
    return clause(text, last + 1, last + 1)[1] if text.startswith(";", last) else last


@dataclass(frozen=True, eq=False)
class _Cue:
    """One of a rule's cue patterns as the prefilter reads it (its text and flags): hashed by identity, where a
    compiled pattern's hash reads its whole program."""

    rule: int  # its rule's id
    pattern: str
    flags: int


@cache
def _cue_prefilter() -> tuple[Prefilter, tuple[int, ...]]:
    """The prefilter of every rule's cues, and the id of each cue's rule by the cue's place in it."""
    cues = [_Cue(id(rule), cue.pattern, cue.flags) for rule in RULES
            for cue in (rule.before, rule.after, rule.anywhere) if cue is not None]
    return Prefilter(cues, scan=NOTE_WORDS), tuple(cue.rule for cue in cues)


_RULE_IDS = frozenset(map(id, RULES))


@lru_cache(maxsize=8)
def _uncued_rules(text: str) -> frozenset[int]:
    """The ids of the rules none of whose cue patterns can match anywhere in the note (each lacks a word it needs):
    they reach none of its mentions. Remembered for the note's other mentions, which the suggester and the
    readings look up one by one. By id, as hashing a rule hashes its compiled patterns; the rules live as long
    as the module, so no id is reused (and a rule not among them is always tried). Read from the cues' places,
    without the set of the cues themselves."""
    prefilter, rule_by_place = _cue_prefilter()
    return _RULE_IDS.difference(map(rule_by_place.__getitem__, prefilter.possible_places(text)))


def _under_heading(text: str, start: int, whole: str, rules: tuple[ScopeRule, ...]) -> Scope | None:
    """A list item under a family history, resolved problems or surgical history heading (`section_headings`)."""
    section = section_of(text, start)
    if section is None:  # most mentions: no rule to look for
        return None
    rule = next((rule for rule in rules if rule.name == section.name), None)
    if rule is None or (rule.unless is not None and rule.unless.search(whole)):
        return None
    return Scope(rule.name, section.heading)


def _cue(rule: ScopeRule, text: str, lowered: str | None,
         spans: tuple[tuple[int, int], ...]) -> tuple[re.Match | None, int]:
    """The first of the rule's before, after and anywhere cues found in its span of the text (before the mention,
    closely after it, the whole clause), with where that span opens in the text (the match's offsets are the
    span's)."""
    for gate, (first, last) in zip(_cue_gates(rule), spans):
        found = gate.search_span(text, first, last, lowered) if gate is not None else None
        if found:
            return found, first
    return None, 0


@cache
def _gates_by_rule() -> dict[int, tuple["WordGated | _Plain | None", ...]]:
    """Each rule's cue gates by the rule's id (as `_uncued_rules` keys them), built on the first mention read."""
    return {id(rule): _gates_of(rule) for rule in RULES}


# the cues searched without a gate: on the spans the suggester gives them, the plain search cost less than the
# gate's test (best of three, us a call over the first 500 development notes: a form's answer after the mention
# 0.47 against 1.29, its words in half the spans; a test's analyte 0.48 against 0.84; a supposed condition's word
# after it 0.55 against 0.70): short patterns anchored at the mention, whose search stops within a few characters
_SEARCHED_PLAINLY = frozenset({(ANSWERED_NO, "after"), (LAB_TEST, "after"), (HYPOTHETICAL, "after")})


class _Plain:
    """A cue searched wherever it is asked: `WordGated.search_span`'s answer without its test."""

    __slots__ = ("_pattern",)

    def __init__(self, pattern: re.Pattern):
        self._pattern = pattern

    def search_span(self, text: str, first: int, last: int, lowered: str | None) -> re.Match | None:
        return self._pattern.search(text[first:last])


def _gates_of(rule: ScopeRule) -> tuple["WordGated | _Plain | None", ...]:
    return tuple(None if cue is None else _Plain(cue) if (rule.name, slot) in _SEARCHED_PLAINLY else WordGated(cue)
                 for slot, cue in zip(("before", "after", "anywhere"), (rule.before, rule.after, rule.anywhere)))


def _cue_gates(rule: ScopeRule) -> tuple["WordGated | _Plain | None", ...]:
    """A rule outside RULES (none today) has its gates built on each read."""
    return _gates_by_rule().get(id(rule)) or _gates_of(rule)
