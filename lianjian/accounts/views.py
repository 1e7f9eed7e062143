from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from . import services
from .forms import TOTPCodeForm
from .sessions import PENDING, second_factor_pending, sign_in


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def totp_verify(request):
    """Second step of sign-in for a person with an authenticator: the password was right, now the code."""
    pending = second_factor_pending(request)
    user = pending and get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    if not user:
        messages.error(request, _("请重新输入用户名和密码。"))
        return redirect("web:login")
    form = TOTPCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ip = services.client_ip(request)
        remaining = services.login_lock_remaining(username=user.get_username(), ip=ip)
        if remaining:
            services.login_blocked_record(username=user.get_username(), ip=ip)
        elif services.totp_check(user=user, code=form.cleaned_data["code"]):
            sign_in(request, user, backend=pending["backend"])
            services.login_success_record(user=user, ip=ip, second_factor=True)
            return redirect(pending["next"])
        else:
            remaining = services.login_failure_record(username=user.get_username(), ip=ip, reason="totp")
            form.add_error("code", _("验证码不正确或已过期，请输入验证器应用当前显示的 6 位数字。"))
        if remaining:
            request.session.pop(PENDING, None)
            messages.error(request, services.lockout_message(remaining))
            return redirect("web:login")
    return render(request, "accounts/totp_verify.html", {"form": form})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def totp_enrol(request):
    """Bind an authenticator app: generate a secret, show it with its otpauth URI, confirm with a first code."""
    form = TOTPCodeForm(request.POST or None) if request.POST.get("step") == "confirm" else TOTPCodeForm()
    if request.method == "POST":
        try:
            if request.POST.get("step") == "confirm":
                if form.is_valid():
                    services.totp_enrol_confirm(actor=request.user, code=form.cleaned_data["code"])
                    messages.success(request, _("两步验证已启用：今后登录时需要输入验证器应用中的验证码。"))
                    return redirect("accounts:totp")
            else:
                services.totp_enrol_start(actor=request.user)
                return redirect("accounts:totp")
        except ValidationError as exc:
            for message in exc.message_dict.get("code", exc.messages):
                form.add_error("code", message)
    device = services.totp_device(request.user)
    return render(request, "accounts/totp_enrol.html", {
        "form": form, "device": device, "uri": services.totp_uri(device) if device else "",
        "required": services.totp_required(request.user),
    })
