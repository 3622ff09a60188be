"""The appeal letter as the PDF payers take by upload or fax: the same blocks as the HTML letter."""
from shared.documents.pdf import Document
from services.denials.domain.appeal_letter import AppealFacts, letter_blocks


def appeal_letter_pdf(facts: AppealFacts) -> bytes:
    doc = Document("Request for reconsideration")
    for kind, content in letter_blocks(facts):
        if kind == "title":
            doc.heading(content, size=15)
        elif kind == "heading":
            doc.heading(content, size=11)
        elif kind == "facts":
            doc.key_values(content)
        elif kind == "list":
            doc.paragraph(*(f"- {item}" for item in content))
        else:
            doc.paragraph(*content)
    return doc.bytes()
