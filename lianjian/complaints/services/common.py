"""Helpers shared by the complaint services: masking, tracking codes, the deadlines a complaint runs under, the
attachment limits and the check that refuses markup in free text."""

import re
import secrets

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from lianjian.audit.services import snapshot
from lianjian.deadlines.models import ACTIVE_STATES, Deadline

from ..models import Complaint
from ..rule_data import ATTACHMENT_LIMITS

TRACKING_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read out over the phone without mistakes
TRACKING_LENGTH = 12
MARKUP = re.compile(r"<\s*[/!?a-zA-Z]")

# What the audit log keeps of a complaint: never the filer's identity, which lives in ComplaintIdentity.
AUDIT_FIELDS = {
    "tracking_code", "kind", "channel", "anonymous", "submitter_masked", "title", "region", "sector", "lot",
    "handling_unit", "state", "power_item", "outcome", "rejection_reasons", "correction_items", "withdrawn_reason",
}


def complaint_snapshot(complaint):
    return snapshot(complaint, fields=AUDIT_FIELDS)


def new_tracking_code():
    while True:
        code = "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(TRACKING_LENGTH))
        if not Complaint.objects.filter(tracking_code=code).exists():
            return code


def normalise_tracking_code(value):
    return re.sub(r"[\s-]", "", value or "").upper()


def mask_name(name):
    name = (name or "").strip()
    if len(name) <= 1:
        return "*"
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * min(len(name) - 2, 8) + name[-1]


def mask_contact(phone="", email=""):
    digits = re.sub(r"\D", "", phone or "")
    if len(digits) >= 7:
        return f"{digits[:3]}****{digits[-4:]}"
    if email and "@" in email:
        local, domain = email.split("@", 1)
        return f"{local[:1]}***@{domain}"
    return "****" if (phone or email) else ""


def markup_errors(values, labels):
    """Free text is shown to officers and printed: refuse anything that looks like HTML or script outright."""
    return {key: _("“%(field)s”不能包含 HTML 标记或脚本") % {"field": labels[key]}
            for key, value in values.items() if isinstance(value, str) and MARKUP.search(value)}


def attachment_limits():
    return {**ATTACHMENT_LIMITS, **getattr(settings, "LIANJIAN_COMPLAINT_ATTACHMENTS", {})}


def attachment_errors(files):
    """One message per offending file, naming it: count, size, type and content (a renamed file is refused)."""
    limits = attachment_limits()
    problems = []
    if len(files) > limits["max_files"]:
        problems.append(_("附件最多 %(n)d 个，收到 %(got)d 个") % {"n": limits["max_files"], "got": len(files)})
    allowed = ", ".join(sorted(limits["types"]))
    for upload in files:
        name = upload.name or ""
        ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if ext not in limits["types"]:
            problems.append(_("附件“%(name)s”的类型不允许，只接受：%(types)s") % {"name": name, "types": allowed})
            continue
        if upload.size > limits["max_bytes"]:
            problems.append(_("附件“%(name)s”超过大小上限 %(mb).1f MB") % {
                "name": name, "mb": limits["max_bytes"] / 1024 / 1024})
            continue
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        if not any(head.startswith(magic) for magic in limits["types"][ext]):
            problems.append(_("附件“%(name)s”的内容与扩展名 .%(ext)s 不符") % {"name": name, "ext": ext})
    return problems


def complaint_deadlines(complaint):
    return Deadline.objects.filter(content_type=ContentType.objects.get_for_model(Complaint),
                                   object_id=complaint.pk).select_related("rule").order_by("pk")


def active_deadline(complaint, rule_code):
    if rule_code is None:
        return None
    return complaint_deadlines(complaint).filter(rule__code=rule_code, state__in=ACTIVE_STATES).first()


def deadline_title(complaint, rule_name):
    # Titles travel into reminders and "my deadlines": the tracking code and kind identify the matter, no person.
    return f"{complaint.get_kind_display()} {complaint.tracking_code}：{rule_name}"
