"""Speedups for pyx12 4.0.0 on the work it repeats for every segment of a document: walking the map to the
segment's node, building the segment from its line, and validating it against that node.

Applied with the others by `pyx12_speedups.apply()`, only to pyx12 4.0.0. Each patch says why it cannot
change a verdict; the corpus test (tests/unit/claims/test_pyx12_speedups.py) compares every verdict with
a pristine pyx12's.
"""
import functools
import threading

import pyx12.map_walker
import pyx12.segment
import pyx12.x12n_document
from pyx12.map_if import element_if, segment_if


# 1. The walker skips candidates that cannot match ----------------------------------------------------

def _loop_candidates(node, node_pos: int) -> tuple:
    """The children of a loop from a position on, in the walker's order, each with what decides whether
    it can match: (child, is a segment, is a loop whose first child is a segment)."""
    by_pos = node.__dict__.get("_candidates")
    if by_pos is None:
        by_pos = node._candidates = {}
    found = by_pos.get(node_pos)
    if found is None:
        found = by_pos[node_pos] = tuple(
            (child, child.is_segment(), child.is_loop() and len(child) > 0 and child.get_first_node().is_segment())
            for pos in sorted(node.pos_map) if pos >= node_pos for child in node.pos_map[pos])
    return found


def _skip_candidates_by_segment_id() -> None:
    """For each segment the walker tries the children of the current loop from the current position on,
    then of each enclosing loop (_scan_loop_at_position), sorting the loop's positions each time, and
    most candidates have another segment id. A candidate whose id differs cannot match (is_match
    compares the id first), and the walker's only other step for it is to note a mandatory segment or
    loop not yet seen, which it does only for usage R with a count below one. So a segment child of
    another id, or a loop whose first segment has another id, is skipped when it is not mandatory or
    has been counted; every other candidate, and every loop that starts with a loop, goes through the
    walker's own code as before. The order of the candidates is the original's, kept per loop and
    position (the map does not change)."""
    original = pyx12.map_walker.walk_tree._scan_loop_at_position
    segment_type = pyx12.segment.Segment

    def _scan_loop_at_position(self, node, node_pos, seg_data, orig_node, seg_count, cur_line, ls_id,
                               pop_node_list):
        if seg_data.__class__ is not segment_type or "pos_map" not in node.__dict__:
            return original(self, node, node_pos, seg_data, orig_node, seg_count, cur_line, ls_id, pop_node_list)
        seg_id, get_count = seg_data.seg_id, self.counter.get_count
        for child, is_segment, starts_with_segment in _loop_candidates(node, node_pos):
            if is_segment:
                if child.id != seg_id and (child.usage != "R" or get_count(child.x12path) >= 1):
                    continue
                result = self._try_match_segment_child(node, child, seg_data, orig_node, seg_count, cur_line, ls_id,
                                                       pop_node_list)
            elif starts_with_segment and child.get_first_node().id != seg_id and (
                    child.usage != "R" or get_count(child.x12path) >= 1):
                continue
            elif child.is_loop():
                result = self._try_match_loop_child(child, seg_data, seg_count, cur_line, ls_id, pop_node_list)
            else:
                continue
            if result is not None:
                return result
        return None

    pyx12.map_walker.walk_tree._scan_loop_at_position = _scan_loop_at_position


# 2. Segments read with fewer calls ----------------------------------------------------------------------

def _build_segments_directly() -> None:
    """The reader builds a Segment per line, a Composite per element and an Element per value, each
    through its constructor: a tenth of the gate's time. This builds the very same objects (same
    classes, same attributes and values, ISA's elements split on the element terminator as pyx12
    does) with one constructor call per segment. A terminator the originals would refuse, and an
    empty segment, go to the original constructor, which raises or builds as before."""
    original = pyx12.segment.Segment.__init__
    composite_type, element_type = pyx12.segment.Composite, pyx12.segment.Element
    new = object.__new__

    def __init__(self, seg_str, seg_term, ele_term, subele_term, repetition_term="^"):
        if not seg_str or not isinstance(seg_str, str) or not isinstance(ele_term, str) or not ele_term:
            return original(self, seg_str, seg_term, ele_term, subele_term, repetition_term)
        elems = (seg_str[:-1] if seg_str[-1] == seg_term else seg_str).split(ele_term)
        term = ele_term if elems[0] == "ISA" else subele_term
        if len(elems) > 1 and not (isinstance(term, str) and len(term) == 1):
            return original(self, seg_str, seg_term, ele_term, subele_term, repetition_term)
        self.seg_term = self.seg_term_orig = seg_term
        self.ele_term = self.ele_term_orig = ele_term
        self.subele_term = self.subele_term_orig = subele_term
        self.repetition_term = repetition_term
        self.seg_id = elems[0]
        self.elements = composites = []
        for text in elems[1:]:
            composite = new(composite_type)
            composite.subele_term = composite.subele_term_orig = term
            composite.elements = values = []
            for value in text.split(term):
                element = new(element_type)
                element.value = value
                values.append(element)
            composites.append(composite)

    __init__.original = original  # for the test that compares the objects both build
    pyx12.segment.Segment.__init__ = __init__


