"""Staff accounts: guessable passwords refused, failed password changes counted, sessions end."""

import time

import pytest
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from portal import passwords
from portal.middleware import SIGNED_IN_AT


@pytest.mark.parametrize(
    "password, word",
    [
        ("Bojonegoro2026!", "bojonegoro"),
        ("pemkab.BOJONEGORO#1", "bojonegoro"),
        ("sekdes_sedahkidul99", "sedahkidul"),
        ("Rahasia!12345", "rahasia"),
        ("indonesia-merdeka-45", "indonesia"),
    ],
)
def test_passwords_built_on_the_region_the_username_or_a_local_word_are_refused(db, password, word):
    user = User(username="sekdes_sedahkidul", first_name="Siti")
    with pytest.raises(ValidationError) as error:
        validate_password(password, user)
    assert "password_context" in [item.code for item in error.value.error_list]
    assert word in " ".join(str(message) for message in error.value.messages)


@pytest.mark.parametrize("password", ["kopi tubruk di alun-alun pagi", "Gw7#qL2!vR9@xT4z"])
def test_long_unrelated_passwords_pass(db, password):
    validate_password(password, User(username="sekdes_sedahkidul"))


def test_common_passwords_are_refused_too(db):
    with pytest.raises(ValidationError) as error:
        validate_password("password123456", User(username="x"))
    assert "password_too_common" in [item.code for item in error.value.error_list]


def change_password(client, old):
    new = "Gw7#qL2!vR9@xT4z-baru"
    return client.post(
        reverse("admin:password_change"), {"old_password": old, "new_password1": new, "new_password2": new}
    )


def test_failed_password_changes_are_counted_and_stop_at_the_limit(client, editor, caplog):
    client.force_login(editor)
    with caplog.at_level("WARNING", logger="portal.security"):
        for _attempt in range(passwords.FAILED_CHANGE_LIMIT):
            assert change_password(client, "salah sekali").status_code == 200
    assert f"failed password change {passwords.FAILED_CHANGE_LIMIT} for user {editor.pk}" in caplog.text
    # Even the right current password is refused now, until the hour is over.
    refused = change_password(client, "correct horse battery")
    assert refused.status_code == 429
    editor.refresh_from_db()
    assert editor.check_password("correct horse battery")


def test_a_right_password_change_is_not_counted(client, editor):
    client.force_login(editor)
    assert change_password(client, "correct horse battery").status_code == 302
    assert passwords.password_change_allowed(editor)


def test_a_session_ends_at_its_absolute_lifetime_however_active(client, settings, editor):
    settings.STAFF_SESSION_MAX_SECONDS = 3600
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    session = client.session
    assert time.time() - session[SIGNED_IN_AT] < 60
    session[SIGNED_IN_AT] = int(time.time()) - 3601
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))
    assert client.get("/admin/").status_code == 302  # signed out, not just redirected once


def test_the_default_absolute_lifetime_is_longer_than_the_idle_one(settings):
    assert settings.SESSION_COOKIE_AGE < settings.STAFF_SESSION_MAX_SECONDS <= 60 * 60 * 12


def test_signing_in_again_starts_the_lifetime_afresh(client, editor):
    client.force_login(editor)
    session = client.session
    session[SIGNED_IN_AT] = int(time.time()) - 3000
    session.save()
    response = client.post(
        reverse("admin:login"),
        {"username": editor.username, "password": "correct horse battery", "next": "/admin/"},
    )
    assert response.status_code == 302
    assert time.time() - client.session[SIGNED_IN_AT] < 60
