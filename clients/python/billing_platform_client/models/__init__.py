"""Contains all the data models used in inputs/outputs"""

from .address import Address
from .adjustment import Adjustment
from .aging_bucket import AgingBucket
from .aging_row import AgingRow
from .aging_row_buckets import AgingRowBuckets
from .allocation import Allocation
from .api_key_issued import ApiKeyIssued
from .api_key_list import ApiKeyList
from .api_key_out import ApiKeyOut
from .appeal_denial import AppealDenial
from .appeal_letter_format_type_0 import AppealLetterFormatType0
from .appeal_outcome import AppealOutcome
from .appeal_recorded import AppealRecorded
from .appeal_recorded_level import AppealRecordedLevel
from .appeal_recorded_sla import AppealRecordedSla
from .apply_suspense import ApplySuspense
from .ar_aging import ArAging
from .ar_aging_basis import ArAgingBasis
from .ar_aging_by_payer import ArAgingByPayer
from .ar_aging_by_provider import ArAgingByProvider
from .ar_aging_format_type_0 import ArAgingFormatType0
from .ar_kpis import ArKpis
from .ask_provider import AskProvider
from .assign_denial import AssignDenial
from .attempt_out import AttemptOut
from .audit_entry_out import AuditEntryOut
from .audit_page import AuditPage
from .billing_contact import BillingContact
from .billing_lag import BillingLag
from .billing_provider import BillingProvider
from .bulk_denial_action import BulkDenialAction
from .bulk_outcome import BulkOutcome
from .bulk_result import BulkResult
from .bulk_result_action import BulkResultAction
from .chain_report import ChainReport
from .claim_balance import ClaimBalance
from .claim_checks import ClaimChecks
from .claim_correction import ClaimCorrection
from .claim_fix import ClaimFix
from .claim_fix_coverage_type_0 import ClaimFixCoverageType0
from .claim_fix_diagnoses_type_0_item import ClaimFixDiagnosesType0Item
from .claim_fix_patient_type_0 import ClaimFixPatientType0
from .claim_fix_procedures_type_0_item import ClaimFixProceduresType0Item
from .claim_fix_referring_provider_type_0 import ClaimFixReferringProviderType0
from .claim_fix_rendering_provider_type_0 import ClaimFixRenderingProviderType0
from .claim_fixed import ClaimFixed
from .claim_fixed_edits_item import ClaimFixedEditsItem
from .claim_line_out import ClaimLineOut
from .claim_page import ClaimPage
from .claim_summary import ClaimSummary
from .claim_view import ClaimView
from .claim_view_edits_item import ClaimViewEditsItem
from .claim_view_eligibility_type_0 import ClaimViewEligibilityType0
from .claim_view_payer_sequence import ClaimViewPayerSequence
from .claim_view_payer_status_type_0 import ClaimViewPayerStatusType0
from .claim_view_unavailable_item import ClaimViewUnavailableItem
from .close_suspense import CloseSuspense
from .coding_audit_entry import CodingAuditEntry
from .coding_audit_entry_after import CodingAuditEntryAfter
from .coding_audit_entry_before import CodingAuditEntryBefore
from .coding_audit_trail import CodingAuditTrail
from .coding_review import CodingReview
from .coding_settings import CodingSettings
from .coding_settings_view import CodingSettingsView
from .coding_settings_view_auto_accept_threshold_source import (
    CodingSettingsViewAutoAcceptThresholdSource,
)
from .coding_settings_view_cpt_file import CodingSettingsViewCptFile
from .corrected_procedure import CorrectedProcedure
from .correction_billed import CorrectionBilled
from .correction_billed_edits_item import CorrectionBilledEditsItem
from .correction_billed_frequency_code import CorrectionBilledFrequencyCode
from .coverage import Coverage
from .credit_held import CreditHeld
from .delivery_out import DeliveryOut
from .delivery_out_payload import DeliveryOutPayload
from .delivery_page import DeliveryPage
from .denial import Denial
from .denial_action import DenialAction
from .denial_action_detail import DenialActionDetail
from .denial_analytics import DenialAnalytics
from .denial_analytics_format_type_0 import DenialAnalyticsFormatType0
from .denial_detail import DenialDetail
from .denial_detail_level import DenialDetailLevel
from .denial_detail_sla import DenialDetailSla
from .denial_level import DenialLevel
from .denial_page import DenialPage
from .denial_rate import DenialRate
from .denial_share import DenialShare
from .denial_sla import DenialSla
from .deposit import Deposit
from .deposit_match import DepositMatch
from .deposit_method import DepositMethod
from .deposit_recorded import DepositRecorded
from .deposit_recorded_method import DepositRecordedMethod
from .encounter_accepted import EncounterAccepted
from .encounter_failure import EncounterFailure
from .encounter_in import EncounterIn
from .encounter_page import EncounterPage
from .encounter_summary import EncounterSummary
from .encounter_view import EncounterView
from .follow_up_item import FollowUpItem
from .follow_up_item_payer_status_type_0 import FollowUpItemPayerStatusType0
from .follow_up_note import FollowUpNote
from .follow_up_queue import FollowUpQueue
from .follow_up_queue_format_type_0 import FollowUpQueueFormatType0
from .held_response import HeldResponse
from .held_responses import HeldResponses
from .http_validation_error import HTTPValidationError
from .key_create import KeyCreate
from .kpi_volumes import KpiVolumes
from .kpi_volumes_claims_by_status import KpiVolumesClaimsByStatus
from .kpis import Kpis
from .kpis_denial_rate_by_carc import KpisDenialRateByCarc
from .kpis_denial_rate_by_payer import KpisDenialRateByPayer
from .kpis_denial_rate_by_reason import KpisDenialRateByReason
from .lag_figures import LagFigures
from .list_denials_format_type_0 import ListDenialsFormatType0
from .list_encounters_source_format_type_0 import ListEncountersSourceFormatType0
from .list_suspense_status import ListSuspenseStatus
from .measured_accuracy import MeasuredAccuracy
from .note import Note
from .note_list import NoteList
from .ops_key_issued import OpsKeyIssued
from .ops_key_revoked import OpsKeyRevoked
from .patient import Patient
from .patient_account import PatientAccount
from .patient_account_aging import PatientAccountAging
from .patient_claim import PatientClaim
from .patient_payment import PatientPayment
from .patient_payment_method import PatientPaymentMethod
from .patient_payment_posted import PatientPaymentPosted
from .patient_refund import PatientRefund
from .patient_refund_method import PatientRefundMethod
from .patient_refund_paid import PatientRefundPaid
from .patient_statement_format_type_0 import PatientStatementFormatType0
from .payer import Payer
from .payer_lag import PayerLag
from .payer_list import PayerList
from .payer_profile import PayerProfile
from .posting import Posting
from .posting_kind import PostingKind
from .pr_totals import PrTotals
from .preventable import Preventable
from .problem import Problem
from .problem_errors_item import ProblemErrorsItem
from .procedure_line import ProcedureLine
from .provider import Provider
from .provider_answer import ProviderAnswer
from .provider_query import ProviderQuery
from .provider_query_list import ProviderQueryList
from .provider_query_status import ProviderQueryStatus
from .rate_limit_setting import RateLimitSetting
from .ratio import Ratio
from .reconciliation import Reconciliation
from .refund_overpayment import RefundOverpayment
from .refund_overpayment_method import RefundOverpaymentMethod
from .relationship import Relationship
from .remit import Remit
from .remit_accepted import RemitAccepted
from .remit_accepted_status import RemitAcceptedStatus
from .remit_payment import RemitPayment
from .remit_source import RemitSource
from .remit_status import RemitStatus
from .review_claimed import ReviewClaimed
from .review_done import ReviewDone
from .review_item import ReviewItem
from .review_queue import ReviewQueue
from .reviewed_procedure import ReviewedProcedure
from .root_cause import RootCause
from .sex import Sex
from .sla_figures import SlaFigures
from .statement_cycle import StatementCycle
from .statement_cycle_status import StatementCycleStatus
from .statement_stage import StatementStage
from .submission_lag import SubmissionLag
from .suspense_item import SuspenseItem
from .suspense_item_kind import SuspenseItemKind
from .suspense_item_status import SuspenseItemStatus
from .suspense_page import SuspensePage
from .tenant_create import TenantCreate
from .tenant_created import TenantCreated
from .timeline_entry import TimelineEntry
from .validation_error import ValidationError
from .validation_error_context import ValidationErrorContext
from .void_claim import VoidClaim
from .webhook_create import WebhookCreate
from .webhook_create_events_item import WebhookCreateEventsItem
from .webhook_created import WebhookCreated
from .webhook_out import WebhookOut
from .write_off_denial import WriteOffDenial

