"""The in-process domain rates time the functions, not a walk of what the bench built before them."""
import gc
import weakref

import pytest

from tools.bench import domain

pytestmark = pytest.mark.unit


def test_what_is_built_before_the_samples_is_out_of_the_collectors_sight_until_unfrozen():
    code_sets = [{"code": f"E11.{n}"} for n in range(1000)]  # set-up's objects: containers the collector tracks
    try:
        domain.freeze_what_is_built()
        gc.collect()  # a full collection inside a sample
        assert gc.get_freeze_count() >= len(code_sets)
        assert not any(o is code_sets for o in gc.get_objects())
        made_in_a_sample = [[n] for n in range(10)]
        assert any(o is made_in_a_sample for o in gc.get_objects())
    finally:
        gc.unfreeze()
    assert gc.get_freeze_count() == 0
    assert any(o is code_sets for o in gc.get_objects())


class _Node:
    pass


def test_the_garbage_of_set_up_is_collected_before_the_freeze_not_kept_for_the_run():
    gc.disable()  # the test's own allocations must not collect the cycle before the freeze does
    try:
        node = _Node()
        node.itself = node
        gone = weakref.ref(node)
        del node
        assert gone() is not None
        domain.freeze_what_is_built()
        assert gone() is None
    finally:
        gc.unfreeze()
        gc.enable()
