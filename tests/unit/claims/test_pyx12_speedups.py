"""The speedups change pyx12's cost, never its verdict: every file of the corpus gets the same
messages (values, lines and error codes included) from the patched, map-cached validator as from a
pristine pyx12 in a process of its own."""
import inspect
import io
from concurrent.futures import ThreadPoolExecutor
from unittest.mock import patch

import pyx12.map_if
import pyx12.segment
import pyx12.params
import pyx12.path
import pyx12.x12file
import pyx12.x12n_document
import pytest
from pyx12.map_if import loop_if, segment_if
from pyx12.nodeCounter import NodeCounter

from services.claims.adapters import pyx12_segment_speedups, pyx12_speedups, pyx12_walk_routes
from services.claims.adapters.pyx12_walk_speedups import qualifier_value, segment_matches
from services.claims.adapters.x12_validation import validate_x12
from tests.unit.claims.pristine_library import pristine_verdicts
from tests.unit.claims.pyx12_corpus import build_corpus, verdict
from tests.unit.claims.test_pyx12_validation_speedups import _nodes

pytestmark = pytest.mark.unit
VALID, BROKEN, NOT_CHECKED = build_corpus()
CORPUS = VALID | BROKEN | NOT_CHECKED


@pytest.fixture(scope="module")
def pristine() -> dict:
    return pristine_verdicts("tests.unit.claims.pyx12_corpus", CORPUS)


def test_the_pristine_run_is_unpatched_and_this_one_patched(pristine):
    assert pristine["patched"] is False
    assert pyx12_speedups.apply() is True


@pytest.mark.parametrize("name", list(CORPUS))
def test_same_verdict_as_a_pristine_pyx12(name, pristine):
    assert verdict(CORPUS[name]) == pristine["verdicts"][name]


def test_the_corpus_holds_valid_and_broken_files():
    assert all(validate_x12(text) == [] for text in VALID.values())
    assert all(validate_x12(text) != [] for text in BROKEN.values())
    assert all(validate_x12(text) == [] for text in NOT_CHECKED.values())


def test_calls_from_many_threads_get_the_answers_of_calls_in_turn():
    """The submission step validates through asyncio.to_thread: the shared maps must not mix files up."""
    texts = [VALID["one claim"], BROKEN["HI twice"], BROKEN["service date month 13"], VALID["twenty claims"]] * 3
    in_turn = [validate_x12(text) for text in texts]
    with ThreadPoolExecutor(max_workers=6) as pool:
        assert list(pool.map(validate_x12, texts)) == in_turn


def test_a_map_is_parsed_once_per_process():
    params = pyx12.params.params()
    first = pyx12.map_if.load_map_file("837.5010.X222.A1.xml", params, None)
    assert pyx12.map_if.load_map_file("837.5010.X222.A1.xml", pyx12.params.params(), None) is first
    params.set("charset", "B")  # other parameters, another map: the cached one keeps the values it was built with
    assert pyx12.map_if.load_map_file("837.5010.X222.A1.xml", params, None) is not first
    assert first.param.get("charset") == "E"


def test_the_walkers_counts_meet_exactly_when_pyx12s_would():
    """The walker's counts are kept by path text: two paths of the loops and segments of the maps (what it counts)
    with equal texts are equal X12Paths (the converse holds for any X12Path: the text is made of the fields
    equality compares). A composite's path has its segment's text, not its fields: it is never counted."""
    by_text = {}
    for map_file in ("x12.control.00501.xml", "837.5010.X222.A1.xml"):
        for node in _nodes(pyx12.map_if.load_map_file(map_file, pyx12.params.params(), None), (loop_if, segment_if)):
            path = pyx12.path.X12Path(node.get_path())
            by_text.setdefault(path.format(), []).append(path)
    assert len(by_text) > 400 and "/ISA_LOOP/GS_LOOP" in by_text
    assert all(path == paths[0] for paths in by_text.values() for path in paths)


