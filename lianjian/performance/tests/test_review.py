"""The review's figures match the ones worked out by hand on the fixture. The pages judge open deadlines on
the real today, which is after the fixture's judging day, so their figures are the same."""

import io

import pytest
from docx import Document
from openpyxl import load_workbook

from lianjian.performance import selectors

from .factories import EXPECTED, PERIOD, TODAY

pytestmark = pytest.mark.django_db


def test_the_lead_office_sees_every_unit_ranked_with_the_hand_computed_figures(world):
    rows = selectors.review(actor=world.office, period_start=PERIOD[0], period_end=PERIOD[1], today=TODAY)

    assert [r.unit_name for r in rows] == list(EXPECTED)
    for row in rows:
        rank, decided, met, missed, overdue, pending, rate = EXPECTED[row.unit_name]
        assert (row.rank, row.decided, row.met, row.missed, row.overdue, row.pending) == (
            rank, decided, met, missed, overdue, pending)
        assert row.rate == (pytest.approx(rate) if rate is not None else None)


def test_per_duty_figures_split_complaints_transfers_and_unmapped_rules(world):
    rows = {r.unit_name: r for r in selectors.review(actor=world.office, period_start=PERIOD[0],
                                                      period_end=PERIOD[1], today=TODAY)}

    housing = rows["杭州市住房和城乡建设局"].categories
    assert (housing["complaints"]["met"], housing["complaints"]["decided"]) == (2, 3)
    assert housing["transfers"]["rate"] == pytest.approx(1.0)
    transport = rows["杭州市交通运输局"].categories
    assert transport["complaints"]["overdue"] == 1 and transport["complaints"]["rate"] == 0
    assert transport["other"]["met"] == 1
    assert transport["assistance"]["pending"] == 1 and transport["assistance"]["rate"] is None
    assert rows["杭州市水利局"].categories["liaison"]["rate"] == pytest.approx(1.0)


def test_a_supervising_bureau_sees_only_its_own_figures(world):
    rows = selectors.review(actor=world.housing, period_start=PERIOD[0], period_end=PERIOD[1], today=TODAY)

    assert [r.unit_name for r in rows] == ["杭州市住房和城乡建设局"]


def test_the_lead_office_of_another_city_sees_none_of_these_units(world):
    assert selectors.review(actor=world.ningbo, period_start=PERIOD[0], period_end=PERIOD[1], today=TODAY) == []


def test_the_review_is_computed_in_a_fixed_number_of_queries_whatever_the_number_of_deadlines(
        world, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        selectors.review(actor=world.office, period_start=PERIOD[0], period_end=PERIOD[1], today=TODAY)


def test_the_excel_export_lists_the_ranking_with_percentages(world, client):
    client.force_login(world.office)

    response = client.get("/performance/", {"period_start": "2025-01-01", "period_end": "2025-06-30",
                                            "export": "xlsx"})

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[7]) for r in rows] == [
        (1, "杭州市水利局", "100.0%"), (2, "杭州市住房和城乡建设局", "75.0%"), (3, "杭州市交通运输局", "66.7%"),
        (4, "杭州市林业水利局", "—")]


def test_the_word_export_has_the_ranking_table_and_names_the_units_that_failed(world, client):
    client.force_login(world.office)

    response = client.get("/performance/", {"period_start": "2025-01-01", "period_end": "2025-06-30",
                                            "export": "docx"})

    document = Document(io.BytesIO(response.content))
    table = document.tables[0]
    assert [row.cells[1].text for row in table.rows[1:]] == list(EXPECTED)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "杭州市住房和城乡建设局：逾期办结 1 项，超期未办 0 项。" in text
    assert "杭州市交通运输局：逾期办结 0 项，超期未办 1 项。" in text
    assert "杭州市水利局：" not in text


def test_the_review_page_shows_the_table_and_a_notice_link_for_failing_units_only(world, client):
    client.force_login(world.office)

    html = client.get("/performance/", {"period_start": "2025-01-01", "period_end": "2025-06-30"}).content.decode()

    assert "杭州市水利局" in html and "66.7%" in html
    assert html.count("/performance/notices/new/") == 2


def test_a_reversed_period_is_refused_with_a_message_on_the_field(world, client):
    client.force_login(world.office)

    html = client.get("/performance/", {"period_start": "2025-06-30", "period_end": "2025-01-01"}).content.decode()

    assert "考核期截止日期 2025-01-01 早于起始日期 2025-06-30" in html


def test_the_review_api_returns_the_same_figures(world, client):
    client.force_login(world.office)

    response = client.get("/api/v1/performance/review/", {"period_start": "2025-01-01", "period_end": "2025-06-30"})

    assert response.status_code == 200
    body = {r["unit_name"]: (r["rank"], r["met"], r["overdue"]) for r in response.json()}
    assert body["杭州市交通运输局"] == (3, 2, 1)
