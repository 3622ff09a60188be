"""Speedups for x12sdk 2.2.0, the gate on every 270 and 276 we send: the same verdicts for less CPU.

Profiled on 270s of 20 members (about 0.2 ms of CPU per member, a tenth of the claims service's CPU
in a burst), x12sdk spent over half its time answering one question again and again: is this
field's annotation a list? It asks it for every field of every segment it reads (which fields split
on a repetition or component separator) and of every loop it validates (which fields wrap a lone
segment in a list), through `typing.get_origin` and `get_args` of the same class-level annotations.
(Its SE01 check counts segments over a `model_dump()` of each loop; walking the models in Python
instead was measured and was no cheaper than pydantic's dump, so it is left as it is.)

Each patch below says why it cannot change an answer. `apply()` runs once, from the gate's import,
and only on the x12sdk version it was checked against; any other version runs unpatched (slower,
same verdicts) with a warning in the log. tests/unit/claims/test_x12sdk_speedups.py compares the
verdicts on a corpus of valid and broken 270s and 276s with a pristine x12sdk in a subprocess.
"""
import x12sdk
import x12sdk.models
import x12sdk.parsing

from services.claims.adapters.library_patches import PatchLayer

SUPPORTED_VERSION = "2.2.0"


def apply() -> bool:
    """Install every patch once (idempotent, thread safe); False when x12sdk's version is unknown."""
    return LAYER.apply()


def _remember_list_fields() -> None:
    """`_is_list_field` is a pure function of an annotation, and the annotations it is asked about are
    the models' own, fixed when the classes were made. Each verdict is kept by the annotation's
    identity; the entry holds the annotation, so its id cannot be reused for another object."""
    original = x12sdk.models._is_list_field
    known: dict[int, tuple[object, bool]] = {}

    def _is_list_field(annotation) -> bool:
        entry = known.get(id(annotation))
        if entry is None or entry[0] is not annotation:
            entry = known[id(annotation)] = (annotation, original(annotation))
        return entry[1]

    x12sdk.models._is_list_field = x12sdk.parsing._is_list_field = _is_list_field


def _split_fields_once() -> None:
    """Which fields of a segment split, and on which separator, depends only on the segment's model
    (its class-level fields and their schema extras) and the interchange's two separators: it is worked
    out once per model and pair of separators, and each caller gets its own copy."""
    original = x12sdk.parsing.X12Parser._get_multivalue_fields
    known: dict[tuple, dict[str, str]] = {}

    def _get_multivalue_fields(self, segment_name) -> dict[str, str]:
        model = self._lookup_segment_model(segment_name)  # an unknown segment raises here, as before
        key = (model, self._delimiters.component_separator, self._delimiters.repetition_separator)
        fields = known.get(key)
        if fields is None:
            fields = known[key] = original(self, segment_name)
        return dict(fields)

    x12sdk.parsing.X12Parser._get_multivalue_fields = _get_multivalue_fields


PATCHES = (_remember_list_fields, _split_fields_once)
LAYER = PatchLayer("x12sdk", SUPPORTED_VERSION, lambda: x12sdk.__version__, PATCHES)
