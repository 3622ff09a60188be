"""The scope rules tried only where the note holds the words of one of their cues: the same scope as trying all."""
import pytest

from services.coding.domain import note_context
from services.coding.domain.note_context import FAMILY, RESOLVED, RULES, Z_CODE_RULES, mention_scope

pytestmark = pytest.mark.unit

_SENTENCES = [
    ("Maternal aunt had ovarian cancer at 52; patient has no symptoms.", "ovarian cancer"),
    ("Pneumonia last winter, resolved after antibiotics. Lungs clear today.", "Pneumonia"),
    ("Denies chest pain, dyspnea or palpitations.", "dyspnea"),
    ("Screening colonoscopy for colon cancer, average risk.", "colon cancer"),
    ("Prior DVT 2019, completed six months of apixaban.", "DVT"),
    ("Gout flare of the left great toe, on colchicine.", "Gout"),
    ("FAMILY HISTORY:\nFather - coronary artery disease\nSURGICAL HISTORY: none", "coronary artery disease"),
    ("Wife has multiple sclerosis; he is her caregiver.", "multiple sclerosis"),
    ("Never smoker. No tobacco use since the accident in 2015.", "tobacco use"),
    ("Caf\u00e9 worker with asthma, uses albuterol twice a week.", "asthma"),
    ("PSH:\nAppendicitis 2010\nInguinal hernia", "Inguinal hernia"),
]


def _scope(text: str, mention: str, rules=RULES):
    start = text.index(mention)
    return mention_scope(text, start, start + len(mention), rules)


@pytest.mark.parametrize("text, mention", _SENTENCES)
@pytest.mark.parametrize("rules", [RULES, Z_CODE_RULES])
def test_the_scope_is_the_one_found_by_trying_every_rule(monkeypatch, text, mention, rules):
    found = _scope(text, mention, rules)
    monkeypatch.setattr(note_context, "_uncued_rules", lambda _text: frozenset())
    assert found == _scope(text, mention, rules)


def test_a_rule_none_of_whose_cue_words_are_in_the_note_is_not_tried():
    uncued = note_context._uncued_rules("Type 2 diabetes on metformin, A1c 7.1 today.")
    family = next(rule for rule in RULES if rule.name == FAMILY)
    assert id(family) in uncued
    assert id(family) not in note_context._uncued_rules("Her mother has type 2 diabetes.")


def test_a_note_beyond_ascii_tries_every_rule():
    assert note_context._uncued_rules("Caf\u00e9 worker with asthma.") == frozenset()


def test_a_heading_still_places_a_mention_whose_rule_has_no_cue_in_the_note():
    text = "PSH:\nAppendicitis 2010\nInguinal hernia"
    resolved = next(rule for rule in RULES if rule.name == RESOLVED)
    assert id(resolved) in note_context._uncued_rules(text)
    assert _scope(text, "Inguinal hernia").rule == RESOLVED
