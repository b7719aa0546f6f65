"""KIM news (“Kabar KIM”): posts a KIM writes and Diskominfo reviews.

A post moves draft → submitted → published, or submitted → returned (with the
reviewer's note) → submitted again; the author may also withdraw a submitted
post back to draft. Only `kim.services.transition_post` changes the status; it
writes a `PostTransition` row for every move. A published post is never edited
or deleted: a correction is added as a dated note shown under it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from portal import richtext
from portal.uploads import BasePhoto
from portal.workflow import HistoryEntry

from .registry import RICH_TEXT_HELP, Kim

# `kabar/feed/` is the feed, so no post may take "feed" as its slug.
RESERVED_POST_SLUGS = ("feed",)


class PostQuerySet(models.QuerySet):
    def published(self):
        """The visibility gate: published posts of KIMs shown on the public site."""
        return self.filter(status=Post.Status.PUBLISHED, kim__is_public=True)

    def latest_first(self):
        return self.order_by("-published_at", "-pk")

    def for_list(self):
        """Published posts newest first with their KIM, village and kecamatan."""
        return self.select_related("kim__village__district").latest_first()

    def awaiting_review(self):
        return self.filter(status=Post.Status.SUBMITTED)


class Post(models.Model):
    """One news post of a KIM."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        PUBLISHED = "published", _("Published")
        RETURNED = "returned", _("Returned to the KIM")

    kim = models.ForeignKey(Kim, on_delete=models.PROTECT, related_name="posts", verbose_name=_("KIM"))
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("web address"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_("Made from the title when left empty."),
    )
    body = models.TextField(_("text"), help_text=RICH_TEXT_HELP)
    body_html = models.TextField(_("text (HTML)"), blank=True, editable=False)
    excerpt = models.CharField(_("excerpt"), max_length=300, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    reviewer_note = models.TextField(_("reviewer's note"), blank=True, editable=False)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("written by"),
    )
    is_sample = models.BooleanField(_("sample data"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("last changed"), auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("KIM news post")
        verbose_name_plural = _("KIM news (Kabar KIM)")
        ordering = ["-published_at", "-created"]
        permissions = [("review_post", _("Can publish or return KIM news"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "submitted", "published", "returned"]),
                name="kim_post_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="kim_post_published_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(slug__in=RESERVED_POST_SLUGS), name="kim_post_slug_not_reserved"
            ),
        ]
        indexes = [models.Index(fields=["status", "-published_at"], name="kim_post_status_published")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        extra = set()
        if update_fields is None or "body" in update_fields:
            self.body_html = richtext.to_html(self.body)
            self.excerpt = richtext.to_text(self.body, limit=280)
            extra |= {"body_html", "excerpt"}
        if not self.slug:
            self.slug = self._unique_slug()
            extra.add("slug")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, *extra}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("kim:post", args=[self.slug])

    def _unique_slug(self):
        base = slugify(self.title)[:100].strip("-") or "kabar"
        if base in RESERVED_POST_SLUGS:
            base = f"{base}-kim"
        taken = set(
            Post.objects.filter(slug__startswith=base).exclude(pk=self.pk).values_list("slug", flat=True)
        )
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        return slug

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED


class PostPhoto(BasePhoto):
    """A photo in a KIM news post (alt text required, re-encoded, with renditions)."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="photos", verbose_name=_("post"))

    class Meta(BasePhoto.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


class PostTransition(HistoryEntry):
    """One move of a post between statuses: who, when and the reviewer's note.

    The review history is the back office's; the public sees only the post.
    """

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("post")
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Post.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=Post.Status.choices)

    class Meta(HistoryEntry.Meta):
        verbose_name = _("post status change")
        verbose_name_plural = _("post status history")


class PostCorrection(models.Model):
    """A dated correction shown under a published post (the post itself is not edited)."""

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="corrections", verbose_name=_("post")
    )
    text = models.TextField(_("correction"))
    at = models.DateTimeField(_("at"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.post}: {self.at:%Y-%m-%d}"
