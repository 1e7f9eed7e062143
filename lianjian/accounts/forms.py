from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import services


class ThrottledAuthenticationForm(AuthenticationForm):
    """Django's sign-in form with the lockout in front of the password check and every failure counted."""

    def clean(self):
        username = self.data.get("username", "")
        ip = services.client_ip(self.request)
        remaining = services.login_lock_remaining(username=username, ip=ip)
        if remaining:
            services.login_blocked_record(username=username, ip=ip)
            raise ValidationError(services.lockout_message(remaining), code="locked")
        try:
            return super().clean()
        except ValidationError:
            locked = services.login_failure_record(username=username, ip=ip, reason="password")
            if locked:
                raise ValidationError(services.lockout_message(locked), code="locked") from None
            raise


class TOTPCodeForm(forms.Form):
    code = forms.CharField(label=_("验证码"), max_length=10, error_messages={"required": _("请输入 6 位验证码。")})
