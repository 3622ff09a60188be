"""The default fee schedule from CMS's PFS files: the formula, the readers, and which schedule prices a claim."""
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from services.claims.adapters.fee_schedule_files import BUNDLED, load_fee_schedules, tenant_file
from services.claims.adapters.catalog import Catalog
from services.claims.domain.pfs import over, pfs_amount
from services.claims.domain.fee_schedule import FeeSchedule
from services.claims.domain.pfs_files import Gpci, RelativeValues, parse_clfs, parse_gpci, parse_pprrvu
from services.claims.domain.scrub import scrub_claim
from services.claims.load_fee_schedule import main as load_main
from tests.unit.claims.builders import DEMO_TENANT, PAYERS, TODAY, coded

pytestmark = pytest.mark.unit

PFS = BUNDLED / "pfs"
REST_OF_ILLINOIS = Gpci(work=Decimal("1.000"), practice_expense=Decimal("0.899"), malpractice=Decimal("1.248"))
PSYCHOTHERAPY_60 = RelativeValues(status="A", work=Decimal("3.31"), pe_non_facility=Decimal("0.79"),
                                  pe_facility=Decimal("0.60"), malpractice=Decimal("0.12"),
                                  conversion_factor=Decimal("33.4009"))


def test_the_pfs_formula_by_hand():
    # non-facility: (3.31 x 1.000) + (0.79 x 0.899) + (0.12 x 1.248) = 3.31 + 0.71021 + 0.14976 = 4.16997 RVUs;
    # x 33.4009 = 139.28075... -> 139.28
    assert pfs_amount(PSYCHOTHERAPY_60, REST_OF_ILLINOIS, facility=False) == Decimal("139.28")
    # facility: 3.31 + (0.60 x 0.899 = 0.5394) + 0.14976 = 3.99916 RVUs; x 33.4009 = 133.5756... -> 133.58
    assert pfs_amount(PSYCHOTHERAPY_60, REST_OF_ILLINOIS, facility=True) == Decimal("133.58")


def test_half_a_cent_rounds_up_and_an_na_setting_takes_the_other_practice_expense():
    half = RelativeValues(status="A", work=Decimal("0.01"), pe_non_facility=Decimal("0"), pe_facility=None,
                          malpractice=Decimal("0"), conversion_factor=Decimal("50.5"))  # 0.505
    unit = Gpci(Decimal(1), Decimal(1), Decimal(1))
    assert pfs_amount(half, unit, facility=False) == Decimal("0.51")
    tb_test = RelativeValues(status="A", work=Decimal(0), pe_non_facility=Decimal("0.22"), pe_facility=None,
                             malpractice=Decimal("0.01"), conversion_factor=Decimal("33.4009"))
    assert pfs_amount(tb_test, unit, facility=True) == pfs_amount(tb_test, unit, facility=False) == Decimal("7.68")


def _read(name: str, parse):
    with open(PFS / name, newline="") as source:
        return parse(source)


def test_the_bundled_files_read_in_cms_layouts():
    rvus = _read("PPRRVU26_JAN.csv", parse_pprrvu)
    assert rvus[("90837", "")].work == Decimal("3.31") and rvus[("90837", "")].conversion_factor == Decimal("33.4009")
    assert rvus[("95907", "26")].pe_facility == Decimal("0.45") and rvus[("85025", "")].status == "X"
    assert rvus[("86580", "")].pe_facility is None  # NA in the facility setting
    gpcis = _read("GPCI2026.csv", parse_gpci)
    assert gpcis[("06102", "99")] == REST_OF_ILLINOIS
    assert _read("PUF_CLFS_CY2026_Q1V1.csv", parse_clfs)[("85025", "")] == Decimal("7.77")


def test_a_bad_row_fails_the_file_with_its_line_and_a_missing_column_is_named():
    text = (PFS / "PPRRVU26_JAN.csv").read_text().splitlines()
    text[12] = text[12].replace("0.00", "x.yz", 1)
    with pytest.raises(ValueError, match="line 13: WORK RVU is not a number"):
        parse_pprrvu(text)
    with pytest.raises(ValueError, match="'PE GPCI' is missing"):
        parse_gpci(["Medicare Administrative Contractor (MAC),State,Locality Number,2026 PW GPCI (with 1.0 Floor)"])


