"""Both KIM status machines walked through their services: every allowed move
succeeds and is recorded, every other one is refused and changes nothing."""

import datetime
import itertools

import pytest
from django.utils import timezone

from kim import services
from kim.models import Kim, Post
from kim.workflows import KIM_WORKFLOW, POST_WORKFLOW
from tests.workflow import walk_table

pytestmark = pytest.mark.django_db


def test_every_kim_status_move_is_walked(make_kim):
    numbers = itertools.count(1)
    founded = timezone.localdate() - datetime.timedelta(days=400)

    def create():
        return make_kim(f"KIM Jalan {next(numbers)}", founded_on=founded)

    def move(kim, to):
        services.change_kim_status(kim=kim, to=to, on=timezone.localdate(), by=None, note="SK")

    tried = walk_table(KIM_WORKFLOW, create=create, move=move)
    assert tried == len(Kim.Status) ** 2


def test_every_news_move_is_walked(sendang_potro):
    numbers = itertools.count(1)

    def create():
        return services.create_post(kim=sendang_potro, title=f"Kabar {next(numbers)}", body="Isi.", by=None)

    def move(post, to):
        services.transition_post(post=post, to=to, by=None, note="Lengkapi sumber angka.", notify=False)

    tried = walk_table(POST_WORKFLOW, create=create, move=move)
    assert tried == len(Post.Status) ** 2
