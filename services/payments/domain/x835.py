"""Read an X12 835 (005010X221A1) into Remittances.

A segment reader over the shared tokenizer, not x12sdk's models. x12sdk 2.2.0 parses the guide's
examples, but on files payers really send it fails where posting must not: it allows one PLB per
transaction (the guide repeats it), refuses an 835 with no claim (a PLB-only recoupment check), a
CAS adjustment of 0.00 (it tests amounts for truth), CR/LF line endings (UnboundLocalError), and it
rejects an unbalanced claim inside parsing, so balancing could not report figures. Its errors also
quote input values (patient names). The reader below is tolerant of what does not move money, strict
on what does (amounts, codes, structure), and names every problem by segment id and 1-based position.
"""
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation

from shared.contracts.common import Adjustment
from shared.money import CENT, LARGEST_AMOUNT, ZERO
from shared.x12 import X12SyntaxError, control_character_problems, delimiters, element, segments
from services.payments.domain.envelope_check import envelope_problems
from services.payments.domain.remittance import ClaimPaymentRecord, ProviderAdjustment, Remittance, ServicePayment

CAS_GROUPS = frozenset({"CO", "PR", "OA", "PI", "CR"})  # CR is 4010 only; the contract still accepts it
CLAIM_STATUS_CODES = frozenset({"1", "2", "3", "4", "19", "20", "21", "22", "23", "25"})
MAX_PROBLEMS = 200
# Maximum lengths (005010X221A1) of the elements that are kept: a longer value is refused here, not by a
# database column or a consumer downstream.
MAX_LENGTHS = {("TRN", 2): 50, ("TRN", 3): 10, ("TRN", 4): 50, ("REF", 2): 50, ("N1", 2): 60, ("N1", 4): 80,
               ("CLP", 1): 38, ("CLP", 7): 50, ("SVC", 5): 15, ("SVC", 7): 15, ("LQ", 2): 30,
               **{("CAS", at): 15 for at in range(4, 20, 3)}}
SVC_QUALIFIERS = frozenset({"AD", "ER", "HC", "HP", "IV", "N4", "NU", "WK"})
LINE_TUPLES = ("adjustments", "remark_codes")
CLAIM_TUPLES = ("claim_adjustments", "remark_codes")


class Malformed835(Exception):
    """The file cannot be read as an 835; each problem names a segment id and position, never a value."""

    def __init__(self, problems: list[str]):
        if len(problems) > MAX_PROBLEMS:
            problems = problems[:MAX_PROBLEMS] + [f"... and {len(problems) - MAX_PROBLEMS} more problems"]
        super().__init__("; ".join(problems[:5]))
        self.problems = problems


def parse_835(text: str) -> Remittance:
    """The one check in an 835 file; a file with several ST/SE transaction sets is refused, not half-read."""
    remittances = parse_835_transactions(text)
    if len(remittances) != 1:
        positions = ", ".join(str(r.position) for r in remittances)
        raise Malformed835([f"ST at segments {positions}: the file holds {len(remittances)} 835 transaction sets "
                            "(checks); send one per file"])
    return remittances[0]


def parse_835_transactions(text: str) -> list[Remittance]:
    """Every 835 transaction set (one per check) in the file. Raises Malformed835 and nothing else."""
    try:
        return _parse(text)
    except Malformed835:
        raise
    except Exception as exc:  # a garbage file must never crash a consumer with another exception type
        raise Malformed835([f"unreadable 835 ({type(exc).__name__})"]) from None


def _parse(text: str) -> list[Remittance]:
    try:
        text = text.lstrip("\ufeff")
        component = delimiters(text).component
        segs = segments(text)
    except X12SyntaxError:
        raise Malformed835(["ISA at segment 1: an interchange must start with a 106-character ISA segment"]) from None
    problems = control_character_problems(text) or envelope_problems(segs)
    if problems:
        raise Malformed835(problems)
    remittances = []
    for start, end, gs in _transaction_sets(segs):
        problems += _header_problems(segs, start, gs)
        reader = _TransactionReader(component)
        remittances.append(reader.read(segs, start, end))
        problems += reader.problems
    if not remittances:
        problems.append("GS at segment 2: the interchange holds no 835 transaction set")
    if problems:
        raise Malformed835(problems)
    return remittances


def _transaction_sets(segs: list[list[str]]) -> list[tuple[int, int, int]]:
    """(ST index, SE index, GS index) for each transaction set; indexes are 0-based into segs."""
    found, gs, start = [], 0, 0
    for index, seg in enumerate(segs):
        if seg[0] == "GS":
            gs = index
        elif seg[0] == "ST":
            start = index
        elif seg[0] == "SE":
            found.append((start, index, gs))
    return found


def _header_problems(segs: list[list[str]], start: int, gs: int) -> list[str]:
    problems = []
    if element(segs[start], 1) != "835":
        problems.append(f"ST01 at segment {start + 1}: not an 835 transaction set")
    if element(segs[gs], 1) != "HP":
        problems.append(f"GS01 at segment {gs + 1}: functional group is not HP (claim payment)")
    if not element(segs[gs], 8).startswith("005010X221"):
        problems.append(f"GS08 at segment {gs + 1}: version is not 005010X221A1")
    return problems


def _date(raw: str) -> date | None:
    """CCYYMMDD, or None: a bad date moves no money, and the guide's own examples carry one."""
    raw = raw.strip()
    if len(raw) != 8 or not raw.isdigit():
        return None
    try:
        return date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
    except ValueError:
        return None


def _freeze(draft: dict, tuples: tuple[str, ...]) -> dict:
    return {**draft, **{name: tuple(draft[name]) for name in tuples}}


