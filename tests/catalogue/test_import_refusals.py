"""The catalogue import refuses a bad file with its reasons, never with a traceback."""

import json

import pytest

from tests.conftest import small_document


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def with_title(text: str) -> str:
    document = small_document()
    document["modules"][0]["title"]["nl"] = "TITLE"
    return json.dumps(document).replace('"TITLE"', json.dumps(text, ensure_ascii=True))


def with_module_field(name: str, value) -> str:
    document = small_document()
    document["modules"][0][name] = value
    return json.dumps(document)


BAD_FILES = {
    "deeply nested": nested(100_000),
    "nested document": json.dumps({**small_document(), "framework": json.loads(nested(60))}),
    "nul in a title": with_title("Passend\x00onderwijs"),
    "lone surrogate in a title": with_title("Passend \ud800"),
    "a list": "[1, 2, 3]",
    "modules as an object": json.dumps({**small_document(), "modules": {"0": {}}}),
    "a huge number": with_module_field("hours", 10**400),
    "a float infinity": with_module_field("cost_eur", float("inf")),
    "duplicate module codes": json.dumps(
        {**small_document(), "modules": small_document()["modules"] + small_document()["modules"][:1]}
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_refused_with_a_message(runner, tmp_path, name):
    path = tmp_path / "catalogue.json"
    path.write_text(BAD_FILES[name], encoding="utf-8")
    result = runner.invoke(args=["catalogue", "import", str(path)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert "not imported" in result.output or "not valid JSON" in result.output
