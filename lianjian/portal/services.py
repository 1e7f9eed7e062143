"""Disclosure under the standard catalog: registering what must be published (with its time limit), publishing a
sanitized copy, withdrawing a mistaken one.

Other domains call :func:`disclosure_publish` when a decision becomes final, and :func:`disclosure_require` when
the information is formed but will be published later (the deadline then runs until it is).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record, snapshot
from lianjian.core import permissions
from lianjian.deadlines.models import ACTIVE_STATES
from lianjian.deadlines.selectors import deadlines_for_object
from lianjian.deadlines.services import deadline_cancel, deadline_meet, deadline_open
from lianjian.org import access

from .models import DisclosureCategory, DisclosureItem, Publication, PublicationState
from .sanitize import sanitize
from .sources import source_problem, source_region, source_secrets

TITLE_MAX_LENGTH = Publication._meta.get_field("title").max_length
REASON_MAX_LENGTH = Publication._meta.get_field("withdrawn_reason").max_length
# A complaint channel exists to be called: its phone numbers and addresses are the content.
CONTACT_CATEGORIES = {DisclosureCategory.COMPLAINT_CHANNEL}


def _item(item):
    if isinstance(item, DisclosureItem):
        found = item
    else:
        found = DisclosureItem.objects.filter(code=item).first()
        if found is None:
            raise ValidationError({"item": _("信息公开标准目录中没有事项“%(code)s”") % {"code": item}})
    if not found.is_active:
        raise ValidationError({"item": _("目录事项“%(item)s”已停用") % {"item": found}})
    return found


def _source_key(source_object):
    if source_object is None or not isinstance(getattr(source_object, "pk", None), int):
        raise ValidationError({"source_object": _("公开记录必须关联一个已保存的来源事项")})
    return ContentType.objects.get_for_model(source_object), source_object.pk


def _region(source_object, unit):
    return source_region(source_object) or unit.region


def _clean_title(title, secrets):
    title = sanitize(title, secrets=secrets)
    if not title:
        raise ValidationError({"title": _("请填写公开标题")})
    if len(title) > TITLE_MAX_LENGTH:
        raise ValidationError({"title": _("公开标题不能超过 %(n)d 个字") % {"n": TITLE_MAX_LENGTH}})
    return title


def _finish_deadlines(publication, actor, *, cancel_reason=None):
    for deadline in deadlines_for_object(publication).filter(state__in=ACTIVE_STATES):
        if cancel_reason:
            deadline_cancel(deadline=deadline, reason=cancel_reason, actor=actor)
        else:
            deadline_meet(deadline=deadline, actor=actor)


def disclosure_require(*, item, source_object, formed_on, title, actor, responsible_unit=None):
    """Record that ``source_object`` must be published under ``item`` and start the item's time limit from
    ``formed_on`` (the day the information was formed). The responsible unit defaults to the actor's."""
    item = _item(item)
    source_type, source_id = _source_key(source_object)
    unit = responsible_unit or access.actor_unit(actor)
    if unit is None:
        raise ValidationError({"responsible_unit": _("请指定负责公开的单位")})
    secrets = source_secrets(source_object)
    publication = Publication(item=item, source_type=source_type, source_id=source_id, unit=unit,
                              region=_region(source_object, unit), title=_clean_title(title, secrets),
                              formed_on=formed_on)
    permissions.require(actor, "require", publication)
    try:
        with transaction.atomic():
            publication.save()
            audit_record(actor=actor, action="portal.publication.require", obj=publication,
                         after=snapshot(publication))
            if item.deadline_rule_id:
                deadline_open(subject=publication, rule=item.deadline_rule, start=formed_on, responsible_unit=unit,
                              title=(_("公开：%(title)s") % {"title": publication.title})[:200], actor=actor)
    except IntegrityError:
        raise ValidationError({"source_object": _("该事项已登记过“%(item)s”的公开") % {"item": item}}) from None
    return publication


