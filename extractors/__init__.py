"""newsclaims extractors: HTML to text, the spaCy pipeline, figures, claims and stance."""

# Stored on every article and claim; bump it when extraction output changes so
# that `newsclaims reextract` knows what is stale.
EXTRACTOR_VERSION = "0.1.0"
