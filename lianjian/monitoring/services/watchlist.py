"""The watch list (重点关注对象名单) and the lots it puts in tracking mode (开启项目跟踪模式, seed 000 §十五)."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record, snapshot
from lianjian.core import permissions
from lianjian.org import access
from lianjian.trading.models import Lot, Stage

from ..models import TrackedLot, WatchEntry, WatchKind
from .common import notify_lots
from .dispatch import competent_unit

NAME_MAX = WatchEntry._meta.get_field("person_name").max_length
CERT_MAX = WatchEntry._meta.get_field("person_cert").max_length


def _participation(entry):
    """(Q on Lot, role label) pairs: the ways the watched party can take part in a lot."""
    if entry.kind == WatchKind.ENTITY:
        return [
            (Q(tender_project__tenderer=entry.entity_id), _("招标人")),
            (Q(tender_project__agency=entry.entity_id), _("招标代理机构")),
            (Q(bids__bidder=entry.entity_id), _("投标人")),
            (Q(bids__consortium_members=entry.entity_id), _("联合体成员")),
        ]
    manager = Q(bids__project_manager=entry.person_name)
    if entry.person_cert:
        manager &= Q(bids__project_manager_cert=entry.person_cert)
    return [
        (manager, _("项目经理")),
        (Q(bids__contact_name=entry.person_name), _("投标联系人")),
        (Q(bids__file_preparer=entry.person_name), _("投标文件编制人")),
    ]


def _lots_to_track(entry):
    """The watched party's lots still under way in the entry's region and not yet tracked for it, with roles."""
    base = (
        Lot.objects.filter(access.region_subtree_q(entry.region, "region"))
        .exclude(stage=Stage.COMPLETED).exclude(trackings__watch_entry=entry)
    )
    found = {}
    for condition, role in _participation(entry):
        for lot in base.filter(condition).select_related("region", "supervising_unit", "tender_project__sector"):
            found.setdefault(lot.pk, (lot, []))[1].append(role)
    return found.values()


def watchlist_track_lots(*, actor=None, entries=None):
    """Put the lots of watch-listed parties in tracking mode and tell the units that follow them. Run after every
    ingest, when an entry is added and periodically (``monitoring.track``), so new lots are caught as they are
    imported. Idempotent. Returns how many lots were newly tracked."""
    if actor is not None:
        permissions.require(actor, "change", model=WatchEntry)
    entries = WatchEntry.objects.filter(is_active=True) if entries is None else entries
    created = defaultdict(list)
    with transaction.atomic():
        for entry in entries.select_related("entity", "region"):
            for lot, roles in _lots_to_track(entry):
                unit, _basis = competent_unit(lot)
                try:
                    with transaction.atomic():
                        tracked = TrackedLot.objects.create(lot=lot, watch_entry=entry, role="、".join(roles)[:60],
                                                            unit=unit, region=lot.region)
                except IntegrityError:
                    continue  # tracked by a concurrent run a moment ago
                audit_record(actor=actor, action="monitoring.tracked_lot.start", obj=tracked,
                             after=snapshot(tracked))
                if unit is not None:
                    created[unit].append(tracked)
        notify_lots(created, actor=actor)
    return sum(len(v) for v in created.values())


def _entry_errors(*, kind, entity, person_name, person_cert, reason, region):
    errors = {}
    if kind not in WatchKind.values:
        errors["kind"] = _("请选择关注对象类别（市场主体或人员）")
    elif kind == WatchKind.ENTITY and entity is None:
        errors["entity"] = _("请选择要关注的市场主体")
    elif kind == WatchKind.PERSON:
        if not person_name:
            errors["person_name"] = _("请填写要关注人员的姓名")
        elif len(person_name) > NAME_MAX:
            errors["person_name"] = _("姓名不能超过 %(n)d 个字符") % {"n": NAME_MAX}
        if len(person_cert) > CERT_MAX:
            errors["person_cert"] = _("注册证书编号不能超过 %(n)d 个字符") % {"n": CERT_MAX}
    if not reason:
        errors["reason"] = _("请填写列入重点关注名单的理由（如历史异常行为、重点项目）")
    if region is None:
        errors["region"] = _("请指定关注范围（行政区划）")
    return errors


def watch_entry_add(*, kind, reason, actor, entity=None, person_name="", person_cert="", region=None, alert=None):
    """Put a party on the watch list of ``region`` (default the office's own) and start tracking its lots."""
    person_name, person_cert, reason = (person_name or "").strip(), (person_cert or "").strip(), (reason or "").strip()
    region = region or access.actor_region(actor)
    errors = _entry_errors(kind=kind, entity=entity, person_name=person_name, person_cert=person_cert,
                           reason=reason, region=region)
    if errors:
        raise ValidationError(errors)
    entry = WatchEntry(kind=kind, entity=entity if kind == WatchKind.ENTITY else None,
                       person_name=person_name if kind == WatchKind.PERSON else "",
                       person_cert=person_cert if kind == WatchKind.PERSON else "", region=region,
                       unit=access.actor_unit(actor), reason=reason, alert=alert, added_by=actor)
    permissions.require(actor, "change", entry)
    duplicate = WatchEntry.objects.filter(is_active=True, kind=kind, region=region)
    duplicate = (duplicate.filter(entity=entity) if kind == WatchKind.ENTITY
                 else duplicate.filter(person_name=person_name, person_cert=person_cert))
    if duplicate.exists():
        raise ValidationError({"entity" if kind == WatchKind.ENTITY else "person_name":
                               _("“%(party)s”已在%(region)s的重点关注名单中") % {"party": entry, "region": region}})
    try:
        with transaction.atomic():
            entry.save()
            audit_record(actor=actor, action="monitoring.watch_entry.add", obj=entry, after=snapshot(entry))
            watchlist_track_lots(actor=None, entries=WatchEntry.objects.filter(pk=entry.pk))
    except IntegrityError:
        raise ValidationError({"entity": _("“%(party)s”刚刚已被他人列入重点关注名单") % {"party": entry}}) from None
    return entry


def watch_entry_end(*, entry, reason, actor):
    """Take a party off the watch list; the lots already tracked keep their history."""
    permissions.require(actor, "change", entry)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"end_reason": _("请填写移出重点关注名单的理由")})
    with transaction.atomic():
        ended = WatchEntry.objects.filter(pk=entry.pk, is_active=True).update(
            is_active=False, ended_by=actor, ended_at=timezone.now(), end_reason=reason)
        if ended != 1:
            raise ValidationError({"end_reason": _("“%(party)s”已被移出重点关注名单") % {"party": entry}},
                                  code="stale_transition")
        entry.refresh_from_db()
        audit_record(actor=actor, action="monitoring.watch_entry.end", obj=entry,
                     before={"is_active": True}, after={"is_active": False, "end_reason": reason})
    return entry
