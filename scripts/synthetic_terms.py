"""Synthetic but realistic term files for benchmarks: the size and shape of the reference term.

Each term has prose that mentions other terms by title (some of it with inline Markdown: code spans
and emphasis, as real terms have), a Mermaid diagram, two captioned code examples, four related
terms, prerequisites one level down, and a full DEBT block.

Prerequisites follow levels, as in a real glossary: beginner terms have none, intermediate terms
need two nearby beginner terms, advanced terms a nearby intermediate and a beginner one. Chains are
at most two deep whatever N is (a chain through every earlier term would make each "read first"
list, and so each page, grow with the glossary, which no real glossary does).
"""

from __future__ import annotations

import random
from pathlib import Path

CATEGORIES = ["security", "devops", "architecture", "performance", "data", "testing", "language", "frontend"]
WORDS = [
    "cache",
    "queue",
    "worker",
    "request",
    "session",
    "token",
    "header",
    "schema",
    "indexer",
    "query",
    "service",
    "container",
    "image",
    "deploy",
    "rollback",
    "replica",
    "shard",
    "lock",
    "retry",
    "timeout",
    "budget",
    "latency",
    "payload",
    "contract",
    "module",
]
ANCHORS = {
    "d": (7, "only careful code review or runtime testing"),
    "e": (4, "localised refactor of one component"),
    "b": (5, "slowly decays the codebase"),
    "t": (6, "counter-intuitive default"),
}


def _title(i: int) -> str:
    rng = random.Random(i)
    return f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()} {i}"


def _sentence(rng: random.Random, mention: str | None = None) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 18))]
    if mention:
        words.insert(rng.randint(1, len(words) - 1), mention)
    return " ".join(words).capitalize() + "."


def term_yaml(i: int, n: int) -> str:
    rng = random.Random(i * 7919)
    others = [j for j in rng.sample(range(n), min(n, 6)) if j != i][:4]
    level = i % 3  # 0 beginner, 1 intermediate, 2 advanced
    beginners = [j for j in range(max(0, i - 60), i) if j % 3 == 0]
    intermediates = [j for j in range(max(0, i - 60), i) if j % 3 == 1]
    if level == 1:
        prereqs = rng.sample(beginners, min(2, len(beginners)))
    elif level == 2:
        prereqs = rng.sample(intermediates, min(1, len(intermediates))) + rng.sample(beginners, min(1, len(beginners)))
    else:
        prereqs = []
    mentions = [_title(j).lower() for j in others]
    paragraphs = [
        " ".join(
            _sentence(rng, mentions[k % len(mentions)] if mentions and k % 3 == 0 else None)
            for k in range(p * 4, p * 4 + 4)
        )
        for p in range(3)
    ]
    paragraphs[1] += f" Prefer `{rng.choice(WORDS)}_{rng.choice(WORDS)}()` over a hand-rolled loop."
    explanation = "\n\n".join(paragraphs).replace("\n", "\n  ")
    rationale = "\n".join(
        f"    {a}: Closest to '{text}' ({a}{lvl}). {_sentence(rng)} {_sentence(rng)}"
        for a, (lvl, text) in ANCHORS.items()
    )
    code = "\n".join(f"      $x{k} = compute_{rng.choice(WORDS)}($input, {k});  // step {k}" for k in range(12))
    return f"""# yaml-language-server: $schema=../schema/term.schema.json
title: {_title(i)}
aliases: [alias {i}]
category: {CATEGORIES[i % len(CATEGORIES)]}
tags: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]
level: {["beginner", "intermediate", "advanced"][level]}
applies_to: {{languages: ["PHP 8.0+"], contexts: [web, cli]}}
tldr: >-
  {_sentence(rng)} {_sentence(rng)}
explanation: |
  {explanation}
why_it_matters: >-
  {_sentence(rng)} It **compounds** with every {rng.choice(WORDS)}.
misconception:
  belief: {_sentence(rng)}
  correction: {_sentence(rng)} {_sentence(rng)}
mistakes:
  - {_sentence(rng)}
  - {_sentence(rng)}
  - {_sentence(rng)}
  - "*Never* {_sentence(rng).lower()}"
quick_fix: Call `safe_{rng.choice(WORDS)}()` instead. {_sentence(rng)}
diagram: |
  flowchart LR
      A[{rng.choice(WORDS)}] -->|{rng.choice(WORDS)}| B[{rng.choice(WORDS)}]
      B --> C[{rng.choice(WORDS)}<br/>{rng.choice(WORDS)}]
      C -.-> D[{rng.choice(WORDS)}]
      subgraph S[{rng.choice(WORDS)}]
          D --> E[{rng.choice(WORDS)}]
      end
code_examples:
  - kind: vulnerable
    language: php
    caption: The {rng.choice(WORDS)} is computed from raw input
    code: |
      <?php
{code}
  - kind: fixed
    language: php
    caption: Each step goes through `safe_*` helpers
    code: |
      <?php
{code.replace("compute_", "safe_")}
debt:
  score: debt(d7/e4/b5/t6)
  rationale:
{rationale}
dev_intel:
  severity: medium
  fix_effort: low
  detection: {{hints: [{rng.choice(WORDS)} {rng.choice(WORDS)}], automated: false, tools: [phpstan]}}
prerequisites: [{", ".join(f"term-{j:05d}" for j in prereqs)}]
related: [{", ".join(f"term-{j:05d}" for j in others)}]
ai_agent: {{confidence: medium, false_positives: low, manual_fix: true, fix_effort: low, context: file}}
added: 2026-0{1 + i % 9}-1{i % 10}
edited: 2026-1{i % 2}-2{i % 8}
"""


def write_terms(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"term-{i:05d}.yml").write_text(term_yaml(i, n), encoding="utf-8")


if __name__ == "__main__":
    import sys

    write_terms(Path(sys.argv[1]), int(sys.argv[2]))
