"""The two status machines of the KIM app, declared once on the portal's workflow kit.

`KIM_WORKFLOW` moves a KIM between active, inactive and dissolved; its history
(`KimStatusChange`) is the public status history of the KIM's page.
`POST_WORKFLOW` moves a news post through review; its history
(`PostTransition`) stays in the back office. `kim.services` adds the rules of
its own: dates, permissions, the reviewer's note.
"""

from portal.workflow import Workflow

from .models import Kim, Post

S = Kim.Status
KIM_STATUS_MOVES = {
    S.ACTIVE: frozenset({S.INACTIVE, S.DISSOLVED}),
    S.INACTIVE: frozenset({S.ACTIVE, S.DISSOLVED}),
    # A dissolved group that starts again is registered as a new KIM with a new decree.
    S.DISSOLVED: frozenset(),
}

P = Post.Status
POST_MOVES = {
    P.DRAFT: frozenset({P.SUBMITTED}),
    P.SUBMITTED: frozenset({P.PUBLISHED, P.RETURNED, P.DRAFT}),
    P.RETURNED: frozenset({P.SUBMITTED}),
    # Published news stays as it is; corrections are added with add_post_correction.
    P.PUBLISHED: frozenset(),
}
# Moves only a reviewer (a Diskominfo editor) may make; the others are the KIM's own.
REVIEW_MOVES = frozenset({(P.SUBMITTED, P.PUBLISHED), (P.SUBMITTED, P.RETURNED)})

KIM_WORKFLOW = Workflow(
    model="kim.Kim",
    history="kim.KimStatusChange",
    parent="kim",
    statuses=Kim.Status,
    moves=KIM_STATUS_MOVES,
    initial=S.ACTIVE,
    noun="KIM",
)

POST_WORKFLOW = Workflow(
    model="kim.Post",
    history="kim.PostTransition",
    parent="post",
    statuses=Post.Status,
    moves=POST_MOVES,
    initial=P.DRAFT,
    noun="post",
)
