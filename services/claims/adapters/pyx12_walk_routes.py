"""Speedups for pyx12 4.0.0 on the walk from one segment's map node to the next one's, taken once per route.

Where the walk goes from a node for a segment (which loops it leaves, which child it matches, which loops it
enters) depends only on the map and on `segment_if.is_match` of the segment's id at a few candidates, a pure
function of node and segment: the counts decide only whether a missing segment or loop is noted and whether a
count passes its maximum. So the route is worked out once per (starting node, segment id, answers of those
matches), kept on the starting node (map nodes and booleans: nothing read from a file), and a later segment
that gets the same answers from the same candidates takes it. Taking it does what the walker does on a walk
without an error, in its order: read the counts of the mandatory candidates passed (each must be counted
already, else the walker would note it missing), then count the matched segment, or start the entered loop
(drop the counts under it, count it, count its first segment). A route with a count below one where the walker
would note a mandatory segment or loop, a count past its maximum, usage N, a segment found nowhere, an empty loop,
a node, walker, counter or segment of another class: pyx12's walk runs (with the speedups of
`pyx12_walk_speedups` and `pyx12_segment_speedups`) and records what it finds.

Applied with the others by `pyx12_speedups.apply()`, after `pyx12_walk_speedups`, only to pyx12 4.0.0; the corpus
test (tests/unit/claims/test_pyx12_speedups.py) compares every verdict with a pristine pyx12's.
"""
from typing import NamedTuple

import pyx12.map_walker
import pyx12.segment
from pyx12.map_if import loop_if, segment_if

from services.claims.adapters.pyx12_segment_speedups import MISSING_LOOP, MISSING_SEGMENT, TRY_SEGMENT, \
    loop_candidates
from services.claims.adapters.pyx12_walk_speedups import COUNTED_USAGE, enclosing_loop, first_segment_of, \
    max_repeat, plain_counts, qualifier_value, segment_matches

_walker = pyx12.map_walker.walk_tree
_segment_type = pyx12.segment.Segment


class Route(NamedTuple):
    """A walk without an error from a starting node: the matches asked on the way, the counts it reads, where it
    ends, and what it counts there, with the map's figures it needs read once."""
    probes: tuple  # (node, its is_match answer), in the order the walker asks them
    counted: tuple  # path texts of the mandatory candidates passed: each must have a count of one or more
    node: object  # the segment node the walk returns; None: pyx12's walk, whatever the counts
    pop: tuple
    push: tuple
    count_path: object = None  # the matched segment's path, or the entered loop's
    limit: int = 0  # that node's maximum repeat
    first_key: str | None = None  # the text of the entered loop's first segment's path; None: a segment counted
    tests: tuple | None = None  # the probes as `qualifier_tests`; None: each probe's is_match is asked


def qualifier_tests(probes) -> tuple | None:
    """The probes as tests of the segment's values, one per position they read: (element, component, codes, whether
    the value is in them). A probe's node is a segment node of the segment's id with a qualifier (the others are
    decided by the id and never probed), whose is_match is whether the value at the qualifier's position is one of
    the qualifier's codes; the probes of one position (a REF's several nodes, each its own codes) answer as asked
    exactly when the value is in every accepting node's codes and in no refusing one's. The codes are the map's,
    fixed once it is built. None when a probe's node is of another class: its is_match is asked."""
    by_position: dict = {}
    for node, answer in probes:
        key = node._resolve_unique_key_field(node.id, with_qual=False) if node.__class__ is segment_if else None
        if key is None:
            return None
        child, ele_idx, subele_idx = key
        by_position.setdefault((ele_idx, subele_idx), []).append((frozenset(child._valid_codes_set), answer))
    tests = []
    for (ele_idx, subele_idx), answers in by_position.items():
        refused = frozenset().union(*(codes for codes, answer in answers if not answer))
        accepted = [codes for codes, answer in answers if answer]
        if accepted:
            tests.append((ele_idx, subele_idx, frozenset.intersection(*accepted) - refused, True))
        else:
            tests.append((ele_idx, subele_idx, refused, False))
    return tuple(tests)


