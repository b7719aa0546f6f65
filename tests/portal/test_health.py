"""/healthz answers for load balancers."""

from unittest import mock

from django.db import OperationalError


def test_healthz_is_200_with_json_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_does_not_answer(client, db):
    with mock.patch("portal.views.connections") as conns:
        conns.__getitem__.return_value.cursor.side_effect = OperationalError("connection refused")
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"
