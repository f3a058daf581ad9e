"""The weekly relationship summary: figures (pure), rendering, delivery and scheduling.

Data flow: :mod:`.load` reads one owner's rows -> :mod:`.figures` computes -> :mod:`.render`
writes the text and inlined HTML -> :mod:`.deliver` puts one outbox row per owner and ISO week;
:mod:`.schedule` says which owners are due.
"""
