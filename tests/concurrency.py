"""Running a scheduled job on several application hosts at once, in tests."""

import io
import threading
import time

from django.core.management import call_command
from django.db import OperationalError, close_old_connections, connection


def run_on_several_hosts(command, *args, hosts=3):
    """Run a management command in several threads at once, each with its own connection."""
    start = threading.Barrier(hosts)
    errors = []

    def host():
        start.wait()
        try:
            deadline = time.monotonic() + 20  # generous: CI machines may be busy
            while time.monotonic() < deadline:
                try:
                    call_command(command, *args, stdout=io.StringIO())
                    return
                except OperationalError as error:
                    # SQLite's shared in-memory test database reports a busy table
                    # instead of waiting for the lock; a real host would retry too.
                    if "locked" not in str(error):
                        raise
                    time.sleep(0.02)
            errors.append("gave up")
        except Exception as error:  # surfaced below
            errors.append(repr(error))
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=host) for _ in range(hosts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors
