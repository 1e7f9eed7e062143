"""Joint punishment applied automatically: which measures restrict a subject, and the restriction check of a lot
(bidders, winner, agency, drawn experts). One act is not punished twice (rules.md §8 第29条; seed 004 §(五)2): a
measure is recorded as hit once per lot however often the lot is checked."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record
from lianjian.core import permissions
from lianjian.experts.models import ExtractionPick, ExtractionStatus, PickRole
from lianjian.notifications.services import notification_send
from lianjian.org.models import RoleCode, UnitType, User
from lianjian.trading.models import Award, Bid, Lot, Stage

from ..credit_data import SECTOR_ACTIVITY
from ..models import Activity, AppliedMeasure, CreditList, RestrictionCheck, RestrictionHit, SubjectRole
from ..scoring import active_on_q

CLOSED_STAGES = (Stage.CONTRACT, Stage.COMPLETED)
NOTIFIED_ROLES = (RoleCode.SUPERVISOR_OFFICER, RoleCode.UNIT_HEAD, RoleCode.OFFICE_STAFF)


def _in_force(on):
    return AppliedMeasure.objects.filter(active_on_q(on, prefix="", stopped_field="stopped_on"),
                                         entry__credit_list=CreditList.BLACKLIST)


def credit_restrictions_for(*, entity, activity, on=None):
    """The measures in force on ``on`` (default today) that restrict ``entity`` (a trading Entity) from
    ``activity`` (an :class:`Activity` value: "bidding", "government_procurement", "land", "state_property",
    "expert" …). An empty QuerySet means no restriction. A read for other domains; needs no actor."""
    if activity not in Activity.values:
        raise ValidationError({"activity": _("未知的限制事项“%(a)s”") % {"a": activity}})
    return (_in_force(on or timezone.localdate()).filter(entry__entity=entity, measure__activity=activity)
            .select_related("measure__memorandum", "entry"))


def lot_activity(lot):
    """The restricted activity that taking part in ``lot`` means, from its tender project's top-level sector."""
    sector = lot.tender_project.sector
    while sector.parent_id:
        sector = sector.parent
    return SECTOR_ACTIVITY.get(sector.code, Activity.BIDDING)


def _participants(lot):
    """{("entity" | "expert", pk): set of roles} of everyone taking part in the lot."""
    found = {}

    def add(kind, pk, role):
        if pk:
            found.setdefault((kind, pk), set()).add(role)

    for bidder_id, member_id in Bid.objects.filter(lot=lot).values_list("bidder_id", "consortium_members"):
        add("entity", bidder_id, SubjectRole.BIDDER)
        add("entity", member_id, SubjectRole.BIDDER)
    award = Award.objects.filter(lot=lot).first()
    if award is not None:
        add("entity", award.winner_id, SubjectRole.WINNER)
    add("entity", lot.tender_project.agency_id, SubjectRole.AGENCY)
    picks = ExtractionPick.objects.filter(extraction__lot=lot, extraction__status=ExtractionStatus.DRAWN,
                                          role__in=[PickRole.PRIMARY, PickRole.RESERVE])
    for expert_id in picks.values_list("expert_id", flat=True):
        add("expert", expert_id, SubjectRole.EXPERT)
    return found


def _recipients(lot):
    """The supervising unit's officers; with no supervising unit, the lead office of the lot's region."""
    if lot.supervising_unit_id:
        users = User.objects.filter(unit=lot.supervising_unit)
    else:
        users = User.objects.filter(unit__type=UnitType.LEAD_OFFICE, unit__region=lot.region)
    return list(users.filter(is_active=True, roles__code__in=NOTIFIED_ROLES).distinct())


