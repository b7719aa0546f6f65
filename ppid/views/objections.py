"""An objection to the atasan PPID, filed online with the request's number and access code."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from portal.throttle import throttle

from .. import services
from ..downloads import private_headers
from ..forms import ObjectionForm, attach_errors
from ..models import FormSubmission, Objection
from . import once
from .requests import FORM_RATE


@never_cache
@throttle("ppid-objection", rate=FORM_RATE)
def objection_new(request):
    """`/ppid/keberatan/baru/`: an objection to the atasan PPID, with number and access code.

    A filed objection redirects to its confirmation page; a repeated POST of the
    same form goes there too, without filing a second objection.
    """
    if request.method == "POST":
        first = once.earlier(request, FormSubmission.Kind.OBJECTION)
        if first is not None:
            return once.show(request, "objection", first, "ppid:objection_registered")
        form = ObjectionForm(request.POST)
        if form.is_valid():

            def create():
                return services.file_objection(
                    info_request=form.info_request,
                    grounds=form.cleaned_data["grounds"],
                    statement=form.cleaned_data["statement"],
                )

            try:
                pk, _created = once.submit_once(request, FormSubmission.Kind.OBJECTION, create)
            except ValidationError as error:
                attach_errors(form, error)
            else:
                return once.show(request, "objection", pk, "ppid:objection_registered")
    else:
        form = ObjectionForm(initial={"number": request.GET.get("nomor", "")[:40]})
    return render(request, "ppid/objection_form.html", {"form": form})


@never_cache
def objection_registered(request):
    """`/ppid/keberatan/terdaftar/`: the objection this browser just filed."""
    pk, _secret = once.recall(request, "objection")
    objection = Objection.objects.select_related("request__unit").filter(pk=pk).first() if pk else None
    if objection is None:
        return redirect("ppid:objection_new")
    return private_headers(
        render(
            request,
            "ppid/objection_registered.html",
            {"objection": objection, "info_request": objection.request},
        )
    )
