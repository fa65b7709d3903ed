"""Cue tests for the stance scorer: own sentences, one row per cue family."""

from __future__ import annotations

import json

import pytest

from extractors.model import Claim
from extractors.stance import (
    FACT,
    OPINION,
    CueScorer,
    StanceResult,
    claim_stance,
    get_scorer,
    load_lexicon,
    sentence_stance,
    sentence_stances,
)


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("I think the merger is a mistake.", "first_person_judgement:i think"),
        ("In my view, the board waited too long.", "first_person_judgement:in my view"),
        ("Personally, the plan leaves me cold.", "first_person_judgement:personally"),
        ("From my perspective, the spin-off makes sense.", "first_person_judgement:from my perspective"),
        ("The valuation is staggering.", "evaluative_strong:staggering"),
        ("It was a bold move by the chairman.", "evaluative_strong:bold"),
        ("The results were extremely weak.", "intensifier:extremely"),
        ("Perhaps the market has misread the signal.", "hedge:perhaps"),
        ("Why would anyone pay that price?", "loaded_question:why would anyone pay that price?"),
        ("Did the regulator even read the filing?", "rhetorical_question:?"),
        ("You should sell before the summer.", "reader_address:you"),
        ("Sooner or later the bubble bursts.", "author_prediction:sooner or later"),
        ("The retail sector faces a perfect storm.", "loaded_metaphor:perfect storm"),
        ("The bank must raise more capital.", "normative:must"),
        ("My guess is that sales reach $2bn.", "author_estimate:my guess"),
        ("Revenue rose 4% to $1.2bn, the company said.", "reported_speech:said"),
        ("Profit was $3m, according to the filing.", "reported_speech:according to"),
        ("Sales fell 12% in March.", "date_detail:march"),
        ("The plan is utterly absurd.", "predicative_evaluation:is absurd"),
        ("We cannot keep waiting.", "first_person_plural:we"),
        ("Only the board knew.", "degree_word:only"),
        ("The factory had closed.", "past_narrative:had"),
    ],
)
def test_cue_is_found(sentence: str, cue: str) -> None:
    assert cue in sentence_stance(sentence).cues


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In my opinion, this is a fascinating and bold bet that could reshape the industry.", OPINION),
        ("Personally, I think the deal is a terrible idea.", OPINION),
        ("Frankly, the whole plan is absurd.", OPINION),
        ("What a spectacular, utterly reckless gamble!", OPINION),
        ("Acme Corp reported revenue of $4.1bn for the quarter ended 30 June.", FACT),
        ("The company said on Tuesday that it had hired 300 engineers.", FACT),
        ("Shares closed at 583p in London, up 2.1%.", FACT),
        ("The acquisition was completed in March 2024.", FACT),
    ],
)
def test_clear_cases(sentence: str, expected: str) -> None:
    assert sentence_stance(sentence).stance == expected


def test_quoted_opinion_of_named_source_is_reported_speech() -> None:
    own = sentence_stance("This is a disastrous, reckless decision.")
    quoted = sentence_stance('"This is a disastrous, reckless decision," said Jane Smith, the union leader.')
    assert own.stance == OPINION
    assert quoted.stance == FACT
    assert not any(c.startswith("evaluative_strong:") for c in quoted.cues)
    assert "reported_speech:said" in quoted.cues


def test_quotation_spanning_sentences_is_speech() -> None:
    # the closing half of a quotation opened in an earlier sentence, and the opening half of one
    # that runs on: neither is the author's voice
    closing = sentence_stance("It is a weird, twisted love letter to my neighbourhood, I suppose.'")
    assert closing.stance == FACT
    assert "quotation:quoted" in closing.cues
    assert not any(c.startswith("scare_quotes:") for c in closing.cues)
    opening = sentence_stance("He said: 'I didn't really think it was a great idea at all.")
    assert opening.stance == FACT
    assert not any(c.startswith("first_person_judgement:") for c in opening.cues)


