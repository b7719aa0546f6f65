import datetime
import io

from django.utils import timezone

from portal import demo as demo_registry
from ppid.models import DipItem, InfoRequest, Objection, Obligation, PpidUnit, Regulation, SurveyResponse


def _load():
    loader = next(item for item in demo_registry.loaders() if item.name == "ppid")
    out = io.StringIO()
    loader.load(out)
    return out.getvalue()


def test_demo_loader_is_idempotent_labelled_and_covers_every_state(db):
    _load()
    counts = (
        PpidUnit.objects.count(),
        DipItem.objects.count(),
        InfoRequest.objects.count(),
        Objection.objects.count(),
    )
    second = _load()
    assert (
        PpidUnit.objects.count(),
        DipItem.objects.count(),
        InfoRequest.objects.count(),
        Objection.objects.count(),
    ) == counts
    assert "0 new DIP items, 0 new requests" in second
    desa_units = PpidUnit.objects.filter(kind="desa")
    assert desa_units.count() == round(419 * 0.25)
    assert desa_units.filter(village_id="35.22.18.2007").exists()
    assert set(InfoRequest.objects.values_list("status", flat=True)) == set(InfoRequest.Status.values)
    assert InfoRequest.objects.overdue().exists()
    assert not InfoRequest.objects.filter(is_sample=False).exists()
    assert not PpidUnit.objects.filter(is_sample=False).exists()
    assert Obligation.objects.exists() and not Obligation.objects.filter(is_sample=False).exists()
    years = set(InfoRequest.objects.values_list("year", flat=True))
    assert set(range(2017, 2026)) <= years <= set(range(2017, 2026)) | {timezone.localdate().year}
    assert all(
        name.endswith(" Contoh") for name in InfoRequest.objects.values_list("requester_name", flat=True)
    )
    assert not InfoRequest.objects.exclude(requester_nik="").exists()
    assert SurveyResponse.objects.exists() and Objection.objects.filter(disputes__isnull=False).exists()
    # The regulations are real and carry no sample flag.
    assert Regulation.objects.filter(short_name="UU 14/2008", is_sample=False).exists()
    assert Regulation.objects.filter(short_name="Perbup Bojonegoro 10/2017").exists()


def test_the_demo_inbox_is_believable_for_the_day_it_is_loaded(db):
    from ppid.models import Obligation

    _load()
    today = timezone.localdate()
    overdue = InfoRequest.objects.overdue(today)
    # Open work is a few days old, not a year: one request a working day overdue, nothing older.
    assert overdue.count() == 1
    assert (today - overdue.get().due_on).days <= 4
    assert not InfoRequest.objects.open().filter(received_on__lt=today - datetime.timedelta(days=31)).exists()
    assert InfoRequest.objects.filter(
        status="registered", received_on__gte=today - datetime.timedelta(days=4)
    ).exists()
    assert Objection.objects.open().count() == 1 and not Objection.objects.overdue(today).exists()
    open_obligations = Obligation.objects.open()
    assert open_obligations.count() == 1 and open_obligations.get().due_on > today
    # Every past upheld objection's obligation was carried out.
    assert not Objection.objects.filter(status="upheld", obligation__isnull=True).exists()
    assert "0 requests of today's work" in _load()
