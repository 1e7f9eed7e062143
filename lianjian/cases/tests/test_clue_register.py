import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lianjian.audit.models import AuditEntry
from lianjian.cases.models import Clue, ClueSource
from lianjian.cases.services import clue_register
from lianjian.notifications.models import Notification

from .factories import EntityFactory, credit_code, lot_in

pytestmark = pytest.mark.django_db


def test_a_clue_can_be_registered_with_a_trading_lot_as_its_source(place):
    lot = lot_in(place)
    bidder = EntityFactory()
    unknown = credit_code()

    found = clue_register(source=ClueSource.MONITORING, source_object=lot, title="围标串标预警",
                          description="三家投标人 MAC 地址相同", unit=place.centre, actor=place.centre_staff,
                          lot=lot, entities=[bidder, unknown])

    found = Clue.objects.get(pk=found.pk)
    assert found.source_object == lot
    assert found.lot == lot and found.region == lot.region and found.unit == place.centre
    assert {(e.credit_code, e.entity_id) for e in found.entities.all()} == {(bidder.credit_code, bidder.pk),
                                                                              (unknown, None)}
    assert AuditEntry.objects.filter(action="cases.clue.register", object_id=str(found.pk)).exists()
    assert Notification.objects.filter(recipient=place.office_staff, link=found.get_absolute_url()).exists()


def test_a_clue_without_source_object_takes_the_units_region(place):
    found = clue_register(source="complaint", source_object=None, title="举报", description="举报内容",
                          unit=place.housing, actor=place.housing_officer)
    assert found.region == place.region and found.content_type is None


def test_a_bad_credit_code_is_named_and_nothing_is_written(place):
    with pytest.raises(ValidationError) as error:
        clue_register(source="complaint", source_object=None, title="举报", description="内容",
                      unit=place.housing, actor=place.housing_officer, entities=["91330100ABC"])
    assert "91330100ABC" in str(error.value.message_dict["entities"])
    assert not Clue.objects.exists()


def test_unknown_source_and_empty_text_are_refused_by_field(place):
    with pytest.raises(ValidationError) as error:
        clue_register(source="rumour", source_object=None, title=" ", description="", unit=place.housing,
                      actor=place.housing_officer)
    assert set(error.value.message_dict) == {"source", "title", "description"}


def test_an_officer_cannot_register_a_clue_for_another_unit(place):
    with pytest.raises(PermissionDenied):
        clue_register(source="other", source_object=None, title="线索", description="内容", unit=place.water,
                      actor=place.housing_officer)


def test_oversight_readers_cannot_register_clues(place):
    with pytest.raises(PermissionDenied):
        clue_register(source="other", source_object=None, title="线索", description="内容",
                      unit=place.discipline, actor=place.discipline_reader)


def test_registering_inside_a_rolled_back_transaction_leaves_nothing(place):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        clue_register(source="inspection", source_object=None, title="检查发现", description="内容",
                      unit=place.office, actor=place.office_staff)
        raise RuntimeError("the caller's own step failed")
    assert not Clue.objects.exists()
