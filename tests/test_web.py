"""The dashboard: every page, its JSON twin, escaping of article text, the upload limit."""

from __future__ import annotations

import datetime as dt
import io
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from eventwire.api import parse_date
from eventwire.model import Article, Document
from eventwire.store import Store
from eventwire.web.app import create_app
sys.path.insert(0, str(Path(__file__).parent))  # the hand-built documents live beside this file
from test_cli_queries import PRK, SCRIPT, VEN, all_docs, event, mentions_of  # noqa: E402

PAGES = ["/", "/events", "/events?actor=PRK&type=SUPPORT,CONSULT&order=-goldstein", "/dyad?a=PRK&b=VEN",
         "/dyad", "/network", "/network?a=PRK&b=VEN", "/documents", "/documents/nk-venezuela",
         "/documents/hostile"]


def fake_coder(text: str, published=None, doc_id: str = "text", title=None) -> Document:
    """Codes 'X praised Y.' sentences without spaCy, like the real coder's output shape."""
    article = Article(doc_id, text, parse_date(published), title=title)
    events = []
    if "North Korea praised Venezuela." in text:
        events.append(event(PRK, VEN, "SUPPORT", "051", 3.4, "verbal-cooperation", text,
                            "North Korea praised Venezuela.", "praised"))
    return Document(article, mentions=mentions_of(text, PRK, VEN), events=events, times=[], places=[], quotes=[])


@pytest.fixture
def db(tmp_path) -> str:
    path = tmp_path / "events.duckdb"
    with Store(path) as store:
        store.add_documents(all_docs())
    return str(path)


