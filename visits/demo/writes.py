"""Idempotent writes: a row is found by its natural key and saved only when it differs."""


def _upsert(model, lookup, values, *, validate=False):
    """Find a row by its natural key; create it, or save it only when a value differs."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
    elif all(getattr(obj, field) == value for field, value in values.items()):
        return obj
    else:
        for field, value in values.items():
            setattr(obj, field, value)
    if validate:
        obj.full_clean()
    obj.save()
    return obj


def _set(manager, objects):
    """Set a many-to-many relation; `set()` itself writes nothing when it already matches."""
    manager.set(objects)


def _sync_children(visit, model, fields, rows):
    """Make a visit's child rows equal `rows` (in order), rewriting them only when they differ."""
    existing = [
        tuple(getattr(obj, f) for f in fields)
        for obj in model.objects.filter(visit=visit).order_by("order", "pk")
    ]
    wanted = [tuple(row) for row in rows]
    if existing == wanted:
        return
    model.objects.filter(visit=visit).delete()
    model.objects.bulk_create(
        model(visit=visit, order=index, **dict(zip(fields, row, strict=True)))
        for index, row in enumerate(wanted)
    )
