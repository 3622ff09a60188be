"""A thin writer of X12 5010 837P (005010X222A1): one interchange and group per call, one ST per claim.

No library on PyPI writes a correct X222A1 837P (x12sdk writes X222A2 with ICD-9 qualifiers); every file this produces is validated by
pyx12 (adapters/x12_validation.py) before it is sent. The text holds PHI: it goes to the payer and to the
claim's own record, never to logs or error messages.
"""
from datetime import datetime

from shared.money import format_x12_amount
from services.claims.domain.lab_rules import in_house_lab_lines
from services.claims.domain.model import Claim, ClaimLine, PriorPayer
from services.claims.domain.x12_text import (COMPONENT, check_envelope_numbers, clean, envelope, seg, transaction,
                                             x12_date)

VERSION = "005010X222A1"
RELATIONSHIP_CODES = {"self": "18", "spouse": "01", "child": "19", "other": "G8"}


LEGACY_CONTACT_PHONE = "8005550100"


def write_837p(claims: list[Claim], *, sender_id: str, receiver_id: str, interchange_control_number: int,
               group_control_number: int, created_at: datetime, usage: str = "T") -> str:
    """ISA13 is nine digits zero-padded; GS06/GE02 are N0 (no leading zeros); ST02 is 0001, 0002, ..."""
    if not claims:
        raise ValueError("an 837P needs at least one claim")
    check_envelope_numbers(usage, interchange_control_number, group_control_number)
    receiver = clean(receiver_id, 15)
    header = (created_at.strftime("%Y%m%d"), created_at.strftime("%H%M"), clean(sender_id, 80), receiver)
    transactions, parties, shared = [], None, None
    for number, claim in enumerate(claims, start=1):
        if (claim.billing_provider, claim.payer) != parties:  # a file's claims share them: written once
            parties, shared = (claim.billing_provider, claim.payer), _party_segments(claim, header)
        transactions.append(_transaction(claim, f"{number:04d}", header[:2], shared))
    return envelope(transactions, functional_id="HC", version=VERSION, sender_id=sender_id,
                    receiver_id=receiver_id, control_number=interchange_control_number, created_at=created_at,
                    usage=usage, group_control_number=group_control_number)


def _party_segments(claim: Claim, header: tuple[str, str, str, str]) -> tuple[list[str], str]:
    """What depends only on the billing provider and the payer: 1000A, 1000B and 2000A, and 2010BB's NM1."""
    submitter_id, receiver_id = header[2:]
    return [
        seg("NM1", "41", "2", clean(claim.billing_provider.name, 60), "", "", "", "", "46", submitter_id),
        _submitter_contact(claim.billing_provider),
        seg("NM1", "40", "2", _receiver_name(claim, receiver_id), "", "", "", "", "46", receiver_id),
        *_billing_provider(claim),
    ], seg("NM1", "PR", "2", clean(claim.payer.name, 60), "", "", "", "", "PI", clean(claim.payer.x12_payer_id, 80))


def _transaction(claim: Claim, st_control: str, created: tuple[str, str], parties: tuple[list[str], str]) -> list[str]:
    (date8, time4), (provider_segments, payer_name) = created, parties
    body = [
        seg("BHT", "0019", "00", claim.patient_control_number, date8, time4, "CH"),
        *provider_segments, *_subscriber(claim, payer_name), *_claim_segments(claim),
    ]
    return transaction("837", VERSION, st_control, body)


def _submitter_contact(provider) -> str:
    """1000A PER: the practice's billing contact. Tenants registered before onboarding asked for one fall back
    to the billing office's line; onboarding now refuses a tenant without a contact."""
    contact = provider.contact
    if contact is None:
        return seg("PER", "IC", "BILLING OFFICE", "TE", LEGACY_CONTACT_PHONE)
    email = ("EM", clean(contact.email, 80)) if contact.email else ()
    return seg("PER", "IC", clean(contact.name, 60), "TE", contact.phone, *email)


