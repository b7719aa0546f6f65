"""Each public form submits once: POST, redirect, GET, with the result held in the session.

A form carries a hidden one-time token (`HoneypotMixin.once`). The view that
creates a record writes a `FormSubmission` with that token in the same
transaction; a repeated POST of the same page finds it and is redirected to the
first result instead of creating a second record. The page after the redirect
reads what it shows from the session, so a reload, the back button or a
restored tab shows the result again without posting anything.
"""

from django.db import IntegrityError, transaction
from django.shortcuts import redirect

from ..encryption import decrypt, encrypt
from ..forms.base import once_token
from ..models import FormSubmission

SESSION_KEY = "ppid_results"


def earlier(request, kind):
    """The record id an earlier POST of this page created, or None."""
    token = once_token(request.POST)
    if not token:
        return None
    return FormSubmission.objects.filter(token=token, kind=kind).values_list("object_id", flat=True).first()


def submit_once(request, kind, create):
    """Run `create()` (which returns the new record) once per token; return the record id.

    When another POST with the same token won the race, its record id is returned
    and this one's writes are rolled back.
    """
    token = once_token(request.POST)
    try:
        with transaction.atomic():
            record = create()
            if token:
                FormSubmission.objects.create(token=token, kind=kind, object_id=record.pk)
    except IntegrityError:
        found = earlier(request, kind)
        if found is None:
            raise
        return found, None
    return record.pk, record


def remember(request, kind, object_id, secret=""):
    """Hold the result for the page after the redirect; a secret is kept encrypted, for one showing."""
    results = request.session.get(SESSION_KEY, {})
    entry = {"id": object_id}
    if secret:
        entry["secret"] = encrypt(secret)
    elif results.get(kind, {}).get("id") == object_id and "secret" in results[kind]:
        entry["secret"] = results[kind]["secret"]
    results[kind] = entry
    request.session[SESSION_KEY] = results


def recall(request, kind, *, take_secret=False):
    """The record id held for this kind of result, and its secret if asked for (removed on reading)."""
    results = request.session.get(SESSION_KEY, {})
    entry = results.get(kind)
    if not entry:
        return None, ""
    secret = ""
    if take_secret and "secret" in entry:
        secret = decrypt(entry.pop("secret"))
        request.session[SESSION_KEY] = results
    return entry["id"], secret


def show(request, kind, object_id, url_name, secret=""):
    """Remember the result and redirect to the page that shows it."""
    remember(request, kind, object_id, secret)
    return redirect(url_name)
