from pathlib import Path
from typing import ClassVar

from pydantic import Field

from shared.settings import PlatformSettings


class Settings(PlatformSettings):
    service_name: ClassVar[str] = "coding"

    auto_accept_threshold: float = Field(default=0.9, ge=0, le=1,
                                         description="Where a tenant turned auto-accept on, note suggestions at or "
                                                     "above it are coded without review.")
    suggestion_accuracy_file: Path = Field(default=Path(__file__).resolve().parent / "data" / "suggestion_accuracy.json",
                                           description="Precision and recall by threshold, from evaluate_suggestions.")
    reference_dir: Path = Field(default=Path(".run/coding-reference"),
                                description="Full NCCI, MUE, HCPCS and CPT files placed by load_reference.")
    suggestions_enabled: bool = True
    suggestion_index_dir: Path = Field(default=Path(".run/coding-index"),
                                       description="Where the ICD-10-CM text index is built at first start.")
