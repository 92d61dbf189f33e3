"""The dashboard in headless Chromium: paste an article, see its events, filter, open a dyad chart.

Skipped when /usr/bin/chromium or the playwright package is missing.
Screenshots go to ``screenshots/`` at the repository root (git-ignored).
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[1]
SCREENSHOTS = REPO / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
# Used when the repository's examples/ folder has no article: a short wire story written for this test.
WIRE_STORY = (
    "PYONGYANG, March 9 (Test Wire) - North Korea expressed its firm support and solidarity to Venezuela "
    "on Thursday, state media said.\n"
    "\"We stand with the Venezuelan people,\" the ruling party said in a message.\n"
    "The United States imposed new sanctions on Venezuela last week."
)

pytestmark = [pytest.mark.browser, pytest.mark.model]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing", allow_module_level=True)

sys.path.insert(0, str(Path(__file__).parent))  # the hand-built documents live beside this file
from test_cli_queries import SCRIPT, all_docs  # noqa: E402


def example_text() -> str:
    texts = sorted((REPO / "examples").glob("*.txt")) if (REPO / "examples").is_dir() else []
    return texts[0].read_text(encoding="utf-8") if texts else WIRE_STORY


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The dashboard with the real coder over a temporary database, served from a thread."""
    import uvicorn

    from eventwire.store import Store
    from eventwire.web.app import create_app

    db = tmp_path_factory.mktemp("browser") / "events.duckdb"
    with Store(db) as store:
        store.add_documents(all_docs())
    port = free_port()
    uvicorn_server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uvicorn_server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the dashboard did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uvicorn_server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page that records script errors and any alert() a page manages to open."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.problems = []
    tab.on("pageerror", lambda error: tab.problems.append(f"page error: {error}"))
    tab.on("console", lambda m: tab.problems.append(f"console: {m.text}") if m.type == "error" else None)
    tab.on("dialog", lambda dialog: (tab.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    tab.set_default_timeout(60_000)
    yield tab
    context.close()


def screenshot(tab, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def test_paste_an_article_and_see_its_events(server, page):
    page.goto(server + "/")
    page.fill("#text", example_text())
    page.fill("#published", "2018-03-09")
    page.fill("input[name=title]", "Pasted wire story")
    screenshot(page, "dashboard-home.png")
    page.click("#code-button")
    page.wait_for_selector(".event-card")
    assert page.locator(".event-card").count() >= 1
    assert "stored" in page.inner_text("main")
    assert page.locator("#article-text mark.hl-event").count() >= 1
    assert page.locator("#article-text mark.hl-actor").count() >= 1
    assert "SUPPORT" in page.inner_text(".cards")
    screenshot(page, "dashboard-document.png")
    assert page.problems == []


def test_filter_the_events_table(server, page):
    page.goto(server + "/events")
    page.fill("input[name=actor]", "Washington")
    page.fill("input[name=type]", "SANCTION")
    page.click("#filter-button")
    page.wait_for_url("**/events?*actor=Washington*")
    rows = page.locator("#events-table tbody tr")
    assert rows.count() >= 2  # the two hand-built sanctions, plus any the pasted story added
    assert all("SANCTION" in text for text in rows.all_inner_texts())
    page.click("#events-table th a:has-text('goldstein')")
    page.wait_for_url("**order=goldstein*")
    screenshot(page, "dashboard-events.png")
    assert page.problems == []


def test_open_a_dyad_chart(server, page):
    page.goto(server + "/dyad?a=PRK&b=VEN")
    page.wait_for_selector("#dyad-chart[data-drawn=true] .main-svg")
    assert page.locator("#dyad-chart .bars .point").count() >= 1
    assert page.locator("#dyad-table tbody tr").count() >= 2
    screenshot(page, "dashboard-dyad.png")
    page.goto(server + "/network?a=PRK&b=VEN")
    page.wait_for_selector("#network-chart[data-drawn=true] .main-svg")
    assert "RUS" in page.inner_text("#partners-table")
    screenshot(page, "dashboard-network.png")
    assert page.problems == []


def test_script_in_an_article_stays_text(server, page):
    page.goto(server + "/documents/hostile")
    assert SCRIPT in page.inner_text("#article-text")
    assert page.locator("#article-text script").count() == 0
    page.goto(server + "/")
    page.fill("#text", f"North Korea praised Venezuela. {SCRIPT}")
    page.click("#code-button")
    page.wait_for_selector("#article-text")
    assert SCRIPT in page.inner_text("#article-text")
    screenshot(page, "dashboard-script-escaped.png")
    assert page.problems == []  # no alert() dialog, no script error
