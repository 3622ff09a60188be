"""The patient statement as practices mail it: who owes what for which visit, aging, the amount due and
the pay-by date, and a remit-to stub to tear off and send back with the payment."""
from datetime import date, timedelta

from shared.documents.pdf import Document

PAY_WITHIN_DAYS = 30
STAGE_TITLES = {"first_statement": "Statement", "reminder_30": "Reminder: balance 30 days past due",
                "reminder_60": "Second reminder: balance 60 days past due", "final_notice": "Final notice"}
COLUMNS = ("Service date", "Insurance", "Charge", "Deductible", "Coinsurance", "Copay", "Other",
           "Other ins.", "You paid", "Balance")
KEYS = ("date_of_service", "payer_id", "charge", "deductible", "coinsurance", "copay", "other", "other_payers_paid",
        "patient_paid", "balance")
WIDTHS = (20, 26, 17, 18, 19, 15, 15, 18, 17, 18)


def pay_by(statement_date: date) -> date:
    return statement_date + timedelta(days=PAY_WITHIN_DAYS)


def _address_lines(party: dict) -> list[str]:
    address = party.get("address") or {}
    zip_code = str(address.get("zip") or "")
    zip_text = f"{zip_code[:5]}-{zip_code[5:]}" if len(zip_code) == 9 else zip_code
    city = " ".join(filter(None, [f"{address.get('city', '')},", address.get("state"), zip_text]))
    return [line for line in (address.get("line1"), address.get("line2"), city.strip(" ,")) if line]


def _title(account: dict) -> str:
    cycle = account.get("statement_cycle") or {}
    return STAGE_TITLES.get(cycle.get("stage"), "Statement") if cycle.get("status") == "in_cycle" else "Account summary"


def statement_pdf(account: dict, practice: dict, *, recipient: dict | None) -> bytes:
    """`practice` is the tenant's billing provider; `recipient` the patient's name and mailing address."""
    statement_date = date.fromisoformat(str(account["as_of"]))
    due = account.get("amount_due", account["balance"])
    doc = Document(_title(account))
    doc.paragraph(practice.get("name", ""), *_address_lines(practice), bold=True)
    if recipient:
        doc.paragraph(recipient.get("name", ""), *_address_lines(recipient))
    doc.heading(_title(account))
    doc.key_values([("Statement date", statement_date.isoformat()), ("Account", account["patient_id"]),
                    ("Amount due", f"${due}"), ("Please pay by", pay_by(statement_date).isoformat())])
    if str(account.get("credit") or "0") not in ("0", "0.00"):
        doc.paragraph(f"Credit on your account: ${account['credit']} (applied to your next balance, "
                      "or refunded on request)")
    doc.table(COLUMNS, [[row.get(k) for k in KEYS] for row in account.get("claims", [])], widths=WIDTHS,
              numeric=range(2, 10))
    aging = account.get("aging") or {}
    doc.table(("Days since billed to you", "Amount", "Items"),
              [(name, bucket["amount"], bucket["count"]) for name, bucket in aging.items()],
              widths=(60, 40, 25), numeric=(1, 2))
    _contact(doc, practice)
    _stub(doc, account, practice, statement_date, due)
    return doc.bytes()


def _contact(doc: Document, practice: dict) -> None:
    contact = practice.get("contact") or {}
    phone = str(contact.get("phone") or "")
    if phone:
        doc.paragraph(f"Questions about this statement: {contact.get('name', '')} "
                      f"({phone[:3]}) {phone[3:6]}-{phone[6:]}", size=9)


def _stub(doc: Document, account: dict, practice: dict, statement_date: date, due) -> None:
    doc.at_page_bottom(86)
    doc.cut_line("Please detach and return this portion with your payment")
    doc.paragraph("Make checks payable to / remit to:", practice.get("name", ""), *_address_lines(practice), bold=True)
    doc.boxed("Account", account["patient_id"])
    doc.boxed("Statement date", statement_date.isoformat())
    doc.boxed("Pay by", pay_by(statement_date).isoformat())
    doc.boxed("Amount due", f"${due}")
    doc.boxed("Amount enclosed", "$")
