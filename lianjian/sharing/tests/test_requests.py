"""Requests for non-public information: request → the holder's head decides → delivery → terms acknowledged."""

import pytest
from django.core.exceptions import ValidationError

from lianjian.audit.models import AuditEntry
from lianjian.core.permissions import AccessDenied
from lianjian.core.workflow import StaleTransition
from lianjian.sharing import selectors, services
from lianjian.sharing.models import InfoRequest, RequestState

pytestmark = pytest.mark.django_db
TERMS = "仅限本案调查使用，不得复制、转交或公开"


def _request(world):
    return services.info_request_create(holder_unit=world.units.transport, subject="某公司近三年交通工程中标及履约记录",
                                        purpose="查处串通投标案件（杭建案〔2025〕8号）", actor=world.housing)


def test_the_full_journey_shows_the_delivery_only_after_the_requester_accepts_the_terms(world):
    request = _request(world)
    request = services.info_request_decide(request=request, approve=True, terms=TERMS, actor=world.transport_head)
    request = services.info_request_deliver(request=request, note="2023—2025 年中标 4 次，履约良好", actor=world.transport)

    assert not selectors.delivery_visible(actor=world.housing, request=request)
    assert selectors.delivery_visible(actor=world.transport, request=request)
    request = services.info_request_acknowledge(request=request, accept_terms=True, actor=world.housing)

    assert request.state == RequestState.ACKNOWLEDGED and request.confidentiality_terms == TERMS
    assert selectors.delivery_visible(actor=world.housing, request=request)
    actions = set(AuditEntry.objects.filter(object_id=str(request.pk), object_type="sharing.inforequest")
                  .values_list("action", flat=True))
    assert actions == {"sharing.info_request.create", "sharing.info_request.approve", "sharing.info_request.deliver",
                       "sharing.info_request.acknowledge"}


def test_only_the_holders_head_decides(world):
    request = _request(world)

    for person in (world.transport, world.housing, world.office, world.jiwei):
        with pytest.raises(AccessDenied):
            services.info_request_decide(request=request, approve=True, terms=TERMS, actor=person)


def test_approval_needs_terms_and_refusal_needs_reasons(world):
    request = _request(world)

    with pytest.raises(ValidationError) as no_terms:
        services.info_request_decide(request=request, approve=True, actor=world.transport_head)
    assert "保密要求" in no_terms.value.message_dict["terms"][0]
    with pytest.raises(ValidationError) as no_reason:
        services.info_request_decide(request=request, approve=False, actor=world.transport_head)
    assert "理由" in no_reason.value.message_dict["note"][0]
    refused = services.info_request_decide(request=request, approve=False, note="涉及在办案件", actor=world.transport_head)
    assert refused.state == RequestState.REFUSED


def test_the_terms_must_be_accepted_to_acknowledge(world):
    request = services.info_request_decide(request=_request(world), approve=True, terms=TERMS,
                                           actor=world.transport_head)
    request = services.info_request_deliver(request=request, note="见附件", actor=world.transport)

    with pytest.raises(ValidationError):
        services.info_request_acknowledge(request=request, accept_terms=False, actor=world.housing)
    assert InfoRequest.objects.get(pk=request.pk).state == RequestState.DELIVERED


def test_a_decision_taken_on_a_stale_page_is_refused(world):
    request = _request(world)
    stale = InfoRequest.objects.get(pk=request.pk)
    services.info_request_decide(request=request, approve=True, terms=TERMS, actor=world.transport_head)
    stale.state_version = 0
    stale.state = RequestState.REQUESTED

    with pytest.raises(StaleTransition):
        services.info_request_decide(request=stale, approve=False, note="重复", actor=world.transport_head)


def test_a_unit_cannot_ask_itself_and_must_say_what_and_why(world):
    with pytest.raises(ValidationError) as refused:
        services.info_request_create(holder_unit=world.units.housing, subject="", purpose="", actor=world.housing)
    assert set(refused.value.message_dict) == {"holder_unit", "subject", "purpose"}


def test_the_request_stays_between_the_two_units_and_oversight(world):
    request = _request(world)

    assert selectors.request_get(actor=world.transport, pk=request.pk) is not None
    assert selectors.request_get(actor=world.jiwei, pk=request.pk) is not None
    assert selectors.request_get(actor=world.office, pk=request.pk) is None
    assert selectors.request_get(actor=world.centre, pk=request.pk) is None


def test_the_api_runs_the_journey(world, client):
    client.force_login(world.housing)
    created = client.post("/api/v1/sharing/requests/", {"holder_unit": world.units.transport.pk, "subject": "中标记录",
                                                        "purpose": "办案"}, content_type="application/json")
    assert created.status_code == 201
    pk = created.json()["id"]

    client.force_login(world.transport_head)
    approved = client.post(f"/api/v1/sharing/requests/{pk}/approve/", {"state_version": 0, "terms": TERMS},
                           content_type="application/json")
    assert approved.status_code == 200
    stale = client.post(f"/api/v1/sharing/requests/{pk}/refuse/", {"state_version": 0, "note": "x"},
                        content_type="application/json")
    assert stale.status_code == 400
