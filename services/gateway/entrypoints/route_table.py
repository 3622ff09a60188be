"""Every public operation that is one call to one service: public method and path -> service and internal
path, with the query, body and response models the service's own route declares too.

Operations that do more (exports, merged views, PDFs, the gateway's own resources) are written out in
services/gateway/entrypoints/, over the same `forward()`.
"""
from typing import Annotated
from uuid import UUID

from fastapi import Path

from shared.contracts import requests as bodies
from shared.contracts.api import claims, coding, denials, payments
from shared.contracts import denial as actions
from shared.contracts.payer import PAYER_ID_PATTERN, PayerProfile
from services.gateway.entrypoints.auth import AdminCaller, PushCaller, ReadCaller, WriteCaller
from services.gateway.entrypoints.forward import Forward

Id = Annotated[UUID, Path()]
# The practice's MRN: any printable text (control characters could never be a path segment).
PatientId = Annotated[str, Path(min_length=1, max_length=50, pattern=r"^[^\x00-\x1f\x7f]+$")]
PayerId = Annotated[str, Path(max_length=80, pattern=PAYER_ID_PATTERN)]
SuspenseId = Annotated[int, Path(ge=1, le=payments.SUSPENSE_ID_MAX)]
SuspenseAction = Annotated[str, Path(pattern="^(apply|close|refund)$")]

CLAIMS = (
    Forward("list_claims", "GET", "/v1/claims", "claims", "/internal/claims", claims.ClaimPage, ReadCaller,
            query=claims.ClaimListQuery,
            description="The tenant's claims, newest first; filters by status, payer, encounter and frequency (1, 7, 8).",
            tag="billing"),
    Forward("fix_claim", "PATCH", "/v1/claims/{claim_id}", "claims", "/internal/claims/{claim_id}", claims.ClaimFixed,
            WriteCaller, path_params={"claim_id": Id}, raw_body=(bodies.ClaimFix,),
            description="Correct a held or rejected claim (coverage, patient, codes, authorization); it is re-scrubbed.",
            tag="billing"),
    Forward("replace_claim", "POST", "/v1/claims/{claim_id}/replace", "claims", "/internal/claims/{claim_id}/replace",
            claims.CorrectionBilled, WriteCaller, path_params={"claim_id": Id}, body=actions.ClaimCorrection, status_code=201,
            description="Bill a replacement claim (frequency 7, REF*F8 = the payer's claim number) for an adjudicated claim.",
            tag="billing"),
    Forward("void_claim", "POST", "/v1/claims/{claim_id}/void", "claims", "/internal/claims/{claim_id}/void",
            claims.CorrectionBilled, WriteCaller, path_params={"claim_id": Id}, body=bodies.VoidClaim, status_code=201,
            description="Bill a void (frequency 8, REF*F8) of an adjudicated claim: the payer reverses what it paid.",
            tag="billing"),
    Forward("list_payers", "GET", "/v1/payers", "claims", "/internal/payers", claims.PayerList, ReadCaller,
            tag="billing"),
    Forward("put_payer", "PUT", "/v1/payers/{payer_id}", "claims", "/internal/payers/{payer_id}", claims.Payer,
            WriteCaller, path_params={"payer_id": PayerId}, body=PayerProfile,
            description="Adds a payer the tenant bills, or changes its profile (deadlines, program); new claims use it.",
            tag="billing"),
    Forward("add_note", "POST", "/v1/claims/{claim_id}/notes", "claims", "/internal/claims/{claim_id}/notes",
            claims.Note, WriteCaller, path_params={"claim_id": Id}, raw_body=(bodies.FollowUpNote,), status_code=201,
            description="A follow-up note: `{note, next_action_on?}`; the date sets when the claim is due again in the queue.",
            tag="follow-up"),
    Forward("list_notes", "GET", "/v1/claims/{claim_id}/notes", "claims", "/internal/claims/{claim_id}/notes",
            claims.NoteList, ReadCaller, path_params={"claim_id": Id}, tag="follow-up"),
    Forward("submission_lag", "GET", "/v1/reports/submission-lag", "claims", "/internal/reports/submission-lag",
            claims.SubmissionLag, ReadCaller, query=claims.SubmissionLagQuery,
            description="Days from date of service to first submission: count, mean, median, 90th percentile, max; per payer.",
            tag="follow-up"),
    Forward("held_payer_responses", "GET", "/v1/payer-responses/held", "claims", "/internal/clearinghouse/held",
            claims.HeldResponses, ReadCaller, query=claims.HeldQuery,
            description="Eligibility and status answers that could not be applied (unreadable, unknown claim), with the reason.",
            tag="follow-up"),
)

