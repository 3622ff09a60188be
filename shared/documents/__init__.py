"""Printable documents (PDF) the platform sends to patients and payers."""
