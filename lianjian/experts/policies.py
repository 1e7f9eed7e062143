"""Who sees and maintains the expert pool, who draws a committee, and who may see a drawn list.

The pool is managed by the lead office (公管办/政务局) of a region and read by the lead office, the trading centre
and oversight readers of that region; industry supervisors record penalties. A lot's draws are visible wherever the
lot is (its supervising unit, the region's lead office, trading centre and oversight), but the list of drawn experts
stays sealed (评标委员会成员名单在中标结果确定前应当保密, rules.md §9): until it is unsealed after the evaluation
has ended, only the staff of the trading centre that drew it see the names. :func:`may_see_picks` applies the seal
even to superusers, who otherwise pass every policy.
"""

from django.db.models import Q

from lianjian.core import permissions
from lianjian.org import access
from lianjian.org.models import RoleCode, UnitType
from lianjian.org.policies import READ_ACTIONS, ReferenceDataPolicy
from lianjian.trading.models import Lot
from lianjian.trading.policies import is_centre_staff

from .models import (
    Assessment, CommitteeRule, ConflictDeclaration, EvaluationRecord, Expert, ExpertPenalty, ExpertStatusChange,
    Extraction, ExtractionPick, Specialty,
)

SUPERVISOR_ROLES = (RoleCode.SUPERVISOR_OFFICER, RoleCode.UNIT_HEAD)


def is_pool_manager(actor):
    return not access.is_oversight(actor) and (access.is_lead_office_staff(actor) or access.is_admin(actor))


def is_pool_reader(actor):
    return is_pool_manager(actor) or access.is_oversight(actor) or is_centre_staff(actor)


def is_industry_supervisor(actor):
    unit = access.actor_unit(actor)
    return unit is not None and unit.type == UnitType.INDUSTRY_SUPERVISOR and actor.has_role(*SUPERVISOR_ROLES)


def is_requesting_centre(actor, extraction):
    """Staff of the trading centre that drew this extraction."""
    unit = access.actor_unit(actor)
    return is_centre_staff(actor) and unit is not None and unit.pk == extraction.requested_unit_id


def may_see_picks(actor, extraction):
    """Whether ``actor`` may see who was drawn: the seal holds for everyone outside the drawing centre, superusers
    included, until the list is unsealed."""
    if not permissions.can(actor, "view", extraction):
        return False
    return not extraction.sealed or is_requesting_centre(actor, extraction)


class ExpertPolicy(permissions.Policy):
    def can(self, actor, action, obj=None):
        region = obj.region if obj is not None and obj.region_id else None
        if action in READ_ACTIONS:
            allowed = is_pool_reader(actor)
        elif action == "penalise":
            allowed = is_pool_manager(actor) or is_industry_supervisor(actor)
        elif action == "change":
            allowed = is_pool_manager(actor)
        else:
            return False
        return allowed and (obj is None or region is None or access.covers_region(actor, region))

    def scope(self, actor, action, queryset, path="region"):
        if not self.can(actor, action):
            return queryset.none()
        return queryset.filter(access.region_subtree_q(access.actor_region(actor), path))


_experts = ExpertPolicy()


class ExpertRecordPolicy(permissions.Policy):
    """Rows about one expert (declarations, penalties, status changes, assessments) are read and written as the
    expert is; ``write_action`` is the expert action that writing such a row needs."""

    def __init__(self, write_action="change"):
        self.write_action = write_action

    def _action(self, action):
        return action if action in READ_ACTIONS else self.write_action

    def can(self, actor, action, obj=None):
        return _experts.can(actor, self._action(action), obj.expert if obj is not None else None)

    def scope(self, actor, action, queryset):
        return _experts.scope(actor, self._action(action), queryset, path="expert__region")


def _visible_lots(actor):
    return permissions.scope(actor, "view", Lot.objects.all())


class ExtractionPolicy(permissions.Policy):
    """An extraction is seen wherever its lot is; trading-centre staff of the lot's region draw; the drawing centre
    or the region's lead office unseal."""

    def can(self, actor, action, obj=None):
        lot = obj.lot if obj is not None and obj.lot_id else None
        if action in READ_ACTIONS or action == "verify":
            return lot is None or permissions.can(actor, "view", lot)
        if action == "draw":
            return is_centre_staff(actor) and (lot is None or access.covers_region(actor, lot.region))
        if action == "unseal":
            if obj is None:
                return is_centre_staff(actor) or access.is_lead_office_staff(actor)
            return is_requesting_centre(actor, obj) or (
                access.is_lead_office_staff(actor) and access.covers_region(actor, lot.region))
        return False

    def scope(self, actor, action, queryset):
        if action in READ_ACTIONS or action == "verify":
            return queryset.filter(lot__in=_visible_lots(actor))
        if action == "draw" and is_centre_staff(actor):
            return queryset.filter(access.region_subtree_q(access.actor_region(actor), "lot__region"))
        return queryset.none()


_extractions = ExtractionPolicy()


class ExtractionPickPolicy(permissions.Policy):
    def can(self, actor, action, obj=None):
        if action not in READ_ACTIONS:
            return False
        return obj is None or may_see_picks(actor, obj.extraction)

    def scope(self, actor, action, queryset):
        if action not in READ_ACTIONS:
            return queryset.none()
        unit = access.actor_unit(actor)
        unsealed = Q(extraction__sealed=False)
        if is_centre_staff(actor) and unit is not None:
            unsealed |= Q(extraction__requested_unit=unit)
        return queryset.filter(unsealed, extraction__lot__in=_visible_lots(actor))


class EvaluationRecordPolicy(permissions.Policy):
    """Evaluation records follow their lot; the trading centre of the lot's region records them."""

    def can(self, actor, action, obj=None):
        lot = obj.lot if obj is not None and obj.lot_id else None
        if action in READ_ACTIONS:
            return lot is None or permissions.can(actor, "view", lot)
        if action == "record":
            return is_centre_staff(actor) and (lot is None or access.covers_region(actor, lot.region))
        return False

    def scope(self, actor, action, queryset):
        if action in READ_ACTIONS:
            return queryset.filter(lot__in=_visible_lots(actor))
        return queryset.none()


permissions.register(Specialty, ReferenceDataPolicy())
permissions.register(CommitteeRule, ReferenceDataPolicy())
permissions.register(Expert, _experts)
permissions.register(ConflictDeclaration, ExpertRecordPolicy())
permissions.register(ExpertPenalty, ExpertRecordPolicy("penalise"))
permissions.register(ExpertStatusChange, ExpertRecordPolicy())
permissions.register(Assessment, ExpertRecordPolicy())
permissions.register(Extraction, _extractions)
permissions.register(ExtractionPick, ExtractionPickPolicy())
permissions.register(EvaluationRecord, EvaluationRecordPolicy())
