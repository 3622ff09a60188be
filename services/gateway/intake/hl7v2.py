"""HL7 v2 DFT^P03 (detail financial transaction) -> EncounterIn, read with python-hl7.

Line endings are normalised first: a message split by LF instead of CR would otherwise become one
segment. Every error is an IntakeError naming the segment and field (PID-7), never the
value: control characters and bytes that are not UTF-8 are refused field by field before parsing.
"""
from datetime import datetime

import hl7
from pydantic import ValidationError

from services.gateway.intake.errors import IntakeError
from services.gateway.intake.hl7v2_fields import field_of, refused_fields
from services.gateway.intake.model import EncounterIn
from shared.npi import npi_is_valid

RELATIONSHIP = {"SEL": "self", "SPO": "spouse", "CHD": "child"}
NPI_MARKS = {"NPI", "2.16.840.1.113883.4.6"}  # how an XCN's assigning authority or identifier type names the NPI


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


def _units(value: str, problems: list[dict]) -> int:
    if value.strip().isdecimal() and len(value.strip()) <= 3:
        return int(value)
    if value:
        problems.append({"field": "FT1-10", "message": "FT1-10 (quantity) is not a whole number of units"})
    return 1


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


def _text(raw: bytes | str) -> str:
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("utf-8", errors="replace")
            raise IntakeError(refused_fields(_normalised(text), invalid_utf8=True)) from None
    else:
        text = raw
    return _normalised(text)


def _normalised(text: str) -> str:
    return text.replace("\r\n", "\r").replace("\n", "\r").strip()


def parse_dft_p03(raw: bytes | str) -> EncounterIn:
    """Raises IntakeError, and nothing else, for anything it cannot take."""
    text = _text(raw)
    problems = refused_fields(text)
    if problems:
        raise IntakeError(problems)
    try:
        message = hl7.parse(text)
        msh = message.segment("MSH")
    except Exception as exc:  # python-hl7 raises several types on garbage
        raise IntakeError([{"field": "MSH", "message": "not an HL7 v2 message"}]) from exc
    if _components(msh, 9)[:2] != ["DFT", "P03"]:
        problems.append({"field": "MSH-9", "message": "message type must be DFT^P03"})
    pid, insurances = _one(message, "PID", problems), _in_order(_all(message, "IN1"))
    if not insurances:
        problems.append({"field": "IN1", "message": "the IN1 segment is required"})
    charges = _all(message, "FT1")
    if not charges:
        problems.append({"field": "FT1", "message": "at least one FT1 charge is required"})
    if problems:
        raise IntakeError(problems)
    body = _encounter(message, msh, pid, insurances, charges, problems)
    if problems:
        raise IntakeError(problems)
    try:
        return EncounterIn.model_validate(body)
    except ValidationError as exc:
        raise IntakeError([{"field": field_of(e["loc"]), "message": e["msg"]}
                           for e in exc.errors(include_input=False)]) from exc


def _encounter(message, msh, pid, insurances, charges, problems: list[dict]) -> dict:
    name, address = _components(pid, 5), _components(pid, 11) + [""] * 5
    diagnoses = [_components(dg1, 3)[0] for dg1 in _all(message, "DG1")]
    first = charges[0]
    performer = _components(first, 20) + ["", ""]
    pv1 = next(iter(_all(message, "PV1")), None)
    return {
        "external_id": (_field(pv1, 19) if pv1 else "") or _field(msh, 10),
        "date_of_service": _date(_field(first, 4), "FT1-4", problems),
        "place_of_service": _field(first, 16) or "11",
        "patient": {"id": _components(pid, 3)[0], "last_name": name[0], "first_name": name[1] if len(name) > 1 else "",
                    "birth_date": _date(_field(pid, 7), "PID-7", problems), "sex": _field(pid, 8) or "U",
                    "address": {"line1": address[0], "city": address[2], "state": address[3], "zip": address[4]}},
        "coverage": _coverage(insurances[0]),
        "other_coverages": [_coverage(other) for other in insurances[1:]],
        "rendering_provider": {"npi": performer[0], "last_name": performer[1], "first_name": performer[2]},
        "referring_provider": _referring(pv1) if pv1 else None,
        "diagnoses": diagnoses,
        "procedures": [_procedure(ft1, diagnoses, problems) for ft1 in charges],
    }


def _referring(pv1) -> dict | None:
    """PV1-8 (referring doctor, XCN id^family^given, may repeat): the repetition whose assigning authority
    (XCN.9) or identifier type (XCN.13) says NPI, else one whose id is a valid NPI by its check digit. A local
    id alone cannot go on a claim (2310A needs the NPI), so the referring doctor is then left out."""
    doctors = [(d.split("^") + [""] * 13) for d in _field(pv1, 8).split("~") if d.strip("^")]
    doctor = next((d for d in doctors if _says_npi(d)), None) or next((d for d in doctors if npi_is_valid(d[0])), None)
    return {"npi": doctor[0], "last_name": doctor[1], "first_name": doctor[2]} if doctor else None


def _says_npi(doctor: list[str]) -> bool:
    """XCN.9 is an HD (namespace&universal id&type): either of the first two may name the NPI registry."""
    return bool({*doctor[8].split("&")[:2], doctor[12]} & NPI_MARKS)


def _in_order(insurances: list) -> list:
    """IN1 segments by their set id (IN1-1): the first is the primary, then secondary and tertiary."""
    def set_id(in1) -> int:
        value = _field(in1, 1)
        return int(value) if value.isdigit() else 99
    return sorted(insurances, key=set_id)


def _coverage(in1) -> dict:
    return {"payer_id": _field(in1, 3), "member_id": _member_id(in1), "group_number": _field(in1, 8) or None,
            "relationship": RELATIONSHIP.get(_field(in1, 17), "other")}


def _member_id(in1) -> str:
    """IN1-36 (policy number), or IN1-49 (the insured's id, a CX) where a feed puts the member id there."""
    return _components(in1, 36)[0] or _components(in1, 49)[0]


def _procedure(ft1, diagnoses: list[str], problems: list[dict]) -> dict:
    codes = [c.split("^")[0] for c in _field(ft1, 19).split("~") if c]
    pointers = [diagnoses.index(c) + 1 for c in codes if c in diagnoses][:4]
    # CWE repetitions (25^Significant, separately identifiable E/M^CPT4): the code is the first component.
    modifiers = [m.split("^")[0] for m in _field(ft1, 26).split("~") if m.split("^")[0]]
    return {"code": _components(ft1, 7)[0], "units": _units(_field(ft1, 10), problems), "modifiers": modifiers,
            "diagnosis_pointers": pointers}
