"""The OpenAPI description: valid OpenAPI 3.1, and the portal answers as it says (schemathesis)."""

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from openapi_spec_validator import validate
from schemathesis.checks import not_a_server_error
from schemathesis.openapi.checks import JsonSchemaError
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 4
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def test_description_is_valid_openapi_3_1(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    document = response.json()
    validate(document)
    assert document["openapi"] == "3.1.0"
    assert "/apbdes/api/ringkasan/" in document["paths"]
    assert "/api/3/action/package_search" in document["paths"]


def test_human_page_lists_every_operation(client):
    document = client.get("/api/openapi.json").json()
    page = client.get("/api/").content.decode()
    for path in document["paths"]:
        assert f"GET {path}" in page


def test_every_operation_answers_as_described(loopback, published):
    document = requests.get(f"{loopback}/api/openapi.json", timeout=10).json()
    schema = schemathesis.openapi.from_dict(document)
    session = requests.Session()
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            case.call_and_validate(base_url=loopback, session=session, checks=CHECKS)

        check()


def test_a_response_that_breaks_the_description_is_caught(loopback, published):
    document = requests.get(f"{loopback}/api/openapi.json", timeout=10).json()
    document["components"]["schemas"]["Page"]["required"].append("not_in_the_answer")
    schema = schemathesis.openapi.from_dict(document)
    operation = schema.find_operation_by_label("GET /apbdes/api/ringkasan/")

    @given(case=operation.as_strategy())
    @settings(max_examples=1, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def check(case):
        case.query = {}
        case.call_and_validate(base_url=loopback, checks=CHECKS)

    with pytest.raises(BaseExceptionGroup) as raised:
        check()
    assert raised.group_contains(JsonSchemaError, match="Response violates schema")
