"""Walk any workflow's table: every allowed move succeeds, every other is refused.

    walk_table(WORKFLOW, create=make_row, move=do_move)

`create()` returns a new saved row in the workflow's start status;
`move(row, to)` performs the app's service call for that move with whatever
arguments its own rules need. Each status is reached along
`Workflow.path_to`, so the walk also proves that every status can be reached.
"""

import pytest
from django.db import transaction

from portal.workflow import INVALID_TRANSITION, InvalidTransition


def _history_count(workflow, row):
    return workflow.history_model._default_manager.filter(**{workflow.parent: row}).count()


def _status(workflow, row):
    row.refresh_from_db()
    return workflow.statuses(getattr(row, workflow.status_field))


def reach(workflow, status, *, create, move):
    """A new row brought to `status` through `move`, one allowed step at a time."""
    row = create()
    for step in workflow.path_to(status):
        move(row, step)
        assert _status(workflow, row) == step, f"moving to {step} left the row in {_status(workflow, row)}"
    return row


def _try_move(workflow, row, source, target, move):
    """Make one move from `source` inside a savepoint, check it, and undo it."""
    with transaction.atomic():
        before = _history_count(workflow, row)
        if workflow.can_move(source, target):
            move(row, target)
            assert _status(workflow, row) == target, f"{source} → {target} was allowed but did not happen"
            assert _history_count(workflow, row) == before + 1, f"{source} → {target} wrote no history"
            entry = workflow.history_model._default_manager.filter(**{workflow.parent: row}).last()
            assert (entry.from_status, entry.to_status) == (source, target)
        else:
            with pytest.raises(InvalidTransition, match=r"cannot become|“") as refused:
                move(row, target)
            assert refused.value.code == INVALID_TRANSITION, f"{source} → {target}: {refused.value.code}"
            assert _status(workflow, row) == source, f"{source} → {target} was refused but changed status"
            assert _history_count(workflow, row) == before, f"{source} → {target} was refused but logged"
        transaction.set_rollback(True)


def walk_table(workflow, *, create, move):
    """Try every (from, to) pair of the workflow's statuses; return how many were tried.

    Each status is reached once; every move from it is tried in a savepoint that
    is rolled back, so the next move starts from the same row in the same state.
    """
    tried = 0
    for source in workflow.statuses:
        row = reach(workflow, source, create=create, move=move)
        for target in workflow.statuses:
            fresh = type(row)._default_manager.get(pk=row.pk)
            _try_move(workflow, fresh, source, target, move)
            tried += 1
    return tried
