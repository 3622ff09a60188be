"""What runs: the processes, their ports and their environment. docker-compose.yml mirrors this
(tests/integration/test_compose.py checks that it does)."""
from dataclasses import dataclass, field

PLATFORM_SERVICES = ("coding", "claims", "payments", "denials", "gateway")
COMMON_ENV = ("ENVIRONMENT", "KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM",
              "DATABASE_URL", "INTERNAL_TOKEN_SECRET", "SPAN_LOG_DIR", "LOG_LEVEL")
OPERATOR = "admin"  # the broker's super user: topics, ACLs, the DLQ tool, tests
KAFKA_PRINCIPALS = (*PLATFORM_SERVICES, OPERATOR, "broker")  # one SCRAM login each
CLEARINGHOUSE_CALLBACK_SERVICES = ("claims", "payments")  # the routes the clearinghouse calls back
PAYER_SIM_SEED = 7  # the simulator's members, prices and answers: the same on every stack


@dataclass(frozen=True)
class Ports:
    gateway: int = 8000
    coding: int = 8001
    claims: int = 8002
    payments: int = 8003
    denials: int = 8004
    payer_sim: int = 8009
    kafka: int = 9092
    postgres: int = 54329

    @classmethod
    def offset(cls, delta: int) -> "Ports":
        """Every port moved by `delta`; Postgres (54329 + delta) drops to delta + 329 past the port range."""
        base = cls()
        ports = {name: getattr(base, name) + delta for name in base.__dataclass_fields__}
        if ports["postgres"] > 65535:
            ports["postgres"] = delta + 329
        if max(ports.values()) > 65535 or min(ports.values()) < 1024:
            raise ValueError(f"port offset {delta} puts a port outside 1024-65535")
        return cls(**ports)

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{getattr(self, name)}"


@dataclass(frozen=True)
class ProcessSpec:
    name: str
    app: str
    port: int
    env: dict[str, str] = field(default_factory=dict)
    factory: bool = True


def kafka_login(name: str, passwords: dict[str, str]) -> dict[str, str]:
    """The principal a process logs in to the broker as: its own name."""
    return {"KAFKA_SASL_USERNAME": name, "KAFKA_SASL_PASSWORD": passwords[name]}


def process_specs(ports: Ports, *, common: dict[str, str], admin_api_key: str, payer_sim_state: str,
                  kafka_passwords: dict[str, str], clearinghouse_callback_key: str) -> list[ProcessSpec]:
    callback = {"CLEARINGHOUSE_CALLBACK_KEY": clearinghouse_callback_key}
    specific: dict[str, dict[str, str]] = {
        "coding": {},
        "claims": {"CLEARINGHOUSE_URL": ports.url("payer_sim"), "CLEARINGHOUSE_MODE": "http", **callback},
        "payments": {**callback},
        "denials": {},
        "gateway": {
            "CODING_URL": ports.url("coding"),
            "CLAIMS_URL": ports.url("claims"),
            "PAYMENTS_URL": ports.url("payments"),
            "DENIALS_URL": ports.url("denials"),
            "ADMIN_API_KEY": admin_api_key,
        },
    }
    specs = [
        ProcessSpec(name, f"services.{name}.app:main", getattr(ports, name),
                    {**common, **kafka_login(name, kafka_passwords), **specific[name]})
        for name in PLATFORM_SERVICES
    ]
    specs.append(
        ProcessSpec(
            "payer_sim", "tools.payer_sim.app:app", ports.payer_sim,
            {
                **callback,
                "LOG_LEVEL": common["LOG_LEVEL"],
                "ACK_CALLBACK_URL": f"{ports.url('claims')}/internal/clearinghouse/acks",
                "ERA_CALLBACK_URL": f"{ports.url('payments')}/internal/clearinghouse/era",
                "PAYER_SIM_SEED": str(PAYER_SIM_SEED),
                "PAYER_SIM_STATE_PATH": payer_sim_state,
                "PAYER_SIM_ACK_DELAY_SECONDS": "0.2",
                "PAYER_SIM_ERA_DELAY_SECONDS": "1.0",
            },
            factory=False,
        )
    )
    return specs
