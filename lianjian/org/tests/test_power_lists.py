"""Power-and-responsibility lists: versions, publishing, the citation check and the Excel import."""

import io
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from openpyxl import Workbook

from lianjian.audit.models import AuditEntry
from lianjian.core.permissions import AccessDenied
from lianjian.core.workflow import InvalidTransition, StaleTransition
from lianjian.org.models import PowerItem, PowerKind, PowerList, PowerListStatus, Sector
from lianjian.org.reference_data import POWER_LIST_COLUMNS
from lianjian.org.services import (
    power_item_add, power_item_check, power_item_remove, power_item_update, power_list_create_draft,
    power_list_import_xlsx, power_list_publish,
)

from .factories import published_list

pytestmark = pytest.mark.django_db


def _add(draft, actor, code, kind=PowerKind.PENALTY):
    return power_item_add(power_list=draft, code=code, kind=kind, name=f"事项{code}",
                          legal_basis="《中华人民共和国招标投标法》第五十三条", actor=actor)


@pytest.fixture
def housing(world):
    return world.units.housing


@pytest.fixture
def head(world):
    return world.housing_head


def _published_v1(housing, head):
    draft = power_list_create_draft(unit=housing, actor=head)
    _add(draft, head, "CF-001")
    _add(draft, head, "JC-001", PowerKind.INSPECTION)
    return power_list_publish(power_list=draft, actor=head)


# --- versions ---------------------------------------------------------------------------------------------------


def test_a_new_draft_copies_the_items_of_the_published_version(housing, head):
    v1 = _published_v1(housing, head)
    v2 = power_list_create_draft(unit=housing, actor=head)
    assert v2.version == v1.version + 1 and v2.status == PowerListStatus.DRAFT
    assert sorted(v2.items.values_list("code", flat=True)) == ["CF-001", "JC-001"]


def test_publishing_supersedes_the_previous_version_in_the_same_step(housing, head):
    v1 = _published_v1(housing, head)
    v2 = power_list_create_draft(unit=housing, actor=head)
    _add(v2, head, "CF-002")
    power_list_publish(power_list=v2, actor=head)
    v1.refresh_from_db()
    v2.refresh_from_db()
    assert v1.status == PowerListStatus.SUPERSEDED and v2.status == PowerListStatus.PUBLISHED
    assert v2.published_at is not None
    assert list(AuditEntry.objects.filter(action__startswith="org.power_list.").order_by("seq").values_list(
        "action", flat=True))[-2:] == ["org.power_list.supersede", "org.power_list.publish"]


def test_a_second_publish_of_the_same_draft_from_a_stale_read_fails_and_changes_nothing(housing, head):
    v1 = _published_v1(housing, head)
    draft = power_list_create_draft(unit=housing, actor=head)
    first_view = PowerList.objects.get(pk=draft.pk)
    second_view = PowerList.objects.get(pk=draft.pk)
    power_list_publish(power_list=first_view, actor=head)
    with pytest.raises(StaleTransition):
        power_list_publish(power_list=second_view, actor=head)
    assert PowerList.objects.get(pk=draft.pk).status == PowerListStatus.PUBLISHED
    assert PowerList.objects.get(pk=v1.pk).status == PowerListStatus.SUPERSEDED
    assert AuditEntry.objects.filter(action="org.power_list.publish").count() == 2


def test_publishing_a_list_that_is_already_published_is_refused(housing, head):
    v1 = _published_v1(housing, head)
    with pytest.raises(InvalidTransition):
        power_list_publish(power_list=v1, actor=head)


def test_an_empty_draft_cannot_be_published(housing, head):
    draft = power_list_create_draft(unit=housing, actor=head)
    with pytest.raises(ValidationError, match="没有任何事项"):
        power_list_publish(power_list=draft, actor=head)


def test_a_unit_has_at_most_one_draft(housing, head):
    power_list_create_draft(unit=housing, actor=head)
    with pytest.raises(ValidationError, match="已有草稿"):
        power_list_create_draft(unit=housing, actor=head)


