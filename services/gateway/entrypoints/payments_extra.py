"""Public routes of the payments service beyond billing.py: original 835s, patient balances, statements
and payments, deposits and reconciliation, A/R aging and KPIs. The gateway forwards with the signed
token; the payments service scopes by its tenant, so a foreign id answers 404.
"""
import asyncio
from datetime import date
from typing import Annotated, Literal
from urllib.parse import quote
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request, Response

from services.gateway.adapters.upstream import raise_for_problem
from services.gateway.cursors import SUSPENSE_ID_MAX
from services.gateway.entrypoints.auth import ReadCaller, WriteCaller
from services.gateway.documents.aging import aging_pdf
from services.gateway.documents.sources import mailing_address, practice_of
from services.gateway.documents.statement import statement_pdf
from services.gateway.exports.formats import CSV, PDF, XLSX, ReportFormat, requested_export
from services.gateway.exports.respond import FORMAT_DESCRIPTION, REPORT_RESPONSES, file_response
from services.gateway.exports.sheets import aging_sheets
from services.gateway.openapi import json_body
from shared.contracts.requests import ApplySuspense, CloseSuspense, Deposit, PatientPayment, PatientRefund

router = APIRouter(tags=["payments"])
# The practice's MRN: any printable text (control characters could never be a path segment).
PatientId = Annotated[str, Path(min_length=1, max_length=50, pattern=r"^[^\x00-\x1f\x7f]+$")]
JSON_BODY = {"content-type": "application/json"}


def _payments(request: Request):
    return request.app.state.upstreams["payments"]


async def _get(request: Request, caller, path: str, params: dict | None = None) -> dict:
    response = await _payments(request).request(
        "GET", path, caller, params={k: str(v) for k, v in (params or {}).items() if v is not None})
    raise_for_problem(response)
    return response.json()


async def _post(request: Request, caller, path: str, response: Response) -> dict:
    upstream = await _payments(request).request("POST", path, caller, content=await request.body(), headers=JSON_BODY)
    raise_for_problem(upstream)
    response.status_code = upstream.status_code
    return upstream.json()


@router.get("/v1/remits/{remit_id}/835", response_class=Response,
            responses={200: {"content": {"application/edi-x12": {}}}})
async def get_remit_file(request: Request, remit_id: Annotated[UUID, Path()], caller: ReadCaller) -> Response:
    """The original 835 file as it was received."""
    response = await _payments(request).request("GET", f"/internal/remits/{remit_id}/835", caller)
    raise_for_problem(response)
    return Response(response.content, media_type="application/edi-x12")


@router.get("/v1/claims/{claim_id}/balance")
async def claim_balance(request: Request, claim_id: Annotated[UUID, Path()], caller: ReadCaller) -> dict:
    """charge - paid - adjustments - patient responsibility, against the ledger's balance."""
    return await _get(request, caller, f"/internal/claims/{claim_id}/balance")


@router.get("/v1/patients/{patient_id}/balance")
async def patient_balance(request: Request, patient_id: PatientId, caller: ReadCaller,
                          as_of: date | None = None) -> dict:
    return await _get(request, caller, f"/internal/patients/{quote(patient_id, safe='')}/balance", {"as_of": as_of})


@router.get("/v1/patients/{patient_id}/statement", response_class=Response,
            responses={200: {"content": {"text/html": {}, PDF: {"schema": {"type": "string", "format": "binary"}}},
                             "description": "HTML, or the printable PDF with `Accept: application/pdf` or ?format=pdf"}})
async def patient_statement(request: Request, patient_id: PatientId, caller: ReadCaller, as_of: date | None = None,
                            file_format: Annotated[Literal["html", "pdf"] | None, Query(alias="format")] = None
                            ) -> Response:
    if requested_export(file_format, request.headers.get("accept"), offered=(PDF,)) == PDF:
        return await _statement_pdf(request, caller, patient_id, as_of)
    path = f"/internal/patients/{quote(patient_id, safe='')}/statement"
    response = await _payments(request).request("GET", path, caller,
                                                params={"as_of": str(as_of)} if as_of else None)
    raise_for_problem(response)
    return Response(response.content, media_type="text/html; charset=utf-8")


