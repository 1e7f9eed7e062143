"""A small declarative state machine shared by every workflow (complaints, cases, transfers, alerts …).

A workflow lists its states and transitions; each transition names the permission action it needs. Firing a
transition is one conditional UPDATE on (pk, state, state_version): if another officer moved the item first, the
update matches no row and :class:`StaleTransition` tells the second officer, so nobody processes an item twice.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record
from lianjian.core import permissions


class InvalidTransition(ValidationError):
    """The item is not in a state from which this transition can be taken."""


class StaleTransition(ValidationError):
    """Someone else changed the item since it was read."""


@dataclass(frozen=True)
class Transition:
    name: str
    source: tuple
    target: str
    permission: str
    label: str = ""


@dataclass
class Workflow:
    """``name`` prefixes audit actions (``complaint.accept``); ``states`` maps state code to label."""

    name: str
    states: dict
    transitions: list
    state_field: str = "state"
    version_field: str = "state_version"
    _by_name: dict = field(init=False, repr=False)

    def __post_init__(self):
        self._by_name = {}
        for t in self.transitions:
            unknown = {*t.source, t.target} - set(self.states)
            if unknown:
                raise ValueError(f"workflow {self.name}: transition {t.name} uses unknown states {sorted(unknown)}")
            self._by_name[t.name] = t

    def transition(self, name):
        try:
            return self._by_name[name]
        except KeyError:
            raise ValueError(f"workflow {self.name} has no transition {name!r}") from None

    def available(self, obj, actor):
        """Transitions the actor may take from the item's current state (for buttons on a page)."""
        state = getattr(obj, self.state_field)
        return [t for t in self.transitions if state in t.source and permissions.can(actor, t.permission, obj)]

    def fire(self, obj, name, *, actor, updates=None, detail=None):
        """Move ``obj`` along transition ``name``; ``updates`` are further field values written in the same
        UPDATE. Returns the refreshed object. Must be called by a service; runs in (or joins) a transaction."""
        t = self.transition(name)
        current = getattr(obj, self.state_field)
        permissions.require(actor, t.permission, obj)
        if current not in t.source:
            raise InvalidTransition(
                _("%(obj)s 当前状态为“%(state)s”，不能执行“%(action)s”")
                % {"obj": obj, "state": self.states.get(current, current), "action": t.label or t.name},
                code="invalid_transition",
            )
        model = type(obj)
        values = {self.state_field: t.target, self.version_field: F(self.version_field) + 1, **(updates or {})}
        with transaction.atomic():
            matched = model._default_manager.filter(
                pk=obj.pk,
                **{self.state_field: current, self.version_field: getattr(obj, self.version_field)},
            ).update(**values)
            if matched != 1:
                raise StaleTransition(
                    _("%(obj)s 已被他人处理，请刷新后重试") % {"obj": obj}, code="stale_transition"
                )
            obj.refresh_from_db()
            audit_record(
                actor=actor,
                action=f"{self.name}.{t.name}",
                obj=obj,
                before={self.state_field: current},
                after={self.state_field: t.target, **{k: v for k, v in (updates or {}).items()}},
                detail=detail,
            )
        return obj
