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
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.roles import Role

from . import access
from .models import Kim, KimStatusChange, Post, PostCorrection, PostTransition

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
    KimStatusChange.objects.create(
        kim=kim, from_status="", to_status=kim.status, on=kim.founded_on or timezone.localdate(), by=by
    )
    return kim


@transaction.atomic
def change_kim_status(*, kim, to, on, by, note=""):
    """Move a KIM to another status from a given date and record it.

    Refuses moves outside KIM_STATUS_MOVES, dates in the future and dates
    before the current status began. Side effect after commit: an e-mail to
    the KIM's managers.
    """
    if by is not None and not (access.can_change_status(by) and access.manages(by, kim)):
        raise PermissionDenied(_("Only Diskominfo changes the status of a KIM."))
    kim = Kim.objects.select_for_update().get(pk=kim.pk)
    target = _choice(Kim.Status, to, "to")
    if target not in allowed_kim_moves(kim):
        raise ValidationError(
            {
                "to": _("A KIM that is %(current)s cannot become %(target)s.")
                % {"current": kim.get_status_display().lower(), "target": target.label.lower()}
            },
            code="move_not_allowed",
        )
    if not isinstance(on, datetime.date):
        raise ValidationError({"on": _("Give the date of the change.")}, code="date_required")
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
    previous = kim.status
    kim.status = target
    kim.status_since = on
    kim.save(update_fields=["status", "status_since", "updated"])
    KimStatusChange.objects.create(
        kim=kim, from_status=previous, to_status=target, on=on, by=by, note=(note or "").strip()[:300]
    )
    transaction.on_commit(partial(_mail_status_change, kim.pk, target))
    return kim


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
    PostTransition.objects.create(
        post=post, from_status="", to_status=post.status, at=at or timezone.now(), by=by
    )
    return post


@transaction.atomic
def transition_post(*, post, to, by, note="", at=None, notify=True):
    """Move a post to another status and record who did it, when and why.

    Refuses moves outside POST_MOVES; publishing and returning need the review
    permission, the other moves write access to the post's KIM; returning needs
    a note for the KIM. `at` backdates the move (imports). Side effects after
    commit (unless notify=False): e-mail to the editors when a post is
    submitted, to the author and the KIM's managers when it is published or
    returned.
    """
    post = Post.objects.select_for_update().select_related("kim").get(pk=post.pk)
    target = _choice(Post.Status, to, "to")
    current = Post.Status(post.status)
    if target not in POST_MOVES[current]:
        raise ValidationError(
            {
                "to": _("A post that is %(current)s cannot become %(target)s.")
                % {"current": current.label.lower(), "target": target.label.lower()}
            },
            code="move_not_allowed",
        )
    if by is not None:
        if (current, target) in REVIEW_MOVES:
            if not access.can_review(by):
                raise PermissionDenied(_("Only a Diskominfo editor may publish or return KIM news."))
        elif not access.can_write_kim(by, post.kim):
            raise PermissionDenied(_("You may move news only of a KIM you manage that is not dissolved."))
    note = (note or "").strip()
    if target == P.RETURNED and not note:
        raise ValidationError(
            {"note": _("Tell the KIM what to change before the post can be published.")}, code="note_required"
        )
    at = at or timezone.now()
    post.status = target
    fields = ["status", "updated"]
    if target == P.SUBMITTED:
        post.submitted_at = at
        fields.append("submitted_at")
    elif target == P.PUBLISHED:
        post.published_at = at
        post.reviewer_note = ""
        fields += ["published_at", "reviewer_note"]
    elif target == P.RETURNED:
        post.reviewer_note = note
        fields.append("reviewer_note")
    post.save(update_fields=fields)
    PostTransition.objects.create(post=post, from_status=current, to_status=target, at=at, by=by, note=note)
    if notify:
        transaction.on_commit(partial(_mail_post_transition, post.pk, target))
    return post


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
