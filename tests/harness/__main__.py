"""Start Dovecot, the SMTP server and Redis on loopback and print where they are, until Ctrl-C.

Useful to try the assistant by hand against real servers: ``.venv/bin/python -m tests.harness``.
"""

from __future__ import annotations

import shutil
import signal
import tempfile
from pathlib import Path

from .dovecot import Dovecot
from .redis_server import RedisServer
from .smtp_server import SmtpServer


def main() -> None:
    root = Path(tempfile.mkdtemp(prefix="harness-"))
    dovecot = Dovecot.start(root / "dovecot")
    smtp = SmtpServer.start(dovecot, root / "smtp")
    redis = RedisServer.start(root / "redis")
    try:
        print(f"IMAP     {dovecot.imap_url('assistant@example.com')}  password {dovecot.password}")
        print(f"IMAPS    {dovecot.imap_url('assistant@example.com', tls='imaps')}")
        print(f"CA file  {dovecot.cafile}  (SMTP: {smtp.cafile})")
        print(f"SMTP     {smtp.url('smtp')}  {smtp.url('starttls')}  {smtp.url('smtps')}")
        print(f"         password {smtp.password}; transactions in {smtp.transactions_path}")
        print(f"Redis    {redis.url}")
        print("Ctrl-C to stop.", flush=True)
        signal.sigwait({signal.SIGINT, signal.SIGTERM})
    finally:
        redis.stop()
        smtp.stop()
        dovecot.stop()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    main()
