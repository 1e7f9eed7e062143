"""Who is competent for a lot's alerts (分办), and who in that unit hears about them."""

from django.utils.translation import gettext as _

from lianjian.org import access
from lianjian.org.models import OVERSIGHT_UNIT_TYPES, PowerListStatus, Unit, User

from ..policies import WORKING_ROLES


def _sector_chain(sector):
    chain = []
    while sector is not None:
        chain.append(sector)
        sector = sector.parent
    return chain


def competent_unit(lot):
    """(unit, basis) for a lot's alerts, or (None, "") when no unit can be found.

    In order: the lot's supervising unit (监督部门) as recorded by the trading centre; else, from the lot's region
    upwards, the unit whose published power list (权责清单) has an item for the lot's sector or a sector above it;
    else a unit that declares the sector among those it supervises. With none, the alert waits for the lead
    office of its region to dispatch it by hand.
    """
    if lot is None:
        return None, ""
    supervising = lot.supervising_unit
    if supervising is not None and supervising.is_active:
        return supervising, _("标段监督部门")
    sectors = _sector_chain(lot.tender_project.sector)
    for region in access.region_ancestors(lot.region):
        active = Unit.objects.filter(region=region, is_active=True).exclude(type__in=OVERSIGHT_UNIT_TYPES)
        listed = (
            active.filter(power_lists__status=PowerListStatus.PUBLISHED, power_lists__items__sector__in=sectors)
            .distinct().order_by("name").first()
        )
        if listed is not None:
            return listed, _("权责清单载明的%(sector)s领域监管职责") % {"sector": sectors[0]}
        declared = active.filter(sectors__in=sectors).distinct().order_by("name").first()
        if declared is not None:
            return declared, _("单位监管的行业领域：%(sector)s") % {"sector": sectors[0]}
    return None, ""


def unit_officers(unit):
    """The active people of ``unit`` who may triage an alert."""
    return list(User.objects.filter(unit=unit, is_active=True, roles__code__in=WORKING_ROLES).distinct())
