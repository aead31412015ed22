"""Real processes for the tests: free loopback ports, waiting for a server, a Chroma server, the app."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def require(found: str | None, what: str) -> str:
    """A system program a test needs: in CI (.ci/run installs it) its absence fails, elsewhere it skips."""
    import pytest

    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{what} is not installed (.ci/run installs it)")
        pytest.skip(f"{what} not installed here")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, proc: subprocess.Popen | None = None, timeout: float = 180, log: Path | None = None) -> None:
    """Until `url` answers; fails early with the process's output (or its log file) if it exits first."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            out = log.read_text(encoding="utf-8") if log else (proc.stdout.read() if proc.stdout else "")
            raise RuntimeError(f"process exited ({proc.returncode}) before {url} answered:\n{out[-3000:]}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer in {timeout} s")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextlib.contextmanager
def chroma_server(path: Path) -> Iterator[tuple[subprocess.Popen, int]]:
    """`chroma run` (the CLI ships with chromadb) on 127.0.0.1, telemetry off."""
    chroma = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
    assert chroma, "the chroma CLI ships with the chromadb package"
    port = free_port()
    proc = subprocess.Popen([chroma, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                            env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.3)
        yield proc, port
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def start_app(port: int, log: Path | None = None, **env: str) -> subprocess.Popen:
    """serve.py in a subprocess; its stdout and stderr together in `log`, or in proc.stdout without one."""
    out = open(log, "w", encoding="utf-8") if log else subprocess.PIPE  # noqa: SIM115 - the child owns it
    return subprocess.Popen([sys.executable, "serve.py", "--port", str(port)], cwd=ROOT,
                            env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT, text=True)
