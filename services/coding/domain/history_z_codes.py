"""Personal and family history of cancer: a malignancy the note places in the past ("h/o colon cancer, no
recurrence", "s/p mastectomy for breast cancer", "after total thyroidectomy for thyroid cancer") is Z85.- personal
history, not the active C code; one a relative had ("mother had breast cancer") is Z80.- family history (ICD-10-CM
guidelines I.C.2.d and I.C.21.c.4).

The index does not reach "colon cancer" (the tabular says "Malignant neoplasm of colon"), and ConText does not
read "h/o"; the sites below are the common ones, each with its personal and family history code. A former
smoker is Z87.891, personal history of nicotine dependence. Colon polyps in the past are Z86.010-, by the type
the note names (index: History, personal, polyps, colon): adenomatous or serrated (tubular, villous adenoma)
Z86.0101, hyperplastic Z86.0102, no type Z86.0100; a relative's are Z83.71- by the same types (History, family,
polyps, colon), Z83.719 where the note names no type, never the hyperplastic code the index's first entry gives.
"""
import re

from services.coding.domain.note_text import (FAMILY, HISTORY, NEGATION, before, raised_by_another, sentence,
                                              sentence_end, sentence_start)
from services.coding.domain.pattern_literals import may_match, required_literals
from services.coding.domain.site_and_kind_entries import polyp_taken_out_before
from services.coding.domain.suggestions import Suggestion, from_rule, overlapping, replacing

NAME = "history-z-code"
_CANCER = r"(cancer|carcinoma|adenocarcinoma|malignancy|ca)"
# site words -> (personal history, family history)
SITES = (
    (r"colon|colonic|colorectal", "Z85.038", "Z80.0"), (r"rectal|rectum", "Z85.048", "Z80.0"),
    (r"breast", "Z85.3", "Z80.3"), (r"prostate|prostatic", "Z85.46", "Z80.42"),
    (r"lung|rul|rml|rll|lul|lll|(right|left) (upper|middle|lower) lobe", "Z85.118", "Z80.1"),  # a lobe is the lung
    (r"ovarian|ovary", "Z85.43", "Z80.41"), (r"cervical|cervix", "Z85.41", "Z80.49"),
    (r"uterine|endometrial", "Z85.42", "Z80.49"), (r"bladder", "Z85.51", "Z80.52"),
    (r"kidney|renal", "Z85.528", "Z80.51"), (r"pancreatic|pancreas", "Z85.07", "Z80.0"),
    (r"stomach|gastric", "Z85.028", "Z80.0"), (r"thyroid", "Z85.850", "Z80.8"),
)
OTHER = ((re.compile(r"\bmelanoma\b(?! in situ)", re.IGNORECASE), "Z85.820", "Z80.8"),
         (re.compile(r"\b(leukemia|(?-i:CLL|CML|AML))\b", re.IGNORECASE), "Z85.6", "Z80.6"),
         # History, personal, malignant neoplasm, skin NEC: a basal or squamous cell carcinoma of the skin
         (re.compile(r"\b(skin cancer|basal cell (carcinoma|cancer)|(?-i:BCC)|(cutaneous|skin) ((?-i:SCC)|squamous cell "
                     r"carcinoma)|((?-i:SCC)|squamous cell carcinoma) of (the )?skin)\b", re.IGNORECASE), "Z85.828", "Z80.8"),
         # History, personal, malignant neoplasm, lymphoid tissue: Hodgkin Z85.71, non-Hodgkin Z85.72
         (re.compile(r"\b(?<!non-)(?<!non )hodgkin'?s? (lymphoma|disease)\b", re.IGNORECASE), "Z85.71", "Z80.7"),
         (re.compile(r"\b(non-?hodgkin'?s? lymphoma|(?-i:NHL|DLBCL)|diffuse large b-cell lymphoma|follicular lymphoma)\b",
                     re.IGNORECASE), "Z85.72", "Z80.7"),
         # a lymphoma named no further: the index's "History, personal, lymphoma (non-Hodgkin)" and the family's
         # "malignant neoplasm, lymphatic NEC"
         (re.compile(r"(?<!hodgkin )(?<!hodgkin's )(?<!hodgkins )(?<!non-hodgkin )\blymphoma\b(?! in situ)", re.IGNORECASE),
          "Z85.72", "Z80.7"),
         # a sarcoma of bone is a malignant neoplasm of bone (the index's "Chondrosarcoma - see Neoplasm, bone")
         (re.compile(r"\b(chondrosarcoma|osteosarcoma|ewing'?s? sarcoma)\b", re.IGNORECASE), "Z85.830", "Z80.8"))
