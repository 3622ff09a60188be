"""Speedups for pyx12 4.0.0, the gate on every 837P: the same verdicts for a fraction of the CPU.

Profiled on 837P files of 1 to 1,000 claims, pristine pyx12 spends over 100 ms per document
parsing its XML maps (the control and X222A1 maps, each with codes.xml and dataele.xml, and
maps.xml) and much of its per-claim time
re-deriving things that never change while a file is walked: the formatted path of a map node
(hashed on every loop and segment count), the parse of a reference designator such as "CLM05-1",
the element at a position of a segment node. Each patch below caches one of those or takes a fast
path that gives the same answer, and says why that is safe; each could be proposed upstream as it
stands. They rely on one invariant, which pyx12 4.0.0 keeps: validating a file never changes the
map objects (counts live in the walker's NodeCounter, not on the nodes).

The work repeated for every segment of a document (walking the map, building the segment,
validating it) is patched in `pyx12_segment_speedups`, whose patches `apply()` installs with these.

`apply()` runs once, from the validator's import. It patches only the pyx12 version it was written
and tested against; any other version runs unpatched (slower, same verdicts) and says so in a log.
The verdicts are checked against a pristine pyx12 in a subprocess by the corpus test
(tests/unit/claims/test_pyx12_speedups.py).
"""
import copy
import functools
import threading
from collections import OrderedDict

import pyx12
import pyx12.map_if
import pyx12.map_index
import pyx12.path
import pyx12.segment
import pyx12.validation
from pyx12.errors import EngineError
from pyx12.map_if import loop_if, segment_if, x12_node
from pyx12.nodeCounter import NodeCounter

from services.claims.adapters import (pyx12_reader_speedups, pyx12_segment_speedups, pyx12_validation_speedups,
                                     pyx12_walk_routes, pyx12_walk_speedups)
from services.claims.adapters.library_patches import PatchLayer
from services.claims.adapters.pyx12_walk_speedups import qualifier_value

SUPPORTED_VERSION = "4.0.0"


def apply() -> bool:
    """Install every patch once (idempotent, thread safe); False when pyx12's version is unknown."""
    return LAYER.apply()


# 1. Maps loaded once per process ------------------------------------------------------------------

_maps: dict[tuple, object] = {}
_map_lock = threading.Lock()


def _cache_maps() -> None:
    """x12n_document calls load_map_file for the control map and the transaction's map on every
    document, and each load parses the map's XML, codes.xml and dataele.xml: over 100 ms. A map is read-only while a file is validated, so one parsed
    copy serves every call with the same file, directory and parameters. The copy keeps parameters
    of its own, frozen at load, so a caller changing its params object later cannot reach it."""
    original = pyx12.map_if.load_map_file

    def load_map_file(map_file, param, map_path=None):
        key = (map_file, map_path, repr(sorted(param.params.items())))
        cached = _maps.get(key)
        if cached is None:
            with _map_lock:
                cached = _maps.get(key)
                if cached is None:
                    frozen = copy.copy(param)
                    frozen.params = dict(param.params)
                    cached = _maps[key] = original(map_file, frozen, map_path)
        return cached

    pyx12.map_if.load_map_file = load_map_file


_MapIndex = pyx12.map_index.map_index


class _SharedMapIndex(_MapIndex):
    """maps.xml (which map serves which GS08) parsed once per directory instead of per document
    (~1.2 ms). x12n_document only reads it (get_filename); nothing in pyx12 adds to it after load.
    A subclass, so isinstance checks against map_index still hold."""

    _shared: dict[str | None, "_SharedMapIndex"] = {}

    def __new__(cls, base_path: str | None = None):
        shared = cls._shared.get(base_path)
        if shared is None:
            with _map_lock:
                shared = cls._shared.get(base_path)
                if shared is None:
                    shared = super().__new__(cls)
                    _MapIndex.__init__(shared, base_path)
                    cls._shared[base_path] = shared
        return shared

    def __init__(self, base_path: str | None = None) -> None:
        """Built once, in __new__."""


def _share_map_index() -> None:
    pyx12.map_index.map_index = _SharedMapIndex


# 2. Paths formatted once -------------------------------------------------------------------------------

class _FixedPath(pyx12.path.X12Path):
    """An X12Path nobody changes once built: the path of a map node, or of a count NodeCounter is given
    as a string. X12Path rebuilds its string for each format and hash (__hash__ is the hash of __repr__):
    with the maps cached, path.py was a fifth of pyx12's own time. A node's path is fixed once its map is
    built and nothing assigns to it, so its text, the key of its count (below), is computed once. Equality
    is X12Path's own and the hash the same value as before."""

    def __init__(self, path_str: str) -> None:
        super().__init__(path_str)
        self.text = formatted = pyx12.path.X12Path.__repr__(self)
        self._hash = hash(formatted)

    def __repr__(self) -> str:
        return self.text

    def format(self) -> str:
        return self.text

    def __hash__(self) -> int:
        return self._hash


