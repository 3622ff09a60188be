"""Speedups for pyx12 4.0.0's validation of a segment against its map node, for segments whose verdict is not
already known in the document (a new patient's NM1 and DMG, each claim's CLM, its line REFs).

Applied by `pyx12_speedups.apply()`, only to pyx12 4.0.0, and before the verdicts are remembered
(`pyx12_segment_speedups`), which then call this in place of the original. The corpus test
(tests/unit/claims/test_pyx12_speedups.py) compares every verdict with a pristine pyx12's.
"""
import pyx12.map_if._segment as segment_module
import pyx12.segment
from pyx12.map_if import composite_if, element_if, segment_if

_COMPOSITE, _ELEMENT, _NEITHER = range(3)
_DATE_FORMATS = ("RD8", "D8", "D6", "DT", "TM")


def element_plan(node) -> tuple:
    """For each position of the segment node: (position, its map node, composite, element or neither), as
    segment_if.is_valid_errors finds them with get_child_node_by_idx; kept per node (its children never
    change once the map is built)."""
    plan = node.__dict__.get("_element_plan")
    if plan is None:
        children = [node.get_child_node_by_idx(i) for i in range(node.get_child_count())]
        plan = node._element_plan = tuple(
            (i, child, _COMPOSITE if isinstance(child, composite_if) else _ELEMENT if isinstance(child, element_if)
             else _NEITHER) for i, child in enumerate(children))
    return plan


def absent_elements_verdict(node, present: int) -> tuple:
    """(ok, errors) of the node's elements and composites past the segment's first `present` elements, which
    segment_if.is_valid_errors checks as absent (None): a mandatory one is reported missing, the others pass.
    Kept per node and count: is_valid_errors(None) reads only the map (usage, position, parent, name and
    reference designator) and its errors are frozen EleErrors that carry no value and no position, so the
    answer never changes once the map is built. Most segments stop before their last optional elements, and
    these checks were two of every three element checks of a segment new in the file."""
    by_present = node.__dict__.get("_absent_verdicts")
    if by_present is None:
        by_present = node._absent_verdicts = {}
    known = by_present.get(present)
    if known is None:
        valid, errors = True, []
        for _, child, kind in element_plan(node)[present:]:
            if kind != _NEITHER:
                ok, child_errors = child.is_valid_errors(None)
                valid &= ok
                errors += child_errors
        known = by_present[present] = (valid, tuple(errors))
    return known


def _validate_from_a_plan() -> None:
    """segment_if.is_valid_errors reaches each element through Segment.get with a reference designator it
    formats for the purpose ("%02i"), and the DTP qualifier through get_value: for a designator of an
    element alone, within the segment's length, get returns the segment's composite at that position and
    get_value its format(), which is what this reads directly. The element nodes come from the plan above,
    each is validated by its own is_valid_errors with the same arguments (the date format of a DTP, the
    1250 qualifier's codes) in the same order, the absent ones answered once per node (above), and the syntax
    rules by the same function. A segment with
    more elements than its node, or a composite with more values than its node (both errors), or elements
    that are not pyx12 Composites, go to the original."""
    original = segment_if.is_valid_errors
    composite_type = pyx12.segment.Composite

    def is_valid_errors(self, seg_data):
        if seg_data.__class__ is not pyx12.segment.Segment:
            return original(self, seg_data)
        plan, elements = element_plan(self), seg_data.elements
        present = len(elements)
        if present > len(plan):
            return original(self, seg_data)
        for i, child, kind in plan[:present]:
            if elements[i].__class__ is not composite_type or (
                    kind == _COMPOSITE and len(elements[i].elements) > child.get_child_count()
                    and child.usage != "N"):
                return original(self, seg_data)
        valid, errors = True, []
        dtype, type_list = [], []
        is_dtp = seg_data.seg_id == "DTP"
        for i, child, kind in plan[:present]:
            if kind == _COMPOSITE:
                ok, child_errors = child.is_valid_errors(elements[i])
            elif kind == _ELEMENT:
                if i == 1 and is_dtp and elements[1].format() in _DATE_FORMATS:
                    dtype = [elements[1].format()]
                if child.data_ele == "1250":
                    type_list.extend(child.valid_codes)
                if i == 2 and is_dtp:
                    ok, child_errors = child.is_valid_errors(elements[i], dtype)
                elif child.data_ele == "1251" and len(type_list) > 0:
                    ok, child_errors = child.is_valid_errors(elements[i], type_list)
                else:
                    ok, child_errors = child.is_valid_errors(elements[i])
            else:
                continue
            valid &= ok
            errors += child_errors
        ok, absent_errors = absent_elements_verdict(self, present)
        valid &= ok
        errors += absent_errors
        for syn in self.syntax:
            result, syn_err = segment_module.is_syntax_valid(seg_data, syn)
            if not result:
                assert syn_err is not None
                errors.append(segment_module.EleError(err_cde="10" if syn[0] == "E" else "2", err_str=syn_err,
                                                      refdes=syn[1]))
                valid = False
        return valid, errors

    segment_if.is_valid_errors = is_valid_errors


PATCHES = (_validate_from_a_plan,)
