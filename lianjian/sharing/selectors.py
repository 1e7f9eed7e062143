"""Reads of the sharing domain, scoped to what the actor may see."""

from django.db.models import Count, Q

from lianjian.core import permissions
from lianjian.org.models import Unit

from .models import (
    Exchange,
    ExchangeReceipt,
    ExchangeSchedule,
    InfoRequest,
    RequestState,
)


def schedules(*, actor):
    return permissions.scope(actor, "view", ExchangeSchedule.objects.filter(is_active=True))


def exchanges_for(*, actor, q="", state="", schedule=None, action="view"):
    exchanges = permissions.scope(actor, action, Exchange.objects.all())
    q = (q or "").strip()
    if q:
        exchanges = exchanges.filter(Q(title__icontains=q) | Q(sender_unit__name__icontains=q))
    if state:
        exchanges = exchanges.filter(state=state)
    if schedule is not None:
        exchanges = exchanges.filter(schedule=schedule)
    return (exchanges.select_related("schedule", "sender_unit", "submitted_by")
            .annotate(receipt_count=Count("receipts"),
                      received_count=Count("receipts", filter=Q(receipts__received_at__isnull=False)))
            .order_by("state", "-period_start", "-pk"))


def exchange_get(*, actor, pk):
    return exchanges_for(actor=actor).filter(pk=pk).first()


def exchange_receipts(*, actor, exchange):
    return permissions.scope(actor, "view", ExchangeReceipt.objects.filter(exchange=exchange)).select_related(
        "unit", "received_by").order_by("unit__name")


def requests_for(*, actor, state=""):
    requests = permissions.scope(actor, "view", InfoRequest.objects.select_related(
        "requesting_unit", "holder_unit", "requested_by"))
    if state:
        requests = requests.filter(state=state)
    return requests.order_by("-created_at", "-pk")


def request_get(*, actor, pk):
    return requests_for(actor=actor).filter(pk=pk).first()


def delivery_visible(*, actor, request):
    """The delivered information is shown to the holder, and to the requester only once it accepted the terms."""
    if request.state == RequestState.ACKNOWLEDGED:
        return True
    return request.state == RequestState.DELIVERED and actor.unit_id == request.holder_unit_id


def holder_units(*, actor):
    """Units the actor's unit may ask for information: the member units within its reach, other than its own."""
    return permissions.scope(actor, "view", Unit.objects.filter(is_active=True)).exclude(pk=actor.unit_id)