def _pyx12s_walk(probes) -> Route:
    return Route(tuple(probes), (), None, (), (), tests=qualifier_tests(probes))


_MAX_IDS_PER_NODE = 64  # the map's segment ids after a node are fewer: made-up ids cannot grow the routes kept
_MAX_ROUTES_PER_ID = 16


class _GiveUp(Exception):
    """A walk that records an error whatever the counts, or takes a step not modelled here: pyx12's walk runs."""


class _Search:
    """walk_tree.walk_errors' search for one segment from one node, as `_scan_loop_at_position` and the walker's
    match steps make it, with the counts left out: it keeps the matches it asks (those whose answer the segment
    decides: another id never matches, a node without a qualifier always matches its id) and the counts that must
    be one or more for the walk to record nothing."""

    def __init__(self, seg_data) -> None:
        self.seg_data, self.probes, self.counted = seg_data, [], []

    def matches(self, node) -> bool:
        answer = bool(segment_matches(node, self.seg_data))
        decided_by_id = node.__class__ is segment_if and (
            node.id != self.seg_data.seg_id or node._resolve_unique_key_field(node.id, with_qual=False) is None)
        if not decided_by_id and all(asked is not node for asked, _ in self.probes):  # a loop's first: asked twice
            self.probes.append((node, answer))
        return answer

    def expect_counted(self, node) -> None:
        """The walker notes a mandatory node here when it has no count yet."""
        if node.usage == "R":
            self.counted.append(node.x12path.text)

    def loop_matches(self, loop) -> bool:
        """walk_tree._is_loop_match: the loop's first segment, or for a loop that starts with a loop, any child
        loop's."""
        if loop.__class__ is not loop_if:
            raise _GiveUp
        if len(loop) <= 0:
            return False
        first_node = loop.get_first_node()
        if first_node.__class__ is loop_if:
            return any(child.is_loop() and self.loop_matches(child) for child in loop.childIterator())
        if first_node.__class__ is not segment_if:
            raise _GiveUp
        if self.matches(first_node):
            return True
        self.expect_counted(loop)
        return False

    def entered(self, loop) -> tuple:
        """walk_tree._goto_seg_match: (the loop entered at its first segment, that segment, the loops pushed)."""
        if loop.__class__ is not loop_if or len(loop) <= 0:
            raise _GiveUp
        first = first_segment_of(loop)
        if first is not None and self.matches(first):
            if loop.usage not in COUNTED_USAGE:  # usage N: an error
                raise _GiveUp
            return loop, first, (loop,)
        if first is None and loop.get_first_node().__class__ is not loop_if:
            raise _GiveUp
        for child in loop.childIterator():
            if child.is_loop():
                found = self.entered(child)
                if found is not None:
                    return found[0], found[1], (loop, *found[2])
        return None

    def route(self, node, entered, pop, push) -> Route:
        counted_node, first_key = node, None
        if entered is not None:
            counted_node, node, push = entered
            first_key = node.x12path.text
        return Route(tuple(self.probes), tuple(dict.fromkeys(self.counted)), node, tuple(pop), tuple(push),
                     counted_node.x12path, max_repeat(counted_node), first_key, qualifier_tests(self.probes))


def _route_from(orig_node, seg_data) -> Route:
    """The route of the walk from orig_node for seg_data when it records nothing, or pyx12's walk."""
    search, pop = _Search(seg_data), []
    try:
        node, node_pos = orig_node, orig_node.pos
        if not (node.is_loop() or node.is_map_root()):
            node = enclosing_loop(node)
        while "pos_map" in node.__dict__:
            for child, kind in loop_candidates(node, node_pos, seg_data.seg_id):
                if kind == MISSING_SEGMENT or kind == MISSING_LOOP:
                    search.counted.append(child.x12path.text)
                elif kind == TRY_SEGMENT:
                    if search.matches(child):
                        return _segment_route(search, node, child, orig_node, pop)
                    search.expect_counted(child)
                elif search.loop_matches(child):
                    return _loop_route(search, child, pop)
            if node.is_map_root():  # found nowhere: an error
                break
            node_pos = node.pos
            pop.append(node)
            node = enclosing_loop(node)
    except _GiveUp:
        pass
    return _pyx12s_walk(search.probes)


