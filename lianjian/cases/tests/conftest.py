import pytest

from .factories import City


@pytest.fixture
def place(db):
    return City()
