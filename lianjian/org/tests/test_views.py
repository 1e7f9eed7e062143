import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from lianjian.org.models import LiaisonAssignment, LiaisonKind, PowerKind, PowerList, PowerListStatus, RoleCode
from lianjian.org.reference_data import POWER_LIST_COLUMNS
from lianjian.org.services import liaison_change, power_item_add, power_list_create_draft, power_list_publish

from .factories import PowerItemFactory, PowerListFactory, actor, published_list

pytestmark = pytest.mark.django_db


def _login(client, user):
    client.force_login(user)
    return client


def test_the_unit_pages_show_people_liaisons_and_lists(client, world):
    liaison_change(unit=world.units.housing, kind=LiaisonKind.LIAISON_OFFICER, person=world.housing_officer,
                   effective_on=datetime.date(2025, 3, 3), actor=world.housing_head,
                   reported_at=timezone.make_aware(datetime.datetime(2025, 3, 4, 9)))
    _login(client, world.office)
    listing = client.get(reverse("org:units"), {"q": "住房"}).content.decode()
    assert "杭州市住房和城乡建设局" in listing and "萧山区住房和城乡建设局" in listing
    assert "杭州市财政局" not in listing
    detail = client.get(reverse("org:unit_detail", args=[world.units.housing.pk])).content.decode()
    assert str(world.housing_officer) in detail and "联络员" in detail and "按期报备" in detail


def test_a_unit_outside_reach_is_not_found(client, world):
    _login(client, world.xs_head)
    assert client.get(reverse("org:unit_detail", args=[world.units.yh_housing.pk])).status_code == 404


def test_the_people_page_searches_and_paginates(client, world):
    for i in range(55):
        actor(world.units.finance, full_name=f"财政干部{i:02d}")
    _login(client, world.office)
    first = client.get(reverse("org:people"), {"q": "财政干部"}).content.decode()
    assert "第 1 / 2 页，共 55 条" in first
    second = client.get(reverse("org:people"), {"q": "财政干部", "page": 2}).content.decode()
    assert "财政干部54" in second and "财政干部00" not in second


def test_a_unit_head_reports_a_liaison_change_through_the_form(client, world):
    _login(client, world.housing_head)
    url = reverse("org:liaison_change", args=[world.units.housing.pk])
    form = client.get(url).content.decode()
    assert 'for="id_person"' in form and 'for="id_effective_on"' in form
    response = client.post(url, {"kind": LiaisonKind.LIAISON_OFFICER, "person": world.housing_officer.pk,
                                 "effective_on": "2025-03-03"})
    assert response.status_code == 302
    assert LiaisonAssignment.objects.get(unit=world.units.housing).person == world.housing_officer


def test_the_liaison_form_is_refused_for_another_units_head(client, world):
    _login(client, world.finance_head)
    assert client.get(reverse("org:liaison_change", args=[world.units.housing.pk])).status_code == 403


def test_the_liaison_form_shows_service_errors_beside_the_field(client, world):
    _login(client, world.housing_head)
    url = reverse("org:liaison_change", args=[world.units.housing.pk])
    future = datetime.date.today() + datetime.timedelta(days=30)
    page = client.post(url, {"kind": LiaisonKind.LIAISON_OFFICER, "person": world.housing_officer.pk,
                             "effective_on": future.isoformat()}).content.decode()
    assert "晚于报备日" in page and not LiaisonAssignment.objects.exists()


