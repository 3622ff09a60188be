from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="MeasuredAccuracy")


@_attrs_define
class MeasuredAccuracy:
    """
    Attributes:
        expected (int):
        labeled_sets (list[Any]):
        notes (Any):
        precision (float | None):
        recall (float):
        suggested (int):
        true_positives (int):
    """

    expected: int
    labeled_sets: list[Any]
    notes: Any
    precision: float | None
    recall: float
    suggested: int
    true_positives: int

    def to_dict(self) -> dict[str, Any]:
        expected = self.expected

        labeled_sets = self.labeled_sets

        notes = self.notes

        precision: float | None
        precision = self.precision

        recall = self.recall

        suggested = self.suggested

        true_positives = self.true_positives

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "expected": expected,
                "labeled_sets": labeled_sets,
                "notes": notes,
                "precision": precision,
                "recall": recall,
                "suggested": suggested,
                "true_positives": true_positives,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        expected = d.pop("expected")

        labeled_sets = cast(list[Any], d.pop("labeled_sets"))

        notes = d.pop("notes")

        def _parse_precision(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        precision = _parse_precision(d.pop("precision"))

        recall = d.pop("recall")

        suggested = d.pop("suggested")

        true_positives = d.pop("true_positives")

        measured_accuracy = cls(
            expected=expected,
            labeled_sets=labeled_sets,
            notes=notes,
            precision=precision,
            recall=recall,
            suggested=suggested,
            true_positives=true_positives,
        )

        return measured_accuracy
