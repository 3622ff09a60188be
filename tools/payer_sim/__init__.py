"""The payer/clearinghouse simulator: a test and demo tool, not part of the product."""
