"""The load_reference command checks a file with the service's readers and places it for the next start."""
import pytest

from services.coding.adapters.reference_files import SAMPLES, load_reference_data
from services.coding.domain.coder import code_encounter
from services.coding.load_reference import main
from tests.unit.coding.conftest import errors, line, make_encounter

pytestmark = pytest.mark.unit


def test_a_good_file_is_placed_and_then_loaded_as_complete(tmp_path):
    assert main(["hcpcs", str(SAMPLES / "hcpcs_anweb_sample.csv"), "--reference-dir", str(tmp_path)]) == 0
    assert (tmp_path / "hcpcs_anweb.csv").exists()
    assert main(["ncci", str(SAMPLES / "ncci_ptp_practitioner_sample.txt"), "--reference-dir", str(tmp_path)]) == 0
    reference = load_reference_data(tmp_path)
    assert reference.hcpcs.complete and not reference.cpt.complete
    assert ("45380", "45378") in reference.ptp.pairs


def test_a_file_with_problems_is_refused_unless_forced(tmp_path, capsys):
    bad = tmp_path / "cpt.csv"
    bad.write_text("code,description\n99213,visit\nABCDE,bad\n")
    target = tmp_path / "ref"
    assert main(["cpt", str(bad), "--reference-dir", str(target)]) == 1
    assert "line 3" in capsys.readouterr().err and not (target / "cpt.txt").exists()
    assert main(["cpt", str(bad), "--reference-dir", str(target), "--force"]) == 0
    assert (target / "cpt.txt").exists()


def test_several_ptp_parts_are_joined(tmp_path):
    part = (SAMPLES / "ncci_ptp_practitioner_sample.txt").read_text()
    one, two = tmp_path / "f1.txt", tmp_path / "f2.txt"
    one.write_text(part)
    two.write_text(part.replace("45380\t45378", "45385\t45378"))
    assert main(["ncci", str(one), str(two), "--reference-dir", str(tmp_path / "ref")]) == 0
    assert "45385\t45378" in (tmp_path / "ref" / "ncci_ptp_practitioner.txt").read_text()


def test_a_tenant_cpt_file_serves_that_tenant_only(tmp_path, capsys):
    from uuid import uuid4

    from services.coding.adapters.reference_files import load_tenant_references, tenant_dir
    from services.coding.application.coder import Coder

    own, other = uuid4(), uuid4()
    cpt = tmp_path / "tenant_cpt.csv"
    cpt.write_text("code,description\n99213,Office visit, established patient, low\n0001U,Red cell antigen typing\n")
    assert main(["cpt", str(cpt), "--tenant", str(own), "--reference-dir", str(tmp_path)]) == 0
    assert (tenant_dir(tmp_path, own) / "cpt.txt").exists() and not (tmp_path / "cpt.txt").exists()
    default = load_reference_data(tmp_path)
    coder = Coder(reference=default, suggest=None, threshold=0.9,
                  tenant_references=load_tenant_references(tmp_path, default))
    assert set(coder.reference_for(own).cpt.codes) == {"99213", "0001U"} and coder.reference_for(own).cpt.complete
    assert coder.reference_for(other) is default and not default.cpt.complete
    assert coder.reference_for(own).ptp is default.ptp  # CMS files stay shared
    encounter = make_encounter(procedures=[line("99214")])
    assert "CPT-UNKNOWN" in errors(code_encounter(encounter, coder.reference_for(own)))
    assert "CPT-UNKNOWN" not in errors(code_encounter(encounter, coder.reference_for(other)))


def test_tenant_applies_to_cpt_only_and_must_be_a_uuid(tmp_path, capsys):
    from uuid import uuid4

    sample = str(SAMPLES / "hcpcs_anweb_sample.csv")
    assert main(["hcpcs", sample, "--tenant", str(uuid4()), "--reference-dir", str(tmp_path)]) == 2
    assert "cpt only" in capsys.readouterr().err and not any(tmp_path.iterdir())
    with pytest.raises(SystemExit):
        main(["cpt", sample, "--tenant", "not-a-tenant", "--reference-dir", str(tmp_path)])
