"""What the session remembers about sign-in: when it completed (for the absolute limit) and, between the
password and the code, whose password was right."""

import time

from django.contrib.auth import login

AUTH_AT = "lianjian_auth_at"
PENDING = "lianjian_pending_login"
# A password check is good for this long while the person types the code.
PENDING_SECONDS = 300


def second_factor_begin(request, user, next_url):
    request.session.cycle_key()
    request.session[PENDING] = {"user": user.pk, "backend": user.backend, "next": next_url, "at": time.time()}


def second_factor_pending(request):
    pending = request.session.get(PENDING)
    if pending and time.time() - pending["at"] <= PENDING_SECONDS:
        return pending
    request.session.pop(PENDING, None)
    return None


def sign_in(request, user, backend=None):
    request.session.pop(PENDING, None)
    login(request, user, backend=backend)
    request.session[AUTH_AT] = time.time()
