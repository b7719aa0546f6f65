"""Who may write what in the KIM app, on top of the row scoping of `portal.scoping`.

Scoping decides which KIMs a user can see at all; these rules decide what they
may change there:

- registry staff (Diskominfo administrators and editors, superusers) may write
  for every KIM, review news and change a KIM's status;
- a KIM manager may write only for the KIMs they manage, and loses that when
  the KIM is dissolved (they still see it);
- nobody edits a published post: corrections are added as notes;
- a manager edits a post only while it is a draft or returned to them.

The admin and the services both ask here, so the rules live in one place.
"""

from portal import scoping
from portal.roles import Role, has_role

from .models import REGISTRY_ROLES, Kim, Post

REVIEW_PERMISSION = "kim.review_post"
STATUS_PERMISSION = "kim.change_kim_status"


def is_registry_staff(user):
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or has_role(user, *REGISTRY_ROLES)


def manages(user, kim):
    """Whether the KIM lies in the user's scope (they manage it, or they are registry staff)."""
    allowed = scoping.scope_for(user).allowed("kim")
    return allowed is None or kim.pk in allowed


def can_write_kim(user, kim):
    """May the user change this KIM's profile, board, channels, awards and news?"""
    if is_registry_staff(user):
        return True
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return (
        has_role(user, Role.KIM_MANAGER)
        and kim.pk is not None
        and manages(user, kim)
        and kim.status != Kim.Status.DISSOLVED
    )


def writable_kims(user, queryset=None):
    """The KIMs a user may write for, as a queryset."""
    queryset = Kim.objects.all() if queryset is None else queryset
    if is_registry_staff(user):
        return queryset
    if not has_role(user, Role.KIM_MANAGER):
        return queryset.none()
    return scoping.filter_queryset(queryset, user).exclude(status=Kim.Status.DISSOLVED)


def can_review(user):
    """May the user publish or return KIM news (Diskominfo editors)?"""
    return bool(
        getattr(user, "is_authenticated", False) and user.is_active and user.has_perm(REVIEW_PERMISSION)
    )


def can_change_status(user):
    return bool(
        getattr(user, "is_authenticated", False) and user.is_active and user.has_perm(STATUS_PERMISSION)
    )


def can_edit_post(user, post):
    """May the user change a post's text, title and photos?"""
    if post.status == Post.Status.PUBLISHED:
        return False
    if is_registry_staff(user):
        return True
    editable = (Post.Status.DRAFT, Post.Status.RETURNED)
    return post.status in editable and can_write_kim(user, post.kim)
