"""A page body mapped to glossdeck's blocks by its headings, in English and in translations."""

from __future__ import annotations

from pathlib import Path

import yaml

from glossdeck.imports.report import Report
from glossdeck.imports.sections import map_body, one_line, short_tldr, tidy
from glossdeck.imports.source_term import Located
from tests.support.imports import copy_fixture, glossdeck, import_fixture


def _map(body: str, summary: str | None = None) -> tuple[dict, list[str]]:  # type: ignore[type-arg]
    report = Report()
    mapped = map_body(Located(body, 5), summary, "page.md", report)
    return mapped.fields, [n.format() for n in report.all()]


def test_blocks_by_heading() -> None:
    fields, notes = _map(
        "Intro sentence.\n\nMore intro.\n\n## Why it matters\n\nCosts.\n\n## Myth\n\nMyth: it is free.\n\n"
        "Reality: it costs.\n\n## Pitfalls\n\n* one\n  continued\n* two\n\n## Diagram\n\n```mermaid\nflowchart LR\n  A-->B\n```\n\n"
        "## Examples\n\nRun it:\n\n```bash\necho hi\n```\n\n## Sources\n\n- [Spec](https://example.org/spec)\n\n"
        "## Odd one\n\nText.\n"
    )
    assert fields["tldr"] == "Intro sentence."
    assert fields["why_it_matters"] == "Costs."
    assert fields["misconception"] == {"belief": "it is free.", "correction": "it costs."}
    assert fields["mistakes"] == ["one\ncontinued", "two"]
    assert fields["diagram"] == "flowchart LR\n  A-->B\n"
    assert fields["code_examples"] == [{"kind": "example", "language": "bash", "code": "echo hi\n"}]
    assert fields["sources"] == [{"url": "https://example.org/spec", "title": "Spec"}]
    assert fields["explanation"] == "More intro.\n\n### Examples\n\nRun it:\n\n### Odd one\n\nText."
    assert notes == ["page.md:44: changed: section 'Odd one' put into the explanation"]


def test_a_misconception_saying_one_thing_goes_into_the_explanation() -> None:
    fields, notes = _map("Def.\n\n## Misconception\n\nOnly one paragraph.\n")
    assert "misconception" not in fields
    assert fields["explanation"] == "### Misconception\n\nOnly one paragraph."
    assert notes == [
        "page.md:7: changed: 'Misconception' needs a belief and a correction (two paragraphs); put into the explanation"
    ]


def test_the_first_section_is_the_definition_when_nothing_comes_before_it() -> None:
    fields, notes = _map("## Something\n\nThe definition.\n\nMore.\n\n## Problem it addresses\n\nWhy.\n")
    assert fields["tldr"] == "The definition." and fields["explanation"] == "More."
    assert notes == ["page.md:5: changed: section 'Something' taken as the definition"]


def test_translated_headings_and_heading_ids() -> None:
    fields, _ = _map("## یہ کيا ہے\n\nتعریف۔\n\n## یہ کیا مسئلہ حل کرتا ہے؟\n\nمسئلہ۔\n")  # two spellings of ی
    assert fields == {"tldr": "تعریف۔", "why_it_matters": "مسئلہ۔"}
    fields, _ = _map("## 是什麼 {#what-it-is}\n\n定义。\n\n## 新的 {#problem-it-addresses}\n\n问题。\n")
    assert fields == {"tldr": "定义。", "why_it_matters": "问题。"}


def test_prose_is_tidied_for_glossdeck() -> None:
    assert tidy("Text:\n- a\n- b\n\n\n\nEnd.\n\n---\n") == "Text:\n\n- a\n- b\n\nEnd."
    assert tidy("```\nx:\n- y\n```") == "```\nx:\n- y\n```"  # code keeps its lines
    assert one_line("一起工作。\n在云原生\nand English\nline") == "一起工作。在云原生 and English\nline".replace(
        "\n", " "
    )


def test_short_tldrs_cut_between_sentences_in_any_script() -> None:
    text = " ".join(f'Sentence {i} says "more." about it.' for i in range(20))
    short, rest = short_tldr(text)
    assert len(short) <= 400 and f"{short} {rest}" == text and short.endswith("about it.")
    chinese = "这是一个句子。" * 80
    short, rest = short_tldr(chinese)
    assert len(short) <= 400 and short + rest == chinese and short.endswith("。")
    one = "x" * 500
    assert short_tldr(one) == (one, "")


def test_a_chinese_translation_imports_with_its_headings_and_file_name_slugs(tmp_path: Path) -> None:
    run = import_fixture("hugo-zh", tmp_path)
    assert run.code == 0, run.err
    terms = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (tmp_path / "terms").glob("*.yml")}
    # "持续集成 (CI)" would be the slug "ci": the file name names it better
    assert sorted(terms) == ["cluster", "container", "continuous-integration"]
    assert (
        terms["container"]["tldr"]
        == "容器是一个正在运行的进程，受计算机操作系统管理的资源和能力约束。容器进程可用的文件被打包为容器镜像。"
    )
    assert terms["container"]["why_it_matters"] == "在容器出现之前，运行应用程序需要单独的机器。"
    assert terms["container"]["explanation"].startswith("### 如何帮助\n\n容器共享主机的内核")
    assert "[[cluster]]" in terms["container"]["explanation"]  # the link's text is the title
    assert terms["cluster"]["related"] == ["continuous-integration"]
    # a term link right before "(" keeps the parenthesis as text; a link to the page itself is text
    assert terms["continuous-integration"]["tldr"] == "持续集成持续集成不是链接；它与[[cluster]]\\(CI) 一起使用。"
    assert "基础设施" in terms["container"]["tags"]  # slugs in any script: the Chinese tag is kept


def test_section_option_maps_more_headings(tmp_path: Path) -> None:
    copy_fixture("hugo", tmp_path)
    run = glossdeck(
        tmp_path, "import", "hugo", "content/en", "--section", "Where images live=why_it_matters", "--dry-run"
    )
    assert run.code == 0, run.err
    assert "section 'Where images live' put into the explanation" not in run.err
    run = glossdeck(tmp_path, "import", "hugo", "content/en", "--section", "Where=nowhere")
    assert run.code == 2 and "no block 'nowhere'; blocks: intro, explanation, part," in run.err