class _TransactionReader:
    """One ST..SE transaction set, read segment by segment; problems are collected, not raised."""

    def __init__(self, component: str):
        self.component = component
        self.problems: list[str] = []
        self.header: dict = {"payer_ref": "", "payer_plan": "", "payer_name": "", "payee_npi": "", "payee_tax_id": "",
                             "trace_number": "", "payer_trace_id": "", "payment_method": "", "total_paid": ZERO,
                             "payment_date": None, "credit_debit": "C"}
        self.seen: set[str] = set()
        self.claims: list[ClaimPaymentRecord] = []
        self.provider_adjustments: list[ProviderAdjustment] = []
        self.claim: dict | None = None
        self.line: dict | None = None
        self.lines: list[ServicePayment] = []
        self.loop, self.position = "header", 0
        self.handlers = {"BPR": self._bpr, "TRN": self._trn, "N1": self._n1, "REF": self._ref, "DTM": self._dtm,
                         "LX": self._lx, "CLP": self._clp, "SVC": self._svc, "CAS": self._cas, "MOA": self._moa,
                         "MIA": self._mia, "LQ": self._lq, "AMT": self._amt, "PLB": self._plb}

    def read(self, segs: list[list[str]], start: int, end: int) -> Remittance:
        for index in range(start + 1, end):
            handler = self.handlers.get(segs[index][0])
            if handler is not None:
                self.position = index + 1
                self._check_lengths(segs[index])
                handler(segs[index])
        self._close_claim()
        return self._remittance(start + 1)

    def _remittance(self, st_position: int) -> Remittance:
        h = self.header
        for required in ("BPR", "TRN", "N1*PR", "N1*PE"):
            if required not in self.seen:
                self.problems.append(f"{required} missing from the transaction set at segment {st_position}")
        return Remittance(
            payer_id=h["payer_ref"] or h["payer_plan"] or h["payer_trace_id"] or h["payer_name"],
            payer_name=h["payer_name"], payee_npi=h["payee_npi"], payee_tax_id=h["payee_tax_id"],
            trace_number=h["trace_number"], payer_trace_id=h["payer_trace_id"], payment_method=h["payment_method"],
            total_paid=h["total_paid"], payment_date=h["payment_date"], claims=tuple(self.claims),
            provider_adjustments=tuple(self.provider_adjustments), credit_debit=h["credit_debit"],
            position=st_position)

    def _problem(self, tag: str, index: int | None, what: str) -> None:
        name = f"{tag}{index:02d}" if index is not None else tag
        self.problems.append(f"{name} at segment {self.position}: {what}")

    def _check_lengths(self, seg: list[str]) -> None:
        for index in range(1, len(seg)):
            limit = MAX_LENGTHS.get((seg[0], index))
            if limit is not None and len(seg[index].strip()) > limit:
                self._problem(seg[0], index, f"longer than {limit} characters")

    def _amount(self, seg: list[str], index: int, *, required: bool = True) -> Decimal | None:
        raw = element(seg, index).strip()
        if not raw:
            if required:
                self._problem(seg[0], index, "amount missing")
            return ZERO if required else None
        try:
            value = Decimal(raw)
            if value.is_finite() and abs(value) > LARGEST_AMOUNT:
                self._problem(seg[0], index, "amount larger than can be posted")
                return ZERO
            if value.is_finite() and value == value.quantize(CENT):
                return value.quantize(CENT)
        except InvalidOperation:
            pass
        self._problem(seg[0], index, "not an amount in dollars and cents")
        return ZERO

    # --- header, payer, payee -------------------------------------------------------------------

    def _bpr(self, seg: list[str]) -> None:
        self.seen.add("BPR")
        self.header.update(total_paid=self._amount(seg, 2), credit_debit=element(seg, 3) or "C",
                           payment_method=element(seg, 4), payment_date=_date(element(seg, 16)))
        if element(seg, 3) not in ("", "C", "D"):
            self._problem("BPR", 3, "credit/debit flag must be C or D")

    def _trn(self, seg: list[str]) -> None:
        self.seen.add("TRN")
        self.header.update(trace_number=element(seg, 2).strip(), payer_trace_id=element(seg, 3).strip())
        if not self.header["trace_number"]:
            self._problem("TRN", 2, "check or EFT trace number missing")

    def _n1(self, seg: list[str]) -> None:
        qualifier, code = element(seg, 3), element(seg, 4).strip()
        if element(seg, 1) == "PR":
            self.seen.add("N1*PR")
            self.loop = "payer"
            self.header.update(payer_name=element(seg, 2).strip(), payer_plan=code if qualifier == "XV" else "")
        elif element(seg, 1) == "PE":
            self.seen.add("N1*PE")
            self.loop = "payee"
            if qualifier == "XX":
                self.header["payee_npi"] = code
            elif qualifier == "FI":
                self.header["payee_tax_id"] = code

    def _ref(self, seg: list[str]) -> None:
        qualifier, value = element(seg, 1), element(seg, 2).strip()
        if self.loop == "payer" and qualifier == "2U":
            self.header["payer_ref"] = value
        elif self.loop == "payee" and qualifier == "TJ":
            self.header["payee_tax_id"] = value
        elif self.loop == "line" and qualifier == "6R":
            self.line["line_control_number"] = value or None

    def _dtm(self, seg: list[str]) -> None:
        qualifier, when = element(seg, 1), _date(element(seg, 2))
        if self.loop == "line" and (qualifier == "472" or (qualifier == "150" and not self.line["date_of_service"])):
            self.line["date_of_service"] = when
        elif self.loop == "claim" and qualifier in ("232", "233"):
            self.claim["statement_from" if qualifier == "232" else "statement_to"] = when

    # --- claim payments (2100) and service lines (2110) -----------------------------------------

    def _lx(self, seg: list[str]) -> None:
        self._close_claim()
        self.loop = "header_number"

    def _clp(self, seg: list[str]) -> None:
        self._close_claim()
        if not element(seg, 1).strip():
            self._problem("CLP", 1, "patient control number missing")
        if element(seg, 2) not in CLAIM_STATUS_CODES:
            self._problem("CLP", 2, "not a claim status code the 835 defines")
        self.claim = {
            "patient_control_number": element(seg, 1).strip(), "status_code": element(seg, 2),
            "charge": self._amount(seg, 3), "paid": self._amount(seg, 4),
            "patient_responsibility": self._amount(seg, 5, required=False) or ZERO,
            "payer_claim_control_number": element(seg, 7).strip() or None,
            "claim_filing_indicator": element(seg, 6) or None, "frequency_code": element(seg, 9) or None,
            "claim_adjustments": [], "remark_codes": [], "position": self.position,
            "statement_from": None, "statement_to": None}
        self.loop = "claim"

    def _svc(self, seg: list[str]) -> None:
        if self.claim is None:
            self._problem("SVC", None, "service line outside a claim payment (no CLP before it)")
            return
        self._close_line()
        parts = element(seg, 1).split(self.component)
        if len(parts) < 2 or not parts[0] or not parts[1]:
            self._problem("SVC", 1, "needs a qualifier and a procedure code")
        elif parts[0] not in SVC_QUALIFIERS:
            self._problem("SVC", 1, "not a product or service id qualifier the 835 defines")
        elif not _procedure_code_fits(parts[0], parts[1]) or any(len(m) > 2 for m in parts[2:6]):
            self._problem("SVC", 1, "procedure code or modifier of the wrong length (HC: 5 characters)")
        original = element(seg, 6).split(self.component) if element(seg, 6) else []
        self.line = {
            "procedure_qualifier": parts[0], "procedure_code": parts[1] if len(parts) > 1 else "",
            "modifiers": tuple(m for m in parts[2:6] if m), "charge": self._amount(seg, 2),
            "paid": self._amount(seg, 3), "units": element(seg, 5) or None,
            "original_qualifier": original[0] if original else None,
            "original_procedure_code": original[1] if len(original) > 1 and original[1] else None,
            "original_modifiers": tuple(m for m in original[2:6] if m) if original else None,
            "original_units": element(seg, 7) or None, "date_of_service": None, "line_control_number": None,
            "allowed": None, "adjustments": [], "remark_codes": [], "position": self.position}
        self.loop = "line"

    def _cas(self, seg: list[str]) -> None:
        target = self.line if self.loop == "line" else self.claim if self.loop == "claim" else None
        if target is None:
            self._problem("CAS", None, "adjustment outside a claim payment or service line")
            return
        group = element(seg, 1)
        if group not in CAS_GROUPS:
            self._problem("CAS", 1, "not an adjustment group code (CO, PR, OA, PI)")
            return
        found = target["adjustments" if target is self.line else "claim_adjustments"]
        before, problems_before = len(found), len(self.problems)
        for reason_at in range(2, 20, 3):
            self._cas_triple(seg, group, reason_at, found)
        if len(found) == before and len(self.problems) == problems_before:
            self._problem("CAS", 2, "no adjustment reason and amount")

    def _cas_triple(self, seg: list[str], group: str, at: int, found: list[Adjustment]) -> None:
        reason, amount = element(seg, at).strip(), element(seg, at + 1).strip()
        if not reason and not amount:
            return
        if not 1 <= len(reason) <= 5:
            self._problem("CAS", at, "adjustment reason code missing or longer than 5 characters")
            return
        found.append(Adjustment(group_code=group, reason_code=reason, amount=self._amount(seg, at + 1),
                                quantity=element(seg, at + 2).strip() or None))

    def _moa(self, seg: list[str]) -> None:
        if self.claim is not None:
            self.claim["remark_codes"] += [code for code in seg[3:8] if code.strip()]

    def _mia(self, seg: list[str]) -> None:
        if self.claim is not None:
            self.claim["remark_codes"] += [code for code in (element(seg, 5), *seg[20:24]) if code.strip()]

    def _lq(self, seg: list[str]) -> None:
        if self.loop == "line" and element(seg, 1) == "HE" and element(seg, 2).strip():
            self.line["remark_codes"].append(element(seg, 2).strip())

    def _amt(self, seg: list[str]) -> None:
        if self.loop == "line" and element(seg, 1) == "B6":
            self.line["allowed"] = self._amount(seg, 2)

    def _plb(self, seg: list[str]) -> None:
        self._close_claim()
        self.loop = "trailer"
        for at in range(3, len(seg), 2):
            if not element(seg, at) and not element(seg, at + 1):
                continue
            reason, _, reference = element(seg, at).partition(self.component)
            if not reason:
                self._problem("PLB", at, "adjustment reason code missing")
            self.provider_adjustments.append(ProviderAdjustment(reason, reference, self._amount(seg, at + 1)))

    def _close_line(self) -> None:
        if self.line is not None:
            self.lines.append(ServicePayment(**_freeze(self.line, LINE_TUPLES)))
            self.line = None

    def _close_claim(self) -> None:
        self._close_line()
        if self.claim is not None:
            claim, lines = self.claim, self.lines
            single_day = claim["statement_to"] in (None, claim["statement_from"])
            if single_day and claim["statement_from"]:  # the guide omits DTM*472 when the claim dates say it
                lines = [l if l.date_of_service else _dated(l, claim["statement_from"]) for l in lines]
            self.claims.append(ClaimPaymentRecord(**_freeze(claim, CLAIM_TUPLES), service_lines=tuple(lines)))
        self.claim, self.lines = None, []


def _procedure_code_fits(qualifier: str, code: str) -> bool:
    return (len(code) == 5 and code.isalnum()) if qualifier == "HC" else len(code) <= 48


def _dated(line: ServicePayment, when: date) -> ServicePayment:
    return replace(line, date_of_service=when)
