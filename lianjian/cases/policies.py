"""Who sees and handles clues, cases and transfers.

Clues: the registering unit; the lead office of the region (not confidential clues); the units of the joint
verification team; the unit the outcome assigns; a unit that received a transfer of the clue. Oversight units
(纪检监察、公安) see on these pages only what is referred to them, because referrals are confidential to the two units
concerned; their region-wide read of non-confidential clues and cases ("oversee") goes only through the oversight
channel, where every query is logged.
Cases: the case's unit, the lead office of its region, and the sender of the transfer the case came from.
Transfers: the sending and receiving units; the lead office of the region (its overdue list), unless confidential.
"""

from django.db.models import Q

from lianjian.core import permissions
from lianjian.org import access
from lianjian.org.models import RoleCode

from .models import (
    Case,
    CaseParty,
    Clue,
    ClueEntity,
    DiscretionBenchmark,
    EvidenceFile,
    JointVerification,
    PenaltyDecision,
    ToleranceItem,
    Transfer,
    TransferKind,
    TransferMaterial,
    WitnessReport,
)

READ = {"view", "export"}
WORKING = {RoleCode.OFFICE_STAFF, RoleCode.SUPERVISOR_OFFICER, RoleCode.INSPECTOR, RoleCode.CENTRE_STAFF,
           RoleCode.UNIT_HEAD}
HEADS = {RoleCode.UNIT_HEAD}


def _worker(actor):
    return access.actor_unit(actor) is not None and actor.has_role(*WORKING)


def _lead_over(actor, region):
    return access.is_lead_office_staff(actor) and access.covers_region(actor, region)


OVERSEE = "oversee"


def _oversees(actor, region):
    return access.is_oversight(actor) and access.covers_region(actor, region)


def _oversee_scope(actor, queryset, region_field, extra=None):
    if not access.is_oversight(actor):
        return queryset.none()
    q = access.region_subtree_q(access.actor_region(actor), region_field)
    return queryset.filter(q & extra if extra is not None else q)


class CluePolicy(permissions.Policy):
    def _involved(self, actor, clue):
        unit = access.actor_unit(actor)
        if unit is None:
            return False
        if unit.pk in (clue.unit_id, clue.outcome_unit_id):
            return True
        if clue.transfers.filter(to_unit=unit).exclude(state="draft").exists():
            return True
        verification = getattr(clue, "verification", None) if clue.pk else None
        return verification is not None and verification.members.filter(pk=unit.pk).exists()

    def can(self, actor, action, obj=None):
        if action == OVERSEE:
            return obj is None or (not obj.confidential and _oversees(actor, obj.region))
        if action in READ:
            if obj is None:
                return True
            return self._involved(actor, obj) or (not obj.confidential and _lead_over(actor, obj.region))
        if access.is_oversight(actor) or not _worker(actor):
            return False
        if action == "register":
            return obj is None or obj.unit == access.actor_unit(actor) or _lead_over(actor, obj.region)
        if action in ("assign", "conclude"):
            return obj is None or _lead_over(actor, obj.region)
        if action == "report":
            # Verification members write the joint findings.
            return obj is None or self._involved(actor, obj) or _lead_over(actor, obj.region)
        return False

    def scope(self, actor, action, queryset):
        if action == OVERSEE:
            return _oversee_scope(actor, queryset, "region", Q(confidential=False))
        unit = access.actor_unit(actor)
        if unit is None:
            return queryset.none()
        mine = (Q(unit=unit) | Q(outcome_unit=unit) | Q(verification__members=unit)
                | (Q(transfers__to_unit=unit) & ~Q(transfers__state="draft")))
        if access.is_lead_office_staff(actor):
            mine |= access.region_subtree_q(access.actor_region(actor), "region") & Q(confidential=False)
        return queryset.filter(pk__in=queryset.model.objects.filter(mine).values("pk"))


class ClueChildPolicy(permissions.Policy):
    """Entities, witnessing reports, evidence and verifications are read with their clue; written only by the
    clue services."""

    clues = CluePolicy()
    path = "clue"

    def _clue(self, obj):
        for part in self.path.split("__"):
            obj = getattr(obj, part)
        return obj

    def can(self, actor, action, obj=None):
        if action not in READ:
            return False
        return obj is None or self.clues.can(actor, action, self._clue(obj))

    def scope(self, actor, action, queryset):
        if action not in READ:
            return queryset.none()
        visible = self.clues.scope(actor, action, Clue.objects.all())
        return queryset.filter(**{f"{self.path}__in": visible})


class WitnessReportPolicy(permissions.Policy):
    """A trading centre's officers file reports; the report is read by the centre and the lead office above it."""

    def can(self, actor, action, obj=None):
        unit = access.actor_unit(actor)
        if action == "report":
            return (unit is not None and unit.type == "trading_centre" and actor.has_role(*WORKING)
                    and (obj is None or obj.unit_id == unit.pk))
        if action in READ:
            return obj is None or (unit is not None and obj.unit_id == unit.pk) or _lead_over(actor, obj.unit.region)
        return False

    def scope(self, actor, action, queryset):
        unit = access.actor_unit(actor)
        if action not in READ or unit is None:
            return queryset.none()
        wide = access.region_subtree_q(access.actor_region(actor), "unit__region") if access.is_lead_office_staff(
            actor) else Q(pk__in=[])
        return queryset.filter(Q(unit=unit) | wide)


