"""HL7 v2 DFT^P03 (detail financial transaction) -> EncounterIn, read with python-hl7.

Line endings are normalised first: a message split by LF instead of CR would otherwise become one
segment (LIBRARIES.md). Errors name the segment and field (PID-7), never the value.
"""
from datetime import datetime

import hl7

from services.gateway.intake.errors import IntakeError
from services.gateway.intake.model import EncounterIn

RELATIONSHIP = {"SEL": "self", "SPO": "spouse", "CHD": "child"}


def _field(segment, index: int) -> str:
    return str(segment[index]) if len(segment) > index else ""


def _components(segment, index: int) -> list[str]:
    return _field(segment, index).split("^")


def _date(value: str, where: str, problems: list[dict]) -> str | None:
    try:
        return datetime.strptime(value[:8], "%Y%m%d").date().isoformat()
    except ValueError:
        problems.append({"field": where, "message": f"{where} is not a valid date"})
        return None


def _all(message, name: str) -> list:
    try:
        return list(message.segments(name))
    except KeyError:  # python-hl7 raises rather than returning nothing
        return []


def _one(message, name: str, problems: list[dict]):
    try:
        return message.segment(name)
    except KeyError:
        problems.append({"field": name, "message": f"the {name} segment is required"})
        return None


def parse_dft_p03(raw: bytes | str) -> EncounterIn:
    text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
    text = text.replace("\r\n", "\r").replace("\n", "\r").strip()
    try:
        message = hl7.parse(text)
    except Exception as exc:  # python-hl7 raises several types on garbage
        raise IntakeError([{"field": "MSH", "message": "not an HL7 v2 message"}]) from exc
    problems: list[dict] = []
    if _components(message.segment("MSH"), 9)[:2] != ["DFT", "P03"]:
        problems.append({"field": "MSH-9", "message": "message type must be DFT^P03"})
    pid, in1 = _one(message, "PID", problems), _one(message, "IN1", problems)
    charges = _all(message, "FT1")
    if not charges:
        problems.append({"field": "FT1", "message": "at least one FT1 charge is required"})
    if problems:
        raise IntakeError(problems)
    body = _encounter(message, pid, in1, charges, problems)
    if problems:
        raise IntakeError(problems)
    return EncounterIn.model_validate(body)


def _encounter(message, pid, in1, charges, problems: list[dict]) -> dict:
    name, address = _components(pid, 5), _components(pid, 11) + [""] * 5
    diagnoses = [_components(dg1, 3)[0] for dg1 in _all(message, "DG1")]
    first = charges[0]
    performer = _components(first, 20) + ["", ""]
    pv1 = next(iter(_all(message, "PV1")), None)
    return {
        "external_id": (_field(pv1, 19) if pv1 else "") or _field(message.segment("MSH"), 10),
        "date_of_service": _date(_field(first, 4), "FT1-4", problems),
        "place_of_service": _field(first, 16) or "11",
        "patient": {"id": _components(pid, 3)[0], "last_name": name[0], "first_name": name[1] if len(name) > 1 else "",
                    "birth_date": _date(_field(pid, 7), "PID-7", problems), "sex": _field(pid, 8) or "U",
                    "address": {"line1": address[0], "city": address[2], "state": address[3], "zip": address[4]}},
        "coverage": {"payer_id": _field(in1, 3), "member_id": _field(in1, 36), "group_number": _field(in1, 8) or None,
                     "relationship": RELATIONSHIP.get(_field(in1, 17), "other")},
        "rendering_provider": {"npi": performer[0], "last_name": performer[1], "first_name": performer[2]},
        "diagnoses": diagnoses,
        "procedures": [_procedure(ft1, diagnoses) for ft1 in charges],
    }


def _procedure(ft1, diagnoses: list[str]) -> dict:
    codes = [c.split("^")[0] for c in _field(ft1, 19).split("~") if c]
    pointers = [diagnoses.index(c) + 1 for c in codes if c in diagnoses][:4]
    modifiers = [m for m in _field(ft1, 26).split("~") if m]
    return {"code": _components(ft1, 7)[0], "units": int(_field(ft1, 10) or 1), "modifiers": modifiers,
            "diagnosis_pointers": pointers}