def disclosure_publish(*, item, source_object, title, body, actor, formed_on=None):
    """Publish a sanitized copy of ``source_object`` under catalog ``item``: plain text, identifiers and the
    source's protected personal details masked. Completes a registered pending record (meeting its deadline) or
    creates the record. A source still in draft is refused; publishing the same source twice is refused."""
    item = _item(item)
    source_type, source_id = _source_key(source_object)
    problem = source_problem(source_object)
    if problem:
        raise ValidationError({"source_object": problem})
    secrets = source_secrets(source_object)
    keep_contacts = item.category in CONTACT_CATEGORIES
    title = _clean_title(title, secrets)
    body = sanitize(body, secrets=secrets, keep_contacts=keep_contacts)
    if not body:
        raise ValidationError({"body": _("请填写公开正文")})
    unit = access.actor_unit(actor)
    if unit is None:
        raise ValidationError({"actor": _("公开人须属于一个成员单位")})
    now = timezone.now()
    try:
        with transaction.atomic():
            publication = (Publication.objects.select_for_update()
                           .filter(item=item, source_type=source_type, source_id=source_id).first())
            before = snapshot(publication) if publication else None
            if publication is None:
                publication = Publication(item=item, source_type=source_type, source_id=source_id, unit=unit,
                                          region=_region(source_object, unit),
                                          formed_on=formed_on or timezone.localdate(now))
            elif publication.state != PublicationState.PENDING:
                raise ValidationError({"source_object": _("该事项已按“%(item)s”公开过（%(state)s）") % {
                    "item": item, "state": publication.get_state_display()}})
            permissions.require(actor, "publish", publication)
            publication.title, publication.body = title, body
            publication.state, publication.published_at, publication.published_by = (
                PublicationState.PUBLISHED, now, actor)
            publication.state_version += 1
            publication.save()
            audit_record(actor=actor, action="portal.publication.publish", obj=publication, before=before,
                         after=snapshot(publication))
            _finish_deadlines(publication, actor)
    except IntegrityError:
        raise ValidationError({"source_object": _("该事项已按“%(item)s”公开过") % {"item": item}}) from None
    return publication


def disclosure_withdraw(*, publication, reason, actor):
    """Take a published record off the public site (e.g. published by mistake); the record itself stays."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("请填写撤回理由")})
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError({"reason": _("撤回理由不能超过 %(n)d 个字") % {"n": REASON_MAX_LENGTH}})
    permissions.require(actor, "withdraw", publication)
    with transaction.atomic():
        before = snapshot(publication)
        # Conditional on the state read: of two officers withdrawing at once, the second changes nothing.
        changed = Publication.objects.filter(
            pk=publication.pk, state__in=(PublicationState.PUBLISHED, PublicationState.PENDING),
            state_version=publication.state_version,
        ).update(state=PublicationState.WITHDRAWN, withdrawn_reason=reason,
                 state_version=publication.state_version + 1)
        if not changed:
            raise ValidationError({"publication": _("公开记录“%(title)s”已被他人处理，请刷新后查看") % {
                "title": publication.title}})
        publication.refresh_from_db()
        audit_record(actor=actor, action="portal.publication.withdraw", obj=publication, before=before,
                     after=snapshot(publication))
        _finish_deadlines(publication, actor, cancel_reason=_("公开记录已撤回"))
    return publication


def complaint_decision_publish(*, complaint, actor):
    """Publish a complaint's decision under catalog item ``complaint_decision``: the matter, the respondent, the
    outcome, the decision and its legal basis — never the filer (seed 002 §(九)), whose details are also masked
    wherever the decision text happens to repeat them."""
    body = "\n".join([
        _("投诉事项：%(title)s") % {"title": complaint.title},
        _("被投诉人：%(name)s") % {"name": complaint.respondent_name or "—"},
        _("处理结果：%(outcome)s") % {"outcome": complaint.get_outcome_display() or "—"},
        _("处理决定：%(text)s") % {"text": complaint.decision_text},
        _("法律依据：%(basis)s") % {"basis": complaint.legal_basis or "—"},
        _("处理单位：%(unit)s") % {"unit": complaint.handling_unit},
    ])
    decided = timezone.localdate(complaint.decided_at) if complaint.decided_at else None
    return disclosure_publish(item="complaint_decision", source_object=complaint,
                              title=_("投诉处理决定：%(title)s") % {"title": complaint.title}, body=body,
                              actor=actor, formed_on=decided)
