"""Ingest: readers, sidecar metadata, error cases and boilerplate removal."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
import re
import sys
from pathlib import Path

import pytest

from eventwire.errors import DataFileError, InputError
from eventwire.ingest import (
    default_patterns, load_patterns, read_bytes_input, read_inputs, remove_boilerplate)
from eventwire.ingest.readers import drop_headline
from eventwire.model import Article

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "nk-venezuela-solidarity.txt"

PARAGRAPHS = [
    "The foreign minister of Ruritania met his counterpart from Freedonia in Geneva on Tuesday "
    "to discuss a ceasefire along their disputed border.",
    "Both sides agreed to exchange prisoners next month, according to a joint statement "
    "released after the talks.",
    "Observers said the meeting was the first direct contact between the two governments in three years.",
]
ARTICLE = "\n\n".join(PARAGRAPHS)
UNDATED_PAGE = f"<html><body><article>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}</article></body></html>"
HTML_PAGE = f"""<!DOCTYPE html><html><head><title>Ruritania and Freedonia agree prisoner swap</title>
<meta name="author" content="Jane Doe"><meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2018-03-09T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ruritania and Freedonia agree prisoner swap</h1>
{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}
<p>Share this article</p></article>
<footer><p>Copyright © 2018 Example News. All rights reserved.</p></footer></body></html>"""


def read_all(*paths: object, published: dt.date | None = None) -> list[Article | InputError]:
    return list(read_inputs([str(p) for p in paths], published=published))


def read_one(path: object, published: dt.date | None = None) -> Article | InputError:
    results = read_all(path, published=published)
    assert len(results) == 1, results
    return results[0]


def write(path: Path, content: str | bytes, compress: bool = False) -> Path:
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(data) if compress else data)
    return path


def assert_article(result: Article | InputError) -> Article:
    assert isinstance(result, Article), result
    return result


def assert_error(result: Article | InputError, code: str, *fragments: str) -> None:
    assert isinstance(result, InputError), result
    assert result.code == code
    for fragment in fragments:
        assert fragment in str(result), (fragment, str(result))


# --- readers -----------------------------------------------------------------


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
def test_text_file(tmp_path, compress):
    name = "talks.txt.gz" if compress else "talks.txt"
    article = assert_article(read_one(write(tmp_path / name, ARTICLE + "\n", compress)))
    assert article.doc_id == "talks"
    assert article.text == ARTICLE
    assert article.published is None  # never today
    assert article.source_path == str(tmp_path / name)
    assert article.warnings == []


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.html.gz"])
def test_html_file_text_and_metadata(tmp_path, name):
    path = write(tmp_path / name, HTML_PAGE, compress=name.endswith(".gz"))
    article = assert_article(read_one(path))
    assert article.doc_id == "page"
    assert article.text.split("\n") == PARAGRAPHS  # headline, share bar and footer gone
    assert article.title == "Ruritania and Freedonia agree prisoner swap"
    assert article.author == "Jane Doe"
    assert article.outlet == "Example News"
    assert article.published == dt.date(2018, 3, 9)


def test_html_date_beats_published_argument(tmp_path):
    article = assert_article(read_one(write(tmp_path / "p.html", HTML_PAGE), published=dt.date(2020, 1, 1)))
    assert article.published == dt.date(2018, 3, 9)


@pytest.mark.parametrize("name, content", [
    ("a.txt", ARTICLE),
    ("undated.html", UNDATED_PAGE),
])
@pytest.mark.parametrize("published", [None, dt.date(2020, 1, 2)])
def test_published_argument_is_the_fallback(tmp_path, name, content, published):
    article = assert_article(read_one(write(tmp_path / name, content), published=published))
    assert article.published == published  # None when nothing says: never today


SIDECAR = {"doc_id": "ruri-1", "title": "Talks in Geneva", "url": "https://example.org/ruri",
           "outlet": "Example Wire", "author": "John Roe", "published": "2018-03-08", "note": "ignored"}


@pytest.mark.parametrize("name", ["a.txt", "a.html", "a.txt.gz"])
def test_sidecar_metadata_wins(tmp_path, name):
    content = HTML_PAGE if ".html" in name else ARTICLE
    path = write(tmp_path / name, content, compress=name.endswith(".gz"))
    write(tmp_path / "a.meta.json", json.dumps(SIDECAR))
    article = assert_article(read_one(path, published=dt.date(2020, 1, 1)))
    found = (article.doc_id, article.title, article.url, article.outlet, article.author, article.published)
    assert found == ("ruri-1", "Talks in Geneva", "https://example.org/ruri", "Example Wire", "John Roe",
                     dt.date(2018, 3, 8))


def test_jsonl_corpus(tmp_path):
    lines = [
        {"doc_id": "d1", "text": ARTICLE, "published": "2018-03-09", "outlet": "Wire", "title": "T1",
         "url": "https://example.org/1"},
        {"text": PARAGRAPHS[0]},
        {"html": HTML_PAGE, "doc_id": "d3"},
    ]
    path = write(tmp_path / "corpus.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n\n")
    first, second, third = (assert_article(r) for r in read_all(path, published=dt.date(2020, 5, 5)))
    assert (first.doc_id, first.published, first.outlet, first.title, first.url) == (
        "d1", dt.date(2018, 3, 9), "Wire", "T1", "https://example.org/1")
    assert first.text == ARTICLE
    assert (second.doc_id, second.published) == ("corpus:2", dt.date(2020, 5, 5))
    assert (third.doc_id, third.published, third.author) == ("d3", dt.date(2018, 3, 9), "Jane Doe")
    assert third.text.split("\n") == PARAGRAPHS
    assert {a.source_path for a in (first, second, third)} == {str(path)}


@pytest.mark.parametrize("bad_line, reason", [
    ("{not json", "not valid JSON"),
    ('["a list"]', "expected a JSON object"),
    ('{"doc_id": "x"}', "no 'text' or 'html' field"),
    ('{"text": "   "}', "no 'text' or 'html' field"),
    ('{"text": "A sentence.", "published": "last week"}', "'published' is not a date"),
    ('{"text": "A sentence.", "title": 5}', "'title' must be a string"),
    ('{"text": "Advertisement"}', "no content after boilerplate removal"),
    ('{"html": "<html><body><nav>Home</nav></body></html>"}', "no article text could be extracted"),
])
def test_jsonl_bad_line_is_reported_and_others_go_on(tmp_path, bad_line, reason):
    good = json.dumps({"text": ARTICLE})
    path = write(tmp_path / "c.jsonl.gz", f"{good}\n{bad_line}\n{good}\n", compress=True)
    first, error, third = read_all(path)
    assert_error(error, "E106", str(path), "line 2", reason)
    assert (assert_article(first).doc_id, assert_article(third).doc_id) == ("c:1", "c:3")


def test_jsonl_stream_is_lazy(tmp_path):
    path = write(tmp_path / "c.jsonl", json.dumps({"text": ARTICLE}) + "\n{broken\n")
    stream = read_inputs([str(path)])
    assert isinstance(next(stream), Article)  # the broken line is not read yet
    assert_error(next(stream), "E106", "line 2")


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(ARTICLE + "\n\nAdvertisement\n"))
    article = assert_article(read_one("-", published=dt.date(2019, 1, 1)))
    assert (article.doc_id, article.text, article.published) == ("stdin", ARTICLE, dt.date(2019, 1, 1))


def test_empty_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert_error(read_one("-"), "E102", "<stdin>")


def test_directory_is_walked_recursively_sorted_and_filtered(tmp_path):
    write(tmp_path / "b.txt", ARTICLE)
    write(tmp_path / "a" / "z.html", HTML_PAGE)
    write(tmp_path / "a" / "deeper" / "c.jsonl", json.dumps({"text": ARTICLE}) + "\n")
    write(tmp_path / "a" / "z.meta.json", json.dumps({"doc_id": "zz"}))  # a sidecar, not a document
    write(tmp_path / ".hidden.txt", ARTICLE)
    write(tmp_path / ".git" / "x.txt", ARTICLE)
    write(tmp_path / "notes.pdf", b"%PDF-1.4")
    write(tmp_path / "c.TXT.GZ", ARTICLE, compress=True)
    ids = [assert_article(r).doc_id for r in read_all(tmp_path)]
    assert ids == ["a/deeper/c:1", "zz", "b", "c"]


def test_same_named_files_in_different_folders_are_different_documents(tmp_path):
    write(tmp_path / "2023" / "report.txt", ARTICLE)
    write(tmp_path / "2024" / "report.txt", ARTICLE + " Another day.")
    assert [assert_article(r).doc_id for r in read_all(tmp_path)] == ["2023/report", "2024/report"]
    assert assert_article(read_one(tmp_path / "2024" / "report.txt")).doc_id == "report"


def test_latin1_text_is_decoded_with_a_warning(tmp_path):
    text = "Nicolás Maduro visitó São Paulo y habló con los periodistas en el café de la plaza."
    article = assert_article(read_one(write(tmp_path / "es.txt", text.encode("latin-1"))))
    assert article.text == text
    assert len(article.warnings) == 1 and "not UTF-8" in article.warnings[0]
    assert "es.txt" in article.warnings[0]


def test_undetectable_bytes_are_replaced_with_a_warning(tmp_path):
    data = ARTICLE.encode() + b"\n\nBroken \xff\xfe\xfa end."
    article = assert_article(read_one(write(tmp_path / "mixed.txt", data)))
    assert "Ruritania" in article.text and article.warnings


# --- bad inputs: one InputError each, naming the file and the problem -----------


def test_missing_file(tmp_path):
    assert_error(read_one(tmp_path / "nope.txt"), "E101", "nope.txt", "not found")


@pytest.mark.parametrize("name, content", [
    ("empty.txt", ""), ("blank.txt", " \n\n\t"), ("empty.html", ""), ("empty.jsonl", "\n\n"),
    ("empty.txt.gz", b""),
])
def test_empty_file(tmp_path, name, content):
    assert_error(read_one(write(tmp_path / name, content)), "E102", name, "empty")


@pytest.mark.parametrize("name, content", [
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    ("controls.html", bytes(range(1, 9)) * 50),
    ("data.jsonl", b'{"text": "a"}\x00\x00\x00'),
])
def test_binary_file(tmp_path, name, content):
    assert_error(read_one(write(tmp_path / name, content)), "E103", name, "binary")


def test_corrupt_gzip_is_unreadable(tmp_path):
    assert_error(read_one(write(tmp_path / "bad.txt.gz", b"not gzip at all")), "E104", "bad.txt.gz", "gzip")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_permission_denied_is_unreadable(tmp_path):
    path = write(tmp_path / "secret.txt", ARTICLE)
    path.chmod(0)
    try:
        assert_error(read_one(path), "E104", "secret.txt", "cannot be read")
    finally:
        path.chmod(0o644)


def test_read_failure_is_unreadable(tmp_path, monkeypatch):
    def refuse(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("eventwire.ingest.readers.open_binary", refuse)
    assert_error(read_one(write(tmp_path / "locked.txt", ARTICLE)), "E104", "locked.txt", "Permission denied")


def test_html_without_article_text(tmp_path):
    page = "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    assert_error(read_one(write(tmp_path / "nav.html", page)), "E105", "nav.html", "no article text")


@pytest.mark.parametrize("name", ["report.pdf", "README", "data.json"])
def test_unsupported_suffix(tmp_path, name):
    assert_error(read_one(write(tmp_path / name, "text")), "E107", name, "unsupported file type")


@pytest.mark.parametrize("sidecar, reason", [
    ("{broken", "not valid JSON"),
    ("[1, 2]", "expected a JSON object"),
    ('{"published": "March 2018"}', "'published' is not a date"),
    ('{"title": ["a"]}', "'title' must be a string"),
])
def test_bad_metadata_json(tmp_path, sidecar, reason):
    write(tmp_path / "a.meta.json", sidecar)
    result = read_one(write(tmp_path / "a.txt", ARTICLE))
    assert_error(result, "E108", "a.meta.json", "invalid metadata", reason)


def test_text_empty_after_cleaning(tmp_path):
    junk = "Advertisement\n\nShare this article\n\nCopyright © 2018 Example News\n"
    assert_error(read_one(write(tmp_path / "junk.txt", junk)), "E109", "junk.txt", "no content")


def test_a_bad_file_does_not_stop_the_others(tmp_path):
    good = write(tmp_path / "good.txt", ARTICLE)
    results = read_all(tmp_path / "missing.txt", write(tmp_path / "empty.txt", ""), good)
    assert [type(r) for r in results] == [InputError, InputError, Article]


@pytest.mark.parametrize("text, title, kept", [
    ("Talks fail in Geneva\nBody.", "Talks fail in Geneva | BBC News", "Body."),
    ("Talks fail\nBody.", "Talks Fail", "Body."),
    ("The\nBody.", "The talks in Geneva failed again", "The\nBody."),
    ("Talks fail\nBody.", None, "Talks fail\nBody."),
    ("Talks fail", "Talks fail", "Talks fail"),  # never the only line
])
def test_headline_repeating_the_title_is_dropped(text, title, kept):
    assert drop_headline(text, title) == kept


def test_upload_bytes():
    (article,) = read_bytes_input("up.html.gz", gzip.compress(HTML_PAGE.encode()))
    assert assert_article(article).doc_id == "up" and article.published == dt.date(2018, 3, 9)


# --- boilerplate ---------------------------------------------------------------


@pytest.mark.parametrize("pattern", default_patterns(), ids=lambda p: p.id)
def test_every_pattern_example_is_removed(pattern):
    if pattern.scope == "line":
        text = f"{PARAGRAPHS[0]}\n\n{pattern.example}\n\n{PARAGRAPHS[1]}"
        expected = f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}"
    else:  # a tail marker near the end cuts it and all that follows
        text = f"{ARTICLE}\n\n{pattern.example}\n\nSome reader wrote this.\nAnother link"
        expected = ARTICLE
    clean, removed = remove_boilerplate(text)
    assert clean == expected
    assert removed[0] == pattern.example


@pytest.mark.parametrize("line", [
    "Like other leaders, Trump announced the decision on Twitter, saying the deal was terrible.",
    "MOSCOW (Reuters) - Russia said on Tuesday it would expel 23 British diplomats.",
    "The minister told Reuters on Monday that talks would resume.",
    "Reporting by The Washington Post found that the agency had ignored warnings.",
    "Facebook said the post violated its community standards.",
    "Brokers may earn a commission on each trade, the regulator said.",
    "Follow-up talks on the ceasefire are planned for next month.",
    "More than 200 people were arrested in Caracas, officials said.",
    "Related talks in Vienna ended without agreement.",
    "Photographs published by the agency showed the missile launch.",
    "Copyright disputes between the two companies have dragged on for years.",
    "Das Thema wird diskutiert: Die elektronische Patientenakte (ePA)",
    "Contact them at once, the official urged.",
])
def test_article_sentences_survive(line):
    clean, removed = remove_boilerplate(f"{PARAGRAPHS[0]}\n\n{line}\n\n{PARAGRAPHS[1]}")
    assert removed == [] and line in clean


def test_early_tail_marker_does_not_cut_the_article():
    body = "\n".join(f"Paragraph {i} of the article about the talks." for i in range(30))
    text = "Intro paragraph.\nRelated\n" + body
    clean, removed = remove_boilerplate(text)
    assert removed == [] and clean == text


def test_whitespace_and_unicode_are_normalised():
    raw = "\ufeffCafe\u0301 talks   \r\nsecond line\t\r\n\r\n\r\n\r\nthird paragraph  \n\n"
    clean, removed = remove_boilerplate(raw)
    assert clean == "Café talks\nsecond line\n\nthird paragraph"
    assert removed == []


@pytest.mark.parametrize("row, problem", [
    ("x\tfoo\tpage\tfoo", "scope 'page'"),
    ("x\t(unclosed\tline\t(unclosed", "bad pattern"),
    ("x\tfoo\tline", "needs an example"),
])
def test_bad_pattern_file(tmp_path, row, problem):
    path = write(tmp_path / "bp.tsv", f"# comment\nid\tpattern\tscope\texample\n{row}\n")
    with pytest.raises(DataFileError, match=re.escape(problem)) as raised:
        load_patterns(path)
    assert raised.value.code == "E201" and "line 3" in str(raised.value)


@pytest.mark.shared
def test_example_article_is_cleaned():
    if not EXAMPLE.is_file():
        pytest.skip("../shared example article absent")
    raw = EXAMPLE.read_text(encoding="utf-8")
    article = assert_article(read_one(EXAMPLE))
    for junk in ("Follow Ben Kew", "COMMENTS", "Please let us know"):
        assert junk not in article.text
    paragraphs = [p for p in raw.split("\n") if p.strip()][:-3]
    assert len(paragraphs) == 10
    for paragraph in paragraphs:
        assert paragraph in article.text
    assert (article.doc_id, article.published, article.author) == (
        "nk-venezuela-solidarity", dt.date(2018, 3, 9), "Ben Kew")
