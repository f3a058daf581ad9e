"""Email commands from a registered owner: ``help``, ``summary``, ``pending``, ``find NAME``,
``export``, ``pause``, ``resume``, ``undo``. :mod:`.parse` reads them (pure); :mod:`.handlers`
carries them out and returns the reply the pipeline sends."""
