"""Driver records handed to the pure views as named tuples: each field by name, in column order."""
import pytest

from shared.db.rows import named_rows

pytestmark = pytest.mark.unit


class Record(tuple):
    """As asyncpg.Record reads: iterating gives the values, `keys()` the column names."""

    def __new__(cls, columns: dict):
        record = super().__new__(cls, columns.values())
        record.columns = tuple(columns)
        return record

    def keys(self):
        return iter(self.columns)


def test_each_record_reads_its_columns_by_name_and_position():
    rows = named_rows([Record({"id": 1, "account": "cash:clearing", "amount": None}),
                       Record({"id": 2, "account": "ar:insurance", "amount": "-250.00"})])
    assert [(row.id, row.account, row.amount) for row in rows] == [(1, "cash:clearing", None), (2, "ar:insurance", "-250.00")]
    assert tuple(rows[1]) == (2, "ar:insurance", "-250.00")


def test_an_unknown_column_is_an_attribute_error_and_no_records_no_rows():
    row, = named_rows([Record({"id": 1})])
    assert row.id == 1 and not hasattr(row, "amount")
    assert named_rows([]) == []


def test_statements_with_the_same_columns_share_a_row_class():
    first, = named_rows([Record({"id": 1, "kind": "charge"})])
    second, = named_rows([Record({"id": 2, "kind": "payment"})])
    assert type(first) is type(second) and type(first)._fields == ("id", "kind")
