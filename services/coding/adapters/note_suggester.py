"""Computer-assisted coding from the note: medspaCy sentences and ConText over an ICD-10-CM term index.

The index is a SQLite FTS5 database built from simple-icd-10-cm's descriptions, inclusion terms and
"includes" notes into the index directory at first start (nothing is downloaded). Exact term keys are
held in memory for the hot path; FTS5 answers the context lookups ("mother has diabetes" -> the family
history code for diabetes), cached per term. A negated or uncertain mention suggests nothing; a family
mention suggests a Z80-Z84 code, a historical one a Z85-Z87 personal history code, never the condition.
The note's shorthand is written out first (domain/shorthand.py), and a mention the context rules place out of
the present (screened for, supposed, resolved, denied: domain/note_context.py) is skipped with the rule's name.
The ICD-10-CM conventions (domain/conventions.py) then combine, replace or drop what was found.
"""
import re
import sqlite3
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from services.coding.adapters.context_matcher import prefilter_context_patterns
from services.coding.adapters.tabular_notes import TabularNotes
from services.coding.domain.chronic_conditions import current_chronic_condition, list_item, listed_lifelong
from services.coding.domain.codes import icd_compact
from services.coding.domain.corrected_malformation import repaired_malformation
from services.coding.domain.dated_past import AFFIRMING_WORDS, DASHES, DEGREE_WORDS, ITEM_SEPARATORS
from services.coding.domain.denial_reach import closed_by_a_dash
from services.coding.domain.ended_history import ended_in_the_past
from services.coding.domain.lasting_osteoporosis import ends_its_care_not_it
from services.coding.domain.reason_after_doubt import doubts_then_reason
from services.coding.domain.context_triggers import (CLAUSE_JOINER, DOUBT_AFTER_WITH_NOT, DOUBT_BEFORE_WITH_NOT,
                                                     PSEUDO_DENIALS, STATUS_AFTER_THE_CONDITION)
from services.coding.domain.context_z_codes import (ChapterHistory, chapter_history_code,
                                                      history_code)
from services.coding.domain.note_context import (FAMILY, NEW_CLAUSE_WORDS, RULES, Z_CODE_RULES, SkippedMention,
                                                  mention_scope,
                                                  RESOLVED, past_by_name)
from services.coding.domain.note_text import sentence_end
from services.coding.domain.over_condition_history import ended_condition
from services.coding.domain.conventions import Tabular, apply_conventions
from services.coding.domain.first_sight import calibrated, stated_over_elsewhere, treated_by_procedure
from services.coding.domain.doubted_diagnosis_signs import signs_of_a_doubted_diagnosis
from services.coding.domain.note_revisions import changed_by_addendum, copied_forward
from services.coding.domain.report_impression import set_aside_by_impression
from services.coding.domain.history_beside_current import history_beside_current
from services.coding.domain.note_terms import (INVERTED_TERM, PARENTHESES, INVERTED_TERM_REASON, MODIFIER_FIRST, REORDERED, TermMatch, best_match,
                                               key, less_specific_than_documented, qualified_keys, time_word_of_the_next_name,
                                               variants, words)
from services.coding.domain.reference import ReferenceData
from services.coding.domain.service_name import names_a_service
from services.coding.domain.shorthand import Expanded, Shorthand, parse_shorthand
from services.coding.domain.heart_failure_named_type import end_of_named_type
from services.coding.domain.spelling import Respeller, misspellings
from services.coding.domain.substance_named import SUBSTANCE_NAMED_ONLY, substance_named_only
from services.coding.domain.suggestions import Suggestion, without_integral_symptoms
from services.coding.domain.tabular_titles import (TABULAR_TITLE, TABULAR_TITLE_REASON, TITLE_CONFIDENCE,
                                                   TabularTitles, title_words)

SHORTHAND_FILE = Path(__file__).resolve().parents[1] / "data" / "shorthand.csv"
# 3: possessives folded in the keys; 4-5: site-first keys ("kidney stone"); 6: the tabular's vocabulary; 8: the
# tabular's square brackets nonessential; 9: "without foreign body" the default of a wound; 10: inclusion terms the
# data source cuts short left out; 11: the rest of them, and a category's notes sent to a general child only; 12: the
# index's own general child for the categories no marker names one in, with the category's title
INDEX_VERSION = 12
MAX_WORDS = 10
MAX_QUALIFIER_WORDS = 3  # "Hypertension, essential"; "Alzheimer disease, late onset"
CONTEXT_RANGES = {"family": ("Z80", "Z84"), "history": ("Z85", "Z87")}
CONTEXT_CONFIDENCE = {"family": 0.9, "history": 0.85}
# The index's own History entry for a condition ConText reads as past or a relative's (context_z_codes): as sure
# as a family-history term, where a Z code found by its words alone may be loosely related.
HISTORY_ENTRY_CONFIDENCE = 0.9
REORDERED_TERM = "site-first-term"
REORDERED_TERM_REASON = ("the note names the site first (\"kidney stone\"), where the tabular writes \"<condition> "
                         "of/in <site>\" (\"stone in kidney\")")
MODIFIER_FIRST_TERM = "modifier-first-term"
MODIFIER_FIRST_TERM_REASON = ("the note writes the modifier first (\"severe alcohol use disorder\"), where the tabular "
                              "writes \"<term>, <modifier>\" (\"Alcohol use disorder, severe\")")
RESPELT_TERM = "misspelt-term"
RESPELT_TERM_REASON = ("a word of the term is misspelt by one letter (\"hypertention\"): read as the ICD-10-CM "
                       "word it is one letter from")
RESPELT_FINDING_REASON = f"{RESPELT_TERM}: a word misspelt by one letter was read as the ICD-10-CM word"
PAST_BY_NAME = "past-by-name"
PAST_BY_NAME_REASON = ("\"prior\", \"previous\", \"former\", \"remote\", \"since\", a problem list's \"historical\" or a "
                       "course completed for it names the condition past: the index's History entry for it, as for "
                       "\"history of\"")
CHAPTER_HISTORY = "family-history-by-chapter"
CHAPTER_HISTORY_CONFIDENCE = 0.9
CHAPTER_HISTORY_REASON = ("a relative's condition the index names no History entry for: the family history code "
                          "of its system's other diseases")
