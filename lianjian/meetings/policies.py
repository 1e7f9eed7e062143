"""Who may do what with joint meetings.

Roles, as the seeds give them (004 §(一)): the *office* (联席会议办公室) is the staff of the lead office that
convenes the meeting — it compiles agenda items, records the minutes and supervises the decisions; the *convener*
(召集人) approves ad-hoc requests and the agenda — in the platform the lead office's unit head (单位负责人), since the
convening government office is represented there; every *member unit* proposes items signed by its own head and
carries out its tasks; oversight readers (纪检/审计/公安) read everything in their region and change nothing.
"""

from django.db.models import Q

from lianjian.core import permissions
from lianjian.org import access
from lianjian.org.models import RoleCode
from lianjian.org.policies import READ_ACTIONS, UnitScopedPolicy

from .models import (
    AgendaItem,
    AgendaState,
    Decision,
    FollowUpTask,
    Meeting,
    ProgressReport,
    SupervisionNotice,
)

WORKING_ROLES = {code for code in RoleCode.values if code != RoleCode.OVERSIGHT}
OFFICE_ACTIONS = {"compile", "record_minutes", "update", "report"}
CONVENER_ACTIONS = {"decide_request", "approve_agenda", "return_agenda"}


def is_office(actor, lead_unit):
    """Staff of the lead office that convenes meetings of ``lead_unit`` (the 联席会议办公室)."""
    return (lead_unit is not None and access.actor_unit(actor) == lead_unit and access.is_lead_office_staff(actor)
            and not access.is_oversight(actor))


def is_convener(actor, lead_unit):
    return lead_unit is not None and access.actor_unit(actor) == lead_unit and actor.has_role(RoleCode.UNIT_HEAD)


def _wide_reader(actor):
    return access.is_lead_office_staff(actor) or access.is_oversight(actor)


def _in_reach(actor, lead_unit):
    """Members of the mechanism are the units of the lead office's region; the office and oversight readers also
    follow the mechanisms of the regions below theirs."""
    region = access.actor_region(actor)
    if lead_unit is None or region is None:
        return False
    return lead_unit.region_id == region.pk or (_wide_reader(actor) and access.covers_region(actor, lead_unit.region))


def _reach_q(actor, field):
    """``field`` is the path to the lead office's region."""
    region = access.actor_region(actor)
    if region is None:
        return Q(pk__in=[])
    q = Q(**{field: region})
    return q | access.region_subtree_q(region, field) if _wide_reader(actor) else q


class MeetingPolicy(permissions.Policy):
    """Every member unit of the convening lead office's region reads its meetings; only the office and the
    convener move them; a unit head of a member unit or the office requests an ad-hoc meeting."""

    def can(self, actor, action, obj=None):
        lead = obj.unit if obj is not None else None
        if action in READ_ACTIONS:
            return obj is None or _in_reach(actor, lead)
        if access.is_oversight(actor):
            return False
        if action == "request":
            if not (actor.has_role(RoleCode.UNIT_HEAD) or access.is_lead_office_staff(actor)):
                return False
            return obj is None or _in_reach(actor, lead)
        if action in OFFICE_ACTIONS:
            return access.is_lead_office_staff(actor) if obj is None else is_office(actor, lead)
        if action in CONVENER_ACTIONS:
            return (access.is_lead_office_staff(actor) and actor.has_role(RoleCode.UNIT_HEAD)) if obj is None \
                else is_convener(actor, lead)
        return False

    def scope(self, actor, action, queryset):
        if action in READ_ACTIONS:
            return queryset.filter(_reach_q(actor, "unit__region"))
        if access.is_oversight(actor) or access.actor_unit(actor) is None:
            return queryset.none()
        if action in OFFICE_ACTIONS:
            return queryset.filter(unit=access.actor_unit(actor)) if access.is_lead_office_staff(actor) \
                else queryset.none()
        if action in CONVENER_ACTIONS:
            return queryset.filter(unit=access.actor_unit(actor)) if actor.has_role(RoleCode.UNIT_HEAD) \
                else queryset.none()
        return queryset.none()


