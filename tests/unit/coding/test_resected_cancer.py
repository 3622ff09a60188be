"""A cancer an operation took out, its site told by the operation: personal history (Z85.-) once the operation is
over and nothing keeps the cancer current; never one still treated, come back, still to be operated on, or a
relative's."""
import pytest

from services.coding.domain.resected_cancer import NAME
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Left lower lobectomy 2019 for a stage IA adenocarcinoma; yearly CT clear since.", "Z85.118"),
    ("Status post right pneumonectomy for squamous cell lung cancer, no evidence of recurrence.", "Z85.118"),
    ("PSH: robotic prostatectomy 2017 for adenocarcinoma, PSA undetectable.", "Z85.46"),
    ("Had a right hemicolectomy in 2020 for a T2 adenocarcinoma, colonoscopy clear last year.", "Z85.038"),
    ("Remote left nephrectomy for clear cell carcinoma, creatinine stable.", "Z85.528"),
])
def test_a_cancer_an_operation_took_out_is_the_organs_personal_history(suggest, note, code):
    found = {s.code: s for s in suggest(note)}
    assert code in billed(suggest, note)
    assert not any(c.startswith("C") for c in billed(suggest, note))
    assert found[code].context == "history"


def test_the_cancers_own_code_on_the_same_words_gives_way_even_below_the_threshold(suggest):
    found = suggest("Right pneumonectomy in 2015 for squamous cell lung cancer, then chest radiation; no recurrence.")
    assert not any(s.code.startswith("C34") for s in found)
    assert any(s.code == "Z85.118" and s.convention == NAME for s in found)


@pytest.mark.parametrize("note", [
    "Right upper lobectomy 2024 for adenocarcinoma, now receiving adjuvant cisplatin.",
    "Lobectomy for stage II adenocarcinoma is scheduled for next week.",
    "S/p prostatectomy 2016 for adenocarcinoma, now with a rising PSA and metastatic disease to bone.",
    "His father had a lobectomy in 2010 for lung cancer.",
    "Sigmoid colectomy 2023 for adenocarcinoma with positive margins, referred to oncology.",
])
def test_a_cancer_still_treated_come_back_to_come_or_a_relatives_is_not_history(suggest, note):
    assert not any(code.startswith("Z85") for code in billed(suggest, note))
