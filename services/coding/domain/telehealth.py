"""Telehealth edits: a telehealth place of service (02, 10) and the telemedicine modifiers (95 audio and video,
93 audio-only), from `data/telehealth.csv`."""
import csv
import io
from dataclasses import dataclass

from shared.contracts.common import EditResult, ProcedureLine
from services.coding.domain.results import error, warning

AUDIO_VIDEO, AUDIO_ONLY = "95", "93"


@dataclass(frozen=True)
class TelehealthCodes:
    places_of_service: frozenset[str]
    modifiers: frozenset[str]


def parse_telehealth(text: str) -> TelehealthCodes:
    rows = list(csv.DictReader(io.StringIO(text)))
    return TelehealthCodes(frozenset(r["code"].strip() for r in rows if r["kind"].strip() == "place_of_service"),
                           frozenset(r["code"].strip() for r in rows if r["kind"].strip() == "modifier"))


def telehealth_edits(lines: list[ProcedureLine], place_of_service: str, codes: TelehealthCodes) -> list[EditResult]:
    edits = []
    telehealth_place = place_of_service in codes.places_of_service
    for number, line in enumerate(lines, start=1):
        used = codes.modifiers & set(line.modifiers)
        if {AUDIO_VIDEO, AUDIO_ONLY} <= used:
            edits.append(error("TELEHEALTH-MODIFIER-CONFLICT", f"line {number} ({line.code}) carries both 95 (audio "
                                                               "and video) and 93 (audio-only): keep the one that "
                                                               "happened", line.code))
        elif telehealth_place and not used:
            edits.append(warning("TELEHEALTH-MODIFIER-MISSING", f"line {number} ({line.code}) at telehealth place of "
                                                                f"service {place_of_service} carries neither 95 (audio "
                                                                "and video) nor 93 (audio-only); many payers require "
                                                                "one", line.code))
    return edits
