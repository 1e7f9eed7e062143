"""Fixtures shared by every app's tests."""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("LIANJIAN_CHROMIUM", "/usr/bin/chromium")
# Flags that keep headless Chromium off the (closed) network and quiet on a machine with no display.
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]


def _tables_with_rows():
    """Every table's rows as they are: after migrations, that is the reference data (roles, holidays, deadline
    rules, specialties, catalog thresholds, content types …)."""
    from django.apps import apps

    snapshot = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        fields = [f.attname for f in model._meta.concrete_fields]
        rows = list(model._base_manager.values_list(*fields))
        if rows:
            snapshot.append((model, fields, rows))
    return snapshot


@pytest.fixture(scope="session")
def _reference_data(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return _tables_with_rows()


@pytest.fixture(autouse=True)
def _restore_reference_data(request):
    """A transactional test (browser tests, concurrency tests) empties every table when it ends, reference data
    included. Put that data back before each one, so no test depends on which ran before it. Bulk inserts take a
    fraction of the time of Django's serialized rollback."""
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("transaction")):
        return
    snapshot = request.getfixturevalue("_reference_data")
    from django.db import transaction

    with request.getfixturevalue("django_db_blocker").unblock(), transaction.atomic():
        for model, fields, rows in snapshot:
            if model._base_manager.exists():
                continue
            model._base_manager.bulk_create([model(**dict(zip(fields, row))) for row in rows], batch_size=500)


@pytest.fixture(autouse=True)
def _chinese_first(settings):
    settings.LANGUAGE_CODE = "zh-hans"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Factories give every person a password; the production hasher's deliberate slowness would dominate test time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def _chromium():
    """One headless Chromium for the whole session. On CI a missing browser is a failure, not a skip."""
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"browser tests need Chromium at {CHROMIUM} (Debian package 'chromium')")
        pytest.skip(f"Chromium not installed at {CHROMIUM}; install the Debian package 'chromium' to run browser tests")
    # Playwright's sync API keeps an event loop in this thread; Django's ORM, used by the same tests to set up data,
    # would otherwise refuse to run beside it.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(_chromium, live_server):
    context = _chromium.new_context(base_url=live_server.url, locale="zh-CN", timezone_id="Asia/Shanghai")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def login(page, username, password):
    """Log in through the real login form, as a person would."""
    page.goto("/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state()
