"""Push one encounter through the generated Python client, wait for its claim and read the 837P it went out in.

    PYTHONPATH=clients/python BILLING_API_KEY=bk_... .venv/bin/python examples/push_encounter.py [encounter.json]

BILLING_API_URL defaults to the gateway of `make run` (http://localhost:8000); the body defaults to the
README's intake example. Prints ids, statuses and X12 envelope segments only: no patient data.
"""
import json
import os
import sys
import time
from pathlib import Path
from typing import TypeVar
from uuid import UUID

import httpx
from billing_platform_client import AuthenticatedClient
from billing_platform_client.api.billing import get_claim, get_claim_837
from billing_platform_client.api.encounters import get_encounter, post_encounter
from billing_platform_client.models import EncounterAccepted, EncounterIn, Problem

DEFAULT_BODY = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "intake" / "encounter.json"
WAIT_SECONDS = 90
POLL_SECONDS = 0.5
ENVELOPE = ("ISA", "GS", "ST", "BHT", "CLM", "SE", "GE", "IEA")

T = TypeVar("T")


class ApiError(Exception):
    """The API answered a problem (or nothing the document describes)."""


def answer(result: T | Problem | None) -> T:
    """The typed answer of an operation; its problem+json answer raised as an error."""
    if isinstance(result, Problem):
        raise ApiError(f"{result.status} {result.title}: {result.detail or ''}".rstrip(": "))
    if result is None:
        raise ApiError("an answer the API document does not describe")
    return result


def poll(fetch, what: str):
    """`fetch()` until it returns something other than None, for at most WAIT_SECONDS."""
    deadline = time.monotonic() + WAIT_SECONDS
    while (found := fetch()) is None:
        if time.monotonic() > deadline:
            raise ApiError(f"no {what} after {WAIT_SECONDS} s")
        time.sleep(POLL_SECONDS)
    return found


def push(client: AuthenticatedClient, encounter: EncounterIn) -> EncounterAccepted:
    return answer(post_encounter.sync(client=client, body=encounter))


def claim_of(client: AuthenticatedClient, encounter_id: UUID) -> UUID | None:
    """The encounter's claim once coding has released it (its view read as a plain mapping: typed or not)."""
    encounter = answer(get_encounter.sync(encounter_id, client=client)).to_dict()
    if encounter.get("status") == "failed":
        raise ApiError(f"encounter {encounter_id} failed: {encounter.get('failure')}")
    return UUID(encounter["claim_id"]) if encounter.get("claim_id") else None


def sent_837(client: AuthenticatedClient, claim_id: UUID) -> str | None:
    """The 837P interchange the claim was sent in; None (a 404) until it has been sent."""
    result = get_claim_837.sync(claim_id, client=client)
    if isinstance(result, Problem) and result.status == 404:
        return None
    return answer(result)


def main(body_path: Path) -> int:
    encounter = EncounterIn.from_dict(json.loads(body_path.read_text()))
    base_url = os.environ.get("BILLING_API_URL", "http://localhost:8000")
    with AuthenticatedClient(base_url=base_url, token=os.environ["BILLING_API_KEY"],
                             timeout=httpx.Timeout(30)) as client:
        accepted = push(client, encounter)
        print(f"encounter {accepted.encounter_id}: {accepted.status}")
        claim_id = poll(lambda: claim_of(client, accepted.encounter_id), "claim")
        x12 = poll(lambda: sent_837(client, claim_id), "837P")
        claim = answer(get_claim.sync(claim_id, client=client)).to_dict()
        print(f"claim {claim_id}: {claim['status']}, total charge {claim['total_charge']}")
        segments = [s.strip() for s in x12.split("~") if s.strip()]
        print(f"837P: {len(segments)} segments")
        for segment in segments:
            if segment.split("*")[0] in ENVELOPE:
                print(f"  {segment}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_BODY))
    except ApiError as exc:
        sys.exit(f"error: {exc}")
