import pytest

from . import handlers  # noqa: F401  registers the test job kinds in this process



@pytest.fixture(autouse=True)
def _inline_backend(settings):
    settings.LIANJIAN_JOB_BACKEND = "inline"
