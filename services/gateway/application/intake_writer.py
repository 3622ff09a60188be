"""The intake writer: concurrent POST /v1/encounters share one transaction (see group_commit.py)."""
from services.gateway.application.accept_encounters import Accepted, Submission, accept_encounters
from services.gateway.adapters.audit_append import ChainHead
from services.gateway.adapters.group_commit import GroupCommit, in_one_transaction

MAX_BATCH = 200
WRITE_TIMEOUT_SECONDS = 10


def intake_writer(units_of_work, chain_head: ChainHead) -> GroupCommit[Submission, Accepted]:
    """Each batch's audit entries link after the head this process's writers committed last (`chain_head`):
    the statement that writes them checks it, where a statement of its own would read it."""

    async def accept_after_known_head(uow, submissions: list[Submission]) -> list[Accepted]:
        uow.audit.remember(chain_head)
        return await accept_encounters(uow, submissions)

    return GroupCommit("intake", in_one_transaction(units_of_work, accept_after_known_head), max_batch=MAX_BATCH,
                       timeout_seconds=WRITE_TIMEOUT_SECONDS)
