"""Back office of the KIM app.

Diskominfo editors keep the registry (KIMs, their decrees, levels, boards,
channels and awards, the KIM forum) and review KIM news. A KIM manager sees
only the KIMs they manage (the ``kim`` scoping dimension) and, through
`kim.access`, may change only those that are not dissolved: the profile,
channels, board, awards and news drafts, never the KIM's name, village, level
or status, and never publish. Status changes and news reviews are separate
pages that call `kim.services`; the history rows they write are read-only here.
"""

from .forum import ForumAdmin, ForumBoardMemberInline
from .inlines import (
    AchievementInline,
    BoardFormSet,
    BoardMemberInline,
    KimChildInlineMixin,
    KimStatusChangeInline,
    MediaChannelInline,
    ReadOnlyInlineMixin,
)
from .news import PostAdmin, PostCorrectionInline, PostPhotoInline, PostTransitionInline
from .registry import KimAdmin, KimLevelAdmin

__all__ = [
    "AchievementInline",
    "BoardFormSet",
    "BoardMemberInline",
    "ForumAdmin",
    "ForumBoardMemberInline",
    "KimAdmin",
    "KimChildInlineMixin",
    "KimLevelAdmin",
    "KimStatusChangeInline",
    "MediaChannelInline",
    "PostAdmin",
    "PostCorrectionInline",
    "PostPhotoInline",
    "PostTransitionInline",
    "ReadOnlyInlineMixin",
]
