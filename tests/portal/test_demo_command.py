"""load_demo: idempotent, creates one user per role, refuses to run in production."""

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from portal.roles import Role


def test_load_demo_refuses_when_debug_is_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only runs in development"):
        call_command("load_demo", only="regions")
    assert not User.objects.filter(username="admin").exists()


def test_load_demo_creates_one_user_per_role_and_prints_passwords_once(db, settings, capsys):
    settings.DEBUG = True
    call_command("load_demo", only="regions")
    first = capsys.readouterr().out
    users = {u.username: u for u in User.objects.filter(is_staff=True).prefetch_related("groups")}
    assert {g.name for u in users.values() for g in u.groups.all()} == set(Role.values)
    assert users["ppid_desa"].staff_profile.village_id == "35.22.18.2007"
    assert "ppid_desa" in first and "passwords are shown only this once" in first
    call_command("load_demo", only="regions")
    second = capsys.readouterr().out
    assert "passwords are shown only this once" not in second
    assert User.objects.filter(is_staff=True).count() == len(users)
