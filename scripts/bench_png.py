#!/usr/bin/env python3
"""Link-preview PNG benchmark (issue 13): CPU milliseconds per 1200x630 image, by renderer.

It makes the social-card SVGs of this repository's terms (cycled up to `--cards`, the last one the
site's card), then draws them all with each renderer share/png.py knows: resvg-py, and svg2png-py
with glossdeck's RGB PNG writer where it is installed (the `fast` extra). Each renderer draws the
set `--runs` times; the script prints the best and median run's CPU time per card (process time:
the machine may be shared), the average file size, and how many times faster svg2png-py is.

    PYTHONPATH=plugins python scripts/bench_png.py
    PYTHONPATH=plugins python scripts/bench_png.py --cards 100 --runs 5
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from glossdeck.core.checks import load_glossary
from glossdeck.embeds.card_view import card_view
from glossdeck.share.png import FAST, renderer, svg_to_png
from glossdeck.share.social_card import site_social_svg, term_social_svg

TERMS = Path(__file__).resolve().parents[1] / "terms"


def card_svgs(count: int) -> list[str]:
    glossary, problems = load_glossary([TERMS])
    if problems.errors:
        raise SystemExit("\n".join(p.format() for p in problems.errors))
    slugs = list(glossary.entries)
    svgs = [term_social_svg(card_view(s, glossary.term(s), "Glossary")) for s in (slugs * count)[: count - 1]]
    return [*svgs, site_social_svg("Team Glossary", "Our words, explained.", "GLOSSARY · 42 TERMS", "example.org")]


def measure(svgs: list[str], use_fast: bool, runs: int) -> tuple[list[float], int]:
    """CPU ms per card of each run, and the average PNG size in bytes."""
    svg_to_png(svgs[0], use_fast=use_fast)  # the system fonts are scanned once per process: not counted
    per_card: list[float] = []
    size = 0
    for _ in range(runs):
        start = time.process_time()
        sizes = [len(svg_to_png(svg, use_fast=use_fast)) for svg in svgs]
        per_card.append(1000 * (time.process_time() - start) / len(svgs))
        size = sum(sizes) // len(sizes)
    return per_card, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cards", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    svgs = card_svgs(max(2, args.cards))
    best: dict[bool, float] = {}
    for use_fast in (False, True) if FAST is not None else (False,):
        runs, size = measure(svgs, use_fast, max(1, args.runs))
        best[use_fast] = min(runs)
        print(
            f"{renderer(use_fast=use_fast):38s} {min(runs):6.1f} ms/card best, {statistics.median(runs):6.1f} median"
            f" ({len(svgs)} cards x {len(runs)} runs), {size // 1000} KB each"
        )
    if True in best:
        print(f"svg2png-py is {best[False] / best[True]:.2f}x faster")
    else:
        print("svg2png-py is not installed: pip install 'glossdeck[fast]'")


if __name__ == "__main__":
    main()
