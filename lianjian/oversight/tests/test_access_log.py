"""The access log is reviewed by the reader's own leadership: the unit head sees the unit, others only themselves."""

import pytest

from lianjian.oversight import selectors, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def reads(world):
    services.oversight_search(actor=world.jiwei, dataset="lots", q="堤防")
    services.oversight_export(actor=world.jiwei2, dataset="bids", q="")
    services.oversight_search(actor=world.auditor, dataset="entities", q="")
    return world


def test_the_head_of_the_discipline_unit_reviews_every_read_of_the_unit_and_none_of_the_audit_office(reads):
    entries = selectors.access_log_for(actor=reads.jiwei_head)

    assert {e.actor for e in entries} == {reads.jiwei, reads.jiwei2}


def test_a_reader_sees_only_their_own_reads(reads):
    assert {e.actor for e in selectors.access_log_for(actor=reads.jiwei)} == {reads.jiwei}
    assert {e.actor for e in selectors.access_log_for(actor=reads.auditor)} == {reads.auditor}


def test_the_lead_office_does_not_see_the_oversight_readers_log(reads):
    assert not selectors.access_log_for(actor=reads.office).exists()


def test_the_log_page_filters_by_person_and_exports_to_excel(reads, client):
    client.force_login(reads.jiwei_head)

    page = client.get("/oversight/log/", {"person": "乙"})
    export = client.get("/oversight/log/", {"export": "xlsx"})

    assert page.status_code == 200
    assert "纪检干部乙" in page.content.decode() and "纪检干部甲" not in page.content.decode()
    assert export.status_code == 200 and export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_log_api_lists_the_same_entries_as_the_page(reads, client):
    client.force_login(reads.jiwei)

    response = client.get("/api/v1/oversight/access-log/")

    assert response.status_code == 200
    rows = response.json()["results"] if isinstance(response.json(), dict) else response.json()
    assert [row["dataset"] for row in rows] == ["lots"]
