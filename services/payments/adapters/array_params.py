"""Set-based reads bind a batch's keys as one array: `= ANY(:ids)` is one statement text whatever the
batch's size, so a connection prepares it once (an IN list is a new statement, parsed and planned, for
every size)."""
from sqlalchemy import ARRAY, Uuid, any_, bindparam
from sqlalchemy.sql.elements import ColumnElement


def any_id(name: str = "ids") -> ColumnElement:
    """`ANY(:name)` over a bound array of UUIDs."""
    return any_(bindparam(name, type_=ARRAY(Uuid)))
