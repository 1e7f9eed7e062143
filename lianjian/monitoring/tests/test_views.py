import io

from django.urls import reverse
from openpyxl import load_workbook

from lianjian.cases.models import Clue
from lianjian.monitoring.models import AlertState, WatchEntry

from .factories import ingested, make_overdue


def test_the_alert_list_counts_by_colour_filters_and_searches(client, world):
    red = ingested(world)
    ingested(world, indicator="S-CV", severity="low", score=0.4)
    client.force_login(world.housing)

    page = client.get(reverse("monitoring:alerts"))
    assert page.status_code == 200
    assert page.context["counts"] == {"high": 1, "medium": 0, "low": 1}

    page = client.get(reverse("monitoring:alerts"), {"severity": "high", "q": world.lot.code})
    assert list(page.context["page"].object_list) == [red]


def test_the_alert_list_exports_what_is_filtered_to_excel(client, world):
    ingested(world)
    client.force_login(world.office)

    response = client.get(reverse("monitoring:alerts_export"), {"state": "open"})

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]][:4] == ["预警等级", "指标代码", "指标名称", "标段（包）编号"]
    assert sheet.cell(2, 1).value == "红色预警" and sheet.cell(2, 4).value == world.lot.code


def test_the_detail_page_lays_the_evidence_side_by_side_and_the_officer_confirms_it(client, world):
    alert = ingested(world)
    client.force_login(world.housing)

    page = client.get(alert.get_absolute_url())
    html = page.content.decode()
    assert 'class="marked">00:1A:2B:3C:4D:5E' in html and "与上一报价差额（元）" in html
    assert world.bidders[2].name in html

    response = client.post(reverse("monitoring:alert_act", args=[alert.pk, "confirm"]), {"confirm-note": "属实"})
    assert response.status_code == 302
    alert.refresh_from_db()
    assert alert.state == AlertState.CONFIRMED and Clue.objects.filter(source="monitoring").count() == 1


def test_dismissing_without_a_reason_shows_the_error_next_to_the_field(client, world):
    alert = ingested(world)
    client.force_login(world.housing)

    response = client.post(reverse("monitoring:alert_act", args=[alert.pk, "dismiss"]), {"dismiss-reason": ""})

    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    alert.refresh_from_db()
    assert alert.state == AlertState.PENDING


def test_a_stale_confirm_on_the_page_says_someone_else_handled_it(client, world):
    alert = ingested(world)
    client.force_login(world.housing)
    client.post(reverse("monitoring:alert_act", args=[alert.pk, "confirm"]), {"confirm-note": ""})

    response = client.post(reverse("monitoring:alert_act", args=[alert.pk, "confirm"]), {"confirm-note": ""},
                           follow=True)

    assert "不能执行" in response.content.decode() or "已被他人处理" in response.content.decode()
    assert Clue.objects.count() == 1


def test_another_bureau_cannot_open_the_alert(client, world):
    alert = ingested(world)
    client.force_login(world.transport)

    assert client.get(alert.get_absolute_url()).status_code == 404
    assert client.post(reverse("monitoring:alert_act", args=[alert.pk, "confirm"])).status_code == 404


def test_the_office_sees_the_supervise_form_only_on_overdue_alerts(client, world):
    alert = ingested(world)
    client.force_login(world.office)
    assert "supervise-note" not in client.get(alert.get_absolute_url()).content.decode()

    make_overdue(alert)
    assert "supervise-note" in client.get(alert.get_absolute_url()).content.decode()
    response = client.post(reverse("monitoring:alert_act", args=[alert.pk, "supervise"]),
                           {"supervise-note": "请于3个工作日内研判"})
    assert response.status_code == 302
    assert alert.supervisions.count() == 1


def test_the_office_puts_a_bidder_of_an_alert_on_the_watch_list_from_the_page(client, world):
    alert = ingested(world)
    client.force_login(world.office)

    response = client.post(reverse("monitoring:watchlist"), {
        "kind": "entity", "credit_code": alert.entities[0], "reason": "MAC地址雷同", "alert": alert.pk})

    assert response.status_code == 302
    entry = WatchEntry.objects.get()
    assert entry.alert == alert and entry.entity.credit_code == alert.entities[0]
    page = client.get(reverse("monitoring:watchlist"))
    assert world.lot.code in page.content.decode()
    export = client.get(reverse("monitoring:watchlist_export"))
    assert load_workbook(io.BytesIO(export.content)).active.max_row == 2


def test_an_unknown_credit_code_is_named_on_the_watch_list_form(client, world):
    client.force_login(world.office)

    response = client.post(reverse("monitoring:watchlist"), {"kind": "entity", "credit_code": "91330100XXXXXXXXX0",
                                                              "reason": "异常"})

    assert response.status_code == 400 and "91330100XXXXXXXXX0" in response.content.decode()
    assert not WatchEntry.objects.exists()


def test_the_market_page_shows_alerts_by_region_and_the_top_problem_projects(client, world):
    ingested(world)
    ingested(world, indicator="S-CV", severity="medium", score=0.5)
    client.force_login(world.office)

    page = client.get(reverse("monitoring:market"))

    assert page.status_code == 200
    assert page.context["regions"] == [{"region__code": "330100", "region__name": "杭州市", "high": 1, "medium": 1,
                                        "low": 0, "open": 2}]
    assert page.context["top"][0]["lot__code"] == world.lot.code and page.context["top"][0]["alerts"] == 2
    assert "vendor/echarts/echarts.min.js" in page.content.decode()


def test_the_archive_of_a_lot_lists_its_alerts(world):
    from lianjian.trading.archive import archive_sections

    alert = ingested(world)

    sections = {s.key: c for s, c in archive_sections(world.lot, world.housing)}
    assert sections["monitoring"]["alerts"] == [alert]
