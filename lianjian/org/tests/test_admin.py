import pytest
from django.urls import reverse

from lianjian.org.models import LiaisonAssignment, PowerList, Region, Role, Sector, Unit, User

from .factories import LiaisonAssignmentFactory, PowerItemFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [Region, Sector, Unit, User, Role, PowerList, LiaisonAssignment])
def test_every_org_model_has_a_working_admin_list_add_and_change_page(client, model):
    root = UserFactory(is_superuser=True, is_staff=True)
    PowerItemFactory()
    LiaisonAssignmentFactory()
    client.force_login(root)
    opts = model._meta
    assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 200
    obj = model.objects.first()
    assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])).status_code == 200


def test_the_person_admin_shows_unit_and_roles_and_never_the_password_hash(client):
    root = UserFactory(is_superuser=True, is_staff=True)
    person = UserFactory(full_name="徐敏")
    client.force_login(root)
    page = client.get(reverse("admin:org_user_change", args=[person.pk])).content.decode()
    assert 'name="unit"' in page and 'name="roles"' in page
    assert person.password not in page