PAST_BY_CHAPTER = "past-over-by-chapter"
PAST_BY_CHAPTER_REASON = ("a condition the note says is over (resolved, recovered) that the index names no History "
                          "entry for: the personal history code of its system's other diseases")
_READ_BEFORE = 40  # characters before a mention read for the organism or condition it is written after
# ConText's categories that keep a mention from being coded, named as the context rules name theirs
SUPPRESSING = {"NEGATED_EXISTENCE": "negated", "POSSIBLE_EXISTENCE": "uncertain", "HYPOTHETICAL": "hypothetical"}
# ConText's family words include a spouse or partner, who is no blood relative (Z80-Z84 are a relative's): whether
# the condition is theirs ("lives with his wife, who has MS") is the scope rules' reading (`note_context`)
_NOT_A_RELATIVE = frozenset({"wife", "husband", "spouse", "partner"})
_DEFAULT_MARKERS = ("without complication", "uncomplicated", ", unspecified")  # in order of preference
# a subcategory on the way to a default child that names no narrower kind than its category ("Other" names another
# kind, specified): "Other and unspecified asthma", "Pressure ulcer of unspecified site", "Complete or unspecified spontaneous abortion"; or the
# category's own title with "without complication" ("Zoster without complications"), not "Incomplete spontaneous
# abortion without complication"; an outpatient's pregnancy episode ("... in pregnancy", not in childbirth)
_GENERAL_TITLE = re.compile(r"^(unspecified|other and unspecified)\b|, unspecified|\bor unspecified\b|\bof unspecified site\b|"
                            r"\b(NOS|NEC|not elsewhere classified)$|\bin pregnancy$", re.IGNORECASE)
# the child the alphabetic index itself defaults to where no marker names it ("Osteoporosis, with current
# pathological fracture" is age-related M80.0-; "Injury, brain, traumatic" is the unspecified intracranial injury,
# without loss of consciousness unless the note says otherwise; "Arteriosclerosis" I70.90, "Disease, sickle-cell,
# Hb-SC" D57.20, "Cataract, senile" H25.9)
_INDEX_DEFAULT_CHILD = {"M80": "M80.00XA", "S06": "S06.9X0A", "I70": "I70.90", "D57.2": "D57.20", "H25": "H25.9"}
_WITHOUT_COMPLICATION = re.compile(r",? (without complications?|uncomplicated)$", re.IGNORECASE)


# Inclusion terms the data source cuts short: the tabular writes them under a brace whose words the source drops
# ("Syphilis (late)" for "... of central nervous system NOS", "Lymphadenitis" for "... chronic, any lymph node
# except mesenteric", "Nephropathy" for "... in diseases classified elsewhere", "Fibrous dysplasia" for "... of
# jaw"), or under a soft-tissue site where the neoplasm table sends the region itself to C76 ("axilla", "groin").
# Read bare, each would code the broader condition the index gives another code as the narrower one.
_CUT_SHORT_INCLUSIONS = {
    "A52.3": frozenset({"Gumma (syphilitic)", "Syphilis (late)", "Syphiloma"}),
    "C49.3": frozenset({"Malignant neoplasm of axilla"}),
    "C49.5": frozenset({"Malignant neoplasm of buttock", "Malignant neoplasm of groin", "Malignant neoplasm of perineum"}),
    "I88.1": frozenset({"Adenitis", "Lymphadenitis"}),
    "K13.4": frozenset({"Eosinophilic granuloma", "Granuloma pyogenicum", "Verrucous xanthoma"}),
    "M27.8": frozenset({"Exostosis", "Fibrous dysplasia"}),
    "N08": frozenset({"Glomerulonephritis", "Nephritis", "Nephropathy"}),
    "N16": frozenset({"Pyelonephritis", "Tubulo-interstitial nephritis"}),
}


def _term_rows(reference: ReferenceData):
    """(code, description, term, kind) for every billable code, category terms sent to their default child (with
    the category's title where the index names that child), and codes that lack only their 7th character (the note states the encounter, or a coder is asked for it)."""
    import simple_icd_10_cm as icd

    code_set = reference.icd10[-1]
    for compact, dotted in code_set.dotted.items():
        cut_short = _CUT_SHORT_INCLUSIONS.get(dotted, frozenset())
        notes = [note for note in (*icd.get_inclusion_term(dotted), *icd.get_includes(dotted)) if note not in cut_short]
        if compact in code_set.billable:
            description = icd.get_description(dotted)
            yield dotted, description, description, "description"
            for note in notes:
                yield dotted, description, note, "inclusion"
        elif _needs_seventh_character(icd, dotted):
            description = icd.get_description(dotted)
            yield dotted, description, description, "description"
        elif (notes or dotted in _INDEX_DEFAULT_CHILD) and (child := _default_child(icd, dotted, code_set.billable)):
            titles = [icd.get_description(dotted)] if dotted in _INDEX_DEFAULT_CHILD else []  # the index's main term
            for note in (*titles, *notes):
                yield child, icd.get_description(child), note, "inclusion"


def _tabular_words() -> set[str]:
    """Every word the tabular writes (descriptions, inclusion terms, includes and excludes notes): a note's word
    among them is spelt as ICD-10-CM spells it even where no indexed term holds it ("ejection fraction")."""
    import simple_icd_10_cm as icd

    found = set()
    for code in icd.get_all_codes():
        for text in (icd.get_description(code), *icd.get_inclusion_term(code), *icd.get_includes(code),
                     *icd.get_excludes1(code), *icd.get_excludes2(code)):
            found.update(words(text))
    return found


def _needs_seventh_character(icd, dotted: str) -> bool:
    children = icd.get_children(dotted)
    return bool(children) and all(icd.is_extended_subcategory(child) for child in children)


def _default_child(icd, dotted: str, billable: frozenset[str]) -> str | None:
    """The child a category's notes go to: marked as the default and reached only through subcategories of no
    narrower kind ("allergic asthma" to J45.909, not through J45.2's mild intermittent to J45.20)."""
    if dotted in _INDEX_DEFAULT_CHILD:
        return _INDEX_DEFAULT_CHILD[dotted]
    ranked = []
    for child in icd.get_descendants(dotted):
        text = icd.get_description(child).lower()
        marker = next((i for i, m in enumerate(_DEFAULT_MARKERS) if m in text), None)
        if marker is not None and icd_compact(child) in billable and _through_general(icd, dotted, child):
            ranked.append((marker, len(child), child))
    return min(ranked)[2] if ranked else None


