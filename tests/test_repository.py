"""The source tree holds no half-merged file: a conflict marker in a style sheet or a
translation breaks the page without failing any other test."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKER = re.compile(r"^(<<<<<<< |>>>>>>> |=======$)", re.M)
KINDS = ("*.py", "*.html", "*.css", "*.js", "*.po", "*.md", "*.toml", "*.json", "Makefile")


def test_no_file_holds_a_conflict_marker():
    found = [
        str(path.relative_to(ROOT))
        for folder in ("planner", "templates", "tests", "migrations", "benchmarks", "docs", ".")
        for kind in KINDS
        for path in (ROOT / folder).glob(kind if folder == "." else f"**/{kind}")
        if path.is_file() and MARKER.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert found == []
