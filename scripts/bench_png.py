#!/usr/bin/env python3
"""Link-preview PNG benchmark (issue 13): CPU milliseconds per 1200x630 image, by renderer.

It makes the social-card SVGs of this repository's terms (cycled up to `--cards`, the last one the
site's card), then draws them all with each renderer share/png.py knows: resvg-py, and svg2png-py
with glossdeck's RGB PNG writer where it is installed (the `fast` extra). Each renderer draws the
set `--runs` times, the renderers taking turns run by run (on a shared machine both then see the
same load); the script prints the best and median run's CPU time per card (process time), the
average file size, and how many times less CPU svg2png-py takes (best against best).

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


def measure(svgs: list[str], use_fast: bool) -> tuple[float, int]:
    """CPU ms per card of one run, and the average PNG size in bytes."""
    start = time.process_time()
    sizes = [len(svg_to_png(svg, use_fast=use_fast)) for svg in svgs]
    return 1000 * (time.process_time() - start) / len(svgs), sum(sizes) // len(sizes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cards", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    svgs = card_svgs(max(2, args.cards))
    renderers = (False, True) if FAST is not None else (False,)
    runs: dict[bool, list[float]] = {use_fast: [] for use_fast in renderers}
    sizes: dict[bool, int] = {}
    for use_fast in renderers:
        svg_to_png(svgs[0], use_fast=use_fast)  # the system fonts are scanned once per process: not counted
    for _ in range(max(1, args.runs)):
        for use_fast in renderers:
            per_card, sizes[use_fast] = measure(svgs, use_fast)
            runs[use_fast].append(per_card)
    for use_fast in renderers:
        print(
            f"{renderer(use_fast=use_fast):38s} {min(runs[use_fast]):6.1f} ms/card best,"
            f" {statistics.median(runs[use_fast]):6.1f} median ({len(svgs)} cards x {len(runs[use_fast])} runs),"
            f" {sizes[use_fast] // 1000} KB each"
        )
    if FAST is not None:
        print(f"svg2png-py takes {min(runs[False]) / min(runs[True]):.2f}x less CPU per card")
    else:
        print("svg2png-py is not installed: pip install 'glossdeck[fast]'")


if __name__ == "__main__":
    main()
