"""Payer-specific edits: the rules a payer's own front end rejects a claim on, keyed by the payer's program
(the claim filing indicator of its profile) and, where a rule differs between payers of one program, by
payer id. Each finding has a stable id `PAYER-<PROGRAM>-<WHAT>`; an error holds the claim, a warning travels
with it. Messages describe the rule and name lines and codes, never the member id or other patient data.

The lists are data, read from `data/`: member id formats (`member_id_formats.csv`), the preventive visits
Medicare does not cover (`medicare_not_covered.csv`), the ABN modifiers that may not share a line
(`abn_modifier_conflicts.csv`), the telehealth places of service and modifiers (`telehealth_codes.csv`) and the
lab, imaging and DMEPOS code ranges Medicare bills only with the ordering provider (`medicare_ordering_ranges.csv`).
"""
import csv
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from shared.contracts.common import EditResult, Severity
from services.claims.domain.model import Claim, ClaimLine
from services.claims.domain.payers import program_of

DATA = Path(__file__).resolve().parents[1] / "data"
GY = "GY"
AUDIO_VIDEO = "95"
WORKERS_COMP_DETAILS = ("workers' compensation claims need the employer's claim number and the date of injury "
                        "(837P REF*Y4, DTP*439), which encounters do not carry yet")


@dataclass(frozen=True, slots=True)
class MemberIdFormat:
    """One row of member_id_formats.csv: a whole-id pattern for a program, or for one payer of it."""

    edit_id: str
    program: str
    payer_id: str
    severity: Severity
    pattern: re.Pattern
    requirement: str


@dataclass(frozen=True, slots=True)
class TelehealthCodes:
    places_of_service: frozenset[str]
    modifiers: frozenset[str]


@dataclass(frozen=True, slots=True)
class CodeRange:
    """One row of medicare_ordering_ranges.csv: a span of five-digit CPT codes or of one letter's HCPCS codes
    (a letter and four digits), ends included."""

    kind: str
    first: str
    last: str

    def holds(self, code: str) -> bool:
        if len(code) != 5 or not code[1:].isdigit():
            return False
        same_kind = code[0] == self.first[0] if self.first[0].isalpha() else code[0].isdigit()
        return same_kind and self.first <= code <= self.last


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, newline="", encoding="utf-8") as source:
        return list(csv.DictReader(source))


def parse_member_id_formats(rows: Iterable[Mapping[str, str]]) -> list[MemberIdFormat]:
    return [MemberIdFormat(row["edit_id"], row["program"], row["payer_id"].strip(), Severity(row["severity"]),
                           re.compile(row["pattern"]), row["requirement"]) for row in rows]


def parse_abn_conflicts(rows: Iterable[Mapping[str, str]]) -> dict[frozenset[str], str]:
    """Each pair of ABN modifiers that contradict each other on one line, with why."""
    return {frozenset((row["modifier"], row["conflicts_with"])): row["why"] for row in rows}


def parse_telehealth_codes(rows: Iterable[Mapping[str, str]]) -> TelehealthCodes:
    rows = list(rows)
    return TelehealthCodes(frozenset(r["code"] for r in rows if r["kind"] == "place_of_service"),
                           frozenset(r["code"] for r in rows if r["kind"] == "modifier"))


def parse_code_ranges(rows: Iterable[Mapping[str, str]]) -> tuple[CodeRange, ...]:
    return tuple(CodeRange(row["kind"], row["first"], row["last"]) for row in rows)


MEMBER_ID_FORMATS = parse_member_id_formats(_rows("member_id_formats.csv"))
MEDICARE_NOT_COVERED = frozenset(row["code"] for row in _rows("medicare_not_covered.csv"))
ABN_CONFLICTS = parse_abn_conflicts(_rows("abn_modifier_conflicts.csv"))
TELEHEALTH = parse_telehealth_codes(_rows("telehealth_codes.csv"))
ORDERED_SERVICES = parse_code_ranges(_rows("medicare_ordering_ranges.csv"))


def _finding(edit_id: str, severity: Severity, message: str, *codes: str) -> EditResult:
    return EditResult(edit_id=edit_id, severity=severity, message=message, codes=list(codes))


def member_id_format(claim: Claim) -> list[EditResult]:
    """The member id against the formats of the claim's program that apply to its payer."""
    program, payer_id = program_of(claim.payer), claim.payer.payer_id
    member_id = claim.coverage.member_id.strip().upper()
    if not member_id:
        return []  # the 837P required-fields rule already holds the claim for it
    return [_finding(rule.edit_id, rule.severity, rule.requirement)
            for rule in MEMBER_ID_FORMATS
            if rule.program == program and rule.payer_id in ("", payer_id) and not rule.pattern.fullmatch(member_id)]


