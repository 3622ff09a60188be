"""Speedups for pyx12 4.0.0 on the work it repeats for every segment of a document: walking the map to the
segment's node, building the segment from its line, and validating it against that node.

Applied with the others by `pyx12_speedups.apply()`, only to pyx12 4.0.0. Each patch says why it cannot
change a verdict; the corpus test (tests/unit/claims/test_pyx12_speedups.py) compares every verdict with
a pristine pyx12's.
"""
import functools
import operator
import threading

import pyx12.map_walker
import pyx12.segment
import pyx12.x12file
import pyx12.x12n_document
from pyx12.map_if import composite_if, element_if, segment_if

from services.claims.adapters import pyx12_document_loop
from services.claims.adapters.pyx12_reader_speedups import only_counted_segment

# 1. The walker skips candidates that cannot match ----------------------------------------------------

TRY_SEGMENT, MISSING_SEGMENT, _TRY_LOOP, MISSING_LOOP = range(4)


def _candidates_in_order(node, node_pos: int) -> tuple:
    """The children of a loop from a position on, in the walker's order: (child, is a segment, the id
    of its first segment when it is a loop that starts with one)."""
    return tuple((child, child.is_segment(),
                  child.get_first_node().id if child.is_loop() and len(child) > 0
                  and child.get_first_node().is_segment() else None)
                 for pos in sorted(node.pos_map) if pos >= node_pos for child in node.pos_map[pos])


def loop_candidates(node, node_pos: int, seg_id: str) -> tuple:
    """What the walker has to do for a segment of this id in this loop from this position on, as
    (child, kind): try to match it (same segment id, or a loop beginning with a loop), or only note it
    missing when mandatory and not yet counted (another id, usage R); a child of another id that is
    not mandatory has nothing to do and is left out. Kept per loop, position and id; an id that no
    candidate has shares one entry, so a file of made-up ids cannot grow it."""
    by_pos = node.__dict__.get("_candidates")
    if by_pos is None:
        by_pos = node._candidates = {}
    entry = by_pos.get(node_pos)
    if entry is None:
        in_order = _candidates_in_order(node, node_pos)
        ids = {child.id if is_segment else first_id for child, is_segment, first_id in in_order}
        entry = by_pos[node_pos] = (in_order, ids, {})
    in_order, ids, by_id = entry
    key = seg_id if seg_id in ids else None
    found = by_id.get(key)
    if found is None:
        found = by_id[key] = tuple(_kinds(in_order, key))
    return found


def _kinds(in_order: tuple, seg_id: str | None):
    for child, is_segment, first_id in in_order:
        if is_segment or first_id is not None:
            if (child.id if is_segment else first_id) == seg_id:
                yield child, TRY_SEGMENT if is_segment else _TRY_LOOP
            elif child.usage == "R":
                yield child, MISSING_SEGMENT if is_segment else MISSING_LOOP
        elif child.is_loop():
            yield child, _TRY_LOOP


def _skip_candidates_by_segment_id() -> None:
    """For each segment the walker tries the children of the current loop from the current position on,
    then of each enclosing loop (_scan_loop_at_position), sorting the loop's positions each time, and
    most candidates have another segment id. A candidate whose id differs cannot match (is_match
    compares the id first), and the walker's only other step for it is to note a mandatory segment or
    loop not yet seen, which it does only for usage R with a count below one. So a segment child of
    another id, or a loop whose first segment has another id, is skipped when it is not mandatory or
    has been counted; every other candidate, and every loop that starts with a loop, goes through the
    walker's own code as before, in the original order (kept per loop, position and id: the map does
    not change)."""
    original = pyx12.map_walker.walk_tree._scan_loop_at_position
    segment_type = pyx12.segment.Segment

    def _scan_loop_at_position(self, node, node_pos, seg_data, orig_node, seg_count, cur_line, ls_id,
                               pop_node_list):
        if seg_data.__class__ is not segment_type or "pos_map" not in node.__dict__:
            return original(self, node, node_pos, seg_data, orig_node, seg_count, cur_line, ls_id, pop_node_list)
        get_count = self.counter.get_count
        for child, kind in loop_candidates(node, node_pos, seg_data.seg_id):
            if (kind == MISSING_SEGMENT or kind == MISSING_LOOP) and get_count(child.x12path) >= 1:
                continue
            if kind <= MISSING_SEGMENT:
                result = self._try_match_segment_child(node, child, seg_data, orig_node, seg_count, cur_line, ls_id,
                                                       pop_node_list)
            else:
                result = self._try_match_loop_child(child, seg_data, seg_count, cur_line, ls_id, pop_node_list)
            if result is not None:
                return result
        return None

    pyx12.map_walker.walk_tree._scan_loop_at_position = _scan_loop_at_position


