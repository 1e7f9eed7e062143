"""Which unit handles a complaint (属地管理、分类负责; seeds 000 §(八), 004 §(四)).

The supervising unit of the lot when the complaint names one; otherwise the industry supervisor of the region that
supervises the complaint's sector (or an enclosing sector); otherwise — none, or several that could be competent —
the lead office of the region, which receives for the one window and transfers. A region without such units hands
the matter to the nearest enclosing region that has them.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lianjian.org.access import region_ancestors
from lianjian.org.models import Sector, Unit, UnitType

from .models import ComplaintKind

GP_SECTOR = "government_procurement"


def sector_chain(sector):
    chain = []
    while sector is not None:
        chain.append(sector)
        sector = sector.parent
    return chain


def complaint_sector(*, kind, sector=None, lot=None):
    """The sector a complaint belongs to: the lot's, the one given, or 政府采购 for procurement filings."""
    if lot is not None:
        return lot.tender_project.sector
    if sector is None and kind in (ComplaintKind.GP_CHALLENGE, ComplaintKind.GP_COMPLAINT):
        return Sector.objects.filter(code=GP_SECTOR).first()
    return sector


def competent_unit(*, region, sector=None, lot=None):
    if lot is not None:
        if lot.supervising_unit_id and lot.supervising_unit.is_active:
            return lot.supervising_unit
        region = lot.region
    sectors = sector_chain(sector)
    for level in region_ancestors(region):
        active = Unit.objects.filter(region=level, is_active=True)
        if sectors:
            supervisors = list(active.filter(type=UnitType.INDUSTRY_SUPERVISOR, sectors__in=sectors).distinct()[:2])
            if len(supervisors) == 1:
                return supervisors[0]
        office = active.filter(type=UnitType.LEAD_OFFICE).order_by("pk").first()
        if office is not None:
            return office
    raise ValidationError({"region": _("“%(region)s”及其上级行政区划没有可受理投诉举报的单位，请联系系统管理员") % {
        "region": region}})
