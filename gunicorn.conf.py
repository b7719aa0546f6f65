"""gunicorn settings: sized for the machine's cores, logs to stdout.

Override with GUNICORN_* environment variables or command-line flags.
"""

import multiprocessing
import os

import gunicorn.http.wsgi

# The Server header names no product or version (nginx in front says only "nginx").
gunicorn.http.wsgi.SERVER = "portal"

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# The pages are CPU-bound (templates and Python; their queries take a few
# milliseconds), so more processes or threads than cores only queue the same
# work and lengthen the slowest answers: synchronous workers, one per core plus
# one to cover a worker waiting on the database. nginx in front buffers slow
# clients, so a synchronous worker is never held by one. Measured with
# `make bench` (README, "Performance benchmark"): against 5 workers × 2 threads
# on 2 cores, the same or more requests per second and a shorter p99.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
# More than one thread makes gunicorn use its threaded worker (gthread).
threads = int(os.environ.get("GUNICORN_THREADS", 1))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync" if threads == 1 else "gthread")
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