def _node_x12path(self):
    if self._x12path is None:
        self._x12path = _FixedPath(self.get_path())
    return self._x12path


def _format_node_paths_once() -> None:
    x12_node.x12path = property(_node_x12path, None, None)


def _make_counter_keys_fixed() -> None:
    """NodeCounter turns the path strings it is given (the ISA and GS loops, on every interchange
    and group) into X12Paths; a node's fixed path, what it is given for every other count, is returned
    as is, as the original returns any X12Path."""
    make = NodeCounter.makeX12Path

    def makeX12Path(xpath):
        if xpath.__class__ is _FixedPath:
            return xpath
        return _FixedPath(xpath) if isinstance(xpath, str) else make(xpath)

    NodeCounter.makeX12Path = staticmethod(makeX12Path)


def count_key(xpath) -> str:
    """The key of a path's count in a NodeCounter: the text of the X12Path NodeCounter makes of it."""
    if xpath.__class__ is _FixedPath:
        return xpath.text
    return NodeCounter.makeX12Path(xpath).format()


def _count_by_path_text() -> None:
    """NodeCounter keys its counts by X12Path, and every lookup runs X12Path's __hash__ in Python (the walker
    reads or writes a count several times for each segment); get_count and increment also look a key up
    twice (a membership test, then the item). The counts are kept here by the path's text (`count_key`),
    which a dictionary hashes in C and caches on the string: two paths the walker counts are one count
    exactly when their texts are equal, as X12Path's text is made of the fields its equality compares (the
    paths of both maps' nodes, where equal texts come from equal fields, are checked by a test). dict.get
    gives the same count (0 when absent, as the original returns), and an increment of a present key keeps
    its place in the ordered dictionary as += does. The copy constructor and setCount key by text too, and
    getState hands out the counts keyed by X12Paths again, in their order (a copy: nothing in pyx12 reads
    it)."""

    def __init__(self, initialCounts=None):
        self._dict = OrderedDict((count_key(path), count) for path, count in (initialCounts or {}).items())

    def get_count(self, xpath):
        return self._dict.get(count_key(xpath), 0)

    def increment(self, xpath):
        key = count_key(xpath)
        self._dict[key] = self._dict.get(key, 0) + 1

    def setCount(self, xpath, ct):
        self._dict[count_key(xpath)] = ct

    def getState(self):
        return OrderedDict((_FixedPath(text), count) for text, count in self._dict.items())

    NodeCounter.__init__, NodeCounter.getState, NodeCounter.setCount = __init__, getState, setCount
    NodeCounter.get_count, NodeCounter.increment = get_count, increment


_leading_parts: dict[str, frozenset] = {}  # a count's path text -> its leading parts that end with "/"


def _parts_of(text: str) -> frozenset:
    parts = _leading_parts[text] = frozenset(text[:i + 1] for i, c in enumerate(text) if c == "/")
    return parts


def _reset_counts_by_prefix() -> None:
    """NodeCounter.reset_to_node drops the counts under a loop each time the loop starts again:
    for every count it re-formats the loop's path, splits both paths on "/" and compares the parts.
    Child-ness by parts is the same as the child's text starting with the loop's text plus
    "/" (splitting A + "/" + B on "/" gives A's parts then B's). A text starts with a prefix that
    ends with "/" exactly when that prefix is one of its own leading parts ending with "/", which
    are kept per text (the texts are the maps' paths: a bounded set): one set lookup per count.
    Which keys are dropped does not depend on the order they are read in."""

    def reset_to_node(self, xpath):
        prefix = count_key(xpath) + "/"
        parts = _leading_parts
        for key in [k for k in dict.keys(self._dict) if prefix in (parts[k] if k in parts else _parts_of(k))]:
            del self._dict[key]

    NodeCounter.reset_to_node = reset_to_node


def _remember_loop_shape() -> None:
    """The walker asks a loop for its first child and its child count (loop_if.get_first_node,
    loop_if.__len__) for every loop it considers for every segment; both sort the loop's position
    map each time. The map of a loop never changes once built, so each answer is kept per loop."""
    first_node, length = loop_if.get_first_node, loop_if.__len__

    def get_first_node(self):
        if "_first_node" not in self.__dict__:
            self._first_node = first_node(self)
        return self._first_node

    def __len__(self):
        if "_child_count" not in self.__dict__:
            self._child_count = length(self)
        return self._child_count

    loop_if.get_first_node, loop_if.__len__ = get_first_node, __len__


# 3. Reference designators parsed once -----------------------------------------------------------------

@functools.lru_cache(maxsize=4096)
def _refdes_parts(ref_des: str) -> tuple[str | None, int | None, int | None]:
    path = pyx12.path.X12Path(ref_des)
    return path.seg_id, path.ele_idx, path.subele_idx


