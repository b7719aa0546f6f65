"""Keeping requesters' personal data out of the audit trail.

django-auditlog records every field change. For requests that would copy the
requester's name, NIK, address and contact details into the log in clear,
where neither encryption nor the retention command reaches them, so the
personal fields of `InfoRequest` are registered as masked: the log says that
they changed, not what they were.
"""

MASK = "[personal data]"

MASKED_FIELDS = [
    "requester_name",
    "requester_nik",
    "requester_entity_decree",
    "requester_address",
    "requester_phone",
    "requester_email",
    "requester_occupation",
    "requester_identity_scan",
    "requester_proxy_letter",
    "access_code_hash",
]


def mask_entirely(value):
    """auditlog mask callable: hide the whole value (the default hides only half)."""
    return MASK if value not in ("", "None") else value


def mask_personal_data_in_audit_log():
    from auditlog.registry import auditlog

    from .models import InfoRequest

    if not auditlog.contains(InfoRequest):
        return
    options = auditlog.get_model_fields(InfoRequest)
    m2m = auditlog._registry[InfoRequest]["m2m_fields"]
    auditlog.unregister(InfoRequest)
    auditlog.register(
        InfoRequest,
        include_fields=options["include_fields"],
        exclude_fields=options["exclude_fields"],
        mapping_fields=options["mapping_fields"],
        mask_fields=sorted(set(options["mask_fields"]) | set(MASKED_FIELDS)),
        mask_callable="ppid.privacy.mask_entirely",
        m2m_fields=m2m,
    )
