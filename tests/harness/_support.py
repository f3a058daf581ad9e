"""Small helpers shared by the server wrappers: free ports, readiness waits, TLS certificates."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

LOOPBACK = "127.0.0.1"


class ServerUnavailable(RuntimeError):
    """Raised when a server binary is missing or the server does not come up.

    The pytest fixtures turn this into a skip on a developer machine and into a failure under
    ``CI=true``, so a CI run can never pass by silently skipping the real-server tests.
    """


@dataclass(frozen=True)
class CertPair:
    """A self-signed certificate (also its own CA file) and its private key."""

    cert: Path
    key: Path


def free_port() -> int:
    """Return a loopback TCP port that was free a moment ago (the kernel picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


def port_open(port: int, host: str = LOOPBACK) -> bool:
    """Return whether something accepts TCP connections on host:port."""
    try:
        with socket.create_connection((host, port), timeout=0.2):
            return True
    except OSError:
        return False


def wait_for_ports(ports: list[int], timeout: float, what: str) -> None:
    """Block until every port accepts connections; raise ServerUnavailable after timeout."""
    deadline = time.monotonic() + timeout
    while not all(port_open(port) for port in ports):
        if time.monotonic() > deadline:
            raise ServerUnavailable(f"{what} did not open ports {ports} within {timeout:.0f} s")
        time.sleep(0.02)


def require_binary(name: str, hint: str) -> str:
    """Return the full path of an executable, or raise ServerUnavailable naming the fix."""
    path = shutil.which(name) or _sbin_lookup(name)
    if path is None:
        raise ServerUnavailable(f"{name} not found ({hint}; see scripts/install-test-deps.sh)")
    return path


def _sbin_lookup(name: str) -> str | None:
    # Non-root shells often lack /usr/sbin on PATH, where Debian puts dovecot.
    for folder in ("/usr/sbin", "/usr/local/sbin", "/sbin"):
        candidate = Path(folder) / name
        if candidate.is_file():
            return str(candidate)
    return None


def make_self_signed(directory: Path, name: str = "server") -> CertPair:
    """Write a self-signed EC certificate for 127.0.0.1 and localhost into directory."""
    openssl = require_binary("openssl", "apt-get install openssl")
    pair = CertPair(cert=directory / f"{name}.crt", key=directory / f"{name}.key")
    command = [
        openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
        "-nodes", "-days", "7", "-subj", "/CN=127.0.0.1",
        "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        "-keyout", str(pair.key), "-out", str(pair.cert),
    ]
    subprocess.run(command, check=True, capture_output=True)
    return pair


def die_with_parent(command: list[str]) -> list[str]:
    """Prefix command so the server gets SIGTERM if the test process dies without cleanup.

    util-linux ``setpriv --pdeathsig`` sets PR_SET_PDEATHSIG before exec; a killed pytest
    then leaves no orphaned servers. Without setpriv the command is returned unchanged.
    """
    setpriv = shutil.which("setpriv")
    return [setpriv, "--pdeathsig", "TERM", "--", *command] if setpriv else command


def stop_process(process: subprocess.Popen[bytes], timeout: float = 5.0) -> None:
    """Terminate a child process and reap it, killing it if it ignores SIGTERM."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout)