class AgendaItemPolicy(permissions.Policy):
    """A draft stays inside its unit until the head signs it; once submitted, everyone who reads the meeting reads
    the item. The unit's officers propose, its head signs or withdraws; the office sends power gaps in one step;
    the convener strikes items off the agenda."""

    def can(self, actor, action, obj=None):
        own = access.actor_unit(actor)
        if action in READ_ACTIONS:
            if obj is None or (own is not None and obj.unit_id == own.pk):
                return True
            return obj.state != AgendaState.DRAFT and _in_reach(actor, obj.meeting.unit)
        if access.is_oversight(actor) or own is None:
            return False
        mine = obj is None or obj.unit_id == own.pk
        if action == "propose":
            return mine and actor.has_role(*WORKING_ROLES) and (obj is None or _in_reach(actor, obj.meeting.unit))
        if action in ("sign_off", "withdraw"):
            return mine and actor.has_role(RoleCode.UNIT_HEAD)
        if action == "send_gap":
            if obj is None:
                return access.is_lead_office_staff(actor) or actor.has_role(RoleCode.UNIT_HEAD)
            return is_office(actor, obj.meeting.unit) or (mine and actor.has_role(RoleCode.UNIT_HEAD)
                                                          and _in_reach(actor, obj.meeting.unit))
        if action == "strike":
            return obj is None or is_convener(actor, obj.meeting.unit)
        return False

    def scope(self, actor, action, queryset):
        own = access.actor_unit(actor)
        mine = Q(unit=own) if own is not None else Q(pk__in=[])
        if action in READ_ACTIONS:
            return queryset.filter(mine | (~Q(state=AgendaState.DRAFT) & _reach_q(actor, "meeting__unit__region")))
        return queryset.filter(mine) if self.can(actor, action) else queryset.none()


class DecisionPolicy(permissions.Policy):
    """Decisions are read with their meeting and written only with the minutes (``record_minutes``)."""

    meetings = MeetingPolicy()

    def can(self, actor, action, obj=None):
        if action in READ_ACTIONS:
            return obj is None or self.meetings.can(actor, action, obj.meeting)
        return False

    def scope(self, actor, action, queryset):
        if action in READ_ACTIONS:
            return queryset.filter(_reach_q(actor, "meeting__unit__region"))
        return queryset.none()


class FollowUpTaskPolicy(UnitScopedPolicy):
    """A task belongs to its responsible unit, which reports progress and completes it; the office and oversight
    readers see the tasks of their region; the office supervises them (督办)."""

    unit_field = "unit"
    region_field = "unit__region"
    write_roles = {"report": WORKING_ROLES, "complete": WORKING_ROLES}

    def can(self, actor, action, obj=None):
        if action == "supervise":
            if access.is_oversight(actor) or not access.is_lead_office_staff(actor):
                return False
            return obj is None or is_office(actor, obj.decision.meeting.unit)
        return super().can(actor, action, obj)


class ProgressReportPolicy(UnitScopedPolicy):
    """Reports are read wherever their task is; they are written only through ``task_report_progress``."""

    unit_field = "task__unit"
    region_field = "task__unit__region"


class SupervisionNoticePolicy(permissions.Policy):
    """A notice goes to every member unit, so every member of the issuing office's mechanism reads it; only that
    office issues one."""

    def can(self, actor, action, obj=None):
        if action in READ_ACTIONS:
            return obj is None or _in_reach(actor, obj.unit)
        if action == "issue":
            return access.is_lead_office_staff(actor) and not access.is_oversight(actor) and (
                obj is None or obj.unit == access.actor_unit(actor))
        return False

    def scope(self, actor, action, queryset):
        if action in READ_ACTIONS:
            return queryset.filter(_reach_q(actor, "unit__region"))
        return queryset.filter(unit=access.actor_unit(actor)) if self.can(actor, action) else queryset.none()


permissions.register(Meeting, MeetingPolicy())
permissions.register(AgendaItem, AgendaItemPolicy())
permissions.register(Decision, DecisionPolicy())
permissions.register(FollowUpTask, FollowUpTaskPolicy())
permissions.register(ProgressReport, ProgressReportPolicy())
permissions.register(SupervisionNotice, SupervisionNoticePolicy())
