import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from lianjian.org.demo import DEMO_PASSWORD
from lianjian.org.tests.factories import UserFactory


@pytest.mark.parametrize("password", ["Lianjian-Test-2026", DEMO_PASSWORD, "zhu jian ju 2026!", "LIANJIAN#2026X"])
def test_passwords_of_twelve_characters_from_three_classes_are_accepted(password):
    validate_password(password)


@pytest.mark.parametrize("password", ["Short-26!", "lianjianjianguan", "lianjianjianguan2026", "LIANJIAN2026ZZ"])
def test_short_or_single_minded_passwords_are_refused_with_a_chinese_reason(password):
    with pytest.raises(ValidationError) as exc:
        validate_password(password)
    assert any("至少需要 12 个字符" in m and "至少 3 类" in m for m in exc.value.messages)


@pytest.mark.django_db
def test_a_password_resembling_the_username_is_still_refused():
    person = UserFactory.build(username="zhangwei2026", full_name="张伟")
    with pytest.raises(ValidationError):
        validate_password("Zhangwei2026!", person)
