"""The workflow kit's table: declaration checks, allowed moves, paths and refusals."""

import pytest
from django.db import models
from django.utils import translation

from portal.workflow import INVALID_TRANSITION, InvalidTransition, Workflow


class Colour(models.TextChoices):
    DRAFT = "draft", "Draft"
    REVIEW = "review", "Review"
    DONE = "done", "Done"


def _workflow(moves, **extra):
    return Workflow(
        model="x.Row", history="x.RowHistory", parent="row", statuses=Colour, moves=moves, **extra
    )


MOVES = {Colour.DRAFT: {Colour.REVIEW}, Colour.REVIEW: {Colour.DRAFT, Colour.DONE}, Colour.DONE: set()}


def test_allowed_moves_come_from_the_table():
    workflow = _workflow(MOVES, initial=Colour.DRAFT)
    assert workflow.allowed("draft") == frozenset({Colour.REVIEW})
    assert workflow.can_move(Colour.REVIEW, Colour.DONE)
    assert not workflow.can_move(Colour.DRAFT, Colour.DONE)


def test_a_move_outside_the_table_is_refused_with_its_code():
    workflow = _workflow(MOVES, initial=Colour.DRAFT)
    with (
        translation.override("en"),
        pytest.raises(InvalidTransition, match="“Draft” cannot become “Done”") as refused,
    ):
        workflow.check(Colour.DRAFT, Colour.DONE)
    assert refused.value.code == INVALID_TRANSITION
    with (
        translation.override("id"),
        pytest.raises(InvalidTransition, match="“Draft” tidak dapat menjadi “Done”"),
    ):
        workflow.check(Colour.DRAFT, Colour.DONE)


def test_paths_lead_from_the_start_along_allowed_moves():
    workflow = _workflow(MOVES, initial=Colour.DRAFT)
    assert workflow.path_to(Colour.DRAFT) == []
    assert workflow.path_to(Colour.DONE) == [Colour.REVIEW, Colour.DONE]


def test_an_unreachable_status_has_no_path():
    workflow = _workflow(
        {Colour.DRAFT: set(), Colour.REVIEW: {Colour.DONE}, Colour.DONE: set()}, initial="draft"
    )
    with pytest.raises(ValueError, match="cannot be reached"):
        workflow.path_to(Colour.DONE)


def test_the_table_must_name_every_status():
    with pytest.raises(ValueError, match=r"has no row for \['done'\]"):
        _workflow({Colour.DRAFT: {Colour.REVIEW}, Colour.REVIEW: set()})


def test_the_table_may_name_only_its_own_statuses():
    with pytest.raises(ValueError, match=r"\['gone'\] are not statuses"):
        _workflow({**MOVES, Colour.DONE: {"gone"}})


def test_seeded_paths_are_checked_and_end_in_the_last_status():
    workflow = _workflow(MOVES, initial=Colour.DRAFT)

    class Row:
        status = ""

    class History:
        def __init__(self, **fields):
            self.__dict__.update(fields)

    object.__setattr__(workflow, "history", History)
    row = Row()
    rows = workflow.seed(row, [("draft", 1), ("review", 2), ("done", 3, "ok")])
    assert row.status == Colour.DONE
    assert [(entry.from_status, entry.to_status, entry.note) for entry in rows] == [
        ("", "draft", ""),
        ("draft", "review", ""),
        ("review", "done", "ok"),
    ]
    with translation.override("en"), pytest.raises(InvalidTransition, match="cannot become") as refused:
        workflow.seed(Row(), [("draft", 1), ("done", 2)])
    assert refused.value.code == INVALID_TRANSITION
