"""Encounters pushed through the gateway, varied but valid, retried until the gateway accepts them.

Re-sending an encounter with the same external_id returns the same encounter, so a retry after a
timeout or a 5xx (the gateway or its database may be down) never makes a second one.
"""
import asyncio
import copy
import json
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.e2e.support import medicare_beneficiary_id

FIXTURE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "intake" / "encounter.json"
WAIVED_FOR_MEDICARE = {"83036"}
PAYERS = ("AETNA", "BCBS", "UHC", "CIGNA", "MEDICARE")
DIAGNOSES = (["E11.9", "I10"], ["I10", "E78.5"], ["E11.9", "E78.5"])
PROCEDURES = (  # (code, diagnosis pointers); 71046 without an authorization is denied by the payer
    [("99213", [1, 2]), ("36415", [1])],
    [("99214", [1, 2]), ("83036", [1])],
    [("99212", [1])],
    [("99213", [1, 2]), ("80053", [1]), ("36415", [1])],
    [("99213", [1, 2]), ("93000", [2])],
    [("71046", [1])],
)


def encounter(rng: random.Random, seed: int, number: int) -> dict:
    """The fixture with its own ids and a seeded choice of payer, diagnoses and procedures."""
    body = copy.deepcopy(_fixture())
    body["external_id"] = f"CHAOS-{seed}-{number:07d}"
    body["patient"]["id"] = f"MRN-C{seed}-{number:07d}"
    member_number = rng.randrange(10**9)
    body["coverage"]["payer_id"] = rng.choice(PAYERS)
    medicare = body["coverage"]["payer_id"] == "MEDICARE"  # Medicare holds a claim whose member id is not an MBI
    body["coverage"]["member_id"] = medicare_beneficiary_id(member_number) if medicare else f"W{member_number:09d}"
    body["diagnoses"] = list(rng.choice(DIAGNOSES))
    waived = ["QW"] if medicare else []  # CLIA-waived A1c billed to Medicare
    body["procedures"] = [{"code": code, "modifiers": waived if code in WAIVED_FOR_MEDICARE else [], "units": 1,
                           "diagnosis_pointers": pointers} for code, pointers in rng.choice(PROCEDURES)]
    return body


_FIXTURE: dict = {}


def _fixture() -> dict:
    if not _FIXTURE:
        _FIXTURE.update(json.loads(FIXTURE.read_text()))
    return _FIXTURE


@dataclass
class Load:
    """What the load has done so far; read by the progress bar and the fault runner."""

    target: int
    launched: int = 0
    accepted: list[str] = field(default_factory=list)
    refused: int = 0  # a 4xx other than 429: the body was wrong, never retried
    retries: int = 0
    limit: int = 0  # the fault runner raises it; the load never launches past it
    done: bool = False


async def post_until_accepted(client: httpx.AsyncClient, body: dict, load: Load, deadline: float) -> None:
    delay = 0.25
    while time.monotonic() < deadline:
        try:
            response = await client.post("/v1/encounters", json=body)
            if response.status_code in (200, 201, 202):
                load.accepted.append(response.json()["encounter_id"])
                return
            if 400 <= response.status_code < 500 and response.status_code not in (408, 409, 429):
                load.refused += 1
                return
        except httpx.HTTPError:
            pass
        load.retries += 1
        await asyncio.sleep(delay)
        delay = min(delay * 2, 5.0)


async def push(url: str, api_key: str, load: Load, *, seed: int, rate: float, concurrency: int,
               deadline: float) -> None:
    """Launches `load.target` encounters at `rate` per second, never past `load.limit`, until the deadline."""
    rng = random.Random(f"encounters:{seed}")
    limit = asyncio.Semaphore(concurrency)
    tasks = set()
    async with httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {api_key}"}, timeout=30) as client:
        async def one(body: dict) -> None:
            async with limit:
                await post_until_accepted(client, body, load, deadline)

        while load.launched < load.target and time.monotonic() < deadline:
            if load.launched >= load.limit:
                await asyncio.sleep(0.1)
                continue
            task = asyncio.create_task(one(encounter(rng, seed, load.launched)))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
            load.launched += 1
            await asyncio.sleep(1 / rate)
        await asyncio.gather(*tasks)
    load.done = True
