"""The one kit every status machine of the portal runs on.

A status machine is declared once as a `Workflow`: the model, its status
field and choices, the table of allowed moves and the history model that
records them. `Workflow.transition` is the only code in the portal that
assigns a status: it locks the row, checks the move against the table, lets
the app apply its own rules (extension days, Perdes, publish time), saves,
writes the history row (the public timeline) and schedules side effects to
run after the transaction commits. Every refused move raises
`InvalidTransition` with the code ``invalid_transition``.

The history of every machine shares one abstract model, `HistoryEntry`:
``from_status``, ``to_status``, ``at``, ``actor``, ``note`` and ``is_public``.
Demo and full-scale loaders that create many rows at once go through
`Workflow.seed`, which checks every path against the same table.
"""

from __future__ import annotations

import functools
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

INVALID_TRANSITION = "invalid_transition"


class InvalidTransition(ValidationError):
    """A move the workflow's table (or an app rule checked with it) does not allow.

    A `ValidationError`, so forms and the admin show its translated message as
    they show any other; `.code` is ``invalid_transition`` for a move outside
    the table, or the app's own code for a rule of its own.
    """

    def __init__(self, message, code=INVALID_TRANSITION, params=None):
        super().__init__(message, code=code, params=params)

    @property
    def message_text(self):
        """The first message as plain text, for places that show one line."""
        return self.messages[0] if self.messages else ""


