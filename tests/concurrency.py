"""Running work in several threads at once, each with its own database connection, in tests.

Stands for several application hosts (or gunicorn processes) doing the same
thing at the same moment: scheduled jobs, concurrent registrations.
"""

import io
import threading
import time

from django.core.management import call_command
from django.db import OperationalError, close_old_connections, connection


def run_at_once(work, *, threads):
    """Call ``work(index)`` in ``threads`` threads released together; return their results and errors.

    SQLite's shared in-memory test database reports a busy table instead of
    waiting for the lock; a call that meets it is tried again, as a real host
    would retry, for up to 20 s (generous: CI machines may be busy).
    """
    start = threading.Barrier(threads)
    results, errors = [], []

    def thread_body(index):
        start.wait()
        try:
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                try:
                    results.append(work(index))
                    return
                except OperationalError as error:
                    if "locked" not in str(error):
                        raise
                    time.sleep(0.02)
            errors.append("gave up")
        except Exception as error:  # surfaced to the test
            errors.append(repr(error))
        finally:
            close_old_connections()
            connection.close()

    workers = [threading.Thread(target=thread_body, args=(index,)) for index in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return results, errors


def run_on_several_hosts(command, *args, hosts=3):
    """Run a management command on several hosts at once; return the errors."""
    _results, errors = run_at_once(
        lambda _index: call_command(command, *args, stdout=io.StringIO()), threads=hosts
    )
    return errors
