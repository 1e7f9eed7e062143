"""Who must stay off a lot's committee, read from the data (rules.md §9; 评标委员会和评标方法暂行规定 第12条;
招标投标法实施条例 第46条; 政府采购法实施条例 第9条).

An expert is recused when:
- their employer is a bidder of the lot (or a consortium member of a bid), the tenderer or the tendering agency —
  matched on the employer entity, or on the employer's name when the pool has no entity for it;
- they work for the lot's supervising unit;
- they declared a relation (close relative, economic interest, former employment or control, other) with one of
  those parties and the declaration is in force on the draw date; where the committee rule sets a recusal window
  for former employment or control (government procurement: 3 years), the relation bars them for that many years
  after it ended, whatever the declaration's own validity;
- they were ever penalised for an offence in tendering or evaluation.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from lianjian.trading.models import Bid

from .models import ConflictDeclaration, Expert, ExpertPenalty, RelationType

EMPLOYER_BIDDER = "employer_bidder"
EMPLOYER_TENDERER = "employer_tenderer"
EMPLOYER_AGENCY = "employer_agency"
SUPERVISING_UNIT = "supervising_unit"
PENALISED = "penalised"
DECLARED = {
    RelationType.CLOSE_RELATIVE: "declared_close_relative",
    RelationType.FORMER_EMPLOYER: "declared_former_employer",
    RelationType.ECONOMIC_INTEREST: "declared_economic_interest",
    RelationType.OTHER: "declared_other",
}


@dataclass
class LotParties:
    """The lot's bidders, tenderer and agency: entity id → (role code, name); and names → entity id."""

    roles: dict = field(default_factory=dict)
    by_name: dict = field(default_factory=dict)

    def add(self, entity_id, name, role):
        if entity_id is None or entity_id in self.roles:
            return
        self.roles[entity_id] = (role, name)
        self.by_name.setdefault(name.strip(), entity_id)


def lot_parties(lot):
    parties = LotParties()
    for bidder_id, name in Bid.objects.filter(lot=lot).values_list("bidder_id", "bidder__name"):
        parties.add(bidder_id, name, EMPLOYER_BIDDER)
    members = Bid.consortium_members.through.objects.filter(bid__lot=lot)
    for entity_id, name in members.values_list("entity_id", "entity__name"):
        parties.add(entity_id, name, EMPLOYER_BIDDER)
    tender = lot.tender_project
    parties.add(tender.tenderer_id, tender.tenderer.name, EMPLOYER_TENDERER)
    if tender.agency_id:
        parties.add(tender.agency_id, tender.agency.name, EMPLOYER_AGENCY)
    return parties


def add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _party_text(role, name):
    return {
        EMPLOYER_BIDDER: _("投标人“%(name)s”"), EMPLOYER_TENDERER: _("招标人“%(name)s”"),
        EMPLOYER_AGENCY: _("招标代理机构“%(name)s”"),
    }[role] % {"name": name}


def _declaration_in_force(declaration, on_date, window_years):
    if declaration.declared_on > on_date:
        return False
    if declaration.valid_until is None or declaration.valid_until >= on_date:
        return True
    return (declaration.relation == RelationType.FORMER_EMPLOYER and window_years is not None
            and declaration.relation_ended_on is not None
            and on_date <= add_years(declaration.relation_ended_on, window_years))


def recusal_reasons(*, lot, experts, on_date, window_years=None):
    """``{expert id: [(code, reason text), …]}`` for the experts of the queryset ``experts`` who must be recused
    from ``lot`` on ``on_date``; experts without a reason are absent."""
    parties = lot_parties(lot)
    reasons = {}

    def add(expert_id, code, text):
        entry = reasons.setdefault(expert_id, [])
        if all(c != code for c, _t in entry):
            entry.append((code, text))

    party_ids = list(parties.roles)
    employed = Expert.objects.filter(pk__in=experts.values("pk"), employer_id__in=party_ids)
    for expert_id, employer_id in employed.values_list("pk", "employer_id"):
        role, name = parties.roles[employer_id]
        add(expert_id, role, _("所在单位为本标段%(party)s") % {"party": _party_text(role, name)})
    by_name = Expert.objects.filter(pk__in=experts.values("pk"), employer__isnull=True,
                                    employer_name__in=list(parties.by_name))
    for expert_id, employer_name in by_name.values_list("pk", "employer_name"):
        role, name = parties.roles[parties.by_name[employer_name]]
        add(expert_id, role, _("所在单位为本标段%(party)s") % {"party": _party_text(role, name)})
    if lot.supervising_unit_id:
        staff = Expert.objects.filter(pk__in=experts.values("pk"), employer_unit_id=lot.supervising_unit_id)
        for expert_id in staff.values_list("pk", flat=True):
            add(expert_id, SUPERVISING_UNIT, _("为本标段监督部门“%(unit)s”工作人员") % {"unit": lot.supervising_unit})
    declarations = ConflictDeclaration.objects.filter(expert__in=experts.values("pk"), entity_id__in=party_ids)
    for declaration in declarations.order_by("expert_id", "declared_on", "pk"):
        if not _declaration_in_force(declaration, on_date, window_years):
            continue
        role, name = parties.roles[declaration.entity_id]
        add(declaration.expert_id, DECLARED[declaration.relation],
            _("申报与%(party)s存在%(relation)s") % {"party": _party_text(role, name),
                                                 "relation": declaration.get_relation_display()})
    penalties = ExpertPenalty.objects.filter(expert__in=experts.values("pk")).order_by("expert_id", "decided_on")
    for penalty in penalties:
        add(penalty.expert_id, PENALISED, _("曾因招标投标违法行为受过%(kind)s（%(date)s，%(reason)s）") % {
            "kind": penalty.get_kind_display(), "date": penalty.decided_on.isoformat(), "reason": penalty.reason})
    return reasons

