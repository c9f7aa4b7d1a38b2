"""The class-context page: its optional fields say so in their label, and a field shows one
message, the first that applies."""

import re

import pytest


@pytest.fixture
def logged_in(client, auth, teacher):
    auth.login(teacher.email)
    return teacher


def label_of(page: str, field: str) -> str:
    found = re.search(rf'<label for="{field}">(.*?)</label>', page, re.S)
    return re.sub(r"<[^>]+>", "", found.group(1)) if found else ""


def test_optional_fields_are_marked_in_their_label(client, logged_in):
    page = client.get("/assessment/context").get_data(as_text=True)
    for field in ("class_size", "support_need", "extra_support_need", "support", "specialisms"):
        assert label_of(page, field).endswith("(optioneel)"), field


def test_a_word_for_a_number_gets_one_message(client, logged_in):
    page = client.post("/assessment/context", data={"class_size": "twintig", "finish": ""}).get_data(
        as_text=True
    )
    messages = re.findall(r'<p class="error" id="class_size-error">([^<]+)</p>', page)
    assert len(messages) == 1
    assert "Tussen 1 en 60." not in page


def test_the_profile_marks_its_optional_fields(client, auth, teacher):
    auth.login(teacher.email)
    page = client.get("/profile").get_data(as_text=True)
    for field in ("study_years_left", "graduation_year", "label"):
        assert label_of(page, field).endswith("(optioneel)"), field
    assert not label_of(page, "name").endswith("(optioneel)")
