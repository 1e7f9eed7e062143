"""Deployment settings, security headers, inline-script-free templates and CSRF on every form and API."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

from lianjian.org.tests.factories import UserFactory

ROOT = Path(settings.BASE_DIR)
# drf-spectacular's schema warnings also surface under --deploy; they are about the API schema, not deployment
# security, and test_api_fuzz checks the schema itself.
NOT_DEPLOYMENT = ("drf_spectacular.W001",)


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = {**os.environ, "LIANJIAN_DEBUG": "false", "LIANJIAN_SECRET_KEY": secrets.token_urlsafe(50),
           "LIANJIAN_ALLOWED_HOSTS": "lianjian.example.gov.cn", "LIANJIAN_DATA_DIR": str(tmp_path)}
    # The browser fixture sets DJANGO_ALLOW_ASYNC_UNSAFE for this process; a deployment never has it.
    for inherited in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(inherited, None)
    result = subprocess.run([sys.executable, "-m", "lianjian.cli", "check", "--deploy"], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    issues = [line for line in (result.stdout + result.stderr).splitlines()
              if re.match(r"^\S*: \(\w[\w.]*\.[EW]\d+\)", line) and not any(code in line for code in NOT_DEPLOYMENT)]
    assert issues == [], "\n".join(issues)
    assert "Traceback" not in result.stderr


def test_production_settings_force_https_and_secure_cookies(tmp_path):
    env = {**os.environ, "LIANJIAN_DEBUG": "false", "LIANJIAN_DATA_DIR": str(tmp_path),
           "LIANJIAN_BEHIND_TLS_PROXY": "true", "LIANJIAN_SSL_REDIRECT": "false"}
    probe = ("from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, s.SECURE_PROXY_SSL_HEADER, "
             "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS >= 31536000)")
    out = subprocess.run([sys.executable, "-c", f"import django, os; os.environ['DJANGO_SETTINGS_MODULE']="
                          f"'lianjian.settings'; django.setup(); {probe}"], env=env, cwd=ROOT, capture_output=True,
                         text=True, timeout=120).stdout.strip()
    assert out == "False ('HTTP_X_FORWARDED_PROTO', 'https') True True True"


@pytest.mark.django_db
def test_every_page_carries_the_security_headers(client):
    client.force_login(UserFactory())
    for path in ["/login/", "/", "/api/v1/deadlines/", "/public/"]:
        response = client.get(path)
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-eval" not in csp and "frame-ancestors 'none'" in csp, path
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "same-origin"


def _templates():
    for app_dir in sorted((ROOT / "lianjian").iterdir()):
        yield from sorted((app_dir / "templates").rglob("*.html")) if (app_dir / "templates").is_dir() else []


def test_no_template_has_an_inline_script_or_event_handler_the_policy_would_block():
    offending = []
    for template in _templates():
        text = template.read_text(encoding="utf-8")
        for match in re.finditer(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>|\son[a-z]+\s*=|"
                                 r"href=\"javascript:", text):
            offending.append(f"{template.relative_to(ROOT)}: {match.group(0).strip()}")
    assert offending == []


def _views(patterns=None, prefix=""):
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            yield from _views(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


def test_no_page_opts_out_of_csrf_protection_and_the_api_enforces_it_for_sessions():
    exempt = []
    for route, view in _views():
        drf_view = getattr(view, "cls", None)
        if drf_view is not None and hasattr(drf_view, "authentication_classes"):
            # DRF marks its views csrf_exempt and enforces CSRF itself for session-authenticated requests.
            names = {cls.__name__ for cls in drf_view.authentication_classes}
            if names - {"SessionAuthentication", "TokenAuthentication", "BasicAuthentication"}:
                exempt.append(f"{route}: {names}")
        elif getattr(view, "csrf_exempt", False):
            exempt.append(route)
    assert exempt == []


@pytest.mark.django_db
def test_a_post_without_the_csrf_token_is_refused_on_pages_and_api():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    assert client.post("/login/", {"username": "x", "password": "y"}).status_code == 403
    client.force_login(UserFactory())
    assert client.post("/notifications/read-all/").status_code == 403
    assert client.post("/api/v1/deadlines/", {}).status_code == 403
