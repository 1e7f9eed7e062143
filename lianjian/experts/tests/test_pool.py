"""The expert pool: registration with ID checks and masking, status changes and the blacklist, declarations,
penalties, evaluation records, assessments, pages and API."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from rest_framework.test import APIClient
from stdnum.cn import ric

from lianjian.audit.models import AuditEntry
from lianjian.core.permissions import AccessDenied
from lianjian.experts import selectors, services
from lianjian.experts.models import Expert, ExpertStatus, ExpertStatusChange, PickRole

from .factories import EntityFactory, expert, id_number, specialty

pytestmark = pytest.mark.django_db


def _register(world, **overrides):
    fields = {"name": "王建华", "id_number": id_number(), "region": world.city, "phone": "13812345678",
              "employer_name": "浙江省建筑设计研究院", "specialties": [specialty("A0102")], "title": "正高级工程师"}
    fields.update(overrides)
    return services.expert_create(actor=world.office, **fields)


def test_a_registered_expert_keeps_only_a_masked_id_and_a_digest(world):
    number = id_number()
    registered = _register(world, id_number=number)
    assert registered.id_number_masked == f"{number[:4]}**********{number[-4:]}"
    assert registered.id_number_hash == services.id_number_digest(number)
    stored = Expert.objects.filter(pk=registered.pk).values()[0]
    assert number not in str(stored)
    assert number not in str(AuditEntry.objects.get(action="experts.expert.create").after)


def _with_check_digit(body):
    return body + ric.calc_check_digit(body + "0")


def _wrong_check_digit(body):
    right = ric.calc_check_digit(body + "0")
    return body + ("1" if right == "0" else "0")


@pytest.mark.parametrize("bad,message", [
    ("33010619850101123", "18位"),
    ("3301061985010112A4", "前17位"),
    (_wrong_check_digit("33010619850101123"), "校验位"),
    (_with_check_digit("33010619850230123"), "出生日期或地址码"),
])
def test_an_invalid_id_number_is_rejected_with_the_reason(world, bad, message):
    with pytest.raises(ValidationError) as error:
        _register(world, id_number=bad)
    assert message in error.value.message_dict["id_number"][0]
    assert not Expert.objects.exists()


def test_the_same_person_cannot_be_registered_twice(world):
    number = id_number()
    _register(world, id_number=number)
    with pytest.raises(ValidationError) as error:
        _register(world, id_number=number, name="王建华（重复）")
    assert "已登记" in error.value.message_dict["id_number"][0]


def test_missing_fields_are_named(world):
    with pytest.raises(ValidationError) as error:
        _register(world, name=" ", phone="0571-1234", specialties=[], employer_name="")
    assert set(error.value.message_dict) >= {"name", "phone", "specialties", "employer_name"}


def test_only_the_lead_office_maintains_the_pool(world):
    for outsider in (world.centre, world.housing, world.jiwei):
        with pytest.raises(AccessDenied):
            services.expert_create(actor=outsider, name="李四", id_number=id_number(), region=world.city,
                                   phone="13812345678", employer_name="某院", specialties=[specialty("A0101")])


def test_blacklisting_needs_a_reason_is_audited_and_removes_the_expert_from_draws(world):
    target = expert(world.office)
    with pytest.raises(ValidationError):
        services.expert_blacklist(expert=target, reason=" ", actor=world.office)
    services.expert_blacklist(expert=target, reason="评标中收受投标人财物", actor=world.office)
    target.refresh_from_db()
    assert target.status == ExpertStatus.BLACKLISTED
    change = ExpertStatusChange.objects.get(expert=target)
    assert (change.from_status, change.to_status, change.changed_by) == ("active", "blacklisted", world.office)
    entry = AuditEntry.objects.get(action="experts.expert.blacklist")
    assert entry.detail == {"reason": "评标中收受投标人财物"}
    assert target in selectors.experts(actor=world.office, status=ExpertStatus.BLACKLISTED)


def test_a_trading_centre_cannot_blacklist(world):
    target = expert(world.office)
    with pytest.raises(AccessDenied):
        services.expert_blacklist(expert=target, reason="x", actor=world.centre)


def test_a_penalty_is_recorded_by_an_industry_supervisor(world):
    target = expert(world.office)
    penalty = services.expert_penalty_record(expert=target, decided_on=datetime.date(2024, 3, 1),
                                             reason="违反评标纪律", source="杭建罚〔2024〕3号", actor=world.housing)
    assert penalty in selectors.penalties(actor=world.office, expert=target)
    with pytest.raises(ValidationError) as error:
        services.expert_penalty_record(expert=target, decided_on=timezone.localdate() + datetime.timedelta(days=2),
                                       reason="", source="", actor=world.housing)
    assert set(error.value.message_dict) == {"decided_on", "reason", "source"}


def test_a_former_employer_declaration_needs_the_date_the_relation_ended(world):
    target = expert(world.office)
    with pytest.raises(ValidationError) as error:
        services.conflict_declare(expert=target, entity=EntityFactory(), relation="former_employer",
                                  declared_on=timezone.localdate(), actor=world.office)
    assert "relation_ended_on" in error.value.message_dict


def _evaluated(world):
    for _ in range(5):
        expert(world.office)
    extraction = services.extraction_draw(lot=world.lot, counts={"A0101": 5}, actor=world.centre)
    world.lot.evaluation_finished_at = timezone.now() - datetime.timedelta(hours=1)
    world.lot.save()
    return extraction


def test_evaluation_records_wait_for_the_unsealed_list_and_only_take_drawn_experts(world):
    extraction = _evaluated(world)
    member = extraction.picks.filter(role=PickRole.PRIMARY).first().expert
    with pytest.raises(ValidationError, match="解封"):
        services.evaluation_record(extraction=extraction, expert=member, attended=True, score=95, actor=world.centre)
    extraction = services.extraction_unseal(extraction=extraction, actor=world.centre)
    stranger = expert(world.office)
    with pytest.raises(ValidationError) as error:
        services.evaluation_record(extraction=extraction, expert=stranger, attended=True, score=90,
                                   actor=world.centre)
    assert "不在本次抽取" in error.value.message_dict["expert"][0]
    with pytest.raises(ValidationError) as error:
        services.evaluation_record(extraction=extraction, expert=member, attended=False, actor=world.centre)
    assert "absence_reason" in error.value.message_dict
    record = services.evaluation_record(extraction=extraction, expert=member, attended=True, score="92.5",
                                        comment="评审认真", actor=world.centre)
    assert record.score == 92.5 and record in selectors.evaluation_records(actor=world.housing, lot=world.lot)


def test_a_periodic_assessment_defaults_to_the_average_of_the_periods_evaluation_scores(world):
    extraction = services.extraction_unseal(extraction=_evaluated(world), actor=world.centre)
    member = extraction.picks.filter(role=PickRole.PRIMARY).first().expert
    services.evaluation_record(extraction=extraction, expert=member, attended=True, score=90, actor=world.centre)
    today = timezone.localdate()
    assessment = services.assessment_record(expert=member, period_start=today.replace(month=1, day=1),
                                            period_end=today, actor=world.office)
    assert assessment.score == 90 and assessment.evaluations == 1
    with pytest.raises(ValidationError) as error:
        services.assessment_record(expert=expert(world.office), period_start=today, period_end=today,
                                   actor=world.office)
    assert "没有评标记录" in error.value.message_dict["score"][0]


# --- pages and API ------------------------------------------------------------------------------------------------


def test_the_pool_list_searches_filters_paginates_and_never_shows_a_full_id(world, client):
    number = id_number()
    _register(world, id_number=number, name="赵结构")
    for i in range(55):
        expert(world.office, name=f"批量专家{i:02d}")
    client.force_login(world.office)
    page = client.get("/experts/").content.decode()
    assert "第 1 / 2 页" in page and number not in page
    found = client.get("/experts/", {"q": "赵结构"}).content.decode()
    assert "赵结构" in found and "批量专家" not in found and f"{number[:4]}**********{number[-4:]}" in found
    by_specialty = client.get("/experts/", {"specialty": specialty("A0102").pk}).content.decode()
    assert "赵结构" in by_specialty and "批量专家" not in by_specialty
    detail = client.get(f"/experts/{Expert.objects.get(name='赵结构').pk}/").content.decode()
    assert number not in detail and not re.search(r"\d{17}[\dX]", detail)


def test_the_pool_is_not_open_to_an_industry_supervisor(world, client):
    client.force_login(world.housing)
    assert client.get("/experts/").status_code == 403


def test_the_blacklist_action_on_the_page(world, client):
    target = expert(world.office, name="黑名单专家")
    client.force_login(world.office)
    form = client.get(f"/experts/{target.pk}/status/?action=blacklist").content.decode()
    assert "列入黑名单" in form
    response = client.post(f"/experts/{target.pk}/status/", {"transition": "blacklist", "reason": "串通投标人"})
    assert response.status_code == 302
    assert "黑名单专家" in client.get("/experts/blacklist/").content.decode()


def test_registering_an_expert_through_the_form(world, client):
    client.force_login(world.office)
    response = client.post("/experts/new/", {
        "name": "孙造价", "id_number": id_number(), "region": world.city.pk, "phone": "13700001111",
        "employer_name": "浙江某造价咨询公司", "specialties": [specialty("A0501").pk],
    })
    assert response.status_code == 302
    bad = client.post("/experts/new/", {"name": "孙造价", "id_number": "123", "region": world.city.pk,
                                        "phone": "13700001111", "employer_name": "x",
                                        "specialties": [specialty("A0501").pk]})
    assert "18位" in bad.content.decode()


def test_drawing_through_the_extraction_form(world, client):
    for _ in range(6):
        expert(world.office)
    client.force_login(world.centre)
    listing = client.get("/experts/extractions/", {"q": world.lot.code}).content.decode()
    assert f"/experts/extractions/lot/{world.lot.pk}/" in listing
    short = client.post(f"/experts/extractions/lot/{world.lot.pk}/", {
        "specialty_1": specialty("A0101").pk, "count_1": 4, "reserves": 0, "tenderer_representatives": 0})
    assert "5 人以上" in short.content.decode()
    response = client.post(f"/experts/extractions/lot/{world.lot.pk}/", {
        "specialty_1": specialty("A0101").pk, "count_1": 5, "reserves": 1, "tenderer_representatives": 0})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "第1次抽取" in page and "正选" in page
    verify = client.post(response["Location"] + "verify/", follow=True).content.decode()
    assert "验证通过" in verify


def test_the_experts_api_masks_ids_and_phones(world):
    number = id_number()
    _register(world, id_number=number)
    client = APIClient()
    client.force_authenticate(world.office)
    row = client.get("/api/v1/experts/experts/").json()["results"][0]
    assert row["id_number_masked"].startswith(number[:4]) and number not in str(row)
    assert row["phone"] == "138****5678" and "id_number_hash" not in row
    assert client.get("/api/v1/experts/specialties/").status_code == 200


def test_the_api_schema_documents_the_expert_endpoints_without_warnings():
    from django.urls import include, path
    from drf_spectacular.drainage import GENERATOR_STATS
    from drf_spectacular.generators import SchemaGenerator

    GENERATOR_STATS.reset()
    generator = SchemaGenerator(patterns=[path("api/v1/experts/", include("lianjian.experts.api"))])
    schema = generator.get_schema(request=None, public=True)
    assert not GENERATOR_STATS._warn_cache and not GENERATOR_STATS._error_cache
    assert "/api/v1/experts/extractions/{id}/verify/" in schema["paths"]
    assert "id_number_hash" not in schema["components"]["schemas"]["Expert"]["properties"]


def test_two_officers_changing_one_expert_at_once_the_second_is_told_someone_else_acted(world):
    from lianjian.core.workflow import StaleTransition

    target = expert(world.office)
    first, second = Expert.objects.get(pk=target.pk), Expert.objects.get(pk=target.pk)
    services.expert_blacklist(expert=first, reason="收受好处", actor=world.office)
    with pytest.raises(StaleTransition):
        services.expert_change_status(expert=second, transition="suspend", reason="长期联系不上", actor=world.office)
    assert Expert.objects.get(pk=target.pk).status == ExpertStatus.BLACKLISTED
    assert ExpertStatusChange.objects.filter(expert=target).count() == 1