_PATTERNS = tuple((re.compile(rf"\b({site})\s+{_CANCER}\b|\b{_CANCER}\s+of\s+the\s+({site})\b", re.IGNORECASE),
                   personal, family) for site, personal, family in SITES) + OTHER
_ACTIVE = re.compile(r"\b(undergoing|currently on|receiving|on chemo\w*|on maintenance|active|metastatic|recurrence of|"
                     # a leukemia or lymphoma said not in remission, relapsed or watched untreated is present
                     r"recurrent|not (in|having achieved) remission|in relapse|relapsed|refractory|watch and wait|"
                     r"watchful waiting)\b", re.IGNORECASE)
# a cancer also reads past where a problem list writes "Hx" bare ("Hx breast ca (L, 2016)"; the shorthand writes
# it out as "history"), under a "Past:" heading, or where the note says treatment is over ("treated in 2018",
# "cured", "no evidence of disease") or watches for its return ("surveillance"): guideline I.C.2.d, excised or
# eradicated, no further treatment, no evidence of an existing malignancy
_PAST_CANCER = re.compile(r"\b((hx|history)(?!:)|past:|no evidence of disease|ned|cured|(?<!active )surveillance|"
                          r"treated (in )?(19|20)\d\d)(?=\W|$)", re.IGNORECASE)
# a hormonal therapy still taken is treatment of the cancer still directed at it (guideline I.C.2.d), whatever
# history word the sentence opens with ("h/o breast ca, s/p lumpectomy, on anastrozole"); not one said taken before
# ("was on tamoxifen", "5 yrs on letrozole, completed")
_HORMONAL_THERAPY = re.compile(r"(?<!\bwas )(?<!\bwere )(?<!\byears )(?<!\byrs )(?<!\bmonths )(?<!\bmos )(?<!\bprior )"
                               r"(?<!\bpreviously )(?<!\bformerly )\bon (adjuvant )?(tamoxifen|letrozole|anastrozole|"
                               r"exemestane|leuprolide|enzalutamide|abiraterone|bicalutamide)\b"
                               r"(?![^.;\n]{0,30}\b(completed|finished|stopped|discontinued|until|ended)\b)",
                               re.IGNORECASE)
# "s/p lumpectomy 2017, now on anastrozole": an adjuvant hormonal therapy the sentence says is taken now is treatment
# still directed at the cancer (guideline I.C.2.d), which is then current even after its excision, not a history
TREATED_NOW = re.compile(r"\b((now|currently|still|remains) on|continues( on)?|continuing( on)?) (adjuvant )?"
                         r"(tamoxifen|letrozole|anastrozole|exemestane|arimidex|femara|aromasin|leuprolide|lupron|"
                         r"enzalutamide|abiraterone|bicalutamide)\b", re.IGNORECASE)
# "s/p thyroidectomy; RAI ablation scheduled next week": a treatment of the cancer still to come is further treatment
# directed at it (guideline I.C.2.d), so the cancer excised weeks ago is current, not history
TREATMENT_AHEAD = re.compile(r"\b(rai|radioactive iodine|radiation|radiotherapy|xrt|chemo\w*|adjuvant \w+|"
                             r"immunotherapy)\b(?:(?![.;]\s)[^\n]){0,30}?(?<!\bnone )\b(scheduled|planned|to (start|begin)|"
                             r"starting|pending|as planned)\b", re.IGNORECASE)
# "lung cancer screening today, former smoker": the cancer a screening is named by is its subject, not a cancer the
# patient had, whatever past words its sentence holds
_SCREENING_SUBJECT = re.compile(r"\s+screen(s|ed|ing)?\b", re.IGNORECASE)
_DENIED_RIGHT_BEFORE = re.compile(r"\b(no|not|without)\s+(\w+\s+)?$", re.IGNORECASE)  # "no adjuvant chemo planned"
# a leukemia or lymphoma "in remission" has its remission code (C91.11, C81.9A); only a history word, an excision or a
# treatment over makes it personal history
_BLOOD_CANCER = re.compile(r"leuk|\b(cll|cml|aml|nhl|dlbcl)\b|lymphoma|hodgkin", re.IGNORECASE)
_IN_REMISSION = re.compile(r"\b(in|into) ((complete|first|second|partial|molecular|hematologic|clinical) ){0,2}"
                           r"remission\b", re.IGNORECASE)
