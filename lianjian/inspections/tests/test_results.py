"""Results, clues, the end of the campaign, the publication deadline, and the pages, exports and command around
them."""

import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from lianjian.cases.models import Clue
from lianjian.deadlines.models import Deadline, DeadlineState
from lianjian.experts.tests.factories import EntityFactory
from lianjian.inspections import services
from lianjian.inspections.models import Draw, DrawnObject, Outcome, TaskStatus
from lianjian.inspections.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def drawn():
    unit = f.supervisor()
    _office, office_actor = f.lead_office()
    officers = [f.inspector(unit) for _ in range(3)]
    objects = [f.inspection_object(entity=EntityFactory(), credit="D") for _ in range(2)]
    _plan, task = f.plan_with_task(office_actor=office_actor, items=[f.item(unit)])
    draw = services.draw_commit(task=task, actor=office_actor)
    draw = services.draw_execute(draw=draw, actor=office_actor)
    task.refresh_from_db()
    return {"office": office_actor, "task": task, "draw": draw, "objects": objects, "officers": officers}


def team_member(draw, obj):
    return draw.assignments.filter(obj=obj).first().inspector.person


def record_all(drawn, outcome=Outcome.NO_PROBLEM):
    for obj in drawn["objects"]:
        services.result_record(task=drawn["task"], obj=obj, outcome=outcome, findings="资料齐全，程序合规",
                               inspected_on=timezone.localdate(), actor=team_member(drawn["draw"], obj))


def test_a_violation_found_by_the_team_becomes_a_clue_of_the_cases_module(drawn):
    obj = drawn["objects"][0]
    result = services.result_record(task=drawn["task"], obj=obj, outcome=Outcome.VIOLATION,
                                    findings="投标保证金由同一账户转出", inspected_on=timezone.localdate(),
                                    actor=team_member(drawn["draw"], obj))
    clue = Clue.objects.get(pk=result.clue_id)
    assert clue.source == "inspection" and obj.entity.credit_code in set(
        clue.entities.values_list("credit_code", flat=True))
    obj.refresh_from_db()
    assert obj.last_inspected_on == timezone.localdate()


def test_only_a_member_of_the_objects_team_records_its_result(drawn):
    obj = drawn["objects"][0]
    outsider = next(o.person for o in drawn["officers"]
                    if not drawn["draw"].assignments.filter(obj=obj, inspector=o).exists())
    with pytest.raises(ValidationError) as caught:
        services.result_record(task=drawn["task"], obj=obj, outcome=Outcome.NO_PROBLEM, findings="无",
                               inspected_on=timezone.localdate(), actor=outsider)
    assert "检查组" in str(caught.value)


def test_a_result_names_every_missing_field(drawn):
    obj = drawn["objects"][0]
    with pytest.raises(ValidationError) as caught:
        services.result_record(task=drawn["task"], obj=obj, outcome="bad", findings=" ", inspected_on=None,
                               actor=team_member(drawn["draw"], obj))
    assert {"outcome", "findings", "inspected_on"} <= set(caught.value.message_dict)


def test_the_campaign_ends_only_when_every_object_has_a_result(drawn):
    with pytest.raises(ValidationError) as caught:
        services.task_finish(task=drawn["task"], actor=drawn["office"])
    assert "未登记结果" in str(caught.value)


def test_ending_the_campaign_starts_the_publication_deadline_and_publishing_meets_it(drawn):
    record_all(drawn)
    task = services.task_finish(task=drawn["task"], actor=drawn["office"])
    deadline = Deadline.objects.get(object_id=task.pk, rule__code="random_inspection_publish")
    assert deadline.state == DeadlineState.OPEN and deadline.responsible_unit == task.plan.unit
    task = services.task_publish(task=task, actor=drawn["office"])
    deadline.refresh_from_db()
    assert task.status == TaskStatus.PUBLISHED and deadline.state == DeadlineState.MET


def test_the_public_page_shows_published_results_and_verifies_the_draw_without_login(client, drawn):
    record_all(drawn)
    task = services.task_finish(task=drawn["task"], actor=drawn["office"])
    services.task_publish(task=task, actor=drawn["office"])
    listing = client.get(reverse("inspections:public_results"))
    assert listing.status_code == 200 and task.title in listing.content.decode()
    page = client.get(reverse("inspections:public_draw", args=[drawn["draw"].pk])).content.decode()
    assert "复核通过" in page and "资料齐全，程序合规" in page
    record = client.get(reverse("inspections:public_draw_record", args=[drawn["draw"].pk]))
    assert json.loads(record.content)["seed"] == drawn["draw"].seed


def test_the_public_page_says_loudly_when_a_draw_no_longer_verifies(client, drawn):
    DrawnObject.objects.filter(draw=drawn["draw"], selected=True).update(stratum="A")
    page = client.get(reverse("inspections:public_draw", args=[drawn["draw"].pk])).content.decode()
    assert "复核未通过" in page


def test_draw_verify_command_reproduces_a_draw_and_fails_on_an_altered_seed(drawn, tmp_path):
    out = io.StringIO()
    call_command("draw", "verify", str(drawn["draw"].pk), stdout=out)
    assert "复核通过" in out.getvalue()
    record = services.published_record(drawn["draw"])
    record["seed"] += 1
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(CommandError, match="复核未通过"):
        call_command("draw", "verify", "--file", str(path))


def test_plans_and_results_export_to_excel_and_the_notice_prints_to_word(client, drawn):
    client.force_login(drawn["office"])
    plans = load_workbook(io.BytesIO(client.get(reverse("inspections:plan_export")).content)).active
    assert plans.cell(2, 2).value == drawn["task"].plan.title
    record_all(drawn)
    results = load_workbook(io.BytesIO(client.get(
        reverse("inspections:task_results_export", args=[drawn["task"].pk])).content)).active
    assert results.max_row == 3
    obj = drawn["objects"][0]
    notice = client.get(reverse("inspections:task_notice", args=[drawn["task"].pk, obj.pk]))
    text = "\n".join(p.text for p in Document(io.BytesIO(notice.content)).paragraphs)
    assert "检查通知书" in text and str(Draw.objects.get(pk=drawn["draw"].pk).seed) in text


def test_officials_pages_need_a_login_and_are_scoped(client, drawn):
    assert client.get(reverse("inspections:plan_list")).status_code == 302
    stranger = f.lead_office(region=f.city("440100", "广州市"))[1]
    client.force_login(stranger)
    assert client.get(reverse("inspections:task_detail", args=[drawn["task"].pk])).status_code == 404
    assert drawn["task"].plan.title not in client.get(reverse("inspections:plan_list")).content.decode()
