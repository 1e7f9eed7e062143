"""schemathesis generates requests from the OpenAPI schema at /api/schema/ and sends them, as an officer with a
wide reach, to every operation; no answer may be a server error."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error

from lianjian.org.models import RoleCode, UnitType
from lianjian.org.tests.factories import UnitFactory, actor, city
from lianjian.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Requests go straight to the WSGI application, whose end-of-request handler closes the database connection;
    Django's own test client switches that off so the test's transaction survives, and so must this test."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def officer_token(db):
    """A token, not a session: token requests carry no CSRF token, so writes get past the CSRF check too."""
    person = actor(UnitFactory(type=UnitType.LEAD_OFFICE, region=city()), RoleCode.OFFICE_STAFF, RoleCode.UNIT_HEAD)
    return Token.objects.create(user=person).key


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_api_operation_answers_with_a_server_error(case, officer_token):
    response = case.call(headers={"Authorization": f"Token {officer_token}"})
    case.validate_response(response, checks=[not_a_server_error])
