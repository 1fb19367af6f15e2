"""The server the HTTP benches time: gunicorn on the bench's own database, started and
waited for the same way by each of them."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_gunicorn(connection: Any, workers: int, threads: int = 8) -> tuple[Any, int]:
    """gunicorn serving Puentes on the database ``connection`` points at (the bench's test
    database), once it accepts connections; returns the process and its port."""
    settings = connection.settings_dict
    database_url = (
        f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
    )
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - our own server, fixed arguments
        [sys.executable, "-m", "gunicorn", "puentes.wsgi", "-b", f"127.0.0.1:{port}",
         "-w", str(workers), "--threads", str(threads), "--log-level", "warning"],
        cwd=ROOT,
        env={**os.environ, "PUENTES_DATABASE_URL": database_url,
             "PUENTES_ALLOWED_HOSTS": "127.0.0.1"},
    )  # fmt: skip
    for _ in range(150):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server, port
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("the server did not start")
