"""Glaucoma by type, eye and stage as clinics write them ("POAG OU, moderate", "NTG left eye"), read by the H40
axes; an eye or stage the clause leaves open, a denied or a relative's glaucoma goes to no such code."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, codes", [
    ("Ophthalmology: POAG both eyes, severe stage; trabeculectomy OS planned.", {"H40.1133"}),
    ("Impression: primary open-angle glaucoma, right eye, mild stage - start timolol.", {"H40.1111"}),
    ("A/P: POAG OS, moderate; continue latanoprost.", {"H40.1122"}),
    ("Problem list: POAG OU, stage unspecified.", {"H40.1130"}),
    ("Dx: normal-tension glaucoma, left eye, indeterminate stage.", {"H40.1224"}),
    ("A: NTG OD, mild stage; visual fields in 4 months.", {"H40.1211"}),
    ("Assessment: pseudoexfoliation glaucoma, left eye, moderate stage.", {"H40.1422"}),
    ("Dx: pigmentary glaucoma OU, mild stage; SLT offered.", {"H40.1331"}),
    ("Impression: chronic angle-closure glaucoma, right eye, severe stage, s/p laser iridotomy.", {"H40.2213"}),
    ("A/P: primary angle-closure glaucoma, moderate stage; iridotomy done.", {"H40.20X2"}),
    ("Assessment: glaucoma suspect, left eye; OCT of the nerve fibre layer yearly.", {"H40.002"}),
    ("A/P: open angle with borderline findings, high risk, OU; repeat fields in 6 months.", {"H40.023"}),
])
def test_the_type_eye_and_stage_written_are_the_code(suggest, note, codes):
    assert codes <= billed(suggest, note)


@pytest.mark.parametrize("note, prefix", [
    ("Denies any glaucoma; POAG in her mother, both eyes, severe stage.", "H40.11"),
    ("POAG, mild stage; IOP 17 on drops.", "H40.11"),  # no eye stated: a coder's
    ("POAG OD moderate stage, OS mild stage.", "H40.11"),  # two eyes, two stages: a coder's, who codes each
    ("Glaucoma suspect OU: open angle with borderline findings, low risk.", "H40.00"),
])
def test_what_the_words_leave_open_or_deny_is_not_coded_so(suggest, note, prefix):
    assert not any(code.startswith(prefix) for code in billed(suggest, note))
