"""Production settings plus the benchmark's baseline view (`/bench/minimal/`).

The environment is read exactly as in production (`portal.settings`); only the
URL configuration differs, so the baseline crosses the same middleware.
"""

from portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
