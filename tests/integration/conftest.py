import pytest


def pytest_collection_modifyitems(items):
    for item in items:
        if "/integration/" in str(item.fspath) and not item.get_closest_marker("unit"):
            item.add_marker(pytest.mark.integration)
