"""Operator commands: set up (``init``), check (``doctor``), look (``status``), and move
contacts in and out (``contacts import/export``). Each command module registers itself on
the command line through :mod:`assistant.operator.cli`."""
