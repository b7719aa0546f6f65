"""What a fuzzed form may have saved: the problems a stored row must not have."""

from django.core.exceptions import ValidationError

from ppid import nik as nik_rules
from ppid.forms import TEXT_LIMIT
from ppid.models import InfoRequest

# --- What may be saved -----------------------------------------------------------------


def writes(queries):
    """The statements among captured queries that change the database."""
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]


def text_problems(label, value):
    """NUL bytes never belong in stored text (PostgreSQL refuses them; exports and e-mails break)."""
    return [f"{label} holds a NUL byte"] if "\x00" in (value or "") else []


def info_request_problems(info_request, units):
    problems = []
    try:
        info_request.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        problems.append(f"model validation: {error.message_dict}")
    if info_request.unit_id not in units:
        problems.append("addressed to a unit that is not published")
    if info_request.requester_kind == InfoRequest.RequesterKind.PERSON:
        try:
            nik_rules.validate_nik(info_request.requester_nik)
        except ValidationError:
            problems.append(f"invalid NIK {info_request.requester_nik!r}")
    if not info_request.requester_phone and not info_request.requester_email:
        problems.append("no way to reach the requester")
    for name in ("requester_name", "requester_address", "information_requested", "purpose"):
        value = getattr(info_request, name)
        if not value.strip():
            problems.append(f"{name} is blank")
        problems += text_problems(name, value)
    for name in ("information_requested", "purpose"):
        if len(getattr(info_request, name)) > TEXT_LIMIT:
            problems.append(f"{name} is longer than {TEXT_LIMIT}")
    for name in ("requester_identity_scan", "requester_proxy_letter"):
        upload = getattr(info_request, name)
        if upload:
            with upload.open("rb") as stored:
                head = stored.read(8)
            if not head.startswith((b"%PDF-", b"\xff\xd8\xff", b"\x89PNG", b"RIFF")):
                problems.append(f"{name} holds a file that is not a PDF or a photo: {head!r}")
    return problems


def objection_problems(objection, allowed):
    problems = []
    grounds = {letter for letter in "abcdefg" if getattr(objection, f"ground_{letter}")}
    if not grounds:
        problems.append("no ground")
    if not grounds <= allowed:
        problems.append(f"grounds {sorted(grounds - allowed)} do not apply")
    if not objection.statement.strip() or len(objection.statement) > TEXT_LIMIT:
        problems.append("statement blank or too long")
    return problems + text_problems("statement", objection.statement)


def new_rows(model, before_ids):
    return list(model.objects.exclude(pk__in=before_ids))
