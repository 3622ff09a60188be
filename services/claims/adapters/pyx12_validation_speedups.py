"""Speedups for pyx12 4.0.0's validation of a segment against its map node, for segments whose verdict is not
already known in the document (a new patient's NM1 and DMG, each claim's CLM, its line REFs).

Applied by `pyx12_speedups.apply()`, only to pyx12 4.0.0, and before the verdicts are remembered
(`pyx12_segment_speedups`), which then call this in place of the original. The corpus test
(tests/unit/claims/test_pyx12_speedups.py) compares every verdict with a pristine pyx12's.
"""
import pyx12.map_if._segment as segment_module
import pyx12.segment
import pyx12.validation
from pyx12.map_if import composite_if, element_if, segment_if

from services.claims.adapters.pyx12_segment_speedups import document_scope

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


def _syntax_rules_broken(node, seg_data) -> tuple:
    """The errors of the node's syntax rules on the segment, as segment_if.is_valid_errors words them."""
    errors = []
    for syn in node.syntax:
        result, syn_err = segment_module.is_syntax_valid(seg_data, syn)
        if not result:
            assert syn_err is not None
            errors.append(segment_module.EleError(err_cde="10" if syn[0] == "E" else "2", err_str=syn_err,
                                                  refdes=syn[1]))
    return tuple(errors)


def syntax_positions_named(node) -> int | None:
    """The element positions the node's syntax rules name, as bits (1 << position - 1), or None when a rule is one
    is_syntax_valid could read otherwise (fewer than two positions, a position below one); kept per node."""
    if "_syntax_positions_named" not in node.__dict__:
        rules = node.syntax
        positions = {position for syn in rules for position in syn[1:]}
        readable = all(len(syn) >= 3 for syn in rules) and all(
            position.__class__ is int and position >= 1 for position in positions)
        node._syntax_positions_named = sum(1 << position - 1 for position in positions) if readable else None
    return node._syntax_positions_named


def syntax_rules_errors(node, seg_data, filled: int) -> tuple:
    """The syntax rules' errors (P, R, E, C, L: if one of these elements is present, all or one of those are),
    kept per node by which of the named elements are present: `filled`, the bits of the named positions within
    the segment whose get_value is not empty (get_value of a designator of an element alone is that composite's
    format()), as the plan below reads them. is_syntax_valid reads nothing else of the segment, but the segment
    id, which is the node's for what is kept. Its errors are frozen EleErrors worded from the rule and the
    segment id: nothing read from the file is kept. A segment of another id, or rules read otherwise, go
    through the rules each time."""
    if syntax_positions_named(node) is None or seg_data.seg_id != node.id:
        return _syntax_rules_broken(node, seg_data)
    by_presence = node.__dict__.get("_syntax_verdicts")
    if by_presence is None:
        by_presence = node._syntax_verdicts = {}
    known = by_presence.get(filled)
    if known is None:
        known = by_presence[filled] = _syntax_rules_broken(node, seg_data)
    return known


_PLAIN, _DATE_TIME_QUALIFIER, _DATE_TIME_VALUE = range(3)  # an element's part in the 1250/1251 pair


def segment_plan(node) -> tuple:
    """What validating a segment at this node reads of the map, worked out once per node (the map does not change
    once built): for each position (position, its node, composite/element/neither, its part in a 1250/1251 pair,
    the node's id under which the document keeps its verdicts, and the most values a composite may hold or None
    when that is not checked); the positions its syntax rules name (`syntax_positions_named`, 0 without rules) and
    whether it has rules."""
    known = node.__dict__.get("_segment_plan")
    if known is None:
        entries = tuple(
            (i, child, kind,
             _DATE_TIME_QUALIFIER if kind == _ELEMENT and child.data_ele == "1250" else
             _DATE_TIME_VALUE if kind == _ELEMENT and child.data_ele == "1251" else _PLAIN,
             id(child),
             child.get_child_count() if kind == _COMPOSITE and child.usage != "N" else None)
            for i, child, kind in element_plan(node))
        known = node._segment_plan = (entries, (syntax_positions_named(node) or 0) if node.syntax else 0,
                                      bool(node.syntax))
    return known


