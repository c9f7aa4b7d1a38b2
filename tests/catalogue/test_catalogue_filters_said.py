"""Bad filter values are ignored out loud: the page names what it did not apply."""

import pytest


@pytest.mark.parametrize("query", ["max_hours=abc", "max_hours=-5", "q=" + "x" * 3000])
def test_a_bad_filter_value_is_named_as_ignored(client, make_catalogue, query):
    make_catalogue()
    page = client.get("/catalogue/?" + query).get_data(as_text=True)
    assert "Ignored, so the list is not narrowed by them" in page
    label = "Search" if query.startswith("q=") else "At most hours"
    assert label.lower() in page.split("Ignored", 1)[1].split("</p>", 1)[0].lower()


def test_good_filters_say_nothing_was_ignored(client, make_catalogue):
    make_catalogue()
    page = client.get("/catalogue/?max_hours=10").get_data(as_text=True)
    assert "Ignored" not in page


def test_area_pills_show_names_not_codes(client, make_catalogue):
    make_catalogue()
    page = client.get("/catalogue/").get_data(as_text=True)
    pills = page.split('class="tag area-pill">')[1:]
    assert pills and not any(pill.split("<", 1)[0].strip().isupper() for pill in pills)
