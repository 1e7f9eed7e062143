from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lianjian.core import permissions
from lianjian.core.exports import xlsx_response
from lianjian.org import access
from lianjian.org import selectors as org_selectors
from lianjian.org.models import Region

from . import selectors, services
from .forms import (
    AssessmentForm, DeclarationForm, EvaluationRecordForm, ExpertForm, ExpertSearchForm, ExtractionForm,
    LotSearchForm, PenaltyForm, StatusChangeForm,
)
from .models import (
    Assessment, ConflictDeclaration, EvaluationRecord, Expert, ExpertPenalty, ExpertStatus, Extraction,
    ExtractionStatus, PickRole,
)
from .policies import is_requesting_centre, may_see_picks

PAGE_SIZE = 50


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _apply_errors(form, exc):
    """Put a service's ValidationError on the form fields it names, the rest above the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            for error in errors:
                form.add_error(field if field in form.fields else None, error.messages)
    else:
        form.add_error(None, exc.messages)


def _messages_of(exc):
    if hasattr(exc, "error_dict"):
        return [m for errors in exc.error_dict.values() for e in errors for m in e.messages]
    return exc.messages


def _regions_in_reach(actor):
    if actor.is_superuser:
        return Region.objects.all()
    region = access.actor_region(actor)
    return Region.objects.filter(code__startswith=region.subtree_prefix) if region else Region.objects.none()


def _search(request):
    actor = request.user
    form = ExpertSearchForm(request.GET or None, specialties=selectors.specialties(actor=actor),
                            regions=_regions_in_reach(actor))
    filters = {}
    if form.is_valid():
        filters = {"q": form.cleaned_data["q"].strip(), "status": form.cleaned_data["status"],
                   "specialty": form.cleaned_data["specialty"], "region": form.cleaned_data["region"]}
    return form, selectors.experts(actor=actor, **filters)


@login_required
def expert_list(request):
    if not permissions.can(request.user, "view", model=Expert):
        raise PermissionDenied(_("无权查看评标专家库"))
    form, rows = _search(request)
    return render(request, "experts/expert_list.html", {
        "form": form, "page": _page(request, rows), "blacklist": False,
        "can_create": permissions.can(request.user, "change", model=Expert),
    })


@login_required
def blacklist(request):
    if not permissions.can(request.user, "view", model=Expert):
        raise PermissionDenied(_("无权查看评标专家库"))
    rows = selectors.experts(actor=request.user, status=ExpertStatus.BLACKLISTED,
                             q=request.GET.get("q", "").strip())
    return render(request, "experts/expert_list.html", {"page": _page(request, rows), "blacklist": True,
                                                         "q": request.GET.get("q", "").strip()})


@login_required
def expert_export(request):
    if not permissions.can(request.user, "export", model=Expert):
        raise PermissionDenied(_("无权导出评标专家库"))
    _form, rows = _search(request)
    data = [[e.name, e.id_number_masked, e.region.name, e.employer_display, e.title,
             "、".join(f"{s.code} {s.name}" for s in e.specialties.all()), e.get_status_display(), e.phone_masked]
            for e in rows]
    headers = [_("姓名"), _("身份证号码（脱敏）"), _("所属行政区划"), _("工作单位"), _("职称"), _("评标专业"), _("状态"),
               _("手机（脱敏）")]
    filename = _("评标专家库-%(date)s.xlsx") % {"date": timezone.localdate().isoformat()}
    return xlsx_response(filename=filename, title=_("评标专家库"), headers=headers, rows=data)


@login_required
def expert_detail(request, pk):
    actor = request.user
    expert = get_object_or_404(selectors.experts(actor=actor), pk=pk)
    return render(request, "experts/expert_detail.html", {
        "expert": expert,
        "declarations": selectors.declarations(actor=actor, expert=expert),
        "penalties": selectors.penalties(actor=actor, expert=expert),
        "status_changes": selectors.status_changes(actor=actor, expert=expert),
        "assessments": selectors.assessments(actor=actor, expert=expert),
        "records": selectors.evaluation_records(actor=actor, expert=expert)[:PAGE_SIZE],
        "can_change": permissions.can(actor, "change", expert),
        "can_penalise": permissions.can(actor, "penalise", ExpertPenalty(expert=expert)),
        "transitions": services.EXPERT_WORKFLOW.available(expert, actor),
        "show_phone": permissions.can(actor, "change", expert),
    })


def _expert_form(request, *, expert=None):
    actor = request.user
    initial = None
    if expert is not None:
        initial = {"name": expert.name, "region": expert.region, "phone": expert.phone, "title": expert.title,
                   "employer": expert.employer.credit_code if expert.employer else "",
                   "employer_name": expert.employer_name, "employer_unit": expert.employer_unit,
                   "specialties": list(expert.specialties.all())}
    return ExpertForm(request.POST or None, initial=initial, regions=_regions_in_reach(actor),
                      units=org_selectors.units(actor=actor), specialties=selectors.specialties(actor=actor),
                      editing=expert is not None)


@login_required
def expert_create(request):
    if not permissions.can(request.user, "change", model=Expert):
        raise PermissionDenied(_("无权维护评标专家库"))
    form = _expert_form(request)
    if request.method == "POST" and form.is_valid():
        try:
            expert = services.expert_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("已登记评标专家：%(name)s") % {"name": expert.name})
            return redirect(expert)
    return render(request, "experts/expert_form.html", {"form": form, "expert": None})


@login_required
def expert_edit(request, pk):
    expert = get_object_or_404(selectors.experts(actor=request.user), pk=pk)
    permissions.require(request.user, "change", expert)
    form = _expert_form(request, expert=expert)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        specialties = data.pop("specialties")
        try:
            services.expert_update(expert=expert, actor=request.user, specialties=specialties, **data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("已保存"))
            return redirect(expert)
    return render(request, "experts/expert_form.html", {"form": form, "expert": expert})


@login_required
def expert_status(request, pk):
    """Suspend, reinstate, blacklist, delist or retire an expert (the blacklist action)."""
    expert = get_object_or_404(selectors.experts(actor=request.user), pk=pk)
    transitions = services.EXPERT_WORKFLOW.available(expert, request.user)
    if not transitions:
        raise PermissionDenied(_("无权变更该专家的状态"))
    initial = {"transition": request.GET.get("action")} if request.GET.get("action") else None
    form = StatusChangeForm(request.POST or None, initial=initial, transitions=transitions)
    if request.method == "POST" and form.is_valid():
        try:
            expert = services.expert_change_status(expert=expert, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("%(name)s 的状态已变更为“%(status)s”") % {
                "name": expert.name, "status": expert.get_status_display()})
            return redirect(expert)
    return render(request, "experts/simple_form.html", {
        "form": form, "expert": expert, "title": _("变更专家状态"), "submit": _("确认")})


def _expert_record_view(request, pk, *, form_class, probe, action, service, title, done):
    expert = get_object_or_404(selectors.experts(actor=request.user), pk=pk)
    permissions.require(request.user, action, probe(expert))
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service(expert=expert, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, done)
            return redirect(expert)
    return render(request, "experts/simple_form.html", {"form": form, "expert": expert, "title": title,
                                                        "submit": _("保存")})


@login_required
def declaration_add(request, pk):
    return _expert_record_view(request, pk, form_class=DeclarationForm, action="change",
                               probe=lambda e: ConflictDeclaration(expert=e), service=services.conflict_declare,
                               title=_("登记利害关系申报"), done=_("已登记利害关系申报，此后的抽取将据此回避"))


@login_required
def penalty_add(request, pk):
    return _expert_record_view(request, pk, form_class=PenaltyForm, action="penalise",
                               probe=lambda e: ExpertPenalty(expert=e), service=services.expert_penalty_record,
                               title=_("登记处罚记录"), done=_("已登记处罚记录，该专家此后不会被抽取"))


@login_required
def assessment_add(request, pk):
    return _expert_record_view(request, pk, form_class=AssessmentForm, action="change",
                               probe=lambda e: Assessment(expert=e), service=services.assessment_record,
                               title=_("登记定期考评"), done=_("已登记定期考评"))


# ---------------------------------------------------------------------------------------------------------------
# Extractions


@login_required
def extraction_list(request):
    actor = request.user
    form = LotSearchForm(request.GET or None)
    q = form.cleaned_data["q"].strip() if form.is_valid() else ""
    can_draw = permissions.can(actor, "draw", model=Extraction)
    return render(request, "experts/extraction_list.html", {
        "form": form, "q": q, "page": _page(request, selectors.extractions(actor=actor, q=q)),
        "can_draw": can_draw, "lots": selectors.drawable_lots(actor=actor, q=q)[:20] if can_draw and q else [],
    })


@login_required
def extraction_new(request, lot_pk):
    actor = request.user
    lot = get_object_or_404(selectors.drawable_lots(actor=actor), pk=lot_pk)
    permissions.require(actor, "draw", Extraction(lot=lot))
    current = selectors.extractions(actor=actor, lot=lot, status=ExtractionStatus.DRAWN).first()
    form = ExtractionForm(request.POST or None, specialties=selectors.specialties(actor=actor),
                          redraw=current is not None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            extraction = services.extraction_draw(
                lot=lot, counts=data["counts"], actor=actor, reserves=data["reserves"],
                tenderer_representatives=data["tenderer_representatives"], reason=data.get("reason", ""))
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("已完成第 %(n)d 次抽取，名单已密封") % {"n": extraction.attempt})
            return redirect(extraction)
    rule = services.committee_rule_for(lot.tender_project.sector)
    return render(request, "experts/extraction_form.html", {"form": form, "lot": lot, "current": current,
                                                            "rule": rule})


@login_required
def extraction_detail(request, pk):
    actor = request.user
    extraction = get_object_or_404(selectors.extractions(actor=actor), pk=pk)
    lot = extraction.lot
    visible = may_see_picks(actor, extraction)
    evaluation_over = lot.evaluation_finished_at is not None and lot.evaluation_finished_at <= timezone.now()
    can_record = (not extraction.sealed and extraction.status == ExtractionStatus.DRAWN
                  and permissions.can(actor, "record", EvaluationRecord(lot=lot)))
    return render(request, "experts/extraction_detail.html", {
        "extraction": extraction, "lot": lot, "visible": visible,
        "picks": selectors.extraction_picks(actor=actor, extraction=extraction),
        "history": selectors.extractions(actor=actor, lot=lot),
        "can_unseal": extraction.sealed and evaluation_over and permissions.can(actor, "unseal", extraction),
        "evaluation_over": evaluation_over,
        "is_requester_centre": is_requesting_centre(actor, extraction),
        "can_record": can_record,
        "records": selectors.evaluation_records(actor=actor, lot=lot) if not extraction.sealed else [],
        "can_redraw": (extraction.status == ExtractionStatus.DRAWN and not evaluation_over
                       and permissions.can(actor, "draw", extraction)),
    })


@login_required
@require_POST
def extraction_verify(request, pk):
    extraction = get_object_or_404(selectors.extractions(actor=request.user), pk=pk)
    permissions.require(request.user, "verify", extraction)
    try:
        result = services.extraction_verify(extraction)
    except services.ExtractionTampered as exc:
        for message in exc.messages:
            messages.error(request, _("验证失败：%(m)s") % {"m": message})
    else:
        messages.success(request, _("验证通过：按存储的随机种子和候选快照重新计算，%(n)d 条抽取记录与原结果完全一致"
                                    "（快照摘要 %(h)s…）") % {"n": result.picks, "h": result.snapshot_hash[:16]})
    return redirect(extraction)


@login_required
@require_POST
def extraction_unseal(request, pk):
    extraction = get_object_or_404(selectors.extractions(actor=request.user), pk=pk)
    try:
        services.extraction_unseal(extraction=extraction, actor=request.user)
    except ValidationError as exc:
        for message in _messages_of(exc):
            messages.error(request, message)
    else:
        messages.success(request, _("专家名单已解封"))
    return redirect(extraction)


@login_required
def evaluation_add(request, pk):
    actor = request.user
    extraction = get_object_or_404(selectors.extractions(actor=actor), pk=pk)
    permissions.require(actor, "record", EvaluationRecord(lot=extraction.lot))
    drawn = selectors.extraction_picks(actor=actor, extraction=extraction).filter(
        role__in=[PickRole.PRIMARY, PickRole.RESERVE]).values("expert")
    form = EvaluationRecordForm(request.POST or None, experts=Expert.objects.filter(pk__in=drawn).order_by("name"))
    if request.method == "POST" and form.is_valid():
        try:
            services.evaluation_record(extraction=extraction, actor=actor, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("已登记评标记录"))
            return redirect(extraction)
    return render(request, "experts/simple_form.html", {
        "form": form, "extraction": extraction, "title": _("登记评标记录"), "submit": _("保存")})
