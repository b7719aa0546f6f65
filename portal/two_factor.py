"""Two-factor authentication (TOTP) for back-office users who can see personal data.

When ``settings.OTP_REQUIRED`` is on, administrators, the PPID Utama and village
PPID officers (and superusers) must confirm a one-time code from an
authenticator app after their password before any admin page opens. The first
time, they set the app up by scanning a QR code. `StaffTwoFactorMiddleware`
enforces this for every admin URL; django-otp keeps the verified device in the
session.
"""

import base64
import io

import django_otp
import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import admin
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp.plugins.otp_totp.models import TOTPDevice

from .roles import Role, user_roles

ROLES_NEEDING_2FA = {Role.ADMINISTRATOR, Role.PPID_UTAMA, Role.PPID_DESA}


def required_for(user):
    """Whether this user must pass a second factor in the back office."""
    if not settings.OTP_REQUIRED or not user.is_authenticated:
        return False
    return user.is_superuser or bool(user_roles(user) & ROLES_NEEDING_2FA)


class TokenForm(forms.Form):
    token = forms.RegexField(
        label=_("Six-digit code from your authenticator app"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Enter the six digits shown by the app.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _qr_data_uri(text):
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def _next_url(request):
    target = request.GET.get("next") or reverse("admin:index")
    return target if target.startswith("/admin/") else reverse("admin:index")


@never_cache
def setup_view(request):
    """First sign-in: show a QR code for a new TOTP device and confirm it with a code."""
    if not request.user.is_authenticated or not request.user.is_staff:
        return redirect("admin:login")
    if django_otp.user_has_device(request.user):
        return redirect("two_factor_verify")
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "authenticator"}
    )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            django_otp.login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("That code is not right. Check the time on your phone and try again."))
    context = {
        **admin.site.each_context(request),
        "title": _("Set up two-factor sign-in"),
        "form": form,
        "qr_code": _qr_data_uri(device.config_url),
        "secret": base64.b32encode(device.bin_key).decode(),
    }
    return TemplateResponse(request, "admin/two_factor_setup.html", context)


@never_cache
def verify_view(request):
    """After the password: ask for the current code from the user's device."""
    if not request.user.is_authenticated or not request.user.is_staff:
        return redirect("admin:login")
    if not django_otp.user_has_device(request.user):
        return redirect("two_factor_setup")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = django_otp.match_token(request.user, form.cleaned_data["token"].strip())
        if device is not None:
            django_otp.login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("That code is not right or has expired."))
    context = {**admin.site.each_context(request), "title": _("Confirm it is you"), "form": form}
    return TemplateResponse(request, "admin/two_factor_verify.html", context)
