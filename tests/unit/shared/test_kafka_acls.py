"""The ACL table: each service reaches exactly what it consumes and emits, and the table follows the code."""
import pytest

from shared.contracts import topics
from shared.kafka.acls import PLATFORM_TOPOLOGY, AclBinding, ServiceTopics, acl_table, service_acls
from tools.devstack.topology import PLATFORM_SERVICES

pytestmark = pytest.mark.unit


def rules_of(service: str) -> set[tuple[str, str, str]]:
    return {(r.resource_type, r.resource_name, r.operation) for r in acl_table() if r.principal == f"User:{service}"}


def test_coding_reads_its_inputs_writes_claim_coded_and_its_dead_letters_and_nothing_else():
    assert rules_of("coding") == {
        ("TOPIC", "encounter.documented", "READ"), ("TOPIC", "denial.opened", "READ"),
        ("TOPIC", "claim.coded", "WRITE"),
        ("TOPIC", "encounter.documented.dlq", "WRITE"), ("TOPIC", "denial.opened.dlq", "WRITE"),
        ("GROUP", "coding", "READ"), ("CLUSTER", "kafka-cluster", "IDEMPOTENT_WRITE"),
    }


def test_only_payments_writes_remittances_and_only_claims_writes_submissions():
    writers = lambda topic: {r.principal for r in acl_table()  # noqa: E731
                             if r.resource_name == topic and r.operation == "WRITE"}
    assert writers(topics.REMIT_RECEIVED) == {"User:payments", "User:gateway"}  # gateway: the DLQ replay
    assert writers(topics.CLAIM_SUBMITTED) == {"User:claims", "User:gateway"}


def test_a_service_reads_no_dead_letters_and_no_other_group_except_the_dashboard_gateway():
    for rule in acl_table():
        if rule.resource_type == "GROUP":
            assert rule.resource_name == rule.principal.removeprefix("User:")
        if rule.resource_name.endswith(".dlq") and rule.operation == "READ":
            assert rule.principal == "User:gateway"


def test_a_service_that_consumes_nothing_gets_no_group():
    rules = service_acls("emitter", ServiceTopics(consumes=(), emits=("claim.coded",)))
    assert rules == {AclBinding("User:emitter", "TOPIC", "claim.coded", "WRITE"),
                     AclBinding("User:emitter", "CLUSTER", "kafka-cluster", "IDEMPOTENT_WRITE")}


def test_every_platform_service_has_a_topology_and_every_topic_a_writer_and_a_reader():
    assert set(PLATFORM_TOPOLOGY) == set(PLATFORM_SERVICES)
    for topic in topics.ALL_TOPICS:
        assert any(topic in needs.emits for needs in PLATFORM_TOPOLOGY.values()), topic
        assert any(topic in needs.consumes for needs in PLATFORM_TOPOLOGY.values()), topic


def test_the_table_is_sorted_without_duplicates():
    table = acl_table()
    assert table == sorted(set(table))


def _routers() -> dict[str, object]:
    from services.claims.entrypoints.consumers import build_router as claims
    from services.coding.entrypoints.consumers import build_router as coding
    from services.denials.entrypoints.consumers import build_router as denials
    from services.gateway.entrypoints.consumers import build_router as gateway
    from services.payments.entrypoints.consumers import build_router as payments

    return {"claims": claims(catalog=None), "coding": coding(coder=None), "denials": denials(appeal_days=180),
            "gateway": gateway(), "payments": payments()}


def test_what_a_service_consumes_is_what_its_consumers_subscribe_to():
    for service, router in _routers().items():
        assert set(PLATFORM_TOPOLOGY[service].consumes) == set(router.subscriptions), service
