from typing import ClassVar, Literal

from pydantic import Field

from shared.settings import PlatformSettings


class Settings(PlatformSettings):
    service_name: ClassVar[str] = "claims"
    receives_clearinghouse_callbacks: ClassVar[bool] = True

    clearinghouse_mode: Literal["http", "dropbox"] = "http"
    clearinghouse_url: str = "http://127.0.0.1:8009"
    clearinghouse_dropbox_dir: str = ".run/dropbox"
    submitter_id: str = "BILLINGPLATFORM"
    x12_usage: Literal["T", "P"] = "T"
    submission_interval_seconds: float = 0.5
    # An idle loop woken by a claim made ready waits this long before its round, so that claims built
    # together go out in one 837P rather than one file each (clearinghouses acknowledge per file).
    submission_linger_seconds: float = Field(0.05, ge=0)
    submission_batch_size: int = 500  # claims taken per submission round (eligibility, batching, inquiries)
    # Claims per 837P interchange (per tenant and payer): pyx12's fixed cost per file against the time a
    # file's claims stay locked while it is validated (docs/BENCHMARKS.md, "claims: the loops").
    submit_batch_size: int = Field(default=50, ge=1, le=500)
    fee_schedule_dir: str | None = None  # the deployment's charge list (default.csv); None: the bundled one
    fee_schedule_reference_dir: str = ".run/claims-reference"  # full CMS PFS files, tenants' own fee schedules
    pfs_locality: str = "06102-99"  # MAC-locality of the GPCI file that prices the default fee schedule
    status_inquiry_interval_seconds: float = 5.0  # how often silent claims past their expected days are looked for
