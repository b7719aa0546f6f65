"""Records of the visits app; see `vocabularies` and `visit` for the details."""

from .visit import HostOfficial, Visit, VisitHistoryEntry, VisitPhoto, VisitQuerySet, VisitSession
from .vocabularies import HostUnit, Institution, Topic

__all__ = [
    "HostOfficial",
    "HostUnit",
    "Institution",
    "Topic",
    "Visit",
    "VisitHistoryEntry",
    "VisitPhoto",
    "VisitQuerySet",
    "VisitSession",
]
