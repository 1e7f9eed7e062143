import datetime
import json

import pytest
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from lianjian.org.models import LiaisonKind, PowerKind, PowerList, PowerListStatus, RoleCode

from .factories import PowerItemFactory, PowerListFactory, published_list

pytestmark = pytest.mark.django_db


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _all_keys(value):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from _all_keys(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _all_keys(inner)


def test_people_never_carry_a_password_or_its_hash(world):
    api = _api(world.office)
    listing = api.get("/api/v1/org/people/").json()
    detail = api.get(f"/api/v1/org/people/{world.housing_officer.pk}/").json()
    body = json.dumps([listing, detail])
    assert "password" not in set(_all_keys(listing)) | set(_all_keys(detail))
    assert "md5$" not in body and "pbkdf2" not in body
    assert detail["can_log_in"] is True and detail["roles"] == [RoleCode.SUPERVISOR_OFFICER]


def test_a_password_sent_when_creating_a_person_is_ignored_and_the_person_cannot_log_in(world, client):
    response = _api(world.housing_head).post("/api/v1/org/people/", {
        "unit": world.units.housing.pk, "username": "newbie", "full_name": "新同事", "password": "Sneaky-Pass-2026",
        "roles": [RoleCode.INSPECTOR]}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["can_log_in"] is False
    assert not client.login(username="newbie", password="Sneaky-Pass-2026")


def test_the_api_lists_only_what_the_caller_may_see(world):
    draft = PowerListFactory(unit=world.units.housing)
    published = published_list(world.units.finance, ("CF-CZ-001", PowerKind.PENALTY))
    api = _api(world.xs_head)
    unit_ids = {u["id"] for u in api.get("/api/v1/org/units/").json()["results"]}
    assert world.units.xs_housing.pk in unit_ids and world.units.yh_housing.pk not in unit_ids
    people_ids = {p["id"] for p in api.get("/api/v1/org/people/").json()["results"]}
    assert world.yh_head.pk not in people_ids
    list_ids = {pl["id"] for pl in api.get("/api/v1/org/power-lists/").json()["results"]}
    assert published.pk in list_ids and draft.pk not in list_ids
    assert api.get(f"/api/v1/org/power-lists/{draft.pk}/").status_code == 404
    hidden_item = PowerItemFactory(power_list=draft)
    assert api.get(f"/api/v1/org/power-items/{hidden_item.pk}/").status_code == 404


def test_anonymous_callers_are_refused(world):
    assert APIClient().get("/api/v1/org/power-lists/").status_code in (401, 403)


def test_a_unit_head_drafts_adds_items_and_publishes_over_the_api(world):
    api = _api(world.housing_head)
    created = api.post("/api/v1/org/power-lists/", {"unit": world.units.housing.pk, "note": "API"}, format="json")
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    item = api.post(f"/api/v1/org/power-lists/{pk}/items/", {
        "code": "CF-ZJ-001", "kind": PowerKind.PENALTY, "name": "对串通投标行为的行政处罚",
        "legal_basis": "《中华人民共和国招标投标法》第五十三条"}, format="json")
    assert item.status_code == 201, item.content
    patched = api.patch(f"/api/v1/org/power-items/{item.json()['id']}/", {"name": "改名"}, format="json")
    assert patched.json()["name"] == "改名"
    published = api.post(f"/api/v1/org/power-lists/{pk}/publish/", {"state_version": 0}, format="json")
    assert published.status_code == 200 and published.json()["status"] == PowerListStatus.PUBLISHED
    detail = api.get(f"/api/v1/org/power-lists/{pk}/").json()
    assert [i["code"] for i in detail["items"]] == ["CF-ZJ-001"]


def test_publishing_with_a_stale_state_version_is_a_conflict(world):
    api = _api(world.housing_head)
    draft = PowerListFactory(unit=world.units.housing, state_version=3)
    PowerItemFactory(power_list=draft)
    response = api.post(f"/api/v1/org/power-lists/{draft.pk}/publish/", {"state_version": 2}, format="json")
    assert response.status_code == 409
    assert PowerList.objects.get(pk=draft.pk).status == PowerListStatus.DRAFT


def test_service_refusals_become_403_and_validation_errors_400(world):
    api = _api(world.jiwei)
    assert api.post("/api/v1/org/power-lists/", {"unit": world.units.discipline.pk},
                    format="json").status_code == 403
    bad = _api(world.city_admin).post("/api/v1/org/regions/", {"code": "33012X", "name": "错"}, format="json")
    assert bad.status_code == 400 and "code" in bad.json()


def test_a_liaison_change_is_reported_over_the_api(world):
    response = _api(world.housing_head).post("/api/v1/org/liaisons/", {
        "unit": world.units.housing.pk, "kind": LiaisonKind.LIAISON_OFFICER, "person": world.housing_officer.pk,
        "effective_on": datetime.date.today().isoformat()}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["reported_on_time"] is True
    listed = _api(world.office).get("/api/v1/org/liaisons/").json()["results"]
    assert [row["person"] for row in listed] == [world.housing_officer.pk]


def test_a_county_officer_cannot_update_another_countys_person_over_the_api(world):
    response = _api(world.xs_head).patch(f"/api/v1/org/people/{world.yh_head.pk}/", {"title": "越权"}, format="json")
    assert response.status_code == 404
    response = _api(world.xs_head).patch(f"/api/v1/org/people/{world.office.pk}/", {"title": "越权"}, format="json")
    assert response.status_code == 403


def test_the_openapi_schema_generates_without_warnings_or_errors():
    GENERATOR_STATS.reset()
    schema = SchemaGenerator().get_schema(request=None, public=True)
    assert not GENERATOR_STATS._warn_cache and not GENERATOR_STATS._error_cache
    assert "/api/v1/org/power-lists/{id}/publish/" in schema["paths"]
    person = schema["components"]["schemas"]["Person"]["properties"]
    assert "password" not in person and "can_log_in" in person
