"""The demo pool: built through the services, idempotent, and usable for a draw on a demo lot."""

import pytest

from lianjian.experts import services
from lianjian.experts.demo import build_demo_experts
from lianjian.experts.models import Expert, ExpertStatus, PickRole
from lianjian.org.demo import build_demo
from lianjian.org.models import User

from .factories import LotFactory

pytestmark = pytest.mark.django_db


def test_the_demo_pool_is_built_once_with_its_planted_histories(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    build_demo()
    assert build_demo_experts(count=40) == 40
    assert build_demo_experts(count=40) == 0
    assert Expert.objects.filter(status=ExpertStatus.SUSPENDED).count() == 3
    assert Expert.objects.filter(status=ExpertStatus.BLACKLISTED).count() == 2
    assert Expert.objects.filter(penalties__isnull=False).count() == 2
    lot = LotFactory(region=User.objects.get(username="centre").unit.region)
    extraction = services.extraction_draw(lot=lot, counts={"A": 3, "C": 2}, actor=User.objects.get(username="centre"))
    assert extraction.picks.filter(role=PickRole.PRIMARY).count() == 5
    services.extraction_verify(extraction)