class HistoryEntry(models.Model):
    """One row of a status machine's history; the public ones form its timeline.

    A concrete history model adds the foreign key to its row and may narrow
    ``from_status`` / ``to_status`` with the workflow's choices. Rows that
    record an act other than a status change (a reassignment, a correction)
    keep both statuses equal or empty and are usually not public.
    """

    from_status = models.CharField(_("from"), max_length=20, blank=True)
    to_status = models.CharField(_("to"), max_length=20, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    note = models.TextField(_("note"), blank=True)
    is_public = models.BooleanField(_("shown publicly"), default=True)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    def __str__(self):
        """The move in words, as officers read it on the admin pages: "Diajukan → Diproses"."""
        kind = getattr(self, "kind", None)
        if kind and kind != "status" and hasattr(self, "get_kind_display"):
            return str(self.get_kind_display())
        moves = [self._status_label(name) for name in ("from_status", "to_status")]
        return " → ".join(label for label in moves if label)

    def _status_label(self, name):
        value = getattr(self, name)
        return str(dict(self._meta.get_field(name).flatchoices).get(value, value)) if value else ""

    @property
    def is_status_change(self):
        return bool(self.to_status) and self.from_status != self.to_status


# An app rule run inside the transaction on the locked row before it is saved:
# it may raise ValidationError (or InvalidTransition) and set further fields,
# returning the names of the fields it changed.
Apply = Callable[[models.Model], Iterable[str] | None]
# A side effect run after commit with the saved row and its history entry.
Effect = Callable[[models.Model, HistoryEntry], None]


@dataclass(frozen=True)
class Workflow:
    """The declaration of one status machine.

    `model` and `history` may be given as "app_label.ModelName" strings so a
    models module can declare its workflow before the history class exists.
    `parent` is the history model's foreign key to the row. `moves` maps every
    status to the statuses it may become; a status that maps to nothing is final.
    """

    model: type[models.Model] | str
    history: type[models.Model] | str
    parent: str
    statuses: type[models.TextChoices]
    moves: Mapping[str, Iterable[str]]
    status_field: str = "status"
    initial: str | None = None
    noun: str = field(default="")

    def __post_init__(self):
        values = {str(choice) for choice in self.statuses.values}
        frozen = {}
        for source, targets in self.moves.items():
            if str(source) not in values:
                raise ValueError(f"{source!r} is not a status of {self.statuses.__name__}")
            unknown = {str(target) for target in targets} - values
            if unknown:
                raise ValueError(f"{sorted(unknown)} are not statuses of {self.statuses.__name__}")
            frozen[self.statuses(source)] = frozenset(self.statuses(target) for target in targets)
        missing = values - {str(source) for source in frozen}
        if missing:
            raise ValueError(f"the move table of {self.statuses.__name__} has no row for {sorted(missing)}")
        object.__setattr__(self, "moves", frozen)
        if self.initial is not None:
            object.__setattr__(self, "initial", self.statuses(self.initial))

    # --- the table -------------------------------------------------------

    @functools.cached_property
    def row_model(self):
        return _resolve(self.model)

    @functools.cached_property
    def history_model(self):
        return _resolve(self.history)

    @property
    def start(self):
        """The status a new row has: `initial`, or the model field's default."""
        if self.initial is not None:
            return self.initial
        return self.statuses(self.row_model._meta.get_field(self.status_field).default)

    def allowed(self, current) -> frozenset:
        """The statuses a row in `current` may become."""
        return self.moves[self.statuses(current)]

    def can_move(self, current, to) -> bool:
        return self.statuses(to) in self.allowed(current)

    def check(self, current, to):
        """Raise InvalidTransition unless the table allows `current` → `to`."""
        current, to = self.statuses(current), self.statuses(to)
        if to not in self.moves[current]:
            raise InvalidTransition(
                _("“%(current)s” cannot become “%(target)s”.")
                % {"current": current.label, "target": to.label},
            )

    def path_to(self, target) -> list:
        """The shortest list of moves from the start status to `target` (empty for the start)."""
        target = self.statuses(target)
        paths = {self.start: []}
        queue = deque([self.start])
        while queue:
            status = queue.popleft()
            if status == target:
                return paths[status]
            for nxt in sorted(self.moves[status]):
                if nxt not in paths:
                    paths[nxt] = [*paths[status], nxt]
                    queue.append(nxt)
        raise ValueError(f"{target!r} cannot be reached from {self.start!r}")

    # --- writing ---------------------------------------------------------

    def transition(
        self,
        instance,
        to,
        *,
        actor=None,
        note="",
        at=None,
        is_public=True,
        apply: Apply | None = None,
        after_commit: Iterable[Effect] = (),
        history: Mapping | None = None,
        select_related: Iterable[str] = (),
    ):
        """Move `instance` to status `to`; return the history entry written.

        Locks the row (SELECT … FOR UPDATE), checks the move, runs `apply` on
        the locked row for the app's own rules, saves the status with the
        fields `apply` names, writes the history row (`history` adds fields
        of the concrete history model) and schedules each of `after_commit`.
        The caller's `instance` is refreshed with the saved values. Nothing is
        written when a check fails.
        """
        to = self.statuses(to)
        with transaction.atomic():
            queryset = self.row_model._default_manager.select_for_update()
            if select_related:
                queryset = queryset.select_related(*select_related)
            locked = queryset.get(pk=instance.pk)
            current = self.statuses(getattr(locked, self.status_field))
            self.check(current, to)
            changed = set(apply(locked) or ()) if apply else set()
            setattr(locked, self.status_field, to)
            locked.save(update_fields=self._update_fields(changed))
            entry = self.history_model._default_manager.create(
                **{self.parent: locked},
                from_status=current,
                to_status=to,
                at=at or timezone.now(),
                actor=actor,
                note=(note or "").strip(),
                is_public=is_public,
                **(history or {}),
            )
            for effect in after_commit:
                transaction.on_commit(functools.partial(effect, locked, entry))
        _copy_saved(locked, instance)
        return entry

    def begin(self, instance, *, actor=None, note="", at=None, is_public=True, history=None):
        """Record that a new row has entered the machine at its start status."""
        current = self.statuses(getattr(instance, self.status_field))
        if current != self.start:
            raise InvalidTransition(
                _("A new record starts as “%(start)s”.") % {"start": self.start.label},
            )
        return self.history_model._default_manager.create(
            **{self.parent: instance},
            from_status="",
            to_status=current,
            at=at or timezone.now(),
            actor=actor,
            note=(note or "").strip(),
            is_public=is_public,
            **(history or {}),
        )

    def record(self, instance, *, actor=None, note="", at=None, is_public=False, history=None):
        """Write a history row for an act that changes no status (a reassignment, a correction)."""
        status = getattr(instance, self.status_field)
        return self.history_model._default_manager.create(
            **{self.parent: instance},
            from_status=status,
            to_status=status,
            at=at or timezone.now(),
            actor=actor,
            note=(note or "").strip(),
            is_public=is_public,
            **(history or {}),
        )

    def seed(self, instance, path, *, history_rows=None):
        """Put an unsaved row on `path` for bulk loading; return its unsaved history rows.

        `path` is a list of (status, at) or (status, at, note) steps starting
        at the start status. Each step after the first is checked against the
        table; the row ends in the last status. The caller saves the row and
        then the returned history rows (bulk_create), after setting the parent
        foreign key if the row had no primary key yet (`attach`).
        """
        steps = [_step(step) for step in path]
        if not steps or self.statuses(steps[0][0]) != self.start:
            raise InvalidTransition(
                _("A new record starts as “%(start)s”.") % {"start": self.start.label},
            )
        rows, previous = [], ""
        extra = history_rows or {}
        for index, (status, at, note) in enumerate(steps):
            status = self.statuses(status)
            if index:
                self.check(previous, status)
            rows.append(
                self.history_model(
                    from_status=previous, to_status=status, at=at, note=note, **extra.get(index, {})
                )
            )
            previous = status
        setattr(instance, self.status_field, previous)
        return rows

    def attach(self, instance, rows):
        """Point seeded history rows at their (now saved) row."""
        for row in rows:
            setattr(row, self.parent, instance)
        return rows

    def _update_fields(self, changed):
        fields = {self.status_field, *changed}
        for model_field in self.row_model._meta.concrete_fields:
            if getattr(model_field, "auto_now", False):
                fields.add(model_field.name)
        return sorted(fields)


def _step(step):
    if len(step) == 2:
        return (*step, "")
    return step


def _resolve(model):
    if isinstance(model, str):
        from django.apps import apps

        return apps.get_model(model)
    return model


def _copy_saved(source, target):
    if source is target:
        return
    for model_field in source._meta.concrete_fields:
        setattr(target, model_field.attname, getattr(source, model_field.attname))
