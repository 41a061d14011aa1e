"""The HTML view: highlights in the page, and the page working in a real browser."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import geopol
from geopol.model import Actor, Analysis, Document, NumericClaim, Quote, Span, Stance
from geopol.render import to_html, write_site

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_5445485583bac3ad.txt"
TEXT = (
    'Rusland wil geen oorlog\n\n"We willen vrede", zei Lavrov. Er staan <100.000> & meer soldaten.'
)


def _handmade() -> Analysis:
    doc = Document(id="d<1>", text=TEXT)
    at = TEXT.index
    lavrov = Actor(name="Sergej Lavrov", mention=Span(at("Lavrov"), at("Lavrov") + 6),
                   affiliation="Rusland")
    return Analysis(
        document=doc,
        quotes=[Quote(kind="direct", content=Span(at("We"), at("vrede") + 5), speaker=lavrov,
                      cue=Span(at("zei"), at("zei") + 3), rule="quote.test")],
        stances=[Stance(holder=lavrov, target=Span(at("vrede"), at("vrede") + 5),
                        polarity="support", cue=Span(at("willen"), at("willen") + 6),
                        rule="stance.test")],
        numbers=[NumericClaim(span=Span(at("100.000"), at("100.000") + 7), value=100000,
                              kind="count", rule="number.test")],
    )


def test_every_found_item_is_highlighted_and_listed() -> None:
    page = to_html(_handmade().document, _handmade())

    assert 'class="quote"' in page or 'class="quote ' in page
    assert 'data-refs="q1' in page
    assert 'id="q1"' in page and 'id="s1"' in page and 'id="n1"' in page
    assert "Sergej Lavrov (Rusland)" in page


def test_text_is_escaped_so_markup_in_articles_stays_text() -> None:
    page = to_html(_handmade().document, _handmade())

    assert "&lt;" in page and "&amp; meer" in page
    assert "<100.000>" not in page
    assert 'id="d&lt;1&gt;"' not in page and "<title>d&lt;1&gt;</title>" in page


def test_the_page_needs_nothing_from_outside() -> None:
    page = to_html(_handmade().document, _handmade())

    assert "http://" not in page and "https://" not in page
    assert "<link" not in page and "src=" not in page


def test_an_analysis_of_another_document_is_refused() -> None:
    other = Document(id="other", text="Iets anders.")

    with pytest.raises(ValueError, match="does not belong"):
        to_html(other, _handmade())


def test_a_corpus_becomes_a_small_site_with_an_index(tmp_path: Path) -> None:
    analyses = [geopol.analyze(doc) for doc in geopol.load(["Eerste tekst.", "Tweede tekst."])]

    index = write_site(analyses, tmp_path / "site")

    pages = sorted(p.name for p in (tmp_path / "site").glob("*.html"))
    assert ["00001-text-0.html", "00002-text-1.html", "index.html"] == pages
    assert "00002-text-1.html" in index.read_text(encoding="utf-8")


# -- in a real browser ---------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _WebDriver:
    """The few W3C WebDriver calls the test needs, over plain HTTP to a local chromedriver."""

    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.session = ""

    def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())["value"]

    def run(self, script: str) -> Any:
        return self.call("POST", f"/session/{self.session}/execute/sync",
                         {"script": script, "args": []})


@pytest.fixture(scope="module")
def browser() -> Iterator[_WebDriver]:
    if CHROMIUM is None or CHROMEDRIVER is None:
        pytest.skip("Chromium and chromedriver are not installed (Debian: chromium, "
                    "chromium-driver); .ci/run installs them where it can")
    port = _free_port()
    driver = subprocess.Popen([CHROMEDRIVER, f"--port={port}"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    client = _WebDriver(port)
    try:
        for _ in range(100):
            try:
                client.call("GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        options = {"binary": CHROMIUM, "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--no-first-run", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage"]}
        capabilities = {"capabilities": {"alwaysMatch": {
            "goog:chromeOptions": options, "goog:loggingPrefs": {"browser": "ALL"}}}}
        client.session = client.call("POST", "/session", capabilities)["sessionId"]
        yield client
        client.call("DELETE", f"/session/{client.session}")
    finally:
        driver.terminate()
        driver.wait(timeout=10)


def test_the_seed_page_shows_its_highlights_and_runs_without_script_errors(
    browser: _WebDriver, tmp_path: Path
) -> None:
    doc = next(geopol.load(str(SEED)))
    analysis = geopol.analyze(doc)
    page = tmp_path / "seed.html"
    page.write_text(to_html(doc, analysis), encoding="utf-8")

    browser.call("POST", f"/session/{browser.session}/url", {"url": page.as_uri()})
    errors_before = browser.call("POST", f"/session/{browser.session}/se/log", {"type": "browser"})
    marks = browser.run("return document.querySelectorAll('span[data-refs]').length")
    article = browser.run("return document.querySelector('article').innerText")
    selected = browser.run(
        "const m = document.querySelector('article span[data-refs]');"
        "if (!m) return null; m.click();"
        "return Array.from(document.querySelectorAll('li.selected')).map(li => li.id);"
    )
    errors = errors_before + browser.call(
        "POST", f"/session/{browser.session}/se/log", {"type": "browser"})

    expected_marks = len(analysis.quotes) + len(analysis.stances) + len(analysis.numbers)
    assert expected_marks <= marks
    assert article.startswith("De Amerikaanse minister")
    if expected_marks:
        assert selected, "clicking a highlight selects its entry"
    assert [] == [e for e in errors if e.get("level") == "SEVERE"]


def test_clicking_a_highlight_selects_its_entries_in_the_browser(
    browser: _WebDriver, tmp_path: Path
) -> None:
    analysis = _handmade()
    page = tmp_path / "handmade.html"
    page.write_text(to_html(analysis.document, analysis), encoding="utf-8")

    browser.call("POST", f"/session/{browser.session}/url", {"url": page.as_uri()})
    clicked = browser.run(
        "const out = [];"
        "for (const css of ['article span.quote', 'article span.target', 'article span.number']) {"
        "  document.querySelector(css).click();"
        "  out.push(Array.from(document.querySelectorAll('li.selected')).map(li => li.id));"
        "} return out;"
    )
    title = browser.run("return document.querySelector('article span.number').title")
    errors = browser.call("POST", f"/session/{browser.session}/se/log", {"type": "browser"})

    assert [["q1"], ["q1", "s1"], ["n1"]] == clicked
    assert "count: 100" in title and "(exact)" in title
    assert [] == [e for e in errors if e.get("level") == "SEVERE"]


def test_the_render_command_writes_one_page_or_a_site(tmp_path: Path) -> None:
    from geopol.cli import main

    page = tmp_path / "seed.html"
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": "a", "text": "Rutte zei dat het kabinet 40 miljoen uittrekt."}\n'
                      '{"id": "b", "text": "Volgens de NAVO staan er 100.000 soldaten klaar."}\n',
                      encoding="utf-8")

    assert 0 == main(["render", "--quiet", str(SEED), "-o", str(page)])
    assert 0 == main(["render", "--quiet", str(corpus), "-o", str(tmp_path / "site")])
    assert 1 == main(["render", "--quiet", str(corpus), "-o", str(tmp_path / "one.html")])

    assert "De Amerikaanse minister" in page.read_text(encoding="utf-8")
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "00001-a.html" in index and "00002-b.html" in index
