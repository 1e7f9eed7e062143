from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services

PAGE_SIZE = 50


def _back(request):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect("notifications:inbox")


@login_required
def inbox(request):
    unread_only = request.GET.get("unread") == "1"
    notifications = selectors.notifications_for(actor=request.user, unread_only=unread_only)
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/inbox.html", {
        "page": page,
        "unread_only": unread_only,
        "unread": selectors.unread_count(actor=request.user),
    })


@login_required
@require_POST
def mark_read(request, pk):
    notification = get_object_or_404(selectors.notifications_for(actor=request.user), pk=pk)
    notification = services.notification_mark_read(notification=notification, actor=request.user)
    if request.htmx:
        return render(request, "notifications/_row.html", {"n": notification, "next": request.POST.get("next", "")})
    return _back(request)


@login_required
@require_POST
def mark_all_read(request):
    changed = services.notification_mark_all_read(actor=request.user)
    messages.success(request, _("已将 %(n)d 条消息标为已读") % {"n": changed})
    return redirect(reverse("notifications:inbox"))
