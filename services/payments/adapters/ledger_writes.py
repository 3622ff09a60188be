"""A batch's postings written in one statement: the transactions, and the entries of those it inserted.

The entries do not repeat their transaction's id, tenant, claim and patient as arrays of their own:
each entry names its transaction by position, and the statement takes those values from the
transaction's row. Amounts travel as text (the driver encodes a Decimal several times slower than a
string; the column's cast is exact). Every value of one column travels as one array, so the statement
text is the same whatever the batch's size and a connection prepares it once. A transaction whose
posting key is taken (the partial unique index) is not inserted, nor are its entries; the statement
answers the keys it did insert, so the caller can tell. It names that column, so it runs on the transaction's
driver as a read does (shared/db/driver_reads.py): no crossing into SQLAlchemy's greenlet for a batch's postings.

Entries are inserted in the order given (WITH ORDINALITY), so their serial ids follow the postings'
order, which readers of a claim's history sort by.

Texts and numbers travel as one array literal a column (shared/db/array_literals.py): asyncpg inspects every
element of a bound list in Python, which cost more than the entries' whole encoding. The ids stay lists: a
UUID's text costs more than the driver's binary encoding of it (shared/db/bulk.py's `_literal`).
"""
from sqlalchemy import column, text

from shared.db.array_literals import array_literal, printed_text

POSTINGS = text("""
WITH transactions AS (
    INSERT INTO ledger_transaction (id, tenant_id, claim_id, kind, remit_id, payer_claim_number,
                                    patient_payment_id, posting_key, memo)
    SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:tenant_ids AS uuid[]),
                         CAST(:claim_ids AS uuid[]), CAST(CAST(:kinds AS text) AS text[]),
                         CAST(:remit_ids AS uuid[]), CAST(CAST(:payer_claim_numbers AS text) AS text[]),
                         CAST(:patient_payment_ids AS uuid[]),
                         CAST(CAST(:posting_keys AS text) AS text[]), CAST(CAST(:memos AS text) AS text[]))
    ON CONFLICT (tenant_id, posting_key) WHERE posting_key IS NOT NULL DO NOTHING
    RETURNING id, tenant_id, claim_id, posting_key
), entries AS (
    INSERT INTO ledger_entry (transaction_id, tenant_id, claim_id, patient_id, account, amount, line_number, memo,
                              category)
    SELECT t.id, t.tenant_id, t.claim_id, p.patient_id, e.account, CAST(e.amount AS numeric), e.line_number,
           e.memo, e.category
    FROM unnest(CAST(CAST(:entry_of AS text) AS int4[]), CAST(CAST(:accounts AS text) AS text[]),
                CAST(CAST(:amounts AS text) AS text[]), CAST(CAST(:line_numbers AS text) AS int4[]),
                CAST(CAST(:entry_memos AS text) AS text[]), CAST(CAST(:categories AS text) AS text[]))
         WITH ORDINALITY AS e(posting, account, amount, line_number, memo, category, row_order)
    JOIN unnest(CAST(:ids AS uuid[]), CAST(CAST(:patient_ids AS text) AS text[]))
         WITH ORDINALITY AS p(id, patient_id, posting)
      ON p.posting = e.posting
    JOIN transactions t ON t.id = p.id
    ORDER BY e.row_order
)
SELECT posting_key FROM transactions""").columns(column("posting_key"))


def posting_columns(postings: list) -> dict[str, list | str]:
    """The statement's values: one value per posting (transactions) and one per entry (entries), the ids as lists
    and the rest as array literals."""
    entries = [(n, e) for n, p in enumerate(postings, start=1) for e in p.transaction.entries]
    return {
        "ids": [p.id for p in postings],
        "tenant_ids": [p.tenant_id for p in postings],
        "claim_ids": [p.claim_id for p in postings],
        "kinds": array_literal([p.transaction.kind for p in postings]),
        "remit_ids": [p.remit_id for p in postings],
        "payer_claim_numbers": array_literal([p.payer_claim_number for p in postings]),
        "patient_payment_ids": [p.patient_payment_id for p in postings],
        "posting_keys": array_literal([p.posting_key for p in postings]),
        "memos": array_literal([p.memo for p in postings]),
        "patient_ids": array_literal([p.patient_id for p in postings]),
        "entry_of": array_literal([n for n, _ in entries], printed_text),
        "accounts": array_literal([e.account for _, e in entries]),
        "amounts": array_literal([e.amount for _, e in entries], printed_text),
        "line_numbers": array_literal([e.line_number for _, e in entries], printed_text),
        "entry_memos": array_literal([e.memo for _, e in entries]),
        "categories": array_literal([e.category for _, e in entries]),
    }
