import pytest
from rest_framework.test import APIClient

from lianjian.cases.models import Clue
from lianjian.monitoring.models import Alert, WatchEntry

from .factories import ingested

API = "/api/v1/monitoring/"


@pytest.fixture
def api():
    return APIClient()


def test_alerts_are_listed_within_the_officers_scope(api, world):
    alert = ingested(world)
    api.force_authenticate(world.housing)
    assert [a["id"] for a in api.get(f"{API}alerts/").json()["results"]] == [alert.pk]

    api.force_authenticate(world.transport)
    assert api.get(f"{API}alerts/").json()["results"] == []
    assert api.get(f"{API}alerts/{alert.pk}/").status_code == 404


def test_confirming_an_alert_already_confirmed_is_refused_and_leaves_one_clue(api, world):
    alert = ingested(world)
    api.force_authenticate(world.housing)

    first = api.post(f"{API}alerts/{alert.pk}/confirm/", {"note": "属实"}, format="json")
    second = api.post(f"{API}alerts/{alert.pk}/confirm/", {"note": "属实"}, format="json")

    assert first.status_code == 200 and first.json()["state"] == "confirmed" and first.json()["clue_id"]
    assert second.status_code == 400
    assert Clue.objects.count() == 1


def test_dismissing_without_a_reason_is_a_400_naming_the_field(api, world):
    alert = ingested(world)
    api.force_authenticate(world.housing)

    response = api.post(f"{API}alerts/{alert.pk}/dismiss/", {"reason": ""}, format="json")

    assert response.status_code == 400 and "reason" in response.json()


def test_the_trading_centre_loads_findings_over_the_api_and_a_bureau_may_not(api, world):
    finding = {"indicator": "C40-MAC", "lot_code": world.lot.code, "score": 0.8, "severity": "high",
               "entities": [b.credit_code for b in world.bidders], "evidence": {"shared": {"mac_address": "x"}}}
    api.force_authenticate(world.housing)
    assert api.post(f"{API}alerts/ingest/", {"source": "api", "findings": [finding]}, format="json").status_code == 403

    api.force_authenticate(world.centre)
    response = api.post(f"{API}alerts/ingest/", {"source": "api", "findings": [finding]}, format="json")

    assert response.status_code == 200 and response.json()["created"] == 1
    assert Alert.objects.get().unit == world.units.housing


def test_the_office_adds_to_and_ends_the_watch_list_over_the_api(api, world):
    api.force_authenticate(world.office)

    created = api.post(f"{API}watchlist/", {"kind": "entity", "credit_code": world.bidders[0].credit_code,
                                            "reason": "历史异常"}, format="json")
    assert created.status_code == 201 and created.json()["lots"] == 1
    assert api.get(f"{API}tracked-lots/").json()["results"][0]["lot_code"] == world.lot.code

    ended = api.post(f"{API}watchlist/{created.json()['id']}/end/", {"end_reason": "信用修复"}, format="json")
    assert ended.status_code == 200 and ended.json()["is_active"] is False
    assert not WatchEntry.objects.filter(is_active=True).exists()


def test_a_bureau_cannot_add_to_the_watch_list_over_the_api(api, world):
    api.force_authenticate(world.housing)

    response = api.post(f"{API}watchlist/", {"kind": "entity", "credit_code": world.bidders[0].credit_code,
                                             "reason": "历史异常"}, format="json")

    assert response.status_code == 403
