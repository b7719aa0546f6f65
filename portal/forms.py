"""Forms of the portal core."""

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from .models import RatedPage, SatisfactionVote


class VoteForm(forms.Form):
    """The satisfaction poll. The page it belongs to travels in a signed token."""

    SALT = "portal.satisfaction"

    choice = forms.TypedChoiceField(
        label=_("How satisfied are you with this page?"),
        choices=SatisfactionVote.Choice.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose one of the four answers."),
            "invalid_choice": _("That answer is not one of the four choices."),
        },
    )
    token = forms.CharField(widget=forms.HiddenInput)

    @classmethod
    def sign(cls, path, title):
        """The token for a page. It carries no time, so a page renders the same on every request."""
        return signing.Signer(salt=cls.SALT).sign_object({"path": path, "title": str(title)[:200]})

    @classmethod
    def unsign(cls, token):
        return signing.Signer(salt=cls.SALT).unsign_object(token)

    def clean_token(self):
        try:
            data = self.unsign(self.cleaned_data["token"])
            path, title = str(data["path"]), str(data.get("title", ""))
        except (signing.BadSignature, KeyError, TypeError):
            raise forms.ValidationError(
                _("The vote could not be matched to a page. Reload the page and try again."),
                code="bad_token",
            ) from None
        if not is_page_path(path):
            raise forms.ValidationError(_("The vote could not be matched to a page."), code="bad_path")
        # The title is only a label for the results; control characters have no place in it.
        title = " ".join("".join(ch if ch.isprintable() else " " for ch in title).split())[:TITLE_LENGTH]
        return {"path": path, "title": title}

    def page(self):
        """The page path to return to, if the token is at least genuine."""
        try:
            data = self.unsign(self.data.get("token", ""))
            path = str(data["path"])
        except (signing.BadSignature, KeyError, TypeError):
            return "/"
        return path if is_page_path(path) else "/"


PATH_LENGTH = RatedPage._meta.get_field("path").max_length
TITLE_LENGTH = RatedPage._meta.get_field("title").max_length


def is_page_path(path):
    """Whether a path can be a page of this site and be stored as one.

    Only the site signs these paths, but a vote is still stored only for a
    local path (not ``//host``) that fits the column and holds no control
    characters, which the database may refuse (PostgreSQL refuses NUL).
    """
    return (
        path.startswith("/") and not path.startswith("//") and len(path) <= PATH_LENGTH and path.isprintable()
    )


class SearchForm(forms.Form):
    """The site search box. Anything may be typed; it is cleaned, never refused."""

    q = forms.CharField(label=_("Search the portal"), required=False, strip=True)
    jenis = forms.CharField(required=False)

    def query(self):
        from .search import clean_query

        return clean_query(self.data.get("q", ""))

    def kind(self):
        from .search import provider

        kind = self.data.get("jenis", "")
        return kind if provider(kind) else ""