def test_the_walkers_counter_keeps_pyx12s_counts_by_text():
    counter = NodeCounter({"/ISA_LOOP": 2, pyx12.path.X12Path("/ISA_LOOP/GS_LOOP"): 1})
    counter.increment("/ISA_LOOP/GS_LOOP/ST_LOOP")
    counter.increment(pyx12.path.X12Path("/ISA_LOOP/GS_LOOP/ST_LOOP"))
    counter.setCount("/ISA_LOOP/GS_LOOPX", 5)
    assert counter.get_count("/ISA_LOOP/GS_LOOP/ST_LOOP") == 2 and counter.get_count("/ISA_LOOP/GS") == 0
    counter.reset_to_node(pyx12.path.X12Path("/ISA_LOOP/GS_LOOP"))
    assert counter.getState() == {pyx12.path.X12Path(text): count for text, count in
                                  (("/ISA_LOOP", 2), ("/ISA_LOOP/GS_LOOP", 1), ("/ISA_LOOP/GS_LOOPX", 5))}


def test_an_unknown_pyx12_version_is_left_unpatched(monkeypatch, caplog):
    monkeypatch.setattr(pyx12_speedups.LAYER, "applied", None)
    monkeypatch.setattr(pyx12, "__version__", "9.9.9")
    assert pyx12_speedups.apply() is False
    assert "9.9.9" in caplog.text and "unpatched" in caplog.text


def _tree(segment: pyx12.segment.Segment) -> dict:
    return {**vars(segment), "elements": [{**vars(c), "elements": [vars(e) for e in c.elements]}
                                          for c in segment.elements]}


@pytest.mark.parametrize("terms", [("~", "*", ":"), ("~", "*", ">"), ("\n", "|", "^"), ("~", "*", None),
                                   ("~", "*", "::"), ("~", "", ":")])
def test_segments_are_built_as_pyx12_builds_them(terms):
    lines = {line for text in CORPUS.values() for line in text.split("~")} | {
        "", "ISA", "ISA*", "ISA*00*:*X~", "N3*12 ELM ST**~", "SV1*HC:99213::25:~", "A~", "~", "REF*EI*1:2*^3^4"}
    original = pyx12.segment.Segment.__init__.original
    for line in sorted(lines):
        built = pyx12.segment.Segment.__new__(pyx12.segment.Segment)
        try:
            original(built, line, *terms)
        except Exception as exc:
            with pytest.raises(type(exc)):
                pyx12.segment.Segment(line, *terms)
            continue
        assert _tree(pyx12.segment.Segment(line, *terms)) == _tree(built), line


def test_remembered_verdicts_and_shared_segments_end_with_their_document():
    validate_x12(VALID["twenty claims"])
    for scope in ("segments", "elements", "lines", "shared"):
        assert getattr(pyx12_segment_speedups.document_scope, scope, None) is None


def _segments_read_in_a_document(text: str) -> tuple[bool, list]:
    """The verdict of a call that asks for nothing else (the gate's call), and the segments the reader handed it."""
    read = []
    reader_iter = pyx12.x12file.X12Reader.__iter__

    def reading(reader):
        for seg in reader_iter(reader):
            read.append(seg)
            yield seg

    with patch.object(pyx12.x12file.X12Reader, "__iter__", reading):
        valid = pyx12.x12n_document.x12n_document(pyx12.params.params(), io.StringIO(text), None, None)
    return valid, read


def test_repeated_lines_share_a_segment_only_where_no_segment_is_handed_out():
    text = VALID["twenty claims"]
    handed_out = []
    pyx12.x12n_document.x12n_document(pyx12.params.params(), io.StringIO(text), None, None,
                                      callback=lambda seg, *_: handed_out.append(seg))
    assert len({id(seg) for seg in handed_out}) == len(handed_out) == text.count("~")
    valid, read = _segments_read_in_a_document(text)
    assert valid
    assert len(read) == text.count("~") and len({id(seg) for seg in read}) == len(set(text.split("~")) - {""})


@pytest.mark.parametrize("name", ["twenty claims", "twenty claims, CR LF after every terminator",
                                  "twenty claims, the billing street with a leading space in three"])
def test_shared_segments_are_built_as_pyx12_builds_them_and_share_equal_element_texts(name):
    text = CORPUS[name]
    _, read = _segments_read_in_a_document(text)
    lines = [line.lstrip("\r\n").lstrip() for line in text.split("~")][:len(read)]
    original = pyx12.segment.Segment.__init__.original
    for seg, line in zip(read, lines, strict=True):
        built = pyx12.segment.Segment.__new__(pyx12.segment.Segment)
        original(built, line, "~", "*", ":")
        assert _tree(seg) == _tree(built), line
    texts = {element for line in lines if not line.startswith("ISA") for element in line.split("*")[1:]}
    composites = {id(c) for seg in read if seg.seg_id != "ISA" for c in seg.elements}
    assert len(composites) == len(texts)


