"""The regency's KIM forum (Forum KIM Kabupaten) and its board.

The forum brings the regency's KIMs together; the people on its board come
from KIMs. When a person's own KIM is not in the registry, their village and
their position outside the forum say where they come from.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal import richtext
from portal.models import Village

from .registry import BOARD_ROLE_VALUES, RICH_TEXT_HELP, BoardQuerySet, BoardRole, Kim, TermMixin


class ForumQuerySet(models.QuerySet):
    def published(self):
        """The visibility gate for public pages."""
        return self.filter(is_public=True)


class Forum(models.Model):
    """A forum of KIMs, e.g. the regency's Forum KIM Kabupaten."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("web address"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True, help_text=RICH_TEXT_HELP)
    description_html = models.TextField(_("description (HTML)"), blank=True, editable=False)
    founded_on = models.DateField(_("founding date"), null=True, blank=True)
    is_public = models.BooleanField(_("shown on the public site"), default=True)
    is_sample = models.BooleanField(_("sample data"), default=False)
    updated = models.DateTimeField(_("last changed"), auto_now=True)

    objects = ForumQuerySet.as_manager()

    class Meta:
        verbose_name = _("KIM forum")
        verbose_name_plural = _("KIM forums")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.description_html = richtext.to_html(self.description)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("kim:forum") + f"#{self.slug}"


class ForumBoardMember(TermMixin):
    """One person in one position on a forum's board for one term."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="board", verbose_name=_("forum"))
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("position"), max_length=20, choices=BoardRole.choices)
    kim = models.ForeignKey(
        Kim,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="forum_seats",
        verbose_name=_("from KIM"),
    )
    village = models.ForeignKey(
        Village,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from village"),
        help_text=_("Only when the person's KIM is not in the registry."),
    )
    affiliation = models.CharField(
        _("position outside the forum"),
        max_length=200,
        blank=True,
        help_text=_("E.g. Sekretaris Desa Pejambon."),
    )

    objects = BoardQuerySet.as_manager()

    class Meta:
        verbose_name = _("forum board member")
        verbose_name_plural = _("forum board")
        ordering = ["forum", "-term_start", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kim__isnull=False) | Q(village__isnull=False),
                name="kim_forum_member_has_origin",
            ),
            models.CheckConstraint(
                condition=Q(term_start__isnull=True)
                | Q(term_end__isnull=True)
                | Q(term_end__gte=F("term_start")),
                name="kim_forum_term_order",
            ),
            models.CheckConstraint(condition=Q(role__in=BOARD_ROLE_VALUES), name="kim_forum_role_valid"),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"

    def clean(self):
        super().clean()
        if self.kim_id is None and self.village_id is None:
            raise ValidationError(
                {"kim": _("Choose the KIM this person comes from, or at least their village.")}
            )

    @property
    def origin_village(self):
        return self.kim.village if self.kim_id else self.village
