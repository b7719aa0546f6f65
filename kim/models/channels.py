"""The channels through which a KIM spreads information: website, social media,
radio, bulletin. Every online channel has an address on the host its kind
names; a radio or a printed bulletin may be offline but is described."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class MediaChannelQuerySet(models.QuerySet):
    def websites(self):
        return self.filter(kind=MediaChannel.Kind.WEBSITE).exclude(url="")


class MediaChannel(models.Model):
    """A channel through which a KIM spreads information: website, social media, radio, bulletin."""

    class Kind(models.TextChoices):
        WEBSITE = "website", _("Website or blog")
        FACEBOOK = "facebook", "Facebook"
        INSTAGRAM = "instagram", "Instagram"
        YOUTUBE = "youtube", "YouTube"
        TIKTOK = "tiktok", "TikTok"
        X = "x", "X (Twitter)"
        WHATSAPP = "whatsapp", _("WhatsApp channel")
        RADIO = "radio", _("Community radio")
        BULLETIN = "bulletin", _("Bulletin or notice board")
        OTHER = "other", _("Other")

    # Kinds that may exist offline (a radio frequency, a printed bulletin) and so need no URL.
    OFFLINE_KINDS = ("radio", "bulletin")
    # The hosts a social-media address must point to, so a typo or a stray link is caught.
    HOSTS = {
        "facebook": ("facebook.com", "fb.com", "fb.me"),
        "instagram": ("instagram.com",),
        "youtube": ("youtube.com", "youtu.be"),
        "tiktok": ("tiktok.com",),
        "x": ("x.com", "twitter.com"),
        "whatsapp": ("whatsapp.com", "wa.me"),
    }

    kim = models.ForeignKey(
        "kim.Kim", on_delete=models.CASCADE, related_name="channels", verbose_name=_("KIM")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    url = models.URLField(
        _("address (URL)"),
        max_length=300,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Starting with https://. May be empty only for a radio or a printed bulletin."),
    )
    name = models.CharField(
        _("name or description"),
        max_length=150,
        blank=True,
        help_text=_("E.g. the radio's name and frequency, or the bulletin's title and how often it appears."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = MediaChannelQuerySet.as_manager()

    class Meta:
        verbose_name = _("media channel")
        verbose_name_plural = _("media channels")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(url="") | Q(kind__in=["radio", "bulletin"]), name="kim_channel_url_required"
            ),
            models.CheckConstraint(condition=~Q(url="") | ~Q(name=""), name="kim_channel_not_empty"),
            models.UniqueConstraint(
                fields=["kim", "url"], condition=~Q(url=""), name="kim_channel_url_once_per_kim"
            ),
            models.CheckConstraint(
                condition=Q(
                    kind__in=[
                        "website",
                        "facebook",
                        "instagram",
                        "youtube",
                        "tiktok",
                        "x",
                        "whatsapp",
                        "radio",
                        "bulletin",
                        "other",
                    ]
                ),
                name="kim_channel_kind_valid",
            ),
        ]

    def __str__(self):
        return self.name or self.url

    def clean(self):
        super().clean()
        if not self.url:
            if self.kind not in self.OFFLINE_KINDS:
                raise ValidationError({"url": _("Give the address (URL) of this channel.")})
            if not self.name:
                raise ValidationError({"name": _("Describe the channel, e.g. the radio's frequency.")})
            return
        hosts = self.HOSTS.get(self.kind)
        if hosts:
            host = (urlsplit(self.url).hostname or "").lower()
            if not any(host == h or host.endswith("." + h) for h in hosts):
                raise ValidationError(
                    {
                        "url": _("A %(kind)s address must be on %(hosts)s.")
                        % {"kind": self.get_kind_display(), "hosts": ", ".join(hosts)}
                    }
                )

    @property
    def label(self):
        return self.name or self.get_kind_display()
