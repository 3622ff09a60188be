"""Nicotine dependence by the product (ICD-10-CM index: "Dependence, drug, nicotine, cigarettes" F17.210,
"chewing tobacco" F17.220, "cigars"/"other tobacco product" F17.290; an electronic cigarette or vape is
the other product, F17.290, though its name holds "cigarette"), and a current smoker is nicotine
dependence ("Smoker - see Dependence, drug, nicotine"; guidelines I.C.5.b: F17 rather than Z72.0 once the
note documents dependence or smoking).

The index finds "nicotine dependence" as F17.200 (unspecified product); the product the sentence names
makes it specific. "Smokes cigarettes" or "current smoker of cigarettes" with no F17 code found is F17.210.
A former, denied or relative's smoking is not (the history rule codes a former smoker Z87.891).

Smoking the sentence says is not dependence ("smokes a few cigarettes at parties, not nicotine dependent") is
tobacco use, Z72.0 ("Use, tobacco"; Excludes1 F17.-): the provider's statement overrides the index's "Smoker"
default. A "tobacco use disorder" is not that use: it is the DSM-5 name of nicotine dependence, F17.2- by the
product, in remission (the sixth character 1) only where the sentence says so (I.C.5.b.1); one called mild is
left as the index reads it. Dependence the sentence states in so many words ("smokes 1 ppd, nicotine dependent") is current however
the sentence goes on: cessation counselling is given to smokers, so "cessation" there does not make it past.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.history_z_codes import FORMER_SMOKER
from services.coding.domain.note_text import (FAMILY, HISTORY, NEGATION, affirmed_now, before, sentence,
                                               sentence_end, sentence_start)
from services.coding.domain.smoke_exposure import HOUSEHOLD
from services.coding.domain.suggestions import Suggestion, from_rule, replacing

NAME = "tobacco-product"
PRODUCTS = ((re.compile(r"\be-?cig(arette)?s?\b|\belectronic cigarettes?\b|\bvap(e|es|ed|er|ing)\b", re.IGNORECASE),
             "F17.290", "electronic cigarettes (another tobacco product)"),
            # pack-years count cigarettes; "cigarretes", "cigs" as dictated
            (re.compile(r"\bcigarr?ett?es?\b|\bcigs\b|\bpacks?[- ](a|per)[- ]day\b|\bppd\b|\bpa?c?k[- ]?y(ea)?rs?\b",
                        re.IGNORECASE), "F17.210", "cigarettes"),
            (re.compile(r"\bchewing tobacco\b|\bchews tobacco\b|\bsmokeless tobacco\b|\bsnuff\b|\bdip\b", re.IGNORECASE),
             "F17.220", "chewing tobacco"),
            (re.compile(r"\bcigars?\b|\bpipe\b", re.IGNORECASE), "F17.290", "another tobacco product"))
# a vaper is a user of nicotine only where the sentence says nicotine ("vapes nicotine daily"; not "vapes THC");
# a chewer or dipper of tobacco is its user as a smoker is ("chews tobacco daily", "dips snuff")
# a daily quantity of cigarettes is smoking now, whatever the entry is headed ("Tobacco use: 1/2 ppd cigarettes",
# "Tob use - 10 cigs/day"): the index's "Smoker", not "Use, tobacco"; pack-years count a lifetime, not a day
_DAILY_QUANTITY = (r"(?:\d+(?:\.\d+)?|\d/\d|½|a|one|half a)[ \t-]*(?:ppd\b|packs?[ \t-](?:a|per)[ \t-]day\b|"
                   r"(?:cigarettes|cigs)[ \t]*(?:a|per|/)[ \t]*d(?:ay)?\b)")
_SMOKER = re.compile(r"\b(current smoker|active smoker|smoker|smokes|smoking|chews|dips|"
                     r"(vapes|vaping|vaper)(?=[^.;\n]*\bnicotine\b)|(?<=nicotine )(vapes|vaping|vape))\b|"
                     rf"(?<![\w/.])(?P<quantity>{_DAILY_QUANTITY})", re.IGNORECASE)
# "not ready to quit" is a current smoker
_NOT_CURRENT = re.compile(r"\b(former|(?<!to )quit|ex-smoker|never|non-?smoker|stopped|cessation|passive|second-?hand)\b",
                          re.IGNORECASE)
_DEPENDENCE_STATED = re.compile(r"\b((nicotine|tobacco)[- ]dependen(t|ce)|dependen(t|ce) on (nicotine|tobacco|cigarettes))\b",
                                re.IGNORECASE)
_NOT_DEPENDENT = re.compile(r"\b(not|no|without|denies)\s+(physically |physiologically )?(nicotine |tobacco )?"
                            r"dependen(t|ce)\b|"
                            r"\bnot meet(ing)? (the )?criteria for (nicotine|tobacco) (dependence|use disorder)\b",
                            re.IGNORECASE)
# past or another's smoke, where dependence is stated: the words of `_NOT_CURRENT` without "cessation"
_PAST_ONLY = re.compile(r"\b(former|(?<!to )quit|ex-smoker|never|non-?smoker|stopped|in remission|passive|"
                        r"second-?hand)\b", re.IGNORECASE)
# another of the household as the one who smokes or chews: "wife chews tobacco", "her husband also smokes"
_SOMEONE_ELSE_DOES = re.compile(rf"\b({HOUSEHOLD})\W+(also |still |who )?$", re.IGNORECASE)
_SMOKER_WORD = re.compile(r"\b(smoker|smokes|smoking|chews|dips|vapes|vaping|vaper)\b", re.IGNORECASE)
_SMOKES_NOW = re.compile(rf"smokes|chews|dips|current smoker|active smoker|{_DAILY_QUANTITY}", re.IGNORECASE)
TOBACCO_USE = "Z72.0"
_USE_DISORDER = re.compile(r"\b(tobacco|nicotine|cigarette) use (disorder|d/o)\b", re.IGNORECASE)
_MILD = re.compile(r"\bmild\b", re.IGNORECASE)
_REMISSION = re.compile(r"\b(?<!not )in (early |sustained |full |partial )?remission\b", re.IGNORECASE)


def _product(text: str) -> tuple[str, str] | None:
    return next(((code, what) for pattern, code, what in PRODUCTS if pattern.search(text)), None)


# the one product the patient's own smoking names anywhere in the note: "Smokes 1 ppd cigarettes. ... Nicotine
# dependence - advised to quit" (a dip or a pipe said alone may be another thing: "nocturnal dip", "G-tube pipe")
_NAMED_PRODUCTS = (PRODUCTS[1], (re.compile(r"\bchewing tobacco\b|\bchews tobacco\b|\bsmokeless tobacco\b|\bsnuff\b",
                                            re.IGNORECASE), "F17.220", "chewing tobacco"),
                   (re.compile(r"\be-?cig(arette)?s?\b|\bcigars?\b", re.IGNORECASE), "F17.290",
                    "another tobacco product"))
# "Nicotine dependence, cigarettes, with nicotine-induced insomnia": the dependence with another nicotine-induced
# disorder (the sixth character 8), not plain dependence
_INDUCED = re.compile(r"\b(nicotine|tobacco|smoking)[- ]induced\b", re.IGNORECASE)
_INDUCED_DISORDER = "8"
_ACTIVE = re.compile(r"F17\.2\d0")
_NICOTINE_WITHDRAWAL = re.compile(r"\b(nicotine|tobacco|cigarette) withdrawal\b", re.IGNORECASE)
_WITH_WITHDRAWAL = "3"


@needs(codes=("F17.200",), patterns=(_SMOKER, _USE_DISORDER, _INDUCED, _NICOTINE_WITHDRAWAL))
def tobacco_product(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    out, reasons = _use_disorders(list(suggestions), note, tabular)
    for s in suggestions:
        product = (_product(sentence(note, s.start, s.end)) or _note_product(note)) if s.code == "F17.200" else None
        if product and tabular.is_billable(product[0]):
            reason = f"nicotine dependence on {product[1]}: {product[0]} rather than F17.200"
            out = [o for o in out if o is not s] + [s.model_copy(update={
                "code": product[0], "description": tabular.description(product[0]), "convention": NAME,
                "reason": reason})]
            reasons.append(reason)
    out, reasons = _induced_disorders(out, reasons, note, tabular)
    if any(s.code.startswith("F17") for s in out):
        return out, reasons
    withdrawal = next((m for m in _NICOTINE_WITHDRAWAL.finditer(note) if affirmed_now(note, m.start(), m.end())
                       and not FAMILY.search(sentence(note, m.start(), m.end()))), None)
    if withdrawal is not None:
        return _dependence_with_withdrawal(out, reasons, note, withdrawal, tabular)
    for match in _SMOKER.finditer(note):
        text = sentence(note, match.start(), match.end())
        if match.group("quantity") and _SMOKER_WORD.search(note, sentence_start(note, match.start()), match.start()):
            continue  # the sentence's own smoker or smoking word was read, with whose it is
        if _NOT_DEPENDENT.search(text):
            return _tobacco_use(out, reasons, note, match, text, tabular)
        product = _product(text)
        if product and _current(note, match, text) and tabular.is_billable(product[0]):
            reason = f"{match.group(0)} ({product[1]}): {product[0]}, a current smoker is nicotine dependence"
            made = replacing(out, from_rule(product[0], match, tabular, NAME, reason))
            if made is not None:
                return [s for s in made if s.code != "Z72.0"], [*reasons, reason]
    return out, reasons


def _dependence_with_withdrawal(out: list[Suggestion], reasons: list[str], note: str, withdrawal: re.Match,
                                tabular) -> tuple[list[Suggestion], list[str]]:
    """Nicotine withdrawal is the dependence's complication ("Withdrawal, nicotine - see Dependence, drug, nicotine,
    with withdrawal"): F17.2x3 by the product, though the patient stopped smoking days ago to be in it."""
    product = _note_product(note) or ("F17.200", "an unnamed product")
    code = product[0][:-1] + _WITH_WITHDRAWAL
    if not tabular.is_billable(code):
        return out, reasons
    reason = f"{withdrawal.group(0)} ({product[1]}): {code}, nicotine dependence with withdrawal"
    made = replacing(out, from_rule(code, withdrawal, tabular, NAME, reason))
    return (out, reasons) if made is None else (made, [*reasons, reason])


