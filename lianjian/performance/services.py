"""Accountability notices (通报): the lead office notifies a unit that missed or overran deadlines in a review
period (seed 002 (十九): “对不履行或者怠于履行联动监管职责的……进行通报”)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record, snapshot
from lianjian.core import permissions
from lianjian.notifications.services import notification_send

from .models import AccountabilityNotice
from .selectors import unit_review

REASON_MAX_LENGTH = 2000


def period_problems(period_start, period_end):
    """(field, message) pairs for a review period that cannot be used."""
    if not isinstance(period_start, datetime.date):
        return [("period_start", _("请填写考核期起始日期"))]
    if not isinstance(period_end, datetime.date):
        return [("period_end", _("请填写考核期截止日期"))]
    if period_end < period_start:
        return [("period_end", _("考核期截止日期 %(end)s 早于起始日期 %(start)s")
                 % {"end": period_end, "start": period_start})]
    return []


def accountability_notice_issue(*, unit, period_start, period_end, reason, actor, today=None):
    """Record a notice to ``unit`` with its figures for the period, notify its people and audit-log it. Only a unit
    that missed or overran at least one deadline falling due in the period can be notified, once per period."""
    permissions.require(actor, "issue", AccountabilityNotice(unit=unit))
    reason = (reason or "").strip()
    errors = dict(period_problems(period_start, period_end))
    if not reason:
        errors["reason"] = _("请填写通报事由")
    elif len(reason) > REASON_MAX_LENGTH:
        errors["reason"] = _("通报事由不能超过 %(n)d 个字符") % {"n": REASON_MAX_LENGTH}
    if errors:
        raise ValidationError(errors)
    figures = unit_review(unit=unit, period_start=period_start, period_end=period_end, today=today)
    if figures is None or not figures.failed:
        raise ValidationError({"unit": _("%(unit)s 在 %(start)s 至 %(end)s 没有逾期办结或超期未办的事项，不予通报")
                                       % {"unit": unit, "start": period_start, "end": period_end}})
    try:
        with transaction.atomic():
            notice = AccountabilityNotice.objects.create(
                unit=unit, period_start=period_start, period_end=period_end, reason=reason,
                decided=figures.decided, met=figures.met, missed=figures.missed, overdue=figures.overdue,
                issued_by=actor, issuing_unit=actor.unit,
            )
            audit_record(actor=actor, action="performance.notice.issue", obj=notice, after=snapshot(notice))
            notification_send(
                recipients=unit.people.filter(is_active=True),
                subject=_("效能通报：%(unit)s（%(start)s 至 %(end)s）")
                % {"unit": unit, "start": period_start, "end": period_end},
                body=_("%(office)s 通报：应办结 %(decided)d 项，按期办结 %(met)d 项，逾期办结 %(missed)d 项，超期未办 "
                       "%(overdue)d 项。\n%(reason)s")
                % {"office": actor.unit, "decided": figures.decided, "met": figures.met, "missed": figures.missed,
                   "overdue": figures.overdue, "reason": reason},
                link=reverse("performance:notice_detail", args=[notice.pk]), actor=actor,
            )
    except IntegrityError:
        raise ValidationError({"unit": _("%(unit)s 在该考核期已被通报过") % {"unit": unit}}) from None
    return notice
