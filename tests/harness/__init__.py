"""Real servers on loopback for the integration tests: no mocks.

What runs, and how tests get at it
----------------------------------
Started once per pytest session by the fixtures in ``tests/conftest.py``:

``dovecot`` -> :class:`tests.harness.dovecot.Dovecot`
    A private Dovecot 2.3 (Debian ``dovecot-imapd`` + ``dovecot-lmtpd``) with its own config,
    ``base_dir``, ``state_dir`` and log under a temp dir, listening on 127.0.0.1 only:
    IMAP with STARTTLS offered (``imap_port``), IMAPS (``imaps_port``) and LMTP (``lmtp_port``).
    Any address is a mailbox (static passdb/userdb), every mailbox's password is
    ``dovecot.password`` ("secret"); folders use ``/`` as separator (``Assistant/Processed``);
    IDLE, MOVE and UIDPLUS are advertised. Dovecot delays IDLE notifications by about 0.5 s by
    design. ``recipient_delimiter = +``: mail to ``a+tag@x`` lands in ``a@x``'s INBOX.
    ``dovecot.cafile`` verifies both IMAPS and STARTTLS (hostname 127.0.0.1 or localhost).

    - ``dovecot.imap_url("assistant@example.com")`` ->
      ``imap://assistant%40example.com@127.0.0.1:PORT/INBOX``; ``tls="imaps"`` gives
      ``imaps://...`` on the IMAPS port; ``tls="none"`` gives the same ``imap://`` URL as
      ``"starttls"`` (the server always offers STARTTLS; whether to use it is the client's
      choice). The password is passed separately, as the product takes it.
    - ``dovecot.append(user, folder, raw) -> uid`` (creates the folder if missing),
      ``dovecot.append_many(user, folder, raws) -> list[uid]`` (one connection: bulk loads),
      ``dovecot.messages(user, folder="INBOX") -> list[bytes]`` (UID order, ``BODY.PEEK[]``),
      ``dovecot.wait_for_messages(user, folder, count, timeout=10) -> list[bytes]`` (polls),
      ``dovecot.create_folder(user, folder)``, ``dovecot.folders(user) -> list[str]``,
      ``dovecot.restart()`` (same ports, mail kept), ``dovecot.log_text()``.

``smtp_server`` -> :class:`tests.harness.smtp_server.SmtpServer`
    A real SMTP server (aiosmtpd, in threads of the test process) that delivers every accepted
    message to the recipients' Dovecot INBOXes over LMTP, so a test reads what the assistant
    sent with ``dovecot.wait_for_messages("jane@acme.example", "INBOX", 1)``.

    - ``smtp_server.port``: plain SMTP offering STARTTLS; AUTH PLAIN/LOGIN is offered only
      after STARTTLS and is optional (unauthenticated mail is accepted).
      ``url("smtp")`` -> ``smtp://127.0.0.1:PORT``,
      ``url("starttls")`` -> ``smtp+starttls://assistant@127.0.0.1:PORT``.
    - ``smtp_server.smtps_port``: implicit TLS, AUTH required before MAIL FROM.
      ``url("smtps")`` -> ``smtps://assistant@127.0.0.1:PORT``.
    - ``username`` ("assistant"), ``password`` ("smtp-secret"), ``cafile`` (the same file as
      ``dovecot.cafile``: one self-signed certificate serves IMAP and SMTP).
    - Faults, applied from the test at run time: ``fail_next(code, count=1, stage="data")``
      answers ``code`` to the next ``count`` transactions at end of DATA (or at MAIL FROM with
      ``stage="mail"``); ``fail_recipient(address, code)`` answers ``code`` to RCPT TO for that
      address until cleared; ``clear_faults()``. A 421 also closes the connection (RFC 5321
      3.8). Faulted transactions deliver nothing. Use the ``faults_reset`` fixture in tests
      that set faults.
    - ``transactions() -> list[dict]``: one dict per answered transaction, oldest first, with
      ``mail_from``, ``rcpt_tos``, ``message_id`` (None when refused before DATA), ``status``
      (the SMTP code given), ``fault`` (injected?), ``auth_user``, ``listener``
      ("smtp"/"smtps"), ``tls``, ``time``. Also at ``smtp_server.transactions_path`` (JSON lines).
      The server is shared by the session: compare against a count taken before your test.

``redis_server`` -> :class:`tests.harness.redis_server.RedisServer`
    A private ``redis-server`` on a free loopback port (never the shared 6379), no
    persistence. ``url`` (``redis://127.0.0.1:PORT/0``), ``client()``, ``flush()``,
    ``restart()`` (same port, empty afterwards), ``stop()``.

PostgreSQL -> :class:`tests.harness.postgres.Postgres`
    The machine's server at 127.0.0.1:5432, user ``postgres``, trust auth. Each test gets a new
    uniquely named database, dropped afterwards (``WITH (FORCE)``).

Function-scoped fixtures
------------------------
- ``redis_url``: the private Redis URL, flushed before the test.
- ``postgres_url``: ``postgresql+psycopg://postgres@127.0.0.1:5432/test_<hex>``, a fresh db.
- ``database_url``: parametrized ``sqlite`` (``sqlite:///<tmp_path>/assistant.db``) and
  ``postgresql`` (as ``postgres_url``): a test using it runs on both.
- ``broker_kind``: parametrized ``"inprocess"`` and ``"redis"``; ``broker_url`` is ``None``
  for the in-process broker, else the flushed private Redis URL.
- ``faults_reset``: clears SMTP faults after the test.

Tests that use any server get the ``servers`` marker automatically (``-m "not servers"`` runs
the rest). When a server binary is missing or a server fails to start the test is skipped with
the reason, except under ``CI=true``, where it fails: CI cannot pass by skipping.

Setup: ``sudo scripts/install-test-deps.sh`` (idempotent; Debian 12) installs Dovecot, Redis,
PostgreSQL and openssl if missing and starts PostgreSQL. The system Dovecot service is never
started; the harness runs its own instances. Outside pytest, the classes are used directly::

    dovecot = Dovecot.start(Path(tmp))
    smtp = SmtpServer.start(dovecot, Path(tmp) / "smtp")
    ...
    smtp.stop(); dovecot.stop()

``python -m tests.harness`` starts Dovecot, SMTP and Redis and prints their URLs until Ctrl-C.
"""

from ._support import ServerUnavailable
from .dovecot import Dovecot
from .postgres import Postgres
from .redis_server import RedisServer
from .smtp_server import SmtpServer

__all__ = ["Dovecot", "Postgres", "RedisServer", "ServerUnavailable", "SmtpServer"]