# 2. Segments read with fewer calls ----------------------------------------------------------------------

def _build_directly(segment, seg_str, seg_term, ele_term, subele_term, repetition_term, composites) -> bool:
    """Fill a new Segment as pyx12's constructors would (same classes, attributes and values, ISA's elements
    split on the element terminator as pyx12 does), taking a Composite already built for the same element
    text from `composites` when one is given (and filing the ones it builds there). False, with nothing
    decided, for a terminator the originals would refuse or an empty segment: the original's case."""
    if not seg_str or not isinstance(seg_str, str) or not isinstance(ele_term, str) or not ele_term:
        return False
    elems = (seg_str[:-1] if seg_str[-1] == seg_term else seg_str).split(ele_term)
    term = ele_term if elems[0] == "ISA" else subele_term
    if len(elems) > 1 and not (isinstance(term, str) and len(term) == 1):
        return False
    if term is not subele_term:  # ISA's composites are split on another terminator: none to share
        composites = None
    segment.seg_term = segment.seg_term_orig = seg_term
    segment.ele_term = segment.ele_term_orig = ele_term
    segment.subele_term = segment.subele_term_orig = subele_term
    segment.repetition_term = repetition_term
    segment.seg_id = elems[0]
    segment.elements = built = []
    for text in elems[1:]:
        composite = composites.get(text) if composites is not None else None
        if composite is None:
            composite = _new(_composite_type)
            composite.subele_term = composite.subele_term_orig = term
            if term in text:
                composite.elements = values = []
                for value in text.split(term):
                    element = _new(_element_type)
                    element.value = value
                    values.append(element)
            else:  # one value, as split would give
                element = _new(_element_type)
                element.value = text
                composite.elements = [element]
            if composites is not None:
                composites[text] = composite
        built.append(composite)
    return True


_new, _composite_type, _element_type = object.__new__, pyx12.segment.Composite, pyx12.segment.Element


def _build_segments_directly() -> None:
    """The reader builds a Segment per line, a Composite per element and an Element per value, each
    through its constructor: a tenth of the gate's time. This builds the very same objects with one
    constructor call per segment (above). A terminator the originals would refuse, and an empty segment,
    go to the original constructor, which raises or builds as before."""
    original = pyx12.segment.Segment.__init__

    def __init__(self, seg_str, seg_term, ele_term, subele_term, repetition_term="^"):
        if not _build_directly(self, seg_str, seg_term, ele_term, subele_term, repetition_term, None):
            original(self, seg_str, seg_term, ele_term, subele_term, repetition_term)

    __init__.original = original  # for the test that compares the objects both build
    pyx12.segment.Segment.__init__ = __init__


# 3. Verdicts remembered by value, within one document -----------------------------------------------

# .segments, .elements: the verdicts of the document being validated; .lines, .shared: its shared segments
document_scope = threading.local()


def _arguments(param, src_file, fd_997, fd_html, fd_xmldoc=None, fd_json=None, xslt_files=None, map_path=None,
               callback=None) -> tuple:
    """x12n_document's parameters and defaults (4.0.0), read as (what a verdict needs, what a call asks for beside
    it): binding them with inspect.signature costs a hundred and fifty calls per document."""
    return (param, src_file, map_path), (fd_997, fd_html, fd_xmldoc, fd_json, callback)


def _verdict_only_call(args: tuple, kwargs: dict) -> tuple | None:
    """The param, source and map path of an x12n_document call that writes nothing but its verdict (no 997/999,
    HTML, XML or JSON, no callback: nothing receives the segments read, which may then be shared); None for any
    other call, and for arguments the original refuses (it raises, as before)."""
    try:
        needed, outputs = _arguments(*args, **kwargs)
    except TypeError:
        return None
    return None if any(output is not None for output in outputs) else needed


def _remember_verdicts_per_document() -> None:
    """The verdicts below are kept for the length of one x12n_document call, in a thread-local scope:
    a batch repeats most of its segments (submitter, receiver, billing provider, payer, SBR, REF and
    DTP qualifiers...), and nothing read from one document outlives it, so memory stays bounded by
    the file and no value (some are PHI) stays in the process after the call. Outside a document,
    and in a document validated by a thread of its own, the scopes do not meet. A call that hands no
    segment out also shares the segments of repeated lines (below), and is read by `pyx12_document_loop`: the
    same steps with fewer calls."""
    original = pyx12.x12n_document.x12n_document

    @functools.wraps(original)
    def x12n_document(*args, **kwargs):
        names = ("segments", "elements", "lines", "shared")
        outer = [getattr(document_scope, name, None) for name in names]
        document_scope.segments, document_scope.elements = {}, {}
        verdict_only = _verdict_only_call(args, kwargs)
        document_scope.lines, document_scope.shared = (None, None) if verdict_only is None else ({}, {})
        try:
            if verdict_only is not None:
                return pyx12_document_loop.verdict_only_document(*verdict_only)
            return original(*args, **kwargs)
        finally:
            for name, value in zip(names, outer):
                setattr(document_scope, name, value)

    pyx12.x12n_document.x12n_document = x12n_document