def medicare_preventive_visits(claim: Claim) -> list[EditResult]:
    """Medicare excludes routine preventive visits by statute; the patient pays when GY says so."""
    return [_finding("PAYER-MEDICARE-PREVENTIVE", Severity.WARNING,
                     f"line {line.line_number} ({line.procedure_code}) is a preventive visit Medicare does not cover: "
                     "bill G0402 (welcome to Medicare visit) or G0438/G0439 (annual wellness visit) instead, or "
                     "append GY when the patient is billed for it", line.procedure_code)
            for line in claim.lines if line.procedure_code in MEDICARE_NOT_COVERED and GY not in line.modifiers]


def _ordered_kind(code: str) -> str | None:
    return next((span.kind for span in ORDERED_SERVICES if span.holds(code)), None)


def medicare_ordering_provider(claim: Claim) -> list[EditResult]:
    """A MAC rejects a lab, imaging or DMEPOS line whose claim does not name who ordered it (2310A with an NPI)."""
    if claim.referring_provider is not None:
        return []
    ordered = [(line, kind) for line in claim.lines if (kind := _ordered_kind(line.procedure_code))]
    if not ordered:
        return []
    lines = ", ".join(f"{line.line_number} ({line.procedure_code}, {kind})" for line, kind in ordered)
    return [_finding("PAYER-MEDICARE-ORDERING-NPI", Severity.ERROR,
                     f"Medicare requires the ordering or referring provider's NPI (837P loop 2310A) on lab, imaging and "
                     f"DMEPOS services: add the referring provider for line(s) {lines}",
                     *dict.fromkeys(line.procedure_code for line, _ in ordered))]


def _abn_conflict(line: ClaimLine) -> str | None:
    modifiers = sorted(set(line.modifiers))
    for i, first in enumerate(modifiers):
        for second in modifiers[i + 1:]:
            why = ABN_CONFLICTS.get(frozenset((first, second)))
            if why:
                return f"line {line.line_number} ({line.procedure_code}) carries {first} and {second}: {why}"
    return None


def medicare_abn_modifiers(claim: Claim) -> list[EditResult]:
    """GA, GZ, GY and GX state who pays if Medicare denies; two contradicting statements are rejected."""
    return [_finding("PAYER-MEDICARE-ABN-MODIFIERS", Severity.ERROR, message, line.procedure_code)
            for line in claim.lines if (message := _abn_conflict(line))]


def _telehealth_lines(claim: Claim) -> list[ClaimLine]:
    return [line for line in claim.lines if TELEHEALTH.modifiers & set(line.modifiers)]


def medicare_telehealth_place(claim: Claim) -> list[EditResult]:
    """Since 2024 Medicare wants telehealth billed with POS 02 or 10 (where the patient was); modifier 95 with the
    in-person place only in narrow cases, so this warns rather than holds."""
    if claim.place_of_service in TELEHEALTH.places_of_service:
        return []
    return [_finding("PAYER-MEDICARE-TELEHEALTH-POS", Severity.WARNING,
                     f"line {line.line_number} ({line.procedure_code}) is billed as telehealth (95/93) at place of "
                     f"service {claim.place_of_service}: Medicare wants POS 10 (patient at home) or 02 (elsewhere); "
                     "the in-person place with 95 is only for a hospital-based practitioner with the patient at home "
                     "or outpatient therapy by a PT, OT or SLP", line.procedure_code)
            for line in _telehealth_lines(claim)]


def commercial_telehealth_modifier(claim: Claim) -> list[EditResult]:
    """Commercial plans price telehealth by modifier: 95 (or 93 for audio-only) on every line at POS 02/10."""
    if claim.place_of_service not in TELEHEALTH.places_of_service:
        return []
    return [_finding("PAYER-COMMERCIAL-TELEHEALTH-95", Severity.WARNING,
                     f"line {line.line_number} ({line.procedure_code}) at telehealth place of service "
                     f"{claim.place_of_service} has no modifier {AUDIO_VIDEO}: commercial plans expect 95 (93 when "
                     "audio-only)", line.procedure_code)
            for line in claim.lines if not TELEHEALTH.modifiers & set(line.modifiers)]


def workers_comp_injury(claim: Claim) -> list[EditResult]:
    """A carrier adjudicates against the employer's report of injury; a claim without it is rejected."""
    return [_finding("PAYER-WORKERS-COMP-INJURY", Severity.ERROR, WORKERS_COMP_DETAILS)]


PayerEdit = Callable[[Claim], list[EditResult]]
EDITS_BY_PROGRAM: Mapping[str, tuple[PayerEdit, ...]] = {
    "medicare": (member_id_format, medicare_preventive_visits, medicare_abn_modifiers, medicare_telehealth_place,
                 medicare_ordering_provider),
    "medicaid": (member_id_format,),
    "blues": (member_id_format,),
    "tricare": (member_id_format,),
    "workers_comp": (workers_comp_injury,),
    "commercial": (commercial_telehealth_modifier,),
}


def payer_edits(claim: Claim, **_) -> list[EditResult]:
    """The claim's payer's own edits, in a fixed order; a program without edits of its own has none."""
    return [edit for rule in EDITS_BY_PROGRAM.get(program_of(claim.payer), ()) for edit in rule(claim)]
