"""The data-file reader every dictionary goes through."""

from __future__ import annotations

import pytest

from eventwire.datafiles import read_tsv, split_list
from eventwire.errors import DataFileError


def write(tmp_path, text):
    path = tmp_path / "data.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def test_rows_come_with_their_line_numbers_and_comments_are_skipped(tmp_path):
    path = write(tmp_path, "# a comment\nname\tcode\n\nNorth Korea\tPRK\n# another\nCuba\tCUB\n")
    assert list(read_tsv(path, ("name", "code"))) == [(4, {"name": "North Korea", "code": "PRK"}),
                                                      (6, {"name": "Cuba", "code": "CUB"})]


def test_missing_trailing_cells_are_empty(tmp_path):
    assert list(read_tsv(write(tmp_path, "a\tb\tc\nx\n"))) == [(2, {"a": "x", "b": "", "c": ""})]


def test_a_wrong_header_names_the_file_and_line(tmp_path):
    with pytest.raises(DataFileError, match=r"E201: .*data\.tsv: line 1: header must start with name"):
        list(read_tsv(write(tmp_path, "code\tname\n"), ("name",)))


def test_a_stray_tab_is_refused(tmp_path):
    with pytest.raises(DataFileError, match="line 2: 3 tab-separated cells, the header has 2"):
        list(read_tsv(write(tmp_path, "a\tb\nx\ty\tz\n")))


def test_list_cells():
    assert split_list(" DPRK | North Korea |") == ["DPRK", "North Korea"]
    assert split_list(None) == []
