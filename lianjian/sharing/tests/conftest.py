import pytest

from .factories import sharing_world


@pytest.fixture
def world(db):
    return sharing_world()
