from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from lianjian.core import permissions

from . import selectors


@login_required
def entry_list(request):
    entries = selectors.audit_entries(actor=request.user)
    action = request.GET.get("action", "").strip()
    if action:
        entries = entries.filter(action__icontains=action)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "audit/list.html", {"page": page, "action": action})


@login_required
def object_history(request, object_type, object_id):
    try:
        model = apps.get_model(object_type)
    except (LookupError, ValueError):
        raise Http404 from None
    obj = model._default_manager.filter(pk=object_id).first()
    if obj is None:
        raise Http404
    permissions.require(request.user, "view", obj)
    entries = selectors.audit_entries_for_object(actor=request.user, obj=obj)
    return render(request, "audit/history.html", {"obj": obj, "entries": entries})
