"""Kafka login settings: SASL needs a login, production refuses an anonymous broker, TLS only with SASL_SSL."""
import ssl

import pytest
from pydantic import ValidationError

from shared.kafka.security import kafka_security
from shared.settings import KafkaSettings

pytestmark = pytest.mark.unit


@pytest.fixture(autouse=True)
def no_kafka_environment(monkeypatch):
    """The session's stack fixture logs the test process in as the operator; these tests set their own."""
    for name in ("ENVIRONMENT", "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM", "KAFKA_SASL_USERNAME",
                 "KAFKA_SASL_PASSWORD", "KAFKA_SSL_CAFILE", "KAFKA_SSL_CERTFILE", "KAFKA_SSL_KEYFILE"):
        monkeypatch.delenv(name, raising=False)


def settings(**values) -> KafkaSettings:
    return KafkaSettings(_env_file=None, **values)


def test_plaintext_in_development_has_no_login():
    assert kafka_security(settings()) == {"security_protocol": "PLAINTEXT"}


def test_sasl_plaintext_gives_the_scram_login():
    options = kafka_security(settings(kafka_security_protocol="SASL_PLAINTEXT", kafka_sasl_username="claims",
                                      kafka_sasl_password="s3cret-value"))
    assert options == {"security_protocol": "SASL_PLAINTEXT", "sasl_mechanism": "SCRAM-SHA-512",
                       "sasl_plain_username": "claims", "sasl_plain_password": "s3cret-value"}


def test_sasl_ssl_adds_a_verifying_tls_context():
    options = kafka_security(settings(kafka_security_protocol="SASL_SSL", kafka_sasl_username="claims",
                                      kafka_sasl_password="s3cret-value", environment="production"))
    assert isinstance(options["ssl_context"], ssl.SSLContext)
    assert options["ssl_context"].verify_mode == ssl.CERT_REQUIRED


def test_the_password_is_not_in_the_settings_repr():
    value = settings(kafka_security_protocol="SASL_PLAINTEXT", kafka_sasl_username="claims",
                     kafka_sasl_password="s3cret-value")
    assert "s3cret-value" not in repr(value) and "s3cret-value" not in str(value.model_dump())


@pytest.mark.parametrize("values, message", [
    ({"kafka_security_protocol": "SASL_PLAINTEXT"}, "KAFKA_SASL_USERNAME"),
    ({"kafka_security_protocol": "SASL_SSL", "kafka_sasl_username": "claims"}, "KAFKA_SASL_PASSWORD"),
    ({"environment": "production"}, "KAFKA_SECURITY_PROTOCOL"),
    ({"kafka_ssl_cafile": "/ca.pem"}, "only with KAFKA_SECURITY_PROTOCOL=SASL_SSL"),
    ({"kafka_security_protocol": "SASL_SSL", "kafka_sasl_username": "a", "kafka_sasl_password": "b",
      "kafka_ssl_certfile": "/c.pem"}, "KAFKA_SSL_KEYFILE"),
    ({"environment": "production", "kafka_security_protocol": "SASL_SSL", "kafka_sasl_username": "a",
      "kafka_sasl_password": "b", "kafka_acks": "1"}, "KAFKA_ACKS must be 'all'"),
])
def test_unsafe_or_incomplete_settings_fail_fast(values, message):
    with pytest.raises(ValidationError, match=message):
        settings(**values)