_NO_RECURRENCE = re.compile(r"\bno (evidence of )?recurrence\b", re.IGNORECASE)
# "hypothyroidism after total thyroidectomy for papillary thyroid cancer": a cancer its sentence says was excised,
# with no treatment now, is history (guideline I.C.2.d), as "s/p thyroidectomy for" says it
_EXCISED = re.compile(r"\b(after|following) (a |an |the |her |his )?([\w-]+ ){0,2}(\w+ectomy|resection|excision)\b",
                      re.IGNORECASE)
_ANY = re.compile(rf"\b{_CANCER}\b|melanoma|leukemia|sarcoma|smok|tobacco|nicotine|cigarette|pack[- ]?y|pk[- ]?y|"
                  r"polyp|adenoma|lymphoma|"
                  r"hodgkin|\b(bcc|scc|cll|cml|aml|nhl|dlbcl)\b", re.IGNORECASE)
_ANY_WORDS = required_literals(_ANY)  # a note without one is not scanned
_COLON_POLYPS = re.compile(r"\b((colon|colonic|colorectal) polyps?|polyps? (of|in) the colon|adenomatous polyps?|"
                           r"(tubular|tubulovillous|villous) adenomas?|sessile serrated (polyps?|adenomas?))\b",
                           re.IGNORECASE)
_ADENOMATOUS = re.compile(r"\b(adenoma\w*|tubular|villous|tubulovillous|serrated)\b", re.IGNORECASE)
_HYPERPLASTIC = re.compile(r"\bhyperplastic\b", re.IGNORECASE)
# polyps' type -> (personal history, family history); no type named: the unspecified codes
_POLYP_TYPES = ((_ADENOMATOUS, "Z86.0101", "Z83.710"), (_HYPERPLASTIC, "Z86.0102", "Z83.711"))
_UNTYPED_POLYPS = ("Z86.0100", "Z83.719")
# the end of a smoking told in the past tense, written without "quit": "none for 15 years", "none since 2019", "no
# cigarettes since", "until the diagnosis", "until 2015", "until 3 years ago"
SMOKING_ENDED = (r"\bnone (since|for|in (the )?(last|past))|\bno (cigarettes|cigs|tobacco|smoking) (since|for|in)|"
                 r"\buntil (the |her |his )?(diagnosis|surgery|pregnancy|(19|20)\d\d|\w+ (years?|yrs?|months?) ago)")
# "Tobacco use: quit 2019", "smoking - stopped 2015": the past is stated after the habit, as problem lists write it
# "Smoker - quit 2020", "30 pack-years, quit 2 years ago", "prior tobacco dependence, quit": the count or the
# dependence closed by its "quit" (not "quit attempts", "quit date")
FORMER_SMOKER = re.compile(r"\b(former (smoker|tobacco (use|user)|cigarette smoker)|ex-smoker|(quit|stopped) "
                           r"(smoking|tobacco|cigarettes)|remote (smoker|smoking history)|(prior|previous|past) "
                           r"(tobacco|nicotine) (dependence|use)|(tobacco|smoking|cigarette|smoker)"
                           r"( (use|user|hx|history|dependence))?\W{1,4}(quit|stopped|former)\b(?! (attempts?|date))|"
                           r"pa?c?k[- ]?y(ea)?rs?\W{1,4}(quit|stopped)\b(?! (attempts?|date))|"
                           # the habit in the past tense, its end in the same clause: "smoked 30 years, quit in
                           # 2015", "smoked in her twenties, none for 15 years", "smoked until the diagnosis" (not
                           # another substance smoked, nor a quitting only wanted or tried, nor a smoking back again)
                           r"smoked\b(?:(?!marijuana|cannabis|\bpot\b|crack|meth)[^.;\n]){0,40}?"
                           r"((?<!\bto )(?<!\bnot )(?<!\bnever )(?<!n't )\b(quit|stopped)|" + SMOKING_ENDED + r")\b"
                           r"(?![^.;\n]*\b(still|now smokes|currently|again|resumed|restarted|relapsed)\b))",
                           re.IGNORECASE)

