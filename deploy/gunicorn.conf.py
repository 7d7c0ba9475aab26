"""gunicorn settings of `make serve` (behind nginx, see deploy/nginx.conf.template and docs/security.md).

Read by `gunicorn -c deploy/gunicorn.conf.py app:server`; the environment sets where it listens and how many
workers and threads it runs (HOST, UPSTREAM_PORT, WORKERS, THREADS).
"""

from __future__ import annotations

import os

from gunicorn.http import wsgi

bind = f"{os.environ.get('UPSTREAM_HOST', '127.0.0.1')}:{os.environ.get('UPSTREAM_PORT', '8051')}"
workers = int(os.environ.get("WORKERS", "2"))
worker_class = "gthread"
# Threads that wait for a compute slot (services/compute.py) hold no CPU and little memory: enough of them that
# requests waiting for the model never take the threads that answer pages and /health. Measured with `make load`
# (100 users, 2 workers): with 8 threads a worker, fresh scenarios waiting for the model took every thread and a
# page's p95 was 3.7 s; with 32, 330 ms; with 64, 250 ms, as every other kind of request, at no cost to the rest.
threads = int(os.environ.get("THREADS", "64"))
timeout = (
    60  # the worker's heartbeat; a single computation is limited to IMW_COMPUTE_TIME_LIMIT (30 s) itself
)
graceful_timeout = 20
keepalive = 75  # longer than nginx's upstream keep-alive, so that nginx closes idle connections first
control_socket_disable = True  # several instances may share a machine (--no-control-socket)

# Worker recycling is off, on purpose. With `max_requests`, workers that share the load evenly reach their count
# together and restart within a second of each other (the jitter is too small to keep them apart): nothing is
# served while they boot. Recycling guarded against memory that grows with use; here the memory that grows,
# the model's, lives in the compute processes, which are replaced one at a time between two runs
# (services/compute.py, `tasks_per_process`), and the result cache in each worker is bounded (services/cache.py).
max_requests = 0

# Requests reach gunicorn only through nginx, whose limits are lower: these are a second line.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

_default_headers = wsgi.Response.default_headers


def _headers_without_server(self: wsgi.Response) -> list[str]:
    """gunicorn's headers without `Server: gunicorn`: a response names no software (nginx clears its own)."""
    return [line for line in _default_headers(self) if not line.lower().startswith("server:")]


wsgi.Response.default_headers = _headers_without_server  # type: ignore[method-assign]


def post_worker_init(worker: object) -> None:
    """Start the worker's compute processes before it accepts a request: the first user waits for no boot."""
    from services import compute

    compute.pool().warm()
