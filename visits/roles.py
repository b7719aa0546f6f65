"""Who may do what with visits in the back office.

Diskominfo editors write, schedule and publish visit reports and keep the
institution, topic and host-unit lists; administrators may do everything.
Village officers and KIM managers have no part in visits: the village page
shows them the visits to their village like any citizen.
"""

from portal.roles import Role, grant, grant_model

ALL = ("view", "add", "change", "delete")
PARTS = ("visits.hostofficial", "visits.visitsession", "visits.visitphoto")
VOCABULARIES = ("visits.institution", "visits.topic", "visits.hostunit")

for role in (Role.ADMINISTRATOR, Role.EDITOR):
    grant_model(role, "visits.visit", *ALL)
    grant(role, "visits.publish_visit")
    for label in PARTS + VOCABULARIES:
        grant_model(role, label, *ALL)