__all__ = (
    "Address",
    "Adjustment",
    "AgingBucket",
    "AgingRow",
    "AgingRowBuckets",
    "Allocation",
    "ApiKeyIssued",
    "ApiKeyList",
    "ApiKeyOut",
    "AppealDenial",
    "AppealLetterFormatType0",
    "AppealOutcome",
    "AppealRecorded",
    "AppealRecordedLevel",
    "AppealRecordedSla",
    "ApplySuspense",
    "ArAging",
    "ArAgingBasis",
    "ArAgingByPayer",
    "ArAgingByProvider",
    "ArAgingFormatType0",
    "ArKpis",
    "AskProvider",
    "AssignDenial",
    "AttemptOut",
    "AuditEntryOut",
    "AuditPage",
    "BillingContact",
    "BillingLag",
    "BillingProvider",
    "BulkDenialAction",
    "BulkOutcome",
    "BulkResult",
    "BulkResultAction",
    "ChainReport",
    "ClaimBalance",
    "ClaimChecks",
    "ClaimCorrection",
    "ClaimFix",
    "ClaimFixCoverageType0",
    "ClaimFixDiagnosesType0Item",
    "ClaimFixPatientType0",
    "ClaimFixProceduresType0Item",
    "ClaimFixReferringProviderType0",
    "ClaimFixRenderingProviderType0",
    "ClaimFixed",
    "ClaimFixedEditsItem",
    "ClaimLineOut",
    "ClaimPage",
    "ClaimSummary",
    "ClaimView",
    "ClaimViewEditsItem",
    "ClaimViewEligibilityType0",
    "ClaimViewPayerSequence",
    "ClaimViewPayerStatusType0",
    "ClaimViewUnavailableItem",
    "CloseSuspense",
    "CodingAuditEntry",
    "CodingAuditEntryAfter",
    "CodingAuditEntryBefore",
    "CodingAuditTrail",
    "CodingReview",
    "CodingSettings",
    "CodingSettingsView",
    "CodingSettingsViewAutoAcceptThresholdSource",
    "CodingSettingsViewCptFile",
    "CorrectedProcedure",
    "CorrectionBilled",
    "CorrectionBilledEditsItem",
    "CorrectionBilledFrequencyCode",
    "Coverage",
    "CreditHeld",
    "DeliveryOut",
    "DeliveryOutPayload",
    "DeliveryPage",
    "Denial",
    "DenialAction",
    "DenialActionDetail",
    "DenialAnalytics",
    "DenialAnalyticsFormatType0",
    "DenialDetail",
    "DenialDetailLevel",
    "DenialDetailSla",
    "DenialLevel",
    "DenialPage",
    "DenialRate",
    "DenialShare",
    "DenialSla",
    "Deposit",
    "DepositMatch",
    "DepositMethod",
    "DepositRecorded",
    "DepositRecordedMethod",
    "EncounterAccepted",
    "EncounterFailure",
    "EncounterIn",
    "EncounterPage",
    "EncounterSummary",
    "EncounterView",
    "FollowUpItem",
    "FollowUpItemPayerStatusType0",
    "FollowUpNote",
    "FollowUpQueue",
    "FollowUpQueueFormatType0",
    "HTTPValidationError",
    "HeldResponse",
    "HeldResponses",
    "KeyCreate",
    "KpiVolumes",
    "KpiVolumesClaimsByStatus",
    "Kpis",
    "KpisDenialRateByCarc",
    "KpisDenialRateByPayer",
    "KpisDenialRateByReason",
    "LagFigures",
    "ListDenialsFormatType0",
    "ListEncountersSourceFormatType0",
    "ListSuspenseStatus",
    "MeasuredAccuracy",
    "Note",
    "NoteList",
    "OpsKeyIssued",
    "OpsKeyRevoked",
    "Patient",
    "PatientAccount",
    "PatientAccountAging",
    "PatientClaim",
    "PatientPayment",
    "PatientPaymentMethod",
    "PatientPaymentPosted",
    "PatientRefund",
    "PatientRefundMethod",
    "PatientRefundPaid",
    "PatientStatementFormatType0",
    "Payer",
    "PayerLag",
    "PayerList",
    "PayerProfile",
    "Posting",
    "PostingKind",
    "PrTotals",
    "Preventable",
    "Problem",
    "ProblemErrorsItem",
    "ProcedureLine",
    "Provider",
    "ProviderAnswer",
    "ProviderQuery",
    "ProviderQueryList",
    "ProviderQueryStatus",
    "RateLimitSetting",
    "Ratio",
    "Reconciliation",
    "RefundOverpayment",
    "RefundOverpaymentMethod",
    "Relationship",
    "Remit",
    "RemitAccepted",
    "RemitAcceptedStatus",
    "RemitPayment",
    "RemitSource",
    "RemitStatus",
    "ReviewClaimed",
    "ReviewDone",
    "ReviewItem",
    "ReviewQueue",
    "ReviewedProcedure",
    "RootCause",
    "Sex",
    "SlaFigures",
    "StatementCycle",
    "StatementCycleStatus",
    "StatementStage",
    "SubmissionLag",
    "SuspenseItem",
    "SuspenseItemKind",
    "SuspenseItemStatus",
    "SuspensePage",
    "TenantCreate",
    "TenantCreated",
    "TimelineEntry",
    "ValidationError",
    "ValidationErrorContext",
    "VoidClaim",
    "WebhookCreate",
    "WebhookCreateEventsItem",
    "WebhookCreated",
    "WebhookOut",
    "WriteOffDenial",
)