def _validate_from_a_plan() -> None:
    """segment_if.is_valid_errors reaches each element through Segment.get with a reference designator it
    formats for the purpose ("%02i"), and the DTP qualifier through get_value: for a designator of an
    element alone, within the segment's length, get returns the segment's composite at that position and
    get_value its format(), which is what this reads directly. The element nodes come from the plan above,
    each is validated by its own is_valid_errors with the same arguments (the date format of a DTP, the
    1250 qualifier's codes) in the same order, the absent ones answered once per node (above), and the syntax
    rules once per node and presence of the elements they name (above). A plain value whose verdict the
    document already holds is read from the document's verdicts here, under the key their keeper
    (`pyx12_segment_speedups`) files it by, rather than through a call that copies its errors into a list
    of their own: most values of a segment new in the file are known (its qualifiers, codes, the
    provider's ids). A segment with more elements than its node, or a composite with more values than its
    node (both errors), or elements that are not pyx12 Composites, go to the original; found on the way, the
    elements before them have only been validated, which touches nothing but the document's verdicts, and
    those are pyx12's answers."""
    original = segment_if.is_valid_errors
    composite_type = pyx12.segment.Composite

    def is_valid_errors(self, seg_data):
        if seg_data.__class__ is not pyx12.segment.Segment:
            return original(self, seg_data)
        plan = self.__dict__.get("_segment_plan") or segment_plan(self)
        entries, named, has_syntax = plan
        elements = seg_data.elements
        present = len(elements)
        if present > len(entries):
            return original(self, seg_data)
        known_by_node = getattr(document_scope, "elements", None)
        valid, errors, filled = True, [], 0
        dtype, type_list = [], []
        is_dtp = seg_data.seg_id == "DTP"
        for element, (i, child, kind, part, node_id, most_values) in zip(elements, entries):
            if element.__class__ is not composite_type:
                return original(self, seg_data)
            values = element.elements
            single = len(values) == 1
            value = values[0].value if single else None
            if named >> i & 1 and (value != "" if single and value.__class__ is str else element.format() != ""):
                filled |= 1 << i
            if kind == _COMPOSITE:
                if most_values is not None and len(values) > most_values:
                    return original(self, seg_data)
                ok, child_errors = child.is_valid_errors(element)
            elif kind == _ELEMENT:
                if part or is_dtp:  # a date or time element, or its qualifier: the types it is read as
                    if is_dtp and i == 1:
                        date_format = element.format()
                        if date_format in _DATE_FORMATS:
                            dtype = [date_format]
                    if part == _DATE_TIME_QUALIFIER:
                        type_list.extend(child.valid_codes)
                    types = (dtype if i == 2 and is_dtp else type_list if part == _DATE_TIME_VALUE and type_list
                             else None)
                else:
                    types = None
                held = known_by_node.get(node_id) if known_by_node is not None and single else None
                if held is not None:
                    known = held[1].get((value, *types) if types else value)
                    if known is not None:
                        valid &= known[0]
                        errors += known[1]
                        continue
                ok, child_errors = child.is_valid_errors(element, types)
            else:
                continue
            valid &= ok
            errors += child_errors
        by_present = self.__dict__.get("_absent_verdicts")
        absent = by_present.get(present) if by_present is not None else None
        ok, absent_errors = absent if absent is not None else absent_elements_verdict(self, present)
        valid &= ok
        errors += absent_errors
        if has_syntax:
            syntax_errors = syntax_rules_errors(self, seg_data, filled)
            if syntax_errors:
                errors += syntax_errors
                valid = False
        return valid, errors

    is_valid_errors.original = original  # for the test that fills the elements the syntax rules name
    segment_if.is_valid_errors = is_valid_errors


def _passes_every_check(node, value: str, type_list) -> bool:
    """Whether element_if.is_valid_errors finds nothing wrong with a present value, asked check by check with the
    original's own tests (length, measured as it measures it, control characters, trailing spaces, code list,
    data type, the DTP's or 1250's type list, regex) and its own validation functions, with the same arguments.
    A False is no verdict: it only sends the value to the original, which finds and words the errors. The trailing
    space test is stricter than the original's (any value ending in a space goes to it)."""
    check = node.__dict__.get("_first_check")
    if check is None:
        check = node._first_check = _value_check(node)
    return check(value, type_list)


