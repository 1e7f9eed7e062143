"""The credit archive (信用档案): entities with score and class, one entity's records, history and measures, and
the export of records for the provincial credit platform."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lianjian.core import permissions
from lianjian.core.exports import xlsx_response
from lianjian.trading.models import Entity

from .. import exporting, selectors, services
from ..forms import EntitySearchForm, RecordExportForm, RecordForm
from ..models import CreditRecord
from .common import apply_errors, page_of


def _require_view(actor):
    if not permissions.can(actor, "view", model=CreditRecord):
        raise PermissionDenied(_("无权查看信用档案"))


def _search(request):
    form = EntitySearchForm(request.GET or None)
    filters = {}
    if form.is_valid():
        filters = {"q": form.cleaned_data["q"].strip(), "credit_class": form.cleaned_data["credit_class"]}
    return form, selectors.entities(actor=request.user, **filters)


@login_required
def entity_list(request):
    _require_view(request.user)
    form, rows = _search(request)
    return render(request, "credit/entity_list.html", {
        "form": form, "page": page_of(request, rows), "scheme": selectors.actor_scheme(request.user),
        "export_form": RecordExportForm(), "can_export": permissions.can(request.user, "export", model=CreditRecord),
    })


@login_required
def entity_export(request):
    if not permissions.can(request.user, "export", model=CreditRecord):
        raise PermissionDenied(_("无权导出信用档案"))
    _form, rows = _search(request)
    data = [[e.credit_code, e.name, e.credit_score, e.credit_class] for e in rows]
    return xlsx_response(filename=_("信用档案-%(date)s.xlsx") % {"date": timezone.localdate().isoformat()},
                         title=_("信用档案"), headers=[_("统一社会信用代码"), _("名称"), _("信用分"), _("信用等级")],
                         rows=data)


@login_required
def record_export(request):
    """Credit records for the provincial credit platform, as JSON or XLSX (format in README.md)."""
    form = RecordExportForm(request.GET)
    if not form.is_valid():
        messages.error(request, _("导出条件有误：%(e)s") % {"e": "；".join(
            f"{form.fields[f].label}：{' '.join(errs)}" for f, errs in form.errors.items())})
        return redirect("credit:entity_list")
    date_from, date_to = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
    try:
        rows = exporting.export_records(actor=request.user, date_from=date_from, date_to=date_to)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("credit:entity_list")
    if form.cleaned_data["format"] == "json":
        return exporting.json_response(rows, date_from=date_from, date_to=date_to)
    return exporting.xlsx_export_response(rows)


@login_required
def entity_detail(request, pk):
    actor = request.user
    _require_view(actor)
    entity = get_object_or_404(selectors.entities(actor=actor), pk=pk)
    scheme = selectors.actor_scheme(actor)
    form = RecordForm(items=scheme.items.filter(is_active=True), initial={"decided_on": timezone.localdate()})
    return _detail(request, entity, scheme, form)


def _detail(request, entity, scheme, form):
    actor = request.user
    return render(request, "credit/entity_detail.html", {
        "entity": entity, "scheme": scheme, "form": form,
        "records": selectors.records(actor=actor, entity=entity),
        "history": selectors.score_history(actor=actor, entity=entity),
        "entries": selectors.entries(actor=actor, entity=entity),
        "measures": selectors.applied_measures(actor=actor, entity=entity),
        "thresholds": scheme.thresholds.all(),
        "can_add": permissions.can(actor, "add", model=CreditRecord),
    })


@login_required
@require_POST
def record_add(request, pk):
    actor = request.user
    entity = get_object_or_404(Entity.objects.all(), pk=pk)
    scheme = selectors.actor_scheme(actor)
    form = RecordForm(request.POST, items=scheme.items.filter(is_active=True))
    if form.is_valid():
        try:
            record = services.credit_record_add(entity=entity, actor=actor, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            before, after = record.class_change
            messages.success(request, _("已记录信用信息，计入 %(points)s 分；信用等级 %(before)s → %(after)s")
                             % {"points": record.points_effective, "before": before, "after": after})
            return redirect("credit:entity_detail", pk=entity.pk)
    entity = get_object_or_404(selectors.entities(actor=actor), pk=pk)
    return _detail(request, entity, scheme, form)
