"""Responses meant for one person: private headers and file downloads.

A requester's tracking page, notice and answer documents, and an officer's view
of identity scans, are never cached, never indexed and never sniffed; files go
out as attachments named after the request's number.
"""

from django.http import FileResponse


def private_headers(response):
    """Pages and files meant for one person: never cached, never indexed, never sniffed."""
    response["Cache-Control"] = "no-store, private"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def download_name(stored, number, suffix):
    """``PPID-2026-000123-<suffix>.<ext>`` for a stored file of the request with that number."""
    extension = stored.name.rsplit(".", 1)[-1] if "." in stored.name else "bin"
    return f"{number.replace('/', '-')}-{suffix}.{extension}"


def private_download(stored, filename):
    """A stored file as a never-cached attachment."""
    return private_headers(FileResponse(stored.open("rb"), as_attachment=True, filename=filename))
