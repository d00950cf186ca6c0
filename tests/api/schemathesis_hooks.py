"""schemathesis hooks for tests/api/test_schema.py (named in schemathesis.toml)."""

import os

import schemathesis


@schemathesis.hook
def before_call(context, case, kwargs):
    """Send the CSRF token that the API asks for on writes, as the signed-in browser does."""
    token = os.environ["REGROW_CSRF_TOKEN"]
    case.cookies = {**(case.cookies or {}), "csrftoken": token}
    case.headers = {**(case.headers or {}), "X-CSRFToken": token}
