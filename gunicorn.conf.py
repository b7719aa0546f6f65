"""gunicorn settings: sized for the machine's cores, logs to stdout.

Override with GUNICORN_* environment variables or command-line flags.
"""

import multiprocessing
import os

import gunicorn.http.wsgi

# The Server header names no product or version (nginx in front says only "nginx").
gunicorn.http.wsgi.SERVER = "portal"

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# (2 × cores) + 1 synchronous workers is gunicorn's rule of thumb; threads let a
# worker overlap database waits without the memory of another process.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 2))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so memory use stays flat. A restart costs a
# moment of latency: at a few thousand requests a busy worker restarted every
# few seconds and the slowest 1% of answers doubled (make bench).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 20000))
max_requests_jitter = 2000
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
errorlog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
