"""Leader locks on Redis: the watcher of a mailbox and the scheduler run once at a time.

Without Redis there is one process by construction, and the lock is always held.
"""

from __future__ import annotations

import logging

import redis
from redis.exceptions import LockError, RedisError

log = logging.getLogger(__name__)


class RedisLeader:
    """Held while this process keeps renewing it; lost (to another process) if it stops."""

    def __init__(self, url: str, name: str, ttl: float = 30.0) -> None:
        self._client = redis.Redis.from_url(url, socket_timeout=5)
        self._lock = self._client.lock(f"assistant:leader:{name}", timeout=ttl,
                                       blocking=False, thread_local=False)
        self.name = name

    def __call__(self) -> bool:
        try:
            if self._lock.owned():
                self._lock.reacquire()
                return True
            acquired = bool(self._lock.acquire(blocking=False))
        except (LockError, RedisError) as exc:
            log.warning("leader lock %s unavailable: %s", self.name, exc)
            return False
        if acquired:
            log.info("leader lock %s acquired", self.name)
        return acquired

    def release(self) -> None:
        try:
            if self._lock.owned():
                self._lock.release()
        except (LockError, RedisError):
            pass  # it expires on its own within ttl
        self._client.close()


def always_leader() -> bool:
    return True
