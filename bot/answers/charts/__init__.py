"""Charts of replies, one stage a module: ``ask`` (does a message ask for a chart),
``spec`` (what a chart of a reply shows: only the stored facts its text states), ``draw``
(the PNG, with matplotlib imported at the first chart), ``caption`` (the photo's caption
and the text after it), ``cache`` (PNGs per fact base and question key) and ``bench``.

Nothing here is imported on the ``ask``/``batch``/``eval`` path.
"""