PAYMENTS = (
    Forward("get_remit", "GET", "/v1/remits/{remit_id}", "payments", "/internal/remits/{remit_id}", payments.Remit,
            ReadCaller, path_params={"remit_id": Id}, tag="billing"),
    Forward("list_suspense", "GET", "/v1/suspense", "payments", "/internal/suspense", payments.SuspensePage,
            ReadCaller, query=payments.SuspenseQuery,
            description="Payments waiting in suspense (status open), or worked (posted, closed), oldest first. "
                        "`next_cursor` of a page, passed as `cursor`, gives the next page; null at the end.",
            tag="billing"),
    Forward("claim_balance", "GET", "/v1/claims/{claim_id}/balance", "payments", "/internal/claims/{claim_id}/balance",
            payments.ClaimBalance, ReadCaller, path_params={"claim_id": Id},
            description="charge - paid - adjustments - patient responsibility, against the ledger's balance."),
    Forward("patient_balance", "GET", "/v1/patients/{patient_id}/balance", "payments",
            "/internal/patients/{patient_id}/balance", payments.PatientAccount, ReadCaller,
            path_params={"patient_id": PatientId}, query=payments.AsOfQuery),
    Forward("patient_payment", "POST", "/v1/patients/{patient_id}/payments", "payments",
            "/internal/patients/{patient_id}/payments", payments.PatientPaymentPosted, WriteCaller,
            path_params={"patient_id": PatientId}, raw_body=(bodies.PatientPayment,), status_code=201, also=(200,),
            description="Body: {amount, reference, method, received_on?}; the same reference again posts nothing (200). "
                        "What it pays beyond the balance is held as the patient's credit, applied to the next balance."),
    Forward("patient_refund", "POST", "/v1/patients/{patient_id}/refunds", "payments",
            "/internal/patients/{patient_id}/refunds", payments.PatientRefundPaid, WriteCaller,
            path_params={"patient_id": PatientId}, raw_body=(bodies.PatientRefund,), status_code=201, also=(200,),
            description="Body: {amount, reference, method, refunded_on?}: pays back held credit (an overpayment), never "
                        "more; the same reference again refunds nothing (200)."),
    Forward("record_deposit", "POST", "/v1/deposits", "payments", "/internal/deposits", payments.DepositRecorded,
            WriteCaller, raw_body=(bodies.Deposit,), status_code=201, also=(200,),
            description="Body: {method: EFT|CHK, trace_number, amount, deposited_on}; the same deposit again: 200."),
    Forward("reconciliation", "GET", "/v1/reconciliation", "payments", "/internal/reconciliation",
            payments.Reconciliation, ReadCaller,
            description="Deposits matched to remittances by trace number and amount, the unmatched both ways, claim checks."),
    Forward("ar_kpis", "GET", "/v1/reports/ar-kpis", "payments", "/internal/reports/ar-kpis", payments.ArKpis,
            ReadCaller, query=payments.ArKpisQuery),
    Forward("work_suspense", "POST", "/v1/suspense/{item_id}/{action}", "payments",
            "/internal/suspense/{item_id}/{action}", payments.SuspenseItem, WriteCaller,
            path_params={"item_id": SuspenseId, "action": SuspenseAction},
            raw_body=(bodies.ApplySuspense, bodies.CloseSuspense, bodies.RefundOverpayment),
            description="apply: {claim_id, note} posts the waiting payment to that claim; close: {reason} posts nothing; "
                        "refund: {reference, method, refunded_on?} posts the refund of a payer's overpayment item "
                        "(cash out, the liability settled) and closes it."),
)

