"""Internal HTTP API: patient balances, statements and payments; deposits, reconciliation; A/R reports."""
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request, Response
from sqlalchemy.exc import IntegrityError

from shared.contracts import requests as bodies
from shared.contracts.api import payments as api
from shared.http.auth import CallerDep
from shared.http.problems import Problem
from services.payments.application import reports
from services.payments.application import patient_accounts
from services.payments.domain.collections import CreditExceeded
from services.payments.entrypoints.statement_html import render_statement

router = APIRouter(prefix="/internal", tags=["payments"])
PatientId = Annotated[str, Path(min_length=1, max_length=50)]


def plain(value):
    """Money as strings and dates as ISO text: JSON numbers would turn Decimal into float."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _today(as_of: date | None) -> date:
    return as_of or datetime.now(timezone.utc).date()


def _units(request: Request):
    return request.app.state.runtime.units_of_work()


async def _account(request: Request, caller, patient_id: str, as_of: date | None) -> dict:
    try:
        async with _units(request) as uow:
            return await patient_accounts.patient_account(uow, tenant_id=UUID(caller.tenant_id),
                                                          patient_id=patient_id, today=_today(as_of))
    except patient_accounts.PatientNotFound:
        raise Problem(404, "Patient not found", "no claim of this tenant names the patient") from None


@router.get("/patients/{patient_id}/balance", response_model=api.PatientAccount)
async def patient_balance(request: Request, patient_id: PatientId, caller: CallerDep,
                          query: Annotated[api.AsOfQuery, Query()]) -> dict:
    return plain(await _account(request, caller, patient_id, query.as_of))


@router.get("/patients/{patient_id}/statement", response_class=Response,
            responses={200: {"content": {"text/html": {}}}})
async def patient_statement(request: Request, patient_id: PatientId, caller: CallerDep,
                            query: Annotated[api.AsOfQuery, Query()]) -> Response:
    account = plain(await _account(request, caller, patient_id, query.as_of))
    return Response(render_statement(account, caller.tenant_id), media_type="text/html; charset=utf-8")


@router.post("/patients/{patient_id}/payments", status_code=201, response_model=api.PatientPaymentPosted)
async def patient_payment(request: Request, patient_id: PatientId, body: bodies.PatientPayment, caller: CallerDep,
                          response: Response) -> dict:
    async def post(uow):
        payment, replayed = await patient_accounts.post_patient_payment(
            uow, tenant_id=UUID(caller.tenant_id), patient_id=patient_id, amount=body.amount,
            reference=body.reference.strip(), method=body.method, received_on=_today(body.received_on))
        return patient_accounts.payment_view(payment, replayed), replayed

    return await _once_per_reference(request, response, post, "Payment")


@router.post("/patients/{patient_id}/refunds", status_code=201, response_model=api.PatientRefundPaid)
async def patient_refund(request: Request, patient_id: PatientId, body: bodies.PatientRefund, caller: CallerDep,
                         response: Response) -> dict:
    """Pay back credit the patient holds (an overpayment); never more than the credit."""
    async def refund(uow):
        try:
            paid, replayed = await patient_accounts.refund_credit(
                uow, tenant_id=UUID(caller.tenant_id), patient_id=patient_id, amount=body.amount,
                reference=body.reference.strip(), method=body.method, refunded_on=_today(body.refunded_on))
        except CreditExceeded as exc:
            raise Problem(422, "Refund exceeds the patient's credit", str(exc),
                          errors=[{"field": "amount", "message": str(exc)}]) from None
        return patient_accounts.refund_view(paid, replayed), replayed

    return await _once_per_reference(request, response, refund, "Refund")


async def _once_per_reference(request: Request, response: Response, step, what: str) -> dict:
    """`step(uow)` -> (view, replayed), once per reference: a concurrent first post of the same reference wins
    and the loser, refused by the unique key, runs again and reads it back (200 instead of 201)."""
    for attempt in range(2):
        try:
            async with _units(request) as uow:
                view, replayed = await step(uow)
            break
        except IntegrityError:
            if attempt:
                raise
        except patient_accounts.PatientNotFound:
            raise Problem(404, "Patient not found", "no claim of this tenant names the patient") from None
        except patient_accounts.ReferenceReused as exc:
            raise Problem(409, f"{what} reference already used", str(exc),
                          errors=[{"field": "reference", "message": str(exc)}]) from None
    if replayed:
        response.status_code = 200
    return view


@router.post("/deposits", status_code=201, response_model=api.DepositRecorded)
async def record_deposit(request: Request, body: bodies.Deposit, caller: CallerDep, response: Response) -> dict:
    try:
        async with _units(request) as uow:
            row, existed = await reports.record_deposit(uow, tenant_id=UUID(caller.tenant_id), **body.model_dump())
            view = reports.deposit_view(row)
    except reports.DepositConflict as exc:
        raise Problem(409, "Deposit already recorded", str(exc),
                      errors=[{"field": "trace_number", "message": str(exc)}]) from None
    except IntegrityError:
        raise Problem(409, "Deposit already recorded", "retry to read it back") from None
    if existed:
        response.status_code = 200
    return view


@router.get("/reconciliation", response_model=api.Reconciliation)
async def reconciliation(request: Request, caller: CallerDep) -> dict:
    async with _units(request) as uow:
        return plain(await reports.reconcile(uow, tenant_id=UUID(caller.tenant_id)))


@router.get("/claims/{claim_id}/balance", response_model=api.ClaimBalance)
async def claim_balance(request: Request, claim_id: Annotated[UUID, Path()], caller: CallerDep) -> dict:
    async with _units(request) as uow:
        check = await reports.claim_check(uow, tenant_id=UUID(caller.tenant_id), claim_id=claim_id)
    if check is None:
        raise Problem(404, "Claim not found")
    return plain(check)


@router.get("/reports/ar-aging", response_model=api.ArAging)
async def ar_aging(request: Request, caller: CallerDep, query: Annotated[api.ArAgingQuery, Query()]) -> dict:
    async with _units(request) as uow:
        return plain(await reports.aging_report(uow, tenant_id=UUID(caller.tenant_id), today=_today(query.as_of),
                                                basis=query.basis))


@router.get("/reports/ar-kpis", response_model=api.ArKpis)
async def ar_kpis(request: Request, caller: CallerDep, query: Annotated[api.ArKpisQuery, Query()]) -> dict:
    async with _units(request) as uow:
        return plain(await reports.ar_kpis(uow, tenant_id=UUID(caller.tenant_id), today=_today(query.as_of),
                                           period_days=query.period_days))