def test_the_arguments_are_read_with_the_parameters_of_x12n_document():
    def parameters(function) -> list:
        return [(p.name, p.kind, p.default) for p in inspect.signature(function).parameters.values()]

    assert parameters(pyx12_segment_speedups._arguments) == parameters(pyx12.x12n_document.x12n_document.__wrapped__)


def _qualifier_variants(line: str) -> set[str]:
    """The line up to its fourth element (the qualifiers the maps read), and with each of its first three emptied,
    given a code no map has or a component more, and cut after its id."""
    fields = line.split("*")[:5]
    variants = {"*".join(fields), fields[0]}
    for i in range(1, min(len(fields), 4)):
        for value in ("", "ZZZ", fields[i] + ":X"):
            variants.add("*".join([*fields[:i], value, *fields[i + 1:]]))
    return variants


def test_a_kept_route_is_found_by_its_qualifier_tests_as_by_its_probes():
    """The routes kept on the 837 map's nodes once the corpus is read, asked for every line of the corpus with a
    route's segment id and its variants: the route found is the first whose probes answer alike, or a new one."""
    for text in CORPUS.values():
        validate_x12(text)
    root = pyx12.map_if.load_map_file("837.5010.X222.A1.xml", pyx12.params.params(), None)
    by_id = {}
    for line in {variant for text in CORPUS.values() for line in text.split("~") for variant in
                 _qualifier_variants(line.strip())}:
        if line and not line.startswith("ISA"):
            by_id.setdefault(line.split("*")[0], []).append(pyx12.segment.Segment(line, "~", "*", ":"))
    compared, several_at_one_position = 0, 0
    for node in _nodes(root, (loop_if, segment_if)):
        for seg_id in list(node.__dict__.get("_routes", {})):
            for seg in by_id.get(seg_id, ()):
                kept = node._routes[seg_id]
                expected = next((route for route in kept if all(
                    bool(segment_matches(probe, seg)) is answer for probe, answer in route.probes)), None)
                found = pyx12_walk_routes._known_route(node, seg)
                if expected is None:
                    assert all(found is not route for route in kept), (node.get_path(), seg.format())
                else:
                    assert found is expected, (node.get_path(), seg.format())
                compared += bool(expected is not None and expected.tests)
                several_at_one_position += len(found.probes) > len(found.tests or ())
    assert compared > 1000 and several_at_one_position > 100


def test_qualifier_tests_answer_as_every_probe_of_a_position():
    """Two segment nodes of one id whose qualifiers sit at one position (the map's NM1s, REFs, DTPs...), asked in
    every combination of answers: a segment passes the tests exactly when each probe answers it as asked, for
    every code of either node, a code of neither and an absent qualifier."""
    root = pyx12.map_if.load_map_file("837.5010.X222.A1.xml", pyx12.params.params(), None)
    by_position = {}
    for node in _nodes(root, segment_if):
        key = node._resolve_unique_key_field(node.id, with_qual=False)
        if key is not None:
            by_position.setdefault((node.id, *key[1:]), []).append(node)
    asked = 0
    for (seg_id, ele_idx, subele_idx), nodes in by_position.items():
        for first, second in zip(nodes, nodes[1:]):
            codes = {code for node in (first, second) for code in node._resolve_unique_key_field(
                seg_id, with_qual=False)[0]._valid_codes_set} | {"ZZZ"}
            lines = [seg_id] + [seg_id + "*" * ele_idx + code + (":" + code) * bool(subele_idx) for code in codes]
            for answers in ((True, True), (True, False), (False, True), (False, False)):
                probes = tuple(zip((first, second), answers))
                tests = pyx12_walk_routes.qualifier_tests(probes)
                for line in lines:
                    seg = pyx12.segment.Segment(line, "~", "*", ":")
                    passes = all((qualifier_value(seg.elements, e, s) in c) is a for e, s, c, a in tests)
                    assert passes == all(bool(segment_matches(n, seg)) is a for n, a in probes), (probes, line)
                    asked += 1
    assert asked > 1000
