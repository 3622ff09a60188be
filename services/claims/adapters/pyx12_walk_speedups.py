"""Speedups for pyx12 4.0.0 on the steps the walker takes for almost every segment once its candidates are
known (`pyx12_segment_speedups`): climbing from the segment's node to the loops that hold it, matching a
segment child of the current loop, and entering a loop at its first segment, with the counts and usage
checks each implies.

Applied with the others by `pyx12_speedups.apply()`, only to pyx12 4.0.0. Each step is the original's
sequence of checks with the calls between them taken out: `segment_if.is_match` is a pure function of the
node and the segment (patched in `pyx12_speedups`), so asking it once gives the answer the original gets
by asking it two or three times; a count is read and written in the walker's NodeCounter as its own
methods do. Wherever the original would record an error (a count over its maximum, usage N, a mandatory
loop not yet seen), or meets a node or segment of another class, the original method runs from the start
and does all of it, as before, or (a loop whose first segment does not match) the walker's own method
that records it is called. The corpus test (tests/unit/claims/test_pyx12_speedups.py) compares every
verdict with a pristine pyx12's.
"""
import pyx12.map_walker
import pyx12.segment
from pyx12.map_if import loop_if, segment_if
from pyx12.nodeCounter import NodeCounter

_walker = pyx12.map_walker.walk_tree
_segment_type = pyx12.segment.Segment
COUNTED_USAGE = ("R", "S")
_UNKNOWN = object()


def max_repeat(node) -> int:
    """node.get_max_repeat(), kept on the node: the map's repeat attribute never changes once it is built."""
    known = node.__dict__.get("_max_repeat")
    if known is None:
        known = node._max_repeat = node.get_max_repeat()
    return known


def first_segment_of(loop):
    """The loop's first child when it is a segment (what the walker matches a loop by), else None; kept
    on the loop (its children never change once the map is built)."""
    if loop.__class__ is not loop_if:
        return None
    known = loop.__dict__.get("_first_segment", _UNKNOWN)
    if known is _UNKNOWN:
        first = loop.get_first_node() if len(loop) > 0 else None
        known = loop._first_segment = first if first.__class__ is segment_if else None
    return known


def segment_matches(node, seg_data) -> bool:
    """node.is_match(seg_data) for a pyx12 Segment, whose answer is False for another segment id (the
    patched is_match compares the ids first): the ids are compared here, without the call."""
    return node.id == seg_data.seg_id and node.is_match(seg_data)


def composite_text(composite) -> str:
    """composite.format(): for a single value with a terminator set, the value itself (format joins the
    values up to the last non-empty one, which for one value is that value, empty or not)."""
    values = composite.elements
    if len(values) == 1 and composite.subele_term is not None and values[0].value.__class__ is str:
        return values[0].value
    return composite.format()


def qualifier_value(elements: list, ele_idx: int, subele_idx: int | None):
    """The value segment_if.is_match compares with the qualifier's codes, read from a segment's elements as
    Segment.get_value reads it: the element's text, or its component, None where the segment stops short."""
    if ele_idx > len(elements):
        return None
    composite = elements[ele_idx - 1]
    if not subele_idx:
        return composite_text(composite)
    if subele_idx > len(composite.elements):
        return None
    return composite.elements[subele_idx - 1].value


def plain_counts(walker) -> dict | None:
    """The walker's counts by path text (a node's `x12path.text`, as `pyx12_speedups` keeps them), when it keeps
    them in a NodeCounter of its own class."""
    counter = walker.counter
    return counter._dict if counter.__class__ is NodeCounter else None


def _enter_loops_with_one_reset() -> None:
    """walk_tree._check_loop_usage, for a loop of usage R or S: drop the counts under the loop, count the
    loop, and report it when the count passes the loop's maximum. The count after the increment is the count
    before it plus one (the reset drops only the counts under the loop, never the loop's own), so it is known
    before anything changes: within the maximum, the reset and the increment are done here on the counter's
    counter in the original's order; past it, or for usage N or anything unusual, the original runs."""
    original = _walker._check_loop_usage

    def _check_loop_usage(self, loop_node, seg_data, seg_count, cur_line, ls_id):
        counts = plain_counts(self)
        if counts is None or loop_node.__class__ is not loop_if or loop_node.usage not in COUNTED_USAGE:
            return original(self, loop_node, seg_data, seg_count, cur_line, ls_id)
        path = loop_node.x12path
        count = counts.get(path.text, 0) + 1
        if count > max_repeat(loop_node):
            return original(self, loop_node, seg_data, seg_count, cur_line, ls_id)
        self.counter.reset_to_node(path)
        counts[path.text] = count

    _walker._check_loop_usage = _check_loop_usage