@pytest.fixture
def client(db):
    with TestClient(create_app(db, max_upload=5_000, coder=fake_coder)) as test_client:
        yield test_client


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_with_local_assets_only(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert "<link rel=\"stylesheet\" href=\"/static/style.css\">" in html
    assert "http://" not in html.replace("http://testserver", "") or "example.org" in html
    assert "cdn" not in html.lower()
    assert "default-src 'self'" in response.headers["content-security-policy"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_a_json_twin(client, url):
    response = client.get(url + ("&" if "?" in url else "?") + "format=json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() is not None


@pytest.mark.parametrize("url", ["/documents/hostile", "/events?doc=hostile", "/documents",
                                 "/events?text=alert", "/"])
def test_script_in_article_text_is_shown_as_text(client, url):
    html = client.get(url).text
    assert SCRIPT not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_document_page_highlights_and_cards(client):
    html = client.get("/documents/nk-venezuela").text
    assert '<mark class="hl-event " title="event">expressed solidarity</mark>' in html
    assert '<mark class="hl-actor " title="actor">North Korea</mark>' in html
    assert '<mark class="hl-time " title="time">Thursday</mark>' in html
    assert "hl-quote" in html
    assert html.count('class="event-card') == 3
    for fact in ("SUPPORT 051", "North Korea [PRK GOV]", "2018-03-08 (day; &#39;Thursday&#39; (2018-03-08))",
                 "Caracas [VEN]", "negation", "0.80", "/dyad?a=PRK&amp;b=VEN"):
        assert fact in html, fact


def test_document_json_twin_is_the_store_record(client):
    record = client.get("/documents/nk-venezuela?format=json").json()
    assert record["doc_id"] == "nk-venezuela" and len(record["events"]) == 3
    assert record["events"][0]["trigger"] and record["events"][0]["event_id"]


def test_missing_document_is_404(client):
    assert client.get("/documents/nope").status_code == 404
    assert client.get("/documents/nope?format=json").json()["status"] == 404


def test_paste_codes_stores_and_annotates(client):
    text = f"North Korea praised Venezuela. {SCRIPT}"
    response = client.post("/code", data={"text": text, "published": "2018-06-01", "title": "Pasted"})
    assert response.status_code == 200
    html = response.text
    assert "<strong>stored</strong>" in html
    assert '<mark class="hl-event " title="event">praised</mark>' in html
    assert SCRIPT not in html and "&lt;script&gt;" in html
    stored = client.get("/documents?format=json").json()
    pasted = [d for d in stored if d["title"] == "Pasted"]
    assert len(pasted) == 1 and pasted[0]["published"] == "2018-06-01" and pasted[0]["n_events"] == 1
    again = client.post("/code?format=json", data={"text": text, "published": "2018-06-01"})
    assert again.json()["doc_id"] == pasted[0]["doc_id"]
    assert "already stored" in client.post("/code", data={"text": text}).text


def test_upload_a_file(client):
    files = {"file": ("article.txt", io.BytesIO(b"North Korea praised Venezuela. Uploaded."), "text/plain")}
    record = client.post("/code?format=json", data={"published": "2018-07-01"}, files=files).json()
    assert record["text"] == "North Korea praised Venezuela. Uploaded." and record["published"] == "2018-07-01"


@pytest.mark.parametrize("form, message", [
    ({"text": "   "}, "no article text"),
    ({"text": "Some text.", "published": "yesterday"}, "E502"),
])
def test_paste_errors_are_clear(client, form, message):
    response = client.post("/code", data=form)
    assert response.status_code == 400 and message in response.text


@pytest.mark.parametrize("as_file", [False, True])
def test_upload_limit_gives_e501(client, as_file):
    big = "North Korea praised Venezuela. " * 400  # ~12 kB, limit 5 kB
    if as_file:
        response = client.post("/code", files={"file": ("big.txt", io.BytesIO(big.encode()), "text/plain")})
    else:
        response = client.post("/code", data={"text": big})
    assert response.status_code == 413
    assert "E501: upload too large" in response.text and "limit 5000 bytes" in response.text
    as_json = client.post("/code?format=json", data={"text": big})
    assert as_json.status_code == 413 and as_json.json()["error"].startswith("E501")
    assert client.get("/documents?format=json").json()[-1]["doc_id"] != "pasted"  # nothing stored


def test_events_filters_sorting_and_paging(client):
    rows = client.get("/events?format=json&actor=PRK&role=source").json()
    assert {r["doc_id"] for r in rows} == {"nk-venezuela", "hostile"}
    by_goldstein = client.get("/events?format=json&order=goldstein").json()
    assert [r["goldstein"] for r in by_goldstein] == sorted(r["goldstein"] for r in by_goldstein)
    first = client.get("/events?format=json&per_page=25&page=1").json()
    assert len(first) == 10
    assert client.get("/events?format=json&per_page=25&page=2").json() == []
    html = client.get("/events?per_page=25&order=date").text
    assert "date ▲" in html and "next →" not in html
    quads = client.get("/events?format=json&quad=4&include_unasserted=1").json()
    assert {r["type"] for r in quads} == {"SANCTION"}


def test_events_csv_download_keeps_filters(client):
    response = client.get("/events?format=csv&type=SANCTION")
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    frame = pd.read_csv(io.StringIO(response.text))
    assert set(frame["type"]) == {"SANCTION"} and len(frame) == 2


@pytest.mark.parametrize("url", ["/events?since=March", "/events?role=victim", "/events?per_page=7",
                                 "/dyad?a=PRK&b=VEN&by=fortnight"])
def test_bad_parameters_give_400(client, url):
    response = client.get(url)
    assert response.status_code == 400 and 'id="error-message"' in response.text


def test_dyad_chart_and_twin(client):
    html = client.get("/dyad?a=PRK&b=VEN").text
    assert 'id="dyad-chart" data-figure="{' in html
    assert '<script src="/assets/plotly.min.js"></script>' in html
    data = client.get("/dyad?a=PRK&b=VEN&format=json").json()
    assert {r["direction"] for r in data["rows"]} == {"PRK->VEN", "VEN->PRK"}
    assert "No asserted events" in client.get("/dyad?a=PRK&b=ZZZ").text


def test_network_page_with_mediators(client):
    data = client.get("/network?a=PRK&b=VEN&format=json").json()
    scores = {p["partner"]: p["score"] for p in data["partners"]}
    assert scores == {"CHN": 1, "RUS": 1, "USA": 0}  # USA sanctions both: a partner, not a mediator
    assert data["partners"][-1]["partner"] == "USA"
    assert data["paths"][0]["path"] == "PRK > VEN"
    assert 'id="network-chart" data-figure=' in client.get("/network").text


def test_plotly_and_static_assets_are_served_locally(client):
    script = client.get("/assets/plotly.min.js")
    assert script.status_code == 200 and "plotly" in script.text[:2000].lower()
    assert client.get("/static/charts.js").status_code == 200


def test_home_lists_stats(client):
    data = client.get("/?format=json").json()
    assert data["stats"]["documents"] == 4
    assert len(data["recent"]) == 4


def test_empty_database_is_created(tmp_path):
    with TestClient(create_app(tmp_path / "new.duckdb", coder=fake_coder)) as fresh:
        assert fresh.get("/?format=json").json()["stats"]["documents"] == 0
        assert "No documents yet" in fresh.get("/documents").text
        assert "No events match" in fresh.get("/events").text


@pytest.mark.model
def test_paste_with_the_real_coder(tmp_path):
    with TestClient(create_app(tmp_path / "real.duckdb")) as real:
        record = real.post("/code?format=json", data={
            "text": "North Korea expressed firm support and solidarity to Venezuela on Thursday.",
            "published": "2018-03-09"}).json()
    assert record["published"] == "2018-03-09" and record["events"]
    assert dt.date.fromisoformat(record["events"][0]["date"]["start"]) <= dt.date(2018, 3, 9)
