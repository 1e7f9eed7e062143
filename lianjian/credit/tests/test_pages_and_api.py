import io
import json

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from lianjian.credit.exporting import FIELDS, FORMAT

from .factories import blacklist, penalty


@pytest.fixture
def as_user(client):
    def login(user):
        client.force_login(user)
        return client
    return login


def test_every_credit_page_renders_for_an_officer(world, as_user):
    entry = blacklist(world.housing, entity=world.bidders[0])
    client = as_user(world.housing)
    for url in [reverse("credit:entity_list"), reverse("credit:blacklist"), reverse("credit:measure_list"),
                reverse("credit:repair_list"), reverse("credit:entity_detail", args=[world.bidders[0].pk]),
                reverse("credit:entry_detail", args=[entry.pk]), reverse("credit:entry_add"),
                reverse("credit:blacklist") + "?list=watch"]:
        assert client.get(url).status_code == 200, url


def test_the_archive_filters_by_class_and_exports_to_excel(world, as_user):
    blacklist(world.housing, entity=world.bidders[0])
    client = as_user(world.office)
    page = client.get(reverse("credit:entity_list"), {"credit_class": "D"}).content.decode()
    assert world.bidders[0].name in page and world.bidders[1].name not in page
    response = client.get(reverse("credit:entity_export"), {"credit_class": "D"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[2]][1:] == [world.bidders[0].name, 100, "D"]


def test_the_provincial_export_has_the_documented_fields_in_json_and_xlsx(world, as_user):
    penalty(world.housing, world.bidders[0])
    client = as_user(world.office)
    document = json.loads(client.get(reverse("credit:record_export"), {"format": "json"}).content)
    assert document["format"] == FORMAT and document["version"] == 1
    assert list(document["records"][0]) == [key for key, _label, _value in FIELDS]
    assert document["records"][0]["credit_code"] == world.bidders[0].credit_code
    assert document["records"][0]["points_effective"] == "-20.0"
    sheet = load_workbook(io.BytesIO(client.get(reverse("credit:record_export"), {"format": "xlsx"}).content)).active
    assert sheet.max_row == 2 and sheet.cell(2, 2).value == world.bidders[0].credit_code
    api = client.get("/api/v1/credit/export/", {"date_from": "2000-01-01"}).json()
    assert api["records"][0]["record_id"] == document["records"][0]["record_id"]


def test_a_record_is_seen_within_reach_and_not_in_another_city(world, as_user):
    penalty(world.housing, world.bidders[0])
    assert len(as_user(world.xs_housing).get("/api/v1/credit/records/").json()["results"]) == 1
    assert as_user(world.nb_housing).get("/api/v1/credit/records/").json()["results"] == []


def test_repair_applications_stay_with_the_listing_unit_and_region_readers(world, as_user):
    assert as_user(world.nb_housing).get(reverse("credit:repair_list")).status_code == 200
    entry = blacklist(world.housing, entity=world.bidders[0])
    assert as_user(world.nb_housing).get(reverse("credit:entry_detail", args=[entry.pk])).status_code == 404


def test_the_api_adds_a_record_and_answers_bad_input_with_field_errors(world, as_user):
    client = as_user(world.housing)
    body = {"entity": world.bidders[0].pk, "kind": "collusion", "source": "penalty_decision",
            "decided_on": "2025-06-01", "document_no": "杭建罚〔2025〕3号", "description": "串通投标"}
    created = client.post("/api/v1/credit/records/", body, content_type="application/json")
    assert created.status_code == 201 and created.json()["points_effective"] == "-20.0"
    again = client.post("/api/v1/credit/records/", body, content_type="application/json")
    assert again.status_code == 400 and "一事不二罚" in again.json()["document_no"][0]
    entity = client.get("/api/v1/credit/entities/", {"q": world.bidders[0].credit_code}).json()["results"][0]
    assert entity["credit_class"] == "B"


def test_the_api_checks_a_lot_and_oversight_may_not(world, as_user):
    blacklist(world.housing, entity=world.bidders[0])
    response = as_user(world.centre).post(f"/api/v1/credit/lots/{world.lot.pk}/check/")
    assert response.status_code == 200 and response.json()[0]["roles"] == "bidder"
    assert as_user(world.jiwei).post(f"/api/v1/credit/lots/{world.lot.pk}/check/").status_code == 403


def test_the_exposure_board_is_public_and_shows_no_internal_note(world, client):
    blacklist(world.housing, entity=world.bidders[0])
    page = client.get(reverse("credit:exposure"), {"q": world.bidders[0].credit_code}).content.decode()
    assert world.bidders[0].name in page and "13800000000" not in page and "举报人" not in page
