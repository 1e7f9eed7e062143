"""Helpers shared by the public and officer pages."""

from django.utils.translation import gettext as _

from ..services.common import attachment_limits

PAGE_SIZE = 50
SUBMITTED_SESSION_KEY = "complaints_submitted_code"


def apply_errors(form, exc):
    """Put a service's ValidationError on the form fields it names, the rest above the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            for error in errors:
                form.add_error(field if field in form.fields else None, error.messages)
    else:
        form.add_error(None, exc.messages)


def attachment_help():
    limits = attachment_limits()
    return _("可上传 %(n)d 个以内文件，每个不超过 %(mb).0f MB，类型：%(types)s") % {
        "n": limits["max_files"], "mb": limits["max_bytes"] / 1024 / 1024,
        "types": "、".join(sorted(limits["types"]))}
