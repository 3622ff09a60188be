"""Contains all the data models used in inputs/outputs"""

from .add_note_response_add_note import AddNoteResponseAddNote
from .address import Address
from .answer_provider_query_response_answer_provider_query import (
    AnswerProviderQueryResponseAnswerProviderQuery,
)
from .appeal_denial import AppealDenial
from .appeal_letter_format_type_0 import AppealLetterFormatType0
from .appeal_outcome import AppealOutcome
from .appeal_outcome_response_appeal_outcome import AppealOutcomeResponseAppealOutcome
from .appeal_response_appeal import AppealResponseAppeal
from .apply_suspense import ApplySuspense
from .ar_aging_basis import ArAgingBasis
from .ar_aging_format_type_0 import ArAgingFormatType0
from .ar_kpis_response_ar_kpis import ArKpisResponseArKpis
from .ask_provider import AskProvider
from .ask_provider_response_ask_provider import AskProviderResponseAskProvider
from .assign_denial import AssignDenial
from .assign_response_assign import AssignResponseAssign
from .attempt_out import AttemptOut
from .audit_entry_out import AuditEntryOut
from .audit_page import AuditPage
from .billing_contact import BillingContact
from .billing_provider import BillingProvider
from .bulk_action_response_bulk_action import BulkActionResponseBulkAction
from .bulk_denial_action import BulkDenialAction
from .chain_report import ChainReport
from .claim_balance_response_claim_balance import ClaimBalanceResponseClaimBalance
from .claim_correction import ClaimCorrection
from .claim_fix import ClaimFix
from .claim_fix_coverage_type_0 import ClaimFixCoverageType0
from .claim_fix_diagnoses_type_0_item import ClaimFixDiagnosesType0Item
from .claim_fix_patient_type_0 import ClaimFixPatientType0
from .claim_fix_procedures_type_0_item import ClaimFixProceduresType0Item
from .claim_fix_rendering_provider_type_0 import ClaimFixRenderingProviderType0
from .claim_review_item_response_claim_review_item import (
    ClaimReviewItemResponseClaimReviewItem,
)
from .close_suspense import CloseSuspense
from .coding_review import CodingReview
from .coding_settings import CodingSettings
from .correct_response_correct import CorrectResponseCorrect
from .corrected_procedure import CorrectedProcedure
from .coverage import Coverage
from .create_key_response_create_key import CreateKeyResponseCreateKey
from .delivery_out import DeliveryOut
from .delivery_out_payload import DeliveryOutPayload
from .delivery_page import DeliveryPage
from .denial_analytics_format_type_0 import DenialAnalyticsFormatType0
from .deposit import Deposit
from .deposit_method import DepositMethod
from .encounter_accepted import EncounterAccepted
from .encounter_audit_response_encounter_audit import (
    EncounterAuditResponseEncounterAudit,
)
from .encounter_in import EncounterIn
from .encounter_page import EncounterPage
from .encounter_summary import EncounterSummary
from .fix_claim_response_fix_claim import FixClaimResponseFixClaim
from .follow_up_note import FollowUpNote
from .follow_up_queue_format_type_0 import FollowUpQueueFormatType0
from .get_claim_response_get_claim import GetClaimResponseGetClaim
from .get_coding_settings_response_get_coding_settings import (
    GetCodingSettingsResponseGetCodingSettings,
)
from .get_denial_response_get_denial import GetDenialResponseGetDenial
from .get_encounter_response_get_encounter import GetEncounterResponseGetEncounter
from .get_remit_response_get_remit import GetRemitResponseGetRemit
from .held_payer_responses_response_held_payer_responses import (
    HeldPayerResponsesResponseHeldPayerResponses,
)
from .http_validation_error import HTTPValidationError
from .issue_ops_key_response_issue_ops_key import IssueOpsKeyResponseIssueOpsKey
from .key_create import KeyCreate
from .list_claims_response_list_claims import ListClaimsResponseListClaims
from .list_denials_format_type_0 import ListDenialsFormatType0
from .list_encounters_source_format_type_0 import ListEncountersSourceFormatType0
from .list_keys_response_list_keys import ListKeysResponseListKeys
from .list_notes_response_list_notes import ListNotesResponseListNotes
from .list_payers_response_list_payers import ListPayersResponseListPayers
from .list_provider_queries_response_list_provider_queries import (
    ListProviderQueriesResponseListProviderQueries,
)
from .list_suspense_response_list_suspense import ListSuspenseResponseListSuspense
from .list_suspense_status import ListSuspenseStatus
from .patient import Patient
from .patient_balance_response_patient_balance import (
    PatientBalanceResponsePatientBalance,
)
from .patient_payment import PatientPayment
from .patient_payment_method import PatientPaymentMethod
from .patient_payment_response_patient_payment import (
    PatientPaymentResponsePatientPayment,
)
from .patient_refund import PatientRefund
from .patient_refund_method import PatientRefundMethod
from .patient_refund_response_patient_refund import PatientRefundResponsePatientRefund
from .patient_statement_format_type_0 import PatientStatementFormatType0
from .payer_profile import PayerProfile
from .post_remit_response_post_remit import PostRemitResponsePostRemit
from .problem import Problem
from .problem_errors_item import ProblemErrorsItem
from .procedure_line import ProcedureLine
from .provider import Provider
from .provider_answer import ProviderAnswer
from .put_coding_settings_response_put_coding_settings import (
    PutCodingSettingsResponsePutCodingSettings,
)
from .put_payer_response_put_payer import PutPayerResponsePutPayer
from .rate_limit_setting import RateLimitSetting
from .reconciliation_response_reconciliation import ReconciliationResponseReconciliation
from .record_deposit_response_record_deposit import RecordDepositResponseRecordDeposit
from .relationship import Relationship
from .replace_claim_response_replace_claim import ReplaceClaimResponseReplaceClaim
from .review_encounter_response_review_encounter import (
    ReviewEncounterResponseReviewEncounter,
)
from .review_queue_response_review_queue import ReviewQueueResponseReviewQueue
from .reviewed_procedure import ReviewedProcedure
from .revoke_key_response_revoke_key import RevokeKeyResponseRevokeKey
from .revoke_ops_key_response_revoke_ops_key import RevokeOpsKeyResponseRevokeOpsKey
from .search_review_queue_response_search_review_queue import (
    SearchReviewQueueResponseSearchReviewQueue,
)
from .sex import Sex
from .submission_lag_response_submission_lag import SubmissionLagResponseSubmissionLag
from .tenant_create import TenantCreate
from .tenant_created import TenantCreated
from .tenant_kpis_response_tenant_kpis import TenantKpisResponseTenantKpis
from .validation_error import ValidationError
from .validation_error_context import ValidationErrorContext
from .void_claim import VoidClaim
from .void_claim_response_void_claim import VoidClaimResponseVoidClaim
from .webhook_create import WebhookCreate
from .webhook_create_events_item import WebhookCreateEventsItem
from .webhook_created import WebhookCreated
from .webhook_out import WebhookOut
from .work_suspense_response_work_suspense import WorkSuspenseResponseWorkSuspense
from .write_off_denial import WriteOffDenial
from .write_off_response_write_off import WriteOffResponseWriteOff