def test_the_contact_book_export_is_a_workbook_with_both_posts_of_every_unit(client, world):
    liaison_change(unit=world.units.housing, kind=LiaisonKind.LIAISON_OFFICER, person=world.housing_officer,
                   effective_on=datetime.date(2025, 3, 3), actor=world.housing_head)
    world.housing_officer.mobile = "139-0000-0001"
    world.housing_officer.title = "建筑市场监管处科长"
    world.housing_officer.save()
    _login(client, world.office)
    page = client.get(reverse("org:contact_book")).content.decode()
    assert "未指定" in page and "139-0000-0001" in page
    response = client.get(reverse("org:contact_book_export"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("单位", "所属行政区划", "类别", "姓名", "职务", "办公电话", "手机", "电子邮箱")
    assert len(rows) - 1 == 2 * 8
    assert ("杭州市住房和城乡建设局", "杭州市", "联络员", str(world.housing_officer), "建筑市场监管处科长",
            None, "139-0000-0001", world.housing_officer.email) in rows
    assert ("杭州市住房和城乡建设局", "杭州市", "分管负责人", "（未指定）", None, None, None, None) in rows


def test_a_county_officers_contact_book_leaves_out_other_counties(client, world):
    _login(client, world.xs_head)
    rows = list(load_workbook(io.BytesIO(client.get(reverse("org:contact_book_export")).content)).active
                .iter_rows(values_only=True))
    names = {r[0] for r in rows[1:]}
    assert "萧山区住房和城乡建设局" in names and "杭州市财政局" in names
    assert "余杭区住房和城乡建设局" not in names


def test_the_public_page_works_without_login_and_shows_no_draft_items(client, world):
    published = published_list(world.units.finance, ("CF-CZ-001", PowerKind.PENALTY))
    item = published.items.get()
    item.name, item.responsibility, item.accountability = "对供应商提供虚假材料谋取中标的行政处罚", "立案责任", "追责情形甲"
    item.save()
    draft = PowerListFactory(unit=world.units.housing)
    PowerItemFactory(power_list=draft, code="CF-DRAFT-1", name="尚未公布的事项")
    page = client.get(reverse("org:public_power_lists")).content.decode()
    assert "对供应商提供虚假材料谋取中标的行政处罚" in page and "立案责任" in page and "追责情形甲" in page
    assert "行政处罚" in page and "《中华人民共和国招标投标法》第五十三条" in page
    assert "尚未公布的事项" not in page and "CF-DRAFT-1" not in page
    searched = client.get(reverse("org:public_power_lists"), {"q": "不存在的关键词"}).content.decode()
    assert "对供应商提供虚假材料" not in searched


def test_other_org_pages_require_login(client):
    for name in ("org:units", "org:people", "org:contact_book", "org:power_lists", "org:liaisons"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_unit_head_drafts_edits_imports_and_publishes_through_the_pages(client, world):
    _login(client, world.housing_head)
    assert "新建草稿" in client.get(reverse("org:power_lists")).content.decode()
    client.post(reverse("org:power_list_create_draft"), {"note": "2026年版"})
    draft = PowerList.objects.get(unit=world.units.housing, status=PowerListStatus.DRAFT)
    response = client.post(reverse("org:power_item_add", args=[draft.pk]), {
        "code": "CF-ZJ-001", "kind": PowerKind.PENALTY, "name": "对串通投标行为的行政处罚",
        "legal_basis": "《中华人民共和国招标投标法》第五十三条"})
    assert response.status_code == 302
    item = draft.items.get()
    client.post(reverse("org:power_item_edit", args=[item.pk]), {
        "code": "CF-ZJ-001", "kind": PowerKind.PENALTY, "name": "对投标人串通投标的行政处罚",
        "legal_basis": "《中华人民共和国招标投标法》第五十三条"})
    item.refresh_from_db()
    assert item.name == "对投标人串通投标的行政处罚"

    workbook = Workbook()
    workbook.active.append(POWER_LIST_COLUMNS)
    workbook.active.append(["JC-ZJ-001", "行政检查", "监督检查", "《中华人民共和国招标投标法》第七条"])
    workbook.active.append(["JC-ZJ-002", "行政奖励", "错误的类型", "依据"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("list.xlsx", buffer.getvalue())
    page = client.post(reverse("org:power_list_import", args=[draft.pk]), {"file": upload})
    assert page.status_code == 400
    assert "第3行“权力类型”" in page.content.decode()
    assert draft.items.count() == 1

    detail = client.get(reverse("org:power_list_detail", args=[draft.pk])).content.decode()
    assert 'name="state_version" value="0"' in detail
    client.post(reverse("org:power_list_publish", args=[draft.pk]), {"state_version": "0"})
    draft.refresh_from_db()
    assert draft.status == PowerListStatus.PUBLISHED


def test_publishing_from_a_stale_page_is_refused_with_a_message(client, world):
    head = world.housing_head
    draft = power_list_create_draft(unit=world.units.housing, actor=head)
    power_item_add(power_list=draft, code="CF-1", kind=PowerKind.PENALTY, name="事项", legal_basis="依据", actor=head)
    power_list_publish(power_list=PowerList.objects.get(pk=draft.pk), actor=head)
    _login(client, head)
    response = client.post(reverse("org:power_list_publish", args=[draft.pk]), {"state_version": "0"}, follow=True)
    assert "当前状态为“已公布”，不能执行“公布”" in response.content.decode()


def test_the_power_list_export_round_trips_into_the_import_format(client, world):
    published = published_list(world.units.finance, ("CF-CZ-001", PowerKind.PENALTY))
    _login(client, world.office)
    response = client.get(reverse("org:power_list_export", args=[published.pk]))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert list(rows[0]) == POWER_LIST_COLUMNS
    assert rows[1][:2] == ("CF-CZ-001", "行政处罚")


def test_an_officer_cannot_open_another_units_draft(client, world):
    draft = PowerListFactory(unit=world.units.housing)
    _login(client, world.finance_head)
    assert client.get(reverse("org:power_list_detail", args=[draft.pk])).status_code == 404
    item = PowerItemFactory(power_list=draft)
    assert client.get(reverse("org:power_item_edit", args=[item.pk])).status_code == 403


def test_the_late_liaison_filter_shows_only_late_reports(client, world):
    newcomer = actor(world.units.housing, RoleCode.SUPERVISOR_OFFICER, full_name="迟报者")
    liaison_change(unit=world.units.housing, kind=LiaisonKind.LIAISON_OFFICER, person=newcomer,
                   effective_on=datetime.date(2025, 9, 30), actor=world.housing_head,
                   reported_at=timezone.make_aware(datetime.datetime(2025, 10, 13, 9)))
    liaison_change(unit=world.units.housing, kind=LiaisonKind.RESPONSIBLE_LEADER, person=world.housing_head,
                   effective_on=datetime.date(2025, 3, 3), actor=world.housing_head,
                   reported_at=timezone.make_aware(datetime.datetime(2025, 3, 4, 9)))
    _login(client, world.office)
    page = client.get(reverse("org:liaisons"), {"late": "1"}).content.decode()
    assert "迟报者" in page and "逾期报备" in page
    assert str(world.housing_head) not in page.split("<tbody>")[1]
