"""An objection to the atasan PPID, filed online with the request's number and access code."""

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from portal.throttle import throttle

from .. import services
from ..downloads import private_headers
from ..forms import ObjectionForm, attach_errors
from .requests import FORM_RATE


@never_cache
@throttle("ppid-objection", rate=FORM_RATE)
def objection_new(request):
    """`/ppid/keberatan/baru/`: an objection to the atasan PPID, with number and access code."""
    if request.method == "POST":
        form = ObjectionForm(request.POST)
        if form.is_valid():
            try:
                objection = services.file_objection(
                    info_request=form.info_request,
                    grounds=form.cleaned_data["grounds"],
                    statement=form.cleaned_data["statement"],
                )
            except ValidationError as error:
                attach_errors(form, error)
            else:
                return private_headers(
                    render(
                        request,
                        "ppid/objection_registered.html",
                        {"objection": objection, "info_request": objection.request},
                    )
                )
    else:
        form = ObjectionForm(initial={"number": request.GET.get("nomor", "")[:40]})
    return render(request, "ppid/objection_form.html", {"form": form})
