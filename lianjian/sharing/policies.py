"""Who sees and handles shared information.

Exchanges belong to the sending unit; a recipient unit sees an exchange once it has a receipt for it; the lead
office and oversight readers see their region's. Receipts are signed by the receiving unit. Requests for non-public
information stay between the two units (and oversight readers of the region): the holder's head decides, the
holder delivers, the requester acknowledges the confidentiality terms."""

from django.db.models import Exists, OuterRef, Q

from lianjian.core import permissions
from lianjian.org import access
from lianjian.org.models import RoleCode
from lianjian.org.policies import READ_ACTIONS, ReferenceDataPolicy, UnitScopedPolicy

from .models import Exchange, ExchangeReceipt, ExchangeSchedule, InfoRequest

WORKING_ROLES = tuple(code for code in RoleCode.values if code != RoleCode.OVERSIGHT)


def _works_in(actor, unit_id):
    unit = access.actor_unit(actor)
    return (unit is not None and unit.pk == unit_id and not access.is_oversight(actor)
            and actor.has_role(*WORKING_ROLES))


class ExchangePolicy(UnitScopedPolicy):
    unit_field = "sender_unit"
    region_field = "sender_unit__region"
    write_roles = {"submit": set(WORKING_ROLES)}

    def can(self, actor, action, obj=None):
        if action == "open_event":
            unit = access.actor_unit(actor)
            if unit is None or access.is_oversight(actor) or not actor.has_role(*WORKING_ROLES):
                return False
            return obj is None or unit.type in obj.schedule.sender_types
        unit = access.actor_unit(actor)
        if (action in READ_ACTIONS and obj is not None and obj.pk and unit is not None
                and obj.receipts.filter(unit=unit).exists()):
            return True
        return super().can(actor, action, obj)

    def scope(self, actor, action, queryset):
        scoped = super().scope(actor, action, queryset)
        unit = access.actor_unit(actor)
        if action in READ_ACTIONS and unit is not None:
            received = ExchangeReceipt.objects.filter(exchange=OuterRef("pk"), unit=unit)
            return queryset.filter(Q(pk__in=scoped.values("pk")) | Exists(received))
        return scoped


class ExchangeReceiptPolicy(UnitScopedPolicy):
    unit_field = "unit"
    region_field = "unit__region"
    write_roles = {"receive": set(WORKING_ROLES)}

    def can(self, actor, action, obj=None):
        if action in READ_ACTIONS and obj is not None and _works_in(actor, obj.exchange.sender_unit_id):
            return True
        return super().can(actor, action, obj)

    def scope(self, actor, action, queryset):
        scoped = super().scope(actor, action, queryset)
        unit = access.actor_unit(actor)
        if action in READ_ACTIONS and unit is not None:
            return queryset.filter(Q(pk__in=scoped.values("pk")) | Q(exchange__sender_unit=unit))
        return scoped


class InfoRequestPolicy(permissions.Policy):
    def can(self, actor, action, obj=None):
        unit = access.actor_unit(actor)
        if action in READ_ACTIONS:
            if obj is None:
                return True
            if unit is not None and unit.pk in (obj.requesting_unit_id, obj.holder_unit_id):
                return True
            return access.is_oversight(actor) and access.covers_region(actor, obj.holder_unit.region)
        if action == "request":
            return unit is not None and not access.is_oversight(actor) and actor.has_role(*WORKING_ROLES)
        if obj is None:
            return action in ("decide", "deliver", "acknowledge") and unit is not None and not access.is_oversight(
                actor)
        if action == "decide":
            return _works_in(actor, obj.holder_unit_id) and actor.has_role(RoleCode.UNIT_HEAD)
        if action == "deliver":
            return _works_in(actor, obj.holder_unit_id)
        if action == "acknowledge":
            return _works_in(actor, obj.requesting_unit_id)
        return False

    def scope(self, actor, action, queryset):
        unit = access.actor_unit(actor)
        if action not in READ_ACTIONS:
            return queryset.none()
        visible = Q(requesting_unit=unit) | Q(holder_unit=unit) if unit is not None else Q(pk__in=[])
        if access.is_oversight(actor):
            visible |= access.region_subtree_q(access.actor_region(actor), "holder_unit__region")
        return queryset.filter(visible)


permissions.register(ExchangeSchedule, ReferenceDataPolicy())
permissions.register(Exchange, ExchangePolicy())
permissions.register(ExchangeReceipt, ExchangeReceiptPolicy())
permissions.register(InfoRequest, InfoRequestPolicy())
