"""A myocardial infarction dated by its year: "MI 2019 with stent to RCA", "NSTEMI (03/2021)", "DES 3/2024 for
NSTEMI", or called old: "MI - old", "old inferior MI". I21-I22 are for the four weeks after the infarction (guideline I.C.9.e.1); one the note dates to a year, or
to more than four weeks ago ("s/p PCI 6 weeks ago for NSTEMI", "NSTEMI 5 months ago"), is past them, and is "Infarct,
myocardial, old (healed)" I25.2 (I.C.9.e.4), as "h/o MI" is. Not where its sentence says it is recent.
"""
import re

from services.coding.domain.note_text import sentence_end, sentence_start
from services.coding.domain.suggestions import Suggestion, recoded

NAME = "dated-infarction"
OLD_INFARCTION = "I25.2"
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_YEAR_AFTER = re.compile(r"^\W{0,3}((in|on|of) )?((\d{1,2}/){1,2}|" + _MONTH + r" )?(19|20)\d\d\b", re.IGNORECASE)
# the wall or artery it names, which may stand between a date or "old" and the infarction ("2019 inferior STEMI")
# and its ST segment's words, read as "STEMI" is written out ("inferior ST elevation myocardial infarction")
_SITE = (r"(((antero|infero|postero)?(inferior|anterior|lateral|posterior|septal|apical)|wall|lad|rca|lcx|"
         r"circumflex|(non[ -])?st[ -](segment[ -])?elevation)[ -]+)*")
# a date right before it, as the reason of what was done then: "DES to LAD 3/2024 for NSTEMI", "2021: NSTEMI"
_YEAR_BEFORE = re.compile(r"\b(19|20)\d\d\W{0,3}((for|with|after) (an? )?)?" + _SITE + "$", re.IGNORECASE)
# called old or healed, the index's "Infarct, myocardial, old (healed)": "MI - old", "MI (old)", "old inferior MI"
_OLD_AFTER = re.compile(r"^\W{0,3}(old|healed)\b", re.IGNORECASE)
_OLD_BEFORE = re.compile(r"\b(old|healed)\s+" + _SITE + "$", re.IGNORECASE)
# more than four weeks: months or years, or five weeks and more
_BEYOND_FOUR_WEEKS = re.compile(r"\b((\d+|a few|few|several) (months?|mos?|years?|yrs?)|([5-9]|[1-9]\d) (weeks?|wks?))"
                                r" ago\b", re.IGNORECASE)
_RECENT = re.compile(r"\b(recent|recently|acute|this (week|month)|(\d+|few|several) (days?|d) ago|"
                     r"([1-4]|a few|few|several|one|two|three|four) (weeks?|wks?) ago|"
                     r"last (week|month)|admitted|currently)\b", re.IGNORECASE)


def dated_infarctions(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    out, reasons = list(suggestions), []
    for s in suggestions:
        if not s.code.startswith(("I21", "I22")) or s.context != "affirmed" or not tabular.is_billable(OLD_INFARCTION):
            continue
        first, last = sentence_start(note, s.start), sentence_end(note, s.end)
        year = _YEAR_AFTER.search(note[s.end:last])
        old = _OLD_AFTER.search(note[s.end:last]) or _OLD_BEFORE.search(note[first:s.start])
        dated = year or _YEAR_BEFORE.search(note[first:s.start]) or _BEYOND_FOUR_WEEKS.search(note[first:last])
        if (dated or old) is None or _RECENT.search(note[first:last]):
            continue
        reason = (f"{s.evidence}{year.group(0)}: dated to a year" if year else
                  f"{s.evidence} ({old.group(0).strip()}): called old" if dated is None else
                  f"{s.evidence} ({dated.group(0).strip()}): dated past its first four weeks")
        reason += f", an old infarction {OLD_INFARCTION} (not {s.code})"
        made = recoded(out, note, s, OLD_INFARCTION, tabular, NAME, reason, context="history")
        if made is not None:
            out, reasons = made, [*reasons, reason]
    return out, reasons
