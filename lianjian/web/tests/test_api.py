import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from lianjian.org.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_openapi_schema_generates(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "Lianjian API"
    assert any(path.startswith("/api/v1/") for path in schema["paths"])


def test_the_api_docs_page_loads_its_assets_locally_not_from_a_cdn(client):
    html = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in html
    assert "cdn.jsdelivr" not in html and "unpkg.com" not in html


def test_the_api_refuses_anonymous_callers():
    assert APIClient().get("/api/v1/audit/entries/").status_code in (401, 403)


def test_the_api_accepts_token_authentication():
    user = UserFactory()
    token = Token.objects.create(user=user)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api.get("/api/v1/audit/entries/").status_code == 200


def test_every_page_declares_utf8(client):
    assert '<meta charset="utf-8">' in client.get("/login/").content.decode()