def _through_general(icd, dotted: str, child: str) -> bool:
    title = key(PARENTHESES.sub(" ", icd.get_description(dotted)))
    between = [code for code in icd.get_ancestors(child) if code != dotted and code not in icd.get_ancestors(dotted)]
    return all(_GENERAL_TITLE.search(text) or key(PARENTHESES.sub(" ", _WITHOUT_COMPLICATION.sub("", text))) == title
               for text in map(icd.get_description, [*between, child]))


def build_index(reference: ReferenceData, index_dir: Path) -> Path:
    release = reference.icd10[-1].edition.release
    path = index_dir / f"icd10cm_terms_v{INDEX_VERSION}_fy{reference.icd10[-1].edition.fiscal_year}.sqlite"
    if path.exists():
        return path
    index_dir.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    with sqlite3.connect(partial) as db:
        db.execute("CREATE TABLE meta (release TEXT)")
        db.execute("INSERT INTO meta VALUES (?)", (release,))
        db.execute("CREATE TABLE term_key (key TEXT, code TEXT, description TEXT, kind TEXT)")
        db.execute("CREATE VIRTUAL TABLE term_text USING fts5(text, code UNINDEXED, description UNINDEXED)")
        rows = list(_term_rows(reference))
        db.executemany("INSERT INTO term_key VALUES (?, ?, ?, ?)",
                       [(k, code, description, variant_kind) for code, description, term, kind in rows
                        for k, variant_kind in variants(term, kind, reorder=not code.startswith("Z"))])
        db.executemany("INSERT INTO term_text VALUES (?, ?, ?)",
                       [(" ".join(words(term)), code, description) for code, description, term, _ in rows])
        db.execute("CREATE TABLE vocabulary (word TEXT)")
        db.executemany("INSERT INTO vocabulary VALUES (?)", [(w,) for w in sorted(_tabular_words())])
    partial.replace(path)
    return path