def _share_segments_of_repeated_lines() -> None:
    """A batch repeats most of its lines (submitter, payer, billing provider, SBR, REF and DTP qualifiers), and the
    reader builds a Segment, a Composite per element and an Element per value for every one. Within a document that
    hands no segment out (above), one Segment per distinct line serves every repeat: nothing on the way to the
    verdict changes a segment it reads (the reader, walker, validation and error handler only read, and keep at most
    the ISA, GS and ST segments), the terminators are the reader's own, fixed when it opens the file, so equal lines
    give equal segments, and the line's checks (a leading space, a trailing element terminator) and the reader's
    bookkeeping still run for every line, as in X12Reader.__iter__, but for a line they have nothing to say about:
    neither mark, and a segment the reader only counts (a valid id it does not track, a first value:
    `only_counted_segment`). Such a line is kept as it was first read, and at each repeat counted directly (segment
    and line), which is all those checks do with it: each is a function of the line, or of the segment's id and
    first value. A reader with a `_parse_segment` of its own gets it called for every line. The segments are held,
    with their ids, by the document's scope. A new line's elements share in turn the Composites of equal element
    texts read before in the document (a qualifier, a code, a date, an empty element recur across lines that differ
    in a name or an id): under the same reasoning, equal texts split on the same terminator give equal composites,
    and none is changed on the way to the verdict. A reader of another class, or outside such a document, goes to
    the original."""
    reader_type, segment_type = pyx12.x12file.X12Reader, pyx12.segment.Segment
    original = reader_type.__iter__

    def __iter__(self):
        lines, shared = getattr(document_scope, "lines", None), getattr(document_scope, "shared", None)
        if lines is None or shared is None or self.__class__ is not reader_type:
            yield from original(self)
            return
        terms = (self.seg_term, self.ele_term, self.subele_term)
        by_line, by_text, only_counted = lines.setdefault(terms, ({}, {}, {}))
        own_books = "_parse_segment" not in self.__dict__
        self.err_list = []
        for line in self.raw:
            seg_data = only_counted.get(line)
            if seg_data is not None:  # a line read before that the reader only counted: count it again
                self.seg_count += 1
                self.cur_line += 1
                yield seg_data
                continue
            spaced = line.startswith(" ")
            if spaced:
                self._seg_error("1", "Segment contains a leading space", None, src_line=self.cur_line + 1)
                line = line.lstrip()
            trailing = line[-1] == self.ele_term
            if trailing:
                self._seg_error("SEG1", "Segment contains trailing element terminators", None,
                                src_line=self.cur_line + 1)
            seg_data = by_line.get(line)
            if seg_data is None:
                seg_data = _new(segment_type)
                if not _build_directly(seg_data, line, *terms, "^", by_text):
                    seg_data = segment_type(line, *terms)
                by_line[line] = seg_data
                shared[id(seg_data)] = seg_data
                if own_books and not spaced and not trailing and only_counted_segment(seg_data):
                    only_counted[line] = seg_data
                    self.seg_count += 1
                    self.cur_line += 1
                    yield seg_data
                    continue
            self._parse_segment(seg_data)
            yield seg_data

    reader_type.__iter__ = __iter__


_value_of = operator.attrgetter("value")


def _segment_key(seg_data) -> tuple:
    """All segment_if.is_valid_errors reads of a segment: its id, and each composite's terminator (its
    text in a message is joined with it) and values, trailing empties included (they count against
    the map's element and sub-element counts)."""
    return (seg_data.seg_id, *[(composite.subele_term, *map(_value_of, composite.elements))
                               for composite in seg_data.elements])


_VALID = (True, ())  # the verdict of most values and segments, shared rather than allocated per entry


def _verdicts_of(scope: dict, node) -> dict:
    """The verdicts of one map node in this document. Keyed by the node's identity: map nodes compare
    equal by their id and their parent's id, so two REF nodes of one loop, with different codes, are
    equal; the node is held with its verdicts, so its id cannot be reused while they are."""
    held = scope.get(id(node))
    if held is None:
        held = scope[id(node)] = (node, {})
    return held[1]


