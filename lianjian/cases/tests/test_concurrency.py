"""Two officers acting on the same item at the same moment: exactly one succeeds (PostgreSQL, real connections)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from lianjian.cases import services
from lianjian.cases.models import Case, Transfer
from lianjian.core.workflow import StaleTransition

from .factories import City, notified_case, transfer

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent writers: PostgreSQL only"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _race(model, pk, act):
    barrier = threading.Barrier(2)
    outcomes = []

    def run(who):
        try:
            obj = model.objects.get(pk=pk)
            barrier.wait(timeout=5)
            act(obj, who)
            outcomes.append("ok")
        except StaleTransition:
            outcomes.append("stale")
        except ValidationError as exc:
            outcomes.append(f"invalid: {exc}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(who,)) for who in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    return sorted(outcomes)


def test_two_officers_signing_the_same_receipt_at_once_yield_one_receipt():
    place = City()
    sent = services.transfer_send(transfer=transfer(place), actor=place.housing_officer)
    people = [place.water_officer, place.water_officer2]
    outcomes = _race(Transfer, sent.pk, lambda t, who: services.transfer_receive(transfer=t, actor=people[who]))
    assert outcomes == ["ok", "stale"]
    assert Transfer.objects.get(pk=sent.pk).state_version == 2


def test_two_heads_deciding_the_same_case_at_once_yield_one_decision():
    from decimal import Decimal

    from lianjian.org.models import RoleCode
    from lianjian.org.tests.factories import actor

    from .factories import benchmark

    place = City()
    case = notified_case(place)
    heads = [place.housing_head, actor(place.housing, RoleCode.UNIT_HEAD)]

    def decide(obj, who):
        services.case_decide(case=obj, kind="penalty", document_number=f"杭建罚〔2026〕{who + 10}号",
                             decided_on=timezone.localdate(), power_item=place.penalty_item,
                             reasons="违法事实清楚", benchmark=benchmark(), base_amount=Decimal(1000000),
                             fine_amount=Decimal(7000), actor=heads[who])

    assert _race(Case, case.pk, decide) == ["ok", "stale"]
    assert Case.objects.get(pk=case.pk).decision.fine_amount == Decimal(7000)
