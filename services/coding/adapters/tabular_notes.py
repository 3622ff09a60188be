"""The ICD-10-CM tabular's instructional notes the guideline conventions read (domain/conventions.py), from
simple-icd-10-cm. Looked up per code when a convention asks and cached: the conventions touch a few dozen
codes, so reading every note at start would cost seconds for nothing."""
from functools import lru_cache

from services.coding.domain.codes import icd_compact
from services.coding.domain.context_z_codes import (ChapterHistory, chapter_family_history_codes,
                                                    chapter_personal_history_codes)
from services.coding.domain.excludes1 import parse_note, rule_matches
from services.coding.domain.icd10 import Icd10CodeSet
from services.coding.domain.note_terms import CLASSIFICATION_WORDS, PARENTHESES, words


class TabularNotes:
    def __init__(self, code_set: Icd10CodeSet):
        import simple_icd_10_cm as icd

        self._icd, self._code_set = icd, code_set
        self._additional = lru_cache(maxsize=4096)(self._additional_rules)
        self.seventh_characters = lru_cache(maxsize=4096)(self._seventh_characters)
        self.category_words = lru_cache(maxsize=4096)(self._category_words)
        self._added_words = lru_cache(maxsize=4096)(self._words_added_by_siblings)
        self.personal_history_chapters = lru_cache(maxsize=1)(self._personal_history_chapters)

    def is_billable(self, code: str) -> bool:
        return self._code_set.is_billable(code)

    def family_history_chapters(self) -> tuple[ChapterHistory, ...]:
        """Each chapter's "History, family, disease, <system> NEC" code, read from the tabular."""
        icd = self._icd
        history = [(dotted, icd.get_description(dotted)) for compact, dotted in self._code_set.dotted.items()
                   if "Z80" <= compact[:3] <= "Z84" and compact in self._code_set.billable]
        return chapter_family_history_codes(self._chapters(), history)

    def _personal_history_chapters(self) -> tuple[ChapterHistory, ...]:
        """Each chapter's "History, personal, disease, <system> NEC" code, read from the tabular."""
        history = [(dotted, self._icd.get_description(dotted)) for compact, dotted in self._code_set.dotted.items()
                   if "Z85" <= compact[:3] <= "Z87" and compact in self._code_set.billable]
        return chapter_personal_history_codes(self._chapters(), history)

    def _chapters(self) -> list[tuple[str, str, str]]:
        """(first code, last code, title) of each tabular chapter."""
        icd = self._icd
        return [(blocks[0].split("-")[0], blocks[-1].split("-")[-1], icd.get_description(chapter))
                for chapter in (c for c in icd.get_all_codes() if icd.is_chapter(c))
                for blocks in [icd.get_children(chapter)]]

    def description(self, code: str) -> str:
        return self._icd.get_description(code)

    def excludes1_pair(self, first: str, second: str) -> bool:
        return self._code_set.excludes1_pair(icd_compact(first), icd_compact(second))

    def allows_additional(self, code: str, paired: str) -> bool:
        """Whether `paired` is among the codes `code`'s "use additional code" note (own or inherited) names."""
        return any(rule_matches(icd_compact(paired), rule) for rule in self._additional(code))

    def _additional_rules(self, code: str):
        if not self._icd.is_valid_item(code):
            return ()
        return tuple(parse_note(self._icd.get_use_additional_code(code, search_in_ancestors=True))[0])

    def _seventh_characters(self, code: str) -> dict[str, tuple[str, str]]:
        """7th character -> (the full code, its meaning), for a code whose only children carry one."""
        icd = self._icd
        if not icd.is_valid_item(code) or icd.is_leaf(code):
            return {}
        children = icd.get_children(code)
        if not children or not all(icd.is_extended_subcategory(child) for child in children):
            return {}
        meanings = icd.get_seven_chr_def(code, search_in_ancestors=True)
        return {child[-1]: (child, meanings.get(child[-1], "")) for child in children}

    def _category_words(self, code: str) -> frozenset[str]:
        """The words the other codes of the code's category use (descriptions and inclusion terms) that neither its
        own text nor its category's title does: for F43.10, "acute", "chronic"; for E21.3, "primary", "secondary"."""
        icd, category = self._icd, code.split(".")[0]
        if not icd.is_valid_item(code) or not icd.is_valid_item(category):
            return frozenset()
        own_name = self._name_words(code)
        others = set()
        for other in icd.get_descendants(category):
            if other != code:
                others |= self._kind_words(other, own_name)
        # one- and two-letter words are the tabular's labels ("type B", "group D", "stage II"), not a note's words
        # the category's own title names all its codes alike ("sleep" of G47 "Sleep disorders" beside insomnia)
        titled = set(words(icd.get_description(category)))
        return frozenset(w for w in others - self._text_words(code) - titled - CLASSIFICATION_WORDS if len(w) > 2)

    def sibling_named_by(self, code: str, near: frozenset[str]) -> str | None:
        """The one billable code of `code`'s category whose description adds to `code`'s text only words the
        note writes beside the mention (`near`): "iron deficiency anemia due to chronic blood loss" names
        D50.0 "Iron deficiency anemia secondary to blood loss (chronic)" beside D50.9. Words in parentheses are
        nonessential, as in the index; "due to" and "secondary to" say the same link. Two words at least: one
        ("chronic" beside "PTSD") as often belongs to another phrase of the sentence ("PTSD, chronic pain")."""
        near = near | {"secondary"} if "due" in near else near
        named = [other for other, added in self._added_words(code) if len(added) >= 2 and added <= near]
        return named[0] if len(named) == 1 else None

    def _words_added_by_siblings(self, code: str) -> tuple[tuple[str, frozenset[str]], ...]:
        icd, category = self._icd, code.split(".")[0]
        if not icd.is_valid_item(code) or not icd.is_valid_item(category):
            return ()
        own = self._text_words(code)
        siblings = []
        for other in icd.get_descendants(category):
            # an "Other (specified) ..." code is what is left when no code names the condition: never named
            if other != code and self.is_billable(other) and "other" not in words(icd.get_description(other)):
                essential = set(words(PARENTHESES.sub(" ", icd.get_description(other))))
                added = frozenset(w for w in essential - own - CLASSIFICATION_WORDS if len(w) > 2)
                if added:
                    siblings.append((other, added))
        return tuple(siblings)

    def _name_words(self, code: str) -> set[str]:
        """The code's own description without the words every code of a kind shares ("unspecified")."""
        return set(words(self._icd.get_description(code))) - CLASSIFICATION_WORDS

    def _kind_words(self, other: str, own_name: set[str]) -> set[str]:
        """The words of the other code's terms (description, inclusion terms) that name a kind of the code's
        condition, sharing a word of its name: E78.2's "Mixed hyperlipidemia" qualifies E78.5 "Hyperlipidemia,
        unspecified", not E78.00 "Pure hypercholesterolemia, unspecified" ("not mixed", "fasting lipids" beside it
        are another condition's words). A code whose own name is all classification words keeps every term."""
        terms = [self._icd.get_description(other), *self._icd.get_inclusion_term(other)]
        if not own_name:
            return set(words(" ".join(terms)))
        return {w for term in terms for term_words in [set(words(term))] if term_words & own_name
                for w in term_words}

    def _text_words(self, code: str) -> set[str]:
        return set(words(" ".join([self._icd.get_description(code), *self._icd.get_inclusion_term(code)])))
