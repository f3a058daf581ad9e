"""Attach the operator commands to the ``assistant`` group (called by assistant.cli)."""

from __future__ import annotations

import click


def register(main: click.Group) -> None:
    from assistant.operator.contacts_command import contacts
    from assistant.operator.doctor import doctor_command
    from assistant.operator.init_command import init_command
    from assistant.operator.status import status_command

    for command in (init_command, doctor_command, status_command, contacts):
        main.add_command(command)
