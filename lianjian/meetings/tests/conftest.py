import pytest

from .factories import mechanism


@pytest.fixture
def w(db):
    return mechanism()