__all__ = (
    "AddNoteResponseAddNote",
    "Address",
    "AnswerProviderQueryResponseAnswerProviderQuery",
    "AppealDenial",
    "AppealLetterFormatType0",
    "AppealOutcome",
    "AppealOutcomeResponseAppealOutcome",
    "AppealResponseAppeal",
    "ApplySuspense",
    "ArAgingBasis",
    "ArAgingFormatType0",
    "ArKpisResponseArKpis",
    "AskProvider",
    "AskProviderResponseAskProvider",
    "AssignDenial",
    "AssignResponseAssign",
    "AttemptOut",
    "AuditEntryOut",
    "AuditPage",
    "BillingContact",
    "BillingProvider",
    "BulkActionResponseBulkAction",
    "BulkDenialAction",
    "ChainReport",
    "ClaimBalanceResponseClaimBalance",
    "ClaimCorrection",
    "ClaimFix",
    "ClaimFixCoverageType0",
    "ClaimFixDiagnosesType0Item",
    "ClaimFixPatientType0",
    "ClaimFixProceduresType0Item",
    "ClaimFixRenderingProviderType0",
    "ClaimReviewItemResponseClaimReviewItem",
    "CloseSuspense",
    "CodingReview",
    "CodingSettings",
    "CorrectResponseCorrect",
    "CorrectedProcedure",
    "Coverage",
    "CreateKeyResponseCreateKey",
    "DeliveryOut",
    "DeliveryOutPayload",
    "DeliveryPage",
    "DenialAnalyticsFormatType0",
    "Deposit",
    "DepositMethod",
    "EncounterAccepted",
    "EncounterAuditResponseEncounterAudit",
    "EncounterIn",
    "EncounterPage",
    "EncounterSummary",
    "FixClaimResponseFixClaim",
    "FollowUpNote",
    "FollowUpQueueFormatType0",
    "GetClaimResponseGetClaim",
    "GetCodingSettingsResponseGetCodingSettings",
    "GetDenialResponseGetDenial",
    "GetEncounterResponseGetEncounter",
    "GetRemitResponseGetRemit",
    "HTTPValidationError",
    "HeldPayerResponsesResponseHeldPayerResponses",
    "IssueOpsKeyResponseIssueOpsKey",
    "KeyCreate",
    "ListClaimsResponseListClaims",
    "ListDenialsFormatType0",
    "ListEncountersSourceFormatType0",
    "ListKeysResponseListKeys",
    "ListNotesResponseListNotes",
    "ListPayersResponseListPayers",
    "ListProviderQueriesResponseListProviderQueries",
    "ListSuspenseResponseListSuspense",
    "ListSuspenseStatus",
    "Patient",
    "PatientBalanceResponsePatientBalance",
    "PatientPayment",
    "PatientPaymentMethod",
    "PatientPaymentResponsePatientPayment",
    "PatientRefund",
    "PatientRefundMethod",
    "PatientRefundResponsePatientRefund",
    "PatientStatementFormatType0",
    "PayerProfile",
    "PostRemitResponsePostRemit",
    "Problem",
    "ProblemErrorsItem",
    "ProcedureLine",
    "Provider",
    "ProviderAnswer",
    "PutCodingSettingsResponsePutCodingSettings",
    "PutPayerResponsePutPayer",
    "RateLimitSetting",
    "ReconciliationResponseReconciliation",
    "RecordDepositResponseRecordDeposit",
    "Relationship",
    "ReplaceClaimResponseReplaceClaim",
    "ReviewEncounterResponseReviewEncounter",
    "ReviewQueueResponseReviewQueue",
    "ReviewedProcedure",
    "RevokeKeyResponseRevokeKey",
    "RevokeOpsKeyResponseRevokeOpsKey",
    "SearchReviewQueueResponseSearchReviewQueue",
    "Sex",
    "SubmissionLagResponseSubmissionLag",
    "TenantCreate",
    "TenantCreated",
    "TenantKpisResponseTenantKpis",
    "ValidationError",
    "ValidationErrorContext",
    "VoidClaim",
    "VoidClaimResponseVoidClaim",
    "WebhookCreate",
    "WebhookCreateEventsItem",
    "WebhookCreated",
    "WebhookOut",
    "WorkSuspenseResponseWorkSuspense",
    "WriteOffDenial",
    "WriteOffResponseWriteOff",
)
