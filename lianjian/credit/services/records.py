"""Credit records and scores: the public entry points other domains call when a penalty, complaint result,
inspection finding, trading-centre report or expert assessment concerns a market entity."""

import datetime
from decimal import Decimal, InvalidOperation

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record, snapshot
from lianjian.core import permissions
from lianjian.org import access
from lianjian.trading.models import Entity
from lianjian.workdays.selectors import work_calendar

from ..models import CreditRecord, CreditScore, RecordSource, ScoringScheme
from ..scoring import effective_points, period_bounds, scored

DOCUMENT_NO_MAX = CreditRecord._meta.get_field("document_no").max_length
# Officers may set a record's points by discretion (裁量基准) instead of the item's; bounded so a typo cannot wipe
# out a score beyond what any scheme's base allows.
MAX_POINTS = Decimal("100")


def scheme_for(region=None):
    """The active scheme of the nearest region up the division tree that has one, else the national default."""
    chain = access.region_ancestors(region) if region is not None else []
    by_region = {s.region_id: s for s in ScoringScheme.objects.filter(is_active=True, region__in=chain)}
    for r in chain:
        if r.pk in by_region:
            return by_region[r.pk]
    scheme = ScoringScheme.objects.filter(is_active=True, region__isnull=True).first()
    if scheme is None:
        raise ValidationError(_("未配置量化记分方案，请管理员先配置全国默认方案"))
    return scheme


def credit_class_of(*, entity, on=None, region=None):
    """The credit class ("A".."D") of ``entity`` on ``on`` (default today) under the scheme of ``region`` (default
    the national scheme). A read for other domains (双随机 sampling ratios, monitoring); needs no actor."""
    return scored(entity, scheme=scheme_for(region), on=on)[1]


def credit_score_of(*, entity, on=None, region=None):
    """(score, class) of ``entity`` on ``on`` under the scheme of ``region``."""
    return scored(entity, scheme=scheme_for(region), on=on)


def snapshot_scores(*, entity, scheme, dates):
    """Store the entity's score for the periods containing ``dates`` (history for the archive page); a period
    already over is scored as on its last day. Returns {period_start: (old_class or None, new_class)}."""
    today = timezone.localdate()
    changes = {}
    for day in dates:
        start, end = period_bounds(day, scheme.cycle_months)
        score, credit_class = scored(entity, scheme=scheme, on=min(end, today))
        previous = CreditScore.objects.filter(entity=entity, scheme=scheme, period_start=start).first()
        CreditScore.objects.update_or_create(
            entity=entity, scheme=scheme, period_start=start,
            defaults={"period_end": end, "score": score, "credit_class": credit_class, "computed_at": timezone.now()},
        )
        changes[start] = (previous.credit_class if previous else None, credit_class)
    return changes


def _decimal(value):
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _validate_record(*, entity, item, kind, source, decided_on, document_no, description, points):
    errors = {}
    if not isinstance(entity, Entity) or entity.pk is None:
        errors["entity"] = _("请选择已登记的市场主体")
    if item is None:
        errors["kind"] = _("记分事项“%(kind)s”不在适用的量化记分方案中") % {"kind": kind}
    if source not in RecordSource.values:
        errors["source"] = _("未知的信息来源“%(source)s”") % {"source": source}
    if not isinstance(decided_on, datetime.date):
        errors["decided_on"] = _("请填写决定（认定）日期")
    elif decided_on > timezone.localdate():
        errors["decided_on"] = _("决定（认定）日期不能晚于今天")
    document_no = (document_no or "").strip()
    if not document_no:
        errors["document_no"] = _("请填写文书编号")
    elif len(document_no) > DOCUMENT_NO_MAX:
        errors["document_no"] = _("文书编号不能超过 %(n)d 个字符") % {"n": DOCUMENT_NO_MAX}
    if not (description or "").strip():
        errors["description"] = _("请填写失信（守信）事实")
    if points is not None:
        value = _decimal(points)
        if value is None or value == 0 or abs(value) > MAX_POINTS:
            errors["points"] = _("分值须为非零数字，绝对值不超过 %(max)s") % {"max": MAX_POINTS}
    if not errors and CreditRecord.objects.filter(entity=entity, item=item, document_no=document_no).exists():
        errors["document_no"] = _("文书“%(no)s”已对该主体就同一事项记分，一事不二罚") % {"no": document_no}
    if errors:
        raise ValidationError(errors)
    return document_no


def _is_repeat(*, entity, kind, decided_on, scheme):
    """A repeat when the same item was recorded against the entity within the scheme's repeat window before."""
    calendar = work_calendar()
    earlier = CreditRecord.objects.filter(entity=entity, item__code=kind, decided_on__lte=decided_on)
    return any(calendar.add_months(d, scheme.repeat_window_months).date >= decided_on
               for d in earlier.values_list("decided_on", flat=True))


def credit_record_add(*, entity, kind, source, source_object=None, decided_on, document_no, description, actor,
                      points=None):
    """Record a scored act against ``entity`` and recompute its score and class.

    ``kind`` is the code of an item of the scheme that applies to the actor's unit (e.g. "collusion"); ``source``
    a :class:`RecordSource` value; ``source_object`` the decision, complaint, inspection … it comes from (any model
    instance); ``points`` overrides the item's points (discretion), doubled like them for a repeat. One document
    scores one item against one entity once. Returns the record; ``record.class_change`` is (before, after) for
    the current period.
    """
    unit = access.actor_unit(actor)
    permissions.require(actor, "add", model=CreditRecord)
    if unit is None:
        raise ValidationError({"unit": _("记录人须属于一个成员单位")})
    scheme = scheme_for(unit.region)
    item = scheme.items.filter(code=kind, is_active=True).first()
    document_no = _validate_record(entity=entity, item=item, kind=kind, source=source, decided_on=decided_on,
                                   document_no=document_no, description=description, points=points)
    base_points = _decimal(points) if points is not None else item.points
    today = timezone.localdate()
    with transaction.atomic():
        # Lock the entity: two records of the same act arriving together must see each other (repeat doubling,
        # one document once).
        Entity.objects.select_for_update().get(pk=entity.pk)
        if CreditRecord.objects.filter(entity=entity, item=item, document_no=document_no).exists():
            raise ValidationError({"document_no": _("文书“%(no)s”已对该主体就同一事项记分，一事不二罚")
                                   % {"no": document_no}})
        before = scored(entity, scheme=scheme, on=today)
        is_repeat = _is_repeat(entity=entity, kind=kind, decided_on=decided_on, scheme=scheme)
        record = CreditRecord.objects.create(
            entity=entity, scheme=scheme, item=item, source=source,
            source_type=ContentType.objects.get_for_model(source_object) if source_object is not None else None,
            source_id=str(source_object.pk) if source_object is not None else "",
            decided_on=decided_on, document_no=document_no, description=description.strip(), points=base_points,
            is_repeat=is_repeat,
            points_effective=effective_points(base_points, is_repeat=is_repeat, multiplier=scheme.repeat_multiplier),
            valid_until=work_calendar().add_months(decided_on, scheme.validity_months).date,
            unit=unit, recorded_by=actor if actor.pk else None,
        )
        snapshot_scores(entity=entity, scheme=scheme, dates={decided_on, today})
        after = scored(entity, scheme=scheme, on=today)
        audit_record(actor=actor, action="credit.record.add", obj=record, after=snapshot(record),
                     detail={"score_before": before[0], "class_before": before[1], "score_after": after[0],
                             "class_after": after[1]})
    record.class_change = (before[1], after[1])
    return record
