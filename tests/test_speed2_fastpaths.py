"""Fast paths of round ``speed2`` equal the plain code they replace (invented inputs, edge cases)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import subjects as SJ


def _plain_title_starts(text: str) -> list[int]:
    out: list[int] = []
    for w in SJ._TITLE_STARTS:
        i = text.find(w)
        while i >= 0:
            out.append(i)
            i = text.find(w, i + 1)
    return sorted(out)


_TITLE_CASES = [
    "",
    "Mr",
    "Mrs Doe met Ms Roe and Miss Poe",
    "MrMsMissDrSirLordLadyProf",
    "MMr MsMs Mississippi DrDr Sirs Lords Ladyship Professor",
    "mr ms dr sir lord lady prof",
    "LordLady ProfProf SirSir",
    "Dr. Acme's Mr\tDoe",
    "é Mr’s Lady’s",
]


@pytest.mark.parametrize("text", _TITLE_CASES)
def test_title_starts_table(text: str) -> None:
    assert SJ._title_starts(text) == _plain_title_starts(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*SJ._TITLE_STARTS, "M", "s", "r", "iss", " ", "L", "a", "é"]), max_size=20).map(
        "".join
    )
)
def test_title_starts_equal_find_loop(text: str) -> None:
    assert SJ._title_starts(text) == _plain_title_starts(text)
