"""Who may do what on the broker, computed from what each service consumes and emits.

The broker refuses everything no ACL allows (allow.everyone.if.no.acl.found=false), so this table is
the whole of a service's reach: READ on the topics it consumes and on its own consumer group (the
group id is the service name), WRITE on the topics it emits and on the dead-letter topic of each
topic it consumes, IDEMPOTENT_WRITE on the cluster for its idempotent producer. READ and WRITE
imply DESCRIBE. The operator principal is a super user and needs no row.
"""
from dataclasses import dataclass
from typing import Literal

from shared.contracts import topics as t

CLUSTER = "kafka-cluster"
ResourceType = Literal["TOPIC", "GROUP", "CLUSTER"]
Operation = Literal["READ", "WRITE", "IDEMPOTENT_WRITE"]


@dataclass(frozen=True)
class ServiceTopics:
    consumes: tuple[str, ...]
    emits: tuple[str, ...]
    replays_dead_letters: bool = False  # the ops dashboard lists every DLQ and sends a message back home


PLATFORM_TOPOLOGY: dict[str, ServiceTopics] = {
    "gateway": ServiceTopics(
        consumes=(t.CLAIM_ACKNOWLEDGED, t.PAYMENT_POSTED, t.DENIAL_OPENED,
                  t.dlq(t.ENCOUNTER_DOCUMENTED), t.dlq(t.CLAIM_CODED)),  # a dead-lettered encounter shows `failed`
        emits=(t.TENANT_REGISTERED, t.ENCOUNTER_DOCUMENTED),
        replays_dead_letters=True,
    ),
    "coding": ServiceTopics(consumes=(t.ENCOUNTER_DOCUMENTED, t.DENIAL_OPENED), emits=(t.CLAIM_CODED,)),
    "claims": ServiceTopics(
        consumes=(t.TENANT_REGISTERED, t.CLAIM_CODED, t.REMIT_RECEIVED, t.DENIAL_OPENED, t.CLAIM_CORRECTION_REQUESTED),
        emits=(t.CLAIM_SUBMITTED, t.CLAIM_ACKNOWLEDGED),
    ),
    "payments": ServiceTopics(
        consumes=(t.CLAIM_SUBMITTED, t.REMIT_RECEIVED, t.DENIAL_RESOLVED),
        emits=(t.REMIT_RECEIVED, t.PAYMENT_POSTED),
    ),
    "denials": ServiceTopics(
        consumes=(t.TENANT_REGISTERED, t.CLAIM_SUBMITTED, t.REMIT_RECEIVED),
        emits=(t.DENIAL_OPENED, t.DENIAL_RESOLVED, t.CLAIM_CORRECTION_REQUESTED),
    ),
}


@dataclass(frozen=True, order=True)
class AclBinding:
    """One ALLOW rule for one principal, on a literal resource name, from any host."""

    principal: str
    resource_type: ResourceType
    resource_name: str
    operation: Operation


def principal(service: str) -> str:
    return f"User:{service}"


def service_acls(service: str, needs: ServiceTopics) -> set[AclBinding]:
    who = principal(service)
    rules = {AclBinding(who, "CLUSTER", CLUSTER, "IDEMPOTENT_WRITE")}
    rules |= {AclBinding(who, "TOPIC", topic, "WRITE") for topic in needs.emits}
    for topic in needs.consumes:
        rules.add(AclBinding(who, "TOPIC", topic, "READ"))
        if not topic.endswith(".dlq"):  # a dead letter that cannot be read is logged, never dead-lettered again
            rules.add(AclBinding(who, "TOPIC", t.dlq(topic), "WRITE"))
    if needs.consumes:
        rules.add(AclBinding(who, "GROUP", service, "READ"))
    if needs.replays_dead_letters:
        rules |= {AclBinding(who, "TOPIC", t.dlq(topic), "READ") for topic in t.ALL_TOPICS}
        rules |= {AclBinding(who, "TOPIC", topic, "WRITE") for topic in t.ALL_TOPICS}
    return rules


def acl_table(topology: dict[str, ServiceTopics] = PLATFORM_TOPOLOGY) -> list[AclBinding]:
    """Every ALLOW rule the platform needs, sorted (a pure function: the unit tests read it whole)."""
    return sorted(rule for service, needs in topology.items() for rule in service_acls(service, needs))
