"""pyx12 in the claims service's worker process: the same verdicts as in this process, a worker that dies
replaced, and a file never taken for valid when no worker could check it."""
import functools
import os
from datetime import datetime, timezone

import pytest

from services.claims.adapters.x12_validator import ValidatorUnavailable, WorkerValidator, validate_in_thread
from services.claims.domain.x12_validation import validate_x12
from services.claims.domain.x837 import write_837p
from tests.unit.claims.builders import varied_claim

pytestmark = pytest.mark.unit


def _file(claims: int) -> str:
    return write_837p([varied_claim(i) for i in range(claims)], sender_id="BILLINGPLATFORM", receiver_id="60054",
                      interchange_control_number=7, group_control_number=7,
                      created_at=datetime(2026, 12, 2, 12, tzinfo=timezone.utc))


def _dies_on_first_claim_file(marker: str, text: str) -> list[str]:
    """Kills its worker at the first file with a claim in it (the warm-up has none), then validates."""
    if "CLM*" in text and not os.path.exists(marker):
        open(marker, "w").close()
        os._exit(1)
    return validate_x12(text)


def _dies_on_every_claim_file(text: str) -> list[str]:
    if "CLM*" in text:
        os._exit(1)
    return validate_x12(text)


@pytest.fixture
def worker():
    validators = []

    def make(check=validate_x12) -> WorkerValidator:
        validators.append(WorkerValidator(check))
        validators[-1].start()
        return validators[-1]

    yield make
    for validator in validators:
        validator.close()


async def test_the_worker_gives_the_verdicts_of_pyx12_in_this_process(worker):
    valid = _file(3)
    broken = valid.replace("SE*", "SE*9", 1).replace("~DMG*D8*", "~DMG*D8*2026", 1)
    validator = worker()

    assert await validator.validate(valid) == await validate_in_thread(valid) == []
    refused = await validator.validate(broken)
    assert refused and refused == await validate_in_thread(broken)


async def test_a_worker_that_dies_is_replaced_and_the_file_checked_again(worker, tmp_path):
    broken = _file(2).replace("~DMG*D8*", "~DMG*D8*2026", 1)
    validator = worker(functools.partial(_dies_on_first_claim_file, str(tmp_path / "died")))

    assert await validator.validate(broken) == validate_x12(broken) != []
    assert (tmp_path / "died").exists()
    assert await validator.validate(_file(1)) == []


async def test_a_file_no_worker_could_check_is_never_taken_for_valid(worker):
    validator = worker(_dies_on_every_claim_file)

    with pytest.raises(ValidatorUnavailable):
        await validator.validate(_file(1))
    assert await validator.validate("not an interchange")  # the next file gets a fresh worker, and its verdict
