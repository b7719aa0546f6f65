import io

from portal import demo as demo_registry
from ppid.models import DipItem, InfoRequest, Objection, PpidUnit, Regulation, SurveyResponse


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
    assert set(InfoRequest.objects.values_list("year", flat=True)) == set(range(2017, 2026))
    assert all(
        name.endswith(" Contoh") for name in InfoRequest.objects.values_list("requester_name", flat=True)
    )
    assert not InfoRequest.objects.exclude(requester_nik="").exists()
    assert SurveyResponse.objects.exists() and Objection.objects.filter(disputes__isnull=False).exists()
    # The regulations are real and carry no sample flag.
    assert Regulation.objects.filter(short_name="UU 14/2008", is_sample=False).exists()
    assert Regulation.objects.filter(short_name="Perbup Bojonegoro 10/2017").exists()