def _receiver_name(claim: Claim, receiver_id: str) -> str:
    """1000B names who receives the file: the payer when sent direct, else the clearinghouse (by its id)."""
    return clean(claim.payer.name, 60) if receiver_id == clean(claim.payer.x12_payer_id, 15) else receiver_id


def _address(address) -> list[str]:
    lines = [seg("N3", clean(address.line1, 55), clean(address.line2 or "", 55))]
    return lines + [seg("N4", clean(address.city, 30), address.state, address.zip)]


def _billing_provider(claim: Claim) -> list[str]:
    provider = claim.billing_provider
    return [
        seg("HL", "1", "", "20", "1"),
        seg("PRV", "BI", "PXC", provider.taxonomy_code),
        seg("NM1", "85", "2", clean(provider.name, 60), "", "", "", "", "XX", provider.npi),
        *_address(provider.address),
        seg("REF", "EI", provider.tax_id.replace("-", "")),
    ]


def _subscriber(claim: Claim, payer_name: str) -> list[str]:
    """HL 22 subscriber (`payer_name` its 2010BB NM1); a patient who is not the subscriber gets HL 23 with PAT
    and their own name."""
    patient, coverage = claim.patient, claim.coverage
    is_self = coverage.relationship == "self"
    segments = [
        seg("HL", "2", "1", "22", "0" if is_self else "1"),
        seg("SBR", claim.payer_sequence, "18" if is_self else "", clean(coverage.group_number or "", 50), "", "", "", "", "",
             claim.payer.claim_filing_indicator),
    ]
    if is_self:
        segments += _person("IL", patient, "MI", coverage.member_id)
    else:
        # The encounter carries no subscriber demographics; 2010BA then needs only a last name and the
        # member id, and the family name is the best available.
        segments.append(seg("NM1", "IL", "1", clean(patient.last_name, 60), "", "", "", "", "MI",
                             clean(coverage.member_id, 80)))
    segments.append(payer_name)
    if not is_self:
        segments += [seg("HL", "3", "2", "23", "0"), seg("PAT", RELATIONSHIP_CODES[coverage.relationship])]
        segments += _person("QC", patient, "", "")
    return segments


def _person(entity: str, patient, id_qualifier: str, identifier: str) -> list[str]:
    return [
        seg("NM1", entity, "1", clean(patient.last_name, 60), clean(patient.first_name, 35), "", "", "",
             id_qualifier, clean(identifier, 80)),
        *_address(patient.address),
        seg("DMG", "D8", x12_date(patient.birth_date), str(patient.sex)),
    ]


def _claim_segments(claim: Claim) -> list[str]:
    segments = [
        seg("CLM", claim.patient_control_number, format_x12_amount(claim.total_charge), "", "",
             f"{claim.place_of_service}{COMPONENT}B{COMPONENT}{claim.frequency_code}", "Y", "A", "Y", "Y"),
    ]
    if claim.prior_authorization:
        segments.append(seg("REF", "G1", clean(claim.prior_authorization, 50)))
    if claim.frequency_code in ("7", "8") and claim.original_payer_claim_number:
        segments.append(seg("REF", "F8", clean(claim.original_payer_claim_number, 50)))
    if claim.billing_provider.clia_number and in_house_lab_lines(claim):
        segments.append(seg("REF", "X4", claim.billing_provider.clia_number))
    segments.append(seg("HI", *[f"{'ABF' if i else 'ABK'}{COMPONENT}{code.replace('.', '')}"
                                 for i, code in enumerate(claim.diagnoses[:12])]))
    if claim.referring_provider is not None:  # 2310A comes before 2310B in the 837P's loop order
        segments.append(_provider_name("DN", claim.referring_provider))
    segments.append(_provider_name("82", claim.rendering_provider))
    for prior in claim.prior_payers:
        segments += _other_subscriber(claim, prior)
    for line in claim.lines:
        segments += _service_line(claim, line)
    return segments


