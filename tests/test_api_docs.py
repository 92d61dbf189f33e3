"""The examples in docs/API.md run: each ```python block, in order, in one namespace."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

API_DOCS = Path(__file__).resolve().parents[1] / "docs" / "API.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def python_blocks() -> list[str]:
    return BLOCK.findall(API_DOCS.read_text(encoding="utf-8"))


def test_api_docs_have_examples():
    blocks = python_blocks()
    assert len(blocks) >= 5
    text = "\n".join(blocks)
    for call in ("eventwire.code_text(", "eventwire.code_document(", "eventwire.open(", "arrow=True"):
        assert call in text, call


@pytest.mark.model
def test_api_docs_examples_run(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"__name__": "api_docs"}
    for number, block in enumerate(python_blocks(), 1):
        try:
            exec(compile(block, f"{API_DOCS.name} block {number}", "exec"), namespace)
        except Exception as error:  # name the failing block, not just the line
            pytest.fail(f"docs/API.md python block {number} failed: {error!r}\n{block}")
    printed = capsys.readouterr().out
    assert "SUPPORT" in printed and "E502" in printed
