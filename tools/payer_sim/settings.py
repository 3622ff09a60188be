from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class SimSettings(BaseSettings):
    """The simulator is an outside party: it holds the clearinghouse's callback key and no platform secret."""

    model_config = SettingsConfigDict(extra="ignore")

    payer_sim_seed: int = 7
    payer_sim_state_path: str = ".run/payer_sim.sqlite3"
    ack_callback_url: str = "http://127.0.0.1:8002/internal/clearinghouse/acks"
    era_callback_url: str = "http://127.0.0.1:8003/internal/clearinghouse/era"
    payer_sim_ack_delay_seconds: float = 0.2
    payer_sim_era_delay_seconds: float = 1.0
    clearinghouse_callback_key: SecretStr | None = None  # without it, the platform refuses every callback
