"""A benign tumour the note says was removed is its personal history Z86.018, read by its words where a history cue
kept its own code out; not one still there, partly removed, a relative's or a denied one."""
import pytest

from services.coding.domain.resected_neoplasm import resected_benign_neoplasms
from tests.unit.coding.test_conventions import codes, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "Hx of pituitary macroadenoma s/p transsphenoidal resection 2014, MRI without residual tumour.",
    "S/p endoscopic transsphenoidal resection of a prolactinoma in 2020, off cabergoline.",
    "Osteochondroma of the left distal femur excised 2009, no recurrence.",
    "Primary aldosteronism from a R adrenal adenoma, s/p laparoscopic right adrenalectomy 2018, cured.",
    "Parathyroid adenoma removed 2021, calcium normal since.",
    "S/p wedge resection of a LUL nodule 2022, pathology a benign hamartoma.",
])
def test_a_removed_benign_tumour_is_personal_history(tabular, note):
    out, reasons = resected_benign_neoplasms([], note, tabular)
    assert codes(out) == ["Z86.018"] and out[0].context == "history" and reasons


@pytest.mark.parametrize("note", [
    "Pituitary microadenoma on cabergoline, MRI stable.",
    "Pituitary macroadenoma, transsphenoidal resection scheduled next month.",
    "Hx pituitary adenoma s/p subtotal resection 2016, residual tumor stable on MRI.",
    "Adrenal adenoma, 2.1 cm, incidental, no resection planned.",
    "Mother had a pituitary adenoma removed.",
    "No osteochondroma seen; excised exostosis was a callus.",
])
def test_a_tumour_still_there_a_relatives_or_denied_is_not_history(tabular, note):
    out, _ = resected_benign_neoplasms([], note, tabular)
    assert "Z86.018" not in codes(out)


def test_a_tumour_removed_weeks_ago_is_the_operations_aftercare_not_yet_history(tabular):
    note = "Post-op check 2 wks after VATS wedge resection of a RUL nodule (path: benign hamartoma)."
    out, _ = resected_benign_neoplasms([], note, tabular)
    assert "Z86.018" not in codes(out)


@pytest.mark.parametrize("note", [
    "Cushing disease, endoscopic resection of a pituitary macroadenoma 2018, cortisol normal since.",
    "Prolactinoma, transsphenoidal resection 2017, prolactin normal off cabergoline.",
    "Primary aldosteronism: adrenal adenoma, laparoscopic adrenalectomy in 2020, K normal.",
])
def test_an_operation_dated_to_a_year_removed_the_tumour_without_s_p(tabular, note):
    out, _ = resected_benign_neoplasms([], note, tabular)
    assert codes(out) == ["Z86.018"]


@pytest.mark.parametrize("note", [
    "Pituitary macroadenoma, transsphenoidal resection next month.",
    "Prolactinoma, transsphenoidal resection 2019, residual tumor on MRI, back on cabergoline.",
    "Discussed resection of the pituitary adenoma vs cabergoline; she prefers medication.",
])
def test_an_undated_or_incomplete_operation_without_s_p_leaves_the_tumour(tabular, note):
    out, _ = resected_benign_neoplasms([], note, tabular)
    assert "Z86.018" not in codes(out)
