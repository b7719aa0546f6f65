"""Permissions of each back-office role on the ogp app's models.

The Diskominfo administrator keeps the reference data and can do everything;
the editor runs the openness index and the OGP plan; the PPID Utama reads
everything; a village PPID officer publishes their own village's budgets,
reports and billboard photos (their scope is applied by `portal.scoping`).
"""

from portal.roles import Role, grant, grant_model

ALL = ("view", "add", "change", "delete")

REFERENCE = ["ogp.account", "ogp.activity", "ogp.fundsource"]
BUDGETS = [
    "ogp.budget",
    "ogp.budgetversion",
    "ogp.budgetline",
    "ogp.realisationreport",
    "ogp.realisationline",
    "ogp.billboardphoto",
]
OPENNESS = [
    "ogp.assessment",
    "ogp.pillar",
    "ogp.indicator",
    "ogp.opennessclass",
    "ogp.villagescore",
    "ogp.indicatorscore",
]
COMMITMENTS = ["ogp.actionplan", "ogp.commitment", "ogp.milestone"]
PUBLISH = ["ogp.publish_budgetversion", "ogp.publish_realisationreport"]

for label in REFERENCE + BUDGETS + OPENNESS + COMMITMENTS:
    grant_model(Role.ADMINISTRATOR, label, *ALL)
grant_model(Role.ADMINISTRATOR, "ogp.budgetsummary", "view")
grant_model(Role.ADMINISTRATOR, "ogp.siskeudesvillage", *ALL)
grant(Role.ADMINISTRATOR, *PUBLISH)

for label in REFERENCE + BUDGETS:
    grant_model(Role.EDITOR, label, "view")
grant_model(Role.EDITOR, "ogp.budgetsummary", "view")
for label in OPENNESS + COMMITMENTS:
    grant_model(Role.EDITOR, label, *ALL)

for label in REFERENCE + BUDGETS + OPENNESS + COMMITMENTS:
    grant_model(Role.PPID_UTAMA, label, "view")
grant_model(Role.PPID_UTAMA, "ogp.budgetsummary", "view")

# A village officer needs to read the reference data for the line form's choices.
for label in REFERENCE:
    grant_model(Role.PPID_DESA, label, "view")
for label in BUDGETS:
    grant_model(Role.PPID_DESA, label, *ALL)
grant_model(Role.PPID_DESA, "ogp.budgetsummary", "view")
# The mapping of their own village's Siskeudes code, which their imports confirm.
grant_model(Role.PPID_DESA, "ogp.siskeudesvillage", "view")
grant(Role.PPID_DESA, *PUBLISH)
