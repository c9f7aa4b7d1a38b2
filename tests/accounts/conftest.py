import pytest
from flask import g
from flask.testing import FlaskClient


@pytest.fixture(autouse=True)
def separate_requests(monkeypatch):
    """The tests' app context outlives a request, and with it Flask-Login's cached user:
    forget it before each request, as a server does, so that one client's login does not
    leak into another's request and every request asks the user loader again."""
    original = FlaskClient.open

    def open_fresh(self, *args, **kwargs):
        g.pop("_login_user", None)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(FlaskClient, "open", open_fresh)
