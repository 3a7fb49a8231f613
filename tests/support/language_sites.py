"""The Chinese and Urdu test glossaries (tests/fixtures/i18n/<language>/) as built sites."""

from __future__ import annotations

import shutil
from pathlib import Path

from .sites import BuiltSite, build_project, write_project

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "i18n"

OPTIONS = {
    "zh": """\
terms_dir: terms
categories: {云原生: 云原生技术, 运维: 运维与可观测性}
tags: {容器: 容器技术, 基础: 基础概念}
""",
    "ur": """\
terms_dir: terms
categories: {کلاؤڈ: کلاؤڈ کمپیوٹنگ, معیار: معیار اور جانچ}
tags: {بنیادی: بنیادی تصورات}
""",
}
SITE_NAMES = {"zh": "术语表", "ur": "فرہنگ"}


def build_language_site(root: Path, language: str, site_url: str = "https://example.org/glossary/") -> BuiltSite:
    """The glossary of `language` ("zh", "ur") with the theme's language set to it, built strictly."""
    write_project(
        root,
        terms={},
        site_url=site_url,
        glossdeck=OPTIONS[language],
        extra=f"  language: {language}",
        site_name=SITE_NAMES[language],
    )
    shutil.rmtree(root / "terms")
    shutil.copytree(FIXTURES / language, root / "terms")
    return build_project(root)
