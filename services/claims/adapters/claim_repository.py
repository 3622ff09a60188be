"""`uow.claims`: one repository over the claims table, assembled from the modules that each serve one job.

    claim_rows.py         single claims as table rows (the API's steps)
    new_claims.py         claim.coded: ids already billed, live lines of the batch's days, the inserts
    claim_round.py        the submission round: ready claims, a file's claims at hand-over, the write-back
    claims_by_key.py      claims named by (tenant, patient control number): acks, remits, payer answers
    claim_corrections.py  replacements, voids, the next payer's claim, an encounter's places
"""
from services.claims.adapters.claim_corrections import ClaimCorrections
from services.claims.adapters.claim_round import RoundClaims
from services.claims.adapters.claim_rows import ClaimRows
from services.claims.adapters.claims_by_key import ClaimsByPcn
from services.claims.adapters.new_claims import NewClaims


class ClaimRepository(ClaimRows, NewClaims, RoundClaims, ClaimsByPcn, ClaimCorrections):
    """Set-based reads and writes of claims and their lines; single claims as rows for the API's steps."""
