"""Requests for non-public information between member units: request → approve (with confidentiality terms) or
refuse by the holder's head → deliver → the requester acknowledges the terms, after which it sees the delivery."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record, snapshot
from lianjian.core import permissions
from lianjian.notifications.services import notification_send
from lianjian.org.models import RoleCode

from ..models import InfoRequest
from ..workflows import REQUEST_FLOW
from .exchanges import MAX_FILE_BYTES

SUBJECT_MAX_LENGTH = InfoRequest._meta.get_field("subject").max_length


def _notify(people, subject, request, actor):
    notification_send(recipients=people, subject=subject, body=request.subject, link=request.get_absolute_url(),
                      actor=actor)


def info_request_create(*, holder_unit, subject, purpose, actor):
    probe = InfoRequest(requesting_unit=actor.unit, holder_unit=holder_unit)
    permissions.require(actor, "request", probe)
    subject, purpose = (subject or "").strip(), (purpose or "").strip()
    errors = {}
    if holder_unit is None:
        errors["holder_unit"] = _("请选择信息持有单位")
    elif holder_unit.pk == actor.unit_id:
        errors["holder_unit"] = _("不能向本单位申请调用信息")
    if not subject:
        errors["subject"] = _("请填写所需信息")
    elif len(subject) > SUBJECT_MAX_LENGTH:
        errors["subject"] = _("所需信息不能超过 %(n)d 个字符") % {"n": SUBJECT_MAX_LENGTH}
    if not purpose:
        errors["purpose"] = _("请说明用途及依据")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        request = InfoRequest.objects.create(requesting_unit=actor.unit, holder_unit=holder_unit,
                                             requested_by=actor, subject=subject, purpose=purpose)
        audit_record(actor=actor, action="sharing.info_request.create", obj=request, after=snapshot(request))
        heads = holder_unit.people.filter(is_active=True, roles__code=RoleCode.UNIT_HEAD)
        _notify(heads, _("待审批：%(unit)s 申请调用非公开信息") % {"unit": actor.unit}, request, actor)
    return request


def info_request_decide(*, request, approve, actor, terms="", note=""):
    """The holder's head approves (naming the confidentiality terms the requester must accept) or refuses
    (with reasons)."""
    terms, note = (terms or "").strip(), (note or "").strip()
    if approve and not terms:
        raise ValidationError({"terms": _("同意提供时须写明保密要求")})
    if not approve and not note:
        raise ValidationError({"note": _("不予提供时须说明理由")})
    updates = {"decided_by": actor, "decided_at": timezone.now(), "decision_note": note}
    if approve:
        updates["confidentiality_terms"] = terms
    with transaction.atomic():
        request = REQUEST_FLOW.fire(request, "approve" if approve else "refuse", actor=actor, updates=updates)
        subject = _("非公开信息调用申请已同意") if approve else _("非公开信息调用申请未获同意")
        _notify([request.requested_by], subject, request, actor)
    return request


def info_request_deliver(*, request, actor, note="", file=None):
    note = (note or "").strip()
    if not note and file is None:
        raise ValidationError({"note": _("请填写提供的信息或上传文件")})
    if file is not None and file.size > MAX_FILE_BYTES:
        raise ValidationError({"file": _("文件“%(name)s”超过 %(mb)d MB") % {
            "name": file.name, "mb": MAX_FILE_BYTES // 1024 // 1024}})
    with transaction.atomic():
        request = REQUEST_FLOW.fire(request, "deliver", actor=actor, updates={
            "delivered_by": actor, "delivered_at": timezone.now(), "delivery_note": note})
        if file is not None:
            request.delivery_file.save(file.name, file, save=False)
            InfoRequest.objects.filter(pk=request.pk).update(delivery_file=request.delivery_file.name)
        _notify([request.requested_by], _("所申请的非公开信息已提供，请确认保密要求后查看"), request, actor)
    return request


def info_request_acknowledge(*, request, accept_terms, actor):
    """The requester accepts the confidentiality terms; only then is the delivered information shown to it."""
    if not accept_terms:
        raise ValidationError({"accept_terms": _("须确认遵守保密要求后方可查看所提供的信息")})
    with transaction.atomic():
        request = REQUEST_FLOW.fire(request, "acknowledge", actor=actor, updates={
            "acknowledged_by": actor, "acknowledged_at": timezone.now()})
    return request
