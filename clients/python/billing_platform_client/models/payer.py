from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Payer")


@_attrs_define
class Payer:
    """
    Attributes:
        appeal_days (int):
        claim_filing_indicator (None | str):
        expected_days (int):
        filing_indicator_name (None | str):
        name (str):
        payer_id (str):
        program (None | str):
        timely_filing_days (int):
        x12_payer_id (str):
    """

    appeal_days: int
    claim_filing_indicator: None | str
    expected_days: int
    filing_indicator_name: None | str
    name: str
    payer_id: str
    program: None | str
    timely_filing_days: int
    x12_payer_id: str

    def to_dict(self) -> dict[str, Any]:
        appeal_days = self.appeal_days

        claim_filing_indicator: None | str
        claim_filing_indicator = self.claim_filing_indicator

        expected_days = self.expected_days

        filing_indicator_name: None | str
        filing_indicator_name = self.filing_indicator_name

        name = self.name

        payer_id = self.payer_id

        program: None | str
        program = self.program

        timely_filing_days = self.timely_filing_days

        x12_payer_id = self.x12_payer_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "appeal_days": appeal_days,
                "claim_filing_indicator": claim_filing_indicator,
                "expected_days": expected_days,
                "filing_indicator_name": filing_indicator_name,
                "name": name,
                "payer_id": payer_id,
                "program": program,
                "timely_filing_days": timely_filing_days,
                "x12_payer_id": x12_payer_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        appeal_days = d.pop("appeal_days")

        def _parse_claim_filing_indicator(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        claim_filing_indicator = _parse_claim_filing_indicator(
            d.pop("claim_filing_indicator")
        )

        expected_days = d.pop("expected_days")

        def _parse_filing_indicator_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        filing_indicator_name = _parse_filing_indicator_name(
            d.pop("filing_indicator_name")
        )

        name = d.pop("name")

        payer_id = d.pop("payer_id")

        def _parse_program(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        program = _parse_program(d.pop("program"))

        timely_filing_days = d.pop("timely_filing_days")

        x12_payer_id = d.pop("x12_payer_id")

        payer = cls(
            appeal_days=appeal_days,
            claim_filing_indicator=claim_filing_indicator,
            expected_days=expected_days,
            filing_indicator_name=filing_indicator_name,
            name=name,
            payer_id=payer_id,
            program=program,
            timely_filing_days=timely_filing_days,
            x12_payer_id=x12_payer_id,
        )

        return payer
