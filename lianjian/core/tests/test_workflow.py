import threading

import pytest
from django.db import connection, connections

from lianjian.audit.models import AuditEntry
from lianjian.core.permissions import AccessDenied
from lianjian.core.workflow import InvalidTransition, StaleTransition, Transition, Workflow
from lianjian.org.models import PowerList, PowerListStatus, RoleCode
from lianjian.org.tests.factories import PowerListFactory, UserFactory

# A workflow over an existing model with a state field and a state_version, as every domain workflow has.
flow = Workflow(
    name="test.powerlist",
    states=dict(PowerListStatus.choices),
    state_field="status",
    transitions=[
        Transition("publish", source=(PowerListStatus.DRAFT,), target=PowerListStatus.PUBLISHED,
                   permission="publish", label="公布"),
        Transition("retire", source=(PowerListStatus.PUBLISHED,), target=PowerListStatus.SUPERSEDED,
                   permission="publish", label="废止"),
    ],
)


def _head_and_draft():
    draft = PowerListFactory()
    head = UserFactory(unit=draft.unit, roles=[RoleCode.UNIT_HEAD])
    return head, draft


@pytest.mark.django_db
def test_a_transition_moves_the_state_and_writes_the_audit_log():
    head, draft = _head_and_draft()
    flow.fire(draft, "publish", actor=head)
    draft.refresh_from_db()
    assert draft.status == PowerListStatus.PUBLISHED
    assert draft.state_version == 1
    entry = AuditEntry.objects.get(action="test.powerlist.publish")
    assert entry.before == {"status": "draft"} and entry.after == {"status": "published"}


@pytest.mark.django_db
def test_a_transition_from_the_wrong_state_is_refused_with_the_current_state_named():
    head, draft = _head_and_draft()
    with pytest.raises(InvalidTransition, match="草稿"):
        flow.fire(draft, "retire", actor=head)


@pytest.mark.django_db
def test_an_actor_without_the_permission_cannot_fire_and_nothing_changes():
    _, draft = _head_and_draft()
    stranger = UserFactory(roles=[RoleCode.UNIT_HEAD])
    with pytest.raises(AccessDenied):
        flow.fire(draft, "publish", actor=stranger)
    draft.refresh_from_db()
    assert draft.status == PowerListStatus.DRAFT
    assert not AuditEntry.objects.filter(action="test.powerlist.publish").exists()


@pytest.mark.django_db
def test_the_second_of_two_officers_acting_on_the_same_read_is_told_it_was_already_handled():
    head, draft = _head_and_draft()
    first_view = PowerList.objects.get(pk=draft.pk)
    second_view = PowerList.objects.get(pk=draft.pk)
    flow.fire(first_view, "publish", actor=head)
    with pytest.raises(StaleTransition, match="已被他人处理"):
        flow.fire(second_view, "publish", actor=head)
    assert AuditEntry.objects.filter(action="test.powerlist.publish").count() == 1


@pytest.mark.django_db
def test_available_lists_only_transitions_the_actor_may_take_from_the_current_state():
    head, draft = _head_and_draft()
    assert [t.name for t in flow.available(draft, head)] == ["publish"]
    assert flow.available(draft, UserFactory()) == []


def test_a_workflow_naming_an_unknown_state_is_rejected_when_declared():
    with pytest.raises(ValueError, match="unknown states"):
        Workflow(name="bad", states={"a": "A"}, transitions=[Transition("go", ("a",), "b", "x")])


@pytest.mark.django_db(transaction=True)
def test_two_threads_firing_at_once_produce_exactly_one_transition():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers itself; real concurrency is exercised on PostgreSQL")
    head, draft = _head_and_draft()
    barrier = threading.Barrier(2)
    outcomes = []

    def officer():
        try:
            obj = PowerList.objects.get(pk=draft.pk)
            barrier.wait()
            flow.fire(obj, "publish", actor=head)
            outcomes.append("ok")
        except StaleTransition:
            outcomes.append("stale")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=officer) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(outcomes) == ["ok", "stale"]
    assert AuditEntry.objects.filter(action="test.powerlist.publish").count() == 1
