"""Hostile request bodies for every intake, each carrying the seeded patient's data (the PHI scan's markers).

Control characters sit next to the markers, not inside them, so a log line that leaks the value still
shows the marker whole for the scan to find.
"""
import json
import re
import uuid

from tests.e2e.support import FIXTURES, encounter_body

FHIR, HL7, X12 = "application/fhir+json", "x-application/hl7-v2+er7", "application/edi-x12"


def _fresh_ids(text: str) -> str:
    return (text.replace("EHR-2026-000123", f"HOST-{uuid.uuid4().hex[:10]}")
            .replace("MRN-88123", f"MRN-{uuid.uuid4().hex[:10]}")
            .replace("W123456789", f"W{uuid.uuid4().int % 10**9:09d}"))


def hl7_text() -> str:
    return _fresh_ids((FIXTURES / "intake" / "dft_p03.hl7").read_text())


def fhir_bundle() -> dict:
    return json.loads(_fresh_ids((FIXTURES / "intake" / "bundle_r4.json").read_text()))


def remit_835() -> str:
    return (FIXTURES / "x835" / "one_claim_paid.835").read_text()


def json_cases() -> list[tuple[str, bytes, str | None]]:
    """(case, body, the field the 422 must name or None)."""
    def with_value(path: tuple[str, ...], suffix: str) -> bytes:
        body = encounter_body()
        target = body
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = target[path[-1]] + suffix
        return json.dumps(body).encode()

    overlong = encounter_body()
    overlong["patient"]["last_name"] = "Rivera" * 2000
    return [
        ("escaped NUL in the last name", with_value(("patient", "last_name"), "\x00"), "body.patient.last_name"),
        ("SOH in the first name", with_value(("patient", "first_name"), "\x01"), "body.patient.first_name"),
        ("DEL in the member id", with_value(("coverage", "member_id"), "\x7f"), "body.coverage.member_id"),
        ("ESC in the address", with_value(("patient", "address", "line1"), "\x1b[2J"), "body.patient.address.line1"),
        ("raw NUL byte", json.dumps(encounter_body()).encode().replace(b'"Rivera"', b'"Rivera\x00"'), None),
        ("overlong last name", json.dumps(overlong).encode(), "body.patient.last_name"),
        ("latin-1 bytes", json.dumps(encounter_body()).encode().replace(b"Rivera", b"Rivera\xe9"), None),
        ("UTF-16", json.dumps(encounter_body()).encode("utf-16"), None),
    ]


def fhir_cases() -> list[tuple[str, bytes, str | None]]:
    def with_change(change) -> bytes:
        bundle = fhir_bundle()
        change({e["resource"]["resourceType"]: e["resource"] for e in bundle["entry"]})
        return json.dumps(bundle).encode()

    return [
        ("NUL in Patient.name.family", with_change(lambda r: r["Patient"]["name"][0].update(family="Rivera\x00")),
         "body.entry.0.resource.name.0.family"),
        ("BEL in Coverage.subscriberId", with_change(lambda r: r["Coverage"].update(subscriberId=r["Coverage"]["subscriberId"] + "\x07")),
         "body.entry.2.resource.subscriberId"),
        ("truncated", json.dumps(fhir_bundle()).encode()[:700], None),
    ]


def hl7_cases() -> list[tuple[str, bytes, str | None]]:
    text = hl7_text()
    return [
        ("NUL in PV1-19", text.replace("|HOST-", "|\x00HOST-").encode(), "PV1-19"),
        ("NUL in PID-5", text.replace("Rivera^Ana||", "Rivera\x00^Ana||").encode(), "PID-5"),
        ("SOH in IN1-36", re.sub(r"\|(W\d{9})", "|\\1\x01", text).encode(), "IN1-36"),
        ("LF line endings and a NUL", text.replace("\r", "\n").replace("12 ELM ST", "12 ELM ST\x00").encode(), "PID-11"),
        ("latin-1 name", text.replace("Rivera^Ana", "Rivera^An\xe9").encode("latin-1"), "PID-5"),
        ("truncated", text.encode()[:120], None),
    ]


def remit_cases() -> list[tuple[str, bytes, str | None]]:
    text = remit_835()
    return [
        ("NUL in NM103", text.replace("NM1*QC*1*RIVERA", "NM1*QC*1*RIVERA\x00").encode(), "NM103 at segment 16"),
        ("SOH in NM109", text.replace("*W100200300", "*W100200300\x01").encode(), "NM109 at segment 16"),
        ("NUL as the segment terminator", text.replace("~", "\x00").encode(), "ISA"),
        ("truncated", text.encode()[:700], None),
        ("overlong name", text.replace("RIVERA", "RIVERA" * 20000).encode(), None),
        ("overlong trace number", text.replace("TRN*1*EFT0000101*", "TRN*1*" + "9" * 81 + "*").encode(),
         "TRN02 at segment 5"),
        ("amount the ledger cannot hold", text.replace("BPR*I*76*", "BPR*I*76000000000000*").encode(),
         "BPR02 at segment 4"),
        ("six-character procedure code", text.replace("SVC*HC:99213:25*", "SVC*HC:992130:25*").encode(),
         "SVC01 at segment 18"),
    ]


def ack_cases() -> list[tuple[str, bytes, str | None]]:
    envelope = ("ISA*00*          *00*          *ZZ*SIMPAYER01     *ZZ*BILLINGPLATFORM*261122*1030*^*00501*000000001*0*T*:~"
                "GS*HN*SIMPAYER01*BILLINGPLATFORM*20261122*1030*1*X*005010X214~")
    ack_277 = envelope + ("ST*277*0001*005010X214~HL*4*3*PT~NM1*QC*1*RIVERA\x00*ANA****MI*W100200300~TRN*2*PCN123~"
                          "STC*A3:21*20261122*U*100~SE*6*0001~GE*1*1~IEA*1*000000001~")
    ack_999 = envelope.replace("GS*HN", "GS*FA") + ("ST*999*0001*005010X231A1~AK1*HC*1*005010X222A1~AK9*R\x00*1*1*0~"
                                                  "SE*4*0001~GE*1*1~IEA*1*000000001~")
    ack_271 = envelope + "ST*271*0001*005010X279A1~NM1*IL*1*RIVERA\x00*ANA****MI*W100200300~SE*3*0001~"
    return [
        ("277CA with NUL in NM103", ack_277.encode(), "NM103 at segment 5"),
        ("999 with NUL in AK901", ack_999.encode(), "AK901 at segment 5"),
        ("271 with NUL in NM103", ack_271.encode(), "NM103 at segment 4"),
        ("277CA truncated", ack_277.replace("\x00", "").encode()[:200], None),
    ]
