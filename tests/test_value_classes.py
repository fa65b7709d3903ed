"""The value classes write their ``__init__`` out (compiled, a written one is native code; see
``extractors.figures.Figure``): each must still build what ``@dataclass`` would, field for field."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from typing import Any

import pytest

from extractors.claims import _Item
from extractors.clauses import Clauses
from extractors.figures import Figure
from extractors.metrics import CueHit
from extractors.model import ArticleAnalysis, Claim, Sentence
from extractors.subjects import Mention

_FIG = Figure(1, 5, "£5bn", "money", 5e9, "GBP")
CLASSES = [Figure, CueHit, Mention, Clauses, _Item, Claim]
HASHED = [Figure, CueHit, Mention]


def _required(cls: type) -> list[dataclasses.Field[Any]]:
    return [
        f
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]


_INTS = {"start", "end", "num_start", "priority", "cue_end", "noun_end", "cue_at", "sentence_idx", "idx"}
_FLOATS = {"value", "value_low", "value_high", "scale", "stance_score"}
_INT_LISTS = {"region_starts", "region_ends", "clause_starts", "clause_ends"}


def _distinct_value(f: dataclasses.Field[Any], n: int) -> object:
    """A value for field ``f`` that no other field of the test gets, of a type the field takes
    (by name: compiled, ``f.type`` is only ``type`` for a union and ``list`` for ``list[int]``)."""
    name = f.name
    if name == "fig":
        return Figure(n, n + 1, f"s{n}", "number", float(n), None)
    if name == "same_as":
        return _Item(_FIG, n, n)
    if name == "alternates":
        return [{"n": n}]
    if name == "change":
        return {"kind": "absolute", "value": float(n)}
    if name == "asides":
        return ((n, n + 1),)
    if name == "span":
        return (n, n + 2)
    if name == "sentences":
        return [Sentence(n, n, n + 5, "text")]
    if name == "cues":
        return [f"cue{n}"]
    if name == "claims":
        return [Claim("Acme", "revenue", float(n), "USD", "exact", "actual", None, None, "$1", (0, 2), "s")]
    if name in _INT_LISTS:
        return [0, n]
    if name in _FLOATS:
        return n + 0.5
    if name in _INTS:
        return n
    return f"v{n}"


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_every_field_by_position_and_by_name(cls: type) -> None:
    fields = dataclasses.fields(cls)
    values = [_distinct_value(f, 10 + i) for i, f in enumerate(fields)]
    by_position = cls(*values)
    by_name = cls(**{f.name: v for f, v in zip(fields, values, strict=True)})
    for obj in (by_position, by_name):
        assert [getattr(obj, f.name) for f in fields] == values
    assert by_position == by_name
    assert repr(by_position) == repr(by_name)
    other = _distinct_value(fields[0], 99)
    changed = dataclasses.replace(by_position, **{fields[0].name: other})
    assert getattr(changed, fields[0].name) == other
    assert [getattr(changed, f.name) for f in fields[1:]] == values[1:]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_defaults_are_the_fields_defaults(cls: type) -> None:
    required = _required(cls)
    args = [_distinct_value(f, 20 + i) for i, f in enumerate(required)]
    one, two = cls(*args), cls(*args)
    for f in dataclasses.fields(cls):
        if f in required:
            continue
        expected = f.default if f.default_factory is dataclasses.MISSING else f.default_factory()
        assert getattr(one, f.name) == expected, f.name
        if f.default_factory is not dataclasses.MISSING:
            assert getattr(one, f.name) is not getattr(two, f.name), f"{f.name}: one shared default"


@pytest.mark.parametrize("cls", HASHED, ids=lambda c: c.__name__)
def test_hash_is_the_hash_of_the_fields(cls: type) -> None:
    values = [_distinct_value(f, 30 + i) for i, f in enumerate(dataclasses.fields(cls))]
    a, b = cls(*values), cls(*values)
    assert a == b and hash(a) == hash(b) == hash(tuple(values))
    assert len({a, b}) == 1


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_no_field_is_left_out_of_init(cls: type) -> None:
    """A field added to the class but not to its written ``__init__`` is caught here."""
    fields = dataclasses.fields(cls)
    with pytest.raises(TypeError):
        cls(*[_distinct_value(f, i) for i, f in enumerate(fields)], "one too many")


@pytest.mark.parametrize("cls", [*CLASSES, Sentence, ArticleAnalysis], ids=lambda c: c.__name__)
def test_pickle_and_copy_give_an_equal_object(cls: type) -> None:
    """Compiled, a class with a written ``__init__`` is built only through it (extractors.values):
    worker processes, Dask and Prefect results pickle these."""
    obj = cls(*[_distinct_value(f, 40 + i) for i, f in enumerate(dataclasses.fields(cls))])
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(obj, protocol=protocol))
        assert type(back) is cls and back == obj
    assert copy.copy(obj) == obj and copy.deepcopy(obj) == obj
