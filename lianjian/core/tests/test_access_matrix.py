"""Every route of the platform against an anonymous visitor and a read-only oversight officer.

Anonymous: only the pages listed in PUBLIC answer; everything else sends to the login page or refuses (401/403).
Oversight (纪检/审计/公安 readers): every API write is refused, no page fails, and no write request anywhere
(except on their own account) leaves an audit entry, the trace every service writes when it changes something.
"""

import pytest
from django.test import Client

from lianjian.audit.models import AuditEntry
from lianjian.org.models import RoleCode, UnitType
from lianjian.org.tests.factories import UnitFactory, actor, county

from .urlmatrix import routes

# Open to everyone on purpose: signing in, the public portal and disclosures (政务公开), the public complaint
# channel, the API description, the health probe.
PUBLIC = {
    "web:login", "web:logout", "web:health", "set_language", "admin:login", "admin:logout", "accounts:totp_verify",
    "schema", "api-docs",
    "org:public_power_lists", "credit:exposure",
    "complaints:submit", "complaints:submitted", "complaints:track",
    "complaints-public-submit", "complaints-public-track",
    "inspections:public_results", "inspections:public_draw", "inspections:public_draw_record",
    "portal:home", "portal:search", "portal:catalog", "portal:detail", "portal:feed_rss", "portal:feed_json",
    "portal-publication-list", "portal-publication-detail",
}
# Writes every signed-in person may make to their own account and inbox.
OWN_ACCOUNT = {"set_language", "web:logout", "accounts:totp", "notification-read-all", "notifications:mark_all_read"}
WRITE_METHODS = ["post", "put", "patch", "delete"]
ALL_ROUTES = sorted(routes())


def _refused_anonymously(response):
    location = response.headers.get("Location", "")
    return response.status_code in (401, 403) or (response.status_code == 302 and "login" in location)


def test_the_matrix_covers_every_route_and_every_public_name_exists():
    names = {name for _, name, _ in ALL_ROUTES}
    assert len(ALL_ROUTES) > 300
    assert PUBLIC - names == set()


@pytest.mark.django_db
def test_anonymous_visitors_reach_only_the_public_pages():
    client = Client(raise_request_exception=False)
    leaks = []
    for path, name, _ in ALL_ROUTES:
        if name in PUBLIC:
            continue
        for method in ["get", "post"]:
            response = getattr(client, method)(path)
            if not _refused_anonymously(response):
                leaks.append(f"{method.upper()} {path} ({name}) → {response.status_code}")
    assert leaks == []


@pytest.mark.django_db
def test_an_oversight_reader_can_change_nothing_anywhere():
    reader = actor(UnitFactory(type=UnitType.DISCIPLINE, region=county()), RoleCode.OVERSIGHT)
    client = Client(raise_request_exception=False)
    client.force_login(reader)
    before = AuditEntry.objects.count()
    wrong = []
    for path, name, _ in ALL_ROUTES:
        if name in OWN_ACCOUNT or name in PUBLIC or path.startswith("/admin/"):
            continue
        for method in WRITE_METHODS:
            response = getattr(client, method)(path, content_type="application/json") if method != "post" \
                else client.post(path, {})
            # API: 400 means the (empty) input was checked before the permission, and nothing was written (see the
            # audit count). Pages: several list and export pages render for any method, so a page may answer, but
            # never fail and never write.
            allowed = (400, 403, 404, 405) if path.startswith("/api/") else (200, 302, 400, 403, 404, 405)
            if response.status_code not in allowed:
                wrong.append(f"{method.upper()} {path} ({name}) → {response.status_code}")
    assert wrong == []
    assert AuditEntry.objects.count() == before
