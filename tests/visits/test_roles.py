"""Which role holds which permission on visits."""

import pytest
from django.contrib.auth.models import Group

from portal.roles import Role, sync_roles

MODELS = ["visit", "hostofficial", "visitsession", "visitphoto", "institution", "topic", "hostunit"]
EVERYTHING = {f"{action}_{model}" for model in MODELS for action in ("view", "add", "change", "delete")} | {
    "publish_visit"
}


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (Role.ADMINISTRATOR, EVERYTHING),
        (Role.EDITOR, EVERYTHING),
        (Role.PPID_UTAMA, set()),
        (Role.PPID_DESA, set()),
        (Role.KIM_MANAGER, set()),
    ],
)
def test_role_permissions_on_visits(db, role, expected):
    assert not sync_roles()  # every granted permission exists
    group = Group.objects.get(name=role.value)
    held = set(group.permissions.filter(content_type__app_label="visits").values_list("codename", flat=True))
    assert held == expected
