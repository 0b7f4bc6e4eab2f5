"""Headless Chromium (Debian's package, never a downloaded build) driven by Playwright."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.conftest import OUTPUT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(__file__).resolve().parents[2] / "web" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test, so a fixture can tell in teardown that it failed."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


# What the page looked like when a test failed: printed in teardown, so pytest shows it with
# the failure (a rare failure in CI can then be understood without rerunning it).
PAGE_STATE = """() => ({
  url: location.href,
  ready: document.readyState,
  sheets: [...document.styleSheets].map((s) => {
    try { return `${s.href && s.href.split("/").pop()}:${s.cssRules.length}`; } catch (e) { return `${s.href}:unreadable`; }
  }),
  body: [innerWidth, innerHeight, document.body.getBoundingClientRect().height],
  hidden: [...document.querySelectorAll("[hidden]")].map((n) => n.id || n.className).slice(0, 12),
  focus: document.activeElement && (document.activeElement.id || document.activeElement.tagName),
})"""


def describe_pages(pages, folder: Path, name: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n, page in enumerate(pages):
        if page.is_closed():
            continue
        try:
            print(f"page {n}:", json.dumps(page.evaluate(PAGE_STATE)))
            page.screenshot(path=folder / f"{name}-{n}.png", full_page=True)
        except Exception as error:  # a page mid-navigation or crashed: say so and go on
            print(f"page {n}: could not be read ({error})")


@pytest.fixture
def new_page(browser, request):
    """Open pages in fresh contexts (separate people); fails the test on any console error."""
    contexts, errors = [], []

    def open_page(url: str | None = None, width: int = 1280, height: int = 800):
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.set_default_timeout(10000)
        if url:
            page.goto(url)
        return page

    yield open_page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        pages = [page for context in contexts for page in context.pages]
        describe_pages(pages, OUTPUT / "failed", request.node.name)
    for context in contexts:
        context.close()
    assert errors == [], f"console errors: {errors}"


def axe_violations(page) -> list[dict]:
    """Run axe-core (from npm) in the page; return WCAG 2.x A/AA violations."""
    # a card landing fades in: check what people see once it has landed (finite animations only)
    page.evaluate("""() => Promise.all(document.getAnimations()
        .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => null)))""")
    # evaluated over the devtools protocol, so the page's strict CSP does not block it
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"""
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=2)