def _verdict(ok: bool, errors: list) -> tuple:
    return _VALID if ok is True and not errors else (ok, tuple(errors))


def _remember_segment_verdicts() -> None:
    """segment_if.is_valid_errors is a pure function of the map node and the segment's values: it
    checks counts of elements, each element against its map node, and the syntax rules that tie the
    segment's own elements together; it reads no counter, no loop position and no line number, and
    its errors (frozen EleErrors) carry the map node, never a position. The position is added when
    apply_segment_errors hands them to the error handler with the current line, which still happens
    for every segment. So a segment with the same values at the same map node gets the same
    (ok, errors) again, in a list of its own. A segment shared by the lines equal to its own (above) is keyed
    by its identity: its values are those of the line, which no other line of the document has."""
    original = segment_if.is_valid_errors

    def is_valid_errors(self, seg_data):
        scope = getattr(document_scope, "segments", None)
        if scope is None or type(seg_data) is not pyx12.segment.Segment:
            return original(self, seg_data)
        shared, key = document_scope.shared, id(seg_data)
        if shared is None or key not in shared:
            key = _segment_key(seg_data)
        held = scope.get(id(self))  # _verdicts_of, inline: this runs for every segment
        verdicts = held[1] if held is not None else _verdicts_of(scope, self)
        known = verdicts.get(key)
        if known is None:
            known = verdicts[key] = _verdict(*original(self, seg_data))
        return known[0], list(known[1])

    segment_if.is_valid_errors = is_valid_errors


def _remember_element_verdicts() -> None:
    """element_if.is_valid_errors is a pure function of the node (its map attributes, its map's
    frozen parameters and code lists), the value and the date/time types a DTP or a 1250 qualifier
    passes in: length, characters, codes, data type and regex are all checks of that value. A segment
    seen for the first time (a new patient's NM1, a new claim's CLM) still repeats most of its
    values, and those are answered again. Only a plain value is remembered: an Element, or a
    Composite of one value, which the original reads the same way (not composite, truthy, its one
    value); a composite of several values where an element belongs, or no value, goes to the
    original. The segment's plan (`pyx12_validation_speedups`) reads a known verdict under this same key
    without the call."""
    original = element_if.is_valid_errors
    element_type, composite_type = pyx12.segment.Element, pyx12.segment.Composite

    def is_valid_errors(self, elem, type_list=None):
        scope = getattr(document_scope, "elements", None)
        kind = elem.__class__
        if kind is element_type:
            value = elem.value
        elif kind is composite_type and len(elem.elements) == 1:
            value = elem.elements[0].value
        else:
            return original(self, elem, type_list)
        if scope is None:
            return original(self, elem, type_list)
        held = scope.get(id(self))  # _verdicts_of, inline: this runs for every element of a new segment
        verdicts = held[1] if held is not None else _verdicts_of(scope, self)
        key = (value, *type_list) if type_list else value
        known = verdicts.get(key)
        if known is None:
            known = verdicts[key] = _verdict(*original(self, elem, type_list))
        return known[0], list(known[1])

    element_if.is_valid_errors = is_valid_errors


def _remember_composite_verdicts() -> None:
    """composite_if.is_valid_errors is a pure function of the node and the composite's values: it checks that
    a mandatory composite has a value, that it has no more values than the node has sub-elements, and each
    sub-element against its node, present or absent (those verdicts are pure too, above); its errors are
    frozen EleErrors that carry map nodes and values, never a position. A batch repeats its composites (the
    place of service, a procedure with its modifiers), so a composite's verdict is kept by node and values
    for the document, as an element's is. A composite whose values are not all pyx12 Elements holding strings,
    or anything but a Composite, goes to the original."""
    original = composite_if.is_valid_errors
    element_type, composite_type = pyx12.segment.Element, pyx12.segment.Composite

    def is_valid_errors(self, comp_data):
        scope = getattr(document_scope, "elements", None)
        if scope is None or comp_data.__class__ is not composite_type:
            return original(self, comp_data)
        values = comp_data.elements
        if any(value.__class__ is not element_type or value.value.__class__ is not str for value in values):
            return original(self, comp_data)
        verdicts = _verdicts_of(scope, self)
        key = tuple(map(_value_of, values))
        known = verdicts.get(key)
        if known is None:
            known = verdicts[key] = _verdict(*original(self, comp_data))
        return known[0], list(known[1])

    composite_if.is_valid_errors = is_valid_errors


PATCHES = (_skip_candidates_by_segment_id, _build_segments_directly,
           _remember_verdicts_per_document, _share_segments_of_repeated_lines, _remember_segment_verdicts,
           _remember_element_verdicts, _remember_composite_verdicts)