DENIALS = (
    Forward("get_denial", "GET", "/v1/denials/{denial_id}", "denials", "/internal/denials/{denial_id}",
            denials.DenialDetail, ReadCaller, path_params={"denial_id": Id}),
    Forward("bulk_action", "POST", "/v1/denials/bulk", "denials", "/internal/denials/bulk", denials.BulkResult,
            WriteCaller, body=actions.BulkDenialAction,
            description="Assign or write off many denials; each succeeds or fails on its own."),
    Forward("assign", "POST", "/v1/denials/{denial_id}/assign", "denials", "/internal/denials/{denial_id}/assign",
            denials.Denial, WriteCaller, path_params={"denial_id": Id}, body=actions.AssignDenial),
    Forward("appeal", "POST", "/v1/denials/{denial_id}/appeal", "denials", "/internal/denials/{denial_id}/appeal",
            denials.AppealRecorded, WriteCaller, path_params={"denial_id": Id}, body=actions.AppealDenial,
            description="Records the appeal and answers with the letter (HTML) built from the claim's facts."),
    Forward("appeal_outcome", "POST", "/v1/denials/{denial_id}/appeal-outcome", "denials",
            "/internal/denials/{denial_id}/appeal-outcome", denials.Denial, WriteCaller,
            path_params={"denial_id": Id}, body=actions.AppealOutcome),
    Forward("correct", "POST", "/v1/denials/{denial_id}/correct", "denials", "/internal/denials/{denial_id}/correct",
            denials.Denial, WriteCaller, path_params={"denial_id": Id}, body=actions.ClaimCorrection,
            description="Claims bills a replacement claim (frequency 7, REF*F8 = the payer's claim number) with these changes."),
    Forward("write_off", "POST", "/v1/denials/{denial_id}/write-off", "denials",
            "/internal/denials/{denial_id}/write-off", denials.Denial, WriteCaller, path_params={"denial_id": Id},
            body=actions.WriteOffDenial, description="Closes the denial; the adjustment reaches the ledger through denial.resolved."),
)

CODING = (
    Forward("review_encounter", "POST", "/v1/encounters/{encounter_id}/review", "coding",
            "/internal/encounters/{encounter_id}/review", coding.ReviewDone, WriteCaller,
            path_params={"encounter_id": Id}, raw_body=(bodies.CodingReview,),
            description="A coder's corrected codes for an encounter held in review; clean codes release it as a claim.",
            tag="encounters"),
    Forward("encounter_audit", "GET", "/v1/encounters/{encounter_id}/audit", "coding",
            "/internal/encounters/{encounter_id}/audit", coding.CodingAuditTrail, ReadCaller,
            path_params={"encounter_id": Id}, tag="encounters"),
    Forward("review_queue", "GET", "/v1/review-queue", "coding", "/internal/review-queue", coding.ReviewQueue,
            ReadCaller, query=coding.ReviewQueueQuery),
    Forward("claim_review_item", "POST", "/v1/encounters/{encounter_id}/claim", "coding",
            "/internal/encounters/{encounter_id}/claim", coding.ReviewClaimed, WriteCaller,
            path_params={"encounter_id": Id},
            description="The calling coder takes a held encounter; another coder's review of it is refused with 409."),
    Forward("search_review_queue", "GET", "/v1/review-queue/search", "coding", "/internal/review-queue",
            coding.ReviewQueue, ReadCaller, query=coding.ReviewQueueSearch,
            description='Held encounters filtered by an edit id (e.g. NCCI-PTP) and/or assignee ("none" for unclaimed).'),
    Forward("ask_provider", "POST", "/v1/encounters/{encounter_id}/queries", "coding",
            "/internal/encounters/{encounter_id}/queries", coding.ProviderQuery, WriteCaller,
            path_params={"encounter_id": Id}, body=bodies.AskProvider, status_code=201,
            description="A coder asks the rendering provider about an unclear note; the encounter waits in review until answered."),
    Forward("answer_provider_query", "POST", "/v1/queries/{query_id}/answer", "coding",
            "/internal/queries/{query_id}/answer", coding.ProviderQuery, PushCaller, path_params={"query_id": Id},
            body=bodies.ProviderAnswer,
            description="The provider's answer, from the EHR (scope ehr:push); kept with the encounter's audit trail."),
    Forward("get_coding_settings", "GET", "/v1/coding/settings", "coding", "/internal/settings",
            coding.CodingSettingsView, AdminCaller,
            description="The tenant's auto-accept choice, threshold and CPT file, the measured precision and recall of "
                        "note suggestions at that threshold, and a warning when the precision is below the target."),
    Forward("put_coding_settings", "PUT", "/v1/coding/settings", "coding", "/internal/settings",
            coding.CodingSettingsView, AdminCaller, body=bodies.CodingSettings,
            description="Replace the tenant's coding settings (applies to encounters coded from now on); auto-accept "
                        "below the target precision is refused with 422 unless accept_below_target_precision is true."),
)
