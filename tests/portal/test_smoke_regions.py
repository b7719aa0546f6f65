from portal.models import District, Village


def test_territory_loaded_once_per_database(db):
    assert District.objects.filter(code__startswith="35.22.").count() == 28
    assert Village.objects.filter(code__startswith="35.22.").count() == 430
