"""A real `sensetime-dataset serve` process on a free loopback port, for the tests and
benchmarks that need one (browser, concurrency, logs, latency). Test tooling: not part
of the installed package."""

from __future__ import annotations

from pathlib import Path


def free_port(host: str = "127.0.0.1") -> int:
    import socket

    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def spawn(root: Path, port: int, host: str = "127.0.0.1", timeout: float = 120.0):
    """Start `sensetime-dataset serve` as its own process (for the browser test and the
    benchmark) and return it once it answers; its output goes to pipes the caller reads."""
    import subprocess
    import sys
    import time
    import urllib.request

    process = subprocess.Popen(
        [sys.executable, "-m", "sensetime_dataset", "serve", "--root", str(root),
         "--host", host, "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"serve exited with {process.returncode}: "
                               f"{process.stderr.read()[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://{host}:{port}/-/versions.json", timeout=2):
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"serve did not answer on {host}:{port} within {timeout} s")