# a smoker now, whatever was said of the past beside it ("smokes 1/2 ppd; smoked 2 ppd until 2020")
_SMOKES_NOW = re.compile(r"\b(smokes|current smoker|active smoker|(still|currently|now) smok\w*)\b", re.IGNORECASE)


def history_z_codes(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if not (may_match(_ANY_WORDS, note) and _ANY.search(note)):
        return suggestions, []
    out, reasons = list(suggestions), []
    for pattern, personal, family in _PATTERNS:
        for match in pattern.finditer(note):
            code, why = _reading(match, note, personal, family)
            if code:
                out, reason = _replace(out, match, code, why, note, tabular)
                reasons += [reason] if reason else []
    for match in _COLON_POLYPS.finditer(note):
        code, why = _polyp_history(match, note)
        if code:
            out, reason = _replace(out, match, code, why, note, tabular)
            reasons += [reason] if reason else []
            break
    # a nicotine dependence current in any product excludes its history (Z87.891 Excludes1 F17.2-): "vapes daily;
    # smoked cigarettes in high school, none since"
    dependent_now = any(s.code.startswith("F17.2") and s.context == "affirmed" for s in out)
    for match in FORMER_SMOKER.finditer(note):
        if not (NEGATION.search(before(note, match.start())) or _SMOKES_NOW.search(_account(note, match))
                or dependent_now and match.group(0).lower().startswith("smoked")):
            out, reason = _replace(out, match, "Z87.891", "a former smoker: personal history of nicotine dependence",
                                   note, tabular)
            reasons += [reason] if reason else []
    return out, reasons


def _polyp_history(match: re.Match, note: str) -> tuple[str | None, str]:
    """Colon polyps the patient had, or a relative had, by the type the sentence names."""
    text = sentence(note, match.start(), match.end())
    if NEGATION.search(before(note, match.start())):
        return None, ""
    personal, family = next(((mine, theirs) for words, mine, theirs in _POLYP_TYPES if words.search(text)),
                            _UNTYPED_POLYPS)
    if FAMILY.search(text):
        return family, "a relative's colon polyps are family history, by the type named"
    if HISTORY.search(text) or polyp_taken_out_before(match, note):
        return personal, "colon polyps in the past are personal history"
    return None, ""


def _reading(match: re.Match, note: str, personal: str, family: str) -> tuple[str | None, str]:
    text = sentence(note, match.start(), match.end())
    if NEGATION.search(before(note, match.start())) or _SCREENING_SUBJECT.match(note, match.end()):
        return None, ""
    if FAMILY.search(text):  # not one a relative only worried or read about ("mother worried about thyroid cancer")
        return (None, "") if raised_by_another(note, match.start()) else (family, "a relative's cancer is family history")
    if TREATED_NOW.search(text) or _HORMONAL_THERAPY.search(text) or _treatment_ahead(_account(note, match)):
        return None, ""
    if _BLOOD_CANCER.search(match.group(0)):  # its remission is the code's own character, not its past
        text = _IN_REMISSION.sub("", text)
    past = HISTORY.search(text) or _EXCISED.search(text) or _PAST_CANCER.search(text)
    if past and not _ACTIVE.search(_NO_RECURRENCE.sub("", text)):
        return personal, "a cancer in the past, not under treatment, is personal history"
    return None, ""


def _account(note: str, match: re.Match) -> str:
    """The match's sentence with the clauses its semicolons join: "s/p thyroidectomy; RAI scheduled"."""
    return note[sentence_start(note, match.start(), across_semicolons=True):
                sentence_end(note, match.end(), across_semicolons=True)]


def _treatment_ahead(text: str) -> bool:
    return any(not _DENIED_RIGHT_BEFORE.search(text[:m.start()]) for m in TREATMENT_AHEAD.finditer(text))


def _replace(suggestions: list[Suggestion], match: re.Match, code: str, why: str, note: str,
             tabular) -> tuple[list[Suggestion], str | None]:
    if not tabular.is_billable(code):
        return suggestions, None
    replaced = ", ".join(s.code for s in overlapping(suggestions, match.start(), match.end()) if s.code != code)
    reason = f"{match.group(0)}: {code}, {why}" + (f" (not {replaced})" if replaced else "")
    context = "family" if code.startswith(("Z80", "Z83")) else "history"
    out = replacing(suggestions, from_rule(code, match, tabular, NAME, reason, context=context))
    return (suggestions, None) if out is None else (out, reason)
