"""Features' <head> markup lands early (link previews read only a page's start), after the charset."""

from __future__ import annotations

from glossdeck.plugin.head_markup import insert_early, insert_late

PAGE = (
    '<!doctype html>\n<html><head>\n  <meta charset="utf-8">\n  <meta name="viewport" content="x">'
    + ("<link rel=stylesheet href=a.css>" * 1000)
    + "</head><body></body></html>"
)


def test_early_markup_follows_the_charset() -> None:
    out = insert_early(PAGE, '<meta property="og:title" content="T">')
    assert out.index('<meta charset="utf-8">') < out.index("og:title") < 200
    assert out.replace('<meta property="og:title" content="T">', "") == PAGE


def test_without_a_charset_it_opens_the_head_and_without_a_head_nothing_changes() -> None:
    assert insert_early("<html><HEAD lang=en><title>x</title></head>", "<m>") == (
        "<html><HEAD lang=en><m><title>x</title></head>"
    )
    assert insert_early("<p>no head</p>", "<m>") == "<p>no head</p>"
    assert insert_early(PAGE, "") == PAGE


def test_late_markup_closes_the_head() -> None:
    assert insert_late(PAGE, "<s>").endswith("<s></head><body></body></html>")
