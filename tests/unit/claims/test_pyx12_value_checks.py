"""A value that passes every check of an element is answered without pyx12's own check; this asks both of every
element of the 837P map, with values of every kind the map's data types can refuse, and requires the same answer."""
import pyx12.map_if
import pyx12.params
import pyx12.segment
import pytest

from services.claims.adapters import pyx12_speedups, pyx12_validation_speedups
from pyx12.map_if import element_if

pytestmark = pytest.mark.unit

VALUES = ["", " ", "A", "a", "AB ", "Y", "N", "11", "XX", "HC", "D8", "RD8", "TM", "EI", "ABK", "P", "18", "Z", "il",
          "IL", "0", "1", "-1", "1.5", "1.", ".5", "100.123", "0.0001", "-5", "1-2", "1X7", "12345678901234567890",
          "20261101", "20261131", "20260229", "20261301", "2026113", "20261101-20261102", "20261102-2026110",
          "261101", "1230", "2561", "123456", "12345", "1234567890", "62704", "6270", "R" * 81, "RIV\x07ERA",
          "RIV\x01ERA", "RIVÉRA", "rivera", "PCN 1", "~", "*", ":", "^", "005010X222A1", "99213", "E119"]
TYPE_LISTS = [None, ["D8"], ["RD8"], ["TM"], [None], ["D8", "RD8"]]


def _elements(node):
    """The element nodes under a node: a loop keeps its children by position, a segment or composite in a list."""
    by_position = getattr(node, "pos_map", None) or {}
    for child in getattr(node, "children", None) or [child for children in by_position.values() for child in children]:
        if isinstance(child, element_if):
            yield child
        yield from _elements(child)


def _what_is_checked(node) -> tuple:
    """What a check of a present value reads from its node (its name and designator only word the errors)."""
    return (node.data_ele, node.usage, node._valid_codes_set, node.external_codes, node.res, node.seq,
            node.parent.usage if node.parent.is_composite() else None)


def _value(text: str, one_value_composite: bool):
    return pyx12.segment.Composite(text, ":") if one_value_composite else pyx12.segment.Element(text)


def _pyx12s_own_check():
    """Under the verdicts remembered per document (which, outside a document, hand every call on) sits the
    direct answer, which keeps pyx12's own check as `original`."""
    cells = [cell.cell_contents for cell in element_if.is_valid_errors.__closure__]
    return next(content.original for content in cells if hasattr(content, "original"))


def test_every_element_of_the_map_gets_pyx12s_answer_for_every_value():
    assert pyx12_speedups.apply()
    patched, original = element_if.is_valid_errors, _pyx12s_own_check()
    root = pyx12.map_if.load_map_file("837.5010.X222.A1.xml", pyx12.params.params(), None)
    nodes = {_what_is_checked(node): node for node in _elements(root)}.values()  # one of each kind, for time
    assert len(nodes) > 100
    answered = 0
    for node in nodes:
        for text in VALUES:
            for type_list in TYPE_LISTS:
                for composite in (False, True):
                    value = _value(text, composite)
                    expected = original(node, value, type_list)
                    assert patched(node, value, type_list) == expected, (node.refdes, text, type_list)
                    answered += pyx12_validation_speedups._passes_every_check(node, text, type_list) if text else 0
    assert answered > 0