def _loop_route(search: _Search, child, pop) -> Route:
    """walk_tree._try_match_loop_child once the loop matches."""
    entered = search.entered(child)
    if entered is None:
        raise _GiveUp
    return search.route(None, entered, pop, ())


def _segment_route(search: _Search, node, child, orig_node, pop) -> Route:
    """walk_tree._try_match_segment_child once `child` matches: when its loop matches too, the loop starts again
    (_match_segment_at_loop_entry); otherwise the segment is counted in the loop."""
    if node.is_loop() and search.loop_matches(node):
        entered = search.entered(node)
        if entered is None:
            raise _GiveUp
        orig_loop = orig_node if (orig_node.is_loop() or orig_node.is_map_root()) else enclosing_loop(orig_node)
        if node == orig_loop:
            return search.route(None, entered, (node,), (node,))
        return search.route(None, entered, pop, entered[2])
    if child.usage not in COUNTED_USAGE:  # usage N: an error
        raise _GiveUp
    return search.route(child, None, pop, ())


def _known_route(orig_node, seg_data) -> Route:
    """The route kept on the starting node for this segment id whose matches this segment answers alike; worked out
    and kept when there is none. Several segments of one id (NM1 of each qualifier) keep a route each; the route
    is what the search would find again, as it asks the same matches, which answer alike."""
    by_id = orig_node.__dict__.get("_routes")
    if by_id is None:
        by_id = orig_node._routes = {}
    routes = by_id.get(seg_data.seg_id)
    if routes is not None:
        elements = seg_data.elements
        for route in routes:
            tests = route.tests
            if tests is None:
                if all(bool(segment_matches(node, seg_data)) is answer for node, answer in route.probes):
                    return route
                continue
            for ele_idx, subele_idx, codes, answer in tests:  # most routes have none or one
                if (qualifier_value(elements, ele_idx, subele_idx) in codes) is not answer:
                    break
            else:
                return route
    route = _route_from(orig_node, seg_data)
    if routes is not None and len(routes) < _MAX_ROUTES_PER_ID:
        by_id[seg_data.seg_id] = (*routes, route)
    elif routes is None and len(by_id) < _MAX_IDS_PER_NODE:
        by_id[seg_data.seg_id] = (route,)
    return route


def _take(walker, counts: dict, route: Route) -> bool:
    """The counting of a walk along the route, when it records nothing; False, with nothing changed, when it would
    record something (a mandatory candidate not counted, a count past its maximum)."""
    for key in route.counted:
        if counts.get(key, 0) < 1:
            return False
    path = route.count_path
    key = path.text
    count = counts.get(key, 0) + 1
    if count > route.limit:
        return False
    first = route.first_key
    if first is not None:
        walker.counter.reset_to_node(path)
        counts[key] = count
        counts[first] = counts.get(first, 0) + 1  # NodeCounter.increment, as patched in pyx12_speedups
    else:
        counts[key] = count
    return True


def _walk_known_routes() -> None:
    """walk_tree.walk_errors along a known route when the walk records nothing; every other walk is pyx12's."""
    original = _walker.walk_errors

    def walk_errors(self, node, seg_data, seg_count, cur_line, ls_id):
        counts = plain_counts(self) if self.__class__ is _walker else None
        if counts is not None and seg_data.__class__ is _segment_type:
            route = _known_route(node, seg_data)
            if route.node is not None and _take(self, counts, route):
                self.mandatory_segs_missing = []
                self.errors_pending = []
                return route.node, list(route.pop), list(route.push), self.errors_pending
        return original(self, node, seg_data, seg_count, cur_line, ls_id)

    _walker.walk_errors = walk_errors


PATCHES = (_walk_known_routes,)
