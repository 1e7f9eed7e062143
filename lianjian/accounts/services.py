"""Sign-in throttling and the TOTP second factor.

Failures are counted in the database, not a per-process cache, so every web process of a deployment shares the
count and a test's rollback clears it. The messages never say whether a username exists: an unknown name is
counted and locked exactly like a real one.
"""

import math
import time
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record
from lianjian.core import permissions

from . import totp
from .models import LoginThrottle, TOTPDevice

ISSUER = "联监"


def client_ip(request):
    """The caller's address; behind a TLS proxy, from the header that proxy sets (LIANJIAN_CLIENT_IP_HEADER)."""
    header = settings.LIANJIAN_CLIENT_IP_HEADER
    value = request.META.get(header, "") if header else ""
    return (value.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "")) [:64]


def _keys(username, ip):
    name = (username or "").strip().lower()[:150]
    return [
        (f"user-ip:{name}|{ip}", settings.LIANJIAN_LOGIN_MAX_FAILURES),
        (f"user:{name}", settings.LIANJIAN_LOGIN_MAX_FAILURES_PER_USERNAME),
        (f"ip:{ip}", settings.LIANJIAN_LOGIN_MAX_FAILURES_PER_IP),
    ]


def _known_user(username):
    return get_user_model().objects.filter(username__iexact=(username or "").strip()).first()


def lockout_message(remaining):
    minutes = max(1, math.ceil(remaining.total_seconds() / 60))
    return _("登录尝试失败次数过多，已暂时锁定，请 %(minutes)d 分钟后再试。") % {"minutes": minutes}


def login_lock_remaining(*, username, ip):
    """How long sign-in stays locked for this username from this address (None: not locked)."""
    now = timezone.now()
    until = (LoginThrottle.objects.filter(key__in=[key for key, _ in _keys(username, ip)], locked_until__gt=now)
             .order_by("-locked_until").values_list("locked_until", flat=True).first())
    return until - now if until else None


def _throttle_row(key):
    try:
        with transaction.atomic():
            return LoginThrottle.objects.select_for_update().get_or_create(key=key)[0]
    except IntegrityError:
        # Two failures at once both tried to create the row; the loser locks the winner's.
        return LoginThrottle.objects.select_for_update().get(key=key)


def login_failure_record(*, username, ip, reason):
    """Count one failed password or code. Returns the remaining lock time when this failure locked sign-in."""
    now = timezone.now()
    window = timedelta(seconds=settings.LIANJIAN_LOGIN_FAILURE_WINDOW_SECONDS)
    lockout = timedelta(seconds=settings.LIANJIAN_LOGIN_LOCKOUT_SECONDS)
    user = _known_user(username)
    locked = []
    with transaction.atomic():
        for key, limit in _keys(username, ip):
            row = _throttle_row(key)
            if row.window_started_at is None or row.window_started_at <= now - window:
                row.failures, row.window_started_at = 0, now
            row.failures += 1
            if row.failures >= limit:
                row.locked_until, row.failures, row.window_started_at = now + lockout, 0, None
                locked.append(key.split(":", 1)[0])
            row.save()
        detail = {"username": (username or "")[:150], "ip": ip, "reason": reason}
        audit_record(actor=None, action="auth.login_failed", obj=user, detail=detail)
        if locked:
            audit_record(actor=None, action="auth.locked", obj=user,
                         detail={**detail, "keys": locked, "until": now + lockout})
    return lockout if locked else None


def login_blocked_record(*, username, ip):
    """A sign-in refused because of a lock: logged, not counted (counting would extend the lock forever)."""
    audit_record(actor=None, action="auth.login_blocked", obj=_known_user(username),
                 detail={"username": (username or "")[:150], "ip": ip})


def login_success_record(*, user, ip, second_factor):
    """A completed sign-in clears the counts for this username; the address count runs out on its own, so one
    valid account cannot be used to reset an address that is guessing others' passwords."""
    name = user.get_username().lower()
    with transaction.atomic():
        LoginThrottle.objects.filter(key__in=[f"user-ip:{name}|{ip}", f"user:{name}"]).delete()
        audit_record(actor=user, action="auth.login", obj=user, detail={"ip": ip, "second_factor": second_factor})


def totp_required(user):
    required = set(settings.LIANJIAN_TOTP_REQUIRED_ROLES)
    return bool(required) and user.is_authenticated and bool(user.role_codes() & required)


def totp_device(user):
    return TOTPDevice.objects.filter(user=user).first() if user.is_authenticated else None


def totp_enrolled(user):
    return TOTPDevice.objects.filter(user=user, confirmed_at__isnull=False).exists()


def totp_enrol_start(*, actor):
    """A new secret for the actor's authenticator app; it protects sign-in only once confirmed with a code."""
    device = totp_device(actor)
    if device is not None and device.confirmed:
        permissions.require(actor, "change", device)
        raise ValidationError({"code": [_("已启用两步验证，无需重复绑定。")]})
    with transaction.atomic():
        if device is None:
            device = TOTPDevice(user=actor)
        permissions.require(actor, "change", device)
        device.secret = totp.new_secret()
        device.last_step = 0
        device.save()
        audit_record(actor=actor, action="auth.totp_enrol_start", obj=device)
    return device


def _accept_code(device, code):
    """Whether ``code`` is valid now and not used before. The step is claimed with one conditional UPDATE, so the
    same code presented twice at once succeeds only once."""
    step = totp.matching_step(device.secret, code, time.time())
    if step is None:
        return False
    return TOTPDevice.objects.filter(pk=device.pk, last_step__lt=step).update(last_step=step) == 1


def totp_enrol_confirm(*, actor, code):
    device = totp_device(actor)
    if device is None:
        raise ValidationError({"code": [_("请先生成密钥。")]})
    permissions.require(actor, "change", device)
    with transaction.atomic():
        if not _accept_code(device, code):
            raise ValidationError({"code": [_("验证码不正确或已过期，请输入验证器应用当前显示的 6 位数字。")]})
        device.confirmed_at = timezone.now()
        device.save(update_fields=["confirmed_at"])
        audit_record(actor=actor, action="auth.totp_enrolled", obj=device)
    return device


def totp_check(*, user, code):
    """The second step of sign-in: whether ``code`` is the user's current, unused code."""
    device = TOTPDevice.objects.filter(user=user, confirmed_at__isnull=False).first()
    return device is not None and _accept_code(device, code)


def totp_uri(device):
    return totp.provisioning_uri(secret=device.secret, account=device.user.get_username(), issuer=ISSUER)