class NoteSuggester:
    def __init__(self, index_path: Path, tabular: Tabular, shorthand: Shorthand | None = None,
                 chapters: tuple[ChapterHistory, ...] = (),
                 personal_chapters: tuple[ChapterHistory, ...] = ()):
        self._tabular = tabular
        self._chapters = chapters
        self._personal_chapters = personal_chapters
        self._shorthand = shorthand or Shorthand(parse_shorthand(SHORTHAND_FILE.read_text()))
        self._db = sqlite3.connect(f"file:{index_path}?mode=ro", uri=True, check_same_thread=False)
        grouped = defaultdict(list)
        for k, code, description, kind in self._db.execute("SELECT key, code, description, kind FROM term_key"):
            grouped[k].append((code, description, kind))
        # One- to three-letter keys ("pr", "fit", "pin") are abbreviations or everyday words far more often than
        # diagnoses: they are left out rather than sending every note that contains them to review.
        self.terms: dict[str, TermMatch] = {k: best_match(c, k) for k, c in grouped.items() if len(k) > 3}
        self._longest = longest_terms(self.terms)
        self._respeller = Respeller({w for k in self.terms for w in k.split(" ")},
                                    known={w for (w,) in self._db.execute("SELECT word FROM vocabulary")})
        self._context_cache: dict[tuple[str, str], TermMatch | None] = {}
        # a token's key as the term search reads it, respelt: the same words recur note after note
        self._fold = lru_cache(maxsize=1 << 16)(lambda text: self._respeller.correct_key(key(text)))
        self._titles = _billable_titles(self._db)
        self.nlp = _pipeline()
        from spacy.tokens import Span
        self._span = Span

    def context_code(self, context: str, term_key: str) -> TermMatch | None:
        """The family or personal history code whose text holds every word of the mention."""
        cache_key = (context, term_key)
        if cache_key not in self._context_cache:
            low, high = CONTEXT_RANGES[context]
            query = " ".join(f'"{w}"' for w in term_key.split())
            rows = self._db.execute(
                "SELECT code, description FROM term_text WHERE term_text MATCH ? AND code >= ? AND code < ? "
                "ORDER BY bm25(term_text) LIMIT 1", (query, low, high[:2] + chr(ord(high[2]) + 1)),
            ).fetchall()
            self._context_cache[cache_key] = TermMatch(rows[0][0], rows[0][1], CONTEXT_CONFIDENCE[context]) \
                if rows else None
        return self._context_cache[cache_key]

    def _history_code(self, context: str, condition: str) -> TermMatch | None:
        """The index's History entry for the condition, tried before the Z codes whose text holds the mention's
        words (those may name another condition with the same word: "gestational diabetes")."""
        code = history_code(context, condition)
        return TermMatch(code, self._tabular.description(code), HISTORY_ENTRY_CONFIDENCE) if code else None

    def _chapter_code(self, context: str, condition: str) -> TermMatch | None:
        """Last: a relative's condition neither the History entries nor the Z codes' words know takes its
        chapter's entry ("mother with hypertension" Z82.49, "sister with Graves disease" Z83.49)."""
        code = chapter_history_code(condition, self._chapters) if context == "family" else None
        return TermMatch(code, self._tabular.description(code), CHAPTER_HISTORY_CONFIDENCE, CHAPTER_HISTORY) \
            if code else None

    def _chapter_past_code(self, condition: TermMatch, scope, text: str, start: int, end: int) -> TermMatch | None:
        """A condition the note says has ended that the History entries lack: its chapter's personal history code,
        no surer than the reading of the condition it stands for."""
        if not ended_condition(condition.code, scope.rule, scope.cue, text[max(0, start - _READ_BEFORE):start],
                               text[end:sentence_end(text, end)]):
            return None
        code = chapter_history_code(condition.code, self._personal_chapters)
        return TermMatch(code, self._tabular.description(code), min(HISTORY_ENTRY_CONFIDENCE, condition.confidence),
                         PAST_BY_CHAPTER) if code else None

    def __call__(self, note: str) -> list[Suggestion]:
        return self.read(note)[0]

    def read(self, note: str) -> tuple[list[Suggestion], list[SkippedMention]]:
        """The suggestions, and the conditions named but not coded with the context rule that kept each out.
        The note is read with its shorthand written out; offsets and evidence point into the note as written."""
        expanded = self._shorthand.expand(note)
        respelt = misspellings(expanded.text, self._respeller)
        if respelt:
            expanded = expanded.rewritten(respelt)
        text = expanded.text
        doc = self.nlp.make_doc(text)
        ents, title_spans = _titles_over_terms(doc, self._titles,
                                               list(_term_spans(doc, self.terms, self._longest, self._span,
                                                                self._fold)))
        doc.ents = ents  # the doc keeps every one of them (it refuses overlapping spans rather than drop one)
        if not ents:  # nothing to qualify: sentences and ConText are the expensive part
            # "flu shot given" is Z23; what the rules found is calibrated as any other note's suggestions
            return _in_note(stated_over_elsewhere(signs_of_a_doubted_diagnosis(calibrated(apply_conventions(
                [], text, self._tabular), text, self._tabular), text), text), expanded), []
        for _, component in self.nlp.pipeline:
            doc = component(doc)
        ents = doc.ents  # spaCy builds the spans anew on each read of doc.ents
        inside = {i for ent in ents for i in range(ent.start, ent.end)}
        found, sentences, skipped, denied_starts = [], [], [], set()
        for ent in ents:
            # A cue inside a matched term is part of the term ("diabetes without complications"), not a context.
            categories = {m.category for m in ent._.modifiers
                          if not _not_a_relative(m, doc)
                          and (m.category != "NEGATED_EXISTENCE" or m.modifier_span[0] not in inside)
                          and not _rules_out_a_diagnosis_before(ent, m.modifier_span[1], m.rule.literal, ents)}
            match, context = ent._.icd_match, _context(categories)
            # "heart failure with reduced ejection fraction - hx": the status closes the whole typed name
            scope = mention_scope(text, ent.start_char, end_of_named_type(text, ent.end_char),
                                  Z_CODE_RULES if match.code.startswith("Z") else RULES)
            if scope is not None and _rules_out_a_diagnosis_before(ent, _cue_end(doc, text, ent, scope.cue),
                                                                   scope.cue, ents):
                scope = None
            elif scope is not None and ends_its_care_not_it(match.code, scope.cue,
                                                            text[ent.end_char:ent.end_char + 200]):
                scope = None  # "osteoporosis, completed 5 yrs of alendronate": the course is over, not the bone's
            rule = next((SUPPRESSING[c] for c in sorted(categories) if c in SUPPRESSING), None)
            named_past = not rule and (past_by_name(scope) or (
                scope is not None and scope.rule == RESOLVED
                and ended_in_the_past(scope.cue, text, ent.start_char, ent.end_char)))
            past = (self._history_code("history", match.code)
                    or _repaired_malformation("history", match, text, ent.start_char, ent.end_char)
                    or self._chapter_past_code(match, scope, text, ent.start_char, ent.end_char)) if named_past else None
            if past is not None:  # "Prior MI 2020": the index's History entry, as for "h/o MI"
                match, context, scope = past, "history", None
            if rule or (scope is not None and scope.rule != FAMILY):
                skipped.append(_skipped(match.code, ent, expanded, rule or scope.rule))
                if rule == SUPPRESSING["NEGATED_EXISTENCE"]:
                    denied_starts.add(ent.start_char)
                continue
            if scope is not None:
                context = FAMILY
            sentence = ent.sent  # spaCy walks the tokens to find it: read once
            # the texts sliced from the note: spaCy's Span.text joins the span's tokens one by one
            said, sentence_text = text[ent.start_char:ent.end_char], text[sentence.start_char:sentence.end_char]
            if _is_history_code(match.code):
                context = "family" if match.code < "Z85" else "history"
            elif context == "history" and _current_under_history(match.code, sentence_text, text, ent, sentence):
                context = "affirmed"
            elif context != "affirmed" and past is None:
                match = (self._history_code(context, match.code)
                         or _repaired_malformation(context, match, text, ent.start_char, ent.end_char)
                         or self.context_code(context, ent._.icd_key) or self._chapter_code(context, match.code))
            if match is not None and substance_named_only(match.code, said, text[ent.end_char:ent.end_char + 4]):
                skipped.append(_skipped(match.code, ent, expanded, SUBSTANCE_NAMED_ONLY))
            elif match is not None:
                confidence = less_specific_than_documented(match, sentence_text)
                found.append(Suggestion(code=match.code, description=match.description, confidence=confidence,
                                        start=ent.start_char, end=ent.end_char, evidence=said, context=context,
                                        **_named(PAST_BY_CHAPTER if past is not None and past.kind == PAST_BY_CHAPTER
                                                 else PAST_BY_NAME if past is not None else CHAPTER_HISTORY
                                                 if match.kind == CHAPTER_HISTORY else ent._.icd_rule)))
                sentences.append(sentence.start_char)
        # a condition a procedure removed is no confirmed diagnosis for the symptoms beside it: lowered first
        suggestions = stated_over_elsewhere(signs_of_a_doubted_diagnosis(calibrated(treated_by_procedure(
            apply_conventions(without_integral_symptoms(found, sentences, text), text, self._tabular), text), text,
            self._tabular, denied_starts=frozenset(denied_starts)), text), text)
        suggestions = copied_forward(changed_by_addendum(suggestions, text), text)
        suggestions = history_beside_current(set_aside_by_impression(suggestions, text), text)
        if title_spans:
            suggestions = _titles_kept(suggestions, [f for f in found if f.context == "affirmed"
                                                     and f.convention is None and (f.start, f.end) in title_spans])
        respelt_starts = _respelt_starts(respelt)
        suggestions = _respelling_named(_reading_named(suggestions, self._term_readings(ents, respelt_starts)),
                                        respelt_starts)
        return _in_note(suggestions, expanded), skipped

    def _term_readings(self, ents, respelt_starts: set[int]) -> dict[tuple[int, int], str]:
        """The terms found only by reading the note's words another way: misspelt, the site or the modifier first."""
        readings = {}
        for ent in ents:
            if ent._.icd_match.kind == TABULAR_TITLE:
                readings[(ent.start_char, ent.end_char)] = TABULAR_TITLE
            elif respelt_starts and any(t.idx in respelt_starts for t in ent):
                readings[(ent.start_char, ent.end_char)] = RESPELT_TERM
            elif ent._.icd_match.kind == REORDERED:
                readings[(ent.start_char, ent.end_char)] = REORDERED_TERM
            elif ent._.icd_match.kind == MODIFIER_FIRST:
                readings[(ent.start_char, ent.end_char)] = MODIFIER_FIRST_TERM
        return readings


