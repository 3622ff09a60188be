"""The appeal letter: the claim's facts and the denial's reasons, escaped HTML ready to print."""
from html import escape

ARGUMENTS = {
    "authorization": "The service was medically necessary and authorization was requested or not required "
                     "under the plan's terms; we ask that the claim be reprocessed.",
    "medical_necessity": "The enclosed documentation establishes medical necessity for the service billed.",
    "timely_filing": "The claim was first filed within the filing limit; proof of timely filing is enclosed.",
    "coding": "The codes billed are supported by the documentation; a corrected claim accompanies this appeal "
              "where a code was in error.",
    "bundling_ncci": "The services were distinct and separately identifiable, as the documentation shows.",
}
DEFAULT_ARGUMENT = "We believe this claim was denied in error and request reconsideration."


def render_appeal_letter(denial, note: str) -> str:
    reasons = "".join(f"<li>{escape(line)}</li>" for line in denial.explanation)
    argument = ARGUMENTS.get(denial.category, DEFAULT_ARGUMENT)
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Appeal</title></head><body>"
        f"<h1>Request for reconsideration</h1>"
        f"<p>Payer: {escape(denial.payer_id)}<br>Claim: {escape(str(denial.claim_id))}<br>"
        f"Remittance: {escape(denial.remit_id)}<br>Procedure: {escape(denial.procedure_code or 'all lines')}<br>"
        f"Amount in dispute: ${escape(str(denial.amount))}<br>Appeal deadline: {denial.appeal_deadline.isoformat()}</p>"
        f"<h2>Denial reasons</h2><ul>{reasons}</ul>"
        f"<h2>Basis for appeal</h2><p>{escape(argument)}</p><p>{escape(note)}</p>"
        "</body></html>"
    )
