"""Sending notifications and marking them read.

Other domains call :func:`notification_send` from inside their own services, after they have checked that their
actor may perform the action that causes the notification; sending itself therefore needs no permission of its
own, and ``actor`` may be None for system work (scheduled reminders, background jobs).
"""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record
from lianjian.core import permissions

from .models import Category, Notification

logger = logging.getLogger(__name__)

SUBJECT_MAX_LENGTH = Notification._meta.get_field("subject").max_length
LINK_MAX_LENGTH = Notification._meta.get_field("link").max_length


def _validate(*, subject, link, category):
    errors = {}
    if not subject or not subject.strip():
        errors["subject"] = _("标题不能为空")
    elif len(subject) > SUBJECT_MAX_LENGTH:
        errors["subject"] = _("标题不能超过 %(n)d 个字符") % {"n": SUBJECT_MAX_LENGTH}
    if link and (not link.startswith("/") or link.startswith("//") or len(link) > LINK_MAX_LENGTH):
        errors["link"] = _("链接须为本站以“/”开头的路径，且不超过 %(n)d 个字符") % {"n": LINK_MAX_LENGTH}
    if category not in Category.values:
        errors["category"] = _("未知的消息类别“%(category)s”") % {"category": category}
    if errors:
        raise ValidationError(errors)


def _distinct_active(recipients):
    seen = set()
    users = []
    for user in recipients:
        if user is None or not user.is_active or user.pk in seen:
            continue
        seen.add(user.pk)
        users.append(user)
    return users


def _email_text(notification):
    text = notification.body
    if notification.link:
        # LIANJIAN_SITE_URL (e.g. https://lianjian.example.gov.cn) turns the stored path into a clickable address.
        text = f"{text}\n\n{getattr(settings, 'LIANJIAN_SITE_URL', '')}{notification.link}"
    return text


def _email_notifications(notification_ids):
    """Runs after the sending transaction committed: one message per recipient so addresses are never shared.
    A failing mail server leaves emailed_at empty for the messages it refused; the in-app notification stands."""
    notifications = Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True).select_related(
        "recipient"
    )
    sent = []
    with get_connection() as connection:
        for notification in notifications:
            message = EmailMessage(
                subject=_("【联监】%(subject)s") % {"subject": notification.subject},
                body=_email_text(notification),
                to=[notification.recipient.email],
                connection=connection,
            )
            try:
                message.send()
            except Exception:
                logger.exception("e-mail for notification %s to %s failed", notification.pk,
                                 notification.recipient.email)
                continue
            sent.append(notification.pk)
    if sent:
        Notification.objects.filter(pk__in=sent).update(emailed_at=timezone.now())


def notification_send(*, recipients, subject, body, link="", category=Category.SYSTEM, actor=None):
    """Create one in-app notification per distinct active recipient; e-mail those with an address once the
    surrounding transaction commits (nothing is mailed if it rolls back). Returns the notifications created."""
    _validate(subject=subject, link=link, category=category)
    users = _distinct_active(recipients)
    if not users:
        return []
    with transaction.atomic():
        notifications = Notification.objects.bulk_create(
            [Notification(recipient=u, category=category, subject=subject.strip(), body=body, link=link)
             for u in users]
        )
        audit_record(
            actor=actor,
            action="notifications.notification.send",
            detail={"recipients": len(notifications), "category": category, "subject": subject.strip(),
                    "recipient_ids": [u.pk for u in users]},
        )
        to_email = [n.pk for n, u in zip(notifications, users) if u.email]
        if to_email:
            transaction.on_commit(lambda: _email_notifications(to_email), robust=True)
    return notifications


def notification_mark_read(*, notification, actor):
    permissions.require(actor, "mark_read", notification)
    # Superusers pass every policy, but nobody may mark someone else's message as read.
    if notification.recipient_id != actor.pk:
        raise permissions.AccessDenied(_("只能将自己的消息标为已读：%(n)s") % {"n": notification})
    with transaction.atomic():
        now = timezone.now()
        changed = Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=now)
        if changed:
            audit_record(actor=actor, action="notifications.notification.mark_read", obj=notification,
                         before={"read_at": None}, after={"read_at": now})
    notification.refresh_from_db(fields=["read_at"])
    return notification


def notification_mark_all_read(*, actor):
    """Mark every unread notification of the actor read; returns how many changed."""
    if actor is None or not actor.is_authenticated:
        raise permissions.AccessDenied(_("请先登录"))
    with transaction.atomic():
        changed = Notification.objects.filter(recipient=actor, read_at__isnull=True).update(read_at=timezone.now())
        if changed:
            audit_record(actor=actor, action="notifications.notification.mark_all_read", detail={"count": changed})
    return changed
