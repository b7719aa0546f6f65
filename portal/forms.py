"""Forms of the portal core."""

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from .models import SatisfactionVote


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

    def clean_token(self):
        try:
            data = signing.loads(self.cleaned_data["token"], salt=self.SALT)
            path, title = str(data["path"]), str(data.get("title", ""))
        except (signing.BadSignature, KeyError, TypeError):
            raise forms.ValidationError(
                _("The vote could not be matched to a page. Reload the page and try again."),
                code="bad_token",
            ) from None
        if not path.startswith("/") or path.startswith("//"):
            raise forms.ValidationError(_("The vote could not be matched to a page."), code="bad_path")
        return {"path": path, "title": title}

    def page(self):
        """The page path to return to, if the token is at least genuine."""
        try:
            data = signing.loads(self.data.get("token", ""), salt=self.SALT)
            path = str(data["path"])
        except (signing.BadSignature, KeyError, TypeError):
            return "/"
        return path if path.startswith("/") and not path.startswith("//") else "/"


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
