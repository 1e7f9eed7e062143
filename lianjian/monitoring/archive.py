"""The alerts and the tracking of a lot on its archive page (一项目一档案)."""

from django.utils.translation import gettext_lazy as _

from lianjian.trading.archive import register_archive_section

from . import selectors


def _lot_context(lot, actor):
    alerts = list(selectors.alerts_for_lot(actor=actor, lot=lot))
    tracked = list(selectors.tracking_for_lot(actor=actor, lot=lot))
    if not alerts and not tracked:
        return None
    return {"alerts": alerts, "tracked": tracked}


register_archive_section("monitoring", label=_("风险预警"), template="monitoring/_lot_alerts.html",
                         context=_lot_context, order=40)
