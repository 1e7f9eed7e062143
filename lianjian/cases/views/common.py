"""Page helpers shared by the clue, case and transfer views."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect

PAGE_SIZE = 30


def error_texts(exc):
    if hasattr(exc, "message_dict"):
        return [m for msgs in exc.message_dict.values() for m in msgs]
    return getattr(exc, "messages", None) or [str(exc)]


def attach_errors(form, exc):
    """Put a service's ValidationError next to the form's fields (unknown keys go to the summary)."""
    if hasattr(exc, "message_dict"):
        for field, msgs in exc.message_dict.items():
            for msg in msgs:
                form.add_error(field if field in form.fields else None, msg)
    else:
        for msg in error_texts(exc):
            form.add_error(None, msg)


def act(request, obj, form, call, done):
    """Run ``call(cleaned_data)`` for a valid action form on the version the officer saw; report the outcome."""
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}：{'；'.join(errors)}" if label else "；".join(errors))
        return redirect(obj)
    if "state_version" in form.cleaned_data:
        obj.state_version = form.cleaned_data["state_version"]
    try:
        call(form.cleaned_data)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, "；".join(str(m) for m in error_texts(exc)))
    else:
        messages.success(request, done)
    return redirect(obj)


def paginate(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
