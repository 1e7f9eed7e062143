"""Scheduled exchanges: opened with their deadline, submitted (generated or uploaded), signed for by recipients."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from lianjian.core.permissions import AccessDenied
from lianjian.core.workflow import StaleTransition
from lianjian.deadlines.models import DeadlineState
from lianjian.deadlines.selectors import deadlines_for_object
from lianjian.notifications.models import Notification
from lianjian.sharing import selectors, services
from lianjian.sharing.models import Exchange, ExchangeSchedule, ExchangeState

from .factories import OPENING_DAY, sharing_world

pytestmark = pytest.mark.django_db
NEXT_DAY = OPENING_DAY + datetime.timedelta(days=1)


def _bid_log(world):
    services.exchanges_open_due(today=NEXT_DAY)
    return Exchange.objects.get(schedule__code="bid_opening_log", sender_unit=world.units.centre)


def test_the_job_opens_the_bid_opening_log_due_next_day_and_the_quarterly_list_due_on_the_30th(world):
    opened = services.exchanges_open_due(today=NEXT_DAY)

    assert opened == 2
    log = Exchange.objects.get(schedule__code="bid_opening_log")
    assert (log.sender_unit, log.period_start) == (world.units.centre, OPENING_DAY)
    assert deadlines_for_object(log).get().due == NEXT_DAY
    quarterly = Exchange.objects.get(schedule__code="quarterly_project_list")
    assert quarterly.period_start == datetime.date(2025, 10, 1)
    assert deadlines_for_object(quarterly).get().due == datetime.date(2025, 12, 30)


def test_running_the_job_again_opens_nothing_twice(world):
    services.exchanges_open_due(today=NEXT_DAY)

    assert services.exchanges_open_due(today=NEXT_DAY) == 0
    assert Exchange.objects.count() == 2


def test_a_day_without_bid_openings_has_no_log_to_send(world):
    services.exchanges_open_due(today=datetime.date(2025, 10, 9))

    assert not Exchange.objects.filter(schedule__code="bid_opening_log").exists()


def test_the_centre_submits_the_log_generated_from_that_days_lots_and_the_office_gets_a_receipt(world):
    log = _bid_log(world)

    log = services.exchange_submit(exchange=log, actor=world.centre, generate=True, note="请查收")

    assert log.state == ExchangeState.SUBMITTED
    assert [row[1] for row in log.data["rows"]] == ["钱塘江堤防加固一标段", "西溪绿道二标段"]
    assert [row[7] for row in log.data["rows"]] == [2, 2]
    assert deadlines_for_object(log).get().state in (DeadlineState.MET, DeadlineState.MISSED)
    assert [r.unit for r in log.receipts.all()] == [world.units.office]
    assert Notification.objects.filter(recipient=world.office, subject__startswith="收到信息报送").exists()


def test_a_schedule_without_a_generator_needs_a_file(world):
    services.exchanges_open_due(today=NEXT_DAY)
    quarterly = Exchange.objects.get(schedule__code="quarterly_project_list")

    with pytest.raises(ValidationError) as refused:
        services.exchange_submit(exchange=quarterly, actor=world.centre, generate=True)
    assert "不能由系统生成" in refused.value.message_dict["generate"][0]
    assert Exchange.objects.get(pk=quarterly.pk).state == ExchangeState.OPEN

    upload = SimpleUploadedFile("一览表.xlsx", b"PK-test", content_type="application/octet-stream")
    assert services.exchange_submit(exchange=quarterly, actor=world.centre, file=upload).file.name


def test_only_the_sending_unit_submits_and_never_an_oversight_reader(world):
    log = _bid_log(world)

    for person in (world.office, world.housing, world.jiwei):
        with pytest.raises(AccessDenied):
            services.exchange_submit(exchange=log, actor=person, generate=True)


def test_a_second_submission_from_a_stale_page_is_refused(world):
    log = _bid_log(world)
    stale = Exchange.objects.get(pk=log.pk)
    services.exchange_submit(exchange=log, actor=world.centre, generate=True)

    with pytest.raises(StaleTransition):
        services.exchange_submit(exchange=stale, actor=world.centre, generate=True)


def test_the_recipient_signs_once_and_others_cannot_sign_for_it(world):
    log = services.exchange_submit(exchange=_bid_log(world), actor=world.centre, generate=True)
    receipt = log.receipts.get()

    with pytest.raises(AccessDenied):
        services.exchange_receive(receipt=receipt, actor=world.housing)
    signed = services.exchange_receive(receipt=receipt, actor=world.office)
    assert signed.received_by == world.office and signed.received_at is not None
    with pytest.raises(ValidationError):
        services.exchange_receive(receipt=receipt, actor=world.office)


def test_recipients_and_the_region_see_the_exchange_but_an_unrelated_bureau_does_not(world):
    log = services.exchange_submit(exchange=_bid_log(world), actor=world.centre, generate=True)

    assert selectors.exchange_get(actor=world.office, pk=log.pk) is not None
    assert selectors.exchange_get(actor=world.jiwei, pk=log.pk) is not None
    assert selectors.exchange_get(actor=world.transport, pk=log.pk) is None


def test_a_penalty_decision_is_copied_to_every_member_unit_of_the_city(world):
    schedule = ExchangeSchedule.objects.get(code="penalty_decision_copy")
    exchange = services.exchange_open_event(schedule=schedule, title="杭建罚〔2025〕12号 行政处罚决定",
                                            event_date=datetime.date(2025, 10, 9), actor=world.housing)

    assert deadlines_for_object(exchange).get().due == datetime.date(2025, 10, 9)
    upload = SimpleUploadedFile("处罚决定书.pdf", b"%PDF-1.4", content_type="application/pdf")
    exchange = services.exchange_submit(exchange=exchange, actor=world.housing, file=upload)
    assert {r.unit for r in exchange.receipts.all()} == {
        world.units.office, world.units.centre, world.units.transport, world.units.discipline}


def test_an_event_exchange_names_its_missing_fields_and_a_trading_centre_cannot_report_handling_results(world):
    schedule = ExchangeSchedule.objects.get(code="handling_result_report")
    with pytest.raises(ValidationError) as refused:
        services.exchange_open_event(schedule=schedule, title=" ", event_date=None, actor=world.housing)
    assert set(refused.value.message_dict) == {"title", "event_date"}
    with pytest.raises(AccessDenied):
        services.exchange_open_event(schedule=schedule, title="投诉处理情况", event_date=OPENING_DAY,
                                     actor=world.centre)
    assert not Exchange.objects.exists()


def test_the_pages_list_submit_and_sign(world, client):
    log = _bid_log(world)
    client.force_login(world.centre)
    assert "开标项目工作日志" in client.get("/sharing/").content.decode()
    response = client.post(f"/sharing/{log.pk}/", {"state_version": log.state_version, "generate": "on"})
    assert response.status_code == 302
    download = client.get(f"/sharing/{log.pk}/download/")
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")

    client.force_login(world.office)
    receipt = Exchange.objects.get(pk=log.pk).receipts.get()
    assert client.post(f"/sharing/receipts/{receipt.pk}/receive/").status_code == 302
    assert Exchange.objects.get(pk=log.pk).receipts.get().received_by == world.office


def test_the_api_submits_and_signs_and_refuses_a_second_submission(world, client):
    log = _bid_log(world)
    client.force_login(world.centre)
    url = f"/api/v1/sharing/exchanges/{log.pk}/submit/"
    body = {"state_version": log.state_version, "generate": True}

    assert client.post(url, body, content_type="application/json").status_code == 200
    again = client.post(url, body, content_type="application/json")
    assert again.status_code == 400 and "已报送" in str(again.json())

    client.force_login(world.office)
    assert client.post(f"/api/v1/sharing/exchanges/{log.pk}/receive/").status_code == 200


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_officers_submitting_the_same_log_at_once_submit_it_once():
    if connection.vendor != "postgresql":
        pytest.skip("needs two real connections (PostgreSQL)")
    world = sharing_world()
    services.exchanges_open_due(today=NEXT_DAY)
    log = Exchange.objects.get(schedule__code="bid_opening_log")
    barrier, outcomes = threading.Barrier(2), []

    def submit():
        try:
            copy = Exchange.objects.get(pk=log.pk)
            barrier.wait()
            outcomes.append(services.exchange_submit(exchange=copy, actor=world.centre, generate=True))
        except StaleTransition as exc:
            outcomes.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert sorted(type(o).__name__ for o in outcomes) == ["Exchange", "StaleTransition"]
    assert Exchange.objects.get(pk=log.pk).receipts.count() == 1
