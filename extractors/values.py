"""Pickling for the value classes of the extractors.

Compiled (``extractors.native``), a class with a written ``__init__`` can only be built through
that ``__init__``: pickle's default (``cls.__new__(cls)``, then the attributes) calls it with no
arguments and fails. ``by_fields`` is their ``__reduce__``: the class and its field values, in
order, which the ``__init__`` takes back. The same in plain Python, so a pickle made by one runs in
the other (worker processes, Dask, Prefect results).
"""

from __future__ import annotations

import dataclasses
from typing import Any


def by_fields(obj: Any) -> tuple[type, tuple[object, ...]]:
    """``__reduce__`` of a dataclass whose ``__init__`` takes its fields in order."""
    return type(obj), tuple(getattr(obj, f.name) for f in dataclasses.fields(obj))
