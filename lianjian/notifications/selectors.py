from django.db.models import Case, IntegerField, Value, When

from lianjian.core import permissions

from .models import Notification


def notifications_for(*, actor, unread_only=False):
    """The actor's own notifications, unread first, newest first within each group.

    The explicit recipient filter keeps superusers (who pass every policy) to their own inbox too.
    """
    qs = permissions.scope(actor, "view", Notification.objects.all())
    if actor is not None and actor.is_authenticated:
        qs = qs.filter(recipient=actor)
    if unread_only:
        qs = qs.filter(read_at__isnull=True)
    unread_first = Case(When(read_at__isnull=True, then=Value(0)), default=Value(1), output_field=IntegerField())
    return qs.order_by(unread_first, "-created_at", "-id")


def unread_count(*, actor):
    return notifications_for(actor=actor, unread_only=True).count()