_RULE_OUT = re.compile(r"r/o|rule out|ruled out|rule-out|to rule out", re.IGNORECASE)
# what is ruled out, then a dash or colon before the reason: "r/o pneumonia - cough and fever"
_NAMED_THEN_REASON = re.compile(r"\w[^.;]*\s[-\u2013:]\s")


def _rules_out_a_diagnosis_before(ent, cue_end: int | None, cue: str, ents) -> bool:
    """"Reason: rule out UTI - dysuria": the cue rules out the diagnosis it names first (an indexed term, or words
    closed by a dash or colon); the sign after that is the reason the test is ordered, coded as outpatient signs are
    when the diagnosis is not established (guideline IV.H); so too after a doubt ("Possible UTI - dysuria"), but only
    across the dash or colon. `cue_end` is the token after the cue."""
    rules_out = bool(_RULE_OUT.fullmatch(cue.strip()))
    if cue_end is None or not (rules_out or doubts_then_reason(cue)) or not _is_sign_or_symptom(ent._.icd_match.code) \
            or cue_end > ent.start:
        return False
    between = ent.doc.text[ent.doc[cue_end].idx:ent.start_char] if cue_end < len(ent.doc) else ""
    return bool(_NAMED_THEN_REASON.search(between)) or rules_out and any(
        cue_end <= other.start and other.end <= ent.start and not _is_sign_or_symptom(other._.icd_match.code)
        for other in ents)


def _cue_end(doc, text: str, ent, cue: str) -> int | None:
    """The token after a scope rule's cue, the last one before the mention."""
    at = text.lower().rfind(cue.strip().lower(), 0, ent.start_char)
    span = doc.char_span(at, at + len(cue.strip()), alignment_mode="expand") if at >= 0 else None
    return span.end if span is not None else None


def _is_sign_or_symptom(code: str) -> bool:
    return "R00" <= code[:3] <= "R69"


def _respelt_starts(respelt: list[tuple[int, int, str]]) -> set[int]:
    """Where each respelt word starts in the rewritten text (the spans are those of the text before it)."""
    starts, shift = set(), 0
    for start, end, written in respelt:
        starts.add(start + shift)
        shift += len(written) - (end - start)
    return starts


_REASONS = {INVERTED_TERM: INVERTED_TERM_REASON, CHAPTER_HISTORY: CHAPTER_HISTORY_REASON, PAST_BY_NAME: PAST_BY_NAME_REASON,
            PAST_BY_CHAPTER: PAST_BY_CHAPTER_REASON,
            REORDERED_TERM: REORDERED_TERM_REASON, RESPELT_TERM: RESPELT_TERM_REASON,
            MODIFIER_FIRST_TERM: MODIFIER_FIRST_TERM_REASON, TABULAR_TITLE: TABULAR_TITLE_REASON}


def _billable_titles(db) -> TabularTitles:
    import simple_icd_10_cm as icd

    return TabularTitles([(code, description) for code, description in db.execute(
        "SELECT DISTINCT code, description FROM term_key WHERE kind = 'description'") if icd.is_leaf(code)])


AUTO_ACCEPT_FLOOR = 0.9  # below it a reading goes to a coder: it is no surer than the printed title


def _titles_kept(suggestions: list[Suggestion], titles: list[Suggestion]) -> list[Suggestion]:
    """A printed title stays its own code where a rule read less from the words inside it: recoded to its
    category's unspecified or "without" code ("Hypertensive heart disease" I11.9 inside "... with heart failure"),
    or a part read apart ("stage 1" of "stage 1 through stage 4"). A rule that read more from the rest of the note
    ("stage 5 on hemodialysis" N18.6, an infarction dated years ago I25.2) and the status codes evidenced on the
    title stand."""
    for title in titles:
        inside = [s for s in suggestions if title.start <= s.start and s.end <= title.end]
        if any(s.code == title.code for s in inside):
            parts = [s for s in inside if s.code != title.code and (s.start, s.end) != (title.start, title.end)
                     and not s.code.startswith("Z")]
            suggestions = [s for s in suggestions if s not in parts]
        elif inside and all(_less_than_the_title(s, title) for s in inside):
            suggestions = [s for s in suggestions if s not in inside] + [title]
    return suggestions


def _less_than_the_title(found: Suggestion, title: Suggestion) -> bool:
    """Its category's unspecified or "without" code, or a reading held below the title's confidence for review
    ("Complete rotator cuff tear" as an injury lacking its 7th character, where the title says not traumatic). A
    remission the title does not name ("MDD, recurrent, moderate - resolved" F33.40) is more than the title."""
    description = found.description.lower()
    if "remission" in description and "remission" not in title.description.lower():
        return False
    return found.confidence < AUTO_ACCEPT_FLOOR or found.code[:3] == title.code[:3] and (
        found.code.endswith("9") or "unspecified" in description or " without " in f" {description}")


def _titles_over_terms(doc, titles: TabularTitles, terms: list) -> tuple[list, set[tuple[int, int]]]:
    """A code's whole tabular title printed in the note is that code: it outranks the terms read inside it.
    The mentions, and the titles' (start, end) among them."""
    found = titles.find(doc.text)
    if not found:
        return terms, set()
    spans = []
    for title in found:
        span = doc.char_span(title.start, title.end, label="ICD10CM", alignment_mode="expand")
        # a term running past the title's edge reads words the title does not hold: the term stands
        if span is None or any(s.start < span.end and span.start < s.end for s in spans) or any(
                t.start < span.end and span.start < t.end and not span.start <= t.start <= t.end <= span.end
                for t in terms):
            continue
        span._.icd_key = " ".join(title_words(title.title))
        span._.icd_match = TermMatch(title.code, title.title, TITLE_CONFIDENCE, TABULAR_TITLE)
        span._.icd_rule = None
        spans.append(span)
    kept = [t for t in terms if not any(s.start < t.end and t.start < s.end for s in spans)]
    return sorted(spans + kept, key=lambda s: s.start), {(s.start_char, s.end_char) for s in spans}


