"""The intake writer: concurrent POST /v1/encounters share one transaction (see group_commit.py)."""
from services.gateway.application.accept_encounters import Accepted, Submission, accept_encounters
from services.gateway.adapters.group_commit import GroupCommit, in_one_transaction

MAX_BATCH = 200
WRITE_TIMEOUT_SECONDS = 10


def intake_writer(units_of_work) -> GroupCommit[Submission, Accepted]:
    return GroupCommit("intake", in_one_transaction(units_of_work, accept_encounters), max_batch=MAX_BATCH,
                       timeout_seconds=WRITE_TIMEOUT_SECONDS)
