"""The status machine of visits, declared once on the portal's workflow kit.

Draft, scheduled and published, with the moves of `Visit.NEXT_STATUSES`. Its
history (`VisitHistoryEntry`) is public for publications and corrections;
`visits.services` adds the publish-time rules.
"""

from portal.workflow import Workflow

from .models import Visit

VISIT_WORKFLOW = Workflow(
    model="visits.Visit",
    history="visits.VisitHistoryEntry",
    parent="visit",
    statuses=Visit.Status,
    moves=Visit.NEXT_STATUSES,
    initial=Visit.Status.DRAFT,
    noun="visit",
)