def _reading_named(suggestions: list[Suggestion], readings: dict[tuple[int, int], str]) -> list[Suggestion]:
    """A code found only through another reading of the note's words says so, unless a convention already names
    its reason. Named last, so the calibrations that read "no convention" treat it as the plain term it is."""
    if not readings:
        return suggestions
    return [s.model_copy(update={"convention": rule, "reason": _REASONS[rule]})
            if s.convention is None and (rule := readings.get((s.start, s.end))) else s for s in suggestions]


def _respelling_named(suggestions: list[Suggestion], respelt_starts: set[int]) -> list[Suggestion]:
    """A code a convention made from words that include a misspelt one keeps the convention's name and adds the
    reading to its reason, for the coder who reviews it."""
    if not respelt_starts:
        return suggestions
    return [s.model_copy(update={"reason": f"{s.reason}; {RESPELT_FINDING_REASON}"})
            if s.convention not in (None, RESPELT_TERM) and any(s.start <= i < s.end for i in respelt_starts) else s
            for s in suggestions]


def _current_under_history(code: str, sentence_text: str, text: str, ent, sentence) -> bool:
    """A history's item that is a condition of the visit: cared for now (`current_chronic_condition`) or lifelong
    and listed under a past medical history heading (`listed_lifelong`)."""
    item = list_item(text, sentence.start_char, sentence.end_char, ent.start_char, ent.end_char)
    return (current_chronic_condition(code, sentence_text, item, text)
            or listed_lifelong(code, text, ent.start_char, ent.end_char, item))


def _repaired_malformation(context: str, match: TermMatch, text: str, start: int, end: int) -> TermMatch | None:
    """A congenital malformation named in the past with its repair done ("PMH: VSD repaired in infancy") is kept,
    in its history context, for `corrected_malformations` to code as its Z87.7- history; without a repair stated
    a Q code has no history code and is dropped."""
    return match if context == "history" and repaired_malformation(match.code, text, start, end) else None


def _named(rule: str | None) -> dict:
    return {"convention": rule, "reason": _REASONS[rule]} if rule in _REASONS else {}


def _skipped(code: str, ent, expanded: Expanded, rule: str) -> SkippedMention:
    start, end = expanded.original_span(ent.start_char, ent.end_char)
    return SkippedMention(code, start, end, expanded.original[start:end], rule)


def _in_note(suggestions: list[Suggestion], expanded: Expanded) -> list[Suggestion]:
    """Evidence spans moved from the expanded text back onto the note as the provider wrote it."""
    moved = []
    for s in suggestions:
        start, end = expanded.original_span(s.start, s.end)
        moved.append(s.model_copy(update={"start": start, "end": end, "evidence": expanded.original[start:end]}))
    return moved


def _not_a_relative(modifier, doc) -> bool:
    """A spouse or partner, or a service's name ("Child psych"): ConText's family word, but no blood relative."""
    start, end = modifier.modifier_span
    cue = doc[start:end]
    return modifier.category == "FAMILY" and (cue.text.lower().split("'")[0] in _NOT_A_RELATIVE
                                              or names_a_service(cue.text, doc.text[cue.end_char:cue.end_char + 40]))


def _context(categories: set[str]) -> str:
    return "family" if "FAMILY" in categories else "history" if "HISTORICAL" in categories else "affirmed"


def _is_history_code(code: str) -> bool:
    """The mention already names a family or personal history code ("family history of diabetes")."""
    return "Z80" <= code[:3] <= "Z87"


def _pipeline():
    """Sentences, then ConText. The terms are found before either (see __call__), so a note without any
    indexed term costs only its tokenization."""
    import medspacy
    from spacy.language import Language
    from spacy.tokens import Span

    for name in ("icd_key", "icd_match", "icd_rule"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)

    if "clinical_sentences" not in Language.factories:
        Language.component("clinical_sentences", func=_clinical_sentences)
    nlp = medspacy.load(medspacy_enable=["medspacy_context"])
    nlp.add_pipe("clinical_sentences", first=True)
    context = nlp.get_pipe("medspacy_context")
    context.add([*_postfix_history(), *_new_clause(), *_pseudo_denials(), *_doubts_holding_a_not()])
    _list_items_end_all_but_denials(context.rules)
    for rule in context.rules:
        if rule.literal == ": no":
            rule.direction, rule.on_modifies = "BIDIRECTIONAL", _colon_no_closes_its_item
        elif rule.literal == "free":
            rule.on_modifies = _free_denies_the_word_it_follows
    prefilter_context_patterns(context)
    return nlp


def _free_denies_the_word_it_follows(target, modifier, between) -> bool:
    """ConText's "free", looking back, denies the condition it is joined to ("pain-free", "seizure free x 2 yrs"),
    not one earlier in the sentence: "Celiac disease, on gluten-free diet" is free of gluten, not of the disease."""
    doc = modifier.doc
    return target.end <= modifier.start and all(token.text == "-" for token in doc[target.end:modifier.start])


def _colon_no_closes_its_item(target, modifier, between) -> bool:
    """ConText's ": no" denies the item before it in a template ("Fever: no."); followed by words it opens a
    clause of its own ("TIA 3 wks ago: no residual deficits", "Social: no tobacco use"), which denies what follows,
    not what came before. The rule looks both ways, since the "no" it takes is no longer there for the forward
    denial."""
    doc = modifier.doc
    return target.start >= modifier.end or modifier.end >= len(doc) or doc[modifier.end].is_punct or \
        doc[modifier.end].is_sent_start


def _new_clause():
    """Run-on dictation strings clauses with commas: "no more heartburn, bp is okay, he also has a rash", "CTA
    negative for PE, diagnosed with costochondritis". A comma before a new subject or a diagnosis stated ends a
    cue's reach across the list (`note_context.NEW_CLAUSE` for the scope rules), and so does a semicolon."""
    from medspacy.context import ConTextRule

    return [*(ConTextRule(f"new clause ({word})", "TERMINATE", direction="TERMINATE",
                          pattern=[{"TEXT": ","}, {"LOWER": word}])
              for word in NEW_CLAUSE_WORDS),
            *(ConTextRule(f"new clause ({CLAUSE_JOINER} {word})", "TERMINATE", direction="TERMINATE",
                          pattern=[{"TEXT": ","}, {"LOWER": CLAUSE_JOINER}, {"LOWER": word}])
              for word in NEW_CLAUSE_WORDS),
            # a problem list's items: "Acute sinusitis - resolved 01/2025; Hypothyroidism - active" (the scope rules
            # cut their clause there too). Not a denial's list: "Denies fever; chills; night sweats" denies all three
            # (`_list_items_end_all_but_denials`).
            ConTextRule("list item (;)", LIST_ITEM_END, direction="PSEUDO", pattern=[{"TEXT": ";"}])]


