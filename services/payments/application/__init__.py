"""Payments use cases: one module per business step, over the PaymentsUnitOfWork."""
