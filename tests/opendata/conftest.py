"""Fixtures of the open data tests: a little of everything published, built through the services."""

import pytest

from tests.kim.conftest import make_kim
from tests.ogp.conftest import publish_budget
from tests.visits.conftest import magelang, make_visit

__all__ = ["magelang", "make_kim", "make_visit", "publish_budget"]


@pytest.fixture
def published(publish_budget, make_kim, make_visit):
    """APBDes for 2024 and 2025 in one village, one KIM and one visit."""
    publish_budget(year=2024)
    publish_budget(year=2025)
    make_kim("KIM Sendang Potro")
    make_visit(title="Studi tiru keterbukaan informasi")
