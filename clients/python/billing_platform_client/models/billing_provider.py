from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.billing_contact import BillingContact


T = TypeVar("T", bound="BillingProvider")


@_attrs_define
class BillingProvider:
    """
    Attributes:
        address (Address):
        name (str):
        npi (str):
        tax_id (str):
        clia_number (None | str | Unset): The practice laboratory's CLIA certificate number: REF*X4 on claims with an
            in-house laboratory test.
        contact (BillingContact | None | Unset):
        taxonomy_code (str | Unset):  Default: '207Q00000X'.
    """

    address: Address
    name: str
    npi: str
    tax_id: str
    clia_number: None | str | Unset = UNSET
    contact: BillingContact | None | Unset = UNSET
    taxonomy_code: str | Unset = "207Q00000X"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.billing_contact import BillingContact

        address = self.address.to_dict()

        name = self.name

        npi = self.npi

        tax_id = self.tax_id

        clia_number: None | str | Unset
        if isinstance(self.clia_number, Unset):
            clia_number = UNSET
        else:
            clia_number = self.clia_number

        contact: dict[str, Any] | None | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        elif isinstance(self.contact, BillingContact):
            contact = self.contact.to_dict()
        else:
            contact = self.contact

        taxonomy_code = self.taxonomy_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "name": name,
                "npi": npi,
                "tax_id": tax_id,
            }
        )
        if clia_number is not UNSET:
            field_dict["clia_number"] = clia_number
        if contact is not UNSET:
            field_dict["contact"] = contact
        if taxonomy_code is not UNSET:
            field_dict["taxonomy_code"] = taxonomy_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.address import Address
        from ..models.billing_contact import BillingContact

        d = dict(src_dict)
        address = Address.from_dict(d.pop("address"))

        name = d.pop("name")

        npi = d.pop("npi")

        tax_id = d.pop("tax_id")

        def _parse_clia_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        clia_number = _parse_clia_number(d.pop("clia_number", UNSET))

        def _parse_contact(data: object) -> BillingContact | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contact_type_0 = BillingContact.from_dict(data)

                return contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingContact | None | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))

        taxonomy_code = d.pop("taxonomy_code", UNSET)

        billing_provider = cls(
            address=address,
            name=name,
            npi=npi,
            tax_id=tax_id,
            clia_number=clia_number,
            contact=contact,
            taxonomy_code=taxonomy_code,
        )

        billing_provider.additional_properties = d
        return billing_provider

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
