"""The iframe card (embed/<slug>/) fills its frame (issue 14): at the embed snippet's 600×400 and at
a phone's width, the TL;DR is shown whole when there is room, the misconception shows in the room
left, and no more than a line's height stays blank above the footer while text is cut."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.support.browser import Watch, serve_folder
from tests.support.sites import build_site
from tests.support.terms import default_terms

pytestmark = pytest.mark.browser

FACTS = """() => {
  const cut = (e) => !!e && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1);
  const tldr = document.querySelector('.tldr'), mis = document.querySelector('.mis');
  const blocks = [...document.querySelectorAll('.card > *')].filter((e) => e.tagName !== 'FOOTER' && e.getClientRects().length);
  const footer = document.querySelector('footer').getBoundingClientRect();
  const gaps = blocks.slice(1).map((e, i) => e.getBoundingClientRect().top - blocks[i].getBoundingClientRect().bottom);
  return {tldrCut: cut(tldr), misShown: !!mis && mis.getClientRects().length > 0 && mis.getBoundingClientRect().height >= 18,
          misCut: cut(mis), blank: footer.top - blocks[blocks.length - 1].getBoundingClientRect().bottom + gaps.reduce((a, b) => a + Math.max(0, b - 8), 0),
          overflow: document.documentElement.scrollHeight > innerHeight + 1};
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[str]:
    root = tmp_path_factory.mktemp("embed-fill")
    server = serve_folder(root / "site")
    try:
        built = build_site(root, terms=default_terms(), site_url=server.url, embeds=True)
        assert built.ok, (built.error, built.warnings())
        yield server.url
    finally:
        server.stop()


@pytest.mark.parametrize(("width", "height"), [(600, 400), (358, 400), (320, 400)])
def test_the_iframe_card_fills_its_frame(browser: Browser, site: str, width: int, height: int) -> None:
    watch = Watch((site.rstrip("/"),))
    context = watch.attach(browser.new_context(viewport={"width": width, "height": height}))
    page = context.new_page()
    page.goto(site + "embed/immutable-infrastructure/")
    facts = page.evaluate(FACTS)
    context.close()
    assert watch.outside == [] and watch.errors == []
    assert not facts["overflow"], facts  # the card is the frame's size: nothing below the fold
    assert not facts["tldrCut"], f"the TL;DR is cut at {width}×{height}: {facts}"
    assert facts["misShown"], f"no misconception at {width}×{height}: {facts}"
    if facts["misCut"]:  # cut only where the frame is full
        assert facts["blank"] < 22, f"{facts['blank']:.0f} px blank while the misconception is cut: {facts}"
