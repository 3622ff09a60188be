"""Where in an HL7 v2 message a problem sits, as the segment-field HL7 names it (PID-5).

Segments are split by CR (after the reader normalised line endings); fields by the separator MSH-1
declares. Part 0 is the segment id; MSH-1 is the separator itself, so MSH's n-th part is MSH-(n+1),
and any other segment's n-th part is SEG-n.
"""
import re

from services.gateway.intake.control_chars import CONTROL, MAX_REPORTED

SEGMENT_ID = re.compile(r"^[A-Z][A-Z0-9]{2}$")
REPLACEMENT = "\ufffd"

# EncounterIn's fields and the HL7 field each is read from, for validation errors.
FIELD_SOURCES: dict[tuple, str] = {
    ("external_id",): "PV1-19", ("date_of_service",): "FT1-4", ("place_of_service",): "FT1-16",
    ("patient", "id"): "PID-3", ("patient", "last_name"): "PID-5", ("patient", "first_name"): "PID-5",
    ("patient", "birth_date"): "PID-7", ("patient", "sex"): "PID-8", ("patient", "address"): "PID-11",
    ("coverage", "payer_id"): "IN1-3", ("coverage", "member_id"): "IN1-36", ("coverage", "group_number"): "IN1-8",
    ("coverage", "relationship"): "IN1-17", ("other_coverages", "payer_id"): "IN1-3",
    ("other_coverages", "member_id"): "IN1-36", ("other_coverages", "group_number"): "IN1-8",
    ("other_coverages", "relationship"): "IN1-17", ("other_coverages",): "IN1", ("rendering_provider",): "FT1-20",
    ("referring_provider",): "PV1-8", ("diagnoses",): "DG1-3",
    ("procedures", "code"): "FT1-7", ("procedures", "units"): "FT1-10", ("procedures", "modifiers"): "FT1-26",
    ("procedures", "diagnosis_pointers"): "FT1-19", ("procedures",): "FT1",
}


def field_of(loc: tuple) -> str:
    """The HL7 field a validation error's location was read from; the model path when none matches."""
    names = tuple(part for part in loc if isinstance(part, str))
    for length in range(len(names), 0, -1):
        if names[:length] in FIELD_SOURCES:
            return FIELD_SOURCES[names[:length]]
    return "body." + ".".join(str(part) for part in loc)


def refused_fields(text: str, *, invalid_utf8: bool = False) -> list[dict]:
    """Fields holding a control character (or, with invalid_utf8, a byte that was not UTF-8)."""
    separator = text[3] if text.startswith("MSH") and len(text) > 3 else "|"
    if CONTROL.match(separator) or separator == REPLACEMENT:
        return [{"field": "MSH-1", "message": "the field separator must be a printable character"}]
    problems: list[dict] = []
    for number, segment in enumerate(text.split("\r"), start=1):
        problems += _segment_problems(segment, number, separator, invalid_utf8)
        if len(problems) >= MAX_REPORTED:
            break
    if invalid_utf8 and not problems:
        problems.append({"field": "MSH", "message": "the message is not UTF-8 text"})
    return problems[:MAX_REPORTED]


def _segment_problems(segment: str, number: int, separator: str, invalid_utf8: bool) -> list[dict]:
    fields = segment.split(separator)
    name = fields[0] if SEGMENT_ID.match(fields[0]) else f"segment {number}"
    offset = 1 if name == "MSH" else 0
    problems = []
    for index, value in enumerate(fields):
        where = f"{name}-{index + offset}" if index else name
        found = CONTROL.search(value)
        if found:
            problems.append({"field": where, "message": f"{where} holds a control character "
                                                        f"(U+{ord(found.group()):04X}); remove it"})
        elif invalid_utf8 and REPLACEMENT in value:
            problems.append({"field": where, "message": f"{where} holds bytes that are not UTF-8"})
    return problems
