"""A drawn list stays sealed to everyone but the drawing trading centre until it is unsealed after the evaluation."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from rest_framework.test import APIClient

from lianjian.core import permissions
from lianjian.core.permissions import AccessDenied
from lianjian.experts import selectors, services
from lianjian.experts.models import Extraction
from lianjian.experts.policies import may_see_picks
from lianjian.org.models import User

from .factories import expert

pytestmark = pytest.mark.django_db


@pytest.fixture
def drawn(world):
    pool = [expert(world.office, name=f"保密专家{i}") for i in range(7)]
    extraction = services.extraction_draw(lot=world.lot, counts={"A0101": 5}, reserves=1, actor=world.centre)
    return extraction, pool


def _finish_evaluation(lot):
    lot.evaluation_finished_at = timezone.now() - datetime.timedelta(minutes=5)
    lot.save()


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_the_drawing_centre_sees_the_sealed_list(world, drawn):
    extraction, _pool = drawn
    for staff in (world.centre, world.centre_colleague):
        assert may_see_picks(staff, extraction)
        assert selectors.extraction_picks(actor=staff, extraction=extraction).count() == 6


def test_the_supervising_unit_the_lead_office_and_oversight_see_the_draw_but_not_who_was_drawn(world, drawn):
    extraction, _pool = drawn
    for reader in (world.housing, world.office, world.jiwei):
        assert extraction in selectors.extractions(actor=reader)
        assert not may_see_picks(reader, extraction)
        assert not selectors.extraction_picks(actor=reader, extraction=extraction).exists()
        assert not permissions.can(reader, "view", extraction.picks.first())


def test_another_units_officer_does_not_even_see_that_a_draw_exists(world, drawn):
    extraction, _pool = drawn
    assert extraction not in selectors.extractions(actor=world.transport)
    assert _api(world.transport).get(f"/api/v1/experts/extractions/{extraction.pk}/").status_code == 404


def test_a_superuser_also_sees_the_list_only_once_it_is_unsealed(world, drawn):
    extraction, _pool = drawn
    root = User.objects.create_superuser("root", password="x")
    assert not selectors.extraction_picks(actor=root, extraction=extraction).exists()
    _finish_evaluation(world.lot)
    services.extraction_unseal(extraction=extraction, actor=world.centre)
    assert selectors.extraction_picks(actor=root, extraction=extraction).count() == 6


def test_the_api_answers_sealed_without_names_or_seed_until_unsealed(world, drawn):
    extraction, pool = drawn
    api = _api(world.housing)
    listing = api.get("/api/v1/experts/extractions/").json()
    detail = api.get(f"/api/v1/experts/extractions/{extraction.pk}/").json()
    assert listing["results"][0]["id"] == extraction.pk
    assert detail["sealed"] is True and detail["picks"] is None and detail["seed"] is None
    body = json.dumps([listing, detail], ensure_ascii=False)
    assert not any(e.name in body for e in pool)

    own = _api(world.centre).get(f"/api/v1/experts/extractions/{extraction.pk}/").json()
    assert len(own["picks"]) == 6 and own["seed"] is None

    _finish_evaluation(world.lot)
    services.extraction_unseal(extraction=extraction, actor=world.centre)
    opened = api.get(f"/api/v1/experts/extractions/{extraction.pk}/").json()
    assert opened["sealed"] is False and len(opened["picks"]) == 6 and opened["seed"] == extraction.seed


def test_the_verify_endpoint_proves_the_draw_without_revealing_it(world, drawn):
    extraction, pool = drawn
    answer = _api(world.housing).get(f"/api/v1/experts/extractions/{extraction.pk}/verify/").json()
    assert answer == {"verified": True, "picks": 6}


def test_unsealing_before_the_evaluation_has_ended_is_refused(world, drawn):
    extraction, _pool = drawn
    with pytest.raises(ValidationError, match="评标尚未结束"):
        services.extraction_unseal(extraction=extraction, actor=world.centre)
    world.lot.evaluation_finished_at = timezone.now() + datetime.timedelta(hours=3)
    world.lot.save()
    with pytest.raises(ValidationError, match="评标尚未结束"):
        services.extraction_unseal(extraction=extraction, actor=world.centre)
    assert Extraction.objects.get(pk=extraction.pk).sealed


def test_the_supervising_unit_may_not_unseal_but_the_lead_office_may(world, drawn):
    extraction, _pool = drawn
    _finish_evaluation(world.lot)
    with pytest.raises(AccessDenied):
        services.extraction_unseal(extraction=extraction, actor=world.housing)
    unsealed = services.extraction_unseal(extraction=extraction, actor=world.office)
    assert not unsealed.sealed and unsealed.unsealed_by == world.office
    assert selectors.extraction_picks(actor=world.housing, extraction=unsealed).count() == 6


def test_unsealing_opens_the_earlier_attempts_of_the_lot_too(world, drawn):
    first, _pool = drawn
    second = services.extraction_draw(lot=world.lot, counts={"A0101": 5}, actor=world.centre, reason="专家缺席")
    _finish_evaluation(world.lot)
    services.extraction_unseal(extraction=second, actor=world.centre)
    assert not Extraction.objects.filter(lot=world.lot, sealed=True).exists()
    first.refresh_from_db()
    assert selectors.extraction_picks(actor=world.housing, extraction=first).exists()


def test_the_result_page_shows_sealed_to_the_supervisor_and_the_names_to_the_drawing_centre(world, drawn, client):
    extraction, pool = drawn
    drawn_names = [p.expert.name for p in extraction.picks.select_related("expert")]
    client.force_login(world.housing)
    page = client.get(f"/experts/extractions/{extraction.pk}/").content.decode()
    assert "密封" in page and not any(name in page for name in drawn_names)
    client.force_login(world.centre)
    page = client.get(f"/experts/extractions/{extraction.pk}/").content.decode()
    assert all(name in page for name in drawn_names)


def test_two_unsealings_at_once_leave_one_entry_and_tell_the_second_officer(world, drawn):
    from lianjian.audit.models import AuditEntry
    from lianjian.core.workflow import StaleTransition

    extraction, _pool = drawn
    _finish_evaluation(world.lot)
    stale = Extraction.objects.get(pk=extraction.pk)
    services.extraction_unseal(extraction=extraction, actor=world.centre)
    with pytest.raises(StaleTransition):
        services.extraction_unseal(extraction=stale, actor=world.office)
    assert AuditEntry.objects.filter(action="experts.extraction.unseal").count() == 1
