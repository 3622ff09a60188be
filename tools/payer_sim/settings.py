from pydantic_settings import BaseSettings, SettingsConfigDict


class SimSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore")

    payer_sim_seed: int = 7
    payer_sim_state_path: str = ".run/payer_sim.sqlite3"
    ack_callback_url: str = "http://127.0.0.1:8002/internal/clearinghouse/acks"
    era_callback_url: str = "http://127.0.0.1:8003/internal/clearinghouse/era"
    payer_sim_ack_delay_seconds: float = 0.2
    payer_sim_era_delay_seconds: float = 1.0
    internal_token_secret: str = "dev-only-internal-secret-0000000000"
