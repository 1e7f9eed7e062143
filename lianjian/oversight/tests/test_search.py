"""Searching and exporting through the channel: region-wide, read-only, and every read is logged."""

import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from lianjian.audit.models import AuditEntry
from lianjian.core.permissions import AccessDenied
from lianjian.oversight import services
from lianjian.oversight.models import AccessKind, AccessLogEntry

pytestmark = pytest.mark.django_db


def test_a_discipline_reader_finds_every_lot_of_the_city_a_bidder_took_part_in_but_none_outside_it(world):
    dataset, page = services.oversight_search(actor=world.jiwei, dataset="bids", q="浙江围标嫌疑")

    assert {row.lot for row in page.object_list} == {world.lot, world.other_lot}
    assert dataset.code == "bids"


def test_each_search_is_logged_with_who_what_and_how_many_rows_and_in_the_audit_chain(world):
    services.oversight_search(actor=world.jiwei, dataset="lots", q="堤防")

    entry = AccessLogEntry.objects.get()
    assert (entry.actor, entry.unit, entry.kind, entry.dataset, entry.query["q"], entry.row_count) == (
        world.jiwei, world.units.discipline, AccessKind.SEARCH, "lots", "堤防", 1)
    audit = AuditEntry.objects.get(action="oversight.search")
    assert audit.object_id == str(entry.pk) and audit.detail["rows"] == 1 and audit.detail["query"]["q"] == "堤防"


def test_an_export_is_logged_with_its_file_name_and_row_count(world):
    _dataset, filename, rows = services.oversight_export(actor=world.auditor, dataset="lots", q="")

    entry = AccessLogEntry.objects.get(kind=AccessKind.EXPORT)
    assert entry.export_filename == filename and filename.endswith(".xlsx")
    assert entry.row_count == 2 == rows.count()


def test_opening_an_archive_is_logged_and_leads_to_the_lot_archive_page(world):
    url = services.oversight_open(actor=world.jiwei, dataset="lots", pk=world.lot.pk)

    assert url == f"/trading/lots/{world.lot.pk}/"
    assert AccessLogEntry.objects.get().kind == AccessKind.OPEN


def test_an_archive_outside_the_readers_region_cannot_be_opened_and_nothing_is_logged(world):
    with pytest.raises(ValidationError):
        services.oversight_open(actor=world.jiwei, dataset="lots", pk=world.ningbo_lot.pk)
    assert not AccessLogEntry.objects.exists()


def test_the_channel_is_closed_to_officers_who_are_not_oversight_readers(world):
    for person in (world.office, world.housing, world.centre):
        with pytest.raises(AccessDenied):
            services.oversight_search(actor=person, dataset="lots")
        with pytest.raises(AccessDenied):
            services.oversight_export(actor=person, dataset="lots")
    assert not AccessLogEntry.objects.exists()


def test_an_unknown_data_set_or_an_overlong_query_is_refused_by_name(world):
    with pytest.raises(ValidationError) as unknown:
        services.oversight_search(actor=world.jiwei, dataset="salaries")
    assert "salaries" in unknown.value.message_dict["dataset"][0]
    with pytest.raises(ValidationError) as long_query:
        services.oversight_search(actor=world.jiwei, dataset="lots", q="长" * 101)
    assert "100" in long_query.value.message_dict["q"][0]


@pytest.mark.parametrize("dataset", ["lots", "projects", "entities", "bids", "extractions", "deadlines"])
def test_every_data_set_searches_and_exports_for_a_reader(world, client, dataset):
    client.force_login(world.jiwei)

    page = client.get("/oversight/", {"dataset": dataset, "q": ""})
    export = client.get("/oversight/", {"dataset": dataset, "q": "", "export": "xlsx"})

    assert page.status_code == 200 and export.status_code == 200
    sheet = load_workbook(io.BytesIO(export.content)).active
    assert sheet.max_column >= 4
    assert AccessLogEntry.objects.filter(dataset=dataset).count() == 2


def test_the_exported_workbook_holds_the_rows_the_reader_may_see(world, client):
    client.force_login(world.jiwei)

    response = client.get("/oversight/", {"dataset": "lots", "q": "", "export": "xlsx"})

    sheet = load_workbook(io.BytesIO(response.content)).active
    names = {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert names == {"堤防加固一标段", "西溪绿道二标段"}


def test_the_search_api_answers_and_logs_like_the_page(world, client):
    client.force_login(world.jiwei)

    response = client.get("/api/v1/oversight/search/", {"dataset": "lots", "q": "绿道"})

    assert response.status_code == 200
    assert response.json()["count"] == 1 and response.json()["rows"][0]["cells"][1] == "西溪绿道二标段"
    assert AccessLogEntry.objects.get().query == {"q": "绿道", "page": 1}


def test_the_search_page_and_api_refuse_other_officers(world, client):
    client.force_login(world.housing)

    assert client.get("/oversight/", {"dataset": "lots"}).status_code == 403
    assert client.get("/api/v1/oversight/search/", {"dataset": "lots"}).status_code == 403


def test_a_reader_finds_a_complaint_by_its_title_with_the_filer_masked_and_never_named(world):
    from lianjian.complaints.tests.factories import submit

    complaint = submit(world.city, title="堤防加固一标段评标不公", lot=world.lot)
    dataset, page = services.oversight_search(actor=world.jiwei, dataset="complaints", q="评标不公")

    assert [row for row in page.object_list] == [complaint]
    cells = [str(value) for value in dataset.cells(complaint)]
    assert complaint.submitter_masked in cells and "张三丰" not in "".join(cells)
    assert AccessLogEntry.objects.get(dataset="complaints").row_count == 1


def test_a_reader_finds_the_clue_a_complaint_became(world):
    from lianjian.cases.services import clue_register

    clue = clue_register(source="complaint", source_object=None, title="围标线索：堤防加固一标段",
                         description="多家投标人上传IP相同", unit=world.units.housing, actor=world.housing,
                         lot=world.lot)
    _dataset, page = services.oversight_search(actor=world.jiwei, dataset="clues", q="堤防")
    assert list(page.object_list) == [clue]


def test_a_confidential_clue_stays_out_of_the_channel_and_clue_pages_stay_closed_to_readers(world, client):
    from lianjian.cases.services import clue_register

    clue = clue_register(source="other", source_object=None, title="堤防标段涉密线索", description="涉密",
                         unit=world.units.housing, actor=world.housing, lot=world.lot)
    type(clue).objects.filter(pk=clue.pk).update(confidential=True)
    _dataset, page = services.oversight_search(actor=world.jiwei, dataset="clues", q="堤防")
    assert list(page.object_list) == []
    client.force_login(world.jiwei)
    assert client.get(clue.get_absolute_url()).status_code == 404