class EvidencePolicy(WitnessReportPolicy):
    def can(self, actor, action, obj=None):
        return super().can(actor, action, obj.report if obj is not None else None)

    def scope(self, actor, action, queryset):
        reports = super().scope(actor, action, WitnessReport.objects.all())
        return queryset.filter(report__in=reports)


class CasePolicy(permissions.Policy):
    def _sender(self, actor, case):
        unit = access.actor_unit(actor)
        return unit is not None and case.transfer_id is not None and case.transfer.from_unit_id == unit.pk

    def can(self, actor, action, obj=None):
        unit = access.actor_unit(actor)
        own = obj is None or (unit is not None and obj.unit_id == unit.pk)
        if action == OVERSEE:
            return obj is None or _oversees(actor, obj.unit.region)
        if action in READ:
            return own or self._sender(actor, obj) or _lead_over(actor, obj.unit.region)
        if access.is_oversight(actor) or not _worker(actor):
            return False
        if action in ("register", "handle"):
            return own
        if action == "decide":
            return own and actor.has_role(*HEADS)
        return False

    def scope(self, actor, action, queryset):
        if action == OVERSEE:
            return _oversee_scope(actor, queryset, "unit__region")
        unit = access.actor_unit(actor)
        if unit is None:
            return queryset.none()
        if action not in READ:
            return queryset.filter(unit=unit) if self.can(actor, action) else queryset.none()
        q = Q(unit=unit) | Q(transfer__from_unit=unit)
        if access.is_lead_office_staff(actor):
            q |= access.region_subtree_q(access.actor_region(actor), "unit__region")
        return queryset.filter(q)


class CaseChildPolicy(permissions.Policy):
    cases = CasePolicy()

    def can(self, actor, action, obj=None):
        return action in READ and (obj is None or self.cases.can(actor, action, obj.case))

    def scope(self, actor, action, queryset):
        if action not in READ:
            return queryset.none()
        return queryset.filter(case__in=self.cases.scope(actor, action, Case.objects.all()))


class TransferPolicy(permissions.Policy):
    def can(self, actor, action, obj=None):
        unit = access.actor_unit(actor)
        if unit is None:
            return False
        sender = obj is None or obj.from_unit_id == unit.pk
        receiver = obj is not None and obj.to_unit_id == unit.pk and obj.state != "draft"
        if action in READ:
            if obj is None or sender or receiver:
                return True
            return not obj.confidential and _lead_over(actor, obj.from_unit.region)
        if action == "receive":
            # Police and discipline officers who handle referrals hold a working role; read-only oversight
            # accounts of those units see what is referred to them but sign nothing.
            return receiver and actor.has_role(*WORKING)
        if access.is_oversight(actor) or not _worker(actor):
            return False
        if action in ("create", "send"):
            return sender
        if action == "approve":
            return sender and actor.has_role(*HEADS) and (obj is None or obj.kind == TransferKind.CRIME)
        return False

    def scope(self, actor, action, queryset):
        unit = access.actor_unit(actor)
        if unit is None:
            return queryset.none()
        q = Q(from_unit=unit) | (Q(to_unit=unit) & ~Q(state="draft"))
        if action in READ and access.is_lead_office_staff(actor):
            q |= access.region_subtree_q(access.actor_region(actor), "from_unit__region") & Q(confidential=False)
        return queryset.filter(q)


class TransferMaterialPolicy(permissions.Policy):
    transfers = TransferPolicy()

    def can(self, actor, action, obj=None):
        return action in READ and (obj is None or self.transfers.can(actor, action, obj.transfer))

    def scope(self, actor, action, queryset):
        if action not in READ:
            return queryset.none()
        return queryset.filter(transfer__in=self.transfers.scope(actor, action, Transfer.objects.all()))


class ReferencePolicy(permissions.Policy):
    """Benchmarks and the tolerance list are published reference data; administrators edit them."""

    def can(self, actor, action, obj=None):
        return action in READ or (action == "change" and access.is_admin(actor))

    def scope(self, actor, action, queryset):
        return queryset if self.can(actor, action) else queryset.none()


permissions.register(Clue, CluePolicy())
permissions.register(ClueEntity, ClueChildPolicy())
permissions.register(JointVerification, ClueChildPolicy())
permissions.register(WitnessReport, WitnessReportPolicy())
permissions.register(EvidenceFile, EvidencePolicy())
permissions.register(Case, CasePolicy())
permissions.register(CaseParty, CaseChildPolicy())
permissions.register(PenaltyDecision, CaseChildPolicy())
permissions.register(Transfer, TransferPolicy())
permissions.register(TransferMaterial, TransferMaterialPolicy())
permissions.register(DiscretionBenchmark, ReferencePolicy())
permissions.register(ToleranceItem, ReferencePolicy())
