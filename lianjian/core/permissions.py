"""One place that answers "may this actor do X to this object" and "which rows may this actor see".

Each domain registers a policy for its models (in its ``policies.py``, imported by its AppConfig.ready). Services
call :func:`require` before acting; selectors pass their QuerySets through :func:`scope`. A model with no policy
is denied to everyone but superusers, so forgetting to register one fails closed.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

_policies = {}


class AccessDenied(PermissionDenied):
    """Raised by services when the actor may not perform the action; the message says what and on which object."""


class Policy:
    """Permission policy for one model. Subclasses answer both questions for the actions they know."""

    def can(self, actor, action, obj=None):
        raise NotImplementedError

    def scope(self, actor, action, queryset):
        raise NotImplementedError


def register(model, policy):
    _policies[model._meta.label_lower] = policy
    return policy


def policy_for(model):
    label = model._meta.label_lower
    try:
        return _policies[label]
    except KeyError:
        return None


def _is_active(actor):
    return actor is not None and getattr(actor, "is_authenticated", False) and getattr(actor, "is_active", False)


def can(actor, action, obj=None, *, model=None):
    """Whether ``actor`` may perform ``action`` on ``obj`` (or on ``model`` in general when there is no object)."""
    if not _is_active(actor):
        return False
    if actor.is_superuser:
        return True
    target = model if obj is None else type(obj)
    policy = policy_for(target)
    if policy is None:
        return False
    return bool(policy.can(actor, action, obj))


def require(actor, action, obj=None, *, model=None):
    if not can(actor, action, obj, model=model):
        target = obj if obj is not None else (model._meta.verbose_name if model is not None else "")
        raise AccessDenied(_("无权执行“%(action)s”：%(target)s") % {"action": action, "target": target})


def scope(actor, action, queryset):
    """The rows of ``queryset`` on which ``actor`` may perform ``action`` (usually "view")."""
    if not _is_active(actor):
        return queryset.none()
    if actor.is_superuser:
        return queryset
    policy = policy_for(queryset.model)
    if policy is None:
        return queryset.none()
    return policy.scope(actor, action, queryset)
