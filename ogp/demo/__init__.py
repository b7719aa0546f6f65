"""Demo content of the ogp app, loaded by `load_demo`.

Real facts from the reference material are reproduced exactly and not marked
as samples: the 2017 village openness results for Mojodeso, Deru, Sukoharjo,
Kandangan and Rendeng, and the OGP action plan 2016–2017 with commitments
BOJ0001–BOJ0005 and the IRM's 2017 findings. Everything invented is flagged
``is_sample``: the APBDes of all villages for 2018–2025, the billboard photos,
the other 23 villages' openness scores, the dated milestones of BOJ0003 and
the demo village's APBDes imported from a generated Siskeudes export.
"""

from portal import demo

from .action_plan import COMMITMENTS, PLAN_BODY, SAMPLE_MILESTONES_BOJ0003, load_action_plan
from .budgets import PHOTO_VILLAGE, SAMPLE_YEARS, load_billboard_photos, load_budgets
from .openness import ASSESSMENT_2017_BODY, INDICATORS_2017, RESULTS_2017, load_openness_index
from .siskeudes import SISKEUDES_YEAR, load_siskeudes_sample

__all__ = [
    "ASSESSMENT_2017_BODY",
    "COMMITMENTS",
    "INDICATORS_2017",
    "PHOTO_VILLAGE",
    "PLAN_BODY",
    "RESULTS_2017",
    "SAMPLE_MILESTONES_BOJ0003",
    "SAMPLE_YEARS",
    "SISKEUDES_YEAR",
    "load",
    "load_action_plan",
    "load_billboard_photos",
    "load_budgets",
    "load_openness_index",
    "load_siskeudes_sample",
]


@demo.loader(order=50, name="ogp")
def load(stdout):
    load_budgets(stdout)
    load_billboard_photos(stdout)
    load_siskeudes_sample(stdout)
    if demo.is_reference_region():
        load_openness_index(stdout)
        load_action_plan(stdout)
