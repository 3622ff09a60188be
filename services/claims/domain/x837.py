"""A thin writer of X12 5010 837P (005010X222A1): one interchange per call, one ST per claim.

No library writes a correct X222A1 837P (LIBRARIES.md); every file it produces is validated by
pyx12 (x12_validation.py) before it is sent.
"""
from datetime import datetime

from shared.money import format_x12_amount
from services.claims.domain.model import Claim

ELEMENT, COMPONENT, REPETITION, TERMINATOR = "*", ":", "^", "~"
RELATIONSHIP_CODES = {"self": "18", "spouse": "01", "child": "19", "other": "G8"}
SEX = {"F": "F", "M": "M", "U": "U"}


def _clean(value: str, limit: int) -> str:
    """Delimiters never appear inside element values; X12 prefers upper case."""
    for char in (ELEMENT, COMPONENT, REPETITION, TERMINATOR, "\n", "\r"):
        value = value.replace(char, " ")
    return value.strip().upper()[:limit]


def _seg(*elements: str) -> str:
    parts = list(elements)
    while len(parts) > 1 and parts[-1] == "":
        parts.pop()
    return ELEMENT.join(parts) + TERMINATOR


def write_837p(claims: list[Claim], *, sender_id: str, receiver_id: str, interchange_control_number: int,
               group_control_number: int, created_at: datetime, usage: str = "T") -> str:
    control = f"{interchange_control_number:09d}"
    sender, receiver = _clean(sender_id, 15).ljust(15), _clean(receiver_id, 15).ljust(15)
    segments = [
        _seg("ISA", "00", " " * 10, "00", " " * 10, "ZZ", sender, "ZZ", receiver, created_at.strftime("%y%m%d"),
             created_at.strftime("%H%M"), REPETITION, "00501", control, "0", usage, COMPONENT),
        _seg("GS", "HC", _clean(sender_id, 15), _clean(receiver_id, 15), created_at.strftime("%Y%m%d"),
             created_at.strftime("%H%M"), str(group_control_number), "X", "005010X222A1"),
    ]
    for number, claim in enumerate(claims, start=1):
        segments += _transaction(claim, f"{number:04d}", created_at, sender_id)
    segments += [_seg("GE", str(len(claims)), str(group_control_number)), _seg("IEA", "1", control)]
    return "".join(segments)


def _transaction(claim: Claim, st_control: str, created_at: datetime, sender_id: str) -> list[str]:
    body = [
        _seg("BHT", "0019", "00", claim.patient_control_number, created_at.strftime("%Y%m%d"),
             created_at.strftime("%H%M"), "CH"),
        _seg("NM1", "41", "2", _clean(claim.billing_provider.name, 60), "", "", "", "", "46", _clean(sender_id, 80)),
        _seg("PER", "IC", "BILLING OFFICE", "TE", "8005550100"),
        _seg("NM1", "40", "2", _clean(claim.payer.name, 60), "", "", "", "", "46", _clean(claim.payer.x12_payer_id, 80)),
        *_billing_provider(claim), *_subscriber(claim), *_claim_segments(claim),
    ]
    segments = [_seg("ST", "837", st_control, "005010X222A1"), *body]
    segments.append(_seg("SE", str(len(segments) + 1), st_control))
    return segments


def _address(address) -> list[str]:
    lines = [_seg("N3", _clean(address.line1, 55), _clean(address.line2 or "", 55))]
    return lines + [_seg("N4", _clean(address.city, 30), address.state, address.zip)]


def _billing_provider(claim: Claim) -> list[str]:
    provider = claim.billing_provider
    return [
        _seg("HL", "1", "", "20", "1"),
        _seg("PRV", "BI", "PXC", provider.taxonomy_code),
        _seg("NM1", "85", "2", _clean(provider.name, 60), "", "", "", "", "XX", provider.npi),
        *_address(provider.address),
        _seg("REF", "EI", provider.tax_id.replace("-", "")),
    ]


def _subscriber(claim: Claim) -> list[str]:
    patient, coverage = claim.patient, claim.coverage
    is_self = coverage.relationship == "self"
    segments = [
        _seg("HL", "2", "1", "22", "0" if is_self else "1"),
        _seg("SBR", "P", "18" if is_self else "", _clean(coverage.group_number or "", 50), "", "", "", "", "", "CI"),
    ]
    if is_self:
        segments += _person("IL", patient, "MI", coverage.member_id)
    else:
        # The subscriber's own demographics are not in the encounter; 837P requires only the name and id.
        segments.append(_seg("NM1", "IL", "1", _clean(patient.last_name, 60), "", "", "", "", "MI",
                             _clean(coverage.member_id, 80)))
    segments.append(_seg("NM1", "PR", "2", _clean(claim.payer.name, 60), "", "", "", "", "PI",
                         _clean(claim.payer.x12_payer_id, 80)))
    if not is_self:
        segments += [_seg("HL", "3", "2", "23", "0"), _seg("PAT", RELATIONSHIP_CODES[coverage.relationship])]
        segments += _person("QC", patient, "", "")
    return segments


def _person(entity: str, patient, id_qualifier: str, identifier: str) -> list[str]:
    return [
        _seg("NM1", entity, "1", _clean(patient.last_name, 60), _clean(patient.first_name, 35), "", "", "",
             id_qualifier, _clean(identifier, 80)),
        *_address(patient.address),
        _seg("DMG", "D8", patient.birth_date.strftime("%Y%m%d"), SEX[patient.sex]),
    ]


def _claim_segments(claim: Claim) -> list[str]:
    segments = [
        _seg("CLM", claim.patient_control_number, format_x12_amount(claim.total_charge), "", "",
             f"{claim.place_of_service}{COMPONENT}B{COMPONENT}{claim.frequency_code}", "Y", "A", "Y", "Y"),
    ]
    if claim.prior_authorization:
        segments.append(_seg("REF", "G1", _clean(claim.prior_authorization, 50)))
    if claim.frequency_code in ("7", "8") and claim.original_payer_claim_number:
        segments.append(_seg("REF", "F8", _clean(claim.original_payer_claim_number, 50)))
    segments.append(_seg("HI", *[f"{'ABK' if i == 0 else 'ABF'}{COMPONENT}{code.replace('.', '')}"
                                 for i, code in enumerate(claim.diagnoses[:12])]))
    rendering = claim.rendering_provider
    segments.append(_seg("NM1", "82", "1", _clean(rendering.last_name, 60), _clean(rendering.first_name, 35),
                         "", "", "", "XX", rendering.npi))
    for line in claim.lines:
        procedure = COMPONENT.join(["HC", line.procedure_code, *line.modifiers])
        pointers = COMPONENT.join(str(p) for p in line.diagnosis_pointers[:4])
        segments += [
            _seg("LX", str(line.line_number)),
            _seg("SV1", procedure, format_x12_amount(line.charge), "UN", str(line.units), "", "", pointers),
            _seg("DTP", "472", "D8", line.date_of_service.strftime("%Y%m%d")),
            _seg("REF", "6R", f"{claim.patient_control_number}-{line.line_number}"),
        ]
    return segments
