"""Model permissions of the KIM app per role (applied by `portal.roles.sync_roles`).

Diskominfo editors keep the registry and review news; KIM managers keep their
own KIM's profile, channels, board and awards and write its news (scoping and
`kim.access` narrow that to their KIM); levels are reference data kept by the
administrators. History rows are read-only for everyone: only the services
write them.
"""

from portal.roles import Role, grant, grant_model

ALL = ("view", "add", "change", "delete")
HISTORY = ("kim.kimstatuschange", "kim.posttransition", "kim.postcorrection")
KIM_OWNED = ("kim.mediachannel", "kim.boardmember", "kim.achievement", "kim.postphoto")

for model in ("kim.kim", "kim.kimlevel", "kim.forum", "kim.forumboardmember", "kim.post", *KIM_OWNED):
    grant_model(Role.ADMINISTRATOR, model, *ALL)
for model in HISTORY:
    grant_model(Role.ADMINISTRATOR, model, "view")
grant(Role.ADMINISTRATOR, "kim.review_post", "kim.change_kim_status")

grant_model(Role.EDITOR, "kim.kim", *ALL)
grant_model(Role.EDITOR, "kim.kimlevel", "view")
for model in ("kim.forum", "kim.forumboardmember", "kim.post", *KIM_OWNED):
    grant_model(Role.EDITOR, model, *ALL)
for model in HISTORY:
    grant_model(Role.EDITOR, model, "view")
grant(Role.EDITOR, "kim.review_post", "kim.change_kim_status")

grant_model(Role.KIM_MANAGER, "kim.kim", "view", "change")
grant_model(Role.KIM_MANAGER, "kim.post", *ALL)
for model in KIM_OWNED:
    grant_model(Role.KIM_MANAGER, model, *ALL)
for model in HISTORY:
    grant_model(Role.KIM_MANAGER, model, "view")
