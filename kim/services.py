"""Write-side workflows of the KIM app.

- `register_kim` saves a new KIM as active and starts its status history.
- `change_kim_status` moves a KIM between active, inactive and dissolved
  (allowed moves in `KIM_STATUS_MOVES`), writes a dated history row and, after
  the transaction commits, e-mails the KIM's managers.
- `create_post` / `save_new_post` save a new news post as a draft for a KIM
  the author may write for, with the first row of its history.
- `transition_post` moves a post through its workflow (allowed moves in
  `POST_MOVES`; publishing and returning need the review permission), writes a
  history row and, after commit, e-mails the editors (on submission) or the
  author and the KIM's managers (on publication or return).
- `add_post_correction` adds a dated correction under a published post.

These functions are the only place where a status is assigned. Each checks the
move and the person first and raises `ValidationError` (a move or input that is
not allowed, with the field it concerns) or `PermissionDenied` (the person may
not) before anything is written. ``by=None`` means a data import or the demo
loader: the permission checks are skipped, the rules of the table are not.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.roles import Role
from portal.workflow import InvalidTransition

from . import access
from .models import Kim, Post, PostCorrection
from .workflows import KIM_STATUS_MOVES, KIM_WORKFLOW, POST_MOVES, POST_WORKFLOW, REVIEW_MOVES, P, S

__all__ = [
    "KIM_STATUS_MOVES",
    "POST_MOVES",
    "REVIEW_MOVES",
    "InvalidTransition",
    "add_post_correction",
    "allowed_kim_moves",
    "allowed_post_moves",
    "change_kim_status",
    "create_post",
    "register_kim",
    "save_new_post",
    "transition_post",
]


def allowed_kim_moves(kim):
    return KIM_STATUS_MOVES[Kim.Status(kim.status)]


def allowed_post_moves(post, user):
    """The statuses this user may move the post to now (for buttons and forms)."""
    moves = []
    for target in POST_MOVES[Post.Status(post.status)]:
        if (post.status, target) in REVIEW_MOVES:
            if access.can_review(user):
                moves.append(target)
        elif access.can_write_kim(user, post.kim):
            moves.append(target)
    order = list(Post.Status)
    return sorted(moves, key=order.index)


# --- KIMs ----------------------------------------------------------------------


@transaction.atomic
def register_kim(*, kim, by):
    """Save a new KIM as active and start its status history.

    The status counts from the founding date when it is known; the first
    history row carries the founding date, or the day of entry in the
    registry. Side effects: none besides the two rows.
    """
    if kim.pk is not None:
        raise ValueError("register_kim() is for new KIMs; change an existing one with change_kim_status().")
    if by is not None and not access.is_registry_staff(by):
        raise PermissionDenied(_("Only Diskominfo keeps the KIM registry."))
    kim.full_clean(exclude=["managers"])
    kim.status_since = kim.founded_on
    kim.save()
    KIM_WORKFLOW.begin(kim, actor=by, history={"on": kim.founded_on or timezone.localdate()})
    return kim


def change_kim_status(*, kim, to, on, by, note=""):
    """Move a KIM to another status from a given date and record it.

    Refuses moves outside KIM_STATUS_MOVES (`InvalidTransition`), dates in the
    future and dates before the current status began. Side effect after
    commit: an e-mail to the KIM's managers.
    """
    if by is not None and not (access.can_change_status(by) and access.manages(by, kim)):
        raise PermissionDenied(_("Only Diskominfo changes the status of a KIM."))
    target = _choice(Kim.Status, to, "to")
    if not isinstance(on, datetime.date):
        raise ValidationError({"on": _("Give the date of the change.")}, code="date_required")

    def dated(locked):
        _check_status_date(locked, on)
        locked.status_since = on
        return ["status_since"]

    KIM_WORKFLOW.transition(
        kim,
        target,
        actor=by,
        note=note,
        apply=dated,
        history={"on": on},
        after_commit=[lambda row, entry: _mail_status_change(row.pk, entry.to_status)],
    )
    return kim


def _check_status_date(kim, on):
    if on > timezone.localdate():
        raise ValidationError({"on": _("The date cannot be in the future.")}, code="future_date")
    if kim.status_since and on < kim.status_since:
        raise ValidationError(
            {
                "on": _("The date cannot be before the current status began (%(date)s).")
                % {"date": kim.status_since.isoformat()}
            },
            code="date_before_current",
        )


# --- News ----------------------------------------------------------------------


def create_post(*, kim, title, body, by, is_sample=False, at=None):
    """Save a new news post as a draft of a KIM the author may write for (see save_new_post)."""
    return save_new_post(post=Post(kim=kim, title=title, body=body, is_sample=is_sample), by=by, at=at)


@transaction.atomic
def save_new_post(*, post, by, at=None):
    """Save a post built by a form or an import as a draft and start its history.

    Refuses a KIM the author may not write for; `at` backdates the first
    history row (imports). Side effects: none besides the post and that row.
    """
    if post.pk is not None:
        raise ValueError("save_new_post() is for new posts.")
    if by is not None and not access.can_write_kim(by, post.kim):
        raise PermissionDenied(_("You may write news only for a KIM you manage that is not dissolved."))
    post.created_by = by
    post.full_clean(exclude=["slug"])
    post.save()
    POST_WORKFLOW.begin(post, actor=by, at=at, is_public=False)
    return post


def transition_post(*, post, to, by, note="", at=None, notify=True):
    """Move a post to another status and record who did it, when and why.

    Refuses moves outside POST_MOVES (`InvalidTransition`); publishing and
    returning need the review permission, the other moves write access to the
    post's KIM; returning needs a note for the KIM. `at` backdates the move
    (imports). Side effects after commit (unless notify=False): e-mail to the
    editors when a post is submitted, to the author and the KIM's managers
    when it is published or returned.
    """
    target = _choice(Post.Status, to, "to")
    note = (note or "").strip()
    at = at or timezone.now()

    def review_rules(locked):
        _check_post_move(locked, Post.Status(locked.status), target, by=by, note=note)
        return _stamp_post(locked, target, at=at, note=note)

    effects = [lambda row, entry: _mail_post_transition(row.pk, entry.to_status)] if notify else []
    POST_WORKFLOW.transition(
        post,
        target,
        actor=by,
        note=note,
        at=at,
        is_public=False,
        apply=review_rules,
        after_commit=effects,
        select_related=["kim"],
    )
    return post


def _check_post_move(post, current, target, *, by, note):
    if by is not None:
        if (current, target) in REVIEW_MOVES:
            if not access.can_review(by):
                raise PermissionDenied(_("Only a Diskominfo editor may publish or return KIM news."))
        elif not access.can_write_kim(by, post.kim):
            raise PermissionDenied(_("You may move news only of a KIM you manage that is not dissolved."))
    if target == P.RETURNED and not note:
        raise ValidationError(
            {"note": _("Tell the KIM what to change before the post can be published.")}, code="note_required"
        )


def _stamp_post(post, target, *, at, note):
    """The fields a move sets besides the status; returns their names."""
    if target == P.SUBMITTED:
        post.submitted_at = at
        return ["submitted_at"]
    if target == P.PUBLISHED:
        post.published_at = at
        post.reviewer_note = ""
        return ["published_at", "reviewer_note"]
    if target == P.RETURNED:
        post.reviewer_note = note
        return ["reviewer_note"]
    return []


@transaction.atomic
def add_post_correction(*, post, text, by, at=None):
    """Add a dated correction under a published post (reviewers only). No other side effects."""
    if by is not None and not access.can_review(by):
        raise PermissionDenied(_("Only a Diskominfo editor may add a correction."))
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.status != P.PUBLISHED:
        raise ValidationError(
            {"text": _("Only published news gets corrections; edit the draft instead.")}, code="not_published"
        )
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write the correction.")}, code="required")
    return PostCorrection.objects.create(post=post, text=text, at=at or timezone.now(), by=by)


# --- Helpers -------------------------------------------------------------------


def _choice(choices, value, field):
    try:
        return choices(value)
    except ValueError:
        raise ValidationError(
            {field: _("Choose one of the listed statuses.")}, code="invalid_choice"
        ) from None


def _emails(users):
    return sorted({u.email for u in users if u.is_active and u.email})


def _send(recipients, subject, body):
    if recipients:
        send_mail(subject, body, None, recipients, fail_silently=True)


def _mail_status_change(kim_pk, target):
    kim = Kim.objects.get(pk=kim_pk)
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("%(kim)s is now %(status)s") % {
            "kim": kim.name,
            "status": Kim.Status(target).label.lower(),
        }
        body = _("Diskominfo has recorded a new status for %(kim)s: %(status)s, from %(date)s.") % {
            "kim": kim.name,
            "status": Kim.Status(target).label.lower(),
            "date": kim.status_since.isoformat(),
        }
        if target == S.DISSOLVED:
            body += "\n\n" + _("You can still read its records in the back office but no longer change them.")
    _send(_emails(kim.managers.all()), subject, body)


def _mail_post_transition(post_pk, target):
    post = Post.objects.select_related("kim", "created_by").get(pk=post_pk)
    admin_path = reverse("admin:kim_post_change", args=[post.pk])
    with translation.override(settings.LANGUAGE_CODE):
        if target == P.SUBMITTED:
            User = get_user_model()
            editors = User.objects.filter(groups__name=Role.EDITOR.value)
            subject = _("KIM news to review: %(title)s") % {"title": post.title}
            body = _(
                "%(kim)s has submitted “%(title)s” for review. Review it in the back office: %(path)s"
            ) % {
                "kim": post.kim.name,
                "title": post.title,
                "path": admin_path,
            }
            _send(_emails(editors), subject, body)
            return
        if target == P.PUBLISHED:
            subject = _("Published: %(title)s") % {"title": post.title}
            body = _("“%(title)s” of %(kim)s is now published at %(path)s.") % {
                "title": post.title,
                "kim": post.kim.name,
                "path": post.get_absolute_url(),
            }
        elif target == P.RETURNED:
            subject = _("Returned for changes: %(title)s") % {"title": post.title}
            body = _(
                "Diskominfo has returned “%(title)s” with this note:\n\n%(note)s\n\nChange it here: %(path)s"
            ) % {
                "title": post.title,
                "note": post.reviewer_note,
                "path": admin_path,
            }
        else:
            return
    people = list(post.kim.managers.all())
    if post.created_by is not None:
        people.append(post.created_by)
    _send(_emails(people), subject, body)
