"""An earlier payer's adjudication as the claim row stores it (JSONB) and back: the next payer's claim is
rebuilt from its coded claim plus these at submission, exactly as it was scrubbed."""
from dataclasses import asdict
from datetime import date
from decimal import Decimal

from shared.contracts.common import Adjustment, Coverage
from services.claims.domain.model import LineAdjudication, Payer, PriorPayer


def _adjustments(items) -> list[dict]:
    return [a.model_dump(mode="json") for a in items]


def prior_payers_json(prior_payers: tuple[PriorPayer, ...]) -> list[dict]:
    return [{"payer": asdict(p.payer), "coverage": p.coverage.model_dump(mode="json"), "sequence": p.sequence,
             "payer_claim_number": p.payer_claim_number, "paid": str(p.paid),
             "patient_responsibility": str(p.patient_responsibility), "adjudicated_on": p.adjudicated_on.isoformat(),
             "claim_adjustments": _adjustments(p.claim_adjustments),
             "lines": [{"line_number": l.line_number, "procedure_code": l.procedure_code,
                        "modifiers": list(l.modifiers), "units": l.units, "paid": str(l.paid),
                        "adjustments": _adjustments(l.adjustments)} for l in p.lines]}
            for p in prior_payers]


def _line(stored: dict) -> LineAdjudication:
    return LineAdjudication(stored["line_number"], stored["procedure_code"], tuple(stored["modifiers"]),
                            stored["units"], Decimal(stored["paid"]),
                            tuple(Adjustment.model_validate(a) for a in stored["adjustments"]))


def prior_payers_from_json(stored: list[dict] | None) -> tuple[PriorPayer, ...]:
    return tuple(PriorPayer(
        payer=Payer(**p["payer"]), coverage=Coverage.model_validate(p["coverage"]), sequence=p["sequence"],
        payer_claim_number=p["payer_claim_number"], paid=Decimal(p["paid"]),
        patient_responsibility=Decimal(p["patient_responsibility"]),
        adjudicated_on=date.fromisoformat(p["adjudicated_on"]),
        claim_adjustments=tuple(Adjustment.model_validate(a) for a in p["claim_adjustments"]),
        lines=tuple(_line(l) for l in p["lines"])) for p in stored or ())
