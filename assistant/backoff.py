"""How long to wait before trying a server again: exponential, capped, with jitter (pure).

The wait ceiling doubles with each failure in a row, from ``base`` up to ``cap``. The wait is
"equal jitter" (Brooker, "Exponential Backoff And Jitter", AWS Architecture Blog, 2015): half
the ceiling fixed, half drawn at random. The random half keeps many assistants behind one
provider from retrying in step; the fixed half keeps a retry from ever coming sooner than half
the ceiling, so a provider that counts failed logins (and locks the account past a limit)
sees a few attempts an hour once the cap is reached, never a burst.
"""

from __future__ import annotations

MAX_DOUBLINGS = 64  # 2**64 times any base is past any cap; larger exponents would overflow


def backoff_delay(failures: int, *, base: float, cap: float, draw: float) -> float:
    """Seconds to wait after the ``failures``-th failure in a row (0 when none failed).

    ``draw`` is the random part, a number in [0, 1): ``random.random()`` in the caller, a
    fixed value in tests. The result lies between half the ceiling and the ceiling, which is
    ``min(cap, base * 2 ** (failures - 1))``.
    """
    if failures < 1:
        return 0.0
    ceiling = min(cap, base * 2.0 ** min(failures - 1, MAX_DOUBLINGS))
    return ceiling / 2 * (1 + min(max(draw, 0.0), 1.0))