# 3. Verdicts remembered by value, within one document -----------------------------------------------

_document = threading.local()  # .segments and .elements: the verdicts of the document being validated


def _remember_verdicts_per_document() -> None:
    """The verdicts below are kept for the length of one x12n_document call, in a thread-local scope:
    a batch repeats most of its segments (submitter, receiver, billing provider, payer, SBR, REF and
    DTP qualifiers...), and nothing read from one document outlives it, so memory stays bounded by
    the file and no value (some are PHI) stays in the process after the call. Outside a document,
    and in a document validated by a thread of its own, the scopes do not meet."""
    original = pyx12.x12n_document.x12n_document

    @functools.wraps(original)
    def x12n_document(*args, **kwargs):
        outer = getattr(_document, "segments", None), getattr(_document, "elements", None)
        _document.segments, _document.elements = {}, {}
        try:
            return original(*args, **kwargs)
        finally:
            _document.segments, _document.elements = outer

    pyx12.x12n_document.x12n_document = x12n_document


def _segment_key(seg_data) -> tuple:
    """All segment_if.is_valid_errors reads of a segment: its id, its terminators (a composite's text
    in a message is joined with them) and every value at every position, trailing empties included
    (they count against the map's element count)."""
    return (seg_data.seg_id, seg_data.ele_term, seg_data.subele_term,
            tuple([tuple([element.value for element in composite.elements]) for composite in seg_data.elements]))


def _remember_segment_verdicts() -> None:
    """segment_if.is_valid_errors is a pure function of the map node and the segment's values: it
    checks counts of elements, each element against its map node, and the syntax rules that tie the
    segment's own elements together; it reads no counter, no loop position and no line number, and
    its errors (frozen EleErrors) carry the map node, never a position. The position is added when
    apply_segment_errors hands them to the error handler with the current line, which still happens
    for every segment. So a segment with the same values at the same map node gets the same
    (ok, errors) again. The node is keyed by identity: map nodes compare equal by id and parent id,
    and two REF nodes of one loop are different nodes with different codes."""
    original = segment_if.is_valid_errors

    def is_valid_errors(self, seg_data):
        verdicts = getattr(_document, "segments", None)
        if verdicts is None or type(seg_data) is not pyx12.segment.Segment:
            return original(self, seg_data)
        key = (id(self), _segment_key(seg_data))
        known = verdicts.get(key)
        if known is None:
            ok, errors = original(self, seg_data)
            known = verdicts[key] = (self, ok, tuple(errors))  # the node held, so its id cannot be reused
        return known[1], list(known[2])

    segment_if.is_valid_errors = is_valid_errors


def _remember_element_verdicts() -> None:
    """element_if.is_valid_errors is a pure function of the node (its map attributes, its map's
    frozen parameters and code lists), the value and the date/time types a DTP or a 1250 qualifier
    passes in: length, characters, codes, data type and regex are all checks of that value. A segment
    seen for the first time (a new patient's NM1, a new claim's CLM) still repeats most of its
    values, and those are answered again. Only a plain value is remembered: a composite where an
    element belongs, or no value, goes to the original."""
    original = element_if.is_valid_errors
    plain = (pyx12.segment.Element, pyx12.segment.Composite)

    def is_valid_errors(self, elem, type_list=None):
        verdicts = getattr(_document, "elements", None)
        kind = type(elem)
        if verdicts is None or kind not in plain or (kind is pyx12.segment.Composite and len(elem.elements) != 1):
            return original(self, elem, type_list)
        value = elem.value if kind is pyx12.segment.Element else elem.elements[0].value
        key = (id(self), kind, value, tuple(type_list) if type_list else None)
        known = verdicts.get(key)
        if known is None:
            ok, errors = original(self, elem, type_list)
            known = verdicts[key] = (self, ok, tuple(errors))
        return known[1], list(known[2])

    element_if.is_valid_errors = is_valid_errors


PATCHES = (_skip_candidates_by_segment_id, _build_segments_directly,
           _remember_verdicts_per_document, _remember_segment_verdicts, _remember_element_verdicts)
