"""Hypothesis strategies that damage a valid specimen the way files get damaged in transit or on purpose:
flipped bytes, truncation, inserted separators and control characters, duplicated or dropped segments."""
from hypothesis import strategies as st

CONTROLS = "".join(chr(c) for c in range(32)) + "\x7f"
HOSTILE_TEXT = st.text(alphabet=st.sampled_from(CONTROLS) | st.characters(codec="utf-8"), max_size=12)


@st.composite
def damaged_text(draw, specimen: str, separators: str) -> str:
    """The specimen after one to four random edits."""
    text = specimen
    for _ in range(draw(st.integers(1, 4))):
        if not text:
            break
        at = draw(st.integers(0, len(text) - 1))
        edit = draw(st.sampled_from(["flip", "truncate", "insert", "separator", "duplicate", "drop"]))
        if edit == "flip":
            text = text[:at] + draw(st.sampled_from(CONTROLS) | st.characters()) + text[at + 1:]
        elif edit == "truncate":
            text = text[:at]
        elif edit == "insert":
            text = text[:at] + draw(HOSTILE_TEXT) + text[at:]
        elif edit == "separator":
            text = text[:at] + draw(st.sampled_from(separators)) + text[at:]
        else:
            text = _segment_edit(text, separators[0], draw(st.integers(0, 10_000)), duplicate=edit == "duplicate")
    return text


def _segment_edit(text: str, terminator: str, pick: int, *, duplicate: bool) -> str:
    parts = text.split(terminator)
    index = pick % len(parts)
    parts[index:index + 1] = [parts[index]] * 2 if duplicate else []
    return terminator.join(parts)


@st.composite
def damaged_bytes(draw, specimen: bytes, separators: bytes) -> bytes:
    """Byte-level damage: flips to any byte (invalid UTF-8 included), truncation, inserted bytes."""
    data = specimen
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        edit = draw(st.sampled_from(["flip", "truncate", "insert", "separator"]))
        if edit == "flip":
            data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1:]
        elif edit == "truncate":
            data = data[:at]
        elif edit == "insert":
            data = data[:at] + draw(st.binary(max_size=8)) + data[at:]
        else:
            data = data[:at] + bytes([draw(st.sampled_from(separators))]) + data[at:]
    return data


JSON_VALUES = st.none() | st.booleans() | st.integers() | HOSTILE_TEXT | st.lists(HOSTILE_TEXT, max_size=2) \
    | st.dictionaries(HOSTILE_TEXT, HOSTILE_TEXT, max_size=2)


def _paths(node, path=()) -> list[tuple]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, path + (index,))
    return found


@st.composite
def damaged_document(draw, document):
    """A JSON document with one to three elements replaced by hostile values or removed."""
    import copy

    document = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(document) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = document
        for part in path[:-1]:
            parent = parent[part]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(JSON_VALUES)
    return document
