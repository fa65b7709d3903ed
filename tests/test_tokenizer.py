"""The lean tokenizer of ``get_nlp()`` (``newsclaims.LeanTokenizer.v1``): tokens, config, and why
nothing downstream changes (sentence starts always fall on token starts)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.components import LEAN_TOKENIZER, TextKeepingTokenizer, sentence_offsets
from extractors.nlp import get_nlp
from extractors.sentences import sentence_starts

# own example phrasings -> lean tokens (spaCy's English rules differ on several: see test_figures)
TOKENS = [
    ("$1.5bn", ["$", "1.5bn"]),
    ("(£600m)", ["(", "£", "600m", ")"]),
    ("76%", ["76", "%"]),
    ("Kuaishou’s", ["Kuaishou", "’s"]),
    ("Tarco's", ["Tarco", "'s"]),
    ("U.S.", ["U.S."]),
    ("the U.S.,", ["the", "U.S.", ","]),
    ("e.g.", ["e.g."]),
    ("Mr. Lee", ["Mr.", "Lee"]),
    ("Acme Inc.", ["Acme", "Inc."]),
    ("growth.", ["growth", "."]),
    ('growth." The', ["growth", ".", '"', "The"]),
    ("“Sales rose,” he said.", ["“", "Sales", "rose", ",", "”", "he", "said", "."]),
    ("1,200", ["1,200"]),
    ("US$15m", ["US$15m"]),
    ("583p", ["583p"]),
    ("five-cent", ["five-cent"]),
    ("up 4%:", ["up", "4", "%", ":"]),
    ("Sales\n\nProfit", ["Sales", "\n\n", "Profit"]),
]


@pytest.mark.parametrize(("text", "tokens"), TOKENS)
def test_lean_tokens(text: str, tokens: list[str]) -> None:
    doc = get_nlp()(text)
    assert [t.text for t in doc] == tokens
    assert doc.text == text


def _lean(**settings: object) -> spacy.language.Language:
    return spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": LEAN_TOKENIZER, **settings}}})


def test_registered_and_configured_by_data(tmp_path: Path) -> None:
    nlp = get_nlp()
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == LEAN_TOKENIZER
    assert isinstance(nlp.tokenizer, TextKeepingTokenizer)
    extended = _lean(extra_infixes="/", extra_prefixes="#")
    assert [t.text for t in extended("#1 profit/loss")] == ["#", "1", "profit", "/", "loss"]
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps({"prefixes": "", "suffixes": "."}), encoding="utf-8")
    own = _lean(path=str(rules))
    assert [t.text for t in own("($5m). Mr.")] == ["($5m)", ".", "Mr."]
    with pytest.raises(ValueError, match="extra_suffixes"):
        _lean(extra_suffixes=5)


def test_pipeline_round_trips_through_disk(tmp_path: Path) -> None:
    get_nlp().to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert [t.text for t in loaded("(£600m) in the U.S.")] == ["(", "£", "600m", ")", "in", "the", "U.S."]


def test_a_model_keeps_its_own_tokenizer(tmp_path: Path) -> None:
    """A statistical model's parser/NER need spaCy's English tokens: get_nlp(model) keeps them."""
    spacy.blank("en").to_disk(tmp_path / "model")
    nlp = get_nlp(str(tmp_path / "model"))
    doc = nlp("Profit rose to (£600m). Sales fell.")
    assert [t.text for t in doc][3:8] == ["(", "£", "600", "m", ")"]
    assert [s.text for s in doc.sents] == ["Profit rose to (£600m).", "Sales fell."]


_BITS = ["Mr", "U.S", "Inc", "growth", "A", "1", "1.5bn", "$", "£", "(", ")", ".", "..", "!", "?", ",", "%"]
_BITS += ['"', "“", "”", "‘", "’", "'s", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "-", "é"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_BITS), max_size=40).map("".join) | st.text(max_size=80))
def test_sentences_do_not_depend_on_the_tokenizer(text: str) -> None:
    """Every sentence start follows whitespace, which ends a token under any spaCy tokenizer."""
    lean = get_nlp()(text)
    starts = {t.idx for t in lean}
    assert all(s in starts for s in sentence_starts(text) if s < len(text))
    assert sentence_offsets(lean) == sentence_offsets(_english()(text))


@lru_cache(maxsize=1)
def _english() -> spacy.language.Language:
    """spaCy's English tokenizer + our sentence component."""
    nlp = spacy.blank("en")
    nlp.add_pipe("newsclaims_sentences")
    return nlp
