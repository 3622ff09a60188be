"""The invariants after a run, from each service's Postgres and the dead-letter topics."""
from collections import Counter
from uuid import UUID

from shared.settings import KafkaSettings
from shared.contracts.topics import ALL_TOPICS, dlq
from shared.kafka.dlq_admin import read_all
from tools.chaos import flow_checks, ledger_checks
from tools.chaos.messages import POISON_HEADER


async def dead_letters(kafka: KafkaSettings) -> dict:
    """Distinct failed messages (one message refused by three groups is one), ours told apart by header."""
    seen: dict[tuple, dict] = {}
    for topic in ALL_TOPICS:
        for record in await read_all(kafka, dlq(topic)):
            headers = {k: v for k, v in record.headers or ()}
            origin = (topic, headers.get("dlq.original_partition"), headers.get("dlq.original_offset"))
            seen.setdefault(origin, {"poison": POISON_HEADER in headers,
                                     "key": (record.key or b"").decode(errors="replace"),
                                     "error": headers.get("dlq.error", b"").decode(errors="replace")[:80],
                                     "where": f"{topic} by {headers.get('dlq.consumer_group', b'').decode()}"})
    others = [v for v in seen.values() if not v["poison"]]
    return {"dead_lettered": len(seen), "poison_dead_lettered": len(seen) - len(others),
            "other_dead_lettered": len(others),
            "other_errors": dict(Counter(v["error"] for v in others).most_common(5)),
            "other_by_topic_and_group": dict(Counter(v["where"] for v in others)),
            "keys": {v["key"] for v in others}}


async def unaccounted(db: str, tenant: UUID, accepted_by_client: set[str], dead_keys: set[str]) -> dict:
    return flow_checks.lost_summary(await flow_checks.places(db, tenant, dead_keys), accepted_by_client)


async def check(db: str, kafka: KafkaSettings, tenant: UUID, accepted_by_client: set[str],
                poison_injected: int) -> dict:
    letters = await dead_letters(kafka)
    lost = await unaccounted(db, tenant, accepted_by_client, letters.pop("keys"))
    regressed = await flow_checks.regressions(db, tenant, await ledger_checks.paid_claims(db, tenant))
    duplicated = await ledger_checks.duplicated(db, tenant)
    balances = await ledger_checks.balances(db, tenant)
    cash = await ledger_checks.cash(db, tenant)
    return {
        "lost": lost["lost"], "duplicated": duplicated["postings"] + duplicated["charges"],
        "regressed": regressed["regressed"], "dead_lettered": letters["dead_lettered"],
        "poison_injected": poison_injected, "cash_equals_deposits": cash["cash_equals_deposits"],
        "debits_equal_credits": balances["debits_equal_credits"],
        "details": {"lost": lost, "regressed": regressed, "duplicated": duplicated, "balances": balances,
                    "cash": cash, "dead_letters": letters},
    }


def failures(result: dict) -> list[str]:
    """The invariants a result breaks, in words; empty when the run passed."""
    rules = [
        (result["lost"] == 0, f"lost {result['lost']} encounters"),
        (result["regressed"] == 0, f"{result['regressed']} claims regressed"),
        (result["duplicated"] == 0, f"{result['duplicated']} duplicated ledger effects"),
        (result["dead_lettered"] == result["poison_injected"],
         f"dead-lettered {result['dead_lettered']} != poison injected {result['poison_injected']}"),
        (result.get("poison_dead_lettered", result["poison_injected"]) == result["poison_injected"],
         f"{result.get('poison_dead_lettered')} of {result['poison_injected']} poison messages dead-lettered"),
        (result["cash_equals_deposits"], "posted cash differs from BPR02"),
        (result["debits_equal_credits"], "debits differ from credits"),
        (result.get("ledger_hash_stable_after_replay", True), "ledger changed when every topic was replayed"),
        (not result.get("unrecovered"), f"never recovered from {result.get('unrecovered')}"),
    ]
    return [message for ok, message in rules if not ok]