LIST_ITEM_END = "LIST_ITEM_END"


def _pseudo_denials():
    """A "no" that measures a course ("no change in hypertension", "insomnia no better"): the longer cue wins over
    ConText's "no" and denies nothing (`context_triggers.PSEUDO_DENIALS`)."""
    from medspacy.context import ConTextRule

    return [ConTextRule(phrase, "PSEUDO_NEGATION", direction="PSEUDO") for phrase in PSEUDO_DENIALS]


def _doubts_holding_a_not():
    """"PE cannot be excluded", "cannot rule out TIA" (`context_triggers.DOUBT_AFTER_WITH_NOT`,
    `DOUBT_BEFORE_WITH_NOT`): the longer cue wins over ConText's "not", so the sign written after the dash as the
    doubt's reason is no longer denied; the doubt before it reads the sign as the reason
    (`_rules_out_a_diagnosis_before`)."""
    from medspacy.context import ConTextRule

    return [*(ConTextRule(phrase, "POSSIBLE_EXISTENCE", direction="BACKWARD", on_modifies=_doubts_the_condition_before)
              for phrase in DOUBT_AFTER_WITH_NOT),
            *(ConTextRule(phrase, "POSSIBLE_EXISTENCE", direction="FORWARD") for phrase in DOUBT_BEFORE_WITH_NOT)]


_JUST_BEFORE_A_DOUBT = frozenset({"is", "are", "was", "still"})


def _doubts_the_condition_before(target, modifier, between) -> bool:
    """A doubt written after a condition doubts that condition ("ACS cannot be excluded"), not a sign before it nor
    an earlier condition of its sentence ("CAD s/p stent, ACS cannot be excluded")."""
    return not _is_sign_or_symptom(target._.icd_match.code) and all(t.lower_ in _JUST_BEFORE_A_DOUBT for t in between)


def _list_items_end_all_but_denials(rules) -> None:
    """A semicolon ends the reach of every cue but a denial that looks ahead ("denies", "negative for", "no"),
    which runs over a semicolon list as over a comma list. "resolved" looks ahead too ("resolved pneumonia") but
    is an item's status in a problem list ("Acute sinusitis - resolved 01/2025; Hypothyroidism"): it stops there."""
    for rule in rules:
        denial_ahead = (rule.category.upper() == "NEGATED_EXISTENCE" and rule.direction.upper() == "FORWARD"
                        and rule.literal.lower() != "resolved")
        if not denial_ahead:
            rule.terminated_by.add(LIST_ITEM_END)
        elif rule.on_modifies is None:
            rule.on_modifies = _denial_reaches


def _denial_reaches(target, modifier, between) -> bool:
    """A forward denial reaches the condition unless a semicolon item it does not open lies between them, or an item
    that states what the patient has: "No fever; has a productive cough", "Denies chest pain, reports palpitations"
    (`dated_past.AFFIRMING_WORDS`; only the denial stops there, a relative's or a past condition's cue goes on)."""
    return _denial_opens_its_item(target, modifier, between) and not (
        target.start > modifier.start and (_affirmed_item_between(between) or _status_in_its_own_item(target, between)
                                           or _diagnosis_after_a_dash(target, modifier)))


def _diagnosis_after_a_dash(target, modifier) -> bool:
    """"no claudication - diabetic peripheral angiopathy": the dash after the denied words opens the assessment
    (`denial_reach`); a sign after it may be one more denied item."""
    doc = target.doc
    return not _is_sign_or_symptom(target._.icd_match.code) and closed_by_a_dash(
        doc.text[doc[modifier.end - 1].idx + len(doc[modifier.end - 1]):target.start_char])


def _status_in_its_own_item(target, between) -> bool:
    """The condition opens a semicolon item of its own that states its status ("; hypertension controlled"):
    `context_triggers.STATUS_AFTER_THE_CONDITION`."""
    if not any(token.text == ";" for token in between):
        return False
    doc = target.doc
    for token in doc[target.end:target.sent.end]:
        if token.text in (";", ".", ","):
            return False
        if token.lower_ in STATUS_AFTER_THE_CONDITION:
            return True
    return False


def _affirmed_item_between(between) -> bool:
    tokens = list(between)
    words = [token.lower_ for token in tokens]
    return any(token.text in ITEM_SEPARATORS and (following in AFFIRMING_WORDS or following == "now" and
                                              then in AFFIRMING_WORDS
                                              or token.text in DASHES and following in DEGREE_WORDS)
               for token, following, then in zip(tokens, words[1:], [*words[2:], ""]))


def _denial_opens_its_item(target, modifier, between) -> bool:
    """A denial runs over a semicolon only where it opens its item, as a list's own cue does ("Denies fever; chills;
    night sweats", "ROS: denies fever; chills"). One written after a condition in its item qualifies that condition
    ("AF, not on anticoagulation; T2DM on insulin", "SVT s/p ablation, no recurrence; hypothyroidism"): the next
    item is a problem of its own."""
    if target.start < modifier.start or not any(token.text == ";" for token in between):
        return True
    doc = modifier.doc
    for token in reversed(doc[modifier.sent.start:modifier.start]):
        if token.text in (";", ":"):
            return True
        if not token.is_punct:
            return False
    return True


def _postfix_history():
    """ConText's "history" looks forward ("history of stones"); problem lists also write it right after the
    condition ("Nephrolithiasis hx (2020)", "nephrolithiasis hx 2022", the shorthand written out): the mention
    just before it is past."""
    from medspacy.context import ConTextRule

    # with the punctuation or the year that closes it, so this longer match wins over the forward "history" rule
    return [ConTextRule("history (after the condition)", "HISTORICAL",
                        pattern=[{"LOWER": "history"}, {"TEXT": {"IN": ["(", ".", ";"]}}],
                        direction="BACKWARD", max_scope=1),
            ConTextRule("history (after the condition, dated)", "HISTORICAL",
                        pattern=[{"LOWER": "history"}, {"TEXT": {"REGEX": r"^(19|20)\d\d$"}}],
                        direction="BACKWARD", max_scope=1)]