def _parse_refdes(self, ref_des: str) -> tuple[int | None, int | None]:
    seg_id, ele_idx, subele_idx = _refdes_parts(ref_des)
    if seg_id is not None and seg_id != self.seg_id:
        raise EngineError("Invalid Reference Designator: %s, seg_id: %s" % (ref_des, self.seg_id))
    return (ele_idx - 1 if ele_idx is not None else None, subele_idx - 1 if subele_idx is not None else None)


def _parse_refdes_once() -> None:
    """Segment.get("CLM05-1") builds an X12Path (a regex match) on every call, ~8 per segment. The
    parse is a pure function of the designator string, and the designators come from pyx12's own
    code and maps (a few hundred distinct ones), so a bounded cache returns the same parts; a
    designator X12Path rejects raises as before (exceptions are not cached)."""
    pyx12.segment.Segment._parse_refdes = _parse_refdes


# 4. Lookups on segment nodes answered from an index ------------------------------------------------------

def _index_children_by_seq() -> None:
    """segment_if.get_child_node_by_idx scans the children for the one whose seq is idx + 1, for
    every element of every segment. The children of a map node never change, so an index of the
    seqs held by exactly one child gives the same node; any other case (index past the end, a
    missing or repeated seq) goes to the original, which returns None or raises as before."""
    original = segment_if.get_child_node_by_idx

    def get_child_node_by_idx(self, idx):
        by_seq = self.__dict__.get("_by_seq")
        if by_seq is None:
            seqs = [child.seq for child in self.children]
            by_seq = self._by_seq = {c.seq: c for c in self.children if seqs.count(c.seq) == 1}
        child = by_seq.get(idx + 1)
        if child is not None and idx < len(self.children):
            return child
        return original(self, idx)

    segment_if.get_child_node_by_idx = get_child_node_by_idx


def _remember_unique_key_fields() -> None:
    """segment_if.is_match works out which child carries the segment's qualifier (type and usage
    checks over its first three children) for every candidate node of every segment read. The
    answer depends only on the node's children and the two arguments, so it is kept per node."""
    original = segment_if._resolve_unique_key_field

    def _resolve_unique_key_field(self, seg_id, *, with_qual):
        known = self.__dict__.get("_unique_key_fields")
        if known is None:
            known = self._unique_key_fields = {}
        key = (seg_id, with_qual)
        if key not in known:
            known[key] = original(self, seg_id, with_qual=with_qual)
        return known[key]

    segment_if._resolve_unique_key_field = _resolve_unique_key_field


def _match_segments_by_id_first() -> None:
    """The walker asks every candidate node of a loop whether a segment is its match (segment_if.is_match),
    tens of times per segment; most candidates have another segment id. The answer is the original's:
    a different id is no match; otherwise the node's qualifier field (kept per node above) is read
    straight from the segment's elements, where Segment.get_value would parse a designator built
    for the purpose to reach the same composite or sub-element, and checked against the same codes.
    Any object other than a pyx12 Segment goes to the original."""
    original = segment_if.is_match
    segment_type = pyx12.segment.Segment

    def is_match(self, seg):
        if seg.__class__ is not segment_type:
            return original(self, seg)
        if seg.seg_id != self.id:
            return False
        key = self._resolve_unique_key_field(self.id, with_qual=False)
        if key is None:
            return True
        child, ele_idx, subele_idx = key
        return qualifier_value(seg.elements, ele_idx, subele_idx) in child._valid_codes_set

    segment_if.is_match = is_match


# 5. Control characters: a fast path for clean values -----------------------------------------------------

def _skip_printable_values() -> None:
    """contains_control_character builds two dictionaries and scans the value 23 times, for every
    element. Every character it looks for is a control character (Unicode category Cc), which
    str.isprintable() reports as not printable, so a printable value contains none of them and the
    answer is (False, None); any other value goes to the original for the exact answer."""
    original = pyx12.validation.contains_control_character

    def contains_control_character(str_val, charset="B", icvn="00401"):
        if str_val.isprintable():
            return (False, None)
        return original(str_val, charset, icvn)

    pyx12.validation.contains_control_character = contains_control_character


PATCHES = (_cache_maps, _share_map_index, _format_node_paths_once, _make_counter_keys_fixed, _count_by_path_text,
           _reset_counts_by_prefix, _remember_loop_shape,
           _parse_refdes_once,
           _index_children_by_seq, _remember_unique_key_fields, _match_segments_by_id_first, _skip_printable_values,
           *pyx12_validation_speedups.PATCHES,  # before the verdicts are remembered: they call it
           *pyx12_segment_speedups.PATCHES, *pyx12_walk_speedups.PATCHES, *pyx12_walk_routes.PATCHES,
           *pyx12_reader_speedups.PATCHES)
LAYER = PatchLayer("pyx12", SUPPORTED_VERSION, lambda: pyx12.__version__, PATCHES)