def test_the_default_prices_psychotherapy_labs_neurology_preventive_and_telehealth_codes(tmp_path):
    schedules = load_fee_schedules(None, tmp_path, "06102-99")
    for code in ("90791", "90792", "90832", "90833", "90834", "90836", "90837", "90838", "90785", "90846", "90847",
                 "90853", "80048", "80053", "80061", "82947", "83036", "84443", "85025", "85027", "81002", "81003",
                 "87880", "87804", "87635", "86580", "36415", "95907", "95908", "95909", "95910", "95911", "95912",
                 "95913", "95885", "95886", "95816", "95819", "99381", "99397", "99202", "99215", "G2211", "98016"):
        assert schedules.non_facility.price(code, [], 1) > 0 and schedules.facility.price(code, [], 1) > 0, code
    assert schedules.non_facility.price("90837", [], 1) == Decimal("139.28")
    assert schedules.non_facility.price("99213", [], 1) == Decimal("135.00")  # the deployment's charge list wins
    assert schedules.non_facility.price("95816", ["26"], 1) < schedules.non_facility.price("95816", [], 1)


def test_place_of_service_picks_facility_or_non_facility_and_a_tenants_own_file_wins_as_a_whole(tmp_path):
    own = tenant_file(tmp_path, "t-own")
    own.parent.mkdir(parents=True)
    own.write_text("procedure_code,modifier,amount\n90837,,180.00\n")
    schedules = load_fee_schedules(None, tmp_path, "06102-99")
    assert schedules.for_claim("t-other", "02").price("90837", [], 1) == Decimal("133.58")  # telehealth, facility
    assert schedules.for_claim("t-other", "10").price("90837", [], 1) == Decimal("139.28")  # patient's home
    assert schedules.for_claim("t-other", "11").price("90837", [], 1) == Decimal("139.28")
    assert schedules.for_claim("t-own", "11").price("90837", [], 1) == Decimal("180.00")
    assert schedules.for_claim("t-own", "11").price("90834", [], 1) == Decimal("0.00")  # not in its file: held


def test_the_charge_list_replaces_all_of_a_codes_rows():
    default = FeeSchedule({("71046", ""): Decimal("40"), ("71046", "26"): Decimal("10"), ("90837", ""): Decimal("139")})
    merged = over(FeeSchedule({("71046", ""): Decimal("65")}), default)
    assert merged.price("71046", ["26"], 1) == Decimal("65.00") and merged.price("90837", [], 1) == Decimal("139.00")


def test_an_unknown_locality_is_refused_at_start(tmp_path):
    with pytest.raises(ValueError, match="locality 99999-01"):
        load_fee_schedules(None, tmp_path, "99999-01")


def test_psychotherapy_and_lab_claims_are_priced_not_held_for_a_missing_charge(tmp_path):
    catalog = Catalog.load(reference_dir=tmp_path)
    tenant = SimpleNamespace(tenant_id="t-1", billing_provider=DEMO_TENANT["billing_provider"])
    procedures = [{"code": "90837", "modifiers": [], "units": 1, "diagnosis_pointers": [1]},
                  {"code": "87880", "modifiers": [], "units": 1, "diagnosis_pointers": [1]}]
    claim = catalog.build(coded(procedures=procedures), tenant, PAYERS["AETNA"])
    assert [line.charge for line in claim.lines] == [Decimal("139.28"), Decimal("16.53")]
    assert "SCRUB-CHARGE-ZERO" not in [e.edit_id for e in scrub_claim(claim, today=TODAY, existing_keys=set())]


def test_the_loader_refuses_a_bad_file_and_places_a_tenants_schedule(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("procedure_code,modifier,amount\n90837,,lots\n")
    assert load_main(["charges", str(bad), "--tenant", "c2ea8b55-8e29-4b27-8e6f-a5b59cc65996",
                      "--reference-dir", str(tmp_path)]) == 1
    assert "line 2" in capsys.readouterr().err
    good = tmp_path / "good.csv"
    good.write_text("procedure_code,modifier,amount\n90837,,180.00\n")
    assert load_main(["charges", str(good), "--reference-dir", str(tmp_path)]) == 2  # whose?
    assert load_main(["charges", str(good), "--tenant", "c2ea8b55-8e29-4b27-8e6f-a5b59cc65996",
                      "--reference-dir", str(tmp_path)]) == 0
    assert tenant_file(tmp_path, "c2ea8b55-8e29-4b27-8e6f-a5b59cc65996").read_text() == good.read_text()
    assert load_main(["pprrvu", str(PFS / "PPRRVU26_JAN.csv"), "--reference-dir", str(tmp_path)]) == 0
    assert (tmp_path / "PPRRVU26_JAN.csv").exists() and Path(tmp_path / "PPRRVU26_JAN.csv").stat().st_size > 0
