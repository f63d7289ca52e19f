"""Reader: a desktop reader for news articles with language technology at hand."""

__version__ = "0.1.0"