_SENTENCE_END = frozenset({".", "!", "?", "..."})
_CLOSING = frozenset({'"', "'", ")", "\u201d", "\u2019"})  # a sentence may end inside a quotation: 'CC: "can't sleep."'
_LIST_MARKERS = ("-", "*", "\u2022", "#", "[")  # "#" a problem list's item, "[" a template's box


def _clinical_sentences(doc):
    """Rule-based sentence starts for short clinical notes: after a sentence-final punctuation token (spaCy
    keeps "Dr." or "b.i.d." whole, so abbreviations do not split), and at a line break followed by a
    capitalised word, a number or a list marker (a wrapped line in lower case goes on). PyRuSH, medspaCy's
    default, does this with a character-level rule engine in pure Python that took ~85% of the suggestion
    time. ConText scopes its cues to these sentences.

    The starts are written in one array: spaCy's per-token setter checks the whole doc for a parse each time."""
    if not len(doc):
        return doc
    import numpy
    from spacy.attrs import IS_PUNCT, IS_SPACE, SENT_START

    columns = doc.to_array([IS_SPACE, IS_PUNCT]).T.tolist()
    starts = sentence_starts(token_texts(doc), columns[0], columns[1])
    doc.from_array([SENT_START], numpy.array(starts, dtype=numpy.int64).astype(numpy.uint64).reshape(-1, 1))
    return doc


def token_texts(doc) -> list[str]:
    """Each token's text, read from the doc's array: no spaCy Token is built for it."""
    from spacy.attrs import ORTH

    strings = doc.vocab.strings
    return [strings[orth] for orth in doc.to_array(ORTH).tolist()]


def sentence_starts(texts: list[str], spaces: list[int], puncts: list[int]) -> list[int]:
    """spaCy's SENT_START of each token (1 a sentence starts there, -1 it does not), from the tokens' texts and
    their whitespace and punctuation flags."""
    starts = []
    for i, text in enumerate(texts):
        if i == 0 or spaces[i]:
            starts.append(1 if i == 0 else -1)
            continue
        j, line_break = i - 1, False
        while j >= 0 and spaces[j]:
            line_break = line_break or "\n" in texts[j]
            j -= 1
        if j > 0 and texts[j] in _CLOSING and texts[j - 1] in _SENTENCE_END:
            j -= 1
        if j < 0:
            start = True
        elif texts[j] in _SENTENCE_END and not puncts[i]:
            start = True
        else:
            start = line_break and (text[:1].isupper() or text[:1].isdigit() or text.startswith(_LIST_MARKERS))
        starts.append(1 if start else -1)
    return starts


def longest_terms(terms: dict[str, TermMatch]) -> dict[str, int]:
    """The most words a term opening with each word has: the term search tries no longer run of words."""
    longest: dict[str, int] = {}
    for term_key in terms:
        parts = term_key.split(" ")
        longest[parts[0]] = max(longest.get(parts[0], 0), len(parts))
    return longest


_TERM_STOPS = frozenset({".", ";", "!", "?"})


def _term_spans(doc, terms: dict[str, TermMatch], longest: dict[str, int], span_type, fold):
    """Longest term first, left to right, within a sentence-agnostic window of up to MAX_WORDS tokens; a word
    misspelt by one letter is read as the index word it misspells (`fold`: a token's text to its respelt key)."""
    texts, i = token_texts(doc), 0
    folded = [fold(text) for text in texts]
    # a term does not run over a sentence's end: "XR: osteophytes. L knee normal" names no left knee's osteophyte
    next_stop, stop = [0] * (len(texts) + 1), len(texts)
    next_stop[stop] = stop
    for j in range(len(texts) - 1, -1, -1):
        if texts[j] in _TERM_STOPS or "\n" in texts[j]:
            stop = j
        next_stop[j] = stop
    words_before = [0]  # words_before[j]: the words folded[:j] hold (a token may fold to two: "type-2")
    for f in folded:
        words_before.append(words_before[-1] + (f.count(" ") + 1 if f else 0))
    while i < len(texts):
        most = longest.get(folded[i].split(" ", 1)[0], 0) if folded[i] else 0
        if not most:
            i += 1
            continue
        for n in range(min(MAX_WORDS, len(texts) - i), 0, -1):
            if not folded[i + n - 1] or words_before[i + n] - words_before[i] > most or next_stop[i] < i + n - 1:
                continue
            term_key = " ".join([f for f in folded[i:i + n] if f])
            match = terms.get(term_key)
            if match is not None:
                end, term_key, match, rule = _with_trailing_qualifier(texts, folded, i + n, term_key, match, terms)
                span = span_type(doc, i, end, label="ICD10CM")
                span._.icd_key, span._.icd_match, span._.icd_rule = term_key, match, rule
                yield span
                i = end
                break
        else:
            i += 1


def _with_trailing_qualifier(texts: list[str], folded: list[str], end: int, term_key: str, match: TermMatch,
                             terms: dict[str, TermMatch]):
    """(end, key, match, rule): the term with the qualifier a comma puts after it, where the index holds the two
    as one more specific term ("Hyperparathyroidism, primary" E21.0, "Alzheimer disease, late onset" G30.1), as
    problem lists and the ICD-10-CM index itself write a main term before its modifiers."""
    if end >= len(texts) - 1 or texts[end] != ",":
        return end, term_key, match, None
    qualifier = []
    for j in range(end + 1, min(end + 1 + MAX_QUALIFIER_WORDS, len(texts))):
        if not folded[j]:
            break
        qualifier.append(folded[j])
    head = term_key.split()
    for k in range(len(qualifier), 0, -1):
        if time_word_of_the_next_name(qualifier[:k], folded[end + 1 + k] if end + 1 + k < len(folded) else ""):
            continue
        for candidate in qualified_keys(head, qualifier[:k]):
            found = terms.get(candidate)
            if found is not None and found.code != match.code and "unspecified" not in found.description.lower():
                return end + 1 + k, candidate, found, INVERTED_TERM
    return end, term_key, match, None


def build_suggester(reference: ReferenceData, *, index_dir: Path) -> NoteSuggester:
    tabular = TabularNotes(reference.icd10[-1])
    return NoteSuggester(build_index(reference, index_dir), tabular, chapters=tabular.family_history_chapters(),
                         personal_chapters=tabular.personal_history_chapters())
