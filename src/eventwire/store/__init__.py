"""The database layer: the only module with SQL.

``Store`` keeps coded documents in one DuckDB file: documents, their
actors, events with evidence, times, places, quotes and relations.
"""

from .duck import Store
from .schema import QUAD_CLASSES, SCHEMA_VERSION, quad_class

__all__ = ["QUAD_CLASSES", "SCHEMA_VERSION", "Store", "quad_class"]
