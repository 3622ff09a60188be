import gc

import pytest

from shared.collector import YOUNG_GENERATION_THRESHOLD, settle_after_start

pytestmark = pytest.mark.unit


@pytest.fixture
def restored_collector():
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_start_up_objects_are_frozen_and_young_collections_spaced(restored_collector):
    gc.unfreeze()
    older = gc.get_threshold()[1:]
    built_at_start = [{"code": str(n)} for n in range(1000)]
    settle_after_start()
    assert gc.get_freeze_count() >= len(built_at_start)
    assert gc.get_threshold()[0] == YOUNG_GENERATION_THRESHOLD
    assert gc.get_threshold()[1:] == older
