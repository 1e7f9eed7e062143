import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from lianjian.audit.models import AuditEntry
from lianjian.core.permissions import AccessDenied
from lianjian.credit import services
from lianjian.credit.models import CreditScore, ScoringItem, ScoringScheme
from lianjian.credit.scoring import period_bounds
from lianjian.org.tests.factories import RegionFactory

from .factories import EntityFactory, penalty


@given(st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2090, 12, 31)),
       st.sampled_from([1, 2, 3, 4, 6, 12]))
def test_a_scoring_period_contains_its_day_and_tiles_the_year(day, cycle):
    start, end = period_bounds(day, cycle)
    assert start <= day <= end
    assert start.day == 1 and (start.month - 1) % cycle == 0
    assert (end + datetime.timedelta(days=1)).day == 1


def test_an_entity_without_records_has_the_base_score_and_class_a(world):
    entity = EntityFactory()
    assert services.credit_score_of(entity=entity) == (Decimal("100.0"), "A")
    assert services.credit_class_of(entity=entity) == "A"


def test_a_penalty_deducts_the_items_points_and_a_second_one_drops_the_class_again(world):
    entity = world.bidders[0]
    first = penalty(world.housing, entity)
    assert first.points_effective == Decimal("-20.0") and first.class_change == ("A", "B")
    second = penalty(world.housing, entity, kind="fraud", document_no="杭建罚〔2025〕9号")
    assert second.class_change == ("B", "C")
    assert services.credit_score_of(entity=entity) == (Decimal("60.0"), "C")
    assert CreditScore.objects.get(entity=entity).credit_class == "C"


def test_the_same_item_again_within_the_repeat_window_counts_double(world):
    entity = world.bidders[0]
    penalty(world.housing, entity, kind="general_violation", document_no="杭建罚〔2025〕1号")
    second = penalty(world.housing, entity, kind="general_violation", document_no="杭建罚〔2025〕2号")
    assert second.is_repeat and second.points_effective == Decimal("-6.0")
    assert services.credit_score_of(entity=entity)[0] == Decimal("91.0")


def test_one_document_scores_one_item_against_an_entity_once(world):
    entity = world.bidders[0]
    penalty(world.housing, entity)
    with pytest.raises(ValidationError) as error:
        penalty(world.housing, entity)
    assert "一事不二罚" in str(error.value.message_dict["document_no"])


def test_a_record_stops_counting_after_its_validity(world):
    entity = world.bidders[0]
    penalty(world.housing, entity, decided_on=datetime.date(2023, 3, 1))
    assert services.credit_score_of(entity=entity, on=datetime.date(2023, 6, 1))[0] == Decimal("80.0")
    assert services.credit_score_of(entity=entity, on=datetime.date(2025, 6, 1))[0] == Decimal("100.0")


def test_bad_input_names_every_field_and_writes_nothing(world):
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as error:
        services.credit_record_add(entity=world.bidders[0], kind="no_such_item", source="gossip",
                                   decided_on=datetime.date(2999, 1, 1), document_no=" ", description="",
                                   actor=world.housing, points="abc")
    assert set(error.value.message_dict) == {"kind", "source", "decided_on", "document_no", "description", "points"}
    assert AuditEntry.objects.count() == before and not CreditScore.objects.exists()


def test_oversight_readers_may_not_add_records(world):
    with pytest.raises(AccessDenied):
        penalty(world.jiwei, world.bidders[0])


def test_a_regional_scheme_overrides_the_national_default_for_its_region_and_below(world):
    national = ScoringScheme.objects.get(region__isnull=True)
    zhejiang = RegionFactory(code="330000")
    local = ScoringScheme.objects.create(name="浙江省方案", region=zhejiang, base_score=Decimal("60"),
                                         cycle_months=12, validity_months=24, repeat_window_months=36,
                                         repeat_multiplier=Decimal("2"), source="测试")
    ScoringItem.objects.create(scheme=local, code="collusion", name="串通投标", points=Decimal("-30"), source="测试")
    for t in national.thresholds.all():
        local.thresholds.create(credit_class=t.credit_class, min_score=t.min_score - 40, consequence="-",
                                source="测试")
    record = penalty(world.housing, world.bidders[0])
    assert record.scheme == local and record.points_effective == Decimal("-30.0")
    assert services.scheme_for(world.city) == local
    assert services.credit_score_of(entity=world.bidders[0], region=world.city) == (Decimal("30.0"), "C")