def credit_check_lot(*, lot, actor=None):
    """Check every bidder (consortium members included), the winner, the agency and the drawn experts of ``lot``
    against the measures in force today. Records each new hit once (entity/expert + measure + lot), notifies the
    lot's supervising unit of new hits, and returns every hit found by this check (new or recorded earlier).
    ``actor`` None is the system (imports, listing, the periodic check)."""
    if actor is not None:
        permissions.require(actor, "check", RestrictionCheck(lot=lot))
    lot = Lot.objects.select_related("tender_project__sector", "supervising_unit", "region").get(pk=lot.pk)
    today = timezone.localdate()
    participants = _participants(lot)
    entity_ids = [pk for kind, pk in participants if kind == "entity"]
    expert_ids = [pk for kind, pk in participants if kind == "expert"]
    in_force = _in_force(today).filter(
        Q(entry__entity_id__in=entity_ids, measure__activity=lot_activity(lot))
        | Q(entry__expert_id__in=expert_ids, measure__activity=Activity.EXPERT)
    ).select_related("entry__entity", "entry__expert", "measure")
    with transaction.atomic():
        check = RestrictionCheck.objects.create(lot=lot, checked_by=actor if actor is not None else None,
                                                subjects=len(participants))
        hits, new = [], []
        for applied in in_force:
            entry = applied.entry
            key = ("entity", entry.entity_id) if entry.entity_id else ("expert", entry.expert_id)
            hit, created = RestrictionHit.objects.get_or_create(
                applied_measure=applied, lot=lot,
                defaults={"check_run": check, "entity_id": entry.entity_id, "expert_id": entry.expert_id,
                          "roles": ",".join(sorted(participants[key]))},
            )
            hits.append(hit)
            if created:
                new.append(hit)
        check.hits = len(new)
        check.save(update_fields=["hits"])
        audit_record(actor=actor, action="credit.lot.check", obj=check,
                     after={"lot": lot.code, "subjects": len(participants), "hits": len(hits), "new_hits": len(new)},
                     detail={"new_hit_ids": [h.pk for h in new]})
        if new:
            lines = [_("%(subject)s（%(roles)s）：%(measure)s") % {"subject": h.subject, "roles": h.role_labels(),
                                                                  "measure": h.applied_measure.measure}
                     for h in new]
            notification_send(
                recipients=_recipients(lot), actor=actor,
                subject=_("标段 %(lot)s 发现严重失信主体") % {"lot": lot.code},
                body=_("信用核查发现以下主体受联合惩戒措施限制，请依法处理：\n%(lines)s") % {"lines": "\n".join(lines)},
                link=f"{reverse('credit:measure_list')}?lot={lot.code}",
            )
    return hits


def lots_in_progress_of(entry):
    """Lots not yet contracted in which the entry's subject takes part (for the check run at listing)."""
    lots = Lot.objects.exclude(stage__in=CLOSED_STAGES)
    if entry.entity_id:
        entity = entry.entity_id
        return lots.filter(Exists(Bid.objects.filter(lot=OuterRef("pk"), bidder_id=entity))
                           | Exists(Bid.objects.filter(lot=OuterRef("pk"), consortium_members=entity))
                           | Q(award__winner_id=entity) | Q(tender_project__agency_id=entity)).distinct()
    return lots.filter(Exists(ExtractionPick.objects.filter(
        extraction__lot=OuterRef("pk"), extraction__status=ExtractionStatus.DRAWN, expert_id=entry.expert_id,
        role__in=[PickRole.PRIMARY, PickRole.RESERVE])))


def lots_to_check():
    """Lots in progress in which any subject with a measure in force takes part (for the periodic check)."""
    in_force = _in_force(timezone.localdate())
    entities = in_force.filter(entry__entity__isnull=False).values("entry__entity")
    experts = in_force.filter(entry__expert__isnull=False).values("entry__expert")
    return Lot.objects.exclude(stage__in=CLOSED_STAGES).filter(
        Exists(Bid.objects.filter(lot=OuterRef("pk"), bidder__in=entities))
        | Exists(Bid.objects.filter(lot=OuterRef("pk"), consortium_members__in=entities))
        | Q(award__winner__in=entities) | Q(tender_project__agency__in=entities)
        | Exists(ExtractionPick.objects.filter(extraction__lot=OuterRef("pk"),
                                               extraction__status=ExtractionStatus.DRAWN, expert__in=experts,
                                               role__in=[PickRole.PRIMARY, PickRole.RESERVE]))
    ).distinct()
