import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from lianjian.audit.models import AuditEntry
from lianjian.core.permissions import AccessDenied
from lianjian.org.models import Region, RegionLevel
from lianjian.org.services import region_create, region_level_of, region_update

from .factories import UserFactory, city, province

pytestmark = pytest.mark.django_db


@pytest.fixture
def root():
    return UserFactory(is_superuser=True, unit=None)


def _errors(exc_info):
    return exc_info.value.message_dict


def test_a_county_is_created_under_its_city_and_audited(root):
    hz = city()
    region = region_create(code="330182", name="建德市", parent=hz, actor=root)
    assert region.level == RegionLevel.COUNTY
    assert AuditEntry.objects.filter(action="org.region.create", object_id=str(region.pk)).exists()


@pytest.mark.parametrize("code", ["33010", "3301021", "33O102", "", "33 102"])
def test_a_code_that_is_not_six_digits_is_refused_naming_the_code_field(root, code):
    with pytest.raises(ValidationError) as exc:
        region_create(code=code, name="某区", parent=city(), actor=root)
    assert "6位数字" in " ".join(_errors(exc)["code"])


def test_a_code_with_an_unknown_province_prefix_is_refused(root):
    with pytest.raises(ValidationError) as exc:
        region_create(code="990000", name="某省", actor=root)
    assert "不是 GB/T 2260 中的省级代码" in _errors(exc)["code"][0]


def test_a_level_that_contradicts_the_code_pattern_is_refused(root):
    with pytest.raises(ValidationError) as exc:
        region_create(code="330100", name="杭州市", level=RegionLevel.COUNTY, parent=province(), actor=root)
    message = _errors(exc)["level"][0]
    assert "市级" in message and "XXYY00" in message


def test_a_parent_that_is_not_the_code_prefix_is_refused_with_the_expected_parent_code(root):
    nb = Region.objects.create(code="330200", name="宁波市", level=RegionLevel.CITY, parent=province())
    with pytest.raises(ValidationError) as exc:
        region_create(code="330109", name="萧山区", parent=nb, actor=root)
    message = _errors(exc)["parent"][0]
    assert "330200" in message and "330100" in message
    assert not Region.objects.filter(code="330109").exists()


def test_a_province_cannot_have_a_parent_and_a_city_must_have_one(root):
    with pytest.raises(ValidationError) as exc:
        region_create(code="320000", name="江苏省", parent=province(), actor=root)
    assert "不能有上级" in _errors(exc)["parent"][0]
    with pytest.raises(ValidationError) as exc:
        region_create(code="320100", name="南京市", actor=root)
    assert "320000" in _errors(exc)["parent"][0]


def test_a_district_of_a_municipality_without_a_city_level_entry_sits_under_the_province(root):
    beijing = region_create(code="110000", name="北京市", actor=root)
    dongcheng = region_create(code="110101", name="东城区", parent=beijing, actor=root)
    assert dongcheng.parent == beijing and dongcheng.level == RegionLevel.COUNTY


def test_a_duplicate_code_is_refused_naming_the_existing_region(root):
    city()
    with pytest.raises(ValidationError) as exc:
        region_create(code="330100", name="另一个市", parent=province(), actor=root)
    assert "杭州市" in _errors(exc)["code"][0]


def test_a_region_with_children_keeps_its_code_but_may_be_renamed(root):
    hz = city()
    region_create(code="330102", name="上城区", parent=hz, actor=root)
    with pytest.raises(ValidationError) as exc:
        region_update(region=hz, code="330200", actor=root)
    assert "不能修改代码" in _errors(exc)["code"][0]
    region_update(region=hz, name="杭州市（更名测试）", actor=root)
    assert Region.objects.get(code="330100").name == "杭州市（更名测试）"


def test_an_administrator_maintains_regions_only_inside_their_own_region(world):
    region_create(code="330127", name="淳安县", parent=world.city, actor=world.city_admin)
    with pytest.raises(AccessDenied):
        region_create(code="330114", name="钱塘区", parent=world.city, actor=world.xs_admin)
    with pytest.raises(AccessDenied):
        region_create(code="330127", name="淳安县", parent=world.city, actor=world.office)


@given(st.from_regex(r"\A[1-8][0-9]{5}\Z"))
def test_the_level_of_any_code_follows_its_trailing_zero_pairs(code):
    level = region_level_of(code)
    if code[2:] == "0000":
        assert level == RegionLevel.PROVINCE
    elif code[4:] == "00":
        assert level == RegionLevel.CITY
    else:
        assert level == RegionLevel.COUNTY
