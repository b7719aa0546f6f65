"""Back-office roles as Django groups, and the model permissions each one holds.

The core and every domain app declare, in a module named ``roles``, which
permissions each role gets (``grant(Role.PPID_DESA, "ppid.change_dipitem")``).
`sync_roles()` makes the groups hold exactly those permissions; it runs after
every ``migrate`` and from ``load_demo``, and is idempotent.
"""

from collections import defaultdict

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """Group names are stored in Indonesian: they are what administrators see."""

    ADMINISTRATOR = "Administrator Diskominfo", _("Diskominfo administrator")
    EDITOR = "Editor Diskominfo", _("Diskominfo editor")
    PPID_UTAMA = "PPID Utama", _("PPID Utama (regency PPID and atasan)")
    PPID_DESA = "PPID Desa", _("Village PPID officer")
    KIM_MANAGER = "Pengelola KIM", _("KIM manager")


_grants: dict[str, set[str]] = defaultdict(set)


def grant(role, *permissions):
    """Declare that a role holds permissions given as "app_label.codename"."""
    _grants[Role(role).value].update(permissions)


def grant_model(role, model_label, *actions):
    """Shorthand: grant(role, "app.view_model", "app.change_model", …)."""
    app_label, model_name = model_label.lower().split(".")
    grant(role, *(f"{app_label}.{action}_{model_name}" for action in actions))


def granted(role):
    return frozenset(_grants[Role(role).value])


def user_roles(user):
    """The set of Role values a user holds (cached on the user object)."""
    cached = getattr(user, "_portal_roles", None)
    if cached is None:
        if not getattr(user, "is_authenticated", False):
            cached = frozenset()
        else:
            names = set(user.groups.values_list("name", flat=True))
            cached = frozenset(Role(name) for name in names if name in Role.values)
        user._portal_roles = cached
    return cached


def has_role(user, *roles):
    return bool(user_roles(user) & {Role(r) for r in roles})


def sync_roles():
    """Create the role groups and set their permissions to exactly what is granted.

    Returns the permissions that were granted but do not exist (yet).
    """
    from django.contrib.auth.models import Group, Permission

    missing = set()
    for role in Role:
        group, _created = Group.objects.get_or_create(name=role.value)
        wanted = granted(role)
        by_app = defaultdict(set)
        for perm in wanted:
            app_label, codename = perm.split(".", 1)
            by_app[app_label].add(codename)
        perms = []
        for app_label, codenames in by_app.items():
            found = list(Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))
            perms.extend(found)
            missing |= {f"{app_label}.{c}" for c in codenames - {p.codename for p in found}}
        group.permissions.set(perms)
    return missing


def sync_after_migrate(sender, using="default", **kwargs):
    """post_migrate receiver: runs for each app; the last run sees every permission."""
    if using != "default":
        return
    sync_roles()


# --- The core's own grants ---------------------------------------------------

grant_model(Role.ADMINISTRATOR, "auth.user", "view", "add", "change", "delete")
grant_model(Role.ADMINISTRATOR, "auth.group", "view")
grant_model(Role.ADMINISTRATOR, "portal.staffprofile", "view", "add", "change", "delete")
grant_model(Role.ADMINISTRATOR, "portal.district", "view", "change")
grant_model(Role.ADMINISTRATOR, "portal.village", "view", "change")
grant_model(Role.ADMINISTRATOR, "portal.villageofficial", "view", "add", "change", "delete")
grant_model(Role.ADMINISTRATOR, "portal.ratedpage", "view")
grant_model(Role.ADMINISTRATOR, "auditlog.logentry", "view")
grant_model(Role.ADMINISTRATOR, "portal.officepage", "view", "add", "change", "delete")
grant_model(Role.ADMINISTRATOR, "axes.accessattempt", "view", "delete")
grant_model(Role.ADMINISTRATOR, "axes.accessfailurelog", "view")
grant_model(Role.ADMINISTRATOR, "otp_totp.totpdevice", "view", "delete")
grant_model(Role.EDITOR, "portal.ratedpage", "view")
grant_model(Role.EDITOR, "portal.village", "view")
grant_model(Role.EDITOR, "portal.district", "view")
grant_model(Role.PPID_UTAMA, "portal.village", "view")
grant_model(Role.PPID_UTAMA, "portal.district", "view")
grant_model(Role.PPID_UTAMA, "portal.villageofficial", "view")
grant_model(Role.PPID_DESA, "portal.village", "view", "change")
grant_model(Role.PPID_DESA, "portal.villageofficial", "view", "add", "change", "delete")
grant_model(Role.KIM_MANAGER, "portal.village", "view")
