"""Joint punishment measures by memorandum, and the restriction checks of lots with their hits."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lianjian.core import permissions
from lianjian.core.exports import xlsx_response
from lianjian.trading.models import Lot

from .. import selectors, services
from ..forms import LotCheckForm
from ..models import AppliedMeasure, RestrictionCheck, RestrictionHit
from .common import page_of


def _filters(request):
    return {"lot": request.GET.get("lot", "").strip(), "q": request.GET.get("q", "").strip()}


@login_required
def measure_list(request):
    actor = request.user
    if not permissions.can(actor, "view", model=AppliedMeasure):
        raise PermissionDenied(_("无权查看联合惩戒措施"))
    filters = _filters(request)
    return render(request, "credit/measure_list.html", {
        "memoranda": selectors.memoranda(), "filters": filters,
        "page": page_of(request, selectors.hits(actor=actor, **filters)),
        "checks": selectors.checks(actor=actor, lot=filters["lot"])[:20],
        "check_form": LotCheckForm(initial={"lot": filters["lot"]}),
        "can_check": permissions.can(actor, "check", model=RestrictionCheck),
    })


@login_required
def hit_export(request):
    if not permissions.can(request.user, "export", model=RestrictionHit):
        raise PermissionDenied(_("无权导出惩戒命中记录"))
    rows = selectors.hits(actor=request.user, **_filters(request))
    data = [[h.lot.code, h.lot.name, str(h.subject), h.role_labels(), str(h.applied_measure.measure),
             h.applied_measure.entry.document_no, timezone.localtime(h.created_at).strftime("%Y-%m-%d %H:%M")]
            for h in rows]
    headers = [_("标段（包）编号"), _("标段（包）名称"), _("主体"), _("参与身份"), _("惩戒措施"), _("认定文书编号"),
               _("发现时间")]
    return xlsx_response(filename=_("惩戒命中-%(date)s.xlsx") % {"date": timezone.localdate().isoformat()},
                         title=_("惩戒命中"), headers=headers, rows=data)


@login_required
@require_POST
def lot_check(request):
    form = LotCheckForm(request.POST)
    code = request.POST.get("lot", "").strip()
    lot = permissions.scope(request.user, "view", Lot.objects.all()).filter(code=code).first()
    if not form.is_valid() or lot is None:
        messages.error(request, _("标段（包）编号：没有您可查看的标段“%(code)s”") % {"code": code})
        return redirect("credit:measure_list")
    try:
        hits = services.credit_check_lot(lot=lot, actor=request.user)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    else:
        if hits:
            messages.warning(request, _("标段 %(lot)s 发现 %(n)d 项惩戒措施命中，已通知监督部门")
                             % {"lot": lot.code, "n": len(hits)})
        else:
            messages.success(request, _("标段 %(lot)s 核查完毕，未发现受限主体") % {"lot": lot.code})
    return redirect(f"{reverse('credit:measure_list')}?lot={lot.code}")

