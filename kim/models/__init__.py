"""Records of the KIM app, and how the back office scopes them.

`registry` holds the KIMs with their channels, boards and awards, `forum` the
regency's KIM forum, `news` the KIM news with its review history. This module
adds the ``kim`` scoping dimension: a KIM manager sees only the KIMs they
manage and the rows that belong to them (posts, board, channels, awards,
photos, history), whatever screen, URL or form they use.

KIM rows are scoped by KIM only, not also by village: a manager's staff
profile need not name a village, and the KIM is the finer unit anyway.
"""

from portal import scoping
from portal.roles import Role, user_roles

from .forum import Forum, ForumBoardMember
from .news import Post, PostCorrection, PostPhoto, PostTransition
from .registry import (
    RESERVED_SLUGS,
    Achievement,
    BoardMember,
    BoardRole,
    Kim,
    KimLevel,
    KimStatusChange,
    MediaChannel,
)

__all__ = [
    "RESERVED_SLUGS",
    "Achievement",
    "BoardMember",
    "BoardRole",
    "Forum",
    "ForumBoardMember",
    "Kim",
    "KimLevel",
    "KimStatusChange",
    "MediaChannel",
    "Post",
    "PostCorrection",
    "PostPhoto",
    "PostTransition",
]

# Roles that keep the whole registry and review news.
REGISTRY_ROLES = frozenset({Role.ADMINISTRATOR, Role.EDITOR})


def managed_kims(user):
    """Scoping resolver: None (every KIM) for registry staff, else the KIMs the user manages.

    A manager keeps seeing a dissolved KIM; `kim.access` takes away the write access.
    """
    if user.is_superuser or user_roles(user) & REGISTRY_ROLES:
        return None
    return frozenset(Kim.managers.through.objects.filter(user_id=user.pk).values_list("kim_id", flat=True))


scoping.register_dimension("kim", "kim.Kim", managed_kims)
scoping.register(Kim, kim="pk")
scoping.register(KimStatusChange, kim="kim")
scoping.register(MediaChannel, kim="kim")
scoping.register(BoardMember, kim="kim")
scoping.register(Achievement, kim="kim")
scoping.register(Post, kim="kim")
scoping.register(PostPhoto, kim="post__kim")
scoping.register(PostTransition, kim="post__kim")
scoping.register(PostCorrection, kim="post__kim")
