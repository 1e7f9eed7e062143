"""Reads of the organisation domain, each limited to what the actor may see."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q

from lianjian.core.permissions import scope

from .models import (
    LiaisonAssignment, LiaisonKind, PowerItem, PowerList, PowerListStatus, Region, Role, Sector, Unit, User,
)


def regions(*, actor):
    return scope(actor, "view", Region.objects.select_related("parent"))


def sectors(*, actor):
    return scope(actor, "view", Sector.objects.select_related("parent"))


def roles(*, actor):
    return scope(actor, "view", Role.objects.all())


def units(*, actor, q="", unit_type="", region=None, include_inactive=False):
    """Units within the actor's reach: their region's subtree and the regions above it."""
    qs = scope(actor, "view", Unit.objects.select_related("region").prefetch_related("sectors"))
    if not include_inactive:
        qs = qs.filter(is_active=True)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(short_name__icontains=q) | Q(region__name__icontains=q))
    if unit_type:
        qs = qs.filter(type=unit_type)
    if region is not None:
        qs = qs.filter(region__code__startswith=region.subtree_prefix)
    return qs


def writable_units(*, actor):
    return scope(actor, "change", Unit.objects.select_related("region"))


def people(*, actor, q="", unit=None, include_inactive=False):
    """People within reach, searchable by name, username, unit, title or phone number."""
    qs = scope(actor, "view", User.objects.select_related("unit", "unit__region").prefetch_related("roles"))
    if not include_inactive:
        qs = qs.filter(is_active=True)
    if unit is not None:
        qs = qs.filter(unit=unit)
    if q:
        qs = qs.filter(
            Q(full_name__icontains=q) | Q(username__icontains=q) | Q(unit__name__icontains=q)
            | Q(unit__short_name__icontains=q) | Q(title__icontains=q) | Q(phone__icontains=q)
            | Q(mobile__icontains=q)
        )
    return qs.order_by("unit__region__code", "unit__name", "full_name", "username")


def writable_people(*, actor):
    """The people the actor may maintain (a unit head: their unit; an administrator: their region)."""
    return scope(actor, "change", User.objects.select_related("unit"))


def liaisons(*, actor, unit=None, current=True, late=None):
    """Liaison assignments within reach; ``late=True`` keeps only changes reported after their due date."""
    qs = scope(actor, "view", LiaisonAssignment.objects.select_related("unit", "unit__region", "person",
                                                                      "reported_by"))
    if current:
        qs = qs.filter(ended_on__isnull=True)
    if unit is not None:
        qs = qs.filter(unit=unit)
    if late is not None:
        qs = qs.filter(reported_on_time=not late)
    return qs.order_by("unit__region__code", "unit__name", "kind", "-effective_on")


def power_lists(*, actor, unit=None):
    qs = scope(actor, "view", PowerList.objects.select_related("unit", "unit__region")).annotate(
        item_count=Count("items"))
    if unit is not None:
        qs = qs.filter(unit=unit)
    return qs.order_by("unit__region__code", "unit__name", "-version")


def power_items(*, actor):
    return scope(actor, "view", PowerItem.objects.select_related("power_list__unit", "sector"))


def power_list_items(*, actor, power_list):
    return scope(actor, "view", PowerItem.objects.filter(power_list=power_list).select_related("sector"))


def power_list_rows(*, actor, power_list):
    """The list as spreadsheet rows in the import column order, so an export can be edited and imported back."""
    return [
        [item.code, item.get_kind_display(), item.name, item.legal_basis, item.sector.name if item.sector else "",
         item.responsibility, item.accountability]
        for item in power_list_items(actor=actor, power_list=power_list)
    ]


def published_power_lists(*, q="", unit=None, kind=""):
    """Published lists for the public page (no login): every active unit's current version, with the items
    matching the search prefetched as ``matching_items``."""
    items = published_power_items(q=q, unit=unit, kind=kind)
    return (
        PowerList.objects.filter(status=PowerListStatus.PUBLISHED, unit__is_active=True,
                                 pk__in=items.values("power_list"))
        .select_related("unit", "unit__region")
        .prefetch_related(Prefetch("items", queryset=items, to_attr="matching_items"))
        .order_by("unit__region__code", "unit__type", "unit__name")
    )


def published_power_items(*, q="", unit=None, kind="", region=None):
    """Items of published lists; public, so no actor: drafts and superseded versions never appear."""
    qs = PowerItem.objects.filter(power_list__status=PowerListStatus.PUBLISHED,
                                  power_list__unit__is_active=True).select_related("power_list__unit", "sector")
    if q:
        qs = qs.filter(
            Q(name__icontains=q) | Q(code__icontains=q) | Q(legal_basis__icontains=q)
            | Q(power_list__unit__name__icontains=q) | Q(power_list__unit__short_name__icontains=q)
        )
    if unit is not None:
        qs = qs.filter(power_list__unit=unit)
    if kind:
        qs = qs.filter(kind=kind)
    if region is not None:
        qs = qs.filter(power_list__unit__region__code__startswith=region.subtree_prefix)
    return qs.order_by("power_list__unit__region__code", "power_list__unit__name", "code")


@dataclass(frozen=True)
class ContactRow:
    unit: Unit
    kind: str
    kind_label: str
    person: User | None
    title: str
    phone: str
    mobile: str
    email: str


def contact_book(*, actor, q=""):
    """The office's contact book: for every active unit within reach, its responsible leader and liaison officer
    (an empty row where none is named, so the office sees who still has to report)."""
    unit_qs = units(actor=actor, q=q)
    current = {
        (a.unit_id, a.kind): a.person
        for a in liaisons(actor=actor).filter(unit__in=unit_qs).select_related("person")
    }
    rows = []
    for unit in unit_qs.order_by("region__code", "type", "name"):
        for kind, label in LiaisonKind.choices:
            person = current.get((unit.pk, kind))
            rows.append(ContactRow(
                unit=unit, kind=kind, kind_label=str(label), person=person,
                title=person.title if person else "", phone=(person.phone or unit.phone) if person else unit.phone,
                mobile=person.mobile if person else "", email=person.email if person else "",
            ))
    return rows
