import time

from lianjian.accounts import totp
from lianjian.accounts.models import TOTPDevice


def enrolled_device(user):
    """An authenticator already bound to ``user``, as after the enrolment page."""
    from django.utils import timezone

    return TOTPDevice.objects.create(user=user, secret=totp.new_secret(), confirmed_at=timezone.now())


def current_code(device, offset_steps=0):
    """What the person's phone shows now (or ``offset_steps`` periods later)."""
    return totp.hotp(device.secret, totp.step_at(time.time()) + offset_steps)
