"""One error hierarchy for the whole assistant.

Permanent errors are never retried: the input or the configuration is wrong, and the owner (or
the operator) is told in plain words. Transient errors are retried with backoff: a server was
unreachable, a connection dropped, a lock was busy. Dramatiq actors retry only on
``TransientError`` (its ``throws=`` lets permanent errors through without retry).
"""


class AssistantError(Exception):
    """Root of every error the assistant raises on purpose."""


class PermanentError(AssistantError):
    """Raised when retrying cannot help: bad input, bad configuration, a 5xx answer."""


class TransientError(AssistantError):
    """Raised when the same call may succeed later: timeouts, 4xx answers, dropped connections."""


class ConfigurationError(PermanentError):
    """Raised when a setting is missing or malformed."""


class UnreadableMessageError(PermanentError):
    """Raised when bytes handed to the parser are not an email message at all."""


class MailboxError(TransientError):
    """Raised when the inbox server cannot be reached or answers unexpectedly."""


class DeliveryError(TransientError):
    """Raised when an SMTP server refuses a message for now (4xx) or the connection fails."""


class RelayLoginError(DeliveryError):
    """Raised when the SMTP relay refuses the assistant's login.

    Transient for the emails: a 454 clears by itself and a 535 once the operator fixes the
    password; no queued email is failed for it (``assistant status`` reports it).
    """


class DeliveryRejected(PermanentError):
    """Raised when an SMTP server refuses a message for good (5xx)."""


class RecipientsRefused(DeliveryRejected):
    """Raised when an SMTP server refuses every recipient for good (5xx to each RCPT)."""

    def __init__(self, message: str, refused: dict[str, str]) -> None:
        super().__init__(message)
        self.refused = refused


class UnknownOwnerError(PermanentError):
    """Raised when a command names an owner that is not registered."""
