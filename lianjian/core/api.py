"""Shared REST API plumbing: errors from services become clear 4xx answers, never 500s."""

from django.core.exceptions import PermissionDenied, ValidationError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    if isinstance(exc, ValidationError):
        if hasattr(exc, "error_dict"):
            detail = {field: [str(m) for m in msgs] for field, msgs in exc.message_dict.items()}
        else:
            detail = {"detail": [str(m) for m in exc.messages]}
        code = getattr(exc, "code", None)
        status_code = status.HTTP_409_CONFLICT if code == "stale_transition" else status.HTTP_400_BAD_REQUEST
        return Response(detail, status=status_code)
    if isinstance(exc, PermissionDenied) and not isinstance(exc, exceptions.APIException):
        return Response({"detail": str(exc) or "permission denied"}, status=status.HTTP_403_FORBIDDEN)
    return drf_exception_handler(exc, context)
