import json
from pathlib import Path

import pytest

from services.coding.adapters.note_suggester import build_suggester
from services.coding.adapters.reference_files import load_reference_data
from shared.contracts.encounter import EncounterDocumented

ENCOUNTER = json.loads((Path(__file__).resolve().parents[2] / "fixtures" / "intake" / "encounter.json").read_text())


@pytest.fixture(scope="session")
def reference(tmp_path_factory):
    """The bundled data and samples (an empty reference directory: no full files loaded)."""
    return load_reference_data(tmp_path_factory.mktemp("no-full-files"))


@pytest.fixture(scope="session")
def note_suggester(reference, tmp_path_factory):
    """The suggester on the real index, built once: two dozen modules read notes with it, and each build
    parses the whole index again."""
    return build_suggester(reference, index_dir=tmp_path_factory.mktemp("index"))


def make_encounter(**overrides) -> EncounterDocumented:
    return EncounterDocumented.model_validate({**ENCOUNTER, "encounter_id": "e1", "date_of_service": "2026-09-14",
                                               **overrides})


def line(code: str, *modifiers: str, units: int = 1, pointers=(1,)) -> dict:
    return {"code": code, "modifiers": list(modifiers), "units": units, "diagnosis_pointers": list(pointers)}


def errors(outcome) -> list[str]:
    return [e.edit_id for e in outcome.edits if e.severity == "error"]


def warnings(outcome) -> list[str]:
    return [e.edit_id for e in outcome.edits if e.severity == "warning"]