def _data_type_check(data_type, charset, icvn):
    """pyx12.validation.IsValidDataType(value, data_type, charset, icvn) for a non-empty string, with its choice of
    test made once: N and R by pyx12's match_re, ID and AN by the character-set pattern its not_match_re picks
    (a class of one character, so any match is a bad character). Other types, and a character set it does not
    know (it raises), call IsValidDataType itself each time."""
    validation = pyx12.validation
    if not data_type:
        return None
    if data_type[0] == "N" or data_type == "R":
        kind = "N" if data_type[0] == "N" else "R"
        return lambda value: validation.match_re(kind, value)
    if data_type in ("ID", "AN") and charset in ("B", "E"):
        search = (validation.rec_ID_B if charset == "B" else validation.rec_ID_E5 if icvn == "00501"
                  else validation.rec_ID_E).search
        return lambda value: search(value) is None
    return lambda value: validation.IsValidDataType(value, data_type, charset, icvn)


def _value_check(node):
    """The tests of `_passes_every_check` with what they read of the node worked out once: the data element, its
    bounds and type, the code list, the regex, and the map's character set and version. All are fixed once the map
    is built (its parameters are a frozen copy, `pyx12_speedups._cache_maps`); the value is still put to each
    test."""
    if node.usage == "N":
        return lambda value, type_list: False
    data_ele = node._resolve_data_ele()
    data_type, min_len, max_len = data_ele["data_type"], data_ele["min_len"], data_ele["max_len"]
    numeric = data_type is not None and (data_type == "R" or data_type[0] == "N")
    codes = node._valid_codes_set if node._valid_codes_set or node.external_codes is not None else None
    regex = node.rec.search if node.rec is not None else None
    charset = node.root.param.get("charset")
    of_type = _data_type_check(data_type, charset, node.root.icvn or "00401")
    validation = pyx12.validation

    def check(value: str, type_list) -> bool:
        measured = value.replace("-", "").replace(".", "") if numeric else value
        if not min_len <= len(measured) <= max_len or value[-1] == " ":
            return False
        if codes is not None and value not in codes:
            return False
        if regex is not None and regex(value) is None:
            return False
        if validation.contains_control_character(value)[0]:
            return False
        if of_type is not None and not of_type(value):
            return False
        return not type_list or any(validation.IsValidDataType(value, dtype, charset)
                                    for dtype in type_list if dtype is not None)

    return check


def _answer_values_that_pass_directly() -> None:
    """A value new in the document (a claim id, a member id, a name, a charge, a date) reached
    element_if.is_valid_errors, which runs each check in a method of its own, builds a list for each, resolves
    the data element at every one of them and reads the value through three get_value calls: about a dozen calls
    to find nothing wrong, which is the answer for almost every value of a file the writer made. So a plain
    value (an Element, or a Composite of one Element, holding a non-empty string) that passes every check
    (above) gets (True, []) straight away, the original's answer when it finds nothing; anything else (an
    empty or absent value, a composite where an element belongs, a value any check would refuse) goes to the
    original, which records what it finds."""
    original = element_if.is_valid_errors
    element_type, composite_type = pyx12.segment.Element, pyx12.segment.Composite

    def is_valid_errors(self, elem, type_list=None):
        kind = elem.__class__
        if kind is composite_type and len(elem.elements) == 1:
            elem_value = elem.elements[0]
            value = elem_value.value if elem_value.__class__ is element_type else None
        else:
            value = elem.value if kind is element_type else None
        if value.__class__ is str and value:
            check = self.__dict__.get("_first_check")  # _passes_every_check, inline: every first check runs it
            if check is None:
                check = self._first_check = _value_check(self)
            if check(value, type_list):
                return True, []
        return original(self, elem, type_list)

    is_valid_errors.original = original  # for the test that asks both of every element of the map
    element_if.is_valid_errors = is_valid_errors


PATCHES = (_validate_from_a_plan, _answer_values_that_pass_directly)
