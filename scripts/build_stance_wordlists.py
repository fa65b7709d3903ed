"""Rebuild the word lists that extend the stance lexicon from two openly licensed lexicons.

    pip download --no-deps textblob vaderSentiment -d /tmp/lex   # then unzip the wheels
    python scripts/build_stance_wordlists.py PATH/en-sentiment.xml PATH/vader_lexicon.txt

- extractors/data/stance_words_pattern.json: words whose mean subjectivity in the Pattern
  lexicon (Tom De Smedt, Walter Daelemans; shipped in TextBlob; licence PDDL) is >= 0.6.
- extractors/data/stance_words_vader.json: words whose absolute valence in the VADER lexicon
  (C.J. Hutto; MIT licence) is >= 1.5. Only the words are kept, not their scores.

Words already in stance_lexicon.json are left out, so each word counts once. The cut-offs
are hand-set; nothing here is fitted on the CheckThat! data.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "extractors" / "data"
PATTERN_CUT, VADER_CUT = 0.6, 1.5
# Words of the source lexicons that are mostly descriptive in news text (a colour, a time, a size,
# a category): hand-picked, left out of both lists.
EXCLUDE = {
    "able",
    "active",
    "advanced",
    "aeriform",
    "affirmative",
    "alien",
    "apportioned",
    "approximate",
    "artesian",
    "artificial",
    "autonomous",
    "behind",
    "calculable",
    "cold",
    "convex",
    "decreased",
    "detailed",
    "different",
    "dried",
    "dusty",
    "economical",
    "ecological",
    "elect",
    "elementary",
    "entire",
    "everyday",
    "experienced",
    "expensive",
    "extinct",
    "far",
    "farthermost",
    "fast",
    "filled",
    "final",
    "instant",
    "key",
    "late",
    "latest",
    "light",
    "lifelong",
    "marked",
    "minimal",
    "moderate",
    "necessary",
    "normal",
    "own",
    "popular",
    "possible",
    "potential",
    "rare",
    "rich",
    "rose",
    "sec",
    "secret",
    "sick",
    "stark",
    "static",
    "thin",
    "total",
    "traditional",
    "unilateral",
    "unknown",
    "vast",
    "wealthy",
    "youngish",
    "unhappy",
    "unsalted",
    "ungraded",
    "crisis",
    "new",
    "whole",
    "greater",
    "modern",
    "essential",
    "allegedly",
}
VADER_NOTICE = (
    "Word list derived from the VADER sentiment lexicon, Copyright (c) 2016 C.J. Hutto, "
    "MIT License (https://github.com/cjhutto/vaderSentiment)."
)


def main(pattern_xml: str, vader_txt: str) -> None:
    main_lexicon = json.loads((DATA / "stance_lexicon.json").read_text(encoding="utf-8"))
    known = {t for c in main_lexicon["categories"].values() for t in c.get("terms", [])}
    scores: dict[str, list[float]] = defaultdict(list)
    for word in ET.parse(pattern_xml).getroot().iter("word"):
        scores[word.get("form", "").lower()].append(float(word.get("subjectivity", "0")))
    pattern = sorted(
        w
        for w, v in scores.items()
        if w.isalpha() and w not in known and w not in EXCLUDE and sum(v) / len(v) >= PATTERN_CUT
    )
    vader: list[str] = []
    for line in Path(vader_txt).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        word = parts[0]
        if (
            len(parts) > 1
            and abs(float(parts[1])) >= VADER_CUT
            and word.replace("-", "").isalpha()
            and word not in known
            and word not in EXCLUDE
            and word not in pattern
        ):
            vader.append(word)
    _write(
        "stance_words_pattern.json",
        "subjective_adjective",
        0.5,
        f"adjectives with mean subjectivity >= {PATTERN_CUT} in the Pattern lexicon (PDDL)",
        pattern,
        "Pattern en-sentiment.xml, Tom De Smedt and Walter Daelemans, Public Domain Dedication (PDDL)",
    )
    _write(
        "stance_words_vader.json",
        "emotive_word",
        0.4,
        f"emotive words with |valence| >= {VADER_CUT} in the VADER lexicon",
        sorted(set(vader)),
        VADER_NOTICE,
    )


def _write(name: str, category: str, weight: float, description: str, terms: list[str], source: str) -> None:
    doc = {
        "source": source,
        "categories": {
            category: {"weight": weight, "max_count": 3, "description": description, "terms": terms}
        },
    }
    (DATA / name).write_text(json.dumps(doc, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{name}: {len(terms)} words")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
