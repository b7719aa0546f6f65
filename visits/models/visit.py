"""A visit by another government and the one gate to its public pages.

The people and sessions in it, its photos and its history are in `parts`.

A `Visit` moves between three statuses (draft, scheduled, published) only
through `visits.services.change_status`, which checks `Visit.NEXT_STATUSES`
and writes a `VisitHistoryEntry`. The public sees a visit only through
`Visit.objects.published()`: status published and a publish time that has
come. A published visit is never deleted; changes to it are recorded as
public corrections.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.deletion import ProtectedError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import richtext

from ..slugs import free_slug, propose_slug
from .vocabularies import HostUnit, Institution, Topic

SLUG_MAX_LENGTH = 220
# The plain-text start of a report that describes a visit without a summary.
DESCRIPTION_LENGTH = 200
# The newest visits sharing a topic among which the related visits are ranked.
RELATED_CANDIDATES = 60
# Addresses under /kunjungan/ that belong to other pages, never to a visit.
RESERVED_SLUGS = frozenset({"statistik", "feed", "data"})


def _kims():
    from kim.models import Kim

    return Kim.objects.published().select_related("village").order_by("name")


class VisitQuerySet(models.QuerySet):
    def published(self, *, now=None):
        """The one visibility gate: published visits whose publish time has come."""
        return self.filter(status=Visit.Status.PUBLISHED, publish_at__lte=now or timezone.now())

    def newest_first(self):
        return self.order_by("-start_date", "-publish_at", "-pk")

    def for_list(self):
        """Newest first, with what a list item shows, in a fixed number of queries."""
        return (
            self.select_related("institution")
            .prefetch_related("topics", Prefetch("photos", queryset=_photos()))
            .newest_first()
        )

    def for_detail(self):
        """Everything the visit page shows, in a fixed number of queries."""
        return self.select_related("institution").prefetch_related(
            "topics",
            "host_units",
            Prefetch("villages", queryset=_villages().select_related("district")),
            Prefetch("kims_visited", queryset=_kims()),
            "officials",
            "sessions",
            Prefetch("photos", queryset=_photos()),
            Prefetch(
                "history",
                queryset=_public_history(),
                to_attr="public_history",
            ),
        )

    def in_year(self, year):
        return self.filter(start_date__year=year)

    def from_province(self, province_code):
        return self.filter(institution__province_code=province_code)

    def by_institution_kind(self, kind):
        return self.filter(institution__kind=kind)

    def by_kind(self, kind):
        return self.filter(kind=kind)

    def with_topic(self, slug):
        return self.filter(topics__slug=slug)

    def to_village(self, village):
        return self.filter(villages=village)

    def search(self, text):
        """Visits whose title, summary, institution or leader mention the text (for site search)."""
        text = (text or "").strip()
        if not text:
            return self.none()
        return self.filter(
            Q(title__icontains=text)
            | Q(summary__icontains=text)
            | Q(institution__name__icontains=text)
            | Q(institution__short_name__icontains=text)
            | Q(leader_name__icontains=text)
        )

    def related_to(self, visit, *, limit=4):
        """Other visits sharing a topic with `visit`, most shared topics first; one query.

        The visits are picked from the narrow topic links (grouped by visit
        alone) and only those few are read whole: grouping whole visit rows by
        every column took 17 ms at 2,000 visits. The candidates are the newest
        `RELATED_CANDIDATES` visits sharing a topic, so the query reads the
        same number of rows at 2,000 visits as at 20: ranking every visit
        sharing one of the few topics took 17 ms at 2,000 visits.
        """
        topic_ids = [topic.pk for topic in visit.topics.all()]
        if not topic_ids:
            return self.none()
        links = Visit.topics.through.objects.filter(topic_id__in=topic_ids).order_by()
        candidates = (
            self.exclude(pk=visit.pk)
            .filter(pk__in=links.values("visit_id"))
            .order_by("-start_date", "-pk")
            .values("pk")[:RELATED_CANDIDATES]
        )
        picked = (
            links.filter(visit_id__in=candidates)
            .values("visit_id")
            .annotate(shared=Count("topic_id"))
            .order_by("-shared", "-visit__start_date", "-visit_id")
            .values("visit_id")[:limit]
        )
        shared = links.filter(visit_id=OuterRef("pk")).values("visit_id").annotate(n=Count("pk")).values("n")
        return (
            self.filter(pk__in=picked)
            .annotate(shared_topics=Subquery(shared))
            .select_related("institution")
            .order_by("-shared_topics", "-start_date", "-pk")
        )

    def delete(self):
        if self.filter(status=Visit.Status.PUBLISHED).exists():
            raise ProtectedError(
                _("Published visits cannot be deleted."), set(self.filter(status=Visit.Status.PUBLISHED))
            )
        return super().delete()


def _villages():
    from portal.models import Village

    return Village.objects.all()


def _photos():
    from .parts import VisitPhoto

    return VisitPhoto.objects.order_by("order", "pk")


def _public_history():
    from .parts import VisitHistoryEntry

    return VisitHistoryEntry.objects.filter(is_public=True).order_by("at", "pk")


class Visit(models.Model):
    """One delegation's visit, as reported by the host's communications office."""

    class Kind(models.TextChoices):
        WORK_VISIT = "kunjungan_kerja", _("Work visit (kunjungan kerja)")
        STUDY_VISIT = "studi_banding", _("Study visit (studi banding)")
        STUDY_TO_REPLICATE = "studi_tiru", _("Study-and-replicate visit (studi tiru)")
        BENCHMARKING = "benchmarking", _("Benchmarking")
        OTHER = "lainnya", _("Other")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")

    # The only moves `services.change_status` allows. A published visit stays
    # published: its changes are recorded as corrections, never made silently.
    NEXT_STATUSES = {
        Status.DRAFT: frozenset({Status.SCHEDULED, Status.PUBLISHED}),
        Status.SCHEDULED: frozenset({Status.DRAFT, Status.PUBLISHED}),
        Status.PUBLISHED: frozenset(),
    }

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("address"),
        max_length=SLUG_MAX_LENGTH,
        unique=True,
        blank=True,
        help_text=_(
            "The last part of the page address. Leave empty to derive it from the title; "
            "it cannot change once the visit is published."
        ),
    )
    kind = models.CharField(_("kind of visit"), max_length=20, choices=Kind.choices)
    institution = models.ForeignKey(
        Institution,
        on_delete=models.PROTECT,
        related_name="visits",
        verbose_name=_("visiting institution"),
    )
    visiting_units = models.CharField(
        _("units in the delegation"),
        max_length=300,
        blank=True,
        help_text=_("Offices of the visiting institution that came, e.g. “Diskominsta Kota Magelang”."),
    )
    leader_name = models.CharField(_("delegation leader"), max_length=150)
    leader_position = models.CharField(_("leader's position"), max_length=200, blank=True)
    delegation_size = models.PositiveSmallIntegerField(
        _("delegation size"),
        null=True,
        blank=True,
        help_text=_("Number of people in the delegation, if known."),
    )
    start_date = models.DateField(_("date"))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Only for visits of more than one day.")
    )
    venue = models.CharField(
        _("venue"),
        max_length=200,
        blank=True,
        help_text=_("Where the delegation was received, e.g. “ruang Angling Darmo”."),
    )
    topics = models.ManyToManyField(Topic, related_name="visits", blank=True, verbose_name=_("topics"))
    host_units = models.ManyToManyField(
        HostUnit, related_name="visits", blank=True, verbose_name=_("host units present")
    )
    villages = models.ManyToManyField(
        "portal.Village",
        related_name="visits",
        blank=True,
        verbose_name=_("villages visited"),
        help_text=_("Villages the delegation went to on site."),
    )
    kims_visited = models.ManyToManyField(
        "kim.Kim",
        related_name="visits",
        blank=True,
        verbose_name=_("KIMs visited"),
        help_text=_("Community information groups the delegation met on site."),
    )
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_(
            "One or two sentences for lists, feeds and link previews. Leave empty to use the report's start."
        ),
    )
    body = models.TextField(_("report"), help_text=richtext.HELP_TEXT)
    body_html = models.TextField(_("report (HTML)"), editable=False, default="")
    # The report's first words as plain text, kept on save so a list of visits
    # never renders Markdown to describe one.
    body_start = models.CharField(_("start of the report"), max_length=200, editable=False, default="")
    follow_up = models.TextField(
        _("follow-up"),
        blank=True,
        help_text=_("What the visitors later adopted or did after the visit."),
    )
    follow_up_html = models.TextField(_("follow-up (HTML)"), editable=False, default="")
    author_credit = models.CharField(
        _("report by"), max_length=150, blank=True, help_text=_("Writer and office, e.g. “Nuty/Dinkominfo”.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    publish_at = models.DateTimeField(_("publish time"), null=True, blank=True, editable=False)
    is_sample = models.BooleanField(
        _("sample data"),
        default=False,
        help_text=_("Invented to demonstrate the portal; labelled on its page."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = VisitQuerySet.as_manager()

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["-start_date", "-pk"]
        permissions = [("publish_visit", _("Can publish, schedule and unschedule visits"))]
        indexes = [
            models.Index(fields=["status", "publish_at"], name="visits_visit_public_idx"),
            models.Index(fields=["-start_date"], name="visits_visit_date_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "scheduled", "published"]), name="visits_visit_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(
                    kind__in=["kunjungan_kerja", "studi_banding", "studi_tiru", "benchmarking", "lainnya"]
                ),
                name="visits_visit_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(publish_at__isnull=False),
                name="visits_visit_publish_time_set",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="visits_visit_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(delegation_size__isnull=True) | Q(delegation_size__gte=1),
                name="visits_visit_delegation_size_positive",
            ),
            models.CheckConstraint(condition=~Q(slug=""), name="visits_visit_slug_not_empty"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = richtext.to_html(self.body)
        self.body_start = richtext.html_to_text(self.body_html, limit=DESCRIPTION_LENGTH)
        self.follow_up_html = richtext.to_html(self.follow_up)
        if not self.slug:
            self.slug = free_slug(
                Visit,
                propose_slug(self.title, max_length=SLUG_MAX_LENGTH, fallback="kunjungan"),
                self.pk,
                reserved=RESERVED_SLUGS,
            )
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            derived = {"body": ("body_html", "body_start"), "follow_up": ("follow_up_html",)}
            kwargs["update_fields"] = {
                *update_fields,
                *(d for f in update_fields for d in derived.get(f, ())),
            }
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("visits:detail", args=[self.slug])

    def delete(self, *args, **kwargs):
        if self.status == self.Status.PUBLISHED:
            raise ProtectedError(_("Published visits cannot be deleted."), {self})
        return super().delete(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the date of the visit.")})

    def is_public(self, *, now=None):
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= (now or timezone.now())
        )

    @property
    def description(self):
        """A short plain-text description: the summary, or the report's first words."""
        return self.summary or self.body_start

    @property
    def cover_photo(self):
        """The first photo (uses prefetched photos when present)."""
        photos = list(self.photos.all())
        return photos[0] if photos else None

    @property
    def end_date_or_start(self):
        return self.end_date or self.start_date
