"""The appeal (request for reconsideration) letter: the claim's facts, the payer's reasons and a
category-specific argument, as printable HTML. Every value is escaped: payer and EHR text is not
trusted markup. The letter goes to the payer, so it may carry PHI; exceptions here never do."""
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from html import escape

from shared.money import to_money

ARGUMENTS = {
    "authorization": "Authorization was obtained, was requested in good faith, or was not required for this "
                     "service under the plan's terms; the enclosed records show the service was needed when rendered.",
    "medical_necessity": "The enclosed clinical documentation establishes the medical necessity of the service "
                         "for the patient's documented condition, consistent with the applicable coverage policy.",
    "timely_filing": "The claim was first submitted within the filing limit; the enclosed clearinghouse acceptance "
                     "report is proof of timely filing.",
    "coding": "The codes and modifiers billed are supported by the documentation; where a code was in error, "
              "the corrected claim accompanies this request.",
    "bundling_ncci": "The services were distinct and separately identifiable (separate session, site or encounter), "
                     "as the documentation shows; separate payment is appropriate.",
    "missing_information": "The information the payer needed is enclosed; please reprocess the claim with it.",
    "eligibility_registration": "The patient was covered on the date of service; the enclosed eligibility "
                                "response confirms it.",
    "coordination_of_benefits": "The other coverage has been resolved; the enclosed explanation of benefits "
                                "shows this payer's responsibility.",
    "duplicate": "This claim is not a duplicate: it reports a separate service, as the dates, units and "
                 "documentation show.",
    "non_covered": "The service is a covered benefit under the patient's plan for the documented condition.",
}
DEFAULT_ARGUMENT = "We believe this claim was denied in error and ask that it be reconsidered."
DEFAULT_REQUEST = "Please reprocess the claim and pay it according to the plan's terms."


@dataclass(frozen=True)
class AppealFacts:
    practice_name: str
    practice_address: tuple[str, ...]
    payer_name: str
    claim_id: str
    payer_claim_number: str | None
    dates_of_service: tuple[date, ...]
    procedure_codes: tuple[str, ...]
    billed_amount: Decimal
    carc_texts: tuple[str, ...]  # "CO-197: Precertification/authorization/notification absent"
    category: str
    rarc_texts: tuple[str, ...] = ()
    denied_amount: Decimal | None = None
    requested_action: str | None = None
    argument: str | None = None  # overrides the category's paragraph
    note: str = ""
    patient_name: str | None = None
    member_id: str | None = None
    letter_date: date | None = None
    enclosures: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        for name in ("practice_name", "payer_name", "claim_id"):
            if not str(getattr(self, name) or "").strip():
                raise ValueError(f"appeal letter needs {name}")
        if not self.carc_texts:
            raise ValueError("appeal letter needs at least one denial reason")


Block = tuple[str, object]  # ("paragraph", [lines]) | ("heading", text) | ("facts", [(label, value)]) | ("list", [items])


def letter_blocks(facts: AppealFacts) -> list[Block]:
    """The letter's content once, in order; the HTML and the PDF are two renderings of it."""
    blocks: list[Block] = [
        ("paragraph", _lines(facts.letter_date.isoformat() if facts.letter_date else "")),
        ("paragraph", _lines(facts.practice_name, *facts.practice_address)),
        ("paragraph", _lines(facts.payer_name, "Appeals / Reconsideration")),
        ("title", "Request for reconsideration"), ("facts", _facts(facts)),
        ("heading", "Reason for denial"), ("list", [*facts.carc_texts, *facts.rarc_texts]),
        ("heading", "Basis for appeal"),
        ("paragraph", [facts.argument or ARGUMENTS.get(facts.category, DEFAULT_ARGUMENT)]),
        ("paragraph", _lines(facts.note.strip())),
        ("heading", "Requested action"), ("paragraph", [facts.requested_action or DEFAULT_REQUEST]),
    ]
    if facts.enclosures:
        blocks += [("heading", "Enclosures"), ("list", list(facts.enclosures))]
    blocks.append(("paragraph", ["Sincerely,", f"{facts.practice_name} billing office"]))
    return [block for block in blocks if block[1]]


def render_appeal_letter(facts: AppealFacts) -> str:
    """The whole letter as one HTML document."""
    body = "".join(_html(kind, content) for kind, content in letter_blocks(facts))
    return ("<!doctype html><html><head><meta charset=\"utf-8\"><title>Request for reconsideration</title>"
            f"</head><body>{body}</body></html>")


def _html(kind: str, content) -> str:
    if kind == "title":
        return f"<h1>{escape(content)}</h1>"
    if kind == "heading":
        return f"<h2>{escape(content)}</h2>"
    if kind == "facts":
        return "<table>" + "".join(f"<tr><th>{escape(label)}</th><td>{escape(value)}</td></tr>"
                                   for label, value in content) + "</table>"
    if kind == "list":
        return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in content) + "</ul>"
    return f"<p>{'<br>'.join(escape(line) for line in content)}</p>"


def _facts(facts: AppealFacts) -> list[tuple[str, str]]:
    rows = [
        ("Patient", facts.patient_name), ("Member ID", facts.member_id), ("Claim", facts.claim_id),
        ("Payer claim number", facts.payer_claim_number),
        ("Date(s) of service", ", ".join(d.isoformat() for d in facts.dates_of_service)),
        ("Procedure code(s)", ", ".join(facts.procedure_codes)),
        ("Billed amount", f"${to_money(facts.billed_amount):,}"),
        ("Amount in dispute", f"${to_money(facts.denied_amount):,}" if facts.denied_amount is not None else None),
    ]
    return [(label, value) for label, value in rows if value]


def _lines(*values: str) -> list[str]:
    return [value for value in values if value]
