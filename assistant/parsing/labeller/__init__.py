"""A trained sequence labeller for contact blocks: signature blocks, typed cards and one-line
"Name - Title, Company - email - phone" notes, read token by token by a CRF (CRFsuite).

Laid out as probablepeople/parserator are: ``tokens`` (tokenize), ``features`` (token
features, one function per family), ``train`` (the one command that rebuilds the shipped model
from ``training/blocks``), ``tagger`` (load once, tag, assemble fields).
"""

from assistant.parsing.labeller.tagger import BlockFields, read_block, tag_lines

__all__ = ["BlockFields", "read_block", "tag_lines"]
