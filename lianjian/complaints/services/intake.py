"""Receiving a complaint or report: online from the public, or registered by an officer from the window, phone,
fax, letter or e-mail in the same flow. Everything is validated before anything is written; the complaint, its
identity, its attachments, its deadlines and its audit entry are stored together or not at all."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum.cn import ric, uscc

from lianjian.audit.services import audit_record
from lianjian.core import permissions
from lianjian.deadlines.models import DeadlineRule
from lianjian.deadlines.services import deadline_open
from lianjian.notifications.models import Category
from lianjian.notifications.services import notification_send
from lianjian.trading.models import Lot

from ..models import Channel, Complaint, ComplaintAttachment, ComplaintIdentity, ComplaintKind, ObjectionMatter
from ..policies import HANDLING_ROLES
from ..requirements import acceptance_flags, missing_elements
from ..routing import competent_unit, complaint_sector
from ..rule_data import KIND_RULES
from .common import (
    attachment_errors, complaint_snapshot, deadline_title, markup_errors, mask_contact, mask_name,
    new_tracking_code,
)

TEXT_FIELDS = ("title", "project_reference", "respondent_name", "respondent_address", "respondent_contact",
               "respondent_credit_code", "facts", "requests", "evidence")
IDENTITY_FIELDS = ("name", "organisation_representative", "id_number", "address", "phone", "email")
DATE_FIELDS = ("known_on", "objection_raised_on", "objection_replied_on")


def _label(model, name):
    return str(model._meta.get_field(name).verbose_name)


def _field_errors(fields, identity, *, kind, anonymous, region, received_on):
    errors = {}
    if kind not in ComplaintKind.values:
        errors["kind"] = _("请选择类别（投诉、举报、政府采购质疑或投诉）")
    if region is None:
        errors["region"] = _("请选择事项所在的行政区划")
    if not fields.get("title"):
        errors["title"] = _("请填写事项标题")
    if fields.get("objection_matter") not in ObjectionMatter.values:
        errors["objection_matter"] = _("涉及事项“%(v)s”无效") % {"v": fields.get("objection_matter")}
    for name in TEXT_FIELDS:
        limit = Complaint._meta.get_field(name).max_length
        if limit and len(fields.get(name) or "") > limit:
            errors[name] = _("“%(field)s”不能超过 %(n)d 个字") % {"field": _label(Complaint, name), "n": limit}
    for name in IDENTITY_FIELDS:
        limit = ComplaintIdentity._meta.get_field(name).max_length
        if len(identity.get(name) or "") > limit:
            errors[name] = _("“%(field)s”不能超过 %(n)d 个字") % {"field": _label(ComplaintIdentity, name), "n": limit}
    errors.update(markup_errors({k: fields.get(k) for k in TEXT_FIELDS},
                                {k: _label(Complaint, k) for k in TEXT_FIELDS}))
    errors.update(markup_errors({k: identity.get(k) for k in IDENTITY_FIELDS},
                                {k: _label(ComplaintIdentity, k) for k in IDENTITY_FIELDS}))
    code = fields.get("respondent_credit_code")
    if code and not uscc.is_valid(code):
        errors["respondent_credit_code"] = _("统一社会信用代码“%(v)s”无效（应为18位且校验位正确，GB 32100）") % {"v": code}
    number = identity.get("id_number")
    if number and not (ric.is_valid(number) or uscc.is_valid(number)):
        errors["id_number"] = _("证件号码“%(v)s”不是有效的身份证号码或统一社会信用代码") % {"v": number}
    if identity.get("email"):
        try:
            validate_email(identity["email"])
        except ValidationError:
            errors["email"] = _("电子邮箱“%(v)s”格式不正确") % {"v": identity["email"]}
    for name in DATE_FIELDS:
        value = fields.get(name)
        if value is not None and value > received_on:
            errors[name] = _("“%(field)s”不能晚于收到日期 %(d)s") % {"field": _label(Complaint, name), "d": received_on}
    raised, replied = fields.get("objection_raised_on"), fields.get("objection_replied_on")
    if raised and replied and replied < raised:
        errors["objection_replied_on"] = _("收到异议（质疑）答复的日期不能早于提出异议（质疑）的日期")
    if anonymous and kind != ComplaintKind.REPORT:
        errors["anonymous"] = _("只有举报可以匿名；投诉须署具真实姓名、签字和有效联系方式（七部委令第11号第七条）")
    return errors


def _clean(data, identity):
    fields = {k: str(data.get(k) or "").strip() for k in (*TEXT_FIELDS, "objection_matter")}
    fields["respondent_credit_code"] = fields["respondent_credit_code"].upper()
    fields.update({k: data.get(k) for k in DATE_FIELDS})
    fields["signed"] = bool(data.get("signed"))
    identity = {k: (identity.get(k) or "").strip() for k in IDENTITY_FIELDS}
    return fields, identity


def _resolve_lot(data, fields):
    """A lot chosen by an officer, or a lot code the public typed; an unknown code stays as the project reference."""
    lot = data.get("lot")
    if lot is not None:
        return lot
    code = (data.get("lot_code") or "").strip()
    if not code:
        return None
    lot = Lot.objects.select_related("tender_project__sector", "supervising_unit", "region").filter(code=code).first()
    if lot is None and not fields["project_reference"]:
        fields["project_reference"] = code[:300]
    return lot


def _store_attachments(complaint, files, stored):
    """Write the files, remembering each in ``stored`` so the caller can remove them if the transaction fails."""
    for upload in files:
        attachment = ComplaintAttachment(complaint=complaint, original_name=upload.name[:200], size=upload.size)
        attachment.file.save(upload.name, upload, save=False)
        stored.append(attachment)
        attachment.save()


def _open_deadlines(complaint, *, start, actor):
    rules = KIND_RULES[complaint.kind]
    for step in ("accept", "decide"):
        code = rules[step]
        if code is None:
            continue
        rule = DeadlineRule.objects.filter(code=code).first()
        if rule is not None and not rule.is_active:
            continue  # an administrator switched this clock off for the jurisdiction
        deadline_open(subject=complaint, rule=code, start=start, responsible_unit=complaint.handling_unit,
                      title=deadline_title(complaint, rule.name if rule else code), actor=actor)


def handling_officers(unit):
    return list(get_user_model().objects.filter(unit=unit, is_active=True, roles__code__in=HANDLING_ROLES)
                .distinct())


def _notify_unit(complaint, *, subject):
    body = "\n".join([
        _("类别：%(kind)s") % {"kind": complaint.get_kind_display()},
        _("事项：%(title)s") % {"title": complaint.title},
        _("投诉（举报）人：%(who)s") % {"who": complaint.submitter_masked},
    ])
    recipients = handling_officers(complaint.handling_unit)
    transaction.on_commit(lambda: notification_send(recipients=recipients, subject=subject, body=body,
                                                    link=complaint.get_absolute_url(), category=Category.COMPLAINT))


def complaint_submit(*, data, identity=None, attachments=(), actor=None, channel=Channel.ONLINE, received_at=None):
    """File a complaint or report. ``actor`` None is the public one window: every missing required element is
    refused, each named. An officer registering an offline submission stores it whatever it lacks (nothing handed
    in is lost) with the missing elements listed for the 补正 notice or the non-acceptance decision.

    ``data``: kind, anonymous, title, region, sector, lot or lot_code, project_reference, respondent_*, facts,
    requests, evidence, signed, known_on, objection_matter, objection_raised_on, objection_replied_on.
    ``identity``: name, organisation_representative, id_number, address, phone, email."""
    if actor is not None:
        permissions.require(actor, "register", model=Complaint)
        if channel not in Channel.values:
            raise ValidationError({"channel": _("来源渠道“%(v)s”无效") % {"v": channel}})
    elif channel != Channel.ONLINE:
        raise ValidationError({"channel": _("线下渠道须由工作人员登记")})
    received_at = received_at or timezone.now()
    if actor is None and received_at > timezone.now():
        raise ValidationError({"received_at": _("收到时间不能晚于当前时间")})
    received_on = timezone.localdate(received_at)
    kind, anonymous = data.get("kind"), bool(data.get("anonymous"))
    fields, identity = _clean(data, identity or {})
    region = data.get("region")
    errors = _field_errors(fields, identity, kind=kind, anonymous=anonymous, region=region, received_on=received_on)
    if errors:
        raise ValidationError(errors)
    problems = missing_elements(kind=kind, anonymous=anonymous, fields=fields, identity=identity)
    if actor is None and problems:
        raise ValidationError({field: message for field, message in problems}, code="requirements")
    upload_problems = attachment_errors(list(attachments))
    if upload_problems:
        raise ValidationError({"attachments": upload_problems})
    lot = _resolve_lot(data, fields)
    sector = complaint_sector(kind=kind, sector=data.get("sector"), lot=lot)
    unit = competent_unit(region=lot.region if lot else region, sector=sector, lot=lot)
    filing_due, flags = acceptance_flags(
        kind=kind, received_on=received_on, known_on=fields["known_on"], objection_matter=fields["objection_matter"],
        objection_raised_on=fields["objection_raised_on"], objection_replied_on=fields["objection_replied_on"])
    if anonymous:
        identity = {k: "" for k in IDENTITY_FIELDS}
    complaint = Complaint(
        tracking_code=new_tracking_code(), kind=kind, channel=channel, anonymous=anonymous,
        submitter_masked=_("匿名") if anonymous or not identity["name"] else mask_name(identity["name"]),
        contact_masked=mask_contact(identity["phone"], identity["email"]),
        region=lot.region if lot else region, sector=sector, lot=lot, **fields,
        requirement_problems=[{"field": f, "message": m} for f, m in problems], acceptance_flags=flags,
        filing_due=filing_due, received_at=received_at, registered_by=actor,
        first_unit=actor.unit if actor is not None else unit, handling_unit=unit,
    )
    stored = []
    try:
        with transaction.atomic():
            complaint.save()
            if any(identity.values()):
                ComplaintIdentity.objects.create(complaint=complaint, **identity)
            _store_attachments(complaint, attachments, stored)
            # The statutory clock starts on receipt whoever registers it, so it is opened as system work: an
            # officer of the one window registering for another unit need not be allowed to open that unit's clocks.
            _open_deadlines(complaint, start=received_on, actor=None)
            audit_record(actor=actor, action="complaint.submit", obj=complaint, after=complaint_snapshot(complaint),
                         detail={"attachments": len(stored), "missing": [f for f, _m in problems]})
            _notify_unit(complaint, subject=_("收到新的%(kind)s：%(code)s") % {
                "kind": complaint.get_kind_display(), "code": complaint.tracking_code})
    except BaseException:
        for attachment in stored:
            attachment.file.delete(save=False)
        raise
    return complaint

