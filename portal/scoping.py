"""Who may see which rows: the one place the back office's scoping rules live.

A *dimension* is something a user can be restricted to: the core defines
``village`` (a PPID Desa officer answers for one village); domain apps add
their own (the KIM app adds ``kim`` for KIM managers). Each model that belongs
to a village or a KIM is registered with the path from the model to that
dimension::

    scoping.register(DipItem, village="unit__village")
    scoping.register(KimPost, kim="kim")

`filter_queryset()` then narrows any queryset to the user's scope and
`in_scope()` checks one (possibly unsaved) object. `portal.scoped_admin` applies
both to lists, object URLs, form choices, autocomplete, saves and bulk actions.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db import models

from .roles import Role, user_roles


@dataclass(frozen=True)
class Dimension:
    name: str
    model_label: str
    # Returns None for "unrestricted" or the set of primary keys the user may touch.
    resolve: Callable


_dimensions: dict[str, Dimension] = {}
_paths: dict[type, dict[str, str]] = {}


def register_dimension(name, model_label, resolve):
    _dimensions[name] = Dimension(name, model_label, resolve)


def register(model, **paths):
    """Declare how `model` reaches each dimension, e.g. ``village="unit__village"``."""
    unknown = set(paths) - set(_dimensions)
    if unknown:
        raise ImproperlyConfigured(f"Unknown scoping dimension(s): {', '.join(sorted(unknown))}")
    _paths.setdefault(model, {}).update(paths)


def paths_for(model):
    model = model._meta.concrete_model
    return _paths.get(model, {})


def is_scoped_model(model):
    return bool(paths_for(model))


class Scope:
    """The rows a user may touch, per dimension; a missing dimension means “all”."""

    def __init__(self, restrictions):
        self.restrictions = restrictions

    def allowed(self, dimension):
        """None when unrestricted, else the frozenset of allowed primary keys."""
        return self.restrictions.get(dimension)


def scope_for(user):
    """The scope of a user, computed once per user object (i.e. once per request)."""
    cached = getattr(user, "_portal_scope", None)
    if cached is not None:
        return cached
    if not getattr(user, "is_authenticated", False):
        scope = Scope({name: frozenset() for name in _dimensions})
    elif user.is_superuser:
        scope = Scope({})
    else:
        scope = Scope({name: dim.resolve(user) for name, dim in _dimensions.items()})
    user._portal_scope = scope
    return scope


def _lookup(path):
    return "pk__in" if path == "pk" else f"{path}__in"


def filter_queryset(queryset, user):
    """Narrow a queryset of a registered model to what the user may touch."""
    scope = scope_for(user)
    for dimension, path in paths_for(queryset.model).items():
        allowed = scope.allowed(dimension)
        if allowed is not None:
            queryset = queryset.filter(**{_lookup(path): allowed})
    return queryset


def value_along(obj, path):
    """Follow a ``a__b__c`` path on an instance and return the key at its end."""
    if path == "pk":
        return obj.pk
    *steps, last = path.split("__")
    current = obj
    for step in steps:
        current = getattr(current, step, None)
        if current is None:
            return None
    field = current._meta.get_field(last)
    if isinstance(field, models.ManyToManyField) or field.many_to_many or field.one_to_many:
        raise ImproperlyConfigured(f"Scoping path {path!r} must follow single-valued relations.")
    return getattr(current, field.attname)


def in_scope(obj, user):
    """Whether one object, saved or not, lies inside the user's scope."""
    scope = scope_for(user)
    for dimension, path in paths_for(type(obj)).items():
        allowed = scope.allowed(dimension)
        if allowed is not None and value_along(obj, path) not in allowed:
            return False
    return True


def single_value(user, dimension):
    """The one key a user is restricted to in a dimension, if exactly one."""
    allowed = scope_for(user).allowed(dimension)
    if allowed is not None and len(allowed) == 1:
        return next(iter(allowed))
    return None


# --- The core dimension: villages -------------------------------------------

REGENCY_WIDE_ROLES = {Role.ADMINISTRATOR, Role.EDITOR, Role.PPID_UTAMA}


def _villages_of(user):
    if user_roles(user) & REGENCY_WIDE_ROLES:
        return None
    profile = getattr(user, "staff_profile", None)
    if profile is not None and profile.village_id:
        return frozenset({profile.village_id})
    return frozenset()


register_dimension("village", "portal.Village", _villages_of)