def test_items_change_only_on_a_draft(housing, head):
    v1 = _published_v1(housing, head)
    item = v1.items.get(code="CF-001")
    with pytest.raises(ValidationError, match="只能修改草稿"):
        _add(v1, head, "CF-009")
    with pytest.raises(ValidationError, match="只能修改草稿"):
        power_item_update(power_item=item, name="改名", actor=head)
    with pytest.raises(ValidationError, match="只能修改草稿"):
        power_item_remove(power_item=item, actor=head)


def test_a_draft_item_is_updated_and_removed_with_audit_entries(housing, head):
    draft = power_list_create_draft(unit=housing, actor=head)
    item = _add(draft, head, "CF-001")
    power_item_update(power_item=item, name="对串通投标行为的行政处罚", actor=head)
    assert PowerItem.objects.get(pk=item.pk).name == "对串通投标行为的行政处罚"
    power_item_remove(power_item=item, actor=head)
    assert not draft.items.exists()
    assert AuditEntry.objects.filter(action="org.power_item.remove").exists()


def test_an_item_needs_code_name_and_legal_basis_and_a_unique_code(housing, head):
    draft = power_list_create_draft(unit=housing, actor=head)
    with pytest.raises(ValidationError) as exc:
        power_item_add(power_list=draft, code="", kind=PowerKind.PENALTY, name="", legal_basis=" ", actor=head)
    assert set(exc.value.message_dict) == {"code", "name", "legal_basis"}
    _add(draft, head, "CF-001")
    with pytest.raises(ValidationError, match="已存在"):
        _add(draft, head, "CF-001")


def test_an_officer_without_the_unit_head_role_cannot_draft_or_publish(world, housing, head):
    with pytest.raises(AccessDenied):
        power_list_create_draft(unit=housing, actor=world.housing_officer)
    draft = power_list_create_draft(unit=housing, actor=head)
    _add(draft, head, "CF-001")
    with pytest.raises(AccessDenied):
        power_list_publish(power_list=draft, actor=world.housing_officer)


@pytest.mark.django_db(transaction=True)
def test_two_officers_publishing_the_same_draft_at_once_produce_one_publication(world):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers itself; real concurrency is exercised on PostgreSQL")
    housing, head = world.units.housing, world.housing_head
    _published_v1(housing, head)
    draft = power_list_create_draft(unit=housing, actor=head)
    barrier = threading.Barrier(2)
    outcomes = []

    def officer():
        try:
            obj = PowerList.objects.get(pk=draft.pk)
            barrier.wait()
            power_list_publish(power_list=obj, actor=head)
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
    assert PowerList.objects.filter(unit=housing, status=PowerListStatus.PUBLISHED).count() == 1


# --- power_item_check -------------------------------------------------------------------------------------------


def test_an_item_of_the_units_published_list_passes_the_check(housing, head):
    v1 = _published_v1(housing, head)
    item = v1.items.get(code="CF-001")
    assert power_item_check(unit=housing, power_item=item) == item
    assert power_item_check(unit=housing, power_item=item.pk, kinds=[PowerKind.PENALTY]) == item


def test_the_check_refuses_an_item_of_another_unit(world, housing, head):
    other = published_list(world.units.finance, ("CF-CZ-001", PowerKind.PENALTY)).items.get()
    with pytest.raises(ValidationError) as exc:
        power_item_check(unit=housing, power_item=other)
    message = exc.value.message_dict["power_item"][0]
    assert "不在" in message and str(world.units.finance) in message


def test_the_check_refuses_an_item_of_a_draft(housing, head):
    draft = power_list_create_draft(unit=housing, actor=head)
    item = _add(draft, head, "CF-NEW")
    with pytest.raises(ValidationError, match="草稿"):
        power_item_check(unit=housing, power_item=item)


def test_the_check_refuses_an_item_of_a_superseded_version(housing, head):
    v1 = _published_v1(housing, head)
    old_item = v1.items.get(code="CF-001")
    v2 = power_list_create_draft(unit=housing, actor=head)
    power_list_publish(power_list=v2, actor=head)
    with pytest.raises(ValidationError, match="已被替代"):
        power_item_check(unit=housing, power_item=old_item)
    assert power_item_check(unit=housing, power_item=v2.items.get(code="CF-001")).power_list == v2


