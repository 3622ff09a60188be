"""Topics and ACLs, as the operator principal; safe to run again (existing ones stay as they are).

    python -m shared.kafka.provision        # KAFKA_* settings of the operator from the environment

Used by the local stack at every start and by the one-shot init job of docker-compose and Kubernetes.
"""
import asyncio

from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.protocol.admin import CreateAclsRequest_v1
from aiokafka.protocol.api import Request

from shared.kafka.acls import AclBinding, acl_table
from shared.kafka.admin import ensure_topics
from shared.kafka.security import kafka_security
from shared.settings import KafkaSettings

# Kafka's wire codes (org.apache.kafka.common.resource / acl enums).
RESOURCE_TYPES = {"TOPIC": 2, "GROUP": 3, "CLUSTER": 4}
OPERATIONS = {"READ": 3, "WRITE": 4, "DESCRIBE": 8, "IDEMPOTENT_WRITE": 12}
PATTERN_LITERAL, PERMISSION_ALLOW, ANY_HOST = 3, 3, "*"


class AclCreationFailed(RuntimeError):
    """The broker refused one or more ACLs (the message names them)."""


class CreateAclsBatch(Request[CreateAclsRequest_v1]):
    """Many ACLs in one CreateAcls request: aiokafka's admin client has no create_acls of its own."""

    API_KEY = 30

    def __init__(self, bindings: list[AclBinding]):
        self.bindings = bindings

    def build(self, request_struct_class: type[CreateAclsRequest_v1]) -> CreateAclsRequest_v1:
        return request_struct_class([
            (RESOURCE_TYPES[b.resource_type], b.resource_name, PATTERN_LITERAL, b.principal, ANY_HOST,
             OPERATIONS[b.operation], PERMISSION_ALLOW)
            for b in self.bindings
        ])


async def create_acls(admin: AIOKafkaAdminClient, bindings: list[AclBinding]) -> None:
    """Creating an ACL that exists already is a no-op on the broker, so this runs at every start."""
    response = await admin._send_request(CreateAclsBatch(bindings))  # noqa: SLF001 - no public API for it
    failed = [f"{b.principal} {b.operation} {b.resource_type}:{b.resource_name}: {message or code}"
              for b, (code, message) in zip(bindings, response.creation_responses) if code]
    if failed:
        raise AclCreationFailed("; ".join(failed[:5]))


async def provision(kafka: KafkaSettings) -> list[str]:
    """Creates the missing topics and every service's ACLs; returns the topics it created."""
    security = kafka_security(kafka)
    created = await ensure_topics(kafka.kafka_bootstrap_servers, partitions=kafka.kafka_topic_partitions,
                                  security=security)
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka.kafka_bootstrap_servers, **security)
    await admin.start()
    try:
        await create_acls(admin, acl_table())
    finally:
        await admin.close()
    return created


if __name__ == "__main__":
    topics_created = asyncio.run(provision(KafkaSettings()))
    print(f"created {len(topics_created)} topics; ACLs in place for {len(acl_table())} rules")
