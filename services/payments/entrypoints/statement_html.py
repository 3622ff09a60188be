"""A patient statement as HTML, from the patient account view; every value is escaped."""
from html import escape

STAGE_TITLES = {None: "Statement", "first_statement": "Statement", "reminder_30": "Reminder: balance 30 days past",
                "reminder_60": "Second reminder: balance 60 days past", "final_notice": "Final notice"}
CATEGORY_LABELS = (("deductible", "Deductible"), ("coinsurance", "Coinsurance"), ("copay", "Copay"),
                   ("other", "Other patient responsibility"), ("other_payers_paid", "Paid by other insurance"),
                   ("patient_paid", "You paid"))


def _cell(value) -> str:
    return f"<td>{escape('' if value is None else str(value))}</td>"


def render_statement(account: dict, tenant_id: str) -> str:
    cycle = account["statement_cycle"]
    title = STAGE_TITLES.get(cycle["stage"], "Statement") if cycle["status"] == "in_cycle" else "Account summary"
    claim_rows = "".join(
        "<tr>" + "".join(_cell(row[key]) for key in ("date_of_service", "payer_id", "charge", "deductible",
                                                     "coinsurance", "copay", "other", "other_payers_paid",
                                                     "patient_paid", "balance"))
        + "</tr>" for row in account["claims"])
    aging_rows = "".join(f"<tr>{_cell(name)}{_cell(bucket['amount'])}{_cell(bucket['count'])}</tr>"
                         for name, bucket in account["aging"].items())
    totals = "".join(f"<tr>{_cell(label)}{_cell(account['totals'][key])}</tr>" for key, label in CATEGORY_LABELS)
    next_line = (f"<p>Next notice: {escape(str(cycle['next_stage']))} on {escape(str(cycle['next_date']))}</p>"
                 if cycle.get("next_stage") else "")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title></head>
<body>
<h1>{escape(title)}</h1>
<p>Practice account {escape(tenant_id)} &middot; patient {escape(account['patient_id'])} &middot; statement date {escape(str(account['as_of']))}</p>
<p class="amount-due">Amount due: <strong>{escape(str(account['balance']))}</strong></p>
{next_line}
<h2>Services</h2>
<table><thead><tr><th>Date of service</th><th>Insurance</th><th>Charge</th><th>Deductible</th><th>Coinsurance</th>
<th>Copay</th><th>Other</th><th>Other insurance paid</th><th>You paid</th><th>Balance</th></tr></thead><tbody>{claim_rows}</tbody></table>
<h2>Summary</h2><table><tbody>{totals}</tbody></table>
<h2>Aging</h2>
<table><thead><tr><th>Days</th><th>Amount</th><th>Items</th></tr></thead><tbody>{aging_rows}</tbody></table>
</body></html>"""
