"""eventwire: news articles in, PLOVER/CAMEO political event data out."""

__version__ = "0.1.0"
