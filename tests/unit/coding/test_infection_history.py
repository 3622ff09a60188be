"""Infections over once treated, under the index's History, personal entries: pneumonia (under a history cue or
heading only), MRSA, and infectious disease NEC; not a carrier state, a vaccine, a relative's or a current one."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Annual visit. History of pneumonia twice as a child. Hypertension controlled.", "Z87.01"),
    ("COPD. Treated for community-acquired pneumonia last winter, recovered.", "Z87.01"),
    ("Diabetes. Hx of MRSA abscess of the thigh 2021, drained.", "Z86.14"),
    ("Pre-op. Prior methicillin-resistant Staphylococcus aureus wound infection 2020.", "Z86.14"),
    ("Sexual health visit. History of gonorrhea 2022, treated.", "Z86.19"),
    ("Neuropathy follow-up. H/o shingles of the chest wall 2019.", "Z86.19"),
    ("Diarrhea today. History of C. diff colitis after antibiotics in 2023.", "Z86.19"),
])
def test_an_infection_named_in_the_past_is_its_personal_history(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Right lower lobe pneumonia 3 weeks ago, resolved on the repeat film.", "Z87.01"),
    ("Health maintenance: history of pneumonia vaccine 2021.", "Z87.01"),
    ("Pre-op. History of MRSA colonization on nares swab.", "Z86.14"),
    ("Mother had shingles last year. Hypertension.", "Z86.19"),
    ("No history of chlamydia or gonorrhea. Contraception counselling.", "Z86.19"),
])
def test_a_dated_episode_a_vaccine_a_carrier_a_relative_or_a_denial_is_not(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note, code, current", [
    ("Cirrhosis screen negative. Hepatitis C, cleared with ledipasvir-sofosbuvir in 2017, SVR24.", "Z86.19", "B19.20"),
    ("Annual exam. HCV infection, DAA course finished 2021, cured.", "Z86.19", "B19.20"),
    ("Fatigue. Pulmonary tuberculosis in 1990, treated with four drugs.", "Z86.11", "A15.9"),
    ("Pre-employment form. LTBI found 2018, finished 3 months of rifapentine-INH.", "Z86.15", "Z22.7"),
    ("Knee pain. Lyme arthritis last year, treated, effusion gone.", "Z86.19", "A69.23"),
])
def test_an_infection_whose_treatment_is_over_is_its_personal_history(suggest, note, code, current):
    billed_codes = billed(suggest, note)
    assert code in billed_codes and current not in billed_codes


def test_an_infection_over_named_again_in_the_plan_is_not_current_there(suggest):
    note = "PMH: latent TB treated in 2016 with 9 months isoniazid. Plan: 1. Latent TB treated - nothing further."
    assert "Z22.7" not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Hep C genotype 3, on sofosbuvir-velpatasvir, week 8; LFTs improving.", "Z86.19"),
    ("Latent TB infection, on rifampin month 2 of 4, tolerating it.", "Z86.15"),
    ("Hepatitis C, to be treated after insurance approval.", "Z86.19"),
    ("Labs: hepatitis C antibody test 2023 negative, not repeated.", "Z86.19"),
    ("Sister with hepatitis C, treated and cured.", "Z86.19"),
])
def test_a_course_under_way_or_planned_a_test_or_a_relative_is_not_history(suggest, note, code):
    assert code not in billed(suggest, note)
