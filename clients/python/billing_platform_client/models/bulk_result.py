from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.bulk_result_action import BulkResultAction

if TYPE_CHECKING:
    from ..models.bulk_outcome import BulkOutcome


T = TypeVar("T", bound="BulkResult")


@_attrs_define
class BulkResult:
    """
    Attributes:
        action (BulkResultAction):
        failed (int):
        results (list[BulkOutcome]):
        succeeded (int):
    """

    action: BulkResultAction
    failed: int
    results: list[BulkOutcome]
    succeeded: int

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        failed = self.failed

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        succeeded = self.succeeded

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
                "failed": failed,
                "results": results,
                "succeeded": succeeded,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.bulk_outcome import BulkOutcome

        d = dict(src_dict)
        action = BulkResultAction(d.pop("action"))

        failed = d.pop("failed")

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = BulkOutcome.from_dict(results_item_data)

            results.append(results_item)

        succeeded = d.pop("succeeded")

        bulk_result = cls(
            action=action,
            failed=failed,
            results=results,
            succeeded=succeeded,
        )

        return bulk_result
