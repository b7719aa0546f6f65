"""Send public page reads to a read replica when ``DATABASE_REPLICA_URL`` is set.

Everything uses the primary ("default") unless code runs inside
``replica_reads()``, which `PrimaryDatabaseMiddleware` opens only for GET/HEAD
requests to public pages. Writes, the admin, PPID requests and objections,
management commands and background jobs therefore always see the primary and
never read stale data.
"""

import contextlib
from contextvars import ContextVar

_replica_reads = ContextVar("portal_replica_reads", default=False)


@contextlib.contextmanager
def replica_reads(enabled=True):
    token = _replica_reads.set(enabled)
    try:
        yield
    finally:
        _replica_reads.reset(token)


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        if model._meta.app_label == "django_cache":
            return "default"  # throttle counters must read what they wrote
        return "replica" if _replica_reads.get() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