def _note_product(note: str) -> tuple[str, str] | None:
    named = sorted({(code, what) for pattern, code, what in _NAMED_PRODUCTS for m in pattern.finditer(note)
                    if _own_and_not_denied(note, m)})
    return named[0] if len({code for code, _ in named}) == 1 else None


def _own_and_not_denied(note: str, match: re.Match) -> bool:
    said_before = before(note, match.start())
    return not (FAMILY.search(sentence(note, match.start(), match.end())) or NEGATION.search(said_before)
                or _SOMEONE_ELSE_DOES.search(said_before))


def _induced_disorders(out: list[Suggestion], reasons: list[str], note: str,
                       tabular) -> tuple[list[Suggestion], list[str]]:
    for s in list(out):
        first = sentence_start(note, s.start)
        induced = _INDUCED.search(note, first, sentence_end(note, s.end)) if _ACTIVE.fullmatch(s.code) else None
        code = s.code[:-1] + _INDUCED_DISORDER
        if induced is None or NEGATION.search(note[first:induced.start()]) or not tabular.is_billable(code):
            continue
        reason = f"{s.evidence} with a {induced.group(0)} disorder: {code} rather than {s.code}"
        out = [o for o in out if o is not s] + [s.model_copy(update={
            "code": code, "description": tabular.description(code), "convention": NAME, "reason": reason})]
        reasons = [*reasons, reason]
    return out, reasons


