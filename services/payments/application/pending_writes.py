"""What a batch use case has computed but not written yet: written with one statement per table (the ledger's
transactions and entries together).

Written before an event that needs every rule reads the tables (so it sees the batch so far), and at the end.
"""
from services.payments.adapters.ledger_repository import Posting
from services.payments.adapters.repositories import PaymentsUnitOfWork


class PendingWrites:
    def __init__(self) -> None:
        self.receivables: list[dict] = []
        self.postings: list[Posting] = []
        self.waiting: list[dict] = []  # suspense rows

    async def write(self, uow: PaymentsUnitOfWork) -> None:
        await uow.billed_claims.add_many(self.receivables)
        await uow.ledger.add_many(self.postings)
        await uow.suspense.add_many(self.waiting)
        self.receivables, self.postings, self.waiting = [], [], []
