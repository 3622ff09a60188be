"""Appeals: the letter built from the claim's facts and the denial, recorded as the denial's action, and
printed again later (HTML or PDF) from the same facts."""
from datetime import date
from uuid import UUID

from services.denials.adapters.repositories import DenialsUnitOfWork
from services.denials.adapters.tables import Denial, Practice, SubmittedClaim
from services.denials.application.work_queue import ActionRefused, act, locked_in_state
from services.denials.domain.appeal_letter import AppealFacts, render_appeal_letter


class NoAppeal(LookupError):
    """The denial exists but was never appealed: there is no letter to show."""


async def appeal(uow: DenialsUnitOfWork, *, tenant_id: UUID, denial_id: UUID, actor: str, note: str,
                 enclosures: list[str], today: date) -> tuple[Denial, str] | None:
    """Records the appeal and returns the letter (HTML) built from the claim's facts and the denial."""
    denial = await locked_in_state(uow, tenant_id, denial_id, ("open", "appeal_lost"), "cannot be appealed")
    if denial is None:
        return None
    if today > denial.appeal_deadline:
        raise ActionRefused(f"the payer's appeal deadline passed on {denial.appeal_deadline.isoformat()}")
    practice = await uow.practices.get(tenant_id)
    claim = await uow.submitted_claims.get(denial.claim_id)
    letter = render_appeal_letter(appeal_facts(denial, practice, claim, note=note, enclosures=enclosures, today=today))
    level = 2 if denial.status == "appeal_lost" else 1
    denial.status = "appealed"
    act(uow, denial, "appeal", actor, {"note": note, "level": level, "letter": letter,
                                       "enclosures": list(enclosures), "letter_date": today.isoformat()})
    return denial, letter


async def appeal_letter_facts(uow: DenialsUnitOfWork, *, tenant_id: UUID, denial_id: UUID) -> AppealFacts | None:
    """The facts of the denial's latest appeal letter, to print it again (as HTML or PDF)."""
    denial = await uow.denials.get(tenant_id, denial_id)
    if denial is None:
        return None
    appeals = [a for a in await uow.denials.actions_of(denial.id) if a.action == "appeal"]
    if not appeals:
        raise NoAppeal("this denial has not been appealed")
    latest = appeals[-1]
    letter_date = date.fromisoformat(latest.detail["letter_date"]) if "letter_date" in latest.detail else latest.at.date()
    practice = await uow.practices.get(tenant_id)
    claim = await uow.submitted_claims.get(denial.claim_id)
    return appeal_facts(denial, practice, claim, note=latest.detail.get("note", ""),
                        enclosures=latest.detail.get("enclosures", []), today=letter_date)


def _city_line(address: dict) -> str:
    """SPRINGFIELD, IL 62701-1234: the line a payer's mailroom reads."""
    zip_code = address.get("zip") or ""
    zip_text = f"{zip_code[:5]}-{zip_code[5:]}" if len(zip_code) == 9 else zip_code
    state_zip = " ".join(filter(None, [address.get("state"), zip_text]))
    return ", ".join(filter(None, [address.get("city"), state_zip]))


def appeal_facts(denial: Denial, practice: Practice | None, claim: SubmittedClaim | None, *, note: str,
                 enclosures: list[str], today: date) -> AppealFacts:
    provider = practice.billing_provider if practice else {}
    address = provider.get("address", {})
    return AppealFacts(
        practice_name=provider.get("name") or (practice.name if practice else "Billing office"),
        practice_address=tuple(filter(None, [address.get("line1"), address.get("line2"),
                                             _city_line(address)])),
        payer_name=(claim.payer_name if claim and claim.payer_name else denial.payer_id), claim_id=str(denial.claim_id),
        payer_claim_number=denial.payer_claim_number,
        dates_of_service=tuple(claim.dates_of_service) if claim else (),
        procedure_codes=tuple(claim.procedure_codes if claim else filter(None, [denial.procedure_code])),
        billed_amount=claim.total_charge if claim else (denial.billed_amount or denial.amount),
        carc_texts=tuple(e for e in denial.explanation if "-" in e.split(":")[0]) or tuple(denial.carc_codes),
        rarc_texts=tuple(e for e in denial.explanation if "-" not in e.split(":")[0]),
        category=denial.category, denied_amount=denial.amount, note=note, letter_date=today,
        enclosures=tuple(enclosures))
