"""Statements and the aging report as PDF: the text a patient or a billing team reads, on a real page."""
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from services.gateway.documents.aging import aging_pdf
from services.gateway.documents.statement import statement_pdf

pytestmark = pytest.mark.unit
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "documents"

PRACTICE = {"name": "RIVERSIDE FAMILY MEDICINE", "address": {"line1": "100 MAIN ST", "city": "SPRINGFIELD",
                                                              "state": "IL", "zip": "627011234"},
            "contact": {"name": "BILLING OFFICE", "phone": "2175550143"}}
ACCOUNT = {"patient_id": "MRN-0042", "as_of": "2026-12-01", "balance": "19.00", "credit": "0.00",
           "amount_due": "19.00",
           "claims": [{"date_of_service": "2026-11-02", "payer_id": "AETNA", "charge": "147.00", "deductible": "0.00",
                       "coinsurance": "19.00", "copay": "0.00", "other": "0.00", "other_payers_paid": "0.00",
                       "patient_paid": "0.00", "balance": "19.00"}],
           "aging": {"0-30": {"amount": "19.00", "count": 1}, "31-60": {"amount": "0.00", "count": 0}},
           "statement_cycle": {"status": "in_cycle", "stage": "first_statement"}}
RECIPIENT = {"name": "ANA MUÑOZ", "address": {"line1": "12 OAK ST", "city": "SPRINGFIELD", "state": "IL",
                                               "zip": "62704"}}
AGING = {"as_of": "2026-12-01", "buckets": ["0-30", "31-60", "61-90", "91-120", "120+"],
         "tenant": {"amount": "120.00", "count": 2, "buckets": {b: {"amount": "60.00" if b in ("0-30", "120+") else "0.00",
                                                                     "count": 1 if b in ("0-30", "120+") else 0}
                                                                 for b in ["0-30", "31-60", "61-90", "91-120", "120+"]}},
         "by_payer": {}, "by_provider": {}}
AGING["by_payer"] = {"AETNA": AGING["tenant"]}
AGING["by_provider"] = {"1245319599": AGING["tenant"]}


def read(pdf: bytes, name: str) -> tuple[str, list]:
    """All text of the document, and each page rendered as an image (kept for a person to look at)."""
    document = pdfium.PdfDocument(pdf)
    text, images = "", []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for index, page in enumerate(document):
        text += page.get_textpage().get_text_range()
        image = page.render(scale=1.5).to_pil()
        image.save(ARTIFACTS / f"{name}-{index + 1}.png")
        images.append(image)
    return text, images


def inked_rows(image) -> list[int]:
    """The pixel rows that hold anything but white paper."""
    gray = image.convert("L")
    width, height = gray.size
    pixels = gray.load()
    return [y for y in range(height) if any(pixels[x, y] < 200 for x in range(0, width, 3))]


def test_statement_has_amount_due_pay_by_date_and_a_remit_to_stub():
    text, images = read(statement_pdf(ACCOUNT, PRACTICE, recipient=RECIPIENT), "statement")
    for expected in ("RIVERSIDE FAMILY MEDICINE", "SPRINGFIELD, IL 62701-1234", "ANA MU", "Statement date",
                     "2026-12-01", "Amount due", "$19.00", "Please pay by", "2026-12-31", "Please detach",
                     "Amount enclosed", "(217) 555-0143", "147.00", "Coinsurance"):
        assert expected in text, expected
    assert len(images) == 1  # one visit fits one page, stub included
    page = images[0]
    assert page.size[0] < page.size[1]  # a portrait letter page
    rows = inked_rows(page)
    assert rows and max(rows) > page.size[1] * 0.5  # the stub sits in the page's lower part


def test_aging_report_lists_every_bucket_per_payer_and_provider():
    text, images = read(aging_pdf(AGING, "RIVERSIDE FAMILY MEDICINE"), "ar-aging")
    for expected in ("A/R aging: RIVERSIDE FAMILY MEDICINE", "0-30", "120+", "AETNA", "1245319599", "120.00"):
        assert expected in text, expected
    assert inked_rows(images[0])


def test_appeal_letter_pdf_carries_the_same_facts_as_the_html_letter():
    from services.denials.adapters.appeal_letter_pdf import appeal_letter_pdf
    from tests.unit.denials.test_appeal_letter import facts

    letter = facts(enclosures=("Operative report", "Authorization AUTH778899"))
    text, images = read(appeal_letter_pdf(letter), "appeal-letter")
    for expected in ("Request for reconsideration", "Reason for denial", "Basis for appeal", "Requested action",
                     "Enclosures", "Operative report", "Authorization AUTH778899", letter.claim_id,
                     letter.payer_name, "Sincerely"):
        assert expected in text, expected
    assert inked_rows(images[0])
