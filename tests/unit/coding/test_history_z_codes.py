"""Personal and family history of cancer: a past cancer is Z85.-, a relative's Z80.-, never the active C code."""
import pytest

from services.coding.domain.history_z_codes import history_z_codes
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected, context", [
    ("h/o colon cancer, no recurrence.", "Z85.038", "history"),
    ("History of breast cancer, s/p mastectomy.", "Z85.3", "history"),
    ("Mother had breast cancer.", "Z80.3", "family"),
    ("Father with prostate cancer.", "Z80.42", "family"),
    ("Former smoker, quit 10 years ago.", "Z87.891", "history"),
    # excised, and nothing in its sentence says it is treated now
    ("Hypothyroidism after total thyroidectomy 2017 for papillary thyroid cancer; no recurrence.", "Z85.850", "history"),
    # the hormonal therapy is over
    ("History of breast cancer, was on tamoxifen for 5 years.", "Z85.3", "history"),
    ("Hx breast cancer, on anastrozole x 5 yrs, completed 2021.", "Z85.3", "history"),
])
def test_past_or_relatives_cancer_is_a_history_code(tabular, note, expected, context):
    out, reasons = history_z_codes([], note, tabular)
    assert codes(out) == [expected] and out[0].context == context and out[0].convention == "history-z-code"
    assert reasons


def test_the_active_code_the_index_found_gives_way_to_personal_history(tabular):
    note = "h/o colon cancer, no recurrence."
    out, _ = history_z_codes(found(note, ("C18.9", "colon cancer")), note, tabular)
    assert codes(out) == ["Z85.038"] and "C18.9" in out[0].reason


@pytest.mark.parametrize("note", ["Colon cancer, currently on chemotherapy.", "No family history of colon cancer.",
                                  "Breast cancer after lumpectomy, now receiving radiation.",
                                  "Denies history of breast cancer.", "Recurrent breast cancer, history of lumpectomy.",
                                  # a hormonal therapy taken now is treatment still directed at the cancer
                                  "Hx of prostate ca s/p prostatectomy, on leuprolide q3mo.",
                                  "Past breast cancer (R), on adjuvant letrozole since 2023."])
def test_current_or_negated_cancer_is_not_history(tabular, note):
    assert history_z_codes([], note, tabular)[0] == []


@pytest.mark.parametrize("note, expected", [
    ("H/o colon polyps: 2 tubular adenomas removed 2021.", "Z86.0101"),
    ("History of hyperplastic colon polyps.", "Z86.0102"), ("S/p polypectomy, h/o colon polyps.", "Z86.0100"),
])
def test_past_colon_polyps_are_personal_history_by_their_type(tabular, note, expected):
    out, reasons = history_z_codes([], note, tabular)
    assert codes(out) == [expected] and reasons


@pytest.mark.parametrize("note", ["Colonoscopy today: two colon polyps removed.", "No history of colon polyps."])
def test_current_relatives_or_denied_polyps_are_not_personal_history(tabular, note):
    assert history_z_codes([], note, tabular)[0] == []


@pytest.mark.parametrize("note", [
    "Follicular thyroid cancer, s/p thyroidectomy last month; radioactive iodine planned in June.",
    "Breast cancer s/p lumpectomy 2 wks ago; adjuvant radiation to start after healing.",
    "h/o colon cancer, s/p hemicolectomy; adjuvant chemo scheduled, port placed.",
])
def test_an_excised_cancer_with_treatment_still_to_come_is_no_history(tabular, note):
    out, _ = history_z_codes([], note, tabular)
    assert not any(s.code.startswith("Z85") for s in out)


def test_treatment_said_not_planned_leaves_the_history(tabular):
    note = "Prostate cancer s/p radical prostatectomy 2019; no adjuvant radiation planned, PSA undetectable."
    out, _ = history_z_codes([], note, tabular)
    assert codes(out) == ["Z85.46"]


def test_the_cancer_a_screening_is_named_by_is_no_history(tabular):
    note = "Prostate cancer screening with PSA today; ex-smoker, quit 2010, prior colonoscopy normal."
    out, _ = history_z_codes([], note, tabular)
    assert not any(s.code.startswith("Z85") for s in out)


@pytest.mark.parametrize("note", [
    "Smoking hx: 25 pk-yrs, quit in 2011.",
    "Ex-cig user. 40 pack years - stopped when his daughter was born.",
    "Problem: smoker - quit after the MI in 2019.",
    "Remote smoker (teens only).",
    "Previous nicotine dependence; none since 2008.",
    "Tobacco dependence, quit with varenicline 2016.",
])
def test_a_count_or_dependence_closed_by_its_quit_is_a_former_smoker(tabular, note):
    out, _ = history_z_codes([], note, tabular)
    assert codes(out) == ["Z87.891"]


@pytest.mark.parametrize("note", [
    "Still smoking, 35 pack years, quit attempts x3 without success.",
    "Smoker, 20 pk-yr, quit date set for next month.",
])
def test_a_quit_tried_or_planned_is_no_former_smoker(tabular, note):
    out, _ = history_z_codes([], note, tabular)
    assert "Z87.891" not in codes(out)
