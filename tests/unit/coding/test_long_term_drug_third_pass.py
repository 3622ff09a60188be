"""Long-term drug therapy (Z79.-) read from a yearly infusion's rhythm, a start another clinician made before the
visit, an antidiabetic listed after the insulin of its regimen, a transplant's steroid beside the graft's other
drugs, an antibiotic dosed three times a week, and the rhythm drugs and CGRP antibodies with their course stated; a
drug whose course the note closes with a stop, one only proposed or begun today, a course of days and a relative's
drug stay uncoded. Each case is read alone in a plan and after another item of it."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def _in_both_frames(suggest, text: str, code: str) -> list[bool]:
    return [code in billed(suggest, note)
            for note in (f"A/P: 1. {text}", f"A/P: 1. HTN - continue lisinopril. 2. {text}")]


READ = [
    ("Age-related osteoporosis - zoledronic acid once yearly, next infusion in May.", "Z79.83"),
    ("Osteoporosis with a healed wrist fracture - zoledronic acid infusion once a year, dose 2 given today.",
     "Z79.83"),
    ("Osteoporosis dx on DXA last month; her PCP started alendronate, tolerating.", "Z79.83"),
    ("T2DM, new this spring - metformin started by PCP, A1c 7.0.", "Z79.84"),
    ("T2DM - insulin glargine and glipizide, A1c 7.4.", "Z79.84"),
    ("T2DM with nephropathy. Insulin degludec and aspart, metformin.", "Z79.84"),
    ("Kidney transplant 2019 - tacrolimus, prednisone 5 mg daily, Cr stable.", "Z79.52"),
    ("Heart transplant 2020. Immunosuppression: cyclosporine, prednisone 5 mg daily.", "Z79.52"),
    ("PJP prophylaxis - Bactrim DS MWF while on steroids.", "Z79.2"),
    ("Persistent AF - dofetilide 500 mcg bid, maintained on it, QTc ok.", "Z79.899"),
    ("Chronic migraine - Ajovy 225 mg monthly for 3 yrs, 4 HA days/mo.", "Z79.899"),
    ("Paroxysmal AF - sotalol 80 mg bid long term, sinus on ECG.", "Z79.899"),
]


@pytest.mark.parametrize("text, code", READ)
def test_a_drug_the_note_shows_taken_for_the_long_run_is_coded(suggest, text, code):
    assert _in_both_frames(suggest, text, code) == [True, True]


NOT_READ = [
    # a course the note closes with a stop
    ("Graves disease, methimazole x 2 yrs, stopped 2021, euthyroid since.", "Z79.899"),
    ("Bipolar disorder in remission off meds; lithium for 5 yrs, discontinued 2020.", "Z79.899"),
    # proposed, planned, considered or a relative's
    ("Osteoporosis on DXA - PCP to start alendronate.", "Z79.83"),
    ("Prediabetes - PCP may start metformin.", "Z79.84"),
    ("Osteoporosis. Her mother was on alendronate.", "Z79.83"),
    ("Osteoporosis - zoledronic acid yearly was advised; she declined.", "Z79.83"),
    ("T2DM - metformin 500 mg bid was offered; wants to try diet first.", "Z79.84"),
    ("Osteoporosis - zoledronic acid considered, not started.", "Z79.83"),
    ("T2DM - insulin glargine and glipizide discontinued.", "Z79.84"),
    ("T2DM on diet. Her mother takes insulin and metformin.", "Z79.84"),
    # a rejection's taper, a failed graft's stopped steroid, a steroid with no graft to keep
    ("Kidney transplant - prednisone taper x 10 days for acute rejection.", "Z79.52"),
    ("Kidney transplant 2015, graft failed; prednisone stopped 2022, now on HD.", "Z79.52"),
    ("RA on methotrexate, prednisone 5 mg daily; father had a kidney transplant.", "Z79.52"),
    ("UTI - Bactrim DS bid x 7 days.", "Z79.2"),
    # a rhythm drug or CGRP antibody stopped, begun today, or without a word of its course
    ("Paroxysmal AF - propafenone tried 2023, stopped for dizziness.", "Z79.899"),
    ("Chronic migraine, 16 HA days/mo - start Emgality today.", "Z79.899"),
    ("Chronic migraine without aura, on erenumab, 4 HA days/mo.", "Z79.899"),
]


@pytest.mark.parametrize("text, code", NOT_READ)
def test_a_drug_stopped_proposed_begun_for_days_or_a_relative_s_is_not(suggest, text, code):
    assert _in_both_frames(suggest, text, code) == [False, False]
