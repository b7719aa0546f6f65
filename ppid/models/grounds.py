"""Legal vocabularies shared by disclosures, notices and objections."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExemptionGround(models.TextChoices):
    """UU 14/2008 Pasal 17: the letters under which information is exempt."""

    A = "a", _("a. would obstruct law enforcement")
    B = "b", _("b. intellectual property or unfair competition")
    C = "c", _("c. defence and security of the state")
    D = "d", _("d. Indonesia's natural wealth")
    E = "e", _("e. national economic resilience")
    F = "f", _("f. foreign relations")
    G = "g", _("g. authentic deeds and last wills")
    H = "h", _("h. personal secrets")
    I = "i", _("i. internal memoranda confidential by nature")  # noqa: E741
    J = "j", _("j. withheld under another law")


class ObjectionGround(models.TextChoices):
    """UU 14/2008 Pasal 35(1): the grounds on which a requester may object."""

    A = "a", _("a. the request was refused on the grounds of Pasal 17")
    B = "b", _("b. periodic information under Pasal 9 was not provided")
    C = "c", _("c. the request was not answered")
    D = "d", _("d. the request was answered other than as requested")
    E = "e", _("e. the request was not fulfilled")
    F = "f", _("f. unreasonable fees were charged")
    G = "g", _("g. the information was delivered later than the law allows")


# Grounds b to g may be settled by deliberation (musyawarah); ground a may not.
SETTLEABLE_GROUNDS = frozenset("bcdefg")
