"""Records of the visits app; see `vocabularies` and `visit` for the details."""

from .parts import HostOfficial, VisitHistoryEntry, VisitPhoto, VisitSession
from .visit import Visit, VisitQuerySet
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
