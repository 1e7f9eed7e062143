"""The requirement check (要件审查) of a complaint against rules.md §2–3.

:func:`missing_elements` names each required element that is absent (七部委令第11号 第七条); :func:`acceptance_flags`
works out when the filing period ended and which grounds for non-acceptance the officer must look at (out of time,
objection or challenge required first). Neither writes anything.
"""

import datetime

from django.utils.translation import gettext as _

from lianjian.deadlines.services import deadline_rule_due

from .models import ComplaintKind
from .rule_data import KIND_RULES, NON_ACCEPTANCE_REASONS, REPORT_ELEMENTS, REQUIRED_ELEMENTS

IDENTITY_ELEMENTS = ("name", "address", "phone")


def _present(value):
    if isinstance(value, str):
        return bool(value.strip())
    return bool(value)


def missing_elements(*, kind, anonymous, fields, identity):
    """(field, message) for each required element that is missing. ``fields`` and ``identity`` are dicts of the
    submitted values; a report may be anonymous, so its filer's identity is not required."""
    if kind == ComplaintKind.REPORT:
        wanted = REPORT_ELEMENTS
    else:
        wanted = tuple(REQUIRED_ELEMENTS)
    problems = []
    for key in wanted:
        source = identity if key in IDENTITY_ELEMENTS else fields
        if not _present((source or {}).get(key)):
            problems.append((key, _("缺少要件：%(element)s") % {"element": REQUIRED_ELEMENTS[key]}))
    if kind != ComplaintKind.REPORT and anonymous:
        problems.append(("anonymous", _("只有举报可以匿名；投诉须署具真实姓名、签字和有效联系方式（七部委令第11号第七条）")))
    return problems


def _due(rule, start):
    return deadline_rule_due(rule=rule, start=start).due


def filing_due(*, kind, known_on, objection_raised_on=None, objection_replied_on=None):
    """The last day the complaint could be filed, or None when the law sets no period or the dates are unknown.

    工程建设: 10 days from when the complainant knew, the time the objection waited for its reply not counted
    (条例 第60条), so the start moves by that many days. 政府采购 complaint: 15 working days after the challenge
    reply period (7 working days from the challenge) ended (政府采购法 第55条)."""
    rule = KIND_RULES[kind]["filing"]
    if rule is None:
        return None
    if kind == ComplaintKind.GP_COMPLAINT:
        if objection_raised_on is None:
            return None
        reply_period_end = _due("gp_challenge_reply", objection_raised_on)
        return _due(rule, reply_period_end)
    if known_on is None:
        return None
    start = known_on
    if kind == ComplaintKind.COMPLAINT and objection_raised_on and objection_replied_on \
            and objection_replied_on >= objection_raised_on:
        start = known_on + datetime.timedelta(days=(objection_replied_on - objection_raised_on).days)
    return _due(rule, start)


def acceptance_flags(*, kind, received_on, known_on, objection_matter, objection_raised_on, objection_replied_on):
    """(filing due date, [{"code", "message"}]) — grounds the officer must weigh before accepting."""
    due = filing_due(kind=kind, known_on=known_on, objection_raised_on=objection_raised_on,
                     objection_replied_on=objection_replied_on)
    flags = []
    if due is not None and received_on > due:
        flags.append({"code": "out_of_time", "message": _("%(reason)s：法定期限截止于 %(due)s，收到于 %(received)s") % {
            "reason": NON_ACCEPTANCE_REASONS["out_of_time"], "due": due.isoformat(),
            "received": received_on.isoformat()}})
    if kind == ComplaintKind.COMPLAINT and objection_matter and objection_raised_on is None:
        flags.append({"code": "no_objection", "message": _(
            "%(reason)s：对资格预审文件、招标文件、开标和评标结果的投诉，应先向招标人提出异议（招标投标法实施条例第二十二条、"
            "第四十四条、第五十四条、第六十条）") % {"reason": NON_ACCEPTANCE_REASONS["no_objection"]}})
    if kind == ComplaintKind.GP_COMPLAINT and objection_raised_on is None:
        flags.append({"code": "no_objection", "message": _(
            "政府采购投诉事项应当是经过质疑的事项，未见提出质疑的日期（财政部令第94号第十九条）")})
    return due, flags
