import datetime

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from lianjian.trading.models import Stage
from lianjian.trading.stages import STAGE_ORDER, LotDates, derive_stage, stage_rank

AS_OF = timezone.make_aware(datetime.datetime(2025, 6, 1, 12, 0))
FIELDS = ["notice_published_at", "bid_open_at", "evaluation_started_at", "awarded_at", "contract_signed_on",
          "completed_on"]
DATE_FIELDS = {"contract_signed_on", "completed_on"}

moments = st.datetimes(min_value=datetime.datetime(2024, 1, 1), max_value=datetime.datetime(2026, 12, 31),
                       timezones=st.just(datetime.timezone(datetime.timedelta(hours=8))))


def _value(name, moment):
    return moment.date() if name in DATE_FIELDS else moment


dates_strategy = st.fixed_dictionaries({name: st.one_of(st.none(), moments) for name in FIELDS}).map(
    lambda d: LotDates(**{k: _value(k, v) if v is not None else None for k, v in d.items()})
)


def test_a_lot_without_dates_is_registered():
    assert derive_stage(LotDates(), AS_OF) == Stage.REGISTERED


def test_a_bid_opening_still_to_come_leaves_the_lot_tendering():
    dates = LotDates(notice_published_at=AS_OF - datetime.timedelta(days=20),
                     bid_open_at=AS_OF + datetime.timedelta(hours=1))
    assert derive_stage(dates, AS_OF) == Stage.TENDERING
    assert derive_stage(dates, AS_OF + datetime.timedelta(hours=2)) == Stage.OPENING


def test_a_contract_signed_today_counts_whatever_the_hour():
    assert derive_stage(LotDates(contract_signed_on=AS_OF.date()), AS_OF) == Stage.CONTRACT


@pytest.mark.parametrize("field,stage", [
    ("notice_published_at", Stage.TENDERING), ("bid_open_at", Stage.OPENING),
    ("evaluation_started_at", Stage.EVALUATION), ("awarded_at", Stage.AWARD),
    ("contract_signed_on", Stage.CONTRACT), ("completed_on", Stage.COMPLETED),
])
def test_each_dated_event_reached_gives_its_stage(field, stage):
    past = AS_OF - datetime.timedelta(days=3)
    assert derive_stage(LotDates(**{field: _value(field, past)}), AS_OF) == stage


@given(dates_strategy, moments, moments)
def test_time_never_moves_a_lot_backwards(dates, first, second):
    earlier, later = sorted([first, second])
    assert stage_rank(derive_stage(dates, earlier)) <= stage_rank(derive_stage(dates, later))


@given(dates_strategy, st.sampled_from(FIELDS), moments, moments)
def test_recording_another_event_never_moves_a_lot_backwards(dates, field, when, as_of):
    more = LotDates(**{**dates.__dict__, field: _value(field, when)}) if getattr(dates, field) is None else dates
    assert stage_rank(derive_stage(more, as_of)) >= stage_rank(derive_stage(dates, as_of))


@given(dates_strategy, moments)
def test_the_stage_is_the_furthest_event_reached(dates, as_of):
    stage = derive_stage(dates, as_of)
    assert stage in STAGE_ORDER
    reached = [s for s, f in zip(STAGE_ORDER[1:], FIELDS)
               if getattr(dates, f) is not None and (getattr(dates, f) <= (as_of.date() if f in DATE_FIELDS
                                                                          else as_of))]
    assert stage == (max(reached, key=stage_rank) if reached else Stage.REGISTERED)
