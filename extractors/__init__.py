"""newsclaims extractors: HTML to text, the spaCy pipeline, figures, claims and stance."""

from extractors.compiled import guard as _guard

# "active" where the compiled modules run (extractors.compiled), else "absent", "stale" or "off"
NATIVE = _guard()

# Stored on every article and claim; bump it when extraction output changes so
# that `newsclaims reextract` knows what is stale.
EXTRACTOR_VERSION = "0.1.0"
