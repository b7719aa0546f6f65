"""Permissions of each back-office role on the information service's records.

- Administrator: everything.
- PPID Utama (regency PPID, also atasan): all units and requests, reassigns
  requests, decides objections, records disputes and the fulfilment of
  obligations from upheld objections, keeps the regulations, the
  maklumat, the annual report text and the local non-working days.
- PPID Desa: their own village's unit, DIP items, requests and the
  obligations upheld objections put on it (the scoping in
  models.py narrows every list to their village).
- Diskominfo editor: reads the disclosures and regulations.
"""

from portal.roles import Role, grant, grant_model

ALL = ("view", "add", "change", "delete")

MODELS = [
    "ppid.ppidunit",
    "ppid.dipitem",
    "ppid.dipitemevent",
    "ppid.dipdocumentversion",
    "ppid.regulation",
    "ppid.servicestandard",
    "ppid.annualreport",
    "ppid.nonworkingday",
    "ppid.inforequest",
    "ppid.requestevent",
    "ppid.writtennotice",
    "ppid.answerdocument",
    "ppid.registrationcounter",
    "ppid.remindersent",
    "ppid.objection",
    "ppid.objectionevent",
    "ppid.dispute",
    "ppid.surveyresponse",
    "ppid.obligation",
    "ppid.obligationevent",
]

for model in MODELS:
    grant_model(Role.ADMINISTRATOR, model, *ALL)
grant(
    Role.ADMINISTRATOR,
    "ppid.reassign_inforequest",
    "ppid.view_requester_identity",
    "ppid.decide_objection",
)

# PPID Utama: the regency's information service.
grant_model(Role.PPID_UTAMA, "ppid.ppidunit", "view", "add", "change")
grant_model(Role.PPID_UTAMA, "ppid.dipitem", "view", "add", "change", "delete")
grant_model(Role.PPID_UTAMA, "ppid.dipdocumentversion", "view", "add")
grant_model(Role.PPID_UTAMA, "ppid.dipitemevent", "view")
grant_model(Role.PPID_UTAMA, "ppid.regulation", "view", "add", "change", "delete")
grant_model(Role.PPID_UTAMA, "ppid.servicestandard", "view", "add", "change", "delete")
grant_model(Role.PPID_UTAMA, "ppid.annualreport", "view", "add", "change")
grant_model(Role.PPID_UTAMA, "ppid.nonworkingday", "view", "add", "change", "delete")
grant_model(Role.PPID_UTAMA, "ppid.inforequest", "view", "add", "change")
grant_model(Role.PPID_UTAMA, "ppid.requestevent", "view")
grant_model(Role.PPID_UTAMA, "ppid.writtennotice", "view")
grant_model(Role.PPID_UTAMA, "ppid.answerdocument", "view")
grant_model(Role.PPID_UTAMA, "ppid.remindersent", "view")
grant_model(Role.PPID_UTAMA, "ppid.objection", "view", "add", "change")
grant_model(Role.PPID_UTAMA, "ppid.objectionevent", "view")
grant_model(Role.PPID_UTAMA, "ppid.dispute", "view", "add", "change")
grant_model(Role.PPID_UTAMA, "ppid.surveyresponse", "view")
grant_model(Role.PPID_UTAMA, "ppid.obligation", "view", "change")
grant_model(Role.PPID_UTAMA, "ppid.obligationevent", "view")
grant(Role.PPID_UTAMA, "ppid.reassign_inforequest", "ppid.view_requester_identity", "ppid.decide_objection")

# PPID Desa: the village's own unit, disclosures and requests.
grant_model(Role.PPID_DESA, "ppid.ppidunit", "view", "change")
grant_model(Role.PPID_DESA, "ppid.dipitem", "view", "add", "change", "delete")
grant_model(Role.PPID_DESA, "ppid.dipdocumentversion", "view", "add")
grant_model(Role.PPID_DESA, "ppid.dipitemevent", "view")
grant_model(Role.PPID_DESA, "ppid.inforequest", "view", "add", "change")
grant_model(Role.PPID_DESA, "ppid.requestevent", "view")
grant_model(Role.PPID_DESA, "ppid.writtennotice", "view")
grant_model(Role.PPID_DESA, "ppid.answerdocument", "view")
grant_model(Role.PPID_DESA, "ppid.objection", "view", "add")
grant_model(Role.PPID_DESA, "ppid.objectionevent", "view")
grant_model(Role.PPID_DESA, "ppid.dispute", "view")
grant_model(Role.PPID_DESA, "ppid.surveyresponse", "view")
grant_model(Role.PPID_DESA, "ppid.obligation", "view", "change")
grant_model(Role.PPID_DESA, "ppid.obligationevent", "view")
grant_model(Role.PPID_DESA, "ppid.nonworkingday", "view")
grant(Role.PPID_DESA, "ppid.view_requester_identity")

# Diskominfo editor: reads what is published.
for model in ("ppid.ppidunit", "ppid.dipitem", "ppid.regulation", "ppid.servicestandard"):
    grant_model(Role.EDITOR, model, "view")

# OpenSID harvesting: a village officer enters the site of their own village.
for model in ("ppid.opensidsource",):
    grant_model(Role.ADMINISTRATOR, model, *ALL)
    grant_model(Role.PPID_UTAMA, model, "view", "add", "change")
    grant_model(Role.PPID_DESA, model, "view", "add", "change")
grant_model(Role.ADMINISTRATOR, "ppid.harvesteddocument", "view")
grant_model(Role.PPID_UTAMA, "ppid.harvesteddocument", "view")
grant_model(Role.PPID_DESA, "ppid.harvesteddocument", "view")

# The outbox: read-only and scoped; “send again” needs the change permission.
# Every officer keeps their own notification switches.
grant_model(Role.ADMINISTRATOR, "ppid.outboxmessage", "view", "change")
grant_model(Role.PPID_UTAMA, "ppid.outboxmessage", "view", "change")
grant_model(Role.PPID_DESA, "ppid.outboxmessage", "view")
grant_model(Role.ADMINISTRATOR, "ppid.notificationpreference", *ALL)
grant_model(Role.PPID_UTAMA, "ppid.notificationpreference", "view", "change")
grant_model(Role.PPID_DESA, "ppid.notificationpreference", "view", "change")
