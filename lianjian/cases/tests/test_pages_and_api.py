"""Lists, exports, Word documents and the API, each scoped to what the officer may see."""

import io

import pytest
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from lianjian.cases import services
from lianjian.cases.models import ClueOutcome

from .factories import clue, disposed_clue, notified_case, transfer

pytestmark = pytest.mark.django_db


def test_the_clue_list_searches_filters_and_exports(client, place):
    clue(place, title="围标预警甲")
    clue(place, title="其他线索")
    client.force_login(place.office_staff)
    page = client.get("/cases/", {"q": "围标"})
    assert "围标预警甲" in page.content.decode() and "其他线索" not in page.content.decode()
    export = client.get("/cases/clues/export/", {"q": "围标"})
    rows = list(load_workbook(io.BytesIO(export.content)).active.values)
    assert rows[0][0] == "编号" and len(rows) == 2 and rows[1][1] == "围标预警甲"


def test_an_officer_of_an_uninvolved_unit_gets_404_on_a_clue(client, place):
    found = clue(place)
    client.force_login(place.police_reader)
    assert client.get(found.get_absolute_url()).status_code == 404


def test_a_bad_credit_code_on_the_clue_form_is_shown_next_to_the_field(client, place):
    client.force_login(place.office_staff)
    page = client.post("/cases/clues/new/", {"source": "other", "title": "线索", "description": "内容",
                                             "entities": "123"})
    html = page.content.decode()
    assert page.status_code == 200 and 'role="alert"' in html and "统一社会信用代码“123”无效" in html


def test_the_penalty_decision_downloads_as_a_word_document_citing_the_power_item(client, place):
    from decimal import Decimal

    from .factories import benchmark

    case = notified_case(place)
    services.case_decide(case=case, kind="penalty", document_number="杭建罚〔2026〕3号", decided_on=timezone.localdate(), power_item=place.penalty_item, reasons="违法事实清楚", benchmark=benchmark(),
                         base_amount=Decimal(1000000), fine_amount=Decimal(6500), actor=place.housing_head)
    client.force_login(place.housing_officer)
    response = client.get(f"/cases/cases/{case.pk}/decision.docx")
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "行政处罚决定书" in text and "XZCF-0053" in text and "6500" in text
    export = client.get("/cases/cases/export/")
    assert list(load_workbook(io.BytesIO(export.content)).active.values)[1][6] == "杭建罚〔2026〕3号"


def test_a_stale_page_action_reports_that_someone_else_acted(client, place):
    sent = services.transfer_send(transfer=transfer(place), actor=place.housing_officer)
    client.force_login(place.water_officer)
    client.post(f"/cases/transfers/{sent.pk}/receive/", {"state_version": sent.state_version})
    page = client.post(f"/cases/transfers/{sent.pk}/receive/", {"state_version": sent.state_version}, follow=True)
    assert "不能执行“签收”" in page.content.decode()


def test_the_api_lists_only_what_the_caller_may_see(client, place):
    found, referral = disposed_clue(place, outcome=ClueOutcome.DISCIPLINE, unit=place.discipline)
    services.transfer_send(transfer=referral, actor=place.office_staff)
    client.force_login(place.discipline_reader)
    assert [c["id"] for c in client.get("/api/v1/cases/clues/").json()["results"]] == [found.pk]
    client.force_login(place.police_reader)
    assert client.get("/api/v1/cases/transfers/").json()["results"] == []