def test_the_check_refuses_an_item_of_the_wrong_kind(housing, head):
    inspection = _published_v1(housing, head).items.get(code="JC-001")
    with pytest.raises(ValidationError) as exc:
        power_item_check(unit=housing, power_item=inspection, kinds=[PowerKind.PENALTY])
    assert "行政检查" in exc.value.message_dict["power_item"][0]
    assert "行政处罚" in exc.value.message_dict["power_item"][0]


def test_the_check_refuses_an_action_citing_no_item(housing):
    with pytest.raises(ValidationError, match="未引用权责清单事项"):
        power_item_check(unit=housing, power_item=None)


# --- Excel import -----------------------------------------------------------------------------------------------


def _sheet(*rows, header=POWER_LIST_COLUMNS):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


GOOD_ROWS = [
    ("CF-ZJ-001", "行政处罚", "对串通投标行为的行政处罚", "《中华人民共和国招标投标法》第五十三条",
     "房屋建筑和市政基础设施", "立案、调查、决定", "不依法处罚的"),
    ("JC-ZJ-001", "行政检查", "对招标投标活动的监督检查", "《中华人民共和国招标投标法》第七条", "", "", ""),
]


def test_a_valid_spreadsheet_fills_the_draft(housing, head):
    draft = power_list_create_draft(unit=housing, actor=head)
    assert power_list_import_xlsx(power_list=draft, file=_sheet(*GOOD_ROWS), actor=head) == 2
    item = draft.items.get(code="CF-ZJ-001")
    assert item.kind == PowerKind.PENALTY and item.sector == Sector.objects.get(code="construction.housing")
    assert draft.items.get(code="JC-ZJ-001").kind == PowerKind.INSPECTION


def test_a_bad_row_leaves_nothing_written_and_names_row_column_and_reason(housing, head):
    draft = power_list_create_draft(unit=housing, actor=head)
    bad = [
        GOOD_ROWS[0],
        ("CF-ZJ-002", "行政许可", "事项", "依据", "", "", ""),
        ("CF-ZJ-001", "行政处罚", "", "依据", "不存在的领域", "", ""),
    ]
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as exc:
        power_list_import_xlsx(power_list=draft, file=_sheet(*bad), actor=head)
    errors = exc.value.error_dict["file"]
    where = {(e.params["row"], e.params["column"]) for e in errors}
    assert where == {(3, "权力类型"), (4, "事项编码"), (4, "事项名称"), (4, "行业领域")}
    assert "第3行“权力类型”：“行政许可”不是可用的权力类型" in exc.value.message_dict["file"][0]
    assert not draft.items.exists()
    assert AuditEntry.objects.count() == before


def test_a_spreadsheet_missing_a_required_column_is_refused(housing, head):
    draft = power_list_create_draft(unit=housing, actor=head)
    with pytest.raises(ValidationError) as exc:
        power_list_import_xlsx(power_list=draft, file=_sheet(("X",), header=["事项编码"]), actor=head)
    assert {e.params["column"] for e in exc.value.error_dict["file"]} == {"权力类型", "事项名称", "设定依据"}


def test_a_file_that_is_not_a_workbook_is_refused(housing, head):
    draft = power_list_create_draft(unit=housing, actor=head)
    with pytest.raises(ValidationError, match="不是有效的 Excel"):
        power_list_import_xlsx(power_list=draft, file=io.BytesIO(b"not a workbook"), actor=head)


def test_codes_already_in_the_draft_clash_unless_the_import_replaces_the_draft(housing, head):
    _published_v1(housing, head)
    draft = power_list_create_draft(unit=housing, actor=head)
    clash = ("CF-001", "行政处罚", "事项", "依据", "", "", "")
    with pytest.raises(ValidationError, match="在草稿中已存在"):
        power_list_import_xlsx(power_list=draft, file=_sheet(clash), actor=head)
    assert power_list_import_xlsx(power_list=draft, file=_sheet(clash), actor=head, replace=True) == 1
    assert list(draft.items.values_list("code", flat=True)) == ["CF-001"]