def test_us_the_country_is_not_first_person() -> None:
    assert not any(c.startswith("first_person") for c in sentence_stance("The US sent more ships.").cues)
    assert "first_person_plural:us" in sentence_stance("It is up to us to decide.").cues


def test_scare_quotes_count_as_author_voice() -> None:
    result = sentence_stance("The so-called “reform” changes nothing.")
    assert "scare_quotes:reform" in result.cues


def test_apostrophe_is_not_a_quote() -> None:
    # curly apostrophes inside words must not open a quotation
    assert "first_person_judgement:i think" in sentence_stance("It’s late, but I think it’s a mistake.").cues


def test_score_range_and_types() -> None:
    for s in ["", "   ", "?", "Revenue rose.", "I think! You must! Awful!!!"]:
        r = sentence_stance(s)
        assert 0.0 <= r.score <= 1.0
        assert r.stance in (OPINION, FACT)
        assert isinstance(r.cues, list)


def test_batch_matches_single() -> None:
    sentences = ["I think it is great.", "Sales rose 5% in May."]
    assert [r.stance for r in sentence_stances(sentences)] == [sentence_stance(s).stance for s in sentences]


def test_named_detail_skips_sentence_start() -> None:
    cues = sentence_stance("Revenue at Acme rose.").cues
    assert "named_detail:Acme" in cues
    assert "named_detail:Revenue" not in cues


def test_lexicon_file_is_readable_and_extendable(tmp_path) -> None:
    lexicon = load_lexicon()
    assert lexicon["categories"]["evaluative_strong"]["weight"] > 0
    assert "subjective_adjective" in lexicon["categories"]  # merged from an "extends" file
    custom = {
        "bias": -1.0,
        "threshold": 0.5,
        "categories": {"house_words": {"weight": 3.0, "terms": ["gobsmacking"], "phrases": ["top notch"]}},
    }
    path = tmp_path / "lex.json"
    path.write_text(json.dumps(custom))
    scorer = CueScorer(load_lexicon(path))
    assert scorer.score("A gobsmacking quarter.").stance == OPINION
    assert scorer.score("Top notch results.").cues == ["house_words:top notch"]
    assert scorer.score("A quiet quarter.").stance == FACT


def test_bad_lexicon_is_rejected() -> None:
    with pytest.raises(ValueError, match="no weight"):
        CueScorer({"categories": {"x": {"terms": ["a"]}}})
    with pytest.raises(ValueError, match="bad pattern"):
        CueScorer({"categories": {"x": {"weight": 1, "patterns": ["("]}}})


def test_scorer_is_built_once() -> None:
    assert get_scorer() is get_scorer()


def _claim(modality: str = "actual") -> Claim:
    return Claim(
        subject="Acme",
        metric="valuation",
        value=2e10,
        unit="USD",
        qualifier="exact",
        modality=modality,
        period=None,
        change=None,
        surface="$20bn",
        span=(0, 5),
        sentence="",
    )


@pytest.mark.parametrize(
    ("sentence", "modality", "expected"),
    [
        # an evaluative word does not turn a reported figure into an opinion (CLAIMS.md)
        ("Acme is valued at a staggering, frankly absurd $20bn.", "actual", FACT),
        ("In my view, the $20bn valuation is a bold bet.", "actual", FACT),
        # the figure is the author's own estimate or speculation
        ("My guess is that Acme is worth $20bn, a bold figure.", "actual", OPINION),
        ("I think Acme could easily reach a $20bn valuation.", "forecast", OPINION),
        # someone else's speculation, reported
        ('"I think Acme could reach $20bn," the chief executive said.', "forecast", FACT),
        # a plain forecast in a fact sentence
        ("Acme expects revenue of $20bn in 2026, the company said.", "forecast", FACT),
    ],
)
def test_claim_stance(sentence: str, modality: str, expected: str) -> None:
    assert claim_stance(_claim(modality), sentence_stance(sentence)) == expected


def test_claim_stance_follows_a_fact_sentence() -> None:
    assert claim_stance(_claim("forecast"), StanceResult(FACT, 0.1, ["hedge:could"])) == FACT
