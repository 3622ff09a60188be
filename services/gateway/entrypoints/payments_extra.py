"""Payments routes that do more than forward: the original 835, the patient statement (HTML or PDF) and the
A/R aging report with its exports. The one-call forwards are in services/gateway/entrypoints/route_table.py; the
payments service scopes by the token's tenant, so a foreign id answers 404.
"""
import asyncio
from datetime import date
from typing import Annotated, Literal
from urllib.parse import quote
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import Field

from shared.contracts.api.payments import ArAging, ArAgingQuery, AsOfQuery, PatientAccount
from services.gateway.adapters.upstream import raise_for_problem
from services.gateway.entrypoints.auth import ReadCaller
from services.gateway.entrypoints.forward import forward
from services.gateway.documents.aging import aging_pdf
from services.gateway.documents.sources import mailing_address, practice_of
from services.gateway.documents.statement import statement_pdf
from services.gateway.exports.formats import CSV, PDF, XLSX, ReportFormat, requested_export
from services.gateway.exports.respond import FORMAT_DESCRIPTION, REPORT_RESPONSES, file_response
from services.gateway.exports.sheets import aging_sheets
from services.gateway.entrypoints.route_table import PatientId

router = APIRouter(tags=["payments"])


def _payments(request: Request):
    return request.app.state.upstreams["payments"]


@router.get("/v1/remits/{remit_id}/835", response_class=Response,
            responses={200: {"content": {"application/edi-x12": {"schema": {"type": "string"}}},
                             "description": "The original 835 file"}})
async def get_remit_file(request: Request, remit_id: Annotated[UUID, Path()], caller: ReadCaller) -> Response:
    """The original 835 file as it was received."""
    response = await _payments(request).request("GET", f"/internal/remits/{remit_id}/835", caller)
    raise_for_problem(response)
    return Response(response.content, media_type="application/edi-x12")


@router.get("/v1/patients/{patient_id}/statement", response_class=Response,
            responses={200: {"content": {"text/html": {"schema": {"type": "string"}},
                                         PDF: {"schema": {"type": "string", "format": "binary"}}},
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
        forward(request, caller, "payments", "GET", f"/internal/patients/{quote(patient_id, safe='')}/balance",
                PatientAccount, query=AsOfQuery(as_of=as_of)),
        mailing_address(request, caller, patient_id), practice_of(request, caller.tenant_id))
    return Response(statement_pdf(account.model_dump(mode="json"), practice, recipient=recipient), media_type=PDF,
                    headers={"Content-Disposition": f'inline; filename="statement-{account.as_of}.pdf"'})


class ArAgingExport(ArAgingQuery):
    file_format: ReportFormat | None = Field(default=None, alias="format", description=FORMAT_DESCRIPTION)


@router.get("/v1/reports/ar-aging", response_model=ArAging, responses=REPORT_RESPONSES)
async def ar_aging(request: Request, caller: ReadCaller, query: Annotated[ArAgingExport, Query()]):
    report = await forward(request, caller, "payments", "GET", "/internal/reports/ar-aging", ArAging,
                           query=ArAgingQuery(as_of=query.as_of, basis=query.basis))
    export = requested_export(query.file_format, request.headers.get("accept"), offered=(XLSX, CSV, PDF))
    if export is None:
        return report
    plain = report.model_dump(mode="json")
    if export == PDF:
        practice = await practice_of(request, caller.tenant_id)
        return Response(aging_pdf({**plain, "basis": query.basis}, practice.get("name", "")), media_type=PDF,
                        headers={"Content-Disposition": f'inline; filename="ar-aging-{report.as_of}.pdf"'})
    return file_response(aging_sheets(plain), export, "ar-aging")