async def _statement_pdf(request: Request, caller, patient_id: str, as_of: date | None) -> Response:
    account, recipient, practice = await asyncio.gather(
        _get(request, caller, f"/internal/patients/{quote(patient_id, safe='')}/balance", {"as_of": as_of}),
        mailing_address(request, caller, patient_id), practice_of(request, caller.tenant_id))
    return Response(statement_pdf(account, practice, recipient=recipient), media_type=PDF,
                    headers={"Content-Disposition": f'inline; filename="statement-{account["as_of"]}.pdf"'})


@router.post("/v1/patients/{patient_id}/payments", status_code=201, openapi_extra=json_body(PatientPayment))
async def patient_payment(request: Request, patient_id: PatientId, caller: WriteCaller, response: Response) -> dict:
    """Body: {amount, reference, method, received_on?}; the same reference again posts nothing (200).
    What it pays beyond the balance is held as the patient's credit, applied to the next balance."""
    return await _post(request, caller, f"/internal/patients/{quote(patient_id, safe='')}/payments", response)


@router.post("/v1/patients/{patient_id}/refunds", status_code=201, openapi_extra=json_body(PatientRefund))
async def patient_refund(request: Request, patient_id: PatientId, caller: WriteCaller, response: Response) -> dict:
    """Body: {amount, reference, method, refunded_on?}: pays back held credit (an overpayment), never more;
    the same reference again refunds nothing (200)."""
    return await _post(request, caller, f"/internal/patients/{quote(patient_id, safe='')}/refunds", response)


@router.post("/v1/deposits", status_code=201, openapi_extra=json_body(Deposit))
async def record_deposit(request: Request, caller: WriteCaller, response: Response) -> dict:
    """Body: {method: EFT|CHK, trace_number, amount, deposited_on}."""
    return await _post(request, caller, "/internal/deposits", response)


@router.get("/v1/reconciliation")
async def reconciliation(request: Request, caller: ReadCaller) -> dict:
    """Deposits matched to remittances by trace number and amount, the unmatched both ways, claim checks."""
    return await _get(request, caller, "/internal/reconciliation")


@router.get("/v1/reports/ar-aging", responses=REPORT_RESPONSES)
async def ar_aging(request: Request, caller: ReadCaller, as_of: date | None = None,
                   basis: Literal["submission", "date_of_service"] = "submission",
                   file_format: Annotated[ReportFormat | None, Query(alias="format", description=FORMAT_DESCRIPTION)] = None):
    report = await _get(request, caller, "/internal/reports/ar-aging", {"as_of": as_of, "basis": basis})
    export = requested_export(file_format, request.headers.get("accept"), offered=(XLSX, CSV, PDF))
    if export == PDF:
        practice = await practice_of(request, caller.tenant_id)
        return Response(aging_pdf({**report, "basis": basis}, practice.get("name", "")), media_type=PDF,
                        headers={"Content-Disposition": f'inline; filename="ar-aging-{report["as_of"]}.pdf"'})
    return report if export is None else file_response(aging_sheets(report), export, "ar-aging")


@router.get("/v1/reports/ar-kpis")
async def ar_kpis(request: Request, caller: ReadCaller, as_of: date | None = None,
                  period_days: Annotated[int, Query(ge=1, le=366)] = 90) -> dict:
    return await _get(request, caller, "/internal/reports/ar-kpis", {"as_of": as_of, "period_days": period_days})


@router.post("/v1/suspense/{item_id}/{action}", openapi_extra=json_body(ApplySuspense, CloseSuspense))
async def work_suspense(request: Request, item_id: Annotated[int, Path(ge=1, le=SUSPENSE_ID_MAX)],
                        action: Annotated[str, Path(pattern="^(apply|close)$")], caller: WriteCaller,
                        response: Response) -> dict:
    """apply: {claim_id, note} posts the waiting payment to that claim; close: {reason} posts nothing."""
    return await _post(request, caller, f"/internal/suspense/{item_id}/{action}", response)
