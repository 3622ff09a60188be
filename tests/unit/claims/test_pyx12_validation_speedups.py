"""The shortcuts of a segment's validation give pyx12's own answers: a value that passes every check of an element
(asked of one element of each kind in the 837P map, with values of every kind its data types refuse), the syntax
rules kept by which elements are present (every segment of the map with rules, its elements filled in every way)."""
import itertools
import random

import pyx12.map_if
import pyx12.params
import pyx12.segment
import pytest

from services.claims.adapters import pyx12_speedups, pyx12_validation_speedups
from pyx12.map_if import element_if, segment_if

pytestmark = pytest.mark.unit

VALUES = ["", " ", "A", "a", "AB ", "Y", "N", "11", "XX", "HC", "D8", "RD8", "TM", "EI", "ABK", "P", "18", "Z", "il",
          "IL", "0", "1", "-1", "1.5", "1.", ".5", "100.123", "0.0001", "-5", "1-2", "1X7", "12345678901234567890",
          "20261101", "20261131", "20260229", "20261301", "2026113", "20261101-20261102", "20261102-2026110",
          "261101", "1230", "2561", "123456", "12345", "1234567890", "62704", "6270", "R" * 81, "RIV\x07ERA",
          "RIV\x01ERA", "RIVÉRA", "rivera", "PCN 1", "~", "*", ":", "^", "005010X222A1", "99213", "E119"]
TYPE_LISTS = [None, ["D8"], ["RD8"], ["TM"], [None], ["D8", "RD8"]]


def _nodes(node, kind):
    """The nodes of a kind under a node: a loop keeps its children by position, a segment or composite in a list."""
    by_position = getattr(node, "pos_map", None) or {}
    for child in getattr(node, "children", None) or [child for children in by_position.values() for child in children]:
        if isinstance(child, kind):
            yield child
        yield from _nodes(child, kind)


def _what_is_checked(node) -> tuple:
    """What a check of a present value reads from its node (its name and designator only word the errors)."""
    return (node.data_ele, node.usage, node._valid_codes_set, node.external_codes, node.res, node.seq,
            node.parent.usage if node.parent.is_composite() else None)


def _value(text: str, one_value_composite: bool):
    return pyx12.segment.Composite(text, ":") if one_value_composite else pyx12.segment.Element(text)


def _pyx12s_own_check(node_type):
    """Under the verdicts remembered per document (which, outside a document, hand every call on) sits the
    shortcut, which keeps pyx12's own check as `original`."""
    cells = [cell.cell_contents for cell in node_type.is_valid_errors.__closure__]
    return next(content.original for content in cells if hasattr(content, "original"))


def test_every_element_of_the_map_gets_pyx12s_answer_for_every_value():
    assert pyx12_speedups.apply()
    patched, original = element_if.is_valid_errors, _pyx12s_own_check(element_if)
    root = pyx12.map_if.load_map_file("837.5010.X222.A1.xml", pyx12.params.params(), None)
    nodes = {_what_is_checked(node): node for node in _nodes(root, element_if)}.values()  # one of each kind, for time
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


FILLINGS = ["", "X", ":", "::", ":X", "A:B", None]  # None: the segment ends before the element


def _segment_with(node, filled: dict) -> pyx12.segment.Segment:
    last = max((position for position, value in filled.items() if value is not None), default=0)
    values = [filled.get(position) or "" for position in range(1, last + 1)]
    return pyx12.segment.Segment("*".join([node.id, *values]), "~", "*", ":")


def test_syntax_rules_get_pyx12s_answer_for_every_way_their_elements_are_filled():
    assert pyx12_speedups.apply()
    patched, original = segment_if.is_valid_errors, _pyx12s_own_check(segment_if)
    root = pyx12.map_if.load_map_file("837.5010.X222.A1.xml", pyx12.params.params(), None)
    nodes = {(node.id, repr(node.syntax)): node for node in _nodes(root, segment_if) if node.syntax}.values()
    assert len(nodes) > 20
    draw = random.Random(7)
    for node in nodes:
        named = pyx12_validation_speedups.syntax_positions_named(node)
        positions = [position for position in range(1, named.bit_length() + 1) if named >> position - 1 & 1]
        every_way = itertools.product(FILLINGS, repeat=len(positions)) if len(positions) <= 4 else (
            [draw.choice(FILLINGS) for _ in positions] for _ in range(2000))  # too many ways: a sample
        for values in every_way:
            seg_data = _segment_with(node, dict(zip(positions, values)))
            assert patched(node, seg_data) == original(node, seg_data), (node.id, values)


def test_a_data_types_check_made_once_answers_as_pyx12s_own():
    root = pyx12.map_if.load_map_file("837.5010.X222.A1.xml", pyx12.params.params(), None)
    data_types = {node._resolve_data_ele()["data_type"] for node in _nodes(root, element_if)}
    assert {"AN", "ID", "R", "DT", "TM"} <= data_types
    for data_type in data_types | {"N0", "N2", "RD8", "D6", "B", "XX", None, ""}:
        for charset, icvn in itertools.product(("B", "E"), ("00401", "00501")):
            check = pyx12_validation_speedups._data_type_check(data_type, charset, icvn)
            for text in filter(None, VALUES):
                expected = pyx12.validation.IsValidDataType(text, data_type, charset, icvn)
                assert (True if check is None else check(text)) == expected, (data_type, charset, icvn, text)


def _refused_part_way(node, position: int, last_value):
    """A segment of the node's id with every element before `position` set, and `last_value` (a composite's
    text, or anything a segment does not hold) at it."""
    seg_data = _segment_with(node, {p: "X" for p in range(1, position)} | {position: "X"})
    seg_data.elements[position - 1] = last_value
    return seg_data


def _answer(check, node, seg_data):
    """What a check gives, or the class of what it raises (pyx12 4.0.0 raises IndexError on a composite with
    more values than its node)."""
    try:
        return check(node, seg_data)
    except Exception as raised:  # noqa: BLE001 - the class of whatever is raised is the answer compared
        return type(raised)


def test_a_segment_the_plan_refuses_part_way_gets_pyx12s_answer():
    """A composite with more values than its node, or an element that is no Composite, found after other elements
    were validated: the plan hands the segment to pyx12's own check, whose answer is the one given."""
    assert pyx12_speedups.apply()
    patched, original = segment_if.is_valid_errors, _pyx12s_own_check(segment_if)
    root = pyx12.map_if.load_map_file("837.5010.X222.A1.xml", pyx12.params.params(), None)
    refused = 0
    for node in {node.id: node for node in _nodes(root, segment_if)}.values():
        for i, child, kind in pyx12_validation_speedups.element_plan(node):
            if kind == pyx12_validation_speedups._COMPOSITE and child.usage != "N":
                too_many = pyx12.segment.Composite(":".join(["X"] * (child.get_child_count() + 1)), ":")
                seg_data = _refused_part_way(node, i + 1, too_many)
                assert _answer(patched, node, seg_data) == _answer(original, node, seg_data), (node.id, i)
                refused += 1
            elif kind == pyx12_validation_speedups._ELEMENT and i > 0:
                seg_data = _refused_part_way(node, i + 1, pyx12.segment.Element("X"))
                assert _answer(patched, node, seg_data) == _answer(original, node, seg_data), (node.id, i)
                refused += 1
    assert refused > 100
