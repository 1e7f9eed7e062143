"""Who sees and handles complaints, and who may read the identity of the person who filed one.

A complaint belongs to its handling unit: its officers see and process it; the lead office and oversight readers
see the complaints of their region. Acting on an accepted complaint (deciding, replying, stopping the clock, opening
a clue) is for the officers assigned to it and the unit's head. The filer's identity is read only by the assigned
officers of the handling unit (seed 002 §(九)); :func:`may_see_identity` holds even for superusers, who otherwise
pass every policy, so no account anywhere can read it without being assigned.
"""

from lianjian.core import permissions
from lianjian.org import access
from lianjian.org.models import RoleCode
from lianjian.org.policies import READ_ACTIONS, UnitScopedPolicy

from .models import Complaint, ComplaintAttachment, ComplaintIdentity, ComplaintTransfer

HANDLING_ROLES = {RoleCode.SUPERVISOR_OFFICER, RoleCode.OFFICE_STAFF, RoleCode.INSPECTOR, RoleCode.UNIT_HEAD}
REGISTER_ROLES = HANDLING_ROLES | {RoleCode.CENTRE_STAFF}
UNIT_ACTIONS = ("accept", "reject", "transfer", "correction", "withdraw")
ASSIGNED_ACTIONS = ("decide", "reply", "pause", "resume", "clue")


def is_assigned(actor, complaint):
    return complaint.pk is not None and complaint.officers.filter(pk=actor.pk).exists()


def may_see_identity(actor, complaint):
    """Only an officer assigned to the complaint who works in its handling unit, whatever else they may do."""
    unit = access.actor_unit(actor)
    return (getattr(actor, "is_authenticated", False) and actor.is_active and unit is not None
            and unit.pk == complaint.handling_unit_id and is_assigned(actor, complaint))


class ComplaintPolicy(UnitScopedPolicy):
    unit_field = "handling_unit"
    region_field = "handling_unit__region"
    write_roles = {**{a: HANDLING_ROLES for a in UNIT_ACTIONS}, **{a: HANDLING_ROLES for a in ASSIGNED_ACTIONS},
                   "assign": {RoleCode.UNIT_HEAD}}

    def can(self, actor, action, obj=None):
        if action == "register":
            return (not access.is_oversight(actor) and access.actor_unit(actor) is not None
                    and actor.has_role(*REGISTER_ROLES))
        allowed = super().can(actor, action, obj)
        if allowed and action in ASSIGNED_ACTIONS and obj is not None:
            return actor.has_role(RoleCode.UNIT_HEAD) or is_assigned(actor, obj)
        return allowed


class ComplaintPartPolicy(UnitScopedPolicy):
    """Attachments and transfers are read wherever their complaint is; only the complaint's services write them."""

    unit_field = "complaint__handling_unit"
    region_field = "complaint__handling_unit__region"


class IdentityPolicy(permissions.Policy):
    def can(self, actor, action, obj=None):
        return action in READ_ACTIONS and obj is not None and may_see_identity(actor, obj.complaint)

    def scope(self, actor, action, queryset):
        if action not in READ_ACTIONS or access.actor_unit(actor) is None:
            return queryset.none()
        return queryset.filter(complaint__officers=actor, complaint__handling_unit=access.actor_unit(actor))


permissions.register(Complaint, ComplaintPolicy())
permissions.register(ComplaintAttachment, ComplaintPartPolicy())
permissions.register(ComplaintTransfer, ComplaintPartPolicy())
permissions.register(ComplaintIdentity, IdentityPolicy())
