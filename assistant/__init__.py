"""Self-hosted, email-driven follow-up assistant for people who network for a living."""

__version__ = "0.1.0"
