"""eventwire: news articles in, PLOVER/CAMEO political event data out.

    import eventwire
    events = eventwire.code_text(text, published="2018-03-09")
    store = eventwire.open("events.duckdb")
"""

__version__ = "0.1.0"

__all__ = ["code_text", "code_document", "open", "__version__"]


def __getattr__(name: str):
    # The API pulls in spaCy and DuckDB: load it on first use, not on `import eventwire`.
    if name in ("code_text", "code_document", "open"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")
