"""An oversight reader changes nothing: every write page, service and API of the platform refuses them, and
nothing is written."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lianjian.deadlines.tests.factories import DeadlineFactory
from lianjian.org.models import LiaisonAssignment, PowerList
from lianjian.performance.models import AccountabilityNotice
from lianjian.sharing.models import Exchange, InfoRequest
from lianjian.trading.models import ImportRun

pytestmark = pytest.mark.django_db


def _csv():
    return SimpleUploadedFile("lots.csv", "标段（包）编号,标段（包）名称\nX1,测试\n".encode(), content_type="text/csv")


def test_every_write_page_refuses_an_oversight_reader(world, client):
    deadline = DeadlineFactory(responsible_unit=world.units.housing)
    power_lists = PowerList.objects.count()  # the deadline's subject is a power list
    client.force_login(world.jiwei)

    refused = {
        "trading import": client.post("/trading/import/", {"files": _csv()}).status_code,
        "expert draw": client.post(f"/experts/extractions/lot/{world.lot.pk}/", {"reserves": 1}).status_code,
        "power list draft": client.post("/org/power-lists/new/", {"note": "x"}).status_code,
        "liaison change": client.post(f"/org/units/{world.units.housing.pk}/liaison/", {}).status_code,
        "sharing event": client.post("/sharing/new/", {"title": "x"}).status_code,
        "sharing request": client.post("/sharing/requests/new/", {"subject": "x"}).status_code,
        "performance notice": client.post(f"/performance/notices/new/{world.units.housing.pk}/",
                                          {"reason": "x"}).status_code,
    }

    assert refused == {name: 404 if name == "expert draw" else 403 for name in refused}
    # The deadline page swallows the refusal into a message; what matters is that the deadline did not move.
    client.post(f"/deadlines/{deadline.pk}/meet/", {"state_version": deadline.state_version})
    deadline.refresh_from_db()
    assert deadline.state == "open"
    assert PowerList.objects.count() == power_lists
    assert not (ImportRun.objects.exists() or LiaisonAssignment.objects.exists()
                or Exchange.objects.exists() or InfoRequest.objects.exists()
                or AccountabilityNotice.objects.exists())


def test_every_write_api_refuses_an_oversight_reader(world, client):
    client.force_login(world.jiwei)
    json = "application/json"

    statuses = {
        "trading import": client.post("/api/v1/trading/imports/", {"files": _csv()}).status_code,
        "unit create": client.post("/api/v1/org/units/", {"name": "新单位", "type": "member",
                                                          "region": world.city.pk}, content_type=json).status_code,
        "power list": client.post("/api/v1/org/power-lists/", {"unit": world.units.discipline.pk},
                                  content_type=json).status_code,
        "sharing request": client.post("/api/v1/sharing/requests/", {
            "holder_unit": world.units.housing.pk, "subject": "x", "purpose": "y"}, content_type=json).status_code,
        "performance notice": client.post("/api/v1/performance/notices/", {
            "unit": world.units.housing.pk, "period_start": "2025-01-01", "period_end": "2025-06-30",
            "reason": "x"}, content_type=json).status_code,
    }

    assert statuses == {name: 403 for name in statuses}
    assert not (ImportRun.objects.exists() or InfoRequest.objects.exists() or AccountabilityNotice.objects.exists())
