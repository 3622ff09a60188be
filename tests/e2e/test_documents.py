"""Printable documents through the public API: a patient statement, an appeal letter and the A/R aging
report download as PDF, and their rendered pages say what they must."""
import pypdfium2 as pdfium

from tests.e2e.support import encounter_body, settled, wait_for


def pdf_text(content: bytes) -> str:
    document = pdfium.PdfDocument(content)
    assert len(document) >= 1
    image = document[0].render(scale=1).to_pil().convert("L")
    assert image.getextrema()[0] < 100  # ink on the page, not a blank sheet
    return "".join(page.get_textpage().get_text_range() for page in document)


def _settled_claim(api, **overrides) -> tuple[dict, dict]:
    body = encounter_body(**overrides)
    encounter_id = api.post("/v1/encounters", json=body).json()["encounter_id"]
    claim_id = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e.get("claim_id"),
                        what="coding")["claim_id"]
    claim = wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), settled, timeout=90, what="adjudication")
    return body, claim


def test_statement_pdf_names_the_patient_the_amount_due_and_the_remit_to_stub(api):
    body, _ = _settled_claim(api)
    patient_id = body["patient"]["id"]
    response = api.get(f"/v1/patients/{patient_id}/statement", headers={"Accept": "application/pdf"})
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    text = pdf_text(response.content)
    balance = api.get(f"/v1/patients/{patient_id}/balance").json()
    for expected in ("RIVERSIDE FAMILY MEDICINE", body["patient"]["last_name"], "Amount due",
                     f"${balance['amount_due']}", "Please pay by", "Please detach", "Amount enclosed", patient_id):
        assert expected in text, expected
    html = api.get(f"/v1/patients/{patient_id}/statement")
    assert html.headers["content-type"].startswith("text/html")


def test_appeal_letter_and_aging_report_as_pdf(api):
    _, claim = _settled_claim(api, procedures=[{"code": "71046", "diagnosis_pointers": [1]}])
    denial = wait_for(lambda: api.get(f"/v1/claims/{claim['claim_id']}").json()["denials"], bool,
                      what="the denial")[0]
    assert api.get(f"/v1/denials/{denial['denial_id']}/appeal-letter").status_code == 404  # not appealed yet
    appealed = api.post(f"/v1/denials/{denial['denial_id']}/appeal",
                        json={"note": "Authorization was on file.", "enclosures": ["Authorization record"]})
    assert appealed.status_code == 200, appealed.text
    letter = api.get(f"/v1/denials/{denial['denial_id']}/appeal-letter", params={"format": "pdf"})
    assert letter.status_code == 200 and letter.headers["content-type"] == "application/pdf"
    text = pdf_text(letter.content)
    for expected in ("Request for reconsideration", claim["claim_id"], "Authorization was on file.",
                     "Authorization record", "SPRINGFIELD, IL 62701-1234"):
        assert expected in text, expected

    aging = api.get("/v1/reports/ar-aging", headers={"Accept": "application/pdf"})
    assert aging.status_code == 200 and aging.headers["content-type"] == "application/pdf"
    text = pdf_text(aging.content)
    assert "A/R aging" in text and "0-30" in text and "By payer" in text
