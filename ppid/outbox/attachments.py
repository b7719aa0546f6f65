"""Attachments made when a message is sent, looked up by kind.

A message stores only the attachment's kind and a reference (usually a primary
key); the file itself is made at send time by the function registered for the
kind, so it always reflects the record as it is then and no personal file sits
in the outbox table. Register once at start-up, e.g. in an app's ``ready()``::

    from ppid.outbox import Attachment, register_attachment

    @register_attachment("receipt")
    def receipt_pdf(ref):
        info_request = InfoRequest.objects.get(pk=ref)
        return Attachment(f"{info_request.number}.pdf", make_pdf(info_request), "application/pdf")

The function returns an `Attachment` or None (nothing to attach). An exception
counts as a failed attempt: the message is tried again later with the error shown.
A message whose kind has no function registered is sent without an attachment.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str = "application/octet-stream"


_makers: dict[str, Callable[[str], Attachment | None]] = {}


def register_attachment(kind, make=None):
    """Register `make(ref) -> Attachment | None` for `kind`; usable as a decorator."""

    def add(function):
        _makers[kind] = function
        return function

    return add(make) if make is not None else add


def resolve_attachment(kind, ref):
    """The attachment of a message, or None when there is none to make."""
    if not kind or kind not in _makers:
        return None
    return _makers[kind](ref)
