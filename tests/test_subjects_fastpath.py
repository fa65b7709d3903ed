"""``subjects._occurs`` (plain string search) must equal the per-name regexes it replaces."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.subjects import _NAME_BEFORE, _occurs

_PIECES = ["Acme", "acme", "AT&T", "at&t", "Co.", "co.", " ", "a", "Z", ",", ";", "(", "_", "1", "-", "é"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=20).map("".join) | st.text(max_size=40)
_NAME = st.sampled_from(["Acme", "AT&T", "Co.", "a", "_x", "é", "("]) | st.text(min_size=1, max_size=4)


@settings(max_examples=500, deadline=None)
@given(_TEXT, _NAME)
def test_occurs_equals_regex(text: str, name: str) -> None:
    assert _occurs(text, name.lower()) == bool(re.search(rf"\b{re.escape(name.lower())}\b", text))
    assert _occurs(text, " " + name, _NAME_BEFORE) == bool(re.search(rf"[a-z,;(] {re.escape(name)}\b", text))
