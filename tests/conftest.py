"""Shared fixtures: where ../shared is, and a cached pipeline for the model-marked tests."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a clean skip when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared/{'/'.join(parts)} is not available")
    return path


@pytest.fixture(scope="session")
def code():
    """Code a text with the default pipeline: ``code(text, published="2018-03-09") -> Document``."""
    from eventwire.api import code_document

    return code_document


def dyads(events, kind=None):
    """(type, source country, target country) of each event, of one type if ``kind`` is given."""
    return {(e.type, e.source.country, e.target.country if e.target else None)
            for e in events if kind is None or e.type == kind}
