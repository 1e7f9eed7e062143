"""Liaison mechanism (seed 002 §(十六)(十七)): changes of liaison officers, reported to the office on a deadline."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record, snapshot
from lianjian.core import permissions
from lianjian.deadlines.models import DeadlineState
from lianjian.deadlines.services import deadline_meet, deadline_open
from lianjian.notifications.services import notification_send

from ..models import (
    LiaisonAssignment,
    LiaisonKind,
    RoleCode,
    UnitType,
    User,
)
from .common import LIAISON_REPORT_RULE, _raise_if



def _lead_office_staff_for(unit):
    """Who at the lead office of the unit's own region keeps the contact book."""
    return User.objects.filter(
        is_active=True, unit__type=UnitType.LEAD_OFFICE, unit__region=unit.region, unit__is_active=True,
        roles__code__in=[RoleCode.OFFICE_STAFF, RoleCode.UNIT_HEAD],
    ).distinct()


def liaison_change(*, unit, kind, person, effective_on, actor, reported_at=None):
    """Name ``person`` as the unit's responsible leader or liaison officer from ``effective_on``.

    Recording the change is the report to the office: it ends the current assignment, opens and meets a deadline
    of rule ``liaison_change_report`` counted in working days from ``effective_on``, and flags a late report.
    ``reported_at`` defaults to now; it is given only when recording a report made earlier on paper.
    """
    assignment = LiaisonAssignment(unit=unit, kind=kind, person=person, effective_on=effective_on)
    permissions.require(actor, "change", assignment)
    reported_at = reported_at or timezone.now()
    errors = {}
    if kind not in LiaisonKind.values:
        errors["kind"] = [_("未知的类别“%(kind)s”") % {"kind": kind}]
    if person is None or person.unit_id != unit.pk:
        errors["person"] = [_("%(person)s 不是“%(unit)s”的人员") % {"person": person or _("未选择人员"), "unit": unit}]
    elif not person.is_active:
        errors["person"] = [_("%(person)s 已停用，不能担任联络机制人员") % {"person": person}]
    if effective_on is None:
        errors["effective_on"] = [_("须填写变更生效日")]
    elif effective_on > timezone.localdate(reported_at):
        errors["effective_on"] = [_("变更生效日 %(date)s 晚于报备日，请在调整确定后报备") % {"date": effective_on}]
    _raise_if(errors)
    with transaction.atomic():
        current = (LiaisonAssignment.objects.select_for_update()
                   .filter(unit=unit, kind=kind, ended_on__isnull=True).first())
        if current is not None:
            if current.person_id == person.pk:
                raise ValidationError({"person": [_("%(person)s 已是“%(unit)s”现任%(kind)s") % {
                    "person": person, "unit": unit, "kind": current.get_kind_display()}]})
            if effective_on < current.effective_on:
                raise ValidationError({"effective_on": [_(
                    "变更生效日 %(date)s 早于现任%(kind)s %(person)s 的生效日 %(since)s") % {
                    "date": effective_on, "kind": current.get_kind_display(), "person": current.person,
                    "since": current.effective_on}]})
            current.ended_on = effective_on
            current.save(update_fields=["ended_on"])
        assignment.reported_at = reported_at
        assignment.reported_by = actor
        assignment.save()
        deadline = deadline_open(
            subject=assignment, rule=LIAISON_REPORT_RULE, start=effective_on, responsible_unit=unit,
            assignee=actor if actor.unit_id == unit.pk else None, actor=actor,
            title=_("%(unit)s %(kind)s变更报备") % {"unit": unit, "kind": assignment.get_kind_display()},
        )
        deadline = deadline_meet(deadline=deadline, actor=actor, at=reported_at)
        assignment.report_due_on = deadline.due
        assignment.report_due_provisional = deadline.provisional
        assignment.reported_on_time = deadline.state == DeadlineState.MET
        assignment.save(update_fields=["report_due_on", "report_due_provisional", "reported_on_time"])
        audit_record(
            actor=actor, action="org.liaison.change", obj=assignment,
            before={"person": current.person_id, "effective_on": current.effective_on} if current else None,
            after=snapshot(assignment),
        )
        if not assignment.reported_on_time:
            notification_send(
                recipients=_lead_office_staff_for(unit),
                subject=_("联络机制人员变更逾期报备：%(unit)s") % {"unit": unit},
                body=_("%(unit)s 的%(kind)s自 %(date)s 起变更为 %(person)s，应于 %(due)s 前报备，实际报备于 %(at)s。") % {
                    "unit": unit, "kind": assignment.get_kind_display(), "date": effective_on, "person": person,
                    "due": assignment.report_due_on, "at": timezone.localtime(reported_at).strftime("%Y-%m-%d %H:%M")},
                link=reverse("org:liaisons") + "?late=1",
                actor=actor,
            )
    return assignment
