"""The pyx12 gate in its worker process gives the in-process verdicts, and outlives its worker."""
import asyncio
import os
import signal

import pytest

from services.claims.adapters.x12_gate_process import ProcessValidator
from services.claims.domain.x12_validation import validate_x12
from tests.unit.claims.pyx12_corpus import build_corpus

pytestmark = pytest.mark.integration


def _files() -> dict[str, str]:
    valid, broken, _ = build_corpus()
    return {**valid, **dict(list(broken.items())[:4])}


def test_the_worker_gives_the_verdicts_of_the_gate_in_this_process():
    files = _files()

    async def scenario():
        validator = ProcessValidator()
        await validator.start()
        try:
            return {name: await validator(text) for name, text in files.items()}
        finally:
            validator.close()

    verdicts = asyncio.run(scenario())
    assert verdicts == {name: validate_x12(text) for name, text in files.items()}
    assert any(verdicts.values()) and not all(verdicts.values())  # both kinds compared


def test_a_killed_worker_is_replaced_and_the_file_still_validated():
    valid, broken, _ = build_corpus()
    text = next(iter(broken.values()))

    async def scenario():
        validator = ProcessValidator()
        await validator.start()
        try:
            for pid in list(validator._executor()._processes):
                os.kill(pid, signal.SIGKILL)
            await asyncio.sleep(0.2)
            return await validator(text)
        finally:
            validator.close()

    assert asyncio.run(scenario()) == validate_x12(text) != []
