import pytest
from django.apps import apps
from django.urls import reverse

from lianjian.org.models import RoleCode
from lianjian.org.tests.factories import UserFactory
from lianjian.web.navigation import MAIN_NAV, PUBLIC_NAV

ENTRIES = [url_name for _, entries in MAIN_NAV for _, url_name, _ in entries] + [name for _, name in PUBLIC_NAV]


@pytest.mark.parametrize("url_name", ENTRIES)
def test_every_navigation_entry_of_an_installed_app_resolves(url_name):
    app = url_name.split(":")[0]
    if not apps.is_installed(f"lianjian.{app}"):
        pytest.skip(f"lianjian.{app} is not part of this deployment")
    assert reverse(url_name)


@pytest.mark.django_db
def test_the_side_navigation_groups_the_officers_pages_under_section_headings(client):
    client.force_login(UserFactory(roles=[RoleCode.SUPERVISOR_OFFICER]))
    page = client.get(reverse("web:dashboard")).content.decode()
    assert '<nav class="sidenav"' in page
    assert "<h2>协同组织</h2>" in page and f'href="{reverse("org:contact_book")}"' in page


def test_an_anonymous_visitor_sees_only_the_public_links(client):
    page = client.get(reverse("web:login")).content.decode()
    assert 'class="sidenav"' not in page
    assert f'href="{reverse("org:public_power_lists")}"' in page