def _enter_loops_matching_once() -> None:
    """walk_tree._try_match_loop_child for a loop that starts with a segment: _is_loop_match asks that
    segment whether it matches, and on a match _goto_seg_match asks it again (get_first_seg is the same
    first node) before entering the loop (_enter_loop_at_first_seg: check the loop's usage, count the
    segment, settle the pending missing-segment notes, taken here in that order, the last only when some
    are pending). One is_match gives both answers; on no match the walker notes the loop missing when it is
    mandatory, as _is_loop_match does. A loop that starts with a loop, or is empty, goes to the original."""
    original = _walker._try_match_loop_child

    def _try_match_loop_child(self, child, seg_data, seg_count, cur_line, ls_id, pop_node_list):
        first = first_segment_of(child)
        if first is None or seg_data.__class__ is not _segment_type:
            return original(self, child, seg_data, seg_count, cur_line, ls_id, pop_node_list)
        if not segment_matches(first, seg_data):
            self._record_loop_missing_if_required(child, first, seg_count, cur_line, ls_id)
            return None
        self._check_loop_usage(child, seg_data, seg_count, cur_line, ls_id)  # _enter_loop_at_first_seg's steps
        self.counter.increment(first.x12path)
        if self.mandatory_segs_missing:  # with none pending, _flush_mandatory_segs changes nothing
            self._flush_mandatory_segs()
        return first, pop_node_list, [child]

    _walker._try_match_loop_child = _try_match_loop_child


def _match_segments_with_one_count() -> None:
    """walk_tree._try_match_segment_child for a segment of usage R or S in a loop that starts with a segment,
    the walker's step for most segments: it matches, the loop's first segment does not (else the loop starts
    again: the original's case), so it is counted, its count checked against its maximum, and the pending
    missing-segment notes settled. The note of a mandatory loop not yet seen, the count past the maximum
    and a child that does not match are the original's cases: it runs and records them. With no pending
    missing-segment notes, settling them changes nothing, and is skipped."""
    original = _walker._try_match_segment_child

    def _try_match_segment_child(self, node, child, seg_data, orig_node, seg_count, cur_line, ls_id, pop_node_list):
        counts = plain_counts(self)
        first = first_segment_of(node)
        if (counts is None or first is None or seg_data.__class__ is not _segment_type
                or child.__class__ is not segment_if or child.usage not in COUNTED_USAGE
                or not segment_matches(child, seg_data) or segment_matches(first, seg_data)
                or (node.usage == "R" and counts.get(node.x12path.text, 0) < 1)):
            return original(self, node, child, seg_data, orig_node, seg_count, cur_line, ls_id, pop_node_list)
        key = child.x12path.text
        count = counts.get(key, 0) + 1
        if count > max_repeat(child):
            return original(self, node, child, seg_data, orig_node, seg_count, cur_line, ls_id, pop_node_list)
        counts[key] = count
        if self.mandatory_segs_missing:
            self.mandatory_segs_missing = [m for m in self.mandatory_segs_missing if m.seg_node != child]
            self._flush_mandatory_segs(child.pos)
        return child, pop_node_list, []

    _walker._try_match_segment_child = _try_match_segment_child


def enclosing_loop(node):
    """pyx12.map_walker.pop_to_parent_loop(node), kept on the node: a function of the map alone, which
    does not change once built. A node it refuses raises each time, as before (nothing is kept)."""
    known = node.__dict__.get("_enclosing_loop")
    if known is None:
        known = node._enclosing_loop = pyx12.map_walker.pop_to_parent_loop(node)
    return known


def _climb_loops_from_the_map() -> None:
    """walk_tree.walk_errors climbs from the segment's node to its loop, and from loop to enclosing loop
    while no candidate matches, through pop_to_parent_loop, which follows parent links and asks each node
    whether it is a loop, for every segment. The same walk, with each node's enclosing loop kept above;
    a walker of another class goes to the original."""
    original = _walker.walk_errors

    def walk_errors(self, node, seg_data, seg_count, cur_line, ls_id):
        if self.__class__ is not _walker:
            return original(self, node, seg_data, seg_count, cur_line, ls_id)
        pop_node_list = []
        orig_node = node
        self.mandatory_segs_missing = []
        self.errors_pending = []
        node_pos = node.pos
        if not (node.is_loop() or node.is_map_root()):
            node = enclosing_loop(node)
        while True:
            result = self._scan_loop_at_position(node, node_pos, seg_data, orig_node, seg_count, cur_line, ls_id,
                                                 pop_node_list)
            if result is not None:
                return (*result, self.errors_pending)
            if node.is_map_root():
                self._seg_not_found_error(orig_node, seg_data, seg_count, cur_line, ls_id)
                return (None, [], [], self.errors_pending)
            node_pos = node.pos
            pop_node_list.append(node)
            node = enclosing_loop(node)

    _walker.walk_errors = walk_errors


PATCHES = (_climb_loops_from_the_map, _enter_loops_with_one_reset, _enter_loops_matching_once, _match_segments_with_one_count)
