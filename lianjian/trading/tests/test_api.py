import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from lianjian.trading.models import ImportRun, ImportStatus
from lianjian.trading.services import trading_import

from .factories import BIDDERS, centre_staff, officer, sample_rows, write_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(market, tmp_path):
    trading_import(paths=[write_csv(tmp_path / "sample.csv", sample_rows())], actor=None)


def _api(user):
    api = APIClient()
    api.force_authenticate(user)
    return api


def test_the_lot_detail_carries_bids_award_contracts_and_timeline(market, imported):
    api = _api(officer(market["supervisor"]))
    listing = api.get("/api/v1/trading/lots/", {"stage": "contract"}).json()
    assert [lot["code"] for lot in listing["results"]] == ["E3301062025001001"]
    detail = api.get(f"/api/v1/trading/lots/{listing['results'][0]['id']}/").json()
    assert len(detail["bids"]) == 3 and detail["bids"][0]["cpu_id"] == "BFEBFBFF000906EA"
    assert detail["award"]["winner"]["credit_code"] == BIDDERS[0]
    assert detail["contracts"][0]["changes"][0]["content"] == "增加附属工程"
    assert [e["label"] for e in detail["timeline"]][:2] == ["立项", "发布招标公告"]
    assert detail["guest_venues"] == ["宁波市公共资源交易中心"]


def test_the_api_is_scoped_like_the_pages(market, imported):
    api = _api(officer(market["ningbo_supervisor"]))
    assert api.get("/api/v1/trading/lots/").json()["count"] == 0
    assert api.get("/api/v1/trading/projects/").json()["count"] == 0


def test_entities_are_looked_up_by_credit_code(market, imported):
    data = _api(officer(market["supervisor"])).get(f"/api/v1/trading/entities/{BIDDERS[0]}/").json()
    assert data["name"] == "杭州甲建设有限公司" and data["is_bidder"]


def test_uploading_to_the_api_queues_an_import(market, tmp_path, django_capture_on_commit_callbacks):
    upload = SimpleUploadedFile("sample.csv", write_csv(tmp_path / "s.csv", sample_rows()).read_bytes())
    with django_capture_on_commit_callbacks(execute=True):
        response = _api(centre_staff(market["centre"])).post(
            "/api/v1/trading/imports/", {"files": [upload], "default_region": "330100"}, format="multipart")
    assert response.status_code == 202
    run = ImportRun.objects.get(pk=response.json()["id"])
    assert run.status == ImportStatus.SUCCEEDED and run.default_region.code == "330100"


def test_an_officer_cannot_import_through_the_api(market, tmp_path):
    upload = SimpleUploadedFile("sample.csv", b"PROJECT_CODE\nP1\n")
    response = _api(officer(market["supervisor"])).post("/api/v1/trading/imports/", {"files": [upload]},
                                                         format="multipart")
    assert response.status_code == 403


def test_the_trading_centre_of_the_region_reads_projects_and_tender_projects(market, imported):
    api = _api(centre_staff(market["centre"]))
    assert [p["code"] for p in api.get("/api/v1/trading/projects/").json()["results"]] == ["P2025-001"]
    assert api.get("/api/v1/trading/lots/").json()["count"] == 2