def _use_disorders(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    """A tobacco use disorder the note holds as current: nicotine dependence by the product, in place of Z72.0."""
    out, reasons = suggestions, []
    for match in _USE_DISORDER.finditer(note):
        text = sentence(note, match.start(), match.end())
        if _MILD.search(text) or NEGATION.search(before(note, match.start())) or FAMILY.search(text):
            continue
        named = _product(text)
        if named is None and (_SMOKER.search(note) or any(s.code.startswith("F17") for s in out)):
            continue  # the smoking another sentence describes gives the product
        product = (named or ("F17.200", "an unnamed product"))[0]
        code = product[:-1] + "1" if _REMISSION.search(text) else product
        if not tabular.is_billable(code):
            continue
        reason = f"{match.group(0)}: {code}, the DSM-5 name of nicotine dependence, not tobacco use (Z72.0)"
        made = replacing(out, from_rule(code, match, tabular, NAME, reason))
        if made is not None:
            out, reasons = [s for s in made if s.code != TOBACCO_USE], [*reasons, reason]
    return out, reasons


def _current(note: str, match: re.Match, text: str) -> bool:
    """Cessation counselling is given to smokers: where dependence is stated, or the sentence says the patient
    smokes now ("smokes 1/2 ppd - cessation counseling"), "cessation" does not make the smoking past. A daily
    quantity told in the past tense with its end ("smoked a pack a day in college, none since 2019") is a former
    smoker's (Z87.891), not smoking now."""
    stated = _DEPENDENCE_STATED.search(text) and not _NOT_DEPENDENT.search(text)
    not_current = _PAST_ONLY if stated or _SMOKES_NOW.fullmatch(match.group(0)) else _NOT_CURRENT
    said_before = before(note, match.start())
    return not (NEGATION.search(said_before) or _SOMEONE_ELSE_DOES.search(said_before) or not_current.search(text)
                or FAMILY.search(text) or HISTORY.search(text) or _told_as_ended(note, match))


def _told_as_ended(note: str, match: re.Match) -> bool:
    """The smoking word or quantity is part of a smoking its sentence tells as over ("smoked a pack a day in
    college, none since 2019"), not of another clause beside it ("smokes 1/2 ppd; smoked 2 ppd until 2020")."""
    first, last = sentence_start(note, match.start()), sentence_end(note, match.end())
    return any(m.start() <= match.start() < m.end() for m in FORMER_SMOKER.finditer(note, first, last))


def _tobacco_use(out: list[Suggestion], reasons: list[str], note: str, match: re.Match, text: str,
                 tabular) -> tuple[list[Suggestion], list[str]]:
    """Current smoking the sentence says is not dependence: Z72.0, in place of any F17 on its words."""
    if not _current_use(note, match, text) or not tabular.is_billable(TOBACCO_USE):
        return out, reasons
    reason = f"{match.group(0)}, stated not dependent: {TOBACCO_USE}, tobacco use rather than nicotine dependence"
    made = replacing(out, from_rule(TOBACCO_USE, match, tabular, NAME, reason))
    return (out, reasons) if made is None else (made, [*reasons, reason])


def _current_use(note: str, match: re.Match, text: str) -> bool:
    return not (NEGATION.search(before(note, match.start())) or _PAST_ONLY.search(text)
                or FAMILY.search(text) or HISTORY.search(text))
