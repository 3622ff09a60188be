"""Load the coder's reference data from files: the bundled data folder, overridden by full files that
`python -m services.coding.load_reference` placed in the reference directory, and per tenant by the CPT file a
tenant loaded (`tenants/<tenant id>/cpt.txt`: AMA licences are per practice, so each may bring its own).
"""
import dataclasses
from functools import lru_cache
from pathlib import Path
from uuid import UUID

from services.coding.domain.aoc import parse_aoc
from services.coding.domain.cpt import parse_cpt
from services.coding.domain.hcpcs import read_hcpcs
from services.coding.domain.icd10 import load_code_sets, read_editions
from services.coding.domain.mce import read_mce
from services.coding.domain.ncci import PtpModifiers, parse_mue, parse_ptp
from services.coding.domain.procedures import CodeBook
from services.coding.domain.neurology import parse_nerve_conduction_codes
from services.coding.domain.psychotherapy import parse_psychotherapy_codes
from services.coding.domain.telehealth import parse_telehealth
from services.coding.domain.reference import ReferenceData

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLES = DATA / "samples"
DEFAULT_REFERENCE_DIR = Path(".run") / "coding-reference"
# kind -> (file name in the reference directory, bundled sample)
FILES = {
    "ncci": ("ncci_ptp_practitioner.txt", "ncci_ptp_practitioner_sample.txt"),
    "mue": ("mue_practitioner.csv", "mue_practitioner_sample.csv"),
    "hcpcs": ("hcpcs_anweb.csv", "hcpcs_anweb_sample.csv"),
    "cpt": ("cpt.txt", "cpt_sample.csv"),
    "aoc": ("aoc_practitioner.txt", "aoc_practitioner_sample.txt"),
}


TENANTS_DIR = "tenants"
TENANT_KINDS = ("cpt",)  # the reference files a tenant may bring; the CMS files are the same for everyone


def tenant_dir(reference_dir: Path, tenant_id: UUID) -> Path:
    return reference_dir / TENANTS_DIR / str(tenant_id)


def reference_file(kind: str, reference_dir: Path) -> tuple[Path, bool]:
    """The loaded full file if there is one (complete=True), else the bundled sample."""
    loaded, sample = FILES[kind]
    full = reference_dir / loaded
    return (full, True) if full.exists() else (SAMPLES / sample, False)


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig", errors="replace")


@lru_cache(maxsize=4)
def load_reference_data(reference_dir: Path = DEFAULT_REFERENCE_DIR) -> ReferenceData:
    icd10 = load_code_sets(read_editions(DATA / "icd10cm_editions.csv"))
    ptp_path, _ = reference_file("ncci", reference_dir)
    mue_path, _ = reference_file("mue", reference_dir)
    hcpcs_path, hcpcs_complete = reference_file("hcpcs", reference_dir)
    cpt_path, cpt_complete = reference_file("cpt", reference_dir)
    aoc_path, _ = reference_file("aoc", reference_dir)
    hcpcs = read_hcpcs(hcpcs_path)
    return ReferenceData(
        icd10=icd10, mce=read_mce(DATA / "mce_age_sex.csv"), ptp=parse_ptp(_text(ptp_path)),
        mue=parse_mue(_text(mue_path)), ptp_modifiers=PtpModifiers.from_csv(_text(DATA / "ncci_ptp_modifiers.csv")),
        cpt=CodeBook("CPT", parse_cpt(_text(cpt_path)).codes, cpt_complete),
        hcpcs=CodeBook("HCPCS Level II", hcpcs.codes, hcpcs_complete),
        modifiers=CodeBook("HCPCS modifier", hcpcs.modifiers, hcpcs_complete), aoc=parse_aoc(_text(aoc_path)),
        psychotherapy=parse_psychotherapy_codes(_text(DATA / "psychotherapy_codes.csv")),
        telehealth=parse_telehealth(_text(DATA / "telehealth.csv")),
        nerve_conduction=parse_nerve_conduction_codes(_text(DATA / "nerve_conduction_codes.csv")),
    )


def load_tenant_references(reference_dir: Path, default: ReferenceData) -> dict[UUID, ReferenceData]:
    """The default reference data with each tenant's own CPT file in place of the deployment's."""
    found = {}
    root = reference_dir / TENANTS_DIR
    for folder in sorted(root.iterdir()) if root.is_dir() else ():
        cpt_path = folder / FILES["cpt"][0]
        try:
            tenant_id = UUID(folder.name)
        except ValueError:
            continue
        if cpt_path.is_file():
            cpt = CodeBook("CPT", parse_cpt(_text(cpt_path)).codes, True)
            found[tenant_id] = dataclasses.replace(default, cpt=cpt)
    return found
