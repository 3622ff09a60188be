"""Gout the note says is over: "Gout of the R great toe 2018, no flares since, off allopurinol", "hx of gout, none in
6 yrs, not on allopurinol", "Gout (inactive) - last flare 2015, no urate-lowering therapy". Gout is chronic, so quiet
months under a urate-lowering drug are gout kept in check, coded as gout; but attacks long gone with no drug taken
now mean the condition no longer exists and is not treated, the personal history of a musculoskeletal disease
(index: History, personal, disease, musculoskeletal NEC, Z87.39; guideline I.C.21.c.4), never the gout's own code.

The end must be stated in the gout's own clause (or as the next clause's first words: "gout in 2021; urate normal
on diet, no flare since") and dated back: a year, "years ago", "since", "in the past", "x 6 yrs". Not a gout a
drug treats now ("on allopurinol", "febuxostat 40 mg", "continue colchicine"), a flare now, tophi, a chronic or
active gout, a relative's or a denied one.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.ended_history import DATED_SEASONS_BACK
from services.coding.domain.note_text import FAMILY, NEGATION, before, sentence, sentence_end
from services.coding.domain.suggestions import Suggestion, from_rule, replacing

NAME = "past-gout"
CODE = "Z87.39"
_GOUT = re.compile(r"\b(gout(y arthritis)?|podagra)\b", re.IGNORECASE)
# the attacks stopped: "no flares since", "none in 6 yrs", "resolved", "inactive", "in the past", "quiet"
_OVER = re.compile(r"\b((no|without) (further |more |gout |gouty )?(flares?|attacks?|recurrences?|episodes?)|"
                   r"none (since|in)|resolved|inactive|in the past|quiet|outgrown|last (flare|attack) (in )?(19|20)\d\d)\b",
                   re.IGNORECASE)
# ...and long enough ago: a span of years (more than one: a gout quiet for a year is gout kept quiet) or a "since",
# on top of the years the ended history reads
_LONG_AGO = re.compile(r"\b(since|in the past|(x|for|in|over) ?([2-9]|\d\d|a few|few|several|many|two|three|four|"
                       r"five|six|seven|eight|nine|ten) ?(years?|yrs?|y)|last (flare|attack) (in )?(19|20)\d\d)\b",
                       re.IGNORECASE)
_DRUGS = r"(allopurinol|zyloprim|febuxostat|uloric|probenecid|pegloticase|krystexxa|colchicine|lesinurad)"
_DRUG = re.compile(rf"\b{_DRUGS}\b", re.IGNORECASE)
# a drug named is taken now unless its words say it was stopped or belonged to the attacks' own course ("off
# allopurinol", "never on", "not on", "no longer on", "was on", "resolved with colchicine", "allopurinol stopped")
_DRUG_NOT_TAKEN_BEFORE = re.compile(r"(\b(off|stopped|discontinued|never( on| needed| took| taken)?|"
                                    r"(resolved|treated|settled|managed) with)( (?!on\b)\S+){0,2}|"
                                    r"\b(not on|no longer( on)?|was on|were on|without|no))\s*$", re.IGNORECASE)
_DRUG_NOT_TAKEN_AFTER = re.compile(r"\s*(was |were )?(stopped|discontinued|d/?c'?d|held|completed)\b", re.IGNORECASE)
_ACTIVE = re.compile(r"\b(acute|active|flaring|flare (today|now|this|last)|current(ly)?|ongoing|recurrent|chronic|"
                     r"toph(i|us|aceous)|now|today|crystals)\b", re.IGNORECASE)
# a history cue right before a later mention ("Hx gout - no tx", shorthand written out as "history")
_HISTORY_RIGHT_BEFORE = re.compile(r"\b(hx|history|h/o)( of)?:?\s*$", re.IGNORECASE)
# the next clause opening on the attacks' end ("gout in 2021; urate normalised on diet, no flare since")
_NEXT_CLAUSE_OVER = re.compile(r"\s*;[^.;]{0,40}?\bno (gout )?(flares?|attacks?) since\b", re.IGNORECASE)


@needs(patterns=[_GOUT])
def past_gout(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if not tabular.is_billable(CODE):
        return suggestions, []
    mentions = list(_GOUT.finditer(note))
    over = [match for match in mentions if _over(match, note)]
    # once the note says the gout is over, "Hx gout - no tx" further on is the same past gout, not a current one
    over += [match for match in mentions if match not in over and over and _HISTORY_RIGHT_BEFORE.search(
        before(note, match.start())) and not _current(note[match.start():sentence_end(note, match.end())])]
    out, reasons = list(suggestions), []
    for match in over:
        reason = f"{match.group(0)}: {CODE}, gout whose attacks ended long ago with no drug taken now is personal history"
        made = replacing(out, from_rule(CODE, match, tabular, NAME, reason, context="history"))
        if made is not None:
            out, reasons = made, [*reasons, reason]
    return out, reasons


def _over(match: re.Match, note: str) -> bool:
    """The gout at `match` ended long ago in its own account, which names no treatment or activity now."""
    preceding = before(note, match.start())
    if NEGATION.search(preceding) or FAMILY.search(sentence(note, match.start(), match.end())):
        return False
    clause_end = sentence_end(note, match.end())
    account = note[match.start():clause_end]
    following = _NEXT_CLAUSE_OVER.match(note, clause_end)
    if following:
        account += note[clause_end:sentence_end(note, following.end())]
    # a drug or a flare now anywhere in the sentence, beyond its semicolons ("no flares since; continue allopurinol")
    whole = preceding + note[match.start():sentence_end(note, match.end(), across_semicolons=True)]
    if not _OVER.search(account) or _current(account) or _current(whole):
        return False
    return bool(_LONG_AGO.search(account) or DATED_SEASONS_BACK.search(preceding + account))


def _current(account: str) -> bool:
    """The account says the gout is active or names a drug for it taken now."""
    return bool(_ACTIVE.search(account)) or any(not (_DRUG_NOT_TAKEN_BEFORE.search(account[max(0, m.start() - 30):m.start()])
                    or _DRUG_NOT_TAKEN_AFTER.match(account, m.end())) for m in _DRUG.finditer(account))
