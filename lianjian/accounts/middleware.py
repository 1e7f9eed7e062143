import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import services
from .sessions import AUTH_AT


class SessionLimitsMiddleware:
    """Ends a session past its absolute lifetime (the idle limit is the session cookie's age, renewed on every
    request), and keeps a person whose role requires a second factor on the enrolment page until they have one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            # Sessions begun without the sign-in form (the test client's force_login) start their clock now.
            started = request.session.setdefault(AUTH_AT, time.time())
            if time.time() - started > settings.LIANJIAN_SESSION_ABSOLUTE_SECONDS:
                logout(request)
                messages.info(request, _("登录已超过最长时限，请重新登录。"))
            elif not self._exempt(request.path) and services.totp_required(user) and not services.totp_enrolled(user):
                if request.path.startswith("/api/"):
                    return JsonResponse({"detail": _("您的角色要求启用两步验证，请先在网页上绑定验证器。")}, status=403)
                return redirect("accounts:totp")
        return self.get_response(request)

    @staticmethod
    def _exempt(path):
        allowed = (reverse("accounts:totp"), reverse("web:logout"), reverse("set_language"), reverse("web:health"))
        return path in allowed or path.startswith(settings.STATIC_URL)
