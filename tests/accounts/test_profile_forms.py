"""The profile page: a new API token is shown once after a redirect, a reload makes no
second one, bad input stays at its field, revoking asks first; dates read as everywhere else."""

import re
from datetime import datetime

import pytest
import sqlalchemy as sa
from flask import g

from planner import audit
from planner.extensions import db
from planner.models import ApiToken


@pytest.fixture
def teacher(people):
    return people["teacher"]


def tokens_of(user) -> list[ApiToken]:
    return db.session.scalars(sa.select(ApiToken).where(ApiToken.user_id == user.id)).all()


def test_a_new_token_is_shown_once_after_a_redirect(client, auth, teacher):
    auth.login("t1@example.org")
    response = client.post("/profile/tokens", data={"label": "Rooster", "days": "30"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/profile#api-tokens")
    first = client.get("/profile").get_data(as_text=True)
    assert first.count('<code class="token">') == 1
    # Reloading the page neither shows the token again nor makes another.
    again = client.get("/profile").get_data(as_text=True)
    assert '<code class="token">' not in again and "Rooster" in again
    assert len(tokens_of(teacher)) == 1


def test_a_refused_token_keeps_the_typed_label_at_its_field(client, auth, teacher):
    auth.login("t1@example.org")
    label = "x" * 101
    response = client.post("/profile/tokens", data={"label": label, "days": "30"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert re.search(r'<p class="error" id="label-error">[^<]+</p>', page)
    assert re.search(rf'id="label"[^>]*value="{label}"', page)
    assert tokens_of(teacher) == []


def test_the_profile_and_audit_pages_show_dates_as_everywhere_else(client, auth, people, teacher):
    auth.login("t1@example.org")
    client.post("/profile/tokens", data={"label": "Rooster", "days": "30"})
    token = tokens_of(teacher)[0]
    token.created_at = datetime(2025, 3, 3, 9, 0)
    token.last_used_at = datetime(2025, 3, 4, 14, 5)
    audit.record("account.edit", subject=teacher)
    db.session.flush()
    entry = db.session.scalars(sa.select(audit.AuditEntry)).all()[-1]
    entry.at = datetime(2025, 3, 5, 16, 30)
    db.session.commit()
    profile = client.get("/profile").get_data(as_text=True)
    assert "3 maart 2025" in profile and "4 maart 2025, 14:05" in profile
    assert "03-03-2025" not in profile
    assert "5 maart 2025, 16:30" in client.get("/audit").get_data(as_text=True)
    client.post("/language", data={"locale": "en"})
    g.pop("_flask_babel", None)  # the tests' app context outlives the request that chose
    profile = client.get("/profile").get_data(as_text=True)
    assert "March 3, 2025" in profile and "March 4, 2025, 2:05" in profile


def test_revoking_a_token_asks_first(client, auth, people, teacher):
    auth.login("t1@example.org")
    client.post("/profile/tokens", data={"label": "Rooster", "days": "30"})
    token = tokens_of(teacher)[0]
    page = client.get("/profile").get_data(as_text=True)
    assert f'href="/profile/tokens/{token.id}/delete"' in page
    confirm = client.get(f"/profile/tokens/{token.id}/delete")
    text = confirm.get_data(as_text=True)
    assert confirm.status_code == 200 and "Rooster" in text and 'method="post"' in text
    assert 'href="/profile#api-tokens"' in text
    assert len(tokens_of(teacher)) == 1
    assert client.post(f"/profile/tokens/{token.id}/delete").status_code == 302
    assert tokens_of(teacher) == []


def test_another_persons_token_is_not_found_on_the_confirmation_page(client, auth, people, teacher):
    auth.login("t1@example.org")
    client.post("/profile/tokens", data={"label": "Rooster", "days": "30"})
    token = tokens_of(teacher)[0]
    auth.logout()
    auth.login("t2@example.org")
    assert client.get(f"/profile/tokens/{token.id}/delete").status_code == 404
