import pytest

from .factories import review_world


@pytest.fixture
def world(db):
    return review_world()
