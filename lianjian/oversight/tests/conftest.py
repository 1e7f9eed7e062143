import pytest

from .factories import oversight_world


@pytest.fixture
def world(db):
    return oversight_world()