def _provider_name(entity: str, provider) -> str:
    """NM1 of a person provider of loop 2310 (DN referring, 82 rendering), identified by NPI (XX)."""
    return seg("NM1", entity, "1", clean(provider.last_name, 60), clean(provider.first_name, 35),
                "", "", "", "XX", provider.npi)


def _other_subscriber(claim: Claim, prior: PriorPayer) -> list[str]:
    """2320 (the earlier payer's adjudication: CAS, AMT*D paid, AMT*EAF left to the patient), 2330A, 2330B."""
    coverage = prior.coverage
    is_self = coverage.relationship == "self"
    segments = [
        seg("SBR", prior.sequence, "18" if is_self else RELATIONSHIP_CODES[coverage.relationship],
             clean(coverage.group_number or "", 50), "", "", "", "", "", prior.payer.claim_filing_indicator),
        *_adjustment_segments(prior.claim_adjustments),
        seg("AMT", "D", format_x12_amount(prior.paid)),
        seg("AMT", "EAF", format_x12_amount(prior.patient_responsibility)),
        seg("OI", "", "", "Y", "", "", "Y"),
    ]
    name = (clean(claim.patient.last_name, 60), clean(claim.patient.first_name, 35) if is_self else "")
    segments.append(seg("NM1", "IL", "1", *name, "", "", "", "MI", clean(coverage.member_id, 80)))
    segments.append(seg("NM1", "PR", "2", clean(prior.payer.name, 60), "", "", "", "", "PI",
                         clean(prior.payer.x12_payer_id, 80)))
    if not prior.adjudicated_by_line:
        segments.append(seg("DTP", "573", "D8", x12_date(prior.adjudicated_on)))
    return segments


def _adjustment_segments(adjustments) -> list[str]:
    """CAS: one segment per group code, at most six reason/amount/quantity triplets each."""
    by_group: dict[str, list] = {}
    for adjustment in adjustments:
        by_group.setdefault(adjustment.group_code, []).append(adjustment)
    segments = []
    for group, items in by_group.items():
        for start in range(0, len(items), 6):
            triplets = [(a.reason_code, format_x12_amount(a.amount), a.quantity or "") for a in items[start:start + 6]]
            segments.append(seg("CAS", group, *[element for triplet in triplets for element in triplet]))
    return segments


def _line_adjudications(claim: Claim, line: ClaimLine) -> list[str]:
    """2430 for each earlier payer that adjudicated the claim line by line: SVD, CAS, DTP*573."""
    segments = []
    for prior in claim.prior_payers:
        if not prior.adjudicated_by_line:
            continue
        adjudicated = next((a for a in prior.lines if a.line_number == line.line_number), None)
        if adjudicated is None:
            continue
        procedure = COMPONENT.join(["HC", adjudicated.procedure_code, *adjudicated.modifiers[:4]])
        segments += [
            seg("SVD", clean(prior.payer.x12_payer_id, 80), format_x12_amount(adjudicated.paid), procedure, "",
                 str(adjudicated.units)),
            *_adjustment_segments(adjudicated.adjustments),
            seg("DTP", "573", "D8", x12_date(prior.adjudicated_on)),
        ]
    return segments


def line_control_number(claim: Claim, line: ClaimLine) -> str:
    """REF*6R, echoed back in the 835: the claim id without dashes, '-', the line number (35 characters for
    a UUID, never over REF02's 50). Payments reads the line number after the last '-'."""
    return f"{claim.claim_id.replace('-', '')[:45]}-{line.line_number}"


def _service_line(claim: Claim, line: ClaimLine) -> list[str]:
    procedure = COMPONENT.join(["HC", line.procedure_code, *line.modifiers[:4]])
    pointers = COMPONENT.join(str(p) for p in line.diagnosis_pointers[:4])
    return [
        seg("LX", str(line.line_number)),
        seg("SV1", procedure, format_x12_amount(line.charge), "UN", str(line.units), "", "", pointers),
        seg("DTP", "472", "D8", x12_date(line.date_of_service)),
        seg("REF", "6R", line_control_number(claim, line)),
        *_line_adjudications(claim, line),
    ]
