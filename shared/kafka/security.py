"""Settings -> the keyword arguments every aiokafka client needs to log in to the broker."""
from typing import Any

from aiokafka.helpers import create_ssl_context

from shared.settings import KafkaSettings


def kafka_security(settings: KafkaSettings) -> dict[str, Any]:
    """security_protocol, SASL login and TLS context for AIOKafkaProducer/Consumer/AdminClient.

    The password leaves its SecretStr only here, on its way into the client."""
    protocol = settings.kafka_security_protocol
    options: dict[str, Any] = {"security_protocol": protocol}
    if protocol.startswith("SASL_"):
        options.update(
            sasl_mechanism=settings.kafka_sasl_mechanism,
            sasl_plain_username=settings.kafka_sasl_username,
            sasl_plain_password=settings.kafka_sasl_password.get_secret_value(),  # type: ignore[union-attr]
        )
    if protocol == "SASL_SSL":
        options["ssl_context"] = create_ssl_context(
            cafile=settings.kafka_ssl_cafile, certfile=settings.kafka_ssl_certfile, keyfile=settings.kafka_ssl_keyfile,
        )
    return options


def client_options(settings: KafkaSettings) -> dict[str, Any]:
    """Where the broker is and how to log in: the keyword arguments of any aiokafka client."""
    return {"bootstrap_servers": settings.kafka_bootstrap_servers, **kafka_security(settings)}
