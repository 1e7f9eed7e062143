"""Factories and helpers for the credit domain; trading rows come from the experts app's factories."""

import datetime

from django.utils import timezone

from lianjian.credit import services
from lianjian.credit.models import CreditList, Memorandum, RecordSource
from lianjian.experts.tests.factories import BidFactory, EntityFactory, LotFactory  # noqa: F401  re-exported


def memorandum_457():
    return Memorandum.objects.get(code="发改法规〔2018〕457号")


def penalty(actor, entity, *, kind="collusion", document_no="杭建罚〔2025〕1号", decided_on=None, **kwargs):
    """A penalty decision's credit record, as the cases domain would add it."""
    fields = {"source": RecordSource.PENALTY_DECISION, "description": "与其他投标人串通投标",
              "decided_on": decided_on or timezone.localdate()}
    fields.update(kwargs)
    return services.credit_record_add(entity=entity, kind=kind, document_no=document_no, actor=actor, **fields)


def blacklist(actor, *, entity=None, expert=None, months=12, starts_on=None, **kwargs):
    """A 严重失信主体名单 entry under memorandum 457, running ``months`` months from ``starts_on``."""
    start = starts_on or timezone.localdate()
    fields = {"legal_basis": "招标投标法实施条例 第67条", "document_no": "杭建信〔2025〕8号",
              "facts": "三年内两次串通投标", "internal_note": "举报人：张某，电话13800000000",
              "published": True, "memorandum": memorandum_457()}
    fields.update(kwargs)
    end = datetime.date(start.year + (start.month - 1 + months) // 12, (start.month - 1 + months) % 12 + 1,
                        min(start.day, 28))
    return services.list_entry_add(credit_list=CreditList.BLACKLIST, entity=entity, expert=expert, starts_on=start,
                                   ends_on=end, actor=actor, **fields)
