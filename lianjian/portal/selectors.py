"""Reads for the public site (published records only, no permission scope: they are public) and for officers
(scoped to what the actor may see)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from lianjian.core import permissions
from lianjian.deadlines.models import Deadline, DeadlineStatus
from lianjian.org.models import Region

from .models import DisclosureItem, Publication, PublicationState


def catalog_items(*, active_only=True):
    qs = DisclosureItem.objects.select_related("deadline_rule")
    return qs.filter(is_active=True) if active_only else qs


def public_publications(*, query="", item=None, category="", region=None, since=None, until=None):
    """Published records, newest first, filtered. ``region`` includes its subordinate regions."""
    qs = Publication.objects.published().select_related("item", "unit", "region")
    query = (query or "").strip()
    if query:
        qs = qs.filter(Q(title__icontains=query) | Q(body__icontains=query) | Q(unit__name__icontains=query))
    if item is not None:
        qs = qs.filter(item=item)
    if category:
        qs = qs.filter(item__category=category)
    if region is not None:
        qs = qs.filter(region__code__startswith=region.subtree_prefix)
    if since:
        qs = qs.filter(published_at__date__gte=since)
    if until:
        qs = qs.filter(published_at__date__lte=until)
    return qs.order_by("-published_at", "-pk")


def public_publication(pk):
    return public_publications().filter(pk=pk).first()


def public_regions():
    """Regions that have at least one published record, for the filter."""
    published = Publication.objects.published().filter(region=OuterRef("pk"))
    return Region.objects.filter(Exists(published)).order_by("code")


def publications_for(*, actor, state=None, query=""):
    qs = permissions.scope(actor, "view", Publication.objects.all()).select_related("item", "unit", "region",
                                                                                    "published_by")
    if state:
        qs = qs.filter(state=state)
    query = (query or "").strip()
    if query:
        qs = qs.filter(Q(title__icontains=query) | Q(unit__name__icontains=query) | Q(item__name__icontains=query))
    return qs.order_by("-created_at", "-pk")


def overdue_disclosures(*, actor, query="", today=None):
    """Pending records the actor may see whose disclosure deadline has passed, the longest overdue first. Each
    row carries ``due`` (its deadline's due date)."""
    today = today or timezone.localdate()
    overdue = Deadline.objects.with_status(today=today).filter(
        content_type=ContentType.objects.get_for_model(Publication), object_id=OuterRef("pk"),
        status=DeadlineStatus.OVERDUE,
    )
    qs = publications_for(actor=actor, state=PublicationState.PENDING, query=query)
    return qs.annotate(
        is_overdue=Exists(overdue),
        due=overdue.values("due")[:1],
    ).filter(is_overdue=True).order_by("due", "pk")
