"""Credit feeds sampling: a penalty that lowers an entity's credit class moves its object to a riskier class
(the daily job `inspections.sync_credit`), which the next draw samples at a higher ratio."""

import datetime

import pytest

from lianjian.audit.models import AuditEntry
from lianjian.credit.models import RecordSource
from lianjian.credit.services import credit_record_add
from lianjian.experts.tests.factories import EntityFactory
from lianjian.inspections.services import objects_sync_credit
from lianjian.org.models import RoleCode
from lianjian.org.tests.factories import actor, city

from .factories import inspection_object, supervisor

pytestmark = pytest.mark.django_db


def test_a_repeated_collusion_penalty_moves_the_entitys_object_from_class_a_to_class_d_once():
    officer = actor(supervisor(city()), RoleCode.SUPERVISOR_OFFICER)
    entity = EntityFactory(name="杭州串标建设有限公司")
    obj = inspection_object(entity=entity, credit="A")
    untouched = inspection_object(entity=EntityFactory(), credit="A")
    for n in (1, 2):
        credit_record_add(entity=entity, kind="collusion", source=RecordSource.PENALTY_DECISION,
                          decided_on=datetime.date.today(), document_no=f"杭建罚〔2026〕{n}号",
                          description="串通投标", actor=officer)

    assert objects_sync_credit() == 1
    obj.refresh_from_db()
    untouched.refresh_from_db()
    assert (obj.credit_class.code, untouched.credit_class.code) == ("D", "A")
    assert AuditEntry.objects.filter(action="inspections.object.credit_sync").count() == 1
    assert objects_sync_credit() == 0
