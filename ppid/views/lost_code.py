"""A lost access code: the registration number and the e-mail on file bring a new one by e-mail.

POST, redirect, GET like every public form (`ppid.views.once`): the hidden
one-time token makes a repeated POST show the same page without issuing
another code. The page after the redirect says the same whether or not the
number and the e-mail matched, and the session holds nothing about which, so
the form cannot be used to learn a requester's address. Each client is
throttled (`portal.throttle`).
"""

from types import SimpleNamespace

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from portal.throttle import throttle

from .. import services
from ..forms import LostCodeForm
from ..models import FormSubmission
from . import once

LOST_CODE_RATE = "5/h"
# What the session and the token row hold for every answer, matched or not.
NO_RECORD = SimpleNamespace(pk=0)


@never_cache
@throttle("ppid-lost-code", rate=LOST_CODE_RATE)
def lost_code(request):
    """`/ppid/permohonan/kode-hilang/`: ask for a new access code."""
    if request.method == "POST":
        if once.earlier(request, FormSubmission.Kind.LOST_CODE) is not None:
            return once.show(request, "lost_code", 0, "ppid:lost_code_sent")
        form = LostCodeForm(request.POST)
        if form.is_valid():

            def create():
                services.reissue_lost_code(
                    number=form.cleaned_data["number"], email=form.cleaned_data["email"]
                )
                return NO_RECORD

            once.submit_once(request, FormSubmission.Kind.LOST_CODE, create)
            return once.show(request, "lost_code", 0, "ppid:lost_code_sent")
    else:
        form = LostCodeForm(initial={"number": request.GET.get("nomor", "")[:40]})
    return render(request, "ppid/lost_code_form.html", {"form": form})


@never_cache
def lost_code_sent(request):
    """`/ppid/permohonan/kode-hilang/terkirim/`: the same answer for every request for a new code."""
    results = request.session.get(once.SESSION_KEY, {})
    if "lost_code" not in results:
        return redirect("ppid:lost_code")
    return render(request, "ppid/lost_code_sent.html")
