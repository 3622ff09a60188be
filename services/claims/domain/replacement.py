"""Corrections of a claim the payer already adjudicated, pointing at the payer's claim number (REF*F8):
a replacement (frequency 7) with the biller's corrections, or a void (frequency 8) of the claim as billed. Pure."""
import hashlib

from shared.contracts.claim import ClaimCoded, ClaimCorrectionRequested
from shared.contracts.identifiers import claim_id_for

PCN_MAX = 20
DIGEST = 4  # characters of a long number's digest in its corrections' numbers
REPLACEABLE = frozenset({"paid", "partial", "denied", "appealed", "closed"})


def replacement_pcn(original_pcn: str, sequence: int, kind: str = "R") -> str:
    """CLM01 of the n-th correction: the original's number with R<n> (replacement) or V<n> (void). A number too
    long for both keeps a digest of the whole in place of its cut end: two full-length numbers that differ only
    there (a primary's and its secondary's, ...S2) must not give their corrections one claim id."""
    suffix = f"{kind}{sequence}"
    if len(original_pcn) + len(suffix) <= PCN_MAX:
        return f"{original_pcn}{suffix}"
    return cut_with_digest(original_pcn, suffix)


def cut_with_digest(pcn: str, suffix: str) -> str:
    """A full-length number with a suffix: its cut end replaced by a digest of the whole, so that two numbers
    that differ only in that end still give two numbers."""
    digest = _base36(int.from_bytes(hashlib.sha256(pcn.encode()).digest()[:4], "big"))[:DIGEST]
    return f"{pcn[:PCN_MAX - len(suffix) - DIGEST]}{digest.rjust(DIGEST, '0')}{suffix}"


def _base36(number: int) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    while number:
        number, digit = divmod(number, 36)
        text = digits[digit] + text
    return text


def replacement_claim(original: ClaimCoded, request: ClaimCorrectionRequested, *, tenant_id: str, sequence: int,
                      payer_claim_number: str) -> ClaimCoded:
    merged = original.model_dump(mode="json")
    if request.procedures is not None:
        merged["procedures"] = [{**p.model_dump(mode="json"), "source": "coder"} for p in request.procedures]
    if request.diagnoses is not None:
        merged["diagnoses"] = [{"code": code, "source": "coder"} for code in request.diagnoses]
    if request.prior_authorization is not None:
        merged["prior_authorization"] = request.prior_authorization
    pcn = replacement_pcn(original.patient_control_number, sequence)
    merged.update(claim_id=str(claim_id_for(tenant_id, pcn)), patient_control_number=pcn, frequency_code="7",
                  original_claim_id=original.claim_id, original_payer_claim_number=payer_claim_number, edits=[])
    return ClaimCoded.model_validate(merged)


def void_claim(original: ClaimCoded, *, tenant_id: str, sequence: int, payer_claim_number: str) -> ClaimCoded:
    """The claim exactly as billed, with frequency 8: the payer takes back what it paid for it."""
    pcn = replacement_pcn(original.patient_control_number, sequence, kind="V")
    return original.model_copy(update=dict(
        claim_id=str(claim_id_for(tenant_id, pcn)), patient_control_number=pcn, frequency_code="8",
        original_claim_id=original.claim_id, original_payer_claim_number=payer_claim_number, edits=[]))
