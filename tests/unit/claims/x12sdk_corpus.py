"""270s, 276s and the simulator's 271s and 277s, valid and broken, for the x12sdk speedups' test.

Run as a module it reads {name: [text, expected set]} on stdin and prints the gate's verdicts from a
pristine x12sdk (the speedups kept from installing before the gate is imported) as JSON.
"""
import json
import sys
import tempfile
from datetime import date, datetime, timezone
from decimal import Decimal

AT = datetime(2026, 11, 22, 10, 30, tzinfo=timezone.utc)
RELATIONSHIPS = ("self", "child", "spouse")
UNKNOWN_VERSION = "0.0.0+pristine"


def _inquiries(count: int, start: int = 0):
    from services.claims.domain.eligibility import Inquiry
    return [Inquiry(f"PCN{start + i}", f"W{100000000 + start + i}", f"Rivera{chr(65 + i % 26)}", "Ana",
                    date(1950 + i % 50, 1 + i % 12, 1 + i % 28), "FM"[i % 2], RELATIONSHIPS[i % 3],
                    date(2026, 11, 1 + i % 20)) for i in range(count)]


def _status_inquiries(count: int):
    from services.claims.domain.claim_status import StatusInquiry
    return [StatusInquiry(f"PCN{i}", f"W{100000000 + i}", f"Rivera{chr(65 + i % 26)}", "Ana", date(1971, 4, 12),
                          "FM"[i % 2], RELATIONSHIPS[i % 3], f"000{i}" if i % 2 else None, Decimal(f"{100 + i}.00"),
                          date(2026, 10, 1 + i % 20), date(2026, 10, 1 + i % 20)) for i in range(count)]


def _270(count: int, start: int = 0) -> str:
    from services.claims.domain.eligibility import write_270
    return write_270(_inquiries(count, start), payer_name="AETNA", payer_x12_id="60054", provider_name="Demo Clinic",
                     provider_npi="1234567893", sender_id="BILLINGPLATFORM", control_number=42, created_at=AT)


def _276(count: int) -> str:
    from services.claims.domain.claim_status import write_276
    return write_276(_status_inquiries(count), payer_name="AETNA", payer_x12_id="60054",
                     submitter_id="BILLINGPLATFORM", provider_name="Demo Clinic", provider_npi="1234567893",
                     control_number=77, created_at=AT)


def _separators(text: str, element: str, repetition: str, component: str) -> str:
    """The same interchange with other delimiters (none of ours appears inside a value of these files)."""
    return text.translate(str.maketrans({"*": element, "^": repetition, ":": component}))


def build_corpus() -> dict[str, tuple[str, str]]:
    """name -> (text, the transaction set the gate is asked for)."""
    from tools.payer_sim.claim_status import answer_276
    from tools.payer_sim.eligibility import answer_270
    from tools.payer_sim.members import MemberBook
    from tools.payer_sim.state import SimState

    one, twenty, status = _270(1), _270(20), _276(6)
    answer = answer_270(_270(3), mailbox="tenant", state=SimState(tempfile.mktemp(suffix=".sqlite3")),
                        book=MemberBook.load(), seed=7, control=9, at=AT)
    status_answer = answer_276(status, mailbox="t", state=SimState(tempfile.mktemp(suffix=".sqlite3")),
                               control=5, at=AT)
    return {
        "270 of one": (one, "270"), "270 of twenty": (twenty, "270"), "270 of forty": (_270(40, 100), "270"),
        "270 other separators": (_separators(twenty, "|", "{", ">"), "270"),
        "270 repetition as component": (_separators(one, "*", ">", "^"), "270"),
        "276 of six": (status, "276"), "276 other separators": (_separators(status, "|", "{", ">"), "276"),
        "271 answer": (answer, "271"), "277 answer": (status_answer, "277"),
        "270 asked as 276": (one, "276"),
        "270 wrong provider qualifier": (twenty.replace("NM1*1P*", "NM1*QQ*"), "270"),
        "270 SE count": (one.replace("SE*13*", "SE*12*"), "270"),
        "270 bad service date": (twenty.replace("DTP*291*D8*20261105", "DTP*291*D8*20261305"), "270"),
        "270 range without a range": (one.replace("DTP*291*D8*", "DTP*291*RD8*"), "270"),
        "270 birth date cut": (twenty.replace("DMG*D8*19", "DMG*D8*9", 1), "270"),
        "270 no EQ": (one.replace("EQ*30~", ""), "270"),
        "270 unknown segment": (one.replace("EQ*30~", "EQ*30~ZZZ*1~"), "270"),
        "270 bad HL parent": (twenty.replace("HL*4*2*", "HL*4*9*", 1), "270"),
        "276 no amount": (status.replace("AMT*T3*100~", ""), "276"),
        "276 bad date": (status.replace("*RD8*20261001-20261001", "*RD8*20261001"), "276"),
        "not X12": ("hello", "270"),
    }


def main() -> None:
    import x12sdk
    x12sdk.__version__ = UNKNOWN_VERSION  # pristine: the speedups install nothing on a version they do not know
    from services.claims.adapters import x12sdk_speedups
    from services.claims.adapters.x12_models import validate_transactions
    corpus = json.load(sys.stdin)
    json.dump({"patched": x12sdk_speedups.apply(),
               "verdicts": {name: validate_transactions(text, kind) for name, (text, kind) in corpus.items()}},
              sys.stdout)


if __name__ == "__main__":
    main()
